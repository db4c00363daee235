import { clearAllDrafts, clearDraft, draftKey, loadDraft, saveDraft, type DraftStore } from './drafts';

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

describe('form drafts (an expired session keeps the typed form)', () => {
  const key = draftKey('/households/new', 'household-register');

  it('gives the typed values back to the same account', () => {
    const store = memoryStore();
    saveDraft(key, 'acc_1', { head: { name: '王泗' } }, store);
    expect(loadDraft(key, 'acc_1', store)).toEqual({ head: { name: '王泗' } });
  });

  it('never gives one account’s draft to another, and drops it', () => {
    const store = memoryStore();
    saveDraft(key, 'acc_1', { head: { name: '王泗' } }, store);
    expect(loadDraft(key, 'acc_2', store)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it('is removed after a successful submit, and all drafts on sign-out (other keys kept)', () => {
    const store = memoryStore();
    saveDraft(key, 'acc_1', { a: 1 }, store);
    saveDraft(draftKey('/households/hh_1', 'need'), 'acc_1', { b: 2 }, store);
    store.setItem('huzhu:lang', 'en');
    clearDraft(key, store);
    expect(loadDraft(key, 'acc_1', store)).toBeNull();
    clearAllDrafts(store);
    expect([...store.data.keys()]).toEqual(['huzhu:lang']);
  });

  it('drops a draft it cannot read', () => {
    const store = memoryStore();
    store.setItem(key, '{not json');
    expect(loadDraft(key, 'acc_1', store)).toBeNull();
    expect(store.data.has(key)).toBe(false);
  });
});
