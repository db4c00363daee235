import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Logger } from 'pino';
import { kindOfId, type EntityKind } from '../domain/ids';
import { HuzhuError, notFound } from '../errors/HuzhuError';
import { auditWrite, writeEvent } from '../services/audit';
import { valuesAt } from './auth/argumentSites';
import { checkFilterRules, selectionChecksOf, type SelectionCheck } from './auth/checkFilterRules';
import { checkFreeText } from './auth/checkFreeText';
import { MUTATION_RULES, QUERY_RULES } from './auth/operationRules';
import { accessOf, entityKindOfType, type Owner, type RequestAccess } from './auth/RequestAccess';
import { selectionAllowed } from './auth/sensitiveRules';
import { sensitiveKindOf } from './auth/sensitiveKindOf';
import { type SensitiveKind } from './auth/SensitiveKind';
import { checkEnumTwins } from './enumTwins';
import type { RequestContext } from './context';

/**
 * Applies the access policy to every field of an executable schema, once, at
 * start-up; driven by the schema itself, so a type or field added later is
 * covered without touching this file:
 *
 * 1. Root fields: the operation tables (auth/operationRules.ts) must name every
 *    Query and Mutation field (start-up fails otherwise); each call is checked
 *    before its resolver runs, and a mutation's WRITE audit event is stored
 *    before it runs.
 * 2. Records: an object type named after an entity kind (Household, Need,
 *    Person, …) is a guarded record. Wherever a field returns one — alone, in
 *    a list, in a connection, behind an interface or union — it is checked
 *    (RequestAccess.canRead); one the viewer may not see behaves as not found:
 *    null, dropped from the list, or NOT_FOUND where the schema allows no null.
 *    Every field of a guarded record checks it again before resolving (the
 *    backstop for any path this misses).
 * 3. Sensitive fields (`@sensitive(kind:)`): null unless the rule table allows
 *    it for the role, purpose and owning record; the read is audited, and the
 *    value released only after the audit event is stored. A value object
 *    (HouseholdHead, Loan, …) is owned by the record whose field returned it;
 *    a sensitive field whose owner cannot be told is withheld, fail closed.
 * 4. Filters, sorts and counts (auth/filterRules.ts): an argument that tests a
 *    sensitive field, and a root field that ranks or selects by one, is
 *    refused FORBIDDEN (naming the argument) unless the viewer may read that
 *    field for the request's purpose; checked before anything else the field
 *    does, so before any store call.
 */
export interface GuardOptions {
  log: Logger;
}

const GUARDED = Symbol('huzhu.guarded');

export function guardSchema(schema: GraphQLSchema, options: GuardOptions): GraphQLSchema {
  if ((schema as unknown as Record<symbol, unknown>)[GUARDED]) throw new Error('api/guardSchema: this schema is already guarded');
  checkPolicyCoversSchema(schema);
  const selections = selectionChecksOf(schema);
  const owners = new WeakMap<RequestAccess, WeakMap<object, Owner>>();
  const ownersOf = (access: RequestAccess) => {
    let map = owners.get(access);
    if (!map) owners.set(access, (map = new WeakMap()));
    return map;
  };
  const warned = new Set<string>();
  const warnOwnerless = (coordinate: string) => {
    if (warned.has(coordinate)) return;
    warned.add(coordinate);
    options.log.warn({ field: coordinate }, 'sensitive field resolved without an owning record: withheld (return it under a guarded record)');
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = type === schema.getQueryType() ? 'Query' : type === schema.getMutationType() ? 'Mutation' : null;
    const entityKind = entityKindOfType(type.name);
    for (const field of Object.values(type.getFields())) {
      const sensitive = sensitiveKindOf(field);
      const named = getNamedType(field.type);
      const screensResult = isObjectType(named) || isAbstractType(named);
      const selects = selections.get(`${type.name}.${field.name}`) ?? [];
      if (!root && !entityKind && !sensitive && !screensResult && selects.length === 0) continue;
      field.resolve = guardField({ schema, type, field, root, entityKind, sensitive, screensResult, selects, ownersOf, warnOwnerless });
    }
  }
  Object.defineProperty(schema, GUARDED, { value: true });
  return schema;
}

