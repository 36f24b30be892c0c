'use strict';
// Mocha reporter: the ordinary spec output, plus the run's counts written to $TLS365_MOCHA_STATS (JSON) so
// scripts/test.js can sum every suite into one closing line.
const fs = require('node:fs');
const Mocha = require('mocha');

function CountingReporter(runner, options) {
  Mocha.reporters.Spec.call(this, runner, options);
  let passed = 0;
  let failed = 0;
  let pending = 0;
  runner.on('pass', () => { passed += 1; });
  runner.on('fail', () => { failed += 1; });
  runner.on('pending', () => { pending += 1; });
  runner.once('end', () => {
    const file = process.env.TLS365_MOCHA_STATS;
    if (file) fs.writeFileSync(file, JSON.stringify({ passed, failed, skipped: pending }));
  });
}
Object.setPrototypeOf(CountingReporter.prototype, Mocha.reporters.Spec.prototype);

module.exports = CountingReporter;
