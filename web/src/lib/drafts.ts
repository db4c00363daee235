/**
 * Unsaved forms survive an expired session: a form's values are kept in
 * sessionStorage under its route, tagged with the account that typed them.
 * They are restored only for that same account, removed on a successful
 * submit, and every draft is removed on sign-out (no other user's data is
 * left in the browser). `store` is injectable for tests.
 */
const PREFIX = 'huzhu:draft:';

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

function defaultStore(): DraftStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function draftKey(route: string, form: string): string {
  return `${PREFIX}${route}#${form}`;
}

export function saveDraft(key: string, accountId: string, values: unknown, store = defaultStore()): void {
  try {
    store?.setItem(key, JSON.stringify({ accountId, values }));
  } catch {
    // Storage full or blocked: the draft is a convenience, never a failure.
  }
}

export function loadDraft<T>(key: string, accountId: string, store = defaultStore()): T | null {
  const raw = store?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { accountId?: unknown; values?: T };
    if (parsed.accountId !== accountId) {
      store?.removeItem(key);
      return null;
    }
    return parsed.values ?? null;
  } catch {
    store?.removeItem(key);
    return null;
  }
}

export function clearDraft(key: string, store = defaultStore()): void {
  store?.removeItem(key);
}

/** Sign-out: remove every draft of every form. */
export function clearAllDrafts(store = defaultStore()): void {
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/** The account a stored draft names, or null when it names none (or cannot be read). */
function draftOwner(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { accountId?: unknown };
    return typeof parsed.accountId === 'string' && parsed.accountId !== '' ? parsed.accountId : null;
  } catch {
    return null;
  }
}

function removeDraftsWhere(drop: (owner: string | null) => boolean, store: DraftStore | null): void {
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX) && drop(draftOwner(store.getItem(key)))) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/**
 * Any successful sign-in: remove every draft that is not the signed-in
 * account's, whatever the state before (expired, or anonymous after a
 * reload), so one person's typed household never reaches the next.
 */
export function keepOnlyDraftsOf(accountId: string, store = defaultStore()): void {
  removeDraftsWhere((owner) => owner !== accountId, store);
}

/**
 * The sign-in screen reached while anonymous (e.g. a reload after the
 * session expired): keep only drafts that name an account; they are then
 * filtered by keepOnlyDraftsOf at sign-in.
 */
export function keepOnlyOwnedDrafts(store = defaultStore()): void {
  removeDraftsWhere((owner) => owner === null, store);
}
