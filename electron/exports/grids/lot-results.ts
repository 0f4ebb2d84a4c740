/** The lot results grid's export (中标结果, the competitor price history on the tenders page). */
import { LOT_RESULTS } from '../../../shared/sales-enums';
import { lotResultListQuery } from '../../../shared/schemas/tenders';
import { lotResultGridQuery } from '../../tenders/repository';
import { dateCell, defineGridExport, enumValues, labelCell } from '../grid-entry';

export const lotResultsExport = defineGridExport({
  grid: 'lotResults',
  listQuery: lotResultListQuery,
  title: { zh: '中标结果', en: 'Lot results' },
  fileStem: { zh: '中标结果', en: 'lot-results' },
  teamScoped: false,
  labels: {
    awardedOn: { zh: '定标日期', en: 'Awarded' },
    projectNo: { zh: '项目编号', en: 'Project no.' },
    tenderName: { zh: '项目名称', en: 'Project' },
    purchaserName: { zh: '采购人', en: 'Purchaser' },
    lotNo: { zh: '包号', en: 'Lot' },
    result: { zh: '结果', en: 'Result' },
    winnerName: { zh: '中标单位', en: 'Winner' },
    winnerBrand: { zh: '品牌', en: 'Brand' },
    winnerModel: { zh: '车型', en: 'Model' },
    quantity: { zh: '数量', en: 'Units' },
    winningAmountFen: { zh: '中标金额', en: 'Winning amount' },
    winningUnitFen: { zh: '中标单价', en: 'Unit price' },
    bidAmountFen: { zh: '我方报价', en: 'Our bid' },
  },
  query: (db, input) => lotResultGridQuery(db, input),
  kinds: {
    awardedOn: 'date',
    projectNo: 'text',
    tenderName: 'text',
    purchaserName: 'text',
    lotNo: 'text',
    result: 'text',
    winnerName: 'text',
    winnerBrand: 'text',
    winnerModel: 'text',
    quantity: 'integer',
    winningAmountFen: 'money',
    winningUnitFen: 'money',
    bidAmountFen: 'money',
  },
  cells: (ctx) => ({
    awardedOn: (r) => dateCell(r.awardedOn),
    projectNo: (r) => r.projectNo,
    tenderName: (r) => r.tenderName,
    purchaserName: (r) => r.purchaserName,
    lotNo: (r) => r.lotNo,
    result: (r) => labelCell(LOT_RESULTS, ctx.lang)(r.result),
    winnerName: (r) => r.winnerName,
    winnerBrand: (r) => r.winnerBrand,
    winnerModel: (r) => r.winnerModel,
    quantity: (r) => r.quantity,
    winningAmountFen: (r) => r.winningAmountFen,
    winningUnitFen: (r) => r.winningUnitFen,
    bidAmountFen: (r) => r.bidAmountFen,
  }),
  vocabulary: (ctx) => ({
    value: enumValues({ result: LOT_RESULTS }, ctx),
    money: ['winningAmountFen', 'winningUnitFen', 'bidAmountFen'],
  }),
});
