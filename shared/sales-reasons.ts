/**
 * Words for the sales workflows' rule codes (field issue codes and error `details.kind`), in both
 * languages: the UI shows them (as `reason.<code>` messages) and imports write them into their
 * reports and rejected-rows files. A new rule needs one line here.
 */
import type { Label } from './enums';

export const SALES_REASONS = {
  'account.missing': {
    zh: '客户不存在或已被删除',
    en: 'The account does not exist or was deleted',
  },
  'contact.duplicate': { zh: '同一联系人出现了两次', en: 'A contact is listed twice' },
  'contact.other_account': {
    zh: '联系人不属于该客户',
    en: 'The contact is not one of this account',
  },
  'stage.lost_reason': { zh: '丢单必须选择原因', en: 'A lost opportunity needs a reason' },
  'stage.won_contract': {
    zh: '赢单需要关联本商机已生效的合同',
    en: 'Won needs a final contract of this opportunity',
  },
  'stage.won_final': {
    zh: '商机已赢单并关闭，如有新需求请新建商机',
    en: 'This opportunity is won and closed; open a new one for new business',
  },
  'opportunity.in_use': {
    zh: '该商机已有招标、合同或活动记录，不能删除，请改为丢单或放弃',
    en: 'This opportunity has tenders, contracts or activities; close it as lost or abandoned instead',
  },
  account_locked: {
    zh: '该商机已有招标或合同，不能改到其他客户名下',
    en: 'An opportunity with tenders or contracts stays with its account',
  },
  has_sales_records: {
    zh: '该客户已有商机、招标、合同或活动记录，不能删除',
    en: 'This account has opportunities, tenders, contracts or activities and cannot be deleted',
  },
  'tender.project_taken': { zh: '该项目编号已登记', en: 'This project number is already recorded' },
  'tender.opportunity_other_account': {
    zh: '所选商机不属于该采购人',
    en: 'The opportunity belongs to another account',
  },
  'tender.lot_duplicate': { zh: '包号重复', en: 'Two lots have the same number' },
  'tender.lot_decided': {
    zh: '该包已有结果，不能删除',
    en: 'This lot has a result and cannot be removed',
  },
  'tender.announced_before_intention': {
    zh: '公告日期早于采购意向日期',
    en: 'The announcement is before the procurement intention',
  },
  'tender.sale_before_announcement': {
    zh: '标书发售早于公告日期',
    en: 'The document sale starts before the announcement',
  },
  'tender.sale_end_before_start': {
    zh: '标书发售截止早于开始日期',
    en: 'The document sale ends before it starts',
  },
  'tender.deadline_before_announcement': {
    zh: '投标截止早于公告日期',
    en: 'The bid deadline is before the announcement',
  },
  'tender.sale_after_deadline': {
    zh: '标书发售截止晚于投标截止时间',
    en: 'The document sale ends after the bid deadline',
  },
  'tender.opening_before_deadline': {
    zh: '开标时间早于投标截止时间',
    en: 'The opening is before the bid deadline',
  },
  'tender.award_before_opening': {
    zh: '定标不能早于开标：请先确认开标时间，开标之后才能录入结果',
    en: 'An award cannot come before the opening: record the opening time; results come after it',
  },
  'tender.publicity_before_opening': {
    zh: '公示截止早于开标日期',
    en: 'The publicity ends before the opening',
  },
  'tender.refund_before_payment': {
    zh: '保证金退回日期早于缴纳日期',
    en: 'The bond is refunded before it was paid',
  },
  'tender.refund_without_payment': {
    zh: '尚未缴纳保证金，不能登记退回',
    en: 'No bond was paid, so none can be refunded',
  },
  'tender.amendment_empty': { zh: '更正公告没有改变任何内容', en: 'The amendment changes nothing' },
  'tender.amendment_before_announcement': {
    zh: '更正公告日期早于原公告日期',
    en: 'The amendment is dated before the announcement',
  },
  'tender.closed': {
    zh: '该项目已流标或终止，不能再修改',
    en: 'This tender failed or was cancelled; it can no longer change',
  },
  'tender.awarded': { zh: '该项目已定标', en: 'This tender is already awarded' },
  'tender.not_announced': {
    zh: '该项目尚未发布公告，无法录入结果',
    en: 'This tender has not been announced; there are no results yet',
  },
  'tender.in_use': {
    zh: '已有合同关联该招标项目，不能删除',
    en: 'A contract refers to this tender; it cannot be deleted',
  },
  'date.future': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'price.floor_above_retail': {
    zh: '政策底价不能高于市场零售价',
    en: 'The floor cannot be above the retail price',
  },
  'price.model_taken': {
    zh: '该车型配置已在价格表中',
    en: 'This model and configuration are already on the price list',
  },
  'price.missing': { zh: '价格表中没有该车型', en: 'The model is not on the price list' },
  'price.above_retail': {
    zh: '成交单价高于市场零售价，不允许',
    en: 'The unit price is above the market retail price: not allowed',
  },
  'price.in_use': {
    zh: '该车型已被合同引用，不能删除，可修改价格',
    en: 'Contracts use this model; change its prices instead of deleting it',
  },
  'contract.number_taken': {
    zh: '该合同编号已登记',
    en: 'This contract number is already recorded',
  },
  'contract.system_account': {
    zh: '系统统一合同的客户必须是“B类 系统采购”的总部单位',
    en: 'A unified system contract is signed with a head office of buyer type System procurement',
  },
  'contract.opportunity_other_account': {
    zh: '所选商机不属于该客户',
    en: 'The opportunity belongs to another account',
  },
  'contract.tender_other_account': {
    zh: '所选招标项目的采购人不是该客户',
    en: 'The tender was held by another purchaser',
  },
  'contract.final': {
    zh: '合同已生效，不能再修改',
    en: 'The contract is final and can no longer change',
  },
  'contract.cancelled': { zh: '合同已作废', en: 'The contract is cancelled' },
  'contract.account_locked': {
    zh: '已有分配的合同不能更换总部单位',
    en: 'A contract with allocations cannot change its head office',
  },
  'contract.kind_locked': {
    zh: '已有分配的合同不能改变类型',
    en: 'A contract with allocations cannot change its kind',
  },
  'contract.line_allocated': {
    zh: '该明细已分配到下属单位，请先删除分配',
    en: 'This line is allocated to units; remove the allocations first',
  },
  'contract.has_deliveries': {
    zh: '合同已有交车或发票，不能作废',
    en: 'The contract has deliveries or invoices and cannot be cancelled',
  },
  'contract.signed_on_missing': { zh: '请填写合同签订日期', en: 'Enter the signing date' },
  'contract.approval_missing': {
    zh: '有低于政策底价的单价，需经理审批通过后才能生效',
    en: 'A unit price is below the policy floor: a manager must approve it before the contract is final',
  },
  'contract.approval_pending': {
    zh: '价格审批尚在等待经理处理',
    en: 'The price approval is waiting for a manager',
  },
  'contract.tender_not_won': {
    zh: '关联的招标项目尚未由我方中标',
    en: 'The linked tender has not been won by us',
  },
  'approval.not_needed': {
    zh: '所有单价都不低于底价，无需审批',
    en: 'No price is below the floor; no approval is needed',
  },
  'approval.pending': {
    zh: '已有一个审批申请在等待处理',
    en: 'An approval request is already waiting',
  },
  'approval.decided': { zh: '该申请已处理', en: 'This request has already been decided' },
  'approval.self': {
    zh: '价格审批须由申请人以外的经理处理',
    en: 'A price approval is decided by another manager than the requester',
  },
  'allocation.not_system': {
    zh: '只有系统统一合同才分配到下属单位',
    en: 'Only unified system contracts allocate to subordinate units',
  },
  'allocation.line_missing': {
    zh: '该明细不属于此合同',
    en: 'The line is not one of this contract',
  },
  'allocation.not_subordinate': {
    zh: '该单位不是合同总部的下属单位',
    en: 'The unit is not a subordinate unit of the head office',
  },
  'allocation.exceeds_line': {
    zh: '分配数量超过合同台数',
    en: 'More units allocated than contracted',
  },
  'allocation.below_delivered': {
    zh: '分配数量少于该单位已交车数量',
    en: 'Fewer units than already delivered to this unit',
  },
  'allocation.in_use': {
    zh: '该分配已有交车或发票，不能删除',
    en: 'This allocation has deliveries or invoices',
  },
  'delivery.contract_not_final': {
    zh: '合同生效后才能登记交车',
    en: 'Deliveries are recorded against a final contract',
  },
  'delivery.line_missing': { zh: '该明细不属于此合同', en: 'The line is not one of this contract' },
  'delivery.before_signing': {
    zh: '交车日期早于合同签订日期',
    en: 'The delivery is before the contract was signed',
  },
  'delivery.exceeds_contract': {
    zh: '交车数量不能超过合同台数',
    en: 'More units delivered than contracted',
  },
  'delivery.exceeds_allocation': {
    zh: '交车数量不能超过分配给该单位的台数',
    en: 'More units delivered than allocated to this unit',
  },
  'delivery.allocation_missing': {
    zh: '系统采购须选择交车的下属单位（分配）',
    en: 'A system contract delivers to a subordinate unit: choose its allocation',
  },
  'delivery.invoiced': {
    zh: '该车已开票，请先删除发票',
    en: 'This vehicle is invoiced; remove the invoice first',
  },
  'vin.length': { zh: 'VIN 必须是 17 位', en: 'A VIN has 17 characters' },
  'vin.forbidden_letter': { zh: 'VIN 不能包含字母 I、O、Q', en: 'A VIN never contains I, O or Q' },
  'vin.characters': {
    zh: 'VIN 只能包含数字和大写字母',
    en: 'A VIN has only digits and capital letters',
  },
  'vin.check_digit': {
    zh: 'VIN 第9位校验位不正确（进口车无校验位时可勾选确认）',
    en: 'The check character (position 9) is wrong; tick the box for an imported vehicle without one',
  },
  'vin.taken': { zh: '该 VIN 已登记交车', en: 'This VIN is already delivered' },
  'invoice.contract_not_final': {
    zh: '合同生效后才能登记发票',
    en: 'Invoices are recorded against a final contract',
  },
  'invoice.number_taken': { zh: '该发票号码已登记', en: 'This invoice number is already recorded' },
  'invoice.allocation_missing': {
    zh: '该分配不属于此合同',
    en: 'The allocation is not one of this contract',
  },
  'invoice.vin_other_contract': {
    zh: '发票上的车辆必须是本合同交付的车辆',
    en: 'Every vehicle on the invoice must be delivered under this contract',
  },
  'invoice.vin_invoiced': { zh: '有车辆已开过发票', en: 'A vehicle is already on another invoice' },
  'invoice.vin_other_unit': {
    zh: '有车辆交付给了其他下属单位',
    en: 'A vehicle was delivered to another unit',
  },
  'invoice.exceeds_contract': {
    zh: '发票金额合计超过合同金额',
    en: 'Invoices would total more than the contract',
  },
  'follow_up.done': { zh: '该回访已记录', en: 'This follow-up is already recorded' },
  'follow_up.duplicate_days': { zh: '回访天数重复', en: 'A follow-up day is listed twice' },
  'probabilities.not_increasing': {
    zh: '赢率应随阶段递增',
    en: 'Win rates should rise from stage to stage',
  },
  'activity.opportunity_other_account': {
    zh: '所选商机不属于该客户',
    en: 'The opportunity belongs to another account',
  },
  'activity.next_before_activity': {
    zh: '下一步日期早于活动日期',
    en: 'The next step is dated before the activity',
  },
  'activity.not_author': {
    zh: '只有记录人或经理可以修改该活动',
    en: 'Only its author or a manager can change this activity',
  },
  'activity.no_next_step': { zh: '该活动没有下一步行动', en: 'This activity has no next step' },
  'range.reversed': { zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
  'range.too_long': {
    zh: '日期范围不能超过 400 天',
    en: 'The range cannot be longer than 400 days',
  },
  'mapping.project_no_required': {
    zh: '请为“项目编号”选择一列',
    en: 'Map a column to “Project no.”',
  },
  'mapping.model_required': { zh: '请为“车型”选择一列', en: 'Map a column to “Model”' },
  'mapping.retail_required': {
    zh: '请为“市场零售价”选择一列',
    en: 'Map a column to “Retail price”',
  },
  'mapping.floor_required': {
    zh: '请为“政策底价”选择一列',
    en: 'Map a column to “Policy floor”',
  },
} as const satisfies Record<string, Label>;
export type SalesReasonCode = keyof typeof SALES_REASONS;

export function isSalesReason(code: string): code is SalesReasonCode {
  return Object.prototype.hasOwnProperty.call(SALES_REASONS, code);
}
