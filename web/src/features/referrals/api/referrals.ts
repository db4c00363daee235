import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { ReferralFilter, UpdateReferralStatusInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

export const ReferralCardFragment = graphql(`
  fragment ReferralCard on Referral {
    id
    status
    reason
    createdAt
    updatedAt
    service {
      id
      name
    }
    organization {
      id
      name
    }
    need {
      id
      category
      urgency
    }
    household {
      id
      village {
        displayName
      }
      head @include(if: $identity) {
        name
      }
    }
  }
`);

const ReferralBoardQuery = graphql(`
  query ReferralBoard($identity: Boolean!) {
    SENT: referrals(first: 50, filter: { status: SENT }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    ACCEPTED: referrals(first: 50, filter: { status: ACCEPTED }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    IN_PROGRESS: referrals(first: 50, filter: { status: IN_PROGRESS }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    RESOLVED: referrals(first: 50, filter: { status: RESOLVED }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    DECLINED: referrals(first: 50, filter: { status: DECLINED }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    CANCELLED: referrals(first: 20, filter: { status: CANCELLED }) {
      totalCount
      nodes {
        ...ReferralCard
      }
    }
    overdueReferrals(first: 100) {
      nodes {
        overdueHours
        limitHours
        referral {
          id
        }
      }
    }
  }
`);

const InboxQuery = graphql(`
  query ReferralInbox($filter: ReferralFilter, $after: String, $identity: Boolean!) {
    referrals(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ReferralCard
      }
    }
    overdueReferrals(first: 100) {
      nodes {
        overdueHours
        referral {
          id
        }
      }
    }
  }
`);

const ReferralQuery = graphql(`
  query Referral($id: ID!, $identity: Boolean!, $health: Boolean!, $caseNotes: Boolean!) {
    node(id: $id) {
      ... on Referral {
        id
        status
        reason
        consentOverrideReason @include(if: $caseNotes)
        createdAt
        updatedAt
        service {
          id
          name
        }
        organization {
          id
          name
        }
        need {
          id
          category
          urgency
          status
          description @include(if: $health)
        }
        household {
          id
          size
          village {
            displayName
            township {
              name
            }
          }
          head @include(if: $identity) {
            name
            phone
          }
        }
        transitions {
          status
          at
          actorId
          reason
          note @include(if: $caseNotes)
        }
      }
    }
  }
`);

const UpdateReferralStatus = graphql(`
  mutation UpdateReferralStatus($input: UpdateReferralStatusInput!) {
    updateReferralStatus(input: $input) {
      id
      status
    }
  }
`);

export function useReferralBoard(identity: boolean) {
  return useQuery({ queryKey: ['referrals', 'board'], queryFn: () => execute(ReferralBoardQuery, { identity }) });
}

export function useReferralInbox(filter: ReferralFilter, after: string | null, identity: boolean) {
  return useQuery({ queryKey: ['referrals', 'inbox', filter, after], queryFn: () => execute(InboxQuery, { filter, after, identity }) });
}

export function useReferral(id: string, identity: boolean, health: boolean, caseNotes: boolean) {
  return useQuery({
    queryKey: ['referrals', 'detail', id],
    queryFn: () => execute(ReferralQuery, { id, identity, health, caseNotes }).then((d) => (d.node && 'transitions' in d.node ? d.node : null)),
  });
}

export const updateReferralStatus = (input: UpdateReferralStatusInput) => execute(UpdateReferralStatus, { input }).then((d) => d.updateReferralStatus);
