import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralCardFragment } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { sel } from '@/testing/selectors';

export function ReferralCardView({ referral: r, overdueHours, testId }: { referral: ReferralCardFragment; overdueHours: number | undefined; testId: string }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  return (
    <li className={overdueHours === undefined ? 'card referral-card' : 'card referral-card overdue'} data-testid={testId}>
      <Link to={`/referrals/${r.id}`}>
        <strong>{categories.label(r.need.category)}</strong> · {r.household.head?.name ?? r.household.village.displayName}
      </Link>
      <span className={`badge urgency-${r.need.urgency}`}>{t(`enums.Urgency.${r.need.urgency}`)}</span>
      {overdueHours !== undefined ? (
        <span className="badge badge-danger" data-testid={sel.referrals.overdue(r.id)}>
          {t('referrals.overdue', { hours: Math.round(overdueHours) })}
        </span>
      ) : null}
      <p className="muted">
        {r.service.name} · {r.organization.name}
      </p>
      <small className="muted">{t('referrals.updated', { at: new Date(r.updatedAt).toLocaleString(i18n.language) })}</small>
    </li>
  );
}
