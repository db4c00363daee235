import DataLoader from 'dataloader';
import type { EntityKind } from '../domain/ids';
import type { EntityMap } from '../domain/model';
import type { GraphStore } from '../store/GraphStore';
import { forgetNeedContexts } from '../services/needContext';

/**
 * One DataLoader per entity kind, per request: resolvers that need a related
 * record (a village's township, a need's household) ask the loader, so a page
 * of 100 villages costs one store call for their townships, not 100.
 */
export type Loaders = { [K in EntityKind]: DataLoader<string, EntityMap[K] | null> };

export function createLoaders(store: GraphStore): Loaders {
  const make = <K extends EntityKind>(kind: K) =>
    new DataLoader<string, EntityMap[K] | null>((ids) => store.getMany(kind, ids), { maxBatchSize: 1000 });
  return {
    Township: make('Township'),
    Village: make('Village'),
    Household: make('Household'),
    Need: make('Need'),
    Person: make('Person'),
    Organization: make('Organization'),
    Service: make('Service'),
    Relationship: make('Relationship'),
    Referral: make('Referral'),
    Assistance: make('Assistance'),
    Consent: make('Consent'),
    AuditEvent: make('AuditEvent'),
  };
}

/** Forget everything loaded so far in this request (after a write, so its result is read fresh). */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) (loader as DataLoader<string, unknown>).clearAll();
  forgetNeedContexts(loaders);
}
