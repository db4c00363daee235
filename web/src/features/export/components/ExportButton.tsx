import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import type { SheetFormat } from '@/gql/graphql';
import { downloadBase64 } from '@/lib/fileTransfer';
import { sel } from '@/testing/selectors';
import { fetchExport, type ExportKind } from '../api/fieldExport';

/**
 * Export the list the viewer may see (issue 14 item 5) as .xlsx or .csv: the
 * API decides the columns by role and purpose and audits the export; the
 * file goes straight to the browser's downloads.
 */
export function ExportButton({ kind }: { kind: ExportKind }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<SheetFormat>('XLSX');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await fetchExport(kind, format);
      downloadBase64(file);
      setDone(file.rowCount);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-control" data-testid={sel.fieldExport.control(kind)}>
      <label>
        <span className="sr-only">{t('fieldExport.format')}</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as SheetFormat)} data-testid={sel.fieldExport.format(kind)} disabled={busy}>
          <option value="XLSX">.xlsx</option>
          <option value="CSV">.csv</option>
        </select>
      </label>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid={sel.fieldExport.button(kind)}>
        {busy ? t('fieldExport.busy') : t(kind === 'households' ? 'fieldExport.households' : 'fieldExport.referrals')}
      </button>
      {done !== null ? (
        <span className="muted" role="status" data-testid={sel.fieldExport.done(kind)}>
          {t('fieldExport.done', { count: done })}
        </span>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={() => void run()} /> : null}
    </span>
  );
}
