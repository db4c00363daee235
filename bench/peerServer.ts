import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

/**
 * Section 4's peer: @neo4j/graphql (its generated schema and Cypher) over the
 * graph Huzhu's Neo4j adapter wrote (src/store/neo4j/README.md has the
 * layout), served by Apollo Server 5 through node:http the same way Huzhu's
 * httpServer.ts serves its schema, so the transport costs the same on both
 * sides. Only the fields the peer query reads are declared.
 */
export const PEER_TYPE_DEFS = `
type Township @node { id: ID! name: String! }
type Village @node {
  id: ID!
  displayName: String!
  townshipId: ID!
  township: [Township!]! @relationship(type: "IN_TOWNSHIP", direction: OUT)
}
type Household @node {
  id: ID!
  villageId: ID!
  village: [Village!]! @relationship(type: "LIVES_IN", direction: OUT)
}
type Need @node {
  id: ID!
  category: String!
  status: String!
  urgency: String!
  household: [Household!]! @relationship(type: "OF_HOUSEHOLD", direction: OUT)
}
type Organization @node { id: ID! name: String! townshipId: ID }
type Service @node {
  id: ID!
  name: String!
  categories: [String!]!
  status: String!
  online: Boolean!
  capacity: Int
  activeReferrals: Int!
  areaJson: String!
  eligibilityJson: String!
  organization: [Organization!]! @relationship(type: "OFFERED_BY", direction: OUT)
}
`;

export async function createPeerServer(driver: Driver): Promise<{ server: http.Server; stop(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema, csrfPrevention: true });
  await apollo.start();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: '', body: raw === '' ? undefined : JSON.parse(raw) },
          context: async () => ({}),
        });
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
      });
    });
  });
  return { server, stop: () => apollo.stop() };
}
