// Turns a submitted job config (the JSON body of /submit-job) into a JobSpec,
// failing the way the engine fails on the same input.
import { EngineError, illegalArgument, runtimeFailure } from './engine-error.ts';
import type { JobMode, JobSpec, PluginSpec } from './job-model.ts';
import { asText, JsonObject, JsonSyntaxError, parseJson, type Json } from './json-text.ts';

export const DEFAULT_JOB_NAME = 'SeaTunnel_Job';

const KNOWN_SOURCES = new Set([
  'FakeSource',
  'Jdbc',
  'MySQL-CDC',
  'Postgres-CDC',
  'Kafka',
  'LocalFile',
  'Http',
  'Paimon',
]);
const KNOWN_SINKS = new Set([
  'Console',
  'Jdbc',
  'LocalFile',
  'Kafka',
  'Doris',
  'StarRocks',
  'Clickhouse',
  'Elasticsearch',
  'Paimon',
  'Assert',
]);
const KNOWN_TRANSFORMS = new Set([
  'Sql',
  'FieldMapper',
  'Filter',
  'Replace',
  'Copy',
  'Split',
  'FilterRowKind',
]);

/** BaseService#requestHandle: the two body checks every POST endpoint shares. */
export function parseRequestBody(body: string): Json {
  if (body.length === 0) throw illegalArgument('Request body is empty.');
  try {
    return parseJson(body);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw illegalArgument('Invalid JSON format in request body.');
    throw e;
  }
}

/** Jackson's convertValue(node, Map.class) on a non-object throws IllegalArgumentException. */
export function requireObject(value: Json): JsonObject {
  if (value instanceof JsonObject) return value;
  const token = Array.isArray(value)
    ? 'START_ARRAY'
    : typeof value === 'string'
      ? 'VALUE_STRING'
      : value === null
        ? 'VALUE_NULL'
        : typeof value === 'boolean'
          ? value
            ? 'VALUE_TRUE'
            : 'VALUE_FALSE'
          : 'VALUE_NUMBER_INT';
  throw illegalArgument(
    `Cannot deserialize value of type \`java.util.LinkedHashMap<java.lang.String,java.lang.Object>\` from ${
      Array.isArray(value) ? 'Array' : 'Scalar'
    } value (token \`JsonToken.${token}\`)\n at [Source: UNKNOWN; byte offset: #UNKNOWN]`,
  );
}

const missing = (key: string): EngineError =>
  runtimeFailure('ConfigException.Missing', `No configuration setting found for key '${key}'`);

function pluginList(config: JsonObject, key: string): JsonObject[] {
  const v = config.get(key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    throw runtimeFailure(
      'ConfigException.WrongType',
      `hardcoded value: ${key} has type OBJECT rather than LIST`,
    );
  }
  return v.map((p) => {
    if (!(p instanceof JsonObject)) {
      throw runtimeFailure(
        'ConfigException.WrongType',
        `hardcoded value: ${key} has type LIST rather than OBJECT`,
      );
    }
    return p;
  });
}

function textList(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.map(asText).filter((s): s is string => s !== undefined);
  const s = asText(v);
  return s === undefined ? [] : [s];
}

/** Which tables a source reads: the options each common connector uses for it. */
function sourceTables(p: JsonObject): string[] {
  const fromSchema = (o: Json | undefined): string | undefined =>
    o instanceof JsonObject ? asText(o.get('table')) : undefined;
  const tablesConfigs = p.get('tables_configs');
  if (Array.isArray(tablesConfigs)) {
    const names = tablesConfigs
      .map((t) => (t instanceof JsonObject ? fromSchema(t.get('schema')) : undefined))
      .filter((s): s is string => s !== undefined);
    if (names.length > 0) return names;
  }
  const tableList = p.get('table_list');
  if (Array.isArray(tableList)) {
    const names = tableList
      .map((t) => (t instanceof JsonObject ? asText(t.get('table_path')) : undefined))
      .filter((s): s is string => s !== undefined);
    if (names.length > 0) return names;
  }
  const direct =
    fromSchema(p.get('schema')) ??
    asText(p.get('table_path')) ??
    textList(p.get('table-names'))[0] ??
    asText(p.get('plugin_output')) ??
    asText(p.get('result_table_name'));
  const more = textList(p.get('table-names'));
  return more.length > 1 ? more : [direct ?? 'default'];
}

