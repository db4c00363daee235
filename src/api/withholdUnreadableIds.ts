import { kindOfId } from '../domain/ids';
import { HuzhuError, isHuzhuError } from '../errors/HuzhuError';
import type { RequestAccess } from './auth/RequestAccess';

/**
 * Error details that name another record (issue 10 item 2). The store reports
 * the holder of a taken unique key or an idempotency key as
 * `details.existingId`, and formatError passes details to the client as
 * extensions; this is where the API decides whether the caller may learn it.
 */
const RECORD_ID_DETAILS = ['existingId'] as const;

/**
 * The error as the viewer may see it: each record id in its details is kept
 * only when the viewer may read that record (RequestAccess.canRead: role,
 * scope, the record's existence), else removed, so a CONFLICT about a
 * household in another township says "taken" without saying by whom. An id
 * that names no entity kind is removed too (fail closed). Messages carry no
 * such ids (the stores never put them there). Anything else passes unchanged.
 */
export async function withholdUnreadableIds(error: unknown, access: RequestAccess): Promise<unknown> {
  if (!isHuzhuError(error)) return error;
  const hidden: string[] = [];
  for (const key of RECORD_ID_DETAILS) {
    const id = error.details[key];
    if (id === undefined) continue;
    const kind = typeof id === 'string' ? kindOfId(id) : null;
    if (kind === null || !(await access.canRead(kind, id))) hidden.push(key);
  }
  if (hidden.length === 0) return error;
  const details = Object.fromEntries(Object.entries(error.details).filter(([key]) => !hidden.includes(key)));
  return new HuzhuError(error.code, error.message, { path: error.path, details, cause: error });
}
