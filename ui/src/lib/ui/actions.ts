// Small Svelte actions shared by screens.

/** Focuses a field as it appears and selects its text, ready to be typed over (inline renames). */
export function focusSelect(node: HTMLInputElement) {
  node.focus();
  node.select();
}
