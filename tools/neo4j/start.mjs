#!/usr/bin/env node
// Start a local Neo4j 5.26 Community server (embedded DBMS, Bolt only) in the background.
// Builds tools/neo4j with Maven when needed, then waits until Bolt accepts connections.
// Env: NEO4J_BOLT_PORT (7687), NEO4J_DATA_DIR (.data/neo4j, relative to repo root), NEO4J_AUTH ("none" = no auth),
//      NEO4J_PASSWORD, NEO4J_HEAP (1g), NEO4J_PAGECACHE (256m), NEO4J_START_TIMEOUT (120 s), NEO4J_JAVA_OPTS, JAVA_HOME.
// Usage: node tools/neo4j/start.mjs   -> prints the Bolt URI as the last line, exits 0, leaves Neo4j running.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, isOurProcess } from './processes.mjs';

const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
const JAR = path.join(TOOL_DIR, 'target', 'huzhu-neo4j-launcher.jar');
const LIB_DIR = path.join(TOOL_DIR, 'target', 'lib');
const READY_MARK = 'neo4j ready ';
const HOST = '127.0.0.1';

const env = (name, dflt) => {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? dflt : v.trim();
};

const port = Number.parseInt(env('NEO4J_BOLT_PORT', '7687'), 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`invalid NEO4J_BOLT_PORT: ${process.env.NEO4J_BOLT_PORT}`);
const dataDir = path.resolve(REPO_ROOT, env('NEO4J_DATA_DIR', path.join('.data', 'neo4j')));
const logFile = path.join(dataDir, 'neo4j.log');
const pidFile = path.join(dataDir, 'neo4j.pid');
const lockFile = path.join(dataDir, 'neo4j.start.lock');
const heap = env('NEO4J_HEAP', '1g');
const timeoutMs = Number(env('NEO4J_START_TIMEOUT', '120')) * 1000;
const uri = `bolt://${HOST}:${port}`;

function log(msg) {
  process.stdout.write(`[neo4j] ${msg}\n`);
}

