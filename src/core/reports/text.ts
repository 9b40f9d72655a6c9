// Terminal and Markdown reports of a scan, grouped by dimension, with a progress summary.
import { ActivityResult, ActivityStatus, isAchieved, notApplicableSummary, ScanResult, TeamEvidence } from '../scan/result';
import { nextBestActivities } from '../view/dashboard';
import { escapeControls } from './controls';
import { escapeMarkdown } from '../markdown';
import { InputProblem, inputProblemText } from './inputProblems';

export const STATUS_LABEL: Record<ActivityStatus, string> = {
  detected: 'detected',
  partial: 'partial',
  missing: 'missing',
  unknown: 'needs decision',
  'not-applicable': 'not applicable',
  done: 'done',
  'in-progress': 'in progress',
};

/** The status label of a report row: an unknown that may run in code the scan cannot read says so. */
export function statusLabel(a: ActivityResult): string {
  return a.status === 'unknown' && a.remote ? 'unknown (remote)' : STATUS_LABEL[a.status];
}

const STATUS_MARK: Record<ActivityStatus, string> = {
  detected: '✔', done: '✔', 'not-applicable': '–', partial: '◐', 'in-progress': '◐', missing: '✘', unknown: '?',
};

export interface ReportOptions {
  /** Show activities up to this level (default: all). */
  level?: number;
  /** Markdown: add the dashboard's "next best activities" for this target level. */
  nextBestFor?: number;
  /** Configuration files the scan could not use in full (tools file, model file), listed with the files' problems. */
  inputProblems?: InputProblem[];
}

function visible(r: ScanResult, o: ReportOptions): ActivityResult[] {
  return r.activities.filter((a) => !o.level || a.activity.level <= o.level);
}

function groups(list: ActivityResult[]): Map<string, ActivityResult[]> {
  const m = new Map<string, ActivityResult[]>();
  for (const a of list) (m.get(a.activity.dimension) ?? m.set(a.activity.dimension, []).get(a.activity.dimension)!).push(a);
  for (const v of m.values()) v.sort((a, b) => a.activity.level - b.activity.level || a.activity.subdimension.localeCompare(b.activity.subdimension) || a.activity.name.localeCompare(b.activity.name));
  return m;
}

function levelLine(r: ScanResult, o: ReportOptions): string[] {
  const lines = [`Achieved DSOMM level: ${r.achievedLevel}${o.level ? ` (target ${o.level})` : ''}`];
  for (const l of r.levels) {
    if (o.level && l.level > o.level) break;
    lines.push(`  Level ${l.level}: ${l.achieved}/${l.decidable} achieved${l.undecided ? `, ${l.undecided} need a human decision` : ''}`);
  }
  return lines;
}

