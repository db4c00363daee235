/**
 * Real Dayi County units as fixed fixtures, for tests whose expectations read
 * a place's name (晋原街道, 王泗镇 and some of their communities; codes and
 * township points from seed/data/townships.csv and villages.csv). Everything
 * else the builders make is synthetic; these are public administrative units.
 * Villages sit at their township's point with precision 'township', as the
 * seed places them when no finer point is known.
 */
import type { Township, Village } from '../../../src/domain/model';

export const JINYUAN: Township = {
  id: 'twp_510129001000',
  code: '510129001000',
  name: '晋原街道',
  kind: 'SUBDISTRICT',
  location: { lat: 30.587049, lng: 103.501125, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

export const WANGSI: Township = {
  id: 'twp_510129101000',
  code: '510129101000',
  name: '王泗镇',
  kind: 'TOWN',
  location: { lat: 30.523428, lng: 103.485121, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

function community(township: Township, code: string, displayName: string): Village {
  return {
    id: `vil_${code}`,
    code,
    name: `${displayName}居委会`,
    displayName,
    type: 'COMMUNITY',
    townshipId: township.id,
    location: { ...township.location, precision: 'township' },
    source: 'seed/data/villages.csv',
  };
}

/** 南街社区, 晋原街道 */
export const NANJIE = community(JINYUAN, '510129001002', '南街社区');
/** 西街社区, 晋原街道 */
export const XIJIE = community(JINYUAN, '510129001003', '西街社区');
/** 北街社区, 晋原街道 */
export const BEIJIE = community(JINYUAN, '510129001004', '北街社区');
/** 福田社区, 王泗镇 */
export const FUTIAN = community(WANGSI, '510129101003', '福田社区');
