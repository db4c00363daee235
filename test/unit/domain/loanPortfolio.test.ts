import { ANNUAL_REPORT_PURPOSE_SHARES, loanPortfolio } from '../../../src/domain/loanPortfolio';
import type { Household } from '../../../src/domain/model';
import { generateSynthetic } from '../../../src/seed/generateSynthetic';

describe('loanPortfolio', () => {
  it('counts loans by purpose beside the annual report, and by amount band', () => {
    const book = loanPortfolio([
      { purpose: 'COMMERCE', amountYuan: 5_000 },
      { purpose: 'COMMERCE', amountYuan: 25_000 },
      { purpose: 'LIVESTOCK', amountYuan: 15_000 },
      { purpose: 'OTHER', amountYuan: 30_000 },
    ]);
    expect(book.byPurpose.find((r) => r.purpose === 'COMMERCE')).toMatchObject({ labelZh: '工商业', loans: 2, sharePercent: 50, reportPercent: 58, differencePoints: -8 });
    expect(book.byAmount).toEqual([
      { band: 'UNDER_10K', loans: 1 },
      { band: '10K_20K', loans: 1 },
      { band: '20K_30K', loans: 1 },
      { band: '30K_PLUS', loans: 1 },
    ]);
    expect(book.under30kPercent).toBe(75);
  });

  it('keeps the report\'s shares summing to 100 each year', () => {
    for (const year of ANNUAL_REPORT_PURPOSE_SHARES) expect(Object.values(year).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('finds the synthetic seed calibrated within 2 points of the report\'s last year, all loans under 30,000 yuan', () => {
    const households: Household[] = [];
    for (const batch of generateSynthetic({ households: 20_000, seed: 20261127 })) if (batch.kind === 'Household') households.push(...batch.rows);
    const book = loanPortfolio(households.flatMap((h) => (h.loan === null ? [] : [h.loan])));
    expect(book.loans).toBeGreaterThan(5_000);
    for (const row of book.byPurpose) expect(Math.abs(row.differencePoints)).toBeLessThanOrEqual(2);
    expect(book.under30kPercent).toBe(100);
  });
});
