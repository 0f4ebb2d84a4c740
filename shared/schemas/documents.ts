/** Evidence documents: copies kept in the data folder, named by their SHA-256, checked on read. */
import { z } from 'zod';
import { DOCUMENT_KIND_VALUES } from '../filing-enums';
import { id, optionalText, ref, timestamp } from './common';
import { stagedFile } from './imports';

const DOCUMENT_ENTITIES = ['claim', 'filing'] as const;
export type DocumentEntity = (typeof DOCUMENT_ENTITIES)[number];

export const storedDocument = z.object({
  id,
  kind: z.enum(DOCUMENT_KIND_VALUES),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedAt: timestamp,
  uploadedBy: ref.nullable(),
  /** The stored copy checked against its hash: intact, altered, or missing from the data folder. */
  state: z.enum(['intact', 'altered', 'missing']),
});
export type StoredDocument = z.infer<typeof storedDocument>;

/** Attaches a staged upload (POST /api/upload, or imports.choose in Electron) as evidence. */
export const attachInput = z.object({
  fileId: stagedFile.shape.fileId,
  entity: z.enum(DOCUMENT_ENTITIES),
  entityId: id,
  kind: z.enum(DOCUMENT_KIND_VALUES),
  note: optionalText(500),
});
