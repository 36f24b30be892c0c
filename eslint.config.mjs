// ESLint for the TypeScript core, the bridge, the tests and the Node scripts; npm test runs it first (the lint
// suite in scripts/test.js). No shared "recommended" set: every rule below is chosen, with the reason it is here.
// Left out on purpose (each measured on this code, each finding read):
//   no-unsafe-assignment/-member-access/-call/-return/-argument: ~750 hits, nearly all reads of JSON or
//     Array.isArray-narrowed input that a hand-written validator checks next; the rule cannot see the check.
//   no-unnecessary-condition (149): the defensive checks on input that types describe as already valid.
//   no-control-regex: the code matches control characters on purpose (to show them as \xHH, to refuse them in
//     paths), always written as escapes; the rule could only be silenced line by line.
//   no-await-in-loop (35): the awaits are sequential by design (one child at a time, bounded streams).
//   no-shadow, prefer-nullish-coalescing, require-await, restrict-template-expressions, no-base-to-string
//     (String(unknown) is how unknown input is shown): style, or no defect among the findings.
// The lint samples (tests/fixtures/lint) are ignored here; tests/lint/eslint.test.ts lints them with ignore: false.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Selectors shared by the blocks below (a later block's no-restricted-syntax replaces an earlier one's, so each
// block lists every selector it wants).
const noShell = {
  // A shell parses its command line: a path or argument with a space, quote or & becomes another command.
  selector: "Property[key.name='shell']:not([value.value=false])",
  message: 'Spawn with an argument array and shell: false (a shell would parse the arguments).',
};
const noExecRequire = {
  // exec and execSync always run a shell (see noShell); CommonJS spelling of the import ban below.
  selector: "VariableDeclarator[init.callee.name='require'][init.arguments.0.value=/child_process$/] > ObjectPattern > Property[key.name=/^exec(Sync)?$/]",
  message: 'exec and execSync run a shell: use execFile/execFileSync or spawn/spawnSync with shell: false.',
};
const noClass = {
  // The core and the bridge are plain functions over plain data (JSON in, JSON out); none has a class today.
  selector: 'ClassDeclaration, ClassExpression',
  message: 'core/ and bridge/ are functions over plain data: no classes.',
};

