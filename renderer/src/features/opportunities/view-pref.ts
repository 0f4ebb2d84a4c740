/** The opportunities page's view (grid or board), remembered on this computer. */
export type OpportunityView = 'grid' | 'board';

const STORAGE_KEY = 'keyfleet.opportunities.view';

export function loadView(): OpportunityView {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'board' ? 'board' : 'grid';
  } catch {
    return 'grid';
  }
}

export function saveView(view: OpportunityView): void {
  try {
    localStorage.setItem(STORAGE_KEY, view);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}
