#!/usr/bin/env python3
"""Writer `ngo` -- held-out questions for the solar-PV assistant.

Every expected figure below is computed from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and self-checks.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

WRITER = "ngo"
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- loading
def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # the real CSV repeats some RoW rows with empty AC/DC columns; same capacity -> keep one
    g = df.groupby(KEY)["Capacity(MW)"].nunique()
    assert (g <= 1).all(), "conflicting capacities for one key"
    df = df.drop_duplicates(KEY)
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES).drop_duplicates()
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"]).drop_duplicates()
FN = pd.read_csv(FIN)


class Mk:
    """Market helper bound to one market dataframe."""

    def __init__(self, df):
        self.df = df
        h = df[df.Scenario == HIST]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scen=None):
        if scen:
            return scen
        return HIST if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen(terr, year, scen)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r["Capacity(MW)"].iloc[0])

    def series(self, terr, y0, y1, typ="Annual", conn="Total", scen=None):
        return {y: self.v(terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}

    def hist_series(self, terr, typ="Annual", conn="Total"):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == HIST) & (d.Connection == conn) & (d.Type == typ)]
        return r.set_index("Year")["Capacity(MW)"].sort_index()

    def rank(self, year, typ="Annual", conn="Total", scen=None, n=5, among=None):
        d = self.df
        terrs = among or sorted(t for t in d.Territory.unique() if t not in AGGREGATES)
        rows = []
        for t in terrs:
            s = scen or (HIST if year <= self.last_hist.get(t, -1) else MP)
            r = d[(d.Territory == t) & (d.Year == year) & (d.Scenario == s)
                  & (d.Connection == conn) & (d.Type == typ)]
            if len(r) == 1:
                rows.append((t, float(r["Capacity(MW)"].iloc[0])))
        rows.sort(key=lambda x: -x[1])
        top = rows[:n]
        # make sure the cut is not a tie
        if len(rows) > n:
            assert rows[n - 1][1] != rows[n][1], "tie at the cut"
        return top


R = Mk(RM)
S = Mk(SM)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def unique_argmax(series):
    m = series.max()
    idx = series[series == m].index
    assert len(idx) == 1, ("tie at max", list(idx))
    return idx[0], float(m)


def unique_argmin(series):
    m = series.min()
    idx = series[series == m].index
    assert len(idx) == 1, ("tie at min", list(idx))
    return idx[0], float(m)


# ----------------------------------------------------------------------------- prices
def pser(p, item, desc, region, unit):
    r = p[(p.item == item) & (p.description == desc) & (p.region == region) & (p.unit == unit)]
    assert len(r) > 0, (item, desc, region, unit)
    return r.sort_values("date")


def p_latest(p, item, desc, region, unit):
    r = pser(p, item, desc, region, unit)
    last = r.date.max()
    rr = r[r.date == last]
    assert len(rr) == 1, ("several observations on latest date", item, desc, region)
    return float(rr.base_price.iloc[0]), last


def p_first(p, item, desc, region, unit):
    r = pser(p, item, desc, region, unit)
    first = r.date.min()
    rr = r[r.date == first]
    assert len(rr) == 1
    return float(rr.base_price.iloc[0]), first


def p_month(p, item, desc, region, unit, ym):
    r = pser(p, item, desc, region, unit)
    rr = r[r.date.dt.strftime("%Y-%m") == ym]
    assert len(rr) == 1, ("need exactly one observation in month", item, desc, region, ym, len(rr))
    return float(rr.base_price.iloc[0])


def p_minmax(p, item, desc, region, unit, fn, start=None, end=None):
    r = pser(p, item, desc, region, unit)
    if start:
        r = r[r.date >= pd.Timestamp(start)]
    if end:
        r = r[r.date <= pd.Timestamp(end)]
    val = float(r.base_price.min() if fn == "min" else r.base_price.max())
    dates = r[r.base_price == val].date
    return val, dates


def p_mean(p, item, desc, region, unit, start, end):
    r = pser(p, item, desc, region, unit)
    r = r[(r.date >= pd.Timestamp(start)) & (r.date <= pd.Timestamp(end))]
    assert r.date.is_unique
    return float(r.base_price.mean()), len(r)


# ----------------------------------------------------------------------------- financials
def fin(company, period, metric):
    r = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
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
        item["kind"] = "unanswerable"
        assert not item["expect"]
    ITEMS.append(item)


def MW(x):
    return {"value": x, "unit": "MW"}


def P(x):
    return {"value": x, "unit": "%"}


def X(x):
    return {"value": x, "unit": "x"}


def U(x, unit):
    return {"value": x, "unit": unit}


def unans(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why,
        how="not in the loaded data")


# ============================================================================ REAL market
# --- lookups
add("real", "market",
    "Doing a thread on the Pakistan solar boom 🇵🇰 — how much PV did Pakistan add in 2024?",
    "lookup", [MW(R.v("Pakistan", 2024))],
    how="real CSV: Pakistan, 2024, Historical Primary, Total, Annual")

add("real", "market",
    "Putting together a LatAm slide deck. whats Brazil's total installed PV base at the end of 2024?",
    "lookup", [MW(R.v("Brazil", 2024, "Cumulative"))],
    how="real CSV: Brazil, 2024, Historical Primary, Total, Cumulative")

add("real", "market",
    "For a briefing on big solar in Spain: how many MW of centralised PV did Spain add in 2023?",
    "lookup", [MW(R.v("Spain", 2023, "Annual", "Centralised"))],
    how="real CSV: Spain, 2023, Historical Primary, Centralised, Annual")

add("real", "market",
    "off-grid solar is so underrated!! how much off-grid PV was added worldwide in 2024?",
    "lookup", [MW(R.v("World", 2024, "Annual", "Off-grid"))],
    how="real CSV: World, 2024, Historical Primary, Off-grid, Annual")

add("real", "market",
    "We're checking the forecasts against the EU targets. In the high scenario, how much PV is Germany expected to install in 2030?",
    "lookup", [MW(R.v("Germany", 2030, "Annual", "Total", HIGH))],
    how="real CSV: Germany, 2030, Forecast - High, Total, Annual")

# --- rankings (countries only)
top = R.rank(2024, n=5)
add("real", "market",
    "Top 5 countries for new PV installs in 2024? countries only pls, not regions like Asia or the EU",
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Annual Total Historical Primary, non-aggregate territories, top 5")

top = R.rank(2024, "Cumulative", n=3)
add("real", "market",
    "Thread idea: 'the solar superpowers' 💪 Which 3 countries have the biggest PV fleets (cumulative) at end of 2024?",
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Cumulative Total Historical Primary, non-aggregate territories, top 3")

five = ["Germany", "Spain", "Italy", "France", "Poland"]
top = R.rank(2024, n=5, among=five)
add("real", "market",
    "Can you rank Germany, Spain, Italy, France and Poland by how much PV they added in 2024, biggest first?",
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Annual Total Historical Primary for the five named countries, sorted")

top = R.rank(2024, "Annual", "Distributed", n=1)
add("real", "market",
    "Rooftop/distributed PV is where the people-power is ☀️🏠 Which country installed the most distributed PV in 2024?",
    "rank", [MW(top[0][1])], [top[0][0]],
    how="real CSV: 2024 Annual Distributed Historical Primary, non-aggregate territories, max")

top = R.rank(2030, "Annual", "Total", MP, n=3)
add("real", "market",
    "Looking at the forecasts: which 3 countries are expected to add the most PV in 2030, most probable scenario?",
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2030 Annual Total Forecast - Most probable, non-aggregate territories, top 3")

# --- shares
cn, wd = R.v("China", 2024), R.v("World", 2024)
add("real", "market",
    "is it true that China alone installed more than half of the world's new PV in 2024?? what's the exact share?",
    "share", [P(cn / wd * 100)],
    how="real CSV: China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

add("real", "market",
    "India keeps making headlines. What share of global cumulative PV capacity did India have at end-2024?",
    "share", [P(R.v("India", 2024, "Cumulative") / R.v("World", 2024, "Cumulative") * 100)],
    how="real CSV: India 2024 Cumulative Total / World 2024 Cumulative Total x100")

add("real", "market",
    "Germany 2024: what % of the new PV was distributed (rooftop) vs the country total?",
    "share", [P(R.v("Germany", 2024, "Annual", "Distributed") / R.v("Germany", 2024) * 100)],
    how="real CSV: Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

add("real", "market",
    "US utility-scale dominance check: centralised share of the USA's 2024 PV additions?",
    "share", [P(R.v("USA", 2024, "Annual", "Centralised") / R.v("USA", 2024) * 100)],
    how="real CSV: USA 2024 Annual Centralised / USA 2024 Annual Total x100")

add("real", "market",
    "Brazilian solar is booming 🇧🇷 what was Brazil's share of world PV installations in 2023?",
    "share", [P(R.v("Brazil", 2023) / R.v("World", 2023) * 100)],
    how="real CSV: Brazil 2023 Annual Total / World 2023 Annual Total (Historical Primary) x100")

# --- change
a, b = R.v("World", 2023), R.v("World", 2024)
add("real", "market",
    "Writing our annual recap 🎆 Global PV installs 2023 → 2024: how much YoY growth in %?",
    "change", [P(pct(a, b))],
    how="real CSV: World Annual Total, (2024-2023)/2023 x100")

a, b = R.v("World", 2014, "Cumulative"), R.v("World", 2024, "Cumulative")
add("real", "market",
    "For our '10 years of solar' post: what's the CAGR of the world's cumulative PV capacity from 2014 to 2024?",
    "change", [P(cagr(a, b, 10))],
    how="real CSV: World Cumulative Total 2014 and 2024, (b/a)^(1/10)-1")

a, b = R.v("India", 2023), R.v("India", 2024)
add("real", "market",
    "India had a monster year. By how many MW did India's annual installations change between 2023 and 2024?",
    "change", [MW(b - a)],
    how="real CSV: India Annual Total 2024 minus 2023")

a, b = R.v("Germany", 2024), R.v("Germany", 2030, scen=MP)
add("real", "market",
    "Is Germany's outlook ambitious enough? what CAGR do annual additions need from 2024 (actual) to 2030 in the most probable scenario?",
    "change", [P(cagr(a, b, 6))],
    how="real CSV: Germany Annual Total 2024 Historical and 2030 Forecast - Most probable, CAGR over 6 years")

a, b = R.v("UK", 2015), R.v("UK", 2024)
add("real", "market",
    "UK solar crashed after 2015 subsidy cuts 😬 how much lower (in %) was the UK's 2024 market than 2015?",
    "change", [P(pct(a, b))],
    how="real CSV: UK Annual Total, (2024-2015)/2015 x100 (negative)")

# --- comparisons
a, b = R.v("China", 2024), R.v("USA", 2024)
add("real", "market",
    "how much bigger was China's 2024 PV market than the USA's? like how many times?",
    "compare", [X(a / b)], ["China"],
    how="real CSV: China 2024 Annual Total / USA 2024 Annual Total")

vals = [(t, R.v(t, 2024, "Cumulative")) for t in ["Germany", "Spain", "Italy"]]
add("real", "market",
    "Bit of a Germany vs southern Europe debate in the office 😅 Compare the installed base (cumulative) of Germany, Spain and Italy at end of 2024 pls",
    "compare", [MW(v) for _, v in vals], ["Germany"],
    how="real CSV: 2024 Cumulative Total Historical Primary for the three countries")

a, b = R.v("India", 2024), R.v("USA", 2024)
add("real", "market",
    "India vs USA new PV in 2024 — who added more and by how many MW?",
    "compare", [MW(a), MW(b), MW(abs(b - a))], ["USA"],
    how="real CSV: India and USA 2024 Annual Total, difference")

# --- extremes
s = R.hist_series("Spain")
yr, val = unique_argmax(s)
add("real", "market",
    "Someone on my team says Spain's record PV year was 2024. Is that right? what was the record year in the historical data (actuals only, no forecasts)?",
    "extreme", [MW(val)], [str(yr)],
    how="real CSV: Spain Annual Total Historical Primary, max over all years")

s = R.hist_series("Japan")
yr, val = unique_argmax(s)
add("real", "market",
    "Japan was the early leader before China took over. When did Japan hit its peak year for new PV installations, and how big was it?",
    "extreme", [MW(val)], [str(yr)],
    how="real CSV: Japan Annual Total Historical Primary, max over all years")

s = R.hist_series("UK").loc[2015:2024]
yr, val = unique_argmin(s)
add("real", "market",
    "Between 2015 and 2024, what was the UK's weakest year for PV additions?",
    "extreme", [MW(val)], [str(yr)],
    how="real CSV: UK Annual Total Historical Primary 2015-2024, min")

s = R.hist_series("Italy")
yr, val = unique_argmax(s)
add("real", "market",
    "Italy's historical high for annual PV installs (actuals, not forecasts) — which year and how many MW?",
    "extreme", [MW(val)], [str(yr)],
    how="real CSV: Italy Annual Total Historical Primary, max over all years")

s = pd.Series(R.series("Netherlands", 2025, 2030, scen=HIGH))
yr, val = unique_argmax(s)
add("real", "market",
    "In the high scenario, which year between 2025 and 2030 is the Netherlands' biggest for PV additions?",
    "extreme", [MW(val)], [str(yr)],
    how="real CSV: Netherlands Annual Total Forecast - High 2025-2030, max")

# --- averages
s = R.series("India", 2020, 2024)
add("real", "market",
    "Need a rough baseline for India. approx how much PV has India added per year on average over 2020-2024?",
    "average", [MW(sum(s.values()) / len(s))],
    how="real CSV: India Annual Total Historical 2020..2024, mean of 5 values")

s = R.series("Germany", 2025, 2030, scen=MP)
add("real", "market",
    "Average annual PV additions Germany is forecast to make 2025–2030 (most probable)?",
    "average", [MW(sum(s.values()) / len(s))],
    how="real CSV: Germany Annual Total Forecast - Most probable 2025..2030, mean of 6")

# --- sums
s = R.series("USA", 2020, 2024)
add("real", "market",
    "US thread 🇺🇸 Total PV added by the USA over 2020–2024 combined?",
    "sum", [MW(sum(s.values()))],
    how="real CSV: USA Annual Total Historical 2020..2024, sum")

s = R.series("Spain", 2025, 2030, scen=LOW)
add("real", "market",
    "Even in the pessimistic case... how much would Spain add in total over 2025-2030 under the low scenario?",
    "sum", [MW(sum(s.values()))],
    how="real CSV: Spain Annual Total Forecast - Low 2025..2030, sum")

vals = [R.v(t, 2024) for t in ["Germany", "France", "Italy"]]
add("real", "market",
    "Germnay + France + Italy together, how many MW of new PV in 2024?",
    "sum", [MW(sum(vals))],
    how="real CSV: 2024 Annual Total Historical, sum of Germany, France, Italy")


a, b = R.v("Pakistan", 2023), R.v("Pakistan", 2024)
add("real", "market",
    "Someone on twitter claims Pakistan put in over 17,000 MW in just two years. How many MW did Pakistan add in 2023 and 2024 combined?",
    "sum", [MW(a + b)],
    how="real CSV: Pakistan Annual Total Historical, 2023 + 2024")

s = R.series("Brazil", 2021, 2024)
add("real", "market",
    "Brazil's average yearly PV additions 2021–2024?",
    "average", [MW(sum(s.values()) / len(s))],
    how="real CSV: Brazil Annual Total Historical 2021..2024, mean of 4")

# --- first / latest
s = R.hist_series("India")
yr = int(s[s > 10000].index.min())
add("real", "market",
    "Milestones thread 🧵 When did India first instal more than 10 GW of PV in a single year?",
    "first_latest", [MW(float(s.loc[yr]))], [str(yr)],
    how="real CSV: India Annual Total Historical, first year with > 10,000 MW")

s = R.hist_series("World", "Cumulative")
yr = int(s[s >= 1_000_000].index.min())
add("real", "market",
    "1 TW milestone!! 🎉 in which year did global cumulative PV first pass 1,000 GW?",
    "first_latest", [MW(float(s.loc[yr]))], [str(yr)],
    how="real CSV: World Cumulative Total Historical, first year >= 1,000,000 MW")

yr = R.last_hist["Pakistan"]
add("real", "market",
    "What's the latest actual (historical) figure you have for Pakistan's installed base, and which year is it?",
    "first_latest", [MW(R.v("Pakistan", yr, "Cumulative"))], [str(yr)],
    how="real CSV: Pakistan Cumulative Total, latest Historical Primary year")

# --- follow-up chains (real)
add("real", "market",
    ["How much PV did Poland install in 2024?", "and the Netherlands?"],
    "follow_up", [MW(R.v("Netherlands", 2024))],
    how="real CSV: Netherlands 2024 Annual Total Historical")

add("real", "market",
    ["What are Germany's 2030 PV additions in the most probable scenario?", "same for the low scenario"],
    "follow_up", [MW(R.v("Germany", 2030, scen=LOW))],
    how="real CSV: Germany 2030 Annual Total Forecast - Low")

add("real", "market",
    ["China's share of global new PV installs in 2024?", "what about 2020?"],
    "follow_up", [P(R.v("China", 2020) / R.v("World", 2020) * 100)],
    how="real CSV: China 2020 Annual Total / World 2020 Annual Total x100")

top = R.rank(2024, "Cumulative", n=5)
add("real", "market",
    ["Top 5 countries by cumulative PV at the end of 2024?", "can u show that as a bar chart"],
    "follow_up", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Cumulative Total Historical, non-aggregate territories, top 5 (chart)")

add("real", "market",
    ["Off-grid solar in India: how much was installed (cumulative) at the end of 2024?", "and Spain?"],
    "follow_up", [MW(R.v("Spain", 2024, "Cumulative", "Off-grid"))],
    how="real CSV: Spain 2024 Cumulative Off-grid Historical")

add("real", "market",
    ["What was Brazil's YoY growth in new installs from 2023 to 2024?", "and Pakistan's?",
     "ok and Spain's? did it actually shrink?"],
    "follow_up", [P(pct(R.v("Spain", 2023), R.v("Spain", 2024)))],
    how="real CSV: Spain Annual Total, (2024-2023)/2023 x100")

add("real", "market",
    ["Italy distributed PV additions in 2024?", "and centralised?",
     "so what share of Italy's 2024 total was centralised?"],
    "follow_up", [P(R.v("Italy", 2024, "Annual", "Centralised") / R.v("Italy", 2024) * 100)],
    how="real CSV: Italy 2024 Annual Centralised / Italy 2024 Annual Total x100")

s = R.series("France", 2025, 2030, scen=LOW)
add("real", "market",
    ["Average yearly additions for France over 2025-2030 in the high scenario?", "vs the low scenario?"],
    "follow_up", [MW(sum(s.values()) / len(s))],
    how="real CSV: France Annual Total Forecast - Low 2025..2030, mean of 6")

# ============================================================================ REAL prices
RU = "US$/Wp"
v, d = p_latest(RP, "Module", "n-type TOPCon", "EU", RU)
add("real", "price",
    "How cheap are TOPCon modules in Europe right now?? latest price pls",
    "price", [U(v, RU)],
    how=f"prices parquet: Module / n-type TOPCon / EU, latest date {d.date()}")

ve, de = p_latest(RP, "Module", "n-type TOPCon", "EU", RU)
vu, du = p_latest(RP, "Module", "n-type TOPCon", "US", RU)
assert de == du
add("real", "price",
    "Trade barriers post: how much more do TOPCon modules cost in the US than in the EU, latest prices? give me both + the ratio",
    "price", [U(vu, RU), U(ve, RU), X(vu / ve)], ["US"],
    how=f"prices parquet: Module / n-type TOPCon latest ({du.date()}) US and EU, ratio US/EU")

v, dates = p_minmax(RP, "Module", "CdTe", "Overseas", RU, "max")
yrs = sorted(set(dates.dt.year))
assert len(yrs) == 1
add("real", "price",
    "What was the highest CdTe (thin-film) module price in the whole series, and when?",
    "price", [U(v, RU)], [str(yrs[0])],
    how="prices parquet: Module / CdTe / Overseas, max over whole series")

v = p_month(RP, "Copper", "Copper", "Overseas", "US$/t", "2024-03")
add("real", "price",
    "Cables and busbars eat copper. Copper price in March 2024?",
    "price", [U(v, "US$/t")],
    how="prices parquet: Copper / Overseas / US$/t, observation dated 2024-03")

a = p_month(RP, "Aluminium", "Aluminium", "Overseas", "US$/t", "2020-01")
b = p_month(RP, "Aluminium", "Aluminium", "Overseas", "US$/t", "2025-01")
add("real", "price",
    "Frames are aluminium so this matters — how much did the aluminium price change between Jan 2020 and Jan 2025, in %?",
    "price", [P(pct(a, b))],
    how="prices parquet: Aluminium monthly, (2025-01 - 2020-01)/2020-01 x100")

v, dates = p_minmax(RP, "Cell", "p-type mono-Si PERC", "China", RU, "min")
add("real", "price",
    "Cells have gotten absurdly cheap. What's the lowest price ever recorded for the p-type mono-Si PERC cell series in China (the plain one, not G12/M10)?",
    "price", [U(v, RU)],
    how="prices parquet: Cell / p-type mono-Si PERC / China, min over whole series")

a, da = p_first(RP, "Module", "p-type mono-Si PERC M10", "EU", RU)
b, db = p_latest(RP, "Module", "p-type mono-Si PERC M10", "EU", RU)
add("real", "price",
    "How far have PERC M10 module prices in the EU fallen from the first observation to the latest one? in %",
    "price", [U(a, RU), U(b, RU), P(pct(a, b))],
    how=f"prices parquet: Module / p-type mono-Si PERC M10 / EU, first {da.date()} vs latest {db.date()}")

vc, dc = p_latest(RP, "Module", "n-type HJT", "China", RU)
vo, do = p_latest(RP, "Module", "n-type HJT", "Overseas", RU)
add("real", "price",
    "HJT modules: latest price in China vs Overseas — which is cheaper?",
    "price", [U(vc, RU), U(vo, RU)], ["Overseas" if vo < vc else "China"],
    how=f"prices parquet: Module / n-type HJT latest China ({dc.date()}) and Overseas ({do.date()})")

v, n = p_mean(RP, "Copper", "Copper", "Overseas", "US$/t", "2024-01-01", "2024-12-31")
assert n == 12
add("real", "price",
    "What was the average copper price over 2024 (monthly data)?",
    "price", [U(v, "US$/t")],
    how="prices parquet: Copper monthly 2024-01..2024-12, mean of 12")

v, dates = p_minmax(RP, "Wafer", "p-type mono-Si G12", "China", "US$/pce", "max")
yrs = sorted(set(dates.dt.year))
assert len(yrs) == 1
add("real", "price",
    "During the polysilicon crunch, how high did p-type mono G12 wafer prices in China get? peak + when",
    "price", [U(v, "US$/pce")], [str(yrs[0])],
    how="prices parquet: Wafer / p-type mono-Si G12 / China, max over whole series")

v = p_month(RP, "Silver", "Silver", "Overseas", "K US$/t", "2024-01")
add("real", "price",
    "silver paste is a big cost for cells... what was the silver price in January 2024?",
    "price", [U(v, "K US$/t")],
    how="prices parquet: Silver / Overseas / K US$/t, observation dated 2024-01")

# price follow-up chain (real)
vu, du = p_latest(RP, "Module", "p-type mono-Si PERC M10", "US", RU)
add("real", "price",
    ["Latest price for PERC M10 modules in the EU?", "and in the US?"],
    "follow_up", [U(vu, RU)],
    how=f"prices parquet: Module / p-type mono-Si PERC M10 / US, latest ({du.date()})")

# ============================================================================ REAL financials
v, u = fin(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial",
    "Checking how the manufacturers are holding up. What was Helios Modules' revenue for FY2024?",
    "financial", [U(v, u)],
    how="financials.csv: Helios Modules Ltd (sample), FY2024, Revenue")

vals = [(SHORT[c], fin(c, "2024-Q4", "Gross margin")[0]) for c in COMPANIES]
vals.sort(key=lambda x: -x[1])
assert vals[0][1] != vals[1][1]
add("real", "manufacturer_financial",
    "Margin squeeze in manufacturing: which of the manufacturers had the highest gross margin in 2024-Q4?",
    "financial", [P(vals[0][1])], [vals[0][0]],
    how="financials.csv: Gross margin 2024-Q4 for the four companies, max")

a = fin(SUN, "FY2023", "Revenue")[0]
b = fin(SUN, "FY2024", "Revenue")[0]
add("sample", "manufacturer_financial",
    "How much did SunForge's revenue fall from FY2023 to FY2024, in %?",
    "financial", [P(pct(a, b))],
    how="financials.csv: SunForge Energy (sample) Revenue FY2023 -> FY2024, % change")

vals = [(SHORT[c], fin(c, "FY2024", "Module shipments")[0]) for c in COMPANIES]
vals.sort(key=lambda x: -x[1])
add("sample", "manufacturer_financial",
    "Rank the manufacturers by FY2024 module shipments (GW)",
    "financial", [U(v, "GW") for _, v in vals], [n for n, _ in vals],
    how="financials.csv: Module shipments FY2024 for all four companies, sorted")

add("real", "manufacturer_financial",
    ["SunForge net income in 2024-Q2?", "and Q3?"],
    "follow_up", [U(fin(SUN, "2024-Q3", "Net income")[0], "USD million")],
    how="financials.csv: SunForge Energy (sample), 2024-Q3, Net income")

# ============================================================================ REAL unanswerable
unans("real", "market",
      "How much wind power did Germany install in 2024? want to compare it with solar",
      "wind capacity is not in the data (PV only)")
unans("real", "market",
      "Everyone says solar is the cheapest power ever. What's the LCOE of utility-scale PV in Spain these days?",
      "LCOE is not a measure held in the data")
unans("real", "market",
      "How many GWh did Chinese solar generate in 2024?",
      "electricity generation (GWh) is not held; only capacity in MW")
unans("real", "market",
      "For our jobs campaign: how many people work in the US solar industry?",
      "employment / jobs are not in the data")
unans("real", "market",
      "Nigeria is such an exciting off-grid market — how much PV did Nigeria install in 2024?",
      "Nigeria is not a territory in the market data")
unans("real", "market",
      "Long-term view for our 2035 campaign: how much PV will India install in 2035?",
      "no forecast beyond 2030 (and no Indian forecast at all)")
unans("real", "market",
      "What will Spain's total installed PV base be in 2030 in the most probable scenario?",
      "forecast cumulative values in the real CSV exclude the installed base; not usable")
unans("real", "market",
      "Italy is pairing solar with batteries a lot now, how many MWh of battery storage were installed there in 2024?",
      "battery storage is not in the data")
unans("real", "market",
      "What's the current feed-in tariff for rooftop PV in France?",
      "tariffs / support levels are not in the data")
unans("real", "market",
      "How much was the Spanish PV market worth in EUR in 2024?",
      "market value in currency is not held; only MW")
unans("real", "market",
      "Morocco has that huge Noor plant — how much solar thermal / CSP capacity does Morocco have?",
      "solar thermal / CSP is not in the data (PV only)")
unans("real", "price",
      "What's the price of perovskite-silicon tandem modules right now?",
      "no tandem/perovskite module price series in the data")
unans("real", "price",
      "Latest n-type TOPCon module price in India?",
      "TOPCon module prices exist only for China, EU, US and Overseas, not India")
unans("real", "price",
      "What share of the module price is polysilicon today?",
      "a share of a price (cost breakdown) is not in the data")
unans("real", "price",
      "How much do string inverters cost per watt in Europe?",
      "inverters are not a price item in the data")
unans("real", "manufacturer_financial",
      "What was LONGi's revenue in 2024?",
      "LONGi is not one of the companies in the financials file")

# ============================================================================ SAMPLE market
add("sample", "market",
    "Did France finally speed up? How much PV did France add in 2024?",
    "lookup", [MW(S.v("France", 2024))],
    how="sample market.csv: France 2024 Annual Total Historical Primary")

add("sample", "market",
    "Spain's cumulative PV capacity in 2030 under the high scenario?",
    "lookup", [MW(S.v("Spain", 2030, "Cumulative", "Total", HIGH))],
    how="sample market.csv: Spain 2030 Cumulative Total Forecast - High")

top = S.rank(2024, n=3)
add("sample", "market",
    "Quick ranking for a slide: top 3 countries by PV additions in 2024?",
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="sample market.csv: 2024 Annual Total Historical, countries (World excluded), top 3")

top = S.rank(2030, "Cumulative", "Total", MP, n=1)
add("sample", "market",
    "2030 bragging rights 🏆 Which country will have the largest installed PV base in 2030 in the most probable scenario?",
    "rank", [MW(top[0][1])], [top[0][0]],
    how="sample market.csv: 2030 Cumulative Total Forecast - Most probable, countries, max")

add("sample", "market",
    "What share of the world's new PV in 2024 came from Germany? feels tiny vs China",
    "share", [P(S.v("Germany", 2024) / S.v("World", 2024) * 100)],
    how="sample market.csv: Germany 2024 Annual Total / World 2024 Annual Total x100")

add("sample", "market",
    "Italian rooftops! what % of Italy's 2024 additions were distributed?",
    "share", [P(S.v("Italy", 2024, "Annual", "Distributed") / S.v("Italy", 2024) * 100)],
    how="sample market.csv: Italy 2024 Annual Distributed / Italy 2024 Annual Total x100")

a, b = S.v("World", 2015), S.v("World", 2024)
add("sample", "market",
    "What's the CAGR of world annual PV installations between 2015 and 2024?",
    "change", [P(cagr(a, b, 9))],
    how="sample market.csv: World Annual Total 2015 and 2024, CAGR over 9 years")

a, b = S.v("World", 2025, scen=MP), S.v("World", 2030, scen=MP)
add("sample", "market",
    "is the forecast ambitious enough? by how much % do global annual installs grow from 2025 to 2030 in the most probable case?",
    "change", [P(pct(a, b))],
    how="sample market.csv: World Annual Total Forecast - Most probable, (2030-2025)/2025 x100")

a, b = S.v("Netherlands", 2024, "Cumulative"), S.v("Poland", 2024, "Cumulative")
add("sample", "market",
    "Dutch vs Polish PV fleet at end of 2024 — which is bigger and by how much?",
    "compare", [MW(a), MW(b), MW(abs(a - b))], ["Netherlands" if a > b else "Poland"],
    how="sample market.csv: Netherlands and Poland 2024 Cumulative Total, difference")

s = S.hist_series("Poland")
yr, val = unique_argmax(s)
add("sample", "market",
    "When was Poland's record year for PV installations so far? historical data only",
    "extreme", [MW(val)], [str(yr)],
    how="sample market.csv: Poland Annual Total Historical, max")

s = pd.Series(S.series("Spain", 2025, 2030, scen=LOW))
yr, val = unique_argmin(s)
add("sample", "market",
    "Worst case check: in the low scenario, which year 2025-2030 has Spain's smallest PV market?",
    "extreme", [MW(val)], [str(yr)],
    how="sample market.csv: Spain Annual Total Forecast - Low 2025..2030, min")

s = S.series("Germany", 2015, 2024)
add("sample", "market",
    "Germany ramped up massively lately. Average annual PV installations in Germany from 2015 to 2024?",
    "average", [MW(sum(s.values()) / len(s))],
    how="sample market.csv: Germany Annual Total Historical 2015..2024, mean of 10")

s = S.series("France", 2025, 2030, scen=MP)
add("sample", "market",
    "How much PV will France add in total 2025 to 2030, most probable scenario?",
    "sum", [MW(sum(s.values()))],
    how="sample market.csv: France Annual Total Forecast - Most probable 2025..2030, sum")

s = S.hist_series("Netherlands")
yr = int(s[s > 2000].index.min())
add("sample", "market",
    "First year the Netherlands added more than 2 GW of PV?",
    "first_latest", [MW(float(s.loc[yr]))], [str(yr)],
    how="sample market.csv: Netherlands Annual Total Historical, first year > 2,000 MW")

s = pd.Series(S.series("Germany", 2025, 2030, scen=HIGH))
yr = int(s[s > 18000].index.min())
add("sample", "market",
    "In the high scenario, when do Germany's annual additions first go above 18 GW?",
    "first_latest", [MW(float(s.loc[yr]))], [str(yr)],
    how="sample market.csv: Germany Annual Total Forecast - High, first year > 18,000 MW")


s = S.series("Netherlands", 2025, 2030, scen=LOW)
add("sample", "market",
    "The Dutch market is cooling off... avg yearly PV additions for the Netherlands 2025-2030 in the low scenario?",
    "average", [MW(sum(s.values()) / len(s))],
    how="sample market.csv: Netherlands Annual Total Forecast - Low 2025..2030, mean of 6")

vals = [S.v(t, 2024, "Cumulative") for t in ["Germany", "France", "Italy"]]
add("sample", "market",
    "Germany vs France vs Italy: cumulative PV at end of 2024?",
    "compare", [MW(v) for v in vals], ["Germany"],
    how="sample market.csv: 2024 Cumulative Total Historical for Germany, France, Italy")

s = S.series("World", 2020, 2024)
add("sample", "market",
    "How many GW did the world install in total over 2020-2024?",
    "sum", [MW(sum(s.values()))],
    how="sample market.csv: World Annual Total Historical 2020..2024, sum")

a, b = S.v("Poland", 2023), S.v("Poland", 2024)
add("sample", "market",
    "Poland YoY: % change in annual installs 2023 vs 2024?",
    "change", [P(pct(a, b))],
    how="sample market.csv: Poland Annual Total, (2024-2023)/2023 x100")

# sample follow-ups
hi = S.v("Spain", 2030, scen=HIGH)
lo = S.v("Spain", 2030, scen=LOW)
add("sample", "market",
    ["Spain's PV additions in 2030, most probable?", "and the high scenario?",
     "so what's the gap between the high and low scenarios that year, in MW?"],
    "follow_up", [MW(hi - lo)],
    how="sample market.csv: Spain 2030 Annual Total, Forecast - High minus Forecast - Low")

add("sample", "market",
    ["How much did Italy install in 2023?", "what about 2024?"],
    "follow_up", [MW(S.v("Italy", 2024))],
    how="sample market.csv: Italy 2024 Annual Total Historical")

a = S.v("World", 2024, "Cumulative")
b = S.v("World", 2030, "Cumulative", scen=MP)
add("sample", "market",
    ["World cumulative PV capacity at end of 2024?", "and in 2030 under most probable?",
     "what CAGR is that between the two?"],
    "follow_up", [P(cagr(a, b, 6))],
    how="sample market.csv: World Cumulative Total 2024 Historical -> 2030 Forecast - Most probable, CAGR 6y")

add("sample", "market",
    ["Spain's off-grid PV additions in 2024?", "and distributed?"],
    "follow_up", [MW(S.v("Spain", 2024, "Annual", "Distributed"))],
    how="sample market.csv: Spain 2024 Annual Distributed Historical")

top = S.rank(2030, "Annual", "Total", MP, n=6)
add("sample", "market",
    ["Rank all the countries by 2030 PV additions in the most probable scenario", "show it as a chart pls 📊"],
    "follow_up", [MW(v) for _, v in top], [t for t, _ in top],
    how="sample market.csv: 2030 Annual Total Forecast - Most probable, six countries sorted (chart)")

# ============================================================================ SAMPLE prices
v, d = p_latest(SP, "Module", "n-type TOPCon", "China", RU)
add("sample", "price",
    "Module prices are on the floor. Latest TOPCon module price in China?",
    "price", [U(v, RU)],
    how=f"sample prices.csv: Module / n-type TOPCon / China, latest ({d.date()})")

v = p_month(SP, "Module", "n-type TOPCon", "India", RU, "2024-03")
add("sample", "price",
    "For an India explainer — what were n-type TOPCon modules selling for in India in March 2024?",
    "price", [U(v, RU)],
    how="sample prices.csv: Module / n-type TOPCon / India, 2024-03")

regs = ["China", "EU", "India", "US"]
vals = [(r, p_latest(SP, "Module", "n-type HJT", r, RU)[0]) for r in regs]
vals.sort(key=lambda x: x[1])
assert vals[0][1] != vals[1][1]
add("sample", "price",
    "HJT modules, latest prices in China, EU, India and US — where's it cheapest?",
    "price", [U(v, RU) for _, v in vals], [vals[0][0]],
    how="sample prices.csv: Module / n-type HJT latest for four regions, min region")

a = p_month(SP, "Polysilicon", "High purity - 9N/9N+", "China", "US$/kg", "2023-01")
b = p_month(SP, "Polysilicon", "High purity - 9N/9N+", "China", "US$/kg", "2024-12")
add("sample", "price",
    "Polysilicon collapse 📉 how much did high-purity polysilicon in China change from Jan 2023 to Dec 2024, %?",
    "price", [P(pct(a, b))],
    how="sample prices.csv: Polysilicon / High purity - 9N/9N+ / China, (2024-12 - 2023-01)/2023-01 x100")

v, dates = p_minmax(SP, "PV glass", "Glass 3,2mm", "EU", "US$/m²", "max")
assert len(dates) == 1
add("sample", "price",
    "Highest price for 3.2mm PV glass in the EU, and which month?",
    "price", [U(v, "US$/m²")], [dates.iloc[0].strftime("%Y")],
    how="sample prices.csv: PV glass / Glass 3,2mm / EU, max over series")

v, n = p_mean(SP, "Wafer", "p-type mono-Si M10", "China", "US$/pce", "2024-01-01", "2024-12-31")
assert n == 12
add("sample", "price",
    "average price of p-type mono M10 wafers in China over 2024?",
    "price", [U(v, "US$/pce")],
    how="sample prices.csv: Wafer / p-type mono-Si M10 / China, mean of 2024 monthly values")

a = p_month(SP, "Cell", "p-type mono-Si PERC M10", "China", RU, "2024-12")
b = p_month(SP, "Cell", "n-type TOPCon M10", "China", RU, "2024-12")
add("sample", "price",
    "Tech switch question: in Dec 2024, how much cheaper were PERC M10 cells than TOPCon M10 cells in China?",
    "price", [U(a, RU), U(b, RU), U(b - a, RU)],
    how="sample prices.csv: Cell China 2024-12, n-type TOPCon M10 minus p-type mono-Si PERC M10")

v, dates = p_minmax(SP, "Wafer", "n-type mono-Si M10", "EU", "US$/pce", "min")
assert len(dates) == 1
add("sample", "price",
    "lowest n-type M10 wafer price in the EU, and when was it?",
    "price", [U(v, "US$/pce")], [dates.iloc[0].strftime("%Y")],
    how="sample prices.csv: Wafer / n-type mono-Si M10 / EU, min over series")

vu, du = p_latest(SP, "Module", "p-type mono-Si PERC M10", "US", RU)
add("sample", "price",
    ["What's the latest PERC M10 module price in the EU?", "and in the US?"],
    "follow_up", [U(vu, RU)],
    how=f"sample prices.csv: Module / p-type mono-Si PERC M10 / US, latest ({du.date()})")

# ============================================================================ SAMPLE financials
v, u = fin(NOR, "FY2024", "Net income")
add("sample", "manufacturer_financial",
    "Is Nordlicht Solar losing money? what was their net income in FY2024?",
    "financial", [U(v, u)],
    how="financials.csv: Nordlicht Solar AG (sample), FY2024, Net income")

a = fin(HEL, "FY2024", "Module shipments")[0]
b = fin(SUN, "FY2024", "Module shipments")[0]
add("sample", "manufacturer_financial",
    "Helios vs SunForge module shipments in FY2024?",
    "financial", [U(a, "GW"), U(b, "GW")], ["Helios"],
    how="financials.csv: Module shipments FY2024, Helios and SunForge")

v, u = fin(AUR, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial",
    "Overcapacity story. Aurora PV Group's production capacity in 2024-Q4?",
    "financial", [U(v, u)],
    how="financials.csv: Aurora PV Group (sample), 2024-Q4, Production capacity")

tot = sum(fin(c, "FY2024", "Net income")[0] for c in COMPANIES)
add("sample", "manufacturer_financial",
    "Add up FY2024 net income across all the manufacturers in the data — is the industry in the red overall?",
    "financial", [U(tot, "USD million")],
    how="financials.csv: sum of FY2024 Net income over the four companies")

a = fin(HEL, "2023-Q1", "Gross margin")[0]
b = fin(HEL, "2024-Q4", "Gross margin")[0]
add("sample", "manufacturer_financial",
    "Helios' gross margin went from 2023-Q1 to 2024-Q4... how many percentage points did it lose?",
    "financial", [P(a), P(b), P(a - b)],
    how="financials.csv: Helios Gross margin 2023-Q1 minus 2024-Q4 (percentage points)")

qs = [fin(AUR, f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial",
    "Average quarterly revenue for Aurora PV in 2024?",
    "financial", [U(sum(qs) / 4, "USD million")],
    how="financials.csv: Aurora Revenue 2024-Q1..Q4, mean of 4")

a = fin(HEL, "FY2023", "Module shipments")[0]
b = fin(HEL, "FY2024", "Module shipments")[0]
add("sample", "manufacturer_financial",
    ["Helios module shipments FY2023?", "and FY2024?", "YoY growth in %?"],
    "follow_up", [P(pct(a, b))],
    how="financials.csv: Helios Module shipments FY2023 -> FY2024, % change")

# ============================================================================ SAMPLE unanswerable
unans("sample", "market",
      "Spain's PV installations back in 2012, when the market collapsed?",
      "sample market data start in 2015")
unans("sample", "market",
      "Iberia post! Spain is covered, now Portugal: how much PV did Portugal add in 2024?",
      "Portugal is not in the sample market data")
unans("sample", "market",
      "China's PV additions in 2024? the world's biggest market surely is in there",
      "China is not in the sample market data")
unans("sample", "market",
      "What's Poland's expected PV market in 2032 in the high scenario?",
      "forecasts end in 2030")
unans("sample", "market",
      "How much onshore wind did Italy build in 2024?",
      "wind is not in the data (PV only)")
unans("sample", "market",
      "How many GWh did German PV produce last year?",
      "generation (GWh) is not held; only capacity")
unans("sample", "price",
      "latest silver price? 🥈",
      "silver is not in the sample prices")
unans("sample", "price",
      "Doing a piece on made-in-India supply chains. Polysilicon price in India?",
      "polysilicon prices are only for China and EU in the sample")
unans("sample", "price",
      "What's the current CdTe module price?",
      "no CdTe series in the sample prices")
unans("sample", "price",
      "What fraction of a TOPCon module's price is the cell cost?",
      "a share of a price / cost breakdown is not in the data")
unans("sample", "manufacturer_financial",
      "What was Helios Modules' EBITDA in FY2024?",
      "EBITDA is not a metric in the financials file")
unans("sample", "manufacturer_financial",
      "JinkoSolar module shipments 2024?",
      "JinkoSolar is not one of the companies in the financials file")
unans("sample", "market",
      "How many solar installers / jobs does the Netherlands have?",
      "jobs are not in the data")


# ============================================================================ write + self-check
def main():
    out = os.path.join(HERE, "questions.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for it in ITEMS:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")

    ids = [it["id"] for it in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(ITEMS) >= 110, len(ITEMS)
    n_un = sum(1 for it in ITEMS if not it["answerable"])
    assert n_un >= 28, n_un
    chains = [it for it in ITEMS if len(it["turns"]) >= 2]
    assert len(chains) >= 12, len(chains)
    for it in ITEMS:
        if it["answerable"]:
            assert it["expect"] or it["names"], it["id"]
            for e in it["expect"]:
                assert isinstance(e["value"], float) or isinstance(e["value"], int), it["id"]
                assert e["value"] == e["value"], ("NaN", it["id"])
        else:
            assert it.get("why"), it["id"]
        assert it["data"] in ("real", "sample")
        assert it["agent"] in ("market", "price", "manufacturer_financial")

    print(f"wrote {len(ITEMS)} items to {out}")
    print(f"unanswerable: {n_un}   follow-up chains (>=2 turns): {len(chains)}")
    print("by kind:", dict(sorted(Counter(it['kind'] for it in ITEMS).items())))
    print("by data:", dict(Counter(it['data'] for it in ITEMS)))
    print("by agent:", dict(Counter(it['agent'] for it in ITEMS)))
    print("by data x kind:")
    for (d, k), n in sorted(Counter((it['data'], it['kind']) for it in ITEMS).items()):
        print(f"  {d:6s} {k:14s} {n}")


if __name__ == "__main__":
    main()
