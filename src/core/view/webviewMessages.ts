// Messages the webviews post to the extension. A webview renders workspace- and model-derived
// text, so everything it sends is checked here before the extension acts on it.
import type { ActivityDetailsView } from './activityDetails';
import type { DashboardView } from './dashboard';
import { safeHref } from './html';

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openActivity'; uuid: string }
  | { type: 'openEvidence'; path: string; line: number; column?: number }
  | { type: 'openExternal'; url: string }
  | { type: 'openInWeb'; uuid: string }
  | { type: 'setState'; uuid: string; state: string }
  | { type: 'markNotApplicable'; uuid: string; reason?: string }
  | { type: 'resetActivity'; uuid: string }
  | { type: 'addEvidence'; uuid: string }
  | { type: 'insertFix'; uuid: string }
  | { type: 'setTargetLevel'; level: number }
  | { type: 'export'; format: ExportFormat };

/** What the extension posts to the details panel: the activity's view-model (null: not in the model). */
export interface DetailsUpdate {
  type: 'update';
  uuid: string;
  /** The workspace folder key, kept in the webview state so a restored panel shows the same folder. */
  folder?: string;
  view: ActivityDetailsView | null;
}

/** What the extension posts to the dashboard. */
export interface DashboardUpdate {
  type: 'update';
  view: DashboardView;
}

export type ExportFormat = 'markdown' | 'html' | 'json' | 'sarif';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'json', 'sarif'];

/** What the extension knows, to check references in a message. */
export interface MessageContext {
  /** Activity uuids of the current model. */
  activities?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Progress state names the team can set. */
  states?: readonly string[];
}

export type CheckedMessage = { ok: true; message: WebviewMessage } | { ok: false; error: string };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 2000;
const MAX_STATE = 100;
const MAX_PATH = 1024;

const FIELDS: Record<WebviewMessage['type'], string[]> = {
  ready: [],
  openActivity: ['uuid'],
  openEvidence: ['path', 'line', 'column'],
  openExternal: ['url'],
  openInWeb: ['uuid'],
  setState: ['uuid', 'state'],
  markNotApplicable: ['uuid', 'reason'],
  resetActivity: ['uuid'],
  addEvidence: ['uuid'],
  insertFix: ['uuid'],
  setTargetLevel: ['level'],
  export: ['format'],
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** A workspace-relative '/'-separated path that cannot leave the folder. */
export function isSafeRelativePath(p: unknown): p is string {
  if (typeof p !== 'string' || !p || p.length > MAX_PATH) return false;
  if (/[\0-\x1f\\]/.test(p) || p.startsWith('/') || /^[a-zA-Z]:/.test(p) || /^[a-z][a-z0-9+.-]*:/i.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function positiveInt(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
}

/** Checks one message from a webview: shape, types, sizes, and that uuids/states exist. */
export function checkMessage(raw: unknown, context: MessageContext = {}): CheckedMessage {
  const fail = (error: string): CheckedMessage => ({ ok: false, error });
  if (!isRecord(raw)) return fail('not an object');
  const type = raw.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type)) return fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
  const t = type as WebviewMessage['type'];
  const extra = Object.keys(raw).filter((k) => k !== 'type' && !FIELDS[t].includes(k));
  if (extra.length) return fail(`${t}: unexpected field ${extra[0].slice(0, 40)}`);
  const uuid = () => {
    const u = raw.uuid;
    if (typeof u !== 'string' || !UUID_RE.test(u)) return fail(`${t}: uuid is not an activity uuid`);
    if (context.activities && !context.activities.has(u)) return fail(`${t}: no activity ${u} in the model`);
    return undefined;
  };
  switch (t) {
    case 'ready':
      return { ok: true, message: { type: t } };
    case 'openActivity':
    case 'openInWeb':
    case 'resetActivity':
    case 'addEvidence':
    case 'insertFix':
      return uuid() ?? { ok: true, message: { type: t, uuid: raw.uuid as string } };
    case 'setState': {
      const bad = uuid();
      if (bad) return bad;
      const state = raw.state;
      if (typeof state !== 'string' || !state.trim() || state.length > MAX_STATE) return fail('setState: state must be a state name');
      if (context.states && !context.states.includes(state)) return fail(`setState: unknown progress state ${JSON.stringify(state)}`);
      return { ok: true, message: { type: t, uuid: raw.uuid as string, state } };
    }
    case 'markNotApplicable': {
      const bad = uuid();
      if (bad) return bad;
      const reason = raw.reason;
      if (reason === undefined) return { ok: true, message: { type: t, uuid: raw.uuid as string } };
      if (typeof reason !== 'string' || reason.length > MAX_REASON || /\0/.test(reason)) return fail(`markNotApplicable: reason must be text of at most ${MAX_REASON} characters`);
      const trimmed = reason.trim();
      return { ok: true, message: { type: t, uuid: raw.uuid as string, ...(trimmed ? { reason: trimmed } : {}) } };
    }
    case 'openEvidence': {
      if (!isSafeRelativePath(raw.path)) return fail('openEvidence: path must be a relative path inside the workspace');
      if (!positiveInt(raw.line, 10_000_000)) return fail('openEvidence: line must be a positive whole number');
      if (raw.column !== undefined && !positiveInt(raw.column, 1_000_000)) return fail('openEvidence: column must be a positive whole number');
      return { ok: true, message: { type: t, path: raw.path, line: raw.line, ...(raw.column !== undefined ? { column: raw.column as number } : {}) } };
    }
    case 'openExternal': {
      const url = safeHref(typeof raw.url === 'string' ? raw.url : undefined);
      if (!url) return fail('openExternal: only https links can be opened');
      return { ok: true, message: { type: t, url } };
    }
    case 'setTargetLevel':
      if (!positiveInt(raw.level, 5)) return fail('setTargetLevel: level must be 1 to 5');
      return { ok: true, message: { type: t, level: raw.level } };
    case 'export':
      if (typeof raw.format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(raw.format)) return fail(`export: format must be one of ${EXPORT_FORMATS.join(', ')}`);
      return { ok: true, message: { type: t, format: raw.format as ExportFormat } };
  }
}
