import { z } from 'zod';
import { kindOfId } from '../../domain/ids';
import {
  CategoryCode,
  GeoPoint,
  IsoDate,
  OrganizationKind,
  RelationshipStatus,
  RelationshipType,
  ServiceStatus,
  idOf,
} from '../../domain/model';
import { badInput } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import { STAKEHOLDER_KINDS } from '../../store/GraphStore';
import { AddServiceInput } from '../network';

/** At most this many changes in one scenario. */
export const MAX_WHAT_IF_CHANGES = 50;

const stakeholderId = z.string().refine(
  (id) => {
    const kind = kindOfId(id);
    return kind !== null && STAKEHOLDER_KINDS.includes(kind);
  },
  { message: `must be the id of a stakeholder (${STAKEHOLDER_KINDS.join(', ')})` },
);

/** Kinds a scenario may take away: places stay where they are. */
export const REMOVABLE_KINDS = ['Person', 'Organization', 'Service'] as const;
const removableId = z.string().refine(
  (id) => (REMOVABLE_KINDS as readonly string[]).includes(kindOfId(id) ?? ''),
  { message: `must be the id of a ${REMOVABLE_KINDS.join(', ')} (villages and townships cannot be removed)` },
);

/**
 * One change of a what-if scenario, as a flat GraphQL input with a `kind`
 * (schema/coverage.graphql WhatIfChange): each kind takes its own fields and
 * refuses the others'. Ids of new records are optional; a later change can
 * refer to a record an earlier one added.
 */
export const WHAT_IF_VARIANTS = {
  ADD_ORGANIZATION: z.object({
    kind: z.literal('ADD_ORGANIZATION'),
    id: idOf('Organization').optional(),
    name: z.string().min(1).max(200),
    organizationKind: OrganizationKind.optional(),
    townshipId: idOf('Township').nullish(),
    villageId: idOf('Village').nullish(),
    location: GeoPoint.nullish(),
  }),
  ADD_SERVICE: z.object({
    kind: z.literal('ADD_SERVICE'),
    id: idOf('Service').optional(),
    organizationId: idOf('Organization'),
    name: z.string().min(1).max(200).optional(),
    categories: z.array(CategoryCode).min(1, { message: 'must name at least one category' }),
    area: AddServiceInput.shape.area,
    online: z.boolean().optional(),
    capacity: z.number().int().min(0, { message: 'must be 0 or more (null: no stated limit)' }).nullish(),
    location: GeoPoint.nullish(),
    eligibility: AddServiceInput.shape.eligibility,
    serviceStatus: ServiceStatus.optional(),
  }),
  ADD_RELATIONSHIP: z.object({
    kind: z.literal('ADD_RELATIONSHIP'),
    id: idOf('Relationship').optional(),
    fromId: stakeholderId,
    toId: stakeholderId,
    type: RelationshipType,
    status: RelationshipStatus.optional(),
    /** When the link starts and ends (optional): a plan evaluated as of a date counts it only in between. */
    since: IsoDate.nullish(),
    until: IsoDate.nullish(),
  }).refine((c) => c.since == null || c.until == null || c.since <= c.until, { path: ['until'], message: 'must not be before since (结束日期不能早于开始日期)' }),
  SET_RELATIONSHIP_STATUS: z
    .object({
      kind: z.literal('SET_RELATIONSHIP_STATUS'),
      relationshipId: idOf('Relationship').optional(),
      fromId: stakeholderId.optional(),
      toId: stakeholderId.optional(),
      type: RelationshipType.optional(),
      status: RelationshipStatus,
    })
    .superRefine((c, ctx) => {
      const byEnds = c.fromId !== undefined || c.toId !== undefined || c.type !== undefined;
      if (c.relationshipId !== undefined && byEnds) {
        ctx.addIssue({ code: 'custom', path: ['relationshipId'], message: 'name the relationship by relationshipId or by fromId, toId and type, not both' });
      } else if (c.relationshipId === undefined) {
        for (const field of ['fromId', 'toId', 'type'] as const) {
          if (c[field] === undefined) {
            ctx.addIssue({ code: 'custom', path: [field], message: 'required (or name the relationship by relationshipId)' });
          }
        }
      }
    }),
  REMOVE_STAKEHOLDER: z.object({
    kind: z.literal('REMOVE_STAKEHOLDER'),
    stakeholderId: removableId,
  }),
  SET_SERVICE_CAPACITY: z.object({
    kind: z.literal('SET_SERVICE_CAPACITY'),
    serviceId: idOf('Service'),
    capacity: z.number().int().min(0, { message: 'must be 0 or more (null: no stated limit)' }).nullable(),
  }),
  SET_SERVICE_STATUS: z.object({
    kind: z.literal('SET_SERVICE_STATUS'),
    serviceId: idOf('Service'),
    serviceStatus: ServiceStatus,
  }),
} as const;

export type WhatIfChangeKind = keyof typeof WHAT_IF_VARIANTS;
export const WHAT_IF_CHANGE_KINDS = Object.keys(WHAT_IF_VARIANTS) as WhatIfChangeKind[];
export type WhatIfChange = { [K in WhatIfChangeKind]: z.infer<(typeof WHAT_IF_VARIANTS)[K]> }[WhatIfChangeKind];

/**
 * Parses the `changes` argument: BAD_USER_INPUT with the path of the first
 * problem, e.g. ["changes", 2, "serviceId"]. A field of another kind is
 * refused when it holds a value (null is taken as "not given", since GraphQL
 * clients often send every field of the flat input).
 */
export function parseWhatIfChanges(raw: unknown, root: ReadonlyArray<string | number> = ['changes']): WhatIfChange[] {
  if (!Array.isArray(raw)) throw badInput(`${root.join('.')}: must be a list of changes`, root);
  if (raw.length === 0) throw badInput(`${root.join('.')}: give at least one change to compare with today`, root);
  if (raw.length > MAX_WHAT_IF_CHANGES) {
    throw badInput(`${root.join('.')}: at most ${MAX_WHAT_IF_CHANGES} changes per scenario (got ${raw.length}); split the scenario`, root);
  }
  return raw.map((change, i) => parseChange(change, [...root, i]));
}

// Private:

function parseChange(raw: unknown, path: ReadonlyArray<string | number>): WhatIfChange {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badInput(`${path.join('.')}: must be an object with a kind`, path);
  const record = raw as Record<string, unknown>;
  const kind = record['kind'];
  if (typeof kind !== 'string' || !(kind in WHAT_IF_VARIANTS)) {
    throw badInput(`${path.join('.')}.kind: must be one of ${WHAT_IF_CHANGE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`, [...path, 'kind']);
  }
  const variant = WHAT_IF_VARIANTS[kind as WhatIfChangeKind];
  const fields = new Set(Object.keys(variant.shape));
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (fields.has(key)) own[key] = value;
    else if (value !== null && value !== undefined) {
      throw badInput(`${[...path, key].join('.')}: a ${kind} change does not take ${key} (it takes ${[...fields].filter((f) => f !== 'kind').join(', ')})`, [...path, key]);
    }
  }
  return parseInput(variant as z.ZodType, own, path) as WhatIfChange;
}
