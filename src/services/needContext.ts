import type DataLoader from 'dataloader';
import type { EntityKind } from '../domain/ids';
import type { EntityMap } from '../domain/model';
import type { NeedMatchContext } from '../store/GraphStore';
import type { ServiceContext } from './ServiceContext';

/** A request context that may carry the API's DataLoaders (src/api/loaders.ts), seen structurally. */
export type ContextWithLoaders = ServiceContext & { loaders?: Partial<Record<EntityKind, DataLoader<string, unknown>>> };

/**
 * A need's match context (need, household, village, township, consents) in
 * one store call, GraphStore.matchContext (issue 13 item 1). With the
 * request's DataLoaders, they are primed with every record it holds, so the
 * access guard's scope check (RequestAccess, through the loaders) and
 * matchNeed read none of them again (the consents travel in the answer:
 * MatchContext.consents). A need read twice in one request is read from the
 * store once.
 */
export async function loadNeedContext(ctx: ContextWithLoaders, needId: string): Promise<NeedMatchContext | null> {
  const memo = ctx.loaders ? memoOf(ctx.loaders) : null;
  const cached = memo?.needs.get(needId);
  if (cached) return cached;
  const loading = ctx.store.matchContext(needId).then((found) => {
    if (found && ctx.loaders) prime(ctx.loaders, found);
    return found;
  });
  if (memo) {
    memo.needs.set(needId, loading);
    loading.catch(() => memo.needs.delete(needId));
  }
  return loading;
}

/**
 * Forget what this request read through loadNeedContext (after a write in
 * the request, as RequestAccess clears its loaders).
 */
export function forgetNeedContexts(loaders: object): void {
  requestMemo.delete(loaders);
}

// Private:

interface Memo {
  needs: Map<string, Promise<NeedMatchContext | null>>;
}

/** Keyed on the request's loaders object: Apollo shallow-copies the context per operation, the loaders stay the same. */
const requestMemo = new WeakMap<object, Memo>();

function memoOf(loaders: object): Memo {
  let memo = requestMemo.get(loaders);
  if (!memo) requestMemo.set(loaders, (memo = { needs: new Map() }));
  return memo;
}

function prime(loaders: Partial<Record<EntityKind, DataLoader<string, unknown>>>, found: NeedMatchContext): void {
  const put = <K extends EntityKind>(kind: K, record: EntityMap[K] | null) => {
    if (record !== null) loaders[kind]?.prime((record as { id: string }).id, record);
  };
  put('Need', found.need);
  put('Household', found.household);
  put('Village', found.village);
  put('Township', found.township);
  for (const consent of found.consents) put('Consent', consent);
}
