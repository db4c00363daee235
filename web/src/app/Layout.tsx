import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { LANGUAGES, setLanguage, type Language } from '@/lib/i18n';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount, useSession } from '@/lib/session';
import { sel } from '@/testing/selectors';
import { AlertBell } from '@/features/alerts/components/AlertBell';
import { navFor } from './navigation';

/** Header with the role's nav, the language switch and sign-out; the screen below. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const caps = capabilitiesOf(account.role);
  const items = navFor(caps);
  return (
    <div className="app" data-testid={sel.app.root}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <nav aria-label={t('nav.label')} data-testid={sel.app.nav}>
          <ul>
            {items.map((item) => (
              <li key={item.name}>
                <NavLink to={item.to} data-testid={sel.app.navLink(item.name)}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-tools">
          {caps.alerts ? <AlertBell /> : null}
          <span className="who" data-testid={sel.app.whoAmI}>
            {account.displayName} · {t(`enums.Role.${account.role}`)}
          </span>
          <label className="sr-only" htmlFor="language">
            {t('nav.language')}
          </label>
          <select id="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid={sel.app.languageSwitch}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              void signOut().finally(() => navigate('/sign-in', { replace: true }));
            }}
            data-testid={sel.app.signOut}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="main">
        <Outlet />
      </main>
    </div>
  );
}
