import type { EntityKind } from '../../domain/ids';
import type { EntityMap } from '../../domain/model';
import type { SearchCandidate } from '../../domain/rankSearchHits';
import { isSearchableKind, searchKeys, type SearchKeys, type SearchableKind } from '../../domain/searchKeys';
import type { SearchQuery } from '../../domain/searchQuery';
import { SortedChunkList } from './SortedChunkList';

/**
 * The memory store's search index, the counterpart of the Neo4j full-text and
 * text indexes (cypher/createIndex*Search*.cypher). MemoryGraph builds it from
 * every record on the first search after a load and keeps it current on every
 * write from then on:
 *
 * - the Han characters of each name and every pair of neighbouring ones: the
 *   CJK bigram index. A run of Han characters is looked up by its bigrams (a
 *   single character by itself), which finds every name holding the run;
 * - the pinyin tokens (pinyinKeys), sorted: a prefix is a range walk;
 * - phones and household codes are scanned (a substring test per household
 *   with one: milliseconds at 100,000), which costs nothing to maintain.
 *
 * It returns candidates, a superset of the matches; rankSearchHits (shared with
 * the Neo4j adapter) decides what matches and in which order. Households and the
 * directory are separate partitions, so a directory search never sees a household.
 */
type Partition = 'household' | 'directory';

export class SearchIndex {
  private readonly keys = new Map<string, { kind: SearchableKind; keys: SearchKeys }>();
  private readonly parts: Record<Partition, PartitionIndex> = { household: new PartitionIndex(), directory: new PartitionIndex() };

  /** Index `entity` (replacing what `old` indexed); kinds search does not cover are ignored. */
  put(kind: EntityKind, entity: EntityMap[EntityKind], old: EntityMap[EntityKind] | undefined): void {
    if (!isSearchableKind(kind)) return;
    const part = this.parts[partitionOf(kind)];
    const before = old === undefined ? undefined : this.keys.get(old.id);
    const after = searchKeys(kind, entity as EntityMap[SearchableKind]);
    if (before !== undefined) part.remove(entity.id, before.keys);
    part.add(entity.id, after);
    this.keys.set(entity.id, { kind, keys: after });
  }

  clear(): void {
    this.keys.clear();
    this.parts.household = new PartitionIndex();
    this.parts.directory = new PartitionIndex();
  }

  /** Candidates for `query` among households (`fields` limits which keys are looked up). */
  householdCandidates(query: SearchQuery, fields: ReadonlyArray<'name' | 'phone' | 'code'>): SearchCandidate[] {
    return this.candidates('household', query, fields);
  }

  /** Candidates for `query` among the directory's kinds, with their kind. */
  directoryCandidates(query: SearchQuery): Array<SearchCandidate & { kind: SearchableKind }> {
    return this.candidates('directory', query, ['name']).map((c) => ({ ...c, kind: (this.keys.get(c.id) as { kind: SearchableKind }).kind }));
  }

  // Private:

  private candidates(partition: Partition, query: SearchQuery, fields: ReadonlyArray<'name' | 'phone' | 'code'>): SearchCandidate[] {
    const part = this.parts[partition];
    const ids = new Set<string>();
    if (fields.includes('name')) {
      if (query.hanRuns.length > 0) for (const id of part.names.containingAll(query.hanRuns)) ids.add(id);
      if (query.pinyin !== null) for (const id of part.tokensWithPrefix(query.pinyin)) ids.add(id);
    }
    const digits = fields.includes('phone') ? query.digits : null;
    const code = fields.includes('code') ? query.code : null;
    if (digits !== null || code !== null) {
      for (const id of part.members) {
        const keys = this.keys.get(id)?.keys;
        if (keys === undefined) continue;
        if ((digits !== null && keys.phone?.includes(digits)) || (code !== null && keys.code?.includes(code))) ids.add(id);
      }
    }
    const out: SearchCandidate[] = [];
    for (const id of ids) {
      const entry = this.keys.get(id);
      if (entry !== undefined) out.push({ id, keys: entry.keys });
    }
    return out;
  }
}

// Private:

function partitionOf(kind: SearchableKind): Partition {
  return kind === 'Household' ? 'household' : 'directory';
}

class PartitionIndex {
  readonly names = new NgramIndex();
  /** Ids in this partition (the phone and code scan). */
  readonly members = new Set<string>();
  /** `${token}\u0001${id}`, sorted. */
  private readonly tokens = new SortedChunkList<string>((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  add(id: string, keys: SearchKeys): void {
    this.names.add(id, keys.name);
    this.members.add(id);
    for (const token of keys.pinyinTokens) this.tokens.add(`${token}${SEP}${id}`);
  }

  remove(id: string, keys: SearchKeys): void {
    this.names.remove(id, keys.name);
    this.members.delete(id);
    for (const token of keys.pinyinTokens) this.tokens.delete(`${token}${SEP}${id}`);
  }

  *tokensWithPrefix(prefix: string): Generator<string, void, undefined> {
    for (const entry of this.tokens.valuesAfter(prefix)) {
      if (!entry.startsWith(prefix)) return;
      yield entry.slice(entry.indexOf(SEP) + 1);
    }
  }
}

const SEP = '\u0001';

/** Ids by the Han characters and pairs of neighbouring Han characters of a text (each text indexed once per id). */
class NgramIndex {
  private readonly grams = new Map<string, Set<string>>();

  add(id: string, text: string): void {
    for (const gram of gramsOf(text)) {
      let ids = this.grams.get(gram);
      if (ids === undefined) this.grams.set(gram, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string, text: string): void {
    for (const gram of gramsOf(text)) {
      const ids = this.grams.get(gram);
      ids?.delete(id);
      if (ids?.size === 0) this.grams.delete(gram);
    }
  }

  /** Ids whose text may contain every fragment: it holds all their n-grams (checked exactly later). */
  containingAll(fragments: readonly string[]): Set<string> {
    const sets: Array<Set<string>> = [];
    for (const fragment of fragments) {
      const chars = [...fragment];
      const needed = chars.length === 1 ? chars : chars.slice(1).map((c, i) => `${chars[i] as string}${c}`);
      for (const gram of needed) {
        const ids = this.grams.get(gram);
        if (ids === undefined) return new Set();
        sets.push(ids);
      }
    }
    if (sets.length === 0) return new Set();
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets as [Set<string>, ...Array<Set<string>>];
    const out = new Set<string>();
    for (const id of smallest) if (others.every((s) => s.has(id))) out.add(id);
    return out;
  }
}

function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(HAN_RUNS) ?? []) {
    const chars = [...run];
    for (const c of chars) grams.add(c);
    for (let i = 1; i < chars.length; i += 1) grams.add(`${chars[i - 1] as string}${chars[i] as string}`);
  }
  return grams;
}

const HAN_RUNS = /\p{Script=Han}+/gu;
