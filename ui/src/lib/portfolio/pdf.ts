// PDFs drawn in the webview with pdf.js, loaded only when a PDF is first opened. The bytes come
// from the vault protocol; pdf.js parses them in its worker, and never evaluates code from a file.
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');
let lib: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist').then((m) => {
    if (!m.GlobalWorkerOptions.workerPort) {
      m.GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), {
        type: 'module'
      });
    }
    return m;
  });
  // A failed load (the worker script missing) may work on the next try.
  lib.catch(() => (lib = null));
  return lib;
}

// Every document shares the one worker, and pdf.js refuses (or drops) a document opened while
// another is being closed on it: opening and closing take turns.
let turn: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => {});
  return run;
}

/** Closes a document from `openPdf` or `openPdfBytes` (after any opening or closing under way). */
export function closePdf(doc: PDFDocumentProxy): Promise<void> {
  return inTurn(() => doc.loadingTask.destroy()).catch(() => {});
}

/** Opens the PDF at `url`; throws with a message a person can read. */
export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  let data: Uint8Array;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error((await res.text()) || `status ${res.status}`);
    data = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new Error(`The file could not be read from the vault (${e instanceof Error ? e.message : String(e)}).`);
  }
  return openPdfBytes(data);
}

/**
 * Opens a PDF already in memory (a document the core just rendered) on the shared worker; throws
 * with a message a person can read. pdf.js takes the bytes over: don't reuse `data` afterwards.
 */
export async function openPdfBytes(data: Uint8Array): Promise<PDFDocumentProxy> {
  const m = await pdfjs();
  try {
    // pdf.js 6 has no code paths that evaluate strings any more; the old switch stays off for
    // any older copy (the app's CSP forbids eval either way).
    const noEval = { isEvalSupported: false } as object;
    return await inTurn(() => m.getDocument({ data, isImageDecoderSupported: false, ...noEval }).promise);
  } catch (e) {
    const why = e instanceof Error && e.name === 'PasswordException' ? 'it is protected by a password' : 'it looks damaged or is not a PDF';
    throw new Error(`This PDF can't be shown: ${why}.`);
  }
}

/** CSS pixels per PDF point at 100 %: a page shows at its printed size. */
export const PDF_CSS_SCALE = 96 / 72;

/** The most pixels a page's canvas gets, however far it is zoomed (WebKit refuses huge canvases). */
const MAX_CANVAS_PIXELS = 12_000_000;

/**
 * The resolution to draw a page at for a zoom: the screen's pixels, in steps of √2 so zooming
 * doesn't redraw on every wheel tick, and never more than the canvas limit.
 */
export function renderScale(zoom: number, dpr: number, page: { width: number; height: number }): number {
  const want = Math.max(0.25, zoom * dpr);
  const stepped = Math.pow(Math.SQRT2, Math.ceil(Math.log(want) / Math.log(Math.SQRT2) - 1e-9));
  const area = page.width * page.height;
  const cap = area > 0 ? Math.sqrt(MAX_CANVAS_PIXELS / area) : stepped;
  return Math.min(stepped, cap);
}
