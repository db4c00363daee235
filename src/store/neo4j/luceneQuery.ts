import type { SearchQuery } from '../../domain/searchQuery';

/**
 * Lucene query strings for the full-text indexes (cypher/searchHouseholdsBy*.cypher,
 * searchDirectoryBy*.cypher), built only from the parts of a SearchQuery that the
 * index can answer, every piece escaped: whatever the user typed ("王 OR *", ")(",
 * "\") reaches Lucene as literal text, never as query syntax. Each query asks for
 * a superset of the matches; rankSearchHits keeps the real ones.
 */

/**
 * The Han runs of the query, all required: a run of two or more characters as a
 * phrase (the CJK analyzer indexes bigrams, so the phrase finds the run as a
 * substring); a single character alone, as the start of a bigram or as its end.
 * Runs of letters and digits holding a digit are required too, anywhere inside
 * a token ("户主-00001" asks for 户主 and *00001*), so a name shared by many
 * households with a number after it does not bring them all back; runs without
 * a digit are left out (the analyzer drops English stop words such as "an").
 * null when the query has no Han character.
 */
export function hanLuceneQuery(query: SearchQuery): string | null {
  if (query.hanRuns.length === 0) return null;
  const han = query.hanRuns.map((run) => {
    const escaped = escapeLucene(run);
    return [...run].length === 1 ? `(${escaped} OR ${escaped}* OR *${escaped})` : `"${escaped}"`;
  });
  const numbers = (query.text.match(/[a-z0-9]*[0-9][a-z0-9]*/g) ?? []).map((run) => `*${escapeLucene(run)}*`);
  return [...han, ...numbers].join(' AND ');
}

/** A prefix query on pinyin tokens; null when the query is not pinyin (letters and digits). */
export function pinyinLuceneQuery(query: SearchQuery): string | null {
  return query.pinyin === null ? null : `${escapeLucene(query.pinyin)}*`;
}

/** Backslash before every character Lucene's classic query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/\s]/g, (c) => `\\${c}`);
}
