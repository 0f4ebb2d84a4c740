/**
 * One simulated member of staff: signs in once, then works through a day's mix — grids, quick
 * search, account cards, my day, the calendar and the pipeline, logging activities, opening
 * opportunities and claims — with a person's pauses between actions, played faster by `speed`.
 * An import or an export is done when the team's schedule hands one over. Every write the server
 * acknowledged is entered in the ledger, to be looked for in the database afterwards.
 */
import ExcelJS from 'exceljs';
import type { Input, Output } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import { BUYER_TYPE_VALUES, GRADE_VALUES, LIFECYCLE_VALUES } from '../../shared/enums';
import { PROVINCES } from '../../shared/regions';
import { ACTIVITY_OUTCOME_VALUES, ACTIVITY_TYPE_VALUES } from '../../shared/sales-enums';
import { Random } from '../../electron/demo/random';
import type { Answer, Client } from './client';
import type { RequestClass, Recorder } from './stats';
import type { Person } from './team';

/** Each kind of request timed, and whether its target is a read's or a write's. */
export const KINDS: Record<string, RequestClass> = {
  'auth.signIn': 'auth',
  'accounts.list (grid)': 'read',
  'accounts.list (search)': 'read',
  'accounts.get': 'read',
  'contacts.list': 'read',
  'activities.list': 'read',
  'myDay.get': 'read',
  'calendar.list': 'read',
  'opportunities.board': 'read',
  'jobs.get': 'read',
  'imports.inspection': 'read',
  'imports.summary': 'read',
  'exports.accounts': 'read',
  'exports.deliver': 'read',
  'download (GET)': 'read',
  'activities.create': 'write',
  'opportunities.create': 'write',
  'claims.create': 'write',
  'upload (POST)': 'write',
  'imports.inspect': 'write',
  'imports.run': 'write',
  'import: upload → committed': 'job',
  'export: request → file': 'job',
};

/** What the server said it wrote: ids (and the marker text) by table, imported account names. */
export interface Ledger {
  activities: Map<number, string>;
  opportunities: Map<number, string>;
  claims: Map<number, string>;
  importedAccounts: string[];
  /** Writes whose answer never came or was an error: not acknowledged, so not owed. */
  unacknowledged: number;
}

export function emptyLedger(): Ledger {
  return {
    activities: new Map(),
    opportunities: new Map(),
    claims: new Map(),
    importedAccounts: [],
    unacknowledged: 0,
  };
}

type Action =
  | 'grid'
  | 'search'
  | 'card'
  | 'myDay'
  | 'calendar'
  | 'board'
  | 'activity'
  | 'opportunity'
  | 'claim';

/**
 * A specialist's day: mostly looking things up, an activity logged every few actions, an
 * opportunity or a claim a few times a day. Managers look more at the pipeline and the calendar.
 */
const SPECIALIST_MIX: [Action, number][] = [
  ['grid', 26],
  ['search', 16],
  ['card', 22],
  ['myDay', 7],
  ['calendar', 4],
  ['board', 5],
  ['activity', 14],
  ['opportunity', 3],
  ['claim', 3],
];
const MANAGER_MIX: [Action, number][] = [
  ['grid', 25],
  ['search', 12],
  ['card', 20],
  ['myDay', 8],
  ['calendar', 12],
  ['board', 18],
  ['activity', 5],
];

const SEARCHES = [
  '公安',
  '交通',
  '工商银行',
  '中石化',
  '检察院',
  '卫健委',
  '杭州',
  '分公司',
  '租赁',
  '物流',
  '王',
  '教育',
];
const SORTS = [
  [{ field: 'name', desc: false }],
  [{ field: 'updatedAt', desc: true }],
  [{ field: 'fleetTotal', desc: true }],
  [
    { field: 'grade', desc: false },
    { field: 'name', desc: false },
  ],
  [{ field: 'createdAt', desc: true }],
];
const MODELS = ['帕萨特 330TSI', '途观L', '朗逸 1.5L', '威然', '凌渡L', 'ID.4 CROZZ'];

export interface JobRequest {
  kind: 'import' | 'export';
}

export class SimulatedUser {
  readonly jobs: JobRequest[] = [];
  private readonly random: Random;
  private myAccounts: { id: number; name: string }[] = [];
  private lastPage: { id: number }[] = [];
  private readonly contacts = new Map<number, number[]>();
  private serial = 0;

