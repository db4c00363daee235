import { DEFAULT_STALE_AFTER_DAYS } from '../src/domain/serviceFreshness';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../src/api/context';
import { createLoaders } from '../src/api/loaders';
import { makeExecutableSchemaFromSdl } from '../src/api/makeSchema';
import { resolvers } from '../src/api/resolvers';
import type { Viewer } from '../src/api/auth/Viewer';
import type { GraphStore } from '../src/store/GraphStore';

/**
 * The baseline of section 3: the same SDL, resolvers, store and per-request
 * DataLoaders, served by node:http and graphql-js (parse, validate,
 * execute) and nothing else: no Apollo, no access guard, no
 * depth/alias/cost limits, no token check, no rate limit, no error masking. What Huzhu's endpoint spends beyond this is the price of Apollo and
 * the hardening.
 *
 * With `cacheDocuments`, a query string is parsed and validated once and the
 * document reused (as Apollo does, and as a careful hand-written server
 * would); without it, every request is parsed and validated (as graphql()
 * and graphql-http do).
 */
export function createBareServer(store: GraphStore, viewer: Viewer, log: Logger, options: { cacheDocuments: boolean }): http.Server {
  const schema: GraphQLSchema = makeExecutableSchemaFromSdl(resolvers);
  const documents = new Map<string, DocumentNode>();
  const documentFor = (source: string): { document: DocumentNode } | { errors: readonly Error[] } => {
    const cached = options.cacheDocuments ? documents.get(source) : undefined;
    if (cached) return { document: cached };
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch (error) {
      return { errors: [error as Error] };
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors };
    if (options.cacheDocuments && documents.size < 1000) documents.set(source, document);
    return { document };
  };
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let body: { query?: string; variables?: Record<string, unknown> };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          res.statusCode = 400;
          res.end('{"errors":[{"message":"body is not JSON"}]}');
          return;
        }
        const correlationId = randomUUID();
        const contextValue: RequestContext = {
          store,
          now: () => new Date(),
          loaders: createLoaders(store),
          viewer,
          correlationId,
          log: log.child({ correlationId }),
          staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
        };
        const prepared = documentFor(body.query ?? '');
        const result = 'errors' in prepared ? { errors: prepared.errors.map((e) => ({ message: e.message })) } : await execute({ schema, document: prepared.document, variableValues: body.variables ?? null, contextValue });
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(result));
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
      });
    });
  });
}
