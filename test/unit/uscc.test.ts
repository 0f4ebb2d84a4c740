import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckChar, usccProblem } from '../../shared/uscc';

describe('USCC (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of [
      '914403001922038216',
      '9144030071526726XG',
      '91350100M000100Y43',
      '91110000802100433B',
    ])
      expect(usccProblem(code)).toBeNull();
  });

  it('refuses a wrong check character', () => {
    expect(usccProblem('914403001922038217')).toBe('check');
    expect(usccProblem('9144030071526726X0')).toBe('check');
  });

  it('refuses a wrong length', () => {
    expect(usccProblem('91440300192203821')).toBe('length');
    expect(usccProblem('9144030019220382160')).toBe('length');
    expect(usccProblem('')).toBe('length');
  });

  it('refuses characters outside the alphabet (I, O, S, V, Z)', () => {
    expect(usccProblem('9144030019220382IO')).toBe('charset');
    expect(usccProblem('91440300192203821Z')).toBe('charset');
  });

  it('normalises lower-case, full-width and spaced input before checking', () => {
    expect(normalizeUscc('９１４４０３００７１５２６７２６ｘｇ')).toBe('9144030071526726XG');
    expect(normalizeUscc(' 9144 0300 7152 6726 xg ')).toBe('9144030071526726XG');
    expect(isValidUscc('9144030071526726xg')).toBe(true);
    expect(isValidUscc('９１４４０３００１９２２０３８２１６')).toBe(true);
  });

  it('computes the check character the validator expects', () => {
    const first17 = '91330106MA2B3C4D5';
    expect(usccProblem(first17 + usccCheckChar(first17))).toBeNull();
  });
});
