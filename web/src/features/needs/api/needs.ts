import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { RecordNeedInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const NeedsQuery = graphql(`
  query HouseholdNeeds($householdId: ID!, $health: Boolean!, $finance: Boolean!) {
    needs(first: 50, filter: { householdId: $householdId }) {
      totalCount
      nodes {
        id
        category
        urgency
        status
        createdAt
        description @include(if: $health)
        bridgingLoan @include(if: $finance) {
          amountYuan
          since
          creditOfficer {
            id
            name
          }
        }
      }
    }
  }
`);

const RecordNeed = graphql(`
  mutation RecordNeed($input: RecordNeedInput!) {
    recordNeed(input: $input) {
      id
    }
  }
`);

export const needsKey = (householdId: string) => ['needs', householdId] as const;

/** `finance`: ask for a MEDICAL need's serious-illness bridging loan (大病周转; Capabilities.financeOnNeed). */
export function useHouseholdNeeds(householdId: string, health: boolean, finance = false) {
  return useQuery({ queryKey: needsKey(householdId), queryFn: () => execute(NeedsQuery, { householdId, health, finance }).then((d) => d.needs) });
}

export const recordNeed = (input: RecordNeedInput) => execute(RecordNeed, { input }).then((d) => d.recordNeed.id);
