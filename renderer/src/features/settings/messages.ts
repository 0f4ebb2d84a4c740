/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const settingsZh = {
  'nav.settings': '销售设置',
  'settings.importPrices': '从 Excel 导入',

  'settings.readOnly': '销售设置由经理或系统管理员修改；您可以查看，如需调整请联系经理。',
  'settings.loadFailed': '无法加载销售设置',
  'settings.saved': '设置已保存',
  'settings.tabPrices': '价格表',
  'settings.tabProbabilities': '阶段赢率',
  'settings.tabFollowUps': '回访与提醒',
  'settings.tabKpi': 'KPI 目标',

  // Price list
  'settings.priceSearch': '搜索车型或配置',
  'settings.priceNew': '新增车型',
  'settings.priceEdit': '修改车型价格',
  'settings.priceTotal': '共 {n} 个车型',
  'settings.pricesEmpty': '价格表还是空的：请先添加车型，合同明细从价格表中选择车型',
  'settings.pricesNoMatch': '没有匹配的车型',
  'settings.model': '车型',
  'settings.modelPlaceholder': '如 帕萨特',
  'settings.configuration': '配置',
  'settings.configurationPlaceholder': '如 330TSI 精英版',
  'settings.retail': '市场零售价',
  'settings.retailHint': '大客户成交单价不得高于市场零售价',
  'settings.floor': '政策底价',
  'settings.floorHint': '低于底价的成交单价需经理审批（报批）',
  'settings.room': '可让利空间',
  'settings.updatedAt': '更新时间',
  'settings.priceSaved': '{model} 的价格已保存',
  'settings.priceDeleted': '已从价格表删除 {model}',
  'settings.priceDeleteConfirm': '从价格表删除 {model}？已被合同引用的车型不能删除。',

  // Stage probabilities
  'settings.probabilitiesIntro':
    '各阶段的赢率用于商机加权预测（金额 × 赢率）。赢率应随阶段递增；赢单、丢单、放弃为固定值。',
  'settings.stageInterest': '客户分析',
  'settings.stageBrewing': '建立信任',
  'settings.stageDesign': '挖掘需求',
  'settings.stageComparison': '与竞品比较、展示价值',
  'settings.stageCommitment': '赢得客户承诺',
  'settings.stageInUse': '合同签订、交车、回款',
  'settings.stageFixed': '固定值',
  'settings.restoreDefaults': '恢复默认值',

  // Follow-ups and reminders
  'settings.followUpDays': '交车回访（交车后第几天）',
  'settings.followUpDaysHint': '每次交车后按这些天数安排回访，最多 {max} 个；输入天数后按回车',
  'settings.followUpDaysPlaceholder': '如 7、30',
  'settings.followUpDaysInvalid': '回访天数应为 1–365 的整数',
  'settings.followUpDaysTooMany': '最多 {max} 个回访节点',
  'settings.daysAfterDelivery': '第 {days} 天',
  'settings.reminderHours': '提前提醒',
  'settings.reminderHoursHint': '截止事项（开标、交车、回访等）在到期前这么久开始提醒',
  'settings.hours': '小时',
  'settings.dealerName': '经销店名称',
  'settings.dealerNameHint': '打印在合同和报表上',
  'settings.dealerNamePlaceholder': '如 杭州某某汽车销售服务有限公司',

  // KPI targets
  'settings.kpiIntro':
    '每个工作日的活动目标。未单独设置的员工使用默认目标；员工的个人目标完整替代默认目标，留空的类型没有目标。',
  'settings.kpiFor': '目标适用于',
  'settings.kpiDefaults': '默认目标（所有员工）',
  'settings.kpiOwnSets': '已单独设置：',
  'settings.kpiUsesDefaults': '{name} 目前沿用默认目标；保存后将为其单独设置',
  'settings.perDay': '次/天',
  'settings.kpiClear': '取消个人目标，沿用默认',
  'settings.kpiCleared': '{name} 已改为沿用默认目标',
} as const;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'nav.settings': 'Sales settings',
  'settings.importPrices': 'Import from Excel',

  'settings.readOnly':
    'Managers and administrators change the sales settings; you can view them. Ask a manager for a change.',
  'settings.loadFailed': 'The sales settings could not be loaded',
  'settings.saved': 'Settings saved',
  'settings.tabPrices': 'Price list',
  'settings.tabProbabilities': 'Stage win rates',
  'settings.tabFollowUps': 'Follow-ups and reminders',
  'settings.tabKpi': 'KPI targets',

  'settings.priceSearch': 'Search model or configuration',
  'settings.priceNew': 'Add model',
  'settings.priceEdit': 'Change model prices',
  'settings.priceTotal': '{n} models',
  'settings.pricesEmpty':
    'The price list is empty: add models first; contract lines pick their model from it',
  'settings.pricesNoMatch': 'No matching model',
  'settings.model': 'Model',
  'settings.modelPlaceholder': 'e.g. Passat',
  'settings.configuration': 'Configuration',
  'settings.configurationPlaceholder': 'e.g. 330TSI Elite',
  'settings.retail': 'Retail price',
  'settings.retailHint': 'A fleet unit price may not exceed the market retail price',
  'settings.floor': 'Policy floor',
  'settings.floorHint': 'A unit price below the floor needs a manager’s approval',
  'settings.room': 'Discount room',
  'settings.updatedAt': 'Updated',
  'settings.priceSaved': 'Prices of {model} saved',
  'settings.priceDeleted': '{model} removed from the price list',
  'settings.priceDeleteConfirm':
    'Remove {model} from the price list? Models used by contracts cannot be removed.',

  'settings.probabilitiesIntro':
    'Stage win rates weight the pipeline forecast (amount × rate). They rise from stage to stage; won, lost and abandoned are fixed.',
  'settings.stageInterest': 'Customer analysis',
  'settings.stageBrewing': 'Building trust',
  'settings.stageDesign': 'Digging out needs',
  'settings.stageComparison': 'Presenting value against competitors',
  'settings.stageCommitment': 'Winning the commitment',
  'settings.stageInUse': 'Contract signed, delivery, payment',
  'settings.stageFixed': 'Fixed',
  'settings.restoreDefaults': 'Restore defaults',

  'settings.followUpDays': 'Follow-ups (days after delivery)',
  'settings.followUpDaysHint':
    'Each delivery schedules a follow-up after each of these days, at most {max}; type a number and press Enter',
  'settings.followUpDaysPlaceholder': 'e.g. 7, 30',
  'settings.followUpDaysInvalid': 'Follow-up days are whole numbers from 1 to 365',
  'settings.followUpDaysTooMany': 'At most {max} follow-ups',
  'settings.daysAfterDelivery': 'day {days}',
  'settings.reminderHours': 'Remind ahead',
  'settings.reminderHoursHint':
    'Due items (openings, deliveries, follow-ups …) are reminded this long before they are due',
  'settings.hours': 'hours',
  'settings.dealerName': 'Dealership name',
  'settings.dealerNameHint': 'Printed on contracts and reports',
  'settings.dealerNamePlaceholder': 'e.g. Hangzhou XYZ Auto Sales & Service Co., Ltd.',

  'settings.kpiIntro':
    'Activity targets per workday. Staff without their own targets use the defaults; own targets replace the defaults entirely, and an empty type has no target.',
  'settings.kpiFor': 'Targets for',
  'settings.kpiDefaults': 'Defaults (everyone)',
  'settings.kpiOwnSets': 'Own targets:',
  'settings.kpiUsesDefaults': '{name} uses the defaults now; saving sets their own targets',
  'settings.perDay': 'per day',
  'settings.kpiClear': 'Drop own targets, use the defaults',
  'settings.kpiCleared': '{name} now uses the default targets',
};
