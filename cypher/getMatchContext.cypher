// Purpose: a need and what matching and the access guard read about it, in one traversal (GraphStore.matchContext):
//          (:Need)-[:OF_HOUSEHOLD]->(:Household)-[:LIVES_IN]->(:Village)-[:IN_TOWNSHIP]->(:Township), and the
//          household's consents (by the indexed Consent.householdId: every consent, also one upserted before its
//          household, which has no OF_HOUSEHOLD edge yet). Each hop follows the reference edge; only
//          when a record was upserted before its target (a seed in any order draws the edge only when the target is
//          there) is the id property used instead, through its index.
// Parameters: $needId
// Returns: need, household, village, township (props, null when missing), consents (list of props by id); no row
//          when the need does not exist
// Mode: READ
MATCH (n:Need {id: $needId})
CALL (n) {
  OPTIONAL MATCH (n)-[:OF_HOUSEHOLD]->(byEdge:Household)
  OPTIONAL MATCH (byId:Household {id: n.householdId}) WHERE byEdge IS NULL
  RETURN coalesce(byEdge, byId) AS h
}
CALL (h) {
  OPTIONAL MATCH (h)-[:LIVES_IN]->(byEdge:Village)
  OPTIONAL MATCH (byId:Village {id: h.villageId}) WHERE byEdge IS NULL
  RETURN coalesce(byEdge, byId) AS v
}
CALL (v) {
  OPTIONAL MATCH (v)-[:IN_TOWNSHIP]->(byEdge:Township)
  OPTIONAL MATCH (byId:Township {id: v.townshipId}) WHERE byEdge IS NULL
  RETURN coalesce(byEdge, byId) AS t
}
RETURN properties(n) AS need,
       CASE WHEN h IS NULL THEN null ELSE properties(h) END AS household,
       CASE WHEN v IS NULL THEN null ELSE properties(v) END AS village,
       CASE WHEN t IS NULL THEN null ELSE properties(t) END AS township,
       COLLECT {
         MATCH (c:Consent {householdId: h.id})
         RETURN properties(c) ORDER BY c.id
       } AS consents
