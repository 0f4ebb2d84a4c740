/** The frame of the screens shown before the main layout: brand, language switch, one centred card. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function StartFrame({ children, width = 520 }: { children: ReactNode; width?: number }) {
  return (
    <div className="start-frame">
      <header className="start-frame__bar">
        <Typography.Text strong className="brand">
          Keyfleet <span className="brand__sub">大客户管理</span>
        </Typography.Text>
        <LanguageSwitch />
      </header>
      <main className="start-frame__body">
        <div className="start-frame__card" style={{ width }}>
          {children}
        </div>
      </main>
    </div>
  );
}
