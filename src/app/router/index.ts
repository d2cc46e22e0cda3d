/*
 * The app's routing, a thin typed layer over wouter: routes with validated search params
 * (routes.ts), hrefs built from a route and its params (href.ts), hooks to read and change the
 * URL (hooks.ts) and a Link (link.tsx). The route table itself is routes/route-tree.tsx.
 */
export * from './routes';
export { hrefTo } from './href';
export {
  useNavigate,
  useNavigateSearch,
  useOptionalRouteParams,
  usePathname,
  useRawUrl,
  useRouteParams,
  useRouteSearch,
} from './hooks';
export { Link, useAppNavigationClick } from './link';
