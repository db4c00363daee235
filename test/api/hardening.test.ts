import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { ERROR_CODES } from '../../src/errors/HuzhuError';
import { LIMITS } from '../../src/api/limits/limits';
import type { GraphStore } from '../../src/store/GraphStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, post, spyOn, storeAccessWorld, type RawResponse, type SpyStore } from './accessWorld';
import { sdlSchema } from './accessQueries';

/**
 * Issue 6, a hardened endpoint: hostile requests are refused before any
 * store call (a spying store proves it), hostile strings in every string
 * argument of every operation are data, never code, and the transport keeps
 * its limits (body size, CSRF, rate, production schema privacy, masking).
 */
const world = accessWorld();
const INJECTIONS = ["' OR 1=1 --", 'MATCH (n) DETACH DELETE n', '{"$gt":""}', '<script>alert(1)</script>'];
const CLIENT_CODES = new Set<string>([...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

const codes = (res: RawResponse) => (res.json?.errors ?? []).map((e) => String(e.extensions?.['code']));

/** `{ villages(first: 1) { nodes { township { villages(first: 1) { … id } } } } }`: `depth` fields deep, a leaf innermost. */
function nestedQuery(depth: number): string {
  const cycle = ['villages(first: 1)', 'nodes', 'township'];
  const leafAfter = ['totalCount', 'id', 'id'];
  const chain = Array.from({ length: depth - 1 }, (_, i) => cycle[i % 3] as string);
  const leaf = leafAfter[(depth - 2) % 3] as string;
  return `{ ${chain.join(' { ')} { ${leaf} }${' }'.repeat(depth - 2)} }`;
}

describeEachStore('a hardened endpoint ($name store)', (adapter) => {
  let store: GraphStore;
  let spy: SpyStore;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    spy = spyOn(store);
    server = await startTestServer(spy.store, { RATE_LIMIT_PER_MINUTE: '100000' });
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  /** Sends a request and says how many store calls it caused. */
  async function storeCallsFor(send: () => Promise<RawResponse | Response>): Promise<{ res: RawResponse | Response; calls: number }> {
    spy.calls.length = 0;
    const res = await send();
    return { res, calls: spy.calls.length };
  }

  describe('refused before any store call', () => {
    it(`refuses a query nested deeper than ${LIMITS.maxDepth}, and accepts one at the limit`, async () => {
      const deep = await storeCallsFor(() => post(server, nestedQuery(LIMITS.maxDepth + 1), { token: admin }));
      expect([(deep.res as RawResponse).status, codes(deep.res as RawResponse), deep.calls]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED'], 0]);
      expect((deep.res as RawResponse).text).toContain('maxDepth');
      const atLimit = await storeCallsFor(() => post(server, nestedQuery(LIMITS.maxDepth), { token: admin }));
      expect([(atLimit.res as RawResponse).status, codes(atLimit.res as RawResponse)]).toEqual([200, []]);
      expect(atLimit.calls).toBeGreaterThan(0);
    });

    it(`refuses more than ${LIMITS.maxAliases} aliases, and 1,000 of them, and accepts ${LIMITS.maxAliases}`, async () => {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: townships(first: 1) { totalCount }`).join(' ')} }`;
      const over = await storeCallsFor(() => post(server, aliases(LIMITS.maxAliases + 1), { token: admin }));
      expect([(over.res as RawResponse).status, codes(over.res as RawResponse), over.calls]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED'], 0]);
      expect((over.res as RawResponse).text).toContain('maxAliases');
      const thousand = await storeCallsFor(() => post(server, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, { token: admin }));
      expect([(thousand.res as RawResponse).status, thousand.calls]).toEqual([400, 0]);
      const ok = await storeCallsFor(() => post(server, aliases(LIMITS.maxAliases), { token: admin }));
      expect((ok.res as RawResponse).status).toBe(200);
    });

    it(`refuses a document of more than ${LIMITS.maxTokens} tokens while parsing`, async () => {
      const huge = `{ townships(first: 1) { totalCount ${'__typename '.repeat(LIMITS.maxTokens)} } }`;
      const { res, calls } = await storeCallsFor(() => post(server, huge, { token: admin }));
      expect([(res as RawResponse).status, codes(res as RawResponse), calls]).toEqual([400, ['GRAPHQL_PARSE_FAILED'], 0]);
    });

    it(`refuses a query that may cost more than ${LIMITS.maxCost}, counting page sizes given as variables`, async () => {
      const costly = 'query($n: Int) { households(first: $n) { nodes { needs(first: $n) { nodes { household { needs(first: $n) { nodes { id } } } } } } } }';
      const refused = await storeCallsFor(() => post(server, costly, { token: admin, variables: { n: 100 } }));
      expect([(refused.res as RawResponse).status, codes(refused.res as RawResponse), refused.calls]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED'], 0]);
      expect((refused.res as RawResponse).text).toContain('maxCost');
      const cheap = await storeCallsFor(() => post(server, costly, { token: admin, variables: { n: 2 } }));
      expect((cheap.res as RawResponse).status).toBe(200);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const body = JSON.stringify({ query: '{ townships { totalCount } }', variables: { pad: 'x'.repeat(1_100_000) } });
      const { res, calls } = await storeCallsFor(() => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body }));
      expect([(res as Response).status, calls]).toEqual([413, 0]);
    });

    it('keeps CSRF prevention on: a simple cross-site request is refused', async () => {
      const plain = await storeCallsFor(() => fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ townships { totalCount } }"}' }));
      expect([(plain.res as Response).status, plain.calls]).toEqual([400, 0]);
      const get = await storeCallsFor(() => fetch(`${server.url}?query=${encodeURIComponent('{ townships { totalCount } }')}`));
      expect([(get.res as Response).status, get.calls]).toEqual([400, 0]);
      expect(await (get.res as Response).text()).toContain('CSRF');
    });
  });

  describe('hostile strings are data', () => {
    const schema = sdlSchema();
    const cases = injectionCases();

    it('finds string arguments to attack in every operation that takes one', () => {
      const operations = new Set(cases.map((c) => c.operation));
      const withStrings = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
        Object.values((root as GraphQLObjectType).getFields())
          .filter((f) => f.args.some((a) => stringSlots(a.type, []).length > 0))
          .map((f) => `${root?.name}.${f.name}`),
      );
      expect([...operations].sort()).toEqual(withStrings.sort());
    });

    it(`answers every string argument of every query and mutation holding ${INJECTIONS.length} injection strings without an internal error`, async () => {
      const villages = (await store.list('Village', {}, { first: 100 })).totalCount;
      const problems: string[] = [];
      const accepted = new Set<string>();
      for (const c of cases) {
        for (const payload of INJECTIONS) {
          const res = await post(server, c.query, { token: admin, variables: c.variables(payload) });
          const bad = codes(res).filter((code) => !CLIENT_CODES.has(code));
          if (![200, 400].includes(res.status) || bad.length > 0) problems.push(`${c.operation} ${c.slot} ${payload}: ${res.status} ${res.text.slice(0, 200)}`);
          if (res.status === 200 && codes(res).length === 0) accepted.add(c.slot);
        }
      }
      expect(problems).toEqual([]);
      // Free-text arguments took the strings as data (not only refused as malformed ids).
      expect([...accepted]).toEqual(expect.arrayContaining(['input.head.name', 'input.description', 'input.note']));
      // Nothing was executed as a command: every record is still there.
      expect((await store.list('Village', {}, { first: 100 })).totalCount).toBe(villages);
      const ids = [world.households.hhA.id, world.households.hhB.id];
      expect((await store.getMany('Household', ids)).map((h) => h?.id)).toEqual(ids);
      expect((await store.getMany('AuditEvent', [world.audit.audA.id]))[0]?.id).toBe(world.audit.audA.id);
    });

    it.each(INJECTIONS)('stores %s as plain text and gives it back verbatim', async (payload) => {
      const res = await post(server, 'mutation($v: ID!, $name: String!) { registerHousehold(input: { villageId: $v, size: 1, head: { name: $name } }) { id head { name } } }', {
        token: admin,
        variables: { v: world.villages.v1.id, name: payload },
      });
      expect(res.json?.errors).toBeUndefined();
      const created = (res.json?.data as { registerHousehold: { id: string; head: { name: string } } }).registerHousehold;
      expect(created.head.name).toBe(payload);
      expect((await store.getMany('Household', [created.id]))[0]?.head.name).toBe(payload);
    });

    // Private to this describe: one case per (operation, string slot).
    function injectionCases(): Array<{ operation: string; slot: string; query: string; variables: (payload: string) => Record<string, unknown> }> {
      const result: Array<{ operation: string; slot: string; query: string; variables: (payload: string) => Record<string, unknown> }> = [];
      for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
        for (const field of Object.values(root.getFields())) {
          for (const arg of field.args) {
            for (const slot of stringSlots(arg.type, [])) {
              const path = [arg.name, ...slot];
              result.push({
                operation: `${root.name}.${field.name}`,
                slot: path.join('.'),
                query: operationText(root.name === 'Mutation' ? 'mutation' : 'query', field),
                variables: (payload) => {
                  const vars: Record<string, unknown> = {};
                  for (const a of field.args) {
                    const value = a.name === arg.name ? withSlot(baseline(a.type, a.name, field.name, true), slot, a.type, payload) : baseline(a.type, a.name, field.name, false);
                    if (value !== undefined) vars[a.name] = value;
                  }
                  return vars;
                },
              });
            }
          }
        }
      }
      return result;
    }
  });

  describe('transport and errors', () => {
    it('answers 429 with retry-after once a token passes its per-minute rate', async () => {
      const limited = await startTestServer(spy.store, { RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const token = await limited.token({ sub: 'test-rate', role: 'DESIGNER' });
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await post(limited, '{ categories { code } }', { token })).status);
        const { res, calls } = await storeCallsFor(() => post(limited, '{ categories { code } }', { token }));
        expect(statuses).toEqual([200, 200, 200]);
        expect([(res as RawResponse).status, codes(res as RawResponse), calls]).toEqual([429, ['RATE_LIMITED'], 0]);
        expect((res as RawResponse).headers.get('retry-after')).toBe('60');
      } finally {
        await limited.stop();
      }
    });

    it('turns introspection and field suggestions off in production', async () => {
      const production = await startTestServer(spy.store, { NODE_ENV: 'production' });
      try {
        const introspection = await post(production, '{ __schema { types { name } } }');
        expect(introspection.status).toBe(400);
        expect(introspection.text).not.toContain('Household');
        const typo = await post(production, '{ townshipz { totalCount } }');
        expect(typo.text).not.toContain('Did you mean');
        // The same typo outside production does get a suggestion: the check above can fail.
        expect((await post(server, '{ townshipz { totalCount } }')).text).toContain('Did you mean');
      } finally {
        await production.stop();
      }
    });

    it('masks an unexpected error behind a correlation id, logged without personal data', async () => {
      const failing = spyOn(store);
      const broken = new Proxy(failing.store, {
        get(obj, prop, receiver) {
          if (prop === 'create') return () => Promise.reject(new Error('synthetic disk failure at /var/lib/huzhu/journal'));
          return Reflect.get(obj, prop, receiver) as unknown;
        },
      });
      const masked = await startTestServer(broken);
      try {
        const token = await masked.token({ sub: 'test-admin', role: 'ADMIN' });
        const res = await post(masked, 'mutation($v: ID!) { registerHousehold(input: { villageId: $v, size: 1, head: { name: "CANARY-NAME-masked", phone: "+86 139 0000 7398" } }) { id } }', {
          token,
          variables: { v: world.villages.v1.id },
          headers: { 'x-request-id': 'masked-error-0001' },
        });
        expect(res.headers.get('x-correlation-id')).toBe('masked-error-0001');
        expect(res.json?.errors?.[0]).toEqual(
          expect.objectContaining({ message: 'Internal server error (correlation id masked-error-0001)', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'masked-error-0001' } }),
        );
        expect(res.text).not.toContain('disk failure');
        const logs = masked.logs.join('');
        expect(logs).toContain('masked-error-0001');
        expect(logs).not.toContain('CANARY-NAME-masked');
        expect(logs).not.toContain('+86 139 0000 7398');
      } finally {
        await masked.stop();
      }
    });

    it('never logs the personal data of refused or failed requests', async () => {
      const refused = await post(server, 'mutation($v: ID!) { registerHousehold(input: { villageId: $v, size: 99, head: { name: "CANARY-NAME-refused", idNumber: "51012919800101739X" } }) { id } }', {
        token: admin,
        variables: { v: world.villages.v1.id },
      });
      // The request must really be refused (size 99 is out of range), or the log check proves nothing.
      expect([refused.status, codes(refused), refused.json?.data?.['registerHousehold'] ?? null]).toEqual([200, ['BAD_USER_INPUT'], null]);
      const logs = server.logs.join('');
      expect(logs).not.toContain('CANARY-NAME-refused');
      expect(logs).not.toContain('51012919800101739X');
    });
  });
});

