/**
 * Child processes and ports of the demo stack: free ports on 127.0.0.1, a spawned process that is stopped with
 * SIGTERM (SIGKILL after a grace period), and a readiness poll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A port the OS reports free on 127.0.0.1 (it could be taken before use; the stack starts right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Managed {
  child: ChildProcess;
  /** True once the process has exited. */
  exited: () => boolean;
  /** The tail of its log file, for error messages. */
  logTail: () => string;
  stop: () => Promise<void>;
}

/** How long a process may take to exit after SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000;

/**
 * Spawns `command` with stdout and stderr appended to `logFile`. `sh -c 'ulimit …; exec …'` wrappers keep the
 * same pid, so the stop signal reaches the real process.
 */
export function startProcess(command: string, args: string[], logFile: string, cwd?: string): Managed {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let done = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((done = true), resolve())));
  return {
    child,
    exited: () => done,
    logTail: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : ''),
    stop: async () => {
      if (done) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * Polls `probe` every 200 ms until it returns true (a throwing probe counts as "not yet"); throws with `what` after
 * `timeoutMs`, or at once with the text `failed` returns (e.g. the process exited).
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  failed: () => string | undefined = () => undefined,
  timeoutMs = 30_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) {
      return;
    }
    const failure = failed();
    if (failure !== undefined) {
      throw new Error(`${what}: ${failure}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** True when `url` answers 200. */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
