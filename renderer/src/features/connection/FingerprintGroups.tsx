/** A SHA-256 fingerprint large and in groups of four pairs, for comparing it by eye. */
export function fingerprintGroups(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}

export function FingerprintGroups({
  fingerprint,
  tone = 'normal',
  testId,
}: {
  fingerprint: string;
  tone?: 'normal' | 'danger';
  testId?: string;
}) {
  return (
    <div
      className={`fingerprint fingerprint--${tone}`}
      data-testid={testId}
      data-fingerprint={fingerprint}
      aria-label={fingerprint}
    >
      {fingerprintGroups(fingerprint).map((group, i) => (
        <span key={i} className="fingerprint__group">
          {group}
        </span>
      ))}
    </div>
  );
}
