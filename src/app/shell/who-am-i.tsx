import { signOut, useMe } from '@/api/dashboard/access';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import { roleLabel } from '@/lib/role-label';

/** Who the dashboard thinks you are and what you may do here; sign out for basic auth. */
export function WhoAmI() {
  const me = useMe().data;
  const clusterId = useOptionalClusterId();
  if (!me) return null;
  const role = roleLabel(me, clusterId);
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="who-am-i">
      <span title={me.groups.length ? `groups: ${me.groups.join(', ')}` : undefined}>
        {me.user ?? 'anonymous'}
      </span>
      <span
        className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200"
        title={role.title}
        data-testid="who-am-i-role"
      >
        {role.text}
      </span>
      {me.via === 'basic' ? (
        <button
          type="button"
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          onClick={signOut}
        >
          Sign out
        </button>
      ) : null}
    </div>
  );
}
