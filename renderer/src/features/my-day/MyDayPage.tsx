/**
 * 我的今天: the day of a staff member — KPI progress against the daily targets, what falls due
 * today and what is overdue, with quick actions (record a follow-up, complete a next step, open
 * the card) and logging an activity. Managers can look at a colleague's day.
 */
import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Space, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { addDays, chinaDate } from '../../../../shared/dates';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { APPROVAL_DECISION_DAYS } from '../../../../shared/schemas/contracts';
import type { ActivityType } from '../../../../shared/sales-enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StaffSelect } from '../../components/StaffSelect';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useHashRoute } from '../../lib/use-hash-route';
import { ActivityForm } from '../activities/ActivityForm';
import { ApprovalList } from '../approvals/ApprovalList';
import { formatDay } from '../calendar/item-text';
import { useOpenItem } from '../calendar/use-open-item';
import { useClaimSettings } from '../claims/use-claim-settings';
import { DueList } from './DueList';
import { ExpiringClaims } from './ExpiringClaims';
import { FollowUpModal } from './FollowUpModal';
import { CountTitle } from './CountTitle';
import { KpiCards } from './KpiCards';
import { DriftCard } from '../value/DriftCard';
import { OverlapsToSettle } from './OverlapsToSettle';
import { OverdueReceivables } from './OverdueReceivables';
import { useMyDay } from './use-my-day';
import { WeeklyReviews } from './WeeklyReviews';
import './my-day.css';

type Logging = { type: ActivityType } | null;

