/** `GET /api`: every method with its input and output as JSON Schema, for people scripting against it. */
import { z } from 'zod';
import { api, METHOD_NAMES } from '../../shared/api';

export interface MethodDescription {
  name: string;
  summary: string;
  input: unknown;
  output: unknown;
}

let cached: MethodDescription[] | null = null;

export function describeApi(): MethodDescription[] {
  cached ??= METHOD_NAMES.map((name) => ({
    name,
    summary: api[name].summary,
    input: z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(api[name].output, { io: 'output', unrepresentable: 'any' }),
  }));
  return cached;
}
