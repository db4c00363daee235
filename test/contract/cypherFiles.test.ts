import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import { loadCypherRegistry, type QueryMode } from '../../src/store/neo4j/cypherRegistry';
import { describeNeo4j } from '../support/describeNeo4j';

/**
 * Every cypher/*.cypher file compiles on a real Neo4j (EXPLAIN plans it
 * without running it), with exactly the parameters it uses, and does what its
 * `// Mode:` header says: READ statements only read, WRITE statements write,
 * SCHEMA statements change the schema.
 *
 * Runs when NEO4J_URI is set (`NEO4J_AUTH=none npm run neo4j:start`, then
 * NEO4J_URI=bolt://127.0.0.1:7687). Unset, jest counts its tests as skipped; in CI
 * it fails (describeNeo4j).
 */
const config = loadConfig();
const registry = loadCypherRegistry();

/** EXPLAIN's summary.queryType for each declared mode ('r' read, 'w' write, 'rw' both, 's' schema). */
const QUERY_TYPES: Record<QueryMode, ReadonlyArray<string>> = { READ: ['r'], WRITE: ['w', 'rw'], SCHEMA: ['s'] };

describeNeo4j('cypher/*.cypher on a real Neo4j', (uri) => {
  describe(uri, () => {
    let driver: Driver;

    beforeAll(() => {
      const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
      driver = neo4j.driver(uri, auth);
    });
    afterAll(async () => {
      await driver.close();
    });

    it.each([...registry.names()])('%s compiles, takes only the parameters it uses, and matches its Mode', async (name) => {
      const query = registry.get(name);
      const params = Object.fromEntries(query.parameters.map((p) => [p, null]));
      const session = driver.session({ database: config.NEO4J_DATABASE });
      try {
        const result = await session.run(`EXPLAIN ${query.text}`, params);
        const codes = result.summary.notifications.map((n) => n.code);
        expect(codes).not.toContain('Neo.ClientNotification.Statement.ParameterNotProvided');
        expect(QUERY_TYPES[query.mode]).toContain(result.summary.queryType);
      } finally {
        await session.close();
      }
    });
  });
});
