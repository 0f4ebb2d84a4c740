/** Expecting a refusal: the call answers with this error code and `details.kind`. */
import { expect } from 'vitest';
import type { ErrorCode } from '../../shared/result';

export async function expectError(
  call: Promise<{ ok: boolean; error?: { code: ErrorCode; details?: unknown } }>,
  code: ErrorCode,
  kind: string,
): Promise<void> {
  const r = await call;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  expect(r.error?.details).toMatchObject({ kind });
}
