"""Held-out questions for writer `heatpump` (PM at a heat-pump / home-energy company sizing
the European rooftop-solar opportunity for a bundled offer).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
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
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HP = "Historical Primary"
MP = "Forecast - Most probable"
HI = "Forecast - High"
LO = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]


# ---------------------------------------------------------------- loading
def load_market(path):
    d = pd.read_csv(path)
    d = d.drop_duplicates(subset=KEY + ["Capacity(MW)"])
    assert not d.duplicated(subset=KEY).any(), "conflicting duplicate keys"
    return d


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
assert len(pd.read_csv(REAL_MARKET)) - len(RM) == 624  # README: 624 exact duplicates

RP = pd.read_parquet(REAL_PRICES)
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)

MARKETS = {"real": RM, "sample": SM}
PRICES = {"real": RP, "sample": SP}


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value (MW) under the brief's conventions."""
    df = MARKETS[data]
    if scen is None:
        scen = HP if year <= last_hist(df, terr) else MP
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, scen, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series_years(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(data, terrs, year, typ="Annual", conn="Total", scen=None, n=None, asc=False):
    vals = {}
    for t in terrs:
        try:
            vals[t] = mv(data, t, year, typ, conn, scen)
        except AssertionError:
            pass  # territory has no such row
    order = sorted(vals.items(), key=lambda kv: kv[1], reverse=not asc)
    if n:
        # make sure the cut is not a tie
        assert len(order) <= n or order[n - 1][1] != order[n][1]
        order = order[:n]
    return order


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def peak(sv, low=False):
    items = sorted(sv.items(), key=lambda kv: kv[1], reverse=not low)
    assert items[0][1] != items[1][1], "tie at the extreme"
    return items[0]


# ---------------------------------------------------------------- prices
def pser(data, item, desc, region, unit=None):
    p = PRICES[data]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    s = s.drop_duplicates(subset=["date", "base_price"]).sort_values("date")
    assert not s.date.duplicated().any(), ("several prices on one date", item, desc, region)
    assert len(s) > 0
    return s[["date", "base_price"]].reset_index(drop=True), s.unit.iloc[0]


def p_latest(data, item, desc, region, unit=None):
    s, u = pser(data, item, desc, region, unit)
    return float(s.base_price.iloc[-1]), s.date.iloc[-1], u


def p_month(data, item, desc, region, ym, unit=None):
    s, u = pser(data, item, desc, region, unit)
    m = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(m) == 1, (item, desc, region, ym, len(m))
    return float(m.base_price.iloc[0]), u


def p_range(data, item, desc, region, start=None, end=None, unit=None):
    s, u = pser(data, item, desc, region, unit)
    if start:
        s = s[s.date >= pd.Timestamp(start)]
    if end:
        s = s[s.date <= pd.Timestamp(end)]
    return s, u


def p_ext(s, low=False):
    i = s.base_price.idxmin() if low else s.base_price.idxmax()
    v = s.base_price.loc[i]
    assert (s.base_price == v).sum() == 1 or s[s.base_price == v].date.dt.year.nunique() == 1
    return float(v), s.date.loc[i]


# ---------------------------------------------------------------- financials
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ---------------------------------------------------------------- item list
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": "heatpump", "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in (expect or [])],
          "names": list(names or []), "how": how}
    if not answerable:
        it["why"] = why
        assert not it["expect"] and not it["names"]
    ITEMS.append(it)


MW = "MW"
PC = "%"

# ================================================================= REAL market: lookups
v = mv("real", "Germany", 2024, conn="Distributed")
add("real", "market",
    "Quick one for the bundle deck: how much distributed PV did Germany add in 2024?",
    "lookup", [(v, MW)], [], "market CSV: Germany, 2024, Historical Primary, Distributed, Annual")

v = mv("real", "Netherlands", 2023, "Cumulative")
add("real", "market", "Netherlands is our most mature rooftop market. whats the total installed PV base there at the end of 2023?",
    "lookup", [(v, MW)], [], "market CSV: Netherlands, 2023, Historical Primary, Total, Cumulative")

v = mv("real", "Poland", 2024, "Cumulative", "Distributed")
add("real", "market",
    "Poland is on our shortlist for the heat pump + PV bundle. What's the cumulative distributed PV capacity there at end of 2024?",
    "lookup", [(v, MW)], [], "market CSV: Poland, 2024, Historical Primary, Distributed, Cumulative")

v = mv("real", "Italy", 2027, conn="Distributed", scen=MP)
add("real", "market",
    "Italian rooftop outlook — what's the most probable forecast for Italy's distributed additions in 2027?",
    "lookup", [(v, MW)], [], "market CSV: Italy, 2027, Forecast - Most probable, Distributed, Annual")

