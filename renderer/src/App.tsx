/**
 * The start flow: app.info and auth.current decide between the demo-data offer, the "who are
 * you" picker (solo), the sign-in form (team server), a one-time password to change and the main
 * layout. Solo browser mode without a valid token shows how to open the app.
 */
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/api';
import type { Staff } from '../../shared/schemas/staff';
import type { ApiError } from '../../shared/result';
import { call, hasBridge } from './api/client';
import { errorKind } from './api/errors';
import { getToken, isTeamOrigin, onAuthFailure } from './api/token';
import { MissingToken } from './app/MissingToken';
import { type AppInfo, SessionProvider } from './app/session';
import { WelcomeScreen } from './app/WelcomeScreen';
import { WhoAreYou } from './app/WhoAreYou';
import { SignInScreen } from './app/SignInScreen';
import { ChangePasswordForm } from './app/ChangePasswordForm';
import { StartFrame } from './app/StartFrame';
import { ErrorBody } from './components/ErrorAlert';
import { useT } from './i18n/context';

// The main window is a script of its own: the start screens load without it.
const MainLayout = lazy(() => import('./app/MainLayout').then((m) => ({ default: m.MainLayout })));

type PickList = Output<'auth.pickList'>;

function Loading() {
  return (
    <div className="full-page">
      <Spin size="large" />
    </div>
  );
}

type Boot =
  | { phase: 'loading' }
  | { phase: 'noToken' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'welcome' }
  | { phase: 'pick'; info: AppInfo; sessionLost?: boolean; staff?: PickList | null }
  | { phase: 'signIn'; sessionLost?: boolean }
  | { phase: 'changePassword'; user: Staff }
  | { phase: 'ready'; info: AppInfo; user: Staff };

const initial = (): Boot =>
  hasBridge() || getToken() || isTeamOrigin() ? { phase: 'loading' } : { phase: 'noToken' };

/**
 * Asks the backend where the user stands and returns the screen to show. A solo browser tab
 * without its token gets 401 (shown as how to open the app); a team server needs no token.
 */
async function fetchBoot(sessionLost = false): Promise<Boot> {
  // A solo data folder shows its names to pick from at once: ask for them alongside, not after.
  const names = isTeamOrigin() ? null : call('auth.pickList', {});
  const [info, current] = await Promise.all([call('app.info', {}), call('auth.current', {})]);
  if (!info.ok)
    return errorKind(info.error) === 'auth'
      ? { phase: 'noToken' }
      : { phase: 'error', error: info.error };
  if (!current.ok) return { phase: 'error', error: current.error };
  if (info.value.signIn === 'password') {
    if (!current.value) return { phase: 'signIn', sessionLost };
    if (current.value.mustChangePassword) return { phase: 'changePassword', user: current.value };
  }
  if (info.value.offerDemo) return { phase: 'welcome' };
  if (!current.value) {
    const staff = await names;
    return { phase: 'pick', info: info.value, sessionLost, staff: staff?.ok ? staff.value : null };
  }
  return { phase: 'ready', info: info.value, user: current.value };
}

/**
 * The first answer is asked for as soon as this script runs, while React and the UI library are
 * still setting up the first render, not after it.
 */
let firstBoot: Promise<Boot> | null = initial().phase === 'loading' ? fetchBoot() : null;

export function App() {
  const t = useT();
  const [boot, setBoot] = useState<Boot>(initial);

  const start = useCallback(() => {
    setBoot({ phase: 'loading' });
    void fetchBoot().then(setBoot);
  }, []);

  useEffect(() => {
    const first = firstBoot ?? (initial().phase === 'loading' ? fetchBoot() : null);
    firstBoot = null;
    void first?.then(setBoot);
    return onAuthFailure(() => setBoot({ phase: 'noToken' }));
  }, []);

  // Signed out (by the user, or the server ended the session): back to picking or signing in.
  const signedOut = useCallback((sessionLost: boolean) => {
    setBoot((b) =>
      b.phase !== 'ready'
        ? b
        : b.info.signIn === 'password'
          ? { phase: 'signIn', sessionLost }
          : { phase: 'pick', info: b.info, sessionLost },
    );
  }, []);

  const userChanged = useCallback((user: Staff) => {
    setBoot((b) => (b.phase === 'ready' && b.user.id === user.id ? { ...b, user } : b));
  }, []);

  switch (boot.phase) {
    case 'noToken':
      return <MissingToken />;
    case 'loading':
      return <Loading />;
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
    case 'signIn':
      return <SignInScreen sessionLost={boot.sessionLost ?? false} onSignedIn={() => start()} />;
    case 'changePassword':
      return (
        <StartFrame width={460}>
          <ChangePasswordForm required onChanged={() => start()} />
        </StartFrame>
      );
    case 'pick':
      return (
        <WhoAreYou
          sessionLost={boot.sessionLost ?? false}
          staff={boot.staff ?? null}
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
          <Suspense fallback={<Loading />}>
            <MainLayout />
          </Suspense>
        </SessionProvider>
      );
  }
}
