/**
 * The demo world the suite works in: the development demo accounts (team
 * sheet, "Demo accounts") and the seeded places and organisations they are
 * scoped to. Households the suite registers are synthetic and say so.
 */
export const DEMO = {
  admin: 'demo-admin',
  coordinator: 'demo-coordinator',
  socialWorker: 'demo-social-worker',
  volunteer: 'demo-volunteer',
  ngo: 'demo-ngo',
  designer: 'demo-designer',
} as const;

/** 晋原街道, the demo coordinator's township, and one of its villages. */
export const TOWNSHIP_ID = 'twp_510129001000';
export const VILLAGE_ID = 'vil_510129001002';

/** 晋原街道's social-work station (demo-ngo's organisation) and its social-work service. */
export const NGO_ORGANIZATION_ID = 'org_station-510129001000';
export const NGO_SERVICE_ID = 'svc_station-510129001000-social-work';

/**
 * The synthetic head of household the scenario registers, and what a user
 * types to find it again: full pinyin and initials (pinyin-pro's reading).
 * A name no seeded household has (seeded heads are 户主-0000123 placeholders).
 */
export const HEAD = {
  name: '钱婉琪',
  pinyin: 'qianwanqi',
  initials: 'qwq',
} as const;
