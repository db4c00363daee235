import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';
import type { MapGraph } from '../model/buildMapGraph';
import { exportFileName, mapToCsv, mapToGexf, mapToSvg } from '../model/mapExport';
import type { MapExporter } from './NetworkCanvas';

type Format = 'png' | 'svg' | 'nodesCsv' | 'edgesCsv' | 'gexf';
const FORMATS: readonly Format[] = ['png', 'svg', 'nodesCsv', 'edgesCsv', 'gexf'];

/** Saves a file made in the browser (a blob: link; nothing leaves the machine). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export of what the map draws now (issue 12 item 4): picture as PNG or SVG, data as CSV or GEXF. */
export function ExportPanel({ graph, exporter }: { graph: MapGraph; exporter: RefObject<MapExporter | null> }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const save = async (format: Format) => {
    setFailed(false);
    const now = new Date();
    try {
      if (format === 'png') {
        const renderer = exporter.current;
        if (!renderer) throw new Error('the map is not drawn yet');
        download(await renderer.png(), exportFileName('view', 'png', now));
      } else if (format === 'svg') {
        const renderer = exporter.current;
        if (!renderer) throw new Error('the map is not drawn yet');
        download(new Blob([mapToSvg(renderer.view())], { type: 'image/svg+xml' }), exportFileName('view', 'svg', now));
      } else if (format === 'gexf') {
        download(new Blob([mapToGexf(graph)], { type: 'application/xml' }), exportFileName('view', 'gexf', now));
      } else {
        const csv = mapToCsv(graph);
        const kind = format === 'nodesCsv' ? 'nodes' : 'edges';
        download(new Blob([csv[kind]], { type: 'text/csv;charset=utf-8' }), exportFileName(kind, 'csv', now));
      }
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="map-export" aria-labelledby="map-export-title">
      <h2 id="map-export-title">{t('networkMap.export.title')}</h2>
      <p className="map-precision-note">{t('networkMap.export.note')}</p>
      <div className="form-actions">
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" data-testid={sel.map.exportButton(format)} onClick={() => void save(format)}>
            {t(`networkMap.export.${format}`)}
          </button>
        ))}
      </div>
      {failed ? (
        <p className="field-error" role="alert">
          {t('networkMap.export.failed')}
        </p>
      ) : null}
    </section>
  );
}
