/** Amounts as staff discuss them (万元), with the exact yuan amount on hover. */
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';

export function Wan({ fen, className }: { fen: number | null; className?: string }) {
  if (fen === null) return <span className="cell-empty">—</span>;
  return (
    <span className={`opp-money${className ? ` ${className}` : ''}`} title={formatFen(fen)}>
      {formatFenAsWan(fen)}
    </span>
  );
}
