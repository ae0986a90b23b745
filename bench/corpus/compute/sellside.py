"""sellside question set: every expected figure is computed from the data files.

Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "sellside"

# ----------------------------------------------------------------------------- data
REAL_MKT = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_PRC = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
S_MKT = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
S_PRC = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

CAP = "Capacity(MW)"
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


def mkt_df(data):
    return REAL_MKT if data == "real" else S_MKT


def last_hist(data, terr):
    d = mkt_df(data)
    d = d[(d.Territory == terr) & (d.Scenario == "Historical Primary")]
    return int(d.Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions."""
    d = mkt_df(data)
    if scen is None:
        scen = SCEN["hist"] if year <= last_hist(data, terr) else SCEN["mp"]
    else:
        scen = SCEN[scen]
    r = d[(d.Territory == terr) & (d.Year == year) & (d.Type == typ) & (d.Connection == conn)
          & (d.Scenario == scen)][CAP].unique()
    assert len(r) == 1, (data, terr, year, typ, conn, scen, r)
    return float(r[0])


def mseries(data, terr, typ="Annual", conn="Total", scen="hist", y0=None, y1=None):
    d = mkt_df(data)
    d = d[(d.Territory == terr) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == SCEN[scen])]
    if y0 is not None:
        d = d[d.Year >= y0]
    if y1 is not None:
        d = d[d.Year <= y1]
    s = d.groupby("Year")[CAP].agg(lambda x: x.unique())
    assert all(len(v) == 1 for v in s), (terr, typ, conn, scen)
    return s.map(lambda v: float(v[0])).sort_index()


def countries_year(data, year, typ="Annual", conn="Total", scen="hist"):
    d = mkt_df(data)
    d = d[(d.Year == year) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == SCEN[scen])
          & (~d.Territory.isin(AGGREGATES))]
    assert not d.Territory.duplicated().any()
    return d.set_index("Territory")[CAP].astype(float).sort_values(ascending=False)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pseries(data, item, desc, region, unit=None):
    d = REAL_PRC if data == "real" else S_PRC
    d = d[(d["item"] == item) & (d.description == desc) & (d.region == region)]
    if unit is not None:
        d = d[d.unit == unit]
    assert d.unit.nunique() == 1, (item, desc, region, d.unit.unique())
    d = d[["date", "base_price"]].drop_duplicates()
    assert not d.date.duplicated().any(), ("conflicting values on a date", item, desc, region)
    s = d.set_index("date")["base_price"].astype(float).sort_index()
    assert len(s) > 0
    return s


def unique_arg(s, fn):
    v = fn(s)
    hits = s[s == v]
    return v, hits.index


def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0])


def funit(metric):
    u = FIN[FIN.metric == metric].unit.unique()
    assert len(u) == 1
    return u[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")

# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data, "agent": agent,
          "turns": list(turns), "answerable": answerable, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in expect],
          "names": list(names), "how": how}
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
    ITEMS.append(it)


def U(data, agent, turns, why, how="not in data"):
    add(data, agent, "unanswerable", turns, how=how, answerable=False, why=why)


MW, PCT, X = "MW", "%", "x"

# ============================================================ REAL — market
# lookups
add("real", "market", "lookup",
    "For the initiation's demand model: how many MW did India add in 2024?",
    [(mv("real", "India", 2024), MW)], how="real CSV India 2024 Historical Primary Total Annual")
add("real", "market", "lookup",
    "Brazil's installed base at end-2023 — cumulative MW pls",
    [(mv("real", "Brazil", 2023, "Cumulative"), MW)], how="Brazil 2023 HP Total Cumulative")
add("real", "market", "lookup",
    "What was US distributed PV added in 2023? (resi + C&I, i.e. the distributed segment)",
    [(mv("real", "USA", 2023, conn="Distributed"), MW)], how="USA 2023 HP Distributed Annual")
add("real", "market", "lookup",
    "Low case for Germany: annual installs in 2027?",
    [(mv("real", "Germany", 2027, scen="low"), MW)], how="Germany 2027 Forecast - Low Total Annual")
add("real", "market", "lookup",
    "Centralised capacity added in Spain in 2022, in MW?",
    [(mv("real", "Spain", 2022, conn="Centralised"), MW)], how="Spain 2022 HP Centralised Annual")

# rankings (countries only)
r = countries_year("real", 2024).head(5)
add("real", "market", "rank",
    "Top 5 countries by PV additions in 2024, with volumes — need it for the intro chart.",
    [(v, MW) for v in r.values], list(r.index), how="2024 HP Total Annual, aggregates excluded, top 5")
