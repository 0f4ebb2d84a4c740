/** Words for an account of the very same name: the hint, the confirmation and the history line. */
export const sameNameZh = {
  'dup.matchedSameName': '（名称完全相同）',
  'dup.sameNameHint': '已有同名客户：',
  'dup.sameTitle': '已有同名客户',
  'dup.sameBody':
    '“{name}”与下列客户的名称完全相同（不只是相近）。同一单位只应建一个客户档案：是同一单位请打开已有客户；只有确认是另一家单位时才保存。',
  'dup.sameConfirm': '我已核实：这不是“{name}”（编号 {id}），而是另一家单位',
  'dup.sameSave': '确认是不同单位并保存',
  'history.sameNameConfirmed': '已确认与同名客户“{names}”不是同一单位',
};

export const sameNameEn: Record<keyof typeof sameNameZh, string> = {
  'dup.matchedSameName': '(identical name)',
  'dup.sameNameHint': 'An account of the same name exists: ',
  'dup.sameTitle': 'An account of the same name exists',
  'dup.sameBody':
    '“{name}” is identical to the name of the account(s) below, not just similar. One organisation should have one account: if it is the same one, open it; save only if you have made sure it is another organisation.',
  'dup.sameConfirm': 'I have checked: this is not “{name}” (no. {id}) but another organisation',
  'dup.sameSave': 'Confirm it is another organisation and save',
  'history.sameNameConfirmed': 'Confirmed as another organisation than “{names}” of the same name',
};
