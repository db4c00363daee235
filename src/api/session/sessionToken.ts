import { SignJWT, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AccountId } from '../../domain/Account';
import { HuzhuError } from '../../errors/HuzhuError';

/**
 * A console session is a JWT signed like the bearer tokens
 * (src/api/auth/tokens.ts: HS256 with the same secret, issuer and audience),
 * but it carries no role or scope: only the account (`sub`), `typ: "session"`
 * and the account's session generation (`gen`). The viewer is built from the
 * stored account on every request, so a role change, a disabled account or a
 * sign-out (generation bumped) takes effect at the next request on every API
 * instance. Having no `role` claim, a session token is refused by
 * verifyToken: it can never be taken for a claims-only bearer token.
 */
const ISSUER = 'huzhu';
const AUDIENCE = 'huzhu-api';
const SESSION_TYPE = 'session';

export interface SessionClaims {
  accountId: string;
  generation: number;
}

const SessionPayload = z.object({
  sub: AccountId,
  typ: z.literal(SESSION_TYPE),
  gen: z.number().int().min(0),
});

export async function issueSessionToken(secret: Uint8Array, claims: SessionClaims, ttlSeconds: number): Promise<string> {
  return new SignJWT({ typ: SESSION_TYPE, gen: claims.generation })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}

/** Whether a token says it is a session (unverified: only to route it; readSessionToken verifies). */
export function looksLikeSessionToken(token: string): boolean {
  try {
    return decodeJwt(token)['typ'] === SESSION_TYPE;
  } catch {
    return false;
  }
}

/** The session a token stands for; UNAUTHENTICATED when it is invalid, expired or not a session. */
export async function readSessionToken(secret: Uint8Array, token: string): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const claims = SessionPayload.parse(payload);
    return { accountId: claims.sub, generation: claims.gen };
  } catch (error) {
    const why = error instanceof joseErrors.JWTExpired ? '登录已过期 (the session has expired)' : '登录无效 (the session is not valid)';
    throw new HuzhuError('UNAUTHENTICATED', `${why}: sign in again (请重新登录)`);
  }
}
