import { useEffect, useEffectEvent, useMemo } from 'react';
import { useDashboardSettings } from '@/api/dashboard/clusters';
import { homeRoute, hrefTo, triageRoute, useNavigate } from '@/app/router';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import { setOverlay, toggleOverlay } from './palette-store';
import { createSequenceMatcher, isPaletteKey, isTypingTarget, type SequenceTarget } from './shortcuts';

/** The global key handler: Ctrl/⌘-K, `?`, and `g` sequences (not while typing into a field). */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const { data } = useDashboardSettings();
  const currentId = useOptionalClusterId();
  const match = useMemo(() => createSequenceMatcher(), []);

  const go = (target: SequenceTarget) => {
    if (target === 'home') return navigate(hrefTo(homeRoute, {}));
    if (target === 'triage') return navigate(hrefTo(triageRoute, {}));
    const clusters = data?.clusters ?? [];
    const cluster = clusters.find((c) => c.id === currentId) ?? clusters[0];
    if (!cluster) return;
    const view = target === 'task-managers' && cluster.kind === 'seatunnel' ? 'nodes' : target;
    navigate(`/clusters/${encodeURIComponent(cluster.id)}/${view}`);
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (isPaletteKey(e)) {
      e.preventDefault();
      toggleOverlay('palette');
      return;
    }
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
    // Another dialog (confirmation, palette) has the keyboard.
    if (document.querySelector('dialog[open]')) return;
    if (e.key === '?') {
      e.preventDefault();
      setOverlay('help');
      return;
    }
    const target = match(e.key, Date.now());
    if (target) {
      e.preventDefault();
      go(target);
    }
  });

  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);
  return null;
}
