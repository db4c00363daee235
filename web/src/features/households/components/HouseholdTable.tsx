import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HouseholdRowFragment } from '@/gql/graphql';
import type { Capabilities } from '@/lib/permissions';
import { sel } from '@/testing/selectors';

/** Rows of households; sensitive columns only for roles that may read them (others are not even requested). */
export function HouseholdTable({ rows, caps, testId }: { rows: readonly HouseholdRowFragment[]; caps: Capabilities; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {caps.see.identity ? <th scope="col">{t('households.head')}</th> : <th scope="col">{t('households.id')}</th>}
            <th scope="col">{t('households.village')}</th>
            <th scope="col">{t('households.size')}</th>
            {caps.see.officialId ? <th scope="col">{t('households.code')}</th> : null}
            {caps.see.socialAssistance ? <th scope="col">{t('households.markers')}</th> : null}
            {caps.see.socialAssistance ? <th scope="col">{t('households.score')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id} data-testid={sel.households.row(h.id)}>
              <td>
                <Link to={`/households/${h.id}`} data-testid={sel.households.rowLink(h.id)}>
                  {h.head?.name ?? h.id}
                </Link>
                {h.synthetic ? <span className="badge badge-muted">{t('common.synthetic')}</span> : null}
              </td>
              <td>
                {h.village.township.name} · {h.village.displayName}
              </td>
              <td>{h.size}</td>
              {caps.see.officialId ? <td>{h.householdCode ?? '—'}</td> : null}
              {caps.see.socialAssistance ? (
                <td>
                  {(h.markers ?? []).map((m) => (
                    <span key={m} className="badge">
                      {t(`enums.Marker.${m}`)}
                    </span>
                  ))}
                </td>
              ) : null}
              {caps.see.socialAssistance ? <td>{h.vulnerabilityScore == null ? '—' : h.vulnerabilityScore.toFixed(1)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