// -- start-up checks -----------------------------------------------------------------

/** The operation tables name exactly the root fields; the SDL's enums equal their twins in the code; records have ids. */
export function checkPolicyCoversSchema(schema: GraphQLSchema): void {
  const problems: string[] = [];
  const compare = (what: string, type: GraphQLObjectType | null | undefined, table: Readonly<Record<string, unknown>>) => {
    const fields = Object.keys(type?.getFields() ?? {});
    const missing = fields.filter((f) => !(f in table));
    const extra = Object.keys(table).filter((f) => !fields.includes(f));
    if (missing.length > 0) problems.push(`${what} fields without an access rule: ${missing.join(', ')} (add them to src/api/auth/operationRules.ts)`);
    if (extra.length > 0) problems.push(`${what} rules for fields the schema does not have: ${extra.join(', ')}`);
  };
  compare('Query', schema.getQueryType(), QUERY_RULES);
  compare('Mutation', schema.getMutationType(), MUTATION_RULES);

  // Every SDL enum with a run-time twin (zod enum or list) agrees with it, SensitiveKind included (src/api/enumTwins.ts).
  problems.push(...checkEnumTwins(schema));

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (entityKindOfType(type.name) && !type.getFields()['id']) problems.push(`${type.name} is a guarded record type but has no id field`);
    for (const field of Object.values(type.getFields())) {
      // A withheld field resolves to null; a non-null one would take its parent down with it.
      if (sensitiveKindOf(field) !== null && isNonNullType(field.type)) {
        problems.push(`${type.name}.${field.name} is @sensitive but non-null: make it nullable so it can be withheld`);
      }
    }
  }
  problems.push(...checkFilterRules(schema), ...checkFreeText(schema));
  if (problems.length > 0) throw new Error(`api/guardSchema: the access policy does not cover the schema:\n  ${problems.join('\n  ')}`);
}


// -- the field wrapper ---------------------------------------------------------------

interface FieldPlan {
  schema: GraphQLSchema;
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  root: 'Query' | 'Mutation' | null;
  entityKind: EntityKind | null;
  sensitive: SensitiveKind | null;
  screensResult: boolean;
  /** What its arguments and its result select by (auth/filterRules.ts). */
  selects: readonly SelectionCheck[];
  ownersOf: (access: RequestAccess) => WeakMap<object, Owner>;
  warnOwnerless: (coordinate: string) => void;
}

type Resolver = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;

function guardField(plan: FieldPlan): Resolver {
  const resolve = (plan.field.resolve ?? defaultFieldResolver) as Resolver;
  const coordinate = `${plan.type.name}.${plan.field.name}`;
  const simpleLeaf = plan.entityKind !== null && !plan.root && !plan.sensitive && !plan.screensResult;

  return (source, args, ctx, info) => {
    const access = accessOf(ctx);
    // Fast path: a leaf of a record already found readable in this request.
    if (simpleLeaf && source !== null && typeof source === 'object' && access.isApproved(source)) return resolve(source, args, ctx, info);
    return (async () => {
      if (plan.root === 'Query') {
        const rule = QUERY_RULES[plan.field.name];
        if (!rule) throw new Error(`api/guardSchema: no rule for Query.${plan.field.name}`);
        access.requireRole(plan.field.name, rule.roles);
        requireSelectable(plan, access, args);
        await rule.check?.(access, args);
      } else if (plan.root === 'Mutation') {
        const rule = MUTATION_RULES[plan.field.name];
        if (!rule) throw new Error(`api/guardSchema: no rule for Mutation.${plan.field.name}`);
        const target = await rule(access, args);
        requireSelectable(plan, access, args);
        await auditWrite(ctx.store, writeEvent(access.actor(), ctx.now(), plan.field.name, target, args));
      }

      if (plan.entityKind !== null && !(await access.canReadObject(plan.entityKind, source))) {
        throw notFound(plan.entityKind, idOf(source));
      }
      if (plan.root === null) requireSelectable(plan, access, args);

      const owner = ownerOf(plan, access, source, args);
      if (plan.sensitive !== null) {
        if (owner === null) plan.warnOwnerless(coordinate);
        if (owner === null || !(await access.maySeeSensitive(plan.sensitive, owner))) return withheld(plan);
        // The value object's own sensitive fields asked for here (a head's name and phone) are
        // audited in the same event; when they resolve, their audit is already done.
        const inner = await allowedSensitiveSubfields(plan, access, owner, info);
        await Promise.all([coordinate, ...inner].map((field) => access.auditRead(owner, field)));
      }

      const value = await resolve(source, args, ctx, info);
      if (plan.root === 'Mutation') access.forgetDecisions();
      if (!plan.screensResult) return value;
      const screened = await screen(plan, access, plan.field.type, value, owner);
      return screened === DENIED ? null : screened;
    })();
  };
}

