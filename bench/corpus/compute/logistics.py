#!/usr/bin/env python3
"""Writer `logistics`: freight / supply-chain analyst question set.

Every expected figure is computed here from the data files; nothing is typed by hand.
Writes questions.jsonl next to this script and runs a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "logistics"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "East Asia", "East Europe", "EU", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # remaining key duplicates (RoW rows differing only in AC/DC metadata) carry equal values
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    return df.drop_duplicates(subset=KEY)


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)

DATA = {"real": (RM, RP), "sample": (SM, SP)}


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    if scen is None:
        scen = HP if year <= last_hist(df, terr) else MP
    s = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == scen)]["Capacity(MW)"]
    assert len(s) == 1, (terr, year, typ, conn, scen, len(s))
    return float(s.iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(df, terr, typ="Annual", conn="Total"):
    s = df[(df.Territory == terr) & (df.Scenario == HP) & (df.Type == typ) & (df.Connection == conn)]
    return s.set_index("Year")["Capacity(MW)"].sort_index()


def ranking(df, year, typ="Annual", conn="Total", scen=HP, exclude=()):
    s = df[(df.Year == year) & (df.Type == typ) & (df.Connection == conn) & (df.Scenario == scen)
           & (~df.Territory.isin(AGGREGATES)) & (~df.Territory.isin(exclude))]
    s = s.sort_values("Capacity(MW)", ascending=False)
    return list(zip(s.Territory, s["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- price helpers
def pseries(dfp, item, desc, region, unit=None):
    s = dfp[(dfp.item == item) & (dfp.description == desc) & (dfp.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    units = s.unit.unique()
    assert len(units) == 1, (item, desc, region, units)
    return s.sort_values("date"), units[0]


def p_on(dfp, item, desc, region, date, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    x = s[s.date == pd.Timestamp(date)]
    assert len(x) == 1, (item, desc, region, date, len(x))
    return float(x.base_price.iloc[0]), u


def p_month(dfp, item, desc, region, ym, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    x = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (item, desc, region, ym, len(x))
    return float(x.base_price.iloc[0]), u


def p_latest(dfp, item, desc, region, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    d = s.date.max()
    x = s[s.date == d]
    assert len(x) == 1, (item, desc, region, "latest", len(x))
    return float(x.base_price.iloc[0]), u, d


def p_first(dfp, item, desc, region, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    d = s.date.min()
    x = s[s.date == d]
    assert len(x) == 1
    return float(x.base_price.iloc[0]), u, d


def p_extreme(dfp, item, desc, region, kind="min", start=None, end=None, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    if start:
        s = s[s.date >= pd.Timestamp(start)]
    if end:
        s = s[s.date <= pd.Timestamp(end)]
    v = s.base_price.min() if kind == "min" else s.base_price.max()
    hits = s[s.base_price == v]
    return float(v), u, list(hits.date)


def p_mean(dfp, item, desc, region, start, end, unit=None):
    s, u = pseries(dfp, item, desc, region, unit)
    s = s[(s.date >= pd.Timestamp(start)) & (s.date <= pd.Timestamp(end))]
    assert s.date.is_unique, (item, desc, region)
    return float(s.base_price.mean()), u, len(s)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def month_name(d):
    return MONTHS[d.month - 1]


# ---------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ---------------------------------------------------------------- item builder
ITEMS = []


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names],
        "how": how,
    }
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


def MW(v):
    return (v, "MW")


def PC(v):
    return (v, "%")


# ======================================================================
# REAL instance — market
# ======================================================================
D = "real"
df = RM

v = mv(df, "Pakistan", 2024)
add(D, "market", "lookup",
    "We've had a flood of bookings Shanghai-Karachi this year. How much PV did Pakistan actually install in 2024?",
    [MW(v)], how="Pakistan, 2024, Historical Primary, Total, Annual")

v = mv(df, "Brazil", 2024, "Cumulative")
add(D, "market", "lookup", "whats Brazil's installed PV base at the end of 2024?",
    [MW(v)], how="Brazil, 2024, Historical Primary, Total, Cumulative")

v = mv(df, "Germany", 2023, conn="Distributed")
add(D, "market", "lookup",
    "Rooftop kits go in smaller consignments so I track distributed separately. How many MW of distributed PV did Germany add in 2023?",
    [MW(v)], how="Germany, 2023, Historical Primary, Distributed, Annual")

v = mv(df, "India", 2024, conn="Centralised")
add(D, "market", "lookup", "Centralised (utility-scale) capacity added in India in 2024?",
    [MW(v)], how="India, 2024, Historical Primary, Centralised, Annual")

v = mv(df, "Poland", 2027, scen=MP)
add(D, "market", "lookup",
    "For our 2027 Baltic port planning: what is the most probable forecast for Poland's new PV installations in 2027?",
    [MW(v)], how="Poland, 2027, Forecast - Most probable, Total, Annual")

v = mv(df, "Italy", 2030, scen=HIGH)
add(D, "market", "lookup", "In the high scenario, how many MW would Italy install in 2030?",
    [MW(v)], how="Italy, 2030, Forecast - High, Total, Annual")

r = ranking(df, 2024)[:5]
add(D, "market", "rank", "Top 5 countries by PV added in 2024, with the MW please",
    [MW(x[1]) for x in r], [x[0] for x in r],
    how="countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, sorted desc, top 5")

r = ranking(df, 2024, "Cumulative")[:3]
add(D, "market", "rank",
    "Which three countries had the largest installed PV fleet at end-2024?",
    [MW(x[1]) for x in r], [x[0] for x in r],
    how="countries only, 2024, Historical Primary, Total, Cumulative, top 3")

r = ranking(df, 2023)[:10]
add(D, "market", "rank",
    "I'm redoing our lane priority list. Give me the ten biggest country markets for new installations in 2023.",
    [MW(x[1]) for x in r], [x[0] for x in r],
    how="countries only, 2023, Historical Primary, Total, Annual, top 10")

lat = ["Brazil", "Chile", "Mexico", "Colombia"]
vals = sorted(((c, mv(df, c, 2024)) for c in lat), key=lambda x: -x[1])
add(D, "market", "rank",
    "Rank Brazil, Chile, Mexico and Colombia by MW installed in 2024, biggest first.",
    [MW(x[1]) for x in vals], [x[0] for x in vals],
    how="each country 2024 Historical Primary Total Annual, sorted desc")

a, b = ranking(df, 2023), ranking(df, 2024)
d23 = dict(a)
jumps = sorted(((c, v - d23[c]) for c, v in b if c in d23 and c != "China"), key=lambda x: -x[1])
c0, j0 = jumps[0]
add(D, "market", "rank",
    "Outside China, which country had the biggest jump in annual installations from 2023 to 2024, and by how many MW?",
    [MW(j0)], [c0],
    how="countries except China with 2023 and 2024 Annual Total HP; max of (2024-2023)")

v = mv(df, "China", 2024) / mv(df, "World", 2024) * 100
add(D, "market", "share", "What share of global PV additions in 2024 went to China?",
    [PC(v)], how="China / World, 2024, HP, Total, Annual")

v = mv(df, "Pakistan", 2024) / mv(df, "World", 2024) * 100
add(D, "market", "share", "pakistan's % of world installations in 2024?",
    [PC(v)], how="Pakistan / World, 2024, HP, Total, Annual")

v = mv(df, "Spain", 2024, conn="Distributed") / mv(df, "Spain", 2024) * 100
add(D, "market", "share",
    "How much of Spain's 2024 additions was distributed, as a percentage of the Spanish total?",
    [PC(v)], how="Spain 2024 Annual HP Distributed / Total")

v = mv(df, "USA", 2024, "Cumulative") / mv(df, "World", 2024, "Cumulative") * 100
add(D, "market", "share",
    "US installed base as a share of the global installed base at the end of 2024?",
    [PC(v)], how="USA / World, 2024, HP, Total, Cumulative")

a, b = mv(df, "India", 2023), mv(df, "India", 2024)
add(D, "market", "change",
    "India volumes felt much stronger this year on our side. By what % did Indian annual installations change from 2023 to 2024?",
    [PC(pct(a, b))], how="India Annual Total HP: (2024-2023)/2023*100")

a, b = mv(df, "USA", 2022), mv(df, "USA", 2024)
add(D, "market", "change",
    "By how many MW did annual US installations rise between 2022 and 2024?",
    [MW(b - a)], how="USA Annual Total HP 2024 - 2022")

a, b = mv(df, "Brazil", 2019), mv(df, "Brazil", 2024)
add(D, "market", "change",
    "What's the CAGR of Brazilian annual PV additions from 2019 to 2024?",
    [PC(cagr(a, b, 5))], how="Brazil Annual Total HP, (2024/2019)^(1/5)-1")

a, b = mv(df, "World", 2023), mv(df, "World", 2024)
add(D, "market", "change", "World PV additions 2024 vs 2023, year on year change in %?",
    [PC(pct(a, b))], how="World Annual Total HP (2024-2023)/2023")

a, b = mv(df, "Greece", 2019, "Cumulative"), mv(df, "Greece", 2024, "Cumulative")
add(D, "market", "change",
    "Greek installed capacity: how much did it grow in % between end-2019 and end-2024?",
    [PC(pct(a, b))], how="Greece Cumulative Total HP (2024-2019)/2019")

a, b = mv(df, "EU", 2024), mv(df, "EU", 2030, scen=MP)
add(D, "market", "change",
    "Looking at EU demand for our Rotterdam/Antwerp volumes: how does the most probable 2030 forecast for EU annual additions compare with the 2024 actual, in %?",
    [MW(a), MW(b), PC(pct(a, b))], how="EU Annual Total: 2024 HP vs 2030 Forecast - Most probable, % change")

vals = [(c, mv(df, c, 2024)) for c in ["Germany", "Spain", "Italy"]]
add(D, "market", "compare",
    "Compare 2024 installations in Germany, Spain and Italy.",
    [MW(x[1]) for x in vals], [x[0] for x in vals], how="each 2024 HP Total Annual")

i23, u23 = mv(df, "India", 2023), mv(df, "USA", 2023)
add(D, "market", "compare",
    "Who installed more in 2023, India or the US, and by how much?",
    [MW(i23), MW(u23), MW(abs(u23 - i23))], ["USA" if u23 > i23 else "India"],
    how="India and USA 2023 HP Total Annual; difference")

br, mx = mv(df, "Brazil", 2024, "Cumulative"), mv(df, "Mexico", 2024, "Cumulative")
add(D, "market", "compare",
    "Brazil vs Mexico: cumulative PV capacity end of 2024, and how many times bigger is the larger one?",
    [MW(br), MW(mx), (max(br, mx) / min(br, mx), "x")], ["Brazil" if br > mx else "Mexico"],
    how="Cumulative Total HP 2024 for both; ratio larger/smaller")

s = hist_series(df, "Spain")
add(D, "market", "extreme", "What was Spain's record year for new PV installations?",
    [MW(s.max())], [int(s.idxmax())], how="Spain HP Total Annual, argmax over all years")

s = hist_series(df, "Japan")
add(D, "market", "extreme",
    "Japan used to be a big destination for us. In which year did Japan install the most PV, and how much?",
    [MW(s.max())], [int(s.idxmax())], how="Japan HP Total Annual, argmax over all years")

s = hist_series(df, "UK").loc[2015:2024]
add(D, "market", "extreme",
    "Between 2015 and 2024, what was the weakest year for UK installations?",
    [MW(s.min())], [int(s.idxmin())], how="UK HP Total Annual 2015-2024, argmin")

vals = series(df, "Poland", 2020, 2024)
add(D, "market", "average",
    "avg annual PV additions in Poland over 2020-2024?",
    [MW(sum(vals.values()) / len(vals))], how="mean of Poland HP Total Annual 2020..2024")

vals = series(df, "China", 2020, 2024)
add(D, "market", "average",
    "To size the outbound base load: what did China install on average per year from 2020 to 2024?",
    [MW(sum(vals.values()) / len(vals))], how="mean of China HP Total Annual 2020..2024")

vals = series(df, "India", 2020, 2024)
add(D, "market", "sum",
    "Total MW India added across 2020-2024 combined?",
    [MW(sum(vals.values()))], how="sum of India HP Total Annual 2020..2024")

vals = [mv(df, c, 2024) for c in ["Germany", "France", "Netherlands"]]
add(D, "market", "sum",
    "Our North Sea hub serves Germany, France and the Netherlands. How many MW did those three add together in 2024?",
    [MW(sum(vals))], how="sum of 2024 HP Total Annual for Germany, France, Netherlands")

y = last_hist(df, "Türkiye")
add(D, "market", "first_latest",
    "What's the latest year you have actuals for Turkey, and how much did it install that year?",
    [MW(mv(df, "Türkiye", y))], [y], how="Türkiye last HP year, Total Annual")

s = hist_series(df, "Brazil")
add(D, "market", "first_latest",
    "When does your Brazil installation data start, and what was the figure in that first year?",
    [MW(s.iloc[0])], [int(s.index[0])], how="Brazil first HP year, Total Annual")

lo, hi = mv(df, "Germany", 2028, scen=LOW), mv(df, "Germany", 2028, scen=HIGH)
add(D, "market", "compare",
    "For capacity contracting I need the range: German additions in 2028, low vs high scenario, and the spread between them?",
    [MW(lo), MW(hi), MW(hi - lo)], how="Germany 2028 Annual Total, Forecast - Low and Forecast - High; difference")

# ---- real market follow-ups
v = mv(df, "Romania", 2024)
add(D, "market", "follow_up",
    ["How much PV did Poland add in 2024?", "and Romania?"],
    [MW(v)], how="Romania 2024 HP Total Annual")

v = mv(df, "Spain", 2026, scen=HIGH)
add(D, "market", "follow_up",
    ["What's the most probable forecast for Spain's annual additions in 2026?", "same for the high scenario"],
    [MW(v)], how="Spain 2026 Forecast - High Total Annual")

r = ranking(df, 2022)[:5]
add(D, "market", "follow_up",
    ["Top 5 countries by installations in 2023?", "what about 2022?"],
    [MW(x[1]) for x in r], [x[0] for x in r], how="countries only, 2022 HP Total Annual, top 5")

v = mv(df, "India", 2023) / mv(df, "World", 2023) * 100
add(D, "market", "follow_up",
    ["China's share of world PV installations in 2023?", "And India's?"],
    [PC(v)], how="India / World 2023 HP Total Annual")

cen, tot = mv(df, "Italy", 2024, conn="Centralised"), mv(df, "Italy", 2024)
add(D, "market", "follow_up",
    ["How much distributed capacity did Italy add in 2024?", "and centralised?",
     "what share of Italy's 2024 total is that?"],
    [PC(cen / tot * 100)], how="Italy 2024 HP Annual Centralised / Total")

vals = series(df, "USA", 2020, 2024)
add(D, "market", "follow_up",
    ["Give me US annual installs for 2020 to 2024", "as a chart pls"],
    [MW(x) for x in vals.values()], how="USA HP Total Annual 2020..2024")

a, b = mv(df, "Germany", 2019, "Cumulative"), mv(df, "Germany", 2024, "Cumulative")
add(D, "market", "follow_up",
    ["Germany's installed base at the end of 2024?", "and end of 2019?",
     "so how much did it grow over that period in %?"],
    [PC(pct(a, b))], how="Germany Cumulative Total HP (2024-2019)/2019")

# ======================================================================
# REAL instance — prices
# ======================================================================
P = RP
v, u, d = p_latest(P, "Module", "n-type TOPCon", "US")
add(D, "price", "price",
    "We're quoting transpacific module freight and need the cargo value. Latest US price for n-type TOPCon modules?",
    [(v, u)], how=f"Module / n-type TOPCon / US, latest date {d.date()}")

v, u, d = p_latest(P, "Cell", "n-type TOPCon M10", "Overseas")
add(D, "price", "price", "latest overseas price for n-type TOPCon M10 cells?",
    [(v, u)], how=f"Cell / n-type TOPCon M10 / Overseas, latest {d.date()}")

v, u = p_month(P, "Copper", "Copper", "Overseas", "2024-03")
add(D, "price", "price", "What was the copper price in March 2024?",
    [(v, u)], how="Copper / Overseas monthly, 2024-03")

v, u, ds = p_extreme(P, "Aluminium", "Aluminium", "Overseas", "max")
add(D, "price", "price",
    "Aluminium frames are a big chunk of the BOM weight. When did aluminium peak in your data and at what price?",
    [(v, u)], [month_name(ds[0]), ds[0].year], how="Aluminium / Overseas monthly, max over the whole series")

a, u = p_month(P, "EVA", "EVA", "Overseas", "2020-01")
b, _ = p_month(P, "EVA", "EVA", "Overseas", "2025-01")
add(D, "price", "price",
    "How much has the EVA price changed in % from January 2020 to January 2025?",
    [(a, u), (b, u), PC(pct(a, b))], how="EVA / Overseas monthly, 2020-01 vs 2025-01")

v, u = p_month(P, "Silver", "Silver", "Overseas", "2024-06", unit="K US$/t")
add(D, "price", "price", "silver price in june 2024?",
    [(v, u)], how="Silver / Overseas monthly, 2024-06 (unit K US$/t)")

v, u, ds = p_extreme(P, "Module", "n-type HJT", "China", "min")
assert len({d.year for d in ds}) == 1
add(D, "price", "price",
    "What's the lowest price recorded for HJT modules in China, and when?",
    [(v, u)], [ds[0].year], how="Module / n-type HJT / China, min over whole series (first date of the min)")

v, u, n = p_mean(P, "Module", "n-type TOPCon", "EU", "2024-01-01", "2024-12-31")
add(D, "price", "price",
    "For insurance valuation on EU-bound boxes: average EU price of n-type TOPCon modules over 2024?",
    [(v, u)], how=f"Module / n-type TOPCon / EU, mean of the {n} weekly observations dated in 2024")

a, u, d0 = p_first(P, "Wafer", "n-type mono-Si M10", "Overseas")
b, _, d1 = p_latest(P, "Wafer", "n-type mono-Si M10", "Overseas")
add(D, "price", "price",
    "Overseas n-type M10 wafers: % change from the first price in your series to the latest?",
    [(a, u), (b, u), PC(pct(a, b))], how=f"Wafer / n-type mono-Si M10 / Overseas, {d0.date()} vs {d1.date()}")

v, u, ds = p_extreme(P, "Copper", "Copper", "Overseas", "min", "2023-01-01", "2024-12-31")
add(D, "price", "price",
    "Copper low point during 2023-2024 - which month and what price?",
    [(v, u)], [month_name(ds[0]), ds[0].year], how="Copper monthly 2023-01..2024-12, min")

v, u, d = p_latest(P, "PV glass", "Glass 3,2mm", "China")
add(D, "price", "price",
    "Glass is the heavy part of a module container. Latest price for 3.2mm PV glass in China?",
    [(v, u)], how=f"PV glass / Glass 3,2mm / China, latest {d.date()}")

h, u, dh = p_latest(P, "Module", "n-type HJT", "China")
t, _, dt = p_latest(P, "Module", "n-type TOPCon", "China")
assert dh == dt
add(D, "price", "price",
    "Latest Chinese module prices: HJT vs TOPCon, which is dearer and by how much?",
    [(h, u), (t, u), (abs(h - t), u)], ["HJT" if h > t else "TOPCon"],
    how=f"Module / n-type HJT and n-type TOPCon / China, latest {dh.date()}, difference")

us, u, d1 = p_latest(P, "Module", "n-type TOPCon", "US")
eu, _, d2 = p_latest(P, "Module", "n-type TOPCon", "EU")
cn, _, d3 = p_latest(P, "Module", "n-type TOPCon", "China")
assert d1 == d2 == d3
add(D, "price", "price",
    "Compare the latest n-type TOPCon module price across the US, EU and China. Where is it cheapest?",
    [(us, u), (eu, u), (cn, u)], [min([("US", us), ("EU", eu), ("China", cn)], key=lambda x: x[1])[0]],
    how=f"Module / n-type TOPCon / US, EU, China at {d1.date()}; min")

a, u = p_month(P, "Aluminium", "Aluminium", "Overseas", "2024-01")
b, _ = p_month(P, "Aluminium", "Aluminium", "Overseas", "2025-01")
add(D, "price", "price", "Aluminium: Jan 2024 to Jan 2025 change in percent?",
    [PC(pct(a, b))], how="Aluminium monthly 2024-01 vs 2025-01")

v, u = p_month(P, "Aluminium", "Aluminium", "Overseas", "2025-01")
add(D, "price", "follow_up",
    ["What was copper trading at in January 2025?", "and aluminium?"],
    [(v, u)], how="Aluminium / Overseas monthly, 2025-01")

eu, u, d2 = p_latest(P, "Module", "n-type TOPCon", "EU")
us, _, d1 = p_latest(P, "Module", "n-type TOPCon", "US")
add(D, "price", "follow_up",
    ["latest EU price for TOPCon modules?", "and in the US?",
     "how much higher is the US price than the EU one, in %?"],
    [PC(pct(eu, us))], how=f"Module n-type TOPCon latest {d1.date()}: (US-EU)/EU*100")

# ======================================================================
# REAL instance — financials (sample financials are loaded on both instances)
# ======================================================================
v, u = fv(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "financial", "What was Helios Modules' revenue for FY2024?",
    [(v, u)], how="financials: Helios, FY2024, Revenue")

v, u = fv(SUN, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "financial", "SunForge gross margin in Q4 2024?",
    [(v, u)], how="financials: SunForge, 2024-Q4, Gross margin")

a, u = fv(AUR, "FY2023", "Module shipments")
b, _ = fv(AUR, "FY2024", "Module shipments")
add(D, "manufacturer_financial", "financial",
    "Shipment volumes matter more to us than revenue. How much did Aurora PV's module shipments change from FY2023 to FY2024, in %?",
    [(a, u), (b, u), PC(pct(a, b))], how="financials: Aurora Module shipments FY2023 vs FY2024")

rows = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", "financial",
    "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    [(float(rows.value.iloc[0]), rows.unit.iloc[0])], [SHORT[rows.company.iloc[0]]],
    how="financials: FY2024 Module shipments, max over companies")

v, u = fv(HEL, "2024-Q3", "Net income")
w, _ = fv(HEL, "2024-Q4", "Net income")
add(D, "manufacturer_financial", "follow_up",
    ["Helios net income in Q3 2024?", "and Q4?"],
    [(w, u)], how="financials: Helios 2024-Q4 Net income")


# ======================================================================
# REAL instance — unanswerable
# ======================================================================
U = []


def unans(data, agent, turns, why, how="not in the loaded data"):
    add(data, agent, "unanswerable", turns, [], [], how, answerable=False, why=why)


unans(D, "market", "How much wind capacity did Germany install in 2024? We also move turbine components.",
      "wind is not in the data; PV only")
unans(D, "market", "What were battery storage additions in Australia last year, in MWh?",
      "storage is not in the data")
unans(D, "market", "How many 40ft containers of modules were shipped from China to Rotterdam in 2024?",
      "shipment/container volumes are not held; only installed capacity")
unans(D, "price", "What's the current ocean freight rate Shanghai to Rotterdam per FEU for PV modules?",
      "freight rates are not a price item in the data")
unans(D, "market", "What's the LCOE of utility-scale solar in Spain right now?",
      "LCOE is not held")
unans(D, "market", "How many GWh did Italian PV plants generate in 2023?",
      "generation in GWh is not held; capacity only")
unans(D, "market", "What import tariff does the US currently charge on Chinese-made modules?",
      "tariffs / trade measures are not held")
unans(D, "market", "How much PV did Nigeria install in 2024?",
      "Nigeria is not a territory in the market data")
unans(D, "market", "Germany's annual PV installations in 1985?",
      "market data starts in 1992")
unans(D, "market", "What's the most probable forecast for Brazil's PV additions in 2026?",
      "the real market data has forecasts only for European territories; none for Brazil")
unans(D, "market",
      "For long-range warehouse planning: what will Germany's cumulative installed PV capacity be at the end of 2030 in the most probable scenario?",
      "forecast Cumulative values in the real CSV exclude the installed base, so a forecast installed base is not available")
unans(D, "price", "What's the latest module price in Brazil?",
      "no Brazil region in the price data")
unans(D, "price", "Latest string inverter price per W?",
      "inverters are not a price item in the data")
unans(D, "price", "What share of a TOPCon module's price is the cell cost?",
      "a share of a price (cost breakdown) is not held")
unans(D, "market", "Average efficiency of the TOPCon modules installed in Spain in 2024?",
      "module efficiency is not held")
unans(D, "market", "How many jobs does the Spanish PV installation sector employ?",
      "jobs are not held")
unans(D, "market", "What was Italy's 2024 PV market worth in EUR?",
      "market value in EUR is not held")
unans(D, "manufacturer_financial", "LONGi's revenue for 2024?",
      "LONGi is not in the financials (sample companies only)")
unans(D, "price", "Copper price in mid-2019?",
      "the copper series starts in January 2020")
unans(D, "market",
      ["Spain's annual PV additions in 2024?", "and how much solar thermal did they put in?"],
      "solar thermal is not in the data")

# ======================================================================
# SAMPLE instance — market
# ======================================================================
D = "sample"
df = SM

v = mv(df, "Netherlands", 2022)
add(D, "market", "lookup", "How many MW did the Netherlands install in 2022?",
    [MW(v)], how="sample market: Netherlands 2022 HP Total Annual")

v = mv(df, "France", 2024, "Cumulative")
add(D, "market", "lookup", "France total installed capacity at end of 2024?",
    [MW(v)], how="sample market: France 2024 HP Total Cumulative")

v = mv(df, "Spain", 2023, conn="Off-grid")
add(D, "market", "lookup",
    "Off-grid gear ships in tiny lots so I keep an eye on it. Off-grid additions in Spain in 2023?",
    [MW(v)], how="sample market: Spain 2023 HP Off-grid Annual")

r = ranking(df, 2024)[:3]
add(D, "market", "rank", "top 3 countries by new PV installations in 2024?",
    [MW(x[1]) for x in r], [x[0] for x in r], how="sample market: countries (World excluded), 2024 HP Total Annual, top 3")

v = mv(df, "Germany", 2024) / mv(df, "World", 2024) * 100
add(D, "market", "share", "What % of world installations in 2024 was Germany?",
    [PC(v)], how="sample market: Germany / World 2024 HP Total Annual")

v = mv(df, "Italy", 2023, conn="Distributed") / mv(df, "Italy", 2023) * 100
add(D, "market", "share", "Distributed share of Italy's 2023 additions?",
    [PC(v)], how="sample market: Italy 2023 HP Annual Distributed / Total")

a, b = mv(df, "Poland", 2018), mv(df, "Poland", 2023)
add(D, "market", "change",
    "Poland went from nothing to a real market for us. CAGR of Polish annual installs 2018-2023?",
    [PC(cagr(a, b, 5))], how="sample market: Poland Annual Total HP (2023/2018)^(1/5)-1")

a, b = mv(df, "France", 2020), mv(df, "France", 2024)
add(D, "market", "change", "French annual additions: % change 2020 -> 2024?",
    [PC(pct(a, b))], how="sample market: France Annual Total HP (2024-2020)/2020")

sp, it = mv(df, "Spain", 2024), mv(df, "Italy", 2024)
add(D, "market", "compare", "Spain vs Italy, PV added in 2024 - which was bigger and by how much?",
    [MW(sp), MW(it), MW(abs(sp - it))], ["Spain" if sp > it else "Italy"],
    how="sample market: 2024 HP Total Annual for both; difference")

s = hist_series(df, "Poland")
assert (s == s.max()).sum() == 1
add(D, "market", "extreme", "Peak year for Poland's annual installations so far?",
    [MW(s.max())], [int(s.idxmax())], how="sample market: Poland HP Total Annual, argmax")

vals = series(df, "Germany", 2025, 2030, scen=LOW)
ymin = min(vals, key=vals.get)
add(D, "market", "extreme",
    "In the low scenario, which year between 2025 and 2030 has the weakest German additions?",
    [MW(vals[ymin])], [ymin], how="sample market: Germany Forecast - Low Total Annual 2025..2030, argmin")

vals = series(df, "Spain", 2019, 2024)
add(D, "market", "average",
    "average yearly installs in Spain 2019 through 2024?",
    [MW(sum(vals.values()) / len(vals))], how="sample market: mean Spain HP Total Annual 2019..2024")

vals = [mv(df, c, 2024) for c in ["France", "Spain", "Italy"]]
add(D, "market", "sum",
    "Our Mediterranean service covers France, Spain and Italy. Combined 2024 additions for the three?",
    [MW(sum(vals))], how="sample market: sum 2024 HP Total Annual France+Spain+Italy")

v = mv(df, "Italy", 2030, "Cumulative", scen=MP)
add(D, "market", "lookup",
    "Most probable forecast for Italy's installed base at the end of 2030?",
    [MW(v)], how="sample market: Italy 2030 Forecast - Most probable Total Cumulative")

v = mv(df, "World", 2030, scen=HIGH)
add(D, "market", "lookup",
    "Upside case for global demand: world annual additions in 2030 under the high scenario?",
    [MW(v)], how="sample market: World 2030 Forecast - High Total Annual")

y = last_hist(df, "Germany")
add(D, "market", "first_latest",
    "What's the most recent actual (not forecast) year for Germany and the MW installed then?",
    [MW(mv(df, "Germany", y))], [y], how="sample market: Germany last HP year Total Annual")

a, b = mv(df, "Netherlands", 2024), mv(df, "Netherlands", 2027, scen=MP)
add(D, "market", "change",
    "The Dutch market looks like it's cooling. Most probable 2027 additions vs 2024 actual for the Netherlands, change in MW?",
    [MW(a), MW(b), MW(b - a)], how="sample market: Netherlands 2024 HP vs 2027 Forecast - Most probable Annual Total; difference")

# ---- sample market follow-ups
v = mv(df, "Germany", 2021)
add(D, "market", "follow_up", ["German PV additions in 2024?", "what about 2021?"],
    [MW(v)], how="sample market: Germany 2021 HP Total Annual")

v = mv(df, "France", 2028, scen=LOW)
add(D, "market", "follow_up",
    ["Most probable forecast for French additions in 2028?", "and in the low case?"],
    [MW(v)], how="sample market: France 2028 Forecast - Low Total Annual")

r = ranking(df, 2023, "Cumulative")[:3]
add(D, "market", "follow_up",
    ["Top 3 countries by installations in 2023", "and by installed base at end-2023?"],
    [MW(x[1]) for x in r], [x[0] for x in r], how="sample market: countries, 2023 HP Total Cumulative, top 3")

v = mv(df, "Poland", 2022) / mv(df, "World", 2022) * 100
add(D, "market", "follow_up",
    ["Spain's share of world additions in 2022?", "and Poland's?"],
    [PC(v)], how="sample market: Poland / World 2022 HP Total Annual")

v = mv(df, "Netherlands", 2030, "Cumulative", scen=HIGH)
add(D, "market", "follow_up",
    ["Netherlands cumulative capacity at end of 2024?", "And in 2030 under the high scenario?"],
    [MW(v)], how="sample market: Netherlands 2030 Forecast - High Total Cumulative")

vals = series(df, "Italy", 2019, 2024)
add(D, "market", "follow_up",
    ["Italy annual installs 2019 to 2024", "can you chart that?"],
    [MW(x) for x in vals.values()], how="sample market: Italy HP Total Annual 2019..2024")

# ======================================================================
# SAMPLE instance — prices
# ======================================================================
P = SP
v, u, d = p_latest(P, "Module", "n-type TOPCon", "India")
add(D, "price", "price", "Latest price of n-type TOPCon modules in India?",
    [(v, u)], how=f"sample prices: Module / n-type TOPCon / India, latest {d.date()}")

v, u = p_month(P, "Polysilicon", "High purity - 9N/9N+", "China", "2024-03")
add(D, "price", "price",
    "We carry polysilicon bags too. Chinese high purity poly price in March 2024?",
    [(v, u)], how="sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-03")

v, u, ds = p_extreme(P, "Polysilicon", "High purity - 9N/9N+", "China", "min")
add(D, "price", "price",
    "When did Chinese 9N polysilicon bottom out and at what level?",
    [(v, u)], [month_name(ds[0]), ds[0].year], how="sample prices: Polysilicon 9N China, min over series")

eu, u = p_month(P, "Module", "p-type mono-Si PERC M10", "EU", "2024-12")
cn, _ = p_month(P, "Module", "p-type mono-Si PERC M10", "China", "2024-12")
add(D, "price", "price",
    "PERC M10 modules, December 2024: EU vs China price?",
    [(eu, u), (cn, u), (eu - cn, u)], how="sample prices: Module PERC M10 EU and China, 2024-12; difference")

a, u = p_month(P, "Wafer", "n-type mono-Si M10", "China", "2023-01")
b, _ = p_month(P, "Wafer", "n-type mono-Si M10", "China", "2024-12")
add(D, "price", "price",
    "n-type M10 wafer price in China: how much did it move from Jan 2023 to Dec 2024 in percent?",
    [(a, u), (b, u), PC(pct(a, b))], how="sample prices: Wafer n-type M10 China, 2023-01 vs 2024-12")

v, u, n = p_mean(P, "PV glass", "Glass 3,2mm", "EU", "2024-01-01", "2024-12-31")
add(D, "price", "price", "Average EU price for 3.2 mm solar glass over 2024?",
    [(v, u)], how=f"sample prices: PV glass 3,2mm EU, mean of {n} monthly values in 2024")

v, u, ds = p_extreme(P, "Module", "n-type HJT", "US", "max")
add(D, "price", "price",
    "Highest US price for HJT modules in your data, and which month was that?",
    [(v, u)], [month_name(ds[0]), ds[0].year], how="sample prices: Module n-type HJT US, max over series")

regs = {r: p_month(P, "Module", "n-type TOPCon", r, "2024-12")[0] for r in ["China", "EU", "India", "US"]}
cheap = min(regs, key=regs.get)
add(D, "price", "price",
    "Where were TOPCon modules cheapest in December 2024, and at what price?",
    [(regs[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type TOPCon, 2024-12, min over regions")

t, u = p_month(P, "Cell", "n-type TOPCon M10", "China", "2024-06")
pc, _ = p_month(P, "Cell", "p-type mono-Si PERC M10", "China", "2024-06")
add(D, "price", "price",
    "Chinese cell prices June 2024: TOPCon M10 vs PERC M10?",
    [(t, u), (pc, u), (t - pc, u)], how="sample prices: Cell TOPCon M10 and PERC M10, China, 2024-06; difference")

v, u = p_month(P, "Module", "n-type TOPCon", "China", "2023-06")
add(D, "price", "follow_up",
    ["Chinese TOPCon module price in June 2024?", "and the year before?"],
    [(v, u)], how="sample prices: Module n-type TOPCon China, 2023-06")

eu, u = p_month(P, "Polysilicon", "High purity - 9N/9N+", "EU", "2024-12")
cn, _ = p_month(P, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(D, "price", "follow_up",
    ["EU high purity polysilicon price in Dec 2024?", "same for China",
     "how much more expensive is the EU one relative to China, in %?"],
    [PC(pct(cn, eu))], how="sample prices: Polysilicon 9N 2024-12, (EU-China)/China*100")

a, u = p_month(P, "Module", "n-type HJT", "EU", "2023-01")
b, _ = p_month(P, "Module", "n-type HJT", "EU", "2024-12")
add(D, "price", "price",
    "HJT module price in the EU, Jan 2023 vs Dec 2024 - by how much has it fallen?",
    [(a, u), (b, u), (a - b, u), PC(pct(a, b))], how="sample prices: Module n-type HJT EU, 2023-01 vs 2024-12")

# ======================================================================
# SAMPLE instance — financials
# ======================================================================
rows = FIN[(FIN.period == "FY2024") & (FIN.metric == "Revenue")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", "financial",
    "Rank the manufacturers by FY2024 revenue.",
    [(float(x), "USD million") for x in rows.value], [SHORT[c] for c in rows.company],
    how="financials: FY2024 Revenue, sorted desc")

tot = FIN[(FIN.period == "FY2023") & (FIN.metric == "Revenue")].value.sum()
add(D, "manufacturer_financial", "financial",
    "Combined FY2023 revenue of all four manufacturers?",
    [(float(tot), "USD million")], how="financials: sum of FY2023 Revenue over companies")

a, u = fv(SUN, "2023-Q1", "Revenue")
b, _ = fv(SUN, "2024-Q4", "Revenue")
add(D, "manufacturer_financial", "financial",
    "SunForge revenue Q1 2023 vs Q4 2024, % change?",
    [(a, u), (b, u), PC(pct(a, b))], how="financials: SunForge Revenue 2023-Q1 vs 2024-Q4")

qs = [fv(AUR, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", "financial",
    "Average of Aurora PV's four quarterly gross margins in 2024?",
    [PC(sum(qs) / 4)], how="financials: mean of Aurora Gross margin 2024-Q1..Q4")

h, u = fv(HEL, "2024-Q2", "Module shipments")
s_, _ = fv(SUN, "2024-Q2", "Module shipments")
add(D, "manufacturer_financial", "financial",
    "Helios vs SunForge module shipments in Q2 2024?",
    [(h, u), (s_, u)], how="financials: Module shipments 2024-Q2 for Helios and SunForge")

v, u = fv(NOR, "FY2024", "Net income")
add(D, "manufacturer_financial", "financial", "nordlicht net income FY2024?",
    [(v, u)], how="financials: Nordlicht FY2024 Net income")

v, u = fv(HEL, "2024-Q4", "Production capacity")
add(D, "manufacturer_financial", "follow_up",
    ["Helios module shipments in Q4 2024?", "and their production capacity at that point?"],
    [(v, u)], how="financials: Helios 2024-Q4 Production capacity")

# ======================================================================
# SAMPLE instance — unanswerable
# ======================================================================
unans(D, "market", "How much PV did Portugal install in 2024?",
      "Portugal is not in the sample market data")
unans(D, "price", "Latest module price in Australia?",
      "no Australia region in the sample prices")
unans(D, "price", "Chinese polysilicon price in March 2021?",
      "sample prices cover 2023-01 to 2024-12 only")
unans(D, "market", "Forecast for German additions in 2032?",
      "forecasts end in 2030")
unans(D, "price", "What did silver cost in December 2024?",
      "silver is not in the sample prices")
unans(D, "market", "Onshore wind additions in Spain 2023?",
      "wind is not in the data")
unans(D, "market", "How many rooftop systems (number of installations) were put up in the Netherlands in 2023?",
      "counts of systems are not held; capacity in MW only")
unans(D, "manufacturer_financial", "Helios inventory days at end of FY2024? Trying to gauge how much stock is sitting in warehouses.",
      "inventory is not a metric in the financials")
unans(D, "manufacturer_financial", "SunForge revenue in FY2022?",
      "financials cover 2023 and 2024 only")
unans(D, "market", "What's the average PPA price for solar in Poland?",
      "PPA prices are not held")
unans(D, "price", "Price of mounting structures / trackers per W in the EU?",
      "mounting structures are not a price item")
unans(D, "market",
      ["What did France install in 2024?", "what about Belgium?"],
      "Belgium is not in the sample market data")

# ======================================================================
# self-check
# ======================================================================
ids = [x["id"] for x in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not x["answerable"] for x in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(x["turns"]) > 1 for x in ITEMS)
assert n_chain >= 12, n_chain
for x in ITEMS:
    if x["answerable"]:
        assert x["expect"] or x["names"], x["id"]
        for e in x["expect"]:
            assert e["value"] == e["value"], x["id"]  # not NaN
    else:
        assert not x["expect"] and x.get("why"), x["id"]
n_fin = sum(x["agent"] == "manufacturer_financial" for x in ITEMS)
assert 10 <= n_fin <= 15, n_fin

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for x in ITEMS:
        fh.write(json.dumps(x, ensure_ascii=False) + "\n")

print("total", len(ITEMS), "answerable", len(ITEMS) - n_un, "unanswerable", n_un,
      "multi-turn", n_chain, "financial", n_fin)
print("by data:", dict(Counter(x["data"] for x in ITEMS)))
print("by agent:", dict(Counter(x["agent"] for x in ITEMS)))
print("by kind:", dict(Counter(x["kind"] for x in ITEMS)))
print("kind x data:", dict(Counter((x["kind"], x["data"]) for x in ITEMS)))
