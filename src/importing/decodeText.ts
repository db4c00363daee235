import iconv from 'iconv-lite';

/** The encodings a CSV is read in: what Excel saves as "CSV UTF-8" (with a BOM), plain UTF-8, and GB18030/GBK. */
export type TextEncoding = 'UTF-8' | 'UTF-8-BOM' | 'GB18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Bytes → text. A UTF-8 BOM, or bytes that are valid UTF-8 throughout, are
 * read as UTF-8; anything else as GB18030 (a superset of GBK and GB2312, what
 * "CSV (逗号分隔)" from Excel on Chinese Windows writes). GBK text that is also
 * valid UTF-8 is practically limited to ASCII, which reads the same either way.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8-BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: the only other encoding the field uses.
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'GB18030' };
  }
}

/** Text → GB18030 bytes (tests and the GBK template: what a Chinese-Windows Excel would save). */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}
