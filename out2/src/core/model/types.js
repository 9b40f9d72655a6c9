"use strict";
// The DSOMM model as the rest of the product sees it: everything keyed by activity uuid.
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_LEVEL = void 0;
exports.MAX_LEVEL = 5;
//# sourceMappingURL=types.js.map