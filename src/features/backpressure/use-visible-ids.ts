import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Which rows are on (or near) the screen, so a job with 300 vertices only polls the ones a user
 * can see. `observe(id)` is a ref callback for the row of `id`. Without IntersectionObserver
 * (tests, old browsers) every row counts as visible (`visible` is undefined).
 */
export function useVisibleIds(): {
  visible: ReadonlySet<string> | undefined;
  observe: (id: string) => (el: Element | null) => void;
} {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [visible, setVisible] = useState<ReadonlySet<string>>(() => new Set());
  const observer = useRef<IntersectionObserver | null>(null);
  const callbacks = useRef(new Map<string, (el: Element | null) => void>());
  const elements = useRef(new Map<string, Element>());

  useEffect(() => {
    if (!supported) return;
    const io = new IntersectionObserver(
      (entries) => {
        setVisible((prev) => {
          let next: Set<string> | undefined;
          for (const e of entries) {
            const id = (e.target as HTMLElement).dataset.observeId;
            if (!id || e.isIntersecting === prev.has(id)) continue;
            next ??= new Set(prev);
            if (e.isIntersecting) next.add(id);
            else next.delete(id);
          }
          return next ?? prev;
        });
      },
      { rootMargin: '200px 0px' },
    );
    observer.current = io;
    for (const el of elements.current.values()) io.observe(el);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [supported]);

  const observe = useCallback((id: string) => {
    let cb = callbacks.current.get(id);
    if (!cb) {
      cb = (el: Element | null) => {
        const before = elements.current.get(id);
        if (before && before !== el) {
          observer.current?.unobserve(before);
          elements.current.delete(id);
        }
        if (el) {
          (el as HTMLElement).dataset.observeId = id;
          elements.current.set(id, el);
          observer.current?.observe(el);
        }
      };
      callbacks.current.set(id, cb);
    }
    return cb;
  }, []);

  return { visible: supported ? visible : undefined, observe };
}