function fail(msg) {
  process.stderr.write(`[neo4j] ERROR: ${msg}\n`);
  process.exit(1);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function readPid() {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function portOpen(p = port, timeout = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port: p });
    const done = (ok) => {
      sock.removeAllListeners();
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeout, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function readLog(offset = 0) {
  try {
    const buf = fs.readFileSync(logFile);
    return buf.subarray(Math.min(offset, buf.length)).toString('utf8');
  } catch {
    return '';
  }
}

function readyLine(text) {
  return text.split('\n').find((l) => l.startsWith(READY_MARK)) ?? null;
}

function printLogTail(lines = 40, offset = 0) {
  const text = readLog(offset).trimEnd();
  process.stderr.write(`[neo4j] ---- last ${lines} lines of ${logFile} ----\n`);
  process.stderr.write(text.split('\n').slice(-lines).join('\n') + '\n');
  process.stderr.write('[neo4j] ----\n');
}

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function needsBuild() {
  if (!fs.existsSync(JAR) || !fs.existsSync(LIB_DIR) || fs.readdirSync(LIB_DIR).length === 0) return true;
  const jarTime = fs.statSync(JAR).mtimeMs;
  const srcTime = Math.max(newestMtime(path.join(TOOL_DIR, 'pom.xml')), newestMtime(path.join(TOOL_DIR, 'src')));
  return srcTime > jarTime;
}

function build() {
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  // No 'clean': other launcher instances (other ports/data dirs) may be running from target/. The jar manifest
  // lists its exact lib/ jars, so stale jars left in target/lib are harmless.
  log('building launcher (mvn package; the first build downloads ~125 MB of Neo4j jars from Maven Central) ...');
  const t0 = Date.now();
  const r = spawnSync(mvn, ['-q', '-B', '-Dstyle.color=never', '-f', path.join(TOOL_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: TOOL_DIR,
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) fail(`could not run Maven (${mvn}): ${r.error.message}`);
  // Debian's Maven 3.8 prints stray ANSI resets even with -q -B; show only real output.
  // eslint-disable-next-line no-control-regex
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
  if (output) process.stdout.write(output + '\n');
  if (r.status !== 0) fail(`Maven build failed (exit ${r.status})`);
  if (!fs.existsSync(JAR)) fail(`Maven build did not produce ${JAR}`);
  log(`built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

function javaBin() {
  const home = process.env.JAVA_HOME;
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  if (home && fs.existsSync(path.join(home, 'bin', exe))) return path.join(home, 'bin', exe);
  return 'java';
}

/** Poll until the Bolt port is open AND the launcher printed its ready line. */
async function waitReady(pid, logOffset, exited) {
  const t0 = Date.now();
  process.stdout.write(`[neo4j] waiting for ${uri} (pid ${pid}, timeout ${timeoutMs / 1000}s) `);
  let lastDot = 0;
  while (Date.now() - t0 < timeoutMs) {
    if (exited() || !isAlive(pid)) {
      process.stdout.write('\n');
      printLogTail(40, logOffset);
      try {
        fs.unlinkSync(pidFile);
      } catch {}
      fail('neo4j exited during startup (see log above)');
    }
    const line = readyLine(readLog(logOffset));
    if (line && (await portOpen())) {
      process.stdout.write(` ok (${((Date.now() - t0) / 1000).toFixed(1)}s)\n`);
      return line;
    }
    if (Date.now() - lastDot >= 1000) {
      process.stdout.write('.');
      lastDot = Date.now();
    }
    await sleep(250);
  }
  process.stdout.write('\n');
  printLogTail(40, logOffset);
  log(`timed out after ${timeoutMs / 1000}s; stopping pid ${pid}`);
  try {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 40 && isAlive(pid); i++) await sleep(250);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch {}
  try {
    fs.unlinkSync(pidFile);
  } catch {}
  fail(`neo4j did not become ready within ${timeoutMs / 1000}s`);
}

/** Serialize concurrent start.mjs runs for the same data dir (e.g. parallel test setups). */
async function acquireStartLock() {
  const t0 = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      process.on('exit', () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {}
      });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
    } catch {}
    if (Number.isInteger(holder) && !isAlive(holder)) {
      try {
        fs.unlinkSync(lockFile); // stale lock
      } catch {}
      continue;
    }
    if (!announced) {
      log(`another start.mjs (pid ${holder}) is starting neo4j; waiting for it`);
      announced = true;
    }
    if (Date.now() - t0 > timeoutMs + 600_000) fail(`gave up waiting for start lock ${lockFile}`);
    await sleep(500);
  }
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  await acquireStartLock();

  // Already running?
  const oldPid = readPid();
  if (oldPid !== null) {
    if (isAlive(oldPid) && isOurProcess(oldPid)) {
      const line = readyLine(readLog());
      if (line && !line.includes(uri + ' ')) {
        fail(`neo4j (pid ${oldPid}) is running with a different port/data dir: ${line}\n` +
             `        run 'node tools/neo4j/stop.mjs' first`);
      }
      if (line && (await portOpen())) {
        log(`already running (pid ${oldPid}): ${line.slice(READY_MARK.length)}`);
        console.log(uri);
        return;
      }
      // Started earlier and still starting up: wait for it.
      log(`already starting (pid ${oldPid})`);
      await waitReady(oldPid, 0, () => false);
      console.log(uri);
      return;
    }
    fs.unlinkSync(pidFile); // stale
  }
  if (await portOpen()) {
    fail(`port ${port} is already in use by another process (not started by this script). ` +
         'Stop it or set NEO4J_BOLT_PORT.');
  }

  if (needsBuild()) build();

  // Keep the previous log as neo4j.log.1.
  if (fs.existsSync(logFile)) fs.renameSync(logFile, logFile + '.1');
  const out = fs.openSync(logFile, 'a');

  const javaArgs = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    // Same module opens as the Neo4j server distribution's neo4j.conf.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    ...env('NEO4J_JAVA_OPTS', '').split(/\s+/).filter(Boolean),
    '-jar',
    JAR,
    '--port',
    String(port),
    '--data-dir',
    dataDir,
  ];
  const child = spawn(javaBin(), javaArgs, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: process.env,
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('error', (e) => fail(`could not start java: ${e.message}`));
  fs.closeSync(out);
  if (!child.pid) await sleep(100);
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  child.unref();
  log(`started java (pid ${child.pid}), log: ${path.relative(process.cwd(), logFile) || logFile}`);

  const line = await waitReady(child.pid, 0, () => exited);
  log(line);
  console.log(uri);
}

main().catch((e) => fail(e?.stack ?? String(e)));
