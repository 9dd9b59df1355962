/**
 * Runs casepress's bundle (dist/*.cjs) with V8's code cache: each file is
 * compiled once, and what V8 compiled for it, the functions a run called
 * included, is kept beside the bundle for the next process. A one-off court
 * report compiled about 2.5 MB of code on every run, a fifth of its CPU time.
 *
 * The chunks require each other by "./name.cjs"; those files are loaded here,
 * with public APIs only (vm.Script and its cached data), and everything else
 * (Node's modules, packages, JSON) by Node's own `require`. Only this folder's
 * files go through here, so each is loaded once: the render threads load the
 * bundle through Node, in threads of their own.
 *
 * The cache is trusted as much as the code beside it: it sits in the bundle's
 * folder (only who may change casepress may change it), under the hash of the
 * bundle's chunks (rolldown.config.mjs codeIdentityFile) and Node's version,
 * so a rebuilt bundle or another Node never meets an old cache; V8 refuses
 * one made with other flags. Each file's cache is also named by the file's
 * size and modification time: V8 checks only a source's length, so a file
 * edited by hand in dist/ must not meet the code compiled from its old text.
 * A folder that cannot be written is simply not cached. Written when the
 * process exits, each file by a rename.
 *
 * Imports Node's modules only, so nothing of casepress is loaded twice: it
 * reads code-identity.txt itself (the caches read it through io/cache-shards.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS module as the bundle's code sees it. */
interface BundledModule {
  exports: unknown;
}

/** Node's wrapper of a CommonJS file, on the file's first line so line numbers stay. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n});';

/** The folder a bundle keeps its code cache in, for this Node; undefined when the bundle carries no identity. */
export function codeCacheDir(bundleDir: string): string | undefined {
  let identity: string;
  try {
    identity = readFileSync(join(bundleDir, 'code-identity.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  return join(bundleDir, 'code-cache', `${process.version}-${process.arch}-${identity.slice(0, 16)}`);
}

/**
 * Loads `entry` (a file of the bundle) and the bundle's files it requires,
 * using and then keeping the code cache. Returns the entry's exports.
 */
export function runBundled(entry: string): unknown {
  const bundleDir = dirname(entry);
  const cacheDir = codeCacheDir(bundleDir);
  const modules = new Map<string, BundledModule>();
  const uncached: { file: string; script: Script }[] = [];

  const load = (filename: string): unknown => {
    const loaded = modules.get(filename);
    if (loaded) return loaded.exports;
    const module: BundledModule = { exports: {} };
    modules.set(filename, module);
    const cacheFile = cacheDir && join(cacheDir, cacheName(filename));
    let cachedData: Buffer | undefined;
    try {
      cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
    } catch {
      cachedData = undefined;
    }
    // (No import() callback: the bundle holds no import(), as Node 20 gives none to a script made from cached data.
    // rolldown.config.mjs turns each into a require.)
    const script = new Script(`${WRAP_START}${readFileSync(filename, 'utf8')}${WRAP_END}`, { filename, ...(cachedData ? { cachedData } : {}) });
    if (cacheFile && (!cachedData || script.cachedDataRejected)) uncached.push({ file: cacheFile, script });
    const nodeRequire = createRequire(filename);
    const require = Object.assign((id: string) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(bundleDir, id)) : nodeRequire(id)), {
      resolve: nodeRequire.resolve,
      cache: nodeRequire.cache,
      main: nodeRequire.main,
    });
    const run = script.runInThisContext() as (exports: unknown, require: unknown, module: BundledModule, filename: string, dirname: string) => void;
    run(module.exports, require, module, filename, bundleDir);
    return module.exports;
  };

  // After the run: the cache then holds every function the run compiled, not only each file's top level.
  if (cacheDir) process.once('exit', () => keepCodeCache(cacheDir, uncached));
  return load(entry);
}

/** `name.cjs.<size>-<mtime>.bin`: the cache of this file as it is now. */
function cacheName(filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  return `${basename(filename)}.${size}-${Math.trunc(mtimeMs)}.bin`;
}

function keepCodeCache(cacheDir: string, scripts: readonly { file: string; script: Script }[]): void {
  if (scripts.length === 0) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const { file, script } of scripts) {
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } finally {
        rmSync(temporary, { force: true });
      }
    }
  } catch {
    // A read-only installation: the next run compiles as this one did.
  }
}
