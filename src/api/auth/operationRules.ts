import { kindOfId } from '../../domain/ids';
import { HuzhuError } from '../../errors/HuzhuError';
import type { AuditTarget } from '../../services/audit';
import type { Owner, RequestAccess } from './RequestAccess';
import { requireDirectoryKinds, requireHouseholdSearch } from './searchAccess';
import type { Role } from './Viewer';

/**
 * Who may call each root field, checked before its resolver runs. Both tables
 * must name every Query and Mutation field of the schema, and nothing else:
 * guardSchema refuses to start otherwise, so a new operation cannot ship
 * without a decision here.
 *
 * Out-of-scope targets behave as not found (NOT_FOUND); a role that may never
 * call an operation gets FORBIDDEN; an anonymous caller gets UNAUTHENTICATED.
 */
type Args = Record<string, unknown>;

export interface QueryRule {
  roles: readonly Role[];
  /** Extra checks on the arguments (a target's scope). */
  check?: (access: RequestAccess, args: Args) => Promise<void>;
  /** The record the result describes, when it has no entity of its own to own its sensitive fields. */
  owner?: (args: Args) => Owner | null;
}

/** Checks a mutation may run and names what it writes, for the WRITE audit event recorded before it runs. */
export type MutationRule = (access: RequestAccess, args: Args) => Promise<AuditTarget>;

const EVERYONE: readonly Role[] = ['ANONYMOUS', 'ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER', 'CREDIT_OFFICER'];
const SIGNED_IN: readonly Role[] = EVERYONE.filter((r) => r !== 'ANONYMOUS');
const CASE_WORK: readonly Role[] = ['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER'];
const STAFF: readonly Role[] = ['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER'];
const NETWORK_EDITORS: readonly Role[] = ['ADMIN', 'COORDINATOR'];

/** Who saves, reopens, evaluates and compares plans (issue 12 item 3); only an ADMIN applies one. */
const PLANNERS: readonly Role[] = [...NETWORK_EDITORS, 'DESIGNER'];

/** Who keeps services current (issue 11 item 4); requireServiceKeeper narrows COORDINATOR and PARTNER_NGO to their organisations. */
const SERVICE_KEEPERS: readonly Role[] = [...NETWORK_EDITORS, 'PARTNER_NGO'];

const input = (args: Args): Args => (args['input'] !== null && typeof args['input'] === 'object' ? (args['input'] as Args) : {});

