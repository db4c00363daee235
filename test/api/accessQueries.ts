/**
 * Queries generated from the schema itself, so the role × field matrix
 * covers whatever the schema holds today: every field of a type is selected
 * (with `__typename` on every object, so a response can be walked against
 * the schema), records are expanded one level deep and referenced by id
 * below that, value objects and connections are expanded fully.
 */
import {
  buildASTSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { ArgumentSite } from '../../src/api/auth/argumentSites';
import { loadTypeDefs } from '../../src/api/loadTypeDefs';
import { queryCost } from '../../src/api/limits/queryCost';
import { ENTITY_KINDS, type EntityKind } from '../../src/domain/ids';
import type { SensitiveKind } from '../../src/api/auth/SensitiveKind';

export function sdlSchema(): GraphQLSchema {
  return buildASTSchema(parse(loadTypeDefs()));
}

export const isEntityType = (name: string): name is EntityKind => (ENTITY_KINDS as readonly string[]).includes(name);

/** `Type.field` → its @sensitive kind, read from the SDL. */
export function sensitiveFields(schema: GraphQLSchema): Map<string, SensitiveKind> {
  const result = new Map<string, SensitiveKind>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode?.directives?.find((d) => d.name.value === 'sensitive');
      const arg = directive?.arguments?.find((a) => a.name.value === 'kind');
      if (arg && arg.value.kind === Kind.ENUM) result.set(`${type.name}.${field.name}`, arg.value.value as SensitiveKind);
    }
  }
  return result;
}

/** Object types reachable from a root type through output fields. */
export function objectTypesReachableFrom(schema: GraphQLSchema, root: GraphQLObjectType | null | undefined): Set<string> {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name) || type.name.startsWith('__')) return;
    if (isObjectType(type)) {
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    } else if (isAbstractType(type)) {
      for (const member of schema.getPossibleTypes(type)) visit(member);
    }
  };
  if (root) visit(root);
  return seen;
}

/** A literal for a required argument: `coordinate` is `Type.field(arg)`; throws when the test has no value for it. */
export type RequiredArg = (coordinate: string) => string | undefined;

