import { clearAllDrafts, clearDraft, draftKey, keepOnlyDraftsOf, keepOnlyOwnedDrafts, loadDraft, saveDraft, type DraftStore } from './drafts';

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

describe('drafts across sign-ins (synthetic values)', () => {
  const household = draftKey('/households/new', 'household-register');
  const marker = draftKey('/households/hh_1/edit', 'markers');

  it('removes user A’s drafts when user B signs in after an expiry and a reload (state anonymous, not expired)', () => {
    const store = memoryStore();
    saveDraft(household, 'acc_A', { head: { name: '王泗（合成）', phone: '13800000000', idNumber: '510129199001011234' } }, store);
    saveDraft(marker, 'acc_A', { markers: ['ELDERLY_ALONE'] }, store);
    // Reload after the expiry: the session answers anonymous, the sign-in screen shows.
    keepOnlyOwnedDrafts(store);
    expect(store.data.size).toBe(2);
    keepOnlyDraftsOf('acc_B', store);
    expect(store.data.size).toBe(0);
    expect(loadDraft(household, 'acc_B', store)).toBeNull();
  });

  it('keeps the signed-in account’s own drafts at sign-in and removes every other account’s', () => {
    const store = memoryStore();
    saveDraft(household, 'acc_A', { head: { name: '李华（合成）' } }, store);
    saveDraft(marker, 'acc_B', { markers: ['DISABILITY'] }, store);
    store.setItem('unrelated:key', 'kept');
    keepOnlyDraftsOf('acc_A', store);
    expect([...store.data.keys()].sort()).toEqual([household, 'unrelated:key'].sort());
    expect(loadDraft(household, 'acc_A', store)).toEqual({ head: { name: '李华（合成）' } });
  });

  it('drops drafts that name no account (or cannot be read) on reaching the sign-in screen anonymous', () => {
    const store = memoryStore();
    saveDraft(household, 'acc_A', { head: { name: '张三（合成）' } }, store);
    store.setItem(draftKey('/needs/new', 'need'), JSON.stringify({ values: { note: 'synthetic' } }));
    store.setItem(draftKey('/referrals/new', 'referral'), '{not json');
    keepOnlyOwnedDrafts(store);
    expect([...store.data.keys()]).toEqual([household]);
  });
});
