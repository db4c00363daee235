import type { EntityKind } from '../../domain/ids';
import type { EntityMap, ServiceArea } from '../../domain/model';

/**
 * A service's area as plain properties beside `areaJson` (which stays the
 * record's source of truth), so an analyst's Cypher can ask which services
 * cover a village without parsing JSON (cypher/README.md):
 * `areaKind` (COUNTY | TOWNSHIPS | VILLAGES | RADIUS), `areaTownshipIds`,
 * `areaVillageIds`, `areaKm` (null where the kind has none). Written with every
 * Service write, derived from `area` only; fromProps never reads them. A
 * database written before them gets them at start-up (schemaUpgrade.ts).
 */
export function serviceAreaProps(kind: EntityKind, entity: unknown): Record<string, unknown> {
  if (kind !== 'Service') return {};
  return areaProps((entity as EntityMap['Service']).area);
}

export function areaProps(area: ServiceArea): Record<string, unknown> {
  return {
    areaKind: area.kind,
    areaTownshipIds: area.kind === 'TOWNSHIPS' ? area.townshipIds : null,
    areaVillageIds: area.kind === 'VILLAGES' ? area.villageIds : null,
    areaKm: area.kind === 'RADIUS' ? area.km : null,
  };
}
