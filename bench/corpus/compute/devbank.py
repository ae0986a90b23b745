#!/usr/bin/env python3
"""devbank question set: every expected figure is computed from the data files."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

OUT = Path(__file__).with_name("questions.jsonl")
WRITER = "devbank"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"


def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates(KEY + [CAP])
    assert not df.duplicated(KEY).any(), path
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES).drop_duplicates()
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES)
SP["date"] = pd.to_datetime(SP["date"])
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}

SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    if scen is None:
        scen = "Historical Primary" if year <= last_hist(df, terr) else SCEN["mp"]
    else:
        scen = SCEN.get(scen, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    v = float(r[CAP].iloc[0])
    assert v == v, (terr, year)
    return v


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(df, terr, typ="Annual", conn="Total"):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")
           & (df.Connection == conn) & (df.Type == typ)].dropna(subset=[CAP])
    return dict(zip(h.Year.astype(int), h[CAP].astype(float)))


def ranking(df, year, typ="Annual", conn="Total", among=None, scen="Historical Primary"):
    r = df[(df.Year == year) & (df.Scenario == scen) & (df.Connection == conn)
           & (df.Type == typ)].dropna(subset=[CAP])
    r = r[~r.Territory.isin(AGGREGATES)]
    if among is not None:
        r = r[r.Territory.isin(among)]
    r = r.sort_values(CAP, ascending=False)
    return list(zip(r.Territory, r[CAP].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- price helpers
def pseries(df, item, desc, region, unit=None):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    s = s.sort_values("date")
    assert not s.date.duplicated().any(), (item, desc, region)
    return s


def p_on(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (date, len(r))
    return float(r.base_price.iloc[0])


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_latest(s):
    return s.date.iloc[-1], float(s.base_price.iloc[-1])


def unit_of(s):
    return s.unit.iloc[0]


# ---------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- item registry
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


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
        "expect": list(expect) if answerable else [],
        "names": [str(n) for n in names] if answerable else [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


def U(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", how=how, answerable=False, why=why)


MW = "MW"
R, S = "real", "sample"
MK, PR, FI = "market", "price", "manufacturer_financial"

# ================================================================= REAL market: lookups
v = mv(RM, "India", 2024)
add(R, MK, "I am preparing the credit memo for a 300 MW plant in Rajasthan. How much PV capacity did India add in 2024?",
    "lookup", [E(v, MW)], how="real CSV: India 2024 Historical Primary Total Annual")

v = mv(RM, "Brazil", 2023, "Cumulative")
add(R, MK, "how much was the installed of Brazil at end of 2023 ?", "lookup", [E(v, MW)],
    how="real CSV: Brazil 2023 Historical Primary Total Cumulative")


v = mv(RM, "Chile", 2024, "Cumulative", "Centralised")
add(R, MK, "For our Atacama utility-scale pipeline: what is Chile's cumulative centralised PV capacity at the end of 2024?",
    "lookup", [E(v, MW)], how="real CSV: Chile 2024 Historical Primary Centralised Cumulative")



v = mv(RM, "Türkiye", 2027, scen="mp")
add(R, MK, "We are looking at a Turkish sponsor. Which is the most probable forecast for PV additions in Türkiye in 2027?",
    "lookup", [E(v, MW)], how="real CSV: Türkiye 2027 Forecast - Most probable Total Annual")

# ================================================================= REAL market: rankings
rk = ranking(RM, 2024)[:5]
add(R, MK, "The committee wants the global picture first. Top 5 countries worldwide by PV added in 2024? Countries only, not regions.", "rank",
    [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="real CSV: 2024 Historical Primary Total Annual, aggregates excluded, top 5")

AFRICA = ["Algeria", "Egypt", "Morocco", "South Africa", "Sudan", "Tunisia"]
rk = ranking(RM, 2024, among=AFRICA)[:3]
add(R, MK, "For the Africa window of our facility: which three African countries installed the most PV in 2024?",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="real CSV: 2024 Annual Total among African countries in data (Algeria, Egypt, Morocco, South Africa, Sudan, Tunisia), top 3")



LIST5 = ["India", "Brazil", "Pakistan", "South Africa", "Mexico"]
rk = ranking(RM, 2024, among=LIST5)
add(R, MK, "Our portfolio countries are India, Brazil, Pakistan, South Africa and Mexico. Can you rank them by 2024 annual installations, biggest first?",
    "rank", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="real CSV: 2024 Annual Total for the five named countries, sorted descending")

full = ranking(RM, 2024)
pos = [t for t, _ in full].index("Pakistan") + 1
add(R, MK, "Pakistan had a huge rooftop boom last year. In which position does Pakistan rank among all countries for 2024 PV additions?",
    "rank", [E(mv(RM, "Pakistan", 2024), MW)], ["Pakistan", str(pos)],
    how="real CSV: 2024 Annual Total, countries only, position of Pakistan")

# ================================================================= REAL market: shares
a, w = mv(RM, "India", 2024), mv(RM, "World", 2024)
add(R, MK, "In the India memo I need the global weight. What share of global PV additions did India represent in 2024?", "share",
    [E(a / w * 100, "%")], how="real CSV: India 2024 Annual Total / World 2024 Annual Total")

a, t = mv(RM, "Brazil", 2024, conn="Distributed"), mv(RM, "Brazil", 2024)
add(R, MK, "Brazil DG question for the committee: what % of Brazil's 2024 installations were distributed?",
    "share", [E(a / t * 100, "%")], how="real CSV: Brazil 2024 Annual Distributed / Total")

a, t = mv(RM, "Brazil", 2024), mv(RM, "South America", 2024)
add(R, MK, "We are sizing a regional facility for Latin America. How big is Brazil inside South America — its share of the region's 2024 additions?", "share",
    [E(a / t * 100, "%")], how="real CSV: Brazil 2024 Annual Total / South America 2024 Annual Total")

a, w = mv(RM, "Pakistan", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(R, MK, "The risk team thinks Pakistan is still marginal globaly. What is Pakistan's share of the world cumulative PV capacity at end of 2024?", "share",
    [E(a / w * 100, "%")], how="real CSV: Pakistan 2024 Cumulative Total / World 2024 Cumulative Total")


# ================================================================= REAL market: change
a, b = mv(RM, "India", 2023), mv(RM, "India", 2024)
add(R, MK, "The India growth story must be backed with numbers. By how many percent did India's annual installations grow from 2023 to 2024?", "change",
    [E(pct(a, b), "%")], how="real CSV: India Annual Total 2023 -> 2024, % change")


a, b = mv(RM, "Pakistan", 2023), mv(RM, "Pakistan", 2024)
add(R, MK, "Pakistan 2023 vs 2024 new capacity: what is the year-on-year change, in MW and in %?", "change",
    [E(b - a, MW), E(pct(a, b), "%")], how="real CSV: Pakistan Annual Total 2024 - 2023 and % change")


a, b = mv(RM, "Chile", 2014), mv(RM, "Chile", 2024)
add(R, MK, "Chile annual PV market, compund annual growth rate 2014–2024?", "change",
    [E(cagr(a, b, 10), "%")], how="real CSV: Chile Annual Total 2014 -> 2024, CAGR over 10 years")

a, b = mv(RM, "Ukraine", 2025, scen="high"), mv(RM, "Ukraine", 2030, scen="high")
add(R, MK, "Reconstruction programme: under the high scenario, how much do Ukraine's annual PV additions grow between 2025 and 2030, in %?",
    "change", [E(pct(a, b), "%")], how="real CSV: Ukraine Annual Total Forecast - High 2025 -> 2030, % change")

# ================================================================= REAL market: compare
a, b = mv(RM, "Brazil", 2024, "Cumulative"), mv(RM, "Mexico", 2024, "Cumulative")
add(R, MK, "Brazil vs Mexico: how many times bigger is the Brazilian installed base than the Mexican one at end of 2024?",
    "compare", [E(a, MW), E(b, MW), E(a / b, "x")], ["Brazil"],
    how="real CSV: Cumulative Total 2024 Brazil / Mexico")

a, b = mv(RM, "India", 2024), mv(RM, "Germany", 2024)
add(R, MK, "Compare India with a mature market: India vs Germany PV additions in 2024, and the difference.",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["India"],
    how="real CSV: Annual Total 2024 India, Germany, difference")

trio = ["Saudi Arabia", "Egypt", "South Africa"]
vals = {c: mv(RM, c, 2024) for c in trio}
top = max(vals, key=vals.get)
add(R, MK, "We have utility deals in Saudi Arabia, Egypt and South Africa. Which one of the three installed more PV in 2024? Give me the three figures.",
    "compare", [E(vals[c], MW) for c in trio], [top],
    how="real CSV: Annual Total 2024 for the three countries, max")



# ================================================================= REAL market: extremes
def peak(d, fn=max):
    y = fn(d, key=d.get)
    return y, d[y]


y, v = peak(hist_series(RM, "Vietnam"))
add(R, MK, "Our Viet Nam exposure dates from the FiT period. What was the record year for new PV in Viet Nam, and how many MW?", "extreme",
    [E(v, MW)], [y], how="real CSV: Vietnam Historical Primary Annual Total, max over all years")

y, v = peak(hist_series(RM, "Egypt"))
add(R, MK, "Egypt — in which year did annual installations peak?", "extreme", [E(v, MW)], [y],
    how="real CSV: Egypt Historical Primary Annual Total, max over all years")


d = series(RM, "Mexico", 2018, 2024)
y, v = peak(d, min)
add(R, MK, "Mexico had a slump after the energy policy changes. What was the weakest year for Mexican PV additions between 2018 and 2024?",
    "extreme", [E(v, MW)], [y], how="real CSV: Mexico Annual Total 2018-2024, min")

y, v = peak(hist_series(RM, "South Africa"))
add(R, MK, "Load-shedding pushed a lot of rooftop in South Africa. In which year did South Africa install the most solar PV (all years available)?", "extreme",
    [E(v, MW)], [y], how="real CSV: South Africa Historical Primary Annual Total, max")

# ================================================================= REAL market: averages
d = series(RM, "India", 2020, 2024)
add(R, MK, "What is India's average yearly PV addition over 2020-2024?", "average",
    [E(sum(d.values()) / len(d), MW)], how="real CSV: India Annual Total 2020..2024, mean of 5 years")


d = series(RM, "Brazil", 2022, 2024)
add(R, MK, "Average annual Brazilian installations in the last three years 2022, 2023 and 2024?", "average",
    [E(sum(d.values()) / len(d), MW)], how="real CSV: Brazil Annual Total 2022..2024, mean")

d = series(RM, "Pakistan", 2019, 2024, conn="Distributed")
add(R, MK, "For the Pakistan rooftop credit line: average distributed additions per year from 2019 to 2024?",
    "average", [E(sum(d.values()) / len(d), MW)], how="real CSV: Pakistan Annual Distributed 2019..2024, mean of 6 years")


# ================================================================= REAL market: sums
d = series(RM, "India", 2022, 2024)
add(R, MK, "For the sector note: total capacity India instaled over 2022–2024 combined?", "sum", [E(sum(d.values()), MW)],
    how="real CSV: India Annual Total 2022+2023+2024")



trio = ["Brazil", "Chile", "Mexico"]
vals = [mv(RM, c, 2024, "Cumulative") for c in trio]
add(R, MK, "Latin America exposure: what is the combined installed base of Brazil, Chile and Mexico at end of 2024?", "sum",
    [E(sum(vals), MW)], how="real CSV: Cumulative Total 2024 summed over Brazil, Chile, Mexico")

d = series(RM, "Vietnam", 2019, 2021)
add(R, MK, "Viet Nam's FiT rush: how much PV in total was added in 2019, 2020 and 2021 together?", "sum",
    [E(sum(d.values()), MW)], how="real CSV: Vietnam Annual Total 2019+2020+2021")

# ================================================================= REAL market: first / latest
d = hist_series(RM, "Pakistan")
y0 = min(d)
add(R, MK, "Track record matters for our due diligence. Since which year does your data have PV installations for Pakistan, and what was added in that first year?",
    "first_latest", [E(d[y0], MW)], [y0], how="real CSV: Pakistan Historical Primary Annual Total, earliest year")

d = hist_series(RM, "Saudi Arabia")
y1 = max(d)
add(R, MK, "What is the most recent year available for Saudi Arabia's annual PV additions, and the value?",
    "first_latest", [E(d[y1], MW)], [y1], how="real CSV: Saudi Arabia Historical Primary Annual Total, latest year")

d = hist_series(RM, "Brazil")
y = min(k for k, x in d.items() if x > 1000)
add(R, MK, "In what year Brazil first installed more than 1 GW in a single year?", "first_latest",
    [E(d[y], MW)], [y], how="real CSV: Brazil Annual Total, first year > 1000 MW")

d = hist_series(RM, "World", "Cumulative")
y = min(k for k, x in d.items() if x >= 1_000_000)
add(R, MK, "When did the global installed PV base first pass 1 TW?", "first_latest", [E(d[y], MW)], [y],
    how="real CSV: World Historical Primary Cumulative Total, first year >= 1,000,000 MW")


# ================================================================= REAL market: follow-ups
a, b = mv(RM, "Brazil", 2024), mv(RM, "Mexico", 2024)
add(R, MK, ["How much PV did Brazil install in 2024?", "and Mexico?"], "follow_up", [E(b, MW)],
    how="real CSV: Mexico 2024 Annual Total (follow-up to Brazil)")

w23 = mv(RM, "India", 2023) / mv(RM, "World", 2023) * 100
w24 = mv(RM, "India", 2024) / mv(RM, "World", 2024) * 100
add(R, MK, ["India's share of world PV additions in 2023?", "what about 2024?"], "follow_up",
    [E(w24, "%")], how="real CSV: India / World Annual Total 2024")

SAM = ["Argentina", "Brazil", "Chile", "Colombia", "Ecuador", "Peru"]
rk = ranking(RM, 2024, "Cumulative", among=SAM)[:3]
add(R, MK, ["Top 3 African countries by cumulative installed PV at end 2024?", "same for South America"],
    "follow_up", [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="real CSV: 2024 Cumulative Total among South American countries, top 3")

v = mv(RM, "Vietnam", 2020, conn="Distributed")
add(R, MK, ["Viet Nam PV added in 2020?", "and how much of it was distributed / rooftop?"], "follow_up",
    [E(v, MW)], how="real CSV: Vietnam 2020 Annual Distributed")

a, b = mv(RM, "Brazil", 2019, "Cumulative"), mv(RM, "Brazil", 2024, "Cumulative")
c0, c1 = mv(RM, "Chile", 2019, "Cumulative"), mv(RM, "Chile", 2024, "Cumulative")
add(R, MK, ["CAGR of Chile's installed base 2019 to 2024?", "and for Brazil, same period?"], "follow_up",
    [E(cagr(a, b, 5), "%")], how="real CSV: Brazil Cumulative Total 2019 -> 2024 CAGR (5 years)")

v = mv(RM, "Türkiye", 2030, scen="high")
add(R, MK, ["Türkiye PV additions forecast for 2030, most probable case?", "same for the high scenario"],
    "follow_up", [E(v, MW)], how="real CSV: Türkiye 2030 Forecast - High Annual Total")


# ================================================================= REAL prices
s = pseries(RP, "Module", "n-type TOPCon", "EU")
dt, v = p_latest(s)
add(R, PR, "For the EPC budget of a Balkan project: what is the latest n-type TOPCon module price for the EU?",
    "price", [E(v, unit_of(s))], [dt.strftime("%Y")],
    how=f"real parquet: Module / n-type TOPCon / EU, latest date {dt.date()}")

regs = ["China", "EU", "US"]
ss = {r: pseries(RP, "Module", "n-type TOPCon", r) for r in regs}
common = max(x.date.max() for x in ss.values())
assert all(x.date.max() == common for x in ss.values())
vals = {r: p_on(ss[r], common) for r in regs}
cheap = min(vals, key=vals.get)
add(R, PR, "Between China, the EU and the US, where are n-type TOPCon modules cheapest at the latest quote?",
    "price", [E(vals[cheap], "US$/Wp")], [cheap],
    how=f"real parquet: Module n-type TOPCon, regions China/EU/US on {common.date()}, min")

s = pseries(RP, "Module", "p-type mono-Si PERC M6", "India")
i = s.base_price.idxmax()
assert (s.base_price == s.base_price.max()).sum() == 1
add(R, PR, "Highest price ever recorded for p-type mono PERC M6 modules in India, and when was it?", "price",
    [E(s.loc[i, "base_price"], "US$/Wp")], [s.loc[i, "date"].strftime("%Y")],
    how="real parquet: Module / p-type mono-Si PERC M6 / India, max over whole series (single date)")

s = pseries(RP, "Copper", "Copper", "Overseas")
v = p_month(s, "2024-03")
add(R, PR, "Cable costs: what was the copper price in March 2024?", "price", [E(v, unit_of(s))],
    how="real parquet: Copper monthly, 2024-03")


s = pseries(RP, "Module", "n-type TOPCon", "China")
x = s[s.date.dt.year == 2024]
add(R, PR, "Budget assumption check for a project with Chinese supply. What was the average n-type TOPCon module price in China over 2024 (all weekly quotes)?", "price",
    [E(x.base_price.mean(), "US$/Wp")], how="real parquet: Module / n-type TOPCon / China, mean of 2024 observations")

s1, s2 = pseries(RP, "Module", "n-type HJT", "China"), pseries(RP, "Module", "n-type TOPCon", "China")
assert s1.date.iloc[-1] == s2.date.iloc[-1]
a, b = float(s1.base_price.iloc[-1]), float(s2.base_price.iloc[-1])
assert a != b
add(R, PR, "Technology choice for a Chinese-supplied plant: at the latest quote, HJT versus TOPCon modules in China, which is more expensive and by how much?",
    "price", [E(a, "US$/Wp"), E(b, "US$/Wp"), E(abs(a - b), "US$/Wp")], ["HJT" if a > b else "TOPCon"],
    how=f"real parquet: Module n-type HJT China vs n-type TOPCon China, latest date {s1.date.iloc[-1].date()}")

s = pseries(RP, "Cell", "n-type TOPCon M10", "Overseas")
dt, v = p_latest(s)
add(R, PR, "lastest price for n-type TOPCon M10 cells outside China (Overseas)?", "price", [E(v, unit_of(s))],
    how=f"real parquet: Cell / n-type TOPCon M10 / Overseas, latest {dt.date()}")

s = pseries(RP, "Module", "n-type TOPCon", "EU")
a, b = float(s.base_price.iloc[0]), float(s.base_price.iloc[-1])
add(R, PR, "Our first budgets used the oldest EU TOPCon quote. How much did EU TOPCon module prices move between the first quote in the data and the latest one? In %.",
    "price", [E(pct(a, b), "%")],
    how=f"real parquet: Module n-type TOPCon EU, first {s.date.iloc[0].date()} -> latest {s.date.iloc[-1].date()}, % change")


m10 = RP[(RP.item == "Module") & (RP.description == "p-type mono-Si PERC M10")]
china_latest = m10[m10.region == "China"].date.max()
common = m10.date.max()
assert china_latest == common
at = m10[m10.date == common]
assert not at.region.duplicated().any()  # one quote per region on that date
vals = dict(zip(at.region, at.base_price.astype(float)))
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] < sorted(vals.values())[1]
add(R, PR, ["What's the latest China price for p-type PERC M10 modules?",
            "and which region is the cheapest for this module at that date?"], "follow_up",
    [E(vals[cheap], "US$/Wp")], [cheap],
    how=f"real parquet: Module p-type mono-Si PERC M10, regions with a quote on {common.date()}, min")


# ================================================================= REAL unanswerable
U(R, MK, "For the Gujarat hybrid deal, how much wind capacity did India add in 2024?",
  "wind capacity is not in the data; PV only")
U(R, MK, "The India team wants a pipeline view. What is the most probable forecast for India's PV additions in 2027?",
  "the real CSV holds forecasts only for European territories (and World); none for India")
U(R, MK, "How much battery storage was installed in Chile in 2024 alongside the PV?",
  "storage is not in the data")
U(R, MK, "What is the LCOE of utility-scale solar in Saudi Arabia?", "LCOE is not held")
U(R, MK, "For the DSCR model: how many GWh did Indian PV plants generate in 2024?", "generation in GWh is not held; only capacity in MW")
U(R, MK, "We have a pipeline in Nigeria. How much PV did Nigeria install in 2024?", "Nigeria is not in the data")
U(R, MK, "What will be the total world installed PV base (cumulative) in 2030, most probable scenario?",
  "forecast cumulative values in the real CSV do not include the installed base; not a valid figure")
U(R, MK, "How many jobs does the solar sector employ in Viet Nam?", "employment is not held")
U(R, MK, "How much concentrated solar power (CSP) is installed in Morocco?", "solar thermal / CSP is not in the data; PV only")
U(R, MK, "For the investment pitch: value of the Brazilian PV market in 2024 in EUR?", "market value in currency is not held")
U(R, MK, ["Ukraine PV additions 2028, most probable forecast?", "and in the low scenario?"],
  "Ukraine has no Forecast - Low rows in the real CSV (only high and most probable)")
U(R, MK, "How much PV will Pakistan add in 2035?", "no data beyond 2030, and no forecast for Pakistan at all")
U(R, PR, "Current string inverter price in US$/W for our budget?", "inverter prices are not in the price data")
U(R, PR, "Our Brazilian borrower imports modules. What is the latest TOPCon module price delivered in Brazil?", "no Brazil region in the price data")
U(R, PR, "Which share of the module price is the cell cost, at the latest quote?",
  "a share of a price is not a quantity the data holds; prices are per item and never combined into cost shares")

# ================================================================= SAMPLE market
v = mv(SM, "Germany", 2024)
add(S, MK, "As a benchmark for mature markets, how much PV did Germany add in 2024?", "lookup", [E(v, MW)],
    how="sample market: Germany 2024 Historical Primary Annual Total")

v = mv(SM, "Poland", 2024, "Cumulative")
add(S, MK, "Poland is our emerging case inside the EU. Installed base at end of 2024?", "lookup", [E(v, MW)],
    how="sample market: Poland 2024 Cumulative Total")


CTRY = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"]
rk = ranking(SM, 2024)
add(S, MK, "Rank the countries you have by PV installed in 2024 (countries, not World).", "rank",
    [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="sample market: 2024 Annual Total, World excluded, descending")

rk = ranking(SM, 2030, scen=SCEN["mp"])[:3]
add(S, MK, "Which 3 countries are expected to add the most PV in 2030 (most probable)?", "rank",
    [E(x[1], MW) for x in rk], [x[0] for x in rk],
    how="sample market: 2030 Forecast - Most probable Annual Total, countries, top 3")

a, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(S, MK, "Germany's share of world additions in 2024, in %?", "share", [E(a / w * 100, "%")],
    how="sample market: Germany / World Annual Total 2024")

a, t = mv(SM, "Spain", 2024, conn="Distributed"), mv(SM, "Spain", 2024)
add(S, MK, "Which share of Spain's 2024 additions was distributed?", "share", [E(a / t * 100, "%")],
    how="sample market: Spain 2024 Annual Distributed / Total")


a, b = mv(SM, "Poland", 2019, "Cumulative"), mv(SM, "Poland", 2024, "Cumulative")
add(S, MK, "Poland grew very fast. CAGR of its installed base 2019→2024?", "change", [E(cagr(a, b, 5), "%")],
    how="sample market: Poland Cumulative Total 2019 -> 2024, CAGR 5 years")

a, b = mv(SM, "Spain", 2023), mv(SM, "Spain", 2024)
add(S, MK, "Spain's annual installations: change 2023 to 2024 in MW and %?", "change",
    [E(b - a, MW), E(pct(a, b), "%")], how="sample market: Spain Annual Total 2023 -> 2024")

a, b = mv(SM, "World", 2024), mv(SM, "World", 2030, scen="high")
add(S, MK, "For the long-term demand section of the memo: how much would global annual additions grow from 2024 to 2030 in the high scenario, in percent?",
    "change", [E(pct(a, b), "%")], how="sample market: World Annual Total 2024 (historical) -> 2030 Forecast - High")

a, b = mv(SM, "Italy", 2024), mv(SM, "Spain", 2024)
add(S, MK, "Italy or Spain — who installed more in 2024, and by how much?", "compare",
    [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Spain" if b > a else "Italy"],
    how="sample market: Annual Total 2024 Italy vs Spain")

vals = {c: mv(SM, c, 2024, "Cumulative") for c in ["France", "Netherlands", "Poland"]}
top = max(vals, key=vals.get)
add(S, MK, "Cumulative capacity end-2024 for France, the Netherlands and Poland — compare them please.",
    "compare", [E(x, MW) for x in vals.values()], [top],
    how="sample market: Cumulative Total 2024 for the three, largest named")

d = hist_series(SM, "Netherlands")
y, v = peak(d)
add(S, MK, "Dutch market: peak year of annual additions in the historical data?", "extreme", [E(v, MW)], [y],
    how="sample market: Netherlands Historical Primary Annual Total, max")

d = hist_series(SM, "France")
y, v = peak(d, min)
assert list(d.values()).count(v) == 1
add(S, MK, "What was France's weakest year for PV additions in the historical series?", "extreme",
    [E(v, MW)], [y], how="sample market: France Historical Primary Annual Total, min")


d = series(SM, "Italy", 2020, 2024)
add(S, MK, "Italy average annual PV additions 2020-2024?", "average", [E(sum(d.values()) / len(d), MW)],
    how="sample market: Italy Annual Total 2020..2024 mean")

d = series(SM, "Germany", 2025, 2030, scen="mp")
add(S, MK, "We benchmark our pipeline against the German market. On average, how much is Germany expected to install per year over 2025–2030 (most probable)?",
    "average", [E(sum(d.values()) / len(d), MW)], how="sample market: Germany Forecast - Most probable Annual 2025..2030 mean")

d = series(SM, "France", 2025, 2030, scen="mp")
add(S, MK, "Total French PV additions expected 2025 to 2030, most probable scenario?", "sum",
    [E(sum(d.values()), MW)], how="sample market: France Forecast - Most probable Annual 2025..2030 sum")


vals = [mv(SM, c, 2024) for c in CTRY]
add(S, MK, "What did the six countries in your dataset add together in 2024?", "sum", [E(sum(vals), MW)],
    how="sample market: Annual Total 2024 summed over France, Germany, Italy, Netherlands, Poland, Spain")

d = hist_series(SM, "Spain")
y = min(k for k, x in d.items() if x > 1000)
add(S, MK, "First year when Spain installed above 1,000 MW?", "first_latest", [E(d[y], MW)], [y],
    how="sample market: Spain Annual Total, first year > 1000 MW")

y1 = last_hist(SM, "Poland")
add(S, MK, "Which is the latest historical year for Poland and how much was instaled that year?", "first_latest",
    [E(mv(SM, "Poland", y1), MW)], [y1], how="sample market: Poland last Historical Primary year, Annual Total")

# sample follow-ups
g0, g1 = mv(SM, "Germany", 2023), mv(SM, "Germany", 2024)
s0, s1_ = mv(SM, "Spain", 2023), mv(SM, "Spain", 2024)
gg, sg = pct(g0, g1), pct(s0, s1_)
add(S, MK, ["Germany additions in 2024?", "and Spain?", "which of the two grew faster versus 2023?"], "follow_up",
    [E(gg, "%"), E(sg, "%")], ["Spain" if sg > gg else "Germany"],
    how="sample market: % change 2023->2024 Annual Total for Germany and Spain")

v = mv(SM, "World", 2026, scen="low")
add(S, MK, ["World PV additions in 2026, most probable?", "and the low scenario?"], "follow_up", [E(v, MW)],
    how="sample market: World 2026 Forecast - Low Annual Total")

a = mv(SM, "Italy", 2020) / mv(SM, "World", 2020) * 100
add(S, MK, ["Italy's share of world PV additions in 2024?", "what about 2020?"], "follow_up", [E(a, "%")],
    how="sample market: Italy / World Annual Total 2020")

d = series(SM, "Poland", 2015, 2024, "Cumulative")
add(S, MK, ["Poland's installed base at end of 2024?", "show me as a chart from 2015 to 2024"], "follow_up",
    [E(d[2015], MW), E(d[2024], MW)], how="sample market: Poland Cumulative Total 2015..2024 (chart endpoints)")


# sample unanswerable market
U(S, MK, "Sizing our India programme: how much PV did India add in 2024?", "the sample market holds only six European countries and World; no India")
U(S, MK, "Brazil's cumulative PV capacity end of 2023?", "Brazil is not in the sample market data")
U(S, MK, "Germany's onshore wind additions in 2024?", "wind is not in the data")
U(S, MK, "Spanish PV market in 2012, how big it was?", "the sample market starts in 2015")
U(S, MK, "Forecast of Italian PV additions for 2032?", "forecasts end in 2030")
U(S, MK, "What is the capacity factor of German PV?", "capacity factor / generation is not held")
U(S, MK, "How many rooftop systems (number of installations) were built in the Netherlands in 2024?",
  "only capacity in MW is held, not the number of systems")

# ================================================================= SAMPLE prices
s = pseries(SP, "Module", "n-type TOPCon", "India")
dt, v = p_latest(s)
add(S, PR, "For our Indian tender, what is the latest TOPCon module price in India?", "price",
    [E(v, unit_of(s))], how=f"sample prices: Module n-type TOPCon India latest {dt.date()}")

regs = sorted(SP[(SP.item == "Module") & (SP.description == "n-type TOPCon")].region.unique())
ss = {r: pseries(SP, "Module", "n-type TOPCon", r) for r in regs}
vals = {r: p_month(ss[r], "2024-12") for r in regs}
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] < sorted(vals.values())[1]
add(S, PR, "Which region had the cheapest n-type TOPCon modules in December 2024?", "price",
    [E(vals[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type TOPCon, all regions, 2024-12, min")

s = pseries(SP, "Module", "p-type mono-Si PERC M10", "India")
v = p_month(s, "2024-03")
add(S, PR, "Price of p-type PERC M10 modules in India in March 2024?", "price", [E(v, "US$/Wp")],
    how="sample prices: Module p-type mono-Si PERC M10 India 2024-03")

s = pseries(SP, "Module", "n-type TOPCon", "India")
a, b = p_month(s, "2024-01"), p_month(s, "2024-12")
add(S, PR, "Module price risk for the India tender. How much did Indian TOPCon module prices change from Jan 2024 to Dec 2024, in %?", "price",
    [E(pct(a, b), "%")], how="sample prices: Module n-type TOPCon India 2024-01 -> 2024-12")


s = pseries(SP, "Module", "n-type TOPCon", "India")
x = s[s.date.dt.year == 2024]
add(S, PR, "Average 2024 price of TOPCon modules in India (monthly data)?", "price",
    [E(x.base_price.mean(), "US$/Wp")], how="sample prices: Module n-type TOPCon India mean of 2024 months")


s_us = pseries(SP, "Module", "n-type TOPCon", "US")
v = p_month(s_us, "2024-06")
add(S, PR, ["TOPCon module price in India in June 2024?", "and in the US?"], "follow_up", [E(v, "US$/Wp")],
    how="sample prices: Module n-type TOPCon US 2024-06")

s = pseries(SP, "Module", "p-type mono-Si PERC M10", "India")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(S, PR, ["PERC M10 module price India, January 2023?", "how much has it changed until December 2024, in percent?"],
    "follow_up", [E(pct(a, b), "%")], how="sample prices: Module p-type PERC M10 India 2023-01 -> 2024-12")

U(S, PR, "Silver price last month? Cell makers complain about paste costs.", "silver is not in the sample price data")
U(S, PR, "For the Northern Cape project: TOPCon module price in South Africa, latest?", "no South Africa region in the price data")
U(S, PR, "Historic check for an old loan: what was the PERC module price in India in 2021?", "sample prices start in January 2023")

# ================================================================= FINANCIALS
v, u = fv(HEL, "FY2024", "Net income")
add(R, FI, "Supplier due diligence: what was Helios Modules' net income for FY2024?", "financial", [E(v, u)],
    how="sample financials: Helios FY2024 Net income")

v, u = fv(SUN, "2024-Q4", "Gross margin")
add(S, FI, "Credit review of SunForge Energy as module supplier: gross margin in Q4 2024?", "financial", [E(v, u)],
    how="sample financials: SunForge 2024-Q4 Gross margin")

ni = {c: fv(c, "FY2024", "Net income")[0] for c in COMPANIES}
best = max(ni, key=ni.get)
add(R, FI, "Among the manufacturers you cover, which one had the highest net income in FY2024?", "financial",
    [E(ni[best], "USD million")], [best.split(" (")[0].split()[0]],
    how="sample financials: FY2024 Net income, max over companies")

a, _ = fv(NOR, "FY2023", "Revenue")
b, _ = fv(NOR, "FY2024", "Revenue")
add(S, FI, "Nordlicht Solar is bidding for a supply contract with our borrower. Revenue change FY2023 to FY2024 in %?", "financial", [E(pct(a, b), "%")],
    how="sample financials: Nordlicht Revenue FY2023 -> FY2024 % change")

v, u = fv(AUR, "FY2024", "Module shipments")
add(R, FI, "Capacity to deliver matters for a 500 MW tender — how many GW of modules did Aurora PV Group ship in FY2024?", "financial", [E(v, u)],
    how="sample financials: Aurora FY2024 Module shipments")


qs = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
q = [fv(SUN, p, "Net income")[0] for p in qs]
add(S, FI, "SunForge looks weak. Add up its quarterly net income for the four quarters of 2024 — what is the total?",
    "financial", [E(sum(q), "USD million")],
    how="sample financials: SunForge Net income 2024-Q1+Q2+Q3+Q4")

nm = {}
for c in [HEL, AUR]:
    nm[c] = fv(c, "FY2024", "Net income")[0] / fv(c, "FY2024", "Revenue")[0] * 100
add(R, FI, "Net margin (net income / revenue) FY2024: Helios vs Aurora?", "financial",
    [E(nm[HEL], "%"), E(nm[AUR], "%")], [(HEL if nm[HEL] > nm[AUR] else AUR).split()[0]],
    how="sample financials: FY2024 Net income / Revenue for Helios and Aurora")

gm = {p: fv(AUR, p, "Gross margin")[0] for p in FIN[FIN.period.str.contains("Q")].period.unique()}
p = min(gm, key=gm.get)
assert list(gm.values()).count(gm[p]) == 1
add(S, FI, "Aurora PV: lowest quarterly gross margin in the data and which quarter?", "financial",
    [E(gm[p], "%")], [p.split("-")[1], p.split("-")[0]], how="sample financials: Aurora Gross margin over quarters, min")

a, _ = fv(HEL, "FY2023", "Module shipments")
b, _ = fv(HEL, "FY2024", "Module shipments")
add(R, FI, "Helios shipments growth from FY2023 to FY2024, %?", "financial", [E(pct(a, b), "%")],
    how="sample financials: Helios Module shipments FY2023 -> FY2024 % change")

v, u = fv(SUN, "FY2024", "Revenue")
add(S, FI, ["Helios revenue FY2024?", "and SunForge?"], "follow_up", [E(v, u)],
    how="sample financials: SunForge FY2024 Revenue")

v, u = fv(NOR, "2024-Q4", "Gross margin")
add(R, FI, ["Nordlicht Solar AG gross margin in 2024-Q1?", "and in Q4?"], "follow_up", [E(v, u)],
    how="sample financials: Nordlicht 2024-Q4 Gross margin")

U(R, FI, "Before we accept them as supplier: what was LONGi's net income in 2024?", "LONGi is not in the financials")
U(S, FI, "Our credit policy looks at leverage. What is the net debt / EBITDA ratio of Helios Modules at end of 2024?", "debt and EBITDA are not held")
U(R, FI, "Aurora PV Group revenue in FY2022?", "financials cover 2023 and 2024 only")
U(S, FI, "Jinko is also on the shortlist. Jinko Solar module shipments 2024?", "JinkoSolar is not in the financials")

# ================================================================= write + self-check
ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(1 for it in ITEMS if not it["answerable"])
assert n_un >= 28, n_un
n_chain = sum(1 for it in ITEMS if len(it["turns"]) >= 2)
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]
    else:
        assert it["why"], it["id"]

with OUT.open("w") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {n_chain}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:14s} {d:6s} {n}")
