/**
 * Tabs: an accessible tab list (arrow keys, Home/End) bound to a value, so pages can keep the
 * active tab in the URL. `children` is the panel of the active tab.
 *
 *   <Tabs label="Job" value={search.tab} onChange={(tab) => navigate({ search: { tab } })}
 *     tabs={[{ value: 'overview', label: 'Overview' }, { value: 'exceptions', label: 'Exceptions', count: 3 }]}>
 *     {search.tab === 'overview' ? <Overview /> : <Exceptions />}
 *   </Tabs>
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<V extends string> {
  value: V;
  label: ReactNode;
  /** A small number after the label, e.g. the count of exceptions. */
  count?: number;
  disabled?: boolean;
}

export interface TabsProps<V extends string> {
  tabs: readonly TabItem<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Accessible name of the tab list. */
  label: string;
  children?: ReactNode;
  className?: string;
}

export function Tabs<V extends string>({
  tabs,
  value,
  onChange,
  label,
  children,
  className = '',
}: TabsProps<V>) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const enabled = tabs.filter((t) => !t.disabled);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = enabled.findIndex((t) => t.value === value);
    const next =
      e.key === 'ArrowRight'
        ? enabled[(i + 1) % enabled.length]
        : e.key === 'ArrowLeft'
          ? enabled[(i - 1 + enabled.length) % enabled.length]
          : e.key === 'Home'
            ? enabled[0]
            : e.key === 'End'
              ? enabled[enabled.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onChange(next.value);
    refs.current.get(next.value)?.focus();
  };

  return (
    <div className={className}>
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
      >
        {tabs.map((t) => {
          const selected = t.value === value;
          return (
            <button
              key={t.value}
              ref={(el) => {
                if (el) refs.current.set(t.value, el);
                else refs.current.delete(t.value);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.value}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              tabIndex={selected ? 0 : -1}
              disabled={t.disabled}
              onClick={() => onChange(t.value)}
              className={`-mb-px flex shrink-0 items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-40 ${
                selected
                  ? 'border-sky-600 font-medium text-slate-950 dark:border-sky-400 dark:text-white'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100'
              }`}
            >
              {t.label}
              {t.count !== undefined ? (
                <span className="rounded-full bg-slate-200 px-1.5 text-[11px] font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  {t.count}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {children !== undefined ? (
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${value}`} className="pt-4">
          {children}
        </div>
      ) : null}
    </div>
  );
}
