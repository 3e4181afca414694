// "SMBs make half of all sales": share of sales by segment, sharded and merged, by quarter,
// with concentration and a confidence interval (share module). Run: npx tsx examples/sales-share.ts
import {
  accumulateShare,
  finalizeShare,
  giniCoefficient,
  herfindahlHirschmanIndex,
  mergeAccumulators,
  salesShareByPeriod,
  syntheticMarketplace,
  topShare,
  wilsonInterval,
  type Sale,
} from "marketplace-economics";

const market = syntheticMarketplace({ seed: 1, sellers: 5_000 });
const segmentOf = (s: Sale) => (s.sellerId.startsWith("smb-") ? "SMB" : "large or first party");

// Two shards (e.g. two regions or two workers) streamed separately, then merged.
const all = [...market.sales({ granularity: "month" })];
const half = Math.floor(all.length / 2);
const shardA = accumulateShare(all.slice(0, half), segmentOf, { precision: 4 });
const shardB = accumulateShare(all.slice(half), segmentOf, { precision: 4 });
const merged = JSON.parse(JSON.stringify(mergeAccumulators(shardA, shardB))); // state survives JSON
console.log("state size after", all.length, "sales:", JSON.stringify(merged).length, "bytes");
const share = finalizeShare(mergeAccumulators(shardA, shardB));
for (const s of share.segments) console.log(`${s.segment.padEnd(22)} GMV ${s.gmvShare.toFixed(4)}  units ${s.unitShare.toFixed(4)}`);

// By quarter (UTC calendar quarters).
for (const q of salesShareByPeriod(all, segmentOf, { period: "quarter", precision: 3 })) {
  console.log(q.period, "SMB share", q.share.bySegment["SMB"]?.gmvShare.toFixed(3));
}

// Concentration among sellers: HHI (0–10,000), Gini, top-10 share.
const bySeller = new Map<string, number>();
for (const s of all) bySeller.set(s.sellerId, (bySeller.get(s.sellerId) ?? 0) + s.amount.amount.toNumber());
const totals = [...bySeller.values()];
console.log(`HHI ${herfindahlHirschmanIndex(totals).toFixed(1)}, Gini ${giniCoefficient(totals).toFixed(3)}, top-10 share ${topShare(totals, 10).toFixed(3)}`);

// "Every second sale": a share estimated from 1,000 sampled orders, with a 95 % Wilson interval.
const ci = wilsonInterval(512, 1000, 0.95);
console.log(`512 of 1,000 sampled orders from SMBs: 95 % CI ${ci.lower.toFixed(3)}–${ci.upper.toFixed(3)}`);
