// Where the workloads run when the files say it is somewhere else. A command a job runs on another
// host over ssh runs there: `docker compose up` there deploys to that host, and a script of the
// checkout the job copied there is read as run on it. A job that clones a deployment
// repository, writes the new image tag into it and pushes (a GitOps hand-off) deploys: a GitOps
// controller (Argo CD, Flux) applies that repository. The orchestrator configuration of those
// workloads (pod probes, security contexts) then lives in that repository, which this scan cannot
// read: the health-check and security-context verdicts say "unknown" and name it, rather than judge
// the Dockerfiles or compose files of this repository as if they were what runs.
import { cloneCommand, gitSubcommand, Invocation } from '../parse/shell';
import { Evidence, ProbeResult } from './probeTypes';
import { Loc } from '../types';

/** A repository outside the workspace that the project's workloads are deployed from. */
export interface RuntimeElsewhere {
  /** The repository, as the job names it (credentials left out). */
  where: string;
  /** The line that hands the workloads over (the push). */
  evidence: Evidence;
}

/** The deploy tool a GitOps hand-off counts as (no catalogue program: a sequence of steps in one job). */
export const GITOPS_HANDOFF_TOOL = 'GitOps hand-off (new image tag pushed to a deployment repository)';

/** What a hand-off found, at the push that completes it. */
export interface Handoff {
  where: string;
  /** Said after the push line in its evidence: what was cloned and edited, and where. */
  describe: string;
}

/** Keys whose value is an image reference or tag in Helm values, kustomizations and manifests. */
const IMAGE_FIELD = /(^|[^a-z])(tag|newTag|imageTag|image_tag|image|newName|digest)([^a-z]|$)/i;

/** `$NAME`, `${NAME}`, `${NAME#v}`: references, not the text being edited. */
const VARIABLE = /\$\{[^}]*\}|\$\w+/g;
/** Files that hold no deployment configuration (a web page's version string, a formula, source code). */
const NOT_DEPLOYMENT_CONFIG = /\.(html?|md|txt|rst|rb|py|js|ts|go|rs|java|cs|sh|toml|xml|gradle|properties|cfg|ini|spec|nuspec)$/i;

const YQ_SUBCOMMANDS = new Set(['e', 'eval', 'ea', 'eval-all', 'w', 'write']);
const CONFIG_FILE = /\.(ya?ml|json)$/i;

