import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Runs `run` after `key` changed, once per burst of changes: `ms` after the first change, with
 * whatever is current then. A cluster's answers arrive one by one (a dozen queries per job), and
 * evaluating every rule over 5,000 jobs after each of them kept the page busy.
 */
export function useCoalescedRun(run: () => void, key: string, ms: number) {
  const onRun = useEffectEvent(run);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      onRun();
    }, ms);
  }, [key, ms]);
  useEffect(
    () => () => {
      clearTimeout(pending.current);
      pending.current = undefined;
    },
    [],
  );
}
