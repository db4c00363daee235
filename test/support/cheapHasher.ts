import { createPasswordHasher, type PasswordHasher } from '../../src/services/passwordHasher';

/**
 * argon2id at a deliberately tiny cost, for tests only (hashing at the
 * production cost in every test would only slow the suite; the production
 * default is tested on its own in test/unit/services/passwordHasher.test.ts).
 */
export function cheapHasher(): PasswordHasher {
  return createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
}
