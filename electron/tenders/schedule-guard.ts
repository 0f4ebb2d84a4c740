/**
 * Once a tender is announced, its published schedule (budget, dates, opening place) changes only
 * through an amendment (更正公告, `tenders.amend`), so the amendment trail on the card always ends
 * at the value the tender shows. Which fields are locked is a shared rule (the form shows them
 * read-only); this refuses an edit that changes one anyway.
 */
import { AppError } from '../../shared/result';
import type { TenderDetail, TenderSchedule } from '../../shared/schemas/tenders';
import { fieldsNeedingAmendment } from '../../shared/tender-amendments';

/** Refuses an edit that changes what only an amendment may, naming the fields. */
export function guardScheduleEdit(before: TenderDetail, next: Partial<TenderSchedule>): void {
  const fields = fieldsNeedingAmendment(before, next);
  if (fields.length === 0) return;
  // An awarded or closed tender takes no amendment either: its schedule is history.
  const final =
    before.status === 'awarded' || before.status === 'failed' || before.status === 'cancelled';
  const kind = final ? 'tender.schedule_final' : 'tender.schedule_needs_amendment';
  throw new AppError(
    'POLICY',
    final
      ? `tender ${before.projectNo} is ${before.status}; its published ${fields.join(', ')} can no longer change`
      : `tender ${before.projectNo} is announced; change its ${fields.join(', ')} by recording an amendment (更正公告), not by editing`,
    {
      kind,
      fields: fields.map((path) => ({ path, code: kind, message: kind })),
    },
  );
}
