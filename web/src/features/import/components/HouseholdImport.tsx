import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import type { HeaderLanguage, HouseholdImportMode, SheetFormat } from '@/gql/graphql';
import { downloadBase64, fileToBase64 } from '@/lib/fileTransfer';
import { sel } from '@/testing/selectors';
import { fetchTemplate, MAX_UPLOAD_BYTES, runHouseholdImport, type HouseholdImportReport } from '../api/householdImport';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string; bytes: number }
  | { kind: 'preview'; file: Picked; report: HouseholdImportReport }
  | { kind: 'importing'; file: Picked; report: HouseholdImportReport; mode: HouseholdImportMode }
  | { kind: 'done'; report: HouseholdImportReport };

interface Picked {
  fileName: string;
  contentBase64: string;
}

/** Issue 14 item 2 in the console: pick a file, see the preview and every row's check, then import (the whole file, or only the valid rows). */
export function HouseholdImport() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [tooBig, setTooBig] = useState<number | null>(null);

  const pick = async (file: File | undefined) => {
    setError(null);
    setTooBig(null);
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setTooBig(file.size);
      return;
    }
    setStage({ kind: 'checking', fileName: file.name, bytes: file.size });
    try {
      const picked = { fileName: file.name, contentBase64: await fileToBase64(file) };
      const report = await runHouseholdImport({ ...picked, dryRun: true, mode: 'ALL_OR_NOTHING' });
      setStage({ kind: 'preview', file: picked, report });
    } catch (e) {
      setError(e);
      setStage({ kind: 'idle' });
    }
  };

  const commit = async (mode: HouseholdImportMode) => {
    if (stage.kind !== 'preview') return;
    setError(null);
    setStage({ kind: 'importing', file: stage.file, report: stage.report, mode });
    try {
      const report = await runHouseholdImport({ ...stage.file, dryRun: false, mode });
      setStage(report.committed ? { kind: 'done', report } : { kind: 'preview', file: stage.file, report });
    } catch (e) {
      setError(e);
      setStage({ kind: 'preview', file: stage.file, report: stage.report });
    }
  };

  const report = stage.kind === 'preview' || stage.kind === 'importing' || stage.kind === 'done' ? stage.report : null;
  const problems = report ? report.fileIssues.length + report.invalidRows + report.duplicateRows : 0;

  return (
    <div className="stack" data-testid={sel.householdImport.page}>
      <TemplateDownloads />
      <section className="card">
        <h2>{t('householdImport.upload.title')}</h2>
        <p className="muted">{t('householdImport.upload.hint', { maxKb: Math.round(MAX_UPLOAD_BYTES / 1024) })}</p>
        <input
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => void pick(e.target.files?.[0])}
          disabled={stage.kind === 'checking' || stage.kind === 'importing'}
          data-testid={sel.householdImport.file}
        />
        {tooBig !== null ? (
          <p className="notice notice-error" role="alert" data-testid={sel.householdImport.tooBig}>
            {t('householdImport.upload.tooBig', { kb: Math.round(tooBig / 1024), maxKb: Math.round(MAX_UPLOAD_BYTES / 1024) })}
          </p>
        ) : null}
        {stage.kind === 'checking' ? (
          <p role="status" aria-live="polite" data-testid={sel.householdImport.progress}>
            <progress /> {t('householdImport.upload.checking', { name: stage.fileName, kb: Math.max(1, Math.round(stage.bytes / 1024)) })}
          </p>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </section>

      {report ? (
        <section className="card" data-testid={sel.householdImport.report}>
          <h2>{stage.kind === 'done' ? t('householdImport.report.doneTitle') : t('householdImport.report.title')}</h2>
          <p data-testid={sel.householdImport.summary}>
            {t('householdImport.report.summary', {
              name: report.fileName,
              format: report.format,
              encoding: report.encoding ?? '—',
              total: report.totalRows,
              valid: report.validRows,
              invalid: report.invalidRows,
              duplicate: report.duplicateRows,
            })}
          </p>
          {stage.kind === 'done' ? (
            <p className="notice notice-success" role="status" data-testid={sel.householdImport.created}>
              {t('householdImport.report.created', { count: report.createdCount })} <Link to="/households">{t('householdImport.report.toHouseholds')}</Link>
            </p>
          ) : null}
          {stage.kind !== 'done' && !report.dryRun && !report.committed ? (
            <p className="notice notice-error" role="alert" data-testid={sel.householdImport.refused}>
              {t('householdImport.report.refused')}
            </p>
          ) : null}
          <Preview report={report} />
          <RowReport report={report} />
          {stage.kind === 'preview' || stage.kind === 'importing' ? (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={problems > 0 || report.validRows === 0 || stage.kind === 'importing'}
                onClick={() => void commit('ALL_OR_NOTHING')}
                data-testid={sel.householdImport.commit}
              >
                {t('householdImport.actions.commit', { count: report.validRows })}
              </button>
              {problems > 0 && report.fileIssues.length === 0 && report.validRows > 0 ? (
                <button type="button" className="button" disabled={stage.kind === 'importing'} onClick={() => void commit('VALID_ROWS')} data-testid={sel.householdImport.commitValid}>
                  {t('householdImport.actions.commitValid', { count: report.validRows })}
                </button>
              ) : null}
              {stage.kind === 'importing' ? (
                <span role="status" aria-live="polite" data-testid={sel.householdImport.progress}>
                  <progress /> {t('householdImport.actions.importing')}
                </span>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function TemplateDownloads() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const get = async (format: SheetFormat, language: HeaderLanguage) => {
    setError(null);
    try {
      downloadBase64(await fetchTemplate(format, language));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card">
      <h2>{t('householdImport.template.title')}</h2>
      <p className="muted">{t('householdImport.template.hint')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void get('XLSX', 'ZH')} data-testid={sel.householdImport.template('XLSX', 'ZH')}>
          {t('householdImport.template.xlsxZh')}
        </button>
        <button type="button" className="button" onClick={() => void get('XLSX', 'EN')} data-testid={sel.householdImport.template('XLSX', 'EN')}>
          {t('householdImport.template.xlsxEn')}
        </button>
        <button type="button" className="button" onClick={() => void get('CSV', 'ZH')} data-testid={sel.householdImport.template('CSV', 'ZH')}>
          {t('householdImport.template.csvZh')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function Preview({ report }: { report: HouseholdImportReport }) {
  const { t } = useTranslation();
  if (report.previewRows.length === 0) return null;
  return (
    <details open={report.dryRun}>
      <summary>{t('householdImport.preview.title', { count: report.previewRows.length })}</summary>
      <div className="table-wrap">
        <table data-testid={sel.householdImport.preview}>
          <thead>
            <tr>
              <th>{t('householdImport.preview.row')}</th>
              {report.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.previewRows.map((cells, i) => (
              <tr key={i}>
                <td>{report.rows[i]?.row ?? ''}</td>
                {report.header.map((_, j) => (
                  <td key={j}>{cells[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function RowReport({ report }: { report: HouseholdImportReport }) {
  const { t } = useTranslation();
  const reason = (r: string) => t(`householdImport.reason.${r}`, { defaultValue: t('householdImport.reason.invalid') });
  const field = (path: readonly string[]) => {
    const key = path.filter((p) => !/^\d+$/.test(p)).join('_') || 'file';
    return t(`householdImport.field.${key}`, { defaultValue: path.join('.') });
  };
  const rowsWithIssues = report.rows.filter((r) => r.issues.length > 0);
  return (
    <div className="table-wrap">
      <table data-testid={sel.householdImport.rows}>
        <thead>
          <tr>
            <th>{t('householdImport.rows.row')}</th>
            <th>{t('householdImport.rows.status')}</th>
            <th>{t('householdImport.rows.field')}</th>
            <th>{t('householdImport.rows.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {report.fileIssues.map((issue, i) => (
            <tr key={`file-${i}`} data-testid={sel.householdImport.fileIssue(i)}>
              <td>{t('householdImport.rows.file')}</td>
              <td>{t('householdImport.status.INVALID')}</td>
              <td>{issue.column ?? field(issue.fieldPath)}</td>
              <td>{reason(issue.reason)}</td>
            </tr>
          ))}
          {rowsWithIssues.flatMap((r) =>
            r.issues.map((issue, i) => (
              <tr key={`${r.row}-${i}`} data-testid={sel.householdImport.rowIssue(r.row)}>
                <td>{r.row}</td>
                <td>{t(`householdImport.status.${r.status}`)}</td>
                <td>{field(issue.fieldPath)}</td>
                <td>
                  {reason(issue.reason)}
                  {r.duplicate?.otherRow != null ? ` ${t('householdImport.rows.sameAsRow', { row: r.duplicate.otherRow })}` : ''}
                  {r.duplicate?.existingHouseholdId ? (
                    <>
                      {' '}
                      <Link to={`/households/${r.duplicate.existingHouseholdId}`}>{t('householdImport.rows.existing')}</Link>
                    </>
                  ) : null}
                </td>
              </tr>
            )),
          )}
          {rowsWithIssues.length === 0 && report.fileIssues.length === 0 ? (
            <tr>
              <td colSpan={4} data-testid={sel.householdImport.allValid}>
                {report.committed ? t('householdImport.rows.allCreated', { count: report.createdCount }) : t('householdImport.rows.allValid', { count: report.validRows })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
