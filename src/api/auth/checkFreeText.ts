import { getNamedType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { FAMILY_RECORD_TYPES, NOT_FREE_TEXT } from './freeTextRules';
import { entityKindOfType } from './RequestAccess';
import { sensitiveKindOf } from './sensitiveKindOf';

/**
 * Start-up check (freeTextRules.ts): every String field of a family's
 * records, and of the value objects under them reached through fields that
 * are not themselves @sensitive, is @sensitive or listed in NOT_FREE_TEXT.
 * Other records (a Need's Service, a Consent's Organization) are checked
 * under their own rules, not as part of the family's. Returns the problems found.
 */
export function checkFreeText(schema: GraphQLSchema, allowed: Readonly<Record<string, string>> = NOT_FREE_TEXT): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType | null | undefined) => {
    if (!type || !isObjectType(type) || seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      if (sensitiveKindOf(field) !== null) continue;
      const named = getNamedType(field.type);
      const coordinate = `${type.name}.${field.name}`;
      if (named.name === 'String' && !(coordinate in allowed)) {
        problems.push(
          `${coordinate} is free text about a family but not @sensitive: mark it (e.g. @sensitive(kind: CASE_NOTES)), or, if it can never hold prose, list it with the reason in src/api/auth/freeTextRules.ts`,
        );
      }
      // Records are checked under their own rules; a connection holds records and cursors, no text of its own.
      if (isObjectType(named) && entityKindOfType(named.name) === null && !isConnection(named)) visit(named);
    }
  };
  for (const kind of FAMILY_RECORD_TYPES) visit(schema.getType(kind));
  const unused = Object.keys(allowed).filter((coordinate) => {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName ?? '');
    return !seen.has(typeName ?? '') || !isObjectType(type) || !type.getFields()[fieldName ?? ''];
  });
  if (unused.length > 0) problems.push(`NOT_FREE_TEXT lists fields that are not String fields of a family's records: ${unused.join(', ')} (src/api/auth/freeTextRules.ts)`);
  return problems;
}

function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return Boolean(fields['edges'] && fields['nodes'] && fields['pageInfo']);
}
