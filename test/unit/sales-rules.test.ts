import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, chinaDayStart } from '../../shared/dates';
import { tenderDateProblems } from '../../shared/tender-rules';
import { chinaInstant, excelSerialTime, parseTimeText } from '../../shared/values/date';
import { normalizeVin, vinCheckCharacter, vinProblem } from '../../shared/vin';

describe('VINs', () => {
  it('accepts a VIN whose check character is right, and says what is wrong otherwise', () => {
    // The textbook example (check character X) and one of the demo's FAW-VW VINs.
    expect(vinProblem('1M8GDM9AXKP042788')).toBeNull();
    expect(vinCheckCharacter('1M8GDM9A0KP042788')).toBe('X');
    expect(vinProblem(normalizeVin(' lfv2a21k40p500101 '))).toBeNull();
    expect(vinProblem('1M8GDM9AXKP04278')).toBe('length');
    expect(vinProblem('1M8GDM9AXKP0427O8')).toBe('forbidden_letter');
    expect(vinProblem('1M8GDM9AXKP0427#8')).toBe('characters');
    expect(vinProblem('1M8GDM9A1KP042788')).toBe('check_digit');
    expect(normalizeVin('ＬＦＶ2Ａ-21Ｋ40 Ｐ500101')).toBe('LFV2A21K40P500101');
  });
});

describe('tender dates', () => {
  it('keeps announcement, sale, deadline, opening, award and bond in order', () => {
    expect(
      tenderDateProblems({
        intentionOn: '2026-09-01',
        announcedOn: '2026-10-01',
        docSaleStartOn: '2026-10-02',
        docSaleEndOn: '2026-10-09',
        bidDeadlineAt: '2026-10-22T01:30:00.000Z',
        openingAt: '2026-10-22T01:30:00.000Z',
        awardedOn: '2026-10-28',
        publicityEndOn: '2026-10-25',
        bondPaidOn: '2026-10-15',
        bondRefundedOn: '2026-11-10',
      }),
    ).toEqual([]);
    const codes = (d: Parameters<typeof tenderDateProblems>[0]) =>
      tenderDateProblems(d).map((i) => i.code);
    expect(codes({ announcedOn: '2026-10-10', docSaleStartOn: '2026-10-09' })).toEqual([
      'tender.sale_before_announcement',
    ]);
    expect(codes({ openingAt: '2026-10-22T01:30:00.000Z', awardedOn: '2026-10-21' })).toEqual([
      'tender.award_before_opening',
    ]);
    // 01:30 UTC is 09:30 in China: an award the same China day is fine.
    expect(codes({ openingAt: '2026-10-21T20:00:00.000Z', awardedOn: '2026-10-22' })).toEqual([]);
    expect(
      codes({ bidDeadlineAt: '2026-10-22T02:00:00.000Z', openingAt: '2026-10-22T01:30:00.000Z' }),
    ).toEqual(['tender.opening_before_deadline']);
    expect(codes({ bondRefundedOn: '2026-11-01' })).toEqual(['tender.refund_without_payment']);
  });
});

describe('China dates and times', () => {
  it('puts an instant on its China business day', () => {
    expect(chinaDate('2026-11-22T15:59:59.000Z')).toBe('2026-11-22');
    expect(chinaDate('2026-11-22T16:00:00.000Z')).toBe('2026-11-23');
    expect(chinaDayStart('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(chinaInstant('2026-03-05', '09:30')).toBe('2026-03-05T01:30:00.000Z');
  });

  it('reads the time of a date-time cell or text', () => {
    expect(excelSerialTime(46086)).toBeNull();
    expect(excelSerialTime(46086.395833)).toBe('09:30');
    expect(parseTimeText(' 9:30')).toBe('09:30');
    expect(parseTimeText('2026年3月5日 14时')).toBe('14:00');
    expect(parseTimeText('2026-03-05')).toBeNull();
  });
});
