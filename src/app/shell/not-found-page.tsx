import { homeRoute, Link, usePathname } from '../router';

export function NotFoundPage() {
  const path = usePathname();
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p className="text-5xl font-bold text-slate-300 dark:text-slate-700">404</p>
      <h1 className="mt-2 text-xl font-semibold">There is no page at this address</h1>
      <p className="mt-2 break-all font-mono text-sm text-slate-500">{path}</p>
      <Link
        to={homeRoute}
        className="mt-6 inline-block rounded bg-sky-700 px-4 py-2 text-white hover:bg-sky-800"
      >
        Go to all clusters
      </Link>
    </div>
  );
}
