"""Held-out questions for the solar-PV assistant, writer "realestate".

Persona: sustainability manager of a commercial real-estate fund (warehouses, offices,
retail parks) weighing rooftop PV across several European countries; writes board papers.

Every expected figure below is computed from the data files; none is typed by hand.
Run:  .venv/bin/python compute.py   (writes questions.jsonl next to this file)
"""
import json
import math
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "realestate"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
SAMPLE_FIN = "/work/main/data/sample/financials.csv"

MKT = {
    "real": pd.read_csv(REAL_MARKET).drop_duplicates(),  # 624 rows are exact duplicates
    "sample": pd.read_csv(SAMPLE_MARKET).drop_duplicates(),
}
_rp = pd.read_parquet(REAL_PRICES)
_sp = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
PRC = {"real": _rp, "sample": _sp}
FIN = pd.read_csv(SAMPLE_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
    "South America", "South Asia", "South Europe", "Southeast Asia", "Southern Africa",
    "World",
}
HIST = "Historical Primary"
SCEN = {
    None: "Forecast - Most probable",
    "most probable": "Forecast - Most probable",
    "high": "Forecast - High",
    "low": "Forecast - Low",
}


# ----------------------------------------------------------------------------- market helpers
def last_hist(data, terr):
    d = MKT[data]
    return int(d[(d.Territory == terr) & (d.Scenario == HIST)].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen is None and year <= last_hist(data, terr):
        return HIST
    return SCEN[scen]


def cap(data, terr, year, typ="Annual", conn="Total", scen=None):
    d = MKT[data]
    s = scen_for(data, terr, year, scen)
    r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
          & (d.Connection == conn) & (d.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    v = float(r["Capacity(MW)"].iloc[0])
    assert not math.isnan(v)
    return v


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: cap(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    d = MKT[data]
    r = d[(d.Territory == terr) & (d.Scenario == HIST) & (d.Connection == conn) & (d.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    s = r.set_index("Year")["Capacity(MW)"].sort_index()
    assert s.index.is_unique
    return s


def countries_ranked(data, year, typ="Annual", conn="Total", scen=None, n=5):
    d = MKT[data]
    if scen is None:
        r = d[(d.Scenario == HIST) & (d.Year == year)]
    else:
        r = d[(d.Scenario == SCEN[scen]) & (d.Year == year)]
    r = r[(r.Connection == conn) & (r.Type == typ) & ~r.Territory.isin(AGGREGATES)]
    r = r.sort_values("Capacity(MW)", ascending=False)
    assert r.Territory.is_unique
    top = r.head(n)
    # no tie at the cut
    if len(r) > n:
        assert r["Capacity(MW)"].iloc[n - 1] != r["Capacity(MW)"].iloc[n]
    return list(zip(top.Territory, top["Capacity(MW)"].astype(float)))


def pct_change(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def pser(data, item, desc, region, unit=None):
    p = PRC[data]
    r = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    g = r.groupby("date").base_price.agg(["nunique", "first"])
    assert (g["nunique"] == 1).all(), (item, desc, region, "several values on one date")
    s = g["first"].sort_index().astype(float)
    assert len(s) > 0
    return s, r.unit.iloc[0]


def month_obs(s, year, month):
    m = s[(s.index.year == year) & (s.index.month == month)]
    assert len(m) == 1, (year, month, len(m))
    return float(m.iloc[0])


def single_extreme(s, kind):
    v = s.max() if kind == "max" else s.min()
    dates = s[s == v].index
    return float(v), dates


# ----------------------------------------------------------------------------- financial helpers
def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


COMPANIES = sorted(FIN.company.unique())


def co(short):
    hits = [c for c in COMPANIES if c.lower().startswith(short.lower())]
    assert len(hits) == 1, short
    return hits[0]


# ----------------------------------------------------------------------------- item registry
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
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
        "expect": list(expect),
        "names": list(names),
    }
    if not answerable:
        assert why, "unanswerable items need a why"
        it["why"] = why
        it["expect"] = []
    it["how"] = how
    ITEMS.append(it)


def no(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


MW = "MW"
PCT = "%"

# =============================================================================
# REAL instance — market
# =============================================================================
R = "real"

# ---- lookups
v = cap(R, "Germany", 2024, conn="Distributed")
add(R, "market",
    "I'm drafting a board paper on rooftop PV for our German logistics warehouses. "
    "How much distributed PV capacity did Germany add in 2024?",
    "lookup", [E(v, MW)], how="Germany 2024 Historical Primary Distributed Annual")

v = cap(R, "Netherlands", 2023, typ="Cumulative")
add(R, "market", "We've got three distribution centres around Rotterdam and Venlo. What was the Netherlands' "
    "total installed PV base at the end of 2023?",
    "lookup", [E(v, MW)], how="Netherlands 2023 Historical Primary Total Cumulative")

v = cap(R, "Poland", 2022)
add(R, "market", "how much PV did poland install in 2022", "lookup", [E(v, MW)],
    how="Poland 2022 Historical Primary Total Annual")

v = cap(R, "Portugal", 2024, typ="Cumulative", conn="Distributed")
add(R, "market",
    "We own two retail parks outside Lisbon and Porto. What is Portugal's distributed PV fleet "
    "as of end-2024, in MW?",
    "lookup", [E(v, MW)], how="Portugal 2024 Historical Primary Distributed Cumulative")

v = cap(R, "Spain", 2026)
add(R, "market", "Spain is where our retail parks have the biggest daytime cooling loads. What's the most "
    "probable forecast for Spanish PV additions in 2026?",
    "lookup", [E(v, MW)], how="Spain 2026 Forecast - Most probable Total Annual")

v = cap(R, "Austria", 2023, conn="Distributed")
add(R, "market",
    "Our Vienna office building has a flat roof we're looking at. How many MW of distributed "
    "PV did Austria add in 2023?",
    "lookup", [E(v, MW)], how="Austria 2023 Historical Primary Distributed Annual")

# ---- rankings (countries only)
top = countries_ranked(R, 2024, n=5)
add(R, "market",
    "For the market-context slide in the board pack: which five countries installed the most "
    "PV in 2024? Countries only please, not regions or the world total.",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="2024 Historical Primary Total Annual, countries only, top 5")

own = ["Germany", "France", "Spain", "Italy", "Netherlands", "Poland", "Belgium"]
vals = sorted(((t, cap(R, t, 2024, conn="Distributed")) for t in own), key=lambda x: -x[1])
assert len({x for _, x in vals}) == len(vals)
add(R, "market",
    "The fund holds assets in Germany, France, Spain, Italy, the Netherlands, Poland and "
    "Belgium. Can you rank those seven countries by distributed PV added in 2024, largest first?",
    "rank", [E(x, MW) for _, x in vals], [t for t, _ in vals],
    how="2024 Historical Primary Distributed Annual for the 7 named countries, sorted desc")

top = countries_ranked(R, 2030, scen="most probable", n=1)
add(R, "market",
    "The board asked where the pipeline is heading by the end of the decade. Which country is "
    "forecast to add the most PV in 2030 under the most probable scenario, and how much?",
    "rank", [E(top[0][1], MW)], [top[0][0]],
    how="2030 Forecast - Most probable Total Annual, countries only, top 1")

three = ["France", "Italy", "Spain"]
vals = sorted(((t, cap(R, t, 2026, scen="high")) for t in three), key=lambda x: -x[1])
add(R, "market",
    "Under the high scenario, how do France, Italy and Spain rank for PV additions in 2026?",
    "rank", [E(x, MW) for _, x in vals], [t for t, _ in vals],
    how="2026 Forecast - High Total Annual for FR/IT/ES, sorted desc")

# ---- shares
a, w = cap(R, "Germany", 2024), cap(R, "World", 2024)
add(R, "market",
    "Germany is our biggest market by floor area. What share of global PV additions in 2024 "
    "came from Germany?",
    "share", [E(a / w * 100, PCT)], how="Germany/World 2024 Historical Primary Total Annual")

a, t = cap(R, "Italy", 2024, conn="Distributed"), cap(R, "Italy", 2024)
add(R, "market",
    "What share of Italy's 2024 PV installations was distributed (the segment our rooftops "
    "fall into)?",
    "share", [E(a / t * 100, PCT)], how="Italy 2024 Annual Distributed / Total")

a, t = (cap(R, "Netherlands", 2024, typ="Cumulative", conn="Centralised"),
        cap(R, "Netherlands", 2024, typ="Cumulative"))
add(R, "market",
    "Our Dutch tenants keep complaining about grid congestion, so I want to understand the mix. "
    "What percentage of the Dutch cumulative PV capacity at end-2024 is centralised?",
    "share", [E(a / t * 100, PCT)], how="Netherlands 2024 Cumulative Centralised / Total")

a, w = cap(R, "Europe", 2024), cap(R, "World", 2024)
add(R, "market", "Europe's share of world PV installations in 2024, in %?",
    "share", [E(a / w * 100, PCT)], how="Europe/World 2024 Historical Primary Total Annual")

# ---- change
a, b = cap(R, "France", 2023), cap(R, "France", 2024)
add(R, "market",
    "France's solarisation rules for large car parks and commercial roofs are starting to bite. "
    "By what percentage did France's annual PV additions grow between 2023 and 2024?",
    "change", [E(pct_change(a, b), PCT)], how="France Annual Total 2023->2024 % change")

a, b = cap(R, "Poland", 2019, typ="Cumulative"), cap(R, "Poland", 2024, typ="Cumulative")
add(R, "market",
    "Our Polish warehouses are near Łódź and Wrocław. What was the CAGR of Poland's installed "
    "PV base from 2019 to 2024?",
    "change", [E(cagr(a, b, 5), PCT)], how="Poland Cumulative Total 2019->2024, CAGR over 5 years")

a, b = cap(R, "Belgium", 2023), cap(R, "Belgium", 2024)
add(R, "market",
    "What was the absolute change in Belgium's annual PV installations between 2023 and 2024?",
    "change", [E(b - a, MW)], how="Belgium Annual Total 2024 - 2023 (a fall)")

a, b = cap(R, "UK", 2023), cap(R, "UK", 2024)
add(R, "market", "year-on-year growth of UK solar additions in 2024?",
    "change", [E(pct_change(a, b), PCT)], how="UK Annual Total 2023->2024 % change")

a, b = cap(R, "Poland", 2025), cap(R, "Poland", 2030)
add(R, "market",
    "We have a pipeline of Polish sheds to fit out before 2030. In the most probable scenario, "
    "how much does Poland's annual PV market grow from 2025 to 2030, in %?",
    "change", [E(pct_change(a, b), PCT)],
    how="Poland Forecast - Most probable Annual Total 2025->2030 % change")

# ---- compare
vals = [(t, cap(R, t, 2023, conn="Distributed")) for t in ["Germany", "France", "Netherlands"]]
add(R, "market",
    "Compare distributed PV additions in Germany, France and the Netherlands in 2023.",
    "compare", [E(x, MW) for _, x in vals], ["Germany"],
    how="2023 Historical Primary Distributed Annual for DE/FR/NL (Germany largest)")

a, b = cap(R, "Spain", 2024, typ="Cumulative"), cap(R, "Italy", 2024, typ="Cumulative")
assert a > b
add(R, "market",
    "Which has the bigger installed PV base at end-2024, Spain or Italy, and by how many MW?",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Spain"],
    how="Spain vs Italy 2024 Cumulative Total, difference")

a, b = cap(R, "Germany", 2030, scen="high"), cap(R, "Germany", 2030, scen="low")
add(R, "market",
    "For the downside case in our paper: compare the high and low forecasts for German PV "
    "additions in 2030.",
    "compare", [E(a, MW), E(b, MW)], how="Germany 2030 Forecast High vs Low, Annual Total")

# ---- extremes
s = hist_series(R, "Germany")
add(R, "market", "In which year did Germany install the most PV so far, and how much was it?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    how="Germany Historical Primary Annual Total, max over whole span")

s = hist_series(R, "UK")
add(R, "market", "What was the UK's record year for new PV installations?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    how="UK Historical Primary Annual Total, max over whole span")

s = hist_series(R, "Spain", y0=2010, y1=2024)
add(R, "market",
    "Spain had a notorious slump after the subsidy cuts. Which year since 2010 saw the lowest "
    "Spanish PV additions, and what was the figure?",
    "extreme", [E(s.min(), MW)], [str(int(s.idxmin()))],
    how="Spain Historical Primary Annual Total 2010-2024, min")

# ---- averages
s = series(R, "Poland", 2020, 2024)
add(R, "market", "What was Poland's average anual PV instalation over 2020–2024?",
    "average", [E(sum(s.values()) / len(s), MW)], how="mean of Poland Annual Total 2020..2024")

s = series(R, "Germany", 2025, 2030)
add(R, "market",
    "On average, how many MW a year is Germany expected to add between 2025 and 2030 in the "
    "most probable case?",
    "average", [E(sum(s.values()) / len(s), MW)],
    how="mean of Germany Forecast - Most probable Annual Total 2025..2030")

# ---- sums
s = series(R, "France", 2020, 2024)
add(R, "market", "We're benchmarking our Lyon and Paris office roofs against the French market. How much PV "
    "did France add in total from 2020 to 2024 inclusive?",
    "sum", [E(sum(s.values()), MW)], how="sum France Annual Total 2020..2024")

s = series(R, "Italy", 2025, 2030)
add(R, "market",
    "What are Italy's total forecast additions over 2025–2030 in the most probable scenario?",
    "sum", [E(sum(s.values()), MW)], how="sum Italy Forecast - Most probable Annual Total 2025..2030")

ts = ["Germany", "Netherlands", "Belgium"]
s = [cap(R, t, 2024, typ="Cumulative") for t in ts]
add(R, "market",
    "Our Benelux + Germany sleeve: what's the combined installed PV base of Germany, the "
    "Netherlands and Belgium at the end of 2024?",
    "sum", [E(sum(s), MW)], how="sum of 2024 Cumulative Total for DE, NL, BE")

# ---- first / latest
y = last_hist(R, "Austria")
add(R, "market",
    "What's the latest year with actual (historical) data for Austria, and how much PV did it "
    "install that year?",
    "first_latest", [E(cap(R, "Austria", y), MW)], [str(y)],
    how="Austria max Historical Primary year, Annual Total")

s = hist_series(R, "Poland", typ="Cumulative")
y = int(s[s >= 10000].index.min())
add(R, "market", "I need a milestone for the timeline graphic in the board paper. In which year did Poland's "
    "cumulative PV capacity first pass 10 GW?",
    "first_latest", [E(s[y], MW)], [str(y)],
    how="Poland Historical Primary Cumulative Total, first year >= 10,000 MW")

s = hist_series(R, "Portugal", typ="Cumulative")
y = int(s.index.min())
add(R, "market",
    "When does the Portuguese installed-base series start, and how big was the fleet in that "
    "first year?",
    "first_latest", [E(s[y], MW)], [str(y)],
    how="Portugal Historical Primary Cumulative Total, first year of series")

# ---- follow-up chains (real market)
v = cap(R, "France", 2024, conn="Distributed")
add(R, "market",
    ["How much distributed PV did Germany add in 2024?", "and France?"],
    "follow_up", [E(v, MW)], how="France 2024 Historical Primary Distributed Annual")

v = cap(R, "Spain", 2021, typ="Cumulative")
add(R, "market",
    ["What was Spain's installed PV base at the end of 2024?", "what about end of 2021?"],
    "follow_up", [E(v, MW)], how="Spain 2021 Historical Primary Total Cumulative")

v = cap(R, "Italy", 2027, scen="high")
add(R, "market",
    ["What's the most probable forecast for Italian PV additions in 2027?",
     "same for the high scenario"],
    "follow_up", [E(v, MW)], how="Italy 2027 Forecast - High Total Annual")

s = series(R, "Poland", 2020, 2024)
add(R, "market",
    ["Poland's annual PV additions 2020 to 2024 please",
     "Can you put that in a chart for the board pack?"],
    "follow_up", [E(x, MW) for x in s.values()], how="Poland Annual Total 2020..2024, chart")

top = countries_ranked(R, 2024, typ="Cumulative", n=5)
add(R, "market",
    ["Which 5 countries added the most PV in 2024?",
     "And if you rank by installed base at end-2024 instead?"],
    "follow_up", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="2024 Historical Primary Total Cumulative, countries only, top 5")

nl = cagr(cap(R, "Netherlands", 2019, typ="Cumulative"), cap(R, "Netherlands", 2024, typ="Cumulative"), 5)
be = cagr(cap(R, "Belgium", 2019, typ="Cumulative"), cap(R, "Belgium", 2024, typ="Cumulative"), 5)
add(R, "market",
    ["CAGR of the Netherlands' cumulative PV capacity 2019–2024?",
     "How does Belgium compare over the same period?"],
    "follow_up", [E(be, PCT), E(nl, PCT)],
    how="CAGR Cumulative Total 2019->2024 (5 yrs) for Belgium, NL repeated for comparison")

no(R, "market",
   ["What was Germany's installed PV base at the end of 2024?",
    "And what will it be at the end of 2028?"],
   "forecast cumulative values in the real CSV are running sums of forecast additions and do "
   "not include the installed base")

# =============================================================================
# REAL instance — prices
# =============================================================================
s, u = pser(R, "Module", "p-type mono-Si PERC M10", "EU")
add(R, "price",
    "What's the latest EU module price for p-type mono PERC M10?",
    "price", [E(s.iloc[-1], u)], [str(s.index[-1].year)],
    how=f"real prices Module / p-type mono-Si PERC M10 / EU, latest date {s.index[-1].date()}")

vals = []
for reg in ["EU", "US", "China"]:
    s, u = pser(R, "Module", "n-type TOPCon", reg)
    vals.append((reg, s.iloc[-1], u, s.index[-1].date()))
add(R, "price",
    "We're tendering rooftop EPC work and want a sense of module cost. Compare the latest "
    "n-type TOPCon module price in the EU, the US and China.",
    "price", [E(x, u) for _, x, u, _ in vals], ["EU", "US", "China"],
    how="Module / n-type TOPCon latest price per region: "
        + ", ".join(f"{r} {d}" for r, _, _, d in vals))

s, u = pser(R, "Module", "n-type TOPCon", "EU")
v, dates = single_extreme(s, "min")
assert len(set(d.year for d in dates)) == 1
add(R, "price",
    "What was the lowest EU price for n-type TOPCon modules in the data, and when?",
    "price", [E(v, u)], [str(dates[0].year)],
    how="Module / n-type TOPCon / EU min over whole series (" + ", ".join(str(d.date()) for d in dates) + ")")

s, u = pser(R, "Copper", "Copper", "Overseas")
add(R, "price",
    "Cabling is a big chunk of our rooftop capex. What did copper cost in March 2025?",
    "price", [E(month_obs(s, 2025, 3), u)], how="Copper / Overseas monthly observation 2025-03")

s, u = pser(R, "Aluminium", "Aluminium", "Overseas")
v, dates = single_extreme(s, "max")
assert len(dates) == 1
add(R, "price",
    "Mounting frames are mostly aluminium. What was the highest aluminium price in the data "
    "and in which month?",
    "price", [E(v, u)], [str(dates[0].year)],
    how=f"Aluminium / Overseas max over whole series ({dates[0].date()})")

s, u = pser(R, "Module", "p-type mono-Si PERC M10", "EU")
y = s[s.index.year == 2024]
add(R, "price",
    "Average EU price of p-type mono PERC M10 modules across 2024?",
    "average", [E(y.mean(), u)], how=f"mean of {len(y)} weekly observations in 2024, Module / p-type mono-Si PERC M10 / EU")

s, u = pser(R, "Module", "n-type TOPCon", "China")
add(R, "price",
    "Procurement keeps telling me Chinese module prices have collapsed. By how much, in %, has "
    "the Chinese n-type TOPCon module price changed from the first to the latest observation?",
    "price", [E(pct_change(s.iloc[0], s.iloc[-1]), PCT)],
    how=f"Module / n-type TOPCon / China {s.index[0].date()} -> {s.index[-1].date()} % change")

s, u = pser(R, "EVA", "EVA", "Overseas")
add(R, "price", "latest EVA price?", "price", [E(s.iloc[-1], u)], [str(s.index[-1].year)],
    how=f"EVA / Overseas latest ({s.index[-1].date()})")

s, u = pser(R, "Cell", "p-type mono-Si PERC", "China")
add(R, "price", "What's the most recent price of p-type mono PERC cells in China?",
    "price", [E(s.iloc[-1], u)], [str(s.index[-1].year)],
    how=f"Cell / p-type mono-Si PERC / China latest ({s.index[-1].date()})")

s, u = pser(R, "Module", "n-type TOPCon", "EU")
add(R, "price",
    "When does the EU series for n-type TOPCon module prices begin, and what was the first "
    "price recorded?",
    "first_latest", [E(s.iloc[0], u)], [str(s.index[0].year)],
    how=f"Module / n-type TOPCon / EU first observation ({s.index[0].date()})")

s, u = pser(R, "Module", "n-type TOPCon", "EU")
add(R, "price",
    ["What's the latest EU price for n-type TOPCon modules?",
     "By what percentage has it changed since the first price in that series?"],
    "follow_up", [E(pct_change(s.iloc[0], s.iloc[-1]), PCT)],
    how=f"Module / n-type TOPCon / EU {s.index[0].date()} -> {s.index[-1].date()} % change")

# =============================================================================
# Financials (sample file, loaded on both instances) — asked on the real instance
# =============================================================================
v, u = fin(co("Helios"), "FY2024", "Net income")
add(R, "manufacturer_financial",
    "We'd only sign 25-year product warranties with suppliers likely to be around that long. "
    "What was Helios Modules' net income in FY2024?",
    "financial", [E(v, u)], how="financials Helios FY2024 Net income")

gm = sorted(((c, fin(c, "FY2024", "Gross margin")[0]) for c in COMPANIES), key=lambda x: -x[1])
assert gm[0][1] != gm[1][1]
add(R, "manufacturer_financial",
    "Which of the module manufacturers you track had the highest gross margin in FY2024?",
    "financial", [E(gm[0][1], PCT)], [gm[0][0].split()[0]],
    how="financials FY2024 Gross margin, max across companies")

a, _ = fin(co("SunForge"), "FY2023", "Revenue")
b, _ = fin(co("SunForge"), "FY2024", "Revenue")
add(R, "manufacturer_financial",
    "SunForge is on the shortlist for our retail parks. How did SunForge Energy's revenue change "
    "from FY2023 to FY2024, in %?",
    "financial", [E(pct_change(a, b), PCT)], how="SunForge Revenue FY2023->FY2024 % change")

v, u = fin(co("Nordlicht"), "2024-Q4", "Production capacity")
add(R, "manufacturer_financial",
    "A German supplier would be easier to sell to the board. What production capacity did "
    "Nordlicht Solar have in 2024-Q4?",
    "financial", [E(v, u)], how="financials Nordlicht 2024-Q4 Production capacity")

# =============================================================================
# REAL instance — unanswerable
# =============================================================================
no(R, "market", "How much wind capacity did Germany add in 2024? The board wants to know if "
   "PV is the only game in town.", "wind capacity is not in the data; PV only")
no(R, "market", "How many MW of battery storage were installed alongside PV in the Netherlands "
   "in 2023?", "storage installations are not held")
no(R, "market", "What's the LCOE of a commercial rooftop PV system in Spain today?",
   "LCOE is not a measure in the data")
no(R, "market", "How many GWh did Italian PV generate in 2024?",
   "electricity generation (GWh) is not held; only capacity in MW")
no(R, "market", "What's the current feed-in tariff for rooftop systems under 100 kW in Germany?",
   "tariffs and support schemes are not held")
no(R, "market", "Within distributed, how much of Germany's 2024 additions was commercial & "
   "industrial rooftops versus residential?",
   "distributed is not split into commercial/industrial vs residential")
no(R, "market", "How much PV was installed in Bavaria in 2024? Most of our German sheds are "
   "there.", "no sub-national (regional/Länder) data")
no(R, "market", "What will France's total installed PV base be at the end of 2028 in the most "
   "probable scenario?",
   "forecast cumulative values in the real CSV do not include the installed base")
no(R, "price", "What's the latest price of string inverters in the EU?",
   "inverter prices are not held")
no(R, "price", "Latest n-type TOPCon module price in India?",
   "no India series for n-type TOPCon modules (only China, EU, Overseas, US)")
no(R, "price", "What share of a TOPCon module's price is down to the polysilicon?",
   "a share of a price (cost breakdown) cannot be derived; units differ and no bill of materials")
no(R, "manufacturer_financial", "What was LONGi's revenue in 2024?",
   "LONGi is not among the companies in the financials")
no(R, "manufacturer_financial", "What was Helios Modules' EBITDA for FY2024?",
   "EBITDA is not a metric in the financials")
no(R, "price", "Can you give me the EU module price for TOPCon in euro cents per Wp?",
   "prices are held in US$ only; no exchange rate in the data")
no(R, "market", "How many jobs does the Polish PV sector support?", "employment is not held")
no(R, "market", "What's the Spanish rooftop PV market worth in EUR for 2024?",
   "market value in money is not held; only MW")
no(R, "market", "How much PV has Liechtenstein installed? We have one office building there.",
   "Liechtenstein is not a territory in the data")

# =============================================================================
# SAMPLE instance — market
# =============================================================================
S = "sample"

v = cap(S, "Netherlands", 2024)
add(S, "market", "how much solar did the Netherlands instal in 2024?", "lookup", [E(v, MW)],
    how="sample Netherlands 2024 Historical Primary Total Annual")

v = cap(S, "Germany", 2030, typ="Cumulative")
add(S, "market",
    "For our 2030 net-zero roadmap: what's Germany's forecast cumulative PV capacity at the end "
    "of 2030, most probable case?",
    "lookup", [E(v, MW)], how="sample Germany 2030 Forecast - Most probable Total Cumulative")

v = cap(S, "Poland", 2027, scen="low")
add(S, "market", "low scenario - what does Poland add in 2027?", "lookup", [E(v, MW)],
    how="sample Poland 2027 Forecast - Low Total Annual")

v = cap(S, "France", 2022, typ="Cumulative", conn="Distributed")
add(S, "market", "What was France's distributed installed base at end of 2022?", "lookup",
    [E(v, MW)], how="sample France 2022 Historical Primary Distributed Cumulative")

six = ["Germany", "France", "Spain", "Italy", "Netherlands", "Poland"]
vals = sorted(((t, cap(S, t, 2024)) for t in six), key=lambda x: -x[1])
add(S, "market",
    "For the portfolio overview in the board paper I need a ranking. Rank Germany, France, Spain, "
    "Italy, the Netherlands and Poland by PV added in 2024.",
    "rank", [E(x, MW) for _, x in vals], [t for t, _ in vals],
    how="sample 2024 Historical Primary Total Annual, 6 countries sorted desc")

top = countries_ranked(S, 2024, typ="Cumulative", conn="Distributed", n=3)
add(S, "market",
    "Which three countries have the largest distributed PV fleet at end-2024? That's the "
    "rooftop-ish segment we care about.",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="sample 2024 Historical Primary Distributed Cumulative, countries only, top 3")

a, w = cap(S, "Spain", 2023), cap(S, "World", 2023)
add(S, "market", "What share of world PV additions in 2023 came from Spain?", "share",
    [E(a / w * 100, PCT)], how="sample Spain/World 2023 Annual Total")

a, t = cap(S, "Poland", 2024, conn="Distributed"), cap(S, "Poland", 2024)
add(S, "market",
    "Our Polish logistics parks would be distributed installs. What share of Poland's 2024 "
    "additions was distributed?",
    "share", [E(a / t * 100, PCT)], how="sample Poland 2024 Annual Distributed / Total")

a, w = cap(S, "Germany", 2030), cap(S, "World", 2030)
add(S, "market",
    "In the most probable forecast, what share of global PV additions in 2030 will Germany "
    "account for?",
    "share", [E(a / w * 100, PCT)], how="sample Germany/World 2030 Forecast - Most probable Annual Total")

a, b = cap(S, "France", 2015, typ="Cumulative"), cap(S, "France", 2024, typ="Cumulative")
add(S, "market", "Our French office portfolio is mostly Paris and Lyon. What's the CAGR of France's "
    "cumulative PV capacity from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), PCT)], how="sample France Cumulative Total 2015->2024, 9 years")

a, b = cap(S, "Netherlands", 2023), cap(S, "Netherlands", 2024)
add(S, "market",
    "The Dutch market seems to be cooling — what's the year-on-year change in Netherlands PV "
    "additions in 2024, in %?",
    "change", [E(pct_change(a, b), PCT)], how="sample Netherlands Annual Total 2023->2024 % change")

a, b = cap(S, "Italy", 2024), cap(S, "Italy", 2028)
add(S, "market",
    "How many MW more (or less) is Italy expected to add in 2028 than it did in 2024, most "
    "probable case?",
    "change", [E(b - a, MW)], how="sample Italy Annual Total 2028 (Forecast MP) - 2024 (Historical)")

a, b = cap(S, "Italy", 2024, conn="Distributed"), cap(S, "Spain", 2024, conn="Distributed")
add(S, "market", "Compare Italy and Spain on distributed PV added in 2024.", "compare",
    [E(a, MW), E(b, MW)], ["Italy"], how="sample 2024 Annual Distributed IT vs ES (Italy larger)")

a, b = cap(S, "Germany", 2030, scen="high"), cap(S, "Germany", 2030, scen="low")
add(S, "market",
    "We stress-test every capex case against market scenarios. Difference between the high and "
    "low scenario for Germany's 2030 additions?",
    "compare", [E(a - b, MW)], how="sample Germany 2030 Annual Total High - Low")

s = hist_series(S, "Poland")
add(S, "market", "Which was the peak year for Polish PV additions, and how big was it?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    how="sample Poland Historical Primary Annual Total, max over 2015-2024")

s = hist_series(S, "France")
add(S, "market", "In the historical data, which year saw the lowest French PV aditions?",
    "extreme", [E(s.min(), MW)], [str(int(s.idxmin()))],
    how="sample France Historical Primary Annual Total, min over 2015-2024")

s = series(S, "Germany", 2020, 2024)
add(S, "market", "Average annual installations in Germany 2020–2024?", "average",
    [E(sum(s.values()) / len(s), MW)], how="sample mean Germany Annual Total 2020..2024")

s = series(S, "Spain", 2025, 2030)
add(S, "market", "Our Spanish retail parks could host maybe 15 MW between them, so I want a sense of scale. "
    "Total PV additions Spain is expected to make 2025–2030, most probable?",
    "sum", [E(sum(s.values()), MW)], how="sample sum Spain Forecast - Most probable Annual Total 2025..2030")

ts = ["Germany", "Netherlands", "Poland"]
s = [cap(S, t, 2024, conn="Distributed") for t in ts]
add(S, "market",
    "Our warehouse sleeve sits in Germany, the Netherlands and Poland. What were those three "
    "countries' combined distributed additions in 2024?",
    "sum", [E(sum(s), MW)], how="sample sum 2024 Annual Distributed DE+NL+PL")

y = last_hist(S, "Italy")
add(S, "market", "What's the latest year of actuals for Italy, and what was installed then?",
    "first_latest", [E(cap(S, "Italy", y), MW)], [str(y)],
    how="sample Italy max Historical Primary year, Annual Total")

s = hist_series(S, "Spain", typ="Cumulative")
y = int(s[s >= 20000].index.min())
add(S, "market", "First year Spain's installed PV base exceeded 20 GW?", "first_latest",
    [E(s[y], MW)], [str(y)], how="sample Spain Historical Primary Cumulative Total, first year >= 20,000 MW")

# ---- sample follow-ups
v = cap(S, "Germany", 2030, scen="high")
add(S, "market",
    ["How much PV will Germany add in 2030, most probable scenario?", "low scenario?",
     "and the high one?"],
    "follow_up", [E(v, MW)], how="sample Germany 2030 Forecast - High Annual Total")

a, t = cap(S, "Poland", 2024, typ="Cumulative", conn="Distributed"), cap(S, "Poland", 2024, typ="Cumulative")
add(S, "market",
    ["What share of the Netherlands' installed base at end-2024 is distributed?", "and Poland's?"],
    "follow_up", [E(a / t * 100, PCT)], how="sample Poland 2024 Cumulative Distributed / Total")

s = series(S, "Italy", 2019, 2024)
add(S, "market",
    ["Italy's PV additions 2019 to 2024?",
     "plot that as a bar chart please, it's going into the board paper"],
    "follow_up", [E(x, MW) for x in s.values()], how="sample Italy Annual Total 2019..2024, chart")

top_mp = countries_ranked(S, 2030, scen="most probable", n=1)
top_low = countries_ranked(S, 2030, scen="low", n=1)
add(S, "market",
    ["Which country is forecast to add the most PV in 2030 (most probable)?",
     "same for the low scenario"],
    "follow_up", [E(top_low[0][1], MW)], [top_low[0][0]],
    how="sample 2030 Forecast - Low Annual Total, countries only, top 1")

# =============================================================================
# SAMPLE instance — prices
# =============================================================================
s, u = pser(S, "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", "Our EPC says polysilicon still drives module quotes. What was the EU price of 9N "
    "polysilicon in March 2024?", "price",
    [E(month_obs(s, 2024, 3), u)], how="sample Polysilicon High purity 9N / EU, 2024-03")

vals = []
for reg in ["EU", "US", "India"]:
    s, u = pser(S, "Module", "n-type HJT", reg)
    vals.append((reg, s.iloc[-1], u))
add(S, "price",
    "We might spec HJT for the office roofs where space is tight. Compare the latest HJT module "
    "prices in the EU, the US and India.",
    "price", [E(x, u) for _, x, u in vals], ["EU", "US", "India"],
    how="sample Module n-type HJT latest per region")

regs = sorted(PRC[S][(PRC[S].item == "Module") & (PRC[S].description == "n-type TOPCon")].region.unique())
vals = sorted(((r, month_obs(pser(S, "Module", "n-type TOPCon", r)[0], 2024, 12)) for r in regs),
              key=lambda x: x[1])
assert vals[0][1] != vals[1][1]
add(S, "price",
    "Which region had the cheapest n-type TOPCon modules in December 2024, and at what price?",
    "price", [E(vals[0][1], "US$/Wp")], [vals[0][0]],
    how="sample Module n-type TOPCon 2024-12 across regions, min")

s, u = pser(S, "Module", "p-type mono-Si PERC M10", "EU")
v, dates = single_extreme(s, "max")
assert len(dates) == 1
add(S, "price", "What was the highest EU price for p-type PERC M10 modules, and when?", "price",
    [E(v, u)], [str(dates[0].year)], how=f"sample Module PERC M10 EU max ({dates[0].date()})")

s, u = pser(S, "PV glass", "Glass 3,2mm", "EU")
y = s[s.index.year == 2024]
add(S, "price", "average price of 3.2mm PV glass in the EU during 2024?", "average",
    [E(y.mean(), u)], how="sample PV glass 3,2mm EU mean of 12 monthly values 2024")

s, u = pser(S, "Wafer", "n-type mono-Si M10", "China")
a, b = month_obs(s, 2023, 1), month_obs(s, 2024, 12)
add(S, "price",
    "I want one line in the paper on upstream costs. By how much in % did Chinese n-type M10 "
    "wafer prices change between January 2023 and December 2024?",
    "price", [E(pct_change(a, b), PCT)], how="sample Wafer n-type M10 China 2023-01 -> 2024-12 % change")

s1, u = pser(S, "Module", "n-type TOPCon", "EU")
s2, _ = pser(S, "Module", "n-type TOPCon", "China")
assert s1.index[-1] == s2.index[-1]
add(S, "price",
    "What's the EU premium over China for n-type TOPCon modules at the latest date, in US$/Wp?",
    "price", [E(s1.iloc[-1] - s2.iloc[-1], u)],
    how=f"sample Module n-type TOPCon EU - China at {s1.index[-1].date()}")

s, u = pser(S, "Module", "n-type TOPCon", "China")
add(S, "price",
    ["What's the latest EU price for n-type TOPCon modules?", "and in China?"],
    "follow_up", [E(s.iloc[-1], u)], how=f"sample Module n-type TOPCon China latest ({s.index[-1].date()})")

# =============================================================================
# SAMPLE instance — financials
# =============================================================================
rv = sorted(((c, fin(c, "FY2024", "Revenue")[0]) for c in COMPANIES), key=lambda x: -x[1])
add(S, "manufacturer_financial",
    "The board wants the supplier shortlist ordered by size. Rank the four module makers by "
    "FY2024 revenue, biggest first.",
    "financial", [E(x, "USD million") for _, x in rv], [c.split()[0] for c, _ in rv],
    how="financials FY2024 Revenue all companies sorted desc")

qs = [f"2024-Q{i}" for i in range(1, 5)]
ni = sorted(((q, fin(co("Helios"), q, "Net income")[0]) for q in qs), key=lambda x: x[1])
add(S, "manufacturer_financial",
    "In which quarter of 2024 did Helios Modules post its weakest net income, and what was it?",
    "financial", [E(ni[0][1], "USD million")], [ni[0][0].split("-")[1]],
    how="financials Helios 2024 quarters Net income, min")

a, _ = fin(co("Nordlicht"), "2023-Q1", "Gross margin")
b, _ = fin(co("Nordlicht"), "2024-Q4", "Gross margin")
add(S, "manufacturer_financial",
    "How did Nordlicht Solar's gross margin move between 2023-Q1 and 2024-Q4? I'm worried about "
    "their warranty backing.",
    "financial", [E(a, PCT), E(b, PCT)], how="financials Nordlicht Gross margin 2023-Q1 and 2024-Q4")

pc = [fin(c, "FY2024", "Production capacity")[0] for c in COMPANIES]
add(S, "manufacturer_financial",
    "What's the combined production capacity of all four manufacturers for FY2024?",
    "financial", [E(sum(pc), "GW")], how="financials sum FY2024 Production capacity over 4 companies")

v, u = fin(co("SunForge"), "FY2024", "Net income")
add(S, "manufacturer_financial",
    ["What was SunForge Energy's revenue in FY2024?", "and its net income?"],
    "follow_up", [E(v, u)], how="financials SunForge FY2024 Net income")


# =============================================================================
# SAMPLE instance — unanswerable
# =============================================================================
no(S, "market", "How much PV did Belgium add in 2024? We've got a big logistics hub near "
   "Liège.", "Belgium is not in the sample market data")
no(S, "market", "What was the UK's installed PV base at the end of 2023?",
   "the UK is not in the sample market data")
no(S, "market", "I'm writing the history section of the paper, back to the Conto Energia boom. How much PV "
    "did Italy install in 2012?",
   "the sample market data starts in 2015")
no(S, "price", "What's the latest module price in Australia?",
   "Australia is not a region in the sample prices")
no(S, "price", "What's the latest price of CdTe thin-film modules?",
   "CdTe modules are not in the sample prices")
no(S, "price", "How has the silver price moved over 2024? Silver paste drives cell costs.",
   "silver is not in the sample prices")
no(S, "market", "Some retail tenants want on-site batteries too. How much battery storage did Spain install "
    "in 2024?",
   "storage is not in the data")
no(S, "market", "What specific yield in kWh/kWp should we expect from a rooftop in Poland?",
   "yield/generation is not held")
no(S, "manufacturer_financial", "What was First Solar's revenue in FY2024?",
   "First Solar is not among the sample companies")
no(S, "price", "What do rooftop mounting systems cost per kWp in Germany?",
   "mounting system prices are not held")
no(S, "market", "Most of our Dutch leases run to 2033. What's the forecast for Dutch PV additions in 2033?",
   "forecasts end in 2030")


# ============================================================================= write + self-check
out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_unans = sum(not it["answerable"] for it in ITEMS)
assert n_unans >= 28, n_unans
chains = sum(len(it["turns"]) > 1 for it in ITEMS)
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert math.isfinite(e["value"]), it["id"]
    else:
        assert not it["expect"] and it.get("why"), it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
assert 10 <= n_fin <= 15, n_fin

print(f"wrote {out} with {len(ITEMS)} items")
print("unanswerable:", n_unans, "| follow-up chains (>1 turn):", chains,
      "| manufacturer_financial:", n_fin)
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {n}")
