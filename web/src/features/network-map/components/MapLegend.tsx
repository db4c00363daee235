import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';
import { NODE_KINDS, STATUSES } from '../model/mapData';
import { COVERAGE_COLORS, EDGE_STYLE, NODE_STYLE, SPOF_COLOR, withOpacity } from '../model/mapStyles';
import type { OverlayName } from '../model/mapOverlays';

/** The legend, drawn from the same style table as the graph. */
export function MapLegend({ overlay }: { overlay: OverlayName }) {
  const { t } = useTranslation();
  return (
    <section className="map-legend" data-testid={sel.map.legend} aria-label={t('networkMap.legend.title')}>
      <h2>{t('networkMap.legend.title')}</h2>
      <ul>
        {STATUSES.map((s) => (
          <li key={s}>
            <svg width="40" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="40" y2="5" stroke={withOpacity(EDGE_STYLE[s].color, EDGE_STYLE[s].opacity)} strokeWidth={EDGE_STYLE[s].size * 1.4} />
            </svg>
            {t(`enums.RelationshipStatus.${s}`)}
          </li>
        ))}
        {NODE_KINDS.map((k) => (
          <li key={k}>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" fill={NODE_STYLE[k].color} />
            </svg>
            {t(`networkMap.kind.${k}`)}
          </li>
        ))}
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill={SPOF_COLOR} />
          </svg>
          {t('networkMap.legend.spof')}
        </li>
      </ul>
      {overlay === 'coverage' ? (
        <p className="map-legend-scale">
          {COVERAGE_COLORS.map((c, i) => (
            <span key={c} style={{ background: c }} className="map-swatch">
              {i}
            </span>
          ))}{' '}
          {t('networkMap.legend.coverageScale')}
        </p>
      ) : null}
      <p className="map-precision-note">{t('networkMap.legend.precision')}</p>
    </section>
  );
}
