/**
 * SpreadsheetML 2003 (Excel's "XML Spreadsheet", still what many systems "export to Excel" as
 * .xls or .xml), read with htmlparser2 in XML mode as a stream: sheets by ss:Name, ss:Index gaps
 * in rows and cells, ss:MergeAcross/ss:MergeDown as merged ranges, typed values as the xlsx reader
 * gives them (DateTime a date, Number a number), sheets marked hidden. A DOCTYPE is refused: a
 * spreadsheet never has one, and its entity declarations are how a billion-laughs file attacks
 * (htmlparser2 never expands them anyway — this refuses instead of reading them literally).
 */
import { Parser } from 'htmlparser2';
import { type NormalCell, numberCell, type NumberStyle, textCell } from './cell-value';
import { isDurationFormat } from './duration';
import {
  feedText,
  Grid,
  MAX_MARKUP_SHEETS,
  MarkupBudget,
  type MarkupSheet,
  refuse,
} from './markup-grid';
import { isDateFormat } from './sheet-xml';
import type { TextEncoding } from './text-decode';

/** `ss:Name` → `name`: SpreadsheetML names are read without their namespace prefix. */
const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

function attr(attrs: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attrs)) if (local(key) === name) return value;
  return undefined;
}

function int(value: string | undefined): number | undefined {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Excel's named number formats that show a date or a time of day. */
const NAMED_DATES = new Set([
  'general date',
  'long date',
  'medium date',
  'short date',
  'long time',
  'medium time',
  'short time',
]);

/** What a style's <NumberFormat ss:Format> shows: a named format or a format code. */
function styleOfFormat(format: string): NumberStyle {
  if (NAMED_DATES.has(format.trim().toLowerCase())) return { date: true };
  if (isDurationFormat(format)) return { duration: format, date: false };
  return { date: isDateFormat(format) };
}

/**
 * A <Data> element's text as a cell, by its ss:Type; a Number under a date or elapsed-time
 * style (as systems other than Excel write dates) as the xlsx reader reads it.
 */
export function typedCell(type: string, text: string, style?: NumberStyle): NormalCell {
  switch (type) {
    case 'Number': {
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value)) return textCell(text);
      return style ? numberCell(value, style, false) : { kind: 'number', value };
    }
    case 'DateTime': {
      // 2024-03-05T14:30:00.000, as a t="d" cell of a .xlsx is read (sheet-xml.ts).
      const iso = /^\d{4}-\d{2}-\d{2}/.exec(text.trim())?.[0];
      const time = /T(\d{2}:\d{2})/.exec(text)?.[1];
      if (!iso) return textCell(text);
      return time && time !== '00:00' ? { kind: 'date', iso, time } : { kind: 'date', iso };
    }
    case 'Boolean':
      return {
        kind: 'boolean',
        value: text.trim() === '1' || text.trim().toLowerCase() === 'true',
      };
    case 'Error':
      return { kind: 'error', code: text.trim() };
    default:
      return textCell(text);
  }
}

export async function readSpreadsheetMl(
  file: string,
  chosen?: TextEncoding | null,
): Promise<{ sheets: MarkupSheet[]; encoding: TextEncoding }> {
  const budget = new MarkupBudget();
  const sheets: (MarkupSheet & { grid: Grid })[] = [];
  let sheet: (typeof sheets)[number] | null = null;
  let cell: {
    index?: number;
    across?: number;
    down?: number;
    style?: string;
    type: string;
    text: string;
  } | null = null;
  // <Styles> come before the worksheets: each ss:ID's number format, by its own or its parent's.
  const styles = new Map<string, { parent?: string; format?: string }>();
  let styleId: string | null = null;
  // Resolved once per style (a sheet has few styles and many cells): parent chain and format rules.
  const resolved = new Map<string, NumberStyle | undefined>();
  const styleOf = (id: string | undefined): NumberStyle | undefined => {
    if (id === undefined) return undefined;
    if (resolved.has(id)) return resolved.get(id);
    let style: NumberStyle | undefined;
    for (let s: string | undefined = id, depth = 0; s !== undefined && depth < 16; depth++) {
      const found = styles.get(s);
      if (found?.format !== undefined) {
        style = styleOfFormat(found.format);
        break;
      }
      s = found?.parent;
    }
    resolved.set(id, style);
    return style;
  };
  let inData = 0;
  let visible: string | null = null;
  let seenWorkbook = false;

  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        const n = name.toLowerCase();
        if (n === '!doctype' || n === '!entity')
          throw refuse(
            'xml_doctype',
            'the XML file declares a DOCTYPE or entities; it is not read',
          );
      },
      onopentag(tag, attrs) {
        budget.open();
        const name = local(tag);
        if (name === 'workbook') seenWorkbook = true;
        else if (name === 'style' && !sheet) {
          styleId = attr(attrs, 'id') ?? null;
          if (styleId !== null && styles.size < 65_536)
            styles.set(styleId, { parent: attr(attrs, 'parent') });
        } else if (name === 'numberformat' && styleId !== null) {
          const format = attr(attrs, 'format');
          const style = styles.get(styleId);
          if (style && format !== undefined) style.format = format;
        } else if (name === 'worksheet') {
          if (sheets.length >= MAX_MARKUP_SHEETS)
            throw refuse(
              'too_many_sheets',
              `the workbook has more than ${MAX_MARKUP_SHEETS} sheets`,
            );
          const grid = new Grid(budget);
          const given = attr(attrs, 'name')?.trim();
          sheet = {
            name: given || `Sheet${sheets.length + 1}`,
            hidden: false,
            grid,
            merges: [],
            rows: [],
          };
          sheets.push(sheet);
        } else if (!sheet) return;
        else if (name === 'row') sheet.grid.startRow(int(attr(attrs, 'index')));
        else if (name === 'cell')
          cell = {
            index: int(attr(attrs, 'index')),
            across: int(attr(attrs, 'mergeacross')),
            down: int(attr(attrs, 'mergedown')),
            style: attr(attrs, 'styleid'),
            type: '',
            text: '',
          };
        else if (name === 'data' && cell) {
          inData++;
          cell.type = attr(attrs, 'type') ?? 'String';
        } else if (inData > 0 && cell && local(tag) === 'br') cell.text += '\n';
        else if (name === 'visible') visible = '';
      },
      ontext(text) {
        if (inData > 0 && cell) cell.text += text;
        else if (visible !== null) visible += text;
      },
      onclosetag(tag) {
        budget.close();
        const name = local(tag);
        if (name === 'style') styleId = null;
        if (!sheet) return;
        if (name === 'data') inData = Math.max(0, inData - 1);
        else if (name === 'cell' && cell) {
          const value = cell.type
            ? typedCell(cell.type, cell.text, styleOf(cell.style))
            : { kind: 'empty' as const };
          sheet.grid.addCell(value, cell);
          cell = null;
        } else if (name === 'row') sheet.grid.endRow();
        else if (name === 'visible') {
          // <WorksheetOptions><Visible>SheetHidden</Visible> (or SheetVeryHidden).
          if (visible?.trim().startsWith('SheetHidden') || visible?.trim() === 'SheetVeryHidden')
            sheet.hidden = true;
          visible = null;
        } else if (name === 'worksheet') {
          sheet.grid.endRow();
          sheet = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  const encoding = await feedText(file, parser, budget, chosen);
  if (!seenWorkbook || sheets.length === 0)
    throw refuse('xml_not_spreadsheet', 'the XML file holds no Excel 2003 worksheet');
  return {
    sheets: sheets.map(({ grid, ...s }) => ({ ...s, merges: grid.merges, rows: grid.rows })),
    encoding,
  };
}
