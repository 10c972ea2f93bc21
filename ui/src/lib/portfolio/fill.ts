// The Portfolio tab fills the room the profile leaves it, so the gallery scrolls inside itself
// (windowed) and the viewer's canvas takes the whole tab. A Svelte action.

function scrollParent(node: HTMLElement): HTMLElement {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return document.documentElement;
}

export function fillHeight(node: HTMLElement, min = 420) {
  const scroller = scrollParent(node);
  const update = () => {
    const box = scroller.getBoundingClientRect();
    const top = node.getBoundingClientRect().top - box.top + scroller.scrollTop;
    const pad = parseFloat(getComputedStyle(scroller).paddingBottom) || 0;
    const h = Math.max(min, Math.floor(scroller.clientHeight - top - pad));
    if (node.style.height !== `${h}px`) node.style.height = `${h}px`;
  };
  // The profile header above may wrap or grow: watch what sits above as well as the scroller.
  const ro = new ResizeObserver(update);
  ro.observe(scroller);
  for (const child of Array.from(scroller.children)) if (!child.contains(node)) ro.observe(child);
  window.addEventListener('resize', update);
  update();
  return {
    update(next: number) {
      min = next;
      update();
    },
    destroy() {
      ro.disconnect();
      window.removeEventListener('resize', update);
    }
  };
}
