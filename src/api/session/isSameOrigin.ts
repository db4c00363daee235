import type { IncomingMessage } from 'node:http';

/**
 * CSRF defence in depth for cookie-authenticated requests (OWASP CSRF Cheat
 * Sheet, "Verifying Origin"): the request must come from the server's own
 * origin. `Origin` must equal PUBLIC_ORIGIN when configured, else name this
 * request's Host; without Origin, `Sec-Fetch-Site: same-origin` will do.
 * A request with neither is refused: every browser sends one of them on a
 * POST, so only a non-browser client lacks both, and it should use a bearer token.
 */
export function isSameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = single(req.headers.origin);
  if (origin !== undefined && origin !== 'null') {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (publicOrigin !== undefined) return parsed.origin === new URL(publicOrigin).origin;
    const host = single(req.headers.host);
    return host !== undefined && parsed.host === host.toLowerCase();
  }
  if (origin === 'null') return false;
  return single(req.headers['sec-fetch-site']) === 'same-origin';
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
