/** Translated names of account, contact and personal-detail fields (change history, error messages). */
import type { MessageKey } from '../../i18n/messages-zh';

export const ACCOUNT_FIELD_KEYS: Record<string, MessageKey> = {
  name: 'account.name',
  uscc: 'account.uscc',
  aliases: 'account.aliases',
  buyerType: 'account.buyerType',
  industry: 'account.industry',
  provinceCode: 'account.province',
  cityCode: 'account.city',
  districtCode: 'account.district',
  address: 'account.address',
  parent: 'account.parent',
  grade: 'account.grade',
  valueType: 'account.valueType',
  lifecycle: 'account.lifecycle',
  source: 'account.source',
  owner: 'account.owner',
  fleet: 'account.fleet',
  notes: 'account.notes',
};

export const CONTACT_FIELD_KEYS: Record<string, MessageKey> = {
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

export const PERSONAL_FIELD_KEYS: Record<string, MessageKey> = {
  birthday: 'personal.birthday',
  hometown: 'personal.hometown',
  education: 'personal.education',
  hobbies: 'personal.hobbies',
  schedule: 'personal.schedule',
  careerGoals: 'personal.careerGoals',
  family: 'personal.family',
  notes: 'personal.notes',
};

export const ACTION_KEYS: Record<string, MessageKey> = {
  'account.create': 'history.account.create',
  'account.update': 'history.account.update',
  'account.delete': 'history.account.delete',
  'contact.create': 'history.contact.create',
  'contact.update': 'history.contact.update',
  'contact.delete': 'history.contact.delete',
  'contact.personal.read': 'history.contact.personal.read',
  'contact.personal.update': 'history.contact.personal.update',
};
