import type { MapNodeRecord, Precision } from './mapData';

/**
 * Geographic positions without a map (offline, no tiles): an equirectangular
 * projection around the county's centre, x = (lng − lng0)·cos(lat0),
 * y = lat − lat0 (sigma's graph y points up), scaled to graph units.
 *
 * Points that coincide — villages whose point is their township's, people at
 * their village, services at their organisation — are spread on a small ring
 * around it, so each stays visible; their precision says the point is not
 * surveyed: 'township' / 'village' as the API gives it, 'derived' when the node
 * has no point of its own and is drawn at what it is anchored to.
 */
export type PositionPrecision = Precision | 'derived';

export interface Position {
  x: number;
  y: number;
  precision: PositionPrecision;
}

const SCALE = 1000;
/** Ring radius (graph units) around a shared point: ~ 600 m. */
const RING = 6;
const PER_RING = 12;

export function geoPositions(nodes: readonly MapNodeRecord[]): Map<string, Position> {
  const located = nodes.filter((n) => n.location !== null);
  const lat0 = mean(located.map((n) => n.location!.lat)) ?? 30.58;
  const lng0 = mean(located.map((n) => n.location!.lng)) ?? 103.52;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  const project = (lat: number, lng: number) => ({ x: (lng - lng0) * cos0 * SCALE, y: (lat - lat0) * SCALE });

  const positions = new Map<string, Position>();
  const crowd = new Map<string, number>();
  const spread = (cx: number, cy: number, key: string, ring: number): { x: number; y: number } => {
    const i = crowd.get(key) ?? 0;
    crowd.set(key, i + 1);
    if (i === 0 && ring === 0) return { x: cx, y: cy };
    const k = ring === 0 ? i - 1 : i;
    const level = Math.floor(k / PER_RING);
    const angle = (2 * Math.PI * (k % PER_RING)) / PER_RING + level * 0.4;
    const r = (ring === 0 ? RING : RING * 0.5) * (1 + level * 0.7);
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  };

  // Own points first (townships, villages, located organisations and services).
  for (const node of located) {
    const p = project(node.location!.lat, node.location!.lng);
    // Townships keep their point exactly; what shares it moves onto the ring.
    const key = `${p.x.toFixed(3)},${p.y.toFixed(3)}`;
    const at = node.kind === 'township' ? (crowd.set(key, Math.max(1, crowd.get(key) ?? 0)), p) : spread(p.x, p.y, key, 0);
    positions.set(node.id, { ...at, precision: node.location!.precision });
  }
  // Then what hangs off them, a few passes so a service can follow its (anchored) organisation.
  let pending = nodes.filter((n) => !positions.has(n.id));
  for (let pass = 0; pass < 3 && pending.length > 0; pass += 1) {
    const next: MapNodeRecord[] = [];
    for (const node of pending) {
      const anchor = node.anchorIds.map((id) => positions.get(id)).find((p) => p !== undefined);
      const anchorId = node.anchorIds.find((id) => positions.has(id));
      if (!anchor || !anchorId) {
        next.push(node);
        continue;
      }
      positions.set(node.id, { ...spread(anchor.x, anchor.y, `anchor:${anchorId}`, 1), precision: 'derived' });
    }
    pending = next;
  }
  for (const node of pending) positions.set(node.id, { ...spread(0, 0, 'nowhere', 1), precision: 'derived' });
  return positions;
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}
