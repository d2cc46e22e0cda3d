import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatBytes, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { TimeAgo } from '@/components/time-ago';
import { TruncatedText } from '@/components/truncated-text';

export interface LogFileInfo {
  name: string;
  size: number;
  mtime?: number | undefined;
}

export const ITEM =
  'block w-full rounded px-2 py-1.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 aria-[current=true]:bg-sky-100 aria-[current=true]:text-sky-950 dark:aria-[current=true]:bg-sky-900/60 dark:aria-[current=true]:text-sky-50';

/** Two lines of text-xs with py-1.5, plus the gap between items. */
const ROW_HEIGHT = 48;
const LIST_HEIGHT = 320;

/**
 * Every file of a process's `/logs`, newest first. Virtualised: a process may list thousands of
 * rotated files, and each row's "changed … ago" ticks every second.
 */
export function LogFileList({
  files,
  selected,
  onSelect,
  timeZone,
}: {
  files: readonly LogFileInfo[];
  selected: string;
  onSelect: (file: string) => void;
  timeZone: TimeZoneChoice;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so its warning about useVirtualizer does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: files.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 0, height: LIST_HEIGHT },
  });
  return (
    <div
      ref={scrollRef}
      className="max-h-80 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 lg:max-h-[calc(100vh-420px)] dark:border-slate-800 dark:bg-slate-900"
    >
      <ul
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
        data-testid="log-file-list"
        aria-label={`${files.length} log files`}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const f = files[row.index];
          if (!f) return null;
          return (
            <li key={f.name} className="absolute inset-x-0" style={{ top: row.start, height: ROW_HEIGHT }}>
              <button
                type="button"
                className={ITEM}
                aria-current={selected === f.name}
                onClick={() => onSelect(f.name)}
              >
                {/* `…-taskmanager-1.log` and `.out` differ only at the end: keep it visible */}
                <TruncatedText text={f.name} keepEnd={16} className="font-mono" />
                <span className="block text-[11px] text-slate-500">
                  {formatBytes(f.size)}
                  {f.mtime ? (
                    <span title={formatTimestamp(f.mtime, timeZone)}>
                      {' '}
                      · changed <TimeAgo at={f.mtime} />
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
