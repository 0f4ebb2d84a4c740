/**
 * 录入结果: the award date and, per lot, who won at what price. A lot we won needs no winner
 * details (the server fills in our dealership, our model and our bid); a lot someone else won
 * is the competitor price history, so its winner and price are asked for.
 */
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import { LOT_RESULTS, type LotResult } from '../../../../shared/sales-enums';
import type { Lot, TenderDetail } from '../../../../shared/schemas/tenders';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { dateProblems, problemProps } from './date-problems';
import { useMoney } from './money-format';
import { useSettings } from '../settings/use-settings';

type Decided = Exclude<LotResult, 'pending'>;

interface LotValues {
  lotId: number;
  result: Decided | undefined;
  winnerName: string;
  winnerBrand: string;
  winnerModel: string;
  winningAmountFen: number | null;
}

interface Values {
  awardedOn: string | null;
  publicityEndOn: string | null;
  lots: LotValues[];
}

function initialValues(d: TenderDetail): Values {
  return {
    awardedOn: d.awardedOn ?? chinaDate(),
    publicityEndOn: d.publicityEndOn,
    lots: d.lots.map((l) => ({
      lotId: l.id,
      result: l.result === 'pending' ? undefined : l.result,
      winnerName: l.winnerName ?? '',
      winnerBrand: l.winnerBrand ?? '',
      winnerModel: l.winnerModel ?? '',
      winningAmountFen: l.winningAmountFen,
    })),
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function ResultsDialog(props: {
  detail: TenderDetail;
  onClose: () => void;
  onDone: (saved: TenderDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const { lang } = useLang();
  const money = useMoney();
  const options = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { settings: dealer } = useSettings('settings.dealer');
  const [error, setError] = useState<ApiError | null>(null);
  const [initial] = useState(() => initialValues(detail));
  const watched = { ...initial, ...(Form.useWatch([], form) as Partial<Values> | undefined) };

  const problems = new Map(
    dateProblems(
      {
        openingAt: detail.openingAt,
        awardedOn: watched.awardedOn,
        publicityEndOn: watched.publicityEndOn,
      },
      t,
    ),
  );
  if (watched.awardedOn && watched.awardedOn > chinaDate() && !problems.has('awardedOn'))
    problems.set('awardedOn', t('reason.date.future'));

  const resultOptions = options(LOT_RESULTS).filter((o) => o.value !== 'pending');

  /** Choosing "won" starts from our own bid; "no award" has no winner to record. */
  const onResult = (index: number, lot: Lot, result: Decided) => {
    const path = <F extends keyof LotValues>(f: F) => ['lots', index, f] as ['lots', number, F];
    if (result === 'won') {
      // We won it: the winner is us, with the brand we sell.
      if (!form.getFieldValue(path('winnerName')) && dealer?.name)
        form.setFieldValue(path('winnerName'), dealer.name);
      if (!form.getFieldValue(path('winnerBrand')) && dealer?.brand)
        form.setFieldValue(path('winnerBrand'), dealer.brand);
      if (!form.getFieldValue(path('winnerModel')) && lot.bidModel)
        form.setFieldValue(path('winnerModel'), lot.bidModel);
      if (form.getFieldValue(path('winningAmountFen')) == null && lot.bidAmountFen !== null)
        form.setFieldValue(path('winningAmountFen'), lot.bidAmountFen);
    }
    if (result === 'failed')
      for (const f of ['winnerName', 'winnerBrand', 'winnerModel'] as const)
        form.setFieldValue(path(f), '');
    if (result === 'failed') form.setFieldValue(path('winningAmountFen'), null);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.awardedOn || problems.size > 0) return;
    const lots = (form.getFieldValue('lots') as LotValues[]).flatMap((l) =>
      l.result
        ? [
            {
              lotId: l.lotId,
              result: l.result,
              winnerName: blankToNull(l.winnerName),
              winnerBrand: blankToNull(l.winnerBrand),
              winnerModel: blankToNull(l.winnerModel),
              winningAmountFen: l.winningAmountFen ?? null,
            },
          ]
        : [],
    );
    setSaving(true);
    setError(null);
    const r = await call('tenders.recordResults', {
      id: detail.id,
      awardedOn: v.awardedOn,
      publicityEndOn: v.publicityEndOn ?? null,
      lots,
      version: detail.version,
    });
    setSaving(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  const required = { required: true, message: t('val.required') };

  return (
    <Modal
      open
      width={980}
      title={t('tenders.results.title', { projectNo: detail.projectNo })}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, ...testId('results-submit') }}
      cancelText={t('common.cancel')}
      cancelButtonProps={testId('results-cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="results-dialog"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <div className="form-grid">
          <Form.Item
            name="awardedOn"
            label={t('tenders.f.awardedOn')}
            rules={[required]}
            {...problemProps(problems, 'awardedOn')}
          >
            <DateInput testId="result-awardedOn" />
          </Form.Item>
          <Form.Item
            name="publicityEndOn"
            label={t('tenders.f.publicityEndOn')}
            {...problemProps(problems, 'publicityEndOn')}
          >
            <DateInput testId="result-publicityEndOn" />
          </Form.Item>
        </div>
        <div className="tender-results__hint">{t('tenders.results.hint')}</div>
        <Form.List name="lots">
          {(fields) =>
            fields.map((field, i) => {
              const lot = detail.lots[i];
              if (!lot) return null;
              const result = watched.lots?.[i]?.result;
              const noWinner = result === 'failed' || result === undefined;
              const ours = result === 'won';
              return (
                <div
                  key={field.key}
                  className="tender-results__lot"
                  data-testid={`result-lot-${i}`}
                >
                  <div className="tender-results__lot-head">
                    <Typography.Text strong>
                      {t('tenders.results.lotTitle', { lotNo: lot.lotNo })}
                    </Typography.Text>
                    {lot.name && <span>{lot.name}</span>}
                    <span className="tender-results__lot-meta">
                      {t('tenders.results.lotUnits', { n: formatCount(lot.quantity, lang) })}
                      {lot.bidAmountFen !== null &&
                        ` · ${t('tenders.results.ourBid', {
                          amount: money.yuan(lot.bidAmountFen),
                          model: lot.bidModel ?? '—',
                        })}`}
                    </span>
                  </div>
                  <div className="tender-results__row">
                    <Form.Item
                      name={[field.name, 'result']}
                      label={t('tenders.lot.result')}
                      rules={[required]}
                    >
                      <Select<Decided>
                        options={resultOptions}
                        placeholder={t('common.choose')}
                        onChange={(v) => onResult(i, lot, v)}
                        data-testid={`result-lot-${i}-result`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'winnerName']}
                      label={t('tenders.lot.winnerName')}
                      rules={[{ max: 200, message: t('val.maxLength', { max: 200 }) }]}
                    >
                      <Input
                        disabled={noWinner}
                        placeholder={ours ? t('tenders.results.ourDealer') : undefined}
                        data-testid={`result-lot-${i}-winnerName`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'winnerBrand']}
                      label={t('tenders.lot.winnerBrand')}
                      rules={[{ max: 50, message: t('val.maxLength', { max: 50 }) }]}
                    >
                      <Input disabled={noWinner} data-testid={`result-lot-${i}-winnerBrand`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'winnerModel']}
                      label={t('tenders.lot.winnerModel')}
                      rules={[{ max: 80, message: t('val.maxLength', { max: 80 }) }]}
                    >
                      <Input disabled={noWinner} data-testid={`result-lot-${i}-winnerModel`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'winningAmountFen']}
                      label={t('tenders.lot.winningAmountFen')}
                    >
                      <MoneyInput disabled={noWinner} testId={`result-lot-${i}-winningAmountFen`} />
                    </Form.Item>
                  </div>
                </div>
              );
            })
          }
        </Form.List>
      </Form>
      {error && <ErrorAlert error={error} data-testid="results-error" />}
    </Modal>
  );
}
