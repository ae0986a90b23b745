"""Question set for writer `schools` (energy officer, regional schools authority, rooftop PV tender).
Every expected figure is computed here from the data files."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

W = "schools"
OUT = Path(__file__).with_name("questions.jsonl")

# ---------------------------------------------------------------- data
MR = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
PR = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
MS = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
PS = pd.read_csv("/work/main/data/sample/prices.csv")
PS["date"] = pd.to_datetime(PS["date"])
FS = pd.read_csv("/work/main/data/sample/financials.csv")

AGGREGATES = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
              "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
              "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
              "South America", "South Asia", "South Europe", "Southeast Asia",
              "Southern Africa", "World"}
SCEN = {None: None, "most probable": "Forecast - Most probable", "high": "Forecast - High",
        "low": "Forecast - Low"}


def last_hist(M, terr):
    return M[(M.Territory == terr) & (M.Scenario == "Historical Primary")].Year.max()


def scen_for(M, terr, year, scen=None):
    if scen:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(M, terr) else "Forecast - Most probable"


def mv(M, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(M, terr, year, scen)
    r = M[(M.Territory == terr) & (M.Year == year) & (M.Type == typ) & (M.Connection == conn)
          & (M.Scenario == s)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(M, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(M, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(M, terr, typ="Annual", conn="Total"):
    r = M[(M.Territory == terr) & (M.Type == typ) & (M.Connection == conn)
          & (M.Scenario == "Historical Primary")]
    assert not r.duplicated("Year").any()
    return dict(zip(r.Year.astype(int), r["Capacity(MW)"].astype(float)))


def rank(M, year, typ="Annual", conn="Total", n=5, among=None):
    r = M[(M.Year == year) & (M.Type == typ) & (M.Connection == conn)
          & (M.Scenario == "Historical Primary") & (~M.Territory.isin(AGGREGATES))]
    if among:
        r = r[r.Territory.isin(among)]
    assert not r.duplicated("Territory").any()
    r = r.sort_values("Capacity(MW)", ascending=False).head(n)
    return list(r.Territory), [float(v) for v in r["Capacity(MW)"]]


def ps(P, item, desc, region, unit=None):
    r = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    r = r.sort_values("date")
    return r, r.unit.iloc[0]


def p_latest(P, *k):
    r, u = ps(P, *k)
    assert (r.date == r.date.iloc[-1]).sum() == 1, k
    return float(r.base_price.iloc[-1]), r.date.iloc[-1].strftime("%Y-%m-%d"), u


def p_month(P, ym, *k):
    r, u = ps(P, *k)
    x = r[r.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (k, ym, len(x))
    return float(x.base_price.iloc[0]), u


def p_on(P, day, *k):
    r, u = ps(P, *k)
    x = r[r.date == pd.Timestamp(day)]
    assert len(x) == 1, (k, day)
    return float(x.base_price.iloc[0]), u


def p_span(P, k, d0=None, d1=None):
    r, u = ps(P, *k)
    if d0:
        r = r[r.date >= pd.Timestamp(d0)]
    if d1:
        r = r[r.date <= pd.Timestamp(d1)]
    assert not r.date.duplicated().any(), k
    return r, u


def fv(company, period, metric):
    r = FS[(FS.company == company) & (FS.period == period) & (FS.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, n):
    return ((b / a) ** (1 / n) - 1) * 100


# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{W}-{len(ITEMS) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in expect],
          "names": [str(n) for n in names], "how": how}
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def U(data, agent, turn, why, how="not in the loaded data"):
    add(data, agent, turn, "unanswerable", how=how, why=why)


R, S = "real", "sample"

# ================================================================ REAL: market
v = mv(MR, "Netherlands", 2024, conn="Distributed")
add(R, "market", "For the tender file: how much distributed (rooftop) PV did the Netherlands install in 2024?",
    "lookup", [(v, "MW")], how="real CSV: Netherlands 2024 Historical Primary Distributed Annual")

v = mv(MR, "Belgium", 2024, typ="Cumulative")
add(R, "market", "What was Belgium's total installed PV base at the end of 2024?",
    "lookup", [(v, "MW")], how="real CSV: Belgium 2024 Historical Primary Total Cumulative")

v = mv(MR, "Germany", 2023, conn="Distributed")
add(R, "market", "german distributed PV additions in 2023, in MW please",
    "lookup", [(v, "MW")], how="real CSV: Germany 2023 Historical Primary Distributed Annual")

v = mv(MR, "Netherlands", 2027, conn="Distributed")
add(R, "market", "Our board wants a view of the next few years. What is the forecast for distributed PV additions in the Netherlands in 2027?",
    "lookup", [(v, "MW")], how="real CSV: Netherlands 2027 Forecast - Most probable Distributed Annual")

v = mv(MR, "Germany", 2026, scen="high")
add(R, "market", "Under the high scenario, how many MW would Germany install in 2026?",
    "lookup", [(v, "MW")], how="real CSV: Germany 2026 Forecast - High Total Annual")

v = mv(MR, "Luxembourg", 2024, conn="Distributed", typ="Cumulative")
add(R, "market", "How much distributed PV capacity did Luxembourg have installed in total by end-2024?",
    "lookup", [(v, "MW")], how="real CSV: Luxembourg 2024 Historical Primary Distributed Cumulative")

# rankings
n5, v5 = rank(MR, 2024, conn="Distributed", n=5)
add(R, "market", "Which five countries installed the most distributed PV in 2024? Countries only, not regions.",
    "rank", [(x, "MW") for x in v5], n5, how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 5")

n5t, v5t = rank(MR, 2024, n=5)
add(R, "market", "Top 5 countries by total PV added in 2024?",
    "rank", [(x, "MW") for x in v5t], n5t, how="real CSV: 2024 Historical Primary Total Annual, countries only, top 5")

among = ["Netherlands", "Belgium", "Germany", "France", "Luxembourg"]
nn, vv = rank(MR, 2024, conn="Distributed", n=5, among=among)
add(R, "market", "We're comparing ourselves to neighbours. Rank the Netherlands, Belgium, Germany, France and Luxembourg by distributed PV installed in 2024.",
    "rank", [(x, "MW") for x in vv], nn, how="real CSV: 2024 Historical Primary Distributed Annual, the 5 named countries, sorted")

n3c, v3c = rank(MR, 2024, typ="Cumulative", conn="Distributed", n=3)
add(R, "market", "Which 3 countries have the largest distributed PV fleet at the end of 2024?",
    "rank", [(x, "MW") for x in v3c], n3c, how="real CSV: 2024 Historical Primary Distributed Cumulative, countries only, top 3")

# shares
d, t = mv(MR, "Netherlands", 2024, conn="Distributed"), mv(MR, "Netherlands", 2024)
add(R, "market", "What share of the Dutch PV installed in 2024 was distributed?",
    "share", [(d / t * 100, "%")], how="real CSV: Netherlands 2024 Annual Distributed / Total x100")

g, w = mv(MR, "Germany", 2024), mv(MR, "World", 2024)
add(R, "market", "Germany's share of global PV additions in 2024, in %?",
    "share", [(g / w * 100, "%")], how="real CSV: Germany 2024 Annual Total / World 2024 Annual Total x100")

d, t = mv(MR, "Belgium", 2024, "Cumulative", "Distributed"), mv(MR, "Belgium", 2024, "Cumulative")
add(R, "market", "For a briefing note: how much of Belgium's cumulative PV capacity at end 2024 is distributed, as a percentage?",
    "share", [(d / t * 100, "%")], how="real CSV: Belgium 2024 Cumulative Distributed / Total x100")

c, w = mv(MR, "China", 2024, "Cumulative"), mv(MR, "World", 2024, "Cumulative")
add(R, "market", "What percentage of the world's installed PV base at end-2024 is in China?",
    "share", [(c / w * 100, "%")], how="real CSV: China 2024 Cumulative Total / World 2024 Cumulative Total x100")

# change
a, b = mv(MR, "Netherlands", 2020, conn="Distributed"), mv(MR, "Netherlands", 2024, conn="Distributed")
add(R, "market", "By how many percent did Dutch distributed PV additions change between 2020 and 2024?",
    "change", [(pct(a, b), "%")], how="real CSV: Netherlands Distributed Annual 2020 vs 2024, (b-a)/a x100")

a, b = mv(MR, "Germany", 2019, conn="Distributed"), mv(MR, "Germany", 2024, conn="Distributed")
add(R, "market", "What's the CAGR of Germany's distributed PV additions from 2019 to 2024?",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: Germany Distributed Annual 2019->2024, CAGR over 5 years")

a, b = mv(MR, "Belgium", 2023), mv(MR, "Belgium", 2024)
add(R, "market", "How did Belgium's annual PV market change from 2023 to 2024? Give the difference in MW and in %.",
    "change", [(b - a, "MW"), (pct(a, b), "%")], how="real CSV: Belgium Total Annual 2024 minus 2023, and %")

a, b = mv(MR, "France", 2015, "Cumulative"), mv(MR, "France", 2024, "Cumulative")
add(R, "market", "How much did France's cumulative PV capacity grow between end of 2015 and end of 2024, in MW?",
    "change", [(b - a, "MW")], how="real CSV: France Total Cumulative 2024 minus 2015")

a, b = mv(MR, "Netherlands", 2025, conn="Distributed"), mv(MR, "Netherlands", 2030, conn="Distributed")
add(R, "market", "Looking ahead, what compound annual growth rate is forecast for Dutch distributed additions between 2025 and 2030 (most probable scenario)?",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: Netherlands Distributed Annual Forecast - Most probable 2025->2030 CAGR 5 yrs")

# compare
a, b = mv(MR, "Netherlands", 2024, conn="Distributed"), mv(MR, "Belgium", 2024, conn="Distributed")
add(R, "market", "Compare distributed PV installed in 2024 in the Netherlands vs Belgium.",
    "compare", [(a, "MW"), (b, "MW")], ["Netherlands", "Belgium"], how="real CSV: 2024 Distributed Annual for both")

vals = [mv(MR, c, 2023, conn="Distributed") for c in ("Germany", "France", "Poland")]
add(R, "market", "How do Germany, France and Poland compare on rooftop/distributed additions in 2023?",
    "compare", [(x, "MW") for x in vals], ["Germany", "France", "Poland"], how="real CSV: 2023 Distributed Annual, 3 countries")

a, b = mv(MR, "Netherlands", 2028, conn="Distributed"), mv(MR, "Germany", 2028, conn="Distributed")
add(R, "market", "Forecast 2028 distributed additions: Netherlands versus Germany?",
    "compare", [(a, "MW"), (b, "MW")], ["Netherlands", "Germany"], how="real CSV: 2028 Forecast - Most probable Distributed Annual")

# extremes
s = hist_series(MR, "Netherlands", conn="Distributed")
yr = max(s, key=s.get)
add(R, "market", "In which year did the Netherlands install the most distributed PV so far (historical data only), and how much?",
    "extreme", [(s[yr], "MW")], [yr], how="real CSV: Netherlands Distributed Annual Historical Primary, argmax")

s = hist_series(MR, "Germany")
yr = max(s, key=s.get)
add(R, "market", "What is Germany's record year for PV installations in the historical data?",
    "extreme", [(s[yr], "MW")], [yr], how="real CSV: Germany Total Annual Historical Primary, argmax")

s = {y: v for y, v in hist_series(MR, "Belgium", conn="Distributed").items() if 2015 <= y <= 2024}
yr = min(s, key=s.get)
add(R, "market", "Between 2015 and 2024, which was Belgium's weakest year for distributed PV additions?",
    "extreme", [(s[yr], "MW")], [yr], how="real CSV: Belgium Distributed Annual Historical 2015-2024, argmin")

# average
s = mseries(MR, "Netherlands", 2020, 2024, conn="Distributed")
add(R, "market", "average yearly distributed PV installed in the Netherlands 2020-2024?",
    "average", [(sum(s.values()) / len(s), "MW")], how="real CSV: mean of Netherlands Distributed Annual 2020..2024")

s = mseries(MR, "Poland", 2019, 2024)
add(R, "market", "What was Poland's average annual PV market over 2019 to 2024 inclusive?",
    "average", [(sum(s.values()) / len(s), "MW")], how="real CSV: mean of Poland Total Annual 2019..2024")

s = mseries(MR, "Belgium", 2025, 2030, conn="Distributed")
add(R, "market", "On average, how much distributed PV is Belgium expected to add per year from 2025 to 2030?",
    "average", [(sum(s.values()) / len(s), "MW")], how="real CSV: mean of Belgium Distributed Annual Forecast - Most probable 2025..2030")

# sums
s = mseries(MR, "Germany", 2020, 2024, conn="Distributed")
add(R, "market", "Total distributed PV Germany added over 2020–2024 combined?",
    "sum", [(sum(s.values()), "MW")], how="real CSV: sum of Germany Distributed Annual 2020..2024")

vals = [mv(MR, c, 2024, conn="Distributed") for c in ("Netherlands", "Belgium", "Luxembourg")]
add(R, "market", "For the Benelux as a whole (NL, BE, LU added together), how much distributed PV went in during 2024?",
    "sum", [(sum(vals), "MW")], how="real CSV: sum of 2024 Distributed Annual for Netherlands, Belgium, Luxembourg")

s = mseries(MR, "Netherlands", 2025, 2030, conn="Distributed")
add(R, "market", "How much distributed PV in total is the Netherlands forecast to add between 2025 and 2030, most probable scenario?",
    "sum", [(sum(s.values()), "MW")], how="real CSV: sum of Netherlands Distributed Annual Forecast - Most probable 2025..2030")

# first / latest
s = hist_series(MR, "Poland")
yr = min(y for y, v in s.items() if v > 1000)
add(R, "market", "When did Poland first install more than 1,000 MW of PV in a single year?",
    "first_latest", [(s[yr], "MW")], [yr], how="real CSV: Poland Total Annual Historical, first year > 1000 MW")

s = hist_series(MR, "Belgium")
yl = max(s)
add(R, "market", "What's the latest year with actual (historical) data for Belgium's annual installations, and what was the figure?",
    "first_latest", [(s[yl], "MW")], [yl], how="real CSV: Belgium Total Annual Historical Primary, last year")

s = hist_series(MR, "Netherlands", conn="Distributed")
yr = min(y for y, v in s.items() if v > 1000)
add(R, "market", "First year the Dutch distributed segment passed 1 GW of additions?",
    "first_latest", [(s[yr], "MW")], [yr], how="real CSV: Netherlands Distributed Annual Historical, first year > 1000 MW")

# ================================================================ REAL: prices
K_TOP_EU = ("Module", "n-type TOPCon", "EU")
K_TOP_US = ("Module", "n-type TOPCon", "US")
K_TOP_CN = ("Module", "n-type TOPCon", "China")
K_HJT_CN = ("Module", "n-type HJT", "China")
K_CDTE = ("Module", "CdTe", "Overseas")
K_PERC_EU = ("Module", "p-type mono-Si PERC M10", "EU")
K_PERC_US = ("Module", "p-type mono-Si PERC M10", "US")

v, dt, u = p_latest(PR, *K_TOP_EU)
add(R, "price", "What's the latest price for n-type TOPCon modules in the EU? Need it for the cost estimate.",
    "price", [(v, u)], [], how=f"parquet: Module / n-type TOPCon / EU, newest date {dt}")

v, dt, u = p_latest(PR, *K_HJT_CN)
add(R, "price", "latest HJT module price in China?",
    "price", [(v, u)], [], how=f"parquet: Module / n-type HJT / China, newest date {dt}")

day = "2025-02-05"
vals = {k[2]: p_on(PR, day, *k)[0] for k in (K_TOP_CN, K_TOP_EU, K_TOP_US)}
cheap = min(vals, key=vals.get)
add(R, "price", "On 5 February 2025, where were n-type TOPCon modules cheapest: China, the EU or the US? Give the three prices.",
    "price", [(x, "US$/Wp") for x in vals.values()], [cheap], how=f"parquet: Module n-type TOPCon China/EU/US on {day}, min")

r, u = p_span(PR, K_TOP_CN)
i = r.base_price.idxmin()
add(R, "price", "What is the lowest n-type TOPCon module price recorded for China, and when was it?",
    "price", [(r.base_price.min(), u)], [r.loc[i, "date"].strftime("%Y")], how="parquet: Module n-type TOPCon China, min over whole series")

r, u = p_span(PR, K_TOP_CN, "2024-01-01", "2024-12-31")
a, b = float(r.base_price.iloc[0]), float(r.base_price.iloc[-1])
add(R, "price", "How did the Chinese n-type TOPCon module price move over 2024, from the first weekly quote of the year to the last one? In %.",
    "price", [(pct(a, b), "%")], how="parquet: Module n-type TOPCon China, first vs last observation in 2024")

r, u = p_span(PR, K_CDTE, "2024-01-01", "2024-12-31")
add(R, "price", "We may allow thin film in the tender. Average CdTe module price in 2024 (mean of the weekly quotes)?",
    "price", [(r.base_price.mean(), u)], how="parquet: Module CdTe Overseas, mean of 2024 observations")

a, da, u = p_latest(PR, *K_PERC_EU)
b, db, _ = p_latest(PR, *K_PERC_US)
assert da == db
add(R, "price", "Latest PERC M10 module prices, EU vs US — which is cheaper?",
    "price", [(a, u), (b, u)], ["EU" if a < b else "US"], how=f"parquet: Module p-type mono-Si PERC M10 EU and US at {da}")

r, u = p_span(PR, K_PERC_EU)
i = r.base_price.idxmax()
add(R, "price", "What was the highest p-type mono PERC M10 module price in the EU in the series, and in which month?",
    "price", [(r.base_price.max(), u)], [r.loc[i, "date"].strftime("%Y")], how="parquet: Module p-type mono-Si PERC M10 EU, max over whole series")

v, u = p_month(PR, "2024-03", "Copper", "Copper", "Overseas")
add(R, "price", "Copper price in March 2024?",
    "price", [(v, u)], how="parquet: Copper Overseas monthly, 2024-03")

v, u = p_month(PR, "2023-06", "Aluminium", "Aluminium", "Overseas")
add(R, "price", "Mounting frames are mostly aluminium, so: what was the aluminium price in June 2023?",
    "price", [(v, u)], how="parquet: Aluminium Overseas monthly, 2023-06")

a, _ = p_month(PR, "2024-01", "Copper", "Copper", "Overseas")
b, _ = p_month(PR, "2025-01", "Copper", "Copper", "Overseas")
add(R, "price", "How much did copper change in % from January 2024 to January 2025?",
    "price", [(pct(a, b), "%")], how="parquet: Copper Overseas 2024-01 vs 2025-01")

v, dt, u = p_latest(PR, "EVA", "EVA", "Overseas")
add(R, "price", "what is the most recent EVA price you have?",
    "price", [(v, u)], [], how=f"parquet: EVA Overseas, newest date {dt}")

v, dt, u = p_latest(PR, "Cell", "n-type TOPCon M10", "Overseas")
add(R, "price", "Latest price of n-type TOPCon M10 cells outside China (overseas)?",
    "price", [(v, u)], how=f"parquet: Cell n-type TOPCon M10 Overseas, newest date {dt}")

r, u = p_span(PR, ("Cell", "p-type mono-Si PERC", "China"), "2024-01-01", "2024-12-31")
i = r.base_price.idxmin()
add(R, "price", "Min p-type mono PERC cell price in China during 2024?",
    "price", [(r.base_price.min(), u)], how="parquet: Cell p-type mono-Si PERC China, min of 2024 observations")

v, dt, u = p_latest(PR, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "And wafers: latest overseas price for n-type mono M10 wafers?",
    "price", [(v, u)], how=f"parquet: Wafer n-type mono-Si M10 Overseas, newest date {dt}")

# ================================================================ REAL: follow-up chains
a = mv(MR, "Netherlands", 2024, conn="Distributed")
b = mv(MR, "Belgium", 2024, conn="Distributed")
add(R, "market", ["How much distributed PV did the Netherlands add in 2024?", "and Belgium?"],
    "follow_up", [(b, "MW")], how="real CSV: Belgium 2024 Historical Primary Distributed Annual")

b = mv(MR, "Germany", 2021, conn="Distributed")
add(R, "market", ["What were Germany's distributed PV additions in 2023?", "what about 2021?"],
    "follow_up", [(b, "MW")], how="real CSV: Germany 2021 Historical Primary Distributed Annual")

b = mv(MR, "Netherlands", 2030, conn="Distributed", scen="high")
add(R, "market", ["What's the most probable forecast for distributed PV additions in the Netherlands in 2030?",
                  "Same for the high scenario please."],
    "follow_up", [(b, "MW")], how="real CSV: Netherlands 2030 Forecast - High Distributed Annual")

add(R, "market", ["Which five countries installed the most distributed PV in 2024? Countries only.", "can you show that as a chart"],
    "follow_up", [(x, "MW") for x in v5], n5, how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 5, chart")

b, dt, u = p_latest(PR, *K_TOP_US)
add(R, "price", ["Latest n-type TOPCon module price in the EU?", "And in the US?"],
    "follow_up", [(b, u)], how=f"parquet: Module n-type TOPCon US, newest date {dt}")

d, t = mv(MR, "Poland", 2024, "Cumulative", "Distributed"), mv(MR, "Poland", 2024, "Cumulative")
add(R, "market", ["What was Poland's cumulative installed PV capacity at end of 2024?",
                  "What share of that is distributed?"],
    "follow_up", [(d / t * 100, "%")], how="real CSV: Poland 2024 Cumulative Distributed / Total x100")

b, u = p_month(PR, "2025-03", "Copper", "Copper", "Overseas")
add(R, "price", ["What was the copper price in March 2024?", "and a year later, March 2025?"],
    "follow_up", [(b, u)], how="parquet: Copper Overseas monthly, 2025-03")

# ================================================================ REAL: unanswerable
U(R, "market", "How much wind capacity did the Netherlands install in 2024? The board asked about wind too.",
  "wind is not in the data (PV only)")
U(R, "market", "How many MWh of battery storage were installed alongside rooftop PV in Germany in 2024?",
  "storage is not held")
U(R, "market", "What's the LCOE of rooftop PV in the Netherlands right now?",
  "LCOE is not a measure in the data")
U(R, "market", "How many GWh did Belgian PV systems generate in 2024?",
  "generation in GWh is not held, only capacity in MW")
U(R, "market", "How many jobs does the German rooftop PV sector support?",
  "employment is not in the data")
U(R, "market", "What is the current feed-in tariff for small rooftop systems in the Netherlands?",
  "tariffs / support schemes are not held")
U(R, "market", "How much PV capacity is installed on school buildings in the Netherlands?",
  "no school / building-type breakdown; only centralised / distributed / off-grid")
U(R, "market", "What was the Dutch rooftop PV market worth in EUR in 2024?",
  "market value in money is not held, only MW")
U(R, "market", "How much distributed PV did New Zealand install in 2024?",
  "New Zealand is not a territory in the data")
U(R, "market", "What's the distributed PV installed in Flanders in 2024?",
  "sub-national regions (Flanders) are not in the data")
U(R, "market", "What will the Netherlands install in 2035?",
  "forecasts stop at 2030")
U(R, "market", "For the long-term plan: what's the forecast cumulative installed PV in the Netherlands at the end of 2030?",
  "forecast cumulative values in the real CSV exclude the installed base, so a true cumulative 2030 figure is not available")
U(R, "price", "What's the latest price for string inverters (per Wp) in Europe?",
  "inverters are not a price item in the data")
U(R, "price", "What do roof mounting systems cost per kWp at the moment?",
  "mounting systems are not a price item")
U(R, "price", "Latest n-type TOPCon module price in Japan?",
  "Japan is not a price region")
U(R, "price", "What share of the module price is the cell cost these days?",
  "a share of a price is not something the price data gives")
U(R, "price", "What is the average efficiency of TOPCon modules currently on the market?",
  "efficiency is not held")
U(R, "manufacturer_financial", "We might get a bid from JinkoSolar. What was their revenue in 2024?",
  "JinkoSolar is not in the financials (sample companies only)")

# ================================================================ REAL: financials (sample file)
H, SF, AU, NL = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                 "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
v, u = fv(NL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "What was Nordlicht Solar AG's revenue for full-year 2024?",
    "financial", [(v, u)], how="financials: Nordlicht FY2024 Revenue")

v, u = fv(AU, "2024-Q3", "Gross margin")
add(R, "manufacturer_financial", "Aurora PV Group gross margin in Q3 2024?",
    "financial", [(v, u)], how="financials: Aurora 2024-Q3 Gross margin")

a, _ = fv(SF, "FY2023", "Net income")
b, u = fv(SF, "FY2024", "Net income")
add(R, "manufacturer_financial", "Is SunForge Energy financially sound enough to bid? Show me net income FY2023 and FY2024.",
    "financial", [(a, u), (b, u)], how="financials: SunForge FY2023 and FY2024 Net income")

cos = [H, SF, AU, NL]
ni = {c: fv(c, "FY2024", "Net income")[0] for c in cos}
best = max(ni, key=ni.get)
add(R, "manufacturer_financial", "Which manufacturer had the highest net income in FY2024?",
    "financial", [(ni[best], "USD million")], [best.split()[0]], how="financials: FY2024 Net income, max across the 4 companies")

U(R, "manufacturer_financial", "What is Helios Modules' debt-to-equity ratio?",
  "debt / equity is not a metric in the financials")

# ================================================================ SAMPLE: market
v = mv(MS, "Italy", 2024, conn="Distributed")
add(S, "market", "How much distributed PV did Italy add in 2024?",
    "lookup", [(v, "MW")], how="sample market: Italy 2024 Historical Primary Distributed Annual")

v = mv(MS, "Netherlands", 2024, "Cumulative", "Distributed")
add(S, "market", "For our tender background section: the Netherlands' cumulative distributed capacity at end of 2024?",
    "lookup", [(v, "MW")], how="sample market: Netherlands 2024 Historical Primary Distributed Cumulative")

v = mv(MS, "Poland", 2029, scen="low")
add(S, "market", "Poland's annual PV additions in 2029 in the low scenario?",
    "lookup", [(v, "MW")], how="sample market: Poland 2029 Forecast - Low Total Annual")

SAMPLE_C = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
nn, vv = rank(MS, 2024, conn="Distributed", n=3)
add(S, "market", "Which three countries added the most distributed PV in 2024?",
    "rank", [(x, "MW") for x in vv], nn, how="sample market: 2024 Historical Distributed Annual, countries only (not World), top 3")

nn, vv = rank(MS, 2024, typ="Cumulative", n=6)
add(S, "market", "Rank all the countries you have by total cumulative PV capacity at the end of 2024, biggest first.",
    "rank", [(x, "MW") for x in vv], nn, how="sample market: 2024 Historical Total Cumulative, all 6 countries sorted")

d, t = mv(MS, "Spain", 2024, conn="Distributed"), mv(MS, "Spain", 2024)
add(S, "market", "What % of Spain's 2024 PV additions were distributed?",
    "share", [(d / t * 100, "%")], how="sample market: Spain 2024 Annual Distributed / Total x100")

a, w = mv(MS, "Netherlands", 2024), mv(MS, "World", 2024)
add(S, "market", "What was the Dutch share of world PV installations in 2024?",
    "share", [(a / w * 100, "%")], how="sample market: Netherlands 2024 Annual Total / World x100")

a, b = mv(MS, "Germany", 2018, conn="Distributed"), mv(MS, "Germany", 2024, conn="Distributed")
add(S, "market", "CAGR of German distributed additions 2018-2024?",
    "change", [(cagr(a, b, 6), "%")], how="sample market: Germany Distributed Annual 2018->2024 CAGR 6 yrs")

a, b = mv(MS, "France", 2023), mv(MS, "France", 2024)
add(S, "market", "Year-on-year change in France's annual installations, 2023 to 2024, in MW and %?",
    "change", [(b - a, "MW"), (pct(a, b), "%")], how="sample market: France Total Annual 2024 minus 2023, and %")

a, b = mv(MS, "Italy", 2024, conn="Distributed"), mv(MS, "Italy", 2030, conn="Distributed")
add(S, "market", "How much is Italy's distributed market expected to grow (in %) from 2024 to 2030 in the most probable case?",
    "change", [(pct(a, b), "%")], how="sample market: Italy Distributed Annual 2024 Historical vs 2030 Forecast - Most probable")

vals = [mv(MS, c, 2024, conn="Distributed") for c in ("Netherlands", "Germany")]
add(S, "market", "Netherlands vs Germany: distributed PV installed in 2024?",
    "compare", [(x, "MW") for x in vals], ["Netherlands", "Germany"], how="sample market: 2024 Distributed Annual both")

vals = [mv(MS, c, 2024, "Cumulative") for c in ("Spain", "Italy", "France")]
add(S, "market", "Compare the installed bases of Spain, Italy and France at end 2024.",
    "compare", [(x, "MW") for x in vals], ["Spain", "Italy", "France"], how="sample market: 2024 Total Cumulative, 3 countries")

s = hist_series(MS, "Poland", conn="Distributed")
yr = max(s, key=s.get)
add(S, "market", "Which year saw Poland's highest distributed PV additions in the historical data?",
    "extreme", [(s[yr], "MW")], [yr], how="sample market: Poland Distributed Annual Historical, argmax")

s = hist_series(MS, "Spain")
yr = min(s, key=s.get)
add(S, "market", "Lowest year for Spanish PV installations in the historical record?",
    "extreme", [(s[yr], "MW")], [yr], how="sample market: Spain Total Annual Historical, argmin")

s = mseries(MS, "Germany", 2020, 2024, conn="Distributed")
add(S, "market", "Average annual distributed PV installed in Germany from 2020 through 2024?",
    "average", [(sum(s.values()) / len(s), "MW")], how="sample market: mean Germany Distributed Annual 2020..2024")

s = mseries(MS, "Netherlands", 2025, 2030, scen="high")
add(S, "market", "In the high scenario, what would the Netherlands add per year on average over 2025-2030?",
    "average", [(sum(s.values()) / len(s), "MW")], how="sample market: mean Netherlands Total Annual Forecast - High 2025..2030")

vals = [mv(MS, c, 2024, conn="Distributed") for c in ("Netherlands", "Germany", "France")]
add(S, "market", "Sum of 2024 distributed installations in the Netherlands, Germany and France together?",
    "sum", [(sum(vals), "MW")], how="sample market: sum 2024 Distributed Annual for 3 countries")

s = mseries(MS, "Spain", 2021, 2024, conn="Distributed")
add(S, "market", "How much distributed PV did Spain add in total across 2021-2024?",
    "sum", [(sum(s.values()), "MW")], how="sample market: sum Spain Distributed Annual 2021..2024")

s = hist_series(MS, "Netherlands", "Cumulative", "Distributed")
yr = min(y for y, v in s.items() if v > 10000)
add(S, "market", "In what year did the Dutch distributed fleet first exceed 10 GW?",
    "first_latest", [(s[yr], "MW")], [yr], how="sample market: Netherlands Distributed Cumulative Historical, first year > 10000 MW")

s = hist_series(MS, "Italy", "Cumulative")
y0 = min(s)
add(S, "market", "What's the earliest year you have for Italy's installed base, and the value?",
    "first_latest", [(s[y0], "MW")], [y0], how="sample market: Italy Total Cumulative Historical, first year")

# ================================================================ SAMPLE: prices
v, u = p_month(PS, "2024-03", *K_TOP_EU)
add(S, "price", "n-type TOPCon module price in the EU in March 2024?",
    "price", [(v, u)], how="sample prices: Module n-type TOPCon EU 2024-03")

regs = ["China", "EU", "India", "US"]
vals = {r_: p_month(PS, "2024-06", "Module", "n-type TOPCon", r_)[0] for r_ in regs}
cheap = min(vals, key=vals.get)
add(S, "price", "Which region had the cheapest TOPCon modules in June 2024?",
    "price", [(vals[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type TOPCon all regions 2024-06, min")

r, u = p_span(PS, ("Module", "p-type mono-Si PERC M10", "EU"))
i = r.base_price.idxmax()
add(S, "price", "Highest EU price for PERC M10 modules over the whole series, and when?",
    "price", [(r.base_price.max(), u)], [r.loc[i, "date"].strftime("%Y")], how="sample prices: Module p-type mono-Si PERC M10 EU, max")

a, u = p_month(PS, "2024-01", *K_HJT_CN)
b, _ = p_month(PS, "2024-12", *K_HJT_CN)
add(S, "price", "How much did Chinese HJT module prices change from January to December 2024 (in %)?",
    "price", [(pct(a, b), "%")], how="sample prices: Module n-type HJT China 2024-01 vs 2024-12")

vals = {d_: p_month(PS, "2024-09", "Module", d_, "EU")[0] for d_ in ("n-type TOPCon", "n-type HJT", "p-type mono-Si PERC M10")}
cheap = min(vals, key=vals.get)
add(S, "price", "Comparing technologies for the tender: TOPCon vs HJT vs PERC M10 module prices in the EU, September 2024 — which was cheapest?",
    "price", [(x, "US$/Wp") for x in vals.values()], [{"n-type TOPCon": "TOPCon", "n-type HJT": "HJT", "p-type mono-Si PERC M10": "PERC"}[cheap]],
    how="sample prices: 3 module descriptions EU 2024-09, min")

r, u = p_span(PS, ("PV glass", "Glass 3,2mm", "EU"), "2023-01-01", "2023-12-31")
add(S, "price", "average 3.2mm PV glass price in the EU during 2023?",
    "price", [(r.base_price.mean(), u)], how="sample prices: PV glass Glass 3,2mm EU, mean of 2023 monthly values")

v, dt, u = p_latest(PS, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "Latest polysilicon price (9N high purity) in China?",
    "price", [(v, u)], how=f"sample prices: Polysilicon High purity China, newest date {dt}")

r, u = p_span(PS, ("Cell", "n-type TOPCon M10", "China"))
i = r.base_price.idxmin()
add(S, "price", "Lowest TOPCon M10 cell price in China and the month it happened?",
    "price", [(r.base_price.min(), u)], [r.loc[i, "date"].strftime("%Y")], how="sample prices: Cell n-type TOPCon M10 China, min")

# ================================================================ SAMPLE: follow-ups
b = mv(MS, "Spain", 2024, conn="Distributed")
add(S, "market", ["How much distributed PV did Italy add in 2024?", "and Spain?"],
    "follow_up", [(b, "MW")], how="sample market: Spain 2024 Historical Distributed Annual")

b, u = p_month(PS, "2024-03", *K_TOP_EU)
add(S, "price", ["What was the n-type TOPCon module price in China in March 2024?", "what about the EU?"],
    "follow_up", [(b, u)], how="sample prices: Module n-type TOPCon EU 2024-03")

b, u = fv(H, "FY2024", "Revenue")
add(S, "manufacturer_financial", ["Helios Modules revenue in FY2023?", "and FY2024?"],
    "follow_up", [(b, u)], how="financials: Helios FY2024 Revenue")

b = mv(MS, "Poland", 2028, scen="low")
add(S, "market", ["What's Poland's forecast PV market in 2028, most probable scenario?", "same for the low scenario"],
    "follow_up", [(b, "MW")], how="sample market: Poland 2028 Forecast - Low Total Annual")

d, t = mv(MS, "France", 2020, conn="Distributed"), mv(MS, "France", 2020)
add(S, "market", ["What share of France's PV additions in 2024 was distributed?", "and in 2020?"],
    "follow_up", [(d / t * 100, "%")], how="sample market: France 2020 Annual Distributed / Total x100")

a = mv(MS, "Netherlands", 2024, "Cumulative")
b = mv(MS, "Germany", 2024, "Cumulative")
add(S, "market", ["What was the Netherlands' total installed PV base at end of 2024?",
                  "How does it compare with Germany?"],
    "follow_up", [(a, "MW"), (b, "MW")], ["Germany"], how="sample market: 2024 Total Cumulative Netherlands and Germany")

# ================================================================ SAMPLE: financials
v, u = fv(H, "2024-Q4", "Net income")
add(S, "manufacturer_financial", "Helios Modules net income in Q4 2024?",
    "financial", [(v, u)], how="financials: Helios 2024-Q4 Net income")

s = {p: fv(AU, p, "Gross margin")[0] for p in ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4",
                                                 "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
pm = min(s, key=s.get)
add(S, "manufacturer_financial", "Which quarter of 2023-2024 had Aurora PV Group's lowest gross margin?",
    "financial", [(s[pm], "%")], [pm.split("-")[1], pm.split("-")[0]], how="financials: Aurora quarterly Gross margin, argmin")

a, u = fv(SF, "FY2023", "Revenue")
b, _ = fv(SF, "FY2024", "Revenue")
add(S, "manufacturer_financial", "By what % did SunForge Energy's revenue change from FY2023 to FY2024?",
    "financial", [(pct(a, b), "%")], how="financials: SunForge Revenue FY2023 vs FY2024")

v, u = fv(NL, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "How many GW of modules did Nordlicht Solar ship in 2024 (full year)?",
    "financial", [(v, u)], how="financials: Nordlicht FY2024 Module shipments")

a, u = fv(H, "FY2024", "Revenue")
b, _ = fv(SF, "FY2024", "Revenue")
add(S, "manufacturer_financial", "Bigger supplier by revenue in FY2024, Helios or SunForge? Give both figures.",
    "financial", [(a, u), (b, u)], ["Helios" if a > b else "SunForge"], how="financials: FY2024 Revenue Helios and SunForge")

v, u = fv(AU, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Aurora PV Group production capacity at 2024-Q4?",
    "financial", [(v, u)], how="financials: Aurora 2024-Q4 Production capacity")

# ================================================================ SAMPLE: unanswerable
U(S, "market", "How much distributed PV did Belgium install in 2024?",
  "Belgium is not in the sample market data")
U(S, "market", "What were China's PV installations in 2024?",
  "China is not in the sample market data")
U(S, "market", "Italy's annual PV additions in 2012?",
  "sample market starts in 2015")
U(S, "market", "What's the Spanish wind market size in 2024?",
  "wind is not in the data")
U(S, "market", "How many heat pumps were installed in Dutch schools last year?",
  "heat pumps are not in the data")
U(S, "market", "How many square metres of solar thermal collectors did Germany add in 2024?",
  "solar thermal is not in the data")
U(S, "price", "What's the silver price in March 2024? Paste costs matter for cell prices.",
  "silver is not in the sample prices")
U(S, "price", "Module price for TOPCon in Australia, December 2024?",
  "Australia is not a region in the sample prices")
U(S, "price", "What did a hybrid inverter cost per kW in 2024?",
  "inverters are not a price item")
U(S, "price", "TOPCon module price in the EU for January 2022?",
  "sample prices start in January 2023")
U(S, "manufacturer_financial", "What was LONGi's net income in 2024?",
  "LONGi is not in the financials")
U(S, "manufacturer_financial", "What is SunForge Energy's EBITDA for FY2024?",
  "EBITDA is not a metric in the financials")
U(S, "manufacturer_financial", "What credit rating does Nordlicht Solar AG have? Procurement needs it.",
  "credit ratings are not held")

# ================================================================ self-check
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
assert n_un >= 28, n_un
n_fu = sum(i["kind"] == "follow_up" and len(i["turns"]) >= 2 for i in ITEMS)
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i["why"] and not i["expect"]

with OUT.open("w") as f:
    for i in ITEMS:
        f.write(json.dumps(i, ensure_ascii=False) + "\n")

print("items", len(ITEMS), "unanswerable", n_un, "follow-up chains", n_fu)
print("by data", dict(Counter(i["data"] for i in ITEMS)))
print("by agent", dict(Counter(i["agent"] for i in ITEMS)))
c = Counter((i["kind"], i["data"]) for i in ITEMS)
for k in sorted({k for k, _ in c}):
    print(f"  {k:14s} real={c[(k, 'real')]:3d} sample={c[(k, 'sample')]:3d}")
