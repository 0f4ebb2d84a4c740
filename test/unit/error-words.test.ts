/**
 * Every error kind in the catalogue (shared/error-kinds.ts) has the renderer's own words in both
 * languages: `errorText` says more than the generic text of the error's code. A kind added to the
 * catalogue without words fails here; a kind thrown without being in the catalogue fails the type
 * check (see the last case).
 */
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS_BY_CODE } from '../../shared/error-kinds';
import { AppError, type ApiError, type ErrorCode } from '../../shared/result';
import { errorText, hasSpecificText } from '../../renderer/src/api/errors';
import { en } from '../../renderer/src/i18n/messages-en';
import { zh } from '../../renderer/src/i18n/messages-zh';
import { translator } from '../../renderer/src/i18n/translate';

/** Kinds whose words quote their details: what a real error of that kind carries. */
const SAMPLE_DETAILS: Readonly<Record<string, Record<string, unknown>>> = {
  possible_duplicate: { matches: [{ id: 7, name: '杭州市公安局' }] },
  locked: { retryAt: '2026-06-01T08:30:00.000Z' },
  login_taken: { name: '王芳' },
  has_subordinates: { count: 2 },
  has_sales_records: { count: 3 },
};

const languages = [
  { lang: 'zh-CN', t: translator(zh) },
  { lang: 'en', t: translator(en) },
] as const;

const cases = Object.entries(ERROR_KINDS_BY_CODE).flatMap(([code, kinds]) =>
  kinds.map((kind) => ({ code: code as ErrorCode, kind })),
);

describe('the renderer’s words for error kinds', () => {
  it('reads the whole catalogue', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  for (const { lang, t } of languages)
    it(`word every kind of the catalogue in ${lang}`, () => {
      const unworded: string[] = [];
      for (const { code, kind } of cases) {
        const error: ApiError = {
          code,
          message: `server diagnostics for ${kind}`,
          details: { kind, ...SAMPLE_DETAILS[kind] },
        };
        const text = errorText(error, t);
        const generic = t(`err.${code}`);
        if (!hasSpecificText(error, t) || text === generic || !text.trim())
          unworded.push(`${code} ${kind}`);
        else if (lang === 'zh-CN') expect(text, kind).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(unworded).toEqual([]);
    });

  it('refuses a kind outside the catalogue at compile time', () => {
    // @ts-expect-error: 'no_such_kind' is not in shared/error-kinds.ts
    const error = new AppError('CONFLICT', 'x', { kind: 'no_such_kind' });
    expect(error.code).toBe('CONFLICT');
  });
});
