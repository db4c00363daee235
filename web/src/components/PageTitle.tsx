import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';

/** The page's heading; also the document title. */
export function PageTitle({ children, title, actions }: { children?: ReactNode; title: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <header className="page-header">
      <h1 data-testid={sel.app.pageTitle}>{title}</h1>
      {children}
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
