/** The opportunity's contacts in the form: chosen among the account's contacts, with purchase roles. */
import { Form, type FormInstance, Select } from 'antd';
import { useEffect, useState } from 'react';
import { PURCHASE_ROLES } from '../../../../shared/enums';
import type { Contact } from '../../../../shared/schemas/contacts';
import { call } from '../../api/client';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { useEnumOptions, useT } from '../../i18n/context';
import type { OpportunityFormValues } from './opportunity-form-values';

/** The contacts of the chosen account; null while they load. */
function useAccountContacts(accountId: number | null): Contact[] | null {
  const [loaded, setLoaded] = useState<{ accountId: number; contacts: Contact[] } | null>(null);
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void call('contacts.list', { accountId }).then((r) => {
      if (live) setLoaded({ accountId, contacts: r.ok ? r.value : [] });
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  if (accountId === null) return [];
  return loaded?.accountId === accountId ? loaded.contacts : null;
}

export function ContactsField(props: {
  form: FormInstance<OpportunityFormValues>;
  accountId: number | null;
  chosen: OpportunityFormValues['contacts'] | undefined;
}) {
  const { form, accountId, chosen } = props;
  const t = useT();
  const options = useEnumOptions();
  const contacts = useAccountContacts(accountId);
  const taken = new Set((chosen ?? []).map((c) => c?.contactId));
  const free = (contacts ?? []).filter((c) => !taken.has(c.id));

  const hint =
    accountId === null
      ? t('opp.chooseAccountFirst')
      : contacts !== null && contacts.length === 0
        ? t('opp.noContacts')
        : null;

  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <div className="form-list form-grid__wide" data-testid="of-contacts">
          {fields.map((field, i) => (
            <div key={field.key} className="opp-contact-row">
              <Form.Item
                name={[field.name, 'contactId']}
                rules={[{ required: true, message: t('val.required') }]}
              >
                <Select<number>
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={contacts === null}
                  placeholder={t('opp.contactName')}
                  options={(contacts ?? []).map((c) => ({
                    value: c.id,
                    label: c.title
                      ? t('opp.contactWithTitle', { name: c.name, title: c.title })
                      : c.name,
                    disabled: taken.has(c.id) && chosen?.[field.name]?.contactId !== c.id,
                  }))}
                  onChange={(id) => {
                    // The contact's usual role is the likely role in this purchase too.
                    const role = contacts?.find((c) => c.id === id)?.purchaseRole ?? null;
                    if (role && !form.getFieldValue(['contacts', field.name, 'role']))
                      form.setFieldValue(['contacts', field.name, 'role'], role);
                  }}
                  data-testid={`of-contact-${i}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'role']}>
                <Select
                  allowClear
                  placeholder={t('opp.contactRole')}
                  options={options(PURCHASE_ROLES)}
                  data-testid={`of-contact-role-${i}`}
                />
              </Form.Item>
              <RemoveRowButton
                onClick={() => remove(field.name)}
                testId={`of-contact-remove-${i}`}
              />
            </div>
          ))}
          <div className="opp-list-foot">
            {/* Offered only while the account has a contact not yet listed. */}
            {free.length > 0 && (
              <AddRowButton
                onClick={() => add({ contactId: null, role: null })}
                testId="of-contact-add"
              >
                {t('opp.addContact')}
              </AddRowButton>
            )}
            {hint && <span className="opp-muted">{hint}</span>}
          </div>
        </div>
      )}
    </Form.List>
  );
}
