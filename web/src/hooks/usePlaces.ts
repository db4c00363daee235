import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

const PlacesQuery = graphql(`
  query Places($after: String) {
    townships(first: 100) {
      nodes {
        id
        name
      }
    }
    villages(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        displayName
        township {
          id
        }
      }
    }
  }
`);

export interface Places {
  townships: { id: string; name: string }[];
  villages: { id: string; displayName: string; townshipId: string }[];
}

/** Townships and villages of the county (public directory), all pages, cached for the session. */
export function usePlaces() {
  return useQuery({
    queryKey: ['places'],
    staleTime: 60 * 60 * 1000,
    queryFn: async (): Promise<Places> => {
      const first = await execute(PlacesQuery, { after: null });
      const villages = [...first.villages.nodes];
      let page = first.villages.pageInfo;
      while (page.hasNextPage && page.endCursor) {
        const more = await execute(PlacesQuery, { after: page.endCursor });
        villages.push(...more.villages.nodes);
        page = more.villages.pageInfo;
      }
      return {
        townships: first.townships.nodes,
        villages: villages.map((v) => ({ id: v.id, displayName: v.displayName, townshipId: v.township.id })),
      };
    },
  });
}
