/**
 * Bytes ↔ base64 in the renderer without Node. Encoded in chunks whose length is a multiple of 3,
 * so the pieces concatenate into one valid base64 string and no giant intermediate string is built.
 */
const CHUNK = 3 * 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, Math.min(i + CHUNK, bytes.length));
    let bin = '';
    for (let j = 0; j < slice.length; j += 0x2000) bin += String.fromCharCode(...slice.subarray(j, j + 0x2000));
    parts.push(btoa(bin));
  }
  return parts.join('');
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
