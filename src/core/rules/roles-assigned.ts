/** roles-assigned: an active incident has an incident commander, and a solo responder says so. */
import { firstLineRange, frontData, frontRange, isActiveIncident } from '../lint/helpers';
import { isPlaceholderValue } from '../lint/phrases';
import type { Rule } from '../lint/types';
import { readBodyRoles, type RoleName } from '../parser/roles';

const OTHER_ROLES = ['operations', 'communications', 'scribe'] as const;

export const rule: Rule = {
  name: 'roles-assigned',
  description: 'An active incident without an incident commander, or with roles left unassigned and no explicit solo responder.',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/roles-assigned.md',
  kinds: ['incident'],
  check(ctx) {
    const { doc } = ctx;
    if (!isActiveIncident(doc)) return;
    const fm = frontData(doc);
    const roles = typeof fm.roles === 'object' && fm.roles !== null ? (fm.roles as Record<string, unknown>) : undefined;
    const at = frontRange(doc, 'roles') ?? doc.frontMatter?.openRange ?? firstLineRange(doc);
    // Roles come from the front matter, else from where the body names them ("IC: @mbeki, Comms: @ada").
    const body = readBodyRoles(doc);
    const holder = (r: RoleName): string | undefined => {
      const own = roles?.[r];
      if (typeof own === 'string' && !isPlaceholderValue(own)) return own;
      const named = body[r]?.text;
      return named !== undefined && !isPlaceholderValue(named) ? named : undefined;
    };
    const commander = holder('commander');
    if (!commander) {
      ctx.report({
        range: (roles && doc.frontMatter?.entries.get('roles.commander')?.valueRange) ?? (roles ? doc.frontMatter?.entries.get('roles')?.keyRange : undefined) ?? at,
        message: 'No incident commander: set roles.commander to the person coordinating the response (working alone? name yourself in every role and add solo: true).',
      });
      return;
    }
    if (roles?.solo === true) return;
    const missing = OTHER_ROLES.filter((r) => !holder(r));
    if (missing.length === 0) return;
    ctx.report({
      range: doc.frontMatter?.entries.get('roles')?.keyRange ?? at,
      message: `roles.${missing.join(', roles.')} ${missing.length === 1 ? 'is' : 'are'} not assigned: name who holds ${missing.length === 1 ? 'it' : 'each'}, or, if ${commander} holds every role, name them in each and add solo: true.`,
    });
  },
};
