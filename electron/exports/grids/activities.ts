/** The activity grid's export: its list's query (a specialist's teams' accounts), cells and words. */
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../../shared/sales-enums';
import { ACTIVITY_COLUMN_LABELS, activityListQuery } from '../../../shared/schemas/activities';
import { activityGridQuery } from '../../activities/service';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell, YES_NO } from '../grid-entry';

export const activitiesExport = defineGridExport({
  grid: 'activities',
  listQuery: activityListQuery,
  title: { zh: '活动记录', en: 'Activities' },
  fileStem: { zh: '活动记录', en: 'activities' },
  teamScoped: true,
  labels: ACTIVITY_COLUMN_LABELS,
  query: (db, input, scope) => activityGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    occurredOn: 'date',
    type: 'text',
    accountName: 'text',
    accountId: 'integer',
    opportunityId: 'integer',
    opportunityTitle: 'text',
    contactName: 'text',
    staffId: 'text',
    outcome: 'text',
    summary: 'text',
    nextStep: 'text',
    nextStepOn: 'date',
    nextStepDone: 'text',
    createdAt: 'datetime',
  },
  cells: (ctx) => {
    const time = timeCell(ctx);
    return {
      occurredOn: (r) => dateCell(r.occurredOn),
      type: (r) => labelCell(ACTIVITY_TYPES, ctx.lang)(r.type),
      accountName: (r) => r.accountName,
      accountId: (r) => r.accountId,
      opportunityId: (r) => r.opportunityId,
      opportunityTitle: (r) => r.opportunityTitle,
      contactName: (r) => r.contactName,
      staffId: (r) => r.staffName,
      outcome: (r) => labelCell(ACTIVITY_OUTCOMES, ctx.lang)(r.outcome),
      summary: (r) => r.summary,
      nextStep: (r) => r.nextStep,
      nextStepOn: (r) => dateCell(r.nextStepOn),
      nextStepDone: (r) =>
        r.nextStep === null ? null : labelCell(YES_NO, ctx.lang)(r.nextStepDoneAt ? 'yes' : 'no'),
      createdAt: (r) => time(r.createdAt),
    };
  },
  vocabulary: (ctx) => ({
    value: enumValues(
      { type: ACTIVITY_TYPES, outcome: ACTIVITY_OUTCOMES, nextStepDone: YES_NO },
      ctx,
      ['staffId'],
    ),
  }),
});
