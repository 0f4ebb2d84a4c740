/**
 * Browser mode only: the server prints a URL carrying `?token=…`. The token is kept in
 * sessionStorage (so a reload still works) and removed from the address bar (so it does not end
 * up in screenshots, bookmarks or the history).
 */
const STORAGE_KEY = 'keyfleet.token';

let token: string | null = null;
const authListeners = new Set<() => void>();

export function captureToken(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  token = fromUrl ?? sessionStorage.getItem(STORAGE_KEY);
}

export function getToken(): string | null {
  return token;
}

/** Called when the server refuses the token (401): the app then shows how to open it properly. */
export function reportAuthFailure(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  token = null;
  for (const listener of authListeners) listener();
}

export function onAuthFailure(listener: () => void): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** A team server is always HTTPS (solo browser mode is loopback HTTP): no token, a sign-in form. */
export function isTeamOrigin(): boolean {
  return window.location.protocol === 'https:';
}
