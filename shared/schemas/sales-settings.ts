import { z } from 'zod';
import { OPEN_STAGES } from '../sales-enums';
import { probabilitySettings } from './opportunities';

export const salesSettings = z.object({
  probabilities: probabilitySettings.refine(
    (p) => OPEN_STAGES.every((s, i) => i === 0 || p[s] >= p[OPEN_STAGES[i - 1]!]),
    { message: 'probabilities.not_increasing' },
  ),
  /** Follow-ups scheduled this many days after each delivery date. */
  followUpDays: z
    .array(z.number().int().min(1).max(365))
    .max(6)
    .refine((d) => new Set(d).size === d.length, { message: 'follow_up.duplicate_days' }),
  /** Reminders appear this long before an item is due. */
  reminderLeadHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** 回款账期: an invoice is overdue this many days after its issue date. */
  paymentTermDays: z.number().int().min(0).max(365).default(30),
});
export type SalesSettings = z.infer<typeof salesSettings>;
