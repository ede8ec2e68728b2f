/**
 * Headless Chromium (the OS package) for tests that look at a page as a browser renders it. Every
 * run goes through a recording proxy on 127.0.0.1 that answers nothing, with loopback not
 * bypassed, so any fetch the page attempts is seen (and goes nowhere). A run is killed after
 * `timeoutMs`: a browser that hangs fails the test instead of hanging it.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const candidates = ["chromium", "chromium-browser", "google-chrome"];

/** The browser's path, or undefined when none is installed. */
export function findChromium(): string | undefined {
  for (const name of candidates) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

export interface BrowserRun {
  readonly stdout: string;
  /**
   * The first line of every request sent through the recording proxy, except the browser's own
   * service traffic (its clock, component updates and sign-in, to Google's hosts), which Chromium
   * sends whatever the page and these flags say.
   */
  readonly requests: string[];
}

const browserService =
  /^(GET|POST|CONNECT) (https?:\/\/)?[\w.-]*\.(google\.com|googleapis\.com|gstatic\.com)[:/]/;

/** A proxy on 127.0.0.1 that records each request's first line and closes the connection. */
async function recordingProxy(): Promise<{ port: number; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = net.createServer((socket) => {
    socket.once("data", (d: Buffer) => {
      requests.push(d.toString("latin1").split("\r\n")[0]);
      socket.destroy();
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs the browser headless on `url` with `args` (e.g. --dump-dom, --screenshot=FILE). */
export async function runChromium(
  browser: string,
  url: string,
  args: string[],
  timeoutMs = 45_000,
): Promise<BrowserRun> {
  const proxy = await recordingProxy();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        browser,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--hide-scrollbars",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-default-apps",
          `--user-data-dir=${profile}`,
          `--proxy-server=http://127.0.0.1:${proxy.port}`,
          "--proxy-bypass-list=<-loopback>",
          ...args,
          url,
        ],
        { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
        (e, out, err) => (e ? reject(new Error(`${browser} failed: ${e.message}\n${err}`)) : resolve(out)),
      );
    });
    return { stdout, requests: proxy.requests.filter((r) => !browserService.test(r)) };
  } finally {
    await proxy.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
