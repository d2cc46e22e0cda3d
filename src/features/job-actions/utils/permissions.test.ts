import { describe, expect, it } from 'vitest';
import { availableActions, defaultSavepointDir, missingRole, roleTooltip } from './permissions';

const ALL = { 'web-cancel': true, 'web-rescale': true, 'web-submit': true };

describe('availableActions', () => {
  it('offers everything on a running job when /config allows it', () => {
    expect(availableActions({ readOnly: false, features: ALL, jobState: 'RUNNING' })).toEqual({
      savepoint: true,
      stop: true,
      checkpoint: true,
      cancel: true,
      rescale: true,
      dispose: true,
      savepointCancel: true,
    });
  });

  it('hides every button in read-only mode', () => {
    const a = availableActions({ readOnly: true, features: ALL, jobState: 'RUNNING' });
    expect(Object.values(a).some(Boolean)).toBe(false);
  });

  it('web-cancel false hides cancel, stop and savepoint-then-cancel; web-rescale false hides rescale', () => {
    const a = availableActions({
      readOnly: false,
      features: { 'web-cancel': false, 'web-rescale': false },
      jobState: 'RUNNING',
    });
    expect(a).toMatchObject({
      cancel: false,
      stop: false,
      savepointCancel: false,
      rescale: false,
      savepoint: true,
      checkpoint: true,
    });
  });

  it('keeps gated buttons hidden until /config answered', () => {
    expect(availableActions({ readOnly: false, features: undefined, jobState: 'RUNNING' })).toMatchObject({
      cancel: false,
      stop: false,
      rescale: false,
      savepoint: true,
    });
  });

  it('hides job actions for finished jobs and while the state is unknown', () => {
    for (const state of ['FINISHED', 'CANCELED', 'FAILED']) {
      const a = availableActions({ readOnly: false, features: ALL, jobState: state });
      expect(a).toMatchObject({
        savepoint: false,
        stop: false,
        checkpoint: false,
        cancel: false,
        rescale: false,
        dispose: true,
      });
    }
    expect(availableActions({ readOnly: false, features: ALL, jobState: undefined }).savepoint).toBe(false);
  });
});

describe('defaultSavepointDir', () => {
  it('reads the Flink 2.x key, then the legacy one', () => {
    expect(defaultSavepointDir([{ key: 'execution.checkpointing.savepoint-dir', value: 'file:///sp' }])).toBe(
      'file:///sp',
    );
    expect(defaultSavepointDir([{ key: 'state.savepoints.dir', value: 's3://b/sp' }])).toBe('s3://b/sp');
    expect(defaultSavepointDir([{ key: 'x', value: 'y' }])).toBeUndefined();
  });
});

describe('missingRole', () => {
  it('names the role a button needs when the user’s role is too low', () => {
    expect(missingRole('savepoint', 'viewer')).toBe('operator');
    expect(missingRole('savepoint', 'operator')).toBeUndefined();
    expect(missingRole('stop', 'operator')).toBeUndefined();
    expect(missingRole('rescale', 'viewer')).toBe('operator');
    expect(missingRole('cancel', 'operator')).toBe('admin');
    expect(missingRole('dispose', 'operator')).toBe('admin');
    expect(missingRole('cancel', 'admin')).toBeUndefined();
    expect(roleTooltip('admin', 'operator')).toBe('Needs the admin role (you are operator)');
  });
});
