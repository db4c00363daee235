import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

const NeedWaitlistQuery = graphql(`
  query NeedWaitlist($needId: ID!) {
    need: node(id: $needId) {
      ... on Need {
        id
        waitlistEntries {
          status
          position
          joinedAt
          offerExpiresAt
          service {
            id
          }
        }
      }
    }
  }
`);

/** The waiting lists a need is on (null when the viewer may not see that: not staff). */
export const needWaitlistKey = (needId: string) => ['waitlist', needId] as const;

export function useNeedWaitlist(needId: string) {
  return useQuery({
    queryKey: needWaitlistKey(needId),
    queryFn: () => execute(NeedWaitlistQuery, { needId }),
    select: (data) => (data.need && 'waitlistEntries' in data.need ? data.need.waitlistEntries : null),
  });
}
