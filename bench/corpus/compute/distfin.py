#!/usr/bin/env python3
"""distfin question set: every expected figure is computed here from the data files.

Persona: finance director of a mid-sized European solar module/component distributor.
Writes questions.jsonl next to this script and runs a self-check.
"""
import json
import math
import os
from collections import Counter

import pandas as pd

WRITER = "distfin"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "questions.jsonl")

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP, HIGH, LOW = "Forecast - Most probable", "Forecast - High", "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
    "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
    "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
    "Romania", "Slovakia", "Slovenia", "Spain", "Sweden",
]
EUROPE_COUNTRIES = EU27 + [
    "Albania", "Belarus", "Bosnia Herzegovina", "Iceland", "Kosovo", "Montenegro",
    "North Macedonia", "Norway", "Republic of Moldova", "Serbia", "Switzerland", "Türkiye",
    "UK", "Ukraine",
]


# ----------------------------------------------------------------------------- loading
def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # RoW rows repeat with different metadata columns but identical capacity: keep one per key
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    df = df.drop_duplicates(KEY)
    return df


def load_prices(path):
    if path.endswith(".parquet"):
        p = pd.read_parquet(path)
    else:
        p = pd.read_csv(path)
    p["date"] = pd.to_datetime(p["date"])
    return p


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = load_prices(REAL_PRICES)
SP = load_prices(S_PRICES)
FIN = pd.read_csv(S_FIN)

for t in EUROPE_COUNTRIES:
    assert t in set(RM.Territory), t
REAL_COUNTRIES = sorted(set(RM.Territory) - AGGREGATES)
SAMPLE_COUNTRIES = sorted(set(SM.Territory) - {"World"})


# ----------------------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def scen_for(df, terr, year, scen):
    if scen is not None:
        return scen
    return HIST if year <= last_hist(df, terr) else MP


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def hist_series(df, terr, typ="Annual", conn="Total"):
    r = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Connection == conn) & (df.Type == typ)]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def rank_countries(df, countries, year, typ="Annual", conn="Total", scen=None, n=None):
    vals = {}
    for c in countries:
        try:
            vals[c] = mv(df, c, year, typ, conn, scen)
        except AssertionError:
            pass
    ordered = sorted(vals.items(), key=lambda kv: -kv[1])
    if n is not None:
        # the cut must be clean
        assert ordered[n - 1][1] > ordered[n][1]
        ordered = ordered[:n]
    return ordered


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def pseries(p, item, desc, region, unit=None):
    x = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region, unit)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    # a date with several observations must agree, otherwise the series is unusable
    assert (x.groupby("date").base_price.nunique() <= 1).all(), (item, desc, region)
    x = x.drop_duplicates("date").sort_values("date")
    return x.set_index("date")["base_price"], x.unit.iloc[0]


def latest(s):
    return s.index[-1], float(s.iloc[-1])


def first(s):
    return s.index[0], float(s.iloc[0])


def in_month(s, ym):
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def on_date(s, d):
    x = s[s.index == pd.Timestamp(d)]
    assert len(x) == 1, d
    return float(x.iloc[0])


def in_year(s, y):
    return s[s.index.year == y]


# ----------------------------------------------------------------------------- financial helpers
def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]


# ----------------------------------------------------------------------------- item builder
ITEMS = []


def E(v, unit):
    v = float(v)
    assert math.isfinite(v)
    return {"value": v, "unit": unit}


def add(data, agent, kind, turns, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": why is None,
        "kind": kind,
        "expect": list(expect),
        "names": [str(n) for n in names],
        "how": how,
    }
    if why is not None:
        item["kind"] = "unanswerable"
        item["expect"] = []
        item["names"] = []
        item["why"] = why
    ITEMS.append(item)


def unans(data, agent, turns, why, how="not in the loaded data"):
    add(data, agent, "unanswerable", turns, how=how, why=why)


MW = "MW"
PCT = "%"
USDM = "USD million"

# ============================================================================= REAL: market
R = "real"
M = "market"

v = mv(RM, "Germany", 2024)
add(R, M, "lookup", "Quick one for the budget deck: how much PV did Germany add in 2024?",
    [E(v, MW)], how="market CSV: Germany, 2024, Historical Primary, Total, Annual")

v = mv(RM, "Italy", 2023, conn="Distributed")
add(R, M, "lookup", "Italian installers are our biggest accounts. Italy's distributed segment (rooftop etc), new capacity 2023 - MW?",
    [E(v, MW)], how="market CSV: Italy, 2023, Historical Primary, Distributed, Annual")

v = mv(RM, "Spain", 2024, typ="Cumulative")
add(R, M, "lookup", "Need Spain's installed base at end of 2024 for a slide, total MW pls",
    [E(v, MW)], how="market CSV: Spain, 2024, Historical Primary, Total, Cumulative")

