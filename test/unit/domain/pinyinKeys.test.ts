import { matchRank, MATCH_RANKS } from '../../../src/domain/matchRank';
import { pinyinKeys } from '../../../src/domain/pinyinKeys';
import { searchKeys } from '../../../src/domain/searchKeys';
import { searchQuery } from '../../../src/domain/searchQuery';
import { aHousehold } from '../../support/builders';

/** Search keys are computed once at write time; these are the promises both stores rely on. */
describe('pinyinKeys', () => {
  it('gives the whole name in full pinyin and initials, and every syllable suffix as a token', () => {
    expect(pinyinKeys('王小明')).toEqual({
      text: '王小明',
      whole: ['wangxiaoming', 'wxm'],
      tokens: ['wangxiaoming', 'xiaoming', 'ming', 'wxm', 'xm', 'm'],
    });
    expect(pinyinKeys('王泗').whole).toEqual(['wangsi', 'ws']);
  });

  it('keeps both readings of a polyphonic surname (曾: zeng as a surname, ceng otherwise)', () => {
    expect(pinyinKeys('曾小明').whole).toEqual(expect.arrayContaining(['zengxiaoming', 'zxm', 'cengxiaoming', 'cxm']));
  });

  it('keeps digits and Latin letters as themselves, drops punctuation, normalises width and case', () => {
    expect(pinyinKeys('户主-0000123').whole).toEqual(['huzhu0000123', 'hz0000123']);
    expect(pinyinKeys('ＡＢ 社区').text).toBe('ab社区');
    expect(pinyinKeys('ＡＢ 社区').whole).toEqual(['abshequ', 'absq']);
  });

  it('reads a rare character of a real place name (䢺江镇)', () => {
    expect(pinyinKeys('䢺江镇').whole).toEqual(['chujiangzhen', 'cjz']);
  });

  it('gives nothing for an empty name', () => {
    expect(pinyinKeys('  ')).toEqual({ text: '', whole: [], tokens: [] });
  });
});

describe('searchQuery and matchRank', () => {
  const keys = searchKeys('Household', aHousehold({ head: { name: '王小明', phone: '+86 138-0000-1234', idNumber: null }, householdCode: 'syn-a-0001' }));

  it('stores a phone as digits and a code upper case', () => {
    expect(keys).toMatchObject({ phone: '8613800001234', code: 'SYN-A-0001' });
  });

  it('ranks exact above prefix above contains, on each key', () => {
    const rank = (text: string) => matchRank(searchQuery(text), keys, ['name', 'phone', 'code']);
    expect(['王小明', 'wxm', 'wangxiaoming', 'syn-a-0001'].map(rank)).toEqual([0, 0, 0, 0].map(() => MATCH_RANKS.EXACT));
    expect(['王小', 'wangx', 'wang xiao', '86138', 'SYN-A'].map(rank)).toEqual([1, 1, 1, 1, 1].map(() => MATCH_RANKS.PREFIX));
    expect(['小明', 'ming', 'xm', '1234', '0001'].map(rank)).toEqual([2, 2, 2, 2, 2].map(() => MATCH_RANKS.CONTAINS));
    expect(['明小', 'angxiao', '12', 'zzz'].map(rank)).toEqual([null, null, null, null]);
  });

  it('tests only the fields given', () => {
    expect(matchRank(searchQuery('SYN-A-0001'), keys, ['name', 'phone'])).toBeNull();
    expect(matchRank(searchQuery('13800001234'), keys, ['name', 'code'])).toBeNull();
  });

  it('reads a query into its forms: 汉字 runs, pinyin, digits, code', () => {
    expect(searchQuery(' 王 小明 ')).toMatchObject({ text: '王小明', hanRuns: ['王小明'], pinyin: null });
    expect(searchQuery("Xi'an")).toMatchObject({ pinyin: 'xian', code: null });
    expect(searchQuery('(028) 8888-1234')).toMatchObject({ digits: '02888881234' });
    expect(searchQuery('12')).toMatchObject({ digits: null, code: null });
  });
});
