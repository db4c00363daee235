import type { NetworkSnapshot, StakeholderGraph, StakeholderNodeKind } from '../../graph';
import { familyCount, type FamilyFigure } from './FamilyFigure';
import type { VillageCoverage } from './villageCoverage';

/** A node of the stakeholder projection as reports show it (it may be a what-if record the store does not hold). */
export interface StakeholderRef {
  id: string;
  kind: StakeholderNodeKind;
  label: string;
  townshipId: string | null;
  townshipName: string | null;
}

/** A village in a list of villages, with its household figures. */
export interface VillageRef {
  villageId: string;
  villageName: string;
  townshipId: string;
  townshipName: string;
  households: FamilyFigure;
  vulnerableHouseholds: FamilyFigure;
}

export function stakeholderRef(graph: StakeholderGraph, snapshot: Pick<NetworkSnapshot, 'townships'>, nodeId: string): StakeholderRef {
  const attributes = graph.getNodeAttributes(nodeId);
  const township = attributes.townshipId === null ? undefined : snapshot.townships.find((t) => t.id === attributes.townshipId);
  return {
    id: nodeId,
    kind: attributes.kind,
    label: attributes.label,
    townshipId: attributes.townshipId,
    townshipName: township?.name ?? null,
  };
}

export function villageRef(v: VillageCoverage): VillageRef {
  return {
    villageId: v.village.id,
    villageName: v.village.displayName,
    townshipId: v.township.id,
    townshipName: v.township.name,
    households: familyCount(v.households),
    vulnerableHouseholds: familyCount(v.vulnerable),
  };
}
