/**
 * Pushed alerts in the GraphStore contract (issue 15 item 5), run against
 * every adapter: an alert is written once per key however many writers race
 * for it (several API processes scanning at once), scope and read marks page
 * the same on both stores, and read marks from concurrent readers all land.
 * All ids are synthetic.
 */
import { alertKey } from '../../src/domain/Alert';
import type { GraphStore } from '../../src/store/GraphStore';
import type { GraphStoreFactory } from './graphStoreContract';
import { anAlert } from '../support/builders';

const EVERYWHERE = { townshipIds: null, villageIds: null };

export function describeAlertsContract(adapterName: string, factory: GraphStoreFactory, second?: () => Promise<GraphStore>): void {
  describe(`GraphStore alerts contract (${adapterName})`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
    });

    it('writes an alert once per key: 20 concurrent writers with different ids, one created, all see the same alert', async () => {
      const referralId = 'ref_alert-race';
      const attempts = Array.from({ length: 20 }, () => anAlert({ referralId, key: alertKey('REFERRAL_OVERDUE', referralId, 1) }));
      const results = await Promise.all(attempts.map((a) => store.recordAlert(a)));
      const created = results.filter((r) => r.created);
      expect(created).toHaveLength(1);
      const winner = created[0]!.alert.id;
      expect(attempts.map((a) => a.id)).toContain(winner);
      expect(new Set(results.map((r) => r.alert.id))).toEqual(new Set([winner]));
      const page = await store.listAlerts({ scope: EVERYWHERE, readerId: 'acc_reader', unreadOnly: false }, { first: 50 });
      expect(page.items.map((a) => a.id)).toEqual([winner]);
    });

    if (second) {
      it('writes an alert once when two store instances (two API processes) race for the key', async () => {
        const other = await second();
        try {
          const referralId = 'ref_alert-two-processes';
          const key = alertKey('REFERRAL_OVERDUE', referralId, 2);
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).recordAlert(anAlert({ referralId, key }))),
          );
          expect(results.filter((r) => r.created)).toHaveLength(1);
          expect(new Set(results.map((r) => r.alert.id)).size).toBe(1);
        } finally {
          await other.close();
        }
      });
    }

    it('keeps a second step of the same referral as a new alert (a referral goes overdue once per step)', async () => {
      const referralId = 'ref_alert-steps';
      const first = await store.recordAlert(anAlert({ referralId, key: alertKey('REFERRAL_OVERDUE', referralId, 1) }));
      const again = await store.recordAlert(anAlert({ referralId, key: alertKey('REFERRAL_OVERDUE', referralId, 1) }));
      const next = await store.recordAlert(anAlert({ referralId, key: alertKey('REFERRAL_OVERDUE', referralId, 2) }));
      expect([first.created, again.created, next.created]).toEqual([true, false, true]);
      expect(again.alert).toEqual(first.alert);
    });

    it('pages newest first within scope, counts unread per reader, and filters unread only', async () => {
      const inTownship = [0, 1, 2].map((i) => anAlert({ id: `alt_2026120112000000${i}_0000000${i}`, townshipId: 'twp_alert-a', villageId: 'vil_alert-a1' }));
      const inVillage = anAlert({ id: 'alt_20261201120000003_00000003', townshipId: 'twp_alert-b', villageId: 'vil_alert-b1' });
      const elsewhere = anAlert({ id: 'alt_20261201120000004_00000004', townshipId: 'twp_alert-c', villageId: 'vil_alert-c1' });
      for (const alert of [...inTownship, inVillage, elsewhere]) await store.recordAlert(alert);
      const scope = { townshipIds: ['twp_alert-a'], villageIds: ['vil_alert-b1'] };

      const first = await store.listAlerts({ scope, readerId: 'acc_one', unreadOnly: false }, { first: 2 });
      expect(first.items.map((a) => a.id)).toEqual([inVillage.id, inTownship[2]!.id]);
      expect(first).toMatchObject({ totalCount: 4, unreadCount: 4, hasNextPage: true, endCursor: inTownship[2]!.id });
      const rest = await store.listAlerts({ scope, readerId: 'acc_one', unreadOnly: false }, { first: 2, after: first.endCursor });
      expect(rest.items.map((a) => a.id)).toEqual([inTownship[1]!.id, inTownship[0]!.id]);
      expect(rest.hasNextPage).toBe(false);

      const marked = await store.markAlertsRead([inTownship[1]!.id, 'alt_20991231000000000_ffffffff'], 'acc_one');
      expect(marked.map((a) => [a.id, a.readBy])).toEqual([[inTownship[1]!.id, ['acc_one']]]);
      const unread = await store.listAlerts({ scope, readerId: 'acc_one', unreadOnly: true }, { first: 10 });
      expect(unread.items.map((a) => a.id)).toEqual([inVillage.id, inTownship[2]!.id, inTownship[0]!.id]);
      expect(unread).toMatchObject({ totalCount: 3, unreadCount: 3 });
      // Another reader's marks are its own.
      const other = await store.listAlerts({ scope, readerId: 'acc_two', unreadOnly: true }, { first: 10 });
      expect(other.unreadCount).toBe(4);
      const everywhere = await store.listAlerts({ scope: EVERYWHERE, readerId: 'acc_two', unreadOnly: false }, { first: 10 });
      expect(everywhere.totalCount).toBe(5);
    });

    it('keeps every read mark when many readers mark the same alert at once, and marking twice changes nothing', async () => {
      const { alert } = await store.recordAlert(anAlert());
      const readers = Array.from({ length: 12 }, (_, i) => `acc_reader-${i}`);
      await Promise.all(readers.map((r) => store.markAlertsRead([alert.id], r)));
      await store.markAlertsRead([alert.id], readers[0]!);
      const [read] = await store.getAlerts([alert.id]);
      expect([...(read?.readBy ?? [])].sort()).toEqual([...readers].sort());
    });

    it('records a delivery outcome per sink, and reads an alert back as written', async () => {
      const written = anAlert();
      await store.recordAlert(written);
      const after = await store.setAlertDelivery(written.id, 'webhook', { status: 'FAILED', attempts: 5, at: '2026-12-01T12:01:00.000Z' });
      expect(after.deliveries).toEqual({ webhook: { status: 'FAILED', attempts: 5, at: '2026-12-01T12:01:00.000Z' } });
      const [read, missing] = await store.getAlerts([written.id, 'alt_20991231000000000_ffffffff']);
      expect(read).toEqual({ ...written, deliveries: after.deliveries });
      expect(missing).toBeNull();
      await expect(store.setAlertDelivery('alt_20991231000000000_ffffffff', 'webhook', { status: 'DELIVERED', attempts: 1, at: written.createdAt })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
