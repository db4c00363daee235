import type DataLoader from 'dataloader';
import { ENTITY_KINDS, isIdOf, type EntityKind } from '../../domain/ids';
import type { EntityMap, Household, Referral } from '../../domain/model';
import { HuzhuError, badInput, notFound } from '../../errors/HuzhuError';
import { createSensitiveReadRecorder, type AuditActor, type SensitiveReadRecorder } from '../../services/audit';
import { consentGap, consentsOf } from '../../services/consent';
import { listAll } from '../../services/listAll';
import { loadNeedContext } from '../../services/needContext';
import type { RequestContext } from '../context';
import { PURPOSES_BY_ROLE, type Purpose } from './Purpose';
import { READ_RULES, type Visibility } from './readRules';
import { sensitiveAllowed } from './sensitiveRules';
import type { SensitiveKind } from './SensitiveKind';
import type { Role } from './Viewer';

/** The record a field's value belongs to (for a HouseholdHead: its Household). */
export interface Owner {
  kind: EntityKind;
  id: string;
}

/**
 * Everything the access policy decides for one request, with its per-request
 * memos (nothing survives the request, so a changed scope, referral or
 * consent counts from the next one). Decisions are made on the stored record
 * loaded by id, never on the object a resolver happened to return.
 */
export class RequestAccess {
  readonly purpose: Purpose;
  private readonly readable = new Map<string, Promise<boolean>>();
  private readonly sharing = new Map<string, Promise<boolean>>();
  private partnerReferralList: Promise<Referral[]> | undefined;
  /** Objects already found readable in this request (a fast path for their leaf fields). */
  private approved = new WeakSet<object>();
  private readonly recordRead: SensitiveReadRecorder;

  constructor(
    private readonly ctx: RequestContext,
    purpose?: Purpose,
  ) {
    this.purpose = purpose ?? PURPOSES_BY_ROLE[ctx.viewer.role][0];
    this.recordRead = createSensitiveReadRecorder(ctx.store, this.actor(), ctx.now);
  }

  get role(): Role {
    return this.ctx.viewer.role;
  }

  /** The viewer's scope as the token states it. */
  viewerScope(): { townshipIds: readonly string[]; villageIds: readonly string[]; organizationId: string | null; personId: string | null } {
    const { townshipIds, villageIds, organizationId, personId } = this.ctx.viewer;
    return { townshipIds, villageIds, organizationId, personId };
  }

  actor(): AuditActor {
    return { actorId: this.ctx.viewer.subject, role: this.role, purpose: this.purpose, correlationId: this.ctx.correlationId };
  }

  visibility(kind: EntityKind): Visibility {
    return READ_RULES[this.role][kind];
  }

  /**
   * Reads a need's match context in one store call (GraphStore.matchContext) and primes the request's loaders
   * with it, so the scope check that follows and matchNeed read no record of it again (issue 13 item 1).
   * Not a decision: requireReadable still decides. A value that is not a need id is left to it.
   */
  async primeNeedContext(needId: unknown): Promise<void> {
    if (typeof needId === 'string' && isIdOf('Need', needId)) await loadNeedContext(this.ctx, needId);
  }

  /** After a write: decisions made on records as they were before it are forgotten (the loaders are cleared too). */
  forgetDecisions(): void {
    this.readable.clear();
    this.sharing.clear();
    this.partnerReferralList = undefined;
    this.approved = new WeakSet();
  }

  isApproved(value: object): boolean {
    return this.approved.has(value);
  }

  /** May the viewer see the record `kind`/`id` at all? (false for a record that does not exist) */
  canRead(kind: EntityKind, id: unknown): Promise<boolean> {
    if (typeof id !== 'string' || !isIdOf(kind, id)) return Promise.resolve(false);
    const visibility = this.visibility(kind);
    if (visibility !== 'SCOPED') return Promise.resolve(visibility === 'ALL');
    const key = `${kind}:${id}`;
    let decision = this.readable.get(key);
    if (!decision) {
      decision = this.load(kind, id).then((record) => (record === null ? false : this.inScope(kind, record)));
      this.readable.set(key, decision);
    }
    return decision;
  }

  /** canRead for an object a resolver returned: decided on its id, remembered for its leaf fields. */
  async canReadObject(kind: EntityKind, value: unknown): Promise<boolean> {
    if (value === null || typeof value !== 'object') return false;
    if (this.approved.has(value)) return true;
    const ok = await this.canRead(kind, (value as { id?: unknown }).id);
    if (ok) this.approved.add(value);
    return ok;
  }

