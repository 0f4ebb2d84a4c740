/**
 * Where an opportunity stands in the sales process: the open stages as steps, then its closing
 * state. A lost or abandoned one shows how far it had come before it closed.
 */
import { Steps } from 'antd';
import { useEffect, useState } from 'react';
import {
  CLOSED_PROBABILITIES,
  isOpenStage,
  OPEN_STAGES,
  type OpenStage,
  STAGES,
} from '../../../../shared/sales-enums';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import { call } from '../../api/client';
import { useEnumLabel, useT } from '../../i18n/context';

type Status = 'wait' | 'process' | 'finish' | 'error';

/** The last open stage reached before closing, from the stage history. */
function lastOpenStage(detail: OpportunityDetail): OpenStage {
  if (isOpenStage(detail.stage)) return detail.stage;
  for (let i = detail.stageHistory.length - 1; i >= 0; i--) {
    const h = detail.stageHistory[i];
    if (h && h.to !== detail.stage && isOpenStage(h.to)) return h.to;
    if (h?.from && isOpenStage(h.from)) return h.from;
  }
  return 'interest';
}

/** Win rates are settings; the steps show them once loaded. */
function useProbabilities(): Record<OpenStage, number> | null {
  const [p, setP] = useState<Record<OpenStage, number> | null>(null);
  useEffect(() => {
    let live = true;
    void call('settings.sales', {}).then((r) => {
      if (live && r.ok) setP(r.value.probabilities);
    });
    return () => {
      live = false;
    };
  }, []);
  return p;
}

export function StageSteps({ detail }: { detail: OpportunityDetail }) {
  const t = useT();
  const label = useEnumLabel();
  const probabilities = useProbabilities();
  const open = isOpenStage(detail.stage);
  const reached = OPEN_STAGES.indexOf(lastOpenStage(detail));
  const terminal = isOpenStage(detail.stage) ? 'won' : detail.stage;

  const openItems = OPEN_STAGES.map((s, i) => {
    const status: Status =
      i < reached || (!open && i === reached) ? 'finish' : i === reached ? 'process' : 'wait';
    return {
      key: s,
      title: label(STAGES, s),
      description: probabilities ? t('opp.probabilityNote', { rate: probabilities[s] }) : null,
      status,
    };
  });
  const terminalStatus: Status = detail.stage === 'won' ? 'finish' : open ? 'wait' : 'error';
  return (
    <Steps
      size="small"
      className="opp-steps"
      current={open ? reached : OPEN_STAGES.length}
      items={[
        ...openItems,
        {
          key: terminal,
          title: label(STAGES, terminal),
          description: t('opp.probabilityNote', { rate: CLOSED_PROBABILITIES[terminal] }),
          status: terminalStatus,
        },
      ]}
      data-testid="opp-steps"
      data-stage={detail.stage}
    />
  );
}
