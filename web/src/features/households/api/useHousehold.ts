import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';
import type { Capabilities } from '@/lib/permissions';

const HouseholdQuery = graphql(`
  query Household($id: ID!, $identity: Boolean!, $officialId: Boolean!, $social: Boolean!, $children: Boolean!, $disability: Boolean!) {
    node(id: $id) {
      ... on Household {
        id
        size
        synthetic
        version
        createdAt
        updatedAt
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
          phone
          idNumber @include(if: $officialId)
        }
        markers @include(if: $social)
        memberAgeBands @include(if: $children)
        vulnerabilityScore @include(if: $social)
        disabilityGrade @include(if: $disability)
      }
    }
  }
`);

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof fetchHousehold>>>;

function fetchHousehold(caps: Capabilities, id: string) {
  return execute(HouseholdQuery, {
    id,
    identity: caps.see.identity,
    officialId: caps.see.officialId,
    social: caps.see.socialAssistance,
    children: caps.see.children,
    disability: caps.see.disability,
  }).then((d) => (d.node && 'size' in d.node ? d.node : null));
}

export function useHousehold(caps: Capabilities, id: string) {
  return useQuery({ queryKey: ['households', 'detail', id], queryFn: () => fetchHousehold(caps, id) });
}
