/**
 * Bytes → string for text-like files: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8,
 * then GB18030 (which covers GBK and GB2312), the encodings Chinese office PCs save in.
 */
export function decodeText(data: Uint8Array, declared?: string | null): string {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (declared) {
    const label = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/i.test(declared) ? 'gb18030' : declared.toLowerCase();
    try {
      if (label !== 'utf-8' && label !== 'utf8') return new TextDecoder(label).decode(data);
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  const utf16 = utf16WithoutBom(data);
  if (utf16) return new TextDecoder(utf16).decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** UTF-16 saved without a BOM: every other byte is zero for Latin text. */
function utf16WithoutBom(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(data.length - (data.length % 2), 2000);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenZero++;
    if (data[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}
