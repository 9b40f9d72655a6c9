"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseKoConfig = parseKoConfig;
// `.ko.yaml` parser: the base images ko builds on. Pure; never throws.
const common_1 = require("./common");
function parseKoConfig(path, text) {
    const file = { kind: 'ko-config', path, baseImageOverrides: [], problems: [] };
    try {
        const ctx = (0, common_1.loadYaml)(path, text, file.problems)[0];
        if (!ctx)
            return file;
        const root = ctx.doc.contents;
        if (!(0, common_1.isMapNode)(root)) {
            if (root !== null)
                (0, common_1.shapeProblem)(ctx, root, '.ko.yaml must be a mapping');
            return file;
        }
        const base = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, root, 'defaultBaseImage')?.value);
        if (base && base.value.trim() !== '')
            file.defaultBaseImage = base;
        const overrides = (0, common_1.entry)(ctx, root, 'baseImageOverrides')?.value;
        if ((0, common_1.isMapNode)(overrides)) {
            for (const e of (0, common_1.entries)(ctx, overrides)) {
                const image = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, overrides, e.keyText)?.value);
                if (image && image.value.trim() !== '')
                    file.baseImageOverrides.push(image);
            }
        }
    }
    catch (e) {
        file.problems.push({ message: `.ko.yaml could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
//# sourceMappingURL=ko.js.map