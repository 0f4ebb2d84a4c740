/** Words for the account history entries written when an account follows its deals. */
export const dealHistoryZh = {
  'history.account.lifecycle': '阶段随成交变化',
  'history.account.fleet': '保有车辆随交车变化',
  'deal.cause.contract.final': '依据：合同 {contractNo} 生效',
  'deal.cause.delivery': '依据：合同 {contractNo} 交车 {count} 台（{date}）',
  'deal.cause.delivery.removed': '依据：合同 {contractNo} 删除交车记录（{date}）',
  'deal.fleetLine': '{brand} {model}（{year}年）：{before} → {after} 台',
  'deal.brandUnset': '未设置本店经营品牌，保有车辆未更新（系统设置 → 经销商信息）',
  'deal.vins': '车架号：{vins}',
  'upgrade.lifecycleFromDeals':
    '客户阶段随以往成交更新：{won} 个客户改为“成交”，{retained} 个改为“保有”；{kept} 个客户的阶段是成交后由人设定的，保持不变。变更记录中注明了依据的合同。',
};

export const dealHistoryEn: Record<keyof typeof dealHistoryZh, string> = {
  'history.account.lifecycle': 'Stage follows a deal',
  'history.account.fleet': 'Fleet follows deliveries',
  'deal.cause.contract.final': 'Because contract {contractNo} was made final',
  'deal.cause.delivery': 'Because contract {contractNo} delivered {count} vehicle(s) ({date})',
  'deal.cause.delivery.removed': 'Because a delivery of contract {contractNo} was removed ({date})',
  'deal.fleetLine': '{brand} {model} ({year}): {before} → {after}',
  'deal.brandUnset': 'Our brand is not set, so the fleet was not updated (Settings → Dealership)',
  'deal.vins': 'VIN: {vins}',
  'upgrade.lifecycleFromDeals':
    'Account stages now follow earlier deals: {won} accounts became Won and {retained} Retained; {kept} kept the stage a person set after the deal. Each account’s history names the contract.',
};
