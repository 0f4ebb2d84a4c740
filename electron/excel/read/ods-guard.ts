/**
 * Checks an .ods before SheetJS parses it. The zip is checked like an .xlsx's (directory first,
 * then every part's real size); then content.xml is streamed once to count the cells SheetJS
 * would build. One <table:table-cell> may say it repeats 16,384 columns across 1,048,576 rows,
 * and SheetJS builds a copy of a valued cell for each — a 2 KB file could ask for 17 billion.
 */
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import { refuse } from './markup-grid';
import { readEntry } from './zip-entry';
import { DEFAULT_ZIP_LIMITS, inspectOds } from './zip-guard';

/**
 * The most cells SheetJS may build: it holds each as an object of a few hundred bytes, so a
 * million is about half a GB. A full 65,536 × 12 sheet is 786,432.
 */
export const MAX_SHEETJS_CELLS = 1_048_576;

export function tooManyCells(cells: number): never {
  throw refuse(
    'too_many_cells',
    `the sheet holds ${cells} cells or more; an .xls or .ods this large cannot be read — save it as .xlsx`,
    { limit: MAX_SHEETJS_CELLS },
  );
}

const repeat = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
};

/**
 * Counts the valued cells of content.xml, fed to it chunk by chunk, as SheetJS expands them (a
 * repeated row copies its cells, a repeated cell itself), in rows before `maxRows` where SheetJS
 * starts building; refuses the file as soon as they pass the limit.
 */
function cellCounter(maxRows: number): { write(chunk: Buffer): void; end(): void } {
  let cells = 0;
  let row = 0;
  let rowRepeat = 1;
  let cell: { repeat: number; valued: boolean } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'table:table') row = 0;
        else if (name === 'table:table-row')
          rowRepeat = repeat(attrs['table:number-rows-repeated']);
        else if (name === 'table:table-cell' || name === 'table:covered-table-cell')
          cell = {
            repeat: repeat(attrs['table:number-columns-repeated']),
            valued: attrs['office:value-type'] !== undefined,
          };
        else if (cell && name === 'text:p') cell.valued = true;
      },
      onclosetag(name) {
        if (name === 'table:table-row') {
          row += rowRepeat;
          rowRepeat = 1;
        } else if (cell && (name === 'table:table-cell' || name === 'table:covered-table-cell')) {
          if (cell.valued && row < maxRows) cells += rowRepeat * cell.repeat;
          cell = null;
          if (cells > MAX_SHEETJS_CELLS) tooManyCells(cells);
        }
      },
    },
    { xmlMode: true },
  );
  const decoder = new StringDecoder('utf8');
  return {
    write: (chunk) => parser.write(decoder.write(chunk)),
    end: () => {
      parser.write(decoder.end());
      parser.end();
    },
  };
}

/** Refuses an .ods whose parts unpack past `maxBytes` or whose cells SheetJS could not hold. */
export async function checkOds(file: string, maxBytes: number, maxRows: number): Promise<void> {
  const entries = inspectOds(file, DEFAULT_ZIP_LIMITS);
  let total = 0;
  for (const e of entries) {
    // content.xml's cells are counted as it inflates for its size: one pass over it.
    const counter = e.name.toLowerCase() === 'content.xml' ? cellCounter(maxRows) : null;
    total += await readEntry(file, e, (chunk) => counter?.write(chunk));
    counter?.end();
    if (total > maxBytes)
      throw refuse(
        'file_too_large',
        `the file unpacks to ${Math.round(total / 1024 ** 2)} MB; an .ods this large cannot be read — save it as .xlsx`,
      );
  }
}
