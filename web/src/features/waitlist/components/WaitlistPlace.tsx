import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { joinWaitlist } from '../api/joinWaitlist';
import { needWaitlistKey, useNeedWaitlist } from '../api/needWaitlist';
import { waitlistSlot } from '../utils/waitlistSlot';

/**
 * A need's place on one service's waiting list, for the match card of a full
 * service: its position, or the unit held for it (send the referral before
 * the offer lapses), or — when `canJoin` — the explicit "join the waiting
 * list" button (waitlistSlot decides which). Nothing for a viewer who may not
 * see waiting lists.
 */
export function WaitlistPlace({ needId, serviceId, canJoin }: { needId: string; serviceId: string; canJoin: boolean }) {
  const { t, i18n } = useTranslation();
  const entries = useNeedWaitlist(needId);
  const join = useSubmission((_: null, key: string) => joinWaitlist(needId, serviceId, key), { invalidate: [needWaitlistKey(needId), ['match', needId]] });
  if (entries.isPending) return null;
  if (entries.error) return <ErrorNotice error={entries.error} onRetry={() => void entries.refetch()} />;
  const slot = waitlistSlot(entries.data, serviceId, canJoin);
  switch (slot.kind) {
    case 'NOTHING':
      return null;
    case 'OFFERED':
      return (
        <p className="notice notice-ok" role="status" data-testid={sel.waitlist.offered(serviceId)}>
          {t('waitlist.offered', { until: slot.offerExpiresAt ? new Date(slot.offerExpiresAt).toLocaleString(i18n.language) : '' })}
        </p>
      );
    case 'POSITION':
      return (
        <p className="notice" data-testid={sel.waitlist.position(serviceId)}>
          {t('waitlist.position', { position: slot.position ?? '—' })}
        </p>
      );
    case 'JOIN':
      return (
        <div className="stack">
          <p className="muted">{t('waitlist.full')}</p>
          <button type="button" className="button" disabled={join.pending} onClick={() => void join.submit(null).catch(() => undefined)} data-testid={sel.waitlist.join(serviceId)}>
            {join.pending ? t('common.sending') : t('waitlist.join')}
          </button>
          <ErrorNotice error={join.error} onRetry={() => void join.retry()} />
        </div>
      );
  }
}
