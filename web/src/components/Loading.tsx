import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" aria-live="polite" data-testid={sel.app.loading}>
      {t('common.loading')}
    </p>
  );
}
