"""windfirm question set: every expected figure is computed here from the data files.

Persona: strategy manager at a wind-only utility now looking at solar PV.
Run: python3 compute.py  -> writes questions.jsonl next to this file.
"""
import json
import math
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "windfirm"

# ---------------------------------------------------------------- data
REAL_MARKET = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_PRICES = pd.read_parquet("/work/shared/datasets/component-prices.parquet").drop_duplicates()
SAMPLE_MARKET = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
SAMPLE_PRICES = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"]).drop_duplicates()
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MARKETS = {"real": REAL_MARKET, "sample": SAMPLE_MARKET}
PRICES = {"real": REAL_PRICES, "sample": SAMPLE_PRICES}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"hist": "Historical Primary", "mp": "Forecast - Most probable",
        "high": "Forecast - High", "low": "Forecast - Low"}


# ---------------------------------------------------------------- market helpers
def last_hist_year(data, terr):
    df = MARKETS[data]
    x = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])]
    return int(x.Year.max())


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist_year(data, terr) else SCEN["mp"]


def mval(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MARKETS[data]
    s = scen_for(data, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (data, terr, year, typ, conn, s, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def mhow(data, terr, year, typ="Annual", conn="Total", scen=None):
    return f"{terr}, {year}, {scen_for(data, terr, year, scen)}, {conn}, {typ}"


def mseries(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mval(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(data, terr, typ="Annual", conn="Total"):
    df = MARKETS[data]
    x = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"]) & (df.Connection == conn)
           & (df.Type == typ)]
    assert not x.duplicated(["Year"]).any()
    return x.set_index("Year")["Capacity(MW)"].sort_index()


def country_rank(data, year, typ="Annual", conn="Total", n=5, scen=None, among=None):
    df = MARKETS[data]
    rows = []
    terrs = among if among else sorted(set(df.Territory) - AGGREGATES)
    for t in terrs:
        s = scen_for(data, t, year, scen) if among else (SCEN[scen] if scen else SCEN["hist"])
        x = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(x) == 1:
            rows.append((t, float(x["Capacity(MW)"].iloc[0])))
        else:
            assert len(x) == 0, (t, len(x))
    rows.sort(key=lambda r: -r[1])
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- price helpers
def pseries(data, item, desc, region, unit=None):
    df = PRICES[data]
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    assert not x.date.duplicated().any(), ("multiple observations per date", item, desc, region)
    return x.sort_values("date").reset_index(drop=True)


def p_at(s, date):
    x = s[s.date == pd.Timestamp(date)]
    assert len(x) == 1, (date, len(x))
    return float(x.base_price.iloc[0])


def p_month(s, ym):
    x = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.base_price.iloc[0])


def p_latest(s):
    r = s.iloc[-1]
    return float(r.base_price), r.date


def p_desc(item, desc, region):
    return f"{item} / {desc} / {region}"


# ---------------------------------------------------------------- financial helpers
def fval(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- item registry
ITEMS = []


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
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
        "names": list(names),
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    for e in it["expect"]:
        assert math.isfinite(e["value"]), it
    ITEMS.append(it)


def unans(data, agent, turns, why, how="not in the data"):
    add(data, agent, "unanswerable", turns, answerable=False, why=why, how=how)


MW = "MW"
PCT = "%"

# =====================================================================================
# REAL data - market
# =====================================================================================
R = "real"

# --- lookups
v = mval(R, "Spain", 2024)
add(R, "market", "lookup",
    "We're weighing a first solar bid in Spain next to our wind portfolio there. How much PV capacity did Spain add in 2024?",
    [(v, MW)], how="market CSV: " + mhow(R, "Spain", 2024))

v = mval(R, "Germany", 2024, "Cumulative")
add(R, "market", "lookup",
    "Board wants a feel for the biggest European fleet. what's Germany's total installed solar fleet at the end of 2024, in GW?",
    [(v, MW)], how="market CSV: " + mhow(R, "Germany", 2024, "Cumulative"))

v = mval(R, "Poland", 2023, conn="Centralised")
add(R, "market", "lookup",
    "In wind we split onshore vs offshore; I gather solar splits into centralised (utility scale) and distributed. How many MW of centralised PV went in in Poland in 2023?",
    [(v, MW)], how="market CSV: " + mhow(R, "Poland", 2023, conn="Centralised"))

v = mval(R, "Italy", 2028)
add(R, "market", "lookup",
    "What's the expected Italian PV market in 2028, annual additions, most probable case?",
    [(v, MW)], how="market CSV: " + mhow(R, "Italy", 2028))

# --- rankings (countries only)
top = country_rank(R, 2024, n=5)
add(R, "market", "rank",
    "For a first board paper on solar I need the big picture. Which five countries added the most PV in 2024? Give me the MW for each.",
    [(x[1], MW) for x in top], [x[0] for x in top],
    how="market CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

among = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
top = country_rank(R, 2030, n=6, among=among)
add(R, "market", "rank",
    "Rank Germany, Spain, Italy, France, Poland and the Netherlands by expected annual PV additions in 2030 (most probable forecast).",
    [(x[1], MW) for x in top], [x[0] for x in top],
    how="market CSV: 2030 Forecast - Most probable Total Annual for the six named countries, sorted")

# --- shares
w = mval(R, "World", 2024)
c = mval(R, "China", 2024)
add(R, "market", "share",
    "China dominates turbine supply too, so I'm curious. What share of global PV additions in 2024 went to China?",
    [(c / w * 100, PCT)], how="market CSV: China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

d = mval(R, "Germany", 2024, conn="Distributed")
t = mval(R, "Germany", 2024)
add(R, "market", "share",
    "Of Germany's 2024 solar additions, what % was distributed (rooftop and similar)?",
    [(d / t * 100, PCT)], how="market CSV: Germany 2024 Annual Distributed / Total x100")

ce = mval(R, "Brazil", 2024, conn="Centralised")
t = mval(R, "Brazil", 2024)
add(R, "market", "share",
    "Brazil: how much of last year's (2024) PV build was utility-scale, i.e. centralised, as a share of the total?",
    [(ce / t * 100, PCT)], how="market CSV: Brazil 2024 Annual Centralised / Total x100")

# --- change
a, b = mval(R, "Brazil", 2019), mval(R, "Brazil", 2024)
add(R, "market", "change",
    "For our Latam screening: what was the CAGR of Brazil's yearly PV additions between 2019 and 2024?",
    [(cagr(a, b, 5), PCT)], how="market CSV: Brazil Annual Total 2019 and 2024, CAGR over 5 years")

a, b = mval(R, "Japan", 2015, "Cumulative"), mval(R, "Japan", 2024, "Cumulative")
add(R, "market", "change",
    "Japan was on our offshore wind shortlist. How many MW did Japan's installed PV base grow by between end-2015 and end-2024?",
    [(b - a, MW)], how="market CSV: Japan Cumulative Total 2024 - 2015")

a, b = mval(R, "Spain", 2025), mval(R, "Spain", 2030)
add(R, "market", "change",
    "Spain's forecast annual market, most probable: what's the CAGR from 2025 to 2030?",
    [(cagr(a, b, 5), PCT)], how="market CSV: Spain Forecast - Most probable Annual Total 2025 and 2030, CAGR 5 years")

# --- comparisons
f, i = mval(R, "France", 2024), mval(R, "Italy", 2024)
add(R, "market", "compare",
    "We have wind assets in both. France vs Italy - who installed more PV in 2024 and by how much?",
    [(f, MW), (i, MW), (abs(f - i), MW)], ["France" if f > i else "Italy"],
    how="market CSV: France and Italy 2024 Annual Total, difference")

c, i = mval(R, "China", 2024), mval(R, "India", 2024)
add(R, "market", "compare",
    "How many times bigger was China's 2024 solar market than India's?",
    [(c / i, "x"), (c, MW), (i, MW)], how="market CSV: China / India 2024 Annual Total ratio")

# --- extremes
s = hist_series(R, "Germany")
add(R, "market", "extreme",
    "Looking only at actuals (no forecasts), which was Germany's record year for new PV installations, and how big was it?",
    [(s.max(), MW)], [str(int(s.idxmax()))],
    how="market CSV: Germany Historical Primary Annual Total, max over all historical years")

s = hist_series(R, "Italy")
add(R, "market", "extreme",
    "I've heard Italy had a huge solar boom years ago. What was its biggest year historically (actuals only) and how many MW?",
    [(s.max(), MW)], [str(int(s.idxmax()))],
    how="market CSV: Italy Historical Primary Annual Total, max over historical years")

# --- averages
s = mseries(R, "France", 2025, 2030)
add(R, "market", "average",
    "We budget in 5-6 year blocks. What's France's average yearly PV market expected over 2025-2030, most probable scenario?",
    [(sum(s.values()) / len(s), MW)], how="market CSV: France Forecast - Most probable Annual Total 2025..2030 mean of 6 years")

# --- sums
s = mseries(R, "USA", 2020, 2024)
add(R, "market", "sum",
    "The US is where most of our wind pipeline sits. Total PV capacity added in the USA over 2020 to 2024 combined?",
    [(sum(s.values()), MW)], how="market CSV: USA Annual Total 2020..2024 summed")

vals = [mval(R, c, 2024) for c in ["Spain", "Portugal", "Italy"]]
add(R, "market", "sum",
    "Iberia plus Italy: what did Spain, Portugal and Italy add together in 2024?",
    [(sum(vals), MW)], how="market CSV: 2024 Annual Total of Spain + Portugal + Italy")

# --- first / latest
s = hist_series(R, "Poland")
y = int(s[s > 1000].index.min())
add(R, "market", "first_latest",
    "In which year did Poland first install more than 1 GW of PV in a single year?",
    [(s[y], MW)], [str(y)], how="market CSV: Poland Historical Primary Annual Total, first year > 1000 MW")

s = hist_series(R, "Brazil", "Cumulative")
y = int(s[s >= 10000].index.min())
add(R, "market", "first_latest",
    "When did Brazil's cumulative solar capacity first pass 10 GW?",
    [(s[y], MW)], [str(y)], how="market CSV: Brazil Historical Primary Cumulative Total, first year >= 10000 MW")

# =====================================================================================
# REAL data - prices
# =====================================================================================
s = pseries(R, "Module", "n-type TOPCon", "China")
v, d = p_latest(s)
add(R, "price", "price",
    "module costs are the first thing our CFO will ask about. What's the latest TOPCon module price in China?",
    [(v, "US$/Wp")], how=f"prices parquet: {p_desc('Module','n-type TOPCon','China')}, latest date {d.date()}")

s1 = pseries(R, "Module", "n-type TOPCon", "EU")
s2 = pseries(R, "Module", "n-type TOPCon", "US")
v1, d1 = p_latest(s1)
v2, d2 = p_latest(s2)
add(R, "price", "compare",
    "Turbines cost us roughly the same whether we buy for Europe or the US. Is that true for solar panels? Compare the latest n-type TOPCon module price in the EU and the US.",
    [(v1, "US$/Wp"), (v2, "US$/Wp")], ["US"],
    how=f"prices parquet: Module n-type TOPCon EU latest ({d1.date()}) vs US latest ({d2.date()})")

s = pseries(R, "Copper", "Copper", "Overseas")
add(R, "price", "price",
    "Copper matters for our cabling on both wind and solar. What was the copper price in March 2024?",
    [(p_month(s, "2024-03"), "US$/t")], how="prices parquet: Copper / Overseas, monthly, 2024-03 observation")

s = pseries(R, "Silver", "Silver", "Overseas", unit="K US$/t")
a, b = p_month(s, "2020-01"), p_month(s, "2025-01")
add(R, "price", "change",
    "Silver is apparently a big cost in solar cells. By what % did the silver price change between January 2020 and January 2025?",
    [(pct(a, b), PCT)], how="prices parquet: Silver / Overseas (K US$/t), 2020-01 and 2025-01, % change")

s = pseries(R, "Module", "n-type TOPCon", "EU")
x = s[s.date.dt.year == 2024]
add(R, "price", "average",
    "We'd likely procure for EU sites. Average price of a TOPCon module in the EU across 2024?",
    [(x.base_price.mean(), "US$/Wp")], how=f"prices parquet: Module n-type TOPCon EU, mean of {len(x)} weekly 2024 observations")

s = pseries(R, "Module", "p-type mono-Si PERC M10", "EU")
i = s.base_price.idxmax()
add(R, "price", "extreme",
    "What was the highest price recorded for PERC M10 modules in Europe, and when?",
    [(s.base_price.max(), "US$/Wp")], [s.date[i].strftime("%Y")],
    how="prices parquet: Module p-type mono-Si PERC M10 EU, max over the whole series (date of max)")

date = "2025-02-05"
regs = {}
for r in ["China", "EU", "Overseas", "US"]:
    regs[r] = p_at(pseries(R, "Module", "n-type HJT", r), date)
cheap = min(regs, key=regs.get)
add(R, "price", "rank",
    "On 5 Feb 2025, which region had the cheapest HJT modules?",
    [(regs[cheap], "US$/Wp")], [cheap],
    how=f"prices parquet: Module n-type HJT, regions China/EU/Overseas/US on {date}, min")

s = pseries(R, "Module", "CdTe", "Overseas")
v, d = p_latest(s)
add(R, "price", "price",
    "Thin film - CdTe modules - what's the most recent price?",
    [(v, "US$/Wp")], how=f"prices parquet: Module CdTe Overseas latest ({d.date()})")

s = pseries(R, "Aluminium", "Aluminium", "Overseas")
i = s.base_price.idxmin()
add(R, "price", "extreme",
    "Lowest aluminium price in the data and which month was that?",
    [(s.base_price.min(), "US$/t")], [s.date[i].strftime("%Y")],
    how="prices parquet: Aluminium Overseas monthly, min over whole series")

# =====================================================================================
# REAL data - follow-up chains
# =====================================================================================
v = mval(R, "Germany", 2023)
add(R, "market", "follow_up",
    ["How much solar did Spain install in 2023?", "and Germany?"],
    [(v, MW)], how="market CSV: " + mhow(R, "Germany", 2023))

top = country_rank(R, 2019, n=5)
add(R, "market", "follow_up",
    ["Top 5 countries for new PV capacity in 2024 please", "same list for 2019"],
    [(x[1], MW) for x in top], [x[0] for x in top],
    how="market CSV: 2019 Historical Primary Total Annual, countries only, top 5")

v = mval(R, "Germany", 2027, scen="high")
add(R, "market", "follow_up",
    ["whats the most probable forcast for German PV additions in 2027?",
     "Same for the high scenario"],
    [(v, MW)], how="market CSV: " + mhow(R, "Germany", 2027, scen="high"))

a, b = mval(R, "Chile", 2019), mval(R, "Chile", 2024)
add(R, "market", "follow_up",
    ["CAGR of Brazil's annual PV additions 2019-2024?", "and Chile over the same period?"],
    [(cagr(a, b, 5), PCT)], how="market CSV: Chile Annual Total 2019 and 2024, CAGR 5 years")

p_ = mval(R, "Pakistan", 2024)
w = mval(R, "World", 2024)
add(R, "market", "follow_up",
    ["Someone in our board mentioned Pakistan as a surprise solar market. How much did Pakistan add in 2024?",
     "What's that as a share of the world total that year?"],
    [(p_ / w * 100, PCT)], how="market CSV: Pakistan 2024 Annual Total / World 2024 Annual Total x100")

d = mval(R, "Netherlands", 2024, conn="Distributed")
t = mval(R, "Netherlands", 2024)
add(R, "market", "follow_up",
    ["What share of Poland's 2024 PV additions was distributed?", "ok, and the Netherlands?"],
    [(d / t * 100, PCT)], how="market CSV: Netherlands 2024 Annual Distributed / Total x100")

s = hist_series(R, "USA")
add(R, "market", "follow_up",
    ["Show me US annual PV additions 2015-2024 as a chart", "Which of those years was the biggest?"],
    [(s.loc[2015:2024].max(), MW)], [str(int(s.loc[2015:2024].idxmax()))],
    how="market CSV: USA Historical Primary Annual Total 2015-2024, max")

# =====================================================================================
# REAL data - unanswerable
# =====================================================================================
unans(R, "market", "How much wind capacity did Germany add in 2023? I want to benchmark against our own pipeline.",
      "wind is not in the data; only PV installations")
unans(R, "market", "What's the average capacity factor of utility-scale PV in Spain? In wind we'd use ~30% onshore.",
      "capacity factors / yields are not held; only installed MW")
unans(R, "market", "Our wind LCOE benchmarks are in-house. What's the LCOE of a utility-scale solar plant in Chile right now?",
      "LCOE is not in the data")
unans(R, "market", "We report wind output to the board in GWh. How many GWh did Italian solar generate in 2023?",
      "generation (GWh) is not held; only capacity in MW")
unans(R, "market", "How much battery storage was installed in Germany alongside PV in 2024?",
      "storage is not in the data")
unans(R, "market", "How much CSP / solar thermal capacity does Morocco have?",
      "solar thermal / CSP is not in the data; PV only")
unans(R, "market", "How many people work in the US solar industry? Jobs count would help our HR planning.",
      "jobs are not in the data")
unans(R, "market", "What feed-in tariff or auction strike price do German ground-mounted PV projects get today?",
      "tariffs / auction prices are not held")
unans(R, "market", "What was the value of the French PV market in 2024 in EUR?",
      "market value in currency is not held; only MW")
unans(R, "market", "How much PV did Nigeria install in 2024?",
      "Nigeria is not among the territories in the data")
unans(R, "market", "What will Germany's annual PV additions be in 2035?",
      "forecasts end in 2030")
unans(R, "market", "What's the forecast cumulative installed base for Spain in 2030, most probable?",
      "forecast cumulative values in the loaded CSV do not include the installed base, so the installed base in 2030 cannot be given")
unans(R, "price", "In wind the turbine is most of the capex; in solar I hear it's modules plus inverters. What do string inverters cost per watt at the moment?",
      "inverter prices are not in the price data")
unans(R, "price", "What share of the module price is polysilicon today?",
      "a share of a price / cost breakdown is not held; polysilicon is in US$/kg and modules in US$/Wp")
unans(R, "price", "In wind we track turbine prices per MW. What's the latest wind turbine price, and how does it compare with solar modules per MW?",
      "wind turbine prices are not in the data")
unans(R, "price", "How efficient are TOPCon modules compared with PERC, in %?",
      "module efficiency is not held; only prices")
unans(R, "manufacturer_financial", "What was Vestas' revenue in 2024-Q4? I want to compare wind OEM margins with solar module makers.",
      "Vestas (a wind OEM) is not in the financials; only the four sample PV manufacturers")

# =====================================================================================
# REAL data - manufacturer financials (sample financials are loaded on both instances)
# =====================================================================================
v, u = fval(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "financial",
    "Screening potential module suppliers. What was Helios Modules' revenue for full-year 2024?",
    [(v, u)], how="financials.csv: Helios Modules Ltd (sample), FY2024, Revenue")

vals = {c: fval(c, "2024-Q4", "Gross margin")[0] for c in COMPANIES}
best = max(vals, key=vals.get)
add(R, "manufacturer_financial", "rank",
    "Which of the module makers had the best gross margin in 2024-Q4?",
    [(vals[best], PCT)], [best.split()[0]],
    how="financials.csv: Gross margin 2024-Q4 across the four companies, max")

a, _ = fval(SUN, "FY2023", "Net income")
b, _ = fval(SUN, "FY2024", "Net income")
add(R, "manufacturer_financial", "financial",
    "SunForge's net income, FY2023 vs FY2024 - how much did it change in USD million?",
    [(a, "USD million"), (b, "USD million"), (b - a, "USD million")],
    how="financials.csv: SunForge Energy (sample) Net income FY2024 - FY2023")

# =====================================================================================
# SAMPLE data - market
# =====================================================================================
S = "sample"

v = mval(S, "Netherlands", 2022)
add(S, "market", "lookup",
    "Dutch offshore wind is crowded, so we're looking at land-based solar there. Netherlands - how many MW of solar were added in 2022?",
    [(v, MW)], how="sample market.csv: " + mhow(S, "Netherlands", 2022))

v = mval(S, "Spain", 2030, "Cumulative")
add(S, "market", "lookup",
    "We think in fleet terms. How big will Spain's solar fleet be by end-2030 in the most probable case?",
    [(v, MW)], how="sample market.csv: " + mhow(S, "Spain", 2030, "Cumulative"))

v = mval(S, "World", 2027, scen="low")
add(S, "market", "lookup",
    "Global PV additions in 2027 in the low scenario?",
    [(v, MW)], how="sample market.csv: " + mhow(S, "World", 2027, scen="low"))

top = country_rank(S, 2030, n=3, scen="high")
add(S, "market", "rank",
    "Top three countries for annual PV additions in 2030 under the high scenario?",
    [(x[1], MW) for x in top], [x[0] for x in top],
    how="sample market.csv: 2030 Forecast - High Annual Total, countries only, top 3")

g, w = mval(S, "Germany", 2024), mval(S, "World", 2024)
add(S, "market", "share",
    "Germany is our biggest wind market. Germany's share of world solar additions in 2024?",
    [(g / w * 100, PCT)], how="sample market.csv: Germany / World 2024 Annual Total x100")

c, t = mval(S, "Spain", 2024, conn="Centralised"), mval(S, "Spain", 2024)
add(S, "market", "share",
    "Our Spanish team only knows big ground-mounted projects. What % of Spain's 2024 PV additions were centralised?",
    [(c / t * 100, PCT)], how="sample market.csv: Spain 2024 Annual Centralised / Total x100")

i, w = mval(S, "Italy", 2030, "Cumulative"), mval(S, "World", 2030, "Cumulative")
add(S, "market", "share",
    "Italy's share of the global installed PV base in 2030, most probable forecast?",
    [(i / w * 100, PCT)], how="sample market.csv: Italy / World 2030 Cumulative Total, Forecast - Most probable x100")

a, b = mval(S, "Poland", 2015, "Cumulative"), mval(S, "Poland", 2024, "Cumulative")
add(S, "market", "change",
    "Poland's cumulative PV capacity - CAGR from 2015 to 2024?",
    [(cagr(a, b, 9), PCT)], how="sample market.csv: Poland Cumulative Total 2015 and 2024, CAGR over 9 years")

a, b = mval(S, "World", 2025, scen="high"), mval(S, "World", 2030, scen="high")
add(S, "market", "change",
    "In the high case, how fast do global annual PV additions grow from 2025 to 2030 (CAGR)?",
    [(cagr(a, b, 5), PCT)], how="sample market.csv: World Forecast - High Annual Total 2025 and 2030, CAGR 5 years")

i, s_ = mval(S, "Italy", 2030, scen="low"), mval(S, "Spain", 2030, scen="low")
add(S, "market", "compare",
    "Low scenario, 2030: Italy or Spain - which adds more PV that year?",
    [(i, MW), (s_, MW)], ["Italy" if i > s_ else "Spain"],
    how="sample market.csv: Italy and Spain 2030 Forecast - Low Annual Total")

# Netherlands whole span 2015-2030: peak is historical whatever the scenario (checked below)
s = hist_series(S, "Netherlands")
fmax = SAMPLE_MARKET[(SAMPLE_MARKET.Territory == "Netherlands") & (SAMPLE_MARKET.Scenario != SCEN["hist"])
                     & (SAMPLE_MARKET.Connection == "Total") & (SAMPLE_MARKET.Type == "Annual")]["Capacity(MW)"].max()
assert s.max() > fmax
add(S, "market", "extreme",
    "Over the whole period you cover, which year is the peak for Dutch annual PV additions?",
    [(s.max(), MW)], [str(int(s.idxmax()))],
    how="sample market.csv: Netherlands Annual Total, max over 2015-2030 (historical max exceeds every forecast scenario)")

s = mseries(S, "Germany", 2025, 2030)
add(S, "market", "average",
    "Planning a German solar pipeline for the rest of the decade. Average annual German PV additions 2025-2030, most probable scenario?",
    [(sum(s.values()) / 6, MW)], how="sample market.csv: Germany Forecast - Most probable Annual Total 2025..2030 mean")

s = mseries(S, "France", 2025, 2030, scen="low")
add(S, "market", "sum",
    "If the French market follows the low scenario, how many MW get added in total over 2025-2030?",
    [(sum(s.values()), MW)], how="sample market.csv: France Forecast - Low Annual Total 2025..2030 summed")

s = hist_series(S, "Poland", "Cumulative")
y = int(s[s > 10000].index.min())
add(S, "market", "first_latest",
    "First year Poland's installed PV base went above 10,000 MW?",
    [(s[y], MW)], [str(y)], how="sample market.csv: Poland Historical Primary Cumulative Total, first year > 10000")

# =====================================================================================
# SAMPLE data - prices
# =====================================================================================
s = pseries(S, "Module", "n-type TOPCon", "India")
add(S, "price", "price",
    "Indian tender prices look very low to us. TOPCon module price in India in June 2024?",
    [(p_month(s, "2024-06"), "US$/Wp")], how="sample prices.csv: Module n-type TOPCon India, 2024-06")

s = pseries(S, "Polysilicon", "High purity - 9N/9N+", "China")
i = s.base_price.idxmin()
add(S, "price", "extreme",
    "Polysilicon (high purity) in China - what's the lowest price in the series and when was it?",
    [(s.base_price.min(), "US$/kg")], [s.date[i].strftime("%Y")],
    how="sample prices.csv: Polysilicon High purity - 9N/9N+ China, min over series")

us = p_month(pseries(S, "Module", "p-type mono-Si PERC M10", "US"), "2024-12")
cn = p_month(pseries(S, "Module", "p-type mono-Si PERC M10", "China"), "2024-12")
add(S, "price", "compare",
    "How does the price of a PERC M10 module in the US compare with China in Dec 2024? Ratio please.",
    [(us / cn, "x"), (us, "US$/Wp"), (cn, "US$/Wp")],
    how="sample prices.csv: Module p-type mono-Si PERC M10, US / China, 2024-12")

s = pseries(S, "PV glass", "Glass 3,2mm", "EU")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(S, "price", "change",
    "3.2 mm PV glass in Europe: % change from Jan 2023 to Dec 2024?",
    [(pct(a, b), PCT)], how="sample prices.csv: PV glass Glass 3,2mm EU, 2023-01 -> 2024-12")

s = pseries(S, "Wafer", "n-type mono-Si M10", "China")
x = s[s.date.dt.year == 2024]
add(S, "price", "average",
    "trying to understand the supply chain from the wafer up. Average 2024 price of an n-type M10 wafer in China?",
    [(x.base_price.mean(), "US$/pce")], how="sample prices.csv: Wafer n-type mono-Si M10 China, mean of 12 monthly 2024 values")

regs = {r: p_month(pseries(S, "Module", "n-type HJT", r), "2024-12") for r in ["China", "EU", "India", "US"]}
cheap = min(regs, key=regs.get)
add(S, "price", "rank",
    "Where are HJT modules cheapest as of December 2024?",
    [(regs[cheap], "US$/Wp")], [cheap], how="sample prices.csv: Module n-type HJT, 2024-12, min across China/EU/India/US")

t_ = p_month(pseries(S, "Module", "n-type TOPCon", "EU"), "2024-12")
p2 = p_month(pseries(S, "Module", "p-type mono-Si PERC M10", "EU"), "2024-12")
add(S, "price", "compare",
    "Coming from wind I'm lost in the cell technologies. In the EU in Dec 2024, what's the premium of a TOPCon module over a PERC M10 one, in US$/Wp?",
    [(t_ - p2, "US$/Wp"), (t_, "US$/Wp"), (p2, "US$/Wp")],
    how="sample prices.csv: Module n-type TOPCon EU minus Module p-type mono-Si PERC M10 EU, 2024-12")

s = pseries(S, "Module", "n-type TOPCon", "China")
v, d = p_latest(s)
add(S, "price", "first_latest",
    "What's the most recent price you have for TOPCon modules in China, and what date is it from?",
    [(v, "US$/Wp")], [d.strftime("%Y")], how=f"sample prices.csv: Module n-type TOPCon China, latest ({d.date()})")

# =====================================================================================
# SAMPLE data - follow-ups
# =====================================================================================
d = mval(S, "France", 2024, conn="Distributed")
add(S, "market", "follow_up",
    ["How much PV did France add in 2024?", "how much of that was distributed?"],
    [(d, MW)], how="sample market.csv: " + mhow(S, "France", 2024, conn="Distributed"))

s = pseries(S, "Module", "n-type HJT", "China")
add(S, "price", "follow_up",
    ["HJT module price in India, June 2024?", "And in China same month?"],
    [(p_month(s, "2024-06"), "US$/Wp")], how="sample prices.csv: Module n-type HJT China, 2024-06")

s = pseries(S, "Polysilicon", "High purity - 9N/9N+", "EU")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(S, "price", "follow_up",
    ["By how much did Chinese high-purity polysilicon fall from Jan 2023 to Dec 2024, in %?",
     "and the European one?"],
    [(pct(a, b), PCT)], how="sample prices.csv: Polysilicon High purity - 9N/9N+ EU, 2023-01 -> 2024-12 % change")

v, u = fval(HEL, "2024-Q2", "Net income")
add(S, "manufacturer_financial", "follow_up",
    ["Helios Modules revenue in 2024-Q2?", "and net income?"],
    [(v, u)], how="financials.csv: Helios Modules Ltd (sample), 2024-Q2, Net income")

a = mval(S, "Germany", 2030, "Cumulative", scen="low")
b = mval(S, "Germany", 2030, "Cumulative", scen="high")
add(S, "market", "follow_up",
    ["Germany's installed PV base in 2030 under the most probable scenario?",
     "What's the gap between the low and high scenarios for that?"],
    [(b - a, MW), (a, MW), (b, MW)],
    how="sample market.csv: Germany 2030 Cumulative Total, Forecast - High minus Forecast - Low")

a, _ = fval(AUR, "2024-Q3", "Revenue")
b, _ = fval(AUR, "2024-Q4", "Revenue")
add(S, "manufacturer_financial", "financial",
    "Checking supplier health before we sign anything. Aurora PV's revenue from Q3 to Q4 2024 - % change?",
    [(pct(a, b), PCT)], how="financials.csv: Aurora PV Group (sample) Revenue 2024-Q3 -> 2024-Q4 % change")

q = [fval(HEL, f"2024-Q{k}", "Gross margin")[0] for k in range(1, 5)]
add(S, "manufacturer_financial", "average",
    "Take Helios' four quarterly gross margins in 2024 - what's thier simple average?",
    [(sum(q) / 4, PCT)], how="financials.csv: Helios Gross margin 2024-Q1..Q4, arithmetic mean")

tot = sum(fval(c, "FY2024", "Module shipments")[0] for c in COMPANIES)
add(S, "manufacturer_financial", "sum",
    "Add up FY2024 module shipments across all the manufacturers you have. Total GW?",
    [(tot, "GW")], how="financials.csv: Module shipments FY2024 summed over the four companies")

losers = [c for c in COMPANIES if fval(c, "FY2024", "Net income")[0] < 0]
add(S, "manufacturer_financial", "financial",
    "Which module makers were loss-making in FY2024 (negative net income)?",
    [(fval(c, "FY2024", "Net income")[0], "USD million") for c in losers], [c.split()[0] for c in losers],
    how="financials.csv: Net income FY2024 < 0")

r_, _ = fval(HEL, "FY2024", "Revenue")
g_, _ = fval(HEL, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "Quick sanity check vs turbine OEMs: Helios FY2024 revenue divided by its GW shipped - USD million per GW?",
    [(r_ / g_, "USD million/GW")], how="financials.csv: Helios FY2024 Revenue / FY2024 Module shipments")

# =====================================================================================
# SAMPLE data - unanswerable
# =====================================================================================
unans(S, "market", "Brazilian wind auctions are where we started in Latam. How much PV did Brazil install in 2024?",
      "the sample market data only covers Italy, Germany, Spain, France, Netherlands, Poland and World")
unans(S, "market", "How many MW of onshore wind did France add in 2024? Need it for the comparison slide.",
      "wind is not in the data")
unans(S, "market", "What were Germany's PV additions in 2012, during the feed-in tariff boom?",
      "the sample market data starts in 2015")
unans(S, "market", "What's Italy's expected PV market in 2032?",
      "forecasts end in 2030")
unans(S, "market", "How many PV plants / rooftop systems were installed in the Netherlands in 2023 (number of systems)?",
      "number of installations/systems is not held; only MW")
unans(S, "price", "Silver seems to be a big cost driver for cells. What's the silver price today?",
      "silver is not in the sample price data")
unans(S, "price", "Module prices in China back in 2021, PERC M10?",
      "the sample price series start in January 2023")
unans(S, "price", "What do single-axis trackers cost per watt? We'd want them for a Spanish site.",
      "trackers / mounting structures are not in the price data")
unans(S, "price", "TOPCon module price in Japan in Dec 2024?",
      "Japan is not a price region in the sample data (China, EU, India, US)")
unans(S, "manufacturer_financial", "What was Helios Modules' EBITDA in FY2024?",
      "EBITDA is not among the metrics (revenue, gross margin, net income, module shipments, production capacity)")
unans(S, "manufacturer_financial", "What's Siemens Gamesa's order backlog? We buy turbines from them and want a comparison with the solar OEMs.",
      "Siemens Gamesa is not in the financials, and order backlog is not a metric held")

a, b = mval(R, "Greece", 2025, scen="low"), mval(R, "Greece", 2025, scen="high")
add(R, "market", "compare",
    "We're looking at Greece for wind+solar hybrids. For 2025 additions, what's the spread between the low and high forecast scenarios?",
    [(b - a, MW), (a, MW), (b, MW)], how="market CSV: Greece 2025 Annual Total Forecast - High minus Forecast - Low")

s = mseries(R, "Netherlands", 2020, 2024, conn="Centralised")
add(R, "market", "sum",
    "how much centralised PV did the Dutch build in total from 2020 to 2024?",
    [(sum(s.values()), MW)], how="market CSV: Netherlands Centralised Annual 2020..2024 summed")

s = mseries(R, "Sweden", 2020, 2024)
add(R, "market", "average",
    "Sweden is our home market for wind. Average yearly PV additions there in 2020-2024?",
    [(sum(s.values()) / 5, MW)], how="market CSV: Sweden Annual Total 2020..2024 mean")

top = country_rank(R, 2024, conn="Centralised", n=3)
add(R, "market", "rank",
    "Utility-scale is what we'd build. Which 3 countries led centralised PV additions in 2024?",
    [(x[1], MW) for x in top], [x[0] for x in top],
    how="market CSV: 2024 Historical Primary Centralised Annual, countries only, top 3")

s = hist_series(R, "Denmark")
add(R, "market", "extreme",
    "Denmark: up to 2024, which year had the most PV added, and how much?",
    [(s.max(), MW)], [str(int(s.idxmax()))], how="market CSV: Denmark Historical Primary Annual Total, max over years up to 2024")

s = pseries(R, "EVA", "EVA", "Overseas")
add(R, "price", "price",
    "EVA (the encapsulant I'm told) - price in June 2023?",
    [(p_month(s, "2023-06"), "US$/t")], how="prices parquet: EVA Overseas monthly, 2023-06")

s = pseries(R, "Module", "p-type mono-Si PERC M10", "US")
a = p_at(s, "2024-04-03")
b = p_at(s, "2025-03-26")
add(R, "price", "change",
    "US PERC M10 module prices: change between 3 April 2024 and 26 March 2025, in US$/Wp and %?",
    [(b - a, "US$/Wp"), (pct(a, b), PCT)], how="prices parquet: Module p-type mono-Si PERC M10 US, 2024-04-03 -> 2025-03-26")

# follow-up chain, real, 3 turns
i1 = mval(R, "India", 2024)
add(R, "market", "follow_up",
    ["India PV additions 2024?", "and 2023?", "so what's the growth between the two in %?"],
    [(pct(mval(R, "India", 2023), i1), PCT)], how="market CSV: India Annual Total 2023 -> 2024 % change")

# sample: price lookup cell
s = pseries(S, "Cell", "p-type mono-Si PERC M10", "EU")
add(S, "price", "price",
    "PERC M10 cell price in the EU, March 2023?",
    [(p_month(s, "2023-03"), "US$/Wp")], how="sample prices.csv: Cell p-type mono-Si PERC M10 EU, 2023-03")

# sample: real-world wind question, unanswerable
unans(S, "market", "What share of Germany's new renewable capacity in 2024 was solar versus wind?",
      "wind (and other renewables) are not in the data, so a solar share of renewables cannot be computed")

# real: follow-up with a chart in the middle then scenario
v = mval(R, "Poland", 2030, scen="low")
add(R, "market", "follow_up",
    ["Polish annual PV forecast 2025-2030, most probable - as a chart please",
     "what does the low scenario give for 2030?"],
    [(v, MW)], how="market CSV: " + mhow(R, "Poland", 2030, scen="low"))

# real: first year China passed 100 GW annual
s = hist_series(R, "China")
y = int(s[s > 100000].index.min())
add(R, "market", "first_latest",
    "first year China installed more than 100 GW of solar in one year?",
    [(s[y], MW)], [str(y)], how="market CSV: China Historical Primary Annual Total, first year > 100000 MW")

# real price unanswerable: region not in data
unans(R, "price", "What did TOPCon modules cost in India last month?",
      "there is no n-type TOPCon module series for India (India only has older PERC M6 and multi-Si series ending 2022-2023)")

# =====================================================================================
# write + self-check
# =====================================================================================
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
n_chain = sum(len(it["turns"]) > 1 for it in ITEMS)
assert n >= 110, n
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
    else:
        assert it.get("why"), it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"wrote {out}")
print(f"items={n} unanswerable={n_un} follow-up chains={n_chain} financial={n_fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
