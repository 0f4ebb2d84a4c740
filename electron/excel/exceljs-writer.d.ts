/**
 * exceljs's streaming workbook writer on its own: the package's main module also loads the
 * in-memory workbook, the CSV layer and the streaming reader (about twice the start-up time),
 * which a job that only writes a table does not need.
 */
declare module 'exceljs/lib/stream/xlsx/workbook-writer' {
  import type { stream } from 'exceljs';

  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