# ================================================================= REAL market: rankings
top = rank("real", EU27, 2024, conn="Distributed", n=5)
add("real", "market",
    "Need a top-5 for the exec summary: which EU countries added the most distributed PV in 2024?",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: EU-27 member countries, 2024, Historical Primary, Distributed, Annual, sorted desc, top 5")

top = rank("real", countries(RM), 2024, n=3)
add("real", "market", "Board wants global context before we zoom into Europe — which 3 countries installed the most solar PV worldwide in 2024?",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: all countries (aggregates excluded), 2024, Historical Primary, Total, Annual, top 3")

five = ["Germany", "Italy", "Spain", "France", "Poland"]
top = rank("real", five, 2024, "Cumulative", "Distributed")
add("real", "market",
    "Rank Germany, Italy, Spain, France and Poland by installed distributed (rooftop) capacity at end-2024.",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: the five countries, 2024, Historical Primary, Distributed, Cumulative, sorted desc")

nordics = ["Denmark", "Finland", "Norway", "Sweden"]
top = rank("real", nordics, 2024, conn="Distributed")
add("real", "market",
    "Nordics are big heat pump markets for us. Rank Denmark, Finland, Norway and Sweden by distributed PV added in 2024",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "market CSV: the four Nordic countries, 2024, Historical Primary, Distributed, Annual, sorted desc")

# ================================================================= REAL market: shares
d_, t_ = mv("real", "Germany", 2024, conn="Distributed"), mv("real", "Germany", 2024)
add("real", "market", "Trying to gauge how much of the German market is rooftop. What % of Germany's 2024 PV additions were distributed?",
    "share", [(d_ / t_ * 100, PC)], [], "Germany 2024 Annual HP: Distributed / Total x 100")

s_, w_ = mv("real", "Spain", 2023), mv("real", "World", 2023)
add("real", "market", "Spain's share of global PV additions in 2023, in %?",
    "share", [(s_ / w_ * 100, PC)], [], "Spain 2023 Annual Total HP / World 2023 Annual Total HP x 100")

d_, t_ = mv("real", "Italy", 2024, "Cumulative", "Distributed"), mv("real", "Italy", 2024, "Cumulative")
add("real", "market",
    "Rooftop vs utility in Italy: what share of the Italian installed base at end of 2024 is distributed?",
    "share", [(d_ / t_ * 100, PC)], [], "Italy 2024 Cumulative HP: Distributed / Total x 100")

e_, w_ = mv("real", "EU", 2024, "Cumulative"), mv("real", "World", 2024, "Cumulative")
add("real", "market", "How much of the world's cumulative PV capacity sat in the EU at end-2024, in %?",
    "share", [(e_ / w_ * 100, PC)], [], "EU 2024 Cumulative Total HP / World 2024 Cumulative Total HP x 100")

d_, t_ = mv("real", "Netherlands", 2030, conn="Distributed", scen=MP), mv("real", "Netherlands", 2030, scen=MP)
add("real", "market",
    "Dutch market is saturating on rooftops I think. Share of distributed in the Netherlands' 2030 additions under the most probable scenario?",
    "share", [(d_ / t_ * 100, PC)], [], "Netherlands 2030 Annual Forecast MP: Distributed / Total x 100")

# ================================================================= REAL market: change
a, b = mv("real", "Poland", 2023, conn="Distributed"), mv("real", "Poland", 2024, conn="Distributed")
add("real", "market", "Hearing Polish prosumer demand cooled after the net-billing switch. By how much % did Poland's distributed additions change from 2023 to 2024?",
    "change", [(pct(a, b), PC)], [], "Poland Distributed Annual HP: (2024-2023)/2023 x 100")

a, b = mv("real", "Italy", 2019, "Cumulative", "Distributed"), mv("real", "Italy", 2024, "Cumulative", "Distributed")
add("real", "market", "need a growth number for the IT slide: CAGR of Italy's distributed installed base 2019-2024?",
    "change", [(cagr(a, b, 5), PC)], [], "Italy Distributed Cumulative HP: (2024/2019)^(1/5)-1")

a, b = mv("real", "Spain", 2022), mv("real", "Spain", 2024)
add("real", "market",
    "Spain felt like it slowed down. Absolute change in Spanish annual PV additions between 2022 and 2024, in MW?",
    "change", [(b - a, MW)], [], "Spain Total Annual HP: 2024 - 2022")

a, b = mv("real", "France", 2023, conn="Distributed"), mv("real", "France", 2024, conn="Distributed")
add("real", "market", "yoy growth of french rooftop (distributed) additions, 2024 vs 2023?",
    "change", [(pct(a, b), PC)], [], "France Distributed Annual HP: (2024-2023)/2023 x 100")

a, b = mv("real", "Germany", 2025, conn="Distributed", scen=MP), mv("real", "Germany", 2030, conn="Distributed", scen=MP)
add("real", "market",
    "What CAGR does the most probable forecast imply for Germany's distributed additions from 2025 to 2030?",
    "change", [(cagr(a, b, 5), PC)], [], "Germany Distributed Annual Forecast MP: (2030/2025)^(1/5)-1")

# ================================================================= REAL market: compare
a, b = mv("real", "Austria", 2024, conn="Distributed"), mv("real", "Switzerland", 2024, conn="Distributed")
add("real", "market", "Alpine markets could share one sales team. Austria vs Switzerland: distributed PV additions in 2024?",
    "compare", [(a, MW), (b, MW)], ["Austria" if a > b else "Switzerland"],
    "Distributed Annual HP 2024 for Austria and Switzerland")

vals = {c: mv("real", c, 2024, "Cumulative", "Distributed") for c in ["Belgium", "Netherlands", "Austria"]}
add("real", "market",
    "Benelux + Austria check: compare cumulative distributed capacity in Belgium, the Netherlands and Austria at end of 2024",
    "compare", [(x, MW) for x in vals.values()], [max(vals, key=vals.get)],
    "Distributed Cumulative HP 2024 for BE, NL, AT; largest named")

a, b = mv("real", "UK", 2024), mv("real", "Poland", 2024)
add("real", "market", "Who added more PV in 2024, the UK or Poland — and by how many MW?",
    "compare", [(a, MW), (b, MW), (abs(a - b), MW)], ["Poland" if b > a else "UK"],
    "Total Annual HP 2024 for UK and Poland; difference")

# ================================================================= REAL market: extremes
def hist_series(data, terr, conn="Total", typ="Annual", y0=None, y1=None):
    df = MARKETS[data]
    s = df[(df.Territory == terr) & (df.Scenario == HP) & (df.Connection == conn) & (df.Type == typ)]
    if y0:
        s = s[s.Year >= y0]
    if y1:
        s = s[s.Year <= y1]
    return {int(y): float(c) for y, c in zip(s.Year, s["Capacity(MW)"])}


sv = hist_series("real", "Spain", "Distributed")
y, val = peak(sv)
add("real", "market", "In the historical data, which year did Spain's distributed additions peak, and at how much?",
    "extreme", [(val, MW)], [str(y)], "Spain Distributed Annual HP, all historical years, max")


sv = hist_series("real", "Germany")
y, val = peak(sv)
add("real", "market", "What was Germany's record year for PV installations (historical, all segments)?",
    "extreme", [(val, MW)], [str(y)], "Germany Total Annual HP, all historical years, max")

sv = hist_series("real", "Netherlands", "Distributed", y0=2015, y1=2024)
assert len(sv) == 10
y, val = peak(sv, low=True)
add("real", "market", "Lowest year for Dutch distributed PV additions between 2015 and 2024?",
    "extreme", [(val, MW)], [str(y)], "Netherlands Distributed Annual HP 2015-2024, min")

sv = hist_series("real", "Belgium", "Distributed")
y, val = peak(sv)
add("real", "market", "belgium - peak year for distributed installs so far?",
    "extreme", [(val, MW)], [str(y)], "Belgium Distributed Annual HP, all historical years, max")

# ================================================================= REAL market: averages / sums
sv = series_years("real", "Italy", range(2020, 2025), conn="Distributed")
add("real", "market", "Average annual distrbuted additions in Italy over 2020-2024?",
    "average", [(sum(sv.values()) / len(sv), MW)], [], "mean of Italy Distributed Annual HP 2020..2024")

sv = series_years("real", "Poland", range(2025, 2031), scen=MP)
add("real", "market",
    "Poland pipeline planning — what's the average yearly PV market there over 2025-2030 in the most probable forecast?",
    "average", [(sum(sv.values()) / len(sv), MW)], [], "mean of Poland Total Annual Forecast MP 2025..2030")

sv = series_years("real", "Czech Republic", range(2022, 2025), conn="Distributed")
add("real", "market", "avg czech rooftop (distributed) additions per year 2022-24?",
    "average", [(sum(sv.values()) / len(sv), MW)], [], "mean of Czech Republic Distributed Annual HP 2022..2024")

vals = [mv("real", c, 2024, conn="Distributed") for c in ["Germany", "France", "Italy"]]
add("real", "market",
    "Our launch markets are DE, FR and IT. Total distributed PV added across the three in 2024?",
    "sum", [(sum(vals), MW)], [], "sum of Distributed Annual HP 2024 for Germany, France, Italy")

sv = series_years("real", "Spain", range(2025, 2031), conn="Distributed", scen=LO)
add("real", "market",
    "Conservative case for Spain: how much distributed capacity gets added in total over 2025-2030 in the low scenario?",
    "sum", [(sum(sv.values()), MW)], [], "sum of Spain Distributed Annual Forecast Low 2025..2030")

# ================================================================= REAL market: first / latest
ly = last_hist(RM, "Greece")
v = mv("real", "Greece", ly)
add("real", "market", "What's the latest year of actual (historical) data for Greece, and how much PV did it add that year?",
    "first_latest", [(v, MW)], [str(ly)], "last Historical Primary year for Greece; Total Annual that year")

sv = hist_series("real", "Poland", "Distributed")
fy = min(y for y, x in sv.items() if x > 1000)
add("real", "market", "We only enter once rooftop volumes are GW-scale. When did Poland first add more than 1 GW of distributed PV in a single year?",
    "first_latest", [(sv[fy], MW)], [str(fy)], "first HP year with Poland Distributed Annual > 1000 MW")

sv = hist_series("real", "Germany", "Total")
fy = min(y for y, x in sv.items() if x > 10000)
add("real", "market",
    "historically, what was the first year Germany installed over 10,000 MW in a single year?",
    "first_latest", [(sv[fy], MW)], [str(fy)], "first HP year with Germany Total Annual > 10000 MW")

# ================================================================= REAL market: follow-up chains
a = mv("real", "Spain", 2023, conn="Distributed")
add("real", "market", ["How much distributed PV did Italy add in 2023?", "and Spain?"],
    "follow_up", [(a, MW)], [], "Spain 2023 HP Distributed Annual")

a = mv("real", "France", 2028, conn="Distributed", scen=HI)
add("real", "market",
    ["France distributed additions in 2028, most probable scenario?", "same for the high scenario"],
    "follow_up", [(a, MW)], [], "France 2028 Forecast High Distributed Annual")

top = rank("real", EU27, 2024, conn="Distributed", n=3)
add("real", "market",
    ["Top 3 EU countries by total PV additions in 2024?", "ok now the top 3 by distributed additions only"],
    "follow_up", [(x[1], MW) for x in top], [x[0] for x in top],
    "EU-27 countries, 2024 HP Distributed Annual, top 3")

d_, t_ = mv("real", "Poland", 2020, conn="Distributed"), mv("real", "Poland", 2020)
add("real", "market",
    ["what share of Polands PV additions in 2024 were distributed?", "and back in 2020?"],
    "follow_up", [(d_ / t_ * 100, PC)], [], "Poland 2020 HP Annual: Distributed / Total x 100")

sv = series_years("real", "Switzerland", range(2020, 2025), conn="Distributed")
add("real", "market",
    ["Swiss distributed PV additions 2020-2024 please", "chart that", "what's the average over those five years?"],
    "follow_up", [(sum(sv.values()) / 5, MW)], [], "mean of Switzerland Distributed Annual HP 2020..2024")

a, b = mv("real", "Netherlands", 2019, "Cumulative", "Distributed"), mv("real", "Netherlands", 2024, "Cumulative", "Distributed")
add("real", "market",
    ["Netherlands' cumulative distributed capacity end of 2024?", "how much has that grown since 2019 in %?"],
    "follow_up", [(pct(a, b), PC)], [], "Netherlands Distributed Cumulative HP: (2024-2019)/2019 x 100")

top = rank("real", countries(RM), 2023, n=1)
add("real", "market",
    ["Which country added the most PV in the world in 2023?", "and which EU country led that year?"],
    "follow_up", [(x[1], MW) for x in rank("real", EU27, 2023, n=1)], [rank("real", EU27, 2023, n=1)[0][0]],
    "EU-27 countries, 2023 HP Total Annual, top 1")

a, b = mv("real", "Hungary", 2030, scen=LO), mv("real", "Hungary", 2030, scen=HI)
add("real", "market",
    ["Hungary 2030 PV additions, low scenario?", "and high?", "what's the gap between the two in MW?"],
    "follow_up", [(b - a, MW)], [], "Hungary 2030 Total Annual: Forecast High - Forecast Low")

# ================================================================= REAL prices
v, dt, u = p_latest("real", "Module", "n-type TOPCon", "EU")
add("real", "price", "Pricing the PV kit in our bundle. Latest EU price for n-type TOPCon modules?",
    "price", [(v, u)], [], f"prices parquet: Module / n-type TOPCon / EU, latest date {dt.date()}")

vals = {r: p_latest("real", "Module", "n-type TOPCon", r) for r in ["EU", "US", "China"]}
add("real", "price",
    "For the bundle cost model — compare the latest TOPCon module price in the EU, the US and China",
    "price", [(x[0], x[2]) for x in vals.values()], [min(vals, key=lambda k: vals[k][0])],
    "Module / n-type TOPCon latest in EU, US, China; cheapest region named; dates "
    + ", ".join(f"{k} {x[1].date()}" for k, x in vals.items()))

s, u = p_range("real", "Module", "p-type mono-Si PERC M10", "EU")
hi_v, hi_d = p_ext(s)
lo_v, lo_d = p_ext(s, low=True)
add("real", "price",
    "Min and max of the EU PERC M10 module price over the whole series, and when?",
    "price", [(lo_v, u), (hi_v, u)], [str(lo_d.year), str(hi_d.year)],
    f"Module / p-type mono-Si PERC M10 / EU, full series: min {lo_d.date()}, max {hi_d.date()}")

v, u = p_month("real", "Copper", "Copper", "Overseas", "2024-03")
add("real", "price", "Copper matters for our heat pumps too, fwiw. Copper price in March 2024?",
    "price", [(v, u)], [], "Copper / Copper / Overseas, monthly, 2024-03")

a, u = p_month("real", "Aluminium", "Aluminium", "Overseas", "2024-01")
b, _ = p_month("real", "Aluminium", "Aluminium", "Overseas", "2025-01")
add("real", "price",
    "Mounting rails are mostly aluminium. How much did the aluminium price change from January 2024 to January 2025, in %?",
    "price", [(pct(a, b), PC)], [], "Aluminium monthly: (2025-01 - 2024-01)/2024-01 x 100")

s, u = p_range("real", "Module", "n-type HJT", "EU", "2024-01-01", "2024-12-31")
add("real", "price", "average EU HJT module price across the 2024 quotes?",
    "price", [(s.base_price.mean(), u)], [],
    f"mean of Module / n-type HJT / EU observations dated in 2024 ({len(s)} weekly quotes)")

s, u = pser("real", "Module", "n-type TOPCon", "EU")
add("real", "price",
    "How far have EU TOPCon module prices fallen from the first quote in the series to the latest one, in %?",
    "price", [(pct(s.base_price.iloc[0], s.base_price.iloc[-1]), PC)], [],
    f"Module / n-type TOPCon / EU: first {s.date.iloc[0].date()} to latest {s.date.iloc[-1].date()}")

v, u = p_month("real", "Silver", "Silver", "Overseas", "2025-01", unit="K US$/t")
add("real", "price", "silver price in Jan 2025?",
    "price", [(v, u)], [], "Silver / Overseas, monthly, 2025-01 (series in K US$/t)")

# ================================================================= REAL unanswerable
UA = []


def ua(data, agent, turns, why, kind="unanswerable"):
    add(data, agent, turns, kind, answerable=False, why=why, how="not in the data")


ua("real", "market", "We sell heat pumps, so: how many heat pumps were installed in Germany in 2023?",
   "heat pumps are not in the data; only solar PV capacity")
ua("real", "market",
   "Lots of competitors bundle a battery. What's the residential battery storage attach rate on new Italian rooftop PV systems?",
   "battery storage / attach rates are not in the data")
ua("real", "market", "How much solar thermal capacity (collectors for hot water) does Austria have?",
   "solar thermal is a different technology; data covers PV only")
ua("real", "market", "For the customer savings calculator: what's the LCOE of a residential PV system in Spain?",
   "LCOE is not a measure the data holds")
ua("real", "market", "How many TWh did solar generate in France in 2024?",
   "electricity generation is not in the data; only installed capacity")
ua("real", "market", "What's the current German feed-in tariff for small rooftop systems?",
   "tariffs / policy support levels are not in the data")
ua("real", "market", "Finance wants euros, not MW. What was the Italian rooftop PV market worth in 2024 in EUR?",
   "market value in currency is not in the data; only MW")
ua("real", "market",
   "We need the installed base for the business case: what will Germany's cumulative PV capacity be in 2030 (most probable)?",
   "forecast cumulative values in the loaded CSV are running sums of forecast additions and exclude the installed base")
ua("real", "market", "What does the forecast say for Italy's PV additions in 2035?",
   "forecasts end in 2030")
ua("real", "market", "Our German pilot is in Munich. How much rooftop PV was installed in Bavaria in 2024?",
   "sub-national regions such as Bavaria are not in the data")
ua("real", "market",
   "We only target homeowners. Of Germany's 2024 distributed additions, how much was residential vs commercial rooftops?",
   "the data splits only centralised / distributed / off-grid, not residential vs commercial")
ua("real", "market", "Ukraine's PV additions in 2027 in the low scenario?",
   "Ukraine has no low-scenario forecast in the data (only high and most probable)")
ua("real", "market", "Sweden off-grid PV additions forecast for 2027?",
   "forecasts carry no off-grid segment; only total, centralised and distributed")
ua("real", "market", "How much PV did Germany install in Q1 2024?",
   "market data is annual only; no quarterly figures")
ua("real", "market", "And how much wind capacity did Denmark add in 2024?",
   "wind power is not in the data; PV only")
ua("real", "price", "Inverter is the other big ticket item in the bundle BOM. Latest price for residential string inverters per Wp in the EU?",
   "inverters are not among the price items")
ua("real", "price", "Latest TOPCon module price in India?",
   "n-type TOPCon module prices exist only for China, EU, Overseas and US; no India series")
ua("real", "price", "Silver drives cell costs, want the longer history. What was the silver price in 2019?",
   "silver series starts in January 2020")
ua("real", "price", "What share of a TOPCon module's price is the cell?",
   "a share of one price in another is not something the price data gives; different series, no cost breakdown")
ua("real", "manufacturer_financial", "Benchmarking vs the big Chinese players: what was LONGi's revenue in FY2024?",
   "LONGi is not in the financials data (sample companies only)")

# ================================================================= FINANCIALS (sample file, both instances)
H, A, N, S = ("Helios Modules Ltd (sample)", "Aurora PV Group (sample)",
              "Nordlicht Solar AG (sample)", "SunForge Energy (sample)")
v, u = fv(H, "FY2024", "Revenue")
add("real", "manufacturer_financial", "Checking supplier health before we sign. Helios Modules revenue for FY2024?",
    "financial", [(v, u)], [], "financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fv(S, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "SunForge Energy gross margin in Q4 2024?",
    "financial", [(v, u)], [], "financials: SunForge Energy (sample), 2024-Q4, Gross margin")

ships = {c: fv(c, "FY2024", "Module shipments")[0] for c in [H, A, N, S]}
best = max(ships, key=ships.get)
add("real", "manufacturer_financial",
    "Shortlisting module suppliers by scale. Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [(ships[best], "GW")], [best.split()[0]],
    "financials: Module shipments FY2024 across all companies, max")

a, _ = fv(A, "FY2023", "Net income")
b, _ = fv(A, "FY2024", "Net income")
add("real", "manufacturer_financial", "Aurora PV Group's net income, FY2023 vs FY2024 — change in %?",
    "financial", [(a, "USD million"), (b, "USD million"), (pct(a, b), PC)], [],
    "financials: Aurora Net income FY2023, FY2024; % change")

v, u = fv(N, "2024-Q4", "Production capacity")
add("real", "manufacturer_financial",
    "Nordlicht Solar is a possible EU-made module supplier for us. What was their production capacity in 2024-Q4?",
    "financial", [(v, u)], [], "financials: Nordlicht Solar AG (sample), 2024-Q4, Production capacity")

a, u = fv(H, "FY2024", "Gross margin")
b, _ = fv(S, "FY2024", "Gross margin")
add("sample", "manufacturer_financial", "Compare Helios and SunForge gross margins for FY2024",
    "financial", [(a, u), (b, u)], ["Helios" if a > b else "SunForge"],
    "financials: Gross margin FY2024 for Helios and SunForge")

qs = [fv(A, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "avg quarterly gross margin for Aurora PV across the four quarters of 2024?",
    "financial", [(sum(qs) / 4, PC)], [], "mean of Aurora Gross margin 2024-Q1..Q4")

qn = {f"{y}-Q{i}": fv(H, f"{y}-Q{i}", "Net income")[0] for y in (2023, 2024) for i in range(1, 5)}
lq = min(qn, key=qn.get)
add("sample", "manufacturer_financial", "Helios: which quarter had the lowest net income, and how much was it?",
    "financial", [(qn[lq], "USD million")], [lq.split("-")[1], lq.split("-")[0]],
    "financials: Helios Net income over 2023-Q1..2024-Q4, min")

a, u = fv(N, "2023-Q4", "Revenue")
b, _ = fv(N, "2024-Q4", "Revenue")
add("sample", "manufacturer_financial", "Nordlicht revenue Q4 2024 vs Q4 2023, yoy %?",
    "financial", [(pct(a, b), PC)], [], "financials: Nordlicht Revenue (2024-Q4 - 2023-Q4)/2023-Q4 x 100")

v, u = fv(A, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["Helios Modules revenue FY2024?", "and Aurora?"],
    "follow_up", [(v, u)], [], "financials: Aurora PV Group (sample), FY2024, Revenue")

ua("sample", "manufacturer_financial", "Our CFO looks at EBITDA first. What was Helios Modules' EBITDA in FY2024?",
   "EBITDA is not among the financial metrics (revenue, gross margin, net income, shipments, capacity)")
ua("sample", "manufacturer_financial", "SunForge revenue in 2022?",
   "financials cover 2023 and 2024 only")
ua("sample", "manufacturer_financial", "How many inverters did Aurora PV ship in 2024?",
   "inverter shipments are not in the data; only module shipments")

# ================================================================= SAMPLE market
v = mv("sample", "Italy", 2023, conn="Distributed")
add("sample", "market", "How much distributed PV did Italy install in 2023?",
    "lookup", [(v, MW)], [], "sample market: Italy 2023 HP Distributed Annual")

v = mv("sample", "Germany", 2030, "Cumulative", scen=MP)
add("sample", "market",
    "For the 2030 TAM: Germany's cumulative PV capacity in 2030, most probable?",
    "lookup", [(v, MW)], [], "sample market: Germany 2030 Forecast MP Total Cumulative")

top = rank("sample", countries(SM), 2024, conn="Distributed", n=3)
add("sample", "market", "Which markets get the first rooftop + heat pump bundle? Start me with the top 3 countries by distributed additions in 2024",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "sample market: all countries, 2024 HP Distributed Annual, top 3")

six = ["Germany", "Spain", "Italy", "France", "Netherlands", "Poland"]
top = rank("sample", six, 2030, "Cumulative", scen=HI)
add("sample", "market",
    "Rank Germany, Spain, Italy, France, the Netherlands and Poland by cumulative PV capacity in 2030 under the high scenario",
    "rank", [(x[1], MW) for x in top], [x[0] for x in top],
    "sample market: six countries, 2030 Forecast High Total Cumulative, sorted desc")

a, b = mv("sample", "Germany", 2024), mv("sample", "World", 2024)
add("sample", "market", "Germany's share of world PV additions in 2024?",
    "share", [(a / b * 100, PC)], [], "sample market: Germany / World, 2024 HP Total Annual x 100")

a, b = mv("sample", "Poland", 2024, "Cumulative", "Distributed"), mv("sample", "Poland", 2024, "Cumulative")
add("sample", "market",
    "Heat pumps pair best with rooftop PV. What share of Poland's installed PV base at end of 2024 is distributed?",
    "share", [(a / b * 100, PC)], [], "sample market: Poland 2024 HP Cumulative Distributed / Total x 100")

a, b = mv("sample", "France", 2015, "Cumulative"), mv("sample", "France", 2024, "Cumulative")
add("sample", "market", "CAGR of France's cumulative PV capacity 2015-2024?",
    "change", [(cagr(a, b, 9), PC)], [], "sample market: France Total Cumulative HP (2024/2015)^(1/9)-1")

a, b = mv("sample", "Netherlands", 2023, conn="Distributed"), mv("sample", "Netherlands", 2024, conn="Distributed")
add("sample", "market", "Dutch distributed additions 2024 vs 2023 - how much did they drop, in %?",
    "change", [(pct(a, b), PC)], [], "sample market: Netherlands Distributed Annual HP (2024-2023)/2023 x 100")

a, b = mv("sample", "Netherlands", 2022, conn="Distributed"), mv("sample", "Poland", 2022, conn="Distributed")
add("sample", "market", "NL vs PL distributed additions in 2022?",
    "compare", [(a, MW), (b, MW)], ["Poland" if b > a else "Netherlands"],
    "sample market: Distributed Annual HP 2022 for Netherlands and Poland")

vals = {c: mv("sample", c, 2024) for c in ["Spain", "Italy", "France"]}
add("sample", "market", "Southern Europe sanity check: compare 2024 PV additions in Spain, Italy and France",
    "compare", [(x, MW) for x in vals.values()], [max(vals, key=vals.get)],
    "sample market: Total Annual HP 2024 for ES, IT, FR; largest named")

sv = hist_series("sample", "Spain")
y, val = peak(sv)
add("sample", "market", "Spain's record year for PV additions in the historical data?",
    "extreme", [(val, MW)], [str(y)], "sample market: Spain Total Annual HP, max")

sv = hist_series("sample", "Poland", "Distributed")
y, val = peak(sv)
add("sample", "market", "which year did Poland's distributed market peak (historical)?",
    "extreme", [(val, MW)], [str(y)], "sample market: Poland Distributed Annual HP, max")

sv = series_years("sample", "Poland", range(2020, 2025))
add("sample", "market", "Poland's average annual PV additions 2020-2024?",
    "average", [(sum(sv.values()) / 5, MW)], [], "sample market: mean Poland Total Annual HP 2020..2024")

sv = series_years("sample", "France", range(2025, 2031), conn="Distributed", scen=MP)
add("sample", "market",
    "Avg yearly French distributed additions expected 2025-2030 (most probable)?",
    "average", [(sum(sv.values()) / 6, MW)], [], "sample market: mean France Distributed Annual Forecast MP 2025..2030")

vals = [mv("sample", c, 2024, conn="Distributed") for c in six]
add("sample", "market",
    "Rough TAM for our six target markets: sum of 2024 distributed additions across Germany, Spain, Italy, France, the Netherlands and Poland?",
    "sum", [(sum(vals), MW)], [], "sample market: sum Distributed Annual HP 2024 over six countries")

sv = series_years("sample", "Italy", range(2025, 2031), scen=HI)
add("sample", "market", "Total Italian PV additions 2025-2030 in the high scenario?",
    "sum", [(sum(sv.values()), MW)], [], "sample market: sum Italy Total Annual Forecast High 2025..2030")

sv = hist_series("sample", "Netherlands")
fy = min(y for y, x in sv.items() if x > 2000)
add("sample", "market", "First year the Netherlands added more than 2 GW of PV?",
    "first_latest", [(sv[fy], MW)], [str(fy)], "sample market: first HP year with Netherlands Total Annual > 2000 MW")

ly = last_hist(SM, "France")
v = mv("sample", "France", ly, "Cumulative")
add("sample", "market", "Most recent actual installed base for France — which year and how much?",
    "first_latest", [(v, MW)], [str(ly)], "sample market: last HP year for France, Total Cumulative")

# sample follow-ups
v = mv("sample", "Spain", 2030, "Cumulative", scen=HI)
add("sample", "market",
    ["Spain's cumulative PV capacity in 2030, most probable?", "high scenario?"],
    "follow_up", [(v, MW)], [], "sample market: Spain 2030 Forecast High Total Cumulative")

a, b = mv("sample", "France", 2024, conn="Distributed"), mv("sample", "France", 2024)
add("sample", "market",
    ["France distributed additions 2024?", "what share of France's total 2024 additions is that?"],
    "follow_up", [(a / b * 100, PC)], [], "sample market: France 2024 HP Annual Distributed / Total x 100")

sv = series_years("sample", "Germany", range(2019, 2025), conn="Distributed")
add("sample", "market",
    ["Germany distributed additions 2019-2024?", "as a chart pls", "what's the CAGR over that period?"],
    "follow_up", [(cagr(sv[2019], sv[2024], 5), PC)], [],
    "sample market: Germany Distributed Annual HP (2024/2019)^(1/5)-1")

# sample unanswerable (market)
ua("sample", "market", "Thinking about adding Austria to the rollout. Austria's distributed PV additions in 2023?",
   "Austria is not in the loaded (sample) market data")
ua("sample", "market", "Sizing the PV part of the bundle per home — what's the average rooftop system size in kW in the Netherlands?",
   "system sizes are not in the data; only aggregate MW")
ua("sample", "market", ["Italy's PV additions in 2024?", "how many installer jobs does that support?"],
   "employment is not in the data")
# ================================================================= SAMPLE prices
v, u = p_month("sample", "Module", "n-type TOPCon", "EU", "2024-12")
add("sample", "price", "EU TOPCon module price in December 2024?",
    "price", [(v, u)], [], "sample prices: Module / n-type TOPCon / EU, 2024-12")

s, u = p_range("sample", "Module", "n-type HJT", "EU", "2023-01-01", "2023-12-31")
hv, hd = p_ext(s)
add("sample", "price", "What was the highest EU HJT module price during 2023, and in which month?",
    "price", [(hv, u)], [hd.strftime("%B")], f"sample prices: Module / n-type HJT / EU, 2023, max at {hd.date()}")

a, u = p_month("sample", "Module", "p-type mono-Si PERC M10", "China", "2023-01")
b, _ = p_month("sample", "Module", "p-type mono-Si PERC M10", "China", "2024-12")
add("sample", "price",
    "Module prices keep falling, want one number for the deck. How much did Chinese PERC M10 module prices change from Jan 2023 to Dec 2024, in %?",
    "price", [(pct(a, b), PC)], [], "sample prices: Module / PERC M10 / China (2024-12 - 2023-01)/2023-01 x 100")

s, u = p_range("sample", "Polysilicon", "High purity - 9N/9N+", "China", "2024-01-01", "2024-12-31")
add("sample", "price", "Average Chinese 9N polysilicon price over 2024?",
    "price", [(s.base_price.mean(), u)], [], "sample prices: mean Polysilicon 9N/9N+ China, 2024-01..2024-12")

vals = {r: p_latest("sample", "Module", "n-type HJT", r) for r in ["China", "EU", "India", "US"]}
cheap = max(vals, key=lambda k: vals[k][0])
add("sample", "price",
    "Where are HJT modules most expensive right now — China, EU, India or US? latest price pls",
    "price", [(vals[cheap][0], vals[cheap][2])], [cheap],
    "sample prices: Module / n-type HJT latest per region, max")

s, u = p_range("sample", "Wafer", "n-type mono-Si M10", "China")
lv, ld = p_ext(s, low=True)
add("sample", "price", "Lowest month for Chinese n-type M10 wafer prices, and the price?",
    "price", [(lv, u)], [ld.strftime("%B"), str(ld.year)], f"sample prices: Wafer / n-type M10 / China min at {ld.date()}")

a, u = p_month("sample", "Module", "n-type TOPCon", "China", "2024-12")
add("sample", "price", ["EU TOPCon module price Dec 2024?", "and China?"],
    "follow_up", [(a, u)], [], "sample prices: Module / n-type TOPCon / China, 2024-12")

s, u = p_range("sample", "Cell", "n-type TOPCon M10", "EU", "2024-01-01", "2024-12-31")
hv, hd = p_ext(s)
lv, ld = p_ext(s, low=True)
add("sample", "price",
    ["EU TOPCon M10 cell price, latest?", "min and max during 2024?"],
    "follow_up", [(lv, u), (hv, u)], [], f"sample prices: Cell / n-type TOPCon M10 / EU, 2024 min {ld.date()} max {hd.date()}")

ua("sample", "price", "Our heat pump coils use a lot of copper. What's the latest copper price?",
   "copper is not among the sample price items")
ua("sample", "price", "TOPCon module price in Japan, latest?",
   "Japan is not a region in the sample prices")
ua("sample", "price", "Latest price for heat pump compressors?",
   "heat pump components are not in the price data")
ua("sample", "price", "What's the efficiency of current TOPCon modules vs HJT?",
   "module efficiency is not in the data; only prices")

# ================================================================= finish
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"heatpump-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- self-check
ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_ua = sum(not it["answerable"] for it in ITEMS)
assert n_ua >= 28, n_ua
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
ctx = sum(1 for it in ITEMS if any(c in it["turns"][0] for c in (". ", "? ", ": ", " — ", " - ")))
print(f"items: {len(ITEMS)}  unanswerable: {n_ua}  multi-turn chains: {chains}  with context/lead-in: {ctx}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {n}")
