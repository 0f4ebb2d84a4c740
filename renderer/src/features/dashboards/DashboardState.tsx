/** A tab's frame: its first load shows a spinner, a failure its error; later loads keep the charts. */
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';

export function DashboardState(props: {
  loading: boolean;
  error: ApiError | null;
  children: ReactNode;
}) {
  return (
    <Spin spinning={props.loading} delay={200}>
      {props.error && <ErrorAlert error={props.error} className="dash-error" />}
      <div data-testid="dash-tab" data-loading={props.loading ? 'true' : 'false'}>
        {props.children}
      </div>
    </Spin>
  );
}
