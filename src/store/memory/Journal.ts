import { open, type FileHandle } from 'node:fs/promises';
import { CorruptFileError, LineBuffer, encodeFramedLine, scanFramedLines, type TornTail } from './framedLines';
import type { MemoryOp } from './MemoryGraph';

/**
 * The memory store's append-only journal: one record per write, each the
 * ops it applied and the store version after it. A write is acknowledged only
 * after its record is fdatasync'd, and applied to memory only after that, so
 * what a caller saw succeed survives a crash and what failed leaves no trace.
 *
 * A record is one framed line, or for a large upsertMany several lines
 * (`more: true` on all but the last) written with a single fdatasync; replay
 * applies a record only once its last line is read, so a crash mid-record
 * loses the whole unacknowledged record, never half of it.
 */

/** Ops per journal line; keeps each line well under V8's string limit for bulk loads. */
const OPS_PER_LINE = 1000;
/** Bytes gathered before one write(2). */
const WRITE_BUFFER_BYTES = 4 << 20;

interface RecordLine {
  v: number;
  ops: MemoryOp[];
  more?: true;
}

export interface ReplayReport {
  /** Records applied (those newer than the snapshot). */
  applied: number;
  /** Version of the last complete record, or the snapshot's when there is none newer. */
  lastVersion: number;
  /** What was cut off the end, when a crash left an unfinished write. */
  dropped: TornTail | null;
  /** Size of the journal after any truncation. */
  bytes: number;
}

/**
 * Replays the journal at `path` onto the state through `apply`, skipping
 * records a snapshot already holds (version <= `snapshotVersion`), and cuts a
 * torn tail off the file. Damage anywhere but the tail throws: replaying past
 * it would silently lose acknowledged writes.
 */
export async function replayJournal(
  path: string,
  snapshotVersion: number,
  apply: (ops: MemoryOp[], version: number) => void,
): Promise<ReplayReport> {
  let applied = 0;
  let lastVersion = snapshotVersion;
  let previous = 0;
  let partial: { v: number; ops: MemoryOp[]; start: number; lineNumber: number } | null = null;

  let torn = await scanFramedLines(path, (line) => {
    const record = asRecordLine(line.value);
    if (record === null) throw new CorruptFileError(`${path}: line ${line.lineNumber} is not a journal record`);
    if (partial !== null && record.v !== partial.v) {
      throw new CorruptFileError(`${path}: line ${line.lineNumber} starts version ${record.v} before version ${partial.v} was finished`);
    }
    if (partial === null && record.v <= previous) {
      throw new CorruptFileError(`${path}: line ${line.lineNumber} has version ${record.v}, not after ${previous}`);
    }
    if (partial === null) partial = { v: record.v, ops: [], start: line.start, lineNumber: line.lineNumber };
    for (const op of record.ops) partial.ops.push(op);
    if (record.more === true) return;
    previous = record.v;
    if (record.v > snapshotVersion) {
      apply(partial.ops, record.v);
      applied += 1;
      lastVersion = record.v;
    }
    partial = null;
  });

  const unfinished = partial as { start: number; lineNumber: number } | null;
  if (unfinished !== null && (torn === null || unfinished.start < torn.start)) {
    torn = { start: unfinished.start, lineNumber: unfinished.lineNumber, reason: 'a multi-line record was not finished' };
  }
  let bytes = 0;
  const handle = await open(path, 'a+');
  try {
    bytes = (await handle.stat()).size;
    if (torn !== null) {
      await handle.truncate(torn.start);
      await handle.datasync();
      bytes = torn.start;
    }
  } finally {
    await handle.close();
  }
  return { applied, lastVersion, dropped: torn, bytes };
}

export class Journal {
  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private bytes: number,
  ) {}

  /** Opens (creating) the journal for appending; `bytes` is its current size from replay. */
  static async open(path: string, bytes: number): Promise<Journal> {
    return new Journal(path, await open(path, 'a'), bytes);
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * Appends one record and waits until it is on disk. On failure the file is
   * cut back to where it was, so the journal never keeps half a record; if
   * even that fails the error says the journal needs a restart to recover.
   */
  async append(version: number, ops: readonly MemoryOp[]): Promise<void> {
    const start = this.bytes;
    try {
      const pending = new LineBuffer(WRITE_BUFFER_BYTES);
      for (let at = 0; at < ops.length; at += OPS_PER_LINE) {
        const line: RecordLine = { v: version, ops: ops.slice(at, at + OPS_PER_LINE) };
        if (at + OPS_PER_LINE < ops.length) line.more = true;
        pending.push(encodeFramedLine(line));
        if (pending.full) await this.writeAll(pending.take());
      }
      await this.writeAll(pending.take());
      await this.handle.datasync();
    } catch (error) {
      await this.rollBack(start, error);
      throw error;
    }
  }

  /** Empties the journal once a snapshot holds everything in it. */
  async reset(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.datasync();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  // Private

  private async writeAll(buffer: Buffer): Promise<void> {
    let written = 0;
    while (written < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, written, buffer.length - written);
      written += bytesWritten;
      this.bytes += bytesWritten;
    }
  }

  private async rollBack(start: number, cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(start);
      await this.handle.datasync();
      this.bytes = start;
    } catch (truncateError) {
      throw new JournalBrokenError(
        `store/memory: the journal ${this.path} could not be cut back after a failed write (${(cause as Error).message}; then ${(truncateError as Error).message}); restart the process so replay can drop the unfinished record`,
        { cause: truncateError },
      );
    }
  }
}

/** The journal may hold part of an unacknowledged record: no further write is safe until a restart. */
export class JournalBrokenError extends Error {
  override readonly name = 'JournalBrokenError';
}

function asRecordLine(value: unknown): RecordLine | null {
  if (value === null || typeof value !== 'object') return null;
  const { v, ops, more } = value as Record<string, unknown>;
  if (!Number.isInteger(v) || !Array.isArray(ops)) return null;
  if (more !== undefined && more !== true) return null;
  return value as RecordLine;
}
