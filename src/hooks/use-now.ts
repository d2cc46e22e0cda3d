import { useEffect, useState } from 'react';

/** The current time, refreshed every `periodMs`, for "5 s ago" labels and running durations. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return now;
}
