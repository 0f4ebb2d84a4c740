/** A 我的今天 card's title with how many items it holds: grey at zero, its colour otherwise. */
import { Badge } from 'antd';
import type { ReactNode } from 'react';

const TONES = { urgent: '#f5222d', warning: '#d46b08' } as const;

export function CountTitle(props: {
  children: ReactNode;
  count: number;
  tone: keyof typeof TONES;
  overflow?: number;
}) {
  return (
    <span className="md-card__title">
      {props.children}
      <Badge
        count={props.count}
        showZero
        color={props.count > 0 ? TONES[props.tone] : '#bfbfbf'}
        overflowCount={props.overflow ?? 99}
      />
    </span>
  );
}
