import { getNamedType, isEnumType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { EntityKind } from '../../domain/ids';
import { argumentSites, type ArgumentSite } from './argumentSites';
import { FILTER_RULES, isSuppressedAggregate, RESULT_READS, type FilterRule } from './filterRules';
import { entityKindOfType } from './RequestAccess';
import { sensitiveKindOf } from './sensitiveKindOf';
import type { SensitiveKind } from './SensitiveKind';

/** One sensitive field an argument or a ranking tests: the kinds along its path, and the record kind that owns it. */
export interface SensitiveRead {
  coordinate: string;
  ownerKind: EntityKind;
  kinds: readonly SensitiveKind[];
}

/** What the guard checks on one field: an argument at `path` (null: the field's result itself) and what it reads. */
export interface SelectionCheck {
  key: string;
  path: readonly string[] | null;
  reads: readonly SensitiveRead[];
}

/**
 * Start-up check of filterRules.ts against the schema: the table names
 * exactly the argument sites (argumentSites.ts); every field it says is read
 * exists and is @sensitive; and an argument said to read nothing sensitive
 * does not look like one that does (its enum type or its name is that of a
 * @sensitive field of what its list returns). Returns the problems found.
 */
export function checkFilterRules(
  schema: GraphQLSchema,
  rules: Readonly<Record<string, FilterRule>> = FILTER_RULES,
  resultReads: Readonly<Record<string, readonly string[]>> = RESULT_READS,
): string[] {
  const problems: string[] = [];
  const sites = argumentSites(schema);
  const keys = new Set(sites.map((s) => s.key));
  const missing = [...keys].filter((k) => !(k in rules));
  if (missing.length > 0) {
    problems.push(
      `arguments without a filter rule: ${missing.join(', ')} (add them to src/api/auth/filterRules.ts: which @sensitive fields each one tests, or that it tests none)`,
    );
  }
  const extra = Object.keys(rules).filter((k) => !keys.has(k));
  if (extra.length > 0) problems.push(`filter rules for arguments the schema does not have: ${extra.join(', ')} (src/api/auth/filterRules.ts)`);

  for (const [key, rule] of Object.entries(rules)) {
    if (isSuppressedAggregate(rule)) continue;
    for (const coordinate of rule.reads) {
      const read = resolveSensitiveRead(schema, coordinate);
      if (typeof read === 'string') problems.push(`filter rule ${key}: ${read}`);
    }
  }
  for (const [coordinate, fields] of Object.entries(resultReads)) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string | undefined];
    const root = typeName === 'Query' ? schema.getQueryType() : typeName === 'Mutation' ? schema.getMutationType() : null;
    if (!root || fieldName === undefined || !root.getFields()[fieldName]) problems.push(`RESULT_READS names ${coordinate}, which is no Query or Mutation field`);
    for (const field of fields) {
      const read = resolveSensitiveRead(schema, field);
      if (typeof read === 'string') problems.push(`RESULT_READS ${coordinate}: ${read}`);
    }
  }

  for (const site of sites) {
    const rule = rules[site.key];
    if (!rule || isSuppressedAggregate(rule) || rule.reads.length > 0) continue;
    const lookalike = sensitiveLookalike(site);
    if (lookalike) {
      problems.push(
        `filter rule ${site.key} says it tests nothing sensitive, but ${site.type.name}.${site.field.name} returns ${lookalike.coordinate} (@sensitive ${lookalike.kind}) and the argument ${lookalike.why}: declare reads: ['${lookalike.coordinate}'] in src/api/auth/filterRules.ts`,
      );
    }
  }
  return problems;
}

/** Per `Type.field`: the checks the guard runs before the field resolves. */
export function selectionChecksOf(
  schema: GraphQLSchema,
  rules: Readonly<Record<string, FilterRule>> = FILTER_RULES,
  resultReads: Readonly<Record<string, readonly string[]>> = RESULT_READS,
): Map<string, SelectionCheck[]> {
  const checks = new Map<string, SelectionCheck[]>();
  const add = (coordinate: string, check: SelectionCheck) => checks.set(coordinate, [...(checks.get(coordinate) ?? []), check]);
  const resolved = (coordinates: readonly string[]) =>
    coordinates.map((c) => {
      const read = resolveSensitiveRead(schema, c);
      if (typeof read === 'string') throw new Error(`api/guardSchema: ${read}`);
      return read;
    });
  for (const site of argumentSites(schema)) {
    const rule = rules[site.key];
    if (!rule || isSuppressedAggregate(rule) || rule.reads.length === 0) continue;
    add(`${site.type.name}.${site.field.name}`, { key: site.key, path: site.path, reads: resolved(rule.reads) });
  }
  for (const [coordinate, fields] of Object.entries(resultReads)) add(coordinate, { key: coordinate, path: null, reads: resolved(fields) });
  return checks;
}

