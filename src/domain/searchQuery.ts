import { HAN, normalizeSearchText } from './pinyinKeys';

/**
 * A search box's text, read once into the forms each kind of key is matched
 * with (src/domain/matchRank.ts). Pure: both store adapters and the API use it,
 * so a query means the same on every store.
 *
 * - `text`: normalizeSearchText (NFKC, lower case, no spaces): matched as a
 *   substring of names when it holds a Han character ("王 小明" → "王小明");
 * - `hanRuns`: its runs of Han characters (what a full-text index is asked for);
 * - `pinyin`: letters and digits only, apostrophes and hyphens dropped
 *   ("wang xiao", "xi'an"), matched against pinyin keys at syllable starts;
 * - `digits`: a phone number as typed (spaces, +, -, parentheses dropped), at
 *   least MIN_NUMBER_LENGTH digits;
 * - `code`: upper case, letters, digits and hyphens, at least MIN_NUMBER_LENGTH.
 * A form that does not apply is null (or empty), and a query none applies to matches nothing.
 */
export interface SearchQuery {
  text: string;
  hanRuns: string[];
  pinyin: string | null;
  digits: string | null;
  code: string | null;
}

/** Longest query accepted (characters, before normalising). */
export const MAX_QUERY_LENGTH = 100;
/** Shortest phone or code fragment matched: fewer digits would match nearly every number. */
export const MIN_NUMBER_LENGTH = 3;

export function searchQuery(raw: string): SearchQuery {
  const text = normalizeSearchText(raw);
  const hanRuns = HAN.test(text) ? (text.match(/\p{Script=Han}+/gu) ?? []) : [];
  const letters = text.replace(/['’-]/g, '');
  const pinyin = /^[a-z0-9]+$/.test(letters) ? letters : null;
  const phone = text.replace(/[+\-()]/g, '');
  const digits = /^[0-9]+$/.test(phone) && phone.length >= MIN_NUMBER_LENGTH ? phone : null;
  const upper = text.toUpperCase();
  const code = /^[A-Z0-9-]+$/.test(upper) && upper.length >= MIN_NUMBER_LENGTH ? upper : null;
  return { text, hanRuns, pinyin, digits, code };
}
