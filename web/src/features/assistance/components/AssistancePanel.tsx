import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field } from '@/components/Field';
import type { AssistanceOutcome } from '@/gql/graphql';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { ASSISTANCE_OUTCOMES } from '@/lib/enums';
import { useFormDraft } from '@/lib/useFormDraft';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { assistancesKey, recordAssistance, useAssistances } from '../api/assistance';

interface AssistanceValues {
  action: string;
  outcome: AssistanceOutcome;
  note: string;
}

/** 帮扶记录: the help recorded for a need, and the form to record more (through a referral when given). */
export function AssistancePanel({ needId, referralId, health, canRecord }: { needId: string; referralId: string | null; health: boolean; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('assistance');
  const list = useAssistances(needId, health);
  const form = useForm<AssistanceValues>({ defaultValues: { action: '', outcome: 'HELPED', note: '' } });
  const draft = useFormDraft(form, 'assistance');
  const submission = useSubmission((v: AssistanceValues, idempotencyKey: string) => recordAssistance({ needId, referralId, action: v.action.trim(), outcome: v.outcome, note: v.note.trim() || null, idempotencyKey }), {
    invalidate: [assistancesKey(needId), ['referrals']],
    onSuccess: () => {
      draft.clear();
      form.reset();
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submission.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, ['action', 'outcome', 'note'], { translate: serverFieldError });
    }
  });
  const errors = form.formState.errors;
  return (
    <section className="card stack" aria-labelledby="assistance-title">
      <h2 id="assistance-title">{t('assistance.title')}</h2>
      <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      <ul className="list" data-testid={sel.assistance.list}>
        {(list.data ?? []).map((a) => (
          <li key={a.id} data-testid={sel.assistance.item}>
            <span className="badge">{t(`enums.AssistanceOutcome.${a.outcome}`)}</span> {a.action ?? ''} <small className="muted">{new Date(a.at).toLocaleString(i18n.language)}</small>
            {a.note ? <p>{a.note}</p> : null}
          </li>
        ))}
      </ul>
      {list.data?.length === 0 ? <p className="muted">{t('assistance.none')}</p> : null}
      {canRecord ? (
        <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.assistance.form}>
          <Field label={t('assistance.action')} error={errors.action?.message}>
            {(p) => <input {...p} {...form.register('action', { required: t('intake.required') })} data-testid={sel.assistance.action} />}
          </Field>
          <Field label={t('assistance.outcome')} error={errors.outcome?.message}>
            {(p) => (
              <select {...p} {...form.register('outcome')} data-testid={sel.assistance.outcome}>
                {ASSISTANCE_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`enums.AssistanceOutcome.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('assistance.note')} error={errors.note?.message}>
            {(p) => <textarea {...p} rows={2} {...form.register('note')} data-testid={sel.assistance.note} />}
          </Field>
          {submission.error && (!isApiError(submission.error) || submission.error.fieldIssues.length === 0) ? (
            <div data-testid={sel.assistance.formError}>
              <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={submission.pending} data-testid={sel.assistance.submit}>
              {t('assistance.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
