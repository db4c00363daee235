import { parseInput } from '../../errors/fromZodError';
import { networkView } from '../networkSnapshot';
import type { ServiceContext } from '../ServiceContext';
import { NetworkMetricsArgs } from './coverageArgs';
import { networkMetricsOf, type NetworkMetrics } from './networkMetricsOf';

/**
 * Network metrics of the stakeholder projection (networkMetricsOf) over the
 * cached network view. Holds FamilyFigures: present with suppressSmallCells.
 */
export async function networkMetrics(ctx: ServiceContext, rawArgs: unknown): Promise<NetworkMetrics & { networkVersion: number }> {
  const args = parseInput(NetworkMetricsArgs, rawArgs ?? {}, []);
  const [view, categories] = await Promise.all([networkView(ctx.store), ctx.store.listCategories()]);
  const metrics = networkMetricsOf(view, {
    categories,
    maxDistanceKm: args.maxDistanceKm,
    top: args.top,
    ...(args.sampleSize === undefined ? {} : { sampleSize: args.sampleSize }),
  });
  return { networkVersion: view.version, ...metrics };
}
