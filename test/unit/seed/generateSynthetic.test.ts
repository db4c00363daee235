import type { ZodType } from 'zod';
import { Household, Need, Person, Relationship, type EntityMap } from '../../../src/domain/model';
import { vulnerabilityScore } from '../../../src/domain/vulnerabilityIndex';
import { generateSynthetic, type SyntheticBatch } from '../../../src/seed/generateSynthetic';
import { PLANNED_LIAISON_NOTE, SYNTHETIC_PEOPLE, SYNTHETIC_TIE_NOTE } from '../../../src/seed/generateSyntheticPeople';
import { loadSyntheticWorld } from '../../../src/seed/syntheticWorld';

const world = loadSyntheticWorld();

function collect(households: number, seed: number, batchSize?: number) {
  const batches: SyntheticBatch[] = [...generateSynthetic({ households, seed, world, ...(batchSize ? { batchSize } : {}) })];
  const rows = <K extends SyntheticBatch['kind']>(kind: K) =>
    batches.filter((b) => b.kind === kind).flatMap((b) => b.rows as Array<EntityMap[K]>);
  return {
    batches,
    people: rows('Person'),
    relationships: rows('Relationship'),
    households: rows('Household'),
    needs: rows('Need'),
  };
}

const sample = collect(20_000, 20261127);
const share = (count: number) => count / sample.households.length;
const withMarker = (m: Household['markers'][number]) => sample.households.filter((h) => h.markers.includes(m)).length;

describe('generateSynthetic: determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(JSON.stringify(collect(2000, 7).batches)).toBe(JSON.stringify(collect(2000, 7).batches));
  });

  it('gives different households for a different seed', () => {
    expect(JSON.stringify(collect(200, 7).households)).not.toBe(JSON.stringify(collect(200, 8).households));
  });

  it('gives the same first rows whatever the total and the batch size', () => {
    const small = collect(300, 7, 64);
    const large = collect(3000, 7, 1000);
    expect(large.households.slice(0, 300)).toEqual(small.households);
    expect(large.people).toEqual(small.people);
  });

  it('ids households and needs from their sequence number, so reruns hit the same ids', () => {
    expect(sample.households[0]?.id).toBe('hh_s0000001');
    expect(sample.households[19_999]?.id).toBe('hh_s0020000');
    for (const n of sample.needs.slice(0, 50)) expect(n.id).toMatch(/^need_s\d{7}-[12]$/);
  });
});

describe('generateSynthetic: streaming', () => {
  it('yields people and ties first, then households in batches of at most batchSize', () => {
    const { batches } = collect(12_000, 1, 5000);
    expect(batches.slice(0, 2).map((b) => b.kind)).toEqual(['Person', 'Relationship']);
    const householdBatches = batches.filter((b) => b.kind === 'Household').map((b) => b.rows.length);
    expect(householdBatches).toEqual([5000, 5000, 2000]);
  });

  it('reports progress after each household batch', () => {
    const seen: number[] = [];
    const run = generateSynthetic({ households: 12_000, seed: 1, world, batchSize: 5000, onProgress: (p) => seen.push(p.households) });
    for (const _batch of run) void _batch;
    expect(seen).toEqual([5000, 10_000, 12_000]);
  });

  it('builds the next household batch only when the consumer asks for it', () => {
    let reported = 0;
    const run = generateSynthetic({ households: 1_000_000, seed: 1, world, batchSize: 5000, onProgress: () => reported++ });
    const kinds = [run.next(), run.next(), run.next(), run.next(), run.next()].map((r) => r.value?.kind);
    expect(kinds).toEqual(['Person', 'Relationship', 'Household', 'Need', 'Household']);
    expect(reported).toBe(1);
    run.return();
  });

  it('generates only the people when asked for no households', () => {
    expect(collect(0, 1).batches.map((b) => b.kind)).toEqual(['Person', 'Relationship']);
  });

  it('rejects a negative household count', () => {
    expect(() => [...generateSynthetic({ households: -1, seed: 1, world })]).toThrow(/whole number >= 0/);
  });
});

