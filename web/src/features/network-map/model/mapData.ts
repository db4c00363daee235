/**
 * The network as the map reads it from the API, before it becomes a
 * graphology graph: plain records, no sigma, no React (unit-tested under
 * jest in node). api/networkMap.ts fills these from GraphQL pages.
 */
export type RelationshipStatus = 'ESTABLISHED' | 'BUILDING' | 'PROSPECTIVE';
export const STATUSES: readonly RelationshipStatus[] = ['ESTABLISHED', 'BUILDING', 'PROSPECTIVE'];

export type MapNodeKind = 'township' | 'village' | 'person' | 'organization' | 'service';
export const NODE_KINDS: readonly MapNodeKind[] = ['township', 'village', 'person', 'organization', 'service'];

export type Precision = 'exact' | 'village' | 'township';

export interface GeoPoint {
  lat: number;
  lng: number;
  precision: Precision;
}

export interface MapNodeRecord {
  id: string;
  kind: MapNodeKind;
  label: string;
  /** A person's first role, an organisation's kind, a village's type, a service's status. */
  subKind: string | null;
  townshipId: string | null;
  /** Its own point, when it has one (villages: derived from their township unless precision says otherwise). */
  location: GeoPoint | null;
  /** Its standing in the network (people and organisations; null for places and the hub). */
  status: RelationshipStatus | null;
  /** A service's support categories. */
  categories: string[];
  /** Where a node without a point of its own is drawn: its villages, organisation or township (first with a point wins). */
  anchorIds: string[];
}

/** RELATIONSHIP: a stored Relationship; the others are structure the records carry. */
export type MapEdgeKind = 'RELATIONSHIP' | 'ASSIGNED_TO' | 'OFFERS' | 'PART_OF';

export interface MapEdgeRecord {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
  /** A relationship's type (PARTNER, KNOWS, …); the edge kind otherwise. */
  type: string;
  /** null for PART_OF (a village in its township: geography, not a tie). */
  status: RelationshipStatus | null;
  since: string | null;
  until: string | null;
}

export interface MapData {
  nodes: MapNodeRecord[];
  edges: MapEdgeRecord[];
}
