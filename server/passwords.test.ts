import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from './passwords.ts';

describe('password hashes', () => {
  it('verifies the right password and no other, and never contains the password', () => {
    const hash = hashPassword('correct horse');
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).not.toContain('correct horse');
    expect(verifyPassword('correct horse', hash)).toBe(true);
    expect(verifyPassword('correct horse ', hash)).toBe(false);
    expect(verifyPassword('correct horse', 'correct horse')).toBe(false);
  });
  it('salts each hash', () => {
    expect(hashPassword('same')).not.toBe(hashPassword('same'));
  });
});