  constructor(
    private readonly me: Person,
    private readonly client: Client,
    private readonly recorder: Recorder,
    private readonly ledger: Ledger,
    private readonly o: { speed: number; seed: number; runTag: string },
  ) {
    this.random = new Random(o.seed);
  }

  /** Signs in, then acts until `deadline` (ms since the epoch); the action under way finishes. */
  async run(deadline: number): Promise<void> {
    const signedIn = await this.client.call<Output<'auth.signIn'>>('auth.signIn', 'auth.signIn', {
      login: this.me.login,
      password: this.me.password,
    });
    if (!signedIn.ok) return;
    this.client.token = signedIn.value.token;
    const mine = await this.read<Output<'accounts.list'>>('accounts.list (grid)', 'accounts.list', {
      limit: 200,
      sort: [{ field: 'name', desc: false }],
      filters: this.mineFilter(),
    });
    this.myAccounts = mine?.rows.map((r) => ({ id: r.id, name: r.name })) ?? [];
    const mix = this.me.role === 'manager' ? MANAGER_MIX : SPECIALIST_MIX;
    while (Date.now() < deadline) {
      const job = this.jobs.shift();
      if (job?.kind === 'import') await this.importAccounts();
      else if (job?.kind === 'export') await this.exportAccounts();
      else await this.act(this.random.weighted(mix));
      // A person's 5–30 s between actions, played `speed` times faster.
      await sleep((this.random.int(5000, 30000) / this.o.speed) | 0, deadline);
    }
  }

  private mineFilter() {
    return this.me.role === 'specialist'
      ? [{ field: 'ownerId', op: 'in' as const, values: [String(this.me.id)] }]
      : [];
  }

  private async act(action: Action): Promise<void> {
    const today = chinaDate();
    switch (action) {
      case 'grid': {
        const filters = this.random.weighted<Input<'accounts.list'>['filters']>([
          [[], 3],
          [this.mineFilter(), 3],
          [[{ field: 'buyerType', op: 'in', values: [this.random.pick(BUYER_TYPE_VALUES)] }], 2],
          [[{ field: 'grade', op: 'in', values: [this.random.pick(GRADE_VALUES)] }], 1],
          [[{ field: 'lifecycle', op: 'in', values: [this.random.pick(LIFECYCLE_VALUES)] }], 1],
          [[{ field: 'provinceCode', op: 'in', values: [this.random.pick(PROVINCES).code] }], 1],
        ]);
        const page = await this.read<Output<'accounts.list'>>(
          'accounts.list (grid)',
          'accounts.list',
          {
            offset: this.random.weighted([
              [0, 6],
              [100, 2],
              [200, 1],
            ]),
            limit: 100,
            sort: this.random.pick(SORTS),
            filters,
          },
        );
        if (page) this.lastPage = page.rows;
        return;
      }
      case 'search': {
        const page = await this.read<Output<'accounts.list'>>(
          'accounts.list (search)',
          'accounts.list',
          {
            limit: 100,
            sort: [{ field: 'name', desc: false }],
            search: this.random.pick(SEARCHES),
          },
        );
        if (page) this.lastPage = page.rows;
        return;
      }
      case 'card': {
        const id = this.cardAccount();
        if (id === null) return;
        // The card asks for the account, its contacts and its activities at once.
        const [, contacts] = await Promise.all([
          this.read('accounts.get', 'accounts.get', { id }),
          this.read<Output<'contacts.list'>>('contacts.list', 'contacts.list', { accountId: id }),
          this.read('activities.list', 'activities.list', {
            limit: 50,
            sort: [{ field: 'occurredOn', desc: true }],
            filters: [{ field: 'accountId', op: 'in', values: [String(id)] }],
          }),
        ]);
        if (contacts)
          this.contacts.set(
            id,
            contacts.map((c) => c.id),
          );
        return;
      }
      case 'myDay':
        await this.read('myDay.get', 'myDay.get', {});
        return;
      case 'calendar':
        await this.read('calendar.list', 'calendar.list', {
          from: addDays(today, -7),
          to: addDays(today, 35),
          ownerId: this.me.role === 'specialist' ? this.me.id : null,
        });
        return;
      case 'board':
        await this.read('opportunities.board', 'opportunities.board', {
          filters:
            this.me.role === 'specialist'
              ? [{ field: 'ownerId', op: 'in', values: [String(this.me.id)] }]
              : [],
          cardsPerStage: 30,
        });
        return;
      case 'activity': {
        const accountId = this.cardAccount();
        if (accountId === null) return;
        const contacts = this.contacts.get(accountId) ?? [];
        const summary = `压测 ${this.o.runTag} ${this.me.login} 活动 ${++this.serial}`;
        const next = this.random.chance(0.5);
        const answer = await this.client.call<Output<'activities.create'>>(
          'activities.create',
          'activities.create',
          {
            type: this.random.pick(ACTIVITY_TYPE_VALUES),
            accountId,
            contactId:
              contacts.length && this.random.chance(0.6) ? this.random.pick(contacts) : null,
            occurredOn: today,
            outcome: this.random.pick(ACTIVITY_OUTCOME_VALUES),
            summary,
            nextStep: next ? '再次拜访，确认采购计划' : null,
            nextStepOn: next ? addDays(today, this.random.int(1, 14)) : null,
          } satisfies Input<'activities.create'>,
        );
        this.acknowledge(answer, (v) => this.ledger.activities.set(v.id, summary));
        return;
      }
      case 'opportunity': {
        const accountId = this.ownAccount();
        if (accountId === null) return;
        const title = `压测商机 ${this.o.runTag} ${this.me.login}-${++this.serial}`;
        const answer = await this.client.call<Output<'opportunities.create'>>(
          'opportunities.create',
          'opportunities.create',
          {
            accountId,
            title,
            source: null,
            budgetFen: this.random.int(20, 500) * 1_000_000,
            expectedCloseOn: addDays(today, this.random.int(30, 180)),
            lines: [
              {
                model: this.random.pick(MODELS),
                quantity: this.random.int(2, 60),
                targetUnitPriceFen: this.random.int(150, 300) * 100_000,
              },
            ],
            notes: '压测：年度更新计划',
          } satisfies Input<'opportunities.create'>,
        );
        this.acknowledge(answer, (v) => this.ledger.opportunities.set(v.id, title));
        return;
      }
      case 'claim': {
        const accountId = this.ownAccount();
        if (accountId === null) return;
        const notes = `压测报备 ${this.o.runTag} ${this.me.login}-${++this.serial}`;
        const answer = await this.client.call<Output<'claims.create'>>(
          'claims.create',
          'claims.create',
          {
            accountId,
            notes,
          } satisfies Input<'claims.create'>,
        );
        this.acknowledge(answer, (v) => this.ledger.claims.set(v.id, notes));
        return;
      }
    }
  }

