import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '@/features/auth/components/SignInForm';
import { LANGUAGES, setLanguage, type Language } from '@/lib/i18n';
import { capabilitiesOf } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { sel } from '@/testing/selectors';
import { homeFor } from '../navigation';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/sign-in')) return null;
  return value;
}

export function SignInRoute() {
  const { t, i18n } = useTranslation();
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const redirectTo = safeRedirect(params.get('redirectTo'));
  if (state.status === 'signedIn') return <Navigate to={redirectTo ?? homeFor(capabilitiesOf(state.account.role))} replace />;
  const expired = params.get('expired') === '1' || state.status === 'expired';
  return (
    <main className="sign-in-page">
      <div className="sign-in-box">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('signIn.tagline')}</p>
        {expired ? (
          <p className="notice notice-warn" role="status" data-testid={sel.signIn.expired}>
            {t('signIn.expired')}
          </p>
        ) : null}
        <SignInForm
          onSignedIn={(account) => {
            signedIn(account);
            void navigate(redirectTo ?? homeFor(capabilitiesOf(account.role)), { replace: true });
          }}
        />
        <p className="sign-in-lang">
          <label htmlFor="lang">{t('nav.language')}</label>{' '}
          <select id="lang" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid={sel.app.languageSwitch}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="muted small">{t('signIn.help')}</p>
      </div>
    </main>
  );
}
