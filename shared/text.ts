/** Text normalisation shared by validation, duplicate matching and search. */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Text that NFKC leaves as it is (printable ASCII, the basic CJK block, 、。《》「」【】), already
 * single-spaced and trimmed: most cells of a real file, which then skip the costly normalisation.
 */
const PLAIN =
  /^[\u0021-\u007e\u3001-\u3011\u4e00-\u9fff]*(?: [\u0021-\u007e\u3001-\u3011\u4e00-\u9fff]+)*$/;

/** Full-width to half-width (NFKC), invisible characters removed, whitespace collapsed, trimmed. */
export function cleanText(value: string): string {
  if (PLAIN.test(value)) return value;
  return value.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

// Longest first so that 有限责任公司 is removed before 公司 would leave 有限责任.
const ORG_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
];

const PUNCT =
  /[\s()[\]{}<>（）【】［］｛｝〈〉《》「」『』"'“”‘’`·.,，。、;；:：!！?？\-—–_/\\|&*#@]/g;

/**
 * The key two organisation names are compared by: 北京市（朝阳区）某某有限公司 and
 * 北京市朝阳区某某 match. Width, case, spaces, brackets, punctuation and legal-form suffixes are
 * ignored; 分公司 is kept because a branch is a different organisation.
 */
export function normalizeOrgName(name: string): string {
  let s = cleanText(name).toLowerCase();
  let changed = true;
  while (changed) {
    changed = false;
    const compact = s.replace(PUNCT, '');
    for (const suffix of ORG_SUFFIXES) {
      const key = suffix.replace(PUNCT, '');
      if (compact.endsWith(key) && compact.length > key.length && !compact.endsWith('分' + key)) {
        s = compact.slice(0, compact.length - key.length);
        changed = true;
        break;
      }
    }
    if (!changed) s = compact;
  }
  return s;
}

/**
 * The key legal names on documents are compared by: width, case, spaces, brackets and
 * punctuation are ignored, but every word counts — 某某集团有限公司 and 某某有限公司 are two legal
 * entities, so an invoice to one is not an invoice to the other.
 */
export function legalNameKey(name: string): string {
  return cleanText(name).toLowerCase().replace(PUNCT, '');
}

/** Lower-cased, width-folded text used for the quick-search column. */
export function searchKey(value: string): string {
  return cleanText(value).toLowerCase();
}
