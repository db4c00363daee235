import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { EntityKind } from '../../domain/ids';
import { ENTITY_SCHEMAS, type EntityMap, type GeoPoint } from '../../domain/model';
import { searchProps } from './searchProps';
import { serviceAreaProps } from './serviceAreaProps';

/**
 * How a domain record is laid out as Neo4j properties, and back.
 *
 * - Scalars and lists of scalars (markers, categories, roles, villageIds …)
 *   are real properties, so filters and indexes can use them.
 * - Nested structures Neo4j properties cannot hold are JSON strings under
 *   `<field>Json`: Household.head and .loan, Person.trainings,
 *   Service.eligibility and .area, Referral.transitions. Nothing filters on their insides (the loan's credit
 *   officer is an edge, BORROWS_FROM, and also the plain `loanOfficerId` property, indexed, so a credit
 *   officer written after its borrowers finds them without parsing every loan: linkInboundPersons).
 * - `location` is a WGS-84 point() (the point index serves spatial
 *   prefilters) and its precision sits beside it in `locationPrecision`.
 * - null is written as an explicit null, which Neo4j stores as "no property";
 *   a missing property reads back as null.
 * - Numbers travel as the driver sends JavaScript numbers (floats); reads come
 *   back through toNative, and the zod schema re-checks integers.
 */
export function toProps<K extends EntityKind>(kind: K, entity: EntityMap[K]): Record<string, unknown> {
  const source = entity as unknown as Record<string, unknown>;
  const props: Record<string, unknown> = {};
  for (const field of fieldsOf(kind)) {
    const value = source[field] ?? null;
    if (isJsonField(kind, field)) {
      props[`${field}Json`] = value === null ? null : JSON.stringify(value);
    } else if (field === LOCATION) {
      const point = value as GeoPoint | null;
      props[LOCATION] = point === null ? null : new neo4j.types.Point(WGS84, point.lng, point.lat);
      props[LOCATION_PRECISION] = point === null ? null : point.precision;
    } else {
      props[field] = value;
    }
  }
  return { ...props, ...searchProps(kind, entity), ...serviceAreaProps(kind, entity), ...loanOfficerProps(kind, entity) };
}

/** Household.loan.creditOfficerId as its own property (null: no loan), beside loanJson; fromProps ignores it. */
function loanOfficerProps<K extends EntityKind>(kind: K, entity: EntityMap[K]): Record<string, unknown> {
  if (kind !== 'Household') return {};
  return { loanOfficerId: (entity as EntityMap['Household']).loan?.creditOfficerId ?? null };
}

/** The inverse of toProps, on properties already passed through toNative (a point is then { lat, lng }). */
export function fromProps(kind: EntityKind, props: Record<string, unknown>): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const field of fieldsOf(kind)) {
    if (isJsonField(kind, field)) {
      entity[field] = parseJson(props[`${field}Json`]);
    } else if (field === LOCATION) {
      const point = props[LOCATION];
      entity[field] =
        point === null || point === undefined ? null : { ...(point), precision: props[LOCATION_PRECISION] ?? null };
    } else {
      entity[field] = props[field] ?? null;
    }
  }
  return entity;
}

/**
 * The zod schema of a row `{ props }` holding one stored record: rebuilt with
 * fromProps and validated with the domain schema, so nothing the database
 * returns reaches the services unchecked.
 */
export function entityRow<K extends EntityKind>(kind: K): z.ZodType<EntityMap[K]> {
  const cached = rowSchemas.get(kind);
  if (cached) return cached as z.ZodType<EntityMap[K]>;
  const schema = z
    .object({ props: z.record(z.string(), z.unknown()) })
    .transform(({ props }) => fromProps(kind, props))
    .pipe(ENTITY_SCHEMAS[kind]);
  rowSchemas.set(kind, schema);
  return schema;
}

// Private:

const WGS84 = 4326;
const LOCATION = 'location';
const LOCATION_PRECISION = 'locationPrecision';

const JSON_FIELDS: Partial<Record<EntityKind, ReadonlySet<string>>> = {
  Household: new Set(['head', 'loan']),
  // A development officer's courses (issue 15 item 3): read with the person, never filtered on.
  Person: new Set(['trainings']),
  Service: new Set(['eligibility', 'area']),
  Referral: new Set(['transitions']),
};

const rowSchemas = new Map<EntityKind, z.ZodType>();
const fieldCache = new Map<EntityKind, readonly string[]>();

function fieldsOf(kind: EntityKind): readonly string[] {
  let fields = fieldCache.get(kind);
  if (!fields) {
    fields = Object.keys(ENTITY_SCHEMAS[kind].shape);
    fieldCache.set(kind, fields);
  }
  return fields;
}

function isJsonField(kind: EntityKind, field: string): boolean {
  return JSON_FIELDS[kind]?.has(field) ?? false;
}

/** Unparseable JSON is returned as the raw string, so the schema check reports it with the field's path. */
function parseJson(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
