/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const contactsZh = {
  'contacts.add': '新增联系人',
  'contacts.edit': '编辑联系人',
  'contacts.empty': '还没有联系人',
  'contacts.saved': '已保存联系人“{name}”',
  'contacts.deleted': '已删除联系人“{name}”',
  'contacts.deleteConfirm': '删除联系人“{name}”及其个人信息？',
  'contacts.showPersonal': '查看个人信息',
  'contacts.hasPersonal': '已登记个人信息',
  'contacts.personalNote':
    '个人信息受《个人信息保护法》保护，仅客户服务团队（主销售、副销售）和经理可查看，每次查看都会被记录。',
  'contacts.personalTitle': '个人信息：{name}',
  'contacts.personalLogged': '本次查看已记入审计日志。',
  'contacts.personalForbiddenHint': '如确有需要，请联系该客户的负责人或大客户经理。',
};

export const contactsEn: Record<keyof typeof contactsZh, string> = {
  'contacts.add': 'Add contact',
  'contacts.edit': 'Edit contact',
  'contacts.empty': 'No contacts yet',
  'contacts.saved': 'Saved contact “{name}”',
  'contacts.deleted': 'Deleted contact “{name}”',
  'contacts.deleteConfirm': 'Delete contact “{name}” and their personal details?',
  'contacts.showPersonal': 'Show personal details',
  'contacts.hasPersonal': 'Personal details recorded',
  'contacts.personalNote':
    'Personal details are protected under PIPL: only the account’s team (owner, co-owners) and managers may view them, and every view is logged.',
  'contacts.personalTitle': 'Personal details: {name}',
  'contacts.personalLogged': 'This view has been recorded in the audit log.',
  'contacts.personalForbiddenHint': 'If you need them, ask the account owner or a KA manager.',
};
