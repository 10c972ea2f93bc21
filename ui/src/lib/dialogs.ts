// The only module that opens native file dialogs. Each function returns the chosen path, or null
// when the user cancels.
import { open, save } from '@tauri-apps/plugin-dialog';

/**
 * E2E seam: end-to-end tests cannot drive native dialogs, so a test pushes the answers it wants
 * into `window.__guildbookDialogStub` (a path, or null for "cancelled"); each dialog call takes the
 * next one instead of opening a native dialog.
 */
function stubbed(): { hit: boolean; value: string | null } {
  const stub = (window as any).__guildbookDialogStub as (string | null)[] | undefined;
  if (stub && stub.length) return { hit: true, value: stub.shift() ?? null };
  return { hit: false, value: null };
}

function one(picked: string | string[] | null): string | null {
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

export async function pickFolder(title: string): Promise<string | null> {
  const stub = stubbed();
  if (stub.hit) return stub.value;
  return one(await open({ directory: true, multiple: false, title }));
}

export async function pickLadderFile(): Promise<string | null> {
  const stub = stubbed();
  if (stub.hit) return stub.value;
  return one(
    await open({
      multiple: false,
      directory: false,
      title: 'Import a ladder',
      filters: [{ name: 'Ladder', extensions: ['json'] }]
    })
  );
}

export async function pickSaveFile(defaultPath: string): Promise<string | null> {
  const stub = stubbed();
  if (stub.hit) return stub.value;
  return save({
    title: 'Export the ladder',
    defaultPath,
    filters: [{ name: 'Ladder', extensions: ['json'] }]
  });
}

export async function pickCsvFile(): Promise<string | null> {
  const stub = stubbed();
  if (stub.hit) return stub.value;
  return one(
    await open({
      multiple: false,
      directory: false,
      title: 'Import contractors from a CSV file',
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }]
    })
  );
}
