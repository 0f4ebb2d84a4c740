/** RFC 4180 CSV (and tab- or semicolon-separated text) into rows of cells, one pass, no regex backtracking. */

type Delimiter = ',' | '\t' | ';';

/** The delimiter that splits the first line (outside quotes) into the most cells. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  return (Object.entries(counts) as [Delimiter, number][]).reduce((best, c) =>
    c[1] > best[1] ? c : best,
  )[0];
}

/**
 * Parses text fed in pieces (a file decoded chunk by chunk), so a million-row CSV never has to
 * be one string. A quoted cell may span pieces and lines.
 */
export class CsvParser {
  private row: string[] = [];
  private cell = '';
  private quoted = false;
  /** The previous piece ended on a quote inside a quoted cell: it may be the first of "". */
  private pendingQuote = false;
  /** The previous piece ended on CR: a LF starting this one belongs to it. */
  private pendingCr = false;

  constructor(private readonly delimiter: Delimiter) {}

  push(text: string): string[][] {
    const rows: string[][] = [];
    const d = this.delimiter;
    let i = 0;
    const n = text.length;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text[0] === '\n') i = 1;
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (text[i] === '"') {
        this.cell += '"';
        i++;
      } else this.quoted = false;
    }
    let cell = this.cell;
    while (i < n) {
      const ch = text[i]!;
      if (this.quoted) {
        // Copy a run of ordinary characters at once.
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (q + 1 >= n) {
          this.pendingQuote = true;
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      if (ch === '"' && cell === '') this.quoted = true;
      else if (ch === d) {
        this.row.push(cell);
        cell = '';
      } else if (ch === '\n' || ch === '\r') {
        this.row.push(cell);
        rows.push(this.row);
        this.row = [];
        cell = '';
        if (ch === '\r') {
          if (i + 1 >= n) this.pendingCr = true;
          else if (text[i + 1] === '\n') i++;
        }
      } else cell += ch;
      i++;
    }
    this.cell = cell;
    return rows;
  }

  end(): string[][] {
    if (this.cell !== '' || this.row.length > 0) {
      this.row.push(this.cell);
      const last = this.row;
      this.row = [];
      this.cell = '';
      return [last];
    }
    return [];
  }
}

export function* parseCsv(
  text: string,
  delimiter: Delimiter = detectDelimiter(text),
): Generator<string[]> {
  const parser = new CsvParser(delimiter);
  yield* parser.push(text);
  yield* parser.end();
}
