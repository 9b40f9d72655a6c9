"use strict";
// Trimming without regular expressions. `/x+$/` is quadratic in V8 on a long run of x that does
// not end the string (each start position rescans the run), and workspace files can hold
// megabyte-long lines; these loops are linear.
Object.defineProperty(exports, "__esModule", { value: true });
exports.trimEndOf = trimEndOf;
exports.trimOf = trimOf;
exports.trailingCount = trailingCount;
/** `s` without the trailing characters that are in `chars`. */
function trimEndOf(s, chars) {
    let end = s.length;
    while (end > 0 && chars.includes(s[end - 1]))
        end--;
    return end === s.length ? s : s.slice(0, end);
}
/** `s` without the leading and trailing characters that are in `chars`. */
function trimOf(s, chars) {
    let start = 0;
    while (start < s.length && chars.includes(s[start]))
        start++;
    return trimEndOf(s.slice(start), chars);
}
/** How many times `ch` repeats at the end of `s`. */
function trailingCount(s, ch) {
    let n = 0;
    while (n < s.length && s[s.length - 1 - n] === ch)
        n++;
    return n;
}
//# sourceMappingURL=text.js.map