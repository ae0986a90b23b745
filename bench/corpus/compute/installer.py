"""Held-out questions, writer `installer` (BD lead, PV installer/EPC in IT/ES/DE).

Every expected figure is computed here from the data files; nothing numeric is typed by hand
except the question parameters (years, countries, dates named in the questions).
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "installer"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

# ---------------------------------------------------------------- load
rm = pd.read_csv(REAL_MARKET)
# exact duplicates, plus RoW rows that differ only in Estimated/Confirmed (same figure)
rm = rm.drop_duplicates().drop_duplicates(subset=KEY + ["Capacity(MW)"])
assert not rm.duplicated(KEY).any()
sm = pd.read_csv(S_MARKET)
assert not sm.duplicated(KEY).any()

rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
sp = pd.read_csv(S_PRICES, parse_dates=["date"]).drop_duplicates()
fin = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}

SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mv(df, terr, year, conn="Total", typ="Annual", scen=None):
    """Market value under the brief's conventions."""
    if scen is None:
        s = "Historical Primary" if year <= last_hist(df, terr) else SCEN["mp"]
    else:
        s = SCEN[scen]
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (terr, year, conn, typ, s, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def series(df, terr, years, conn="Total", typ="Annual", scen=None):
    return {y: mv(df, terr, y, conn, typ, scen) for y in years}


def countries_year(df, year, conn="Total", typ="Annual", scen=None):
    s = "Historical Primary" if scen is None else SCEN[scen]
    x = df[(df.Year == year) & (df.Scenario == s) & (df.Connection == conn) & (df.Type == typ)
           & (~df.Territory.isin(AGGREGATES))]
    assert not x.Territory.duplicated().any()
    return x.set_index("Territory")["Capacity(MW)"].sort_values(ascending=False)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, n):
    return ((b / a) ** (1.0 / n) - 1.0) * 100.0


def pser(df, item, desc, region, unit=None, allow_dup_dates=False):
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    x = x.sort_values("date")
    if not allow_dup_dates:
        assert not x.date.duplicated().any(), (item, desc, region)
    return x


def p_latest(x):
    r = x.iloc[-1]
    return float(r.base_price), r.date.strftime("%Y-%m-%d"), r.unit


def p_on(x, day):
    r = x[x.date == pd.Timestamp(day)]
    assert len(r) == 1, (day, len(r))
    return float(r.base_price.iloc[0])


