import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';

/**
 * Relay-cursor paging: the cursors already visited form a stack, so "previous"
 * goes back without a `before` argument (the API pages forward only).
 */
export function Pager({ page, hasNextPage, onNext, onPrevious }: { page: number; hasNextPage: boolean; onNext: () => void; onPrevious: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" className="button" onClick={onPrevious} disabled={page === 0} data-testid={sel.households.prevPage}>
        {t('common.previous')}
      </button>
      <span>{t('common.page', { page: page + 1 })}</span>
      <button type="button" className="button" onClick={onNext} disabled={!hasNextPage} data-testid={sel.households.nextPage}>
        {t('common.next')}
      </button>
    </nav>
  );
}
