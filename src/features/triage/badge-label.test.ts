import { describe, expect, it } from 'vitest';
import { badgeCount } from './badge-label';

describe('badgeCount', () => {
  it('counts critical and high problems and says so, with the total beside', () => {
    const b = badgeCount([{ severity: 'critical' }, { severity: 'high' }, { severity: 'medium' }]);
    expect(b).toEqual({ count: 2, scope: 'urgent', label: 'Triage: 2 critical or high problems (3 in all)' });
  });

  it('counts every problem when none is critical or high, and says that too', () => {
    expect(badgeCount([{ severity: 'low' }])).toEqual({
      count: 1,
      scope: 'all',
      label: 'Triage: 1 problem, none critical or high',
    });
    expect(badgeCount([]).scope).toBe('none');
  });
});
