import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { AssistancePanel } from '@/features/assistance/components/AssistancePanel';
import { ReferralDetail } from '@/features/referrals/components/ReferralDetail';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';

/** A referral with its timeline and the help recorded (two features composed here). */
export function ReferralRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useAccount();
  const caps = capabilitiesOf(account.role);
  return (
    <>
      <PageTitle title={t('referrals.detailTitle')} />
      <ReferralDetail
        id={id}
        identity={caps.see.identity}
        health={caps.see.health}
        caseNotes={caps.see.caseNotes}
        canAct={caps.createReferral || caps.inbox}
        canCancel={caps.createReferral}
        assistance={(r) => <AssistancePanel needId={r.needId} referralId={r.referralId} health={caps.see.health} canRecord={caps.recordAssistance && r.status !== 'SENT' && r.status !== 'DECLINED' && r.status !== 'CANCELLED'} />}
      />
    </>
  );
}
