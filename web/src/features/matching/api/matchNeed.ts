import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreateReferralInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

export const TrustEndFragment = graphql(`
  fragment TrustEnd on TrustNode {
    __typename
    ... on Person {
      name
    }
    ... on Organization {
      name
    }
    ... on Service {
      name
    }
    ... on Village {
      displayName
    }
    ... on Township {
      name
    }
  }
`);

const MatchNeedQuery = graphql(`
  query MatchNeed($needId: ID!) {
    need: node(id: $needId) {
      ... on Need {
        id
        category
        urgency
        status
        household {
          id
          village {
            id
            displayName
            township {
              id
              name
            }
          }
        }
      }
    }
    matchNeed(needId: $needId, limit: 5) {
      __typename
      ... on Matched {
        consentRequired
        considered {
          total
          suitable
        }
        matches {
          score
          distanceKm
          online
          capacityLeft
          stale
          confirmedOn
          area {
            how
            detail
          }
          locationPrecision {
            village
            service
          }
          scoreParts {
            distance {
              km
              value
              weight
              note
            }
            trust {
              hops
              value
              weight
              weakestStatus
            }
            trackRecord {
              sent
              accepted
              resolved
              value
              weight
            }
            capacity {
              capacity
              left
              value
              weight
            }
          }
          service {
            id
            name
            organization {
              id
              name
            }
            area {
              kind
              km
            }
          }
          trustPath {
            hops
            weakestStatus
            steps {
              fromId
              toId
              type
              status
              since
              from {
                ...TrustEnd
              }
              to {
                ...TrustEnd
              }
            }
          }
        }
      }
      ... on NoSuitableResource {
        consentRequired
        considered {
          total
          suitable
        }
        reasons {
          reason
          detail
          unlock
          services {
            id
            name
            status
          }
        }
      }
    }
  }
`);

const CreateReferral = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      created
      referral {
        id
        status
      }
    }
  }
`);

export function useMatchNeed(needId: string) {
  return useQuery({ queryKey: ['match', needId], queryFn: () => execute(MatchNeedQuery, { needId }) });
}

export const createReferral = (input: CreateReferralInput) => execute(CreateReferral, { input }).then((d) => d.createReferral);
