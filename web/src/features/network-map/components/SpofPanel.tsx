import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';
import type { MapCoverageData, NetworkMetricsData } from '../api/networkMap';

type Spof = NetworkMetricsData['singlePointsOfFailure']['points'][number];

/**
 * The single points of failure, each with its summary built from the
 * structured fields (never the server's English sentence): "if X leaves,
 * N villages lose all <category> access".
 */
export function SpofPanel({
  metrics,
  categories,
  selectedId,
  onHighlight,
}: {
  metrics: NetworkMetricsData;
  categories: MapCoverageData['categories'];
  selectedId: string | null;
  onHighlight: (spof: Spof | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('en') ? c.nameEn : c.nameZh) : code;
  };
  const points = metrics.singlePointsOfFailure.points;
  const selected = points.find((p) => p.node.id === selectedId);
  return (
    <section className="map-panel" data-testid={sel.map.spofList}>
      <h2>{t('networkMap.spof.title', { count: metrics.singlePointsOfFailure.articulationPoints })}</h2>
      <ol>
        {points.map((p) => (
          <li key={p.node.id}>
            <button type="button" className={p.node.id === selectedId ? 'link active' : 'link'} data-testid={sel.map.spof(p.node.id)} onClick={() => onHighlight(p.node.id === selectedId ? null : p)}>
              {p.node.label}
            </button>{' '}
            · {t('networkMap.spof.villages', { count: p.villagesLosingAccess })}
          </li>
        ))}
      </ol>
      {selected ? (
        <div className="map-spof-summary" data-testid={sel.map.spofSummary}>
          <p>{t('networkMap.spof.ifLeaves', { name: selected.node.label })}</p>
          <ul>
            {selected.lostAccess.map((lost) => (
              <li key={lost.category}>{t('networkMap.spof.loses', { count: lost.villages.length, category: name(lost.category) })}</li>
            ))}
            {selected.lostAccess.length === 0 ? <li>{t('networkMap.spof.cutsOff', { count: selected.cutOffCount })}</li> : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export type { Spof };
