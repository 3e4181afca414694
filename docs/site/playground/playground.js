// The playground (#16): runs the library's browser bundle (./marketplace-economics.js, built by
// tsup.config.ts) in the page. Every figure shown carries its exact value in data-value.
import { addPeriods, costOfFinancing, disclosure, money, parseDate, salesBasedAdvance, salesShare, simulateRepayment } from "./marketplace-economics.js";

const $ = (id) => document.getElementById(id);
const usd = (m) => `$${Number(m.amount.toFixed(2)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (d) => `${d.times(100).toFixed(2)} %`;
const day = (d) => d.toISOString().slice(0, 10);

function show(id, text, value) {
  const el = $(id);
  el.textContent = text;
  el.dataset.value = value;
}

function generate() {
  const amount = $("genAmount").value.trim();
  const days = Number($("genDays").value);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new Error("days must be a whole number from 1 to 3660");
  const start = parseDate($("genStart").value.trim());
  $("sales").value = Array.from({ length: days }, (_, i) => `${day(addPeriods(start, i, "day"))},${amount}`).join("\n");
}

function readSeries(text) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^date\s*,/i.test(l));
  if (lines.length === 0) throw new Error("paste or generate a sales series first");
  return lines.map((line, i) => {
    const [date, amount, extra] = line.split(",").map((s) => s.trim());
    if (date === undefined || amount === undefined || extra !== undefined) throw new Error(`line ${i + 1}: expected "date,amount", got "${line}"`);
    return { date, amount: money(amount, "USD") };
  });
}

function chart(points, { yMax, label }) {
  const W = 640,
    H = 260,
    l = 70,
    r = 12,
    t = 16,
    b = 40;
  const xMax = Math.max(1, points.length - 1);
  const sx = (x) => l + (x / xMax) * (W - l - r);
  const sy = (y) => H - b - (y / (yMax || 1)) * (H - t - b);
  const d = points.map((y, x) => `${x === 0 ? "M" : "L"}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join("");
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" font-size="14" font-family="system-ui, sans-serif"><title>${label}</title>
${ticks.map((y) => `<line x1="${l}" x2="${W - r}" y1="${sy(y)}" y2="${sy(y)}" stroke="#e5e5e5"/><text x="${l - 6}" y="${sy(y) + 5}" text-anchor="end">$${Math.round(y).toLocaleString("en-US")}</text>`).join("")}
<path d="${d}" fill="none" stroke="#1f77b4" stroke-width="2.5"/>
<text x="${(l + W - r) / 2}" y="${H - 8}" text-anchor="middle">days since funding (0–${xMax})</text></svg>`;
}

function calculate() {
  $("offer-error").hidden = true;
  try {
    if ($("sales").value.trim() === "") generate();
    const kind = $("costKind").value;
    const cost = $("cost").value.trim();
    const offer = salesBasedAdvance({ principal: money($("principal").value.trim(), "USD"), [kind]: cost, holdbackRate: $("holdback").value.trim() });
    const sales = readSeries($("sales").value);
    const result = simulateRepayment(offer, sales);
    const c = costOfFinancing(result);
    const s = result.summary;
    show("daysToPayoff", s.daysToPayoff === null ? "not repaid within the series" : `${s.daysToPayoff} days`, String(s.daysToPayoff));
    show("payoffDate", s.payoffDate ? day(s.payoffDate) : "–", s.payoffDate ? day(s.payoffDate) : "");
    show("totalPaid", usd(s.totalPaid), s.totalPaid.amount.toString());
    show("financeCharge", usd(c.financeCharge), c.financeCharge.amount.toString());
    show("factorRate", c.factorRate.toFixed(4), c.factorRate.toString());
    show("xirr", c.effectiveAnnualRate ? pct(c.effectiveAnnualRate) : "not available", c.effectiveAnnualRate ? c.effectiveAnnualRate.toString() : "");
    show("apr", c.apr ? pct(c.apr) : "not available", c.apr ? c.apr.toString() : "");
    try {
      const d = disclosure(offer, sales, { method: "historical" });
      show("fundingProvided", usd(d.fundingProvided), d.fundingProvided.amount.toString());
      show("averageMonthlySales", d.averageMonthlySales ? usd(d.averageMonthlySales) : "–", d.averageMonthlySales ? d.averageMonthlySales.amount.toString() : "");
      show("estimatedFinanceCharge", usd(d.estimatedFinanceCharge), d.estimatedFinanceCharge.amount.toString());
      show("estimatedTotalPayment", usd(d.estimatedTotalPayment), d.estimatedTotalPayment.amount.toString());
      show("estimatedPayment", `${usd(d.estimatedPayment.amount)} ${d.estimatedPayment.frequency}`, d.estimatedPayment.amount.amount.toString());
      show("estimatedTermDays", d.estimatedTermDays === null ? "–" : `${d.estimatedTermDays} days`, String(d.estimatedTermDays));
      show("estimatedApr", d.estimatedApr ? pct(d.estimatedApr) : "not available", d.estimatedApr ? d.estimatedApr.toString() : "");
    } catch (e) {
      for (const id of ["fundingProvided", "averageMonthlySales", "estimatedFinanceCharge", "estimatedTotalPayment", "estimatedPayment", "estimatedTermDays", "estimatedApr"]) show(id, "–", "");
      $("estimatedApr").textContent = e.message;
    }
    const total = Number(s.totalRepayment.amount.toString());
    const balances = [total];
    for (const row of result.rows) {
      balances.push(Number(row.balance.amount.toString()));
      if (row.balance.amount.isZero()) break;
    }
    $("balance-chart").innerHTML = chart(balances, { yMax: total, label: `balance owed; APR ${c.apr ? pct(c.apr) : "n/a"}` });
    document.body.dataset.offerReady = "true";
  } catch (e) {
    $("offer-error").textContent = e.message;
    $("offer-error").hidden = false;
    document.body.dataset.offerReady = "error";
  }
}

function computeShare() {
  $("share-error").hidden = true;
  const body = $("share-table").querySelector("tbody");
  body.textContent = "";
  try {
    const [header, ...rows] = $("shareCsv")
      .value.split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const cols = (header ?? "").split(",").map((c) => c.trim());
    const at = (name) => {
      const i = cols.indexOf(name);
      if (i < 0) throw new Error(`the header must name a "${name}" column (sellerId,date,amount,segment)`);
      return i;
    };
    const [iSeller, iDate, iAmount, iSegment] = [at("sellerId"), at("date"), at("amount"), at("segment")];
    const segmentOf = new Map();
    const sales = rows.map((line) => {
      const f = line.split(",").map((s) => s.trim());
      segmentOf.set(f[iSeller], f[iSegment]);
      return { sellerId: f[iSeller], date: f[iDate], amount: money(f[iAmount], "USD") };
    });
    const share = salesShare(sales, (s) => segmentOf.get(s.sellerId));
    const entries = Object.entries(share.bySegment);
    for (const [segment, v] of entries) {
      const tr = document.createElement("tr");
      tr.dataset.segment = segment;
      tr.innerHTML = `<td></td><td></td><td data-value="${v.gmvShare.toString()}"></td>`;
      tr.children[0].textContent = segment;
      tr.children[1].textContent = usd(v.gmv);
      tr.children[2].textContent = pct(v.gmvShare);
      body.append(tr);
    }
    const W = 640,
      rowH = 36,
      l = 110,
      r = 70,
      H = entries.length * rowH + 40;
    const sx = (f) => l + f * (W - l - r);
    $("share-chart").innerHTML = `<svg viewBox="0 0 ${W} ${H}" role="img" font-size="14" font-family="system-ui, sans-serif"><title>share of sales by segment</title>
