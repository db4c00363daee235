import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/**
 * The line format of the journal and the snapshot: `<crc32 as 8 hex digits>
 * <json>\n`. The checksum tells a torn or bit-rotted line from a good one even
 * when the damaged text still happens to parse as JSON, and a line only counts
 * once its newline is on disk.
 */

/** One line, as the bytes to write (encoded once: the checksum covers exactly these bytes). */
const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
/** `xxxxxxxx ` before the JSON. */
const PREFIX_BYTES = 9;

export function encodeFramedLine(value: unknown): Buffer {
  const json = JSON.stringify(value);
  const length = Buffer.byteLength(json, 'utf8');
  const line = Buffer.allocUnsafe(PREFIX_BYTES + length + 1);
  line.write(json, PREFIX_BYTES, length, 'utf8');
  const checksum = crc32(line.subarray(PREFIX_BYTES, PREFIX_BYTES + length));
  line.write(checksum.toString(16).padStart(8, '0'), 0, 8, 'latin1');
  line[8] = 0x20;
  line[PREFIX_BYTES + length] = NEWLINE;
  return line;
}

/** Gathers encoded lines and hands them out in writes of about `bytes`. */
export class LineBuffer {
  private lines: Buffer[] = [];
  private size = 0;

  constructor(private readonly bytes: number) {}

  get full(): boolean {
    return this.size >= this.bytes;
  }

  push(line: Buffer): void {
    this.lines.push(line);
    this.size += line.length;
  }

  take(): Buffer {
    const out = this.lines.length === 1 ? (this.lines[0] as Buffer) : Buffer.concat(this.lines, this.size);
    this.lines = [];
    this.size = 0;
    return out;
  }
}

export interface FramedLine {
  value: unknown;
  /** Byte offset of the line's first byte, and of the byte after its newline. */
  start: number;
  end: number;
  /** 1-based. */
  lineNumber: number;
}

/** Where the readable part of a file ends: everything from `start` on is a torn tail. */
export interface TornTail {
  start: number;
  lineNumber: number;
  reason: string;
}

export class CorruptFileError extends Error {
  override readonly name = 'CorruptFileError';
}


/**
 * Reads every line of `path` in order and hands the good ones to `onLine`.
 * The first bad line (checksum or JSON) and anything after it is a torn tail
 * (returned) as long as no good line follows; a good line after a bad one
 * means damage in the middle of the file, which throws CorruptFileError.
 * A missing file reads as empty.
 */
export async function scanFramedLines(path: string, onLine: (line: FramedLine) => void): Promise<TornTail | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    let torn: TornTail | null = null;
    let carry: Buffer[] = [];
    let carryStart = 0;
    let offset = 0;
    let lineNumber = 0;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);

    const finishLine = (bytes: Buffer, start: number, end: number) => {
      lineNumber += 1;
      const decoded = decodeFramedLine(bytes);
      if (decoded.ok) {
        if (torn !== null) {
          throw new CorruptFileError(
            `${path}: line ${torn.lineNumber} (byte ${torn.start}) is damaged (${torn.reason}) but line ${lineNumber} after it is intact, so this is not a torn last write`,
          );
        }
        onLine({ value: decoded.value, start, end, lineNumber });
      } else if (torn === null) {
        torn = { start, lineNumber, reason: decoded.reason };
      }
    };

    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset);
      if (bytesRead === 0) break;
      let from = 0;
      for (;;) {
        const at = buffer.indexOf(NEWLINE, from);
        if (at === -1 || at >= bytesRead) break;
        const piece = buffer.subarray(from, at);
        const bytes = carry.length === 0 ? Buffer.from(piece) : Buffer.concat([...carry, piece]);
        const start = carry.length === 0 ? offset + from : carryStart;
        carry = [];
        finishLine(bytes, start, offset + at + 1);
        from = at + 1;
      }
      if (from < bytesRead) {
        if (carry.length === 0) carryStart = offset + from;
        carry.push(Buffer.from(buffer.subarray(from, bytesRead)));
      }
      offset += bytesRead;
    }
    if (carry.length > 0 && torn === null) {
      torn = { start: carryStart, lineNumber: lineNumber + 1, reason: 'the last line has no newline (a write cut short)' };
    }
    return torn;
  } finally {
    await handle.close();
  }
}

type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

function decodeFramedLine(bytes: Buffer): Decoded {
  if (bytes.length < 10 || bytes[8] !== 0x20) return { ok: false, reason: 'no checksum prefix' };
  const expected = Number.parseInt(bytes.subarray(0, 8).toString('latin1'), 16);
  const body = bytes.subarray(9);
  if (!Number.isFinite(expected) || crc32(body) !== expected) return { ok: false, reason: 'checksum mismatch' };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
}
