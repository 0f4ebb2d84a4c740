/** Settings of claims and filings: our territory, protection period and the incentive policy. */
import { z } from 'zod';
import { policySettings } from '../eligibility';

export const filingSettings = z.object({
  /**
   * Our territory as region codes (a province or city covers everything in it). Empty: not set,
   * and no claim needs a cross-territory authorisation.
   */
  territoryCodes: z
    .array(z.string().regex(/^\d{6}$/))
    .max(200)
    .refine((c) => new Set(c).size === c.length, {
      message: 'territory.duplicate',
      params: { reason: 'territory.duplicate' },
    }),
  /** Protection period of a new claim, in days. */
  claimProtectionDays: z.number().int().min(1).max(730),
  /** Expiring claims show in my day this many days ahead. */
  claimWarnDays: z.number().int().min(1).max(180),
  policy: policySettings,
});
export type FilingSettings = z.infer<typeof filingSettings>;