function pluginName(p: JsonObject, kind: string, known: ReadonlySet<string>): string {
  const name = asText(p.get('plugin_name'));
  if (name === undefined) throw illegalArgument(`${kind} plugin_name can not be null`);
  if (!known.has(name)) {
    // Message recorded from a real engine; the Java class name is our best guess.
    throw runtimeFailure(
      'PluginNotFoundException',
      `Plugin PluginIdentifier{engineType='seatunnel', pluginType='${kind}', pluginName='${name}'} not found.`,
    );
  }
  return name;
}

export interface SubmitParams {
  jobId?: string;
  jobName?: string;
  isStartWithSavePoint?: string;
}

export interface ParsedSubmission {
  spec: JobSpec;
  requestedId?: string;
  startWithSavePoint: boolean;
}

export function parseSubmission(config: JsonObject, params: SubmitParams): ParsedSubmission {
  const startWithSavePoint = params.isStartWithSavePoint?.toLowerCase() === 'true';
  if (startWithSavePoint && params.jobId === undefined) {
    throw illegalArgument('Please provide jobId when start with save point.');
  }
  const envNode = config.get('env');
  if (!(envNode instanceof JsonObject)) throw missing('env');
  const env: Array<[string, string]> = envNode.entries.map(([k, v]) => [k, asText(v) ?? JSON.stringify(v)]);
  const envValue = (key: string): string | undefined => env.find(([k]) => k === key)?.[1];

  const modeText = (envValue('job.mode') ?? 'BATCH').toUpperCase();
  if (modeText !== 'BATCH' && modeText !== 'STREAMING') {
    throw illegalArgument(`No enum constant org.apache.seatunnel.common.constants.JobMode.${modeText}`);
  }
  const parallelism = Math.max(1, Number.parseInt(envValue('parallelism') ?? '1', 10) || 1);

  const sourceNodes = pluginList(config, 'source');
  const transformNodes = pluginList(config, 'transform');
  const sinkNodes = pluginList(config, 'sink');
  if (sourceNodes.length === 0 || sinkNodes.length === 0) {
    throw runtimeFailure('JobDefineCheckException', 'Source And Sink can not be null');
  }
  const sources: PluginSpec[] = sourceNodes.map((p) => ({
    name: pluginName(p, 'source', KNOWN_SOURCES),
    tables: sourceTables(p),
  }));
  const upstreamTables = [...new Set(sources.flatMap((s) => s.tables))];
  const transforms: PluginSpec[] = transformNodes.map((p) => ({
    name: pluginName(p, 'transform', KNOWN_TRANSFORMS),
    tables: upstreamTables,
  }));
  const sinks: PluginSpec[] = sinkNodes.map((p) => ({
    name: pluginName(p, 'sink', KNOWN_SINKS),
    tables: upstreamTables,
  }));

  const rowNum = Number.parseInt(asText(sourceNodes[0]?.get('row.num')) ?? '5', 10);
  const name = params.jobName !== undefined && params.jobName !== '' ? params.jobName : envValue('job.name');
  const spec: JobSpec = {
    name: name ?? DEFAULT_JOB_NAME,
    mode: modeText as JobMode,
    env,
    parallelism,
    sources,
    transforms,
    sinks,
    batchRowsPerTable: (Number.isFinite(rowNum) && rowNum > 0 ? rowNum : 5) * parallelism,
  };
  return {
    spec,
    ...(params.jobId !== undefined && params.jobId !== '' ? { requestedId: params.jobId } : {}),
    startWithSavePoint,
  };
}

/** Jar URLs the engine ships with a job: one connector jar per distinct plugin. */
export function pluginJarsFor(spec: JobSpec): string[] {
  const jar: Record<string, string> = {
    FakeSource: 'connector-fake',
    Console: 'connector-console',
    Jdbc: 'connector-jdbc',
    'MySQL-CDC': 'connector-cdc-mysql',
    'Postgres-CDC': 'connector-cdc-postgres',
    Kafka: 'connector-kafka',
    LocalFile: 'connector-file-local',
    Doris: 'connector-doris',
    StarRocks: 'connector-starrocks',
    Clickhouse: 'connector-clickhouse',
    Elasticsearch: 'connector-elasticsearch',
    Paimon: 'connector-paimon',
    Http: 'connector-http-base',
    Assert: 'connector-assert',
  };
  const names = [...new Set([...spec.sources, ...spec.sinks].map((p) => jar[p.name]))];
  return names
    .filter((n): n is string => n !== undefined)
    .map((n) => `file:/opt/seatunnel/connectors/${n}-2.3.12.jar`);
}
