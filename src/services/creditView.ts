import { ANNUAL_REPORT_PURPOSE_SHARES, AMOUNT_BANDS, BRIDGING_NEED_CATEGORY, isBridgingLoan, LOAN_PURPOSE_LABELS, loanPortfolio } from '../domain/loanPortfolio';
import type { Household, Loan, Need, Person } from '../domain/model';
import { trustPath as graphTrustPath, withHousehold } from '../graph';
import { FamilyFigure, familyCount, sumGroup } from './coverage/FamilyFigure';
import { listAll } from './listAll';
import { networkView } from './networkSnapshot';
import type { ServiceContext } from './ServiceContext';

/**
 * The micro-credit company's own view (issue 15 item 3): its credit officers
 * (信贷员) with their caseload, and its loan book beside the 2021 annual
 * report (domain/loanPortfolio.ts). Figures are FamilyFigures so that the API
 * must pass them through suppressSmallCells before a client sees them; parts
 * that add up to a published total are declared with sumGroup, so the
 * complementary suppression covers them.
 */

type Purpose = Loan['purpose'];
const PURPOSES = Object.keys(LOAN_PURPOSE_LABELS) as Purpose[];

export interface OfficerCaseload {
  officerId: string;
  borrowers: FamilyFigure;
  openNeeds: FamilyFigure;
  /** null when the caller asked for no referral counts (a viewer that may not read referrals). */
  referralsThroughOfficer: FamilyFigure | null;
  /** Borrowers holding a serious-illness bridging loan (大病周转). */
  bridgingLoans: FamilyFigure;
  /** OPEN MEDICAL needs of those borrowers. */
  bridgingOpenMedicalNeeds: FamilyFigure;
}

/**
 * Per credit officer (all of them, those serving `townshipId`, or only
 * `onlyOfficerId`): borrowers (households whose loan names the officer, read
 * by the store's creditOfficerId filter), OPEN needs among them, and the
 * referrals of those borrowers whose best trust path from the household to
 * the referred service runs through the officer — recomputed on the network
 * as it is now (the path a referral took is not stored), without the
 * family's consent exclusions (a count, not a proposal). With
 * `countReferrals: false` the referrals are not read and the count is null.
 */
export async function creditOfficerCaseloads(
  ctx: ServiceContext,
  options: { townshipId?: string | null; onlyOfficerId?: string | null; countReferrals?: boolean },
): Promise<OfficerCaseload[]> {
  let officers: Person[] = await listAll(ctx.store, 'Person', { role: 'CREDIT_OFFICER', ...(options.townshipId ? { townshipId: options.townshipId } : {}) });
  if (options.onlyOfficerId !== undefined) officers = officers.filter((o) => o.id === options.onlyOfficerId);
  if (officers.length === 0) return [];
  const countReferrals = options.countReferrals ?? true;
  const [openNeeds, referrals, view] = await Promise.all([
    listAll(ctx.store, 'Need', { status: 'OPEN' }),
    countReferrals ? listAll(ctx.store, 'Referral', {}) : Promise.resolve([]),
    countReferrals ? networkView(ctx.store) : Promise.resolve(null),
  ]);
  const rows: OfficerCaseload[] = [];
  for (const officer of officers) {
    const borrowers = await listAll(ctx.store, 'Household', { creditOfficerId: officer.id });
    const byId = new Map(borrowers.map((h) => [h.id, h]));
    const needs = openNeeds.filter((n) => byId.has(n.householdId));
    const through: string[] = [];
    for (const referral of referrals) {
      if (view === null) break;
      const household = byId.get(referral.householdId);
      if (!household || !view.graph.hasNode(referral.serviceId)) continue;
      const path = graphTrustPath(withHousehold(view.graph, household), household.id, referral.serviceId);
      if (path?.steps.some((s) => s.toId === officer.id)) through.push(household.id);
    }
    const bridging = new Set(borrowers.filter((h) => isBridgingLoan(h.loan)).map((h) => h.id));
    const bridgingNeeds = needs.filter((n) => n.category === BRIDGING_NEED_CATEGORY && bridging.has(n.householdId));
    rows.push({
      officerId: officer.id,
      borrowers: familyCount(borrowers.length),
      openNeeds: needFigure(needs),
      referralsThroughOfficer: countReferrals ? new FamilyFigure(through.length, new Set(through).size) : null,
      bridgingLoans: familyCount(bridging.size),
      bridgingOpenMedicalNeeds: needFigure(bridgingNeeds),
    });
  }
  return rows;
}

/** A count of needs, resting on the households they belong to. */
function needFigure(needs: readonly Need[]): FamilyFigure {
  return new FamilyFigure(needs.length, new Set(needs.map((n) => n.householdId)).size);
}

export interface BridgingFigures {
  loans: FamilyFigure;
  sharePercent: number;
  withMedicalNeed: FamilyFigure;
  openMedicalNeeds: FamilyFigure;
}

