import { hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * Password hashing (OWASP Password Storage Cheat Sheet): argon2id with
 * m=19456 KiB, t=2, p=1 by default — @node-rs/argon2's own defaults, pinned
 * here so a library upgrade cannot weaken them silently. A stored hash made
 * with other parameters verifies as before and is flagged for re-hashing at
 * the next successful sign-in. Tests may pass a cheaper cost explicitly;
 * nothing in production does.
 */
export interface HashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Readonly<HashCost> = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export interface PasswordHasher {
  readonly cost: Readonly<HashCost>;
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash that cannot be read (never throws on bad input). */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** The stored hash was made with other parameters than this hasher's (or is not argon2id). */
  needsRehash(passwordHash: string): boolean;
  /**
   * Spend the time of one verification on nothing: signing in with an unknown
   * login must take as long as a wrong password, or timing tells which logins exist.
   */
  burn(password: string): Promise<void>;
}

export function createPasswordHasher(cost: HashCost = OWASP_ARGON2ID): PasswordHasher {
  const options = { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: cost.parallelism, outputLen: 32 };
  let dummy: Promise<string> | null = null;
  const hasher: PasswordHasher = {
    cost: Object.freeze({ ...cost }),
    async hash(password) {
      const made = await hash(password, options);
      if (!made.startsWith('$argon2id$')) throw new Error('services/passwordHasher: the argon2 binding did not produce an argon2id hash');
      return made;
    },
    async verify(passwordHash, password) {
      if (!passwordHash.startsWith('$argon2id$')) return false;
      try {
        return await verify(passwordHash, password);
      } catch {
        return false; // an unreadable stored hash is a failed sign-in, not a crash
      }
    },
    needsRehash(passwordHash) {
      if (!passwordHash.startsWith('$argon2id$')) return true;
      try {
        const used = parseOptions(passwordHash);
        return used.memoryCost !== cost.memoryCost || used.timeCost !== cost.timeCost || used.parallelism !== cost.parallelism || used.outputLen !== 32;
      } catch {
        return true;
      }
    },
    async burn(password) {
      dummy ??= hash('huzhu: no such account', options);
      await hasher.verify(await dummy, password);
    },
  };
  return hasher;
}
