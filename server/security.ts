import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** Headers for every answer of the production server: no inline script, no framing, no sniffing. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    // React and the chart libraries set styles through the CSSOM; style attributes are not script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export interface DashboardAuth {
  /** `user:password` for HTTP basic auth in front of the whole dashboard. */
  basic?: string;
  /** A header set by a trusted reverse proxy after it authenticated the user (e.g. X-Forwarded-User). */
  trustedHeader?: string;
}

function equal(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the request may see the dashboard; otherwise the answer (401/403) is already sent. */
export function checkAuth(auth: DashboardAuth, req: IncomingMessage, res: ServerResponse): boolean {
  if (auth.trustedHeader) {
    const user = req.headers[auth.trustedHeader.toLowerCase()];
    if (typeof user === 'string' && user !== '') return true;
    if (!auth.basic) {
      res
        .writeHead(403, { 'content-type': 'text/plain' })
        .end('Forbidden: not authenticated by the reverse proxy');
      return false;
    }
  }
  if (auth.basic) {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    if (equal(given, auth.basic)) return true;
    res
      .writeHead(401, {
        'www-authenticate': 'Basic realm="streamdash", charset="UTF-8"',
        'content-type': 'text/plain',
      })
      .end('Authentication required');
    return false;
  }
  return true;
}
