"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineDialect = defineDialect;
/**
 * Keeps the literal `kind` and the shape of `fixes` of a dialect, so that the registry can derive
 * the CiKind union and the fixable kinds from the list itself.
 */
function defineDialect(dialect) {
    return dialect;
}
//# sourceMappingURL=dialect.js.map