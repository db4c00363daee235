import { StaleBadge } from '@/components/StaleBadge';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import type { MatchNeedQuery, TrustEndFragment } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { isApiError } from '@/lib/apiError';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { createReferral, useMatchNeed } from '../api/matchNeed';

type Matched = Extract<MatchNeedQuery['matchNeed'], { __typename: 'Matched' }>;
type MatchItem = Matched['matches'][number];

function endName(t: TFunction, end: TrustEndFragment | null, id: string): string {
  if (!end) return id;
  switch (end.__typename) {
    case 'Household':
      return t('match.theHousehold');
    case 'Village':
      return end.displayName;
    case 'Person':
    case 'Organization':
    case 'Service':
    case 'Township':
      return end.name;
  }
}

/**
 * What the app puts on a service's card for the waiting list (features/waitlist, composed in app/routes/MatchRoute):
 * the need's place there, and the "join" button when `canJoin` (the service is full).
 */
export type WaitlistSlot = (serviceId: string, canJoin: boolean) => ReactNode;

/** "Where should this need go?": ranked services with the score's parts, or why none fits and what would unlock it. */
export function MatchResults({ needId, canRefer, waitlistSlot }: { needId: string; canRefer: boolean; waitlistSlot?: WaitlistSlot }) {
  const { t, i18n } = useTranslation();
  const match = useMatchNeed(needId);
  const categories = useCategories();
  const [override, setOverride] = useState('');
  const [sent, setSent] = useState<{ id: string; created: boolean } | null>(null);
  const [sendingTo, setSendingTo] = useState<string | null>(null);
  const send = useSubmission(
    (serviceId: string, idempotencyKey: string) =>
      createReferral({ needId, serviceId, idempotencyKey, ...(result?.consentRequired && override.trim() ? { consentOverrideReason: override.trim() } : {}) }),
    { invalidate: [['referrals'], ['match', needId], ['needs']], onSuccess: (r) => setSent({ id: r.referral.id, created: r.created }) },
  );

  if (match.isPending) return <Loading />;
  if (match.error) return <ErrorNotice error={match.error} onRetry={() => void match.refetch()} />;
  const need = match.data.need && 'category' in match.data.need ? match.data.need : null;
  const result = match.data.matchNeed;
  const village = need?.household.village ?? null;
  /** A card whose referral was refused because its places are owed to its waiting list: offer the list there. */
  const fullService = isApiError(send.error) && send.error.code === 'CAPACITY_EXHAUSTED' ? sendingTo : null;
  /** The server's detail is English: shown (as a support detail) only on an English screen. */
  const english = i18n.language.startsWith('en');

  return (
    <section className="stack" data-testid={sel.match.page}>
      {need ? (
        <p>
          {t('match.forNeed', { category: categories.label(need.category), urgency: t(`enums.Urgency.${need.urgency}`) })}{' '}
          <Link to={`/households/${need.household.id}`}>{t('match.backToHousehold')}</Link>
        </p>
      ) : null}
      <p className="muted">{t('match.considered', { total: result.considered.total, suitable: result.considered.suitable })}</p>
      {result.consentRequired ? (
        <div className="notice notice-warn" data-testid={sel.match.consentRequired}>
          <p>{t('match.consentRequired')}</p>
          {canRefer && result.__typename === 'Matched' ? (
            <Field label={t('match.overrideReason')} hint={t('match.overrideHint')}>
              {(p) => <input {...p} value={override} onChange={(e) => setOverride(e.target.value)} data-testid={sel.match.overrideReason} />}
            </Field>
          ) : null}
        </div>
      ) : null}
      {sent ? (
        <div className="notice notice-ok" role="status" data-testid={sel.match.sent}>
          <p>{sent.created ? t('match.sent') : t('match.alreadySent')}</p>
          <Link to={`/referrals/${sent.id}`}>{t('match.openReferral')}</Link>
        </div>
      ) : null}
      <ErrorNotice error={send.error} onRetry={() => void send.retry()} />
      {result.__typename === 'Matched' ? (
        <ol className="cards">
          {result.matches.map((m, index) => (
            <MatchCard
              key={m.service.id}
              match={m}
              rank={index + 1}
              village={village}
              onSend={
                canRefer && !sent
                  ? () => {
                      setSendingTo(m.service.id);
                      void send.submit(m.service.id).catch(() => undefined);
                    }
                  : null
              }
              sending={send.pending}
              waitlist={waitlistSlot?.(m.service.id, canRefer && fullService === m.service.id) ?? null}
            />
          ))}
        </ol>
      ) : (
        <div className="stack" data-testid={sel.match.none}>
          <h2>{t('match.noneTitle')}</h2>
          {result.reasons.map((r) => (
            <article key={r.reason} className="card" data-testid={sel.match.reason(r.reason)}>
              <h3>{t(`enums.ExclusionReason.${r.reason}`)}</h3>
              <p>{t(`match.reasonDetail.${r.reason}`, { village: village?.displayName ?? '', names: r.services.map((s) => s.name).join('、') })}</p>
              {r.services.length > 0 ? (
                <p className="muted">
                  {t('match.blockedServices', {
                    names: r.services.map((s) => (r.reason === 'NOT_ACTIVE' ? t('match.serviceWithStatus', { name: s.name, status: t(`enums.ServiceStatus.${s.status}`) }) : s.name)).join('、'),
                  })}
                </p>
              ) : null}
              {r.reason === 'AT_CAPACITY' && waitlistSlot ? (
                <ul className="stack">
                  {r.services.map((s) => (
                    <li key={s.id} data-testid={sel.match.fullService(s.id)}>
                      <strong>{s.name}</strong>
                      {waitlistSlot(s.id, canRefer)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.unlock.length > 0 || r.reason === 'NO_SERVICE_IN_CATEGORY' ? (
                <>
                  <h4>{t('match.unlock')}</h4>
                  <p>{t(`match.reasonUnlock.${r.reason}`, { village: village?.displayName ?? '' })}</p>
                </>
              ) : null}
              {english ? (
                <details className="notice-detail">
                  <summary>{t('errors.serverDetail')}</summary>
                  <p>{r.detail}</p>
                  <ul>
                    {r.unlock.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

type NeedVillage = { displayName: string; township: { name: string } } | null;

/** Which area rule lets the service serve the household's village, in the user's language (from the area's kind and names, not the server's English detail). */
function areaLine(t: TFunction, m: MatchItem, village: NeedVillage): string {
  const names = { village: village?.displayName ?? '', township: village?.township.name ?? '', km: m.service.area.km == null ? '' : m.service.area.km.toFixed(1) };
  switch (m.area.how) {
    case 'ONLINE':
      return t('match.areaLine.ONLINE');
    case 'COUNTY':
      return t('match.areaLine.COUNTY');
    case 'TOWNSHIP':
      return t('match.areaLine.TOWNSHIP', names);
    case 'VILLAGE':
      return t('match.areaLine.VILLAGE', names);
    case 'RADIUS':
      return t('match.areaLine.RADIUS', names);
  }
}

function MatchCard({
  match: m,
  rank,
  village,
  onSend,
  sending,
  waitlist,
}: {
  match: MatchItem;
  rank: number;
  village: NeedVillage;
  onSend: (() => void) | null;
  sending: boolean;
  waitlist: ReactNode;
}) {
  const { t } = useTranslation();
  const parts = m.scoreParts;
  const partRows: [string, number, number][] = [
    [t('match.part.distance'), parts.distance.value, parts.distance.weight],
    [t('match.part.trust'), parts.trust.value, parts.trust.weight],
    [t('match.part.trackRecord'), parts.trackRecord.value, parts.trackRecord.weight],
    [t('match.part.capacity'), parts.capacity.value, parts.capacity.weight],
  ];
  return (
    <li className="card match-card" data-testid={sel.match.card(m.service.id)}>
      <header className="match-head">
        <span className="rank">{rank}</span>
        <div>
          <h3>
            {m.service.name} {m.stale ? <StaleBadge confirmedOn={m.confirmedOn} testId={sel.staleServices.matchFlag(m.service.id)} /> : null}
          </h3>
          <p className="muted">{m.service.organization.name}</p>
        </div>
        <strong className="score" data-testid={sel.match.score} title={t('match.scoreTitle')}>
          {(m.score * 100).toFixed(0)}
        </strong>
      </header>
      <dl className="facts facts-compact">
        <dt>{t('match.distance')}</dt>
        <dd>
          {m.online ? t('match.online') : m.distanceKm == null ? '—' : t('match.km', { km: m.distanceKm.toFixed(1) })}{' '}
          <small className="muted">
            {t('match.precision', { village: t(`enums.LocationPrecision.${m.locationPrecision.village}`), service: m.locationPrecision.service ? t(`enums.LocationPrecision.${m.locationPrecision.service}`) : '—' })}
          </small>
        </dd>
        <dt>{t('match.capacityLeft')}</dt>
        <dd>{m.capacityLeft == null ? t('match.unlimited') : m.capacityLeft}</dd>
        <dt>{t('match.area')}</dt>
        <dd>{areaLine(t, m, village)}</dd>
        <dt>{t('match.trackRecord')}</dt>
        <dd>{t('match.trackRecordValue', { sent: parts.trackRecord.sent, accepted: parts.trackRecord.accepted, resolved: parts.trackRecord.resolved })}</dd>
      </dl>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption>{t('match.scoreParts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('match.part.name')}</th>
              <th scope="col">{t('match.part.value')}</th>
              <th scope="col">{t('match.part.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {partRows.map(([name, value, weight]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>
                  <meter min={0} max={1} value={value} /> {value.toFixed(2)}
                </td>
                <td>{weight.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('match.trustPath', { hops: m.trustPath.hops, weakest: t(`enums.RelationshipStatus.${m.trustPath.weakestStatus}`) })}</h4>
      <ol className="steps">
        {m.trustPath.steps.map((s, i) => (
          <li key={`${s.fromId}-${s.toId}-${i}`} className={`step status-${s.status}`} data-testid={sel.match.trustStep}>
            <span>{endName(t, s.from, s.fromId)}</span>
            <span className="step-link">
              → {t(`enums.TrustStepType.${s.type}`)} · {t(`enums.RelationshipStatus.${s.status}`)} →
            </span>
            <span>{endName(t, s.to, s.toId)}</span>
          </li>
        ))}
      </ol>
      {waitlist}
      {onSend ? (
        <button type="button" className="button button-primary" disabled={sending} onClick={onSend} data-testid={sel.match.send(m.service.id)}>
          {sending ? t('common.sending') : t('match.send')}
        </button>
      ) : null}
    </li>
  );
}
