import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { AlertList } from '@/features/alerts/components/AlertList';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

/** /alerts: the coordinator's pushed alerts (issue 15 item 5). */
export function AlertsRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  if (!capabilitiesOf(account.role).alerts) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('alerts.title')} />
      <AlertList />
    </>
  );
}
