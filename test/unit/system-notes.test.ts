import { describe, expect, it } from 'vitest';
import {
  noteColumns,
  noteFromColumns,
  renderSystemNote,
  SYSTEM_NOTE_WORDS,
  type SystemNote,
} from '../../shared/system-notes';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

const EXAMPLES: SystemNote[] = [
  { code: 'tender.bid', params: { projectNo: '0701-2026-A1' } },
  { code: 'tender.won', params: { projectNo: '0701-2026-A1' } },
  { code: 'tender.lost', params: { projectNo: '0701-2026-A1' } },
  { code: 'contract.final', params: { number: '2026-0007' } },
  { code: 'follow_up.after_delivery', params: { days: 7 } },
];

describe('system notes', () => {
  it('has an example here for every code', () => {
    expect(EXAMPLES.map((n) => n.code).sort()).toEqual(Object.keys(SYSTEM_NOTE_WORDS).sort());
  });

  it('words each note in Chinese without English and in English without Chinese', () => {
    for (const note of EXAMPLES) {
      const zh = renderSystemNote(note, 'zh', '2026-0007');
      const en = renderSystemNote(note, 'en', '2026-0007');
      expect(zh, note.code).not.toMatch(LATIN_WORD);
      expect(zh, note.code).toMatch(CJK);
      expect(en, note.code).not.toMatch(CJK);
      expect(zh).not.toContain('{');
      expect(en).not.toContain('{');
    }
  });

  it('puts the parameters and the qualified title into the words', () => {
    expect(renderSystemNote(EXAMPLES[0]!, 'zh')).toBe('0701-2026-A1：已投标');
    expect(renderSystemNote(EXAMPLES[0]!, 'en')).toBe('0701-2026-A1: bid entered');
    expect(renderSystemNote(EXAMPLES[2]!, 'zh')).toBe('0701-2026-A1：未中标');
    expect(renderSystemNote(EXAMPLES[3]!, 'en')).toBe('2026-0007: contract final');
    const followUp = EXAMPLES[4]!;
    expect(renderSystemNote(followUp, 'zh', 'HT2026-0007 西湖分局')).toBe(
      'HT2026-0007 西湖分局（交车后7天）',
    );
    expect(renderSystemNote(followUp, 'en', 'HT2026-0007 West Lake')).toBe(
      'HT2026-0007 West Lake (7 days after delivery)',
    );
  });

  it('stores a note as columns and reads it back; an unknown or broken one reads as none', () => {
    for (const note of EXAMPLES) {
      const { code, params } = noteColumns(note);
      expect(noteFromColumns(code, params)).toEqual(note);
    }
    expect(noteColumns(null)).toEqual({ code: null, params: null });
    expect(noteFromColumns(null, null)).toBeNull();
    expect(noteFromColumns('tender.rebid', '{"projectNo":"X"}')).toBeNull();
    expect(noteFromColumns('tender.bid', '{not json')).toBeNull();
    expect(noteFromColumns('follow_up.after_delivery', '{"days":"seven"}')).toBeNull();
  });
});