r = countries_year("real", 2024, "Cumulative").head(3)
add("real", "market", "rank",
    "Which three countries have the largest installed PV fleet as of end 2024?",
    [(v, MW) for v in r.values], list(r.index), how="2024 HP Total Cumulative, aggregates excluded, top 3")
r = countries_year("real", 2010).head(3)
add("real", "market", "rank",
    "Going back to the FIT boom — top 3 markets by new installs in 2010?",
    [(v, MW) for v in r.values], list(r.index), how="2010 HP Total Annual, aggregates excluded, top 3")
r = countries_year("real", 2030, scen="mp").head(3)
add("real", "market", "rank",
    "Under the most probable forecast, which 3 countries install the most in 2030?",
    [(v, MW) for v in r.values], list(r.index),
    how="2030 Forecast - Most probable Total Annual, aggregates excluded, top 3")

# shares
add("real", "market", "share",
    "China's share of global PV additions in 2024?",
    [(mv("real", "China", 2024) / mv("real", "World", 2024) * 100, PCT)],
    how="China 2024 Annual / World 2024 Annual (HP Total)")
add("real", "market", "share",
    "What % of the world's cumulative installed PV was in the US at end-2024?",
    [(mv("real", "USA", 2024, "Cumulative") / mv("real", "World", 2024, "Cumulative") * 100, PCT)],
    how="USA / World, 2024 HP Total Cumulative")
add("real", "market", "share",
    "For Germany 2024, how much of the new capacity was distributed (as a share of the total)?",
    [(mv("real", "Germany", 2024, conn="Distributed") / mv("real", "Germany", 2024) * 100, PCT)],
    how="Germany 2024 HP Distributed Annual / Total Annual")
add("real", "market", "share",
    "Brazilian market: share of centralised in 2024 annual installs?",
    [(mv("real", "Brazil", 2024, conn="Centralised") / mv("real", "Brazil", 2024) * 100, PCT)],
    how="Brazil 2024 HP Centralised / Total, Annual")
add("real", "market", "share",
    "India's share of world installations in 2024, %?",
    [(mv("real", "India", 2024) / mv("real", "World", 2024) * 100, PCT)],
    how="India / World 2024 HP Total Annual")

# change
add("real", "market", "change",
    "Global market CAGR 2020–2024 (annual additions)?",
    [(cagr(mv("real", "World", 2020), mv("real", "World", 2024), 4), PCT)],
    how="World Annual HP Total, (2024/2020)^(1/4)-1")
add("real", "market", "change",
    "India y/y growth in annual installs, 2024 vs 2023?",
    [(pct(mv("real", "India", 2023), mv("real", "India", 2024)), PCT)],
    how="India Annual HP Total, (2024-2023)/2023")
add("real", "market", "change",
    "By how many MW did Japan's cumulative capacity grow between end-2015 and end-2024?",
    [(mv("real", "Japan", 2024, "Cumulative") - mv("real", "Japan", 2015, "Cumulative"), MW)],
    how="Japan Cumulative HP Total 2024 minus 2015")
add("real", "market", "change",
    "USA annual market: % change 2019 to 2024?",
    [(pct(mv("real", "USA", 2019), mv("real", "USA", 2024)), PCT)],
    how="USA Annual HP Total (2024-2019)/2019")
add("real", "market", "change",
    "Italy forecast: CAGR of annual installs 2025->2030, most probable case",
    [(cagr(mv("real", "Italy", 2025, scen="mp"), mv("real", "Italy", 2030, scen="mp"), 5), PCT)],
    how="Italy Forecast - Most probable Annual Total, (2030/2025)^(1/5)-1")

# compare
vals = {c: mv("real", c, 2024) for c in ["Spain", "Italy", "France"]}
add("real", "market", "compare",
    "Southern Europe check: Spain vs Italy vs France, MW installed in 2024 — who's biggest?",
    [(v, MW) for v in vals.values()], [max(vals, key=vals.get)],
    how="2024 HP Total Annual for each; largest named")
a, b = mv("real", "Australia", 2024, "Cumulative"), mv("real", "Japan", 2024, "Cumulative")
add("real", "market", "compare",
    "Compare Australia and Japan installed base end of 2024. How many times bigger is the larger one?",
    [(a, MW), (b, MW), (max(a, b) / min(a, b), X)], ["Japan" if b > a else "Australia"],
    how="2024 HP Total Cumulative both; ratio larger/smaller")
a, b = mv("real", "Poland", 2028, scen="high"), mv("real", "Netherlands", 2028, scen="high")
add("real", "market", "compare",
    "High scenario 2028: Poland vs the Netherlands annual additions?",
    [(a, MW), (b, MW)], ["Poland" if a > b else "Netherlands"],
    how="2028 Forecast - High Total Annual both")

