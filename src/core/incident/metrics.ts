/** Time to detect, mitigate and resolve, all measured from when impact started. */
import { parseTimestamp } from '../time';

interface IncidentTimes {
  started?: string;
  detected?: string;
  mitigated?: string;
  resolved?: string;
}

interface TimeToX {
  /** Milliseconds from start to detection, mitigation and resolution (undefined when unknown or negative). */
  detect?: number;
  mitigate?: number;
  resolve?: number;
}

function span(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const a = parseTimestamp(from), b = parseTimestamp(to);
  if (a === undefined || b === undefined || b < a) return undefined;
  return b - a;
}

/** Time to detect (started → detected), mitigate (started → mitigated) and resolve (started → resolved). */
export function timeToX(t: IncidentTimes): TimeToX {
  return { detect: span(t.started, t.detected), mitigate: span(t.started, t.mitigated), resolve: span(t.started, t.resolved) };
}

/** Problems with the order of the times (detected before started, and so on). */
export function timeOrderProblems(t: IncidentTimes): string[] {
  const out: string[] = [];
  const order: Array<keyof IncidentTimes> = ['started', 'detected', 'mitigated', 'resolved'];
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = t[order[i]], b = t[order[j]];
      const pa = a ? parseTimestamp(a) : undefined, pb = b ? parseTimestamp(b) : undefined;
      if (pa !== undefined && pb !== undefined && pb < pa) out.push(`${order[j]} (${b}) is before ${order[i]} (${a}).`);
    }
  }
  return out;
}
