// The activity details panel: renders the view-model of src/core/view/activityDetails.ts.
// @ts-check
/** @typedef {import('./protocol').DetailsUpdate} DetailsUpdate */
/** @typedef {NonNullable<DetailsUpdate['view']>} DetailsView */
(function () {
  'use strict';
  const { el, statusBadge, blocks, externalLink, send, onUpdate, replaceApp, setState } = window.dsomm;

  /** @param {string} title @param {import('./protocol').Child[]} content */
  function section(title, ...content) {
    const body = content.flat().filter(Boolean);
    if (!body.length) return null;
    return el('section', { class: 'section' }, el('h2', { text: title }), body);
  }

  /** @param {string} title @param {DetailsView['description'] | undefined} list */
  function textSection(title, list) {
    return list && list.length ? section(title, blocks(list)) : null;
  }

  /** @param {string} label @param {number | undefined} value */
  function rating(label, value, { invert = false } = {}) {
    if (typeof value !== 'number') return el('div', { class: 'rating' }, el('span', { class: 'rating-label', text: label }), el('span', { class: 'muted', text: 'not rated' }));
    const n = Math.max(0, Math.min(5, Math.round(value)));
    return el('div', { class: 'rating', role: 'img', 'aria-label': `${label}: ${value} of 5` },
      el('span', { class: 'rating-label', text: label }),
      el('span', { class: `dots${invert ? ' effort' : ''}`, 'aria-hidden': 'true' }, [1, 2, 3, 4, 5].map((i) => el('span', { class: i <= n ? 'dot on' : 'dot' }))),
      el('span', { class: 'muted', text: `${value}/5` }));
  }

  /** @param {DetailsView['dependencies']} list @param {string} empty */
  function activityList(list, empty) {
    if (!list.length) return el('p', { class: 'muted', text: empty });
    return el('ul', { class: 'activity-list' }, list.map((d) =>
      el('li', null, el('button', {
        class: 'link-button',
        'aria-label': `${d.name}, level ${d.level}, ${d.statusText || 'not assessed'}. Open details`,
        onclick: () => send({ type: 'openActivity', uuid: d.uuid }),
      }, el('span', { class: 'name', text: d.name }), el('span', { class: 'muted', text: ` L${d.level}` })), ' ', statusBadge(d.status, d.statusText))));
  }

  /** @param {DetailsView} v */
  function actions(v) {
    const current = v.progress && v.progress.state;
    const select = el('select', { id: 'state', 'aria-label': 'Progress state' },
      current ? null : el('option', { value: '', text: 'Progress state…', disabled: true, selected: true }),
      v.states.map((s) => el('option', { value: s, text: s, selected: current === s })));
    const reason = el('input', { id: 'reason', type: 'text', placeholder: 'Reason (asked for if empty)', 'aria-label': 'Reason the activity does not apply', maxlength: '2000' });
    return el('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Activity actions' },
      el('div', { class: 'action-group' },
        select,
        el('button', { class: 'primary', text: 'Set state', onclick: () => (select.value ? send({ type: 'setState', uuid: v.uuid, state: select.value }) : select.focus()) })),
      el('div', { class: 'action-group' },
        reason,
        el('button', { text: 'Mark not applicable', onclick: () => send({ type: 'markNotApplicable', uuid: v.uuid, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }) })),
      el('div', { class: 'action-group' },
        el('button', { text: 'Add evidence…', title: 'Record evidence for the DSOMM web app (title, text, link)', onclick: () => send({ type: 'addEvidence', uuid: v.uuid }) }),
        (v.progress || v.notApplicable) && el('button', { text: 'Reset decision', onclick: () => send({ type: 'resetActivity', uuid: v.uuid }) }),
        v.fixAvailable && el('button', { class: 'primary', text: 'Insert fix…', title: 'Add a job or step for this activity to your pipeline', onclick: () => send({ type: 'insertFix', uuid: v.uuid }) }),
        el('button', { text: 'Open DSOMM page', title: v.webUrl, onclick: () => send({ type: 'openInWeb', uuid: v.uuid }) })));
  }

  /** @param {DetailsView} v */
  function teamState(v) {
    /** @type {HTMLElement[]} */
    const lines = [];
    if (v.notApplicable) {
      const by = [v.notApplicable.by && `by ${v.notApplicable.by}`, v.notApplicable.date && `on ${v.notApplicable.date}`].filter(Boolean).join(' ');
      lines.push(el('p', { class: 'decision na' }, el('strong', { text: 'Not applicable: ' }), v.notApplicable.reason, by ? el('span', { class: 'muted', text: ` (${by})` }) : null));
      lines.push(el('p', { class: 'muted scoring', text: `Not applicable ${v.notApplicable.scoring}.` }));
    }
    if (v.progress) lines.push(el('p', { class: 'decision' }, el('strong', { text: `${v.progress.teamLabel}: ` }), v.progress.state, el('span', { class: 'muted', text: ` since ${v.progress.date}` })));
    if (v.detectedText) lines.push(el('p', { class: 'muted', text: `The files alone show: ${v.detectedText}.` }));
    if (v.note) lines.push(el('p', { class: 'muted', text: v.note }));
    for (const reason of v.reasons || []) lines.push(el('p', { class: 'muted reason', text: reason }));
    return lines;
  }

  /** @param {DetailsView} v */
  function evidence(v) {
    if (!v.evidence.length) {
      return el('p', { class: 'muted', text: v.status === 'unknown' ? 'This activity cannot be seen in files: the team decides.' : 'Nothing in the indexed files shows this activity.' });
    }
    return el('ul', { class: 'evidence' }, v.evidence.map((e) =>
      el('li', null, el('button', {
        class: 'link-button',
        'aria-label': `Open ${e.path} at line ${e.line}: ${e.text}`,
        onclick: () => send({ type: 'openEvidence', path: e.path, line: e.line, column: e.column }),
      }, el('code', { class: 'path', text: `${e.path}:${e.line}` })), ' ', el('span', { text: e.text }), e.tool ? el('span', { class: 'muted', text: ` (${e.tool})` }) : null)));
  }

  /** @param {DetailsView} v */
  function teamEvidence(v) {
    if (!v.teamEvidence.length) return el('p', { class: 'muted', text: 'No evidence recorded for the team yet. Evidence added here or in the DSOMM web app is shown on the activity there too.' });
    return el('ul', { class: 'team-evidence' }, v.teamEvidence.map((e) => {
      const meta = [e.teams.length ? e.teams.join(', ') : '', e.reviewer ? `reviewed by ${e.reviewer}` : '', e.date || ''].filter(Boolean).join(' · ');
      return el('li', { class: 'evidence-entry' },
        el('div', null, el('strong', { text: e.title }), meta ? el('span', { class: 'muted', text: ` — ${meta}` }) : null),
        e.description.length ? el('div', { class: 'evidence-text' }, blocks(e.description)) : null,
        e.links.length ? el('div', { class: 'evidence-links' }, e.links.map((l, k) => [k ? ' ' : '', externalLink(l.text, l.url)])) : null);
    }));
  }

  /** @param {DetailsUpdate} m */
  function render(m) {
    const v = m.view;
    setState({ uuid: m.uuid, ...(m.folder ? { folder: m.folder } : {}) });
    if (!v) {
      replaceApp(el('p', { class: 'notice', text: 'This activity is not part of the current DSOMM model.' }));
      return;
    }
    replaceApp(
      el('header', { class: 'header' },
        el('h1', { text: v.name }),
        el('p', { class: 'meta' }, el('span', { text: `${v.dimension} › ${v.subdimension}` }), el('span', { class: 'level', text: `Level ${v.level}` }), statusBadge(v.status, v.statusText)),
        teamState(v)),
      actions(v),
      section('Evidence in your files', evidence(v)),
      section('Team evidence (DSOMM web app)', teamEvidence(v)),
      textSection('Description', v.description),
      textSection('Risk', v.risk),
      textSection('Measure', v.measure),
      textSection('How to assess', v.assessment),
      textSection('Implementation guide', v.implementationGuide),
      section('Depends on', activityList(v.dependencies, 'No dependencies.')),
      v.dependents.length ? section('Needed by', activityList(v.dependents, '')) : null,
      section('Effort and value',
        el('div', { class: 'ratings' },
          rating('Knowledge', v.difficulty.knowledge, { invert: true }),
          rating('Time', v.difficulty.time, { invert: true }),
          rating('Resources', v.difficulty.resources, { invert: true }),
          rating('Usefulness', v.usefulness))),
      v.tools.length ? section('Tools', el('ul', { class: 'tools' }, v.tools.map((t) => el('li', null, externalLink(t.text, t.url), t.description ? el('span', { class: 'muted', text: ` — ${t.description}` }) : null)))) : null,
      v.references.length ? section('References', el('dl', { class: 'references' }, v.references.map((r) => [el('dt', { text: r.label }), el('dd', null, r.items.map((i, k) => [k ? ', ' : '', externalLink(i.text, i.url)]))]))) : null,
    );
  }

  onUpdate(render);
})();
