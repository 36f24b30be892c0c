import { CORE_VERSION, decodeMask, encodeMask, layoutFromName, LAYOUTS, type Layout } from '../core/index.js';
import type { Handler, MethodTable, Outcome } from './dispatch.js';
import { edgeStatus } from './edge-status.js';
import { invalid, isRecord, mapItems } from './params.js';
import { ErrorCode, PROTOCOL_VERSION } from './protocol.js';
import { logsScan } from './logs-scan.js';
import { tlsPlan, tlsProbe } from './probe.js';
import { changeBegin, changeCheck, changeJudge, changeRead, changeRollback, changeUndo } from './change-methods.js';
import { planApplyImage, planCreate, planRender, planUndoImage } from './plan-methods.js';
import { desiredRender } from './desired-methods.js';
import { readinessEvaluate, readinessFleet, snapshotRead } from './readiness-methods.js';
import { reportWrite } from './report-methods.js';

/** Most items one batch request may carry; the module splits larger pipelines. */
export const MAX_BATCH_ITEMS = 100_000;

/** An item's layout (default WinHttp). A bad one is that item's failure, as data: it never sinks the batch. */
function layoutOf(item: Record<string, unknown>): { ok: true; value: Layout } | { ok: false; error: { code: 'InvalidLayout'; message: string } } {
  const raw = item['layout'];
  if (raw === undefined || raw === null) return { ok: true, value: 'WinHttp' };
  const layout = typeof raw === 'string' ? layoutFromName(raw) : undefined;
  if (layout === undefined) {
    return { ok: false, error: { code: 'InvalidLayout', message: `${JSON.stringify(raw)} is not a layout; use ${LAYOUTS.join(', ')}` } };
  }
  return { ok: true, value: layout };
}

const hello = (maxLineBytes: number): Handler => (params, session): Outcome => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const asked = params['protocol'];
  if (asked !== PROTOCOL_VERSION) {
    return {
      ok: false,
      error: {
        code: ErrorCode.VersionMismatch,
        message: `bridge speaks protocol ${PROTOCOL_VERSION}, module asked for ${JSON.stringify(asked ?? null)}`,
        data: { reason: 'protocolVersion', bridge: PROTOCOL_VERSION, module: asked ?? null },
      },
    };
  }
  session.handshaken = true;
  return {
    ok: true,
    result: {
      protocol: PROTOCOL_VERSION,
      core: CORE_VERSION,
      node: process.version,
      maxLineBytes,
      maxBatchItems: MAX_BATCH_ITEMS,
      methods: [...methodNames],
    },
  };
};

/** mask.decode {items:[{value, layout?}]} -> {results:[DecodedMask-or-error per item]}. Per-item failures are data. */
const maskDecode: Handler = (params) => mapItems(params, MAX_BATCH_ITEMS, (item) => {
  const layout = layoutOf(item);
  if (!layout.ok) return { ok: true, value: layout };
  const r = decodeMask(item['value'], layout.value);
  return { ok: true, value: r.ok ? { ok: true, ...r.value } : r };
});

/** mask.encode {items:[{protocols:[names], layout?}]} -> {results:[{value, hex}-or-error per item]}. */
const maskEncode: Handler = (params) => mapItems(params, MAX_BATCH_ITEMS, (item, path) => {
  const layout = layoutOf(item);
  if (!layout.ok) return { ok: true, value: layout };
  const names = item['protocols'];
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) {
    return invalid(`${path}.protocols`, 'must be an array of strings');
  }
  const r = encodeMask(names, layout.value);
  return { ok: true, value: r.ok ? { ok: true, layout: layout.value, ...r.value } : r };
});

/** bridge.info: what this bridge can do here, including whether the optional edge-js adapter is usable. */
const bridgeInfo: Handler = () => ({
  ok: true,
  result: { protocol: PROTOCOL_VERSION, core: CORE_VERSION, node: process.version, edge: edgeStatus() },
});

const methodNames = ['hello', 'mask.decode', 'mask.encode', 'readiness.evaluate', 'snapshot.read', 'tls.probe', 'tls.plan', 'logs.scan', 'bridge.info',
  'plan.create', 'plan.applyImage', 'plan.undoImage', 'plan.render', 'desired.render', 'report.write', 'readiness.fleet',
  'change.begin', 'change.check', 'change.rollback', 'change.read', 'change.undo', 'change.judge'] as const;

export function createMethodTable(maxLineBytes: number): MethodTable {
  const table: [typeof methodNames[number], Handler][] = [
    ['hello', hello(maxLineBytes)],
    ['mask.decode', maskDecode],
    ['mask.encode', maskEncode],
    ['readiness.evaluate', readinessEvaluate],
    ['snapshot.read', snapshotRead],
    ['tls.probe', tlsProbe],
    ['tls.plan', tlsPlan],
    ['logs.scan', logsScan],
    ['bridge.info', bridgeInfo],
    ['plan.create', planCreate],
    ['plan.applyImage', planApplyImage],
    ['plan.undoImage', planUndoImage],
    ['plan.render', planRender],
    ['desired.render', desiredRender],
    ['report.write', reportWrite],
    ['readiness.fleet', readinessFleet],
    ['change.begin', changeBegin],
    ['change.check', changeCheck],
    ['change.rollback', changeRollback],
    ['change.read', changeRead],
    ['change.undo', changeUndo],
    ['change.judge', changeJudge],
  ];
  return new Map<string, Handler>(table);
}
