/**
 * The shared input schemas of issue 13: real calendar dates (leap years, the 1900–2199 bounds,
 * explicit offsets), well-formed text (no lone surrogates) and the marks of every reference.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, METHOD_NAMES, type MethodName } from '../../shared/api';
import { filterSchema } from '../../shared/list';
import { isoDate, isoDateOrDateTime, isoDateTime } from '../../shared/schemas/common';
import {
  findReferences,
  REFERENCED_TABLES,
  refId,
  referencePaths,
} from '../../shared/schemas/references';
import { parseDateText } from '../../shared/values/date';
import { malformedTextIssues } from '../../shared/well-formed';
import { methodReferencePaths } from '../../electron/db/references';
import { foreignKeyFailure } from '../../electron/transport/foreign-key';

function issueCodes(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success
    ? []
    : r.error.issues.map(
        (i) => ((i as { params?: { reason?: string } }).params?.reason ?? i.code) as string,
      );
}

describe('a date is a real calendar date between 1900 and 2199', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400
    '1900-01-01',
    '2199-12-31',
    '2026-12-31',
    '2026-04-30',
  ])('accepts %s', (d) => {
    expect(isoDate.parse(d)).toBe(d);
  });

  it.each([
    '2026-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2100-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-45',
    '2026-00-10',
    '2026-01-00',
    '0000-00-00',
    '1899-12-31',
    '2200-01-01',
    '9999-12-31',
  ])('refuses %s as invalid_date', (d) => {
    expect(issueCodes(isoDate, d)).toEqual(['invalid_date']);
  });

  it.each(['2026-3-5', '20260305', '2026-03-05T00:00:00Z', ' 2026-03-05', ''])(
    'refuses %j as a wrong format, once',
    (d) => {
      expect(issueCodes(isoDate, d)).toEqual(['invalid_format']);
    },
  );

  it('import parsing keeps its Chinese forms but not impossible dates', () => {
    expect(parseDateText('2026年3月5日')).toBe('2026-03-05');
    expect(parseDateText('２０２４／２／２９')).toBe('2024-02-29');
    expect(parseDateText('2026年2月30日')).toBeNull();
    expect(parseDateText('1899/12/31')).toBeNull();
    expect(parseDateText('2200-01-01')).toBeNull();
  });
});

describe('a date-time has an explicit zone and a real date and time', () => {
  it('keeps a UTC instant as written and turns an offset into UTC', () => {
    expect(isoDateTime.parse('2026-03-05T01:30:00Z')).toBe('2026-03-05T01:30:00Z');
    expect(isoDateTime.parse('2026-03-05T01:30:00.123Z')).toBe('2026-03-05T01:30:00.123Z');
    expect(isoDateTime.parse('2026-03-05T09:30:00+08:00')).toBe('2026-03-05T01:30:00.000Z');
    expect(isoDateTime.parse('2026-03-05T00:30+08:00')).toBe('2026-03-04T16:30:00.000Z');
    expect(isoDateTime.parse('2024-02-29T23:59:59-05:00')).toBe('2024-03-01T04:59:59.000Z');
  });

  it.each(['2026-03-05T09:30:00', '2026-03-05 09:30:00Z', '2026-03-05', '2026-03-05T9:30Z'])(
    'refuses %j without a zone or in another format',
    (v) => {
      expect(issueCodes(isoDateTime, v)).toEqual(['invalid_format']);
    },
  );

  it.each([
    '2026-02-29T10:00:00Z',
    '2026-03-05T24:00:00Z',
    '2026-03-05T10:60:00Z',
    '2026-03-05T10:00:60Z',
    '2026-03-05T10:00:00+15:00',
    '2026-03-05T10:00:00+08:60',
    '1899-12-31T23:00:00Z',
    '1900-01-01T07:00:00+08:00', // 1899 in UTC
    '2200-01-01T00:00:00Z',
  ])('refuses %s as invalid_date', (v) => {
    expect(issueCodes(isoDateTime, v)).toEqual(['invalid_date']);
  });

  it('a list filter bound is a whole day or an instant, both real', () => {
    expect(isoDateOrDateTime.parse('2024-02-29')).toBe('2024-02-29');
    expect(isoDateOrDateTime.parse('2026-03-04T16:00:00.000Z')).toBe('2026-03-04T16:00:00.000Z');
    expect(isoDateOrDateTime.parse('2026-03-05T00:00:00+08:00')).toBe('2026-03-04T16:00:00.000Z');
    expect(issueCodes(isoDateOrDateTime, '2026-02-30')).toEqual(['invalid_date']);
    expect(issueCodes(isoDateOrDateTime, '2026-02-30T00:00:00Z')).toEqual(['invalid_date']);
    expect(issueCodes(isoDateOrDateTime, '2026-03-05T09:30')).toEqual(['invalid_format']);
    const r = filterSchema.safeParse({ field: 'createdAt', op: 'dateRange', to: '0000-00-00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('text is well-formed Unicode', () => {
  it('finds lone surrogates in values and keys, by path', () => {
    const input = {
      name: 'ok 𠮷',
      columns: [{ header: 'a\uD800' }, { header: '\uDC00b' }],
      ['k\uDBFF']: 1,
      nested: { pair: '\uD842\uDFB7', reversed: '\uDFB7\uD842' },
    };
    expect(malformedTextIssues(input).map((i) => [i.path, i.code])).toEqual([
      ['columns.0.header', 'lone_surrogate'],
      ['columns.1.header', 'lone_surrogate'],
      ['k\uDBFF', 'lone_surrogate'],
      ['nested.reversed', 'lone_surrogate'],
    ]);
    expect(malformedTextIssues('\uD800')).toEqual([
      expect.objectContaining({ path: '', code: 'lone_surrogate' }),
    ]);
    expect(malformedTextIssues({ a: ['𠮷', '中文', 'emoji 😀', 1, null, true] })).toEqual([]);
  });

  it('survives a cycle (an IPC structured clone may have one)', () => {
    const a: Record<string, unknown> = { text: '\uD800' };
    a.self = a;
    expect(malformedTextIssues(a)).toHaveLength(1);
  });
});

describe('references are marked in the schemas', () => {
  it('finds marks through objects, arrays, optional, nullable, defaults and unions', () => {
    const schema = z.object({
      ownerId: refId('staff').nullable().default(null),
      lines: z.array(z.object({ priceId: refId('price_list') })).default([]),
      ids: z.array(refId('deliveries')).optional(),
      either: z.union([z.object({ accountId: refId('accounts') }), z.string()]),
      plain: z.number(),
    });
    const paths = referencePaths(schema);
    expect(paths.map((p) => `${p.path.join('.')}:${p.table}`)).toEqual([
      'ownerId:staff',
      'lines.*.priceId:price_list',
      'ids.*:deliveries',
      'either.accountId:accounts',
    ]);
    const found = findReferences(paths, {
      ownerId: null,
      lines: [{ priceId: 4 }, { priceId: 5 }],
      ids: [7],
      either: 'text',
      plain: 3,
    });
    expect(found).toEqual([
      { path: 'lines.0.priceId', table: 'price_list', id: 4 },
      { path: 'lines.1.priceId', table: 'price_list', id: 5 },
      { path: 'ids.0', table: 'deliveries', id: 7 },
    ]);
  });

  /**
   * Every input field named like an id that is not marked: reads and filters (an unknown id finds
   * nothing), job and file ids (strings, checked by their stores), and a document's entityId,
   * whose table depends on `entity` and which documents.attach looks up itself.
   */
  const NOT_REFERENCES: Partial<Record<MethodName, string[]>> = {
    'accounts.checkDuplicates': ['excludeId'],
    'accounts.lookup': ['excludeId'],
    'contacts.list': ['accountId'],
    'contacts.getPersonal': ['contactId'],
    'exports.result': ['jobId'],
    'exports.deliver': ['jobId'],
    'imports.inspect': ['fileId'],
    'imports.inspection': ['jobId'],
    'imports.run': ['fileId'],
    'imports.summary': ['jobId'],
    'imports.report': ['runId'],
    'imports.rejects': ['runId'],
    'followUps.list': ['ownerId'],
    'myDay.get': ['staffId'],
    'calendar.list': ['ownerId'],
    'documents.attach': ['fileId', 'entityId'],
    'reports.inspectTemplate': ['fileId'],
    'reports.saveTemplate': ['sourceFileId'],
    'reviews.ofAccount': ['accountId'],
  };

  type JsonSchema = {
    properties?: Record<string, JsonSchema>;
    items?: JsonSchema;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    allOf?: JsonSchema[];
  };
  function idFields(s: JsonSchema, path: string[], out: Set<string>): void {
    for (const [key, value] of Object.entries(s.properties ?? {})) {
      if (/(Id|Ids)$/.test(key)) out.add([...path, key].join('.'));
      idFields(value, [...path, key], out);
    }
    if (s.items) idFields(s.items, [...path, '*'], out);
    for (const o of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
      idFields(o, path, out);
  }

  it('every id field of every method input is a marked reference or a listed exception', () => {
    const unmarked: Record<string, string[]> = {};
    for (const method of METHOD_NAMES) {
      const fields = new Set<string>();
      const json = z.toJSONSchema(api[method].input, { io: 'input', unrepresentable: 'any' });
      idFields(json as JsonSchema, [], fields);
      const marked = new Set(
        methodReferencePaths(method).map((p) => p.path.join('.').replace(/\.\*$/, '')),
      );
      const left = [...fields].filter((f) => !marked.has(f));
      if (left.length > 0) unmarked[method] = left;
    }
    expect(unmarked).toEqual(NOT_REFERENCES);
  });

  it('marks only tables the checker knows', () => {
    for (const method of METHOD_NAMES)
      for (const p of methodReferencePaths(method)) expect(REFERENCED_TABLES).toContain(p.table);
  });
});

describe('a FOREIGN KEY failure that still reaches the dispatcher', () => {
  const fk = Object.assign(new Error('FOREIGN KEY constraint failed'), {
    code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
  });

  it('is a typed error, never INTERNAL: VALIDATION on a write, CONFLICT on a delete', () => {
    expect(foreignKeyFailure('tenders.create', fk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { kind: 'unknown_reference' } },
    });
    expect(foreignKeyFailure('prices.delete', fk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { kind: 'in_use' } },
    });
    expect(foreignKeyFailure('contracts.removeDelivery', fk)?.ok).toBe(false);
    expect(foreignKeyFailure('tenders.create', new Error('other'))).toBeNull();
    expect(foreignKeyFailure('tenders.create', null)).toBeNull();
  });
});
