// Purpose: the :Need nodes that match the filter. The household and places through the reference edges,
//          OF_HOUSEHOLD, LIVES_IN and IN_TOWNSHIP (complete whatever order records were written in: a household
//          written after its needs draws their OF_HOUSEHOLD edges, see linkInboundHouseholds).
// Parameters: $householdId, $villageId, $townshipId, $category, $status, $urgency
// Anchor $householdId: (:Household {id: $householdId})<-[:OF_HOUSEHOLD]-(n:Need)
// Anchor $townshipId: (:Township {id: $townshipId})<-[:IN_TOWNSHIP]-(:Village)<-[:LIVES_IN]-(:Household)<-[:OF_HOUSEHOLD]-(n:Need)
// Anchor $villageId: (:Village {id: $villageId})<-[:LIVES_IN]-(:Household)<-[:OF_HOUSEHOLD]-(n:Need)
MATCH (n:Need)
WHERE ($householdId IS NULL OR EXISTS { (n)-[:OF_HOUSEHOLD]->(:Household {id: $householdId}) })
  AND ($villageId IS NULL OR EXISTS { (n)-[:OF_HOUSEHOLD]->(:Household)-[:LIVES_IN]->(:Village {id: $villageId}) })
  AND ($townshipId IS NULL OR EXISTS {
    (n)-[:OF_HOUSEHOLD]->(:Household)-[:LIVES_IN]->(:Village)-[:IN_TOWNSHIP]->(:Township {id: $townshipId})
  })
  AND ($category IS NULL OR n.category = $category)
  AND ($status IS NULL OR n.status = $status)
  AND ($urgency IS NULL OR n.urgency = $urgency)
