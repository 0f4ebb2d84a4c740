/**
 * Certificate pinning for team mode: the window trusts the pinned server's certificate only if it
 * is the very certificate the user compared (by SHA-256), whatever an authority would say; any
 * other certificate for that host is refused. Other hosts keep Chromium's own verification.
 */
import type { StoredChoice } from '../../shared/schemas/connection';
import { bareHost } from './server-address';

type PinVerdict =
  | { verdict: 'trusted' }
  | { verdict: 'changed'; pinned: string; seen: string }
  | { verdict: 'not_pinned' };

function pinnedHost(url: string): string {
  return bareHost(new URL(url).hostname).toLowerCase();
}

export function verifyPinned(
  hostname: string,
  certFingerprint: string,
  stored: StoredChoice | null,
): PinVerdict {
  if (stored?.mode !== 'team') return { verdict: 'not_pinned' };
  if (bareHost(hostname).toLowerCase() !== pinnedHost(stored.url)) return { verdict: 'not_pinned' };
  return certFingerprint.toUpperCase() === stored.fingerprint
    ? { verdict: 'trusted' }
    : { verdict: 'changed', pinned: stored.fingerprint, seen: certFingerprint.toUpperCase() };
}

/** Electron's setCertificateVerifyProc answers: 0 trust, -2 refuse, -3 Chromium's own result. */
export function verifyProcCode(verdict: PinVerdict): 0 | -2 | -3 {
  if (verdict.verdict === 'trusted') return 0;
  if (verdict.verdict === 'changed') return -2;
  return -3;
}

/** Team mode: the window may move only within the pinned server's origin. */
export function navigationAllowed(url: string, pinnedOrigin: string | null): boolean {
  if (!pinnedOrigin) return false;
  try {
    return new URL(url).origin === pinnedOrigin;
  } catch {
    return false;
  }
}
