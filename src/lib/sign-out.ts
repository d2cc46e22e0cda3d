/** The sign-out page; the server turns the browser's cached password away once (server/sign-out.ts). */
export const SIGN_OUT_PATH = '/api/sign-out';
