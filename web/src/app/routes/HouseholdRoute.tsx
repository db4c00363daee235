import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { PageTitle } from '@/components/PageTitle';
import { ConsentPanel } from '@/features/consent/components/ConsentPanel';
import { useHousehold } from '@/features/households/api/useHousehold';
import { HouseholdSummary } from '@/features/households/components/HouseholdSummary';
import { NeedsPanel } from '@/features/needs/components/NeedsPanel';
import { CHILD_BANDS } from '@/lib/enums';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { sel } from '@/testing/selectors';
import { NotFoundRoute } from './NotFoundRoute';

/** A household with its consents and needs (three features composed here). */
export function HouseholdRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const caps = capabilitiesOf(useAccount().role);
  const household = useHousehold(caps, id);
  if (household.isPending) return <Loading />;
  if (household.error) return <ErrorNotice error={household.error} onRetry={() => void household.refetch()} />;
  if (!household.data) return <NotFoundRoute />;
  const h = household.data;
  // Without the CHILDREN right the API decides whether a guardian's consent is needed; offer the box.
  const hasChildren = h.memberAgeBands == null ? true : h.memberAgeBands.some((b) => CHILD_BANDS.includes(b));
  return (
    <>
      <PageTitle
        title={h.head?.name ?? t('households.household')}
        actions={
          caps.registerHousehold ? (
            <Link className="button" to={`/households/${h.id}/edit`} data-testid={sel.households.edit}>
              {t('common.edit')}
            </Link>
          ) : null
        }
      />
      <div className="columns">
        <HouseholdSummary household={h} caps={caps} />
        {caps.consent ? <ConsentPanel householdId={h.id} hasChildren={hasChildren} /> : null}
        <NeedsPanel householdId={h.id} caps={caps} />
      </div>
    </>
  );
}
