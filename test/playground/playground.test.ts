/// <reference lib="dom" />
/**
 * The docs playground in a real browser (#16): Debian's Chromium (/usr/bin/chromium, installed by
 * .ci/run; override with CHROMIUM_PATH) driven by playwright-core, which downloads no browser.
 * The page (docs/site/playground/) and the library's browser bundle (build/browser/, built by
 * `npm test`'s tsup step) are served from a temporary folder over HTTP; the test types inputs like
 * a user, reads the figures the page shows, and compares them with the library's own results
 * computed here from the built package (dist/).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const bundle = join(root, "build", "browser", "marketplace-economics.js");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

type Lib = typeof import("../../src/index.js");

describe("playground in Chromium", { timeout: 120_000 }, () => {
  let dir = "";
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url = "";
  let lib: Lib;

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run \`apt-get install -y chromium\` (.ci/run does) or set CHROMIUM_PATH`);
    if (!existsSync(bundle)) throw new Error("build/browser/marketplace-economics.js is missing: run `npm run build` first (`npm test` does)");
    lib = (await import(pathToFileURL(join(root, "dist", "index.js")).href)) as Lib;
    dir = mkdtempSync(join(tmpdir(), "me-playground-"));
    for (const f of readdirSync(join(root, "docs", "site", "playground"))) copyFileSync(join(root, "docs", "site", "playground", f), join(dir, f));
    copyFileSync(bundle, join(dir, "marketplace-economics.js"));
    server = createServer((req, res) => {
      const name = (req.url ?? "/").split("?")[0]?.replace(/^\/+/, "") || "index.html";
      const file = join(dir, name);
      if (name.includes("..") || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/index.html`;
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-offer-ready="true"][data-share-ready="true"]');
    expect(errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const figure = async (id: string) => ({ text: (await page.textContent(`#${id}`))?.trim() ?? "", value: (await page.getAttribute(`#${id}`, "data-value")) ?? "" });
  const pct = (d: { times(n: number): { toFixed(n: number): string } }) => `${d.times(100).toFixed(2)} %`;

  async function recalculated(action: () => Promise<void>): Promise<void> {
    await page.evaluate(() => {
      delete document.body.dataset["offerReady"];
    });
    await action();
    await page.waitForSelector("body[data-offer-ready]");
    expect(await page.getAttribute("body", "data-offer-ready"), (await page.textContent("#offer-error")) ?? "").toBe("true");
  }

  it("shows the library's payoff, factor rate, XIRR, APR and disclosure figures for a typed offer and a generated series", async () => {
    await page.fill("#principal", "25000");
    await page.selectOption("#costKind", "factorRate");
    await page.fill("#cost", "1.12");
    await page.fill("#holdback", "0.08");
    await page.fill("#genAmount", "900");
    await page.fill("#genDays", "500");
    await page.fill("#genStart", "2024-03-01");
    await recalculated(() => page.click("#generate"));

    const offer = lib.salesBasedAdvance({ principal: lib.money("25000", "USD"), factorRate: "1.12", holdbackRate: "0.08" });
    const sales = Array.from({ length: 500 }, (_, i) => ({ date: lib.addPeriods(lib.calendarDay(2024, 3, 1), i, "day"), amount: lib.money("900", "USD") }));
    const result = lib.simulateRepayment(offer, sales);
    const cost = lib.costOfFinancing(result);
    const d = lib.disclosure(offer, sales, { method: "historical" });

    expect(await figure("daysToPayoff")).toEqual({ text: `${result.summary.daysToPayoff} days`, value: String(result.summary.daysToPayoff) });
    expect((await figure("payoffDate")).value).toBe(result.summary.payoffDate?.toISOString().slice(0, 10));
    expect((await figure("totalPaid")).value).toBe(result.summary.totalPaid.amount.toString());
    expect(await figure("financeCharge")).toEqual({ text: "$3,000.00", value: cost.financeCharge.amount.toString() });
    expect(await figure("factorRate")).toEqual({ text: "1.1200", value: cost.factorRate.toString() });
    expect(cost.effectiveAnnualRate && cost.apr).toBeTruthy();
    if (!cost.effectiveAnnualRate || !cost.apr || !d.estimatedApr) throw new Error("rates expected");
    expect(await figure("xirr")).toEqual({ text: pct(cost.effectiveAnnualRate), value: cost.effectiveAnnualRate.toString() });
    expect(await figure("apr")).toEqual({ text: pct(cost.apr), value: cost.apr.toString() });
    expect((await figure("fundingProvided")).value).toBe(d.fundingProvided.amount.toString());
    expect((await figure("averageMonthlySales")).value).toBe(d.averageMonthlySales?.amount.toString() ?? "");
    expect((await figure("estimatedFinanceCharge")).value).toBe(d.estimatedFinanceCharge.amount.toString());
    expect((await figure("estimatedTotalPayment")).value).toBe(d.estimatedTotalPayment.amount.toString());
    expect((await figure("estimatedPayment")).value).toBe(d.estimatedPayment.amount.amount.toString());
    expect((await figure("estimatedTermDays")).value).toBe(String(d.estimatedTermDays));
    expect(await figure("estimatedApr")).toEqual({ text: pct(d.estimatedApr), value: d.estimatedApr.toString() });
    // The chart is drawn, with the APR in its title.
    expect(await page.textContent("#balance-chart svg title")).toContain(pct(cost.apr));
  });

  it("prices a pasted series with a fee, as the library does", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${lib.addPeriods("2023-06-01", i, "day").toISOString().slice(0, 10)},${i % 7 === 6 ? "0" : "523.45"}`);
    await page.fill("#principal", "10000");
    await page.selectOption("#costKind", "fee");
    await page.fill("#cost", "1500");
    await page.fill("#holdback", "0.1");
    await page.fill("#sales", lines.join("\n"));
    await recalculated(() => page.click("#calculate"));
    const sales = lines.map((l) => ({ date: l.split(",")[0] ?? "", amount: lib.money(l.split(",")[1] ?? "", "USD") }));
    const offer = lib.salesBasedAdvance({ principal: lib.money("10000", "USD"), fee: "1500", holdbackRate: "0.1" });
    const result = lib.simulateRepayment(offer, sales);
    const cost = lib.costOfFinancing(result);
    expect((await figure("daysToPayoff")).value).toBe(String(result.summary.daysToPayoff));
    expect(await figure("factorRate")).toEqual({ text: "1.1500", value: "1.15" });
    expect((await figure("apr")).value).toBe(cost.apr?.toString());
    expect((await figure("xirr")).value).toBe(cost.effectiveAnnualRate?.toString());
  });

  it("reports a bad input with the library's message instead of figures", async () => {
    await page.fill("#holdback", "1.5");
    await page.evaluate(() => {
      delete document.body.dataset["offerReady"];
    });
    await page.click("#calculate");
    await page.waitForSelector('body[data-offer-ready="error"]');
    expect(await page.textContent("#offer-error")).toMatch(/^salesBasedAdvance: /);
    await page.fill("#holdback", "0.1");
  });

  it("computes the share of sales of a pasted CSV, summing to 100 %", async () => {
    const csv = ["sellerId,date,amount,segment", "a,2024-01-05,120.50,SMB", "b,2024-02-01,79.50,SMB", "c,2024-03-01,300,large", "a,2024-04-01,100,SMB"].join("\n");
    await page.fill("#shareCsv", csv);
    await page.click("#computeShare");
    await page.waitForSelector('tr[data-segment="SMB"]');
    const rows = await page.$$eval("#share-table tbody tr", (trs) =>
      trs.map((tr) => ({ segment: (tr as HTMLElement).dataset["segment"], share: tr.children[2]?.getAttribute("data-value"), text: tr.children[2]?.textContent })),
    );
    const segment = new Map([
      ["a", "SMB"],
      ["b", "SMB"],
      ["c", "large"],
    ]);
    const sales = csv
      .split("\n")
      .slice(1)
      .map((l) => l.split(","))
      .map(([sellerId, date, amount]) => ({ sellerId: sellerId ?? "", date: date ?? "", amount: lib.money(amount ?? "", "USD") }));
    const share = lib.salesShare(sales, (s) => segment.get(s.sellerId) ?? "");
    expect(rows).toEqual(Object.entries(share.bySegment).flatMap(([seg, v]) => (v ? [{ segment: seg, share: v.gmvShare.toString(), text: pct(v.gmvShare) }] : [])));
    expect(rows.find((r) => r.segment === "SMB")?.share).toBe("0.5");
    expect(await page.textContent("#share-chart svg")).toContain("50 %");
  });

  it("fits a 375 px phone screen without horizontal scrolling", async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
