import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { HouseholdImport } from '@/features/import/components/HouseholdImport';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

/** /households/import: staff who may register households (the API's importHouseholds rule is registerHousehold's). */
export function HouseholdImportRoute() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.registerHousehold) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('householdImport.title')} />
      <HouseholdImport />
    </>
  );
}
