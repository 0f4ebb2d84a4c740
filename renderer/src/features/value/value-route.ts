/**
 * A Pareto drill-down as a route: `#/accounts/value/<basis>/<from>/<to>/<a>/<b>/<classes>` opens
 * the accounts grid filtered to those classes' accounts (the `valueClass` filter of accounts.list),
 * so the drill-down survives a reload and the back button.
 */
import { type ValueClassFilter, valueClassFilter } from '../../../../shared/schemas/value';

const PREFIX = '/accounts/value/';

export function valueClassPath(f: ValueClassFilter): string {
  return `${PREFIX}${[f.basis, f.from, f.to, f.cutoffs.a, f.cutoffs.b, f.classes.join('')].join('/')}`;
}

/** The filter a drill-down path names, or null (any other path, or one that does not validate). */
export function valueClassOf(path: string): ValueClassFilter | null {
  if (!path.startsWith(PREFIX)) return null;
  const [basis, from, to, a, b, classes] = path.slice(PREFIX.length).split('/');
  const parsed = valueClassFilter.safeParse({
    basis,
    from,
    to,
    cutoffs: { a: Number(a), b: Number(b) },
    classes: (classes ?? '').split(''),
  });
  return parsed.success ? parsed.data : null;
}
