import JSZip from 'jszip';
import { importFailed, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from '../errors.js';

/**
 * Opening a .docx safely: the central directory is checked (entry count, declared sizes)
 * before anything is inflated, and the bytes are counted again while inflating, because a
 * crafted zip can declare small sizes and still expand to gigabytes.
 */

interface DirEntry {
  name: string;
  uncompressed: number;
}

function readDirectory(data: Uint8Array): DirEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const minEocd = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= minEocd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw importFailed('文件已损坏（压缩包结构不完整），无法读取。请用 Word 或 WPS 打开后另存一份再导入。');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw importFailed('文件过大或结构异常（ZIP64），无法导入。请确认这是年度报告的 Word 文件。');
  if (count > MAX_ZIP_ENTRIES) throw importFailed('文件内部条目过多，不像是 Word 文档，已拒绝读取。');
  if (dirOffset + dirSize > data.length) throw importFailed('文件已损坏（压缩包目录超出文件末尾），无法读取。请用 Word 或 WPS 打开后另存一份再导入。');
  const out: DirEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw importFailed('文件已损坏（压缩包目录不完整），无法读取。请用 Word 或 WPS 打开后另存一份再导入。');
    const uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(data.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface SafeZip {
  names: string[];
  /** Inflates one entry as text, counting bytes as they come; null when absent. */
  text(name: string): Promise<string | null>;
}

export async function openZip(data: Uint8Array): Promise<SafeZip> {
  const dir = readDirectory(data);
  const total = dir.reduce((n, e) => n + e.uncompressed, 0);
  if (total > MAX_UNZIPPED_BYTES) throw importFailed('文件解压后超过 100 MB，不像是正常的年度报告，已拒绝读取。');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    throw importFailed('文件已损坏，无法作为 Word 文档打开。请用 Word 或 WPS 打开后另存一份再导入。');
  }
  let inflated = 0;
  return {
    names: dir.map((e) => e.name),
    async text(name: string) {
      const f = zip.file(name);
      if (!f) return null;
      const chunks: Uint8Array[] = [];
      await new Promise<void>((resolve, reject) => {
        const stream = (f as unknown as { internalStream(t: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
        stream
          .on('data', (chunk: Uint8Array) => {
            inflated += chunk.length;
            if (inflated > MAX_UNZIPPED_BYTES) {
              stream.pause();
              reject(importFailed('文件解压后超过 100 MB，不像是正常的年度报告，已拒绝读取。'));
              return;
            }
            chunks.push(chunk);
          })
          .on('error', () => reject(importFailed('文件已损坏（内容无法解压），无法读取。请用 Word 或 WPS 打开后另存一份再导入。')))
          .on('end', () => resolve())
          .resume();
      });
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
