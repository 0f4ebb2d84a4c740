/**
 * Whether a tender's amendment trail (更正公告) ends where the tender stands: for each field an
 * amendment changed, the last amendment's new value must be the current value. A mismatch means
 * the field was changed outside the trail (before edits were guarded): the card says so.
 */

export interface AmendmentTrail {
  /** Field → [before, after], in the order the amendments were recorded. */
  changes: Record<string, readonly [unknown, unknown]>;
}

export interface TrailMismatch {
  field: string;
  /** What the last amendment set. */
  amendedTo: unknown;
  /** What the tender says now. */
  current: unknown;
}

const norm = (v: unknown) => (v === undefined || v === '' ? null : v);

export function trailMismatches(
  current: Record<string, unknown>,
  amendments: readonly AmendmentTrail[],
): TrailMismatch[] {
  const last = new Map<string, unknown>();
  for (const a of amendments)
    for (const [field, [, after]] of Object.entries(a.changes)) last.set(field, after);
  return [...last]
    .filter(([field, after]) => norm(after) !== norm(current[field]))
    .map(([field, amendedTo]) => ({ field, amendedTo, current: norm(current[field]) }));
}

/** The facts an amendment (更正公告) may change, in the order of the tender's life. */
export const AMENDABLE_FIELDS = [
  'budgetFen',
  'intentionOn',
  'announcedOn',
  'docSaleStartOn',
  'docSaleEndOn',
  'bidDeadlineAt',
  'openingAt',
  'openingPlace',
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

interface ScheduleState extends Partial<Record<AmendableField, unknown>> {
  status: string;
  announcedOn: string | null;
  amendments: readonly AmendmentTrail[];
}

/** Whether the tender's schedule is public: announced, or past it (awarded, failed, cancelled). */
function isAnnounced(t: Pick<ScheduleState, 'status' | 'announcedOn'>): boolean {
  return t.announcedOn !== null || t.status !== 'planned';
}

/**
 * The fields only an amendment may change now: on an announced tender every published value that
 * is set (a blank one may still be filled in from the notice), and on any tender a field an
 * amendment has changed before — so the trail always ends at the current value.
 */
export function lockedScheduleFields(t: ScheduleState): Set<AmendableField> {
  const amended = new Set(t.amendments.flatMap((a) => Object.keys(a.changes)));
  const announced = isAnnounced(t);
  return new Set(
    AMENDABLE_FIELDS.filter((f) => amended.has(f) || (announced && norm(t[f]) !== null)),
  );
}

/** The fields an edit from `before` to `next` changes that only an amendment may change. */
export function fieldsNeedingAmendment(
  before: ScheduleState,
  next: Partial<Record<AmendableField, unknown>>,
): AmendableField[] {
  const locked = lockedScheduleFields(before);
  return AMENDABLE_FIELDS.filter(
    (f) => locked.has(f) && f in next && norm(next[f]) !== norm(before[f]),
  );
}
