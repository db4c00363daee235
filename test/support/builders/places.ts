/** Builders for places (townships, villages): synthetic codes in ranges no real Dayi code uses, fresh per call. */
import { idFromKey, newId } from '../../../src/domain/ids';
import type { Township, Village } from '../../../src/domain/model';
import { syntheticCode, SYNTHETIC_SOURCE } from './defaults';

export function aTownship(overrides: Partial<Township> = {}): Township {
  const code = overrides.code ?? syntheticCode('99');
  return {
    id: idFromKey('Township', code),
    code,
    name: `测试街道 ${code} (synthetic)`,
    kind: 'SUBDISTRICT',
    location: { lat: 30.587, lng: 103.501, precision: 'exact' },
    source: SYNTHETIC_SOURCE,
    ...overrides,
  };
}

export function aVillage(overrides: Partial<Village> = {}): Village {
  const code = overrides.code ?? syntheticCode('98');
  return {
    id: idFromKey('Village', code),
    code,
    name: `测试${code}村村委会`,
    displayName: `测试${code}村`,
    type: 'VILLAGE',
    townshipId: newId('Township'),
    location: { lat: 30.59, lng: 103.5, precision: 'township' },
    source: SYNTHETIC_SOURCE,
    ...overrides,
  };
}
