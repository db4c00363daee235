import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import type { Urgency } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { URGENCIES } from '@/lib/enums';
import type { Capabilities } from '@/lib/permissions';
import { useFormDraft } from '@/lib/useFormDraft';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { needsKey, recordNeed, useHouseholdNeeds } from '../api/needs';

interface NeedValues {
  category: string;
  urgency: Urgency;
  description: string;
}

/** A household's needs, each with "where should this need go?", and the form to record one. */
export function NeedsPanel({ householdId, caps }: { householdId: string; caps: Capabilities }) {
  const { t, i18n } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('need');
  const needs = useHouseholdNeeds(householdId, caps.see.health, caps.financeOnNeed);
  const categories = useCategories();
  const form = useForm<NeedValues>({ defaultValues: { category: '', urgency: 'MEDIUM', description: '' } });
  const draft = useFormDraft(form, 'need');
  const submission = useSubmission((v: NeedValues, idempotencyKey: string) => recordNeed({ householdId, category: v.category, urgency: v.urgency, description: v.description, idempotencyKey }), {
    invalidate: [needsKey(householdId)],
    onSuccess: () => {
      draft.clear();
      form.reset();
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submission.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, ['category', 'urgency', 'description'], { translate: serverFieldError });
    }
  });
  const errors = form.formState.errors;

  return (
    <section className="card stack" data-testid={sel.needs.panel} aria-labelledby="needs-title">
      <h2 id="needs-title">{t('needs.title')}</h2>
      <ErrorNotice error={needs.error} onRetry={() => void needs.refetch()} />
      {needs.isPending ? <Loading /> : null}
      {needs.data?.nodes.length === 0 ? <p className="muted">{t('needs.none')}</p> : null}
      <ul className="list">
        {(needs.data?.nodes ?? []).map((n) => (
          <li key={n.id} data-testid={sel.needs.item(n.id)}>
            <strong>{categories.label(n.category)}</strong> <span className={`badge urgency-${n.urgency}`}>{t(`enums.Urgency.${n.urgency}`)}</span>{' '}
            <span className="badge badge-muted">{t(`enums.NeedStatus.${n.status}`)}</span>
            {n.description ? <p>{n.description}</p> : null}
            {n.bridgingLoan ? (
              <p className="bridging-loan" data-testid={sel.needs.bridgingLoan(n.id)}>
                {t('credit.needCard.bridgingLoan', {
                  amount: n.bridgingLoan.amountYuan === null || n.bridgingLoan.amountYuan === undefined ? '—' : n.bridgingLoan.amountYuan.toLocaleString(i18n.language),
                  since: n.bridgingLoan.since ?? '—',
                  officer: n.bridgingLoan.creditOfficer?.name ?? '—',
                })}
              </p>
            ) : null}
            <small className="muted">{new Date(n.createdAt).toLocaleString(i18n.language)}</small>
            {caps.match && (n.status === 'OPEN' || n.status === 'REFERRED') ? (
              <Link className="button" to={`/needs/${n.id}/match`} data-testid={sel.needs.match(n.id)}>
                {t('needs.whereShouldItGo')}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {caps.recordNeed ? (
        <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.needs.form}>
          <h3>{t('needs.record')}</h3>
          <div className="row">
            <Field label={t('needs.category')} error={errors.category?.message}>
              {(p) => (
                <select {...p} {...form.register('category', { required: t('intake.required') })} data-testid={sel.needs.category}>
                  <option value="">{t('common.choose')}</option>
                  {(categories.data ?? []).map((c) => (
                    <option key={c.code} value={c.code}>
                      {categories.label(c.code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('needs.urgency')} error={errors.urgency?.message}>
              {(p) => (
                <select {...p} {...form.register('urgency')} data-testid={sel.needs.urgency}>
                  {URGENCIES.map((u) => (
                    <option key={u} value={u}>
                      {t(`enums.Urgency.${u}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t('needs.description')} hint={t('needs.descriptionHint')} error={errors.description?.message}>
            {(p) => <textarea {...p} rows={3} {...form.register('description')} data-testid={sel.needs.description} />}
          </Field>
          {submission.error && (!isApiError(submission.error) || submission.error.fieldIssues.length === 0) ? (
            <div data-testid={sel.needs.formError}>
              <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={submission.pending} data-testid={sel.needs.submit}>
              {t('needs.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
