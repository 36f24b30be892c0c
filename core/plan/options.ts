import { COMPONENTS, type Component } from '../readiness/model.js';
import { ROLES, type Role } from '../readiness/roles.js';
import { fail, ok, type Result } from '../model/result.js';
import { PLAN_PROTOCOLS as PROTOCOLS, type PlanError, type PlanOptions, type PlanProtocol, type PlanSettings } from './model.js';

const list = (xs: readonly string[]): string => xs.join(', ');

/**
 * Checks the options (they may arrive from JSON) and fills in the defaults: protocols ['Tls12'], no legacy
 * change, every component, no forced role. TLS 1.2 is always part of the target, so a protocol list without
 * it is an error; disableLegacy and allowLegacy contradict each other.
 */
import { dayValue } from '../endpoints/dates.js';
import { PROFILES, profileById } from '../endpoints/profiles.js';

export function planSettings(options: PlanOptions): Result<PlanSettings, readonly PlanError[]> {
  const errors: PlanError[] = [];
  const raw: unknown = options;
  if (typeof raw !== 'object' || raw === null) return fail([{ code: 'BadOption', path: 'options', message: 'options must be an object' }]);

  const protocols: unknown = options.protocols ?? ['Tls12'];
  let chosen: PlanProtocol[] = [];
  if (!Array.isArray(protocols) || protocols.some((p) => !PROTOCOLS.includes(p as PlanProtocol))) {
    errors.push({ code: 'BadOption', path: 'options.protocols', message: `protocols must be a list of ${list(PROTOCOLS)} (SSL 2.0/3.0 and TLS 1.0/1.1 are not protocols a plan turns on; see allowLegacy)` });
  } else {
    chosen = PROTOCOLS.filter((p) => (protocols as unknown[]).includes(p));
    if (!chosen.includes('Tls12')) errors.push({ code: 'BadOption', path: 'options.protocols', message: 'protocols must include Tls12: every plan makes TLS 1.2 work' });
  }

  const flag = (name: 'disableLegacy' | 'allowLegacy'): boolean => {
    const v: unknown = options[name];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') errors.push({ code: 'BadOption', path: `options.${name}`, message: `${name} must be true or false` });
    return v === true;
  };
  const disableLegacy = flag('disableLegacy');
  const allowLegacy = flag('allowLegacy');
  if (disableLegacy && allowLegacy) {
    errors.push({ code: 'BadOption', path: 'options.allowLegacy', message: 'disableLegacy turns TLS 1.0/1.1 off and allowLegacy turns them on: choose one' });
  }

  const comps: unknown = options.components ?? COMPONENTS;
  let components: Component[] = [];
  if (!Array.isArray(comps) || comps.length === 0 || comps.some((c) => !COMPONENTS.includes(c as Component))) {
    errors.push({ code: 'BadOption', path: 'options.components', message: `components must be a non-empty list of ${list(COMPONENTS)}` });
  } else {
    components = COMPONENTS.filter((c) => (comps as unknown[]).includes(c));
  }

  const roles: unknown = options.roles ?? [];
  let chosenRoles: Role[] = [];
  if (!Array.isArray(roles) || roles.some((r) => !ROLES.includes(r as Role))) {
    errors.push({ code: 'BadOption', path: 'options.roles', message: `roles must be a list of ${list(ROLES)}` });
  } else {
    chosenRoles = ROLES.filter((r) => (roles as unknown[]).includes(r));
  }

  const asOf: unknown = options.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || dayValue(asOf) === null)) errors.push({ code: 'BadOption', path: 'options.asOf', message: 'asOf must be a day written YYYY-MM-DD' });
  const endpoints: unknown = options.endpoints;
  const known = PROFILES.map((p) => p.id);
  if (endpoints !== undefined && (!Array.isArray(endpoints) || endpoints.some((e) => typeof e !== 'string' || profileById(e) === null))) {
    errors.push({ code: 'BadOption', path: 'options.endpoints', message: `endpoints must be a list of ${list(known)}` });
  }

  if (errors.length > 0) return fail(errors);
  const judged = typeof asOf === 'string' ? { asOf, ...(Array.isArray(endpoints) ? { endpoints: (endpoints as string[]).map((e) => profileById(e)?.id ?? e) } : {}) } : {};
  return ok({ protocols: chosen, disableLegacy, allowLegacy, components, roles: chosenRoles, ...judged });
}
