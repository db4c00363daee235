import { Kind, type GraphQLField } from 'graphql';
import { SENSITIVE_KINDS, SensitiveKind } from './SensitiveKind';

/** The kind a field's `@sensitive(kind:)` directive names, or null when it has none (an unknown kind fails start-up). */
export function sensitiveKindOf(field: GraphQLField<unknown, unknown>): SensitiveKind | null {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'sensitive');
  if (!directive) return null;
  const arg = directive.arguments?.find((a) => a.name.value === 'kind');
  const parsed = SensitiveKind.safeParse(arg?.value.kind === Kind.ENUM ? arg.value.value : undefined);
  if (!parsed.success) throw new Error(`api/guardSchema: @sensitive on ${field.name} needs a kind from ${SENSITIVE_KINDS.join(', ')}`);
  return parsed.data;
}
