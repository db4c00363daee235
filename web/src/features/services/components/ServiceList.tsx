import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { useCategories } from '@/hooks/useCategories';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { updateServiceCapacity, useOwnServices } from '../api/services';

/** An organisation's own services: capacity kept current (status, hours and contact once the API offers them). */
export function ServiceList({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const services = useOwnServices(organizationId);
  const categories = useCategories();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = useSubmission((v: { id: string; capacity: number | null }) => updateServiceCapacity(v.id, v.capacity), { invalidate: [['services']] });
  if (services.isPending) return <Loading />;
  if (services.error) return <ErrorNotice error={services.error} onRetry={() => void services.refetch()} />;
  return (
    <div className="stack">
      <ErrorNotice error={save.error} onRetry={() => void save.retry()} />
      <div className="table-wrap">
        <table className="table" data-testid={sel.services.list}>
          <thead>
            <tr>
              <th scope="col">{t('services.name')}</th>
              <th scope="col">{t('services.categories')}</th>
              <th scope="col">{t('services.status')}</th>
              <th scope="col">{t('services.active')}</th>
              <th scope="col">{t('services.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id} data-testid={sel.services.row(s.id)}>
                <td>
                  {s.name}
                  <br />
                  <small className="muted">{s.organization.name}</small>
                </td>
                <td>{s.categories.map((c) => categories.label(c)).join('、')}</td>
                <td>{t(`enums.ServiceStatus.${s.status}`)}</td>
                <td>{s.activeReferrals}</td>
                <td>
                  <form
                    className="row"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const raw = (edits[s.id] ?? '').trim();
                      void save.submit({ id: s.id, capacity: raw === '' ? null : Number(raw) }).catch(() => undefined);
                    }}
                  >
                    <label className="sr-only" htmlFor={`cap-${s.id}`}>
                      {t('services.capacity')}
                    </label>
                    <input
                      id={`cap-${s.id}`}
                      className="input-narrow"
                      inputMode="numeric"
                      value={edits[s.id] ?? (s.capacity == null ? '' : String(s.capacity))}
                      placeholder={t('match.unlimited')}
                      onChange={(e) => setEdits({ ...edits, [s.id]: e.target.value })}
                      data-testid={sel.services.capacity(s.id)}
                    />
                    <button type="submit" className="button" disabled={save.pending} data-testid={sel.services.save(s.id)}>
                      {t('common.save')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
