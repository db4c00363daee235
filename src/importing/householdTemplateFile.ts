import { HOUSEHOLD_TEMPLATE, templateHeader, type HeaderLanguage } from './householdTemplate';
import { writeSpreadsheet, type SheetFile, type SheetFormat } from './writeSpreadsheet';

/** The downloadable template: the header in one language, one synthetic example row, and (xlsx) a notes sheet per column. */
export function householdTemplateFile(format: SheetFormat, language: HeaderLanguage): Promise<SheetFile> {
  const notes = [
    ['列 column', '说明', 'Note'],
    ...HOUSEHOLD_TEMPLATE.map((c) => [`${c.zh} / ${c.en}${c.required ? ' *' : ''}`, c.noteZh, c.noteEn]),
    [],
    ['', '示例行为合成数据，导入前请删除。必填列标 *。', 'The example row is synthetic: delete it before importing. * = required.'],
  ];
  const baseName = language === 'ZH' ? 'huzhu-households-template-zh' : 'huzhu-households-template-en';
  return writeSpreadsheet(format, baseName, templateHeader(language), [HOUSEHOLD_TEMPLATE.map((c) => c.example)], {
    sheetName: language === 'ZH' ? '农户' : 'Households',
    notes,
  });
}
