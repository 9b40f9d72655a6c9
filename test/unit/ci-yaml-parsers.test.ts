import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { instantiateAzureTemplate, parseAzurePipelines } from '../../src/core/scan/ci/azure';
import { parseBitbucketPipelines } from '../../src/core/scan/ci/bitbucket';
import { parseCircleCi } from '../../src/core/scan/ci/circleci';
import {
  dirname,
  emptyCiFile,
  entries,
  get,
  normalizePath,
  openYaml,
  scriptLines,
} from '../../src/core/scan/ci/common';
import { parseGithubAction, parseGithubWorkflow } from '../../src/core/scan/ci/github';
import { parseGitlabCi } from '../../src/core/scan/ci/gitlab';
import { CiFile, CiJob, CiStep, Loc, ShellLine } from '../../src/core/scan/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/ci');

function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

type Parser = (path: string, text: string) => CiFile;
const PARSERS: [string, Parser][] = [
  ['github-workflow', parseGithubWorkflow],
  ['github-action', parseGithubAction],
  ['gitlab', parseGitlabCi],
  ['azure', parseAzurePipelines],
  ['circleci', parseCircleCi],
  ['bitbucket', parseBitbucketPipelines],
];

/** [text, line, column] of every script line. */
function lines(s: ShellLine[]): [string, number, number][] {
  return s.map((l) => [l.text, l.loc.line, l.loc.column]);
}

function pos(l: Loc | undefined): string {
  return l ? `${l.line}:${l.column}-${l.endLine}:${l.endColumn}` : 'none';
}

function job(f: CiFile, id: string): CiJob {
  const j = f.jobs.find((x) => x.id === id);
  assert.ok(j, `job '${id}' not found in ${f.jobs.map((x) => x.id).join(', ')}`);
  return j;
}

function stepNamed(j: CiJob, name: string): CiStep {
  const s = j.steps.find((x) => x.name === name);
  assert.ok(s, `step '${name}' not found in ${j.id}`);
  return s;
}

function allLines(f: CiFile): ShellLine[] {
  return f.jobs.flatMap((j) => j.steps.flatMap((s) => s.script));
}

/**
 * Every script line must start, in the source, with the first word of its text; and every
 * loc must be well formed. (Quoted scalars with escapes are checked by explicit tests.)
 */
