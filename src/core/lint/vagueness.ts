/**
 * Whether an action item's text names a change to a system or only an intention. An item is
 * vague when it is an exhortation ("be more careful", "remember to", "double-check X before Y"),
 * an intention to look into something ("investigate options for", "discuss", "think about"), or
 * a comparative with nothing checkable ("monitor X better", "improve tests for X", "more upgrade
 * tests", "setup better dashboards"). A vague-sounding verb that introduces a concrete change
 * (a threshold, a named job, test, setting or alert) is not vague.
 */

export type Vagueness = 'exhortation' | 'intention' | 'comparative';

export interface VagueReading {
  kind: Vagueness;
  /** Column range of the words judged, within the text given. */
  start: number;
  end: number;
  /** What is missing, for the message. */
  missing: string;
}

/** Leading ticket ids, checkboxes and emphasis: "**ORB-813**", "[ORB-813]", "ORB-813:", "A5 —". */
const LEAD = /^(?:\s|\*\*|__|\[[ xX]\]|\[[A-Z][A-Z0-9]*-\d+\]|[A-Z][A-Z0-9]*-\d+:?|#\d+:?|[-–—:])*/;

const EXHORTATION =
  /^(?:(?:we |everyone |all |the team |teams |engineers |on-?call |people )?(?:should |must |need to |will |to )?(?:be (?:more |extra |very )?(?:careful|vigilant|diligent|mindful|aware|thorough|cautious|attentive|alert)|take (?:more |extra )?care|stay (?:vigilant|alert|aware)|pay (?:more |closer |extra )?attention|remember to|don['’]t forget|do not forget|try (?:harder|to be)|think twice|double[- ]check|triple[- ]check|communicate (?:better|more|earlier)|make fewer mistakes|avoid (?:mistakes|this|errors)|do better|learn from this|raise awareness|keep an eye on|watch (?:out|more closely)))\b/i;

const INTENTION =
  /^(?:(?:we |the team |teams )?(?:should |will |to |need to |could )?(?:investigate|look into|look at|explore|consider|discuss|think about|evaluate|research|brainstorm|figure out|revisit|review options|assess|study|examine|analy[sz]e|see (?:if|whether|how)|find (?:a way|ways|out)|understand|document and think about|start a conversation|talk (?:about|to|with)|sync (?:on|about|with)|align on|agree on|decide (?:on|whether)))\b/i;

const COMPARATIVE_START =
  /^(?:(?:set ?up|setup|add|get|have|build|create|write|need|do|run|provide|use|introduce)\s+)?(?:better|more|improved|additional|extra|enhanced|stronger|further|increased|greater)\b|^(?:improve|enhance|strengthen|increase|boost|tighten|harden|optimi[sz]e|expand|extend|upgrade|refine|revamp|rework|streamline)\b/i;

const BETTER_END = /\b(?:better|more|more closely|more carefully|more often|properly|harder|more thoroughly)\s*[.!]?\s*$/i;

/** Something checkable: a number with a unit or threshold, a code-formatted name, a named alert/job/test with its condition. */
const CONCRETE =
  /\d+(?:\.\d+)?\s?(?:%|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|x|×|rps|qps|gb|mb|kb|tb|requests?|events?|errors?|replicas?|pods?|nodes?|orders?|messages?)\b|[<>≤≥]=?\s?\d|\b(?:to|from) \d|\b(?:above|below|over|under|at least|at most|more than|less than|fewer than|within|exceeds?|at)\s+\d|`[^`]+`|\b(?:fails?|refuses?|rejects?|blocks?|pages?|alerts?) (?:when|on|if|above|below|for|any|every|a |the )|\b(?:threshold|limit|cap|timeout|ttl|quota|sli|slo) (?:of|to|at)\b|:\s*(?:add|page|alert|require|cap|block|reject|fail|set|enforce|limit|refuse|pin|run|make|switch|move|split|gate)\b/i;

function lead(text: string): number {
  const m = LEAD.exec(text);
  return m ? m[0].length : 0;
}

/** Judges one action text; undefined when it names a concrete change. */
export function judgeVagueness(text: string): VagueReading | undefined {
  const from = lead(text);
  const body = text.slice(from);
  const ex = EXHORTATION.exec(body);
  if (ex) {
    return { kind: 'exhortation', start: from, end: from + ex[0].length, missing: 'it asks people for effort; name the check, guardrail, alert or automation that makes the outcome hold without it' };
  }
  const concrete = CONCRETE.test(body);
  const it = INTENTION.exec(body);
  if (it && !concrete) {
    return { kind: 'intention', start: from, end: from + it[0].length, missing: 'it is an intention to look into something; name the decision or change it should produce, its owner\'s deliverable, and the signal that shows it is done' };
  }
  if (concrete) return undefined;
  const cs = COMPARATIVE_START.exec(body);
  if (cs) {
    return { kind: 'comparative', start: from, end: text.trimEnd().length, missing: 'it has no object and end anyone can check; name what changes (a threshold, a named test, job, setting or alert) and the value that shows it is done' };
  }
  const be = BETTER_END.exec(body);
  if (be && body.split(/\s+/).length <= 10) {
    return { kind: 'comparative', start: from, end: text.trimEnd().length, missing: 'it says "better" without saying what changes; name the alert, threshold, test or setting and the value that shows it is done' };
  }
  return undefined;
}
