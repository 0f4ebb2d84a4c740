import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTRACT_NUMBER_PATTERN,
  frameOf,
  nextNumber,
  numberKey,
  parsePattern,
  patternProblem,
  sequenceOf,
} from '../../shared/contract-number';

function frame(pattern: string, date = '2026-06-10') {
  const p = parsePattern(pattern);
  if (!p.ok) throw new Error(p.problem);
  return frameOf(p.parts, date);
}

describe('contract number patterns', () => {
  it('accepts {yyyy} {yy} {mm} {seq:N} around literal text', () => {
    expect(patternProblem(DEFAULT_CONTRACT_NUMBER_PATTERN)).toBeNull();
    expect(frame('HT{yyyy}-{seq:4}')).toEqual({ before: 'HT2026-', after: '', width: 4 });
    expect(frame('KA{yy}{mm}/{seq:3}-杭', '2027-01-05')).toEqual({
      before: 'KA2701/',
      after: '-杭',
      width: 3,
    });
    expect(frame('{seq}')).toEqual({ before: '', after: '', width: 1 });
  });

  it('names what is wrong with a pattern', () => {
    expect(patternProblem('')).toBe('contract_number.pattern_empty');
    expect(patternProblem('HT{yyyy}-0001')).toBe('contract_number.pattern_no_seq');
    expect(patternProblem('{seq:2}-{seq:3}')).toBe('contract_number.pattern_two_seq');
    expect(patternProblem('HT{year}-{seq:4}')).toBe('contract_number.pattern_token');
    expect(patternProblem('HT{yyyy-{seq:4}')).toBe('contract_number.pattern_token');
    expect(patternProblem('HT}{seq:4}')).toBe('contract_number.pattern_token');
    expect(patternProblem('HT-{seq:0}')).toBe('contract_number.pattern_seq_width');
    expect(patternProblem('HT-{seq:9}')).toBe('contract_number.pattern_seq_width');
    expect(patternProblem('HT {yyyy}-{seq:4}')).toBe('contract_number.pattern_chars');
    expect(patternProblem(`${'X'.repeat(56)}{seq:4}`)).toBe('contract_number.pattern_too_long');
  });

  it('gives one past the highest sequence in the frame, never a number that exists', () => {
    const f = frame('HT{yyyy}-{seq:4}');
    expect(nextNumber(f, [])).toBe('HT2026-0001');
    // A gap (0002 missing) is not filled: 0002 may have been used on paper.
    expect(nextNumber(f, ['HT2026-0001', 'HT2026-0003', 'HT2025-0042', 'HT2026-0003A'])).toBe(
      'HT2026-0004',
    );
    // Past the padding the number simply grows.
    expect(nextNumber(f, ['HT2026-9999'])).toBe('HT2026-10000');
    // Keys are compared as contracts are unique: case and width-insensitive.
    expect(nextNumber(frame('ht{yyyy}-{seq:4}'), [numberKey('ＨＴ2026-0007')])).toBe('ht2026-0008');
  });

  it('reads a sequence only where prefix and suffix both match', () => {
    const f = frame('{yyyy}-{seq:3}-KA');
    expect(sequenceOf(f, '2026-012-KA')).toBe(12);
    expect(sequenceOf(f, '2026-012-KB')).toBeNull();
    expect(sequenceOf(f, '2026--KA')).toBeNull();
    expect(sequenceOf(f, '2026-KA')).toBeNull();
  });
});
