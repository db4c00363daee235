import type { EntityKind } from './ids';
import type { EntityMap, Household } from './model';
import { pinyinKeys } from './pinyinKeys';

/**
 * What search matches a record by, computed once at write time and stored by
 * both adapters beside the record (memory: in its search index; Neo4j: as
 * `search*` node properties under full-text and text indexes). Stored keys
 * carry SEARCH_KEYS_VERSION: a store whose records were written with another
 * version (or none) recomputes them at start-up (backfill).
 */
export interface SearchKeys {
  /** The name as matching sees it (pinyinKeys.text): 汉字 match as substrings. */
  name: string;
  /** Whole-name pinyin, full and initials: equal is exact, a prefix is a prefix match. */
  pinyinWhole: string[];
  /** Syllable suffixes of those: a prefix of one is a contains match. */
  pinyinTokens: string[];
  /** A household head's phone, digits only; null elsewhere or without a phone. */
  phone: string | null;
  /** A household's code (户号), upper case; null elsewhere or without a code. */
  code: string | null;
}

/** Bump when the way keys are computed changes: stores recompute older keys at start-up. (2: organisations' aliases) */
export const SEARCH_KEYS_VERSION = 2;

/** Kinds the directory search covers, each found by its display name. */
export const DIRECTORY_SEARCH_KINDS = ['Township', 'Village', 'Organization', 'Service', 'Person'] as const satisfies readonly EntityKind[];
export type DirectorySearchKind = (typeof DIRECTORY_SEARCH_KINDS)[number];

export type SearchableKind = DirectorySearchKind | 'Household';

export function isSearchableKind(kind: EntityKind): kind is SearchableKind {
  return kind === 'Household' || (DIRECTORY_SEARCH_KINDS as readonly EntityKind[]).includes(kind);
}

/** The name a directory hit shows (a village's name without the committee suffix). */
export function directoryName<K extends DirectorySearchKind>(kind: K, entity: EntityMap[K]): string {
  return kind === 'Village' ? (entity as EntityMap['Village']).displayName : (entity as { name: string }).name;
}

/** The search keys of a record of a searchable kind (households: the head's name, phone and the code). */
export function searchKeys(kind: SearchableKind, entity: EntityMap[SearchableKind]): SearchKeys {
  if (kind === 'Household') {
    const h = entity as Household;
    const name = pinyinKeys(h.head.name);
    return {
      name: name.text,
      pinyinWhole: name.whole,
      pinyinTokens: name.tokens,
      phone: h.head.phone === null ? null : digitsOf(h.head.phone) || null,
      code: h.householdCode === null ? null : h.householdCode.toUpperCase(),
    };
  }
  const name = pinyinKeys(directoryName(kind, entity as EntityMap[DirectorySearchKind]));
  // An organisation is found by any of its spellings too (Organization.aliases: 益帮 for 益邦).
  const aliases = kind === 'Organization' ? ((entity as EntityMap['Organization']).aliases ?? []).map(pinyinKeys) : [];
  if (aliases.length > 0) {
    return {
      name: [name.text, ...aliases.map((a) => a.text)].join('|'),
      pinyinWhole: [...new Set([...name.whole, ...aliases.flatMap((a) => a.whole)])],
      pinyinTokens: [...new Set([...name.tokens, ...aliases.flatMap((a) => a.tokens)])],
      phone: null,
      code: null,
    };
  }
  return { name: name.text, pinyinWhole: name.whole, pinyinTokens: name.tokens, phone: null, code: null };
}

export function digitsOf(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}
