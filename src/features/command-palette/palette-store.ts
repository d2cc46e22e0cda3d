/** Whether the palette or the shortcut help is open, shared by the header button and the overlay. */
import { useSyncExternalStore } from 'react';

export type Overlay = 'palette' | 'help' | null;

let open: Overlay = null;
const listeners = new Set<() => void>();

export function setOverlay(next: Overlay) {
  if (open === next) return;
  open = next;
  listeners.forEach((l) => l());
}

export function toggleOverlay(which: Exclude<Overlay, null>) {
  setOverlay(open === which ? null : which);
}

export function useOverlay(): Overlay {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
    () => null,
  );
}
