import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { EntityKind } from '../domain/ids';
import type { EntityMap } from '../domain/model';
import { generateSynthetic } from '../seed/generateSynthetic';
import { FIRST_LOAD_BATCH_SIZE } from '../seed/seedStore';
import type { SyntheticWorld } from '../seed/syntheticWorld';
import { toProps } from '../store/neo4j/entityProps';
import { SCHEMA_VERSION } from '../store/neo4j/schemaUpgrade';

/**
 * The CSV files of `neo4j-admin database import full` for a whole seed (the real places, stakeholders and
 * categories and `households` synthetic households of `seed`): the graph seedStore's first load leaves, laid
 * out as the Neo4j adapter writes it, so the adapter reads it back the same (test/contract/neo4jAdminImport.test.ts).
 *
 * - One header file and one data file per node kind and per edge type (`<name>.header.csv`, `<name>.csv`).
 * - Nodes: every property of entityProps.toProps (search keys included) with its Neo4j type in the header
 *   (`name:string`, `score:double` (the driver sends JavaScript numbers as floats), `markers:string[]`,
 *   `location:point{crs:WGS-84}`), null as an empty field (no property), ids in one id space (`id:ID`,
 *   the ids carry their kind's prefix); stakeholders (places, organisations, services, people) also carry
 *   :Stakeholder.
 * - The counters the adapter keeps: Village.householdCount / vulnerableHouseholdCount, the Service
 *   track-record counters (0: a seed has no referrals), as longs like the adapter's.
 * - The reference edges the link statements draw (IN_TOWNSHIP, LOCATED_IN, OFFERED_BY, ASSIGNED_TO,
 *   WORKS_FOR, LIVES_IN, BORROWS_FROM, OF_HOUSEHOLD) and each stakeholder relationship as an edge of its
 *   own type with its properties.
 * - The markers: (:HuzhuSchema {name: 'graph', version: SCHEMA_VERSION}), (:NetworkVersion {name: 'network'}),
 *   the COMPLETE (:SeedRun {name: 'seed'}); categories as (:Category {code, …}).
 * Constraints and indexes are not the import's: the adapter's init() creates them after the import.
 */
export async function writeAdminImportCsv(
  dir: string,
  options: { households: number; seed: number; world: SyntheticWorld; now?: () => Date; log?: (line: string) => void },
): Promise<AdminImportFiles> {
  mkdirSync(dir, { recursive: true });
  const log = options.log ?? (() => {});
  const at = (options.now ?? (() => new Date()))().toISOString();
  const { world } = options;
  const files = new CsvFiles(dir);
  const known = new Set<string>();
  const edge = (type: string, from: string, to: string | null) => {
    if (to !== null && known.has(to)) files.relationship(type, { ':START_ID': from, ':END_ID': to });
  };
  const node = <K extends EntityKind>(kind: K, entity: EntityMap[K], extra: Record<string, unknown> = {}) => {
    const props = { ...toProps(kind, entity), ...extra };
    files.node(kind, STAKEHOLDER_KINDS.has(kind) ? [kind, 'Stakeholder'] : [kind], props);
    known.add((entity as { id: string }).id);
  };
  let steps = 1;
  const step = (rows: readonly unknown[]) => {
    if (rows.length > 0) steps += 1;
  };

  for (const c of world.categories) files.node('Category', ['Category'], { ...c }, 'code');
  const { townships, villages } = world.places;
  for (const t of townships) node('Township', t);
  step(townships);
  // Village counters come from the households, which come later: held until then.
  const villageCounts = new Map(villages.map((v) => [v.id, { households: 0, vulnerable: 0 }]));
  for (const h of householdsOf(options)) {
    const c = villageCounts.get(h.villageId);
    if (c) {
      c.households += 1;
      if (h.vulnerabilityScore > 0) c.vulnerable += 1;
    }
  }
  for (const v of villages) {
    const c = villageCounts.get(v.id) ?? { households: 0, vulnerable: 0 };
    node('Village', v, { householdCount: neo4j.int(c.households), vulnerableHouseholdCount: neo4j.int(c.vulnerable) });
    edge('IN_TOWNSHIP', v.id, v.townshipId);
  }
  step(villages);
  const { organizations, services, relationships } = world.stakeholders;
  for (const o of organizations) {
    node('Organization', o);
    edge('LOCATED_IN', o.id, o.townshipId);
    edge('LOCATED_IN', o.id, o.villageId);
  }
  step(organizations);
  const zero = neo4j.int(0);
  for (const s of services) {
    node('Service', s, { referralsSent: zero, referralsAccepted: zero, referralsResolved: zero, referralsDeclined: zero, referralsDeclinedNoCapacity: zero });
    edge('OFFERED_BY', s.id, s.organizationId);
  }
  step(services);
  const relationship = (r: EntityMap['Relationship']) => {
    const props = toProps('Relationship', r);
    delete props['type'];
    files.relationship(r.type, { ':START_ID': r.fromId, ':END_ID': r.toId, ...props });
  };
  relationships.forEach(relationship);
  step(relationships);

  let written = 0;
  for (const batch of generateSynthetic({ households: options.households, seed: options.seed, world, batchSize: FIRST_LOAD_BATCH_SIZE })) {
    switch (batch.kind) {
      case 'Person':
        for (const p of batch.rows) {
          node('Person', p);
          for (const villageId of p.villageIds) edge('ASSIGNED_TO', p.id, villageId);
          for (const townshipId of p.townshipIds) edge('ASSIGNED_TO', p.id, townshipId);
          edge('WORKS_FOR', p.id, p.organizationId);
        }
        break;
      case 'Relationship':
        batch.rows.forEach(relationship);
        break;
      case 'Household':
        for (const h of batch.rows) {
          node('Household', h);
          edge('LIVES_IN', h.id, h.villageId);
          edge('BORROWS_FROM', h.id, h.loan?.creditOfficerId ?? null);
        }
        written += batch.rows.length;
        if (written % 100_000 < FIRST_LOAD_BATCH_SIZE && written >= 100_000) log(`csv: ${written.toLocaleString('en-US')} households`);
        break;
      case 'Need':
        for (const n of batch.rows) {
          node('Need', n);
          edge('OF_HOUSEHOLD', n.id, n.householdId);
        }
        break;
    }
    step(batch.rows);
    files.flush();
  }
  files.node('HuzhuSchema', ['HuzhuSchema'], { name: 'graph', version: neo4j.int(SCHEMA_VERSION), upgradedAt: at }, 'name');
  files.node('NetworkVersion', ['NetworkVersion'], { name: 'network', value: neo4j.int(1) }, 'name');
  files.node('SeedRun', ['SeedRun'], {
    name: 'seed',
    status: 'COMPLETE',
    households: neo4j.int(options.households),
    seed: neo4j.int(options.seed),
    batchSize: neo4j.int(FIRST_LOAD_BATCH_SIZE),
    stepsDone: neo4j.int(steps),
    startedAt: at,
    updatedAt: at,
    completedAt: at,
  }, 'name');
  return files.close();
}

