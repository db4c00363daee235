import { useTranslation } from 'react-i18next';

/**
 * A count or share from a report: the number, or — when the API suppressed it (null: resting on 1–4 families, or
 * a complementary cell) — a marked gap that says why, never a 0.
 */
export function Figure({ value, unit }: { value: number | null | undefined; unit?: '%' }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <span className="muted" title={t('credit.suppressedHint')}>
        {t('credit.suppressed')}
      </span>
    );
  }
  return (
    <>
      {value.toLocaleString(i18n.language)}
      {unit ?? ''}
    </>
  );
}
