import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import { Pager } from '@/components/Pager';
import type { ReferralStatus } from '@/gql/graphql';
import { REFERRAL_STATUSES } from '@/lib/enums';
import { usePager } from '@/lib/usePager';
import { sel } from '@/testing/selectors';
import { useReferralInbox } from '../api/referrals';
import { ReferralCardView } from './ReferralCardView';

/** A partner NGO's inbox: referrals addressed to its organisation (the API scopes them), newest activity first. */
export function ReferralInbox({ organizationId, identity }: { organizationId: string | null; identity: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReferralStatus | ''>('SENT');
  const pager = usePager();
  const inbox = useReferralInbox({ ...(organizationId ? { organizationId } : {}), ...(status ? { status } : {}) }, pager.after, identity);
  const overdue = new Map((inbox.data?.overdueReferrals.nodes ?? []).map((o) => [o.referral.id, o.overdueHours]));
  return (
    <section className="stack">
      <div className="filters">
        <Field label={t('inbox.status')}>
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as ReferralStatus | '');
                pager.reset();
              }}
              data-testid={sel.inbox.statusFilter}
            >
              <option value="">{t('common.all')}</option>
              {REFERRAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.ReferralStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={inbox.error} onRetry={() => void inbox.refetch()} />
      {inbox.isPending ? <Loading /> : null}
      {inbox.data ? (
        <>
          <p className="muted">{t('inbox.count', { count: inbox.data.referrals.totalCount })}</p>
          {inbox.data.referrals.totalCount === 0 ? <p data-testid={sel.inbox.empty}>{t('inbox.none')}</p> : null}
          <ul className="list cards" data-testid={sel.inbox.list}>
            {inbox.data.referrals.nodes.map((r) => (
              <ReferralCardView key={r.id} referral={r} overdueHours={overdue.get(r.id)} testId={sel.inbox.item(r.id)} />
            ))}
          </ul>
          <Pager page={pager.page} hasNextPage={inbox.data.referrals.pageInfo.hasNextPage} onNext={() => pager.next(inbox.data?.referrals.pageInfo.endCursor)} onPrevious={pager.previous} />
        </>
      ) : null}
    </section>
  );
}
