// Purpose: the :Household nodes that match the filter. Places through the reference edges, LIVES_IN and IN_TOWNSHIP
//          (complete whatever order records were written in: a village written after its households draws their
//          LIVES_IN edges, see linkInboundVillages); borrowers through BORROWS_FROM.
// Parameters: $villageId, $townshipId, $marker, $ageBand, $synthetic,
//             $creditOfficerId (borrowers of that credit officer)
// Anchor $townshipId: (:Township {id: $townshipId})<-[:IN_TOWNSHIP]-(:Village)<-[:LIVES_IN]-(n:Household)
// Anchor $villageId: (:Village {id: $villageId})<-[:LIVES_IN]-(n:Household)
MATCH (n:Household)
WHERE ($villageId IS NULL OR EXISTS { (n)-[:LIVES_IN]->(:Village {id: $villageId}) })
  AND ($townshipId IS NULL OR EXISTS { (n)-[:LIVES_IN]->(:Village)-[:IN_TOWNSHIP]->(:Township {id: $townshipId}) })
  AND ($marker IS NULL OR $marker IN n.markers)
  AND ($ageBand IS NULL OR $ageBand IN n.memberAgeBands)
  AND ($synthetic IS NULL OR n.synthetic = $synthetic)
  AND ($creditOfficerId IS NULL OR EXISTS { (n)-[:BORROWS_FROM]->(:Person {id: $creditOfficerId}) })
