import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';
import type { GeoPoint, MapData, MapEdgeRecord, MapNodeRecord, RelationshipStatus } from '../model/mapData';

/**
 * The map's reads: the whole stakeholder network, page by page (the API caps
 * a page at 100), turned into MapData; and the overlays (networkMetrics,
 * coverage). No household field is asked for: households reach the map only
 * as the API's (suppressed) counts.
 */
const MapPlaces = graphql(`
  query MapPlaces($after: String) {
    townships(first: 100) {
      nodes {
        id
        name
        location {
          lat
          lng
          precision
        }
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
        type
        township {
          id
        }
        location {
          lat
          lng
          precision
        }
      }
    }
  }
`);

const MapStakeholders = graphql(`
  query MapStakeholders($after: String) {
    stakeholders(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        status
        node {
          __typename
          ... on Organization {
            id
            name
            kind
            township {
              id
            }
            village {
              id
            }
            location {
              lat
              lng
              precision
            }
            orgStatus: networkStatus
          }
          ... on Person {
            id
            name
            roles
            villages {
              id
            }
            townships {
              id
            }
            organization {
              id
            }
            personStatus: networkStatus
          }
        }
      }
    }
  }
`);

/** Organisations the stakeholder list leaves out (the network hub itself has no status towards the hub). */
const MapOrganizations = graphql(`
  query MapOrganizations($after: String) {
    organizations(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        township {
          id
        }
        village {
          id
        }
        location {
          lat
          lng
          precision
        }
        networkStatus
      }
    }
  }
`);

const MapServices = graphql(`
  query MapServices($after: String) {
    services(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        categories
        organization {
          id
          township {
            id
          }
        }
        location {
          lat
          lng
          precision
        }
      }
    }
  }
`);

const MapRelationships = graphql(`
  query MapRelationships($after: String) {
    relationships(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        type
        status
        since
        until
        from {
          ... on Node {
            id
          }
        }
        to {
          ... on Node {
            id
          }
        }
      }
    }
  }
`);

const MapMetrics = graphql(`
  query MapMetrics {
    networkMetrics(top: 40) {
      networkVersion
      nodes
      links
      betweenness {
        exact
        sampleSize
        maxStandardError
        top {
          node {
            id
          }
          value
        }
      }
      brokers {
        node {
          id
          label
          kind
        }
        betweenness
        piecesIfRemoved
        bridgedTownships {
          id
          name
        }
      }
      singlePointsOfFailure {
        articulationPoints
        analysed
        points(first: 12) {
          node {
            id
            kind
            label
          }
          pieces
          cutOffCount
          villagesLosingAccess
          lostAccess {
            category
            villages {
              villageId
            }
          }
        }
      }
    }
  }
`);

const MapCoverage = graphql(`
  query MapCoverage($category: String) {
    coverage(category: $category) {
      villages(first: 200) {
        villageId
        villageName
        townshipName
        covered
        categoriesReached
        categoriesMissing
      }
      gapCount
      gaps(first: 15) {
        villageId
        villageName
        townshipName
        category
        kind
        cause
      }
    }
    categories {
      code
      nameZh
      nameEn
    }
  }
`);

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

