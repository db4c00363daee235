import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { fragmentsOf } from './fragmentsOf';

/**
 * Validation rule: an operation's selections may nest at most `maxDepth`
 * fields deep, fragments expanded. Introspection fields (`__schema`, …) are
 * not counted: introspection is off in production, and its depth is bounded
 * by the schema.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments, new Map(), new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`limits/maxDepth: the operation nests ${depth} levels; at most ${maxDepth} are allowed (split it into several requests)`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}

// Private: depth of a selection set; fragment depths memoised, cycles (reported by graphql-js's own rule) count 0.
function selectionDepth(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of set.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      depth = 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, memo, visiting) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      if (!memo.has(name)) {
        visiting.add(name);
        memo.set(name, selectionDepth(fragment.selectionSet, fragments, memo, visiting));
        visiting.delete(name);
      }
      depth = memo.get(name) ?? 0;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
