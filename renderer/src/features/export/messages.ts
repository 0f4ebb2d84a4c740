/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const exportWordsZh = {
  'export.button': '导出',
  'export.xlsx': 'Excel (.xlsx)',
  'export.csv': 'CSV (UTF-8)',
  'export.title': '导出为 {format}',
  'export.preparing': '正在准备…',
  'export.progress': '已写入 {done} / {total} 行',
  'export.rate': '每秒 {rate} 行',
  'export.cancelling': '正在取消…',
  'export.cancelled': '已取消',
  'export.cancelledHint': '没有生成任何文件。',
  'export.rows': '已导出 {rows} 行',
  'export.saving': '请在对话框中选择保存位置…',
  'export.downloading': '正在下载…',
  'export.done': '导出完成',
  'export.savedTo': '已保存到：{path}',
  'export.downloaded': '已下载“{name}”',
  'export.notSaved': '文件尚未保存',
  'export.notSavedHint': '保存对话框已关闭。可以再次保存，文件会保留一段时间。',
  'export.saveAgain': '保存文件…',
  'export.retry': '重试',
  'export.contactsXlsx': '导出联系人 (.xlsx)',
  'export.contactsCsv': '导出联系人 (.csv)',
  'export.contactsScope': '导出当前视图中各客户的联系人（按当前的筛选和搜索），每个联系人一行。',
  'export.contactsPersonal': '包含联系人个人信息（生日、籍贯、爱好等）',
  'export.contactsPipl':
    '这些属于《个人信息保护法》保护的个人信息：请只在确有需要时导出，并妥善保管文件。',
  'export.contactsPersonalOwn':
    '勾选后，只有您所在服务团队（主销售或副销售）的客户的联系人会包含个人信息，其他联系人不含。',
  'export.contactsPersonalAll': '勾选后，所有客户的联系人都会包含个人信息（您是{role}）。',
  'export.contactsAudited': '本次导出会记入审计日志。',
};

export const exportWordsEn: Record<keyof typeof exportWordsZh, string> = {
  'export.button': 'Export',
  'export.xlsx': 'Excel (.xlsx)',
  'export.csv': 'CSV (UTF-8)',
  'export.title': 'Export as {format}',
  'export.preparing': 'Preparing…',
  'export.progress': '{done} of {total} rows written',
  'export.rate': '{rate} rows per second',
  'export.cancelling': 'Cancelling…',
  'export.cancelled': 'Cancelled',
  'export.cancelledHint': 'No file was created.',
  'export.rows': 'Exported {rows} rows',
  'export.saving': 'Choose where to save the file…',
  'export.downloading': 'Downloading…',
  'export.done': 'Export complete',
  'export.savedTo': 'Saved to {path}',
  'export.downloaded': 'Downloaded “{name}”',
  'export.notSaved': 'The file has not been saved',
  'export.notSavedHint': 'The save dialog was closed. You can still save the file for a while.',
  'export.saveAgain': 'Save file…',
  'export.retry': 'Retry',
  'export.contactsXlsx': 'Export contacts (.xlsx)',
  'export.contactsCsv': 'Export contacts (.csv)',
  'export.contactsScope':
    'Exports the contacts of the accounts in the current view (its filters and search), one row per contact.',
  'export.contactsPersonal':
    'Include the personal details of contacts (birthday, hometown, hobbies …)',
  'export.contactsPipl':
    'These are personal information under PIPL: export them only when you need them, and keep the file safe.',
  'export.contactsPersonalOwn':
    'If ticked, only contacts of accounts on whose team you are (owner or co-owner) get their personal details; the others are exported without them.',
  'export.contactsPersonalAll':
    'If ticked, the contacts of every account get their personal details (you are {role}).',
  'export.contactsAudited': 'This export is recorded in the audit log.',
};
