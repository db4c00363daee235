import { idFromKey } from '../domain/ids';
import type { AgeBand, Category, Household, Loan, Marker, Need, NeedStatus, Person, Urgency, Village } from '../domain/model';
import { vulnerabilityScore } from '../domain/vulnerabilityIndex';
import { fakePhone, pad } from './fakePhone';
import { seededRandom, weightedPicker, type Rng } from './seededRandom';

/**
 * One synthetic household and its needs, from its own random stream
 * (seed, sequence number): household #n is the same in every run with the
 * same seed, whatever the total. Prevalences are plausible for rural Sichuan
 * but invented (SYNTHETIC_RATES); nothing here describes a real family.
 */
export const SYNTHETIC_RATES = {
  tekun: 0.01,
  dibao: 0.05,
  disability: 0.06,
  seriousIllness: 0.04,
  solitaryElderly: 0.04,
  emptyNestElderly: 0.08,
  leftBehindChildren: 0.05,
  loan: 0.3,
  /** Chance of 1–2 needs: vulnerable households ask far more often (about 8% overall). */
  needIfMarked: 0.2,
  needIfUnmarked: 0.03,
} as const;

/** Synthetic records fall in this window, fixed so output never depends on the clock. */
export const SYNTHETIC_WINDOW = {
  start: Date.parse('2024-12-01T00:00:00.000Z'),
  end: Date.parse('2025-12-01T00:00:00.000Z'),
} as const;

export interface HouseholdContext {
  seed: number;
  /** Draws a village, communities weighted heavier. */
  pickVillage: (rng: Rng) => Village;
  creditOfficersByTownship: ReadonlyMap<string, readonly Person[]>;
  categories: ReadonlyMap<string, Category>;
}

export function generateSyntheticHousehold(seq: number, ctx: HouseholdContext): { household: Household; needs: Need[] } {
  const rng = seededRandom(ctx.seed, HOUSEHOLD_STREAM, seq);
  const key = `s${pad(seq, 7)}`;
  const village = ctx.pickVillage(rng);
  const { markers, disabilityGrade } = drawMarkers(rng);
  const memberAgeBands = drawMembers(rng, markers);
  const createdMs = timeBetween(rng, SYNTHETIC_WINDOW.start, SYNTHETIC_WINDOW.end - 30 * DAY);
  const shaped = { markers, disabilityGrade, memberAgeBands, size: memberAgeBands.length };
  const household: Household = {
    id: idFromKey('Household', key),
    householdCode: `SYN-${village.code}-${pad(seq, 7)}`,
    villageId: village.id,
    size: shaped.size,
    memberAgeBands,
    markers,
    disabilityGrade,
    head: { name: `户主-${pad(seq, 7)}`, phone: rng.chance(0.6) ? fakePhone(rng) : null, idNumber: null },
    loan: bridging(rng.chance(SYNTHETIC_RATES.loan) ? drawLoan(rng, ctx.creditOfficersByTownship.get(village.townshipId) ?? []) : null, markers),
    vulnerabilityScore: vulnerabilityScore(shaped),
    synthetic: true,
    createdAt: iso(createdMs),
    updatedAt: iso(createdMs + rng.int(0, 30) * DAY),
    version: 1,
  };
  const needs = drawNeeds(rng, household, key, createdMs, ctx.categories);
  return { household, needs };
}

// Private:

const HOUSEHOLD_STREAM = 0x4848; // "HH"
const DAY = 86_400_000;

const pickGrade = weightedPicker<number>([
  [1, 15],
  [2, 25],
  [3, 30],
  [4, 30],
]);

