import { getCurrentWebview, type DragDropEvent } from '@tauri-apps/api/webview';

/**
 * Listens for files dragged from the desktop, which arrive as native paths through the webview,
 * not as DOM events. Returns the function that stops listening, for `onMount` or `$effect`; it may
 * run before the listener is in place, which is then removed as soon as it is. Outside the desktop
 * app (a plain browser) there is no native drag and drop, and nothing is heard.
 */
export function onFileDrop(handler: (event: DragDropEvent) => void): () => void {
  let unlisten: (() => void) | null = null;
  let gone = false;
  try {
    getCurrentWebview()
      .onDragDropEvent(({ payload }) => handler(payload))
      .then((off) => (gone ? off() : (unlisten = off)))
      .catch(() => {});
  } catch {
    // No Tauri webview to listen to.
  }
  return () => {
    gone = true;
    unlisten?.();
  };
}
