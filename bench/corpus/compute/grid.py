#!/usr/bin/env python3
"""Writer `grid`: held-out questions from a TSO grid-planning engineer.

Every expected figure is computed here from the data files; nothing numeric in
`expect` is typed by hand. Run: python3 compute.py  -> writes questions.jsonl
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

# Aggregates in the real CSV: never counted as countries in a ranking.
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
# European countries present in the real CSV (geographic Europe; the
# borderline ones are checked separately so that rankings do not depend on them).
EUROPE_CORE = {
    "Albania", "Austria", "Belgium", "Bosnia Herzegovina", "Bulgaria", "Croatia",
    "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland", "France",
    "Germany", "Greece", "Hungary", "Iceland", "Ireland", "Italy", "Kosovo",
    "Latvia", "Lithuania", "Luxembourg", "Malta", "Montenegro", "Netherlands",
    "North Macedonia", "Norway", "Poland", "Portugal", "Republic of Moldova",
    "Romania", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden",
    "Switzerland", "UK", "Ukraine", "Belarus",
}
EUROPE_BORDERLINE = {"Türkiye", "Russia"}

SCEN = {
    "hist": "Historical Primary",
    "high": "Forecast - High",
    "low": "Forecast - Low",
    "mp": "Forecast - Most probable",
}


# ---------------------------------------------------------------- loading
def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()
    # RoW carries a few rows repeated with different metadata columns only
    df = df.drop_duplicates(subset=KEY + [CAP])
    assert not df.duplicated(subset=KEY).any(), "conflicting market rows"
    return df


def load_prices(path):
    if path.endswith(".parquet"):
        p = pd.read_parquet(path)
    else:
        p = pd.read_csv(path)
    p["date"] = pd.to_datetime(p["date"])
    return p


R = load_market(REAL_MARKET)
S = load_market(SAMPLE_MARKET)
RP = load_prices(REAL_PRICES)
SP = load_prices(SAMPLE_PRICES)
FIN = pd.read_csv(FINANCIALS)

R_COUNTRIES = sorted(set(R.Territory) - AGGREGATES)
S_COUNTRIES = sorted(set(S.Territory) - {"World"})


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])]
    return int(h.Year.max())


def scen_for(df, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist(df, terr) else SCEN["mp"]


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    rows = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
              & (df.Connection == conn) & (df.Type == typ)]
    assert len(rows) == 1, (terr, year, typ, conn, s, len(rows))
    v = float(rows[CAP].iloc[0])
    assert v == v, (terr, year, typ, conn, s, "NaN")
    return v


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in years}


def ranking(df, terrs, year, typ="Annual", conn="Total", scen=None, n=5,
            ascending=False):
    vals = {}
    for t in terrs:
        try:
            vals[t] = mv(df, t, year, typ, conn, scen)
        except AssertionError:
            continue
    ordered = sorted(vals.items(), key=lambda kv: kv[1], reverse=not ascending)
    return ordered[:n]


def pct_change(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def extreme_year(df, terr, years, typ="Annual", conn="Total", scen=None,
                 fn=max):
    vals = {}
    for y in years:
        try:
            vals[y] = mv(df, terr, y, typ, conn, scen)
        except AssertionError:
            pass
    y = fn(vals, key=lambda k: vals[k])
    # make sure the extreme is unique
    assert list(vals.values()).count(vals[y]) == 1, (terr, "tie")
    return y, vals[y]


def hist_years(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])]
    return sorted(h.Year.unique())


def first_year_above(df, terr, threshold, typ="Annual", conn="Total"):
    for y in hist_years(df, terr):
        try:
            v = mv(df, terr, y, typ, conn)
        except AssertionError:
            continue
        if v > threshold:
            return y, v
    raise AssertionError("never above")


# ---------------------------------------------------------------- price helpers
def pseries(p, item, desc, region, unit=None):
    x = p[(p["item"] == item) & (p["description"] == desc) & (p["region"] == region)]
    if unit is not None:
        x = x[x["unit"] == unit]
    x = x.drop_duplicates(subset=["date", "base_price"])
    assert len(x) > 0, (item, desc, region)
    assert not x.date.duplicated().any(), (item, desc, region, "two obs on a date")
    assert x["unit"].nunique() == 1, (item, desc, region, "mixed units")
    return x.sort_values("date").reset_index(drop=True)


def p_latest(p, *a, **k):
    x = pseries(p, *a, **k)
    r = x.iloc[-1]
    return float(r.base_price), r.date, r.unit


def p_month(p, item, desc, region, year, month, unit=None):
    x = pseries(p, item, desc, region, unit)
    m = x[(x.date.dt.year == year) & (x.date.dt.month == month)]
    assert len(m) == 1, (item, desc, region, year, month, len(m))
    return float(m.base_price.iloc[0]), m.unit.iloc[0]


def p_ext(p, item, desc, region, fn="max", unit=None, start=None, end=None):
    x = pseries(p, item, desc, region, unit)
    if start is not None:
        x = x[x.date >= pd.Timestamp(start)]
    if end is not None:
        x = x[x.date <= pd.Timestamp(end)]
    v = x.base_price.max() if fn == "max" else x.base_price.min()
    hits = x[x.base_price == v]
    return float(v), hits.date.tolist(), x.unit.iloc[0]


def p_mean(p, item, desc, region, start, end, unit=None):
    x = pseries(p, item, desc, region, unit)
    x = x[(x.date >= pd.Timestamp(start)) & (x.date <= pd.Timestamp(end))]
    return float(x.base_price.mean()), len(x), x.unit.iloc[0]


def month_name(ts):
    return ts.strftime("%B %Y")


# ---------------------------------------------------------------- financial helpers
def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SUN = "SunForge Energy (sample)"
COMPANIES = sorted(FIN.company.unique())

# ---------------------------------------------------------------- item builder
ITEMS = []


def E(value, unit):
    return {"value": round(float(value), 6), "unit": unit}


def add(data, agent, turns, kind, expect=None, names=None, how="",
        answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": None, "writer": "grid", "data": data, "agent": agent,
        "turns": turns, "answerable": answerable, "kind": kind,
        "expect": expect or [], "names": [str(n) for n in (names or [])],
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["expect"] = []
        item["how"] = "not answerable: " + why
    ITEMS.append(item)


MW = "MW"

# =================================================================
# REAL instance: market
# =================================================================
D = "real"

# ---- lookups
v = mv(R, "Germany", 2024)
add(D, "market", "We're updating the German reference case for the adequacy study. How much PV did Germany add in 2024?",
    "lookup", [E(v, MW)], how="Germany 2024 Historical Primary Total Annual")

v = mv(R, "Poland", 2024, "Cumulative")
add(D, "market", "poland cumulative pv end of 2024 in MW pls",
    "lookup", [E(v, MW)], how="Poland 2024 Historical Primary Total Cumulative")

v = mv(R, "Italy", 2027, scen="mp")
add(D, "market", "I'm building the 2027 snapshot for the Italian bidding zones. What is the most probable forecast for Italy's PV additions in 2027?",
    "lookup", [E(v, MW)], how="Italy 2027 Forecast - Most probable Total Annual")

v = mv(R, "France", 2024, conn="Distributed")
add(D, "market", "For the distribution-grid interface we need the rooftop side. How much distributed PV was installed in France in 2024?",
    "lookup", [E(v, MW)], how="France 2024 Historical Primary Distributed Annual")

v = mv(R, "Spain", 2030, scen="low")
add(D, "market", "We run a low-RES sensitivity as well. In the low scenario, how many MW does Spain install in 2030?",
    "lookup", [E(v, MW)], how="Spain 2030 Forecast - Low Total Annual")

v = mv(R, "Austria", 2028, conn="Centralised", scen="high")
add(D, "market", "Austria, high scenario, ground-mounted (centralised) additions in 2028?",
    "lookup", [E(v, MW)], how="Austria 2028 Forecast - High Centralised Annual")

# ---- rankings
top = ranking(R, R_COUNTRIES, 2024, n=5)
add(D, "market", "For the benchmark chapter I want a global view. Which five countries installed the most PV in 2024? Countries only, no regions please.",
    "rank", [E(x[1], MW) for x in top], [x[0] for x in top],
    how="countries (aggregates excluded), 2024 Historical Primary Total Annual, top 5")

top_core = ranking(R, sorted(EUROPE_CORE), 2024, "Cumulative", n=3)
top_wide = ranking(R, sorted(EUROPE_CORE | EUROPE_BORDERLINE), 2024, "Cumulative", n=3)
assert [t[0] for t in top_core] == [t[0] for t in top_wide]
add(D, "market", "Top 3 European countries by installed PV base at the end of 2024?",
    "rank", [E(x[1], MW) for x in top_core], [x[0] for x in top_core],
    how="European countries, 2024 Historical Primary Total Cumulative, top 3 (same with/without Türkiye, Russia)")

five = ["Germany", "Italy", "France", "Spain", "Poland"]
rk = ranking(R, five, 2024, conn="Distributed", n=5)
add(D, "market", "Can you rank Germany, Italy, France, Spain and Poland by distributed (rooftop) PV added in 2024, highest first?",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="2024 Historical Primary Distributed Annual for the five, sorted desc")

fc_countries = sorted(set(R[R.Scenario == SCEN["mp"]].Territory) - AGGREGATES)
rk = ranking(R, fc_countries, 2030, scen="mp", n=3)
add(D, "market", "Looking at the 2030 horizon: which three countries have the largest annual PV additions in the most probable scenario for 2030?",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="countries with forecasts, 2030 Forecast - Most probable Total Annual, top 3")

top_cum = ranking(R, R_COUNTRIES, 2024, "Cumulative", n=5)
add(D, "market", "Biggest PV fleets globally end of 2024 – give me the top 5 countries with their cumulative MW.",
    "rank", [E(x[1], MW) for x in top_cum], [x[0] for x in top_cum],
    how="countries, 2024 Historical Primary Total Cumulative, top 5")

# ---- shares
a, w = mv(R, "Germany", 2024), mv(R, "World", 2024)
add(D, "market", "What share of the global PV additions in 2024 came from Germany?",
    "share", [E(a / w * 100, "%")], how="Germany / World, 2024 Historical Primary Total Annual")

a, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(D, "market", "Most of the German new capacity lands in the distribution grid, I think. Which % of Germany's 2024 additions was distributed?",
    "share", [E(a / t * 100, "%")], how="Germany 2024 Annual Distributed / Total")

a, t = mv(R, "Spain", 2024, "Cumulative", "Centralised"), mv(R, "Spain", 2024, "Cumulative")
add(D, "market", "Spain is mostly utility-scale as far as I know. How much of Spain's installed PV base (end 2024) is centralised, in percent?",
    "share", [E(a / t * 100, "%")], how="Spain 2024 Cumulative Centralised / Total")

a, w = mv(R, "EU", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(D, "market", "what fraction of the world's cumulative PV capacity sat in the EU at end of 2024?",
    "share", [E(a / w * 100, "%")], how="EU / World, 2024 Historical Primary Total Cumulative")

a, t = mv(R, "Germany", 2030, conn="Distributed", scen="mp"), mv(R, "Germany", 2030, scen="mp")
add(D, "market", "Our DSO colleagues ask about the rooftop share going forward. In the most probable scenario, what share of Germany's 2030 additions is distributed?",
    "share", [E(a / t * 100, "%")], how="Germany 2030 Forecast - Most probable Annual Distributed / Total")

# ---- change
a, b = mv(R, "Italy", 2023), mv(R, "Italy", 2024)
add(D, "market", "Italy's annual market grew a lot lately. By how many percent did Italian installations change from 2023 to 2024?",
    "change", [E(pct_change(a, b), "%")], how="Italy Annual Total 2023->2024 % change")

a, b = mv(R, "World", 2019, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(D, "market", "CAGR of the global cumulative PV capacity between 2019 and 2024?",
    "change", [E(cagr(a, b, 5), "%")], how="World Cumulative Total 2019->2024, CAGR over 5 years")

a, b = mv(R, "Poland", 2023), mv(R, "Poland", 2024)
add(D, "market", "Poland seemed to slow down last year. Poland's additions 2024 vs 2023 – how many MW more or less?",
    "change", [E(b - a, MW)], how="Poland Annual Total 2024 - 2023")

a, b = mv(R, "Germany", 2025, scen="mp"), mv(R, "Germany", 2030, scen="mp")
add(D, "market", "For the grid expansion plan we need the growth rate: what is the CAGR of German annual PV additions from 2025 to 2030 in the most probable scenario?",
    "change", [E(cagr(a, b, 5), "%")], how="Germany Annual Total MP 2025->2030, CAGR 5 years")

# ---- comparisons
vals = {c: mv(R, c, 2024) for c in ["Germany", "France", "Italy"]}
add(D, "market", "I need a quick neighbour comparison for the TYNDP input. Compare 2024 PV additions in Germany, France and Italy.",
    "compare", [E(v, MW) for v in vals.values()], list(vals.keys()),
    how="2024 Historical Primary Total Annual for DE, FR, IT")

a, b = mv(R, "Spain", 2024, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add(D, "market", "Spain vs Italy cumulative PV at end of 2024: who has more and by how much?",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Spain"],
    how="Spain and Italy 2024 Cumulative Total, difference Spain - Italy")

a, b = mv(R, "Poland", 2030, scen="high"), mv(R, "Poland", 2030, scen="low")
add(D, "market", "How wide is the scenario spread for Poland in 2030? High vs low annual additions please.",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)],
    how="Poland 2030 Annual Total Forecast - High and Forecast - Low, and difference")

a, b = mv(R, "Netherlands", 2024, "Cumulative", "Distributed"), mv(R, "Belgium", 2024, "Cumulative", "Distributed")
add(D, "market", "Neighbour check: distributed PV installed base in the Netherlands vs Belgium, end of 2024?",
    "compare", [E(a, MW), E(b, MW)], ["Netherlands" if a > b else "Belgium"],
    how="NL and BE 2024 Historical Primary Distributed Cumulative; names = the larger")

# ---- extremes
y, v = extreme_year(R, "Italy", hist_years(R, "Italy"))
add(D, "market", "Italy had this big boom with the Conto Energia. In which year did Italy install the most PV ever, and how much was it?",
    "extreme", [E(v, MW)], [y], how="Italy Historical Primary Total Annual, max over all years")

y, v = extreme_year(R, "Spain", hist_years(R, "Spain"))
add(D, "market", "Spain record year for new PV capcity?",
    "extreme", [E(v, MW)], [y], how="Spain Historical Primary Total Annual, max over all years")

y, v = extreme_year(R, "Czech Republic", hist_years(R, "Czech Republic"), fn=min)
add(D, "market", "Which was the weakest year for the Czech PV market (lowest annual additions) in the data?",
    "extreme", [E(v, MW)], [y], how="Czech Republic Historical Primary Total Annual, min over all years (negative = net decommissioning)")

# ---- averages
s = series(R, "Germany", range(2020, 2025))
add(D, "market", "I want a smoothed value instead of single years. What were Germany's average yearly PV additions over 2020-2024?",
    "average", [E(sum(s.values()) / len(s), MW)], how="mean of Germany Annual Total 2020..2024 (5 years)")

s = series(R, "France", range(2025, 2031), scen="mp")
add(D, "market", "On average, how much PV per year does the most probable scenario see France adding between 2025 and 2030?",
    "average", [E(sum(s.values()) / len(s), MW)], how="mean of France Annual Total MP 2025..2030 (6 years)")

# ---- sums
s = series(R, "Germany", range(2025, 2031), scen="mp")
add(D, "market", "Total German PV additions over 2025–2030 in the most probable case – what do they sum up to?",
    "sum", [E(sum(s.values()), MW)], how="sum of Germany Annual Total MP 2025..2030")

s = series(R, "Poland", range(2025, 2031), scen="high")
add(D, "market", "We stress-test the Polish interconnector with the high case. Sum of Poland's annual additions 2025 to 2030 in the high scenario?",
    "sum", [E(sum(s.values()), MW)], how="sum of Poland Annual Total Forecast - High 2025..2030")

# ---- first / latest
y, v = first_year_above(R, "Germany", 10000, "Cumulative")
add(D, "market", "When did Germany's cumulative PV first pass 10 GW?",
    "first_latest", [E(v, MW)], [y], how="first Historical Primary year with Germany Cumulative Total > 10000 MW")

y, v = first_year_above(R, "Poland", 1000)
add(D, "market", "The Polish market took off quite late. First year where Poland added more than 1 GW in a single year?",
    "first_latest", [E(v, MW)], [y], how="first Historical Primary year with Poland Annual Total > 1000 MW")

y = last_hist(R, "Ukraine")
v = mv(R, "Ukraine", y)
add(D, "market", "What's the most recent historical figure you have for Ukrainian PV additions?",
    "first_latest", [E(v, MW)], [y], how="Ukraine last Historical Primary year, Annual Total")

# ---- follow-up chains (real market)
v = mv(R, "Portugal", 2024)
add(D, "market", ["Iberian check for the interconnector study. How much PV did Spain add in 2024?", "and Portugal?"],
    "follow_up", [E(v, MW)], how="Portugal 2024 Historical Primary Total Annual")

a, t = mv(R, "Switzerland", 2024, conn="Distributed"), mv(R, "Switzerland", 2024)
add(D, "market", ["What % of Austria's 2024 PV additions were distributed?", "same for Switzerland"],
    "follow_up", [E(a / t * 100, "%")], how="Switzerland 2024 Annual Distributed / Total")

v = mv(R, "Germany", 2030, scen="high")
add(D, "market", ["German annual PV additions in 2030, most probable scenario?", "ok and in the high scenario?"],
    "follow_up", [E(v, MW)], how="Germany 2030 Forecast - High Total Annual")

add(D, "market", ["Top 5 countries by cumulative PV capacity at the end of 2024, please.", "can you show that as a bar chart?"],
    "follow_up", [E(x[1], MW) for x in top_cum], [x[0] for x in top_cum],
    how="countries, 2024 Historical Primary Total Cumulative, top 5, charted")

a, b = mv(R, "Greece", 2020), mv(R, "Greece", 2024)
add(D, "market", ["Show me Greece's annual PV additions from 2020 to 2024.", "What's the CAGR over that period?"],
    "follow_up", [E(cagr(a, b, 4), "%")], how="Greece Annual Total 2020->2024, CAGR over 4 years")

v = mv(R, "Poland", 2026, scen="high")
add(D, "market", ["Poland low scenario, additions in 2026?", "and the high one?"],
    "follow_up", [E(v, MW)], how="Poland 2026 Forecast - High Total Annual")

v = mv(R, "Denmark", 2022, "Annual")
add(D, "market", ["Danish cumulative PV end of 2023?", "what about the additions in 2022?"],
    "follow_up", [E(v, MW)], how="Denmark 2022 Historical Primary Total Annual")

# ---- unanswerable (real market)
U = dict(answerable=False)
add(D, "market", "For the adequacy study I also need wind: how much onshore wind did Germany add in 2024?",
    "unanswerable", why="only PV capacity is held; no wind data", **U)
add(D, "market", "Hybrid parks are piling up in our connection queue. How much battery storage (MW) was installed next to PV in Italy in 2024?",
    "unanswerable", why="storage capacity is not in the market data", **U)
add(D, "market", "For the energy balance I need energy, not capacity. What was the PV electricity generation in Spain in 2023, in TWh?",
    "unanswerable", why="generation (energy) is not held, only capacity in MW", **U)
add(D, "market", "Our model runs on AC values. What is Germany's cumulative PV in MW AC at end of 2024?",
    "unanswerable", why="capacities are DC only; no AC figures or DC/AC ratio in the data", **U)
add(D, "market", "How much PV is connected in Bavaria? We need it per federal state for the nodal model.",
    "unanswerable", why="no sub-national (federal state) breakdown in the data", **U)
add(D, "market", "Our study horizon goes to 2035. What does the most probable scenario say for Germany's annual PV additions in 2035?",
    "unanswerable", why="forecasts stop in 2030", **U)
add(D, "market", "Germany's total installed PV base in 2030, most probable scenario?",
    "unanswerable", why="forecast Cumulative values in the real CSV exclude the installed base, so no valid forecast cumulative figure", **U)
add(D, "market", "We also benchmark against non-European markets. Brazil's expected PV additions in 2027 (most probable)?",
    "unanswerable", why="no forecast scenarios for Brazil; forecasts cover European countries only", **U)
add(D, "market", "Ukraine in the low scenario – how much PV in 2028?",
    "unanswerable", why="Ukraine has only High and Most probable forecasts, no Low scenario", **U)
add(D, "market", "How many rooftop PV systems (number of installations) were connected in the Netherlands in 2024?",
    "unanswerable", why="only capacity in MW, no counts of systems", **U)
add(D, "market", "How much PV was curtailed in Germany in 2024 because of grid congestion?",
    "unanswerable", why="curtailment is not held", **U)
add(D, "market", "What was the size of the French PV market in EUR in 2024?",
    "unanswerable", why="market value in currency is not held", **U)
add(D, "market", "Small one, for the Swiss control block: Liechtenstein PV capacity end of 2024?",
    "unanswerable", why="Liechtenstein is not in the data", **U)

# =================================================================
# REAL instance: prices
# =================================================================
v, dt, u = p_latest(RP, "Module", "n-type TOPCon", "EU")
add(D, "price", "For the cost annex: latest n-type TOPCon module price in the EU?",
    "price", [E(v, u)], how=f"Module / n-type TOPCon / EU, newest date {dt.date()}")

vals = [p_latest(RP, "Module", "n-type TOPCon", r) for r in ["EU", "US", "China"]]
assert len({x[1] for x in vals}) == 1
add(D, "price", "Regional spread matters for the cost annex. Compare the most recent TOPCon module prices in EU, US and China.",
    "price", [E(x[0], x[2]) for x in vals], ["EU", "US", "China"],
    how=f"Module / n-type TOPCon latest ({vals[0][1].date()}) for EU, US, China")

v, u = p_month(RP, "Copper", "Copper", "Overseas", 2024, 3)
add(D, "price", "Cables are a big cost item for us. What was the copper price in March 2024?",
    "price", [E(v, u)], how="Copper / Overseas monthly, 2024-03")

v, dts, u = p_ext(RP, "Aluminium", "Aluminium", "Overseas", "max")
assert len(dts) == 1
add(D, "price", "Aluminium matters for frames and mounting structures. highest aluminium price in the whole series, and when?",
    "price", [E(v, u)], [month_name(dts[0])], how="Aluminium / Overseas monthly, max over the series")

v, dts, u = p_ext(RP, "Module", "n-type HJT", "EU", "min")
add(D, "price", "What's the lowest HJT module price recorded for the EU?",
    "price", [E(v, u)], how="Module / n-type HJT / EU, min over the series (" + ", ".join(str(d.date()) for d in dts) + ")")

a, _ = p_month(RP, "EVA", "EVA", "Overseas", 2024, 1)
b, u = p_month(RP, "EVA", "EVA", "Overseas", 2025, 1)
add(D, "price", "EVA encapsulant is one line in our module cost breakdown. EVA price change from January 2024 to January 2025 in %?",
    "price", [E(pct_change(a, b), "%")], how="EVA / Overseas monthly, 2024-01 -> 2025-01 % change")

v, n, u = p_mean(RP, "Silver", "Silver", "Overseas", "2024-01-01", "2024-12-31", unit="K US$/t")
assert n == 12
add(D, "price", "Average silver price over 2024?",
    "price", [E(v, u)], how="Silver / Overseas monthly (K US$/t), mean of the 12 months of 2024")

x = pseries(RP, "Module", "n-type TOPCon", "EU")
a, b = float(x.base_price.iloc[0]), float(x.base_price.iloc[-1])
add(D, "price", "How much have EU TOPCon module prices fallen since the start of that series? In % please.",
    "price", [E(pct_change(a, b), "%")],
    how=f"Module / n-type TOPCon / EU, first ({x.date.iloc[0].date()}) -> latest ({x.date.iloc[-1].date()}) % change")

v, dt, u = p_latest(RP, "Module", "n-type HJT", "EU")
add(D, "price", "Heterojunction modules seem to have disappeared from the EU price reports. What's the latest price you have for HJT modules in the EU?",
    "price", [E(v, u)], [str(dt.year)], how=f"Module / n-type HJT / EU, newest date {dt.date()}")

# price follow-ups
v, dt, u = p_latest(RP, "Module", "n-type TOPCon", "US")
add(D, "price", ["Latest n-type TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [E(v, u)], how=f"Module / n-type TOPCon / US, newest date {dt.date()}")

v, u = p_month(RP, "Copper", "Copper", "Overseas", 2025, 1)
add(D, "price", ["What did copper cost in January 2024?", "and one year later?"],
    "follow_up", [E(v, u)], how="Copper / Overseas monthly, 2025-01")

# price unanswerable (real)
add(D, "price", "What's the current price of string inverters per W? Need it for the cost annex.",
    "unanswerable", why="inverter prices are not in the price data", **U)
add(D, "price", "Module price in Japan right now for TOPCon?",
    "unanswerable", why="no Japan region in the price data", **U)
add(D, "price", "For the cost annex I want to break the module cost down. What share of the module price is polysilicon cost these days?",
    "unanswerable", why="a cost share of a price is not held; prices are per item and unit, never combinable", **U)
add(D, "price", "What were EU TOPCon module prices in 2019?",
    "unanswerable", why="the EU n-type TOPCon module series starts in 2024", **U)
add(D, "price", "Price of single-axis trackers in 2024 in US$/Wp?",
    "unanswerable", why="trackers / BOS components are not in the price data", **U)

# =================================================================
# SAMPLE instance: market
# =================================================================
D = "sample"

v = mv(S, "Netherlands", 2022)
add(D, "market", "Netherland PV additions 2022?",
    "lookup", [E(v, MW)], how="sample: Netherlands 2022 Historical Primary Total Annual")

v = mv(S, "Germany", 2030, "Cumulative", scen="mp")
add(D, "market", "For the 2030 grid development plan the installed base is what matters. What installed PV base does the most probable scenario give for Germany at the end of 2030?",
    "lookup", [E(v, MW)], how="sample: Germany 2030 Forecast - Most probable Total Cumulative")

v = mv(S, "World", 2030, "Cumulative", scen="low")
add(D, "market", "Global cumulative PV in 2030 under the low scenario?",
    "lookup", [E(v, MW)], how="sample: World 2030 Forecast - Low Total Cumulative")

v = mv(S, "Italy", 2024, conn="Off-grid")
add(D, "market", "small detail for the island systems chapter: Italian off-grid PV additions in 2024?",
    "lookup", [E(v, MW)], how="sample: Italy 2024 Historical Primary Off-grid Annual")

rk = ranking(S, S_COUNTRIES, 2024, n=len(S_COUNTRIES))
add(D, "market", "Quick overview before the workshop: please rank all countries you have by PV installed in 2024.",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="sample: countries (World excluded), 2024 Historical Primary Total Annual, sorted desc")

rk = ranking(S, S_COUNTRIES, 2030, "Cumulative", scen="high", n=3)
add(D, "market", "In the high scenario, which three countries have the biggest PV fleet by 2030?",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="sample: countries, 2030 Forecast - High Total Cumulative, top 3")

a, w = mv(S, "Poland", 2024), mv(S, "World", 2024)
add(D, "market", "Poland's share of world PV additions in 2024?",
    "share", [E(a / w * 100, "%")], how="sample: Poland / World 2024 Annual Total")

a, t = mv(S, "Italy", 2024, "Cumulative", "Distributed"), mv(S, "Italy", 2024, "Cumulative")
add(D, "market", "We model Italy's low-voltage feeders. What share of the Italian cumulative PV (end 2024) is distributed?",
    "share", [E(a / t * 100, "%")], how="sample: Italy 2024 Cumulative Distributed / Total")

a, t = mv(S, "Spain", 2030, conn="Centralised", scen="mp"), mv(S, "Spain", 2030, scen="mp")
add(D, "market", "Utility-scale share in Spain's 2030 additions, most probable case – in %?",
    "share", [E(a / t * 100, "%")], how="sample: Spain 2030 MP Annual Centralised / Total")

a, b = mv(S, "Spain", 2015, "Cumulative"), mv(S, "Spain", 2024, "Cumulative")
add(D, "market", "For the long-term trend chapter. What CAGR did Spain's cumulative PV capacity have from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], how="sample: Spain Cumulative Total 2015->2024, CAGR over 9 years")

a, b = mv(S, "France", 2025, scen="low"), mv(S, "France", 2030, scen="low")
add(D, "market", "France low case: how much do annual additions change between 2025 and 2030, in percent?",
    "change", [E(pct_change(a, b), "%")], how="sample: France Annual Total Forecast - Low 2025->2030 % change")

a, b = mv(S, "Germany", 2023), mv(S, "Germany", 2024)
add(D, "market", "Year-on-year growth of German PV installations, 2024 vs 2023?",
    "change", [E(pct_change(a, b), "%")], how="sample: Germany Annual Total 2023->2024 % change")

a, b = mv(S, "Germany", 2030, scen="high"), mv(S, "Spain", 2030, scen="high")
add(D, "market", "The two biggest markets in our high case need a side-by-side. Germany vs Spain: annual additions in 2030 in the high scenario?",
    "compare", [E(a, MW), E(b, MW)], ["Germany"], how="sample: 2030 Forecast - High Annual Total, DE and ES")

vals = {c: mv(S, c, 2024, "Cumulative", "Distributed") for c in ["Netherlands", "France", "Poland"]}
add(D, "market", "Compare distributed cumulative PV end of 2024 for Netherlands, France and Poland.",
    "compare", [E(v, MW) for v in vals.values()], list(vals.keys()),
    how="sample: 2024 Historical Primary Distributed Cumulative for NL, FR, PL")

y, v = extreme_year(S, "Netherlands", hist_years(S, "Netherlands"))
add(D, "market", "Dutch grid congestion started around the boom years. Historically, which was the peak year for Dutch PV additions?",
    "extreme", [E(v, MW)], [y], how="sample: Netherlands Historical Primary Annual Total, max over 2015-2024")

y, v = extreme_year(S, "Poland", list(range(2025, 2031)), scen="mp", fn=min)
add(D, "market", "In the most probable forecast, which year has the lowest Polish PV additions?",
    "extreme", [E(v, MW)], [y], how="sample: Poland Forecast - Most probable Annual Total 2025-2030, min")

s = series(S, "Italy", hist_years(S, "Italy"))
add(D, "market", "Average Italian PV additions per year across the historical data?",
    "average", [E(sum(s.values()) / len(s), MW)], how="sample: mean of Italy Annual Total over Historical Primary years 2015-2024")

s = series(S, "World", range(2020, 2025))
add(D, "market", "Sum of global PV installations 2020 through 2024?",
    "sum", [E(sum(s.values()), MW)], how="sample: sum of World Annual Total 2020..2024")

s = series(S, "Germany", range(2025, 2031), scen="mp")
add(D, "market", "Germany, most probable case: what are the average yearly additions over 2025-2030?",
    "average", [E(sum(s.values()) / len(s), MW)], how="sample: mean of Germany Annual Total MP 2025..2030 (6 years)")

s = series(S, "Poland", range(2025, 2031), scen="high")
add(D, "market", "For the Polish border flows we take the high case. Total MW Poland adds from 2025 through 2030 in the high scenario?",
    "sum", [E(sum(s.values()), MW)], how="sample: sum of Poland Annual Total Forecast - High 2025..2030")

y, v = first_year_above(S, "Italy", 3000, conn="Distributed")
add(D, "market", "first year when Italy's rooftop (distributed) additions went above 3 GW?",
    "first_latest", [E(v, MW)], [y], how="sample: first Historical Primary year with Italy Distributed Annual > 3000 MW")

# sample follow-ups
v = mv(S, "France", 2024, "Cumulative")
add(D, "market", ["Germany cumulative PV end of 2024?", "and France?"],
    "follow_up", [E(v, MW)], how="sample: France 2024 Historical Primary Total Cumulative")

v = mv(S, "Spain", 2028, scen="high")
add(D, "market", ["Spain PV additions in 2028?", "same for the high scenario"],
    "follow_up", [E(v, MW)], how="sample: Spain 2028 Forecast - High Total Annual")

a, b = mv(S, "Netherlands", 2019), mv(S, "Netherlands", 2024)
add(D, "market", ["Netherlands annual PV additions 2019?", "and in 2024?", "so what's the change in % between the two?"],
    "follow_up", [E(pct_change(a, b), "%")], how="sample: Netherlands Annual Total 2019->2024 % change")

s = series(S, "World", range(2015, 2025))
add(D, "market", ["World PV additions 2015 to 2024 please, year by year", "as a line chart pls"],
    "follow_up", [E(x, MW) for x in s.values()], how="sample: World Annual Total 2015..2024, charted")

# sample unanswerable
add(D, "market", "Just for scale in the intro slide: China's PV additions in 2024?",
    "unanswerable", why="China is not in the sample market data", **U)
add(D, "market", "I want a longer history for the German fleet. How much PV did Germany install in 2012?",
    "unanswerable", why="sample market data starts in 2015", **U)
add(D, "market", "How much offshore wind is planned in the Netherlands by 2030?",
    "unanswerable", why="wind is not held, only PV", **U)
add(D, "market", "Belgian rooftop PV additions 2024?",
    "unanswerable", why="Belgium is not in the sample market data", **U)
add(D, "market", "The economists want a cost figure too. What's the LCOE of utility-scale PV in Spain?",
    "unanswerable", why="LCOE is not held", **U)
add(D, "market", "What is the average feed-in tariff for rooftop PV in Germany in 2024, ct/kWh?",
    "unanswerable", why="tariffs are not held", **U)

# =================================================================
# SAMPLE instance: prices
# =================================================================
v, u = p_month(SP, "Module", "n-type TOPCon", "EU", 2024, 3)
add(D, "price", "TOPCon module price in the EU in March 2024?",
    "price", [E(v, u)], how="sample: Module / n-type TOPCon / EU, 2024-03")

v, dt, u = p_latest(SP, "Polysilicon", "High purity - 9N/9N+", "China")
add(D, "price", "latest polysilicon price in China (9N)?",
    "price", [E(v, u)], how=f"sample: Polysilicon / High purity 9N / China, newest {dt.date()}")

v, dts, u = p_ext(SP, "Module", "p-type mono-Si PERC M10", "India", "min")
assert len(dts) == 1
add(D, "price", "What was the lowest PERC M10 module price in India, and in which month?",
    "price", [E(v, u)], [dts[0].strftime("%B"), str(dts[0].year)], how=f"sample: Module / PERC M10 / India, min over the series ({dts[0].date()})")

a = p_latest(SP, "Module", "n-type HJT", "US")
b = p_latest(SP, "Module", "n-type HJT", "EU")
add(D, "price", "We compare import options. Latest HJT module price US vs EU?",
    "price", [E(a[0], a[2]), E(b[0], b[2])], how="sample: Module / n-type HJT latest for US and EU")

a, _ = p_month(SP, "PV glass", "Glass 3,2mm", "EU", 2023, 1)
b, _ = p_month(SP, "PV glass", "Glass 3,2mm", "EU", 2024, 12)
add(D, "price", "How did the 3.2 mm PV glass price in the EU change from January 2023 to December 2024, in %?",
    "price", [E(pct_change(a, b), "%")], how="sample: PV glass / Glass 3,2mm / EU, 2023-01 -> 2024-12 % change")

v, n, u = p_mean(SP, "Wafer", "n-type mono-Si M10", "China", "2024-01-01", "2024-12-31")
assert n == 12
add(D, "price", "Wafers are not really my topic, but the cost annex has a line for it. Average n-type M10 wafer price in China during 2024?",
    "price", [E(v, u)], how="sample: Wafer / n-type mono-Si M10 / China, mean of 2024 monthly values")

regs = sorted(SP[(SP["item"] == "Module") & (SP.description == "n-type TOPCon")].region.unique())
lat = sorted(((p_latest(SP, "Module", "n-type TOPCon", r)[0], r) for r in regs))
assert lat[0][0] != lat[1][0]
add(D, "price", "Where is a TOPCon module cheapest at the moment – which region?",
    "price", [E(lat[0][0], "US$/Wp")], [lat[0][1]], how="sample: Module / n-type TOPCon latest per region, min")

a = p_month(SP, "Cell", "n-type TOPCon M10", "China", 2024, 6)
add(D, "price", ["TOPCon M10 cell price in China, June 2024?", "and in the EU the same month?"],
    "follow_up", [E(p_month(SP, "Cell", "n-type TOPCon M10", "EU", 2024, 6)[0], "US$/Wp")],
    how="sample: Cell / n-type TOPCon M10 / EU, 2024-06")

add(D, "price", "What's the price of copper right now?",
    "unanswerable", why="copper is not in the sample price data", **U)
add(D, "price", "module price for TOPCon in Australia?",
    "unanswerable", why="no Australia region in the sample price data", **U)
add(D, "price", "I need a longer price history. What did PERC modules cost in China in 2021?",
    "unanswerable", why="the sample price series cover 2023-2024 only", **U)

# =================================================================
# Financials (synthetic sample, on both instances)
# =================================================================
v, u = fin(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "Our procurement people asked about supplier health. Helios Modules revenue for full year 2024?",
    "financial", [E(v, u)], how="financials: Helios FY2024 Revenue")

v, u = fin(NOR, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "For the supply-risk annex: Nordlicht Solar's gross margin in Q4 2024?",
    "financial", [E(v, u)], how="financials: Nordlicht 2024-Q4 Gross margin")

a, u = fin(SUN, "FY2023", "Net income")
b, _ = fin(SUN, "FY2024", "Net income")
add("real", "manufacturer_financial", "How did SunForge's net income develop from FY2023 to FY2024? Give both and the difference.",
    "financial", [E(a, u), E(b, u), E(b - a, u)], how="financials: SunForge Net income FY2023, FY2024, difference")

caps = sorted(((fin(c, "FY2024", "Production capacity")[0], c) for c in COMPANIES), reverse=True)
add("real", "manufacturer_financial", "Which manufacturer had the largest production capacity in FY2024?",
    "financial", [E(caps[0][0], "GW")], [caps[0][1].split()[0]], how="financials: FY2024 Production capacity, max over companies")

v, u = fin(AUR, "2024-Q4", "Net income")
add("real", "manufacturer_financial", "Was Aurora PV Group profitable in Q4 2024? Net income figure please.",
    "financial", [E(v, u)], how="financials: Aurora 2024-Q4 Net income")

add("real", "manufacturer_financial", "US thin-film is also relevant for us. What was First Solar's revenue in 2024?",
    "unanswerable", why="First Solar is not in the financials", **U)

a, u = fin(HEL, "FY2023", "Revenue")
b, _ = fin(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Helios revenue change FY2023 to FY2024 in %?",
    "financial", [E(pct_change(a, b), "%")], how="financials: Helios Revenue FY2023->FY2024 % change")

v, u = fin(AUR, "FY2024", "Module shipments")
add("sample", "manufacturer_financial", "Aurora PV module shipments in 2024 (full year), GW?",
    "financial", [E(v, u)], how="financials: Aurora FY2024 Module shipments")

ni = sorted(((fin(c, "FY2024", "Net income")[0], c) for c in COMPANIES), reverse=True)
add("sample", "manufacturer_financial", "Supplier risk check for the cost annex – rank the manufacturers by net income for FY2024.",
    "financial", [E(x[0], "USD million") for x in ni], [x[1].split()[0] for x in ni],
    how="financials: FY2024 Net income, all companies sorted desc")

v, u = fin(SUN, "2024-Q3", "Revenue")
add("sample", "manufacturer_financial", ["Helios Modules revenue in 2024-Q3?", "and for SunForge?"],
    "follow_up", [E(v, u)], how="financials: SunForge 2024-Q3 Revenue")

v, u = fin(NOR, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "Nordlicht is one of the few European module makers left. Their production capacity at Q4 2024?",
    "financial", [E(v, u)], how="financials: Nordlicht 2024-Q4 Production capacity")

add("sample", "manufacturer_financial", "What was the EBITDA of Helios Modules in FY2024?",
    "unanswerable", why="EBITDA is not a metric in the financials", **U)
add("sample", "manufacturer_financial", "Nordlicht Solar revenue in 2022?",
    "unanswerable", why="the financials cover 2023 and 2024 only", **U)

# =================================================================
# write + self-check
# =================================================================
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"grid-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, f"only {len(ITEMS)} items"
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, f"only {n_un} unanswerable"
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chain >= 12, f"only {n_chain} follow-up chains"
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]
    else:
        assert it["why"] and not it["expect"], it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme",
                          "average", "sum", "first_latest", "price", "financial",
                          "follow_up", "unanswerable"}, it["id"]
    assert it["data"] in {"real", "sample"}
n_ctx = sum(("." in it["turns"][0][:-1] or ":" in it["turns"][0]) for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_chain}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind x data:")
kd = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kd}):
    print(f"  {k:13s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