def p_month(x, ym):
    r = x[x.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def unique_date_of(x, value):
    r = x[x.base_price == value]
    assert len(r) == 1, ("not unique", value, len(r))
    return r.date.iloc[0].strftime("%Y-%m-%d")


def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ---------------------------------------------------------------- items
items = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
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
        it["kind"] = "unanswerable"
        assert not it["expect"]
    items.append(it)


MW = "MW"
PCT = "%"

# ================================================================ LOOKUP
add("real", "market",
    "We're sizing the Italian rooftop market. How much distributed PV did Italy add in 2024?",
    "lookup", [(mv(rm, "Italy", 2024, "Distributed"), MW)],
    how="real CSV: Italy 2024 Historical Primary Distributed Annual")
add("real", "market", "Spanish utility pipeline review. spain utility scale (centralised) additions in 2023, MW?",
    "lookup", [(mv(rm, "Spain", 2023, "Centralised"), MW)],
    how="real CSV: Spain 2023 Historical Primary Centralised Annual")
add("real", "market",
    "Budgeting for next year in Germany. What's the most probable forecast for German installations in 2025?",
    "lookup", [(mv(rm, "Germany", 2025, scen="mp"), MW)],
    how="real CSV: Germany 2025 Forecast - Most probable Total Annual")
add("real", "market", "Looking at Portugal as a 4th market. What's Portugal's total installed PV base at the end of 2024?",
    "lookup", [(mv(rm, "Portugal", 2024, typ="Cumulative"), MW)],
    how="real CSV: Portugal 2024 Historical Primary Total Cumulative")
add("sample", "market", "Poland keeps coming up in board meetings. How much capacity was installed in Poland in total by end of 2024 (cumulative)?",
    "lookup", [(mv(sm, "Poland", 2024, typ="Cumulative"), MW)],
    how="sample market: Poland 2024 Historical Primary Total Cumulative")
add("sample", "market", "how many MW of off-grid went in in Spain in 2023",
    "lookup", [(mv(sm, "Spain", 2023, "Off-grid"), MW)],
    how="sample market: Spain 2023 Historical Primary Off-grid Annual")
add("sample", "market",
    "We might bid on Dutch rooftops next year. Low-scenario forecast for distributed PV in the Netherlands in 2025?",
    "lookup", [(mv(sm, "Netherlands", 2025, "Distributed", scen="low"), MW)],
    how="sample market: Netherlands 2025 Forecast - Low Distributed Annual")

# ================================================================ RANK
top = countries_year(rm, 2024).head(5)
add("real", "market", "Need a slide for the board on where the volume is. Top 5 countries for new PV in 2024?",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")
top = countries_year(rm, 2024, "Distributed").head(3)
add("real", "market", "rooftop is our core business. which 3 countries added the most rooftop / distributed PV in 2024?",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 3")
five = ["Italy", "Spain", "Germany", "France", "Poland"]
r = pd.Series({c: mv(rm, c, 2024, "Centralised") for c in five}).sort_values(ascending=False)
add("real", "market",
    "For our utility-scale pipeline: rank Italy, Spain, Germany, France and Poland by centralised installs in 2024.",
    "rank", [(v, MW) for v in r.values], list(r.index),
    how="real CSV: 2024 Historical Primary Centralised Annual for the 5 named countries, sorted desc")
top = countries_year(rm, 2023, typ="Cumulative").head(3)
add("real", "market", "Biggest PV fleets worldwide at end of 2023 - top 3 countries pls",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2023 Historical Primary Total Cumulative, countries only, top 3")
top = countries_year(rm, 2030, scen="mp").head(3)
add("real", "market",
    "Looking at the 2030 outlook (most probable): which three countries are expected to add the most PV that year?",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2030 Forecast - Most probable Total Annual, countries only (forecasts exist for European countries), top 3")
sc = [c for c in sm.Territory.unique() if c not in AGGREGATES]
r = pd.Series({c: mv(sm, c, 2024, "Distributed") for c in sc}).sort_values(ascending=False)
add("sample", "market", "Rank the countries you have by distributed (rooftop) additions in 2024, biggest first.",
    "rank", [(v, MW) for v in r.values], list(r.index),
    how="sample market: 2024 Historical Primary Distributed Annual, all 6 countries (World excluded), sorted desc")
r = pd.Series({c: mv(sm, c, 2027, scen="mp") for c in sc}).sort_values(ascending=False).head(3)
add("sample", "market", "Planning partner visits for 2027. top 3 markets for 2027 in the base case forecast?",
    "rank", [(v, MW) for v in r.values], list(r.index),
    how="sample market: 2027 Forecast - Most probable Total Annual, countries only, top 3")

# ================================================================ SHARE
a, b = mv(rm, "Italy", 2024, "Distributed"), mv(rm, "Italy", 2024)
add("real", "market", "What share of Italy's 2024 PV additions was rooftop (distributed)?",
    "share", [(a / b * 100, PCT)],
    how="real CSV: Italy 2024 Distributed / Total, Annual, Historical Primary")
a, b = mv(rm, "Germany", 2024), mv(rm, "World", 2024)
add("real", "market", "Prepping an investor deck. Germany's share of global new installations in 2024, in %?",
    "share", [(a / b * 100, PCT)],
    how="real CSV: Germany 2024 Total Annual / World 2024 Total Annual, Historical Primary")
a, b = mv(rm, "Spain", 2024, "Centralised"), mv(rm, "Spain", 2024)
add("real", "market",
    "Spain feels like a pure utility market to us. How much of Spain's 2024 market was centralised, as a %?",
    "share", [(a / b * 100, PCT)],
    how="real CSV: Spain 2024 Centralised / Total, Annual, Historical Primary")
a, b = mv(rm, "China", 2024, typ="Cumulative"), mv(rm, "World", 2024, typ="Cumulative")
add("real", "market", "what % of the world's installed PV base sits in China at end-2024?",
    "share", [(a / b * 100, PCT)],
    how="real CSV: China / World, 2024 Total Cumulative, Historical Primary")
a, b = mv(sm, "Germany", 2024), mv(sm, "World", 2024)
add("sample", "market", "What percentage of 2024 global installs came from Germany?",
    "share", [(a / b * 100, PCT)],
    how="sample market: Germany / World, 2024 Total Annual, Historical Primary")
a, b = mv(sm, "Italy", 2030, "Centralised"), mv(sm, "Italy", 2030)
add("sample", "market",
    "Thinking long term on Italian utility projects. In the most probable forecast, what share of Italy's 2030 additions is centralised?",
    "share", [(a / b * 100, PCT)],
    how="sample market: Italy 2030 Forecast - Most probable Centralised / Total, Annual")

# ================================================================ CHANGE
a, b = mv(rm, "Italy", 2023), mv(rm, "Italy", 2024)
add("real", "market", "Italy had a strong year. How much did the Italian market grow from 2023 to 2024 in %?",
    "change", [(pct(a, b), PCT)],
    how="real CSV: Italy Total Annual, (2024-2023)/2023*100")
a, b = mv(rm, "Spain", 2019), mv(rm, "Spain", 2024)
add("real", "market", "CAGR of Spain's annual installations 2019-2024?",
    "change", [(cagr(a, b, 5), PCT)],
    how="real CSV: Spain Total Annual, (2024/2019)^(1/5)-1")
a, b = mv(rm, "Germany", 2022, "Distributed"), mv(rm, "Germany", 2024, "Distributed")
add("real", "market", "By how many MW did German rooftop (distributed) additions grow between 2022 and 2024?",
    "change", [(b - a, MW)],
    how="real CSV: Germany Distributed Annual 2024 - 2022")
a, b = mv(rm, "Netherlands", 2023), mv(rm, "Netherlands", 2024)
add("real", "market", "Heard the Dutch market is slowing. 2024 vs 2023 change in % for the Netherlands?",
    "change", [(pct(a, b), PCT)],
    how="real CSV: Netherlands Total Annual, (2024-2023)/2023*100")
a, b = mv(sm, "Poland", 2023), mv(sm, "Poland", 2024)
add("sample", "market", "poland yoy change in new installs 2023 to 2024?",
    "change", [(pct(a, b), PCT)],
    how="sample market: Poland Total Annual, (2024-2023)/2023*100")
a, b = mv(sm, "Italy", 2024), mv(sm, "Italy", 2030, scen="mp")
add("sample", "market",
    "For our 5-year plan: what's the CAGR of Italian annual installations from 2024 to 2030 in the most probable case?",
    "change", [(cagr(a, b, 6), PCT)],
    how="sample market: Italy Total Annual 2024 (Historical) -> 2030 (Forecast - Most probable), ^(1/6)-1")

# ================================================================ COMPARE
v = {c: mv(rm, c, 2024) for c in ["Italy", "Spain", "Germany"]}
add("real", "market", "Our three markets side by side: 2024 installs in Italy, Spain and Germany?",
    "compare", [(x, MW) for x in v.values()], list(v.keys()),
    how="real CSV: 2024 Historical Primary Total Annual for IT, ES, DE")
a, b = mv(rm, "Italy", 2023, "Distributed"), mv(rm, "Spain", 2023, "Distributed")
add("real", "market", "Who did more rooftop in 2023, Italy or Spain, and by how much?",
    "compare", [(a, MW), (b, MW), (a - b, MW)], ["Italy"],
    how="real CSV: 2023 Distributed Annual Italy vs Spain, difference Italy - Spain")
a, b = mv(rm, "Germany", 2024), mv(rm, "Italy", 2024)
add("real", "market", "Our German team claims they're way bigger than Italy. How many times bigger was the German market than the Italian one in 2024?",
    "compare", [(a / b, "x")],
    how="real CSV: Germany / Italy, 2024 Total Annual")
a, b = mv(sm, "Germany", 2024, typ="Cumulative"), mv(sm, "France", 2024, typ="Cumulative")
add("sample", "market", "Installed base end 2024: Germany vs France?",
    "compare", [(a, MW), (b, MW)], ["Germany"],
    how="sample market: 2024 Total Cumulative Germany and France")
a, b = mv(sm, "Netherlands", 2022, "Distributed"), mv(sm, "Poland", 2022, "Distributed")
add("sample", "market", "Compare Dutch and Polish distributed installs in 2022.",
    "compare", [(a, MW), (b, MW)],
    how="sample market: 2022 Distributed Annual Netherlands and Poland")

# ================================================================ EXTREME
s = series(rm, "Spain", range(2001, 2025))
yr = max(s, key=s.get)
add("real", "market", "Spain's been on a run. What was Spain's record year for new PV so far (historical data only)?",
    "extreme", [(s[yr], MW)], [yr],
    how="real CSV: Spain Total Annual Historical Primary 2001-2024, max")
s = series(rm, "Italy", range(1992, 2020))
yr = max(s, key=s.get)
add("real", "market", "Before 2020, which was Italy's peak year for installations and how much went in?",
    "extreme", [(s[yr], MW)], [yr],
    how="real CSV: Italy Total Annual Historical Primary 1992-2019, max")
s = series(rm, "Germany", range(2010, 2025))
yr = min(s, key=s.get)
add("real", "market", "For a market-cycle slide: Germany's weakest year for additions since 2010?",
    "extreme", [(s[yr], MW)], [yr],
    how="real CSV: Germany Total Annual Historical Primary 2010-2024, min")
s = series(sm, "Netherlands", range(2015, 2025))
yr = min(s, key=s.get)
add("sample", "market", "lowest year for dutch installs between 2015 and 2024?",
    "extreme", [(s[yr], MW)], [yr],
    how="sample market: Netherlands Total Annual Historical Primary 2015-2024, min")
s = series(sm, "Spain", range(2025, 2031), "Distributed", scen="mp")
yr = max(s, key=s.get)
add("sample", "market",
    "In the base-case outlook for 2025-2030, which year is best for Spanish rooftop (distributed) additions?",
    "extreme", [(s[yr], MW)], [yr],
    how="sample market: Spain Distributed Annual Forecast - Most probable 2025-2030, max")

# ================================================================ AVERAGE
s = series(rm, "Spain", range(2020, 2025))
add("real", "market", "Staffing plan for Spain depends on volume. Average annual additions in Spain over 2020-2024?",
    "average", [(sum(s.values()) / len(s), MW)],
    how="real CSV: mean of Spain Total Annual 2020..2024")
s = series(rm, "Germany", range(2025, 2031), scen="mp")
add("real", "market",
    "We want a run-rate for Germany. What's the average yearly market 2025-2030 in the most probable scenario?",
    "average", [(sum(s.values()) / len(s), MW)],
    how="real CSV: mean of Germany Total Annual Forecast - Most probable 2025..2030")
s = series(sm, "Italy", range(2020, 2025), "Distributed")
add("sample", "market", "avg italian distributed additons per year 2020-2024?",
    "average", [(sum(s.values()) / len(s), MW)],
    how="sample market: mean of Italy Distributed Annual 2020..2024")
x = pser(rp, "Module", "n-type TOPCon", "EU")
x24 = x[x.date.dt.year == 2024]
add("real", "price",
    "Procurement is reviewing last year's contracts. What was the average n-type TOPCon module price in the EU across 2024?",
    "average", [(x24.base_price.mean(), "US$/Wp")],
    how=f"real prices: Module / n-type TOPCon / EU, mean of the {len(x24)} weekly 2024 observations")
x = pser(sp, "Module", "p-type mono-Si PERC M10", "China")
x23 = x[x.date.dt.year == 2023]
add("sample", "price", "average PERC M10 module price in China over 2023?",
    "average", [(x23.base_price.mean(), "US$/Wp")],
    how="sample prices: Module / p-type mono-Si PERC M10 / China, mean of 12 monthly 2023 values")

# ================================================================ SUM
s = series(rm, "Italy", range(2020, 2025))
add("real", "market", "Italian market review. Total PV added in Italy 2020 through 2024 combined?",
    "sum", [(sum(s.values()), MW)],
    how="real CSV: sum of Italy Total Annual 2020..2024")
v = [mv(rm, c, 2024) for c in ["Italy", "Spain", "Germany"]]
add("real", "market", "Combined 2024 additions of Italy, Spain and Germany, in GW?",
    "sum", [(sum(v), MW)],
    how="real CSV: sum of 2024 Total Annual for Italy, Spain, Germany")
s = series(rm, "Germany", range(2025, 2031), scen="high")
add("real", "market", "If the high scenario plays out, how much will Germany add in total over 2025-2030?",
    "sum", [(sum(s.values()), MW)],
    how="real CSV: sum of Germany Total Annual Forecast - High 2025..2030")
s = series(sm, "Poland", range(2025, 2031), scen="mp")
add("sample", "market", "Considering opening a Warsaw office. How much will Poland install in total 2025-2030 in the most probable case?",
    "sum", [(sum(s.values()), MW)],
    how="sample market: sum of Poland Total Annual Forecast - Most probable 2025..2030")
s = series(sm, "Germany", range(2021, 2024), "Distributed")
add("sample", "market", "total german rooftop additions 2021-2023?",
    "sum", [(sum(s.values()), MW)],
    how="sample market: sum of Germany Distributed Annual 2021..2023")

# ================================================================ FIRST / LATEST
ly = last_hist(rm, "Italy")
add("real", "market", "What's the most recent year of actual data for Italy, and how much was installed that year?",
    "first_latest", [(mv(rm, "Italy", ly), MW)], [ly],
    how="real CSV: last Historical Primary year for Italy, Total Annual")
s = series(rm, "Spain", range(2001, 2025))
yr = min(y for y, v in s.items() if v > 5000)
add("real", "market", "Spain got big fast. First year Spain added more than 5 GW?",
    "first_latest", [(s[yr], MW)], [yr],
    how="real CSV: Spain Total Annual Historical Primary, first year > 5000 MW")
s = series(rm, "Germany", range(1992, 2025), typ="Cumulative")
yr = min(y for y, v in s.items() if v > 50000)
add("real", "market", "When did Germany's cumulative PV capacity first pass 50 GW?",
    "first_latest", [(s[yr], MW)], [yr],
    how="real CSV: Germany Total Cumulative Historical Primary, first year > 50000 MW")
ly = last_hist(sm, "France")
add("sample", "market", "Latest year with actuals (not forecast) for France? and the figure",
    "first_latest", [(mv(sm, "France", ly), MW)], [ly],
    how="sample market: last Historical Primary year for France, Total Annual")
x = pser(rp, "Copper", "Copper", "Overseas")
v, d, u = p_latest(x)
add("real", "price", "Cabling costs are killing us. Latest copper price you have?",
    "first_latest", [(v, u)], [d[:4]],
    how="real prices: Copper / Overseas, newest date")

# ================================================================ PRICE (real)
x = pser(rp, "Module", "n-type TOPCon", "EU")
v, d, u = p_latest(x)
add("real", "price", "Need a number for a bid tomorrow. Latest n-type TOPCon module price in Europe?",
    "price", [(v, u)], [],
    how=f"real prices: Module / n-type TOPCon / EU, newest date {d}")
xe, xu = pser(rp, "Module", "n-type TOPCon", "EU"), pser(rp, "Module", "n-type TOPCon", "US")
ve, de, u = p_latest(xe)
vu, du, _ = p_latest(xu)
assert de == du
add("real", "price",
    "We source for both EU and US jobs. TOPCon modules, latest price US vs EU - how big is the gap?",
    "price", [(vu, u), (ve, u), (vu - ve, u)], ["US"],
    how=f"real prices: Module / n-type TOPCon latest ({de}) US and EU, difference US - EU")
add("real", "price", "trying to see how low it went. lowest EU TOPCon module price in your whole series?",
    "price", [(xe.base_price.min(), "US$/Wp")],
    how="real prices: Module / n-type TOPCon / EU, min over whole series")
x = pser(rp, "Cell", "n-type TOPCon M10", "Overseas")
add("real", "price",
    "How much have overseas n-type TOPCon M10 cell prices fallen (%) from the first quote in your data to the latest?",
    "price", [(pct(x.base_price.iloc[0], x.base_price.iloc[-1]), PCT)],
    how="real prices: Cell / n-type TOPCon M10 / Overseas, (latest-first)/first*100")
# this series has several values on some 2025 dates; only its (unique, 2023) maximum is asked
x = pser(rp, "Polysilicon", "Very high purity (12N/12N+, in China)", "China", allow_dup_dates=True)
mx = x.base_price.max()
add("real", "price", "When did polysilicon (very high purity 12N, in China) peak, and at what price?",
    "price", [(mx, "US$/kg")], [unique_date_of(x, mx)[:4]],
    how="real prices: Polysilicon / Very high purity (12N/12N+, in China) / China, max and its date")
x = pser(rp, "EVA", "EVA", "Overseas")
add("real", "price", "BOM review on encapsulants. EVA price in March 2024?",
    "price", [(p_month(x, "2024-03"), "US$/t")],
    how="real prices: EVA / Overseas, observation dated 2024-03")
x = pser(rp, "Aluminium", "Aluminium", "Overseas")
add("real", "price", "Aluminium for mounting structures - what was the price in January 2025?",
    "price", [(p_month(x, "2025-01"), "US$/t")],
    how="real prices: Aluminium / Overseas, observation dated 2025-01")
x = pser(rp, "Silver", "Silver", "Overseas", "K US$/t")
add("real", "price", "silver price october 2024?",
    "price", [(p_month(x, "2024-10"), "K US$/t")],
    how="real prices: Silver / Overseas (K US$/t series), observation dated 2024-10")
day = "2025-02-05"
hjt = pd.Series({r: p_on(pser(rp, "Module", "n-type HJT", r), day) for r in ["China", "EU", "Overseas", "US"]})
cheap = hjt.idxmin()
assert (hjt == hjt.min()).sum() == 1
add("real", "price", "On 5 Feb 2025, which region had the cheapest n-type HJT modules, and at what price?",
    "price", [(hjt.min(), "US$/Wp")], [cheap],
    how=f"real prices: Module / n-type HJT, 2025-02-05 across China, EU, Overseas, US, min")
x = pser(rp, "Wafer", "n-type mono-Si M10", "Overseas")
v, d, u = p_latest(x)
add("real", "price", "Tracking the chain upstream. latest n-type M10 wafer price (overseas)?",
    "price", [(v, u)],
    how=f"real prices: Wafer / n-type mono-Si M10 / Overseas, newest date {d}")

# ================================================================ PRICE (sample)
x = pser(sp, "Module", "n-type TOPCon", "EU")
v, d, u = p_latest(x)
add("sample", "price", "Quoting a rooftop job in Germany. What's the latest TOPCon module price for Europe?",
    "price", [(v, u)],
    how=f"sample prices: Module / n-type TOPCon / EU, newest date {d}")
x = pser(sp, "Module", "n-type TOPCon", "India")
add("sample", "price", "We get Indian module offers now and then. TOPCon module price in India in March 2024?",
    "price", [(p_month(x, "2024-03"), "US$/Wp")],
    how="sample prices: Module / n-type TOPCon / India, 2024-03")
x = pser(sp, "Polysilicon", "High purity - 9N/9N+", "China")
add("sample", "price", "Checking upstream cost pressure. Highest price for high-purity (9N) polysilicon in China over the whole series?",
    "price", [(x.base_price.max(), "US$/kg")],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, max")
x = pser(sp, "Module", "n-type HJT", "US")
add("sample", "price",
    "Our US partner wants HJT. How much did US HJT module prices change from Jan 2023 to Dec 2024, in %?",
    "price", [(pct(p_month(x, "2023-01"), p_month(x, "2024-12")), PCT)],
    how="sample prices: Module / n-type HJT / US, (2024-12 - 2023-01)/2023-01*100")
xc, xe = pser(sp, "Cell", "n-type TOPCon M10", "China"), pser(sp, "Cell", "n-type TOPCon M10", "EU")
(vc, dc, u), (ve, de, _) = p_latest(xc), p_latest(xe)
assert dc == de
add("sample", "price", "TOPCon M10 cells: China vs EU, latest prices?",
    "price", [(vc, u), (ve, u)], [],
    how=f"sample prices: Cell / n-type TOPCon M10 China and EU at {dc}")
x = pser(sp, "PV glass", "Glass 3,2mm", "EU")
add("sample", "price", "glass is a big chunk of bifacial cost. 3.2mm PV glass in the EU, June 2024 price?",
    "price", [(p_month(x, "2024-06"), "US$/m²")],
    how="sample prices: PV glass / Glass 3,2mm / EU, 2024-06")
tp = pd.Series({r: p_month(pser(sp, "Module", "n-type TOPCon", r), "2024-12")
                for r in sp[(sp["item"] == "Module") & (sp.description == "n-type TOPCon")].region.unique()})
tp = tp.sort_values()
add("sample", "price", "Where were TOPCon modules cheapest in December 2024? rank the regions",
    "price", [(v, "US$/Wp") for v in tp.values], list(tp.index),
    how="sample prices: Module / n-type TOPCon, 2024-12, all regions sorted ascending")

# ================================================================ FINANCIAL (sample financials)
v, u = fv(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "Evaluating Helios as a module supplier. Helios Modules revenue for FY2024?",
    "financial", [(v, u)], how="financials: Helios, FY2024, Revenue")
v, u = fv(NOR, "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial",
    "We're checking supplier health before signing. Nordlicht Solar's gross margin in Q4 2024?",
    "financial", [(v, u)], how="financials: Nordlicht, 2024-Q4, Gross margin")
comp = [HEL, SUN, AUR, NOR]
sh = pd.Series({c: fv(c, "FY2024", "Module shipments")[0] for c in comp}).sort_values(ascending=False)
add("real", "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [(sh.iloc[0], "GW")], [sh.index[0].split()[0]],
    how="financials: FY2024 Module shipments, max across the four companies")
a, b = fv(SUN, "FY2023", "Net income")[0], fv(SUN, "FY2024", "Net income")[0]
add("sample", "manufacturer_financial", "SunForge net income FY2023 vs FY2024 - how much did it swing?",
    "financial", [(a, "USD million"), (b, "USD million"), (b - a, "USD million")],
    how="financials: SunForge Net income FY2023, FY2024, difference FY2024-FY2023")
v, u = fv(AUR, "2024-Q4", "Production capacity")
add("real", "manufacturer_financial", "Aurora says they can scale supply for us. aurora pv production capacity at Q4 2024?",
    "financial", [(v, u)], how="financials: Aurora, 2024-Q4, Production capacity")
q = [fv(HEL, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "Average quarterly gross margin for Helios across the four quarters of 2024?",
    "financial", [(sum(q) / 4, PCT)], how="financials: Helios Gross margin mean of 2024-Q1..Q4")
a, b = fv(HEL, "FY2023", "Revenue")[0], fv(HEL, "FY2024", "Revenue")[0]
add("real", "manufacturer_financial", "Helios revenue growth FY2023 -> FY2024 in %?",
    "financial", [(pct(a, b), PCT)], how="financials: Helios Revenue (FY2024-FY2023)/FY2023*100")
qs = [p for p in fin.period.unique() if "-Q" in p]
ni = pd.Series({p: fv(SUN, p, "Net income")[0] for p in qs})
add("sample", "manufacturer_financial", "SunForge is pitching us a frame contract. Which quarter was SunForge's worst for net income?",
    "financial", [(ni.min(), "USD million")], [ni.idxmin()],
    how="financials: SunForge Net income over quarterly periods, min")
q = [fv(NOR, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "Sum of Nordlicht's quarterly module shipments in 2024?",
    "financial", [(sum(q), "GW")], how="financials: Nordlicht Module shipments sum 2024-Q1..Q4")
a, b = fv(HEL, "FY2024", "Gross margin")[0], fv(AUR, "FY2024", "Gross margin")[0]
add("real", "manufacturer_financial", "Compare Helios and Aurora PV on FY2024 gross margin.",
    "financial", [(a, PCT), (b, PCT)], ["Helios", "Aurora"],
    how="financials: FY2024 Gross margin Helios and Aurora")
a, b = fv(HEL, "2024-Q4", "Revenue")[0], fv(NOR, "2024-Q4", "Revenue")[0]
add("sample", "manufacturer_financial", "In Q4 2024, how many times larger was Helios' revenue than Nordlicht's?",
    "financial", [(a / b, "x")], how="financials: 2024-Q4 Revenue Helios / Nordlicht")

# ================================================================ FOLLOW-UPS (last turn judged)
add("real", "market", ["We're benchmarking our home markets. How much PV did Italy install in 2024?", "and Spain?"],
    "follow_up", [(mv(rm, "Spain", 2024), MW)],
    how="real CSV: Spain 2024 Historical Primary Total Annual")
add("real", "market", ["German rooftop (distributed) additions in 2023?", "what about 2024?"],
    "follow_up", [(mv(rm, "Germany", 2024, "Distributed"), MW)],
    how="real CSV: Germany 2024 Distributed Annual")
add("real", "market",
    ["Next year's Spanish market is what matters for our pipeline. Most probable forecast for Spain in 2025?",
     "same for the high scenario"],
    "follow_up", [(mv(rm, "Spain", 2025, scen="high"), MW)],
    how="real CSV: Spain 2025 Forecast - High Total Annual")
top = countries_year(rm, 2024).head(5)
add("real", "market", ["top 5 countries by new capacity in 2024", "show that as a chart"],
    "follow_up", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2024 Historical Primary Total Annual, countries only, top 5 (chart)")
a, b = mv(rm, "Germany", 2024, "Distributed"), mv(rm, "Germany", 2024)
add("real", "market", ["Share of distributed in Italy's 2024 installations?", "and for Germany?"],
    "follow_up", [(a / b * 100, PCT)],
    how="real CSV: Germany 2024 Distributed / Total Annual")
a, b = mv(rm, "Italy", 2019), mv(rm, "Italy", 2024)
add("real", "market", ["CAGR of Spanish annual installs 2019-2024?", "Italy over the same period?"],
    "follow_up", [(cagr(a, b, 5), PCT)],
    how="real CSV: Italy Total Annual (2024/2019)^(1/5)-1")
x = pser(rp, "Cell", "n-type TOPCon M10", "Overseas")
add("real", "price",
    ["Latest n-type TOPCon M10 cell price, overseas?", "what was the low point in that series?"],
    "follow_up", [(x.base_price.min(), "US$/Wp")],
    how="real prices: Cell / n-type TOPCon M10 / Overseas, min over whole series")
a, b = mv(rm, "Poland", 2023), mv(rm, "Poland", 2024)
add("real", "market", ["Our Polish EPC partner is nervous. Poland's installations in 2024?", "how does that compare with 2023 in %?"],
    "follow_up", [(pct(a, b), PCT)],
    how="real CSV: Poland Total Annual (2024-2023)/2023*100")
add("sample", "market",
    ["Germany 2026 additions forecast?", "low case?", "and the high?"],
    "follow_up", [(mv(sm, "Germany", 2026, scen="high"), MW)],
    how="sample market: Germany 2026 Forecast - High Total Annual")
add("sample", "market", ["Italy annual installs 2024?", "how much of that was centralised?"],
    "follow_up", [(mv(sm, "Italy", 2024, "Centralised"), MW)],
    how="sample market: Italy 2024 Centralised Annual")
x = pser(sp, "Module", "n-type TOPCon", "China")
add("sample", "price", ["TOPCon module price in the EU, Dec 2024?", "and in China?"],
    "follow_up", [(p_month(x, "2024-12"), "US$/Wp")],
    how="sample prices: Module / n-type TOPCon / China, 2024-12")
v, u = fv(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["Helios revenue FY2024?", "and SunForge?"],
    "follow_up", [(v, u)], how="financials: SunForge FY2024 Revenue")
add("sample", "market", ["France installed base end of 2024?", "and back in 2020?"],
    "follow_up", [(mv(sm, "France", 2020, typ="Cumulative"), MW)],
    how="sample market: France 2020 Total Cumulative Historical Primary")

# ================================================================ UNANSWERABLE


def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why,
        how="not answerable from the loaded data")


un("real", "market", "Our Spanish clients also do wind. How much wind capacity did Spain add in 2024?",
   "wind is not in the data; PV only")
un("real", "market", "Most of our German rooftop clients want batteries. How many MWh of battery storage got installed alongside rooftop PV in Germany in 2024?",
   "storage is not in the data")
un("real", "market", "what's the LCOE for utility-scale PV in Spain right now?",
   "LCOE is not held")
un("real", "market", "For a client's yield study: how many GWh did Italian PV generate in 2023?",
   "generation (GWh) is not held; only capacity in MW")
un("real", "market", "Current German feed-in tariff for rooftop systems below 10 kW?",
   "tariffs are not held")
un("sample", "market", "Hiring is our bottleneck. How many people work in PV installation in Italy?",
   "jobs/employment are not held")
un("real", "market", "What is the Italian rooftop market worth in EUR in 2024?",
   "market value in EUR is not held; only MW")
un("real", "price", "Putting together a BOM for a 5 MW plant. Latest string inverter price per Wac?",
   "inverters are not among the price items")
un("sample", "price", "What do single-axis trackers cost in Spain at the moment?",
   "trackers/mounting structures are not among the price items, and Spain is not a price region")
un("real", "price", "Latest n-type TOPCon module price in India?",
   "n-type TOPCon module prices exist for China, EU, Overseas and US only, not India")
un("real", "market", "Long-range planning for Germany. What will Germany's total installed PV base be at the end of 2027?",
   "forecast cumulative figures in the real CSV exclude the installed base (running sums from 2025)")
un("real", "market", "forcast for Italian installations in 2032?",
   "forecasts stop at 2030")
un("real", "market", "We have a team in Seville. How much PV did Andalusia install in 2024?",
   "sub-national regions are not in the data")
un("real", "market", "We're scouting new markets - Nigeria's PV additions in 2024?",
   "Nigeria is not a territory in the data")
un("sample", "market", "Portugal's PV installations in 2024?",
   "Portugal is not in the sample market data")
un("sample", "manufacturer_financial", "Comparing suppliers. LONGi's revenue in FY2024?",
   "LONGi is not among the companies in the financials")
un("real", "manufacturer_financial", "EBITDA of Helios Modules for FY2024?",
   "EBITDA is not a metric in the financials")
un("sample", "manufacturer_financial", "Helios revenue in FY2022?",
   "financials cover 2023 and 2024 only")
un("real", "price", "Negotiating with a module supplier. What percentage of a TOPCon module's price is the cell cost?",
   "a share of a price (cost breakdown) is not held")
un("real", "price", "Average efficiency of the TOPCon modules sold in 2024?",
   "module efficiency is not held")
un("sample", "market", "How much solar thermal was installed in Germany in 2023?",
   "solar thermal is not in the data; PV only")
un("real", "market", "German PV installations in Q1 2025?",
   "the data is annual only; no quarterly installations")
un("real", "market",
   "Italy's distributed segment is mostly what we do. What's the residential vs C&I split of it in 2024?",
   "distributed is not split into residential and commercial/industrial")
un("real", "market", "Our board wants LatAm options. Brazilian market forecast for 2026?",
   "the real CSV holds forecasts for European territories only; none for Brazil")
un("sample", "price", "latest silver price?",
   "silver is not in the sample prices")
un("sample", "price", "TOPCon module price in the EU in February 2025?",
   "sample prices end in December 2024")
un("real", "price", "polysilicon price back in 2018?",
   "polysilicon prices start in January 2019")
un("real", "market", "We develop some merchant projects in Spain. What are solar PPA prices there these days?",
   "PPA/electricity prices are not held")
un("sample", "market", "Agri-PV tenders are opening in Italy. How much agrivoltaic capacity was installed in Italy in 2024?",
   "agrivoltaics is not a segment in the data (only centralised/distributed/off-grid)")
un("real", "market", ["Spain's installed base end of 2024?", "and what will it be at end of 2026?"],
   "forecast cumulative figures in the real CSV exclude the installed base")
un("sample", "market", "Typical residential system price in Germany, EUR per kWp?",
   "system prices in EUR are not held")
un("real", "market", "How many GW of utility PV are waiting in Italy's grid connection queue?",
   "grid connection queues / pipelines are not held")

# ================================================================ write + self-check
out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
chains = sum(len(it["turns"]) >= 2 for it in items)
assert chains >= 12, chains
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")
n_fin = sum(it["agent"] == "manufacturer_financial" for it in items)
assert 10 <= n_fin <= 16, n_fin
ctx = sum(any(sep in it["turns"][0] for sep in (". ", "? ", ": ")) for it in items)

print(f"items: {len(items)}  unanswerable: {n_un}  follow-up chains (>=2 turns): {chains}  "
      f"financial: {n_fin}  with a context sentence (approx.): {ctx}")
print("per kind:", dict(sorted(Counter(it["kind"] for it in items).items())))
print("per data:", dict(Counter(it["data"] for it in items)))
print("per agent:", dict(Counter(it["agent"] for it in items)))
print(pd.crosstab(pd.Series([it["kind"] for it in items], name="kind"),
                  pd.Series([it["data"] for it in items], name="data")))
