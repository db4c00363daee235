import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import type { ReferralReason, ReferralStatus } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { REFERRAL_REASONS } from '@/lib/enums';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { updateReferralStatus, useReferral } from '../api/referrals';

/** The steps each status may take next (src/domain/referralLifecycle.ts); CANCELLED is staff only. */
const NEXT: Record<ReferralStatus, ReferralStatus[]> = {
  SENT: ['ACCEPTED', 'DECLINED', 'CANCELLED'],
  ACCEPTED: ['IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED'],
  IN_PROGRESS: ['RESOLVED', 'CANCELLED'],
  RESOLVED: [],
  DECLINED: [],
  CANCELLED: [],
};
const NEEDS_REASON: ReadonlySet<ReferralStatus> = new Set(['DECLINED', 'CANCELLED']);

export type ReferralForAssistance = { referralId: string; needId: string; status: ReferralStatus };

/** One referral: who, what, where it stands; its timeline; the next steps the viewer may take. */
export function ReferralDetail({ id, identity, health, caseNotes, canAct, canCancel, assistance }: { id: string; identity: boolean; health: boolean; caseNotes: boolean; canAct: boolean; canCancel: boolean; assistance?: (r: ReferralForAssistance) => React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const referral = useReferral(id, identity, health, caseNotes);
  const categories = useCategories();
  const [pendingStatus, setPendingStatus] = useState<ReferralStatus | null>(null);
  const [reason, setReason] = useState<ReferralReason | ''>('');
  const [note, setNote] = useState('');
  const update = useSubmission(
    (v: { status: ReferralStatus; reason: ReferralReason | null; note: string }, idempotencyKey: string) => updateReferralStatus({ referralId: id, status: v.status, reason: v.reason, note: v.note.trim() || null, idempotencyKey }),
    {
      invalidate: [['referrals'], ['needs']],
      onSuccess: () => {
        setPendingStatus(null);
        setReason('');
        setNote('');
      },
    },
  );

  if (referral.isPending) return <Loading />;
  if (referral.error) return <ErrorNotice error={referral.error} onRetry={() => void referral.refetch()} />;
  const r = referral.data;
  if (!r) return <p data-testid={sel.app.notFound}>{t('referrals.notFound')}</p>;
  const next = canAct ? NEXT[r.status].filter((s) => canCancel || s !== 'CANCELLED') : [];
  const act = (status: ReferralStatus) => {
    if (NEEDS_REASON.has(status)) setPendingStatus(status);
    else void update.submit({ status, reason: null, note }).catch(() => undefined);
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <div className="columns" data-testid={sel.referrals.detail}>
      <section className="card stack">
        <h2>
          {categories.label(r.need.category)} → {r.service.name}
        </h2>
        <p>
          <span className="badge badge-strong" data-testid={sel.referrals.status}>
            {t(`enums.ReferralStatus.${r.status}`)}
          </span>{' '}
          {r.reason ? <span className="badge">{t(`enums.ReferralReason.${r.reason}`)}</span> : null}
        </p>
        <dl className="facts">
          <dt>{t('referrals.organization')}</dt>
          <dd>{r.organization.name}</dd>
          <dt>{t('referrals.household')}</dt>
          <dd>
            {r.household.head?.name ?? r.household.id} · {r.household.village.township.name} {r.household.village.displayName}
          </dd>
          {r.household.head?.phone ? (
            <>
              <dt>{t('intake.headPhone')}</dt>
              <dd>{r.household.head.phone}</dd>
            </>
          ) : null}
          <dt>{t('needs.urgency')}</dt>
          <dd>{t(`enums.Urgency.${r.need.urgency}`)}</dd>
          {r.need.description ? (
            <>
              <dt>{t('needs.description')}</dt>
              <dd>{r.need.description}</dd>
            </>
          ) : null}
          {r.consentOverrideReason ? (
            <>
              <dt>{t('referrals.consentOverride')}</dt>
              <dd>{r.consentOverrideReason}</dd>
            </>
          ) : null}
        </dl>
        {next.length > 0 ? (
          <div className="stack">
            {caseNotes ? <Field label={t('referrals.note')}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} data-testid={sel.referrals.actionNote} />}</Field> : null}
            <div className="row">
              {next.map((s) => (
                <button key={s} type="button" className={s === 'DECLINED' || s === 'CANCELLED' ? 'button button-danger' : 'button button-primary'} disabled={update.pending} onClick={() => act(s)} data-testid={sel.referrals.action(s)}>
                  {t(`referrals.action.${s}`)}
                </button>
              ))}
            </div>
            {pendingStatus ? (
              <form
                className="stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reason) void update.submit({ status: pendingStatus, reason, note }).catch(() => undefined);
                }}
              >
                <Field label={t('referrals.reason')}>
                  {(p) => (
                    <select {...p} value={reason} required onChange={(e) => setReason(e.target.value as ReferralReason)} data-testid={sel.referrals.declineReason}>
                      <option value="">{t('common.choose')}</option>
                      {REFERRAL_REASONS.map((x) => (
                        <option key={x} value={x}>
                          {t(`enums.ReferralReason.${x}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="submit" className="button button-danger" disabled={!reason || update.pending} data-testid={sel.referrals.confirmDecline}>
                  {t(`referrals.action.${pendingStatus}`)}
                </button>
              </form>
            ) : null}
            <ErrorNotice error={update.error} onRetry={() => void update.retry()} />
          </div>
        ) : null}
      </section>
      <section className="card stack">
        <h2>{t('referrals.timeline')}</h2>
        <ol className="timeline" data-testid={sel.referrals.timeline}>
          {r.transitions.map((step, i) => (
            <li key={`${step.status}-${i}`} data-testid={sel.referrals.timelineStep}>
              <strong>{t(`enums.ReferralStatus.${step.status}`)}</strong> <time dateTime={step.at}>{when(step.at)}</time>
              {step.reason ? <span className="badge">{t(`enums.ReferralReason.${step.reason}`)}</span> : null}
              {step.note ? <p>{step.note}</p> : null}
              <small className="muted">{t('referrals.by', { actor: step.actorId })}</small>
            </li>
          ))}
        </ol>
      </section>
      {assistance ? assistance({ referralId: r.id, needId: r.need.id, status: r.status }) : null}
    </div>
  );
}
