import { z } from 'zod';
import { ATTITUDE_VALUES, CONTACT_LEVEL_VALUES, PURCHASE_ROLE_VALUES } from '../enums';
import { id, isoDate, optionalText, requiredText, timestamp, version } from './common';
import { refId } from './references';

/** Mobile or landline, with an optional extension: 010-6512 3456 转 802. */
export const PHONE = /^\+?[\d\s()-]{5,20}(\s*(转|ext\.?|x)\s*\d{1,6})?$/i;

const phone = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v.normalize('NFKC').trim() === ''
        ? null
        : v.normalize('NFKC').trim()
      : v,
  z
    .string()
    .nullable()
    .refine((v) => v === null || PHONE.test(v), {
      message: 'phone.format',
      params: { reason: 'phone.format' },
    }),
);

export const contactInput = z.object({
  accountId: refId('accounts'),
  name: requiredText(50),
  title: optionalText(50),
  department: optionalText(80),
  level: z.enum(CONTACT_LEVEL_VALUES).nullable().default(null),
  purchaseRole: z.enum(PURCHASE_ROLE_VALUES).nullable().default(null),
  attitude: z.enum(ATTITUDE_VALUES).nullable().default(null),
  phone: phone.default(null),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().nullable()).default(null),
  notes: optionalText(2000),
});
export type ContactInput = z.infer<typeof contactInput>;

export const contact = contactInput.extend({
  id,
  hasPersonal: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Contact = z.infer<typeof contact>;

/** Personal information under PIPL: kept in its own table, read only on explicit request. */
export const contactPersonal = z.object({
  birthday: isoDate.nullable().default(null),
  hometown: optionalText(100),
  education: optionalText(100),
  hobbies: optionalText(500),
  schedule: optionalText(500),
  careerGoals: optionalText(500),
  family: optionalText(500),
  notes: optionalText(2000),
});
export type ContactPersonal = z.infer<typeof contactPersonal>;
