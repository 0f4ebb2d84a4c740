/**
 * Recording a delivered vehicle's registration (行驶证): owner, plate and date, against the VIN
 * typed from the registration, so a registration of another vehicle is caught here, not at filing.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ContractDetail, RegistrationInput } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { auditContract, field, mustGetContract, mustGetDelivery } from './record';
import { updateDelivery } from './repository/deliveries';

export async function registerVehicle(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: RegistrationInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const d = await mustGetDelivery(trx, input.deliveryId);
    if (input.vin !== d.vin)
      throw new AppError(
        'VALIDATION',
        `the registration's VIN ${input.vin} is not the delivered vehicle's ${d.vin}`,
        { ...field('vin', 'registration.vin_mismatch'), expected: d.vin },
      );
    if (input.registeredOn > chinaDate(clock.now()))
      throw new AppError(
        'VALIDATION',
        'a registration dated in the future',
        field('registeredOn', 'registration.in_future'),
      );
    if (input.registeredOn < d.delivered_on)
      throw new AppError(
        'VALIDATION',
        'the vehicle is registered before it was delivered',
        field('registeredOn', 'registration.before_delivery'),
      );
    await updateDelivery(trx, d.id, {
      registration_owner: input.registrationOwner,
      plate: input.plate,
      registered_on: input.registeredOn,
    });
    await auditContract(trx, clock, actorId, d.contract_id, {
      action: 'contracts.register',
      before: { vin: d.vin, registrationOwner: d.registration_owner, plate: d.plate },
      after: input,
    });
    return mustGetContract(trx, d.contract_id);
  });
}
