import type { Loan } from './model';

/**
 * The micro-credit company's loan book as its 2021 annual report describes it
 * (DOMAIN.md): loan purposes by share over three years — commerce 52→54→58 %,
 * livestock 32→28→23 %, planting 9→11→13 % (the rest consumption and other) —
 * and amounts mostly under 30,000 yuan. The synthetic seed is calibrated to
 * the last year; loanPortfolio sets a book beside these shares.
 *
 * Serious-illness bridging loans (大病周转) are consumption loans (OTHER)
 * flagged `seriousIllnessBridging`, linked to the borrower's MEDICAL needs.
 */
export const LOAN_PURPOSE_LABELS: Readonly<Record<Loan['purpose'], { zh: string; en: string }>> = {
  COMMERCE: { zh: '工商业', en: 'commerce' },
  LIVESTOCK: { zh: '养殖', en: 'livestock' },
  PLANTING: { zh: '种植', en: 'planting' },
  OTHER: { zh: '消费及其他', en: 'consumption and other' },
};

/** Shares (%) by purpose, oldest year first; OTHER is the remainder. */
export const ANNUAL_REPORT_PURPOSE_SHARES: ReadonlyArray<Readonly<Record<Loan['purpose'], number>>> = [
  { COMMERCE: 52, LIVESTOCK: 32, PLANTING: 9, OTHER: 7 },
  { COMMERCE: 54, LIVESTOCK: 28, PLANTING: 11, OTHER: 7 },
  { COMMERCE: 58, LIVESTOCK: 23, PLANTING: 13, OTHER: 6 },
];

/** 大病周转: a loan flagged as bridging a serious illness (absent on loans recorded before the flag: false). */
export function isBridgingLoan(loan: Pick<Loan, 'seriousIllnessBridging'> | null): boolean {
  return loan?.seriousIllnessBridging === true;
}

/** The need category a serious-illness bridging loan is linked to. */
export const BRIDGING_NEED_CATEGORY = 'MEDICAL';

/** Amount bands (yuan, upper bound exclusive) for the distribution; the report: most loans are under 30,000. */
export const AMOUNT_BANDS: ReadonlyArray<{ key: string; below: number }> = [
  { key: 'UNDER_10K', below: 10_000 },
  { key: '10K_20K', below: 20_000 },
  { key: '20K_30K', below: 30_000 },
  { key: '30K_PLUS', below: Infinity },
];

export interface PurposeRow {
  purpose: Loan['purpose'];
  labelZh: string;
  labelEn: string;
  loans: number;
  /** Share of all loans, %, one decimal. */
  sharePercent: number;
  /** The annual report's last-year share, %. */
  reportPercent: number;
  /** sharePercent − reportPercent. */
  differencePoints: number;
}

export interface LoanPortfolio {
  loans: number;
  byPurpose: PurposeRow[];
  byAmount: Array<{ band: string; loans: number }>;
  /** Share of loans under 30,000 yuan, %, one decimal. */
  under30kPercent: number;
}

/** A loan book by purpose (beside the annual report's last year) and by amount band. Pure. */
export function loanPortfolio(loans: readonly Pick<Loan, 'purpose' | 'amountYuan'>[]): LoanPortfolio {
  const total = loans.length;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  const last = ANNUAL_REPORT_PURPOSE_SHARES[ANNUAL_REPORT_PURPOSE_SHARES.length - 1] as Readonly<Record<Loan['purpose'], number>>;
  const byPurpose = (Object.keys(LOAN_PURPOSE_LABELS) as Array<Loan['purpose']>).map((purpose) => {
    const n = loans.filter((l) => l.purpose === purpose).length;
    const share = pct(n);
    return {
      purpose,
      labelZh: LOAN_PURPOSE_LABELS[purpose].zh,
      labelEn: LOAN_PURPOSE_LABELS[purpose].en,
      loans: n,
      sharePercent: share,
      reportPercent: last[purpose],
      differencePoints: Math.round((share - last[purpose]) * 10) / 10,
    };
  });
  const byAmount = AMOUNT_BANDS.map((band, i) => {
    const from = i === 0 ? 0 : (AMOUNT_BANDS[i - 1] as { below: number }).below;
    return { band: band.key, loans: loans.filter((l) => l.amountYuan >= from && l.amountYuan < band.below).length };
  });
  return { loans: total, byPurpose, byAmount, under30kPercent: pct(loans.filter((l) => l.amountYuan < 30_000).length) };
}
