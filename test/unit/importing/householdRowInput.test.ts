import { householdRowInput, mapHeader, type VillageLookup } from '../../../src/importing/householdRowInput';
import { HOUSEHOLD_TEMPLATE, templateHeader } from '../../../src/importing/householdTemplate';

const villages: VillageLookup = (cell) => (cell === '南街社区' || cell === '510129001002' ? { villageId: 'vil_510129001002' } : { reason: 'unknown_village', message: 'no such village' });

describe('mapHeader: Chinese or English headers of the template', () => {
  it('maps the Chinese header to the template columns', () => {
    const m = mapHeader(templateHeader('ZH'));
    expect(m.columns.map((c) => c?.path)).toEqual(HOUSEHOLD_TEMPLATE.map((c) => c.path));
    expect(m).toMatchObject({ language: 'ZH', issues: [] });
  });

  it('maps the English header to the same columns', () => {
    const m = mapHeader(templateHeader('EN'));
    expect(m.columns.map((c) => c?.path)).toEqual(HOUSEHOLD_TEMPLATE.map((c) => c.path));
    expect(m.language).toBe('EN');
  });

  it('ignores case, spaces, full-width brackets and a required star; mixed languages are fine', () => {
    const m = mapHeader(['村(社区)*', 'HEADNAME', ' 家庭人数 ']);
    expect(m.columns.map((c) => c?.path)).toEqual(['villageId', 'head.name', 'size']);
    expect(m).toMatchObject({ language: 'MIXED', issues: [] });
  });

  it('reports unknown, repeated and missing required columns as file issues', () => {
    const m = mapHeader(['户主姓名', '村（社区）', '收入', 'headName']);
    expect(m.issues.map((i) => [i.reason, i.fieldPath])).toEqual([
      ['unknown_column', ['header', 2]],
      ['repeated_column', ['header', 3]],
      ['missing_column', ['size']],
    ]);
  });
});

describe('householdRowInput: a row → registerHousehold input', () => {
  const zh = mapHeader(templateHeader('ZH'));
  const cells = (values: Record<string, string>) => HOUSEHOLD_TEMPLATE.map((c) => values[c.path] ?? '');

  it('turns labels into codes, numbers into numbers, and nests head and loan', () => {
    const { input, issues } = householdRowInput(
      zh,
      2,
      cells({
        villageId: '南街社区',
        size: '3',
        'head.name': '合成户主',
        'head.phone': '13800000000',
        memberAgeBands: '18-59岁、80岁以上',
        markers: '低保，残疾证',
        disabilityGrade: '2',
        'loan.creditOfficerId': 'per_x',
        'loan.amountYuan': '20,000',
        'loan.purpose': '养殖',
        'loan.since': '2024-01-01',
      }),
      villages,
    );
    expect(issues).toEqual([]);
    expect(input).toEqual({
      villageId: 'vil_510129001002',
      size: 3,
      head: { name: '合成户主', phone: '13800000000' },
      memberAgeBands: ['AGE_18_59', 'AGE_80_PLUS'],
      markers: ['DIBAO', 'DISABILITY_CERTIFICATE'],
      disabilityGrade: 2,
      loan: { creditOfficerId: 'per_x', amountYuan: 20000, purpose: 'LIVESTOCK', since: '2024-01-01' },
    });
  });

  it('leaves what it cannot read as typed, for the API schema to refuse at its path', () => {
    const { input } = householdRowInput(zh, 2, cells({ villageId: '510129001002', size: '三', markers: '富裕' }), villages);
    expect(input).toMatchObject({ size: '三', markers: ['富裕'], head: {} });
  });

  it('reports a village it cannot find at villageId', () => {
    const { issues } = householdRowInput(zh, 7, cells({ villageId: '不存在村', size: '1', 'head.name': 'x' }), villages);
    expect(issues).toEqual([expect.objectContaining({ row: 7, fieldPath: ['villageId'], reason: 'unknown_village' })]);
  });
});
