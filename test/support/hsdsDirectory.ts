import type { GraphStore } from '../../src/store/GraphStore';
import { loadCategories } from '../../src/seed/loadCategories';
import { loadDayi } from '../../src/seed/loadDayi';
import { loadStakeholders } from '../../src/seed/loadStakeholders';

/**
 * Stores for the HSDS tests: the reference data an HSDS import needs (the real
 * Dayi places and the categories, which the import never creates), and the
 * real directory of seed/stakeholders.json on top of it.
 */
export async function storePlacesAndCategories(store: GraphStore): Promise<void> {
  const places = loadDayi();
  await store.upsertCategories(loadCategories());
  await store.upsertMany('Township', places.townships);
  await store.upsertMany('Village', places.villages);
}

export async function storeRealDirectory(store: GraphStore): Promise<void> {
  await storePlacesAndCategories(store);
  const stakeholders = loadStakeholders();
  await store.upsertMany('Organization', stakeholders.organizations);
  await store.upsertMany('Service', stakeholders.services);
  await store.upsertMany('Relationship', stakeholders.relationships);
}

/** The fixed clock of HSDS tests (service_capacity.updated). */
export const HSDS_TEST_NOW = new Date('2026-12-01T08:00:00.000Z');
