import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ReferralBoard } from '@/features/referrals/components/ReferralBoard';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function ReferralsRoute() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.referralBoard) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('referrals.title')} />
      <ReferralBoard identity={caps.see.identity} />
    </>
  );
}
