/** Claims (报备): registering that we develop an account, with conflicts, territory and expiry. */
import { z } from 'zod';
import { BUYER_TYPE_VALUES, type Label } from '../enums';
import {
  AUTH_STATE_VALUES,
  CLAIM_SOURCE_VALUES,
  CLAIM_STATUS_VALUES,
  CONFLICT_MATCH_VALUES,
  CONFLICT_RULE_VALUES,
} from '../filing-enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { ACTIVITY_TYPE_VALUES } from '../sales-enums';
import {
  id,
  isoDate,
  isoDateTime,
  optionalText,
  ref,
  requiredText,
  timestamp,
  version,
} from './common';
import { refId } from './references';
import { storedDocument } from './documents';

const regionCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit region code');

/** A draft claim of ours; the filing time is the system clock's when it is filed, never typed. */
export const claimInput = z.object({
  accountId: refId('accounts'),
  opportunityId: refId('opportunities').nullable().default(null),
  /** The region the claim is for; the account's own region when not given. */
  territoryCode: regionCode.nullable().default(null),
  /** Days of protection; the configured default when not given. */
  protectionDays: z.number().int().min(1).max(730).nullable().default(null),
  notes: optionalText(2000),
});
export type ClaimInput = z.infer<typeof claimInput>;

/** The manufacturer's word about another dealer's claim, recorded so that ours is ranked against it. */
export const externalClaimInput = z.object({
  accountId: refId('accounts'),
  dealerName: requiredText(200),
  /** Their filing time as the manufacturer reported it. */
  filedAt: isoDateTime,
  /** Their development evidence count, when the manufacturer told us. */
  evidenceCount: z.number().int().min(0).max(10_000).nullable().default(null),
  customerWish: z.boolean().default(false),
  oemReference: optionalText(100),
  notes: optionalText(2000),
});
export type ExternalClaimInput = z.infer<typeof externalClaimInput>;

export const claimReplyInput = z.object({
  id,
  outcome: z.enum(['approved', 'rejected']),
  oemReference: optionalText(100),
  reply: requiredText(2000),
  repliedOn: isoDate,
});

export const claimWishInput = z.object({
  id,
  /** What the customer said or signed, and when; a statement document can be attached to the claim. */
  note: requiredText(2000),
});

export const authorisationRequestInput = z.object({
  id,
  /** Whose territory it is (the dealer or the manufacturer's regional office asked). */
  addressee: requiredText(200),
  note: requiredText(2000),
});

export const authorisationAnswerInput = z.object({
  id,
  granted: z.boolean(),
  reference: optionalText(100),
  note: requiredText(2000),
});

export const CLAIM_COLUMNS = {
  /** For an account's claims (its card's tab); filter only. */
  accountId: { kind: 'enum', sortable: false },
  accountName: { kind: 'text' },
  uscc: { kind: 'text' },
  buyerType: { kind: 'enum', values: BUYER_TYPE_VALUES },
  status: { kind: 'enum', values: CLAIM_STATUS_VALUES },
  source: { kind: 'enum', values: CLAIM_SOURCE_VALUES },
  claimantId: { kind: 'enum' },
  dealerName: { kind: 'text' },
  territoryCode: { kind: 'text', sortable: false },
  authState: { kind: 'enum', values: AUTH_STATE_VALUES },
  filedAt: { kind: 'date' },
  expiresOn: { kind: 'date' },
  evidenceCount: { kind: 'number' },
  oemReference: { kind: 'text' },
  renewals: { kind: 'number' },
  /** Since when two of our own claims are on the organisation (an internal overlap to settle). */
  overlapSince: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type ClaimColumn = keyof typeof CLAIM_COLUMNS;
export const CLAIM_COLUMN_LABELS: Record<ClaimColumn, Label> = {
  accountId: { zh: '客户编号', en: 'Account id' },
  accountName: { zh: '客户', en: 'Account' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  status: { zh: '状态', en: 'Status' },
  source: { zh: '来源', en: 'Source' },
  claimantId: { zh: '报备人', en: 'Claimant' },
  dealerName: { zh: '他店名称', en: 'Other dealer' },
  territoryCode: { zh: '辖区', en: 'Territory' },
  authState: { zh: '跨区授权', en: 'Cross-territory' },
  filedAt: { zh: '报备时间', en: 'Filed' },
  expiresOn: { zh: '保护期至', en: 'Protected until' },
  evidenceCount: { zh: '开发记录', en: 'Evidence' },
  oemReference: { zh: '厂家报备号', en: 'OEM reference' },
  renewals: { zh: '续期次数', en: 'Renewals' },
  overlapSince: { zh: '店内重叠自', en: 'Internal overlap since' },
};
export const claimListQuery = listQuerySchema(CLAIM_COLUMNS);

const claimRow = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  uscc: z.string().nullable(),
  buyerType: z.enum(BUYER_TYPE_VALUES),
  status: z.enum(CLAIM_STATUS_VALUES),
  source: z.enum(CLAIM_SOURCE_VALUES),
  claimant: ref.nullable(),
  dealerName: z.string().nullable(),
  territoryCode: z.string().nullable(),
  territoryName: z.string(),
  authState: z.enum(AUTH_STATE_VALUES),
  /** Set by the system clock when filed (ours) or as reported (another dealer's); never edited. */
  filedAt: timestamp.nullable(),
  expiresOn: isoDate.nullable(),
  /** Development records: our logged activities on the account, or the count the OEM reported. */
  evidenceCount: z.number().int(),
  customerWish: z.boolean(),
  oemReference: z.string().nullable(),
  renewals: z.number().int(),
  /** Set while a colleague's active claim is on the same organisation: a manager settles it. */
  overlapSince: timestamp.nullable(),
  updatedAt: timestamp,
  version,
});
export type ClaimRow = z.infer<typeof claimRow>;
export const claimPage = pageSchema(claimRow);