/**
 * `Household.markers` or `Household.head.phone` → the record kind owning it
 * and the @sensitive kinds along the way (the last field must be @sensitive);
 * a string saying what is wrong otherwise.
 */
export function resolveSensitiveRead(schema: GraphQLSchema, coordinate: string): SensitiveRead | string {
  const [typeName, ...fieldNames] = coordinate.split('.');
  const ownerKind = entityKindOfType(typeName ?? '');
  if (ownerKind === null || fieldNames.length === 0) return `${coordinate} must start with a record type (Household, Need, …) and name a field`;
  let type: GraphQLNamedType | undefined = schema.getType(ownerKind) ?? undefined;
  const kinds: SensitiveKind[] = [];
  let last: SensitiveKind | null = null;
  for (const name of fieldNames) {
    const field: GraphQLField<unknown, unknown> | undefined = isObjectType(type) ? type.getFields()[name] : undefined;
    if (!field) return `${coordinate}: the schema has no field ${name} there`;
    last = sensitiveKindOf(field);
    if (last !== null) kinds.push(last);
    type = getNamedType(field.type);
  }
  if (last === null) return `${coordinate} is not @sensitive: a filter on it needs no rule (say reads: [])`;
  return { coordinate, ownerKind, kinds };
}

// Private: does an argument said to test nothing sensitive look like one that does?

interface Lookalike {
  coordinate: string;
  kind: SensitiveKind;
  why: string;
}

function sensitiveLookalike(site: ArgumentSite): Lookalike | null {
  const argType = getNamedType(site.leafType);
  const argName = normalize(site.path[site.path.length - 1] ?? '');
  for (const candidate of sensitiveFieldsNear(site.field)) {
    if (isEnumType(argType) && candidate.typeName === argType.name) return { ...candidate, why: `takes the same enum ${argType.name}` };
    const fieldName = normalize(candidate.name);
    if (fieldName.length >= 4 && (argName === fieldName || argName.endsWith(fieldName))) return { ...candidate, why: `is named like it (${candidate.name})` };
  }
  return null;
}

const normalize = (name: string) => name.toLowerCase().replace(/(ids|id|s)$/, '');

interface NearField {
  coordinate: string;
  name: string;
  kind: SensitiveKind;
  typeName: string;
}

/**
 * The @sensitive fields of what a field returns (a connection's nodes, a
 * list's items): on that type, on the value objects below it, and on the
 * records one step away with their value objects; fields under a @sensitive
 * object (a head's name) count with the kind of the field above them.
 */
function sensitiveFieldsNear(field: GraphQLField<unknown, unknown>): NearField[] {
  let result = getNamedType(field.type);
  const nodes = isObjectType(result) ? result.getFields()['nodes'] : undefined;
  if (nodes) result = getNamedType(nodes.type);
  const found: NearField[] = [];
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType, recordHops: number, inherited: SensitiveKind | null, prefix: string) => {
    if (!isObjectType(type) || seen.has(`${prefix}|${type.name}`)) return;
    seen.add(`${prefix}|${type.name}`);
    for (const f of Object.values(type.getFields())) {
      const kind = sensitiveKindOf(f) ?? inherited;
      const named = getNamedType(f.type);
      const coordinate = `${prefix}.${f.name}`;
      if (kind !== null) found.push({ coordinate, name: f.name, kind, typeName: named.name });
      if (!isObjectType(named)) continue;
      if (entityKindOfType(named.name) !== null) {
        if (recordHops > 0) visit(named, recordHops - 1, null, named.name);
      } else {
        visit(named, recordHops, kind, coordinate);
      }
    }
  };
  visit(result, entityKindOfType(result.name) !== null ? 1 : 0, null, result.name);
  return found;
}
