// TEMPORARY until src/components/tabs.tsx exists: replace with the shared Tabs.
import type { ReactNode } from 'react';

export function PanelTabs<T extends string>({
  tabs,
  active,
  onChange,
  children,
}: {
  tabs: readonly { id: T; label: string }[];
  active: T;
  onChange: (id: T) => void;
  children: ReactNode;
}) {
  return (
    <>
      <div role="tablist" className="flex gap-1 border-b border-slate-200 px-2 dark:border-slate-800">
        {tabs.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={t.id === active} onClick={() => onChange(t.id)} className="px-2 py-1.5 text-sm">
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="flex min-h-0 flex-1 flex-col">{children}</div>
    </>
  );
}
