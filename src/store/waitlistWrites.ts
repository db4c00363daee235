import type { EntityMap } from '../domain/model';
import { HuzhuError } from '../errors/HuzhuError';

/**
 * The refusals of the waiting-list writes (GraphStore.joinWaitlist, and
 * createReferral when places are owed to the queue), worded once for both
 * adapters; `store` names the adapter ('store/memory', 'store/neo4j').
 */

export function needNotOpen(store: string, status: string): HuzhuError {
  return new HuzhuError('CONFLICT', `${store}: joinWaitlist: the need is ${status}; only an OPEN need can wait for a service`, { path: ['needId'], details: { needStatus: status } });
}

export function serviceNotActive(store: string, status: string): HuzhuError {
  return new HuzhuError('CONFLICT', `${store}: joinWaitlist: the service is ${status}; only an ACTIVE service keeps a waiting list`, { path: ['serviceId'], details: { serviceStatus: status } });
}

export function placeFree(store: string, free: number): HuzhuError {
  return new HuzhuError('CONFLICT', `${store}: joinWaitlist: the service has a free place; send the referral (createReferral) instead of waiting`, {
    path: ['serviceId'],
    details: { freePlaces: Number.isFinite(free) ? free : null },
  });
}

export function queueOwed(store: string, service: Pick<EntityMap['Service'], 'id' | 'capacity' | 'activeReferrals'>, waiting: number): HuzhuError {
  return new HuzhuError(
    'CAPACITY_EXHAUSTED',
    `${store}: service ${service.id} has no place free for this need: ${waiting} need(s) wait on its list or hold an offer; join the waiting list (joinWaitlist)`,
    { path: ['serviceId'], details: { serviceId: service.id, capacity: service.capacity, activeReferrals: service.activeReferrals, waiting } },
  );
}