# extremes
s = mseries("real", "Germany")
add("real", "market", "extreme",
    "What's Germany's record year for new PV installs, and how much?",
    [(s.max(), MW)], [str(s.idxmax())], how="Germany Annual HP Total, max over all years")
s = mseries("real", "Japan")
add("real", "market", "extreme",
    "Japan peak annual market — which year and how many MW?",
    [(s.max(), MW)], [str(s.idxmax())], how="Japan Annual HP Total, max over all years")
s = mseries("real", "Spain", y0=2010, y1=2024)
add("real", "market", "extreme",
    "Spain post-moratorium trough: lowest annual install year between 2010 and 2024?",
    [(s.min(), MW)], [str(s.idxmin())], how="Spain Annual HP Total 2010-2024, min")
s = mseries("real", "UK")
add("real", "market", "extreme",
    "UK: in which year did annual installations peak?",
    [(s.max(), MW)], [str(s.idxmax())], how="UK Annual HP Total, max over all years")

# averages
s = mseries("real", "Italy", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "average",
    "Avg annual additions in Italy over 2020-2024?",
    [(s.mean(), MW)], how="Italy Annual HP Total 2020..2024 mean")
s = mseries("real", "France", scen="mp", y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "average",
    "For our French utility coverage: average yearly installs France 2025–2030 in the most probable scenario?",
    [(s.mean(), MW)], how="France Forecast - Most probable Annual Total 2025..2030 mean")
s = mseries("real", "Australia", y0=2018, y1=2024)
assert len(s) == 7
add("real", "market", "average",
    "australia - mean annual market 2018 through 2024 in MW",
    [(s.mean(), MW)], how="Australia Annual HP Total 2018..2024 mean")

# sums
s = mseries("real", "Poland", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "sum",
    "How much PV did Poland install in total over 2020-24 (sum of annual additions)?",
    [(s.sum(), MW)], how="Poland Annual HP Total 2020..2024 sum")
s = mseries("real", "Spain", scen="high", y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "sum",
    "Cumulative new-build Spain 2025-2030, high case — i.e. sum of the annual additions?",
    [(s.sum(), MW)], how="Spain Forecast - High Annual Total 2025..2030 sum")
s = mseries("real", "India", y0=2022, y1=2024)
add("real", "market", "sum",
    "India: total MW added in 2022, 2023 and 2024 combined?",
    [(s.sum(), MW)], how="India Annual HP Total 2022..2024 sum")

# first / latest
s = mseries("real", "China")
y = int(s[s > 100000].index.min())
add("real", "market", "first_latest",
    "First year China added more than 100 GW in a single year?",
    [(s[y], MW)], [str(y)], how="China Annual HP Total, first year > 100,000 MW")
s = mseries("real", "Iceland", "Cumulative")
add("real", "market", "first_latest",
    "What's the most recent installed-base figure you have for Iceland, and for which year?",
    [(s.iloc[-1], MW)], [str(s.index[-1])], how="Iceland Cumulative HP Total, latest year available")
s = mseries("real", "Brazil")
y = int(s[s > 10000].index.min())
add("real", "market", "first_latest",
    "When did Brazil first cross 10 GW of annual installs?",
    [(s[y], MW)], [str(y)], how="Brazil Annual HP Total, first year > 10,000 MW")

# ============================================================ REAL — prices
s = pseries("real", "Module", "n-type TOPCon", "US")
add("real", "price", "price",
    "Latest n-type TOPCon module price in the US?",
    [(s.iloc[-1], "US$/Wp")], how=f"Module n-type TOPCon US, latest date {s.index[-1].date()}")
us, eu = pseries("real", "Module", "n-type TOPCon", "US"), pseries("real", "Module", "n-type TOPCon", "EU")
assert us.index[-1] == eu.index[-1]
add("real", "price", "price",
    "Price deck: US vs EU TOPCon module ASP at the latest print — what's the gap in US$/Wp?",
    [(us.iloc[-1], "US$/Wp"), (eu.iloc[-1], "US$/Wp"), (us.iloc[-1] - eu.iloc[-1], "US$/Wp")],
    how="Module n-type TOPCon US and EU latest (same date); difference")
s = pseries("real", "Cell", "n-type TOPCon M10", "Overseas")
v, idx = unique_arg(s, min)
add("real", "price", "price",
    "Lowest overseas n-type TOPCon M10 cell price on record?",
    [(v, "US$/Wp")], [str(idx[0].year)] if len(idx) == 1 else [],
    how="Cell n-type TOPCon M10 Overseas, min over whole series")
s = pseries("real", "Wafer", "p-type mono-Si M10", "China")
v, idx = unique_arg(s, max)
add("real", "price", "price",
    "China p-type M10 wafer: what was the peak price over the whole series, US$/pce?",
    [(v, "US$/pce")], [str(idx[0].year)] if len(set(i.year for i in idx)) == 1 else [],
    how="Wafer p-type mono-Si M10 China, max over whole series")
