import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { MatchResults } from '@/features/matching/components/MatchResults';
import { WaitlistPlace } from '@/features/waitlist/components/WaitlistPlace';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function MatchRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.match) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('match.title')} />
      <MatchResults needId={id} canRefer={caps.createReferral} waitlistSlot={(serviceId, canJoin) => <WaitlistPlace needId={id} serviceId={serviceId} canJoin={canJoin} />} />
    </>
  );
}
