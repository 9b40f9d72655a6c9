// How the pipelines' image builds decide which Dockerfiles ship (detect/imageUse.ts), and the
// container scope that follows from it (detect/containerScope.ts).
import * as assert from 'node:assert/strict';
import { buildPushes, builtTags, ImageUse, imageUsage, publishesImages, publishingBlock } from '../../src/core/scan/detect/imageUse';
import { containerScope } from '../../src/core/scan/detect/containerScope';
import { parseDockerfile } from '../../src/core/scan/parse/containers/dockerfile';
import { parseCompose } from '../../src/core/scan/parse/containers/compose';
import { invocations } from '../../src/core/scan/parse/shell';
import { Evidence } from '../../src/core/scan/detect/probeTypes';

function at(path: string, line: number, job?: string): Evidence {
  return { loc: { path, line, column: 1, endLine: line, endColumn: 2 }, text: `line ${line}`, unit: { pipeline: path, ...(job ? { job } : {}) } };
}

function build(dockerfile: string, evidence: Evidence, pushes = false): ImageUse {
  return { kind: 'build', dockerfile, pushes, evidence };
}

function firstInvocation(text: string) {
  return invocations({ text, loc: { path: 'ci.yml', line: 1, column: 1, endLine: 1, endColumn: 1 } })[0];
}