export const QUERY_RULES: Readonly<Record<string, QueryRule>> = {
  // The public directory.
  node: { roles: EVERYONE },
  townships: { roles: EVERYONE },
  villages: { roles: EVERYONE },
  organizations: { roles: EVERYONE },
  services: { roles: EVERYONE },
  categories: { roles: EVERYONE },
  // The network of people.
  people: { roles: SIGNED_IN },
  relationships: { roles: SIGNED_IN },
  stakeholders: { roles: SIGNED_IN },
  // Household level, scoped by the list resolvers (auth/scopedList.ts).
  households: { roles: CASE_WORK },
  needs: { roles: CASE_WORK },
  referrals: { roles: [...CASE_WORK, 'PARTNER_NGO'] },
  overdueReferrals: { roles: [...CASE_WORK, 'PARTNER_NGO'] },
  assistances: { roles: [...CASE_WORK, 'PARTNER_NGO'] },
  // Matching reads the household's markers and members: staff, on a need they may see.
  matchNeed: {
    roles: STAFF,
    check: async (access, args) => {
      await access.primeNeedContext(args['needId']); // one store call for the check and the match (GraphStore.matchContext)
      await access.requireReadable('Need', args['needId'], ['needId']);
    },
    owner: (args) => (typeof args['needId'] === 'string' ? { kind: 'Need', id: args['needId'] } : null),
  },
  // Between stakeholders for anyone signed in; a household end must be one the viewer may see.
  referralPath: {
    roles: SIGNED_IN,
    check: async (access, args) => {
      for (const end of ['from', 'to'] as const) {
        const kind = typeof args[end] === 'string' ? kindOfId(args[end]) : null;
        if (kind !== null && access.visibility(kind) !== 'ALL') await access.requireReadable(kind, args[end], [end]);
      }
      // A need named for its consent category must be one the viewer may see.
      if (typeof args['needId'] === 'string') await access.requireReadable('Need', args['needId'], ['needId']);
    },
  },
  // Aggregates (small cells suppressed for roles that may not see households, resolvers/coverage.ts).
  coverage: { roles: SIGNED_IN },
  networkMetrics: { roles: SIGNED_IN },
  whatIf: { roles: [...NETWORK_EDITORS, 'DESIGNER'] },
  // Saved plans (issue 12 item 3; services/plans): the designers' shared workspace, with network editors.
  plans: { roles: PLANNERS },
  plan: { roles: PLANNERS },
  evaluatePlan: { roles: PLANNERS },
  comparePlans: { roles: PLANNERS },
  // A ranking of families by vulnerability is itself social-assistance data: staff only, within their scope.
  mostVulnerableHouseholds: { roles: STAFF },
  // Search (auth/searchAccess.ts): households by the fields the viewer may read, within its scope; the directory by name.
  searchHouseholds: { roles: CASE_WORK, check: async (access) => requireHouseholdSearch(access) },
  searchDirectory: { roles: EVERYONE, check: async (access, args) => requireDirectoryKinds(access, args['kinds']) },
  // The credit company's view (issue 15 item 3; resolvers/credit.ts): caseloads and the loan book as suppressed
  // aggregates (a CREDIT_OFFICER gets only its own row); a CREDIT_OFFICER's own borrowers.
  creditOfficers: { roles: ['ADMIN', 'COORDINATOR', 'DESIGNER', 'CREDIT_OFFICER'] },
  loanPortfolio: { roles: ['ADMIN', 'COORDINATOR', 'DESIGNER', 'CREDIT_OFFICER'] },
  myBorrowers: { roles: ['CREDIT_OFFICER'] },
  // Community development officers' training and assignment (staff data, no family's); liaisons' and volunteers'
  // workload: a COORDINATOR's answer is cut to its townships (resolvers/workload.ts), need counts suppressed.
  developmentOfficers: { roles: ['ADMIN', 'COORDINATOR', 'DESIGNER'] },
  workload: { roles: NETWORK_EDITORS },
  // Waiting lists (issue 14 item 3; resolvers/waitlist.ts): staff, who send referrals; the nodes are cut to needs the
  // viewer may see. A partner NGO sees only Service.capacityStatus (schema/waitlist.graphql says why).
  waitlist: { roles: STAFF, check: async (access, args) => void (await access.requireReadable('Service', args['serviceId'], ['serviceId'])) },
  // Access module.
  auditEvents: { roles: ['ADMIN'] },
  // Accounts (issue 11): one's own account for anyone (null when anonymous); the list is an ADMIN's.
  me: { roles: EVERYONE },
  accounts: { roles: ['ADMIN'] },
  // Household import and field exports (issue 14 items 2 and 5; resolvers/householdImport.ts, fieldExport.ts):
  // staff, within their scope; the export's columns follow sensitiveRules for the request's purpose.
  householdImportTemplate: { roles: STAFF },
  exportHouseholds: { roles: STAFF },
  exportReferrals: { roles: STAFF },
  // Pushed alerts (issue 15 item 5): a coordinator's, scoped to its townships and villages (services/alerts/myAlerts.ts); an ADMIN's all.
  myAlerts: { roles: NETWORK_EDITORS },
  // Freshness (issue 14 item 4): the stale services a keeper answers for (services/staleServices.ts narrows to its own).
  staleServices: { roles: SERVICE_KEEPERS },
  consents: {
    roles: STAFF,
    check: async (access, args) => void (await access.requireReadable('Household', args['householdId'], ['householdId'])),
  },
};

