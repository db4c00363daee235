#!/usr/bin/env node
// Stop the Neo4j started by tools/neo4j/start.mjs: SIGTERM (clean shutdown), wait up to NEO4J_STOP_TIMEOUT
// (60 s), then SIGKILL. Removes the pid file. Exits 0 if nothing was running.
// Env: NEO4J_DATA_DIR (.data/neo4j, relative to repo root), NEO4J_STOP_TIMEOUT (seconds).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, isOurProcess } from './processes.mjs';

const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
const dataDirEnv = (process.env.NEO4J_DATA_DIR ?? '').trim();
const dataDir = path.resolve(REPO_ROOT, dataDirEnv || path.join('.data', 'neo4j'));
const pidFile = path.join(dataDir, 'neo4j.pid');
const timeoutMs = Number((process.env.NEO4J_STOP_TIMEOUT ?? '').trim() || '60') * 1000;

const log = (msg) => process.stdout.write(`[neo4j] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function removePidFile() {
  try {
    fs.unlinkSync(pidFile);
  } catch {}
}

async function main() {
  let pid = null;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
  } catch {
    log(`not running (no pid file ${pidFile})`);
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isOurProcess(pid)) {
    log(`not running (stale pid file for pid ${pid}; removed)`);
    removePidFile();
    return;
  }

  process.stdout.write(`[neo4j] stopping pid ${pid} (SIGTERM) `);
  const t0 = Date.now();
  process.kill(pid, 'SIGTERM');
  let lastDot = Date.now();
  while (isAlive(pid) && Date.now() - t0 < timeoutMs) {
    await sleep(200);
    if (Date.now() - lastDot >= 1000) {
      process.stdout.write('.');
      lastDot = Date.now();
    }
  }
  process.stdout.write('\n');
  if (isAlive(pid)) {
    log(`still running after ${timeoutMs / 1000}s, sending SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) {
      process.stderr.write(`[neo4j] ERROR: pid ${pid} survived SIGKILL\n`);
      process.exit(1);
    }
  }
  removePidFile();
  log(`stopped (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

main().catch((e) => {
  process.stderr.write(`[neo4j] ERROR: ${e?.stack ?? e}\n`);
  process.exit(1);
});