function assertPositionsMatchSource(f: CiFile, src: string): void {
  const srcLines = src.split(/\r?\n/);
  for (const l of allLines(f)) {
    assert.ok(l.loc.line >= 1 && l.loc.column >= 1, `bad loc ${pos(l.loc)}`);
    assert.ok(l.loc.endLine > l.loc.line || (l.loc.endLine === l.loc.line && l.loc.endColumn > l.loc.column), `bad end ${pos(l.loc)}`);
    const first = l.text.split(/\s/)[0];
    if (/["'\\]/.test(first)) continue;
    const at = srcLines[l.loc.line - 1].slice(l.loc.column - 1);
    assert.ok(at.startsWith(first), `line ${l.loc.line}:${l.loc.column} is '${at}', expected it to start with '${first}'`);
  }
}

describe('CI YAML parsers', () => {
  // -------------------------------------------------------------------------------------------
  describe('common: scalars to shell lines', () => {
    const src = fixture('github/scalars.yml');
    const f = parseGithubWorkflow('.github/workflows/scalars.yml', src);
    const j = job(f, 'scalars');

    it('parses the block-scalar fixture without problems and with positions that match the source', () => {
      assert.deepEqual(f.problems, []);
      assert.equal(j.steps.length, 8);
      assertPositionsMatchSource(f, src);
    });

    it('literal block with keep chomping and an indentation indicator', () => {
      assert.deepEqual(lines(stepNamed(j, 'literal keep').script), [['echo keep', 8, 11]]);
      const ind = stepNamed(j, 'indent indicator').script;
      assert.deepEqual(lines(ind), [['echo indented-two', 12, 13], ['echo base', 13, 11]]);
      assert.equal(pos(ind[0].loc), '12:13-12:30');
    });

    it('folded block: same-indentation lines fold into one, more-indented lines stay apart', () => {
      const s = stepNamed(j, 'folded indicator strip').script;
      assert.deepEqual(lines(s), [
        ['more indented', 16, 12],
        ['joined together', 17, 11],
        ['second paragraph', 20, 11],
      ]);
      assert.equal(pos(s[1].loc), '17:11-18:19');
    });

    it('drops comments and shebangs, joins backslash continuations, keeps escaped backslashes', () => {
      const s = stepNamed(j, 'comments and continuations').script;
      assert.deepEqual(lines(s), [
        ['set -euo pipefail   # trailing comment kept', 25, 11],
        ['docker run --rm -v "$PWD:/src" returntocorp/semgrep semgrep --config p/ci', 26, 11],
        ['echo \\\\', 30, 11],
        ['echo last', 31, 11],
      ]);
      assert.equal(pos(s[1].loc), '26:11-29:34');
    });

    it('skips heredoc bodies (an unterminated one runs to the end) but not arithmetic shifts or here-strings', () => {
      assert.deepEqual(lines(stepNamed(j, 'heredocs').script), [
        ['cat <<-EOF > a.txt', 34, 11],
        ['python - <<"PY"', 37, 11],
        ['echo $((1 << 2))', 40, 11],
        ['grep foo <<< "$VAR"', 41, 11],
        ['cat <<NOEND', 42, 11],
      ]);
    });

    it('double-quoted scalar: escapes decoded, escaped line break joined, position of the first character', () => {
      const s = stepNamed(j, 'flow scalars').script;
      assert.deepEqual(lines(s), [['echo "a" b\tc', 45, 15]]);
      assert.equal(s[0].loc.endLine, 46);
    });

    it('single-quoted multi-line scalar folds lines and keeps blank-line breaks', () => {
      assert.deepEqual(lines(stepNamed(j, 'single multi').script), [
        ['first line', 48, 15],
        ["second 'line'", 51, 11],
      ]);
    });

    it('tab after the indentation is content (column counts the tab)', () => {
      assert.deepEqual(lines(stepNamed(j, 'tabs').script), [['echo tabbed', 54, 12]]);
    });

    it('CRLF line endings: same lines, columns and joins as LF', () => {
      const crlf = fixture('github/crlf.yml');
      assert.ok(crlf.includes('\r\n'));
      const g = parseGithubWorkflow('crlf.yml', crlf);
      assert.deepEqual(g.problems, []);
      const steps = job(g, 'crlf').steps;
      assert.deepEqual(lines(steps[0].script), [['echo one', 8, 11], ['echo two three', 9, 11]]);
      assert.equal(pos(steps[0].script[1].loc), '9:11-10:18');
      assert.deepEqual(lines(steps[1].script), [['folded line', 12, 11]]);
      assert.deepEqual(lines(steps[2].script), [['dq next', 14, 15]]);
      assertPositionsMatchSource(g, crlf);
    });

    it('scriptLines works on a bare scalar and on a sequence, with plain multi-line scalars', () => {
      const file = emptyCiFile('gitlab-ci', 'x.yml');
      const text = 'a: echo one\n  two\nb:\n  - echo x\n  - [echo nested]\n  - "echo \\u00e9"\n';
      const [ctx] = openYaml(file, text);
      assert.deepEqual(lines(scriptLines(ctx, get(ctx, ctx.doc.contents, 'a'))), [['echo one two', 1, 4]]);
      assert.deepEqual(lines(scriptLines(ctx, get(ctx, ctx.doc.contents, 'b'))), [
        ['echo x', 4, 5],
        ['echo nested', 5, 6],
        ['echo é', 6, 6],
      ]);
      assert.deepEqual(file.problems, []);
    });

    it('uses the shell joiner: trailing operators and open quotes join lines, positions stay exact', () => {
      const file = emptyCiFile('github-workflow', 'x.yml');
      const text = [
        'run: |',
        '  npm ci &&',
        '    npm test',
        '  bash -c "',
        '    echo trivy fs .',
        '  "',
        '  echo done',
      ].join('\n');
      const [ctx] = openYaml(file, text);
      const out = scriptLines(ctx, get(ctx, ctx.doc.contents, 'run'));
      assert.deepEqual(out.map((l) => [l.text, pos(l.loc)]), [
        ['npm ci && npm test', '2:3-3:13'],
        ['bash -c "\n  echo trivy fs .\n"', '4:3-6:4'],
        ['echo done', '7:3-7:12'],
      ]);
    });

    it('normalizePath and dirname', () => {
      assert.equal(normalizePath('./a/./b//c/'), 'a/b/c');
      assert.equal(normalizePath('/ci/x.yml'), 'ci/x.yml');
      assert.equal(normalizePath('a/b/../../c'), 'c');
      assert.equal(normalizePath('..\\up\\x.yml'), '../up/x.yml');
      assert.equal(dirname('pipelines/azure.yml'), 'pipelines');
      assert.equal(dirname('azure.yml'), '');
    });

    it('entries: explicit keys beat merged ones, the earlier merge source wins, cyclic merges stop', () => {
      const file = emptyCiFile('gitlab-ci', 'x.yml');
      const text = [
        'a: &a {x: 1, y: 1}',
        'b: &b {y: 2, z: 2}',
        'c:',
        '  <<: [*a, *b]',
        '  x: own',
        'd: &d',
        '  k: v',
        'e:',
        '  <<: *d',
        '  <<: *d',
      ].join('\n');
      const [ctx] = openYaml(file, text);
      const c = entries(ctx, get(ctx, ctx.doc.contents, 'c'));
      assert.deepEqual(c.map((e) => [e.key, String((e.value as { value: unknown }).value)]), [['y', '1'], ['z', '2'], ['x', 'own']]);
      const e = entries(ctx, get(ctx, ctx.doc.contents, 'e'));
      assert.deepEqual(e.map((x) => x.key), ['k']);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('GitHub workflows and actions', () => {
    const src = fixture('github/security.yml');
    const f = parseGithubWorkflow('.github/workflows/security.yml', src);

    it('file-level facts: anchor at jobs:, events, schedules, env, permissions', () => {
      assert.equal(f.kind, 'github-workflow');
      assert.deepEqual(f.problems, []);
      assert.equal(pos(f.anchor), '21:1-21:5');
      assert.deepEqual(f.events, ['push', 'pull_request', 'schedule', 'workflow_dispatch']);
      assert.deepEqual(f.schedules.map((s) => [s.value, pos(s.loc)]), [['0 3 * * 1', '9:13-9:24'], ['30 5 * * *', '10:13-10:25']]);
      assert.deepEqual(Object.keys(f.env), ['NODE_VERSION', 'REGISTRY']);
      assert.equal(f.env.NODE_VERSION.value, '20');
      assert.equal(pos(f.env.REGISTRY.loc), '19:13-19:20');
      assert.deepEqual(f.permissions?.value, { contents: 'read', 'security-events': 'write' });
      assert.equal(pos(f.permissions?.loc), '13:1-13:12');
    });

    it('jobs with ids, names, runners in every form, containers and services', () => {
      assert.deepEqual(f.jobs.map((j) => j.id), ['sast', 'container-scan', 'grouped', 'call-local', 'call-remote']);
      const sast = job(f, 'sast');
      assert.equal(sast.name, 'Static analysis');
      assert.equal(pos(sast.loc), '22:3-22:7');
      assert.equal(sast.runner?.value, 'ubuntu-latest');
      assert.deepEqual(sast.permissions?.value, { 'security-events': 'write' });
      assert.equal(sast.permissions?.loc.line, 25);
      const cs = job(f, 'container-scan');
      assert.equal(cs.runner?.value, 'self-hosted, linux, x64');
      assert.equal(pos(cs.runner?.loc), '48:14-48:39');
      assert.equal(cs.image?.value, 'node:20-alpine');
      assert.equal(pos(cs.image?.loc), '50:14-50:28');
      assert.deepEqual(cs.services.map((s) => [s.value, s.loc.line]), [['redis:7', 54], ['postgres:16', 56]]);
      const g = job(f, 'grouped');
      assert.equal(g.runner?.value, 'large-runners, ubuntu-22.04-16core');
      assert.equal(g.image?.value, 'alpine:3.19');
      assert.equal(g.image?.loc.line, 82);
    });

    it('continue-on-error counts only as a literal true, pointing at the key', () => {
      assert.equal(pos(job(f, 'grouped').cannotFail), '83:5-83:22');
      assert.equal(job(f, 'container-scan').cannotFail, undefined); // ${{ expression }}
      const sast = job(f, 'sast');
      assert.equal(pos(stepNamed(sast, 'Semgrep').cannotFail), '38:9-38:26');
      assert.equal(job(f, 'grouped').steps[1].cannotFail, undefined); // "true" is a string
    });

    it('steps: name falls back to id, loc is the first key line, uses and inputs as strings', () => {
      const sast = job(f, 'sast');
      assert.deepEqual(sast.steps.map((s) => s.name), [undefined, 'Semgrep', 'upload', 'Local action']);
      const checkout = sast.steps[0];
      assert.equal(checkout.uses?.value, 'actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11');
      assert.equal(pos(checkout.uses?.loc), '31:15-31:72');
      assert.equal(pos(checkout.loc), '31:9-31:72');
      const upload = stepNamed(sast, 'upload');
      assert.equal(pos(upload.loc), '39:9-39:19');
      assert.deepEqual(Object.fromEntries(Object.entries(upload.inputs).map(([k, v]) => [k, v.value])), { sarif_file: 'semgrep.sarif', category: 'semgrep' });
      assert.equal(pos(upload.inputs.category.loc), '43:21-43:28');
      const local = stepNamed(sast, 'Local action');
      assert.deepEqual(local.inputs.version.value, '1.2.3');
      assert.deepEqual(local.inputs.verbose.value, 'true');
      assert.equal(local.inputs.verbose.loc.line, 46);
    });

    it('run scripts: literal with continuation, folded, strip chomping and heredoc', () => {
      const sast = job(f, 'sast');
      assert.deepEqual(lines(stepNamed(sast, 'Semgrep').script), [
        ['pip install semgrep', 35, 11],
        ['semgrep scan --config auto --sarif --output semgrep.sarif', 36, 11],
      ]);
      const cs = job(f, 'container-scan');
      assert.deepEqual(lines(stepNamed(cs, 'Build').script), [['docker build -t $IMAGE .', 65, 11]]);
      assert.deepEqual(lines(stepNamed(cs, 'Trivy').script), [['trivy image --exit-code 1 $IMAGE', 69, 11]]);
      assert.deepEqual(lines(stepNamed(cs, 'Heredoc').script), [
        ["cat > .trivyignore <<'EOF'", 74, 11],
        ['trivy fs .', 77, 11],
      ]);
      assert.deepEqual(lines(job(f, 'grouped').steps[0].script), [['echo "single line"', 85, 14]]);
      assert.deepEqual(lines(job(f, 'grouped').steps[1].script), [["echo 'quoted'", 86, 15]]);
      assertPositionsMatchSource(f, src);
    });

    it('env: merge keys followed, explicit keys win, values point at the anchored definition', () => {
      const cs = job(f, 'container-scan');
      assert.equal(cs.env.FOO.value, 'overridden');
      assert.equal(cs.env.FOO.loc.line, 60);
      assert.equal(cs.env.LEVEL.value, '3');
      assert.equal(pos(cs.env.LEVEL.loc), '29:14-29:15');
      assert.equal(cs.env.IMAGE.value, 'app:latest');
      assert.equal(stepNamed(cs, 'Trivy').env.TRIVY_SEVERITY.value, 'HIGH,CRITICAL');
    });

    it('reusable workflows and local actions become references', () => {
      assert.deepEqual(
        f.references.map((r) => [r.kind, r.ref, r.localPath, r.loc.line]),
        [
          ['local-include', './.github/actions/setup-tools', '.github/actions/setup-tools/action.yml', 45],
          ['local-include', './.github/workflows/reusable.yml', '.github/workflows/reusable.yml', 89],
          ['reusable-workflow', 'octo-org/shared/.github/workflows/scan.yml@v1', undefined, 93],
        ],
      );
      assert.equal(job(f, 'call-local').uses?.value, './.github/workflows/reusable.yml');
      assert.equal(pos(job(f, 'call-remote').uses?.loc), '93:11-93:56');
      assert.deepEqual(job(f, 'call-remote').steps, []);
    });

    it('`on` as a string or a list; extra documents are reported', () => {
      const g = parseGithubWorkflow('w.yml', fixture('github/on-forms.yml'));
      assert.deepEqual(g.events, ['push']);
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line]), [['warning', 8]]);
      assert.deepEqual(parseGithubWorkflow('w.yml', 'on: [push, pull_request]\njobs: {}\n').events, ['push', 'pull_request']);
    });

    it('wrong shapes become problems and the rest is still parsed', () => {
      const g = parseGithubWorkflow('w.yml', fixture('github/bad-shapes.yml'));
      assert.deepEqual(g.jobs.map((j) => j.id), ['ok', 'badsteps']);
      assert.deepEqual(lines(job(g, 'ok').steps[0].script), [['echo fine', 7, 14]]);
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line, p.column]), [
        ['error', 6, 9],
        ['error', 8, 3],
        ['error', 11, 5],
      ]);
      const noJobs = parseGithubWorkflow('w.yml', 'on: push\njobs: [a, b]\n');
      assert.deepEqual(noJobs.problems.map((p) => [p.message, p.line]), [['`jobs` should be a mapping of job ids to jobs', 2]]);
    });

    it('permissions as a scalar, services and containers as strings, runs-on labels only', () => {
      const g = parseGithubWorkflow(
        'w.yml',
        'on:\n  pull_request_target:\npermissions: read-all\njobs:\n  j:\n    runs-on: {labels: [gpu, linux]}\n    permissions: {}\n    container: "ubuntu:24.04"\n    steps:\n      - {name: flow, run: "make scan"}\n',
      );
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.events, ['pull_request_target']);
      assert.equal(g.permissions?.value, 'read-all');
      assert.equal(pos(g.permissions?.loc), '3:1-3:12');
      const j = job(g, 'j');
      assert.deepEqual(j.permissions?.value, {});
      assert.equal(j.runner?.value, 'gpu, linux');
      assert.equal(j.image?.value, 'ubuntu:24.04');
      assert.equal(pos(j.image?.loc), '8:16-8:30');
      assert.equal(j.steps[0].name, 'flow');
      assert.equal(pos(j.steps[0].loc), '10:10-10:20');
      assert.deepEqual(lines(j.steps[0].script), [['make scan', 10, 28]]);
    });

    it('composite action: one job "action", its steps and local action references', () => {
      const a = parseGithubAction('.github/actions/setup-tools/action.yml', fixture('github/action-composite.yml'));
      assert.equal(a.kind, 'github-action');
      assert.deepEqual(a.problems, []);
      assert.equal(pos(a.anchor), '7:1-7:5');
      assert.equal(a.jobs.length, 1);
      const j = a.jobs[0];
      assert.equal(j.id, 'action');
      assert.equal(j.name, 'Setup tools');
      assert.deepEqual(lines(j.steps[0].script), [
        ['curl -sSfL https://example.com/install.sh | sh', 13, 9],
        ['gitleaks version', 14, 9],
      ]);
      assert.equal(j.steps[2].uses?.value, 'actions/cache@v4');
      assert.deepEqual(a.references.map((r) => [r.kind, r.localPath]), [['local-include', 'helpers/cache/action.yml']]);
    });

    it('docker action: runs.image becomes the job image', () => {
      const a = parseGithubAction('action.yml', fixture('github/action-docker.yml'));
      const j = a.jobs[0];
      assert.equal(j.image?.value, 'docker://aquasec/trivy:0.50.0');
      assert.equal(pos(j.image?.loc), '4:10-4:39');
      assert.equal(j.env.TRIVY_QUIET.value, 'true');
      assert.deepEqual(j.steps, []);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('GitLab CI', () => {
    const src = fixture('gitlab/.gitlab-ci.yml');
    const f = parseGitlabCi('.gitlab-ci.yml', src);

    it('includes in every form become references', () => {
      assert.deepEqual(
        f.references.map((r) => [r.kind, r.ref, r.localPath ?? null, r.loc.line]),
        [
          ['local-include', '/ci/templates/build.yml', 'ci/templates/build.yml', 3],
          ['local-include', 'ci/lint.yml', 'ci/lint.yml', 4],
          ['template', 'Security/SAST.gitlab-ci.yml', null, 5],
          ['template', 'Jobs/Secret-Detection.gitlab-ci.yml', null, 6],
          ['remote', 'https://example.com/ci/remote.yml', null, 7],
          ['project', 'group/ci-templates:/templates/docker.yml@v1.2', null, 11],
          ['project', 'group/ci-templates:/templates/scan.yml@v1.2', null, 12],
          ['component', '$CI_SERVER_FQDN/components/dast/dast@1.0.0', null, 13],
          ['remote', 'https://gitlab.example.com/shared/other.yml', null, 14],
          ['local-include', 'ci/deploy-child.yml', 'ci/deploy-child.yml', 108],
        ],
      );
      assert.equal(pos(f.references[0].loc), '3:12-3:35');
      assert.equal(pos(f.references[2].loc), '5:15-5:42');
    });

    it('anchor at stages:, events from workflow rules, global variables', () => {
      assert.equal(pos(f.anchor), '16:1-16:7');
      assert.deepEqual(f.events, ['merge_request_event', 'schedule', 'push']);
      assert.equal(f.env.DOCKER_DRIVER.value, 'overlay2');
      assert.equal(f.env.SECURE_LOG_LEVEL.value, 'debug');
      assert.equal(pos(f.env.SECURE_LOG_LEVEL.loc), '21:12-21:17');
    });

    it('reserved keys and hidden jobs are not jobs', () => {
      assert.deepEqual(f.jobs.map((j) => j.id), ['build', 'trivy', 'lint', 'merged', 'deploy', 'downstream', 'cyclic', 'rules-manual']);
    });

    it('default: image and before_script are inherited; after_script is its own step that cannot fail', () => {
      const b = job(f, 'build');
      assert.equal(b.stage, 'build');
      assert.equal(b.image?.value, 'docker:24');
      assert.deepEqual(b.services.map((s) => [s.value, pos(s.loc)]), [['docker:24-dind', '69:7-69:21'], ['postgres:16', '70:13-70:24']]);
      assert.equal(b.steps.length, 2);
      assert.equal(b.steps[0].name, 'build');
      assert.equal(pos(b.steps[0].loc), '65:1-65:6');
      assert.deepEqual(lines(b.steps[0].script), [
        ['echo "default before"', 35, 7],
        ['docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .', 73, 7],
        ['docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA', 75, 7],
      ]);
      assert.equal(pos(b.steps[0].script[2].loc), '75:7-76:40');
      assert.equal(b.steps[1].name, 'after_script');
      assert.equal(pos(b.steps[1].cannotFail), '77:3-77:15');
      assert.deepEqual(lines(b.steps[1].script), [['docker logout', 78, 7]]);
      assert.equal(job(f, 'cyclic').image?.value, 'alpine:3.19');
      assert.equal(job(f, 'cyclic').image?.loc.line, 33);
    });

    it('extends chains: values come from the templates, at their lines; variables merge per key', () => {
      const t = job(f, 'trivy');
      assert.equal(t.stage, 'test');
      assert.equal(t.image?.value, 'aquasec/trivy:0.50.0');
      assert.equal(pos(t.image?.loc), '50:11-50:31');
      assert.equal(pos(t.cannotFail), '52:3-52:16');
      assert.equal(pos(t.steps[0].cannotFail), '52:3-52:16');
      assert.deepEqual(Object.entries(t.env).map(([k, v]) => [k, v.value, v.loc.line]), [
        ['SETUP', 'yes', 44],
        ['TRIVY_NO_PROGRESS', 'true', 54],
        ['TRIVY_SEVERITY', 'HIGH,CRITICAL', 83],
      ]);
      // before_script from .setup (two levels up) replaces default's; script is the job's own.
      assert.deepEqual(lines(t.steps[0].script), [
        ['apk add --no-cache curl', 39, 7],
        ['curl -sSfL https://example.com/install.sh | sh -s -- -b /usr/local/bin', 41, 7],
        ['trivy image $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA', 85, 7],
      ]);
    });

    it('!reference tags resolve to the referenced lines (nested keys too); inherit default:false', () => {
      const l = job(f, 'lint');
      assert.equal(l.image?.value, 'node:20');
      assert.deepEqual(lines(l.steps[0].script), [
        ['npm run lint', 61, 9],
        ['npm audit --audit-level=high', 63, 9],
        ['echo finished', 95, 7],
      ]);
    });

    it('merge keys in a job, combined with !reference of an anchored template', () => {
      const m = job(f, 'merged');
      assert.equal(m.env.SETUP.value, 'yes');
      assert.deepEqual(lines(m.steps[0].script), [
        ['apk add --no-cache curl', 39, 7],
        ['curl -sSfL https://example.com/install.sh | sh -s -- -b /usr/local/bin', 41, 7],
        ['apk add --no-cache curl', 39, 7],
        ['curl -sSfL https://example.com/install.sh | sh -s -- -b /usr/local/bin', 41, 7],
        ['echo merged', 102, 7],
      ]);
    });

    it('trigger jobs: uses, child pipeline reference, manual, and no inherited script', () => {
      const d = job(f, 'deploy');
      assert.equal(d.manual, true);
      assert.equal(d.uses?.value, 'ci/deploy-child.yml');
      assert.equal(pos(d.uses?.loc), '108:14-108:33');
      assert.deepEqual(d.steps, []);
      const ds = job(f, 'downstream');
      assert.equal(ds.uses?.value, 'group/downstream-project');
      assert.equal(ds.manual, undefined);
      assert.deepEqual(ds.steps, []);
    });

    it('extends cycles are reported once and do not hang; flow-sequence scripts keep positions', () => {
      const c = job(f, 'cyclic');
      assert.deepEqual(lines(c.steps[0].script), [
        ['echo "default before"', 35, 7],
        ['echo cyclic', 121, 12],
        ["echo 'two'", 121, 26],
      ]);
      const cycles = f.problems.filter((p) => p.message.includes('cycle'));
      assert.equal(cycles.length, 1);
      assert.equal(cycles[0].line, 118);
      assert.equal(f.problems.length, 1);
    });

    it('rules that are all manual make the job manual; allow_failure with exit codes can fail', () => {
      const r = job(f, 'rules-manual');
      assert.equal(r.manual, true);
      assert.equal(r.cannotFail, undefined);
      assert.deepEqual(lines(r.steps[0].script).slice(-1), [['echo "rules"', 124, 11]]);
      assertPositionsMatchSource(f, src);
    });

    it('local-include fragment: anchor at first job, unresolved extends are silent, unresolved !reference warns', () => {
      const g = parseGitlabCi('ci/templates/build.yml', fixture('gitlab/ci/templates/build.yml'));
      assert.equal(pos(g.anchor), '5:1-5:9');
      assert.deepEqual(g.jobs.map((j) => j.id), ['go-build', 'go-vet']);
      assert.equal(job(g, 'go-build').image?.value, 'golang:1.22');
      assert.deepEqual(lines(job(g, 'go-build').steps[0].script), [['go build ./...', 8, 7]]);
      assert.deepEqual(job(g, 'go-vet').steps, []);
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line, p.column]), [['warning', 9, 18]]);
      assert.match(g.problems[0].message, /\.not-here/);
    });

    it('a spec: header document is skipped; the configuration is the second document', () => {
      const g = parseGitlabCi('templates/component.yml', fixture('gitlab/component.yml'));
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.jobs.map((j) => [j.id, j.image?.value]), [['component-scan', 'registry.example.com/scanner:1']]);
      assert.deepEqual(lines(g.jobs[0].steps[0].script), [['scanner --all', 10, 7]]);
    });

    it('include as a single string / single map; anchor falls back to include:', () => {
      const g = parseGitlabCi('.gitlab-ci.yml', "include: '/templates/a.yml'\njob:\n  script: echo\n");
      assert.deepEqual(g.references.map((r) => [r.kind, r.localPath]), [['local-include', 'templates/a.yml']]);
      assert.equal(pos(g.anchor), '1:1-1:8');
      const h = parseGitlabCi('.gitlab-ci.yml', 'include:\n  template: Auto-DevOps.gitlab-ci.yml\n');
      assert.deepEqual(h.references.map((r) => [r.kind, r.ref]), [['template', 'Auto-DevOps.gitlab-ci.yml']]);
      assert.deepEqual(h.jobs, []);
    });

    it('!reference: nested references, references in image and variables, cycles and misses reported', () => {
      const g = parseGitlabCi('refs.yml', fixture('gitlab/references.yml'));
      assert.deepEqual(g.events, ['merge_request_event']);
      const scan = job(g, 'scan');
      assert.equal(scan.image?.value, 'registry.example.com/scanner:2');
      assert.equal(pos(scan.image?.loc), '6:12-6:42');
      assert.equal(scan.env.SCAN_LEVEL.value, 'high');
      assert.equal(scan.env.SCAN_LEVEL.loc.line, 4);
      assert.deepEqual(lines(scan.steps[0].script), [
        ['pip install semgrep', 9, 7],
        ['semgrep ci --config=p/default', 12, 7],
      ]);
      assert.deepEqual(lines(job(g, 'looping').steps[0].script), [['echo still here', 33, 7]]);
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line, p.column]), [
        ['warning', 28, 18],
        ['warning', 15, 18],
      ]);
      assert.match(g.problems[0].message, /missing/);
      assert.match(g.problems[1].message, /cyclic/);
    });

    it('non-mapping jobs and jobs without script are reported', () => {
      const g = parseGitlabCi('.gitlab-ci.yml', 'stages: [a]\nbroken: echo\nempty:\n  stage: a\n');
      assert.deepEqual(g.jobs.map((j) => j.id), ['empty']);
      assert.deepEqual(g.problems.map((p) => [p.line, p.column]), [[2, 1], [3, 1]]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('Azure Pipelines', () => {
    const src = fixture('azure/pipelines/azure-pipelines.yml');
    const f = parseAzurePipelines('pipelines/azure-pipelines.yml', src);

    it('file-level facts: anchor at stages:, events, schedules, variables', () => {
      assert.deepEqual(f.problems, []);
      assert.equal(pos(f.anchor), '31:1-31:7');
      assert.deepEqual(f.events, ['push', 'schedule']); // pr: none
      assert.deepEqual(f.schedules.map((s) => [s.value, pos(s.loc)]), [['0 2 * * *', '7:11-7:22']]);
      assert.deepEqual(Object.keys(f.env), ['buildConfiguration']);
      assert.equal(pos(f.env.buildConfiguration.loc), '15:12-15:19');
    });

    it('stages → jobs, with stage names, display names, pools and containers', () => {
      assert.deepEqual(f.jobs.map((j) => [j.id, j.stage]), [
        ['compile', 'Build'],
        ['jobs/security.yml@templates', 'Build'],
        ['../shared/jobs/lint.yml', 'Build'],
        ['deploy_web', 'Deploy'],
        ['windows', 'Deploy'],
      ]);
      const c = job(f, 'compile');
      assert.equal(c.name, 'Compile and test');
      assert.equal(pos(c.loc), '34:9-34:21');
      assert.equal(c.runner?.value, 'ubuntu-latest');
      assert.equal(pos(c.runner?.loc), '29:12-29:25');
      assert.equal(c.image?.value, 'mcr.microsoft.com/dotnet/sdk:8.0'); // resources.containers alias
      assert.equal(c.image?.loc.line, 26);
      assert.equal(c.env.DOTNET_NOLOGO.value, 'true');
      assert.equal(job(f, 'deploy_web').runner?.value, 'deploy-pool');
      const w = job(f, 'windows');
      assert.equal(w.runner?.value, 'Default');
      assert.equal(pos(w.runner?.loc), '92:17-92:24');
      assert.deepEqual(w.services.map((s) => s.value), ['redis:7']);
    });

    it('steps: script/bash/pwsh, task with inputs, continueOnError, env, template expressions, disabled steps', () => {
      const c = job(f, 'compile');
      assert.deepEqual(c.steps.map((s) => s.name), [undefined, 'Build', 'Vulnerable packages', undefined, undefined, 'Main only']);
      assert.deepEqual(lines(stepNamed(c, 'Build').script), [
        ['dotnet restore', 42, 15],
        ['dotnet build -c $(buildConfiguration)', 43, 15],
      ]);
      const vuln = stepNamed(c, 'Vulnerable packages');
      assert.deepEqual(lines(vuln.script), [['dotnet list package --vulnerable --include-transitive', 46, 15]]);
      assert.equal(pos(vuln.cannotFail), '49:13-49:28');
      assert.equal(pos(vuln.loc), '45:13-45:17');
      const task = c.steps[3];
      assert.equal(task.uses?.value, 'SnykSecurityScan@1');
      assert.equal(pos(task.uses?.loc), '50:19-50:37');
      assert.deepEqual(Object.fromEntries(Object.entries(task.inputs).map(([k, v]) => [k, v.value])), {
        serviceConnectionEndpoint: 'snyk',
        testType: 'app',
        failOnIssues: 'false',
      });
      assert.deepEqual(lines(c.steps[4].script), [['Write-Host "hello"', 55, 19]]);
      assert.equal(c.steps[4].env.TOKEN.value, '$(token)');
      assert.deepEqual(lines(stepNamed(c, 'Main only').script), [['echo main only', 62, 23]]);
      assertPositionsMatchSource(f, src);
    });

    it('templates: relative to the file, absolute from the root, @repo as remote; job templates are jobs', () => {
      assert.deepEqual(
        f.references.map((r) => [r.kind, r.ref, r.localPath ?? null, r.loc.line]),
        [
          ['local-include', 'vars/common.yml', 'pipelines/vars/common.yml', 17],
          ['local-include', 'steps/publish.yml', 'pipelines/steps/publish.yml', 58],
          ['remote', 'jobs/security.yml@templates', null, 66],
          ['local-include', '../shared/jobs/lint.yml', 'shared/jobs/lint.yml', 67],
          ['local-include', '/templates/stages/release.yml', 'templates/stages/release.yml', 98],
        ],
      );
      const t = job(f, 'jobs/security.yml@templates');
      assert.equal(t.uses?.value, 'jobs/security.yml@templates');
      assert.equal(pos(t.loc), '66:9-66:46');
    });

    it('deployment jobs: strategy hooks in lifecycle order, continueOnError on the job', () => {
      const d = job(f, 'deploy_web');
      assert.equal(pos(d.cannotFail), '73:9-73:24');
      assert.deepEqual(d.steps.flatMap((s) => lines(s.script)), [
        ['echo pre', 78, 27],
        ['Write-Host "deploy"', 82, 21],
        ['echo rollback', 86, 29],
        ['echo ok', 89, 29],
      ]);
    });

    it('single-job file: steps at the top, pool name, container image, pr trigger only', () => {
      const g = parseAzurePipelines('single.yml', fixture('azure/single.yml'));
      assert.deepEqual(g.problems, []);
      assert.deepEqual(g.events, ['pull_request']);
      assert.equal(pos(g.anchor), '8:1-8:6');
      assert.equal(g.jobs.length, 1);
      const j = g.jobs[0];
      assert.equal(j.runner?.value, 'windows-2022');
      assert.equal(j.image?.value, 'node:20');
      assert.deepEqual(lines(j.steps[0].script), [['npm ci', 9, 13]]);
      assert.equal(j.steps[1].uses?.value, 'Npm@1');
      assert.equal(j.steps[1].inputs.customCommand.value, 'audit --audit-level=high');
      assert.equal(g.env.NPM_CONFIG_CACHE.value, '$(Pipeline.Workspace)/.npm');
    });

    it('extends: template reference (@self is local) and step lists passed as parameters', () => {
      const g = parseAzurePipelines('ci/extends.yml', fixture('azure/extends.yml'));
      assert.deepEqual(g.references.map((r) => [r.kind, r.localPath]), [['local-include', 'ci/templates/pipeline.yml']]);
      assert.equal(pos(g.anchor), '3:1-3:8');
      assert.deepEqual(g.events, ['push']);
      assert.deepEqual(g.jobs.map((j) => j.id), ['buildSteps']);
      assert.deepEqual(lines(g.jobs[0].steps[0].script), [['echo hi', 7, 17]]);
    });

    it('wrong shapes are problems', () => {
      const g = parseAzurePipelines('a.yml', 'jobs:\n  - job: a\n    steps: oops\n  - nothing: here\n');
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line]), [['error', 3], ['error', 4]]);
      assert.deepEqual(g.jobs.map((j) => j.id), ['a']);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('Azure template parameters', () => {
    const template = parseAzurePipelines(
      'eng/jobs/build.yml',
      [
        'parameters:',
        '  - name: buildArgs',
        '    type: string',
        "    default: ''",
        '  - name: folder',
        '    default: steps',
        '  - name: platforms',
        '    type: object',
        '    default: [linux]',
        'jobs:',
        '  - job: Build',
        '    steps:',
        '      - script: ./build.sh ${{ parameters.buildArgs }} ${{ parameters.unknown }}',
        '      - task: Publish@1',
        '        inputs:',
        "          ${{ if ne(parameters.sbom, '') }}:",
        "            sbom: ${{ parameters['SBOM'] }}",
        '      - template: ../${{ parameters.folder }}/publish.yml',
        '        parameters:',
        '          name: ${{ parameters.buildArgs }}',
        '',
      ].join('\n'),
    );

    it('a template records its scalar defaults, and the scalar parameters it hands on (those under ${{ if }} keys as written)', () => {
      assert.deepEqual(template.parameterDefaults, { buildArgs: '', folder: 'steps' });
      const caller = parseAzurePipelines('azure-pipelines.yml', ['trigger: [main]', 'jobs:', '  - template: eng/jobs/build.yml', '    parameters:', "      ${{ if eq(variables['Build.Reason'], 'PullRequest') }}:", '        buildArgs: -test', '      list: [a]', ''].join('\n'));
      assert.deepEqual(caller.references.map((r) => [r.localPath, r.parameters]), [['eng/jobs/build.yml', { buildArgs: '-test' }]]);
    });

    it('instantiating replaces parameters by the given values or defaults, keeps unknown ones, and resolves template paths built from them', () => {
      const used = instantiateAzureTemplate(template, { buildargs: '-test', sbom: 'true' }, 'parameters given at azure-pipelines.yml:3');
      assert.ok(used);
      const steps = used.file.jobs[0].steps;
      assert.equal(steps[0].script[0].text, './build.sh -test ${{ parameters.unknown }}');
      assert.match(steps[0].script[0].written ?? '', /\(parameters given at azure-pipelines\.yml:3\)$/);
      assert.equal(steps[0].script[0].loc, template.jobs[0].steps[0].script[0].loc);
      assert.equal(steps[1].inputs.sbom.value, 'true');
      const include = used.file.references.find((r) => r.ref.endsWith('publish.yml'));
      assert.equal(include?.localPath, 'eng/steps/publish.yml');
      assert.deepEqual(include?.parameters, { name: '-test' });
      // The cached parse is not changed, and the key names the values the template read.
      assert.equal(template.jobs[0].steps[0].script[0].text, './build.sh ${{ parameters.buildArgs }} ${{ parameters.unknown }}');
      assert.equal(used.key, JSON.stringify([['buildargs', '-test'], ['folder', 'steps'], ['sbom', 'true']]));
      assert.notEqual(instantiateAzureTemplate(template, {}, 'x')?.key, used.key);
    });

    it('a file that reads no parameter is used as it is', () => {
      const plain = parseAzurePipelines('eng/steps.yml', ['parameters:', '  name: x', 'steps:', '  - script: make test', ''].join('\n'));
      assert.equal(instantiateAzureTemplate(plain, { name: 'y' }, 'x'), undefined);
    });
  });

  describe('CircleCI', () => {
    const src = fixture('circleci/config.yml');
    const f = parseCircleCi('.circleci/config.yml', src);

    it('orbs become references; anchor at workflows:; events and schedules', () => {
      assert.deepEqual(f.problems, []);
      assert.deepEqual(f.references.map((r) => [r.kind, r.ref, pos(r.loc)]), [
        ['orb', 'snyk/snyk@2.1.0', '4:9-4:24'],
        ['orb', 'circleci/node@5.2.0', '5:9-5:28'],
        ['orb', 'tools', '6:3-6:8'],
      ]);
      assert.equal(pos(f.anchor), '79:1-79:10');
      assert.deepEqual(f.events, ['push', 'schedule']);
      assert.deepEqual(f.schedules.map((s) => [s.value, s.loc.line]), [['0 1 * * *', 98]]);
    });

    it('jobs: executor images and services, machine/macos/resource_class runners', () => {
      assert.deepEqual(f.jobs.map((j) => j.id), ['test', 'build-image', 'mac', 'deploy', 'iac-scan', 'tools/check']);
      const t = job(f, 'test');
      assert.equal(t.image?.value, 'cimg/python:3.12');
      assert.equal(t.image?.loc.line, 21);
      assert.deepEqual(t.services.map((s) => s.value), ['cimg/postgres:16.0']);
      assert.equal(t.runner?.value, 'large');
      assert.equal(t.env.PYTHONUNBUFFERED.value, '1');
      assert.equal(job(f, 'build-image').runner?.value, 'ubuntu-2204:2024.01.1');
      assert.equal(job(f, 'mac').runner?.value, 'macos xcode 15.2.0');
      const d = job(f, 'deploy');
      assert.equal(d.image?.value, 'cimg/base:stable');
      assert.equal(d.runner?.value, 'medium');
    });

    it('steps: checkout, run forms, local commands expanded at their own lines, when-steps', () => {
      const t = job(f, 'test');
      assert.equal(t.steps[0].name, 'checkout');
      assert.deepEqual(t.steps.flatMap((s) => lines(s.script)), [
        ['curl -sSfL https://example.com/gitleaks.tar.gz | tar xz', 31, 13],
        ['pip install bandit', 33, 14],
        ['bandit -r src', 43, 14],
        ['gitleaks detect --source .', 46, 20],
        ['echo inline-orb-lint', 10, 18],
        ['echo deep scan', 58, 20],
      ]);
      const secrets = stepNamed(t, 'Secrets');
      assert.equal(secrets.env.GITLEAKS_CONFIG.value, '.gitleaks.toml');
      assert.equal(stepNamed(t, 'Install gitleaks').loc.line, 28);
      assert.deepEqual(lines(job(f, 'build-image').steps[1].script), [['docker build -t app .', 65, 11]]);
      assertPositionsMatchSource(f, src);
    });

    it('orb command steps: uses with the orb reference, parameters as inputs; unknown alias kept', () => {
      const t = job(f, 'test');
      const snyk = stepNamed(t, 'snyk/scan');
      assert.equal(snyk.uses?.value, 'snyk/snyk@2.1.0/scan');
      assert.equal(pos(snyk.uses?.loc), '49:9-49:18');
      assert.deepEqual(Object.fromEntries(Object.entries(snyk.inputs).map(([k, v]) => [k, v.value])), {
        'severity-threshold': 'high',
        'fail-on-issues': 'false',
      });
      assert.equal(stepNamed(t, 'node/install-packages').uses?.value, 'circleci/node@5.2.0/install-packages');
      assert.equal(stepNamed(t, 'unknown/thing').uses?.value, 'unknown/thing');
    });

    it('workflows: orb jobs and inline orb jobs become jobs; approval gates make jobs manual', () => {
      const iac = job(f, 'iac-scan');
      assert.equal(iac.uses?.value, 'snyk/snyk@2.1.0/scan-iac');
      assert.equal(pos(iac.loc), '86:9-86:22');
      const check = job(f, 'tools/check');
      assert.equal(check.uses?.value, 'tools/check');
      assert.equal(check.image?.value, 'cimg/base:2024.01');
      assert.deepEqual(lines(check.steps[0].script), [['echo inline-orb-job', 16, 18]]);
      assert.equal(job(f, 'deploy').manual, true);
      assert.equal(job(f, 'test').manual, undefined);
      assert.equal(f.jobs.some((j) => j.id === 'hold'), false);
    });

    it('a step with several keys is reported; anchor falls back to jobs:', () => {
      const g = parseCircleCi('c.yml', 'version: 2.1\njobs:\n  a:\n    docker: [{image: alpine}]\n    steps:\n      - run: echo a\n        foo: bar\n');
      assert.equal(pos(g.anchor), '2:1-2:5');
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line]), [['error', 6]]);
      assert.deepEqual(lines(g.jobs[0].steps[0].script), [['echo a', 6, 14]]);
      assert.equal(g.jobs[0].image?.value, 'alpine');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('Bitbucket Pipelines', () => {
    const src = fixture('bitbucket/bitbucket-pipelines.yml');
    const f = parseBitbucketPipelines('bitbucket-pipelines.yml', src);

    it('anchor at pipelines:, events are the pipeline kinds used', () => {
      assert.deepEqual(f.problems, []);
      assert.equal(pos(f.anchor), '33:1-33:10');
      assert.deepEqual(f.events, ['default', 'branches', 'pull-requests', 'tags', 'custom']);
    });

    it('every step is a job; aliased steps count once; merge-key overrides are their own job', () => {
      assert.deepEqual(f.jobs.map((j) => j.id), [
        'Build and test',
        'Security scan',
        'default[1][1]',
        'Scan main',
        'Deploy to prod',
        'pull-requests.**[0]',
        'Release',
        'Nightly audit',
      ]);
      assert.equal(pos(job(f, 'Build and test').loc), '35:7-35:11');
    });

    it('script lines of aliased steps point at the anchored definition', () => {
      const b = job(f, 'Build and test');
      assert.equal(b.image?.value, 'atlassian/default-image:4');
      assert.equal(pos(b.image?.loc), '1:8-1:33');
      assert.deepEqual(lines(b.steps[0].script), [
        ['npm ci', 12, 13],
        ['npm test -- --coverage', 14, 13],
        ['npm run build', 16, 13],
      ]);
      assert.equal(b.steps[1].name, 'after-script');
      assert.equal(pos(b.steps[1].cannotFail), '17:9-17:21');
      assert.deepEqual(lines(b.steps[1].script), [['echo "done build"', 18, 13]]);
      const m = job(f, 'Scan main');
      assert.equal(m.image?.value, 'aquasec/trivy:0.50.0');
      assert.deepEqual(lines(m.steps[0].script), [['trivy fs --exit-code 1 .', 23, 13]]);
      assertPositionsMatchSource(f, src);
    });

    it('pipes: own steps with uses and variables as inputs, in order between command runs', () => {
      const s = job(f, 'Security scan');
      assert.deepEqual(s.steps.map((x) => [x.name, x.uses?.value ?? null, x.script.length]), [
        ['Security scan', null, 1],
        ['atlassian/git-secrets-scan:0.6.1', 'atlassian/git-secrets-scan:0.6.1', 0],
        ['snyk/snyk-scan:1.0.1', 'snyk/snyk-scan:1.0.1', 0],
        ['Security scan', null, 1],
      ]);
      const snyk = s.steps[2];
      assert.equal(pos(snyk.uses?.loc), '25:19-25:41');
      assert.equal(pos(snyk.loc), '25:13-25:17');
      assert.deepEqual(Object.fromEntries(Object.entries(snyk.inputs).map(([k, v]) => [k, v.value])), {
        SNYK_TOKEN: '$SNYK_TOKEN',
        LANGUAGE: 'npm',
        DONT_BREAK_BUILD: 'true',
        EXTRA_ARGS: '--all-projects --detection-depth=4',
      });
      assert.equal(pos(snyk.inputs.LANGUAGE.loc), '28:25-28:30');
      assert.deepEqual(f.references.map((r) => [r.kind, r.ref, r.loc.line]), [
        ['pipe', 'atlassian/git-secrets-scan:0.6.1', 24],
        ['pipe', 'snyk/snyk-scan:1.0.1', 25],
      ]);
    });

    it('stages with manual trigger, services from definitions, runs-on, image maps, manual steps', () => {
      const d = job(f, 'Deploy to prod');
      assert.equal(d.stage, 'Deploy');
      assert.equal(d.manual, true);
      assert.deepEqual(d.services.map((s) => [s.value, s.loc.line]), [['postgres:16', 6], ['docker', 54]]);
      assert.equal(d.runner?.value, 'self.hosted, linux');
      assert.equal(job(f, 'pull-requests.**[0]').image?.value, 'node:20');
      assert.equal(job(f, 'Release').manual, true);
      assert.equal(job(f, 'Nightly audit').manual, undefined);
      assert.deepEqual(lines(job(f, 'default[1][1]').steps[0].script), [['npm run lint', 40, 17]]);
    });

    it('missing pipelines and wrong shapes are problems', () => {
      const g = parseBitbucketPipelines('b.yml', 'image: node\n');
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line]), [['warning', 1]]);
      const h = parseBitbucketPipelines('b.yml', 'pipelines:\n  default:\n    - step:\n        script: echo\n  nightly: []\n');
      assert.deepEqual(h.problems.map((p) => [p.severity, p.line]), [['error', 4], ['warning', 5]]);
      assert.deepEqual(h.jobs.map((j) => j.id), ['default[0]']);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('problems: never throw, report with positions', () => {
    it('tabs used as indentation are reported at their line', () => {
      const f = parseGithubWorkflow('w.yml', fixture('problems/tabs.yml'));
      const err = f.problems.find((p) => p.severity === 'error');
      assert.ok(err);
      assert.equal(err.line, 5);
      assert.equal(err.column, 1);
      assert.match(err.message, /[Tt]ab/);
      assert.deepEqual(f.jobs.map((j) => j.id), ['build']);
    });

    it('syntax errors are reported and the rest of the file is still read', () => {
      const f = parseGithubWorkflow('w.yml', fixture('problems/broken.yml'));
      assert.ok(f.problems.some((p) => p.severity === 'error' && p.line === 10));
      assert.deepEqual(f.jobs.map((j) => j.id), ['build', 'second']);
      assert.deepEqual(lines(job(f, 'build').steps[1].script), [['echo ok', 7, 14]]);
    });

    it('duplicate keys are reported at the duplicate', () => {
      const f = parseGithubWorkflow('w.yml', fixture('problems/duplicate-keys.yml'));
      // GitHub refuses the file (an error); what is read is the last definition, as the CI
      // systems that accept duplicates (GitLab) read it.
      assert.deepEqual(f.problems.map((p) => [p.severity, p.line, p.column]), [['error', 7, 3]]);
      assert.deepEqual(job(f, 'build').runner?.value, 'windows-latest');
      const g = parseGitlabCi('x.yml', 'test:\n  script: [echo one]\ntest:\n  script: [pytest]\n');
      assert.deepEqual(g.problems.map((p) => [p.severity, p.line, p.column, p.message]), [['warning', 3, 1, 'Map keys must be unique: the key is written twice, and GitLab keeps the last one']]);
      assert.deepEqual(lines(job(g, 'test').steps[0].script), [['pytest', 4, 12]]);
    });

    it('unknown aliases are errors at the alias; self-merges do not loop', () => {
      const g = parseGitlabCi('x.yml', 'job:\n  script: *nope\n');
      assert.deepEqual(g.problems.map((p) => [p.message, p.severity, p.line, p.column]), [['Unknown alias *nope', 'error', 2, 11]]);
      const h = parseGitlabCi('x.yml', 'a: &a\n  <<: *a\n  script: echo self\n');
      assert.deepEqual(h.problems, []);
      assert.deepEqual(lines(job(h, 'a').steps[0].script), [['echo self', 3, 11]]);
    });

    for (const [name, parse] of PARSERS) {
      // Its time: `npm run bench -- --only bounds`.
      it(`${name}: billion laughs is refused with a located problem, nothing expanded`, () => {
        const f = parse('bomb.yml', fixture('problems/bomb.yml'));
        const bomb = f.problems.find((p) => /alias/i.test(p.message));
        assert.ok(bomb, JSON.stringify(f.problems));
        assert.equal(bomb.line, 3);
        assert.equal(bomb.severity, 'error');
        assert.ok(allLines(f).length <= 2000);
      });

      it(`${name}: non-mapping, empty and comment-only documents`, () => {
        const list = parse('x.yml', fixture('problems/not-a-map.yml'));
        assert.deepEqual(list.problems.map((p) => [p.message, p.line]), [['Expected a mapping at the top level', 1]]);
        for (const text of ['', '# only a comment\n', '---\n', 'null\n']) {
          const f = parse('x.yml', text);
          assert.deepEqual(f.jobs, []);
          assert.equal(f.path, 'x.yml');
        }
      });
    }

    it('truncated and mangled fixtures never make any parser throw', () => {
      const files: [string, Parser][] = [
        ['github/security.yml', parseGithubWorkflow],
        ['github/scalars.yml', parseGithubWorkflow],
        ['github/crlf.yml', parseGithubAction],
        ['gitlab/.gitlab-ci.yml', parseGitlabCi],
        ['azure/pipelines/azure-pipelines.yml', parseAzurePipelines],
        ['circleci/config.yml', parseCircleCi],
        ['bitbucket/bitbucket-pipelines.yml', parseBitbucketPipelines],
      ];
      let runs = 0;
      for (const [rel, own] of files) {
        const text = fixture(rel);
        const step = Math.ceil(text.length / 9);
        for (let cut = step; cut < text.length; cut += step) {
          const variants = [text.slice(0, cut), `${text.slice(0, cut)}\n  - : [\n`, text.slice(cut).replace(/ {2}/, '\t')];
          for (const v of variants) {
            // The file's own parser, and another dialect's parser on the same text.
            for (const parse of [own, PARSERS[(runs % PARSERS.length)][1]]) {
              const f = parse('f.yml', v);
              assert.ok(Array.isArray(f.jobs) && Array.isArray(f.problems) && Array.isArray(f.references));
              runs++;
            }
          }
        }
      }
      assert.ok(runs >= 300);
    }).timeout(60000);
  });
});