export class QueryBuilder {
  /** Every `Type.field` some generated selection asked for. */
  readonly touched = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly requiredArg: RequiredArg,
  ) {}

  /** `{ node(id: "...") { ... on Kind { every field } } }` */
  nodeQuery(kind: EntityKind, id: string): string {
    this.touched.add('Query.node');
    const type = this.schema.getType(kind);
    if (!isObjectType(type)) throw new Error(`accessQueries: ${kind} is not an object type`);
    return `{ node(id: ${JSON.stringify(id)}) { __typename ... on ${kind} { ${this.selection(type, 1, [])} } } }`;
  }

  /** `{ field(args) { every field } }` for a Query field. */
  rootQuery(fieldName: string): string {
    const queryType = this.schema.getQueryType() as GraphQLObjectType;
    const field = queryType.getFields()[fieldName] as GraphQLField<unknown, unknown>;
    this.touched.add(`Query.${fieldName}`);
    const named = getNamedType(field.type);
    const inner = isLeafType(named) ? '' : ` { ${this.selection(named, 1, [])} }`;
    return `{ ${fieldName}${this.args('Query', field, 5)}${inner} }`;
  }

  /**
   * rootQuery, split when the whole selection would cost more than the API
   * allows (src/api/limits): one query per field of the returned type, each
   * asked with the same arguments, so every field is still asked and read.
   */
  rootQueriesWithin(fieldName: string, maxCost: number): string[] {
    const whole = this.rootQuery(fieldName);
    if (queryCost(this.schema, parse(whole), null) <= maxCost) return [whole];
    const queryType = this.schema.getQueryType() as GraphQLObjectType;
    const field = queryType.getFields()[fieldName] as GraphQLField<unknown, unknown>;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return [whole];
    const args = this.args('Query', field, 5);
    return Object.values(named.getFields()).map((sub) => {
      const subNamed = getNamedType(sub.type);
      const subArgs = this.args(named.name, sub, 3);
      const inner = isLeafType(subNamed) ? '' : ` { ${this.selection(subNamed, 1, [named.name])} }`;
      return `{ ${fieldName}${args} { __typename ${sub.name}${subArgs}${inner} } }`;
    });
  }

  selection(type: GraphQLNamedType, recordBudget: number, stack: readonly string[]): string {
    if (isAbstractType(type)) {
      // Records behind an interface or union are asked by id (their node query asks every field):
      // expanding several member records side by side would select same-named fields of different types.
      const members = this.schema.getPossibleTypes(type).map((m) => `... on ${m.name} { ${this.selection(m, isEntityType(m.name) ? 0 : recordBudget, stack)} }`);
      return ['__typename', ...members].join(' ');
    }
    if (!isObjectType(type)) return '';
    const record = isEntityType(type.name);
    if (record && recordBudget <= 0) {
      this.touched.add(`${type.name}.id`);
      return '__typename id';
    }
    if (!record && stack.includes(type.name)) return '__typename';
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      this.touched.add(`${type.name}.${field.name}`);
      const named = getNamedType(field.type);
      const args = this.args(type.name, field, 3);
      if (isLeafType(named)) {
        parts.push(`${field.name}${args}`);
      } else {
        const budget = record ? recordBudget - 1 : recordBudget;
        parts.push(`${field.name}${args} { ${this.selection(named, budget, [...stack, type.name])} }`);
      }
    }
    return parts.join(' ');
  }

  /**
   * The smallest query that gives one argument site a value: the field it
   * belongs to (reached from Query through the first field that returns its
   * type), the site's value at its path, required arguments and the
   * required fields of the input objects on the way filled in. `sample`
   * gives a literal for a leaf: `sample(name, type)`.
   */
  argumentQuery(site: ArgumentSite, sample: (name: string, type: GraphQLInputType) => string): { query: string; fieldPath: Array<string | number> } {
    const steps = this.pathFromQuery(site.type.name);
    const fieldPath: Array<string | number> = [];
    const literalAt = (type: GraphQLInputType, name: string, rest: readonly string[]): string => {
      if (isNonNullType(type)) return literalAt(type.ofType, name, rest);
      if (isListType(type)) {
        if (rest.length > 0) fieldPath.push(0);
        return `[${literalAt(type.ofType, name, rest)}]`;
      }
      if (!isInputObjectType(type)) return sample(name, type);
      const [next, ...tail] = rest as [string, ...string[]];
      const parts: string[] = [];
      for (const f of Object.values(type.getFields())) {
        if (f.name === next) {
          fieldPath.push(next);
          parts.push(`${f.name}: ${literalAt(f.type, f.name, tail)}`);
        } else if (isNonNullType(f.type) && f.defaultValue === undefined) {
          parts.push(`${f.name}: ${this.filled(f.type, f.name, sample)}`);
        }
      }
      return `{ ${parts.join(', ')} }`;
    };
    const [argName, ...below] = site.path as [string, ...string[]];
    const arg = site.field.args.find((a) => a.name === argName);
    if (!arg) throw new Error(`accessQueries: ${site.key} names no argument ${argName}`);
    fieldPath.push(argName);
    const given = [`${argName}: ${literalAt(arg.type, argName, below)}`];
    for (const other of site.field.args) {
      if (other.name === argName) continue;
      const value = this.requiredArg(`${site.type.name}.${site.field.name}(${other.name})`);
      if (value !== undefined) given.push(`${other.name}: ${value}`);
    }
    const named = getNamedType(site.field.type);
    const selection = isLeafType(named) ? '' : ' { __typename }';
    let query = `${site.field.name}(${given.join(', ')})${selection}`;
    for (const step of [...steps].reverse()) query = `${step.field.name}${this.args(step.type, step.field, 1)} { ${query} }`;
    return { query: `{ ${query} }`, fieldPath };
  }

  /** Fields from Query down to a field returning `typeName` (empty for Query itself). */
  private pathFromQuery(typeName: string): Array<{ type: string; field: GraphQLField<unknown, unknown> }> {
    const queryType = this.schema.getQueryType() as GraphQLObjectType;
    const queue: Array<{ type: GraphQLObjectType; path: Array<{ type: string; field: GraphQLField<unknown, unknown> }> }> = [{ type: queryType, path: [] }];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { type, path } = queue.shift() as (typeof queue)[number];
      if (type.name === typeName) return path;
      if (seen.has(type.name)) continue;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) queue.push({ type: named, path: [...path, { type: type.name, field }] });
      }
    }
    throw new Error(`accessQueries: no path from Query to ${typeName}`);
  }

  private filled(type: GraphQLInputType, name: string, sample: (name: string, type: GraphQLInputType) => string): string {
    if (isNonNullType(type)) return this.filled(type.ofType, name, sample);
    if (isListType(type)) return `[${this.filled(type.ofType, name, sample)}]`;
    if (!isInputObjectType(type)) return sample(name, type);
    const parts = Object.values(type.getFields())
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => `${f.name}: ${this.filled(f.type, f.name, sample)}`);
    return `{ ${parts.join(', ')} }`;
  }

  private args(typeName: string, field: GraphQLField<unknown, unknown>, first: number): string {
    const given: string[] = [];
    for (const arg of field.args) {
      if (arg.name === 'first') {
        given.push(`first: ${first}`);
        continue;
      }
      const required = arg.type.toString().endsWith('!') && arg.defaultValue === undefined;
      const coordinate = `${typeName}.${field.name}(${arg.name})`;
      const value = this.requiredArg(coordinate);
      if (value !== undefined) given.push(`${arg.name}: ${value}`);
      else if (required) {
        const named = getNamedType(arg.type);
        const hint = isEnumType(named) ? named.getValues()[0]?.name : isInputObjectType(named) ? '{...}' : '"..."';
        throw new Error(`accessQueries: no test value for the required argument ${coordinate} (e.g. ${hint}); add one to the matrix test`);
      }
    }
    return given.length > 0 ? `(${given.join(', ')})` : '';
  }
}
