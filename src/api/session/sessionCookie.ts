/**
 * The session cookie (OWASP Session Management; MDN cookie prefixes):
 * HttpOnly, SameSite=Lax, Path=/, no Domain; named `__Host-huzhu_session`
 * with Secure when the console is served over HTTPS (COOKIE_SECURE), else
 * `huzhu_session` (browsers drop `__Host-` cookies without Secure, and Secure
 * cookies on plain-http localhost).
 */
export const SECURE_COOKIE_NAME = '__Host-huzhu_session';
export const PLAIN_COOKIE_NAME = 'huzhu_session';

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [`${sessionCookieName(secure)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${sessionCookieName(secure)}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...(secure ? ['Secure'] : [])].join(
    '; ',
  );
}

/** The session cookie's value in a Cookie header, or null. */
export function readSessionCookie(header: string | undefined, secure: boolean): string | null {
  if (header === undefined || header === '') return null;
  const name = sessionCookieName(secure);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9._-]{10,4096}$/.test(value) ? value : null;
    }
  }
  return null;
}
