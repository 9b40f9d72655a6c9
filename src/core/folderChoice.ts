// Which workspace folder a command, panel or status item acts on in a multi-root workspace: one
// rule for all of them, so the export, the dashboard, the progress commands and the status bar
// never disagree about "this folder".

/** What the caller knows, each a folder key (the folder's URI as a string). */
export interface FolderHints {
  /** The folder the user named: a tree folder node, the panel the action came from, a command argument. */
  named?: string;
  /** The folder of the file in the active editor. */
  active?: string;
  /** The folder the view already shows (a panel stays on its folder while no editor says otherwise). */
  shown?: string;
}

/** When nothing points at one folder of several: take the first (passive displays) or ask (actions). */
export type WhenUnclear = 'first' | 'ask';

export type FolderChoice =
  | { kind: 'folder'; key: string }
  /** Several folders and no hint: the caller asks the user. */
  | { kind: 'ask' }
  /** No workspace folder at all. */
  | { kind: 'none' }
  /** The named folder is no longer in the workspace (closed since the node or panel was made). */
  | { kind: 'gone'; key: string };

/**
 * The named folder, else the only folder, else the active editor's folder, else the folder already
 * shown, else the first folder or a question. Hints that name a folder not in `folders` are ignored,
 * except `named`, which the user chose: acting on another folder instead would be a surprise.
 */
export function chooseFolder(folders: readonly string[], hints: FolderHints, whenUnclear: WhenUnclear): FolderChoice {
  if (hints.named !== undefined) return folders.includes(hints.named) ? { kind: 'folder', key: hints.named } : { kind: 'gone', key: hints.named };
  if (folders.length === 0) return { kind: 'none' };
  if (folders.length === 1) return { kind: 'folder', key: folders[0] };
  for (const hint of [hints.active, hints.shown]) if (hint !== undefined && folders.includes(hint)) return { kind: 'folder', key: hint };
  return whenUnclear === 'first' ? { kind: 'folder', key: folders[0] } : { kind: 'ask' };
}
