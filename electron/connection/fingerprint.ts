/** A certificate's SHA-256 as the team server prints it (`AA:BB:…`, what browsers show too). */
import { X509Certificate } from 'node:crypto';

export function certificateFingerprint(pemOrDer: string | Buffer): string {
  return new X509Certificate(pemOrDer).fingerprint256;
}
