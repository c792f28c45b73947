#!/usr/bin/env node
// A shim: the CLI lives in dist/ (npm run build); commands load lazily from there.
import { main } from '../dist/cli/main.js';

// Exit explicitly: keep-alive sockets of a finished run must not hold the process open.
process.exit(await main(process.argv.slice(2)));
