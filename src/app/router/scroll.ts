import type { AroundNavHandler } from 'wouter';

/**
 * A new page starts at the top, as after a full page load; a change of search params only (a
 * filter, a selected vertex) keeps the reader where they are. Back and forward are left to the
 * browser's own scroll restoration.
 */
export const scrollToTopOnNewPage: AroundNavHandler = (navigate, to, options) => {
  const before = window.location.pathname;
  navigate(to, options);
  if (window.location.pathname !== before) window.scrollTo(0, 0);
};
