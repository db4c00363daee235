import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { CreditOfficerView } from '@/features/credit/components/CreditOfficerView';
import { CreditPortfolioView } from '@/features/credit/components/CreditPortfolioView';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

/** /credit: a CREDIT_OFFICER's own borrowers and caseload; the officers and the loan book for ADMIN and COORDINATOR. */
export function CreditRoute() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useAccount().role);
  if (caps.creditOwn) {
    return (
      <>
        <PageTitle title={t('credit.own.title')} />
        <CreditOfficerView />
      </>
    );
  }
  if (!caps.creditPortfolio) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('credit.portfolio.title')} />
      <CreditPortfolioView />
    </>
  );
}
