import { randomUUID } from 'node:crypto';
import type { Household, Service } from '../../src/domain/model';
import { trustPath, withHousehold } from '../../src/graph';
import { networkView } from '../../src/services/networkSnapshot';
import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 15 item 3 over HTTP on the synthetic seed: the micro-credit company's
 * own view — its officers' caseloads, a credit officer's own borrowers, and
 * the loan book beside the 2021 annual report.
 */
const PORTFOLIO = `query($t: ID) { loanPortfolio(townshipId: $t) {
  townshipId loans under30kPercent calibration suppressed
  byPurpose { purpose labelZh loans sharePercent reportPercent differencePoints suppressed }
  byAmount { band loans suppressed }
  byTownship { townshipId townshipName loans byPurpose { purpose loans suppressed } suppressed }
  report { index commercePercent livestockPercent plantingPercent otherPercent }
} }`;
const OFFICERS = `{ creditOfficers { officer { id name } borrowers openNeeds referralsThroughOfficer suppressed } }`;
const BORROWERS = `query($after: String) { myBorrowers(first: 50, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id loan { amountYuan creditOfficer { id } } markers }
} }`;

interface Portfolio {
  townshipId: string | null;
  loans: number | null;
  under30kPercent: number | null;
  calibration: string;
  byPurpose: Array<{ purpose: string; labelZh: string; loans: number | null; sharePercent: number | null; reportPercent: number; differencePoints: number | null; suppressed: boolean }>;
  byAmount: Array<{ band: string; loans: number | null; suppressed: boolean }>;
  byTownship: Array<{ townshipId: string; loans: number | null; byPurpose: Array<{ loans: number | null }>; suppressed: boolean }>;
  report: Array<{ index: number; commercePercent: number }>;
}
interface OfficerRow {
  officer: { id: string; name: string };
  borrowers: number | null;
  openNeeds: number | null;
  referralsThroughOfficer: number | null;
  suppressed: boolean;
}
interface BorrowerPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{ id: string; loan: { amountYuan: number | null; creditOfficer: { id: string } } | null; markers: string[] | null }>;
}

