import { argumentPaths, auditEventId, writeEvent } from '../../../src/services/audit';

const actor = { actorId: 'per_1', role: 'COORDINATOR', purpose: 'CASE_MANAGEMENT', correlationId: 'corr-unit-1' };

describe('audit events', () => {
  it('name the argument paths of a write, never their values', () => {
    const args = { input: { householdId: 'hh_1', head: { name: '王某', phone: '+86 139' }, markers: ['DIBAO'] }, expectedVersion: 3 };
    expect(argumentPaths(args)).toEqual(['expectedVersion', 'input.head.name', 'input.head.phone', 'input.householdId', 'input.markers']);
    const event = writeEvent(actor, new Date('2026-01-01T00:00:00.000Z'), 'updateHousehold', { entityKind: 'Household', entityId: 'hh_1' }, args);
    expect(event.fields[0]).toBe('mutation:updateHousehold');
    expect(JSON.stringify(event)).not.toMatch(/王某|\+86|DIBAO/);
  });

  it('get ids that sort in time order, so the trail pages oldest first', () => {
    const ids = [0, 1, 1000, 86_400_000].map((ms) => auditEventId(new Date(Date.UTC(2026, 0, 1) + ms)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
