// What the guidance providers share: which documents they serve, the fix catalogue, position and
// path conversions, and reading a workspace file as the editor sees it.
import * as vscode from 'vscode';
import { decodeText } from '../../core/fs';
import { FixCatalogue, GUIDANCE_COMMANDS, loadFixes, Range0 } from '../../core/guidance';
import { Catalogue } from '../../core/scan/detect/catalogue';
import { WorkspaceIndex } from '../../core/scan/workspaceIndex';

/** Pipeline and container files of every dialect the engine reads (the index decides in the end). */
export const GUIDANCE_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'dockerfile' },
  { language: 'groovy' },
  { language: 'jenkinsfile' },
  { pattern: '**/*.{yml,yaml}' },
  { pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile,*.Containerfile}' },
  { pattern: '**/{Jenkinsfile,Jenkinsfile.*,*.Jenkinsfile,*.jenkinsfile}' },
];

/** The only commands hover links may run (VS Code runs no other `command:` link from our Markdown). */
export const TRUSTED_COMMANDS: readonly string[] = Object.values(GUIDANCE_COMMANDS);

export function toRange(r: Range0): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** A root-relative '/'-separated path inside `folder`. */
export function uriOf(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * A file of the folder's index as the editor has it (an open buffer), else as saved, read under the
 * index's guards (size cap, regular files inside the folder); undefined when unreadable.
 */
export async function currentText(folder: vscode.WorkspaceFolder, path: string, index: WorkspaceIndex): Promise<string | undefined> {
  const doc = openDocument(uriOf(folder, path));
  if (doc) return doc.getText();
  try {
    const d = decodeText(await index.fs.readFile(path, { maxBytes: index.maxFileSize }));
    return 'error' in d ? undefined : d.text;
  } catch {
    return undefined;
  }
}

/** model/fixes.yaml, read once from the extension. */
export class FixCatalogueSource {
  private catalogue: Promise<FixCatalogue> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get(): Promise<FixCatalogue> {
    this.catalogue ??= (async () => {
      const uri = vscode.Uri.joinPath(this.extensionUri, 'model', 'fixes.yaml');
      const d = decodeText(await vscode.workspace.fs.readFile(uri));
      if ('error' in d) throw new Error(`fixes.yaml: ${d.error}`);
      return loadFixes(d.text, 'fixes.yaml');
    })();
    return this.catalogue;
  }
}

const titlesByCatalogue = new WeakMap<Catalogue, (probe: string) => string | undefined>();

/** The catalogue's check titles (hovers and diagnostics name checks in words, never by id). */
export function checkTitles(catalogue: Catalogue): (probe: string) => string | undefined {
  let titleOf = titlesByCatalogue.get(catalogue);
  if (!titleOf) {
    const titles = new Map(catalogue.probes.filter((p) => p.title).map((p) => [p.id, p.title!] as const));
    titlesByCatalogue.set(catalogue, (titleOf = (probe) => titles.get(probe)));
  }
  return titleOf;
}
