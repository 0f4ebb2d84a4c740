/**
 * 导入客户 / 导入联系人: what and which file → sheet and header → columns → dry run → import, in
 * one modal. It can be closed
 * at any point except while the commit runs (Cancel is the way out then, and it rolls back);
 * closing stops whatever else runs.
 */
import { Button, Modal, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { ExportModal } from '../export/ExportModal';
import { useExport } from '../export/use-export';
import { CommitStep, commitBlocked } from './CommitStep';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import { isActive } from './import-run';
import type { ImportTarget } from '../../../../shared/schemas/imports';
import { TARGETS } from './import-targets';
import { MappingStep } from './MappingStep';
import { SheetStep } from './SheetStep';
import {
  type ImportWizard,
  useImportWizard,
  WIZARD_STEPS,
  type WizardStep,
} from './use-import-wizard';
import './import-wizard.css';

const STEP_TITLES: Record<WizardStep, MessageKey> = {
  file: 'import.stepFile',
  sheet: 'import.stepSheet',
  mapping: 'import.stepMapping',
  dryRun: 'import.stepDryRun',
  commit: 'import.stepCommit',
};

/** The footer's main button for a step, and why it is disabled when it is. */
function forward(
  wizard: ImportWizard,
): { label: MessageKey; testId: string; onClick: () => void; blocked: MessageKey | null } | null {
  const { step, dryRun, commit } = wizard;
  const next = (to: WizardStep, blocked: MessageKey | null) => ({
    label: 'import.next' as const,
    testId: 'import-next',
    onClick: () => wizard.goTo(to),
    blocked,
  });
  switch (step) {
    case 'file':
      return wizard.inspection ? next('sheet', null) : null;
    case 'sheet':
      return next('mapping', wizard.headerRow === null ? 'import.needHeader' : null);
    case 'mapping':
      return {
        label: 'import.dryRun',
        testId: 'import-dryrun',
        onClick: wizard.startDryRun,
        blocked: wizard.missing,
      };
    case 'dryRun':
      if (dryRun?.step !== 'done') return null;
      return next('commit', dryRun.value.total === 0 ? 'import.noRows' : null);
    case 'commit': {
      if (dryRun?.step !== 'done' || commit?.step === 'done') return null;
      const blocked = commitBlocked(dryRun.value, wizard.policy);
      return {
        label: 'import.commit',
        testId: 'import-commit',
        onClick: wizard.startCommit,
        blocked: blocked === 'rejects' ? 'import.rejectsBlock' : blocked ? 'import.noRows' : null,
      };
    }
  }
}

function Footer({ wizard, onClose }: { wizard: ImportWizard; onClose: () => void }) {
  const t = useT();
  const index = WIZARD_STEPS.indexOf(wizard.step);
  const committing = isActive(wizard.commit);
  const finished = wizard.commit?.step === 'done';
  const main = forward(wizard);
  const back: ReactNode =
    index > 0 && !finished ? (
      <Button
        disabled={wizard.busy}
        onClick={() => wizard.goTo(WIZARD_STEPS[index - 1]!)}
        data-testid="import-back"
      >
        {t('import.back')}
      </Button>
    ) : null;

  return (
    <div className="import-footer">
      {finished ? (
        <span />
      ) : (
        <Button disabled={committing} onClick={onClose} data-testid="import-close">
          {t('common.close')}
        </Button>
      )}
      <div className="import-footer__forward">
        {main?.blocked && !wizard.busy && (
          <Typography.Text type="warning" data-testid="import-blocked">
            {t(main.blocked)}
          </Typography.Text>
        )}
        {back}
        {main && (
          <Button
            type="primary"
            disabled={main.blocked !== null || wizard.busy}
            onClick={main.onClick}
            data-testid={main.testId}
          >
            {t(main.label)}
          </Button>
        )}
        {finished && (
          <Button type="primary" onClick={onClose} data-testid="import-close">
            {t('import.finish')}
          </Button>
        )}
      </div>
    </div>
  );
}

const ACCOUNT_TARGETS: readonly ImportTarget[] = ['accounts', 'contacts'];

export function ImportWizardModal({
  onClose,
  onCommitted,
  targets = ACCOUNT_TARGETS,
}: {
  onClose: () => void;
  onCommitted: () => void;
  /** What may be imported here; the first is chosen at the start. */
  targets?: readonly ImportTarget[];
}) {
  const t = useT();
  const { lang } = useLang();
  const wizard = useImportWizard({ onCommitted, targets });
  const exporter = useExport();
  const committing = isActive(wizard.commit);
  const downloadRejects = (runId: number) =>
    exporter.begin('xlsx', () => call('imports.rejects', { runId, lang }));

  const body = {
    file: <FileStep wizard={wizard} />,
    sheet: <SheetStep wizard={wizard} />,
    mapping: <MappingStep wizard={wizard} />,
    dryRun: <DryRunStep wizard={wizard} onDownloadRejects={downloadRejects} />,
    commit: <CommitStep wizard={wizard} onDownloadRejects={downloadRejects} />,
  }[wizard.step];

  return (
    <>
      <Modal
        open
        title={t(TARGETS[wizard.target].title)}
        width={1000}
        closable={!committing}
        keyboard={!committing}
        mask={{ closable: false }}
        onCancel={onClose}
        footer={<Footer wizard={wizard} onClose={onClose} />}
        destroyOnHidden
        className="import-wizard"
        data-testid="import-wizard"
      >
        <Steps
          size="small"
          className="import-steps"
          current={WIZARD_STEPS.indexOf(wizard.step)}
          items={WIZARD_STEPS.map((step) => ({ title: t(STEP_TITLES[step]) }))}
        />
        {body}
      </Modal>
      <ExportModal exporter={exporter} />
    </>
  );
}
