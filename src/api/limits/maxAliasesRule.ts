import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { fragmentsOf } from './fragmentsOf';

/**
 * Validation rule: at most `maxAliases` aliased fields per operation, counting
 * a fragment's aliases each time it is spread (aliases are how one request
 * asks the same expensive field many times over).
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const count = aliasCount(operation.selectionSet, fragments, new Map(), new Set());
        if (count > maxAliases) {
          context.reportError(
            new GraphQLError(`limits/maxAliases: the operation uses ${count} aliases; at most ${maxAliases} are allowed (page with first/after instead)`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}

// Private: aliases in a selection set; fragment counts memoised, cycles count 0.
function aliasCount(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) count += 1;
      if (selection.selectionSet) count += aliasCount(selection.selectionSet, fragments, memo, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += aliasCount(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      if (!memo.has(name)) {
        visiting.add(name);
        memo.set(name, aliasCount(fragment.selectionSet, fragments, memo, visiting));
        visiting.delete(name);
      }
      count += memo.get(name) ?? 0;
    }
  }
  return count;
}
