// The recovery meter's trend: a person should see at a glance whether things are getting better,
// measured against the same cut-offs the advice uses, and a screen reader should get the same
// figures as a table. chartModel() decides what is shown (pure, so node can test it against the
// real rules); trendChart() and trendTable() only draw it. Every number comes from `rules`
// (api/content/recovery_rules.json), so changing a cut-off there moves the bands here too.
// This module imports nothing and touches `document` only inside functions: node can load it
// (tests/js/pwa_module.mjs), and it adds no edge to the import graph. No innerHTML (strict CSP).

const SVG_NS = 'http://www.w3.org/2000/svg';

const DAY_MS = 24 * 60 * 60 * 1000;

// The drawing, in viewBox units (1 unit is 1 px at 320 px wide).
const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 18, right: 14, bottom: 24, left: 26 };
const RADIUS = 4;
const FONT_SIZE = 10;
const MAX_DATES_ALL = 4; // more points than this: only the first and last date under the axis

// Default looks (presentation attributes, which any rule in the app's CSS overrides).
const BAND_FILL = { ok: '#dcefe1', raised: '#fbeec6', high: '#f6d5d1' };

// The PCL-5 band names of the rules -> the kind of band the chart draws.
const PCL5_KINDS = { low: 'ok', raised: 'raised', high: 'high' };

// The PCL-5 clusters as charts, in this order.
const CLUSTER_CHARTS = [['intrusions', 'B'], ['avoidance', 'C'], ['thoughts', 'D'],
  ['arousal', 'E']];

/** How many items a {first, last} part of an instrument has. */
const partItems = (part) => part.last - part.first + 1;

const complete = (instrument) => instrument?.status === 'complete';

/** 'clear_better' / 'clear_worse' for a clear change with a direction. */
const clear = (direction) => `clear_${direction}`;

/** The PCL-5 change as the chart names it: null, 'stable', 'possible' or 'clear_…'. */
function pcl5Change(scores) {
  const change = complete(scores.pcl5) ? scores.pcl5.change : null;
  if (!change) return null;
  return change.label === 'clear' && change.direction ? clear(change.direction) : change.label;
}

/** The WHO-5 change as the chart names it: 'clear_…' when significant, else 'stable' or null. */
function who5Change(scores) {
  const change = complete(scores.who5) ? scores.who5.change : null;
  if (!change) return null;
  return change.significant && change.direction ? clear(change.direction) : 'stable';
}

/** Bands from a sorted list of {from, band} entries, each up to the next `from` (last: max). */
function ruleBands(entries, max, kinds) {
  return entries.map((entry, i) => ({
    from: entry.from,
    to: i + 1 < entries.length ? entries[i + 1].from : max,
    kind: kinds[entry.band] ?? entry.band,
  }));
}

/** The charts' definitions, in their order: value and change of one result's scores. */
function definitions(rules) {
  const { phq4, who5, pcl5 } = rules.instruments;
  const subscale = (name) => {
    const max = partItems(phq4.subscales[name]) * phq4.max;
    const at = phq4.subscale_positive_at;
    return {
      key: name === 'gad2' ? 'worry' : 'mood', max, higherIsBetter: false,
      bands: [{ from: 0, to: at, kind: 'ok' }, { from: at, to: max, kind: 'raised' }],
      value: (s) => (complete(s.phq4) ? s.phq4[name] : null), change: () => null,
    };
  };
  const who5Max = who5.items * who5.max * who5.percent_factor;
  const low = who5.low_wellbeing_below * who5.percent_factor;
  const pcl5Max = pcl5.items * pcl5.max;
  return [
    subscale('gad2'),
    subscale('phq2'),
    {
      key: 'wellbeing', max: who5Max, higherIsBetter: true,
      bands: [{ from: 0, to: low, kind: 'raised' }, { from: low, to: who5Max, kind: 'ok' }],
      value: (s) => (complete(s.who5) ? s.who5.percent : null), change: who5Change,
    },
    {
      key: 'pcl5', max: pcl5Max, higherIsBetter: false,
      bands: ruleBands(pcl5.bands, pcl5Max, PCL5_KINDS),
      value: (s) => (complete(s.pcl5) ? s.pcl5.total : null), change: pcl5Change,
    },
    ...CLUSTER_CHARTS.map(([key, cluster]) => ({
      key, max: partItems(pcl5.clusters[cluster]) * pcl5.max, higherIsBetter: false, bands: [],
      value: (s) => (complete(s.pcl5) ? s.pcl5.clusters[cluster] : null), change: () => null,
    })),
  ];
}

