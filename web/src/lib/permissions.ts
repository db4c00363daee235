import type { Role } from './account';

/**
 * What the console offers and requests for a role: a mirror of the API's rule
 * tables (src/api/auth/operationRules.ts, sensitiveRules.ts), so the console
 * never asks for a field or an operation the role is refused. The API stays
 * the authority: this only decides what to show and to request.
 */
export interface Capabilities {
  householdList: boolean;
  householdSearch: boolean;
  registerHousehold: boolean;
  consent: boolean;
  recordNeed: boolean;
  match: boolean;
  createReferral: boolean;
  referralBoard: boolean;
  inbox: boolean;
  recordAssistance: boolean;
  manageAccounts: boolean;
  maintainServices: boolean;
  /** Issue 12: the network map (stakeholders, relationships, metrics, coverage) and the partner directory. */
  networkMap: boolean;
  directory: boolean;
  /** Sensitive kinds the role may read on a household's records (CASE_MANAGEMENT / REFERRAL purpose). */
  see: { identity: boolean; contact: boolean; officialId: boolean; children: boolean; socialAssistance: boolean; disability: boolean; health: boolean; caseNotes: boolean };
  filters: { township: boolean; village: boolean; marker: boolean; ageBand: boolean };
}

const NONE: Capabilities = {
  householdList: false,
  householdSearch: false,
  registerHousehold: false,
  consent: false,
  recordNeed: false,
  match: false,
  createReferral: false,
  referralBoard: false,
  inbox: false,
  recordAssistance: false,
  manageAccounts: false,
  maintainServices: false,
  networkMap: false,
  directory: false,
  see: { identity: false, contact: false, officialId: false, children: false, socialAssistance: false, disability: false, health: false, caseNotes: false },
  filters: { township: false, village: false, marker: false, ageBand: false },
};

const STAFF: Capabilities = {
  ...NONE,
  householdList: true,
  householdSearch: true,
  registerHousehold: true,
  consent: true,
  recordNeed: true,
  match: true,
  createReferral: true,
  referralBoard: true,
  recordAssistance: true,
  directory: true,
  see: { identity: true, contact: true, officialId: true, children: true, socialAssistance: true, disability: true, health: true, caseNotes: true },
  filters: { township: false, village: true, marker: true, ageBand: true },
};

export function capabilitiesOf(role: Role): Capabilities {
  switch (role) {
    case 'ADMIN':
      return { ...STAFF, manageAccounts: true, maintainServices: true, networkMap: true, filters: { ...STAFF.filters, township: true } };
    case 'COORDINATOR':
      return { ...STAFF, maintainServices: true, networkMap: true, filters: { ...STAFF.filters, township: true } };
    case 'SOCIAL_WORKER':
      return STAFF;
    case 'VOLUNTEER':
      // Who, how to reach them, what they need: no markers, ages, codes or matching.
      return {
        ...NONE,
        householdList: true,
        recordNeed: true,
        referralBoard: true,
        recordAssistance: true,
        see: { ...NONE.see, identity: true, contact: true, health: true },
        filters: { ...NONE.filters, village: true },
      };
    case 'PARTNER_NGO':
      return { ...NONE, inbox: true, recordAssistance: true, maintainServices: true, directory: true, see: { ...NONE.see, identity: true, contact: true, health: true, caseNotes: true } };
    case 'DESIGNER':
      return { ...NONE, networkMap: true, directory: true };
    case 'CREDIT_OFFICER':
      return NONE;
  }
}
