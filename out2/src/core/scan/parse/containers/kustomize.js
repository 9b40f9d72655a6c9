"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseKustomization = parseKustomization;
// kustomization.yaml parser: resources, components and image overrides. Pure; never throws.
const common_1 = require("./common");
function parseKustomization(path, text) {
    const file = { kind: 'kustomization', path, resources: [], components: [], patches: [], images: [], problems: [] };
    try {
        const ctx = (0, common_1.loadYaml)(path, text, file.problems)[0];
        if (!ctx)
            return file;
        const root = ctx.doc.contents;
        if (!(0, common_1.isMapNode)(root)) {
            (0, common_1.shapeProblem)(ctx, root, 'A kustomization must be a mapping');
            return file;
        }
        for (const key of ['resources', 'bases']) {
            const e = (0, common_1.entry)(ctx, root, key);
            if (!e)
                continue;
            file.anchor ??= (0, common_1.keyLoc)(ctx, e);
            file.resources.push(...(0, common_1.locatedList)(ctx, e.value));
        }
        file.components = (0, common_1.locatedList)(ctx, (0, common_1.entry)(ctx, root, 'components')?.value);
        if ((0, common_1.located)(ctx, (0, common_1.entry)(ctx, root, 'kind')?.value)?.value === 'Component')
            file.component = true;
        // Patch files: listed by path (inline `patch:` text names no file).
        file.patches.push(...(0, common_1.locatedList)(ctx, (0, common_1.entry)(ctx, root, 'patchesStrategicMerge')?.value).filter((p) => !p.value.includes('\n')));
        for (const key of ['patches', 'patchesJson6902']) {
            for (const item of (0, common_1.items)(ctx, (0, common_1.entry)(ctx, root, key)?.value)) {
                const p = (0, common_1.isMapNode)(item) ? (0, common_1.located)(ctx, (0, common_1.entry)(ctx, item, 'path')?.value) : (0, common_1.located)(ctx, item);
                if (p && !p.value.includes('\n'))
                    file.patches.push(p);
            }
        }
        const ns = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, root, 'namespace')?.value);
        if (ns)
            file.namespace = ns;
        const images = (0, common_1.entry)(ctx, root, 'images');
        if (images) {
            file.anchor ??= (0, common_1.keyLoc)(ctx, images);
            for (const item of (0, common_1.items)(ctx, images.value)) {
                if (!(0, common_1.isMapNode)(item)) {
                    (0, common_1.shapeProblem)(ctx, item, 'Each entry of `images` must be a mapping');
                    continue;
                }
                const nameEntry = (0, common_1.entry)(ctx, item, 'name');
                const name = (0, common_1.located)(ctx, nameEntry?.value);
                if (!name || !nameEntry) {
                    (0, common_1.shapeProblem)(ctx, item, 'An `images` entry needs a `name`');
                    continue;
                }
                const img = { loc: (0, common_1.entryLoc)(ctx, nameEntry), name };
                for (const k of ['newName', 'newTag', 'digest']) {
                    const v = (0, common_1.located)(ctx, (0, common_1.entry)(ctx, item, k)?.value);
                    if (v)
                        img[k] = v;
                }
                file.images.push(img);
            }
        }
    }
    catch (e) {
        file.problems.push({ message: `Kustomization could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
    return file;
}
//# sourceMappingURL=kustomize.js.map