/**
 * What the trend shows, from results() of rules/recovery.js (in time order) and the rules:
 * {dates, charts}. A chart is there only when at least one test gives it a value (so no PCL-5
 * charts before the first complete PCL-5); each has one point per test, its value null when that
 * test's instrument is not complete (a gap in the line).
 */
export function chartModel(results, rules) {
  const charts = [];
  for (const def of definitions(rules)) {
    const points = results.map((result, index) => ({
      index,
      date: result.taken_at,
      value: def.value(result.scores) ?? null,
      change: def.change(result.scores),
      early: Boolean(result.early),
    }));
    if (!points.some((point) => point.value !== null)) continue;
    charts.push({ key: def.key, max: def.max, higherIsBetter: def.higherIsBetter,
      bands: def.bands, points });
  }
  return { dates: results.map((result) => result.taken_at), charts };
}

// -- drawing --------------------------------------------------------------------------------

/** One decimal is enough for a 320 px drawing and keeps the attributes short. */
const round = (n) => Math.round(n * 10) / 10;

/** An SVG element with attributes (no innerHTML: text goes in as textContent). */
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** An HTML element with attributes and children (text as text nodes). */
function html(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

const isoDay = (iso) => String(iso).slice(0, 10);

/**
 * The chart of chartModel() as an <svg> (viewBox 320 x 160, width 100%): the bands behind, the
 * line through the values (broken where a value is missing), a dot per value (hollow for an
 * early test), the change above a dot and the dates below. `texts`: {title (also the accessible
 * name), change: {stable, possible, clear_better, clear_worse}, formatDate(iso)}.
 */
export function trendChart(chart, texts) {
  const formatDate = texts.formatDate ?? isoDay;
  const changeText = texts.change ?? {};
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img',
    'aria-label': texts.title, class: `trend-chart trend-${chart.key}`,
    'font-size': FONT_SIZE });
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const bottom = PAD.top + plotH;
  const max = chart.max > 0 ? chart.max : 1;
  const yOf = (value) => round(PAD.top + plotH * (1 - Math.min(Math.max(value, 0), max) / max));
  const count = chart.points.length;
  const xOf = (index) => round(count > 1 ? PAD.left + (plotW * index) / (count - 1)
    : PAD.left + plotW / 2);
  // Text near the left or right edge is anchored inwards, so it is not cut off.
  const anchor = (index) => {
    if (count < 2) return 'middle';
    if (index === 0) return 'start';
    return index === count - 1 ? 'end' : 'middle';
  };

  for (const band of chart.bands) {
    const top = yOf(band.to);
    root.append(svg('rect', { class: `band band-${band.kind}`, x: PAD.left, y: top,
      width: plotW, height: round(yOf(band.from) - top), fill: BAND_FILL[band.kind] ?? 'none' }));
  }
  root.append(svg('line', { class: 'axis', x1: PAD.left, y1: bottom, x2: PAD.left + plotW,
    y2: bottom, stroke: 'currentColor', 'stroke-width': 1 }));
  const tick = (value) => svg('text', { class: 'axis-label', x: PAD.left - RADIUS,
    y: yOf(value) + FONT_SIZE / 3, 'text-anchor': 'end', fill: 'currentColor' }, String(value));
  root.append(tick(0), tick(chart.max));

  // The line: one polyline per run of consecutive values; a lone value is a dot only.
  let run = [];
  const endRun = () => {
    if (run.length > 1) {
      root.append(svg('polyline', { class: 'trend-line', points: run.join(' '), fill: 'none',
        stroke: 'currentColor', 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    }
    run = [];
  };
  for (const point of chart.points) {
    if (point.value === null || point.value === undefined) endRun();
    else run.push(`${xOf(point.index)},${yOf(point.value)}`);
  }
  endRun();

  for (const point of chart.points) {
    const x = xOf(point.index);
    if (point.value !== null && point.value !== undefined) {
      const y = yOf(point.value);
      root.append(svg('circle', { class: point.early ? 'point early' : 'point', cx: x, cy: y,
        r: RADIUS, fill: point.early ? 'none' : 'currentColor', stroke: 'currentColor',
        'stroke-width': 2 }));
      const label = point.change ? changeText[point.change] : null;
      if (label) {
        root.append(svg('text', { class: `change change-${point.change}`, x, y: y - 2 * RADIUS,
          'text-anchor': anchor(point.index), fill: 'currentColor' }, label));
      }
    }
    const dated = count <= MAX_DATES_ALL || point.index === 0 || point.index === count - 1;
    if (dated) {
      root.append(svg('text', { class: 'date', x, y: HEIGHT - FONT_SIZE / 2,
        'text-anchor': anchor(point.index), fill: 'currentColor' }, formatDate(point.date)));
    }
  }
  return root;
}

/**
 * The same figures as a <table> for screen readers: a row per test (its date, marked when it
 * was early), a column per chart. `texts`: {caption, names: {date, <chart key>…}, early,
 * formatDate(iso) (optional), change: {…} (optional: the change after the value)}.
 */
export function trendTable(model, texts) {
  const formatDate = texts.formatDate ?? isoDay;
  const names = texts.names ?? {};
  const head = html('tr', {}, html('th', { scope: 'col' }, names.date ?? ''),
    ...model.charts.map((chart) => html('th', { scope: 'col' }, names[chart.key] ?? chart.key)));
  const rows = model.dates.map((date, row) => {
    const early = model.charts.some((chart) => chart.points[row]?.early);
    const when = html('th', { scope: 'row' }, formatDate(date));
    if (early && texts.early) when.append(' ', html('span', { class: 'early' }, texts.early));
    const cells = model.charts.map((chart) => {
      const point = chart.points[row];
      if (!point || point.value === null || point.value === undefined) return html('td', {}, '–');
      const change = point.change && texts.change ? texts.change[point.change] : null;
      return html('td', {}, change ? `${point.value} (${change})` : String(point.value));
    });
    return html('tr', {}, when, ...cells);
  });
  return html('table', { class: 'trend-table' }, html('caption', {}, texts.caption ?? ''),
    html('thead', {}, head), html('tbody', {}, ...rows));
}

// -- the first test -------------------------------------------------------------------------

/** Days since 1970-01-01 of the UTC date of an ISO-8601 moment (no offset: UTC). */
function utcDay(moment) {
  const naive = moment.includes('T') && !/(?:Z|[+-]\d\d:?\d\d)$/i.test(moment);
  const ms = Date.parse(naive ? `${moment}Z` : moment);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 date: ${moment}`);
  return Math.floor(ms / DAY_MS);
}

/**
 * After the very first test there is no trend yet: when a next test can show a change (the
 * minimum interval of the rules after it) as {days, date: 'YYYY-MM-DD', UTC}. Null with no test
 * or more than one.
 */
export function nextChangeHint(results, rules) {
  if (!Array.isArray(results) || results.length !== 1) return null;
  const days = rules.intervals.min_days;
  const date = new Date((utcDay(results[0].taken_at) + days) * DAY_MS).toISOString()
    .split('T')[0];
  return { days, date };
}