  /**
   * May this sensitive field of `owner` be shown? The rule table (role, kind,
   * owner kind, purpose), then for a partner NGO whether the family's consent
   * (or a stated override) still covers the referral the data travels with.
   */
  async maySeeSensitive(kind: SensitiveKind, owner: Owner): Promise<boolean> {
    if (!sensitiveAllowed(this.role, this.purpose, kind, owner.kind)) return false;
    if (!(await this.canRead(owner.kind, owner.id))) return false;
    return this.role === 'PARTNER_NGO' ? this.partnerSharing(owner) : true;
  }

  /** Records the read in the audit trail; resolves once the event is stored (rejects when it cannot be). */
  async auditRead(owner: Owner, field: string): Promise<void> {
    try {
      await this.recordRead(owner.kind, owner.id, field);
    } catch (error) {
      const cause = error instanceof HuzhuError && error.cause instanceof Error ? error.cause.message : String(error);
      this.ctx.log.error({ entityKind: owner.kind, entityId: owner.id, field, cause }, 'audit write failed: sensitive field withheld');
      throw error;
    }
  }

  // -- operation checks (auth/operationRules.ts) --------------------------------

  /** UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a role not listed. */
  requireRole(operation: string, roles: readonly Role[]): void {
    if (roles.includes(this.role)) return;
    if (this.role === 'ANONYMOUS') {
      throw new HuzhuError('UNAUTHENTICATED', `${operation}: sign in first (send "authorization: Bearer <token>"; npm run token -- --help)`);
    }
    throw new HuzhuError('FORBIDDEN', `${operation}: a ${this.role} may not do this (allowed: ${roles.join(', ')})`);
  }

  /** The record, if the viewer may see it; NOT_FOUND otherwise (an unseen record behaves as missing). */
  async requireReadable<K extends EntityKind>(kind: K, id: unknown, path: ReadonlyArray<string | number>): Promise<EntityMap[K]> {
    if (typeof id !== 'string' || !isIdOf(kind, id)) {
      throw badInput(`${path.join('.')}: ${JSON.stringify(id)} is not a ${kind} id`, path);
    }
    const record = await this.load(kind, id);
    if (record === null || !(await this.canRead(kind, id))) throw notFound(kind, id, path);
    return record;
  }

  /** FORBIDDEN unless the viewer may write to households of this village. */
  async requireVillageInScope(villageId: unknown, path: ReadonlyArray<string | number>): Promise<void> {
    if (this.role === 'ADMIN') return;
    if (typeof villageId !== 'string' || !isIdOf('Village', villageId)) {
      throw badInput(`${path.join('.')}: ${JSON.stringify(villageId)} is not a Village id`, path);
    }
    if (!(await this.villageInScope(villageId))) {
      throw new HuzhuError('FORBIDDEN', `${path.join('.')}: village ${villageId} is outside your scope`, { path });
    }
  }

  /**
   * For a partner NGO: the referrals addressed to its organisation for a
   * household or a need. Read once per request (one store list of the
   * organisation's referrals — hundreds, not millions), then looked up here.
   */
  async partnerReferrals(about: { householdId?: string; needId?: string }): Promise<Referral[]> {
    const organizationId = this.ctx.viewer.organizationId;
    if (this.role !== 'PARTNER_NGO' || organizationId === null) return [];
    this.partnerReferralList ??= listAll(this.ctx.store, 'Referral', { organizationId });
    const all = await this.partnerReferralList;
    return all.filter((r) => (about.householdId === undefined || r.householdId === about.householdId) && (about.needId === undefined || r.needId === about.needId));
  }

  async villageInScope(villageId: string): Promise<boolean> {
    const viewer = this.ctx.viewer;
    switch (this.role) {
      case 'ADMIN':
        return true;
      case 'COORDINATOR': {
        const village = await this.load('Village', villageId);
        return village !== null && viewer.townshipIds.includes(village.townshipId);
      }
      case 'SOCIAL_WORKER':
      case 'VOLUNTEER':
        return viewer.villageIds.includes(villageId);
      case 'PARTNER_NGO':
      case 'DESIGNER':
      case 'CREDIT_OFFICER':
      case 'ANONYMOUS':
        return false;
      default: {
        const never: never = this.role;
        return never;
      }
    }
  }

  // Private: per-kind scope of SCOPED records.

