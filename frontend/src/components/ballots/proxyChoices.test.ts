import { describe, expect, it } from 'vitest';
import { proxyChoices } from './ProxiesSection';

const elector = (id: string, name: string, representatives: { id: string; name: string }[]) => ({
  odsCode: id.toUpperCase(),
  practice: { id, name },
  vote: null,
  representatives,
});

describe('proxyChoices', () => {
  it("offers other practices' representatives, each once, and never the practice's own", () => {
    const electors = [
      elector('p1', 'Kearsley Medical Centre', [{ id: 'fiona', name: 'Dr Fiona Clarke' }]),
      elector('p2', 'Farnworth Surgery', [
        { id: 'kwame', name: 'Dr Kwame Mensah' },
        { id: 'fiona', name: 'Dr Fiona Clarke' },
      ]),
      elector('p3', 'Horwich Health Centre', []),
    ];
    expect(proxyChoices(electors, 'p2')).toEqual([{ id: 'fiona', label: 'Dr Fiona Clarke (Kearsley Medical Centre)' }]);
    expect(proxyChoices(electors, 'p3').map((choice) => choice.id)).toEqual(['fiona', 'kwame']);
  });
});
