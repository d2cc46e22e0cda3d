import { useEffect, useState, type RefObject } from 'react';
import type { OnScreen } from './utils/polled-vertices';

/**
 * Ids of the elements (`[attr]` inside the given containers) that are on screen: inside their
 * container's box and inside the window. Measured every second, cheap even for 300 graph nodes.
 */
export function useOnScreenIds(
  containers: readonly RefObject<HTMLElement | null>[],
  attr: string,
  periodMs = 1000,
): OnScreen {
  const [ids, setIds] = useState<OnScreen>('pending');
  useEffect(() => {
    const dataKey = attr.replace(/^data-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const measure = () => {
      const next = new Set<string>();
      let measurable = false;
      for (const ref of containers) {
        const el = ref.current;
        if (!el) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        measurable = true;
        const left = Math.max(box.left, 0);
        const top = Math.max(box.top, 0);
        const right = Math.min(box.right, window.innerWidth);
        const bottom = Math.min(box.bottom, window.innerHeight);
        if (right <= left || bottom <= top) continue;
        el.querySelectorAll<HTMLElement>(`[${attr}]`).forEach((node) => {
          const r = node.getBoundingClientRect();
          const id = node.dataset[dataKey];
          if (id && r.right > left && r.left < right && r.bottom > top && r.top < bottom) next.add(id);
        });
      }
      setIds((prev) =>
        !measurable ? 'unmeasurable' : typeof prev !== 'string' && sameSet(prev, next) ? prev : next,
      );
    };
    measure();
    const timer = setInterval(measure, periodMs);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        measure();
      }, 150);
    };
    // Scrolling, and elements appearing (the lazily loaded graph, a re-rendered table), re-measure soon.
    window.addEventListener('scroll', soon, { passive: true });
    const observer = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(soon);
    for (const ref of containers)
      if (ref.current) observer?.observe(ref.current, { childList: true, subtree: true });
    return () => {
      clearInterval(timer);
      clearTimeout(pending);
      observer?.disconnect();
      window.removeEventListener('scroll', soon);
    };
  }, [containers, attr, periodMs]);
  return ids;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
