/** Column widths in Excel character units, from the header and a sample of values (CJK counts double). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

export function columnWidth(header: string, samples: readonly string[], min = 6, max = 60): number {
  let widest = displayWidth(header) + 4; // room for the autofilter button
  for (const s of samples) widest = Math.max(widest, displayWidth(s));
  return Math.min(max, Math.max(min, widest + 2));
}
