import type { ApiIssue } from './apiError';
import { msg } from './msg';

/** The two i18next functions the sentence needs (passed in, so this stays pure and unit-tested). */
export interface Translator {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
}

/**
 * The sentence shown beside a field for an API issue, in the user's
 * language, never the server's English (which stays available to support as
 * `serverDetail`). From the most specific message to the least:
 *
 * 1. `fieldErrors.<form>.<field>.<reason>`: what this field needs
 *    ("请填写手机或座机号码…" for intake's head.phone + invalid_format);
 * 2. `fieldErrors.reason.<reason>`: the reason in general, with its bounds
 *    ("最多 100 个字符。" for too_long, maximum 100);
 *    `too_short` with minimum 1 reads as `required` (a blank value);
 * 3. `fieldErrors.<form>.<field>.invalid`, then `fieldErrors.invalid`: the
 *    API gave no reason (an older server, or a rule of the domain).
 */
export function fieldErrorMessage(tr: Translator, form: string, field: string, issue: Pick<ApiIssue, 'reason' | 'params'>): string {
  const params = issue.params ?? {};
  const reason = issue.reason === 'too_short' && params['minimum'] === 1 ? 'required' : issue.reason;
  const candidates = [
    ...(reason ? [msg(`fieldErrors.${form}.${field}.${reason}`), msg(`fieldErrors.reason.${reason}`)] : []),
    msg(`fieldErrors.${form}.${field}.invalid`),
  ];
  for (const key of candidates) if (tr.exists(key)) return tr.t(key, { ...params });
  return tr.t('fieldErrors.invalid');
}

/** A translate option for applyServerErrors: the form's scope in the catalogue, the field the issue landed on. */
export function serverFieldTranslator(tr: Translator, form: string) {
  return (issue: ApiIssue, field: string | null) => fieldErrorMessage(tr, form, field ?? 'form', issue);
}