s = pseries("real", "Polysilicon", "Very high purity - 11N/11N+", "China")
add("real", "price", "change",
    "Polysilcon 11N/11N+ in China: % change from the first to the last observation in the series?",
    [(pct(s.iloc[0], s.iloc[-1]), PCT)],
    how=f"Polysilicon 11N/11N+ China, {s.index[0].date()} -> {s.index[-1].date()}")
s = pseries("real", "Copper", "Copper", "Overseas")
m = s[(s.index.year == 2025) & (s.index.month == 1)]
assert len(m) == 1
add("real", "price", "price",
    "Copper price in January 2025?",
    [(m.iloc[0], "US$/t")], how="Copper Overseas monthly, 2025-01")
s = pseries("real", "Aluminium", "Aluminium", "Overseas")
m = s[s.index.year == 2024]
assert len(m) == 12
add("real", "price", "average",
    "Frame cost input: average aluminium price across calendar 2024?",
    [(m.mean(), "US$/t")], how="Aluminium Overseas monthly, mean of 12 months of 2024")
s = pseries("real", "Silver", "Silver", "Overseas", unit="K US$/t")
v, idx = unique_arg(s, max)
add("real", "price", "price",
    "Silver (paste cost driver) — highest monthly price in the K US$/t series, and which month?",
    [(v, "K US$/t")], [idx[0].strftime("%B"), str(idx[0].year)] if len(idx) == 1 else [],
    how="Silver Overseas K US$/t monthly, max")
s = pseries("real", "EVA", "EVA", "Overseas")
a = s[(s.index.year == 2022) & (s.index.month == 1)]
b = s[(s.index.year == 2025) & (s.index.month == 1)]
assert len(a) == 1 and len(b) == 1
add("real", "price", "change",
    "EVA encapsulant price: % change Jan 2022 to Jan 2025?",
    [(pct(a.iloc[0], b.iloc[0]), PCT)], how="EVA Overseas monthly 2022-01 vs 2025-01")
c, p_ = pseries("real", "Module", "CdTe", "Overseas"), pseries("real", "Module", "p-type mono-Si PERC M10", "Overseas")
assert c.index[-1] == p_.index[-1]
add("real", "price", "price",
    "Thin-film vs c-Si: latest CdTe module price vs p-type mono PERC M10 (overseas) — which is pricier?",
    [(c.iloc[-1], "US$/Wp"), (p_.iloc[-1], "US$/Wp")], ["CdTe" if c.iloc[-1] > p_.iloc[-1] else "PERC"],
    how="Module CdTe Overseas and PERC M10 Overseas latest (same date)")
s = pseries("real", "Polysilicon", "Average purity - 6N to 8N", "Overseas")
add("real", "price", "price",
    "Poly deck: low point for average-purity (6N-8N) polysilicon overseas, US$/kg?",
    [(s.min(), "US$/kg")], how="Polysilicon Average purity 6N-8N Overseas, min over series")
s = pseries("real", "Module", "p-type mono-Si PERC M10", "Australia")
add("real", "price", "first_latest",
    "What's the last Australian price you have for p-type mono PERC M10 modules, and its date?",
    [(s.iloc[-1], "US$/Wp")], [str(s.index[-1].year)],
    how=f"Module PERC M10 Australia latest ({s.index[-1].date()})")
s = pseries("real", "Module", "n-type HJT", "China")
add("real", "price", "change",
    "HJT module in China: change in % from the start of the series to the latest?",
    [(pct(s.iloc[0], s.iloc[-1]), PCT)],
    how=f"Module n-type HJT China {s.index[0].date()} -> {s.index[-1].date()}")
s = pseries("real", "Cell", "p-type mono-Si PERC", "China")
m = s[s.index.year == 2024]
add("real", "price", "average",
    "Avg China p-type mono PERC cell price over 2024 (all weekly prints)?",
    [(m.mean(), "US$/Wp")], how=f"Cell p-type mono-Si PERC China, mean of {len(m)} weekly obs in 2024")
s = pseries("real", "Module", "p-type mono-Si PERC M10", "US")
m = s[s.index.year == 2024]
add("real", "price", "price",
    "US PERC M10 module: 2024 high and low?",
    [(m.max(), "US$/Wp"), (m.min(), "US$/Wp")], how="Module PERC M10 US, max/min of 2024 obs")

# ============================================================ REAL — follow-ups
add("real", "market", "follow_up",
    ["How much did Spain install in 2024?", "and Italy?"],
    [(mv("real", "Italy", 2024), MW)], how="Italy 2024 HP Total Annual")
