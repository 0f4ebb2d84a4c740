/**
 * The quick search's full-text index, as text: every line of a search text (name, USCC, aliases,
 * contact names, initials, address — already lower-cased by `searchKey`) becomes the run of its
 * two-character grams plus its last character alone, and a term becomes the phrase of its grams.
 * A phrase matches only consecutive grams of one line, so the index answers exactly what
 * `search_text LIKE '%term%'` answers — 公安 (two characters, too short for a trigram index)
 * included; one character is a prefix query over the grams that start with it.
 *
 * The FTS5 table uses the `ascii` tokenizer: every character outside ASCII belongs to a token,
 * and ASCII letters and digits too. Other ASCII characters (space, ( - . /) would split tokens,
 * so they are moved to the private-use area, the same way in the index and in a query.
 */

const PRIVATE_USE = 0xe000;

function safeChars(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    const code = ch.charCodeAt(0);
    const plain = code >= 0x80 || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
    out.push(plain ? ch : String.fromCharCode(PRIVATE_USE + code));
  }
  return out;
}

/** The index text of a search text (lines separated by \n). */
export function searchGrams(searchText: string): string {
  const tokens: string[] = [];
  for (const line of searchText.split('\n')) {
    const chars = safeChars(line);
    if (chars.length === 0) continue;
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    // The last character alone: a one-character term finds it even at the end of a line, and it
    // keeps a phrase from running on from one line into the next.
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(' ');
}

/** The FTS5 query that finds `term` (a `searchKey`) as a substring of one line, or null. */
export function gramsQuery(term: string): string | null {
  const chars = safeChars(term.replace(/\n/g, ' '));
  if (chars.length === 0) return null;
  if (chars.length === 1) return `"${chars[0]}"*`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return `"${grams.join(' ')}"`;
}
