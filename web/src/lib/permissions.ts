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
  /**
   * Issue 15 item 3, the credit company's view (/credit): a CREDIT_OFFICER's own borrowers and caseload (myBorrowers,
   * its creditOfficers row); the officers and the loan book for ADMIN and COORDINATOR (creditOfficers, loanPortfolio).
   */
  creditOwn: boolean;
  creditPortfolio: boolean;
  /** Liaisons' and volunteers' workload and the community development officers (/workload): ADMIN, COORDINATOR. */
  workload: boolean;
  /** Pushed alerts (issue 15 item 5: myAlerts, markAlertsRead): the header's bell and /alerts for ADMIN and COORDINATOR. */
  alerts: boolean;
  /** Sensitive kinds the role may read on a household's records (CASE_MANAGEMENT / REFERRAL purpose). */
  see: { identity: boolean; contact: boolean; officialId: boolean; children: boolean; socialAssistance: boolean; disability: boolean; health: boolean; caseNotes: boolean };
  /**
   * FINANCE on a need (Need.bridgingLoan: the household's 大病周转 loan on a MEDICAL need's card): ADMIN and COORDINATOR
   * (sensitiveRules: a social worker reads no finances; a credit officer reads them on its borrowers' households only).
   */
  financeOnNeed: boolean;
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
  creditOwn: false,
  creditPortfolio: false,
  workload: false,
  alerts: false,
  financeOnNeed: false,
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
      return {
        ...STAFF,
        manageAccounts: true,
        maintainServices: true,
        networkMap: true,
        creditPortfolio: true,
        workload: true,
        alerts: true,
        financeOnNeed: true,
        filters: { ...STAFF.filters, township: true },
      };
    case 'COORDINATOR':
      return { ...STAFF, maintainServices: true, networkMap: true, creditPortfolio: true, workload: true, alerts: true, financeOnNeed: true, filters: { ...STAFF.filters, township: true } };
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
      // Its own borrowers (households whose loan names it): the head's name and phone and the loan (FINANCE), their
      // needs without descriptions; no markers, referrals, help records, consents, lists or matching.
      return { ...NONE, creditOwn: true, see: { ...NONE.see, identity: true, contact: true } };
  }
}
