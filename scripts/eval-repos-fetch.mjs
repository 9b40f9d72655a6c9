// Materialise the local copies `npm run eval:repos` scans:
//
//   node scripts/eval-repos-fetch.mjs [COPIES_DIR] [--mirrors DIR] [--clone] [--repo owner/name]... [--holdout]
//
// For each repository of eval/repos.yaml, makes COPIES_DIR/<owner>+<name> a git checkout at the
// labelled commit. Sources, in order: a bare mirror DIR/<owner>+<name>/repo (or .../repo/.git), DIR
// from --mirrors, else $DSOMM_EVAL_MIRRORS, else /work/.mirror when it exists; with --clone, a clone
// from https://github.com/<owner>/<name>. Copies already at the right commit are left alone; a copy
// at another commit is checked out at the labelled one (never deleted). The held-out sets
// (eval/holdout/) are fetched only with --holdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { copyName, defaultCopiesDir, loadAllLabels } from './eval-repos.mjs';

function git(args, cwd) {
  return spawnSync('git', args, { cwd, encoding: 'utf8' });
}

function mirrorOf(mirrors, repo) {
  if (!mirrors) return undefined;
  for (const candidate of [path.join(mirrors, copyName(repo), 'repo', '.git'), path.join(mirrors, copyName(repo), 'repo')]) {
    if (existsSync(path.join(candidate, 'HEAD')) && existsSync(path.join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

function main() {
  const argv = process.argv.slice(2);
  let dir;
  let mirrors = process.env.DSOMM_EVAL_MIRRORS || (existsSync('/work/.mirror') ? '/work/.mirror' : undefined);
  let clone = false;
  const only = [];
  let holdout = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mirrors') mirrors = argv[++i];
    else if (a === '--clone') clone = true;
    else if (a === '--repo') only.push(argv[++i]);
    else if (a === '--holdout') holdout = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dir = a;
  }
  dir = path.resolve(dir ?? defaultCopiesDir());
  mkdirSync(dir, { recursive: true });
  const labels = loadAllLabels();
  const missing = [];
  for (const r of labels.repositories) {
    if (r.heldOut !== holdout || (only.length && !only.includes(r.repo))) continue;
    const copy = path.join(dir, copyName(r.repo));
    if (existsSync(copy)) {
      const head = git(['-C', copy, 'rev-parse', 'HEAD']);
      if (head.status === 0 && head.stdout.trim() === r.commit) continue;
    } else {
      const source = mirrorOf(mirrors, r.repo) ?? (clone ? `https://github.com/${r.repo}.git` : undefined);
      if (!source) {
        missing.push(r);
        continue;
      }
      const c = git(['clone', '--quiet', '--no-checkout', source, copy]);
      if (c.status !== 0) {
        console.error(`${r.repo}: clone from ${source} failed: ${c.stderr.trim()}`);
        missing.push(r);
        continue;
      }
    }
    const co = git(['-C', copy, '-c', 'advice.detachedHead=false', 'checkout', '--quiet', r.commit]);
    if (co.status !== 0) {
      console.error(`${r.repo}: commit ${r.commit} is not in ${copy}: ${co.stderr.trim()}`);
      missing.push(r);
      continue;
    }
    console.log(`${r.repo}: ${copy} at ${r.commit.slice(0, 12)}`);
  }
  if (missing.length) {
    console.log(`\nNo source for ${missing.length} repositor${missing.length === 1 ? 'y' : 'ies'}: ${missing.map((r) => r.repo).join(', ')}`);
    console.log('Give --mirrors DIR (bare mirrors named <owner>+<name>/repo) or --clone to clone them from GitHub.');
    process.exitCode = 1;
  }
}

try {
  main();
} catch (e) {
  console.error(`eval:repos fetch: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
