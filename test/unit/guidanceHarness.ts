// Shared setup for the guidance tests: the bundled model, catalogue, rules and fixes (parsed
// once), temporary workspaces, and one call that indexes and evaluates a folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseModel } from '../../src/core/model/loader';
import { Model } from '../../src/core/model/types';
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { scanFolder } from '../../src/core/scan/folderScan';
import { ScanResult } from '../../src/core/scan/result';
import { DetectionData, loadDetectionData } from '../../src/core/scan/scan';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { FixCatalogue, loadFixes } from '../../src/core/guidance/fixCatalogue';

export const ROOT = path.resolve(__dirname, '../../..');
export const GUIDANCE_FIXTURES = path.join(ROOT, 'test/fixtures/guidance');
export const DEMO = path.join(ROOT, 'test/fixtures/demo-workspace');

let bundledData: { model: Model; data: DetectionData; fixes: FixCatalogue } | undefined;

export function bundled(): { model: Model; data: DetectionData; fixes: FixCatalogue } {
  if (!bundledData) {
    const read = (f: string) => fs.readFileSync(path.join(ROOT, 'model', f), 'utf8');
    bundledData = {
      model: parseModel(read('dsomm-model.yaml'), 'bundled'),
      data: loadDetectionData(read('probes.yaml'), 'probes.yaml', read('rules.yaml'), 'rules.yaml'),
      fixes: loadFixes(read('fixes.yaml'), 'fixes.yaml'),
    };
  }
  return bundledData;
}

export async function scanDir(dir: string): Promise<{ index: WorkspaceIndex; result: ScanResult }> {
  const { model, data } = bundled();
  const { scan, result } = await scanFolder(new NodeFileSystem(dir), dir, model, data);
  return { index: scan.index, result };
}

const made: string[] = [];

/** A fresh folder with these files (root-relative path → content). */
export function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-guidance-'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

export function cleanTempWorkspaces(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(GUIDANCE_FIXTURES, rel), 'utf8');
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Where each dialect's file lives in a workspace. */
export const CANONICAL_PATH: Record<string, string> = {
  'github-workflow': '.github/workflows/ci.yml',
  'gitlab-ci': '.gitlab-ci.yml',
  'azure-pipelines': 'azure-pipelines.yml',
  jenkinsfile: 'Jenkinsfile',
  circleci: '.circleci/config.yml',
  'bitbucket-pipelines': 'bitbucket-pipelines.yml',
  cloudbuild: 'cloudbuild.yaml',
  codebuild: 'buildspec.yml',
  buildkite: '.buildkite/pipeline.yml',
  drone: '.drone.yml',
  woodpecker: '.woodpecker.yml',
  dockerfile: 'Dockerfile',
  compose: 'docker-compose.yml',
  kubernetes: 'k8s/app.yaml',
};

/** Files every fix workspace has, so that Dockerfile, npm and pip templates apply. */
export const SUPPORT_FILES: Record<string, string> = {
  'app/Dockerfile': 'FROM node:20.11-bookworm-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n',
  'app/package.json': '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": { "test": "node --test" }\n}\n',
  'app/package-lock.json': '{\n  "name": "app",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
  'worker/requirements.txt': 'requests==2.32.3\n',
};
