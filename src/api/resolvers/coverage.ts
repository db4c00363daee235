import type DataLoader from 'dataloader';
import type { Household } from '../../domain/model';
import { vulnerabilityBreakdown } from '../../domain/vulnerabilityIndex';
import { badInput, HuzhuError } from '../../errors/HuzhuError';
import {
  coverage,
  mostVulnerableHouseholds,
  networkMetrics,
  suppressSmallCells,
  whatIf,
  type HouseholdScope,
  type SmallCellPolicy,
} from '../../services/coverage';
import { INDIVIDUAL_PURPOSES } from '../auth/Purpose';
import { accessOf } from '../auth/RequestAccess';
import { sensitiveAllowed } from '../auth/sensitiveRules';
import type { Role, Viewer } from '../auth/Viewer';
import type { RequestContext } from '../context';
import { required } from './required';

/**
 * Whose aggregates get small cells suppressed (services/coverage/suppressSmallCells):
 * the roles that may not see households. Exhaustive over Role, so a new role
 * does not compile without a decision.
 */
export const SUPPRESSES_SMALL_CELLS: Readonly<Record<Role, boolean>> = {
  ANONYMOUS: true,
  DESIGNER: true,
  PARTNER_NGO: true,
  ADMIN: false,
  COORDINATOR: false,
  SOCIAL_WORKER: false,
  VOLUNTEER: false,
  // Sees its own borrowers only: county aggregates are other officers' families.
  CREDIT_OFFICER: true,
};

/**
 * Small cells are suppressed too whenever the purpose is not individual case
 * work (REPORTING, SERVICE_DESIGN), and whenever the viewer may not read
 * Household.markers (SOCIAL_ASSISTANCE) for the purpose — a volunteer, a
 * credit officer: a count of vulnerable households is a read of the markers it
 * counts.
 */
export const smallCellPolicyOf = (ctx: RequestContext): SmallCellPolicy => {
  const purpose = accessOf(ctx).purpose;
  return {
    suppress:
      SUPPRESSES_SMALL_CELLS[ctx.viewer.role] ||
      !INDIVIDUAL_PURPOSES.has(purpose) ||
      !sensitiveAllowed(ctx.viewer.role, purpose, 'SOCIAL_ASSISTANCE', 'Household'),
  };
};

type FirstArgs = { first?: number | null };

export const coverageResolvers = {
  Query: {
    coverage: async (_: unknown, args: Record<string, unknown>, ctx: RequestContext) =>
      withholdFamilies(suppressSmallCells(await coverage(ctx, args), smallCellPolicyOf(ctx)), ctx),
    mostVulnerableHouseholds: (_: unknown, args: Record<string, unknown>, ctx: RequestContext) =>
      mostVulnerableHouseholds(ctx, args, householdScopeOf(ctx.viewer)),
    networkMetrics: async (_: unknown, args: Record<string, unknown>, ctx: RequestContext) =>
      suppressSmallCells(await networkMetrics(ctx, args), smallCellPolicyOf(ctx)),
    whatIf: async (_: unknown, args: Record<string, unknown>, ctx: RequestContext) => {
      const result = suppressSmallCells(await whatIf(ctx, args), smallCellPolicyOf(ctx));
      withholdFamilies(result.before, ctx);
      withholdFamilies(result.after, ctx);
      return result;
    },
  },
  Household: {
    vulnerabilityParts: (h: Household) => vulnerabilityBreakdown(h).parts,
  },
  CoverageReport: {
    villages: (r: { villages: Array<{ covered: boolean }> }, args: FirstArgs & { covered?: boolean | null }) =>
      r.villages.filter((v) => args.covered == null || v.covered === args.covered).slice(0, firstOf({ first: args.first ?? 200 }, 1000)),
    gapCount: (r: { gaps: unknown[] }) => r.gaps.length,
    gaps: (r: { gaps: Array<{ kind: string }> }, args: FirstArgs & { kind?: string | null }) =>
      r.gaps.filter((g) => args.kind == null || g.kind === args.kind).slice(0, firstOf(args, 1000)),
  },
  // Targets counting villages or officers hold no household figure, so the presenter adds no flag to them.
  CoverageTarget: { suppressed: (t: { suppressed?: boolean }) => t.suppressed ?? false },
  ScenarioTarget: { suppressed: (t: { suppressed?: boolean }) => t.suppressed ?? false },
  TargetMissing: {
    suppressed: (m: { suppressed?: boolean }) => m.suppressed ?? false,
    familiesWithheld: (m: { familiesWithheld?: boolean }) => m.familiesWithheld ?? false,
  },
  VillageOneLiaisonAway: {
    liaisonIds: (v: { personIds: string[] }) => v.personIds,
  },
  TownshipCoverage: {
    township: async (t: { townshipId: string }, _: unknown, ctx: RequestContext) =>
      required(await ctx.loaders.Township.load(t.townshipId), 'Township', t.townshipId),
  },
  CoverageGap: {
    village: (g: { villageId: string }, _: unknown, ctx: RequestContext) => loadVillage(ctx, g.villageId),
    services: (g: { serviceIds: string[] }, _: unknown, ctx: RequestContext) => loadStored(ctx.loaders.Service, g.serviceIds),
  },
  VillageRef: {
    village: (v: { villageId: string }, _: unknown, ctx: RequestContext) => loadVillage(ctx, v.villageId),
  },
  SinglePointsOfFailure: {
    points: (s: { points: unknown[] }, args: FirstArgs) => s.points.slice(0, firstOf(args, 1000)),
  },
  SinglePointOfFailure: {
    cutOffCount: (p: { cutOff: unknown[] }) => p.cutOff.length,
    cutOff: (p: { cutOff: unknown[] }, args: FirstArgs) => p.cutOff.slice(0, firstOf(args, 10_000)),
  },
};

