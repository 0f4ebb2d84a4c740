/** A deadline kind as a small coloured label, and the kind colour as a CSS variable. */
import type { CSSProperties } from 'react';
import { DEADLINE_KINDS, type DeadlineKind } from '../../../../shared/sales-enums';
import { useEnumLabel } from '../../i18n/context';
import { KIND_COLORS } from './kinds';
import './calendar.css';

export function kindStyle(kind: DeadlineKind): CSSProperties {
  return { '--kind': KIND_COLORS[kind] } as CSSProperties;
}

export function KindTag({ kind }: { kind: DeadlineKind }) {
  const label = useEnumLabel();
  return (
    <span className="kf-kind" style={kindStyle(kind)} data-kind={kind}>
      {label(DEADLINE_KINDS, kind)}
    </span>
  );
}
