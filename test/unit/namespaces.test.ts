/**
 * Namespace = folder: every method `x.y` of the contract is served from electron/<x in
 * kebab-case>/ (`followUps.list` → electron/follow-ups/), by a handlers module of that folder,
 * and exactly once. Read from the real registration (NAMESPACE_HANDLERS in create-app), with each
 * handlers factory built against a test app's deps. The contract is laid out the same way: the
 * methods of `x` are declared in shared/methods/<x in kebab-case>.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  NAMESPACE_HANDLERS,
  type HostOptions,
  type UnservedMethods,
} from '../../electron/app/create-app';
import { rotationFor } from '../../electron/backups/records';
import { METHOD_NAMES } from '../../shared/api';
import { type TestApp, testApp } from '../helpers/app';

const electronDir = path.resolve(__dirname, '../../electron');
const methodsDir = path.resolve(__dirname, '../../shared/methods');

/** `followUps` → `follow-ups`. */
function folderOf(namespace: string): string {
  return namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A folder's handlers modules: `handlers.ts` and `<part>-handlers.ts`. */
function handlerFiles(folder: string): string[] {
  const dir = path.join(electronDir, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /(^|-)handlers\.ts$/.test(name))
    .map((name) => `${folder}/${name}`);
}

/** Every export of every handlers module under electron/, with the file that exports it. */
async function handlerModuleExports(): Promise<{ file: string; name: string; value: unknown }[]> {
  const found: { file: string; name: string; value: unknown }[] = [];
  for (const folder of fs.readdirSync(electronDir))
    for (const file of handlerFiles(folder)) {
      const module: Record<string, unknown> = await import(path.join(electronDir, file));
      for (const [name, value] of Object.entries(module)) found.push({ file, name, value });
    }
  return found;
}

const registered = Object.entries(NAMESPACE_HANDLERS).flatMap(([namespace, factories]) =>
  factories.map((factory) => ({ namespace, factory })),
);

describe('namespace = folder', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names the folder of a namespace in kebab-case', () => {
    expect(folderOf('followUps')).toBe('follow-ups');
    expect(folderOf('myDay')).toBe('my-day');
    expect(folderOf('accounts')).toBe('accounts');
  });

  it('registers every namespace of the contract, and only those', () => {
    const namespaces = new Set(METHOD_NAMES.map((method) => method.split('.')[0]));
    expect(Object.keys(NAMESPACE_HANDLERS).sort()).toEqual([...namespaces].sort());
    expectTypeOf<UnservedMethods>().toEqualTypeOf<never>();
  });

  it('takes each namespace’s handlers from a handlers module in its own folder', async () => {
    const exports = await handlerModuleExports();
    const misplaced = registered
      .map(({ namespace, factory }) => {
        const files = exports.filter((e) => e.value === factory).map((e) => e.file);
        const home = handlerFiles(folderOf(namespace));
        return files.some((file) => home.includes(file))
          ? null
          : `${namespace}: ${factory.name} (from ${files.join(', ') || 'no handlers module'})`;
      })
      .filter((line) => line !== null);
    expect(misplaced).toEqual([]);
  });

  it('registers every handlers factory that a handlers module exports', async () => {
    const factories = new Set<unknown>(registered.map(({ factory }) => factory));
    const unregistered = (await handlerModuleExports())
      .filter((e) => /Handlers$/.test(e.name) && typeof e.value === 'function')
      .filter((e) => !factories.has(e.value))
      .map((e) => `${e.file}: ${e.name}`);
    expect(unregistered).toEqual([]);
  });

  it('serves every method of the contract exactly once, from its namespace’s folder', () => {
    const host: HostOptions = { rotation: rotationFor(false), daily: false };
    const servedBy = new Map<string, string[]>();
    for (const { namespace, factory } of registered)
      for (const method of Object.keys(factory(app.deps, host)))
        servedBy.set(method, [
          ...(servedBy.get(method) ?? []),
          `${folderOf(namespace)}/${factory.name}`,
        ]);
    const wrongFolder = [...servedBy]
      .filter(([method, by]) =>
        by.some((where) => !where.startsWith(`${folderOf(method.split('.')[0] ?? '')}/`)),
      )
      .map(([method, by]) => `${method} served by ${by.join(', ')}`);
    expect(wrongFolder).toEqual([]);
    const notOnce = METHOD_NAMES.filter((method) => servedBy.get(method)?.length !== 1).map(
      (method) => `${method}: ${servedBy.get(method)?.join(', ') ?? 'not served'}`,
    );
    expect(notOnce).toEqual([]);
    const unknown = [...servedBy.keys()].filter(
      (method) => !METHOD_NAMES.some((m) => m === method),
    );
    expect(unknown).toEqual([]);
  });

  it('declares each namespace’s methods in shared/methods/<namespace>.ts', async () => {
    const declaredIn = new Map<string, string[]>();
    for (const file of fs.readdirSync(methodsDir).filter((name) => name !== 'method.ts')) {
      const module: Record<string, unknown> = await import(path.join(methodsDir, file));
      for (const table of Object.values(module))
        for (const method of Object.keys(table as object))
          declaredIn.set(method, [...(declaredIn.get(method) ?? []), file]);
    }
    const misplaced = METHOD_NAMES.filter(
      (method) => declaredIn.get(method)?.join() !== `${folderOf(method.split('.')[0] ?? '')}.ts`,
    ).map((method) => `${method}: ${declaredIn.get(method)?.join(', ') ?? 'not declared'}`);
    expect(misplaced).toEqual([]);
    expect([...declaredIn.keys()].sort()).toEqual([...METHOD_NAMES].sort());
  });
});
