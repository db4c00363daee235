import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { Q, TARGET_KINDS } from './cypherRegistry';
import { KIND_QUERIES } from './kindQueries';
import type { Neo4jRunner } from './Neo4jRunner';
import { ServiceArea } from '../../domain/model';
import { RELATIONSHIP_TYPES } from './relationshipTypes';
import { areaProps } from './serviceAreaProps';

/**
 * The layout version this code writes and reads, kept on the schema marker
 * `(:HuzhuSchema {name: 'graph', version})`:
 * - 1 (no marker): stakeholder relationships as one generic `[:LINK {type}]`;
 *   a person's assignments as `[:SERVES]` (villages, townships) and `[:MEMBER_OF]` (organisation).
 * - 2: each relationship an edge of its own RelationshipType (relationshipTypes.ts);
 *   a person's assignments `[:ASSIGNED_TO]` and `[:WORKS_FOR]`, so SERVES and
 *   MEMBER_OF name only recorded relationships; a service's area also as plain
 *   properties (serviceAreaProps.ts) beside areaJson.
 * - 3: list filters on places read the reference edges (LIVES_IN, IN_TOWNSHIP,
 *   OF_HOUSEHOLD …) instead of the id properties, and a record written after
 *   the records that point at it draws their edges (linkInbound<Kind>s). Before,
 *   upsertMany drew an edge only when its target already existed, so a database
 *   written children-first may lack edges: the upgrade runs every
 *   linkInbound<Kind>s over every record of its kind (MERGE: nothing twice).
 * - 4: every household with a loan has its `loanOfficerId` property
 *   (entityProps.ts), by which linkInboundPersons finds a person's borrowers
 *   and listPlanningNeeds reads the officer (setHouseholdLoanOfficerIds, run
 *   before the inbound links, so a layout-3 database gets its borrowers'
 *   edges drawn too).
 *
 * Every step is idempotent and finds only what is left, so a database at any
 * older version runs them all.
 */
export const SCHEMA_VERSION = 4;

/** What one start-up upgrade did (src/main.ts logs it when it moved anything or found leftovers). */
export interface SchemaUpgradeReport {
  /** The marker's version before this init(). */
  fromVersion: number;
  toVersion: number;
  /** [:LINK] edges rewritten as typed relationships. */
  relationships: number;
  /** Person assignment edges renamed (SERVES → ASSIGNED_TO, MEMBER_OF → WORKS_FOR). */
  personEdges: number;
  /** Households given their loanOfficerId property (version 4). */
  loanOfficers: number;
  /** Services given their area properties (serviceAreaProps.ts). */
  services: number;
  /** Records whose inbound reference edges were checked and drawn where missing (version 3). */
  edgeTargets: number;
  /** [:LINK] edges left because their type is no RelationshipType (kept, never deleted). */
  unknownLinks: number;
  /** Transactions the upgrade committed. */
  batches: number;
  ms: number;
}

/**
 * Brings a database written by an older layout up to SCHEMA_VERSION, at
 * start-up: a batch per transaction (each first locks the schema marker, so
 * instances starting together take turns and never move one edge twice),
 * idempotent (a batch finds only what is left; a crash part-way is finished by
 * the next start), nothing deleted that is not written again in the same
 * transaction. A database already at the version costs one read. Ordinary
 * writes never touch the marker (issue 13 item 3).
 */
