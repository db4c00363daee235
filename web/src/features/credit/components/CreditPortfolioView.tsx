import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import type { LoanPurpose } from '@/gql/graphql';
import { sel } from '@/testing/selectors';
import { useCreditPortfolio, type Portfolio } from '../api/credit';
import { Figure } from './Figure';

const PURPOSES: readonly LoanPurpose[] = ['COMMERCE', 'LIVESTOCK', 'PLANTING', 'OTHER'];
const REPORT_KEY: Record<LoanPurpose, 'commercePercent' | 'livestockPercent' | 'plantingPercent' | 'otherPercent'> = {
  COMMERCE: 'commercePercent',
  LIVESTOCK: 'livestockPercent',
  PLANTING: 'plantingPercent',
  OTHER: 'otherPercent',
};

/** A bar of a share (0–100 %); no bar for a suppressed share. */
function Bar({ percent, kind }: { percent: number | null | undefined; kind: 'seed' | 'report' }) {
  if (percent === null || percent === undefined) return null;
  return <span className={`share-bar share-bar-${kind}`} style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} aria-hidden="true" />;
}

/**
 * ADMIN and COORDINATOR: the credit officers with their caseloads, and the loan book by purpose beside the annual
 * report's shares, by township, by amount band, with the serious-illness bridging loans. A coordinator's small cells
 * come back suppressed (null) and show as such.
 */
