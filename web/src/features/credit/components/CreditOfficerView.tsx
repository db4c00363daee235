import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { Pager } from '@/components/Pager';
import { useCategories } from '@/hooks/useCategories';
import { usePager } from '@/lib/usePager';
import { sel } from '@/testing/selectors';
import { useMyBorrowers, useOwnCaseload } from '../api/credit';
import { Figure } from './Figure';

/**
 * A CREDIT_OFFICER's page: its caseload (borrowers, open needs among them, serious-illness bridging loans and their
 * open MEDICAL needs) and its own borrowers, paged. Referrals are not shown: the officer may read none (the API
 * answers referralsThroughOfficer null for it, so the page does not ask).
 */
export function CreditOfficerView() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const caseload = useOwnCaseload();
  const pager = usePager();
  const borrowers = useMyBorrowers(pager.after);
  const own = caseload.data?.[0];
  return (
    <div className="stack" data-testid={sel.credit.officerScreen}>
      <section className="card stack" aria-labelledby="credit-caseload-title" data-testid={sel.credit.caseload}>
        <h2 id="credit-caseload-title">{own ? t('credit.own.caseloadOf', { name: own.officer.name }) : t('credit.own.caseload')}</h2>
        <ErrorNotice error={caseload.error} onRetry={() => void caseload.refetch()} />
        {caseload.isPending ? <Loading /> : null}
        {own ? (
          <dl className="facts">
            <dt>{t('credit.officers.borrowers')}</dt>
            <dd>
              <Figure value={own.borrowers} />
            </dd>
            <dt>{t('credit.officers.openNeeds')}</dt>
            <dd>
              <Figure value={own.openNeeds} />
            </dd>
            <dt>{t('credit.officers.bridgingLoans')}</dt>
            <dd>
              <Figure value={own.bridgingLoans} />
            </dd>
            <dt>{t('credit.officers.bridgingOpenMedicalNeeds')}</dt>
            <dd>
              <Figure value={own.bridgingOpenMedicalNeeds} />
            </dd>
          </dl>
        ) : null}
        <p className="muted">{t('credit.own.noReferrals')}</p>
      </section>

      <section className="card stack" aria-labelledby="credit-borrowers-title">
        <h2 id="credit-borrowers-title">{t('credit.own.borrowers')}</h2>
        <ErrorNotice error={borrowers.error} onRetry={() => void borrowers.refetch()} />
        {borrowers.isPending ? <Loading /> : null}
        {borrowers.data ? (
          <>
            <p data-testid={sel.credit.borrowerTotal}>{t('credit.own.total', { count: borrowers.data.totalCount })}</p>
            <div className="table-wrap">
              <table className="table table-cards" data-testid={sel.credit.borrowers}>
                <thead>
                  <tr>
                    <th scope="col">{t('credit.own.head')}</th>
                    <th scope="col">{t('credit.own.village')}</th>
                    <th scope="col">{t('credit.own.loan')}</th>
                    <th scope="col">{t('credit.own.needs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {borrowers.data.nodes.map((h) => (
                    <tr key={h.id} data-testid={sel.credit.borrower(h.id)}>
                      <td data-label={t('credit.own.head')}>
                        {h.head?.name ?? '—'}
                        {h.head?.phone ? <small className="muted"> · {h.head.phone}</small> : null}
                      </td>
                      <td data-label={t('credit.own.village')}>
                        {h.village.displayName}
                        <small className="muted"> · {h.village.township.name}</small>
                      </td>
                      <td data-label={t('credit.own.loan')}>
                        {h.loan ? (
                          <>
                            {h.loan.amountYuan === null || h.loan.amountYuan === undefined ? '—' : t('credit.yuan', { amount: h.loan.amountYuan.toLocaleString(i18n.language) })} ·{' '}
                            {h.loan.purpose ? t(`credit.purpose.${h.loan.purpose}`) : '—'}
                            {h.loan.seriousIllnessBridging ? (
                              <>
                                {' '}
                                <span className="badge urgency-HIGH">{t('credit.bridging.badge')}</span>
                                <small className="muted"> {t('credit.bridging.linkedNeeds', { count: h.loan.medicalNeeds.length })}</small>
                              </>
                            ) : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td data-label={t('credit.own.needs')}>
                        {h.needs.nodes.length === 0
                          ? t('credit.own.noNeeds')
                          : h.needs.nodes.map((n) => `${categories.label(n.category)}（${t(`enums.NeedStatus.${n.status}`)}）`).join('、')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={pager.page} hasNextPage={borrowers.data.pageInfo.hasNextPage} onNext={() => pager.next(borrowers.data?.pageInfo.endCursor)} onPrevious={pager.previous} />
          </>
        ) : null}
      </section>
    </div>
  );
}
