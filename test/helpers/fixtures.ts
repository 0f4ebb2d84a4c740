/** Small builders for account inputs in tests. */
import type { Input } from '../../shared/api';
import { usccCheckChar } from '../../shared/uscc';

type AccountInput = Input<'accounts.create'>['account'];

let serial = 0;
/**
 * A fresh valid USCC for every call: an enterprise's (91…) unless another registration authority
 * and type is given, e.g. '11' for a state organ (机关), '12' for a public institution.
 */
export function newUscc(kind = '91'): string {
  serial++;
  const first17 = `${kind}3301${String(serial).padStart(11, '0')}`;
  return first17 + usccCheckChar(first17);
}

export function account(overrides: Partial<AccountInput> = {}): AccountInput {
  return { name: '杭州顺达汽车租赁有限公司', buyerType: 'direct', uscc: newUscc(), ...overrides };
}
