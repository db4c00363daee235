import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { addResolversToSchema } from '@graphql-tools/schema';
import { loadTypeDefs } from './loadTypeDefs';

/** Build the schema from the SDL files and attach resolvers (unknown resolver names fail start-up). */
export function makeExecutableSchemaFromSdl(resolvers: Record<string, unknown>): GraphQLSchema {
  const schema = buildASTSchema(parse(loadTypeDefs()));
  return addResolversToSchema({ schema, resolvers: resolvers as never, resolverValidationOptions: { requireResolversToMatchSchema: 'error' } });
}
