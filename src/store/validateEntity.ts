import type { z } from 'zod';
import type { EntityKind } from '../domain/ids';
import { Category, ENTITY_SCHEMAS, type EntityMap } from '../domain/model';
import { HuzhuError } from '../errors/HuzhuError';
import { fromZodError } from '../errors/fromZodError';

/**
 * The one validation of a record on its way into a store, used by both
 * adapters for every write (create, update, upsertMany, createReferral,
 * transitionReferral, appendAudit, upsertCategories), so the memory store and
 * Neo4j refuse exactly the same records (a divergence is a bug).
 *
 * The record must parse with its domain schema (src/domain/model.ts), and it
 * may carry no key the schema does not name, at any depth: zod strips unknown
 * keys, and a store that kept them (memory) or dropped them (Neo4j) would
 * disagree about what was written. A failure is BAD_USER_INPUT at the first
 * offending field's path below `root` (e.g. ["kind"], or [3, "head", "phone"]
 * for a row of a batch); messages name the field and the rule, never the value.
 */
export function validateEntity<K extends EntityKind>(kind: K, entity: unknown, root: ReadonlyArray<string | number> = []): EntityMap[K] {
  return validateWith(ENTITY_SCHEMAS[kind] as unknown as z.ZodType<EntityMap[K]>, kind, entity, root);
}

/** The same rule for a need category (categories are data, written by upsertCategories). */
export function validateCategory(category: unknown, root: ReadonlyArray<string | number> = []): Category {
  return validateWith(Category, 'Category', category, root);
}

// Private:

function validateWith<T>(schema: z.ZodType<T>, what: string, value: unknown, root: ReadonlyArray<string | number>): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const error = fromZodError(result.error, root);
    throw new HuzhuError('BAD_USER_INPUT', `store: a ${what} record was refused: ${error.message}`, { path: error.path, details: error.details });
  }
  const extra = firstUnknownKey(value, result.data, []);
  if (extra !== null) {
    const path = [...root, ...extra];
    throw new HuzhuError(
      'BAD_USER_INPUT',
      `store: a ${what} record was refused: ${path.join('.')} is not a field of ${what} (remove it; see src/domain/model.ts)`,
      { path, details: { issues: [{ path, code: 'unrecognized_keys', message: 'not a field of the record' }] } },
    );
  }
  return result.data;
}

/**
 * The path of the first key present in `given` but absent from what the
 * schema kept (`parsed`), descending through objects and arrays; null when
 * there is none. Entity schemas have no transforms, so the parsed record has
 * the given record's shape minus whatever the schema does not know.
 */
function firstUnknownKey(given: unknown, parsed: unknown, path: Array<string | number>): Array<string | number> | null {
  if (Array.isArray(given)) {
    if (!Array.isArray(parsed)) return null;
    for (let i = 0; i < given.length; i += 1) {
      const found = firstUnknownKey(given[i], parsed[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (given === null || typeof given !== 'object' || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const kept = parsed as Record<string, unknown>;
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    if (!(key in kept)) {
      // An explicit undefined is how a spread drops a field; it stores nothing either way.
      if (value === undefined) continue;
      return [...path, key];
    }
    const found = firstUnknownKey(value, kept[key], [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
