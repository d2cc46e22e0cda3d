/** Keyboard shortcuts: the list shown in the help overlay and a matcher for two-key sequences. Pure. */

export interface Shortcut {
  keys: string[];
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Ctrl', 'K'], description: 'Open the command palette (⌘K on macOS)' },
  { keys: ['g', 'o'], description: 'Go to the current cluster’s overview' },
  { keys: ['g', 'j'], description: 'Go to the current cluster’s jobs' },
  { keys: ['g', 't'], description: 'Go to task managers (SeaTunnel: nodes)' },
  { keys: ['g', 'h'], description: 'Go to all clusters (home)' },
  { keys: ['g', 'r'], description: 'Go to triage' },
  { keys: ['?'], description: 'Show this help' },
  { keys: ['Esc'], description: 'Close the palette or this help' },
];

export type SequenceTarget = 'overview' | 'jobs' | 'task-managers' | 'home' | 'triage';
const SECOND: Record<string, SequenceTarget> = {
  o: 'overview',
  j: 'jobs',
  t: 'task-managers',
  h: 'home',
  r: 'triage',
};

/** `g` then a second key within `windowMs`: returns the target for the second key, else undefined. */
export function createSequenceMatcher(windowMs = 1500) {
  let pendingAt: number | undefined;
  return (key: string, now: number): SequenceTarget | undefined => {
    if (pendingAt !== undefined && now - pendingAt <= windowMs) {
      pendingAt = undefined;
      return SECOND[key.toLowerCase()];
    }
    pendingAt = key === 'g' ? now : undefined;
    return undefined;
  };
}

/** Keys typed into a field are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}

/** Ctrl-K, or ⌘K on macOS. */
export function isPaletteKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}) {
  return e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}
