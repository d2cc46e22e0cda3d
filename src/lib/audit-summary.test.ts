import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './audit-summary';

const base = {
  time: '2026-12-07T03:12:00.000Z',
  user: 'alice',
  method: 'POST',
  path: '/jobs/abc/savepoints',
  action: 'savepoint',
};

describe('describeAuditEntry', () => {
  it('joins a savepoint with its result and path', () => {
    expect(
      describeAuditEntry(
        {
          ...base,
          response: { status: 202, triggerId: 't1' },
          result: { state: 'COMPLETED', time: '2026-12-07T03:13:05.000Z', location: 's3://sp/savepoint-1' },
        },
        'UTC',
      ),
    ).toBe('Savepoint by alice at 03:12:00 UTC → completed 03:13:05 UTC, path s3://sp/savepoint-1');
  });
  it('says when the dashboard refused it, and when the cluster has only accepted it so far', () => {
    expect(
      describeAuditEntry({ ...base, user: null, refused: 'cross-site request refused', status: 403 }, 'UTC'),
    ).toBe('Savepoint by anonymous at 03:12:00 UTC → refused (403): cross-site request refused');
    expect(describeAuditEntry({ ...base, response: { status: 202, triggerId: 't1' } }, 'UTC')).toContain(
      '→ accepted, trigger t1',
    );
    expect(
      describeAuditEntry(
        {
          ...base,
          action: undefined,
          method: 'PATCH',
          path: '/jobs/x?mode=cancel',
          response: { status: 500 },
        },
        'UTC',
      ),
    ).toBe('PATCH /jobs/x by alice at 03:12:00 UTC → failed (HTTP 500)');
  });
});
