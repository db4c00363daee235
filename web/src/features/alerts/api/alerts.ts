import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

/**
 * Pushed alerts (issue 15 item 5): the header's badge polls the viewer's
 * unread count every ALERT_POLL_MS (a modest interval: one small query per
 * minute per open console); the alerts page lists them newest first, each
 * linking to its referral. Marking read is the viewer's own.
 */
export const ALERT_POLL_MS = 60_000;

const AlertBadgeQuery = graphql(`
  query AlertBadge {
    myAlerts(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

const MyAlertsQuery = graphql(`
  query MyAlerts($unreadOnly: Boolean) {
    myAlerts(first: 50, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      nodes {
        id
        kind
        referralId
        urgency
        limitHours
        dueAt
        createdAt
        read
      }
    }
  }
`);

const MarkAlertsRead = graphql(`
  mutation MarkAlertsRead($ids: [ID!]!) {
    markAlertsRead(ids: $ids) {
      id
      read
    }
  }
`);

export function useAlertBadge(enabled: boolean) {
  return useQuery({
    queryKey: ['alerts', 'badge'],
    queryFn: () => execute(AlertBadgeQuery).then((d) => d.myAlerts.unreadCount),
    enabled,
    refetchInterval: ALERT_POLL_MS,
  });
}

export function useMyAlerts(unreadOnly: boolean) {
  return useQuery({ queryKey: ['alerts', 'list', unreadOnly], queryFn: () => execute(MyAlertsQuery, { unreadOnly }).then((d) => d.myAlerts), refetchInterval: ALERT_POLL_MS });
}

export function useMarkAlertsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => execute(MarkAlertsRead, { ids }).then((d) => d.markAlertsRead),
    onSuccess: () => client.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
