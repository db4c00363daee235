import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Organization, Relationship, Service, type RelationshipStatus } from '../../../src/domain/model';
import { loadCategories } from '../../../src/seed/loadCategories';
import { loadDayi } from '../../../src/seed/loadDayi';
import { SEED_TIMESTAMP, loadStakeholders } from '../../../src/seed/loadStakeholders';
import { seedDir } from '../../../src/seed/repoRoot';
import { nonEmpty } from '../../support/nonEmpty';

const places = loadDayi();
const categories = loadCategories();
const stakeholders = loadStakeholders({ places, categories });
const { organizations, services, relationships } = stakeholders;
const HUB = 'org_network';

const orgNamed = (name: string) => {
  const found = organizations.find((o) => o.name === name);
  if (!found) throw new Error(`test: no organisation named ${name}`);
  return found;
};
const hubStatus = (name: string): RelationshipStatus | undefined => {
  const id = orgNamed(name).id;
  return relationships.find((r) => r.fromId === HUB && r.toId === id)?.status;
};

describe('loadCategories', () => {
  it('has the core five and the other five categories', () => {
    expect(categories.filter((c) => c.core).map((c) => c.code)).toEqual([
      'MEDICAL',
      'ELDERLY_CARE',
      'EDUCATION',
      'DISABILITY',
      'EMPLOYMENT',
    ]);
    expect(categories.filter((c) => !c.core).map((c) => c.code)).toEqual([
      'CHILD_CARE',
      'MENTAL_HEALTH',
      'SOCIAL_ASSISTANCE',
      'INDUSTRY_DEVELOPMENT',
      'ENTREPRENEURSHIP',
    ]);
  });

  it('names every category in Chinese and English', () => {
    for (const c of categories) {
      expect(c.nameZh).toMatch(/\p{Script=Han}/u);
      expect(c.nameEn).toMatch(/[A-Za-z]/);
    }
  });
});

