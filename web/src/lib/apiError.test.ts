import { ApiError, errorFromResponse, keepsIdempotencyKey } from './apiError';

describe('errorFromResponse (the one place answers become errors)', () => {
  it('is null for a GraphQL success', () => {
    expect(errorFromResponse(200, { data: { households: null } })).toBeNull();
  });

  it('reads extensions.code and the fieldPath of a validation error', () => {
    const error = errorFromResponse(200, {
      data: null,
      errors: [{ message: 'input.head.phone: must be a phone number', extensions: { code: 'BAD_USER_INPUT', fieldPath: ['input', 'head', 'phone'] } }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.fieldIssues).toEqual([{ code: 'BAD_USER_INPUT', message: 'input.head.phone: must be a phone number', fieldPath: ['input', 'head', 'phone'] }]);
    expect(error?.retryable).toBe(false);
  });

  it('lets UNAUTHENTICATED decide when several errors came back', () => {
    const error = errorFromResponse(200, { errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }, { message: 'y', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(error?.code).toBe('UNAUTHENTICATED');
  });

  it('maps a 401 without a body (expired session) to UNAUTHENTICATED', () => {
    expect(errorFromResponse(401, null)?.code).toBe('UNAUTHENTICATED');
  });

  it('reads the /auth error shape and Retry-After', () => {
    const error = errorFromResponse(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { retryAfter: '42' });
    expect(error?.code).toBe('RATE_LIMITED');
    expect(error?.retryAfterSeconds).toBe(42);
    expect(error?.retryable).toBe(true);
  });

  it('offers a retry for UNAVAILABLE and OUTCOME_UNKNOWN, keeping the idempotency key', () => {
    for (const code of ['UNAVAILABLE', 'OUTCOME_UNKNOWN']) {
      const error = errorFromResponse(200, { errors: [{ message: 'm', extensions: { code } }] });
      expect(error?.retryable).toBe(true);
      expect(keepsIdempotencyKey(error)).toBe(true);
    }
    expect(keepsIdempotencyKey(errorFromResponse(200, { errors: [{ message: 'm', extensions: { code: 'CONFLICT' } }] }))).toBe(false);
  });

  it('turns an unknown code into UNKNOWN and keeps the correlation id of a masked error', () => {
    const error = errorFromResponse(200, { errors: [{ message: 'Internal server error (correlation id abc)', extensions: { code: 'SOMETHING_NEW' } }, { message: 'z', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'abc-123' } }] });
    expect(error?.issues.map((i) => i.code)).toEqual(['UNKNOWN', 'INTERNAL_SERVER_ERROR']);
    expect(error?.correlationId).toBe('abc-123');
  });

  it('maps a 503 with no readable body to UNAVAILABLE', () => {
    expect(errorFromResponse(503, 'upstream down')?.code).toBe('UNAVAILABLE');
  });

  it('refuses a 200 that is neither GraphQL nor an account', () => {
    expect(errorFromResponse(200, { hello: 'world' })?.code).toBe('UNKNOWN');
  });
});
