import type { Rng } from './seededRandom';

/** A clearly fake mobile number (1xx-0000-xxxx): the middle block is always 0000, so it cannot pass for a real one. */
export function fakePhone(rng: Rng): string {
  return `1${rng.int(3, 9)}${rng.int(0, 9)}-0000-${pad(rng.int(0, 9999), 4)}`;
}

/** Zero-padded sequence numbers for placeholder names and ids (户主-0000123, hh_s0000123). */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
