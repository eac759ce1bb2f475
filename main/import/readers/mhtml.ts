/**
 * .mhtml/.mht, the single-file web page that Chrome (另存为“网页，单个文件”), Edge, IE and Word
 * save: a MIME multipart/related message whose first text/html part is the page. Only that part
 * is read; images and styles in the other parts are not needed.
 */

/** True when the bytes are a MIME message rather than a bare page. */
export function isMhtml(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  return /^(?:MIME-Version|From|Subject|Snapshot-Content-Location|Date)\s*:/im.test(head) && /multipart\/related/i.test(head) && /boundary\s*=/i.test(head);
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers of a MIME entity (folded lines joined), names lower-cased. */
function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (m) out.set(m[1].toLowerCase(), m[2].trim());
  }
  return out;
}

function param(value: string | undefined, name: string): string | null {
  if (!value) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

function splitEntity(s: string): Part {
  const m = /\r?\n\r?\n/.exec(s);
  if (!m) return { headers: parseHeaders(s), body: '' };
  return { headers: parseHeaders(s.slice(0, m.index)), body: s.slice(m.index + m[0].length) };
}

/** Quoted-printable (RFC 2045) to bytes: soft line breaks removed, =XX decoded. */
function fromQuotedPrintable(s: string): Uint8Array {
  const t = s.replace(/=\r?\n/g, '');
  const out = new Uint8Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out[n++] = parseInt(t.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** The page of a single-file web page: its bytes and the charset its part declares; null when there is none. */
export function mhtmlPage(data: Uint8Array): { html: Uint8Array; charset: string | null } | null {
  // latin1 keeps every byte as one character, so slices map back to the original bytes.
  const all = new TextDecoder('latin1').decode(data);
  const top = splitEntity(all);
  const boundary = param(top.headers.get('content-type'), 'boundary');
  if (!boundary) return null;
  const parts = top.body.split(`--${boundary}`).slice(1);
  for (const raw of parts) {
    if (raw.startsWith('--')) break; // the closing delimiter
    const part = splitEntity(raw.replace(/^\r?\n/, ''));
    const type = part.headers.get('content-type') ?? '';
    if (!/^text\/html/i.test(type)) continue;
    const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const body = part.body.replace(/\r?\n$/, '');
    let html: Uint8Array;
    if (encoding === 'quoted-printable') html = fromQuotedPrintable(body);
    else if (encoding === 'base64') html = new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
    else html = new Uint8Array(Buffer.from(body, 'latin1'));
    return { html, charset: param(type, 'charset') };
  }
  return null;
}
