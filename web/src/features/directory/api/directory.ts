import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { DirectoryOrganizationsQuery, DirectoryRelationshipsQuery } from '@/gql/graphql';
import { execute } from '@/lib/execute';

/**
 * The partner-NGO directory's reads (issue 12 item 5): organisations, their
 * services (areas, status, public contact, hours) and who links to whom.
 * Nothing here names a household, a need or a referral, and nothing asks for
 * a count of them.
 */
const DirectoryOrganizations = graphql(`
  query DirectoryOrganizations($after: String) {
    organizations(first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        nameEn
        kind
        description
        networkStatus
        township {
          id
          name
        }
        services(first: 10) {
          nodes {
            id
            name
            status
            categories
            online
            hours
            contact
            stale
            confirmedOn
            area {
              kind
              km
              townships {
                id
                name
              }
              villages {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

/** What the directory shows of either end of a relationship (ids and names only: never a household). */
graphql(`
  fragment DirectoryRelationshipEnd on StakeholderNode {
    __typename
    ... on Organization {
      id
      name
    }
    ... on Township {
      id
      name
    }
    ... on Village {
      id
      displayName
    }
    ... on Service {
      id
      name
    }
    ... on Person {
      id
    }
  }
`);

const DirectoryRelationships = graphql(`
  query DirectoryRelationships($after: String) {
    relationships(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        type
        status
        from {
          ...DirectoryRelationshipEnd
        }
        to {
          ...DirectoryRelationshipEnd
        }
      }
    }
  }
`);

const DirectorySearch = graphql(`
  query DirectorySearch($query: String!) {
    searchDirectory(query: $query, kinds: [ORGANIZATION, SERVICE, TOWNSHIP, VILLAGE], first: 30) {
      kind
      id
      name
      node {
        ... on Service {
          organization {
            id
          }
        }
        ... on Organization {
          id
        }
        ... on Village {
          township {
            id
          }
        }
      }
    }
  }
`);

export type DirectoryOrganization = DirectoryOrganizationsQuery['organizations']['nodes'][number];

async function readOrganizations(): Promise<DirectoryOrganization[]> {
  const out: DirectoryOrganization[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i += 1) {
    const page: DirectoryOrganizationsQuery['organizations'] = (await execute(DirectoryOrganizations, { after })).organizations;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

export type DirectoryRelationship = DirectoryRelationshipsQuery['relationships']['nodes'][number];

async function readRelationships(): Promise<DirectoryRelationship[]> {
  const out: DirectoryRelationship[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const page: DirectoryRelationshipsQuery['relationships'] = (await execute(DirectoryRelationships, { after })).relationships;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

export function useDirectoryRelationships() {
  return useQuery({ queryKey: ['directory', 'relationships'], queryFn: readRelationships, staleTime: 60_000 });
}

export function useDirectoryOrganizations() {
  return useQuery({ queryKey: ['directory', 'organizations'], queryFn: readOrganizations, staleTime: 60_000 });
}

export function useDirectorySearch(query: string) {
  const q = query.trim();
  return useQuery({ queryKey: ['directory', 'search', q], queryFn: () => execute(DirectorySearch, { query: q }).then((d) => d.searchDirectory), enabled: q.length > 0 });
}
