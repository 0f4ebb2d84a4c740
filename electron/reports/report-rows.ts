/**
 * The rows of the filing report for a period: every submitted filing, as it was frozen at
 * submission, one row per vehicle or per filing, with each report field's value and cell kind.
 */
import type { Kysely } from 'kysely';
import { addDays, chinaDayStart } from '../../shared/dates';
import { BUYER_TYPES, type Label } from '../../shared/enums';
import {
  DOCUMENT_KINDS,
  POLICY_RULES,
  type ReportField,
  type ReportGranularity,
} from '../../shared/filing-enums';
import { regionLabel } from '../../shared/regions';
import type { FilingDetail, FilingVehicle } from '../../shared/schemas/filings';
import type { Database } from '../db/schema';

export type ReportCell = string | number | { date: string } | { instant: string } | null;
export type ReportRow = Partial<Record<ReportField, ReportCell>>;

/** How a field's cells are formatted: money in yuan, dates, the filing time, counts. */
export const FIELD_KIND: Partial<Record<ReportField, 'money' | 'date' | 'datetime' | 'integer'>> = {
  seq: 'integer',
  units: 'integer',
  unitPrice: 'money',
  invoiceAmount: 'money',
  signedOn: 'date',
  deliveredOn: 'date',
  invoiceDate: 'date',
  filedAt: 'datetime',
};

export async function submittedInPeriod(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('filings')
    .select('id')
    .where('status', '=', 'submitted')
    .where('submitted_at', '>=', chinaDayStart(from).toISOString())
    .where('submitted_at', '<', chinaDayStart(addDays(to, 1)).toISOString())
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

const joined = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].join('、') || null;

interface Context {
  zh: boolean;
  dealer: { name: string; code: string };
}

export class ReportRowBuilder {
  private seq = 0;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ctx: Context,
  ) {}

  private word(l: Label): string {
    return this.ctx.zh ? l.zh : l.en;
  }

  private verdictText(f: FilingDetail): string {
    const failed = f.verdict.rules
      .filter((r) => r.pass === false)
      .map((r) => this.word(POLICY_RULES[r.rule]));
    const base = f.verdict.eligible
      ? this.ctx.zh
        ? '符合'
        : 'Eligible'
      : `${this.ctx.zh ? '不符合' : 'Not eligible'}（${failed.join('；')}）`;
    return f.override ? `${base}${this.ctx.zh ? '（经理特批）' : ' (manager override)'}` : base;
  }

  /** The row values shared by every vehicle of one filing. */
  private async filingCells(f: FilingDetail) {
    const [account, lines, invoices] = await Promise.all([
      this.db
        .selectFrom('accounts')
        .select(['province_code', 'city_code', 'district_code'])
        .where('id', '=', f.accountId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('contract_lines')
        .select(['model', 'unit_price_fen'])
        .where('contract_id', '=', f.contractId)
        .execute(),
      this.db
        .selectFrom('invoices')
        .select(['number', 'amount_fen'])
        .where('contract_id', '=', f.contractId)
        .execute(),
    ]);
    const evidence = f.checklist
      .filter((c) => c.documents.length > 0)
      .map((c) => this.word(DOCUMENT_KINDS[c.kind]));
    const common: ReportRow = {
      dealer: this.ctx.dealer.name || null,
      dealerCode: this.ctx.dealer.code || null,
      filingNo: f.number,
      accountName: f.accountName,
      uscc: f.uscc,
      buyerType: this.word(BUYER_TYPES[f.buyerType]),
      region:
        regionLabel({
          provinceCode: account.province_code,
          cityCode: account.city_code,
          districtCode: account.district_code,
        }) || null,
      tenderNo: f.contract.tender?.projectNo ?? null,
      contractNo: f.contract.number,
      signedOn: f.contract.signedOn ? { date: f.contract.signedOn } : null,
      claimRef: f.claim?.oemReference ?? null,
      filedAt: f.submittedAt ? { instant: f.submittedAt } : null,
      verdict: this.verdictText(f),
      evidence: evidence.join('、') || null,
      override: f.override
        ? `${f.override.reason}（${f.override.by?.name ?? ''} ${f.override.at.slice(0, 10)}）`
        : null,
    };
    const price = (model: string) => lines.find((l) => l.model === model)?.unit_price_fen ?? null;
    const invoiceAmount = (no: string | null) =>
      no === null ? null : (invoices.find((i) => i.number === no)?.amount_fen ?? null);
    // One invoice may cover several vehicles: a vehicle's row shows its share, so a column sum
    // is the amount invoiced.
    const perInvoice = new Map<string, number>();
    for (const v of f.vehicles)
      if (v.invoiceNo) perInvoice.set(v.invoiceNo, (perInvoice.get(v.invoiceNo) ?? 0) + 1);
    const vehicleShare = (no: string | null) => {
      const amount = invoiceAmount(no);
      return amount === null || no === null ? null : Math.round(amount / (perInvoice.get(no) ?? 1));
    };
    return { common, price, invoiceAmount, vehicleShare };
  }

  async rows(f: FilingDetail, granularity: ReportGranularity): Promise<ReportRow[]> {
    const { common, price, invoiceAmount, vehicleShare } = await this.filingCells(f);
    const money = (fen: number | null) => (fen === null ? null : fen / 100);
    if (granularity === 'vehicle' && f.vehicles.length > 0)
      return f.vehicles.map((v: FilingVehicle) => ({
        seq: ++this.seq,
        ...common,
        unitName: v.unitName,
        model: v.model,
        units: 1,
        unitPrice: money(price(v.model)),
        vin: v.vin,
        deliveredOn: { date: v.deliveredOn },
        invoiceNo: v.invoiceNo,
        invoiceDate: v.invoiceDate ? { date: v.invoiceDate } : null,
        invoiceAmount: money(vehicleShare(v.invoiceNo)),
        registrationOwner: v.registrationOwner,
        plate: v.plate,
      }));
    const invoiceNos = [
      ...new Set(f.vehicles.map((v) => v.invoiceNo).filter((n): n is string => !!n)),
    ];
    const prices = [...new Set(f.vehicles.map((v) => price(v.model)))];
    const dates = f.vehicles
      .map((v) => v.invoiceDate)
      .filter((d): d is string => !!d)
      .sort();
    return [
      {
        seq: ++this.seq,
        ...common,
        unitName: joined(f.vehicles.map((v) => v.unitName)),
        model: joined(f.vehicles.map((v) => v.model)),
        units: f.units,
        unitPrice: prices.length === 1 ? money(prices[0] ?? null) : null,
        vin: joined(f.vehicles.map((v) => v.vin)),
        deliveredOn: null,
        invoiceNo: joined(invoiceNos),
        invoiceDate: dates.length > 0 ? { date: dates[dates.length - 1]! } : null,
        invoiceAmount:
          invoiceNos.length > 0
            ? money(invoiceNos.reduce((sum, no) => sum + (invoiceAmount(no) ?? 0), 0))
            : null,
        registrationOwner: joined(f.vehicles.map((v) => v.registrationOwner)),
        plate: joined(f.vehicles.map((v) => v.plate)),
      },
    ];
  }
}
