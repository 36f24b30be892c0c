import { DESIRED_SCHEMA, type DesiredState } from '../core/desired/model.js';
import { renderFamilyRegs } from '../core/desired/render-reg-families.js';
import { renderDesiredScript } from '../core/desired/render-scripts.js';
import { renderGppRegistryXml } from '../core/desired/render-gpp.js';
import { fixedLegacy } from '../core/desired/families.js';
import { planSettings } from '../core/plan/options.js';
import { EXPORT_FORMATS } from '../core/plan/export-formats.js';
import type { PlanError, PlanOptions } from '../core/plan/model.js';
import type { ScriptKind } from '../core/plan/render-script.js';
import type { Handler } from './dispatch.js';
import { invalid, isRecord } from './params.js';

/**
 * desired.render {state: {protocols, disableLegacy, allowLegacy, components}, format} (issue 15, item 1): a
 * desired state, with no machine, as one of the channels. Scripts (Script, SccmDiscovery, SccmRemediation,
 * IntuneDetection, IntuneRemediation) evaluate it on their target: {ok: true, text}. GroupPolicy is one
 * Registry.xml with the families' values as item-level-targeted items: {ok: true, text}. Reg is one file per OS
 * family and architecture: {ok: true, files: [{name, family, label, text}]}. The state is checked as plan
 * options are (planSettings); a bad one is {ok: false, error}. Nothing is read or written here.
 */
const failed = (errors: readonly PlanError[]): { ok: true; result: unknown } => ({
  ok: true,
  result: { ok: false, error: { code: errors[0]?.code ?? 'BadOption', file: null, line: null, message: `the desired state cannot be rendered: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` } },
});

export const desiredRender: Handler = (params) => {
  if (!isRecord(params) || !isRecord(params['state'])) return invalid('params.state', 'must be an object');
  const raw = params['state'];
  const format = params['format'];
  if (typeof format !== 'string' || !Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, format)) return invalid('params.format', `must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  const options: PlanOptions = {
    ...(raw['protocols'] === undefined ? {} : { protocols: raw['protocols'] as PlanOptions['protocols'] & object }),
    ...(raw['disableLegacy'] === undefined ? {} : { disableLegacy: raw['disableLegacy'] as boolean }),
    ...(raw['allowLegacy'] === undefined ? {} : { allowLegacy: raw['allowLegacy'] as boolean }),
    ...(raw['components'] === undefined ? {} : { components: raw['components'] as PlanOptions['components'] & object }),
  };
  const s = planSettings(options);
  if (!s.ok) return failed(s.error);
  const state: DesiredState = { schema: DESIRED_SCHEMA, protocols: s.value.protocols, disableLegacy: s.value.disableLegacy, allowLegacy: s.value.allowLegacy, components: s.value.components };
  const kind = (EXPORT_FORMATS as Readonly<Record<string, ScriptKind | 'reg' | 'gpp'>>)[format];
  if (kind === 'gpp') {
    const g = renderGppRegistryXml(state);
    if (!g.ok) return failed(g.error);
    return { ok: true, result: { ok: true, fixedLegacy: fixedLegacy(state), text: g.value } };
  }
  if (kind === 'reg') {
    const r = renderFamilyRegs(state);
    if (!r.ok) return failed(r.error);
    return { ok: true, result: { ok: true, fixedLegacy: fixedLegacy(state), files: r.value.map((f) => ({ name: f.fileName, family: f.family, label: f.label, text: f.text })) } };
  }
  if (kind === undefined) return invalid('params.format', `must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  const t = renderDesiredScript(state, kind);
  if (!t.ok) return failed(t.error);
  return { ok: true, result: { ok: true, text: t.value } };
};
