/**
 * The contacts export job (worker thread): the contacts of the accounts in a view, one row each.
 * Personal details (PIPL) are columns only when the user asked for them, and are filled only for
 * contacts the user may read (owner of the account, or a manager); the export, and whether it
 * carried personal details, goes into the audit log.
 */
import fs from 'node:fs';
import { ATTITUDES, CONTACT_LEVELS, PURCHASE_ROLES } from '../../shared/enums';
import type { ExportContactsInput, ExportResult } from '../../shared/schemas/exports';
import type { StaffRole } from '../../shared/enums';
import { readsAll } from '../accounts/account-team';
import { viewAccountIds } from '../accounts/repository';
import { bulkAuditAppender } from '../audit/audit';
import { type CellKind, type CellValue, createTableWriter } from '../excel/table-writer';
import { writeExportFile } from './export-file';
import { wallClock } from '../excel/wall-clock';
import type { JobFunction } from '../jobs/context';
import { labelOf } from './account-cells';
import { describeView } from './describe-view';
import { isoNow } from '../../shared/clock';
import { auditHeadPair } from '../audit/head';

export interface ExportContactsParams {
  input: ExportContactsInput;
  file: string;
  fileName: string;
  actor: { id: number; name: string; role: StaffRole };
  version: string;
}

interface ContactRow {
  account_name: string;
  uscc: string | null;
  on_team: number;
  name: string;
  title: string | null;
  department: string | null;
  level: string | null;
  purchase_role: string | null;
  attitude: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  birthday: string | null;
  hometown: string | null;
  education: string | null;
  hobbies: string | null;
  schedule: string | null;
  career_goals: string | null;
  family: string | null;
  personal_notes: string | null;
}

type Column = [zh: string, en: string, kind: CellKind, value: (r: ContactRow) => CellValue];

const PERSONAL_FIELDS = [
  'birthday',
  'hometown',
  'education',
  'hobbies',
  'schedule',
  'career_goals',
  'family',
  'personal_notes',
] as const;

function columns(lang: 'zh-CN' | 'en', personal: boolean): Column[] {
  const base: Column[] = [
    ['客户名称', 'Account', 'text', (r) => r.account_name],
    ['统一社会信用代码', 'USCC', 'text', (r) => r.uscc],
    ['姓名', 'Name', 'text', (r) => r.name],
    ['职务', 'Title', 'text', (r) => r.title],
    ['部门', 'Department', 'text', (r) => r.department],
    ['层级', 'Level', 'text', (r) => labelOf(CONTACT_LEVELS, r.level, lang)],
    ['采购角色', 'Purchase role', 'text', (r) => labelOf(PURCHASE_ROLES, r.purchase_role, lang)],
    ['态度', 'Attitude', 'text', (r) => labelOf(ATTITUDES, r.attitude, lang)],
    ['电话', 'Phone', 'text', (r) => r.phone],
    ['邮箱', 'Email', 'text', (r) => r.email],
    ['备注', 'Notes', 'text', (r) => r.notes],
  ];
  if (!personal) return base;
  return [
    ...base,
    ['生日', 'Birthday', 'date', (r) => (r.birthday ? new Date(`${r.birthday}T00:00:00Z`) : null)],
    ['籍贯', 'Hometown', 'text', (r) => r.hometown],
    ['学历', 'Education', 'text', (r) => r.education],
    ['爱好', 'Hobbies', 'text', (r) => r.hobbies],
    ['日程习惯', 'Schedule', 'text', (r) => r.schedule],
    ['职业目标', 'Career goals', 'text', (r) => r.career_goals],
    ['家庭', 'Family', 'text', (r) => r.family],
    ['个人备注', 'Personal notes', 'text', (r) => r.personal_notes],
  ];
}

