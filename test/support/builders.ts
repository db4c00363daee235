/**
 * The test builders: the one entry point every test imports them from
 * (`import { aHousehold, … } from '../support/builders'`), one module per
 * family under test/support/builders/, one set of defaults (defaults.ts).
 *
 * Each builder returns a valid record of the domain model (src/domain/model.ts
 * and the record types beside it; test/unit/store/builders.test.ts parses
 * every default through its zod schema), overridable field by field:
 * - ids fresh per call (newId); official codes from a per-process sequence in
 *   ranges no real Dayi code uses (99… townships, 98… villages);
 * - every timestamp BUILT_AT (2025-01-01T00:00:00.000Z), every date BUILT_ON;
 * - test data says so: `synthetic: true` where the schema has the field,
 *   "(synthetic)" in names and sources;
 * - references left as fresh ids of the right kind (pass the record's id when
 *   a test needs them to resolve), no rules on a service's eligibility, county-wide
 *   areas, ACTIVE services without a capacity limit, OPEN MEDICAL needs of
 *   MEDIUM urgency, ESTABLISHED relationships.
 * A test that relies on a value (an id in an expected message, a place's
 * name, an urgency) passes it: the test says what it relies on.
 *
 * Modules: places (aTownship, aVillage), households (aHousehold, aNeed,
 * aCategory, someCategories), stakeholders (aPerson, anOrganization, aService,
 * aRelationship), referrals (aReferral, aReferralFor, anAssistance, aConsent,
 * anAuditEvent), smallNetwork (smallNetwork, storeNetwork), dayiPlaces (real
 * units as fixed fixtures: JINYUAN, WANGSI, NANJIE, XIJIE, BEIJIE, FUTIAN),
 * stakeholderGraphs (aSnapshot, peopleGraph, per, shapes, indexedPeopleGraph,
 * nodesOf), matching (anEligibility, NO_RULES, aTrustPath, NO_HISTORY,
 * anAllocationNeed, candidates, capacities, pointNorthOf), accounts
 * (anAccount), alerts (anAlert), plans (aPlan, aPlanId), waitlist
 * (aWaitlistEntry).
 *
 * smallNetwork() returns one coherent network (2 townships, 3 villages, 4
 * organisations, 5 people, 3 services, 4 relationships, 6 households, 5
 * needs) and storeNetwork() writes it through the GraphStore port.
 */
export { BUILT_AT, BUILT_ON, nextSequence } from './builders/defaults';
export * from './builders/places';
export * from './builders/households';
export * from './builders/stakeholders';
export * from './builders/referrals';
export * from './builders/smallNetwork';
export * from './builders/dayiPlaces';
export * from './builders/stakeholderGraphs';
export * from './builders/matching';
export * from './builders/accounts';
export * from './builders/alerts';
export * from './builders/plans';
export * from './builders/waitlist';
