import type { ServerResponse } from 'node:http';

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
