import { describe, expect, it } from 'vitest';
import { fixture } from '@/components/testing/fake-flink';
import { errorMessagesFromBody, HttpError, NetworkError, TimeoutError } from './errors';

/** An HttpError as `request` builds it from a recorded body. */
const answer = (status: number, body: unknown) =>
  new HttpError('GET /x', status, errorMessagesFromBody(JSON.stringify(body)));

describe('notSupported: the cluster says it cannot answer this endpoint as it is set up', () => {
  it('recognises the default scheduler’s 500 for resource requirements (recorded on Flink 2.2.1)', () => {
    const body = fixture('jobs__jobid__resource-requirements--default-scheduler.json');
    expect(answer(500, body).notSupported).toBe('unsupported');
  });
  it('recognises a path the cluster has no handler for: profiler off, or an older version', () => {
    expect(answer(404, fixture('unknown--not-found.json')).notSupported).toBe('no-route');
    expect(answer(404, { errors: ['Not found: /jobmanager/profiler'] }).notSupported).toBe('no-route');
  });
  it('recognises a feature the cluster names as not enabled or disabled', () => {
    expect(answer(404, { errors: ['Checkpointing has not been enabled.'] }).notSupported).toBe('disabled');
    expect(
      answer(503, { errors: ['Rescaling is temporarily disabled. See FLINK-12312.'] }).notSupported,
    ).toBe('disabled');
    expect(answer(501, { errors: ['Not implemented'] }).notSupported).toBe('unsupported');
  });
  it('leaves failures that may pass alone', () => {
    expect(answer(404, fixture('jobs__jobid--not-found.json')).notSupported).toBeUndefined();
    expect(answer(404, fixture('taskmanagers__taskmanagerid--not-found.json')).notSupported).toBeUndefined();
    expect(
      answer(503, { errors: ['Service temporarily unavailable due to an ongoing leader election.'] })
        .notSupported,
    ).toBeUndefined();
    expect(
      answer(500, { errors: ['Internal server error.', 'java.lang.NullPointerException'] }).notSupported,
    ).toBeUndefined();
    expect(answer(504, { errors: ['Not found: /x'] }).notSupported).toBeUndefined();
    expect(new NetworkError('GET /x', new Error('reset')).notSupported).toBeUndefined();
    expect(new TimeoutError('GET /x', 1000).notSupported).toBeUndefined();
  });
});