export function toTextReport(r: ScanResult, o: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`DSOMM scan of ${r.root} (model ${r.model.version ?? '?'}, ${r.model.activityCount} activities)`);
  const problems = r.files.filter((f) => f.problems.length);
  out.push(`${r.files.length} pipeline/container/repository files indexed${problems.length ? `, ${problems.length} with problems` : ''}`);
  out.push('');
  out.push(...levelLine(r, o));
  const naNote = notApplicableSummary(r, o.level);
  if (naNote) out.push(`  ${naNote}`);
  for (const [dim, list] of groups(visible(r, o))) {
    const achieved = list.filter(isAchieved).length;
    out.push('');
    out.push(`${dim}  (${achieved}/${list.length})`);
    for (const a of list) {
      out.push(`  ${STATUS_MARK[a.status]} L${a.activity.level} ${a.activity.name} — ${statusLabel(a)}`);
      for (const e of a.evidence.slice(0, 3)) out.push(`      ${e.loc.path}:${e.loc.line}  ${e.text}`);
      if (a.evidence.length > 3) out.push(`      … ${a.evidence.length - 3} more`);
    }
  }
  const inputs = o.inputProblems ?? [];
  if (problems.length || inputs.length) {
    out.push('');
    out.push('Files with problems:');
    for (const p of inputs) out.push(`  ${inputProblemText(p)}`);
    for (const f of problems) for (const p of f.problems) out.push(`  ${f.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  // Housekeeping blocks (stale-issue closers, labelers) are known to run no check: not "may run more tools".
  const unread = r.external.filter((x) => !x.housekeeping);
  const chores = r.external.filter((x) => x.housekeeping);
  if (unread.length) {
    out.push('');
    out.push('External references (cannot be read offline, not counted):');
    for (const x of unread) out.push(`  ${x.from}:${x.loc.line}  ${x.kind} ${x.ref}`);
  }
  if (chores.length) {
    out.push('');
    out.push('Housekeeping blocks (known to run no security check):');
    for (const x of chores) out.push(`  ${x.from}:${x.loc.line}  ${x.kind} ${x.ref} (${x.housekeeping})`);
  }
  // Each entry is one line: a newline or ESC inside a name or message is shown, never obeyed.
  return out.map(escapeControls).join('\n');
}

/** A code span: Markdown escapes do not work inside one (and HTML is not interpreted there). */
function codeSpan(text: string): string {
  return '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ') + '`';
}

/** The team's word on an activity, for the status column ('' when the team recorded nothing). */
function teamDecision(a: ActivityResult): string {
  const flat = (t: string) => escapeMarkdown(t.replace(/\s+/g, ' ').trim());
  if (a.notApplicable) return `: ${flat(a.notApplicable.reason)}${a.notApplicable.date ? ` (${flat(a.notApplicable.date)})` : ''}`;
  if (a.progress) return ` (${flat(a.progress.state)} since ${flat(a.progress.date)})`;
  return '';
}

/** One evidence entry as a Markdown list item: title, teams, reviewer, date, links, then the text. */
function markdownEvidence(e: TeamEvidence): string {
  const flat = (t: string) => escapeMarkdown(t.replace(/\s+/g, ' ').trim());
  const meta = [e.teams.length ? flat(e.teams.join(', ')) : '', e.reviewer ? `reviewed by ${flat(e.reviewer)}` : '', e.date ? flat(e.date) : ''].filter(Boolean).join(' · ');
  const links = e.attachments.filter((x) => /^https?:\/\//i.test(x.url)).map((x) => `<${x.url.replace(/[<>\s]/g, encodeURIComponent)}>`).join(' ');
  const text = e.description.trim() ? `\n  ${flat(e.description).slice(0, 600)}` : '';
  return `- **${flat(e.title)}**${meta ? ` (${meta})` : ''}${links ? ` ${links}` : ''}${text}`;
}

export function toMarkdownReport(r: ScanResult, o: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`# DSOMM assessment`);
  out.push('');
  out.push(`Model ${escapeMarkdown(r.model.version ?? '?')} · ${r.model.activityCount} activities · **achieved level ${r.achievedLevel}**${o.level ? ` (target ${o.level})` : ''}`);
  out.push('');
  out.push('| Level | Achieved | Need a decision |');
  out.push('| --- | --- | --- |');
  for (const l of r.levels) if (!o.level || l.level <= o.level) out.push(`| ${l.level} | ${l.achieved}/${l.decidable} | ${l.undecided} |`);
  const naNote = notApplicableSummary(r, o.level);
  if (naNote) out.push('', escapeMarkdown(naNote));
  if (o.nextBestFor) {
    const next = nextBestActivities(r, o.nextBestFor, 10);
    out.push('', `## Next best activities (target level ${o.nextBestFor})`, '');
    if (!next.length) out.push(`Everything up to level ${o.nextBestFor} whose dependencies are met is achieved.`);
    next.forEach((a, i) => out.push(`${i + 1}. ${escapeMarkdown(a.name)} — level ${a.level}, ${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}, ${STATUS_LABEL[a.status!]}`));
  }
  for (const [dim, list] of groups(visible(r, o))) {
    out.push('');
    out.push(`## ${escapeMarkdown(dim)}`);
    out.push('');
    out.push('| Level | Activity | Status | Evidence |');
    out.push('| --- | --- | --- | --- |');
    for (const a of list) {
      const evidence = a.evidence.slice(0, 2).map((e) => codeSpan(`${e.loc.path}:${e.loc.line}`)).join(', ');
      out.push(`| ${a.activity.level} | ${escapeMarkdown(a.activity.name)} | ${STATUS_MARK[a.status]} ${statusLabel(a)}${teamDecision(a)} | ${evidence} |`);
    }
  }
  const withEvidence = visible(r, o).filter((a) => a.teamEvidence?.length);
  if (withEvidence.length) {
    out.push('', '## Team evidence', '');
    for (const a of withEvidence) {
      out.push(`### ${escapeMarkdown(a.activity.name)}`, '');
      for (const e of a.teamEvidence!) out.push(markdownEvidence(e));
      out.push('');
    }
  }
  const problems = r.files.filter((f) => f.problems.length);
  const inputs = o.inputProblems ?? [];
  if (problems.length || inputs.length) {
    out.push('');
    out.push('## Files with problems');
    out.push('');
    for (const p of inputs) out.push(`- ${codeSpan(`${p.path}${p.line ? `:${p.line}` : ''}`)}: ${escapeMarkdown(p.message)}`);
    for (const f of problems) for (const p of f.problems) out.push(`- ${codeSpan(`${f.path}${p.line ? `:${p.line}` : ''}`)}: ${escapeMarkdown(p.message)}`);
  }
  // Each entry is one line (a table row): a newline inside a name cannot break the table.
  return out.map(escapeControls).join('\n') + '\n';
}
