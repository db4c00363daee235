import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';
import { errorFromResponse } from './apiError';
import { fieldErrorMessage, type Translator } from './fieldErrorMessage';

/** A translator over a real catalogue: interpolates {{name}} like i18next. */
function translator(catalogue: Record<string, unknown>): Translator {
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
  return {
    exists: (key) => typeof lookup(key) === 'string',
    t: (key, options = {}) => {
      const found = lookup(key);
      return (typeof found === 'string' ? found : key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const value = options[name];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      });
    },
  };
}

const zhT = translator(zh);
const enT = translator(en);

describe('fieldErrorMessage: the API reason per field, in the user language', () => {
  const phone = errorFromResponse(200, {
    data: null,
    errors: [
      {
        message: 'input.head.phone: must be a phone number',
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldPath: ['input', 'head', 'phone'],
          reason: 'invalid_format',
          params: { format: 'regex' },
          issues: [
            { path: ['input', 'head', 'phone'], message: 'must be a phone number', code: 'invalid_format', reason: 'invalid_format', params: { format: 'regex' } },
            { path: ['input', 'size'], message: 'Too big: expected number to be <=30', code: 'too_big', reason: 'too_big', params: { maximum: 30 } },
          ],
        },
      },
    ],
  })!;

  it('reads one issue per failing field from extensions.issues, with reason and params', () => {
    expect(phone.fieldIssues.map((i) => [i.fieldPath.join('.'), i.reason, i.params])).toEqual([
      ['input.head.phone', 'invalid_format', { format: 'regex' }],
      ['input.size', 'too_big', { maximum: 30 }],
    ]);
  });

  it('says what the field needs, in Chinese, with no English from the server', () => {
    const [first, second] = phone.fieldIssues;
    const text = fieldErrorMessage(zhT, 'intake', 'head.phone', first!);
    expect(text).toContain('电话号码');
    expect(text).not.toMatch(/must be|phone number/);
    expect(fieldErrorMessage(zhT, 'intake', 'size', second!)).toBe('家庭人口最多 30 人。');
    expect(fieldErrorMessage(enT, 'intake', 'size', second!)).toBe('A household has at most 30 members.');
  });

  it('falls back to the reason in general, a blank value reading as required', () => {
    expect(fieldErrorMessage(zhT, 'need', 'urgency', { reason: 'too_long', params: { maximum: 500 } })).toBe('最多 500 个字符，请删减。');
    expect(fieldErrorMessage(zhT, 'assistance', 'outcome', { reason: 'too_short', params: { minimum: 1 } })).toBe('此项必填。');
    expect(fieldErrorMessage(enT, 'account', 'login', { reason: 'invalid_format' })).toBe('A login is 3–64 letters, digits or . _ @ -.');
  });

  it('without a reason (an older server, a domain rule) says the field-specific or general sentence, never the server text', () => {
    const old = errorFromResponse(200, { errors: [{ message: 'input.memberAgeBands: one band per member', extensions: { code: 'BAD_USER_INPUT', fieldPath: ['input', 'memberAgeBands'] } }] })!;
    expect(old.fieldIssues[0]!.reason).toBeUndefined();
    expect(fieldErrorMessage(zhT, 'intake', 'memberAgeBands', old.fieldIssues[0]!)).toContain('成员年龄段与家庭人口不符');
    expect(fieldErrorMessage(zhT, 'intake', 'head.name', old.fieldIssues[0]!)).toBe('此项未通过校验，请检查后再提交。');
    expect(fieldErrorMessage(zhT, 'intake', 'head.name', { reason: 'something_new' })).toBe('此项未通过校验，请检查后再提交。');
  });
});
