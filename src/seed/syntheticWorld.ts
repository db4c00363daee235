import type { Category, Organization, Township, Village } from '../domain/model';
import { loadCategories } from './loadCategories';
import { loadDayi, type DayiPlaces } from './loadDayi';
import { loadStakeholders, type Stakeholders } from './loadStakeholders';

/** What synthetic generation hangs its rows on: the real places, stakeholders and categories. */
export interface SyntheticWorld {
  places: DayiPlaces;
  stakeholders: Stakeholders;
  categories: Category[];
}

export function loadSyntheticWorld(): SyntheticWorld {
  const places = loadDayi();
  const categories = loadCategories();
  return { places, categories, stakeholders: loadStakeholders({ places, categories }) };
}

/** The hub organisation (the credit company's network): employer of credit officers and officers in training. */
export function networkOrganization(world: SyntheticWorld): Organization {
  const hub = world.stakeholders.organizations.find((o) => o.kind === 'CREDIT_COMPANY');
  if (!hub) {
    throw new Error('seed/syntheticWorld: stakeholders.json has no CREDIT_COMPANY organisation (the network hub); add it back');
  }
  return hub;
}

/** Each township's social-work station. */
export function stationsByTownship(world: SyntheticWorld): Map<string, Organization> {
  const stations = new Map<string, Organization>();
  for (const org of world.stakeholders.organizations) {
    if (org.kind === 'SOCIAL_WORK_STATION' && org.townshipId !== null) stations.set(org.townshipId, org);
  }
  const missing = world.places.townships.filter((t) => !stations.has(t.id)).map((t) => t.name);
  if (missing.length > 0) {
    throw new Error(`seed/syntheticWorld: no social-work station for ${missing.join(', ')} in stakeholders.json`);
  }
  return stations;
}

export function villagesByTownship(world: SyntheticWorld): Map<string, Village[]> {
  const byTownship = new Map<string, Village[]>(world.places.townships.map((t: Township) => [t.id, []]));
  for (const village of world.places.villages) byTownship.get(village.townshipId)?.push(village);
  return byTownship;
}
