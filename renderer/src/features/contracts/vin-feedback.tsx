/**
 * Live feedback on a VIN as it is typed: what is wrong, and for a wrong check character the one
 * expected. An imported vehicle may carry no check character: the user confirms it explicitly.
 */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import {
  normalizeVin,
  vinCheckCharacter,
  vinProblem,
  type VinProblem,
} from '../../../../shared/vin';
import { useT } from '../../i18n/context';

export interface VinState {
  vin: string;
  problem: VinProblem | null;
  /** The check character position 9 should hold (only for a 17-character VIN). */
  expected: string | null;
}

export function vinState(raw: string | null | undefined): VinState {
  const vin = normalizeVin(raw ?? '');
  const problem = vin ? vinProblem(vin) : null;
  return { vin, problem, expected: problem === 'check_digit' ? vinCheckCharacter(vin) : null };
}

/** A VIN the API will take: no problem, or only the check character and the user confirmed it. */
export function vinAcceptable(state: VinState, confirmed: boolean): boolean {
  return (
    state.vin !== '' && (state.problem === null || (state.problem === 'check_digit' && confirmed))
  );
}

export function VinFeedback(props: { state: VinState; taken: boolean; confirmed: boolean }) {
  const { state, taken, confirmed } = props;
  const t = useT();
  if (!state.vin) return null;
  const bad = (text: string) => (
    <span
      className="con-vin con-vin--bad"
      data-testid="vin-feedback"
      data-problem={state.problem ?? 'taken'}
    >
      <ExclamationCircleFilled /> {text}
    </span>
  );
  if (taken) return bad(t('reason.vin.taken'));
  switch (state.problem) {
    case null:
      return (
        <span className="con-vin con-vin--ok" data-testid="vin-feedback" data-problem="none">
          <CheckCircleFilled /> {t('contracts.vinOk')}
        </span>
      );
    case 'length':
      return bad(t('contracts.vinLength', { n: state.vin.length }));
    case 'forbidden_letter':
      return bad(t('reason.vin.forbidden_letter'));
    case 'characters':
      return bad(t('reason.vin.characters'));
    case 'check_digit':
      if (confirmed)
        return (
          <span
            className="con-vin con-vin--warn"
            data-testid="vin-feedback"
            data-problem="check_digit"
          >
            <ExclamationCircleFilled />{' '}
            {t('contracts.vinImportedConfirmed', { expected: state.expected ?? '?' })}
          </span>
        );
      return bad(
        t('contracts.vinCheckDigit', {
          expected: state.expected ?? '?',
          actual: state.vin[8] ?? '',
        }),
      );
  }
}
