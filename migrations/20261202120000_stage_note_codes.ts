import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * Notes the application wrote as sentences become codes with parameters, put into words in the
 * reader's language:
 * - stage history: "<project no>: bid|won|lost" written by a tender (cause 'tender') and
 *   "<contract no>: final" written by a contract (cause 'contract');
 * - follow-up deadlines: "<contract no> <unit>（交车后N天）" keeps "<contract no> <unit>" as its title
 *   and the day as a code.
 * A note that does not read exactly like one of these (or was written by a person: cause 'manual')
 * stays as it is: it is user text.
 */

const TENDER_NOTE = /^(.+): (bid|won|lost)$/;
const CONTRACT_NOTE = /^(.+): final$/;
const FOLLOW_UP_TITLE = /^(.*)（交车后(\d+)天）$/;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['opportunity_stages', 'deadlines']) {
    await db.schema.alterTable(table).addColumn('note_code', 'text').execute();
    await db.schema.alterTable(table).addColumn('note_params', 'text').execute();
  }

  const stages = (await db
    .selectFrom('opportunity_stages')
    .select(['id', 'cause', 'note'])
    .where('cause', 'in', ['tender', 'contract'])
    .where('note', 'is not', null)
    .execute()) as { id: number; cause: string; note: string }[];
  for (const row of stages) {
    const tender = row.cause === 'tender' ? TENDER_NOTE.exec(row.note) : null;
    const contract = row.cause === 'contract' ? CONTRACT_NOTE.exec(row.note) : null;
    const coded = tender
      ? { code: `tender.${tender[2]}`, params: { projectNo: tender[1] } }
      : contract
        ? { code: 'contract.final', params: { number: contract[1] } }
        : null;
    if (!coded) continue;
    await db
      .updateTable('opportunity_stages')
      .set({ note: null, note_code: coded.code, note_params: JSON.stringify(coded.params) })
      .where('id', '=', row.id)
      .execute();
  }

  const followUps = (await db
    .selectFrom('deadlines')
    .select(['id', 'title'])
    .where('entity', '=', 'follow_up')
    .where('kind', '=', 'follow_up')
    .execute()) as { id: number; title: string }[];
  for (const row of followUps) {
    const m = FOLLOW_UP_TITLE.exec(row.title);
    if (!m) continue;
    await db
      .updateTable('deadlines')
      .set({
        title: m[1]!.trimEnd(),
        note_code: 'follow_up.after_delivery',
        note_params: JSON.stringify({ days: Number(m[2]) }),
      })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Back to the sentences the previous version wrote (its only language), then the columns go. */
export async function down(db: Kysely<any>): Promise<void> {
  const stages = (await db
    .selectFrom('opportunity_stages')
    .select(['id', 'note', 'note_code', 'note_params'])
    .where('note_code', 'is not', null)
    .execute()) as { id: number; note: string | null; note_code: string; note_params: string }[];
  for (const row of stages) {
    const params = JSON.parse(row.note_params) as { projectNo?: string; number?: string };
    const sentence =
      row.note_code === 'contract.final'
        ? `${params.number}: final`
        : row.note_code.startsWith('tender.')
          ? `${params.projectNo}: ${row.note_code.slice('tender.'.length)}`
          : null;
    if (sentence === null) continue;
    await db
      .updateTable('opportunity_stages')
      .set({ note: row.note ?? sentence })
      .where('id', '=', row.id)
      .execute();
  }
  const followUps = (await db
    .selectFrom('deadlines')
    .select(['id', 'title', 'note_params'])
    .where('note_code', '=', 'follow_up.after_delivery')
    .execute()) as { id: number; title: string; note_params: string }[];
  for (const row of followUps) {
    const { days } = JSON.parse(row.note_params) as { days: number };
    await db
      .updateTable('deadlines')
      .set({ title: `${row.title}（交车后${days}天）` })
      .where('id', '=', row.id)
      .execute();
  }
  for (const table of ['opportunity_stages', 'deadlines']) {
    await db.schema.alterTable(table).dropColumn('note_params').execute();
    await db.schema.alterTable(table).dropColumn('note_code').execute();
  }
}
