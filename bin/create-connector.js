#!/usr/bin/env node
// A shim: the CLI lives in dist/ (npm run build); commands load lazily from there.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
// Exit explicitly (keep-alive sockets of a finished run must not hold the process open), but only
// once stdout and stderr are flushed: writes to a pipe may still be queued.
let pending = 2;
const done = () => (--pending === 0 ? process.exit(code) : undefined);
process.stdout.write('', done);
process.stderr.write('', done);
