import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RelationshipType } from '../../../src/domain/model';
import { loadCypherRegistry } from '../../../src/store/neo4j/cypherRegistry';
import { RELATIONSHIP_CONSTRAINTS, RELATIONSHIP_SCHEMA_STATEMENTS } from '../../../src/store/neo4j/relationshipTypes';

/**
 * Layout 2 (issue 13 item 4): a stakeholder relationship is an edge of its
 * own Neo4j type. A statement that matches every relationship lists the types
 * as a union; it must name exactly the RelationshipType values, or a new type
 * would be written and never read. Each type has its id and ends constraints.
 */
const CYPHER_DIR = join(__dirname, '..', '..', '..', 'cypher');
const ENUM = [...RelationshipType.options].sort();

/** Relationship-type unions in statement bodies that name at least one RelationshipType, per file. */
function relationshipUnions(): Array<{ file: string; types: string[] }> {
  const found: Array<{ file: string; types: string[] }> = [];
  const files = [
    ...readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher')),
    ...readdirSync(join(CYPHER_DIR, 'filters')).map((f) => `filters/${f}`),
  ];
  for (const file of files) {
    const body = readFileSync(join(CYPHER_DIR, file), 'utf8').split('\n').filter((l) => !l.startsWith('//')).join('\n');
    for (const m of body.matchAll(/\[\w*:([A-Z_]+(?:\|[A-Z_]+)+)\]/g)) {
      const types = (m[1] as string).split('|');
      if (types.some((t) => (ENUM as string[]).includes(t)) && !types.every((t) => ['SERVES', 'MEMBER_OF'].includes(t))) found.push({ file, types: types.sort() });
    }
  }
  return found;
}

describe('typed relationships in cypher/', () => {
  it('every union of relationship types is exactly RelationshipType', () => {
    const unions = relationshipUnions();
    expect(unions.map((u) => u.file).sort()).toEqual(
      // filters/Relationship.cypher: the list and count statements are composed from it (cypherRegistry.ts).
      expect.arrayContaining(['filters/Relationship.cypher', 'getRelationshipsByIds.cypher', 'upsertRelationships.cypher']),
    );
    for (const union of unions) expect({ file: union.file, types: union.types }).toEqual({ file: union.file, types: ENUM });
  });

  it('no statement but the upgrade matches the generic [:LINK] of layout 1', () => {
    const users = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .filter((f) => /:LINK\b/.test(readFileSync(join(CYPHER_DIR, f), 'utf8').split('\n').filter((l) => !l.startsWith('//')).join('\n')));
    expect(users.sort()).toEqual(['countLinkRelationships.cypher', 'migrateLinkRelationships.cypher']);
  });

  it('each type has an id and an ends constraint on its own Neo4j type', () => {
    const registry = loadCypherRegistry(CYPHER_DIR);
    for (const type of RelationshipType.options) {
      const { id, ends } = RELATIONSHIP_CONSTRAINTS[type];
      expect(registry.get(id).text).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) REQUIRE r\\.id IS UNIQUE`));
      expect(registry.get(ends).text).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) REQUIRE \\(r\\.fromId, r\\.toId\\) IS UNIQUE`));
    }
    expect(new Set(RELATIONSHIP_SCHEMA_STATEMENTS).size).toBe(RelationshipType.options.length * 2);
  });
});
