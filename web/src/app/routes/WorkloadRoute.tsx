import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { WorkloadView } from '@/features/credit/components/WorkloadView';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

/** /workload: liaisons' and volunteers' workload and the community development officers (ADMIN, COORDINATOR). */
export function WorkloadRoute() {
  const { t } = useTranslation();
  if (!capabilitiesOf(useAccount().role).workload) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('credit.workload.pageTitle')} />
      <WorkloadView />
    </>
  );
}
