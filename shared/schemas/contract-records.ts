/**
 * The delivered vehicles (交车) and the invoices (发票) of all contracts as grids of their own:
 * until now they were only tables inside a contract's card. Same paging, sorting and filtering as
 * every list (shared/list.ts); a specialist sees their teams' accounts' records only.
 */
import { z } from 'zod';
import type { Label } from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { id, isoDate } from './common';

export const DELIVERY_COLUMNS = {
  vin: { kind: 'text' },
  plate: { kind: 'text' },
  model: { kind: 'text' },
  deliveredOn: { kind: 'date' },
  registeredOn: { kind: 'date' },
  registrationOwner: { kind: 'text' },
  contractNo: { kind: 'text' },
  accountName: { kind: 'text' },
  unitName: { kind: 'text' },
  invoiceNo: { kind: 'text' },
  ownerId: { kind: 'enum' },
} as const satisfies Record<string, ColumnSpec>;
export type DeliveryColumn = keyof typeof DELIVERY_COLUMNS;
export const DELIVERY_COLUMN_LABELS: Record<DeliveryColumn, Label> = {
  vin: { zh: '车架号', en: 'VIN' },
  plate: { zh: '车牌号', en: 'Plate' },
  model: { zh: '车型', en: 'Model' },
  deliveredOn: { zh: '交车日期', en: 'Delivered' },
  registeredOn: { zh: '上牌日期', en: 'Registered' },
  registrationOwner: { zh: '行驶证所有人', en: 'Registered owner' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  accountName: { zh: '客户', en: 'Account' },
  unitName: { zh: '使用单位', en: 'Unit' },
  invoiceNo: { zh: '发票号', en: 'Invoice no.' },
  ownerId: { zh: '负责人', en: 'Owner' },
};
export const deliveryListQuery = listQuerySchema(DELIVERY_COLUMNS);

export const deliveryRow = z.object({
  id,
  contractId: id,
  vin: z.string(),
  plate: z.string().nullable(),
  model: z.string(),
  deliveredOn: isoDate,
  registeredOn: isoDate.nullable(),
  registrationOwner: z.string().nullable(),
  contractNo: z.string(),
  accountId: id,
  accountName: z.string(),
  unitName: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
});
export type DeliveryRow = z.infer<typeof deliveryRow>;
export const deliveryPage = pageSchema(deliveryRow);

export const INVOICE_COLUMNS = {
  number: { kind: 'text' },
  issuedOn: { kind: 'date' },
  buyerName: { kind: 'text' },
  amountFen: { kind: 'number' },
  vehicles: { kind: 'number' },
  contractNo: { kind: 'text' },
  accountName: { kind: 'text' },
  ownerId: { kind: 'enum' },
} as const satisfies Record<string, ColumnSpec>;
export type InvoiceColumn = keyof typeof INVOICE_COLUMNS;
export const INVOICE_COLUMN_LABELS: Record<InvoiceColumn, Label> = {
  number: { zh: '发票号', en: 'Invoice no.' },
  issuedOn: { zh: '开票日期', en: 'Issued' },
  buyerName: { zh: '购买方', en: 'Buyer' },
  amountFen: { zh: '金额', en: 'Amount' },
  vehicles: { zh: '车辆数', en: 'Vehicles' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  accountName: { zh: '客户', en: 'Account' },
  ownerId: { zh: '负责人', en: 'Owner' },
};
export const invoiceListQuery = listQuerySchema(INVOICE_COLUMNS);

export const invoiceRow = z.object({
  id,
  contractId: id,
  number: z.string(),
  issuedOn: isoDate,
  buyerName: z.string(),
  amountFen: z.number().int(),
  vehicles: z.number().int(),
  contractNo: z.string(),
  accountId: id,
  accountName: z.string(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
});
export type InvoiceRow = z.infer<typeof invoiceRow>;
export const invoicePage = pageSchema(invoiceRow);
