/** 需求明细 in the form: model, configuration, quantity and target unit price, with the amounts. */
import { Form, Input, InputNumber } from 'antd';
import { formatFen } from '../../../../shared/values/money';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { MoneyInput } from '../../components/MoneyInput';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { EMPTY_LINE, type LineValues, lineAmountFen } from './opportunity-form-values';

export function DemandLinesField({ lines }: { lines: LineValues[] | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const required = { required: true, message: t('val.required') };
  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  const rows = lines ?? [];
  const quantity = rows.reduce((n, l) => n + (l?.quantity ?? 0), 0);
  const amount = rows.reduce((n, l) => n + (lineAmountFen(l) ?? 0), 0);

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <div className="form-list form-grid__wide" data-testid="of-lines">
          {fields.length > 0 && (
            <div className="opp-line-row fleet-row--head">
              <span>{t('opp.lineModel')}</span>
              <span>{t('opp.lineConfiguration')}</span>
              <span>{t('opp.lineQuantity')}</span>
              <span>{t('opp.lineUnitPrice')}</span>
              <span className="opp-line-row__amount">{t('opp.lineAmount')}</span>
              <span />
            </div>
          )}
          {fields.map((field, i) => {
            const lineAmount = lineAmountFen(rows[field.name]);
            return (
              <div key={field.key} className="opp-line-row">
                <Form.Item
                  name={[field.name, 'model']}
                  rules={[{ ...required, whitespace: true }, max(80)]}
                >
                  <Input placeholder={t('opp.lineModel')} data-testid={`of-line-model-${i}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'configuration']} rules={[max(200)]}>
                  <Input
                    placeholder={t('opp.lineConfiguration')}
                    data-testid={`of-line-config-${i}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} rules={[required]}>
                  <InputNumber
                    min={1}
                    max={100_000}
                    precision={0}
                    className="full-width"
                    data-testid={`of-line-qty-${i}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'targetUnitPriceFen']}>
                  <MoneyInput defaultUnit="yuan" testId={`of-line-price-${i}`} />
                </Form.Item>
                <span className="opp-line-row__amount" data-testid={`of-line-amount-${i}`}>
                  {lineAmount === null ? (
                    <span className="cell-empty">{t('opp.priceUnknown')}</span>
                  ) : (
                    formatFen(lineAmount)
                  )}
                </span>
                <RemoveRowButton
                  onClick={() => remove(field.name)}
                  testId={`of-line-remove-${i}`}
                />
              </div>
            );
          })}
          {fields.length > 0 && (
            <div className="opp-line-row opp-line-row--total">
              <span>{t('opp.linesTotal')}</span>
              <span />
              <span>{formatCount(quantity, lang)}</span>
              <span />
              <strong className="opp-line-row__amount" data-testid="of-lines-total">
                {formatFen(amount)}
              </strong>
              <span />
            </div>
          )}
          <div className="opp-list-foot">
            <AddRowButton onClick={() => add({ ...EMPTY_LINE })} testId="of-line-add">
              {t('opp.addLine')}
            </AddRowButton>
            <span className="opp-muted">{t('opp.amountAuto')}</span>
          </div>
        </div>
      )}
    </Form.List>
  );
}