add("real", "market", "follow_up",
    ["China share of the global installed base, end-2023?", "what about 2020?"],
    [(mv("real", "China", 2020, "Cumulative") / mv("real", "World", 2020, "Cumulative") * 100, PCT)],
    how="China / World Cumulative HP Total 2020")
add("real", "market", "follow_up",
    ["Germany annual additions 2030, most probable?", "same for the high scenario"],
    [(mv("real", "Germany", 2030, scen="high"), MW)], how="Germany 2030 Forecast - High Annual Total")
add("real", "market", "follow_up",
    ["UK cumulative PV at end of 2024?", "and how much of that is distributed?"],
    [(mv("real", "UK", 2024, "Cumulative", "Distributed"), MW)],
    how="UK 2024 HP Distributed Cumulative")
s_cn, s_us = pseries("real", "Module", "n-type TOPCon", "China"), pseries("real", "Module", "n-type TOPCon", "US")
add("real", "price", "follow_up",
    ["Latest TOPCon module price in China?", "and in the US?"],
    [(s_us.iloc[-1], "US$/Wp")], how="Module n-type TOPCon US latest")
add("real", "market", "follow_up",
    ["Brazil y/y growth in annual installs 2024?", "And India?"],
    [(pct(mv("real", "India", 2023), mv("real", "India", 2024)), PCT)],
    how="India Annual HP Total (2024-2023)/2023")
add("real", "market", "follow_up",
    ["Poland's 2024 additions?", "what about the low scenario for 2028?"],
    [(mv("real", "Poland", 2028, scen="low"), MW)], how="Poland 2028 Forecast - Low Annual Total")
s = mseries("real", "France")
add("real", "market", "follow_up",
    ["Peak year for Netherlands annual installations?", "and France?"],
    [(s.max(), MW)], [str(s.idxmax())], how="France Annual HP Total max")
s = mseries("real", "USA", y0=2019, y1=2024)
add("real", "market", "follow_up",
    ["US annual installs 2019-2024, year by year", "as a chart pls"],
    [(v, MW) for v in s.values], how="USA Annual HP Total 2019..2024")

# ============================================================ REAL — financials (sample financials)
add("real", "manufacturer_financial", "financial",
    "Helios Modules FY2024 revenue?",
    [(fv(HEL, "FY2024", "Revenue"), "USD million")], how="financials Helios FY2024 Revenue")
a, b = fv(SUN, "2023-Q4", "Gross margin"), fv(SUN, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "financial",
    "SunForge gross margin Q4'24 vs Q4'23 — how many points of compression?",
    [(a, PCT), (b, PCT), (a - b, PCT)], how="SunForge Gross margin 2023-Q4 and 2024-Q4; difference in pp")
a, b = fv(AUR, "FY2023", "Net income"), fv(AUR, "FY2024", "Net income")
add("real", "manufacturer_financial", "financial",
    "Aurora PV net income FY24 vs FY23, y/y % change?",
    [(pct(a, b), PCT)], how="Aurora Net income FY2023 -> FY2024 % change")
sh = {c: fv(c, "FY2024", "Module shipments") for c in [HEL, SUN, AUR, NOR]}
order = sorted(sh, key=sh.get, reverse=True)
add("real", "manufacturer_financial", "financial",
    "Rank the covered module makers by FY2024 shipments (GW).",
    [(sh[c], "GW") for c in order], [c.split()[0] for c in order],
    how="financials FY2024 Module shipments, all companies, sorted desc")
# ============================================================ REAL — unanswerable
U("real", "market", "How much onshore wind did Germany add in 2024?",
  "wind is not in the data; PV only")
U("real", "market", "For the utilities piece: battery storage MW installed in Australia in 2024?",
  "storage capacity not held; PV installations only")
U("real", "market", "What's the LCOE for utility-scale PV in Spain right now?",
  "LCOE not held")
U("real", "market", "Italy's solar generation in 2024, in GWh?",
  "generation (GWh) not held; capacity only")
U("real", "market", "How many people work in the US solar industry (jobs)?",
  "employment not held")
U("real", "market", "Current French feed-in tariff for rooftop PV under 100 kW?",
  "tariffs / support levels not held")
U("real", "market", "Market value of the German PV market in 2024 in EUR bn?",
  "market value in currency not held; MW only")
U("real", "market", "Nigeria PV additions 2024?", "Nigeria is not a territory in the data")
U("real", "market", "Argentina installs forecast for 2032?",
  "no forecast beyond 2030 (and no forecasts for Argentina)")
U("real", "market", "What will Germany's installed base be at end-2028 in the most probable case?",
  "forecast cumulative values in the real CSV exclude the installed base; not a valid fleet figure")
