/**
 * "导出 / Export" for the 20/80 table: the whole ranking of the period and basis shown — every
 * account, not the page on screen — written by the server (`exports.pareto`), with the usual
 * progress modal.
 */
import type { AbcCutoffsInput, ValueBasis } from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { useLang } from '../../i18n/context';
import { ExportButton } from '../export/ExportButton';
import { ExportModal } from '../export/ExportModal';
import { useExport } from '../export/use-export';
import { userTimeZone } from '../export/view-input';

export function ParetoExportButton(props: {
  from: string;
  to: string;
  basis: ValueBasis;
  cutoffs: AbcCutoffsInput;
}) {
  const { lang } = useLang();
  const exporter = useExport();
  return (
    <>
      <ExportButton
        onExport={(format) =>
          exporter.begin(format, () =>
            call('exports.pareto', { ...props, format, lang, timeZone: userTimeZone() }),
          )
        }
      />
      <ExportModal exporter={exporter} />
    </>
  );
}
