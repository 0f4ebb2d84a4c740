/**
 * Notes the application writes itself (a stage moved by a tender's bid or result or by a final
 * contract; a follow-up's "7 days after delivery") are stored as a code and its parameters, never as
 * a sentence, and put into words in the reader's language: on screen by the renderer, in a file by
 * the export that writes it. What a person typed stays their text and is shown as typed.
 */
import { z } from 'zod';

const projectNo = z.object({ projectNo: z.string() });

export const systemNote = z.discriminatedUnion('code', [
  /** A bid was entered on the tender: the opportunity moved to 比较. */
  z.object({ code: z.literal('tender.bid'), params: projectNo }),
  /** A lot of the tender was won: the opportunity moved to 承诺. */
  z.object({ code: z.literal('tender.won'), params: projectNo }),
  /** Every lot decided and none won: the opportunity is lost. */
  z.object({ code: z.literal('tender.lost'), params: projectNo }),
  /** The contract became final: the opportunity moved to 使用. */
  z.object({ code: z.literal('contract.final'), params: z.object({ number: z.string() }) }),
  /** A follow-up's day, after the title (contract number and unit) it qualifies. */
  z.object({
    code: z.literal('follow_up.after_delivery'),
    params: z.object({ days: z.number().int().min(0) }),
  }),
]);
export type SystemNote = z.infer<typeof systemNote>;
type SystemNoteCode = SystemNote['code'];
export type NoteLang = 'zh' | 'en';

/**
 * The words, `{name}` standing for a parameter. A follow-up's note qualifies the item's own title,
 * given as `{title}` (language-neutral: a contract number and a unit's name).
 */
export const SYSTEM_NOTE_WORDS: Record<SystemNoteCode, Record<NoteLang, string>> = {
  'tender.bid': { zh: '{projectNo}：已投标', en: '{projectNo}: bid entered' },
  'tender.won': { zh: '{projectNo}：中标', en: '{projectNo}: won' },
  'tender.lost': { zh: '{projectNo}：未中标', en: '{projectNo}: lost' },
  'contract.final': { zh: '{number}：合同已生效', en: '{number}: contract final' },
  'follow_up.after_delivery': {
    zh: '{title}（交车后{days}天）',
    en: '{title} ({days} days after delivery)',
  },
};

/** The note in words; `title` is what a qualifying note (a follow-up's day) is attached to. */
export function renderSystemNote(note: SystemNote, lang: NoteLang, title = ''): string {
  const vars: Record<string, string | number> = { ...note.params, title };
  return SYSTEM_NOTE_WORDS[note.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

/** The stored columns of a note (code, JSON parameters), or nulls for none. */
export function noteColumns(note: SystemNote | null | undefined): {
  code: string | null;
  params: string | null;
} {
  return note
    ? { code: note.code, params: JSON.stringify(note.params) }
    : { code: null, params: null };
}

/**
 * A note read back from its columns; null when there is none or when a row holds a code this
 * version does not know (a newer app wrote it): the reader then sees the row without the note
 * rather than a crash.
 */
export function noteFromColumns(code: string | null, params: string | null): SystemNote | null {
  if (code === null) return null;
  let parsed: unknown;
  try {
    parsed = params === null ? {} : JSON.parse(params);
  } catch {
    return null;
  }
  const r = systemNote.safeParse({ code, params: parsed });
  return r.success ? r.data : null;
}
