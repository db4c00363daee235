import {
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every place a client can put a value that selects, orders or counts what a
 * query returns: each leaf (scalar or enum) argument of every field of every
 * object type except Mutation, and each leaf field of the input objects those
 * arguments take, recursively. `first` and `after` only page and are left out.
 * The schema walk behind filterRules.ts and its start-up check.
 */
export interface ArgumentSite {
  /** The FILTER_RULES key: `Type.field(arg)` for a leaf argument, `Input.field` inside an input object. */
  key: string;
  /** The field whose arguments hold it. */
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** Names from the argument down to the leaf, e.g. ['filter', 'marker'] (list positions are not part of it). */
  path: readonly string[];
  /** The leaf's type, e.g. `Marker` or `[Marker!]`. */
  leafType: GraphQLInputType;
}

export const PAGING_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'after']);

export function argumentSites(schema: GraphQLSchema): ArgumentSite[] {
  const sites: ArgumentSite[] = [];
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === mutation) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        if (PAGING_ARGUMENTS.has(arg.name)) continue;
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) collectInput(named, [arg.name], new Set(), (key, path, leafType) => sites.push({ key, type, field, path, leafType }));
        else sites.push({ key: `${type.name}.${field.name}(${arg.name})`, type, field, path: [arg.name], leafType: arg.type });
      }
    }
  }
  return sites;
}

/**
 * The values at `path` in a field's arguments, with their full paths (list
 * positions included, as extensions.fieldPath shows them). Null, absent and
 * empty-list values test nothing and are left out.
 */
export function valuesAt(args: Readonly<Record<string, unknown>>, path: readonly string[]): Array<{ value: unknown; at: Array<string | number> }> {
  const found: Array<{ value: unknown; at: Array<string | number> }> = [];
  const visit = (value: unknown, rest: readonly string[], at: Array<string | number>) => {
    if (value === null || value === undefined) return;
    if (rest.length === 0) {
      if (!(Array.isArray(value) && value.length === 0)) found.push({ value, at });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, rest, [...at, i]));
      return;
    }
    if (typeof value !== 'object') return;
    const [head, ...tail] = rest as [string, ...string[]];
    visit((value as Record<string, unknown>)[head], tail, [...at, head]);
  };
  const [first, ...tail] = path as [string, ...string[]];
  visit(args[first], tail, [first]);
  return found;
}

// Private: input objects, each field once per path (an input type that contains itself is walked once).

function collectInput(
  input: GraphQLNamedInputType,
  path: readonly string[],
  seen: ReadonlySet<string>,
  emit: (key: string, path: readonly string[], leafType: GraphQLInputType) => void,
): void {
  if (!isInputObjectType(input) || seen.has(input.name)) return;
  const inside = new Set([...seen, input.name]);
  for (const field of Object.values(input.getFields())) {
    const named = getNamedType(field.type);
    if (isInputObjectType(named)) collectInput(named, [...path, field.name], inside, emit);
    else emit(`${input.name}.${field.name}`, [...path, field.name], field.type);
  }
}
