import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/apiError';
import { sel } from '@/testing/selectors';

/**
 * An error as a sentence in the user's language (errors.<code>), with the
 * code and correlation id for support (the server's English words folded
 * away under "技术详情", never in the sentence itself), and a retry offer when the failure
 * may pass (UNAVAILABLE, OUTCOME_UNKNOWN, network, rate limit).
 */
export function ErrorNotice({ error, onRetry, testId }: { error: unknown; onRetry?: (() => void) | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const code = api?.code ?? 'UNKNOWN';
  const wait = api?.retryAfterSeconds ?? null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId ?? sel.error.notice}>
      <p>{t(`errors.${code}`, { seconds: wait ?? 60 })}</p>
      {api && api.message && code !== 'INVALID_CREDENTIALS' ? (
        <details className="notice-detail">
          <summary>{t('errors.serverDetail')}</summary>
          <p lang="en">{api.issues.map((i) => i.message).filter(Boolean).join(' ')}</p>
        </details>
      ) : null}
      <p className="notice-code">
        {t('errors.supportCode')} <code data-testid={sel.error.code}>{code}</code>
        {api?.correlationId ? <> · {t('errors.correlationId')} <code>{api.correlationId}</code></> : null}
      </p>
      {api?.retryable && onRetry ? (
        <button type="button" className="button" onClick={onRetry} data-testid={sel.error.retry}>
          {t(code === 'OUTCOME_UNKNOWN' ? 'errors.retrySame' : 'errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