/** `https://user:token@host/org/repo.git` → `host/org/repo`: no credentials in notes. */
export function repositoryName(url: string): string {
  return url
    .replace(/^[a-z][\w+.-]*:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** A repository named only by a variable (`${VALUES_REPO}`) is said so. */
function shownRepository(where: string): string {
  return /^\$\{?\w+\}?$/.test(where) ? `the repository in ${where}` : where;
}

/** In-place edit flags: `sed -i`, `-i.bak`, `-Ei`, `--in-place`; `yq -i`, `--inplace`. */
function editsInPlace(args: readonly string[]): boolean {
  return args.some((a) => a === '--in-place' || a.startsWith('--in-place=') || a === '--inplace' || /^-[A-Za-z]*i/.test(a));
}

/** A command that writes a new image or tag into a file: what it sets, else undefined. */
function imageEdit(inv: Invocation): string | undefined {
  if (inv.kind !== 'run') return undefined;
  const a = inv.args;
  if (inv.program === 'kustomize' && a[0] === 'edit' && a[1] === 'set' && a[2] === 'image') return 'kustomize edit set image';
  if ((inv.program === 'sed' || inv.program === 'gsed' || inv.program === 'yq') && editsInPlace(a)) {
    const words = a.filter((w) => !w.startsWith('-'));
    // sed: the expression, then the files. yq: a subcommand (`e`, `w`) may come first, and v3 puts
    // the file before the path (`yq w -i values.yaml image.tag v2`): any word that is no file.
    const yq = inv.program === 'yq';
    const rest = yq && YQ_SUBCOMMANDS.has(words[0] ?? '') ? words.slice(1) : words;
    const expressions = yq ? rest.filter((w) => !CONFIG_FILE.test(w)) : rest.slice(0, 1);
    const edited = yq ? rest.filter((w) => CONFIG_FILE.test(w)) : rest.slice(1);
    // A variable's name says nothing about what is written (`${IMAGE_TAG}` in a web page's version string).
    if (!expressions.some((e) => IMAGE_FIELD.test(e.replace(VARIABLE, '')))) return undefined;
    if (edited.length && edited.every((f) => NOT_DEPLOYMENT_CONFIG.test(f))) return undefined;
    return `${inv.program} -i`;
  }
  return undefined;
}

/** Options of `ssh` that take a value. */
const SSH_VALUED = new Set(['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w']);

/** `ssh [options] HOST COMMAND…`: the host and the command it runs there (none for a login shell). */
export function remoteCommand(inv: Invocation): { host: string; words: string[] } | undefined {
  if (inv.kind !== 'run' || inv.program !== 'ssh') return undefined;
  const a = inv.args;
  let i = 0;
  while (i < a.length && a[i].startsWith('-')) i += a[i].length === 2 && SSH_VALUED.has(a[i]) ? 2 : 1;
  const host = a[i];
  const words = a.slice(i + 1);
  return host && words.length ? { host, words } : undefined;
}

/** Options of `scp` / `rsync` that take a value as the next word. */
const COPY_VALUED = new Set(['-c', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-e', '--rsh', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '--chmod', '--chown', '-T', '--temp-dir']);
/** The checkout itself as a copy source: `.`, `./`, `*`, `$PWD`, `$PWD/*`, `$(pwd)`, the CI system's checkout variable. */
const CHECKOUT_SOURCE = /^(\.\/?|\.\/\*|\*|(\$\{?(PWD|CI_PROJECT_DIR|GITHUB_WORKSPACE|BITBUCKET_CLONE_DIR|WORKSPACE|CIRCLE_WORKING_DIRECTORY|BUILD_SOURCESDIRECTORY)\}?|\$\(pwd\))(\/\*?)?)$/;
/** `[user@]host:path`, not a local path with a colon in a later segment. */
const REMOTE_PATH = /^([^\s/:]+):(.*)$/;

/** A copy of local files to a host (`scp -r . host:dir`, `rsync -a dist/ host:/srv/app`): the remote folder and the local one it mirrors. */
export function copiedToHost(inv: Invocation): { host: string; dest: string; local: string } | undefined {
  if (inv.kind !== 'run' || (inv.program !== 'scp' && inv.program !== 'rsync')) return undefined;
  const words: string[] = [];
  for (let i = 0; i < inv.args.length; i++) {
    const a = inv.args[i];
    if (a.startsWith('-')) {
      if (!a.includes('=') && COPY_VALUED.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  if (words.length < 2) return undefined;
  const remote = REMOTE_PATH.exec(words[words.length - 1]);
  if (!remote) return undefined;
  const sources = words.slice(0, -1);
  if (sources.length !== 1) return undefined;
  const source = sources[0];
  // Only a folder the remote one stands for: the checkout, or one folder's contents (`dist/`, `deploy/*`).
  const local = CHECKOUT_SOURCE.test(source) ? '' : /^[\w.-]+(\/[\w.-]+)*\/\*?$/.test(source) && !source.startsWith('..') ? source.replace(/\/\*?$/, '') : undefined;
  if (local === undefined) return undefined;
  return { host: remote[1], dest: remote[2].replace(/\/+$/, ''), local };
}

/**
 * A word of a command run on a host, as the local path it stands for when it lies in a folder the
 * job copied there (`deploy/run.sh` after `scp -r $PWD/* host:~/deploy` is `./run.sh` of the checkout).
 */
function localWord(word: string, copies: readonly { dest: string; local: string }[]): string {
  for (const c of copies) {
    const dest = c.dest.replace(/^~\//, '');
    for (const prefix of [c.dest, dest, `~/${dest}`]) {
      if (!prefix) continue;
      const base = c.local ? `./${c.local}` : '.';
      if (word === prefix) return base;
      if (word.startsWith(`${prefix}/`)) return `${base}/${word.slice(prefix.length + 1)}`;
    }
  }
  return word;
}

/**
 * A command that starts workloads on the host it runs on, as the catalogue knows it when given a
 * remote Docker host: `docker compose up` / `docker stack deploy` run over ssh are the same as run
 * with `--host=ssh://HOST` (a deployment to that host), whatever the runner of the job.
 */
export function onRemoteHost(inv: Invocation, host: string): Invocation {
  if (inv.kind !== 'run' || (inv.program !== 'docker' && inv.program !== 'docker-compose')) return inv;
  const a = inv.args;
  const starts = a.includes('up') || (a.includes('stack') && a.includes('deploy'));
  // A Docker host already named (global options, before the subcommand: `-c` of `stack deploy` is its compose file).
  const first = a.findIndex((w) => !w.startsWith('-'));
  const globals = first < 0 ? a : a.slice(0, first);
  const named = a.some((w) => w === '--host' || w.startsWith('--host=') || w === '--context' || w.startsWith('--context=')) || globals.some((w) => w === '-H' || w === '-c');
  if (!starts || named) return inv;
  return { ...inv, args: [`--host=ssh://${host}`, ...a] };
}

/**
 * What one job hands to places outside its runner: the steps of a GitOps hand-off seen so far, in
 * order (another repository cloned, an image tag written into a file, then `git push`), and the
 * folders it copied to hosts. One tracker per job: the steps of a job share a machine and its
 * folders, separate jobs do not.
 */
export class HandoffTracker {
  private clone?: { repository: string; loc: Loc };
  private edit?: { what: string; loc: Loc };
  /** Folders the job copied to a host, so the paths of a command run there can be read here. */
  private readonly copies: { host: string; dest: string; local: string }[] = [];

  /** The command an `ssh` line runs on its host, with paths into copied folders made local ones. */
  remoteLine(inv: Invocation): { host: string; command: string } | undefined {
    const remote = remoteCommand(inv);
    if (!remote) return undefined;
    return { host: remote.host, command: remote.words.map((w) => localWord(w, this.copies)).join(' ') };
  }

  /** A repository checked out by a step's own means (`actions/checkout` with `repository:`). */
  cloned(repository: string, loc: Loc): void {
    this.clone = { repository, loc };
    this.edit = undefined;
  }

  /** Feeds one command of the job; returns the hand-off when this command completes one. */
  observe(inv: Invocation, loc: Loc): Handoff | undefined {
    const copy = copiedToHost(inv);
    if (copy) this.copies.push(copy);
    const repository = cloneCommand(inv)?.url;
    if (repository !== undefined) {
      this.cloned(repository, loc);
      return undefined;
    }
    if (!this.clone) return undefined;
    const edit = imageEdit(inv);
    if (edit) {
      this.edit = { what: edit, loc };
      return undefined;
    }
    if (!this.edit || gitSubcommand(inv)?.sub !== 'push') return undefined;
    const where = repositoryName(this.clone.repository);
    const at = (l: Loc) => `${l.path}:${l.line}`;
    const found = { where, describe: `pushes the image tag written by ${this.edit.what} at ${at(this.edit.loc)} to ${where}, cloned at ${at(this.clone.loc)}` };
    this.edit = undefined;
    return found;
  }
}

/** Keeps the hand-offs whose push counted as a deployment (a job never run, a refused pipeline: not). */
export function countedHandoffs(all: readonly RuntimeElsewhere[], deployEvidence: readonly Evidence[]): RuntimeElsewhere[] {
  const key = (l: Loc) => `${l.path}:${l.line}:${l.column}`;
  const counted = new Set(deployEvidence.map((e) => key(e.loc)));
  return all.filter((r) => counted.has(key(r.evidence.loc)));
}

/** The hand-offs as one comparable string (for reuse of container probe outcomes). */
export function runtimeElsewhereKey(elsewhere: readonly RuntimeElsewhere[] | undefined): string {
  return (elsewhere ?? []).map((r) => `${r.where} ${r.evidence.loc.path}:${r.evidence.loc.line}`).join('\n');
}

/**
 * The verdict of a probe about how workloads run (health checks, security contexts) when they are
 * deployed from another repository and nothing in this one is judged as their orchestrator
 * configuration: unknown, naming that repository. `judgedHere`: this repository holds workloads
 * (Kubernetes manifests, chart templates) the verdict was made on; they decide as before.
 */
export function withRuntimeElsewhere(result: ProbeResult, elsewhere: readonly RuntimeElsewhere[] | undefined, judgedHere: boolean, what: string, notes: string[]): ProbeResult {
  if (!elsewhere?.length || judgedHere) return result;
  const repos = [...new Set(elsewhere.map((r) => shownRepository(r.where)))].sort();
  const at = [...new Set(elsewhere.map((r) => `${r.evidence.loc.path}:${r.evidence.loc.line}`))];
  const one = repos.length === 1;
  notes.unshift(
    `unknown: the workloads are deployed from ${repos.join(', ')} (GitOps hand-off at ${at.slice(0, 2).join(', ')}${at.length > 2 ? ', …' : ''}), which this scan cannot read: ${what} are set there. The files here are listed, not judged; check ${one ? 'that repository' : 'those repositories'}, and mark the activity done if ${one ? 'it has' : 'they have'} them.`,
  );
  return 'unknown';
}
