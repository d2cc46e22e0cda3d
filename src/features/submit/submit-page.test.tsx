import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeFlinkCluster, fakeLayout, fixture, renderAt } from '@/components/testing/fake-flink';

const JAR = '281cde0a-b47c-4e31-a478-8e333dcb633e_streamdash-jobs.jar';
const mutation = <T = unknown,>(file: string) =>
  fixture<{ request: { body: unknown }; response: { body: T } }>(`mutations/${file}`);

/** XMLHttpRequest that reports upload progress in two steps, then answers like Flink did. */
class FakeXhr {
  static last: FakeXhr | undefined;
  static answer: { status: number; body: unknown } = {
    status: 200,
    body: mutation('jars__upload.json').response.body,
  };
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } =
    { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  timeout = 0;
  method = '';
  url = '';
  sent: FormData | undefined;
  private release: (() => void) | undefined;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.sent = body;
    FakeXhr.last = this;
    this.upload.onprogress?.({ loaded: 40, total: 100, lengthComputable: true });
    this.release = () => {
      this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
      this.status = FakeXhr.answer.status;
      this.responseText = JSON.stringify(FakeXhr.answer.body);
      this.onload?.();
    };
  }
  finish() {
    this.release?.();
  }
  abort() {
    this.onabort?.();
  }
}

// Running a jar opens the job page, whose route loads its code lazily. Load it up front, so no
// import is still on its way when the test environment is torn down.
beforeAll(async () => {
  await Promise.all([
    import('@/features/job/job-layout'),
    import('@/features/job-actions/job-actions'),
    import('@/features/job-graph/job-graph-tab'),
    import('@/components/graph/dag-graph'),
    import('@/api/flink/prefetch'),
  ]);
});

let restoreLayout: () => void;
beforeEach(() => {
  sessionStorage.clear();
  restoreLayout = fakeLayout();
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});

const jarsRoutes = {
  '/jars': fixture('jars.json'),
  [`POST /jars/${JAR}/plan`]: fixture('jars__jarid__plan.json'),
};

