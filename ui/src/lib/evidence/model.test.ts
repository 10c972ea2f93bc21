import { describe, expect, it } from 'vitest';
import { evidence } from '$lib/testing/fixtures';
import {
  addedMessage,
  droppedMessage,
  entryInput,
  fileTile,
  formatAdded,
  impactLine,
  inside,
  isPreviewable,
  kindLabel,
  newestFirst,
  newestVersions,
  pathName,
  versionInput,
  versionTag,
  urlHost,
  vaultMessage,
  type EntryFields
} from './model';

const fields = (f: Partial<EntryFields>): EntryFields => ({
  kind: 'note',
  title: 'Kick-off notes',
  url: '',
  metric: '',
  before: '',
  after: '',
  description: '',
  ...f
});

describe('evidence words', () => {
  it('labels kinds with the ladder words', () => {
    expect(kindLabel('client_testimonial')).toBe('Client testimonial');
    expect(kindLabel('ab_test_result')).toBe('A/B test result');
    expect(kindLabel('lead_assessment')).toBe('Signed lead assessment');
  });

  it('previews the image types and PDFs the vault thumbnails', () => {
    expect(isPreviewable('image/png')).toBe(true);
    expect(isPreviewable('IMAGE/JPEG')).toBe(true);
    expect(isPreviewable('image/webp')).toBe(true);
    expect(isPreviewable('image/gif')).toBe(true);
    expect(isPreviewable('image/svg+xml')).toBe(false);
    expect(isPreviewable('application/pdf')).toBe(true);
    expect(isPreviewable('application/pdf; charset=binary')).toBe(true);
    expect(isPreviewable('application/zip')).toBe(false);
  });

  it('names file tiles by media type, then extension', () => {
    expect(fileTile('application/pdf')).toBe('PDF');
    expect(fileTile('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Document');
    expect(fileTile('application/msword')).toBe('Document');
    expect(fileTile('text/csv')).toBe('Spreadsheet');
    expect(fileTile('application/zip')).toBe('Archive');
    expect(fileTile('image/svg+xml')).toBe('Image');
    expect(fileTile('text/plain; charset=utf-8')).toBe('Text');
    expect(fileTile('application/octet-stream', 'scene.blend')).toBe('BLEND');
    expect(fileTile('application/octet-stream', 'noext')).toBe('File');
  });

  it('shows the host of a link', () => {
    expect(urlHost('https://www.example.com/case?x=1')).toBe('example.com');
    expect(urlHost('dribbble.com/shots/1')).toBe('dribbble.com');
    expect(urlHost('http://localhost:8080/a')).toBe('localhost');
    expect(urlHost('not a url')).toBe('not a url');
  });

  it('writes an impact as before → after', () => {
    expect(impactLine({ metric: 'Conversion rate', before: 2.1, after: 3.4 }, 'en-US')).toBe('Conversion rate: 2.1 → 3.4');
    expect(impactLine({ metric: ' ', before: 1000, after: 1500 }, 'en-US')).toBe('1,000 → 1,500');
  });

  it('sorts newest first, latest revision first on ties', () => {
    const list = [
      evidence({ id: 'old', createdAt: '2025-01-01T00:00:00Z' }),
      evidence({ id: 'new', createdAt: '2026-03-01T00:00:00Z' }),
      evidence({ id: 'v1', createdAt: '2025-06-01T00:00:00Z', revision: 1 }),
      evidence({ id: 'v2', createdAt: '2025-06-01T00:00:00Z', revision: 2 })
    ];
    expect(newestFirst(list).map((e) => e.id)).toEqual(['new', 'v2', 'v1', 'old']);
    expect(list[0].id).toBe('old');
  });

  it('keeps only the newest version of each artifact, newest first', () => {
    const list = [
      evidence({ id: 'a1', artifactId: 'a', revision: 1, createdAt: '2025-01-01T00:00:00Z' }),
      evidence({ id: 'b1', artifactId: 'b', revision: 1, createdAt: '2025-02-01T00:00:00Z' }),
      evidence({ id: 'a3', artifactId: 'a', revision: 3, createdAt: '2025-03-01T00:00:00Z' }),
      evidence({ id: 'a2', artifactId: 'a', revision: 2, createdAt: '2025-02-15T00:00:00Z' }),
      evidence({ id: 'c1', artifactId: 'c', revision: 1, createdAt: '2025-04-01T00:00:00Z' })
    ];
    expect(newestVersions(list).map((e) => e.id)).toEqual(['c1', 'a3', 'b1']);
    expect(newestVersions([])).toEqual([]);
  });

  it('picks the highest revision even when it is not the latest written', () => {
    // Clocks can disagree (an import, a restored backup): the version number decides.
    const list = [
      evidence({ id: 'v2', revision: 2, createdAt: '2025-01-01T00:00:00Z' }),
      evidence({ id: 'v1', revision: 1, createdAt: '2025-05-01T00:00:00Z' })
    ];
    expect(newestVersions(list).map((e) => e.id)).toEqual(['v2']);
  });

  it('formats the date added, keeping text that is no date', () => {
    expect(formatAdded('2026-01-05T10:00:00Z', 'en-US')).toBe('Jan 5, 2026');
    expect(formatAdded('soon', 'en-US')).toBe('soon');
  });

  it('counts added files', () => {
    expect(addedMessage(1)).toBe('Added 1 file');
    expect(addedMessage(2)).toBe('Added 2 files');
    expect(droppedMessage(1, 'Craft × Designer')).toBe('Added 1 file and linked it to Craft × Designer');
    expect(droppedMessage(3, 'Craft × Designer')).toBe('Added 3 files and linked them to Craft × Designer');
  });
});

describe('versions', () => {
  it('names a version and a chosen file', () => {
    expect(versionTag(3)).toBe('v3');
    expect(pathName('/home/lena/work/poster v2.png')).toBe('poster v2.png');
    expect(pathName('C:\\Users\\Lena\\poster.png')).toBe('poster.png');
    expect(pathName('poster.png')).toBe('poster.png');
  });

  it('needs a file and keeps the note trimmed', () => {
    expect(versionInput(null, 'x')).toEqual({ errors: { file: 'Choose the file of the new version.' } });
    expect(versionInput('token-1', '  Bigger type after the critique \n')).toEqual({
      input: { picked: 'token-1', note: 'Bigger type after the critique' }
    });
  });
});

describe('vaultMessage', () => {
  it('reports an intact vault', () => {
    expect(vaultMessage({ checked: 12, bytes: 1, problems: [] })).toEqual({ ok: true, message: 'All 12 files are intact' });
    expect(vaultMessage({ checked: 1, bytes: 1, problems: [] }).message).toBe('The 1 file is intact');
  });

  it('lists each problem on its own line', () => {
    const r = vaultMessage({
      checked: 12,
      bytes: 1,
      problems: [
        { kind: 'missing', sha256: 'a'.repeat(64), usedBy: ['brief.pdf (Client brief)'] },
        { kind: 'corrupt', sha256: 'b'.repeat(64), usedBy: [] }
      ]
    });
    expect(r.ok).toBe(false);
    const lines = r.message.split('\n');
    expect(lines[0]).toContain('2 of 12 files have a problem');
    expect(lines[1]).toBe('Missing: brief.pdf (Client brief)');
    expect(lines[2]).toBe('Altered: a file (bbbbbbbbbbbb…)');
  });
});

describe('entryInput', () => {
  it('builds a note', () => {
    expect(entryInput(fields({ title: '  <script>x</script> ', description: ' d ' }))).toEqual({
      input: { kind: 'note', title: '<script>x</script>', description: 'd', url: null, impact: null }
    });
  });

  it('asks for a title and, for links, the address', () => {
    const r = entryInput(fields({ kind: 'link', title: ' ', url: '' }));
    expect('errors' in r && Object.keys(r.errors).sort()).toEqual(['title', 'url']);
    const ok = entryInput(fields({ kind: 'link', url: ' https://example.com ' }));
    expect('input' in ok && ok.input.url).toBe('https://example.com');
  });

  it('reads testimonial numbers, with a decimal comma too', () => {
    const r = entryInput(fields({ kind: 'client_testimonial', metric: 'NPS', before: '2,5', after: '40' }));
    expect('input' in r && r.input.impact).toEqual({ metric: 'NPS', before: 2.5, after: 40 });
    const bad = entryInput(fields({ kind: 'client_testimonial', metric: '', before: 'x', after: '' }));
    expect('errors' in bad && Object.keys(bad.errors).sort()).toEqual(['after', 'before', 'metric']);
  });

  it('ignores the url and numbers of other kinds', () => {
    const r = entryInput(fields({ kind: 'client_feedback', url: 'x', before: '1', after: '2' }));
    expect('input' in r && [r.input.url, r.input.impact]).toEqual([null, null]);
  });
});

describe('inside', () => {
  it('converts physical pixels before testing the box', () => {
    const box = { left: 100, top: 100, right: 300, bottom: 200 };
    expect(inside({ x: 400, y: 300 }, box, 2)).toBe(true);
    expect(inside({ x: 400, y: 300 }, box, 1)).toBe(false);
  });
});
