import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demo, fakeLayout, fakeSeaTunnel, recorded, renderApp } from './testing/fake-seatunnel';
import { draftKey } from './utils/draft';

let restoreLayout: () => void = () => undefined;
beforeEach(() => {
  localStorage.clear();
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});

const BIG_ID = '733584788375666689';

describe('SeaTunnel nodes', () => {
  it('shows every member’s health from a recorded 2.3.8 node, and explains tags on v1', async () => {
    fakeSeaTunnel({ 'GET /system-monitoring-information': recorded('system-monitoring-information.json') });
    renderApp('/clusters/st/nodes');
    const card = await screen.findByTestId('node-card');
    expect(card).toHaveAttribute('data-node', '127.0.0.1:43577');
    expect(card).toHaveTextContent('MASTER');
    expect(card).toHaveTextContent('2 processors');
    expect(within(card).getByTestId('node-heap')).toHaveTextContent('86.3 MiB');
    expect(within(card).getByTestId('node-heap')).toHaveTextContent('8.4 % of 1.00 GiB max');
    expect(within(card).getByTestId('node-gc')).toHaveTextContent('9 · 0');
    expect(within(card).getByTestId('node-threads')).toHaveTextContent('124');
    expect(await screen.findByTestId('tags-unsupported')).toHaveTextContent('REST v1');
  });

  it('lists both demo members and updates the tags of the node behind the URL on v2', async () => {
    const sent = fakeSeaTunnel(
      {
        'GET /system-monitoring-information': demo('demo-system-monitoring.json'),
        'POST /update-tags': recorded('update-tags.json'),
      },
      { flavour: 'v2' },
    );
    renderApp('/clusters/st/nodes');
    await waitFor(() => expect(screen.getAllByTestId('node-card')).toHaveLength(2));
    fireEvent.change(await screen.findByTestId('tags-input'), { target: { value: 'zone=eu-1, pool=cdc' } });
    await act(async () => fireEvent.click(screen.getByTestId('tags-submit')));
    await waitFor(() =>
      expect(sent.some((s) => s.method === 'POST' && s.path === '/update-tags')).toBe(true),
    );
    expect(sent.find((s) => s.path === '/update-tags')?.body).toBe('{"zone":"eu-1","pool":"cdc"}');
  });

  it('with thousands of members, shows the first 50 and draws charts only for cards on screen', async () => {
    const observers: { cb: IntersectionObserverCallback; els: Element[] }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        entry: { cb: IntersectionObserverCallback; els: Element[] };
        constructor(cb: IntersectionObserverCallback) {
          this.entry = { cb, els: [] };
          observers.push(this.entry);
        }
        observe(el: Element) {
          this.entry.els.push(el);
        }
        disconnect() {}
      },
    );
    const [member] = JSON.parse(recorded('system-monitoring-information.json')) as object[];
    fakeSeaTunnel({
      'GET /system-monitoring-information': JSON.stringify(Array.from({ length: 3000 }, () => member)),
    });
    renderApp('/clusters/st/nodes');
    await waitFor(() => expect(screen.getAllByTestId('node-card')).toHaveLength(50));
    expect(screen.getByTestId('show-all-nodes')).toHaveTextContent('Showing 50 of 3,000 members');
    expect(screen.getAllByTestId('node-charts-offscreen')).toHaveLength(50);

    // the first card scrolls into view: only it draws its charts
    const first = observers.find((o) => o.els[0] === screen.getAllByTestId('node-card')[0]);
    act(() => first?.cb([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
    expect(screen.getAllByTestId('node-charts-offscreen')).toHaveLength(49);
  });

  it('offers no tag editing in read-only mode', async () => {
    fakeSeaTunnel(
      { 'GET /system-monitoring-information': demo('demo-system-monitoring.json') },
      { flavour: 'v2', readOnly: true },
    );
    renderApp('/clusters/st/nodes');
    expect(await screen.findByTestId('tags-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('tags-input')).not.toBeInTheDocument();
  });
});

const editor = () => screen.getByTestId('config-editor') as HTMLTextAreaElement;

describe('SeaTunnel submit', () => {
  it('points at the line and column of a JSON mistake and does not send it', async () => {
    const sent = fakeSeaTunnel({ 'GET /overview': recorded('overview.json') });
    renderApp('/clusters/st/submit');
    await screen.findByTestId('config-editor');
    fireEvent.change(editor(), { target: { value: '{\n  "env": {},\n  source: []\n}' } });
    expect(screen.getByTestId('syntax-error')).toHaveTextContent(
      'Line 3, column 3: keys must be in double quotes',
    );
    expect(screen.getByTestId('submit-job')).toBeDisabled();
    fireEvent.change(editor(), {
      target: { value: '{"env": {}, "source": [{"plugin_name": "FakeSource"}]}' },
    });
    expect(screen.getByTestId('config-issues')).toHaveTextContent('sink is missing');
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
  });

  it('checks the job id as a 64-bit integer', async () => {
    fakeSeaTunnel({ 'GET /overview': recorded('overview.json') });
    renderApp('/clusters/st/submit');
    const id = await screen.findByTestId('job-id-input');
    fireEvent.change(id, { target: { value: '9223372036854775808' } });
    expect(screen.getByTestId('job-id-hint')).toHaveTextContent('at most 9223372036854775807');
    expect(screen.getByTestId('submit-job')).toBeDisabled();
    fireEvent.change(id, { target: { value: BIG_ID } });
    expect(screen.getByTestId('submit-job')).toBeEnabled();
  });

  it('submits the config as typed with an exact 64-bit id and opens the new job', async () => {
    const sent = fakeSeaTunnel({
      'GET /overview': recorded('overview.json'),
      'POST /submit-job': recorded('submit-job.json'),
      [`GET /job-info/${BIG_ID}`]: recorded('job-info-finished.json'),
    });
    const { location } = renderApp('/clusters/st/submit');
    await screen.findByTestId('config-editor');
    fireEvent.change(screen.getByTestId('job-id-input'), { target: { value: BIG_ID } });
    fireEvent.change(screen.getByTestId('job-name'), { target: { value: 'streamdash-batch' } });
    const text = editor().value;
    await act(async () => fireEvent.click(screen.getByTestId('submit-job')));
    const post = sent.find((s) => s.method === 'POST' && s.path === '/submit-job');
    expect(post?.search.get('jobId')).toBe(BIG_ID);
    expect(post?.search.get('jobName')).toBe('streamdash-batch');
    expect(post?.search.has('format')).toBe(false);
    expect(post?.body).toBe(text);
    await waitFor(() => expect(location().pathname).toBe(`/clusters/st/jobs/${BIG_ID}`));
    expect(await screen.findByTestId('job-id')).toHaveTextContent(BIG_ID);
  });

  it('keeps what was typed when the engine refuses it, shows its whole message, and restores it after a reload', async () => {
    const duplicate = recorded('submit-job-duplicate-id.json');
    fakeSeaTunnel({
      'GET /overview': recorded('overview.json'),
      'POST /submit-job': { status: 500, body: duplicate },
    });
    const { unmount } = renderApp('/clusters/st/submit');
    await screen.findByTestId('config-editor');
    const typed = editor().value.replace('"row.num": 100', '"row.num": 7');
    fireEvent.change(editor(), { target: { value: typed } });
    fireEvent.change(screen.getByTestId('job-id-input'), { target: { value: BIG_ID } });
    await act(async () => fireEvent.click(screen.getByTestId('submit-job')));
    const error = await screen.findByTestId('submit-error');
    expect(error).toHaveTextContent('HTTP 500');
    const message = (JSON.parse(duplicate) as { message: string }).message;
    expect(screen.getByTestId('submit-error-text').textContent).toBe(message);
    expect(message).toContain('has already been submitted');
    expect(editor().value).toBe(typed);
    expect(JSON.parse(localStorage.getItem(draftKey('st')) ?? '{}')).toMatchObject({
      config: typed,
      jobId: BIG_ID,
    });
    unmount();
    renderApp('/clusters/st/submit');
    await screen.findByTestId('config-editor');
    expect(editor().value).toBe(typed);
    expect(screen.getByTestId('job-id-input')).toHaveValue(BIG_ID);
  });

  it('encrypts the config and shows the result', async () => {
    const sent = fakeSeaTunnel({
      'GET /overview': recorded('overview.json'),
      'POST /encrypt-config': recorded('encrypt-config.json'),
    });
    renderApp('/clusters/st/submit');
    await screen.findByTestId('config-editor');
    await act(async () => fireEvent.click(screen.getByTestId('encrypt-config')));
    expect(await screen.findByTestId('encrypt-result')).toHaveTextContent('"password"');
    expect(sent.some((s) => s.method === 'POST' && s.path === '/encrypt-config')).toBe(true);
  });

  it('submits a batch and lists the new jobs with exact ids', async () => {
    const sent = fakeSeaTunnel({
      'GET /overview': recorded('overview.json'),
      'POST /submit-jobs': recorded('submit-jobs.json'),
    });
    renderApp('/clusters/st/submit');
    fireEvent.click(await screen.findByRole('tab', { name: 'Several jobs (batch)' }));
    const one =
      '"env":{"job.mode":"BATCH"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]';
    fireEvent.change(editor(), {
      target: {
        value: `[{"params":{"jobId":733584788375666701,"jobName":"a"},${one}},{"params":{"jobId":"733584788375666702"},${one}}]`,
      },
    });
    expect(screen.getByTestId('config-ok')).toHaveTextContent('2 job configs');
    await act(async () => fireEvent.click(screen.getByTestId('submit-job')));
    const post = sent.find((s) => s.method === 'POST' && s.path === '/submit-jobs');
    expect(post?.body).toContain('"params":{"jobId":"733584788375666701","jobName":"a"}');
    expect(post?.body).toContain('"params":{"jobId":"733584788375666702"}');
    const result = await screen.findByTestId('batch-result');
    expect(result).toHaveTextContent('733584788375666701');
    expect(result).toHaveTextContent('733584788375666702');
  });

  it('offers HOCON only where the engine reads it', async () => {
    fakeSeaTunnel({ 'GET /overview': recorded('overview.json') });
    const { unmount } = renderApp('/clusters/st/submit');
    await waitFor(() => expect(screen.getByTestId('hocon-note')).toHaveTextContent('REST v1, 2.3.8'));
    expect(screen.getByTestId('format-hocon')).toBeDisabled();
    unmount();
    const sent = fakeSeaTunnel(
      { 'GET /overview': demo('demo-overview.json'), 'POST /submit-job': recorded('submit-job.json') },
      { flavour: 'v2' },
    );
    renderApp('/clusters/st/submit');
    await waitFor(() => expect(screen.getByTestId('format-hocon')).toBeEnabled());
    fireEvent.click(screen.getByTestId('format-hocon'));
    expect(editor().value).toContain('env {');
    await act(async () => fireEvent.click(screen.getByTestId('submit-job')));
    const post = sent.find((s) => s.method === 'POST' && s.path === '/submit-job');
    expect(post?.search.get('format')).toBe('hocon');
    expect(post?.body).toContain('env {');
  });

  it('says so in read-only mode', async () => {
    fakeSeaTunnel({ 'GET /overview': recorded('overview.json') }, { readOnly: true });
    renderApp('/clusters/st/submit');
    expect(await screen.findByTestId('submit-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('config-editor')).not.toBeInTheDocument();
  });
});
