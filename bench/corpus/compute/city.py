#!/usr/bin/env python3
"""Writer "city": held-out questions for the solar-PV market-intelligence assistant.

Persona: energy officer at a large city administration (council briefings, comparisons with
other countries and neighbours, budgeting module procurement for municipal roofs).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "city"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

# Aggregates that must never be counted as countries in rankings.
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- loading
def load_market(path):
    m = pd.read_csv(path)
    m = m.drop_duplicates(KEY + [CAP])  # exact duplicates (and metadata-only twins) count once
    assert not m.duplicated(KEY).any(), "conflicting values for one key"
    return m


MK = {"real": load_market(REAL_MARKET), "sample": load_market(SAMPLE_MARKET)}

_rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
_sp = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"]).drop_duplicates()
PR = {"real": _rp, "sample": _sp}
FIN = pd.read_csv(FINANCIALS)


# ----------------------------------------------------------------------------- market helpers
def last_hist(data, terr):
    m = MK[data]
    return int(m[(m.Territory == terr) & (m.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen:
        return {"high": "Forecast - High", "low": "Forecast - Low",
                "most probable": "Forecast - Most probable"}[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    m = MK[data]
    s = scen_for(data, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s)
          & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r[CAP].iloc[0])


def series(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def countries(data, year, typ="Annual", conn="Total", scen=None):
    """All country rows (no aggregates) for a year, sorted descending."""
    m = MK[data]
    if scen is None:
        s = "Historical Primary"
    else:
        s = scen_for(data, "World", year, scen)
    r = m[(m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)
          & (~m.Territory.isin(AGGREGATES))]
    return r.sort_values(CAP, ascending=False)[["Territory", CAP]].values.tolist()


def top(data, n, year, typ="Annual", conn="Total", scen=None):
    rows = countries(data, year, typ, conn, scen)
    # make sure the cut is not a tie
    assert rows[n - 1][1] != rows[n][1]
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def hist_years(data, terr, typ="Annual", conn="Total"):
    m = MK[data]
    r = m[(m.Territory == terr) & (m.Scenario == "Historical Primary") & (m.Connection == conn)
          & (m.Type == typ)]
    return r.sort_values("Year")[["Year", CAP]].values.tolist()


# ----------------------------------------------------------------------------- price helpers
def pser(data, item, desc, region):
    p = PR[data]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)].sort_values("date")
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    return s


def unit_of(s):
    return s.unit.iloc[0]


def p_at(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert r.base_price.nunique() == 1, (date, r)
    return float(r.base_price.iloc[0])


def p_latest(s):
    d = s.date.max()
    return p_at(s, d), d


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, r)
    return float(r.base_price.iloc[0])


def p_extreme(s, which, start=None, end=None):
    r = s
    if start:
        r = r[r.date >= pd.Timestamp(start)]
    if end:
        r = r[r.date <= pd.Timestamp(end)]
    v = r.base_price.max() if which == "max" else r.base_price.min()
    dates = r[r.base_price == v].date
    return float(v), dates


# ----------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ----------------------------------------------------------------------------- items
ITEMS = []


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
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
    ITEMS.append(it)


def U(data, agent, turns, why, how="n/a - not in the data"):
    add(data, agent, turns, "unanswerable", how=how, answerable=False, why=why)


MW = "MW"
PCT = "%"

# =============================================================================
# REAL instance - market
# =============================================================================
D = "real"

# --- lookups
v = mv(D, "UK", 2024)
add(D, "market", "We're putting together a note for the Environment and Climate Committee. How much new solar PV capacity did the UK install in 2024?",
    "lookup", [(v, MW)], [], "market CSV: UK, 2024, Historical Primary, Total, Annual")

v = mv(D, "Ireland", 2024, "Cumulative")
add(D, "market", "We're benchmarking ourselves against Dublin and the Irish picture generally. What was Ireland's total installed PV base at the end of 2024, roughly?",
    "lookup", [(v, MW)], [], "market CSV: Ireland, 2024, Historical Primary, Total, Cumulative")

v = mv(D, "Netherlands", 2023, conn="Distributed")
add(D, "market", "Dutch rooftop market - how many MW of distributed PV did the Netherlands add in 2023?",
    "lookup", [(v, MW)], [], "market CSV: Netherlands, 2023, Historical Primary, Distributed, Annual")

v = mv(D, "Italy", 2026, scen="most probable")
add(D, "market", "For the medium-term outlook section of the briefing: what is the most probable forecast for new PV installations in Italy in 2026?",
    "lookup", [(v, MW)], [], "market CSV: Italy, 2026, Forecast - Most probable, Total, Annual")

v = mv(D, "Türkiye", 2023, "Cumulative")
add(D, "market", "turkish cumulative solar capacity at end of 2023 please",
    "lookup", [(v, MW)], [], "market CSV: Türkiye, 2023, Historical Primary, Total, Cumulative")

# --- rankings (countries only)
t5 = top(D, 5, 2024)
add(D, "market", "Councillors keep asking who the big players are. Which five countries installed the most PV in 2024, and how much did each add?",
    "rank", [(x[1], MW) for x in t5], [x[0] for x in t5],
    "market CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

t3 = top(D, 3, 2024, "Cumulative")
add(D, "market", "A councillor has asked where the world's solar actually sits. Which three countries had the largest installed PV fleet at the end of 2024, and how big was each?",
    "rank", [(x[1], MW) for x in t3], [x[0] for x in t3],
    "market CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

six = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
vals = sorted([(c, mv(D, c, 2024)) for c in six], key=lambda x: -x[1])
add(D, "market", "Our twin-city partners are spread across Europe, so for the international comparison annex could you rank Germany, Spain, Italy, France, Poland and the Netherlands by the amount of PV each added in 2024, largest first?",
    "rank", [(x[1], MW) for x in vals], [x[0] for x in vals],
    "market CSV: 2024 Historical Primary Total Annual for the six named countries, sorted descending")

t5f = top(D, 5, 2030, scen="most probable")
add(D, "market", "Looking ahead to 2030, which five countries are forecast to add the most PV that year under the most probable scenario?",
    "rank", [(x[1], MW) for x in t5f], [x[0] for x in t5f],
    "market CSV: 2030 Forecast - Most probable Total Annual, countries only (all forecast countries are European), top 5")

# --- shares
de, w = mv(D, "Germany", 2024), mv(D, "World", 2024)
add(D, "market", "Members tend to assume Germany still dominates. What share of global PV additions in 2024 did Germany actually account for?",
    "share", [(de / w * 100, PCT)], [], "Germany 2024 Annual Total / World 2024 Annual Total x 100 (Historical Primary)")

cn, w = mv(D, "China", 2024, "Cumulative"), mv(D, "World", 2024, "Cumulative")
add(D, "market", "For context in the briefing, what proportion of the world's cumulative installed PV at the end of 2024 sat in China?",
    "share", [(cn / w * 100, PCT)], [], "China 2024 Cumulative Total / World 2024 Cumulative Total x 100")

es_d, es_t = mv(D, "Spain", 2024, conn="Distributed"), mv(D, "Spain", 2024)
add(D, "market", "Spain is often held up as the example for rooftops. What percentage of Spain's 2024 additions was distributed PV?",
    "share", [(es_d / es_t * 100, PCT)], [], "Spain 2024 Annual Distributed / Spain 2024 Annual Total x 100")

eu, w = mv(D, "Europe", 2024), mv(D, "World", 2024)
add(D, "market", "Europe's share of worldwide PV installations in 2024 - what was it, in %?",
    "share", [(eu / w * 100, PCT)], [], "Europe 2024 Annual Total / World 2024 Annual Total x 100")

# --- change
a, b = mv(D, "Italy", 2022), mv(D, "Italy", 2024)
add(D, "market", "By how much, in percentage terms, did Italian annual PV installations grow between 2022 and 2024?",
    "change", [(pct(a, b), PCT)], [], "Italy Annual Total: (2024-2022)/2022 x 100")

a, b = mv(D, "India", 2019, "Cumulative"), mv(D, "India", 2024, "Cumulative")
add(D, "market", "what was the compound annual growth rate of India's cumulative PV capacity from 2019 to 2024",
    "change", [(cagr(a, b, 5), PCT)], [], "India Cumulative Total 2019->2024, CAGR over 5 years")

a, b = mv(D, "Germany", 2023), mv(D, "Germany", 2024)
add(D, "market", "Germany - year-on-year change in newly instaled PV, 2024 versus 2023, in %?",
    "change", [(pct(a, b), PCT)], [], "Germany Annual Total: (2024-2023)/2023 x 100")

a, b = mv(D, "Netherlands", 2023), mv(D, "Netherlands", 2024)
add(D, "market", "I gather the Dutch market slowed last year. How much did the Netherlands' annual additions change from 2023 to 2024, both in MW and in percent?",
    "change", [(b - a, MW), (pct(a, b), PCT)], [], "Netherlands Annual Total 2024-2023 (MW) and (2024-2023)/2023 x 100")

# --- comparisons
fr, de, it = mv(D, "France", 2024), mv(D, "Germany", 2024), mv(D, "Italy", 2024)
big = max([("France", fr), ("Germany", de), ("Italy", it)], key=lambda x: x[1])[0]
add(D, "market", "For a side-by-side table: how much PV did France, Germany and Italy each install in 2024, and which of the three added the most?",
    "compare", [(fr, MW), (de, MW), (it, MW)], [big], "Annual Total 2024 for France, Germany, Italy (Historical Primary)")

uk, nl = mv(D, "UK", 2024, "Cumulative"), mv(D, "Netherlands", 2024, "Cumulative")
add(D, "market", "I'm often asked why we lag the Dutch. Compare the UK's and the Netherlands' cumulative PV capacity at end-2024 - which is bigger, and by how many MW?",
    "compare", [(uk, MW), (nl, MW), (abs(uk - nl), MW)], ["UK" if uk > nl else "Netherlands"],
    "Cumulative Total 2024 UK and Netherlands, and the absolute difference")

es, pt = mv(D, "Spain", 2024, conn="Distributed"), mv(D, "Portugal", 2024, conn="Distributed")
add(D, "market", "Iberian rooftops: distributed PV added in 2024 in Spain vs Portugal?",
    "compare", [(es, MW), (pt, MW)], [], "Annual Distributed 2024 Spain and Portugal")

be, nl = mv(D, "Belgium", 2023), mv(D, "Netherlands", 2023)
add(D, "market", "Our Benelux neighbours - how did Belgium's 2023 installations compare with the Netherlands', and how many times larger was the Dutch figure?",
    "compare", [(be, MW), (nl, MW), (nl / be, "x")], [], "Annual Total 2023 Belgium and Netherlands, ratio NL/BE")

# --- extremes
def peak(data, terr, typ="Annual", conn="Total", lowest=False):
    rows = hist_years(data, terr, typ, conn)
    vals = [r[1] for r in rows]
    target = min(vals) if lowest else max(vals)
    yrs = [int(r[0]) for r in rows if r[1] == target]
    assert len(yrs) == 1, (terr, yrs)
    return yrs[0], target


y, v = peak(D, "Spain")
add(D, "market", "For the 'lessons from abroad' section I want Spain's best year. In which year did Spain install the most PV on record, and how much was it?",
    "extreme", [(v, MW)], [y], "Spain Annual Total, Historical Primary, max over all years in the data")

y, v = peak(D, "Japan")
add(D, "market", "Japan's record year for new solar - which year was it and what was added?",
    "extreme", [(v, MW)], [y], "Japan Annual Total, Historical Primary, max over all years")

y, v = peak(D, "Czech Republic", lowest=True)
add(D, "market", "Our Czech partner city mentioned a long lull after their boom. What was the weakest year ever for annual PV additions in the Czech Republic, and the figure for it?",
    "extreme", [(v, MW)], [y], "Czech Republic Annual Total, Historical Primary, min over all years in the data (a negative net figure)")

y, v = peak(D, "UK")
add(D, "market", "When did the UK see its peak year of solar installations, and what was the figure?",
    "extreme", [(v, MW)], [y], "UK Annual Total, Historical Primary, max over all years")

# --- averages
s = series(D, "Poland", range(2020, 2025))
add(D, "market", "Polish average annual PV installation over 2020-2024 inclusive, please - the latest available five years.",
    "average", [(sum(s.values()) / len(s), MW)], [], "mean of Poland Annual Total 2020..2024 (5 years)")

s = series(D, "Spain", range(2025, 2031), scen="most probable")
add(D, "market", "On the most probable outlook, how much PV is Spain expected to add per year on average between 2025 and 2030?",
    "average", [(sum(s.values()) / len(s), MW)], [], "mean of Spain Annual Total Forecast - Most probable 2025..2030 (6 years)")

s = series(D, "World", range(2020, 2025))
add(D, "market", "I need a global baseline for the committee paper. Average yearly worldwide PV additions across 2020 to 2024, please.",
    "average", [(sum(s.values()) / len(s), MW)], [], "mean of World Annual Total 2020..2024")

# --- sums
s = series(D, "Germany", range(2020, 2025))
add(D, "market", "How much PV in total did Germany install over the five years 2020 to 2024?",
    "sum", [(sum(s.values()), MW)], [], "sum of Germany Annual Total 2020..2024")

s = series(D, "Italy", range(2025, 2031), scen="high")
add(D, "market", "Under the high scenario, what would Italy add in total over 2025-2030, all six years summed?",
    "sum", [(sum(s.values()), MW)], [], "sum of Italy Annual Total Forecast - High 2025..2030")

vals = [mv(D, c, 2024) for c in ["France", "Spain", "Italy"]]
add(D, "market", "We're looking at the southern European partner cities as one bloc. Taken together, how much PV did France, Spain and Italy add in 2024?",
    "sum", [(sum(vals), MW)], [], "sum of Annual Total 2024 for France, Spain, Italy")

# --- first / latest
def first_year_over(data, terr, thr, typ="Annual"):
    for y, val in hist_years(data, terr, typ):
        if val > thr:
            return int(y), val
    raise AssertionError


y, v = first_year_over(D, "Germany", 50000, "Cumulative")
add(D, "market", "In which year did Germany's cumulative installed PV first go past 50,000 MW?",
    "first_latest", [(v, MW)], [y], "first Historical Primary year with Germany Cumulative Total > 50,000 MW")

y, v = first_year_over(D, "Poland", 1000)
add(D, "market", "first year poland installed more than 1 GW of PV in a single year?",
    "first_latest", [(v, MW)], [y], "first Historical Primary year with Poland Annual Total > 1,000 MW")

y, v = first_year_over(D, "China", 100000)
add(D, "market", "When did China first add over 100 GW of solar in one year, and how much was it that year?",
    "first_latest", [(v, MW)], [y], "first Historical Primary year with China Annual Total > 100,000 MW")

y = last_hist(D, "Albania")
v = mv(D, "Albania", y)
add(D, "market", "A delegation from Tirana is visiting next month. What is the latest year you hold for Albania, and what did it install in that year?",
    "first_latest", [(v, MW)], [y], "last Historical Primary year for Albania, Annual Total")

# =============================================================================
# REAL instance - prices
# =============================================================================
s = pser(D, "Module", "n-type TOPCon", "EU")
v, d = p_latest(s)
add(D, "price", "For the procurement budget for the municipal roofs programme: what is the latest n-type TOPCon module price in the EU?",
    "price", [(v, unit_of(s))], [], f"prices: Module / n-type TOPCon / EU, newest date {d.date()}")

sus, seu = pser(D, "Module", "n-type TOPCon", "US"), pser(D, "Module", "n-type TOPCon", "EU")
vus, dus = p_latest(sus)
veu, deu = p_latest(seu)
assert dus == deu
add(D, "price", "How does the latest TOPCon module price in the US compare with the EU one? Which is cheaper?",
    "price", [(vus, unit_of(sus)), (veu, unit_of(seu))], ["EU" if veu < vus else "US"],
    f"prices: Module / n-type TOPCon latest ({dus.date()}) US vs EU")

s = pser(D, "Aluminium", "Aluminium", "Overseas")
v = p_month(s, "2024-03")
add(D, "price", "Aluminium matters for our mounting frames tender. What was the aluminium price in March 2024?",
    "price", [(v, unit_of(s))], [], "prices: Aluminium monthly series, 2024-03 observation")

s = pser(D, "Copper", "Copper", "Overseas")
v, dates = p_extreme(s, "max")
assert len(dates) == 1
add(D, "price", "Cabling is a fair chunk of the installation cost, so copper matters to us. What's the highest copper price in your series, and in which month was it?",
    "price", [(v, unit_of(s))], [dates.iloc[0].strftime("%Y")], f"prices: Copper monthly, max over whole series ({dates.iloc[0].date()})")

s = pser(D, "Module", "n-type TOPCon", "China")
a = p_at(s, "2024-01-03")
b, d = p_latest(s)
add(D, "price", "Finance want to know whether to lock in prices now. How much has the Chinese n-type TOPCon module price moved between 3 January 2024 and the latest reading, in percent?",
    "price", [(pct(a, b), PCT)], [], f"prices: Module / n-type TOPCon / China, 2024-01-03 vs {d.date()}: (last-first)/first x 100")

s = pser(D, "PV glass", "Glass 3,2mm", "China")
v, d = p_latest(s)
add(D, "price", "latest price for 3.2mm PV glass in China?",
    "price", [(v, unit_of(s))], [], f"prices: PV glass / Glass 3,2mm / China, newest date {d.date()}")

sh, st = pser(D, "Module", "n-type HJT", "China"), pser(D, "Module", "n-type TOPCon", "China")
vh, dh = p_latest(sh)
vt, dt = p_latest(st)
assert dh == dt
add(D, "price", "We're weighing heterojunction against TOPCon for the school roofs. In China, what are the latest module prices for HJT and for TOPCon, and what's the premium for HJT?",
    "price", [(vh, unit_of(sh)), (vt, unit_of(st)), (vh - vt, unit_of(sh))], [],
    f"prices: Module n-type HJT vs n-type TOPCon, China, latest ({dh.date()}), difference HJT-TOPCon")

s = pser(D, "Module", "CdTe", "Overseas")
vmin, dmin = p_extreme(s, "min")
vmax, dmax = p_extreme(s, "max")
add(D, "price", "A supplier has pitched thin-film for the depot roofs. Over the whole period you have, what were the lowest and highest prices for CdTe modules?",
    "price", [(vmin, unit_of(s)), (vmax, unit_of(s))], [], "prices: Module / CdTe / Overseas, min and max over the whole series")

s = pser(D, "Module", "p-type mono-Si PERC M10", "US")
v, dates = p_extreme(s, "min", "2024-01-01", "2024-12-31")
add(D, "price", "What was the lowest p-type PERC M10 module price in the US during calendar year 2024?",
    "price", [(v, unit_of(s))], [], "prices: Module / p-type mono-Si PERC M10 / US, min over 2024 dates")

# =============================================================================
# REAL instance - financials (sample financials are loaded on both instances)
# =============================================================================
v, u = fv(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "One of our framework suppliers sources from Helios Modules. What was Helios's revenue for full-year 2024?",
    "financial", [(v, u)], [], "financials: Helios Modules Ltd (sample), FY2024, Revenue")

sub = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [(sub.value.iloc[0], sub.unit.iloc[0])], [sub.company.iloc[0].split(" ")[0]],
    "financials: FY2024 Module shipments, max over companies")

q = [fv(HEL, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", "Average of Helios's four quarterly gross margins in 2024?",
    "financial", [(sum(q) / 4, PCT)], [], "financials: mean of Helios Gross margin 2024-Q1..Q4")

# =============================================================================
# REAL instance - follow-up chains
# =============================================================================
add(D, "market", ["How much PV did Spain install in 2024?", "and Portugal?"],
    "follow_up", [(mv(D, "Portugal", 2024), MW)], [], "Portugal 2024 Annual Total, Historical Primary")

add(D, "market", ["For the five-year horizon in the paper: what's the most probable forecast for German PV additions in 2027?",
                  "Same for the high scenario please."],
    "follow_up", [(mv(D, "Germany", 2027, scen="high"), MW)], [], "Germany 2027 Annual Total, Forecast - High")

t5b = top(D, 5, 2021)
add(D, "market", ["Which five countries added the most solar capacity in 2024?", "What about 2021?"],
    "follow_up", [(x[1], MW) for x in t5b], [x[0] for x in t5b],
    "2021 Historical Primary Total Annual, countries only, top 5")

fr_d, fr_t = mv(D, "France", 2024, conn="Distributed"), mv(D, "France", 2024)
add(D, "market", ["Distributed is the segment closest to what we do on council buildings. What share of Italy's 2024 PV additions was distributed?", "And for France?"],
    "follow_up", [(fr_d / fr_t * 100, PCT)], [], "France 2024 Annual Distributed / Total x 100")

add(D, "price", ["Latest TOPCon module price in the US?", "and in the EU?",
                 "So how much dearer per watt is the US than the EU?"],
    "follow_up", [(vus - veu, unit_of(sus))], [], f"prices: Module n-type TOPCon latest ({dus.date()}) US minus EU")

add(D, "market", ["What was the Netherlands' cumulative PV capacity at the end of 2024?", "and Belgium?"],
    "follow_up", [(mv(D, "Belgium", 2024, "Cumulative"), MW)], [], "Belgium 2024 Cumulative Total")

a, b = mv(D, "Hungary", 2019, "Cumulative"), mv(D, "Hungary", 2024, "Cumulative")
add(D, "market", ["CAGR of Poland's installed base between 2019 and 2024?", "Same for Hungary."],
    "follow_up", [(cagr(a, b, 5), PCT)], [], "Hungary Cumulative Total 2019->2024, CAGR over 5 years")

s = pser(D, "Copper", "Copper", "Overseas")
vmin, dmin = p_extreme(s, "min")
assert len(dmin) == 1
add(D, "price", ["What's the latest copper price you have?", "And the lowest in the whole series - when was that?"],
    "follow_up", [(vmin, unit_of(s))], [dmin.iloc[0].strftime("%Y")], f"prices: Copper monthly, min over whole series ({dmin.iloc[0].date()})")

v, u = fv(HEL, "FY2024", "Net income")
add(D, "manufacturer_financial", ["Helios Modules revenue for FY2024?", "and its net income for the same year?"],
    "follow_up", [(v, u)], [], "financials: Helios Modules Ltd (sample), FY2024, Net income")

# =============================================================================
# REAL instance - unanswerable
# =============================================================================
U(D, "market", "For the council's renewables strategy I also need wind: how much onshore wind capacity did Germany add in 2023?",
  "wind capacity is not in the data; the market data covers solar PV only")
U(D, "market", "Several of our depots would need batteries to make rooftop solar worthwhile. How much battery storage was installed alongside PV in Italy in 2024, in MWh?",
  "battery/energy storage is not held")
U(D, "market", "What is the levelised cost of electricity (LCOE) for a commercial rooftop system in the UK these days?",
  "LCOE is not a measure in the data")
U(D, "market", "Members understand energy better than capacity. How many GWh did Spanish solar PV generate in 2023?",
  "electricity generation (GWh) is not held; only installed capacity in MW")
U(D, "market", "How many people are employed in the Polish solar sector, circa?",
  "employment/jobs are not held")
U(D, "market", "What is the current feed-in tariff in France for rooftop systems below 100 kW?",
  "tariffs and support schemes are not held")
U(D, "price", "Which is more efficient, a TOPCon or a PERC module - what are the typical conversion efficiencies?",
  "module efficiency is not held; the price data has prices only")
U(D, "market", "The finance committee think in money rather than megawatts. What was the Dutch PV market worth in euros in 2024?",
  "market value in EUR is not held; only capacity in MW")
U(D, "market", "How much solar capacity was installed in Bavaria in 2024? We twin with a Bavarian city and want to compare.",
  "sub-national regions such as Bavaria are not in the data")
U(D, "market", "We have a sister city in Christchurch. What did New Zealand install in 2024?",
  "New Zealand is not among the territories in the market data")
U(D, "market", "The council's net-zero target year is 2035, so: what's the forecast for global PV additions in 2035?",
  "forecasts run to 2030 only")
U(D, "market", "What total installed base is Germany projected to reach by the end of 2030 on the most probable scenario?",
  "forecast cumulative figures in the real market CSV exclude the installed base and cannot be used")
U(D, "price", "What's the latest price of string inverters per watt? We need it for the tender estimate.",
  "inverter prices are not in the price data")
U(D, "market", "What is India's most probable forecast for PV additions in 2027?",
  "the real data holds forecasts only for European countries (and aggregates); none for India")
U(D, "price", "To explain the cost build-up to members: what proportion of a TOPCon module's price is accounted for by the cell?",
  "a share of a price (cost breakdown) cannot be derived from the price series")
U(D, "manufacturer_financial", "Most of the panels on our leisure centres are LONGi. What was LONGi's revenue in 2024?",
  "LONGi is not among the companies in the financials")
U(D, "manufacturer_financial", "Our treasury colleagues use EBITDA for supplier credit checks. What was Helios Modules' EBITDA in FY2024?",
  "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity only)")
U(D, "price", "What was the price of high-purity polysilicon back in 2017?",
  "the polysilicon price series start in 2019")
U(D, "market", ["How much PV did Germany add in 2023?", "and how much of that went onto public buildings such as schools and town halls?"],
  "no public-building segment; connection is only centralised / distributed / off-grid")

# =============================================================================
# SAMPLE instance - market
# =============================================================================
D = "sample"

add(D, "market", "Quick one for the briefing note: how much PV did France install in 2024?",
    "lookup", [(mv(D, "France", 2024), MW)], [], "sample market: France, 2024, Historical Primary, Total, Annual")

add(D, "market", "German distributed PV additions in 2023 - what's the figure?",
    "lookup", [(mv(D, "Germany", 2023, conn="Distributed"), MW)], [], "sample market: Germany, 2023, Distributed, Annual")

add(D, "market", "We like to show members the cautious case as well. Under the low scenario, how much is Spain forecast to install in 2028?",
    "lookup", [(mv(D, "Spain", 2028, scen="low"), MW)], [], "sample market: Spain, 2028, Forecast - Low, Total, Annual")

sc = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
vals = sorted([(c, mv(D, c, 2024)) for c in sc], key=lambda x: -x[1])
add(D, "market", "Please rank the countries you hold by capacity installed in 2024, largest to smallest.",
    "rank", [(x[1], MW) for x in vals], [x[0] for x in vals], "sample market: 2024 Annual Total for all six countries (World excluded), sorted")

t3 = top(D, 3, 2030, "Cumulative", scen="most probable")
add(D, "market", "Which three countries are expected to have the largest cumulative PV capacity by end-2030 on the most probable scenario?",
    "rank", [(x[1], MW) for x in t3], [x[0] for x in t3], "sample market: 2030 Forecast - Most probable Cumulative Total, countries only, top 3")

de, w = mv(D, "Germany", 2023), mv(D, "World", 2023)
add(D, "market", "Germany's share of worldwide PV installations in 2023?",
    "share", [(de / w * 100, PCT)], [], "sample: Germany 2023 Annual Total / World 2023 Annual Total x 100")

nd, nt = mv(D, "Netherlands", 2024, conn="Distributed"), mv(D, "Netherlands", 2024)
add(D, "market", "The Dutch are the rooftop champions, or so I'm told. What fraction of the Netherlands' 2024 additions was distributed?",
    "share", [(nd / nt * 100, PCT)], [], "sample: Netherlands 2024 Annual Distributed / Total x 100")

tot = sum(mv(D, c, 2024) for c in sc)
w = mv(D, "World", 2024)
add(D, "market", "Taken together, what share of the world's 2024 PV additions did Italy, Germany, Spain, France, the Netherlands and Poland represent?",
    "share", [(tot / w * 100, PCT)], [], "sample: sum of the six countries' 2024 Annual Total / World 2024 Annual Total x 100")

a, b = mv(D, "Italy", 2015, "Cumulative"), mv(D, "Italy", 2024, "Cumulative")
add(D, "market", "Percentage growth in Italy's cumulative PV capacity from 2015 to 2024?",
    "change", [(pct(a, b), PCT)], [], "sample: Italy Cumulative Total (2024-2015)/2015 x 100")

a, b = mv(D, "World", 2024), mv(D, "World", 2030, scen="most probable")
add(D, "market", "The cabinet member wants a single growth figure. What CAGR does the most probable scenario imply for global annual PV additions from 2024 (actual) to 2030?",
    "change", [(cagr(a, b, 6), PCT)], [], "sample: World Annual Total 2024 Historical -> 2030 Most probable, CAGR over 6 years")

a, b = mv(D, "Spain", 2023), mv(D, "Spain", 2024)
add(D, "market", "Spain's annual installations: year-on-year change 2023 to 2024, in MW and %?",
    "change", [(b - a, MW), (pct(a, b), PCT)], [], "sample: Spain Annual Total 2024-2023 and % change")

de, fr = mv(D, "Germany", 2024, "Cumulative"), mv(D, "France", 2024, "Cumulative")
add(D, "market", "How does Germany's installed PV base at end of 2024 compare with France's? How many times bigger is it?",
    "compare", [(de, MW), (fr, MW), (de / fr, "x")], [], "sample: Cumulative Total 2024 Germany and France, ratio DE/FR")

it, es = mv(D, "Italy", 2030, scen="high"), mv(D, "Spain", 2030, scen="high")
add(D, "market", "In the high case, who adds more in 2030 - Italy or Spain - and what are the two figures?",
    "compare", [(it, MW), (es, MW)], ["Italy" if it > es else "Spain"], "sample: Annual Total 2030 Forecast - High, Italy vs Spain")

y, v = peak(D, "Spain")
add(D, "market", "Which was Spain's best year for new PV installations, and how much went in?",
    "extreme", [(v, MW)], [y], "sample: Spain Annual Total Historical Primary, max over 2015..2024")

y, v = peak(D, "Netherlands", lowest=True)
add(D, "market", "lowest year for dutch PV additions in your data, and the MW?",
    "extreme", [(v, MW)], [y], "sample: Netherlands Annual Total Historical Primary, min over 2015..2024")

s = series(D, "Germany", range(2015, 2025))
add(D, "market", "To put our own programme in perspective, what has Germany installed on average per year over 2015-2024?",
    "average", [(sum(s.values()) / len(s), MW)], [], "sample: mean of Germany Annual Total 2015..2024 (10 years)")

s = series(D, "France", range(2025, 2031), scen="most probable")
add(D, "market", "Average annual PV additions expected in France over 2025-2030, most probable case?",
    "average", [(sum(s.values()) / len(s), MW)], [], "sample: mean of France Annual Total Forecast - Most probable 2025..2030")

s = series(D, "Poland", range(2019, 2025))
add(D, "market", "I'm drafting a paragraph on how quickly Poland scaled up. Total PV added in Poland from 2019 to 2024 inclusive?",
    "sum", [(sum(s.values()), MW)], [], "sample: sum of Poland Annual Total 2019..2024")

s = series(D, "World", range(2025, 2031), scen="most probable")
add(D, "market", "If the most probable forecast holds, how much PV will the world add in total across 2025-2030, thereabouts?",
    "sum", [(sum(s.values()), MW)], [], "sample: sum of World Annual Total Forecast - Most probable 2025..2030")

y, v = first_year_over(D, "Netherlands", 2000)
add(D, "market", "When did annual installations in the Netherlands first exceed 2 GW?",
    "first_latest", [(v, MW)], [y], "sample: first year with Netherlands Annual Total > 2,000 MW")

y, v = first_year_over(D, "Spain", 20000, "Cumulative")
add(D, "market", "First year Spain's PV fleet topped 20 GW?",
    "first_latest", [(v, MW)], [y], "sample: first year with Spain Cumulative Total > 20,000 MW")

# =============================================================================
# SAMPLE instance - prices
# =============================================================================
s = pser(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "Our last module order was placed in June 2024 and audit want to check we paid a fair rate. What was the n-type TOPCon module price in the EU that month?",
    "price", [(p_month(s, "2024-06"), unit_of(s))], [], "sample prices: Module / n-type TOPCon / EU, 2024-06")

s = pser(D, "Polysilicon", "High purity - 9N/9N+", "China")
vmin, _ = p_extreme(s, "min")
vmax, _ = p_extreme(s, "max")
add(D, "price", "Give me the minimum and maximum high-purity polysilicon price in China across the whole series.",
    "price", [(vmin, unit_of(s)), (vmax, unit_of(s))], [], "sample prices: Polysilicon / High purity - 9N/9N+ / China, min and max")

sh, st = pser(D, "Module", "n-type HJT", "EU"), pser(D, "Module", "n-type TOPCon", "EU")
vh, vt = p_month(sh, "2024-12"), p_month(st, "2024-12")
add(D, "price", "December 2024, EU: HJT module price versus TOPCon module price?",
    "price", [(vh, unit_of(sh)), (vt, unit_of(st))], [], "sample prices: Module n-type HJT and n-type TOPCon, EU, 2024-12")

regs = []
for r in ["China", "EU", "India", "US"]:
    s = pser(D, "Module", "n-type TOPCon", r)
    regs.append((r, p_month(s, "2024-12")))
regs.sort(key=lambda x: x[1])
assert regs[0][1] != regs[1][1]
add(D, "price", "If we were buying TOPCon panels on the open market, where would they have been cheapest? Which region had the lowest TOPCon module price in December 2024, and at what price?",
    "price", [(regs[0][1], unit_of(pser(D, "Module", "n-type TOPCon", regs[0][0])))], [regs[0][0]], "sample prices: Module n-type TOPCon, 2024-12, min across regions")

s = pser(D, "PV glass", "Glass 3,2mm", "EU")
r = s[s.date.dt.year == 2024]
assert len(r) == 12
add(D, "price", "Average price of 3.2 mm solar glass in the EU over 2024?",
    "price", [(r.base_price.mean(), unit_of(s))], [], "sample prices: PV glass / Glass 3,2mm / EU, mean of the 12 monthly 2024 values")

s = pser(D, "Module", "p-type mono-Si PERC M10", "India")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(D, "price", "We're comparing notes with a partner municipality in Pune. By what percentage did PERC M10 module prices in India change between January 2023 and December 2024?",
    "price", [(pct(a, b), PCT)], [], "sample prices: Module / p-type mono-Si PERC M10 / India, (2024-12 - 2023-01)/2023-01 x 100")

# =============================================================================
# SAMPLE instance - financials
# =============================================================================
v, u = fv(AUR, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "Aurora PV Group's gross margin in Q4 2024?",
    "financial", [(v, u)], [], "financials: Aurora PV Group (sample), 2024-Q4, Gross margin")

v, u = fv(NOR, "FY2024", "Net income")
add(D, "manufacturer_financial", "We've had a bid in from a Nordlicht Solar distributor and want to check the maker's health. What was Nordlicht's net income for FY2024?",
    "financial", [(v, u)], [], "financials: Nordlicht Solar AG (sample), FY2024, Net income")

v, u = fv(HEL, "2024-Q4", "Production capacity")
add(D, "manufacturer_financial", "Helios production capacity as of 2024-Q4?",
    "financial", [(v, u)], [], "financials: Helios Modules Ltd (sample), 2024-Q4, Production capacity")

vh, u = fv(HEL, "FY2023", "Net income")
vs, _ = fv(SUN, "FY2023", "Net income")
add(D, "manufacturer_financial", "Both Helios Modules and SunForge Energy are on our approved suppliers list. Compare their net income in FY2023, please.",
    "financial", [(vh, u), (vs, u)], [], "financials: FY2023 Net income, Helios and SunForge")

q = [fv(SUN, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", "Add up SunForge's quarterly module shipments for 2024 - what's the total?",
    "financial", [(sum(q), "GW")], [], "financials: sum of SunForge Module shipments 2024-Q1..Q4")

sub = FIN[(FIN.company == SUN) & (FIN.metric == "Net income") & (FIN.period.str.contains("-Q"))]
worst = sub.sort_values("value").iloc[0]
assert (sub.value == worst.value).sum() == 1
add(D, "manufacturer_financial", "Which quarter was SunForge's worst for net income, and what was the loss?",
    "financial", [(worst.value, worst.unit)], [worst.period], "financials: SunForge quarterly Net income, min")

a, _ = fv(NOR, "2023-Q1", "Revenue")
b, _ = fv(NOR, "2024-Q4", "Revenue")
add(D, "manufacturer_financial", "Procurement flagged Nordlicht as a supplier risk. How far has Nordlicht Solar's quarterly revenue fallen from 2023-Q1 to 2024-Q4, in %?",
    "financial", [(pct(a, b), PCT)], [], "financials: Nordlicht Revenue (2024-Q4 - 2023-Q1)/2023-Q1 x 100")

# =============================================================================
# SAMPLE instance - follow-up chains
# =============================================================================
y, v = peak(D, "Poland")
add(D, "market", ["Could you chart Poland's annual PV additions from 2015 to 2024?",
                  "Which year on that chart was the highest, and by how much?"],
    "follow_up", [(v, MW)], [y], "sample: Poland Annual Total 2015..2024, max")

s = pser(D, "Module", "p-type mono-Si PERC M10", "China")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(D, "price", ["What was the PERC M10 module price in China in January 2023?", "and in December 2024?",
                 "so what percentage drop is that?"],
    "follow_up", [(pct(a, b), PCT)], [], "sample prices: Module p-type mono-Si PERC M10 China, (2024-12 - 2023-01)/2023-01 x 100")

add(D, "market", ["What are global PV additions forecast to be in 2030, most probable scenario?", "And under the low scenario?"],
    "follow_up", [(mv(D, "World", 2030, scen="low"), MW)], [], "sample: World 2030 Annual Total, Forecast - Low")

v, u = fv(SUN, "2023-Q4", "Gross margin")
add(D, "manufacturer_financial", ["SunForge gross margin in 2024-Q4?", "and a year earlier?"],
    "follow_up", [(v, u)], [], "financials: SunForge Energy (sample), 2023-Q4, Gross margin")

add(D, "market", ["Spain's cumulative PV at the end of 2024?",
                  "And what is it forecast to reach by the end of 2030 in the high case?"],
    "follow_up", [(mv(D, "Spain", 2030, "Cumulative", scen="high"), MW)], [], "sample: Spain 2030 Cumulative Total, Forecast - High")

# =============================================================================
# SAMPLE instance - unanswerable
# =============================================================================
U(D, "market", "For the Benelux comparison I'd also like Belgium. How much PV did Belgium install in 2023?",
  "Belgium is not among the sample territories")
U(D, "market", "What did Germany install in 2012? I'd like the longer history for the committee.",
  "the sample market data starts in 2015")
U(D, "price", "What's the TOPCon module price in Australia at the moment?",
  "Australia is not a price region in the sample prices")
U(D, "price", "Silver prices matter for cell costs - what's the latest silver price?",
  "silver is not an item in the sample prices")
U(D, "price", "What was the EU TOPCon module price in June 2025?",
  "the sample prices end in December 2024")
U(D, "manufacturer_financial", "How much did Aurora PV Group spend on R&D in 2024?",
  "R&D spend is not a metric in the financials")
U(D, "manufacturer_financial", "What revenue is Helios Modules guiding for FY2025?",
  "no FY2025 periods or guidance in the financials")
U(D, "market", "UK annual PV installations in 2024, please.",
  "the UK is not among the sample territories")
U(D, "market", "How many individual rooftop systems were installed in Germany in 2024 - the number of installations, not the MW?",
  "counts of systems are not held, only capacity in MW")
U(D, "market", "The carbon team want a headline number. How many tonnes of CO2 did Italy's solar fleet avoid in 2024?",
  "emissions avoided are not held")
U(D, "market", "How much solar thermal (hot water) collector capacity did Spain add in 2024?",
  "solar thermal is a different technology; only PV is held")
U(D, "market", ["How much PV did France add in 2024?", "How many households' electricity does that cover, thereabouts?"],
  "households supplied / generation is not held; only capacity in MW")

# ============================================================================= write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_unans = sum(not it["answerable"] for it in ITEMS)
assert n_unans >= 28, n_unans
chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")

print(f"wrote {len(ITEMS)} items to {out}")
print("unanswerable:", n_unans, " multi-turn chains:", chains)
print("by kind:", dict(sorted(Counter(it['kind'] for it in ITEMS).items())))
print("by data:", dict(Counter(it['data'] for it in ITEMS)))
print("by agent:", dict(Counter(it['agent'] for it in ITEMS)))
print("by kind x data:")
for (k, d), n in sorted(Counter((it['kind'], it['data']) for it in ITEMS).items()):
    print(f"  {k:13s} {d:7s} {n}")
