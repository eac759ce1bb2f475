import type { NeutralDocument } from '../document.js';
import { importFailed } from '../errors.js';

// Interim: the real reader lands in the next commit.
export async function readDoc(_data: Uint8Array): Promise<NeutralDocument> {
  throw importFailed('暂时还不能读取这种文件，请先另存为 .txt 后导入。');
}
