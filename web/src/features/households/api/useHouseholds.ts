import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { HouseholdFilter } from '@/gql/graphql';
import { execute } from '@/lib/execute';
import type { Capabilities } from '@/lib/permissions';
import { householdFieldFlags } from './householdFields';

export const HouseholdRowFragment = graphql(`
  fragment HouseholdRow on Household {
    id
    size
    synthetic
    village {
      id
      displayName
      township {
        id
        name
      }
    }
    householdCode @include(if: $officialId)
    head @include(if: $identity) {
      name
    }
    markers @include(if: $social)
    memberAgeBands @include(if: $children)
    vulnerabilityScore @include(if: $social)
  }
`);

const HouseholdsQuery = graphql(`
  query Households($first: Int!, $after: String, $filter: HouseholdFilter, $identity: Boolean!, $officialId: Boolean!, $social: Boolean!, $children: Boolean!) {
    households(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...HouseholdRow
      }
    }
  }
`);

export const PAGE_SIZE = 20;

export function useHouseholds(caps: Capabilities, filter: HouseholdFilter, after: string | null) {
  return useQuery({
    queryKey: ['households', 'list', filter, after],
    placeholderData: keepPreviousData,
    queryFn: () => execute(HouseholdsQuery, { first: PAGE_SIZE, after, filter, ...householdFieldFlags(caps) }).then((d) => d.households),
  });
}
