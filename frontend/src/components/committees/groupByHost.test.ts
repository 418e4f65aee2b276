import { describe, expect, it } from 'vitest';
import { groupByHost } from './groupByHost';

const bolton = { id: 'o1', name: 'NHS Bolton CCG' };
const areaTeam = { id: 'o2', name: 'Greater Manchester Area Team' };

describe('groupByHost', () => {
  it('puts each committee under its host, hosts alphabetically, keeping the committees’ order', () => {
    const groups = groupByHost([
      { name: 'Audit committee', host: bolton },
      { name: 'Primary care oversight', host: areaTeam },
      { name: 'Governing body', host: bolton },
      { name: 'Joint committee', host: null },
    ]);
    expect(groups.map((group) => [group.host?.name ?? null, group.committees.map((c) => c.name)])).toEqual([
      ['Greater Manchester Area Team', ['Primary care oversight']],
      ['NHS Bolton CCG', ['Audit committee', 'Governing body']],
      [null, ['Joint committee']],
    ]);
  });

  it('has no groups for no committees', () => {
    expect(groupByHost([])).toEqual([]);
  });
});
