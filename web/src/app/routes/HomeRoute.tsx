import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { homeFor } from '../navigation';

export function HomeRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  const home = homeFor(capabilitiesOf(account.role));
  if (home !== '/') return <Navigate to={home} replace />;
  return (
    <>
      <PageTitle title={t('home.title')} />
      <p>{t('home.nothingYet')}</p>
    </>
  );
}
