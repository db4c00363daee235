import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { sel } from '@/testing/selectors';
import { useMarkAlertsRead, useMyAlerts } from '../api/alerts';

/** The viewer's alerts, newest first; opening one marks it read and goes to its referral. */
export function AlertList() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const alerts = useMyAlerts(unreadOnly);
  const mark = useMarkAlertsRead();
  if (alerts.isPending) return <Loading />;
  if (alerts.error) return <ErrorNotice error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const { nodes, unreadCount } = alerts.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="stack" data-testid={sel.alerts.list}>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid={sel.alerts.unreadOnly} /> {t('alerts.unreadOnly')}
        </label>
        <button
          type="button"
          className="button button-quiet"
          disabled={unreadCount === 0 || mark.isPending}
          onClick={() => mark.mutate(nodes.filter((a) => !a.read).map((a) => a.id))}
          data-testid={sel.alerts.markAll}
        >
          {t('alerts.markAllRead')}
        </button>
      </div>
      {mark.error ? <ErrorNotice error={mark.error} /> : null}
      {nodes.length === 0 ? <p className="muted">{t('alerts.none')}</p> : null}
      <ul className="cards">
        {nodes.map((a) => (
          <li key={a.id} className={`card alert-card${a.read ? ' alert-read' : ''}`} data-testid={sel.alerts.item(a.id)}>
            <p>
              {a.read ? null : <span className="badge badge-danger">{t('alerts.unread')}</span>}
              <strong>{t(`alerts.kind.${a.kind}`)}</strong> · {t(`enums.Urgency.${a.urgency}`)} · {t('alerts.limit', { hours: a.limitHours })}
            </p>
            <p className="muted">
              {t('alerts.dueAt', { when: when(a.dueAt) })} · {t('alerts.raisedAt', { when: when(a.createdAt) })}
            </p>
            <Link
              to={`/referrals/${a.referralId}`}
              className="button button-primary"
              onClick={() => {
                if (!a.read) mark.mutate([a.id]);
              }}
              data-testid={sel.alerts.open(a.id)}
            >
              {t('alerts.open')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
