/**
 * "导出 / Export" for a table the page already holds (an analysis table, a chart's data): the rows
 * go to `exports.table` as they are shown, and the usual progress modal takes it from there.
 */
import type { ExportTableInput } from '../../../../shared/schemas/exports';
import { call } from '../../api/client';
import { useLang } from '../../i18n/context';
import { ExportButton } from './ExportButton';
import { ExportModal } from './ExportModal';
import { useExport } from './use-export';
import { userTimeZone } from './view-input';

export type ExportTable = Pick<ExportTableInput, 'title' | 'columns' | 'rows' | 'about'>;

export function TableExportButton(props: {
  /** Called when the user picks a format, so the table is read as it is at that moment. */
  table: () => ExportTable;
  disabled?: boolean;
}) {
  const { lang } = useLang();
  const exporter = useExport();
  return (
    <>
      <ExportButton
        viewDisabled={props.disabled}
        onExport={(format) =>
          exporter.begin(format, () =>
            call('exports.table', { ...props.table(), format, lang, timeZone: userTimeZone() }),
          )
        }
      />
      <ExportModal exporter={exporter} />
    </>
  );
}
