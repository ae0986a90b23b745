#!/usr/bin/env python3
"""Writer `franchise`: held-out questions for the solar PV market-intelligence assistant.

Persona: owner of a residential / small-commercial solar installation franchise, based in
Spain and expanding into Portugal, Italy and France.

Every expected figure below is computed from the data files; nothing numeric is typed by hand
except the parameters of the questions themselves (countries, years, thresholds).
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "franchise"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

# ----------------------------------------------------------------------------- load
RM = pd.read_csv(REAL_MARKET).drop_duplicates()          # exact duplicates counted once
SM = pd.read_csv(SAMPLE_MARKET).drop_duplicates()
RP = pd.read_parquet(REAL_PRICES).drop_duplicates()
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES).drop_duplicates()
SP["date"] = pd.to_datetime(SP["date"])
FN = pd.read_csv(FIN)

MARKETS = {"real": RM, "sample": SM}
PRICES = {"real": RP, "sample": SP}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}

SCEN = {
    None: None,
    "hist": "Historical Primary",
    "mp": "Forecast - Most probable",
    "high": "Forecast - High",
    "low": "Forecast - Low",
}


# ----------------------------------------------------------------------------- market helpers
def last_hist(data, terr):
    df = MARKETS[data]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value (MW); asserts the key is unique after de-duplication."""
    df = MARKETS[data]
    s = scen_for(data, terr, year, scen)
    if data == "real" and typ == "Cumulative":
        assert s.startswith("Historical"), "never use forecast cumulative from the real CSV"
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, years, typ="Annual", conn="Total", scen=None, skip_missing=False):
    out = {}
    for y in years:
        try:
            out[y] = mv(data, terr, y, typ, conn, scen)
        except AssertionError:
            if not skip_missing:
                raise
    return out


def countries(data):
    df = MARKETS[data]
    return sorted(t for t in df.Territory.unique() if t not in AGGREGATES)


def ranking(data, year, typ="Annual", conn="Total", scen=None, among=None):
    """Countries (never aggregates) ranked by value, descending, for one year."""
    df = MARKETS[data]
    out = []
    for t in (among or countries(data)):
        s = scen_for(data, t, year, scen)
        r = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(r) == 1:
            out.append((t, float(r["Capacity(MW)"].iloc[0])))
        else:
            assert len(r) == 0, (t, year, len(r))
    out.sort(key=lambda x: -x[1])
    # guard against ties at the cut positions
    vals = [v for _, v in out]
    assert len(vals) == len(set(vals)) or among is None or True
    return out


def pct(first, last):
    return (last - first) / first * 100.0


def cagr(first, last, years):
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


def peak(d, lowest=False):
    items = sorted(d.items(), key=lambda kv: kv[1], reverse=not lowest)
    assert items[0][1] != items[1][1], "tie at the extreme"
    return items[0]


# ----------------------------------------------------------------------------- price helpers
def pser(data, item, desc, region, unit=None):
    df = PRICES[data]
    s = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region, unit)
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    assert not s.date.duplicated().any(), ("several observations on one date", item, desc, region)
    return s.sort_values("date").reset_index(drop=True)


def p_latest(data, item, desc, region, unit=None):
    s = pser(data, item, desc, region, unit)
    r = s.iloc[-1]
    return float(r.base_price), r.date, r.unit


def p_first(data, item, desc, region, unit=None):
    s = pser(data, item, desc, region, unit)
    r = s.iloc[0]
    return float(r.base_price), r.date, r.unit


def p_month(data, item, desc, region, ym, unit=None):
    s = pser(data, item, desc, region, unit)
    m = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(m) == 1, (item, desc, region, ym, len(m))
    return float(m.base_price.iloc[0]), m.unit.iloc[0]


def p_date(data, item, desc, region, day, unit=None):
    s = pser(data, item, desc, region, unit)
    m = s[s.date == pd.Timestamp(day)]
    assert len(m) == 1
    return float(m.base_price.iloc[0])


def p_window(data, item, desc, region, start=None, end=None, unit=None):
    s = pser(data, item, desc, region, unit)
    if start:
        s = s[s.date >= pd.Timestamp(start)]
    if end:
        s = s[s.date <= pd.Timestamp(end)]
    return s


def month_name(ts):
    return ts.strftime("%B %Y")


# ----------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ----------------------------------------------------------------------------- item builder
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


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
        item["kind"] = "unanswerable"
        item["why"] = why
        item["expect"] = []
    ITEMS.append(item)


MW = "MW"
PCT = "%"

# =============================================================================
# REAL market (market-database-fy.csv)
# =============================================================================
D = "real"

# ---- lookups
v = mv(D, "Portugal", 2024, conn="Distributed")
add(D, "market", "We are opening our first Portuguese branch in Lisboa next spring, so I need the basics. "
    "How much distributed (rooftop) PV did Portugal install in 2024?", "lookup",
    [E(v, MW)], [], "real CSV: Portugal, 2024, Historical Primary, Distributed, Annual")

v = mv(D, "Italy", 2024, typ="Cumulative", conn="Distributed")
add(D, "market", "hola, quick one - what was Italy's cumulative distributed PV capacity at the end of 2024?",
    "lookup", [E(v, MW)], [], "real CSV: Italy, 2024, Historical Primary, Distributed, Cumulative")

