/**
 * Which files a process loads: an `--import` preload that logs every ES module the loader
 * fetches (through a module hook, so nothing is guessed) and, at exit, every CommonJS module in
 * require's cache. Used once per measured command, never in a timed run.
 */

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { runNode, type ProcessOptions } from './processes.js';

/** The preload, as a data: URL; it logs to `$BENCH_MODULE_LOG` (ESM lines) and `….cjs` (JSON). */
function preload(): string {
  const hooks = `
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(process.env.BENCH_MODULE_LOG, url + '\\n');
      return next(url, context);
    }`;
  const main = `
    import { register, createRequire } from 'node:module';
    import { writeFileSync } from 'node:fs';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
    const cache = createRequire(process.cwd() + '/').cache;
    process.on('exit', () => {
      writeFileSync(process.env.BENCH_MODULE_LOG + '.cjs', JSON.stringify(Object.keys(cache)));
    });`;
  return `data:text/javascript,${encodeURIComponent(main)}`;
}

/** Files (not node: builtins) the command loads, as paths relative to `root`. */
export function loadedFiles(
  args: readonly string[],
  root: string,
  scratch: string,
  options: ProcessOptions = {},
): string[] {
  const log = path.join(scratch, `modules-${process.pid}-${Date.now()}.log`);
  try {
    runNode(['--import', preload(), ...args], {
      ...options,
      env: { ...options.env, BENCH_MODULE_LOG: log },
    });
    const esm = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => fileURLToPath(url));
    const cjs = JSON.parse(readFileSync(`${log}.cjs`, 'utf8')) as string[];
    return [...new Set([...esm, ...cjs])].map((file) => path.relative(root, file)).sort();
  } finally {
    rmSync(log, { force: true });
    rmSync(`${log}.cjs`, { force: true });
  }
}

/** `dist/cli/{a,b}.js, commander (7 files)`: our own files by name, packages by count. */
export function describeFiles(files: readonly string[]): string {
  const own = new Map<string, string[]>();
  const packages = new Map<string, number>();
  for (const file of files) {
    const parts = file.split(path.sep);
    const nm = parts.lastIndexOf('node_modules');
    if (nm !== -1) {
      const name = parts[nm + 1]?.startsWith('@')
        ? `${parts[nm + 1]}/${parts[nm + 2]}`
        : (parts[nm + 1] ?? '?');
      packages.set(name, (packages.get(name) ?? 0) + 1);
    } else {
      const dir = parts.slice(0, -1).join('/');
      own.set(dir, [...(own.get(dir) ?? []), parts.at(-1)?.replace(/\.js$/, '') ?? '']);
    }
  }
  const ownText = [...own].map(([dir, names]) =>
    names.length === 1 ? `${dir}/${names[0]}.js` : `${dir}/{${names.join(',')}}.js`,
  );
  const packageText = [...packages].map(([name, count]) => `${name} (${count} files)`);
  return [...ownText, ...packageText].join(', ');
}
