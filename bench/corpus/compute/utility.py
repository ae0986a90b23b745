"""Held-out questions for writer `utility` (strategy analyst, European electric utility).

Every expected figure is computed from the data files below; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "utility"

# ----------------------------------------------------------------------------- data
REAL_MARKET = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_PRICES = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMPLE_MARKET = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
SAMPLE_PRICES = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MARKETS = {"real": REAL_MARKET, "sample": SAMPLE_MARKET}
PRICES = {"real": REAL_PRICES, "sample": SAMPLE_PRICES}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "mp": "Forecast - Most probable"}
HIST = "Historical Primary"


# ----------------------------------------------------------------------------- market helpers
def last_hist(data, terr):
    m = MARKETS[data]
    return int(m[(m.Territory == terr) & (m.Scenario == HIST)].Year.max())


def scenario_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return HIST if year <= last_hist(data, terr) else SCEN["mp"]


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure under the brief's conventions (exactly one row must match)."""
    m = MARKETS[data]
    s = scenario_for(data, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s)
          & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, years, typ="Annual", conn="Total", scen=None):
    return [mv(data, terr, y, typ, conn, scen) for y in years]


def hist_rows(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    m = MARKETS[data]
    r = m[(m.Territory == terr) & (m.Scenario == HIST) & (m.Connection == conn) & (m.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    assert r.Year.is_unique, (terr, typ, conn)
    return r.sort_values("Year")


def rank_countries(data, year, typ="Annual", conn="Total", scen=None, n=3, lowest=False):
    m = MARKETS[data]
    s = HIST if scen is None and year <= 2024 else SCEN[scen or "mp"]
    r = m[(m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)
          & ~m.Territory.isin(AGGREGATES)]
    assert r.Territory.is_unique
    r = r.sort_values("Capacity(MW)", ascending=lowest).head(n)
    return list(r.Territory), [float(v) for v in r["Capacity(MW)"]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def pser(data, item, desc, region, unit=None):
    p = PRICES[data]
    r = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert len(r), (item, desc, region, unit)
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    return r.sort_values("date")


def p_on(data, item, desc, region, date, unit=None):
    r = pser(data, item, desc, region, unit)
    r = r[r.date == pd.Timestamp(date)]
    assert r.base_price.nunique() == 1, (item, desc, region, date, list(r.base_price))
    return float(r.base_price.iloc[0])


def p_latest(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.max()
    return p_on(data, item, desc, region, d, unit), d


def p_first(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.min()
    return p_on(data, item, desc, region, d, unit), d


def p_month(data, item, desc, region, year, month, unit=None):
    r = pser(data, item, desc, region, unit)
    r = r[(r.date.dt.year == year) & (r.date.dt.month == month)]
    assert r.date.nunique() == 1 and r.base_price.nunique() == 1, (item, desc, region, year, month)
    return float(r.base_price.iloc[0])


def p_span(data, item, desc, region, start=None, end=None, unit=None):
    r = pser(data, item, desc, region, unit)
    if start is not None:
        r = r[r.date >= pd.Timestamp(start)]
    if end is not None:
        r = r[r.date <= pd.Timestamp(end)]
    return r


def no_conflicts(r):
    g = r.groupby("date").base_price.nunique()
    return bool((g <= 1).all())


def unit_of(data, item, desc, region, unit=None):
    return pser(data, item, desc, region, unit).unit.iloc[0]


# ----------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SUN = "SunForge Energy (sample)"
SHORT = {HEL: "Helios", AUR: "Aurora", NOR: "Nordlicht", SUN: "SunForge"}

# ----------------------------------------------------------------------------- item collection
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
        "answerable": answerable, "kind": "unanswerable" if not answerable else kind,
        "expect": expect or [], "names": names or [], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["how"] = how or "not answerable from the loaded data: " + why
    ITEMS.append(it)


MW = "MW"
PCT = "%"

# ============================================================================= REAL: market
R = "real"

v = mv(R, "Spain", 2024)
add(R, "market", "We're refreshing the Iberian baseline for this year's planning round. How many MW of PV did Spain install in 2024?",
    "lookup", [E(v, MW)], how="market CSV: Spain, 2024, Historical Primary, Total, Annual")

v = mv(R, "Portugal", 2024, "Cumulative")
add(R, "market", "Portugal is our home market, so I want the starting point right. What was Portugal's cumulative PV capacity at the end of 2024?",
    "lookup", [E(v, MW)], how="market CSV: Portugal, 2024, Historical Primary, Total, Cumulative")

v = mv(R, "Germany", 2023, conn="Distributed")
add(R, "market", "how much distributed solar did germany add in 2023",
    "lookup", [E(v, MW)], how="market CSV: Germany, 2023, Historical Primary, Distributed, Annual")

v = mv(R, "Germany", 2024)
add(R, "market", "Did German additions top 17,000 MW in 2024? What was the exact figure?",
    "lookup", [E(v, MW)], how="market CSV: Germany, 2024, Historical Primary, Total, Annual")

v = mv(R, "France", 2027)
add(R, "market", "We're stress-testing the French grid reinforcement plan. What's the most probable forecast for France's annual PV additions in 2027?",
    "lookup", [E(v, MW)], how="market CSV: France, 2027, Forecast - Most probable, Total, Annual")

v = mv(R, "Italy", 2028, conn="Centralised", scen="low")
add(R, "market", "In the low scenario, how much centralised PV is Italy expected to add in 2028?",
    "lookup", [E(v, MW)], how="market CSV: Italy, 2028, Forecast - Low, Centralised, Annual")

v = mv(R, "UK", 2024, conn="Centralised")
add(R, "market", "Grid team wants to know about ground-mounted volumes across the Channel. How much centralised PV did the UK add in 2024?",
    "lookup", [E(v, MW)], how="market CSV: UK, 2024, Historical Primary, Centralised, Annual")

names, vals = rank_countries(R, 2024, n=5)
add(R, "market", "Board wants some global context in the strategy pack. Which five countries added the most PV capacity in 2024? Countries only please, not regions.",
    "rank", [E(x, MW) for x in vals], names,
    how="market CSV: 2024, Historical Primary, Total, Annual; aggregates excluded; top 5 by MW")


names, vals = rank_countries(R, 2030, scen="mp", n=3)
add(R, "market", "under the most probable scenario which 3 countries are forecast to install the most PV in 2030?",
    "rank", [E(x, MW) for x in vals], names,
    how="market CSV: 2030, Forecast - Most probable, Total, Annual; aggregates excluded; top 3")

grp = ["Belgium", "Netherlands", "France", "Germany"]
vals = sorted(((mv(R, c, 2024), c) for c in grp), reverse=True)
add(R, "market", "For the neighbouring-markets slide: rank Belgium, the Netherlands, France and Germany by PV added in 2024, largest first.",
    "rank", [E(x, MW) for x, _ in vals], [c for _, c in vals],
    how="market CSV: each country 2024, Historical Primary, Total, Annual; sorted descending")

a, w = mv(R, "Germany", 2024), mv(R, "World", 2024)
add(R, "market", "What share of global PV additions in 2024 came from Germany's market?",
    "share", [E(a / w * 100, PCT)], how="Germany 2024 Annual Total / World 2024 Annual Total (Historical Primary) x 100")

a, t = mv(R, "Spain", 2024, conn="Centralised"), mv(R, "Spain", 2024)
add(R, "market", "Our Spanish pipeline is almost all utility-scale, so I'd like to know how typical that is: what share of Spain's 2024 installations was centralised?",
    "share", [E(a / t * 100, PCT)], how="Spain 2024 Annual Centralised / Total x 100")

a, t = mv(R, "Belgium", 2024, "Cumulative", "Distributed"), mv(R, "Belgium", 2024, "Cumulative")
add(R, "market", "Belgium is mostly rooftop, I believe. What percentage of its installed base at the end of 2024 is distributed?",
    "share", [E(a / t * 100, PCT)], how="Belgium 2024 Cumulative Distributed / Cumulative Total x 100")

a, w = mv(R, "EU", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "What percentage of the world's cumulative PV capacity at end-2024 sits in the EU?",
    "share", [E(a / w * 100, PCT)], how="EU 2024 Cumulative Total / World 2024 Cumulative Total x 100")


a, b = mv(R, "Italy", 2021), mv(R, "Italy", 2024)
add(R, "market", "Italian distribution grid capex is being reviewed. By what percentage did Italy's annual installations grow between 2021 and 2024?",
    "change", [E(pct(a, b), PCT)], how="(Italy 2024 Annual - 2021 Annual) / 2021 Annual x 100")

a, b = mv(R, "Poland", 2019, "Cumulative"), mv(R, "Poland", 2024, "Cumulative")
add(R, "market", "whats the CAGR of Poland's cumulative PV capacity 2019 to 2024",
    "change", [E(cagr(a, b, 5), PCT)], how="(Poland Cumulative 2024 / 2019)^(1/5) - 1")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", "Dutch installations seem to have dropped in 2024. By how much versus 2023, in MW and in %?",
    "change", [E(b - a, MW), E(pct(a, b), PCT)], how="Netherlands Annual Total 2024 - 2023, and % change")


a, b = mv(R, "Spain", 2025), mv(R, "Spain", 2030)
add(R, "market", "What CAGR does the most probable scenario imply for the Spanish annual market from 2025 to 2030?",
    "change", [E(cagr(a, b, 5), PCT)], how="(Spain Forecast - Most probable Annual 2030 / 2025)^(1/5) - 1")

vals = {c: mv(R, c, 2024) for c in ["Germany", "France", "Italy"]}
add(R, "market", "We're benchmarking the big three EU markets for the investment committee. Could you compare 2024 additions in Germany, France and Italy?",
    "compare", [E(x, MW) for x in vals.values()], list(vals),
    how="market CSV: each 2024, Historical Primary, Total, Annual")

a, b = mv(R, "Spain", 2023, conn="Distributed"), mv(R, "Portugal", 2023, conn="Distributed")
add(R, "market", "Did Spain or Portugal add more distributed PV in 2023, and what was the gap?",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Spain"],
    how="Spain and Portugal 2023 Annual Distributed; difference Spain - Portugal")

a, b = mv(R, "Austria", 2024, "Cumulative"), mv(R, "Switzerland", 2024, "Cumulative")
add(R, "market", "Both are interconnector neighbours of ours. Compare Austria's and Switzerland's installed base at the end of 2024.",
    "compare", [E(a, MW), E(b, MW)], ["Austria"],
    how="Austria and Switzerland 2024 Cumulative Total, Historical Primary")

r = hist_rows(R, "Netherlands")
top = r.loc[r["Capacity(MW)"].idxmax()]
add(R, "market", "Historically, which year was the Netherlands' biggest for new PV instalations?",
    "extreme", [E(top["Capacity(MW)"], MW)], [str(int(top.Year))],
    how="max of Netherlands Annual Total over all Historical Primary years")

r = hist_rows(R, "Spain", y0=2010, y1=2024)
low = r.loc[r["Capacity(MW)"].idxmin()]
add(R, "market", "Someone on the team remembers the post-moratorium slump in Spain. Between 2010 and 2024, what was Spain's weakest year for new PV additions?",
    "extreme", [E(low["Capacity(MW)"], MW)], [str(int(low.Year))],
    how="min of Spain Annual Total, Historical Primary, 2010-2024")

vals = mseries(R, "Germany", range(2020, 2025))
add(R, "market", "What was Germany's average annual PV installation over 2020-2024, in GW?",
    "average", [E(sum(vals) / len(vals), MW)], how="mean of Germany Annual Total 2020..2024")

vals = mseries(R, "Italy", range(2025, 2031), scen="high")
add(R, "market", "For the Italian business case: what are the average annual additions over 2025–2030 in the high scenario?",
    "average", [E(sum(vals) / len(vals), MW)], how="mean of Italy Forecast - High Annual Total 2025..2030")

vals = [mv(R, c, 2024) for c in ["Spain", "Portugal", "France"]]
add(R, "market", "We treat Iberia plus France as one planning region. How much PV did Spain, Portugal and France install combined in 2024?",
    "sum", [E(sum(vals), MW)], how="sum of 2024 Annual Total for Spain, Portugal, France")

vals = mseries(R, "Poland", range(2025, 2031), scen="mp")
add(R, "market", "Summing up the most probable forecast, how many MW will Poland add in total from 2025 to 2030?",
    "sum", [E(sum(vals), MW)], how="sum of Poland Forecast - Most probable Annual Total 2025..2030")

ly = last_hist(R, "Austria")
add(R, "market", "What's the latest year of historical data for Austria, and how much PV was installed that year?",
    "first_latest", [E(mv(R, "Austria", ly), MW)], [str(ly)],
    how="last Historical Primary year for Austria and its Annual Total")

r = hist_rows(R, "Portugal")
first = r.iloc[0]
add(R, "market", "For the history annex of our Portuguese strategy paper: in which year does the database first record PV additions in Portugal, and how much was it?",
    "first_latest", [E(first["Capacity(MW)"], MW)], [str(int(first.Year))],
    how="first Historical Primary year of Portugal Annual Total and its value")

hi, lo = mv(R, "Germany", 2030, scen="high"), mv(R, "Germany", 2030, scen="low")
add(R, "market", "The planning round uses scenario bands rather than point forecasts. What's the range between the high and low scenarios for German PV additions in 2030?",
    "compare", [E(hi, MW), E(lo, MW), E(hi - lo, MW)],
    how="Germany 2030 Annual Total Forecast - High and Forecast - Low, and their difference")

a, b = mv(R, "Portugal", 2024), mv(R, "Portugal", 2030)
add(R, "market", "How much higher is Portugal's most probable 2030 forecast than what it actually installed in 2024, in %?",
    "change", [E(pct(a, b), PCT)], how="(Portugal 2030 Forecast - Most probable Annual - 2024 Historical Annual) / 2024 x 100")

# ----------------------------------------------------------------------------- REAL: market follow-ups
v = mv(R, "Netherlands", 2023)
add(R, "market", ["How much PV did Belgium add in 2023?", "and the Netherlands?"],
    "follow_up", [E(v, MW)], how="Netherlands 2023 Historical Primary Annual Total")

v = mv(R, "Germany", 2026, scen="high")
add(R, "market", ["What's the most probable forecast for Germany's PV additions in 2026?", "same for the high scenario"],
    "follow_up", [E(v, MW)], how="Germany 2026 Forecast - High Annual Total")

r = hist_rows(R, "France")
top = r.loc[r["Capacity(MW)"].idxmax()]
add(R, "market", ["Looking only at historical data, which year was Italy's record for new PV installations?", "And France?"],
    "follow_up", [E(top["Capacity(MW)"], MW)], [str(int(top.Year))],
    how="max of France Historical Primary Annual Total")

a, b = mv(R, "Spain", 2019), mv(R, "Spain", 2024)
add(R, "market", ["Can you chart Spain's annual installations from 2019 to 2024?", "What's the CAGR over that period?"],
    "follow_up", [E(cagr(a, b, 5), PCT)], how="(Spain Annual 2024 / 2019)^(1/5) - 1")

a, t = mv(R, "Austria", 2021, conn="Distributed"), mv(R, "Austria", 2021)
add(R, "market", ["What share of Austria's 2024 PV additions was distributed?", "what about 2021?"],
    "follow_up", [E(a / t * 100, PCT)], how="Austria 2021 Annual Distributed / Total x 100")

names, vals = rank_countries(R, 2024, "Cumulative", n=5)
w = mv(R, "World", 2024, "Cumulative")
add(R, "market", ["Which five countries had the largest cumulative PV capacity at the end of 2024?",
                  "What share of the world total do those five hold together?"],
    "follow_up", [E(sum(vals) / w * 100, PCT)], names,
    how="sum of top-5 countries' 2024 Cumulative Total / World 2024 Cumulative Total x 100")


a, b = mv(R, "Spain", 2022, "Cumulative"), mv(R, "Spain", 2024, "Cumulative")
add(R, "market", ["We operate in Portugal and are looking across the border. What was Spain's installed base at the end of 2022?",
                  "and at end of 2024?", "so how much did it grow over those two years, in %?"],
    "follow_up", [E(pct(a, b), PCT)], how="(Spain Cumulative 2024 - 2022) / 2022 x 100")

# ----------------------------------------------------------------------------- REAL: market unanswerable
U = []
add(R, "market", "Our hybrid team is asking too: how much onshore wind did Spain add in 2024?",
    "unanswerable", answerable=False, why="wind capacity is not in the data; PV only")
add(R, "market", "We're modelling hybrid sites. How much battery storage is co-located with PV in Germany at end-2024?",
    "unanswerable", answerable=False, why="storage capacity is not held; PV installations only")
add(R, "market", "What's the LCOE of utility-scale PV in Spain at the moment?",
    "unanswerable", answerable=False, why="LCOE is not a measure in the data")
add(R, "market", "For the merchant-price model I need output, not capacity: how many GWh did Italian PV generate in 2023?",
    "unanswerable", answerable=False, why="generation (GWh) is not held; only installed capacity in MW")
add(R, "market", "What will Germany's cumulative PV capacity be at end-2030 in the most probable scenario?",
    "unanswerable", answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base; forecast cumulative figures are not usable")
add(R, "market", "Most of our Spanish grid exposure is in the south. How much PV was installed in Andalusia in 2024?",
    "unanswerable", answerable=False, why="sub-national regions are not in the data; Spain is only held as a country")
add(R, "market", "Our US affiliate asked as well — what's the most probable forecast for US PV additions in 2027?",
    "unanswerable", answerable=False, why="the real data hold forecasts only for European countries (and aggregates); no USA forecast")
add(R, "market", "what does the most probable scenario say for Spain's additions in 2035?",
    "unanswerable", answerable=False, why="forecasts end in 2030")
add(R, "market", "How much off-grid PV is Spain forecast to add in 2028 in the high scenario?",
    "unanswerable", answerable=False, why="real forecasts are split only into centralised and distributed; no off-grid forecast")
add(R, "market", "What's the average utilisation, i.e. capacity factor, of the French PV fleet?",
    "unanswerable", answerable=False, why="capacity factors / utilisation are not held")
add(R, "market", "How many rooftop systems were installed in the Netherlands in 2023, as a number of installations?",
    "unanswerable", answerable=False, why="the data hold MW, not counts of systems")
add(R, "market", "How big was the Italian PV market in EUR in 2024?",
    "unanswerable", answerable=False, why="market value in currency is not held; only MW")

# ============================================================================= REAL: prices
P = "price"
v, d = p_latest(R, "Module", "n-type TOPCon", "EU")
u = unit_of(R, "Module", "n-type TOPCon", "EU")
add(R, P, "We're preparing a module tender. What's the latest n-type TOPCon module price in the EU?",
    "price", [E(v, u)], how=f"prices: Module / n-type TOPCon / EU, latest date {d.date()}")



r = pser(R, "Module", "n-type TOPCon", "China")
assert no_conflicts(r)
add(R, P, "What's the lowest n-type TOPCon module price recorded for China in the data?",
    "price", [E(r.base_price.min(), r.unit.iloc[0])], how="min of Module / n-type TOPCon / China over the whole series")

r = pser(R, "PV glass", "Glass 3,2mm", "China")
add(R, P, "Glass was a big cost driver in our last EPC tender. What was the peak price of 3.2 mm PV glass in China?",
    "price", [E(r.base_price.max(), r.unit.iloc[0])], how="max of PV glass / Glass 3,2mm / China over the whole series")

a = p_on(R, "PV glass", "Glass 3,2mm", "China", "2024-03-06")
b, d = p_latest(R, "PV glass", "Glass 3,2mm", "China")
add(R, P, "How much has the price of 3.2mm glass in China moved between 6 March 2024 and the latest reading, in %?",
    "price", [E(pct(a, b), PCT)], how=f"PV glass / Glass 3,2mm / China: (value {d.date()} - value 2024-03-06) / value 2024-03-06 x 100")

ex = []
for reg in ["EU", "US", "China"]:
    v, d = p_latest(R, "Module", "n-type TOPCon", reg)
    ex.append(E(v, unit_of(R, "Module", "n-type TOPCon", reg)))
add(R, P, "Compare the latest n-type TOPCon module prices in the EU, the US and China.",
    "price", ex, ["EU", "US", "China"], how="latest obs of Module / n-type TOPCon for EU, US, China")

h, dh = p_latest(R, "Module", "n-type HJT", "EU")
t, dt = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, P, "In the EU, how does the latest price of HJT modules compare with TOPCon?",
    "price", [E(h, "US$/Wp"), E(t, "US$/Wp")], how=f"latest Module / n-type HJT / EU ({dh.date()}) and n-type TOPCon / EU ({dt.date()})")

r = p_span(R, "Module", "n-type TOPCon", "EU", "2024-01-01", "2024-12-31")
assert no_conflicts(r) and r.date.is_unique
add(R, P, "Our 2024 procurement came in at a fixed price and I want to check it against the market. What was the average EU price for n-type TOPCon modules across 2024?",
    "price", [E(r.base_price.mean(), r.unit.iloc[0])], how="mean of weekly Module / n-type TOPCon / EU observations dated 2024")



v = p_month(R, "Aluminium", "Aluminium", "Overseas", 2025, 1)
add(R, P, "aluminium price in January 2025? need it for the mounting structure estimate",
    "price", [E(v, "US$/t")], how="prices: Aluminium / Overseas, monthly obs dated 2025-01")

a = p_month(R, "EVA", "EVA", "Overseas", 2024, 1)
b = p_month(R, "EVA", "EVA", "Overseas", 2025, 1)
add(R, P, "How did the EVA price change between January 2024 and January 2025, in %?",
    "price", [E(pct(a, b), PCT)], how="EVA / Overseas monthly: (2025-01 - 2024-01) / 2024-01 x 100")

v = p_month(R, "Silver", "Silver", "Overseas", 2024, 6, unit="K US$/t")
add(R, P, "What was the silver price in June 2024?",
    "price", [E(v, unit_of(R, "Silver", "Silver", "Overseas", "K US$/t"))], how="Silver / Overseas monthly obs dated 2024-06 (unit K US$/t)")

# price follow-ups
v, d = p_latest(R, "PV glass", "Glass 2mm", "China")
add(R, P, ["What's the latest price of 3.2 mm PV glass in China?", "and for 2mm glass?"],
    "follow_up", [E(v, "US$/m²")], how=f"latest PV glass / Glass 2mm / China ({d.date()})")

v = p_month(R, "Copper", "Copper", "Overseas", 2025, 1)
add(R, P, ["What was the copper price in January 2024?", "and a year later?"],
    "follow_up", [E(v, "US$/t")], how="Copper / Overseas monthly obs dated 2025-01")

# price unanswerable
add(R, P, "What's the latest price of string inverters in Europe?",
    "unanswerable", answerable=False, why="inverters are not among the price items")
add(R, P, "For the tender I need PV glass prices in the EU — what's the latest 3.2mm glass price there?",
    "unanswerable", answerable=False, why="real PV glass prices are held only for China")
add(R, P, "What share of today's module price is accounted for by polysilicon?",
    "unanswerable", answerable=False, why="a cost share of a price is not held (prices per item, different units)")
add(R, P, "Our tender closes next year. What TOPCon module price should we expect in 2026?",
    "unanswerable", answerable=False, why="price data hold no forecasts")
add(R, P, "What was the multi-Si module price in mid-2018?",
    "unanswerable", answerable=False, why="price series start in January 2019")

# ============================================================================= REAL: financials (sample file)
F = "manufacturer_financial"
v, u = fv(HEL, "FY2024", "Revenue")
add(R, F, "Helios is on our shortlist of module suppliers. What revenue did Helios Modules report for FY2024?",
    "financial", [E(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

q = FIN[(FIN.period == "2024-Q4") & (FIN.metric == "Gross margin")].sort_values("value", ascending=False)
add(R, F, "Which of the module makers had the highest gross margin in 2024-Q4?",
    "financial", [E(q.value.iloc[0], "%")], [SHORT[q.company.iloc[0]]],
    how="financials: max Gross margin among companies for 2024-Q4")

a, u = fv(SUN, "FY2023", "Net income")
b, _ = fv(SUN, "FY2024", "Net income")
add(R, F, "Counterparty check on a supplier: how did SunForge Energy's net income change from FY2023 to FY2024?",
    "financial", [E(a, u), E(b, u), E(b - a, u)], how="financials: SunForge Net income FY2023, FY2024 and difference")

v, u = fv(NOR, "2024-Q4", "Gross margin")
add(R, F, ["What was Nordlicht Solar's gross margin in 2023-Q1?", "and in 2024-Q4?"],
    "follow_up", [E(v, u)], how="financials: Nordlicht Solar AG (sample), 2024-Q4, Gross margin")

v, u = fv(HEL, "2024-Q4", "Production capacity")
add(R, F, "What production capacity did Helios have at the end of 2024 (2024-Q4)?",
    "financial", [E(v, u)], how="financials: Helios, 2024-Q4, Production capacity")

add(R, F, "What was Meyer Burger's revenue in FY2024?",
    "unanswerable", answerable=False, why="Meyer Burger is not in the financials")

# ============================================================================= SAMPLE: market
S = "sample"
v = mv(S, "Italy", 2022)
add(S, "market", "How many MW did Italy install in 2022?",
    "lookup", [E(v, MW)], how="sample market: Italy, 2022, Historical Primary, Total, Annual")

v = mv(S, "Germany", 2030, "Cumulative", scen="mp")
add(S, "market", "For the German network development input: what installed base does the most probable scenario give Germany at the end of 2030?",
    "lookup", [E(v, MW)], how="sample market: Germany, 2030, Forecast - Most probable, Total, Cumulative")

v = mv(S, "France", 2028, "Cumulative", scen="high")
add(S, "market", "Planning round, upside case: what's France's cumulative PV capacity in 2028 under the high scenario?",
    "lookup", [E(v, MW)], how="sample market: France, 2028, Forecast - High, Total, Cumulative")

v = mv(S, "Spain", 2024, conn="Off-grid")
add(S, "market", "How much off-grid PV did Spain add in 2024?",
    "lookup", [E(v, MW)], how="sample market: Spain, 2024, Historical Primary, Off-grid, Annual")

names, vals = rank_countries(S, 2024, n=3)
add(S, "market", "Which three countries added the most PV in 2024?",
    "rank", [E(x, MW) for x in vals], names, how="sample market: 2024 HP Total Annual, World excluded, top 3")

names, vals = rank_countries(S, 2024, "Cumulative", n=6, lowest=True)
add(S, "market", "rank all the countries you have from smallest to largest installed base at end of 2024",
    "rank", [E(x, MW) for x in vals], names, how="sample market: 2024 HP Total Cumulative, World excluded, ascending")

a, w = mv(S, "Spain", 2024), mv(S, "World", 2024)
add(S, "market", "What share of global PV additions in 2024 did Spain account for?",
    "share", [E(a / w * 100, PCT)], how="sample: Spain 2024 Annual Total / World 2024 Annual Total x 100")

a, t = mv(S, "Italy", 2024, conn="Distributed"), mv(S, "Italy", 2024)
add(S, "market", "We're sizing a behind-the-meter offer in Italy. What percentage of Italy's 2024 additions were distributed?",
    "share", [E(a / t * 100, PCT)], how="sample: Italy 2024 Annual Distributed / Total x 100")


a, b = mv(S, "World", 2015), mv(S, "World", 2024)
add(S, "market", "What's the CAGR of global annual PV installations from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), PCT)], how="sample: (World Annual 2024 / 2015)^(1/9) - 1")

a, b = mv(S, "Germany", 2015, "Cumulative"), mv(S, "Germany", 2024, "Cumulative")
add(S, "market", "By what % did the German installed base grow between end-2015 and end-2024?",
    "change", [E(pct(a, b), PCT)], how="sample: (Germany Cumulative 2024 - 2015) / 2015 x 100")

a, b = mv(S, "Poland", 2023), mv(S, "Poland", 2024)
add(S, "market", "Poland y-o-y: how did 2024 installations compare with 2023, in MW and %?",
    "change", [E(b - a, MW), E(pct(a, b), PCT)], how="sample: Poland Annual Total 2024 - 2023 and % change")


a, b = mv(S, "Spain", 2024, conn="Centralised"), mv(S, "Spain", 2024, conn="Distributed")
add(S, "market", "Spain looks very utility-scale heavy. What's the ratio of centralised to distributed additions there in 2024?",
    "compare", [E(a / b, "x")], how="sample: Spain 2024 Annual Centralised / Distributed")

r = hist_rows(S, "Poland")
top = r.loc[r["Capacity(MW)"].idxmax()]
add(S, "market", "Historically, what was Polands peak year for installations?",
    "extreme", [E(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="sample: max of Poland HP Annual Total")

r = hist_rows(S, "Italy", y0=2015, y1=2024)
low = r.loc[r["Capacity(MW)"].idxmin()]
add(S, "market", "Which year between 2015 and 2024 had the lowest Italian installations?",
    "extreme", [E(low["Capacity(MW)"], MW)], [str(int(low.Year))], how="sample: min of Italy HP Annual Total 2015-2024")

vals = mseries(S, "Netherlands", range(2020, 2025))
add(S, "market", "Dutch grid congestion is on the agenda for the planning round. Average annual PV additions in the Netherlands over 2020-2024?",
    "average", [E(sum(vals) / len(vals), MW)], how="sample: mean of Netherlands Annual Total 2020..2024")

vals = [mv(S, c, 2030, scen="mp") for c in ["Germany", "Netherlands", "Poland"]]
add(S, "market", "In the most probable scenario, what will Germany, the Netherlands and Poland add combined in 2030?",
    "sum", [E(sum(vals), MW)], how="sample: sum of 2030 MP Annual Total for Germany, Netherlands, Poland")

vals = mseries(S, "Spain", range(2022, 2025)) + mseries(S, "Italy", range(2022, 2025))
add(S, "market", "total PV additions across Spain and Italy over 2022–2024?",
    "sum", [E(sum(vals), MW)], how="sample: sum of Annual Total 2022, 2023, 2024 for Spain and Italy")

r = hist_rows(S, "France")
first = r.iloc[0]
add(S, "market", "Whats the first year we have for France, and how much was installed that year?",
    "first_latest", [E(first["Capacity(MW)"], MW)], [str(int(first.Year))], how="sample: first HP year of France Annual Total")

hi, lo = mv(S, "World", 2030, scen="high"), mv(S, "World", 2030, scen="low")
add(S, "market", "We show global context as a band. What's the gap between the high and low scenarios for world additions in 2030?",
    "compare", [E(hi, MW), E(lo, MW), E(hi - lo, MW)], how="sample: World 2030 Annual Total High, Low and difference")

# sample follow-ups
v = mv(S, "Poland", 2023)
add(S, "market", ["What did Germany add in 2023?", "and Poland?"],
    "follow_up", [E(v, MW)], how="sample: Poland 2023 HP Annual Total")


r = hist_rows(S, "Netherlands", conn="Distributed", y0=2020, y1=2024)
top = r.loc[r["Capacity(MW)"].idxmax()]
add(S, "market", ["Show me the Netherlands' distributed additions from 2020 to 2024 as a chart.", "Which of those years was highest?"],
    "follow_up", [E(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="sample: max of Netherlands HP Annual Distributed 2020-2024")

a, w = mv(S, "Germany", 2015, "Cumulative"), mv(S, "World", 2015, "Cumulative")
add(S, "market", ["What share of world cumulative capacity did Germany have at end-2024?", "and at end-2015?"],
    "follow_up", [E(a / w * 100, PCT)], how="sample: Germany 2015 Cumulative Total / World 2015 Cumulative Total x 100")

names, vals = rank_countries(S, 2030, scen="low", n=3)
add(S, "market", ["Top 3 countries for 2030 additions in the high scenario?", "same for the low scenario"],
    "follow_up", [E(x, MW) for x in vals], names, how="sample: 2030 Forecast - Low Annual Total, World excluded, top 3")

# sample market unanswerable
add(S, "market", "Belgium borders two of our markets. How much PV did Belgium install in 2024?",
    "unanswerable", answerable=False, why="Belgium is not in the sample market data")
add(S, "market", "What did Germany install in 2012?",
    "unanswerable", answerable=False, why="sample market data start in 2015")
add(S, "market", "How much solar thermal collector capacity was added in Germany in 2023?",
    "unanswerable", answerable=False, why="solar thermal is not held; PV only")
add(S, "market", "What were the clearing prices in the latest French PV auctions?",
    "unanswerable", answerable=False, why="tariffs / auction prices are not held")
add(S, "market", "How many jobs does the Spanish PV sector support?",
    "unanswerable", answerable=False, why="employment is not held")
add(S, "market", "The TSO reports in AC. What's Italy's installed base in MWac rather than DC at end of 2024?",
    "unanswerable", answerable=False, why="all capacities are DC; AC figures are not held")

# ============================================================================= SAMPLE: prices
v, d = p_latest(S, "Module", "n-type TOPCon", "EU")
add(S, P, "For the tender benchmark: latest TOPCon module price in the EU?",
    "price", [E(v, "US$/Wp")], how=f"sample prices: Module / n-type TOPCon / EU, latest ({d.date()})")

v = p_month(S, "PV glass", "Glass 3,2mm", "China", 2023, 6)
add(S, P, "What was 3.2mm PV glass in China in June 2023?",
    "price", [E(v, "US$/m²")], how="sample prices: PV glass / Glass 3,2mm / China, 2023-06")

r = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
low = r.loc[r.base_price.idxmin()]
assert (r.base_price == low.base_price).sum() == 1
add(S, P, "What's the lowest high-purity polysilicon price in China, and in which month?",
    "price", [E(low.base_price, "US$/kg")], [low.date.strftime("%B"), str(low.date.year)],
    how="sample prices: min of Polysilicon / High purity - 9N/9N+ / China and its month")

a, _ = p_latest(S, "Module", "n-type HJT", "India")
b, _ = p_latest(S, "Module", "n-type HJT", "US")
add(S, P, "Compare the latest HJT module prices in India and the US.",
    "price", [E(a, "US$/Wp"), E(b, "US$/Wp")], how="sample prices: latest Module / n-type HJT for India and US")

a = p_month(S, "Module", "n-type TOPCon", "China", 2023, 1)
b = p_month(S, "Module", "n-type TOPCon", "China", 2024, 12)
add(S, P, "By how much did the Chinese TOPCon module price change from January 2023 to December 2024, in %?",
    "price", [E(pct(a, b), PCT)], how="sample prices: Module / n-type TOPCon / China, (2024-12 - 2023-01) / 2023-01 x 100")

r = p_span(S, "Module", "p-type mono-Si PERC M10", "EU", "2024-01-01", "2024-12-31")
add(S, P, "We still have some PERC in the legacy framework contract. Average EU price of PERC M10 modules in 2024?",
    "price", [E(r.base_price.mean(), "US$/Wp")], how="sample prices: mean of Module / p-type mono-Si PERC M10 / EU, 2024 months")

lat = []
for reg in ["China", "EU", "India", "US"]:
    v, d = p_latest(S, "Module", "n-type TOPCon", reg)
    lat.append((v, reg))
lat.sort()
add(S, P, "Which region currently has the cheapest n-type TOPCon modules?",
    "price", [E(lat[0][0], "US$/Wp")], [lat[0][1]], how="sample prices: latest Module / n-type TOPCon per region, minimum")


v = p_month(S, "PV glass", "Glass 3,2mm", "China", 2024, 3)
add(S, P, ["What was the EU price for 3.2 mm glass in March 2024?", "and in China?"],
    "follow_up", [E(v, "US$/m²")], how="sample prices: PV glass / Glass 3,2mm / China, 2024-03")

add(S, P, "Latest polysilicon price in the US?",
    "unanswerable", answerable=False, why="sample polysilicon prices only for China and EU")
add(S, P, "What was the TOPCon module price in the EU in March 2025?",
    "unanswerable", answerable=False, why="sample prices end in December 2024")
add(S, P, "latest copper price please",
    "unanswerable", answerable=False, why="raw materials are not in the sample prices")

# ============================================================================= SAMPLE: financials
tot = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")]
add(S, F, "What were the total module shipments of all four manufacturers in FY2024, in GW?",
    "financial", [E(tot.value.sum(), tot.unit.iloc[0])], how="financials: sum of Module shipments FY2024 over the four companies")

a, u = fv(AUR, "FY2023", "Module shipments")
b, _ = fv(AUR, "FY2024", "Module shipments")
add(S, F, "How much did Aurora PV Group's module shipments grow from FY2023 to FY2024, in %?",
    "financial", [E(pct(a, b), PCT)], how="financials: Aurora Module shipments (FY2024 - FY2023) / FY2023 x 100")

q = FIN[(FIN.company == SUN) & (FIN.metric == "Net income") & FIN.period.str.contains("-Q")]
low = q.loc[q.value.idxmin()]
add(S, F, "SunForge is bidding in our tender, so supplier risk matters. Which quarter was SunForge's weakest for net income?",
    "financial", [E(low.value, low.unit)], [low.period], how="financials: min quarterly Net income for SunForge")

q = FIN[(FIN.period == "FY2024") & (FIN.metric == "Revenue")].sort_values("value", ascending=False)
add(S, F, "Rank the manufacturers by FY2024 revenue.",
    "financial", [E(x, "USD million") for x in q.value], [SHORT[c] for c in q.company],
    how="financials: FY2024 Revenue, descending")

a, u = fv(HEL, "2024-Q1", "Revenue")
b, _ = fv(HEL, "2024-Q4", "Revenue")
add(S, F, ["Helios revenue in 2024-Q1?", "and 2024-Q4?", "what's the change in %?"],
    "follow_up", [E(pct(a, b), PCT)], how="financials: Helios Revenue (2024-Q4 - 2024-Q1) / 2024-Q1 x 100")

q = FIN[(FIN.company == NOR) & (FIN.metric == "Revenue") & FIN.period.str.startswith("2024-Q")]
assert len(q) == 4
add(S, F, "What was Nordlicht Solar's average quarterly revenue in 2024?",
    "financial", [E(q.value.mean(), "USD million")], how="financials: mean of Nordlicht Revenue 2024-Q1..Q4")

a, u = fv(HEL, "FY2024", "Gross margin")
b, _ = fv(SUN, "FY2024", "Gross margin")
add(S, F, "Compare the FY2024 gross margins of Helios and SunForge.",
    "financial", [E(a, u), E(b, u)], ["Helios"], how="financials: FY2024 Gross margin for Helios and SunForge")

add(S, F, "Credit team asks for leverage metrics. What EBITDA did Helios report for FY2024?",
    "unanswerable", answerable=False, why="EBITDA is not a metric in the financials")
add(S, F, "How large is SunForge's order backlog going into 2025?",
    "unanswerable", answerable=False, why="order backlog is not held in the financials")

# ============================================================================= ids + self-check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_unans = sum(not it["answerable"] for it in ITEMS)
assert n_unans >= 28, n_unans
n_chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chains >= 12, n_chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"], it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

print("items:", len(ITEMS), "| unanswerable:", n_unans, "| multi-turn chains:", n_chains)
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {n}")
