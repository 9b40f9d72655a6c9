// Where the workloads run (detect/runtimeTarget.ts): GitOps hand-offs, commands run on another
// host over ssh, and the verdict of the runtime probes when the workloads are deployed from elsewhere.
import * as assert from 'node:assert/strict';
import { copiedToHost, HandoffTracker, onRemoteHost, remoteCommand, repositoryName, withRuntimeElsewhere } from '../../src/core/scan/detect/runtimeTarget';
import { invocations } from '../../src/core/scan/parse/shell';
import { Loc } from '../../src/core/scan/types';

function loc(line: number): Loc {
  return { path: 'ci.yml', line, column: 1, endLine: line, endColumn: 2 };
}

function only(text: string) {
  const all = invocations({ text, loc: loc(1) });
  assert.equal(all.length, 1, text);
  return all[0];
}

/** Feeds lines to one job's tracker; the hand-offs completed, by line. */
function job(lines: string[]): { line: number; where: string }[] {
  const t = new HandoffTracker();
  const out: { line: number; where: string }[] = [];
  lines.forEach((text, i) => {
    for (const inv of invocations({ text, loc: loc(i + 1) })) {
      const h = t.observe(inv, loc(i + 1));
      if (h) out.push({ line: i + 1, where: h.where });
    }
  });
  return out;
}

describe('runtime target: GitOps hand-offs', () => {
  it('clone, image tag written, push: a hand-off at the push, naming the repository without credentials', () => {
    assert.deepEqual(job(['git clone https://ci:${TOKEN}@git.example.org/ops/deploy.git d', 'cd d', 'yq -i \'.app.image.tag = "v2"\' prod/values.yaml', 'git commit -am bump', 'git push']), [{ line: 5, where: 'git.example.org/ops/deploy' }]);
    assert.deepEqual(job(['gh repo clone example/gitops', 'kustomize edit set image app=registry/app:v2', 'git -C gitops push origin main']), [{ line: 3, where: 'example/gitops' }]);
  });

  it('no clone, no image field, no push, or the push before the edit: no hand-off', () => {
    assert.deepEqual(job(['yq -i \'.image.tag = "v2"\' chart/values.yaml', 'git push']), []);
    assert.deepEqual(job(['git clone https://github.com/example/homebrew-tap', 'sed -i "s/version .*/version 2/" Formula/app.rb', 'git push']), []);
    assert.deepEqual(job(['git clone https://github.com/example/site', 'sed -i "s/v1/${IMAGE_TAG}/" index.html', 'git push']), []);
    assert.deepEqual(job(['git clone https://github.com/example/gitops', 'git push', 'yq -i \'.image.tag = "v2"\' gitops/values.yaml']), []);
    assert.deepEqual(job(['git clone https://github.com/example/gitops', 'yq \'.image.tag\' gitops/values.yaml', 'git push']), []);
  });

  it('repository names drop the scheme, credentials and .git', () => {
    assert.equal(repositoryName('https://x-token-auth:${T}@bitbucket.org/org/values.git'), 'bitbucket.org/org/values');
    assert.equal(repositoryName('git@github.com:org/gitops.git'), 'github.com:org/gitops');
    assert.equal(repositoryName('${VALUES_REPO}'), '${VALUES_REPO}');
  });
});

describe('runtime target: commands run on another host', () => {
  it('ssh: the host and the remote command, past options with values', () => {
    assert.deepEqual(remoteCommand(only('ssh -o StrictHostKeyChecking=no -p 2222 -i key deploy@web.example.org ./start.sh --detach')), { host: 'deploy@web.example.org', words: ['./start.sh', '--detach'] });
    assert.equal(remoteCommand(only('ssh deploy@web.example.org')), undefined, 'a login shell runs no command of the file');
  });

  it('scp and rsync of the checkout or of one folder to a host', () => {
    assert.deepEqual(copiedToHost(only('scp -o StrictHostKeyChecking=no -r $PWD/* demo@demo.example.org:~/deploy')), { host: 'demo@demo.example.org', dest: '~/deploy', local: '' });
    assert.deepEqual(copiedToHost(only('rsync -az -e "ssh -p 22" --delete dist/ web:/srv/app/')), { host: 'web', dest: '/srv/app', local: 'dist' });
    assert.equal(copiedToHost(only('scp build.tar.gz dist/notes.txt web:/srv/downloads')), undefined, 'files, not a folder the remote one mirrors');
    assert.equal(copiedToHost(only('scp web:/var/log/app.log .')), undefined, 'a download');
  });

  it('paths into a copied folder are read as the local files', () => {
    const t = new HandoffTracker();
    t.observe(only('scp -r $PWD/* demo@host:~/deploy'), loc(1));
    assert.deepEqual(t.remoteLine(only('ssh demo@host deploy/scripts/start.sh --no-prompt')), { host: 'demo@host', command: './scripts/start.sh --no-prompt' });
    assert.deepEqual(t.remoteLine(only('ssh demo@host other/run.sh')), { host: 'demo@host', command: 'other/run.sh' });
  });

  it('compose up and stack deploy there are deployments to that host; other docker commands are left as they are', () => {
    assert.deepEqual(onRemoteHost(only('docker compose -f prod.yml up -d'), 'web').args, ['--host=ssh://web', 'compose', '-f', 'prod.yml', 'up', '-d']);
    assert.deepEqual(onRemoteHost(only('docker stack deploy -c stack.yml shop'), 'web').args[0], '--host=ssh://web');
    assert.deepEqual(onRemoteHost(only('docker-compose version'), 'web').args, ['version']);
    assert.deepEqual(onRemoteHost(only('docker compose --context prod up -d'), 'web').args, ['compose', '--context', 'prod', 'up', '-d']);
  });
});

describe('runtime target: verdicts of workloads deployed from elsewhere', () => {
  const elsewhere = [{ where: 'github.com/org/gitops', evidence: { loc: loc(9), text: 'git push' } }];

  it('unknown, naming the repository, unless this repository holds the workloads it judged', () => {
    const notes: string[] = [];
    assert.equal(withRuntimeElsewhere('fail', elsewhere, false, 'their liveness and readiness probes', notes), 'unknown');
    assert.match(notes[0], /deployed from github\.com\/org\/gitops \(GitOps hand-off at ci\.yml:9\)/);
    const kept: string[] = [];
    assert.equal(withRuntimeElsewhere('partial', elsewhere, true, 'their security contexts', kept), 'partial');
    assert.deepEqual(kept, []);
    assert.equal(withRuntimeElsewhere('not-applicable', [], false, 'their security contexts', kept), 'not-applicable');
  });
});
