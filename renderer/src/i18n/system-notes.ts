/** Notes the application wrote (shared/system-notes.ts) in the UI's language. */
import { type NoteLang, renderSystemNote, type SystemNote } from '../../../shared/system-notes';
import type { Lang } from './lang';

export const noteLang = (lang: Lang): NoteLang => (lang === 'zh-CN' ? 'zh' : 'en');

/** The note in words; `title` is what a qualifying note (a follow-up's day) is attached to. */
export function systemNoteText(note: SystemNote, lang: Lang, title?: string): string {
  return renderSystemNote(note, noteLang(lang), title);
}
