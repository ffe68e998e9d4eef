// A small TCP proxy on 127.0.0.1 in front of a test server, to break an upload half-way: when
// armed, the next PUT whose path matches is forwarded with only the first `afterBytes` bytes of
// its body, then held; the test kills the server behind it (or not) and the proxy drops the
// connection. Everything else passes through unchanged (requests are parsed one after another,
// so keep-alive connections work).
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CutProxy {
  url: string;
  port: number;
  /** Arms the cut: resolves once a matching PUT has been held after `afterBytes` bytes of its body. */
  cutNextPut(path: RegExp, afterBytes: number): Promise<{ path: string; length: number }>;
  /** Drops every held connection (the client sees its upload fail). */
  dropHeld(): void;
  close(): Promise<void>;
}

interface Arm {
  path: RegExp;
  afterBytes: number;
  hit: (v: { path: string; length: number }) => void;
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  let arm: Arm | undefined;
  const held = new Set<Socket>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      held.delete(client);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.on('data', (d: Buffer) => client.write(d));

    let buf = Buffer.alloc(0);
    let bodyLeft = 0; // bytes of the current request's body still to forward
    let cutAt = -1; // bytes of this body to forward before holding (-1: no cut)
    client.on('data', (d: Buffer) => {
      if (held.has(client)) return;
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (bodyLeft > 0) {
          const n = Math.min(bodyLeft, buf.length, cutAt >= 0 ? cutAt : Infinity);
          if (n > 0) upstream.write(buf.subarray(0, n));
          buf = buf.subarray(n);
          bodyLeft -= n;
          if (cutAt >= 0) {
            cutAt -= n;
            if (cutAt === 0) {
              held.add(client);
              return;
            }
          }
          if (bodyLeft > 0) return;
        }
        const headEnd = buf.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buf.subarray(0, headEnd + 4).toString('latin1');
        buf = buf.subarray(headEnd + 4);
        const [method, path] = head.split(' ', 2);
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        upstream.write(head, 'latin1');
        bodyLeft = length;
        cutAt = -1;
        if (arm && method === 'PUT' && arm.path.test(path) && length > arm.afterBytes) {
          cutAt = arm.afterBytes;
          const a = arm;
          arm = undefined;
          // Once the cut bytes are through, tell the test.
          const check = setInterval(() => {
            if (held.has(client) || client.destroyed) {
              clearInterval(check);
              a.hit({ path, length });
            }
          }, 10);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    cutNextPut(path, afterBytes) {
      return new Promise((hit) => (arm = { path, afterBytes, hit }));
    },
    dropHeld() {
      for (const s of held) s.destroy();
      held.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
