/**
 * A tab's frame: its first load shows a spinner, a failure its error; later loads keep the charts.
 * Until the first answer (`empty`) the charts are not drawn at all: drawn empty they would only be
 * drawn again, and their set-up would run before the tab's own effects ask the server for data.
 */
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';

export function DashboardState(props: {
  loading: boolean;
  error: ApiError | null;
  /** Nothing has been answered yet. */
  empty?: boolean;
  children: ReactNode;
}) {
  if (props.empty && props.loading)
    return (
      <div className="dash-waiting" data-testid="dash-tab" data-loading="true">
        <Spin />
      </div>
    );
  return (
    <Spin spinning={props.loading} delay={200}>
      {props.error && <ErrorAlert error={props.error} className="dash-error" />}
      <div data-testid="dash-tab" data-loading={props.loading ? 'true' : 'false'}>
        {props.children}
      </div>
    </Spin>
  );
}
