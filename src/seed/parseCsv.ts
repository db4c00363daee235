/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF;
 * a field in double quotes may hold commas, line breaks and doubled quotes
 * (`""` → `"`). The seed files are tiny, so this favours clarity over speed.
 *
 * Returns the raw records (arrays of strings), header included. A trailing
 * line break does not make an empty last record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 BOM is not part of the first header

  const endField = () => {
    record.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch !== '"') {
        field += ch;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        inQuotes = false;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || fieldWasQuoted) {
        throw new Error(
          `seed/parseCsv: unexpected quote inside an unquoted field at record ${records.length + 1}; ` +
            'quote the whole field and double any quote inside it ("a ""b"" c")',
        );
      }
      inQuotes = true;
      fieldWasQuoted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      if (fieldWasQuoted) {
        throw new Error(
          `seed/parseCsv: text after a closing quote at record ${records.length + 1}; ` +
            'a quoted field must end at a comma or a line break',
        );
      }
      field += ch;
    }
  }
  if (inQuotes) {
    throw new Error('seed/parseCsv: the file ends inside a quoted field; close the quote');
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (field !== '' || fieldWasQuoted || record.length > 0) endRecord();
  return records;
}
