import type { Organization, Person, Relationship, Service, Township, Village } from '../domain/model';

/** Household counts of one village: households enter the projection as numbers, never as nodes. */
export interface VillageHouseholdCounts {
  households: number;
  /** Households carrying at least one vulnerability marker. */
  vulnerable: number;
}

/**
 * Everything buildStakeholderGraph needs, read by the caller (a service) from
 * the store. The graph module does no I/O, so the snapshot is its whole world:
 * a relationship or assignment naming an id that is not in it is reported as a
 * dangling reference, not guessed at.
 */
export interface NetworkSnapshot {
  townships: readonly Township[];
  villages: readonly Village[];
  people: readonly Person[];
  organizations: readonly Organization[];
  services: readonly Service[];
  relationships: readonly Relationship[];
  /** Village id → counts; a village missing from the map has 0 households. */
  householdsByVillage: ReadonlyMap<string, VillageHouseholdCounts>;
}