describe('loadStakeholders: what DOMAIN.md names', () => {
  it('has the network hub as a credit company without an invented company name', () => {
    const hub = organizations.find((o) => o.id === HUB);
    expect(hub?.kind).toBe('CREDIT_COMPANY');
    expect(hub?.name).toContain('社区互助网络');
  });

  it.each([
    '大邑县残联',
    '大邑县助帮职业培训机构',
    '大邑县关工委',
    '大邑县儿童关爱援助中心',
    '成都市关爱援助中心',
    '大邑县医疗保障局',
    '童萌亲子园',
    '富平创源农业',
  ])('has the established resource %s, ESTABLISHED with the hub', (name) => {
    expect(hubStatus(name)).toBe('ESTABLISHED');
  });

  it('records the elderly-care institutions as one placeholder matched per case, ESTABLISHED', () => {
    const care = organizations.filter((o) => o.kind === 'CARE_INSTITUTION');
    expect(care).toHaveLength(1);
    expect(care[0]?.description).toMatch(/matched per case/);
    expect(hubStatus(care[0]!.name)).toBe('ESTABLISHED');
  });

  it.each(['黑仔儿社会工作服务中心', '社工协会', '益邦', '邑诚', '邑路有爱', '和美', '益乐诚', '益家'])(
    'has the social organisation %s as an NGO, ESTABLISHED with the hub',
    (name) => {
      expect(orgNamed(name).kind).toBe('NGO');
      expect(hubStatus(name)).toBe('ESTABLISHED');
    },
  );

  it('places 童萌亲子园 in 芙蓉社区 (青霞街道) as an incubated enterprise, incubated by 益帮 (= 益邦)', () => {
    const tongmeng = orgNamed('童萌亲子园');
    expect(tongmeng).toMatchObject({ kind: 'INCUBATED_ENTERPRISE', villageId: 'vil_510129003008', townshipId: 'twp_510129003000' });
    const incubator = relationships.find((r) => r.fromId === tongmeng.id && r.type === 'INCUBATED_BY');
    expect(organizations.find((o) => o.id === incubator?.toId)).toMatchObject({ id: 'org_yibang', name: '益邦', aliases: ['益帮'] });
    expect(incubator?.status).toBe('ESTABLISHED');
  });

  it('records 益邦 and 益帮 as one organisation, both spellings kept', () => {
    const spelled = (name: string) => organizations.filter((o) => o.name === name || o.aliases.includes(name)).map((o) => o.id);
    expect(spelled('益邦')).toEqual(['org_yibang']);
    expect(spelled('益帮')).toEqual(['org_yibang']);
  });

  it('invents no service for the social organisations: services only where the records name one', () => {
    const ngos = organizations.filter((o) => o.kind === 'NGO');
    expect(ngos).toHaveLength(8);
    expect(services.filter((s) => ngos.some((o) => o.id === s.organizationId))).toEqual([]);
    // 益帮's one named service is 童萌亲子园's, which it incubated.
    expect(services.filter((s) => s.organizationId === 'org_tongmeng-parent-child').map((s) => s.id)).toEqual(['svc_tongmeng-early-education']);
  });

  it('has one social-work station per township, each ESTABLISHED with the hub and serving its township', () => {
    const stations = organizations.filter((o) => o.kind === 'SOCIAL_WORK_STATION' && o.townshipId !== null);
    expect(stations.map((s) => s.townshipId).sort()).toEqual(places.townships.map((t) => t.id).sort());
    for (const station of stations) {
      expect(relationships.find((r) => r.fromId === HUB && r.toId === station.id)?.status).toBe('ESTABLISHED');
      const serves = relationships.find((r) => r.fromId === station.id && r.type === 'SERVES');
      expect(serves).toMatchObject({ toId: station.townshipId, status: 'ESTABLISHED' });
    }
  });

  it('has the county head station, still BUILDING with the hub', () => {
    expect(hubStatus('大邑县社会工作服务总站')).toBe('BUILDING');
  });

  it('has the three prospective stakeholders as PROSPECTIVE, the camp in 西岭镇', () => {
    const prospective = relationships.filter((r) => r.fromId === HUB && r.status === 'PROSPECTIVE').map((r) => r.toId);
    expect(prospective).toHaveLength(3);
    const camp = organizations.find((o) => o.name.includes('自然教育营地'));
    expect(prospective).toContain(camp?.id);
    expect(camp?.townshipId).toBe('twp_510129108000');
  });

  it('has the government bodies 民政 and 人社', () => {
    expect(orgNamed('大邑县民政局').kind).toBe('GOVERNMENT_BUREAU');
    expect(orgNamed('大邑县人力资源和社会保障局').kind).toBe('GOVERNMENT_BUREAU');
  });

  it('records no stakeholder as synthetic', () => {
    expect(nonEmpty([...organizations, ...services], 'organisation or service').every((row) => row.synthetic === false)).toBe(true);
  });
});

