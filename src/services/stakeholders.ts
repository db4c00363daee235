import type { Organization, Person, RelationshipStatus } from '../domain/model';
import { NETWORK_HUB_ID } from '../domain/networkHub';
import { listAll } from './listAll';
import { hubStatuses, personStatus } from './network';
import type { ServiceContext } from './ServiceContext';

export interface StakeholderEntry {
  /** Same as node.id, so the list pages by id like any other. */
  id: string;
  node: Organization | Person;
  status: RelationshipStatus;
}

/**
 * Organisations and people with their status in the network, for designers
 * mapping current (ESTABLISHED), in-progress (BUILDING) and future
 * (PROSPECTIVE) stakeholders. The stakeholder set is small (hundreds), so it
 * is computed whole and paged in memory.
 */
export async function listStakeholders(
  ctx: ServiceContext,
  filter: { kind?: 'ORGANIZATION' | 'PERSON'; status?: RelationshipStatus },
): Promise<StakeholderEntry[]> {
  const statuses = await hubStatuses(ctx.store);
  const entries: StakeholderEntry[] = [];
  if (filter.kind !== 'PERSON') {
    for (const org of await listAll(ctx.store, 'Organization')) {
      if (org.id === NETWORK_HUB_ID) continue;
      entries.push({ id: org.id, node: org, status: statuses.get(org.id) ?? 'PROSPECTIVE' });
    }
  }
  if (filter.kind !== 'ORGANIZATION') {
    for (const person of await listAll(ctx.store, 'Person')) {
      const own = statuses.get(person.id);
      entries.push({ id: person.id, node: person, status: personStatus(person, own ? [own] : []) });
    }
  }
  return filter.status ? entries.filter((e) => e.status === filter.status) : entries;
}