describe('generateSynthetic: every row is valid and synthetic', () => {
  it('passes the domain schemas', () => {
    const invalid = (schema: ZodType, rows: ReadonlyArray<{ id: string }>) =>
      rows.filter((row) => !schema.safeParse(row).success).map((row) => row.id);
    expect(invalid(Person, sample.people)).toEqual([]);
    expect(invalid(Relationship, sample.relationships)).toEqual([]);
    expect(invalid(Household, sample.households)).toEqual([]);
    expect(invalid(Need, sample.needs)).toEqual([]);
  });

  it('flags people, households and needs synthetic, and notes synthetic ties', () => {
    expect([...sample.people, ...sample.households, ...sample.needs].every((row) => row.synthetic === true)).toBe(true);
    const planned = new Set(sample.people.filter((p) => p.name.startsWith('联络员（拟）')).map((p) => p.id));
    for (const r of sample.relationships) {
      // A planned liaison's tie says it is a planning assumption.
      expect(r.note).toBe(planned.has(r.fromId) ? PLANNED_LIAISON_NOTE : SYNTHETIC_TIE_NOTE);
      expect(r.id).toMatch(/^rel_syn-/);
    }
  });

  it('uses placeholder names, fake phone numbers and no ID numbers', () => {
    const realLooking = sample.households.filter(
      (h) => !/^户主-\d{7}$/.test(h.head.name) || h.head.idNumber !== null || (h.head.phone !== null && !/^1\d\d-0000-\d{4}$/.test(h.head.phone)),
    );
    expect(realLooking).toEqual([]);
    for (const p of sample.people) expect(p.name).toMatch(/^(联络员|联络员（拟）|志愿者|社工|信贷员|社区发展专员)-/);
  });

  it('gives every household a unique SYN code naming its real village', () => {
    const codeById = new Map(world.places.villages.map((v) => [v.id, v.code]));
    const wrong = sample.households.filter((h) => !h.householdCode?.startsWith(`SYN-${codeById.get(h.villageId)}-`));
    expect(wrong).toEqual([]);
    expect(new Set(sample.households.map((h) => h.householdCode)).size).toBe(sample.households.length);
  });

  it('stores the vulnerability score the domain index computes', () => {
    expect(sample.households.filter((h) => h.vulnerabilityScore !== vulnerabilityScore(h))).toEqual([]);
    expect(sample.households.some((h) => h.vulnerabilityScore > 0)).toBe(true);
  });
});

