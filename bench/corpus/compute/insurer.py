#!/usr/bin/env python3
"""Held-out questions, writer `insurer` (London renewable-energy underwriter).

Every expected figure below is computed from the data files; nothing numeric in
`expect` is typed by hand.  Run:  python3 compute.py  -> writes questions.jsonl
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "insurer"

# --------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

RM = pd.read_csv(REAL_MARKET).drop_duplicates()          # 624 exact duplicates counted once
SM = pd.read_csv(S_MARKET).drop_duplicates()
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES)
SP["date"] = pd.to_datetime(SP["date"])
FIN = pd.read_csv(S_FIN)

MARKETS = {"real": RM, "sample": SM}
PRICES = {"real": RP, "sample": SP}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


# ------------------------------------------------------------------ market helpers
def last_hist(data, terr):
    df = MARKETS[data]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure under the brief's conventions."""
    df = MARKETS[data]
    s = scen_for(data, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == s)]
    assert len(x) == 1, (data, terr, year, typ, conn, s, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def mseries(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(data, terr, typ="Annual", conn="Total"):
    """All Historical Primary years held for a territory (whole historical span)."""
    df = MARKETS[data]
    x = df[(df.Territory == terr) & (df.Scenario == "Historical Primary") & (df.Type == typ)
           & (df.Connection == conn)].sort_values("Year")
    assert not x.Year.duplicated().any()
    return {int(y): float(v) for y, v in zip(x.Year, x["Capacity(MW)"])}


def countries(data):
    return sorted(set(MARKETS[data].Territory) - AGGREGATES)


def rank(data, year, typ="Annual", conn="Total", scen=None, n=5, ascending=False):
    df = MARKETS[data]
    rows = []
    for c in countries(data):
        s = scen_for(data, c, year, scen)
        x = df[(df.Territory == c) & (df.Year == year) & (df.Type == typ)
               & (df.Connection == conn) & (df.Scenario == s)]
        if len(x) == 1 and pd.notna(x["Capacity(MW)"].iloc[0]):
            rows.append((c, float(x["Capacity(MW)"].iloc[0])))
    rows.sort(key=lambda r: r[1], reverse=not ascending)
    # make sure the cut-off is not a tie
    if len(rows) > n:
        assert rows[n - 1][1] != rows[n][1], rows[: n + 1]
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def extreme(series, kind="max"):
    vals = list(series.values())
    target = max(vals) if kind == "max" else min(vals)
    ys = [y for y, v in series.items() if v == target]
    assert len(ys) == 1, (series, ys)
    return ys[0], target


# ------------------------------------------------------------------- price helpers
def pseries(data, item, desc, region, unit=None, unique_dates=True):
    df = PRICES[data]
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    x = x.sort_values("date")
    if unique_dates:
        assert not x.date.duplicated().any(), (item, desc, region)
    return x


def punit(x):
    return str(x.unit.iloc[0])


def latest(x):
    r = x.iloc[-1]
    return float(r.base_price), r.date


def first(x):
    r = x.iloc[0]
    return float(r.base_price), r.date


def in_month(x, ym):
    y, m = map(int, ym.split("-"))
    r = x[(x.date.dt.year == y) & (x.date.dt.month == m)]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def in_year(x, y):
    return x[x.date.dt.year == y]


def pext(x, kind="max"):
    v = x.base_price.max() if kind == "max" else x.base_price.min()
    hits = x[x.base_price == v]
    return float(v), hits.date.tolist()


# --------------------------------------------------------------- financial helper
def fv(company, period, metric):
    x = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), str(x.unit.iloc[0])


# -------------------------------------------------------------------- item builder
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in (expect or [])],
        "names": list(names or []),
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


MW = "MW"
PC = "%"

# =========================================================================
# REAL instance — market
# =========================================================================
D = "real"

# ---- lookups
add(D, "market",
    "We're re-rating a book of Bavarian and Baden-Württemberg rooftop schemes. How much distributed PV did Germany add in 2024?",
    "lookup", [(mv(D, "Germany", 2024, conn="Distributed"), MW)],
    how="market CSV: Germany, 2024, Historical Primary, Distributed, Annual")

add(D, "market",
    "installed base italy end of 2024?",
    "lookup", [(mv(D, "Italy", 2024, "Cumulative"), MW)],
    how="market CSV: Italy, 2024, Historical Primary, Total, Cumulative")

add(D, "market",
    "Brazilian utility-scale additions in 2023 — the centralised segment only, in MW please.",
    "lookup", [(mv(D, "Brazil", 2023, conn="Centralised"), MW)],
    how="market CSV: Brazil, 2023, Historical Primary, Centralised, Annual")

add(D, "market",
    "A broker keeps telling me Pakistan put in something like 15 GW in 2024 on the back of cheap imported modules. How much PV did Pakistan actually install that year?",
    "lookup", [(mv(D, "Pakistan", 2024), MW)],
    how="market CSV: Pakistan, 2024, Historical Primary, Total, Annual")

