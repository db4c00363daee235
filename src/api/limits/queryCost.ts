import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../../store/GraphStore';
import { fragmentsOf } from './fragmentsOf';

/** Assumed length of a list field that takes no `first`. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * An upper bound on the work an operation asks for: every field costs 1, and
 * a field's selection is counted once per item it may return — its `first`
 * argument (literal, variable or default), the page cap when that is unknown,
 * DEFAULT_LIST_SIZE for other lists. A connection's `nodes`/`edges` are
 * already counted by its `first`. Introspection fields cost nothing.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const defaults: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue) defaults[def.variable.name.value] = valueFromASTUntyped(def.defaultValue);
  }
  const context: CostContext = { schema, fragments: fragmentsOf(document), variables: { ...defaults, ...variables }, visiting: new Set() };
  return selectionCost(context, operation.selectionSet, root);
}

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visiting: Set<string>;
}

// Private helpers.

function selectionCost(context: CostContext, set: SelectionSetNode, parent: GraphQLCompositeType): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(context, selection, parent);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? context.schema.getType(selection.typeCondition.name.value) : parent;
      cost += selectionCost(context, selection.selectionSet, isCompositeType(on) ? on : parent);
    } else {
      const fragment = context.fragments.get(selection.name.value);
      if (!fragment || context.visiting.has(fragment.name.value)) continue;
      const on = context.schema.getType(fragment.typeCondition.name.value);
      context.visiting.add(fragment.name.value);
      cost += selectionCost(context, fragment.selectionSet, isCompositeType(on) ? on : parent);
      context.visiting.delete(fragment.name.value);
    }
  }
  return cost;
}

function fieldCost(context: CostContext, node: FieldNode, parent: GraphQLCompositeType): number {
  const name = node.name.value;
  if (name.startsWith('__')) return 0;
  const field = isObjectType(parent) || isInterfaceType(parent) ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
  if (!field || !node.selectionSet) return 1;
  const child = getNamedType(field.type);
  if (!isCompositeType(child)) return 1;
  return 1 + multiplier(context, node, field, parent) * selectionCost(context, node.selectionSet, child);
}

function multiplier(context: CostContext, node: FieldNode, field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number {
  const firstArg = field.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = node.arguments?.find((a) => a.name.value === 'first');
    const value = given ? valueFromASTUntyped(given.value, context.variables) : firstArg.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 10 * MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  }
  const inConnection = isObjectType(parent) && Boolean(parent.getFields()['pageInfo']) && (field.name === 'nodes' || field.name === 'edges');
  return isListType(getNullableType(field.type)) && !inConnection ? DEFAULT_LIST_SIZE : 1;
}
