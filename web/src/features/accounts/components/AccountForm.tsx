import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import type { AccountRole } from '@/gql/graphql';
import { useOrganizations } from '@/hooks/useOrganizations';
import { usePlaces } from '@/hooks/usePlaces';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { ROLES_ASSIGNABLE } from '@/lib/enums';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { createAccount, updateAccount } from '../api/accounts';

export interface AccountValues {
  login: string;
  displayName: string;
  password: string;
  role: AccountRole;
  townshipIds: string[];
  villageIds: string[];
  organizationId: string;
}
const FIELDS = ['login', 'displayName', 'password', 'role', 'townshipIds', 'villageIds', 'organizationId'];

type AccountFormProps = { existing?: ({ id: string } & Omit<AccountValues, 'password'>) | undefined; onDone: () => void };

/** Create an account, or change one's name, role and scope (the login and password are not edited here). Mounts once the pickers' lists are there. */
export function AccountForm(props: AccountFormProps) {
  const places = usePlaces();
  const organizations = useOrganizations();
  if (!places.data || !organizations.data) return <Loading />;
  return <AccountFormLoaded {...props} places={places} organizations={organizations} />;
}

function AccountFormLoaded({ existing, onDone, places, organizations }: AccountFormProps & { places: ReturnType<typeof usePlaces>; organizations: ReturnType<typeof useOrganizations> }) {
  const { t } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('account');
  const form = useForm<AccountValues>({
    defaultValues: existing ? { ...existing, password: '' } : { login: '', displayName: '', password: '', role: 'COORDINATOR', townshipIds: [], villageIds: [], organizationId: '' },
  });
  const role = form.watch('role');
  const submission = useSubmission(
    (v: AccountValues) => {
      const scope = {
        townshipIds: role === 'COORDINATOR' ? v.townshipIds : [],
        villageIds: role === 'SOCIAL_WORKER' || role === 'VOLUNTEER' ? v.villageIds : [],
        organizationId: role === 'PARTNER_NGO' && v.organizationId ? v.organizationId : null,
      };
      return existing
        ? updateAccount(existing.id, { displayName: v.displayName.trim(), role: v.role, ...scope })
        : createAccount({ login: v.login.trim(), displayName: v.displayName.trim(), password: v.password, role: v.role, ...scope });
    },
    { invalidate: [['accounts']], onSuccess: onDone },
  );
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submission.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, FIELDS, { roots: ['input', 'id'], translate: serverFieldError });
    }
  });
  const e = form.formState.errors;
  return (
    <form className="card form-grid" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.accounts.form}>
      {!existing ? (
        <>
          <Field label={t('accounts.login')} error={e.login?.message}>
            {(p) => <input {...p} {...form.register('login', { required: t('intake.required') })} autoComplete="off" data-testid={sel.accounts.field('login')} />}
          </Field>
          <Field label={t('accounts.password')} hint={t('accounts.passwordHint')} error={e.password?.message}>
            {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('password', { required: t('intake.required') })} data-testid={sel.accounts.field('password')} />}
          </Field>
        </>
      ) : null}
      <Field label={t('accounts.displayName')} error={e.displayName?.message}>
        {(p) => <input {...p} {...form.register('displayName', { required: t('intake.required') })} data-testid={sel.accounts.field('displayName')} />}
      </Field>
      <Field label={t('accounts.role')} error={e.role?.message}>
        {(p) => (
          <select {...p} {...form.register('role')} data-testid={sel.accounts.field('role')}>
            {ROLES_ASSIGNABLE.map((r) => (
              <option key={r} value={r}>
                {t(`enums.Role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'COORDINATOR' ? (
        <Field label={t('accounts.townships')} error={e.townshipIds?.message}>
          {(p) => (
            <select {...p} multiple size={5} {...form.register('townshipIds')} data-testid={sel.accounts.field('townshipIds')}>
              {(places.data?.townships ?? []).map((tw) => (
                <option key={tw.id} value={tw.id}>
                  {tw.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {role === 'SOCIAL_WORKER' || role === 'VOLUNTEER' ? (
        <Field label={t('accounts.villages')} error={e.villageIds?.message}>
          {(p) => (
            <select {...p} multiple size={6} {...form.register('villageIds')} data-testid={sel.accounts.field('villageIds')}>
              {(places.data?.villages ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {role === 'PARTNER_NGO' ? (
        <Field label={t('accounts.organization')} error={e.organizationId?.message}>
          {(p) => (
            <select {...p} {...form.register('organizationId')} data-testid={sel.accounts.field('organizationId')}>
              <option value="">{t('common.choose')}</option>
              {(organizations.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {submission.error && (!isApiError(submission.error) || submission.error.fieldIssues.length === 0) ? (
        <div className="full" data-testid={sel.accounts.formError}>
          <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
        </div>
      ) : null}
      <div className="form-actions full">
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={submission.pending} data-testid={sel.accounts.submit}>
          {existing ? t('common.save') : t('accounts.create')}
        </button>
      </div>
    </form>
  );
}
