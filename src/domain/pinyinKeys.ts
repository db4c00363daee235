import { pinyin } from 'pinyin-pro';

/**
 * The search keys of a name, computed once when the record is written (both
 * store adapters store them; src/domain/searchKeys.ts builds a record's keys
 * from this), so a search never converts stored text at query time.
 *
 * - `text`: the name as typed matching sees it (NFKC, lower case, no spaces):
 *   汉字 are matched as substrings of it.
 * - `whole`: the whole name in full pinyin and in initials, without tones or
 *   spaces (王小明 → "wangxiaoming", "wxm"). A query equal to one is an exact
 *   match, a prefix of one a prefix match.
 * - `tokens`: every syllable suffix of those (wangxiaoming, xiaoming, ming,
 *   wxm, xm, m): a query that is a prefix of a token matches at a syllable
 *   boundary ("xiaoming" finds 王小明; "angxiao" finds nothing).
 *
 * Polyphonic characters: a name is read as a surname followed by a given name
 * (曾 zeng, 单 shan); when its first character reads otherwise as a common
 * word (ceng, dan), that reading's keys are kept too. Text that is not Chinese (digits, Latin letters) stays as
 * itself, lower case, one syllable per run of letters or digits; punctuation
 * separates syllables and is dropped.
 */
export interface PinyinKeys {
  text: string;
  whole: string[];
  tokens: string[];
}

export function pinyinKeys(name: string): PinyinKeys {
  const text = normalizeSearchText(name);
  if (text === '') return { text, whole: [], tokens: [] };
  const readings = readingsOf(text);
  const whole = new Set<string>();
  const tokens = new Set<string>();
  for (const syllables of readings) {
    if (syllables.length === 0) continue;
    for (const keys of [syllables.map((s) => s.full), syllables.map((s) => s.initial)]) {
      whole.add(keys.join(''));
      for (let i = 0; i < keys.length; i += 1) tokens.add(keys.slice(i).join(''));
    }
  }
  return { text, whole: [...whole], tokens: [...tokens] };
}

/** NFKC (full-width letters and digits become ASCII), lower case, whitespace removed. */
export function normalizeSearchText(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** A Han character (CJK Unified Ideographs and their extensions, compatibility ideographs). */
export const HAN = /\p{Script=Han}/u;

// Private:

interface Syllable {
  full: string;
  /** The first letter of a Han character's pinyin; a run of other text stays whole. */
  initial: string;
}

/**
 * The text as syllables, read with the first character as a surname (曾 zeng)
 * and, when that character reads otherwise as a common word (ceng), that way
 * too: each Han character its toneless pinyin (ü as v), other text split into
 * runs of letters or of digits. One pinyin-pro call for the whole text (and one
 * for a single character when its surname reading differs): the keys are
 * computed for every record a store loads.
 */
function readingsOf(text: string): Syllable[][] {
  // pinyin-pro gives one element per Han character and one per run of other text, in order.
  const segments = text.match(SEGMENTS) ?? [];
  const hasHan = segments.some((segment) => HAN.test(segment));
  const parts = hasHan ? pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', surname: 'head' }) : [];
  const aligned = parts.length === segments.length;
  const syllables: Syllable[] = [];
  let firstHan: { index: number; char: string } | null = null;
  segments.forEach((segment, i) => {
    if (HAN.test(segment)) {
      const full = toLetters(aligned ? (parts[i] ?? '') : pinyin(segment, { toneType: 'none', v: true }));
      if (full === '') return;
      if (firstHan === null) firstHan = { index: syllables.length, char: segment };
      syllables.push({ full, initial: full.charAt(0) });
      return;
    }
    for (const run of segment.match(/[a-z]+|[0-9]+/g) ?? []) syllables.push({ full: run, initial: run });
  });
  const readings = [syllables];
  const first = firstHan as { index: number; char: string } | null;
  if (first !== null && first.index === 0) {
    const common = commonReadingOf(first.char);
    if (common !== '' && common !== syllables[0]?.full) readings.push([{ full: common, initial: common.charAt(0) }, ...syllables.slice(1)]);
  }
  return readings;
}

/** A character's common reading, memoised: first characters repeat (surnames), and a pinyin-pro call costs ~10 µs. */
function commonReadingOf(char: string): string {
  let reading = COMMON_READINGS.get(char);
  if (reading === undefined) {
    reading = toLetters(pinyin(char, { toneType: 'none', v: true }));
    if (COMMON_READINGS.size < 20_000) COMMON_READINGS.set(char, reading);
  }
  return reading;
}

const COMMON_READINGS = new Map<string, string>();

const SEGMENTS = /\p{Script=Han}|[^\p{Script=Han}]+/gu;

function toLetters(pinyinText: string): string {
  return pinyinText.toLowerCase().replace(/[^a-z]/g, '');
}
