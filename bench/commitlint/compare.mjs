// Lints every message of zeroclaw-history.jsonl with commitlint + @commitlint/config-conventional and
// prints, per message, the failing commitlint rules, so classify.py / Tollgate can be compared.
// Setup (not committed): cd some/dir && npm install @commitlint/lint @commitlint/load @commitlint/config-conventional
// Usage:   NODE_PATH=some/dir/node_modules node bench/commitlint/compare.mjs HISTORY.jsonl > commitlint.jsonl
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const lint = (require('@commitlint/lint').default || require('@commitlint/lint'));
const load = (require('@commitlint/load').default || require('@commitlint/load'));
// What `commitlint --extends @commitlint/config-conventional` resolves: the rules, the
// conventionalcommits parser preset (which reads `type!:`) and the default ignores (merges, reverts).
const config = await load({ extends: ['@commitlint/config-conventional'] }, { cwd: process.env.NODE_PATH ? path.dirname(process.env.NODE_PATH) : process.cwd() });
const rules = config.rules;
const opts = {
  parserOpts: config.parserPreset && config.parserPreset.parserOpts ? config.parserPreset.parserOpts : undefined,
  defaultIgnores: config.defaultIgnores !== false,
  ignores: config.ignores || [],
};
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim());
const t0 = process.hrtime.bigint();
let valid = 0;
for (const line of lines) {
  const { commit, message } = JSON.parse(line);
  const r = await lint(message, rules, opts);
  if (r.valid) valid++;
  process.stdout.write(JSON.stringify({ commit, valid: r.valid, errors: r.errors.map(e => e.name), warnings: r.warnings.map(e => e.name) }) + '\n');
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stderr.write(`commitlint: ${valid} of ${lines.length} valid (errors only), ${ms.toFixed(0)} ms for the lint loop\n`);
