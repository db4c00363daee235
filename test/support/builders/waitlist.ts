import type { Household, Need } from '../../../src/domain/model';
import type { WaitlistEntry } from '../../../src/domain/WaitlistEntry';
import { BUILT_AT } from './defaults';

/** A WAITING entry of `need` (its urgency) and `household` (its vulnerability) on `serviceId`; synthetic. */
export function aWaitlistEntry(need: Need, household: Pick<Household, 'id' | 'vulnerabilityScore'>, serviceId: string, overrides: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return {
    serviceId,
    needId: need.id,
    householdId: household.id,
    urgency: need.urgency,
    vulnerabilityScore: household.vulnerabilityScore,
    status: 'WAITING',
    joinedAt: BUILT_AT,
    joinedBy: 'per_builder',
    offeredAt: null,
    offerExpiresAt: null,
    ...overrides,
  };
}
