/**
 * Text pasted from Word or WPS into a plain paragraph box: paragraph breaks kept, formatting
 * already gone (text/plain), Windows line ends, zero-width and soft-hyphen characters, and
 * non-breaking spaces cleaned; the usual full-width (U+3000) indent at the start of a paragraph is kept.
 */
export function cleanPastedText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\u000b\u000c]/g, '\n')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Characters as a clerk counts them: no line breaks or spaces. */
export function countChars(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/.test(ch)) n++;
  return n;
}
