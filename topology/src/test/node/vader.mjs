// Prints the compound score of the reference VADER (npm vader-sentiment) for each input line.
// Usage: node vader.mjs [file]   (reads stdin without a file). One text per line, UTF-8;
// output: one compound per line, in order, with full precision.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment');

const input = readFileSync(process.argv[2] ?? 0, 'utf8');
const lines = input.split('\n');
if (lines.length > 0 && lines[lines.length - 1] === '') {
  lines.pop();
}
const out = [];
for (const raw of lines) {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  out.push(String(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound));
}
process.stdout.write(out.join('\n') + (out.length > 0 ? '\n' : ''));
