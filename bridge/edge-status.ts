import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Whether the optional edge-js .NET adapter could be used on this machine, and if not, why.
 *
 * edge-js is meant as an optional in-process .NET adapter for a Windows live probe (SslStream through
 * SChannel, registry reads with an explicit RegistryView). It is never on the critical path: its install
 * script ignores build failures (`npm install` exits 0 even when node-gyp or `dotnet build` failed), so
 * availability is decided here by the two artefacts it must produce, not by the install's exit code.
 * This checks files only; it never `require`s edge-js, which would start CoreCLR inside the bridge.
 */
export type EdgeStatus =
  | { readonly available: true; readonly native: string; readonly bootstrap: string }
  | { readonly available: false; readonly reason: string };

export function edgeStatus(resolve: (id: string) => string = require.resolve): EdgeStatus {
  let root: string;
  try {
    root = dirname(resolve('edge-js/package.json'));
  } catch {
    return { available: false, reason: 'edge-js is not installed (it is an optional dependency)' };
  }
  const native = join(root, 'build', 'Release', 'edge_coreclr.node');
  const bootstrap = join(root, 'lib', 'bootstrap', 'bin', 'Release', 'bootstrap.dll');
  if (!existsSync(native)) {
    return { available: false, reason: `the native addon was not built (${native} is missing; node-gyp failed during npm install)` };
  }
  if (!existsSync(bootstrap)) {
    return {
      available: false,
      reason: `the managed bootstrap was not built (${bootstrap} is missing; its dotnet restore/build failed during npm install, for example because the NuGet feed lacks a package it needs)`,
    };
  }
  return { available: true, native, bootstrap };
}
