import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { HouseholdBrowser } from '@/features/households/components/HouseholdBrowser';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { sel } from '@/testing/selectors';
import { Forbidden } from './Forbidden';

export function HouseholdsRoute() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.householdList) return <Forbidden />;
  return (
    <>
      <PageTitle
        title={t('households.title')}
        actions={
          caps.registerHousehold ? (
            <Link className="button button-primary" to="/households/new" data-testid={sel.households.register}>
              {t('households.register')}
            </Link>
          ) : null
        }
      />
      <HouseholdBrowser caps={caps} />
    </>
  );
}
