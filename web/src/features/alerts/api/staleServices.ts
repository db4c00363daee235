import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

/** Freshness (issue 14 item 4): the stale services the viewer keeps, and "still right" in one click. */
const StaleServicesQuery = graphql(`
  query StaleServices {
    staleServices(first: 100) {
      totalCount
      nodes {
        id
        name
        status
        confirmedOn
        confirmedBy
        staleSince
        organization {
          id
          name
        }
      }
    }
  }
`);

const ConfirmService = graphql(`
  mutation ConfirmService($id: ID!) {
    confirmService(id: $id) {
      id
      stale
      confirmedOn
    }
  }
`);

export function useStaleServices() {
  return useQuery({ queryKey: ['services', 'stale'], queryFn: () => execute(StaleServicesQuery).then((d) => d.staleServices) });
}

export function useConfirmService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => execute(ConfirmService, { id }).then((d) => d.confirmService),
    // The services page's own list shows confirmedOn too.
    onSuccess: () => client.invalidateQueries({ queryKey: ['services'] }),
  });
}
