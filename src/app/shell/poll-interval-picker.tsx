import { POLL_CHOICES, usePollSetting, writePollSetting, type PollSetting } from '@/api/polling';

const label = (s: PollSetting) => (s === 'auto' ? 'Auto' : s === 'off' ? 'Off' : `${s / 1000} s`);

/** The user's override of the refresh period, remembered across visits. */
export function PollIntervalPicker() {
  const setting = usePollSetting();
  return (
    <label
      className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400"
      title="Refresh period"
    >
      <span className="hidden lg:inline">Refresh</span>
      <select
        data-testid="poll-interval"
        value={String(setting)}
        onChange={(e) => {
          const v = e.target.value;
          writePollSetting(v === 'auto' || v === 'off' ? v : Number(v));
        }}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-800"
      >
        {POLL_CHOICES.map((c) => (
          <option key={String(c)} value={String(c)}>
            {label(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
