/**
 * An imported note never replaces a note a person wrote: it fills an empty note only. A note that
 * says the same (spacing and line breaks aside, as a cell flattens them) is no change at all.
 */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

type ImportedNote = 'fill' | 'same' | 'kept';

export function importedNote(existing: string | null | undefined, imported: string): ImportedNote {
  const current = flat(existing ?? '');
  if (!current) return 'fill';
  return current === flat(imported) ? 'same' : 'kept';
}

/** The file's note as a kept-note notice quotes it: enough to recognise, never the whole text. */
export function noteExcerpt(note: string): string {
  const text = flat(note);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
