/**
 * What the audit log keeps of a contact. The log is append-only and outlives the contact, so the
 * values that reach the person directly (phone, email) are never written to it: an entry records
 * that they were set or changed (`identifiersChanged`), and deleting the contact leaves no copy.
 */

/** Contact fields whose values stay out of the audit log. */
export const CONTACT_IDENTIFIERS = ['phone', 'email'] as const;

type Snapshot = Record<string, unknown>;

const blank = (v: unknown) => v === null || v === undefined || v === '';

export function withoutIdentifiers(s: Snapshot): Snapshot {
  const hidden: readonly string[] = CONTACT_IDENTIFIERS;
  return Object.fromEntries(Object.entries(s).filter(([k]) => !hidden.includes(k)));
}

/** Which identifiers were filled (no `before`) or changed, by name. */
function identifiersChanged(before: Snapshot | null, after: Snapshot): string[] {
  return CONTACT_IDENTIFIERS.filter((f) =>
    before ? (blank(before[f]) ? !blank(after[f]) : before[f] !== after[f]) : !blank(after[f]),
  );
}

/** The after-snapshot for the log: identifiers left out, their changes named. */
export function contactAfter(before: Snapshot | null, after: Snapshot): Snapshot {
  const changed = identifiersChanged(before, after);
  return {
    ...withoutIdentifiers(after),
    ...(changed.length > 0 ? { identifiersChanged: changed } : {}),
  };
}
