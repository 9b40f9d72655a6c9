// Trimming without regular expressions. `/x+$/` is quadratic in V8 on a long run of x that does
// not end the string (each start position rescans the run), and workspace files can hold
// megabyte-long lines; these loops are linear.

/** `s` without the trailing characters that are in `chars`. */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the leading and trailing characters that are in `chars`. */
export function trimOf(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return trimEndOf(s.slice(start), chars);
}

/** How many times `ch` repeats at the end of `s`. */
export function trailingCount(s: string, ch: string): number {
  let n = 0;
  while (n < s.length && s[s.length - 1 - n] === ch) n++;
  return n;
}
