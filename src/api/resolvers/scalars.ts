import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { IsoDate, IsoDateTime } from '../../domain/model';

function isoScalar(name: string, schema: typeof IsoDate | typeof IsoDateTime, example: string) {
  const parse = (value: unknown): string => {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new GraphQLError(`${name}: expected an ISO-8601 value like ${example}, got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return result.data;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const scalarResolvers = {
  DateTime: isoScalar('DateTime', IsoDateTime, '2026-11-27T08:00:00.000Z'),
  Date: isoScalar('Date', IsoDate, '2026-11-27'),
};
