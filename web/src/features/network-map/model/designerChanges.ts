import type {
  AddOrganizationInput,
  AddServiceInput,
  LinkStakeholdersInput,
  OrganizationKind,
  RelationshipStatus,
  RelationshipType,
  ServiceAreaKind,
  WhatIfChange,
} from '@/gql/graphql';

/**
 * What a designer maps (issue 12 item 3), from the map page's three forms:
 * each form's values become either the mutation's input (write now:
 * addOrganization / addService / linkStakeholders, which the API accepts
 * from a DESIGNER only as PROSPECTIVE / PLANNED / BUILDING-or-PROSPECTIVE)
 * or one what-if change of the draft plan (the same fields, WhatIfChange's
 * names). Pure: unit-tested under jest.
 */

export interface OrganizationValues {
  name: string;
  organizationKind: OrganizationKind;
  townshipId: string;
  villageId: string;
}

export interface ServiceValues {
  organizationId: string;
  name: string;
  categories: string[];
  areaKind: Exclude<ServiceAreaKind, 'RADIUS'>;
  areaTownshipIds: string[];
  areaVillageIds: string[];
  capacity: string;
  /** The plan's assumption: evaluate the plan as if this service ran (ACTIVE in the what-if; never written so). */
  assumeActive: boolean;
}

/** A designer's link: only these two statuses (the API answers FORBIDDEN to ESTABLISHED). */
export type DesignerLinkStatus = Extract<RelationshipStatus, 'BUILDING' | 'PROSPECTIVE'>;
export const DESIGNER_LINK_STATUSES: readonly DesignerLinkStatus[] = ['BUILDING', 'PROSPECTIVE'];

/** In a plan a link may also be assumed ESTABLISHED (from `since` on): the what-if writes nothing. */
export const PLAN_LINK_STATUSES: readonly RelationshipStatus[] = ['BUILDING', 'PROSPECTIVE', 'ESTABLISHED'];

export interface LinkValues {
  fromId: string;
  toId: string;
  type: RelationshipType;
  status: RelationshipStatus;
  since: string;
  until: string;
}

const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function organizationInput(v: OrganizationValues): AddOrganizationInput {
  return { name: v.name.trim(), kind: v.organizationKind, townshipId: blankToNull(v.townshipId), villageId: blankToNull(v.villageId) };
}

export function organizationChange(v: OrganizationValues, id: string): WhatIfChange {
  return { kind: 'ADD_ORGANIZATION', id, name: v.name.trim(), organizationKind: v.organizationKind, townshipId: blankToNull(v.townshipId), villageId: blankToNull(v.villageId) };
}

function area(v: ServiceValues) {
  if (v.areaKind === 'TOWNSHIPS') return { kind: v.areaKind, townshipIds: v.areaTownshipIds };
  if (v.areaKind === 'VILLAGES') return { kind: v.areaKind, villageIds: v.areaVillageIds };
  return { kind: v.areaKind };
}

function capacity(v: ServiceValues): number | null {
  const text = v.capacity.trim();
  return text === '' ? null : Number(text);
}

/** Always PLANNED: a designer's service never routes a live referral. */
export function serviceInput(v: ServiceValues): AddServiceInput {
  return { organizationId: v.organizationId, name: v.name.trim(), categories: v.categories, area: area(v), capacity: capacity(v), status: 'PLANNED' };
}

/** PLANNED unless the plan assumes it runs (then ACTIVE in the what-if only). */
export function serviceChange(v: ServiceValues, id: string): WhatIfChange {
  return { kind: 'ADD_SERVICE', id, organizationId: v.organizationId, name: v.name.trim(), categories: v.categories, area: area(v), capacity: capacity(v), serviceStatus: v.assumeActive ? 'ACTIVE' : 'PLANNED' };
}

/** Writing now: a designer's service is PLANNED and its link BUILDING or PROSPECTIVE (the API refuses more); the plan's assumptions cannot be written. */
export function serviceWriteProblems(v: ServiceValues): Partial<Record<keyof ServiceValues, string>> {
  return v.assumeActive ? { assumeActive: 'networkMap.designer.assumptionNotWritten' } : {};
}

