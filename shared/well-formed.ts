/**
 * Text in an API input must be well-formed Unicode. A lone UTF-16 surrogate ('\uD800' without its
 * pair) cannot be stored as UTF-8: SQLite would silently turn it into U+FFFD, so a saved record
 * could no longer be found by the very name it was saved with. Such input is refused instead.
 */
import type { FieldIssue } from './result';

const LONE_SURROGATE = 'lone_surrogate';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(text: string): boolean {
  return LONE.test(text);
}

// Inputs are JSON or structured clones: deeper than this is no form's, and refused by its schema.
const MAX_DEPTH = 64;
const MAX_ISSUES = 20;

/** Every string (value or key) of an input holding a lone surrogate, by dotted path. */
export function malformedTextIssues(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<object>();
  const issue = (path: string[], what: string) =>
    issues.push({
      path: path.join('.'),
      code: LONE_SURROGATE,
      message: `${what} is not well-formed Unicode (a lone surrogate)`,
    });
  const visit = (value: unknown, path: string[], depth: number): void => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) issue(path, 'the text');
      return;
    }
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, String(i)], depth + 1));
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) issue([...path, key], 'the key');
      visit(v, [...path, key], depth + 1);
    }
  };
  visit(input, [], 0);
  return issues;
}
