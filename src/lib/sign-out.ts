/**
 * Signing out of HTTP basic auth: browsers keep the credentials a user typed until the tab
 * closes, and Chromium keeps them even after a 401 on a navigation. What makes every browser
 * forget them is replacing them: the page asks for `/api/sign-out` with this user (any password),
 * the server accepts exactly that there, and the browser caches it in place of the real ones.
 * Everywhere else the server refuses it, so the browser asks for a password again.
 */
export const SIGNED_OUT_USER = 'streamdash-signed-out';

export const SIGN_OUT_PATH = '/api/sign-out';

/** Whether an Authorization header names the signed-out placeholder user. */
export function isSignedOutAuthorization(header: string | undefined): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const given = atob(header.slice(6).trim());
  return given === SIGNED_OUT_USER || given.startsWith(`${SIGNED_OUT_USER}:`);
}