export const MUTATION_RULES: Readonly<Record<string, MutationRule>> = {
  _ping: async (access) => {
    access.requireRole('_ping', SIGNED_IN);
    return { entityKind: 'System', entityId: 'ping' };
  },
  registerHousehold: async (access, args) => {
    access.requireRole('registerHousehold', STAFF);
    await access.requireVillageInScope(input(args)['villageId'], ['input', 'villageId']);
    return { entityKind: 'Village', entityId: String(input(args)['villageId']) };
  },
  // Each row's village is checked against the caller's scope as registerHousehold checks one (services/householdImport.ts).
  importHouseholds: async (access) => {
    access.requireRole('importHouseholds', STAFF);
    return { entityKind: 'HouseholdImport', entityId: 'new' };
  },
  updateHousehold: async (access, args) => {
    access.requireRole('updateHousehold', STAFF);
    const household = await access.requireReadable('Household', args['id'], ['id']);
    // Moving a household needs the destination in scope too.
    if (input(args)['villageId'] != null) await access.requireVillageInScope(input(args)['villageId'], ['input', 'villageId']);
    return { entityKind: 'Household', entityId: household.id };
  },
  recordNeed: async (access, args) => {
    access.requireRole('recordNeed', CASE_WORK);
    const household = await access.requireReadable('Household', input(args)['householdId'], ['input', 'householdId']);
    return { entityKind: 'Household', entityId: household.id };
  },
  addOrganization: async (access) => {
    // A DESIGNER maps future stakeholders (issue 12 item 3): the organisation it adds has no tie yet, and it may
    // only link it BUILDING or PROSPECTIVE (linkStakeholders below), so it stays a prospective organisation.
    access.requireRole('addOrganization', [...NETWORK_EDITORS, 'DESIGNER']);
    return { entityKind: 'Organization', entityId: 'new' };
  },
  addService: async (access, args) => {
    // Network editors anywhere; a partner NGO for its own organisation (issue 11 item 4).
    access.requireRole('addService', [...SERVICE_KEEPERS, 'DESIGNER']);
    // A DESIGNER's services are PLANNED (never matched: matching takes ACTIVE services only); the input defaults to ACTIVE.
    if (access.role === 'DESIGNER') requireDesignerStatus('addService', input(args)['status'], ['PLANNED'], ['input', 'status']);
    if (access.role === 'PARTNER_NGO') await requireServiceKeeper(access, 'addService', input(args)['organizationId'], ['input', 'organizationId']);
    return { entityKind: 'Organization', entityId: String(input(args)['organizationId']) };
  },
  updateServiceCapacity: async (access, args) => {
    access.requireRole('updateServiceCapacity', SERVICE_KEEPERS);
    if (access.role === 'PARTNER_NGO') {
      const service = await access.requireReadable('Service', args['serviceId'], ['serviceId']);
      await requireServiceKeeper(access, 'updateServiceCapacity', service.organizationId, ['serviceId']);
    }
    return { entityKind: 'Service', entityId: String(args['serviceId']) };
  },
  updateService: async (access, args) => {
    access.requireRole('updateService', SERVICE_KEEPERS);
    const service = await access.requireReadable('Service', args['id'], ['id']);
    await requireServiceKeeper(access, 'updateService', service.organizationId, ['id']);
    return { entityKind: 'Service', entityId: service.id };
  },
  confirmService: async (access, args) => {
    access.requireRole('confirmService', SERVICE_KEEPERS);
    const service = await access.requireReadable('Service', args['id'], ['id']);
    await requireServiceKeeper(access, 'confirmService', service.organizationId, ['id']);
    return { entityKind: 'Service', entityId: service.id };
  },
  // Read marks are the viewer's own; out-of-scope ids are ignored by the use case (services/alerts/myAlerts.ts).
  markAlertsRead: async (access) => {
    access.requireRole('markAlertsRead', NETWORK_EDITORS);
    return { entityKind: 'Alert', entityId: 'read-marks' };
  },
  // Accounts (issue 11): an ADMIN's; the guard's WRITE event records argument paths, never a password.
  createAccount: async (access) => {
    access.requireRole('createAccount', ['ADMIN']);
    return { entityKind: 'Account', entityId: 'new' };
  },
  updateAccount: async (access, args) => {
    access.requireRole('updateAccount', ['ADMIN']);
    return { entityKind: 'Account', entityId: String(args['id']) };
  },
  resetAccountPassword: async (access, args) => {
    access.requireRole('resetAccountPassword', ['ADMIN']);
    return { entityKind: 'Account', entityId: String(args['id']) };
  },
  unlockAccount: async (access, args) => {
    access.requireRole('unlockAccount', ['ADMIN']);
    return { entityKind: 'Account', entityId: String(args['id']) };
  },
  linkStakeholders: async (access, args) => {
    access.requireRole('linkStakeholders', [...NETWORK_EDITORS, 'DESIGNER']);
    // A DESIGNER maps ties being built or hoped for; only a network editor records one as ESTABLISHED (a trust path).
    if (access.role === 'DESIGNER') requireDesignerStatus('linkStakeholders', input(args)['status'], ['BUILDING', 'PROSPECTIVE'], ['input', 'status']);
    return { entityKind: 'Relationship', entityId: `${String(input(args)['fromId'])}->${String(input(args)['toId'])}` };
  },
  // Saved plans: its author or an ADMIN changes or deletes one (services/plans checks the author);
  // applying writes real records, an ADMIN's alone.
  savePlan: async (access, args) => {
    access.requireRole('savePlan', PLANNERS);
    const id = input(args)['id'];
    return { entityKind: 'Plan', entityId: typeof id === 'string' ? id : 'new' };
  },
  deletePlan: async (access, args) => {
    access.requireRole('deletePlan', PLANNERS);
    return { entityKind: 'Plan', entityId: String(args['id']) };
  },
  applyPlan: async (access, args) => {
    access.requireRole('applyPlan', ['ADMIN']);
    return { entityKind: 'Plan', entityId: String(args['id']) };
  },
  // Community development officers (issue 15 item 3): an ADMIN anywhere; a COORDINATOR for officers assigned in its
  // townships, and (assignment) only to villages and townships there.
  recordOfficerTraining: async (access, args) => {
    access.requireRole('recordOfficerTraining', NETWORK_EDITORS);
    await requireOfficerInScope(access, 'recordOfficerTraining', args['personId']);
    return { entityKind: 'Person', entityId: String(args['personId']) };
  },
  assignDevelopmentOfficer: async (access, args) => {
    access.requireRole('assignDevelopmentOfficer', NETWORK_EDITORS);
    await requireOfficerInScope(access, 'assignDevelopmentOfficer', args['personId']);
    const given = input(args);
    const villageIds = Array.isArray(given['villageIds']) ? (given['villageIds'] as unknown[]) : [];
    for (const [i, villageId] of villageIds.entries()) await access.requireVillageInScope(villageId, ['input', 'villageIds', i]);
    const townshipIds = Array.isArray(given['townshipIds']) ? (given['townshipIds'] as unknown[]) : [];
    if (access.role !== 'ADMIN') {
      const own = access.viewerScope().townshipIds;
      townshipIds.forEach((townshipId, i) => {
        if (typeof townshipId !== 'string' || !own.includes(townshipId)) {
          throw new HuzhuError('FORBIDDEN', `assignDevelopmentOfficer: input.townshipIds.${i} 不在您负责的乡镇内 (is outside your townships: ${own.join(', ')})`, {
            path: ['input', 'townshipIds', i],
          });
        }
      });
    }
    return { entityKind: 'Person', entityId: String(args['personId']) };
  },
  createReferral: async (access, args) => {
    access.requireRole('createReferral', STAFF);
    const need = await access.requireReadable('Need', input(args)['needId'], ['input', 'needId']);
    return { entityKind: 'Need', entityId: need.id };
  },
  updateReferralStatus: async (access, args) => {
    access.requireRole('updateReferralStatus', [...STAFF, 'PARTNER_NGO']);
    const referral = await access.requireReadable('Referral', input(args)['referralId'], ['input', 'referralId']);
    // A partner answers for its own organisation; cancelling is the family's or the coordinator's call.
    const status = input(args)['status'];
    if (access.role === 'PARTNER_NGO' && !['ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED'].includes(String(status))) {
      access.requireRole(`updateReferralStatus to ${String(status)}`, STAFF);
    }
    return { entityKind: 'Referral', entityId: referral.id };
  },
  recordAssistance: async (access, args) => {
    access.requireRole('recordAssistance', [...CASE_WORK, 'PARTNER_NGO']);
    const given = input(args);
    if (access.role === 'PARTNER_NGO') {
      // A partner records help given through a referral addressed to it.
      if (given['referralId'] == null) access.requireRole('recordAssistance without a referralId', CASE_WORK);
      await access.requireReadable('Referral', given['referralId'], ['input', 'referralId']);
    }
    const need = await access.requireReadable('Need', given['needId'], ['input', 'needId']);
    return { entityKind: 'Need', entityId: need.id };
  },
  planAllocations: async (access, args) => {
    access.requireRole('planAllocations', NETWORK_EDITORS);
    // A coordinator plans within one of its townships; a county-wide plan is an ADMIN's.
    const townshipId = input(args)['townshipId'];
    if (access.role !== 'ADMIN') {
      const own = access.viewerScope().townshipIds;
      if (typeof townshipId !== 'string' || !own.includes(townshipId)) {
        access.requireRole(`planAllocations outside input.townshipId ∈ [${own.join(', ')}]`, ['ADMIN']);
      }
    }
    return { entityKind: 'Township', entityId: typeof townshipId === 'string' ? townshipId : 'county' };
  },
  // Waiting lists (issue 14 item 3): who may send the referral may queue the need for it.
  joinWaitlist: async (access, args) => {
    access.requireRole('joinWaitlist', STAFF);
    const need = await access.requireReadable('Need', args['needId'], ['needId']);
    return { entityKind: 'Need', entityId: need.id };
  },
  leaveWaitlist: async (access, args) => {
    access.requireRole('leaveWaitlist', STAFF);
    const need = await access.requireReadable('Need', args['needId'], ['needId']);
    return { entityKind: 'Need', entityId: need.id };
  },
  recordConsent: async (access, args) => {
    access.requireRole('recordConsent', STAFF);
    const household = await access.requireReadable('Household', input(args)['householdId'], ['input', 'householdId']);
    return { entityKind: 'Household', entityId: household.id };
  },
  withdrawConsent: async (access, args) => {
    access.requireRole('withdrawConsent', STAFF);
    const consent = await access.requireReadable('Consent', args['id'], ['id']);
    return { entityKind: 'Consent', entityId: consent.id };
  },
};

