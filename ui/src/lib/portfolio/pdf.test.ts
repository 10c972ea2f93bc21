import { describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { closePdf, renderScale } from './pdf';

describe('renderScale', () => {
  const a4 = { width: 794, height: 1123 };

  it('draws at screen resolution, in √2 steps', () => {
    expect(renderScale(1, 1, a4)).toBeCloseTo(1);
    expect(renderScale(1, 2, a4)).toBeCloseTo(2);
    expect(renderScale(1.1, 1, a4)).toBeCloseTo(Math.SQRT2);
    expect(renderScale(1.3, 1, a4)).toBeCloseTo(Math.SQRT2);
    expect(renderScale(0.5, 1, a4)).toBeCloseTo(0.5);
  });

  it('never makes a canvas bigger than the limit', () => {
    const s = renderScale(16, 2, a4);
    expect(a4.width * s * a4.height * s).toBeLessThanOrEqual(12_000_000 + 1);
  });

  it('keeps a floor when zoomed far out', () => {
    expect(renderScale(0.05, 1, a4)).toBeCloseTo(0.25);
  });
});

describe('closePdf', () => {
  const doc = (destroy: () => Promise<void>) => ({ loadingTask: { destroy } }) as unknown as PDFDocumentProxy;

  it('closes one document at a time, in order, past a failed close', async () => {
    const log: string[] = [];
    const slow = (name: string, fail = false) => () =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          log.push(name);
          if (fail) reject(new Error('gone'));
          else resolve();
        }, name === 'a' ? 20 : 1)
      );
    await Promise.all([closePdf(doc(slow('a', true))), closePdf(doc(slow('b'))), closePdf(doc(slow('c')))]);
    expect(log).toEqual(['a', 'b', 'c']);
  });
});
