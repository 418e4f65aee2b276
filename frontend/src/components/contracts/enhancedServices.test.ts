import { describe, expect, it } from 'vitest';
import { enhancedServicesFrom } from './enhancedServices';

describe('enhancedServicesFrom', () => {
  it('takes one service a line, without blanks, stray spaces or repeats', () => {
    expect(enhancedServicesFrom('Minor surgery\r\n\n  Extended   hours access \nminor surgery\n')).toEqual([
      'Minor surgery',
      'Extended hours access',
    ]);
  });

  it('gives no services for an empty box', () => {
    expect(enhancedServicesFrom('  \n')).toEqual([]);
  });
});