export const exportContactsJob: JobFunction<ExportContactsParams> = async (ctx) => {
  const { input, file, fileName, actor } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const view = { filters: input.filters, search: input.search };
  const ids = viewAccountIds(ctx.db, view).compile();
  const from = `from contacts c join accounts a on a.id = c.account_id
     left join contact_personal p on p.contact_id = c.id
     where c.account_id in (${ids.sql})`;
  const total = ctx.sqlite
    .prepare(`select count(*) ${from}`)
    .pluck()
    .get(...ids.parameters) as number;
  const rows = ctx.sqlite.prepare(
    // on_team: the exporting user is the account's owner or a co-owner (accounts/account-team).
    `select a.name as account_name, a.uscc,
            (a.owner_id = ? or exists (select 1 from account_team_members m
              where m.account_id = a.id and m.staff_id = ?)) as on_team, c.name, c.title, c.department, c.level,
            c.purchase_role, c.attitude, c.phone, c.email, c.notes, p.birthday, p.hometown,
            p.education, p.hobbies, p.schedule, p.career_goals, p.family, p.notes as personal_notes
       ${from}
      order by a.name_sort, a.id, c.id`,
  );
  const cols = columns(input.lang, input.includePersonal);
  const mayRead = (r: ContactRow) => readsAll(actor) || r.on_team === 1;
  const open = (part: string) =>
    createTableWriter(
      part,
      input.format,
      zh ? '联系人' : 'Contacts',
      zh ? '导出说明' : 'About this export',
      cols.map(([z, e, kind]) => ({ header: zh ? z : e, kind })),
      input.lang,
    );
  const toWallClock = wallClock(input.timeZone);
  let written = 0;
  let withPersonal = 0;
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    ctx.progress(0, total);
    for (const r of rows.iterate(actor.id, actor.id, ...ids.parameters) as Iterable<ContactRow>) {
      if (input.includePersonal) {
        if (!mayRead(r)) for (const f of PERSONAL_FIELDS) r[f] = null;
        else if (PERSONAL_FIELDS.some((f) => r[f] !== null)) withPersonal++;
      }
      writer.add(cols.map(([, , , value]) => value(r)));
      if (++written % 1000 === 0) {
        ctx.checkCancelled();
        ctx.progress(written, total);
        await writer.drain();
      }
    }
    ctx.checkCancelled();
    const staff = await ctx.db.selectFrom('staff').select(['id', 'name']).execute();
    const described = describeView(
      { ...view, sort: [] },
      input.lang,
      new Map(staff.map((s) => [s.id, s.name])),
    );
    const now = toWallClock(isoNow(ctx.clock))!.toISOString().slice(0, 16).replace('T', ' ');
    const scope =
      actor.role === 'specialist'
        ? zh
          ? `仅限${actor.name}负责的客户的联系人`
          : `only for contacts of accounts owned by ${actor.name}`
        : zh
          ? '全部联系人'
          : 'for all contacts';
    const personal = input.includePersonal
      ? zh
        ? `已导出（${withPersonal} 位联系人有个人信息；${scope}）`
        : `exported (${withPersonal} contacts have personal details; ${scope})`
      : zh
        ? '未导出'
        : 'not exported';
    await writer.finish([
      [zh ? '导出内容' : 'Contents', zh ? `联系人，共 ${written} 行` : `Contacts, ${written} rows`],
      [zh ? '导出时间' : 'Exported at', `${now} (${input.timeZone})`],
      [zh ? '导出人' : 'Exported by', actor.name],
      [zh ? '客户筛选条件' : 'Account filters', described.filters],
      [zh ? '快速搜索' : 'Quick search', described.search],
      [zh ? '个人信息' : 'Personal details', personal],
      [
        zh ? '审计' : 'Audit',
        zh ? '本次导出已记入审计日志' : 'This export is recorded in the audit log',
      ],
      auditHeadPair(ctx.sqlite, zh),
      [zh ? '软件版本' : 'Software', `Keyfleet ${ctx.params.version}`],
    ]);
  });
  // The export log: who took which contacts out, and whether personal details went with them.
  ctx.sqlite.exec('begin immediate');
  try {
    bulkAuditAppender(ctx.sqlite, { clock: ctx.clock })({
      actorId: actor.id,
      entity: 'export',
      entityId: null,
      action: 'contacts.export',
      after: {
        fileName,
        format: input.format,
        contacts: written,
        includePersonal: input.includePersonal,
        contactsWithPersonal: withPersonal,
        filters: input.filters,
        search: input.search ?? null,
      },
    });
    ctx.sqlite.exec('commit');
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('rollback');
    fs.rmSync(file, { force: true });
    throw error;
  }
  ctx.progress(written, total);
  const result: ExportResult = { fileName, rows: written, bytes };
  return { result };
};
