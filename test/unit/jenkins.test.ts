import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJenkinsfile } from '../../src/core/scan/ci/jenkins';
import { invocations } from '../../src/core/scan/parse/shell';
import { CiFile, CiJob, Loc, Located } from '../../src/core/scan/types';
import { evaluateCondition, ParamDefault } from '../../src/core/scan/ci/jenkins/conditions';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/jenkins');

function load(name: string): CiFile {
  return parseJenkinsfile(`ci/${name}`, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** `line:col-endLine:endCol` */
function L(l: Loc | undefined): string {
  return l ? `${l.line}:${l.column}-${l.endLine}:${l.endColumn}` : '';
}

function V(x: Located | undefined): string {
  return x ? `${x.value}@${L(x.loc)}` : '';
}

function job(f: CiFile, id: string): CiJob {
  const j = f.jobs.find((x) => x.id === id);
  assert.ok(j, `job ${id} in ${f.jobs.map((x) => x.id).join(', ')}`);
  return j;
}

/** Each step's shell lines as `text@loc`, or `uses:name` for DSL steps. */
function steps(j: CiJob): string[][] {
  return j.steps.map((s) => (s.uses ? [`uses:${s.uses.value}`] : s.script.map((l) => `${l.text}@${L(l.loc)}`)));
}

describe('jenkins: declarative pipeline', () => {
  const f = load('declarative.Jenkinsfile');

  it('is a jenkinsfile anchored at the pipeline keyword, without problems', () => {
    assert.strictEqual(f.kind, 'jenkinsfile');
    assert.strictEqual(f.path, 'ci/declarative.Jenkinsfile');
    assert.strictEqual(L(f.anchor), '2:1-2:9');
    assert.strictEqual(f.anchor.path, 'ci/declarative.Jenkinsfile');
    assert.deepStrictEqual(f.problems, []);
  });

  it('flattens parallel and nested stages into jobs named Outer/Inner', () => {
    assert.deepStrictEqual(f.jobs.map((j) => j.id), ['Build', 'Security/SCA', 'Security/SAST', 'Test/Unit', '(post)']);
    assert.strictEqual(job(f, 'Security/SCA').name, 'SCA');
    assert.strictEqual(L(job(f, 'Build').loc), '14:9-20:10');
    assert.strictEqual(L(job(f, 'Security/SAST').loc), '30:17-41:18');
  });

  it('reads sh steps at their exact positions', () => {
    assert.deepStrictEqual(steps(job(f, 'Build')), [
      ['npm ci@17:21-17:27'],
      ['npm run build -- --env=${env.BRANCH_NAME}@18:21-18:62'],
    ]);
    assert.strictEqual(L(job(f, 'Build').steps[0].loc), '17:17-17:28');
  });

  it('reads DSL steps with named arguments as inputs (across lines)', () => {
    const sca = job(f, 'Security/SCA');
    const dc = sca.steps[0];
    assert.strictEqual(V(dc.uses), 'dependencyCheck@25:25-25:40');
    assert.strictEqual(V(dc.inputs.additionalArguments), '--format HTML --scan .@25:62-25:86');
    assert.strictEqual(V(dc.inputs.odcInstallation), 'dc-8@26:58-26:64');
    assert.strictEqual(L(dc.loc), '25:25-26:64');
    assert.deepStrictEqual(dc.script, []);
  });

  it('reads sh(script:, label:) and labels the step', () => {
    const s = job(f, 'Security/SCA').steps[1];
    assert.strictEqual(s.name, 'trivy');
    assert.deepStrictEqual(s.script.map((l) => `${l.text}@${L(l.loc)}`), ['trivy fs --exit-code 1 .@27:37-27:61']);
    assert.strictEqual(s.uses, undefined);
  });

  it('records wrapper steps (withSonarQubeEnv) and the steps inside them; script blocks are transparent', () => {
    const sast = job(f, 'Security/SAST');
    assert.deepStrictEqual(steps(sast), [
      ['uses:withSonarQubeEnv'],
      ['sonar-scanner@34:33-34:46'],
      ['semgrep ci@37:70-37:80'],
      ['uses:unstable'],
    ]);
    assert.strictEqual(V(sast.steps[0].inputs['0']), 'sonar@33:42-33:49');
    assert.strictEqual(L(sast.steps[0].loc), '33:25-35:26');
  });

  it('marks returnStatus: true as cannot-fail, pointing at the argument', () => {
    const s = job(f, 'Security/SAST').steps[2];
    assert.strictEqual(L(s.cannotFail), '37:41-37:59');
    assert.strictEqual(job(f, 'Security/SAST').steps[1].cannotFail, undefined);
  });

  it('takes images and runners from agents, inheriting the top-level agent', () => {
    assert.strictEqual(V(job(f, 'Build').image), 'node:20-alpine@15:36-15:52');
    assert.strictEqual(job(f, 'Build').runner, undefined);
    assert.strictEqual(V(job(f, 'Security/SAST').image), 'semgrep/semgrep:1.60.0@31:36-31:60');
    assert.strictEqual(V(job(f, 'Security/SCA').runner), 'linux@3:19-3:26');
    assert.strictEqual(job(f, 'Security/SCA').image, undefined);
    assert.strictEqual(V(job(f, 'Test/Unit').runner), 'linux@3:19-3:26');
  });

  it('reads bat, catchError(buildResult: SUCCESS) and stage post steps', () => {
    const unit = job(f, 'Test/Unit');
    assert.deepStrictEqual(steps(unit), [
      ['npm test@49:30-49:38'],
      ['npm audit --audit-level=high@51:33-51:61'],
      ['uses:junit'],
    ]);
    assert.strictEqual(unit.steps[0].cannotFail, undefined);
    assert.strictEqual(L(unit.steps[1].cannotFail), '50:36-50:58');
    assert.strictEqual(V(unit.steps[2].inputs['0']), 'reports/*.xml@55:40-55:55');
    assert.strictEqual(V(unit.env.CI), 'true@47:40-47:46');
  });

  it('reads environment, cron triggers and pipeline post', () => {
    assert.deepStrictEqual(Object.keys(f.env), ['REGISTRY', 'SONAR']);
    assert.strictEqual(V(f.env.REGISTRY), 'registry.example.com@5:20-5:42');
    assert.strictEqual(V(f.env.SONAR), "credentials('sonar-token')@6:17-6:43");
    assert.deepStrictEqual(f.schedules.map(V), ['H 2 * * *@9:14-9:25']);
    assert.deepStrictEqual(f.events, ['cron', 'pollSCM']);
    const post = job(f, '(post)');
    assert.strictEqual(post.steps.length, 1);
    assert.strictEqual(V(post.steps[0].uses), 'mail@63:13-63:17');
    assert.strictEqual(post.steps[0].inputs.to.value, 'team@example.com');
  });

  it('does not turn options { timeout(...) } into a step', () => {
    const uses = f.jobs.flatMap((j) => j.steps.map((s) => s.uses?.value)).filter(Boolean);
    assert.ok(!uses.includes('timeout'));
  });

  it('feeds the shell reader: a Groovy interpolation stays as text', () => {
    const l = job(f, 'Build').steps[1].script[0];
    const [i] = invocations(l);
    assert.strictEqual(i.program, 'npm');
    assert.deepStrictEqual(i.args, ['run', 'build', '--', '--env=${env.BRANCH_NAME}']);
  });
});

describe('jenkins: scripted pipeline', () => {
  const f = load('scripted.Jenkinsfile');

  it('anchors at the first node and reads stages inside it', () => {
    assert.strictEqual(L(f.anchor), '3:1-3:5');
    assert.deepStrictEqual(f.jobs.map((j) => j.id), ['Checkout', 'Scan', 'Report']);
    assert.deepStrictEqual(f.problems, []);
  });

  it('takes the runner from node(label) and the image from docker.image().inside', () => {
    assert.strictEqual(V(job(f, 'Checkout').runner), 'docker-host@3:6-3:19');
    assert.strictEqual(V(job(f, 'Scan').image), 'aquasec/trivy:0.50.0@8:22-8:44');
    assert.strictEqual(job(f, 'Checkout').image, undefined);
  });

  it('walks through withEnv, withCredentials, dir and timeout', () => {
    const scan = job(f, 'Scan');
    assert.deepStrictEqual(steps(scan), [
      ['trivy image --exit-code 1 app:latest@9:17-9:53'],
      ['gitleaks detect --source .@15:29-15:55'],
      ['uses:snykSecurity'],
    ]);
    assert.strictEqual(V(scan.steps[1].env.GITLEAKS_VERSION), '8.18.0@11:18-11:43');
    assert.strictEqual(scan.steps[0].env.GITLEAKS_VERSION, undefined);
    assert.strictEqual(V(scan.steps[2].inputs.failOnIssues), 'true@16:78-16:82');
    const uses = scan.steps.map((s) => s.uses?.value);
    for (const w of ['withEnv', 'withCredentials', 'dir', 'timeout']) assert.ok(!uses.includes(w), w);
  });

  it('reads properties([pipelineTriggers([cron(...)])]) as a schedule', () => {
    assert.deepStrictEqual(f.schedules.map(V), ['H 4 * * 1-5@1:36-1:49']);
  });

  it('marks steps in a try whose catch swallows the error as cannot-fail', () => {
    const r = job(f, 'Report');
    assert.deepStrictEqual(steps(r), [['zap-baseline.py -t https://staging.example.com@24:17-24:63'], ['uses:echo'], ['uses:recordIssues']]);
    assert.strictEqual(L(r.steps[0].cannotFail), '23:9-23:12');
    assert.strictEqual(r.steps[1].cannotFail, undefined);
  });

  it('keeps nested calls in arguments as text, not as steps', () => {
    const ri = job(f, 'Report').steps[2];
    assert.strictEqual(V(ri.inputs.tools), "[trivy(pattern: 'trivy.json')]@28:29-28:59");
    assert.ok(!f.jobs.some((j) => j.steps.some((s) => s.uses?.value === 'trivy')));
    assert.strictEqual(V(job(f, 'Checkout').steps[0].inputs['0']), 'scm@5:18-5:21');
  });
});

describe('jenkins: comments', () => {
  const f = load('commented.Jenkinsfile');

  it('drops steps commented out with // and /* */, keeps the rest', () => {
    assert.deepStrictEqual(steps(job(f, 'Scan')), [
      ['echo "// not a comment" && gitleaks detect@7:21-7:63'],
      ['npm ci@10:34-10:40'],
    ]);
    const all = f.jobs.flatMap((j) => j.steps.flatMap((s) => s.script.map((l) => l.text).concat(s.uses ? [s.uses.value] : [])));
    for (const gone of ['trivy', 'semgrep', 'dependencyCheck', 'snykSecurity']) assert.ok(!all.some((t) => t.includes(gone)), gone);
  });

  it('agent any is the runner', () => {
    assert.strictEqual(V(job(f, 'Scan').runner), 'any@2:11-2:14');
  });
});

describe('jenkins: multi-line scripts', () => {
  const f = load('multiline.Jenkinsfile');
  const s = job(f, 'Scan').steps;

  it("splits ''' scripts into logical lines with their own positions", () => {
    assert.deepStrictEqual(s[0].script.map((l) => [l.text, L(l.loc)]), [
      ['set -eu', '7:21-7:28'],
      ['docker run --rm -v "$PWD:/src" aquasec/trivy:0.50.0 fs /src', '8:21-10:51'],
      ['gitleaks detect --source . --no-git', '12:21-12:56'],
    ]);
    assert.strictEqual(L(s[0].loc), '6:17-13:20');
  });

  it('resolves Groovy escapes in """ scripts and joins \\\\ continuations', () => {
    assert.deepStrictEqual(s[1].script.map((l) => [l.text, L(l.loc)]), [
      ['echo "Scanning $IMAGE for ${env.BUILD_ID}"', '15:21-15:63'],
      ['grype "$IMAGE"', '16:21-17:33'],
    ]);
    const [g] = invocations(s[1].script[1]);
    assert.deepStrictEqual([g.program, g.args], ['grype', ['$IMAGE']]);
  });

  it('reads powershell(script:, label:)', () => {
    assert.strictEqual(s[2].name, 'pester');
    assert.deepStrictEqual(s[2].script.map((l) => [l.text, L(l.loc)]), [['Invoke-Pester -Path tests', '19:37-19:62']]);
  });

  it('the shell reader finds the tools in the joined docker line', () => {
    const [d] = invocations(s[0].script[1]);
    assert.deepStrictEqual([d.program, d.image, d.wrapper], ['trivy', 'aquasec/trivy:0.50.0', 'docker run']);
  });
});

describe('jenkins: shared libraries', () => {
  const f = load('library.Jenkinsfile');

  it('reads @Library, library steps and libraries { lib() } as references', () => {
    assert.deepStrictEqual(f.references.map((r) => [r.kind, r.ref, L(r.loc)]), [
      ['shared-library', 'pipeline-lib@v2.1', '1:10-1:29'],
      ['shared-library', 'security-lib@main', '2:11-2:30'],
      ['shared-library', 'utils', '2:32-2:39'],
      ['shared-library', 'extra-lib@1.0', '4:9-4:24'],
      ['shared-library', 'dynamic-lib@master', '5:21-5:41'],
      ['shared-library', 'declared-lib@3', '10:13-10:29'],
      // a step of one of those libraries, listed where it is called
      ['shared-library', 'securityScan (library step)', '16:17-16:29'],
    ]);
    assert.strictEqual(L(f.anchor), '7:1-7:9');
  });

  it('agent none at the top, kubernetes agent on the stage, library steps as uses', () => {
    const j = job(f, 'Scan');
    assert.strictEqual(V(j.runner), 'kubernetes@14:21-14:31');
    assert.strictEqual(j.image, undefined);
    assert.strictEqual(V(j.steps[0].uses), 'securityScan@16:17-16:29');
    assert.deepStrictEqual(Object.fromEntries(Object.entries(j.steps[0].inputs).map(([k, v]) => [k, v.value])), { tool: 'trivy', severity: 'HIGH' });
  });
});

describe('jenkins: catchError and friends', () => {
  const f = load('catcherror.Jenkinsfile');
  const s = job(f, 'Lenient').steps;

  it('catchError(buildResult: SUCCESS) and warnError make steps unable to fail the build; plain catchError does not', () => {
    assert.deepStrictEqual(s.map((x) => [x.script[0]?.text ?? x.uses?.value, L(x.cannotFail)]), [
      ['trivy fs .', '3:20-3:42'],
      ['semgrep ci', '6:9-8:10'],
      ['gitleaks detect', ''],
      ['checkov -d .', '12:36-12:54'],
      ['build', '13:28-13:44'],
    ]);
  });

  it('node without a label runs anywhere', () => {
    assert.strictEqual(V(job(f, 'Lenient').runner), 'any@1:1-1:5');
  });
});

describe('jenkins: tolerance', () => {
  it('reports unbalanced braces and strings with lines, and keeps what was parsed', () => {
    const f = load('broken.Jenkinsfile');
    assert.deepStrictEqual(f.problems.map((p) => [p.line, p.severity]), [
      [11, 'error'], [10, 'error'], [9, 'error'], [3, 'error'], [1, 'error'],
    ]);
    assert.match(f.problems[0].message, /Unterminated string/);
    assert.match(f.problems[1].message, /Unclosed '\{' opened at line 10/);
    assert.deepStrictEqual(f.jobs.map((j) => j.id), ['Build', 'Scan']);
    assert.deepStrictEqual(steps(job(f, 'Build')), [['make build@6:21-6:31']]);
    assert.deepStrictEqual(steps(job(f, 'Scan')), [['trivy fs .@11:21-11:31'], ['gitleaks detect@12:21-12:36']]);
  });

  it('reports a stray closing brace', () => {
    const f = parseJenkinsfile('J', "node {\n  sh 'a'\n}\n}\nnode { sh 'b' }\n");
    assert.deepStrictEqual(f.problems.map((p) => [p.message, p.line, p.column]), [["Unexpected '}'", 4, 1]]);
    assert.deepStrictEqual(f.jobs.flatMap((j) => j.steps.map((x) => x.script[0].text)), ['a', 'b']);
  });

  it('never throws on junk', () => {
    const junk = ['', '{', '}', '(((', "'''", '"""${', '/*', 'pipeline', 'pipeline {', 'stage(', 'sh', 'sh(', "sh '", '@', '@Library(',
      'node { stage("x") { sh """\n', '$/', 'a = ', 'def', 'def f(', 'if (', 'try {', '[:', 'x.y.', 'docker.image(', '\u0000\u0001', '}'.repeat(50), '{'.repeat(500)];
    for (const t of junk) assert.doesNotThrow(() => parseJenkinsfile('J', t), JSON.stringify(t));
    const f = parseJenkinsfile('J', '');
    assert.deepStrictEqual([f.jobs, f.problems, L(f.anchor)], [[], [], '1:1-1:1']);
  });
});

describe('jenkins: more syntax', () => {
  it('reads the legacy `stage "name"` form, brace on the next line, ; separators and sh without parens in if', () => {
    const text = [
      'node',
      '{',
      "  stage 'Build'",
      "  sh 'make'; sh \"make test\"",
      "  stage('Scan')",
      '  {',
      "    if (env.BRANCH_NAME == 'main') sh 'trivy fs .' else { sh 'echo skip' }",
      '  }',
      '}',
    ].join('\n');
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.problems, []);
    assert.deepStrictEqual(f.jobs.map((j) => [j.id, steps(j)]), [
      ['Build', [['make@4:7-4:11'], ['make test@4:18-4:27']]],
      ['Scan', [['trivy fs .@7:40-7:50'], ['echo skip@7:63-7:72']]],
    ]);
  });

  it('reads sh inside def methods, closures passed to parallel, and sh(...).trim()', () => {
    const text = [
      'def scan(String target) {',
      '  sh "trivy image ${target}"',
      '}',
      'node {',
      "  stage('Parallel') {",
      "    parallel 'a': { sh 'gitleaks detect' }, b: {",
      "      def v = sh(script: 'semgrep --version', returnStdout: true).trim()",
      '    }, failFast: true',
      '  }',
      "  sh 'outside'",
      '}',
    ].join('\n');
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.problems, []);
    assert.deepStrictEqual(f.jobs.map((j) => [j.id, steps(j)]), [
      ['(def scan)', [['trivy image ${target}@2:7-2:28']]],
      ['Parallel', [['gitleaks detect@6:25-6:40'], ['semgrep --version@7:27-7:44']]],
      ['(no stage)', [['outside@10:7-10:14']]],
    ]);
  });

  it('reads agent { docker { image … label … } }, agent { node { label } } and docker.image().withRun as a service', () => {
    const text = [
      'pipeline {',
      '  agent { node { label "builder" } }',
      '  stages {',
      "    stage('A') { agent { docker { image 'python:3.12'; label 'gpu' } } steps { sh 'bandit -r .' } }",
      "    stage('B') { steps { script { docker.image('postgres:16').withRun('-e X=1') { c -> sh 'pytest' } } } }",
      '  }',
      '}',
    ].join('\n');
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.problems, []);
    assert.strictEqual(V(job(f, 'A').image), 'python:3.12@4:41-4:54');
    assert.strictEqual(V(job(f, 'A').runner), 'gpu@4:62-4:67');
    assert.strictEqual(V(job(f, 'B').runner), 'builder@2:24-2:33');
    assert.deepStrictEqual(job(f, 'B').services.map(V), ['postgres:16@5:48-5:61']);
    assert.deepStrictEqual(steps(job(f, 'B')), [['pytest@5:92-5:98']]);
  });

  it('reads matrix stages and triggers { cron … } without parentheses', () => {
    const text = [
      'pipeline {',
      '  agent any',
      "  triggers { cron 'H H * * 0' }",
      '  stages {',
      "    stage('Matrix') {",
      '      matrix {',
      "        axes { axis { name 'OS'; values 'linux', 'windows' } }",
      "        stages { stage('Test') { steps { sh 'make test' } } }",
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.jobs.map((j) => j.id), ['Matrix/Test']);
    assert.deepStrictEqual(f.schedules.map(V), ['H H * * 0@3:19-3:30']);
  });

  it('keeps positions on CRLF files', () => {
    const f = parseJenkinsfile('J', "node {\r\n  sh '''\r\n    trivy fs .\r\n  '''\r\n}\r\n");
    assert.deepStrictEqual(f.jobs[0].steps[0].script.map((l) => [l.text, L(l.loc)]), [['trivy fs .', '3:5-3:15']]);
  });
});

