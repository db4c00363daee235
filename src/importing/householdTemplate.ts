import { LoanPurpose, Marker, type AgeBand } from '../domain/model';

/**
 * The household import template (issue 14 item 2): one column per field of
 * registerHousehold's input, each with its Chinese and English header and the
 * input path it fills (the API's field path: a row's errors name it). A file
 * may use either header language, or both mixed; headers match ignoring case,
 * spaces, full-width punctuation and a trailing "*" (required) mark.
 */
export interface TemplateColumn {
  /** The registerHousehold input path this column fills ("head.phone"); `villageId` takes a village's code or name. */
  path: string;
  zh: string;
  en: string;
  required: boolean;
  /** A list column: values separated by 、 , ， ; ； or | */
  list: boolean;
  /** What a cell may hold, in both languages (the template's second sheet and the README). */
  noteZh: string;
  noteEn: string;
  /** The template's example row (synthetic). */
  example: string;
}

/** Chinese labels a cell may use instead of the codes (the codes are accepted too). */
export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  AGE_0_3: '0-3岁',
  AGE_4_6: '4-6岁',
  AGE_7_17: '7-17岁',
  AGE_18_59: '18-59岁',
  AGE_60_79: '60-79岁',
  AGE_80_PLUS: '80岁以上',
};
export const MARKER_LABELS: Readonly<Record<Marker, string>> = {
  DIBAO: '低保',
  TEKUN: '特困',
  DISABILITY_CERTIFICATE: '残疾证',
  SERIOUS_ILLNESS: '大病',
  LEFT_BEHIND_CHILDREN: '留守儿童',
  SOLITARY_ELDERLY: '独居老人',
  EMPTY_NEST_ELDERLY: '空巢老人',
};
export const LOAN_PURPOSE_LABELS: Readonly<Record<(typeof LoanPurpose.options)[number], string>> = { COMMERCE: '商业', LIVESTOCK: '养殖', PLANTING: '种植', OTHER: '其他' };

export const HOUSEHOLD_TEMPLATE: readonly TemplateColumn[] = [
  col('householdCode', '户号', 'householdCode', false, false, '4–40 位字母、数字或 -；唯一', '4–40 letters, digits or -; unique', 'SYN-0001'),
  col('villageId', '村（社区）', 'village', true, false, '12 位村代码，或村名（重名时写 乡镇/村名）', '12-digit village code, or its name (township/name when two share it)', '510129001002'),
  col('size', '家庭人数', 'size', true, false, '1–30 的整数', 'a whole number 1–30', '3'),
  col('head.name', '户主姓名', 'headName', true, false, '1–100 字', '1–100 characters', '示例户主（合成）'),
  col('head.phone', '户主电话', 'headPhone', false, false, '电话号码', 'a phone number', '13800000000'),
  col('head.idNumber', '户主身份证号', 'headIdNumber', false, false, '18 位身份证号（单元格设为文本）', '18-character resident ID (format the cell as text)', ''),
  col('memberAgeBands', '成员年龄段', 'memberAgeBands', false, true, labelsNote(AGE_BAND_LABELS), 'AGE_0_3, AGE_4_6, AGE_7_17, AGE_18_59, AGE_60_79, AGE_80_PLUS', '18-59岁、80岁以上'),
  col('markers', '困难标记', 'markers', false, true, labelsNote(MARKER_LABELS), Marker.options.join(', '), '独居老人'),
  col('disabilityGrade', '残疾等级', 'disabilityGrade', false, false, '1–4（有残疾证时必填）', '1–4 (exactly when DISABILITY_CERTIFICATE is a marker)', ''),
  col('loan.creditOfficerId', '信贷员编号', 'loanCreditOfficerId', false, false, '信贷员的人员编号 per_…（有贷款时四项都填）', "the credit officer's person id per_… (all four loan columns, or none)", ''),
  col('loan.amountYuan', '贷款金额（元）', 'loanAmountYuan', false, false, '0–1000000 的整数', 'a whole number 0–1,000,000', ''),
  col('loan.purpose', '贷款用途', 'loanPurpose', false, false, labelsNote(LOAN_PURPOSE_LABELS), LoanPurpose.options.join(', '), ''),
  col('loan.since', '贷款起始日', 'loanSince', false, false, 'YYYY-MM-DD', 'YYYY-MM-DD', ''),
];

export type HeaderLanguage = 'ZH' | 'EN';

/** The header row of the template in one language. */
export function templateHeader(language: HeaderLanguage): string[] {
  return HOUSEHOLD_TEMPLATE.map((c) => (language === 'ZH' ? c.zh : c.en));
}

/** A header cell → the column it names, or null. */
export function columnForHeader(header: string): TemplateColumn | null {
  const key = normalizeHeader(header);
  return HOUSEHOLD_TEMPLATE.find((c) => normalizeHeader(c.zh) === key || normalizeHeader(c.en) === key || normalizeHeader(c.path) === key) ?? null;
}

/** Case, spaces, full-width brackets and a required "*" do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[*＊\s]/g, '')
    .replace(/[()（）]/g, '')
    .toLowerCase();
}

// Private:

function col(path: string, zh: string, en: string, required: boolean, list: boolean, noteZh: string, noteEn: string, example: string): TemplateColumn {
  return { path, zh, en, required, list, noteZh, noteEn, example };
}

function labelsNote(labels: Readonly<Record<string, string>>): string {
  return `${Object.values(labels).join('、')}（或代码 ${Object.keys(labels).join(', ')}）`;
}
