// The app runs in the webview only: no server rendering; pages are prerendered shells.
export const ssr = false;
export const prerender = true;
