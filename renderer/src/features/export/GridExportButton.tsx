/**
 * “导出 / Export” for any grid but the accounts (which also exports contacts): the grid's current
 * view — its list input and visible columns — written by `exports.grid`, with the progress modal.
 * The page says which grid: `start={(view) => call('exports.grid', { grid: 'tenders', ...view })}`.
 */
import type { Result } from '../../../../shared/result';
import type { GridView } from '../../components/DataGrid';
import { useLang } from '../../i18n/context';
import { ExportButton } from './ExportButton';
import { ExportModal } from './ExportModal';
import { useExport } from './use-export';
import { type GridViewInput, gridViewInputOf } from './view-input';

export function GridExportButton<F extends string>(props: {
  view: GridView<F>;
  start: (input: GridViewInput<F>) => Promise<Result<{ jobId: string }>>;
}) {
  const { lang } = useLang();
  const exporter = useExport();
  const { view, start } = props;
  return (
    <>
      <ExportButton
        viewDisabled={view.columns.length === 0}
        onExport={(format) =>
          exporter.begin(format, () => start(gridViewInputOf(format, view, lang)))
        }
      />
      <ExportModal exporter={exporter} />
    </>
  );
}
