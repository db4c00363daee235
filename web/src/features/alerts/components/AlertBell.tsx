import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { sel } from '@/testing/selectors';
import { useAlertBadge } from '../api/alerts';

/** The header's bell: the viewer's unread alerts, polled; opens the alerts page. */
export function AlertBell() {
  const { t } = useTranslation();
  const badge = useAlertBadge(true);
  const unread = badge.data ?? 0;
  return (
    <NavLink to="/alerts" className="alert-bell" aria-label={t('alerts.bell', { count: unread })} title={t('alerts.bell', { count: unread })} data-testid={sel.alerts.bell}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 ? (
        <span className="badge badge-danger alert-count" data-testid={sel.alerts.badge}>
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
