/*
 * The submit page's draft, kept in localStorage per cluster so a rejected (or interrupted)
 * submission never loses what the user typed, across reloads too.
 */

export type SubmitMode = 'single' | 'batch';
export type ConfigFormat = 'json' | 'hocon';

export interface SubmitDraft {
  mode: SubmitMode;
  format: ConfigFormat;
  /** One job's config text (JSON or HOCON). */
  config: string;
  /** The batch: a JSON list of configs. */
  batch: string;
  jobName: string;
  jobId: string;
  startWithSavepoint: boolean;
}

export const EXAMPLE_CONFIG = `{
  "env": {
    "job.mode": "BATCH",
    "parallelism": 1
  },
  "source": [
    {
      "plugin_name": "FakeSource",
      "plugin_output": "fake",
      "row.num": 100,
      "schema": { "fields": { "name": "string", "age": "int" } }
    }
  ],
  "transform": [],
  "sink": [
    { "plugin_name": "Console", "plugin_input": ["fake"] }
  ]
}
`;

export const EXAMPLE_HOCON = `env {
  job.mode = "BATCH"
  parallelism = 1
}
source {
  FakeSource {
    plugin_output = "fake"
    row.num = 100
    schema = { fields { name = "string", age = "int" } }
  }
}
sink {
  Console { plugin_input = ["fake"] }
}
`;

export const EXAMPLE_BATCH = `[
  {
    "params": { "jobName": "fake-a" },
    "env": { "job.mode": "BATCH" },
    "source": [{ "plugin_name": "FakeSource", "plugin_output": "fake", "row.num": 50,
                 "schema": { "fields": { "name": "string" } } }],
    "sink": [{ "plugin_name": "Console", "plugin_input": ["fake"] }]
  },
  {
    "params": { "jobName": "fake-b" },
    "env": { "job.mode": "BATCH" },
    "source": [{ "plugin_name": "FakeSource", "plugin_output": "fake", "row.num": 50,
                 "schema": { "fields": { "name": "string" } } }],
    "sink": [{ "plugin_name": "Console", "plugin_input": ["fake"] }]
  }
]
`;

export const EMPTY_DRAFT: SubmitDraft = {
  mode: 'single',
  format: 'json',
  config: EXAMPLE_CONFIG,
  batch: EXAMPLE_BATCH,
  jobName: '',
  jobId: '',
  startWithSavepoint: false,
};

export const draftKey = (clusterId: string) => `streamdash.seatunnel.submit-draft.${clusterId}`;

export function loadDraft(
  clusterId: string,
  storage: Storage | undefined = globalThis.localStorage,
): SubmitDraft {
  try {
    const raw = storage?.getItem(draftKey(clusterId));
    if (!raw) return EMPTY_DRAFT;
    const d = JSON.parse(raw) as Partial<SubmitDraft>;
    return {
      mode: d.mode === 'batch' ? 'batch' : 'single',
      format: d.format === 'hocon' ? 'hocon' : 'json',
      config: typeof d.config === 'string' ? d.config : EMPTY_DRAFT.config,
      batch: typeof d.batch === 'string' ? d.batch : EMPTY_DRAFT.batch,
      jobName: typeof d.jobName === 'string' ? d.jobName : '',
      jobId: typeof d.jobId === 'string' ? d.jobId : '',
      startWithSavepoint: d.startWithSavepoint === true,
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(
  clusterId: string,
  draft: SubmitDraft,
  storage: Storage | undefined = globalThis.localStorage,
) {
  try {
    storage?.setItem(draftKey(clusterId), JSON.stringify(draft));
  } catch {
    // storage full or denied: the draft then lives only as long as the page
  }
}