/**
 * Service upkeep (issue 11 item 4): an ADMIN keeps any organisation's
 * services; a COORDINATOR those of organisations in its townships; a
 * PARTNER_NGO its own organisation's. FORBIDDEN otherwise, at `path`.
 */
/** A DESIGNER's writes stay in the future: only these statuses (FORBIDDEN at `path` otherwise, the default included). */
function requireDesignerStatus(operation: string, status: unknown, allowed: readonly string[], path: ReadonlyArray<string | number>): void {
  if (typeof status === 'string' && allowed.includes(status)) return;
  throw new HuzhuError(
    'FORBIDDEN',
    `${operation}: a DESIGNER may only record ${allowed.join(' or ')} (服务设计师只能登记规划中/正在建立/未来的记录; got ${typeof status === 'string' ? status : 'the default'}); set ${path.join('.')} to ${allowed.join(' or ')}, or ask a coordinator`,
    { path },
  );
}

/** A COORDINATOR acts on an officer assigned in one of its townships (FORBIDDEN at personId otherwise); an ADMIN on any. */
async function requireOfficerInScope(access: RequestAccess, operation: string, personId: unknown): Promise<void> {
  const person = await access.requireReadable('Person', personId, ['personId']);
  if (access.role === 'ADMIN') return;
  const own = access.viewerScope().townshipIds;
  if (person.townshipIds.some((t) => own.includes(t))) return;
  throw new HuzhuError('FORBIDDEN', `${operation}: personId 的社区发展专员不在您负责的乡镇 (the officer is assigned outside your townships; ask an ADMIN)`, {
    path: ['personId'],
  });
}

async function requireServiceKeeper(access: RequestAccess, operation: string, organizationId: unknown, path: ReadonlyArray<string | number>): Promise<void> {
  if (access.role === 'ADMIN') return;
  const scope = access.viewerScope();
  if (access.role === 'PARTNER_NGO' && typeof organizationId === 'string' && organizationId === scope.organizationId) return;
  if (access.role === 'COORDINATOR' && typeof organizationId === 'string') {
    const organization = await access.requireReadable('Organization', organizationId, path);
    if (organization.townshipId !== null && scope.townshipIds.includes(organization.townshipId)) return;
  }
  throw new HuzhuError('FORBIDDEN', `${operation}: ${path.join('.')} belongs to an organisation you do not maintain (只能维护本机构的服务；a ${access.role} keeps its own organisation's services)`, {
    path,
  });
}
