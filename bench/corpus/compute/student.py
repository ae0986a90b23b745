"""Writer `student`: computes every expected figure from the data files and writes questions.jsonl.

Persona: master's student writing a thesis on the European solar market and PV component cost decline.
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
AGGREGATES = {
    "Europe", "Africa", "America", "Oceania", "Asia", "South Europe", "North Africa", "South America",
    "Central Europe", "South Asia", "East Europe", "North America", "East Asia", "North Europe",
    "Central America", "Southeast Asia", "Middle East", "Central Asia", "Eurasia", "Southern Africa",
    "EU", "ASEAN", "World", "RoW",
}
HIST = "Historical Primary"
MP, HIGH, LOW = "Forecast - Most probable", "Forecast - High", "Forecast - Low"


def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # remaining key duplicates (RoW: same value, differing metadata) carry identical capacities
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    return df.drop_duplicates(KEY)


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    if scen is None:
        scen = HIST if year <= last_hist(df, terr) else MP
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ) & (df.Connection == conn) & (df.Scenario == scen)]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def countries_rank(df, year, typ="Annual", conn="Total", n=5):
    r = df[(df.Year == year) & (df.Type == typ) & (df.Connection == conn) & (df.Scenario == HIST)
           & (~df.Territory.isin(AGGREGATES))]
    r = r.sort_values("Capacity(MW)", ascending=False).head(n)
    return list(r.Territory), [float(v) for v in r["Capacity(MW)"]]


# ---------------------------------------------------------------- price helpers
def pseries(df, item, desc, region, unit=None):
    s = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    s = s.drop_duplicates(["date", "base_price"]).sort_values("date")
    return s


def clean(s):
    """assert no date carries two different prices"""
    assert not s.date.duplicated().any(), (s["item"].iloc[0], s.description.iloc[0], s.region.iloc[0])
    return s


def p_at(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (date, len(r))
    return float(r.base_price.iloc[0])


def p_latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1
    return d, float(r.base_price.iloc[0])


def p_first(s):
    d = s.date.min()
    r = s[s.date == d]
    assert len(r) == 1
    return d, float(r.base_price.iloc[0])


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_ext(s, how, y0=None, y1=None):
    t = s
    if y0 is not None:
        t = t[(t.date.dt.year >= y0) & (t.date.dt.year <= y1)]
    t = clean(t)
    v = t.base_price.min() if how == "min" else t.base_price.max()
    dates = t[t.base_price == v].date
    return float(v), list(dates)


def years_of(dates):
    ys = {d.year for d in dates}
    return [str(ys.pop())] if len(ys) == 1 else []


def unit_of(s):
    return s.unit.iloc[0]


# ---------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ---------------------------------------------------------------- item collection
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"student-{len(ITEMS) + 1:03d}",
        "writer": "student",
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind if answerable else "unanswerable",
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def E(v, unit="MW"):
    return {"value": float(v), "unit": unit}


FOLLOW_CHAINS = 0


def chain(*args, **kw):
    global FOLLOW_CHAINS
    FOLLOW_CHAINS += 1
    kw.setdefault("kind", "follow_up")
    add(*args, **kw)


# =====================================================================================
# REAL DATA: market
# =====================================================================================
R = "real"

v = mv(RM, "Spain", 2023)
add(R, "market", "Hi! I'm writing the chapter of my thesis about the Iberian market. How much PV capacity did Spain install in 2023?",
    "lookup", [E(v)], [], "real CSV: Spain 2023 Historical Primary Total Annual")

v = mv(RM, "Germany", 2024, "Cumulative")
add(R, "market", "what was germanys total installed PV capacity at the end of 2024?",
    "lookup", [E(v)], [], "real CSV: Germany 2024 Historical Primary Total Cumulative")

v = mv(RM, "Poland", 2022, conn="Distributed")
add(R, "market", "Hello, my thesis has a section on prosumers in Central Europe. How many MW of distributed (rooftop) PV were added in Poland in 2022?",
    "lookup", [E(v)], [], "real CSV: Poland 2022 Historical Primary Distributed Annual")

v = mv(RM, "Italy", 2027, scen=MP)
add(R, "market", "For the outlook section: what is the most probable forecast for Italian annual PV installations in 2027?",
    "lookup", [E(v)], [], "real CSV: Italy 2027 Forecast - Most probable Total Annual")

v = mv(RM, "France", 2030, scen=HIGH)
add(R, "market", "In the high scenario, how much new PV capacity is France expected to add in 2030?",
    "lookup", [E(v)], [], "real CSV: France 2030 Forecast - High Total Annual")

v = mv(RM, "Greece", 2024)
add(R, "market", "Quick one - how much solar did Greece instal in 2024?",
    "lookup", [E(v)], [], "real CSV: Greece 2024 Historical Primary Total Annual")

v = mv(RM, "Spain", 2024, conn="Centralised")
add(R, "market", "I'm looking at utility-scale only. What was Spain's centralised PV market in 2024, in MW?",
    "lookup", [E(v)], [], "real CSV: Spain 2024 Historical Primary Centralised Annual")

# rankings
names, vals = countries_rank(RM, 2024, "Annual", n=5)
add(R, "market", "Which 5 countries installed the most PV in 2024? Countries only please, not regions.",
    "rank", [E(x) for x in vals], names, "real CSV: 2024 Historical Primary Total Annual, countries only, top 5")

names, vals = countries_rank(RM, 2024, "Cumulative", n=3)
add(R, "market", "For my intro I need the three countries with the largest installed PV base at the end of 2024 - which are they and how big?",
    "rank", [E(x) for x in vals], names, "real CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

eu6 = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
vals = sorted(((mv(RM, c, 2023), c) for c in eu6), reverse=True)
add(R, "market", "Can you rank Germany, Spain, Italy, France, Poland and the Netherlands by PV capacity added in 2023, biggest first?",
    "rank", [E(x) for x, _ in vals], [c for _, c in vals], "real CSV: 2023 Annual Total Historical Primary for six countries, sorted desc")

# shares
a, w = mv(RM, "Germany", 2024), mv(RM, "World", 2024)
add(R, "market", "Thank you for the help so far! I want to put Germany in a global context: what share of the world's new PV installations in 2024 did Germany account for?",
    "share", [E(a / w * 100, "%")], [], "real CSV: Germany / World, 2024 Annual Total Historical Primary")

a, w = mv(RM, "China", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(R, "market", "My supervisor keeps saying China is 'half the world' - what % of global cumulative PV capacity was in China at end-2024?",
    "share", [E(a / w * 100, "%")], [], "real CSV: China / World, 2024 Cumulative Total Historical Primary")

a, t = mv(RM, "Italy", 2024, conn="Distributed"), mv(RM, "Italy", 2024)
add(R, "market", "What share of Italy's 2024 PV additions was distributed?",
    "share", [E(a / t * 100, "%")], [], "real CSV: Italy 2024 Annual Distributed / Total, Historical Primary")

a, w = mv(RM, "EU", 2023), mv(RM, "World", 2023)
add(R, "market", "In my thesis I compare the EU with the global market. What was the EU's share of world annual PV installations in 2023?",
    "share", [E(a / w * 100, "%")], [], "real CSV: EU / World, 2023 Annual Total Historical Primary")

# change
a, b = mv(RM, "Spain", 2019), mv(RM, "Spain", 2024)
add(R, "market", "My supervisor asked me to use CAGRs everywhere in the growth chapter. What's the CAGR of Spain's annual PV installations between 2019 and 2024?",
    "change", [E(cagr(a, b, 5), "%")], [], "real CSV: Spain Annual Total Historical Primary 2019->2024, CAGR over 5 years")

a, b = mv(RM, "Europe", 2014, "Cumulative"), mv(RM, "Europe", 2024, "Cumulative")
add(R, "market", "For the chapter on market growth: what was the compound annual growth rate of Europe's cumulative PV capacity from 2014 to 2024?",
    "change", [E(cagr(a, b, 10), "%")], [], "real CSV: Europe Cumulative Total Historical Primary 2014->2024, CAGR over 10 years")

a, b = mv(RM, "Germany", 2022), mv(RM, "Germany", 2023)
add(R, "market", "2023 looks like a huge year for Germany in the charts I have seen. By how many percent did German PV additions grow from 2022 to 2023?",
    "change", [E(pct(a, b), "%")], [], "real CSV: Germany Annual Total Historical Primary, (2023-2022)/2022")

a, b = mv(RM, "Poland", 2020), mv(RM, "Poland", 2024)
add(R, "market", "how much more PV did Poland add in 2024 compared to 2020, in absolute terms?",
    "change", [E(b - a)], [], "real CSV: Poland Annual Total Historical Primary, 2024 minus 2020")

a, b = mv(RM, "Italy", 2025, scen=MP), mv(RM, "Italy", 2030, scen=MP)
add(R, "market", "Under the most probable scenario, what CAGR is implied for Italy's annual installations from 2025 to 2030?",
    "change", [E(cagr(a, b, 5), "%")], [], "real CSV: Italy Annual Total Forecast - Most probable 2025->2030, CAGR over 5 years")

a, b = mv(RM, "Netherlands", 2023), mv(RM, "Netherlands", 2024)
add(R, "market", "Did the Dutch market shrink in 2024? What was the year-on-year change in %?",
    "change", [E(pct(a, b), "%")], [], "real CSV: Netherlands Annual Total Historical Primary, (2024-2023)/2023")

# comparisons
g, f = mv(RM, "Germany", 2024, "Cumulative"), mv(RM, "France", 2024, "Cumulative")
add(R, "market", "Compare the cumulative installed PV capacity of Germany and France at the end of 2024. How many times bigger is Germany's fleet?",
    "compare", [E(g), E(f), E(g / f, "x")], ["Germany", "France"], "real CSV: 2024 Cumulative Total Historical Primary; ratio Germany/France")

vals = {c: mv(RM, c, 2024) for c in ["Spain", "Italy", "France"]}
top = max(vals, key=vals.get)
add(R, "market", "Spain vs Italy vs France: who installed the most PV in 2024 and how much did each add?",
    "compare", [E(x) for x in vals.values()], [top], "real CSV: 2024 Annual Total Historical Primary for Spain, Italy, France")

a, b = mv(RM, "Germany", 2030, scen=MP), mv(RM, "Spain", 2030, scen=MP)
add(R, "market", "In the most probable scenario, how do Germany and Spain compare for annual installations in 2030?",
    "compare", [E(a), E(b)], ["Germany"], "real CSV: 2030 Annual Total Forecast - Most probable, Germany and Spain")

# extremes
s = series(RM, "Italy", 1992, last_hist(RM, "Italy"))
yr = max(s, key=s.get)
add(R, "market", "I remember reading about the Conto Energia boom for my literature review. What is Italy's record year for PV installations historically, and how much was installed that year?",
    "extreme", [E(s[yr])], [str(yr)], "real CSV: Italy Annual Total Historical Primary, max over all historical years")

s = series(RM, "Spain", 2008, 2024)
yr = min(s, key=s.get)
add(R, "market", "After the 2008 boom the Spanish market collapsed. Between 2008 and 2024, which year had the lowest PV additions in Spain and how low did it go?",
    "extreme", [E(s[yr])], [str(yr)], "real CSV: Spain Annual Total Historical Primary 2008-2024, min")

s = series(RM, "Belgium", 2006, 2024)
yr = max(s, key=s.get)
add(R, "market", "which year was the peak for belgian solar installations (historical data)?",
    "extreme", [E(s[yr])], [str(yr)], "real CSV: Belgium Annual Total Historical Primary 2006-2024, max")

# averages / sums
s = series(RM, "Germany", 2020, 2024)
add(R, "market", "What was the average annual PV market in Germany over 2020-2024?",
    "average", [E(sum(s.values()) / len(s))], [], "real CSV: Germany Annual Total Historical Primary, mean 2020..2024")

s = series(RM, "Poland", 2019, 2024)
add(R, "market", "I want to show Poland's boom. What's the total PV capacity Poland added from 2019 through 2024 (sum of the yearly additions)?",
    "sum", [E(sum(s.values()))], [], "real CSV: Poland Annual Total Historical Primary, sum 2019..2024")

s = series(RM, "Spain", 2025, 2030, scen=LOW)
add(R, "market", "If the low scenario plays out, how much PV would Spain add in total over 2025-2030?",
    "sum", [E(sum(s.values()))], [], "real CSV: Spain Annual Total Forecast - Low, sum 2025..2030")

s = series(RM, "France", 2025, 2030, scen=MP)
add(R, "market", "what's the average yearly installation France is expected to do between 2025 and 2030 (most probable case)?",
    "average", [E(sum(s.values()) / len(s))], [], "real CSV: France Annual Total Forecast - Most probable, mean 2025..2030")

# first / latest
s = series(RM, "Germany", 1992, 2024)
yr = min(y for y, x in s.items() if x >= 10000)
add(R, "market", "Sorry if this is a basic question, I'm new to the data. In which year did Germany first instal 10 GW or more of PV in a single year?",
    "first_latest", [E(s[yr])], [str(yr)], "real CSV: Germany Annual Total Historical Primary, first year >= 10,000 MW")

yr = last_hist(RM, "Portugal")
add(R, "market", "What's the latest year of historical data you have for Portugal, and how much was installed that year?",
    "first_latest", [E(mv(RM, "Portugal", yr))], [str(yr)], "real CSV: Portugal max Historical Primary year; Annual Total that year")

s = series(RM, "Poland", 2012, 2024)
yr = min(y for y, x in s.items() if x >= 1000)
add(R, "market", "When did Poland first pass 1 GW of annual installations?",
    "first_latest", [E(s[yr])], [str(yr)], "real CSV: Poland Annual Total Historical Primary 2012-2024, first year >= 1,000 MW")

# ---- follow-up chains (real market)
chain(R, "market", ["How much did Spain install in 2019?", "and France?"],
      expect=[E(mv(RM, "France", 2019))], how="real CSV: France 2019 Annual Total Historical Primary")

a, w = mv(RM, "Germany", 2020), mv(RM, "World", 2020)
chain(R, "market", ["What was Germany's share of global PV additions in 2023?", "can you do the same for 2020?"],
      expect=[E(a / w * 100, "%")], how="real CSV: Germany/World 2020 Annual Total Historical Primary")

chain(R, "market", ["Whats the most probable forecast for italy's annual installations in 2026?", "same for the high scenario please"],
      expect=[E(mv(RM, "Italy", 2026, scen=HIGH))], how="real CSV: Italy 2026 Annual Total Forecast - High")

names, vals = countries_rank(RM, 2023, "Annual", n=3)
chain(R, "market", ["Top 3 countries by cumulative PV capacity at the end of 2024?",
                    "Thanks! And what were the top 3 countries for new installations in 2023?"],
      expect=[E(x) for x in vals], names=names, how="real CSV: 2023 Annual Total Historical Primary, countries only, top 3")

a, b = mv(RM, "Netherlands", 2018), mv(RM, "Netherlands", 2023)
chain(R, "market", ["What was Poland's CAGR in annual installations from 2018 to 2023?", "and what about the Netherlands?"],
      expect=[E(cagr(a, b, 5), "%")], how="real CSV: Netherlands Annual Total Historical Primary 2018->2023, CAGR over 5 years")

a, t = mv(RM, "Spain", 2024, conn="Distributed"), mv(RM, "Spain", 2024)
chain(R, "market", ["What share of Germany's 2024 PV additions was distributed?", "and Spain?"],
      expect=[E(a / t * 100, "%")], how="real CSV: Spain 2024 Annual Distributed/Total Historical Primary")

s = series(RM, "Germany", 2020, 2024)
chain(R, "market", ["I need a figure for my slides. What did Germany install each year from 2020 to 2024?", "can you show that as a chart?"],
      expect=[E(x) for x in s.values()], how="real CSV: Germany Annual Total Historical Primary 2020..2024 (chart of the same series)")

a, b = mv(RM, "Greece", 2020), mv(RM, "Greece", 2024)
chain(R, "market", ["How much did Greece install in 2020?", "And in 2024?", "so what's the growth in % between those two years?"],
      expect=[E(pct(a, b), "%")], how="real CSV: Greece Annual Total Historical Primary, (2024-2020)/2020")

# =====================================================================================
# REAL DATA: prices
# =====================================================================================
s = pseries(RP, "Polysilicon", "High purity - 9N/9N+", "Overseas")
d, v = p_latest(s)
add(R, "price", "My chapter 4 is about the cost decline along the value chain. What is the latest price of high purity (9N/9N+) polysilicon, overseas?",
    "price", [E(v, unit_of(s))], [], f"real parquet: Polysilicon High purity - 9N/9N+ Overseas, latest date {d.date()}")

s = clean(pseries(RP, "Polysilicon", "Very high purity - 11N/11N+", "China"))
mx, mxd = p_ext(s, "max")
mn, mnd = p_ext(s, "min")
add(R, "price", "I'm trying to show how volatile polysilicon was during 2020-2021 for my thesis. What were the highest and lowest prices recorded for very high purity 11N/11N+ polysilicon in China?",
    "price", [E(mx, unit_of(s)), E(mn, unit_of(s))], [], "real parquet: Polysilicon Very high purity - 11N/11N+ China, max and min over series")

s = clean(pseries(RP, "Polysilicon", "Very high purity - 11N/11N+", "China"))
(d0, v0), (d1, v1) = p_first(s), p_latest(s)
add(R, "price", "How much did the Chinese 11N/11N+ polysilicon price change in % from the first to the last observation you have?",
    "price", [E(pct(v0, v1), "%")], [], f"real parquet: Polysilicon 11N/11N+ China, {d0.date()} -> {d1.date()}")

vals = {}
for reg in ["China", "EU", "US"]:
    s = clean(pseries(RP, "Module", "n-type TOPCon", reg))
    assert p_latest(s)[0] == pd.Timestamp("2025-03-26")
    vals[reg] = p_at(s, "2025-03-26")
top = max(vals, key=vals.get)
add(R, "price", "Compare n-type TOPCon module prices in China, the EU and the US on 26 March 2025. Where are they most expensive?",
    "price", [E(x, "US$/Wp") for x in vals.values()], [top], "real parquet: Module n-type TOPCon China/EU/US on 2025-03-26")

a = p_at(clean(pseries(RP, "Module", "p-type mono-Si PERC M10", "US")), "2025-03-26")
b = p_at(clean(pseries(RP, "Module", "p-type mono-Si PERC M10", "EU")), "2025-03-26")
add(R, "price", "How much more expensive was a p-type mono PERC M10 module in the US than in the EU on 2025-03-26? (ratio is fine)",
    "price", [E(a, "US$/Wp"), E(b, "US$/Wp"), E(a / b, "x")], [], "real parquet: Module p-type mono-Si PERC M10 US and EU on 2025-03-26, ratio US/EU")

s = clean(pseries(RP, "Wafer", "p-type mono-Si M10", "China"))
mx, mxd = p_ext(s, "max")
d1, v1 = p_latest(s)
add(R, "price", "Wafer question: for p-type mono-Si M10 wafers in China, what was the peak price and how far (in %) has it dropped from that peak to the latest price?",
    "price", [E(mx, unit_of(s)), E(pct(mx, v1), "%")], [], f"real parquet: Wafer p-type mono-Si M10 China, max vs latest ({d1.date()})")

s = clean(pseries(RP, "Cell", "p-type mono-Si PERC M10", "China"))
(d0, v0), (d1, v1) = p_first(s), p_latest(s)
add(R, "price", "Next step of the value chain for me is cells. By what percentage did chinese p-type mono PERC M10 cell prices change between 2 December 2020 and 26 March 2025?",
    "price", [E(pct(p_at(s, "2020-12-02"), p_at(s, "2025-03-26")), "%")], [], "real parquet: Cell p-type mono-Si PERC M10 China 2020-12-02 -> 2025-03-26")

s = clean(pseries(RP, "Copper", "Copper", "Overseas"))
add(R, "price", "What was the copper price in March 2024?",
    "price", [E(p_month(s, "2024-03"), unit_of(s))], [], "real parquet: Copper Overseas, observation dated 2024-03")

s = clean(pseries(RP, "Aluminium", "Aluminium", "Overseas"))
mx, mxd = p_ext(s, "max")
add(R, "price", "Aluminium frames are part of my BOM analysis - what was the highest monthly aluminium price in your data and when?",
    "price", [E(mx, unit_of(s))], years_of(mxd), "real parquet: Aluminium Overseas, max over series")

s = clean(pseries(RP, "EVA", "EVA", "Overseas"))
mn, mnd = p_ext(s, "min", 2020, 2025)
add(R, "price", "What's the lowest EVA price recorded between 2020 and 2025?",
    "price", [E(mn, unit_of(s))], [], "real parquet: EVA Overseas, min over 2020-2025")

s = clean(pseries(RP, "Module", "CdTe", "Overseas"))
d, v = p_latest(s)
add(R, "price", "what is the latest price for CdTe thin film modules?",
    "price", [E(v, unit_of(s))], [], f"real parquet: Module CdTe Overseas, latest ({d.date()})")

s = clean(pseries(RP, "Module", "n-type HJT", "China"))
(d0, v0), (d1, v1) = p_first(s), p_latest(s)
add(R, "price", "How much have HJT module prices in China fallen since the series started? I need the % change from first to latest value.",
    "price", [E(pct(v0, v1), "%")], [], f"real parquet: Module n-type HJT China {d0.date()} -> {d1.date()}")

s = clean(pseries(RP, "Wafer", "n-type mono-Si M10", "Overseas"))
t = s[s.date.dt.year == 2024]
add(R, "price", "I need one representative wafer number per year for a table in my appendix. What was the average price of n-type mono M10 wafers (overseas) across 2024?",
    "price", [E(t.base_price.mean(), unit_of(s))], [], f"real parquet: Wafer n-type mono-Si M10 Overseas, mean of {len(t)} observations in 2024")

s = clean(pseries(RP, "Module", "n-type TOPCon", "EU"))
mn, mnd = p_ext(s, "min")
add(R, "price", "What's the lowest n-type TOPCon module price seen in the EU so far?",
    "price", [E(mn, unit_of(s))], [], "real parquet: Module n-type TOPCon EU, min over series")

s = clean(pseries(RP, "Silver", "Silver", "Overseas", unit="K US$/t"))
add(R, "price", "silver paste is a big cost for cells... what was the silver price in June 2023?",
    "price", [E(p_month(s, "2023-06"), unit_of(s))], [], "real parquet: Silver Overseas (K US$/t), observation dated 2023-06")

# price follow-ups (real)
s = clean(pseries(RP, "Copper", "Copper", "Overseas"))
chain(R, "price", ["What was the copper price in January 2021?", "and in January 2025?", "what's that as a % change?"],
      expect=[E(pct(p_month(s, "2021-01"), p_month(s, "2025-01")), "%")], how="real parquet: Copper Overseas, 2021-01 -> 2025-01 % change")

s = clean(pseries(RP, "Module", "n-type HJT", "US"))
chain(R, "price", ["What's the latest n-type TOPCon module price in the US?", "and for HJT modules in the US?"],
      expect=[E(p_latest(s)[1], unit_of(s))], how=f"real parquet: Module n-type HJT US, latest ({p_latest(s)[0].date()})")

# =====================================================================================
# SAMPLE DATA: market
# =====================================================================================
S = "sample"

add(S, "market", "How much PV did Spain install in 2024?",
    "lookup", [E(mv(SM, "Spain", 2024))], [], "sample market: Spain 2024 Historical Primary Total Annual")

add(S, "market", "For my thesis chapter on the German Energiewende I need the installed PV base in Germany at the end of 2024. What is it?",
    "lookup", [E(mv(SM, "Germany", 2024, "Cumulative"))], [], "sample market: Germany 2024 Historical Primary Total Cumulative")

add(S, "market", "what is the projected cumulative PV capacity of Germany in 2030, most probable scenario?",
    "lookup", [E(mv(SM, "Germany", 2030, "Cumulative", scen=MP))], [], "sample market: Germany 2030 Forecast - Most probable Total Cumulative")

a, w = mv(SM, "Poland", 2023), mv(SM, "World", 2023)
add(S, "market", "Poland is one of my case studies, so I want to know how big it is globaly. What percentage of the worlds new PV in 2023 came from Poland?",
    "share", [E(a / w * 100, "%")], [], "sample market: Poland / World 2023 Annual Total Historical Primary")

names, vals = countries_rank(SM, 2024, "Annual", n=3)
add(S, "market", "Which three countries had the biggest PV market in 2024? (countries, not the world total)",
    "rank", [E(x) for x in vals], names, "sample market: 2024 Annual Total Historical Primary, countries only, top 3")

a, b = mv(SM, "Netherlands", 2019, "Cumulative"), mv(SM, "Netherlands", 2024, "Cumulative")
add(S, "market", "Hi again :) quick one for the Netherlands section. CAGR of the Dutch cumulative PV capacity 2019-2024?",
    "change", [E(cagr(a, b, 5), "%")], [], "sample market: Netherlands Cumulative Total Historical Primary 2019->2024, CAGR 5 years")

add(S, "market", "In the high scenario, how many MW will Italy add in 2030?",
    "lookup", [E(mv(SM, "Italy", 2030, scen=HIGH))], [], "sample market: Italy 2030 Forecast - High Total Annual")

s = series(SM, "Spain", 2015, 2024)
yr = max(s, key=s.get)
add(S, "market", "Looking only at 2015-2024, what was Spain's best year for PV installations?",
    "extreme", [E(s[yr])], [str(yr)], "sample market: Spain Annual Total Historical Primary 2015-2024, max")

s = series(SM, "France", 2020, 2024)
add(S, "market", "Sum of French PV additions 2020 to 2024, please.",
    "sum", [E(sum(s.values()))], [], "sample market: France Annual Total Historical Primary, sum 2020..2024")

s = series(SM, "Italy", 2025, 2030, scen=MP)
add(S, "market", "What is the average annual installation expected in Italy over 2025–2030 in the most probable scenario?",
    "average", [E(sum(s.values()) / len(s))], [], "sample market: Italy Annual Total Forecast - Most probable, mean 2025..2030")

a, t = mv(SM, "France", 2024, conn="Distributed"), mv(SM, "France", 2024)
add(S, "market", "I'm writing about rooftop solar in France. What share of France's 2024 installations was distributed?",
    "share", [E(a / t * 100, "%")], [], "sample market: France 2024 Annual Distributed/Total Historical Primary")

a, b = mv(SM, "Germany", 2030, scen=LOW), mv(SM, "Spain", 2030, scen=LOW)
add(S, "market", "Under the low scenario, compare Germany's and Spain's annual additions in 2030.",
    "compare", [E(a), E(b)], ["Germany"], "sample market: 2030 Annual Total Forecast - Low, Germany and Spain")

a, b = mv(SM, "Poland", 2022), mv(SM, "Poland", 2024)
add(S, "market", "how much did the polish market change between 2022 and 2024 in %?",
    "change", [E(pct(a, b), "%")], [], "sample market: Poland Annual Total Historical Primary (2024-2022)/2022")

a, b = mv(SM, "World", 2015), mv(SM, "World", 2024)
add(S, "market", "To frame the whole thesis I start with the global picture. What's the CAGR of global annual PV installations from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], [], "sample market: World Annual Total Historical Primary 2015->2024, CAGR 9 years")

s = series(SM, "Netherlands", 2015, 2024)
yr = min(s, key=s.get)
add(S, "market", "Which year between 2015 and 2024 saw the lowest Dutch PV additions?",
    "extreme", [E(s[yr])], [str(yr)], "sample market: Netherlands Annual Total Historical Primary 2015-2024, min")

s = series(SM, "Italy", 2015, 2024)
yr = min(y for y, x in s.items() if x >= 1000)
add(S, "market", "From 2015 on, when did Italy first add more than 1 GW in a year?",
    "first_latest", [E(s[yr])], [str(yr)], "sample market: Italy Annual Total Historical Primary, first year >= 1,000 MW from 2015")

vals = {c: mv(SM, c, 2024, "Cumulative") for c in ["Italy", "Spain", "France"]}
srt = sorted(vals.items(), key=lambda kv: -kv[1])
add(S, "market", "Rank Italy, Spain and France by cumulative installed capacity at the end of 2024.",
    "rank", [E(x) for _, x in srt], [c for c, _ in srt], "sample market: 2024 Cumulative Total Historical Primary, sorted desc")

# sample market follow-ups
chain(S, "market", ["How much PV did France add in 2022?", "what about 2023?"],
      expect=[E(mv(SM, "France", 2023))], how="sample market: France 2023 Annual Total Historical Primary")

chain(S, "market", ["What's the most probable forecast for Spain's annual installations in 2028?", "and the low scenario?"],
      expect=[E(mv(SM, "Spain", 2028, scen=LOW))], how="sample market: Spain 2028 Annual Total Forecast - Low")

a, w = mv(SM, "Italy", 2024), mv(SM, "World", 2024)
chain(S, "market", ["What share of global annual installations did Germany have in 2024?", "And Italy?"],
      expect=[E(a / w * 100, "%")], how="sample market: Italy/World 2024 Annual Total Historical Primary")

a, b = mv(SM, "Poland", 2025, scen=MP), mv(SM, "Poland", 2030, scen=MP)
chain(S, "market", ["what CAGR does the most probable scenario imply for Germany's annual market from 2025 to 2030?",
                    "could you do the same for poland"],
      expect=[E(cagr(a, b, 5), "%")], how="sample market: Poland Annual Total Forecast - Most probable 2025->2030, CAGR 5 years")

# =====================================================================================
# SAMPLE DATA: prices
# =====================================================================================
s = pseries(SP, "Module", "n-type TOPCon", "EU")
add(S, "price", "I'm comparing module prices with the NZIA debate in my policy chapter. What was the n-type TOPCon module price in the EU in March 2024?",
    "price", [E(p_month(s, "2024-03"), unit_of(s))], [], "sample prices: Module n-type TOPCon EU, 2024-03")

s = pseries(SP, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "For my cost-decline chapter: by how much (%) did the Chinese 9N/9N+ polysilicon price change from January 2023 to December 2024?",
    "price", [E(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), "%")], [], "sample prices: Polysilicon High purity China 2023-01 -> 2024-12")

s = pseries(SP, "Wafer", "n-type mono-Si M10", "China")
mn, mnd = p_ext(s, "min")
add(S, "price", "When was the n-type M10 wafer price in China at its lowest, and what was it?",
    "price", [E(mn, unit_of(s))], years_of(mnd), "sample prices: Wafer n-type mono-Si M10 China, min over series")

a = p_month(pseries(SP, "Cell", "p-type mono-Si PERC M10", "EU"), "2024-12")
b = p_month(pseries(SP, "Cell", "p-type mono-Si PERC M10", "China"), "2024-12")
add(S, "price", "Compare p-type PERC M10 cell prices in the EU and China in December 2024 - what's the gap?",
    "price", [E(a, "US$/Wp"), E(b, "US$/Wp"), E(a - b, "US$/Wp")], [], "sample prices: Cell p-type mono-Si PERC M10 EU and China 2024-12, difference EU-China")

vals = {r: p_latest(pseries(SP, "Module", "n-type HJT", r)) for r in ["China", "EU", "India", "US"]}
assert len({d for d, _ in vals.values()}) == 1
cheapest = min(vals, key=lambda r: vals[r][1])
add(S, "price", "Which region has the cheapest HJT modules at the latest date?",
    "price", [E(vals[cheapest][1], "US$/Wp")], [cheapest], "sample prices: Module n-type HJT, latest date, min over regions")

s = pseries(SP, "Module", "p-type mono-Si PERC M10", "China")
t = s[s.date.dt.year == 2024]
add(S, "price", "average price of chinese PERC M10 modules in 2024?",
    "price", [E(t.base_price.mean(), unit_of(s))], [], "sample prices: Module p-type mono-Si PERC M10 China, mean of 12 monthly values 2024")

s = pseries(SP, "PV glass", "Glass 3,2mm", "EU")
mx, mxd = p_ext(s, "max")
add(S, "price", "Glass is often forgotten in the cost analyses I've read, so I want to include it. What's the highest 3.2mm PV glass price in the EU in your data?",
    "price", [E(mx, unit_of(s))], [], "sample prices: PV glass Glass 3,2mm EU, max over series")

vals = {r: p_latest(pseries(SP, "Module", "n-type TOPCon", r))[1] for r in ["China", "EU", "India", "US"]}
srt = sorted(vals.items(), key=lambda kv: -kv[1])
add(S, "price", "Can you rank the regions by their latest n-type TOPCon module price, most expensive first?",
    "price", [E(x, "US$/Wp") for _, x in srt], [r for r, _ in srt], "sample prices: Module n-type TOPCon latest (2024-12) by region, sorted desc")

s = pseries(SP, "Polysilicon", "High purity - 9N/9N+", "EU")
d, v = p_latest(s)
add(S, "price", "latest polysilicon price in the EU?",
    "price", [E(v, unit_of(s))], [], f"sample prices: Polysilicon High purity EU, latest ({d.date()})")

# sample price follow-ups
s = pseries(SP, "Module", "n-type TOPCon", "China")
chain(S, "price", ["What was the n-type TOPCon module price in the EU in June 2024?", "and in China?"],
      expect=[E(p_month(s, "2024-06"), unit_of(s))], how="sample prices: Module n-type TOPCon China, 2024-06")

s = pseries(SP, "Wafer", "p-type mono-Si M10", "China")
chain(S, "price", ["What's the latest price for n-type M10 wafers in China?", "and for p-type M10 wafers?",
                   "how much did that p-type one fall since January 2023, in %?"],
      expect=[E(pct(p_month(s, "2023-01"), p_latest(s)[1]), "%")], how="sample prices: Wafer p-type mono-Si M10 China 2023-01 -> latest (2024-12)")

# =====================================================================================
# FINANCIALS (sample financials, on both instances)
# =====================================================================================
H, A, N, SF = "Helios Modules Ltd (sample)", "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)", "SunForge Energy (sample)"

v, u = fv(H, "FY2024", "Revenue")
add(S, "manufacturer_financial", "What was Helios Modules' revenue in FY2024?",
    "financial", [E(v, u)], [], "sample financials: Helios Modules Ltd, FY2024, Revenue")

v, u = fv(N, "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "I have a small section on European manufacturers. What was Nordlicht Solar's gross margin in Q4 2024?",
    "financial", [E(v, u)], [], "sample financials: Nordlicht Solar AG, 2024-Q4, Gross margin")

v, u = fv(SF, "FY2024", "Net income")
add(S, "manufacturer_financial", "did SunForge Energy make a profit in FY2024? what was the net income?",
    "financial", [E(v, u)], [], "sample financials: SunForge Energy, FY2024, Net income")

vals = {c: fv(c, "FY2024", "Module shipments")[0] for c in [H, A, N, SF]}
top = max(vals, key=vals.get)
add(R, "manufacturer_financial", "My thesis has a short part on manufacturers and overcapacity. Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [E(vals[top], "GW")], [top.split()[0]], "sample financials: FY2024 Module shipments, max over companies")

a, _ = fv(A, "FY2023", "Revenue")
b, _ = fv(A, "FY2024", "Revenue")
add(S, "manufacturer_financial", "By how many % did Aurora PV Group's revenue change from FY2023 to FY2024?",
    "financial", [E(pct(a, b), "%")], [], "sample financials: Aurora PV Group Revenue FY2023 -> FY2024 % change")

a, u = fv(H, "2024-Q4", "Production capacity")
b, _ = fv(SF, "2024-Q4", "Production capacity")
add(R, "manufacturer_financial", "Compare the production capacity of Helios Modules and SunForge Energy in 2024-Q4.",
    "financial", [E(a, u), E(b, u)], ["Helios"], "sample financials: 2024-Q4 Production capacity, Helios and SunForge")

q = [fv(A, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "what was Aurora's average quarterly gross margin over the four quarters of 2024?",
    "financial", [E(sum(q) / 4, "%")], [], "sample financials: Aurora PV Group Gross margin 2024-Q1..Q4, mean")

qs = {f"2023-Q{i}": fv(N, f"2023-Q{i}", "Net income")[0] for i in range(1, 5)}
qs.update({f"2024-Q{i}": fv(N, f"2024-Q{i}", "Net income")[0] for i in range(1, 5)})
worst = min(qs, key=qs.get)
add(R, "manufacturer_financial", "Which quarter was Nordlicht Solar's worst in terms of net income, and how big was the loss?",
    "financial", [E(qs[worst], "USD million")], [worst.split("-")[1], worst.split("-")[0]], "sample financials: Nordlicht Solar AG quarterly Net income 2023-Q1..2024-Q4, min")

a, u = fv(H, "2023-Q1", "Production capacity")
b, _ = fv(H, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "For the overcapacity argument I need capacity growth numbers. How much did Helios grow its production capacity between 2023-Q1 and 2024-Q4, in percent?",
    "financial", [E(pct(a, b), "%")], [], "sample financials: Helios Production capacity 2023-Q1 -> 2024-Q4 % change")

v, u = fv(H, "FY2024", "Revenue")
chain(R, "manufacturer_financial", ["What was Helios Modules' revenue in FY2023?", "and FY2024?"],
      kind="follow_up", expect=[E(v, u)], how="sample financials: Helios Modules Ltd FY2024 Revenue")

v, u = fv(SF, "FY2024", "Gross margin")
chain(S, "manufacturer_financial", ["What was Nordlicht Solar's gross margin for FY2024?", "what about SunForge?"],
      kind="follow_up", expect=[E(v, u)], how="sample financials: SunForge Energy FY2024 Gross margin")

# =====================================================================================
# UNANSWERABLE
# =====================================================================================
U = []


def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how="not in the data")


un(S, "market", "For comparison in my thesis - how much onshore wind capacity did Germany install in 2023?",
   "wind capacity is not in the data (PV only)")
un(S, "market", "Many italian rooftop systems come with batteries, which I mention in chapter 3. How much battery storage was installed in Italy in 2024, in MWh?",
   "storage is not in the data")
un(R, "market", "what was the LCOE of utility-scale solar in Spain in 2023?",
   "LCOE is not held")
un(S, "market", "How many GWh did German PV systems generate in 2023?",
   "electricity generation (GWh) is not held; only capacity in MW")
un(S, "market", "How many people work in the Polish solar sector? I need job numbers for the socio-economic chapter.",
   "jobs are not in the data")
un(S, "market", "What was the French feed-in tariff for small rooftop systems in 2022?",
   "tariffs are not held")
un(R, "market", "According to the most probable scenario, what will Germany's cumulative installed PV capacity be at the end of 2030?",
   "forecast Cumulative values in the real CSV do not include the installed base")
un(R, "market", "what's Spain's installed base (cumulative) in 2027 under the high scenario?",
   "forecast Cumulative values in the real CSV do not include the installed base")
un(R, "market", "How much PV did Nigeria install in 2023?",
   "Nigeria is not a territory in the data")
un(R, "market", "I'm doing a regional case study - how much PV was installed in Andalusia in 2023?",
   "sub-national regions are not in the data")
un(R, "market", "The German government targets go beyond 2030, which I discuss in my conclusion. What's the forecast for Germany's PV additions in 2035?",
   "forecasts end in 2030")
un(R, "market", "How many individual PV systems (number of installations, not MW) were installed in the Netherlands in 2023?",
   "only capacity is held, not the number of systems")
un(R, "market", "My economics chapter needs market size in money terms, not only MW. What was the value of the Italian PV market in 2023 in million EUR?",
   "market value in EUR is not held")
un(S, "market", "How much solar thermal collector area was added in Austria in 2022?",
   "solar thermal is not in the data")
un(R, "market", "What's the average capacity factor of PV plants in Greece?",
   "capacity factors / yields are not held")
un(R, "price", "What's the current price of string inverters in Europe, per Wp?",
   "inverter prices are not in the price data")
un(R, "price", "What was the polysilicon price in 2012? I want to show the decline since then.",
   "price data start in 2019")
un(R, "price", "What is the latest TOPCon module price in Brazil?",
   "Brazil is not a price region")
un(R, "price", "I'd like to decompose the module cost for my thesis. What percentage of a module's price is the polysilicon cost right now?",
   "a share of a price (cost breakdown) is not held; units differ by item")
un(R, "price", "How efficient are n-type TOPCon modules compared to PERC?",
   "module efficiency is not held")
un(R, "manufacturer_financial", "For the manufacturers section I also want the big Chinese players. What was LONGi's revenue in 2023?",
   "LONGi is not in the financials")
un(R, "manufacturer_financial", "What was Helios Modules' EBITDA in FY2024?",
   "EBITDA is not a metric in the financials")
un(S, "market", "My Spain chapter starts after the 2008 boom-and-bust. How much PV did Spain install in 2010?",
   "the sample market data start in 2015")
un(S, "market", "How much did Belgium install in 2023?",
   "Belgium is not in the sample market data")
un(S, "market", "What were PPA prices for solar in Spain last year?",
   "PPA / electricity prices are not held")
un(S, "price", "what was the silver price in mid 2024? silver paste matters for my cell cost chapter",
   "silver is not in the sample prices")
un(S, "price", "What was the p-type PERC M10 cell price in India in December 2024?",
   "cell prices in the sample exist only for China and EU")
un(S, "price", "What's the polysilicon price in 2025?",
   "sample prices end in December 2024")
un(S, "manufacturer_financial", "I want a three year series for SunForge in my table. What was SunForge Energy's revenue in FY2022?",
   "financials cover 2023 and 2024 only")
un(S, "manufacturer_financial", "How many employees does Nordlicht Solar have?",
   "employee numbers are not held")
un(S, "manufacturer_financial", "How much did Aurora PV Group spend on R&D in 2024?",
   "R&D spending is not held")

# =====================================================================================
# self-check + write
# =====================================================================================
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(1 for i in ITEMS if not i["answerable"])
n_chain = sum(1 for i in ITEMS if len(i["turns"]) >= 2)
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i.get("why"), i["id"]
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print("items:", len(ITEMS), "unanswerable:", n_un, "follow-up chains:", n_chain)
print("by kind:", dict(Counter(i["kind"] for i in ITEMS)))
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by data x agent:", dict(Counter((i["data"], i["agent"]) for i in ITEMS)))
