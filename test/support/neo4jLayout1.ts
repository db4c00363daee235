/**
 * Raw Cypher that turns a database written by this version (layout 2) into
 * the layout the code before it wrote (layout 1, until 2026-12-01): every
 * stakeholder relationship one generic `[:LINK {type, …}]` with the `link_id`
 * and `link_ends` constraints, a person's assignments as `[:SERVES]` and
 * `[:MEMBER_OF]`, no schema marker and no per-type constraints. The statements
 * are the old files' own patterns (cypher/createConstraintRelationshipId.cypher,
 * …Ends.cypher, linkPersons.cypher at 3917958). Tests only.
 */
const TYPES = 'PARTNER|MEMBER_OF|WORKS_WITH|REFERS_TO|SERVES|FUNDS|INCUBATED_BY|SUPERVISES|KNOWS';

export const LAYOUT_1_STATEMENTS: readonly string[] = [
  ...['partner', 'member_of', 'works_with', 'refers_to', 'serves', 'funds', 'incubated_by', 'supervises', 'knows'].flatMap((t) => [
    `DROP CONSTRAINT rel_${t}_id IF EXISTS`,
    `DROP CONSTRAINT rel_${t}_ends IF EXISTS`,
  ]),
  'DROP CONSTRAINT huzhu_schema_name IF EXISTS',
  `MATCH (a)-[r:${TYPES}]->(b) WHERE r.id IS NOT NULL CREATE (a)-[l:LINK]->(b) SET l = properties(r), l.type = type(r) DELETE r`,
  'MATCH (p:Person)-[r:ASSIGNED_TO]->(x) CREATE (p)-[:SERVES]->(x) DELETE r',
  'MATCH (p:Person)-[r:WORKS_FOR]->(o) CREATE (p)-[:MEMBER_OF]->(o) DELETE r',
  'MATCH (s:HuzhuSchema) DELETE s',
  'MATCH (s:Service) REMOVE s.areaKind, s.areaTownshipIds, s.areaVillageIds, s.areaKm',
  'CREATE CONSTRAINT link_id IF NOT EXISTS FOR ()-[r:LINK]-() REQUIRE r.id IS UNIQUE',
  'CREATE CONSTRAINT link_ends IF NOT EXISTS FOR ()-[r:LINK]-() REQUIRE (r.fromId, r.toId, r.type) IS UNIQUE',
];
