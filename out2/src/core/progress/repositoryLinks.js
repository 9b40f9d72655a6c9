"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DETECTED_EVIDENCE_TITLE = void 0;
exports.readRepositoryInfo = readRepositoryInfo;
exports.parseRemotes = parseRemotes;
exports.webUrlOf = webUrlOf;
exports.lineUrl = lineUrl;
exports.detectedEvidenceInput = detectedEvidenceInput;
// Links to the lines of the repository on its git host, for evidence the DSOMM web app shows:
// the remote comes from `.git/config` and the branch from `.git/HEAD`, read through the file
// system interface (no git binary, works in remote and virtual workspaces).
const fs_1 = require("../fs");
const MAX_GIT_FILE = 256 * 1024;
/** The repository's web address (remote "origin", else the first remote); undefined without a usable remote. */
async function readRepositoryInfo(fs) {
    const config = await readSmall(fs, '.git/config');
    if (config === undefined)
        return undefined;
    const remotes = parseRemotes(config);
    const url = remotes.get('origin') ?? remotes.values().next().value;
    const web = url === undefined ? undefined : webUrlOf(url);
    if (!web)
        return undefined;
    const head = await readSmall(fs, '.git/HEAD');
    const ref = head === undefined ? undefined : refOf(head);
    return { ...web, ...(ref ? { ref } : {}) };
}
async function readSmall(fs, path) {
    try {
        const st = await fs.stat(path);
        if (st.type !== 'file' || st.size > MAX_GIT_FILE)
            return undefined;
        const d = (0, fs_1.decodeText)(await fs.readFile(path, { maxBytes: MAX_GIT_FILE }));
        return 'error' in d ? undefined : d.text;
    }
    catch {
        return undefined;
    }
}
/** `[remote "name"] url = …` sections of a git config text, by remote name. */
function parseRemotes(text) {
    const out = new Map();
    let remote;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';'))
            continue;
        const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
        if (section) {
            remote = section[1].toLowerCase() === 'remote' && section[2] !== undefined ? section[2].replace(/\\(.)/g, '$1') : undefined;
            continue;
        }
        const kv = /^url\s*=\s*(.*)$/i.exec(line);
        if (remote !== undefined && kv && !out.has(remote))
            out.set(remote, kv[1].replace(/^"(.*)"$/, '$1').trim());
    }
    return out;
}
/** The https page of a remote URL (https, ssh, scp-like); undefined for local paths and odd URLs. */
function webUrlOf(remote) {
    let host;
    let path;
    const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/.exec(remote);
    if (/^(https?|ssh|git):\/\//i.test(remote)) {
        let u;
        try {
            u = new URL(remote);
        }
        catch {
            return undefined;
        }
        host = u.hostname;
        path = u.pathname;
    }
    else if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else
        return undefined;
    path = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
    if (!host || !path || /[\s"'<>`]/.test(path))
        return undefined;
    const lower = host.toLowerCase();
    if (lower === 'ssh.dev.azure.com' || lower.endsWith('.visualstudio.com') || lower === 'dev.azure.com') {
        // ssh: v3/org/project/repo → https://dev.azure.com/org/project/_git/repo
        const parts = path.split('/');
        if (parts[0] === 'v3' && parts.length === 4)
            return { webUrl: `https://dev.azure.com/${parts[1]}/${parts[2]}/_git/${parts[3]}`, host: 'azure' };
        return { webUrl: `https://${lower === 'ssh.dev.azure.com' ? 'dev.azure.com' : lower}/${path}`, host: 'azure' };
    }
    const kind = lower === 'github.com' || lower.startsWith('github.') ? 'github'
        : lower.includes('gitlab') ? 'gitlab'
            : lower.includes('bitbucket') ? 'bitbucket'
                : 'other';
    return { webUrl: `https://${lower}/${path}`, host: kind };
}
/** The branch of `ref: refs/heads/x`, or a detached commit. */
function refOf(head) {
    const t = head.trim();
    const m = /^ref:\s*refs\/heads\/(.+)$/.exec(t);
    if (m)
        return m[1];
    return /^[0-9a-f]{40,64}$/.test(t) ? t : undefined;
}
/** The web page of one line of a file; undefined when the host's URL scheme or the ref is unknown. */
function lineUrl(repo, path, line) {
    if (!repo.ref)
        return undefined;
    const file = path.split('/').map(encodeURIComponent).join('/');
    const ref = repo.ref.split('/').map(encodeURIComponent).join('/');
    switch (repo.host) {
        case 'github':
            return `${repo.webUrl}/blob/${ref}/${file}#L${line}`;
        case 'gitlab':
            return `${repo.webUrl}/-/blob/${ref}/${file}#L${line}`;
        case 'bitbucket':
            return `${repo.webUrl}/src/${ref}/${file}#lines-${line}`;
        case 'azure':
            return `${repo.webUrl}?path=/${file}&version=GB${ref}&line=${line}`;
        default:
            return undefined;
    }
}
exports.DETECTED_EVIDENCE_TITLE = 'Detected in the repository';
/** At most this many lines are listed; the rest are counted. */
const MAX_LINES = 25;
/**
 * A DSOMM evidence entry for what the scan found for an activity: the file:line list (with a link
 * per line when the repository's host is known), so the web app shows why the team claims it.
 * Undefined when the scan found nothing for it.
 */
function detectedEvidenceInput(result, repo) {
    if (!result.evidence.length)
        return undefined;
    const seen = new Set();
    const lines = [];
    let more = 0;
    for (const e of result.evidence) {
        const key = `${e.loc.path}:${e.loc.line}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (lines.length >= MAX_LINES) {
            more++;
            continue;
        }
        const url = repo && lineUrl(repo, e.loc.path, e.loc.line);
        const place = url ? `[${markdownText(key)}](${url})` : `\`${key.replace(/`/g, "'")}\``;
        const what = [e.tool, e.text].filter((x) => !!x && !!x.trim()).map((x) => markdownText(x.replace(/\s+/g, ' ').trim().slice(0, 160)));
        lines.push(`- ${place}${what.length ? `: ${what.join(' · ')}` : ''}`);
    }
    if (more)
        lines.push(`- … and ${more} more place${more === 1 ? '' : 's'}`);
    const intro = `Found by the DSOMM extension${repo?.ref ? ` on ${markdownText(repo.ref)}` : ''}:`;
    return { title: exports.DETECTED_EVIDENCE_TITLE, description: `${intro}\n\n${lines.join('\n')}\n`, ...(repo ? { link: repo.webUrl } : {}) };
}
/** Text inside Markdown: characters that would start markup are escaped. */
function markdownText(s) {
    return s.replace(/[\\`*_{}[\]()#+!<>|~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
//# sourceMappingURL=repositoryLinks.js.map