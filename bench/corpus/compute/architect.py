#!/usr/bin/env python3
"""Writer `architect`: computes every expected figure from the data files and writes questions.jsonl.

Persona: architect at a practice designing commercial buildings with rooftop / facade PV across Europe.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "architect"

# ---------------------------------------------------------------- data
REAL_MARKET = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
SAMPLE_MARKET = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
REAL_PRICES = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMPLE_PRICES = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MK = {"real": REAL_MARKET, "sample": SAMPLE_MARKET}
PR = {"real": REAL_PRICES, "sample": SAMPLE_PRICES}
CAP = "Capacity(MW)"
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "World", "Europe", "Africa", "America", "Oceania", "Asia", "South Europe", "North Africa",
    "South America", "Central Europe", "South Asia", "East Europe", "North America", "East Asia",
    "North Europe", "Central America", "Southeast Asia", "Middle East", "Central Asia", "Eurasia",
    "Southern Africa", "EU", "ASEAN", "RoW",
}


def last_hist(data, terr):
    df = MK[data]
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions."""
    df = MK[data]
    if scen is None:
        scen = HP if year <= last_hist(data, terr) else MP
    if data == "real" and typ == "Cumulative":
        assert scen == HP, "never use real forecast cumulative"
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, scen, len(r))
    return float(r[CAP].iloc[0])


