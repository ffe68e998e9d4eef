// Real WebDAV servers for the tests: Apache httpd with mod_dav and `rclone serve webdav`, each on
// 127.0.0.1 with a free port and a temp directory of its own, started and stopped by the test.
// Two servers, so the client does not lean on one server's quirks (rclone 1.60, for one,
// ignores If-Match / If-None-Match on PUT; Apache honours them).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type DavKind = 'apache' | 'rclone';

export interface DavServer {
  kind: DavKind;
  /** The server's root URL, ending in '/'. */
  url: string;
  port: number;
  /** Directory the server serves (grep it to see what is stored). */
  root: string;
  user: string;
  password: string;
  /** Stops the server (the files stay). */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  /** Changes the account's password (Apache: at once; rclone: restarts). */
  setPassword(password: string): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const RCLONE = '/usr/bin/rclone';

export function davAvailable(kind: DavKind): boolean {
  return existsSync(kind === 'apache' ? APACHE : RCLONE) && (kind === 'rclone' || spawnSync('htpasswd', ['-h']).error === undefined);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUp(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`WebDAV server exited (${proc.exitCode}): ${log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`WebDAV server on ${port} did not come up: ${log()}`);
}

function apacheConf(dir: string, root: string, port: number): string {
  const mods = ['mpm_event', 'authn_core', 'authn_file', 'auth_basic', 'authz_core', 'authz_user', 'dav', 'dav_fs', 'headers'];
  return [
    `ServerRoot ${dir}`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile ${dir}/httpd.pid`,
    `ErrorLog ${dir}/error.log`,
    ...mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    `DavLockDB ${dir}/lock/DavLock`,
    `DocumentRoot ${root}`,
    // The 507 fault: PUTs into this folder are refused as "insufficient storage".
    'LoadModule rewrite_module ' + `${MODULES}/mod_rewrite.so`,
    'RewriteEngine On',
    `RewriteCond ${dir}/full -f`,
    'RewriteCond %{REQUEST_METHOD} =PUT',
    'RewriteRule .* - [R=507,L]',
    `<Directory ${root}>`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName papershelf-test',
    `  AuthUserFile ${dir}/htpasswd`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
}

export async function startDav(kind: DavKind, opts: { user?: string; password?: string } = {}): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), `papershelf-dav-${kind}-`));
  const root = join(dir, 'root');
  mkdirSync(root);
  mkdirSync(join(dir, 'lock'));
  const port = await freePort();
  const user = opts.user ?? 'researcher';
  let password = opts.password ?? 'app-password-1';
  let proc: ChildProcess | undefined;
  let log = '';

  const writePassword = () => {
    const r = spawnSync('htpasswd', ['-bcB', join(dir, 'htpasswd'), user, password]);
    if (r.status !== 0) throw new Error(`htpasswd failed: ${String(r.stderr)}`);
  };
  if (kind === 'apache') {
    writePassword();
    writeFileSync(join(dir, 'httpd.conf'), apacheConf(dir, root, port));
  }

  const start = async () => {
    log = '';
    const args =
      kind === 'apache'
        ? [APACHE, ['-f', join(dir, 'httpd.conf'), '-X', '-DFOREGROUND']]
        : [
            RCLONE,
            [
              'serve',
              'webdav',
              root,
              '--addr',
              `127.0.0.1:${port}`,
              '--user',
              user,
              '--pass',
              password,
              '--config',
              '/dev/null',
              '--dir-cache-time',
              '0s',
              '--poll-interval',
              '0',
            ],
          ];
    const p = spawn(args[0] as string, args[1] as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout?.on('data', (d) => (log += d));
    p.stderr?.on('data', (d) => (log += d));
    proc = p;
    await waitUp(port, p, () => log);
  };
  const stop = async () => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
      setTimeout(() => p.exitCode === null && p.kill('SIGKILL'), 3000).unref();
    });
  };

  await start();
  return {
    kind,
    url: `http://127.0.0.1:${port}/`,
    port,
    root,
    user,
    get password() {
      return password;
    },
    stop,
    start,
    async setPassword(p: string) {
      password = p;
      if (kind === 'apache') writePassword();
      else {
        await stop();
        await start();
      }
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes the Apache server answer 507 to every PUT (on = true) or not. */
export function setFull(server: DavServer, on: boolean): void {
  if (server.kind !== 'apache') throw new Error('only the Apache server simulates a full disk');
  const flag = join(server.root, '..', 'full');
  if (on) writeFileSync(flag, '');
  else rmSync(flag, { force: true });
}
