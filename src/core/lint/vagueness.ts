/**
 * Whether an action item's text names a change to a system or only an intention. An item is
 * vague when its action is
 * - an exhortation: it asks people for effort or attention ("be more careful", "remember to",
 *   "double-check X before Y", "make sure everyone knows", "keep an eye on");
 * - an intention to look into something: its head verb (or a verb joined to it by "and") only
 *   studies, discusses or decides later ("investigate options for", "discuss", "think about",
 *   "look into", "explore", "consider", "follow up with", "work on");
 * - a comparative with no object and no checkable end ("monitor X better", "improve tests for X",
 *   "more upgrade tests", "setup better dashboards", "make the deploy more robust").
 * An intention or a comparative is not vague when the item also names something checkable: a
 * number with a unit or a threshold, a code-formatted name, a created mechanism ("add a job
 * that …", "add an alert on …"), a condition on a system ("fails when …", "pages if …") or a
 * colon followed by the concrete change ("Improve lag alerting: page after 5 minutes …"). An
 * exhortation is rescued only by a mechanism, not by a number.
 *
 * Linear time: every expression is anchored or made of literal alternatives and bounded runs.
 */

type Vagueness = 'exhortation' | 'intention' | 'comparative' | 'outcome';

interface VagueReading {
  kind: Vagueness;
  /** Column range of the words judged, within the text given. */
  start: number;
  end: number;
  /** What is missing, for the message. */
  missing: string;
}

/** Leading ticket ids, checkboxes and emphasis: "**ORB-813**", "[ORB-813]", "ORB-813:", "A5 —". */
const LEAD = /^(?:[\s\-–—:]|\*\*|__|\[[ xX]\]|\[[A-Z][A-Z0-9]*-\d+\]|[A-Z][A-Z0-9]*-\d+:?|#\d+:?)*/;

/** Who is asked and how, before the verb: "we should", "the team will", "to", "need to". */
const ASKED =
  "(?:(?:we['’]re|we are|we['’]ll) (?:(?:also|now|currently) )?(?:(?:going to|planning to|working to|committed to|now) )?|(?:we|everyone|all|the team|teams|engineers|on-?call|people|everybody|responders|reviewers|operators) )?(?:(?:should|must|will|need to|needs to|have to|has to|to|could|would|can|shall|want to|plan to|going to)(?: also)? )?";

const ASKED_RE = new RegExp(`^${ASKED}`, 'i');

const EXHORTATION = new RegExp(
  `^${ASKED}(?:be (?:more |extra |very |a bit more |much more )?(?:careful|vigilant|diligent|mindful|aware|thorough|cautious|attentive|alert|disciplined|rigorous)|take (?:more |extra )?care|stay (?:vigilant|alert|aware|on top of)|pay (?:more |closer |extra )?attention|remember to|don['’]t forget|do not forget|try (?:harder|to be|to remember|not to)|think twice|double[- ]check|triple[- ]check|communicate (?:better|more|earlier|clearly)|make fewer mistakes|avoid (?:mistakes|this|errors|such)|do better|learn from (?:this|it)|raise awareness|keep (?:an eye on|in mind|this in mind|watch)|watch (?:out|more closely|closely)|continue to (?:monitor|watch)|keep (?:monitoring|watching)|monitor (?:closely|carefully)|remind (?:people|engineers|everyone|the team|teams|on-?call)|(?:make sure|ensure) (?:that )?(?:everyone|everybody|people|engineers|the team|teams|on-?call|responders|all engineers|developers|staff)(?: is| are| knows?| understands?| remembers?| follows?| reads?)?)\\b`,
  'i',
);

/** Verbs that only study, discuss or decide later. */
const INTENTION_VERB =
  '(?:investigat(?:e|ing)|re-?evaluate|reconsider|re-?assess|look(?:ing)? into|look(?:ing)? at|explor(?:e|ing)|consider(?:ing)?|discuss(?:ing)?|think(?:ing)? about|evaluat(?:e|ing)|research(?:ing)?|brainstorm|figure out|revisit|review options|assess|study|examine|analy[sz]e|see (?:if|whether|how)|find (?:a way|ways|out)|understand|start a conversation|talk (?:about|to|with)|sync (?:on|about|with)|align on|agree on|decide (?:on|whether|how|if)|follow up (?:with|on)|check with|reach out to|work on|work with \\S{1,40} on|look for ways|try to|aim to|attempt to|determine (?:if|whether|how)|spike on)';
/** What an intention is about, kept in the words quoted: "options for", "ways to". */
const INTENTION_OBJECT = '(?:\\s(?:options|ways|alternatives|possibilities|approaches|a strategy|strategy|strategies|solutions|improvements|the feasibility|the possibility)(?:\\s(?:for|to|of))?)?';
const INTENTION = new RegExp(`^${ASKED}${INTENTION_VERB}\\b${INTENTION_OBJECT}`, 'i');
/** A second verb joined to the first: "Document and think about …", "Audit, then discuss …". */
const JOINED_INTENTION = new RegExp(`^[a-z-]{2,20}(?:,? and|, then|,) ${INTENTION_VERB}\\b`, 'i');

/** An outcome asked for without the change that produces it: "Ensure backups are tested regularly". */
const OUTCOME = new RegExp(`^${ASKED}(?:ensure|make sure|guarantee) (?:that )?`, 'i');

const COMPARATIVE_START =
  /^(?:(?:set ?up|add|get|have|build|create|write|need|do|run|provide|use|introduce|implement|put in place|establish)\s(?:some\s)?)?(?:better|more|improved|additional|extra|enhanced|stronger|further|increased|greater|clearer|tighter|smarter)\b(?!\sthan\b)|^(?:improv(?:e|ing)|enhanc(?:e|ing)|strengthen(?:ing)?|increas(?:e|ing)|boost(?:ing)?|tighten(?:ing)?|harden(?:ing)?|optimi[sz](?:e|ing)|expand(?:ing)?|extend(?:ing)?|refin(?:e|ing)|revamp(?:ing)?|rework(?:ing)?|streamlin(?:e|ing)|simplif(?:y|ying)|reduc(?:e|ing)|minimi[sz](?:e|ing)|lower(?:ing)?|decreas(?:e|ing)|speed(?:ing)? up|beef(?:ing)? up|bolster(?:ing)?|shor(?:e|ing) up)\b/i;

const BETTER_END = /\b(?:better|more|more closely|more carefully|more often|properly|harder|more thoroughly|more robust|more reliable|more resilient|more stable|more visible|safer|clearer|faster)\s*(?:[.!]\s*)?$/i;
/** "Make the failover more robust", "make alerts clearer": a comparative end for a named thing. */
const MAKE_MORE = /^(?:make|get|keep)\s[^.;:]{1,60}?\s(?:more\s[a-z]{3,20}|better|safer|clearer|easier|faster|simpler|sturdier|stronger)\b/i;

/** An amount: a number with a unit ("40 s", "5,000 events", "2 replicas"). */
const AMOUNT =
  /(?<![\w.])\d+(?:[.,]\d+)?\s?(?:[%shx×]|ms|sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|rps|qps|gb|mb|kb|tb|gib|mib|requests?|events?|errors?|replicas?|pods?|nodes?|orders?|messages?|retries|attempts|percent|k)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|sixty|ninety)\s(?:seconds?|minutes?|hours?|days?|weeks?|percent|replicas|retries|attempts)\b/i;