export const evidenceActivity = z.object({
  id,
  type: z.enum(ACTIVITY_TYPE_VALUES),
  occurredOn: isoDate,
  staffName: z.string().nullable(),
  summary: z.string().nullable(),
  outcome: z.string().nullable(),
});

const conflictEntry = z.object({
  claimId: id,
  rank: z.number().int(),
  accountId: id,
  accountName: z.string(),
  source: z.enum(CLAIM_SOURCE_VALUES),
  /** Our claimant, or the other dealer's name. */
  claimantName: z.string(),
  claimantId: id.nullable(),
  status: z.enum(CLAIM_STATUS_VALUES),
  filedAt: timestamp.nullable(),
  customerWish: z.boolean(),
  evidenceCount: z.number().int(),
  /** How this claim was found to collide with the claim looked at (empty for that claim itself). */
  matches: z.array(z.enum(CONFLICT_MATCH_VALUES)),
});
export type ConflictEntry = z.infer<typeof conflictEntry>;

/**
 * A conflict between dealers: the claim looked at and the best claim of each other dealer (or, for
 * another dealer's claim, ours), ranked by the manufacturer's order; the first wins.
 */
const conflictView = z.object({
  claims: z.array(conflictEntry),
  winnerId: id,
  /** The best claim of another party than the winner's: the one the deciding rule compared. */
  runnerUpId: id.nullable(),
  /** The first rule that separated the winner from the runner-up, with the facts compared. */
  decidedBy: z.enum(CONFLICT_RULE_VALUES),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type ConflictView = z.infer<typeof conflictView>;

/**
 * Two or more of our own claims on one organisation: not ranked by the manufacturer's rules (they
 * apply between dealers); a manager settles which colleague keeps it.
 */
const overlapView = z.object({
  /** The second filing among them; null while the claim looked at is a draft. */
  since: timestamp.nullable(),
  /** The claim looked at first, then our other claims by filing time. */
  claims: z.array(
    z.object({
      claimId: id,
      claimant: ref.nullable(),
      accountId: id,
      accountName: z.string(),
      status: z.enum(CLAIM_STATUS_VALUES),
      filedAt: timestamp.nullable(),
      expiresOn: isoDate.nullable(),
      evidenceCount: z.number().int(),
      matches: z.array(z.enum(CONFLICT_MATCH_VALUES)),
    }),
  ),
});
export type OverlapView = z.infer<typeof overlapView>;

/** A manager settles an internal overlap: this claim keeps the organisation, the others are released. */
export const settleOverlapInput = z.object({
  keepId: refId('claims'),
  note: requiredText(2000),
});

export const claimDetail = claimRow.extend({
  opportunity: z.object({ id, title: z.string() }).nullable(),
  protectionDays: z.number().int(),
  notes: z.string().nullable(),
  inTerritory: z.boolean(),
  authorisation: z.object({
    addressee: z.string().nullable(),
    requestNote: z.string().nullable(),
    requestedAt: timestamp.nullable(),
    requestedBy: ref.nullable(),
    reference: z.string().nullable(),
    answerNote: z.string().nullable(),
    answeredAt: timestamp.nullable(),
    answeredBy: ref.nullable(),
  }),
  reply: z.object({
    text: z.string().nullable(),
    repliedOn: isoDate.nullable(),
    recordedBy: ref.nullable(),
  }),
  wish: z
    .object({ note: z.string(), recordedAt: timestamp, recordedBy: ref.nullable() })
    .nullable(),
  releasedAt: timestamp.nullable(),
  releaseReason: z.string().nullable(),
  /** Development records linked from the activity log, newest first. */
  activities: z.array(evidenceActivity),
  documents: z.array(storedDocument),
  /** The competing claims, ranked, when there are any active ones. */
  conflict: conflictView.nullable(),
  /** Our colleagues' claims on the same organisation, when there are any (ours only). */
  overlap: overlapView.nullable(),
  /** What stops filing now, in words the UI translates (reason codes). */
  fileBlockers: z.array(z.string()),
});
export type ClaimDetail = z.infer<typeof claimDetail>;

/** A claim of ours in an internal overlap, for a manager's day: open it to settle. */
export const overlapToSettle = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  claimantName: z.string().nullable(),
  since: timestamp,
});
export type OverlapToSettle = z.infer<typeof overlapToSettle>;

/** A claim expiring soon, for my day. */
export const expiringClaim = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  expiresOn: isoDate,
  status: z.enum(CLAIM_STATUS_VALUES),
  daysLeft: z.number().int(),
});
export type ExpiringClaim = z.infer<typeof expiringClaim>;
