import { AppRoutes } from './routes/route-tree';
import { AppShell } from './shell/app-shell';
import { RouteErrorBoundary } from './shell/route-error-boundary';

/** The whole app inside a router (the browser's in main.tsx, a memory one in tests). */
export function App() {
  return (
    <RouteErrorBoundary>
      <AppShell>
        <AppRoutes />
      </AppShell>
    </RouteErrorBoundary>
  );
}
