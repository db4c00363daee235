import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

const OrganizationsQuery = graphql(`
  query Organizations($after: String) {
    organizations(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
      }
    }
  }
`);

/** Every organisation of the public directory (a few hundred), for pickers. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations', 'all'],
    staleTime: 10 * 60 * 1000,
    queryFn: async () => {
      const all: { id: string; name: string; kind: string }[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i += 1) {
        const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(after);
        all.push(...page.nodes);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      return all;
    },
  });
}

function fetchPage(after: string | null) {
  return execute(OrganizationsQuery, { after }).then((d) => d.organizations);
}
