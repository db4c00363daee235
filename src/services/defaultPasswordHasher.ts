import { createPasswordHasher, type PasswordHasher } from './passwordHasher';

let shared: PasswordHasher | null = null;

/** The process's hasher at the production cost (OWASP argon2id); one instance, so its timing dummy is hashed once. */
export function defaultPasswordHasher(): PasswordHasher {
  shared ??= createPasswordHasher();
  return shared;
}
