/**
 * What every argument of every list and query tests (issue 10, item 1): a
 * filter, sort or count on a field is a read of that field, so it is allowed
 * only where the viewer may read the field for the request's purpose
 * (sensitiveRules.ts); otherwise the request is refused FORBIDDEN, naming the
 * argument, before any store call (guardSchema.ts).
 *
 * Keys, for every argument reachable from Query (Mutation inputs are writes,
 * not filters; `first` and `after` only page):
 * - `Type.field(arg)` for an argument of a leaf type (scalar or enum);
 * - `Input.field` for each leaf field of an input object an argument takes
 *   (shared by every list that uses the input type).
 * The table must name exactly these (start-up fails otherwise), so a new
 * filter argument cannot ship without a decision here; and an argument said
 * to read nothing sensitive fails start-up when its name or enum type matches
 * a @sensitive field of what the list returns (guardSchema.checkFilterRules).
 *
 * `RESULT_READS` names root fields whose result itself is chosen or ordered by
 * sensitive fields whatever the arguments (a ranking by vulnerability, a
 * match on eligibility markers): they are refused the same way.
 */
export type FilterRule =
  /** Tests these @sensitive fields, given as `Type.field` or a path through value objects (`Household.head.phone`). */
  | { readonly reads: readonly [string, ...string[]] }
  /** Tests no sensitive field (ids of places or records, statuses, codes, paging sizes). */
  | { readonly reads: readonly [] }
  /** Feeds only aggregates that suppress small cells (services/coverage/suppressSmallCells): the designed way to count on markers. */
  | { readonly suppressedAggregate: string };

const NONE: FilterRule = { reads: [] };
const reads = (first: string, ...more: string[]): FilterRule => ({ reads: [first, ...more] });
const WHAT_IF: FilterRule = { suppressedAggregate: 'a hypothetical change to the network; whatIf answers in suppressed aggregates' };