/** A target: a comparison or a value to reach ("to 5 s", "above 50,000", "at most 3", "to two"). */
const TARGET =
  /[<>≤≥]=?\s?\d|\b(?:to|from) \d|\b(?:above|below|over|under|at least|at most|more than|less than|fewer than|within|exceeds?|at|after|every|by) \d|\b(?:to|from|at most|at least|under|below) (?:zero|one|two|three|four|five|six|seven|eight|nine|ten|a single)\b/i;
/** A condition on a system ("fails when", "pages if") or a threshold setting. */
const CONDITION =
  /\b(?:fails?|refuses?|rejects?|blocks?|pages?|alerts?|warns?|stops?|aborts?|denies?) (?:when|on|if|above|below|for|any|every|a |an |the |unless|before)|\b(?:threshold|limit|cap|timeout|ttl|quota|sli|slo) (?:of|to|at)\b/i;
/** A code-formatted name: a setting, command, file or job. */
const CODE = /`[^`]{1,200}`/;
/** Verbs that state a change after a colon: "Improve lag alerting: page after …". */
const CHANGE_VERB =
  /^(?:add|page|alert|require|cap|block|reject|fail|set|enforce|limit|refuse|pin|run|make|switch|move|split|gate|remove|replace|delete|drop|raise|lower|rotate|migrate|deploy|wire|route|schedule|wait|check|verify|retry|restart|stop|start|send|store|log|emit|expose|record|publish|tag|retain|keep|use|disable|enable|turn|roll|drain|pause|throttle|queue|return|print|show|link|prompt|warn|notify|sign|backfill|snapshot|back up|test|lint|validate|reserve|scale|shard|cache|bump|pre-?warm|read|write|mark|skip|abort|hold|alarm)\b/i;
/** A mechanism the item creates: "add a pre-deploy job …", "write a regression test for …". */
const MECHANISM =
  /\b(?:add|adds|adding|create|write|set up|build|introduce|enable|configure|schedule|automate|enforce|implement|install|wire up|turn on|deploy|ship|put in)\s(?:an?|one|the|new)\s(?:[\w/-]{1,30}\s){0,3}?(?:alerts?|jobs?|checks?|tests?|gates?|validators?|validations?|lint rules?|linters?|rules?|limits?|probes?|hooks?|cron(?:job)?s?|canar(?:y|ies)|flags?|settings?|steps?|prompts?|confirmations?|panels?|monitors?|guardrails?|guards?|scripts?|commands?|policy|policies|quotas?|thresholds?|timeouts?|runbooks?|playbooks?|checklists?|dashboards?|pipelines?|stages?|circuit breakers?|retries|backoff|rate limits?|alarms?|slos?|slis?|reports?)\b/i;

function lead(text: string): number {
  const m = LEAD.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The change stated after a colon, when there is one and it is not vague itself: "Improve the
 * rollover script: wait for new leaders before each restart".
 */
function colonChange(body: string, depth: number): boolean {
  if (depth > 0) return false;
  const at = body.indexOf(': ');
  if (at < 0 || at > 200) return false;
  const rest = body.slice(at + 2).trim();
  return CHANGE_VERB.test(rest) && rest.split(/\s+/).length >= 3 && judge(rest, depth + 1) === undefined;
}

/** True when the text names something checkable: an amount, a target, a condition, a code name, a mechanism. */
function isConcrete(text: string): boolean {
  return AMOUNT.test(text) || TARGET.test(text) || CONDITION.test(text) || CODE.test(text) || MECHANISM.test(text) || colonChange(text, 0);
}

/** True when the text names a change (not only the thing studied): a target, a condition, a mechanism, a change after a colon. */
function namesChange(text: string, depth: number): boolean {
  return TARGET.test(text) || CONDITION.test(text) || MECHANISM.test(text) || colonChange(text, depth);
}

const MISSING = {
  exhortation: 'it asks people for effort; name the check, guardrail, alert or automation that makes the outcome hold without it',
  intention: "it is an intention to look into something; name the decision or change it should produce, its owner's deliverable, and the signal that shows it is done",
  comparative: 'it has no object and end anyone can check; name what changes (a threshold, a named test, job, setting or alert) and the value that shows it is done',
  outcome: 'it states an outcome, not the change that produces it; name the check, job, alert or setting and the signal that shows the outcome holds',
  better: 'it says "better" without saying what changes; name the alert, threshold, test or setting and the value that shows it is done',
};

/** Judges one action text; undefined when it names a concrete change. */
export function judgeVagueness(text: string): VagueReading | undefined {
  return judge(text, 0);
}

function judge(text: string, depth: number): VagueReading | undefined {
  const from = lead(text);
  const body = text.slice(from, from + 2000);
  const trimmedEnd = from + body.trimEnd().length;
  const ex = EXHORTATION.exec(body);
  // Effort asked of people is rescued only by a mechanism that does the work, not by a number.
  if (ex && !MECHANISM.test(body) && !colonChange(body, depth)) return { kind: 'exhortation', start: from, end: from + ex[0].length, missing: MISSING.exhortation };
  const it = INTENTION.exec(body) ?? JOINED_INTENTION.exec(body);
  // Studying something is rescued only by the change it commits to, not by naming what is studied.
  if (it && !namesChange(body, depth)) return { kind: 'intention', start: from, end: from + it[0].length, missing: MISSING.intention };
  if (it || isConcrete(body)) return undefined;
  const oc = OUTCOME.exec(body);
  if (oc) return { kind: 'outcome', start: from, end: from + oc[0].length, missing: MISSING.outcome };
  // "We're improving our monitoring", "The team will add more alerts": the comparative after who is asked.
  const verb = body.slice(ASKED_RE.exec(body)?.[0].length ?? 0);
  if (COMPARATIVE_START.test(verb) || MAKE_MORE.test(verb)) return { kind: 'comparative', start: from, end: trimmedEnd, missing: MISSING.comparative };
  if (BETTER_END.test(body) && body.split(/\s+/).length <= 12) return { kind: 'comparative', start: from, end: trimmedEnd, missing: MISSING.better };
  return undefined;
}
