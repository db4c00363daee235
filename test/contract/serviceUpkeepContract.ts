/**
 * Service upkeep in the GraphStore contract (issue 11 item 4), run by
 * describeGraphStoreContract against every adapter on the same reset store:
 * the fields an organisation keeps current survive a round trip, and an
 * update never overwrites the store's own count of active referrals.
 */
import type { Service } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { aNeed, aReferralFor, aService, anOrganization } from '../support/builders';

export function describeServiceUpkeepContract(current: () => GraphStore, householdId: () => string): void {
  describe('service upkeep', () => {
    async function aStoredService(overrides: Partial<Service> = {}): Promise<Service> {
      const organization = await current().create('Organization', anOrganization());
      return current().create('Service', aService({ organizationId: organization.id, capacity: 5, ...overrides }));
    }

    it('keeps hours, contact and the confirmation as written, and reads a service without them as without them', async () => {
      const kept = await aStoredService({ hours: '周一至周五 9:00–17:00', contact: '028-0000-0000 (synthetic)', confirmedOn: '2026-11-30', confirmedBy: 'acc_synthetic' });
      const bare = await aStoredService();
      const [readKept, readBare] = await current().getMany('Service', [kept.id, bare.id]);
      expect(readKept).toMatchObject({ hours: '周一至周五 9:00–17:00', contact: '028-0000-0000 (synthetic)', confirmedOn: '2026-11-30', confirmedBy: 'acc_synthetic' });
      expect(readBare?.hours ?? null).toBeNull();
      expect(readBare?.confirmedOn ?? null).toBeNull();
    });

    it('clears a stated field that an update leaves out', async () => {
      const service = await aStoredService({ hours: '全天 (synthetic)' });
      await current().update('Service', { ...service, hours: undefined });
      const [read] = await current().getMany('Service', [service.id]);
      expect(read?.hours ?? null).toBeNull();
    });

    it('keeps activeReferrals as counted by the store when an update was read before a referral claimed a unit', async () => {
      const service = await aStoredService();
      const need = aNeed({ householdId: householdId() });
      await current().upsertMany('Need', [need]);
      await current().createReferral(aReferralFor(need, service));
      // `service` was read before the claim: activeReferrals 0 in it.
      await current().update('Service', { ...service, status: 'SUSPENDED' });
      const [read] = await current().getMany('Service', [service.id]);
      expect(read).toMatchObject({ status: 'SUSPENDED', activeReferrals: 1 });
    });
  });
}
