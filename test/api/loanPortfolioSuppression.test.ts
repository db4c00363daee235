import type { Household, Loan } from '../../src/domain/model';
import type { GraphStore } from '../../src/store/GraphStore';
import { BUILT_ON, aHousehold, aTownship, aVillage, smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { nonEmpty } from '../support/nonEmpty';
import { describeEachStore } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * loanPortfolio's small-cell suppression read as an attacker would read it
 * (issue 15 item 3): a DESIGNER (may not read finances) gets the county's
 * loan book on a synthetic multi-township portfolio where township A has 2
 * LIVESTOCK loans and the county 3 loans of 30,000 yuan or more. Every sum the
 * report's meaning implies — rows (a township's purposes = its total), columns
 * (a county purpose = that purpose over the townships), the county total by
 * purpose, by band and by township, and the share under 30,000 (the three
 * lower bands given the total) — is an equation over the published cells; no
 * hidden cell may be determined by them, alone or combined.
 */
const PORTFOLIO = `query($t: ID) { loanPortfolio(townshipId: $t) {
  loans under30kPercent
  byPurpose { purpose loans sharePercent differencePoints }
  byAmount { band loans }
  byTownship { townshipId loans byPurpose { purpose loans } }
} }`;

interface Portfolio {
  loans: number | null;
  under30kPercent: number | null;
  byPurpose: Array<{ purpose: string; loans: number | null; sharePercent: number | null; differencePoints: number | null }>;
  byAmount: Array<{ band: string; loans: number | null }>;
  byTownship: Array<{ townshipId: string; loans: number | null; byPurpose: Array<{ purpose: string; loans: number | null }> }>;
}

/** One published cell: its name (for messages) and value (null when hidden). */
interface Cell {
  name: string;
  value: number | null;
}
/** Σ parts = Σ totals, or Σ parts = constant (a share that pins a count). */
interface Equation {
  what: string;
  totals: Cell[];
  parts: Cell[];
  constant?: number;
}

/** Every equation the report's meaning gives an attacker, built from the published answer (not from the server's declarations). */
function equationsOf(p: Portfolio): { cells: Cell[]; equations: Equation[] } {
  const total: Cell = { name: 'county total', value: p.loans };
  const purposes = p.byPurpose.map((r) => ({ purpose: r.purpose, cell: { name: `county ${r.purpose}`, value: r.loans } }));
  const bands = p.byAmount.map((b) => ({ band: b.band, cell: { name: `band ${b.band}`, value: b.loans } }));
  const townships = p.byTownship.map((t) => ({
    total: { name: `${t.townshipId} total`, value: t.loans },
    purposes: t.byPurpose.map((c) => ({ purpose: c.purpose, cell: { name: `${t.townshipId} ${c.purpose}`, value: c.loans } })),
  }));
  const equations: Equation[] = [
    { what: 'county total = Σ purposes', totals: [total], parts: purposes.map((x) => x.cell) },
    { what: 'county total = Σ amount bands', totals: [total], parts: bands.map((x) => x.cell) },
    { what: 'county total = Σ townships', totals: [total], parts: townships.map((t) => t.total) },
    ...townships.map((t) => ({ what: `${t.total.name} = Σ its purposes`, totals: [t.total], parts: t.purposes.map((x) => x.cell) })),
    ...purposes.map(({ purpose, cell }) => ({
      what: `${cell.name} = Σ townships' ${purpose}`,
      totals: [cell],
      parts: townships.map((t) => t.purposes.find((x) => x.purpose === purpose)!.cell),
    })),
  ];
  // under30kPercent (one decimal) with a visible total pins the count under 30,000 when only one count rounds to it.
  if (p.under30kPercent !== null && p.loans !== null) {
    const t = p.loans;
    const counts = Array.from({ length: t + 1 }, (_, k) => k).filter((k) => Math.round((k / t) * 1000) / 10 === p.under30kPercent);
    if (counts.length === 1) {
      equations.push({ what: 'Σ bands under 30,000 = under30kPercent × total', totals: [], parts: bands.filter((b) => b.band !== '30K_PLUS').map((b) => b.cell), constant: counts[0]! });
    }
  }
  const cells = [total, ...purposes.map((x) => x.cell), ...bands.map((x) => x.cell), ...townships.flatMap((t) => [t.total, ...t.purposes.map((x) => x.cell)])];
  return { cells, equations };
}

/** Rank of a small real matrix (Gaussian elimination; entries are small integers, so a tolerance is safe). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c += 1) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i += 1) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) m[i] = m[i]!.map((v, j) => v - f * m[r]![j]!);
    }
    r += 1;
  }
  return r;
}

/**
 * The attacker: (1) each equation alone — a hidden cell that is the only hidden member of one is solved; (2) all
 * equations together — a hidden cell whose unit vector lies in the span of the equations' hidden coefficients is
 * determined (whatever the visible cells are). Returns the names of the hidden cells that can be recomputed.
 */
