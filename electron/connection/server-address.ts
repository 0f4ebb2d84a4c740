/**
 * A team server's address as the user types it: `https://host[:port]`, nothing more. No path,
 * query, fragment or user name (each a way to make an address look like another), and never
 * plain http. A bare `host[:port]` is taken as https.
 */
import { AppError } from '../../shared/result';

interface ServerAddress {
  /** `https://host[:port]` (the port omitted when 443): what is stored and loaded. */
  origin: string;
  /** The host to connect to, IPv6 without brackets. */
  host: string;
  port: number;
  /** The Host header value, `host[:port]` with IPv6 in brackets. */
  hostHeader: string;
}

function badUrl(input: string, why: string): AppError {
  return new AppError('VALIDATION', `not a team server address (${why}): ${input.slice(0, 200)}`, {
    kind: 'bad_url',
  });
}

/** Strips IPv6 brackets: URL.hostname keeps them, sockets and certificates do not. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

export function parseServerUrl(input: string): ServerAddress {
  const text = input.trim();
  if (text === '') throw badUrl(input, 'empty');
  // Control characters, spaces and backslashes are refused rather than "repaired" by the parser.
  if (/[\s\\]/.test(text) || [...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f'))
    throw badUrl(input, 'spaces or control characters');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  const withScheme =
    scheme && text.slice(scheme.length + 1).startsWith('//') ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw badUrl(input, 'unparsable');
  }
  if (url.protocol !== 'https:')
    throw new AppError('VALIDATION', `a team server is reached over https only: ${input}`, {
      kind: 'not_https',
    });
  if (url.username || url.password) throw badUrl(input, 'user name');
  // Checked on the text too: the parser would quietly turn `https://host/.` into `https://host/`.
  if (url.pathname !== '/' || url.search || url.hash || !/^https:\/\/[^/?#]+\/?$/i.test(withScheme))
    throw badUrl(input, 'path, query or fragment');
  if (!url.hostname) throw badUrl(input, 'no host');
  const port = url.port ? Number(url.port) : 443;
  return { origin: url.origin, host: bareHost(url.hostname), port, hostHeader: url.host };
}
