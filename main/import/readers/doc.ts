import WordExtractor from 'word-extractor';
import type { NeutralDocument } from '../document.js';
import { importFailed } from '../errors.js';
import { textToDocument } from './text.js';

/**
 * .doc (Word 97–2003): word-extractor gives the body text with table cells separated by tabs,
 * which the text path already reads as table rows.
 */
export async function readDoc(data: Uint8Array): Promise<NeutralDocument> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    body = doc.getBody();
  } catch {
    throw importFailed('无法读取这个 .doc 文件，可能已损坏或设置了密码。请用 Word 或 WPS 打开后另存为 .docx 再导入。');
  }
  if (body.trim() === '') throw importFailed('这个 .doc 文件里没有文字内容。请确认文件是否正确，或另存为 .docx 再导入。');
  return textToDocument(body);
}
