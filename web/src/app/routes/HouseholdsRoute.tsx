import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { ExportButton } from '@/features/export/components/ExportButton';
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
            <>
              <Link className="button button-primary" to="/households/new" data-testid={sel.households.register}>
                {t('households.register')}
              </Link>
              {/* Issue 14 items 2 and 5: import and export are registerHousehold's staff roles on the API too. */}
              <Link className="button" to="/households/import" data-testid={sel.householdImport.open}>
                {t('householdImport.open')}
              </Link>
              <ExportButton kind="households" />
            </>
          ) : null
        }
      />
      <HouseholdBrowser caps={caps} />
    </>
  );
}
