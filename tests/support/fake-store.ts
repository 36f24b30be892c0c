import type { MachineSnapshot } from '../../core/readiness/snapshot.js';
import type { RegValue } from '../../core/regfile/index.js';

/**
 * A snapshot as the fake registry of tests/module/fixtures/fake-registry (FakeRegistry.ps1) stores it: keys by
 * upper-cased path, values by 'V:<NAME>' slot, kinds as Microsoft.Win32.RegistryValueKind names, DWORDs as the
 * Int32 RegistryKey returns. Binary data is not kept (no script reads it); REG_DWORD_BIG_ENDIAN, which
 * RegistryKey reports as Unknown, is stored as Unknown.
 */
interface FakeValue { readonly name: string; readonly kind: string; readonly value: unknown }

function fakeValue(name: string, v: RegValue): FakeValue {
  switch (v.type) {
    case 'REG_DWORD':
      return { name, kind: 'DWord', value: v.data | 0 };
    case 'REG_SZ':
      return { name, kind: 'String', value: v.data };
    case 'REG_EXPAND_SZ':
      return { name, kind: 'ExpandString', value: v.data };
    case 'REG_MULTI_SZ':
      return { name, kind: 'MultiString', value: [...v.data] };
    case 'REG_QWORD':
      return { name, kind: 'QWord', value: v.number ?? 0 };
    case 'REG_DWORD_BIG_ENDIAN':
      return { name, kind: 'Unknown', value: [] };
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_OTHER':
      return { name, kind: 'Binary', value: [] };
  }
}

export function fakeStore(snapshot: MachineSnapshot): Record<string, { path: string; values: Record<string, FakeValue> }> {
  const store: Record<string, { path: string; values: Record<string, FakeValue> }> = {};
  for (const k of snapshot.registry) {
    const entry = store[k.path.toUpperCase()] ?? { path: k.path, values: {} };
    for (const v of k.values) entry.values[`V:${v.name.toUpperCase()}`] = fakeValue(v.name, v.value);
    store[k.path.toUpperCase()] = entry;
  }
  return store;
}