describe('jenkins: script values', () => {
  it('resolves `sh name` to a string variable defined earlier, at the literal position; unknown values give no lines', () => {
    const text = [
      "def scanCmd = 'trivy fs --exit-code 1 .'",
      "def other = \"\"\"",
      '  gitleaks detect',
      '""".stripIndent()',
      'node {',
      '  sh scanCmd',
      '  sh script: other',
      '  sh unknownVar',
      "  sh 'semgrep ' + '--config auto'",
      '}',
    ].join('\n');
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.jobs[0].steps.map((s) => s.script.map((l) => `${l.text}@${L(l.loc)}`)), [
      ['trivy fs --exit-code 1 .@1:16-1:40'],
      ['gitleaks detect@3:3-3:18'],
      [],
      ['semgrep@9:7-9:14'],
    ]);
    assert.strictEqual(L(f.jobs[0].steps[0].loc), '6:3-6:13');
  });

  it('skips constructs nested absurdly deep but keeps the rest of the file', () => {
    const text = "node { sh 'a' }\n" + 'node { '.repeat(300) + "sh 'deep'" + ' }'.repeat(300) + "\nnode { sh 'after' }";
    const f = parseJenkinsfile('J', text);
    assert.deepStrictEqual(f.jobs.flatMap((j) => j.steps.map((s) => s.script[0].text)), ['a', 'after']);
    assert.deepStrictEqual(f.problems.map((p) => [p.line, p.severity]), [[2, 'warning']]);
  });
});

