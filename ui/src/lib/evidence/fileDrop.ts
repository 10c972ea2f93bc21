import { onFileDrop as listenForDrops, type FileDrop } from '$lib/api';

export type { FileDrop };

/**
 * Listens for files dragged from the desktop. The Rust side takes them from the window and keeps
 * their paths; a drop carries a token (`picked`) for the command that adds or checks them. Returns
 * the function that stops listening, for `onMount` or `$effect`; it may run before the listener is
 * in place, which is then removed as soon as it is. Outside the desktop app nothing is heard.
 */
export function onFileDrop(handler: (event: FileDrop) => void): () => void {
  let unlisten: (() => void) | null = null;
  let gone = false;
  try {
    listenForDrops(handler)
      .then((off) => (gone ? off() : (unlisten = off)))
      .catch(() => {});
  } catch {
    // No Tauri window to listen to.
  }
  return () => {
    gone = true;
    unlisten?.();
  };
}