U("real", "market", "Total cumulative PV capacity in France in 2030, high scenario?",
  "forecast cumulative in the real CSV excludes the installed base")
U("real", "market", "How much PV did Japan install in 1988?", "data starts in 1992")
U("real", "market", "Solar thermal collector area installed in Greece last year?",
  "solar thermal not in the data")
U("real", "price", "Latest perovskite tandem module price?",
  "no perovskite / tandem module price series")
U("real", "price", "Polysilicon price in India, latest?",
  "no polysilicon series for India")
U("real", "price", "Inverter prices per Wac in the EU, latest?",
  "inverters are not a price item in the data")
U("real", "price", "What share of the module price is the wafer cost today?",
  "a share of one price in another is not something the price data holds (different units, no cost breakdown)")
U("real", "price", "What's the average conversion efficiency of TOPCon modules vs PERC?",
  "efficiency not held")
U("real", "manufacturer_financial", "LONGi revenue 2024?",
  "LONGi is not among the companies in the financials")
U("real", "manufacturer_financial", "Helios R&D spend as % of revenue, FY2024?",
  "R&D spend not a metric in the financials")

# ============================================================ SAMPLE — market
add("sample", "market", "lookup",
    "How many MW did Italy instal in 2023?",
    [(mv("sample", "Italy", 2023), MW)], how="sample Italy 2023 HP Total Annual")
add("sample", "market", "lookup",
    "Spain distributed additions 2022, MW?",
    [(mv("sample", "Spain", 2022, conn="Distributed"), MW)], how="sample Spain 2022 HP Distributed Annual")
add("sample", "market", "lookup",
    "For the initiation's demand model: France installed base end 2024?",
    [(mv("sample", "France", 2024, "Cumulative"), MW)], how="sample France 2024 HP Total Cumulative")
r = countries_year("sample", 2024, "Cumulative").head(3)
add("sample", "market", "rank",
    "Top 3 countries by cumulative capacity at end 2024?",
    [(v, MW) for v in r.values], list(r.index), how="sample 2024 HP Cumulative Total, excl World, top 3")
r = countries_year("sample", 2030, scen="low").head(2)
add("sample", "market", "rank",
    "Low case 2030: which two countries add the most?",
    [(v, MW) for v in r.values], list(r.index), how="sample 2030 Forecast - Low Annual Total, excl World, top 2")
add("sample", "market", "share",
    "Germany's share of world PV additions in 2024?",
    [(mv("sample", "Germany", 2024) / mv("sample", "World", 2024) * 100, PCT)],
    how="sample Germany / World 2024 HP Annual Total")
add("sample", "market", "share",
    "Italian market 2024: distributed as % of total annual installs?",
    [(mv("sample", "Italy", 2024, conn="Distributed") / mv("sample", "Italy", 2024) * 100, PCT)],
    how="sample Italy 2024 HP Distributed / Total Annual")
add("sample", "market", "share",
    "Spain's share of global additions in 2030 under the high scenario?",
    [(mv("sample", "Spain", 2030, scen="high") / mv("sample", "World", 2030, scen="high") * 100, PCT)],
    how="sample Spain / World 2030 Forecast - High Annual Total")
add("sample", "market", "change",
    "Poland annual market CAGR 2019-2024?",
    [(cagr(mv("sample", "Poland", 2019), mv("sample", "Poland", 2024), 5), PCT)],
    how="sample Poland Annual HP Total (2024/2019)^(1/5)-1")
add("sample", "market", "change",
    "Netherlands 2024 y/y change in new installs?",
    [(pct(mv("sample", "Netherlands", 2023), mv("sample", "Netherlands", 2024)), PCT)],
    how="sample Netherlands Annual HP Total (2024-2023)/2023")
add("sample", "market", "change",
    "World annual additions: absolute increase 2022 -> 2024 in GW terms?",
    [(mv("sample", "World", 2024) - mv("sample", "World", 2022), MW)],
    how="sample World Annual HP Total 2024 - 2022")
a, b = mv("sample", "France", 2030, scen="high"), mv("sample", "Spain", 2030, scen="high")
add("sample", "market", "compare",
    "France vs Spain, high scenario 2030 annual installs?",
    [(a, MW), (b, MW)], ["Spain" if b > a else "France"], how="sample 2030 Forecast - High Annual Total both")
vals = {c: mv("sample", c, 2024, "Cumulative") for c in ["Germany", "Italy", "Spain"]}
add("sample", "market", "compare",
    "Installed base end-2024: Germany, Italy, Spain side by side",
    [(v, MW) for v in vals.values()], [max(vals, key=vals.get)], how="sample 2024 HP Cumulative Total x3")
