import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { REFERRAL_STATUSES } from '@/lib/enums';
import { sel } from '@/testing/selectors';
import { useReferralBoard } from '../api/referrals';
import { ReferralCardView } from './ReferralCardView';

/** Referrals by status, one column each, overdue ones marked (overdueReferrals). */
export function ReferralBoard({ identity }: { identity: boolean }) {
  const { t } = useTranslation();
  const board = useReferralBoard(identity);
  if (board.isPending) return <Loading />;
  if (board.error) return <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />;
  const overdue = new Map(board.data.overdueReferrals.nodes.map((o) => [o.referral.id, o.overdueHours]));
  return (
    <div className="board" data-testid={sel.referrals.board}>
      {REFERRAL_STATUSES.map((status) => {
        const column = board.data[status];
        return (
          <section key={status} className="board-column" data-testid={sel.referrals.column(status)} aria-labelledby={`col-${status}`}>
            <h2 id={`col-${status}`}>
              {t(`enums.ReferralStatus.${status}`)} <span className="count">{column.totalCount}</span>
            </h2>
            <ul className="list">
              {column.nodes.map((r) => (
                <ReferralCardView key={r.id} referral={r} overdueHours={overdue.get(r.id)} testId={sel.referrals.card(r.id)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
