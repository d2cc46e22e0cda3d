import { describe, expect, it } from 'vitest';
import { hrefTo } from './href';
import { jobRoute, jobsRoute, homeRoute } from './routes';

describe('hrefTo', () => {
  it('fills in the params, encoded, and appends the search', () => {
    expect(hrefTo(jobRoute, { clusterId: 'prod eu', jobId: 'a/b' }, { vertex: 'v1', subtask: 2 })).toBe(
      '/clusters/prod%20eu/jobs/a%2Fb?vertex=v1&subtask=2',
    );
  });

  it('gives the bare path without search', () => {
    expect(hrefTo(jobsRoute, { clusterId: 'demo' })).toBe('/clusters/demo/jobs');
    expect(hrefTo(homeRoute, {})).toBe('/');
  });
});
