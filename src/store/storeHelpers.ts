import { kindOfId, type EntityKind } from '../domain/ids';
import { HuzhuError } from '../errors/HuzhuError';
import { REFERENCES, STAKEHOLDER_KINDS, UNIQUE_KEYS, type IdempotencyClaim, type IdempotencyRecord, type MutableKind } from './GraphStore';

/**
 * Pure helpers both store adapters share, so they read the REFERENCES and
 * UNIQUE_KEYS tables of GraphStore.ts the same way (a divergence is a bug).
 * No I/O here; the adapters decide how to look things up.
 */

/** A reference an entity makes: the id it points to, the kind it must be, and where in the entity it sits. */
export interface ReferenceTarget {
  /** The field as written in REFERENCES, e.g. 'loan.creditOfficerId'. */
  field: string;
  /** Where the id sits in the entity, e.g. ['loan', 'creditOfficerId'] or ['villageIds', 1]: the NOT_FOUND path. */
  path: Array<string | number>;
  id: string;
  kind: EntityKind | 'Stakeholder';
}

/**
 * References a referral makes (Referral is created through createReferral, not
 * create, so it is not in REFERENCES); both adapters check all four.
 */
export const REFERRAL_REFERENCES: ReadonlyArray<{ field: string; kind: EntityKind }> = [
  { field: 'needId', kind: 'Need' },
  { field: 'serviceId', kind: 'Service' },
  { field: 'householdId', kind: 'Household' },
  { field: 'organizationId', kind: 'Organization' },
];

/** The value at a dotted path ('loan.creditOfficerId'); undefined when a step is missing or null. */
export function readField(entity: object, dottedField: string): unknown {
  let value: unknown = entity;
  for (const step of stepsOf(dottedField)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * Every id a record of `kind` refers to, per the REFERENCES table (or
 * REFERRAL_REFERENCES for 'Referral'). Null fields refer to nothing; a list
 * field yields one target per element, with its index in the path.
 */
export function referenceTargets(kind: MutableKind | 'Referral', entity: object): ReferenceTarget[] {
  const table = kind === 'Referral' ? REFERRAL_REFERENCES : REFERENCES[kind];
  const targets: ReferenceTarget[] = [];
  for (const { field, kind: targetKind } of table) {
    const steps = stepsOf(field);
    const value = readField(entity, field);
    if (Array.isArray(value)) {
      value.forEach((id: unknown, index) => {
        if (typeof id === 'string') targets.push({ field, path: [...steps, index], id, kind: targetKind });
      });
    } else if (typeof value === 'string') {
      targets.push({ field, path: [...steps], id: value, kind: targetKind });
    }
  }
  return targets;
}

/** Whether `id` names a kind a Relationship may connect (the existence check is the adapter's). */
export function isStakeholderId(id: string): boolean {
  const kind = kindOfId(id);
  return kind !== null && STAKEHOLDER_KINDS.includes(kind);
}

/** Whether an id of kind `actual` satisfies a reference declared as `expected`. */
export function referenceKindMatches(expected: EntityKind | 'Stakeholder', actual: EntityKind | null): boolean {
  if (actual === null) return false;
  return expected === 'Stakeholder' ? STAKEHOLDER_KINDS.includes(actual) : expected === actual;
}

/** A unique key a record holds: its name from UNIQUE_KEYS (e.g. 'fromId+toId+type') and its value. */
export interface UniqueKeyValue {
  key: string;
  /** The key's parts joined by NUL, so ('a','bc') and ('ab','c') never collide. */
  value: string;
  /** The field for single-field keys (the CONFLICT path); empty for compound keys. */
  path: string[];
}

/**
 * The unique keys (besides id) a record of `kind` holds per UNIQUE_KEYS. A key
 * with a null or missing part is not held (e.g. a household without a code).
 */
export function uniqueKeyValues(kind: EntityKind, entity: object): UniqueKeyValue[] {
  const keys: ReadonlyArray<string> = kind in UNIQUE_KEYS ? UNIQUE_KEYS[kind as keyof typeof UNIQUE_KEYS] : [];
  const held: UniqueKeyValue[] = [];
  for (const key of keys) {
    const fields = partsOf(key);
    const parts = fields.map((field) => readField(entity, field));
    if (parts.some((part) => part === null || part === undefined)) continue;
    held.push({ key, value: parts.map(String).join('\u0000'), path: fields.length === 1 ? [...fields] : [] });
  }
  return held;
}

/**
 * A recorded idempotency key met again: fine when it names the same operation
 * and input (the caller then gets the recorded result), else CONFLICT at
 * ['idempotencyKey'] (re-rooted under the input by the use case). The message
 * names neither the key nor the record it made.
 */
export function assertSameIdempotentRequest(recorded: IdempotencyRecord, claim: IdempotencyClaim): void {
  if (recorded.operation === claim.operation && recorded.fingerprint === claim.fingerprint) return;
  const what = recorded.operation === claim.operation ? 'a request with different input' : 'another kind of request';
  throw new HuzhuError(
    'CONFLICT',
    `this idempotency key was already used for ${what}; send a new key for each new request, and the same key only to retry the same request`,
    { path: ['idempotencyKey'], details: { idempotencyKeyReused: true } },
  );
}

// Private: the tables' field names are few and fixed; bulk loads call these per row, so split each once.

const STEPS = new Map<string, readonly string[]>();
function stepsOf(dottedField: string): readonly string[] {
  let steps = STEPS.get(dottedField);
  if (steps === undefined) STEPS.set(dottedField, (steps = dottedField.split('.')));
  return steps;
}

const PARTS = new Map<string, readonly string[]>();
function partsOf(key: string): readonly string[] {
  let parts = PARTS.get(key);
  if (parts === undefined) PARTS.set(key, (parts = key.split('+')));
  return parts;
}
