// Which credential's page is open on the Credentials screen (null: the tabs). A module so other
// screens (a person's wallet, a work area) can open a credential's page too: set
// `app.screen = 'credentials'` and call `credentialNav.open(id)`.
import { app } from '$lib/workspace/app.svelte';

class CredentialNav {
  #open = $state<{ id: string; workspace: string | undefined } | null>(null);

  /** The open credential, if it belongs to the workspace that is open now. */
  get openId(): string | null {
    const o = this.#open;
    return o && o.workspace === app.workspace?.path ? o.id : null;
  }

  open(id: string) {
    this.#open = { id, workspace: app.workspace?.path };
  }

  close() {
    this.#open = null;
  }
}

export const credentialNav = new CredentialNav();
