/**
 * Who a sentence is about: a person or a role ("the on-call engineer", "@ana", "Tomasz", "the
 * release manager", "whoever approved it"), as regular-expression sources shared by the blame and
 * human-error rules. A system ("the deploy script", "the scheduler") is not a person, and neither
 * is the team speaking ("we").
 *
 * Linear time: each piece is a list of literal words or one bounded run of letters; no two
 * neighbouring quantifiers can match the same characters.
 */

/** Role nouns that name a person by what they do. */
export const ROLE_NOUNS =
  '(?:on-?call(?: engineer| sre| person| responder)?|engineers?|operators?|developers?|devs?|admins?|administrators?|sres?|dbas?|deployers?|reviewers?|approvers?|authors?|responders?|incident commanders?|ic|supervisors?|managers?|release (?:engineers?|managers?)|team leads?|leads?|analysts?|agents?|interns?|contractors?|employees?|staff|team members?|persons?|people|humans?|technicians?|planners?|owners?|SREs?|DBAs?|ICs?|PMs?|QAs?)';

/** Capitalised words that start sentences or name things, never a person's first name. */
const NOT_NAMES =
  'We|It|Its|This|That|These|Those|They|There|Then|Their|I|Nobody|Noone|Everyone|Everybody|Somebody|Someone|Anyone|Anybody|Who|Which|What|When|While|Where|Why|How|And|But|Or|So|Also|Script|System|Job|The|A|An|Our|Your|His|Her|He|She|After|Before|During|Because|Since|If|Once|Both|Each|Every|No|Not|Yes|Only|Just|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Kubernetes|Postgres|Terraform|Redis|Kafka|Nginx|Jenkins|GitHub|Slack';

/**
 * A person or role as the subject of what follows: "@ana", "Ana", "Ana Lopes", "the on-call
 * engineer", "our release manager", "the identity team", "whoever approved it", "he", "she".
 * Case-sensitive for names; use with the `g` flag and without `i`.
 */
export const PERSON_SUBJECT = `(?:@[\\w.-]{1,40}|\\b(?!(?:${NOT_NAMES})\\b)[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20})?|\\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Tt]hat|[Tt]his|[Oo]ne) (?:[a-z-]{2,20} )?${ROLE_NOUNS}|\\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Tt]hat) [a-z-]{2,20} team|\\b[Ww]hoever (?:[a-z]{2,20} ){0,2}?(?:it|this|that|the [a-z-]{2,20})|\\b(?:[Hh]e|[Ss]he|[Ss]omeone|[Ss]omebody))`;

/** Words between a subject and its verb that keep it the same clause ("simply", "had", "again"). */
export const ADVERBS = '(?:(?:just|simply|then|also|clearly|again|apparently|obviously|probably|had|has|have|never|once more|really|completely) ){0,2}';
