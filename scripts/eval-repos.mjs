// Agreement of the detector with hand labels on real repositories: `npm run eval:repos`.
//
//   node scripts/eval-repos.mjs [COPIES_DIR] [--repo owner/name]... [--probe ID]... [--set NAME]... [--json FILE] [--no-build]
//
// Reads eval/repos.yaml (repositories, commits and the verdict a person gave each of the 20 probes
// before the scanner ran), scans each local copy with the CLI (`dist/cli.js scan DIR --format json`)
// and prints the agreement per probe and overall, then every disagreement with the label's reason
// and the scanner's notes. Copies live in COPIES_DIR (argument, else $DSOMM_EVAL_DIR, else
// ~/.cache/dsomm-eval) as `<owner>+<name>`, a git checkout at the labelled commit; copies that are
// absent or at another commit are listed with the command that gets them
// (`node scripts/eval-repos-fetch.mjs`). Not part of `npm test`: CI has no copies. The held-out sets
// (eval/holdout/) are scanned only with --holdout, and then alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
export const LABELS_FILE = path.join(ROOT, 'eval', 'repos.yaml');
export const VERDICTS = ['pass', 'partial', 'fail', 'unknown', 'not-applicable'];

export function defaultCopiesDir() {
  return process.env.DSOMM_EVAL_DIR || path.join(os.homedir(), '.cache', 'dsomm-eval');
}

export function copyName(repo) {
  return repo.replace('/', '+');
}