// The few globals the CommonJS scripts use (ESLint itself knows none; this saves a dependency on "globals").
const nodeGlobals = Object.fromEntries([
  'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'URLSearchParams',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
  'TextEncoder', 'TextDecoder', 'AbortController', 'performance', 'structuredClone', 'globalThis',
].map((name) => [name, 'readonly']));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', '.tools/', 'out/', 'bench/results/', 'tests/fixtures/lint/']),

  {
    name: 'tls365/all',
    files: ['**/*.{js,cjs,mjs,ts}'],
    linterOptions: {
      // A disable comment that no longer silences anything is a stale claim about the code.
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // == converts types ('0' == 0, null == undefined): every comparison here means exactly one type.
      eqeqeq: ['error', 'always'],
      // A binding that is never reassigned says so, and a reassignment of it is then a visible mistake.
      'prefer-const': 'error',
      // var is function-scoped and hoisted: a loop's var is shared by every closure made in the loop.
      'no-var': 'error',
      // Nothing executes text: the bridge reads untrusted files and requests, and must run none of it.
      'no-eval': 'error',
      'no-new-func': 'error',
      // shell: true (any value but false) and exec/execSync: see noShell.
      'no-restricted-syntax': ['error', noShell, noExecRequire],
      // An empty block swallows what it was meant to handle (an empty catch hides the error).
      'no-empty': 'error',
      // return/throw in finally discards the error or result being returned.
      'no-unsafe-finally': 'error',
      // Comparisons whose result is fixed by their form (a ?? b === c, !x == null) are always bugs.
      'no-constant-binary-expression': 'error',
      // x === x is a NaN test written by accident (use Number.isNaN).
      'no-self-compare': 'error',
      // An async executor's throw never rejects the promise: the error is lost.
      'no-async-promise-executor': 'error',
      // if (a = b) is a comparison typed as an assignment; while ((m = re.exec(s)) !== null) says it is meant.
      'no-cond-assign': ['error', 'except-parens'],
    },
  },

  {
    // scripts/, bench/, the mocha reporter and the fake bridges: plain CommonJS run by Node, no type checker.
    name: 'tls365/commonjs',
    files: ['**/*.{js,cjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
    rules: {
      // Without a type checker, a misspelt name is only found when that line runs.
      'no-undef': 'error',
      // An unused binding is dead code or a forgotten use; _name marks one kept on purpose (a callback's slot).
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_' }],
      // setTimeout('code') is eval (see no-eval).
      'no-implied-eval': 'error',
      // Every script starts with 'use strict' (silent errors become thrown ones); keep it so.
      strict: ['error', 'global'],
    },
  },

  {
    // Every TypeScript file, type-aware: each file is checked with the tsconfig.json nearest to it, so core/ gets
    // core/tsconfig.json (no Node or DOM types, as in npm run build) and the rest the root tsconfig.json.
    name: 'tls365/typescript',
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its rejection: the bridge would answer before the work ends, or crash later.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function passed where a void callback is expected (stream and process events) is never awaited.
      '@typescript-eslint/no-misused-promises': 'error',
      // await on a value that is not a promise is a misunderstanding of the API being called.
      '@typescript-eslint/await-thenable': 'error',
      // return await inside try is what makes the catch see the rejection; elsewhere it is noise.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Only Error objects are thrown and rejected: they carry a stack, and the bridge turns them into replies.
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // setTimeout('code'), new Function: text is never run (see no-eval); the type-aware form of no-implied-eval.
      '@typescript-eslint/no-implied-eval': 'error',
      // A switch over a union (RegValue types, operations, statuses) names every member: a default: must not
      // silently take a member added later. A default is still allowed after a complete list (case 'X': default:
      // keeps the old path for input that is not what its type says).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', {
        allowDefaultCaseForExhaustiveSwitch: true,
        considerDefaultExhaustiveForUnions: false,
        requireDefaultForNonUnion: false,
      }],
      // Type-only imports are written as such, so they are erased and never load a module at run time.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      // TypeScript files import; require() gives an untyped value (the two deliberate requires say why).
      '@typescript-eslint/no-require-imports': 'error',
      // An assertion to the type the value already has silences the checker on the day that type changes.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // Deprecated Node and library APIs (new Buffer(), url.parse) are replaced, not kept.
      '@typescript-eslint/no-deprecated': 'error',
      // As in the scripts; _name is kept on purpose (an interface's parameter, a tuple's slot).
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // exec and execSync always run a shell: see noShell.
      'no-restricted-imports': ['error', {
        paths: ['child_process', 'node:child_process'].map((name) => ({ name, importNames: ['exec', 'execSync'], message: noExecRequire.message })),
      }],
    },
  },

  {
    // The product: the core and the bridge (and the lint samples, which stand for product code).
    name: 'tls365/product',
    files: ['core/**/*.ts', 'bridge/**/*.ts', 'tests/fixtures/lint/**/*.ts'],
    rules: {
      // any turns the checker off for everything it touches; input is unknown until a validator says what it is.
      '@typescript-eslint/no-explicit-any': 'error',
      // x! hides the undefined that noUncheckedIndexedAccess exists to make the code handle.
      '@typescript-eslint/no-non-null-assertion': 'error',
      // The bridge's stdout is its JSON protocol: one console.log corrupts the stream. The core has no I/O.
      'no-console': 'error',
      'no-restricted-syntax': ['error', noShell, noExecRequire, noClass],
    },
  },
  // Tests keep any and x!: they read untyped JSON replies and index into results they have just checked; a
  // wrong guess throws, and the test fails, which is what a test is for.
);
