#!/usr/bin/env python3
"""Writer `metals`: held-out questions from a London metals-trading-house analyst.

Every expected figure is computed here from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "metals"

# ----------------------------------------------------------------------------- data
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
R_MKT = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates(KEY)
S_MKT = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates(KEY)
R_PRC = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
R_PRC["date"] = pd.to_datetime(R_PRC["date"])
S_PRC = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
HIST = "Historical Primary"
MP, HIGH, LOW = "Forecast - Most probable", "Forecast - High", "Forecast - Low"


def mk(data):
    return R_MKT if data == "real" else S_MKT


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return scen
    return HIST if year <= last_hist(df, terr) else MP


def mval(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = mk(data)
    sc = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == sc)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, sc, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    """{year: value} over y0..y1 (inclusive) for years present, auto scenario per year."""
    out = {}
    for y in range(y0, y1 + 1):
        try:
            out[y] = mval(data, terr, y, typ, conn, scen)
        except AssertionError:
            pass
    return out


def countries(data):
    return sorted(set(mk(data).Territory) - AGGREGATES)


def rank(data, year, typ="Annual", conn="Total", n=3, scen=None, pool=None):
    vals = []
    for c in (pool or countries(data)):
        try:
            vals.append((c, mval(data, c, year, typ, conn, scen)))
        except AssertionError:
            pass
    vals.sort(key=lambda t: -t[1])
    assert n >= len(vals) or vals[n - 1][1] != vals[n][1], "tie at cut-off"
    return vals[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- prices
def pser(data, item, desc, region, unit=None):
    df = R_PRC if data == "real" else S_PRC
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region, unit)
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    return s.sort_values("date")


def unit_of(s):
    return s.unit.iloc[0]


def p_latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, ("latest not unique", len(r))
    return float(r.base_price.iloc[0]), d


def p_first(s):
    d = s.date.min()
    r = s[s.date == d]
    assert len(r) == 1
    return float(r.base_price.iloc[0]), d


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, ("month obs", ym, len(r))
    return float(r.base_price.iloc[0])


def p_span(s, start=None, end=None):
    if start:
        s = s[s.date >= pd.Timestamp(start)]
    if end:
        s = s[s.date <= pd.Timestamp(end)]
    assert len(s) > 0
    return s


def p_extreme(s, fn):
    v = s.base_price.max() if fn == "max" else s.base_price.min()
    dates = s[s.base_price == v].date
    return float(v), dates


# ----------------------------------------------------------------------------- financials
def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ----------------------------------------------------------------------------- items
ITEMS = []


def E(v, unit):
    return {"value": float(v), "unit": unit}


def add(data, agent, kind, turns, expect=None, names=None, how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": why is None,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if why is not None:
        item["why"] = why
    ITEMS.append(item)


R, S = "real", "sample"
MW, PCT = "MW", "%"

# ============================================================ REAL: market
# ---- lookups
v = mval(R, "Pakistan", 2024)
add(R, "market", "lookup",
    "Everyone's talking about Chinese module exports piling into Pakistan. How much PV did Pakistan actually add in 2024?",
    [E(v, MW)], [], "market CSV: Pakistan, 2024, Historical Primary, Total, Annual")

v = mval(R, "Brazil", 2024, "Cumulative")
add(R, "market", "lookup", "Brazil's DG boom has been huge for Al frames. brazil installed base end-2024, GW?",
    [E(v, MW)], [], "market CSV: Brazil, 2024, Historical Primary, Total, Cumulative")

v = mval(R, "Germany", 2027, scen=HIGH)
add(R, "market", "lookup", "Thinking about EU demand in the bull case. German new installs in 2027 under the high scenario?",
    [E(v, MW)], [], "market CSV: Germany, 2027, Forecast - High, Total, Annual")

# ---- rankings
top = rank(R, 2024, n=5)
add(R, "market", "rank",
    "Trying to map silver paste demand by end market. Top 5 countries by PV additions in 2024?",
    [E(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

top = rank(R, 2024, "Cumulative", n=3)
add(R, "market", "rank", "Looking at where the installed base (and future scrap) sits. which 3 countries have the biggest installed PV fleets as of end 2024?",
    [E(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: countries only, 2024, Historical Primary, Total, Cumulative, top 3")

pool = ["Germany", "Spain", "Italy", "France", "Poland"]
top = rank(R, 2024, n=5, pool=pool)
add(R, "market", "rank", "rank DE, ES, IT, FR and PL by new PV capacity in 2024, biggest first",
    [E(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: the five named countries, 2024, Historical Primary, Total, Annual, sorted desc")

# ---- shares
a, w = mval(R, "China", 2024), mval(R, "World", 2024)
add(R, "market", "share",
    "China's dominance in poly and wafers is one thing, but on the demand side - what share of global PV additions did China take in 2024?",
    [E(a / w * 100, PCT)], [], "China / World, 2024, Historical Primary, Total, Annual, x100")

a, w = mval(R, "USA", 2024, "Cumulative"), mval(R, "World", 2024, "Cumulative")
add(R, "market", "share", "US share of the worlds cumulative PV installed base at end-2024?",
    [E(a / w * 100, PCT)], [], "USA / World, 2024, Historical Primary, Total, Cumulative, x100")

a, t = mval(R, "Spain", 2024, conn="Centralised"), mval(R, "Spain", 2024)
add(R, "market", "share", "Spanish market is mostly ground-mount as far as I know. what % of Spain's 2024 additions was centralised / utility-scale?",
    [E(a / t * 100, PCT)], [], "Spain 2024 Annual Centralised / Spain 2024 Annual Total, x100")

a, b = mval(R, "World", 2019), mval(R, "World", 2024)
add(R, "market", "change",
    "For our long-term silver demand model I need the growth rate of the end market. CAGR of global annual PV installations 2019-2024?",
    [E(cagr(a, b, 5), PCT)], [], "World Annual Total, Historical Primary: (2024/2019)^(1/5) - 1")

a, b = mval(R, "China", 2022), mval(R, "China", 2023)
add(R, "market", "change", "China's 2023 was insane for poly offtake. how many MW more did China install in 2023 than in 2022?",
    [E(b - a, MW)], [], "China Annual Total: 2023 - 2022")

a, b = mval(R, "Brazil", 2020, "Cumulative"), mval(R, "Brazil", 2024, "Cumulative")
add(R, "market", "change", "Brazilian installed base, % growth from end-2020 to end-2024?",
    [E(pct(a, b), PCT)], [], "Brazil Cumulative Total: (2024 - 2020) / 2020 x100")

# ---- compare
a, b = mval(R, "India", 2024), mval(R, "USA", 2024)
add(R, "market", "compare", "India vs US - who added more PV in 2024 and by how much?",
    [E(a, MW), E(b, MW), E(abs(b - a), MW)], ["USA" if b > a else "India"],
    "India and USA 2024 Annual Total, Historical Primary; difference")

vals = [(c, mval(R, c, 2024, "Cumulative")) for c in ["Germany", "Spain", "Italy"]]
add(R, "market", "compare", "Compare cumulative PV capacity of Germany, Spain and Italy at end 2024.",
    [E(x[1], MW) for x in vals], [x[0] for x in vals],
    "Germany/Spain/Italy 2024 Cumulative Total, Historical Primary")

a, b = mval(R, "China", 2024), mval(R, "USA", 2024)
add(R, "market", "compare", "Quick one for a client note. China's 2024 additions were how many times the US's?",
    [E(a / b, "x")], [], "China 2024 Annual Total / USA 2024 Annual Total")

# ---- extremes
s = mseries(R, "Japan", 1992, 2024)
y = max(s, key=s.get)
add(R, "market", "extreme", "What was Japan's record year for PV additons, and how big was it?",
    [E(s[y], MW)], [str(y)], "Japan Annual Total, Historical Primary, all years (no forecast in file): max")

s = mseries(R, "Czech Republic", 2010, 2024)
y = min(s, key=s.get)
add(R, "market", "extreme", "Czech numbers look odd to me. weakest year for Czech PV additions between 2010 and 2024?",
    [E(s[y], MW)], [str(y)], "Czech Republic Annual Total, Historical Primary 2010-2024 (years present): min")

s = mseries(R, "Vietnam", 2009, 2024)
y = max(s, key=s.get)
add(R, "market", "extreme",
    "Vietnam had that FiT-driven boom a few years back. Which year was its peak for installations, and how many MW?",
    [E(s[y], MW)], [str(y)], "Vietnam Annual Total, Historical Primary, all years: max")

# ---- averages
s = mseries(R, "India", 2020, 2024)
add(R, "market", "average", "Indian demand matters a lot for Ag paste. Average annual PV additions in India over 2020-2024?",
    [E(sum(s.values()) / len(s), MW)], [], "mean of India Annual Total 2020..2024 (5 years)")

s = mseries(R, "Germany", 2025, 2030)
add(R, "market", "average",
    "German demand outlook: average yearly additions 2025-2030 in the most probable case?",
    [E(sum(s.values()) / len(s), MW)], [], "mean of Germany Annual Total 2025..2030, Forecast - Most probable")

# ---- sums
s = mseries(R, "USA", 2020, 2024)
assert len(s) == 5
add(R, "market", "sum", "Total PV the US installed 2020 through 2024 combined?",
    [E(sum(s.values()), MW)], [], "sum USA Annual Total 2020..2024")

vals = [mval(R, c, 2024) for c in ["Spain", "Italy", "France"]]
add(R, "market", "sum",
    "Southern EU copper/alu demand proxy: combined 2024 PV additions of Spain, Italy and France?",
    [E(sum(vals), MW)], [], "Spain + Italy + France, 2024 Annual Total, Historical Primary")

s = mseries(R, "Spain", 2025, 2030)
add(R, "market", "sum", "How much new PV does Spain add in total over 2025-2030, most probable scenario?",
    [E(sum(s.values()), MW)], [], "sum Spain Annual Total 2025..2030, Forecast - Most probable")

s = mseries(R, "Germany", 1992, 2024, "Cumulative")
y = min(k for k, val in s.items() if val > 50000)
add(R, "market", "first_latest", "Germany is our benchmark for mature markets. When did Germany's installed PV base first go past 50 GW?",
    [E(s[y], MW)], [str(y)], "Germany Cumulative Total, Historical Primary: first year > 50,000 MW")

y = last_hist(R_MKT, "Saudi Arabia")
v = mval(R, "Saudi Arabia", y)
add(R, "market", "first_latest",
    "Saudi's giga-projects are a big Al frame story. Most recent year of actuals you have for Saudi Arabia, and what it added that year?",
    [E(v, MW)], [str(y)], "Saudi Arabia: last Historical Primary year, Annual Total")

# ============================================================ REAL: prices
cu = pser(R, "Copper", "Copper", "Overseas")
al = pser(R, "Aluminium", "Aluminium", "Overseas")
ag = pser(R, "Silver", "Silver", "Overseas", "K US$/t")
eva = pser(R, "EVA", "EVA", "Overseas")

v, d = p_latest(cu)
add(R, "price", "price", "latest Cu print?", [E(v, unit_of(cu))], [],
    f"prices: Copper/Overseas, newest date {d.date()}")

v = p_month(al, "2024-03")
add(R, "price", "price", "Frame cost question from a client. Aluminium price in March 2024?", [E(v, unit_of(al))], [],
    "prices: Aluminium/Overseas, monthly obs dated 2024-03")

v, dts = p_extreme(p_span(ag, "2020-01-01", "2024-12-31"), "min")
add(R, "price", "price",
    "Silver's been ripping lately. What was the low in your Ag series between Jan 2020 and Dec 2024?",
    [E(v, unit_of(ag))], [str(dts.iloc[0].year)],
    "prices: Silver/Overseas (K US$/t series), min over 2020-01..2024-12")

a, b = p_month(ag, "2024-01"), p_month(ag, "2025-01")
add(R, "price", "price", "Ag % change Jan 2024 -> Jan 2025?", [E(pct(a, b), PCT)], [],
    "prices: Silver/Overseas K US$/t: (2025-01 - 2024-01) / 2024-01 x100")

vals = []
for reg in ["China", "EU", "US"]:
    s = pser(R, "Module", "n-type TOPCon", reg)
    vals.append((reg, p_latest(s)[0], unit_of(s)))
add(R, "price", "price",
    "US tariffs keep the spread wide. Latest n-type TOPCon module prices in China, the EU and the US?",
    [E(x[1], x[2]) for x in vals], [],
    "prices: Module / n-type TOPCon, regions China, EU, US, newest date of each series")

h = pser(R, "Module", "n-type HJT", "China")
t = pser(R, "Module", "n-type TOPCon", "China")
add(R, "price", "price", "Tech mix matters for Ag loading, HJT is the silver hog. HJT vs TOPCon modules in China, latest prices?",
    [E(p_latest(h)[0], unit_of(h)), E(p_latest(t)[0], unit_of(t))], [],
    "prices: Module n-type HJT China and Module n-type TOPCon China, newest date of each")

poly9 = pser(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
v, dts = p_extreme(poly9, "max")
add(R, "price", "price", "What was the peak for overseas 9N/9N+ polysilicon over the whole series, and when?",
    [E(v, unit_of(poly9))], sorted({str(x.year) for x in dts}),
    "prices: Polysilicon High purity - 9N/9N+ Overseas, max over whole series")

poly12 = pser(R, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "Overseas")
a, b = p_latest(poly12)[0], p_latest(poly9)[0]
add(R, "price", "price",
    "Non-China poly premium: latest overseas 12N/12N+ (outside-China) price vs overseas 9N/9N+, and the ratio?",
    [E(a, "US$/kg"), E(b, "US$/kg"), E(a / b, "x")], [],
    "prices: Polysilicon 12N/12N+ outside of China (Overseas) latest and 9N/9N+ Overseas latest; ratio")

s = p_span(t, "2024-01-01", "2024-12-31")
add(R, "price", "price", "avg price of TOPCon modules in China accross 2024?",
    [E(s.base_price.mean(), unit_of(t))], [],
    f"prices: Module n-type TOPCon China, mean of the {len(s)} weekly obs dated in 2024")

w = pser(R, "Wafer", "n-type mono-Si M10", "Overseas")
v, d = p_latest(w)
add(R, "price", "price", "latest n-type M10 wafer price outside China?", [E(v, unit_of(w))], [],
    f"prices: Wafer n-type mono-Si M10 Overseas, newest date {d.date()}")

a, _ = p_first(t)
b, _ = p_latest(t)
add(R, "price", "price",
    "Module deflation check: % change in Chinese TOPCon module prices from the first to the latest observation?",
    [E(pct(a, b), PCT)], [], "prices: Module n-type TOPCon China, (latest - first) / first x100")

a1, b1 = p_month(cu, "2024-01"), p_month(cu, "2025-01")
a2, b2 = p_month(al, "2024-01"), p_month(al, "2025-01")
add(R, "price", "price", "Base metals bounced hard last year. Cu and Al, % move Jan 2024 to Jan 2025 each?",
    [E(pct(a1, b1), PCT), E(pct(a2, b2), PCT)], [],
    "prices: Copper and Aluminium Overseas monthly, (2025-01 - 2024-01) / 2024-01 x100 each")

s = p_span(cu, "2024-01-01", "2024-12-31")
assert len(s) == 12
add(R, "price", "average", "Average copper price over calendar 2024?", [E(s.base_price.mean(), unit_of(cu))], [],
    "prices: Copper Overseas, mean of the 12 monthly obs in 2024")

s = pser(R, "Module", "n-type HJT", "EU")
v, d = p_first(s)
add(R, "price", "first_latest", "When does your EU HJT module price series start, and at what price?",
    [E(v, unit_of(s))], [str(d.year)], f"prices: Module n-type HJT EU, earliest date {d.date()}")

# ============================================================ SAMPLE: market
v = mval(S, "Italy", 2023)
add(S, "market", "lookup", "Italian market has been on a tear. How much PV did Italy install in 2023?", [E(v, MW)], [],
    "sample market: Italy, 2023, Historical Primary, Total, Annual")

v = mval(S, "Poland", 2030, "Cumulative", scen=LOW)
add(S, "market", "lookup", "Polish PV fleet at end-2030 in the low case?", [E(v, MW)], [],
    "sample market: Poland, 2030, Forecast - Low, Total, Cumulative")

v = mval(S, "Netherlands", 2022, conn="Centralised")
add(S, "market", "lookup", "Dutch utility-scale (centralised) additions in 2022?", [E(v, MW)], [],
    "sample market: Netherlands, 2022, Historical Primary, Centralised, Annual")

top = rank(S, 2024, n=3)
add(S, "market", "rank", "Ranking European demand centres for a client deck. Top 3 countries by new PV in 2024?", [E(x[1], MW) for x in top], [x[0] for x in top],
    "sample market: countries only (World excluded), 2024, Historical Primary, Total, Annual, top 3")

top = rank(S, 2030, "Cumulative", n=3, scen=HIGH)
add(S, "market", "rank",
    "Long-dated Ag demand scenarios - under the high case, which three countries have the largest installed base in 2030?",
    [E(x[1], MW) for x in top], [x[0] for x in top],
    "sample market: countries only, 2030, Forecast - High, Total, Cumulative, top 3")

a, w = mval(S, "Germany", 2024), mval(S, "World", 2024)
add(S, "market", "share", "Germany's share of world PV additions in 2024?", [E(a / w * 100, PCT)], [],
    "sample market: Germany / World, 2024 Annual Total, Historical Primary x100")

a, t = mval(S, "Italy", 2024, conn="Distributed"), mval(S, "Italy", 2024)
add(S, "market", "share", "Italian rooftop is the bulk of the market, right? distributed share of Italy's 2024 additions?",
    [E(a / t * 100, PCT)], [], "sample market: Italy 2024 Annual Distributed / Total x100")

a, w = mval(S, "Spain", 2030), mval(S, "World", 2030)
add(S, "market", "share", "Spain's share of global additions in 2030 (most probable)?", [E(a / w * 100, PCT)], [],
    "sample market: Spain / World, 2030 Annual Total, Forecast - Most probable x100")

a, b = mval(S, "Poland", 2023), mval(S, "Poland", 2024)
add(S, "market", "change", "Polish market looks like it's stalling. Poland additions 2024 vs 2023, % chg?", [E(pct(a, b), PCT)], [],
    "sample market: Poland Annual Total (2024-2023)/2023 x100")

a, b = mval(S, "Germany", 2024, "Cumulative"), mval(S, "Germany", 2030, "Cumulative")
add(S, "market", "change", "CAGR of Germany's installed base 2024-2030, most probable scenario?",
    [E(cagr(a, b, 6), PCT)], [],
    "sample market: Germany Cumulative Total 2024 (Historical) and 2030 (Most probable), ^(1/6)-1")

a, b = mval(S, "World", 2023), mval(S, "World", 2024)
add(S, "market", "change", "By how many MW did global annual installs grow 2023 -> 2024?", [E(b - a, MW)], [],
    "sample market: World Annual Total 2024 - 2023")

vals = [(c, mval(S, c, 2030, scen=HIGH)) for c in ["Germany", "Spain", "Italy"]]
add(S, "market", "compare", "DE vs ES vs IT 2030 additions in the high scenario?", [E(x[1], MW) for x in vals], [],
    "sample market: Germany/Spain/Italy 2030 Annual Total, Forecast - High")

a, b = mval(S, "Spain", 2019), mval(S, "France", 2019)
add(S, "market", "compare", "In 2019 did Spain or France install more PV? numbers pls",
    [E(a, MW), E(b, MW)], ["Spain" if a > b else "France"],
    "sample market: Spain and France 2019 Annual Total, Historical Primary")

s = mseries(S, "Netherlands", 2015, 2030)
y = max(s, key=s.get)
add(S, "market", "extreme", "peak year for Dutch PV additions?", [E(s[y], MW)], [str(y)],
    "sample market: Netherlands Annual Total, 2015-2024 Historical + 2025-2030 Most probable: max")

s = mseries(S, "France", 2015, 2024)
y = min(s, key=s.get)
add(S, "market", "extreme", "France was a laggard for years. France's weakest year for installations 2015-2024?", [E(s[y], MW)], [str(y)],
    "sample market: France Annual Total, Historical Primary 2015-2024: min")

s = mseries(S, "Italy", 2025, 2030, scen=LOW)
y = max(s, key=s.get)
add(S, "market", "extreme", "In the low scenario, which year do Italian additions peak?", [E(s[y], MW)], [str(y)],
    "sample market: Italy Annual Total, Forecast - Low 2025-2030: max")

s = mseries(S, "Spain", 2020, 2024)
add(S, "market", "average", "Spanish capture prices are getting cannibalised. Spain average annual additions 2020-2024?", [E(sum(s.values()) / len(s), MW)], [],
    "sample market: mean Spain Annual Total 2020..2024")

s = mseries(S, "World", 2025, 2030)
add(S, "market", "average",
    "For the demand side of our Cu balance: average global PV additions per year 2025-2030, most probable?",
    [E(sum(s.values()) / len(s), MW)], [], "sample market: mean World Annual Total 2025..2030, Forecast - Most probable")

s = mseries(S, "Poland", 2019, 2024)
add(S, "market", "sum", "total Polish PV additions 2019-2024 inclusive?", [E(sum(s.values()), MW)], [],
    "sample market: sum Poland Annual Total 2019..2024")

s = mseries(S, "Italy", 2025, 2030, scen=HIGH)
add(S, "market", "sum", "Italy's pipeline looks strong. How much would Italy add in total over 2025-30 in the high scenario?",
    [E(sum(s.values()), MW)], [], "sample market: sum Italy Annual Total 2025..2030, Forecast - High")

s = mseries(S, "Poland", 2015, 2024)
y = min(k for k, val in s.items() if val > 2000)
add(S, "market", "first_latest", "First year Poland added more than 2 GW?", [E(s[y], MW)], [str(y)],
    "sample market: Poland Annual Total, Historical Primary: first year > 2,000 MW")

# ============================================================ SAMPLE: prices
s = pser(S, "Module", "n-type TOPCon", "India")
v, d = p_latest(s)
add(S, "price", "price", "ALMM keeps Indian module prices propped up. Latest TOPCon module price in India?", [E(v, unit_of(s))], [],
    f"sample prices: Module n-type TOPCon India, newest date {d.date()}")

s = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
v = p_month(s, "2023-06")
add(S, "price", "price", "China 9N poly in June 2023?", [E(v, unit_of(s))], [],
    "sample prices: Polysilicon High purity - 9N/9N+ China, obs dated 2023-06")

a = p_month(pser(S, "Polysilicon", "High purity - 9N/9N+", "EU"), "2024-12")
b = p_month(pser(S, "Polysilicon", "High purity - 9N/9N+", "China"), "2024-12")
add(S, "price", "price",
    "EU poly is still carrying a fat premium. EU vs China 9N polysilicon in Dec 2024, and the gap in $/kg?",
    [E(a, "US$/kg"), E(b, "US$/kg"), E(a - b, "US$/kg")], [],
    "sample prices: Polysilicon 9N EU and China, 2024-12; difference EU - China")

s = pser(S, "Module", "n-type HJT", "US")
v, dts = p_extreme(s, "min")
add(S, "price", "price", "US module prices stay well above everyone else. lowest US HJT module price in the series, and when?", [E(v, unit_of(s))],
    sorted({str(x.year) for x in dts}), "sample prices: Module n-type HJT US, min over whole series")

s = p_span(pser(S, "Cell", "p-type mono-Si PERC M10", "China"), "2024-01-01", "2024-12-31")
add(S, "price", "average", "Avg PERC M10 cell price in China during 2024?", [E(s.base_price.mean(), "US$/Wp")], [],
    "sample prices: Cell p-type mono-Si PERC M10 China, mean of 12 monthly obs 2024")

s = pser(S, "Wafer", "n-type mono-Si M10", "China")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(S, "price", "price", "Wafer prices collapsed with the poly glut. n-type M10 wafers, China: % change Jan 2023 to Dec 2024?", [E(pct(a, b), PCT)], [],
    "sample prices: Wafer n-type mono-Si M10 China, (2024-12 - 2023-01)/2023-01 x100")

vals = [(reg, p_month(pser(S, "Module", "n-type TOPCon", reg), "2024-12")) for reg in ["China", "EU", "India", "US"]]
cheap = min(vals, key=lambda x: x[1])
add(S, "price", "price", "Which region had the cheapest TOPCon modules in Dec 2024, and at what price?",
    [E(cheap[1], "US$/Wp")], [cheap[0]],
    "sample prices: Module n-type TOPCon, 2024-12 obs across regions China/EU/India/US: min")

# ============================================================ financials (sample file, both instances)
v, u = fin(HEL, "FY2024", "Module shipments")
add(R, "manufacturer_financial", "financial", "Checking who's gaining volume share. Helios Modules FY2024 module shipments?", [E(v, u)], [],
    "financials: Helios Modules Ltd, FY2024, Module shipments")

v, u = fin(SUN, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "Margins across the chain look awful. SunForge gross margin in Q4 2024?", [E(v, u)], [],
    "financials: SunForge Energy, 2024-Q4, Gross margin")

a, u = fin(NOR, "FY2023", "Revenue")
b, _ = fin(NOR, "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial", "Nordlicht Solar revenue change FY23 -> FY24, %?", [E(pct(a, b), PCT)], [],
    "financials: Nordlicht Solar AG Revenue (FY2024 - FY2023)/FY2023 x100")

vals = [(c, fin(c, "2024-Q1", "Gross margin")[0]) for c in [HEL, SUN, AUR, NOR]]
best = max(vals, key=lambda x: x[1])
add(R, "manufacturer_financial", "financial", "Which manufacturer had the highest gross margin in 2024-Q1?",
    [E(best[1], PCT)], [SHORT[best[0]]], "financials: Gross margin 2024-Q1 across the four companies: max")

a, u = fin(SUN, "2024-Q3", "Module shipments")
b, _ = fin(SUN, "2024-Q4", "Module shipments")
add(R, "manufacturer_financial", "financial", "SunForge shipments q/q Q3->Q4 2024?", [E(pct(a, b), PCT)], [],
    "financials: SunForge Module shipments (2024-Q4 - 2024-Q3)/2024-Q3 x100")

vals = sorted([(c, fin(c, "FY2024", "Module shipments")[0]) for c in [HEL, SUN, AUR, NOR]], key=lambda x: -x[1])
add(S, "manufacturer_financial", "financial", "Rank the module makers by FY2024 shipments, top 3",
    [E(x[1], "GW") for x in vals[:3]], [SHORT[x[0]] for x in vals[:3]],
    "financials: Module shipments FY2024, sorted desc, top 3")

qs = [f"{y}-Q{q}" for y in (2023, 2024) for q in range(1, 5)]
vals = [(p, fin(AUR, p, "Gross margin")[0]) for p in qs]
lo = min(vals, key=lambda x: x[1])
add(R, "manufacturer_financial", "financial", "Aurora PV's weakest quarterly gross margin, which quarter?",
    [E(lo[1], PCT)], [lo[0].split("-")[1]] + [lo[0].split("-")[0]],
    "financials: Aurora PV Group Gross margin, quarterly periods 2023-Q1..2024-Q4: min")

v, u = fin(SUN, "FY2024", "Net income")
add(S, "manufacturer_financial", "financial", "did SunForge make money in FY2024? net income?", [E(v, u)], [],
    "financials: SunForge Energy, FY2024, Net income")

top = rank(R, 2024, n=3)
add(R, "market", "follow_up", ["Mapping end demand for the silver desk. Top 3 countries by PV additions in 2023?", "what about 2024?"],
    [E(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: countries only, 2024, Historical Primary, Total, Annual, top 3")

v = mval(R, "Germany", 2030, scen=HIGH)
add(R, "market", "follow_up",
    ["Germany's PV additions in 2030, most probable scenario?", "same for the high scenario"],
    [E(v, MW)], [], "market CSV: Germany, 2030, Forecast - High, Total, Annual")

v, _ = p_latest(al)
add(R, "price", "follow_up", ["latest copper price?", "and aluminium?"], [E(v, unit_of(al))], [],
    "prices: Aluminium/Overseas, newest date")

a, w = mval(R, "India", 2024, "Cumulative"), mval(R, "World", 2024, "Cumulative")
add(R, "market", "follow_up",
    ["What's India's cumulative installed PV at end-2024?", "what share of the world total is that?"],
    [E(a / w * 100, PCT)], [], "India / World, 2024 Cumulative Total, Historical Primary x100")

v, dts = p_extreme(poly9, "min")
add(R, "price", "follow_up",
    ["Latest overseas 9N/9N+ polysilicon price?", "what's the lowest it's been over the whole series?"],
    [E(v, unit_of(poly9))], [], "prices: Polysilicon High purity - 9N/9N+ Overseas, min over whole series")

a, b = mval(R, "USA", 2023), mval(R, "USA", 2024)
add(R, "market", "follow_up", ["US PV additions in 2024?", "yoy growth?"], [E(pct(a, b), PCT)], [],
    "USA Annual Total (2024-2023)/2023 x100, Historical Primary")

a, t = mval(R, "China", 2024, conn="Distributed"), mval(R, "China", 2024)
add(R, "market", "follow_up",
    ["China centralised PV additions in 2024?", "and what share of China's 2024 total was distributed?"],
    [E(a / t * 100, PCT)], [], "China 2024 Annual Distributed / Total x100, Historical Primary")

v = p_month(ag, "2025-01")
add(R, "price", "follow_up", ["Ag paste costs are biting cell makers. Silver price in January 2024?", "and a year later?"], [E(v, unit_of(ag))], [],
    "prices: Silver/Overseas K US$/t, obs dated 2025-01")

a, b = mval(S, "Germany", 2024), mval(S, "France", 2024)
add(S, "market", "follow_up", ["German PV additions 2024?", "and France?", "combined?"], [E(a + b, MW)], [],
    "sample market: Germany + France 2024 Annual Total")

s = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(S, "price", "follow_up", ["China 9N poly price Jan 2023?", "and Dec 2024?", "% change?"], [E(pct(a, b), PCT)], [],
    "sample prices: Polysilicon 9N China (2024-12 - 2023-01)/2023-01 x100")

v, u = fin(HEL, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "follow_up", ["Helios gross margin in 2023-Q1?", "and in 2024-Q4?"], [E(v, u)], [],
    "financials: Helios Modules Ltd, 2024-Q4, Gross margin")

a, b = mval(S, "Italy", 2024), mval(S, "Spain", 2024)
add(S, "market", "follow_up", ["Italy vs Spain PV additions in 2024?", "chart it"], [E(a, MW), E(b, MW)],
    ["Italy", "Spain"], "sample market: Italy and Spain 2024 Annual Total (bar chart)")

v = mval(S, "World", 2030, scen=LOW)
add(S, "market", "follow_up", ["Global PV additions in 2024?", "what about 2030 in the low scenario?"], [E(v, MW)], [],
    "sample market: World, 2030, Forecast - Low, Total, Annual")

# ============================================================ unanswerable
U = "unanswerable"
add(R, "market", U, "Need a read on copper from wind too - how much onshore wind did Germany add in 2024?",
    why="wind capacity is not in the data; only PV installations")
add(R, "market", U, "Storage is pulling on Cu too. US battery storage installs 2024, GWh?",
    why="energy storage is not in the data")
add(R, "market", U, "What's utility-scale PV LCOE in Spain these days?",
    why="LCOE is not held; data holds installed capacity only")
add(R, "market", U, "Italy's solar generation in 2024, in GWh/TWh?",
    why="generation (GWh) is not held; only capacity in MW")
add(R, "market", U, "For the long-run Al frame model. Germany cumulative PV capacity by 2030 in the most probable scenario?",
    why="forecast cumulative values in the real CSV exclude the installed base; not a valid figure")
add(R, "market", U, "Nigeria's been importing a lot of panels. How much PV did Nigeria install in 2024?",
    why="Nigeria is not in the data")
add(R, "market", U, "Our Ag model runs to 2035. Global PV additions forecast for 2035?",
    why="the data ends in 2030")
add(R, "market", U, "Want to stress-test our Chinese demand assumption. China's expected PV additions in 2026, most probable?",
    why="the real data holds no forecast for China (forecasts only for European territories)")
add(R, "price", U, "Nickel price latest? Need it for the battery side of the book",
    why="nickel is not among the price items")
add(R, "price", U, "Silver price in China (Shanghai) in Dec 2024?",
    why="silver is only held for the Overseas region")
add(R, "price", U, "What share of module cost is silver paste right now?",
    why="a cost share / bill of materials breakdown is not held; prices only")
add(R, "price", U, "Tariffs have US poly trading at a premium. Polysilicon price in the US?",
    why="polysilicon prices are held only for China and Overseas")
add(R, "price", U, "Silver paste consumption per cell, mg/W, TOPCon vs PERC?",
    why="material intensity (mg/W) is not held")
add(R, "price", U, "Aluminium price in January 2019?",
    why="the aluminium series starts in January 2020")
add(R, "manufacturer_financial", U, "Jinko's module shipments in Q4 2024?",
    why="JinkoSolar is not in the financials")
add(R, "manufacturer_financial", U, "LONGi gross margin FY2024?",
    why="LONGi is not in the financials")
add(R, "manufacturer_financial", U, "Helios R&D spend in 2024?",
    why="R&D expense is not a metric in the financials")
add(R, "market", U, "average efficiency of TOPCon modules shipped in 2024?",
    why="module efficiency is not held")
add(R, "market", U, "Current AD/CVD tariff rates on SE Asian cells into the US?",
    why="trade tariffs are not held")
add(S, "price", U, "Doing a cable cost estimate. Copper price Dec 2024?", why="copper is not in the loaded price data")
add(S, "price", U, "Where was silver in December 2024?", why="silver is not in the loaded price data")
add(S, "market", U, "US PV additions in 2024?", why="the USA is not in the loaded market data")
add(S, "market", U, "Need the big one for our Ag demand model. China's 2024 additions?", why="China is not in the loaded market data")
add(S, "price", U, "poly price China 2022 avg?", why="the price series start in January 2023")
add(S, "market", U, "Value of the German PV market in EUR, 2024?",
    why="market value in EUR is not held; capacity in MW only")
add(S, "market", U, "Going back to the Conto Energia days. Italy's PV additions in 2012?", why="the loaded market data starts in 2015")
add(S, "price", U, "n-type M10 wafer price in India?", why="wafer prices are held only for China and the EU")
add(S, "manufacturer_financial", U, "Helios revenue Q1 2025?", why="financials end with 2024-Q4 / FY2024")
add(S, "price", U, ["latest copper price?", "and nickel?"], why="neither copper nor nickel is in the loaded price data")


# ----------------------------------------------------------------------------- write + self-check
def main():
    ids = [q["id"] for q in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(ITEMS) >= 110, len(ITEMS)
    n_un = sum(1 for q in ITEMS if not q["answerable"])
    assert n_un >= 28, n_un
    chains = sum(1 for q in ITEMS if len(q["turns"]) >= 2)
    assert chains >= 12, chains
    for q in ITEMS:
        if q["answerable"]:
            assert q["expect"] or q["names"], q["id"]
            for e in q["expect"]:
                assert e["value"] == e["value"], q["id"]  # not NaN
        else:
            assert not q["expect"] and q.get("why"), q["id"]
        assert q["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                             "first_latest", "price", "financial", "follow_up", "unanswerable"}
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for q in ITEMS:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {chains}")
    print("by data:", dict(Counter(q["data"] for q in ITEMS)))
    print("by agent:", dict(Counter(q["agent"] for q in ITEMS)))
    print("by kind x data:")
    c = Counter((q["kind"], q["data"]) for q in ITEMS)
    for k in sorted({k for k, _ in c}):
        print(f"  {k:14s} real={c[(k, 'real')]:3d} sample={c[(k, 'sample')]:3d}")


if __name__ == "__main__":
    main()
