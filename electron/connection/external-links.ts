/**
 * Web links a page asks to open (a tender's announcement) go to the user's browser, and only
 * after the user confirms the host in a native dialog: a page cannot launch the browser, a file,
 * a share (smb:) or another app's handler on its own. Electron-free, tested with fakes.
 */
/** Longer than any announcement link; a longer one is refused rather than shown cut. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

type ExternalLinkDecision =
  | { open: 'ask'; url: string; host: string }
  | { open: 'never'; reason: 'not_a_url' | 'scheme' | 'credentials' | 'no_host' | 'too_long' };

/** Whether a link may be offered to the browser at all: http(s) with a host, nothing else. */
export function externalLinkDecision(raw: string): ExternalLinkDecision {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { open: 'never', reason: 'too_long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { open: 'never', reason: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { open: 'never', reason: 'scheme' };
  // https://bank.example@evil.example/ reads as one host and goes to another: never offered.
  if (url.username || url.password) return { open: 'never', reason: 'credentials' };
  if (!url.hostname) return { open: 'never', reason: 'no_host' };
  // hostname is punycode for international names, so look-alike letters cannot hide the host.
  return { open: 'ask', url: url.href, host: url.hostname };
}

/** The native dialog's options (a subset of Electron's MessageBoxOptions). */
export interface LinkPrompt {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** The confirmation, in both languages (the main process does not know the page's language). */
export function externalLinkPrompt(host: string, url: string): LinkPrompt {
  return {
    type: 'question',
    title: 'Keyfleet',
    message: `在浏览器中打开 ${host} 的网页？\nOpen a page on ${host} in your browser?`,
    detail: url,
    buttons: ['打开 Open', '取消 Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

interface ExternalOpenerDeps {
  /** Shows the prompt; true when the user chose to open. */
  confirm(prompt: LinkPrompt): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  log?: (message: string) => void;
}

type ExternalOpenOutcome = 'opened' | 'declined' | 'refused' | 'busy';

/**
 * Asks, then opens. One question at a time: while a prompt is up, further requests are dropped,
 * so a page cannot stack up dialogs.
 */
export function createExternalOpener(
  deps: ExternalOpenerDeps,
): (url: string) => Promise<ExternalOpenOutcome> {
  let asking = false;
  return async (raw) => {
    const decision = externalLinkDecision(raw);
    if (decision.open === 'never') {
      deps.log?.(`external link refused (${decision.reason})`);
      return 'refused';
    }
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(externalLinkPrompt(decision.host, decision.url)))) return 'declined';
      await deps.openExternal(decision.url);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}
