/**
 * The GraphQL documents the bench sends. The match query asks for what a
 * coordinator's screen shows (ranked services with score parts, distance,
 * capacity and trust path) and no field the access policy treats as
 * sensitive, so no request writes an audit event (which would move the store
 * version and force every request to rebuild the network view).
 */
export const MATCH_QUERY = `query Match($needId: ID!) {
  matchNeed(needId: $needId, limit: 5) {
    __typename
    ... on Matched {
      matches {
        service { id name organization { id name } }
        score
        distanceKm
        capacityLeft
        scoreParts { distance { km value } trust { hops weakestStatus value } capacity { left value } }
        trustPath { hops weakestStatus steps { fromId toId type status } }
      }
      considered { total suitable excluded { reason count } }
    }
    ... on NoSuitableResource {
      reasons { reason detail unlock }
      considered { total suitable excluded { reason count } }
    }
  }
}`;

/** A light query: one need by id through node(). Shows the fixed cost per request, where matchNeed's work does not hide it. */
export const NODE_QUERY = `query Node($needId: ID!) {
  node(id: $needId) { id ... on Need { category status urgency createdAt } }
}`;

export const COVERAGE_QUERY = `query Coverage {
  coverage {
    networkVersion
    summary { villagesTotal villagesCovered villagesFullyCovered householdsTotal householdsCovered suppressed }
    byCategory { category villagesTotal villagesCovered villagesAtCapacity householdsCovered }
    byTownship { townshipId townshipName villagesTotal villagesCovered householdsTotal householdsCovered }
    gapCount
  }
}`;

export const NETWORK_METRICS_QUERY = `query Metrics {
  networkMetrics(top: 10) {
    networkVersion
    nodes
    links
    density
    degree { node { id kind label } degree value }
    betweenness { exact sampleSize maxStandardError top { node { id label } value } }
    components { count largest }
    brokers { node { id label } betweenness piecesIfRemoved }
    singlePointsOfFailure { articulationPoints analysed }
  }
}`;

export const PLAN_MUTATION = `mutation Plan {
  planAllocations(input: { commit: false, show: 20 }) {
    committed
    needsConsidered
    assignedCount
    unassignedCount
    assignments { need { id } service { id } score candidateRank tier }
  }
}`;

/**
 * The closest @neo4j/graphql expression of a match (bench/peerServer.ts has
 * the type definitions): the need with its household, village and township,
 * and the ACTIVE services offering the need's category with their
 * organisation, in one request. The category comes from the client, which
 * already knows it. What it does not do is listed in BENCHMARKS.md.
 */
export const PEER_MATCH_QUERY = `query PeerMatch($needId: ID!, $category: String!) {
  needs(where: { id: { eq: $needId } }) {
    id category status urgency
    household { id villageId village { id displayName township { id name } } }
  }
  services(where: { categories: { includes: $category }, status: { eq: "ACTIVE" } }) {
    id name online capacity activeReferrals areaJson eligibilityJson
    organization { id name }
  }
}`;