function drawMarkers(rng: Rng): { markers: Marker[]; disabilityGrade: number | null } {
  const markers: Marker[] = [];
  // 特困 and 低保 exclude each other: extreme-poverty support replaces the minimum allowance.
  const poverty = rng.next();
  if (poverty < SYNTHETIC_RATES.tekun) markers.push('TEKUN');
  else if (poverty < SYNTHETIC_RATES.tekun + SYNTHETIC_RATES.dibao) markers.push('DIBAO');
  let disabilityGrade: number | null = null;
  if (rng.chance(SYNTHETIC_RATES.disability)) {
    markers.push('DISABILITY_CERTIFICATE');
    disabilityGrade = pickGrade(rng);
  }
  if (rng.chance(SYNTHETIC_RATES.seriousIllness)) markers.push('SERIOUS_ILLNESS');
  // Solitary, empty-nest and left-behind describe who lives in the household, so at most one applies.
  const living = rng.next();
  if (living < SYNTHETIC_RATES.solitaryElderly) markers.push('SOLITARY_ELDERLY');
  else if (living < SYNTHETIC_RATES.solitaryElderly + SYNTHETIC_RATES.emptyNestElderly) markers.push('EMPTY_NEST_ELDERLY');
  else if (living < SYNTHETIC_RATES.solitaryElderly + SYNTHETIC_RATES.emptyNestElderly + SYNTHETIC_RATES.leftBehindChildren) {
    markers.push('LEFT_BEHIND_CHILDREN');
  }
  return { markers, disabilityGrade };
}

const pickSize = weightedPicker<number>([
  [1, 12],
  [2, 24],
  [3, 24],
  [4, 18],
  [5, 12],
  [6, 7],
  [7, 3],
]);
const pickExtraMember = weightedPicker<AgeBand>([
  ['AGE_0_3', 10],
  ['AGE_4_6', 10],
  ['AGE_7_17', 35],
  ['AGE_18_59', 20],
  ['AGE_60_79', 18],
  ['AGE_80_PLUS', 7],
]);
const pickChild = weightedPicker<AgeBand>([
  ['AGE_0_3', 10],
  ['AGE_4_6', 20],
  ['AGE_7_17', 70],
]);
const elder = (rng: Rng): AgeBand => (rng.chance(0.75) ? 'AGE_60_79' : 'AGE_80_PLUS');
const BAND_ORDER: readonly AgeBand[] = ['AGE_0_3', 'AGE_4_6', 'AGE_7_17', 'AGE_18_59', 'AGE_60_79', 'AGE_80_PLUS'];

/** Members consistent with the living-situation marker; every member is listed, so size = bands. */
function drawMembers(rng: Rng, markers: readonly Marker[]): AgeBand[] {
  const bands: AgeBand[] = [];
  if (markers.includes('SOLITARY_ELDERLY')) {
    bands.push(elder(rng));
  } else if (markers.includes('EMPTY_NEST_ELDERLY')) {
    bands.push(elder(rng), elder(rng));
  } else if (markers.includes('LEFT_BEHIND_CHILDREN')) {
    // Children at home with grandparents; both parents are members working away.
    for (let k = rng.chance(0.85) ? rng.int(1, 2) : 3; k > 0; k--) bands.push(pickChild(rng));
    for (let k = rng.int(1, 2); k > 0; k--) bands.push(elder(rng));
    bands.push('AGE_18_59', 'AGE_18_59');
  } else {
    const size = pickSize(rng);
    bands.push(rng.chance(0.8) ? 'AGE_18_59' : 'AGE_60_79');
    if (size >= 2) bands.push(bands[0] as AgeBand);
    while (bands.length < size) bands.push(pickExtraMember(rng));
  }
  return bands.sort((a, b) => BAND_ORDER.indexOf(a) - BAND_ORDER.indexOf(b));
}

/**
 * The annual report's last year: commerce 58 %, livestock 23 %, planting 13 %, consumption and other 6 %. Of the
 * 6 points of OTHER, the serious-illness bridging loans (大病周转) take about 4: every borrower household with the
 * 大病 marker (SYNTHETIC_RATES.seriousIllness = 4 % of households, independent of holding a loan) holds one (see
 * bridging). So the draw below gives OTHER only the remaining 2 points, and the book's OTHER share stays near 6 %.
 * (The company publishes no bridging share: that 4 % is a planning assumption, as the marker's rate is.)
 */