/** What writeAdminImportCsv wrote: for neo4j-admin, `--nodes=<header>,<data>` and `--relationships=<header>,<data>` per entry. */
export interface AdminImportFiles {
  /** `emptyLists`: list properties some nodes hold as [] (left out of the CSV; the route sets them after the import). */
  nodes: Array<AdminImportFile>;
  relationships: Array<AdminImportFile>;
}

export interface AdminImportFile {
  /** The node label (the file's first label) or the edge type. */
  name: string;
  header: string;
  data: string;
  rows: number;
  emptyLists: string[];
}

/** The array delimiter of the files (neo4j-admin --array-delimiter): a control character no seeded value holds. */
export const ARRAY_DELIMITER = '\u001f';

// Private:

const STAKEHOLDER_KINDS: ReadonlySet<string> = new Set(['Township', 'Village', 'Organization', 'Service', 'Person']);

function* householdsOf(options: { households: number; seed: number; world: SyntheticWorld }): Generator<EntityMap['Household']> {
  for (const batch of generateSynthetic({ households: options.households, seed: options.seed, world: options.world, batchSize: FIRST_LOAD_BATCH_SIZE })) {
    if (batch.kind === 'Household') yield* batch.rows;
  }
}

type ColumnType = 'string' | 'double' | 'long' | 'boolean' | 'point' | 'string[]' | 'double[]' | 'boolean[]';

/** One CSV file (data) and its header file; columns and their types fixed by the first row, checked on every row. */
class CsvFile {
  readonly #fd: number;
  #columns: Array<{ key: string; type: ColumnType | null; array: boolean; empty: boolean; nulls: boolean }> | null = null;
  #chunks: string[] = [];
  rows = 0;

  constructor(
    readonly name: string,
    readonly header: string,
    readonly data: string,
    /** The id column of a node file (`<key>:ID(<group>)`), or null for an edge file. */
    readonly idColumn: { key: string; group: string | null } | null,
  ) {
    this.#fd = openSync(data, 'w');
  }

