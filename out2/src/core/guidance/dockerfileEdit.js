"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dockerPlacement = dockerPlacement;
exports.imageFamily = imageFamily;
exports.pinPlaceholder = pinPlaceholder;
// Dockerfile edits: where instructions go in the final stage, which user-creation command fits
// its base image, and image references rewritten to a pin placeholder.
const dockerfile_1 = require("../scan/parse/containers/dockerfile");
const text_1 = require("./text");
/** Before the final stage's first CMD/ENTRYPOINT (and the comments right above it), else after its last instruction. */
function dockerPlacement(path, text, lines) {
    const file = (0, dockerfile_1.parseDockerfile)(path, text);
    const stage = file.stages[file.stages.length - 1];
    if (!stage)
        return { reason: 'the Dockerfile has no FROM' };
    const start = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    if (start) {
        let line = start.loc.line - 1;
        while (line - 1 > stage.fromLoc.line - 1 && (0, text_1.isHashComment)(lines[line - 1] ?? ''))
            line--;
        return { beforeLine: line, stage, file };
    }
    const last = stage.instructions[stage.instructions.length - 1];
    const end = last ? Math.max(last.loc.endLine, last.loc.line) : stage.fromLoc.line;
    return { afterLine: end - 1, stage, file };
}
const DEBIAN_FAMILY = /^(?:docker\.io\/)?(?:library\/)?(node|python|ruby|golang|openjdk|eclipse-temurin|amazoncorretto|debian|ubuntu|nginx|httpd|php|perl|rust|buildpack-deps|maven|gradle|mcr\.microsoft\.com\/dotnet\/.+)$/i;
const DEBIAN_TAG = /(bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)/i;
/** Which user-creation snippet fits the stage's base image. */
function imageFamily(stage, file) {
    let s = stage;
    const seen = new Set();
    while (s && s.parent !== undefined && !seen.has(s.index)) {
        seen.add(s.index);
        s = file.stages[s.parent];
    }
    if (!s || s.scratch)
        return 'other';
    const name = s.image.name ?? '';
    const tag = s.image.tag ?? '';
    if (/alpine/i.test(name) || /alpine/i.test(tag))
        return 'alpine';
    if (/distroless|chainguard|wolfi|scratch|busybox/i.test(name))
        return 'other';
    if (DEBIAN_FAMILY.test(name) || DEBIAN_TAG.test(tag) || /(^|\/)(debian|ubuntu)$/i.test(name))
        return 'debian';
    return 'other';
}
/** The image text with its moving tag replaced (or a tag added) by `placeholder`; undefined when it has a digest or variables. */
function pinPlaceholder(image, placeholder) {
    if (image.includes('@') || image.includes('$'))
        return undefined;
    const slash = image.lastIndexOf('/');
    const colon = image.lastIndexOf(':');
    if (colon > slash)
        return image.slice(0, colon + 1) + placeholder;
    return `${image}:${placeholder}`;
}
//# sourceMappingURL=dockerfileEdit.js.map