import type { AlertRecord } from '../../domain/Alert';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ENTITY_KINDS, type EntityKind } from '../../domain/ids';
import type { AccountRecord } from '../../domain/Account';
import type { WaitlistEntry } from '../../domain/WaitlistEntry';
import type { PlanRecord } from '../../domain/Plan';
import type { Category } from '../../domain/model';
import type { IdempotencyRecord } from '../GraphStore';
import type { SeedRun } from '../SeedRun';
import { CorruptFileError, LineBuffer, encodeFramedLine, scanFramedLines } from './framedLines';
import type { AnyEntity, MemoryGraph, MemoryOp } from './MemoryGraph';

/**
 * The memory store's snapshot: the whole state at one version, as framed
 * lines (a header with the version and categories, record lines of up to
 * ROWS_PER_LINE records of one kind, and a footer with the record count).
 * It is written to a temp file, fsync'd and renamed over the old one, so a
 * reader sees the old snapshot or the new one, never a mix; a snapshot that
 * does not read back whole is damage, not a crash, and fails loudly.
 */

const FORMAT = 'huzhu-memory-snapshot';
const FORMAT_VERSION = 1;
const ROWS_PER_LINE = 500;
const WRITE_BUFFER_BYTES = 4 << 20;
/** Records handed to the state per apply while loading (index merges happen per batch). */
const LOAD_BATCH = 20_000;

/** Load order: referenced kinds first, so derived indexes are right on the first pass. */
const KIND_ORDER: ReadonlyArray<EntityKind> = [
  'Township',
  'Village',
  'Organization',
  'Person',
  'Household',
  'Need',
  'Service',
  'Relationship',
  'Referral',
  'Assistance',
  'Consent',
  'AuditEvent',
];
if (KIND_ORDER.length !== ENTITY_KINDS.length) throw new Error('store/memory/snapshot: KIND_ORDER must list every entity kind');

interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  version: number;
  /** MemoryGraph.auditOnlyWrites at this version (absent in older snapshots: 0). */
  auditOnlyWrites?: number;
  /** MemoryGraph.networkVersion at this version (absent in older snapshots: the version, which it never exceeds). */
  networkVersion?: number;
  categories: Category[];
  /** MemoryGraph.seedRun at this version (absent in older snapshots: none). */
  seedRun?: SeedRun | null;
}

/** Writes the state to `path` atomically; returns the snapshot's size in bytes. */
export async function writeSnapshot(path: string, state: MemoryGraph): Promise<number> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  let records = 0;
  let bytes = 0;
  try {
    const pending = new LineBuffer(WRITE_BUFFER_BYTES);
    pending.push(encodeFramedLine({ format: FORMAT, formatVersion: FORMAT_VERSION, version: state.version, auditOnlyWrites: state.auditOnlyWrites, networkVersion: state.networkVersion, categories: state.listCategories(), seedRun: state.seedRun } satisfies Header));
    const flush = async () => {
      const buffer = pending.take();
      let written = 0;
      while (written < buffer.length) written += (await handle.write(buffer, written, buffer.length - written)).bytesWritten;
      bytes += written;
    };
    for (const kind of KIND_ORDER) {
      let rows: AnyEntity[] = [];
      for (const entity of state.entities(kind)) {
        rows.push(entity);
        if (rows.length === ROWS_PER_LINE) {
          pending.push(encodeFramedLine({ k: kind, rows }));
          records += rows.length;
          rows = [];
          if (pending.full) await flush();
        }
      }
      if (rows.length > 0) {
        pending.push(encodeFramedLine({ k: kind, rows }));
        records += rows.length;
      }
    }
    // Sign-in accounts (not an entity kind): lines of their own, `{ accounts: [...] }`.
    let accounts: AccountRecord[] = [];
    for (const account of state.allAccounts()) {
      accounts.push(account);
      if (accounts.length === ROWS_PER_LINE) {
        pending.push(encodeFramedLine({ accounts }));
        records += accounts.length;
        accounts = [];
      }
    }
    if (accounts.length > 0) {
      pending.push(encodeFramedLine({ accounts }));
      records += accounts.length;
    }
    // Pushed alerts (issue 15 item 5): lines of their own, `{ alerts: [...] }`.
    let alerts: AlertRecord[] = [];
    for (const alert of state.alerts.all()) {
      alerts.push(alert);
      if (alerts.length === ROWS_PER_LINE) {
        pending.push(encodeFramedLine({ alerts }));
        records += alerts.length;
        alerts = [];
      }
    }
    if (alerts.length > 0) {
      pending.push(encodeFramedLine({ alerts }));
      records += alerts.length;
    }
    // Waiting-list entries (issue 14 item 3): lines of their own, `{ waitlist: [...] }`.
    let waitlist: WaitlistEntry[] = [];
    for (const entry of state.waitlist.all()) {
      waitlist.push(entry);
      if (waitlist.length === ROWS_PER_LINE) {
        pending.push(encodeFramedLine({ waitlist }));
        records += waitlist.length;
        waitlist = [];
      }
    }
    if (waitlist.length > 0) {
      pending.push(encodeFramedLine({ waitlist }));
      records += waitlist.length;
    }
    // Saved plans (issue 12 item 3): lines of their own, `{ plans: [...] }`.
    let plans: PlanRecord[] = [];
    for (const plan of state.plans.all()) {
      plans.push(plan);
      if (plans.length === ROWS_PER_LINE) {
        pending.push(encodeFramedLine({ plans }));
        records += plans.length;
        plans = [];
      }
    }
    if (plans.length > 0) {
      pending.push(encodeFramedLine({ plans }));
      records += plans.length;
    }
    // Idempotency keys of retryable writes: lines of their own, `{ idempotency: [...] }`.
    let keys: IdempotencyRecord[] = [];
    for (const record of state.allIdempotencyRecords()) {
      keys.push(record);
      if (keys.length === ROWS_PER_LINE) {
        pending.push(encodeFramedLine({ idempotency: keys }));
        records += keys.length;
        keys = [];
      }
    }
    if (keys.length > 0) {
      pending.push(encodeFramedLine({ idempotency: keys }));
      records += keys.length;
    }
    pending.push(encodeFramedLine({ end: true, records }));
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await syncDirectory(dirname(path));
  return bytes;
}

