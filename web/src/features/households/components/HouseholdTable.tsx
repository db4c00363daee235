import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HouseholdRowFragment } from '@/gql/graphql';
import type { Capabilities } from '@/lib/permissions';
import { sel } from '@/testing/selectors';

/**
 * Rows of households; sensitive columns only for roles that may read them (others are not even requested).
 * At phone width (styles.css, `.table-cards`) each row is a card and each cell shows its column's name from
 * `data-label`; wider screens keep the table, scrolling inside `.table-wrap` rather than past the page edge.
 */
export function HouseholdTable({ rows, caps, testId }: { rows: readonly HouseholdRowFragment[]; caps: Capabilities; testId: string }) {
  const { t } = useTranslation();
  const label = {
    first: caps.see.identity ? t('households.head') : t('households.id'),
    village: t('households.village'),
    size: t('households.size'),
    code: t('households.code'),
    markers: t('households.markers'),
    score: t('households.score'),
  };
  return (
    <div className="table-wrap">
      <table className="table table-cards" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{label.first}</th>
            <th scope="col">{label.village}</th>
            <th scope="col">{label.size}</th>
            {caps.see.officialId ? <th scope="col">{label.code}</th> : null}
            {caps.see.socialAssistance ? <th scope="col">{label.markers}</th> : null}
            {caps.see.socialAssistance ? <th scope="col">{label.score}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id} data-testid={sel.households.row(h.id)}>
              <td data-label={label.first}>
                <Link to={`/households/${h.id}`} data-testid={sel.households.rowLink(h.id)}>
                  {h.head?.name ?? h.id}
                </Link>
                {h.synthetic ? <span className="badge badge-muted">{t('common.synthetic')}</span> : null}
              </td>
              <td data-label={label.village}>
                {h.village.township.name} · {h.village.displayName}
              </td>
              <td data-label={label.size}>{h.size}</td>
              {caps.see.officialId ? <td data-label={label.code}>{h.householdCode ?? '—'}</td> : null}
              {caps.see.socialAssistance ? (
                <td data-label={label.markers}>
                  {(h.markers ?? []).map((m) => (
                    <span key={m} className="badge">
                      {t(`enums.Marker.${m}`)}
                    </span>
                  ))}
                </td>
              ) : null}
              {caps.see.socialAssistance ? <td data-label={label.score}>{h.vulnerabilityScore == null ? '—' : h.vulnerabilityScore.toFixed(1)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
