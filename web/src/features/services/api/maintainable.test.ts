import { maintainableServices } from './maintainable';

/** Synthetic services: two townships, one county-level organisation without a township. */
const services = [
  { id: 'svc_a', organization: { id: 'org_a', township: { id: 'twp_1' } } },
  { id: 'svc_b', organization: { id: 'org_b', township: { id: 'twp_2' } } },
  { id: 'svc_c', organization: { id: 'org_c', township: null } },
];

describe('maintainableServices: the services page lists only what the API lets the viewer maintain', () => {
  it('a coordinator keeps the services of organisations in its townships', () => {
    expect(maintainableServices({ role: 'COORDINATOR', townshipIds: ['twp_1'], organizationId: null }, services).map((s) => s.id)).toEqual(['svc_a']);
  });
  it('a partner NGO keeps its own organisation only; an admin everything; others nothing', () => {
    expect(maintainableServices({ role: 'PARTNER_NGO', townshipIds: [], organizationId: 'org_b' }, services).map((s) => s.id)).toEqual(['svc_b']);
    expect(maintainableServices({ role: 'ADMIN', townshipIds: [], organizationId: null }, services)).toHaveLength(3);
    expect(maintainableServices({ role: 'SOCIAL_WORKER', townshipIds: ['twp_1'], organizationId: null }, services)).toEqual([]);
    expect(maintainableServices({ role: 'PARTNER_NGO', townshipIds: [], organizationId: null }, services)).toEqual([]);
  });
});
