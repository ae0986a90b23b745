#!/usr/bin/env python3
"""Writer `nonnative`: desk officer at a national energy agency (non-native English).

Reads the data files with pandas, computes every expected figure and writes
questions.jsonl next to this script. No expected number is typed by hand.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "nonnative"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "mp": "Forecast - Most probable",
        "low": "Forecast - Low", "hist": "Historical Primary"}


def load_market(path):
    df = pd.read_csv(path)
    # exact duplicates (and same-key rows with identical capacity) counted once
    df = df.drop_duplicates(subset=KEY + ["Capacity(MW)"])
    return df


M = {"real": load_market(REAL_MARKET), "sample": load_market(SAMPLE_MARKET)}


def last_hist(data, terr):
    d = M[data]
    return int(d[(d.Territory == terr) & (d.Scenario == SCEN["hist"])].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist(data, terr) else SCEN["mp"]


def val(data, terr, year, typ="Annual", conn="Total", scen=None):
    d = M[data]
    s = scen_for(data, terr, year, scen)
    x = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
          & (d.Connection == conn) & (d.Type == typ)]["Capacity(MW)"].unique()
    assert len(x) == 1, (data, terr, year, typ, conn, s, x)
    return float(x[0])


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: val(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries(data):
    return sorted(set(M[data].Territory) - AGGREGATES)


def ranking(data, year, typ="Annual", conn="Total", scen=None, among=None):
    d = M[data]
    pool = among if among is not None else countries(data)
    rows = []
    for t in pool:
        s = scen_for(data, t, year, scen)
        x = d[(d.Territory == t) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]["Capacity(MW)"].unique()
        if len(x) == 1:
            rows.append((t, float(x[0])))
        assert len(x) <= 1
    rows.sort(key=lambda r: -r[1])
    return rows


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- prices
def load_prices(path):
    if path.endswith(".parquet"):
        p = pd.read_parquet(path)
    else:
        p = pd.read_csv(path)
    p["date"] = pd.to_datetime(p["date"])
    return p


P = {"real": load_prices(REAL_PRICES), "sample": load_prices(SAMPLE_PRICES)}


def pseries(data, item, desc, region, unit=None, start=None, end=None):
    p = P[data]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    if start is not None:
        s = s[s.date >= pd.Timestamp(start)]
    if end is not None:
        s = s[s.date <= pd.Timestamp(end)]
    # one value per date is required for an unambiguous question
    g = s.groupby("date").base_price.agg(["nunique", "first"])
    assert (g["nunique"] == 1).all(), (item, desc, region, "conflicting values on a date")
    out = g["first"].sort_index()
    assert len(out) > 0, (item, desc, region, start, end)
    return out, s.unit.iloc[0]


def latest(data, item, desc, region, unit=None):
    s, u = pseries(data, item, desc, region, unit)
    return float(s.iloc[-1]), s.index[-1], u


def in_month(data, item, desc, region, ym, unit=None):
    s, u = pseries(data, item, desc, region, unit)
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (item, desc, region, ym, len(x))
    return float(x.iloc[0]), u


# ---------------------------------------------------------------- financials
F = pd.read_csv(FINANCIALS)


def fin(company, period, metric):
    x = F[(F.company.str.startswith(company)) & (F.period == period) & (F.metric == metric)]
    assert len(x) == 1, (company, period, metric, len(x))
    return float(x.value.iloc[0]), x.unit.iloc[0], x.company.iloc[0]


# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        item["why"] = why
        assert not item["expect"]
    ITEMS.append(item)


def mw(v):
    return {"value": v, "unit": "MW"}


def pc(v):
    return {"value": v, "unit": "%"}


def ratio(v):
    return {"value": v, "unit": "x"}


R, S = "real", "sample"

# ============================== LOOKUP =====================================
add(R, "market", "lookup",
    "Good morning. In our ministry we prepare a note for the vice-minister about the prosumer "
    "segment. How many MW of distributed PV were installed in Poland in 2023 year?",
    [mw(val(R, "Poland", 2023, conn="Distributed"))],
    how="market CSV: Poland, 2023, Historical Primary, Distributed, Annual")

add(R, "market", "lookup",
    "Which is the actual installed base of PV in Italy, I mean the cumulative capacity at the end of 2024?",
    [mw(val(R, "Italy", 2024, "Cumulative"))],
    how="market CSV: Italy, 2024, Historical Primary, Total, Cumulative")

add(R, "market", "lookup",
    "how much PV capacity Hungary has added in the 2022",
    [mw(val(R, "Hungary", 2022))],
    how="market CSV: Hungary, 2022, Historical Primary, Total, Annual")

add(R, "market", "lookup",
    "For the comparison with our neighbours we need the new PV installations of Czech Republic "
    "in 2024, in MW please.",
    [mw(val(R, "Czech Republic", 2024))],
    how="market CSV: Czech Republic, 2024, Historical Primary, Total, Annual")

add(R, "market", "lookup",
    "Question about forecast. In the most probable scenario, how many MW of PV will Romania "
    "install in 2026 year?",
    [mw(val(R, "Romania", 2026, scen="mp"))],
    how="market CSV: Romania, 2026, Forecast - Most probable, Total, Annual")

add(S, "market", "lookup",
    "Please, the cumulated PV capacity of Netherlands in end of 2020.",
    [mw(val(S, "Netherlands", 2020, "Cumulative"))],
    how="sample market: Netherlands, 2020, Historical Primary, Total, Cumulative")

add(S, "market", "lookup",
    "Spain centralised installations in 2024, how many GW it was?",
    [mw(val(S, "Spain", 2024, conn="Centralised"))],
    how="sample market: Spain, 2024, Historical Primary, Centralised, Annual")

# ============================== RANK =======================================
r = ranking(R, 2024)[:5]
add(R, "market", "rank",
    "Please give me the top 5 countries for new PV installations in 2024 (countries only, not the regions).",
    [mw(v) for _, v in r], [t for t, _ in r],
    how="market CSV: countries (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

r = ranking(R, 2024, "Cumulative")[:3]
add(R, "market", "rank",
    "We are writing the chapter about global context. Which 3 countries had the biggest "
    "cumulative PV capacity at end of 2024?",
    [mw(v) for _, v in r], [t for t, _ in r],
    how="market CSV: countries, 2024, Historical Primary, Total, Cumulative, top 3")

pool = ["Poland", "Germany", "Italy", "Spain", "France", "Netherlands"]
r = ranking(R, 2024, among=pool)
add(R, "market", "rank",
    "In the ministry note we wrote that Poland is in the middle of the big EU markets. Please rank "
    "these countries by the PV they installed in 2024, from biggest to smallest: "
    "Poland, Germany, Italy, Spain, France, Netherlands.",
    [mw(v) for _, v in r], [t for t, _ in r],
    how="market CSV: the 6 named countries, 2024, Historical Primary, Total, Annual, sorted desc")

r = ranking(R, 2023, conn="Distributed")[:3]
add(R, "market", "rank",
    "Which are the three countries with the most distributed PV added in 2023? Only the "
    "distributed segment, countries not regions.",
    [mw(v) for _, v in r], [t for t, _ in r],
    how="market CSV: countries, 2023, Historical Primary, Distributed, Annual, top 3")

r = ranking(S, 2024, "Cumulative")
r = [x for x in r if x[0] != "World"]
add(S, "market", "rank",
    "Rank the countries you have by the cumulative capacity at end of 2024, from the largest to the smallest.",
    [mw(v) for _, v in r], [t for t, _ in r],
    how="sample market: 6 countries (World excluded), 2024, Historical Primary, Total, Cumulative, sorted desc")

r = [x for x in ranking(S, 2024, conn="Centralised") if x[0] != "World"][:1]
add(S, "market", "rank",
    "Which country eventually had the biggest centralised (utility-scale) additions in 2024? "
    "I mean the largest one of the countries in your data.",
    [mw(r[0][1])], [r[0][0]],
    how="sample market: countries, 2024, Historical Primary, Centralised, Annual, top 1")

# ============================== SHARE ======================================
add(R, "market", "share",
    "What was the share of China in the world PV additions of 2024?",
    [pc(val(R, "China", 2024) / val(R, "World", 2024) * 100)],
    ["China"],
    how="market CSV: China / World, 2024, Historical Primary, Total, Annual, x100")

add(R, "market", "share",
    "In the presentation of our minister the German fleet is \"around 100 GW\". Which is Germany's "
    "share in the global cumulative PV capacity at end of 2024, in % please?",
    [pc(val(R, "Germany", 2024, "Cumulative") / val(R, "World", 2024, "Cumulative") * 100)],
    how="market CSV: Germany / World, 2024, Historical Primary, Total, Cumulative, x100")

add(R, "market", "share",
    "In Spain, how big part of the new capacity of 2024 was distributed (self-consumption)? In percent.",
    [pc(val(R, "Spain", 2024, conn="Distributed") / val(R, "Spain", 2024) * 100)],
    how="market CSV: Spain 2024 Annual, Distributed / Total, x100")

add(R, "market", "share",
    "USA share of world annual PV market in 2023 year?",
    [pc(val(R, "USA", 2023) / val(R, "World", 2023) * 100)],
    how="market CSV: USA / World, 2023, Historical Primary, Total, Annual, x100")

add(S, "market", "share",
    "Our minister likes to say Poland is important player. Which share of world installations "
    "in 2024 had Poland?",
    [pc(val(S, "Poland", 2024) / val(S, "World", 2024) * 100)],
    how="sample market: Poland / World, 2024, Historical Primary, Total, Annual, x100")

add(S, "market", "share",
    "What percentage of the Italian cumulative capacity at end of 2024 is centralised?",
    [pc(val(S, "Italy", 2024, "Cumulative", "Centralised") / val(S, "Italy", 2024, "Cumulative") * 100)],
    how="sample market: Italy 2024 Cumulative, Centralised / Total, x100")

# ============================== CHANGE =====================================
a, b = val(R, "India", 2023), val(R, "India", 2024)
add(R, "market", "change",
    "By how many percent grew the PV installations of India from 2023 to 2024?",
    [pc(pct(a, b))],
    how="market CSV: India Annual Total Historical, (2024-2023)/2023 x100")

a, b = val(R, "Poland", 2019, "Cumulative"), val(R, "Poland", 2024, "Cumulative")
add(R, "market", "change",
    "For our energy policy review: what is the CAGR of Poland cumulative PV capacity between 2019 and 2024?",
    [pc(cagr(a, b, 5))],
    how="market CSV: Poland Cumulative Total Historical, (2024/2019)^(1/5)-1")

a, b = val(R, "Netherlands", 2023), val(R, "Netherlands", 2024)
add(R, "market", "change",
    "Netherlands market seems going down. What is the absolute change in MW of the annual "
    "installations from 2023 to 2024?",
    [mw(b - a)],
    how="market CSV: Netherlands Annual Total Historical, 2024 minus 2023")

a, b = val(S, "Germany", 2022), val(S, "Germany", 2023)
add(S, "market", "change",
    "Germany: which was the year-on-year growth of annual additions in 2023 (compared with 2022)?",
    [pc(pct(a, b))],
    how="sample market: Germany Annual Total Historical, (2023-2022)/2022 x100")

a, b = val(S, "World", 2025, scen="mp"), val(S, "World", 2030, scen="mp")
add(S, "market", "change",
    "Please calculate the CAGR of the world annual installations from 2025 until 2030 in the "
    "most probable scenario.",
    [pc(cagr(a, b, 5))],
    how="sample market: World Annual Total Forecast - Most probable, (2030/2025)^(1/5)-1")

a, b = val(R, "Brazil", 2020, "Cumulative"), val(R, "Brazil", 2024, "Cumulative")
add(R, "market", "change",
    "How much did the cumulative PV of Brazil increase between 2020 and 2024, in MW and in %?",
    [mw(b - a), pc(pct(a, b))],
    how="market CSV: Brazil Cumulative Total Historical, 2024-2020 and (2024-2020)/2020 x100")

a, b = val(R, "Italy", 2025, scen="low"), val(R, "Italy", 2030, scen="low")
add(R, "market", "change",
    "In the low scenario, what is the % change of Italy's annual additions from 2025 to 2030?",
    [pc(pct(a, b))],
    how="market CSV: Italy Annual Total Forecast - Low, (2030-2025)/2025 x100")

# ============================== COMPARE ====================================
es, it = val(R, "Spain", 2024), val(R, "Italy", 2024)
add(R, "market", "compare",
    "Our colleagues of the South always say Italy is now faster than Spain. Compare please Spain and Italy for the new installations in 2024. Which one installed more "
    "and by how many MW?",
    [mw(es), mw(it), mw(abs(es - it))], ["Spain" if es > it else "Italy"],
    how="market CSV: Spain vs Italy 2024 Annual Total Historical, difference")

vals = {c: val(R, c, 2024, "Cumulative") for c in ["Germany", "France", "Poland"]}
add(R, "market", "compare",
    "Germany, France and Poland, the installed base at end of 2024, can you put them side by side?",
    [mw(v) for v in vals.values()], list(vals),
    how="market CSV: Germany/France/Poland 2024 Cumulative Total Historical")

nl, pl = val(S, "Netherlands", 2024), val(S, "Poland", 2024)
add(S, "market", "compare",
    "Netherlands vs Poland in 2024 annual installations, which was bigger?",
    [mw(nl), mw(pl)], ["Netherlands" if nl > pl else "Poland"],
    how="sample market: Netherlands vs Poland 2024 Annual Total Historical")

de, fr = val(S, "Germany", 2024, "Cumulative"), val(S, "France", 2024, "Cumulative")
add(S, "market", "compare",
    "How many times is the German cumulative capacity bigger than the French one, end of 2024?",
    [ratio(de / fr)],
    how="sample market: Germany / France 2024 Cumulative Total Historical")

br, mx = val(R, "Brazil", 2024), val(R, "Mexico", 2024)
add(R, "market", "compare",
    "We have delegation from Latin America next week. Brazilian market compared to the Mexican one "
    "in 2024 (annual additions): how many times bigger is Brazil?",
    [ratio(br / mx)],
    how="market CSV: Brazil / Mexico 2024 Annual Total Historical")

# ============================== EXTREME ====================================
s = series(R, "Spain", 2001, last_hist(R, "Spain"))
y = max(s, key=s.get)
add(R, "market", "extreme",
    "Which year was the record year for Spain's annual PV installations? I need the year and the MW.",
    [mw(s[y])], [str(y)],
    how="market CSV: Spain Annual Total Historical, max over all years")

s = series(R, "Italy", 2010, 2024)
y = min(s, key=s.get)
add(R, "market", "extreme",
    "Since 2010, what was the lowest yearly installation of Italy and in which year?",
    [mw(s[y])], [str(y)],
    how="market CSV: Italy Annual Total Historical 2010-2024, min")

d = M[R]
js = d[(d.Territory == "Japan") & (d.Scenario == SCEN["hist"]) & (d.Type == "Annual") & (d.Connection == "Total")]
jy = int(js.loc[js["Capacity(MW)"].idxmax(), "Year"])
add(R, "market", "extreme",
    "When had Japan its peak of yearly PV installations?",
    [mw(val(R, "Japan", jy))], [str(jy)],
    how="market CSV: Japan Annual Total Historical, year of max over all years")

cz = d[(d.Territory == "Czech Republic") & (d.Scenario == SCEN["hist"]) & (d.Type == "Annual") & (d.Connection == "Total")]
cy = int(cz.loc[cz["Capacity(MW)"].idxmax(), "Year"])
add(R, "market", "extreme",
    "Czech Republic: in which year was the highest annual PV addition of all the history in the data?",
    [mw(val(R, "Czech Republic", cy))], [str(cy)],
    how="market CSV: Czech Republic Annual Total Historical, year of max over all years")

s = series(S, "Spain", 2025, 2030, scen="mp")
y = min(s, key=s.get)
add(S, "market", "extreme",
    "In the most probable forecast, which year between 2025 and 2030 Spain will have the lowest annual addition?",
    [mw(s[y])], [str(y)],
    how="sample market: Spain Annual Total Forecast - Most probable 2025-2030, min")

# ============================== AVERAGE ====================================
s = series(R, "Poland", 2020, 2024)
add(R, "market", "average",
    "Our agency has internal target of 6,5 GW per year for the next decade. For reference, what is "
    "the average annual PV addition of Poland for the period 2020-2024?",
    [mw(sum(s.values()) / len(s))],
    how="market CSV: Poland Annual Total Historical, mean of 2020..2024")

s = series(R, "Greece", 2015, 2024)
add(R, "market", "average",
    "Average yearly installations of Greece over 2015–2024, please.",
    [mw(sum(s.values()) / len(s))],
    how="market CSV: Greece Annual Total Historical, mean of 2015..2024")

s = series(S, "France", 2025, 2030, scen="mp")
add(S, "market", "average",
    "The French plan is ambitious. In most probable scenario, what is the average of yearly "
    "additions of France in 2025-2030?",
    [mw(sum(s.values()) / len(s))],
    how="sample market: France Annual Total Forecast - Most probable, mean 2025..2030")

s = series(S, "Italy", 2019, 2023)
add(S, "market", "average",
    "Average annual installation in Italy during 2019 to 2023 (both years included)?",
    [mw(sum(s.values()) / len(s))],
    how="sample market: Italy Annual Total Historical, mean 2019..2023")

# ============================== SUM ========================================
s = series(R, "Spain", 2019, 2024)
add(R, "market", "sum",
    "Total PV installed by Spain in the years 2019 to 2024 together (sum of the annual additions)?",
    [mw(sum(s.values()))],
    how="market CSV: Spain Annual Total Historical, sum 2019..2024")

v4 = {c: val(R, c, 2024) for c in ["Poland", "Czech Republic", "Slovakia", "Hungary"]}
add(R, "market", "sum",
    "For Visegrad group meeting: sum of the 2024 annual installations of Poland, Czech Republic, "
    "Slovakia and Hungary.",
    [mw(sum(v4.values()))],
    how="market CSV: 2024 Annual Total Historical, sum of the 4 countries")

s = series(S, "Germany", 2025, 2030, scen="high")
add(S, "market", "sum",
    "Sum of annual additions of Germany 2025-2030 in the high scenario?",
    [mw(sum(s.values()))],
    how="sample market: Germany Annual Total Forecast - High, sum 2025..2030")

s = series(S, "World", 2020, 2024)
add(S, "market", "sum",
    "How much PV was instaled in the whole world in the five years 2020-2024 all together?",
    [mw(sum(s.values()))],
    how="sample market: World Annual Total Historical, sum 2020..2024")

# ============================== FIRST / LATEST =============================
s = series(R, "Poland", 2012, 2024)
fy = min(y for y, v in s.items() if v > 1000)
add(R, "market", "first_latest",
    "We celebrate the success of prosumer programme \"Mój Prąd\". Which was the first year in which "
    "Poland has installed more than 1 GW in one year?",
    [mw(s[fy])], [str(fy)],
    how="market CSV: Poland Annual Total Historical, first year with value > 1000 MW")

ly = last_hist(R, "Ukraine")
add(R, "market", "first_latest",
    "What is the latest year with historical data for Ukraine, and how much PV was installed in that year?",
    [mw(val(R, "Ukraine", ly))], [str(ly)],
    how="market CSV: Ukraine Annual Total Historical, last historical year")

ch = d[(d.Territory == "Chile") & (d.Scenario == SCEN["hist"]) & (d.Type == "Annual") & (d.Connection == "Total")]
chy = int(ch.Year.min())
add(R, "market", "first_latest",
    "Since when your database has figures for Chile? Give me the first year and the capacity added in that year.",
    [mw(val(R, "Chile", chy))], [str(chy)],
    how="market CSV: Chile Annual Total Historical, earliest year")

s = series(R, "Germany", 2000, 2024, "Cumulative")
fy = min(y for y, v in s.items() if v > 50000)
add(R, "market", "first_latest",
    "In what year the German cumulative capacity passed 50 GW for the first time?",
    [mw(s[fy])], [str(fy)],
    how="market CSV: Germany Cumulative Total Historical, first year > 50000 MW")

s = series(S, "Italy", 2015, last_hist(S, "Italy"))
fy = min(y for y, v in s.items() if v > 5000)
add(S, "market", "first_latest",
    "Italy is coming back after long pause. Which was the first year that Italy installed more "
    "than 5 GW in a single year?",
    [mw(s[fy])], [str(fy)],
    how="sample market: Italy Annual Total Historical, first year > 5000 MW")

# ============================== PRICES =====================================
v, dt, u = latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "price",
    "Which is the latest price of n-type TOPCon modules in EU?",
    [{"value": v, "unit": u}],
    how=f"prices parquet: Module / n-type TOPCon / EU, newest date {dt.date()}")

v, u = in_month(R, "Copper", "Copper", "Overseas", "2024-03")
add(R, "price", "price",
    "The copper for cables is important for our grid colleagues. What was copper price in March 2024?",
    [{"value": v, "unit": u}],
    how="prices parquet: Copper / Copper / Overseas, monthly observation of 2024-03")

s, u = pseries(R, "Polysilicon", "Very high purity - 11N/11N+", "China")
add(R, "price", "price",
    "What was the maximum price of very high purity polysilicon 11N/11N+ in China over the whole series?",
    [{"value": float(s.max()), "unit": u}],
    how="prices parquet: Polysilicon / Very high purity - 11N/11N+ / China, max over series")

eu, deu, u = latest(R, "Module", "n-type TOPCon", "EU")
us, dus, _ = latest(R, "Module", "n-type TOPCon", "US")
assert deu == dus
add(R, "price", "price",
    "n-type TOPCon module: compare the US and EU price on the latest date. Where it is cheaper?",
    [{"value": eu, "unit": u}, {"value": us, "unit": u}], ["EU" if eu < us else "US"],
    how=f"prices parquet: Module / n-type TOPCon / EU vs US on {deu.date()}")

a, u = in_month(R, "Aluminium", "Aluminium", "Overseas", "2024-01")
b, _ = in_month(R, "Aluminium", "Aluminium", "Overseas", "2025-01")
add(R, "price", "price",
    "For the aluminium frames the producers in our country complain. How much changed the "
    "aluminium price from January 2024 to January 2025, in %?",
    [pc(pct(a, b))],
    how="prices parquet: Aluminium / Overseas, (2025-01 - 2024-01)/2024-01 x100")

s, u = pseries(R, "EVA", "EVA", "Overseas", start="2023-01-01", end="2023-12-31")
add(R, "price", "price",
    "Lowest monthly EVA price during 2023, please.",
    [{"value": float(s.min()), "unit": u}],
    how="prices parquet: EVA / Overseas, min of 2023 monthly values")

v, dt, u = latest(R, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "price",
    "Actual price of n-type mono-Si M10 wafers outside China (Overseas)? The last one you have.",
    [{"value": v, "unit": u}],
    how=f"prices parquet: Wafer / n-type mono-Si M10 / Overseas, newest date {dt.date()}")

s, u = pseries(R, "Module", "n-type HJT", "US", start="2024-01-01", end="2024-12-31")
add(R, "price", "price",
    "Average price of n-type HJT modules in the US during 2024 year (all the weekly quotes)?",
    [{"value": float(s.mean()), "unit": u}],
    how="prices parquet: Module / n-type HJT / US, mean of 2024 weekly values")

v, u = in_month(S, "Module", "n-type TOPCon", "India", "2024-12")
add(S, "price", "price",
    "Price of TOPCon modules in India for December 2024?",
    [{"value": v, "unit": u}],
    how="sample prices: Module / n-type TOPCon / India, 2024-12")

a, u = in_month(S, "Polysilicon", "High purity - 9N/9N+", "China", "2023-01")
b, _ = in_month(S, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(S, "price", "price",
    "Polysilicon 9N in China: change of price from January 2023 to December 2024, in percent?",
    [pc(pct(a, b))],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, (2024-12 - 2023-01)/2023-01 x100")

ps = P[S]
hj = ps[(ps.item == "Module") & (ps.description == "n-type HJT") & (ps.date == "2024-06-01")]
assert hj.region.is_unique
cheap = hj.loc[hj.base_price.idxmin()]
add(S, "price", "price",
    "Which region was the cheapest for n-type HJT modules in June 2024, and at which price?",
    [{"value": float(cheap.base_price), "unit": cheap.unit}], [cheap.region],
    how="sample prices: Module / n-type HJT, 2024-06, min over regions")

s, u = pseries(S, "PV glass", "Glass 3,2mm", "EU", start="2024-01-01", end="2024-12-31")
add(S, "price", "price",
    "What was average price of PV glass 3,2 mm in EU over 2024?",
    [{"value": float(s.mean()), "unit": u}],
    how="sample prices: PV glass / Glass 3,2mm / EU, mean of 2024 monthly values")

# ============================== FINANCIAL ==================================
v, u, c = fin("Helios", "2024-Q3", "Revenue")
add(S, "manufacturer_financial", "financial",
    "Revenue of Helios Modules in the 2024-Q3?",
    [{"value": v, "unit": u}],
    how=f"financials: {c}, 2024-Q3, Revenue")

v, u, c = fin("SunForge", "FY2024", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "What gross margin had SunForge Energy in full year 2024?",
    [{"value": v, "unit": u}],
    how=f"financials: {c}, FY2024, Gross margin")

fy23 = F[(F.period == "FY2023") & (F.metric == "Net income")].sort_values("value", ascending=False)
add(S, "manufacturer_financial", "financial",
    "Which of the manufacturers had the highest net income in FY2023? Please rank all of them.",
    [{"value": float(x), "unit": "USD million"} for x in fy23.value],
    [c.replace(" (sample)", "") for c in fy23.company],
    how="financials: FY2023 Net income, all companies sorted desc")

a, u, c = fin("Nordlicht", "FY2023", "Module shipments")
b, _, _ = fin("Nordlicht", "FY2024", "Module shipments")
add(R, "manufacturer_financial", "financial",
    "Nordlicht Solar AG is the only one near to us. Its module shipments FY2024 vs FY2023, "
    "the change in %?",
    [pc(pct(a, b))],
    how=f"financials: {c}, Module shipments, (FY2024-FY2023)/FY2023 x100")

q1, u, c = fin("Aurora", "2024-Q1", "Revenue")
q2, _, _ = fin("Aurora", "2024-Q2", "Revenue")
add(S, "manufacturer_financial", "financial",
    "Aurora PV Group revenue for the first half of 2024 (Q1 plus Q2)?",
    [{"value": q1 + q2, "unit": u}],
    how=f"financials: {c}, Revenue 2024-Q1 + 2024-Q2")

v, u, c = fin("Helios", "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "financial",
    "How much production capacity had Helios Modules in 2024-Q4?",
    [{"value": v, "unit": u}],
    how=f"financials: {c}, 2024-Q4, Production capacity")

h, u, _ = fin("Helios", "2024-Q4", "Gross margin")
a, _, _ = fin("Aurora", "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "Compare gross margin of Helios and Aurora in the fourth quarter of 2024. Who is better?",
    [{"value": h, "unit": u}, {"value": a, "unit": u}], ["Helios" if h > a else "Aurora"],
    how="financials: Helios vs Aurora, 2024-Q4, Gross margin")

v, u, c = fin("SunForge", "2024-Q2", "Net income")
add(R, "manufacturer_financial", "financial",
    "SunForge net income in quarter 2024-Q2?",
    [{"value": v, "unit": u}],
    how=f"financials: {c}, 2024-Q2, Net income")

a, u, c = fin("Nordlicht", "FY2023", "Revenue")
b, _, _ = fin("Nordlicht", "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "By how many percent fell the revenue of Nordlicht Solar from FY2023 to FY2024?",
    [pc(pct(a, b))],
    how=f"financials: {c}, Revenue, (FY2024-FY2023)/FY2023 x100")

tot = F[(F.period == "FY2024") & (F.metric == "Module shipments")]
assert len(tot) == 4 and tot.unit.nunique() == 1
add(R, "manufacturer_financial", "financial",
    "Total module shipments of all four companies together in FY2024?",
    [{"value": float(tot.value.sum()), "unit": tot.unit.iloc[0]}],
    how="financials: FY2024 Module shipments, sum of 4 companies")

sq = F[(F.company.str.startswith("SunForge")) & (F.metric == "Gross margin") & (F.period.str.contains("-Q"))]
lo = sq.loc[sq.value.idxmin()]
add(S, "manufacturer_financial", "financial",
    "In which quarter SunForge had the lowest gross margin, and how much was it?",
    [{"value": float(lo.value), "unit": lo.unit}], [lo.period.split("-")[1]],
    how="financials: SunForge quarterly Gross margin, min over 2023-Q1..2024-Q4")

# ============================== FOLLOW-UPS =================================
add(R, "market", "follow_up",
    ["How much PV Spain installed in 2023?", "and Portugal?"],
    [mw(val(R, "Portugal", 2023))],
    how="market CSV: Portugal, 2023, Historical Primary, Total, Annual")

r = ranking(R, 2024)[:5]
add(R, "market", "follow_up",
    ["Top 5 countries by cumulative capacity end of 2024?",
     "Ok. And same for the annual additions of 2024 year."],
    [mw(v) for _, v in r], [t for t, _ in r],
    how="market CSV: countries, 2024, Historical Primary, Total, Annual, top 5")

add(R, "market", "follow_up",
    ["Poland annual additions in 2027, most probable scenario?",
     "same for the high scenario please"],
    [mw(val(R, "Poland", 2027, scen="high"))],
    how="market CSV: Poland, 2027, Forecast - High, Total, Annual")

add(R, "market", "follow_up",
    ["Germany share of the world PV additions in 2024, in %?", "What about 2023?"],
    [pc(val(R, "Germany", 2023) / val(R, "World", 2023) * 100)],
    how="market CSV: Germany / World, 2023, Historical Primary, Total, Annual, x100")

add(R, "market", "follow_up",
    ["Italy's distributed PV additions in 2024?", "and the centralised one?"],
    [mw(val(R, "Italy", 2024, conn="Centralised"))],
    how="market CSV: Italy, 2024, Historical Primary, Centralised, Annual")

v, dt, u = latest(R, "Module", "n-type HJT", "EU")
v2, dt2, _ = latest(R, "Module", "n-type HJT", "Overseas")
add(R, "price", "follow_up",
    ["Latest price of n-type HJT module in the EU?", "And Overseas, the latest one?"],
    [{"value": v2, "unit": u}],
    how=f"prices parquet: Module / n-type HJT / Overseas, newest date {dt2.date()}")

s = series(R, "Netherlands", 2015, 2024)
y = max(s, key=s.get)
add(R, "market", "follow_up",
    ["Can you show me the annual additions of Netherlands from 2015 until 2024?",
     "Please as a chart. And tell me which year was the highest one, with the MW."],
    [mw(s[y])], [str(y)],
    how="market CSV: Netherlands Annual Total Historical 2015-2024, max")

s = series(R, "India", 2010, 2024)
ks = series(R, "Korea", 2002, last_hist(R, "Korea"))
assert min(ks) == int(M[R][(M[R].Territory == "Korea") & (M[R].Scenario == SCEN["hist"]) & (M[R].Type == "Annual") & (M[R].Connection == "Total")].Year.min())
ky = max(ks, key=ks.get)
add(R, "market", "follow_up",
    ["Which was the peak year of India's annual installations?", "and for Korea?"],
    [mw(ks[ky])], [str(ky)],
    how="market CSV: Korea Annual Total Historical, year of max over all years")

br, mx = val(R, "Brazil", 2024, "Cumulative"), val(R, "Mexico", 2024, "Cumulative")
add(R, "market", "follow_up",
    ["Compare Brazil and Mexico annual installations in 2024.",
     "What about cumulative at end of 2024?"],
    [mw(br), mw(mx)], ["Brazil" if br > mx else "Mexico"],
    how="market CSV: Brazil vs Mexico 2024 Cumulative Total Historical")

add(S, "market", "follow_up",
    ["Germany annual installations in 2024?", "And the cumulative at end of same year?"],
    [mw(val(S, "Germany", 2024, "Cumulative"))],
    how="sample market: Germany, 2024, Historical Primary, Total, Cumulative")

a, b = val(S, "Poland", 2015, "Cumulative"), val(S, "Poland", 2024, "Cumulative")
add(S, "market", "follow_up",
    ["What is the CAGR of Spain cumulative capacity 2015-2024?", "and for Poland?"],
    [pc(cagr(a, b, 9))],
    how="sample market: Poland Cumulative Total Historical, (2024/2015)^(1/9)-1")

v, u = in_month(S, "Polysilicon", "High purity - 9N/9N+", "EU", "2024-12")
add(S, "price", "follow_up",
    ["Polysilicon high purity 9N price in China in December 2024?", "in the EU?"],
    [{"value": v, "unit": u}],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / EU, 2024-12")

v, u, c = fin("Helios", "FY2024", "Net income")
add(S, "manufacturer_financial", "follow_up",
    ["Helios Modules revenue for FY2024?", "and the net income?"],
    [{"value": v, "unit": u}],
    how=f"financials: {c}, FY2024, Net income")

add(S, "market", "follow_up",
    ["World annual installations in 2030 in most probable scenario?",
     "and in the low scenario?",
     "so how much is the difference between the two, in GW?"],
    [mw(val(S, "World", 2030, scen="mp") - val(S, "World", 2030, scen="low"))],
    how="sample market: World 2030 Annual Total, Forecast - Most probable minus Forecast - Low")

# ============================== UNANSWERABLE ===============================
U = "unanswerable"
add(R, "market", U,
    "For the national plan (NECP) update we need also wind. How much onshore wind capacity Poland installed in 2023?",
    answerable=False, why="wind capacity is not in the data; PV only",
    how="not in data")
add(S, "market", U,
    "How many MW of battery storage were installed in Italy in 2024 year, together with PV?",
    answerable=False, why="battery storage is not in the data",
    how="not in data")
add(R, "market", U,
    "Which is the LCOE of utility-scale PV in Spain in 2024, in EUR/MWh?",
    answerable=False, why="LCOE is not a measure held in the data",
    how="not in data")
add(R, "market", U,
    "How much electricity the German PV fleet produced in 2023, in TWh?",
    answerable=False, why="generation (GWh/TWh) is not held; only capacity in MW",
    how="not in data")
add(S, "market", U,
    "Our minister asks about employment. How many jobs there are in the PV sector of Poland?",
    answerable=False, why="jobs are not in the data",
    how="not in data")
add(S, "market", U,
    "What is actual feed-in tariff for small rooftop PV in France?",
    answerable=False, why="tariffs are not in the data",
    how="not in data")
add(S, "price", U,
    "What is the average efficiency of n-type TOPCon modules compared with PERC?",
    answerable=False, why="module efficiency is not in the data; only prices",
    how="not in data")
add(R, "market", U,
    "How much was the Italian PV market worth in 2023 in EUR (market value)?",
    answerable=False, why="market value in money is not held; only capacity in MW",
    how="not in data")
add(R, "market", U,
    "We cooperate with Nigeria in a programme. How much PV Nigeria installed in 2023?",
    answerable=False, why="Nigeria is not a territory in the market data",
    how="not in data")
add(R, "market", U,
    "In Germany, how many MW of PV were installed in Bavaria only in 2024?",
    answerable=False, why="no sub-national (regional/Länder) breakdown in the data",
    how="not in data")
add(R, "market", U,
    "How much PV had Germany installed in 1985?",
    answerable=False, why="the data start in 1992; 1985 is outside the data",
    how="not in data")
add(R, "market", U,
    "Please the forecast of Poland annual PV additions for 2035, most probable scenario.",
    answerable=False, why="forecasts stop at 2030",
    how="not in data")
add(R, "price", U,
    "What is the latest price of string inverters in Europe, in EUR/W?",
    answerable=False, why="inverters are not a price item in the data",
    how="not in data")
add(S, "price", U,
    "Price of single-axis trackers per watt in the US, actual?",
    answerable=False, why="trackers / mounting structures are not a price item in the data",
    how="not in data")
add(R, "price", U,
    "Latest n-type TOPCon module price in Brazil?",
    answerable=False, why="no Brazil region in the price data",
    how="not in data")
add(S, "manufacturer_financial", U,
    "What was the revenue of LONGi in 2024?",
    answerable=False, why="LONGi is not one of the companies in the financials",
    how="not in data")
add(S, "manufacturer_financial", U,
    "How much Helios Modules spent for R&D in FY2024?",
    answerable=False, why="R&D spending is not a metric in the financials",
    how="not in data")
add(R, "price", U,
    "What share of the module price is coming from the silver paste, in %?",
    answerable=False, why="a cost share of a price is not held; prices are per item only",
    how="not in data")
add(R, "market", U,
    "What will be the cumulative installed PV capacity of Germany at end of 2030 in the most probable scenario?",
    answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base; forecast cumulative cannot be given",
    how="not in data")
add(S, "market", U,
    "Solar thermal collectors in Austria, how much was installed in 2023?",
    answerable=False, why="solar thermal is not in the data; PV only",
    how="not in data")
add(R, "market", U,
    "How many PV systems (number of installations, not MW) were connected in Poland in 2024? We count the prosumers.",
    answerable=False, why="number of systems / prosumers is not held; only MW",
    how="not in data")
add(R, "market", U,
    "How much PV capacity was decommissioned in Germany in 2023?",
    answerable=False, why="decommissioned capacity is not in the data (all rows are installed)",
    how="not in data")
add(S, "market", U,
    "Please the monthly PV installations of Poland in March 2024.",
    answerable=False, why="no monthly market data; annual only",
    how="not in data")
add(R, "market", U,
    "China forecast: how much PV will China install in 2027 in the most probable scenario?",
    answerable=False, why="the real market data hold no forecast for China (forecasts only for European territories and World)",
    how="not in data")
add(R, "market", U,
    "How many MW of floating PV and agrivoltaics Italy has, eventually split?",
    answerable=False, why="segments are only centralised / distributed / off-grid; no floating or agri-PV",
    how="not in data")
add(S, "market", U,
    "We compare with America. How much PV the USA installed in 2023?",
    answerable=False, why="the sample market data hold only six European countries and World; no USA",
    how="not in data")
add(S, "market", U,
    "Italy had a big boom in 2011 year. How much was installed then?",
    answerable=False, why="the sample market data start in 2015",
    how="not in data")
add(S, "price", U,
    "Latest price of CdTe thin-film modules?",
    answerable=False, why="no CdTe series in the sample prices",
    how="not in data")
add(S, "manufacturer_financial", U,
    "Revenue of SunForge Energy in 2022?",
    answerable=False, why="financials cover 2023 and 2024 only",
    how="not in data")
add(S, "market", U,
    "What is the residential part of the distributed segment in Spain in 2024, versus the commercial rooftops?",
    answerable=False, why="no residential / commercial split; only distributed as a whole",
    how="not in data")


# ============================== SELF-CHECK =================================
def check():
    ids = [i["id"] for i in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(ITEMS) >= 110, len(ITEMS)
    una = [i for i in ITEMS if not i["answerable"]]
    assert len(una) >= 28, len(una)
    chains = [i for i in ITEMS if len(i["turns"]) >= 2]
    assert len(chains) >= 12, len(chains)
    for i in ITEMS:
        if i["answerable"]:
            assert i["expect"] or i["names"], i["id"]
            for e in i["expect"]:
                assert isinstance(e["value"], float) and e["value"] == e["value"], i["id"]
        else:
            assert i.get("why"), i["id"]
        assert i["data"] in ("real", "sample")
        assert i["agent"] in ("market", "price", "manufacturer_financial")
    print("items:", len(ITEMS), " unanswerable:", len(una), " follow-up chains:", len(chains))
    print("per kind:", dict(Counter(i["kind"] for i in ITEMS)))
    print("per data:", dict(Counter(i["data"] for i in ITEMS)))
    print("per agent:", dict(Counter(i["agent"] for i in ITEMS)))
    print("per kind x data:", dict(Counter((i["kind"], i["data"]) for i in ITEMS)))


if __name__ == "__main__":
    check()
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
        for i in ITEMS:
            fh.write(json.dumps(i, ensure_ascii=False) + "\n")
    print("wrote", os.path.join(HERE, "questions.jsonl"))
