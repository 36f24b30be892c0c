'use strict';
// Mocha reporter: the ordinary spec output, plus the run's counts written to $TLS365_MOCHA_STATS (JSON) so
// scripts/test.js can sum every suite into one closing line. (A class: mocha 12's Spec is an ES class.)
const fs = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, skipped: 0, failures: [], retried: [] };
    // A test run again after a failure (mocha --retries, used by the Windows tier for Wine's own flakes) is
    // named with its first failure, whatever its second run gives, so a flake is never silent.
    runner.on('retry', (test, err) => {
      const first = String((err && err.message) || err).split('\n').slice(0, 6).join(' | ');
      counts.retried.push(`${test.fullTitle()} (${test.file ? require('node:path').basename(test.file) : '?'}): ${first.slice(0, 1500)}`);
    });
    runner.on('pass', () => { counts.passed += 1; });
    runner.on('fail', (test, err) => {
      counts.failed += 1;
      // Named again after the closing line, so the tail of a CI log says which test failed and why.
      const first = String((err && err.message) || err).split('\n').slice(0, 3).join(' | ');
      counts.failures.push(`${test.fullTitle()} (${test.file ? require('node:path').basename(test.file) : '?'}): ${first.slice(0, 1500)}`);
    });
    runner.on('pending', () => { counts.skipped += 1; });
    runner.once('end', () => {
      const file = process.env.TLS365_MOCHA_STATS;
      if (file) fs.writeFileSync(file, JSON.stringify(counts));
    });
  }
}

module.exports = CountingReporter;