export function CreditPortfolioView() {
  const { t, i18n } = useTranslation();
  const data = useCreditPortfolio(null);
  if (data.error) return <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Loading />;
  const { creditOfficers: officers, loanPortfolio: book } = data.data;
  const zh = i18n.language.startsWith('zh');
  return (
    <div className="stack" data-testid={sel.credit.portfolioScreen}>
      <p className="muted" data-testid={sel.credit.calibration}>
        {t('credit.portfolio.calibration')}
      </p>

      <section className="card stack" aria-labelledby="credit-officers-title">
        <h2 id="credit-officers-title">{t('credit.officers.title')}</h2>
        <div className="table-wrap">
          <table className="table table-cards" data-testid={sel.credit.officers}>
            <thead>
              <tr>
                <th scope="col">{t('credit.officers.officer')}</th>
                <th scope="col">{t('credit.officers.townships')}</th>
                <th scope="col">{t('credit.officers.borrowers')}</th>
                <th scope="col">{t('credit.officers.openNeeds')}</th>
                <th scope="col">{t('credit.officers.referrals')}</th>
                <th scope="col">{t('credit.officers.bridgingLoans')}</th>
                <th scope="col">{t('credit.officers.bridgingOpenMedicalNeeds')}</th>
              </tr>
            </thead>
            <tbody>
              {officers.map((row) => (
                <tr key={row.officer.id} data-testid={sel.credit.officer(row.officer.id)}>
                  <td data-label={t('credit.officers.officer')}>{row.officer.name}</td>
                  <td data-label={t('credit.officers.townships')}>{row.officer.townships.map((tw) => tw.name).join('、')}</td>
                  <td data-label={t('credit.officers.borrowers')}>
                    <Figure value={row.borrowers} />
                  </td>
                  <td data-label={t('credit.officers.openNeeds')}>
                    <Figure value={row.openNeeds} />
                  </td>
                  <td data-label={t('credit.officers.referrals')}>
                    <Figure value={row.referralsThroughOfficer} />
                  </td>
                  <td data-label={t('credit.officers.bridgingLoans')}>
                    <Figure value={row.bridgingLoans} />
                  </td>
                  <td data-label={t('credit.officers.bridgingOpenMedicalNeeds')}>
                    <Figure value={row.bridgingOpenMedicalNeeds} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card stack" aria-labelledby="credit-purposes-title">
        <h2 id="credit-purposes-title">{t('credit.portfolio.byPurpose')}</h2>
        <p>
          {t('credit.portfolio.total')}: <Figure value={book.loans} />
        </p>
        <div className="table-wrap">
          <table className="table table-cards" data-testid={sel.credit.purposes}>
            <thead>
              <tr>
                <th scope="col">{t('credit.portfolio.purpose')}</th>
                <th scope="col">{t('credit.portfolio.loans')}</th>
                <th scope="col">{t('credit.portfolio.seedShare')}</th>
                <th scope="col">{t('credit.portfolio.reportShares')}</th>
                <th scope="col">{t('credit.portfolio.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {book.byPurpose.map((row) => (
                <tr key={row.purpose} data-testid={sel.credit.purpose(row.purpose)}>
                  <td data-label={t('credit.portfolio.purpose')}>{zh ? row.labelZh : row.labelEn}</td>
                  <td data-label={t('credit.portfolio.loans')}>
                    <Figure value={row.loans} />
                  </td>
                  <td data-label={t('credit.portfolio.seedShare')}>
                    <span className="share">
                      <Figure value={row.sharePercent} unit="%" />
                      <Bar percent={row.sharePercent} kind="seed" />
                    </span>
                  </td>
                  <td data-label={t('credit.portfolio.reportShares')}>
                    <span className="share">
                      {book.report.map((y) => `${y[REPORT_KEY[row.purpose]]}%`).join(' → ')}
                      <Bar percent={row.reportPercent} kind="report" />
                    </span>
                  </td>
                  <td data-label={t('credit.portfolio.difference')}>
                    {row.differencePoints === null || row.differencePoints === undefined ? (
                      <Figure value={null} />
                    ) : (
                      t('credit.portfolio.points', { points: (row.differencePoints > 0 ? '+' : '') + row.differencePoints.toLocaleString(i18n.language) })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('credit.portfolio.reportNote')}</p>
      </section>

      <section className="card stack" aria-labelledby="credit-bridging-title" data-testid={sel.credit.bridging}>
        <h2 id="credit-bridging-title">{t('credit.bridging.title')}</h2>
        <dl className="facts">
          <dt>{t('credit.bridging.loans')}</dt>
          <dd>
            <Figure value={book.seriousIllnessBridging.loans} /> (<Figure value={book.seriousIllnessBridging.sharePercent} unit="%" />)
          </dd>
          <dt>{t('credit.bridging.withMedicalNeed')}</dt>
          <dd>
            <Figure value={book.seriousIllnessBridging.withMedicalNeed} />
          </dd>
          <dt>{t('credit.bridging.openMedicalNeeds')}</dt>
          <dd>
            <Figure value={book.seriousIllnessBridging.openMedicalNeeds} />
          </dd>
        </dl>
        <p className="muted">{t('credit.bridging.note')}</p>
      </section>

      <AmountDistribution book={book} />

      <section className="card stack" aria-labelledby="credit-townships-title">
        <h2 id="credit-townships-title">{t('credit.portfolio.byTownship')}</h2>
        <div className="table-wrap">
          <table className="table table-cards" data-testid={sel.credit.townships}>
            <thead>
              <tr>
                <th scope="col">{t('credit.portfolio.township')}</th>
                <th scope="col">{t('credit.portfolio.loans')}</th>
                {PURPOSES.map((p) => (
                  <th scope="col" key={p}>
                    {t(`credit.purpose.${p}`)}
                  </th>
                ))}
                <th scope="col">{t('credit.bridging.short')}</th>
              </tr>
            </thead>
            <tbody>
              {book.byTownship.map((tw) => (
                <tr key={tw.townshipId} data-testid={sel.credit.township(tw.townshipId)}>
                  <td data-label={t('credit.portfolio.township')}>{tw.townshipName}</td>
                  <td data-label={t('credit.portfolio.loans')}>
                    <Figure value={tw.loans} />
                  </td>
                  {PURPOSES.map((p) => (
                    <td key={p} data-label={t(`credit.purpose.${p}`)}>
                      <Figure value={tw.byPurpose.find((x) => x.purpose === p)?.loans} />
                    </td>
                  ))}
                  <td data-label={t('credit.bridging.short')}>
                    <Figure value={tw.bridgingLoans} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {book.suppressed ? <p className="muted">{t('credit.suppressedHint')}</p> : null}
    </div>
  );
}

function AmountDistribution({ book }: { book: Portfolio }) {
  const { t } = useTranslation();
  const shown = book.byAmount.map((b) => b.loans ?? 0);
  const max = Math.max(1, ...shown);
  return (
    <section className="card stack" aria-labelledby="credit-amounts-title">
      <h2 id="credit-amounts-title">{t('credit.portfolio.byAmount')}</h2>
      <ul className="amount-bands" data-testid={sel.credit.amounts}>
        {book.byAmount.map((b) => (
          <li key={b.band} data-testid={sel.credit.amountBand(b.band)}>
            <span className="amount-band-label">{t(`credit.band.${b.band}`)}</span>
            <span className="amount-band-bar">{b.loans === null ? null : <span className="share-bar share-bar-seed" style={{ width: `${(b.loans / max) * 100}%` }} aria-hidden="true" />}</span>
            <span className="amount-band-count">
              <Figure value={b.loans} />
            </span>
          </li>
        ))}
      </ul>
      <p>
        {t('credit.portfolio.under30k')}: <Figure value={book.under30kPercent} unit="%" />
      </p>
    </section>
  );
}
