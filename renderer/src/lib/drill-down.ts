/**
 * Drill-down from a chart to the grid behind it: `#/opportunities?filters=[…]` opens the grid with
 * those filters set (the user can change or clear them as any other). The filters travel as the
 * grid's own `Filter` objects, checked against the list schema's shape when read back, so a
 * hand-edited address can only ask for what the grid's filter editor could.
 */
import { useState } from 'react';
import { z } from 'zod';
import { type Filter, filterSchema } from '../../../shared/list';
import { SECTION_PATHS, type Section } from './use-hash-route';

const filterList = z.array(filterSchema).max(30);

/** The address of a section's grid with `filters` set. */
export function drillPath(section: Section, filters: readonly Filter[]): string {
  return `${SECTION_PATHS[section]}?filters=${encodeURIComponent(JSON.stringify(filters))}`;
}

/** The filters in `<section path>?filters=…`, or null when the path has none (or bad ones). */
export function drillFiltersOf(path: string, section: Section): Filter[] | null {
  const prefix = `${SECTION_PATHS[section]}?`;
  if (!path.startsWith(prefix)) return null;
  const raw = new URLSearchParams(path.slice(prefix.length)).get('filters');
  if (raw === null) return null;
  try {
    const parsed = filterList.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface Drill {
  /** Changes with each new drill-down: a grid keyed on it starts afresh with the filters. */
  key: string;
  filters: readonly Filter[];
}

const NO_DRILL: Drill = { key: '', filters: [] };

/**
 * The latest drill-down into a section's grid. Opening a record from the grid (`/section/42`) and
 * closing it again keeps the drilled filters: only a new drill-down replaces them.
 */
export function useDrill(path: string, section: Section): Drill {
  const filters = drillFiltersOf(path, section);
  const current = filters ? { key: JSON.stringify(filters), filters } : null;
  const [last, setLast] = useState<Drill>(current ?? NO_DRILL);
  if (current && current.key !== last.key) {
    setLast(current);
    return current;
  }
  return last;
}
