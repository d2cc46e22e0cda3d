import { Link, taskManagerRoute } from '@/app/router';
import type { TaskManager } from '@/api/flink/schemas';
import type { Column } from '@/components/data-table';
import { useNow } from '@/hooks/use-now';
import { formatAgo, formatBytes } from '@/lib/format';
import { heartbeatAge, LATE_HEARTBEAT_MS } from './utils/tm-list';

function SlotBar({ used, total }: { used: number; total: number }) {
  const share = total > 0 ? used / total : 0;
  return (
    <span className="flex items-center justify-end gap-2" title={`${used} of ${total} slots in use`}>
      <span className="tabular-nums">
        {used}/{total}
      </span>
      <span aria-hidden className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <span
          className={`block h-full ${share >= 1 ? 'bg-amber-500' : 'bg-sky-500'}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </span>
    </span>
  );
}

/** "3 s ago", ticking: only this cell re-renders every second, not the whole list. */
function HeartbeatAge({ value }: { value: number }) {
  const now = useNow(1000);
  const age = heartbeatAge(value, now);
  const late = age !== undefined && age > LATE_HEARTBEAT_MS;
  return (
    <span className={`tabular-nums ${late ? 'font-semibold text-amber-700 dark:text-amber-400' : ''}`}>
      {age === undefined ? '—' : formatAgo(now - age, now)}
    </span>
  );
}

/** Columns of the task manager list; ids match `SORTABLE` (the URL's `sort`). */
export function taskManagerColumns(clusterId: string): Column<TaskManager>[] {
  return [
    {
      id: 'id',
      header: 'Task manager',
      sortValue: (tm) => tm.id,
      cell: (tm) => (
        <div className="min-w-0 leading-tight">
          <div className="flex min-w-0 items-center gap-1.5">
            <Link
              to={taskManagerRoute}
              params={{ clusterId, taskManagerId: tm.id }}
              onClick={(e) => e.stopPropagation()}
              className="truncate font-mono text-[13px] font-medium text-sky-700 hover:underline dark:text-sky-400"
              title={tm.id}
              data-testid="tm-link"
            >
              {tm.id}
            </Link>
            {tm.blocked ? (
              <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-900 dark:bg-red-900/60 dark:text-red-100">
                BLOCKED
              </span>
            ) : null}
          </div>
          <div className="truncate font-mono text-[11px] text-slate-500" title={tm.path}>
            {tm.path}
          </div>
        </div>
      ),
    },
    {
      id: 'dataPort',
      header: 'Data port',
      width: 116,
      align: 'right',
      sortValue: (tm) => tm.dataPort,
      cell: (tm) => <span className="tabular-nums">{tm.dataPort}</span>,
    },
    {
      id: 'heartbeat',
      header: 'Heartbeat',
      width: 110,
      align: 'right',
      descFirst: true,
      title: 'Time since the last heartbeat the job manager received',
      // The order by age is the same whenever it is taken: no need to re-sort as time passes.
      sortValue: (tm) => heartbeatAge(tm.timeSinceLastHeartbeat, Date.now()),
      cell: (tm) => <HeartbeatAge value={tm.timeSinceLastHeartbeat} />,
    },
    {
      id: 'slots',
      header: 'Slots used',
      width: 130,
      align: 'right',
      descFirst: true,
      sortValue: (tm) => tm.slotsNumber - tm.freeSlots,
      cell: (tm) => <SlotBar used={tm.slotsNumber - tm.freeSlots} total={tm.slotsNumber} />,
    },
    {
      id: 'freeSlots',
      header: 'Free',
      width: 76,
      title: 'Free slots',
      align: 'right',
      descFirst: true,
      sortValue: (tm) => tm.freeSlots,
      cell: (tm) => (
        <span
          className={`tabular-nums ${tm.freeSlots === 0 ? 'text-slate-400' : ''}`}
          data-testid="tm-free-slots"
        >
          {tm.freeSlots}
        </span>
      ),
    },
    {
      id: 'cpuCores',
      header: 'Cores',
      width: 80,
      align: 'right',
      descFirst: true,
      title: 'Cores of the machine or container (hardware.cpuCores)',
      sortValue: (tm) => tm.hardware.cpuCores,
      cell: (tm) => <span className="tabular-nums">{tm.hardware.cpuCores}</span>,
    },
    {
      id: 'physicalMemory',
      header: 'Memory',
      width: 108,
      align: 'right',
      descFirst: true,
      title: 'Memory of the machine or container (hardware.physicalMemory)',
      sortValue: (tm) => tm.hardware.physicalMemory,
      cell: (tm) => <span className="tabular-nums">{formatBytes(tm.hardware.physicalMemory)}</span>,
    },
    {
      id: 'heap',
      header: 'JVM heap',
      width: 100,
      align: 'right',
      descFirst: true,
      title: 'Maximum JVM heap. Flink reports it as hardware.freeMemory, despite the name.',
      sortValue: (tm) => tm.hardware.freeMemory,
      cell: (tm) => <span className="tabular-nums">{formatBytes(tm.hardware.freeMemory)}</span>,
    },
    {
      id: 'managedMemory',
      header: 'Managed',
      width: 100,
      align: 'right',
      descFirst: true,
      title: 'Flink managed memory (hardware.managedMemory)',
      sortValue: (tm) => tm.hardware.managedMemory,
      cell: (tm) => <span className="tabular-nums">{formatBytes(tm.hardware.managedMemory)}</span>,
    },
  ];
}
