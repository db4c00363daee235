import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { PageTitle } from '@/components/PageTitle';
import { useHousehold } from '@/features/households/api/useHousehold';
import { HouseholdForm } from '@/features/households/components/HouseholdForm';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function HouseholdNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caps = capabilitiesOf(useAccount().role);
  if (!caps.registerHousehold) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('intake.registerTitle')} />
      <HouseholdForm onSaved={(id) => void navigate(`/households/${id}`)} />
    </>
  );
}

export function HouseholdEditRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const caps = capabilitiesOf(useAccount().role);
  const household = useHousehold(caps, id);
  if (!caps.registerHousehold) return <Forbidden />;
  if (household.isPending) return <Loading />;
  if (household.error) return <ErrorNotice error={household.error} onRetry={() => void household.refetch()} />;
  if (!household.data) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('intake.editTitle')} />
      <HouseholdForm household={household.data} onSaved={(saved) => void navigate(`/households/${saved}`)} />
    </>
  );
}