describeEachStore('the credit company\'s view ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;
  let officerId: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 2000, seed: 7 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    officerId = nonEmpty(await listAll(store, 'Person', { role: 'CREDIT_OFFICER' }), 'credit officer')[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it("sets the seed's loan book beside the annual report: purpose shares within a few points of its last year, most loans under 30,000", async () => {
    const res = await server.gql<{ loanPortfolio: Portfolio }>(PORTFOLIO, {}, admin);
    expect(res.errors).toBeUndefined();
    const book = res.data!.loanPortfolio;
    const households = await listAll(store, 'Household', {});
    const loans = households.filter((h) => h.loan !== null);
    expect(book.loans).toBe(loans.length);
    expect(book.byPurpose.map((r) => r.labelZh)).toEqual(['工商业', '养殖', '种植', '消费及其他']);
    for (const row of book.byPurpose) {
      expect(row.loans).toBe(loans.filter((h) => h.loan!.purpose === row.purpose).length);
      expect(Math.abs(row.differencePoints!)).toBeLessThanOrEqual(5);
    }
    expect(book.byPurpose.map((r) => r.reportPercent)).toEqual([58, 23, 13, 6]);
    expect(book.report.map((y) => y.commercePercent)).toEqual([52, 54, 58]);
    expect(book.byAmount.reduce((sum, b) => sum + b.loans!, 0)).toBe(loans.length);
    expect(book.under30kPercent).toBeGreaterThan(50);
    expect(book.byTownship.reduce((sum, t) => sum + t.loans!, 0)).toBe(loans.length);
    expect(book.calibration).toMatch(/合成数据/);
  });

  it('gives each officer its caseload: borrowers, open needs among them, referrals through them', async () => {
    const res = await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, admin);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.creditOfficers;
    const households = await listAll(store, 'Household', {});
    const open = await listAll(store, 'Need', { status: 'OPEN' });
    expect(rows.length).toBe((await listAll(store, 'Person', { role: 'CREDIT_OFFICER' })).length);
    for (const row of nonEmpty(rows, 'officer row')) {
      const mine = new Set(households.filter((h) => h.loan?.creditOfficerId === row.officer.id).map((h) => h.id));
      expect(row.borrowers).toBe(mine.size);
      expect(row.openNeeds).toBe(open.filter((n) => mine.has(n.householdId)).length);
      expect(row.referralsThroughOfficer).not.toBeNull();
    }
    expect(rows.reduce((sum, r) => sum + r.borrowers!, 0)).toBe(households.filter((h) => h.loan !== null).length);
  });

  it('shows a CREDIT_OFFICER its own borrowers, paged, with their loans, and nothing else at household level', async () => {
    const token = await server.token({ sub: 'test-credit-officer', role: 'CREDIT_OFFICER', person: officerId });
    const expected = (await listAll(store, 'Household', {})).filter((h) => h.loan?.creditOfficerId === officerId).map((h) => h.id).sort();
    expect(expected.length).toBeGreaterThan(50); // more than one page
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { myBorrowers: BorrowerPage } | null; errors?: unknown } = await server.gql<{ myBorrowers: BorrowerPage }>(BORROWERS, { after }, token);
      expect(res.errors).toBeUndefined();
      const page: BorrowerPage = res.data!.myBorrowers;
      expect(page.totalCount).toBe(expected.length);
      for (const h of page.nodes) {
        expect(h.loan?.creditOfficer.id).toBe(officerId);
        expect(h.loan?.amountYuan).toEqual(expect.any(Number)); // FINANCE: the officer's own loans
        expect(h.markers).toBeNull(); // SOCIAL_ASSISTANCE: not the company's business
      }
      seen.push(...page.nodes.map((h) => h.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    // Another officer's borrower behaves as not found; the case-work lists are not the officer's.
    const other = (await listAll(store, 'Household', {})).find((h) => h.loan !== null && h.loan.creditOfficerId !== officerId)!;
    const node = await server.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: other.id }, token);
    expect(node.data?.node ?? null).toBeNull();
    const list = await server.gql('{ households(first: 5) { totalCount } }', {}, token);
    expect(list.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const referrals = await server.gql('{ referrals(first: 5) { totalCount } }', {}, token);
    expect(referrals.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // Its caseload: its own row only, in full.
    const own = await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, token);
    expect(own.data!.creditOfficers.map((r) => [r.officer.id, r.borrowers])).toEqual([[officerId, expected.length]]);
  });

  it("counts a new referral of a borrower whose trust path runs through the officer: that officer's referralsThroughOfficer moves from N to N+1, no other officer's", async () => {
    const before = (await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, admin)).data!.creditOfficers;
    const n = before.find((r) => r.officer.id === officerId)!.referralsThroughOfficer;
    expect(n).toEqual(expect.any(Number));

    // A borrower of the officer and an ACTIVE service with room (the seed sends no referrals) whose best trust path (on the
    // network as it is now, as creditView computes it) runs through the officer's LOAN tie.
    const view = await networkView(store);
    const borrowers = (await listAll(store, 'Household', { creditOfficerId: officerId })).sort((a, b) => a.id.localeCompare(b.id));
    const services = (await listAll(store, 'Service', { status: 'ACTIVE' })).filter((s) => (s.capacity === null || s.capacity > 0) && view.graph.hasNode(s.id)).sort((a, b) => a.id.localeCompare(b.id));
    let pick: { household: Household; service: Service } | undefined;
    for (const household of borrowers) {
      const network = withHousehold(view.graph, household);
      pick = services.map((service) => ({ household, service })).find(({ service }) => trustPath(network, household.id, service.id)?.steps.some((s) => s.toId === officerId));
      if (pick) break;
    }
    expect(pick).toBeDefined();
    const { household, service } = pick!;
    const category = service.categories[0]!;

    // The referral as a coordinator would make it: a need, the family's consent for the category, the referral.
    const need = await server.gql<{ recordNeed: { id: string } }>(
      'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
      { input: { householdId: household.id, category, urgency: 'MEDIUM', idempotencyKey: randomUUID() } },
      admin,
    );
    expect(need.errors).toBeUndefined();
    const consent = await server.gql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId: household.id, categories: [category] } }, admin);
    expect(consent.errors).toBeUndefined();
    const referral = await server.gql(
      'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
      { input: { needId: need.data!.recordNeed.id, serviceId: service.id, idempotencyKey: randomUUID() } },
      admin,
    );
    expect(referral.errors).toBeUndefined();

    const after = (await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, admin)).data!.creditOfficers;
    expect(after.find((r) => r.officer.id === officerId)!.referralsThroughOfficer).toBe(n! + 1);
    const others = (rows: OfficerRow[]) => rows.filter((r) => r.officer.id !== officerId).map((r) => [r.officer.id, r.referralsThroughOfficer]);
    expect(others(after)).toEqual(others(before));
  });

  it('gives a CREDIT_OFFICER its own caseload without the referral count (its read rules say Referral: NONE); an ADMIN gets the count', async () => {
    const token = await server.token({ sub: 'test-credit-officer', role: 'CREDIT_OFFICER', person: officerId });
    const own = await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, token);
    expect(own.errors).toBeUndefined();
    const [row] = nonEmpty(own.data!.creditOfficers, 'own caseload row');
    expect(row).toMatchObject({ officer: { id: officerId }, borrowers: expect.any(Number), referralsThroughOfficer: null });
    const all = (await server.gql<{ creditOfficers: OfficerRow[] }>(OFFICERS, {}, admin)).data!.creditOfficers;
    expect(all.find((r) => r.officer.id === officerId)!.referralsThroughOfficer).toEqual(expect.any(Number));
  });

  it('refuses myBorrowers to other roles (only a credit officer has borrowers)', async () => {
    const designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    expect((await server.gql(BORROWERS, {}, designer)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await server.gql(BORROWERS, {}, admin)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('suppresses small loan cells, and the shares made from them, for a role that may not read finances', async () => {
    const designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    const full = (await server.gql<{ loanPortfolio: Portfolio }>(PORTFOLIO, {}, admin)).data!.loanPortfolio;
    // The township whose breakdown has a small cell for the admin, so the designer's answer is a real test.
    const small = (n: number | null) => n !== null && n > 0 && n < 5;
    const township = full.byTownship.find((t) => t.byPurpose.some((p) => small(p.loans)) || small(t.loans));
    expect(township).toBeDefined();
    const res = await server.gql<{ loanPortfolio: Portfolio }>(PORTFOLIO, { t: township!.townshipId }, designer);
    expect(res.errors).toBeUndefined();
    const shown = res.data!.loanPortfolio;
    const cells = [shown.loans, ...shown.byPurpose.map((r) => r.loans), ...shown.byAmount.map((b) => b.loans), ...shown.byTownship.flatMap((t) => [t.loans, ...t.byPurpose.map((p) => p.loans)])];
    expect(cells.some(small)).toBe(false);
    expect(cells).toContain(null);
    // The township's small purpose cell is a row of its book: hidden, with its share and difference.
    for (const row of nonEmpty(shown.byPurpose.filter((r) => r.loans === null), 'hidden purpose row')) expect([row.sharePercent, row.differencePoints]).toEqual([null, null]);
    // Complementary: a hidden purpose cell is never the township total minus the visible ones (two hidden, or the total).
    const row = shown.byTownship[0]!;
    const hidden = nonEmpty(row.byPurpose.filter((p) => p.loans === null), "hidden cell of the township's row");
    expect(hidden.length >= 2 || row.loans === null).toBe(true);
  });
});
