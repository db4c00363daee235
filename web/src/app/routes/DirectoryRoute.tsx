import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { PartnerDirectory } from '@/features/directory/components/PartnerDirectory';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function DirectoryRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  if (!capabilitiesOf(account.role).directory) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('directory.title')} />
      <PartnerDirectory />
    </>
  );
}