describe('jenkins: conditions read with the parameters\' defaults', () => {
  const declared = (src: string): Map<string, ParamDefault> => {
    const text = `pipeline {\n  parameters {\n${src}\n  }\n  stages { stage('x') { steps { sh 'true' } } }\n}\n`;
    const f = parseJenkinsfile('Jenkinsfile', text);
    assert.deepStrictEqual(f.problems, []);
    // the parameters are read through a stage gated on each of them
    const w = new Map<string, ParamDefault>();
    for (const line of src.split('\n')) {
      const m = /name: '(\w+)'/.exec(line);
      if (!m) continue;
      const probe = parseJenkinsfile('Jenkinsfile', text.replace("stage('x') {", `stage('x') { when { expression { params.${m[1]} } }`));
      w.set(m[1], { name: m[1], value: probe.jobs[0].notRun ? false : true, loc: { path: 'Jenkinsfile', line: 1, column: 1, endLine: 1, endColumn: 1 } });
    }
    return w;
  };
  const P = (entries: Record<string, boolean | string>): Map<string, ParamDefault> =>
    new Map(Object.entries(entries).map(([name, value]) => [name, { name, value, loc: { path: 'Jenkinsfile', line: 3, column: 5, endLine: 3, endColumn: 40 } }]));

  it('evaluates &&, ||, !, ==, != and parentheses with three values', () => {
    const p = P({ ON: true, OFF: false, MODE: 'quick', EMPTY: '' });
    const v = (t: string): boolean | undefined => evaluateCondition(t, p).value;
    assert.strictEqual(v('return params.OFF'), false);
    assert.strictEqual(v('params.ON'), true);
    assert.strictEqual(v('!params.OFF'), true);
    assert.strictEqual(v("params.OFF && env.BRANCH_NAME ==~ /(release|main)/"), false);
    assert.strictEqual(v("params.ON && env.BRANCH_NAME ==~ /(release|main)/"), undefined);
    assert.strictEqual(v("params.OFF || env.BRANCH_NAME == 'main'"), undefined);
    assert.strictEqual(v("params.MODE == 'full'"), false);
    assert.strictEqual(v("params.MODE != 'full'"), true);
    assert.strictEqual(v("params['MODE'] == 'quick'"), true);
    assert.strictEqual(v('params.EMPTY'), false);
    assert.strictEqual(v("(params.OFF || params.ON) && params.MODE == 'quick'"), true);
    assert.strictEqual(v('params.OFF.toBoolean()'), false);
    // not decided by the file: undeclared parameters, type mismatches, other code
    assert.strictEqual(v('params.UNDECLARED'), undefined);
    assert.strictEqual(v("params.OFF == 'false'"), undefined);
    assert.strictEqual(v('params.ON ? false : true'), undefined);
    assert.strictEqual(v('isRelease()'), undefined);
    assert.strictEqual(v(''), undefined);
  });

  it('reads booleanParam (false when no default is given), string and choice (its first choice) defaults', () => {
    const w = declared([
      "    booleanParam(name: 'A')",
      "    booleanParam(name: 'B', defaultValue: true)",
      "    string(name: 'C', defaultValue: '')",
      "    choice(name: 'D', choices: ['yes', 'no'])",
    ].join('\n'));
    assert.deepStrictEqual([...w].map(([k, x]) => `${k}=${String(x.value)}`), ['A=false', 'B=true', 'C=false', 'D=true']);
  });

  it('a stage gated off by default is not run, with the reason; nested stages inherit it; parameterizedCron keeps it', () => {
    const text = [
      'pipeline {',
      '  agent any',
      "  parameters { booleanParam(name: 'DEPLOY', defaultValue: false) }",
      '  stages {',
      "    stage('Deploy') {",
      '      when { expression { params.DEPLOY } }',
      '      stages {',
      "        stage('Push') { steps { sh 'make push' } }",
      '      }',
      '    }',
      "    stage('Build') { when { equals expected: true, actual: params.DEPLOY } ; steps { sh 'make' } }",
      '  }',
      '}',
    ].join('\n');
    const f = parseJenkinsfile('Jenkinsfile', text);
    assert.match(job(f, 'Deploy/Push').notRun ?? '', /^the stage 'Deploy' runs only when its `when` condition holds \(Jenkinsfile:6\), which the builds Jenkins starts on its own do not meet: DEPLOY defaults to false \(Jenkinsfile:3\)$/);
    assert.match(job(f, 'Build').notRun ?? '', /DEPLOY defaults to false/);
    const scheduled = parseJenkinsfile('Jenkinsfile', text.replace('  agent any', "  agent any\n  triggers { parameterizedCron('H 1 * * * %DEPLOY=true') }"));
    assert.strictEqual(job(scheduled, 'Deploy/Push').notRun, undefined);
    assert.strictEqual(job(scheduled, 'Build').notRun, undefined);
  });

  it('scripted: the branch of `if (params.X)` the defaults do not take starts its stages not run', () => {
    const f = parseJenkinsfile('Jenkinsfile', [
      "properties([parameters([booleanParam(name: 'FULL', defaultValue: true)])])",
      'node {',
      "  if (!params.FULL) { stage('Quick') { sh 'make quick' } } else { stage('Full') { sh 'make all' } }",
      "  if (env.BRANCH_NAME == 'main') { stage('Main') { sh 'make main' } }",
      '}',
    ].join('\n'));
    assert.match(job(f, 'Quick').notRun ?? '', /runs only when `\(!params.FULL\)` is true \(Jenkinsfile:3\).*FULL defaults to true \(Jenkinsfile:1\)/);
    assert.strictEqual(job(f, 'Full').notRun, undefined);
    assert.strictEqual(job(f, 'Main').notRun, undefined);
  });
});
