import { listAll } from '../services/listAll';
import { hubStatuses } from '../services/network';
import type { GraphStore } from '../store/GraphStore';
import type { DirectorySnapshot } from './toHsds';

/**
 * The directory as it stands: organisations, services, places, categories and
 * each organisation's status with the hub. Only these kinds are read, so no
 * household, need, referral, person or account can reach an HSDS answer. The
 * directory is small (tens to hundreds of records), so it is read whole.
 */
export async function loadDirectorySnapshot(store: GraphStore, now: Date): Promise<DirectorySnapshot> {
  const [organizations, services, townships, villages, categories, networkStatus] = await Promise.all([
    listAll(store, 'Organization'),
    listAll(store, 'Service'),
    listAll(store, 'Township'),
    listAll(store, 'Village'),
    store.listCategories(),
    hubStatuses(store),
  ]);
  return { organizations, services, townships, villages, categories, networkStatus, at: now.toISOString() };
}
