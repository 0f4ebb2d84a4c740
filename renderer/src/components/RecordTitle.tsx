/**
 * A record card's header: the record's name (or number) in bold, then its tags and facts in a
 * wrapping row. The cards differ only in what they name and tag.
 */
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  name: ReactNode;
  nameTestId: string;
  /** A number rather than a name: set in the monospace face. */
  mono?: boolean;
  /** The tags and facts after the name. */
  children: ReactNode;
}

export function RecordTitle({ name, nameTestId, mono = false, children }: Props) {
  return (
    <div className="account-card__title">
      <Typography.Text
        strong
        className={mono ? 'account-card__name mono' : 'account-card__name'}
        data-testid={nameTestId}
      >
        {name}
      </Typography.Text>
      <Space size={6} wrap>
        {children}
      </Space>
    </div>
  );
}
