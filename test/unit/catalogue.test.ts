import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { wildcardMatch } from '../../src/core/glob';
import { Catalogue, CatalogueError, CODE_PROBE_IDS, loadCatalogue, mergeCatalogues, ToolMatch } from '../../src/core/scan/detect/catalogue';
import { evaluateRules, loadRules, mergeRules, RuleSet, unknownRuleProbes } from '../../src/core/scan/detect/rules';
import { disabledProbesByVariables, matchConfigFile, matchGitlabComponent, matchGitlabTemplate, matchImage, matchInstall, matchInvocation, matchPreCommitHook, matchUses } from '../../src/core/scan/detect/toolMatch';
import { parseModel } from '../../src/core/model/loader';
import { Evidence, ProbeOutcome, ProbeResult } from '../../src/core/scan/detect/probeTypes';
import { Invocation } from '../../src/core/scan/parse/shell';
import { Loc } from '../../src/core/scan/types';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const LOC: Loc = { path: '.github/workflows/ci.yml', line: 3, column: 9, endLine: 3, endColumn: 20 };

function inv(program: string, args: string[] = [], extra: Partial<Invocation> = {}): Invocation {
  return { program, args, kind: 'run', line: { text: [program, ...args].join(' '), loc: LOC }, ...extra };
}

const pairs = (ms: ToolMatch[]) => ms.map((m) => `${m.probe}/${m.tool}${m.disabled ? ' (off)' : ''}`).sort();
const probes = (ms: ToolMatch[]) => [...new Set(ms.filter((m) => !m.disabled).map((m) => m.probe))].sort();

/** High/Medium-confidence activities (research notes) that the bundled rules cover. */
const COVERED = [
  'f6f7737f-25a9-4317-8de2-09bf59f29b5b', 'a340f46b-6360-4cb8-847b-a0d3483d09d3', 'f3c4971e-9f4d-4e59-8ed0-f0bdb6262477',
  '2858ac12-0179-40d9-9acf-1b839c030473', '5786959d-0c6f-46a6-8e1c-a32ff1a50222', '67e1a9aa-9fbf-4ec5-a2de-400f01960c51',
  '74938a3f-1269-49b9-9d0f-c43a79a1985a', '2a44b708-734f-4463-b0cb-86dc46344b2f', 'df428c9d-efa0-4226-9f47-a15bb53f822b',
  '0de465a6-55a7-4343-af79-948bb5ff10ba', '83057028-0b77-4d2e-8135-40969768ae88', '13e9757e-58e2-4277-bc0f-eadc674891e6',
  '85d52588-f542-4225-a338-20dc22a5508d', 'c4204a32-2545-4424-b524-d1cc52b46abd', '0cb2626b-fb0d-4a0f-9688-57f787310d97',
  '8ae0b92c-10e0-4602-ba22-7524d6aed488', 'f2594f8f-1cd6-45f9-af29-eaf3315698eb', '34869eaf-f2e1-4926-b0bd-28c43402f057',
  '485a3383-7f2e-4dba-bb84-479377070904', '08f27c26-2c6a-47fe-9458-5e88f188085d', '6b96e5a0-ce34-4ea4-a88f-469d3b84546e',
  '47419324-e263-415b-815d-e7161b6b905e', '7121b0c7-6ace-4d6b-95d0-94535dbccb57', '3f63bdbc-c75f-4780-a941-e6ad42e894e1',
  'a86c1fbc-28fd-4610-89a3-a7f73acfe45f', '066084c6-1135-4635-9cc5-9e75c7c5459f', 'e7598ac4-b082-4e56-b7df-e2c6b426a5e2',
  '363a3eea-baf9-4010-88ca-bb8186a2989d', '517b0957-4981-4ac0-b4c7-0d8d1934c474', '3a94d55e-fd82-4996-9eb3-20d23ff2a873',
  '5992c38c-8597-4035-89db-d15820d81c3a', '4ce24abd-8ba6-494c-828d-4d193e28e4a1', '6df508ef-86fc-4c22-bd9f-646c3127ce7d',
  '8b994601-575e-4ea5-b228-accb18c8e514', '070bb14b-e04a-4f3d-896a-a08eba7a35f9', 'dcf9601b-b4f2-4e25-9143-e39af75f7c33',
  'e14de741-94b3-447c-8b07-eea947d82e61', 'f8e80f18-2503-4e3e-b3bc-7f67bb28defe', '73aaae0b-5d68-4953-9fa4-fd25bf665f2a',
  'c1acc8af-312e-4503-a817-a26220c993a0', '44f2c8a9-4aaa-4c72-942d-63f78b89f385', '8f2b4d5a-3c1e-4b7a-9d8f-2e6c4a1b5d7f',
  '55f4c916-3a34-474d-ad96-9a9f7a4f6a83', 'aaffa73f-59f6-4267-b0ab-732f3d13e90d', 'ce970c9b-da94-41cf-bd78-8c15357b7e8e',
  '9cac3341-fe83-4079-bef2-bfc4279eb594', '85ba5623-84be-4219-8892-808837be582d', 'b2f77606-3e6c-41e9-b72d-7c0b1d3d581d',
  '9711f871-f79d-4573-8d4f-d2c98fd0d18e', '07796811-37f9-467c-9ff2-48f346e77ff3', '6a9cb303-0f98-48a8-bdcd-56d41c0012b8',
  '5e0ff85b-ec89-4ef0-96b1-5695fa0025dc', '5b5a1eb2-113f-41fb-a3d6-06af4fdc9cea', 'a6c4cefb-a0b7-4787-8cc7-a0f96b4b00d8',
  '6d2c3ac6-8afc-4af6-a5e9-6188341aca01', '7bb70764-9392-4462-935d-e55b2e148199', '61e10f9c-e126-4ffa-af12-fdbe0d0a831f',
  'ab5725aa-4d53-47b9-96df-c14b3fa93bcd', '6532c1fe-9d23-4228-8722-558ddabca7d4', 'f2f0f274-c1a0-4501-92fe-7fc4452bc8ad',
  'd918cd44-a972-43e9-a974-eff3f4a5dcfe', '87b54313-fafd-4860-930f-5ef132b3e4ad', '017d9e26-42b5-49a4-b945-9f59b308fb99',
  '6e180abc-7c98-4265-b4e9-852cb91b067b', '07fe8c4f-ae33-4409-b1b2-cf64cfccea86', 'e237176b-bec5-447d-a926-e37d6dd60e4b',
  '6c05c837-8c99-46e2-828b-7c903e27dba4', 'ee68331f-9b1d-4f61-844b-b2ea04753a84', '297be001-8d94-41ee-ab29-207020d423c0',
  'a8d7d1f1-fc24-49ab-8fb6-f3a03da9c61d', 'd17dbff0-1f10-492a-b4c7-17bb59a0a711', 'efa52cc8-6c5c-4ba2-a3d2-7164b0402f34',
  'd5e6303c-d5c6-4d59-b258-a3b9de38a07f', 'c6e3c812-56e2-41b0-ae01-b7afc41a004c', '621fb6a5-5c0a-4408-826a-068868bb031b',
  '58825d22-1ce6-4748-af81-0ec9956e4129', '46d6a2a8-f9dc-4c15-9fc8-1723cfecbddc', '8fc3de67-7b8d-420b-8d24-f35928cfed6e',
  '837f8f90-adc2-4e6b-9ebb-60c2ee29494d', 'cb6321aa-0fbf-4996-9e08-05ab26ef4c1e', '7de0ae33-6538-45cd-8222-a1475647ba58',
  '26e1c6d5-5632-4ec7-80d2-e564b98732ad', '13367d8f-e37f-4197-a610-9ffca4fde261', '598897a2-358e-441f-984c-e12ec4f6110a',
  '1bd78cdd-ef11-4bb5-9b58-5af2e25fe1c5', '2ebfc421-8c76-415c-a3b0-fa518915bd10',
];

