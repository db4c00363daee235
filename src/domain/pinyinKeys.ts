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
 * Polyphonic characters: a name is read once as a surname followed by a given
 * name (曾 zeng, 单 shan) and once with the common readings; both readings'
 * keys are kept. Text that is not Chinese (digits, Latin letters) stays as
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
  const readings = uniqueReadings([syllablesOf(text, true), syllablesOf(text, false)]);
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
 * One reading of the text as syllables: each Han character its toneless pinyin
 * (ü as v), other text split into runs of letters or of digits.
 */
function syllablesOf(text: string, surnameFirst: boolean): Syllable[] {
  // pinyin-pro gives one element per Han character and one per run of other text, in order.
  const segments = text.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? [];
  const parts = pinyin(text, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'consecutive',
    ...(surnameFirst ? { surname: 'head' as const } : {}),
  });
  const aligned = parts.length === segments.length;
  const syllables: Syllable[] = [];
  segments.forEach((segment, i) => {
    if (HAN.test(segment)) {
      const full = (aligned ? (parts[i] ?? '') : pinyin(segment, { toneType: 'none', v: true })).toLowerCase().replace(/[^a-z]/g, '');
      if (full !== '') syllables.push({ full, initial: full.charAt(0) });
      return;
    }
    for (const run of segment.match(/[a-z]+|[0-9]+/g) ?? []) syllables.push({ full: run, initial: run });
  });
  return syllables;
}

function uniqueReadings(readings: Syllable[][]): Syllable[][] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.map((s) => s.full).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
