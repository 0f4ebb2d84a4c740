/**
 * Electron only: before the app starts, asks the main process how it reaches its data. Working on
 * this computer, the app starts as before; otherwise the connection screen is shown. In a browser
 * (and on a team server's page in Electron) there is no bridge and the app starts at once.
 */
import { Button, Result, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { ConnectionBridge, ConnectionStatus } from '../../../../shared/schemas/connection';
import { ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { ConnectionScreen } from './ConnectionScreen';

type Loaded = { status: ConnectionStatus } | { error: ApiError } | null;

const SwitchContext = createContext<(() => Promise<ApiError | null>) | null>(null);

/** The way from this computer's data to the connection chooser, where the app may switch. */
export function useConnectionSwitch(): (() => Promise<ApiError | null>) | null {
  return useContext(SwitchContext);
}

function bridgeOf(): ConnectionBridge | undefined {
  return window.keyfleet?.connection;
}

async function fetchStatus(): Promise<Loaded> {
  try {
    const r = await bridgeOf()!.get();
    return r.ok ? { status: r.value } : { error: r.error };
  } catch (e) {
    return { error: { code: 'IO', message: e instanceof Error ? e.message : String(e) } };
  }
}

export function ConnectionGate({ children }: { children: ReactNode }) {
  const t = useT();
  const bridge = bridgeOf();
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    if (bridgeOf()) void fetchStatus().then(setLoaded);
  }, []);

  const retry = () => {
    setLoaded(null);
    void fetchStatus().then(setLoaded);
  };

  const switchConnection = useCallback(async (): Promise<ApiError | null> => {
    const r = await bridgeOf()?.reset();
    return r && !r.ok ? r.error : null;
  }, []);

  if (!bridge) return <>{children}</>;
  if (!loaded)
    return (
      <div className="full-page">
        <Spin size="large" />
      </div>
    );
  if ('error' in loaded)
    return (
      <div className="full-page">
        <Result
          status="error"
          title={t('conn.loadFailed')}
          subTitle={<ErrorBody error={loaded.error} />}
          extra={
            <Button type="primary" onClick={retry}>
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  const { status } = loaded;
  if (status.state === 'solo')
    return (
      <SwitchContext.Provider value={status.switchable ? switchConnection : null}>
        {children}
      </SwitchContext.Provider>
    );
  return <ConnectionScreen status={status} bridge={bridge} />;
}
