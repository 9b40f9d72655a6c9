"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PINNING_PART_IDS = void 0;
exports.runCodeProbes = runCodeProbes;
exports.pinningProbe = pinningProbe;
// Probes that look at structure rather than at which tool runs: pipelines present, runners,
// schedules, GitHub Actions hygiene, repository files, local hooks, pinning, IaC.
const remoteBlocks_1 = require("./remoteBlocks");
const catalogue_1 = require("./catalogue");
const toolMatch_1 = require("./toolMatch");
const probeTypes_1 = require("./probeTypes");
const shell_1 = require("../parse/shell");
const registry_1 = require("../ci/registry");
const FIRST_PARTY_OWNERS = new Set(['actions', 'github']);
const SHA_RE = /^[0-9a-f]{40}$/i;
function fileLoc(path) {
    return { path, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
function ciFiles(entries) {
    return entries.map((e) => e.parsed).filter((p) => !!p && (0, registry_1.isCiKind)(p.kind) && 'jobs' in p);
}
function runCodeProbes(entries, catalogue, isGitRepository) {
    const ci = ciFiles(entries);
    const byKind = (k) => entries.filter((e) => e.kind === k);
    return [
        ciPipeline(ci, catalogue),
        ciVirtualEnv(ci),
        ciSchedule(ci),
        ciSecretStore(ci),
        dependencyBot(entries),
        dependencyAutomerge(entries, ci),
        actionsPinned(ci),
        tokenPermissions(ci),
        exists('repo.security-policy', byKind('security-policy'), 'no SECURITY.md in the root, .github/ or docs/'),
        exists('repo.gitignore', byKind('gitignore'), 'no .gitignore'),
        exists('repo.codeowners', byKind('codeowners'), 'no CODEOWNERS file'),
        isGitRepository
            ? (0, probeTypes_1.outcome)('repo.version-control', 'pass', [{ loc: fileLoc('.git'), text: 'git repository' }])
            : (0, probeTypes_1.outcome)('repo.version-control', ci.length ? 'pass' : 'fail', ci.slice(0, 1).map((f) => ({ loc: f.anchor, text: 'pipeline definitions are versioned files' })), ci.length ? [] : ['the folder is not a git repository']),
        lockfiles(entries),
        localHooks(entries, catalogue, 'local.security-hooks', (p) => (0, catalogue_1.probeTraits)(catalogue, p)?.localHook === 'security'),
        localHooks(entries, catalogue, 'local.lint-hooks', (p) => (0, catalogue_1.probeTraits)(catalogue, p)?.localHook === 'lint'),
        iacPresent(entries),
    ];
}
function exists(id, files, missing) {
    return files.length ? (0, probeTypes_1.outcome)(id, 'pass', files.map((f) => ({ loc: fileLoc(f.path), text: f.path }))) : (0, probeTypes_1.outcome)(id, 'fail', [], [missing]);
}
function ciPipeline(ci, catalogue) {
    const withJobs = ci.filter((f) => f.jobs.length > 0 || f.references.length > 0);
    if (!withJobs.length)
        return (0, probeTypes_1.outcome)('ci.pipeline', 'fail', [], ['no CI pipeline definition found']);
    // A workflow that only closes stale issues or drafts release notes builds nothing.
    const chores = withJobs.filter((f) => perFile(housekeepingOnly, f, (x) => isHousekeepingOnly(x, catalogue)));
    const builds = withJobs.filter((f) => !chores.includes(f));
    const choreNote = chores.length ? [`not a build process, only housekeeping blocks (stale issues, release notes, labels, ...): ${chores.map((f) => f.path).join(', ')}`] : [];
    if (!builds.length)
        return (0, probeTypes_1.outcome)('ci.pipeline', 'fail', [], choreNote);
    return (0, probeTypes_1.outcome)('ci.pipeline', 'pass', builds.map((f) => ({ loc: f.anchor, text: `${f.path}: ${f.jobs.length} job${f.jobs.length === 1 ? '' : 's'}` })), choreNote);
}
const housekeepingOnly = new WeakMap();
/** Every job only calls housekeeping blocks (and runs no script): the file builds nothing. */
function isHousekeepingOnly(f, catalogue) {
    if (!catalogue.housekeeping?.length || !f.jobs.length)
        return false;
    if (f.references.some((r) => r.kind !== 'reusable-workflow' || !(0, remoteBlocks_1.housekeepingBlock)(catalogue, f.kind, r.ref)))
        return false;
    return f.jobs.every((job) => {
        const calls = [job.uses, ...job.steps.map((s) => s.uses)].filter((u) => !!u);
        return calls.length > 0 && job.steps.every((s) => !s.script.length) && calls.every((u) => !!(0, remoteBlocks_1.housekeepingBlock)(catalogue, f.kind, u.value));
    });
}
/**
 * What a probe takes from one parsed CI file, remembered with that file: the index keeps the
 * same object while the file's content is unchanged, so after an edit only the edited file is
 * looked at again.
 */
function perFile(cache, file, compute) {
    let v = cache.get(file);
    if (v === undefined)
        cache.set(file, (v = compute(file)));
    return v;
}
const runnerFacts = new WeakMap();
function runnersOf(f) {
    const out = { ev: [], notes: [], yes: 0, no: 0 };
    if (f.kind === 'github-action')
        return out;
    for (const job of f.jobs) {
        const e = (0, registry_1.ciDialect)(f.kind).ephemeralJob(job);
        if (e === undefined)
            continue;
        if (e) {
            out.yes++;
            out.ev.push({ loc: (job.image ?? job.runner)?.loc ?? job.loc, text: job.image ? `container: ${job.image.value}` : job.runner ? `runs on ${job.runner.value}` : `${job.id}: container executor` });
        }
        else {
            out.no++;
            out.notes.push(`${f.path}: job ${job.id} runs on ${job.runner?.value ?? 'a static agent'}`);
        }
    }
    return out;
}
function ciVirtualEnv(ci) {
    const ev = [];
    let yes = 0;
    let no = 0;
    const notes = [];
    for (const f of ci) {
        const r = perFile(runnerFacts, f, runnersOf);
        yes += r.yes;
        no += r.no;
        // Only the first 20 and 10 are kept below.
        if (ev.length < 20)
            ev.push(...r.ev);
        if (notes.length < 10)
            notes.push(...r.notes);
    }
    if (yes + no === 0)
        return (0, probeTypes_1.outcome)('ci.virtual-env', ci.length ? 'not-applicable' : 'fail', [], ci.length ? [] : ['no CI jobs']);
    return (0, probeTypes_1.outcome)('ci.virtual-env', no === 0 ? 'pass' : yes ? 'partial' : 'fail', ev.slice(0, 20), notes.slice(0, 10));
}
function ciSchedule(ci) {
    // A schedule starts the whole pipeline: every job of that file runs on it.
    const ev = ci.flatMap((f) => f.schedules.map((s) => ({ loc: s.loc, text: `schedule: ${s.value}`, unit: { pipeline: f.path } })));
    return ev.length ? (0, probeTypes_1.outcome)('ci.schedule', 'pass', ev) : (0, probeTypes_1.outcome)('ci.schedule', 'fail', [], ['no scheduled pipeline (cron) in the files; schedules set in a CI server UI cannot be seen']);
}
const secretStoreFacts = new WeakMap();
/**
 * Where a pipeline reads values from its CI system's secret store: references in values and
 * scripts (the dialect's `secretReference`: `${{ secrets.X }}`, `credentials('id')`) and the
 * stores a job is configured with (GitLab `secrets:`, Azure variable groups, CircleCI contexts).
 */
function secretStoreOf(f) {
    const ev = [];
    const tool = `${(0, registry_1.ciDialect)(f.kind).system} secret store`;
    const re = (0, registry_1.ciDialect)(f.kind).secretReference;
    const seen = new Set();
    const note = (text, loc, job) => {
        const key = `${loc.path}:${loc.line}:${loc.column}`;
        if (seen.has(key))
            return;
        seen.add(key);
        ev.push({ loc, text, tool, unit: job ? { pipeline: f.path, job } : { pipeline: f.path } });
    };
    const values = (env, job) => {
        if (!re)
            return;
        for (const [name, v] of Object.entries(env))
            if (re.test(String(v.value)))
                note(`${name}: ${String(v.value).trim()}`, v.loc, job);
    };
    for (const s of f.secretSources ?? [])
        note(s.value, s.loc);
    values(f.env);
    for (const job of f.jobs) {
        for (const s of job.secretSources ?? [])
            note(s.value, s.loc, job.id);
        values(job.env, job.id);
        for (const step of job.steps) {
            values(step.env, job.id);
            values(step.inputs, job.id);
            if (re)
                for (const l of step.script)
                    if (re.test(l.text))
                        note(l.text.trim(), l.loc, job.id);
        }
    }
    return ev;
}
function ciSecretStore(ci) {
    const ev = ci.flatMap((f) => perFile(secretStoreFacts, f, secretStoreOf));
    if (ev.length)
        return (0, probeTypes_1.outcome)('ci.secret-store', 'pass', ev.slice(0, 30));
    return (0, probeTypes_1.outcome)('ci.secret-store', 'fail', [], [
        ci.length
            ? "no pipeline reads a value from its CI system's secret store; variables masked or secured in the CI settings (GitLab, Bitbucket) cannot be seen in the files"
            : 'no CI pipeline found',
    ]);
}
function dependencyBot(entries) {
    const ev = [];
    const notes = [];
    for (const e of entries) {
        if (e.parsed?.kind === 'dependabot' && e.parsed.legacy) {
            notes.push(`${e.path} is the configuration of the retired Dependabot Preview, which GitHub no longer runs (Dependabot reads .github/dependabot.yml)`);
        }
        else if (e.parsed?.kind === 'dependabot') {
            const d = e.parsed;
            // Dependabot opens pull requests only for the ecosystems listed under `updates`.
            if (d.updates.length === 0) {
                notes.push(`${e.path} lists no \`updates\` entry with a package-ecosystem${d.problems.some((p) => p.severity === 'error') ? ' (the file does not parse)' : ' (none, or all commented out)'}: Dependabot updates nothing`);
                continue;
            }
            ev.push(...d.updates.map((u) => ({ loc: u.ecosystem.loc, text: `Dependabot: ${u.ecosystem.value}${u.directory ? ` in ${u.directory}` : ''}`, tool: 'Dependabot' })));
        }
        else if (e.kind === 'renovate')
            ev.push({ loc: fileLoc(e.path), text: e.path, tool: 'Renovate' });
        else if (e.parsed?.kind === 'renovate' && e.parsed.configKey) {
            ev.push({ loc: e.parsed.configKey, text: `${e.path}: "renovate" configuration`, tool: 'Renovate' });
        }
    }
    return ev.length ? (0, probeTypes_1.outcome)('dependency-update-bot', 'pass', ev, notes) : (0, probeTypes_1.outcome)('dependency-update-bot', 'fail', [], notes.length ? notes : ['no Dependabot or Renovate configuration']);
}
function dependencyAutomerge(entries, ci) {
    const ev = [];
    for (const e of entries) {
        const r = e.parsed?.kind === 'renovate' ? (e.parsed) : undefined;
        if (r?.automerge)
            ev.push({ loc: r.automerge, text: 'Renovate automerge', tool: 'Renovate' });
    }
    for (const f of ci)
        ev.push(...perFile(autoMerges, f, autoMergesOf));
    return ev.length ? (0, probeTypes_1.outcome)('dependency-update-automerge', 'pass', ev) : (0, probeTypes_1.outcome)('dependency-update-automerge', 'fail');
}
const autoMerges = new WeakMap();
function autoMergesOf(f) {
    const ev = [];
    for (const job of f.jobs) {
        const usesMeta = job.steps.some((s) => s.uses?.value.toLowerCase().startsWith('dependabot/fetch-metadata'));
        for (const s of job.steps) {
            for (const l of s.script) {
                if (/\bgh\s+pr\s+merge\b.*--auto\b/.test(l.text) && (usesMeta || /dependabot/i.test(job.id + l.text)))
                    ev.push({ loc: l.loc, text: l.text.trim(), tool: 'GitHub auto-merge' });
            }
        }
    }
    return ev;
}
const pinningFacts = new WeakMap();
function pinningOf(f) {
    const out = { ev: [], findings: [], thirdParty: 0, pinned: 0, firstPartyUnpinned: 0 };
    const uses = f.jobs.flatMap((j) => [j.uses, ...j.steps.map((s) => s.uses)]).filter((u) => !!u);
    for (const u of uses) {
        const ref = u.value.trim();
        if (ref.startsWith('./') || ref.startsWith('docker://'))
            continue;
        const at = ref.lastIndexOf('@');
        const name = at > 0 ? ref.slice(0, at) : ref;
        const version = at > 0 ? ref.slice(at + 1) : '';
        const owner = name.split('/')[0].toLowerCase();
        const isPinned = SHA_RE.test(version);
        if (FIRST_PARTY_OWNERS.has(owner)) {
            if (!isPinned) {
                out.firstPartyUnpinned++;
                out.findings.push({ probe: 'gha.actions-pinned', code: 'unpinned-first-party-action', message: `${name} is referenced by the movable ref "${version || '(none)'}". First-party actions are lower risk, but a commit SHA makes the build reproducible.`, loc: u.loc, severity: 'information', data: { action: name, ref: version } });
            }
            continue;
        }
        out.thirdParty++;
        if (isPinned) {
            out.pinned++;
            out.ev.push({ loc: u.loc, text: ref });
        }
        else {
            out.findings.push({ probe: 'gha.actions-pinned', code: 'unpinned-action', message: `Third-party action ${name} is referenced by "${version || '(none)'}", which its owner can move. Pin it to a full 40-character commit SHA.`, loc: u.loc, severity: 'warning', data: { action: name, ref: version } });
        }
    }
    return out;
}
function actionsPinned(ci) {
    const gha = ci.filter((f) => f.kind === 'github-workflow' || f.kind === 'github-action');
    if (!gha.length)
        return (0, probeTypes_1.outcome)('gha.actions-pinned', 'not-applicable');
    const ev = [];
    const findings = [];
    let thirdParty = 0;
    let pinned = 0;
    let firstPartyUnpinned = 0;
    for (const f of gha) {
        const p = perFile(pinningFacts, f, pinningOf);
        ev.push(...p.ev);
        findings.push(...p.findings);
        thirdParty += p.thirdParty;
        pinned += p.pinned;
        firstPartyUnpinned += p.firstPartyUnpinned;
    }
    const notes = firstPartyUnpinned ? [`${firstPartyUnpinned} first-party action reference(s) (actions/*, github/*) use tags, reported separately`] : [];
    if (thirdParty === 0)
        return (0, probeTypes_1.outcome)('gha.actions-pinned', 'pass', ev, [...notes, 'no third-party actions'], findings);
    return (0, probeTypes_1.outcome)('gha.actions-pinned', pinned === thirdParty ? 'pass' : pinned ? 'partial' : 'fail', ev, [`${pinned} of ${thirdParty} third-party action references pinned to a commit SHA`, ...notes], findings);
}
function tokenPermissions(ci) {
    const workflows = ci.filter((f) => f.kind === 'github-workflow');
    if (!workflows.length)
        return (0, probeTypes_1.outcome)('gha.token-permissions', 'not-applicable');
    const ev = [];
    const findings = [];
    let full = 0;
    let some = 0;
    for (const f of workflows) {
        if (f.permissions) {
            full++;
            ev.push({ loc: f.permissions.loc, text: `${f.path}: permissions set for the workflow` });
            continue;
        }
        const jobsWith = f.jobs.filter((j) => j.permissions);
        if (jobsWith.length && jobsWith.length === f.jobs.length) {
            full++;
            ev.push(...jobsWith.map((j) => ({ loc: j.permissions.loc, text: `${f.path}: job ${j.id} sets permissions` })));
        }
        else {
            if (jobsWith.length)
                some++;
            findings.push({
                probe: 'gha.token-permissions',
                code: 'missing-permissions',
                message: jobsWith.length
                    ? `${f.jobs.length - jobsWith.length} job(s) in this workflow get the default GITHUB_TOKEN permissions, which can be broad. Set "permissions:" at the top level (e.g. contents: read).`
                    : 'This workflow does not set "permissions:", so its GITHUB_TOKEN gets the repository default, which can allow writes. Set the least it needs (e.g. contents: read).',
                loc: f.anchor,
                severity: 'warning',
            });
        }
    }
    findings.push(...checkoutCredentials(workflows));
    const result = full === workflows.length ? 'pass' : full + some > 0 ? 'partial' : 'fail';
    return (0, probeTypes_1.outcome)('gha.token-permissions', result, ev, [`${full} of ${workflows.length} workflows restrict the token`], findings);
}
/** A parsed file is never changed, so its findings are built once (an edit re-parses only that file). */
const checkoutFindings = new WeakMap();
/**
 * actions/checkout keeps the job's token in .git/config unless `persist-credentials: false`: every
 * later step (and any artifact that includes the checkout) can read it. A weak control of the
 * token, reported on the checkout's `uses:`.
 */
function checkoutCredentials(workflows) {
    return workflows.flatMap((f) => {
        let list = checkoutFindings.get(f);
        if (!list)
            checkoutFindings.set(f, (list = checkoutCredentialsOf(f)));
        return list;
    });
}
function checkoutCredentialsOf(f) {
    const findings = [];
    for (const job of f.jobs) {
        for (const s of job.steps) {
            const ref = s.uses?.value.trim() ?? '';
            const at = ref.lastIndexOf('@');
            const name = (at > 0 ? ref.slice(0, at) : ref).toLowerCase();
            if (name !== 'actions/checkout' || !s.uses)
                continue;
            const persist = s.inputs['persist-credentials']?.value.trim().toLowerCase();
            if (persist === 'false')
                continue;
            findings.push({
                probe: 'gha.token-permissions',
                code: 'checkout-persists-credentials',
                message: `actions/checkout keeps the GITHUB_TOKEN in .git/config for the rest of job "${job.id}", where every later step can read it. Set "persist-credentials: false" unless a later step pushes with it.`,
                loc: s.uses.loc,
                severity: 'information',
                data: { action: 'actions/checkout', ref: at > 0 ? ref.slice(at + 1) : '' },
            });
        }
    }
    return findings;
}
function lockfiles(entries) {
    const locks = entries.filter((e) => e.kind === 'lockfile');
    const manifests = entries.filter((e) => e.kind === 'manifest' || e.kind === 'package-json');
    if (locks.length)
        return (0, probeTypes_1.outcome)('repo.lockfiles', 'pass', locks.map((l) => ({ loc: fileLoc(l.path), text: l.path })));
    return (0, probeTypes_1.outcome)('repo.lockfiles', manifests.length ? 'fail' : 'not-applicable', [], manifests.length ? ['dependency manifests without committed lockfiles'] : []);
}
function localHooks(entries, catalogue, id, wanted) {
    const ev = [];
    const hookFiles = entries.filter((e) => e.parsed?.kind === 'pre-commit');
    for (const e of hookFiles) {
        const p = e.parsed;
        for (const h of p.hooks) {
            for (const m of (0, toolMatch_1.matchPreCommitHook)(catalogue, h.value))
                if (wanted(m.probe))
                    ev.push({ loc: h.loc, text: `hook ${h.value}`, tool: m.tool });
        }
        for (const l of p.lines) {
            for (const inv of (0, shell_1.invocations)({ text: l.text, loc: l.loc })) {
                if (inv.kind !== 'run')
                    continue;
                for (const m of (0, toolMatch_1.matchInvocation)(catalogue, inv))
                    if (wanted(m.probe))
                        ev.push({ loc: l.loc, text: l.text, tool: m.tool });
            }
        }
    }
    return ev.length ? (0, probeTypes_1.outcome)(id, 'pass', ev) : (0, probeTypes_1.outcome)(id, 'fail', [], [hookFiles.length ? 'local hooks run no matching tool' : 'no pre-commit, husky or lefthook configuration']);
}
function iacPresent(entries) {
    const kinds = new Set(['iac', 'kubernetes', 'helm-chart', 'kustomization']);
    // A chart is cited by its Chart.yaml, not by each of its templates.
    const templates = entries.filter((e) => e.kind === 'helm-chart').map((e) => e.path.slice(0, e.path.lastIndexOf('/') + 1) + 'templates/');
    const inChart = (p) => templates.some((dir) => p.startsWith(dir));
    const files = entries.filter((e) => kinds.has(e.kind) && !e.outOfScope && !(e.kind === 'kubernetes' && inChart(e.path)));
    return files.length ? (0, probeTypes_1.outcome)('iac.present', 'pass', files.slice(0, 20).map((f) => ({ loc: fileLoc(f.path), text: f.path }))) : (0, probeTypes_1.outcome)('iac.present', 'fail', [], ['no Terraform, Kubernetes, Helm, Kustomize or similar definitions']);
}
/** Digests, SHAs and lockfiles together: the "Pinning of artifacts" picture. */
function pinningProbe(parts) {
    const applicable = parts.filter((p) => p.result !== 'not-applicable');
    if (!applicable.length)
        return (0, probeTypes_1.outcome)('pinning', 'not-applicable');
    const pass = applicable.filter((p) => p.result === 'pass').length;
    const some = applicable.filter((p) => p.result === 'pass' || p.result === 'partial').length;
    const result = pass === applicable.length ? 'pass' : some ? 'partial' : 'fail';
    return (0, probeTypes_1.outcome)('pinning', result, applicable.flatMap((p) => p.evidence).slice(0, 30), applicable.map((p) => `${PINNING_PARTS[p.id] ?? p.id}: ${PINNING_RESULT[p.result]}`));
}
/** The parts of `pinning`, in words (notes are user text: no probe ids). */
const PINNING_PARTS = {
    'container.base-image-digest': 'base images pinned by digest',
    'gha.actions-pinned': 'third-party actions pinned to a commit SHA',
    'repo.lockfiles': 'dependency lockfiles committed',
};
/** The probes `pinning` combines (an activity counting `pinning` counts their evidence too). */
exports.PINNING_PART_IDS = Object.keys(PINNING_PARTS);
const PINNING_RESULT = { pass: 'yes', partial: 'partly', fail: 'no', unknown: 'unknown', 'not-applicable': 'nothing to pin' };
//# sourceMappingURL=codeProbes.js.map