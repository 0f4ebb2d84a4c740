/** Price approvals across contracts: 我的今天, the menu count and the requester's notice. */
export const approvalsZh = {
  'approvals.toDecide': '待我审批的低价',
  'approvals.toDecideHint': '低于底价的合同价格，需另一位经理批准',
  'approvals.noneToDecide': '没有待审批的低价申请',
  'approvals.decisions': '我的低价申请结果',
  'approvals.decisionsHint': '近 {n} 天的审批结果',
  'approvals.requestedBy': '{name} 申请 · {lines} 行低于底价',
  'approvals.decidedBy': '{name} {state}',
  'approvals.open': '查看合同',
  'approvals.menuCount': '{n} 个低价申请待审批',
  'approvals.approvedTitle': '低价申请已批准',
  'approvals.rejectedTitle': '低价申请被驳回',
  'approvals.decidedBody': '合同的低价审批已有结果，可打开合同查看。',
} as const;

export const approvalsEn: Record<keyof typeof approvalsZh, string> = {
  'approvals.toDecide': 'Prices waiting for my approval',
  'approvals.toDecideHint': 'Contract prices below the floor need another manager’s approval',
  'approvals.noneToDecide': 'No below-floor price waits for approval',
  'approvals.decisions': 'Decisions on my price requests',
  'approvals.decisionsHint': 'Decided in the last {n} days',
  'approvals.requestedBy': 'asked by {name} · {lines} lines below the floor',
  'approvals.decidedBy': '{state} by {name}',
  'approvals.open': 'Open contract',
  'approvals.menuCount': '{n} below-floor price requests wait for approval',
  'approvals.approvedTitle': 'Below-floor price approved',
  'approvals.rejectedTitle': 'Below-floor price rejected',
  'approvals.decidedBody': 'A manager decided on your price request; open the contract to see it.',
};
