import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { HuzhuError } from '../../errors/HuzhuError';
import { idOf } from '../../domain/model';
import { Role, Viewer } from './Viewer';

/**
 * Bearer tokens: HS256 JWTs carrying the viewer's role and scope. Issued by
 * `npm run token` (src/cli/token.ts) for local use; in production by whatever
 * identity provider shares JWT_SECRET.
 */
const ISSUER = 'huzhu';
const AUDIENCE = 'huzhu-api';

export const TokenClaims = z.object({
  sub: z.string().min(1).max(200),
  role: Role.exclude(['ANONYMOUS']),
  townships: z.array(idOf('Township')).default([]),
  villages: z.array(idOf('Village')).default([]),
  org: idOf('Organization').nullable().default(null),
  /** CREDIT_OFFICER binding: the officer's Person id (their borrowers are the households whose loan names it). */
  person: idOf('Person').nullable().default(null),
});
export type TokenClaims = z.input<typeof TokenClaims>;

export async function issueToken(secret: Uint8Array, claims: TokenClaims, ttlSeconds = 8 * 3600): Promise<string> {
  const parsed = TokenClaims.parse(claims);
  if (parsed.role === 'PARTNER_NGO' && parsed.org === null) throw new Error('auth/issueToken: a PARTNER_NGO token needs an organisation (org)');
  if (parsed.role === 'CREDIT_OFFICER' && parsed.person === null) throw new Error('auth/issueToken: a CREDIT_OFFICER token needs the officer\'s Person id (person)');
  return new SignJWT({ role: parsed.role, townships: parsed.townships, villages: parsed.villages, org: parsed.org, person: parsed.person })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(parsed.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}

/** The viewer a token stands for; UNAUTHENTICATED when it is invalid, expired or malformed. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const claims = TokenClaims.parse(payload);
    return Viewer.parse({
      subject: claims.sub,
      role: claims.role,
      townshipIds: claims.townships,
      villageIds: claims.villages,
      organizationId: claims.org,
      personId: claims.role === 'CREDIT_OFFICER' ? claims.person : null,
    });
  } catch (error) {
    const why = error instanceof joseErrors.JWTExpired ? 'the token has expired' : 'the token is invalid';
    throw new HuzhuError('UNAUTHENTICATED', `${why}: get a new one (npm run token -- --help)`);
  }
}