describe('catalogue: bundled model files', () => {
  let cat: Catalogue;
  let rules: RuleSet;
  before(() => {
    cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');
    rules = loadRules(read('model/rules.yaml'), 'rules.yaml', [...CODE_PROBE_IDS, ...cat.probes.map((p) => p.id)]);
  });

  it('loads model/probes.yaml with the required tool probes', () => {
    const ids = new Set(cat.probes.map((p) => p.id));
    for (const id of [
      'ci.tests', 'sast', 'sast.client', 'sca', 'sca.client', 'secret-scan', 'image-scan', 'iac-scan', 'cloud-config-scan',
      'dockerfile-lint', 'dast', 'dast.ajax-spider', 'sbom', 'signing', 'fuzzing', 'lint', 'license-scan', 'load-test', 'chaos',
      'api-lint', 'dead-code', 'duplicate-code', 'libyear', 'malware-scan', 'network-scan', 'tls-test', 'deploy', 'container-build',
    ]) assert.ok(ids.has(id), `missing probe ${id}`);
    for (const p of cat.probes) assert.ok(p.title && p.summary, `probe ${p.id} needs a title and summary`);
    assert.ok(cat.probes.find((p) => p.id === 'sast')!.tools.length >= 15);
    assert.ok(cat.probes.find((p) => p.id === 'sca')!.tools.length >= 15);
  });

  it('loads model/rules.yaml and every probe it uses exists', () => {
    assert.ok(rules.rules.length >= 60);
    assert.deepEqual(unknownRuleProbes(rules, cat), []);
  });

  it('names only activities of the bundled DSOMM model', () => {
    const modelPath = path.join(ROOT, 'model/dsomm-model.yaml');
    const model = parseModel(fs.readFileSync(modelPath, 'utf8'), 'dsomm-model.yaml');
    const unknown = rules.rules.filter((r) => !model.activities.has(r.activity)).map((r) => r.activity);
    assert.deepEqual(unknown, []);
  });

  it('covers every High/Medium activity decided for coverage', () => {
    const have = new Set(rules.rules.map((r) => r.activity));
    assert.deepEqual(COVERED.filter((u) => !have.has(u)), []);
  });

  it('has no id collision with code probes', () => {
    for (const p of cat.probes) assert.ok(!CODE_PROBE_IDS.includes(p.id));
  });

  it('matches a pipeline-wide sample of real commands to the right probes', () => {
    const cases: [Invocation, string[]][] = [
      [inv('npm', ['test']), ['ci.tests']],
      [inv('npm', ['run', 'test:unit']), ['ci.tests']],
      [inv('npm', ['ci']), []],
      [inv('jest', ['--ci'], { wrapper: 'npx' }), ['ci.tests']],
      [inv('pytest', ['-v']), ['ci.tests']],
      [inv('go', ['test', './...']), ['ci.tests']],
      [inv('mvn', ['-B', 'clean', 'verify']), ['ci.tests']],
      [inv('gradlew', ['clean', 'test']), ['ci.tests']],
      [inv('dotnet', ['test']), ['ci.tests']],
      [inv('cargo', ['test']), ['ci.tests']],
      [inv('gitleaks', ['detect', '--source', '.']), ['secret-scan']],
      [inv('trufflehog', ['git', 'file://.']), ['secret-scan']],
      [inv('govulncheck', ['./...']), ['sca', 'vuln-gate.all']],
      [inv('pip-audit', ['-r', 'requirements.txt']), ['sca', 'vuln-gate.all']],
      [inv('cargo', ['audit']), ['sca', 'vuln-gate.all']],
      [inv('bandit', ['-r', 'src']), ['sast']],
      [inv('gosec', ['./...']), ['sast']],
      [inv('hadolint', ['Dockerfile']), ['dockerfile-lint']],
      [inv('kubesec', ['scan', 'deploy.yaml']), ['iac-scan', 'iac-scan.k8s']],
      [inv('tfsec', ['.']), ['iac-scan', 'iac-scan.cloud']],
      [inv('prowler', ['aws']), ['cloud-config-scan']],
      [inv('k6', ['run', 'load.js']), ['load-test']],
      [inv('syft', ['.', '-o', 'spdx-json']), ['sbom']],
      [inv('cosign', ['sign', '--yes', '$IMAGE']), ['signing']],
      [inv('cosign', ['verify', '$IMAGE']), ['trust-check']],
      [inv('kubectl', ['apply', '-f', 'k8s/']), ['deploy']],
      [inv('terraform', ['apply', '-auto-approve']), ['deploy']],
      [inv('terraform', ['plan']), []],
      [inv('docker', ['build', '-t', 'app', '.']), ['container-build']],
      [inv('jscpd', ['src']), ['duplicate-code']],
      [inv('knip', []), ['dead-code']],
      [inv('libyear', []), ['libyear']],
      [inv('clamscan', ['-r', 'dist']), ['malware-scan']],
      [inv('nmap', ['-sV', 'host']), ['network-scan']],
      [inv('testssl.sh', ['https://host']), ['tls-test']],
      [inv('spectral', ['lint', 'openapi.yaml']), ['api-lint']],
      [inv('golangci-lint', ['run']), ['lint']],
    ];
    for (const [i, want] of cases) assert.deepEqual(probes(matchInvocation(cat, i)), want.sort(), `${i.program} ${i.args.join(' ')}`);
  });
});

