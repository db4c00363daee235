/** Builders for households, needs and need categories: synthetic, fresh ids per call, stamped BUILT_AT. */
import { newId } from '../../../src/domain/ids';
import type { Category, Household, Need } from '../../../src/domain/model';
import { vulnerabilityScore } from '../../../src/domain/vulnerabilityIndex';
import { BUILT_AT } from './defaults';

/**
 * A household; its vulnerabilityScore is computed from the (overridden)
 * markers, members and grade unless the override sets it. A
 * DISABILITY_CERTIFICATE marker without a grade gets grade 2.
 */
export function aHousehold(overrides: Partial<Household> = {}): Household {
  const markers = overrides.markers ?? [];
  const disabilityGrade =
    overrides.disabilityGrade !== undefined ? overrides.disabilityGrade : markers.includes('DISABILITY_CERTIFICATE') ? 2 : null;
  const base: Household = {
    // Defaults only when not overridden: bulk fixtures build many households and newId is not free.
    id: overrides.id ?? newId('Household'),
    householdCode: null,
    villageId: overrides.villageId ?? newId('Village'),
    size: 3,
    memberAgeBands: ['AGE_18_59', 'AGE_18_59', 'AGE_7_17'],
    markers,
    disabilityGrade,
    head: { name: '户主(synthetic)', phone: null, idNumber: null },
    loan: null,
    vulnerabilityScore: 0,
    synthetic: true,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    version: 1,
    ...overrides,
  };
  base.disabilityGrade = disabilityGrade;
  return { ...base, vulnerabilityScore: overrides.vulnerabilityScore ?? vulnerabilityScore(base) };
}

export function aNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: overrides.id ?? newId('Need'),
    householdId: overrides.householdId ?? newId('Household'),
    category: 'MEDICAL',
    urgency: 'MEDIUM',
    description: 'synthetic need',
    status: 'OPEN',
    synthetic: true,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}

export function aCategory(overrides: Partial<Category> = {}): Category {
  return { code: 'MEDICAL', nameZh: '医疗', nameEn: 'Medical care', core: true, ...overrides };
}

/** The categories smallNetwork uses (a subset of seed/categories.json). */
export function someCategories(): Category[] {
  return [
    aCategory(),
    aCategory({ code: 'ELDERLY_CARE', nameZh: '养老', nameEn: 'Elderly care' }),
    aCategory({ code: 'EDUCATION', nameZh: '教育', nameEn: 'Education' }),
    aCategory({ code: 'MENTAL_HEALTH', nameZh: '心理健康', nameEn: 'Mental health', core: false }),
  ];
}
