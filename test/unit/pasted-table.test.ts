import { describe, expect, it } from 'vitest';
import { pastedInvoices, pastedVins } from '../../shared/pasted-table';

describe('pasted VINs', () => {
  it('reads a column copied from Excel, with its header and CR LF line ends', () => {
    expect(pastedVins('车架号\r\nLSVAU2180N2000001\r\n\r\nLSVAU2180N2000002\r\n')).toEqual([
      'LSVAU2180N2000001',
      'LSVAU2180N2000002',
    ]);
  });
  it('reads a list separated by commas (half- or full-width) or semicolons on one line', () => {
    expect(pastedVins('A1，B2, C3;D4')).toEqual(['A1', 'B2', 'C3', 'D4']);
  });
  it('reads a range of several columns row by row, skipping blank cells', () => {
    expect(pastedVins('VIN\tVIN\nA1\tB2\nC3\t\n')).toEqual(['A1', 'B2', 'C3']);
  });
});

describe('pasted invoices', () => {
  it('reads VIN, number, date, amount and buyer columns; the header gives the amount unit', () => {
    const { rows, unit } = pastedInvoices(
      '车架号\t发票号码\t开票日期\t金额（万元）\nA1\t04400001\t2026年3月5日\t20.5\nB2\t04400002\t2026/3/5\t1,234.50\t杭州市公安局\n',
    );
    expect(unit).toBe('wan');
    expect(rows).toEqual([
      { vin: 'A1', number: '04400001', issuedOn: '2026年3月5日', amount: '20.5', buyerName: null },
      {
        vin: 'B2',
        number: '04400002',
        issuedOn: '2026/3/5',
        amount: '1,234.50',
        buyerName: '杭州市公安局',
      },
    ]);
  });
  it('without a header, the first row is data and bare numbers are left to the chosen unit', () => {
    const { rows, unit } = pastedInvoices('A1,04400001,2026-03-05,200000');
    expect(unit).toBeNull();
    expect(rows[0]).toMatchObject({ vin: 'A1', amount: '200000' });
  });
});
