/**
 * The accounts part of the GraphStore contract (sign-in, issue 11), run by
 * describeGraphStoreContract against every adapter, on the same reset store.
 * Each test states one rule of GraphStore's "accounts" section.
 */
import type { AccountRecord } from '../../src/domain/Account';
import { HuzhuError } from '../../src/errors/HuzhuError';
import type { GraphStore } from '../../src/store/GraphStore';
import { anAccount } from '../support/builders';

export function describeAccountsContract(current: () => GraphStore): void {
  describe('accounts', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();

    async function created(overrides: Partial<AccountRecord> = {}): Promise<AccountRecord> {
      return current().createAccount(anAccount(overrides));
    }

    async function failureOf(promise: Promise<unknown>): Promise<HuzhuError> {
      try {
        await promise;
      } catch (error) {
        if (error instanceof HuzhuError) return error;
        throw new Error(`expected a HuzhuError, got ${String(error)}`, { cause: error });
      }
      throw new Error('expected the call to fail, but it succeeded');
    }

    it('stores an account and gives it back whole, by id and by login in any case', async () => {
      const account = anAccount({ townshipIds: [], organizationId: null, role: 'ADMIN' });
      expect(await current().createAccount(account)).toEqual(account);
      expect(await current().getAccounts([account.id, 'acc_missing'])).toEqual([account, null]);
      expect(await current().findAccountByLogin(account.login.toUpperCase())).toEqual(account);
      expect(await current().findAccountByLogin('nobody-here')).toBeNull();
    });

    it('keeps scope lists and nullable fields as given', async () => {
      const account = anAccount({
        role: 'PARTNER_NGO',
        villageIds: ['vil_510129001002', 'vil_510129001003'],
        townshipIds: ['twp_510129001000'],
        organizationId: 'org_station-510129001000',
        lockedUntil: at(30),
        lastLoginAt: at(1),
        failedAttempts: 2,
        demo: true,
      });
      await current().createAccount(account);
      expect((await current().getAccounts([account.id]))[0]).toEqual(account);
    });

    it('refuses a second account with the same login, whatever its case, naming the holder', async () => {
      const first = await created({ login: 'same-login' });
      const error = await failureOf(current().createAccount(anAccount({ login: 'same-login' })));
      expect(error).toMatchObject({ code: 'CONFLICT', path: ['login'], details: { existingId: first.id } });
    });

    it('refuses a second account with the same id', async () => {
      const first = await created();
      const error = await failureOf(current().createAccount(anAccount({ id: first.id })));
      expect(error).toMatchObject({ code: 'CONFLICT', details: { existingId: first.id } });
    });

    it('refuses an invalid record (an upper-case login, a hash that is not argon2id) with the field as path', async () => {
      expect(await failureOf(current().createAccount(anAccount({ login: 'Upper-Case' })))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['login'] });
      expect(await failureOf(current().createAccount(anAccount({ passwordHash: 'plain-text' })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        path: ['passwordHash'],
      });
      expect((await current().listAccounts({ first: 10 })).totalCount).toBe(0);
    });

    it('lists accounts page by page in id order with the total', async () => {
      const accounts = await Promise.all([created(), created(), created()]);
      const ids = accounts.map((a) => a.id).sort();
      const first = await current().listAccounts({ first: 2 });
      expect(first).toMatchObject({ totalCount: 3, hasNextPage: true, endCursor: ids[1] });
      expect(first.items.map((a) => a.id)).toEqual(ids.slice(0, 2));
      const second = await current().listAccounts({ first: 2, after: first.endCursor });
      expect(second.items.map((a) => a.id)).toEqual(ids.slice(2));
      expect(second.hasNextPage).toBe(false);
    });

    it('keeps accounts out of the network and out of version(): nothing cached depends on them', async () => {
      const before = await current().version();
      const people = (await current().list('Person', {}, { first: 100 })).totalCount;
      const account = await created();
      await current().recordAccountLoginFailure(account.id, { at: at(0), lockAfter: 5, lockUntil: at(15) });
      expect(await current().version()).toBe(before);
      expect((await current().list('Person', {}, { first: 100 })).totalCount).toBe(people);
    });

    describe('updateAccount', () => {
      it('replaces the editable fields when the version matches', async () => {
        const account = await created();
        const edited = { ...account, role: 'COORDINATOR' as const, townshipIds: ['twp_510129001000'], displayName: '改名 (synthetic)', version: 2 };
        expect(await current().updateAccount(edited, { expectedVersion: 1 })).toEqual(edited);
        expect((await current().getAccounts([account.id]))[0]).toEqual(edited);
      });

      it('refuses an edit made from another version (CONFLICT on expectedVersion)', async () => {
        const account = await created();
        await current().updateAccount({ ...account, displayName: 'A (synthetic)', version: 2 }, { expectedVersion: 1 });
        const error = await failureOf(current().updateAccount({ ...account, displayName: 'B (synthetic)', version: 2 }, { expectedVersion: 1 }));
        expect(error).toMatchObject({ code: 'CONFLICT', path: ['expectedVersion'] });
      });

      it('keeps the sign-in counters as stored, unless asked to reset the lock', async () => {
        const account = await created();
        const locked = await current().recordAccountLoginFailure(account.id, { at: at(0), lockAfter: 1, lockUntil: at(15) });
        const kept = await current().updateAccount({ ...account, failedAttempts: 0, lockedUntil: null, version: 2 }, { expectedVersion: 1 });
        expect(kept).toMatchObject({ failedAttempts: 1, lockedUntil: locked.lockedUntil });
        const reset = await current().updateAccount({ ...kept, version: 3 }, { expectedVersion: 2, resetLock: true });
        expect(reset).toMatchObject({ failedAttempts: 0, lockedUntil: null });
      });

      it('never lowers the session generation (an edit cannot revive ended sessions)', async () => {
        const account = await created();
        const ended = await current().endAccountSessions(account.id, at(1));
        const edited = await current().updateAccount({ ...ended, sessionGeneration: 0, version: 2 }, { expectedVersion: 1 });
        expect(edited.sessionGeneration).toBe(1);
      });

      it('refuses a login another account holds, and an account that does not exist', async () => {
        const holder = await created({ login: 'taken-login' });
        const other = await created();
        expect(await failureOf(current().updateAccount({ ...other, login: 'taken-login', version: 2 }, { expectedVersion: 1 }))).toMatchObject({
          code: 'CONFLICT',
          path: ['login'],
          details: { existingId: holder.id },
        });
        expect(await failureOf(current().updateAccount(anAccount(), { expectedVersion: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
      });
    });

    describe('sign-in counters', () => {
      it('counts wrong passwords and locks when the count reaches lockAfter', async () => {
        const account = await created();
        for (let i = 1; i <= 4; i += 1) {
          const after = await current().recordAccountLoginFailure(account.id, { at: at(i), lockAfter: 5, lockUntil: at(i + 15) });
          expect(after).toMatchObject({ failedAttempts: i, lockedUntil: null });
        }
        const fifth = await current().recordAccountLoginFailure(account.id, { at: at(5), lockAfter: 5, lockUntil: at(20) });
        expect(fifth).toMatchObject({ failedAttempts: 5, lockedUntil: at(20) });
      });

      it('counts from zero again once a lock has expired', async () => {
        const account = await created();
        await current().recordAccountLoginFailure(account.id, { at: at(0), lockAfter: 1, lockUntil: at(15) });
        const later = await current().recordAccountLoginFailure(account.id, { at: at(16), lockAfter: 5, lockUntil: at(31) });
        expect(later).toMatchObject({ failedAttempts: 1, lockedUntil: null });
      });

      it('loses no failure when ten arrive at once (the count is atomic)', async () => {
        const account = await created();
        await Promise.all(
          Array.from({ length: 10 }, () => current().recordAccountLoginFailure(account.id, { at: at(1), lockAfter: 100, lockUntil: at(16) })),
        );
        expect((await current().getAccounts([account.id]))[0]?.failedAttempts).toBe(10);
      });

      it('clears the count and the lock on a successful sign-in, records when, and replaces the hash only when given', async () => {
        const account = await created();
        await current().recordAccountLoginFailure(account.id, { at: at(0), lockAfter: 1, lockUntil: at(15) });
        const signedIn = await current().recordAccountLogin(account.id, { at: at(2), passwordHash: null });
        expect(signedIn).toMatchObject({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at(2), passwordHash: account.passwordHash });
        const rehashed = '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3LXN5bnRoZXRpYy1oYXNo';
        expect((await current().recordAccountLogin(account.id, { at: at(3), passwordHash: rehashed })).passwordHash).toBe(rehashed);
      });

      it('ends every session by bumping the generation once per call', async () => {
        const account = await created();
        await current().endAccountSessions(account.id, at(1));
        const twice = await current().endAccountSessions(account.id, at(2));
        expect(twice).toMatchObject({ sessionGeneration: 2, updatedAt: at(2) });
      });

      it('answers NOT_FOUND for an account that does not exist', async () => {
        const calls = [
          () => current().recordAccountLoginFailure('acc_missing', { at: at(0), lockAfter: 5, lockUntil: at(15) }),
          () => current().recordAccountLogin('acc_missing', { at: at(0), passwordHash: null }),
          () => current().endAccountSessions('acc_missing', at(0)),
        ];
        for (const call of calls) expect(await failureOf(call())).toMatchObject({ code: 'NOT_FOUND' });
      });
    });
  });
}
