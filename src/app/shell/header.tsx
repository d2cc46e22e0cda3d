import { useClusterInfo } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import { homeRoute, Link } from '../router';
import { ClusterSwitcher } from './cluster-switcher';
import { ConnectionIndicator } from './connection-indicator';
import { PollIntervalPicker } from './poll-interval-picker';
import { PreferenceToggles } from './preference-toggles';
import { HeaderExtras } from './shell-extras';
import { WhoAmI } from './who-am-i';

export function Header() {
  const clusterId = useOptionalClusterId();
  // An id no cluster has is never connected: the page says so, the header says nothing.
  const known = useClusterInfo(clusterId ?? '') !== undefined;
  return (
    <header className="sticky top-0 z-30 flex h-12 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <Link
        to={homeRoute}
        className="flex items-center gap-2 font-semibold tracking-tight"
        aria-label="streamdash home"
      >
        <span className="grid h-6 w-6 place-items-center rounded bg-sky-600 text-xs font-bold text-white">
          sd
        </span>
        <span className="hidden sm:inline">streamdash</span>
      </Link>
      <ClusterSwitcher />
      {clusterId && known ? <ConnectionIndicator clusterId={clusterId} /> : null}
      <div className="ml-auto flex items-center gap-2">
        <HeaderExtras />
        <WhoAmI />
        <PollIntervalPicker />
        <PreferenceToggles />
      </div>
    </header>
  );
}
