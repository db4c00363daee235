import {
  COVERAGE_DEFINITIONS,
  familySupport,
  liaisonStanding,
  villageLiaisons,
  type ReportingPeriod,
} from '../../../src/domain/coverageDefinitions';
import type { Assistance, Need, Referral, ReferralStatus } from '../../../src/domain/model';
import { aNeed, anAssistance, aReferral } from '../../support/builders';

const period: ReportingPeriod = { from: new Date('2025-01-01T00:00:00.000Z'), to: new Date('2025-12-31T23:59:59.999Z') };
const IN = '2025-06-01T08:00:00.000Z';
const BEFORE = '2024-06-01T08:00:00.000Z';

/** What these tests rely on: one urgent (HIGH) MEDICAL need, need_1, that the referrals and help below are for. */
const NEED_1 = { id: 'need_1', category: 'MEDICAL', urgency: 'HIGH' } satisfies Partial<Need>;
/** A referral of need_1 that went through `path` (each step at `at`) and now has `status`. */
const referral = (status: ReferralStatus, path: ReferralStatus[], at = IN): Referral =>
  aReferral({ needId: NEED_1.id, status, transitions: path.map((s) => ({ status: s, at, actorId: 'per_t', reason: null, note: null })) });
const help = (outcome: Assistance['outcome'], at = IN): Assistance => anAssistance({ needId: NEED_1.id, at, outcome });

describe('MOST_VULNERABLE_SUPPORTED: familySupport', () => {
  it('counts an IN_PROGRESS or RESOLVED referral of an urgent MEDICAL, ELDERLY_CARE or EDUCATION need', () => {
    for (const category of ['MEDICAL', 'ELDERLY_CARE', 'EDUCATION']) {
      expect(familySupport({ needs: [aNeed({ ...NEED_1, category })], referrals: [referral('IN_PROGRESS', ['SENT', 'ACCEPTED', 'IN_PROGRESS'])], assistances: [] }, period).supported).toBe(true);
    }
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [referral('RESOLVED', ['SENT', 'ACCEPTED', 'RESOLVED'])], assistances: [] }, period).supported).toBe(true);
  });

  it('counts recorded assistance, unless it did not help', () => {
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [], assistances: [help('PARTIALLY_HELPED')] }, period).supported).toBe(true);
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [], assistances: [help('NOT_HELPED')] }, period)).toMatchObject({ supported: false, gap: 'REFERRAL_ENDED_WITHOUT_HELP' });
  });

  it('does not count an accepted referral whose help has not started', () => {
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [referral('ACCEPTED', ['SENT', 'ACCEPTED'])], assistances: [] }, period)).toMatchObject({ supported: false, gap: 'REFERRAL_PENDING' });
  });

  it('does not count a need that is not urgent, or of another category', () => {
    const supportedFor = (n: Need) => familySupport({ needs: [n], referrals: [referral('RESOLVED', ['SENT', 'ACCEPTED', 'RESOLVED'])], assistances: [] }, period);
    expect(supportedFor(aNeed({ ...NEED_1, urgency: 'MEDIUM' }))).toMatchObject({ supported: false, gap: 'NO_URGENT_NEED' });
    expect(supportedFor(aNeed({ ...NEED_1, category: 'EMPLOYMENT' }))).toMatchObject({ supported: false, gap: 'NO_URGENT_NEED' });
    expect(supportedFor(aNeed({ ...NEED_1, urgency: 'CRITICAL' })).supported).toBe(true);
  });

  it('counts only help within the reporting period', () => {
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [referral('RESOLVED', ['SENT', 'ACCEPTED', 'RESOLVED'], BEFORE)], assistances: [] }, period)).toMatchObject({ supported: false, gap: 'OUTSIDE_PERIOD' });
  });

  it('says why: not referred, or declined without help', () => {
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [], assistances: [] }, period)).toMatchObject({ supported: false, gap: 'NOT_REFERRED', needIds: ['need_1'] });
    expect(familySupport({ needs: [aNeed(NEED_1)], referrals: [referral('DECLINED', ['SENT', 'DECLINED'])], assistances: [] }, period)).toMatchObject({ supported: false, gap: 'REFERRAL_ENDED_WITHOUT_HELP' });
  });
});

describe('VILLAGES_COVERED: liaison standing', () => {
  it('is the strongest status among a liaison\'s relationships; none at all is PROSPECTIVE (not yet linked)', () => {
    expect(liaisonStanding([{ status: 'BUILDING' }, { status: 'ESTABLISHED' }])).toBe('ESTABLISHED');
    expect(liaisonStanding([{ status: 'PROSPECTIVE' }, { status: 'BUILDING' }])).toBe('BUILDING');
    expect(liaisonStanding([])).toBe('PROSPECTIVE');
  });

  it('gives each village its liaisons and volunteers and the strongest standing; other roles do not count', () => {
    const people = [
      { id: 'per_a', roles: ['LIAISON' as const], villageIds: ['vil_1'] },
      { id: 'per_b', roles: ['VOLUNTEER' as const], villageIds: ['vil_1', 'vil_2'] },
      { id: 'per_c', roles: ['CREDIT_OFFICER' as const], villageIds: ['vil_3'] },
    ];
    const relationships = [
      { fromId: 'per_a', toId: 'org_station', status: 'BUILDING' as const },
      { fromId: 'org_hub', toId: 'per_b', status: 'ESTABLISHED' as const },
      { fromId: 'per_c', toId: 'org_hub', status: 'ESTABLISHED' as const },
    ];
    const byVillage = villageLiaisons(people, relationships);
    expect(byVillage.get('vil_1')).toEqual({ status: 'ESTABLISHED', personIds: ['per_a', 'per_b'] });
    expect(byVillage.get('vil_2')).toEqual({ status: 'ESTABLISHED', personIds: ['per_b'] });
    expect(byVillage.has('vil_3')).toBe(false);
  });
});

describe('the definitions as returned with each figure', () => {
  it('states every target in Chinese and English, with its target number and a version', () => {
    expect(Object.keys(COVERAGE_DEFINITIONS)).toEqual(['VILLAGES_COVERED', 'FAMILIES_COVERED', 'MOST_VULNERABLE_SUPPORTED', 'OFFICERS_TRAINED']);
    expect(Object.values(COVERAGE_DEFINITIONS).map((d) => d.target)).toEqual([20, 10_000, 20, 20]);
    for (const d of Object.values(COVERAGE_DEFINITIONS)) {
      expect(d.zh).toMatch(/\p{Script=Han}/u);
      expect(d.en).toMatch(/[A-Za-z]{4}/);
      expect(d.version.length).toBeGreaterThan(0);
    }
  });
});
