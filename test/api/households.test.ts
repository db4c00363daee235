import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { seedStore } from '../../src/seed/seedStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';

const REGISTER = `mutation($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id size markers disabilityGrade vulnerabilityScore village { displayName } head { name } version }
}`;

const validInput = (overrides: Record<string, unknown> = {}) => ({
  villageId: 'vil_510129001002',
  size: 4,
  memberAgeBands: ['AGE_80_PLUS', 'AGE_18_59', 'AGE_7_17'],
  markers: ['DIBAO', 'DISABILITY_CERTIFICATE'],
  disabilityGrade: 2,
  head: { name: '测试户主（合成）', phone: '138-0000-0000' },
  ...overrides,
});

describeEachStore('registering households and needs ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 50, seed: 3 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const householdCount = async () => (await store.list('Household', {}, { first: 1 })).totalCount;

  it('registers a household and derives its vulnerability score from the markers', async () => {
    const res = await server.gql<{ registerHousehold: { id: string; vulnerabilityScore: number; village: { displayName: string }; version: number } }>(
      REGISTER,
      { input: validInput() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerHousehold.village.displayName).toBe('南街社区');
    // DIBAO 4 + DISABILITY_CERTIFICATE 3 + grade-2 bonus 2 + one member aged 80+ 1
    expect(res.data!.registerHousehold.vulnerabilityScore).toBe(10);
    expect(res.data!.registerHousehold.version).toBe(1);
  });

  it.each([
    ['a negative size', { size: -1 }, ['input', 'size']],
    ['a malformed village id', { villageId: 'village-1' }, ['input', 'villageId']],
    ['a disability grade without a certificate', { markers: ['DIBAO'], disabilityGrade: 2 }, ['input', 'disabilityGrade']],
    ['a malformed ID number', { head: { name: 'x', idNumber: '123' } }, ['input', 'head', 'idNumber']],
  ])('refuses %s with BAD_USER_INPUT at its path, writing nothing', async (_, overrides, path) => {
    const before = await householdCount();
    const res = await server.gql(REGISTER, { input: validInput(overrides) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: path });
    expect(await householdCount()).toBe(before);
  });

  it('refuses a village that does not exist with NOT_FOUND at input.villageId, writing nothing', async () => {
    const before = await householdCount();
    const res = await server.gql(REGISTER, { input: validInput({ villageId: 'vil_510129999999' }) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', fieldPath: ['input', 'villageId'] });
    expect(await householdCount()).toBe(before);
  });

  it('refuses an unknown marker before running anything (GraphQL enum)', async () => {
    const res = await server.gql(REGISTER, { input: validInput({ markers: ['RICH'] }) }, admin);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/markers/);
  });

  it('answers a second registration of the same household code with CONFLICT naming the first', async () => {
    const first = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: validInput({ householdCode: 'HH-TEST-0001' }) }, admin);
    const second = await server.gql(REGISTER, { input: validInput({ householdCode: 'HH-TEST-0001' }) }, admin);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingId: first.data!.registerHousehold.id });
  });

  it('updates only the given fields and refuses a stale version', async () => {
    const created = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: validInput() }, admin);
    const id = created.data!.registerHousehold.id;
    const UPDATE = 'mutation($id: ID!, $input: UpdateHouseholdInput!, $v: Int) { updateHousehold(id: $id, input: $input, expectedVersion: $v) { size markers version } }';
    const ok = await server.gql<{ updateHousehold: { size: number; markers: string[]; version: number } }>(UPDATE, { id, input: { size: 5 }, v: 1 }, admin);
    expect(ok.data!.updateHousehold).toEqual({ size: 5, markers: ['DIBAO', 'DISABILITY_CERTIFICATE'], version: 2 });
    const stale = await server.gql(UPDATE, { id, input: { size: 6 }, v: 1 }, admin);
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('records a need, and refuses an unknown category with BAD_USER_INPUT at input.category', async () => {
    const created = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: validInput() }, admin);
    const householdId = created.data!.registerHousehold.id;
    const RECORD = 'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id category status household { id } } }';
    const ok = await server.gql<{ recordNeed: { category: string; status: string; household: { id: string } } }>(
      RECORD,
      { input: { householdId, category: 'ELDERLY_CARE', urgency: 'HIGH', description: '需要上门照护（合成）' } },
      admin,
    );
    expect(ok.data!.recordNeed).toMatchObject({ category: 'ELDERLY_CARE', status: 'OPEN', household: { id: householdId } });

    const needsBefore = (await store.list('Need', { householdId }, { first: 1 })).totalCount;
    const bad = await server.gql(RECORD, { input: { householdId, category: 'ASTROLOGY', urgency: 'HIGH' } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'category'] });
    expect((await store.list('Need', { householdId }, { first: 1 })).totalCount).toBe(needsBefore);
  });

  it('masks an unexpected failure with a correlation id that the log also carries', async () => {
    const spy = jest.spyOn(store, 'listCategories').mockRejectedValueOnce(new Error('disk on fire'));
    try {
      const res = await server.gql('{ categories { code } }', {}, admin);
      const error = res.errors?.[0];
      expect(error?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).not.toMatch(/disk on fire/);
      const correlationId = error?.extensions?.['correlationId'] as string;
      expect(correlationId).toMatch(/[0-9a-f-]{36}/);
      expect(server.logs.some((line) => line.includes(correlationId) && line.includes('disk on fire'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the embedded default keeps what it acknowledged across a restart', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'huzhu-restart-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still has a household registered through the API after the server and store restart', async () => {
    const first = new MemoryStore({ dataDir });
    await first.init();
    await seedStore(first, { households: 20, seed: 1 });
    let server = await startTestServer(first);
    const token = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    const res = await server.gql<{ registerHousehold: { id: string } }>(REGISTER, { input: validInput({ householdCode: 'HH-RESTART-01' }) }, token);
    const id = res.data!.registerHousehold.id;
    await server.stop();
    await first.close();

    const second = new MemoryStore({ dataDir });
    await second.init();
    server = await startTestServer(second);
    try {
      const again = await server.gql<{ node: { id: string; size: number; head: { name: string } } | null }>(
        'query($id: ID!) { node(id: $id) { ... on Household { id size head { name } } } }',
        { id },
        token,
      );
      expect(again.data?.node).toEqual({ id, size: 4, head: { name: '测试户主（合成）' } });
    } finally {
      await server.stop();
      await second.close();
    }
  });
});