  add(row: Record<string, unknown>): void {
    if (this.#columns === null) this.#columns = Object.keys(row).map((key) => ({ key, type: null, array: false, empty: false, nulls: false }));
    const cells = this.#columns.map((column) => {
      const value = row[column.key];
      if (value === null || value === undefined) {
        column.nulls = true;
        return '';
      }
      if (Array.isArray(value) && value.length === 0) {
        // An empty list fits a column of any list type (its element type comes from the other rows). CSV cannot
        // tell it from "no property", so it is left out here and set after the import (emptyLists).
        column.array = true;
        column.empty = true;
        return '';
      }
      const type = typeOf(value);
      if (column.type === null) column.type = type;
      else if (column.type !== type) {
        throw new Error(`cli/writeAdminImportCsv: ${this.name}.${column.key} holds a ${type} where earlier rows held a ${column.type}`);
      }
      return cell(value);
    });
    if (Object.keys(row).length !== this.#columns.length || Object.keys(row).some((key) => !this.#columns?.some((c) => c.key === key))) {
      throw new Error(`cli/writeAdminImportCsv: a ${this.name} row has other properties than the first (${Object.keys(row).join(', ')})`);
    }
    this.#chunks.push(cells.join(','));
    this.rows += 1;
  }

  flush(): void {
    if (this.#chunks.length === 0) return;
    writeSync(this.#fd, this.#chunks.join('\n') + '\n');
    this.#chunks = [];
  }

  /** The list columns some rows hold as an empty list: the import leaves them out, the route sets them to []. */
  emptyLists(): string[] {
    const columns = this.#columns ?? [];
    const both = columns.find((c) => c.empty && c.nulls);
    if (both) throw new Error(`cli/writeAdminImportCsv: ${this.name}.${both.key} holds both null and empty lists, which the CSV import cannot tell apart`);
    return columns.filter((c) => c.empty).map((c) => c.key);
  }

  close(): string {
    this.flush();
    closeSync(this.#fd);
    return (this.#columns ?? []).map((c) => headerOf(c.key, c.type ?? (c.array ? 'string[]' : 'string'), this.idColumn)).join(',');
  }
}

class CsvFiles {
  readonly #nodes = new Map<string, CsvFile>();
  readonly #relationships = new Map<string, CsvFile>();

  constructor(readonly dir: string) {}

  node(name: string, labels: readonly string[], props: Record<string, unknown>, idKey = 'id'): void {
    let file = this.#nodes.get(name);
    if (!file) {
      file = new CsvFile(name, join(this.dir, `nodes-${name}.header.csv`), join(this.dir, `nodes-${name}.csv`), { key: idKey, group: idKey === 'id' ? null : name });
      this.#nodes.set(name, file);
    }
    file.add({ ...props, ':LABEL': labels.join(ARRAY_DELIMITER) });
  }

  relationship(type: string, row: Record<string, unknown>): void {
    let file = this.#relationships.get(type);
    if (!file) {
      file = new CsvFile(type, join(this.dir, `edges-${type}.header.csv`), join(this.dir, `edges-${type}.csv`), null);
      this.#relationships.set(type, file);
    }
    file.add({ ...row, ':TYPE': type });
  }

  flush(): void {
    for (const file of [...this.#nodes.values(), ...this.#relationships.values()]) file.flush();
  }

  close(): AdminImportFiles {
    const done = (file: CsvFile) => {
      const header = file.close();
      writeSync(openSync(file.header, 'w'), header + '\n');
      return { name: file.name, header: file.header, data: file.data, rows: file.rows, emptyLists: file.emptyLists() };
    };
    return { nodes: [...this.#nodes.values()].map(done), relationships: [...this.#relationships.values()].map(done) };
  }
}

function headerOf(key: string, type: ColumnType, idColumn: { key: string; group: string | null } | null): string {
  if (key.startsWith(':')) return key;
  if (idColumn !== null && key === idColumn.key) return idColumn.group === null ? `${key}:ID` : `${key}:ID(${idColumn.group})`;
  return type === 'point' ? `${key}:point{crs:WGS-84}` : `${key}:${type}`;
}

function typeOf(value: unknown): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (neo4j.isInt(value)) return 'long';
  if (neo4j.isPoint(value)) return 'point';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (typeof first === 'string') return 'string[]';
    if (typeof first === 'number') return 'double[]';
    if (typeof first === 'boolean') return 'boolean[]';
  }
  throw new Error(`cli/writeAdminImportCsv: no CSV type for a property value of type ${typeof value}`);
}

function cell(value: unknown): string {
  if (neo4j.isPoint(value)) return quote(`{longitude:${value.x}, latitude:${value.y}}`);
  if (neo4j.isInt(value)) return value.toString();
  if (Array.isArray(value)) return quote(value.map((v) => String(v)).join(ARRAY_DELIMITER));
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  if (typeof value === 'boolean') return String(value);
  return quote(String(value));
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
