import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { Card, Facts, Note, Section } from './parts';

/** What the job was started with: env options, plugin jars, whether it came from a savepoint. */
export function JobConfiguration({ job }: { job: SeaTunnelJob }) {
  const env = Object.entries(job.envOptions);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title={`Env options (${env.length})`} testId="env-options">
        {env.length === 0 ? (
          <Note>
            The engine lists env options for jobs in its running map only; this job’s record carries none.
          </Note>
        ) : (
          <Card>
            <Facts
              items={env.map(([k, v]) => ({
                label: <span className="font-mono text-xs">{k}</span>,
                value: <span className="font-mono text-xs">{v}</span>,
              }))}
            />
          </Card>
        )}
      </Section>
      <Section title={`Plugin jars (${job.pluginJars.length})`} testId="plugin-jars">
        {job.pluginJars.length === 0 ? (
          <Note>None listed (finished jobs’ records do not keep their jars).</Note>
        ) : (
          <Card>
            <ul className="space-y-1 font-mono text-xs">
              {job.pluginJars.map((jar) => (
                <li key={jar} className="break-all">
                  {jar}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Section>
      <Section title="Start">
        <Card>
          <Facts
            items={[
              {
                label: 'Started from a savepoint',
                value:
                  job.isStartWithSavePoint === null
                    ? 'not reported for this job'
                    : job.isStartWithSavePoint
                      ? 'yes'
                      : 'no',
                id: 'config-savepoint',
              },
              { label: 'Vertices', value: String(job.dag.vertices.length) },
              {
                label: 'Tables',
                value: job.metrics.tables.length ? job.metrics.tables.map((t) => t.table).join(', ') : '—',
              },
            ]}
          />
        </Card>
      </Section>
    </div>
  );
}
