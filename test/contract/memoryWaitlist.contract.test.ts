import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { aHousehold, aNeed, anOrganization, aReferralFor, aService, aTownship, aVillage, aWaitlistEntry } from '../support/builders';
import { describeWaitlistContract } from './waitlistContract';

/** The waiting-list contract on the memory adapter, in memory and journaled; and a list survives a restart. */

describeWaitlistContract('memory, in memory only', inMemoryStoreFactory('memoryWaitlist.contract'));

describe('memory waiting lists after a restart', () => {
  it.each([
    ['from the journal', 64 * 1024 * 1024],
    ['from the snapshot', 1],
  ])('are read back %s: entries, offers and the order', async (_how, compactAfterBytes) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-waitlist-'));
    try {
      const township = aTownship();
      const village = aVillage({ townshipId: township.id });
      const organization = anOrganization({ townshipId: township.id });
      const service = aService({ organizationId: organization.id, capacity: 1 });
      const households = [aHousehold({ villageId: village.id, vulnerabilityScore: 1 }), aHousehold({ villageId: village.id, vulnerabilityScore: 2 })];
      const needs = households.map((h) => aNeed({ householdId: h.id, urgency: 'HIGH' }));
      const holder = aNeed({ householdId: (households[0] as { id: string }).id });
      const first = new MemoryStore({ dataDir, compactAfterBytes });
      await first.init();
      await first.upsertMany('Township', [township]);
      await first.upsertMany('Village', [village]);
      await first.upsertMany('Organization', [organization]);
      await first.upsertMany('Service', [service]);
      await first.upsertMany('Household', households);
      await first.upsertMany('Need', [...needs, holder]);
      const held = await first.createReferral(aReferralFor(holder, service));
      for (const [i, need] of needs.entries()) await first.joinWaitlist(aWaitlistEntry(need, households[i] as (typeof households)[number], service.id));
      await first.transitionReferral(held.referral.id, 'SENT', { status: 'RESOLVED', at: '2026-12-01T09:00:00.000Z', actorId: 'per_test', reason: null, note: null }, 'RESOLVED');
      const before = await first.listWaitlist(service.id);
      await first.close();

      const reopened = new MemoryStore({ dataDir });
      await reopened.init();
      expect(before.map((e) => e.status)).toEqual(['OFFERED', 'WAITING']);
      expect(await reopened.listWaitlist(service.id)).toEqual(before);
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
