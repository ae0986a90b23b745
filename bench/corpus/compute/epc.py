#!/usr/bin/env python3
"""Writer `epc` — held-out questions for the solar-PV market-intelligence assistant.

Persona: head of business development at a mid-sized EPC contractor (utility-scale and
large commercial PV in Europe, Middle East, Latin America).

Every expected figure below is computed from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "epc"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

RM = pd.read_csv(REAL_MARKET).drop_duplicates()          # 624 rows are exact duplicates
SM = pd.read_csv(SAMPLE_MARKET).drop_duplicates()
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FIN = pd.read_csv(FINANCIALS)

CAP = "Capacity(MW)"
HIST = "Historical Primary"
SCEN = {"most probable": "Forecast - Most probable", "high": "Forecast - High",
        "low": "Forecast - Low"}

# aggregates in the real CSV (never counted as countries)
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- market helpers
def last_hist_year(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == HIST)]
    return int(h.Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions."""
    if scen is None:
        scenario = HIST if year <= last_hist_year(df, terr) else SCEN["most probable"]
    else:
        scenario = SCEN[scen]
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scenario)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, scenario, len(r))
    return float(r[CAP].iloc[0])


def series(df, terr, years, **kw):
    return [mv(df, terr, y, **kw) for y in years]


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, terrs, year, n=None, **kw):
    vals = []
    for t in terrs:
        try:
            vals.append((t, mv(df, t, year, **kw)))
        except AssertionError:
            pass  # territory without that row
    vals.sort(key=lambda x: -x[1])
    return vals[:n] if n else vals


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def pser(P, item, desc, region, unit=None, unique=True):
    s = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, "mixed units"
    if unique:
        assert s.date.is_unique, ("series has several observations on a date", item, desc, region)
    return s.sort_values("date")


def p_latest(P, item, desc, region, unit=None):
    s = pser(P, item, desc, region, unit, unique=False)
    last = s[s.date == s.date.max()]
    assert len(last) == 1, ("latest date not unique", item, desc, region)
    return float(last.base_price.iloc[0]), last.date.iloc[0], last.unit.iloc[0]


def p_first(P, item, desc, region, unit=None):
    s = pser(P, item, desc, region, unit, unique=False)
    first = s[s.date == s.date.min()]
    assert len(first) == 1
    return float(first.base_price.iloc[0]), first.date.iloc[0], first.unit.iloc[0]


def p_month(P, item, desc, region, ym, unit=None):
    s = pser(P, item, desc, region, unit, unique=False)
    m = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(m) == 1, ("need exactly one observation in month", item, desc, region, ym, len(m))
    return float(m.base_price.iloc[0]), m.unit.iloc[0]


def p_extreme(P, item, desc, region, which, unit=None, start=None, end=None):
    s = pser(P, item, desc, region, unit, unique=True)
    if start:
        s = s[s.date >= start]
    if end:
        s = s[s.date <= end]
    idx = s.base_price.idxmin() if which == "min" else s.base_price.idxmax()
    v = s.loc[idx]
    tied = s[s.base_price == v.base_price]
    # weekly series plateau: ties allowed, but all tied dates must fall in one year so the
    # year we ask the answer to name is unambiguous
    assert tied.date.dt.year.nunique() == 1, ("ties across years", item, desc, region)
    return float(v.base_price), v.date, v.unit


def p_mean(P, item, desc, region, start, end, unit=None):
    s = pser(P, item, desc, region, unit, unique=True)
    s = s[(s.date >= start) & (s.date <= end)]
    return float(s.base_price.mean()), s.unit.iloc[0], len(s)


# ----------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0], r.company.iloc[0]


# ----------------------------------------------------------------------------- question store
Q = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(Q) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": "unanswerable" if not answerable else kind,
        "expect": expect or [],
        "names": names or [],
    }
    if not answerable:
        item["why"] = why
    item["how"] = how
    Q.append(item)


def E(value, unit):
    return {"value": float(value), "unit": unit}


MW = "MW"
PCT = "%"

# =============================================================================
# REAL instance — market
# =============================================================================
D = "real"

v = mv(RM, "Spain", 2024, conn="Centralised")
add(D, "market", "bidding a couple of utility-scale jobs in spain next qtr. how much centralised PV did spain add in 2024?",
    "lookup", [E(v, MW)], how="real CSV: Spain, 2024, Historical Primary, Centralised, Annual")

v = mv(RM, "Brazil", 2024, typ="Cumulative")
add(D, "market", "Board wants a LatAm heat map. brazil installed base end of 2024, in MWp?", "lookup", [E(v, MW)],
    how="real CSV: Brazil, 2024, Historical Primary, Total, Cumulative")

v = mv(RM, "Saudi Arabia", 2024)
add(D, "market", "we got prequalified for two gulf tenders. KSA — new PV capacity added in 2024?", "lookup", [E(v, MW)], ["Saudi"],
    how="real CSV: Saudi Arabia, 2024, Historical Primary, Total, Annual")

v = mv(RM, "Italy", 2027, scen="most probable")
add(D, "market", "Our Italian JV partner keeps saying the market will keep growing. What's the most probable forecast for Italy's annual installations in 2027?", "lookup",
    [E(v, MW)], how="real CSV: Italy, 2027, Forecast - Most probable, Total, Annual")

