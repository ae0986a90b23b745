#!/usr/bin/env python3
"""Writer "teacher": a secondary-school geography teacher preparing a renewable-energy lesson.

Computes every expected figure from the data files and writes questions.jsonl.
No expected number is typed by hand.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "teacher"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

# ---------------------------------------------------------------- data
R = pd.read_csv(REAL_MARKET).drop_duplicates()
# after dropping exact duplicates, rows sharing a key differ only in metadata; values agree
assert (R.groupby(KEY)[CAP].nunique() == 1).all()
R = R.drop_duplicates(subset=KEY)
S = pd.read_csv(SAMPLE_MARKET)
assert not S.duplicated(subset=KEY).any()

RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FIN = pd.read_csv(FINANCIALS)

REAL_AGG = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SAMPLE_AGG = {"World"}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


def db(data):
    return (R, REAL_AGG) if data == "real" else (S, SAMPLE_AGG)


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df, _ = db(data)
    sc = scen_for(df, terr, year, scen)
    rows = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == sc)
              & (df.Connection == conn) & (df.Type == typ)]
    assert len(rows) == 1, (data, terr, year, typ, conn, sc, len(rows))
    return float(rows[CAP].iloc[0])


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def rank(data, year, n, typ="Annual", conn="Total", scen=None):
    df, agg = db(data)
    x = df[(df.Year == year) & (df.Connection == conn) & (df.Type == typ)
           & (~df.Territory.isin(agg))]
    if scen is None:
        x = x[[s == scen_for(df, t, year) for t, s in zip(x.Territory, x.Scenario)]]
    else:
        x = x[x.Scenario == SCEN[scen]]
    x = x.sort_values(CAP, ascending=False)
    vals = list(x[CAP])
    if n < len(vals):
        assert vals[n - 1] != vals[n], "tie at ranking boundary"
    top = x.head(n)
    return list(top.Territory), [float(v) for v in top[CAP]]


def peak(data, terr, y0, y1, typ="Annual", conn="Total", lowest=False):
    s = series(data, terr, y0, y1, typ, conn)
    v = min(s.values()) if lowest else max(s.values())
    yrs = [y for y, w in s.items() if w == v]
    assert len(yrs) == 1
    return yrs[0], v


def first_year(data, terr):
    df, _ = db(data)
    x = df[(df.Territory == terr) & (df.Scenario == "Historical Primary") & (df.Type == "Annual")
           & (df.Connection == "Total") & (df[CAP] > 0)].sort_values("Year")
    return int(x.Year.iloc[0]), float(x[CAP].iloc[0])


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- prices
def pser(data, item, desc, region, unit=None):
    df = RP if data == "real" else SP
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    assert len(x) > 0
    return x.sort_values("date")


def p_latest(data, item, desc, region, unit=None):
    x = pser(data, item, desc, region, unit)
    d = x.date.max()
    y = x[x.date == d]
    assert len(y) == 1, (item, desc, region, d, len(y))
    return float(y.base_price.iloc[0]), y.unit.iloc[0], d


def p_first(data, item, desc, region, unit=None):
    x = pser(data, item, desc, region, unit)
    d = x.date.min()
    y = x[x.date == d]
    assert len(y) == 1
    return float(y.base_price.iloc[0]), y.unit.iloc[0], d


def p_month(data, item, desc, region, ym, unit=None):
    x = pser(data, item, desc, region, unit)
    y = x[x.date.dt.strftime("%Y-%m") == ym]
    assert len(y) == 1, (item, desc, region, ym, len(y))
    return float(y.base_price.iloc[0]), y.unit.iloc[0]


def p_ext(data, item, desc, region, fn, unit=None, year=None):
    x = pser(data, item, desc, region, unit)
    if year is not None:
        x = x[x.date.dt.year == year]
    v = float(x.base_price.max() if fn == "max" else x.base_price.min())
    return v, x.unit.iloc[0], sorted(set(x[x.base_price == v].date.dt.strftime("%Y-%m-%d")))


def p_avg(data, item, desc, region, year, unit=None):
    x = pser(data, item, desc, region, unit)
    x = x[x.date.dt.year == year]
    # one observation per date, so the plain mean is the period average
    assert x.date.is_unique
    return float(x.base_price.mean()), x.unit.iloc[0], len(x)


# ---------------------------------------------------------------- financials
def fin(company, period, metric):
    x = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0], x.company.iloc[0]


FIN_UNIT = {"USD million": "USD million", "%": "%", "GW": "GW"}

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind,
          "expect": [] if not answerable else [{"value": float(v), "unit": u} for v, u in (expect or [])],
          "names": [] if not answerable else list(names or []), "how": how}
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


MW = "MW"

# ======================= LOOKUPS =======================
add("real", "market", "lookup",
    "I'm putting together a lesson on renewable energy for my year 10s. How much solar did Germany install in 2024?",
    [(mv("real", "Germany", 2024), MW)],
    how="market CSV: Germany, 2024, Historical Primary, Total, Annual")
add("real", "market", "lookup",
    "how much solar power has Austrailia got altogether? i mean the whole installed amount at the end of 2024",
    [(mv("real", "Australia", 2024, "Cumulative"), MW)],
    how="market CSV: Australia, 2024, Historical Primary, Total, Cumulative")
add("real", "market", "lookup",
    "What was Brazils new solar capacity in 2022?",
    [(mv("real", "Brazil", 2022), MW)],
    how="market CSV: Brazil, 2022, Historical Primary, Total, Annual")
add("real", "market", "lookup",
    "A student told me Pakistan is suddenly huge for solar. How many MW did Pakistan instal in 2024?",
    [(mv("real", "Pakistan", 2024), MW)],
    how="market CSV: Pakistan, 2024, Historical Primary, Total, Annual")
add("real", "market", "lookup",
    "We're looking at solar on houses and schools. How much distributed solar did Italy add in 2023?",
    [(mv("real", "Italy", 2023, conn="Distributed"), MW)],
    how="market CSV: Italy, 2023, Historical Primary, Distributed, Annual")
add("sample", "market", "lookup",
    "Quick one for my slides: how many MW did Poland install in 2021?",
    [(mv("sample", "Poland", 2021), MW)],
    how="sample market: Poland, 2021, Historical Primary, Total, Annual")
add("sample", "market", "lookup",
    "how big was the Netherlands' total solar fleet at the end of 2020?",
    [(mv("sample", "Netherlands", 2020, "Cumulative"), MW)],
    how="sample market: Netherlands, 2020, Historical Primary, Total, Cumulative")
add("sample", "market", "lookup",
    "The kids keep asking about the future. What's the most probable forecast for new solar in Spain in 2027?",
    [(mv("sample", "Spain", 2027, scen="mp"), MW)],
    how="sample market: Spain, 2027, Forecast - Most probable, Total, Annual")

# ======================= RANKINGS (countries only) =======================
n, v = rank("real", 2024, 5)
add("real", "market", "rank",
    "I want a top 5 for a classroom poster. Which 5 countries put in the most solar in 2024?",
    [(x, MW) for x in v], n,
    how="market CSV: 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")
n, v = rank("real", 2024, 3, "Cumulative")
add("real", "market", "rank",
    "For the intro slide I need the big players. The biggest solar countries by total installed capacity at the end of 2024 - top 3 please",
    [(x, MW) for x in v], n,
    how="market CSV: 2024 Cumulative Total Historical Primary, countries only, top 3")
n, v = rank("real", 2023, 3, conn="Distributed")
add("real", "market", "rank",
    "Which three countries added the most distributed (rooftop-type) solar in 2023?",
    [(x, MW) for x in v], n,
    how="market CSV: 2023 Annual Distributed Historical Primary, countries only, top 3")
n, v = rank("real", 2024, 3, conn="Off-grid")
add("real", "market", "rank",
    "Off-grid solar fits my lesson on development. Which 3 countries added the most off-grid solar in 2024?",
    [(x, MW) for x in v], n,
    how="market CSV: 2024 Annual Off-grid Historical Primary, countries only (RoW/regions excluded), top 3")
n, v = rank("sample", 2023, 3)
add("sample", "market", "rank",
    "I'm doing a Europe case study. Which three countries installed the most solar in 2023?",
    [(x, MW) for x in v], n,
    how="sample market: 2023 Annual Total Historical Primary, countries only (World excluded), top 3")
n, v = rank("sample", 2024, 6, "Cumulative")
add("sample", "market", "rank",
    "Can you rank all the countries you have by total installed capacity at the end of 2024, biggest first?",
    [(x, MW) for x in v], n,
    how="sample market: 2024 Cumulative Total Historical Primary, all 6 countries (World excluded), sorted desc")
n, v = rank("sample", 2030, 2, scen="high")
add("sample", "market", "rank",
    "In the high scenario, which two countries are expected to add the most new solar in 2030?",
    [(x, MW) for x in v], n,
    how="sample market: 2030 Annual Total Forecast - High, countries only, top 2")

# ======================= SHARES =======================
a, w = mv("real", "China", 2024), mv("real", "World", 2024)
add("real", "market", "share",
    "Everyone says China dominates solar. What share of the world's new solar in 2024 was installed in China?",
    [(a / w * 100, "%")], ["China"],
    how="market CSV: China 2024 Annual Total / World 2024 Annual Total x 100")
a, w = mv("real", "USA", 2024, "Cumulative"), mv("real", "World", 2024, "Cumulative")
add("real", "market", "share",
    "My class thinks America has most of the world's solar. What percent of all solar installed worldwide (end of 2024) is in the USA?",
    [(a / w * 100, "%")],
    how="market CSV: USA 2024 Cumulative Total / World 2024 Cumulative Total x 100")
a, w = mv("real", "Germany", 2024, conn="Distributed"), mv("real", "Germany", 2024)
add("real", "market", "share",
    "How much of Germany's 2024 installations was distributed solar, as a %?",
    [(a / w * 100, "%")],
    how="market CSV: Germany 2024 Annual Distributed / Germany 2024 Annual Total x 100")
a, w = mv("real", "India", 2023), mv("real", "World", 2023)
add("real", "market", "share",
    "indias share of global solar installations in 2023 in percent?",
    [(a / w * 100, "%")],
    how="market CSV: India 2023 Annual Total / World 2023 Annual Total x 100")
a, w = mv("sample", "Italy", 2024, conn="Centralised"), mv("sample", "Italy", 2024)
add("sample", "market", "share",
    "I'm explaining solar farms vs rooftops. What share of Italy's new solar in 2024 was centralised?",
    [(a / w * 100, "%")],
    how="sample market: Italy 2024 Annual Centralised / Italy 2024 Annual Total x 100")
a, w = mv("sample", "Germany", 2023, "Cumulative"), mv("sample", "World", 2023, "Cumulative")
add("sample", "market", "share",
    "What was Germany's share of the world's total installed solar capacity at the end of 2023?",
    [(a / w * 100, "%")],
    how="sample market: Germany 2023 Cumulative Total / World 2023 Cumulative Total x 100")

# ======================= CHANGE =======================
a, b = mv("real", "India", 2023), mv("real", "India", 2024)
add("real", "market", "change",
    "I think India put in a lot more solar lately. By what % did India's installations change from 2023 to 2024?",
    [(pct(a, b), "%")],
    how="market CSV: India Annual Total 2023 -> 2024, (b-a)/a x 100")
a, b = mv("real", "China", 2015, "Cumulative"), mv("real", "China", 2024, "Cumulative")
add("real", "market", "change",
    "I want to show exponential growth in maths-y terms. What's the CAGR of China's installed solar base between 2015 and 2024?",
    [(cagr(a, b, 2024 - 2015), "%")],
    how="market CSV: China Cumulative Total 2015 and 2024, (b/a)^(1/9)-1")
a, b = mv("real", "USA", 2023), mv("real", "USA", 2024)
add("real", "market", "change",
    "ok next the US. how many more MW of solar did the USA add in 2024 compared with 2023?",
    [(b - a, MW)],
    how="market CSV: USA Annual Total 2024 minus 2023")
a, b = mv("real", "Spain", 2019), mv("real", "Spain", 2024)
add("real", "market", "change",
    "A few years ago, in 2019, Spain had a big solar year. What's the % change in Spain's annual installations from 2019 to 2024?",
    [(pct(a, b), "%")],
    how="market CSV: Spain Annual Total 2019 -> 2024, (b-a)/a x 100")
a, b = mv("sample", "France", 2020), mv("sample", "France", 2024)
add("sample", "market", "change",
    "France has a lot of nuclear so I'm curious. By how many percent did France's yearly solar installs change from 2020 to 2024?",
    [(pct(a, b), "%")],
    how="sample market: France Annual Total 2020 -> 2024, (b-a)/a x 100")
a, b = mv("sample", "Poland", 2018, "Cumulative"), mv("sample", "Poland", 2024, "Cumulative")
add("sample", "market", "change",
    "Whats the compound annual growth rate of Poland's cumulative solar capacity from 2018 to 2024?",
    [(cagr(a, b, 6), "%")],
    how="sample market: Poland Cumulative Total 2018 and 2024, (b/a)^(1/6)-1")
a, b = mv("sample", "Germany", 2022), mv("sample", "Germany", 2023)
add("sample", "market", "change",
    "Germany seems to have jumped a lot. Year on year change in Germany's new installations from 2022 to 2023, in MW and in %?",
    [(b - a, MW), (pct(a, b), "%")],
    how="sample market: Germany Annual Total 2023 minus 2022, and (b-a)/a x 100")

# ======================= COMPARISONS =======================
a, b = mv("real", "Spain", 2024), mv("real", "Italy", 2024)
assert a > b
add("real", "market", "compare",
    "Both are sunny Mediterranean countries. Who installed more solar in 2024, Spain or Italy? and by how much?",
    [(a, MW), (b, MW), (a - b, MW)], ["Spain"],
    how="market CSV: Spain and Italy 2024 Annual Total, difference")
vals = {c: mv("real", c, 2024, "Cumulative") for c in ["Japan", "Germany", "India"]}
add("real", "market", "compare",
    "For a map activity: compare the total solar capacity of Japan, Germany and India at the end of 2024. Which is biggest?",
    [(x, MW) for x in vals.values()], [max(vals, key=vals.get)],
    how="market CSV: 2024 Cumulative Total for Japan, Germany, India; largest named")
a, b = mv("real", "France", 2024), mv("real", "UK", 2024)
add("real", "market", "compare",
    "France vs the UK - new solar in 2024?",
    [(a, MW), (b, MW)], ["France" if a > b else "UK"],
    how="market CSV: France and UK 2024 Annual Total")
a, b = mv("real", "Brazil", 2021), mv("real", "Chile", 2021)
add("real", "market", "compare",
    "We're doing South America next week. Brazil or Chile, which one installed more solar in 2021?",
    [(a, MW), (b, MW)], ["Brazil" if a > b else "Chile"],
    how="market CSV: Brazil and Chile 2021 Annual Total")
a, b = mv("sample", "Germany", 2024), mv("sample", "France", 2024)
add("sample", "market", "compare",
    "Germany or France - who added more solar in 2024, and how many times more?",
    [(a, MW), (b, MW), (a / b, "x")], ["Germany" if a > b else "France"],
    how="sample market: Germany and France 2024 Annual Total, ratio")
a, b = mv("sample", "Germany", 2024, "Cumulative"), mv("sample", "Poland", 2024, "Cumulative")
add("sample", "market", "compare",
    "How many times bigger was Germany's installed base than Poland's at the end of 2024?",
    [(a / b, "x")],
    how="sample market: Germany 2024 Cumulative Total / Poland 2024 Cumulative Total")

# ======================= PEAK / RECORD / LOWEST =======================
y, v = peak("real", "Spain", first_year("real", "Spain")[0], 2024)
add("real", "market", "extreme",
    "Which year did Spian install the most solar? only the actual data up to 2024 please",
    [(v, MW)], [str(y)],
    how="market CSV: Spain Annual Total Historical Primary, max over all historical years")
jy0 = int(R[(R.Territory == "Japan") & (R.Type == "Annual") & (R.Connection == "Total")].Year.min())
jy1 = int(R[(R.Territory == "Japan") & (R.Type == "Annual") & (R.Connection == "Total")].Year.max())
y, v = peak("real", "Japan", jy0, jy1)
add("real", "market", "extreme",
    "What was Japan's record year for solar installations?",
    [(v, MW)], [str(y)],
    how=f"market CSV: Japan Annual Total, max over all years {jy0}-{jy1} (no forecasts for Japan)")
y, v = peak("real", "Germany", 2010, 2024, lowest=True)
add("real", "market", "extreme",
    "since 2010 which was Germnay's worst year for new solar installations?",
    [(v, MW)], [str(y)],
    how="market CSV: Germany Annual Total Historical Primary 2010-2024, min")
y, v = peak("real", "Italy", first_year("real", "Italy")[0], 2024)
add("real", "market", "extreme",
    "I remember Italy had a solar boom once. When did Italy have its biggest solar year (historical data only)?",
    [(v, MW)], [str(y)],
    how="market CSV: Italy Annual Total Historical Primary, max over all historical years")
y, v = peak("sample", "Netherlands", 2015, 2024)
add("sample", "market", "extreme",
    "which year had the most new solar in the Netherlands between 2015 and 2024?",
    [(v, MW)], [str(y)],
    how="sample market: Netherlands Annual Total Historical Primary 2015-2024, max")
y, v = peak("sample", "France", 2015, 2030, lowest=True)
add("sample", "market", "extreme",
    "What was the lowest year for France's new installations in your data?",
    [(v, MW)], [str(y)],
    how="sample market: France Annual Total 2015-2030 (historical then most probable), min")

# ======================= AVERAGES =======================
s = series("real", "Brazil", 2020, 2024)
add("real", "market", "average",
    "Brazil is in our Latin America unit. on average how much solar did Brazil install per year from 2020 to 2024?",
    [(sum(s.values()) / len(s), MW)],
    how="market CSV: Brazil Annual Total 2020-2024, mean of 5 years")
s = series("real", "UK", 2015, 2024)
add("real", "market", "average",
    "The UK is not very sunny, which is my point for the lesson. What were the average yearly solar installations in the UK over 2015-2024?",
    [(sum(s.values()) / len(s), MW)],
    how="market CSV: UK Annual Total 2015-2024, mean of 10 years")
s = series("real", "Germany", 2025, 2030, scen="mp")
add("real", "market", "average",
    "Thinking about the 2030 climate targets. How much new solar is Germany expected to add per year on average from 2025 to 2030, most probable scenario?",
    [(sum(s.values()) / len(s), MW)],
    how="market CSV: Germany Annual Total Forecast - Most probable 2025-2030, mean")
s = series("sample", "Spain", 2019, 2024)
add("sample", "market", "average",
    "average annual solar installs in Spain 2019–2024?",
    [(sum(s.values()) / len(s), MW)],
    how="sample market: Spain Annual Total 2019-2024, mean of 6 years")
s = series("sample", "Italy", 2025, 2030, scen="mp")
add("sample", "market", "average",
    "What's the average forecast yearly market for Italy from 2025 to 2030 (most probable)?",
    [(sum(s.values()) / len(s), MW)],
    how="sample market: Italy Annual Total Forecast - Most probable 2025-2030, mean")

# ======================= SUMS =======================
s = series("real", "India", 2020, 2024)
add("real", "market", "sum",
    "India has a huge population and lots of sun. How much solar did India add altogether between 2020 and 2024?",
    [(sum(s.values()), MW)],
    how="market CSV: India Annual Total 2020-2024, sum")
s = [mv("real", c, 2024) for c in ["France", "Germany", "Italy"]]
add("real", "market", "sum",
    "For a group task on the big EU economies: total new solar in France, Germany and Italy combined in 2024?",
    [(sum(s), MW)],
    how="market CSV: 2024 Annual Total France + Germany + Italy")
s = series("real", "UK", 2025, 2030, scen="low")
add("real", "market", "sum",
    "If the low forecast turns out right, how much solar will the UK add in total over 2025-2030?",
    [(sum(s.values()), MW)],
    how="market CSV: UK Annual Total Forecast - Low 2025-2030, sum")
s = series("sample", "Poland", 2025, 2030, scen="high")
add("sample", "market", "sum",
    "how much will Poland add in total from 2025 to 2030 in the high scenario?",
    [(sum(s.values()), MW)],
    how="sample market: Poland Annual Total Forecast - High 2025-2030, sum")
s = [mv("sample", c, 2023) for c in ["Spain", "Italy"]]
add("sample", "market", "sum",
    "Spain and Italy together - how much solar did they install in 2023?",
    [(sum(s), MW)],
    how="sample market: 2023 Annual Total Spain + Italy")

# ======================= FIRST / LATEST =======================
ly = last_hist(R, "Chile")
add("real", "market", "first_latest",
    "What's the most recent year you have actual figures for Chile, and how much did Chile install that year?",
    [(mv("real", "Chile", ly), MW)], [str(ly)],
    how="market CSV: Chile last Historical Primary year, Annual Total")
y, v = first_year("real", "Pakistan")
add("real", "market", "first_latest",
    "When did Pakistan first install any solar according to your data, and how much?",
    [(v, MW)], [str(y)],
    how="market CSV: Pakistan first Historical Primary year with Annual Total > 0")
y, v = first_year("real", "Brazil")
add("real", "market", "first_latest",
    "I want a timeline on the board. first year with solar installations in Brazil in your data?",
    [(v, MW)], [str(y)],
    how="market CSV: Brazil first Historical Primary year with Annual Total > 0")
ly = last_hist(S, "Germany")
add("sample", "market", "first_latest",
    "what's the latest year of actual (not forecast) data for Germany, and what did Germany install then?",
    [(mv("sample", "Germany", ly), MW)], [str(ly)],
    how="sample market: Germany last Historical Primary year, Annual Total")
fy = int(S[(S.Territory == "France") & (S.Scenario == SCEN["mp"])].Year.max())
add("sample", "market", "first_latest",
    "How far into the future do the forecasts go for France, and what's the most probable figure for new solar in that last year?",
    [(mv("sample", "France", fy, scen="mp"), MW)], [str(fy)],
    how="sample market: France last forecast year, Forecast - Most probable, Annual Total")

# ======================= PRICES (real) =======================
v, u, d = p_latest("real", "Module", "n-type TOPCon", "EU")
add("real", "price", "price",
    "Some parents asked me if panels are getting cheaper. What's the latest price of TOPCon solar modules in Europe?",
    [(v, u)], how=f"prices parquet: Module / n-type TOPCon / EU, newest date {d.date()}")
v, u = p_month("real", "Copper", "Copper", "Overseas", "2024-03")
add("real", "price", "price",
    "Solar panels need copper wiring. What did copper cost in March 2024?",
    [(v, u)], how="prices parquet: Copper / Copper / Overseas, monthly observation 2024-03")
v, u = p_month("real", "Silver", "Silver", "Overseas", "2024-12", unit="K US$/t")
add("real", "price", "price",
    "silver price in december 2024?",
    [(v, u)], how="prices parquet: Silver / Silver / Overseas (K US$/t series), observation 2024-12")
a, u, d0 = p_first("real", "Module", "n-type TOPCon", "US")
b, _, d1 = p_latest("real", "Module", "n-type TOPCon", "US")
add("real", "price", "price",
    "How much have TOPCon module prices in the US changed since your data starts, in %?",
    [(pct(a, b), "%")],
    how=f"prices parquet: Module / n-type TOPCon / US, first {d0.date()} -> latest {d1.date()}, % change")
lat = {r: p_latest("real", "Module", "n-type TOPCon", r) for r in ["China", "EU", "US"]}
cheap = min(lat, key=lambda r: lat[r][0])
add("real", "price", "price",
    "Which is cheapest right now for TOPCon modules: China, Europe or the US?",
    [(lat[cheap][0], lat[cheap][1])], [cheap],
    how="prices parquet: Module / n-type TOPCon, latest value for China, EU, US; min")
t = p_latest("real", "Module", "n-type TOPCon", "China")
h = p_latest("real", "Module", "n-type HJT", "China")
add("real", "price", "price",
    "My students asked what TOPCon and HJT mean. Can you compare the latest price of TOPCon and HJT modules in China?",
    [(t[0], t[1]), (h[0], h[1])], ["TOPCon" if t[0] < h[0] else "HJT"],
    how="prices parquet: Module n-type TOPCon China and Module n-type HJT China, latest each")
v, u, ds = p_ext("real", "Aluminium", "Aluminium", "Overseas", "min")
add("real", "price", "price",
    "The frames are aluminium I believe. What was the lowest aluminium price in your data?",
    [(v, u)], how=f"prices parquet: Aluminium / Overseas monthly, min over whole series ({ds})")
v, u, nobs = p_avg("real", "EVA", "EVA", "Overseas", 2024)
add("real", "price", "price",
    "EVA is the plastic layer in panels, right? What was the average EVA price in 2024?",
    [(v, u)], how=f"prices parquet: EVA / Overseas monthly, mean of {nobs} observations in 2024")

# ======================= PRICES (sample) =======================
v, u = p_month("sample", "Module", "p-type mono-Si PERC M10", "India", "2024-06")
add("sample", "price", "price",
    "what did PERC modules cost in India in June 2024?",
    [(v, u)], how="sample prices: Module / p-type mono-Si PERC M10 / India, 2024-06")
dec = {r: p_month("sample", "Module", "n-type HJT", r, "2024-12")
       for r in sorted(SP[(SP.item == "Module") & (SP.description == "n-type HJT")].region.unique())}
cheap = min(dec, key=lambda r: dec[r][0])
add("sample", "price", "price",
    "We're discussing trade and globalisation. Which region had the cheapest HJT modules in December 2024?",
    [(dec[cheap][0], dec[cheap][1])], [cheap],
    how="sample prices: Module / n-type HJT, 2024-12 value per region; min")
v, u, ds = p_ext("sample", "Polysilicon", "High purity - 9N/9N+", "China", "max")
add("sample", "price", "price",
    "Polysilicon is what panels are made from, I think. What was the highest polysilicon price in China in your data?",
    [(v, u)], how=f"sample prices: Polysilicon / High purity 9N / China, max over series ({ds})")
a, u = p_month("sample", "PV glass", "Glass 3,2mm", "EU", "2023-01")
b, _ = p_month("sample", "PV glass", "Glass 3,2mm", "EU", "2024-12")
add("sample", "price", "price",
    "How much did the price of solar glass in the EU change from January 2023 to December 2024, in %?",
    [(pct(a, b), "%")], how="sample prices: PV glass / Glass 3,2mm / EU, 2023-01 -> 2024-12 % change")
v, u, nobs = p_avg("sample", "Wafer", "p-type mono-Si M10", "China", 2024)
add("sample", "price", "price",
    "average price of p-type M10 wafers in China during 2024?",
    [(v, u)], how=f"sample prices: Wafer / p-type mono-Si M10 / China, mean of {nobs} monthly values in 2024")

# ======================= FINANCIALS (sample financials, both instances) =======================
v, u, c = fin("Helios", "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial",
    "I want one company example for the business side. How much revenue did Helios Modules make in the full year 2024?",
    [(v, u)], how=f"financials: {c}, FY2024, Revenue")
v, u, c = fin("SunForge", "2024-Q3", "Net income")
add("sample", "manufacturer_financial", "financial",
    "What was SunForge's net income in Q3 2024?",
    [(v, u)], how=f"financials: {c}, 2024-Q3, Net income")
gm = {c: fin(c.split()[0], "FY2023", "Gross margin")[0] for c in FIN.company.unique()}
best = max(gm, key=gm.get)
add("real", "manufacturer_financial", "financial",
    "We're talking about the solar industry as a business too. Which manufacturer had the highest gross margin in FY2023?",
    [(gm[best], "%")], [best.split()[0]],
    how="financials: Gross margin FY2023 for all four companies; max")
a = fin("Aurora", "FY2023", "Module shipments")
b = fin("Aurora", "FY2024", "Module shipments")
add("sample", "manufacturer_financial", "financial",
    "By what % did Aurora's module shipments grow from FY2023 to FY2024?",
    [(pct(a[0], b[0]), "%")], how="financials: Aurora PV Group Module shipments FY2023 -> FY2024, % change")
v, u, c = fin("Nordlicht", "2024-Q4", "Production capacity")
add("real", "manufacturer_financial", "financial",
    "What production capacity did Nordlicht Solar have at the end of 2024 (Q4)?",
    [(v, u)], how=f"financials: {c}, 2024-Q4, Production capacity")
a = fin("Helios", "2024-Q2", "Revenue")
b = fin("SunForge", "2024-Q2", "Revenue")
add("sample", "manufacturer_financial", "financial",
    "compare the revenue of Helios and SunForge in 2024-Q2",
    [(a[0], a[1]), (b[0], b[1])], ["Helios" if a[0] > b[0] else "SunForge"],
    how="financials: Revenue 2024-Q2 for Helios Modules Ltd and SunForge Energy")
rv = {c: fin(c.split()[0], "FY2024", "Revenue")[0] for c in FIN.company.unique()}
order = sorted(rv, key=rv.get, reverse=True)
add("real", "manufacturer_financial", "financial",
    "Rank the four solar manufacturers by revenue in FY2024 please.",
    [(rv[c], "USD million") for c in order], [c.split()[0] for c in order],
    how="financials: Revenue FY2024 for all four companies, sorted desc")
v, u, c = fin("SunForge", "FY2024", "Net income")
add("sample", "manufacturer_financial", "financial",
    "Did SunForge make a loss in 2024 overall? how much?",
    [(v, u)], how=f"financials: {c}, FY2024, Net income (negative = loss)")
tot = sum(fin(c.split()[0], "FY2024", "Module shipments")[0] for c in FIN.company.unique())
add("real", "manufacturer_financial", "financial",
    "What were the total module shipments of all four companies together in FY2024?",
    [(tot, "GW")], how="financials: Module shipments FY2024, sum over four companies")
q = [fin("Aurora", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "financial",
    "What was Aurora PV's average gross margin over the four quarters of 2024?",
    [(sum(q) / 4, "%")], how="financials: Aurora PV Group Gross margin 2024-Q1..Q4, mean of the four quarterly values")

# ======================= FOLLOW-UPS =======================
add("real", "market", "follow_up",
    ["We're doing southern Europe today. How much solar did Italy install in 2024?", "and Spain?"],
    [(mv("real", "Spain", 2024), MW)],
    how="market CSV: Spain, 2024, Historical Primary, Total, Annual")
a, w = mv("real", "China", 2020), mv("real", "World", 2020)
add("real", "market", "follow_up",
    ["What share of the world's new solar in 2024 was China's?", "what about in 2020?"],
    [(a / w * 100, "%")],
    how="market CSV: China 2020 Annual Total / World 2020 Annual Total x 100")
add("real", "market", "follow_up",
    ["How much new solar is France expected to add in 2030?", "same for the high scenario"],
    [(mv("real", "France", 2030, scen="high"), MW)],
    how="market CSV: France, 2030, Forecast - High, Total, Annual")
n, v = rank("real", 2019, 3)
add("real", "market", "follow_up",
    ["Which 3 countries installed the most solar in 2023?", "and a few years before that, in 2019?"],
    [(x, MW) for x in v], n,
    how="market CSV: 2019 Annual Total Historical Primary, countries only, top 3")
s = series("real", "Germany", 2020, 2024)
add("real", "market", "follow_up",
    ["Germany's solar installations in 2024?", "can you show that as a chart from 2020 to 2024?"],
    [(x, MW) for x in s.values()],
    how="market CSV: Germany Annual Total Historical Primary 2020-2024 (5 values)")
v, u, d = p_latest("real", "Aluminium", "Aluminium", "Overseas")
add("real", "price", "follow_up",
    ["What's the latest copper price?", "and aluminium?"],
    [(v, u)], how=f"prices parquet: Aluminium / Overseas, newest date {d.date()}")
y, v = peak("real", "Chile", first_year("real", "Chile")[0], last_hist(R, "Chile"))
add("real", "market", "follow_up",
    ["Which year did Brazil install the most solar?", "what about Chile?"],
    [(v, MW)], [str(y)],
    how="market CSV: Chile Annual Total Historical Primary, max over all years (no forecasts for Chile)")
a, b = mv("real", "India", 2022), mv("real", "India", 2023)
add("real", "market", "follow_up",
    ["How much did India install in 2023?", "how does that compare with 2022, in percent?"],
    [(pct(a, b), "%")],
    how="market CSV: India Annual Total 2022 -> 2023, (b-a)/a x 100")
a, w = mv("real", "Australia", 2024, conn="Off-grid"), mv("real", "Australia", 2024)
add("real", "market", "follow_up",
    ["How much off-grid solar did Australia add in 2024?", "what share of Australia's total 2024 installations is that?"],
    [(a / w * 100, "%")],
    how="market CSV: Australia 2024 Annual Off-grid / Australia 2024 Annual Total x 100")
add("sample", "market", "follow_up",
    ["How much did the Netherlands install in 2022?", "how much of that was distributed?"],
    [(mv("sample", "Netherlands", 2022, conn="Distributed"), MW)],
    how="sample market: Netherlands, 2022, Historical Primary, Distributed, Annual")
add("sample", "market", "follow_up",
    ["What is Spain's total installed solar capacity at the end of 2024?",
     "how big is it expected to be by 2030?", "and in the low scenario?"],
    [(mv("sample", "Spain", 2030, "Cumulative", scen="low"), MW)],
    how="sample market: Spain, 2030, Forecast - Low, Total, Cumulative (sample forecasts include the base)")
v, u, c = fin("SunForge", "FY2024", "Revenue")
add("sample", "manufacturer_financial", "follow_up",
    ["What was Helios Modules' revenue in FY2024?", "and SunForge?"],
    [(v, u)], how=f"financials: {c}, FY2024, Revenue")
eu = p_latest("sample", "Module", "n-type TOPCon", "EU")
us = p_latest("sample", "Module", "n-type TOPCon", "US")
add("sample", "price", "follow_up",
    ["What's the latest price for TOPCon modules in the EU?", "how does it compare with the US?"],
    [(eu[0], eu[1]), (us[0], us[1])], ["US" if us[0] > eu[0] else "EU"],
    how=f"sample prices: Module / n-type TOPCon, latest ({eu[2].date()}) EU and US; the dearer one named")
a, b = mv("sample", "Poland", 2020), mv("sample", "Poland", 2024)
add("sample", "market", "follow_up",
    ["By what percent did Germany's solar installations grow from 2020 to 2024?", "same for Poland"],
    [(pct(a, b), "%")],
    how="sample market: Poland Annual Total 2020 -> 2024, (b-a)/a x 100")
v, u = p_month("sample", "Module", "p-type mono-Si PERC M10", "China", "2024-12")
add("sample", "price", "follow_up",
    ["What was the price of PERC modules in China in January 2023?", "and in December 2024?"],
    [(v, u)], how="sample prices: Module / p-type mono-Si PERC M10 / China, 2024-12")

# ======================= UNANSWERABLE =======================
def no(data, agent, turns, why):
    add(data, agent, "unanswerable", turns, answerable=False, why=why)


no("real", "market", "We're comparing renewables in class. How much wind power did Germany install in 2024?",
   "wind capacity is not in the data; it holds solar PV only")
no("real", "market", "How much electricity did solar panels produce in Spain in 2024, in GWh?",
   "generation (GWh) is not held; only installed capacity in MW")
no("real", "market", "how many people have jobs in the solar industry in India?",
   "employment figures are not in the data")
no("real", "market", "A student asked what electricity from a big solar farm costs. What's the LCOE of solar in Chile?",
   "LCOE is not held")
no("real", "price", "How efficient are the newest solar panels - what % of sunlight do they turn into electricity?",
   "module efficiency is not held; price data only")
no("real", "market", "Next lesson is on Africa. How much solar does Nigeria have?",
   "Nigeria is not a territory in the market data")
no("real", "market", "how much solar was installed in the whole world in 1985?",
   "market data start in 1992")
no("real", "market", "Solar and batteries go together. How much battery storage did Australia install in 2024?",
   "storage is not in the data")
no("real", "market", "What was the feed in tarif for solar in Germany back in 2010?",
   "tariffs / support levels are not held")
no("real", "market", "Greece has those solar water heaters on every roof. How much solar thermal capacity does Greece have?",
   "solar thermal is not in the data; PV only")
no("real", "market", "The students like big predictions. How much solar will the world install in 2035?",
   "forecasts end in 2030")
no("real", "market", "What will Germany's total installed solar capacity be in 2030 according to the forecast?",
   "forecast cumulative figures in the real CSV exclude the installed base, so the 2030 installed base cannot be given")
no("real", "market", "How much is the Italian solar market worth in euros?",
   "market value in EUR is not held; capacity in MW only")
no("real", "price", "We have Brazilian exchange students. How much do solar panels cost in Brazil?",
   "price data has no Brazil region (China, EU, US, India, Australia, Overseas only)")
no("real", "price", "What did lithium cost in 2024?",
   "lithium is not a price item in the data")
no("real", "price", "What percentage of a solar module's price is the polysilicon?",
   "a cost share of a price cannot be derived; items have different units (US$/kg vs US$/Wp)")
no("sample", "manufacturer_financial", "What was Tesla's solar revenue in 2024?",
   "Tesla is not among the companies in the financials")
no("sample", "manufacturer_financial", "How many employees does Helios Modules have?",
   "headcount is not a metric in the financials")
no("real", "price", "What did solar panels cost back in 2010?",
   "price data start in 2019")
no("real", "market", ["How much solar did Pakistan install in 2024?", "wow, why so much all of a sudden?"],
   "the data hold capacity figures, not the reasons behind them")
no("real", "price", "whats the price of a solar inverter in Europe?",
   "inverters are not a price item in the data")
no("sample", "market", "China is the obvious example for my class. How much solar did China install in 2024?",
   "the sample market data hold only Italy, Germany, Spain, France, Netherlands, Poland and World")
no("sample", "price", "What was the price of silver in 2024?",
   "silver is not in the sample prices")
no("sample", "market", "How much solar did the UK install in 2023?",
   "the UK is not in the sample market data")
no("sample", "market", "One of my pupils is Polish. How many solar panels are there on roofs in Poland?",
   "number of panels is not held; capacity in MW only")
no("sample", "price", "I need a before and after for prices. What did solar modules cost in 2021?",
   "sample prices cover 2023-2024 only")
no("sample", "market", "I want to show the old German boom. How much solar did Germany install in 2012?",
   "sample market data start in 2015")
no("sample", "market", "How many hours of sunshine does Spain get in a year?",
   "irradiation / sunshine hours are not held")
no("sample", "manufacturer_financial", "What's Aurora PV Group's share price?",
   "share prices are not in the financials")
no("sample", "market", ["Which year did the Netherlands install the most solar between 2015 and 2024?",
                        "why did it drop after that?"],
   "reasons for market changes are not in the data")

# ---------------------------------------------------------------- ids, write, self-check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"] and not it["names"], it["id"]
    assert it["how"] or not it["answerable"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
n_ctx = sum(len(t[0].split(". ")) > 1 or "?" in t[0][:-1] for t in [it["turns"] for it in ITEMS])

print("items:", len(ITEMS), "| unanswerable:", n_un, "| multi-turn chains:", n_chain,
      "| manufacturer_financial:", n_fin)
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("kind x data:")
for (k, d), c in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {c}")
