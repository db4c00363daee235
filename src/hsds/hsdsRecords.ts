import type { HsdsSchemaName, SchemaProblem } from './hsdsSchemas';

/**
 * Records read from an HSDS dataset (JSON files or a tabular datapackage),
 * before any mapping: each with where it came from, so a report line can name
 * the file and the place in it.
 */
export interface SourcedRecord {
  schema: HsdsSchemaName;
  record: Record<string, unknown>;
  /** e.g. "service_full.json", "services.csv row 2", "organization_list.json#/contents/0". */
  source: string;
  /** Problems found while reading (a child row that failed): the record is refused with them. */
  problems: SchemaProblem[];
}

export interface HsdsRecordSet {
  organizations: SourcedRecord[];
  services: SourcedRecord[];
  /** Records read that Huzhu does not store on their own (taxonomies, terms, locations, API descriptions): counted, validated. */
  others: SourcedRecord[];
  /** Lines for the report about what could not even be read (a file that is not JSON, a record of unknown kind). */
  unreadable: Array<{ source: string; reason: string }>;
  /** Things read and deliberately left aside (an API description such as base.json): a note, not a failure. */
  notes: Array<{ source: string; note: string }>;
}

export function emptyRecordSet(): HsdsRecordSet {
  return { organizations: [], services: [], others: [], unreadable: [], notes: [] };
}
