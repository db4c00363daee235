import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryFigures, ServeCommand, ServeOptions, ServeReady } from './serveProtocol';

/** Heap ceiling of the API child: the memory adapter holds the whole graph in the V8 heap. */
export const CHILD_MAX_OLD_SPACE_MB = 12_288;

export interface ApiProcess {
  pid: number;
  url: string;
  token: string;
  ready: ServeReady;
  request<T>(command: ServeCommand): Promise<T>;
  memory(): Promise<MemoryFigures>;
  stop(): Promise<void>;
}

/** Forks bench/serve.ts (through tsx), its output in `logFile`, and waits for it to listen. */
export async function startApiProcess(options: ServeOptions, logFile: string, readyTimeoutMs: number): Promise<ApiProcess> {
  mkdirSync(join(logFile, '..'), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = fork(join(__dirname, 'serve.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${CHILD_MAX_OLD_SPACE_MB}`],
    stdio: ['ignore', fd, fd, 'ipc'],
    env: { ...process.env },
  });
  closeSync(fd);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited: string | null = null;
  child.on('message', (message: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`bench/serve (${options.adapter}): ${message.error ?? 'failed'}`));
  });
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
    for (const waiter of pending.values()) waiter.reject(new Error(`bench/serve (${options.adapter}) ${exited}; see ${logFile}`));
    pending.clear();
  });

  const ready = await new Promise<ServeReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench/serve (${options.adapter}) not ready within ${readyTimeoutMs / 1000} s; see ${logFile}`)), readyTimeoutMs);
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message as ServeReady);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`bench/serve (${options.adapter}) ${exited ?? 'exited'} before it was ready; see ${logFile}`));
    });
  });

  const request = <T>(command: ServeCommand): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error(`bench/serve (${options.adapter}) ${exited}; see ${logFile}`));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...command });
    });

  return {
    pid: child.pid as number,
    url: `http://127.0.0.1:${ready.port}/graphql`,
    token: ready.token,
    ready,
    request,
    memory: () => request<MemoryFigures>({ cmd: 'memory' }),
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await request({ cmd: 'stop' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
