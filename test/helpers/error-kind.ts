/** What a call fails with, as the `details.kind` of its AppError ('ok' when it does not fail). */
const kindOfError = (error: unknown) =>
  (error as { details?: { kind?: string } }).details?.kind ?? String(error);

export function kindOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return kindOfError(error);
  }
}

/** The same for a call that answers a promise. */
export async function kindOfAsync(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return kindOfError(error);
  }
}
