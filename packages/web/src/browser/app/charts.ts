/**
 * The batch in four charts (Chart.js, bundled): the distribution of total
 * scores, findings by rule family, by rule, and the outdated references met
 * most often. Redrawn whenever the batch or the language changes.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { CheckedReport } from '../check.js';
import { t } from './i18n.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const charts = new Map<string, Chart>();

function counted(values: Iterable<string>): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function draw(canvas: HTMLCanvasElement, labels: string[], data: number[], label: string, horizontal = false): void {
  charts.get(canvas.id)?.destroy();
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${label}: ${labels.map((l, i) => `${l} ${data[i]}`).join('; ') || t('chartNone')}`);
  charts.set(
    canvas.id,
    new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label, data, backgroundColor: '#3b6ea5' }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: false } },
        scales: {
          [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
          // Long names (rule ids, quoted policy titles) shortened on the axis; the tooltip and the
          // canvas's accessible label keep them whole.
          [horizontal ? 'y' : 'x']: {
            ticks: {
              callback(this: { getLabelForValue(v: number): string }, value: string | number) {
                const l = this.getLabelForValue(Number(value));
                return l.length > 26 ? `${l.slice(0, 25)}…` : l;
              },
            },
          },
        },
      },
    }),
  );
}

/** Draws the four charts of a batch into the canvases with these ids. */
export function drawCharts(reports: readonly CheckedReport[]): void {
  const bins = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];
  const scores = new Array<number>(bins.length).fill(0);
  for (const r of reports) {
    if (r.score.overall === null) continue;
    const i = Math.min(9, Math.floor(r.score.overall / 10));
    scores[i] = (scores[i] ?? 0) + 1;
  }
  draw(document.getElementById('chart-scores') as HTMLCanvasElement, bins, scores, t('chartReports'));
  const findings = reports.flatMap((r) => r.findings);
  const families = counted(findings.map((f) => f.family));
  draw(document.getElementById('chart-families') as HTMLCanvasElement, families.map((f) => f[0]), families.map((f) => f[1]), t('chartFindings'));
  const byRule = counted(findings.map((f) => f.ruleId)).slice(0, 15);
  draw(document.getElementById('chart-rules') as HTMLCanvasElement, byRule.map((f) => f[0]), byRule.map((f) => f[1]), t('chartFindings'), true);
  const refs = counted(findings.filter((f) => f.reference !== undefined).map((f) => f.reference as string)).slice(0, 10);
  draw(document.getElementById('chart-references') as HTMLCanvasElement, refs.map((f) => f[0]), refs.map((f) => f[1]), t('chartFindings'), true);
}
