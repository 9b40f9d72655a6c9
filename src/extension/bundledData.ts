// The bundled model and detection data for the model and assessment services: from the build's
// snapshot (dist/bundled-data.json) when it matches the shipped YAML files, else parsed from them.
import * as vscode from 'vscode';
import { BUNDLED_FILES, BUNDLED_SNAPSHOT, BundledData, BundledTexts, parseBundledData, readBundledSnapshot } from '../core/bundledData';
import { decodeText } from '../core/fs';
import { log } from './log';

let loaded: Promise<BundledData> | undefined;

async function readText(uri: vscode.Uri): Promise<string> {
  const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
  if ('error' in decoded) throw new Error(`${uri.path.split('/').pop()}: ${decoded.error}`);
  return decoded.text;
}

async function load(extensionUri: vscode.Uri): Promise<BundledData> {
  const started = Date.now();
  const file = (name: string) => vscode.Uri.joinPath(extensionUri, 'model', name);
  const [model, probes, rules, snapshot] = await Promise.all([
    readText(file(BUNDLED_FILES.model)),
    readText(file(BUNDLED_FILES.probes)),
    readText(file(BUNDLED_FILES.rules)),
    readText(vscode.Uri.joinPath(extensionUri, ...BUNDLED_SNAPSHOT.split('/'))).catch(() => undefined),
  ]);
  const texts: BundledTexts = { model, probes, rules };
  const data = snapshot === undefined ? undefined : readBundledSnapshot(snapshot, texts);
  if (data) {
    log(`Loaded the bundled model and detection rules from ${BUNDLED_SNAPSHOT} in ${Date.now() - started} ms`);
    return data;
  }
  log(`${BUNDLED_SNAPSHOT} is missing or older than model/*.yaml (run npm run build): parsing the YAML files`);
  return parseBundledData(texts);
}

/** Loaded once per session (the extension's files do not change while it runs); a failure is retried. */
export function bundledData(extensionUri: vscode.Uri): Promise<BundledData> {
  loaded ??= load(extensionUri).catch((e) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}
