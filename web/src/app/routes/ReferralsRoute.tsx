import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { ExportButton } from '@/features/export/components/ExportButton';
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
      {/* Issue 14 item 5: exports are for staff (the API's exportReferrals rule), volunteers see the board only. */}
      <PageTitle title={t('referrals.title')} actions={caps.registerHousehold ? <ExportButton kind="referrals" /> : null} />
      <ReferralBoard identity={caps.see.identity} />
    </>
  );
}