describe('catalogue: shell invocation matching', () => {
  const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');

  it('shorthand with subcommand alternatives', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('gitleaks', ['git', '.']))), ['secret-scan']);
    assert.deepEqual(probes(matchInvocation(cat, inv('gitleaks', ['dir', '.']))), ['secret-scan']);
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['i', 'alpine']))).includes('image-scan'), true);
    assert.deepEqual(matchInvocation(cat, inv('gitleaks', ['generate'])), []);
  });

  it('skips option values before a subcommand (kubectl -n prod rollout)', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('kubectl', ['-n', 'prod', 'rollout', 'status', 'deploy/app']))), ['deploy']);
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['--severity', 'HIGH', '-q', 'image', 'x']))).includes('image-scan'), true);
  });

  it('does not skip ordinary positional words (docker run … build is not a build)', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('docker', ['run', '--rm', 'img', 'build']))), []);
  });

  it('"..." lets other goals come first', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('mvn', ['clean', 'install', 'org.owasp:dependency-check-maven:check']))).includes('sca'), true);
    assert.deepEqual(probes(matchInvocation(cat, inv('gradle', ['clean', 'build', 'cyclonedxBom']))).includes('sbom'), true);
  });

  it('long form with args, anyArgs and notArgs', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('dotnet', ['list', 'package', '--vulnerable']))), ['sca']);
    assert.deepEqual(matchInvocation(cat, inv('dotnet', ['list', 'package'])), []);
    assert.deepEqual(probes(matchInvocation(cat, inv('mvn', ['-B', 'package', '-DskipTests']))), []);
    assert.deepEqual(probes(matchInvocation(cat, inv('gradlew', ['build', '-x', 'test']))), [], '-x test is seen as -x=test');
    assert.deepEqual(probes(matchInvocation(cat, inv('npm', ['audit', 'signatures']))), ['trust-check']);
  });

  it('args as prefixes and "--opt value" pairs', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['image', '--format', 'cyclonedx', 'alpine']))).includes('sbom'), true);
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['image', '--format=spdx-json', 'alpine']))).includes('sbom'), true);
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['fs', '--scanners', 'vuln,secret', '.']))), ['sca', 'scanner-scoping', 'secret-scan']);
    assert.deepEqual(probes(matchInvocation(cat, inv('trivy', ['fs', '--scanners', 'misconfig', '.']))), ['iac-scan', 'iac-scan.cloud', 'iac-scan.k8s', 'scanner-scoping']);
    assert.deepEqual(probes(matchInvocation(cat, inv('go', ['test', '-fuzz=FuzzParse', './parser']))), ['ci.tests', 'fuzzing']);
  });

  it('severity gates follow the thresholds', () => {
    const gates = (i: Invocation) => probes(matchInvocation(cat, i)).filter((p) => p.startsWith('vuln-gate'));
    assert.deepEqual(gates(inv('trivy', ['image', '--exit-code', '1', '--severity', 'HIGH,CRITICAL', 'x'])), ['vuln-gate.high']);
    assert.deepEqual(gates(inv('trivy', ['image', '--exit-code', '1', '--severity', 'MEDIUM,HIGH,CRITICAL', 'x'])), ['vuln-gate.high', 'vuln-gate.medium']);
    assert.deepEqual(gates(inv('trivy', ['image', '--exit-code', '1', 'x'])), ['vuln-gate.all']);
    assert.deepEqual(gates(inv('trivy', ['image', '--exit-code', '0', 'x'])), []);
    assert.deepEqual(gates(inv('npm', ['audit'])), ['vuln-gate.all']);
    assert.deepEqual(gates(inv('npm', ['audit', '--audit-level=high'])), ['vuln-gate.high']);
    assert.deepEqual(gates(inv('npm', ['audit', '--audit-level=critical'])), []);
    assert.deepEqual(gates(inv('grype', ['alpine:3', '--fail-on', 'medium'])), ['vuln-gate.medium']);
    assert.deepEqual(gates(inv('dependency-check.sh', ['--scan', '.', '--failOnCVSS', '7'])), ['vuln-gate.high']);
  });

  it('tool-level disable switches are returned, not counted', () => {
    const on = matchInvocation(cat, inv('docker', ['buildx', 'build', '--sbom=true', '-t', 'x', '.']));
    assert.ok(pairs(on).includes('sbom/Docker BuildKit SBOM'));
    const off = matchInvocation(cat, inv('docker', ['buildx', 'build', '--sbom=false', '-t', 'x', '.']));
    const sbom = off.find((m) => m.probe === 'sbom')!;
    assert.match(sbom.disabled ?? '', /--sbom=false/);
    assert.ok(pairs(off).includes('container-build/Docker build'));
    const none = matchInvocation(cat, inv('docker', ['buildx', 'build', '--sbom=none', '-t', 'x', '.'])).find((m) => m.probe === 'sbom');
    assert.match(none?.disabled ?? '', /--sbom=none/, '--sbom=none switches the SBOM off too');
    const pair = matchInvocation(cat, inv('docker', ['build', '--sbom', 'false', '.'])).find((m) => m.probe === 'sbom');
    assert.ok(pair?.disabled, '--sbom false (two words) is a switch too');
  });

  it('install invocations never match as runs, but matchInstall reports them', () => {
    const i = inv('pip', ['semgrep', 'checkov'], { kind: 'install' });
    assert.deepEqual(matchInvocation(cat, i), []);
    const inst = probes(matchInstall(cat, i));
    assert.ok(inst.includes('sast') && inst.includes('iac-scan'));
    assert.deepEqual(matchInstall(cat, inv('semgrep', ['ci'])), [], 'runs are not installs');
    assert.deepEqual(probes(matchInstall(cat, inv('npm', ['@cyclonedx/cyclonedx-npm@1.19.0'], { kind: 'install' }))), ['sbom']);
    assert.deepEqual(probes(matchInstall(cat, inv('go', ['github.com/securego/gosec/v2/cmd/gosec@latest'], { kind: 'install' }))), ['sast']);
    const url = matchInstall(cat, inv('curl', ['https://raw.githubusercontent.com/anchore/grype/main/install.sh'], { kind: 'install' }));
    assert.ok(probes(url).includes('image-scan'));
    assert.deepEqual(matchInstall(cat, inv('apt-get', ['git', 'curl', 'docker'], { kind: 'install' })), [], 'generic programs name no tool');
  });

  it('echo and printf never match', () => {
    assert.deepEqual(matchInvocation(cat, inv('echo', ['trivy', 'image', 'x'])), []);
    assert.deepEqual(matchInvocation(cat, inv('printf', ['gitleaks detect'])), []);
  });

  it('--version / --help / version only invocations never match', () => {
    assert.deepEqual(matchInvocation(cat, inv('trivy', ['--version'])), []);
    assert.deepEqual(matchInvocation(cat, inv('gitleaks', ['version'])), []);
    assert.deepEqual(matchInvocation(cat, inv('semgrep', ['--help'])), []);
    assert.deepEqual(matchInvocation(cat, inv('trivy', ['image', '--help'])), []);
    assert.deepEqual(probes(matchInvocation(cat, inv('pytest', ['-v']))), ['ci.tests'], '-v alone is verbose, not version');
    assert.deepEqual(probes(matchInvocation(cat, inv('helm', ['upgrade', 'app', './chart', '--version', '1.2.3']))), ['deploy']);
  });

  it('docker run IMAGE args: by program (parser) and by image', () => {
    const byProgram = inv('trivy', ['image', 'alpine'], { wrapper: 'docker run', image: 'aquasec/trivy:0.50.0' });
    assert.ok(probes(matchInvocation(cat, byProgram)).includes('image-scan'));
    // A program name derived from an image that is not a catalogue program still matches by image.
    const byImage = inv('zap2docker-stable', ['zap-baseline.py', '-t', 'https://x'], { wrapper: 'docker run', image: 'owasp/zap2docker-stable' });
    assert.deepEqual(probes(matchInvocation(cat, byImage)), ['dast']);
    const needsArgs = inv('gitleaks-img', [], { wrapper: 'docker run', image: 'ghcr.io/gitleaks/gitleaks:v8' });
    assert.deepEqual(matchInvocation(cat, needsArgs), [], 'gitleaks needs a subcommand');
  });

  it('java -jar programs can use wildcards', () => {
    assert.deepEqual(probes(matchInvocation(cat, inv('simian-4.0.0', ['**/*.java'], { wrapper: 'java -jar' }))), ['duplicate-code']);
  });
});

