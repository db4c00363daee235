import { badInput } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import { networkView, type NetworkView } from '../networkSnapshot';
import type { ServiceContext } from '../ServiceContext';
import { assertScopeExists, CoverageArgs } from './coverageArgs';
import { coverageReport, type CoverageReport } from './coverageReport';
import { countOfficers } from './compareScenarios';
import { defaultReportingPeriod, readMostVulnerableSupport, readReferralFacts } from './readCoverageFacts';
import { villageCoverage, type CoverageOptions, type NetworkCoverage } from './villageCoverage';

/**
 * Where the network stands (issue 5): coverage by village, category and
 * township against the network's targets, the ranked gaps, referral
 * outcomes and response times. Reads the cached network view, the referral
 * history and the 20 most vulnerable households; writes nothing. The result
 * holds FamilyFigures: present it with suppressSmallCells.
 */
export async function coverage(ctx: ServiceContext, rawArgs: unknown): Promise<CoverageReport> {
  const args = parseInput(CoverageArgs, rawArgs ?? {}, []);
  const [view, categories] = await Promise.all([networkView(ctx.store), ctx.store.listCategories()]);
  assertScopeExists(args, view.snapshot, categories);
  const fallback = defaultReportingPeriod(ctx.now());
  const period = {
    from: args.periodFrom === null ? fallback.from : new Date(`${args.periodFrom}T00:00:00.000Z`),
    // periodTo is a whole day: up to its last millisecond.
    to: args.periodTo === null ? fallback.to : new Date(Date.parse(`${args.periodTo}T00:00:00.000Z`) + 86_400_000 - 1),
  };
  if (period.from.getTime() >= period.to.getTime()) {
    throw badInput(`periodFrom: the reporting period must start before it ends (periodFrom ${period.from.toISOString().slice(0, 10)}, periodTo ${period.to.toISOString().slice(0, 10)})`, ['periodFrom']);
  }
  const [mostVulnerable, referrals] = await Promise.all([
    readMostVulnerableSupport(ctx.store, period, view.snapshot),
    readReferralFacts(ctx.store, view.snapshot),
  ]);
  return coverageReport({
    networkVersion: view.version,
    coverage: coverageOfView(view, { categories, maxDistanceKm: args.maxDistanceKm }),
    scope: { townshipId: args.townshipId, category: args.category, maxDistanceKm: args.maxDistanceKm },
    period,
    mostVulnerable,
    officers: countOfficers(view.snapshot.people),
    referrals,
  });
}

/**
 * Village coverage of a network view, memoised on the view (which is itself
 * rebuilt whenever the store's version moves), per distance limit and
 * category list.
 */
export function coverageOfView(view: NetworkView, options: CoverageOptions): NetworkCoverage {
  let byOptions = memo.get(view);
  if (!byOptions) memo.set(view, (byOptions = new Map<string, NetworkCoverage>()));
  const key = `${options.maxDistanceKm}|${options.categories.map((c) => `${c.code}:${c.core ? 1 : 0}`).join(',')}`;
  let result = byOptions.get(key);
  if (!result) {
    result = villageCoverage(view, options);
    byOptions.set(key, result);
  }
  return result;
}

// Private:

const memo = new WeakMap<NetworkView, Map<string, NetworkCoverage>>();