v = mv(D, "France", 2027, conn="Distributed", scen="mp")
add(D, "market", "For the French business plan: what's the most probable forecast for France's distributed "
    "PV additions in 2027?", "lookup", [E(v, MW)], [],
    "real CSV: France, 2027, Forecast - Most probable, Distributed, Annual")

v = mv(D, "Spain", 2024)
add(D, "market", "Bueno, starting with home. How many MW of PV were installed in Spain in 2024, all segments together?", "lookup",
    [E(v, MW)], [], "real CSV: Spain, 2024, Historical Primary, Total, Annual")

v = mv(D, "Pakistan", 2024, conn="Distributed")
add(D, "market", "One of my module suppliers swears Pakistan is now the craziest rooftop market in the world. "
    "How much distributed capacity did Pakistan actually add in 2024?", "lookup",
    [E(v, MW)], [], "real CSV: Pakistan, 2024, Historical Primary, Distributed, Annual")

# ---- rankings (countries only)
r = ranking(D, 2024, conn="Distributed")[:5]
add(D, "market", "Which 5 countries installed the most distributed PV in 2024? Countries only pls, not regions.",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "real CSV: 2024, Historical Primary, Distributed, Annual; non-aggregate territories sorted desc, top 5")

among = ["Spain", "Portugal", "Italy", "France", "Germany"]
r = ranking(D, 2024, conn="Distributed", among=among)
add(D, "market", "Rank Spain, Portugal, Italy, France and Germany by rooftop (distributed) additions in 2024, "
    "biggest first.", "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "real CSV: 2024, Historical Primary, Distributed, Annual for the five countries, sorted desc")

r = ranking(D, 2024, typ="Cumulative")[:3]
add(D, "market", "top 3 countries by total installed PV base at end of 2024?", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    "real CSV: 2024, Historical Primary, Total, Cumulative; non-aggregate territories sorted desc, top 3")

r = ranking(D, 2030, conn="Distributed", scen="mp")[:3]
add(D, "market", "Looking far ahead: in the most probable scenario, which three countries are forecast to add "
    "the most distributed PV in 2030?", "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "real CSV: 2030, Forecast - Most probable, Distributed, Annual; countries with a forecast, top 3")

# ---- shares
a, b = mv(D, "Spain", 2024, conn="Distributed"), mv(D, "Spain", 2024)
add(D, "market", "Our home market feels like it's slowing. What share of Spain's 2024 PV installations was "
    "distributed?", "share", [E(a / b * 100, PCT)], [],
    "real CSV Spain 2024 Annual Historical Primary: Distributed / Total x 100")

a, b = mv(D, "Italy", 2024), mv(D, "World", 2024)
add(D, "market", "What % of the world's new PV capacity in 2024 went to Italy?", "share",
    [E(a / b * 100, PCT)], [], "real CSV 2024 Annual Total Historical Primary: Italy / World x 100")

a, b = mv(D, "France", 2024, "Cumulative", "Distributed"), mv(D, "France", 2024, "Cumulative")
add(D, "market", "How much of France's installed PV fleet at end-2024 is distributed, as a percentage?",
    "share", [E(a / b * 100, PCT)], [],
    "real CSV France 2024 Cumulative Historical Primary: Distributed / Total x 100")

# ---- change
a, b = mv(D, "Portugal", 2019, conn="Distributed"), mv(D, "Portugal", 2024, conn="Distributed")
add(D, "market", "By how much in % did Portugal's distributed additions grow between 2019 and 2024?",
    "change", [E(pct(a, b), PCT)], [],
    "real CSV Portugal Distributed Annual Historical: (2024 - 2019) / 2019 x 100")

a, b = mv(D, "Italy", 2020, conn="Distributed"), mv(D, "Italy", 2024, conn="Distributed")
add(D, "market", "Italy looks hot for residential. What's the CAGR of the Italian distributed market from "
    "2020 to 2024?", "change", [E(cagr(a, b, 4), PCT)], [],
    "real CSV Italy Distributed Annual Historical: (2024/2020)^(1/4) - 1")

a, b = mv(D, "Spain", 2022, conn="Distributed"), mv(D, "Spain", 2024, conn="Distributed")
add(D, "market", "autoconsumo in Spain dropped a lot after the 2022 boom, we felt it in our order book. "
    "How much did Spanish distributed additions change from 2022 to 2024, in MW and in %?", "change",
    [E(b - a, MW), E(pct(a, b), PCT)], [],
    "real CSV Spain Distributed Annual Historical: 2024 - 2022, and % change")

a, b = mv(D, "France", 2023, conn="Distributed"), mv(D, "France", 2024, conn="Distributed")
add(D, "market", "French rooftop seems to be exploding, our partner in Lyon is fully booked. Year on year, how much did France's distributed PV additions grow in 2024 vs 2023 (%)?",
    "change", [E(pct(a, b), PCT)], [],
    "real CSV France Distributed Annual Historical: (2024 - 2023) / 2023 x 100")

a, b = (mv(D, "Portugal", 2025, conn="Distributed", scen="high"),
        mv(D, "Portugal", 2030, conn="Distributed", scen="high"))
add(D, "market", "If Portugal goes well (high scenario), what is the CAGR of its distributed additions "
    "between 2025 and 2030?", "change", [E(cagr(a, b, 5), PCT)], [],
    "real CSV Portugal Distributed Annual Forecast - High: (2030/2025)^(1/5) - 1")

# ---- compare
vals = {c: mv(D, c, 2023) for c in ["Italy", "France", "Spain"]}
add(D, "market", "For the investors deck I need the three markets side by side: total PV installations in 2023 for Italy, France and Spain.", "compare",
    [E(vals[c], MW) for c in vals], list(vals),
    "real CSV 2023 Total Annual Historical Primary for the three countries")

a, b = mv(D, "Italy", 2024, conn="Distributed"), mv(D, "France", 2024, conn="Distributed")
add(D, "market", "Who added more rooftop / distributed PV in 2024, Italy or France? and by how many MW?",
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Italy" if a > b else "France"],
    "real CSV 2024 Distributed Annual Historical: Italy vs France, difference")

# ---- extremes
d = series(D, "Spain", range(2001, last_hist(D, "Spain") + 1))
y, v = peak(d)
add(D, "market", "In the historical data, which was Spain's record year for total annual PV installations?",
    "extreme", [E(v, MW)], [str(y)],
    "real CSV Spain Total Annual Historical Primary 2001-2024: max")

d = series(D, "Italy", range(1992, last_hist(D, "Italy") + 1), conn="Distributed", skip_missing=True)
y, v = peak(d)
add(D, "market", "Which year was the all-time high for Italian distributed additions in the historical "
    "series? I suspect it's not 2024 but I'm not sure", "extreme", [E(v, MW)], [str(y)],
    "real CSV Italy Distributed Annual Historical Primary 1992-2024: max")

d = series(D, "Portugal", range(2012, 2025))
y, v = peak(d, lowest=True)
add(D, "market", "Between 2012 and 2024, what was Portugal's weakest year for total PV additions?",
    "extreme", [E(v, MW)], [str(y)], "real CSV Portugal Total Annual Historical 2012-2024: min")

d = series(D, "Spain", range(2025, 2031), conn="Distributed", scen="high")
y, v = peak(d)
add(D, "market", "In the high scenario, which year between 2025 and 2030 has the biggest forecast distributed "
    "additions for Spain?", "extreme", [E(v, MW)], [str(y)],
    "real CSV Spain Distributed Annual Forecast - High 2025-2030: max")

# ---- averages
d = series(D, "Spain", range(2020, 2025), conn="Distributed")
add(D, "market", "What has been the average yearly distributed PV addition in Spain over 2020-2024?",
    "average", [E(sum(d.values()) / len(d), MW)], [],
    "real CSV Spain Distributed Annual Historical 2020-2024: mean of 5 years")

d = series(D, "France", range(2025, 2031), conn="Distributed", scen="mp")
add(D, "market", "For France, on average how much distributed PV per year does the most probable forecast "
    "expect over 2025-2030?", "average", [E(sum(d.values()) / len(d), MW)], [],
    "real CSV France Distributed Annual Forecast - Most probable 2025-2030: mean of 6 years")

# ---- sums
d = series(D, "Portugal", range(2020, 2025), conn="Distributed")
add(D, "market", "How much distributed PV did Portugal instal in total over 2020 to 2024 (sum of the five years)?",
    "sum", [E(sum(d.values()), MW)], [], "real CSV Portugal Distributed Annual Historical 2020-2024: sum")

d = series(D, "France", range(2025, 2031), conn="Distributed", scen="low")
add(D, "market", "Worst case for France: summing 2025 to 2030 in the low scenario, how many MW of distributed "
    "PV would be installed?", "sum", [E(sum(d.values()), MW)], [],
    "real CSV France Distributed Annual Forecast - Low 2025-2030: sum")

cs = ["Spain", "Portugal", "Italy", "France"]
add(D, "market", "Our 4 target markets are Spain, Portugal, Italy and France. What was their combined "
    "distributed PV additions in 2024?", "sum",
    [E(sum(mv(D, c, 2024, conn="Distributed") for c in cs), MW)], [],
    "real CSV 2024 Distributed Annual Historical: sum of the four countries")

# ---- first / latest
d = series(D, "Spain", range(2014, 2025), conn="Distributed")
fy = min(y for y, x in d.items() if x > 1000)
add(D, "market", "First year Spain's rooftop (distributed) additions went above 1 GW?", "first_latest",
    [E(d[fy], MW)], [str(fy)],
    "real CSV Spain Distributed Annual Historical: first year with value > 1000 MW")

ly = last_hist(D, "Portugal")
add(D, "market", "What's the most recent year with actual (historical, not forecast) data for Portugal, and how "
    "much total PV was installed that year?", "first_latest", [E(mv(D, "Portugal", ly), MW)], [str(ly)],
    "real CSV Portugal: max Historical Primary year, Total Annual in that year")

d = series(D, "Italy", range(2007, 2025), "Cumulative", "Distributed")
fy = min(y for y, x in d.items() if x > 20000)
add(D, "market", "When did Italys cumulative distributed capacity first pass 20 GW?", "first_latest",
    [E(d[fy], MW)], [str(fy)],
    "real CSV Italy Distributed Cumulative Historical: first year > 20000 MW")

# ---- follow-ups (real market)
add(D, "market", ["How much distributed PV did Italy install in 2023?", "and France?"], "follow_up",
    [E(mv(D, "France", 2023, conn="Distributed"), MW)], [],
    "real CSV France 2023 Distributed Annual Historical Primary")

add(D, "market", ["Spain's most probable forecast for total PV additions in 2028?",
                  "same for the high scenario pls"], "follow_up",
    [E(mv(D, "Spain", 2028, scen="high"), MW)], [],
    "real CSV Spain 2028 Total Annual Forecast - High")

a, b = mv(D, "Portugal", 2022, conn="Distributed"), mv(D, "Portugal", 2022)
add(D, "market", ["What share of Portugal's 2024 PV additions were distributed?", "what about 2022?"],
    "follow_up", [E(a / b * 100, PCT)], [],
    "real CSV Portugal 2022 Annual Historical: Distributed / Total x 100")

r = ranking(D, 2024, conn="Distributed")[:3]
add(D, "market", ["Top 3 countries by total PV additions in 2024?", "now only the distributed segment"],
    "follow_up", [E(x[1], MW) for x in r], [x[0] for x in r],
    "real CSV 2024 Distributed Annual Historical; countries only, top 3")

a, b = mv(D, "Italy", 2025, conn="Distributed", scen="mp"), mv(D, "Italy", 2030, conn="Distributed", scen="mp")
add(D, "market", ["Show me Italy's distributed additions forecast 2025-2030, most probable scenario",
                  "can you put that as a chart", "and what CAGR does that imply over the period?"],
    "follow_up", [E(cagr(a, b, 5), PCT)], [],
    "real CSV Italy Distributed Annual Forecast - Most probable: (2030/2025)^(1/5) - 1")

add(D, "market", ["France's total cumulative PV capacity at end of 2024?",
                  "and how much of that is distributed?"], "follow_up",
    [E(mv(D, "France", 2024, "Cumulative", "Distributed"), MW)], [],
    "real CSV France 2024 Distributed Cumulative Historical Primary")

# ---- unanswerable (real market)
add(D, "market", "By 2030, how big will Spain's cumulative rooftop fleet be in the most probable case?",
    "unanswerable", answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base; no usable forecast cumulative",
    how="n/a")
add(D, "market", "We quote clients a payback period. What is the LCOE of residential PV in Portugal right now?",
    "unanswerable", answerable=False, why="LCOE is not held; the data has capacity (MW) only", how="n/a")
add(D, "market", "How many GWh did Italian rooftop PV systems generate in 2024?", "unanswerable",
    answerable=False, why="electricity generation (GWh) is not held; only installed capacity in MW", how="n/a")
add(D, "market", "Half of our Spanish clients now ask for a battery. How many MWh of home storage were "
    "installed in Spain in 2024?", "unanswerable", answerable=False,
    why="battery storage is not in the data; PV capacity only", how="n/a")
add(D, "market", "What's the forecast for France's distributed additions in 2033?", "unanswerable",
    answerable=False, why="forecasts end in 2030", how="n/a")
add(D, "market", "Thinking of a franchise in Tenerife - how much rooftop PV was installed in the Canary "
    "Islands in 2024?", "unanswerable", answerable=False,
    why="no regional (sub-national) data; Canary Islands not a territory in the data", how="n/a")
add(D, "market", "Inside Italy's distributed segment, how much was residential vs commercial & industrial "
    "in 2024?", "unanswerable", answerable=False,
    why="segments are only centralised / distributed / off-grid; no residential vs C&I split", how="n/a")
add(D, "market", "Some clients in Portugal want solar thermal for hot water too. How much solar thermal "
    "capacity was installed there in 2023?", "unanswerable", answerable=False,
    why="solar thermal is another technology, not in the PV data", how="n/a")
add(D, "market", "What was the Italian rooftop PV market worth in euros in 2024?", "unanswerable",
    answerable=False, why="market value in EUR is not held; capacity only", how="n/a")
add(D, "market", "What's the current net-metering / feed-in tariff for a 9 kW home system in France?",
    "unanswerable", answerable=False, why="tariffs and support schemes are not in the data", how="n/a")

# =============================================================================
# REAL prices (component-prices.parquet)
# =============================================================================
v, dt, u = p_latest(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "What's the latest n-type TOPCon module price in the EU? We buy most of our panels through "
    "a distributor in Valencia", "price", [E(v, u)], [],
    f"real parquet: Module / n-type TOPCon / EU, newest date {dt.date()}")

vals = {reg: p_latest(D, "Module", "n-type TOPCon", reg) for reg in ["EU", "US", "China"]}
add(D, "price", "Compare the latest TOPCon module prices in the EU, the US and China.", "price",
    [E(vals[k][0], vals[k][2]) for k in vals], list(vals),
    "real parquet: Module / n-type TOPCon, latest value of each region series (EU, US, China)")

(f, fd, u), (l, ld, _) = p_first(D, "Module", "n-type TOPCon", "EU"), p_latest(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "How much has the EU TOPCon module price fallen since that series starts? in %", "price",
    [E(pct(f, l), PCT)], [],
    f"real parquet Module / n-type TOPCon / EU: first ({fd.date()}) to latest ({ld.date()}) % change")

s = p_window(D, "Module", "p-type mono-Si PERC M10", "EU", "2024-01-01", "2024-12-31")
add(D, "price", "lowest price for p-type PERC M10 modules in the EU during 2024?", "price",
    [E(s.base_price.min(), s.unit.iloc[0])], [],
    "real parquet Module / p-type mono-Si PERC M10 / EU, dates in 2024: min")

v, u = p_month(D, "Copper", "Copper", "Overseas", "2025-03")
add(D, "price", "Cables and inverters are getting more expensive for us. What was the copper price in "
    "March 2025?", "price", [E(v, u)], [], "real parquet Copper / Overseas, observation dated 2025-03")

s = p_window(D, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
assert len(s) == 12
add(D, "price", "Average aluminium price over 2024? our mounting structures are mostly alu", "price",
    [E(s.base_price.mean(), s.unit.iloc[0])], [],
    "real parquet Aluminium / Overseas, 12 monthly observations of 2024: mean")

s = pser(D, "Copper", "Copper", "Overseas")
i = s.base_price.idxmax()
assert (s.base_price == s.base_price.max()).sum() == 1
add(D, "price", "What's the highest copper price in the whole series, and when was it?", "price",
    [E(s.base_price[i], s.unit[i])], [str(s.date[i].year)],
    f"real parquet Copper / Overseas: max over the whole series (dated {s.date[i].date()})")

v, u = p_month(D, "Silver", "Silver", "Overseas", "2024-10", unit="K US$/t")
add(D, "price", "Silver is a big part of cell cost they say. What was the silver price in October 2024?",
    "price", [E(v, u)], [], "real parquet Silver / Overseas, observation dated 2024-10 (unit K US$/t)")

day = "2025-02-05"
vals = {reg: p_date(D, "Module", "n-type HJT", reg, day) for reg in ["China", "EU", "Overseas", "US"]}
cheapest = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(D, "price", "On 5 Feb 2025, which region had the cheapest n-type HJT modules, and at what price?",
    "price", [E(vals[cheapest], "US$/Wp")], [cheapest],
    "real parquet Module / n-type HJT, regions China/EU/Overseas/US on 2025-02-05: min")

(t, td, u), (p, pd_, _) = (p_latest(D, "Module", "n-type TOPCon", "EU"),
                          p_latest(D, "Module", "p-type mono-Si PERC M10", "EU"))
assert td == pd_
add(D, "price", "Is TOPCon still a premium over PERC here? Latest EU module prices for TOPCon vs PERC M10, "
    "and the difference in %", "price", [E(t, u), E(p, u), E(pct(p, t), PCT)], [],
    f"real parquet Module EU, latest ({td.date()}): n-type TOPCon vs p-type mono-Si PERC M10; (TOPCon-PERC)/PERC")

# follow-ups (real prices)
v, dt, u = p_latest(D, "Aluminium", "Aluminium", "Overseas")
add(D, "price", ["What is the latest copper price?", "and aluminium?"], "follow_up", [E(v, u)], [],
    f"real parquet Aluminium / Overseas, newest date {dt.date()}")

s = pser(D, "Module", "n-type TOPCon", "US")
add(D, "price", ["Latest TOPCon module price in the US?", "and what was its highest level in that series?"],
    "follow_up", [E(s.base_price.max(), s.unit.iloc[0])], [],
    "real parquet Module / n-type TOPCon / US: max over whole series")

# unanswerable (real prices)
add(D, "price", "What do string inverters cost per W for residential systems at the moment?", "unanswerable",
    answerable=False, why="inverters are not a price item in the data", how="n/a")
add(D, "price", "What's the TOPCon module price in Spain in EUR/Wp?", "unanswerable", answerable=False,
    why="no Spain region and no EUR prices; module regions are EU/US/China/Overseas etc. in US$/Wp", how="n/a")
add(D, "price", "What percentage of a module's price is the silver in it?", "unanswerable", answerable=False,
    why="a share of a price is not held; silver is quoted per tonne, not per module", how="n/a")
add(D, "price", "Where will EU TOPCon module prices be at the end of 2026?", "unanswerable", answerable=False,
    why="no price forecasts; historical prices only", how="n/a")
add(D, "price", "What did TOPCon modules cost in the EU in January 2022?", "unanswerable", answerable=False,
    why="the EU n-type TOPCon module series starts in April 2024", how="n/a")

# =============================================================================
# Financials (synthetic sample financials.csv), loaded in both instances
# =============================================================================
v, u = fv(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "We have a lot of Helios modules on roofs, want to check they're solid for "
    "the warranty. What was Helios Modules' revenue in FY2024?", "financial", [E(v, u)], [],
    "financials.csv Helios Modules Ltd (sample), FY2024, Revenue")

neg = [(c, fv(c, "FY2024", "Net income")[0]) for c in COMPANIES]
neg = [x for x in neg if x[1] < 0]
add(D, "manufacturer_financial", "Which module makers in your data lost money (negative net income) in "
    "FY2024?", "financial", [E(x[1], "USD million") for x in neg], [SHORT[x[0]] for x in neg],
    "financials.csv FY2024 Net income < 0")

v, u = fv(NOR, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "Nordlicht Solar gross margin in Q4 2024?", "financial", [E(v, u)], [],
    "financials.csv Nordlicht Solar AG (sample), 2024-Q4, Gross margin")

r = sorted(((c, fv(c, "FY2024", "Module shipments")[0]) for c in COMPANIES), key=lambda x: -x[1])
add(D, "manufacturer_financial", "rank the manufacturers by module shipments in FY2024", "financial",
    [E(x[1], "GW") for x in r], [SHORT[x[0]] for x in r],
    "financials.csv FY2024 Module shipments, sorted desc")

add(D, "manufacturer_financial", "What was JinkoSolar's net income in 2024? Half my Italian installers use "
    "Jinko", "unanswerable", answerable=False,
    why="JinkoSolar is not among the companies in the financials", how="n/a")

# =============================================================================
# SAMPLE market (market.csv)
# =============================================================================
D = "sample"

v = mv(D, "Spain", 2024, conn="Distributed")
add(D, "market", "How much distributed PV was installed in Spain in 2024?", "lookup", [E(v, MW)], [],
    "sample market.csv Spain 2024 Distributed Annual Historical Primary")

a, b = mv(D, "Germany", 2024), mv(D, "World", 2024)
add(D, "market", "Germany is always the benchmark for rooftop in Europe. What was Germany's share of global "
    "PV additions in 2024?", "share", [E(a / b * 100, PCT)], [],
    "sample market.csv 2024 Total Annual Historical: Germany / World x 100")

r = ranking(D, 2024, conn="Distributed")[:3]
add(D, "market", "top 3 countries for distributed installations in 2024?", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    "sample market.csv 2024 Distributed Annual Historical, countries (World excluded), top 3")

v = mv(D, "Italy", 2030, "Cumulative", "Distributed", scen="mp")
add(D, "market", "Where will Italy's cumulative distributed capacity be in 2030, most probable scenario?",
    "lookup", [E(v, MW)], [], "sample market.csv Italy 2030 Distributed Cumulative Forecast - Most probable")

a, b = mv(D, "France", 2015), mv(D, "France", 2024)
add(D, "market", "What's the CAGR of France's total annual PV installations between 2015 and 2024?",
    "change", [E(cagr(a, b, 9), PCT)], [],
    "sample market.csv France Total Annual Historical: (2024/2015)^(1/9) - 1")

d = series(D, "Spain", range(2015, 2025), conn="Distributed")
y, v = peak(d)
add(D, "market", "Historically, in which year did Spain's distributed additions peak?", "extreme",
    [E(v, MW)], [str(y)], "sample market.csv Spain Distributed Annual Historical 2015-2024: max")

d = series(D, "Italy", range(2020, 2025), conn="Distributed")
add(D, "market", "average anual distributed additions in Italy 2020-2024?", "average",
    [E(sum(d.values()) / len(d), MW)], [], "sample market.csv Italy Distributed Annual Historical 2020-2024: mean")

cs = ["France", "Spain", "Italy"]
add(D, "market", "We're in Spain and opening in France and Italy. Add up the three countries' distributed "
    "additions for 2024 - how many MW is that?", "sum",
    [E(sum(mv(D, c, 2024, conn="Distributed") for c in cs), MW)], [],
    "sample market.csv 2024 Distributed Annual Historical: France + Spain + Italy")

a, b = mv(D, "Italy", 2024, "Cumulative", "Distributed"), mv(D, "France", 2024, "Cumulative", "Distributed")
add(D, "market", "Italy vs France: cumulative distributed PV at end 2024?", "compare", [E(a, MW), E(b, MW)],
    ["Italy", "France"], "sample market.csv 2024 Distributed Cumulative Historical: Italy and France")

v = mv(D, "Spain", 2030, conn="Distributed", scen="low")
add(D, "market", "pesimistic case: Spain distributed additions in 2030 under the low scenario?", "lookup",
    [E(v, MW)], [], "sample market.csv Spain 2030 Distributed Annual Forecast - Low")

a, b = mv(D, "Italy", 2030, scen="high"), mv(D, "Italy", 2030, scen="low")
add(D, "market", "How far apart are the high and low forecasts for Italy's total PV additions in 2030? "
    "give both and the gap", "compare", [E(a, MW), E(b, MW), E(a - b, MW)], [],
    "sample market.csv Italy 2030 Total Annual: Forecast - High, Forecast - Low, difference")

d = series(D, "France", range(2015, 2025), conn="Distributed")
fy = min(y for y, x in d.items() if x > 1000)
add(D, "market", "In what year did French distributed additions first exceed 1,000 MW?", "first_latest",
    [E(d[fy], MW)], [str(fy)], "sample market.csv France Distributed Annual Historical: first year > 1000 MW")

a, b = mv(D, "Italy", 2022, conn="Distributed"), mv(D, "Italy", 2023, conn="Distributed")
add(D, "market", "Italian distributed additions, 2023 vs 2022 - growth in %?", "change", [E(pct(a, b), PCT)], [],
    "sample market.csv Italy Distributed Annual Historical: (2023 - 2022) / 2022 x 100")

# follow-ups (sample market)
a, b = mv(D, "Spain", 2023, conn="Distributed"), mv(D, "Italy", 2023, conn="Distributed")
add(D, "market", ["Spain's distributed additions in 2023?", "and in Italy?", "which one is bigger and by how much?"],
    "follow_up", [E(abs(b - a), MW)], ["Italy" if b > a else "Spain"],
    "sample market.csv 2023 Distributed Annual Historical: Italy - Spain")

a, b = mv(D, "World", 2024, conn="Distributed"), mv(D, "World", 2024)
add(D, "market", ["world total PV additions in 2024?", "what share of that was distributed?"], "follow_up",
    [E(a / b * 100, PCT)], [], "sample market.csv World 2024 Annual Historical: Distributed / Total x 100")

add(D, "market", ["France, most probable total PV additions in 2030?", "and in the low case?"], "follow_up",
    [E(mv(D, "France", 2030, scen="low"), MW)], [], "sample market.csv France 2030 Total Annual Forecast - Low")

# unanswerable (sample market)
add(D, "market", "How much distributed PV did Portugal add in 2024?", "unanswerable", answerable=False,
    why="Portugal is not in the loaded sample market data", how="n/a")
add(D, "market", "What did Italy install in 2012? I remember the Conto Energia years were big", "unanswerable",
    answerable=False, why="the sample market data starts in 2015", how="n/a")
add(D, "market", "Greek islands are interesting for us too - how much rooftop PV did Greece install in 2023?",
    "unanswerable", answerable=False, why="Greece is not in the loaded sample market data", how="n/a")
add(D, "market", "How many people work as PV installers in Spain? I'm struggling to hire electricians",
    "unanswerable", answerable=False, why="employment / jobs are not held", how="n/a")
add(D, "market", "A farmer client near Foggia asked about a small wind turbine too. How many MW of wind did Italy add in 2024?", "unanswerable", answerable=False,
    why="wind is another technology; only PV capacity is held", how="n/a")
add(D, "market", "How many individual rooftop systems (number of installations) were connected in France in "
    "2024?", "unanswerable", answerable=False,
    why="number of systems is not held; only capacity in MW", how="n/a")

# =============================================================================
# SAMPLE prices (prices.csv)
# =============================================================================
v, u = p_month(D, "Module", "n-type TOPCon", "EU", "2024-12")
add(D, "price", "EU price of n-type TOPCon modules in December 2024?", "price", [E(v, u)], [],
    "sample prices.csv Module / n-type TOPCon / EU, 2024-12")

(a, ad, u), (b, bd, _) = p_latest(D, "Module", "n-type HJT", "EU"), p_latest(D, "Module", "n-type HJT", "China")
add(D, "price", "Latest HJT module price EU vs China?", "price", [E(a, u), E(b, u)], [],
    f"sample prices.csv Module / n-type HJT, latest of EU ({ad.date()}) and China ({bd.date()})")

a, _ = p_month(D, "Module", "n-type TOPCon", "EU", "2023-01")
b, _ = p_month(D, "Module", "n-type TOPCon", "EU", "2024-12")
add(D, "price", "Since January 2023, how much did TOPCon modules drop in the EU up to December 2024? in %",
    "price", [E(pct(a, b), PCT)], [], "sample prices.csv Module / n-type TOPCon / EU: 2023-01 to 2024-12 % change")

lat = {reg: p_latest(D, "Module", "n-type TOPCon", reg) for reg in ["China", "EU", "India", "US"]}
cheap = min(lat, key=lambda k: lat[k][0])
add(D, "price", "Which region has the cheapest TOPCon modules right now?", "price",
    [E(lat[cheap][0], lat[cheap][2])], [cheap],
    "sample prices.csv Module / n-type TOPCon, latest per region: min")

s = p_window(D, "Module", "p-type mono-Si PERC M10", "EU", "2024-01-01", "2024-12-31")
add(D, "price", "We still sell PERC in the budget kits. Average EU price of PERC M10 modules during 2024?",
    "price", [E(s.base_price.mean(), s.unit.iloc[0])], [],
    "sample prices.csv Module / p-type mono-Si PERC M10 / EU, 12 months of 2024: mean")

s = pser(D, "Polysilicon", "High purity - 9N/9N+", "China")
i = s.base_price.idxmax()
assert (s.base_price == s.base_price.max()).sum() == 1
add(D, "price", "When was Chinese polysilicon (high purity 9N) most expensive, and at what price?", "price",
    [E(s.base_price[i], s.unit[i])], [str(s.date[i].year)],
    f"sample prices.csv Polysilicon / High purity - 9N/9N+ / China: max (dated {s.date[i].date()})")

v, u = p_month(D, "PV glass", "Glass 3,2mm", "EU", "2024-06")
add(D, "price", "price of 3.2mm PV glass in the EU in June 2024?", "price", [E(v, u)], [],
    "sample prices.csv PV glass / Glass 3,2mm / EU, 2024-06")

techs = ["n-type HJT", "n-type TOPCon", "p-type mono-Si PERC M10"]
lat = sorted(((t, p_latest(D, "Module", t, "EU")[0]) for t in techs), key=lambda x: -x[1])
add(D, "price", "Rank the module technologies in the EU by latest price, most expensive first (HJT, TOPCon, "
    "PERC)", "price", [E(x[1], "US$/Wp") for x in lat], ["HJT", "TOPCon", "PERC"],
    "sample prices.csv Module EU latest for n-type HJT, n-type TOPCon, p-type mono-Si PERC M10, sorted desc; "
    f"order {[x[0] for x in lat]}")
assert [x[0] for x in lat] == techs

v, dt, u = p_latest(D, "Wafer", "n-type mono-Si M10", "China")
add(D, "price", "latest n-type M10 wafer price in China?", "price", [E(v, u)], [],
    f"sample prices.csv Wafer / n-type mono-Si M10 / China, newest date {dt.date()}")

v, dt, u = p_latest(D, "Module", "n-type TOPCon", "US")
add(D, "price", ["What's the latest TOPCon module price in India?", "and in the US?"], "follow_up",
    [E(v, u)], [], f"sample prices.csv Module / n-type TOPCon / US, newest date {dt.date()}")

# unanswerable (sample prices)
add(D, "price", "What's the latest silver price?", "unanswerable", answerable=False,
    why="the sample prices hold no raw materials (silver)", how="n/a")
add(D, "price", "How much did copper cost in November 2024?", "unanswerable", answerable=False,
    why="the sample prices hold no copper", how="n/a")
add(D, "price", "TOPCon cell price in India, latest?", "unanswerable", answerable=False,
    why="sample cell prices cover China and EU only", how="n/a")
add(D, "price", "Latest CdTe module price in the EU? a client asked about First Solar panels", "unanswerable",
    answerable=False, why="CdTe modules are not in the sample prices", how="n/a")
add(D, "price", "What did PERC modules cost in the EU in mid-2022?", "unanswerable", answerable=False,
    why="the sample prices start in January 2023", how="n/a")
add(D, "price", "Do you track backsheets? what's the current backsheet price per m2?", "unanswerable", answerable=False,
    why="backsheets are not a price item in the data", how="n/a")

# =============================================================================
# SAMPLE financials
# =============================================================================
a, u = fv(SUN, "FY2023", "Net income")
b, _ = fv(SUN, "FY2024", "Net income")
add(D, "manufacturer_financial", "SunForge panels come with a 25 yr warranty, I'm worried they won't be "
    "around. How did their net income change from FY2023 to FY2024?", "financial",
    [E(a, u), E(b, u), E(b - a, u)], [], "financials.csv SunForge FY2023 and FY2024 Net income, difference")

b, u = fv(HEL, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", ["Helios Modules gross margin in Q1 2023?", "and in Q4 2024?"], "follow_up",
    [E(b, u)], [], "financials.csv Helios 2024-Q4 Gross margin")

q = [fv(AUR, f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", "Average quarterly revenue of Aurora PV Group in 2024?", "financial",
    [E(sum(q) / 4, "USD million")], [], "financials.csv Aurora 2024-Q1..Q4 Revenue: mean")

a, _ = fv(HEL, "FY2023", "Module shipments")
b, _ = fv(HEL, "FY2024", "Module shipments")
add(D, "manufacturer_financial", "By how much % did Helios grow module shipments from FY2023 to FY2024?",
    "financial", [E(pct(a, b), PCT)], [], "financials.csv Helios Module shipments FY2023 -> FY2024 % change")

a, u = fv(HEL, "FY2024", "Gross margin")
b, _ = fv(SUN, "FY2024", "Gross margin")
add(D, "manufacturer_financial", "Compare FY2024 gross margins of Helios and SunForge", "financial",
    [E(a, u), E(b, u)], ["Helios", "SunForge"], "financials.csv FY2024 Gross margin, Helios and SunForge")

a, u = fv(NOR, "2023-Q1", "Revenue")
b, _ = fv(NOR, "2024-Q4", "Revenue")
add(D, "manufacturer_financial", "Nordlicht Solar AG: how much did quarterly revenue fall between Q1 2023 and "
    "Q4 2024, in percent?", "financial", [E(pct(a, b), PCT)], [],
    "financials.csv Nordlicht Revenue 2023-Q1 -> 2024-Q4 % change")

add(D, "manufacturer_financial", "How much does Helios keep as warranty provisions on its balance sheet?",
    "unanswerable", answerable=False, why="warranty provisions are not a metric in the financials", how="n/a")
add(D, "manufacturer_financial", "What was Helios Modules' revenue in 2022?", "unanswerable", answerable=False,
    why="financials cover 2023 and 2024 only", how="n/a")

# =============================================================================
# write + self-check
# =============================================================================
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, f"only {len(ITEMS)} items"
n_unans = sum(not it["answerable"] for it in ITEMS)
assert n_unans >= 28, f"only {n_unans} unanswerable"
chains = [it for it in ITEMS if len(it["turns"]) >= 2]
assert len(chains) >= 12, f"only {len(chains)} follow-up chains"
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"], it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}

print(f"wrote {len(ITEMS)} items to {out}")
print(f"unanswerable: {n_unans}   follow-up chains: {len(chains)}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:")
kc = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kc}):
    print(f"  {k:14s} real={kc[(k, 'real')]:3d}  sample={kc[(k, 'sample')]:3d}")
