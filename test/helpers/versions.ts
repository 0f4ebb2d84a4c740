/**
 * The version a form would load right now (issue 12 row versions): tests that update a record for
 * another reason send what a user would, read just before.
 */
import type { TestApp } from './app';

type Versioned =
  'accounts' | 'opportunities' | 'tenders' | 'contracts' | 'claims' | 'filings' | 'activities';

export async function versionOf(app: TestApp, kind: Versioned, id: number): Promise<number> {
  switch (kind) {
    case 'accounts':
      return (await app.value('accounts.get', { id })).version;
    case 'opportunities':
      return (await app.value('opportunities.get', { id })).version;
    case 'tenders':
      return (await app.value('tenders.get', { id })).version;
    case 'contracts':
      return (await app.value('contracts.get', { id })).version;
    case 'claims':
      return (await app.value('claims.get', { id })).version;
    case 'filings':
      return (await app.value('filings.get', { id })).version;
    case 'activities':
      return (await app.value('activities.get', { id })).version;
  }
}