const pickPurpose = weightedPicker<Loan['purpose']>([
  ['COMMERCE', 58],
  ['LIVESTOCK', 23],
  ['PLANTING', 13],
  ['OTHER', 6 - Math.round(SYNTHETIC_RATES.seriousIllness * 100)],
]);

/**
 * A borrower household with a serious illness (大病) holds a serious-illness bridging loan (大病周转): purpose
 * OTHER (consumption), flagged, linked to the household's MEDICAL needs. Decided from the markers already drawn,
 * with no random draw of its own, so every other synthetic value stays what it was.
 */
function bridging(loan: Loan | null, markers: readonly Marker[]): Loan | null {
  if (loan === null || !markers.includes('SERIOUS_ILLNESS')) return loan;
  return { ...loan, purpose: 'OTHER', seriousIllnessBridging: true };
}

/** Family credit loans: under 30,000 yuan, most between 10,000 and 25,000. */
function drawLoan(rng: Rng, officers: readonly Person[]): Loan | null {
  if (officers.length === 0) return null;
  const thousands = Math.round((rng.int(3, 29) + rng.int(3, 29)) / 2);
  const sinceMs = timeBetween(rng, Date.parse('2022-01-01T00:00:00.000Z'), SYNTHETIC_WINDOW.end - DAY);
  return {
    creditOfficerId: rng.pick(officers).id,
    amountYuan: thousands * 1000,
    purpose: pickPurpose(rng),
    since: iso(sinceMs).slice(0, 10),
  };
}

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['MEDICAL', 20],
  ['ELDERLY_CARE', 17],
  ['EDUCATION', 13],
  ['DISABILITY', 10],
  ['EMPLOYMENT', 15],
  ['CHILD_CARE', 8],
  ['MENTAL_HEALTH', 6],
  ['SOCIAL_ASSISTANCE', 8],
  ['INDUSTRY_DEVELOPMENT', 2],
  ['ENTREPRENEURSHIP', 1],
];
const pickCategory = weightedPicker(CATEGORY_WEIGHTS);
/** What a marker makes a family most likely to ask for. */
const CATEGORY_FOR_MARKER: Readonly<Record<Marker, readonly string[]>> = {
  TEKUN: ['SOCIAL_ASSISTANCE'],
  DIBAO: ['SOCIAL_ASSISTANCE', 'EMPLOYMENT'],
  DISABILITY_CERTIFICATE: ['DISABILITY'],
  SERIOUS_ILLNESS: ['MEDICAL'],
  LEFT_BEHIND_CHILDREN: ['CHILD_CARE', 'EDUCATION'],
  SOLITARY_ELDERLY: ['ELDERLY_CARE'],
  EMPTY_NEST_ELDERLY: ['ELDERLY_CARE'],
};
const pickUrgency = weightedPicker<Urgency>([
  ['LOW', 30],
  ['MEDIUM', 40],
  ['HIGH', 22],
  ['CRITICAL', 8],
]);
const pickStatus = weightedPicker<NeedStatus>([
  ['OPEN', 82],
  ['RESOLVED', 14],
  ['CLOSED', 4],
]);

