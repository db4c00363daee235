import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';
import type { MapGraph } from '../model/buildMapGraph';
import type { NetworkMetricsData } from '../api/networkMap';

/** A node's card: what it is, where (and how exact the point is), its ties with since/until, its services, its betweenness and what it brokers. */
export function NodeCard({ graph, id, metrics, onClose, onSelect }: { graph: MapGraph; id: string; metrics: NetworkMetricsData | undefined; onClose: () => void; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  if (!graph.hasNode(id)) return null;
  const a = graph.getNodeAttributes(id);
  const ties: { edge: string; other: string; outgoing: boolean }[] = [];
  graph.forEachEdge(id, (edge, _attrs, source, target) => ties.push({ edge, other: source === id ? target : source, outgoing: source === id }));
  const services = ties.filter((tie) => graph.getEdgeAttribute(tie.edge, 'kind') === 'OFFERS' && tie.outgoing);
  const relations = ties.filter((tie) => graph.getEdgeAttribute(tie.edge, 'kind') !== 'OFFERS' && graph.getEdgeAttribute(tie.edge, 'kind') !== 'PART_OF');
  const betweenness = metrics?.betweenness.top.find((b) => b.node.id === id)?.value;
  const broker = metrics?.brokers.find((b) => b.node.id === id);
  return (
    <aside className="map-card" data-testid={sel.map.card} aria-label={a.label}>
      <button type="button" className="map-card-close" onClick={onClose} data-testid={sel.map.cardClose} aria-label={t('common.cancel')}>
        ×
      </button>
      <h2>{a.label}</h2>
      <p>
        {t(`networkMap.kind.${a.kind}`)}
        {a.status ? ` · ${t(`enums.RelationshipStatus.${a.status}`)}` : ''}
      </p>
      <p className="map-card-precision">{t(`networkMap.precision.${a.precision}`)}</p>
      <p>
        {t('networkMap.card.betweenness')}: {betweenness === undefined ? t('networkMap.card.notRanked') : betweenness.toFixed(3)}
      </p>
      {broker ? (
        <p>
          {t('networkMap.card.brokers', { count: broker.piecesIfRemoved })}
          {broker.bridgedTownships.length > 0 ? ` (${broker.bridgedTownships.map((tw) => tw.name).join('、')})` : ''}
        </p>
      ) : null}
      {services.length > 0 ? (
        <>
          <h3>{t('networkMap.card.services')}</h3>
          <ul>
            {services.map((s) => (
              <li key={s.edge}>
                <button type="button" className="link" onClick={() => onSelect(s.other)}>
                  {graph.getNodeAttribute(s.other, 'label')}
                </button>{' '}
                · {t(`networkMap.serviceStatus.${graph.getNodeAttribute(s.other, 'subKind') ?? 'ACTIVE'}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('networkMap.card.relationships', { count: relations.length })}</h3>
      <ul className="map-card-ties">
        {relations.map((tie) => {
          const e = graph.getEdgeAttributes(tie.edge);
          return (
            <li key={tie.edge}>
              {t(`networkMap.relType.${e.relationshipType}`)} ·{' '}
              <button type="button" className="link" onClick={() => onSelect(tie.other)}>
                {graph.getNodeAttribute(tie.other, 'label')}
              </button>
              {e.status ? ` · ${t(`enums.RelationshipStatus.${e.status}`)}` : ''}
              {e.since || e.until ? ` · ${t('networkMap.card.period', { since: e.since ?? '…', until: e.until ?? '…' })}` : ''}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
