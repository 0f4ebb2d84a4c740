/** "Who are you": pick a staff member to sign in as, or create the first one on an empty install. */
import { UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../shared/api';
import { STAFF_ROLES } from '../../../shared/enums';
import type { Staff } from '../../../shared/schemas/staff';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useEnumLabel, useT } from '../i18n/context';
import { SECTION_PATHS, useHashRoute } from '../lib/use-hash-route';
import { FirstStaffForm } from './FirstStaffForm';
import { StartFrame } from './StartFrame';

interface Props {
  /** The backend ended the previous session (e.g. it restarted): say why the user is back here. */
  sessionLost: boolean;
  /** The names, if the start already fetched them (null: fetch them here). */
  staff: Output<'auth.pickList'> | null;
  onSignedIn: (user: Staff) => void;
}

export function WhoAreYou({ sessionLost, staff: fetched, onSignedIn }: Props) {
  const t = useT();
  const label = useEnumLabel();
  const [staff, setStaff] = useState<Output<'auth.pickList'> | null>(fetched);
  const [error, setError] = useState<ApiError | null>(null);
  const [signingIn, setSigningIn] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { navigate } = useHashRoute();
  // Fetched by the start: the first attempt needs no call of its own.
  const given = useRef(fetched !== null);

  useEffect(() => {
    let live = true;
    if (attempt === 0 && given.current) return;
    void call('auth.pickList', {}).then((r) => {
      if (!live) return;
      if (r.ok) setStaff(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const signIn = async (id: number) => {
    setSigningIn(id);
    setError(null);
    const r = await call('auth.pick', { staffId: id });
    setSigningIn(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // A day starts on 我的今天. After a lost session the user is put back where they were.
    if (!sessionLost) navigate(SECTION_PATHS.myDay);
    onSignedIn(r.value);
  };

  if (staff !== null && staff.length === 0) {
    return (
      <StartFrame>
        <FirstStaffForm onSignedIn={onSignedIn} />
      </StartFrame>
    );
  }

  return (
    <StartFrame>
      <Typography.Title level={3}>{t('who.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('who.intro')}</Typography.Paragraph>
      {sessionLost && !error && (
        <Alert
          type="info"
          showIcon
          title={t('who.sessionLost')}
          className="gap-bottom"
          data-testid="session-lost"
        />
      )}
      {error && (
        <ErrorAlert
          error={error}
          action={
            <Button size="small" onClick={() => setAttempt((a) => a + 1)}>
              {t('common.retry')}
            </Button>
          }
          className="gap-bottom"
        />
      )}
      {staff === null ? (
        <div className="center-pad">
          <Spin />
        </div>
      ) : (
        <List
          className="staff-picker"
          bordered
          dataSource={staff}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              className="staff-picker__item"
              onClick={() => void signIn(s.id)}
              data-testid={`staff-option-${s.id}`}
              actions={[
                <Button key="go" type="link" loading={signingIn === s.id}>
                  {t('who.signIn')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={<Avatar icon={<UserOutlined />} />}
                title={s.name}
                description={<Tag>{label(STAFF_ROLES, s.role)}</Tag>}
              />
            </List.Item>
          )}
        />
      )}
    </StartFrame>
  );
}
