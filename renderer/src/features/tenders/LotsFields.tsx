/** The lots (包/标段) of the tender form: at least one; a lot with a recorded result stays. */
import { Form, Input, InputNumber, Tooltip } from 'antd';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { MoneyInput } from '../../components/MoneyInput';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useMoney } from './money-format';
import { emptyLot, type LotValues } from './tender-form-values';

const lotKey = (lotNo: string | undefined) => (lotNo ?? '').normalize('NFKC').trim().toUpperCase();

/** The next free lot number: one past the highest numeric one. */
function nextLotNo(lots: readonly LotValues[]): string {
  const numbers = lots.map((l) => Number(lotKey(l.lotNo))).filter((n) => Number.isInteger(n));
  return String(Math.max(0, ...numbers) + 1);
}

export function LotsFields({
  lots,
  decided,
}: {
  /** The lots as currently typed (for the totals and the next number). */
  lots: readonly LotValues[];
  /** Ids of lots with a recorded result: the server keeps those, so they cannot be removed. */
  decided: ReadonlySet<number>;
}) {
  const t = useT();
  const { lang } = useLang();
  const money = useMoney();
  const required = { required: true, message: t('val.required') };
  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  const units = lots.reduce((n, l) => n + (l?.quantity ?? 0), 0);
  const budget = lots.reduce((n, l) => n + (l?.budgetFen ?? 0), 0);

  return (
    <Form.List
      name="lots"
      rules={[
        {
          validator: async (_, value: LotValues[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('tenders.form.lotsRequired'));
            const keys = value.map((l) => lotKey(l?.lotNo)).filter(Boolean);
            if (new Set(keys).size !== keys.length)
              throw new Error(t('reason.tender.lot_duplicate'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="form-grid__wide tender-lots-form" data-testid="tf-lots">
          <div className="tender-lot-row tender-lot-row--head">
            <span>{t('tenders.lot.lotNo')}</span>
            <span>{t('tenders.lot.name')}</span>
            <span>{t('tenders.lot.quantity')}</span>
            <span>{t('tenders.lot.budgetFen')}</span>
            <span>{t('tenders.lot.bidAmountFen')}</span>
            <span>{t('tenders.lot.bidModel')}</span>
            <span />
          </div>
          {fields.map((field, i) => {
            const id = lots[i]?.id;
            const locked = id !== undefined && decided.has(id);
            const removable = fields.length > 1 && !locked;
            return (
              <div key={field.key} className="tender-lot-row" data-testid={`tf-lot-${i}`}>
                <Form.Item
                  name={[field.name, 'lotNo']}
                  rules={[{ ...required, whitespace: true }, max(20)]}
                >
                  <Input placeholder={t('tenders.lot.lotNo')} data-testid={`tf-lot-${i}-lotNo`} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={[max(200)]}>
                  <Input
                    placeholder={t('tenders.form.lotNamePlaceholder')}
                    data-testid={`tf-lot-${i}-name`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} rules={[required]}>
                  <InputNumber<number>
                    min={1}
                    max={100_000}
                    precision={0}
                    className="full-width"
                    placeholder={t('tenders.form.unitsPlaceholder')}
                    data-testid={`tf-lot-${i}-quantity`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'budgetFen']}>
                  <MoneyInput defaultUnit="wan" testId={`tf-lot-${i}-budgetFen`} />
                </Form.Item>
                <Form.Item name={[field.name, 'bidAmountFen']}>
                  <MoneyInput defaultUnit="wan" testId={`tf-lot-${i}-bidAmountFen`} />
                </Form.Item>
                <Form.Item name={[field.name, 'bidModel']} rules={[max(80)]}>
                  <Input
                    placeholder={t('tenders.form.bidModelPlaceholder')}
                    data-testid={`tf-lot-${i}-bidModel`}
                  />
                </Form.Item>
                {removable ? (
                  <RemoveRowButton
                    onClick={() => remove(field.name)}
                    testId={`tf-lot-${i}-remove`}
                  />
                ) : (
                  <Tooltip
                    title={locked ? t('reason.tender.lot_decided') : t('tenders.form.lotsRequired')}
                  >
                    <span
                      className="tender-lot-row__locked"
                      data-testid={`tf-lot-${i}-remove-locked`}
                    />
                  </Tooltip>
                )}
                <Form.Item
                  name={[field.name, 'requirements']}
                  rules={[max(2000)]}
                  className="tender-lot-row__requirements"
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    placeholder={t('tenders.form.requirementsPlaceholder')}
                    data-testid={`tf-lot-${i}-requirements`}
                  />
                </Form.Item>
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div className="tender-lots-form__foot">
            <AddRowButton onClick={() => add(emptyLot(nextLotNo(lots)))} testId="tf-lot-add">
              {t('tenders.form.addLot')}
            </AddRowButton>
            <span className="tender-lots-form__total" data-testid="tf-lots-total">
              {t('tenders.form.lotsTotal', {
                lots: formatCount(fields.length, lang),
                units: formatCount(units, lang),
                budget: budget > 0 ? money.wan(budget) : '—',
              })}
            </span>
          </div>
        </div>
      )}
    </Form.List>
  );
}
