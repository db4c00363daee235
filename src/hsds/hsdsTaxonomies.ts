import type { AgeBand, Category, Marker, OrganizationKind, RelationshipStatus, ServiceStatus } from '../domain/model';
import { huzhuUuid } from './hsdsIds';
import type { HsdsAttribute, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsdsTypes';

/**
 * Huzhu's vocabularies published as HSDS taxonomies, so a partner can read a
 * service's categories and eligibility, and a re-import gets back exactly what
 * was exported. Each taxonomy and term has a fixed name-based UUID. Categories
 * are data (seed/categories.json), so their terms are built from the store's.
 */
export const TAXONOMY = {
  category: { name: 'huzhu-category', zh: '互助服务类别', en: 'Huzhu need and service categories' },
  eligibility: { name: 'huzhu-eligibility', zh: '互助服务资格条件', en: 'Huzhu eligibility rules (age bands, vulnerability markers, residency)' },
  organizationKind: { name: 'huzhu-organization-kind', zh: '组织类型', en: 'Huzhu organisation kinds' },
  networkStatus: { name: 'huzhu-network-status', zh: '与互助网络的关系状态', en: 'Relationship with the network: established, being built, prospective' },
  serviceStatus: { name: 'huzhu-service-status', zh: '服务状态', en: 'Huzhu service status (ACTIVE, PLANNED, SUSPENDED)' },
  locationPrecision: { name: 'huzhu-location-precision', zh: '位置精度', en: 'How precise a location is: township or village (derived points) or exact (surveyed)' },
} as const;
export type TaxonomyKey = keyof typeof TAXONOMY;

export const AGE_BAND_RANGES: Record<AgeBand, { min: number; max: number | null; zh: string }> = {
  AGE_0_3: { min: 0, max: 3, zh: '0–3 岁' },
  AGE_4_6: { min: 4, max: 6, zh: '4–6 岁' },
  AGE_7_17: { min: 7, max: 17, zh: '7–17 岁' },
  AGE_18_59: { min: 18, max: 59, zh: '18–59 岁' },
  AGE_60_79: { min: 60, max: 79, zh: '60–79 岁' },
  AGE_80_PLUS: { min: 80, max: null, zh: '80 岁及以上' },
};

export const MARKER_NAMES: Record<Marker, string> = {
  DIBAO: '低保',
  TEKUN: '特困',
  DISABILITY_CERTIFICATE: '残疾证',
  SERIOUS_ILLNESS: '大病',
  LEFT_BEHIND_CHILDREN: '留守儿童',
  SOLITARY_ELDERLY: '独居老人',
  EMPTY_NEST_ELDERLY: '空巢老人',
};

export const RESIDENCY_TERM = 'RESIDENCY_TOWNSHIP';

const ORGANIZATION_KIND_NAMES: Record<OrganizationKind, string> = {
  NGO: '社会组织',
  SOCIAL_WORK_STATION: '社工站',
  GOVERNMENT_BUREAU: '政府部门',
  INCUBATED_ENTERPRISE: '孵化企业',
  CREDIT_COMPANY: '小额贷款公司',
  CARE_INSTITUTION: '养老机构',
  ENTERPRISE: '企业',
  ASSOCIATION: '协会',
  OTHER: '其他',
};
const NETWORK_STATUS_NAMES: Record<RelationshipStatus, string> = { ESTABLISHED: '已建立', BUILDING: '正在建立关系', PROSPECTIVE: '未来' };
const SERVICE_STATUS_NAMES: Record<ServiceStatus, string> = { ACTIVE: '运行中', PLANNED: '规划中', SUSPENDED: '暂停' };
const PRECISION_NAMES = { township: '乡镇级（推算位置）', village: '村级（推算位置）', exact: '精确位置' } as const;

export function taxonomyId(key: TaxonomyKey): string {
  return huzhuUuid(`taxonomy/${TAXONOMY[key].name}`);
}

export function termId(key: TaxonomyKey, code: string): string {
  return huzhuUuid(`taxonomy/${TAXONOMY[key].name}/${code}`);
}

export function hsdsTaxonomies(): HsdsTaxonomy[] {
  return (Object.keys(TAXONOMY) as TaxonomyKey[]).map((key) => ({
    id: taxonomyId(key),
    name: TAXONOMY[key].name,
    description: `${TAXONOMY[key].zh} (${TAXONOMY[key].en})`,
    version: '1',
  }));
}

/** Every term of every taxonomy, taxonomies in TAXONOMY order, terms in their vocabulary's order. */
export function hsdsTaxonomyTerms(categories: readonly Category[]): HsdsTaxonomyTerm[] {
  const terms: HsdsTaxonomyTerm[] = [];
  const add = (key: TaxonomyKey, code: string, name: string, description: string) =>
    terms.push({ id: termId(key, code), code, name, description, taxonomy: TAXONOMY[key].name, taxonomy_id: taxonomyId(key), language: 'zh' });
  for (const c of categories) add('category', c.code, c.nameZh, c.nameEn);
  for (const [band, r] of Object.entries(AGE_BAND_RANGES)) add('eligibility', band, r.zh, `at least one household member aged ${r.min}${r.max === null ? '+' : `–${r.max}`}`);
  for (const [marker, zh] of Object.entries(MARKER_NAMES)) add('eligibility', marker, zh, `vulnerability marker ${marker}`);
  add('eligibility', RESIDENCY_TERM, '户籍/居住乡镇', 'the household is registered in the township whose 12-digit code is the attribute value');
  for (const [kind, zh] of Object.entries(ORGANIZATION_KIND_NAMES)) add('organizationKind', kind, zh, kind);
  for (const [status, zh] of Object.entries(NETWORK_STATUS_NAMES)) add('networkStatus', status, zh, status);
  for (const [status, zh] of Object.entries(SERVICE_STATUS_NAMES)) add('serviceStatus', status, zh, status);
  for (const [precision, zh] of Object.entries(PRECISION_NAMES)) add('locationPrecision', precision, zh, precision);
  return terms;
}

/** An attribute linking a record to one of Huzhu's terms; `linkType` says which rule or property it states. */
export function huzhuAttribute(
  link: { id: string; entity: 'service' | 'organization' | 'location' },
  linkType: string,
  key: TaxonomyKey,
  code: string,
  names: ReadonlyMap<string, HsdsTaxonomyTerm>,
  value?: string,
): HsdsAttribute {
  const term = names.get(termId(key, code));
  if (!term) throw new Error(`hsds/huzhuAttribute: no ${TAXONOMY[key].name} term ${code}`);
  return {
    id: huzhuUuid(`${link.id}/attribute/${linkType}/${code}${value === undefined ? '' : `/${value}`}`),
    link_id: link.id,
    link_type: linkType,
    link_entity: link.entity,
    taxonomy_term_id: term.id,
    ...(value === undefined ? {} : { value }),
    taxonomy_term: term,
  };
}

/** The term an attribute states, as (taxonomy key, code), when it is one of Huzhu's; else null. */
export function huzhuTermOf(attribute: { taxonomy_term_id?: string; taxonomy_term?: { id?: string; code?: string; taxonomy?: string } }): { key: TaxonomyKey; code: string } | null {
  const id = attribute.taxonomy_term_id ?? attribute.taxonomy_term?.id;
  if (id !== undefined) {
    const known = TERM_BY_ID().get(id);
    if (known) return known;
  }
  const taxonomy = attribute.taxonomy_term?.taxonomy;
  const code = attribute.taxonomy_term?.code;
  if (taxonomy !== undefined && code !== undefined) {
    const key = (Object.keys(TAXONOMY) as TaxonomyKey[]).find((k) => TAXONOMY[k].name === taxonomy);
    if (key) return { key, code };
  }
  return null;
}

/** Term ids of the fixed vocabularies (categories are matched by code: they are data). */
let termById: Map<string, { key: TaxonomyKey; code: string }> | null = null;
function TERM_BY_ID(): Map<string, { key: TaxonomyKey; code: string }> {
  if (!termById) {
    termById = new Map();
    for (const t of hsdsTaxonomyTerms([])) {
      const key = (Object.keys(TAXONOMY) as TaxonomyKey[]).find((k) => TAXONOMY[k].name === t.taxonomy) as TaxonomyKey;
      termById.set(t.id, { key, code: t.code as string });
    }
  }
  return termById;
}

/** The id of a category term given its code (categories are data, so the map is built per call). */
export function categoryTermId(code: string): string {
  return termId('category', code);
}
