import { parseInput } from '../../errors/fromZodError';
import { buildStakeholderGraph } from '../../graph';
import { networkView } from '../networkSnapshot';
import type { ServiceContext } from '../ServiceContext';
import { applyWhatIf } from './applyWhatIf';
import { compareScenarios, type WhatIfResult } from './compareScenarios';
import { WhatIfArgs } from './coverageArgs';
import { defaultReportingPeriod, readMostVulnerableSupport } from './readCoverageFacts';
import { parseWhatIfChanges } from './WhatIfChange';

/**
 * What would change if…? Applies the changes to a copy of today's network
 * snapshot (applyWhatIf), rebuilds the stakeholder graph from it, and
 * compares coverage, gaps, targets and headline metrics with today
 * (compareScenarios). Reads only; nothing is written to the store. Holds
 * FamilyFigures: present with suppressSmallCells.
 */
export async function whatIf(ctx: ServiceContext, rawArgs: unknown): Promise<WhatIfResult> {
  const args = parseInput(WhatIfArgs, rawArgs ?? {}, []);
  const changes = parseWhatIfChanges(args.changes);
  const [view, categories] = await Promise.all([networkView(ctx.store), ctx.store.listCategories()]);
  const scenario = applyWhatIf(view.snapshot, changes, categories);
  return compareScenarios({
    networkVersion: view.version,
    today: view,
    scenario: { snapshot: scenario.snapshot, graph: buildStakeholderGraph(scenario.snapshot) },
    changes: scenario.applied,
    categories,
    maxDistanceKm: args.maxDistanceKm,
    mostVulnerable: await readMostVulnerableSupport(ctx.store, defaultReportingPeriod(ctx.now()), view.snapshot),
  });
}
