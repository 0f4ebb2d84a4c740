/**
 * HTML tables "exported to Excel" as .xls (procurement sites, bank and fleet systems; Excel's own
 * "Web page" format), read with htmlparser2 as a stream. Each <table> is a grid of its own (a
 * nested table is never mixed into the cell around it); rowspan/colspan are merged ranges, <br> a
 * line break inside the cell, entities decoded, <th> like <td>. Cells are text, as CSV cells are:
 * the import's field parsers read 万元, full-width digits and Chinese dates from them downstream.
 * The first table with a data row comes first (the wizard picks it), the others follow as sheets.
 */
import { Parser } from 'htmlparser2';
import { textCell } from './cell-value';
import {
  feedText,
  Grid,
  MAX_MARKUP_SHEETS,
  MarkupBudget,
  type MarkupSheet,
  refuse,
} from './markup-grid';
import { detectEncoding, isTextEncoding, type TextEncoding } from './text-decode';

interface OpenTable {
  grid: Grid;
  order: number;
  caption: string | null;
  /** The cell being read: its text so far and its span; null between cells. */
  cell: { text: string; colspan: number; rowspan: number } | null;
  inCaption: boolean;
}

/** Elements whose text is never a cell's (styles, scripts, Excel's conditional comments' XML). */
const SKIPPED = new Set(['style', 'script', 'title', 'xml', 'template']);
/** Elements that end a line inside a cell. */
const LINE_ENDS = new Set(['p', 'div', 'li']);

const span = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
};

/** HTML collapses runs of white space; <br> (kept as \n) is the only line break in a cell. */
function cellText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .join('\n')
    .trim();
}

function addText(cell: { text: string }, text: string): void {
  cell.text += text.replace(/[\n\r]+/g, ' ');
}

/** The encoding a page declares in <meta charset> or <meta http-equiv content="…charset=…">. */
export function declaredCharset(head: Buffer): TextEncoding | null {
  let found: TextEncoding | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (found || name !== 'meta') return;
      let charset = attrs.charset?.trim().toLowerCase();
      const content = attrs.content?.toLowerCase() ?? '';
      const at = content.indexOf('charset=');
      if (!charset && at >= 0) charset = content.slice(at + 8).split(/[;\s"']/)[0];
      if (!charset) return;
      if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936'].includes(charset)) found = 'gb18030';
      else if (['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii'].includes(charset))
        found = 'windows-1252';
      else if (isTextEncoding(charset)) found = charset;
    },
  });
  parser.write(head.toString('latin1'));
  parser.end();
  return found;
}

export async function readHtmlTables(
  file: string,
  head: Buffer,
  fileName: string,
  chosen?: TextEncoding | null,
): Promise<{ sheets: MarkupSheet[]; encoding: TextEncoding }> {
  const budget = new MarkupBudget();
  const tables: OpenTable[] = [];
  const done: OpenTable[] = [];
  let skipped = 0;
  const current = () => tables.at(-1);
  const endCell = (t: OpenTable) => {
    if (!t.cell) return;
    t.grid.addCell(textCell(cellText(t.cell.text)), {
      across: t.cell.colspan - 1,
      down: t.cell.rowspan - 1,
    });
    t.cell = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        budget.open();
        if (SKIPPED.has(name)) skipped++;
        if (skipped > 0) return;
        const t = current();
        if (name === 'table') {
          if (done.length + tables.length >= MAX_MARKUP_SHEETS)
            throw refuse('too_many_sheets', `the page has more than ${MAX_MARKUP_SHEETS} tables`);
          const order = done.length + tables.length;
          tables.push({
            grid: new Grid(budget),
            order,
            caption: null,
            cell: null,
            inCaption: false,
          });
        } else if (!t) return;
        else if (name === 'tr') {
          endCell(t);
          t.grid.startRow();
        } else if (name === 'td' || name === 'th') {
          endCell(t);
          t.cell = { text: '', colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
        } else if (name === 'br' && t.cell) t.cell.text += '\n';
        else if (name === 'caption') t.inCaption = true;
      },
      ontext(text) {
        const t = current();
        if (skipped > 0 || !t) return;
        if (t.inCaption) t.caption = (t.caption ?? '') + text;
        else if (t.cell) addText(t.cell, text);
      },
      onclosetag(name) {
        budget.close();
        if (SKIPPED.has(name)) skipped = Math.max(0, skipped - 1);
        if (skipped > 0) return;
        const t = current();
        if (!t) return;
        if (name === 'table') {
          endCell(t);
          t.grid.endRow();
          done.push(tables.pop()!);
        } else if (name === 'td' || name === 'th') endCell(t);
        else if (name === 'tr') {
          endCell(t);
          t.grid.endRow();
        } else if (name === 'caption') t.inCaption = false;
        else if (LINE_ENDS.has(name) && t.cell) t.cell.text += '\n';
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  const bom = detectEncoding(head.subarray(0, 4)).bomLength > 0;
  const encoding = await feedText(
    file,
    parser,
    budget,
    chosen ?? (bom ? null : declaredCharset(head)),
  );
  return { sheets: tableSheets(done, fileName), encoding };
}

/** Tables with a data row first (in page order), then those with any value; empty ones dropped. */
function tableSheets(tables: OpenTable[], fileName: string): MarkupSheet[] {
  const byOrder = [...tables].sort((a, b) => a.order - b.order);
  const data = byOrder.filter((t) => t.grid.hasRowWith(2));
  const rest = byOrder.filter((t) => !data.includes(t) && t.grid.hasRowWith(1));
  const chosen = [...data, ...rest];
  if (chosen.length === 0) throw refuse('markup_no_table', 'the page holds no table with values');
  const names = new Set<string>();
  return chosen.map((t, i) => {
    let name = cellText(t.caption ?? '')
      .replace(/\n/g, ' ')
      .slice(0, 31);
    if (!name) name = chosen.length === 1 ? fileName : `表${i + 1}`;
    const base = name.slice(0, 26);
    for (let n = 2; names.has(name); n++) name = `${base} (${n})`;
    names.add(name);
    return { name, hidden: false, merges: t.grid.merges, rows: t.grid.rows };
  });
}
