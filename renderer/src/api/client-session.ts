/**
 * Which client session a call belongs to. The backend keeps one signed-in user per session: in
 * Electron per window (the main process knows the window), in a browser per tab, named by the id
 * below. sessionStorage survives a reload of the tab but is not shared with other tabs.
 */
const STORAGE_KEY = 'keyfleet.session';

let id: string | null = null;
const lostListeners = new Set<() => void>();

export function sessionId(): string {
  if (id) return id;
  try {
    id = sessionStorage.getItem(STORAGE_KEY);
    if (!id) {
      id = crypto.randomUUID();
      sessionStorage.setItem(STORAGE_KEY, id);
    }
  } catch {
    // Storage disabled: the session then lasts until the page is reloaded.
    id ??= crypto.randomUUID();
  }
  return id;
}

/** Called when the backend says this session has nobody signed in (e.g. after a restart). */
export function reportSessionLost(): void {
  for (const listener of lostListeners) listener();
}

export function onSessionLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}
