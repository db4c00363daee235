import { z } from 'zod';
import { formatError } from '../../../src/api/formatError';
import { fromZodError, reasonOf } from '../../../src/errors/fromZodError';
import { HouseholdHead } from '../../../src/domain/model';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error;
};

describe('fromZodError: a machine-readable reason per field (synthetic inputs)', () => {
  it('names each zod issue with a reason a client can translate, and bounds as params', () => {
    const schema = z
      .object({
        name: z.string().min(1).max(5),
        size: z.number().int().min(1).max(30),
        kind: z.enum(['A', 'B']),
        bands: z.array(z.string()).min(1).max(2),
        on: z.iso.date(),
        note: z.string(),
        other: z.string().refine(() => false, 'a domain rule'),
      })
      .strict();
    const error = fromZodError(issuesOf(schema, { name: '', size: 1.5, kind: 'C', bands: ['a', 'b', 'c'], on: '2026-13-01', other: 'x', extra: 1 }), ['input']);
    const issues = error.details['issues'] as Array<{ path: unknown[]; reason: string; params?: unknown }>;
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), { reason: i.reason, params: i.params }]));
    expect(byPath).toEqual({
      'input.name': { reason: 'too_short', params: { minimum: 1 } },
      'input.size': { reason: 'not_integer', params: undefined },
      'input.kind': { reason: 'invalid_choice', params: undefined },
      'input.bands': { reason: 'too_many', params: { maximum: 2 } },
      'input.on': { reason: 'invalid_format', params: { format: 'date' } },
      'input.note': { reason: 'required', params: undefined },
      'input.other': { reason: 'invalid', params: undefined },
      input: { reason: 'unknown_field', params: undefined },
    });
    expect(error.details['reason']).toBe('too_short');
    expect(error.details['params']).toEqual({ minimum: 1 });
  });

  it('tells a number out of range from a string too long and a wrong type from a missing value', () => {
    const big = issuesOf(z.number().max(30), 31).issues[0]!;
    const small = issuesOf(z.number().min(1), 0).issues[0]!;
    const long = issuesOf(z.string().max(2), 'abc').issues[0]!;
    const wrong = issuesOf(z.string(), 5).issues[0]!;
    expect([reasonOf(big), reasonOf(small), reasonOf(long), reasonOf(wrong)]).toEqual([
      { reason: 'too_big', params: { maximum: 30 } },
      { reason: 'too_small', params: { minimum: 1 } },
      { reason: 'too_long', params: { maximum: 2 } },
      { reason: 'invalid_type' },
    ]);
  });

  it('reaches the client: a bad phone is BAD_USER_INPUT at input.head.phone with reason invalid_format, the English message kept', () => {
    const error = fromZodError(issuesOf(HouseholdHead, { name: '测试户主（合成）', phone: 'not a phone', idNumber: null }), ['input', 'head']);
    const formatted = formatError({ message: error.message, extensions: {} }, error);
    expect(formatted.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldPath: ['input', 'head', 'phone'],
      reason: 'invalid_format',
      params: { format: 'regex' },
      issues: [{ path: ['input', 'head', 'phone'], reason: 'invalid_format', code: 'invalid_format', message: 'must be a phone number' }],
    });
    expect(JSON.stringify(formatted.extensions)).not.toContain('not a phone');
  });
});
