// Builds the jobDag the engine reports: vertex names carry the pipeline and
// the action name ("pipeline-1 [Source[0]-FakeSource]"), and multi-table
// sinks are wrapped ("Sink[0]-jdbc-MultiTableSink").
import type { DagEdge, DagVertex, JobDag, JobSpec } from './job-model.ts';
import { JsonObject, obj, type Json } from './json-text.ts';
import { javaHashMapOrder } from './java-compat.ts';

/** The sink action name uses the sink's own plugin name, which is not always the factory id. */
const SINK_ACTION_NAMES: Record<string, string> = {
  Console: 'console',
  Jdbc: 'jdbc',
  Kafka: 'Kafka',
  LocalFile: 'LocalFile',
  Doris: 'Doris',
  StarRocks: 'StarRocks',
  Assert: 'Assert',
};

export function buildDag(spec: JobSpec): JobDag {
  const vertices: DagVertex[] = [];
  const edges: DagEdge[] = [];
  const pipeline = 1;
  const name = (action: string): string => `pipeline-${pipeline} [${action}]`;
  let next = 1;
  const sourceIds = spec.sources.map((s, i) => {
    vertices.push({
      vertexId: next,
      type: 'source',
      vertexName: name(`Source[${i}]-${s.name}`),
      tablePaths: [...s.tables],
    });
    return next++;
  });
  let upstream = sourceIds;
  if (spec.transforms.length > 0) {
    // Zeta chains consecutive transforms into one TransformChain action.
    const chain = spec.transforms.map((t, i) => `Transform[${i}]-${t.name.toLowerCase()}`).join(', ');
    const tables = [...new Set(spec.transforms.flatMap((t) => t.tables))];
    vertices.push({
      vertexId: next,
      type: 'transform',
      vertexName: name(`TransformChain[${chain}]`),
      tablePaths: tables,
    });
    for (const u of upstream) edges.push({ pipelineId: pipeline, inputVertexId: u, targetVertexId: next });
    upstream = [next++];
  }
  spec.sinks.forEach((s, i) => {
    const action = SINK_ACTION_NAMES[s.name] ?? s.name;
    vertices.push({
      vertexId: next,
      type: 'sink',
      vertexName: name(`Sink[${i}]-${action}-MultiTableSink`),
      tablePaths: [...s.tables],
    });
    for (const u of upstream) edges.push({ pipelineId: pipeline, inputVertexId: u, targetVertexId: next });
    next++;
  });
  return { vertices, edges };
}

/** JobDAGInfo#toJsonObject: jobId, pipelineEdges, envOptions, vertexInfoMap, in that order. */
export function dagToJson(jobId: string, dag: JobDag, env: Array<[string, string]>): JsonObject {
  const edgesByPipeline = new Map<number, DagEdge[]>();
  for (const e of dag.edges)
    edgesByPipeline.set(e.pipelineId, [...(edgesByPipeline.get(e.pipelineId) ?? []), e]);
  const pipelineEdges = obj(
    [...edgesByPipeline.entries()].map(([pid, list]): [string, Json] => [
      String(pid),
      list.map((e) =>
        obj([
          ['inputVertexId', String(e.inputVertexId)],
          ['targetVertexId', String(e.targetVertexId)],
        ]),
      ),
    ]),
  );
  return obj([
    ['jobId', jobId],
    ['pipelineEdges', pipelineEdges],
    ['envOptions', envToJson(env)],
    [
      'vertexInfoMap',
      dag.vertices.map((v) =>
        obj([
          ['vertexId', v.vertexId],
          ['type', v.type],
          ['vertexName', v.vertexName],
          ['tablePaths', [...v.tablePaths]],
        ]),
      ),
    ],
  ]);
}

/**
 * Env options, every value printed with toString(). Order fitted to a recorded
 * engine: job.mode first, the rest grouped by first path segment in HashMap
 * order (Typesafe Config nests "checkpoint.interval" under "checkpoint").
 */
export function envToJson(env: Array<[string, string]>): JsonObject {
  const map = new Map(env);
  const head = (k: string): string => k.split('.')[0] ?? k;
  const groups = javaHashMapOrder([...map.keys()].map(head));
  const rest = [...map.keys()].filter((k) => k !== 'job.mode');
  const ordered = groups.flatMap((g) => javaHashMapOrder(rest.filter((k) => head(k) === g)));
  const keys = map.has('job.mode') ? ['job.mode', ...ordered] : ordered;
  return obj(keys.map((k): [string, Json] => [k, map.get(k) ?? '']));
}
