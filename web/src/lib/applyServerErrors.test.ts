import { ApiError } from './apiError';
import { applyServerErrors, fieldNameFor } from './applyServerErrors';

function recorder() {
  const calls: { name: string; error: { type: string; message?: string }; focus: boolean | undefined }[] = [];
  const setError = (name: string, error: { type: string; message?: string }, options?: { shouldFocus?: boolean }) => calls.push({ name, error, focus: options?.shouldFocus });
  return { calls, setError: setError as never };
}

const issue = (fieldPath: (string | number)[], message = 'bad', code = 'BAD_USER_INPUT' as const) => ({ code, message, fieldPath });

describe('applyServerErrors (API field paths → react-hook-form setError)', () => {
  const fields = ['villageId', 'size', 'head.name', 'head.phone', 'memberAgeBands'];

  it('puts input.head.phone beside the head.phone field, focusing the first', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({ code: 'BAD_USER_INPUT', message: 'm', issues: [issue(['input', 'head', 'phone'], 'must be a phone number'), issue(['input', 'size'], 'too big')] });
    const result = applyServerErrors(error, setError, fields);
    expect(calls).toEqual([
      { name: 'head.phone', error: { type: 'server', message: 'must be a phone number' }, focus: true },
      { name: 'size', error: { type: 'server', message: 'too big' }, focus: false },
    ]);
    expect(result).toEqual({ fields: 2, unplaced: [] });
  });

  it('lands a list item on its list field', () => {
    expect(fieldNameFor(['input', 'memberAgeBands', 2], ['input'], {}, new Set(fields))).toBe('memberAgeBands');
  });

  it('sends what no field shows to root.serverError', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({ code: 'CONFLICT', message: 'householdCode already registered', issues: [issue([], 'already registered', 'CONFLICT' as never), issue(['input', 'loan'], 'no loans here')] });
    const result = applyServerErrors(error, setError, fields);
    expect(result.fields).toBe(0);
    expect(result.unplaced).toHaveLength(2);
    expect(calls).toEqual([{ name: 'root.serverError', error: { type: 'CONFLICT', message: 'already registered no loans here' }, focus: undefined }]);
  });

  it('follows aliases and other argument roots, and translates', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({ code: 'BAD_USER_INPUT', message: 'm', issues: [issue(['password'], 'too short')] });
    applyServerErrors(error, setError, ['newPassword'], { roots: ['input'], aliases: { password: 'newPassword' }, translate: (i) => `T(${i.message})` });
    expect(calls[0]).toEqual({ name: 'newPassword', error: { type: 'server', message: 'T(too short)' }, focus: true });
  });
});