/** `Type.field` of the sensitive fields this field's selection asks for directly on its (value object) type, that the viewer may see. */
async function allowedSensitiveSubfields(plan: FieldPlan, access: RequestAccess, owner: Owner, info: GraphQLResolveInfo): Promise<string[]> {
  const named = getNamedType(plan.field.type);
  if (!isObjectType(named) || entityKindOfType(named.name) !== null) return [];
  const fields = named.getFields();
  const asked = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) asked.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) collect(info.fragments[selection.name.value]?.selectionSet, new Set([...seen, selection.name.value]));
    }
  };
  for (const node of info.fieldNodes) collect(node.selectionSet, new Set());
  const result: string[] = [];
  for (const name of asked) {
    const field = fields[name];
    const kind = field ? sensitiveKindOf(field) : null;
    if (kind !== null && (await access.maySeeSensitive(kind, owner))) result.push(`${named.name}.${name}`);
  }
  return result;
}

/**
 * FORBIDDEN, naming the argument, when the field's arguments (or its result
 * ordering) test a sensitive field the viewer may not read for this purpose.
 * Decided on the role, purpose and rule table alone: no store call.
 */
function requireSelectable(plan: FieldPlan, access: RequestAccess, args: Record<string, unknown>): void {
  for (const check of plan.selects) {
    const given = check.path === null ? [{ at: [] as Array<string | number> }] : valuesAt(args, check.path);
    if (given.length === 0) continue;
    for (const read of check.reads) {
      const denied = read.kinds.find((kind) => !selectionAllowed(access.role, access.purpose, kind, read.ownerKind));
      if (denied === undefined) continue;
      const at = given[0]?.at ?? [];
      const what = at.length > 0 ? `${plan.field.name}(${at.join('.')})` : plan.field.name;
      const how = at.length > 0 ? '请去掉这个参数 (remove this argument)' : '请改用可读取该字段的用途或角色 (use a purpose or role that may read it)';
      throw new HuzhuError(
        'FORBIDDEN',
        `${what}: 按 ${read.coordinate}（${denied}）筛选或排序，而 ${access.role} 在 ${access.purpose} 用途下不能读取该字段；${how}. ` +
          `(${what} selects by ${read.coordinate}, ${denied} data a ${access.role} may not read for purpose ${access.purpose})`,
        { path: at },
      );
    }
  }
}

/** A withheld sensitive field is null; where the schema allows no null, the request fails closed at that path. */
function withheld(plan: FieldPlan): null {
  if (isNonNullType(plan.field.type)) {
    throw new HuzhuError('FORBIDDEN', `${plan.type.name}.${plan.field.name}: withheld (personal information your role or purpose may not see)`);
  }
  return null;
}