export interface LoanPortfolioReport {
  townshipId: string | null;
  loans: FamilyFigure;
  byPurpose: Array<{ purpose: Purpose; labelZh: string; labelEn: string; loans: FamilyFigure; sharePercent: number; reportPercent: number; differencePoints: number }>;
  byAmount: Array<{ band: string; loans: FamilyFigure }>;
  under30kPercent: number;
  byTownship: Array<{ townshipId: string; townshipName: string; loans: FamilyFigure; byPurpose: Array<{ purpose: Purpose; loans: FamilyFigure }>; bridgingLoans: FamilyFigure }>;
  seriousIllnessBridging: BridgingFigures;
  report: Array<{ index: number; commercePercent: number; livestockPercent: number; plantingPercent: number; otherPercent: number }>;
  calibration: string;
}

export const CALIBRATION_NOTE =
  '合成数据：种子贷款按公司 2021 年年报最近一年的用途占比生成，并非公司账目 (synthetic seed calibrated to the 2021 annual report\'s last year; not the company\'s books)';

/** The loan book of the county (or one township): by purpose beside the annual report, by amount band, by township. */
export async function loanPortfolioReport(ctx: ServiceContext, townshipId: string | null): Promise<LoanPortfolioReport> {
  const [households, townships, villages, medicalNeeds] = await Promise.all([
    listAll(ctx.store, 'Household', townshipId ? { townshipId } : {}),
    listAll(ctx.store, 'Township', {}),
    listAll(ctx.store, 'Village', townshipId ? { townshipId } : {}),
    listAll(ctx.store, 'Need', { category: BRIDGING_NEED_CATEGORY, ...(townshipId ? { townshipId } : {}) }),
  ]);
  const townshipOfVillage = new Map(villages.map((v) => [v.id, v.townshipId]));
  const borrowers = households.filter((h): h is Household & { loan: Loan } => h.loan !== null);
  const book = loanPortfolio(borrowers.map((h) => h.loan));
  // One family per loan: each count is its own basis.
  const total = familyCount(book.loans);
  const purposeFigures = book.byPurpose.map((row) => familyCount(row.loans));
  const amountFigures = book.byAmount.map((row) => familyCount(row.loans));
  sumGroup(total, purposeFigures);
  sumGroup(total, amountFigures);
  const byTownship = townships
    .filter((t) => townshipId === null || t.id === townshipId)
    .map((t) => {
      const here = borrowers.filter((h) => townshipOfVillage.get(h.villageId) === t.id);
      const loans = familyCount(here.length);
      const parts = PURPOSES.map((purpose) => ({ purpose, loans: familyCount(here.filter((h) => h.loan.purpose === purpose).length) }));
      sumGroup(loans, parts.map((p) => p.loans));
      return { townshipId: t.id, townshipName: t.name, loans, byPurpose: parts, bridgingLoans: familyCount(here.filter((h) => isBridgingLoan(h.loan)).length) };
    });
  sumGroup(total, byTownship.map((t) => t.loans));
  // Bridging loans: the county's is the sum of the townships' (a column of its own, suppressed like the others).
  const bridgingHouseholds = new Set(borrowers.filter((h) => isBridgingLoan(h.loan)).map((h) => h.id));
  const bridgingLoans = familyCount(bridgingHouseholds.size);
  sumGroup(bridgingLoans, byTownship.map((t) => t.bridgingLoans));
  const linked = medicalNeeds.filter((n) => bridgingHouseholds.has(n.householdId));
  const seriousIllnessBridging: BridgingFigures = {
    loans: bridgingLoans,
    sharePercent: book.loans === 0 ? 0 : Math.round((bridgingHouseholds.size / book.loans) * 1000) / 10,
    withMedicalNeed: familyCount(new Set(linked.map((n) => n.householdId)).size),
    openMedicalNeeds: needFigure(linked.filter((n) => n.status === 'OPEN')),
  };
  // The columns too: the county's figure for a purpose is that purpose summed over the townships, so a township's
  // hidden cell is not the county figure minus the other townships' (complementary suppression covers rows and columns).
  book.byPurpose.forEach((row, i) => {
    sumGroup(purposeFigures[i] as FamilyFigure, byTownship.map((t) => (t.byPurpose.find((p) => p.purpose === row.purpose) as { loans: FamilyFigure }).loans));
  });
  return {
    townshipId,
    loans: total,
    byPurpose: book.byPurpose.map((row, i) => ({ ...row, loans: purposeFigures[i] as FamilyFigure })),
    byAmount: book.byAmount.map((row, i) => ({ band: row.band, loans: amountFigures[i] as FamilyFigure })),
    under30kPercent: book.under30kPercent,
    byTownship,
    seriousIllnessBridging,
    report: ANNUAL_REPORT_PURPOSE_SHARES.map((year, i) => ({
      index: i + 1,
      commercePercent: year.COMMERCE,
      livestockPercent: year.LIVESTOCK,
      plantingPercent: year.PLANTING,
      otherPercent: year.OTHER,
    })),
    calibration: CALIBRATION_NOTE,
  };
}

/**
 * The MEDICAL needs a serious-illness bridging loan is linked to: the borrower household's, oldest first; none for
 * any other loan.
 */
export async function bridgingLoanNeeds(ctx: ServiceContext, householdId: string, loan: Loan | null): Promise<Need[]> {
  if (!isBridgingLoan(loan)) return [];
  const needs = await listAll(ctx.store, 'Need', { householdId, category: BRIDGING_NEED_CATEGORY });
  return needs.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
}

/** The amount bands' keys, for documentation and tests. */
export const AMOUNT_BAND_KEYS: readonly string[] = AMOUNT_BANDS.map((b) => b.key);
