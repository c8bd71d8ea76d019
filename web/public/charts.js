/* Draws the charts the assistant sends as custom payloads (docs/payloads.md) as inline SVG.
 *
 * rasa-webchat hands every bot message it has no renderer for to `customComponent`; this is
 * that component. It builds elements with React.createElement (the page has no JSX build step),
 * so every label is a text node: nothing from a payload is ever parsed as HTML. Each chart has
 * a text alternative in words for screen readers, and the source line under it.
 */
(function () {
  "use strict";
  const h = React.createElement;
  const pounds = new Intl.NumberFormat("en-GB", {
    style: "currency", currency: "GBP", maximumFractionDigits: 0,
  });
  const exact = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  const rounded = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 2 });
  const WIDTH = 320;

  /* Money as the answers write it (£30,430); counts of people from 1,000 up to two
   * significant figures, as the answers say them, so an estimate never reads as a head count. */
  function formatFor(unit) {
    if (unit && unit.indexOf("GBP") === 0) return (v) => pounds.format(v);
    return (v) => (v >= 1000 ? rounded : exact).format(v);
  }

  function isNumber(v) {
    return typeof v === "number" && isFinite(v);
  }

  /* Pay spread: whiskers from the 10th to the 90th percentile, a box from the 25th to the
   * 75th (when published), a bar at the median. */
  function paySpread(chart) {
    const v = chart.values || {};
    if (!isNumber(v.p10) || !isNumber(v.p90) || !isNumber(v.median)) return null;
    const money = formatFor(chart.unit);
    const low = v.p10 * 0.9, high = v.p90 * 1.05;
    const x = (value) => 16 + ((value - low) / (high - low)) * (WIDTH - 32);
    const per = chart.unit && chart.unit.indexOf("hour") >= 0 ? " an hour" : " a year";
    const summary = `The lowest-paid 10% earn under ${money(v.p10)}${per}. Half earn under ` +
      `${money(v.median)}. The top 10% earn over ${money(v.p90)}.`;
    const hasBox = isNumber(v.p25) && isNumber(v.p75);
    return h("svg", { viewBox: `0 0 ${WIDTH} 96`, role: "img", "aria-label": summary },
      h("line", { x1: x(v.p10), x2: x(v.p90), y1: 44, y2: 44, className: "chart-whisker" }),
      h("line", { x1: x(v.p10), x2: x(v.p10), y1: 34, y2: 54, className: "chart-whisker" }),
      h("line", { x1: x(v.p90), x2: x(v.p90), y1: 34, y2: 54, className: "chart-whisker" }),
      hasBox && h("rect", {
        x: x(v.p25), y: 30, width: x(v.p75) - x(v.p25), height: 28, rx: 4,
        className: "chart-box",
      }),
      h("line", { x1: x(v.median), x2: x(v.median), y1: 24, y2: 64, className: "chart-median" }),
      h("text", { x: x(v.median), y: 16, textAnchor: "middle", className: "chart-strong" },
        `Median ${money(v.median)}`),
      h("text", { x: x(v.p10), y: 82, textAnchor: "start" }, `10%: ${money(v.p10)}`),
      h("text", { x: x(v.p90), y: 82, textAnchor: "end" }, `90%: ${money(v.p90)}`));
  }

  /* Labelled horizontal bars, e.g. jobs now, jobs in ten years, job openings. */
  function bars(chart) {
    const items = (chart.bars || []).filter((b) => isNumber(b.value) && b.value >= 0);
    if (items.length === 0) return null;
    const format = formatFor(chart.unit);
    const max = Math.max.apply(null, items.map((b) => b.value)) || 1;
    const rowHeight = 40;
    const summary = items.map((b) => `${b.label}: ${format(b.value)}`).join(". ") + "." +
      (isNumber(chart.growth_pct)
        ? ` That is ${chart.growth_pct >= 0 ? "growth" : "a fall"} of ` +
          `${Math.abs(chart.growth_pct).toFixed(1)}%.` : "");
    return h("svg", { viewBox: `0 0 ${WIDTH} ${items.length * rowHeight}`, role: "img",
      "aria-label": summary },
    items.map((b, i) => h("g", { key: i, transform: `translate(0 ${i * rowHeight})` },
      h("text", { x: 0, y: 13 }, `${b.label}: ${format(b.value)}`),
      h("rect", { x: 0, y: 18, height: 14, rx: 3, className: `chart-bar chart-bar-${i}`,
        width: Math.max(2, (b.value / max) * WIDTH) }))));
  }

  /* Pay over time: a line through the years (spaced by year, so a gap in the data shows as a
   * longer segment), filled points for published figures and hollow ones for estimates. */
  function paySeries(chart) {
    const points = (chart.points || [])
      .filter((p) => isNumber(p.year) && isNumber(p.value))
      .sort((a, b) => a.year - b.year);
    if (points.length < 2) return null;
    const money = formatFor(chart.unit);
    const first = points[0], last = points[points.length - 1];
    const values = points.map((p) => p.value);
    const low = Math.min.apply(null, values) * 0.9, high = Math.max.apply(null, values) * 1.05;
    const x = (year) => 24 + ((year - first.year) / Math.max(1, last.year - first.year)) * (WIDTH - 48);
    const y = (value) => 80 - ((value - low) / (high - low || 1)) * 60;
    const change = last.value >= first.value ? "rose" : "fell";
    const estimated = points.filter((p) => p.estimate).map((p) => p.year);
    const summary = `Pay ${change} from ${money(first.value)} in ${first.year} to ` +
      `${money(last.value)} in ${last.year}.` +
      (estimated.length ? ` Our estimates: ${estimated.join(", ")}.` : "");
    const path = points.map((p, i) => `${i ? "L" : "M"}${x(p.year).toFixed(1)} ${y(p.value).toFixed(1)}`);
    return h("svg", { viewBox: `0 0 ${WIDTH} 110`, role: "img", "aria-label": summary },
      h("path", { d: path.join(" "), className: "chart-line" }),
      points.map((p) => h("circle", {
        key: p.year, cx: x(p.year), cy: y(p.value), r: 3.5,
        className: p.estimate ? "chart-point chart-point-estimate" : "chart-point",
      })),
      h("text", { x: x(first.year), y: y(first.value) - 8, textAnchor: "start" }, money(first.value)),
      h("text", { x: x(last.year), y: y(last.value) - 8, textAnchor: "end", className: "chart-strong" },
        money(last.value)),
      h("text", { x: x(first.year), y: 104, textAnchor: "start" }, String(first.year)),
      h("text", { x: x(last.year), y: 104, textAnchor: "end" }, String(last.year)));
  }

  const RENDERERS = { pay_spread: paySpread, pay_series: paySeries, outlook: bars, bars: bars };

  function ChartMessage(props) {
    const chart = props.chart;
    const render = chart && RENDERERS[chart.type];
    const svg = render ? render(chart) : null;
    if (!svg) return null;
    return h("figure", { className: "lmi-chart", "data-chart": chart.type },
      h("figcaption", null, chart.title),
      svg,
      chart.note && h("p", { className: "lmi-chart-note" }, chart.note),
      chart.source && h("p", { className: "lmi-chart-source" }, `Source: ${chart.source}`));
  }

  window.CareersCharts = { ChartMessage };
})();