v = mv(RM, "Poland", 2030, scen="low")
add(D, "market", "poland, low scenario, 2030 additions. just the number pls", "lookup", [E(v, MW)],
    how="real CSV: Poland, 2030, Forecast - Low, Total, Annual")

# ---- rankings
top = rank(RM, countries(RM), 2024, 5)
add(D, "market", "doing the annual strategy refresh. top 5 countries by new PV added in 2024, with MW", "rank",
    [E(x[1], MW) for x in top], [x[0] for x in top],
    how="real CSV: all countries (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

grp = ["Spain", "Italy", "Greece", "Portugal", "Romania"]
r = rank(RM, grp, 2024)
add(D, "market", "southern europe shortlist for next yr. rank spain, italy, greece, portugal and romania by what they installed in 2024",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 5 named countries, 2024, Historical Primary, Total, Annual, sorted desc")

grp = ["Brazil", "Chile", "Mexico", "Colombia", "Peru", "Argentina"]
r = rank(RM, grp, 2024)
add(D, "market", "LatAm pipeline review tomorrow. Rank Brazil, Chile, Mexico, Colombia, Peru and Argentina by MW added in 2024.",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 6 named countries, 2024, Historical Primary, Total, Annual, sorted desc")

r = rank(RM, countries(RM), 2024, 3, typ="Cumulative")
add(D, "market", "which 3 countries have the biggest installed PV base as of end 2024?", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: all countries, 2024, Historical Primary, Total, Cumulative, top 3")

# ---- shares
a, w = mv(RM, "India", 2024), mv(RM, "World", 2024)
add(D, "market", "indian EPCs keep showing up in our MENA bids. what % of global PV additions in 2024 came from india?", "share",
    [E(a / w * 100, PCT)], how="real CSV: India / World, 2024, Historical Primary, Total, Annual")

a, t = mv(RM, "Spain", 2024, conn="Centralised"), mv(RM, "Spain", 2024)
add(D, "market", "Spain 2024: how much of the market was centralised (ground-mount utility), as a %?", "share",
    [E(a / t * 100, PCT)], how="real CSV: Spain 2024 Annual Centralised / Total, Historical Primary")

a, t = mv(RM, "Brazil", 2024, conn="Distributed"), mv(RM, "Brazil", 2024)
add(D, "market", "brazil is still mostly DG right? share of distributed in brazil's 2024 additions", "share",
    [E(a / t * 100, PCT)], how="real CSV: Brazil 2024 Annual Distributed / Total, Historical Primary")

a, w = mv(RM, "Germany", 2024, typ="Cumulative"), mv(RM, "World", 2024, typ="Cumulative")
add(D, "market", "germany's share of the world's installed PV fleet at end 2024?", "share",
    [E(a / w * 100, PCT)], how="real CSV: Germany / World, 2024, Historical Primary, Total, Cumulative")

# ---- change
a, b = mv(RM, "Spain", 2019), mv(RM, "Spain", 2024)
add(D, "market", "spanish market feels saturated to me but maybe not. spain annual additions, % change 2019 to 2024?", "change", [E(pct(a, b), PCT)],
    how="real CSV: Spain Annual Total Historical Primary, (2024-2019)/2019*100")

a, b = mv(RM, "Brazil", 2019), mv(RM, "Brazil", 2024)
add(D, "market", "Trying to sanity-check a consultant's deck. What's the CAGR of Brazil's annual installs from 2019 to 2024?",
    "change", [E(cagr(a, b, 5), PCT)], how="real CSV: Brazil Annual Total, (2024/2019)^(1/5)-1")

a, b = mv(RM, "Italy", 2023), mv(RM, "Italy", 2024)
add(D, "market", "italy 2024 vs 2023 yoy — MW and %", "change", [E(b - a, MW), E(pct(a, b), PCT)],
    how="real CSV: Italy Annual Total Historical Primary 2024-2023, and in %")

a, b = mv(RM, "Spain", 2025, scen="most probable"), mv(RM, "Spain", 2030, scen="most probable")
add(D, "market", "what CAGR does the most probable scenario imply for spain's annual market 2025-2030?", "change",
    [E(cagr(a, b, 5), PCT)], how="real CSV: Spain Annual Total Forecast - Most probable, (2030/2025)^(1/5)-1")

# ---- compare
a, b = mv(RM, "Chile", 2023), mv(RM, "Colombia", 2023)
add(D, "market", "Deciding where to put our second Andean office. chile vs columbia, MW added in 2023?", "compare", [E(a, MW), E(b, MW)], ["Chile", "Colombia"],
    how="real CSV: Chile and Colombia, 2023, Historical Primary, Total, Annual")

vals = [(c, mv(RM, c, 2024, typ="Cumulative")) for c in ["Italy", "Spain", "Germany"]]
add(D, "market", "installed base end 2024: italy vs spain vs germany", "compare", [E(x[1], MW) for x in vals],
    [x[0] for x in vals], how="real CSV: 3 countries, 2024, Historical Primary, Total, Cumulative")

a, b = mv(RM, "Germany", 2030, scen="high"), mv(RM, "Germany", 2030, scen="low")
add(D, "market", "Germany 2030 annual market, high vs low scenario — how big is the gap in GW?", "compare",
    [E(a, MW), E(b, MW), E(a - b, MW)], how="real CSV: Germany 2030 Annual Total, Forecast - High minus Forecast - Low")

a, b = mv(RM, "Saudi Arabia", 2023, conn="Centralised"), mv(RM, "UAE", 2023, conn="Centralised")
add(D, "market", "gulf team is asking. centralised additions in 2023, saudi vs UAE?", "compare", [E(a, MW), E(b, MW)],
    how="real CSV: Saudi Arabia and UAE, 2023, Historical Primary, Centralised, Annual")


# ---- extremes
def peak(df, terr, years=None, typ="Annual", conn="Total", lowest=False):
    h = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Type == typ) & (df.Connection == conn)]
    if years:
        h = h[h.Year.between(*years)]
    idx = h[CAP].idxmin() if lowest else h[CAP].idxmax()
    row = h.loc[idx]
    assert (h[CAP] == row[CAP]).sum() == 1
    return int(row.Year), float(row[CAP])


y, v = peak(RM, "Spain")
add(D, "market", "spain's record year for new PV — which yr and how much?", "extreme", [E(v, MW)], [str(y)],
    how="real CSV: Spain Annual Total Historical Primary, max over all years")

y, v = peak(RM, "Italy")
add(D, "market", "Italian utility-scale is picking up again. What was Italy's biggest year ever for PV installations?", "extreme", [E(v, MW)], [str(y)],
    how="real CSV: Italy Annual Total Historical Primary, max over all years")

y, v = peak(RM, "Chile", (2015, 2024), lowest=True)
add(D, "market", "chile's weakest yr for additions between 2015 and 2024?", "extreme", [E(v, MW)], [str(y)],
    how="real CSV: Chile Annual Total Historical Primary, min over 2015-2024")

y, v = peak(RM, "UAE")
add(D, "market", "UAE: peak year of annual PV additions?", "extreme", [E(v, MW)], [str(y)],
    how="real CSV: UAE Annual Total Historical Primary, max over all years")

# ---- averages
s = series(RM, "Poland", range(2020, 2025))
add(D, "market", "polish grid queue is a mess but the volume is there. avg annual additions in poland 2020-2024?", "average", [E(sum(s) / len(s), MW)],
    how="real CSV: Poland Annual Total Historical Primary, mean 2020-2024")

s = series(RM, "Spain", range(2025, 2031), scen="most probable")
add(D, "market", "Planning crew capacity. Under the most probable case, what's the average annual market in Spain over 2025-2030?",
    "average", [E(sum(s) / len(s), MW)], how="real CSV: Spain Annual Total Forecast - Most probable, mean 2025-2030")

s = series(RM, "Saudi Arabia", range(2021, 2025))
add(D, "market", "saudi avg yearly installs 2021-2024", "average", [E(sum(s) / len(s), MW)],
    how="real CSV: Saudi Arabia Annual Total Historical Primary, mean 2021-2024 (4 years)")

# ---- sums
s = series(RM, "Chile", range(2020, 2025))
add(D, "market", "Chile's been a graveyard for some EPCs. total MW chile added 2020 through 2024?", "sum", [E(sum(s), MW)],
    how="real CSV: Chile Annual Total Historical Primary, sum 2020-2024")

s = [mv(RM, c, 2024) for c in ["Spain", "Portugal", "Italy"]]
add(D, "market", "Iberia + Italy combined: what did Spain, Portugal and Italy add in total in 2024?", "sum",
    [E(sum(s), MW)], how="real CSV: Spain+Portugal+Italy, 2024, Historical Primary, Total, Annual")

s = series(RM, "Germany", range(2025, 2031), scen="most probable")
add(D, "market", "germany most probable: sum of annual additions 2025-2030", "sum", [E(sum(s), MW)],
    how="real CSV: Germany Annual Total Forecast - Most probable, sum 2025-2030")

# ---- first / latest
h = RM[(RM.Territory == "Brazil") & (RM.Scenario == HIST) & (RM.Type == "Annual") & (RM.Connection == "Total")]
y0 = int(h.Year.min())
add(D, "market", "first year brazil shows up in your data and what it installed that yr?", "first_latest",
    [E(mv(RM, "Brazil", y0), MW)], [str(y0)],
    how="real CSV: Brazil Annual Total Historical Primary, earliest year and its value")

h = RM[(RM.Territory == "Poland") & (RM.Scenario == HIST) & (RM.Type == "Annual") & (RM.Connection == "Total")]
h = h[h[CAP] > 1000].sort_values("Year")
y1 = int(h.Year.iloc[0])
add(D, "market", "Poland looked tiny when we first screened it. when did poland first install more than 1 GW in a single yr?", "first_latest",
    [E(float(h[CAP].iloc[0]), MW)], [str(y1)],
    how="real CSV: Poland Annual Total Historical Primary, first year with value > 1000 MW")

y = last_hist_year(RM, "Egypt")
add(D, "market", "Egypt — what's the latest year you have actuals for, and what was installed?", "first_latest",
    [E(mv(RM, "Egypt", y), MW)], [str(y)],
    how="real CSV: Egypt, latest Historical Primary year, Annual Total")

# ---- real follow-ups (market)
a = mv(RM, "Portugal", 2024)
add(D, "market", ["how much did spain add in 2024?", "and portugal?"], "follow_up", [E(a, MW)],
    how="real CSV: Portugal 2024 Annual Total Historical Primary")

top23 = rank(RM, countries(RM), 2023, 5)
add(D, "market", ["top 5 countries by annual installs in 2024", "same for 2023"], "follow_up",
    [E(x[1], MW) for x in top23], [x[0] for x in top23],
    how="real CSV: all countries, 2023, Historical Primary, Total, Annual, top 5")

a = mv(RM, "Italy", 2030, scen="high")
add(D, "market", ["Italy's annual market in 2030, most probable case?", "and in the high case?"], "follow_up",
    [E(a, MW)], how="real CSV: Italy 2030 Annual Total Forecast - High")

s = series(RM, "Chile", range(2020, 2025))
add(D, "market", ["chile annual additions 2020 to 2024?", "put that in a chart"], "follow_up",
    [E(x, MW) for x in s], ["Chile"], how="real CSV: Chile Annual Total Historical Primary 2020-2024, charted")

a, w = mv(RM, "Germany", 2023), mv(RM, "World", 2023)
add(D, "market", ["germany's share of world PV additions in 2024?", "and 2023?"], "follow_up",
    [E(a / w * 100, PCT)], how="real CSV: Germany / World 2023 Annual Total Historical Primary")

# =============================================================================
# REAL instance — prices
# =============================================================================
v, d, u = p_latest(RP, "Module", "n-type TOPCon", "EU")
add(D, "price", "Need a module reference price for an EU tender. latest TOPCon module price in the EU?", "price", [E(v, u)],
    how=f"parquet: Module / n-type TOPCon / EU, newest date {d.date()}")

v, u = p_month(RP, "Copper", "Copper", "Overseas", "2024-03")
add(D, "price", "need copper for a cable BoQ escalation clause. what was the copper price in march 2024?", "price",
    [E(v, u)], how="parquet: Copper / Overseas, monthly observation dated 2024-03")

lo, dlo, u = p_extreme(RP, "Aluminium", "Aluminium", "Overseas", "min")
hi, dhi, _ = p_extreme(RP, "Aluminium", "Aluminium", "Overseas", "max")
add(D, "price", "aluminium — low and high over the whole series you have, and when?", "price",
    [E(lo, u), E(hi, u)], [str(dlo.year), str(dhi.year)],
    how="parquet: Aluminium / Overseas, min and max over whole monthly series")

a, u = p_month(RP, "EVA", "EVA", "Overseas", "2022-01")
b, _ = p_month(RP, "EVA", "EVA", "Overseas", "2025-01")
add(D, "price", "our encapsulant supplier wants a price reopener. EVA price, % change jan 2022 -> jan 2025?", "price", [E(pct(a, b), PCT)],
    how="parquet: EVA / Overseas, monthly values 2022-01 and 2025-01, (b-a)/a*100")

vals = []
for reg in ["China", "EU", "US"]:
    v, d, u = p_latest(RP, "Module", "n-type TOPCon", reg)
    vals.append((reg, v, u))
vals.sort(key=lambda x: x[1])
add(D, "price", "TOPCon modules, latest price: China vs EU vs US. which is cheapest?", "price",
    [E(x[1], x[2]) for x in vals], [vals[0][0]],
    how="parquet: Module / n-type TOPCon, latest of China, EU, US series; cheapest named")

v, d, u = p_latest(RP, "PV glass", "Glass 3,2mm", "China")
add(D, "price", "glass suppliers say prices are up again. 3.2mm solar glass — latest price?", "price", [E(v, u)],
    how=f"parquet: PV glass / Glass 3,2mm / China, newest date {d.date()} (single observation)")

v, d, u = p_latest(RP, "Cell", "n-type TOPCon M10", "Overseas")
add(D, "price", "Some of our module suppliers quote cell-linked pricing. Latest overseas TOPCon M10 cell price?", "price",
    [E(v, u)], how=f"parquet: Cell / n-type TOPCon M10 / Overseas, newest date {d.date()}")

hi, dhi, u = p_extreme(RP, "Copper", "Copper", "Overseas", "max")
add(D, "price", "copper: highest price in the series, which month was it?", "price", [E(hi, u)], [str(dhi.year)],
    how=f"parquet: Copper / Overseas, max over whole monthly series ({dhi.date()})")

a, d0, u = p_first(RP, "Module", "n-type TOPCon", "EU")
b, d1, _ = p_latest(RP, "Module", "n-type TOPCon", "EU")
add(D, "price", "how much have EU TOPCon module prices moved from the first reading you have to the latest, in %?", "price",
    [E(pct(a, b), PCT)], how=f"parquet: Module / n-type TOPCon / EU, first ({d0.date()}) vs latest ({d1.date()})")

lo, dlo, u = p_extreme(RP, "Module", "p-type mono-Si PERC M10", "EU", "min")
add(D, "price", "lowest EU module price recorded for PERC M10, and in which year?", "price", [E(lo, u)], [str(dlo.year)],
    how=f"parquet: Module / p-type mono-Si PERC M10 / EU, min over whole series (first reached {dlo.date()}; flat for several weeks, all in that year)")

m, u, n = p_mean(RP, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
assert n == 12
add(D, "price", "avg aluminum price over 2024? we index our mounting structures to it", "price", [E(m, u)],
    how="parquet: Aluminium / Overseas, mean of the 12 monthly values of 2024")

# real follow-ups (prices)
v, d, u = p_latest(RP, "Aluminium", "Aluminium", "Overseas")
add(D, "price", ["latest copper price?", "and aluminium?"], "follow_up", [E(v, u)],
    how=f"parquet: Aluminium / Overseas, newest date {d.date()}")

v, d, u = p_latest(RP, "Module", "n-type TOPCon", "US")
add(D, "price", ["TOPCon module price in the EU, latest?", "how about the US?"], "follow_up", [E(v, u)],
    how=f"parquet: Module / n-type TOPCon / US, newest date {d.date()}")

# =============================================================================
# REAL instance — financials (sample financials are loaded on both instances)
# =============================================================================
v, u, c = fv("Helios", "FY2024", "Revenue")
add(D, "manufacturer_financial", "helios modules is on our approved vendor list. their revenue for FY2024?", "financial", [E(v, u)], ["Helios"],
    how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

fy = FIN[(FIN.period == "FY2024") & (FIN.metric == "Net income")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", "checking supplier health before we lock a frame agreement. which module maker had the highest net income in FY2024?",
    "financial", [E(fy.value.iloc[0], fy.unit.iloc[0])], [fy.company.iloc[0].split()[0]],
    how="financials: FY2024 Net income across all companies, max")

v, u, c = fv("Aurora", "FY2024", "Module shipments")
add(D, "manufacturer_financial", "aurora PV module shipments FY2024 in GW", "financial", [E(v, u)],
    how="financials: Aurora PV Group (sample), FY2024, Module shipments")

v, u, c = fv("Helios", "FY2024", "Gross margin")
add(D, "manufacturer_financial", ["helios gross margin FY2023?", "and FY2024?"], "follow_up", [E(v, u)],
    how="financials: Helios Modules Ltd (sample), FY2024, Gross margin")

# =============================================================================
# REAL instance — unanswerable
# =============================================================================
U = dict(answerable=False, kind="unanswerable")
add(D, "market", "what's the LCOE for utility-scale PV in spain right now?", why="LCOE is not held; data holds installed capacity in MW only", how="n/a", **U)
add(D, "market", "a client asked if we also do wind. how much onshore wind did spain install in 2024?", why="wind is another technology; data covers PV only", how="n/a", **U)
add(D, "market", "Chile battery storage — MWh installed in 2024? lots of hybrid tenders coming", why="storage capacity / MWh not in the data", how="n/a", **U)
add(D, "market", "oman is launching new IPP rounds. oman PV additions 2024?", why="Oman is not a territory in the market data", how="n/a", **U)
add(D, "market", "for the O&M business case: what will spain's total installed PV base be in 2030 under most probable?", why="forecast cumulative values in the real CSV exclude the installed base, so forecast cumulative figures cannot be given", how="n/a", **U)
add(D, "market", "brazil forecast for 2027 annual installs, most probable case?", why="the real CSV has no forecast rows for Brazil (forecasts only for European territories/World)", how="n/a", **U)
add(D, "market", "Italy — PV generation in GWh for 2024?", why="generation (GWh) not held; only capacity", how="n/a", **U)
add(D, "market", "how much PV did germany install in 1990?", why="Germany's data start in 1992", how="n/a", **U)
add(D, "market", "what are winning PPA prices in chilean auctions these days, $/MWh?", why="PPA prices / tariffs not held", how="n/a", **U)
add(D, "market", "Size of the Polish PV market in EUR in 2024?", why="market value in currency not held; only MW", how="n/a", **U)
add(D, "market", "morocco CSP capacity installed 2023?", why="CSP / solar thermal is not in the PV data", how="n/a", **U)
add(D, "price", "we're importing for a brazilian job. module prices delivered to Brazil, latest?", why="no Brazil / Latin America price region; regions are China, EU, US, India, Australia, Overseas", how="n/a", **U)
add(D, "price", "latest string inverter price per Wac?", why="inverters are not a price item in the data", how="n/a", **U)
add(D, "price", "hot-dip galvanised steel price for tracker piles, last month?", why="steel is not a price item in the data", how="n/a", **U)
add(D, "price", "what share of a TOPCon module's price is the glass?", why="a share of a price cannot be derived; components are in different units and no cost breakdown is held", how="n/a", **U)
add(D, "manufacturer_financial", "LONGi revenue 2024? thinking about them as tier-1 supplier", why="LONGi not in the (sample) financials; only four sample companies", how="n/a", **U)

# =============================================================================
# SAMPLE instance — market
# =============================================================================
D = "sample"

v = mv(SM, "Spain", 2024)
add(D, "market", "how much PV did spain add in 2024?", "lookup", [E(v, MW)],
    how="sample market: Spain 2024 Annual Total Historical Primary")

v = mv(SM, "France", 2024, typ="Cumulative")
add(D, "market", "French C&I rooftop is on our radar. France installed base at end of 2024?", "lookup", [E(v, MW)],
    how="sample market: France 2024 Cumulative Total Historical Primary")

v = mv(SM, "Italy", 2028, scen="most probable")
add(D, "market", "italian market 2028, most probable forecast, MW?", "lookup", [E(v, MW)],
    how="sample market: Italy 2028 Annual Total Forecast - Most probable")

v = mv(SM, "Poland", 2030, typ="Cumulative", scen="high")
add(D, "market", "Thinking about a Polish O&M + repowering play later. What's Poland's cumulative fleet in 2030 in the high scenario?",
    "lookup", [E(v, MW)], how="sample market: Poland 2030 Cumulative Total Forecast - High")

six = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
r = rank(SM, six, 2024)
add(D, "market", "rank the countries you have (not world) by 2024 additions", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="sample market: 6 countries, 2024 Annual Total Historical Primary, sorted desc")

a, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(D, "market", "germany share of global additions 2024, %", "share", [E(a / w * 100, PCT)],
    how="sample market: Germany / World 2024 Annual Total Historical Primary")

a, t = mv(SM, "Netherlands", 2024, conn="Distributed"), mv(SM, "Netherlands", 2024)
add(D, "market", "NL is rooftop-heavy I think — distributed share of dutch additions in 2024?", "share",
    [E(a / t * 100, PCT)], how="sample market: Netherlands 2024 Annual Distributed / Total")

a, b = mv(SM, "Spain", 2024, typ="Cumulative"), mv(SM, "Spain", 2030, typ="Cumulative", scen="most probable")
add(D, "market", "spain's installed base CAGR from end 2024 to 2030, most probable case?", "change",
    [E(cagr(a, b, 6), PCT)], how="sample market: Spain Cumulative Total, 2024 Historical Primary -> 2030 Most probable, 6 years")

a, b = mv(SM, "France", 2020), mv(SM, "France", 2024)
add(D, "market", "france was flat for years then took off. france annual installs: % change 2020 vs 2024", "change", [E(pct(a, b), PCT)],
    how="sample market: France Annual Total Historical Primary, (2024-2020)/2020*100")

a, b = mv(SM, "France", 2030, scen="high"), mv(SM, "Italy", 2030, scen="high")
add(D, "market", "high scenario 2030 annual market: france vs italy", "compare", [E(a, MW), E(b, MW)],
    ["France", "Italy"], how="sample market: France and Italy, 2030 Annual Total Forecast - High")

a, b = mv(SM, "Germany", 2024, conn="Centralised"), mv(SM, "Spain", 2024, conn="Centralised")
add(D, "market", "Utility-scale only: Germany vs Spain centralised additions in 2024?", "compare",
    [E(a, MW), E(b, MW)], ["Germany", "Spain"], how="sample market: 2024 Annual Centralised Historical Primary")

y, v = peak(SM, "Netherlands")
add(D, "market", "netherlands: best year for installs in the historical data?", "extreme", [E(v, MW)], [str(y)],
    how="sample market: Netherlands Annual Total Historical Primary, max 2015-2024")

fc = SM[(SM.Territory == "Poland") & (SM.Scenario == SCEN["most probable"]) & (SM.Type == "Annual") & (SM.Connection == "Total")]
row = fc.loc[fc[CAP].idxmin()]
add(D, "market", "In the most probable forecast, which year 2025-2030 is the weakest for Poland's annual market?", "extreme",
    [E(row[CAP], MW)], [str(int(row.Year))], how="sample market: Poland Annual Total Forecast - Most probable, min 2025-2030")

s = series(SM, "Germany", range(2020, 2025))
add(D, "market", "German EPC margins are thin but the volume's there. avg yearly additions germnay 2020-2024", "average", [E(sum(s) / len(s), MW)],
    how="sample market: Germany Annual Total Historical Primary, mean 2020-2024")

s = series(SM, "Italy", range(2025, 2031), scen="most probable")
add(D, "market", "italy, most probable: average annual additions 2025–2030?", "average", [E(sum(s) / len(s), MW)],
    how="sample market: Italy Annual Total Forecast - Most probable, mean 2025-2030")

s = series(SM, "France", range(2021, 2025))
add(D, "market", "how many MW did france install in total over 2021-2024?", "sum", [E(sum(s), MW)],
    how="sample market: France Annual Total Historical Primary, sum 2021-2024")

s = [mv(SM, c, 2024) for c in ["Spain", "Italy", "France"]]
add(D, "market", "quick one for the board pack. combined 2024 additions spain + italy + france", "sum", [E(sum(s), MW)],
    how="sample market: Spain+Italy+France 2024 Annual Total Historical Primary")

h = SM[(SM.Territory == "Spain") & (SM.Scenario == HIST) & (SM.Type == "Annual") & (SM.Connection == "Total")]
h = h[h[CAP] > 5000].sort_values("Year")
add(D, "market", "first yr spain's annual additions went above 5 GW?", "first_latest", [E(float(h[CAP].iloc[0]), MW)],
    [str(int(h.Year.iloc[0]))], how="sample market: Spain Annual Total Historical Primary, first year > 5000 MW")

y = last_hist_year(SM, "Italy")
add(D, "market", "Italy — latest year of actual (not forecast) installs you have, and the MW?", "first_latest",
    [E(mv(SM, "Italy", y), MW)], [str(y)], how="sample market: Italy latest Historical Primary year, Annual Total")

# sample follow-ups (market)
v = mv(SM, "France", 2030, typ="Cumulative", scen="most probable")
add(D, "market", ["france cumulative capacity end 2024?", "and by 2030, most probable?"], "follow_up", [E(v, MW)],
    how="sample market: France 2030 Cumulative Total Forecast - Most probable")

v = mv(SM, "Netherlands", 2027, scen="low")
add(D, "market", ["netherlands 2024 additions?", "what does the low scenario say for 2027?"], "follow_up", [E(v, MW)],
    how="sample market: Netherlands 2027 Annual Total Forecast - Low")

a, t = mv(SM, "Spain", 2024, conn="Centralised"), mv(SM, "Spain", 2024)
add(D, "market", ["We mostly do ground-mount. What was the centralised share of Poland's 2024 additions?", "and spain?"],
    "follow_up", [E(a / t * 100, PCT)], how="sample market: Spain 2024 Annual Centralised / Total")

r = rank(SM, six, 2030, scen="high")
add(D, "market", ["rank the six countries by 2024 additions", "same for 2030, high scenario"], "follow_up",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="sample market: 6 countries, 2030 Annual Total Forecast - High, sorted desc")

# =============================================================================
# SAMPLE instance — prices
# =============================================================================
v, d, u = p_latest(SP, "Module", "n-type TOPCon", "EU")
add(D, "price", "Updating our bid cost model. latest EU price for TOPCon modules?", "price", [E(v, u)],
    how=f"sample prices: Module / n-type TOPCon / EU, newest date {d.date()}")

lo, dlo, u = p_extreme(SP, "Polysilicon", "High purity - 9N/9N+", "China", "min")
hi, dhi, _ = p_extreme(SP, "Polysilicon", "High purity - 9N/9N+", "China", "max")
add(D, "price", "poly drives everything upstream. polysilicon in china (9N), low and high over the series?", "price", [E(lo, u), E(hi, u)],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, min and max")

a, u = p_month(SP, "PV glass", "Glass 3,2mm", "China", "2024-06")
b, _ = p_month(SP, "PV glass", "Glass 3,2mm", "EU", "2024-06")
add(D, "price", "3.2mm glass, june 2024: china vs EU?", "price", [E(a, u), E(b, u)], ["China", "EU"],
    how="sample prices: PV glass / Glass 3,2mm, China and EU, 2024-06")

a, d0, u = p_first(SP, "Module", "n-type HJT", "India")
b, d1, _ = p_latest(SP, "Module", "n-type HJT", "India")
add(D, "price", "We're pricing a job with Indian-sourced modules. HJT module price in India, % change from Jan 2023 to Dec 2024?",
    "price", [E(pct(a, b), PCT)], how=f"sample prices: Module / n-type HJT / India, {d0.date()} -> {d1.date()}")

vals = []
for reg in ["China", "EU", "India", "US"]:
    v, u = p_month(SP, "Module", "p-type mono-Si PERC M10", reg, "2024-12")
    vals.append((reg, v, u))
vals.sort(key=lambda x: x[1])
add(D, "price", "sourcing PERC for a budget project. cheapest region for PERC M10 modules in dec 2024?", "price", [E(vals[0][1], vals[0][2])], [vals[0][0]],
    how="sample prices: Module / p-type mono-Si PERC M10, 2024-12, min across regions")

m, u, n = p_mean(SP, "Wafer", "n-type mono-Si M10", "China", "2024-01-01", "2024-12-31")
assert n == 12
add(D, "price", "avg n-type M10 wafer price in china during 2024", "price", [E(m, u)],
    how="sample prices: Wafer / n-type mono-Si M10 / China, mean of 2024 monthly values")

# sample follow-up (prices)
v, d, u = p_latest(SP, "Polysilicon", "High purity - 9N/9N+", "EU")
add(D, "price", ["polysilicon price china, latest?", "and in the EU?"], "follow_up", [E(v, u)],
    how=f"sample prices: Polysilicon / High purity - 9N/9N+ / EU, newest date {d.date()}")

# =============================================================================
# SAMPLE instance — financials
# =============================================================================
v, u, c = fv("SunForge", "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "sunforge is quoting very aggressive prices. what was their gross margin in Q4 2024?", "financial", [E(v, u)],
    how="financials: SunForge Energy (sample), 2024-Q4, Gross margin")

a, u, c = fv("Nordlicht", "FY2023", "Revenue")
b, _, _ = fv("Nordlicht", "FY2024", "Revenue")
add(D, "manufacturer_financial", "Nordlicht is one of our EU-content suppliers. How much did their revenue drop FY23 to FY24, in %?",
    "financial", [E(pct(a, b), PCT)], how="financials: Nordlicht Solar AG (sample) Revenue FY2023 -> FY2024, % change")

v, u, c = fv("Helios", "2024-Q4", "Production capacity")
add(D, "manufacturer_financial", "worried about oversupply. helios production capacity at Q4 2024, GW?", "financial", [E(v, u)],
    how="financials: Helios Modules Ltd (sample), 2024-Q4, Production capacity")

gm = FIN[(FIN.period == "FY2024") & (FIN.metric == "Gross margin")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", "Supplier risk review next week. rank the module makers by FY2024 gross margin", "financial",
    [E(x, PCT) for x in gm.value], [c.split()[0] for c in gm.company],
    how="financials: FY2024 Gross margin, all companies sorted desc")

q = FIN[(FIN.company.str.startswith("SunForge")) & (FIN.metric == "Net income") & (FIN.period.str.startswith("2024-Q"))]
assert len(q) == 4
add(D, "manufacturer_financial", "sunforge: add up net income across the four quarters of 2024", "financial",
    [E(q.value.sum(), q.unit.iloc[0])], how="financials: SunForge Energy (sample), Net income 2024-Q1..Q4 summed")

v, u, c = fv("Helios", "2024-Q4", "Revenue")
add(D, "manufacturer_financial", ["helios revenue in 2024-Q3?", "and Q4?"], "follow_up", [E(v, u)],
    how="financials: Helios Modules Ltd (sample), 2024-Q4, Revenue")

# =============================================================================
# SAMPLE instance — unanswerable
# =============================================================================
add(D, "price", "copper price latest? cable costs killing us", why="copper is not in the sample prices", how="n/a", **U)
add(D, "price", "mounting structure supplier wants indexation. aluminium price, march 2024?", why="aluminium is not in the sample prices", how="n/a", **U)
add(D, "price", "EVA encapsulant price trend over 2024?", why="EVA is not in the sample prices", how="n/a", **U)
add(D, "price", "Australian module prices, TOPCon, latest?", why="Australia is not a region in the sample prices (China, EU, India, US)", how="n/a", **U)
add(D, "price", "avg cell efficiency for TOPCon vs PERC?", why="efficiency not held; prices only", how="n/a", **U)
add(D, "market", "brazilian DG is booming. brazil PV additions 2024?", why="Brazil not in the sample market data", how="n/a", **U)
add(D, "market", "saudi arabia installations 2024 — giga-projects pipeline check", why="Saudi Arabia not in the sample market data", how="n/a", **U)
add(D, "market", "greek tender round coming up. how much did greece install in 2023?", why="Greece not in the sample market data", how="n/a", **U)
add(D, "market", "spain additions in 2014?", why="sample market starts in 2015", how="n/a", **U)
add(D, "market", "Italy forecast for 2032, most probable?", why="forecasts end in 2030", how="n/a", **U)
add(D, "market", "german home battery installs 2024, MWh?", why="storage not held; PV capacity only", how="n/a", **U)
add(D, "manufacturer_financial", "helios EBITDA FY2024?", why="EBITDA not a metric in the financials (revenue, gross margin, net income, shipments, capacity)", how="n/a", **U)
add(D, "manufacturer_financial", "Nordlicht's looking shaky. what's their net debt / cash position end 2024?", why="debt / cash not held in the financials", how="n/a", **U)
add(D, "manufacturer_financial", "jinko module shipments 2024?", why="JinkoSolar not in the financials (four sample companies only)", how="n/a", **U)

# =============================================================================
# write + self-check
# =============================================================================
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")

ids = [q["id"] for q in Q]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(Q) >= 110, f"only {len(Q)} items"
n_un = sum(not q["answerable"] for q in Q)
assert n_un >= 28, f"only {n_un} unanswerable"
chains = sum(1 for q in Q if len(q["turns"]) >= 2)
assert chains >= 12, f"only {chains} follow-up chains"
for q in Q:
    if q["answerable"]:
        assert q["expect"] or q["names"], q["id"]
        for e in q["expect"]:
            assert e["value"] == e["value"], ("NaN", q["id"])
    else:
        assert not q["expect"] and q.get("why"), q["id"]
    assert q["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                         "first_latest", "price", "financial", "follow_up", "unanswerable"}
    if q["kind"] == "follow_up":
        assert len(q["turns"]) >= 2

n_fin = sum(q["agent"] == "manufacturer_financial" for q in Q)
ctx = sum(1 for q in Q if any(ch in q["turns"][0][:-1] for ch in ".!") or "?" in q["turns"][0][:-1])
print(f"wrote {len(Q)} items to {out}")
print(f"unanswerable: {n_un}; follow-up chains: {chains}; financial items: {n_fin}")
print("per data:", dict(Counter(q["data"] for q in Q)))
print("per agent:", dict(Counter(q["agent"] for q in Q)))
print("per kind x data:")
kd = Counter((q["kind"], q["data"]) for q in Q)
for k in sorted({q["kind"] for q in Q}):
    print(f"  {k:13s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
print("self-check OK")
