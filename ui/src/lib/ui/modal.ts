// Helpers for modal layers (dialogs): move the layer to <body>, make the app behind it inert,
// keep Tab inside it, and give focus back to where it was when the layer closes.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element that holds the whole app; dialogs and toasts live outside it. */
export const APP_ROOT_ID = 'app-root';

/** Open layers, the topmost last. */
const layers: HTMLElement[] = [];

function isTopLayer(node: HTMLElement): boolean {
  return layers[layers.length - 1] === node;
}

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

  // A focused button that becomes disabled (while its action runs) or is removed drops focus to
  // <body>, where Esc and Tab no longer reach the dialog: bring focus back to the dialog.
  function onFocusout(e: FocusEvent) {
    if (e.relatedTarget) return;
    setTimeout(() => {
      const active = document.activeElement;
      if (node.isConnected && (active === null || active === document.body) && isTopLayer(node)) {
        (node.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]') ?? node).focus();
      }
    });
  }
  node.addEventListener('focusout', onFocusout);
  layers.push(node);

  return {
    destroy() {
      layers.splice(layers.indexOf(node), 1);
      node.removeEventListener('focusout', onFocusout);
      node.removeEventListener('keydown', onKeydown);
      node.remove();
      if (layers.length === 0) setAppInert(false);
      // Inert elements can't take focus, so this comes after the app is live again.
      if (returnTo && returnTo.isConnected) returnTo.focus();
    }
  };
}