export async function upgradeSchema(runner: Neo4jRunner, options: { batchSize: number; timeoutMs: number }): Promise<SchemaUpgradeReport> {
  const started = Date.now();
  const budget = { timeoutMs: options.timeoutMs };
  const fromVersion = await runner.read((tx) => tx.first(Q.getSchemaVersion, {}, VersionRow), budget).then((row) => row?.version ?? 1);
  const report: SchemaUpgradeReport = { fromVersion, toVersion: fromVersion, relationships: 0, personEdges: 0, loanOfficers: 0, services: 0, edgeTargets: 0, unknownLinks: 0, batches: 0, ms: 0 };
  if (fromVersion >= SCHEMA_VERSION) return { ...report, ms: Date.now() - started };

  const limit = neo4j.int(options.batchSize);
  const steps = [
    { key: 'relationships', query: Q.migrateLinkRelationships, params: { limit, types: [...RELATIONSHIP_TYPES] } },
    { key: 'personEdges', query: Q.migratePersonReferenceEdges, params: { limit } },
    { key: 'loanOfficers', query: Q.setHouseholdLoanOfficerIds, params: { limit } },
  ] as const;
  for (const step of steps) {
    for (;;) {
      const moved = await runner.write(async (tx) => {
        await tx.rows(Q.lockSchemaMarker, { at: new Date().toISOString() }, VersionRow);
        return (await tx.first(step.query, step.params, MigratedRow))?.migrated ?? 0;
      }, budget);
      report.batches += 1;
      report[step.key] += moved;
      if (moved < options.batchSize) break;
    }
  }
  for (;;) {
    const moved = await runner.write(async (tx) => {
      await tx.rows(Q.lockSchemaMarker, { at: new Date().toISOString() }, VersionRow);
      const rows = await tx.rows(Q.listServicesWithoutAreaProps, { limit }, AreaRow);
      if (rows.length > 0) await tx.rows(Q.setServiceAreaProps, { rows: rows.map((r) => ({ id: r.id, props: areaPropsOf(r.areaJson) })) }, MigratedRow);
      return rows.length;
    }, budget);
    report.batches += 1;
    report.services += moved;
    if (moved < options.batchSize) break;
  }
  for (const kind of TARGET_KINDS) {
    const { list, linkInbound } = KIND_QUERIES[kind];
    if (!linkInbound) continue;
    const noFilter = Object.fromEntries(KIND_QUERIES[kind].filterKeys.map((key) => [key, null]));
    for (let after = ''; ; ) {
      const ids = await runner.write(async (tx) => {
        await tx.rows(Q.lockSchemaMarker, { at: new Date().toISOString() }, VersionRow);
        const page = (await tx.rows(list, { ...noFilter, after, limit }, IdPropsRow)).map((row) => row.props.id);
        if (page.length > 0) await tx.rows(linkInbound, { ids: page }, LinkedRow);
        return page;
      }, budget);
      report.batches += 1;
      report.edgeTargets += ids.length;
      if (ids.length < options.batchSize) break;
      after = ids.at(-1) as string;
    }
  }
  report.unknownLinks = (await runner.read((tx) => tx.first(Q.countLinkRelationships, {}, TotalRow), budget))?.total ?? 0;
  if (report.unknownLinks === 0) {
    await runner.schema(Q.dropConstraintLinkId, budget);
    await runner.schema(Q.dropConstraintLinkEnds, budget);
  }
  await runner.write(
    (tx) =>
      tx.rows(
        Q.setSchemaVersion,
        { version: neo4j.int(SCHEMA_VERSION), at: new Date().toISOString(), relationships: neo4j.int(report.relationships), personEdges: neo4j.int(report.personEdges) },
        VersionRow,
      ),
    budget,
  );
  return { ...report, toVersion: SCHEMA_VERSION, ms: Date.now() - started };
}

// Private:

const VersionRow = z.object({ version: z.number().int() });
const MigratedRow = z.object({ migrated: z.number().int().min(0) });
const TotalRow = z.object({ total: z.number().int().min(0) });
const AreaRow = z.object({ id: z.string(), areaJson: z.string().nullable() });
const IdPropsRow = z.object({ props: z.object({ id: z.string() }) });
const LinkedRow = z.object({ linked: z.number().int().min(0) });

/** The area properties from a stored areaJson; one that cannot be read is marked UNKNOWN (kept, not listed again). */
function areaPropsOf(areaJson: string | null): Record<string, unknown> {
  let raw: unknown = null;
  try {
    raw = JSON.parse(areaJson ?? 'null');
  } catch {
    raw = null;
  }
  const area = ServiceArea.safeParse(raw);
  return area.success ? areaProps(area.data) : { areaKind: 'UNKNOWN', areaTownshipIds: null, areaVillageIds: null, areaKm: null };
}
