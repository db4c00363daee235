import { createHash } from 'node:crypto';
import { idFromKey } from '../domain/ids';
import type { RelationshipType } from '../domain/model';

/**
 * A relationship is unique per (fromId, toId, type), so its seed id is derived
 * from exactly that: reseeding finds the same row instead of adding another.
 * `origin` keeps curated ('seed') and synthetic ('syn') ties apart at a glance.
 */
export function relationshipIdFor(origin: 'seed' | 'syn', fromId: string, toId: string, type: RelationshipType): string {
  const digest = createHash('sha1').update(`${fromId}|${toId}|${type}`).digest('hex').slice(0, 20);
  return idFromKey('Relationship', `${origin}-${digest}`);
}
