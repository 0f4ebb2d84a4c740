/** Evidence documents of claims and filings: attach (copied, hashed, audited), list, remove, open. */
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { DocumentKind } from '../../shared/filing-enums';
import { AppError } from '../../shared/result';
import type { DocumentEntity, StoredDocument } from '../../shared/schemas/documents';
import type { Staff } from '../../shared/schemas/staff';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { isManager } from '../session/session';
import { requireSalesWriter, requireTeam, requireTeamRead } from '../accounts/account-team';
import { stagedFile } from '../imports/staging';
import { blobPath, blobState, keepFile } from './store';
import { type Clock, isoNow } from '../../shared/clock';

type Actor = Pick<Staff, 'id' | 'role'>;

/** The claim or filing a document belongs to: its status, owner and account. */
async function recordOf(db: Kysely<Database>, entity: DocumentEntity, entityId: number) {
  return entity === 'claim'
    ? db
        .selectFrom('claims')
        .select(['status', 'claimant_id as owner', 'account_id'])
        .where('id', '=', entityId)
        .executeTakeFirst()
    : db
        .selectFrom('filings')
        .select(['status', 'created_by as owner', 'account_id'])
        .where('id', '=', entityId)
        .executeTakeFirst();
}

/**
 * Whether documents of this claim or filing may still change, and by this person: its claimant
 * or preparer, or a manager (as for the record's other changes).
 */
async function editable(
  db: Kysely<Database>,
  actor: Actor,
  entity: DocumentEntity,
  entityId: number,
): Promise<{ attach: boolean; remove: boolean }> {
  requireSalesWriter(actor);
  const record = await recordOf(db, entity, entityId);
  if (!record) throw new AppError('NOT_FOUND', `${entity} #${entityId} does not exist`);
  await requireTeam(db, actor, record.account_id);
  if (record.owner !== null && record.owner !== actor.id && !isManager(actor))
    throw new AppError(
      'FORBIDDEN',
      `only its owner or a manager changes this ${entity}'s evidence`,
      {
        kind: `${entity}.not_yours`,
      },
    );
  const draft = record.status === 'draft';
  // A claim's evidence keeps growing while it is disputed, and nothing is taken away once filed;
  // a submitted filing's evidence is frozen with it.
  return { attach: entity === 'claim' || draft, remove: draft };
}

export async function listDocuments(
  db: Kysely<Database>,
  dataDir: string,
  entity: DocumentEntity,
  entityId: number,
): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('documents as d')
    .leftJoin('staff as s', 's.id', 'd.uploaded_by')
    .selectAll('d')
    .select('s.name as uploader')
    .where('d.entity', '=', entity)
    .where('d.entity_id', '=', entityId)
    .orderBy('d.id')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      size: r.size,
      sha256: r.sha256,
      note: r.note,
      uploadedAt: r.uploaded_at,
      uploadedBy:
        r.uploaded_by !== null && r.uploader !== null
          ? { id: r.uploaded_by, name: r.uploader }
          : null,
      state: await blobState(dataDir, r.sha256),
    })),
  );
}

interface AttachInput {
  fileId: string;
  entity: DocumentEntity;
  entityId: number;
  kind: DocumentKind;
  note: string | null;
}

export async function attachDocument(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: AttachInput,
): Promise<StoredDocument> {
  const actorId = actor.id;
  if (!(await editable(db, actor, input.entity, input.entityId)).attach)
    throw new AppError('POLICY', 'a submitted filing’s evidence is frozen', {
      kind: 'document.frozen',
    });
  const staged = stagedFile(dataDir, input.fileId);
  // The copy is made before the transaction: a failed insert leaves an unreferenced blob, never a
  // row without its file.
  const { sha256, size } = await keepFile(dataDir, staged.file);
  const id = await writeTx(db, async (trx) => {
    const row = await trx
      .insertInto('documents')
      .values({
        entity: input.entity,
        entity_id: input.entityId,
        kind: input.kind,
        file_name: staged.fileName,
        size,
        sha256,
        note: input.note,
        uploaded_at: isoNow(clock),
        uploaded_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, clock, {
      actorId,
      entity: input.entity,
      entityId: input.entityId,
      action: 'documents.attach',
      after: { documentId: row.id, kind: input.kind, fileName: staged.fileName, sha256, size },
    });
    return row.id;
  });
  fs.rmSync(staged.file, { force: true });
  const docs = await listDocuments(db, dataDir, input.entity, input.entityId);
  return docs.find((d) => d.id === id)!;
}

async function mustGetDocument(db: Kysely<Database>, id: number) {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw new AppError('NOT_FOUND', `document #${id} does not exist`);
  return doc;
}

export async function removeDocument(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  const actorId = actor.id;
  const doc = await mustGetDocument(db, id);
  const entity = doc.entity;
  if (!(await editable(db, actor, entity, doc.entity_id)).remove)
    throw new AppError(
      'POLICY',
      'evidence of a filed claim or a submitted filing stays on record',
      {
        kind: 'document.frozen',
      },
    );
  await writeTx(db, async (trx) => {
    await trx.deleteFrom('documents').where('id', '=', id).execute();
    await appendAudit(trx, clock, {
      actorId,
      entity,
      entityId: doc.entity_id,
      action: 'documents.remove',
      before: { documentId: id, kind: doc.kind, fileName: doc.file_name, sha256: doc.sha256 },
    });
  });
}

/**
 * The stored copy to hand to the user, refused when it no longer matches its hash. Evidence is
 * for the record's account team, managers and admins: a rival's claim shows that it exists and
 * how much evidence it has, never the evidence itself.
 */
export async function documentFile(
  db: Kysely<Database>,
  dataDir: string,
  viewer: Actor,
  id: number,
): Promise<{ file: string; fileName: string }> {
  const doc = await mustGetDocument(db, id);
  const record = await recordOf(db, doc.entity, doc.entity_id);
  if (record) await requireTeamRead(db, viewer, record.account_id);
  const state = await blobState(dataDir, doc.sha256);
  if (state !== 'intact')
    throw new AppError('IO', `the stored copy of ${doc.file_name} is ${state}`, {
      kind: `document.${state}`,
    });
  return { file: blobPath(dataDir, doc.sha256), fileName: doc.file_name };
}
