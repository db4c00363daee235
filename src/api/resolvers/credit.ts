import type { GraphQLResolveInfo } from 'graphql';
import { isIdOf } from '../../domain/ids';
import { badInput, HuzhuError } from '../../errors/HuzhuError';
import { suppressSmallCells } from '../../services/coverage';
import { BRIDGING_NEED_CATEGORY, isBridgingLoan } from '../../domain/loanPortfolio';
import type { Household, Loan, Need } from '../../domain/model';
import { bridgingLoanNeeds, creditOfficerCaseloads, loanPortfolioReport } from '../../services/creditView';
import { READ_RULES } from '../auth/readRules';
import { accessOf } from '../auth/RequestAccess';
import { sensitiveAllowed } from '../auth/sensitiveRules';
import type { Role } from '../auth/Viewer';
import { toConnection, toPageRequest, type ConnectionArgs } from '../connection';
import type { RequestContext } from '../context';
import { required } from './required';

/**
 * The credit company's view (issue 15 item 3). Loan counts are reads of
 * Household.loan (FINANCE): small cells are shown only where this table says
 * so AND the role may read finances for the request's purpose; everyone else
 * gets 1–4 suppressed, with complementary suppression of the parts that add
 * up to a total. Exhaustive over Role.
 */
export const SHOWS_SMALL_LOAN_CELLS: Readonly<Record<Role, { portfolio: boolean; ownCaseload: boolean }>> = {
  ADMIN: { portfolio: true, ownCaseload: true },
  // Their own borrowers' figures in full; the county's book (other officers' families) suppressed.
  CREDIT_OFFICER: { portfolio: false, ownCaseload: true },
  // A coordinator's scope is townships, not the county's loan book.
  COORDINATOR: { portfolio: false, ownCaseload: false },
  DESIGNER: { portfolio: false, ownCaseload: false },
  SOCIAL_WORKER: { portfolio: false, ownCaseload: false },
  VOLUNTEER: { portfolio: false, ownCaseload: false },
  PARTNER_NGO: { portfolio: false, ownCaseload: false },
  ANONYMOUS: { portfolio: false, ownCaseload: false },
};

function suppressFor(ctx: RequestContext, which: 'portfolio' | 'ownCaseload'): boolean {
  const access = accessOf(ctx);
  return !SHOWS_SMALL_LOAN_CELLS[ctx.viewer.role][which] || !sensitiveAllowed(ctx.viewer.role, access.purpose, 'FINANCE', 'Household');
}

function townshipArg(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isIdOf('Township', value)) throw badInput(`townshipId: ${JSON.stringify(value)} is not a Township id (twp_…)`, ['townshipId']);
  return value;
}

/** The officer a CREDIT_OFFICER viewer is; FORBIDDEN for any other role or an unbound token. */
function ownOfficerId(ctx: RequestContext, operation: string): string {
  if (ctx.viewer.role !== 'CREDIT_OFFICER') throw new HuzhuError('FORBIDDEN', `${operation}: only a CREDIT_OFFICER has borrowers (you are a ${ctx.viewer.role})`);
  if (ctx.viewer.personId === null) {
    throw new HuzhuError('FORBIDDEN', `${operation}: 此信贷员账号未绑定人员 (the token or account names no credit officer; issue one with --person per_…)`);
  }
  return ctx.viewer.personId;
}

type HouseholdLoan = Loan & { householdId?: string };

