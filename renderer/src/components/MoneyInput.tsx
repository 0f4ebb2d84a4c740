/**
 * Money typed in 元 (or 万元), held in integer fen. Pasted text such as "12.5万元", "¥1,200" or
 * full-width digits is read the way imports read it.
 */
import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { parseMoneyToFen } from '../../../shared/values/money';
import { useT } from '../i18n/context';

type Unit = 'yuan' | 'wan';
const FEN_PER: Record<Unit, number> = { yuan: 100, wan: 1_000_000 };

export function MoneyInput(props: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  /** 万元 for budgets, 元 for unit prices. */
  defaultUnit?: Unit;
  disabled?: boolean;
  testId?: string;
  min?: number;
}) {
  const t = useT();
  const [unit, setUnit] = useState<Unit>(props.defaultUnit ?? 'yuan');
  const per = FEN_PER[unit];
  const shown = props.value === null || props.value === undefined ? null : props.value / per;
  return (
    <Space.Compact block>
      <InputNumber<number>
        style={{ width: '100%' }}
        value={shown}
        min={props.min ?? 0}
        precision={unit === 'yuan' ? 2 : 4}
        disabled={props.disabled}
        formatter={(v) =>
          v === undefined || String(v) === ''
            ? ''
            : Number(v).toLocaleString('en-US', { maximumFractionDigits: unit === 'yuan' ? 2 : 4 })
        }
        parser={(text) => {
          if (!text) return NaN;
          const fen = parseMoneyToFen(text, unit);
          return fen === null ? NaN : fen / per;
        }}
        onChange={(v) =>
          props.onChange?.(v === null || Number.isNaN(v) ? null : Math.round(v * per))
        }
        data-testid={props.testId}
      />
      <Select<Unit>
        value={unit}
        onChange={setUnit}
        disabled={props.disabled}
        style={{ width: 96 }}
        options={[
          { value: 'yuan', label: t('money.yuan') },
          { value: 'wan', label: t('money.wan') },
        ]}
      />
    </Space.Compact>
  );
}
