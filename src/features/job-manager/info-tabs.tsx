import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useJobManagerConfig, useJobManagerEnvironment } from '@/api/flink/queries';
import type { ConfigEntries, EnvironmentInfo } from '@/api/flink/schemas';
import { QueryState } from '@/components/query-state';
import { CopyButton } from '@/components/toast/copy-button';
import { groupByPrefix, isHidden, searchConfig, searchList } from './utils/config-search';

const SEARCH =
  'w-80 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900';

export function ConfigTab({ clusterId }: { clusterId: string }) {
  const config = useJobManagerConfig(clusterId);
  return (
    <QueryState query={config} skeletonRows={10}>
      {(entries) => <ConfigList entries={entries} />}
    </QueryState>
  );
}

function ConfigList({ entries }: { entries: ConfigEntries }) {
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);
  const groups = useMemo(() => groupByPrefix(searchConfig(entries, q)), [entries, q]);
  const shown = groups.reduce((n, g) => n + g.entries.length, 0);
  return (
    <div data-testid="jm-config">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search keys and values…"
          aria-label="Search the configuration"
          className={SEARCH}
        />
        <span className="text-xs text-slate-500" aria-live="polite" data-testid="jm-config-count">
          {shown === entries.length ? `${entries.length} settings` : `${shown} of ${entries.length} settings`}
        </span>
        <CopyButton
          className="ml-auto"
          label="Copy as YAML"
          text={() =>
            [...entries]
              .sort((a, b) => a.key.localeCompare(b.key))
              .map((e) => `${e.key}: ${e.value}`)
              .join('\n')
          }
        />
      </div>
      <p className="mb-3 text-xs text-slate-500">
        The effective configuration of the job manager: config.yaml plus dynamic properties. Flink replaces
        values of keys that look secret with ******.
      </p>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-slate-200 p-6 text-center text-sm text-slate-500 dark:border-slate-800">
          No setting matches.
        </p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full table-fixed text-sm">
            <colgroup>
              <col className="w-[38%]" />
              <col />
              <col className="w-16" />
            </colgroup>
            {groups.map((g) => (
              <tbody key={g.prefix}>
                <tr className="bg-slate-50 dark:bg-slate-800/60">
                  <th
                    colSpan={3}
                    scope="colgroup"
                    className="px-3 py-1 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500"
                  >
                    {g.prefix} <span className="font-normal">({g.entries.length})</span>
                  </th>
                </tr>
                {g.entries.map((e) => (
                  <tr
                    key={e.key}
                    className="border-t border-slate-100 align-top dark:border-slate-800"
                    data-testid="config-row"
                  >
                    <td className="break-all px-3 py-1.5 font-mono text-xs">{e.key}</td>
                    <td
                      className={`break-all px-3 py-1.5 font-mono text-xs ${isHidden(e.value) ? 'text-slate-400' : ''}`}
                    >
                      {e.value}
                    </td>
                    <td className="px-2 py-1 text-right">
                      <CopyButton text={e.value} compact ariaLabel={`Copy the value of ${e.key}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

export function EnvironmentTab({ clusterId }: { clusterId: string }) {
  const env = useJobManagerEnvironment(clusterId);
  return <QueryState query={env}>{(data) => <Environment env={data} />}</QueryState>;
}

function Environment({ env }: { env: EnvironmentInfo }) {
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);
  const options = useMemo(() => searchList(env.jvm.options, q), [env, q]);
  const classpath = useMemo(() => searchList(env.classpath, q), [env, q]);
  return (
    <div className="space-y-4" data-testid="jm-environment">
      <dl className="grid gap-3 sm:grid-cols-2">
        <Fact label="JVM">{env.jvm.version}</Fact>
        <Fact label="Architecture">{env.jvm.arch}</Fact>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search options and classpath…"
          aria-label="Search JVM options and classpath"
          className={SEARCH}
        />
      </div>
      <ListCard title="JVM options" total={env.jvm.options.length} items={options} testId="jvm-options" />
      <ListCard title="Classpath" total={env.classpath.length} items={classpath} testId="classpath" />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 break-words font-mono text-sm">{children}</dd>
    </div>
  );
}

function ListCard({
  title,
  total,
  items,
  testId,
}: {
  title: string;
  total: number;
  items: string[];
  testId: string;
}) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      aria-label={title}
      data-testid={testId}
    >
      <h3 className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm font-semibold dark:border-slate-800">
        {title}
        <span className="font-normal text-slate-500">
          {items.length === total ? `(${total})` : `(${items.length} of ${total})`}
        </span>
        <CopyButton className="ml-auto" text={items.join('\n')} label="Copy" ariaLabel={`Copy ${title}`} />
      </h3>
      {items.length === 0 ? (
        <p className="px-3 py-3 text-sm text-slate-500">{total === 0 ? 'None.' : 'Nothing matches.'}</p>
      ) : (
        <ol className="max-h-96 overflow-y-auto py-1">
          {items.map((item, i) => (
            <li
              key={`${i}:${item}`}
              className="flex gap-3 px-3 py-0.5 font-mono text-xs hover:bg-slate-50 dark:hover:bg-slate-800/60"
            >
              <span className="w-8 shrink-0 select-none text-right text-slate-400">{i + 1}</span>
              <span className="break-all">{item}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