${entries.map(([seg, v], i) => `<rect x="${l}" y="${10 + i * rowH}" width="${(sx(v.gmvShare.toNumber()) - l).toFixed(1)}" height="${rowH - 10}" fill="#1f77b4"/><text x="${l - 6}" y="${10 + i * rowH + rowH / 2}" text-anchor="end">${seg.replace(/[<&>]/g, "")}</text><text x="${sx(v.gmvShare.toNumber()) + 6}" y="${10 + i * rowH + rowH / 2}">${pct(v.gmvShare)}</text>`).join("")}
<line x1="${sx(0.5)}" x2="${sx(0.5)}" y1="4" y2="${H - 24}" stroke="#d62728" stroke-dasharray="5 4"/><text x="${sx(0.5)}" y="${H - 8}" text-anchor="middle" fill="#d62728">50 %</text></svg>`;
    document.body.dataset.shareReady = "true";
  } catch (e) {
    $("share-error").textContent = e.message;
    $("share-error").hidden = false;
    document.body.dataset.shareReady = "error";
  }
}

$("generate").addEventListener("click", () => {
  try {
    generate();
    calculate();
  } catch (e) {
    $("offer-error").textContent = e.message;
    $("offer-error").hidden = false;
  }
});
$("offer-form").addEventListener("submit", (event) => {
  event.preventDefault();
  calculate();
});
$("computeShare").addEventListener("click", computeShare);
generate();
calculate();
computeShare();
