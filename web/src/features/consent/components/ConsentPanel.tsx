import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field, FieldSet } from '@/components/Field';
import { Loading } from '@/components/Loading';
import { useCategories } from '@/hooks/useCategories';
import { useOrganizations } from '@/hooks/useOrganizations';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { useFormDraft } from '@/lib/useFormDraft';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { consentsKey, recordConsent, useConsents, withdrawConsent } from '../api/consents';

interface ConsentValues {
  categories: string[];
  organizationIds: string[];
  guardianConsent: boolean;
  validUntil: string;
}
const FIELDS = ['categories', 'organizationIds', 'guardianConsent', 'validUntil'];

/** A household's consents (PIPL): the list with withdrawal, and the form to record one. */
export function ConsentPanel({ householdId, hasChildren }: { householdId: string; hasChildren: boolean }) {
  const { t, i18n } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('consent');
  const consents = useConsents(householdId);
  const categories = useCategories();
  const organizations = useOrganizations();
  const form = useForm<ConsentValues>({ defaultValues: { categories: [], organizationIds: [], guardianConsent: false, validUntil: '' } });
  const draft = useFormDraft(form, 'consent');
  const record = useSubmission(
    (v: ConsentValues) =>
      recordConsent({
        householdId,
        categories: v.categories,
        organizationIds: v.organizationIds,
        guardianConsent: v.guardianConsent,
        validUntil: v.validUntil ? new Date(`${v.validUntil}T23:59:59+08:00`).toISOString() : null,
      }),
    {
      invalidate: [consentsKey(householdId), ['match']],
      onSuccess: () => {
        draft.clear();
        form.reset();
      },
    },
  );
  const withdraw = useSubmission((id: string) => withdrawConsent(id), { invalidate: [consentsKey(householdId), ['match']] });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await record.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, FIELDS, { translate: serverFieldError });
    }
  });
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : t('consent.noExpiry'));
  const errors = form.formState.errors;

  return (
    <section className="card stack" data-testid={sel.consent.panel} aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <ErrorNotice error={consents.error} onRetry={() => void consents.refetch()} />
      {consents.isPending ? <Loading /> : null}
      {consents.data?.length === 0 ? <p className="muted">{t('consent.none')}</p> : null}
      <ul className="list">
        {(consents.data ?? []).map((c) => (
          <li key={c.id} data-testid={sel.consent.item(c.id)} className={c.active ? '' : 'inactive'}>
            <span className={c.active ? 'badge badge-ok' : 'badge badge-muted'}>{c.active ? t('consent.active') : c.withdrawnAt ? t('consent.withdrawn') : t('consent.expired')}</span>{' '}
            {[...c.categories.map((code) => categories.label(code)), ...c.organizations.map((o) => o.name)].join('、') || '—'}
            {c.guardianConsent ? <span className="badge">{t('consent.guardian')}</span> : null}
            <small className="muted"> · {t('consent.until', { date: date(c.validUntil) })}</small>
            {c.active ? (
              <button type="button" className="button button-quiet" disabled={withdraw.pending} onClick={() => void withdraw.submit(c.id).catch(() => undefined)} data-testid={sel.consent.withdraw(c.id)}>
                {t('consent.withdraw')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorNotice error={withdraw.error} onRetry={() => void withdraw.retry()} />
      {categories.data && organizations.data ? (
      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.consent.form}>
        <h3>{t('consent.record')}</h3>
        <FieldSet legend={t('consent.categories')} error={errors.categories?.message}>
          {(categories.data ?? []).map((c) => (
            <label key={c.code} className="choice">
              <input type="checkbox" value={c.code} {...form.register('categories')} data-testid={sel.consent.category(c.code)} />
              {categories.label(c.code)}
            </label>
          ))}
        </FieldSet>
        <Field label={t('consent.organizations')} hint={t('consent.organizationsHint')} error={errors.organizationIds?.message}>
          {(p) => (
            <select {...p} multiple size={5} {...form.register('organizationIds')} data-testid={sel.consent.organization}>
              {(organizations.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {hasChildren ? (
          <label className="choice">
            <input type="checkbox" {...form.register('guardianConsent')} data-testid={sel.consent.guardian} />
            {t('consent.guardianLabel')}
          </label>
        ) : null}
        {errors.guardianConsent?.message ? <small className="field-error">{errors.guardianConsent.message}</small> : null}
        <Field label={t('consent.validUntil')} hint={t('consent.validUntilHint')} error={errors.validUntil?.message}>
          {(p) => <input {...p} type="date" {...form.register('validUntil')} data-testid={sel.consent.validUntil} />}
        </Field>
        {record.error && (!isApiError(record.error) || record.error.fieldIssues.length === 0) ? (
          <div data-testid={sel.consent.formError}>
            <ErrorNotice error={record.error} onRetry={() => void record.retry()} />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={record.pending} data-testid={sel.consent.submit}>
            {t('consent.submit')}
          </button>
        </div>
      </form>
      ) : (
        <Loading />
      )}
    </section>
  );
}
