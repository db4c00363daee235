import type { WhatIfChange } from '@/gql/graphql';

/**
 * The plan being drafted on the map page (issue 12 item 3): the what-if
 * changes the designer forms add, in order, with a name and a note; `id` is
 * set once it was saved or reopened (savePlan then updates that plan).
 * Pure: unit-tested under jest.
 */
export interface DraftPlan {
  id: string | null;
  name: string;
  note: string;
  changes: WhatIfChange[];
}

export const EMPTY_DRAFT: DraftPlan = { id: null, name: '', note: '', changes: [] };

export function addChange(draft: DraftPlan, change: WhatIfChange): DraftPlan {
  return { ...draft, changes: [...draft.changes, change] };
}

/** Takes change `index` out, and every later change that names a record it added (a service of a removed organisation, its links). */
export function removeChange(draft: DraftPlan, index: number): DraftPlan {
  const removed = draft.changes[index];
  if (!removed) return draft;
  const gone = new Set<string>(removed.id && removed.kind.startsWith('ADD_') ? [String(removed.id)] : []);
  const kept: WhatIfChange[] = [];
  draft.changes.forEach((c, i) => {
    if (i === index) return;
    const refs = [c.organizationId, c.fromId, c.toId, c.serviceId, c.stakeholderId].filter((x) => x !== null && x !== undefined).map(String);
    if (i > index && refs.some((r) => gone.has(r))) {
      if (c.id) gone.add(String(c.id));
      return;
    }
    kept.push(c);
  });
  return { ...draft, changes: kept };
}

/** A saved change as the API lists it (PlanChange: every field present, null when not of its kind). */
export interface SavedChange {
  kind: WhatIfChange['kind'];
  [field: string]: unknown;
}

/**
 * A saved plan's change back into a WhatIfChange (to reopen and save it
 * again): nulls dropped (whatIf refuses other kinds' fields), the area's and
 * eligibility's empty lists dropped too.
 */
export function changeFromSaved(saved: SavedChange): WhatIfChange {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(saved)) {
    if (value === null || value === undefined || key === '__typename') continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && v !== undefined && k !== '__typename') inner[k] = v;
      out[key] = inner;
    } else out[key] = value;
  }
  return out as unknown as WhatIfChange;
}

export function draftFromSaved(plan: { id: string; name: string; note: string | null; changes: readonly SavedChange[] }): DraftPlan {
  return { id: plan.id, name: plan.name, note: plan.note ?? '', changes: plan.changes.map(changeFromSaved) };
}

/** One line about a change: which sentence (`plans.change.<kind>`) and its values (names of the records it adds or names). */
export function describeChange(
  change: WhatIfChange,
  labelOf: (id: string) => string,
): { kind: 'ADD_ORGANIZATION' | 'ADD_SERVICE' | 'ADD_RELATIONSHIP' | 'other'; values: Record<string, string> } {
  const label = (id: string | number | null | undefined) => (id === null || id === undefined ? '' : labelOf(String(id)));
  switch (change.kind) {
    case 'ADD_ORGANIZATION':
      return { kind: 'ADD_ORGANIZATION', values: { name: change.name ?? '' } };
    case 'ADD_SERVICE':
      return { kind: 'ADD_SERVICE', values: { name: change.name ?? '', organization: label(change.organizationId) } };
    case 'ADD_RELATIONSHIP':
      return { kind: 'ADD_RELATIONSHIP', values: { from: label(change.fromId), to: label(change.toId), status: change.status ?? 'ESTABLISHED' } };
    default:
      return { kind: 'other', values: { kind: change.kind } };
  }
}

/** Labels of the records a draft adds (for describing later changes that name them). */
export function draftLabels(changes: readonly WhatIfChange[]): Map<string, string> {
  return new Map(changes.filter((c) => c.id && c.name).map((c) => [String(c.id), String(c.name)]));
}
