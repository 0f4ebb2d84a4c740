/** The fields a price list can be imported into: one row per model and configuration. */
import type { Synonyms } from './headers';

export const PRICE_IMPORT_FIELDS = ['model', 'configuration', 'retailPrice', 'floorPrice'] as const;
export type PriceImportField = (typeof PRICE_IMPORT_FIELDS)[number];

export const PRICE_HEADER_SYNONYMS: Synonyms<PriceImportField> = {
  model: ['车型', '车型名称', '车系', '型号', 'model'],
  configuration: ['配置', '版本', '车型配置', '配置名称', 'configuration', 'trim', 'version'],
  retailPrice: [
    '市场零售价',
    '零售价',
    '厂商指导价',
    '指导价',
    '建议零售价',
    'retail price',
    'msrp',
  ],
  floorPrice: ['政策底价', '底价', '最低限价', '最低价', 'floor price', 'floor'],
};
