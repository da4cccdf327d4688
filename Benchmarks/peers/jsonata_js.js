#!/usr/bin/env node
// Evaluations per second of the JSONata benchmark expressions with jsonata-js 2.0.6 (the version AWS Step
// Functions runs) on Node: the peer of `stepwise-bench jsonata --peer js`.
//
// Usage: node jsonata_js.js SPEC.json [EVALUATIONS]
// SPEC: {"input": <state input>, "expressions": [{"name", "expression"}]}. Each expression is compiled once and
// evaluated with $states bound to {"input": input}, after 2,000 warm-up evaluations (V8 needs them to reach its
// steady state). Prints the version first, then one JSON object per expression:
// {"name", "evaluations", "seconds", "per_second"}.
//
// jsonata-js is not part of the project. It is loaded, in this order, from $JSONATA_JS (a path to jsonata.js),
// from ../shared/peers/jsonata-js-2.0.6 beside the repository (the shared reference copy), or else installed
// with `npm install jsonata@2.0.6` into a temporary directory that is removed afterwards.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const VERSION = '2.0.6';

function loadJsonata() {
  const candidates = [
    process.env.JSONATA_JS,
    path.resolve(__dirname, '../../../shared/peers/jsonata-js-' + VERSION + '/jsonata.js'),
  ].filter(Boolean);
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return { jsonata: require(candidate), from: candidate };
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'jsonata-js-'));
  process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', directory, 'jsonata@' + VERSION], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const installed = path.join(directory, 'node_modules', 'jsonata');
  return { jsonata: require(installed), from: 'npm install jsonata@' + VERSION };
}

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const evaluations = parseInt(process.argv[3] || '20000', 10);
  const { jsonata, from } = loadJsonata();
  console.log(JSON.stringify({ version: VERSION, node: process.version, from }));
  const bindings = { states: { input: spec.input } };
  for (const c of spec.expressions) {
    const expression = jsonata(c.expression);
    for (let i = 0; i < 2000; i++) await expression.evaluate(null, bindings);
    const start = process.hrtime.bigint();
    for (let i = 0; i < evaluations; i++) await expression.evaluate(null, bindings);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(JSON.stringify({ name: c.name, evaluations, seconds, per_second: evaluations / seconds }));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
