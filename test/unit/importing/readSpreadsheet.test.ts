import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { decodeText, encodeGb18030 } from '../../../src/importing/decodeText';
import { templateHeader } from '../../../src/importing/householdTemplate';
import { readSpreadsheet } from '../../../src/importing/readSpreadsheet';
import { writeSpreadsheet } from '../../../src/importing/writeSpreadsheet';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name));

describe('decodeText: UTF-8 (with or without BOM), else GB18030', () => {
  const text = '户主姓名,村（社区）\r\n合成户主甲,南街社区\r\n';

  it('reads UTF-8 without a BOM as UTF-8', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
  });

  it('reads a UTF-8 BOM as UTF-8 and drops the BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'UTF-8-BOM' });
  });

  it('reads GBK bytes (not valid UTF-8) as GB18030', () => {
    const gbk = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(decodeText(gbk)).toEqual({ text, encoding: 'GB18030' });
  });

  it('reads GB18030 four-byte characters beyond GBK', () => {
    const rare = '𠀀䶵'; // outside GBK, inside GB18030
    expect(decodeText(encodeGb18030(`姓名\n${rare}\n`)).text).toBe(`姓名\n${rare}\n`);
  });
});

describe('readSpreadsheet', () => {
  it('reads the shipped GBK CSV: Chinese header and three rows, numbered as in the file', async () => {
    const sheet = await readSpreadsheet(fixture('households-gbk.csv'));
    expect(sheet).toMatchObject({ format: 'CSV', encoding: 'GB18030', header: templateHeader('ZH') });
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(sheet.rows[0]?.cells.slice(0, 4)).toEqual(['SYN-GBK-0001', '南街社区', '3', '合成户主甲']);
  });

  it('reads the shipped .xlsx of the template by its bytes, not its name', async () => {
    const sheet = await readSpreadsheet(fixture('households-template.xlsx'));
    expect(sheet).toMatchObject({ format: 'XLSX', encoding: null, header: templateHeader('ZH') });
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[1]?.cells.slice(0, 4)).toEqual(['SYN-XLSX-0002', '西街社区', '5', '合成户主戊']);
  });

  it('reads numbers and dates typed into xlsx cells as the text a user sees', async () => {
    const file = await writeSpreadsheet('XLSX', 'x', ['size', 'loanSince'], [['3', '2024-05-01']]);
    // Rewrite the cells as Excel would store typed values: a number and a date.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('A2').value = 13800000000;
    ws.getCell('B2').value = new Date('2024-05-01T00:00:00Z');
    ws.getCell('B2').style = { numFmt: 'yyyy-mm-dd' }; // its own style object (cells of a loaded row share one)
    const sheet = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows[0]?.cells).toEqual(['13800000000', '2024-05-01']);
  });

  it('drops blank rows and trims cells', async () => {
    const sheet = await readSpreadsheet(Buffer.from('a,b\n\n , \n x ,y\n', 'utf8'));
    expect(sheet.rows).toEqual([{ row: 4, cells: ['x', 'y'] }]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a broken quote', Buffer.from('a,b\n"x,y\n', 'utf8')],
    ['a damaged .xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
  ])('refuses %s with BAD_USER_INPUT at file', async (_, bytes) => {
    await expect(readSpreadsheet(bytes)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', path: ['file'] });
  });
});