s = mseries("sample", "Spain")
add("sample", "market", "extreme",
    "Spain's record year for annual installs (historical)?",
    [(s.max(), MW)], [str(s.idxmax())], how="sample Spain Annual HP Total max")
s = mseries("sample", "Netherlands")
add("sample", "market", "extreme",
    "Dutch market — which year was the peak for new capacity?",
    [(s.max(), MW)], [str(s.idxmax())], how="sample Netherlands Annual HP Total max (ties checked)")
assert (s == s.max()).sum() == 1
s = mseries("sample", "Germany", y0=2020, y1=2024)
add("sample", "market", "average",
    "Average annual German installs 2020-2024?",
    [(s.mean(), MW)], how="sample Germany Annual HP Total 2020..2024 mean")
s = mseries("sample", "Italy", scen="low", y0=2025, y1=2030)
add("sample", "market", "sum",
    "Sum of Italy's annual additions 2025-2030, low case?",
    [(s.sum(), MW)], how="sample Italy Forecast - Low Annual Total 2025..2030 sum")
s = mseries("sample", "Poland")
y = int(s[s > 4000].index.min())
add("sample", "market", "first_latest",
    "First year Poland topped 4 GW of annual installs?",
    [(s[y], MW)], [str(y)], how="sample Poland Annual HP Total first year > 4,000 MW")

# ============================================================ SAMPLE — prices
s = pseries("sample", "Module", "n-type TOPCon", "EU")
add("sample", "price", "price",
    "Latest EU TOPCon module price?",
    [(s.iloc[-1], "US$/Wp")], how=f"sample Module n-type TOPCon EU latest ({s.index[-1].date()})")
s = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "China")
m = s[(s.index.year == 2024) & (s.index.month == 3)]
assert len(m) == 1
add("sample", "price", "price",
    "China high-purity poly in March 2024, US$/kg?",
    [(m.iloc[0], "US$/kg")], how="sample Polysilicon 9N China 2024-03")
s = pseries("sample", "Wafer", "p-type mono-Si M10", "China")
add("sample", "price", "price",
    "p-type M10 wafer in China: max and min over the series?",
    [(s.max(), "US$/pce"), (s.min(), "US$/pce")], how="sample Wafer p-type M10 China max/min")
s = pseries("sample", "Module", "n-type TOPCon", "China")
add("sample", "price", "change",
    "China TOPCon module ASP: % change Jan 2023 to Dec 2024?",
    [(pct(s[pd.Timestamp("2023-01-01")], s[pd.Timestamp("2024-12-01")]), PCT)],
    how="sample Module n-type TOPCon China 2023-01 -> 2024-12")
a = pseries("sample", "Module", "n-type TOPCon", "India")
b = pseries("sample", "Module", "n-type TOPCon", "China")
d = pd.Timestamp("2024-12-01")
add("sample", "price", "price",
    "TOPCon modules Dec 2024: India vs China — how much is the Indian premium in %?",
    [(a[d], "US$/Wp"), (b[d], "US$/Wp"), (pct(b[d], a[d]), PCT)],
    how="sample Module TOPCon India and China 2024-12; (India-China)/China")
s = pseries("sample", "PV glass", "Glass 3,2mm", "China")
m = s[s.index.year == 2024]
add("sample", "price", "average",
    "3.2mm PV glass China, average 2024 price?",
    [(m.mean(), "US$/m²")], how="sample PV glass 3,2mm China mean of 2024 months")
c1 = pseries("sample", "Cell", "n-type TOPCon M10", "China")
c2 = pseries("sample", "Cell", "p-type mono-Si PERC M10", "China")
add("sample", "price", "price",
    "Latest China cell prices: TOPCon M10 vs PERC M10 — what's the n-type premium in US$/Wp?",
    [(c1.iloc[-1], "US$/Wp"), (c2.iloc[-1], "US$/Wp"), (c1.iloc[-1] - c2.iloc[-1], "US$/Wp")],
    how="sample Cell TOPCon M10 and PERC M10 China latest; difference")
regs = ["China", "EU", "India", "US"]
lat = {rg: pseries("sample", "Module", "n-type HJT", rg).iloc[-1] for rg in regs}
cheap = min(lat, key=lat.get)
add("sample", "price", "price",
    "Which region has the cheapest HJT modules at the latest date, and at what price?",
    [(lat[cheap], "US$/Wp")], [cheap], how="sample Module n-type HJT, latest per region, min")

# ============================================================ SAMPLE — follow-ups
add("sample", "market", "follow_up",
    ["Germany annual installs 2024?", "and what about 2021?"],
    [(mv("sample", "Germany", 2021), MW)], how="sample Germany 2021 HP Total Annual")
add("sample", "market", "follow_up",
    ["France annual additions 2028, most probable?", "same for the high scenario", "and the low one?"],
    [(mv("sample", "France", 2028, scen="low"), MW)], how="sample France 2028 Forecast - Low Annual Total")
