/** Head office picker: an account picker that never offers the account itself. */
import { AccountPicker } from '../../components/AccountPicker';
import { useT } from '../../i18n/context';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  excludeId: number | null;
  /** The current head office, so its name shows before any search. */
  initial: { id: number; name: string } | null;
}

export function ParentSelect({ value, onChange, excludeId, initial }: Props) {
  const t = useT();
  return (
    <AccountPicker
      value={value ?? null}
      onChange={(v) => onChange?.(v)}
      excludeId={excludeId}
      initial={initial}
      placeholder={t('accountForm.parentPlaceholder')}
      notFound={t('accountForm.parentNone')}
      testId="af-parent"
    />
  );
}
