import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sel } from '@/testing/selectors';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div data-testid={sel.app.notFound}>
      <p>{t('common.notFound')}</p>
      <Link to="/">{t('common.home')}</Link>
    </div>
  );
}
