/**
 * The saved-plans part of the GraphStore contract (issue 12 item 3), run
 * against every adapter. Each test states one rule of GraphStore's "saved
 * plans" section: plans are stored whole, versioned, listed newest first,
 * survive a restart, and applyPlan writes its batch and the APPLIED plan in
 * one transaction or nothing at all.
 */
import { HuzhuError } from '../../src/errors/HuzhuError';
import type { GraphStore, PlanApplication } from '../../src/store/GraphStore';
import { anOrganization, aPlan, aRelationship, aService, aTownship, BUILT_AT } from '../support/builders';

export interface PlansContractFactory {
  create(): Promise<GraphStore>;
  reset(store: GraphStore): Promise<void>;
  destroy(store: GraphStore): Promise<void>;
  /** Closes `store` and opens a new one over the same data (a restart). */
  reopen(store: GraphStore): Promise<GraphStore>;
}

const APPLIED_AT = '2026-12-01T10:00:00.000Z';

export function describePlansContract(name: string, factory: PlansContractFactory): void {
  describe(`saved plans: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
    });

    async function failureOf(promise: Promise<unknown>): Promise<HuzhuError> {
      try {
        await promise;
      } catch (error) {
        if (error instanceof HuzhuError) return error;
        throw new Error(`expected a HuzhuError, got ${String(error)}`, { cause: error });
      }
      throw new Error('expected the call to fail, but it succeeded');
    }

    /** A township and an organisation to hang the applied records on. */
    async function aSmallNetwork() {
      const township = aTownship();
      const organization = anOrganization({ townshipId: township.id });
      const service = aService({ organizationId: organization.id, status: 'PLANNED', capacity: 3 });
      await store.upsertMany('Township', [township]);
      await store.upsertMany('Organization', [organization]);
      await store.upsertMany('Service', [service]);
      return { township, organization, service };
    }

    function anApplication(planId: string, writes: PlanApplication['writes'], expectedVersion = 1): PlanApplication {
      return { planId, expectedVersion, appliedAt: APPLIED_AT, appliedById: 'acc_synthetic-admin', appliedByName: '测试管理员 (synthetic)', writes };
    }

    it('stores a plan and gives it back whole (changes, note, author), null for an unknown id', async () => {
      const plan = aPlan({
        note: '先在王泗镇试点 (synthetic)',
        changes: [
          { kind: 'ADD_ORGANIZATION', name: '设想中的组织 (synthetic)', townshipId: 'twp_510129101000' },
          { kind: 'ADD_RELATIONSHIP', fromId: 'org_whatif-1', toId: 'twp_510129101000', type: 'SERVES', status: 'BUILDING', since: '2027-01-01' },
        ],
      });
      expect(await store.createPlan(plan)).toEqual(plan);
      expect(await store.getPlan(plan.id)).toEqual(plan);
      expect(await store.getPlan('plan_missing')).toBeNull();
    });

    it('refuses a second plan with the same id, naming it', async () => {
      const plan = await store.createPlan(aPlan());
      const error = await failureOf(store.createPlan(aPlan({ id: plan.id })));
      expect(error).toMatchObject({ code: 'CONFLICT', path: ['id'], details: { existingId: plan.id } });
    });

    it('refuses a plan that does not fit the record (BAD_USER_INPUT with the field)', async () => {
      const error = await failureOf(store.createPlan(aPlan({ name: '' })));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['name'] });
      expect((await store.listPlans({ first: 10, after: null })).totalCount).toBe(0);
    });

    it('updates a plan at its version: the next version, keeping its author and creation', async () => {
      const plan = await store.createPlan(aPlan());
      const updated = await store.updatePlan(
        { ...plan, name: '改过的规划 (synthetic)', authorId: 'acc_someone-else', createdAt: APPLIED_AT, updatedAt: APPLIED_AT, version: 2 },
        { expectedVersion: 1 },
      );
      expect(updated).toEqual({ ...plan, name: '改过的规划 (synthetic)', updatedAt: APPLIED_AT, version: 2 });
      expect(await store.getPlan(plan.id)).toEqual(updated);
    });

    it('refuses an update from a stale version, and of a plan that does not exist', async () => {
      const plan = await store.createPlan(aPlan());
      await store.updatePlan({ ...plan, name: '第一次修改 (synthetic)' }, { expectedVersion: 1 });
      const stale = await failureOf(store.updatePlan({ ...plan, name: '第二次修改 (synthetic)' }, { expectedVersion: 1 }));
      expect(stale).toMatchObject({ code: 'CONFLICT', path: ['expectedVersion'], details: { actualVersion: 2 } });
      expect((await store.getPlan(plan.id))?.name).toBe('第一次修改 (synthetic)');
      const missing = await failureOf(store.updatePlan(aPlan(), { expectedVersion: 1 }));
      expect(missing).toMatchObject({ code: 'NOT_FOUND', path: ['id'] });
    });

    it('lists plans newest first in pages, with the total', async () => {
      const plans = [];
      for (let i = 0; i < 5; i++) plans.push(await store.createPlan(aPlan()));
      const newestFirst = [...plans].reverse().map((p) => p.id);
      const page1 = await store.listPlans({ first: 2, after: null });
      expect(page1.items.map((p) => p.id)).toEqual(newestFirst.slice(0, 2));
      expect(page1).toMatchObject({ totalCount: 5, hasNextPage: true, endCursor: newestFirst[1] });
      const page2 = await store.listPlans({ first: 2, after: page1.endCursor });
      expect(page2.items.map((p) => p.id)).toEqual(newestFirst.slice(2, 4));
      const page3 = await store.listPlans({ first: 2, after: page2.endCursor });
      expect(page3.items.map((p) => p.id)).toEqual(newestFirst.slice(4));
      expect(page3).toMatchObject({ hasNextPage: false, totalCount: 5 });
      expect(page3.items[0]).toEqual(plans[0]);
    });

    it('deletes a DRAFT plan at its version', async () => {
      const kept = await store.createPlan(aPlan());
      const gone = await store.createPlan(aPlan());
      expect(await failureOf(store.deletePlan(gone.id, { expectedVersion: 2 }))).toMatchObject({ code: 'CONFLICT', path: ['expectedVersion'] });
      await store.deletePlan(gone.id, { expectedVersion: 1 });
      expect(await store.getPlan(gone.id)).toBeNull();
      expect((await store.listPlans({ first: 10, after: null })).items.map((p) => p.id)).toEqual([kept.id]);
      expect(await failureOf(store.deletePlan(gone.id, { expectedVersion: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('writes of plans do not bump the network version', async () => {
      const before = await store.version();
      const plan = await store.createPlan(aPlan());
      await store.updatePlan({ ...plan, note: '备注 (synthetic)' }, { expectedVersion: 1 });
      await store.deletePlan(plan.id, { expectedVersion: 2 });
      expect(await store.version()).toBe(before);
    });

    it('keeps plans across a restart (reopened over the same data)', async () => {
      const first = await store.createPlan(aPlan({ note: '重启前保存 (synthetic)' }));
      const second = await store.updatePlan({ ...(await store.createPlan(aPlan())), name: '重启前修改 (synthetic)' }, { expectedVersion: 1 });
      store = await factory.reopen(store);
      expect(await store.getPlan(first.id)).toEqual(first);
      expect(await store.getPlan(second.id)).toEqual(second);
      expect((await store.listPlans({ first: 10, after: null })).items.map((p) => p.id)).toEqual([second.id, first.id]);
    });

    it('applies a plan: its records are written and the plan is APPLIED, in one step', async () => {
      const { township, organization, service } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan());
      const newOrganization = anOrganization({ townshipId: township.id, synthetic: false });
      const newService = aService({ organizationId: newOrganization.id, status: 'ACTIVE' });
      const link = aRelationship({ fromId: newOrganization.id, toId: organization.id, type: 'PARTNER', status: 'BUILDING', since: '2027-01-01', createdAt: APPLIED_AT, updatedAt: APPLIED_AT });
      const versionBefore = await store.version();
      const applied = await store.applyPlan(
        anApplication(plan.id, [
          { op: 'create', kind: 'Organization', entity: newOrganization },
          { op: 'create', kind: 'Service', entity: newService },
          { op: 'create', kind: 'Relationship', entity: link },
          { op: 'update', kind: 'Service', entity: { ...service, status: 'ACTIVE', capacity: 5, activeReferrals: 99 } },
        ]),
      );
      expect(applied).toEqual({ ...plan, status: 'APPLIED', appliedAt: APPLIED_AT, appliedById: 'acc_synthetic-admin', appliedByName: '测试管理员 (synthetic)', updatedAt: APPLIED_AT, version: 2 });
      expect(await store.getPlan(plan.id)).toEqual(applied);
      expect(await store.getMany('Organization', [newOrganization.id])).toEqual([newOrganization]);
      expect(await store.getMany('Service', [newService.id])).toEqual([newService]);
      expect(await store.getMany('Relationship', [link.id])).toEqual([link]);
      // An update keeps the store's activeReferrals, as update does.
      expect((await store.getMany('Service', [service.id]))[0]).toMatchObject({ status: 'ACTIVE', capacity: 5, activeReferrals: 0 });
      expect(await store.version()).toBeGreaterThan(versionBefore);
    });

    it('writes nothing when a change in the middle fails (atomic), naming the failing write', async () => {
      const { township, organization, service } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan());
      const newOrganization = anOrganization({ townshipId: township.id });
      const versionBefore = await store.version();
      const error = await failureOf(
        store.applyPlan(
          anApplication(plan.id, [
            { op: 'create', kind: 'Organization', entity: newOrganization },
            { op: 'update', kind: 'Service', entity: { ...service, status: 'ACTIVE' } },
            { op: 'create', kind: 'Relationship', entity: aRelationship({ fromId: newOrganization.id, toId: 'per_nobody-synthetic', type: 'KNOWS' }) },
            { op: 'create', kind: 'Relationship', entity: aRelationship({ fromId: newOrganization.id, toId: organization.id, type: 'PARTNER' }) },
          ]),
        ),
      );
      expect(error).toMatchObject({ code: 'NOT_FOUND', path: ['writes', 2, 'toId'] });
      expect(await store.getMany('Organization', [newOrganization.id])).toEqual([null]);
      expect((await store.getMany('Service', [service.id]))[0]?.status).toBe('PLANNED');
      expect(await store.getPlan(plan.id)).toEqual(plan);
      expect(await store.version()).toBe(versionBefore);
    });

    it('writes nothing when two writes of the batch collide (an id taken earlier in the batch)', async () => {
      const { township } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan());
      const newOrganization = anOrganization({ townshipId: township.id });
      const error = await failureOf(
        store.applyPlan(
          anApplication(plan.id, [
            { op: 'create', kind: 'Organization', entity: newOrganization },
            { op: 'create', kind: 'Organization', entity: { ...newOrganization, name: '同一编号 (synthetic)' } },
          ]),
        ),
      );
      expect(error).toMatchObject({ code: 'CONFLICT', path: ['writes', 1, 'id'] });
      expect(await store.getMany('Organization', [newOrganization.id])).toEqual([null]);
      expect((await store.getPlan(plan.id))?.status).toBe('DRAFT');
    });

    it('refuses to apply a plan twice (CONFLICT), writing nothing the second time', async () => {
      const { township } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan());
      await store.applyPlan(anApplication(plan.id, [{ op: 'create', kind: 'Organization', entity: anOrganization({ townshipId: township.id }) }]));
      const again = anOrganization({ townshipId: township.id });
      const error = await failureOf(store.applyPlan(anApplication(plan.id, [{ op: 'create', kind: 'Organization', entity: again }], 2)));
      expect(error).toMatchObject({ code: 'CONFLICT', path: ['status'] });
      expect(await store.getMany('Organization', [again.id])).toEqual([null]);
      // An APPLIED plan can no longer be changed or deleted either.
      expect(await failureOf(store.updatePlan({ ...plan, name: '改 (synthetic)' }, { expectedVersion: 2 }))).toMatchObject({ code: 'CONFLICT', path: ['status'] });
      expect(await failureOf(store.deletePlan(plan.id, { expectedVersion: 2 }))).toMatchObject({ code: 'CONFLICT', path: ['status'] });
    });

    it('applies a plan once when two admins apply it at the same time: one wins, the other gets CONFLICT and writes nothing', async () => {
      const { township } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan());
      const [first, second] = [anOrganization({ townshipId: township.id }), anOrganization({ townshipId: township.id })];
      const results = await Promise.allSettled([
        store.applyPlan(anApplication(plan.id, [{ op: 'create', kind: 'Organization', entity: first }])),
        store.applyPlan(anApplication(plan.id, [{ op: 'create', kind: 'Organization', entity: second }])),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ code: 'CONFLICT' });
      const written = (await store.getMany('Organization', [first.id, second.id])).filter((o) => o !== null);
      expect(written).toHaveLength(1);
      expect(await store.getPlan(plan.id)).toMatchObject({ status: 'APPLIED', version: 2 });
    });

    it('refuses to apply from a stale version or an unknown plan', async () => {
      const plan = await store.createPlan(aPlan());
      await store.updatePlan({ ...plan, note: '改 (synthetic)' }, { expectedVersion: 1 });
      expect(await failureOf(store.applyPlan(anApplication(plan.id, [], 1)))).toMatchObject({ code: 'CONFLICT', path: ['expectedVersion'] });
      expect(await failureOf(store.applyPlan(anApplication('plan_missing', [])))).toMatchObject({ code: 'NOT_FOUND', path: ['id'] });
    });

    it('keeps an applied plan and its records across a restart', async () => {
      const { township } = await aSmallNetwork();
      const plan = await store.createPlan(aPlan({ createdAt: BUILT_AT }));
      const organization = anOrganization({ townshipId: township.id });
      const applied = await store.applyPlan(anApplication(plan.id, [{ op: 'create', kind: 'Organization', entity: organization }]));
      store = await factory.reopen(store);
      expect(await store.getPlan(plan.id)).toEqual(applied);
      expect(await store.getMany('Organization', [organization.id])).toEqual([organization]);
    });
  });
}
