import { buildASTSchema, parse } from 'graphql';
import { checkFreeText } from '../../src/api/auth/checkFreeText';
import { NOT_FREE_TEXT } from '../../src/api/auth/freeTextRules';
import { loadTypeDefs } from '../../src/api/loadTypeDefs';
import type { GraphStore } from '../../src/store/GraphStore';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { accessWorld, post, storeAccessWorld, tokensFor, viewersOf } from './accessWorld';

/**
 * Issue 10, item 3: free text about a family is sensitive. A referral's
 * override reason and its transitions' notes are CASE_NOTES: never shown for
 * REPORTING, not to a volunteer, and to the partner NGO the referral is
 * addressed to only while the family's consent covers it; and start-up
 * refuses a schema with an unmarked String field on a family's records.
 */
const world = accessWorld();
const { refA, refB } = world.referrals;
const NOTES = `query($id: ID!) { node(id: $id) { ... on Referral { id consentOverrideReason transitions { status note } } } }`;
type Notes = { id: string; consentOverrideReason: string | null; transitions: Array<{ status: string; note: string | null }> } | null;

describeEachStore('case notes ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let tokens: Map<string, string | null>;

  beforeAll(async () => {
    store = await adapter.open();
    await storeAccessWorld(store, world);
    server = await startTestServer(store);
    tokens = await tokensFor(server, viewersOf(world));
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  async function notes(viewer: string, id: string, purpose?: string): Promise<Notes> {
    const res = await post(server, NOTES, { token: tokens.get(viewer) ?? null, variables: { id }, ...(purpose ? { purpose } : {}) });
    expect(res.json?.errors).toBeUndefined();
    return (res.json?.data as { node: Notes }).node;
  }

  it('shows a coordinator the notes and the override reason for case management, and neither for REPORTING', async () => {
    expect((await notes('COORDINATOR_T1', refA.id))?.transitions[0]?.note).toContain('CANARY-NOTE-refA');
    expect((await notes('COORDINATOR_T2', refB.id))?.consentOverrideReason).toContain('CANARY-OVERRIDE-refB');
    for (const [viewer, id] of [['COORDINATOR_T1', refA.id], ['COORDINATOR_T2', refB.id], ['ADMIN', refA.id], ['ADMIN', refB.id]] as const) {
      const seen = await notes(viewer, id, 'REPORTING');
      expect(seen?.id).toBe(id);
      expect(seen?.consentOverrideReason).toBeNull();
      expect(seen?.transitions.map((t) => t.note)).toEqual([null]);
    }
  });

  it("shows a volunteer the referral of its village but not the notes written on it", async () => {
    const seen = await notes('VOLUNTEER_V1', refA.id);
    expect(seen?.id).toBe(refA.id);
    expect(seen?.transitions.map((t) => t.note)).toEqual([null]);
  });

  it('shows the partner NGO the notes while the consent covers the referral, and not from the request after its withdrawal', async () => {
    expect((await notes('PARTNER', refA.id))?.transitions[0]?.note).toContain('CANARY-NOTE-refA');
    const withdrawn = await post(server, 'mutation($id: ID!) { withdrawConsent(id: $id) { id active } }', {
      token: tokens.get('SOCIAL_WORKER_V1') ?? null,
      variables: { id: world.consents.cnsA.id },
    });
    expect(withdrawn.json?.errors).toBeUndefined();
    const after = await notes('PARTNER', refA.id);
    // The referral itself stays visible to the organisation it was sent to; its notes do not.
    expect(after?.id).toBe(refA.id);
    expect(after?.transitions.map((t) => t.note)).toEqual([null]);
  });
});

describe('the free-text rule at start-up', () => {
  const schemaWith = (extra: string) => buildASTSchema(parse(`${loadTypeDefs()}\n${extra}`));

  it('passes for the schema as it stands', () => {
    expect(checkFreeText(schemaWith(''))).toEqual([]);
  });

  it.each([
    ['a new note on a need', 'extend type Need { visitNote: String }', 'Need.visitNote'],
    ['a list of remarks on a household', 'extend type Household { remarks: [String!] }', 'Household.remarks'],
    ['a text field of a value object under a referral', 'type ReferralFollowUp { text: String }\nextend type Referral { followUp: ReferralFollowUp }', 'ReferralFollowUp.text'],
    ['free text on a consent', 'extend type Consent { familyComment: String }', 'Consent.familyComment'],
  ])('refuses %s that is not @sensitive', (_, sdl, coordinate) => {
    const problems = checkFreeText(schemaWith(sdl));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(coordinate);
  });

  it('accepts the same field once it is @sensitive, and refuses an allow-list entry for a field that does not exist', () => {
    expect(checkFreeText(schemaWith('extend type Need { visitNote: String @sensitive(kind: CASE_NOTES) }'))).toEqual([]);
    const problems = checkFreeText(schemaWith(''), { ...NOT_FREE_TEXT, 'Need.nothingHere': 'synthetic' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Need.nothingHere');
  });

  it('keeps the allow-list small: ids set by the server and category codes only', () => {
    const problems = checkFreeText(schemaWith(''), {});
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['Assistance.actorId', 'Consent.categories', 'Consent.recordedBy', 'Need.category', 'ReferralTransition.actorId']);
  });
});