describe('catalogue: uses, images, templates, hooks, config files', () => {
  const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');

  it('GitHub actions with @tag, @sha and subpaths, case-insensitive', () => {
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'gitleaks/gitleaks-action@v2', {})), ['secret-scan']);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'GitHub/CodeQL-Action/analyze@8fcfedf570c5b4a7a0d2a3a6c3e7b8e9f0a1b2c3', {})), ['findings-upload', 'sast']);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'github/codeql-action/init@v3', {})), []);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'github/codeql-action/init@v3', { languages: 'javascript-typescript, python' })), ['sast.client']);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml@v2', {})), ['sca']);
    assert.deepEqual(probes(matchUses(cat, 'github-action', 'snyk/actions/node@master', {})), ['sca', 'sca.client']);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'snyk/actions/node@master', { command: 'code test' })), ['sast']);
    assert.deepEqual(matchUses(cat, 'github-workflow', './.github/actions/scan', {}), []);
  });

  it('action input conditions (trivy-action scan types, ZAP -j)', () => {
    assert.ok(probes(matchUses(cat, 'github-workflow', 'aquasecurity/trivy-action@0.28.0', { 'image-ref': 'app:1' })).includes('image-scan'));
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'aquasecurity/trivy-action@0.28.0', { 'scan-type': 'config' })), ['iac-scan', 'iac-scan.cloud', 'iac-scan.k8s']);
    assert.ok(probes(matchUses(cat, 'github-workflow', 'aquasecurity/trivy-action@master', { 'scan-type': 'fs' })).includes('sca'));
    assert.ok(!probes(matchUses(cat, 'github-workflow', 'aquasecurity/trivy-action@master', { 'scan-type': 'fs' })).includes('image-scan'));
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'zaproxy/action-baseline@v0.12.0', { target: 'https://x', cmd_options: '-a -j' })), ['dast', 'dast.ajax-spider']);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'zaproxy/action-baseline@v0.12.0', { target: 'https://x' })), ['dast']);
    const scout = matchUses(cat, 'github-workflow', 'docker/scout-action@v1', { command: 'quickview,cves' });
    assert.ok(probes(scout).includes('image-scan'));
  });

  it('action input disable switches (build-push-action sbom: false)', () => {
    const on = matchUses(cat, 'github-workflow', 'docker/build-push-action@v6', { sbom: 'true', push: 'true' });
    assert.ok(probes(on).includes('sbom') && probes(on).includes('container-build'));
    const off = matchUses(cat, 'github-workflow', 'docker/build-push-action@v6', { sbom: 'false' });
    assert.match(off.find((m) => m.probe === 'sbom')?.disabled ?? '', /sbom: false/);
    assert.ok(!probes(matchUses(cat, 'github-workflow', 'docker/build-push-action@v6', {})).includes('sbom'));
  });

  it('docker:// actions match by image, with args checked against run', () => {
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'docker://zricethezav/gitleaks:v8.18.0', { args: 'detect --source . -v' })), ['secret-scan']);
    assert.deepEqual(matchUses(cat, 'github-workflow', 'docker://zricethezav/gitleaks:v8.18.0', {}), []);
    assert.deepEqual(probes(matchUses(cat, 'github-workflow', 'docker://ghcr.io/zaproxy/zaproxy:stable', {})), ['dast']);
  });

  it('Azure tasks ignore @N and casing, and check inputs', () => {
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'SonarCloudAnalyze@2', {})), ['findings-upload', 'sast']);
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'sonarcloudanalyze@1', {})), ['findings-upload', 'sast']);
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'Docker@2', { command: 'buildAndPush' })), ['container-build']);
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'Docker@2', { command: 'login' })), []);
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'SnykSecurityScan@1', { testType: 'container', dockerImageName: 'x' })), ['image-scan', 'vuln-gate.all'], 'the task fails on issues by default');
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'DotNetCoreCLI@2', { command: 'test' })), ['ci.tests']);
    assert.deepEqual(probes(matchUses(cat, 'azure-pipelines', 'ms-devlabs.custom-terraform-tasks.custom-terraform-release-task.TerraformTaskV4@4', { command: 'apply' })), ['deploy']);
  });

  it('CircleCI orb steps in all forms', () => {
    assert.deepEqual(probes(matchUses(cat, 'circleci', 'snyk/snyk@2.1.0/scan', {})), ['sca']);
    assert.deepEqual(probes(matchUses(cat, 'circleci', 'snyk/scan', { 'docker-image-name': '$IMAGE' })), ['image-scan']);
    assert.deepEqual(probes(matchUses(cat, 'circleci', 'circleci/aws-ecr/build_and_push_image', {})), ['container-build']);
    assert.deepEqual(probes(matchUses(cat, 'circleci', 'aws-ecr/build-and-push-image', {})), ['container-build']);
    assert.deepEqual(probes(matchUses(cat, 'circleci', 'aws-ecr/ecr-login', {})), []);
  });

  it('Bitbucket pipes with versions and Jenkins steps', () => {
    assert.deepEqual(probes(matchUses(cat, 'bitbucket-pipelines', 'atlassian/git-secrets-scan:0.5.1', {})), ['secret-scan']);
    assert.deepEqual(probes(matchUses(cat, 'bitbucket-pipelines', 'snyk/snyk-scan:1.0.0', { LANGUAGE: 'docker', IMAGE_NAME: 'x' })), ['image-scan']);
    assert.deepEqual(probes(matchUses(cat, 'bitbucket-pipelines', 'snyk/snyk-scan:1.0.0', { LANGUAGE: 'npm' })), ['sca', 'sca.client']);
    assert.deepEqual(probes(matchUses(cat, 'jenkinsfile', 'dependencyCheck', {})), ['sca']);
    assert.deepEqual(probes(matchUses(cat, 'jenkinsfile', 'waitForQualityGate', { abortPipeline: 'true' })), ['vuln-gate.high']);
    assert.deepEqual(probes(matchUses(cat, 'jenkinsfile', 'waitForQualityGate', {})), []);
  });

  it('images with registry, tag and digest', () => {
    assert.deepEqual(probes(matchImage(cat, 'docker.io/owasp/zap2docker-stable:2.14.0')), ['dast']);
    assert.deepEqual(probes(matchImage(cat, 'ghcr.io/zaproxy/zaproxy@sha256:' + 'a'.repeat(64))), ['dast']);
    assert.deepEqual(probes(matchImage(cat, 'registry-1.docker.io/hadolint/hadolint:latest-debian')), ['dockerfile-lint']);
    assert.deepEqual(matchImage(cat, 'aquasec/trivy:0.50.0'), [], 'trivy needs a subcommand: the image alone says nothing');
    assert.deepEqual(matchImage(cat, 'node:20'), []);
  });

  it('GitLab templates (with .latest) and components', () => {
    assert.deepEqual(probes(matchGitlabTemplate(cat, 'Jobs/Secret-Detection.gitlab-ci.yml')), ['findings-upload', 'secret-scan']);
    assert.deepEqual(probes(matchGitlabTemplate(cat, 'Security/SAST.latest.gitlab-ci.yml')), ['findings-upload', 'sast']);
    assert.deepEqual(probes(matchGitlabTemplate(cat, 'jobs/sast-iac.gitlab-ci.yml')), ['findings-upload', 'iac-scan']);
    assert.deepEqual(matchGitlabTemplate(cat, 'Nodejs.gitlab-ci.yml'), []);
    // Auto DevOps enables the jobs of the security templates it includes.
    const auto = probes(matchGitlabTemplate(cat, 'Auto-DevOps.gitlab-ci.yml'));
    for (const p of ['sast', 'sca', 'secret-scan', 'image-scan', 'dast']) assert.ok(auto.includes(p), `Auto-DevOps enables ${p}: ${auto.join(', ')}`);
    assert.deepEqual(probes(matchGitlabComponent(cat, 'gitlab.com/components/secret-detection/secret-detection@1.1.2')), ['findings-upload', 'secret-scan']);
    assert.deepEqual(probes(matchGitlabComponent(cat, '$CI_SERVER_FQDN/components/sast/sast@~latest')), ['findings-upload', 'sast']);
  });

  it('pre-commit hooks', () => {
    assert.deepEqual(probes(matchPreCommitHook(cat, 'gitleaks')), ['secret-scan']);
    assert.deepEqual(probes(matchPreCommitHook(cat, 'detect-private-key')), ['secret-scan']);
    assert.deepEqual(probes(matchPreCommitHook(cat, 'terraform_tfsec')), ['iac-scan', 'iac-scan.cloud']);
    assert.deepEqual(probes(matchPreCommitHook(cat, 'ruff')), ['lint']);
    assert.deepEqual(matchPreCommitHook(cat, 'trailing-whitespace'), []);
  });

  it('config files with exact names and globs', () => {
    assert.deepEqual(probes(matchConfigFile(cat, '.gitleaks.toml')), ['secret-scan']);
    assert.deepEqual(probes(matchConfigFile(cat, './.eslintrc.json')), ['lint']);
    assert.deepEqual(probes(matchConfigFile(cat, 'services/api/.snyk')), ['fp-suppression']);
    assert.deepEqual(probes(matchConfigFile(cat, 'docs/architecture/THREAT_MODEL.md')), ['threat-model']);
    assert.deepEqual(matchConfigFile(cat, 'sub/.gitleaks.toml'), [], 'root-relative patterns only match at the root');
  });

  it('probe-level variable switches', () => {
    const m = disabledProbesByVariables(cat, { SAST_DISABLED: 'true', SECRET_DETECTION_DISABLED: 'false', DAST_DISABLED: 'Yes' });
    assert.equal(m.get('sast'), 'SAST_DISABLED');
    assert.equal(m.get('iac-scan'), 'SAST_DISABLED');
    assert.equal(m.has('secret-scan'), false);
    assert.equal(m.get('dast'), 'DAST_DISABLED');
  });

  it('wildcards answer on hostile input (a backtracking matcher would not finish; the time: npm run bench -- --only bounds)', () => {
    assert.equal(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
  });
});