/** The record a field's value belongs to: the record itself, the owner of a value object, or the root rule's. */
function ownerOf(plan: FieldPlan, access: RequestAccess, source: unknown, args: Record<string, unknown>): Owner | null {
  if (plan.entityKind !== null) {
    const id = (source as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? { kind: plan.entityKind, id } : null;
  }
  if (plan.root === 'Query') return QUERY_RULES[plan.field.name]?.owner?.(args) ?? null;
  if (source !== null && typeof source === 'object') return plan.ownersOf(access).get(source) ?? null;
  return null;
}

// -- screening returned values -------------------------------------------------------

const DENIED = Symbol('denied');

/** The `id` of a resolved object, or '' when it has no string id. */
function idOf(value: unknown): string {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

/**
 * Drops what the viewer may not see from a resolved value, following its
 * GraphQL type: records are checked, lists filtered, connections filtered
 * with their count adjusted, value objects tagged with their owner.
 */
async function screen(plan: FieldPlan, access: RequestAccess, type: GraphQLOutputType, value: unknown, owner: Owner | null): Promise<unknown> {
  if (value === null || value === undefined || value instanceof Error) return value;
  if (isNonNullType(type)) {
    const inner = await screen(plan, access, type.ofType, value, owner);
    if (inner === DENIED) throw notFound(getNamedType(type).name, idOf(value));
    return inner;
  }
  if (isListType(type)) {
    if (typeof value !== 'object' || !(Symbol.iterator in value)) return value;
    // A record the viewer may not see is dropped from a list, even a list of non-null items.
    const itemType = isNonNullType(type.ofType) ? type.ofType.ofType : type.ofType;
    const items = await Promise.all([...(value as Iterable<unknown>)].map(async (item) => screen(plan, access, itemType, await item, owner)));
    return items.filter((item) => item !== DENIED);
  }
  if (typeof value !== 'object') return value;
  const named = type;
  if (isAbstractType(named)) {
    const kind = kindOfId(idOf(value));
    // A member type that is no record is screened through its own fields.
    if (kind === null) return tagOwner(plan, access, value, owner);
    return (await access.canReadObject(kind, value)) ? value : DENIED;
  }
  if (!isObjectType(named)) return value;
  const kind = entityKindOfType(named.name);
  if (kind !== null) return (await access.canReadObject(kind, value)) ? value : DENIED;
  if (isConnectionType(named)) return screenConnection(plan, access, named, value as Record<string, unknown>, owner);
  return tagOwner(plan, access, value, owner);
}

function tagOwner(plan: FieldPlan, access: RequestAccess, value: object, owner: Owner | null): object {
  const owners = plan.ownersOf(access);
  if (owner !== null && !owners.has(value)) owners.set(value, owner);
  return value;
}

function isConnectionType(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return Boolean(fields['edges'] && fields['nodes'] && fields['pageInfo']);
}

async function screenConnection(
  plan: FieldPlan,
  access: RequestAccess,
  type: GraphQLObjectType,
  connection: Record<string, unknown>,
  owner: Owner | null,
): Promise<unknown> {
  const nodeType = getNamedType((type.getFields()['nodes'] as GraphQLField<unknown, unknown>).type);
  const kind = entityKindOfType(nodeType.name);
  if (kind !== null && access.visibility(kind) === 'NONE') {
    // Nothing of this kind is visible: not even how many there are.
    return tagOwner(plan, access, { ...connection, edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 }, owner);
  }
  const nodes = Array.isArray(connection['nodes']) ? (connection['nodes'] as unknown[]) : [];
  const edges = Array.isArray(connection['edges']) ? (connection['edges'] as Array<{ node?: unknown }>) : [];
  const nodeList = (type.getFields()['nodes'] as GraphQLField<unknown, unknown>).type;
  const keptNodes = (await screen(plan, access, nodeList, nodes, owner)) as unknown[];
  const keptIds = new Set(keptNodes.map((n) => (n as { id?: unknown } | null)?.id));
  const keptEdges = kind === null && !isAbstractType(nodeType) ? edges : edges.filter((e) => keptIds.has((e.node as { id?: unknown } | null)?.id));
  const removed = nodes.length - keptNodes.length;
  const total = connection['totalCount'];
  const pageInfo = connection['pageInfo'];
  // The end cursor names the page's last record: when that one was dropped, the last kept one's takes its place.
  const lastKept = keptEdges[keptEdges.length - 1] as { cursor?: unknown } | undefined;
  const screened = {
    ...connection,
    nodes: keptNodes,
    edges: keptEdges.map((e) => tagOwner(plan, access, e, owner)),
    ...(removed > 0 && typeof total === 'number' ? { totalCount: Math.max(0, total - removed) } : {}),
    ...(removed > 0 && pageInfo !== null && typeof pageInfo === 'object' ? { pageInfo: { ...pageInfo, endCursor: lastKept?.cursor ?? null } } : {}),
  };
  return tagOwner(plan, access, screened, owner);
}
