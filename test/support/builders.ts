/**
 * Builders for every entity kind: valid defaults (each passes its zod schema
 * in src/domain/model.ts), overridable field by field. Ids are fresh per call
 * (newId) unless overridden; official codes come from a per-process sequence
 * in a range no real Dayi code uses (99…/98…). Everything built here is test
 * data and says so: `synthetic: true` where the schema has the field, and
 * "(synthetic)" in names and sources.
 *
 * smallNetwork() returns one coherent network (2 townships, 3 villages, 4
 * organisations, 5 people, 3 services, 4 relationships, 6 households, 5
 * needs) and storeNetwork() writes it through the GraphStore port.
 */
// The one entry point: every test imports its builders from here. One module per family, one set of defaults (defaults.ts).
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