export function linkWriteProblems(v: LinkValues): Partial<Record<keyof LinkValues, string>> {
  return (DESIGNER_LINK_STATUSES as readonly string[]).includes(v.status) ? {} : { status: 'networkMap.designer.establishedOnlyInPlan' };
}

export function linkInput(v: LinkValues): LinkStakeholdersInput {
  return { fromId: v.fromId, toId: v.toId, type: v.type, status: v.status, since: blankToNull(v.since), until: blankToNull(v.until) };
}

export function linkChange(v: LinkValues, id: string): WhatIfChange {
  return { kind: 'ADD_RELATIONSHIP', id, fromId: v.fromId, toId: v.toId, type: v.type, status: v.status, since: blankToNull(v.since), until: blankToNull(v.until) };
}

/** Checks made before anything is sent (the API checks again): keys are form fields, values catalogue keys. */
export function serviceProblems(v: ServiceValues): Partial<Record<keyof ServiceValues, string>> {
  const out: Partial<Record<keyof ServiceValues, string>> = {};
  if (!v.organizationId) out.organizationId = 'networkMap.designer.required';
  if (v.name.trim() === '') out.name = 'networkMap.designer.required';
  if (v.categories.length === 0) out.categories = 'networkMap.designer.chooseCategory';
  if (v.areaKind === 'TOWNSHIPS' && v.areaTownshipIds.length === 0) out.areaTownshipIds = 'networkMap.designer.chooseTownship';
  if (v.areaKind === 'VILLAGES' && v.areaVillageIds.length === 0) out.areaVillageIds = 'networkMap.designer.chooseVillage';
  const c = v.capacity.trim();
  if (c !== '' && !(Number.isInteger(Number(c)) && Number(c) >= 0)) out.capacity = 'networkMap.designer.capacityWhole';
  return out;
}

export function linkProblems(v: LinkValues): Partial<Record<keyof LinkValues, string>> {
  const out: Partial<Record<keyof LinkValues, string>> = {};
  if (!v.fromId) out.fromId = 'networkMap.designer.required';
  if (!v.toId) out.toId = 'networkMap.designer.required';
  else if (v.toId === v.fromId) out.toId = 'networkMap.designer.sameEnds';
  if (v.since && v.until && v.until < v.since) out.until = 'networkMap.designer.untilBeforeSince';
  return out;
}

/**
 * An id for a record the draft adds, so later changes can name it
 * (`org_plan-3f9a0c1d`): random, so two plans' records never share one.
 */
export function draftRecordId(prefix: 'org' | 'svc' | 'rel', random: () => number = Math.random): string {
  const hex = Array.from({ length: 8 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${prefix}_plan-${hex}`;
}

/** The API paths of a what-if change and of the mutation inputs name some fields differently from the forms. */
export const CHANGE_FIELD_ALIASES: Readonly<Record<string, string>> = {
  kind: 'organizationKind',
  'area.townshipIds': 'areaTownshipIds',
  'area.villageIds': 'areaVillageIds',
  'area.kind': 'areaKind',
  area: 'areaKind',
};

/** Records the draft adds, as pickers list them: organisations (for a service) and any stakeholder (for a link). */
export interface DraftRecord {
  id: string;
  kind: 'organization' | 'service';
  label: string;
}

export function draftRecords(changes: readonly WhatIfChange[]): DraftRecord[] {
  return changes.flatMap((c): DraftRecord[] => {
    if (c.kind === 'ADD_ORGANIZATION' && c.id) return [{ id: String(c.id), kind: 'organization', label: c.name ?? String(c.id) }];
    if (c.kind === 'ADD_SERVICE' && c.id) return [{ id: String(c.id), kind: 'service', label: c.name ?? String(c.id) }];
    return [];
  });
}

/**
 * Issues of a whatIf answer that belong to change `index` (fieldPath
 * ["changes", index, …]), re-rooted at "input" so the form's error mapping
 * (applyServerErrors) places them beside its fields.
 */
export function issuesOfChange<T extends { fieldPath: readonly (string | number)[] }>(issues: readonly T[], index: number): T[] {
  return issues
    .filter((i) => i.fieldPath[0] === 'changes' && Number(i.fieldPath[1]) === index)
    .map((i) => ({ ...i, fieldPath: ['input', ...i.fieldPath.slice(2)] }));
}