function drawNeeds(
  rng: Rng,
  household: Household,
  key: string,
  householdCreatedMs: number,
  categories: ReadonlyMap<string, Category>,
): Need[] {
  const chance = household.markers.length > 0 ? SYNTHETIC_RATES.needIfMarked : SYNTHETIC_RATES.needIfUnmarked;
  if (!rng.chance(chance)) return [];
  const count = rng.chance(0.7) ? 1 : 2;
  const suggested = household.markers.flatMap((m) => CATEGORY_FOR_MARKER[m]).filter((code) => needFitsHousehold(code, household) !== null);
  const chosen: string[] = [];
  for (let attempt = 0; chosen.length < count && attempt < MAX_CATEGORY_DRAWS; attempt++) {
    const code = chosen.length === 0 && suggested.length > 0 && rng.chance(0.6) ? rng.pick(suggested) : pickCategory(rng);
    if (!chosen.includes(code) && needFitsHousehold(code, household) !== null) chosen.push(code);
  }
  // Every household can have a medical need: the fallback when the draws found nothing that fits.
  if (chosen.length === 0) chosen.push('MEDICAL');
  return chosen.map((code, k) => {
    const category = categories.get(code);
    if (!category) {
      throw new Error(`seed/generateSyntheticHousehold: category ${code} is not in categories.json; add it or drop its weight`);
    }
    // Needs were raised in the last six months of the window, never before the household was registered.
    const createdMs = timeBetween(rng, Math.max(householdCreatedMs, SYNTHETIC_WINDOW.end - 180 * DAY), SYNTHETIC_WINDOW.end - DAY);
    const status = pickStatus(rng);
    const updatedMs = status === 'OPEN' ? createdMs : Math.min(createdMs + rng.int(1, 30) * DAY, SYNTHETIC_WINDOW.end);
    return {
      id: idFromKey('Need', `${key}-${k + 1}`),
      householdId: household.id,
      category: code,
      urgency: pickUrgency(rng),
      description: `合成数据（非真实家庭）：${category.nameZh}需求示例${reasonText(needFitsHousehold(code, household))}。Synthetic example of a ${category.nameEn.toLowerCase()} need; describes no real family.`,
      status,
      synthetic: true,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
    };
  });
}

const MAX_CATEGORY_DRAWS = 20;
const CHILD_BANDS: readonly AgeBand[] = ['AGE_0_3', 'AGE_4_6', 'AGE_7_17'];

/**
 * Whether a need of this category fits who lives in the household, and on
 * what ground: null when it does not. No CHILD_CARE need without a child
 * (or the left-behind-children marker); EMPLOYMENT only with a working-age
 * member (18–59); ELDERLY_CARE only with a member aged 60 or more;
 * DISABILITY with a disability certificate, or with a stated reason (a
 * member aged 80+ or a serious illness: the need is to be assessed for a
 * certificate). Everything else fits any household.
 */
export function needFitsHousehold(
  category: string,
  household: Pick<Household, 'memberAgeBands' | 'markers'>,
): 'FITS' | 'NO_CERTIFICATE_YET_AGE' | 'NO_CERTIFICATE_YET_ILLNESS' | null {
  const has = (band: AgeBand) => household.memberAgeBands.includes(band);
  switch (category) {
    case 'CHILD_CARE':
      return CHILD_BANDS.some(has) || household.markers.includes('LEFT_BEHIND_CHILDREN') ? 'FITS' : null;
    case 'EMPLOYMENT':
      return has('AGE_18_59') ? 'FITS' : null;
    case 'ELDERLY_CARE':
      return has('AGE_60_79') || has('AGE_80_PLUS') ? 'FITS' : null;
    case 'DISABILITY':
      if (household.markers.includes('DISABILITY_CERTIFICATE')) return 'FITS';
      if (has('AGE_80_PLUS')) return 'NO_CERTIFICATE_YET_AGE';
      if (household.markers.includes('SERIOUS_ILLNESS')) return 'NO_CERTIFICATE_YET_ILLNESS';
      return null;
    default:
      return 'FITS';
  }
}

/** The stated reason a need carries when the household lacks the marker it would normally follow. */
function reasonText(fit: ReturnType<typeof needFitsHousehold>): string {
  switch (fit) {
    case 'NO_CERTIFICATE_YET_AGE':
      return '（尚无残疾证：高龄家庭成员需申请残疾评定 / no certificate yet: an 80+ member is to be assessed）';
    case 'NO_CERTIFICATE_YET_ILLNESS':
      return '（尚无残疾证：因大病需申请残疾评定 / no certificate yet: to be assessed after a serious illness）';
    default:
      return '';
  }
}

/** A whole second in [fromMs, toMs). */
function timeBetween(rng: Rng, fromMs: number, toMs: number): number {
  return fromMs + Math.floor((rng.next() * Math.max(0, toMs - fromMs)) / 1000) * 1000;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
