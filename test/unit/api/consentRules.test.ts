import { consentGap, householdHasChildren, isConsentActive } from '../../../src/services/consent';
import { aConsent, aHousehold } from '../../support/builders';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const adults = aHousehold({ memberAgeBands: ['AGE_18_59', 'AGE_60_79'], markers: [] });
const withChild = aHousehold({ memberAgeBands: ['AGE_18_59', 'AGE_4_6'], markers: [] });

describe('consent rules', () => {
  it('treat members under 18, or the left-behind-children marker, as children', () => {
    expect(householdHasChildren(adults)).toBe(false);
    expect(householdHasChildren(withChild)).toBe(true);
    expect(householdHasChildren(aHousehold({ memberAgeBands: ['AGE_60_79'], markers: ['LEFT_BEHIND_CHILDREN'] }))).toBe(true);
  });

  it('count a consent until it is withdrawn or expires', () => {
    expect(isConsentActive(aConsent({ validUntil: null, withdrawnAt: null }), NOW)).toBe(true);
    expect(isConsentActive(aConsent({ validUntil: '2026-02-28T23:59:59.000Z' }), NOW)).toBe(false);
    expect(isConsentActive(aConsent({ withdrawnAt: '2026-02-01T00:00:00.000Z' }), NOW)).toBe(false);
  });

  it('cover an organisation the consent names, or any organisation for a category it names', () => {
    const byOrg = aConsent({ organizationIds: ['org_a'], categories: [] });
    const byCategory = aConsent({ organizationIds: [], categories: ['MEDICAL'] });
    expect(consentGap([byOrg], adults, 'org_a', 'EDUCATION', NOW)).toBeNull();
    expect(consentGap([byOrg], adults, 'org_b', 'EDUCATION', NOW)).toBe('NO_CONSENT');
    expect(consentGap([byCategory], adults, 'org_b', 'MEDICAL', NOW)).toBeNull();
    expect(consentGap([], adults, 'org_a', 'MEDICAL', NOW)).toBe('NO_CONSENT');
  });

  it("ask for a guardian's consent when the household has children", () => {
    const consent = aConsent({ organizationIds: ['org_a'], categories: [], guardianConsent: false });
    expect(consentGap([consent], withChild, 'org_a', 'MEDICAL', NOW)).toBe('GUARDIAN_CONSENT_REQUIRED');
    expect(consentGap([{ ...consent, guardianConsent: true }], withChild, 'org_a', 'MEDICAL', NOW)).toBeNull();
  });
});