/** The labels file, checked: every repository labels every probe with a known verdict and a reason. */
export function loadLabels(file = LABELS_FILE) {
  const doc = parse(readFileSync(file, 'utf8'));
  const problems = [];
  if (!doc || !Array.isArray(doc.probes) || !Array.isArray(doc.repositories)) throw new Error(`${file}: needs 'probes' and 'repositories' lists`);
  const seen = new Set();
  for (const r of doc.repositories) {
    const where = `${file}: ${r.repo ?? '(no repo)'}`;
    if (typeof r.repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(r.repo)) problems.push(`${where}: repo must be owner/name`);
    if (seen.has(r.repo)) problems.push(`${where}: listed twice`);
    seen.add(r.repo);
    if (typeof r.commit !== 'string' || !/^[0-9a-f]{40}$/.test(r.commit)) problems.push(`${where}: commit must be a full 40-hex commit id`);
    for (const probe of doc.probes) {
      const label = r.labels?.[probe];
      if (!Array.isArray(label) || label.length !== 2) problems.push(`${where}: probe ${probe} needs [verdict, reason]`);
      else if (!VERDICTS.includes(label[0])) problems.push(`${where}: probe ${probe}: unknown verdict '${label[0]}'`);
      else if (typeof label[1] !== 'string' || label[1].trim().length < 5) problems.push(`${where}: probe ${probe}: the reason is missing`);
    }
    for (const probe of Object.keys(r.labels ?? {})) if (!doc.probes.includes(probe)) problems.push(`${where}: label for ${probe}, which is not in the probe list`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return doc;
}

/**
 * Every labels file: eval/repos.yaml and the later sets beside it (eval/repos-<set>.yaml, each
 * labelled before the detector work it measures), then the held-out sets in eval/holdout/
 * (repos-<set>.yaml, set name `holdout-<set>`): labelled by people who did no detector work in that
 * session and scanned only with --holdout, so their figure stays one nobody tuned against. One probe
 * list, each repository once across all files; each repository carries its set's name and whether
 * it is held out.
 */
export function loadAllLabels(dir = path.dirname(LABELS_FILE)) {
  const setFiles = (d) => (existsSync(d) ? readdirSync(d).filter((f) => /^repos-[\w.-]+\.yaml$/.test(f)).sort() : []);
  const files = [
    ...(existsSync(path.join(dir, 'repos.yaml')) ? [{ file: 'repos.yaml', set: 'repos', heldOut: false }] : []),
    ...setFiles(dir).map((f) => ({ file: f, set: f.slice('repos-'.length, -'.yaml'.length), heldOut: false })),
    ...setFiles(path.join(dir, 'holdout')).map((f) => ({ file: path.join('holdout', f), set: `holdout-${f.slice('repos-'.length, -'.yaml'.length)}`, heldOut: true })),
  ];
  let probes;
  const repositories = [];
  const where = new Map();
  for (const { file, set, heldOut } of files) {
    const doc = loadLabels(path.join(dir, file));
    if (!probes) probes = doc.probes;
    else if (doc.probes.join() !== probes.join()) throw new Error(`${file}: its probe list differs from ${files[0].file}'s`);
    for (const r of doc.repositories) {
      if (where.has(r.repo)) throw new Error(`${r.repo} is in both ${where.get(r.repo)} and ${file}`);
      where.set(r.repo, file);
      repositories.push({ ...r, set, heldOut });
    }
  }
  if (!probes) throw new Error(`${dir}: no labels file`);
  return { schemaVersion: 1, probes, repositories };
}

/** Repositories kept out of the project for independent evaluation (../shared/reserved-repositories.txt). */
export function reservedRepositories(file = path.join(ROOT, '..', 'shared', 'reserved-repositories.txt')) {
  if (!existsSync(file)) return undefined;
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')));
}

/** The verdict the scanner gives a probe, in the labels' vocabulary. */
export function scannerVerdict(probe) {
  if (!probe) return 'fail';
  return probe.result;
}

function gitHead(dir) {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function parseArgs(argv) {
  const o = { dir: undefined, repos: [], probes: [], sets: [], json: undefined, build: true, holdout: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--repo') o.repos.push(argv[++i]);
    else if (a === '--probe') o.probes.push(argv[++i]);
    else if (a === '--set') o.sets.push(argv[++i]);
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--no-build') o.build = false;
    else if (a === '--holdout') o.holdout = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/eval-repos.mjs [COPIES_DIR] [--repo owner/name]... [--probe ID]... [--set NAME]... [--json FILE] [--no-build] [--holdout]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dir = a;
  }
  return o;
}

function pct(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)} %` : '—';
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const labels = loadAllLabels();
  const reserved = reservedRepositories();
  const clash = reserved ? labels.repositories.filter((r) => reserved.has(r.repo.toLowerCase())) : [];
  if (clash.length) throw new Error(`reserved repositories in the labels file: ${clash.map((r) => r.repo).join(', ')}`);
  const probes = opts.probes.length ? labels.probes.filter((p) => opts.probes.includes(p)) : labels.probes;
  const repos = labels.repositories.filter((r) => r.heldOut === opts.holdout && (!opts.repos.length || opts.repos.includes(r.repo)) && (!opts.sets.length || opts.sets.includes(r.set)));
  const dir = path.resolve(opts.dir ?? defaultCopiesDir());

  if (opts.build) {
    const b = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('build failed (node esbuild.js)');
  }
  const cli = path.join(ROOT, 'dist', 'cli.js');

  const absent = [];
  const results = [];
  for (const r of repos) {
    const copy = path.join(dir, copyName(r.repo));
    if (!existsSync(copy)) {
      absent.push({ repo: r.repo, why: 'absent', commit: r.commit, copy });
      continue;
    }
    const head = gitHead(copy);
    if (head !== r.commit) {
      absent.push({ repo: r.repo, why: head ? `at ${head.slice(0, 12)}, labelled at ${r.commit.slice(0, 12)}` : 'not a git checkout', commit: r.commit, copy });
      continue;
    }
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, 'scan', copy, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0 && !run.stdout) throw new Error(`scan of ${r.repo} failed: ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    const byId = new Map(report.probes.map((p) => [p.id, p]));
    for (const probe of probes) {
      const [expected, reason] = r.labels[probe];
      const got = byId.get(probe);
      results.push({ repo: r.repo, set: r.set, probe, expected, reason, got: scannerVerdict(got), notes: got?.notes ?? [], evidence: (got?.evidence ?? []).slice(0, 2).map((e) => `${e.path}:${e.line} ${e.text}`) });
    }
    process.stderr.write(`scanned ${r.repo} (${Date.now() - started} ms)\n`);
  }

  const scanned = new Set(results.map((x) => x.repo));
  console.log(`\nDetector agreement with hand labels: ${scanned.size} of ${repos.length} repositories scanned (copies in ${dir})\n`);
  const width = Math.max(...probes.map((p) => p.length));
  let agree = 0;
  for (const probe of probes) {
    const rows = results.filter((x) => x.probe === probe);
    const ok = rows.filter((x) => x.expected === x.got).length;
    agree += ok;
    console.log(`  ${probe.padEnd(width)}  ${pct(ok, rows.length).padStart(7)}  (${ok}/${rows.length})`);
  }
  console.log(`  ${'overall'.padEnd(width)}  ${pct(agree, results.length).padStart(7)}  (${agree}/${results.length})`);
  const sets = [...new Set(results.map((x) => x.set))];
  if (sets.length > 1) {
    console.log('\nPer labels set:');
    for (const set of sets) {
      const rows = results.filter((x) => x.set === set);
      const ok = rows.filter((x) => x.expected === x.got).length;
      console.log(`  ${set.padEnd(width)}  ${pct(ok, rows.length).padStart(7)}  (${ok}/${rows.length}, ${new Set(rows.map((x) => x.repo)).size} repositories)`);
    }
  }

  const misses = results.filter((x) => x.expected !== x.got);
  if (misses.length) {
    console.log(`\nDisagreements (${misses.length}):`);
    for (const m of misses) {
      console.log(`  ${m.repo}  ${m.probe}: labelled ${m.expected}, scanner ${m.got}`);
      console.log(`      label: ${m.reason}`);
      if (m.evidence.length) console.log(`      evidence: ${m.evidence.join(' | ')}`);
      if (m.notes.length) console.log(`      notes: ${m.notes.slice(0, 2).join(' | ')}`);
    }
  }
  if (absent.length) {
    console.log(`\n${absent.length} cop${absent.length === 1 ? 'y is' : 'ies are'} missing or at another commit, so not scanned:`);
    for (const a of absent) console.log(`  ${a.repo}: ${a.why} (${a.copy})`);
    console.log(`Get them with: node scripts/eval-repos-fetch.mjs ${JSON.stringify(dir)}`);
    console.log('  (from fetched mirrors in $DSOMM_EVAL_MIRRORS, or add --clone to clone from GitHub), or by hand:');
    const first = absent[0];
    console.log(`  git clone https://github.com/${first.repo}.git ${JSON.stringify(first.copy)} && git -C ${JSON.stringify(first.copy)} checkout ${first.commit}`);
  }
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ scanned: [...scanned], absent, results }, null, 2));
    console.log(`\nWrote ${opts.json}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`eval:repos: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
