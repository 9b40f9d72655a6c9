"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIX_DIALECTS = exports.GUIDANCE_COMMANDS = void 0;
// The vocabulary of in-editor guidance: hovers, diagnostics, quick fixes. Pure data, shaped
// so that the VS Code providers (thin wrappers) can map it 1:1 onto vscode types.
//
// Positions
// ---------
// - `Loc` (from the engine) is 1-based, end exclusive: what hovers and diagnostics are computed
//   from, and what `hoverAt` takes (line and column as in a Loc, i.e. VS Code position + 1).
// - `Range0` / `Position0` are 0-based with an exclusive end, exactly like `vscode.Range`:
//   `new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)`.
//   Characters are UTF-16 code units (JavaScript string indices), as in VS Code.
// - Every diagnostic carries both: `range` (0-based) and `loc` (the engine's 1-based Loc).
// - Text edits are 0-based (Range0): `vscode.TextEdit.replace(range, newText)`.
const registry_1 = require("../scan/ci/registry");
/**
 * Command ids the guidance links to. The extension registers them (not part of the core);
 * a renamed command only needs a change here.
 */
exports.GUIDANCE_COMMANDS = {
    /** Shows an activity's details. Args: [{ uuid }]. */
    openActivity: 'dsomm.openActivity',
    /** Marks an activity done (the top progress state) in the team's progress file. Args: [{ uuid }]. */
    markActivityDone: 'dsomm.markActivityDone',
    /** Marks an activity not applicable (asks for a reason). Args: [{ uuid }]. */
    markNotApplicable: 'dsomm.markNotApplicable',
    /** Inserts the quick-fix template for an activity or probe. Args: [{ uuid?, probe?, uri? }]. */
    insertFix: 'dsomm.insertFix',
};
exports.FIX_DIALECTS = [...registry_1.FIXABLE_CI_KINDS, 'dockerfile', 'compose', 'kubernetes', 'repository'];
//# sourceMappingURL=types.js.map