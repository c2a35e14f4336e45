// Starting the real entitygraph server for the end-to-end tests: built from
// this repository with `go build`, listening on a free loopback port.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createEntityGraphClient, HealthCheckResponse_ServingStatus, type EntityGraphClient } from "@entitygraph/client";

/** repoRoot is the top of the repository: the first directory above this file with a go.mod. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "go.mod"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("no go.mod above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** freePort asks the kernel for a free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr !== null ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** RunningServer is a started server and a client connected to it. */
export interface RunningServer {
  /** address is "127.0.0.1:<port>". */
  address: string;
  client: EntityGraphClient;
  /** logs returns what the server has printed so far. */
  logs(): string;
  /** stop sends SIGTERM and waits for the process to exit, then removes the build. */
  stop(): Promise<void>;
}

/**
 * startServer builds the server with `go build ./server/cmd/entitygraph-server`
 * into a temporary directory (or uses $ENTITYGRAPH_SERVER_BIN, a binary built
 * already), starts it with `--listen 127.0.0.1:<free port>`, and waits until
 * the health service says SERVING.
 */
export async function startServer(): Promise<RunningServer> {
  const root = repoRoot();
  const tmp = mkdtempSync(join(tmpdir(), "entitygraph-ts-e2e-"));
  let bin = process.env.ENTITYGRAPH_SERVER_BIN ?? "";
  if (bin === "") {
    bin = join(tmp, "entitygraph-server");
    const build = spawnSync("go", ["build", "-o", bin, "./server/cmd/entitygraph-server"], {
      cwd: root,
      encoding: "utf8",
    });
    if (build.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`go build ./server/cmd/entitygraph-server failed:\n${build.error ?? ""}${build.stderr}`);
    }
  }

  const address = `127.0.0.1:${await freePort()}`;
  const child: ChildProcess = spawn(bin, ["--listen", address], { stdio: ["ignore", "pipe", "pipe"] });
  let logs = "";
  child.stdout?.on("data", (b: Buffer) => (logs += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (logs += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // Never leave a server behind, even if the tests die.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tmp, { recursive: true, force: true });
  };

  const client = createEntityGraphClient({ address });
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited early with status ${child.exitCode}:\n${logs}`);
    }
    try {
      const res = await client.health.check({}, { timeoutMs: 1000 });
      if (res.status === HealthCheckResponse_ServingStatus.SERVING) break;
      lastError = new Error(`health status ${HealthCheckResponse_ServingStatus[res.status]}`);
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after 30s: ${String(lastError)}\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { address, client, logs: () => logs, stop };
}
