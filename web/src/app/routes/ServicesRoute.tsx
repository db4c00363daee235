import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ServiceList } from '@/features/services/components/ServiceList';
import { StaleServiceList } from '@/features/alerts/components/StaleServiceList';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function ServicesRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  const caps = capabilitiesOf(account.role);
  if (!caps.maintainServices) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('services.title')} />
      {/* Issue 14 item 4: what to confirm first, one click each. */}
      <StaleServiceList />
      <ServiceList organizationId={account.role === 'PARTNER_NGO' ? account.organizationId : null} />
    </>
  );
}
