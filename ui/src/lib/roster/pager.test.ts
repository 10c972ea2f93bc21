import { describe, expect, it } from 'vitest';
import { Pager } from './pager.svelte';

/** A fake core: 1,000 numbered rows; each call is recorded and answered when `flush` runs. */
function fakeCore(count = 1000, label = 'row') {
  const calls: { offset: number; limit: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const load = (offset: number, limit: number) =>
    new Promise<{ rows: string[]; total: number }>((res, rej) => {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => `${label} ${offset + i}`);
      calls.push({ offset, limit, resolve: () => res({ rows, total: count }), reject: rej });
    });
  const flush = async () => {
    for (const c of calls.splice(0)) c.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { load, calls, flush };
}

describe('Pager', () => {
  it('fetches only the pages a window needs, once', async () => {
    const core = fakeCore();
    const errors: unknown[] = [];
    const pager = new Pager(core.load, (e) => errors.push(e), 200);
    void pager.ensure(190, 210);
    void pager.ensure(195, 205); // already on its way
    expect(core.calls.map((c) => c.offset)).toEqual([0, 200]);
    expect(pager.row(0)).toBeUndefined();
    await core.flush();
    expect(pager.total).toBe(1000);
    expect(pager.row(199)).toBe('row 199');
    expect(pager.row(200)).toBe('row 200');
    void pager.ensure(0, 50);
    expect(core.calls).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  it('drops pages that arrive for an older query', async () => {
    const core = fakeCore();
    const pager = new Pager(core.load, () => {}, 200);
    void pager.ensure(0, 10);
    pager.reset();
    expect(pager.total).toBeNull();
    await core.flush();
    expect(pager.row(0)).toBeUndefined();
    expect(pager.total).toBeNull();
  });

  it('keeps showing old rows during a refresh, then the new ones', async () => {
    let label = 'old';
    const calls: (() => void)[] = [];
    const load = (offset: number) =>
      new Promise<{ rows: string[]; total: number }>((res) => {
        const rows = [`${label} ${offset}`];
        calls.push(() => res({ rows, total: 1 }));
      });
    const pager = new Pager(load, () => {}, 200);
    void pager.ensure(0, 1);
    calls.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(pager.row(0)).toBe('old 0');
    label = 'new';
    pager.reset(true);
    expect(pager.row(0)).toBe('old 0');
    void pager.ensure(0, 1);
    calls.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(pager.row(0)).toBe('new 0');
  });

  it('reports a failed page once and does not ask again until a reset', async () => {
    const core = fakeCore();
    const errors: unknown[] = [];
    const pager = new Pager(core.load, (e) => errors.push(e), 200);
    void pager.ensure(0, 10);
    core.calls.shift()!.reject(new Error('database is busy'));
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    void pager.ensure(0, 10);
    expect(core.calls).toHaveLength(0);
    pager.reset(true);
    void pager.ensure(0, 10);
    expect(core.calls).toHaveLength(1);
  });
});