describe('generateSynthetic: people', () => {
  const withRole = (role: Person['roles'][number]) => sample.people.filter((p) => p.roles.includes(role));
  const townshipIds = world.places.townships.map((t) => t.id).sort();

  const tiesOf = (id: string) => sample.relationships.filter((r) => r.fromId === id || r.toId === id);

  it('has an ESTABLISHED liaison in each of 24 villages (the network\'s record), covering every township', () => {
    const liaisons = withRole('LIAISON').filter((p) => tiesOf(p.id).some((r) => r.status === 'ESTABLISHED'));
    expect(liaisons).toHaveLength(24);
    expect(new Set(liaisons.flatMap((p) => p.villageIds)).size).toBe(24);
    expect([...new Set(liaisons.flatMap((p) => p.townshipIds))].sort()).toEqual(townshipIds);
  });

  it('plans liaisons in 10 more villages (BUILDING) and 6 (PROSPECTIVE), none of them where one is established', () => {
    const established = new Set(
      withRole('LIAISON')
        .filter((p) => tiesOf(p.id).some((r) => r.status === 'ESTABLISHED'))
        .flatMap((p) => p.villageIds),
    );
    const planned = withRole('LIAISON').filter((p) => !tiesOf(p.id).some((r) => r.status === 'ESTABLISHED'));
    const statuses = planned.map((p) => tiesOf(p.id).map((r) => r.status));
    expect(statuses.filter((s) => s.join() === 'BUILDING')).toHaveLength(SYNTHETIC_PEOPLE.buildingLiaisonVillages);
    expect(statuses.filter((s) => s.join() === 'PROSPECTIVE')).toHaveLength(SYNTHETIC_PEOPLE.prospectiveLiaisonVillages);
    for (const p of planned) {
      expect(p.name).toMatch(/^联络员（拟）-/);
      expect(p.villageIds).toHaveLength(1);
      expect(established.has(p.villageIds[0]!)).toBe(false);
    }
    expect(new Set(planned.flatMap((p) => p.villageIds)).size).toBe(planned.length);
  });

  it('has volunteers only in villages with a liaison', () => {
    const liaisonVillages = new Set(withRole('LIAISON').flatMap((p) => p.villageIds));
    expect(withRole('VOLUNTEER').length).toBeGreaterThan(0);
    for (const v of withRole('VOLUNTEER')) expect(liaisonVillages.has(v.villageIds[0]!)).toBe(true);
  });

  it('has one or two social workers at every township station', () => {
    const stationOf = new Map(
      world.stakeholders.organizations.filter((o) => o.kind === 'SOCIAL_WORK_STATION').map((o) => [o.townshipId, o.id]),
    );
    for (const townshipId of townshipIds) {
      const workers = withRole('SOCIAL_WORKER').filter((p) => p.townshipIds.includes(townshipId));
      expect(workers.length).toBeGreaterThanOrEqual(1);
      expect(workers.length).toBeLessThanOrEqual(2);
      for (const w of workers) expect(w.organizationId).toBe(stationOf.get(townshipId));
    }
  });

  it('has about ten credit officers of the hub who together serve every township', () => {
    const officers = withRole('CREDIT_OFFICER');
    expect(officers).toHaveLength(SYNTHETIC_PEOPLE.creditOfficers);
    expect(officers.every((p) => p.organizationId === 'org_network')).toBe(true);
    expect([...new Set(officers.flatMap((p) => p.townshipIds))].sort()).toEqual(townshipIds);
  });

  it('has 25 community development officers, fewer than the 20-trained target trained so far', () => {
    const officers = withRole('COMMUNITY_DEVELOPMENT_OFFICER');
    expect(officers).toHaveLength(25);
    const trained = officers.filter((p) => p.trainedAt !== null).length;
    expect(trained).toBe(SYNTHETIC_PEOPLE.trainedDevelopmentOfficers);
    expect(trained).toBeLessThan(20);
  });

  it('ties people to existing stakeholders with a mix of statuses', () => {
    const known = new Set([...sample.people.map((p) => p.id), ...world.stakeholders.organizations.map((o) => o.id)]);
    for (const r of sample.relationships) {
      expect(known.has(r.fromId)).toBe(true);
      expect(known.has(r.toId)).toBe(true);
    }
    expect(new Set(sample.relationships.map((r) => r.status)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('generateSynthetic: households', () => {
  it('spreads households over all 147 villages, communities larger on average', () => {
    const perVillage = new Map<string, number>();
    for (const h of sample.households) perVillage.set(h.villageId, (perVillage.get(h.villageId) ?? 0) + 1);
    expect(perVillage.size).toBe(147);
    const mean = (type: 'COMMUNITY' | 'VILLAGE') => {
      const villages = world.places.villages.filter((v) => v.type === type);
      return villages.reduce((sum, v) => sum + (perVillage.get(v.id) ?? 0), 0) / villages.length;
    };
    expect(mean('COMMUNITY')).toBeGreaterThan(mean('VILLAGE'));
  });

  it('keeps sizes between 1 and 7 and lists every member', () => {
    const odd = sample.households.filter((h) => h.size < 1 || h.size > 7 || h.memberAgeBands.length !== h.size);
    expect(odd).toEqual([]);
  });

  it.each([
    { marker: 'DIBAO', rate: 0.05 },
    { marker: 'TEKUN', rate: 0.01 },
    { marker: 'DISABILITY_CERTIFICATE', rate: 0.06 },
    { marker: 'SERIOUS_ILLNESS', rate: 0.04 },
    { marker: 'LEFT_BEHIND_CHILDREN', rate: 0.05 },
    { marker: 'SOLITARY_ELDERLY', rate: 0.04 },
    { marker: 'EMPTY_NEST_ELDERLY', rate: 0.08 },
  ] as const)('marks $marker on about $rate of households (low, realistic prevalence)', ({ marker, rate }) => {
    expect(share(withMarker(marker))).toBeGreaterThan(rate * 0.75);
    expect(share(withMarker(marker))).toBeLessThan(rate * 1.25);
  });

  it('never marks a household both 特困 and 低保', () => {
    expect(sample.households.some((h) => h.markers.includes('TEKUN') && h.markers.includes('DIBAO'))).toBe(false);
  });

  it('gives solitary elderly households one member aged 60+', () => {
    const solitary = sample.households.filter((h) => h.markers.includes('SOLITARY_ELDERLY'));
    expect(solitary.length).toBeGreaterThan(0);
    expect(solitary.filter((h) => h.size !== 1 || !['AGE_60_79', 'AGE_80_PLUS'].includes(h.memberAgeBands[0]!))).toEqual([]);
  });

  it('gives left-behind-children households at least one child', () => {
    const isChild = (b: string) => b === 'AGE_0_3' || b === 'AGE_4_6' || b === 'AGE_7_17';
    const leftBehind = sample.households.filter((h) => h.markers.includes('LEFT_BEHIND_CHILDREN'));
    expect(leftBehind.length).toBeGreaterThan(0);
    expect(leftBehind.filter((h) => !h.memberAgeBands.some(isChild))).toEqual([]);
  });

  it('lends to about 30% of households, under 30,000 yuan, through an officer serving their township', () => {
    const loans = sample.households.filter((h) => h.loan !== null);
    expect(share(loans.length)).toBeGreaterThan(0.27);
    expect(share(loans.length)).toBeLessThan(0.33);
    const townshipOf = new Map(world.places.villages.map((v) => [v.id, v.townshipId]));
    const officers = new Map(sample.people.map((p) => [p.id, p]));
    expect(loans.filter((h) => h.loan!.amountYuan >= 30_000 || h.loan!.amountYuan <= 0)).toEqual([]);
    const farAway = loans.filter(
      (h) => !officers.get(h.loan!.creditOfficerId)?.townshipIds.includes(townshipOf.get(h.villageId)!),
    );
    expect(farAway).toEqual([]);
  });

  it('follows the recent loan-purpose mix: commerce ahead of livestock ahead of planting', () => {
    const loans = sample.households.flatMap((h) => (h.loan ? [h.loan.purpose] : []));
    const part = (p: string) => loans.filter((x) => x === p).length / loans.length;
    expect(part('COMMERCE')).toBeGreaterThan(0.53);
    expect(part('COMMERCE')).toBeLessThan(0.63);
    expect(part('LIVESTOCK')).toBeGreaterThan(part('PLANTING'));
    expect(part('PLANTING')).toBeGreaterThan(part('OTHER'));
  });
});

describe('generateSynthetic: needs', () => {
  const byHousehold = new Map<string, Need[]>();
  for (const n of sample.needs) byHousehold.set(n.householdId, [...(byHousehold.get(n.householdId) ?? []), n]);
  const householdById = new Map(sample.households.map((h) => [h.id, h]));

  it('gives about 8% of households one or two needs of different categories', () => {
    expect(share(byHousehold.size)).toBeGreaterThan(0.06);
    expect(share(byHousehold.size)).toBeLessThan(0.1);
    const odd = [...byHousehold.values()].filter(
      (needs) => needs.length > 2 || new Set(needs.map((n) => n.category)).size !== needs.length,
    );
    expect(odd).toEqual([]);
    expect([...byHousehold.values()].some((needs) => needs.length === 2)).toBe(true);
  });

  it('weights needs toward the core five categories', () => {
    const core = new Set(world.categories.filter((c) => c.core).map((c) => c.code));
    expect(sample.needs.filter((n) => core.has(n.category)).length / sample.needs.length).toBeGreaterThan(0.6);
  });

  it('leaves most needs OPEN, resolves some, and never claims a referral that does not exist', () => {
    const status = (s: Need['status']) => sample.needs.filter((n) => n.status === s).length / sample.needs.length;
    expect(status('OPEN')).toBeGreaterThan(0.7);
    expect(status('RESOLVED')).toBeGreaterThan(0.05);
    expect(status('REFERRED')).toBe(0);
  });

  it('raises every need after its household was registered', () => {
    const early = sample.needs.filter(
      (n) =>
        Date.parse(n.createdAt) < Date.parse(householdById.get(n.householdId)!.createdAt) ||
        Date.parse(n.updatedAt) < Date.parse(n.createdAt),
    );
    expect(early).toEqual([]);
  });

  it('gives needs that follow the household: no child care without children, employment only with working-age members', () => {
    const childBands = new Set(['AGE_0_3', 'AGE_4_6', 'AGE_7_17']);
    const household = (n: Need) => householdById.get(n.householdId)!;
    const childCare = sample.needs.filter((n) => n.category === 'CHILD_CARE');
    expect(childCare.length).toBeGreaterThan(0);
    expect(childCare.filter((n) => !household(n).memberAgeBands.some((b) => childBands.has(b)) && !household(n).markers.includes('LEFT_BEHIND_CHILDREN'))).toEqual([]);
    const employment = sample.needs.filter((n) => n.category === 'EMPLOYMENT');
    expect(employment.length).toBeGreaterThan(0);
    expect(employment.filter((n) => !household(n).memberAgeBands.includes('AGE_18_59'))).toEqual([]);
    const elderly = sample.needs.filter((n) => n.category === 'ELDERLY_CARE');
    expect(elderly.filter((n) => !household(n).memberAgeBands.some((b) => b === 'AGE_60_79' || b === 'AGE_80_PLUS'))).toEqual([]);
  });

  it('gives a DISABILITY need only with a disability certificate, or with the reason stated', () => {
    const disability = sample.needs.filter((n) => n.category === 'DISABILITY');
    expect(disability.length).toBeGreaterThan(0);
    const unexplained = disability.filter((n) => !householdById.get(n.householdId)!.markers.includes('DISABILITY_CERTIFICATE') && !/尚无残疾证/.test(n.description));
    expect(unexplained).toEqual([]);
    expect(disability.some((n) => /尚无残疾证/.test(n.description))).toBe(true);
  });

  it('describes needs generically, saying they are synthetic', () => {
    expect(sample.needs.filter((n) => !/合成数据.*Synthetic/.test(n.description))).toEqual([]);
  });
});
