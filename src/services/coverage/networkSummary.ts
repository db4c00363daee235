import { articulationPoints, connectedComponents, degreeCentrality, density, isolatedStakeholders, type StakeholderGraph } from '../../graph';

/** The headline figures of a network, for comparing two scenarios. */
export interface NetworkSummary {
  nodes: number;
  /** Distinct linked pairs (ESTABLISHED and BUILDING links a referral could travel). */
  links: number;
  density: number;
  components: number;
  largestComponent: number;
  isolated: number;
  /** Articulation points of the ESTABLISHED links: single points of failure. */
  articulationPoints: number;
}

/**
 * Headline figures: links, density, components and isolated stakeholders
 * over ESTABLISHED and BUILDING links (the network as it stands and is
 * being built, graph NETWORK_SCOPE); articulation points over ESTABLISHED
 * links only (what a referral can rely on today).
 */
export function networkSummary(graph: StakeholderGraph): NetworkSummary {
  const degrees = degreeCentrality(graph);
  let degreeSum = 0;
  for (const d of degrees.values()) degreeSum += d.degree;
  const components = connectedComponents(graph);
  return {
    nodes: graph.order,
    links: degreeSum / 2,
    density: density(graph),
    components: components.length,
    largestComponent: components[0]?.length ?? 0,
    isolated: isolatedStakeholders(graph).length,
    articulationPoints: articulationPoints(graph).length,
  };
}
