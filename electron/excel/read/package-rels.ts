/**
 * Open Packaging Conventions, as much as a reader needs: parts point at each other through
 * relationship parts (`_rels/.rels` for the package, `<dir>/_rels/<name>.rels` for a part), and a
 * relationship's Target is a URI relative to the part that holds the relationship. Excel always
 * writes xl/workbook.xml, but other writers do not have to, and the format says to follow these.
 */

export interface Relationship {
  id: string;
  /** The relationship type's last segment: officeDocument, worksheet, sharedStrings, styles … */
  type: string;
  target: string;
  external: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name] ?? whole;
  });
}

export function attributes(tag: string): Record<string, string> {
  // A null-prototype object: attribute names come from the file.
  const out = Object.create(null) as Record<string, string>;
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decodeXmlText(m[2]!);
  return out;
}

/** The relationships of a .rels part (Transitional and Strict type URIs alike). */
export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || !a.Target) continue;
    out.push({
      id: a.Id,
      type: (a.Type ?? '').replace(/.*\//, ''),
      target: a.Target,
      external: a.TargetMode === 'External',
    });
  }
  return out;
}

/** Where the relationships of `part` live: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function unescapeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The zip entry name a target points at, resolved against the part holding the relationship
 * (`source` '' for the package itself): "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml" and
 * "../xl/x.xml" alike. A target that climbs out of the package, or is a URL, resolves to null.
 */
export function resolveTarget(source: string, target: string): string | null {
  const t = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  if (t === '' || /^[a-z][a-z0-9+.-]*:/i.test(t)) return null;
  const segments = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of t.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(unescapeSegment(segment));
  }
  return segments.length > 0 ? segments.join('/') : null;
}
