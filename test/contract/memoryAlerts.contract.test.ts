import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { describeAlertsContract } from './alertsContract';
import { anAlert } from '../support/builders';

/** The alerts contract on the memory adapter, and alerts surviving a restart (journal, then snapshot). */

describeAlertsContract('memory, in memory only', inMemoryStoreFactory('memoryAlerts.contract'));

describe('memory alerts after a restart', () => {
  it.each([
    ['the journal', undefined],
    ['a snapshot', 1],
  ])('keeps alerts, read marks and deliveries from %s, so a restarted scan does not send them again', async (_from, compactAfterBytes) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'huzhu-memory-alerts-'));
    try {
      const first = new MemoryStore({ dataDir, ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }) });
      await first.init();
      const alert = anAlert();
      await first.recordAlert(alert);
      await first.markAlertsRead([alert.id], 'acc_reader');
      await first.setAlertDelivery(alert.id, 'webhook', { status: 'DELIVERED', attempts: 1, at: alert.createdAt });
      await first.close();

      const reopened = new MemoryStore({ dataDir });
      await reopened.init();
      const [read] = await reopened.getAlerts([alert.id]);
      expect(read).toEqual({ ...alert, readBy: ['acc_reader'], deliveries: { webhook: { status: 'DELIVERED', attempts: 1, at: alert.createdAt } } });
      expect((await reopened.recordAlert(anAlert({ key: alert.key }))).created).toBe(false);
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
