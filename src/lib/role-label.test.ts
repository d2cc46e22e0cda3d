import { describe, expect, it } from 'vitest';
import { roleLabel } from './role-label';

describe('roleLabel', () => {
  const me = {
    role: 'viewer' as const,
    clusterRoles: { prod: 'operator' as const, staging: 'viewer' as const },
  };

  it('names the role on the cluster whose pages are open', () => {
    expect(roleLabel(me, 'prod').text).toBe('operator');
    expect(roleLabel(me, 'staging').text).toBe('viewer');
  });

  it('off any cluster, names where the role differs from the global one', () => {
    expect(roleLabel(me, undefined)).toEqual({
      text: 'viewer · operator on prod',
      title: 'your role; operator on prod',
    });
    const many = { role: 'viewer' as const, clusterRoles: { a: 'admin' as const, b: 'operator' as const } };
    expect(roleLabel(many, undefined).text).toBe('viewer · other roles on 2 clusters');
    expect(roleLabel({ role: 'admin', clusterRoles: { a: 'admin' } }, undefined).text).toBe('admin');
  });
});
