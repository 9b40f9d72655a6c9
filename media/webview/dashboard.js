// The maturity dashboard: renders the view-model of src/core/view/dashboard.ts. Click (or Enter
// on) a heatmap cell to list its activities; arrow keys move between cells.
// @ts-check
/** @typedef {import('./protocol').DashboardUpdate} DashboardUpdate */
/** @typedef {DashboardUpdate['view']} DashboardView */
/** @typedef {DashboardView['dimensions'][number]['cells'][number]} CellView */
/** @typedef {DashboardView['nextBest'][number]} NextBestActivity */
/** @typedef {NonNullable<import('./protocol').WebviewState['selected']>} CellSelection */
(function () {
  'use strict';
  const { el, statusBadge, send, announce, onUpdate, replaceApp, getState, setState } = window.dsomm;
  /** @type {DashboardView | undefined} */
  let view;
  /** @type {CellSelection | undefined} */
  let selected = getState().selected;

  /** @param {number} share */
  const pct = (share) => `${Math.round(share * 100)} %`;
  /** @param {number} share */
  const shareClass = (share) => `s${Math.round(share * 10) * 10}`;

  /** @param {number} share @param {string} [label] */
  function bar(share, label) {
    return el('span', { class: 'bar', role: 'img', 'aria-label': label || pct(share) }, el('span', { class: `fill w${Math.round(share * 20) * 5}` }));
  }

  /** @param {CellSelection | undefined} s */
  function selectedKey(s) {
    return s ? `${s.dimension}\u0000${s.subdimension || ''}\u0000${s.level}` : '';
  }

  /** @param {DashboardView} view @param {CellView} cell @param {number} row @param {string} dimension @param {string | undefined} subdimension */
  function cellButton(view, cell, row, dimension, subdimension) {
    const key = selectedKey({ dimension, subdimension, level: cell.level });
    const beyond = cell.level > view.targetLevel;
    const classes = ['cell', beyond ? 'beyond' : '', cell.level === view.targetLevel ? 'target' : ''];
    if (!cell.total || cell.share === undefined) return el('td', { class: classes.concat('empty').join(' ') }, el('span', { 'aria-label': 'no activities', text: '–' }));
    const where = subdimension ? `${subdimension} (${dimension})` : dimension;
    const button = el('button', {
      class: `cell-button ${shareClass(cell.share)}`,
      dataset: { row: String(row), col: String(cell.level) },
      'aria-pressed': key === selectedKey(selected) ? 'true' : 'false',
      'aria-label': `${where}, level ${cell.level}: ${cell.achieved} of ${cell.total} achieved. List activities`,
      title: `${cell.achieved} of ${cell.total} detected, done or not applicable`,
      onclick: () => select({ dimension, subdimension, level: cell.level }),
    }, el('span', { class: 'count', text: `${cell.achieved}/${cell.total}` }), el('span', { class: 'mini', 'aria-hidden': 'true' }, el('span', { class: `fill w${Math.round(cell.share * 20) * 5}` })));
    return el('td', { class: classes.join(' ') }, button);
  }

  /** @param {CellSelection} s */
  function select(s) {
    selected = s;
    setState({ selected });
    render();
    const list = document.getElementById('cell-activities');
    if (list) {
      list.scrollIntoView({ block: 'nearest' });
      announce(`${list.querySelectorAll('li').length} activities listed`);
    }
    const again = document.querySelector(`.cell-button[data-row="${CSS.escape(String(rowOf(s)))}"][data-col="${s.level}"]`);
    if (again instanceof HTMLElement) again.focus();
  }

  /** @param {CellSelection} s */
  function rowOf(s) {
    if (!view) return -1;
    let row = 0;
    for (const d of view.dimensions) {
      if (d.name === s.dimension && !s.subdimension) return row;
      row++;
      for (const sub of d.subdimensions) {
        if (d.name === s.dimension && sub.name === s.subdimension) return row;
        row++;
      }
    }
    return -1;
  }

  /** @type {Record<string, [number, number] | undefined>} */
  const ARROWS = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

  /** @param {KeyboardEvent} event */
  function moveFocus(event) {
    const from = event.target instanceof Element ? event.target.closest('.cell-button') : null;
    if (!(from instanceof HTMLElement)) return;
    const delta = ARROWS[event.key];
    if (!delta) return;
    event.preventDefault();
    let row = Number(from.dataset.row);
    let col = Number(from.dataset.col);
    const buttons = [...document.querySelectorAll('.cell-button')].filter((b) => b instanceof HTMLElement);
    const maxRow = Math.max(...buttons.map((b) => Number(b.dataset.row)));
    for (;;) {
      row += delta[0];
      col += delta[1];
      if (row < 0 || row > maxRow || col < 1 || col > 5) return;
      const next = buttons.find((b) => Number(b.dataset.row) === row && Number(b.dataset.col) === col);
      if (next) return next.focus();
    }
  }

  /** @param {DashboardView} view */
  function header(view) {
    const targetButtons = view.levels.map((l) => el('button', {
      class: l === view.targetLevel ? 'segment active' : 'segment',
      'aria-pressed': l === view.targetLevel ? 'true' : 'false',
      'aria-label': `Target level ${l}`,
      text: String(l),
      onclick: () => l !== view.targetLevel && send({ type: 'setTargetLevel', level: l }),
    }));
    return el('header', { class: 'header dashboard-header' },
      el('div', null,
        el('h1', { text: 'DevSecOps maturity' }),
        el('p', { class: 'meta muted', text: `DSOMM model ${view.model.version || '?'} · ${view.model.activityCount} activities` })),
      el('div', { class: 'toolbar' },
        el('div', { class: 'segmented', role: 'group', 'aria-label': 'Target level' }, el('span', { class: 'segmented-label', text: 'Target level' }), targetButtons),
        el('div', { class: 'action-group' },
          el('button', { text: 'Export Markdown', onclick: () => send({ type: 'export', format: 'markdown' }) }),
          el('button', { text: 'Export HTML', onclick: () => send({ type: 'export', format: 'html' }) }))));
  }

  /** @param {DashboardView} view */
  function summary(view) {
    const o = view.overall;
    return el('section', { class: 'summary', 'aria-label': 'Progress' },
      el('div', { class: 'card' },
        el('div', { class: 'big', text: String(view.achievedLevel) }),
        el('div', { class: 'muted', text: 'achieved level' })),
      el('div', { class: 'card wide' },
        el('div', { class: 'progress-title' }, el('strong', { text: `Target level ${view.targetLevel}: ` }), `${o.achieved} of the ${o.total} activities ${view.targetLevel > 1 ? `at levels 1–${view.targetLevel}` : 'at level 1'} (${pct(o.share)})`),
        bar(o.share, `${pct(o.share)} of the activities up to level ${view.targetLevel} achieved`),
        view.notApplicableNote ? el('p', { class: 'muted na-note', text: view.notApplicableNote }) : null,
        el('ul', { class: 'dimension-progress' }, view.dimensions.map((d) => el('li', null,
          el('span', { class: 'name', text: d.name }),
          bar(d.progress.share, `${d.name}: ${pct(d.progress.share)}`),
          el('span', { class: 'muted num', text: `${d.progress.achieved}/${d.progress.total}` }))))));
  }

  /** @param {DashboardView} view */
  function heatmap(view) {
    let row = 0;
    const rows = [];
    for (const d of view.dimensions) {
      rows.push(el('tr', { class: 'dimension-row' }, el('th', { scope: 'row', text: d.name }), d.cells.map((c) => cellButton(view, c, row, d.name, undefined))));
      row++;
      for (const s of d.subdimensions) {
        rows.push(el('tr', null, el('th', { scope: 'row', class: 'sub', text: s.name }), s.cells.map((c) => cellButton(view, c, row, d.name, s.name))));
        row++;
      }
    }
    const legend = el('p', { class: 'legend muted' }, 'Share achieved (detected, done or not applicable): ',
      [0, 25, 50, 75, 100].map((p) => el('span', { class: 'legend-item' }, el('span', { class: `swatch s${Math.round(p / 10) * 10}`, 'aria-hidden': 'true' }), `${p} %`)),
      el('span', { class: 'legend-item' }, el('span', { class: 'swatch target-swatch', 'aria-hidden': 'true' }), 'target level'));
    return el('section', { class: 'heatmap-section' },
      el('h2', { text: 'Heatmap' }),
      el('div', { class: 'table-scroll' },
        el('table', { class: 'heatmap', onkeydown: moveFocus },
          el('caption', { class: 'visually-hidden', text: 'Achieved activities per sub-dimension and level' }),
          el('thead', null, el('tr', null, el('th', { scope: 'col', text: 'Dimension' }), view.levels.map((l) => el('th', { scope: 'col', class: l === view.targetLevel ? 'target' : '', text: `Level ${l}` })))),
          el('tbody', null, rows))),
      legend);
  }

  /** @param {NextBestActivity | DashboardView['activities'][string]} a @param {string} [extra] */
  function activityButton(a, extra) {
    return el('button', {
      class: 'link-button',
      'aria-label': `${a.name}, level ${a.level}, ${a.statusText || 'not assessed'}. Open details`,
      onclick: () => send({ type: 'openActivity', uuid: a.uuid }),
    }, el('span', { class: 'name', text: a.name }), extra ? el('span', { class: 'muted', text: extra }) : null);
  }

  /** @param {DashboardView} view @returns {HTMLElement} */
  function cellActivities(view) {
    if (!selected) return el('section', { class: 'cell-section' }, el('h2', { text: 'Activities' }), el('p', { class: 'muted', text: 'Select a heatmap cell to list its activities.' }));
    const s = selected;
    const d = view.dimensions.find((x) => x.name === s.dimension);
    const owner = d && (s.subdimension ? d.subdimensions.find((x) => x.name === s.subdimension) : d);
    const cell = owner && owner.cells.find((c) => c.level === s.level);
    if (!cell) {
      selected = undefined;
      return cellActivities(view);
    }
    const list = cell.activities.map((u) => view.activities[u]).filter(Boolean);
    return el('section', { class: 'cell-section' },
      el('h2', { text: `${s.subdimension || s.dimension} · Level ${s.level}` }),
      el('ul', { id: 'cell-activities', class: 'activity-list' }, list.map((a) => el('li', null, statusBadge(a.status, a.statusText), ' ', activityButton(a, s.subdimension ? '' : ` · ${a.subdimension}`)))));
  }

  /** @param {DashboardView} view */
  function nextBest(view) {
    const items = view.nextBest.map((a) => el('li', null, activityButton(a),
      el('div', { class: 'muted small' }, `Level ${a.level} · ${a.dimension} › ${a.subdimension} · `, statusBadge(a.status, a.statusText),
        ` · usefulness ${a.usefulness ?? '?'}/5 · effort ${a.difficulty === undefined ? '?' : a.difficulty.toFixed(1)}/5`)));
    return el('section', { class: 'next-section' },
      el('h2', { text: 'Next best activities' }),
      el('p', { class: 'muted small', text: `Not yet achieved, up to level ${view.targetLevel}, dependencies met; lowest level first, then most useful for the effort.` }),
      items.length ? el('ol', { class: 'next-best' }, items) : el('p', { text: view.assessed ? `Everything up to level ${view.targetLevel} whose dependencies are met is achieved.` : 'Appears once the workspace is assessed.' }));
  }

  function render() {
    if (!view) return;
    const focused = document.activeElement && document.activeElement.closest('.cell-button');
    const focusAt = focused instanceof HTMLElement ? [focused.dataset.row, focused.dataset.col] : undefined;
    replaceApp(
      header(view),
      view.assessed ? null : el('p', { class: 'notice', text: 'No assessment yet: open a folder with pipeline or container files. The heatmap shows the model with nothing counted.' }),
      summary(view),
      el('div', { class: 'dashboard-grid' }, heatmap(view), el('div', { class: 'side' }, cellActivities(view), nextBest(view))),
    );
    if (focusAt) {
      const again = document.querySelector(`.cell-button[data-row="${focusAt[0]}"][data-col="${focusAt[1]}"]`);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  onUpdate(/** @param {DashboardUpdate} m */ (m) => {
    view = m.view;
    render();
  });
})();