/**
 * Whose families a ranking may show: an ADMIN the county's; a coordinator
 * those of their townships; a social worker or volunteer those of their
 * villages. Roles that may not see households are refused outright rather
 * than shown an empty list (the schema guard screens each household again).
 */
export function householdScopeOf(viewer: Viewer): HouseholdScope {
  switch (viewer.role) {
    case 'ADMIN':
      return { all: true };
    case 'COORDINATOR':
      return { townshipIds: viewer.townshipIds };
    case 'SOCIAL_WORKER':
    case 'VOLUNTEER':
      return { villageIds: viewer.villageIds };
    case 'PARTNER_NGO':
    case 'DESIGNER':
    case 'CREDIT_OFFICER':
    case 'ANONYMOUS':
      throw new HuzhuError('FORBIDDEN', `mostVulnerableHouseholds: a ${viewer.role} may not see households; coverage reports the aggregates`);
    default: {
      const never: never = viewer.role;
      return never;
    }
  }
}

// Private:

interface FamilyRow {
  villageId: string;
  townshipId: string | null;
}

/**
 * The top-ranked families without support are household-level facts: shown
 * only to viewers who may see households, and only those within their scope
 * (householdScopeOf, as mostVulnerableHouseholds); everyone else gets an
 * empty list with familiesWithheld: true.
 */
function withholdFamilies<R extends { targets: Array<{ missing: { families: FamilyRow[] } }> }>(report: R, ctx: RequestContext): R {
  let scope: HouseholdScope | null = null;
  if (!smallCellPolicyOf(ctx).suppress) {
    try {
      scope = householdScopeOf(ctx.viewer);
    } catch {
      scope = null;
    }
  }
  const visible = (f: FamilyRow): boolean => {
    if (scope === null) return false;
    if ('all' in scope) return true;
    if ('townshipIds' in scope) return f.townshipId !== null && scope.townshipIds.includes(f.townshipId);
    return scope.villageIds.includes(f.villageId);
  };
  for (const t of report.targets) {
    const all = t.missing.families;
    const shown = all.filter(visible);
    Object.assign(t.missing, { families: shown, familiesWithheld: shown.length < all.length });
  }
  return report;
}

function firstOf(args: FirstArgs, max: number): number {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(`first: must be between 1 and ${max} (got ${first})`, ['first']);
  return first;
}

async function loadVillage(ctx: RequestContext, id: string) {
  return required(await ctx.loaders.Village.load(id), 'Village', id);
}

/** The stored records among `ids`, in order; what-if records (not in the store) are left out. */
async function loadStored<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.flatMap((row) => {
    if (row instanceof Error) throw row;
    return row === null ? [] : [row];
  });
}
