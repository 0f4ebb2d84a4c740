/** The fields a contact list can be imported into, with the header wordings each one goes by. */
import type { Synonyms } from './headers';

export const CONTACT_IMPORT_FIELDS = [
  'account',
  'accountUscc',
  'contactName',
  'title',
  'department',
  'level',
  'purchaseRole',
  'attitude',
  'phone',
  'email',
  'contactNotes',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

export const CONTACT_HEADER_SYNONYMS: Synonyms<ContactImportField> = {
  account: [
    '客户名称',
    '单位名称',
    '所属客户',
    '所属单位',
    '工作单位',
    '公司',
    'account',
    'company',
    'organization',
  ],
  accountUscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'credit code'],
  contactName: ['联系人姓名', '联系人', '姓名', '名字', 'contact name', 'contact', 'name'],
  title: ['职务', '职位', '头衔', 'title', 'position', 'job title'],
  department: ['部门', '科室', '处室', 'department', 'dept'],
  level: ['层级', '级别', '联系人层级', 'level'],
  purchaseRole: ['采购角色', '角色', '采购中的角色', 'purchase role', 'role'],
  attitude: ['态度', '对我方态度', '立场', 'attitude', 'stance'],
  phone: ['联系电话', '手机号码', '手机', '电话', '座机', 'phone', 'mobile', 'tel', 'telephone'],
  email: ['电子邮箱', '邮箱', '电子邮件', 'email', 'e-mail', 'mail'],
  contactNotes: ['备注', '说明', 'notes', 'remarks', 'remark'],
};
