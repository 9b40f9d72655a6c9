// A self-contained HTML report of an assessment (the dashboard's heatmap, progress, next best
// activities and every activity with its evidence), for sharing outside the editor. No scripts,
// no external resources; every model- or workspace-derived string is escaped.
import { activityUrl } from '../guidance/lookup';
import { Model } from '../model/types';
import { ActivityResult, notApplicableScoringNote, notApplicableSummary, ScanResult, TeamEvidence } from '../scan/result';
import { buildDashboard, CellView } from '../view/dashboard';
import { escapeHtml as h, safeHref } from '../view/html';
import { statusLabel } from './text';
import { InputProblem } from './inputProblems';

export interface HtmlReportOptions {
  targetLevel: number;
  /** Shown in the header; 'YYYY-MM-DD HH:MM' UTC of now by default. */
  generated?: string;
  /** Configuration files the scan could not use in full, listed with the files' problems. */
  inputProblems?: InputProblem[];
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff; --cell: 46, 160, 67; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --bg: #0d1117; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; } .muted { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.cell { text-align: center; min-width: 4rem; background: rgba(var(--cell), var(--share, 0)); }
td.empty { background: transparent; color: var(--muted); }
th.target, td.target { outline: 2px solid var(--fg); outline-offset: -2px; }
td.beyond { opacity: .6; }
.bar { display: inline-block; width: 10rem; height: .6rem; border: 1px solid var(--border); vertical-align: middle; }
.bar > span { display: block; height: 100%; background: rgb(var(--cell)); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 90%; }
ul.evidence { margin: 0; padding-left: 1.1rem; }
`;

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function bar(share: number): string {
  // Width classes instead of inline styles keep the report free of style attributes with data.
  return `<span class="bar" role="img" aria-label="${pct(share)}"><span class="w${Math.round(share * 20) * 5}"></span></span>`;
}

function widthRules(): string {
  return Array.from({ length: 21 }, (_, i) => `.bar > span.w${i * 5} { width: ${i * 5}%; }`).join('\n');
}

function shareRules(): string {
  return Array.from({ length: 11 }, (_, i) => `td.s${i * 10} { --share: ${(i / 10) * 0.85}; }`).join('\n');
}

function cell(c: CellView, target: number): string {
  const classes = [c.level === target ? 'target' : '', c.level > target ? 'beyond' : ''];
  if (!c.total) return `<td class="cell empty ${classes.join(' ')}">–</td>`;
  return `<td class="cell s${Math.round((c.share ?? 0) * 10) * 10} ${classes.join(' ')}" title="${c.achieved} of ${c.total} achieved">${c.achieved}/${c.total}</td>`;
}

/** The last segment of a folder path or URI ("acme-shop" for /home/me/src/acme-shop or file:///…/acme-shop/). */
function folderName(root: string): string {
  const trimmed = root.replace(/[\\/]+$/, '');
  const last = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(last) || trimmed;
  } catch {
    return last || trimmed;
  }
}

function decision(a: ActivityResult): string {
  if (a.notApplicable) return `Not applicable: ${h(a.notApplicable.reason)}${a.notApplicable.date ? ` <span class="muted">(${h(a.notApplicable.date)})</span>` : ''}<br><span class="muted">${h(notApplicableScoringNote(a.notApplicable))}</span>`;
  if (a.progress) return `${h(a.progress.state)} <span class="muted">since ${h(a.progress.date)} (${h(a.progress.team)})</span>`;
  return '';
}

/** A team evidence entry of the DSOMM evidence file: title, who, when, links, text. */
function htmlEvidence(e: TeamEvidence): string {
  const meta = [e.reviewer ? `reviewed by ${h(e.reviewer)}` : '', e.date ? h(e.date) : ''].filter(Boolean).join(' · ');
  const links = e.attachments
    .map((x) => safeHref(x.url))
    .filter((u): u is string => !!u)
    .map((u) => `<a href="${h(u)}">${h(u)}</a>`)
    .join(' ');
  const text = e.description.trim() ? `<br>${h(e.description.trim().slice(0, 600))}` : '';
  return `<div class="evidence-entry"><strong>${h(e.title)}</strong>${meta ? ` <span class="muted">(${meta})</span>` : ''}${links ? ` ${links}` : ''}${text}</div>`;
}

export function renderHtmlReport(result: ScanResult, model: Model, options: HtmlReportOptions): string {
  const view = buildDashboard(model, result, { targetLevel: options.targetLevel, maxNextBest: 10 });
  const target = view.targetLevel;
  const generated = options.generated ?? new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<title>DSOMM assessment</title>', `<style>${STYLE}\n${widthRules()}\n${shareRules()}</style>`, '</head>', '<body>');
  out.push('<h1>DSOMM assessment</h1>');
  // The folder's name, not its absolute path: a report is shared, the path says nothing to others.
  out.push(`<p class="muted">${h(folderName(result.root))} · model ${h(result.model.version ?? '?')} · ${result.model.activityCount} activities · generated ${h(generated)}</p>`);
  out.push(`<p><strong>Achieved level ${result.achievedLevel}</strong> · target level ${target}: ${view.overall.achieved} of ${view.overall.total} activities detected, done or not applicable ${bar(view.overall.share)} ${pct(view.overall.share)}</p>`);

  const naNote = notApplicableSummary(result);
  if (naNote) out.push(`<p class="muted">${h(naNote)}</p>`);

  out.push('<h2>Progress up to the target level</h2>', '<table>', '<thead><tr><th>Dimension</th><th>Achieved</th><th>Share</th></tr></thead>', '<tbody>');
  for (const d of view.dimensions) out.push(`<tr><td>${h(d.name)}</td><td>${d.progress.achieved}/${d.progress.total}</td><td>${bar(d.progress.share)} ${pct(d.progress.share)}</td></tr>`);
  out.push('</tbody>', '</table>');

  out.push('<h2>Heatmap</h2>', '<p class="muted">Achieved (detected, done or not applicable) of all activities per sub-dimension and level; the target level is outlined.</p>');
  out.push('<table>', `<thead><tr><th>Dimension / sub-dimension</th>${view.levels.map((l) => `<th class="${l === target ? 'target' : ''}">Level ${l}</th>`).join('')}</tr></thead>`, '<tbody>');
  for (const d of view.dimensions) {
    out.push(`<tr><th>${h(d.name)}</th>${d.cells.map((c) => cell(c, target)).join('')}</tr>`);
    for (const s of d.subdimensions) out.push(`<tr><td>&nbsp;&nbsp;${h(s.name)}</td>${s.cells.map((c) => cell(c, target)).join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');

  if (view.nextBest.length) {
    out.push('<h2>Next best activities</h2>', '<p class="muted">Not yet achieved, at or below the target level, dependencies met; by level, then usefulness for the effort.</p>', '<ol>');
    for (const a of view.nextBest) out.push(`<li>${h(a.name)} <span class="muted">— level ${a.level}, ${h(a.dimension)} › ${h(a.subdimension)}, ${h(a.statusText ?? '')}</span></li>`);
    out.push('</ol>');
  }

  const byUuid = new Map(result.activities.map((a) => [a.activity.uuid, a]));
  out.push('<h2>Activities</h2>');
  for (const d of view.dimensions) {
    const list = d.subdimensions.flatMap((s) => s.cells.flatMap((c) => c.activities)).map((u) => byUuid.get(u)).filter((a): a is ActivityResult => !!a);
    list.sort((a, b) => a.activity.level - b.activity.level || a.activity.subdimension.localeCompare(b.activity.subdimension) || a.activity.name.localeCompare(b.activity.name));
    // Columns nobody would find anything in are left out (no team decisions yet, no evidence in files).
    const withDecision = list.some((a) => decision(a) !== '' || (a.teamEvidence ?? []).length > 0);
    const withEvidence = list.some((a) => a.evidence.length > 0);
    out.push(`<h3>${h(d.name)}</h3>`, '<table>', `<thead><tr><th>Level</th><th>Sub-dimension</th><th>Activity</th><th>Status</th>${withDecision ? '<th>Team decision</th>' : ''}${withEvidence ? '<th>Evidence</th>' : ''}</tr></thead>`, '<tbody>');
    for (const a of list) {
      const link = safeHref(activityUrl(a.activity.uuid));
      const name = link ? `<a href="${h(link)}">${h(a.activity.name)}</a>` : h(a.activity.name);
      const evidence = a.evidence.length
        ? `<ul class="evidence">${a.evidence.slice(0, 5).map((e) => `<li><code>${h(e.loc.path)}:${e.loc.line}</code> ${h(e.text)}</li>`).join('')}${a.evidence.length > 5 ? `<li class="muted">… ${a.evidence.length - 5} more</li>` : ''}</ul>`
        : '';
      const team = [decision(a), ...(a.teamEvidence ?? []).map(htmlEvidence)].filter(Boolean).join('');
      out.push(`<tr><td>${a.activity.level}</td><td>${h(a.activity.subdimension)}</td><td>${name}</td><td>${h(statusLabel(a))}</td>${withDecision ? `<td>${team}</td>` : ''}${withEvidence ? `<td>${evidence}</td>` : ''}</tr>`);
    }
    out.push('</tbody>', '</table>');
  }

  const problems = result.files.filter((f) => f.problems.length);
  const inputs = options.inputProblems ?? [];
  if (problems.length || inputs.length) {
    out.push('<h2>Files with problems</h2>', '<ul>');
    for (const p of inputs) out.push(`<li><code>${h(p.path)}${p.line ? `:${p.line}` : ''}</code> ${h(p.message)}</li>`);
    for (const f of problems) for (const p of f.problems) out.push(`<li><code>${h(f.path)}${p.line ? `:${p.line}` : ''}</code> ${h(p.message)}</li>`);
    out.push('</ul>');
  }
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
