import { api, isElectron } from '../api/client.js';
import { base64ToBytes } from './base64.js';

/**
 * Saving, printing and copying an export, the same call in both hosts: Electron asks main (save
 * dialog, hidden print window); the browser mode downloads through a Blob URL and an <a download>
 * and prints through the browser's own PDF viewer.
 */

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

export function blobOf(dataBase64: string, mime: string): Blob {
  return new Blob([base64ToBytes(dataBase64)], { type: mime });
}

/** Starts a download of a Blob under a file name (browser mode). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function saveExport(fileName: string, dataBase64: string, mime: string): Promise<SaveOutcome> {
  if (isElectron) {
    const { path } = await api.saveFile({ suggestedName: fileName, dataBase64 });
    return path ? { kind: 'saved', path } : { kind: 'cancelled' };
  }
  downloadBlob(blobOf(dataBase64, mime), fileName);
  return { kind: 'downloaded', fileName };
}

/** Electron: main loads the PDF in a hidden window and opens the system print dialog. */
export async function printPdfElectron(dataBase64: string): Promise<void> {
  await api.printPdf({ dataBase64 });
}

/** Browser mode: an object URL of the PDF, for the preview frame and the browser's own print. Revoke it when done. */
export function pdfObjectUrl(dataBase64: string): string {
  return URL.createObjectURL(blobOf(dataBase64, 'application/pdf'));
}

/**
 * Prints the PDF shown in a preview frame with the browser's print dialog. Chromium prints a PDF
 * frame through its PDF viewer; where that is refused (no viewer), the PDF opens in a new tab.
 */
export function printFrame(frame: HTMLIFrameElement | null, url: string): 'printed' | 'opened' | 'blocked' {
  try {
    const w = frame?.contentWindow;
    if (w) {
      w.focus();
      w.print();
      return 'printed';
    }
  } catch {
    /* fall back to a new tab */
  }
  return window.open(url, '_blank') ? 'opened' : 'blocked';
}

/** Puts the web version on the clipboard as HTML (for the website editor) with plain text beside it. */
export async function copyHtml(html: string, text: string): Promise<'html' | 'text' | 'failed'> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
      ]);
      return 'html';
    }
  } catch {
    /* fall through to the older ways */
  }
  // Fallback: copy a selected, hidden rendering of the HTML (keeps the formatting in most editors).
  try {
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.innerHTML = html;
    box.style.position = 'fixed';
    box.style.left = '-10000px';
    box.setAttribute('aria-hidden', 'true');
    document.body.appendChild(box);
    const range = document.createRange();
    range.selectNodeContents(box);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    const ok = document.execCommand('copy');
    sel?.removeAllRanges();
    box.remove();
    if (ok) return 'html';
  } catch {
    /* try plain text */
  }
  try {
    await navigator.clipboard.writeText(text);
    return 'text';
  } catch {
    return 'failed';
  }
}

/** Plain text of an HTML fragment (for the text/plain flavour), without running anything in it. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.innerText || doc.body.textContent || '').trim();
}
