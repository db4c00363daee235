import type { EntityKind } from '../../domain/ids';
import type { EntityMap } from '../../domain/model';
import { SEARCH_KEYS_VERSION, isSearchableKind, searchKeys, type SearchableKind } from '../../domain/searchKeys';

/**
 * The `search*` node properties a searchable record carries beside its own
 * (entityProps.toProps adds them on every write, the start-up backfill to
 * records written without them): the keys of src/domain/searchKeys.ts, laid
 * out for the indexes in cypher/createIndex*Search*.cypher. fromProps ignores
 * them, so they never reach a record read back.
 */
export function searchProps(kind: EntityKind, entity: EntityMap[EntityKind]): Record<string, unknown> {
  if (!isSearchableKind(kind)) return {};
  const keys = searchKeys(kind, entity as EntityMap[SearchableKind]);
  return {
    searchName: keys.name,
    searchPinyin: keys.pinyinTokens.join(' '),
    searchPinyinWhole: keys.pinyinWhole,
    searchPhone: keys.phone,
    searchCode: keys.code,
    searchKeysVersion: SEARCH_KEYS_VERSION,
  };
}
