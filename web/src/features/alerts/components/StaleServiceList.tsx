import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { sel } from '@/testing/selectors';
import { useConfirmService, useStaleServices } from '../api/staleServices';

/** The stale services the viewer keeps, each confirmed in one click ("details still right": today, by me). */
export function StaleServiceList() {
  const { t } = useTranslation();
  const stale = useStaleServices();
  const confirm = useConfirmService();
  if (stale.isPending) return <Loading />;
  if (stale.error) return <ErrorNotice error={stale.error} onRetry={() => void stale.refetch()} />;
  return (
    <section className="stack" data-testid={sel.staleServices.list} aria-labelledby="stale-services-title">
      <h2 id="stale-services-title">{t('staleServices.title', { count: stale.data.totalCount })}</h2>
      <p className="muted">{t('staleServices.hint')}</p>
      {confirm.error ? <ErrorNotice error={confirm.error} /> : null}
      {stale.data.nodes.length === 0 ? <p className="notice notice-ok">{t('staleServices.none')}</p> : null}
      <ul className="cards">
        {stale.data.nodes.map((s) => (
          <li key={s.id} className="card" data-testid={sel.staleServices.row(s.id)}>
            <p>
              <span className="badge badge-danger">{t('staleServices.badge')}</span> <strong>{s.name}</strong> · {s.organization.name}
            </p>
            <p className="muted">{s.confirmedOn ? t('staleServices.confirmedOn', { date: s.confirmedOn }) : t('staleServices.neverConfirmed')}</p>
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.isPending && confirm.variables === s.id}
              onClick={() => confirm.mutate(s.id)}
              data-testid={sel.staleServices.confirm(s.id)}
            >
              {t('staleServices.confirm')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
