"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadDetectionData = loadDetectionData;
// The detection data both hosts load: the tool catalogue and the activity rules. Indexing and
// evaluating a folder is FolderScan's job (folderScan.ts), the same for the CLI and the editor.
const catalogue_1 = require("./detect/catalogue");
const rules_1 = require("./detect/rules");
/** Parses the detection data (model/probes.yaml and model/rules.yaml); throws naming file and line. */
function loadDetectionData(probesText, probesSource, rulesText, rulesSource) {
    const catalogue = (0, catalogue_1.loadCatalogue)(probesText, probesSource);
    const rules = (0, rules_1.loadRules)(rulesText, rulesSource);
    return { catalogue, rules };
}
//# sourceMappingURL=scan.js.map