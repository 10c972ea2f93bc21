// The app's top-level state: which workspace is open, and the ways to open one.
import { api, type AppStatus, type WorkspaceInfo } from '$lib/api';
import { pickFolder } from '$lib/dialogs';
import { ladders } from '$lib/ladder/session.svelte';
import { openAssessment } from '$lib/reviews/openAssessment.svelte';
import { queue } from '$lib/reviews/queue.svelte';
import { roster } from '$lib/roster/roster.svelte';
import { toasts } from '$lib/ui/toasts.svelte';

/** The screens of the sidebar. */
export type Screen = 'home' | 'ladders' | 'contractors' | 'reviews' | 'credentials' | 'insights' | 'staffing';

class AppState {
  booted = $state(false);
  /** The sidebar screen shown: a workspace opens on Home. */
  screen = $state<Screen>('home');
  status = $state.raw<AppStatus | null>(null);
  workspace = $state.raw<WorkspaceInfo | null>(null);
  /** Why the last workspace could not be reopened at start, if it couldn't. */
  reopenError = $state<string | null>(null);
  busy = $state(false);
  #ready = false;

  async boot() {
    try {
      const s = await api.appStatus();
      this.status = s;
      this.workspace = s.workspace;
      this.reopenError = s.reopenError?.message ?? null;
    } catch (e) {
      toasts.error(e);
    } finally {
      this.booted = true;
    }
  }

  /** The first screen is interactive: tell the core once (it logs the startup time). */
  markReady() {
    if (this.#ready) return;
    this.#ready = true;
    api.appReady().catch(() => undefined);
  }

  async #open(open: () => Promise<WorkspaceInfo>) {
    if (this.busy) return;
    this.busy = true;
    try {
      const ws = await open();
      ladders.reset();
      roster.reset();
      queue.reset();
      openAssessment.reset();
      this.screen = 'home';
      this.workspace = ws;
      this.reopenError = null;
      // A network share or a synced folder: said once, when the workspace opens.
      if (ws.storageWarning) toasts.info(ws.storageWarning);
      void this.#refreshRecent();
    } catch (e) {
      toasts.error(e);
    } finally {
      this.busy = false;
    }
  }

  async #refreshRecent() {
    try {
      const s = await api.appStatus();
      this.status = s;
    } catch {
      // The recent list is a convenience; the workspace is open either way.
    }
  }

  openDemo() {
    return this.#open(() => api.openDemoWorkspace());
  }

  /** One of `status.recent`, by its place in that list. */
  openRecent(position: number) {
    return this.#open(() => api.openRecentWorkspace(position));
  }

  async createWorkspace() {
    try {
      const picked = await pickFolder('newWorkspace');
      if (picked) await this.#open(() => api.createWorkspace(picked.token));
    } catch (e) {
      toasts.error(e);
    }
  }

  async openWorkspace() {
    try {
      const picked = await pickFolder('openWorkspace');
      if (picked) await this.#open(() => api.openWorkspace(picked.token));
    } catch (e) {
      toasts.error(e);
    }
  }

  async renameWorkspace(name: string) {
    try {
      this.workspace = await api.renameWorkspace(name);
    } catch (e) {
      toasts.error(e);
    }
  }
}

export const app = new AppState();

/** The last part of a folder path, for lists of workspaces. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