// -- generating arguments from the schema ------------------------------------------------

/** Paths (below the argument) of every String/ID leaf of an input type; [] is the argument itself. */
function stringSlots(type: GraphQLInputType, path: string[], depth = 0): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' || named.name === 'ID' ? [path] : [];
  if (!isInputObjectType(named) || depth > 3) return [];
  return Object.values(named.getFields()).flatMap((f) => stringSlots(f.type, [...path, f.name], depth + 1));
}

const ID_BY_NAME: Record<string, () => string | string[]> = {
  villageId: () => world.villages.v1.id,
  villageIds: () => [world.villages.v1.id],
  townshipId: () => world.townships.t1.id,
  townshipIds: () => [world.townships.t1.id],
  residencyTownshipIds: () => [],
  householdId: () => world.households.hhA.id,
  needId: () => world.needs.needA2.id,
  serviceId: () => world.services.partnerMedical.id,
  organizationId: () => world.orgs.partner.id,
  organizationIds: () => [world.orgs.partner.id],
  referralId: () => world.referrals.refA.id,
  creditOfficerId: () => world.people.creditOfficer.id,
  fromId: () => world.people.liaison.id,
  toId: () => world.orgs.partner.id,
  from: () => world.people.liaison.id,
  to: () => world.orgs.partner.id,
  stakeholderId: () => world.orgs.other.id,
  relationshipId: () => world.relationships.knows.id,
  entityId: () => world.households.hhA.id,
};
const ID_BY_OPERATION: Record<string, () => string> = {
  node: () => world.households.hhA.id,
  updateHousehold: () => world.households.hhA.id,
  withdrawConsent: () => world.consents.cnsA.id,
};
const STRING_BY_NAME: Record<string, () => unknown> = {
  category: () => 'MEDICAL',
  categories: () => ['MEDICAL'],
  idempotencyKey: () => `hardening-${Math.random().toString(36).slice(2)}`,
};

