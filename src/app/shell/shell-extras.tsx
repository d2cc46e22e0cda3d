/**
 * What the triage and command-palette features add to the shell, loaded after the first paint
 * (none of it is needed to show the first page): the triage monitor (polls every cluster for the
 * badge, the home page and notifications), the palette with its shortcuts and help, and the
 * header controls (palette button, triage badge, notifications toggle).
 */
import { lazy, Suspense } from 'react';

const TriageMonitor = lazy(() =>
  import('@/features/triage/monitor').then((m) => ({ default: m.TriageMonitor })),
);
const PaletteOverlays = lazy(() =>
  import('@/features/command-palette').then((m) => ({ default: m.PaletteOverlays })),
);
const PaletteButton = lazy(() =>
  import('@/features/command-palette').then((m) => ({ default: m.PaletteButton })),
);
const TriageBadge = lazy(() =>
  import('@/features/triage/header-badge').then((m) => ({ default: m.TriageBadge })),
);
const NotificationsToggle = lazy(() =>
  import('@/features/triage/components/notifications-toggle').then((m) => ({
    default: m.NotificationsToggle,
  })),
);

/** Mounted once in the app shell. */
export function ShellExtras() {
  return (
    <>
      <Suspense fallback={null}>
        <TriageMonitor />
      </Suspense>
      <Suspense fallback={null}>
        <PaletteOverlays />
      </Suspense>
    </>
  );
}

/** Mounted in the header's right-hand group. */
export function HeaderExtras() {
  return (
    <Suspense fallback={null}>
      <PaletteButton />
      <TriageBadge />
      <NotificationsToggle compact />
    </Suspense>
  );
}
