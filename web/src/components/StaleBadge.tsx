import { useTranslation } from 'react-i18next';

/** "Details may be out of date" (issue 14 item 4): a service not confirmed within STALE_AFTER_DAYS; shared by the match card and the directory. */
export function StaleBadge({ confirmedOn, testId }: { confirmedOn: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-danger" title={confirmedOn ? t('staleServices.confirmedOn', { date: confirmedOn }) : t('staleServices.neverConfirmed')} data-testid={testId}>
      {t('staleServices.badge')}
    </span>
  );
}
