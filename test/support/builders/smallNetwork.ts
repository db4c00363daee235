/** smallNetwork(): one coherent synthetic network from the entity builders; storeNetwork() writes it through the port. */
import type { Category, Household, Need, Organization, Person, Relationship, Service, Township, Village } from '../../../src/domain/model';
import type { GraphStore } from '../../../src/store/GraphStore';
import { BUILT_ON } from './defaults';
import { aHousehold, aNeed, someCategories } from './households';
import { aTownship, aVillage } from './places';
import { aPerson, aRelationship, aService, anOrganization } from './stakeholders';

export interface SmallNetwork {
  categories: Category[];
  /** [subdistrict, town] */
  townships: [Township, Township];
  /** [community in townships[0], village in townships[0], village in townships[1]] */
  villages: [Village, Village, Village];
  /** [social-work station of townships[0], NGO (county-wide), bureau in townships[1], credit company] */
  organizations: [Organization, Organization, Organization, Organization];
  /** [liaison of villages[0], liaison of villages[2], social worker at the station, credit officer, development officer of villages[1]] */
  people: [Person, Person, Person, Person, Person];
  /** [NGO medical, capacity 2; bureau elderly care + medical, no limit; NGO online counselling, PLANNED] */
  services: [Service, Service, Service];
  relationships: [Relationship, Relationship, Relationship, Relationship];
  /** Two per village; some marked vulnerable, one with a loan, two with a household code. */
  households: [Household, Household, Household, Household, Household, Household];
  needs: [Need, Need, Need, Need, Need];
}

export function smallNetwork(): SmallNetwork {
  const townships: SmallNetwork['townships'] = [aTownship({ kind: 'SUBDISTRICT' }), aTownship({ kind: 'TOWN' })];
  const [t1, t2] = townships;
  const villages: SmallNetwork['villages'] = [
    aVillage({ townshipId: t1.id, type: 'COMMUNITY' }),
    aVillage({ townshipId: t1.id, type: 'VILLAGE' }),
    aVillage({ townshipId: t2.id, type: 'VILLAGE' }),
  ];
  const [v1, v2, v3] = villages;
  const organizations: SmallNetwork['organizations'] = [
    anOrganization({ kind: 'SOCIAL_WORK_STATION', townshipId: t1.id }),
    anOrganization({ kind: 'NGO' }),
    anOrganization({ kind: 'GOVERNMENT_BUREAU', townshipId: t2.id }),
    anOrganization({ kind: 'CREDIT_COMPANY', townshipId: t1.id, villageId: v1.id }),
  ];
  const [station, ngo, bureau, creditCompany] = organizations;
  const people: SmallNetwork['people'] = [
    aPerson({ roles: ['LIAISON'], villageIds: [v1.id], townshipIds: [t1.id] }),
    aPerson({ roles: ['LIAISON', 'VOLUNTEER'], villageIds: [v3.id], townshipIds: [t2.id] }),
    aPerson({ roles: ['SOCIAL_WORKER'], townshipIds: [t1.id], organizationId: station.id }),
    aPerson({ roles: ['CREDIT_OFFICER'], villageIds: [v1.id, v2.id], organizationId: creditCompany.id }),
    aPerson({ roles: ['COMMUNITY_DEVELOPMENT_OFFICER'], villageIds: [v2.id], townshipIds: [t1.id], trainedAt: BUILT_ON }),
  ];
  const [liaison1, , socialWorker, creditOfficer, developmentOfficer] = people;
  const services: SmallNetwork['services'] = [
    aService({ organizationId: ngo.id, categories: ['MEDICAL'], capacity: 2 }),
    aService({ organizationId: bureau.id, categories: ['ELDERLY_CARE', 'MEDICAL'], capacity: null, area: { kind: 'TOWNSHIPS', townshipIds: [t2.id] } }),
    aService({ organizationId: ngo.id, categories: ['MENTAL_HEALTH'], online: true, status: 'PLANNED', capacity: 5 }),
  ];
  const relationships: SmallNetwork['relationships'] = [
    aRelationship({ fromId: liaison1.id, toId: socialWorker.id, type: 'KNOWS', status: 'ESTABLISHED' }),
    aRelationship({ fromId: station.id, toId: ngo.id, type: 'PARTNER', status: 'ESTABLISHED' }),
    aRelationship({ fromId: ngo.id, toId: bureau.id, type: 'WORKS_WITH', status: 'BUILDING' }),
    aRelationship({ fromId: developmentOfficer.id, toId: v2.id, type: 'SERVES', status: 'PROSPECTIVE', since: null }),
  ];
  const households: SmallNetwork['households'] = [
    aHousehold({ villageId: v1.id, markers: ['DIBAO', 'SOLITARY_ELDERLY'], memberAgeBands: ['AGE_80_PLUS'], size: 1, householdCode: 'HH-SYN-0001' }),
    aHousehold({ villageId: v1.id, markers: [], loan: { creditOfficerId: creditOfficer.id, amountYuan: 20_000, purpose: 'COMMERCE', since: BUILT_ON } }),
    aHousehold({ villageId: v2.id, markers: ['LEFT_BEHIND_CHILDREN'], memberAgeBands: ['AGE_60_79', 'AGE_7_17', 'AGE_7_17'] }),
    aHousehold({ villageId: v2.id, markers: ['DISABILITY_CERTIFICATE', 'DIBAO'], disabilityGrade: 1, size: 5, householdCode: 'HH-SYN-0002' }),
    aHousehold({ villageId: v3.id, markers: ['SERIOUS_ILLNESS'], memberAgeBands: ['AGE_0_3', 'AGE_18_59'] }),
    aHousehold({ villageId: v3.id, markers: [], synthetic: false }),
  ];
  const [h1, , h3, h4, h5] = households;
  const needs: SmallNetwork['needs'] = [
    aNeed({ householdId: h1.id, category: 'ELDERLY_CARE', urgency: 'HIGH' }),
    aNeed({ householdId: h1.id, category: 'MEDICAL', urgency: 'CRITICAL' }),
    aNeed({ householdId: h3.id, category: 'EDUCATION', urgency: 'MEDIUM' }),
    aNeed({ householdId: h4.id, category: 'MEDICAL', urgency: 'HIGH', status: 'RESOLVED' }),
    aNeed({ householdId: h5.id, category: 'MEDICAL', urgency: 'LOW' }),
  ];
  return { categories: someCategories(), townships, villages, organizations, people, services, relationships, households, needs };
}

/** Writes a network through the port, referenced kinds first. */
export async function storeNetwork(store: GraphStore, network: SmallNetwork): Promise<void> {
  await store.upsertCategories(network.categories);
  await store.upsertMany('Township', network.townships);
  await store.upsertMany('Village', network.villages);
  await store.upsertMany('Organization', network.organizations);
  await store.upsertMany('Person', network.people);
  await store.upsertMany('Service', network.services);
  await store.upsertMany('Relationship', network.relationships);
  await store.upsertMany('Household', network.households);
  await store.upsertMany('Need', network.needs);
}
