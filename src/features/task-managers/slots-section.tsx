import { jobRoute, Link } from '@/app/router';
import { useJobsOverview } from '@/api/flink/queries';
import type { TaskManagerDetails } from '@/api/flink/schemas';
import { StateBadge } from '@/components/state-badge';
import { jobsInSlots, slotCells } from './utils/slots';

/** Distinct, readable in both themes; a job keeps its colour in the grid and the table. */
const TONES = [
  'bg-sky-500',
  'bg-emerald-500',
  'bg-amber-500',
  'bg-violet-500',
  'bg-rose-500',
  'bg-teal-500',
  'bg-orange-500',
  'bg-indigo-500',
];
const toneOf = (i: number | undefined) =>
  i === undefined
    ? 'border border-dashed border-slate-300 dark:border-slate-600'
    : i < 0
      ? 'bg-slate-400'
      : (TONES[i % TONES.length] as string);

const MB = (n: number) => (n > 0 ? `${n.toLocaleString('en')} MB` : '—');

/** The task manager's slots as a picture (one square per slot, coloured by job) and the jobs in them. */
export function SlotsSection({ clusterId, tm }: { clusterId: string; tm: TaskManagerDetails }) {
  const jobs = useJobsOverview(clusterId);
  const inSlots = jobsInSlots(tm, jobs.data?.jobs);
  const cells = slotCells(tm, inSlots);
  const used = tm.slotsNumber - tm.freeSlots;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="tm-slots-section"
      aria-label="Slots and jobs"
    >
      <h2 className="text-sm font-semibold">
        Slots{' '}
        <span className="font-normal text-slate-500">
          · {used} of {tm.slotsNumber} in use
        </span>
      </h2>
      <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Slots" data-testid="slot-grid">
        {cells.map((c, i) => {
          const job = c.jobId ? inSlots.find((j) => j.jobId === c.jobId) : undefined;
          const label = c.jobId
            ? `Slot ${i + 1}: ${job?.name ?? c.jobId}`
            : c.tone === -1
              ? `Slot ${i + 1}: in use`
              : `Slot ${i + 1}: free`;
          return (
            <li
              key={i}
              title={label}
              aria-label={label}
              data-testid={c.jobId || c.tone === -1 ? 'slot-used' : 'slot-free'}
              className={`h-7 w-7 rounded ${toneOf(c.tone)}`}
            />
          );
        })}
      </ul>
      {tm.allocatedSlots === undefined ? (
        <p className="mt-3 text-xs text-slate-500">
          This Flink version does not say which job uses which slot.
        </p>
      ) : inSlots.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No job runs on this task manager.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm" data-testid="tm-jobs">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1.5 pr-3 font-medium">Job</th>
                <th className="py-1.5 pr-3 font-medium">State</th>
                <th className="py-1.5 pr-3 text-right font-medium">Slots</th>
                <th className="py-1.5 pr-3 text-right font-medium">CPU</th>
                <th className="py-1.5 pr-3 text-right font-medium">Task heap</th>
                <th className="py-1.5 pr-3 text-right font-medium">Managed</th>
                <th className="py-1.5 text-right font-medium">Network</th>
              </tr>
            </thead>
            <tbody>
              {inSlots.map((j) => (
                <tr
                  key={j.jobId}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-testid="tm-job-row"
                >
                  <td className="max-w-md py-1.5 pr-3">
                    <span className="flex min-w-0 items-center gap-2">
                      <span aria-hidden className={`h-3 w-3 shrink-0 rounded-sm ${toneOf(j.tone)}`} />
                      <Link
                        to={jobRoute}
                        params={{ clusterId, jobId: j.jobId }}
                        className="truncate text-sky-700 hover:underline dark:text-sky-400"
                        title={j.jobId}
                      >
                        {j.name ?? j.jobId}
                      </Link>
                    </span>
                  </td>
                  <td className="py-1.5 pr-3">
                    {j.state ? <StateBadge state={j.state} /> : <span className="text-slate-500">—</span>}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{j.slots}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{j.cpuCores || '—'}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{MB(j.taskHeapMemory)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{MB(j.managedMemory)}</td>
                  <td className="py-1.5 text-right tabular-nums">{MB(j.networkMemory)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Slot resources as Flink reports them (resource profiles, in MB).
          </p>
        </div>
      )}
    </section>
  );
}
