"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.housekeepingBlock = housekeepingBlock;
exports.housekeepingReference = housekeepingReference;
exports.blockNameOf = blockNameOf;
exports.hintedProbes = hintedProbes;
// Remote blocks the catalogue has no tool entry for: a reusable workflow of another repository,
// an orb job or command, a Bitbucket pipe, a GitLab project/remote include or component, a
// Jenkins library step. Their files cannot be read, so the catalogue judges them by name: blocks
// known to run nothing a probe looks for (`housekeeping:` in model/probes.yaml) are set aside,
// and the words of any other block's name may say that it plausibly runs a control
// (`blockHints:`), which makes that probe unknown instead of missing.
const catalogue_1 = require("./catalogue");
const toolMatch_1 = require("./toolMatch");
/** The housekeeping entries as a catalogue of their own, so they match exactly as tools do. */
const housekeepingCatalogues = new WeakMap();
function housekeepingCatalogue(cat) {
    if (!cat.housekeeping?.length)
        return undefined;
    let hk = housekeepingCatalogues.get(cat);
    if (!hk) {
        hk = { schemaVersion: 1, probes: [{ id: 'housekeeping', traits: { failsBuild: 'no', qualifies: false }, tools: cat.housekeeping, source: '', line: 0 }] };
        housekeepingCatalogues.set(cat, hk);
    }
    return hk;
}
/** The housekeeping entry a block call matches (`actions/stale@v9`, `circleci/slack@4/notify`), if any. */
function housekeepingBlock(cat, kind, uses) {
    const hk = housekeepingCatalogue(cat);
    if (!hk)
        return undefined;
    return (0, toolMatch_1.matchUses)(hk, kind, uses, {})[0]?.tool;
}
/** The housekeeping entry a reference (reusable workflow, orb, pipe) names, if any. */
function housekeepingReference(cat, kind, ref) {
    if (ref.kind === 'reusable-workflow' || ref.kind === 'orb' || ref.kind === 'pipe')
        return housekeepingBlock(cat, kind, ref.ref);
    return undefined;
}
/**
 * The part of a block's name that says what it does, without owner, version or file extension:
 * a reusable workflow's file name, an orb's name and its job or command, a pipe's name, the file
 * of a GitLab project include, a component's name, a Jenkins step.
 */
function blockNameOf(kind, uses) {
    let s = uses.trim();
    const lower = s.toLowerCase();
    if (kind === 'circleci') {
        // `ns/orb@1.2/job` → `orb job`; `alias/job` (an orb whose version is unknown) → `alias job`
        const at = s.indexOf('@');
        if (at >= 0) {
            const orb = s.slice(0, at);
            const rest = s.slice(at + 1);
            const slash = rest.indexOf('/');
            return `${orb.slice(orb.lastIndexOf('/') + 1)} ${slash >= 0 ? rest.slice(slash + 1) : ''}`.trim();
        }
        const segs = s.split('/');
        return segs.slice(segs.length >= 3 ? 1 : 0).join(' ');
    }
    if (lower.includes('/.github/workflows/')) {
        // owner/repo/.github/workflows/name.yml@ref → name
        s = s.replace(/@[^/]*$/, '');
        s = s.slice(s.lastIndexOf('/') + 1);
        return s.replace(/\.ya?ml$/i, '');
    }
    if (kind === 'bitbucket-pipelines') {
        s = s.replace(/:[^/]*$/, '');
        return s.slice(s.indexOf('/') + 1);
    }
    // GitLab project include `group/project:/ci/file.yml@ref`, remote URL, component host/group/project/name@v
    const colon = s.indexOf(':/');
    if (colon >= 0 && !/^https?:/i.test(s))
        s = s.slice(colon + 1);
    s = s.replace(/@[^/]*$/, '').replace(/[?#].*$/, '');
    s = s.slice(s.lastIndexOf('/') + 1);
    return s.replace(/\.(gitlab-ci\.)?ya?ml$/i, '');
}
/** Probes whose hint words appear in the name, each with the words that matched. */
function hintedProbes(cat, name) {
    const hints = cat.blockHints;
    if (!hints?.length)
        return [];
    const words = (0, catalogue_1.nameWords)(name);
    if (!words.length)
        return [];
    const out = [];
    for (const h of hints) {
        const found = h.words.find((seq) => containsSequence(words, seq));
        if (found)
            out.push({ probe: h.probe, words: found.join(' ') });
    }
    return out;
}
function containsSequence(words, seq) {
    for (let i = 0; i + seq.length <= words.length; i++) {
        let ok = true;
        for (let j = 0; j < seq.length && ok; j++)
            ok = words[i + j] === seq[j];
        if (ok)
            return true;
    }
    return false;
}
//# sourceMappingURL=remoteBlocks.js.map