import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import { Pager } from '@/components/Pager';
import { useOrganizations } from '@/hooks/useOrganizations';
import { usePlaces } from '@/hooks/usePlaces';
import { usePager } from '@/lib/usePager';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { resetAccountPassword, unlockAccount, updateAccount, useAccounts } from '../api/accounts';
import { AccountForm } from './AccountForm';

/** ADMIN: accounts — create, change role or scope, disable, reset a password. */
export function AccountsAdmin() {
  const { t } = useTranslation();
  const pager = usePager();
  const accounts = useAccounts(pager.after);
  const places = usePlaces();
  const organizations = useOrganizations();
  const names = new Map<string, string>([
    ...(places.data?.townships ?? []).map((p) => [p.id, p.name] as [string, string]),
    ...(places.data?.villages ?? []).map((p) => [p.id, p.displayName] as [string, string]),
    ...(organizations.data ?? []).map((o) => [o.id, o.name] as [string, string]),
  ]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const toggle = useSubmission((v: { id: string; disabled: boolean }) => updateAccount(v.id, { disabled: v.disabled }), { invalidate: [['accounts']] });
  const unlock = useSubmission((id: string) => unlockAccount(id), { invalidate: [['accounts']] });
  const reset = useSubmission((v: { id: string; password: string }) => resetAccountPassword(v.id, v.password), {
    onSuccess: () => {
      setResetting(null);
      setPassword('');
      setDone(t('accounts.passwordReset'));
    },
  });

  if (accounts.isPending) return <Loading />;
  if (accounts.error) return <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const current = accounts.data.nodes.find((a) => a.id === editing);
  return (
    <section className="stack">
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid={sel.accounts.create}>
          {t('accounts.new')}
        </button>
      </div>
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      {editing === 'new' ? <AccountForm onDone={() => setEditing(null)} /> : null}
      {current ? <AccountForm key={current.id} existing={{ ...current, organizationId: current.organizationId ?? '' }} onDone={() => setEditing(null)} /> : null}
      <ErrorNotice error={toggle.error ?? reset.error ?? unlock.error} />
      <div className="table-wrap">
        <table className="table" data-testid={sel.accounts.list}>
          <thead>
            <tr>
              <th scope="col">{t('accounts.login')}</th>
              <th scope="col">{t('accounts.displayName')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('accounts.scope')}</th>
              <th scope="col">{t('accounts.state')}</th>
              <th scope="col">{t('accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.nodes.map((a) => (
              <tr key={a.id} data-testid={sel.accounts.row(a.login)}>
                <td>
                  {a.login} {a.demo ? <span className="badge badge-muted">{t('accounts.demo')}</span> : null}
                </td>
                <td>{a.displayName}</td>
                <td>{t(`enums.Role.${a.role}`)}</td>
                <td className="small">{[...a.townshipIds, ...a.villageIds, a.organizationId ?? ''].filter(Boolean).map((id) => names.get(id) ?? id).join('、') || '—'}</td>
                <td>
                  {a.disabled ? <span className="badge badge-danger">{t('accounts.disabled')}</span> : <span className="badge badge-ok">{t('accounts.enabled')}</span>}
                  {a.locked ? <span className="badge badge-danger">{t('accounts.locked')}</span> : null}
                </td>
                <td className="row">
                  <button type="button" className="button" onClick={() => setEditing(a.id)} data-testid={sel.accounts.edit(a.login)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="button" disabled={toggle.pending} onClick={() => void toggle.submit({ id: a.id, disabled: !a.disabled }).catch(() => undefined)} data-testid={sel.accounts.disable(a.login)}>
                    {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                  </button>
                  {a.locked ? (
                    <button type="button" className="button" disabled={unlock.pending} onClick={() => void unlock.submit(a.id).catch(() => undefined)} data-testid={sel.accounts.unlock(a.login)}>
                      {t('accounts.unlock')}
                    </button>
                  ) : null}
                  <button type="button" className="button" onClick={() => setResetting(a.id)} data-testid={sel.accounts.resetPassword(a.login)}>
                    {t('accounts.resetPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {resetting ? (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void reset.submit({ id: resetting, password }).catch(() => undefined);
          }}
        >
          <Field label={t('accounts.newPassword')} hint={t('accounts.passwordHint')}>
            {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid={sel.accounts.newPassword} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={() => setResetting(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={!password || reset.pending} data-testid={sel.accounts.confirmReset}>
              {t('accounts.resetPassword')}
            </button>
          </div>
        </form>
      ) : null}
      <Pager page={pager.page} hasNextPage={accounts.data.pageInfo.hasNextPage} onNext={() => pager.next(accounts.data.pageInfo.endCursor)} onPrevious={pager.previous} />
    </section>
  );
}
