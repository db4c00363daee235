/**
 * Builders for sign-in accounts (src/domain/Account.ts): valid defaults,
 * overridable field by field, fresh id and login per call. The password hash
 * here is a synthetic PHC string (it verifies no password); tests that sign
 * in hash a real one with a cheap cost (test/support/cheapHasher.ts).
 */
import { newAccountId, type AccountRecord } from '../../../src/domain/Account';
import { BUILT_AT, nextSequence } from './defaults';

/** Not a hash of anything: valid in shape only (synthetic). */
export const SYNTHETIC_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c3ludGhldGljc2FsdA$c3ludGhldGljLW5vdC1hLWhhc2gtb2YtYW55dGhpbmc';

export function anAccount(overrides: Partial<AccountRecord> = {}): AccountRecord {
  const n = nextSequence();
  return {
    id: newAccountId(),
    login: `test-user-${n}`,
    displayName: `测试账号 ${n} (synthetic)`,
    role: 'SOCIAL_WORKER',
    townshipIds: [],
    villageIds: [],
    organizationId: null,
    demo: false,
    disabled: false,
    passwordHash: SYNTHETIC_PASSWORD_HASH,
    failedAttempts: 0,
    lockedUntil: null,
    sessionGeneration: 0,
    lastLoginAt: null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    version: 1,
    ...overrides,
  };
}
