/**
 * Every analysis read the read worker runs, by name: `(db, input, scope) => result`, loaded lazily
 * in the worker (each `import()` a chunk of its own in the built worker). A new read — the Pareto
 * table, say — is one line in `ReadTypes` and one loader here. An uploaded report template is
 * read here too (its workbook parsed off the UI's thread; it needs no database).
 */
import type { Kysely } from 'kysely';
import type {
  ClaimsBoard,
  KpiBoard,
  KpiBoardInput,
  PipelineFlow,
  PipelineInput,
  PipelineMatrix,
  WinLoss,
  WinLossInput,
} from '../../shared/schemas/dashboards';
import type {
  AccountValue,
  AccountValueDetail,
  ForecastResult,
  ParetoResult,
  ScorecardResult,
} from '../../shared/schemas/value';
import type { ActivityListQuery, ActivityPage } from '../../shared/schemas/activities';
import type {
  AccountListQuery,
  AccountLookupInput,
  AccountPage,
  AccountRef,
} from '../../shared/schemas/accounts';
import type { TemplateInspection } from '../../shared/schemas/reports';
import type { Database } from '../db/schema';
import type { ForecastInput } from '../value/forecast';
import type { ClassedSpec } from '../value/pareto';
import type { ScorecardInput } from '../value/standing';
import type { ReadScope } from './scope';

export type ReadFunction<I, O> = (db: Kysely<Database>, input: I, scope: ReadScope) => Promise<O>;

/** What each read takes and answers. */
export interface ReadTypes {
  'dashboards.pipeline': { input: PipelineInput; output: PipelineMatrix };
  'dashboards.pipelineFlow': { input: PipelineInput; output: PipelineFlow };
  'dashboards.winLoss': { input: WinLossInput; output: WinLoss };
  'dashboards.kpi': { input: KpiBoardInput; output: KpiBoard };
  'dashboards.claims': { input: { warnDays: number }; output: ClaimsBoard };
  'value.pareto': {
    input: ClassedSpec & { offset: number; limit: number };
    output: ParetoResult;
  };
  'value.scorecard': { input: ScorecardInput; output: ScorecardResult };
  'value.account': { input: { id: number }; output: AccountValueDetail | null };
  'value.drift': { input: { limit: number }; output: { rows: AccountValue[] } };
  'value.forecast': { input: ForecastInput; output: ForecastResult };
  // A grid whose count and deep pages read up to a million rows (1,000,000 activities: 60 ms
  // and 300 ms), kept off the thread that answers the UI.
  'activities.list': { input: ActivityListQuery; output: ActivityPage };
  // The quick search: a term most accounts hold (有限公司) counts every match (11–25 ms at 100,000).
  'accounts.list': { input: AccountListQuery; output: AccountPage };
  'accounts.lookup': { input: AccountLookupInput; output: AccountRef[] };
  'reports.inspectTemplate': {
    input: { file: string; fileName: string };
    output: TemplateInspection;
  };
  'reports.templateSheet': { input: { file: string; sheetName: string | null }; output: string };
}

export type ReadName = keyof ReadTypes;
export type ReadInput<N extends ReadName> = ReadTypes[N]['input'];
export type ReadOutput<N extends ReadName> = ReadTypes[N]['output'];

type ReadLoaders = {
  [N in ReadName]: () => Promise<ReadFunction<ReadInput<N>, ReadOutput<N>>>;
};

const READS: ReadLoaders = {
  'dashboards.pipeline': async () => (await import('../dashboards/pipeline-matrix')).pipelineMatrix,
  'dashboards.pipelineFlow': async () => (await import('../dashboards/pipeline-flow')).pipelineFlow,
  'dashboards.winLoss': async () => (await import('../dashboards/win-loss')).winLoss,
  'dashboards.kpi': async () => (await import('../dashboards/kpi-board')).kpiBoard,
  'dashboards.claims': async () => (await import('../dashboards/claims-board')).claimsBoard,
  'value.pareto': async () => (await import('../value/pareto')).paretoRead,
  'value.scorecard': async () => (await import('../value/standing')).scorecardRead,
  'value.account': async () => (await import('../value/standing')).accountValueRead,
  'value.drift': async () => (await import('../value/standing')).driftRead,
  'value.forecast': async () => (await import('../value/forecast')).replacementForecast,
  'activities.list': async () => (await import('../activities/service')).activityListRead,
  'accounts.list': async () => (await import('../accounts/list-page')).accountListRead,
  'accounts.lookup': async () => (await import('../accounts/search')).accountLookupRead,
  'reports.inspectTemplate': async () =>
    (await import('../reports/template-workbook')).templateInspectionRead,
  'reports.templateSheet': async () =>
    (await import('../reports/template-workbook')).templateSheetRead,
};

export function isReadName(name: string): name is ReadName {
  return Object.hasOwn(READS, name);
}

export function loadRead<N extends ReadName>(
  name: N,
): Promise<ReadFunction<ReadInput<N>, ReadOutput<N>>> {
  return READS[name]();
}
