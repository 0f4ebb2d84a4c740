/**
 * 单位性质 in the account form. The incentive policy keys on it (a state organ buys without a
 * minimum), so Keyfleet only suggests it — from the USCC, the industry, the name — and a person
 * confirms: the field stays empty until someone chooses, and shows the suggestion with one click
 * to take it.
 */
import { Button, Form, type FormInstance, Select, Space, Tag } from 'antd';
import { ORG_NATURES, type OrgNature } from '../../../../shared/enums';
import { type OrgNatureBasis, suggestOrgNature } from '../../../../shared/org-nature';
import { useEnumLabel, useEnumOptions, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import type { AccountFormValues } from './account-form-values';

export const BASIS_KEYS: Record<OrgNatureBasis, MessageKey> = {
  uscc: 'orgNature.basisUscc',
  industry: 'orgNature.basisIndustry',
  name: 'orgNature.basisName',
};

export function OrgNatureField({ form }: { form: FormInstance<AccountFormValues> }) {
  const t = useT();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const name = Form.useWatch('name', form) ?? '';
  const uscc = Form.useWatch('uscc', form) ?? '';
  const industry = Form.useWatch('industry', form) ?? null;
  const chosen = Form.useWatch('orgNature', form) ?? null;
  const suggestion = suggestOrgNature({ name, uscc: uscc || null, industry });

  const take = (nature: OrgNature) => form.setFieldValue('orgNature', nature);
  const extra =
    chosen !== null ? (
      <span data-testid="af-orgNature-confirmed">{t('orgNature.confirmedHint')}</span>
    ) : suggestion ? (
      <Space size={4} wrap data-testid="af-orgNature-suggestion">
        <span>
          {t('orgNature.suggested', {
            nature: label(ORG_NATURES, suggestion.nature),
            basis: t(BASIS_KEYS[suggestion.basis]),
          })}
        </span>
        <Button
          type="link"
          size="small"
          onClick={() => take(suggestion.nature)}
          data-testid="af-orgNature-take"
        >
          {t('orgNature.take')}
        </Button>
      </Space>
    ) : (
      t('orgNature.unknownHint')
    );

  return (
    <Form.Item
      name="orgNature"
      label={
        <Space size={6}>
          {t('account.orgNature')}
          {chosen === null && <Tag color="warning">{t('orgNature.toConfirm')}</Tag>}
        </Space>
      }
      extra={extra}
    >
      <Select
        allowClear
        options={options(ORG_NATURES)}
        placeholder={
          suggestion
            ? t('orgNature.placeholderSuggested', { nature: label(ORG_NATURES, suggestion.nature) })
            : t('common.choose')
        }
        data-testid="af-orgNature"
      />
    </Form.Item>
  );
}