describe('catalogue: schema errors name file and line', () => {
  const bad = (text: string, re: RegExp) => assert.throws(() => loadCatalogue(text, 'probes.yaml'), (e: unknown) => e instanceof CatalogueError && re.test(e.message));
  const head = 'schemaVersion: 1\nprobes:\n';

  it('tool without matchers', () => {
    bad(head + '  - id: p\n    tools:\n      - name: x\n        url: https://x\n', /^probes\.yaml:5: tool "x" has no matchers$/);
  });
  it('unknown keys', () => {
    bad(head + '  - id: p\n    tools:\n      - name: x\n        runs: [x]\n', /^probes\.yaml:6: unknown key "runs" in a tool/);
  });
  it('wrong schemaVersion and invalid YAML', () => {
    bad('schemaVersion: 2\nprobes: []\n', /^probes\.yaml:1: unsupported schemaVersion 2/);
    bad(head + '  - id: p\n    tools: [\n', /^probes\.yaml:\d+: not valid YAML/);
  });
  it('duplicate probes and tools, reserved ids, bad ids', () => {
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false }\n    tools: [{ name: a, run: [a] }]\n  - id: p\n    traits: { failsBuild: no, qualifies: false }\n    tools: [{ name: b, run: [b] }]\n', /^probes\.yaml:6: probe "p" is defined twice/);
    bad(head + '  - id: p\n    tools:\n      - { name: a, run: [a] }\n      - { name: A, run: [b] }\n', /^probes\.yaml:6: tool "A" appears twice/);
    bad(head + '  - id: ci.pipeline\n    tools: [{ name: a, run: [a] }]\n', /^probes\.yaml:3: probe id "ci.pipeline" is reserved/);
    bad(head + '  - id: Bad Id\n    tools: [{ name: a, run: [a] }]\n', /^probes\.yaml:3: probe id "Bad Id"/);
  });
  it('bad run entries', () => {
    bad(head + '  - id: p\n    tools:\n      - name: a\n        run:\n          - args: [x]\n', /^probes\.yaml:7: a run entry of tool "a" has no program/);
    bad(head + '  - id: p\n    tools:\n      - name: a\n        run: ["a b ..."]\n', /^probes\.yaml:6: "b \.\.\.": '\.\.\.' must be followed by a word/);
    bad(head + '  - id: p\n    tools:\n      - name: a\n        run: ["a|"]\n', /empty alternative/);
  });

  it('probe traits: missing, unknown or wrong values fail at load with file and line', () => {
    const tools = '    tools: [{ name: a, run: [a] }]\n';
    bad(head + '  - id: p\n' + tools, /^probes\.yaml:3: probe "p" has no traits/);
    bad(head + '  - id: p\n    traits: { qualifies: false }\n' + tools, /^probes\.yaml:4: traits of probe "p" lack failsBuild/);
    bad(head + '  - id: p\n    traits: { failsBuild: control }\n' + tools, /^probes\.yaml:4: traits of probe "p" lack qualifies/);
    bad(head + '  - id: p\n    traits: { failsBuild: sometimes, qualifies: false }\n' + tools, /^probes\.yaml:4: failsBuild of probe "p" must be one of control, gate, no, not "sometimes"/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: maybe }\n' + tools, /^probes\.yaml:4: qualifies of probe "p" must be true or false/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, localHook: ide }\n' + tools, /^probes\.yaml:4: localHook of probe "p" must be one of security, lint/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, gates: true }\n' + tools, /^probes\.yaml:4: unknown key "gates" in traits of probe "p"/);
  });

  it('documentation sites, site publishers and static runners: read and checked at load', () => {
    const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');
    const probe = (id: string) => cat.probes.find((p) => p.id === id)!;
    assert.deepEqual(probe('docs-site').traits.documentationFor, ['deploy']);
    assert.equal(probe('deploy').tools.find((t) => t.name === 'GitHub Pages')!.publishesSite, true);
    assert.equal(probe('deploy').tools.find((t) => t.name === 'Docker Compose on a self-hosted runner')!.enabledBy!.staticRunner, true);
    bad(head + '  - id: p\n    tools:\n      - name: a\n        run: [a]\n        publishesSite: sometimes\n', /^probes\.yaml:7: publishesSite of tool "a" must be true or false/);
    bad(head + '  - id: p\n    tools:\n      - name: a\n        run: [a]\n        enabledBy: { staticRunner: false }\n', /^probes\.yaml:7: enabledBy of tool "a" names no condition \(oidc, staticRunner, env or config\)/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: true, documentationFor: { deploy: true } }\n    tools: [{ name: a, run: [a] }]\n', /documentationFor of probe "p"/);
  });

  it('blocksMayAlso: what an uncatalogued image-building block may also do, read and checked at load', () => {
    const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');
    const ids = new Set(cat.probes.map((p) => p.id));
    const also = cat.probes.find((p) => p.id === 'container-build')!.traits.blocksMayAlso;
    assert.deepEqual(also, ['image-scan', 'sbom', 'signing']);
    for (const p of cat.probes) for (const other of p.traits.blocksMayAlso ?? []) assert.ok(ids.has(other), `${p.id} names ${other}, a bundled probe`);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, blocksMayAlso: [p] }\n    tools: [{ name: a, run: [a] }]\n', /^probes\.yaml:4: blocksMayAlso of probe "p" must name other probes, not "p"/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false, blocksMayAlso: [Image Scan] }\n    tools: [{ name: a, run: [a] }]\n', /blocksMayAlso of probe "p" must name other probes, not "Image Scan"/);
  });

  it('imageBuildActions: read and checked at load, each one also an image build tool, a user entry replacing the bundled one', () => {
    const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');
    const builds = cat.imageBuildActions ?? [];
    assert.ok(builds.some((a) => a.action === 'useblacksmith/build-push-action' && a.outputs.includes('outputs')), 'the Blacksmith fork is listed');
    const buildTools = cat.probes.find((p) => p.id === 'container-build')!.tools.flatMap((t) => t.actions.map((a) => a.name.toLowerCase()));
    for (const a of builds) {
      assert.ok(buildTools.includes(a.action.toLowerCase()), `${a.action} counts as a container build`);
      assert.ok(a.url?.startsWith('https://'), `${a.action} has a source link`);
    }
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false }\n    tools: [{ name: a, run: [a] }]\nimageBuildActions:\n  - action: docker/build-push-action@v6\n', /^probes\.yaml:7: image build action "docker\/build-push-action@v6" must be owner\/name without @ref/);
    bad(head + '  - id: p\n    traits: { failsBuild: no, qualifies: false }\n    tools: [{ name: a, run: [a] }]\nimageBuildActions:\n  - action: x/y\n    dockerfile: [f]\n', /unknown key "dockerfile" in an image build action/);
    const user = loadCatalogue('schemaVersion: 1\nprobes: []\nimageBuildActions:\n  - action: Docker/Build-Push-Action\n    file: [dockerfile]\n', 'tools.yaml');
    const merged = mergeCatalogues(cat, user).imageBuildActions!;
    assert.deepEqual(merged.filter((a) => a.action.toLowerCase() === 'docker/build-push-action').map((a) => a.file), [['dockerfile']]);
    assert.equal(merged.length, builds.length);
  });

  it('the bundled traits drive the engine: gates, qualifiers, local hooks', () => {
    const cat = loadCatalogue(read('model/probes.yaml'), 'probes.yaml');
    const of = (id: string) => cat.probes.find((p) => p.id === id)!.traits;
    assert.deepEqual(of('vuln-gate.high'), { failsBuild: 'gate', qualifies: true });
    assert.deepEqual(of('secret-scan'), { failsBuild: 'control', qualifies: false, localHook: 'security' });
    assert.deepEqual(of('lint'), { failsBuild: 'no', qualifies: false, localHook: 'lint' });
    assert.deepEqual(of('findings-upload'), { failsBuild: 'no', qualifies: true });
  });
  it('rules: unknown probe, bad condition, duplicate activity', () => {
    const r = (text: string, re: RegExp) => assert.throws(() => loadRules(text, 'rules.yaml', ['sast', 'sca']), (e: unknown) => e instanceof CatalogueError && re.test(e.message));
    r('schemaVersion: 1\nrules:\n  - activity: a\n    when: { probe: nope }\n', /^rules\.yaml:4: unknown probe "nope"$/);
    r('schemaVersion: 1\nrules:\n  - activity: a\n    when: { probe: sast, any: [] }\n', /^rules\.yaml:4: a condition needs exactly one of/);
    r('schemaVersion: 1\nrules:\n  - activity: a\n    when: { probe: sast }\n  - activity: a\n    when: { probe: sca }\n', /^rules\.yaml:5: activity a has more than one rule/);
    r('schemaVersion: 1\nrules:\n  - activity: a\n    note: x\n', /^rules\.yaml:3: rule for a needs "when" or "partialWhen"/);
    r('schemaVersion: 1\nrules:\n  - activity: a\n    when:\n      tools: { probes: [sast], atLeast: 0 }\n', /^rules\.yaml:5: atLeast must be a whole number/);
  });
  it('alias bombs are refused', () => {
    let text = 'schemaVersion: 1\nx0: &a0 [a, a, a, a, a, a, a, a, a, a]\n';
    for (let i = 1; i < 8; i++) text += `x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += 'probes:\n  - id: p\n    tools:\n      - name: a\n        run: *a7\n';
    assert.throws(() => loadCatalogue(text, 'probes.yaml'), CatalogueError);
  });
});

describe('catalogue: merging a user file', () => {
  const base = loadCatalogue(
    'schemaVersion: 1\nprobes:\n  - id: sast\n    title: SAST\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - { name: Semgrep, run: [semgrep ci] }\n      - { name: Bandit, run: [bandit] }\n  - id: lint\n    title: Lint\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - { name: ESLint, run: [eslint] }\n',
    'probes.yaml',
  );

  it('adds tools, replaces same-named tools, removes tools, adds probes', () => {
    const extra = loadCatalogue(
      'schemaVersion: 1\nprobes:\n  - id: sast\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - { name: semgrep, run: [semgrep scan] }\n      - { name: Bandit, remove: true }\n      - { name: Inhouse, run: [acme-scan] }\n  - id: custom\n    title: Custom\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - { name: X, run: [xscan] }\n',
      'user.yaml',
    );
    const m = mergeCatalogues(base, extra);
    const sast = m.probes.find((p) => p.id === 'sast')!;
    assert.equal(sast.title, 'SAST', 'title kept when the user file does not set one');
    assert.deepEqual(sast.tools.map((t) => t.name), ['semgrep', 'Inhouse']);
    assert.deepEqual(probes(matchInvocation(m, inv('semgrep', ['ci']))), [], 'the replaced tool no longer matches its old command');
    assert.deepEqual(probes(matchInvocation(m, inv('semgrep', ['scan']))), ['sast']);
    assert.deepEqual(probes(matchInvocation(m, inv('acme-scan'))), ['sast']);
    assert.deepEqual(probes(matchInvocation(m, inv('xscan'))), ['custom']);
    assert.deepEqual(probes(matchInvocation(base, inv('semgrep', ['ci']))), ['sast'], 'the base catalogue is unchanged');
  });

  it('replace: true replaces a whole probe', () => {
    const extra = loadCatalogue('schemaVersion: 1\nprobes:\n  - id: lint\n    replace: true\n    title: Style\n    traits: { failsBuild: control, qualifies: false }\n    tools:\n      - { name: Prettier, run: [prettier] }\n', 'user.yaml');
    const m = mergeCatalogues(base, extra);
    const lint = m.probes.find((p) => p.id === 'lint')!;
    assert.equal(lint.title, 'Style');
    assert.deepEqual(lint.tools.map((t) => t.name), ['Prettier']);
  });

  it('merges rules by activity', () => {
    const b = loadRules('schemaVersion: 1\nrules:\n  - activity: a\n    when: { probe: sast }\n  - activity: b\n    when: { probe: lint }\n', 'rules.yaml');
    const e = loadRules('schemaVersion: 1\nrules:\n  - activity: a\n    when: { probe: lint }\n  - activity: b\n    remove: true\n  - activity: c\n    when: { probe: sast }\n', 'user-rules.yaml');
    const m = mergeRules(b, e);
    assert.deepEqual(m.rules.map((r) => r.activity), ['a', 'c']);
    assert.deepEqual(m.rules[0].when, { probe: 'lint', line: 4 });
    assert.equal(m.rules[0].source, 'user-rules.yaml');
  });
});

describe('catalogue: joins on the same pipeline or job (in: pipeline | job)', () => {
  const at = (path: string, line: number, text: string, pipeline?: string, job?: string): Evidence => ({
    loc: { path, line, column: 1, endLine: line, endColumn: 1 },
    text,
    ...(pipeline ? { unit: { pipeline, ...(job ? { job } : {}) } } : {}),
  });
  const out = (id: string, result: ProbeResult, evidence: Evidence[] = []): ProbeOutcome => ({ id, result, evidence, notes: [], findings: [] });
  const map = (...o: ProbeOutcome[]) => new Map(o.map((x) => [x.id, x]));
  const rules = loadRules(
    `schemaVersion: 1
rules:
  - activity: nightly
    when: { all: [{ probe: build }, { probe: schedule }], in: pipeline }
  - activity: samejob
    when: { all: [{ probe: build }, { probe: scan }], in: job }
  - activity: loose
    when: { all: [{ probe: build }, { probe: schedule }] }
`,
    'rules.yaml',
  );
  const schedule = (path: string) => out('schedule', 'pass', [at(path, 4, 'schedule: 0 3 * * *', path)]);
  const build = (path: string, job = 'build') => out('build', 'pass', [at(path, 20, 'docker build -t app .', path, job)]);

  it('a schedule in one workflow and an image build in another do not make a nightly image build', () => {
    const r = evaluateRules(rules, map(schedule('.github/workflows/stale.yml'), build('.github/workflows/ci.yml')), ['nightly', 'loose']);
    assert.equal(r.get('loose')!.status, 'detected', 'the plain all joins nothing');
    const nightly = r.get('nightly')!;
    assert.equal(nightly.status, 'missing');
    assert.deepEqual(nightly.evidence, []);
    assert.deepEqual(nightly.reasons, [
      '.github/workflows/ci.yml has "docker build -t app ." (line 20), but "schedule: 0 3 * * *" is in .github/workflows/stale.yml:4: they count only when one pipeline does all of it.',
    ]);
  });

  it('the scheduled workflow that builds the image counts, with the evidence of that pipeline only', () => {
    const probes = map(
      { ...schedule('.github/workflows/nightly.yml'), evidence: [...schedule('.github/workflows/nightly.yml').evidence, ...schedule('.github/workflows/stale.yml').evidence] },
      { ...build('.github/workflows/nightly.yml'), evidence: [...build('.github/workflows/nightly.yml').evidence, ...build('.github/workflows/ci.yml').evidence] },
    );
    const r = evaluateRules(rules, probes, ['nightly']).get('nightly')!;
    assert.equal(r.status, 'detected');
    assert.deepEqual(r.evidence.map((e) => e.loc.path).sort(), ['.github/workflows/nightly.yml', '.github/workflows/nightly.yml']);
  });

  it('a local reusable workflow runs in the pipeline of the job that calls it', () => {
    const probes = map(schedule('.github/workflows/nightly.yml'), build('.github/workflows/build.yml'));
    assert.equal(evaluateRules(rules, probes, ['nightly']).get('nightly')!.status, 'missing');
    const calls = new Map([['.github/workflows/build.yml', [{ pipeline: '.github/workflows/nightly.yml', job: 'images' }]]]);
    assert.equal(evaluateRules(rules, probes, ['nightly'], calls).get('nightly')!.status, 'detected');
  });

  it('in: job needs one job (pipeline-wide facts fit every job); a missing or n/a member decides first', () => {
    const scanIn = (job: string) => out('scan', 'pass', [at('ci.yml', 30, 'trivy image app', 'ci.yml', job)]);
    assert.equal(evaluateRules(rules, map(build('ci.yml', 'a'), scanIn('a')), ['samejob']).get('samejob')!.status, 'detected');
    assert.equal(evaluateRules(rules, map(build('ci.yml', 'a'), scanIn('b')), ['samejob']).get('samejob')!.status, 'missing');
    const wide = out('scan', 'pass', [at('ci.yml', 2, 'include template', 'ci.yml')]);
    assert.equal(evaluateRules(rules, map(build('ci.yml', 'a'), wide), ['samejob']).get('samejob')!.status, 'detected');
    // Evidence without a unit (a configuration file) cannot join.
    const config = out('scan', 'partial', [at('.trivyignore', 1, '.trivyignore (configuration)')]);
    assert.equal(evaluateRules(rules, map(build('ci.yml', 'a'), config), ['samejob']).get('samejob')!.status, 'missing');
    assert.equal(evaluateRules(rules, map(build('ci.yml', 'a'), out('scan', 'fail')), ['samejob']).get('samejob')!.status, 'missing');
    assert.equal(evaluateRules(rules, map(out('build', 'not-applicable'), schedule('ci.yml')), ['nightly']).get('nightly')!.status, 'unknown');
  });

  it('"in" is checked when the rules load', () => {
    assert.throws(() => loadRules('schemaVersion: 1\nrules:\n  - activity: x\n    when: { any: [{ probe: a }], in: job }\n', 'r.yaml'), /"in" joins the members of an "all" condition/);
    assert.throws(() => loadRules('schemaVersion: 1\nrules:\n  - activity: x\n    when: { all: [{ probe: a }], in: workflow }\n', 'r.yaml'), /"in" must be pipeline or job/);
  });
});

describe('catalogue: evaluateRules', () => {
  const ev = (tool?: string, line = 1): Evidence => ({ loc: { ...LOC, line }, text: tool ?? 'x', ...(tool ? { tool } : {}) });
  const out = (id: string, result: ProbeResult, evidence: Evidence[] = []): ProbeOutcome => ({ id, result, evidence, notes: [], findings: [] });
  const map = (...o: ProbeOutcome[]) => new Map(o.map((x) => [x.id, x]));
  const rules = loadRules(
    `schemaVersion: 1
rules:
  - activity: single
    when: { probe: a }
  - activity: all
    when: { all: [{ probe: a }, { probe: b }] }
  - activity: any
    when: { any: [{ probe: a }, { probe: b }] }
  - activity: tools
    when: { tools: { probes: [a, b], atLeast: 2 } }
  - activity: weak
    when: { probe: a }
    partialWhen: { probe: b }
    note: Hint.
  - activity: hint
    partialWhen: { probe: b }
`,
    'rules.yaml',
  );
  const ids = ['single', 'all', 'any', 'tools', 'weak', 'hint', 'norule'];

  it('maps probe results and treats missing probes as failed', () => {
    const r = evaluateRules(rules, map(out('a', 'pass', [ev('T1')])), ids);
    assert.equal(r.get('single')!.status, 'detected');
    assert.deepEqual(r.get('single')!.probes, ['a']);
    assert.equal(r.get('single')!.evidence.length, 1);
    assert.equal(r.get('all')!.status, 'missing', 'b is absent → fail');
    assert.deepEqual(r.get('all')!.evidence, []);
    assert.equal(r.get('any')!.status, 'detected');
    assert.equal(r.get('norule')!.status, 'unknown');
    assert.equal(evaluateRules(rules, map(out('a', 'partial', [ev('T1')])), ['single']).get('single')!.status, 'partial');
    const undecided = evaluateRules(rules, map({ ...out('a', 'not-applicable'), notes: ['No Kubernetes manifests'] }), ['single']).get('single')!;
    assert.equal(undecided.status, 'unknown', 'nothing to apply to is the team\'s decision, never an automatic N/A');
    assert.match(undecided.reasons![0], /^Needs your decision: the files show nothing this applies to \(No Kubernetes manifests\)\./);
  });

  it('all = weakest, any = strongest, n/a members ignored unless all n/a', () => {
    let r = evaluateRules(rules, map(out('a', 'pass', [ev('T1')]), out('b', 'partial', [ev('T2', 2)])), ids);
    assert.equal(r.get('all')!.status, 'partial');
    assert.equal(r.get('all')!.evidence.length, 2);
    assert.equal(r.get('any')!.status, 'detected');
    assert.deepEqual(r.get('any')!.evidence.map((e) => e.tool), ['T1'], 'only the strongest members give evidence');
    r = evaluateRules(rules, map(out('a', 'pass', [ev('T1')]), out('b', 'not-applicable')), ids);
    assert.equal(r.get('all')!.status, 'detected');
    r = evaluateRules(rules, map(out('a', 'not-applicable'), out('b', 'not-applicable')), ids);
    assert.equal(r.get('all')!.status, 'unknown');
    assert.equal(r.get('any')!.status, 'unknown');
    r = evaluateRules(rules, map(out('a', 'not-applicable'), out('b', 'fail')), ids);
    assert.equal(r.get('any')!.status, 'missing');
  });

  it('tools counts distinct tools across probes', () => {
    let r = evaluateRules(rules, map(out('a', 'pass', [ev('Semgrep'), ev('semgrep', 2)]), out('b', 'fail')), ['tools']);
    assert.equal(r.get('tools')!.status, 'partial', 'the same tool twice is one tool');
    r = evaluateRules(rules, map(out('a', 'pass', [ev('Semgrep')]), out('b', 'pass', [ev('CodeQL', 3)])), ['tools']);
    assert.equal(r.get('tools')!.status, 'detected');
    assert.equal(r.get('tools')!.evidence.length, 2);
    r = evaluateRules(rules, map(out('a', 'fail'), out('b', 'fail')), ['tools']);
    assert.equal(r.get('tools')!.status, 'missing');
    r = evaluateRules(rules, map(out('a', 'not-applicable'), out('b', 'not-applicable')), ['tools']);
    assert.equal(r.get('tools')!.status, 'unknown');
  });

  it('partialWhen turns a missing rule into partial, with its evidence and the note', () => {
    let r = evaluateRules(rules, map(out('a', 'fail'), out('b', 'pass', [ev('hook')])), ['weak']);
    assert.equal(r.get('weak')!.status, 'partial');
    assert.deepEqual(r.get('weak')!.evidence.map((e) => e.tool), ['hook']);
    assert.deepEqual(r.get('weak')!.probes, ['a', 'b']);
    assert.equal(r.get('weak')!.note, 'Hint.');
    r = evaluateRules(rules, map(out('a', 'pass', [ev('T')]), out('b', 'pass', [ev('hook')])), ['weak']);
    assert.equal(r.get('weak')!.status, 'detected');
    r = evaluateRules(rules, map(out('a', 'fail'), out('b', 'fail')), ['weak']);
    assert.equal(r.get('weak')!.status, 'missing');
  });

  it('hint-only rules give partial or unknown, never missing', () => {
    assert.equal(evaluateRules(rules, map(out('b', 'pass', [ev('x')])), ['hint']).get('hint')!.status, 'partial');
    assert.equal(evaluateRules(rules, map(out('b', 'fail')), ['hint']).get('hint')!.status, 'unknown');
  });

  it('removed rules leave the activity unknown', () => {
    const m = mergeRules(rules, loadRules('schemaVersion: 1\nrules:\n  - activity: single\n    remove: true\n', 'u.yaml'));
    assert.equal(evaluateRules(m, map(out('a', 'pass')), ['single']).get('single')!.status, 'unknown');
  });
});
