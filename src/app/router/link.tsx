import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { hrefTo, type PathParams } from './href';
import { useNavigate, useRawUrl, type NavigateOptions } from './hooks';
import type { AppRoute } from './routes';

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>;

/** Params are required exactly when the route's path has some. */
type ParamsProp<TPath extends string> = keyof PathParams<TPath> extends never
  ? { params?: undefined }
  : { params: PathParams<TPath> };

type LinkProps<TPath extends string, TSearch> = AnchorProps &
  ParamsProp<TPath> &
  NavigateOptions & {
    to: AppRoute<TPath, TSearch>;
    search?: TSearch;
    /** Active only on this very path; otherwise also on the pages below it (Jobs on a job page). */
    exact?: boolean;
    activeClassName?: string;
    inactiveClassName?: string;
  };

const withoutTrailingSlash = (path: string) => path.replace(/(.)\/$/, '$1');

/** Whether the current path is the link's (or below it): marks the current item of a nav or tab bar. */
function useIsActive(path: string, exact: boolean): boolean {
  const current = withoutTrailingSlash(useRawUrl().path);
  if (exact || path === '/') return current === path;
  return current === path || current.startsWith(`${path}/`);
}

/**
 * A link to a route: a real `<a href>` (open in a new tab works) that navigates inside the app on a
 * plain left click. The current one gets `aria-current="page"` and the active class.
 */
export function Link<TPath extends string, TSearch>(props: LinkProps<TPath, TSearch>) {
  const { to, params, search, replace, exact = false, activeClassName, inactiveClassName, ...anchor } = props;
  const href = hrefTo(to, (params ?? {}) as PathParams<TPath>, search);
  const active = useIsActive(href.split('?')[0] ?? href, exact);
  const onClick = useAppNavigationClick(href, { replace }, anchor.onClick);
  const className = [anchor.className, active ? activeClassName : inactiveClassName]
    .filter(Boolean)
    .join(' ');
  return (
    <a
      {...anchor}
      href={href}
      onClick={onClick}
      className={className || undefined}
      aria-current={active ? 'page' : anchor['aria-current']}
    />
  );
}

/** A click handler for an app link: modified, middle and right clicks are left to the browser. */
export function useAppNavigationClick(
  href: string,
  options: NavigateOptions = {},
  onClick?: (e: MouseEvent<HTMLAnchorElement>) => void,
) {
  const navigate = useNavigate();
  return (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (e.currentTarget.target && e.currentTarget.target !== '_self') return;
    e.preventDefault();
    navigate(href, options);
  };
}
