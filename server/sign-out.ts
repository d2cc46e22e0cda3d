import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGN_OUT_PATH } from '../src/lib/sign-out.ts';
import { BASIC_REALM } from './identity.ts';

/**
 * Signing out of HTTP basic auth. Browsers keep a typed password until the browser closes and no
 * response makes them drop it (Chromium ignores a 401 on the sign-out URL, and replacing it through
 * XMLHttpRequest only works from some pages). So the server remembers the sign-out in a cookie:
 * the next request that brings the old password with that cookie is answered 401 and the cookie is
 * cleared. The browser then discards the rejected password and asks for one; what the user types
 * next comes without the cookie and is accepted.
 */
const COOKIE = 'streamdash-signed-out';

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signed out · streamdash</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 32rem; color-scheme: light dark">
<h1 style="font-size: 1.25rem">You are signed out of streamdash</h1>
<p>Your browser will ask for your password again before it shows the dashboard.</p>
<p><a href="/">Sign in again</a></p></body></html>`;

export const isSignOutUrl = (url: string) => url === SIGN_OUT_PATH || url.startsWith(`${SIGN_OUT_PATH}?`);

/** The signed-out page, with the cookie that turns the old password away once. */
export function sendSignedOut(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'set-cookie': `${COOKIE}=1; Path=/; HttpOnly; SameSite=Strict`,
  });
  res.end(PAGE);
}

/** A request that brings basic-auth credentials after a sign-out in this browser. */
export function bringsPasswordAfterSignOut(req: IncomingMessage): boolean {
  const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
  return cookies.includes(`${COOKIE}=1`) && /^Basic /i.test(req.headers.authorization ?? '');
}

/** Turns the old password away and forgets the sign-out: the next password typed is accepted. */
export function refuseOldPassword(res: ServerResponse): void {
  res.writeHead(401, {
    'www-authenticate': BASIC_REALM,
    'content-type': 'text/plain',
    'cache-control': 'no-store',
    'set-cookie': `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
  });
  res.end('Signed out: sign in again');
}