export const creditResolvers = {
  Query: {
    creditOfficers: async (_: unknown, args: { townshipId?: string | null }, ctx: RequestContext) => {
      const townshipId = townshipArg(args.townshipId);
      const own = ctx.viewer.role === 'CREDIT_OFFICER';
      const suppress = suppressFor(ctx, own ? 'ownCaseload' : 'portfolio');
      // Referral counts go to roles that may read referrals, or as small-cell-suppressed aggregates (as coverage's
      // referral figures do); a CREDIT_OFFICER (Referral: NONE) sees its own caseload in full, so it gets none (null).
      const countReferrals = READ_RULES[ctx.viewer.role].Referral !== 'NONE' || suppress;
      const rows = await creditOfficerCaseloads(ctx, own ? { townshipId, onlyOfficerId: ownOfficerId(ctx, 'creditOfficers'), countReferrals } : { townshipId, countReferrals });
      return suppressSmallCells(rows, { suppress });
    },
    myBorrowers: async (_: unknown, args: ConnectionArgs, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const officerId = ownOfficerId(ctx, 'myBorrowers');
      const page = await ctx.store.list('Household', { creditOfficerId: officerId }, toPageRequest(args, undefined, info));
      for (const h of page.items) ctx.loaders.Household.prime(h.id, h);
      return toConnection(page);
    },
    loanPortfolio: async (_: unknown, args: { townshipId?: string | null }, ctx: RequestContext) => {
      const townshipId = townshipArg(args.townshipId);
      if (townshipId !== null) required(await ctx.loaders.Township.load(townshipId), 'Township', townshipId);
      const shown = suppressSmallCells(await loanPortfolioReport(ctx, townshipId), { suppress: suppressFor(ctx, 'portfolio') });
      // A share or a difference rebuilds the count it was made from: hidden with it; all of them when the total is hidden.
      // The share under 30,000 (0.1-point resolution) is the sum of the three bands below 30,000 given the total: with
      // any band hidden it would rebuild the hidden ones (30K+ = total − under-30K count), so it is hidden then too.
      const hiddenTotal = shown.loans === null;
      const hiddenBand = shown.byAmount.some((band) => band.loans === null);
      const bridging = shown.seriousIllnessBridging;
      return {
        ...shown,
        seriousIllnessBridging: bridging.loans === null || hiddenTotal ? { ...bridging, sharePercent: null, suppressed: true } : bridging,
        under30kPercent: hiddenTotal || hiddenBand ? null : shown.under30kPercent,
        byPurpose: shown.byPurpose.map((row) =>
          row.loans === null || hiddenTotal ? { ...row, sharePercent: null, differencePoints: null, suppressed: true } : row,
        ),
      };
    },
  },
  CreditOfficerCaseload: {
    officer: async (row: { officerId: string }, _: unknown, ctx: RequestContext) => required(await ctx.loaders.Person.load(row.officerId), 'Person', row.officerId),
    suppressed: (row: { suppressed?: boolean }) => row.suppressed ?? false,
  },
  LoanPortfolio: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
  BridgingLoans: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
  // A loan as the API hands it out knows its household, so a bridging loan can list the MEDICAL needs it is linked to.
  Household: {
    loan: (h: Household): HouseholdLoan | null => (h.loan === null ? null : { ...h.loan, householdId: h.id }),
  },
  Loan: {
    seriousIllnessBridging: (loan: Loan) => isBridgingLoan(loan),
    medicalNeeds: (loan: HouseholdLoan, _: unknown, ctx: RequestContext) =>
      typeof loan.householdId === 'string' ? bridgingLoanNeeds(ctx, loan.householdId, loan) : [],
  },
  Need: {
    // The need card's link (FINANCE on the need: ADMIN, COORDINATOR): the household's bridging loan, for a MEDICAL need.
    bridgingLoan: async (n: Need, _: unknown, ctx: RequestContext): Promise<HouseholdLoan | null> => {
      if (n.category !== BRIDGING_NEED_CATEGORY) return null;
      const household = await ctx.loaders.Household.load(n.householdId);
      return household && isBridgingLoan(household.loan) && household.loan ? { ...household.loan, householdId: household.id } : null;
    },
  },
  LoanPurposeRow: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
  LoanAmountBand: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
  TownshipLoans: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
  LoanPurposeCount: { suppressed: (r: { suppressed?: boolean }) => r.suppressed ?? false },
};
