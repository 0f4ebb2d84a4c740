import { z } from 'zod';
import type { Label } from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { ACTIVITY_OUTCOME_VALUES, ACTIVITY_TYPE_VALUES } from '../sales-enums';
import { id, isoDate, optionalText, timestamp, version } from './common';
import { refId } from './references';
import { calendarItem } from './calendar';
import { expiringClaim, overlapToSettle } from './claims';
import { approvalItem } from './contracts';
import { receivableRow } from './payments';

export const activityInput = z.object({
  type: z.enum(ACTIVITY_TYPE_VALUES),
  accountId: refId('accounts'),
  opportunityId: refId('opportunities').nullable().default(null),
  contactId: refId('contacts').nullable().default(null),
  occurredOn: isoDate,
  outcome: z.enum(ACTIVITY_OUTCOME_VALUES).nullable().default(null),
  summary: optionalText(2000),
  nextStep: optionalText(500),
  nextStepOn: isoDate.nullable().default(null),
});
export type ActivityInput = z.infer<typeof activityInput>;

export const ACTIVITY_COLUMNS = {
  occurredOn: { kind: 'date' },
  type: { kind: 'enum', values: ACTIVITY_TYPE_VALUES },
  accountName: { kind: 'text' },
  accountId: { kind: 'enum', sortable: false },
  opportunityId: { kind: 'enum', sortable: false },
  opportunityTitle: { kind: 'text' },
  contactName: { kind: 'text' },
  staffId: { kind: 'enum' },
  outcome: { kind: 'enum', values: ACTIVITY_OUTCOME_VALUES },
  summary: { kind: 'text' },
  nextStep: { kind: 'text' },
  nextStepOn: { kind: 'date' },
  nextStepDone: { kind: 'enum', values: ['yes', 'no'] },
  createdAt: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type ActivityColumn = keyof typeof ACTIVITY_COLUMNS;
export const ACTIVITY_COLUMN_LABELS: Record<ActivityColumn, Label> = {
  occurredOn: { zh: '日期', en: 'Date' },
  type: { zh: '类型', en: 'Type' },
  accountName: { zh: '客户', en: 'Account' },
  accountId: { zh: '客户编号', en: 'Account id' },
  opportunityId: { zh: '商机编号', en: 'Opportunity id' },
  opportunityTitle: { zh: '商机', en: 'Opportunity' },
  contactName: { zh: '联系人', en: 'Contact' },
  staffId: { zh: '记录人', en: 'Staff' },
  outcome: { zh: '结果', en: 'Outcome' },
  summary: { zh: '内容', en: 'Summary' },
  nextStep: { zh: '下一步', en: 'Next step' },
  nextStepOn: { zh: '下一步日期', en: 'Next step on' },
  nextStepDone: { zh: '下一步已完成', en: 'Next step done' },
  createdAt: { zh: '记录时间', en: 'Logged' },
};
export const activityListQuery = listQuerySchema(ACTIVITY_COLUMNS);
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const activityRow = z.object({
  id,
  type: z.enum(ACTIVITY_TYPE_VALUES),
  occurredOn: isoDate,
  accountId: id,
  accountName: z.string(),
  opportunityId: id.nullable(),
  opportunityTitle: z.string().nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  staffId: id.nullable(),
  staffName: z.string().nullable(),
  outcome: z.enum(ACTIVITY_OUTCOME_VALUES).nullable(),
  summary: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepOn: isoDate.nullable(),
  nextStepDoneAt: timestamp.nullable(),
  createdAt: timestamp,
  version,
});
export type ActivityRow = z.infer<typeof activityRow>;
export const activityPage = pageSchema(activityRow);
export type ActivityPage = z.infer<typeof activityPage>;

const dailyTarget = z.number().int().min(0).max(1000);
export const kpiTargets = z.object({
  /** Targets of staff without their own. */
  defaults: z.partialRecord(z.enum(ACTIVITY_TYPE_VALUES), dailyTarget),
  perStaff: z.array(
    z.object({
      staffId: id,
      targets: z.partialRecord(z.enum(ACTIVITY_TYPE_VALUES), dailyTarget),
    }),
  ),
});
export type KpiTargets = z.infer<typeof kpiTargets>;

export const kpiSetInput = z.object({
  /** null: the defaults. */
  staffId: refId('staff').nullable(),
  /** A missing type has no target; a staff member's empty set falls back to the defaults. */
  targets: z.partialRecord(z.enum(ACTIVITY_TYPE_VALUES), dailyTarget),
});

const kpiProgress = z.object({
  type: z.enum(ACTIVITY_TYPE_VALUES),
  target: z.number().int(),
  done: z.number().int(),
});

export const myDayInput = z
  .object({
    /** Today (in China) unless given. */
    date: isoDate.optional(),
    /** Managers may look at a colleague's day. */
    staffId: id.optional(),
  })
  .default({});

export const myDay = z.object({
  date: isoDate,
  staffId: id,
  due: z.array(calendarItem),
  overdue: z.array(calendarItem),
  /** How many overdue items there are beyond the ones listed. */
  overdueTotal: z.number().int(),
  /** My active claims whose protection ends within the warning period. */
  expiringClaims: z.array(expiringClaim),
  /** Managers: our claims in an internal overlap, waiting for a decision (empty for others). */
  overlapsToSettle: z.array(overlapToSettle),
  /** Managers: below-floor price requests waiting for them (empty for others). */
  approvalsToDecide: z.array(approvalItem),
  /** Decisions on this person's price requests in the last days. */
  approvalDecisions: z.array(approvalItem),
  kpi: z.array(kpiProgress),
  /** My contracts whose billed money is past the payment term, the longest overdue first. */
  overdueReceivables: z.array(receivableRow),
});
export type MyDay = z.infer<typeof myDay>;

export const KPI_PERIODS = ['week', 'month'] as const;

export const kpiPeriodInput = z.object({
  period: z.enum(KPI_PERIODS),
  /** Any day of the period (weeks run Monday to Sunday); today in China when left out. */
  date: isoDate.optional(),
});

/** Each person's daily targets summed over the period's working days, beside what they did. */
export const kpiPeriod = z.object({
  period: z.enum(KPI_PERIODS),
  from: isoDate,
  to: isoDate,
  /** China's working days in the period (holidays out, make-up working days in). */
  workingDays: z.number().int(),
  /** false: the official schedule of that year is not known yet; weekdays were counted. */
  scheduleKnown: z.boolean(),
  rows: z.array(
    z.object({
      staffId: id,
      name: z.string(),
      items: z.array(
        z.object({
          type: z.enum(ACTIVITY_TYPE_VALUES),
          target: z.number().int(),
          done: z.number().int(),
        }),
      ),
    }),
  ),
});
export type KpiPeriod = z.infer<typeof kpiPeriod>;
