/** Coverage against the network's targets, network metrics and what-if scenarios (issue 5). See README.md. */
export { coverage, coverageOfView } from './coverage';
export { networkMetrics } from './networkMetrics';
export { whatIf } from './whatIf';
export { mostVulnerableHouseholds, type HouseholdScope } from './mostVulnerableHouseholds';
export { suppressSmallCells, SMALL_CELL_THRESHOLD, type Presented, type SmallCellPolicy } from './suppressSmallCells';
export { FamilyFigure, familyCount } from './FamilyFigure';
export type { CoverageReport } from './coverageReport';
export type { NetworkMetrics } from './networkMetricsOf';
export type { WhatIfResult } from './compareScenarios';
