"use strict";
// The shared vocabulary of the detection engine: what parsers produce and probes consume.
// Every position is exact and 1-based, because hovers, diagnostics and quick fixes use it.
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTAINER_KINDS = void 0;
exports.CONTAINER_KINDS = ['dockerfile', 'compose', 'kubernetes', 'helm-chart', 'helm-values', 'kustomization', 'ko-config'];
//# sourceMappingURL=types.js.map