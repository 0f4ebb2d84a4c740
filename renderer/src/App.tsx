/**
 * The start flow: app.info and session.current decide between the demo-data offer, the "who are
 * you" picker and the main layout. Browser mode without a valid token shows how to open the app.
 */
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Staff } from '../../shared/schemas/staff';
import type { ApiError } from '../../shared/result';
import { call, hasBridge } from './api/client';
import { errorKind } from './api/errors';
import { getToken, onAuthFailure } from './api/token';
import { MainLayout } from './app/MainLayout';
import { MissingToken } from './app/MissingToken';
import { type AppInfo, SessionProvider } from './app/session';
import { WelcomeScreen } from './app/WelcomeScreen';
import { WhoAreYou } from './app/WhoAreYou';
import { ErrorBody } from './components/ErrorAlert';
import { useT } from './i18n/context';

type Boot =
  | { phase: 'loading' }
  | { phase: 'noToken' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'welcome' }
  | { phase: 'pick'; info: AppInfo; sessionLost?: boolean }
  | { phase: 'ready'; info: AppInfo; user: Staff };

const initial = (): Boot =>
  hasBridge() || getToken() ? { phase: 'loading' } : { phase: 'noToken' };

/** Asks the backend where the user stands and returns the screen to show. */
async function fetchBoot(): Promise<Boot> {
  if (initial().phase === 'noToken') return { phase: 'noToken' };
  const [info, current] = await Promise.all([call('app.info', {}), call('session.current', {})]);
  if (!info.ok)
    return errorKind(info.error) === 'auth'
      ? { phase: 'noToken' }
      : { phase: 'error', error: info.error };
  if (!current.ok) return { phase: 'error', error: current.error };
  if (info.value.offerDemo) return { phase: 'welcome' };
  if (!current.value) return { phase: 'pick', info: info.value };
  return { phase: 'ready', info: info.value, user: current.value };
}

export function App() {
  const t = useT();
  const [boot, setBoot] = useState<Boot>(initial);

  const start = useCallback(() => {
    setBoot(initial());
    void fetchBoot().then(setBoot);
  }, []);

  useEffect(() => {
    if (initial().phase === 'loading') void fetchBoot().then(setBoot);
    return onAuthFailure(() => setBoot({ phase: 'noToken' }));
  }, []);

  const signedOut = useCallback((sessionLost: boolean) => {
    setBoot((b) => (b.phase === 'ready' ? { phase: 'pick', info: b.info, sessionLost } : b));
  }, []);

  const userChanged = useCallback((user: Staff) => {
    setBoot((b) => (b.phase === 'ready' && b.user.id === user.id ? { ...b, user } : b));
  }, []);

  switch (boot.phase) {
    case 'noToken':
      return <MissingToken />;
    case 'loading':
      return (
        <div className="full-page">
          <Spin size="large" />
        </div>
      );
    case 'error':
      return (
        <div className="full-page">
          <Result
            status="error"
            title={t('boot.failed')}
            subTitle={<ErrorBody error={boot.error} />}
            extra={
              <Button type="primary" onClick={start}>
                {t('common.retry')}
              </Button>
            }
          />
        </div>
      );
    case 'welcome':
      return <WelcomeScreen onFinished={start} />;
    case 'pick':
      return (
        <WhoAreYou
          sessionLost={boot.sessionLost ?? false}
          onSignedIn={(user) => setBoot({ phase: 'ready', info: boot.info, user })}
        />
      );
    case 'ready':
      return (
        <SessionProvider
          key={boot.user.id}
          info={boot.info}
          user={boot.user}
          onSignedOut={signedOut}
          onUserChanged={userChanged}
        >
          <MainLayout />
        </SessionProvider>
      );
  }
}
