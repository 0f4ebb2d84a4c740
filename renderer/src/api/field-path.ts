/** Server field paths (`account.fleet.0.count`) as the user knows the field (车辆保有 第1行 数量). */
import {
  ACCOUNT_FIELD_KEYS,
  ALIAS_FIELD_KEYS,
  CONTACT_FIELD_KEYS,
  type FieldKeys,
  FLEET_FIELD_KEYS,
  PERSONAL_FIELD_KEYS,
  STAFF_FIELD_KEYS,
} from '../i18n/field-labels';
import type { Translate } from '../i18n/translate';

/** Inputs that wrap their record in a named object (accounts.create, contacts.setPersonal). */
const SCOPES: Readonly<Record<string, FieldKeys>> = {
  account: ACCOUNT_FIELD_KEYS,
  personal: PERSONAL_FIELD_KEYS,
};

/** Lists whose rows have fields of their own. */
const NESTED: Readonly<Record<string, FieldKeys>> = {
  aliases: ALIAS_FIELD_KEYS,
  fleet: FLEET_FIELD_KEYS,
};

// Contact and staff inputs are flat; where their field names overlap the labels agree.
const FLAT: FieldKeys = { ...CONTACT_FIELD_KEYS, ...STAFF_FIELD_KEYS };

/** The translated label of a field path, or null when some part of it has no label. */
export function fieldLabel(path: string, t: Translate): string | null {
  const parts = path.split('.').filter((p) => p !== '');
  const scope = parts[0] === undefined ? undefined : SCOPES[parts[0]];
  if (scope) parts.shift();
  if (parts.length === 0) return null;
  let table: FieldKeys = scope ?? FLAT;
  const words: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      words.push(t('field.row', { n: Number(part) + 1 }));
      continue;
    }
    const key = table[part];
    if (!key) return null;
    words.push(t(key));
    table = NESTED[part] ?? {};
  }
  return words.join(t('field.sep'));
}
