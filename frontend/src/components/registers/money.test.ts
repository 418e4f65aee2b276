import { describe, expect, it } from 'vitest';
import { poundsToPence } from './money';

describe('poundsToPence', () => {
  it('reads whole pounds, pence and the pound sign', () => {
    expect(poundsToPence('25')).toBe(2500);
    expect(poundsToPence('£25.50')).toBe(2550);
    expect(poundsToPence('25.5')).toBe(2550);
    expect(poundsToPence('1,000.05')).toBe(100005);
  });

  it('refuses what is not an amount', () => {
    expect(poundsToPence('')).toBeNull();
    expect(poundsToPence('twenty')).toBeNull();
    expect(poundsToPence('-5')).toBeNull();
    expect(poundsToPence('2.555')).toBeNull();
  });
});