def series(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def ranking(data, year, typ="Annual", conn="Total", scen=None, countries=None, n=5, desc=True):
    df = MK[data]
    d = df[(df.Year == year) & (df.Connection == conn) & (df.Type == typ)]
    if scen is None:
        d = d[d.Scenario == HP]
        d = d[[year <= last_hist(data, t) for t in d.Territory]]
    else:
        d = d[d.Scenario == scen]
    d = d[~d.Territory.isin(AGGREGATES)]
    if countries is not None:
        d = d[d.Territory.isin(countries)]
    assert not d.Territory.duplicated().any()
    d = d.sort_values(CAP, ascending=not desc)
    vals = list(d[CAP].head(n + 1))
    if len(vals) > n:
        assert vals[n - 1] != vals[n], "tie at cut-off"
    top = d.head(n)
    return list(top.Territory), [float(v) for v in top[CAP]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1) * 100.0


# ---------------------------------------------------------------- prices
def pseries(data, item, desc, region, unit=None):
    df = PR[data]
    d = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        d = d[d.unit == unit]
    assert len(d) > 0, (item, desc, region)
    assert d.unit.nunique() == 1, "mixed units"
    return d.sort_values("date")


def p_at(d, date):
    r = d[d.date == pd.Timestamp(date)]
    assert len(r) >= 1
    assert r.base_price.nunique() == 1, ("ambiguous observation", date)
    return float(r.base_price.iloc[0])


def p_latest(d):
    last = d.date.max()
    return p_at(d, last), last


def p_month(d, ym):
    per = d.date.dt.to_period("M")
    r = d[per == pd.Period(ym, "M")]
    assert len(r) == 1, ("need exactly one obs in month", ym, len(r))
    return float(r.base_price.iloc[0])


def p_last_in_month(d, ym):
    per = d.date.dt.to_period("M")
    r = d[per == pd.Period(ym, "M")]
    last = r.date.max()
    return p_at(d, last), last


def unit_of(d):
    return d.unit.iloc[0]


# ---------------------------------------------------------------- financials
def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ---------------------------------------------------------------- items
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
        "expect": expect or [],
        "names": names or [],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def MW(v):
    return {"value": v, "unit": "MW"}


def PC(v):
    return {"value": v, "unit": "%"}


def U(v, unit):
    return {"value": v, "unit": unit}


# ================================================================ REAL: market
D = "real"

# --- lookups
v = mv(D, "France", 2024, conn="Distributed")
add(D, "market", "We're detailing a rooftop array for an office block in Lyon and I want some market context. "
    "How much distributed PV did France add in 2024?", "lookup", [MW(v)],
    how="market CSV: France, 2024, Historical Primary, Distributed, Annual")

v = mv(D, "Germany", 2024, typ="Cumulative", conn="Distributed")
add(D, "market", "what's germany's installed base of rooftop (distributed) PV at the end of 2024, in GW?", "lookup",
    [MW(v)], how="market CSV: Germany, 2024, Historical Primary, Distributed, Cumulative")

v = mv(D, "Spain", 2023, conn="Centralised")
add(D, "market", "How much ground-mount PV — the centralised segment — went in across Spain in 2023?", "lookup",
    [MW(v)], how="market CSV: Spain, 2023, Historical Primary, Centralised, Annual")

v = mv(D, "Italy", 2027, conn="Distributed", scen=MP)
add(D, "market", "For a client deck on Italian commercial roofs: what's the most probable forecast for Italy's "
    "distributed additions in 2027?", "lookup", [MW(v)],
    how="market CSV: Italy, 2027, Forecast - Most probable, Distributed, Annual")

v = mv(D, "Switzerland", 2024, conn="Distributed")
add(D, "market", "Swiss rooftop market - how many MW of distributed PV were installed in Switzerland in 2024?",
    "lookup", [MW(v)], how="market CSV: Switzerland, 2024, Historical Primary, Distributed, Annual")

# --- rankings
names, vals = ranking(D, 2024, conn="Distributed", n=5)
add(D, "market", "Putting together a market-context slide for our rooftop practice. Which five countries added the most distributed (rooftop) PV in 2024?", "rank",
    [MW(x) for x in vals], names,
    how="market CSV: 2024 Historical Primary Distributed Annual, countries only (aggregates/RoW excluded), top 5")

names, vals = ranking(D, 2024, typ="Cumulative", conn="Distributed", n=3)
add(D, "market", "Top 3 countries by cumulative rooftop/distributed capacity at the end of 2024?", "rank",
    [MW(x) for x in vals], names,
    how="market CSV: 2024 Historical Primary Distributed Cumulative, countries only, top 3")

six = ["Germany", "Italy", "France", "Spain", "Poland", "Netherlands"]
sh = {c: mv(D, c, 2024, conn="Distributed") / mv(D, c, 2024) * 100 for c in six}
order = sorted(six, key=lambda c: -sh[c])
assert len(set(round(x, 6) for x in sh.values())) == 6
add(D, "market", "I'm comparing where commercial rooftop work is strongest. Rank Germany, Italy, France, Spain, "
    "Poland and the Netherlands by the distributed share of their 2024 additions, highest first.", "rank",
    [PC(sh[c]) for c in order], order,
    how="market CSV: 2024 HP Annual, Distributed/Total x100 per country, sorted descending")

names, vals = ranking(D, 2023, conn="Centralised", n=3)
add(D, "market", "Which 3 countries installed the most ground-mounted (centralised) capacity in 2023?", "rank",
    [MW(x) for x in vals], names, how="market CSV: 2023 HP Centralised Annual, countries only, top 3")

# --- shares
v = mv(D, "Italy", 2024, conn="Distributed") / mv(D, "Italy", 2024) * 100
add(D, "market", "Quick one for a Milan project brief: what share of Italy's 2024 additions was distributed?",
    "share", [PC(v)], how="market CSV: Italy 2024 HP Annual Distributed / Total x100")

v = mv(D, "Germany", 2024, conn="Distributed") / mv(D, "World", 2024, conn="Distributed") * 100
add(D, "market", "We do a lot of German logistics roofs. What's Germany's share of global distributed PV additions in 2024?", "share", [PC(v)],
    how="market CSV: 2024 HP Annual Distributed, Germany / World x100")

v = mv(D, "Spain", 2024, "Cumulative", "Distributed") / mv(D, "Spain", 2024, "Cumulative") * 100
add(D, "market", "Spain feels very ground-mount heavy. What percentage of Spain's cumulative PV fleet at end-2024 "
    "is distributed?", "share", [PC(v)], how="market CSV: Spain 2024 HP Cumulative Distributed / Total x100")

v = mv(D, "EU", 2024) / mv(D, "World", 2024) * 100
add(D, "market", "what share of the world's new PV capacity in 2024 was installed in the EU?", "share", [PC(v)],
    how="market CSV: 2024 HP Annual Total, EU / World x100")

# --- change
a, b = mv(D, "Italy", 2022, conn="Distributed"), mv(D, "Italy", 2024, conn="Distributed")
add(D, "market", "Our Italian pipeline has doubled. By how much, in %, did Italy's rooftop (distributed) additions grow from 2022 to 2024?", "change",
    [PC(pct(a, b))], how="market CSV: Italy HP Distributed Annual, (2024-2022)/2022 x100")

a, b = mv(D, "Germany", 2019, "Cumulative", "Distributed"), mv(D, "Germany", 2024, "Cumulative", "Distributed")
add(D, "market", "What was the CAGR of Germany's cumulative distributed capacity between 2019 and 2024?", "change",
    [PC(cagr(a, b, 5))], how="market CSV: Germany HP Distributed Cumulative, (2024/2019)^(1/5)-1")

a, b = mv(D, "France", 2023, conn="Distributed"), mv(D, "France", 2024, conn="Distributed")
add(D, "market", "Year on year, how did France's distributed additions change from 2023 to 2024 — in MW and in %?",
    "change", [MW(b - a), PC(pct(a, b))], how="market CSV: France HP Distributed Annual 2024 minus 2023, and % change")

a, b = mv(D, "Netherlands", 2023), mv(D, "Netherlands", 2024)
add(D, "market", "The Dutch market seems to be cooling. How much did annual installations in the Netherlands change "
    "between 2023 and 2024, in MW?", "change", [MW(b - a)],
    how="market CSV: Netherlands HP Total Annual 2024 minus 2023")

# --- compare
vals = [mv(D, c, 2024, conn="Distributed") for c in ["Germany", "Italy", "France"]]
add(D, "market", "Our three biggest markets are Germany, Italy and France. Compare their 2024 distributed additions please.", "compare",
    [MW(x) for x in vals], ["Germany", "Italy", "France"],
    how="market CSV: 2024 HP Distributed Annual for the three countries")

es, it_ = mv(D, "Spain", 2024, conn="Centralised"), mv(D, "Italy", 2024, conn="Centralised")
bigger = "Spain" if es > it_ else "Italy"
add(D, "market", "Spain vs Italy on ground-mount: which added more centralised PV in 2024, and by how many MW?",
    "compare", [MW(es), MW(it_), MW(abs(es - it_))], [bigger],
    how="market CSV: 2024 HP Centralised Annual, Spain and Italy, difference")

pl, nl = mv(D, "Poland", 2024, "Cumulative"), mv(D, "Netherlands", 2024, "Cumulative")
add(D, "market", "We have bids in Warsaw and Rotterdam. How do Poland and the Netherlands compare on total installed "
    "PV capacity at the end of 2024?", "compare", [MW(pl), MW(nl)], ["Poland", "Netherlands"],
    how="market CSV: 2024 HP Total Cumulative, Poland and Netherlands")

# --- extremes
def hist_years(data, terr, conn="Total", typ="Annual", y0=None, y1=None, scen=HP):
    df = MK[data]
    d = df[(df.Territory == terr) & (df.Scenario == scen) & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        d = d[d.Year >= y0]
    if y1 is not None:
        d = d[d.Year <= y1]
    assert not d.Year.duplicated().any()
    return d.set_index("Year")[CAP].astype(float).sort_index()


s = hist_years(D, "Germany", "Distributed")
assert (s == s.max()).sum() == 1
add(D, "market", "Looking at all the historical data up to 2024, in which year did Germany add the most rooftop "
    "(distributed) PV?", "extreme", [MW(float(s.max()))], [str(int(s.idxmax()))],
    how="market CSV: Germany HP Distributed Annual, argmax over all historical years")

s = hist_years(D, "Spain", "Centralised")
assert (s == s.max()).sum() == 1
add(D, "market", "What was Spain's record year for centralised (ground-mount) additions, up to 2024?", "extreme",
    [MW(float(s.max()))], [str(int(s.idxmax()))], how="market CSV: Spain HP Centralised Annual, argmax")

s = hist_years(D, "Italy", "Total", y0=2010, y1=2024)
assert (s == s.min()).sum() == 1
add(D, "market", "Between 2010 and 2024, which was Italy's weakest year for new PV installations?", "extreme",
    [MW(float(s.min()))], [str(int(s.idxmin()))], how="market CSV: Italy HP Total Annual 2010-2024, argmin")

# --- averages
s = series(D, "France", range(2020, 2025), conn="Distributed")
add(D, "market", "Benchmarking our French office. What were France's average annual distributed additions over 2020–2024?", "average",
    [MW(sum(s.values()) / len(s))], how="market CSV: France HP Distributed Annual 2020..2024 mean")

s = series(D, "Poland", range(2019, 2025))
add(D, "market", "On average, how much new PV did Poland install per year from 2019 to 2024?", "average",
    [MW(sum(s.values()) / len(s))], how="market CSV: Poland HP Total Annual 2019..2024 mean (6 years)")

s = series(D, "Austria", range(2022, 2025), conn="Distributed")
add(D, "market", "Doing a retrofit study in Vienna — what's Austria's average yearly rooftop (distributed) "
    "addition across 2022-2024?", "average", [MW(sum(s.values()) / len(s))],
    how="market CSV: Austria HP Distributed Annual 2022..2024 mean")

# --- sums
s = series(D, "Italy", range(2020, 2025), conn="Distributed")
add(D, "market", "For a talk on Italian rooftops since the Superbonus: how much distributed capacity did Italy add in total across 2020-2024 combined?", "sum",
    [MW(sum(s.values()))], how="market CSV: Italy HP Distributed Annual sum 2020..2024")

tot = sum(mv(D, c, 2024, conn="Distributed") for c in ["Germany", "France", "Italy"])
add(D, "market", "What were the combined 2024 rooftop/distributed additions of Germany, France and Italy?", "sum",
    [MW(tot)], how="market CSV: 2024 HP Distributed Annual, sum of Germany+France+Italy")

s = series(D, "Spain", range(2019, 2025), conn="Centralised")
add(D, "market", "Sum of Spain's ground-mount (centralised) additions from 2019 through 2024?", "sum",
    [MW(sum(s.values()))], how="market CSV: Spain HP Centralised Annual sum 2019..2024")

# --- first / latest
ly = last_hist(D, "Türkiye")
v = mv(D, "Türkiye", ly)
add(D, "market", "What's the most recent year of actual (historical) data you have for Türkiye, and how much PV "
    "did it add that year?", "first_latest", [MW(v)], [str(ly)],
    how="market CSV: Türkiye last Historical Primary year, Total Annual")

s = hist_years(D, "Poland", "Total")
fy = int(s.index.min())
add(D, "market", "When does your annual data for Poland start, and how much was installed in that first year?",
    "first_latest", [MW(float(s.loc[fy]))], [str(fy)],
    how="market CSV: Poland HP Total Annual, earliest year and its value")

s = hist_years(D, "Spain", "Distributed")
over = s[s > 1000]
fy = int(over.index.min())
add(D, "market", "Spanish clients keep asking about autoconsumo on warehouse roofs. In which year did Spain's distributed additions first top 1,000 MW?", "first_latest",
    [MW(float(s.loc[fy]))], [str(fy)], how="market CSV: Spain HP Distributed Annual, first year > 1000 MW")

# --- follow-up chains (real market)
v = mv(D, "Italy", 2023, conn="Distributed")
add(D, "market", ["How much rooftop PV (the distributed segment) did Germany add in 2023?", "and Italy?"],
    "follow_up", [MW(v)], how="market CSV: Italy 2023 HP Distributed Annual")

v = mv(D, "France", 2026, scen=HIGH)
add(D, "market", ["What's the most probable forecast for France's annual PV additions in 2026?",
                  "same for the high scenario"], "follow_up", [MW(v)],
    how="market CSV: France 2026 Forecast - High Total Annual")

v = mv(D, "Spain", 2021, conn="Distributed") / mv(D, "Spain", 2021) * 100
add(D, "market", ["What share of Spain's 2024 additions was distributed?", "what about 2021?"], "follow_up",
    [PC(v)], how="market CSV: Spain 2021 HP Annual Distributed / Total x100")

names, vals = ranking(D, 2024, conn="Centralised", n=5)
add(D, "market", ["Top 5 countries by distributed additions in 2024?",
                  "ok and the same for ground-mount, i.e. centralised?"], "follow_up",
    [MW(x) for x in vals], names, how="market CSV: 2024 HP Centralised Annual, countries only, top 5")

s = series(D, "Poland", range(2020, 2025), conn="Distributed")
add(D, "market", ["How much distributed PV did Poland add each year from 2020 to 2024?",
                  "show that over time as a chart"], "follow_up", [MW(x) for x in s.values()],
    how="market CSV: Poland HP Distributed Annual 2020..2024 (chart of the five values)")

v = mv(D, "Belgium", 2024, "Cumulative")
add(D, "market", ["What's the Netherlands' total installed PV base at the end of 2024?", "And Belgium?"],
    "follow_up", [MW(v)], how="market CSV: Belgium 2024 HP Total Cumulative")

a, b = mv(D, "Austria", 2023, conn="Distributed"), mv(D, "Austria", 2024, conn="Distributed")
add(D, "market", ["Austrian rooftops: how much distributed PV was added in 2024?", "and the year before?",
                  "so what's the % change between the two?"], "follow_up", [PC(pct(a, b))],
    how="market CSV: Austria HP Distributed Annual, (2024-2023)/2023 x100")

# ================================================================ REAL: prices
d = pseries(D, "Module", "n-type TOPCon", "EU")
v, dt = p_latest(d)
add(D, "price", "Specifying panels for a Hamburg warehouse roof. What's the latest TOPCon module price in the EU?",
    "price", [U(v, unit_of(d))], how=f"prices parquet: Module / n-type TOPCon / EU, latest date {dt.date()}")

vals, regs = [], ["China", "EU", "US"]
for r in regs:
    d = pseries(D, "Module", "n-type TOPCon", r)
    v, dt = p_latest(d)
    vals.append(U(v, unit_of(d)))
add(D, "price", "Compare the latest n-type TOPCon module prices in China, the EU and the US.", "price", vals, regs,
    how="prices parquet: Module / n-type TOPCon, latest observation of each of China, EU, US series")

dh = pseries(D, "Module", "n-type HJT", "EU")
dtp = pseries(D, "Module", "n-type TOPCon", "EU")
vh, dth = p_latest(dh)
vt, dtt = p_latest(dtp)
add(D, "price", "For a BIPV canopy we're weighing heterojunction against TOPCon. Latest HJT vs TOPCon module price "
    "in Europe?", "price", [U(vh, unit_of(dh)), U(vt, unit_of(dtp))],
    how=f"prices parquet: Module n-type HJT EU latest ({dth.date()}) and n-type TOPCon EU latest ({dtt.date()})")

d = pseries(D, "PV glass", "Glass 3,2mm", "China")
v, dt = p_latest(d)
add(D, "price", "We're costing a glazed canopy with PV laminates. what's the latest price for 3.2mm PV glass?", "price", [U(v, unit_of(d))],
    how=f"prices parquet: PV glass / Glass 3,2mm / China, latest date {dt.date()} (single observation)")

d = pseries(D, "PV glass", "Glass 2mm", "China")
add(D, "price", "Thinking about glass-glass modules for a façade. Over the whole series you hold, what were the "
    "highest and lowest prices for 2 mm PV glass?", "price",
    [U(float(d.base_price.max()), unit_of(d)), U(float(d.base_price.min()), unit_of(d))],
    how="prices parquet: PV glass / Glass 2mm / China, max and min of base_price over all observations")

d = pseries(D, "Module", "n-type TOPCon", "China")
assert not d.date.duplicated().any()
a, da = p_last_in_month(d, "2024-03")
b, db = p_latest(d)
add(D, "price", "How much has the Chinese TOPCon module price moved between the end of March 2024 and the latest "
    "reading, in %?", "price", [PC(pct(a, b))],
    how=f"prices parquet: Module n-type TOPCon China, last obs in Mar-2024 ({da.date()}) vs latest ({db.date()})")

d = pseries(D, "Aluminium", "Aluminium", "Overseas")
v = p_month(d, "2024-03")
add(D, "price", "Frames and mounting rails are a big cost item for us — what was the aluminium price in March 2024?",
    "price", [U(v, unit_of(d))], how="prices parquet: Aluminium monthly series, observation dated 2024-03")

d = pseries(D, "Module", "CdTe", "Overseas")
v, dt = p_latest(d)
add(D, "price", "Thin-film is popular for some façade products. Latest CdTe module price?", "price",
    [U(v, unit_of(d))], how=f"prices parquet: Module / CdTe / Overseas, latest date {dt.date()}")

d = pseries(D, "Module", "n-type TOPCon", "EU")
d24 = d[d.date.dt.year == 2024]
assert not d24.date.duplicated().any()
add(D, "price", "Our 2024 tenders assumed European TOPCon pricing. What was the average EU TOPCon module price across 2024?", "price",
    [U(float(d24.base_price.mean()), unit_of(d))],
    how=f"prices parquet: Module n-type TOPCon EU, mean of the {len(d24)} weekly observations dated 2024")

lat = {}
for r in ["China", "EU", "US"]:
    d = pseries(D, "Module", "p-type mono-Si PERC M10", r)
    lat[r] = p_latest(d)[0]
cheap = min(lat, key=lat.get)
assert list(lat.values()).count(lat[cheap]) == 1
add(D, "price", "Which is cheapest right now for p-type PERC M10 modules: China, the EU or the US?", "price",
    [U(lat[cheap], "US$/Wp")], [cheap],
    how="prices parquet: Module p-type mono-Si PERC M10, latest obs per region China/EU/US, minimum")

# price follow-up (real)
d = pseries(D, "Module", "n-type TOPCon", "EU")
v, dt = p_latest(d)
add(D, "price", ["What's the latest price of TOPCon modules in the US?", "and in the EU?"], "follow_up",
    [U(v, unit_of(d))], how=f"prices parquet: Module n-type TOPCon EU latest ({dt.date()})")

# ================================================================ SAMPLE: market
D = "sample"

v = mv(D, "Netherlands", 2021, conn="Distributed")
add(D, "market", "Working on a school roof in Utrecht. How many MW of rooftop (distributed) PV did the Netherlands install in 2021?", "lookup", [MW(v)],
    how="sample market: Netherlands 2021 HP Distributed Annual")

v = mv(D, "Poland", 2028, "Cumulative", scen=LOW)
add(D, "market", "Conservative case for a Kraków client: Poland's total cumulative PV capacity at end-2028 under "
    "the low scenario?", "lookup", [MW(v)], how="sample market: Poland 2028 Forecast - Low Total Cumulative")

names, vals = ranking(D, 2023, conn="Distributed", countries=six, n=6)
add(D, "market", "Rank Germany, Spain, Italy, France, Poland and the Netherlands by rooftop/distributed additions "
    "in 2023.", "rank", [MW(x) for x in vals], names,
    how="sample market: 2023 HP Distributed Annual, six countries sorted descending")

names, vals = ranking(D, 2030, conn="Distributed", scen=MP, countries=six, n=3)
add(D, "market", "Looking ahead: of Germany, Spain, Italy, France, Poland and the Netherlands, which three are "
    "forecast (most probable) to add the most distributed PV in 2030?", "rank", [MW(x) for x in vals], names,
    how="sample market: 2030 Forecast - Most probable Distributed Annual, six countries, top 3")

v = mv(D, "France", 2024, conn="Centralised") / mv(D, "France", 2024) * 100
add(D, "market", "What share of France's 2024 additions were ground-mounted (centralised)?", "share", [PC(v)],
    how="sample market: France 2024 HP Annual Centralised / Total x100")

v = mv(D, "Poland", 2024, "Cumulative") / mv(D, "World", 2024, "Cumulative") * 100
add(D, "market", "Poland is a new market for us. What's its share of the world's cumulative PV capacity at end of 2024?", "share", [PC(v)],
    how="sample market: 2024 HP Total Cumulative, Poland / World x100")

a, b = mv(D, "Spain", 2015, conn="Distributed"), mv(D, "Spain", 2024, conn="Distributed")
add(D, "market", "Spanish self-consumption has taken off — what's the CAGR of Spain's distributed additions from "
    "2015 to 2024?", "change", [PC(cagr(a, b, 9))],
    how="sample market: Spain HP Distributed Annual, (2024/2015)^(1/9)-1")

a, b = mv(D, "Germany", 2024), mv(D, "Germany", 2030)
add(D, "market", "How much are Germany's annual additions expected to change between 2024 and 2030 (most probable), "
    "in %?", "change", [PC(pct(a, b))],
    how="sample market: Germany Total Annual 2024 HP vs 2030 Forecast - Most probable, % change")

r_, c_ = mv(D, "Germany", 2023, conn="Distributed"), mv(D, "Germany", 2023, conn="Centralised")
add(D, "market", "In Germany in 2023, how did rooftop (distributed) additions compare with ground-mount "
    "(centralised)?", "compare", [MW(r_), MW(c_)], ["distributed"],
    how="sample market: Germany 2023 HP Annual Distributed and Centralised")

it_, es = mv(D, "Italy", 2024, "Cumulative", "Distributed"), mv(D, "Spain", 2024, "Cumulative", "Distributed")
add(D, "market", "italy vs spain - cumulative distributed capacity at end of 2024?", "compare", [MW(it_), MW(es)],
    ["Italy", "Spain"], how="sample market: 2024 HP Distributed Cumulative, Italy and Spain")

s = hist_years(D, "Netherlands", "Distributed", y0=2015, y1=2024)
assert (s == s.min()).sum() == 1
add(D, "market", "Dutch rooftops have been a staple for us since 2015. Between 2015 and 2024, which year saw the lowest "
    "rooftop (distributed) additions in the Netherlands?", "extreme", [MW(float(s.min()))], [str(int(s.idxmin()))],
    how="sample market: Netherlands HP Distributed Annual 2015-2024, argmin")

s = hist_years(D, "World", "Distributed", y0=2025, y1=2030, scen=MP)
assert (s == s.max()).sum() == 1
add(D, "market", "In the most probable forecast for 2025–2030, which year is the peak for global distributed "
    "additions?", "extreme", [MW(float(s.max()))], [str(int(s.idxmax()))],
    how="sample market: World Forecast - Most probable Distributed Annual 2025-2030, argmax")

s = series(D, "Italy", range(2025, 2031), conn="Distributed", scen=MP)
add(D, "market", "What's the average annual distributed addition forecast for Italy over 2025–2030 (most probable)?",
    "average", [MW(sum(s.values()) / len(s))],
    how="sample market: Italy Forecast - Most probable Distributed Annual 2025..2030 mean")

s = series(D, "Spain", range(2020, 2025), conn="Centralised")
add(D, "market", "We rarely do ground-mount but a client in Andalusia asked. Average yearly ground-mount (centralised) additions in Spain over 2020-2024?", "average",
    [MW(sum(s.values()) / len(s))], how="sample market: Spain HP Centralised Annual 2020..2024 mean")

s = series(D, "Germany", range(2025, 2031), conn="Distributed", scen=HIGH)
add(D, "market", "Under the high scenario, how much rooftop/distributed capacity will Germany add in total over "
    "2025–2030?", "sum", [MW(sum(s.values()))],
    how="sample market: Germany Forecast - High Distributed Annual sum 2025..2030")

tot = mv(D, "Spain", 2024) + mv(D, "Italy", 2024)
add(D, "market", "We work mostly in Southern Europe. What were Spain's and Italy's combined PV additions in 2024?",
    "sum", [MW(tot)], how="sample market: 2024 HP Total Annual Spain + Italy")

ly = last_hist(D, "Germany")
v = mv(D, "Germany", ly, "Cumulative")
add(D, "market", "What's the latest historical year you have for Germany, and what was its cumulative installed "
    "capacity then?", "first_latest", [MW(v)], [str(ly)],
    how="sample market: Germany last HP year, Total Cumulative")

s = hist_years(D, "Poland", "Distributed")
fy = int(s[s > 1000].index.min())
add(D, "market", "When did Poland's annual rooftop additions first pass 1,000 MW?", "first_latest",
    [MW(float(s.loc[fy]))], [str(fy)], how="sample market: Poland HP Distributed Annual, first year > 1000 MW")

# sample follow-ups
v = mv(D, "Italy", 2030, "Cumulative", "Distributed", scen=MP)
add(D, "market", ["What's Italy's cumulative distributed capacity at the end of 2024?",
                  "and in 2030 under the most probable scenario?"], "follow_up", [MW(v)],
    how="sample market: Italy 2030 Forecast - Most probable Distributed Cumulative")

g = pct(mv(D, "Germany", 2023, conn="Distributed"), mv(D, "Germany", 2024, conn="Distributed"))
f = pct(mv(D, "France", 2023, conn="Distributed"), mv(D, "France", 2024, conn="Distributed"))
add(D, "market", ["How much rooftop PV did Germany add in 2024?", "and France?",
                  "which of the two grew faster compared with 2023?"], "follow_up", [PC(g), PC(f)],
    ["France" if f > g else "Germany"],
    how="sample market: HP Distributed Annual 2023->2024 % change for Germany and France")

v = mv(D, "Germany", 2024, conn="Distributed") / mv(D, "World", 2024, conn="Distributed") * 100
add(D, "market", ["What were global distributed PV additions in 2024?", "what share of that was Germany?"],
    "follow_up", [PC(v)], how="sample market: 2024 HP Distributed Annual Germany / World x100")

v = mv(D, "Spain", 2026, conn="Distributed", scen=LOW)
add(D, "market", ["Spain's most probable forecast for distributed additions in 2026?", "and the low case?"],
    "follow_up", [MW(v)], how="sample market: Spain 2026 Forecast - Low Distributed Annual")

# ================================================================ SAMPLE: prices
d = pseries(D, "Module", "n-type TOPCon", "EU")
v, dt = p_latest(d)
add(D, "price", "whats the lastest TOPCon module price in the EU?", "price", [U(v, unit_of(d))],
    how=f"sample prices: Module n-type TOPCon EU, latest ({dt.date()})")

d = pseries(D, "Module", "n-type HJT", "India")
v = p_month(d, "2024-03")
add(D, "price", "A partner office in Pune asked me — what was the HJT module price in India in March 2024?",
    "price", [U(v, unit_of(d))], how="sample prices: Module n-type HJT India, 2024-03 observation")

vals = []
for desc in ["n-type TOPCon", "n-type HJT", "p-type mono-Si PERC M10"]:
    d = pseries(D, "Module", desc, "EU")
    vals.append(U(p_latest(d)[0], unit_of(d)))
add(D, "price", "For our spec sheet: compare the latest EU module prices for TOPCon, HJT and PERC M10.", "price",
    vals, how="sample prices: Module EU latest for n-type TOPCon, n-type HJT, p-type mono-Si PERC M10")

d = pseries(D, "PV glass", "Glass 3,2mm", "EU")
add(D, "price", "Glass is a big chunk of our BIPV cost. What's the lowest and highest 3.2mm PV glass price in the EU over the whole series?", "price",
    [U(float(d.base_price.min()), unit_of(d)), U(float(d.base_price.max()), unit_of(d))],
    how="sample prices: PV glass Glass 3,2mm EU, min and max over all months")

d = pseries(D, "Module", "n-type TOPCon", "China")
a, b = p_month(d, "2024-01"), p_month(d, "2024-12")
add(D, "price", "Module costs fell a lot during our last project. By what % did the Chinese TOPCon module price change from January to December 2024?", "price",
    [PC(pct(a, b))], how="sample prices: Module n-type TOPCon China, 2024-12 vs 2024-01 % change")

lat = {}
for r in ["China", "EU", "India", "US"]:
    lat[r] = p_latest(pseries(D, "Module", "n-type HJT", r))[0]
cheap = min(lat, key=lat.get)
assert list(lat.values()).count(lat[cheap]) == 1
add(D, "price", "Designing a carport with HJT bifacial panels. Which region has the cheapest HJT modules at the latest date?", "price",
    [U(lat[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type HJT, latest per region, minimum")

d = pseries(D, "Module", "p-type mono-Si PERC M10", "EU")
d24 = d[d.date.dt.year == 2024]
add(D, "price", "averge 2024 price of PERC M10 modules in Europe?", "price",
    [U(float(d24.base_price.mean()), unit_of(d))], how="sample prices: Module PERC M10 EU, mean of 12 months of 2024")

de, dc = pseries(D, "PV glass", "Glass 3,2mm", "EU"), pseries(D, "PV glass", "Glass 3,2mm", "China")
ve, vc = p_latest(de)[0], p_latest(dc)[0]
add(D, "price", "How does the latest 3.2 mm PV glass price in the EU compare with China's — and what's the ratio?",
    "price", [U(ve, unit_of(de)), U(vc, unit_of(dc)), U(ve / vc, "x")],
    how="sample prices: PV glass 3,2mm latest, EU and China, ratio EU/China")

# sample price follow-up
d = pseries(D, "Module", "n-type HJT", "China")
v = p_month(d, "2023-12")
add(D, "price", ["HJT module price in China in December 2024?", "how about a year earlier?"], "follow_up",
    [U(v, unit_of(d))], how="sample prices: Module n-type HJT China, 2023-12 observation")

# ================================================================ FINANCIALS (sample file, on both instances)
v, u = fin(NOR, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "We sometimes specify Nordlicht Solar for German projects. What was their "
    "revenue in FY2024?", "financial", [U(v, u)], how="financials: Nordlicht Solar AG FY2024 Revenue")

v, u = fin(HEL, "2024-Q3", "Gross margin")
add("real", "manufacturer_financial", "A rep from Helios Modules says they're healthy. Their gross margin in 2024-Q3?", "financial", [U(v, u)],
    how="financials: Helios Modules Ltd 2024-Q3 Gross margin")

v, u = fin(SUN, "FY2023", "Module shipments")
add("sample", "manufacturer_financial", "Our facade supplier sources from SunForge Energy. How many GW of modules did they ship in FY2023?", "financial",
    [U(v, u)], how="financials: SunForge Energy FY2023 Module shipments")

rev = {c: fin(c, "FY2024", "Revenue")[0] for c in [HEL, SUN, AUR, NOR]}
order = sorted(rev, key=lambda c: -rev[c])
short = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}
add("real", "manufacturer_financial", "Rank Helios Modules, SunForge Energy, Aurora PV Group and Nordlicht Solar by "
    "FY2024 revenue.", "financial", [U(rev[c], "USD million") for c in order], [short[c] for c in order],
    how="financials: FY2024 Revenue for the four companies, sorted descending")

a, _ = fin(AUR, "FY2023", "Net income")
b, _ = fin(AUR, "FY2024", "Net income")
add("sample", "manufacturer_financial", "How much did Aurora PV Group's net income change from FY2023 to FY2024, "
    "in %?", "financial", [PC(pct(a, b))], how="financials: Aurora PV Group Net income FY2023->FY2024 % change")

qs = {q: fin(HEL, q, "Gross margin")[0] for q in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
best = max(qs, key=qs.get)
assert list(qs.values()).count(qs[best]) == 1
add("real", "manufacturer_financial", "Still looking at Helios Modules as a supplier. Which quarter of 2024 had their best gross margin?", "financial",
    [PC(qs[best])], [best.split("-")[1]], how="financials: Helios 2024-Q1..Q4 Gross margin, argmax")

v, u = fin(NOR, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "What production capacity did Nordlicht Solar report for 2024-Q4?",
    "financial", [U(v, u)], how="financials: Nordlicht Solar AG 2024-Q4 Production capacity")

gm = [fin(SUN, q, "Gross margin")[0] for q in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
add("real", "manufacturer_financial", "What was SunForge Energy's average quarterly gross margin across the four "
    "quarters of 2024?", "financial", [PC(sum(gm) / 4)], how="financials: SunForge 2024-Q1..Q4 Gross margin mean")

h, _ = fin(HEL, "FY2024", "Gross margin")
n, _ = fin(NOR, "FY2024", "Gross margin")
add("sample", "manufacturer_financial", "Compare the FY2024 gross margins of Helios Modules and Nordlicht Solar.",
    "financial", [PC(h), PC(n)], ["Helios", "Nordlicht"], how="financials: FY2024 Gross margin, Helios and Nordlicht")

ni, _ = fin(HEL, "FY2024", "Net income")
rv, _ = fin(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "What net margin (net income as a % of revenue) did Helios Modules make in "
    "FY2024?", "financial", [PC(ni / rv * 100)], how="financials: Helios FY2024 Net income / Revenue x100")

v, u = fin(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["What was Helios Modules' revenue in FY2023?", "and FY2024?"],
    "follow_up", [U(v, u)], how="financials: Helios Modules FY2024 Revenue")

v, u = fin(SUN, "2024-Q1", "Module shipments")
add("real", "manufacturer_financial", ["Module shipments for Nordlicht Solar in 2024-Q1?", "and for SunForge?"],
    "follow_up", [U(v, u)], how="financials: SunForge Energy 2024-Q1 Module shipments")

# ================================================================ UNANSWERABLE
def na(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", [], [], how, answerable=False, why=why)


na("sample", "market", "What's the LCOE for a 500 kWp commercial rooftop system in Munich?",
   "LCOE is not held; the market data only has capacity in MW")
na("sample", "market", "How many GWh did Italy's distributed PV generate in 2023?",
   "generation (GWh) is not held; only installed capacity in MW")
na("real", "market", "We do a lot of BIPV. How much façade-integrated / BIPV capacity was installed in France in "
   "2023?", "the data has no BIPV or façade segment; only centralised / distributed / off-grid")
na("sample", "market", "For a hotel in Tyrol we're also looking at solar thermal — how much solar thermal collector "
   "capacity did Austria add in 2023?", "solar thermal is another technology; the data covers PV only")
na("real", "market", "How much battery storage was installed alongside rooftop PV in Germany in 2024?",
   "storage is not held; only PV capacity")
na("sample", "market", "How much wind did Spain add in 2023 compared with solar?",
   "wind is not in the data; PV only")
na("sample", "market", "What's the current feed-in tariff for commercial rooftops in France?",
   "tariffs / support schemes are not held")
na("real", "price", "What do BIPV glass-glass façade modules cost per m² at the moment?",
   "no BIPV module price item; module prices are per Wp by cell technology, glass is bare PV glass")
na("real", "price", "Cost plan for a retail park roof. Latest price of string inverters in Europe?", "inverters are not among the price items")
na("real", "price", "What's the TOPCon module price in Japan?", "Japan is not a price region in the data")
na("real", "price", "Is there a European price for 3.2mm PV glass? I only need the EU figure.",
   "PV glass prices in the real data are for China only; no EU glass series")
na("real", "price", "For the façade yield calc I need a number: what's the average conversion efficiency of TOPCon modules today?",
   "efficiency is not held; only prices")
na("sample", "market", "How many people work in rooftop PV installation in Italy?", "jobs are not held")
na("real", "market", "A developer client wants a headline number. What was Germany's rooftop PV market worth in euros in 2024?",
   "market value in EUR is not held; only capacity in MW")
na("real", "market", "What will Italy's cumulative distributed capacity be at the end of 2030 in the most probable "
   "scenario?", "forecast cumulative values in the real CSV exclude the installed base (running sums of forecast "
   "additions from 2025), so no valid forecast installed-base figure is held")
na("real", "market", "Most of our German work is around Munich. How much rooftop PV was added in Bavaria in 2024?",
   "sub-national regions (Bavaria) are not in the data; countries and aggregates only")
na("real", "market", "We have a small job in Vaduz — how much PV did Liechtenstein add in 2024?",
   "Liechtenstein is not a territory in the data")
na("real", "market", "How much distributed PV did Germany install in 1985?",
   "year outside the data; the series starts in 1992")
na("real", "market", "What's the 2035 forecast for French rooftop additions?",
   "forecasts end in 2030")
na("real", "manufacturer_financial", "What was LONGi's revenue in FY2024?",
   "LONGi is not in the financials (only the four sample companies)")
na("sample", "manufacturer_financial", "What was Helios Modules' EBITDA in 2024?",
   "EBITDA is not a metric in the financials")
na("real", "price", "Roughly what share of a TOPCon module's price is the glass?",
   "a share of a price cannot be derived: glass is priced per m², modules per Wp, and no cost breakdown is held")
na("real", "market", "In the Netherlands in 2024, how did commercial rooftops compare with residential rooftops?",
   "distributed is not split into commercial and residential")
na("real", "price", "What's the installed cost per kWp for a commercial rooftop system in Spain, in EUR?",
   "system / installed prices are not held; only component prices in US$")
na("sample", "market", "How much rooftop PV did Belgium add in 2023?",
   "Belgium is not in the sample market data (only Italy, Germany, Spain, France, Netherlands, Poland, World)")
na("sample", "price", "What's the latest TOPCon module price in Australia?",
   "Australia is not a region in the sample prices (China, EU, India, US)")
na("sample", "price", "What was the EU TOPCon module price in March 2025?",
   "the sample price series end in December 2024")
na("sample", "market", "How much PV did Italy install in 2012?",
   "the sample market data start in 2015")
na("sample", "manufacturer_financial", "How many employees does Nordlicht Solar have, and what's their order "
   "backlog?", "headcount and order backlog are not metrics in the financials")
na("sample", "price", "What's the current price of a façade mounting system per m²?",
   "mounting systems are not a price item")

# ================================================================ self-check & write
ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chains >= 12, n_chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert isinstance(e["value"], float) and e["value"] == e["value"], it["id"]
            assert e["unit"] and "#N/A" not in e["unit"], it["id"]
    else:
        assert not it["expect"] and it.get("why"), it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
    assert it["data"] in {"real", "sample"}

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

print("items:", len(ITEMS), "unanswerable:", n_un, "follow-up chains:", n_chains)
print("by kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print(pd.crosstab(pd.Series([i["kind"] for i in ITEMS], name="kind"),
                  pd.Series([i["data"] for i in ITEMS], name="data")).to_string())
