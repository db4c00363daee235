import { createAccount, signIn, type AccountsContext } from '../../../src/services/accounts';
import { createPasswordHasher, type PasswordHasher } from '../../../src/services/passwordHasher';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';

/**
 * signIn (src/services/accounts.ts): every path spends one password check,
 * so an unknown login or a locked account takes as long as a wrong password;
 * a hash made with old parameters is replaced at the next successful sign-in.
 */
const PASSWORD = 'a-synthetic-password';

function countingHasher(inner: PasswordHasher): PasswordHasher & { checks: number } {
  const counted = {
    checks: 0,
    cost: inner.cost,
    hash: (p: string) => inner.hash(p),
    needsRehash: (h: string) => inner.needsRehash(h),
    async verify(h: string, p: string) {
      counted.checks += 1;
      return inner.verify(h, p);
    },
    async burn(p: string) {
      counted.checks += 1;
      await inner.burn(p);
    },
  };
  return counted;
}

describe('signIn', () => {
  let store: MemoryStore;
  let ctx: AccountsContext & { hasher: ReturnType<typeof countingHasher> };
  const actor = { actorId: 'test', role: 'ADMIN', purpose: 'SIGN_IN', correlationId: 'test' };

  beforeEach(async () => {
    store = new MemoryStore({ dataDir: null });
    ctx = { store, now: () => new Date(), hasher: countingHasher(createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 })) };
    await createAccount(ctx, actor, { login: 'someone', displayName: 'x (synthetic)', role: 'DESIGNER', password: PASSWORD }, { root: [] });
    ctx.hasher.checks = 0;
  });

  it('spends exactly one password check for an unknown login, a wrong password and a locked account alike', async () => {
    const checks: number[] = [];
    for (const attempt of [{ login: 'nobody' }, { login: 'someone' }]) {
      ctx.hasher.checks = 0;
      await signIn(ctx, { ...attempt, password: 'wrong-password', correlationId: 't' });
      checks.push(ctx.hasher.checks);
    }
    for (let i = 0; i < 5; i += 1) await signIn(ctx, { login: 'someone', password: 'wrong-password', correlationId: 't' });
    ctx.hasher.checks = 0;
    expect(await signIn(ctx, { login: 'someone', password: PASSWORD, correlationId: 't' })).toMatchObject({ kind: 'LOCKED' });
    checks.push(ctx.hasher.checks);
    expect(checks).toEqual([1, 1, 1]);
  });

  it('answers INVALID_CREDENTIALS without an account for a login that cannot exist (no store lookup needed)', async () => {
    expect(await signIn(ctx, { login: '!!', password: PASSWORD, correlationId: 't' })).toEqual({ kind: 'INVALID_CREDENTIALS', account: null });
  });

  it('re-hashes at the current cost on a successful sign-in when the stored hash used other parameters', async () => {
    const before = await store.findAccountByLogin('someone');
    const stronger = { ...ctx, hasher: countingHasher(createPasswordHasher({ memoryCost: 2048, timeCost: 1, parallelism: 1 })) };
    const outcome = await signIn(stronger, { login: 'someone', password: PASSWORD, correlationId: 't' });
    expect(outcome.kind).toBe('SIGNED_IN');
    const after = await store.findAccountByLogin('someone');
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    expect(after?.passwordHash).toMatch(/m=2048,t=1,p=1/);
    expect(await stronger.hasher.verify(after?.passwordHash ?? '', PASSWORD)).toBe(true);
  });
});
