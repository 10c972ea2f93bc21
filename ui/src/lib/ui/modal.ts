// Helpers for modal layers (dialogs): move the layer to <body>, make the app behind it inert,
// keep Tab inside it, and give focus back to where it was when the layer closes.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element that holds the whole app; dialogs and toasts live outside it. */
export const APP_ROOT_ID = 'app-root';

let openLayers = 0;

function setAppInert(inert: boolean) {
  const root = document.getElementById(APP_ROOT_ID);
  if (root) root.inert = inert;
}

export function focusables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0
  );
}

/** Svelte action for a modal layer. */
export function modalLayer(node: HTMLElement) {
  const returnTo = document.activeElement as HTMLElement | null;
  document.body.appendChild(node);
  openLayers += 1;
  setAppInert(true);

  // Focus the field marked data-autofocus, else the first control, else the dialog itself.
  queueMicrotask(() => {
    const first = node.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(node)[0] ?? node;
    first.focus();
    if (first instanceof HTMLInputElement) first.select();
  });

  function onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Tab') return;
    const items = focusables(node);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !node.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !node.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }
  node.addEventListener('keydown', onKeydown);

  return {
    destroy() {
      node.removeEventListener('keydown', onKeydown);
      node.remove();
      openLayers -= 1;
      if (openLayers === 0) setAppInert(false);
      // Inert elements can't take focus, so this comes after the app is live again.
      if (returnTo && returnTo.isConnected) returnTo.focus();
    }
  };
}
