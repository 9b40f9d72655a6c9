"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const compose_1 = require("../../src/core/scan/parse/containers/compose");
const dockerfile_1 = require("../../src/core/scan/parse/containers/dockerfile");
const helm_1 = require("../../src/core/scan/parse/containers/helm");
const kubernetes_1 = require("../../src/core/scan/parse/containers/kubernetes");
const ko_1 = require("../../src/core/scan/parse/containers/ko");
const kustomize_1 = require("../../src/core/scan/parse/containers/kustomize");
const containerProbes_1 = require("../../src/core/scan/detect/containerProbes");
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/containers');
const read = (rel) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const at = (loc) => `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`;
const docker = (dir) => (0, dockerfile_1.parseDockerfile)(`${dir}/Dockerfile`, read(`${dir}/Dockerfile`));
const compose = () => (0, compose_1.parseCompose)('compose/compose.yaml', read('compose/compose.yaml'));
const k8s = () => (0, kubernetes_1.parseKubernetes)('k8s/app.yaml', read('k8s/app.yaml'));
const rollouts = () => (0, kubernetes_1.parseKubernetes)('rollouts/rollouts.yaml', read('rollouts/rollouts.yaml'));
const chart = () => (0, helm_1.parseHelmChart)('chart/Chart.yaml', read('chart/Chart.yaml'));
const values = () => (0, helm_1.parseHelmValues)('chart/values.yaml', read('chart/values.yaml'));
const kustomization = () => (0, kustomize_1.parseKustomization)('kustomize/kustomization.yaml', read('kustomize/kustomization.yaml'));
function allFiles() {
    return [
        docker('builder-user'),
        docker('nonroot'),
        docker('windows'),
        docker('vars'),
        docker('root'),
        compose(),
        k8s(),
        rollouts(),
        chart(),
        values(),
        kustomization(),
    ];
}
function findings(o, code, file) {
    return o.findings.filter((f) => f.code === code && (file === undefined || f.loc.path === file));
}
function one(o, code, file) {
    const list = findings(o, code, file);
    assert.strictEqual(list.length, 1, `expected one ${code} in ${file}, got ${list.length}: ${JSON.stringify(o.findings.map((f) => [f.code, f.loc.path, at(f.loc)]))}`);
    return list[0];
}
function evidenceAt(o, file) {
    return o.evidence.filter((e) => e.loc.path === file).map((e) => at(e.loc));
}
describe('containers: Dockerfile parser', () => {
    it('splits a multi-stage build with --platform, AS names and a variable image', () => {
        const f = docker('builder-user');
        assert.deepStrictEqual(f.problems, []);
        assert.strictEqual(f.stages.length, 2);
        const [builder, final] = f.stages;
        assert.strictEqual(builder.name?.value, 'builder');
        assert.strictEqual(at(builder.name.loc), '3:63-3:70');
        assert.strictEqual(builder.from.value, 'node:${NODE_VERSION}-alpine');
        assert.strictEqual(at(builder.from.loc), '3:32-3:59');
        assert.strictEqual(builder.image.platform, '$BUILDPLATFORM');
        assert.strictEqual(builder.image.resolved, 'node:20-alpine');
        assert.strictEqual(builder.image.name, 'node');
        assert.strictEqual(builder.image.tag, '20-alpine');
        assert.strictEqual(at(builder.fromLoc), '3:1-3:70');
        assert.deepStrictEqual(f.globalArgs.map((a) => [a.name, a.value]), [['NODE_VERSION', '20']]);
        assert.strictEqual(final.name, undefined);
        assert.deepStrictEqual(final.image, { name: 'node', tag: 'latest' });
        assert.strictEqual(builder.user?.value, 'node');
        assert.strictEqual(final.user, undefined);
    });
    it('keeps a heredoc RUN as one instruction and maps its lines back to the file', () => {
        const f = docker('builder-user');
        const run = f.stages[0].instructions.find((i) => i.keyword === 'RUN');
        assert.strictEqual(at(run.loc), '6:1-10:7');
        const lines = (0, dockerfile_1.commandLines)(run, f.escape);
        const curl = lines.find((l) => l.text.startsWith('curl'));
        assert.strictEqual(curl.text, 'curl -fsSL https://example.com/install.sh | sh');
        assert.strictEqual(at((0, dockerfile_1.mappedLoc)(f.path, curl, 0, 4)), '9:1-9:5');
        // Heredoc instructions do not swallow the next stage.
        assert.strictEqual(f.stages[1].instructions[0].keyword, 'COPY');
    });
    it('honours the escape directive (backtick) for continuations and ENV pairs', () => {
        const f = docker('windows');
        assert.strictEqual(f.escape, '`');
        const s = f.stages[0];
        assert.deepStrictEqual(s.env.map((e) => [e.name, e.value, at(e.loc)]), [
            ['API_TOKEN', 'abc123', '3:5-3:21'],
            ['LOG_LEVEL', 'info', '4:5-4:19'],
        ]);
        const run = s.instructions.find((i) => i.keyword === 'RUN');
        const lines = (0, dockerfile_1.commandLines)(run, f.escape);
        assert.strictEqual(lines.length, 1);
        assert.strictEqual(lines[0].text, 'powershell -Command     Write-Host hello');
        assert.strictEqual(s.user?.value, 'ContainerUser');
    });
    it('reads a very long RUN line whole, with continuations, comment lines and escapes placed as before', () => {
        // 40k words (about 250 KB) on one line, then a continuation with blanks after the backslash, a
        // comment line Docker drops, and a backslash that does not end the line.
        const words = Array.from({ length: 40_000 }, (_, i) => `p${i}`).join(' ');
        const f = (0, dockerfile_1.parseDockerfile)('Dockerfile', `FROM alpine:3\nRUN apk add ${words} \\  \n# dropped\n    && printf 'a\\tb' \\\n    && echo done\n`);
        const run = f.stages[0].instructions.find((i) => i.keyword === 'RUN');
        const lines = (0, dockerfile_1.commandLines)(run, f.escape);
        assert.strictEqual(lines.length, 1);
        const expected = `apk add ${words}     && printf 'a\\tb'     && echo done`;
        assert.strictEqual(lines[0].text.length, expected.length);
        assert.ok(lines[0].text === expected, 'the joined text');
        const printf = lines[0].text.indexOf('printf');
        assert.strictEqual(at((0, dockerfile_1.mappedLoc)(f.path, lines[0], printf, printf + 6)), '4:8-4:14');
        const done = lines[0].text.indexOf('echo done');
        assert.strictEqual(at((0, dockerfile_1.mappedLoc)(f.path, lines[0], done, done + 4)), '5:8-5:12');
        assert.strictEqual(at((0, dockerfile_1.mappedLoc)(f.path, lines[0], 0, 3)), '2:5-2:8');
    });
    it('reads JSON-form instructions as words without quotes', () => {
        const f = docker('builder-user');
        const cmd = f.stages[1].instructions.find((i) => i.keyword === 'CMD');
        assert.strictEqual(cmd.jsonForm, true);
        assert.deepStrictEqual(cmd.words.map((w) => [w.value, at(w.loc)]), [
            ['node', '14:7-14:11'],
            ['/app/server.js', '14:15-14:29'],
        ]);
        const spaced = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM alpine:3\nRUN ["sh", "-c", "echo a b"]\n');
        assert.deepStrictEqual(spaced.stages[0].instructions[0].words.map((w) => w.value), ['sh', '-c', 'echo a b']);
    });
    it('splits digests, recognises stage references and scratch', () => {
        const f = docker('nonroot');
        assert.strictEqual(f.stages.length, 3);
        assert.strictEqual(f.stages[0].image.tag, '1.22');
        assert.strictEqual(f.stages[0].image.digest, `sha256:${'a'.repeat(64)}`);
        assert.strictEqual(f.stages[1].parent, 0);
        assert.strictEqual(f.stages[2].image.name, 'gcr.io/distroless/static-debian12');
        assert.strictEqual(f.stages[2].parent, undefined);
        const s = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM scratch\nCOPY app /\n');
        assert.strictEqual(s.stages[0].scratch, true);
        const reg = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM localhost:5000/team/app\n');
        assert.deepStrictEqual(reg.stages[0].image, { name: 'localhost:5000/team/app' });
    });
    it('records HEALTHCHECK NONE as disabled and a CMD healthcheck as enabled', () => {
        const b = docker('builder-user').stages[1];
        assert.strictEqual(b.healthcheck?.value, 'NONE');
        assert.strictEqual(b.healthcheckDisabled, true);
        assert.strictEqual(at(b.healthcheck.loc), '13:1-13:17');
        const n = docker('nonroot').stages[2];
        assert.strictEqual(n.healthcheckDisabled, false);
        assert.strictEqual(n.healthcheck?.value, 'CMD ["/app", "health"]');
    });
    it('resolves USER variables from stage ARGs with global defaults and from ENV', () => {
        assert.strictEqual(docker('vars').stages[0].userResolved, 'app');
        const env = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM alpine:3\nENV RUNAS=0\nUSER $RUNAS\n');
        assert.strictEqual(env.stages[0].userResolved, '0');
        const unknown = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM alpine:3\nARG U\nUSER ${U}\n');
        assert.strictEqual(unknown.stages[0].userResolved, undefined);
        const dflt = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM alpine:3\nUSER ${U:-app}\n');
        assert.strictEqual(dflt.stages[0].userResolved, 'app');
    });
    it('gives exact positions with CRLF line endings and lower-case keywords', () => {
        const f = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'from node:20\r\nuser app\r\n');
        assert.strictEqual(at(f.stages[0].from.loc), '1:6-1:13');
        assert.strictEqual(f.stages[0].user?.value, 'app');
        assert.strictEqual(at(f.stages[0].user.loc), '2:6-2:9');
    });
    it('never throws: empty or broken input becomes problems', () => {
        const empty = (0, dockerfile_1.parseDockerfile)('Dockerfile', '');
        assert.strictEqual(empty.stages.length, 0);
        assert.match(empty.problems[0].message, /No FROM/);
        const early = (0, dockerfile_1.parseDockerfile)('Dockerfile', 'RUN echo hi\nFROM alpine:3\nFROM\n');
        assert.deepStrictEqual(early.problems.map((p) => [p.line, p.severity]), [[1, 'warning'], [3, 'error']]);
        assert.doesNotThrow(() => (0, dockerfile_1.parseDockerfile)('Dockerfile', '\u0000\u0001 FROM ${ \\\n\\\n'));
    });
});
describe('containers: compose parser', () => {
    it('reads services with user, healthcheck, privileged, limits and hardening options', () => {
        const f = compose();
        assert.deepStrictEqual(f.problems, []);
        assert.deepStrictEqual(f.services.map((s) => s.name), ['web', 'db', 'cache', 'worker']);
        const [web, db, cache, worker] = f.services;
        assert.strictEqual(web.user?.value, '10001:10001');
        assert.strictEqual(at(web.user.loc), '5:12-5:23'); // without the quotes
        assert.strictEqual(web.build?.value, '.');
        assert.strictEqual(web.readOnly?.value, true);
        assert.deepStrictEqual(web.capDrop.map((c) => c.value), ['ALL']);
        assert.deepStrictEqual(web.securityOpt.map((c) => c.value), ['no-new-privileges:true']);
        assert.strictEqual(web.healthcheck?.disabled, false);
        assert.strictEqual(at(web.healthcheck.test.loc), '11:13-11:66');
        assert.strictEqual(at(web.limits), '15:9-15:15');
        assert.strictEqual(web.limitMemory?.value, '256M');
        assert.strictEqual(db.privileged?.value, true);
        assert.strictEqual(at(db.privileged.loc), '20:17-20:21');
        assert.strictEqual(db.healthcheck?.disabled, true);
        assert.strictEqual(at(db.healthcheck.disabledLoc), '22:7-22:20');
        assert.strictEqual(cache.memLimit?.value, '128m');
        assert.strictEqual(worker.image?.value, '${WORKER_IMAGE:-acme/worker:latest}');
    });
    it('reads version-1 files and reports wrong shapes and syntax errors with lines', () => {
        const v1 = (0, compose_1.parseCompose)('docker-compose.yml', 'web:\n  image: nginx:1.27\n  privileged: true\nnotes: hello\n');
        assert.deepStrictEqual(v1.services.map((s) => s.name), ['web']);
        const shape = (0, compose_1.parseCompose)('compose.yaml', 'services:\n  web: nginx\n  api:\n    image: x:1\n');
        assert.deepStrictEqual(shape.services.map((s) => s.name), ['api']);
        assert.strictEqual(shape.problems[0].line, 2);
        const broken = (0, compose_1.parseCompose)('compose.yaml', 'services:\n  web:\n    image: [unclosed\n');
        assert.strictEqual(broken.services.length, 0);
        assert.strictEqual(broken.problems[0].severity, 'error');
        assert.ok(broken.problems[0].line !== undefined);
    });
    it('reads environment in map and list form', () => {
        const f = (0, compose_1.parseCompose)('compose.yaml', 'services:\n  a:\n    image: x:1\n    environment:\n      - A=1\n      - B\n  b:\n    image: y:1\n    environment:\n      C: "3"\n');
        assert.deepStrictEqual(f.services[0].environment.map((e) => [e.name, e.value, at(e.nameLoc)]), [['A', '1', '5:9-5:10'], ['B', undefined, '6:9-6:10']]);
        assert.deepStrictEqual(f.services[1].environment.map((e) => [e.name, e.value, e.valueLoc && at(e.valueLoc)]), [['C', '3', '10:11-10:12']]);
    });
});
describe('containers: Kubernetes parser', () => {
    it('reads multi-document files, unwraps Lists and skips documents without apiVersion/kind', () => {
        const f = k8s();
        assert.deepStrictEqual(f.problems, []);
        assert.deepStrictEqual(f.resources.map((r) => `${r.kind}/${r.name}`), [
            'Deployment/api',
            'Pod/debug',
            'CronJob/nightly',
            'NetworkPolicy/default-deny',
            'Service/web',
            'Deployment/web',
        ]);
        assert.deepStrictEqual(f.resources.map((r) => r.document), [0, 1, 2, 3, 4, 4]);
        assert.strictEqual(at(f.resources[0].loc), '3:1-3:17');
        assert.strictEqual(f.resources[0].namespace, 'shop');
    });
    it('locates pod and container security settings, limits and probes', () => {
        const dep = k8s().resources[0];
        const pod = dep.pod;
        assert.strictEqual(at(pod.loc), '15:5-15:9');
        assert.strictEqual(pod.securityContext?.runAsNonRoot?.value, true);
        assert.strictEqual(at(pod.securityContext.runAsNonRoot.loc), '17:23-17:27');
        assert.strictEqual(pod.securityContext?.runAsUser?.value, 10001);
        const c = pod.containers[0];
        assert.strictEqual(c.name, 'api');
        assert.strictEqual(at(c.loc), '20:11-20:20');
        assert.strictEqual(c.image?.value, `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`);
        assert.strictEqual(at(c.securityContext.readOnlyRootFilesystem.loc), '23:37-23:41');
        assert.strictEqual(c.securityContext?.allowPrivilegeEscalation?.value, false);
        assert.deepStrictEqual(c.securityContext?.capabilitiesDrop.map((d) => [d.value, at(d.loc)]), [['ALL', '26:23-26:26']]);
        assert.deepStrictEqual(c.resources?.limits?.value, { cpu: '500m', memory: '256Mi' });
        assert.strictEqual(at(c.livenessProbe), '31:11-31:24');
        assert.strictEqual(at(c.readinessProbe), '33:11-33:25');
        assert.strictEqual(dep.strategy?.type?.value, 'RollingUpdate');
        assert.strictEqual(dep.strategy?.rollingUpdate?.maxUnavailable?.value, '0');
    });
    it('finds the pod spec of a CronJob through jobTemplate and host namespace flags of a Pod', () => {
        const f = k8s();
        const cron = f.resources[2];
        assert.strictEqual(cron.pod?.containers[0].name, 'report');
        assert.strictEqual(cron.pod?.containers[0].securityContext?.runAsUser?.value, 0);
        assert.strictEqual(cron.pod?.containers[0].securityContext?.privileged?.value, true);
        const pod = f.resources[1].pod;
        assert.strictEqual(pod.hostNetwork?.value, true);
        assert.strictEqual(pod.securityContext, undefined);
        assert.strictEqual(f.resources[3].pod, undefined); // NetworkPolicy
    });
    it('recognises Helm templates and skips them without YAML errors', () => {
        const text = read('chart/templates/deployment.yaml');
        assert.strictEqual((0, kubernetes_1.isHelmTemplate)('chart/templates/deployment.yaml', text), true);
        assert.strictEqual((0, kubernetes_1.isHelmTemplate)('chart/templates/_helpers.tpl', 'define'), true);
        assert.strictEqual((0, kubernetes_1.isHelmTemplate)('k8s/app.yaml', read('k8s/app.yaml')), false);
        assert.strictEqual((0, kubernetes_1.isHelmTemplate)('chart/templates/plain.yaml', 'kind: ConfigMap\n'), false);
        const f = (0, kubernetes_1.parseKubernetes)('chart/templates/deployment.yaml', text);
        assert.strictEqual(f.helmTemplate, true);
        assert.deepStrictEqual(f.problems, []);
        assert.deepStrictEqual(f.resources, []);
    });
    it('refuses alias bombs and keeps reading the other documents', () => {
        let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
        let prev = 'a';
        for (const n of 'bcdefghi') {
            bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
            prev = n;
        }
        const text = `${bomb}---\napiVersion: v1\nkind: Pod\nmetadata: { name: ok }\nspec:\n  containers: [{ name: c, image: "x:1" }]\n`;
        const f = (0, kubernetes_1.parseKubernetes)('bomb.yaml', text);
        assert.strictEqual(f.resources.length, 1);
        assert.strictEqual(f.resources[0].name, 'ok');
        assert.strictEqual(f.problems.length, 1);
        assert.match(f.problems[0].message, /alias/i);
        // At the first alias whose anchor holds aliases (`c: &c [*b, …]`), as for CI files.
        assert.deepStrictEqual([f.problems[0].line, f.problems[0].column], [3, 8]);
    });
    it('reports syntax errors and wrong shapes with line numbers, never throwing', () => {
        const f = (0, kubernetes_1.parseKubernetes)('x.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: nginx\n---\nkind: [\n---\napiVersion: v1\nkind: List\nitems: nope\n');
        assert.deepStrictEqual(f.resources.map((r) => r.kind), ['Pod']);
        assert.strictEqual(f.resources[0].pod?.containers.length, 0);
        assert.ok(f.problems.some((p) => p.severity === 'warning' && p.line === 4 && /sequence/.test(p.message)));
        const shape = (0, kubernetes_1.parseKubernetes)('y.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - just-a-string\n');
        assert.strictEqual(shape.resources[0].pod?.containers.length, 0);
        assert.deepStrictEqual(shape.problems.map((p) => [p.line, p.severity]), [[5, 'warning']]);
        assert.ok(f.problems.some((p) => p.severity === 'error' && p.line === 7)); // where the unclosed flow sequence ends
        assert.ok(f.problems.some((p) => p.severity === 'warning' && p.line === 10));
        assert.doesNotThrow(() => (0, kubernetes_1.parseKubernetes)('z.yaml', '\t\t: : :\n- [}'));
    });
    it('reads Argo Rollouts strategies, Flagger canaries and weighted routing', () => {
        const f = rollouts();
        const [canary, bg, flagger, vs] = f.resources;
        assert.strictEqual(at(canary.strategy.canary), '7:5-7:11');
        assert.strictEqual(canary.pod?.containers[0].image?.value, 'acme/shop:2.1.0');
        assert.strictEqual(at(bg.strategy.blueGreen), '23:5-23:14');
        assert.strictEqual(flagger.flagger?.stepWeight?.value, '10');
        assert.strictEqual(flagger.flagger?.targetRef?.value, 'podinfo');
        assert.deepStrictEqual(vs.routing?.weights.map((w) => w.value), [90, 10]);
    });
});
describe('containers: Helm and Kustomize parsers', () => {
    it('reads Chart.yaml identity and dependencies', () => {
        const c = chart();
        assert.strictEqual(c.name?.value, 'shop');
        assert.strictEqual(c.version?.value, '1.4.2');
        assert.strictEqual(c.appVersion?.value, '2.1.0');
        assert.strictEqual(at(c.appVersion.loc), '6:14-6:19'); // without the quotes
        assert.deepStrictEqual(c.dependencies.map((d) => [d.name.value, d.version?.value, d.repository?.value]), [
            ['postgresql', '15.5.0', 'oci://registry-1.docker.io/bitnamicharts'],
        ]);
    });
    it('finds image, securityContext, resources and networkPolicy values at any depth', () => {
        const v = values();
        assert.deepStrictEqual(v.problems, []);
        assert.deepStrictEqual(v.images.map((i) => [i.keyPath, i.repository?.value, i.tag?.value]), [
            ['image', 'ghcr.io/acme/shop', ''],
            ['worker.image', 'ghcr.io/acme/worker', 'latest'],
        ]);
        assert.deepStrictEqual(v.securityContexts.map((s) => [s.keyPath, s.podLevel]), [
            ['podSecurityContext', true],
            ['securityContext', false],
        ]);
        assert.deepStrictEqual(v.resources.map((r) => [r.keyPath, !!r.limits, at(r.loc)]), [
            ['resources', false, '14:1-14:10'],
            ['worker.resources', true, '21:3-21:12'],
        ]);
        assert.deepStrictEqual(v.networkPolicy.map((n) => [n.value, at(n.loc)]), [[true, '16:12-16:16']]);
    });
    it('reads kustomization resources and image overrides', () => {
        const k = kustomization();
        assert.deepStrictEqual(k.resources.map((r) => r.value), ['../k8s/app.yaml', 'service.yaml']);
        assert.strictEqual(k.namespace?.value, 'shop');
        assert.deepStrictEqual(k.images.map((i) => [i.name.value, i.newTag?.value, !!i.digest, i.newName?.value]), [
            ['ghcr.io/acme/api', undefined, true, undefined],
            ['nginx', 'latest', false, undefined],
            ['busybox', undefined, false, 'registry.example.com/busybox'],
        ]);
        assert.strictEqual(at(k.anchor), '4:1-4:10');
    });
    it('never throws on broken chart, values or kustomization files', () => {
        assert.strictEqual((0, helm_1.parseHelmChart)('Chart.yaml', 'name: [x').problems[0].severity, 'error');
        assert.strictEqual((0, helm_1.parseHelmValues)('values.yaml', '- a\n- b\n').problems[0].line, 1);
        assert.strictEqual((0, kustomize_1.parseKustomization)('kustomization.yaml', 'images:\n  - newTag: x\n').problems[0].line, 2);
    });
});
describe('containers: probes', () => {
    it('container.non-root fails a Dockerfile whose USER is only in the builder stage', () => {
        const o = (0, containerProbes_1.probeNonRoot)([docker('builder-user')]);
        assert.strictEqual(o.result, 'fail');
        const f = one(o, 'root-user', 'builder-user/Dockerfile');
        assert.strictEqual(at(f.loc), '11:1-11:17');
        assert.deepStrictEqual(f.data, { stage: '1', index: '1', image: 'node:latest', path: 'builder-user/Dockerfile' });
        assert.ok(o.notes.some((n) => n.includes('`builder`')));
    });
    it('container.non-root passes USER 10001 and a non-root ARG default', () => {
        const o = (0, containerProbes_1.probeNonRoot)([docker('nonroot'), docker('vars'), docker('windows')]);
        assert.strictEqual(o.result, 'pass');
        assert.deepStrictEqual(evidenceAt(o, 'nonroot/Dockerfile'), ['9:6-9:11']);
        assert.deepStrictEqual(evidenceAt(o, 'vars/Dockerfile'), ['9:6-9:17']);
        assert.strictEqual(o.evidence.find((e) => e.loc.path === 'nonroot/Dockerfile')?.text, 'USER 10001');
    });
    it('container.non-root flags USER 0:0 at the USER argument even when a parent stage set a user', () => {
        const o = (0, containerProbes_1.probeNonRoot)([docker('root')]);
        assert.strictEqual(o.result, 'fail');
        const f = one(o, 'root-user', 'root/Dockerfile');
        assert.strictEqual(at(f.loc), '5:6-5:9');
        assert.strictEqual(f.data?.user, '0:0');
        // Without the USER 0:0 the final stage inherits `app` from `base`.
        const inherited = (0, containerProbes_1.probeNonRoot)([(0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM alpine:3 AS base\nUSER app\nFROM base\nRUN true\n')]);
        assert.strictEqual(inherited.result, 'pass');
        assert.strictEqual(at(inherited.evidence[0].loc), '2:6-2:9');
    });
    it('container.non-root counts distroless :nonroot images and unresolved variables, and is partial across files', () => {
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([(0, dockerfile_1.parseDockerfile)('D', 'FROM gcr.io/distroless/static:nonroot\n')]).result, 'pass');
        const unresolved = (0, containerProbes_1.probeNonRoot)([(0, dockerfile_1.parseDockerfile)('D', 'FROM alpine:3\nARG U\nUSER $U\n')]);
        assert.strictEqual(unresolved.result, 'pass');
        assert.ok(unresolved.notes.some((n) => n.includes('could not be resolved')));
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([docker('nonroot'), docker('builder-user')]).result, 'partial');
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([]).result, 'not-applicable');
    });
    it('container.non-root reads compose user and Kubernetes runAsUser/runAsNonRoot', () => {
        const o = (0, containerProbes_1.probeNonRoot)([compose(), k8s()]);
        assert.strictEqual(o.result, 'partial');
        assert.strictEqual(at(one(o, 'root-user', 'compose/compose.yaml').loc), '28:11-28:15');
        const cron = one(o, 'root-user', 'k8s/app.yaml');
        assert.strictEqual(at(cron.loc), '62:28-62:29');
        assert.strictEqual(cron.data?.container, 'report');
        assert.deepStrictEqual(evidenceAt(o, 'k8s/app.yaml'), ['17:23-17:27'], 'runAsNonRoot: true is the evidence where both it and a non-zero runAsUser are set');
        assert.deepStrictEqual(evidenceAt(o, 'compose/compose.yaml'), ['5:12-5:23']);
    });
    it('container.base-image-digest pins by digest, skips stage references and flags :latest and untagged images', () => {
        const pinned = (0, containerProbes_1.probeBaseImageDigest)([docker('nonroot')]);
        assert.strictEqual(pinned.result, 'pass');
        assert.deepStrictEqual(evidenceAt(pinned, 'nonroot/Dockerfile'), ['1:6-1:89', '7:6-7:111']);
        const o = (0, containerProbes_1.probeBaseImageDigest)([docker('builder-user'), docker('vars')]);
        assert.strictEqual(o.result, 'fail');
        const latest = one(o, 'latest-tag', 'builder-user/Dockerfile');
        assert.strictEqual(at(latest.loc), '11:6-11:17');
        assert.deepStrictEqual(latest.data, { stage: '1', index: '1', path: 'builder-user/Dockerfile', image: 'node:latest', name: 'node', tag: 'latest' });
        assert.strictEqual(at(one(o, 'untagged-image', 'vars/Dockerfile').loc), '2:6-2:12');
        const tagged = one(o, 'unpinned-image', 'builder-user/Dockerfile');
        assert.strictEqual(at(tagged.loc), '3:32-3:59');
        assert.strictEqual(tagged.data?.image, 'node:20-alpine');
        assert.strictEqual(tagged.severity, 'information');
    });
    it('container.base-image-digest lists compose, Kubernetes, Helm values and kustomize images without judging them: FROM lines decide', () => {
        const o = (0, containerProbes_1.probeBaseImageDigest)([compose(), k8s(), values(), kustomization()]);
        assert.strictEqual(o.result, 'not-applicable');
        assert.deepStrictEqual(o.evidence, []);
        assert.ok(o.notes.some((n) => /image reference\(s\) in compose, Kubernetes, Helm or kustomize files listed, not judged/.test(n)), o.notes.join('|'));
        const withDockerfile = (0, containerProbes_1.probeBaseImageDigest)([docker('nonroot'), compose(), k8s(), values(), kustomization()]);
        assert.strictEqual(withDockerfile.result, 'pass', 'a pinned FROM passes whatever the deploy files reference');
        assert.deepStrictEqual(findings(o, 'untagged-image', 'compose/compose.yaml').map((f) => [f.data?.service, at(f.loc)]), [['cache', '24:12-24:17']]);
        assert.strictEqual(at(one(o, 'latest-tag', 'compose/compose.yaml').loc), '27:12-27:47');
        assert.strictEqual(at(one(o, 'latest-tag', 'k8s/app.yaml').loc), '45:14-45:26');
        assert.strictEqual(at(one(o, 'untagged-image', 'k8s/app.yaml').loc), '93:23-93:28'); // "nginx" without quotes
        assert.strictEqual(at(one(o, 'latest-tag', 'chart/values.yaml').loc), '20:10-20:16');
        assert.strictEqual(at(one(o, 'unpinned-image', 'chart/values.yaml').loc), '4:8-4:10');
        assert.strictEqual(at(one(o, 'latest-tag', 'kustomize/kustomization.yaml').loc), '11:13-11:19');
        // `web` has both build and image: the image names the build result and is not checked.
        assert.ok(!o.findings.some((f) => f.data?.service === 'web'));
    });
    it('container.base-image-digest notes FROM lines it cannot resolve instead of guessing', () => {
        const o = (0, containerProbes_1.probeBaseImageDigest)([(0, dockerfile_1.parseDockerfile)('Dockerfile', 'ARG BASE\nFROM ${BASE}\n')]);
        assert.strictEqual(o.result, 'not-applicable');
        assert.strictEqual(o.findings.length, 0);
        assert.ok(o.notes[0].includes('could not be resolved'));
    });
    it('container.healthcheck: HEALTHCHECK NONE and a missing one fail; CMD passes', () => {
        const o = (0, containerProbes_1.probeHealthcheck)([docker('builder-user'), docker('nonroot'), docker('vars')]);
        assert.strictEqual(o.result, 'partial');
        const none = one(o, 'no-healthcheck', 'builder-user/Dockerfile');
        assert.strictEqual(at(none.loc), '13:1-13:17');
        assert.strictEqual(none.data?.disabled, 'true');
        assert.strictEqual(at(one(o, 'no-healthcheck', 'vars/Dockerfile').loc), '2:1-2:12');
        assert.deepStrictEqual(evidenceAt(o, 'nonroot/Dockerfile'), ['10:1-10:50']);
        assert.strictEqual(o.evidence[0].text, 'HEALTHCHECK --interval=30s CMD ["/app", "health"]');
    });
    it('container.healthcheck reads compose healthchecks and Kubernetes probes (batch jobs and containers without ports not counted)', () => {
        const o = (0, containerProbes_1.probeHealthcheck)([compose(), k8s()]);
        assert.strictEqual(o.result, 'partial');
        assert.ok(o.notes.some((n) => /^1 container\(s\) without a probe open no port/.test(n)), o.notes.join('|'));
        assert.deepStrictEqual(evidenceAt(o, 'compose/compose.yaml'), ['11:13-11:66']);
        assert.strictEqual(at(findings(o, 'no-healthcheck', 'compose/compose.yaml').find((f) => f.data?.service === 'db').loc), '22:7-22:20');
        assert.deepStrictEqual(evidenceAt(o, 'k8s/app.yaml'), ['31:11-31:24']);
        const k8sMissing = findings(o, 'no-healthcheck', 'k8s/app.yaml').map((f) => [f.data?.container, at(f.loc)]);
        assert.deepStrictEqual(k8sMissing, [['shell', '44:7-44:18'], ['web', '92:15-92:24']]);
    });
    it('container.weak-instructions finds curl|sh in heredocs and across continuations, and wget|ash', () => {
        const o = (0, containerProbes_1.probeWeakInstructions)([docker('builder-user'), docker('vars'), docker('root')]);
        assert.strictEqual(o.result, 'fail');
        assert.strictEqual(at(one(o, 'pipe-to-shell', 'builder-user/Dockerfile').loc), '9:1-9:47');
        assert.strictEqual(at(one(o, 'pipe-to-shell', 'vars/Dockerfile').loc), '6:5-7:16');
        const w = one(o, 'pipe-to-shell', 'root/Dockerfile');
        assert.strictEqual(at(w.loc), '4:5-4:45');
        assert.strictEqual(w.data?.tool, 'wget');
    });
    it('container.weak-instructions finds literal secrets in ENV/ARG only', () => {
        const o = (0, containerProbes_1.probeWeakInstructions)([docker('windows'), docker('vars')]);
        const secrets = findings(o, 'secret-in-env');
        assert.deepStrictEqual(secrets.map((f) => [f.loc.path, f.data?.name, f.data?.instruction, at(f.loc)]), [['windows/Dockerfile', 'API_TOKEN', 'ENV', '3:5-3:21']]);
        assert.ok(!secrets[0].message.includes('abc123'), 'the secret value is not repeated');
        const arg = (0, containerProbes_1.probeWeakInstructions)([(0, dockerfile_1.parseDockerfile)('D', 'ARG GITHUB_TOKEN=ghp_123\nFROM alpine:3\nARG api_key="k-1"\nENV PASSWORD=""\n')]);
        assert.deepStrictEqual(findings(arg, 'secret-in-env').map((f) => [f.data?.name, at(f.loc)]), [['GITHUB_TOKEN', '1:5-1:25'], ['api_key', '3:5-3:18']]);
    });
    it('container.weak-instructions ignores secret-looking names that hold settings, paths or variables', () => {
        const text = 'FROM alpine:3\nENV TOKEN_URL=https://auth.example.com PASSWORD_MIN_LENGTH=8 TOKENIZERS_PARALLELISM=false\nENV DB_PASSWORD_FILE=/run/secrets/db NPM_TOKEN=${NPM_TOKEN}\nARG SECRET\n';
        assert.deepStrictEqual((0, containerProbes_1.probeWeakInstructions)([(0, dockerfile_1.parseDockerfile)('D', text)]).findings, []);
    });
    it('container.non-root treats the Windows ContainerAdministrator as root', () => {
        const o = (0, containerProbes_1.probeNonRoot)([(0, dockerfile_1.parseDockerfile)('D', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n')]);
        assert.strictEqual(o.result, 'fail');
        assert.strictEqual(at(o.findings[0].loc), '2:6-2:28');
    });
    it('container.weak-instructions flags ADD of a remote URL unless --checksum is given', () => {
        const o = (0, containerProbes_1.probeWeakInstructions)([docker('windows')]);
        const add = findings(o, 'add-remote-url');
        assert.deepStrictEqual(add.map((f) => [at(f.loc), f.data?.url]), [['7:5-7:33', 'https://example.com/tool.zip']]);
    });
    it('container.weak-instructions passes clean Dockerfiles and is not applicable without any', () => {
        const o = (0, containerProbes_1.probeWeakInstructions)([docker('nonroot')]);
        assert.strictEqual(o.result, 'pass');
        assert.strictEqual(o.findings.length, 0);
        assert.strictEqual((0, containerProbes_1.probeWeakInstructions)([compose()]).result, 'not-applicable');
        const sub = (0, containerProbes_1.probeWeakInstructions)([(0, dockerfile_1.parseDockerfile)('D', 'FROM alpine:3\nRUN bash <(curl -s https://x.io/i.sh)\nRUN curl -o i.sh https://x && sha256sum -c s && sh i.sh\n')]);
        assert.deepStrictEqual(sub.findings.map((f) => [f.code, at(f.loc)]), [['pipe-to-shell', '2:5-2:16']]);
    });
    it('k8s.security-context: a fully hardened container passes with evidence of each setting', () => {
        const dep = k8s();
        dep.resources = [dep.resources[0]];
        const o = (0, containerProbes_1.probeSecurityContext)([dep]);
        assert.strictEqual(o.result, 'pass');
        assert.deepStrictEqual(evidenceAt(o, 'k8s/app.yaml'), ['17:23-17:27', '23:37-23:41', '24:39-24:44', '28:13-28:19']);
        assert.strictEqual(o.findings.length, 0);
    });
    it('k8s.security-context reports missing settings, privileged, host namespaces and missing limits', () => {
        const o = (0, containerProbes_1.probeSecurityContext)([k8s(), compose()]);
        assert.strictEqual(o.result, 'partial');
        const pod = findings(o, 'missing-security-context', 'k8s/app.yaml').find((f) => f.data?.container === 'shell');
        assert.strictEqual(at(pod.loc), '44:7-44:18');
        assert.strictEqual(pod.data?.missing, 'runAsNonRoot,readOnlyRootFilesystem,allowPrivilegeEscalation');
        assert.strictEqual(pod.data?.hasSecurityContext, 'false');
        const cron = findings(o, 'missing-security-context', 'k8s/app.yaml').find((f) => f.data?.container === 'report');
        assert.strictEqual(at(cron.loc), '61:15-61:30');
        assert.strictEqual(at(one(o, 'privileged', 'k8s/app.yaml').loc), '63:29-63:33');
        assert.strictEqual(at(one(o, 'host-namespace', 'k8s/app.yaml').loc), '42:16-42:20');
        assert.deepStrictEqual(findings(o, 'no-resource-limits', 'k8s/app.yaml').map((f) => f.data?.container), ['shell', 'report', 'web']);
        assert.strictEqual(at(one(o, 'privileged', 'compose/compose.yaml').loc), '20:17-20:21');
        assert.deepStrictEqual(findings(o, 'no-resource-limits', 'compose/compose.yaml').map((f) => f.data?.service), ['db', 'worker']);
    });
    it('k8s.security-context evaluates Helm values (limits a finding of their own) and is not applicable for compose alone', () => {
        const o = (0, containerProbes_1.probeSecurityContext)([values()]);
        assert.strictEqual(o.result, 'pass', 'runAsNonRoot, readOnlyRootFilesystem and no privilege escalation: hardened, whatever the limits');
        assert.strictEqual(at(one(o, 'no-resource-limits', 'chart/values.yaml').loc), '14:1-14:10');
        assert.ok(o.notes.some((n) => /set no resource limits: listed as findings, not part of this verdict/.test(n)), o.notes.join('|'));
        assert.strictEqual(findings(o, 'missing-security-context').length, 0);
        const c = (0, containerProbes_1.probeSecurityContext)([compose()]);
        assert.strictEqual(c.result, 'not-applicable');
        assert.ok(c.findings.length > 0);
    });
    it('k8s.network-policy passes with a NetworkPolicy and fails for workloads without one', () => {
        const o = (0, containerProbes_1.probeNetworkPolicy)([k8s()]);
        assert.strictEqual(o.result, 'pass');
        assert.deepStrictEqual(evidenceAt(o, 'k8s/app.yaml'), ['66:1-66:20']);
        const r = (0, containerProbes_1.probeNetworkPolicy)([rollouts()]);
        assert.strictEqual(r.result, 'fail');
        assert.strictEqual(at(one(r, 'no-network-policy', 'rollouts/rollouts.yaml').loc), '2:1-2:14');
        assert.strictEqual((0, containerProbes_1.probeNetworkPolicy)([docker('nonroot')]).result, 'not-applicable');
        const cilium = (0, kubernetes_1.parseKubernetes)('p.yaml', 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: { name: p }\n');
        assert.strictEqual((0, containerProbes_1.probeNetworkPolicy)([rollouts(), cilium]).result, 'pass');
    });
    it('k8s.network-policy is partial when a workload namespace has no policy', () => {
        const f = (0, kubernetes_1.parseKubernetes)('a.yaml', [
            'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: d, namespace: a }\nspec: { podSelector: {} }',
            'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: b }\nspec:\n  containers: [{ name: c, image: "x:1" }]',
        ].join('\n---\n'));
        const o = (0, containerProbes_1.probeNetworkPolicy)([f]);
        assert.strictEqual(o.result, 'partial');
        assert.ok(o.notes[0].includes('b'));
    });
    it('deploy.rolling-update: explicit strategy passes, default-only is partial', () => {
        const o = (0, containerProbes_1.probeRollingUpdate)([k8s()]);
        assert.strictEqual(o.result, 'pass');
        assert.deepStrictEqual(evidenceAt(o, 'k8s/app.yaml'), ['10:11-10:24']);
        const web = k8s();
        web.resources = web.resources.filter((r) => r.name === 'web');
        const d = (0, containerProbes_1.probeRollingUpdate)([web]);
        assert.strictEqual(d.result, 'partial');
        assert.strictEqual((0, containerProbes_1.probeRollingUpdate)([rollouts()]).result, 'fail');
        assert.strictEqual((0, containerProbes_1.probeRollingUpdate)([compose()]).result, 'not-applicable');
    });
    it('deploy.canary and deploy.blue-green from Argo Rollouts, Flagger and Istio weights', () => {
        const c = (0, containerProbes_1.probeCanary)([rollouts()]);
        assert.strictEqual(c.result, 'pass');
        assert.deepStrictEqual(evidenceAt(c, 'rollouts/rollouts.yaml'), ['7:5-7:11', '41:3-41:11', '53:7-53:12']);
        const b = (0, containerProbes_1.probeBlueGreen)([rollouts()]);
        assert.strictEqual(b.result, 'pass');
        assert.deepStrictEqual(evidenceAt(b, 'rollouts/rollouts.yaml'), ['23:5-23:14']);
        assert.strictEqual((0, containerProbes_1.probeCanary)([k8s()]).result, 'fail');
        assert.strictEqual((0, containerProbes_1.probeBlueGreen)([]).result, 'not-applicable');
        const flaggerBg = (0, kubernetes_1.parseKubernetes)('f.yaml', 'apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: { name: bg }\nspec:\n  targetRef: { name: app }\n  analysis:\n    iterations: 10\n');
        assert.deepStrictEqual((0, containerProbes_1.deploymentStrategyFacts)([flaggerBg]).map((f) => [f.strategy, at(f.evidence.loc)]), [['blue-green', '6:3-6:11']]);
    });
    it('container.present passes on any definition and fails without one', () => {
        const o = (0, containerProbes_1.probePresent)(allFiles());
        assert.strictEqual(o.result, 'pass');
        assert.strictEqual(o.evidence.length, 11);
        assert.deepStrictEqual(evidenceAt(o, 'chart/Chart.yaml'), ['2:7-2:11']);
        assert.strictEqual((0, containerProbes_1.probePresent)([]).result, 'fail');
    });
    it('runContainerProbes returns every container probe once, in CONTAINER_PROBE_IDS order', () => {
        const out = (0, containerProbes_1.runContainerProbes)(allFiles());
        assert.deepStrictEqual(out.map((o) => o.id), [...containerProbes_1.CONTAINER_PROBE_IDS]);
        for (const o of out)
            for (const f of o.findings)
                assert.strictEqual(f.probe, o.id);
        const byId = Object.fromEntries(out.map((o) => [o.id, o.result]));
        assert.deepStrictEqual(byId, {
            'container.present': 'pass',
            'container.non-root': 'partial',
            'container.base-image-digest': 'partial',
            'container.healthcheck': 'partial',
            'container.weak-instructions': 'fail',
            'k8s.security-context': 'partial',
            'k8s.network-policy': 'pass',
            'deploy.rolling-update': 'pass',
            'deploy.canary': 'pass',
            'deploy.blue-green': 'pass',
        });
        const empty = (0, containerProbes_1.runContainerProbes)([]);
        assert.deepStrictEqual(empty.filter((o) => o.result !== 'not-applicable').map((o) => [o.id, o.result]), [['container.present', 'fail']]);
    });
    it('every finding and evidence location is a valid 1-based range inside its file', () => {
        const texts = {};
        const files = allFiles();
        for (const f of files)
            texts[f.path] = read(f.path);
        for (const o of (0, containerProbes_1.runContainerProbes)(files)) {
            for (const x of [...o.findings, ...o.evidence]) {
                const lines = texts[x.loc.path].split('\n');
                assert.ok(x.loc.line >= 1 && x.loc.column >= 1, `${o.id} ${at(x.loc)}`);
                assert.ok(x.loc.endLine > x.loc.line || (x.loc.endLine === x.loc.line && x.loc.endColumn > x.loc.column), `${o.id} empty ${x.loc.path} ${at(x.loc)}`);
                assert.ok(x.loc.endLine <= lines.length && x.loc.endColumn <= lines[x.loc.endLine - 1].length + 1, `${o.id} ${x.loc.path} ${at(x.loc)}`);
            }
        }
    });
});
describe('containers: judged by what ships (issue 14)', () => {
    const pod = (securityContext, containerContext, extra = '') => (0, kubernetes_1.parseKubernetes)('k.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec:\n  template:\n    spec:\n      securityContext: ${securityContext}\n      containers:\n        - name: app\n          image: x:1\n          securityContext: ${containerContext}\n${extra}`);
    it('a non-zero runAsUser counts as non-root for the security context; the container overrides the pod', () => {
        const byUser = (0, containerProbes_1.probeSecurityContext)([pod('{ runAsUser: 1000 }', '{ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }')]);
        assert.strictEqual(byUser.result, 'pass');
        assert.ok(byUser.evidence.some((e) => e.text === 'runAsUser: 1000'));
        const overridden = pod('{ runAsUser: 1000 }', '{ runAsUser: 0, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }');
        assert.strictEqual((0, containerProbes_1.probeSecurityContext)([overridden]).result, 'partial');
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([overridden]).result, 'fail');
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([pod('{ runAsNonRoot: false }', '{ runAsUser: 1001 }')]).result, 'pass', 'a non-zero user is non-root whatever runAsNonRoot says');
    });
    it('resource limits are their own finding: limits alone do not make a security context partial, their absence does not fail a hardened one', () => {
        const limitsOnly = pod('{}', '{}', '          resources:\n            limits: { memory: 128Mi }\n');
        const o = (0, containerProbes_1.probeSecurityContext)([limitsOnly]);
        assert.strictEqual(o.result, 'fail');
        assert.strictEqual(findings(o, 'no-resource-limits').length, 0);
        const hardened = (0, containerProbes_1.probeSecurityContext)([pod('{ runAsNonRoot: true }', '{ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }')]);
        assert.strictEqual(hardened.result, 'pass');
        assert.strictEqual(findings(hardened, 'no-resource-limits').length, 1);
        assert.match(hardened.notes[0], /1 of 1 container definition\(s\) fully hardened \(runAsNonRoot or a non-zero runAsUser/);
    });
    it('reads replicas, ports, kustomize patches and components', () => {
        const k = (0, kubernetes_1.parseKubernetes)('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  replicas: 0\n  template:\n    spec:\n      containers:\n        - name: a\n          ports: [{ containerPort: 80 }]\n        - name: b\n          ports: []\n');
        assert.strictEqual(k.resources[0].replicas?.value, 0);
        assert.deepStrictEqual(k.resources[0].pod?.containers.map((c) => !!c.ports), [true, false]);
        const kz = (0, kustomize_1.parseKustomization)('o/kustomization.yaml', 'kind: Component\npatchesStrategicMerge:\n  - a.yaml\npatches:\n  - path: b.yaml\n  - patch: |-\n      - op: add\npatchesJson6902:\n  - target: { kind: Deployment }\n    path: c.yaml\n');
        assert.strictEqual(kz.component, true);
        assert.deepStrictEqual(kz.patches.map((p) => p.value), ['a.yaml', 'b.yaml', 'c.yaml']);
    });
    it('line-scans Helm templates for probes and securityContext, literal or filled from values, with their guards', () => {
        const text = [
            'apiVersion: apps/v1', // 1
            'kind: Deployment', // 2
            'spec:', // 3
            '  template:', // 4
            '    spec:', // 5
            '      {{- with .Values.podSecurityContext }}', // 6
            '      securityContext:', // 7
            '        {{- toYaml . | nindent 8 }}', // 8
            '      {{- end }}', // 9
            '      containers:', // 10
            '        - name: app', // 11
            '          securityContext:', // 12
            '            runAsUser: 1001', // 13
            '            readOnlyRootFilesystem: true', // 14
            '          {{- if .Values.probes.liveness.enabled }}', // 15
            '          livenessProbe:', // 16
            '            httpGet: { path: /healthz, port: 8080 }', // 17
            '          {{- end }}', // 18
            '          readinessProbe:', // 19
            '            {{- toYaml .Values.readinessProbe | nindent 12 }}', // 20
            '---',
            'kind: Service',
            'spec: { ports: [{ port: 80 }] }',
        ].join('\n');
        const f = (0, kubernetes_1.parseKubernetes)('chart/templates/deploy.yaml', text);
        assert.strictEqual(f.helmTemplate, true);
        assert.strictEqual(f.helm?.workloads.length, 1, 'the Service is not a workload');
        const w = f.helm.workloads[0];
        assert.strictEqual(w.kind, 'Deployment');
        assert.deepStrictEqual(w.settings.map((s) => [s.key, s.loc.line, s.literal, s.valuesPath ?? '', s.guard ?? '', s.podLevel ?? '']), [
            ['securityContext', 7, false, '', 'podSecurityContext', true],
            ['securityContext', 12, true, '', '', false],
            ['livenessProbe', 16, true, '', 'probes.liveness.enabled', ''],
            ['readinessProbe', 19, false, 'readinessProbe', '', ''],
        ]);
        assert.strictEqual(w.settings[1].fields?.runAsUser?.value, 1001);
        assert.strictEqual(at(w.settings[1].fields.runAsUser.loc), '13:13-13:28');
        assert.strictEqual(w.settings[1].fields?.readOnlyRootFilesystem?.value, true);
    });
    it('a chart probe renders when its values give it content and its guard holds', () => {
        const tmpl = (probe) => (0, kubernetes_1.parseKubernetes)('c/templates/d.yaml', `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          ports: [{ containerPort: 80 }]\n${probe}`);
        const values = (text) => (0, helm_1.parseHelmValues)('c/values.yaml', text);
        const filled = tmpl('          livenessProbe:\n            {{- toYaml .Values.livenessProbe | nindent 12 }}\n');
        assert.strictEqual((0, containerProbes_1.probeHealthcheck)([filled, values('livenessProbe:\n  httpGet: { path: /, port: 80 }\n')]).result, 'pass');
        assert.strictEqual((0, containerProbes_1.probeHealthcheck)([filled, values('livenessProbe: {}\n')]).result, 'fail');
        const guarded = tmpl('          {{- if .Values.probe.enabled }}\n          readinessProbe:\n            tcpSocket: { port: 80 }\n          {{- end }}\n');
        assert.strictEqual((0, containerProbes_1.probeHealthcheck)([guarded, values('probe:\n  enabled: true\n')]).result, 'pass');
        assert.strictEqual((0, containerProbes_1.probeHealthcheck)([guarded, values('probe:\n  enabled: false\n')]).result, 'fail');
        const literalSc = (0, kubernetes_1.parseKubernetes)('c/templates/d.yaml', 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: "{{ .Values.image }}"\n          securityContext:\n            runAsNonRoot: true\n            readOnlyRootFilesystem: true\n            allowPrivilegeEscalation: false\n');
        const sc = (0, containerProbes_1.probeSecurityContext)([literalSc]);
        assert.strictEqual(sc.result, 'pass', sc.notes.join('|'));
        assert.strictEqual((0, containerProbes_1.probeSecurityContext)([(0, kubernetes_1.parseKubernetes)('c/templates/d.yaml', 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: "{{ .Values.image }}"\n')]).result, 'fail', 'a chart whose templates set nothing is not hardened');
    });
    it('compose builds map to their Dockerfile (context + dockerfile): its HEALTHCHECK covers the service; without one it is a gap', () => {
        const c = (0, compose_1.parseCompose)('deploy/compose.yaml', 'services:\n  api:\n    build:\n      context: ../src\n      dockerfile: api.Dockerfile\n');
        const withHc = (0, dockerfile_1.parseDockerfile)('src/api.Dockerfile', 'FROM node:22\nEXPOSE 80\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["node", "a.js"]\n');
        const o = (0, containerProbes_1.probeHealthcheck)([c, withHc]);
        assert.strictEqual(o.result, 'pass');
        assert.ok(!o.notes.some((n) => /Dockerfile decides/.test(n)), o.notes.join('|'));
        const without = (0, dockerfile_1.parseDockerfile)('src/api.Dockerfile', 'FROM node:22\nEXPOSE 80\nCMD ["node", "a.js"]\n');
        assert.strictEqual((0, containerProbes_1.probeHealthcheck)([c, without]).result, 'fail');
    });
    it('a command-line tool image needs no HEALTHCHECK; a server image, an EXPOSE or an interpreter keeps it a gap', () => {
        const cli = (0, containerProbes_1.probeHealthcheck)([(0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM debian:trixie-slim\nCOPY tool /bin/tool\nCMD ["/bin/tool", "-"]\n')]);
        assert.strictEqual(cli.result, 'not-applicable');
        assert.match(cli.notes.join('|'), /a command-line tool image \(CMD \/bin\/tool -\)/);
        const usage = (0, containerProbes_1.probeHealthcheck)([(0, dockerfile_1.parseDockerfile)('Dockerfile', 'FROM golang:1.24-alpine\nCOPY entrypoint.sh /\nEXPOSE 1313\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["--help"]\n')]);
        assert.strictEqual(usage.result, 'not-applicable', 'an image whose default command prints its usage is a tool');
        for (const text of [
            'FROM debian:trixie-slim\nCOPY tool /bin/tool\nEXPOSE 8080\nCMD ["/bin/tool"]\n',
            'FROM golang:1.24-alpine\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["server", "--help"]\n',
            'FROM alpine:3\nCOPY tool /bin/tool\nCMD ["/bin/tool", "serve"]\n',
            'FROM alpine:3\nCMD ["python3", "app.py"]\n',
            'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
            'FROM alpine:3\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
        ]) {
            assert.strictEqual((0, containerProbes_1.probeHealthcheck)([(0, dockerfile_1.parseDockerfile)('Dockerfile', text)]).result, 'fail', text);
        }
    });
    it('docs, test environments, vendored upstream files and vendored subcharts are left out of the verdicts, still listed', () => {
        const bad = (path) => (0, kubernetes_1.parseKubernetes)(path, 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: x:1\n      ports: [{ containerPort: 80 }]\n');
        const sub = (0, helm_1.parseHelmChart)('charts/app/charts/redis/Chart.yaml', 'apiVersion: v2\nname: redis\nversion: 1.0.0\n');
        const parent = (0, helm_1.parseHelmChart)('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
        const subValues = (0, helm_1.parseHelmValues)('charts/app/charts/redis/values.yaml', 'securityContext:\n  runAsUser: 0\n');
        const files = [bad('docs/examples-k8s/pod.yaml'), bad('e2e/pod.yaml'), bad('third_party/upstream/pod.yaml'), parent, sub, subValues];
        for (const probe of [containerProbes_1.probeHealthcheck, containerProbes_1.probeSecurityContext, containerProbes_1.probeNonRoot]) {
            const o = probe(files);
            assert.strictEqual(o.result, 'not-applicable', `${o.id}: ${o.notes.join('|')}`);
            assert.ok(o.findings.length > 0, `${o.id} still lists the gaps`);
        }
        assert.match((0, containerProbes_1.probeSecurityContext)(files).notes.join('|'), /documentation: docs\/examples-k8s\/pod\.yaml.*a test environment: e2e\/pod\.yaml.*vendored upstream files.*a subchart vendored in its parent chart/);
    });
});
describe('containers: ko base images', () => {
    it('reads defaultBaseImage and baseImageOverrides, and never throws', () => {
        const f = (0, ko_1.parseKoConfig)('.ko.yaml', 'defaultBaseImage: alpine:3.20\nbaseImageOverrides:\n  example.com/a/cmd/x: cgr.dev/chainguard/static:latest\nbuilds: []\n');
        assert.strictEqual(f.defaultBaseImage?.value, 'alpine:3.20');
        assert.strictEqual(at(f.defaultBaseImage.loc), '1:19-1:30');
        assert.deepStrictEqual(f.baseImageOverrides.map((b) => b.value), ['cgr.dev/chainguard/static:latest']);
        assert.deepStrictEqual((0, ko_1.parseKoConfig)('.ko.yaml', '- [').baseImageOverrides, []);
        assert.ok((0, ko_1.parseKoConfig)('.ko.yaml', 'x: [').problems.length > 0);
    });
    it('judges ko base images for digests and for the user ko runs as (ko sets none)', () => {
        const ko = (0, ko_1.parseKoConfig)('.ko.yaml', 'defaultBaseImage: gcr.io/distroless/static-debian12:latest\nbaseImageOverrides:\n  example.com/a/cmd/x: gcr.io/distroless/static-debian12:nonroot@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n');
        const digest = (0, containerProbes_1.probeBaseImageDigest)([ko]);
        assert.strictEqual(digest.result, 'partial');
        assert.strictEqual(at(one(digest, 'latest-tag', '.ko.yaml').loc), '1:19-1:59');
        const user = (0, containerProbes_1.probeNonRoot)([ko]);
        assert.strictEqual(user.result, 'partial');
        assert.match(one(user, 'root-user', '.ko.yaml').message, /ko builds on `gcr\.io\/distroless\/static-debian12:latest`, which runs as root/);
        assert.strictEqual((0, containerProbes_1.probeNonRoot)([(0, ko_1.parseKoConfig)('.ko.yaml', 'defaultBaseImage: cgr.dev/chainguard/static:latest-dev\n')]).result, 'fail', 'Chainguard -dev images run as root');
        assert.strictEqual((0, containerProbes_1.probeBaseImageDigest)([(0, ko_1.parseKoConfig)('.ko.yaml', 'builds: []\n')]).result, 'not-applicable');
    });
});
//# sourceMappingURL=containers.test.js.map