  /** A specialist works on their own accounts; a manager on any they came across. */
  private cardAccount(): number | null {
    if (this.me.role === 'specialist') return this.ownAccount();
    const list = this.lastPage.length ? this.lastPage : this.myAccounts;
    return list.length ? this.random.pick(list).id : null;
  }

  private ownAccount(): number | null {
    const list = this.me.role === 'specialist' ? this.myAccounts : this.lastPage;
    return list.length ? this.random.pick(list).id : null;
  }

  private async read<T>(kind: string, method: string, input: unknown): Promise<T | null> {
    const answer = await this.client.call<T>(kind, method, input);
    return answer.ok ? answer.value : null;
  }

  private acknowledge<T>(answer: Answer<T>, enter: (value: T) => void): void {
    if (answer.ok) enter(answer.value);
    else this.ledger.unacknowledged++;
  }

  /** Polls a job as the app's progress bar does, until it is no longer running. */
  private async untilDone(jobId: string): Promise<Output<'jobs.get'> | null> {
    for (;;) {
      const job = await this.read<Output<'jobs.get'>>('jobs.get', 'jobs.get', { id: jobId });
      if (!job) return null;
      if (job.state !== 'running') return job;
      await sleep(250);
    }
  }

  private async finishedJob(kind: string, jobId: string): Promise<boolean> {
    const job = await this.untilDone(jobId);
    if (job?.state === 'done') return true;
    this.recorder.error(kind, {
      code: job?.error?.code ?? 'JOB',
      message: job?.error?.message ?? `job ${job?.state ?? 'unknown'}`,
      details: { kind: job?.error?.kind ?? job?.state ?? 'job' },
    });
    return false;
  }

