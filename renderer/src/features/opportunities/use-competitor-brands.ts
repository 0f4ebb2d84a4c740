/**
 * The competitor brands named on the opportunities one may read, as the choices of the grid's
 * 竞争品牌 filter: read once when the grid opens (a brand named later appears on the next visit).
 */
import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export function useCompetitorBrands(): readonly string[] {
  const [brands, setBrands] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    void call('opportunities.competitorBrands', {}).then((r) => {
      if (live && r.ok) setBrands(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return brands;
}