v = mv(RM, "France", 2027, scen=LOW)
add(R, M, "lookup", "Downside case for France: 2027 annual additions in the low scenario?",
    [E(v, MW)], how="market CSV: France, 2027, Forecast - Low, Total, Annual")

# --- rankings
top = rank_countries(RM, REAL_COUNTRIES, 2024, n=5)
add(R, M, "rank", "Board wants global context. Top 5 countries worldwide by PV added in 2024, with MW",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="market CSV 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

top = rank_countries(RM, EU27, 2024, n=3)
add(R, M, "rank", "Reviewing where to put sales reps. Which 3 EU member states added the most PV in 2024?",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="market CSV 2024 Annual Total Historical Primary over the EU-27 countries, top 3")

core = ["Germany", "Italy", "Spain", "France", "Poland", "Netherlands"]
top = rank_countries(RM, core, 2030)
add(R, M, "rank",
    "Our core markets are DE, IT, ES, FR, PL and NL. Rank them by 2030 annual additions, most probable case",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="market CSV 2030 Forecast - Most probable Total Annual for the six countries, sorted descending")

top = rank_countries(RM, EUROPE_COUNTRIES, 2024, typ="Cumulative", n=3)
add(R, M, "rank", "Biggest installed PV bases in Europe at end-2024? top 3 countries",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="market CSV 2024 Cumulative Total Historical Primary over European countries, top 3")

# --- shares
a, b = mv(RM, "Germany", 2024, conn="Distributed"), mv(RM, "Germany", 2024)
add(R, M, "share", "Checking our rooftop exposure in DE. 2024: what % of new capacity was distributed?",
    [E(a / b * 100, PCT)], how="Germany 2024 Annual Distributed / Total x 100")

a, b = mv(RM, "China", 2024), mv(RM, "World", 2024)
add(R, M, "share",
    "Looking at where the volume goes. China's share of global PV additions in 2024, in %?",
    [E(a / b * 100, PCT)], how="China 2024 Annual Total / World 2024 Annual Total x 100")

a, b = mv(RM, "Spain", 2024, conn="Centralised"), mv(RM, "Spain", 2024)
add(R, M, "share", "Spanish market is mostly utility scale I think - centralised share of 2024 additions?",
    [E(a / b * 100, PCT)], how="Spain 2024 Annual Centralised / Total x 100")

a, b = mv(RM, "Germany", 2024), mv(RM, "EU", 2024)
add(R, M, "share", "germany as a share of total EU installations in 2024?",
    [E(a / b * 100, PCT)], how="Germany 2024 Annual Total / EU aggregate 2024 Annual Total x 100")

a, b = mv(RM, "Italy", 2030, conn="Distributed"), mv(RM, "Italy", 2030)
add(R, M, "share", "In the most probable case, what share of Italy's 2030 additions is distributed?",
    [E(a / b * 100, PCT)], how="Italy 2030 Forecast - Most probable Annual Distributed / Total x 100")

# --- change
a, b = mv(RM, "Italy", 2022), mv(RM, "Italy", 2024)
add(R, M, "change", "Italy volumes looked strong to us. Annual market 2022 vs 2024, % change?",
    [E(pct(a, b), PCT)], how="Italy Annual Total (2024-2022)/2022 x 100")

a, b = mv(RM, "Germany", 2024), mv(RM, "Germany", 2030)
add(R, M, "change",
    "For the 5-yr plan: CAGR of Germany's annual additions from 2024 (actual) to 2030, most probable scenario",
    [E(cagr(a, b, 6), PCT)], how="Germany Annual Total 2024 Historical to 2030 Most probable, CAGR over 6 years")

a, b = mv(RM, "Netherlands", 2023), mv(RM, "Netherlands", 2024)
add(R, M, "change", "Dutch sales were soft last year. NL additions 2024 vs 2023 - change in MW and %?",
    [E(b - a, MW), E(pct(a, b), PCT)], how="Netherlands Annual Total 2024 minus 2023, and % change")


# --- compare
a, b = mv(RM, "Spain", 2024), mv(RM, "France", 2024)
add(R, M, "compare", "Spain vs France, 2024 additions - who's bigger and by how much?",
    [E(a, MW), E(b, MW), E(a - b, MW)], ["Spain"], how="Spain and France 2024 Annual Total, difference")

vals = [(c, mv(RM, c, 2024, conn="Distributed")) for c in ["Germany", "Italy", "Spain"]]
add(R, M, "compare",
    "Rooftop is our bread and butter. Distributed additions 2024 for Germany, Italy and Spain side by side?",
    [E(x, MW) for _, x in vals], ["Germany"],
    how="2024 Annual Distributed, Historical Primary, for the three countries (Germany largest)")

a, b = mv(RM, "Germany", 2030, scen=HIGH), mv(RM, "Germany", 2030, scen=LOW)
add(R, M, "compare", "Germany 2030: high vs low scenario, what's the gap in MW?",
    [E(a, MW), E(b, MW), E(a - b, MW)], how="Germany 2030 Annual Total Forecast - High minus Forecast - Low")

# --- extremes
s = hist_series(RM, "Spain")
assert (s == s.max()).sum() == 1
add(R, M, "extreme", "What was Spain's best year ever for new PV installs?",
    [E(s.max(), MW)], [int(s.idxmax())], how="Spain Annual Total Historical Primary, max over all years")

s = hist_series(RM, "Italy")
assert (s == s.max()).sum() == 1
add(R, M, "extreme", "italy's peak year for annual additions, and how big was it?",
    [E(s.max(), MW)], [int(s.idxmax())], how="Italy Annual Total Historical Primary, max over all years")

s = hist_series(RM, "Germany")
s = s[s.index >= 2010]
assert (s == s.min()).sum() == 1
add(R, M, "extreme", "For the downside narrative: weakest year for German additions since 2010?",
    [E(s.min(), MW)], [int(s.idxmin())], how="Germany Annual Total Historical Primary 2010-2024, min")

f = {y: mv(RM, "Netherlands", y, scen=MP) for y in range(2025, 2031)}
ymin = min(f, key=f.get)
assert list(f.values()).count(f[ymin]) == 1
add(R, M, "extreme",
    "NL forecast, most probable: which year between 2025 and 2030 is the low point for additions?",
    [E(f[ymin], MW)], [ymin], how="Netherlands Annual Total Forecast - Most probable 2025-2030, min")

# --- averages
vals = [mv(RM, "France", y) for y in range(2020, 2025)]
add(R, M, "average", "Setting a baseline for the France budget. Average annual French additions 2020-2024?",
    [E(sum(vals) / len(vals), MW)], how="mean of France Annual Total 2020..2024 (5 years)")

vals = [mv(RM, "Germany", y) for y in range(2025, 2031)]
add(R, M, "average", "avg yearly German market over 2025-2030, most probable scenario",
    [E(sum(vals) / len(vals), MW)], how="mean of Germany Annual Total Forecast - Most probable 2025..2030")

# --- sums
vals = [mv(RM, "Italy", y) for y in range(2025, 2031)]
add(R, M, "sum",
    "Planning horizon is 2025-2030. Total Italian additions over those six years, most probable?",
    [E(sum(vals), MW)], how="sum of Italy Annual Total Forecast - Most probable 2025..2030")

vals = [mv(RM, c, 2024) for c in ["Spain", "Portugal"]]
add(R, M, "sum", "Iberia combined (Spain + Portugal), PV added in 2024?",
    [E(sum(vals), MW)], how="Spain + Portugal 2024 Annual Total Historical Primary")

vals = [mv(RM, "Germany", y, conn="Distributed", scen=LOW) for y in range(2026, 2029)]
add(R, M, "sum", "Germany distributed additions 2026-2028 summed, low scenario",
    [E(sum(vals), MW)], how="sum of Germany Annual Distributed Forecast - Low 2026..2028")

# --- first / latest
s = hist_series(RM, "Greece")
y = int(s[s > 1000].index.min())
add(R, M, "first_latest", "Greece is a new market for us. When did it first add more than 1 GW in a single year?",
    [E(s[y], MW)], [y], how="Greece Annual Total Historical Primary, first year > 1000 MW")

s = hist_series(RM, "Poland", typ="Cumulative")
y = int(s[s > 10000].index.min())
add(R, M, "first_latest", "First year Poland's installed base topped 10 GW?",
    [E(s[y], MW)], [y], how="Poland Cumulative Total Historical Primary, first year > 10000 MW")

y = last_hist(RM, "Ukraine")
add(R, M, "first_latest",
    "Ukraine keeps coming up with customers. What's the latest year of actuals you have and what was added that year?",
    [E(mv(RM, "Ukraine", y), MW)], [y], how="Ukraine latest Historical Primary year, Annual Total")

# ============================================================================= REAL: prices
P = "price"
s, u = pseries(RP, "Module", "n-type TOPCon", "EU")
d, x = latest(s)
add(R, P, "price", "Repricing the warehouse stock today. Latest EU TOPCon module price?", [E(x, u)],
    how=f"prices parquet Module / n-type TOPCon / EU, newest date {d.date()}")

vals = {}
for reg in ["China", "EU", "US"]:
    s, u = pseries(RP, "Module", "n-type TOPCon", reg)
    vals[reg] = latest(s)
assert len({d for d, _ in vals.values()}) == 1
cheap = min(vals, key=lambda r: vals[r][1])
add(R, P, "price",
    "Sourcing check - TOPCon modules right now, China vs EU vs US: which region is cheapest?",
    [E(vals[r][1], u) for r in ["China", "EU", "US"]], [cheap],
    how=f"Module n-type TOPCon latest ({list(vals.values())[0][0].date()}) for China, EU, US; min region")

s, u = pseries(RP, "Copper", "Copper", "Overseas")
add(R, P, "price", "Cable supplier says copper is up. Copper in March 2024, US$/t?", [E(in_month(s, "2024-03"), u)],
    how="prices parquet Copper / Overseas, monthly observation dated 2024-03")

s, u = pseries(RP, "Aluminium", "Aluminium", "Overseas")
add(R, P, "price", "Frames are getting pricier per our suppliers. Aluminium price Jan 2025?",
    [E(in_month(s, "2025-01"), u)], how="prices parquet Aluminium / Overseas, monthly observation 2025-01")

s, u = pseries(RP, "Module", "n-type TOPCon", "EU")
add(R, P, "extreme", "EU TOPCon module: highest and lowest price over the whole series you have?",
    [E(s.max(), u), E(s.min(), u)],
    how="Module n-type TOPCon EU, max and min over all dates")

s, u = pseries(RP, "Module", "n-type TOPCon", "China")
(d0, a), (d1, b) = first(s), latest(s)
add(R, P, "change",
    "How far have Chinese TOPCon module prices fallen since your first reading? % change first to latest",
    [E(pct(a, b), PCT)], how=f"Module n-type TOPCon China, ({d1.date()} - {d0.date()})/first x 100")

s, u = pseries(RP, "Module", "p-type mono-Si PERC M10", "EU")
y = in_year(s, 2024)
add(R, P, "average", "Writing down old PERC stock. Average EU price for PERC M10 modules during 2024?",
    [E(y.mean(), u)], how=f"mean of Module p-type mono-Si PERC M10 EU observations in 2024 (n={len(y)})")

s1, u = pseries(RP, "Module", "n-type TOPCon", "EU")
s2, _ = pseries(RP, "Module", "p-type mono-Si PERC M10", "EU")
assert s1.index[-1] == s2.index[-1]
a, b = float(s1.iloc[-1]), float(s2.iloc[-1])
add(R, P, "compare",
    "TOPCon premium over PERC M10 in the EU at the latest reading - gap in US$/Wp?",
    [E(a, u), E(b, u), E(a - b, u)],
    how=f"EU Module TOPCon minus PERC M10, both at {s1.index[-1].date()}")

s, u = pseries(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
a, b = in_month(s, "2024-01"), in_month(s, "2024-12")
add(R, P, "change",
    "Silver is eating into cell makers' margins. Silver price Jan 2024 vs Dec 2024 - how much up, in %?",
    [E(a, u), E(b, u), E(pct(a, b), PCT)],
    how="prices parquet Silver / Overseas (K US$/t series), monthly 2024-01 and 2024-12, % change")

s, u = pseries(RP, "Wafer", "n-type mono-Si M10", "Overseas")
d, x = latest(s)
add(R, P, "price", "n-type M10 wafers, overseas: latest price per piece?",
    [E(x, u)], how=f"Wafer n-type mono-Si M10 Overseas, newest date {d.date()}")

s, u = pseries(RP, "Cell", "n-type TOPCon M10", "Overseas")
y = in_year(s, 2024)
add(R, P, "change",
    "Overseas TOPCon M10 cells - change over 2024, first vs last reading of the year, in %?",
    [E(pct(float(y.iloc[0]), float(y.iloc[-1])), PCT)],
    how=f"Cell n-type TOPCon M10 Overseas, {y.index[0].date()} to {y.index[-1].date()} % change")

s1, u = pseries(RP, "Module", "n-type HJT", "EU")
s2, _ = pseries(RP, "Module", "n-type HJT", "US")
assert s1.index[-1] == s2.index[-1]
a, b = float(s1.iloc[-1]), float(s2.iloc[-1])
add(R, P, "compare",
    "We get asked about US vs EU pricing a lot. HJT modules, latest reading: EU vs US price and the US premium?",
    [E(a, u), E(b, u), E(b - a, u)],
    how=f"Module n-type HJT EU and US at their common latest date {s1.index[-1].date()}, US minus EU")

# ============================================================================= REAL: financials
F = "manufacturer_financial"
v, u = fin(AUR, "2024-Q4", "Gross margin")
add(R, F, "financial", "Negotiating with Aurora next week. Their gross margin in Q4 2024?", [E(v, u)],
    how="financials: Aurora PV Group, 2024-Q4, Gross margin")

a, u = fin(SUN, "FY2023", "Net income")
b, _ = fin(SUN, "FY2024", "Net income")
add(R, F, "financial",
    "Credit review on SunForge. FY24 net income vs FY23, and the change?",
    [E(b, u), E(a, u), E(b - a, u)], how="SunForge Net income FY2024, FY2023 and the difference")

a, u = fin(HEL, "2024-Q1", "Revenue")
b, _ = fin(HEL, "2024-Q2", "Revenue")
add(R, F, "financial", "Helios is our largest supplier. H1 2024 revenue? (Q1+Q2)", [E(a + b, u)],
    how="Helios Revenue 2024-Q1 + 2024-Q2")

vals = {c: fin(c, "FY2024", "Module shipments")[0] for c in COMPANIES}
best = max(vals, key=vals.get)
add(R, F, "financial", "Which of our suppliers shipped the most modules in FY2024, and how many GW?",
    [E(vals[best], "GW")], [best.split(" ")[0]], how="financials FY2024 Module shipments, max over the four companies")

a, u = fin(NOR, "FY2023", "Revenue")
b, _ = fin(NOR, "FY2024", "Revenue")
add(R, F, "financial", "Nordlicht Solar revenue decline FY23 to FY24 in %?",
    [E(pct(a, b), PCT)], how="Nordlicht Revenue (FY2024-FY2023)/FY2023 x 100")

# ============================================================================= REAL: follow-ups
FU = "follow_up"
add(R, M, FU, ["How much PV did Germany add in 2024?", "and Spain?"],
    [E(mv(RM, "Spain", 2024), MW)], how="Spain 2024 Annual Total Historical Primary")

a, b = mv(RM, "Italy", 2022, conn="Distributed"), mv(RM, "Italy", 2022)
add(R, M, FU, ["Italy: distributed share of additions in 2024?", "what about 2022?"],
    [E(a / b * 100, PCT)], how="Italy 2022 Annual Distributed / Total x 100")

add(R, M, FU, ["Germany 2030 annual additions, most probable?", "same for the high scenario"],
    [E(mv(RM, "Germany", 2030, scen=HIGH), MW)], how="Germany 2030 Annual Total Forecast - High")

top = rank_countries(RM, EU27, 2022, n=3)
add(R, M, FU, ["Top 3 EU countries by capacity added in 2023?", "and in 2022?"],
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="EU-27 countries 2022 Annual Total Historical Primary, top 3")

s, u = pseries(RP, "Module", "n-type TOPCon", "US")
d, x = latest(s)
add(R, P, FU, ["Latest TOPCon module price in the EU?", "And in the US?"],
    [E(x, u)], how=f"Module n-type TOPCon US newest date {d.date()}")

s, u = pseries(RP, "Aluminium", "Aluminium", "Overseas")
add(R, P, FU, ["Copper price Jan 2025?", "and aluminium, same month?"],
    [E(in_month(s, "2025-01"), u)], how="Aluminium Overseas monthly observation 2025-01")

a, b = mv(RM, "Poland", 2019), mv(RM, "Poland", 2024)
add(R, M, FU,
    ["Poland annual additions 2019 to 2024 please", "chart that", "CAGR over that period?"],
    [E(cagr(a, b, 5), PCT)], how="Poland Annual Total 2019 -> 2024 CAGR over 5 years")

v, u = fin(SUN, "FY2024", "Revenue")
add(R, F, FU, ["Helios Modules FY2024 revenue?", "and SunForge?"],
    [E(v, u)], how="SunForge Revenue FY2024")

# ============================================================================= REAL: unanswerable
unans(R, M, "How much onshore wind did Germany add in 2024? comparing with solar for a board memo",
      "wind capacity is not in the data; PV only")
unans(R, M, "Battery storage installs in Italy 2024, in MWh?",
      "storage installations are not held; PV capacity only")
unans(R, M, "What's the utility-scale LCOE in Spain right now?",
      "LCOE is not a measure in the data")
unans(R, M, "How many GWh did Italian PV generate in 2023?",
      "electricity generation (GWh) is not held; only installed capacity in MW")
unans(R, P, "Latest string inverter price per W in Europe?",
      "inverters are not among the price items (module, cell, wafer, polysilicon, glass, raw materials)")
unans(R, P, "We're looking at Latin America. TOPCon module price in Brazil, latest?",
      "no Brazil region in the price data (TOPCon modules: China, EU, US, Overseas)")
unans(R, M, "A partner wants us in West Africa. Nigeria PV additions 2024?",
      "Nigeria is not a territory in the market data")
unans(R, M, "Long-range view: Germany additions in 2035, most probable?",
      "forecasts end in 2030")
unans(R, M, "Germany's total installed base at end-2030 in the most probable scenario?",
      "forecast cumulative values in the loaded CSV exclude the installed base, so the figure cannot be given")
unans(R, P, "What's the current EU anti-dumping duty rate on Chinese modules?",
      "tariffs/duties are not held")
unans(R, P, "Average TOPCon module efficiency on the market now, %?",
      "module efficiency is not held; prices only")
unans(R, M, "Size of the French rooftop market in EUR for 2024?",
      "market value in currency is not held; capacity only (MW)")
unans(R, F, "LONGi H1 2024 net income?",
      "LONGi is not in the financials file (only four sample companies)")
unans(R, F, "SunForge EBITDA FY2024?",
      "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity)")
unans(R, P, "What share of a module's price is polysilicon cost at the moment?",
      "a cost share of the module price is not held; items have different units (US$/kg vs US$/Wp)")
unans(R, M, "India forecast for 2026 - most probable additions?",
      "forecasts in the loaded data cover only European territories (and World), not India")
unans(R, F, "Helios Q1 2025 revenue out yet?",
      "financials end with 2024-Q4 / FY2024")

# ============================================================================= SAMPLE: market
S = "sample"
add(S, M, "lookup", "Dutch market peaked at some point, I think. Netherlands PV additions 2022?",
    [E(mv(SM, "Netherlands", 2022), MW)], how="sample market: Netherlands 2022 Historical Primary Total Annual")

add(S, M, "lookup", "Italy's installed base at end of 2030, most probable scenario?",
    [E(mv(SM, "Italy", 2030, typ="Cumulative"), MW)],
    how="sample market: Italy 2030 Forecast - Most probable Total Cumulative")

top = rank_countries(SM, SAMPLE_COUNTRIES, 2024)
add(S, M, "rank", "Rank the countries you have by 2024 additions, largest first",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="sample market 2024 Annual Total, six countries (World excluded), descending")

a, b = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(S, M, "share", "Germany's share of the world PV market in 2024, %?",
    [E(a / b * 100, PCT)], how="sample: Germany 2024 Annual Total / World x 100")

a, b = mv(SM, "Italy", 2024, conn="Centralised"), mv(SM, "Italy", 2024)
add(S, M, "share", "Italy 2024: centralised share of new capacity?",
    [E(a / b * 100, PCT)], how="sample: Italy 2024 Annual Centralised / Total x 100")

a, b = mv(SM, "Spain", 2019), mv(SM, "Spain", 2024)
add(S, M, "change", "Spain annual additions CAGR 2019-2024?",
    [E(cagr(a, b, 5), PCT)], how="sample: Spain Annual Total 2019 -> 2024, CAGR over 5 years")

a, b = mv(SM, "World", 2023), mv(SM, "World", 2024)
add(S, M, "change", "Global market growth yoy in 2024, %?",
    [E(pct(a, b), PCT)], how="sample: World Annual Total (2024-2023)/2023 x 100")

a, b = mv(SM, "France", 2026, scen=HIGH), mv(SM, "Italy", 2026, scen=HIGH)
add(S, M, "compare", "France vs Italy, 2026 additions in the high scenario - which is bigger?",
    [E(a, MW), E(b, MW)], ["Italy" if b > a else "France"],
    how="sample: France and Italy 2026 Annual Total Forecast - High")

s = hist_series(SM, "Netherlands")
assert (s == s.max()).sum() == 1
add(S, M, "extreme", "Historically, what was the peak year for Dutch PV additions?",
    [E(s.max(), MW)], [int(s.idxmax())], how="sample: Netherlands Annual Total Historical Primary, max")

vals = [mv(SM, "Germany", y) for y in range(2015, 2025)]
add(S, M, "average", "avg annual additions in Germany 2015-2024?",
    [E(sum(vals) / len(vals), MW)], how="sample: mean Germany Annual Total 2015..2024 (10 years)")

vals = [mv(SM, "France", y, scen=LOW) for y in range(2025, 2031)]
add(S, M, "sum", "Stress test: total French additions 2025-2030 under the low case?",
    [E(sum(vals), MW)], how="sample: sum France Annual Total Forecast - Low 2025..2030")

s = hist_series(SM, "Germany")
y = int(s[s > 10000].index.min())
add(S, M, "first_latest", "First year Germany added over 10 GW?",
    [E(s[y], MW)], [y], how="sample: Germany Annual Total, first year > 10000 MW")

top = rank_countries(SM, SAMPLE_COUNTRIES, 2024, typ="Cumulative", n=3)
add(S, M, "rank", "Which 3 of your countries had the biggest installed base at end-2024?",
    [E(x, MW) for _, x in top], [c for c, _ in top],
    how="sample market 2024 Cumulative Total Historical Primary, six countries, top 3")

a, b = mv(SM, "World", 2030, conn="Distributed"), mv(SM, "World", 2030)
add(S, M, "share", "Global view 2030, most probable: what % of additions will be distributed?",
    [E(a / b * 100, PCT)], how="sample: World 2030 Forecast - Most probable Annual Distributed / Total x 100")

vals = [mv(SM, c, 2024) for c in ["Netherlands", "Poland"]]
add(S, M, "sum", "Netherlnds + Poland combined, PV added in 2024? they're one sales region for us",
    [E(sum(vals), MW)], how="sample: Netherlands + Poland 2024 Annual Total")

# ============================================================================= SAMPLE: prices
s, u = pseries(SP, "Module", "p-type mono-Si PERC M10", "India")
add(S, P, "price", "Indian PERC M10 module price in June 2024?", [E(in_month(s, "2024-06"), u)],
    how="sample prices: Module p-type mono-Si PERC M10 India, 2024-06")

s, u = pseries(SP, "Module", "n-type TOPCon", "EU")
add(S, P, "price", "Reconciling a Q1 invoice. EU TOPCon module price, March 2024?", [E(in_month(s, "2024-03"), u)],
    how="sample prices: Module n-type TOPCon EU, 2024-03")

s, u = pseries(SP, "Polysilicon", "High purity - 9N/9N+", "China")
d, x = latest(s)
add(S, P, "first_latest", "Latest China polysilicon price (9N)?", [E(x, u)],
    how=f"sample prices: Polysilicon High purity 9N China, newest date {d.date()}")

vals = {}
for reg in ["China", "EU", "India", "US"]:
    s, u = pseries(SP, "Module", "n-type HJT", reg)
    vals[reg] = in_month(s, "2024-12")
cheap = min(vals, key=vals.get)
add(S, P, "price", "HJT modules Dec 2024 - which region was cheapest?",
    [E(vals[cheap], u)], [cheap], how="sample prices: Module n-type HJT, 2024-12, min over regions")

s, u = pseries(SP, "Wafer", "n-type mono-Si M10", "EU")
a, b = in_month(s, "2023-01"), in_month(s, "2024-12")
add(S, P, "change", "EU n-type M10 wafer: % change Jan 2023 to Dec 2024?",
    [E(pct(a, b), PCT)], how="sample prices: Wafer n-type M10 EU (2024-12 - 2023-01)/2023-01 x 100")

s, u = pseries(SP, "Cell", "p-type mono-Si PERC M10", "China")
y = in_year(s, 2024)
add(S, P, "average", "One of our module makers buys cells from China. Average Chinese PERC M10 cell price in 2024?",
    [E(y.mean(), u)], how="sample prices: mean Cell PERC M10 China over 12 months of 2024")

s1, u = pseries(SP, "Module", "n-type TOPCon", "US")
s2, _ = pseries(SP, "Module", "n-type HJT", "US")
a, b = in_month(s1, "2024-12"), in_month(s2, "2024-12")
add(S, P, "compare", "US market, Dec 2024: HJT vs TOPCon module - how big is the HJT premium?",
    [E(b, u), E(a, u), E(b - a, u)], how="sample prices: US Module HJT minus TOPCon, 2024-12")

s, u = pseries(SP, "PV glass", "Glass 3,2mm", "EU")
assert (s == s.max()).sum() == 1
add(S, P, "extreme", "EU 3.2mm glass: highest price in the series and when?",
    [E(s.max(), u)], [s.idxmax().strftime("%Y")],
    how="sample prices: PV glass 3,2mm EU max over all months")

# ============================================================================= SAMPLE: financials
a, u = fin(HEL, "2023-Q1", "Gross margin")
b, _ = fin(HEL, "2024-Q4", "Gross margin")
add(S, F, "financial", "Helios gross margin: Q1 2023 vs Q4 2024, how many points lost?",
    [E(a, u), E(b, u), E(a - b, u)], how="Helios Gross margin 2023-Q1 and 2024-Q4, difference in points")

a, u = fin(SUN, "2024-Q3", "Module shipments")
b, _ = fin(SUN, "2024-Q4", "Module shipments")
add(S, F, "financial", "SunForge H2 2024 module shipments, GW?", [E(a + b, u)],
    how="SunForge Module shipments 2024-Q3 + 2024-Q4")

vals = sorted(((c, fin(c, "FY2024", "Net income")[0]) for c in COMPANIES), key=lambda kv: -kv[1])
add(S, F, "financial", "Counterparty risk review. Rank our 4 suppliers by FY2024 net income",
    [E(x, USDM) for _, x in vals], [c.split(" ")[0] for c, _ in vals],
    how="financials FY2024 Net income for the four companies, descending")

v, u = fin(AUR, "FY2024", "Production capacity")
add(S, F, "financial", "Aurora's production capacity at FY2024?", [E(v, u)],
    how="Aurora Production capacity FY2024")

vals = [fin(NOR, q, "Net income")[0] for q in ["2024-Q1", "2024-Q2", "2024-Q3"]]
add(S, F, "financial", "Nordlicht net income for the first 9 months of 2024, Q1-Q3 combined?",
    [E(sum(vals), USDM)], how="Nordlicht Net income 2024-Q1+Q2+Q3")


# ============================================================================= SAMPLE: follow-ups
add(S, M, FU, ["Spain's installed base end of 2024?", "and by end of 2030, most probable?"],
    [E(mv(SM, "Spain", 2030, typ="Cumulative"), MW)],
    how="sample: Spain 2030 Forecast - Most probable Total Cumulative")

s1, u = pseries(SP, "Module", "n-type TOPCon", "EU")
s2, _ = pseries(SP, "Module", "n-type TOPCon", "China")
a, b = in_month(s1, "2024-12"), in_month(s2, "2024-12")
add(S, P, FU, ["EU TOPCon module price Dec 2024?", "vs China same month - gap?"],
    [E(a, u), E(b, u), E(a - b, u)], how="sample prices: Module TOPCon 2024-12 EU minus China")

a, b = mv(SM, "France", 2023), mv(SM, "France", 2024)
add(S, M, FU, ["France additions 2023?", "and yoy change in 2024, %?"],
    [E(pct(a, b), PCT)], how="sample: France Annual Total (2024-2023)/2023 x 100")

a, b = mv(SM, "Poland", 2024, conn="Distributed"), mv(SM, "Poland", 2024)
add(S, M, FU, ["Netherlands: distributed share of 2024 additions?", "same for Poland"],
    [E(a / b * 100, PCT)], how="sample: Poland 2024 Annual Distributed / Total x 100")

vals = [mv(SM, "Germany", y, scen=LOW) for y in range(2025, 2031)]
add(S, M, FU, ["Germany low scenario, 2028 additions?", "and the total 2025-2030 under that scenario?"],
    [E(sum(vals), MW)], how="sample: sum Germany Annual Total Forecast - Low 2025..2030")

v, u = fin(NOR, "2023-Q4", "Gross margin")
add(S, F, FU, ["Nordlicht gross margin Q4 2024?", "how about a year earlier?"],
    [E(v, u)], how="Nordlicht Gross margin 2023-Q4")

# ============================================================================= SAMPLE: unanswerable
unans(S, P, "Silver's killing cell costs - what's the latest silver price?",
      "no raw-material prices (silver) in the loaded sample prices")
unans(S, M, "USA additions in 2024?",
      "USA is not in the sample market data (six European countries and World)")
unans(S, M, "Japan's cumulative installed PV, end 2024?",
      "Japan is not in the sample market data")
unans(S, M, "Germany PV additions 2014?",
      "sample market data starts in 2015")
unans(S, P, "TOPCon module price in Australia, Dec 2024?",
      "no Australia region in the sample prices (China, EU, India, US)")
unans(S, P, "CdTe module price latest?",
      "CdTe modules are not in the sample prices")
unans(S, M, "Spain onshore wind additions 2024?",
      "wind is not in the data; PV only")
unans(S, P, "EU TOPCon module price Feb 2025?",
      "sample prices end in December 2024")
unans(S, M, "German household electricity price 2024, EUR/kWh?",
      "retail electricity prices are not held")
unans(S, P, "What % of an EU TOPCon module's cost is the glass?",
      "a cost share of the module price is not held; glass is US$/m2, modules US$/Wp")
unans(S, M, "Thinking of opening a Benelux office. Belgian PV additions 2024?",
      "Belgium is not in the sample market data")
unans(S, M, "How many residential batteries were installed in Italy in 2024?",
      "storage/batteries are not in the data")


# ============================================================================= write + self-check
with open(OUT, "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_fu = sum(it["kind"] == "follow_up" and len(it["turns"]) >= 2 for it in ITEMS)
assert n_fu >= 12, n_fu
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert math.isfinite(e["value"]) and e["unit"], it["id"]
    else:
        assert it["why"] and not it["expect"], it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_fu}  financial-agent: {n_fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind x data:")
tab = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in tab}):
    print(f"  {k:13s} real={tab[(k, 'real')]:3d} sample={tab[(k, 'sample')]:3d}")
print("self-check OK")
