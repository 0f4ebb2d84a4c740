/** 竞争对手 in the form: brand, model, their sales rep and what the customer thinks of it. */
import { Form, Input } from 'antd';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { useT } from '../../i18n/context';

export function CompetitorsField() {
  const t = useT();
  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  return (
    <Form.List name="competitors">
      {(fields, { add, remove }) => (
        <div className="form-list form-grid__wide" data-testid="of-competitors">
          {fields.length > 0 && (
            <div className="opp-competitor-row fleet-row--head">
              <span>{t('opp.competitorBrand')}</span>
              <span>{t('opp.competitorModel')}</span>
              <span>{t('opp.competitorRep')}</span>
              <span>{t('opp.competitorView')}</span>
              <span />
            </div>
          )}
          {fields.map((field, i) => (
            <div key={field.key} className="opp-competitor-row">
              <Form.Item
                name={[field.name, 'brand']}
                rules={[{ required: true, whitespace: true, message: t('val.required') }, max(50)]}
              >
                <Input
                  placeholder={t('opp.competitorBrand')}
                  data-testid={`of-competitor-brand-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'model']} rules={[max(80)]}>
                <Input
                  placeholder={t('opp.competitorModel')}
                  data-testid={`of-competitor-model-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'rep']} rules={[max(200)]}>
                <Input
                  placeholder={t('opp.competitorRep')}
                  data-testid={`of-competitor-rep-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'customerView']} rules={[max(500)]}>
                <Input
                  placeholder={t('opp.competitorView')}
                  data-testid={`of-competitor-view-${i}`}
                />
              </Form.Item>
              <RemoveRowButton
                onClick={() => remove(field.name)}
                testId={`of-competitor-remove-${i}`}
              />
            </div>
          ))}
          <div className="opp-list-foot">
            <AddRowButton
              onClick={() => add({ brand: '', model: '', rep: '', customerView: '' })}
              testId="of-competitor-add"
            >
              {t('opp.addCompetitor')}
            </AddRowButton>
          </div>
        </div>
      )}
    </Form.List>
  );
}
