/**
 * Electron only: how the app reaches its data. The first run (or the user, later) chooses this
 * computer or a team server; a team server is trusted only after the user compared its
 * certificate fingerprint, and a pinned server presenting another certificate is refused here
 * with both fingerprints. The main process validates every call and then replaces this page.
 */
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type {
  ConnectionBridge,
  ConnectionStatus,
  ProbedServer,
  ProbeProblem,
} from '../../../../shared/schemas/connection';
import { StartFrame } from '../../app/StartFrame';
import { errorKind } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDateTime } from '../../lib/format';
import { FingerprintGroups } from './FingerprintGroups';
import './connection.css';

const PROBLEM_KEYS: Record<ProbeProblem, MessageKey> = {
  bad_url: 'conn.problemBadUrl',
  not_https: 'conn.problemNotHttps',
  unreachable: 'conn.problemUnreachable',
  no_tls: 'conn.problemNoTls',
  not_keyfleet: 'conn.problemNotKeyfleet',
};

function problemKey(error: ApiError): MessageKey | null {
  const kind = errorKind(error);
  if (kind === 'not_probed') return 'conn.notProbed';
  return kind && kind in PROBLEM_KEYS ? PROBLEM_KEYS[kind as ProbeProblem] : null;
}

function ConnectionError({ error }: { error: ApiError }) {
  const t = useT();
  const key = problemKey(error);
  return key ? (
    <Alert type="error" showIcon title={t(key)} className="gap-bottom" data-testid="conn-error" />
  ) : (
    <ErrorAlert error={error} className="gap-bottom" data-testid="conn-error" />
  );
}

type View = 'choose' | 'team' | 'status';

type Props = { status: ConnectionStatus; bridge: ConnectionBridge };

export function ConnectionScreen({ status, bridge }: Props) {
  const initialUrl =
    status.state === 'choose'
      ? status.current?.mode === 'team'
        ? status.current.url
        : ''
      : 'url' in status
        ? status.url
        : '';
  const [view, setView] = useState<View>(status.state === 'choose' ? 'choose' : 'status');
  const [url, setUrl] = useState(initialUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  /** After choose/resume the main process replaces this page; until then it says so. */
  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
    setBusy(true);
    setError(null);
    const r = await run();
    if (!r.ok) {
      setBusy(false);
      setError(r.error);
    }
  };
  const chooseSolo = () => act(() => bridge.choose({ mode: 'solo' }));
  const openTeamForm = () => {
    setError(null);
    setView('team');
  };

  if (view === 'team')
    return (
      <TeamForm
        bridge={bridge}
        url={url}
        onUrl={setUrl}
        onBack={() => setView(status.state === 'choose' ? 'choose' : 'status')}
      />
    );
  if (view === 'status' && status.state === 'certificate_changed')
    return (
      <CertificateChanged
        status={status}
        busy={busy}
        error={error}
        onRecheck={openTeamForm}
        onSolo={() => void chooseSolo()}
      />
    );
  if (view === 'status' && status.state === 'unreachable')
    return (
      <Unreachable
        status={status}
        busy={busy}
        error={error}
        onRetry={() => void act(() => bridge.resume())}
        onChange={openTeamForm}
        onSolo={() => void chooseSolo()}
      />
    );
  return (
    <Chooser
      status={status}
      busy={busy}
      error={error}
      onSolo={() => void chooseSolo()}
      onTeam={openTeamForm}
      onKeep={() => void act(() => bridge.resume())}
    />
  );
}

