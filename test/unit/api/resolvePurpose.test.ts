import { PURPOSES_BY_ROLE, resolvePurpose } from '../../../src/api/auth/Purpose';
import { Role } from '../../../src/api/auth/Viewer';
import { isHuzhuError } from '../../../src/errors/HuzhuError';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return isHuzhuError(error) ? error.code : 'OTHER';
  }
};

describe('resolvePurpose (x-huzhu-purpose)', () => {
  it.each(Role.options)('defaults a %s to the first purpose it may claim', (role) => {
    expect(resolvePurpose({ role }, undefined)).toBe(PURPOSES_BY_ROLE[role][0]);
  });

  it('accepts a purpose the role may claim, in any case', () => {
    expect(resolvePurpose({ role: 'COORDINATOR' }, 'reporting')).toBe('REPORTING');
  });

  it('refuses an unknown purpose as BAD_USER_INPUT and one the role may not claim as FORBIDDEN', () => {
    expect(codeOf(() => resolvePurpose({ role: 'COORDINATOR' }, 'MARKETING'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => resolvePurpose({ role: 'PARTNER_NGO' }, 'CASE_MANAGEMENT'))).toBe('FORBIDDEN');
    expect(codeOf(() => resolvePurpose({ role: 'DESIGNER' }, 'REFERRAL'))).toBe('FORBIDDEN');
  });
});
