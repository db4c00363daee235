import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { UpdateServiceInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const OwnServicesQuery = graphql(`
  query OwnServices($organizationId: ID) {
    services(first: 100, filter: { organizationId: $organizationId }) {
      nodes {
        id
        name
        status
        categories
        capacity
        activeReferrals
        capacityLeft
        hours
        contact
        confirmedOn
        organization {
          id
          name
          township {
            id
          }
        }
      }
    }
  }
`);

const UpdateService = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      id
    }
  }
`);

export function useOwnServices(organizationId: string | null) {
  return useQuery({ queryKey: ['services', organizationId], queryFn: () => execute(OwnServicesQuery, { organizationId }).then((d) => d.services.nodes) });
}

export const updateService = (id: string, input: UpdateServiceInput) => execute(UpdateService, { id, input }).then((d) => d.updateService.id);
