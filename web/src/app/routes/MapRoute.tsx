import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { NetworkMapScreen } from '@/features/network-map/components/NetworkMapScreen';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function MapRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  if (!capabilitiesOf(account.role).networkMap) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('networkMap.title')} />
      <NetworkMapScreen />
    </>
  );
}