s = mseries("sample", "Italy", y0=2015, y1=2024)
add("sample", "market", "follow_up",
    ["Italy annual market 2015-2024", "as a chart"],
    [(v, MW) for v in s.values], how="sample Italy Annual HP Total 2015..2024")
s = pseries("sample", "Wafer", "n-type mono-Si M10", "EU")
add("sample", "price", "follow_up",
    ["n-type M10 wafer price in China, latest?", "and in the EU?"],
    [(s.iloc[-1], "US$/pce")], how="sample Wafer n-type M10 EU latest")
add("sample", "market", "follow_up",
    ["Netherlands' share of world installs in 2024?", "and Poland?"],
    [(mv("sample", "Poland", 2024) / mv("sample", "World", 2024) * 100, PCT)],
    how="sample Poland / World 2024 HP Annual Total")
add("sample", "manufacturer_financial", "follow_up",
    ["SunForge revenue FY2023?", "and FY2024?"],
    [(fv(SUN, "FY2024", "Revenue"), "USD million")], how="financials SunForge FY2024 Revenue")

# ============================================================ SAMPLE — financials
add("sample", "manufacturer_financial", "financial",
    "Helios H1 2024 revenue (Q1+Q2)?",
    [(fv(HEL, "2024-Q1", "Revenue") + fv(HEL, "2024-Q2", "Revenue"), "USD million")],
    how="Helios Revenue 2024-Q1 + 2024-Q2")
a, b = fv(SUN, "2024-Q3", "Module shipments"), fv(SUN, "2024-Q4", "Module shipments")
add("sample", "manufacturer_financial", "financial",
    "SunForge module shipments q/q growth in Q4 2024?",
    [(pct(a, b), PCT)], how="SunForge Module shipments (2024-Q4 - 2024-Q3)/2024-Q3")
gm = {c: fv(c, "FY2024", "Gross margin") for c in [HEL, SUN, AUR, NOR]}
best = max(gm, key=gm.get)
add("sample", "manufacturer_financial", "financial",
    "Who had the best FY2024 gross margin among the names we cover?",
    [(gm[best], PCT)], [best.split()[0]], how="FY2024 Gross margin, max across companies")
q = [fv(NOR, f"2024-Q{i}", "Gross margin") for i in range(1, 5)]
add("sample", "manufacturer_financial", "financial",
    "Nordlicht: average of the four quarterly gross margins in 2024?",
    [(sum(q) / 4, PCT)], how="Nordlicht Gross margin mean of 2024-Q1..Q4")
q = {p: fv(AUR, p, "Net income") for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
first_loss = [p for p, v in q.items() if v < 0]
add("sample", "manufacturer_financial", "financial",
    "Aurora PV — first quarter of 2024 with a net loss, and how big?",
    [(q[first_loss[0]], "USD million")], [first_loss[0].split("-")[1]],
    how="Aurora Net income 2024 quarters, first negative")

# ============================================================ SAMPLE — unanswerable
U("sample", "market", "Spain onshore wind additions 2023?", "wind not in the data")
U("sample", "market", "Brazil PV installs in 2023?", "Brazil not in the sample market data")
U("sample", "market", "Italy annual additions forecast for 2032?", "forecasts end in 2030")
U("sample", "market", "Germany installs in 2012, MW?", "sample market data starts in 2015")
U("sample", "market", "How much residential storage was attached to German rooftop PV in 2024?",
  "storage not held")
U("sample", "market", "Average capacity factor of Spanish utility-scale PV?",
  "capacity factor / generation not held")
U("sample", "price", "Silver price latest, for the paste cost model?",
  "silver / raw materials not in the sample prices")
U("sample", "price", "Polysilicon price in the US, Dec 2024?",
  "sample polysilicon only for China and EU")
U("sample", "price", "CdTe module price trend 2024?", "no CdTe series in the sample prices")
U("sample", "price", "TOPCon module price in China in June 2022?",
  "sample prices cover 2023-01 to 2024-12 only")
U("sample", "manufacturer_financial", "SunForge EBITDA FY2024?", "EBITDA not a metric in the financials")
U("sample", "manufacturer_financial", "Helios revenue in Q1 2025?", "financials end at 2024-Q4 / FY2024")
U("sample", "manufacturer_financial", "JinkoSolar module shipments 2024, GW?",
  "JinkoSolar not among the companies in the financials")

# ----------------------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
n_fu = sum(len(it["turns"]) >= 2 for it in ITEMS)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]
print(f"items: {n}  unanswerable: {n_un}  follow-up chains: {n_fu}")
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
assert n >= 110, n
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
print("self-check OK")
