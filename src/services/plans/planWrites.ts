import { ID_PREFIXES } from '../../domain/ids';
import type { Category, Organization, Relationship, Service } from '../../domain/model';
import type { PlanRecord } from '../../domain/Plan';
import { badInput } from '../../errors/HuzhuError';
import type { NetworkSnapshot } from '../../graph';
import type { PlanWrite } from '../../store/GraphStore';
import { applyWhatIf } from '../coverage/applyWhatIf';
import type { WhatIfChange } from '../coverage/WhatIfChange';

/** Fields of a change that name another record (rewritten when they name a record the plan adds). */
const REFERENCE_FIELDS = ['organizationId', 'fromId', 'toId', 'relationshipId', 'stakeholderId', 'serviceId'] as const;

/**
 * The store writes that make a plan real (applyPlan), computed by whatIf's own
 * machinery so that applying means exactly what evaluating showed: the
 * changes are applied to today's snapshot (applyWhatIf checks every id and
 * rule, at changes.<i>.<field>), and the scenario is diffed against today —
 * records it adds are created, records it changes (a relationship's status,
 * a service's status or capacity) are updated. Pure.
 *
 * - New records get ids derived from the plan (org_<plan>-<n> for the change
 *   at position n) unless the change names one, so a retried apply can never
 *   create a record twice; later changes that refer to the what-if default
 *   ids (org_whatif-<n>, …) are pointed at them.
 * - What-if markers are replaced: records are not synthetic, carry the plan's
 *   name in their description or note, and are stamped `now`.
 * - REMOVE_STAKEHOLDER is refused (BAD_USER_INPUT at changes.<i>.kind): the
 *   store deletes no stakeholder; end its relationships (until) or suspend
 *   its services instead.
 */
export function planWrites(today: NetworkSnapshot, plan: PlanRecord, changes: readonly WhatIfChange[], categories: readonly Category[], now: string): PlanWrite[] {
  const planKey = plan.id.slice(plan.id.indexOf('_') + 1);
  const realIds = new Map<string, string>();
  const named = changes.map((change, i): WhatIfChange => {
    const n = i + 1;
    if (change.kind === 'REMOVE_STAKEHOLDER') {
      throw badInput(
        `changes.${i}.kind: a plan that removes ${change.stakeholderId} cannot be applied (实施规划不会删除任何记录); end its relationships with an until date or suspend its services, then apply a plan without the removal`,
        ['changes', i, 'kind'],
      );
    }
    const rewritten = rewriteReferences(change, realIds);
    if (rewritten.kind === 'ADD_ORGANIZATION' || rewritten.kind === 'ADD_SERVICE' || rewritten.kind === 'ADD_RELATIONSHIP') {
      const prefix = { ADD_ORGANIZATION: ID_PREFIXES.Organization, ADD_SERVICE: ID_PREFIXES.Service, ADD_RELATIONSHIP: ID_PREFIXES.Relationship }[rewritten.kind];
      if (rewritten.id === undefined) {
        const id = `${prefix}_${planKey}-${n}`;
        realIds.set(`${prefix}_whatif-${n}`, id);
        return { ...rewritten, id };
      }
    }
    return rewritten;
  });
  const scenario = applyWhatIf(today, named, categories).snapshot;
  const origin = `规划「${plan.name}」(${plan.id})`;
  const unnamedServices = new Set(named.flatMap((c) => (c.kind === 'ADD_SERVICE' && c.name === undefined ? [c.id as string] : [])));

  const writes: PlanWrite[] = [];
  const todayOrgs = new Map(today.organizations.map((o) => [o.id, o]));
  const todayServices = new Map(today.services.map((s) => [s.id, s]));
  const todayRelationships = new Map(today.relationships.map((r) => [r.id, r]));
  const scenarioOrgs = new Map(scenario.organizations.map((o) => [o.id, o]));
  for (const org of scenario.organizations) {
    if (todayOrgs.has(org.id)) continue;
    const entity: Organization = { ...org, description: `${origin}`, synthetic: false };
    writes.push({ op: 'create', kind: 'Organization', entity });
  }
  const updates: PlanWrite[] = [];
  for (const service of scenario.services) {
    const before = todayServices.get(service.id);
    if (before === undefined) {
      const org = scenarioOrgs.get(service.organizationId);
      const name = unnamedServices.has(service.id) && org ? `${org.name}：${service.categories.join('、')}` : service.name;
      const entity: Service = { ...service, name, description: origin, synthetic: false };
      writes.push({ op: 'create', kind: 'Service', entity });
    } else if (before.status !== service.status || before.capacity !== service.capacity) {
      updates.push({ op: 'update', kind: 'Service', entity: { ...before, status: service.status, capacity: service.capacity } });
    }
  }
  for (const relationship of scenario.relationships) {
    const before = todayRelationships.get(relationship.id);
    if (before === undefined) {
      const entity: Relationship = { ...relationship, note: origin, createdAt: now, updatedAt: now };
      writes.push({ op: 'create', kind: 'Relationship', entity });
    } else if (before.status !== relationship.status) {
      updates.push({ op: 'update', kind: 'Relationship', entity: { ...before, status: relationship.status, updatedAt: now } });
    }
  }
  return [...writes, ...updates];
}

// Private:

function rewriteReferences(change: WhatIfChange, realIds: ReadonlyMap<string, string>): WhatIfChange {
  const record: Record<string, unknown> = { ...change };
  for (const field of REFERENCE_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && realIds.has(value)) record[field] = realIds.get(value);
  }
  return record as WhatIfChange;
}