function Chooser(props: {
  status: ConnectionStatus;
  busy: boolean;
  error: ApiError | null;
  onSolo: () => void;
  onTeam: () => void;
  onKeep: () => void;
}) {
  const t = useT();
  const { status } = props;
  const current = status.state === 'choose' ? status.current : null;
  return (
    <StartFrame width={640}>
      <Typography.Title level={3}>{t('conn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('conn.intro')}</Typography.Paragraph>
      {status.state === 'choose' && status.reason === 'corrupt' && (
        <Alert type="warning" showIcon title={t('conn.corrupt')} className="gap-bottom" />
      )}
      {props.error && <ConnectionError error={props.error} />}
      <div className="conn-choices">
        <Button
          className="conn-choice"
          disabled={props.busy}
          onClick={props.onSolo}
          data-testid="conn-solo"
        >
          <span className="conn-choice__title">{t('conn.solo')}</span>
          <span className="conn-choice__hint">{t('conn.soloHint')}</span>
        </Button>
        <Button
          className="conn-choice"
          disabled={props.busy}
          onClick={props.onTeam}
          data-testid="conn-team"
        >
          <span className="conn-choice__title">{t('conn.team')}</span>
          <span className="conn-choice__hint">{t('conn.teamHint')}</span>
        </Button>
      </div>
      {current && (
        <div className="conn-actions">
          <Typography.Text type="secondary">
            {current.mode === 'team'
              ? t('conn.currentTeam', { url: current.url })
              : t('conn.currentSolo')}
          </Typography.Text>
          <Button type="link" size="small" disabled={props.busy} onClick={props.onKeep}>
            {t('conn.keepCurrent')}
          </Button>
        </div>
      )}
    </StartFrame>
  );
}

function TeamForm(props: {
  bridge: ConnectionBridge;
  url: string;
  onUrl: (url: string) => void;
  onBack: () => void;
}) {
  const t = useT();
  const [server, setServer] = useState<ProbedServer | null>(null);
  const [busy, setBusy] = useState<'probe' | 'trust' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const probe = async () => {
    setBusy('probe');
    setError(null);
    setServer(null);
    const r = await props.bridge.probe(props.url);
    setBusy(null);
    if (r.ok) setServer(r.value);
    else setError(r.error);
  };

  const trust = async (seen: ProbedServer) => {
    setBusy('trust');
    setError(null);
    const r = await props.bridge.choose({
      mode: 'team',
      url: seen.url,
      fingerprint: seen.fingerprint,
    });
    if (!r.ok) {
      setBusy(null);
      setError(r.error);
    }
  };

  return (
    <StartFrame width={720}>
      <Typography.Title level={3}>{t('conn.team')}</Typography.Title>
      {error && <ConnectionError error={error} />}
      {server ? (
        <>
          <Typography.Title level={5}>{t('conn.compareTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('conn.compareHint')}</Typography.Paragraph>
          <Typography.Paragraph>
            {t('conn.server')}：<Typography.Text code>{server.url}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Text strong>{t('conn.fingerprint')}</Typography.Text>
          <FingerprintGroups fingerprint={server.fingerprint} testId="conn-fingerprint" />
          <div className="conn-actions">
            <Button
              type="primary"
              loading={busy === 'trust'}
              onClick={() => void trust(server)}
              data-testid="conn-trust"
            >
              {busy === 'trust' ? t('conn.connecting') : t('conn.trust')}
            </Button>
            <Button disabled={busy !== null} onClick={() => setServer(null)}>
              {t('conn.mismatch')}
            </Button>
          </div>
        </>
      ) : (
        <Form layout="vertical" onFinish={() => void probe()} disabled={busy !== null}>
          <Form.Item label={t('conn.url')} extra={t('conn.urlHint')}>
            <Input
              autoFocus
              value={props.url}
              onChange={(e) => props.onUrl(e.target.value)}
              placeholder="https://192.168.1.20:8443"
              spellCheck={false}
              data-testid="conn-url"
            />
          </Form.Item>
          <div className="conn-actions">
            <Button
              type="primary"
              htmlType="submit"
              loading={busy === 'probe'}
              disabled={props.url.trim() === ''}
              data-testid="conn-check"
            >
              {t('conn.check')}
            </Button>
            <Button onClick={props.onBack}>{t('conn.back')}</Button>
          </div>
        </Form>
      )}
    </StartFrame>
  );
}

function CertificateChanged(props: {
  status: Extract<ConnectionStatus, { state: 'certificate_changed' }>;
  busy: boolean;
  error: ApiError | null;
  onRecheck: () => void;
  onSolo: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { status } = props;
  return (
    <StartFrame width={720}>
      <Result
        status="warning"
        title={t('conn.changedTitle')}
        subTitle={t('conn.changedBody', {
          url: status.url,
          date: formatDateTime(status.pinnedAt, lang),
        })}
        className="conn-result"
        data-testid="conn-certificate-changed"
      />
      {props.error && <ConnectionError error={props.error} />}
      <Typography.Text strong>{t('conn.pinned')}</Typography.Text>
      <FingerprintGroups fingerprint={status.pinned} testId="conn-pinned" />
      <Typography.Text strong type="danger">
        {t('conn.seen')}
      </Typography.Text>
      <FingerprintGroups fingerprint={status.seen} tone="danger" testId="conn-seen" />
      <div className="conn-actions">
        <Button disabled={props.busy} onClick={props.onRecheck} data-testid="conn-recheck">
          {t('conn.recheck')}
        </Button>
        <Button disabled={props.busy} onClick={props.onSolo}>
          {t('conn.useSolo')}
        </Button>
      </div>
    </StartFrame>
  );
}

function Unreachable(props: {
  status: Extract<ConnectionStatus, { state: 'unreachable' }>;
  busy: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onChange: () => void;
  onSolo: () => void;
}) {
  const t = useT();
  return (
    <StartFrame width={640}>
      <Result
        status="error"
        title={t('conn.unreachableTitle')}
        subTitle={
          <>
            <Typography.Text code>{props.status.url}</Typography.Text>
            <div>{t(PROBLEM_KEYS[props.status.problem])}</div>
          </>
        }
        data-testid="conn-unreachable"
      />
      {props.error && <ConnectionError error={props.error} />}
      <div className="conn-actions">
        <Button type="primary" loading={props.busy} onClick={props.onRetry}>
          {t('common.retry')}
        </Button>
        <Button disabled={props.busy} onClick={props.onChange}>
          {t('conn.changeServer')}
        </Button>
        <Button disabled={props.busy} onClick={props.onSolo}>
          {t('conn.useSolo')}
        </Button>
      </div>
    </StartFrame>
  );
}
