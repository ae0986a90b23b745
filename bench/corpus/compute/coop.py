#!/usr/bin/env python3
"""Writer "coop": held-out questions for the solar-PV assistant.

Persona: volunteer board member of a Dutch community-energy cooperative. Every
expected figure below is computed from the data files; none is typed by hand.
Writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "coop"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}

# aggregates (never ranked as countries)
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


def load_market(path):
    df = pd.read_csv(path)
    # the real CSV has 432 exact duplicates plus 192 rows duplicated except for
    # empty AC/DC / Estimated columns: 624 in all; count each record once
    df = df.drop_duplicates(subset=KEY + ["Capacity(MW)"])
    assert not df.duplicated(subset=KEY).any()
    return df


RM = load_market(REAL_MARKET)
SM = load_market(SAMPLE_MARKET)
RP = pd.read_parquet(REAL_PRICES)
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FN = pd.read_csv(FIN)

MARKETS = {"real": RM, "sample": SM}
PRICES = {"real": RP, "sample": SP}


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen:
        return SCEN[scen]
    return HIST if year <= last_hist(df, terr) else SCEN["mp"]


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MARKETS[data]
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, typ="Annual", conn="Total", scen=HIST, y0=None, y1=None):
    df = MARKETS[data]
    r = df[(df.Territory == terr) & (df.Scenario == scen) & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def top_countries(data, year, n, typ="Annual", conn="Total", scen=None, among=None):
    df = MARKETS[data]
    s = scen if scen else None
    rows = []
    for t in sorted(df.Territory.unique()):
        if t in AGGREGATES:
            continue
        if among is not None and t not in among:
            continue
        sc = SCEN[s] if s else scen_for(df, t, year)
        r = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == sc)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(r) == 1:
            rows.append((t, float(r["Capacity(MW)"].iloc[0])))
    rows.sort(key=lambda x: -x[1])
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------- price helpers
def pseries(data, item, desc, region, unit=None):
    df = PRICES[data]
    r = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit:
        r = r[r.unit == unit]
    assert len(r), (item, desc, region)
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    return r.sort_values("date")


def p_on(r, date):
    v = r[r.date == pd.Timestamp(date)].base_price.unique()
    assert len(v) == 1, (date, v)
    return float(v[0])


def p_latest(r):
    d = r.date.max()
    return p_on(r, d), d


def p_month(r, y, m):
    x = r[(r.date.dt.year == y) & (r.date.dt.month == m)]
    assert x.date.nunique() == 1 and x.base_price.nunique() == 1, (y, m, len(x))
    return float(x.base_price.iloc[0])


def p_first(r):
    d = r.date.min()
    return p_on(r, d), d


def unit_of(r):
    return str(r.unit.iloc[0])


# ------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), str(r.unit.iloc[0])


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# ------------------------------------------------------------------------ items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", why=None):
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent,
          "turns": turns if isinstance(turns, list) else [turns],
          "answerable": why is None, "kind": kind,
          "expect": expect or [], "names": names or []}
    if why is not None:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def MW(v):
    return {"value": v, "unit": "MW"}


def P(v):
    return {"value": v, "unit": "%"}


def X(v):
    return {"value": v, "unit": "x"}


def U(v, unit):
    return {"value": v, "unit": unit}


MC = "market CSV (deduplicated)"
SMC = "sample market.csv"

# ============================================================ REAL: market ====
# --- lookups
v = mv("real", "Netherlands", 2024)
add("real", "market", "for our members meeting next month i need one number: how much solar pv has the netherlands installed in 2024",
    "lookup", [MW(v)], [], f"{MC}: Netherlands, 2024, Historical Primary, Total, Annual")

v = mv("real", "Belgium", 2023, "Cumulative")
add("real", "market", "My neighbour is from Antwerpen and always says Belgium is ahead of us. how big was the belgian installed base at end of 2023?",
    "lookup", [MW(v)], [], f"{MC}: Belgium, 2023, Historical Primary, Total, Cumulative")

v = mv("real", "Germany", 2024, conn="Distributed")
add("real", "market", "germans are doing a lot on roofs. how much distributed pv did germany add in 2024",
    "lookup", [MW(v)], [], f"{MC}: Germany, 2024, Historical Primary, Distributed, Annual")

v = mv("real", "Netherlands", 2027, scen="low")
add("real", "market", "Our board wants to be careful with planning. In the low scenario, what are the new dutch pv installations in 2027?",
    "lookup", [MW(v)], [], f"{MC}: Netherlands, 2027, Forecast - Low, Total, Annual")

# --- rankings (countries only)
top = top_countries("real", 2024, 5)
add("real", "market", "which 5 countries instaled the most pv in 2024? only countries, not regions like EU",
    "rank", [MW(x[1]) for x in top], [x[0] for x in top],
    f"{MC}: Annual Total 2024 Historical Primary, aggregates excluded, top 5")

neigh = ["Germany", "Belgium", "France", "UK", "Denmark"]
rk = top_countries("real", 2024, 5, typ="Cumulative", among=neigh)
add("real", "market", "rank our neighbours germany, belgium, france, uk and denmark by installed base end of 2024, biggest first",
    "rank", [MW(x[1]) for x in rk], [x[0] for x in rk],
    f"{MC}: Cumulative Total 2024 Historical Primary for the five countries, sorted descending")

top = top_countries("real", 2023, 3, conn="Distributed")
add("real", "market", "We are a rooftop coop so distributed is what matters for us. Top 3 countries for distributed pv added in 2023?",
    "rank", [MW(x[1]) for x in top], [x[0] for x in top],
    f"{MC}: Annual Distributed 2023 Historical Primary, aggregates excluded, top 3")

top = top_countries("real", 2030, 3, scen="mp")
add("real", "market", "looking to 2030 - which three countries are expected to add most pv that year, most probable scenario",
    "rank", [MW(x[1]) for x in top], [x[0] for x in top],
    f"{MC}: Annual Total 2030 Forecast - Most probable, aggregates excluded, top 3")

# --- shares
a, w = mv("real", "Netherlands", 2024), mv("real", "World", 2024)
add("real", "market", "what percentage of the world's new pv in 2024 was installed in the netherlands",
    "share", [P(a / w * 100)], [], f"{MC}: Netherlands Annual Total 2024 / World Annual Total 2024 x 100")

d, t = mv("real", "Netherlands", 2024, conn="Distributed"), mv("real", "Netherlands", 2024)
add("real", "market", "In NL we have lots of rooftop but also big solar parks. Of the dutch additions in 2024 how much percent was distributed?",
    "share", [P(d / t * 100)], [], f"{MC}: Netherlands 2024 Annual Distributed / Annual Total x 100")

a, w = mv("real", "Germany", 2024, "Cumulative"), mv("real", "World", 2024, "Cumulative")
add("real", "market", "For our newsletter i compare us with the germans. germany's share of the global installed pv base end 2024?",
    "share", [P(a / w * 100)], [], f"{MC}: Germany Cumulative Total 2024 / World Cumulative Total 2024 x 100")

c, t = mv("real", "Netherlands", 2023, "Cumulative", "Centralised"), mv("real", "Netherlands", 2023, "Cumulative")
add("real", "market", "what share of the dutch pv fleet end of 2023 is centralised (solar parks)",
    "share", [P(c / t * 100)], [], f"{MC}: Netherlands 2023 Cumulative Centralised / Cumulative Total x 100")

# --- change
a, b = mv("real", "Netherlands", 2023), mv("real", "Netherlands", 2024)
add("real", "market", "I heard the dutch market went down last year. how much % did new installations in NL change from 2023 to 2024?",
    "change", [P(pct(a, b))], [], f"{MC}: Netherlands Annual Total, (2024-2023)/2023 x 100")

a, b = mv("real", "Belgium", 2014, "Cumulative"), mv("real", "Belgium", 2024, "Cumulative")
add("real", "market", "belgium went fast on rooftops with their subsidies. what was the CAGR of the belgian installed base between 2014 and 2024",
    "change", [P(cagr(a, b, 10))], [], f"{MC}: Belgium Cumulative Total 2014 and 2024, CAGR over 10 years")

a, b = mv("real", "Germany", 2022), mv("real", "Germany", 2023)
add("real", "market", "germany did more than 7,500 MW in 2022 i think. how many MW more did germany install in 2023 compared to 2022",
    "change", [MW(b - a)], [], f"{MC}: Germany Annual Total 2023 - 2022")

# --- comparisons
vals = {c_: mv("real", c_, 2024) for c_ in ["Netherlands", "Belgium", "Germany"]}
add("real", "market", "compare for me 2024 additions of netherlands, belgium and germany",
    "compare", [MW(vals[k]) for k in vals], list(vals), f"{MC}: Annual Total 2024 for the three countries")

a, b = mv("real", "Netherlands", 2024, "Cumulative"), mv("real", "Belgium", 2024, "Cumulative")
add("real", "market", "My belgian friend says they have almost as much solar as us. How many times bigger is the dutch installed base than the belgian one, end of 2024?",
    "compare", [MW(a), MW(b), X(a / b)], ["Netherlands", "Belgium"],
    f"{MC}: Cumulative Total 2024, Netherlands / Belgium")

# --- extremes
s = series("real", "Netherlands")
add("real", "market", "which year was the record year for new pv in the netherlands so far, and how much",
    "extreme", [MW(float(s.max()))], [str(int(s.idxmax()))], f"{MC}: Netherlands Annual Total Historical Primary, max over all years")

s = series("real", "Belgium")
add("real", "market", "belgium best year ever for pv installations?",
    "extreme", [MW(float(s.max()))], [str(int(s.idxmax()))], f"{MC}: Belgium Annual Total Historical Primary, max over all years")

s = series("real", "Germany", y0=2010, y1=2024)
add("real", "market", "Germany had a big dip after the feed-in boom. Between 2010 and 2024 which year had the lowest german additions?",
    "extreme", [MW(float(s.min()))], [str(int(s.idxmin()))], f"{MC}: Germany Annual Total Historical Primary 2010-2024, min")

s = series("real", "World")
add("real", "market", "in which year the world installed the most pv",
    "extreme", [MW(float(s.max()))], [str(int(s.idxmax()))], f"{MC}: World Annual Total Historical Primary, max over all years")

# --- averages
s = series("real", "Netherlands", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "avarage yearly pv additions in the netherlands over 2020-2024?",
    "average", [MW(float(s.mean()))], [], f"{MC}: Netherlands Annual Total 2020..2024 mean of 5 values")

s = series("real", "Belgium", y0=2019, y1=2023)
assert len(s) == 5
add("real", "market", "For a presentation: what did belgium install on average per year from 2019 until 2023",
    "average", [MW(float(s.mean()))], [], f"{MC}: Belgium Annual Total 2019..2023 mean of 5 values")

s = series("real", "Germany", scen=SCEN["mp"], y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "how much is germany expected to add per year on average 2025 to 2030, most probable",
    "average", [MW(float(s.mean()))], [], f"{MC}: Germany Annual Total Forecast - Most probable 2025..2030 mean")

# --- sums
bx = {c_: mv("real", c_, 2024) for c_ in ["Netherlands", "Belgium", "Luxembourg"]}
add("real", "market", "benelux together, how much pv was added in 2024 (NL + BE + LU)",
    "sum", [MW(sum(bx.values()))], [], f"{MC}: Annual Total 2024 summed for Netherlands, Belgium, Luxembourg")

s = series("real", "Netherlands", y0=2020, y1=2024)
add("real", "market", "For the subsidy application we need a number. total new pv capacity in the netherlands in the five years 2020-2024 all together",
    "sum", [MW(float(s.sum()))], [], f"{MC}: Netherlands Annual Total 2020..2024 summed")

s = series("real", "Netherlands", scen=SCEN["mp"], y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "if the most probable forecast is right, how many MW will NL add in total over 2025-2030 (sum of the yearly additions)",
    "sum", [MW(float(s.sum()))], [], f"{MC}: Netherlands Annual Total Forecast - Most probable 2025..2030 summed")

# --- first / latest
s = series("real", "Netherlands")
y = int(s[s > 1000].index.min())
add("real", "market", "in which year has the netherlands for the first time more than 1 GW in one year added?",
    "first_latest", [MW(float(s[y]))], [str(y)], f"{MC}: Netherlands Annual Total Historical Primary, first year > 1000 MW")

s = series("real", "Netherlands", typ="Cumulative")
y = int(s[s > 10000].index.min())
add("real", "market", "when did the dutch installed base pass 10 GW for first time",
    "first_latest", [MW(float(s[y]))], [str(y)], f"{MC}: Netherlands Cumulative Total Historical Primary, first year > 10000 MW")

s = series("real", "Netherlands")
y = int(s.index.min())
add("real", "market", "how far back goes your data for the netherlands? what is the earliest year and what was installed then",
    "first_latest", [MW(float(s[y]))], [str(y)], f"{MC}: Netherlands Annual Total Historical Primary, earliest year")

# ============================================================ REAL: prices ====
r = pseries("real", "Module", "n-type TOPCon", "EU")
v, d = p_latest(r)
add("real", "price", "we plan a group purchase of panels for our members. what is the latest price for n-type TOPCon modules in the EU",
    "price", [U(v, unit_of(r))], [], f"component-prices: Module / n-type TOPCon / EU, newest date {d.date()}")

vals = {}
for rg in ["China", "EU", "US"]:
    rr = pseries("real", "Module", "n-type TOPCon", rg)
    vv, dd = p_latest(rr)
    vals[rg] = (vv, dd)
cheap = min(vals, key=lambda k: vals[k][0])
add("real", "price", "TOPCon modules latest price: china, EU or US, where is it cheapest? give me all three",
    "price", [U(vals[k][0], "US$/Wp") for k in vals], [cheap],
    "component-prices: Module / n-type TOPCon latest per region China, EU, US ("
    + ", ".join(f"{k} {vals[k][1].date()}" for k in vals) + ")")

vals = {}
for de in ["n-type TOPCon", "n-type HJT", "p-type mono-Si PERC M10"]:
    rr = pseries("real", "Module", de, "China")
    vv, dd = p_latest(rr)
    vals[de] = (vv, dd)
add("real", "price", "Members ask if HJT is worth the extra money. Latest china module prices for TOPCon vs HJT vs PERC M10 please",
    "price", [U(vals[k][0], "US$/Wp") for k in vals], [],
    "component-prices: Module / China latest for n-type TOPCon, n-type HJT, p-type mono-Si PERC M10 ("
    + ", ".join(f"{vals[k][1].date()}" for k in vals) + ")")

r = pseries("real", "Module", "n-type TOPCon", "EU")
add("real", "price", "Some members wait for the bottom before they buy. lowest price ever for TOPCon modules in europe in your data?",
    "price", [U(float(r.base_price.min()), unit_of(r))], [], "component-prices: Module / n-type TOPCon / EU, min over whole series")

r = pseries("real", "Module", "n-type TOPCon", "EU")
a, da = p_first(r)
b, db = p_latest(r)
add("real", "price", "how much % did the EU TOPCon module price change from the first price you have until the latest",
    "price", [P(pct(a, b))], [], f"component-prices: Module / n-type TOPCon / EU, first {da.date()} to latest {db.date()}")

r = pseries("real", "Copper", "Copper", "Overseas")
add("real", "price", "copper is big in cables and inverters. what was copper price in march 2024",
    "price", [U(p_month(r, 2024, 3), unit_of(r))], [], "component-prices: Copper / Overseas, monthly observation March 2024")

r = pseries("real", "Silver", "Silver", "Overseas", unit="K US$/t")
add("real", "price", "Cell makers use a lot of silver and that goes in the module price. what was silver price in january 2025",
    "price", [U(p_month(r, 2025, 1), unit_of(r))], [], "component-prices: Silver / Overseas (K US$/t), monthly observation January 2025")

r = pseries("real", "Aluminium", "Aluminium", "Overseas")
add("real", "price", "Frames are aluminium so I watch it. Highest aluminium price in your data since 2020?",
    "price", [U(float(r.base_price.max()), unit_of(r))], [], "component-prices: Aluminium / Overseas, max over whole series (starts 2020-01)")

r = pseries("real", "Wafer", "p-type mono-Si M10", "China")
v, d = p_latest(r)
add("real", "price", "I try to understand the whole chain, not only panels. latest price of a p-type mono M10 wafer in china",
    "price", [U(v, unit_of(r))], [], f"component-prices: Wafer / p-type mono-Si M10 / China, newest date {d.date()}")

# ========================================================== SAMPLE: market ====
add("sample", "market", "poland is coming up fast in europe. how much pv capacty was added in poland in 2022", "lookup",
    [MW(mv("sample", "Poland", 2022))], [], f"{SMC}: Poland, 2022, Historical Primary, Total, Annual")

add("sample", "market", "total pv fleet of france at the end of 2021?", "lookup",
    [MW(mv("sample", "France", 2021, "Cumulative"))], [], f"{SMC}: France, 2021, Historical Primary, Total, Cumulative")

add("sample", "market", "high scenario: how many MW will italy add in 2028", "lookup",
    [MW(mv("sample", "Italy", 2028, scen="high"))], [], f"{SMC}: Italy, 2028, Forecast - High, Total, Annual")

add("sample", "market", "We write a vision document for 2030. How big will the dutch installed base be in 2030, most probable scenario?", "lookup",
    [MW(mv("sample", "Netherlands", 2030, "Cumulative", scen="mp"))], [],
    f"{SMC}: Netherlands, 2030, Forecast - Most probable, Total, Cumulative")

top = top_countries("sample", 2023, 3)
add("sample", "market", "Our coop roofs are only 50 to 150 kW each, so the big markets feel far away. which three countries added the most pv in 2023", "rank",
    [MW(x[1]) for x in top], [x[0] for x in top], f"{SMC}: Annual Total 2023 Historical Primary, World excluded, top 3")

allc = top_countries("sample", 2024, 99, typ="Cumulative")
low = allc[-1]
add("sample", "market", "of the countries you have, which one has the smallest installed base end 2024", "rank",
    [MW(low[1])], [low[0]], f"{SMC}: Cumulative Total 2024 Historical Primary, World excluded, lowest")

top = top_countries("sample", 2030, 3, scen="mp")
add("sample", "market", "top 3 countries for new installations in 2030, most probable forecast?", "rank",
    [MW(x[1]) for x in top], [x[0] for x in top], f"{SMC}: Annual Total 2030 Forecast - Most probable, World excluded, top 3")

a, w = mv("sample", "Netherlands", 2024, "Cumulative"), mv("sample", "World", 2024, "Cumulative")
add("sample", "market", "small country, big solar :) what is the netherlands share of the world installed base at end 2024", "share",
    [P(a / w * 100)], [], f"{SMC}: Netherlands Cumulative Total 2024 / World Cumulative Total 2024 x 100")

c, t = mv("sample", "Spain", 2024, conn="Centralised"), mv("sample", "Spain", 2024)
add("sample", "market", "Spain is all big parks i think. Which share of spanish 2024 additions was centralised?", "share",
    [P(c / t * 100)], [], f"{SMC}: Spain 2024 Annual Centralised / Annual Total x 100")

a, b = mv("sample", "Poland", 2019, "Cumulative"), mv("sample", "Poland", 2024, "Cumulative")
add("sample", "market", "poland grew super fast. CAGR of polish cumulative capacity 2019 to 2024?", "change",
    [P(cagr(a, b, 5))], [], f"{SMC}: Poland Cumulative Total 2019 and 2024, CAGR over 5 years")

a, b = mv("sample", "Netherlands", 2024), mv("sample", "Netherlands", 2030)
add("sample", "market", "how much % different are the dutch additions in 2030 (most probable) compared with 2024", "change",
    [P(pct(a, b))], [], f"{SMC}: Netherlands Annual Total 2024 Historical vs 2030 Forecast - Most probable, % change")

a, b = mv("sample", "Spain", 2023), mv("sample", "Spain", 2024)
add("sample", "market", "year on year change of spain's new installations 2023 -> 2024, in MW", "change",
    [MW(b - a)], [], f"{SMC}: Spain Annual Total 2024 - 2023")

a, b = mv("sample", "Netherlands", 2024, "Cumulative"), mv("sample", "Germany", 2024, "Cumulative")
add("sample", "market", "Germany has like 5 times more people than us. compare installed base of netherlands and germany end 2024", "compare",
    [MW(a), MW(b)], ["Netherlands", "Germany"], f"{SMC}: Cumulative Total 2024 for Netherlands and Germany")

vals = {c_: mv("sample", c_, 2024) for c_ in ["France", "Spain", "Italy"]}
add("sample", "market", "France, Spain and Italy - who added most in 2024 and how much each", "compare",
    [MW(vals[k]) for k in vals], [max(vals, key=vals.get)], f"{SMC}: Annual Total 2024 for France, Spain, Italy")

s = series("sample", "Spain")
add("sample", "market", "in the historical data, which year was spain's biggest year for new pv", "extreme",
    [MW(float(s.max()))], [str(int(s.idxmax()))], f"{SMC}: Spain Annual Total Historical Primary, max")

s = series("sample", "Netherlands")
add("sample", "market", "NL peak year of additions so far (historical only)?", "extreme",
    [MW(float(s.max()))], [str(int(s.idxmax()))], f"{SMC}: Netherlands Annual Total Historical Primary, max")

s = series("sample", "Germany", scen=SCEN["low"])
add("sample", "market", "In the low scenario for germany, which year 2025-2030 has the lowest additions", "extreme",
    [MW(float(s.min()))], [str(int(s.idxmin()))], f"{SMC}: Germany Annual Total Forecast - Low 2025..2030, min")

s = series("sample", "France", y0=2015, y1=2024)
assert len(s) == 10
add("sample", "market", "France is slow with solar compared to us i think. average annual additions in france 2015-2024", "average",
    [MW(float(s.mean()))], [], f"{SMC}: France Annual Total 2015..2024 mean of 10 values")

s = series("sample", "Germany", y0=2021, y1=2024)
assert len(s) == 4
add("sample", "market", "The germans are building so much, near our border also. how much did germany add in total 2021 until 2024", "sum",
    [MW(float(s.sum()))], [], f"{SMC}: Germany Annual Total 2021..2024 summed")

s = series("sample", "Poland")
y = int(s[s > 1000].index.min())
add("sample", "market", "first year poland added more than 1 GW?", "first_latest",
    [MW(float(s[y]))], [str(y)], f"{SMC}: Poland Annual Total Historical Primary, first year > 1000 MW")

s = series("sample", "Spain", typ="Cumulative")
y = int(s[s > 20000].index.min())
add("sample", "market", "in which year did spain's installed base first go above 20 GW", "first_latest",
    [MW(float(s[y]))], [str(y)], f"{SMC}: Spain Cumulative Total Historical Primary, first year > 20000 MW")

# ========================================================== SAMPLE: prices ====
r = pseries("sample", "Module", "n-type TOPCon", "EU")
v, d = p_latest(r)
add("sample", "price", "We have an offer from a wholesaler for TOPCon panels and want to check it. latest n-type topcon module price in the EU?", "price",
    [U(v, unit_of(r))], [], f"sample prices: Module / n-type TOPCon / EU, newest date {d.date()}")

add("sample", "price", "What did a TOPCon module cost in the EU in march 2024", "price",
    [U(p_month(r, 2024, 3), unit_of(r))], [], "sample prices: Module / n-type TOPCon / EU, March 2024")

vals = {}
for rg in sorted(SP[(SP["item"] == "Module") & (SP.description == "n-type TOPCon")].region.unique()):
    vals[rg] = p_latest(pseries("sample", "Module", "n-type TOPCon", rg))[0]
cheap = min(vals, key=vals.get)
add("sample", "price", "Before we order: in which region are topcon modules cheapest at the latest date, and what price", "price",
    [U(vals[cheap], "US$/Wp")], [cheap], "sample prices: Module / n-type TOPCon latest (2024-12) per region, min")

r = pseries("sample", "Module", "n-type HJT", "EU")
a, da = p_first(r)
b, db = p_latest(r)
add("sample", "price", "HJT panels look nice for our members roofs. how much did HJT module prices in europe drop from january 2023 to december 2024, in %", "price",
    [P(pct(a, b))], [], f"sample prices: Module / n-type HJT / EU {da.date()} to {db.date()}, % change")

r = pseries("sample", "Module", "n-type TOPCon", "EU")
x = r[r.date.dt.year == 2024]
assert len(x) == 12
add("sample", "price", "Our last group purchase was in 2024. What was the average EU TOPCon module price that year?", "price",
    [U(float(x.base_price.mean()), unit_of(r))], [], "sample prices: Module / n-type TOPCon / EU, mean of 12 monthly values 2024")

vals = {rg: p_latest(pseries("sample", "Polysilicon", "High purity - 9N/9N+", rg))[0] for rg in ["China", "EU"]}
add("sample", "price", "polisilicon high purity latest price china vs EU", "price",
    [U(vals["China"], "US$/kg"), U(vals["EU"], "US$/kg")], [], "sample prices: Polysilicon / High purity - 9N/9N+, latest China and EU")

r = pseries("sample", "Wafer", "n-type mono-Si M10", "China")
add("sample", "price", "minimum price of n-type M10 wafers in china in the data", "price",
    [U(float(r.base_price.min()), unit_of(r))], [], "sample prices: Wafer / n-type mono-Si M10 / China, min over series")

# ============================================================ financials ====
v, u = fv(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "helios modules is one of the brands our installer proposes. what was the revenue of helios modules in FY2024", "financial",
    [U(v, u)], [], "financials.csv: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fv(NOR, "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial", "Nordlicht Solar is a european maker, we like to buy local. What was their gross margin in Q4 2024?", "financial",
    [U(v, u)], [], "financials.csv: Nordlicht Solar AG (sample), 2024-Q4, Gross margin")

a, u = fv(SUN, "FY2023", "Net income")
b, _ = fv(SUN, "FY2024", "Net income")
add("real", "manufacturer_financial", "net income of sunforge energy FY2023 and FY2024, how much it changed", "financial",
    [U(a, u), U(b, u), U(b - a, u)], [], "financials.csv: SunForge Energy (sample) Net income FY2023, FY2024 and difference")

sh = {c_: fv(c_, "FY2024", "Module shipments")[0] for c_ in COMPANIES}
best = max(sh, key=sh.get)
add("sample", "manufacturer_financial", "We prefer a big and stable supplier. which manufacturer shipped the most modules in FY2024", "financial",
    [U(sh[best], "GW")], [best.replace(" (sample)", "")], "financials.csv: Module shipments FY2024, max over companies")

v, u = fv(AUR, "2024-Q4", "Production capacity")
add("real", "manufacturer_financial", "production capacity of aurora pv group in 2024-Q4?", "financial",
    [U(v, u)], [], "financials.csv: Aurora PV Group (sample), 2024-Q4, Production capacity")

a, u = fv(HEL, "FY2023", "Revenue")
b, _ = fv(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Prices fell a lot, so I wonder about the makers. Helios revenue change FY2023 to FY2024 in %?", "financial",
    [P(pct(a, b))], [], "financials.csv: Helios Modules Ltd (sample) Revenue FY2023 -> FY2024, % change")

q = [fv(SUN, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("real", "manufacturer_financial", "average quarterly gross margin of sunforge energy over the four quarters of 2024", "financial",
    [P(sum(q) / 4)], [], "financials.csv: SunForge Energy (sample) Gross margin 2024-Q1..Q4, mean")

a, _ = fv(HEL, "FY2024", "Gross margin")
b, _ = fv(AUR, "FY2024", "Gross margin")
add("sample", "manufacturer_financial", "compare gross margin FY2024 of helios and aurora", "financial",
    [P(a), P(b)], [], "financials.csv: Gross margin FY2024, Helios Modules Ltd and Aurora PV Group")

qs = {f"2023-Q{i}": None for i in range(1, 5)}
qs.update({f"2024-Q{i}": None for i in range(1, 5)})
for k_ in qs:
    qs[k_] = fv(HEL, k_, "Net income")[0]
worst = min(qs, key=qs.get)
add("real", "manufacturer_financial", "worst quarter for helios net income in 2023-2024, which quarter and how much", "financial",
    [U(qs[worst], "USD million")], [worst], "financials.csv: Helios Modules Ltd (sample) Net income quarters 2023-Q1..2024-Q4, min")

gm = {c_: fv(c_, "FY2023", "Gross margin")[0] for c_ in COMPANIES}
best = max(gm, key=gm.get)
add("sample", "manufacturer_financial", "which of the manufacturers had highest gross margin in FY2023", "financial",
    [P(gm[best])], [best.replace(" (sample)", "")], "financials.csv: Gross margin FY2023, max over companies")

# ============================================================ follow-ups ====
add("real", "market", ["how much did the netherlands add in 2023", "and belgium?"], "follow_up",
    [MW(mv("real", "Belgium", 2023))], [], f"{MC}: Belgium 2023 Historical Primary Total Annual")

add("real", "market", ["germany installed base end of 2024?", "en france?"], "follow_up",
    [MW(mv("real", "France", 2024, "Cumulative"))], [], f"{MC}: France 2024 Historical Primary Total Cumulative")

add("real", "market", ["how much new pv is expected in NL in 2028, most probable", "same for the high scenario"], "follow_up",
    [MW(mv("real", "Netherlands", 2028, scen="high"))], [], f"{MC}: Netherlands 2028 Forecast - High Total Annual")

add("real", "market", ["Denmark is also a small neighbour with lot of wind. How much pv did denmark add in 2024?", "what about 2021"], "follow_up",
    [MW(mv("real", "Denmark", 2021))], [], f"{MC}: Denmark 2021 Historical Primary Total Annual")

r = pseries("real", "Copper", "Copper", "Overseas")
add("real", "price", ["copper price in march 2024?", "and one year later, march 2025?"], "follow_up",
    [U(p_month(r, 2025, 3), unit_of(r))], [], "component-prices: Copper / Overseas, monthly observation March 2025")

top = top_countries("real", 2023, 3)
add("real", "market", ["top 3 countries for pv additions in 2024", "same for 2023 please"], "follow_up",
    [MW(x[1]) for x in top], [x[0] for x in top], f"{MC}: Annual Total 2023 Historical Primary, aggregates excluded, top 3")

s = series("real", "Netherlands", y0=2019, y1=2024)
assert len(s) == 6
add("real", "market", ["what did NL install each year from 2019 to 2024", "can you show this as a chart"], "follow_up",
    [MW(float(x)) for x in s.values], [], f"{MC}: Netherlands Annual Total 2019..2024 Historical Primary")

c = mv("real", "Netherlands", 2023, conn="Centralised")
add("real", "market", ["how much distributed pv did the netherlands add in 2023", "and the centralised part?"], "follow_up",
    [MW(c)], [], f"{MC}: Netherlands 2023 Historical Primary Centralised Annual")

a = {c_: (mv("sample", c_, 2020), mv("sample", c_, 2024)) for c_ in ["Spain", "Italy"]}
g = {c_: pct(*a[c_]) for c_ in a}
add("sample", "market", ["how much did spain add in 2024", "and italy", "which of the two grew faster from 2020 to 2024 in %"], "follow_up",
    [P(g["Spain"]), P(g["Italy"])], [max(g, key=g.get)], f"{SMC}: Annual Total 2020 and 2024, % change for Spain and Italy")

r = pseries("sample", "Module", "n-type TOPCon", "EU")
add("sample", "price", ["EU topcon module price in january 2024?", "and in december 2024"], "follow_up",
    [U(p_month(r, 2024, 12), unit_of(r))], [], "sample prices: Module / n-type TOPCon / EU, December 2024")

add("sample", "market", ["france new pv in 2030, most probable scenario?", "and the low scenario"], "follow_up",
    [MW(mv("sample", "France", 2030, scen="low"))], [], f"{SMC}: France 2030 Forecast - Low Total Annual")

v, u = fv(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["helios modules revenue FY2024?", "and sunforge?"], "follow_up",
    [U(v, u)], [], "financials.csv: SunForge Energy (sample), FY2024, Revenue")

add("sample", "market", ["installed base poland end 2024", "how much was it in 2020"], "follow_up",
    [MW(mv("sample", "Poland", 2020, "Cumulative"))], [], f"{SMC}: Poland 2020 Historical Primary Total Cumulative")

# ========================================================== unanswerable ====
UNA = [
    ("real", "market", "how much offshore wind was installed in the netherlands in 2024",
     "wind capacity: the data covers solar PV only"),
    ("real", "market", "Many members want a home battery now that net metering ends. How many MWh of battery storage did germany install in 2024?",
     "battery storage is not in the data; PV capacity only"),
    ("real", "market", "how many zonneboilers / solar thermal collectors are installed in NL",
     "solar thermal is not covered; only PV capacity"),
    ("real", "market", "what is the LCOE of rooftop pv in the netherlands now",
     "LCOE is not a measure held; market data is capacity in MW"),
    ("real", "market", "how many GWh did dutch solar panels produce in 2024",
     "electricity generation (GWh) is not held; only installed capacity"),
    ("real", "market", "For the municipality we want to say something about local jobs. how many people work in the dutch solar sector",
     "employment / jobs are not in the data"),
    ("real", "market", "The salderingsregeling stops in 2027. What feed-in tariff do german households get for rooftop pv?",
     "feed-in tariffs / support schemes are not in the data"),
    ("real", "price", "which is more efficient, TOPCon or HJT module, in % efficiency",
     "module efficiency is not held; prices only"),
    ("real", "market", "The alderman asked me how big this business is. what was the value of the dutch pv market in 2024 in euro",
     "market value in EUR is not held; only capacity in MW"),
    ("real", "market", "how much pv is installed in the province of groningen",
     "sub-national (province) data is not held; territories are countries and regions"),
    ("real", "market", "what will dutch pv installations be in 2035",
     "forecasts end in 2030"),
    ("real", "market", "How big will the total installed base of the netherlands be in 2030, most probable scenario?",
     "forecast cumulative values in the real CSV exclude the installed base, so no valid total installed base for 2030"),
    ("real", "price", "Next to panels we also buy inverters for the group. what do string inverters cost per Wp at the moment",
     "inverter prices are not in the price data"),
    ("real", "price", "module price in the netherlands specifically, not EU average?",
     "no price series for a Netherlands region; regions are China, EU, US, Overseas, Australia, India"),
    ("real", "price", "how many percent of the module price is polysilicon",
     "a share of a price (cost breakdown) is not held; each item is a separate price series"),
    ("real", "manufacturer_financial", "LONGi panels are in many offers we get. what was LONGi revenue in 2024",
     "LONGi is not among the companies in the financials"),
    ("real", "market", "Lots of floating solar on lakes in NL. how many MW of floating pv the netherlands has",
     "floating PV is not a segment; connection is only centralised, distributed, off-grid, total"),
    ("real", "market", "how many MW were installed in NL in the first quarter of 2024",
     "market data is annual; no quarterly installations"),
    ("real", "market", "How much pv did curaçao install in 2024",
     "Curaçao is not a territory in the data"),
    ("sample", "market", "how much pv has belgium added in 2024",
     "Belgium is not in the sample market data (Italy, Germany, Spain, France, Netherlands, Poland, World)"),
    ("sample", "price", "what is the silver price now? silver paste is big cost for cells",
     "silver is not an item in the sample prices"),
    ("sample", "market", "how much did the netherlands install in 2012",
     "sample market data starts in 2015"),
    ("sample", "price", "A member emigrated to Perth and asks me. TOPCon module price in australia latest?",
     "Australia is not a region in the sample prices (China, EU, India, US)"),
    ("sample", "manufacturer_financial", "what was the EBITDA of helios modules in FY2024",
     "EBITDA is not a metric in the financials (Revenue, Gross margin, Net income, Module shipments, Production capacity)"),
    ("sample", "manufacturer_financial", "how many employees has nordlicht solar",
     "employee numbers are not in the financials"),
    ("sample", "manufacturer_financial", "Meyer Burger net income in 2024?",
     "Meyer Burger is not among the companies in the financials"),
    ("sample", "price", "we order in april 2025. what is the EU topcon module price in march 2025",
     "sample prices end in December 2024"),
    ("sample", "market", "Denmark we also like to compare with. how much pv denmark added in 2024",
     "Denmark is not in the sample market data"),
    ("sample", "market", "what is the forecast for german pv additions in 2032",
     "forecasts end in 2030"),
]
for data, agent, q, why in UNA:
    add(data, agent, q, "unanswerable", [], [], how="not in data", why=why)

# ============================================================ write + check ==
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"


def clean(o):
    if isinstance(o, float):
        return float(o)
    return o


with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}

print("items:", len(ITEMS), "unanswerable:", n_un, "follow-up chains:", n_chain)
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind x data:")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
