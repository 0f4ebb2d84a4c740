/** The delivery grid's export (交车, every contract's delivered vehicles). */
import {
  DELIVERY_COLUMN_LABELS,
  deliveryListQuery,
} from '../../../shared/schemas/contract-records';
import { deliveryGridQuery } from '../../contracts/repository/record-views';
import { dateCell, defineGridExport, enumValues } from '../grid-entry';

export const deliveriesExport = defineGridExport({
  grid: 'deliveries',
  listQuery: deliveryListQuery,
  title: { zh: '交车记录', en: 'Deliveries' },
  fileStem: { zh: '交车记录', en: 'deliveries' },
  teamScoped: true,
  labels: DELIVERY_COLUMN_LABELS,
  query: (db, input, scope) => deliveryGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    vin: 'text',
    plate: 'text',
    model: 'text',
    deliveredOn: 'date',
    registeredOn: 'date',
    registrationOwner: 'text',
    contractNo: 'text',
    accountName: 'text',
    unitName: 'text',
    invoiceNo: 'text',
    ownerId: 'text',
  },
  cells: () => ({
    vin: (r) => r.vin,
    plate: (r) => r.plate,
    model: (r) => r.model,
    deliveredOn: (r) => dateCell(r.deliveredOn),
    registeredOn: (r) => dateCell(r.registeredOn),
    registrationOwner: (r) => r.registrationOwner,
    contractNo: (r) => r.contractNo,
    accountName: (r) => r.accountName,
    unitName: (r) => r.unitName,
    invoiceNo: (r) => r.invoiceNo,
    ownerId: (r) => r.ownerName,
  }),
  vocabulary: (ctx) => ({ value: enumValues({}, ctx) }),
});
