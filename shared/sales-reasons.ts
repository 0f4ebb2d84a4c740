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
  'tender.schedule_needs_amendment': {
    zh: '公告已发布，公告中的日期和信息不能直接修改：请点「更正公告」记录更正，原值会保留在更正记录中',
    en: 'The tender is announced: its published dates change only through an amendment — use “Amendment” to record it, and the old value stays on record',
  },
  'tender.schedule_final': {
    zh: '该项目已定标或已结束，公告中的日期和信息不能再修改',
    en: 'This tender is awarded or closed; its published dates can no longer change',
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
  'contract_number.pattern_empty': {
    zh: '请填写合同编号规则，例如 HT{yyyy}-{seq:4}',
    en: 'Enter a numbering pattern, e.g. HT{yyyy}-{seq:4}',
  },
  'contract_number.pattern_token': {
    zh: '规则中有无法识别的占位符：只能用 {yyyy} {yy} {mm} {seq:N}，花括号要成对',
    en: 'Unknown placeholder: use only {yyyy} {yy} {mm} {seq:N}, with matching braces',
  },
  'contract_number.pattern_no_seq': {
    zh: '规则中须有流水号 {seq:N}，否则编号会重复',
    en: 'The pattern needs a sequence {seq:N}, or numbers would repeat',
  },
  'contract_number.pattern_two_seq': {
    zh: '规则中只能有一个流水号 {seq:N}',
    en: 'The pattern can have only one sequence {seq:N}',
  },
  'contract_number.pattern_seq_width': {
    zh: '流水号位数 N 须在 1 到 8 之间',
    en: 'The sequence width N must be between 1 and 8',
  },
  'contract_number.pattern_chars': {
    zh: '编号中只能用文字、数字和 - _ / . # ( ) ·，不能有空格',
    en: 'Use only letters, digits and - _ / . # ( ) · in a number, no spaces',
  },
  'contract_number.pattern_too_long': {
    zh: '按此规则生成的编号会超过 60 个字符',
    en: 'Numbers from this pattern would be longer than 60 characters',
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
  'payment.contract_not_final': {
    zh: '合同生效后才能登记回款，已作废的合同不能回款',
    en: 'Payments are recorded against a final contract; a cancelled one takes none',
  },
  'payment.invoice_other_contract': {
    zh: '所选发票不属于此合同',
    en: 'The invoice is not one of this contract',
  },
  'payment.reference_taken': {
    zh: '该流水号的回款已登记过',
    en: 'A payment with this reference is already recorded',
  },
  'payment.over_contract': {
    zh: '回款合计将超过合同金额：请核对，或确认为超额回款并说明原因',
    en: 'Payments would total more than the contract: check, or confirm it as an over-payment with a reason',
  },
  'payment.over_invoice': {
    zh: '回款超过该发票的未回款金额：请核对，或确认为超额回款并说明原因',
    en: 'The payment exceeds the invoice’s open amount: check, or confirm it as an over-payment with a reason',
  },
  'bulk.rows_invalid': {
    zh: '有的行不能保存，整批未保存：请按每行的提示修改后再试',
    en: 'Some rows cannot be saved, so none were: correct them as each row says and try again',
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
  'claim.not_yours': {
    zh: '只有报备人或经理可以操作该报备',
    en: 'Only the claimant or a manager can act on this claim',
  },
  'claim.not_draft': {
    zh: '该报备已提交：只有草稿才能修改、删除或申请跨区授权',
    en: 'This claim is already filed: only a draft can be changed, deleted or sent for authorisation',
  },
  'claim.not_active': {
    zh: '只有已报备、已批准或撞单中的报备才能续期或释放',
    en: 'Only a filed, approved or disputed claim can be renewed or released',
  },
  'claim.not_awaiting_reply': {
    zh: '只有已报备或撞单中的报备才能录入厂家回复',
    en: 'The manufacturer’s reply is recorded for a filed or disputed claim only',
  },
  'claim.not_ours': {
    zh: '他店报备是厂家告知的记录，本店不能续期或录入回复',
    en: 'Another dealer’s claim is the manufacturer’s record: we neither renew it nor record replies to it',
  },
  'claim.closed': {
    zh: '该报备已结束（被驳回、过期或释放），不能再登记客户意愿',
    en: 'This claim is closed (rejected, expired or released); no wish can be recorded',
  },
  'claim.no_overlap': {
    zh: '该报备没有本店同事的重叠报备，无需裁定',
    en: 'No colleague’s claim overlaps this one: there is nothing to settle',
  },
  'claim.opportunity_elsewhere': {
    zh: '所选商机不属于该客户',
    en: 'The opportunity belongs to another account',
  },
  'claim.filed_in_future': {
    zh: '报备时间不能晚于现在',
    en: 'The filing time cannot be in the future',
  },
  'claim.reply_before_filing': {
    zh: '厂家回复日期早于报备时间',
    en: 'The reply is dated before the claim was filed',
  },
  'claim.in_territory': {
    zh: '该客户在本店辖区内，无需跨区授权',
    en: 'The account is inside our territory: no authorisation is needed',
  },
  'claim.already_authorised': {
    zh: '跨区授权已获批准',
    en: 'The cross-territory authorisation is already granted',
  },
  'claim.needs_authorisation': {
    zh: '客户不在本店辖区内：须先申请跨区授权并获批准，才能提交报备',
    en: 'The account is outside our territory: a cross-territory authorisation must be granted before filing',
  },
  'claim.authorisation_refused': {
    zh: '跨区授权被拒绝，不能提交报备；可补充说明后重新申请',
    en: 'The cross-territory authorisation was refused: the claim cannot be filed; you may ask again',
  },
  'claim.no_request': {
    zh: '没有等待答复的跨区授权申请',
    en: 'No authorisation request is waiting for an answer',
  },
  'document.frozen': {
    zh: '材料已锁定：报备提交后材料只能补充、不能移除；销售报备提交后材料不能再改动',
    en: 'The evidence is locked: a filed claim’s documents are only added to, a submitted filing’s never change',
  },
  'document.too_large': {
    zh: '单个材料文件不能超过 100 MB',
    en: 'A document may be at most 100 MB',
  },
  'document.empty': { zh: '文件是空的', en: 'The file is empty' },
  'document.altered': {
    zh: '保存的材料文件与上传时的 SHA-256 不一致，可能已被改动，不能打开',
    en: 'The stored copy no longer matches its SHA-256 from the upload: it may have been changed',
  },
  'document.missing': {
    zh: '数据目录中找不到保存的材料文件',
    en: 'The stored copy is missing from the data folder',
  },
  'range.reversed': { zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
  'range.too_long': {
    zh: '日期范围不能超过 400 天',
    en: 'The range cannot be longer than 400 days',
  },
  'filing.contract_not_final': {
    zh: '合同生效后才能报备',
    en: 'Only a final contract can be filed',
  },
  'filing.exists': {
    zh: '该合同已有报备（未撤回的报备只能有一个）',
    en: 'This contract is already filed (one live filing per contract)',
  },
  'filing.not_draft': {
    zh: '报备已提交或已撤回，不能再修改',
    en: 'The filing is submitted or withdrawn and can no longer change',
  },
  'filing.not_submitted': {
    zh: '只有已提交的报备才能撤回',
    en: 'Only a submitted filing can be withdrawn',
  },
  'filing.not_yours': {
    zh: '只有经办人或经理可以修改该报备',
    en: 'Only whoever prepared the filing or a manager can change it',
  },
  'filing.checks_failed': {
    zh: '有未通过的检查：请补齐材料或更正数据，或由经理书面特批',
    en: 'Checks failed: complete the evidence or correct the data, or have a manager override them in writing',
  },
  'filing.nothing_to_override': {
    zh: '所有检查均已通过，无需特批',
    en: 'Every check passes: there is nothing to override',
  },
  'incentive.not_submitted': {
    zh: '报备提交后才能登记厂家审核结果或激励款',
    en: 'Only a submitted filing gets a verdict or a payment',
  },
  'incentive.withdrawn': {
    zh: '已撤回的报备不再登记审核结果或激励款',
    en: 'A withdrawn filing takes no verdict and no payment',
  },
  'incentive.verdict_before_submission': {
    zh: '审核日期不能早于报备提交日期',
    en: 'The verdict cannot be dated before the submission',
  },
  'incentive.rejected_amount': {
    zh: '驳回的报备没有批准金额',
    en: 'A rejected filing is approved no amount',
  },
  'incentive.amount_required': {
    zh: '请填写厂家批准的激励金额',
    en: 'Enter the incentive amount approved',
  },
  'incentive.reason_required': {
    zh: '驳回或部分批准须选择厂家给出的原因',
    en: 'A rejection or a partial approval needs the manufacturer’s reason',
  },
  'incentive.paid_cannot_reject': {
    zh: '该报备已有激励款到账，不能改为驳回',
    en: 'Payments were received: the filing cannot be marked rejected',
  },
  'incentive.approved_below_received': {
    zh: '批准金额不能少于已到账金额',
    en: 'The approved amount cannot be below what was received',
  },
  'incentive.no_verdict': {
    zh: '请先登记厂家审核结果，再登记到账',
    en: 'Record the manufacturer’s verdict before a payment',
  },
  'incentive.rejected_unpaid': {
    zh: '被驳回的报备不能登记激励款到账',
    en: 'A rejected filing is not paid',
  },
  'incentive.payment_before_verdict': {
    zh: '到账日期不能早于厂家审核日期',
    en: 'A payment cannot be dated before the verdict',
  },
  'incentive.over_approved': {
    zh: '到账合计将超过批准金额：请说明原因',
    en: 'The payments would exceed the approved amount: state the reason',
  },
  'incentive.range_invalid': {
    zh: '结束日期早于开始日期，或统计期间过多（请缩小日期范围）',
    en: 'The end date is before the start, or the range has too many periods',
  },
  'review.already_this_week': {
    zh: '您本周已查看过这张档案卡',
    en: 'You already reviewed this card this week',
  },
  'report.dealer_missing': {
    zh: '报备报表须注明经销商：请先在「销售设置 → 经销商信息」中填写经销商名称和经销商代码',
    en: 'The filing report must name the dealer: first enter the dealership name and dealer code under Sales settings → Dealership',
  },
  'report.built_in': {
    zh: '内置模板可以修改，但不能删除',
    en: 'The built-in template can be changed but not removed',
  },
  'report.name_taken': { zh: '已有同名模板', en: 'A template with this name exists' },
  'report.no_headers': {
    zh: '模板中没有能对应报表字段的表头',
    en: 'No header of the template names a known report field',
  },
  'report.no_such_sheet': {
    zh: '厂家模板中没有这个工作表',
    en: 'The manufacturer’s workbook has no sheet of this name',
  },
  'report.template_empty': {
    zh: '模板中没有可见的工作表',
    en: 'The workbook has no visible sheet',
  },
  'report.template_too_large': {
    zh: '模板文件不能超过 20 MB',
    en: 'A template may be at most 20 MB',
  },
  'report.template_unreadable': {
    zh: '无法读取该模板：请用 Excel 或 WPS 另存为 .xlsx 后再上传',
    en: 'The template cannot be read: save it as .xlsx in Excel or WPS and upload it again',
  },
  'report.column_twice': {
    zh: '同一列被指定了两次',
    en: 'Two fields fill the same column',
  },
  'report.data_above_header': {
    zh: '数据起始行必须在表头行之下',
    en: 'The first data row must be below the header row',
  },
  'registration.vin_mismatch': {
    zh: '行驶证上的车架号与交车车辆不一致',
    en: 'The VIN on the registration is not the delivered vehicle’s',
  },
  'registration.in_future': {
    zh: '登记日期不能晚于今天',
    en: 'The registration date is in the future',
  },
  'registration.before_delivery': {
    zh: '登记日期早于交车日期',
    en: 'The vehicle is registered before it was delivered',
  },
  'territory.duplicate': { zh: '辖区中有重复的地区', en: 'A region is listed twice' },
  'period.reversed': { zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
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
  'mapping.received_on_required': {
    zh: '请为“到账日期”选择一列',
    en: 'Map a column to “Received”',
  },
  'mapping.amount_required': { zh: '请为“回款金额”选择一列', en: 'Map a column to “Amount”' },
  'mapping.contract_or_invoice_required': {
    zh: '请为“合同编号”或“发票号码”选择一列：回款按合同编号或发票号码匹配',
    en: 'Map a column to “Contract no.” or “Invoice no.”: payments are matched by either',
  },
} as const satisfies Record<string, Label>;
export type SalesReasonCode = keyof typeof SALES_REASONS;

export function isSalesReason(code: string): code is SalesReasonCode {
  return Object.prototype.hasOwnProperty.call(SALES_REASONS, code);
}
