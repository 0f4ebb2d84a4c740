/** Translated names of record fields, shared by the change history and error messages. */
import type { MessageKey } from './messages-zh';

export type FieldKeys = Readonly<Record<string, MessageKey>>;

export const ACCOUNT_FIELD_KEYS: FieldKeys = {
  name: 'account.name',
  uscc: 'account.uscc',
  aliases: 'account.aliases',
  buyerType: 'account.buyerType',
  industry: 'account.industry',
  orgNature: 'account.orgNature',
  orgNatureState: 'account.orgNatureState',
  provinceCode: 'account.province',
  cityCode: 'account.city',
  districtCode: 'account.district',
  // Imports record a region change as one label (浙江省 / 杭州市).
  region: 'account.region',
  address: 'account.address',
  parent: 'account.parent',
  parentId: 'account.parent',
  grade: 'account.grade',
  valueType: 'account.valueType',
  lifecycle: 'account.lifecycle',
  source: 'account.source',
  owner: 'account.owner',
  ownerId: 'account.owner',
  coOwners: 'account.coOwners',
  fleet: 'account.fleet',
  notes: 'account.notes',
};

export const ALIAS_FIELD_KEYS: FieldKeys = {
  alias: 'field.aliasText',
  kind: 'field.aliasKind',
};

export const FLEET_FIELD_KEYS: FieldKeys = {
  brand: 'fleet.brand',
  model: 'fleet.model',
  count: 'fleet.count',
  year: 'fleet.year',
};

export const CONTACT_FIELD_KEYS: FieldKeys = {
  name: 'contact.name',
  title: 'contact.title',
  department: 'contact.department',
  level: 'contact.level',
  purchaseRole: 'contact.purchaseRole',
  attitude: 'contact.attitude',
  phone: 'contact.phone',
  email: 'contact.email',
  notes: 'contact.notes',
};

export const PERSONAL_FIELD_KEYS: FieldKeys = {
  birthday: 'personal.birthday',
  hometown: 'personal.hometown',
  education: 'personal.education',
  hobbies: 'personal.hobbies',
  schedule: 'personal.schedule',
  careerGoals: 'personal.careerGoals',
  family: 'personal.family',
  notes: 'personal.notes',
};

export const STAFF_FIELD_KEYS: FieldKeys = {
  name: 'staff.name',
  role: 'staff.role',
  phone: 'staff.phone',
  email: 'staff.email',
  active: 'staff.status',
};
