import { useTranslation } from 'react-i18next';

export function Forbidden() {
  const { t } = useTranslation();
  return <p className="notice notice-warn">{t('errors.FORBIDDEN')}</p>;
}
