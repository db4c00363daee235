import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ReferralInbox } from '@/features/referrals/components/ReferralInbox';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function InboxRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  const caps = capabilitiesOf(account.role);
  if (!caps.inbox) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('inbox.title')} />
      <ReferralInbox organizationId={account.organizationId} identity={caps.see.identity} />
    </>
  );
}
