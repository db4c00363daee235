import { householdsResolvers } from './households';
import { matchingResolvers } from './matching';
import { networkResolvers } from './network';
import { nodeResolvers } from './node';
import { placesResolvers } from './places';
import { referralsResolvers } from './referrals';
import { scalarResolvers } from './scalars';

/** Resolver maps per SDL module, merged type by type. */
export const resolvers = mergeResolvers([scalarResolvers, nodeResolvers, placesResolvers, householdsResolvers, networkResolvers, referralsResolvers, matchingResolvers]);

function mergeResolvers(maps: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const existing = merged[type];
      if (existing && typeof existing === 'object' && typeof fields === 'object' && fields !== null && !('serialize' in fields)) {
        for (const key of Object.keys(fields)) {
          if (key in existing) throw new Error(`api/mergeResolvers: ${type}.${key} is defined twice`);
        }
        merged[type] = { ...existing, ...fields };
      } else {
        merged[type] = fields;
      }
    }
  }
  return merged;
}
