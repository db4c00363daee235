import { OWASP_ARGON2ID, createPasswordHasher } from '../../../src/services/passwordHasher';
import { defaultPasswordHasher } from '../../../src/services/defaultPasswordHasher';

/** Password hashing: argon2id at OWASP's parameters by default (m=19456 KiB, t=2, p=1), and the re-hash rule. */
describe('createPasswordHasher', () => {
  it('defaults to argon2id with m=19456, t=2, p=1, and so does the process default', async () => {
    expect(OWASP_ARGON2ID).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(defaultPasswordHasher().cost).toEqual(OWASP_ARGON2ID);
    const hash = await createPasswordHasher().hash('a-synthetic-password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password only, and says false (not throws) for a hash it cannot read', async () => {
    const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const hash = await hasher.hash('a-synthetic-password');
    expect(await hasher.verify(hash, 'a-synthetic-password')).toBe(true);
    expect(await hasher.verify(hash, 'another-password')).toBe(false);
    expect(await hasher.verify('$argon2id$garbage', 'a-synthetic-password')).toBe(false);
    expect(await hasher.verify('plain-text', 'plain-text')).toBe(false);
  });

  it('salts every hash (two hashes of one password differ)', async () => {
    const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(await hasher.hash('same-synthetic-password')).not.toBe(await hasher.hash('same-synthetic-password'));
  });

  it('flags a hash made with other parameters for re-hashing, and not one made with its own', async () => {
    const cheap = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const production = createPasswordHasher();
    const cheapHash = await cheap.hash('a-synthetic-password');
    expect(production.needsRehash(cheapHash)).toBe(true);
    expect(cheap.needsRehash(cheapHash)).toBe(false);
    expect(production.needsRehash('not-a-hash')).toBe(true);
  });
});
