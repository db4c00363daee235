import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { AccountsAdmin } from '@/features/accounts/components/AccountsAdmin';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function AccountsRoute() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.manageAccounts) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('accounts.title')} />
      <AccountsAdmin />
    </>
  );
}