export function MyDayPage() {
  const t = useT();
  const { lang } = useLang();
  const { user, staff } = useSession();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();
  const openItem = useOpenItem();
  const today = chinaDate();
  const [date, setDate] = useState(today);
  const [staffId, setStaffId] = useState(user.id);
  const [logging, setLogging] = useState<Logging>(null);
  const [followUp, setFollowUp] = useState<CalendarItem | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const { day, error, loading, reload } = useMyDay(date, staffId);
  const claimSettings = useClaimSettings();
  const isManager = user.role !== 'specialist';
  const mine = staffId === user.id;
  const name = staff.find((s) => s.id === staffId)?.name ?? '';

  const complete = async (item: CalendarItem) => {
    setBusyId(item.id);
    const r = await call('activities.completeNextStep', { id: item.entityId, done: true });
    setBusyId(null);
    if (r.ok) {
      void message.success(t('myDay.completed', { title: r.value.nextStep ?? item.title }));
      reload();
    } else void message.error(errorText(r.error, t));
  };

  const actions = {
    busyId,
    showOwner: !mine,
    onOpen: openItem,
    onFollowUp: setFollowUp,
    onComplete: (item: CalendarItem) => void complete(item),
  };
  const isToday = date === today;
  const hiddenOverdue = day ? day.overdueTotal - day.overdue.length : 0;

  return (
    <div className="page md-page" data-testid="my-day-page">
      <header className="md-header">
        <div className="md-header__titles">
          <h2 className="md-header__title">
            {mine ? t('myDay.title') : t('myDay.titleOf', { name })}
          </h2>
          <div className="md-header__date" data-testid="myday-date-label">
            {formatDay(date, t('myDay.dateFormat'), lang)}
          </div>
        </div>
        {loading && <Spin size="small" />}
        <span className="md-header__spacer" />
        {isManager && (
          <div className="md-header__staff">
            <span className="md-header__label">{t('myDay.staff')}</span>
            <StaffSelect
              value={staffId}
              onChange={(v) => setStaffId(v ?? user.id)}
              allowClear={false}
              testId="myday-staff"
            />
          </div>
        )}
        <Space.Compact>
          <Tooltip title={t('myDay.prevDay')}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('myDay.prevDay')}
              onClick={() => setDate((d) => addDays(d, -1))}
              data-testid="myday-prev"
            />
          </Tooltip>
          <div className="md-header__date-input">
            <DateInput value={date} onChange={(v) => setDate(v ?? today)} testId="myday-date" />
          </div>
          <Tooltip title={t('myDay.nextDay')}>
            <Button
              icon={<RightOutlined />}
              aria-label={t('myDay.nextDay')}
              onClick={() => setDate((d) => addDays(d, 1))}
              data-testid="myday-next"
            />
          </Tooltip>
        </Space.Compact>
        <Button disabled={isToday} onClick={() => setDate(today)} data-testid="myday-today">
          {t('myDay.today')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setLogging({ type: 'visit' })}
          data-testid="myday-log-activity"
        >
          {t('myDay.logActivity')}
        </Button>
      </header>

      {error && (
        <ErrorAlert
          error={error}
          className="gap-bottom"
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
          data-testid="myday-error"
        />
      )}

      {!day ? (
        !error && (
          <div className="center-pad">
            <Spin />
          </div>
        )
      ) : (
        <div className={`md-body${loading ? ' is-loading' : ''}`}>
          <Card
            size="small"
            className="md-card"
            title={t('myDay.kpi')}
            extra={<span className="md-card__hint">{t('myDay.kpiHint')}</span>}
            data-testid="kpi-progress"
          >
            <KpiCards
              kpi={day.kpi}
              onLog={mine && isToday ? (type) => setLogging({ type }) : undefined}
            />
          </Card>

          {mine && <DriftCard />}

          <div className="md-columns">
            <Card
              size="small"
              className="md-card"
              title={
                <span className="md-card__title">
                  {isToday
                    ? t('myDay.due')
                    : t('myDay.dueOn', { date: formatDay(date, t('calendar.shortDate'), lang) })}
                  <Badge
                    count={day.due.filter((i) => !i.done).length}
                    showZero
                    color="#1f5fbf"
                    overflowCount={999}
                  />
                </span>
              }
            >
              <DueList
                {...actions}
                // What still needs doing first; done items stay listed, struck through.
                items={[...day.due].sort((a, b) => Number(a.done) - Number(b.done))}
                date={date}
                testId="due-list"
                empty={{
                  title: isToday ? t('myDay.noDue') : t('myDay.noDueOn'),
                  hint: t('myDay.noDueHint'),
                }}
              />
            </Card>
            <Card
              size="small"
              className="md-card md-card--overdue"
              title={
                <span className="md-card__title">
                  {t('myDay.overdue')}
                  <Badge
                    count={day.overdueTotal}
                    showZero
                    color={day.overdueTotal > 0 ? '#f5222d' : '#bfbfbf'}
                    overflowCount={999}
                    data-testid="overdue-total"
                  />
                </span>
              }
            >
              <DueList
                {...actions}
                items={day.overdue}
                date={date}
                overdueList
                testId="overdue-list"
                empty={{ title: t('myDay.noOverdue'), hint: t('myDay.noOverdueHint') }}
                footer={
                  hiddenOverdue > 0 && (
                    <div className="md-list__more" data-testid="overdue-more">
                      {t('myDay.overdueMore', { n: formatCount(hiddenOverdue, lang) })}
                      <Button
                        type="link"
                        size="small"
                        icon={<CalendarOutlined />}
                        onClick={() => navigate('/calendar')}
                      >
                        {t('myDay.openCalendar')}
                      </Button>
                    </div>
                  )
                }
              />
            </Card>
          </div>
          <Card
            size="small"
            className="md-card"
            title={
              <CountTitle count={day.expiringClaims.length} tone="warning">
                {t('myDay.expiringClaims')}
              </CountTitle>
            }
            extra={
              <span className="md-card__hint">
                {t('myDay.expiringHint', { n: claimSettings.claimWarnDays })}
              </span>
            }
            data-testid="my-day-expiring-claims"
          >
            <ExpiringClaims claims={day.expiringClaims} onRenewed={reload} />
          </Card>
          {mine && <WeeklyReviews />}
          <Card
            size="small"
            className="md-card"
            title={
              <CountTitle count={day.overdueReceivables.length} tone="urgent">
                {t('myDay.overdueReceivables')}
              </CountTitle>
            }
            extra={<span className="md-card__hint">{t('myDay.overdueReceivablesHint')}</span>}
            data-testid="my-day-overdue-receivables"
          >
            <OverdueReceivables rows={day.overdueReceivables} />
          </Card>
          {isManager && (
            <Card
              size="small"
              className="md-card"
              title={
                <CountTitle count={day.overlapsToSettle.length} tone="warning" overflow={49}>
                  {t('myDay.overlaps')}
                </CountTitle>
              }
              extra={<span className="md-card__hint">{t('myDay.overlapsHint')}</span>}
              data-testid="my-day-overlaps"
            >
              <OverlapsToSettle items={day.overlapsToSettle} />
            </Card>
          )}
          {isManager && mine && (
            <Card
              size="small"
              className="md-card"
              title={
                <CountTitle count={day.approvalsToDecide.length} tone="warning">
                  {t('approvals.toDecide')}
                </CountTitle>
              }
              extra={<span className="md-card__hint">{t('approvals.toDecideHint')}</span>}
              data-testid="my-day-approvals"
            >
              <ApprovalList items={day.approvalsToDecide} testId="approval-to-decide" />
            </Card>
          )}
          {day.approvalDecisions.length > 0 && (
            <Card
              size="small"
              className="md-card"
              title={t('approvals.decisions')}
              extra={
                <span className="md-card__hint">
                  {t('approvals.decisionsHint', { n: APPROVAL_DECISION_DAYS })}
                </span>
              }
              data-testid="my-day-approval-decisions"
            >
              <ApprovalList items={day.approvalDecisions} decided testId="approval-decision" />
            </Card>
          )}
        </div>
      )}

      {logging && (
        <ActivityForm
          activity={null}
          initialType={logging.type}
          onClose={() => setLogging(null)}
          onSaved={() => {
            setLogging(null);
            void message.success(t('activities.created'));
            reload();
          }}
        />
      )}
      {followUp && (
        <FollowUpModal
          item={followUp}
          onClose={() => setFollowUp(null)}
          onDone={() => {
            setFollowUp(null);
            void message.success(t('myDay.followUpSaved'));
            reload();
          }}
        />
      )}
    </div>
  );
}