describe('loadStakeholders: services', () => {
  const orgIds = new Set(organizations.map((o) => o.id));
  const codes = new Set(categories.map((c) => c.code));
  const service = (id: string) => services.find((s) => s.id === id)!;

  it('references an existing organisation and known categories from every service', () => {
    for (const s of services) {
      expect(orgIds.has(s.organizationId)).toBe(true);
      for (const c of s.categories) expect(codes.has(c)).toBe(true);
    }
  });

  it('says in every service with a capacity that it is a planning assumption', () => {
    for (const s of nonEmpty(services.filter((x) => x.capacity !== null), 'service with a capacity')) expect(s.description).toMatch(/planning assumption/);
  });

  it('starts every service with no active referrals', () => {
    expect(nonEmpty(services, 'service').every((s) => s.activeReferrals === 0)).toBe(true);
  });

  it('requires a disability certificate for 融乐阳光家园', () => {
    expect(service('svc_rongle-sunshine-home').eligibility.requiredMarkers).toEqual(['DISABILITY_CERTIFICATE']);
  });

  it('offers long-term-care insurance help to ill, disabled or elderly households', () => {
    const ltc = service('svc_ltc-insurance-application');
    expect(ltc.categories).toEqual(['MEDICAL']);
    expect(ltc.eligibility.anyOfMarkers).toEqual(
      expect.arrayContaining(['SERIOUS_ILLNESS', 'DISABILITY_CERTIFICATE', 'SOLITARY_ELDERLY']),
    );
  });

  it('serves 0–3-year-olds within a radius of 童萌亲子园, from its village point', () => {
    const early = service('svc_tongmeng-early-education');
    expect(early.area).toEqual({ kind: 'RADIUS', km: 5 });
    expect(early.eligibility.ageBands).toEqual(['AGE_0_3']);
    expect(early.location).toEqual(places.villages.find((v) => v.code === '510129003008')?.location);
  });

  it('delivers the Chengdu counselling online, county-wide, without a location', () => {
    expect(service('svc_online-counselling')).toMatchObject({ online: true, area: { kind: 'COUNTY' }, location: null });
  });

  it('gives each township station a social-work service limited to its township', () => {
    const stations = organizations.filter((o) => o.kind === 'SOCIAL_WORK_STATION' && o.townshipId !== null);
    for (const station of nonEmpty(stations, 'township social-work station')) {
      const s = services.find((x) => x.organizationId === station.id);
      expect(s?.area).toEqual({ kind: 'TOWNSHIPS', townshipIds: [station.townshipId] });
      expect(s?.categories).toEqual(['SOCIAL_ASSISTANCE', 'ELDERLY_CARE', 'CHILD_CARE']);
    }
  });

  it('marks the prospective stakeholders’ services PLANNED', () => {
    const prospectiveOrgs = new Set(relationships.filter((r) => r.status === 'PROSPECTIVE').map((r) => r.toId));
    for (const s of nonEmpty(services.filter((x) => prospectiveOrgs.has(x.organizationId)), 'service of a prospective stakeholder')) expect(s.status).toBe('PLANNED');
  });
});

describe('loadStakeholders: rows and file checks', () => {
  it('passes the domain schemas for every row', () => {
    for (const o of organizations) expect(Organization.safeParse(o).success).toBe(true);
    for (const s of services) expect(Service.safeParse(s).success).toBe(true);
    for (const r of relationships) expect(Relationship.safeParse(r).success).toBe(true);
  });

  it('places county bodies at the county seat and township bodies at their township point', () => {
    expect(orgNamed('大邑县民政局').location).toEqual(places.county.location);
    const station = organizations.find((o) => o.id === 'org_station-510129105000');
    expect(station?.location).toEqual(places.townships.find((t) => t.code === '510129105000')?.location);
  });

  it('stamps every relationship with the fixed seed time, so reloading gives identical rows', () => {
    expect(nonEmpty(relationships, 'relationship').every((r) => r.createdAt === SEED_TIMESTAMP && r.updatedAt === SEED_TIMESTAMP)).toBe(true);
    expect(loadStakeholders({ places, categories })).toEqual(stakeholders);
  });

  it('keeps relationships unique per (from, to, type)', () => {
    const keys = relationships.map((r) => `${r.fromId}|${r.toId}|${r.type}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  type EditableFile = Record<'organizations' | 'services' | 'relationships', Array<Record<string, unknown>>>;
  const withEdit = (edit: (file: EditableFile) => void) => {
    const file = JSON.parse(readFileSync(join(seedDir(), 'stakeholders.json'), 'utf8')) as EditableFile;
    edit(file);
    const path = join(mkdtempSync(join(tmpdir(), 'huzhu-seed-')), 'stakeholders.json');
    writeFileSync(path, JSON.stringify(file));
    return () => loadStakeholders({ path, places, categories });
  };

  it('rejects a service naming an unknown organisation', () => {
    const load = withEdit((f) => {
      f.services[0]!['organizationId'] = 'org_nobody';
    });
    expect(load).toThrow(/unknown organization org_nobody/);
  });

  it('rejects a service with a category missing from categories.json', () => {
    const load = withEdit((f) => {
      f.services[0]!['categories'] = ['HOUSING'];
    });
    expect(load).toThrow(/category HOUSING/);
  });

  it('rejects a relationship to an unknown stakeholder', () => {
    const load = withEdit((f) => {
      f.relationships[0]!['toId'] = 'org_ghost';
    });
    expect(load).toThrow(/unknown stakeholder org_ghost/);
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const load = withEdit((f) => {
      f.organizations[0]!['townshipID'] = null;
    });
    expect(load).toThrow(/does not match the seed format/);
  });
});