describe('image usage: which Dockerfiles the pipelines ship', () => {
  const e2e = at('ci.yml', 5, 'e2e');
  const release = at('ci.yml', 12, 'release');
  const push = at('ci.yml', 13, 'release');

  it('a build in a job that publishes ships; one in a job that publishes nothing is built for the jobs', () => {
    const usage = imageUsage([build('Dockerfile.race', e2e), build('docker/Dockerfile', release), { kind: 'publish', evidence: push }], [e2e, release], false);
    assert.ok(usage);
    assert.deepEqual([...usage.shipped], ['docker/Dockerfile']);
    assert.deepEqual([...usage.builtForJobs.keys()], ['Dockerfile.race']);
  });

  it('a build that pushes by itself ships, wherever it runs', () => {
    const usage = imageUsage([build('Dockerfile', e2e, true)], [e2e], false);
    assert.deepEqual([...(usage?.shipped ?? [])], ['Dockerfile']);
  });

  it('cannot decide when nothing is known to publish, when a build is not tied to a Dockerfile, or when a remote block may build', () => {
    assert.equal(imageUsage([build('Dockerfile', e2e)], [e2e], false), undefined, 'nothing publishes');
    const untied = at('ci.yml', 20, 'release');
    assert.equal(imageUsage([build('docker/Dockerfile', release), { kind: 'publish', evidence: push }], [release, untied], false), undefined, 'a build hit without a Dockerfile');
    assert.equal(imageUsage([build('docker/Dockerfile', release), { kind: 'publish', evidence: push }], [release], true), undefined, 'a remote block may build');
  });

  it('says when nothing builds any image, and not when a build is there or a remote block may build', () => {
    const none = imageUsage([], [], false);
    assert.equal(none?.noBuilds, true);
    assert.equal(none?.shipped.size, 0);
    assert.equal(imageUsage([{ kind: 'publish', evidence: push }], [], false)?.noBuilds, true, 'a registry login builds nothing');
    assert.equal(imageUsage([], [], true), undefined, 'a remote block may build');
    assert.equal(imageUsage([], [release], false), undefined, 'a build the files cannot tie to a Dockerfile (a release tool)');
    assert.equal(imageUsage([build('Dockerfile', e2e)], [e2e], false), undefined, 'a build that publishes nothing');
  });

  it('publishing commands, flags and blocks', () => {
    for (const text of ['docker push ghcr.io/a/b:1', 'podman push a/b', 'docker manifest push a/b', 'docker buildx imagetools create -t a/b:1 a/b:2', 'crane copy a b', 'skopeo copy docker://a docker://b', 'docker login -u x --password-stdin ghcr.io', 'aws ecr get-login-password --region eu-west-1', 'docker buildx build --push -t a/b .']) {
      assert.ok(publishesImages(firstInvocation(text)), text);
    }
    for (const text of ['docker build -t app .', 'docker run --rm app', 'docker save app', 'docker buildx build --load -t app .', 'git push origin main']) {
      assert.ok(!publishesImages(firstInvocation(text)), text);
    }
    assert.ok(buildPushes(['build', '--output', 'type=registry', '.']));
    assert.ok(buildPushes(['build', '-o', 'type=image,name=a/b,push=true', '.']));
    assert.ok(!buildPushes(['build', '-o', 'type=docker', '.']));
    assert.ok(publishingBlock('docker/login-action@v3'));
    assert.ok(publishingBlock('atlassian/aws-ecr-push-image:2.4.2'));
    assert.ok(!publishingBlock('actions/upload-artifact@v4'));
    assert.ok(!publishingBlock('actions/checkout@v4'));
    assert.ok(!publishingBlock('docker/build-push-action@v6'), 'a build action publishes only when its push input says so');
    assert.ok(!publishingBlock('useblacksmith/build-push-action@v2'));
  });

  it('reads the names a build tags, with the variables the step set, and leaves out names it cannot know', () => {
    const vars = new Map([['IMG', 'registry.example.com/team/ci'], ['V', '4']]);
    assert.deepEqual(builtTags(['build', '--tag=$IMG', '-f', 'ci/Dockerfile', '.'], vars), ['registry.example.com/team/ci']);
    assert.deepEqual(builtTags(['build', '-t', '${IMG}:${V}', '-t', 'app:$UNSET', '--tag', 'plain:1', '.'], vars), ['registry.example.com/team/ci:4', 'plain:1']);
    assert.deepEqual(builtTags(['build', '-tshort/name', '.'], vars), ['short/name']);
    assert.deepEqual(builtTags(['build', '--target', 'x', '.'], vars), []);
  });

  it('an image the pipelines build and run their own jobs in is a CI build environment, not shipped, even when pushed', () => {
    const ciBuild: ImageUse = { kind: 'build', dockerfile: 'ci/Dockerfile', pushes: true, tags: ['registry.example.com/team/ci'], evidence: release };
    const jobImage = { value: 'proxy.example.com/team/ci:latest', loc: { path: 'ci.yml', line: 30, column: 5, endLine: 30, endColumn: 40 } };
    const usage = imageUsage([ciBuild, build('Dockerfile', release), { kind: 'publish', evidence: push }], [release], false, [jobImage]);
    assert.ok(usage);
    assert.deepEqual([...usage.shipped], ['Dockerfile']);
    assert.equal(usage.ciEnvironments?.get('ci/Dockerfile'), jobImage);
    assert.equal(usage.builtForJobs.has('ci/Dockerfile'), false);
    const alone = imageUsage([ciBuild], [release], false, [jobImage]);
    assert.ok(alone, 'a CI environment alone still decides');
    assert.equal(alone.shipped.size, 0);
    assert.equal(imageUsage([ciBuild], [release], false, [{ ...jobImage, value: 'other/ci' }])?.ciEnvironments, undefined, 'another image: the build ships');
    const scope = containerScope([parseDockerfile('ci/Dockerfile', 'FROM debian:12\nRUN apt-get install -y gcc\n'), parseDockerfile('app/Dockerfile', 'FROM node:22\nCMD ["node", "a.js"]\n')], alone);
    assert.match(scope.fileReason('ci/Dockerfile') ?? '', /^the image the pipelines' own jobs run in \(built, then used as `proxy.example.com\/team\/ci:latest` at ci.yml:30\): a CI build environment$/);
    assert.equal(scope.fileReason('app/Dockerfile'), undefined, 'with nothing pushed, a Dockerfile no pipeline builds is not ruled out by usage');
  });
});

describe('container scope from image usage', () => {
  const dockerfile = (path: string) => parseDockerfile(path, 'FROM alpine:3.20\nUSER 65532\n');
  const files = [dockerfile('docker/Dockerfile'), dockerfile('Dockerfile.race'), dockerfile('Dockerfile')];

  it('leaves out what the pipelines build only for their jobs, and what no pipeline builds, naming why', () => {
    const scope = containerScope(files, { shipped: new Set(['docker/Dockerfile']), builtForJobs: new Map([['Dockerfile.race', at('ci.yml', 5, 'e2e')]]), cloned: [] });
    assert.equal(scope.fileReason('docker/Dockerfile'), undefined);
    assert.equal(scope.fileReason('Dockerfile.race'), 'an image the pipelines build only for their own jobs and never push');
    assert.equal(scope.fileReason('Dockerfile'), 'not built by any pipeline (the pipelines push docker/Dockerfile)');
    assert.match(scope.note('Dockerfile(s)') ?? '', /^2 Dockerfile\(s\) left out of this verdict/);
  });

  it('judges every Dockerfile when the pipelines cannot tell', () => {
    const scope = containerScope(files);
    for (const f of files) assert.equal(scope.fileReason(f.path), undefined, f.path);
  });

  describe('build and development environments', () => {
    const noBuilds = { shipped: new Set<string>(), builtForJobs: new Map(), cloned: [], noBuilds: true };
    const env = (path: string, text: string) => parseDockerfile(path, text);

    it('a header that says so leaves the image out, unless the pipelines push it', () => {
      const f = env('Dockerfile', '# syntax=docker/dockerfile:1\n# Build environment for libfoo\nFROM debian:12\nCMD ["make"]\n');
      assert.deepEqual(f.header?.map((h) => h.value), ['Build environment for libfoo'], 'parser directives are not header comments');
      assert.equal(containerScope([f]).fileReason('Dockerfile'), 'a build or development environment (its header: "Build environment for libfoo")');
      assert.equal(containerScope([f], { shipped: new Set(['Dockerfile']), builtForJobs: new Map(), cloned: [] }).fileReason('Dockerfile'), undefined);
      for (const text of ['# Build the image: docker build -t app .\nFROM debian:12\n', '# Build container image for the API\nFROM debian:12\n', 'FROM debian:12\n# Build environment for the tests\n']) {
        assert.equal(containerScope([env('Dockerfile', text)]).fileReason('Dockerfile'), undefined, text);
      }
    });

    it('with no image build at all, an image that starts nothing of its own, a shell or a build script is an environment', () => {
      const cases: [string, string][] = [
        ['FROM fedora:41\nRUN dnf install -y gcc\n', 'it starts nothing of its own on fedora:41, with a toolchain installed'],
        ['FROM ubuntu:24.04 AS build\nRUN make\nFROM ubuntu:24.04\nRUN apt-get install -y mingw-w64 wine\nCOPY --from=build /out /usr/local/bin\n', 'it starts nothing of its own on ubuntu:24.04, with a toolchain installed'],
        ['FROM debian:12\nRUN apt-get update && apt-get install -y libxml2-dev libcairo2-dev\n', 'it starts nothing of its own on debian:12, with a toolchain installed'],
        ['FROM ubuntu:local\nADD . /src\nRUN /src/scripts/build.sh clean\n', 'it starts nothing of its own on ubuntu:local, with a toolchain installed'],
        ['FROM python:3.12-slim\nENTRYPOINT ["/bin/bash"]\n', 'it starts a shell (/bin/bash)'],
        ['FROM ubuntu\nCOPY build.sh /build.sh\nENTRYPOINT ["/build.sh"]\n', 'it runs a build (/build.sh)'],
      ];
      for (const [text, why] of cases) {
        const f = env('Dockerfile', text);
        assert.equal(containerScope([f], noBuilds).fileReason('Dockerfile'), `a build or development environment no pipeline builds (${why})`, text);
        assert.equal(containerScope([f]).fileReason('Dockerfile'), undefined, `judged when the pipelines may build it: ${text}`);
      }
    });

    it('with no image build at all, an image that starts a program, exposes a port or inherits a server stays judged', () => {
      for (const text of [
        'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
        'FROM debian:12\nCOPY exampled /usr/bin/\nENTRYPOINT ["exampled"]\n',
        'FROM ubuntu:24.04\nEXPOSE 8080\n',
        'FROM jenkins/jenkins:lts\nCOPY plugins.txt /usr/share/jenkins/ref/\n',
        'FROM scratch\nCOPY app /\n',
        'FROM alpine:3.20\nUSER 1000\n',
        'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
        'FROM debian:12\nRUN apt-get update && apt-get install -y ca-certificates curl\n',
      ]) {
        assert.equal(containerScope([env('Dockerfile', text)], noBuilds).fileReason('Dockerfile'), undefined, text);
      }
    });
  });

  it('compose files named for a test run are test stacks; test doubles are left out', () => {
    const compose = (path: string) => parseCompose(path, 'services:\n  db:\n    image: postgres:16\n    user: root\n');
    const scope = containerScope([compose('docker-compose.e2e.mysql.yaml'), compose('docker/docker-compose-ci.yml'), compose('compose.test.yml'), compose('docker-compose.yml'), compose('docker-compose.prod.yml'), dockerfile('etc/cryptor-mock/Dockerfile'), dockerfile('mocks/idp/Dockerfile'), dockerfile('services/mockingbird/Dockerfile')]);
    for (const p of ['docker-compose.e2e.mysql.yaml', 'docker/docker-compose-ci.yml', 'compose.test.yml']) assert.equal(scope.fileReason(p), 'a test stack', p);
    for (const p of ['docker-compose.yml', 'docker-compose.prod.yml', 'services/mockingbird/Dockerfile']) assert.equal(scope.fileReason(p), undefined, p);
    for (const p of ['etc/cryptor-mock/Dockerfile', 'mocks/idp/Dockerfile']) assert.equal(scope.fileReason(p), 'a test double', p);
    const load = containerScope(['tools/syncstorage-loadtest/Dockerfile', 'load-tests/Dockerfile', 'benchmarks/Dockerfile', 'tools/loader/Dockerfile'].map(dockerfile));
    for (const p of ['tools/syncstorage-loadtest/Dockerfile', 'load-tests/Dockerfile', 'benchmarks/Dockerfile']) assert.equal(load.fileReason(p), 'a load test', p);
    assert.equal(load.fileReason('tools/loader/Dockerfile'), undefined);
  });

  it("beside a Dockerfile named for production, the folder's plain Dockerfile is the development one, unless the pipelines push it", () => {
    const all = [dockerfile('Dockerfile'), dockerfile('Dockerfile.prod'), dockerfile('api/Dockerfile'), dockerfile('web/Dockerfile'), dockerfile('web/production.Dockerfile')];
    const scope = containerScope(all);
    assert.equal(scope.fileReason('Dockerfile'), 'a development image (Dockerfile.prod beside it is the production one)');
    assert.equal(scope.fileReason('web/Dockerfile'), 'a development image (web/production.Dockerfile beside it is the production one)');
    for (const p of ['Dockerfile.prod', 'api/Dockerfile', 'web/production.Dockerfile']) assert.equal(scope.fileReason(p), undefined, p);
    assert.equal(containerScope(all, { shipped: new Set(['Dockerfile', 'Dockerfile.prod']), builtForJobs: new Map(), cloned: [] }).fileReason('Dockerfile'), undefined);
  });

  it('a Dockerfile named as a base that starts nothing of its own is a base other images build on', () => {
    const base = parseDockerfile('Dockerfile.base', 'FROM node:22 AS deps\nCOPY . .\nRUN yarn install && yarn build\nENV PORT=3000\n');
    const deps = parseDockerfile('Dockerfile.dependencies', 'FROM maven:3 AS dependencies\nRUN mvn dependency:go-offline\nUSER dspace\n');
    const served = parseDockerfile('docker/base.Dockerfile', 'FROM node:22\nEXPOSE 3000\nCMD ["node", "server.js"]\n');
    const build = parseDockerfile('Dockerfile.build', 'FROM node:22\nRUN yarn build\n');
    const scope = containerScope([base, deps, served, build]);
    for (const p of ['Dockerfile.base', 'Dockerfile.dependencies']) assert.equal(scope.fileReason(p), 'a base image that other images build on (named so, it starts nothing of its own)', p);
    for (const p of ['docker/base.Dockerfile', 'Dockerfile.build']) assert.equal(scope.fileReason(p), undefined, p);
  });

  it('Dockerfile variants named for a test run are test images (Dockerfile.e2e-tests too)', () => {
    const scope = containerScope([dockerfile('Dockerfile.e2e-tests'), dockerfile('Dockerfile.test'), dockerfile('Dockerfile.multi-arch')]);
    assert.equal(scope.fileReason('Dockerfile.e2e-tests'), 'a test image');
    assert.equal(scope.fileReason('Dockerfile.test'), 'a test image');
    assert.equal(scope.fileReason('Dockerfile.multi-arch'), undefined);
  });
});
