"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FINDING_CODES = void 0;
exports.isFindingCode = isFindingCode;
// The closed set of finding codes the engine emits. A finding's `code` must be one of them (the
// compiler checks every place that builds a finding), and model/fixes.yaml's `resolves:` is checked
// against the same list when it loads, so a misspelt code fails loudly instead of silently
// dropping a quick fix. Codes are stable: reports, SARIF rule ids and `dsomm-ignore` comments use them.
exports.FINDING_CODES = [
    // CI pipelines
    'unpinned-action',
    'unpinned-first-party-action',
    'missing-permissions',
    'checkout-persists-credentials',
    'scanner-cannot-fail',
    'control-disabled',
    'pipe-to-shell',
    // Container images and Dockerfiles
    'root-user',
    'latest-tag',
    'untagged-image',
    'unpinned-image',
    'no-healthcheck',
    'add-remote-url',
    'secret-in-env',
    // Kubernetes, Helm and compose
    'privileged',
    'host-namespace',
    'missing-security-context',
    'no-resource-limits',
    'no-network-policy',
];
const KNOWN = new Set(exports.FINDING_CODES);
function isFindingCode(code) {
    return KNOWN.has(code);
}
//# sourceMappingURL=findingCodes.js.map