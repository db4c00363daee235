import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { msg } from '@/lib/msg';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import type { Account } from '@/lib/account';
import { isApiError } from '@/lib/apiError';
import { login } from '@/lib/authApi';
import { sel } from '@/testing/selectors';

const SignIn = z.object({
  login: z.string().trim().min(1, msg('signIn.loginRequired')),
  password: z.string().min(1, msg('signIn.passwordRequired')),
});
type SignIn = z.infer<typeof SignIn>;

/** Login name + password → POST /auth/login; wrong password, locked and rate-limited answers shown in words. */
export function SignInForm({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<SignIn>({ resolver: zodResolver(SignIn), defaultValues: { login: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSignedIn(await login(values.login, values.password));
    } catch (e) {
      setError(e);
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  const code = isApiError(error) ? error.code : error ? 'UNKNOWN' : null;
  const wait = isApiError(error) ? error.retryAfterSeconds : null;
  return (
    <form className="card sign-in" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.signIn.form}>
      <Field label={t('signIn.login')} error={errors.login?.message ? t(errors.login.message) : undefined}>
        {(p) => <input {...p} {...form.register('login')} autoComplete="username" autoFocus data-testid={sel.signIn.login} />}
      </Field>
      <Field label={t('signIn.password')} error={errors.password?.message ? t(errors.password.message) : undefined}>
        {(p) => <input {...p} {...form.register('password')} type="password" autoComplete="current-password" data-testid={sel.signIn.password} />}
      </Field>
      {code ? (
        <div className="notice notice-error" role="alert" data-testid={sel.signIn.error}>
          <p>{t(`signIn.errors.${code === 'INVALID_CREDENTIALS' || code === 'ACCOUNT_LOCKED' || code === 'RATE_LIMITED' || code === 'BAD_USER_INPUT' ? code : 'other'}`, { seconds: wait ?? 60 })}</p>
          <p className="notice-code">
            {t('errors.supportCode')} <code data-testid={sel.error.code}>{code}</code>
          </p>
        </div>
      ) : null}
      <button type="submit" className="button button-primary" disabled={isSubmitting} data-testid={sel.signIn.submit}>
        {isSubmitting ? t('signIn.signingIn') : t('signIn.submit')}
      </button>
    </form>
  );
}
