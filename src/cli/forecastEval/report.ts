/** Plain-text report of the forecast evaluation: one row per series and method, then one summary per method. */
import type { TaskResult } from './run';

/** Mean scores of a group of task results. */
interface Summary {
  method: string;
  tasks: number;
  failed: number;
  smape: number;
  mase: number;
  msis: number;
  /** Coverage in percent, pooled over all scored points. */
  coveragePct: number;
  medianMs: number;
}

const mean = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/** Means over tasks (M4 style) of sMAPE, MASE and MSIS; coverage pooled over points. */
export function summarize(method: string, results: TaskResult[]): Summary {
  const scored = results.filter((r) => r.scores.points > 0);
  const points = scored.reduce((s, r) => s + r.scores.points, 0);
  const inside = scored.reduce((s, r) => s + r.scores.coverage * r.scores.points, 0);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    method,
    tasks: scored.length,
    failed: results.filter((r) => r.failed).length,
    smape: mean(scored.map((r) => r.scores.smape)),
    mase: mean(scored.map((r) => r.scores.mase)),
    msis: mean(scored.map((r) => r.scores.msis)),
    coveragePct: points ? (100 * inside) / points : NaN,
    medianMs: times.length ? times[Math.floor(times.length / 2)] : NaN,
  };
}

const METHODS = ['tidemark', 'R auto.arima', 'snaive'];

/** Table per series, then summary lines (methods absent from the results are left out). */
export function formatReport(results: TaskResult[]): string {
  const lines = ['series\tmethod\ttasks\tsMAPE\tMASE\tMSIS\tcover%\tmodels'];
  const names = [...new Set(results.map((r) => r.task.split('@')[0]))];
  const methods = METHODS.filter((m) => results.some((r) => r.method === m));
  for (const name of names) {
    for (const method of methods) {
      const group = results.filter((r) => r.method === method && r.task.split('@')[0] === name);
      const s = summarize(method, group);
      const models = group.map((r) => r.model || (r.failed ? 'FAILED' : '-')).join(' | ');
      lines.push(
        [
          name,
          method,
          s.tasks,
          s.smape.toFixed(2),
          s.mase.toFixed(3),
          s.msis.toFixed(2),
          s.coveragePct.toFixed(1),
          models,
        ].join('\t')
      );
    }
  }
  lines.push(
    '',
    ...methods.map((m) =>
      summaryLine(
        summarize(
          m,
          results.filter((r) => r.method === m)
        )
      )
    )
  );
  const failedTasks = new Set(results.filter((r) => r.failed).map((r) => r.task));
  if (failedTasks.size > 0 && methods.length > 1) {
    const common = results.filter((r) => !failedTasks.has(r.task));
    lines.push(`on the ${new Set(common.map((r) => r.task)).size} tasks every method finished:`);
    lines.push(
      ...methods.map((m) =>
        summaryLine(
          summarize(
            m,
            common.filter((r) => r.method === m)
          )
        )
      )
    );
  }
  return lines.join('\n');
}

/** One summary line: `summary <method>: sMAPE … MASE … MSIS … coverage …% (tasks, failures, median ms)`. */
function summaryLine(s: Summary): string {
  return (
    `summary ${s.method}: sMAPE ${s.smape.toFixed(2)} MASE ${s.mase.toFixed(3)} MSIS ${s.msis.toFixed(2)} ` +
    `coverage95 ${s.coveragePct.toFixed(1)}% (${s.tasks} tasks, ${s.failed} failed, median ${s.medianMs.toFixed(0)} ms)`
  );
}