/**
 * Loads the snapshot at `path` into `state` (which must be empty); returns its
 * version and size, both 0 when there is no snapshot yet.
 */
export async function readSnapshot(path: string, state: MemoryGraph): Promise<{ version: number; bytes: number }> {
  let header: Header | null = null;
  let footer: { records: number } | null = null;
  let records = 0;
  let batch: MemoryOp[] = [];
  const flush = () => {
    if (header === null) return;
    state.apply(batch, header.version);
    batch = [];
  };

  let lastEnd = 0;
  const torn = await scanFramedLines(path, (line) => {
    lastEnd = line.end;
    const value = line.value as Record<string, unknown>;
    if (header === null) {
      if (value.format !== FORMAT || value.formatVersion !== FORMAT_VERSION || !Number.isInteger(value.version)) {
        throw new CorruptFileError(`${path}: not a ${FORMAT} v${FORMAT_VERSION} file (line 1 is not its header)`);
      }
      header = value as unknown as Header;
      batch.push({ o: 'categories', rows: header.categories });
      if (header.seedRun) batch.push({ o: 'seedRun', run: header.seedRun });
      return;
    }
    if (footer !== null) throw new CorruptFileError(`${path}: line ${line.lineNumber} comes after the end marker`);
    if (value.end === true) {
      footer = { records: Number(value.records) };
      return;
    }
    if (Array.isArray(value.idempotency)) {
      for (const row of value.idempotency as IdempotencyRecord[]) batch.push({ o: 'idempotency', r: row });
      records += value.idempotency.length;
      return;
    }
    if (Array.isArray(value.alerts)) {
      for (const row of value.alerts as AlertRecord[]) batch.push({ o: 'alert', a: row });
      records += value.alerts.length;
      return;
    }
    if (Array.isArray(value.waitlist)) {
      for (const row of value.waitlist as WaitlistEntry[]) batch.push({ o: 'waitlist', e: row });
      records += value.waitlist.length;
      return;
    }
    if (Array.isArray(value.plans)) {
      for (const row of value.plans as PlanRecord[]) batch.push({ o: 'plan', e: row });
      records += value.plans.length;
      return;
    }
    if (Array.isArray(value.accounts)) {
      for (const row of value.accounts as AccountRecord[]) batch.push({ o: 'account', e: row });
      records += value.accounts.length;
      return;
    }
    const kind = value.k as EntityKind;
    if (!KIND_ORDER.includes(kind) || !Array.isArray(value.rows)) {
      throw new CorruptFileError(`${path}: line ${line.lineNumber} is neither records of a known kind nor the end marker`);
    }
    for (const row of value.rows as AnyEntity[]) batch.push({ o: 'put', k: kind, e: row });
    records += value.rows.length;
    if (batch.length >= LOAD_BATCH) flush();
  });

  if (header === null && footer === null && torn === null) return { version: 0, bytes: 0 }; // no snapshot yet
  if (torn !== null) {
    throw new CorruptFileError(`${path}: line ${torn.lineNumber} (byte ${torn.start}) is damaged (${torn.reason}); snapshots are written atomically, so this is disk damage`);
  }
  const done = footer as { records: number } | null;
  if (header === null || done === null || done.records !== records) {
    throw new CorruptFileError(`${path}: the snapshot is incomplete (${records} records read, end marker ${done === null ? 'missing' : `says ${done.records}`})`);
  }
  flush();
  // Loading applies records in batches, which would count as writes of their own: restore the tally as saved.
  state.auditOnlyWrites = Number((header as Header).auditOnlyWrites ?? 0);
  state.networkVersion = Number((header as Header).networkVersion ?? (header as Header).version);
  return { version: (header as Header).version, bytes: lastEnd };
}

/** Makes a rename or a new file in `directory` durable (POSIX needs the directory itself synced). */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
