import { describe, expect, it } from 'vitest';
import {
  createExternalOpener,
  externalLinkDecision,
  externalLinkPrompt,
  type LinkPrompt,
} from '../../electron/connection/external-links';

function fakeDesktop(answer: boolean | (() => Promise<boolean>)) {
  const prompts: LinkPrompt[] = [];
  const opened: string[] = [];
  const open = createExternalOpener({
    confirm: (prompt) => {
      prompts.push(prompt);
      return typeof answer === 'function' ? answer() : Promise.resolve(answer);
    },
    openExternal: async (url) => void opened.push(url),
  });
  return { open, prompts, opened };
}

describe('links a page asks to open', () => {
  it('offers only http(s) links with a host to the browser', () => {
    expect(externalLinkDecision('https://www.ccgp.gov.cn/cggg/zygg/202612/t1.htm')).toEqual({
      open: 'ask',
      url: 'https://www.ccgp.gov.cn/cggg/zygg/202612/t1.htm',
      host: 'www.ccgp.gov.cn',
    });
    expect(externalLinkDecision('HTTP://Example.COM:8080/a b')).toEqual({
      open: 'ask',
      url: 'http://example.com:8080/a%20b',
      host: 'example.com',
    });
    for (const [url, reason] of [
      ['file:///C:/Windows/System32/calc.exe', 'scheme'],
      ['javascript:alert(1)', 'scheme'],
      ['smb://fileserver/share/payload.exe', 'scheme'],
      ['ms-msdt:/id PCWDiagnostic', 'scheme'],
      ['keyfleet://anything', 'scheme'],
      ['app://keyfleet/index.html', 'scheme'],
      ['data:text/html,<script>alert(1)</script>', 'scheme'],
      ['mailto:li@example.com', 'scheme'],
      ['https://www.bank.example@evil.example/', 'credentials'],
      ['https://user:pass@example.com/', 'credentials'],
      ['not a url', 'not_a_url'],
      ['', 'not_a_url'],
      [`https://example.com/${'a'.repeat(3000)}`, 'too_long'],
    ] as const)
      expect(externalLinkDecision(url), url).toEqual({ open: 'never', reason });
  });

  it('shows an international host as punycode, so look-alike letters cannot hide it', () => {
    expect(externalLinkDecision('https://аpple.com/')).toMatchObject({
      open: 'ask',
      host: 'xn--pple-43d.com',
    });
  });

  it('asks with the host in both languages, Cancel being the default', () => {
    const prompt = externalLinkPrompt('www.ccgp.gov.cn', 'https://www.ccgp.gov.cn/x');
    expect(prompt.message).toContain('www.ccgp.gov.cn');
    expect(prompt.message).toContain('在浏览器中打开');
    expect(prompt.message).toContain('Open a page on www.ccgp.gov.cn');
    expect(prompt.detail).toBe('https://www.ccgp.gov.cn/x');
    expect(prompt.buttons).toHaveLength(2);
    expect(prompt.defaultId).toBe(1);
    expect(prompt.cancelId).toBe(1);
  });

  it('opens the browser only after the user confirms', async () => {
    const yes = fakeDesktop(true);
    expect(await yes.open('https://www.ccgp.gov.cn/t1.htm')).toBe('opened');
    expect(yes.prompts[0]?.message).toContain('www.ccgp.gov.cn');
    expect(yes.opened).toEqual(['https://www.ccgp.gov.cn/t1.htm']);

    const no = fakeDesktop(false);
    expect(await no.open('https://www.ccgp.gov.cn/t1.htm')).toBe('declined');
    expect(no.prompts).toHaveLength(1);
    expect(no.opened).toEqual([]);
  });

  it('never asks about, nor opens, other schemes', async () => {
    const desktop = fakeDesktop(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'vscode://x',
    ])
      expect(await desktop.open(url), url).toBe('refused');
    expect(desktop.prompts).toEqual([]);
    expect(desktop.opened).toEqual([]);
  });

  it('asks one question at a time: a page cannot stack up dialogs', async () => {
    let answer: (yes: boolean) => void = () => {};
    const desktop = fakeDesktop(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const first = desktop.open('https://a.example/');
    expect(await desktop.open('https://b.example/')).toBe('busy');
    answer(true);
    expect(await first).toBe('opened');
    expect(desktop.prompts).toHaveLength(1);
    expect(desktop.opened).toEqual(['https://a.example/']);
    // Once answered, the next link is asked about again.
    const next = desktop.open('https://c.example/');
    answer(false);
    expect(await next).toBe('declined');
  });
});
