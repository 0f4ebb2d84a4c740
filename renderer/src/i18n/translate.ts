/**
 * What `t` is and how it fills `{name}` placeholders, apart from the React context that holds the
 * language: modules that only word things (api/errors.ts) then stay plain code a test can run.
 */
import type { MessageKey } from './messages-zh';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** `t` over one language's table. */
export function translator(dict: Record<MessageKey, string>): Translate {
  return (key, vars) => interpolate(dict[key], vars);
}
