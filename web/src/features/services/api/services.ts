import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
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
        organization {
          id
          name
        }
      }
    }
  }
`);

const UpdateServiceCapacity = graphql(`
  mutation UpdateServiceCapacity($serviceId: ID!, $capacity: Int) {
    updateServiceCapacity(serviceId: $serviceId, capacity: $capacity) {
      id
      capacity
      capacityLeft
    }
  }
`);

export function useOwnServices(organizationId: string | null) {
  return useQuery({ queryKey: ['services', organizationId], queryFn: () => execute(OwnServicesQuery, { organizationId }).then((d) => d.services.nodes) });
}

export const updateServiceCapacity = (serviceId: string, capacity: number | null) => execute(UpdateServiceCapacity, { serviceId, capacity }).then((d) => d.updateServiceCapacity);
