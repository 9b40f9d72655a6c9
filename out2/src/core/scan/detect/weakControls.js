"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pipeToShellMessage = pipeToShellMessage;
function pipeToShellMessage(run) {
    return `A script downloaded with ${run.fetcher} is run unverified; download it, check its checksum or signature, then run it`;
}
//# sourceMappingURL=weakControls.js.map