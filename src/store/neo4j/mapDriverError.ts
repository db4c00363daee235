import { HuzhuError, isHuzhuError } from '../../errors/HuzhuError';

/**
 * The one place neo4j-driver failures become HuzhuErrors (the store port's
 * error contract). Anything not recognised here is returned unchanged: it is
 * a bug or corruption, logged and masked by the API, never shown raw.
 *
 * - the database cannot be reached, the session expired, no connection could
 *   be had in time, a transaction ran past its timeout, a transient error
 *   outlived the driver's retries, or credentials/database name are wrong
 *   → UNAVAILABLE ("the graph database is unavailable: …");
 * - the same, for a write whose commit had been asked for (the work was done
 *   and the driver was committing, `writeCommitRequested`) → OUTCOME_UNKNOWN:
 *   the commit may have reached the database, so the client must retry with
 *   the same idempotency key rather than assume nothing was stored;
 * - a uniqueness constraint rejected a write → CONFLICT (the store retries
 *   its lookups to name the existing record, see isConstraintConflict).
 *
 * Messages never quote Neo4j's own text (it can contain property values,
 * i.e. personal data); the original error travels as `cause` for the logs.
 */
export function mapDriverError(error: unknown, queryName: string, context: { writeCommitRequested?: boolean } = {}): unknown {
  if (isHuzhuError(error)) return error;
  const code = driverErrorCode(error);
  const message = error instanceof Error ? error.message : '';

  if (code === CONSTRAINT_FAILED) {
    return new HuzhuError('CONFLICT', `store/neo4j: ${queryName}: a unique key is already taken by another record`, {
      details: { constraint: true },
      cause: error,
    });
  }
  const unavailable = unavailableReason(code, message);
  if (unavailable !== null && context.writeCommitRequested === true) {
    return new HuzhuError(
      'OUTCOME_UNKNOWN',
      `the graph database failed while committing this write (${unavailable}), so it may or may not have been stored; ` +
        `retry with the same idempotency key (store/neo4j: ${queryName})`,
      { cause: error },
    );
  }
  if (unavailable !== null) {
    return new HuzhuError('UNAVAILABLE', `the graph database is unavailable: ${unavailable} (store/neo4j: ${queryName})`, {
      cause: error,
    });
  }
  return error;
}

/** True for the CONFLICT mapDriverError makes of a uniqueness-constraint failure (a race worth one more lookup). */
export function isConstraintConflict(error: unknown): boolean {
  return isHuzhuError(error) && error.code === 'CONFLICT' && error.details['constraint'] === true;
}

// Private:

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function driverErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  const code = (error).code;
  return typeof code === 'string' ? code : '';
}

function unavailableReason(code: string, message: string): string | null {
  if (code === 'ServiceUnavailable' || NETWORK_ERROR_CODES.has(code)) {
    return 'cannot connect; check that Neo4j is running and NEO4J_URI points at it';
  }
  if (code === 'SessionExpired') return 'the connection was lost; retry';
  if (/connection acquisition timed out/i.test(message)) {
    return 'no connection became free in time; retry, or raise NEO4J_TIMEOUT_MS';
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return 'the query ran past NEO4J_TIMEOUT_MS; retry, or raise NEO4J_TIMEOUT_MS';
  }
  if (code.startsWith('Neo.TransientError.')) return `a transient failure outlived the retries (${code}); retry`;
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return 'authentication failed; check NEO4J_USER and NEO4J_PASSWORD';
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return 'no such database; check NEO4J_DATABASE';
  if (code === 'Neo.DatabaseError.General.UnknownError' && /database.*(unavailable|not available)/i.test(message)) {
    return 'the database is not available; retry';
  }
  return null;
}