/** A valid-looking value for a type: required parts only unless `full`. */
function baseline(type: GraphQLInputType, name: string, operation: string, full: boolean): unknown {
  if (!full && !isNonNullType(type)) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = baseline(inner.ofType, name, operation, true);
    return Array.isArray(item) ? item : item === undefined ? [] : [item];
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) return name === 'status' && operation === 'updateReferralStatus' ? 'ACCEPTED' : named.getValues()[0]?.name;
  if (isInputObjectType(named)) {
    const result: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      const value = baseline(f.type, f.name, operation, false);
      if (value !== undefined) result[f.name] = value;
    }
    return result;
  }
  switch (named.name) {
    case 'ID':
      return (name === 'id' ? ID_BY_OPERATION[operation] : ID_BY_NAME[name])?.() ?? world.households.hhA.id;
    case 'String':
      return STRING_BY_NAME[name]?.() ?? 'synthetic text';
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-01-01';
    case 'DateTime':
      return '2025-01-01T00:00:00.000Z';
    default:
      return undefined;
  }
}

/** The baseline with the string leaf at `slot` replaced by the payload (inside a one-item list where the leaf is a list). */
function withSlot(value: unknown, slot: readonly string[], type: GraphQLInputType, payload: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [withSlot(Array.isArray(value) ? value[0] : undefined, slot, inner.ofType, payload)];
  if (slot.length === 0) return payload;
  const named = getNamedType(inner);
  if (!isInputObjectType(named)) return payload;
  const [head, ...rest] = slot as [string, ...string[]];
  const field = named.getFields()[head];
  const object = value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
  object[head] = withSlot(object[head], rest, (field as { type: GraphQLInputType }).type, payload);
  return object;
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const decls = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind}${decls.length ? `(${decls.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}
