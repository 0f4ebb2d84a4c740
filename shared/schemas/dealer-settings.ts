/** Who we are: the dealership's name and manufacturer code, and the brand it sells. */
import { z } from 'zod';

export const dealerSettings = z.object({
  /** The dealership's legal name, printed on contracts and the filing report. */
  name: z.string().trim().max(200),
  /** The manufacturer's dealer code (经销商代码), printed on the filing report. */
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9A-Za-z_-]*$/, { message: 'dealer.code_invalid' }),
  /** The brand we sell (one manufacturer's): our won lots and the fleet lines our deliveries add. */
  brand: z.string().trim().max(50),
});
export type DealerSettings = z.infer<typeof dealerSettings>;
