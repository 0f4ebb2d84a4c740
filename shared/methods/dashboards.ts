/** The dashboards.* methods of the API contract (served from electron/dashboards/, off the main thread). */
import {
  claimsBoard,
  claimsBoardInput,
  kpiBoard,
  kpiBoardInput,
  pipelineFlow,
  pipelineFlowInput,
  pipelineInput,
  pipelineMatrix,
  winLoss,
  winLossInput,
} from '../schemas/dashboards';
import { method } from './method';

export const dashboardsMethods = {
  'dashboards.pipeline': method(
    pipelineInput,
    pipelineMatrix,
    'Pipeline by stage × owner × expected close month: count, amount, win rate, weighted; the weighted forecast; win rates. Your teams’ figures, or the store’s for managers.',
  ),
  'dashboards.pipelineFlow': method(
    pipelineFlowInput,
    pipelineFlow,
    'Stage conversion (from the stage history) and ageing (days in the current stage).',
  ),
  'dashboards.winLoss': method(
    winLossInput,
    winLoss,
    'Won and lost by buyer type, owner, lead source and competitor brand; lost reasons; competitors’ unit prices from tender lots.',
  ),
  'dashboards.kpi': method(
    kpiBoardInput,
    kpiBoard,
    'The KPI team table (targets over China’s working days vs done, attainment %) and its trend over the last periods: your own row, or the team’s for managers.',
  ),
  'dashboards.claims': method(
    claimsBoardInput,
    claimsBoard,
    'Claims by status, expiring soon, conflicts and overlaps; filings by status.',
  ),
} as const;
