/**
 * Pinyin keys for organisation names: SQLite compares code points, which puts 三明 before 中国
 * before 阿坝 — not the order a Chinese user expects (nor Excel's). Names sort by `name_sort`
 * (syllables separated by spaces, so 'a ba' < 'an'), and quick search also matches initials
 * (hzsgaj finds 杭州市公安局).
 */
import { pinyin } from 'pinyin-pro';

export function nameSortKey(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join(' ')
    .toLowerCase();
}

export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}