  /** An import of ~20 new accounts of one's own: upload, inspect, dry run, commit. */
  private async importAccounts(): Promise<void> {
    const started = performance.now();
    const kind = 'import: upload → committed';
    const names = Array.from(
      { length: 20 },
      (_, i) =>
        `压测导入${this.o.runTag}${this.me.login}第${++this.serial}批${i + 1}号车队有限公司`,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('新客户');
    ws.addRow(['客户名称', '客户类型', '省份', '城市', '负责人', '备注']);
    for (const name of names)
      ws.addRow([name, '直销', '浙江省', '杭州市', this.me.name, '展会名单']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const staged = await this.client.upload('upload (POST)', `新客户-${this.me.login}.xlsx`, bytes);
    if (!staged.ok) return void this.ledger.unacknowledged++;
    const fileId = staged.value.fileId;
    const inspect = await this.client.call<{ jobId: string }>(
      'imports.inspect',
      'imports.inspect',
      {
        fileId,
        target: 'accounts',
      },
    );
    if (!inspect.ok || !(await this.finishedJob(kind, inspect.value.jobId)))
      return void this.ledger.unacknowledged++;
    const inspection = await this.read<Output<'imports.inspection'>>(
      'imports.inspection',
      'imports.inspection',
      { jobId: inspect.value.jobId },
    );
    const sheet = inspection?.sheets[0];
    if (!sheet?.headerRow) {
      this.recorder.error(kind, { code: 'HARNESS', message: 'no header row found' });
      return void this.ledger.unacknowledged++;
    }
    const run = async (mode: 'dryRun' | 'commit') => {
      const started = await this.client.call<{ jobId: string }>('imports.run', 'imports.run', {
        target: 'accounts',
        fileId,
        sheet: sheet.name,
        headerRow: sheet.headerRow!,
        columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
        mode,
        policy: 'allOrNothing',
      } satisfies Input<'imports.run'>);
      if (!started.ok || !(await this.finishedJob(kind, started.value.jobId))) return null;
      return this.read<Output<'imports.summary'>>('imports.summary', 'imports.summary', {
        jobId: started.value.jobId,
      });
    };
    const dry = await run('dryRun');
    if (!dry || dry.create !== names.length) {
      if (dry)
        this.recorder.error(kind, { code: 'HARNESS', message: `dry run: ${JSON.stringify(dry)}` });
      return void this.ledger.unacknowledged++;
    }
    const commit = await run('commit');
    if (!commit?.committed || commit.create !== names.length) {
      if (commit)
        this.recorder.error(kind, {
          code: 'HARNESS',
          message: `commit: ${JSON.stringify(commit)}`,
        });
      return void this.ledger.unacknowledged++;
    }
    this.ledger.importedAccounts.push(...names);
    this.recorder.record(kind, performance.now() - started, null, 0);
  }

  /** The accounts grid as shown, to .xlsx: request, wait for the job, fetch the file. */
  private async exportAccounts(): Promise<void> {
    const started = performance.now();
    const kind = 'export: request → file';
    const job = await this.client.call<{ jobId: string }>('exports.accounts', 'exports.accounts', {
      format: 'xlsx',
      lang: 'zh-CN',
      sort: [{ field: 'name', desc: false }],
      filters: [],
      columns: [
        { field: 'name', header: '客户名称' },
        { field: 'buyerType', header: '客户类型' },
        { field: 'provinceCode', header: '省份' },
        { field: 'grade', header: '客户等级' },
        { field: 'ownerId', header: '负责人' },
        { field: 'fleetTotal', header: '车队规模' },
        { field: 'updatedAt', header: '更新时间' },
      ],
    } satisfies Input<'exports.accounts'>);
    if (!job.ok || !(await this.finishedJob(kind, job.value.jobId))) return;
    const delivery = await this.read<Output<'exports.deliver'>>(
      'exports.deliver',
      'exports.deliver',
      {
        jobId: job.value.jobId,
      },
    );
    if (delivery?.kind !== 'download') {
      if (delivery)
        this.recorder.error(kind, { code: 'HARNESS', message: `delivered as ${delivery.kind}` });
      return;
    }
    const file = await this.client.download('download (GET)', delivery.url);
    if (!file.ok) return;
    // An .xlsx is a zip: it starts with "PK".
    if (file.value.subarray(0, 2).toString('latin1') !== 'PK') {
      this.recorder.error(kind, { code: 'HARNESS', message: 'the download is not an .xlsx file' });
      return;
    }
    this.recorder.record(kind, performance.now() - started, null, 0);
  }
}

/** Waits `ms`, but not past `deadline` (ms since the epoch) when one is given. */
export function sleep(ms: number, deadline = Infinity): Promise<void> {
  const wait = Math.max(0, Math.min(ms, deadline - Date.now()));
  return new Promise((r) => setTimeout(r, wait));
}
