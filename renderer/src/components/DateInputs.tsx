/**
 * Date inputs bound to the API's formats: a calendar date as YYYY-MM-DD, a moment (bid deadline,
 * opening) as a UTC ISO instant shown in local time.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DateInput(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabled={props.disabled}
      placeholder={props.placeholder}
      data-testid={props.testId}
    />
  );
}

export function DateTimeInput(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={props.value ? dayjs(props.value) : null}
      onChange={(d) => props.onChange?.(d ? d.second(0).millisecond(0).toISOString() : null)}
      disabled={props.disabled}
      placeholder={props.placeholder}
      data-testid={props.testId}
    />
  );
}