export const FILTER_RULES: Readonly<Record<string, FilterRule>> = {
  // -- households and needs
  'HouseholdFilter.villageId': NONE,
  'HouseholdFilter.townshipId': NONE,
  'HouseholdFilter.marker': reads('Household.markers'),
  'HouseholdFilter.ageBand': reads('Household.memberAgeBands'),
  'NeedFilter.householdId': NONE,
  'NeedFilter.villageId': NONE,
  'NeedFilter.townshipId': NONE,
  'NeedFilter.category': NONE,
  'NeedFilter.status': NONE,
  'NeedFilter.urgency': NONE,
  'Query.mostVulnerableHouseholds(limit)': NONE,
  // -- referrals and help given
  'ReferralFilter.needId': NONE,
  'ReferralFilter.serviceId': NONE,
  'ReferralFilter.organizationId': NONE,
  'ReferralFilter.householdId': NONE,
  'ReferralFilter.status': NONE,
  'ReferralFilter.reason': NONE,
  'AssistanceFilter.needId': NONE,
  'AssistanceFilter.referralId': NONE,
  // -- the credit company's view: a township id narrows aggregates (suppressed for roles that may not read finances)
  'Query.creditOfficers(townshipId)': NONE,
  'Query.loanPortfolio(townshipId)': NONE,
  // -- development officers and workload (issue 15 item 3): a place and a person role narrow staff lists; the need
  // counts that come back are suppressed aggregates for every role but an ADMIN
  'Query.developmentOfficers(townshipId)': NONE,
  'Query.workload(role)': NONE,
  'Query.workload(townshipId)': NONE,
  // -- household import and field exports (issue 14 items 2 and 5): a file format, a header language, places
  // and a status pick what goes in the file; the columns follow sensitiveRules (services/fieldExport.ts)
  'Query.householdImportTemplate(format)': NONE,
  'Query.householdImportTemplate(language)': NONE,
  'Query.exportHouseholds(format)': NONE,
  'Query.exportHouseholds(townshipId)': NONE,
  'Query.exportHouseholds(villageId)': NONE,
  'Query.exportReferrals(format)': NONE,
  'Query.exportReferrals(status)': NONE,
  // -- pushed alerts: unreadOnly filters on the viewer's own read marks
  'Query.myAlerts(unreadOnly)': NONE,
  // -- waiting lists (issue 14 item 3): the service's id picks the list; its order reads no field of the viewer's choosing
  'Query.waitlist(serviceId)': NONE,
  // -- access module
  'Query.consents(householdId)': NONE,
  'AuditEventFilter.actorId': NONE,
  'AuditEventFilter.entityId': NONE,
  'AuditEventFilter.action': NONE,
  // -- matching
  'Query.matchNeed(needId)': NONE,
  'Query.matchNeed(limit)': NONE,
  'Query.referralPath(from)': NONE,
  'Query.referralPath(to)': NONE,
  // Names the need whose category the family's consent is read for; tests no @sensitive field.
  'Query.referralPath(needId)': NONE,
  // -- search (auth/searchAccess.ts): the head's name is tested for every role allowed to search; the phone
  // (CONTACT) and the household code (OFFICIAL_ID) are tested only where the role may read them, never refused.
  'Query.searchHouseholds(query)': reads('Household.head.name'),
  'Query.searchDirectory(query)': NONE,
  'Query.searchDirectory(kinds)': NONE,
  // -- the directory and the network
  'Query.node(id)': NONE,
  'TownshipFilter.kind': NONE,
  'VillageFilter.townshipId': NONE,
  'VillageFilter.type': NONE,
  'OrganizationFilter.kind': NONE,
  'OrganizationFilter.townshipId': NONE,
  'ServiceFilter.category': NONE,
  'ServiceFilter.organizationId': NONE,
  'ServiceFilter.status': NONE,
  'ServiceFilter.online': NONE,
  'PersonFilter.role': NONE,
  'PersonFilter.villageId': NONE,
  'PersonFilter.townshipId': NONE,
  'PersonFilter.organizationId': NONE,
  'RelationshipFilter.nodeId': NONE,
  'RelationshipFilter.status': NONE,
  'RelationshipFilter.type': NONE,
  'StakeholderFilter.kind': NONE,
  'StakeholderFilter.status': NONE,
  // -- aggregates (households enter only as suppressed counts)
  'Query.coverage(townshipId)': NONE,
  'Query.coverage(category)': NONE,
  'Query.coverage(maxDistanceKm)': NONE,
  // The reporting period of MOST_VULNERABLE_SUPPORTED; the figure is suppressed like any other household count.
  'Query.coverage(periodFrom)': NONE,
  'Query.coverage(periodTo)': NONE,
  // Filters the report's village rows on whether a liaison is ESTABLISHED: not a household field.
  'CoverageReport.villages(covered)': NONE,
  'CoverageReport.gaps(kind)': NONE,
  'Query.networkMetrics(sampleSize)': NONE,
  'Query.networkMetrics(top)': NONE,
  'Query.networkMetrics(maxDistanceKm)': NONE,
  'Query.whatIf(maxDistanceKm)': NONE,
  // Saved plans (issue 12 item 3): a plan's id and a date; the evaluation answers in suppressed aggregates like whatIf.
  'Query.plan(id)': NONE,
  'Query.evaluatePlan(id)': NONE,
  'Query.evaluatePlan(asOf)': NONE,
  'Query.evaluatePlan(maxDistanceKm)': NONE,
  'Query.comparePlans(a)': NONE,
  'Query.comparePlans(b)': NONE,
  'Query.comparePlans(asOf)': NONE,
  'Query.comparePlans(maxDistanceKm)': NONE,
  'WhatIfChange.kind': WHAT_IF,
  'WhatIfChange.id': WHAT_IF,
  'WhatIfChange.name': WHAT_IF,
  'WhatIfChange.organizationKind': WHAT_IF,
  'WhatIfChange.townshipId': WHAT_IF,
  'WhatIfChange.villageId': WHAT_IF,
  'WhatIfChange.organizationId': WHAT_IF,
  'WhatIfChange.categories': WHAT_IF,
  'WhatIfChange.online': WHAT_IF,
  'WhatIfChange.capacity': WHAT_IF,
  'WhatIfChange.serviceStatus': WHAT_IF,
  'WhatIfChange.relationshipId': WHAT_IF,
  'WhatIfChange.fromId': WHAT_IF,
  'WhatIfChange.toId': WHAT_IF,
  'WhatIfChange.type': WHAT_IF,
  'WhatIfChange.status': WHAT_IF,
  'WhatIfChange.since': WHAT_IF,
  'WhatIfChange.until': WHAT_IF,
  'WhatIfChange.stakeholderId': WHAT_IF,
  'WhatIfChange.serviceId': WHAT_IF,
  'GeoPointInput.lat': WHAT_IF,
  'GeoPointInput.lng': WHAT_IF,
  'GeoPointInput.precision': WHAT_IF,
  'ServiceAreaInput.kind': WHAT_IF,
  'ServiceAreaInput.townshipIds': WHAT_IF,
  'ServiceAreaInput.villageIds': WHAT_IF,
  'ServiceAreaInput.km': WHAT_IF,
  // A what-if service's eligibility counts the households it would reach by marker and age band:
  // the coverage figures that come back suppress cells of 1–4 families for roles that may not see households.
  'EligibilityInput.ageBands': WHAT_IF,
  'EligibilityInput.requiredMarkers': WHAT_IF,
  'EligibilityInput.anyOfMarkers': WHAT_IF,
  'EligibilityInput.residencyTownshipIds': WHAT_IF,
};

/** Root fields whose result is selected or ordered by sensitive fields, whatever their arguments. */
export const RESULT_READS: Readonly<Record<string, readonly [string, ...string[]]>> = {
  // Ranked by the vulnerability index: a ranking of families is a read of their score.
  'Query.mostVulnerableHouseholds': ['Household.vulnerabilityScore'],
  // Eligibility gates test the household's markers and members' age bands.
  'Query.matchNeed': ['Household.markers', 'Household.memberAgeBands'],
  // Most vulnerable households first; eligibility on markers and age bands.
  'Mutation.planAllocations': ['Household.vulnerabilityScore', 'Household.markers', 'Household.memberAgeBands'],
  // A waiting list is ordered by the household's vulnerability index after urgency (domain/waitlistOrder).
  'Query.waitlist': ['Household.vulnerabilityScore'],
  // A credit officer's borrowers are chosen by whose loan they hold (FINANCE).
  'Query.myBorrowers': ['Household.loan'],
};

export function isSuppressedAggregate(rule: FilterRule): rule is Extract<FilterRule, { suppressedAggregate: string }> {
  return 'suppressedAggregate' in rule;
}
