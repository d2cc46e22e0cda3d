import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is on (or near) the screen, so a page with many cards draws only the charts
 * a user can see. Without IntersectionObserver (tests, old browsers) it is always in view.
 */
export function useInView(ref: RefObject<Element | null>, rootMargin = '300px 0px'): boolean {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [inView, setInView] = useState(!supported);
  useEffect(() => {
    const el = ref.current;
    if (!supported || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { rootMargin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [ref, rootMargin, supported]);
  return inView;
}
