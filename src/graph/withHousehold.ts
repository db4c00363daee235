import type { Household } from '../domain/model';
import { stakeholderEdge } from './stakeholderEdge';
import type { StakeholderGraph } from './StakeholderGraph';
import type { HouseholdOverlay, OverlayEdge } from './TrustNetwork';

/** The household facts the overlay needs; nothing personal (no head, markers or members). */
export type OverlayHousehold = Pick<Household, 'id' | 'villageId' | 'loan' | 'synthetic'>;

/**
 * The projection plus one household, for a household-specific trust path:
 * household — LIVES_IN — its village, and household — LOAN — its credit officer
 * when it holds a loan (the officer knows the family), both ESTABLISHED.
 * Households are not in the projection (thousands of them would swamp the
 * metrics), so matching adds the one it is working for. An overlay, not a
 * copy: O(1) to create, and the shared base graph is never mutated.
 */
export function withHousehold(graph: StakeholderGraph, household: OverlayHousehold): HouseholdOverlay {
  if (graph.hasNode(household.id)) {
    throw new Error(`graph/withHousehold: "${household.id}" is already a node of the graph; overlay a household only once`);
  }
  const village = graph.hasNode(household.villageId) ? graph.getNodeAttributes(household.villageId) : undefined;
  if (village?.kind !== 'village') {
    throw new Error(
      `graph/withHousehold: household ${household.id} lives in ${household.villageId}, which is not a village of the graph; include the village in the snapshot`,
    );
  }
  const edges: OverlayEdge[] = [
    {
      key: `${household.id}|LIVES_IN|${household.villageId}`,
      neighbourId: household.villageId,
      attributes: stakeholderEdge('LIVES_IN', 'ESTABLISHED', 'household'),
    },
  ];
  if (household.loan !== null) {
    const officerId = household.loan.creditOfficerId;
    const officer = graph.hasNode(officerId) ? graph.getNodeAttributes(officerId) : undefined;
    if (officer?.kind !== 'person') {
      throw new Error(
        `graph/withHousehold: the credit officer ${officerId} of household ${household.id} is not a person of the graph; include the officer in the snapshot`,
      );
    }
    edges.push({
      key: `${household.id}|LOAN|${officerId}`,
      neighbourId: officerId,
      attributes: stakeholderEdge('LOAN', 'ESTABLISHED', 'household', { since: household.loan.since }),
    });
  }
  return {
    base: graph,
    householdId: household.id,
    household: {
      kind: 'household',
      label: household.id,
      townshipId: village.townshipId,
      synthetic: household.synthetic,
      villageId: household.villageId,
    },
    edges,
  };
}
