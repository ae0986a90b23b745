"""Question set of writer `maker` (market-intelligence lead, European module maker).

Every expected figure is computed here from the data files; nothing numeric is typed by hand
except the question wording itself (years, periods, scenario names the question names).
Run: python compute.py  ->  writes questions.jsonl next to this file and prints a self-check.
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
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

# aggregates in the real CSV (never ranked as countries)
AGG = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}

RM = pd.read_csv(REAL_MARKET)
_n_before = len(RM)
RM = RM.drop_duplicates(KEY)
assert _n_before - len(RM) == 624, _n_before - len(RM)
SM = pd.read_csv(SAMPLE_MARKET)
assert not SM.duplicated(KEY).any()

RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES)
SP["date"] = pd.to_datetime(SP["date"])
FN = pd.read_csv(FIN)

MK = {"real": RM, "sample": SM}
PR = {"real": RP, "sample": SP}


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    x = df[(df.Territory == terr) & (df.Scenario == HP)]
    return int(x.Year.max())


def mval(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MK[data]
    if scen is None:
        scen = HP if year <= last_hist(df, terr) else MP
    if data == "real" and typ == "Cumulative":
        assert scen == HP, "never ask forecast cumulative figures on the real CSV"
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (data, terr, year, typ, conn, scen, len(x))
    return float(x[CAP].iloc[0])


def mseries(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return [mval(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)]


def countries(data):
    df = MK[data]
    return sorted(set(df.Territory) - AGG)


def mrank(data, year, typ="Annual", conn="Total", scen=None, n=5):
    df = MK[data]
    rows = []
    for c in countries(data):
        s = scen
        if s is None:
            x = df[(df.Territory == c) & (df.Scenario == HP)]
            if x.empty:
                continue
            s = HP if year <= int(x.Year.max()) else MP
        x = df[(df.Territory == c) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(x) == 1:
            rows.append((c, float(x[CAP].iloc[0])))
    rows.sort(key=lambda r: -r[1])
    # ranking must be unambiguous at the cut
    assert len(rows) > n and rows[n - 1][1] > rows[n][1], rows[: n + 1]
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def unique_argmax(pairs, lowest=False):
    pairs = list(pairs)
    f = min if lowest else max
    best = f(v for _, v in pairs)
    hits = [k for k, v in pairs if v == best]
    assert len(hits) == 1, hits
    return hits[0], best


# ---------------------------------------------------------------- price helpers
def pseries(data, item, desc, region, unit=None, unique_dates=True):
    df = PR[data]
    x = df[(df["item"] == item) & (df["description"] == desc) & (df["region"] == region)]
    if unit is not None:
        x = x[x["unit"] == unit]
    assert x["unit"].nunique() == 1, (item, desc, region, x["unit"].unique())
    x = x.sort_values("date")
    if unique_dates:
        assert not x["date"].duplicated().any(), (item, desc, region)
    assert len(x) > 0
    return x


def plast(data, item, desc, region, unit=None):
    x = pseries(data, item, desc, region, unit, unique_dates=False)
    last = x[x["date"] == x["date"].max()]
    assert len(last) == 1
    return float(last.base_price.iloc[0]), last.date.iloc[0], x["unit"].iloc[0]


def pfirst(data, item, desc, region, unit=None):
    x = pseries(data, item, desc, region, unit)
    return float(x.base_price.iloc[0]), x.date.iloc[0], x["unit"].iloc[0]


def pat(data, item, desc, region, when, unit=None, month=False):
    x = pseries(data, item, desc, region, unit, unique_dates=False)
    ts = pd.Timestamp(when)
    if month:
        x = x[(x.date.dt.year == ts.year) & (x.date.dt.month == ts.month)]
    else:
        x = x[x.date == ts]
    assert len(x) == 1, (item, desc, region, when, len(x))
    return float(x.base_price.iloc[0])


def pwin(data, item, desc, region, start=None, end=None, unit=None):
    x = pseries(data, item, desc, region, unit)
    if start is not None:
        x = x[x.date >= pd.Timestamp(start)]
    if end is not None:
        x = x[x.date <= pd.Timestamp(end)]
    assert len(x) > 0
    return x


def unit_of(data, item, desc, region, unit=None):
    return pseries(data, item, desc, region, unit, unique_dates=False)["unit"].iloc[0]


# ---------------------------------------------------------------- financial helpers
def fval(company, period, metric):
    x = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ---------------------------------------------------------------- item builder
ITEMS = []


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"maker-{len(ITEMS) + 1:03d}",
        "writer": "maker",
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def MW(v):
    return (v, "MW")


def P(v):
    return (v, "%")


# =====================================================================================
# REAL instance: market
# =====================================================================================
D = "real"

v = mval(D, "Germany", 2024)
add(D, "market", "lookup",
    "Updating the DACH slide for the QBR. How much PV did Germany install in 2024?",
    [MW(v)], how="market CSV: Germany, 2024, Historical Primary, Total, Annual")

v = mval(D, "Italy", 2023, "Cumulative")
add(D, "market", "lookup",
    "Prepping the Italy sheet for sales. italy cum. installed base end of 2023 pls",
    [MW(v)], how="market CSV: Italy, 2023, Historical Primary, Total, Cumulative")

v = mval(D, "France", 2024, conn="Distributed")
add(D, "market", "lookup",
    "Our rooftop kits go mostly to France. What was the French distributed segment in 2024 (annual additions)?",
    [MW(v)], how="market CSV: France, 2024, Historical Primary, Distributed, Annual")

v = mval(D, "Spain", 2027)
add(D, "market", "lookup",
    "Iberia team wants to know what 2027 looks like. Spain annual additions 2027 - most probable scenario?",
    [MW(v)], how="market CSV: Spain, 2027, Forecast - Most probable, Total, Annual")

v = mval(D, "Poland", 2030, scen=HIGH)
add(D, "market", "lookup",
    "For the upside case in our capacity plan: high-scenario forecast for Polish annual installations in 2030?",
    [MW(v)], how="market CSV: Poland, 2030, Forecast - High, Total, Annual")

v = mval(D, "USA", 2023, conn="Centralised")
add(D, "market", "lookup",
    "Deciding whether US utility tenders are worth chasing. How many MW of utility-scale (centralised) PV went in in the USA in 2023?",
    [MW(v)], how="market CSV: USA, 2023, Historical Primary, Centralised, Annual")

# rankings
r = mrank(D, 2024, n=5)
add(D, "market", "rank",
    "Sales wants the big picture first: top 5 countries by new PV capacity added in 2024?",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="market CSV: countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

r = mrank(D, 2030, scen=MP, n=3)
add(D, "market", "rank",
    "Where could EU-made modules sell by end of decade? Which 3 countries have the largest most-probable annual additions in 2030?",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="market CSV: countries only, 2030, Forecast - Most probable, Total, Annual, top 3")

r = mrank(D, 2024, conn="Distributed", n=3)
add(D, "market", "rank",
    "Rooftop focus: top 3 countries for distributed PV additions in 2024?",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Distributed, Annual, top 3")

r = mrank(D, 2024, typ="Cumulative", n=5)
add(D, "market", "rank",
    "rank the 5 biggest national PV fleets (cumulative) at end-2024",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="market CSV: countries only, 2024, Historical Primary, Total, Cumulative, top 5")

# shares
a, w = mval(D, "China", 2024), mval(D, "World", 2024)
add(D, "market", "share",
    "Board keeps asking how China-dependent demand is. What share of global PV installations in 2024 was China?",
    [P(a / w * 100)], ["China"],
    how="market CSV: China / World, 2024, Historical Primary, Total, Annual")

a, t = mval(D, "Germany", 2024, conn="Distributed"), mval(D, "Germany", 2024)
add(D, "market", "share",
    "what % of Germany's 2024 additions were distributed?",
    [P(a / t * 100)],
    how="market CSV: Germany 2024 Annual, Distributed / Total, Historical Primary")

a, t = mval(D, "Spain", 2024, conn="Centralised"), mval(D, "Spain", 2024)
add(D, "market", "share",
    "We only sell utility modules into Spain. How much of the Spanish 2024 market was centralised, as a share of the total?",
    [P(a / t * 100), MW(a)],
    how="market CSV: Spain 2024 Annual, Centralised / Total, Historical Primary")

# change
a, b = mval(D, "Spain", 2023), mval(D, "Spain", 2024)
add(D, "market", "change",
    "Did the Spanish market shrink last year? % change in annual installs 2023 vs 2024",
    [P(pct(a, b))],
    how="market CSV: Spain Annual Total HP, (2024-2023)/2023")

a, b = mval(D, "World", 2019), mval(D, "World", 2024)
add(D, "market", "change",
    "Writing the intro of the quarterly outlook. Global annual PV additions CAGR 2019-2024?",
    [P(cagr(a, b, 5))],
    how="market CSV: World Annual Total HP, CAGR 2019->2024 over 5 years")

a, b = mval(D, "Pakistan", 2023), mval(D, "Pakistan", 2024)
add(D, "market", "change",
    "Heard Pakistan exploded with cheap Chinese modules. YoY growth of Pakistani annual installations in 2024?",
    [P(pct(a, b))],
    how="market CSV: Pakistan Annual Total HP, (2024-2023)/2023")

# comparisons
vals = [(c, mval(D, c, 2024)) for c in ["Germany", "France", "Italy"]]
add(D, "market", "compare",
    "Germany vs France vs Italy, 2024 new installs pls. Is Germany really above 15,000 MW?",
    [MW(x) for _, x in vals], ["Germany"],
    how="market CSV: 2024 Annual Total HP for the three; Germany largest")

a, b = mval(D, "Brazil", 2024, "Cumulative"), mval(D, "India", 2024, "Cumulative")
add(D, "market", "compare",
    "brazil vs india - cumulative PV end 2024, and how many times bigger is India's?",
    [MW(a), MW(b), (b / a, "x")],
    how="market CSV: Cumulative Total HP 2024, India / Brazil")

# extremes
ys = mseries(D, "Japan", 1992, last_hist(RM, "Japan"))
yr, mx = unique_argmax(zip(range(1992, 2025), ys))
add(D, "market", "extreme",
    "Japan's been flat for years - which was its peak year for annual PV installations, and how much?",
    [MW(mx)], [yr],
    how="market CSV: Japan Annual Total HP, max over all historical years")

x = RM[(RM.Territory == "Italy") & (RM.Scenario == HP) & (RM.Type == "Annual") & (RM.Connection == "Total")]
yr, mx = unique_argmax(zip(x.Year, x[CAP]))
add(D, "market", "extreme",
    "Is 2024 a record year for Italy or was there a bigger year? Give me Italy's record annual market.",
    [MW(mx)], [int(yr)],
    how="market CSV: Italy Annual Total HP, max over all historical years")

yr, mn = unique_argmax(zip(range(2010, 2025), mseries(D, "Germany", 2010, 2024)), lowest=True)
add(D, "market", "extreme",
    "Germany had a slump after the FiT cuts and I want to size it. Lowest year for German annual additions between 2010 and 2024?",
    [MW(mn)], [yr],
    how="market CSV: Germany Annual Total HP, min over 2010-2024")

# averages
s = mseries(D, "Poland", 2020, 2024)
add(D, "market", "average",
    "avg annual installs in Poland 2020-2024? our Polish distributor claims ~4 GW/yr",
    [MW(sum(s) / len(s))],
    how="market CSV: Poland Annual Total HP 2020..2024 mean of 5 years")

# sums
s = mseries(D, "Netherlands", 2020, 2024)
add(D, "market", "sum",
    "Doing a saturation check on NL. Total MW added in the Netherlnads 2020 through 2024?",
    [MW(sum(s))],
    how="market CSV: Netherlands Annual Total HP, sum 2020..2024")

s = mseries(D, "France", 2025, 2030, scen=MP)
add(D, "market", "sum",
    "If I add up the annual most-probable forecasts for France 2025-2030, how many GW of new installs is that in total?",
    [MW(sum(s))],
    how="market CSV: France Annual Total Forecast - Most probable, sum 2025..2030")

# first / latest
x = RM[(RM.Territory == "Brazil") & (RM.Scenario == HP) & (RM.Type == "Annual") & (RM.Connection == "Total")]
fy = int(x.Year.min())
add(D, "market", "first_latest",
    "What's the first year you have Brazilian annual installation data for, and what was the figure?",
    [MW(mval(D, "Brazil", fy))], [fy],
    how="market CSV: Brazil Annual Total HP, earliest year")

# follow-up chains (real market)
a, b = mval(D, "Greece", 2023), mval(D, "Greece", 2024)
add(D, "market", "follow_up",
    ["How much did Greece install in 2024?", "and in 2023?", "so what's the YoY in %?"],
    [P(pct(a, b))],
    how="market CSV: Greece Annual Total HP, (2024-2023)/2023")

r = mrank(D, 2020, typ="Cumulative", n=5)
add(D, "market", "follow_up",
    ["Top 5 countries by cumulative PV at end of 2024 pls", "same ranking for end-2020?"],
    [MW(x) for _, x in r], [c for c, _ in r],
    how="market CSV: countries only, 2020, Historical Primary, Total, Cumulative, top 5")

v = mval(D, "Germany", 2028, scen=LOW)
add(D, "market", "follow_up",
    ["Germany annual additions 2028, most probable?", "and in the low scenario?"],
    [MW(v)],
    how="market CSV: Germany, 2028, Forecast - Low, Total, Annual")

a, w = mval(D, "China", 2023), mval(D, "World", 2023)
add(D, "market", "follow_up",
    ["China's share of world new installations in 2024?", "ok and back in 2023?"],
    [P(a / w * 100)],
    how="market CSV: China / World, 2023, HP, Total, Annual")

v = mval(D, "Poland", 2024, conn="Centralised")
add(D, "market", "follow_up",
    ["Poland distributed additions in 2024?", "and centralised?"],
    [MW(v)],
    how="market CSV: Poland, 2024, HP, Centralised, Annual")

s = mseries(D, "Australia", 2019, 2024)
add(D, "market", "follow_up",
    ["Australia annual PV installs 2019-2024 pls", "can you show that as a chart?"],
    [MW(x) for x in s],
    how="market CSV: Australia Annual Total HP 2019..2024")

v = mval(D, "Italy", 2026, scen=HIGH)
add(D, "market", "follow_up",
    ["Spain most probable additions in 2026?", "same for the high scenario", "and Italy in that scenario?"],
    [MW(v)],
    how="market CSV: Italy, 2026, Forecast - High, Total, Annual")

# =====================================================================================
# REAL instance: prices
# =====================================================================================
v, d, u = plast(D, "Module", "n-type TOPCon", "China")
add(D, "price", "price",
    "Benchmarking our COGS vs China again. Latest n-type TOPCon module price in China?",
    [(v, u)], [str(d.year)],
    how=f"prices parquet: Module / n-type TOPCon / China, latest date {d.date()}")

vals = {r_: plast(D, "Module", "n-type TOPCon", r_) for r_ in ["China", "EU", "US"]}
cheap = min(vals, key=lambda k: vals[k][0])
assert sorted(x[0] for x in vals.values())[0] < sorted(x[0] for x in vals.values())[1]
add(D, "price", "price",
    "TOPCon mod prices: latest for China, EU and US side by side - which region is cheapest right now?",
    [(vals[k][0], vals[k][2]) for k in ["China", "EU", "US"]], [cheap],
    how="prices parquet: Module / n-type TOPCon, latest obs per region China/EU/US")

t_, _, u = plast(D, "Module", "n-type TOPCon", "China")
h_, _, _ = plast(D, "Module", "n-type HJT", "China")
add(D, "price", "price",
    "HJT vs TOPCon modules in China, latest prices - what's the HJT premium per Wp?",
    [(h_, u), (t_, u), (h_ - t_, u)],
    how="prices parquet: Module n-type HJT vs n-type TOPCon, China, latest; difference")

v, d, u = plast(D, "Cell", "n-type TOPCon M10", "Overseas")
add(D, "price", "price",
    "Cell sourcing review next week. latest overseas price for n-type TOPCon M10 cells?",
    [(v, u)],
    how=f"prices parquet: Cell / n-type TOPCon M10 / Overseas, latest {d.date()}")

x = pwin(D, "Wafer", "n-type mono-Si M10", "Overseas")
add(D, "price", "price",
    "What was the lowest overseas n-type M10 wafer price in the whole series?",
    [(x.base_price.min(), x["unit"].iloc[0])],
    how="prices parquet: Wafer / n-type mono-Si M10 / Overseas, min over all dates")

a, da, u = pfirst(D, "Module", "p-type mono-Si PERC M10", "EU")
b, db, _ = plast(D, "Module", "p-type mono-Si PERC M10", "EU")
add(D, "price", "price",
    "How far have PERC M10 module prices in the EU fallen since the series started? % change first to latest",
    [(a, u), (b, u), P(pct(a, b))],
    how=f"prices parquet: Module / p-type mono-Si PERC M10 / EU, {da.date()} -> {db.date()}")

v = pat(D, "Copper", "Copper", "Overseas", "2024-03-01", month=True)
add(D, "price", "price",
    "Copper in March 2024? need it for the ribbon cost model",
    [(v, unit_of(D, "Copper", "Copper", "Overseas"))],
    how="prices parquet: Copper / Overseas, monthly obs dated 2024-03")

x = pwin(D, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
assert len(x) == 12
add(D, "price", "average",
    "Frames are killing us. What was the average aluminium price over 2024?",
    [(x.base_price.mean(), x["unit"].iloc[0])],
    how="prices parquet: Aluminium / Overseas, mean of the 12 monthly obs of 2024")

a = pat(D, "Silver", "Silver", "Overseas", "2024-01-01", unit="K US$/t", month=True)
b = pat(D, "Silver", "Silver", "Overseas", "2024-12-01", unit="K US$/t", month=True)
add(D, "price", "change",
    "Silver paste cost: how much did the silver price move from Jan 2024 to Dec 2024, in %?",
    [(a, "K US$/t"), (b, "K US$/t"), P(pct(a, b))],
    how="prices parquet: Silver / Overseas (K US$/t), 2024-01 vs 2024-12")

x = pwin(D, "Silver", "Silver", "Overseas", "2024-01-01", "2024-12-31", unit="K US$/t")
i = x.base_price.idxmax()
assert (x.base_price == x.base_price.max()).sum() == 1
add(D, "price", "extreme",
    "When did silver peak during 2024 and at what level?",
    [(x.base_price.max(), "K US$/t")], [x.loc[i, "date"].strftime("%B")],
    how="prices parquet: Silver / Overseas (K US$/t), max over 2024 monthly obs")

v, d, u = plast(D, "EVA", "EVA", "Overseas")
add(D, "price", "first_latest",
    "latest EVA price you have + what month is it from?",
    [(v, u)], [d.strftime("%B"), str(d.year)],
    how=f"prices parquet: EVA / Overseas, latest obs {d.date()}")

a, da, u = pfirst(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "first_latest",
    "Our EU customers quote the EU index, so I need its history. When does your EU TOPCon module price series start, and at what price?",
    [(a, u)], [str(da.year)],
    how=f"prices parquet: Module / n-type TOPCon / EU, first obs {da.date()}")

x = pseries(D, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "China", unique_dates=False)
i = x.base_price.idxmax()
assert x[x.base_price == x.base_price.max()].date.dt.year.nunique() == 1  # plateau, one year
add(D, "price", "extreme",
    "Polysilicon, the very-high-purity 12N/12N+ grade (produced outside China), China quote: what was the all-time high in the series and in which year?",
    [(x.base_price.max(), x["unit"].iloc[0])], [str(x.loc[i, "date"].year)],
    how="prices parquet: Polysilicon / Very high purity (12N/12N+, outside of China) / China, max")

v, d, u = plast(D, "PV glass", "Glass 3,2mm", "China")
add(D, "price", "price",
    "Our glass supplier wants an increase. What's the latest price of 3.2mm PV glass in China?",
    [(v, u)],
    how=f"prices parquet: PV glass / Glass 3,2mm / China, latest obs {d.date()}")

# price follow-ups (real)
v, d, u = plast(D, "Module", "n-type HJT", "EU")
add(D, "price", "follow_up",
    ["latest TOPCon module price in the EU?", "and for HJT modules there?"],
    [(v, u)], [d.strftime("%B"), str(d.year)],
    how=f"prices parquet: Module / n-type HJT / EU, latest {d.date()} (series ends earlier than TOPCon EU)")

a = pat(D, "Copper", "Copper", "Overseas", "2024-01-01", month=True)
b = pat(D, "Copper", "Copper", "Overseas", "2024-12-01", month=True)
add(D, "price", "follow_up",
    ["Copper price Jan 2024?", "and Dec 2024?", "% change between the two?"],
    [P(pct(a, b))],
    how="prices parquet: Copper / Overseas monthly, 2024-01 -> 2024-12")

# =====================================================================================
# REAL instance: financials (synthetic sample financials are loaded here too)
# =====================================================================================
v, u = fval(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "financial",
    "Watching the competition: Helios Modules FY2024 revenue?",
    [(v, u)], how="financials: Helios Modules Ltd, FY2024, Revenue")

rows = sorted(((c, fval(c, "FY2024", "Revenue")[0]) for c in [HEL, SUN, AUR, NOR]), key=lambda r: -r[1])
add(D, "manufacturer_financial", "rank",
    "rank the module makers you track by FY2024 revenue",
    [(x, "USD million") for _, x in rows], [c.split(" ")[0] for c, _ in rows],
    how="financials: FY2024 Revenue of all 4 companies, descending")

v, u = fval(HEL, "2024-Q4", "Revenue")
w_, _ = fval(SUN, "2024-Q4", "Revenue")
add(D, "manufacturer_financial", "follow_up",
    ["Helios revenue in 2024-Q4?", "and SunForge?"],
    [(w_, u)], how="financials: SunForge Energy, 2024-Q4, Revenue")

# =====================================================================================
# REAL instance: unanswerable
# =====================================================================================
U = []


def un(data, agent, turns, why, how="not in the loaded data"):
    add(data, agent, "unanswerable", turns, [], [], how=how, answerable=False, why=why)


un(D, "market", "How much onshore wind did Germany add in 2024? comparing with PV for the board",
   "only PV capacity is held; no wind data")
un(D, "market", "Customers keep bundling storage with PV. US battery storage installations 2024 in MW?",
   "storage is not in the market data")
un(D, "market", "What's the current LCOE for utility-scale PV in Spain?",
   "LCOE is not a measure held")
un(D, "market", "How many GWh did Italian PV generate in 2023?",
   "generation (GWh) is not held, only installed capacity")
un(D, "market", "what's the most probable forecast for China's annual installs in 2027?",
   "the real CSV has forecasts only for European territories; no China forecast")
un(D, "market", "Germany's cumulative installed base in 2030, most probable scenario?",
   "forecast cumulative values in the real CSV exclude the installed base, so cannot be given")
un(D, "market", "We're looking at West Africa - how much PV did Nigeria install in 2024?",
   "Nigeria is not a territory in the data")
un(D, "market", "Italy annual additions forecast for 2035?",
   "forecasts end in 2030")
un(D, "market", "Finance wants a EUR number for the TAM. How big was the French PV market in EUR in 2024?",
   "market value in currency is not held, only MW")
un(D, "market", "How many people work in the Polish solar industry?",
   "jobs / employment are not held")
un(D, "market", "Austrian solar thermal collector installations 2023?",
   "solar thermal is not in the data, only PV")
un(D, "price", "Latest n-type TOPCon module price in India?",
   "the price data has no TOPCon module series for India (only older p-type series)")
un(D, "price", "String inverter prices, latest, US$/W?",
   "inverters are not a price item")
un(D, "price", "What share of the module price is the cell cost today?",
   "a share of a price (cost breakdown) is not held")
un(D, "price", "Compliance question from sales: what anti-dumping duty does the EU currently apply to Chinese modules?",
   "tariffs / duties are not held")
un(D, "price", "Average cell efficiency of TOPCon vs HJT in the latest data?",
   "efficiency is not held, only prices")
un(D, "manufacturer_financial", "LONGi's revenue for Q4 2024?",
   "LONGi is not among the companies in the financials")
un(D, "market", ["Germany PV additions in 2024?", "and how much of that was agrivoltaics?"],
   "agrivoltaics is not a segment in the data (only centralised / distributed / off-grid)")

# =====================================================================================
# SAMPLE instance: market
# =====================================================================================
D = "sample"

v = mval(D, "Netherlands", 2022, "Cumulative")
add(D, "market", "lookup",
    "NL is our biggest export market. Dutch cumulative PV at end 2022?",
    [MW(v)], how="sample market: Netherlands, 2022, HP, Total, Cumulative")

v = mval(D, "Germany", 2030, "Cumulative")
add(D, "market", "lookup",
    "Long-range planning for the new line. Germany's installed base by 2030 in the most probable scenario?",
    [MW(v)], how="sample market: Germany, 2030, Forecast - Most probable, Total, Cumulative")

v = mval(D, "Italy", 2028, scen=HIGH)
add(D, "market", "lookup",
    "Itlay high scenario 2028, annual MW?",
    [MW(v)], how="sample market: Italy, 2028, Forecast - High, Total, Annual")

r = mrank(D, 2024, n=3)
add(D, "market", "rank",
    "Quick one for the sales kickoff: top 3 countries by PV additions in 2024?",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="sample market: countries only (World excluded), 2024, HP, Total, Annual, top 3")

r = mrank(D, 2030, typ="Cumulative", scen=LOW, n=3)
add(D, "market", "rank",
    "Downside planning - in the low scenario, which 3 countries have the largest cum. capacity by 2030?",
    [MW(x) for _, x in r], [c for c, _ in r],
    how="sample market: countries only, 2030, Forecast - Low, Total, Cumulative, top 3")

a, t = mval(D, "Italy", 2024, "Cumulative", "Distributed"), mval(D, "Italy", 2024, "Cumulative")
add(D, "market", "share",
    "How much of Italy's installed base (end-2024) is distributed, in %?",
    [P(a / t * 100)], how="sample market: Italy 2024 Cumulative, Distributed / Total, HP")

a, w = mval(D, "Germany", 2030, scen=MP), mval(D, "World", 2030, scen=MP)
add(D, "market", "share",
    "In 2030 (most probable), what share of the world's annual PV additions will Germany be?",
    [P(a / w * 100)], how="sample market: Germany / World, 2030, Forecast - Most probable, Total, Annual")

a, b = mval(D, "France", 2015), mval(D, "France", 2024)
add(D, "market", "change",
    "France keeps surprising us. CAGR of French annual installs 2015-2024?",
    [P(cagr(a, b, 9))], how="sample market: France Annual Total HP, CAGR 2015->2024 over 9 years")

a, b = mval(D, "World", 2024), mval(D, "World", 2030)
add(D, "market", "change",
    "Global demand outlook: absolute change in world annual additions from 2024 to 2030 (most probable)?",
    [MW(b - a)], how="sample market: World Annual Total, 2030 Forecast - Most probable minus 2024 HP")

a, b = mval(D, "Germany", 2030, "Cumulative", scen=HIGH), mval(D, "Spain", 2030, "Cumulative", scen=HIGH)
add(D, "market", "compare",
    "Germany vs Spain cum. capacity 2030, high scenario?",
    [MW(a), MW(b)], ["Germany"],
    how="sample market: 2030 Forecast - High Total Cumulative for both")

vals = [mval(D, c, 2024, conn="Distributed") for c in ["France", "Italy", "Netherlands"]]
add(D, "market", "compare",
    "distributed additions in 2024: France vs Italy vs Netherlands?",
    [MW(x) for x in vals], ["Italy"],
    how="sample market: 2024 HP Distributed Annual for the three; Italy largest")

yr, mx = unique_argmax(zip(range(2015, 2025), mseries(D, "Poland", 2015, 2024)))
add(D, "market", "extreme",
    "Feels like Poland already topped out. Peak year for Polish PV additions?",
    [MW(mx)], [yr], how="sample market: Poland Annual Total HP, max over 2015-2024")

yr, mn = unique_argmax(zip(range(2025, 2031), mseries(D, "Spain", 2025, 2030, scen=LOW)), lowest=True)
add(D, "market", "extreme",
    "In the low case, which year is the weakest for Spanish annual additions over 2025-2030?",
    [MW(mn)], [yr], how="sample market: Spain Annual Total Forecast - Low, min over 2025-2030")

s = mseries(D, "Italy", 2020, 2024)
add(D, "market", "average",
    "What did Italy install on average per year 2020-2024?",
    [MW(sum(s) / len(s))], how="sample market: Italy Annual Total HP, mean 2020..2024")

s = mseries(D, "Netherlands", 2025, 2030, scen=HIGH)
add(D, "market", "sum",
    "Sum of Dutch annual additions 2025-2030 in the high scenario?",
    [MW(sum(s))], how="sample market: Netherlands Annual Total Forecast - High, sum 2025..2030")

ly = last_hist(SM, "France")
add(D, "market", "first_latest",
    "what's the most recent historical year you have for France and the annual figure?",
    [MW(mval(D, "France", ly))], [ly], how="sample market: France Annual Total HP, latest historical year")

# sample market follow-ups
v = mval(D, "Italy", 2021)
add(D, "market", "follow_up",
    ["Italy annual installations 2024?", "what about 2021?"],
    [MW(v)], how="sample market: Italy, 2021, HP, Total, Annual")

v = mval(D, "France", 2030, scen=LOW)
add(D, "market", "follow_up",
    ["France 2030 most probable annual additions?", "and the low case?"],
    [MW(v)], how="sample market: France, 2030, Forecast - Low, Total, Annual")

a, w = mval(D, "Poland", 2024, "Cumulative"), mval(D, "World", 2024, "Cumulative")
add(D, "market", "follow_up",
    ["Poland cumulative capacity end-2024?", "what share of the World is that?"],
    [P(a / w * 100)], how="sample market: Poland / World, 2024, HP, Total, Cumulative")

s = mseries(D, "Germany", 2025, 2030, scen=HIGH)
add(D, "market", "follow_up",
    ["Germany annual additions 2025-2030, most probable?", "same for the high scenario"],
    [MW(x) for x in s], how="sample market: Germany Annual Total Forecast - High 2025..2030")

# =====================================================================================
# SAMPLE instance: prices
# =====================================================================================
v, d, u = plast(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "price",
    "Pricing committee tomorrow. Latest TOPCon module price in the EU?",
    [(v, u)], how=f"sample prices: Module / n-type TOPCon / EU, latest {d.date()}")

v = pat(D, "Module", "n-type HJT", "China", "2024-03-01", month=True)
add(D, "price", "price",
    "HJT module China, March 2024?",
    [(v, unit_of(D, "Module", "n-type HJT", "China"))],
    how="sample prices: Module / n-type HJT / China, 2024-03")

a, _, u = pfirst(D, "Module", "p-type mono-Si PERC M10", "China")
b, _, _ = plast(D, "Module", "p-type mono-Si PERC M10", "China")
add(D, "price", "change",
    "PERC M10 modules in China - % change from Jan 2023 to Dec 2024?",
    [P(pct(a, b))], how="sample prices: Module / p-type mono-Si PERC M10 / China, first (2023-01) vs last (2024-12)")

vals = {r_: plast(D, "Module", "n-type TOPCon", r_) for r_ in ["China", "EU", "US", "India"]}
cheap = min(vals, key=lambda k: vals[k][0])
srt = sorted(vals.values())
assert srt[0][0] < srt[1][0]
add(D, "price", "price",
    "Where are TOPCon modules cheapest right now across the regions you have?",
    [(vals[cheap][0], vals[cheap][2])], [cheap],
    how="sample prices: Module / n-type TOPCon, latest per region, min")

x = pwin(D, "PV glass", "Glass 3,2mm", "EU", "2024-01-01", "2024-12-31")
add(D, "price", "average",
    "EU 3.2mm glass, average price over 2024?",
    [(x.base_price.mean(), x["unit"].iloc[0])],
    how="sample prices: PV glass / Glass 3,2mm / EU, mean of 2024 monthly obs")

e, _, u = plast(D, "Cell", "n-type TOPCon M10", "EU")
c, _, _ = plast(D, "Cell", "n-type TOPCon M10", "China")
add(D, "price", "price",
    "We buy cells from both. Latest TOPCon M10 cell price EU vs China - how big is the gap?",
    [(e, u), (c, u), (e - c, u)],
    how="sample prices: Cell / n-type TOPCon M10, EU and China latest; difference")

x = pseries(D, "Module", "n-type HJT", "India")
assert (x.base_price == x.base_price.min()).sum() == 1
add(D, "price", "extreme",
    "lowest Indian HJT module price over the period you cover?",
    [(x.base_price.min(), x["unit"].iloc[0])],
    how="sample prices: Module / n-type HJT / India, min")

# sample price follow-ups
e, _, u = plast(D, "Module", "n-type TOPCon", "EU")
c, _, _ = plast(D, "Module", "n-type TOPCon", "China")
add(D, "price", "follow_up",
    ["TOPCon module price EU, latest?", "and China?", "how much higher is the EU price in %?"],
    [P(pct(c, e))], how="sample prices: Module / n-type TOPCon latest, (EU-China)/China")

c = pat(D, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12-01", month=True)
e = pat(D, "Polysilicon", "High purity - 9N/9N+", "EU", "2024-12-01", month=True)
add(D, "price", "follow_up",
    ["Polysilicon China, Dec 2024?", "and EU?", "ratio EU/China?"],
    [(e / c, "x")], how="sample prices: Polysilicon 9N, 2024-12, EU / China")

v = pat(D, "Cell", "p-type mono-Si PERC M10", "China", "2024-06-01", month=True)
add(D, "price", "follow_up",
    ["TOPCon M10 cell price in China, June 2024?", "same for PERC"],
    [(v, unit_of(D, "Cell", "p-type mono-Si PERC M10", "China"))],
    how="sample prices: Cell / p-type mono-Si PERC M10 / China, 2024-06")

# =====================================================================================
# SAMPLE instance: financials
# =====================================================================================
v, u = fval(NOR, "FY2024", "Net income")
add(D, "manufacturer_financial", "financial",
    "Nordlicht is our closest EU peer - what was their net income for FY2024?",
    [(v, u)], how="financials: Nordlicht Solar AG, FY2024, Net income")

a, u = fval(HEL, "FY2023", "Revenue")
b, _ = fval(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "change",
    "Helios results are out. Revenue FY2023 -> FY2024, % change?",
    [P(pct(a, b))], how="financials: Helios, Revenue FY2023 vs FY2024")

a, u = fval(HEL, "FY2024", "Production capacity")
b, _ = fval(SUN, "FY2024", "Production capacity")
add(D, "manufacturer_financial", "compare",
    "Capacity check: Helios vs SunForge production capacity, FY2024?",
    [(a, u), (b, u)], ["Helios"], how="financials: FY2024 Production capacity of both")

qs = [(q, fval(AUR, q, "Gross margin")[0]) for q in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
q, mx = unique_argmax(qs)
add(D, "manufacturer_financial", "extreme",
    "Which 2024 quarter had Aurora's best gross margin?",
    [P(mx)], [q.split("-")[1]], how="financials: Aurora, Gross margin 2024-Q1..Q4, max")

qs = [fval(SUN, q, "Net income")[0] for q in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
add(D, "manufacturer_financial", "sum",
    "Add up SunForge's net income over the four quarters of 2024 - how deep is the loss?",
    [(sum(qs), "USD million")], how="financials: SunForge, Net income 2024-Q1..Q4 summed")

v, u = fval(NOR, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "follow_up",
    ["Nordlicht gross margin 2024-Q2?", "and Q4?"],
    [(v, u)], how="financials: Nordlicht, 2024-Q4, Gross margin")

# =====================================================================================
# SAMPLE instance: unanswerable
# =====================================================================================
un(D, "market", "We just signed a Belgian installer. Belgian PV installations in 2024?",
   "the sample market only has France, Germany, Italy, Netherlands, Poland, Spain and World")
un(D, "market", "German annual additions in 2012?",
   "the sample market starts in 2015")
un(D, "market", "Planning a second line that runs to 2032. What's the 2032 forecast for Spain?",
   "forecasts end in 2030")
un(D, "market", "How much onshore wind did Spain install in 2023?",
   "only PV is held")
un(D, "market", "Polish PV electricity generation in TWh, 2024?",
   "generation is not held")
un(D, "price", "Looking at US-made poly for the IRA angle. Polysilicon price in the US, latest?",
   "the sample polysilicon series cover China and EU only")
un(D, "price", "silver price Dec 2024?",
   "silver is not in the sample prices")
un(D, "price", "TOPCon module price in China in mid-2022?",
   "sample prices start in January 2023")
un(D, "price", "Latest HJT cell price in China?",
   "sample cell prices cover n-type TOPCon M10 and p-type PERC M10 only")
un(D, "manufacturer_financial", "Helios EBITDA for FY2024?",
   "EBITDA is not a metric in the financials")
un(D, "manufacturer_financial", "Nordlicht revenue 2025-Q1?",
   "financials end with 2024-Q4 / FY2024")
un(D, "manufacturer_financial", "What's Jinko's module shipment guidance for 2025?",
   "Jinko is not in the financials and guidance is not held")
un(D, "market", ["Italy distributed additions 2024?", "and how much of that is residential with battery?"],
   "residential-with-storage split is not held")

# =====================================================================================
# write + self-check
# =====================================================================================
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = [it for it in ITEMS if it["kind"] == "follow_up"]
assert len(chains) >= 12, len(chains)
assert all(2 <= len(it["turns"]) <= 3 for it in chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        assert all(pd.notna(e["value"]) for e in it["expect"]), it["id"]
    else:
        assert not it["expect"] and it.get("why"), it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
assert 10 <= n_fin <= 15, n_fin

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {len(chains)}  "
      f"multi-turn items: {sum(len(it['turns']) > 1 for it in ITEMS)}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind x data:")
ct = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in ct}):
    print(f"  {k:14s} real={ct.get((k, 'real'), 0):3d}  sample={ct.get((k, 'sample'), 0):3d}")
