import { evaluateEligibility } from '../../../../src/domain/matching';
import type { Household } from '../../../../src/domain/model';
import { aHousehold, anEligibility, aService, aVillage, JINYUAN, NANJIE, WANGSI } from '../../../support/builders';

/** What these tests rely on (ids in the expected messages), passed to the shared builders. */
const HOUSEHOLD = { id: 'hh_1', villageId: NANJIE.id } satisfies Partial<Household>;

const village = aVillage(NANJIE);

describe('evaluateEligibility', () => {
  it('makes a service without rules open to every household, with no checks', () => {
    const result = evaluateEligibility(aService(), aHousehold(HOUSEHOLD), village);
    expect(result).toEqual({ eligible: true, checks: [], unlock: null });
  });

  describe('AGE_BAND: some listed member in one of the bands', () => {
    const infantCare = aService({ eligibility: anEligibility({ ageBands: ['AGE_0_3'] }) });

    it('passes when one member is in a band', () => {
      const result = evaluateEligibility(infantCare, aHousehold({ ...HOUSEHOLD, memberAgeBands: ['AGE_18_59', 'AGE_0_3'] }), village);
      expect(result.eligible).toBe(true);
      expect(result.checks).toEqual([{ rule: 'AGE_BAND', passed: true, detail: 'requires a member aged 0–3: household has a member aged 0–3' }]);
    });

    it('fails when no member is in a band, with no unlock when every member’s age is recorded', () => {
      const result = evaluateEligibility(infantCare, aHousehold({ ...HOUSEHOLD, size: 2, memberAgeBands: ['AGE_18_59', 'AGE_60_79'] }), village);
      expect(result.eligible).toBe(false);
      expect(result.checks[0]).toEqual({
        rule: 'AGE_BAND',
        passed: false,
        detail: 'requires a member aged 0–3: household lists members aged 18–59, 60–79',
      });
      expect(result.unlock).toBeNull();
    });

    it('offers recording the missing ages as the unlock when fewer ages than members are listed', () => {
      const result = evaluateEligibility(infantCare, aHousehold({ ...HOUSEHOLD, size: 4, memberAgeBands: ['AGE_18_59'] }), village);
      expect(result.checks[0]?.unlock).toBe('eligible if a member aged 0–3 is recorded (ages recorded for 1 of 4 members)');
    });
  });

  describe('REQUIRED_MARKER: every listed marker', () => {
    const disabilityProgramme = aService({ eligibility: anEligibility({ requiredMarkers: ['DISABILITY_CERTIFICATE'] }) });

    it('fails without the marker and names the certificate as the unlock', () => {
      const result = evaluateEligibility(disabilityProgramme, aHousehold({ ...HOUSEHOLD, markers: ['DIBAO'] }), village);
      expect(result.eligible).toBe(false);
      expect(result.checks).toEqual([
        {
          rule: 'REQUIRED_MARKER',
          passed: false,
          detail: 'requires DISABILITY_CERTIFICATE: household has no DISABILITY_CERTIFICATE',
          unlock: 'eligible with a disability certificate (残疾证)',
        },
      ]);
    });

    it('passes with the marker', () => {
      const household = aHousehold({ ...HOUSEHOLD, markers: ['DISABILITY_CERTIFICATE'], disabilityGrade: 2 });
      expect(evaluateEligibility(disabilityProgramme, household, village).eligible).toBe(true);
    });

    it('fails when only some of several required markers are present, naming only the missing ones', () => {
      const service = aService({ eligibility: anEligibility({ requiredMarkers: ['DIBAO', 'SERIOUS_ILLNESS', 'TEKUN'] }) });
      const check = evaluateEligibility(service, aHousehold({ ...HOUSEHOLD, markers: ['DIBAO'] }), village).checks[0];
      expect(check?.passed).toBe(false);
      expect(check?.detail).toBe('requires DIBAO, SERIOUS_ILLNESS and TEKUN: household lacks SERIOUS_ILLNESS and TEKUN');
      expect(check?.unlock).toBe('eligible with a serious-illness record (大病) and extreme-poverty support (特困)');
    });
  });

  describe('ANY_OF_MARKERS: at least one listed marker', () => {
    const relief = aService({ eligibility: anEligibility({ anyOfMarkers: ['DIBAO', 'TEKUN'] }) });

    it('passes with one of them', () => {
      const result = evaluateEligibility(relief, aHousehold({ ...HOUSEHOLD, markers: ['TEKUN'] }), village);
      expect(result.checks).toEqual([{ rule: 'ANY_OF_MARKERS', passed: true, detail: 'requires one of DIBAO or TEKUN: household has TEKUN' }]);
    });

    it('fails with none of them and offers either as the unlock', () => {
      const result = evaluateEligibility(relief, aHousehold({ ...HOUSEHOLD, markers: ['EMPTY_NEST_ELDERLY'] }), village);
      expect(result.eligible).toBe(false);
      expect(result.checks[0]?.unlock).toBe('eligible with a minimum-living allowance (低保) or extreme-poverty support (特困)');
    });
  });

  describe('RESIDENCY: the household’s township is listed', () => {
    it('passes when the village lies in a listed township', () => {
      const service = aService({ eligibility: anEligibility({ residencyTownshipIds: [WANGSI.id, JINYUAN.id] }) });
      expect(evaluateEligibility(service, aHousehold(HOUSEHOLD), village).eligible).toBe(true);
    });

    it('fails elsewhere, naming townships by name when given, and offers no unlock', () => {
      const service = aService({ eligibility: anEligibility({ residencyTownshipIds: [WANGSI.id] }) });
      const names = new Map([[WANGSI.id, WANGSI.name], [JINYUAN.id, JINYUAN.name]]);
      const result = evaluateEligibility(service, aHousehold(HOUSEHOLD), village, { townshipName: (id) => names.get(id) });
      expect(result.eligible).toBe(false);
      expect(result.checks).toEqual([{ rule: 'RESIDENCY', passed: false, detail: 'requires residency in 王泗镇: household lives in 晋原街道' }]);
      expect(result.unlock).toBeNull();
    });
  });

  it('reports one check per stated rule, in rule order', () => {
    const service = aService({
      eligibility: { ageBands: ['AGE_80_PLUS'], requiredMarkers: ['SOLITARY_ELDERLY'], anyOfMarkers: ['DIBAO'], residencyTownshipIds: [JINYUAN.id] },
    });
    const rules = evaluateEligibility(service, aHousehold(HOUSEHOLD), village).checks.map((c) => c.rule);
    expect(rules).toEqual(['AGE_BAND', 'REQUIRED_MARKER', 'ANY_OF_MARKERS', 'RESIDENCY']);
  });

  it('combines the unlocks of all failed rules when each can be unlocked', () => {
    const service = aService({ eligibility: anEligibility({ requiredMarkers: ['DISABILITY_CERTIFICATE'], anyOfMarkers: ['DIBAO', 'TEKUN'] }) });
    const result = evaluateEligibility(service, aHousehold(HOUSEHOLD), village);
    expect(result.unlock).toBe(
      'eligible with a disability certificate (残疾证) and with a minimum-living allowance (低保) or extreme-poverty support (特困)',
    );
  });

  it('gives no overall unlock when one failed rule cannot be unlocked', () => {
    const service = aService({ eligibility: anEligibility({ requiredMarkers: ['DIBAO'], residencyTownshipIds: [WANGSI.id] }) });
    const result = evaluateEligibility(service, aHousehold(HOUSEHOLD), village);
    expect(result.checks.filter((c) => !c.passed)).toHaveLength(2);
    expect(result.unlock).toBeNull();
  });

  it('rejects a village that is not the household’s', () => {
    const elsewhere = aVillage({ ...NANJIE, id: 'vil_510129101001' });
    expect(() => evaluateEligibility(aService(), aHousehold(HOUSEHOLD), elsewhere)).toThrow(/domain\/evaluateEligibility: household hh_1 lives in vil_510129001002/);
  });
});
