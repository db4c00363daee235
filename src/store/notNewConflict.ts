import type { EntityKind } from '../domain/ids';
import { HuzhuError } from '../errors/HuzhuError';

/**
 * GraphStore.insertNew's refusal of a row that is not new (its id is stored, or an earlier row of the
 * same call has it), the same on both adapters: CONFLICT at [index, 'id'], naming the kind and the id
 * (insertNew is a loader's call, never an API answer, so naming the id leaks nothing to a caller).
 */
export function notNewConflict(adapter: string, kind: EntityKind, id: string, index: number, repeated: boolean): HuzhuError {
  const why = repeated ? 'appears twice in the rows' : 'is already in the store';
  return new HuzhuError(
    'CONFLICT',
    `${adapter}: insertNew ${kind}: row ${index} is not new: ${kind} ${JSON.stringify(id)} ${why}; ` +
      'insertNew is for first loads only (use upsertMany to write over stored records)',
    { path: [index, 'id'], details: { kind, existingId: id } },
  );
}
