import { Kind, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import { badInput } from '../errors/HuzhuError';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '../store/GraphStore';

/**
 * Relay-style connections over the store's keyset pages. A cursor is the
 * base64url of the last id seen, so it stays valid while records are added.
 */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const CURSOR_PREFIX = 'c:';

export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, path: ReadonlyArray<string | number> = ['after']): string {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw badInput(`after: ${JSON.stringify(cursor)} is not a cursor returned by this API (use pageInfo.endCursor)`, path);
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

/**
 * Validates `first` (1..MAX_PAGE_SIZE) and `after`, giving the store's page request. With the resolver's
 * `info`, the store counts only when the query selects `totalCount` (issue 13 item 1).
 */
export function toPageRequest(args: ConnectionArgs, maxPage: number = MAX_PAGE_SIZE, info?: GraphQLResolveInfo): PageRequest {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > maxPage) {
    throw badInput(`first: must be between 1 and ${maxPage} (got ${first}); page with after: pageInfo.endCursor`, ['first']);
  }
  const request: PageRequest = { first, after: args.after == null ? null : decodeCursor(args.after) };
  return info === undefined || selectsField(info, 'totalCount') ? request : { ...request, count: false };
}

/**
 * Whether the field being resolved selects `name` directly on its result (through fragments too). Any
 * directive on the way (@include, @skip) counts as selecting it, so a doubt always counts.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection: SelectionNode) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if ((selection.directives ?? []).length > 0) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      if (fragment === undefined || seen.has(selection.name.value)) return fragment === undefined;
      seen.add(selection.name.value);
      return within(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

export function toConnection<T extends { id: string }>(page: Page<T>): Connection<T> {
  return {
    edges: page.items.map((node) => ({ cursor: encodeCursor(node.id), node })),
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor === null ? null : encodeCursor(page.endCursor) },
    totalCount: page.totalCount,
  };
}

/** Pages an in-memory list ordered by id (for computed lists such as stakeholders). */
export function pageOf<T extends { id: string }>(all: readonly T[], request: PageRequest): Page<T> {
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = request.after ? sorted.findIndex((x) => x.id > (request.after as string)) : 0;
  const from = start === -1 ? sorted.length : start;
  const items = sorted.slice(from, from + request.first);
  return {
    items,
    totalCount: sorted.length,
    hasNextPage: from + request.first < sorted.length,
    endCursor: items.length > 0 ? (items[items.length - 1] as T).id : null,
  };
}