/** Every page of a connection (stops at 50 pages: 5,000 records, ten times the seeded network). */
export async function allPages<T>(read: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const page: Page<T> = await read(after);
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

const point = (p: { lat: number; lng: number; precision: string } | null | undefined): GeoPoint | null =>
  p ? { lat: p.lat, lng: p.lng, precision: p.precision as GeoPoint['precision'] } : null;

export async function readNetwork(): Promise<MapData> {
  let townships: { id: string; name: string; location: { lat: number; lng: number; precision: string } }[] = [];
  const villages = await allPages((after) =>
    execute(MapPlaces, { after }).then((d) => {
      townships = d.townships.nodes;
      return d.villages;
    }),
  );
  const [stakeholders, organizations, services, relationships] = await Promise.all([
    allPages((after) => execute(MapStakeholders, { after }).then((d) => d.stakeholders)),
    allPages((after) => execute(MapOrganizations, { after }).then((d) => d.organizations)),
    allPages((after) => execute(MapServices, { after }).then((d) => d.services)),
    allPages((after) => execute(MapRelationships, { after }).then((d) => d.relationships)),
  ]);
  const nodes: MapNodeRecord[] = [];
  const edges: MapEdgeRecord[] = [];
  const base = { subKind: null, townshipId: null, location: null, status: null, categories: [], anchorIds: [] };
  for (const t of townships) nodes.push({ ...base, id: t.id, kind: 'township', label: t.name, location: point(t.location) });
  for (const v of villages) {
    nodes.push({ ...base, id: v.id, kind: 'village', label: v.displayName, subKind: v.type, townshipId: v.township.id, location: point(v.location), anchorIds: [v.township.id] });
    edges.push({ id: `part:${v.id}`, kind: 'PART_OF', source: v.id, target: v.township.id, type: 'PART_OF', status: null, since: null, until: null });
  }
  for (const s of stakeholders) {
    const n = s.node;
    if (n.__typename === 'Organization') {
      nodes.push({
        ...base,
        id: n.id,
        kind: 'organization',
        label: n.name,
        subKind: n.kind,
        townshipId: n.township?.id ?? null,
        location: point(n.location),
        status: (n.orgStatus ?? null),
        anchorIds: [n.village?.id, n.township?.id].filter((x): x is string => typeof x === 'string'),
      });
    } else if (n.__typename === 'Person') {
      const status = n.personStatus;
      nodes.push({
        ...base,
        id: n.id,
        kind: 'person',
        label: n.name,
        subKind: n.roles[0] ?? null,
        townshipId: n.townships[0]?.id ?? null,
        status,
        anchorIds: [...n.villages.map((v) => v.id), ...(n.organization ? [n.organization.id] : []), ...n.townships.map((t) => t.id)],
      });
      for (const v of n.villages) edges.push({ id: `asg:${n.id}:${v.id}`, kind: 'ASSIGNED_TO', source: n.id, target: v.id, type: 'ASSIGNED_TO', status, since: null, until: null });
      if (n.organization) edges.push({ id: `mem:${n.id}`, kind: 'ASSIGNED_TO', source: n.id, target: n.organization.id, type: 'MEMBER_OF', status, since: null, until: null });
    }
  }
  const seen = new Set(nodes.map((n) => n.id));
  for (const o of organizations) {
    if (seen.has(o.id)) continue;
    nodes.push({
      ...base,
      id: o.id,
      kind: 'organization',
      label: o.name,
      subKind: o.kind,
      townshipId: o.township?.id ?? null,
      location: point(o.location),
      status: (o.networkStatus ?? null),
      anchorIds: [o.village?.id, o.township?.id].filter((x): x is string => typeof x === 'string'),
    });
  }
  for (const s of services) {
    const status: RelationshipStatus = s.status === 'ACTIVE' ? 'ESTABLISHED' : s.status === 'PLANNED' ? 'PROSPECTIVE' : 'BUILDING';
    nodes.push({
      ...base,
      id: s.id,
      kind: 'service',
      label: s.name,
      subKind: s.status,
      townshipId: s.organization.township?.id ?? null,
      location: point(s.location),
      categories: s.categories,
      anchorIds: [s.organization.id],
    });
    edges.push({ id: `off:${s.id}`, kind: 'OFFERS', source: s.organization.id, target: s.id, type: 'OFFERS', status, since: null, until: null });
  }
  for (const r of relationships) {
    const from = 'id' in r.from ? r.from.id : null;
    const to = 'id' in r.to ? r.to.id : null;
    if (!from || !to) continue;
    edges.push({ id: r.id, kind: 'RELATIONSHIP', source: from, target: to, type: r.type, status: r.status, since: r.since ?? null, until: r.until ?? null });
  }
  return { nodes, edges };
}

export function useNetwork() {
  return useQuery({ queryKey: ['network-map', 'network'], queryFn: readNetwork, staleTime: 60_000 });
}

export function useNetworkMetrics() {
  return useQuery({ queryKey: ['network-map', 'metrics'], queryFn: () => execute(MapMetrics).then((d) => d.networkMetrics), staleTime: 60_000 });
}

export function useMapCoverage(category: string | null) {
  return useQuery({ queryKey: ['network-map', 'coverage', category], queryFn: () => execute(MapCoverage, { category }).then((d) => d), staleTime: 60_000 });
}

export type NetworkMetricsData = NonNullable<ReturnType<typeof useNetworkMetrics>['data']>;
export type MapCoverageData = NonNullable<ReturnType<typeof useMapCoverage>['data']>;
