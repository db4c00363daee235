import type { GraphStore } from '../../src/store/GraphStore';
import { loadStakeholders } from '../../src/seed/loadStakeholders';
import { hsdsIdOf } from '../../src/hsds/hsdsIds';
import { taxonomyId, termId } from '../../src/hsds/hsdsTaxonomies';
import { aHousehold, aNeed, aReferralFor } from '../support/builders';
import { storeRealDirectory } from '../support/hsdsDirectory';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 14 item 1: the read-only HSDS 3.0 API under /hsds/ over the real
 * directory (seed/stakeholders.json), with synthetic households, needs and a
 * referral in the same store that must never appear in any answer.
 */
describeEachStore('the HSDS API ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let base: string;
  const stakeholders = loadStakeholders();
  const secretName = '王合成户主（synthetic）';
  const household = aHousehold({ villageId: 'vil_510129001002', head: { name: secretName, phone: '13800000000', idNumber: null }, householdCode: 'HH-HSDS-0001' });
  const need = aNeed({ householdId: household.id, category: 'MEDICAL', description: '合成的需求描述 synthetic need text' });
  const station = stakeholders.services.find((s) => s.id === 'svc_station-510129001000-social-work')!;
  const referral = aReferralFor(need, station, { idempotencyKey: 'hsds-test-referral' });
  const prospectiveOrg = stakeholders.relationships.find((r) => r.fromId === 'org_network' && r.status === 'PROSPECTIVE')!.toId;
  const plannedService = stakeholders.services.find((s) => s.status === 'PLANNED');

  beforeAll(async () => {
    store = await adapter.open();
    await storeRealDirectory(store);
    await store.upsertMany('Household', [household]);
    await store.upsertMany('Need', [need]);
    await store.createReferral(referral);
    server = await startTestServer(store);
    base = server.url.replace('/graphql', '/hsds');
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, unknown> & { contents?: Array<Record<string, unknown>> } };
  };

  it('answers / with the HSDS version', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body['version']).toBe('3.0');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('pages services as the openapi says (page, per_page → total_items, total_pages, page_number, size, first_page, last_page, empty)', async () => {
    const all = await get('/services?per_page=100');
    const total = all.body['total_items'] as number;
    expect(total).toBeGreaterThan(10);
    const p2 = await get('/services?page=2&per_page=5');
    expect(p2.body).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 5), page_number: 2, size: 5, first_page: false, last_page: false, empty: false });
    expect(p2.body.contents?.map((s) => s['id'])).toEqual(all.body.contents?.slice(5, 10).map((s) => s['id']));
    const last = await get(`/services?page=${Math.ceil(total / 5)}&per_page=5`);
    expect(last.body).toMatchObject({ last_page: true, size: total - 5 * (Math.ceil(total / 5) - 1) });
    const beyond = await get('/services?page=99&per_page=5');
    expect(beyond.body).toMatchObject({ size: 0, empty: true, contents: [] });
    // List items carry the one-to-one fields only; full=true nests the rest.
    expect(all.body.contents?.[0]?.['attributes']).toBeUndefined();
    expect((await get('/services?full=true&per_page=1')).body.contents?.[0]?.['attributes']).toBeDefined();
    expect(Object.keys((await get('/services?minimal=true&per_page=1')).body.contents?.[0] ?? {})).toEqual(['id']);
  });

  it('filters services by organization_id, taxonomy_term_id, taxonomy_id and search', async () => {
    const dpf = hsdsIdOf({ id: 'org_dayi-dpf' });
    const byOrg = await get(`/services?organization_id=${dpf}`);
    expect(byOrg.body.contents?.map((s) => s['name'])).toEqual(['融乐阳光家园']);
    const elderly = await get(`/services?taxonomy_term_id=${termId('category', 'ELDERLY_CARE')}&per_page=100`);
    const expected = stakeholders.services.filter((s) => s.categories.includes('ELDERLY_CARE') && s.status !== 'PLANNED').length;
    expect(elderly.body['total_items']).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    const withEligibility = await get(`/services?taxonomy_id=${taxonomyId('eligibility')}&per_page=100`);
    expect((withEligibility.body['total_items'] as number) > 0).toBe(true);
    expect((await get(`/services?search=${encodeURIComponent('阳光家园')}`)).body['total_items']).toBe(1);
  });

  it('gives one service, organisation and service_at_location by id, fully nested', async () => {
    const id = hsdsIdOf(station);
    const service = await get(`/services/${id}`);
    expect(service.status).toBe(200);
    expect(service.body['name']).toBe(station.name);
    expect(service.body['service_areas']).toEqual([expect.objectContaining({ uri: 'urn:cn-division:510129001000' })]);
    const org = await get(`/organizations/${hsdsIdOf({ id: station.organizationId })}?full_service=true`);
    expect((org.body['services'] as Array<Record<string, unknown>>).map((s) => s['id'])).toContain(id);
    expect((org.body['services'] as Array<Record<string, unknown>>)[0]?.['attributes']).toBeDefined();
    const sals = await get('/service_at_locations?per_page=100');
    const first = sals.body.contents?.[0] as { id: string; service_id: string };
    const sal = await get(`/service_at_locations/${first.id}`);
    expect(sal.body['service']).toEqual(expect.objectContaining({ id: first.service_id }));
    const orgs = await get('/organizations?search=残联');
    expect(orgs.body['total_items']).toBe(1);
  });

  it('lists taxonomies and their terms, by taxonomy', async () => {
    const taxonomies = await get('/taxonomies');
    expect(taxonomies.body.contents?.map((t) => t['name'])).toContain('huzhu-category');
    const categoryTaxonomy = taxonomies.body.contents?.find((t) => t['name'] === 'huzhu-category')?.['id'] as string;
    const terms = await get(`/taxonomy_terms?taxonomy_id=${categoryTaxonomy}&per_page=100`);
    expect(terms.body.contents?.map((t) => t['code'])).toEqual(expect.arrayContaining(['MEDICAL', 'ELDERLY_CARE', 'EDUCATION', 'DISABILITY', 'EMPLOYMENT']));
    expect((await get(`/taxonomy_terms/${termId('category', 'MEDICAL')}`)).body['name']).toBe('医疗');
    expect((await get(`/taxonomies/${categoryTaxonomy}`)).status).toBe(200);
  });

  it('hides PROSPECTIVE organisations and PLANNED services unless include_prospective=true', async () => {
    const orgId = hsdsIdOf({ id: prospectiveOrg });
    expect((await get(`/organizations/${orgId}`)).status).toBe(404);
    expect((await get(`/organizations/${orgId}?include_prospective=true`)).status).toBe(200);
    const published = (await get('/organizations?per_page=100')).body.contents?.map((o) => o['id']);
    expect(published).not.toContain(orgId);
    expect((await get('/organizations?per_page=100&include_prospective=true')).body.contents?.map((o) => o['id'])).toContain(orgId);
    if (plannedService) {
      expect((await get(`/services/${hsdsIdOf(plannedService)}`)).status).toBe(404);
      expect((await get(`/services/${hsdsIdOf(plannedService)}?include_prospective=true`)).status).toBe(200);
    }
    const services = (await get('/services?per_page=100&full=true')).body.contents ?? [];
    expect(services.flatMap((s) => (s['attributes'] as Array<{ taxonomy_term?: { code?: string } }>).map((a) => a.taxonomy_term?.code))).not.toContain('PLANNED');
  });

  it('never shows household, need or referral data in any answer', async () => {
    const paths = ['/services?full=true&per_page=100&include_prospective=true', '/organizations?full_service=true&per_page=100&include_prospective=true', '/service_at_locations?full=true&per_page=100&include_prospective=true', '/taxonomy_terms?per_page=100', '/taxonomies'];
    const texts = await Promise.all(paths.map(async (p) => (await get(p)).text));
    const bodies = [...texts, (await get(`/services/${hsdsIdOf(station)}`)).text].join('\n');
    expect(bodies.length).toBeGreaterThan(10_000);
    for (const secret of [household.id, secretName, '13800000000', 'HH-HSDS-0001', need.id, need.description, referral.id, 'hsds-test-referral']) expect(bodies).not.toContain(secret);
    // activeReferrals shows only as a count: the station service's available places.
    const sal = JSON.parse(texts[0]!) as { contents: Array<{ id: string; capacities?: Array<{ available: number; maximum: number }> }> };
    const stationService = sal.contents.find((s) => s.id === hsdsIdOf(station));
    if (station.capacity !== null) expect(stationService?.capacities?.[0]).toMatchObject({ maximum: station.capacity, available: station.capacity - 1 });
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        walk(x);
      }
    };
    texts.forEach((t) => walk(JSON.parse(t)));
    expect([...keys].filter((k) => /household|need|referral|person|consent/i.test(k))).toEqual([]);
  });

  it('answers errors as JSON with a code: unknown id 404, bad parameter 400, a write 405', async () => {
    const missing = await get('/services/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body['error']).toMatchObject({ code: 'NOT_FOUND' });
    const unknownParam = await get('/services?colour=red');
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body['error']).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'colour' });
    expect((await get('/services?per_page=1000')).body['error']).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'per_page' });
    expect((await get('/services?modified_after=2026-01-01')).status).toBe(400);
    expect((await get('/service_at_locations?postcode=611300')).body['error']).toMatchObject({ parameter: 'postcode' });
    expect((await get('/nothing')).status).toBe(404);
    const post = await get('/services', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(405);
    expect(post.body['error']).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });
});
