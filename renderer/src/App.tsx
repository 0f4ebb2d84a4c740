/**
 * The start flow: app.info and session.current decide between the demo-data offer, the "who are
 * you" picker and the main layout. Browser mode without a valid token shows how to open the app.
 */
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Staff } from '../../shared/schemas/staff';
import type { ApiError } from '../../shared/result';
import { call, hasBridge } from './api/client';
import { errorKind, errorText } from './api/errors';
import { getToken, onAuthFailure } from './api/token';
import { MainLayout } from './app/MainLayout';
import { MissingToken } from './app/MissingToken';
import { type AppInfo, SessionProvider } from './app/session';
import { WelcomeScreen } from './app/WelcomeScreen';
import { WhoAreYou } from './app/WhoAreYou';
import { useT } from './i18n/context';

type Boot =
  | { phase: 'loading' }
  | { phase: 'noToken' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'welcome' }
  | { phase: 'pick'; info: AppInfo }
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

  const signedOut = useCallback(() => {
    setBoot((b) => (b.phase === 'ready' ? { phase: 'pick', info: b.info } : b));
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
            subTitle={errorText(boot.error, t)}
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
        <WhoAreYou onSignedIn={(user) => setBoot({ phase: 'ready', info: boot.info, user })} />
      );
    case 'ready':
      return (
        <SessionProvider
          key={boot.user.id}
          info={boot.info}
          user={boot.user}
          onSignedOut={signedOut}
        >
          <MainLayout />
        </SessionProvider>
      );
  }
}