describe('submit page', () => {
  it('lists the jars and prefills the entry class from the manifest', async () => {
    fakeFlinkCluster(jarsRoutes);
    renderAt('/clusters/demo/submit');
    const row = await screen.findByTestId('jar-row');
    expect(row).toHaveTextContent('streamdash-jobs.jar');
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('entry-class')).toHaveValue('streamdash.jobs.CheckpointingJob');
  });

  it('lists a cluster’s thousands of jars newest first, 100 at a time until asked for all', async () => {
    const real = fixture<{ address: string; files: { id: string; name: string; uploaded: number }[] }>(
      'jars.json',
    );
    const template = real.files[0]!;
    const files = Array.from({ length: 1500 }, (_, i) => ({
      ...template,
      id: `${i}_job-${i}.jar`,
      name: `job-${i}.jar`,
      uploaded: template.uploaded + i * 1000,
    }));
    fakeFlinkCluster({ ...jarsRoutes, '/jars': { ...real, files } });
    renderAt('/clusters/demo/submit');
    await waitFor(() => expect(screen.getAllByTestId('jar-row')).toHaveLength(100));
    expect(screen.getAllByTestId('jar-row')[0]).toHaveTextContent('job-1499.jar');
    fireEvent.click(screen.getByTestId('show-all-jars'));
    await waitFor(() => expect(screen.getAllByTestId('jar-row')).toHaveLength(1500));
    expect(screen.queryByTestId('show-all-jars')).toBeNull();
  });

  it('explains why it is hidden when the cluster has web submission off', async () => {
    const config = fixture<{ features: Record<string, boolean> }>('config.json');
    config.features['web-submit'] = false;
    fakeFlinkCluster({ ...jarsRoutes, '/config': config });
    renderAt('/clusters/demo/submit');
    expect(await screen.findByTestId('submit-disabled')).toHaveTextContent('web.submit.enable: true');
    expect(screen.queryByTestId('jar-upload-input')).toBeNull();
  });

  it('is hidden in read-only mode', async () => {
    fakeFlinkCluster(jarsRoutes, { readOnly: true });
    renderAt('/clusters/demo/submit');
    expect(await screen.findByTestId('submit-read-only')).toHaveTextContent('read-only');
    expect(screen.queryByTestId('upload-card')).toBeNull();
  });

  it('uploads with a progress bar and selects the new jar', async () => {
    const uploaded = '997ffe54-b0f9-4d5d-9251-19f7c47fb892_streamdash-jobs.jar';
    let listed = fixture<{ address: string; files: object[] }>('jars.json');
    const sent = fakeFlinkCluster({ '/jars': () => listed });
    renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'streamdash-jobs.jar', { type: '' });
    fireEvent.change(screen.getByTestId('jar-upload-input'), { target: { files: [file] } });

    const bar = await screen.findByRole('progressbar', { name: 'Uploading streamdash-jobs.jar' });
    // The bar shows 0 until the request is on its way.
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    const xhr = FakeXhr.last as FakeXhr;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/demo/jars/upload');
    const part = xhr.sent?.get('jarfile') as File;
    expect(part.type).toBe('application/x-java-archive');
    expect(part.name).toBe('streamdash-jobs.jar');

    listed = {
      address: listed.address,
      files: [
        { id: uploaded, name: 'streamdash-jobs.jar', uploaded: 1795339200000, entry: [] },
        ...listed.files,
      ],
    };
    xhr.finish();
    expect(await screen.findByTestId('upload-done')).toHaveTextContent('Uploaded streamdash-jobs.jar.');
    await waitFor(() => expect(screen.getAllByTestId('jar-row')).toHaveLength(2));
    expect(sent.filter((r) => r.path === '/jars').length).toBeGreaterThanOrEqual(2); // refetched after the upload
    const selected = screen.getAllByTestId('jar-row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected).toHaveTextContent(uploaded);
  });

  it('shows a jar a teammate uploads, and recovers from a failed refresh, without a reload', async () => {
    const config = { ...fixture<Record<string, unknown>>('config.json'), 'refresh-interval': 200 };
    const initial = fixture<{ address: string; files: object[] }>('jars.json');
    let answer: unknown = initial;
    fakeFlinkCluster({ '/config': config, '/jars': () => answer });
    renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');

    answer = { status: 500, body: { errors: ['Internal server error.'] } };
    expect(await screen.findByText(/stale/)).toBeInTheDocument();
    answer = {
      address: initial.address,
      files: [
        { id: 'abc_teammate.jar', name: 'teammate.jar', uploaded: 1795339200000, entry: [] },
        ...initial.files,
      ],
    };
    await waitFor(() => expect(screen.getAllByTestId('jar-row')).toHaveLength(2), { timeout: 3000 });
    expect(screen.queryByText(/stale/)).toBeNull();
  });

  it('shows Flink’s refusal of an upload and offers to try again', async () => {
    FakeXhr.answer = { status: 400, body: { errors: ['Only Jar files are allowed.'] } };
    fakeFlinkCluster(jarsRoutes);
    renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');
    fireEvent.change(screen.getByTestId('jar-upload-input'), {
      target: { files: [new File(['x'], 'notes.txt')] },
    });
    await screen.findByRole('progressbar');
    (FakeXhr.last as FakeXhr).finish();
    const error = await screen.findByTestId('upload-error');
    expect(error).toHaveTextContent('Only Jar files are allowed.');
    expect(within(error).getByRole('button', { name: 'Try notes.txt again' })).toBeInTheDocument();
    FakeXhr.answer = { status: 200, body: mutation('jars__upload.json').response.body };
  });

  it('previews the plan with the arguments typed, then runs the jar and opens the job', async () => {
    const recorded = mutation<{ jobid: string }>('jars__jarid__run.json');
    const sent = fakeFlinkCluster({ ...jarsRoutes, [`POST /jars/${JAR}/run`]: recorded.response.body });
    const { location } = renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');
    fireEvent.change(screen.getByTestId('program-args'), {
      target: { value: '--parallelism\n1\n--name\nstreamdash cancel target' },
    });
    fireEvent.change(screen.getByTestId('parallelism'), { target: { value: '1' } });

    fireEvent.click(screen.getByTestId('show-plan'));
    const preview = await screen.findByTestId('plan-preview');
    await waitFor(() =>
      expect(preview).toHaveTextContent('streamdash CheckpointingJob · STREAMING · 2 vertices'),
    );
    expect(sent.find((r) => r.method === 'POST' && r.path.endsWith('/plan'))?.body).toEqual({
      entryClass: 'streamdash.jobs.CheckpointingJob',
      programArgsList: ['--parallelism', '1', '--name', 'streamdash cancel target'],
      parallelism: 1,
    });
    // Changing the form marks the plan as out of date.
    fireEvent.change(screen.getByTestId('parallelism'), { target: { value: '2' } });
    expect(preview).toHaveTextContent('the form changed since');
    fireEvent.change(screen.getByTestId('parallelism'), { target: { value: '1' } });

    fireEvent.click(screen.getByTestId('submit-job'));
    await waitFor(() =>
      expect(location().pathname).toBe(`/clusters/demo/jobs/${recorded.response.body.jobid}`),
    );
    const run = sent.find((r) => r.method === 'POST' && r.path.endsWith('/run'))?.body as Record<
      string,
      unknown
    >;
    expect(run).toMatchObject(recorded.request.body as object);
    expect(run.jobId).toMatch(/^[0-9a-f]{32}$/); // made in the browser, so a resend cannot run it twice
  });

  it('keeps what was typed when Flink refuses to run, also after a reload', async () => {
    const refusal = {
      errors: ['org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.'],
    };
    fakeFlinkCluster({ ...jarsRoutes, [`POST /jars/${JAR}/run`]: { status: 400, body: refusal } });
    const first = renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');
    fireEvent.change(screen.getByTestId('program-args'), { target: { value: '--rate\n50' } });
    fireEvent.change(screen.getByTestId('savepoint-path'), { target: { value: 'file:/tmp/sp-1' } });
    fireEvent.change(screen.getByTestId('claim-mode'), { target: { value: 'CLAIM' } });
    fireEvent.click(screen.getByTestId('submit-job'));
    expect(await screen.findByTestId('run-error')).toHaveTextContent('Could not execute application.');
    expect(screen.getByTestId('program-args')).toHaveValue('--rate\n50');
    expect(first.location().pathname).toBe('/clusters/demo/submit');
    first.unmount();

    renderAt('/clusters/demo/submit');
    await screen.findByTestId('jar-row');
    expect(screen.getByTestId('program-args')).toHaveValue('--rate\n50');
    expect(screen.getByTestId('savepoint-path')).toHaveValue('file:/tmp/sp-1');
    expect(screen.getByTestId('claim-mode')).toHaveValue('CLAIM');
  });

  it('deletes a jar only after confirmation', async () => {
    const sent = fakeFlinkCluster({ ...jarsRoutes, [`DELETE /jars/${JAR}`]: {} });
    renderAt('/clusters/demo/submit');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete streamdash-jobs.jar' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete jar streamdash-jobs.jar?');
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete jar' }));
    await waitFor(() =>
      expect(sent.some((r) => r.method === 'DELETE' && r.path === `/jars/${JAR}`)).toBe(true),
    );
  });
});
