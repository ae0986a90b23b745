#!/usr/bin/env python3
"""Held-out questions, writer `procurement` (procurement manager, European module assembler).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "procurement"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
SAMPLE_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    m = pd.read_csv(path).drop_duplicates()
    # RoW rows are repeated with AC/DC blank vs "DC" but the same capacity: count once
    m = m.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not m.duplicated(KEY).any(), "market key not unique after de-duplication"
    return m


RM = load_market(REAL_MARKET)
SM = load_market(SAMPLE_MARKET)

RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES)
SP["date"] = pd.to_datetime(SP["date"])
FIN = pd.read_csv(SAMPLE_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- market helpers
def last_hist(m, terr):
    return int(m[(m.Territory == terr) & (m.Scenario == "Historical Primary")].Year.max())


def mval(m, terr, year, typ="Annual", conn="Total", scen=None):
    if scen is None:
        scen = "Historical Primary" if year <= last_hist(m, terr) else "Forecast - Most probable"
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == scen)
          & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def hist_series(m, terr, typ="Annual", conn="Total"):
    r = m[(m.Territory == terr) & (m.Scenario == "Historical Primary")
          & (m.Connection == conn) & (m.Type == typ)]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def rank_countries(m, year, typ="Annual", n=5, conn="Total", scen="Historical Primary", pool=None):
    r = m[(m.Year == year) & (m.Scenario == scen) & (m.Connection == conn) & (m.Type == typ)
          & (~m.Territory.isin(AGGREGATES))]
    if pool is not None:
        r = r[r.Territory.isin(pool)]
    r = r.sort_values("Capacity(MW)", ascending=False)
    top = r.head(n + 1)
    # the cut must not be a tie
    assert len(top) <= n or top["Capacity(MW)"].iloc[n - 1] != top["Capacity(MW)"].iloc[n]
    r = r.head(n)
    return list(r.Territory), [float(v) for v in r["Capacity(MW)"]]


def pct(first, last):
    return (last - first) / first * 100.0


def cagr(first, last, years):
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def series(p, item, desc, region, unit=None):
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region, unit)
    assert s.unit.nunique() == 1, ("mixed units", item, desc, region, s.unit.unique())
    return s.sort_values("date")


def latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, ("latest not unique", len(r))
    return float(r.base_price.iloc[0]), d


def first_obs(s):
    d = s.date.min()
    r = s[s.date == d]
    assert len(r) == 1, ("first not unique", len(r))
    return float(r.base_price.iloc[0]), d


def on_date(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, ("date not unique", date, len(r))
    return float(r.base_price.iloc[0])


def in_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, ("month not unique", ym, len(r))
    return float(r.base_price.iloc[0])


def span(s, start=None, end=None):
    r = s
    if start is not None:
        r = r[r.date >= pd.Timestamp(start)]
    if end is not None:
        r = r[r.date <= pd.Timestamp(end)]
    assert len(r) > 0
    return r


def single_per_date(s):
    assert not s.date.duplicated().any(), "more than one observation on a date"
    return s


def extreme(s, which):
    v = s.base_price.min() if which == "min" else s.base_price.max()
    dates = sorted(set(s[s.base_price == v].date))
    return float(v), dates


def first_last_in(s, start, end):
    r = single_per_date(span(s, start, end))
    return (float(r.base_price.iloc[0]), r.date.iloc[0], float(r.base_price.iloc[-1]), r.date.iloc[-1])


def d(ts):
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


# ----------------------------------------------------------------------------- financial helpers
def fin(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric, len(r))
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ----------------------------------------------------------------------------- item builder
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def add(data, agent, kind, turns, expect=None, names=None, how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None,
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": why is None,
        "kind": "unanswerable" if why is not None else kind,
        "expect": [] if why is not None else (expect or []),
        "names": [] if why is not None else (names or []),
    }
    if why is not None:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


WP = "US$/Wp"
PCE = "US$/pce"
KG = "US$/kg"
M2 = "US$/m²"
T = "US$/t"
KT = "K US$/t"
MW = "MW"
PC = "%"

# =============================================================================================
# REAL instance -- prices (component-prices.parquet)
# =============================================================================================
P = RP
topcon_cn = series(P, "Module", "n-type TOPCon", "China")
topcon_eu = series(P, "Module", "n-type TOPCon", "EU")
topcon_us = series(P, "Module", "n-type TOPCon", "US")
hjt_cn = series(P, "Module", "n-type HJT", "China")
hjt_eu = series(P, "Module", "n-type HJT", "EU")
hjt_us = series(P, "Module", "n-type HJT", "US")
hjt_os = series(P, "Module", "n-type HJT", "Overseas")
perc_m10 = {r: series(P, "Module", "p-type mono-Si PERC M10", r) for r in ["China", "EU", "US", "Overseas", "Australia"]}
cdte = series(P, "Module", "CdTe", "Overseas")
poly9_os = series(P, "Polysilicon", "High purity - 9N/9N+", "Overseas")
poly12_os = series(P, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "Overseas")
glass32 = series(P, "PV glass", "Glass 3,2mm", "China")
glass2 = series(P, "PV glass", "Glass 2mm", "China")
silver_k = series(P, "Silver", "Silver", "Overseas", unit=KT)
silver_t = series(P, "Silver", "Silver", "Overseas", unit=T)
copper = series(P, "Copper", "Copper", "Overseas")
alu = series(P, "Aluminium", "Aluminium", "Overseas")
eva = series(P, "EVA", "EVA", "Overseas")
waf_p_m10_cn = series(P, "Wafer", "p-type mono-Si M10", "China")
waf_n_m10_os = series(P, "Wafer", "n-type mono-Si M10", "Overseas")
cell_topcon_m10_os = series(P, "Cell", "n-type TOPCon M10", "Overseas")
cell_perc_m10_cn = series(P, "Cell", "p-type mono-Si PERC M10", "China")

v, dt = latest(topcon_cn)
add("real", "price", "price",
    "Need a quick benchmark before a supplier call. Latest TOPCon module price in China, $/W?",
    [E(v, WP)], [], f"prices: Module / n-type TOPCon / China, newest date {d(dt)}")

v, dt = latest(topcon_eu)
add("real", "price", "follow_up",
    ["whats the most recent n-type TOPCon module quote for China?", "and for the EU?"],
    [E(v, WP)], [], f"prices: Module / n-type TOPCon / EU, newest date {d(dt)}")

vals = {r: latest(s) for r, s in [("China", topcon_cn), ("EU", topcon_eu), ("US", topcon_us)]}
cheapest = min(vals, key=lambda r: vals[r][0])
add("real", "price", "price",
    "TOPCon modules - China vs EU vs US on the latest quotes. Which one is cheapest?",
    [E(vals[r][0], WP) for r in vals], [cheapest],
    "prices: Module / n-type TOPCon, latest per region China, EU, US; min picks " + cheapest)


vh, _ = latest(hjt_cn)
vt, _ = latest(topcon_cn)
add("real", "price", "price",
    "Looking at switching part of our 2025 volume to heterojunction. How big is the HJT premium over TOPCon in China right now, $/W?",
    [E(vh, WP), E(vt, WP), E(vh - vt, WP)], [],
    "prices: Module n-type HJT China latest minus Module n-type TOPCon China latest")

lo, _ = extreme(perc_m10["EU"], "min")
hi, _ = extreme(perc_m10["EU"], "max")
add("real", "price", "price",
    "We still buy PERC for two legacy SKUs. Lowest and highest p-type PERC M10 module price you have for the EU, whole series?",
    [E(lo, WP), E(hi, WP)], [], "prices: Module / p-type mono-Si PERC M10 / EU, min and max over all dates")

v0, d0 = first_obs(topcon_cn)
v1, d1 = latest(topcon_cn)
add("real", "price", "price",
    f"Management wants the deflation story in one number. How far have Chinese TOPCon module prices dropped since the first quote in your series ({pd.Timestamp(d0):%b %Y})? in %",
    [E(pct(v0, v1), PC)], [],
    f"prices: Module n-type TOPCon China, ({d(d1)} {v1} - {d(d0)} {v0}) / first x 100")

v, dt = latest(poly9_os)
add("real", "price", "price", "Renegotiating our wafer contract, it's indexed to poly. 9N poly overseas - where is it now, US$/kg?",
    [E(v, KG)], [], f"prices: Polysilicon / High purity - 9N/9N+ / Overseas, newest date {d(dt)}")

v, dts = extreme(poly9_os, "max")
add("real", "price", "follow_up",
    ["Overseas 9N/9N+ polysilicon, latest price?", "what was the peak in your data, and when?"],
    [E(v, KG)], sorted({str(pd.Timestamp(x).year) for x in dts}),
    f"prices: Polysilicon High purity 9N/9N+ Overseas, max over whole series on {', '.join(d(x) for x in dts)}")

g32, _ = latest(glass32)
g2, _ = latest(glass2)
add("real", "price", "price",
    "Glass for our glass-glass line: latest 3.2mm vs 2mm price in China, US$/m2, and the gap between them?",
    [E(g32, M2), E(g2, M2), E(g32 - g2, M2)], [],
    "prices: PV glass Glass 3,2mm China latest, Glass 2mm China latest, difference")

v = in_month(silver_k, "2025-01")
add("real", "price", "price",
    "Silver is killing our cell suppliers' margins. What was silver in January 2025?",
    [E(v, KT)], [], "prices: Silver / Overseas monthly, 2025-01 observation (unit K US$/t)")

s = span(silver_k, "2020-01-01", "2024-12-31")
lo, dlo = extreme(s, "min")
hi, dhi = extreme(s, "max")
add("real", "price", "price", "Building a case for hedging silver. silver low and high between 2020 and 2024?",
    [E(lo, KT), E(hi, KT)], [],
    f"prices: Silver Overseas K US$/t monthly, 2020-01..2024-12 min ({d(dlo[0])}) and max ({d(dhi[0])})")

v, dt = latest(copper)
add("real", "price", "follow_up",
    ["Copper, latest monthly price?", "and aluminium?"],
    [E(latest(alu)[0], T)], [], f"prices: Aluminium / Overseas monthly, newest date {d(latest(alu)[1])}")

a, b = in_month(copper, "2024-01"), in_month(copper, "2025-01")
add("real", "price", "price", "Ribbon supplier wants a surcharge. Copper: % change Jan 2024 -> Jan 2025?",
    [E(pct(a, b), PC)], [], f"prices: Copper Overseas monthly, (2025-01 {b} - 2024-01 {a}) / 2024-01 x 100")

s = span(alu, "2024-01-01", "2024-12-31")
assert len(s) == 12
add("real", "price", "price",
    "Frames are re-quoting on aluminium. Average aluminium price over calendar 2024?",
    [E(s.base_price.mean(), T)], [], "prices: Aluminium Overseas monthly, mean of the 12 observations of 2024")

v, dts = extreme(eva, "min")
assert len(dts) == 1
add("real", "price", "price", "Encapsulant contract is up for renewal. EVA - when was it cheapest in your data and at what price?",
    [E(v, T)], [str(pd.Timestamp(dts[0]).year)], f"prices: EVA Overseas monthly, min over whole series ({d(dts[0])})")

v, dt = latest(waf_p_m10_cn)
add("real", "price", "price", "p-type M10 wafer, China, latest $/pce?",
    [E(v, PCE)], [], f"prices: Wafer / p-type mono-Si M10 / China, newest date {d(dt)}")

a, _ = latest(waf_n_m10_os)
b, _ = latest(waf_p_m10_cn)
add("real", "price", "price",
    "Our cell partner is moving to n-type. Wafers: latest n-type M10 overseas quote vs latest p-type M10 in China, $/pce?",
    [E(a, PCE), E(b, PCE)], [],
    "prices: Wafer n-type mono-Si M10 Overseas latest; Wafer p-type mono-Si M10 China latest")

a, _ = latest(cell_topcon_m10_os)
b, _ = extreme(cell_topcon_m10_os, "max")
add("real", "price", "price",
    "We buy some cells for our own stringer line in Europe. TOPCon M10 cells overseas: what's the latest and what was the highest on record?",
    [E(a, WP), E(b, WP)], [], "prices: Cell n-type TOPCon M10 Overseas, latest and max over whole series")

v, dt = latest(cell_perc_m10_cn)
add("real", "price", "price", "PERC M10 cell price china, latest?",
    [E(v, WP)], [], f"prices: Cell / p-type mono-Si PERC M10 / China, newest date {d(dt)}")

v = on_date(perc_m10["EU"], "2024-06-05")
add("real", "price", "price",
    "Checking an old PO. What was the EU PERC M10 module price in the week of 5 June 2024?",
    [E(v, WP)], [], "prices: Module p-type mono-Si PERC M10 EU, observation dated 2024-06-05")

vals = {r: latest(perc_m10[r]) for r in ["China", "EU", "US", "Overseas"]}
cheapest = min(vals, key=lambda r: vals[r][0])
add("real", "price", "price",
    "Which region is cheapest for PERC M10 modules right now - China, EU, US or Overseas? (the standard M10, not the bifacial 'bf' line)",
    [E(vals[cheapest][0], WP)], [cheapest],
    "prices: Module p-type mono-Si PERC M10, latest per region China/EU/US/Overseas, min = " + cheapest)

a, _ = latest(cdte)
b, _ = latest(perc_m10["Overseas"])
add("real", "price", "price",
    "A US customer asked about thin film. CdTe vs PERC M10 overseas, latest $/W for each?",
    [E(a, WP), E(b, WP)], [], "prices: Module CdTe Overseas latest; Module p-type mono-Si PERC M10 Overseas latest")

a, _ = latest(topcon_us)
b, _ = latest(topcon_cn)
add("real", "price", "price",
    "Board is asking about reshoring economics. How many times more expensive are US TOPCon modules than Chinese ones on the latest quotes?",
    [E(a / b, "x")], [], "prices: Module n-type TOPCon US latest / Module n-type TOPCon China latest")

a, _ = latest(poly12_os)
b, _ = latest(poly9_os)
add("real", "price", "price",
    "Non-Chinese poly is a compliance topic for us (UFLPA). Latest 12N/12N+ (outside-China material, Overseas region) vs 9N/9N+ overseas, US$/kg?",
    [E(a, KG), E(b, KG)], [],
    "prices: Polysilicon Very high purity (12N/12N+, outside of China) Overseas latest; High purity 9N/9N+ Overseas latest")

s = single_per_date(span(topcon_eu, "2024-01-01", "2024-12-31"))
add("real", "price", "average",
    "for the 2024 cost review: average EU TOPCon module price across the 2024 weekly quotes?",
    [E(s.base_price.mean(), WP)], [], f"prices: Module n-type TOPCon EU, mean of {len(s)} weekly obs dated in 2024")

a, da, b, db = first_last_in(topcon_cn, "2024-01-01", "2024-12-31")
add("real", "price", "price",
    "Writing the purchasing section of the annual report. Chinese TOPCon modules: first weekly quote of 2024 vs last one of 2024, % move?",
    [E(a, WP), E(b, WP), E(pct(a, b), PC)], [],
    f"prices: Module n-type TOPCon China, {d(da)} -> {d(db)}, (last-first)/first x 100")

v, dts = extreme(copper, "max")
assert len(dts) == 1
add("real", "price", "price", "Copper feels expensive again. copper record high in your monthly series - level and month?",
    [E(v, T)], [str(pd.Timestamp(dts[0]).year)], f"prices: Copper Overseas, max over whole series ({d(dts[0])})")


v, dt = latest(silver_t)
add("real", "price", "price", "Latest silver price on your feed?",
    [E(v, T)], [],
    f"prices: Silver Overseas, newest date {d(dt)}; from 2025-02 the series is labelled US$/t (before: K US$/t) - quote it in its own unit")

a, da = first_obs(hjt_os)
b, db = latest(hjt_os)
add("real", "price", "price",
    "HJT modules, Overseas region: % change from the first quote you have to the latest?",
    [E(pct(a, b), PC)], [], f"prices: Module n-type HJT Overseas, {d(da)} {a} -> {d(db)} {b}")

v, dts = extreme(glass32, "max")
add("real", "price", "price", "3.2mm glass China - what was the all-time high in your data?",
    [E(v, M2)], sorted({str(pd.Timestamp(x).year) for x in dts}),
    f"prices: PV glass Glass 3,2mm China, max over whole series ({', '.join(d(x) for x in dts)})")

v = in_month(silver_k, "2024-01")
v2 = in_month(silver_k, "2025-01")
add("real", "price", "follow_up",
    ["silver price in Jan 2024?", "and a year later? how much % up?"],
    [E(v2, KT), E(pct(v, v2), PC)], [],
    "prices: Silver Overseas K US$/t monthly, 2025-01 value and (2025-01 - 2024-01)/2024-01 x 100")

v, dt = latest(hjt_cn)
add("real", "price", "follow_up",
    ["What's the latest HJT module price in the US?", "and in China?"],
    [E(v, WP)], [], f"prices: Module / n-type HJT / China, newest date {d(dt)}")

a = on_date(topcon_eu, "2024-04-03")
b, db = latest(topcon_eu)
add("real", "price", "price",
    "Our framework contract was priced off the 3 Apr 2024 quote. EU TOPCon: that quote vs the latest one - how much cheaper are we now in %?",
    [E(a, WP), E(b, WP), E(pct(a, b), PC)], [],
    f"prices: Module n-type TOPCon EU, 2024-04-03 vs {d(db)}, (last-first)/first x 100")

vals = {r: latest(s) for r, s in [("China", hjt_cn), ("EU", hjt_eu), ("US", hjt_us), ("Overseas", hjt_os)]}
order = sorted(vals, key=lambda r: vals[r][0])
add("real", "price", "price",
    "Rank the regions for HJT modules by latest price, cheapest first.",
    [E(vals[r][0], WP) for r in order], order,
    "prices: Module n-type HJT latest per region (China, EU, US, Overseas), sorted ascending")

s = single_per_date(span(cell_topcon_m10_os, "2024-01-01", "2024-12-31"))
add("real", "price", "average", "avg TOPCon M10 cell price overseas in 2024?",
    [E(s.base_price.mean(), WP)], [], f"prices: Cell n-type TOPCon M10 Overseas, mean of {len(s)} weekly obs in 2024")

# --- real prices: unanswerable
add("real", "price", "", "Latest TOPCon module price in India? we're benchmarking an Indian supplier.",
    why="the price data holds no n-type TOPCon module series for India (India only has old p-type PERC M6 / multi Al-BSF module series)",
    how="prices: no Module n-type TOPCon / India series")
add("real", "price", "", "Backsheet prices - what's the trend over the last 12 months?",
    why="backsheets are not a price item in the data", how="prices: item list has no backsheet")
add("real", "price", "", "What's the going rate for string inverters, $/W?",
    why="inverters are not covered by the component prices", how="prices: item list has no inverter")
add("real", "price", "", "What share of our module BOM cost is polysilicon right now, %?",
    why="the data holds individual component prices, not a cost breakdown or a share of a price",
    how="prices: a share of module cost cannot be derived")
add("real", "price", "", "How much was 9N polysilicon overseas back in 2017?",
    why="polysilicon prices start in January 2019", how="prices: earliest date 2019-01-02")
add("real", "price", "", "Where will TOPCon module prices be at the end of 2025? need it for budget.",
    why="the price data has no forecasts; it stops at March/April 2025", how="prices: no forecast series")
add("real", "price", "", "What's a TOPCon module delivered to Rotterdam in EUR c/W?",
    why="prices are held in US$ only and not on a delivered (DDP Rotterdam) basis; no EUR series or FX rates",
    how="prices: units are US$-based only")
add("real", "price", "", "container freight Shanghai-Rotterdam, current rate?",
    why="freight rates are not in the data", how="prices: no freight item")
add("real", "price", "", "Any price for perovskite-silicon tandem modules yet?",
    why="no perovskite or tandem technology in the price data", how="prices: module descriptions list no tandem")
add("real", "price", "", "Lithium carbonate price, latest? (our BESS team is asking)",
    why="lithium / battery raw materials are not held; raw materials are silver, copper, aluminium, EVA only",
    how="prices: no lithium item")

# =============================================================================================
# REAL instance -- market (market-database-fy.csv)
# =============================================================================================
M = RM
add("real", "market", "lookup",
    "We're planning German volumes for next year. How much PV did Germany install in 2024?",
    [E(mval(M, "Germany", 2024), MW)], [], "market CSV: Germany, 2024, Historical Primary, Total, Annual")

add("real", "market", "lookup", "Spain's installed base at end of 2024?",
    [E(mval(M, "Spain", 2024, "Cumulative"), MW)], [], "market CSV: Spain, 2024, Historical Primary, Total, Cumulative")

add("real", "market", "lookup",
    "Dutch rooftop is our biggest channel. How much distributed PV did the Netherlands add in 2024?",
    [E(mval(M, "Netherlands", 2024, conn="Distributed"), MW)], [],
    "market CSV: Netherlands, 2024, Historical Primary, Distributed, Annual")

names, vals = rank_countries(M, 2024, n=5)
add("real", "market", "rank", "top 5 countries by new PV installed in 2024?",
    [E(v, MW) for v in vals], names, "market CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

eu_pool = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
           "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
           "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
           "Spain", "Sweden"]
names, vals = rank_countries(M, 2024, typ="Cumulative", n=3, pool=eu_pool)
add("real", "market", "rank", "Biggest three EU member states by cumulative PV at the end of 2024?",
    [E(v, MW) for v in vals], names, "market CSV: 2024 Historical Primary Total Cumulative, EU-27 countries, top 3")

add("real", "market", "share", "Sanity-checking how concentrated demand is. What share of the world's 2024 PV additions went to China?",
    [E(mval(M, "China", 2024) / mval(M, "World", 2024) * 100, PC)], [],
    "market CSV: China / World, 2024, Historical Primary, Total, Annual")

add("real", "market", "share", "Italy 2024: what % of new capacity was distributed?",
    [E(mval(M, "Italy", 2024, conn="Distributed") / mval(M, "Italy", 2024) * 100, PC)], [],
    "market CSV: Italy 2024 Annual Historical Primary, Distributed / Total")

a, b = mval(M, "India", 2023), mval(M, "India", 2024)
add("real", "market", "change", "India keeps soaking up Chinese modules. India's annual installs 2023 vs 2024 - % growth?",
    [E(pct(a, b), PC)], [], "market CSV: India Annual Total Historical Primary, (2024-2023)/2023 x 100")

a, b = mval(M, "World", 2019, "Cumulative"), mval(M, "World", 2024, "Cumulative")
add("real", "market", "change", "Pitching our capacity expansion to the bank. CAGR of the global installed base 2019-2024?",
    [E(cagr(a, b, 5), PC)], [], "market CSV: World Cumulative Total Historical Primary, (2024/2019)^(1/5)-1")

add("real", "market", "compare", "Those are our three core markets. Compare Italy, Spain and France on 2024 additions.",
    [E(mval(M, c, 2024), MW) for c in ["Italy", "Spain", "France"]], [],
    "market CSV: 2024 Historical Primary Total Annual for Italy, Spain, France")

s = hist_series(M, "Italy")
add("real", "market", "extreme", "Which was Italy's record year for new PV installations?",
    [E(s.max(), MW)], [str(int(s.idxmax()))], "market CSV: Italy Annual Total Historical Primary, max over all years")

s = hist_series(M, "Japan")
add("real", "market", "extreme", "Japanese market - peak year for annual additions and how big was it?",
    [E(s.max(), MW)], [str(int(s.idxmax()))], "market CSV: Japan Annual Total Historical Primary, max over all years")

vals = [mval(M, "Germany", y) for y in range(2020, 2025)]
add("real", "market", "average", "Average yearly PV additions in Germany 2020-2024?",
    [E(sum(vals) / len(vals), MW)], [], "market CSV: Germany Annual Total Historical Primary, mean of 2020..2024")

vals = [mval(M, "Poland", y) for y in range(2020, 2025)]
add("real", "market", "sum", "We entered Poland in 2020. How much did Poland install in total over 2020-2024?",
    [E(sum(vals), MW)], [], "market CSV: Poland Annual Total Historical Primary, sum of 2020..2024")

s = hist_series(M, "Poland")
yr = int(s[s > 1000].index.min())
add("real", "market", "first_latest", "First year Poland added more than 1 GW?",
    [E(s[yr], MW)], [str(yr)], "market CSV: Poland Annual Total Historical Primary, first year > 1000 MW")

add("real", "market", "follow_up",
    ["What's the most probable outlook for German additions in 2030?", "same for the high scenario"],
    [E(mval(M, "Germany", 2030, scen="Forecast - High"), MW)], [],
    "market CSV: Germany, 2030, Forecast - High, Total, Annual")

add("real", "market", "follow_up",
    ["How much did Spain add in 2024?", "and Italy?"],
    [E(mval(M, "Italy", 2024), MW)], [], "market CSV: Italy, 2024, Historical Primary, Total, Annual")

names, vals = rank_countries(M, 2023, n=3)
add("real", "market", "follow_up",
    ["Top 3 countries for PV additions in 2024?", "what about 2023?"],
    [E(v, MW) for v in vals], names, "market CSV: 2023 Historical Primary Total Annual, countries only, top 3")

a, b = mval(M, "EU", 2024), mval(M, "EU", 2030)
add("real", "market", "change",
    "Building the 5-yr capacity plan. EU annual market: 2024 actual vs 2030 most-probable forecast, what CAGR is that?",
    [E(cagr(a, b, 6), PC)], [], "market CSV: EU Annual Total, 2024 Historical Primary -> 2030 Forecast - Most probable, 6-year CAGR")


# --- real market: unanswerable
add("real", "market", "", "What will Germany's cumulative PV fleet be in 2030 (most probable)?",
    why="forecast cumulative values in the loaded market CSV exclude the installed base, so a 2030 fleet figure is not available",
    how="market CSV: forecast Cumulative rows are running sums of 2025+ additions only")
add("real", "market", "", "How much onshore wind did Germany add in 2024?",
    why="the market data covers PV only, no wind", how="market CSV: PV capacity only")
add("real", "market", "", "Spain's solar generation in 2024 in TWh?",
    why="the data holds capacity (MW), not generation", how="market CSV: no generation measure")
add("real", "market", "", "India forecast for 2027 additions?",
    why="forecasts exist only for European territories (and the World/European aggregates); India has history to 2024 only",
    how="market CSV: India has no Forecast rows")
add("real", "market", "", "How much PV did Nigeria install last year?",
    why="Nigeria is not a territory in the market data", how="market CSV: no Nigeria rows")
add("real", "market", "", "What's the European module market worth in EUR for 2025?",
    why="the data has capacity in MW, not market value in money", how="market CSV: no value measure")

# =============================================================================================
# Financials (sample financials.csv) -- on the REAL instance
# =============================================================================================
v, u = fin("Helios", "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial", "Helios is one of our OEM partners. What was their FY2024 revenue?",
    [E(v, u)], [], "financials: Helios Modules Ltd (sample), FY2024, Revenue")

rows = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].sort_values("value", ascending=False)
add("real", "manufacturer_financial", "financial",
    "Supplier review: rank our four module vendors by FY2024 module shipments.",
    [E(r.value, r.unit) for r in rows.itertuples()], [c.split(" ")[0] for c in rows.company],
    "financials: FY2024 Module shipments for all four companies, sorted descending")

a, _ = fin("Aurora", "FY2023", "Revenue")
b, _ = fin("Aurora", "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial", "Aurora PV revenue change FY23 -> FY24 in %?",
    [E(pct(a, b), PC)], [], "financials: Aurora PV Group (sample) Revenue, (FY2024-FY2023)/FY2023 x 100")

v, u = fin("SunForge", "2024-Q4", "Net income")
add("real", "manufacturer_financial", "follow_up",
    ["SunForge net income in Q3 2024?", "and Q4?"],
    [E(v, u)], [], "financials: SunForge Energy (sample), 2024-Q4, Net income")

vals = [fin("SunForge", f"2024-Q{q}", "Gross margin")[0] for q in range(1, 5)]
add("real", "manufacturer_financial", "financial",
    "Checking if SunForge survives the price war. Average quarterly gross margin at SunForge across the four quarters of 2024?",
    [E(sum(vals) / 4, PC)], [], "financials: SunForge Energy (sample) Gross margin, mean of 2024-Q1..Q4")

add("real", "manufacturer_financial", "", "LONGi's gross margin in Q4 2024?",
    why="LONGi is not among the companies in the financial data", how="financials: companies are Helios, SunForge, Aurora, Nordlicht only")
add("real", "manufacturer_financial", "", "Helios EBITDA for 2024?",
    why="EBITDA is not a metric held (only revenue, gross margin, net income, shipments, capacity)",
    how="financials: metric list has no EBITDA")

# =============================================================================================
# SAMPLE instance -- prices (prices.csv, monthly 2023-01..2024-12)
# =============================================================================================
P = SP
s_top = {r: series(P, "Module", "n-type TOPCon", r) for r in ["China", "EU", "India", "US"]}
s_hjt = {r: series(P, "Module", "n-type HJT", r) for r in ["China", "EU", "India", "US"]}
s_perc = {r: series(P, "Module", "p-type mono-Si PERC M10", r) for r in ["China", "EU", "India", "US"]}
s_poly = {r: series(P, "Polysilicon", "High purity - 9N/9N+", r) for r in ["China", "EU"]}
s_glass = {r: series(P, "PV glass", "Glass 3,2mm", r) for r in ["China", "EU"]}
s_wn = {r: series(P, "Wafer", "n-type mono-Si M10", r) for r in ["China", "EU"]}
s_wp = {r: series(P, "Wafer", "p-type mono-Si M10", r) for r in ["China", "EU"]}
s_ct = {r: series(P, "Cell", "n-type TOPCon M10", r) for r in ["China", "EU"]}
s_cp = {r: series(P, "Cell", "p-type mono-Si PERC M10", r) for r in ["China", "EU"]}

v, dt = latest(s_top["India"])
add("sample", "price", "price", "Latest TOPCon module price India?",
    [E(v, WP)], [], f"sample prices: Module n-type TOPCon India, newest date {d(dt)}")

add("sample", "price", "price", "Reconciling a Q1 invoice. HJT modules in the EU, March 2024, $/W?",
    [E(in_month(s_hjt["EU"], "2024-03"), WP)], [], "sample prices: Module n-type HJT EU, 2024-03")

lo, _ = extreme(s_top["US"], "min")
hi, _ = extreme(s_top["US"], "max")
add("sample", "price", "price", "US TOPCon module: min and max over the whole series?",
    [E(lo, WP), E(hi, WP)], [], "sample prices: Module n-type TOPCon US, min and max over all months")

a, b = in_month(s_perc["China"], "2023-01"), in_month(s_perc["China"], "2024-12")
add("sample", "price", "price", "For the supplier scorecard: PERC M10 modules China, Jan 2023 to Dec 2024, % change?",
    [E(pct(a, b), PC)], [], "sample prices: Module p-type mono-Si PERC M10 China, (2024-12 - 2023-01)/2023-01 x 100")

vals = {r: in_month(s_top[r], "2024-12") for r in s_top}
cheapest = min(vals, key=vals.get)
add("sample", "price", "price", "Cheapest region for TOPCon modules in Dec 2024?",
    [E(vals[cheapest], WP)], [cheapest], "sample prices: Module n-type TOPCon, 2024-12 per region, min")

vals = {r: latest(s_hjt[r])[0] for r in s_hjt}
order = sorted(vals, key=vals.get)
add("sample", "price", "price", "rank regions for HJT modules on latest price, cheapest first pls",
    [E(vals[r], WP) for r in order], order, "sample prices: Module n-type HJT latest per region, ascending")

s = span(s_poly["China"], "2024-01-01", "2024-12-31")
assert len(s) == 12
add("sample", "price", "average", "Our wafer supplier claims poly averaged way higher last year. Average 9N poly price in China across 2024?",
    [E(s.base_price.mean(), KG)], [], "sample prices: Polysilicon 9N/9N+ China, mean of 12 monthly values of 2024")

a, _ = latest(s_glass["EU"])
b, _ = latest(s_glass["China"])
add("sample", "price", "price",
    "We source 3.2mm glass both locally and from China. Latest EU vs China price and the EU premium in %?",
    [E(a, M2), E(b, M2), E(pct(b, a), PC)], [],
    "sample prices: PV glass 3,2mm EU latest, China latest, (EU-China)/China x 100")

add("sample", "price", "price", "n-type vs p-type M10 wafers, China, June 2024?",
    [E(in_month(s_wn["China"], "2024-06"), PCE), E(in_month(s_wp["China"], "2024-06"), PCE)], [],
    "sample prices: Wafer n-type mono-Si M10 China 2024-06; Wafer p-type mono-Si M10 China 2024-06")

a, _ = latest(s_ct["EU"])
b, _ = latest(s_ct["China"])
add("sample", "price", "price", "Thinking of EU-made cells for the NZIA resilience criteria. TOPCon M10 cells: EU vs China latest, and EU as a multiple of China?",
    [E(a, WP), E(b, WP), E(a / b, "x")], [], "sample prices: Cell n-type TOPCon M10 EU latest / China latest")

a, b = in_month(s_poly["EU"], "2024-01"), in_month(s_poly["EU"], "2024-12")
add("sample", "price", "price", "EU poly, how much did it move over 2024 (Jan to Dec), %?",
    [E(pct(a, b), PC)], [], "sample prices: Polysilicon 9N/9N+ EU, (2024-12 - 2024-01)/2024-01 x 100")

a, _ = latest(s_top["EU"])
b, _ = latest(s_perc["EU"])
add("sample", "price", "price", "Customer wants PERC to save money. TOPCon premium over PERC M10 for EU modules, latest, in $/W?",
    [E(a, WP), E(b, WP), E(a - b, WP)], [], "sample prices: Module n-type TOPCon EU latest minus p-type PERC M10 EU latest")

v, dts = extreme(s_poly["China"], "max")
assert len(dts) == 1
add("sample", "price", "price", "China poly - highest month in the data and the price?",
    [E(v, KG)], [str(pd.Timestamp(dts[0]).year)], f"sample prices: Polysilicon 9N/9N+ China, max ({d(dts[0])})")


s = span(s_hjt["US"], "2024-01-01", "2024-12-31")
v, dts = extreme(s, "min")
assert len(dts) == 1
add("sample", "price", "price", "Which month of 2024 had the lowest US HJT module price?",
    [E(v, WP)], [pd.Timestamp(dts[0]).strftime("%b")], f"sample prices: Module n-type HJT US, min over 2024 ({d(dts[0])})")

add("sample", "price", "follow_up",
    ["PERC M10 module price China, Dec 2024?", "and the US?"],
    [E(in_month(s_perc["US"], "2024-12"), WP)], [], "sample prices: Module p-type mono-Si PERC M10 US, 2024-12")

a, b = in_month(s_poly["China"], "2023-01"), in_month(s_poly["China"], "2024-12")
add("sample", "price", "follow_up",
    ["Polysilicon 9N, China, Jan 2023?", "And Dec 2024? how much % down is that?"],
    [E(b, KG), E(pct(a, b), PC)], [], "sample prices: Polysilicon 9N/9N+ China 2024-12 and (2024-12 - 2023-01)/2023-01 x 100")

v, dt = latest(s_wn["EU"])
add("sample", "price", "follow_up",
    ["p-type M10 wafer EU, latest?", "what about n-type?"],
    [E(v, PCE)], [], f"sample prices: Wafer n-type mono-Si M10 EU, newest date {d(dt)}")

s = span(s_cp["China"], "2024-01-01", "2024-06-30")
assert len(s) == 6
add("sample", "price", "average", "Average PERC M10 cell price in China, H1 2024?",
    [E(s.base_price.mean(), WP)], [], "sample prices: Cell p-type mono-Si PERC M10 China, mean of 2024-01..2024-06")


a, b = in_month(s_top["India"], "2024-12"), in_month(s_top["China"], "2024-12")
add("sample", "price", "price", "Dec 2024: how much more does a TOPCon module cost in India than in China, $/W?",
    [E(a, WP), E(b, WP), E(a - b, WP)], [], "sample prices: Module n-type TOPCon 2024-12, India minus China")

# --- sample prices: unanswerable
add("sample", "price", "", "Silver price Dec 2024?",
    why="the loaded price sample has no silver (no raw materials at all)", how="sample prices: items are module, cell, wafer, polysilicon, glass")
add("sample", "price", "", "2mm glass China latest?",
    why="only 3.2mm glass is in the sample price data", how="sample prices: PV glass only Glass 3,2mm")
add("sample", "price", "", "TOPCon module price in Australia, Dec 2024?",
    why="Australia is not a region in the sample prices (China, EU, India, US only)", how="sample prices: region list")
add("sample", "price", "", "EU TOPCon modules in Jan 2022?",
    why="the sample price series start in January 2023", how="sample prices: first month 2023-01")
add("sample", "price", "", "HJT cell price in China, latest?",
    why="cells are held only for TOPCon M10 and PERC M10; no HJT cell series", how="sample prices: Cell descriptions")
add("sample", "price", "", "copper price trend in 2024? frames and ribbons getting pricier",
    why="copper is not in the sample price data", how="sample prices: no raw materials")

# =============================================================================================
# SAMPLE instance -- market (market.csv)
# =============================================================================================
M = SM
add("sample", "market", "lookup", "Our Italian distributor says the market doubled. Italy added how much PV in 2024?",
    [E(mval(M, "Italy", 2024), MW)], [], "sample market: Italy 2024 Historical Primary Total Annual")

add("sample", "market", "lookup", "Polish installed base at end-2024?",
    [E(mval(M, "Poland", 2024, "Cumulative"), MW)], [], "sample market: Poland 2024 Historical Primary Total Cumulative")

names, vals = rank_countries(M, 2024, n=3)
add("sample", "market", "rank", "Top 3 countries for 2024 additions?",
    [E(v, MW) for v in vals], names, "sample market: 2024 Historical Primary Total Annual, countries (World excluded), top 3")

add("sample", "market", "share", "Spain's share of global new installs in 2024?",
    [E(mval(M, "Spain", 2024) / mval(M, "World", 2024) * 100, PC)], [],
    "sample market: Spain / World 2024 Historical Primary Total Annual")

a, b = mval(M, "Netherlands", 2015, "Cumulative"), mval(M, "Netherlands", 2024, "Cumulative")
add("sample", "market", "change", "Dutch market feels saturated. Netherlands: CAGR of cumulative capacity 2015-2024?",
    [E(cagr(a, b, 9), PC)], [], "sample market: Netherlands Cumulative Total Historical Primary, (2024/2015)^(1/9)-1")

add("sample", "market", "compare", "Deciding where to put the next sales hire. France vs Italy, 2030 additions in the most probable case?",
    [E(mval(M, "France", 2030), MW), E(mval(M, "Italy", 2030), MW)], [],
    "sample market: 2030 Forecast - Most probable Total Annual for France and Italy")

s = hist_series(M, "Poland")
add("sample", "market", "extreme", "Poland's best year for additions in the historical data?",
    [E(s.max(), MW)], [str(int(s.idxmax()))], "sample market: Poland Annual Total Historical Primary, max")

vals = [mval(M, "Germany", y) for y in range(2020, 2025)]
add("sample", "market", "average", "germany avg annual additions 2020-24? need it for the DACH forecast",
    [E(sum(vals) / len(vals), MW)], [], "sample market: Germany Annual Total Historical Primary, mean 2020..2024")

vals = [mval(M, "Spain", y) for y in range(2019, 2025)]
add("sample", "market", "sum", "Total Spanish additions 2019 through 2024?",
    [E(sum(vals), MW)], [], "sample market: Spain Annual Total Historical Primary, sum 2019..2024")

s = hist_series(M, "Italy")
yr = int(s[s > 2000].index.min())
add("sample", "market", "first_latest", "When did Italy's annual additions first top 2 GW?",
    [E(s[yr], MW)], [str(yr)], "sample market: Italy Annual Total Historical Primary, first year > 2000 MW")

add("sample", "market", "lookup", "Sizing the replacement-module opportunity. Italy's installed base by 2030 in the high scenario?",
    [E(mval(M, "Italy", 2030, "Cumulative", scen="Forecast - High"), MW)], [],
    "sample market: Italy 2030 Forecast - High Total Cumulative")

add("sample", "market", "follow_up",
    ["Poland additions 2024?", "and 2030, low scenario?"],
    [E(mval(M, "Poland", 2030, scen="Forecast - Low"), MW)], [], "sample market: Poland 2030 Forecast - Low Total Annual")

add("sample", "market", "share", "Germany 2024 - distributed as % of total additions?",
    [E(mval(M, "Germany", 2024, conn="Distributed") / mval(M, "Germany", 2024) * 100, PC)], [],
    "sample market: Germany 2024 Annual Historical Primary, Distributed / Total")

# --- sample market: unanswerable
add("sample", "market", "", "How much did the US install in 2024?",
    why="the sample market data covers only Italy, Germany, Spain, France, Netherlands, Poland and World",
    how="sample market: no USA rows")
add("sample", "market", "", "Portugal's 2024 additions?",
    why="Portugal is not in the sample market data", how="sample market: territory list")
add("sample", "market", "", "German additions back in 2012?",
    why="the sample market data starts in 2015", how="sample market: first year 2015")

# =============================================================================================
# Financials -- on the SAMPLE instance
# =============================================================================================
v, u = fin("Nordlicht", "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial", "financial", "Nordlicht Solar gross margin Q4 2024?",
    [E(v, u)], [], "financials: Nordlicht Solar AG (sample), 2024-Q4, Gross margin")

a, u = fin("Helios", "2023-Q4", "Production capacity")
b, _ = fin("Helios", "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "financial",
    "Helios keeps telling us they're capacity-constrained. Production capacity end of 2024 vs end of 2023 - how much did they add?",
    [E(b, u), E(a, u), E(b - a, u)], [], "financials: Helios Production capacity 2024-Q4 and 2023-Q4, difference")

rows = FIN[(FIN.period == "FY2024") & (FIN.metric == "Gross margin")].sort_values("value", ascending=False)
add("sample", "manufacturer_financial", "financial", "Which of the four had the best gross margin in FY2024?",
    [E(rows.value.iloc[0], PC)], [rows.company.iloc[0].split(" ")[0]],
    "financials: FY2024 Gross margin, max over the four companies")

v, u = fin("Helios", "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial", "follow_up",
    ["Helios revenue Q4 2024?", "and gross margin that quarter?"],
    [E(v, u)], [], "financials: Helios Modules Ltd (sample), 2024-Q4, Gross margin")

add("sample", "manufacturer_financial", "", "Nordlicht Q1 2025 net income?",
    why="the financial data ends with 2024-Q4 / FY2024", how="financials: last period 2024-Q4")
add("sample", "manufacturer_financial", "", "What ASP in $/W did SunForge get for its modules in 2024?",
    why="average selling price is not a metric in the financial data", how="financials: metric list")

vals = [fin("Nordlicht", f"2024-Q{q}", "Net income")[0] for q in range(1, 5)]
add("sample", "manufacturer_financial", "financial", "Nordlicht is our only EU-made backup supplier. Total net loss over the four quarters of 2024?",
    [E(sum(vals), "USD million")], [], "financials: Nordlicht Solar AG (sample) Net income, sum 2024-Q1..Q4")

# =============================================================================================
# write + self-check
# =============================================================================================
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, f"only {len(ITEMS)} items"
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, f"only {n_un} unanswerable"
n_fu = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_fu >= 12, f"only {n_fu} follow-up chains"
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                              "first_latest", "price", "financial", "follow_up"}, it
        for e in it["expect"]:
            assert e["value"] == e["value"], ("NaN", it["id"])
    else:
        assert it["why"] and not it["expect"] and not it["names"]
    assert it["agent"] in {"market", "price", "manufacturer_financial"}
    assert it["data"] in {"real", "sample"}

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_fu}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data x kind:")
for k, v in sorted(Counter((it["data"], it["kind"]) for it in ITEMS).items()):
    print(f"  {k[0]:7s} {k[1]:14s} {v}")
print("with context sentence (>1 sentence in last turn):",
      sum(1 for it in ITEMS if it["turns"][-1].count(". ") + it["turns"][-1].count("? ") >= 1))
