/**
 * Runs the triage engine for every configured cluster while the dashboard is open (mounted once by
 * the app shell), so the header badge, the home page, the triage page and notifications agree.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useNavigate, usePathname } from '@/app/router';
import { useDashboardSettings } from '@/api/dashboard/clusters';
import { PollFloor } from '@/api/polling';
import { FlinkCollector } from './collect/flink-collector';
import { SeaTunnelCollector } from './collect/seatunnel-collector';
import type { NotificationSpec } from './store/notify';
import { notificationsEnabled } from './store/preferences';
import { hydrateTriageStore, retainClusters } from './store/triage-store';

/** Shows browser notifications when the user opted in and the browser allows them. */
function useNotifier() {
  const navigate = useNavigate();
  return useCallback(
    (specs: NotificationSpec[]) => {
      if (specs.length === 0 || !notificationsEnabled()) return;
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      for (const spec of specs.slice(0, 5)) {
        const n = new Notification(spec.title, { body: spec.body, tag: spec.tag });
        n.onclick = () => {
          window.focus();
          navigate(spec.href);
          n.close();
        };
      }
    },
    [navigate],
  );
}

/**
 * Off the triage views (home and /triage) the monitor polls every cluster at most this often: the
 * header badge and notifications lag by up to this much, and a user watching one job page does
 * not pay for full triage of every cluster on every poll.
 */
export const BACKGROUND_POLL_MS = 60_000;
const TRIAGE_VIEWS = new Set(['/', '/triage']);

export function TriageMonitor() {
  const settings = useDashboardSettings();
  const notify = useNotifier();
  const clusters = useMemo(() => (settings.data?.clusters ?? []).filter((c) => c.monitored), [settings.data]);
  const triage = settings.data?.triage;
  const foreground = TRIAGE_VIEWS.has(usePathname());

  useEffect(() => {
    void hydrateTriageStore();
  }, []);
  useEffect(() => {
    if (settings.data) retainClusters(clusters.map((c) => c.id));
  }, [clusters, settings.data]);

  return (
    <PollFloor value={foreground ? 0 : BACKGROUND_POLL_MS}>
      {clusters.map((c) =>
        c.kind === 'flink' ? (
          <FlinkCollector key={c.id} cluster={c} triageConfig={triage} onNotify={notify} />
        ) : (
          <SeaTunnelCollector key={c.id} cluster={c} triageConfig={triage} onNotify={notify} />
        ),
      )}
    </PollFloor>
  );
}
