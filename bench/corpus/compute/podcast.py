#!/usr/bin/env python3
"""Writer `podcast`: computes every expected figure from the data files and writes questions.jsonl.

Persona: host of a clean-energy podcast prepping an episode; chatty, spoken style.
No expected number is typed by hand: every figure below comes from pandas.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "podcast"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {
    "high": "Forecast - High",
    "low": "Forecast - Low",
    "mp": "Forecast - Most probable",
    "hist": "Historical Primary",
}


# ----------------------------------------------------------------------------- loading
def load_market(path, real):
    df = pd.read_csv(path)
    df = df.drop_duplicates()
    # after exact duplicates, some rows still repeat the key and differ only in metadata
    # columns (AC/DC, Estimated/Confirmed); make sure the capacity never conflicts.
    conflicts = df.groupby(KEY)["Capacity(MW)"].nunique()
    assert (conflicts <= 1).all(), "conflicting capacities for one key"
    df = df.drop_duplicates(subset=KEY)
    df.attrs["real"] = real
    return df


RM = load_market(REAL_MARKET, True)
SM = load_market(SAMPLE_MARKET, False)

RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FIN = pd.read_csv(FINANCIALS)


# ----------------------------------------------------------------------------- market helpers
def last_hist(df, terr):
    y = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])].Year
    assert len(y), terr
    return int(y.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist(df, terr) else SCEN["mp"]


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    if df.attrs["real"] and typ == "Cumulative" and s.startswith("Forecast"):
        raise ValueError("forecast cumulative in the real CSV excludes the installed base")
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, s, conn, typ, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return [mv(df, terr, y, typ, conn, scen) for y in years]


def rank(df, year, n, typ="Annual", conn="Total", scen=None, countries_only=True):
    s = SCEN[scen] if scen else (SCEN["hist"] if year <= 2024 else SCEN["mp"])
    r = df[(df.Year == year) & (df.Scenario == s) & (df.Connection == conn) & (df.Type == typ)]
    if countries_only:
        r = r[~r.Territory.isin(AGGREGATES)]
    r = r.sort_values("Capacity(MW)", ascending=False)
    vals = r["Capacity(MW)"].tolist()
    assert len(vals) > n and vals[n - 1] != vals[n], "tie at the cut-off"
    top = r.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def hist_rows(df, terr, typ="Annual", conn="Total", y0=None, y1=None):
    r = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"]) & (df.Connection == conn)
           & (df.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return r.sort_values("Year")


def extreme(r, which="max"):
    v = r["Capacity(MW)"].max() if which == "max" else r["Capacity(MW)"].min()
    hit = r[r["Capacity(MW)"] == v]
    assert len(hit) == 1, "tie for the extreme"
    return int(hit.Year.iloc[0]), float(v)


def pct(first, last):
    return (last - first) / first * 100.0


def cagr(first, last, years):
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
def ps(p, item, desc, region, unit=None):
    s = p[(p["item"] == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s), (item, desc, region)
    assert s.unit.nunique() == 1, "mixed units"
    return s.sort_values("date")


def one(rows):
    assert len(rows) == 1, len(rows)
    return float(rows.base_price.iloc[0])


def p_latest(s):
    d = s.date.max()
    return one(s[s.date == d]), d


def p_month(s, y, m):
    return one(s[(s.date.dt.year == y) & (s.date.dt.month == m)])


def p_on(s, date):
    return one(s[s.date == pd.Timestamp(date)])


def p_ext(s, which="max"):
    v = s.base_price.max() if which == "max" else s.base_price.min()
    dates = sorted(set(s[s.base_price == v].date))
    return float(v), dates


def unit_of(s):
    return s.unit.iloc[0]


# ----------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


CO = {
    "helios": "Helios Modules Ltd (sample)",
    "sunforge": "SunForge Energy (sample)",
    "aurora": "Aurora PV Group (sample)",
    "nordlicht": "Nordlicht Solar AG (sample)",
}
SHORT = {v: k for k, v in CO.items()}
SHORTNAME = {"helios": "Helios", "sunforge": "SunForge", "aurora": "Aurora", "nordlicht": "Nordlicht"}


# ----------------------------------------------------------------------------- item builder
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": list(expect),
        "names": [str(n) for n in names],
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["expect"] = []
        item["names"] = []
    ITEMS.append(item)
    return item


MW = "MW"
R, S = "real", "sample"

# ============================================================================= REAL: market
# --- lookups
add(R, "market",
    "Okay so this week's episode is basically all about Brazil, which has been on an absolute tear. "
    "How much solar did Brazil actually install in 2024?",
    "lookup", [E(mv(RM, "Brazil", 2024), MW)],
    how="market CSV: Brazil, 2024, Historical Primary, Total, Annual")

add(R, "market",
    "What's Germany's installed base at the end of twenty twenty-three? Like the whole fleet, all segments.",
    "lookup", [E(mv(RM, "Germany", 2023, "Cumulative"), MW)],
    how="market CSV: Germany, 2023, Historical Primary, Total, Cumulative")

add(R, "market",
    "Pakistan's rooftop boom is kind of the story of the year, right? So how many MW of distributed "
    "PV did Pakistan add in 2024?",
    "lookup", [E(mv(RM, "Pakistan", 2024, conn="Distributed"), MW)],
    how="market CSV: Pakistan, 2024, Historical Primary, Distributed, Annual")

add(R, "market",
    "We're doing an Italy deep-dive next week. So looking ahead a bit... what's the most probable "
    "forecast for new PV in Italy in 2027?",
    "lookup", [E(mv(RM, "Italy", 2027, scen="mp"), MW)],
    how="market CSV: Italy, 2027, Forecast - Most probable, Total, Annual")

add(R, "market",
    "Poland, high scenario, 2030. How much centralised capacity gets added that year?",
    "lookup", [E(mv(RM, "Poland", 2030, conn="Centralised", scen="high"), MW)],
    how="market CSV: Poland, 2030, Forecast - High, Centralised, Annual")

# --- rankings (countries only)
n5, v5 = rank(RM, 2024, 5)
add(R, "market", "The cold open of the episode is basically a leaderboard. Top five countries for new solar installs "
    "in 2024 - go.",
    "rank", [E(v, MW) for v in v5], n5,
    how="market CSV: 2024, Historical Primary, Total, Annual; countries only (aggregates excluded), top 5")

n3, v3 = rank(RM, 2024, 3, typ="Cumulative")
add(R, "market",
    "So we keep saying 'installed base' on the show. Which three countries had the biggest cumulative "
    "PV capacity at the end of 2024?",
    "rank", [E(v, MW) for v in v3], n3,
    how="market CSV: 2024, Historical Primary, Total, Cumulative; countries only, top 3")

n3, v3 = rank(RM, 2023, 3, conn="Distributed")
add(R, "market",
    "Rooftops are the theme this month. Who were the top 3 countries for distributed additions in 2023?",
    "rank", [E(v, MW) for v in v3], n3,
    how="market CSV: 2023, Historical Primary, Distributed, Annual; countries only, top 3")

n3, v3 = rank(RM, 2030, 3, scen="mp")
add(R, "market",
    "For our Europe outlook segment: in the most probable scenario, which three countries add the most "
    "PV in 2030?",
    "rank", [E(v, MW) for v in v3], n3,
    how="market CSV: 2030, Forecast - Most probable, Total, Annual; countries only (World/EU/Europe/"
        "sub-regions excluded), top 3")

# --- shares
add(R, "market",
    "China is basically the elephant in the room on every episode. What share of global installations did "
    "China grab in 2024? Give me the actual percentage.",
    "share", [E(mv(RM, "China", 2024) / mv(RM, "World", 2024) * 100, "%")],
    how="China / World, 2024, Historical Primary, Total, Annual x100")

add(R, "market",
    "Residential solar in the States gets a lot of airtime on our show. Of everything the US added in "
    "2024, what percent was distributed?",
    "share", [E(mv(RM, "USA", 2024, conn="Distributed") / mv(RM, "USA", 2024) * 100, "%")],
    how="USA 2024 Annual: Distributed / Total x100, Historical Primary")

add(R, "market",
    "Listener question from Mumbai! What's India's slice of the world's cumulative PV at the end of "
    "2024, in percent?",
    "share", [E(mv(RM, "India", 2024, "Cumulative") / mv(RM, "World", 2024, "Cumulative") * 100, "%")],
    how="India / World, 2024, Historical Primary, Total, Cumulative x100")

add(R, "market",
    "Germany's known as a rooftop country, but in 2023 how much of its new capacity was centralised, as a %?",
    "share", [E(mv(RM, "Germany", 2023, conn="Centralised") / mv(RM, "Germany", 2023) * 100, "%")],
    how="Germany 2023 Annual: Centralised / Total x100, Historical Primary")

# --- change
a, b = mv(RM, "Spain", 2019), mv(RM, "Spain", 2024)
add(R, "market",
    "So Spain. How much did annual installations change from 2019 to 2024, in percent?",
    "change", [E(pct(a, b), "%")],
    how="Spain Annual Total Historical Primary: (2024-2019)/2019 x100")

a, b = mv(RM, "World", 2014, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(R, "market",
    "What's the CAGR of the world's installed base from 2014 to 2024? Ten years, basically.",
    "change", [E(cagr(a, b, 10), "%")],
    how="World Cumulative Total Historical Primary: (2024/2014)^(1/10)-1")

a, b = mv(RM, "Pakistan", 2023), mv(RM, "Pakistan", 2024)
add(R, "market",
    "Pakistan went from what to what? I want the absolute jump in annual installs between 2023 and "
    "2024, in MW.",
    "change", [E(a, MW), E(b, MW), E(b - a, MW)],
    how="Pakistan Annual Total Historical Primary 2023, 2024 and their difference")

a, b = mv(RM, "France", 2023), mv(RM, "France", 2024)
add(R, "market",
    "whats the year on year growth of frances new instalations in 2024?",
    "change", [E(pct(a, b), "%")],
    how="France Annual Total Historical Primary: (2024-2023)/2023 x100")

a, b = mv(RM, "Italy", 2025, scen="mp"), mv(RM, "Italy", 2030, scen="mp")
add(R, "market",
    "OK, nerdy one. CAGR for Italy's annual market in the most probable scenario, 2025 through 2030?",
    "change", [E(cagr(a, b, 5), "%")],
    how="Italy Annual Total Forecast - Most probable: (2030/2025)^(1/5)-1")

# --- compare
g, br = mv(RM, "Germany", 2024), mv(RM, "Brazil", 2024)
assert g > br
add(R, "market",
    "Germany or Brazil - who added more PV in 2024, and by how much?",
    "compare", [E(g, MW), E(br, MW), E(g - br, MW)], ["Germany"],
    how="Annual Total Historical Primary 2024 for Germany and Brazil; difference")

add(R, "market",
    "We've got guests from Tokyo, Seoul and Sydney on the panel. Can you compare Japan, Korea and "
    "Australia's cumulative capacity at the end of 2024?",
    "compare", [E(mv(RM, t, 2024, "Cumulative"), MW) for t in ["Japan", "Korea", "Australia"]],
    how="Cumulative Total Historical Primary 2024 for Japan, Korea, Australia")

# --- extremes
y, v = extreme(hist_rows(RM, "Japan"))
add(R, "market", "Japan was kind of the OG solar market. What was its record year for new PV installations?",
    "extreme", [E(v, MW)], [y],
    how="Japan Annual Total Historical Primary, max over all years")

y, v = extreme(hist_rows(RM, "Vietnam"))
add(R, "market",
    "Vietnam had that crazy feed-in tariff rush. Which year was its biggest for annual installs?",
    "extreme", [E(v, MW)], [y],
    how="Vietnam Annual Total Historical Primary, max over all years")

y, v = extreme(hist_rows(RM, "Spain", y0=2010), "min")
add(R, "market",
    "Since 2010, what was Spain's weakest year for new installations? And how low did it go?",
    "extreme", [E(v, MW)], [y],
    how="Spain Annual Total Historical Primary 2010-2024, min")

# --- average
vals = series(RM, "India", range(2020, 2025))
add(R, "market", "My co-host keeps saying India's market is lumpy. What's India's average annual install from 2020 to 2024?",
    "average", [E(sum(vals) / len(vals), MW)],
    how="mean of India Annual Total Historical Primary 2020..2024 (5 years)")

vals = series(RM, "France", range(2025, 2031), scen="mp")
add(R, "market",
    "In the most probable outlook, what does France average per year in new PV over 2025-2030?",
    "average", [E(sum(vals) / len(vals), MW)],
    how="mean of France Annual Total Forecast - Most probable 2025..2030 (6 years)")

# --- sums
vals = series(RM, "USA", range(2020, 2025))
add(R, "market", "Add up everything the US installed from twenty twenty to twenty twenty-four. Total MW?",
    "sum", [E(sum(vals), MW)],
    how="sum of USA Annual Total Historical Primary 2020..2024")

vals = series(RM, "Germany", range(2025, 2031), scen="high")
add(R, "market",
    "If Germany hits the high scenario, how much does it add in total over 2025 to 2030? Sum of the "
    "annual additions.",
    "sum", [E(sum(vals), MW)],
    how="sum of Germany Annual Total Forecast - High 2025..2030")

# --- first / latest
r = hist_rows(RM, "Chile")
fy = int(r.Year.min())
add(R, "market",
    "When does your data for Chile start, and how much did Chile install in that first year?",
    "first_latest", [E(mv(RM, "Chile", fy), MW)], [fy],
    how="Chile Annual Total Historical Primary: earliest year and its value")

r = hist_rows(RM, "Türkiye")
ly = int(r.Year.max())
add(R, "market",
    "For the 'where are we now' part of the show: what's the most recent year of actual installs you've "
    "got for Turkey, and how much did it add that year?",
    "first_latest", [E(mv(RM, "Türkiye", ly), MW)], [ly],
    how="Türkiye Annual Total Historical Primary: last historical year and its value")

vals = series(RM, "World", range(2020, 2025))
add(R, "market",
    "So the world's been averaging what, in new PV per year, over the five years 2020 to 2024?",
    "average", [E(sum(vals) / len(vals), MW)],
    how="mean of World Annual Total Historical Primary 2020..2024 (5 years)")

# --- follow-up chains (market)
add(R, "market",
    ["Okay so Brazil added how much in 2024?", "and Chile?"],
    "follow_up", [E(mv(RM, "Chile", 2024), MW)],
    how="Chile, 2024, Historical Primary, Total, Annual")

add(R, "market",
    ["What's the most probable forecast for Spain's annual installs in 2026?", "same for the high scenario"],
    "follow_up", [E(mv(RM, "Spain", 2026, scen="high"), MW)],
    how="Spain, 2026, Forecast - High, Total, Annual")

n5, v5 = rank(RM, 2021, 5)
add(R, "market",
    ["Top five countries for new installs in 2024?", "what about 2021?"],
    "follow_up", [E(v, MW) for v in v5], n5,
    how="2021, Historical Primary, Total, Annual; countries only, top 5")

add(R, "market",
    ["What share of the world's new PV did Germany account for in 2023?", "and in 2024?"],
    "follow_up", [E(mv(RM, "Germany", 2024) / mv(RM, "World", 2024) * 100, "%")],
    how="Germany / World, 2024, Historical Primary, Total, Annual x100")

add(R, "market",
    ["So what was Japan's best year ever for new solar?", "okay and how much did it add in 2024, for comparison?"],
    "follow_up", [E(mv(RM, "Japan", 2024), MW)],
    how="Japan, 2024, Historical Primary, Total, Annual")

add(R, "market",
    ["The Netherlands is famous for rooftops. What % of its 2024 additions were distributed?", "and France?"],
    "follow_up", [E(mv(RM, "France", 2024, conn="Distributed") / mv(RM, "France", 2024) * 100, "%")],
    how="France 2024 Annual: Distributed / Total x100, Historical Primary")

yrs = list(range(2019, 2025))
add(R, "market",
    ["Show me India's annual installations from 2019 to 2024.", "can you make that a chart?"],
    "follow_up", [E(v, MW) for v in series(RM, "India", yrs)],
    how="India Annual Total Historical Primary 2019..2024 (the charted values)")

# ============================================================================= REAL: prices
s = ps(RP, "Module", "n-type TOPCon", "US")
v, d = p_latest(s)
add(R, "price",
    ["Latest n-type TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [E(v, unit_of(s))],
    how=f"prices parquet: Module / n-type TOPCon / US, newest date {d.date()}")

s = ps(RP, "Aluminium", "Aluminium", "Overseas")
add(R, "price",
    ["We're doing a bit on balance-of-system costs. What was copper going for in March 2024?",
     "okay and aluminium, same month?"],
    "follow_up", [E(p_month(s, 2024, 3), unit_of(s))],
    how="prices parquet: Aluminium / Overseas, monthly observation dated 2024-03")

s = ps(RP, "Polysilicon", "Very high purity (12N/12N+, in China)", "China")
v, ds = p_ext(s, "max")
add(R, "price",
    "What's the highest polysilicon price you've got for the very high purity, in-China grade "
    "(12N/12N+, in China)?",
    "price", [E(v, unit_of(s))], [str(ds[0].year)] if len({d.year for d in ds}) == 1 else [],
    how="prices parquet: Polysilicon / Very high purity (12N/12N+, in China) / China, max over whole series")

s = ps(RP, "Module", "n-type TOPCon", "EU")
v, ds = p_ext(s, "min")
add(R, "price",
    "How cheap did n-type TOPCon modules get in the EU? Lowest price over the whole series.",
    "price", [E(v, unit_of(s))],
    how="prices parquet: Module / n-type TOPCon / EU, min over whole series")

s = ps(RP, "Aluminium", "Aluminium", "Overseas")
a, b = p_month(s, 2020, 1), p_month(s, 2025, 1)
add(R, "price",
    "So how much did aluminium move from January 2020 to January 2025, in percent?",
    "price", [E(pct(a, b), "%")],
    how="Aluminium / Overseas monthly: (2025-01 - 2020-01)/2020-01 x100")

s = ps(RP, "EVA", "EVA", "Overseas")
s23 = s[s.date.dt.year == 2023]
assert len(s23) == 12
add(R, "price", "EVA - the encapsulant stuff - what was its average price in 2023?",
    "price", [E(s23.base_price.mean(), unit_of(s))],
    how="mean of EVA / Overseas monthly observations dated 2023 (12 months)")

vals = {rg: p_on(ps(RP, "Module", "p-type mono-Si PERC M10", rg), "2024-03-27") for rg in ["EU", "US", "Australia"]}
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(R, "price",
    "On 27 March 2024, where were PERC M10 modules cheapest: the EU, the US or Australia?",
    "price", [E(vals[cheap], "US$/Wp")], [cheap],
    how="Module / p-type mono-Si PERC M10, date 2024-03-27, regions EU, US, Australia; min")

s = ps(RP, "Copper", "Copper", "Overseas")
v, d = p_latest(s)
add(R, "price", "Copper's the quiet cost driver in cabling. What's the latest copper price you've got?",
    "price", [E(v, unit_of(s))],
    how=f"prices parquet: Copper / Overseas, newest date {d.date()}")

s = ps(RP, "Aluminium", "Aluminium", "Overseas")
v, ds = p_ext(s, "max")
assert len(ds) == 1
add(R, "price", "When did aluminium hit its peak in the data, and what was the price?",
    "price", [E(v, unit_of(s))], [ds[0].strftime("%B"), ds[0].year],
    how="Aluminium / Overseas monthly, max over whole series and its month")

s = ps(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "Silver's a big deal for cell costs. What was the silver price in June 2024?",
    "price", [E(p_month(s, 2024, 6), unit_of(s))],
    how="Silver / Overseas (K US$/t) monthly observation dated 2024-06")

s = ps(RP, "Module", "n-type TOPCon", "US")
a, b = p_on(s, "2024-04-03"), p_on(s, "2025-03-26")
add(R, "price",
    "We're talking US module prices after the trade cases. How much did the US price for n-type TOPCon "
    "modules change between 3 April 2024 and 26 March 2025, in percent?",
    "price", [E(pct(a, b), "%")],
    how="Module / n-type TOPCon / US: (2025-03-26 - 2024-04-03)/2024-04-03 x100")

eu, us = p_latest(ps(RP, "Module", "n-type TOPCon", "EU")), p_latest(ps(RP, "Module", "n-type TOPCon", "US"))
assert eu[1] == us[1]
add(R, "price",
    "Okay so tariffs aside, how does the latest US TOPCon module price compare with the EU one? How many "
    "times higher is it?",
    "price", [E(us[0], "US$/Wp"), E(eu[0], "US$/Wp"), E(us[0] / eu[0], "x")],
    how=f"Module / n-type TOPCon latest ({eu[1].date()}) US and EU; ratio US/EU")

# ============================================================================= REAL: financials (sample file)
v, u = fv(CO["helios"], "FY2024", "Revenue")
add(R, "manufacturer_financial", "So we're doing a manufacturers-in-trouble episode. Helios Modules - what was their revenue for FY2024?",
    "financial", [E(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

ship = {c: fv(c, "FY2024", "Module shipments")[0] for c in CO.values()}
best = max(ship, key=ship.get)
add(R, "manufacturer_financial",
    "Of the manufacturers you track, who shipped the most modules in FY2024?",
    "financial", [E(ship[best], "GW")], [SHORTNAME[SHORT[best]]],
    how="financials: FY2024 Module shipments, max over companies")

a, _ = fv(CO["helios"], "FY2023", "Revenue")
b, _ = fv(CO["helios"], "FY2024", "Revenue")
add(R, "manufacturer_financial",
    ["Helios Modules revenue in FY2023?", "and FY2024?", "so what's that as a percent change?"],
    "follow_up", [E(pct(a, b), "%")],
    how="financials: Helios Revenue (FY2024-FY2023)/FY2023 x100")

# ============================================================================= REAL: unanswerable
U = []


def unans(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


unans(R, "market",
      "We're doing a wind-versus-solar episode. How much onshore wind did Germany install in 2024?",
      "wind capacity is not held; the data covers PV only")
unans(R, "market",
      "What's the LCOE of utility-scale solar in Spain right now? Like in euros per MWh.",
      "LCOE is not held; only capacity (MW) is")
unans(R, "market",
      "How many GWh did Italian PV actually generate in 2023?",
      "electricity generation (GWh) is not held; only installed capacity")
unans(R, "market",
      "Do you have jobs numbers? How many people work in US solar?",
      "employment is not held")
unans(R, "market",
      "So what was Germany's feed-in tariff for small rooftop systems in 2024?",
      "tariffs / support levels are not held")
unans(R, "market",
      "How much solar did Nigeria install in 2024?",
      "Nigeria is not a territory in the market data")
unans(R, "market",
      "Let's go long-term: what'll the world install in 2035?",
      "the data ends in 2030")
unans(R, "market",
      "For the history intro, how much PV did the world have back in 1985?",
      "the data starts in 1992")
unans(R, "market",
      ["What are Germany's most probable annual additions in 2030?",
       "so what's the total installed fleet by 2030 then, cumulative?"],
      "forecast cumulative figures in the loaded CSV exclude the installed base, so the 2030 fleet cannot be given")
unans(R, "price",
      "What's the inverter price these days, per watt?",
      "inverters are not a price item in the data")
unans(R, "price",
      "Module prices in Brazil, latest?",
      "Brazil is not a price region (regions: China, EU, US, India, Australia, Overseas)")
unans(R, "manufacturer_financial",
      "First Solar's revenue last year?",
      "First Solar is not among the companies in the financials")
unans(R, "price",
      "What share of a module's price is actually the polysilicon?",
      "a cost share / breakdown of a price is not held; prices are separate series in different units")
unans(R, "market",
      "What's the average efficiency of TOPCon modules, roughly?",
      "module efficiency is not held")
unans(R, "market",
      "How big is the Spanish solar market in euros? Like total market value in 2024.",
      "market value in EUR is not held; only capacity in MW")
unans(R, "market",
      "How much battery storage did Australia add alongside its solar in 2024?",
      "storage capacity is not held")
unans(R, "market",
      "What does the most probable scenario say for Chile in 2027?",
      "no forecast for Chile; forecasts cover only European territories and World")
unans(R, "manufacturer_financial",
      "What was Helios Modules' EBITDA in 2024?",
      "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity)")
unans(R, "market",
      "Greece is big on solar water heaters. How much solar thermal collector area was installed there in 2023?",
      "solar thermal is not held; PV only")

# ============================================================================= SAMPLE: market
add(S, "market", "okay so, Spain. How much PV did Spain add in 2023?",
    "lookup", [E(mv(SM, "Spain", 2023), MW)],
    how="sample market: Spain, 2023, Historical Primary, Total, Annual")

add(S, "market", "Poland's our surprise story of the decade. What's Poland's installed base at the end of 2024?",
    "lookup", [E(mv(SM, "Poland", 2024, "Cumulative"), MW)],
    how="sample market: Poland, 2024, Historical Primary, Total, Cumulative")

add(S, "market",
    "The Dutch are rooftop-crazy, so - Netherlands, distributed additions in 2022?",
    "lookup", [E(mv(SM, "Netherlands", 2022, conn="Distributed"), MW)],
    how="sample market: Netherlands, 2022, Historical Primary, Distributed, Annual")

add(S, "market",
    "Where does the most probable scenario put Germany's cumulative fleet in 2030?",
    "lookup", [E(mv(SM, "Germany", 2030, "Cumulative", scen="mp"), MW)],
    how="sample market: Germany, 2030, Forecast - Most probable, Total, Cumulative")

n3, v3 = rank(SM, 2024, 3)
add(S, "market", "Rank the countries by new installations in 2024 - just the top three.",
    "rank", [E(v, MW) for v in v3], n3,
    how="sample market: 2024, Historical Primary, Total, Annual; countries only, top 3")

n2, v2 = rank(SM, 2030, 2, scen="low")
add(S, "market", "In the low scenario, which two countries add the most in 2030?",
    "rank", [E(v, MW) for v in v2], n2,
    how="sample market: 2030, Forecast - Low, Total, Annual; countries only, top 2")

add(S, "market", "Germans like to think they still lead. What share of world installs did Germany have in 2024?",
    "share", [E(mv(SM, "Germany", 2024) / mv(SM, "World", 2024) * 100, "%")],
    how="sample market: Germany / World, 2024, Historical Primary, Total, Annual x100")

add(S, "market", "Italy, 2023 - what % of its additions were distributed?",
    "share", [E(mv(SM, "Italy", 2023, conn="Distributed") / mv(SM, "Italy", 2023) * 100, "%")],
    how="sample market: Italy 2023 Annual Distributed / Total x100")

add(S, "market", "Spain's share of the global installed base at the end of 2024?",
    "share", [E(mv(SM, "Spain", 2024, "Cumulative") / mv(SM, "World", 2024, "Cumulative") * 100, "%")],
    how="sample market: Spain / World, 2024, Historical Primary, Total, Cumulative x100")

a, b = mv(SM, "Poland", 2015), mv(SM, "Poland", 2024)
add(S, "market",
    "Poland is like the poster child for growth. How much did its annual market grow from 2015 to 2024, in %?",
    "change", [E(pct(a, b), "%")],
    how="sample market: Poland Annual Total Historical Primary (2024-2015)/2015 x100")

a, b = mv(SM, "France", 2015, "Cumulative"), mv(SM, "France", 2024, "Cumulative")
add(S, "market", "For the France episode I need one growth stat. CAGR of France's cumulative capacity, 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")],
    how="sample market: France Cumulative Total Historical Primary (2024/2015)^(1/9)-1")

a, b = mv(SM, "Netherlands", 2023), mv(SM, "Netherlands", 2024)
add(S, "market",
    "I heard the Dutch market actually shrank. What was the year-on-year change in new installs in 2024?",
    "change", [E(pct(a, b), "%")],
    how="sample market: Netherlands Annual Total Historical Primary (2024-2023)/2023 x100")

add(S, "market", "France vs Italy vs Spain - 2024 additions, how do they stack up?",
    "compare", [E(mv(SM, t, 2024), MW) for t in ["France", "Italy", "Spain"]],
    how="sample market: Annual Total Historical Primary 2024 for France, Italy, Spain")

g, sp = mv(SM, "Germany", 2022, "Cumulative"), mv(SM, "Spain", 2022, "Cumulative")
add(S, "market",
    "Germany or Spain, who had the bigger fleet at end of 2022 - and what's the gap?",
    "compare", [E(g, MW), E(sp, MW), E(abs(g - sp), MW)], ["Germany" if g > sp else "Spain"],
    how="sample market: Cumulative Total Historical Primary 2022, Germany and Spain; difference")

y, v = extreme(hist_rows(SM, "Poland"))
add(S, "market", "So when did Poland's annual installs peak, historically? Up to 2024 I mean.",
    "extreme", [E(v, MW)], [y],
    how="sample market: Poland Annual Total Historical Primary, max 2015..2024")

r = SM[(SM.Territory == "Spain") & (SM.Scenario == SCEN["high"]) & (SM.Connection == "Total")
       & (SM.Type == "Annual")]
y, v = extreme(r, "min")
add(S, "market",
    "In the high scenario, which year between 2025 and 2030 is Spain's weakest for new installs?",
    "extreme", [E(v, MW)], [y],
    how="sample market: Spain Annual Total Forecast - High 2025..2030, min")

vals = series(SM, "Germany", range(2015, 2025))
add(S, "market", "Average annual instals in Germany, 2015 to 2024?",
    "average", [E(sum(vals) / len(vals), MW)],
    how="sample market: mean Germany Annual Total Historical Primary 2015..2024 (10 years)")

vals = series(SM, "Italy", range(2025, 2031), scen="mp")
add(S, "market", "Total that Italy adds 2025-2030 in the most probable case - sum it up for me.",
    "sum", [E(sum(vals), MW)],
    how="sample market: sum Italy Annual Total Forecast - Most probable 2025..2030")

r = hist_rows(SM, "France")
fy = int(r.Year.min())
add(S, "market", "What's the earliest year you've got for France, and what did France add that year?",
    "first_latest", [E(mv(SM, "France", fy), MW)], [fy],
    how="sample market: France Annual Total Historical Primary, earliest year and its value")

vals = [mv(SM, t, 2024) for t in ["France", "Germany", "Spain"]]
add(S, "market",
    "France, Germany and Spain combined - how many MW did they add in 2024, all together?",
    "sum", [E(sum(vals), MW)],
    how="sample market: sum of France, Germany, Spain Annual Total Historical Primary 2024")

vals = series(SM, "Spain", range(2025, 2031), scen="low")
add(S, "market",
    "Worst case for Spain, the low scenario: what's its average yearly addition over 2025-2030?",
    "average", [E(sum(vals) / len(vals), MW)],
    how="sample market: mean Spain Annual Total Forecast - Low 2025..2030 (6 years)")

r = hist_rows(SM, "Netherlands", typ="Cumulative")
ly = int(r.Year.max())
add(S, "market",
    "What's the latest year of actual, historical data for the Netherlands, and how big was the Dutch "
    "installed base then?",
    "first_latest", [E(mv(SM, "Netherlands", ly, "Cumulative"), MW)], [ly],
    how="sample market: Netherlands Cumulative Total Historical Primary, last historical year and value")

# --- sample follow-ups (market)
add(S, "market",
    ["Spain's new installs in 2023?", "and as a share of the world?"],
    "follow_up", [E(mv(SM, "Spain", 2023) / mv(SM, "World", 2023) * 100, "%")],
    how="sample market: Spain / World 2023 Annual Total Historical Primary x100")

add(S, "market",
    ["France's most probable additions in 2028?", "low scenario?", "and high?"],
    "follow_up", [E(mv(SM, "France", 2028, scen="high"), MW)],
    how="sample market: France 2028 Forecast - High Total Annual")

add(S, "market",
    ["Poland's installed base at the end of 2024?", "and by 2030, in the most probable case?"],
    "follow_up", [E(mv(SM, "Poland", 2030, "Cumulative", scen="mp"), MW)],
    how="sample market: Poland 2030 Forecast - Most probable Total Cumulative")

yrs = list(range(2019, 2025))
add(S, "market",
    ["Germany's annual installations 2019 to 2024 please", "chart it"],
    "follow_up", [E(v, MW) for v in series(SM, "Germany", yrs)],
    how="sample market: Germany Annual Total Historical Primary 2019..2024 (the charted values)")

# ============================================================================= SAMPLE: prices
s = ps(SP, "Module", "n-type TOPCon", "China")
add(S, "price", "TOPCon module price in China, Dec 2024?",
    "price", [E(p_month(s, 2024, 12), unit_of(s))],
    how="sample prices: Module / n-type TOPCon / China, 2024-12")

s = ps(SP, "Module", "n-type TOPCon", "India")
add(S, "price",
    ["n-type TOPCon modules in China, what was the price in March 2024?", "and India?"],
    "follow_up", [E(p_month(s, 2024, 3), unit_of(s))],
    how="sample prices: Module / n-type TOPCon / India, 2024-03")

vals = {rg: p_month(ps(SP, "Module", "p-type mono-Si PERC M10", rg), 2024, 12) for rg in ["China", "EU", "India", "US"]}
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(S, "price", "Which region had the cheapest PERC M10 modules in December 2024?",
    "price", [E(vals[cheap], "US$/Wp")], [cheap],
    how="sample prices: Module / p-type mono-Si PERC M10, 2024-12, min across regions")

s = ps(SP, "Polysilicon", "High purity - 9N/9N+", "China")
v, ds = p_ext(s, "max")
assert len(ds) == 1
add(S, "price",
    "Polysilicon, high purity, in China: what's the highest it got over 2023-2024, and when?",
    "price", [E(v, unit_of(s))], [ds[0].strftime("%B"), ds[0].year],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, max 2023-01..2024-12 and its month")

s = ps(SP, "Module", "n-type HJT", "US")
a, b = p_month(s, 2023, 1), p_month(s, 2024, 12)
add(S, "price",
    "How much did HJT module prices in the US change from Jan 2023 to Dec 2024, percentage-wise?",
    "price", [E(pct(a, b), "%")],
    how="sample prices: Module / n-type HJT / US (2024-12 - 2023-01)/2023-01 x100")

s = ps(SP, "PV glass", "Glass 3,2mm", "EU")
s24 = s[s.date.dt.year == 2024]
assert len(s24) == 12
add(S, "price", "Average price of 3.2mm PV glass in the EU during 2024?",
    "price", [E(s24.base_price.mean(), unit_of(s))],
    how="sample prices: mean PV glass / Glass 3,2mm / EU, 12 monthly values of 2024")

cn, eu_ = ps(SP, "Wafer", "n-type mono-Si M10", "China"), ps(SP, "Wafer", "n-type mono-Si M10", "EU")
(vc, dc), (ve, de) = p_latest(cn), p_latest(eu_)
assert dc == de
add(S, "price",
    "n-type M10 wafers: China versus the EU, latest prices?",
    "price", [E(vc, unit_of(cn)), E(ve, unit_of(eu_))],
    how=f"sample prices: Wafer / n-type mono-Si M10, China and EU, newest date {dc.date()}")

s = ps(SP, "Module", "p-type mono-Si PERC M10", "EU")
v, ds = p_ext(s, "min")
assert len(ds) == 1
add(S, "price",
    "So for the 'prices are crashing' segment, when were PERC M10 modules in the EU at their cheapest, and at "
    "what price?",
    "price", [E(v, unit_of(s))], [ds[0].strftime("%B"), ds[0].year],
    how="sample prices: Module / p-type mono-Si PERC M10 / EU, min over whole series and its month")

# ============================================================================= SAMPLE: financials
v, u = fv(CO["nordlicht"], "2024-Q4", "Net income")
add(S, "manufacturer_financial", "Nordlicht Solar's net income in Q4 2024 - were they still losing money?",
    "financial", [E(v, u)], how="financials: Nordlicht Solar AG (sample), 2024-Q4, Net income")

v, u = fv(CO["aurora"], "FY2024", "Production capacity")
add(S, "manufacturer_financial", "What's Aurora PV's production capacity for FY2024, in GW?",
    "financial", [E(v, u)], how="financials: Aurora PV Group (sample), FY2024, Production capacity")

gm = {c: fv(c, "FY2023", "Gross margin")[0] for c in CO.values()}
order = sorted(gm, key=gm.get, reverse=True)
assert len(set(gm.values())) == 4
add(S, "manufacturer_financial", "Can you rank the manufacturers by gross margin for FY2023?",
    "financial", [E(gm[c], "%") for c in order], [SHORTNAME[SHORT[c]] for c in order],
    how="financials: FY2023 Gross margin, all four companies, descending")

v, u = fv(CO["aurora"], "2024-Q4", "Net income")
add(S, "manufacturer_financial",
    ["SunForge's net income in Q4 2024?", "what about Aurora?"],
    "follow_up", [E(v, u)], how="financials: Aurora PV Group (sample), 2024-Q4, Net income")

a, _ = fv(CO["helios"], "FY2023", "Module shipments")
b, _ = fv(CO["helios"], "FY2024", "Module shipments")
add(S, "manufacturer_financial",
    "Helios's module shipments - how much did they grow from FY2023 to FY2024, in percent?",
    "financial", [E(pct(a, b), "%")],
    how="financials: Helios Module shipments (FY2024-FY2023)/FY2023 x100")

q = [fv(CO["sunforge"], f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
add(S, "manufacturer_financial",
    "Add up SunForge's revenue across the four quarters of 2024 for me?",
    "financial", [E(sum(q), "USD million")],
    how="financials: SunForge Revenue 2024-Q1..Q4 summed")

ni = FIN[(FIN.company == CO["sunforge"]) & (FIN.metric == "Net income") & FIN.period.str.contains("-Q")]
worst = ni.sort_values("value").iloc[0]
assert (ni.value == worst.value).sum() == 1
add(S, "manufacturer_financial",
    "Which quarter was SunForge's worst for net income, and how bad was it?",
    "financial", [E(worst.value, worst.unit)], [worst.period.split("-")[1], worst.period.split("-")[0]],
    how="financials: SunForge quarterly Net income, min")

# ============================================================================= SAMPLE: unanswerable
unans(S, "market", "How much did the USA install in 2024?",
      "the USA is not in the loaded market data (France, Germany, Italy, Netherlands, Poland, Spain, World only)")
unans(S, "market", "Going way back, what were Germany's annual installs in 2010?",
      "the loaded market data starts in 2015")
unans(S, "price", "Aluminium price in March 2024?",
      "aluminium is not a price item in the loaded prices")
unans(S, "price", "What are PERC modules going for in Australia?",
      "Australia is not a price region in the loaded prices (China, EU, India, US)")
unans(S, "manufacturer_financial", "How much did Helios spend on R&D in FY2024?",
      "R&D spending is not a metric in the financials")
unans(S, "manufacturer_financial", "What's LONGi's gross margin for 2024?",
      "LONGi is not among the companies in the financials")
unans(S, "market", "How much offshore wind does the Netherlands have?",
      "wind is not held; PV only")
unans(S, "market",
      "Spain's rooftop boom is all solar-plus-battery now. How many MWh of home batteries were installed in 2024?",
      "storage is not held")
unans(S, "price", "What were cell prices like back in 2022?",
      "the loaded prices start in January 2023")
unans(S, "market", "And beyond the outlook - what's Poland's forecast for 2032?",
      "the forecasts end in 2030")
unans(S, "market",
      "What was the capacity factor of French solar farms in 2023?",
      "capacity factors / generation are not held")


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
chains = [it for it in ITEMS if len(it["turns"]) > 1]
assert sum(1 for it in chains if it["answerable"]) >= 12, len(chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"]

print(f"wrote {len(ITEMS)} items to {out}")
print("unanswerable:", n_unans, "| multi-turn:", len(chains),
      "| answerable multi-turn:", sum(1 for it in chains if it["answerable"]))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:14s} {d:6s} {n}")
