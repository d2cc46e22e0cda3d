import type { RawJobDag, RawVertexInfo } from './schemas';

/*
 * One DAG shape from the engine's two: running jobs send `{vertices, edges}` (edges by vertex
 * name), finished jobs the JobDAGInfo `{pipelineEdges, vertexInfoMap}`.
 */

export type VertexType = 'source' | 'transform' | 'sink' | 'unknown';

export interface SeaTunnelVertex {
  id: string;
  /** e.g. `Source[0]-FakeSource`. */
  name: string;
  type: VertexType;
  pipelineId: string | null;
  parallelism: number | null;
  tablePaths: string[];
}

export interface SeaTunnelEdge {
  source: string;
  target: string;
  pipelineId: string | null;
}

export interface SeaTunnelDag {
  vertices: SeaTunnelVertex[];
  edges: SeaTunnelEdge[];
}

/** `Source[0]-FakeSource(id=1)` / `pipeline-1 [Source[0]-FakeSource]` → `Source[0]-FakeSource`. */
function plainName(name: string): string {
  const bracketed = /^pipeline-\d+ \[(.*)\]$/.exec(name);
  return (bracketed?.[1] ?? name).replace(/\(id=\d+\)$/, '');
}

function typeOf(type: string | undefined, name: string): VertexType {
  const t = (type ?? /^(Source|Transform|Sink)\[/.exec(name)?.[1] ?? '').toLowerCase();
  return t === 'source' || t === 'transform' || t === 'sink' ? t : 'unknown';
}

function tablePathText(
  p: string | { databaseName?: string | null; schemaName?: string | null; tableName: string },
) {
  return typeof p === 'string' ? p : [p.databaseName, p.schemaName, p.tableName].filter(Boolean).join('.');
}

function fromVertexInfo(v: RawVertexInfo, pipelineId: string | null): SeaTunnelVertex {
  const name = plainName(v.vertexName ?? v.connectorType ?? `vertex ${v.vertexId}`);
  const pipeline = pipelineId ?? /^pipeline-(\d+) /.exec(v.connectorType ?? '')?.[1] ?? null;
  return {
    id: String(v.vertexId),
    name,
    type: typeOf(v.type, name),
    pipelineId: pipeline,
    parallelism: null,
    tablePaths: (v.tablePaths ?? []).map(tablePathText),
  };
}

export function toDag(raw: RawJobDag): SeaTunnelDag {
  const vertices: SeaTunnelVertex[] = [];
  const edges: SeaTunnelEdge[] = [];
  // JobDAGInfo form: vertexInfoMap is a list (doc), a map by vertex id (real), or a map by pipeline.
  const infos = raw.vertexInfoMap;
  if (Array.isArray(infos)) vertices.push(...infos.map((v) => fromVertexInfo(v, null)));
  else if (infos) {
    for (const [key, value] of Object.entries(infos)) {
      if (Array.isArray(value)) vertices.push(...value.map((v) => fromVertexInfo(v, key)));
      else vertices.push(fromVertexInfo(value, null));
    }
  }
  for (const [pipelineId, list] of Object.entries(raw.pipelineEdges ?? {})) {
    for (const e of list) {
      edges.push({ source: String(e.inputVertexId), target: String(e.targetVertexId), pipelineId });
      for (const id of [e.inputVertexId, e.targetVertexId]) {
        const v = vertices.find((x) => x.id === String(id));
        if (v && v.pipelineId === null) v.pipelineId = pipelineId;
      }
    }
  }
  // Running-job form: {vertices, edges}, edges naming vertices without their "(id=N)".
  for (const v of raw.vertices ?? []) {
    const name = plainName(v.name);
    vertices.push({
      id: String(v.id),
      name,
      type: typeOf(undefined, name),
      pipelineId: null,
      parallelism: v.parallelism ?? null,
      tablePaths: [],
    });
  }
  for (const e of raw.edges ?? []) {
    const source = vertices.find((v) => v.name === plainName(e.inputVertex));
    const target = vertices.find((v) => v.name === plainName(e.targetVertex));
    if (source && target) edges.push({ source: source.id, target: target.id, pipelineId: null });
  }
  return { vertices, edges };
}
