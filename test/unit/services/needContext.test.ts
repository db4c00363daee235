import { createLoaders } from '../../../src/api/loaders';
import type { GraphStore } from '../../../src/store/GraphStore';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { matchNeed } from '../../../src/services/matching';
import { loadNeedContext } from '../../../src/services/needContext';
import { aConsent, smallNetwork, storeNetwork } from '../../support/builders';

/**
 * Issue 13 item 1: matchNeed and the access guard's scope check read a need's
 * context (need, household, village, township, consents) in one store call,
 * GraphStore.matchContext, not record by record. Counted on a store wrapped
 * to record every port call. Synthetic data only.
 */
function counting(store: GraphStore): { store: GraphStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const kind = prop === 'getMany' || prop === 'list' ? `:${String(args[0])}` : '';
        calls.push(`${String(prop)}${kind}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('a need read for matching in one store call (matchContext)', () => {
  let memory: MemoryStore;
  const net = smallNetwork();
  const now = () => new Date('2025-06-01T00:00:00.000Z');

  beforeAll(async () => {
    memory = new MemoryStore({ dataDir: null });
    await memory.init();
    await storeNetwork(memory, net);
    await memory.create('Consent', aConsent({ householdId: net.needs[0].householdId, categories: [], organizationIds: [net.organizations[1].id] }));
  });
  afterAll(async () => {
    await memory.close();
  });

  const contextReads = (calls: readonly string[]) =>
    calls.filter((c) => ['getMany:Need', 'getMany:Household', 'getMany:Village', 'getMany:Township', 'list:Consent', 'matchContext'].includes(c));

  it('with the request loaders: the guard primes them, the scope-check reads and matchNeed read nothing more', async () => {
    const { store, calls } = counting(memory);
    const loaders = createLoaders(store);
    const ctx = { store, now, loaders };
    const need = net.needs[0];
    // What RequestAccess.primeNeedContext and then its scope check do.
    await loadNeedContext(ctx, need.id);
    const household = await loaders.Household.load(need.householdId);
    expect(await loaders.Need.load(need.id)).toMatchObject({ id: need.id });
    expect(await loaders.Village.load(household!.villageId)).toMatchObject({ id: household!.villageId });
    const result = await matchNeed(ctx, need.id, { limit: 5 });
    expect(result.context.township.id).toBe(net.townships[0].id);
    expect(contextReads(calls)).toEqual(['matchContext']);
  });

  it('without loaders (a CLI, a service calling it): still one call, consents included', async () => {
    const { store, calls } = counting(memory);
    const result = await matchNeed({ store, now }, net.needs[0].id, { limit: 5 });
    expect(result.context.household.id).toBe(net.needs[0].householdId);
    expect(contextReads(calls)).toEqual(['matchContext']);
  });

  it('a need that does not exist is NOT_FOUND at needId', async () => {
    await expect(matchNeed({ store: memory, now }, 'need_doesnotexist', { limit: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND', path: ['needId'] });
  });
});
