/**
 * The lines of the contract form: a model from the price list, quantity and unit price, with the
 * price guard shown as the user types — above retail is refused, below the floor needs approval.
 */
import { Form, type FormInstance, InputNumber, Typography } from 'antd';
import { formatFen } from '../../../../shared/values/money';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { MoneyInput } from '../../components/MoneyInput';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { type ContractFormValues, emptyLine, type LineValues } from './contract-form-values';
import { PriceSelect, type PriceRef } from './PriceSelect';

interface Props {
  form: FormInstance<ContractFormValues>;
  prices: ReadonlyMap<number, PriceRef>;
  onFound: (entries: PriceRef[]) => void;
  /** Lines already delivered or allocated cannot be removed. */
  lockedLineIds: ReadonlySet<number>;
}

export function ContractLines({ form, prices, onFound, lockedLineIds }: Props) {
  const t = useT();
  const { lang } = useLang();
  const lines = (Form.useWatch('lines', form) ?? []) as (LineValues | undefined)[];
  const known = [...prices.values()];
  const amount = (l: LineValues | undefined) => (l?.quantity ?? 0) * (l?.unitPriceFen ?? 0);
  const total = lines.reduce((n, l) => n + amount(l), 0);
  const units = lines.reduce((n, l) => n + (l?.quantity ?? 0), 0);

  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: (_, value: unknown[] | undefined) =>
            value && value.length > 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('contracts.linesRequired'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="form-grid__wide con-lines">
          <div className="con-line con-line--head">
            <span>{t('contracts.model')}</span>
            <span>{t('contracts.quantity')}</span>
            <span>{t('contracts.unitPrice')}</span>
            <span className="con-line__amount">{t('contracts.amount')}</span>
            <span />
          </div>
          {fields.map((field, i) => {
            const line = lines[i];
            const price = line?.priceId ? prices.get(line.priceId) : undefined;
            const locked = line?.id !== undefined && lockedLineIds.has(line.id);
            return (
              <div key={field.key} className="con-line-block" data-testid={`cf-line-${i}`}>
                <div className="con-line">
                  <Form.Item name={[field.name, 'id']} hidden>
                    <InputNumber />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'priceId']}
                    rules={[{ required: true, message: t('contracts.modelRequired') }]}
                  >
                    <PriceSelect
                      known={known}
                      onFound={onFound}
                      onChange={(id) => {
                        const p = id === null ? undefined : prices.get(id);
                        // A new model starts at its retail price, the most the policy allows
                        // (setFields also clears the "required" its dependency check just set).
                        if (p && form.getFieldValue(['lines', field.name, 'unitPriceFen']) == null)
                          form.setFields([
                            {
                              name: ['lines', field.name, 'unitPriceFen'],
                              value: p.retailFen,
                              errors: [],
                            },
                          ]);
                      }}
                      testId={`cf-line-${i}-priceId`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true, message: t('val.required') }]}
                  >
                    <InputNumber<number>
                      min={1}
                      max={100_000}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid={`cf-line-${i}-quantity`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitPriceFen']}
                    dependencies={[['lines', field.name, 'priceId']]}
                    rules={[
                      { required: true, message: t('val.required') },
                      {
                        validator: (_, v: number | null) =>
                          v !== null && v !== undefined && v < 1
                            ? Promise.reject(new Error(t('val.tooSmall')))
                            : v != null && price && v > price.retailFen
                              ? Promise.reject(new Error(t('reason.price.above_retail')))
                              : Promise.resolve(),
                      },
                    ]}
                  >
                    <MoneyInput testId={`cf-line-${i}-unitPriceFen`} />
                  </Form.Item>
                  <span className="con-line__amount mono" data-testid={`cf-line-${i}-amount`}>
                    {formatFen(amount(line))}
                  </span>
                  {fields.length > 1 && !locked ? (
                    <RemoveRowButton
                      onClick={() => remove(field.name)}
                      testId={`cf-line-${i}-remove`}
                    />
                  ) : (
                    <span />
                  )}
                </div>
                <PriceHint
                  price={price}
                  unitPriceFen={line?.unitPriceFen ?? null}
                  testId={`cf-line-${i}-hint`}
                />
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div className="con-lines__foot">
            <AddRowButton onClick={() => add(emptyLine())} testId="cf-line-add">
              {t('contracts.lineAdd')}
            </AddRowButton>
            <Typography.Text strong data-testid="cf-total">
              {t('contracts.formTotal', {
                units: formatCount(units, lang),
                total: formatFen(total),
              })}
            </Typography.Text>
          </div>
        </div>
      )}
    </Form.List>
  );
}

/** The line's price against the list: 不允许 above retail, 需经理审批 below the floor. */
function PriceHint(props: {
  price: PriceRef | undefined;
  unitPriceFen: number | null;
  testId: string;
}) {
  const { price, unitPriceFen, testId } = props;
  const t = useT();
  if (!price) return null;
  const reference = t('contracts.priceReference', {
    retail: formatFen(price.retailFen),
    floor: formatFen(price.floorFen),
  });
  const state =
    unitPriceFen === null
      ? 'none'
      : unitPriceFen > price.retailFen
        ? 'above'
        : unitPriceFen < price.floorFen
          ? 'below'
          : 'ok';
  return (
    <div className={`con-hint con-hint--${state}`} data-testid={testId} data-state={state}>
      <span className="con-muted">{reference}</span>
      {state === 'above' && <span className="con-hint__flag">{t('contracts.hintAbove')}</span>}
      {state === 'below' && (
        <span className="con-hint__flag">
          {t('contracts.hintBelow', {
            gap: formatFen(price.floorFen - (unitPriceFen ?? 0)),
          })}
        </span>
      )}
    </div>
  );
}