  private async inScope(kind: EntityKind, record: EntityMap[EntityKind]): Promise<boolean> {
    const partner = this.role === 'PARTNER_NGO';
    switch (kind) {
      case 'Household': {
        const h = record as Household;
        // A credit officer's scope is its borrowers, not places.
        if (this.role === 'CREDIT_OFFICER') return this.ctx.viewer.personId !== null && h.loan?.creditOfficerId === this.ctx.viewer.personId;
        return partner ? (await this.partnerReferrals({ householdId: h.id })).length > 0 : this.villageInScope(h.villageId);
      }
      case 'Need': {
        const n = record as EntityMap['Need'];
        return partner ? (await this.partnerReferrals({ needId: n.id })).length > 0 : this.canRead('Household', n.householdId);
      }
      case 'Referral': {
        const r = record as Referral;
        return partner ? r.organizationId === this.ctx.viewer.organizationId : this.canRead('Household', r.householdId);
      }
      case 'Assistance': {
        const a = record as EntityMap['Assistance'];
        return partner ? a.referralId !== null && this.canRead('Referral', a.referralId) : this.canRead('Need', a.needId);
      }
      case 'Consent':
        return this.canRead('Household', (record as EntityMap['Consent']).householdId);
      case 'Township':
      case 'Village':
      case 'Person':
      case 'Organization':
      case 'Service':
      case 'Relationship':
      case 'AuditEvent':
        // No scope is defined for these kinds: a SCOPED rule for one would be a policy bug; fail closed.
        return false;
      default: {
        const never: never = kind;
        return never;
      }
    }
  }

  /** A partner sees personal data only while a live referral carries it with consent or a stated override. */
  private partnerSharing(owner: Owner): Promise<boolean> {
    const key = `${owner.kind}:${owner.id}`;
    let decision = this.sharing.get(key);
    if (!decision) {
      decision = this.decidePartnerSharing(owner);
      this.sharing.set(key, decision);
    }
    return decision;
  }

  private async decidePartnerSharing(owner: Owner): Promise<boolean> {
    let referrals: Referral[];
    switch (owner.kind) {
      case 'Household':
        referrals = await this.partnerReferrals({ householdId: owner.id });
        break;
      case 'Need':
        referrals = await this.partnerReferrals({ needId: owner.id });
        break;
      case 'Referral': {
        const r = await this.load('Referral', owner.id);
        referrals = r ? [r] : [];
        break;
      }
      case 'Assistance': {
        const a = await this.load('Assistance', owner.id);
        const r = a?.referralId ? await this.load('Referral', a.referralId) : null;
        referrals = r && r.organizationId === this.ctx.viewer.organizationId ? [r] : [];
        break;
      }
      default:
        return true; // not a household's record: the rule table alone decides
    }
    for (const referral of referrals) {
      if (await this.referralShares(referral)) return true;
    }
    return false;
  }

  private async referralShares(referral: Referral): Promise<boolean> {
    if (referral.status === 'CANCELLED') return false;
    if (referral.consentOverrideReason !== null) return true;
    const [household, need] = await Promise.all([this.load('Household', referral.householdId), this.load('Need', referral.needId)]);
    if (!household || !need) return false;
    return consentGap(await consentsOf(this.ctx.store, household.id), household, referral.organizationId, need.category, this.ctx.now()) === null;
  }

  private load<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | null> {
    return (this.ctx.loaders[kind] as unknown as DataLoader<string, EntityMap[K] | null>).load(id);
  }
}

// -- one RequestAccess per request context ---------------------------------------

/**
 * Kept on the context object itself, as an enumerable symbol property: Apollo
 * shallow-copies the context for each operation, and a copy must carry the
 * same policy (a WeakMap keyed on the original object would miss the copy).
 */
const ACCESS = Symbol('huzhu.access');
type WithAccess = RequestContext & { [ACCESS]?: RequestAccess };

/** Called by createApp when it builds a request's context. */
export function attachAccess(ctx: RequestContext, purpose?: Purpose): RequestAccess {
  const access = new RequestAccess(ctx, purpose);
  (ctx as WithAccess)[ACCESS] = access;
  return access;
}

/** The request's access policy (created with the role's default purpose if createApp did not attach one). */
export function accessOf(ctx: RequestContext): RequestAccess {
  return (ctx as WithAccess)[ACCESS] ?? attachAccess(ctx);
}

/** The entity kind a GraphQL object type stands for, when its name is one. */
export function entityKindOfType(typeName: string): EntityKind | null {
  return (ENTITY_KINDS as readonly string[]).includes(typeName) ? (typeName as EntityKind) : null;
}