function recoverable(p: Portfolio): string[] {
  const { cells, equations } = equationsOf(p);
  const hidden = cells.filter((c) => c.value === null);
  const found = new Set<string>();
  for (const eq of equations) {
    const unknown = [...eq.totals, ...eq.parts].filter((c) => c.value === null);
    if (unknown.length === 1) found.add(`${unknown[0]!.name} (from ${eq.what})`);
  }
  const rows = equations.map((eq) => hidden.map((h) => (eq.totals.includes(h) ? 1 : 0) - (eq.parts.includes(h) ? 1 : 0))).filter((row) => row.some((v) => v !== 0));
  const base = rank(rows);
  hidden.forEach((h, j) => {
    const unit = hidden.map((_, i) => (i === j ? 1 : 0));
    if (rows.length > 0 && rank([...rows, unit]) === base) found.add(`${h.name} (from the equations together)`);
  });
  return [...found].sort();
}

describeEachStore('loanPortfolio small cells against an attacker ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let net: SmallNetwork;
  let admin: string;
  let designer: string;
  let townshipA: string;

  beforeAll(async () => {
    store = await adapter.open();
    net = smallNetwork();
    await storeNetwork(store, net);
    // A third township, so the county has three townships of borrowers (synthetic).
    const t3 = aTownship({ kind: 'TOWN' });
    const v4 = aVillage({ townshipId: t3.id });
    await store.upsertMany('Township', [t3]);
    await store.upsertMany('Village', [v4]);
    const officer = net.people[3].id;
    // Loans by township and purpose (smallNetwork adds one COMMERCE loan in township A). Township A: 2 LIVESTOCK.
    const plan: Array<[string, Record<Loan['purpose'], number>]> = [
      [net.villages[0].id, { COMMERCE: 12, LIVESTOCK: 2, PLANTING: 6, OTHER: 5 }],
      [net.villages[2].id, { COMMERCE: 15, LIVESTOCK: 10, PLANTING: 7, OTHER: 6 }],
      [v4.id, { COMMERCE: 11, LIVESTOCK: 9, PLANTING: 8, OTHER: 5 }],
    ];
    const amounts = [5_000, 15_000, 25_000];
    let over30k = 3; // the county's three loans of 30,000 or more: the first three of township B
    const households: Household[] = [];
    for (const [villageId, byPurpose] of plan) {
      for (const purpose of Object.keys(byPurpose) as Array<Loan['purpose']>) {
        for (let i = 0; i < byPurpose[purpose]; i += 1) {
          const bigOne = villageId === net.villages[2].id && over30k > 0;
          if (bigOne) over30k -= 1;
          const amountYuan = bigOne ? 35_000 : amounts[households.length % amounts.length]!;
          households.push(aHousehold({ villageId, loan: { creditOfficerId: officer, amountYuan, purpose, since: BUILT_ON } }));
        }
      }
    }
    await store.upsertMany('Household', households);
    townshipA = net.townships[0].id;
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
  });
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  async function portfolio(token: string, townshipId: string | null): Promise<Portfolio> {
    const res = await server.gql<{ loanPortfolio: Portfolio }>(PORTFOLIO, { t: townshipId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.loanPortfolio;
  }

  it('lets no hidden cell of the county book be recomputed from the visible ones (rows, columns, bands, under30kPercent)', async () => {
    // The portfolio the test means (ADMIN, in full): township A has 2 LIVESTOCK loans, the county 3 of 30,000 or more.
    const full = await portfolio(admin, null);
    expect(full.byTownship.find((t) => t.townshipId === townshipA)!.byPurpose.find((c) => c.purpose === 'LIVESTOCK')!.loans).toBe(2);
    expect(full.byAmount.find((b) => b.band === '30K_PLUS')!.loans).toBe(3);
    expect(full.byTownship.filter((t) => (t.loans ?? 0) > 0)).toHaveLength(3);

    const shown = await portfolio(designer, null);
    // The small cells this portfolio was built around are hidden, so the attacker has something to attack.
    expect(shown.byTownship.find((t) => t.townshipId === townshipA)!.byPurpose.find((c) => c.purpose === 'LIVESTOCK')!.loans).toBeNull();
    expect(shown.byAmount.find((b) => b.band === '30K_PLUS')!.loans).toBeNull();
    nonEmpty(equationsOf(shown).cells.filter((c) => c.value === null), 'hidden cell');
    expect(recoverable(shown)).toEqual([]);
    // The share under 30,000 would rebuild the hidden band (total − under-30K count): hidden with it.
    expect(shown.under30kPercent).toBeNull();
  });
});