add(D, "market",
    "Our Spanish utility-scale book is up for a three-year renewal. What's the most probable forecast for Spain's new PV capacity in 2027?",
    "lookup", [(mv(D, "Spain", 2027, scen="mp"), MW)],
    how="market CSV: Spain, 2027, Forecast - Most probable, Total, Annual")

# ---- rankings (countries only)
r = rank(D, 2024, n=5)
add(D, "market",
    "For the annual accumulation review: which five countries installed the most PV in 2024, with the MW for each?",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

r = rank(D, 2024, "Cumulative", n=5)
add(D, "market",
    "Trying to size the insurable universe. Top 5 countries by cumulative installed PV at end-2024?",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Total, Cumulative, top 5")

r = rank(D, 2024, conn="Distributed", n=3)
add(D, "market",
    "Rooftop is where most of our small-ticket property exposure sits. Which three countries added the most distributed capacity in 2024?",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Distributed, Annual, top 3")

r = rank(D, 2030, scen="high", n=3)
add(D, "market",
    "Thinking about where growth comes from over the next treaty cycle. Under the high scenario, which 3 countries are expected to add the most PV in 2030?",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only, 2030, Forecast - High, Total, Annual, top 3")

r = rank(D, 2024, conn="Centralised", n=5)
add(D, "market",
    "utility scale (centralised) additions 2024 - top five countries pls",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Centralised, Annual, top 5")

# ---- shares
a, w = mv(D, "Germany", 2024), mv(D, "World", 2024)
add(D, "market",
    "We've been asked for a view on our German concentration. What share of global PV additions in 2024 did Germany account for?",
    "share", [(a / w * 100, PC)],
    how="Germany 2024 Annual Total / World 2024 Annual Total, Historical Primary, x100")

a, t = mv(D, "Spain", 2024, conn="Centralised"), mv(D, "Spain", 2024)
add(D, "market",
    "Spain's portfolio for us is almost entirely ground-mount. Of what Spain added in 2024, what proportion was centralised?",
    "share", [(a / t * 100, PC)],
    how="Spain 2024 Annual Centralised / Spain 2024 Annual Total, Historical Primary, x100")

a, w = mv(D, "China", 2024, "Cumulative"), mv(D, "World", 2024, "Cumulative")
add(D, "market",
    "China's share of the world's installed PV base at end of 2024, %?",
    "share", [(a / w * 100, PC)],
    how="China 2024 Cumulative Total / World 2024 Cumulative Total, Historical Primary, x100")

a, t = mv(D, "USA", 2024, "Cumulative", "Distributed"), mv(D, "USA", 2024, "Cumulative")
add(D, "market",
    "How much of the US installed base at the end of 2024 is distributed rather than utility-scale — as a percentage of the US total?",
    "share", [(a / t * 100, PC)],
    how="USA 2024 Cumulative Distributed / USA 2024 Cumulative Total, Historical Primary, x100")

a, w = mv(D, "Pakistan", 2024), mv(D, "World", 2024)
add(D, "market",
    "Pakistan's 2024 installations as a share of the global total?",
    "share", [(a / w * 100, PC)],
    how="Pakistan 2024 Annual Total / World 2024 Annual Total, Historical Primary, x100")

# ---- change
a, b = mv(D, "World", 2023), mv(D, "World", 2024)
add(D, "market",
    "Our reinsurers want a headline growth number for the market narrative. By how much did global annual PV installations grow between 2023 and 2024, in percent?",
    "change", [(pct(a, b), PC)],
    how="World Annual Total, Historical Primary: (2024-2023)/2023 x100")

a, b = mv(D, "India", 2019, "Cumulative"), mv(D, "India", 2024, "Cumulative")
add(D, "market",
    "Indian exposure is growing on our book. What was the CAGR of India's cumulative PV capacity from 2019 to 2024?",
    "change", [(cagr(a, b, 5), PC)],
    how="India Cumulative Total, Historical Primary: (2024/2019)^(1/5)-1")

a, b = mv(D, "USA", 2022), mv(D, "USA", 2024)
add(D, "market",
    "Absolute increase in US annual additions from 2022 to 2024 (MW)?",
    "change", [(b - a, MW)],
    how="USA Annual Total, Historical Primary: 2024 - 2022")

a, b = mv(D, "Germany", 2024), mv(D, "Germany", 2030, scen="mp")
add(D, "market",
    "Taking Germany's actual 2024 additions as the base, what compound annual growth rate does the most probable forecast imply for annual additions through to 2030?",
    "change", [(cagr(a, b, 6), PC)],
    how="Germany Annual Total: 2024 Historical Primary -> 2030 Forecast - Most probable, CAGR over 6 years")

# ---- comparisons
a, b = mv(D, "France", 2024), mv(D, "Italy", 2024)
add(D, "market",
    "France or Italy — which added more PV in 2024, and by how many MW?",
    "compare", [(a, MW), (b, MW), (abs(a - b), MW)], ["Italy" if b > a else "France"],
    how="France and Italy 2024 Annual Total, Historical Primary; difference")

vals = {c: mv(D, c, 2024, "Cumulative") for c in ["Japan", "Korea", "Chinese Taipei"]}
add(D, "market",
    "We write a fair amount of typhoon-exposed capacity in East Asia. Compare the installed bases of Japan, Korea and Chinese Taipei at the end of 2024.",
    "compare", [(v, MW) for v in vals.values()], list(vals),
    how="Japan, Korea, Chinese Taipei 2024 Cumulative Total, Historical Primary")

a, b = mv(D, "Greece", 2024), mv(D, "Portugal", 2024)
add(D, "market",
    "Two smaller Mediterranean markets we've been asked to quote on: how did Greece and Portugal compare for new PV in 2024?",
    "compare", [(a, MW), (b, MW)], ["Greece" if a > b else "Portugal"],
    how="Greece and Portugal 2024 Annual Total, Historical Primary")

# ---- extremes
yr, v = extreme(hist_series(D, "Spain"), "max")
add(D, "market",
    "In the historical record (actuals only, no forecasts), which was Spain's biggest year for new PV and how much went in?",
    "extreme", [(v, MW)], [str(yr)],
    how="Spain Annual Total, Historical Primary 2001-2024, max")

yr, v = extreme(hist_series(D, "Vietnam"), "max")
add(D, "market",
    "Vietnam's feed-in-tariff rush — what was the record year for installations there, and the figure?",
    "extreme", [(v, MW)], [str(yr)],
    how="Vietnam Annual Total, all Historical Primary years, max")

yr, v = extreme(mseries(D, "Japan", 2013, 2024), "min")
add(D, "market",
    "Japan from 2013 (when the FIT boom got going) to 2024: which year saw the fewest MW added?",
    "extreme", [(v, MW)], [str(yr)],
    how="Japan Annual Total, Historical Primary 2013-2024, min")

yr, v = extreme(mseries(D, "Germany", 2010, 2024), "min")
add(D, "market",
    "Germany went through a well-known slump after the 2012 tariff cuts. Over 2010–2024, what was its weakest year for additions?",
    "extreme", [(v, MW)], [str(yr)],
    how="Germany Annual Total, Historical Primary 2010-2024, min")

# ---- averages
s = mseries(D, "India", 2020, 2024)
add(D, "market",
    "Average annual PV additions in India over 2020-2024? I want a run-rate rather than the lumpy individual years.",
    "average", [(sum(s.values()) / len(s), MW)],
    how="India Annual Total, Historical Primary 2020-2024, mean of 5 years")

s = mseries(D, "Australia", 2015, 2024)
add(D, "market",
    "We're pricing a hail-heavy Queensland rooftop aggregator. What has Australia added on average per year over the ten years 2015 to 2024?",
    "average", [(sum(s.values()) / len(s), MW)],
    how="Australia Annual Total, Historical Primary 2015-2024, mean of 10 years")

# ---- sums
s = mseries(D, "USA", 2020, 2024)
add(D, "market",
    "Total PV the US installed across 2020–2024 inclusive?",
    "sum", [(sum(s.values()), MW)],
    how="USA Annual Total, Historical Primary, sum 2020..2024")

vals = [mv(D, c, 2024) for c in ["Spain", "Italy", "France"]]
add(D, "market",
    "Combined 2024 additions for Spain, Italy and France — our southern European treaty covers all three.",
    "sum", [(sum(vals), MW)],
    how="Spain+Italy+France 2024 Annual Total, Historical Primary")

s = mseries(D, "Germany", 2025, 2030, scen="mp")
add(D, "market",
    "If the most probable forecast holds, how much new PV will Germany add in total over 2025-2030?",
    "sum", [(sum(s.values()), MW)],
    how="Germany Annual Total, Forecast - Most probable, sum 2025..2030")

# ---- first / latest
df = RM[(RM.Territory == "Chile") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual")
        & (RM.Connection == "Total") & (RM["Capacity(MW)"] > 0)].sort_values("Year")
add(D, "market",
    "When does the database first show Chile adding PV, and how much was it that year?",
    "first_latest", [(float(df["Capacity(MW)"].iloc[0]), MW)], [str(int(df.Year.iloc[0]))],
    how="Chile Annual Total, Historical Primary, earliest year with capacity > 0")

df = RM[(RM.Territory == "Saudi Arabia") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual")
        & (RM.Connection == "Total")].sort_values("Year")
add(D, "market",
    "A Saudi utility-scale submission has landed on my desk. What's the most recent year of actuals you hold for Saudi Arabia, and what was installed in it?",
    "first_latest", [(float(df["Capacity(MW)"].iloc[-1]), MW)], [str(int(df.Year.iloc[-1]))],
    how="Saudi Arabia Annual Total, Historical Primary, latest year")

# =========================================================================
# REAL instance — prices
# =========================================================================
x = pseries(D, "Module", "n-type TOPCon", "EU")
v, _ = latest(x)
add(D, "price",
    "Replacement cost check: latest TOPCon module price in Europe?",
    "price", [(v, punit(x))],
    how="prices: Module / n-type TOPCon / EU, latest date")

xu, xe = pseries(D, "Module", "n-type HJT", "US"), pseries(D, "Module", "n-type HJT", "EU")
add(D, "price",
    "For a US heterojunction project we'd be pricing replacement modules at American rather than European levels. How do the latest HJT module prices compare between the US and the EU?",
    "price", [(latest(xu)[0], punit(xu)), (latest(xe)[0], punit(xe))], ["US"],
    how="prices: Module / n-type HJT / US and EU, latest date of each (both 2025-02-05)")

x = pseries(D, "Module", "CdTe", "Overseas", unique_dates=False)
x = x.drop_duplicates(["date", "base_price"])
assert not x.date.duplicated().any()
a, b = first(x)[0], latest(x)[0]
add(D, "price",
    "How far have CdTe (thin-film) module prices moved from the first quote in the series to the latest, in %?",
    "price", [(pct(a, b), PC)],
    how="prices: Module / CdTe / Overseas, (latest - first)/first x100 (one duplicated date row counted once)")

x = pseries(D, "Aluminium", "Aluminium", "Overseas")
add(D, "price",
    "aluminium price in March 2024? (frames and racking, for the replacement-cost index)",
    "price", [(in_month(x, "2024-03"), punit(x))],
    how="prices: Aluminium / Overseas, monthly observation dated 2024-03")

x = pseries(D, "Copper", "Copper", "Overseas")
v, ds = pext(x, "max")
assert len(ds) == 1
add(D, "price",
    "Cabling is a big chunk of a claim on a utility-scale site. What's the highest copper price in your series, and when was it?",
    "price", [(v, punit(x))], [str(ds[0].year)],
    how="prices: Copper / Overseas, max over whole series")

x = pseries(D, "Polysilicon", "Very high purity - 11N/11N+", "China")
v, ds = pext(x, "min")
add(D, "price",
    "Lowest price recorded for 11N polysilicon in China?",
    "price", [(v, punit(x))],
    how="prices: Polysilicon / Very high purity - 11N/11N+ / China, min over series")

x = pseries(D, "Silver", "Silver", "Overseas", unit="K US$/t")
add(D, "price",
    "Silver paste is a noticeable part of cell cost, so we keep an eye on it. Silver price in January 2025?",
    "price", [(in_month(x, "2025-01"), punit(x))],
    how="prices: Silver / Overseas (K US$/t), monthly observation dated 2025-01")

x = pseries(D, "Module", "p-type mono-Si PERC M10", "EU")
y = in_year(x, 2023)
a, b = float(y.base_price.iloc[0]), float(y.base_price.iloc[-1])
add(D, "price",
    "Over calendar 2023 — first quote of the year to the last — how much did PERC M10 module prices in the EU fall, in percent?",
    "price", [(pct(a, b), PC)],
    how="prices: Module / p-type mono-Si PERC M10 / EU, first 2023 obs -> last 2023 obs, % change")

names = {}
for reg in ["China", "EU", "US"]:
    xx = pseries(D, "Module", "n-type TOPCon", reg)
    names[reg] = latest(xx)
assert len({d for _, d in names.values()}) == 1
cheap = min(names, key=lambda k: names[k][0])
add(D, "price",
    "Among China, the EU and the US, where are TOPCon modules cheapest at the latest quote?",
    "price", [(v, "US$/Wp") for v, _ in names.values()], [cheap],
    how="prices: Module / n-type TOPCon / China, EU, US; latest (same date); min")

x = pseries(D, "Module", "p-type mono-Si PERC M10", "US")
y = in_year(x, 2023)
add(D, "price",
    "Average US price for PERC M10 modules across all of 2023's weekly quotes?",
    "average", [(float(y.base_price.mean()), punit(x))],
    how="prices: Module / p-type mono-Si PERC M10 / US, mean of 2023 observations")

x = pseries(D, "Wafer", "n-type mono-Si M10", "Overseas")
add(D, "price",
    "latest n-type M10 wafer price outside China?",
    "first_latest", [(latest(x)[0], punit(x))],
    how="prices: Wafer / n-type mono-Si M10 / Overseas, latest date")

# =========================================================================
# SAMPLE instance — market
# =========================================================================
D = "sample"

add(D, "market",
    "How much centralised PV went in in Italy in 2023? Thinking of the agrivoltaic schemes in Puglia we've been offered.",
    "lookup", [(mv(D, "Italy", 2023, conn="Centralised"), MW)],
    how="sample market: Italy, 2023, Historical Primary, Centralised, Annual")

add(D, "market",
    "Polish exposure is small but creeping up. Poland, low scenaro, additions in 2028?",
    "lookup", [(mv(D, "Poland", 2028, scen="low"), MW)],
    how="sample market: Poland, 2028, Forecast - Low, Total, Annual")

r = rank(D, 2024, n=6)
add(D, "market",
    "Rank the countries you cover by 2024 additions, largest first.",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="sample market: all six countries (World excluded), 2024 Annual Total, Historical Primary, descending")

r = rank(D, 2030, scen="mp", n=3)
add(D, "market",
    "Looking out to 2030 on the most probable case — top three countries for annual additions?",
    "rank", [(v, MW) for _, v in r], [c for c, _ in r],
    how="sample market: countries only, 2030 Forecast - Most probable, Annual Total, top 3")

a, w = mv(D, "Germany", 2024, "Cumulative"), mv(D, "World", 2024, "Cumulative")
add(D, "market",
    "Germany's slice of the global installed base at the end of 2024, as a percentage?",
    "share", [(a / w * 100, PC)],
    how="sample market: Germany 2024 Cumulative Total / World 2024 Cumulative Total x100")

a, w = mv(D, "Spain", 2030, scen="mp"), mv(D, "World", 2030, scen="mp")
add(D, "market",
    "On the most probable forecast, what share of world additions in 2030 would Spain represent?",
    "share", [(a / w * 100, PC)],
    how="sample market: Spain 2030 / World 2030, Annual Total, Forecast - Most probable, x100")

a, b = mv(D, "Poland", 2022), mv(D, "Poland", 2024)
add(D, "market",
    "Poland's annual market seems to have cooled. Percentage change in additions from 2022 to 2024?",
    "change", [(pct(a, b), PC)],
    how="sample market: Poland Annual Total 2022 -> 2024, % change")

a, b = mv(D, "Spain", 2015, "Cumulative"), mv(D, "Spain", 2024, "Cumulative")
add(D, "market",
    "Spain has gone from a sideshow to our largest European exposure. CAGR of Spain's installed base, 2015 to 2024?",
    "change", [(cagr(a, b, 9), PC)],
    how="sample market: Spain Cumulative Total 2015 -> 2024, CAGR over 9 years")

a, b = mv(D, "World", 2024, "Cumulative"), mv(D, "World", 2030, "Cumulative", scen="mp")
add(D, "market",
    "If the most probable case plays out, what's the implied annual growth rate (CAGR) of the world's cumulative PV fleet from end-2024 to 2030?",
    "change", [(cagr(a, b, 6), PC)],
    how="sample market: World Cumulative Total, 2024 Historical -> 2030 Forecast - Most probable, CAGR 6 yrs")

a, b = mv(D, "Germany", 2022, "Cumulative"), mv(D, "France", 2022, "Cumulative")
add(D, "market",
    "Germany vs France, cumulative installed at end-2022?",
    "compare", [(a, MW), (b, MW)], ["Germany"],
    how="sample market: Germany and France 2022 Cumulative Total, Historical Primary")

a, b = mv(D, "Spain", 2026, scen="high"), mv(D, "Italy", 2026, scen="high")
add(D, "market",
    "High-case 2026 additions: Spain compared with Italy?",
    "compare", [(a, MW), (b, MW)], ["Spain" if a > b else "Italy"],
    how="sample market: Spain and Italy 2026 Annual Total, Forecast - High")

s = {y: mv(D, "Poland", y) for y in range(2015, last_hist(D, "Poland") + 1)}
yr, v = extreme(s, "max")
add(D, "market",
    "Looking only at actuals, when did Poland have its peak year for installations?",
    "extreme", [(v, MW)], [str(yr)],
    how="sample market: Poland Annual Total, Historical Primary 2015-2024, max")

s = mseries(D, "World", 2025, 2030, scen="low")
yr, v = extreme(s, "min")
add(D, "market",
    "In the low scenario, which year between 2025 and 2030 has the lowest global additions?",
    "extreme", [(v, MW)], [str(yr)],
    how="sample market: World Annual Total, Forecast - Low 2025-2030, min")

s = mseries(D, "Italy", 2021, 2024)
add(D, "market",
    "Mean annual Italian additons over 2021–24?",
    "average", [(sum(s.values()) / len(s), MW)],
    how="sample market: Italy Annual Total, Historical Primary 2021-2024, mean of 4 years")

vals = [mv(D, c, 2024, "Cumulative") for c in countries(D)]
add(D, "market",
    "Add up the end-2024 installed base across all the countries you hold (not the world figure). What's the combined total?",
    "sum", [(sum(vals), MW)],
    how="sample market: sum of 2024 Cumulative Total over the six countries, World excluded")

s = mseries(D, "France", 2025, 2030, scen="low")
add(D, "market",
    "A French cedant wants to know how thin the downside could get. Under the low case, total French additions 2025 through 2030?",
    "sum", [(sum(s.values()), MW)],
    how="sample market: France Annual Total, Forecast - Low, sum 2025..2030")

lh = last_hist(D, "Germany")
add(D, "market",
    "What's the latest year of actual (not forecast) data for Germany, and how much did it add that year?",
    "first_latest", [(mv(D, "Germany", lh), MW)], [str(lh)],
    how="sample market: Germany latest Historical Primary year, Annual Total")

# =========================================================================
# SAMPLE instance — prices
# =========================================================================
x = pseries(D, "Module", "n-type TOPCon", "EU")
add(D, "price",
    "Replacement-cost indexation for the EU book: latest EU price for TOPCon modules?",
    "price", [(latest(x)[0], punit(x))],
    how="sample prices: Module / n-type TOPCon / EU, latest (2024-12)")

x = pseries(D, "Module", "n-type HJT", "US")
add(D, "price",
    "We have a Texas hail claim where the adjuster's module figure looks rich. What were HJT modules going for in the US in March 2024?",
    "price", [(in_month(x, "2024-03"), punit(x))],
    how="sample prices: Module / n-type HJT / US, observation dated 2024-03")

x = pseries(D, "Polysilicon", "High purity - 9N/9N+", "China")
v, ds = pext(x, "min")
assert len(ds) == 1
add(D, "price",
    "Chinese polysilicon (9N) — the lowest price in your data, and when?",
    "price", [(v, punit(x))], [str(ds[0].year)],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, min over series")

x = pseries(D, "Module", "p-type mono-Si PERC M10", "China")
a, b = first(x)[0], latest(x)[0]
add(D, "price",
    "We last rebased our module replacement values in January 2023. How much have Chinese PERC M10 module prices changed from then to the latest figure, in %?",
    "price", [(pct(a, b), PC)],
    how="sample prices: Module / p-type mono-Si PERC M10 / China, 2023-01 -> latest (2024-12), % change")

vals = {}
for d in ["n-type TOPCon", "n-type HJT", "p-type mono-Si PERC M10"]:
    xx = pseries(D, "Module", d, "EU")
    vals[d] = in_month(xx, "2024-12")
add(D, "price",
    "Compare EU module prices in December 2024 for TOPCon, HJT and PERC M10.",
    "price", [(v, "US$/Wp") for v in vals.values()], ["TOPCon", "HJT", "PERC"],
    how="sample prices: Module / {n-type TOPCon, n-type HJT, p-type mono-Si PERC M10} / EU, 2024-12")

vals = {}
for reg in ["China", "EU", "India", "US"]:
    vals[reg] = in_month(pseries(D, "Module", "n-type TOPCon", reg), "2024-12")
cheap = min(vals, key=vals.get)
add(D, "price",
    "Which region had the cheapest TOPCon modules in Dec 2024?",
    "price", [(vals[cheap], "US$/Wp")], [cheap],
    how="sample prices: Module / n-type TOPCon, all regions, 2024-12, min")

x = pseries(D, "Polysilicon", "High purity - 9N/9N+", "China")
y = in_year(x, 2024)
add(D, "price",
    "Average Chinese 9N polysilicon price over the twelve months of 2024?",
    "average", [(float(y.base_price.mean()), punit(x))],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, mean of 2024 monthly obs")

x = pseries(D, "Module", "n-type HJT", "India")
add(D, "price",
    "Most recent HJT module price for India?",
    "first_latest", [(latest(x)[0], punit(x))],
    how="sample prices: Module / n-type HJT / India, latest (2024-12)")

xu, xc = pseries(D, "Module", "n-type TOPCon", "US"), pseries(D, "Module", "n-type TOPCon", "China")
u, c = in_month(xu, "2024-12"), in_month(xc, "2024-12")
add(D, "price",
    "The replacement cost gap between a US and a Chinese site matters for our BI sums insured. In December 2024, what multiple of the Chinese TOPCon module price was the US price?",
    "price", [(u / c, "x")],
    how="sample prices: Module / n-type TOPCon, US 2024-12 / China 2024-12")

# =========================================================================
# Financials (synthetic sample file on both instances)
# =========================================================================
v, u = fv("Helios", "FY2024", "Revenue")
add("real", "manufacturer_financial",
    "Helios Modules — full-year 2024 revenue?",
    "financial", [(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fv("SunForge", "2024-Q4", "Net income")
add("sample", "manufacturer_financial",
    "SunForge backs a 25-year product warranty on a fair chunk of what we insure. What was their net income in Q4 2024?",
    "financial", [(v, u)], how="financials: SunForge Energy (sample), 2024-Q4, Net income")

a, u = fv("Nordlicht", "FY2023", "Gross margin")
b, _ = fv("Nordlicht", "FY2024", "Gross margin")
add("real", "manufacturer_financial",
    "How did Nordlicht Solar's gross margin move from FY2023 to FY2024?",
    "financial", [(a, u), (b, u)], how="financials: Nordlicht Solar AG (sample), Gross margin FY2023 and FY2024")

v, u = fv("Aurora", "FY2024", "Module shipments")
add("sample", "manufacturer_financial",
    "aurora pv module shipmnets FY2024?",
    "financial", [(v, u)], how="financials: Aurora PV Group (sample), FY2024, Module shipments")

gm = {c: fv(c, "2024-Q4", "Gross margin")[0] for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
best = max(gm, key=gm.get)
add("real", "manufacturer_financial",
    "Of the module makers you track, which had the highest gross margin in Q4 2024?",
    "financial", [(gm[best], "%")], [best], how="financials: Gross margin 2024-Q4, all four companies, max")

a, _ = fv("Helios", "FY2023", "Revenue")
b, _ = fv("Helios", "FY2024", "Revenue")
add("sample", "manufacturer_financial",
    "Helios revenue, FY2023 to FY2024 — percentage change?",
    "financial", [(pct(a, b), PC)], how="financials: Helios Modules Ltd (sample), Revenue FY2023 -> FY2024, % change")

v, u = fv("SunForge", "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial",
    "Trying to judge whether SunForge will still be around to honour its warranties. What production capacity did SunForge Energy report for Q4 2024?",
    "financial", [(v, u)], how="financials: SunForge Energy (sample), 2024-Q4, Production capacity")

ni = {c: fv(c, "FY2024", "Net income")[0] for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
losers = [c for c, v in ni.items() if v < 0]
add("real", "manufacturer_financial",
    "Warranty counterparty review: which of the manufacturers in your data made a net loss for FY2024, and how large?",
    "financial", [(ni[c], "USD million") for c in losers], losers,
    how="financials: FY2024 Net income < 0 across the four companies")

a, u = fv("Aurora", "2023-Q3", "Revenue")
b, _ = fv("Aurora", "2024-Q3", "Revenue")
add("sample", "manufacturer_financial",
    "Aurora PV's Q3 2024 revenue against Q3 2023 — change in %?",
    "financial", [(pct(a, b), PC)], how="financials: Aurora PV Group (sample), Revenue 2023-Q3 -> 2024-Q3, % change")

q = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
gmh = {p: fv("Helios", p, "Gross margin")[0] for p in q}
worst = min(gmh, key=gmh.get)
assert list(gmh.values()).count(gmh[worst]) == 1
add("real", "manufacturer_financial",
    "Helios Modules' worst quarter for gross margin over 2023-2024?",
    "financial", [(gmh[worst], "%")], [worst.split("-")[1]],
    how="financials: Helios Modules Ltd (sample), Gross margin, quarters 2023-Q1..2024-Q4, min")

# =========================================================================
# Follow-up chains
# =========================================================================
add("real", "market",
    ["How much PV did Poland add in 2024?", "and in 2023?"],
    "follow_up", [(mv("real", "Poland", 2023), MW)],
    how="market CSV: Poland, 2023, Historical Primary, Total, Annual")

add("real", "market",
    ["What's the most probable forecast for German additions in 2028?", "Same for the high scenario."],
    "follow_up", [(mv("real", "Germany", 2028, scen="high"), MW)],
    how="market CSV: Germany, 2028, Forecast - High, Total, Annual")

r = rank("real", 2024, "Cumulative", n=5)
add("real", "market",
    ["Top five countries for PV installed in 2024?", "And ranked by installed base at the end of that year instead?"],
    "follow_up", [(v, MW) for _, v in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Total, Cumulative, top 5")

a, t = mv("real", "UK", 2024, conn="Centralised"), mv("real", "UK", 2024)
add("real", "market",
    ["Closer to home — what did the UK add in 2024?", "What share of that was centralised?"],
    "follow_up", [(a / t * 100, PC)],
    how="market CSV: UK 2024 Annual Centralised / Total x100, Historical Primary")

x = pseries("real", "Module", "n-type TOPCon", "US")
add("real", "price",
    ["Latest TOPCon module price in Europe?", "and the US?"],
    "follow_up", [(latest(x)[0], punit(x))],
    how="prices: Module / n-type TOPCon / US, latest date")

x = pseries("real", "Aluminium", "Aluminium", "Overseas")
add("real", "price",
    ["Copper price in January 2025?", "And aluminium for the same month?"],
    "follow_up", [(in_month(x, "2025-01"), punit(x))],
    how="prices: Aluminium / Overseas, observation dated 2025-01")

add("real", "market",
    ["Australian distributed (rooftop) additions in 2024?", "what about 2021?"],
    "follow_up", [(mv("real", "Australia", 2021, conn="Distributed"), MW)],
    how="market CSV: Australia, 2021, Historical Primary, Distributed, Annual")

add("sample", "market",
    ["Spain's additions in 2024?", "and France?"],
    "follow_up", [(mv("sample", "France", 2024), MW)],
    how="sample market: France, 2024, Historical Primary, Total, Annual")

add("sample", "market",
    ["World cumulative PV in 2030 on the most probable forecast?", "And in the low case?"],
    "follow_up", [(mv("sample", "World", 2030, "Cumulative", scen="low"), MW)],
    how="sample market: World, 2030, Forecast - Low, Total, Cumulative")

s = mseries("sample", "Italy", 2022, 2024)
add("sample", "market",
    ["Italy's annual additions for 2022, 2023 and 2024?", "as a chart please"],
    "follow_up", [(v, MW) for v in s.values()],
    how="sample market: Italy Annual Total, Historical Primary 2022-2024")

v, u = fv("SunForge", "FY2024", "Revenue")
add("sample", "manufacturer_financial",
    ["Helios Modules' FY2024 revenue?", "And SunForge?"],
    "follow_up", [(v, u)], how="financials: SunForge Energy (sample), FY2024, Revenue")

x = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "EU")
add("sample", "price",
    ["Polysilicon (9N) price in China in December 2024?", "And in the EU?"],
    "follow_up", [(in_month(x, "2024-12"), punit(x))],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / EU, 2024-12")

a, b = mv("sample", "Netherlands", 2023), mv("sample", "Netherlands", 2024)
add("sample", "market",
    ["Netherlands 2023 additions?", "and 2024?", "so what's the yoy change in %?"],
    "follow_up", [(pct(a, b), PC)],
    how="sample market: Netherlands Annual Total, Historical Primary, (2024-2023)/2023 x100")

# =========================================================================
# Unanswerable
# =========================================================================
def na(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", [], [], how=how, answerable=False, why=why)


na("real", "market",
   "We also write a handful of onshore wind farms in Germany. How much wind capacity did Germany add in 2024?",
   "wind capacity is not held; the market data covers PV only")
na("real", "market",
   "How many MWh of battery storage were co-located with Italian PV in 2023?",
   "storage capacity is not held")
na("real", "market",
   "What's the LCOE for utility-scale PV in Spain at the moment?",
   "LCOE is not a measure in the data")
na("real", "market",
   "Annual generation in GWh from the UK PV fleet in 2024? We need it for a BI loss estimate.",
   "generation (GWh) is not held; only installed capacity in MW")
na("real", "market",
   "What will Germany's total installed base be at the end of 2030 under the most probable scenario?",
   "forecast cumulative values in the real CSV exclude the installed base, so a forecast installed base cannot be given")
na("real", "market",
   "Our China exposure is through reinsurance only, but still. Most probable forecast for Chinese PV additions in 2027?",
   "the real CSV holds forecasts for European territories only; no China forecast")
na("real", "market",
   "Nigeria — how much solar was installed there in 2024?",
   "Nigeria is not a territory in the data")
na("real", "market",
   "France's annual PV additions forecast for 2032, high case?",
   "forecasts end in 2030")
na("real", "price",
   "Latest string inverter price per W? Inverters are the most frequent claim on our book.",
   "inverter prices are not among the price items")
na("real", "price",
   "An Indian developer wants cover for a TOPCon plant near Jodhpur. What's the current price of TOPCon modules in India?",
   "no n-type TOPCon module series for India; India only has older PERC M6 and multi-Si series")
na("real", "price",
   "Module spot price in the UK, in GBP per watt?",
   "no UK region and no GBP prices in the price data")
na("real", "price",
   "What percentage of a module's price is accounted for by polysilicon these days?",
   "a share of a price (cost breakdown) cannot be derived from the data; units also differ (US$/kg vs US$/Wp)")
na("real", "market",
   "What's the current feed-in tariff for small rooftop systems in Italy?",
   "tariffs are not held")
na("real", "market",
   "What was the French PV market worth in EUR in 2024?",
   "market value in money is not held; only capacity in MW")
na("real", "manufacturer_financial",
   "LONGi's net income for 2024? They're the warranty counterparty on a large Chilean portfolio.",
   "LONGi is not among the companies in the financials sample")
na("real", "market",
   "Floating PV in the Netherlands — installed capacity at end-2024?",
   "floating PV is not a segment in the data (only centralised, distributed, off-grid)")
na("real", "price",
   "Polysilicon price in March 2018?",
   "the price data starts in 2019")
na("real", "market",
   "How much PV was decommissioned or repowered in Germany in 2024? Matters for how we treat end-of-life risk.",
   "decommissioning is not held; every row is installed capacity")
na("real", "market",
   "US utility-scale fleet in MWac at end-2024? Our US cedants report in AC.",
   "capacities are held in DC only; no AC figures")
na("sample", "manufacturer_financial",
   "Helios is on our watch list. What EBITDA did Helios Modules report for FY2024?",
   "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity only)")
na("sample", "manufacturer_financial",
   "How large are Nordlicht Solar's warranty provisions on the balance sheet?",
   "warranty provisions / balance-sheet items are not in the financials")
na("sample", "market",
   "We've a Flemish rooftop portfolio up for renewal. Belgian PV additions in 2023?",
   "Belgium is not in the sample market data")
na("sample", "market",
   "How much did Germany install in 2012?",
   "the sample market data starts in 2015")
na("sample", "price",
   "Latest CdTe thin-film module price?",
   "CdTe modules are not in the sample prices")
na("sample", "market",
   "Solar thermal collector area installed in Spain last year?",
   "solar thermal is not held; PV only")
na("sample", "price",
   "Latest copper price per tonne?",
   "raw materials (copper) are not in the sample prices")
na("sample", "price",
   "TOPCon module prices in Australia, December 2024?",
   "Australia is not a region in the sample prices")
na("sample", "market",
   "What's the hail-loss frequency for rooftop PV in northern Italy?",
   "insurance loss data is not held")
na("sample", "market",
   ["What did Spain install in 2024?", "And how much offshore wind did it add?"],
   "wind is not held; PV only")
na("sample", "manufacturer_financial",
   "Jinko Solar's gross margin in Q4 2024?",
   "Jinko Solar is not among the companies in the financials sample")

# =========================================================================
# write + self-check
# =========================================================================
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = [it for it in ITEMS if len(it["turns"]) >= 2]
assert len(chains) >= 12, len(chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]
fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {len(chains)}  financial-agent: {fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
kinds = Counter((it["kind"], it["data"]) for it in ITEMS)
print(f"{'kind':<14}{'real':>6}{'sample':>8}{'total':>7}")
for k in sorted({k for k, _ in kinds}):
    print(f"{k:<14}{kinds[(k, 'real')]:>6}{kinds[(k, 'sample')]:>8}{kinds[(k, 'real')] + kinds[(k, 'sample')]:>7}")
