import { describe, expect, it } from 'vitest';
import { generateDemoAccounts } from '../../electron/demo/generate';
import { isConsistentRegion } from '../../shared/regions';
import { usccProblem } from '../../shared/uscc';

describe('demo data generator', () => {
  const accounts = generateDemoAccounts(2000);

  it('makes the requested number of accounts, the same ones for the same seed', () => {
    expect(accounts).toHaveLength(2000);
    expect(generateDemoAccounts(2000).map((a) => a.uscc)).toEqual(accounts.map((a) => a.uscc));
    expect(generateDemoAccounts(50, 7).map((a) => a.name)).not.toEqual(
      generateDemoAccounts(50, 8).map((a) => a.name),
    );
  });

  it('gives every account a valid, unique USCC and a unique name', () => {
    expect(accounts.every((a) => usccProblem(a.uscc) === null)).toBe(true);
    expect(new Set(accounts.map((a) => a.uscc)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(accounts.length);
  });

  it('spreads accounts over buyer types, provinces and consistent regions', () => {
    const byType = new Map<string, number>();
    for (const a of accounts) byType.set(a.buyerType, (byType.get(a.buyerType) ?? 0) + 1);
    for (const type of ['direct', 'government', 'system'])
      expect(byType.get(type) ?? 0).toBeGreaterThan(200);
    expect(new Set(accounts.map((a) => a.provinceCode)).size).toBeGreaterThanOrEqual(25);
    expect(
      accounts.every((a) => isConsistentRegion(a.provinceCode, a.cityCode, a.districtCode)),
    ).toBe(true);
  });

  it('builds system hierarchies whose units point at earlier head offices of the same system type', () => {
    const units = accounts.filter((a) => a.parentIndex !== null);
    expect(units.length).toBeGreaterThan(100);
    for (const [i, a] of accounts.entries())
      if (a.parentIndex !== null) {
        expect(a.parentIndex).toBeLessThan(i);
        expect(accounts[a.parentIndex]!.buyerType).toBe('system');
      }
  });

  it('gives accounts contacts with purchase roles, and some personal details', () => {
    const contacts = accounts.flatMap((a) => a.contacts);
    expect(contacts.length).toBeGreaterThan(accounts.length);
    expect(new Set(contacts.map((c) => c.purchaseRole)).size).toBe(5);
    expect(contacts.some((c) => c.personal !== null)).toBe(true);
  });
});
