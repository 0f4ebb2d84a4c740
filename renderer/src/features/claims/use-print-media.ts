/** True while the page is laid out for print (the print dialog's preview, or emulated print media). */
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('print');

function subscribe(onChange: () => void): () => void {
  const list = query();
  list.addEventListener('change', onChange);
  return () => {
    list.removeEventListener('change', onChange);
  };
}

export function usePrintMedia(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches);
}
