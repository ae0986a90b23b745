"""Writer `retail`: a retail investor / homeowner who follows solar as a hobby.

Reads the data files with pandas, computes every expected figure and writes
questions.jsonl next to this script. No expected number is typed by hand.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "retail"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}

# ---------------------------------------------------------------- load
real_raw = pd.read_csv(REAL_MARKET)
R = real_raw.drop_duplicates()  # 624 exact duplicates counted once
# RoW has a second copy of each row differing only in AC/DC flags; values equal
dup = R[R.duplicated(KEY, keep=False)]
assert (dup.groupby(KEY)[CAP].nunique() == 1).all()
R = R.drop_duplicates(KEY)
S = pd.read_csv(SAMPLE_MARKET)
assert not S.duplicated(KEY).any()

RP = pd.read_parquet(REAL_PRICES)
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
F = pd.read_csv(FIN)

MK = {"real": R, "sample": S}
PR = {"real": RP, "sample": SP}


# ---------------------------------------------------------------- helpers: market
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def first_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.min())


def scen_for(df, terr, year, scen):
    if scen is not None:
        return scen
    return HP if year <= last_hist(df, terr) else MP


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    sc = scen_for(df, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == sc)]
    assert len(x) == 1, (terr, year, typ, conn, sc, len(x))
    return float(x[CAP].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    out = {}
    for y in range(y0, y1 + 1):
        out[y] = mv(df, terr, y, typ, conn, scen)
    return out


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, year, typ="Annual", conn="Total", n=3, among=None, scen=HP):
    pool = among if among is not None else countries(df)
    x = df[(df.Territory.isin(pool)) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == scen)]
    x = x.sort_values(CAP, ascending=False)
    vals = x[CAP].tolist()
    if n < len(vals):
        assert vals[n - 1] != vals[n], "tie at cut-off"
    top = x.head(n)
    return list(top.Territory), [float(v) for v in top[CAP]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def argext(d, fn):
    v = fn(d.values())
    ks = [k for k, x in d.items() if x == v]
    assert len(ks) == 1, ("tie", ks)
    return ks[0], v


# ---------------------------------------------------------------- helpers: prices
def ps(df, item, desc, region, unit=None, only=None):
    """Series of one item+description+region(+unit), one value per date.
    `only`: list of dates at which single-valuedness is required (default: all)."""
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    g = x.groupby("date").base_price
    nu = g.nunique()
    if only is not None:
        nu = nu.loc[[pd.Timestamp(d) for d in only]]
    assert (nu == 1).all(), ("conflicting values per date", item, desc, region)
    s = g.first().sort_index()
    return s, x.unit.iloc[0]


def on(s, date):
    d = pd.Timestamp(date)
    assert d in s.index, (date,)
    return float(s.loc[d])


def in_month(s, ym):
    p = pd.Period(ym, "M")
    x = s[s.index.to_period("M") == p]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0]), x.index[0]


def latest(s):
    return float(s.iloc[-1]), s.index[-1]


# ---------------------------------------------------------------- helpers: financials
def fv(company, period, metric):
    x = F[(F.company == company) & (F.period == period) & (F.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ---------------------------------------------------------------- items
items = []


def add(data, agent, turns, kind, expect=None, names=None, how="", why=None):
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns if isinstance(turns, list) else [turns],
        "answerable": why is None,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
    }
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
        assert not it["expect"]
    it["how"] = how
    items.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


MW = "MW"

# ================================================================= REAL: market
df = R
add("real", "market", "hey quick one, how much solar did germnay install in 2024?", "lookup",
    [E(mv(df, "Germany", 2024), MW)], [], "market CSV: Germany, 2024, Historical Primary, Total, Annual")

add("real", "market",
    "I hold a few shares in a module maker that ships a lot to Brazil. roughly how big was the brazilian market in 2023, in MW?",
    "lookup", [E(mv(df, "Brazil", 2023), MW)], [], "market CSV: Brazil, 2023, Historical Primary, Total, Annual")

add("real", "market", "my uncle in osaka just got panels. whats japan's total installed PV base at the end of 2024? ballpark is fine", "lookup",
    [E(mv(df, "Japan", 2024, "Cumulative"), MW)], [], "market CSV: Japan, 2024, Historical Primary, Total, Cumulative")

add("real", "market",
    "we're in australia and it feels like every roof on our street has panels lol. how much distributed solar did Australia add in 2022?",
    "lookup", [E(mv(df, "Australia", 2022, conn="Distributed"), MW)], [],
    "market CSV: Australia, 2022, Historical Primary, Distributed, Annual")

add("real", "market", "pakistan apparently went nuts on solar recently, someone on reddit said like 15 GW?? how much did it actually install in 2024?", "lookup",
    [E(mv(df, "Pakistan", 2024), MW)], [], "market CSV: Pakistan, 2024, Historical Primary, Total, Annual")

names, vals = rank(df, 2024, n=5)
add("real", "market", "trying to figure out where my module stocks' demand actually comes from. top 5 countries for new solar installations in 2024?", "rank",
    [E(v, MW) for v in vals], names, "market CSV: countries only (aggregates excluded), 2024, HP, Total, Annual, top 5 by MW")

names, vals = rank(df, 2023, "Cumulative", n=3)
add("real", "market", "been reading about installed base as a kind of moat thing. which 3 countries had the biggest installed solar fleets at the end of 2023?", "rank",
    [E(v, MW) for v in vals], names, "market CSV: countries only, 2023, HP, Total, Cumulative, top 3")

six = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
names, vals = rank(df, 2024, n=6, among=six)
add("real", "market",
    "I'm european and curious how we stack up. Can you rank germany, spain, italy, france, poland and the netherlands by how much PV each added in 2024, biggest first?",
    "rank", [E(v, MW) for v in vals], names, "market CSV: the six countries, 2024, HP, Total, Annual, sorted desc")

add("real", "market", "India keeps coming up on earnings calls. what share of global PV capacity is India, based on cumulative installs at end of 2024? in %", "share",
    [E(mv(df, "India", 2024, "Cumulative") / mv(df, "World", 2024, "Cumulative") * 100, "%")], [],
    "India / World, 2024, HP, Total, Cumulative x100")

add("real", "market",
    "thinking about getting panels on my house in Spain. out of everything spain installed in 2024, what % was distributed (rooftop type)?",
    "share", [E(mv(df, "Spain", 2024, conn="Distributed") / mv(df, "Spain", 2024) * 100, "%")], [],
    "Spain 2024 Annual HP: Distributed / Total x100")

add("real", "market", "I own a US-listed installer. the US share of worldwide solar installations in 2023 - roughly what %?", "share",
    [E(mv(df, "USA", 2023) / mv(df, "World", 2023) * 100, "%")], [], "USA / World, 2023, HP, Total, Annual x100")

a, b = mv(df, "Italy", 2022), mv(df, "Italy", 2024)
add("real", "market", "the italian market seems to be waking up. by how many percent did italys yearly installs grow from 2022 to 2024?", "change",
    [E(pct(a, b), "%")], [], "Italy Annual Total HP: (2024-2022)/2022 x100")

a, b = mv(df, "World", 2019), mv(df, "World", 2024)
add("real", "market", "trying to sanity check the growth story for my portfolio. whats the CAGR of global annual solar installations between 2019 and 2024?", "change",
    [E(cagr(a, b, 5), "%")], [], "World Annual Total HP: (2024/2019)^(1/5)-1")

a, b = mv(df, "USA", 2023), mv(df, "USA", 2024)
add("real", "market", "how did US installs change in 2024 vs 2023? both in MW and in %", "change",
    [E(b - a, MW), E(pct(a, b), "%")], [], "USA Annual Total HP: 2024-2023 and (2024-2023)/2023 x100")

a, b = mv(df, "Germany", 2020, "Cumulative"), mv(df, "Germany", 2024, "Cumulative")
add("real", "market",
    "how much did germany's installed base grow between the end of 2020 and the end of 2024, in absolute terms?", "change",
    [E(b - a, MW)], [], "Germany Cumulative Total HP: 2024 - 2020")

fr, it = mv(df, "France", 2024), mv(df, "Italy", 2024)
add("real", "market", "my neighbour reckons France is bigger than Italy these days. France vs Italy new installs in 2024 - who did more and by how much?", "compare",
    [E(fr, MW), E(it, MW), E(abs(it - fr), MW)], ["Italy" if it > fr else "France"],
    "France and Italy 2024 Annual Total HP, difference")

add("real", "market",
    "Compare japan, germany and india on cumulative PV capacity at the end of 2024 pls", "compare",
    [E(mv(df, c, 2024, "Cumulative"), MW) for c in ["Japan", "Germany", "India"]], [],
    "Japan, Germany, India 2024 Cumulative Total HP")

add("real", "market", "how many times bigger was china's solar market than the US's in 2024?", "compare",
    [E(mv(df, "China", 2024) / mv(df, "USA", 2024), "x")], [], "China / USA, 2024 Annual Total HP")

d = series(df, "Japan", first_hist(df, "Japan"), last_hist(df, "Japan"))
y, v = argext(d, max)
add("real", "market", "japan used to be huge in solar right? what was japan's record year for new solar installations?", "extreme",
    [E(v, MW)], [str(y)], "Japan Annual Total HP, max over whole span (Japan has no forecast rows)")

d = series(df, "Australia", 2012, 2024)
y, v = argext(d, min)
add("real", "market", "aussie installs feel pretty steady to me. between 2012 and 2024, which was Australia's weakest year for installs?", "extreme",
    [E(v, MW)], [str(y)], "Australia Annual Total HP 2012-2024, min")

d = series(df, "Germany", first_hist(df, "Germany"), last_hist(df, "Germany"))
y, v = argext(d, max)
add("real", "market",
    "germany's been at this a long time. looking only at actual historical data (no forecasts), when did it install the most PV in a single year?",
    "extreme", [E(v, MW)], [str(y)], "Germany Annual Total HP, max over all historical years")

d = series(df, "India", 2020, 2024)
add("real", "market", "india is supposedly the next china. what did india install on average per year from 2020 to 2024?", "average",
    [E(sum(d.values()) / len(d), MW)], [], "India Annual Total HP, mean of 2020..2024")

d = series(df, "UK", 2015, 2024)
add("real", "market",
    "I'm a Brit, our market always seems small. avg yearly additions in the UK over 2015-2024?", "average",
    [E(sum(d.values()) / len(d), MW)], [], "UK Annual Total HP, mean of 2015..2024")

d = series(df, "USA", 2020, 2024)
add("real", "market", "got some US exposure in my portfolio. how much solar did the USA add in total over 2020 through 2024 combined?", "sum",
    [E(sum(d.values()), MW)], [], "USA Annual Total HP, sum 2020..2024")

add("real", "market",
    "what did germany, france and italy add together in 2024? just the combined number", "sum",
    [E(sum(mv(df, c, 2024) for c in ["Germany", "France", "Italy"]), MW)], [],
    "sum of Germany, France, Italy 2024 Annual Total HP")

d = series(df, "Poland", 2025, 2030, scen=HIGH)
add("real", "market",
    "poland looks interesting to me. under the high forecast, how much would it install in total over 2025-2030?", "sum",
    [E(sum(d.values()), MW)], [], "Poland Annual Total Forecast - High, sum 2025..2030")

ly = last_hist(df, "Poland")
add("real", "market",
    "whats the most recent year of actual (not forecast) data you have for poland, and how much did it install that year?",
    "first_latest", [E(mv(df, "Poland", ly), MW)], [str(ly)], "Poland last Historical Primary year, Annual Total")

fy = first_hist(df, "Brazil")
add("real", "market", "what's the earliest year you've got for brazil, and what did it add that year?", "first_latest",
    [E(mv(df, "Brazil", fy), MW)], [str(fy)], "Brazil first Historical Primary year, Annual Total")

add("real", "market", "I'm weighing an Italian utility stock. what are the forecasts saying for italy's installs in 2030, low case?", "lookup",
    [E(mv(df, "Italy", 2030, scen=LOW), MW)], [], "Italy 2030 Forecast - Low, Total, Annual")

# ---- real follow-up chains (market)
add("real", "market", ["we vacation in spain every summer and see panels everywhere. how much PV did spain put in during 2023?", "and portugal?"], "follow_up",
    [E(mv(df, "Portugal", 2023), MW)], [], "Portugal 2023 Annual Total HP")

add("real", "market",
    ["what share of the world's new solar in 2024 was china?", "what about 2020?"], "follow_up",
    [E(mv(df, "China", 2020) / mv(df, "World", 2020) * 100, "%")], [], "China / World 2020 Annual Total HP x100")

add("real", "market",
    ["whats the most probable forecast for germany's new installs in 2027?", "same for the high scenario"], "follow_up",
    [E(mv(df, "Germany", 2027, scen=HIGH), MW)], [], "Germany 2027 Forecast - High, Total, Annual")

names, vals = rank(df, 2024, "Cumulative", n=3)
add("real", "market",
    ["top 3 countries by cumulative installed solar at end of 2024?", "can u show that as a chart"], "follow_up",
    [E(v, MW) for v in vals], names, "countries only, 2024 Cumulative Total HP, top 3, charted")

a, b = mv(df, "India", 2023), mv(df, "India", 2024)
add("real", "market", ["how much did india install in 2024?", "hows that vs 2023 in %?"], "follow_up",
    [E(pct(a, b), "%")], [], "India Annual Total HP (2024-2023)/2023 x100")

d = series(df, "Japan", 2015, 2024)
add("real", "market",
    ["average yearly installs in the US over 2015-2024?", "and japan?"], "follow_up",
    [E(sum(d.values()) / len(d), MW)], [], "Japan Annual Total HP mean 2015..2024")

add("real", "market",
    ["what % of italy's 2024 installations were distributed?", "and germany?", "and germany back in 2020?"],
    "follow_up", [E(mv(df, "Germany", 2020, conn="Distributed") / mv(df, "Germany", 2020) * 100, "%")], [],
    "Germany 2020 Annual HP Distributed / Total x100")

d = series(df, "Korea", first_hist(df, "Korea"), last_hist(df, "Korea"))
y, v = argext(d, max)
add("real", "market",
    ["south korea's cumulative PV at the end of 2024?", "and what was its biggest year ever for new installs?"],
    "follow_up", [E(v, MW)], [str(y)], "Korea Annual Total HP, max over whole span (no forecast rows)")

# ================================================================= REAL: prices
P = RP
s, u = ps(P, "Module", "n-type TOPCon", "China")
v, dt = latest(s)
add("real", "price", "prices seem to be falling off a cliff these days. whats the latest price for n-type TOPCon modules in china?", "price",
    [E(v, u)], [], f"prices: Module / n-type TOPCon / China, newest date {dt.date()}")

s1, u1 = ps(P, "Module", "n-type TOPCon", "US")
s2, u2 = ps(P, "Module", "n-type TOPCon", "EU")
(v1, d1), (v2, d2) = latest(s1), latest(s2)
assert d1 == d2
add("real", "price",
    "how do TOPCon module prices in the US compare to the EU right now? latest numbers", "price",
    [E(v1, u1), E(v2, u2)], [], f"Module / n-type TOPCon, US and EU, newest date {d1.date()}")

s, u = ps(P, "Polysilicon", "Very high purity - 11N/11N+", "China")
mx = s.max()
yrs = sorted(set(s[s == mx].index.year))
assert len(yrs) == 1
add("real", "price",
    "polysilicon went crazy a few years back. what was the highest price for 11N (very high purity) polysilcon in china in your data, and when?",
    "price", [E(mx, u)], [str(yrs[0])], "Polysilicon / Very high purity - 11N/11N+ / China, max over series")

s, u = ps(P, "Copper", "Copper", "Overseas")
v, dt = in_month(s, "2024-03")
add("real", "price", "copper's been all over the news. copper price in march 2024?", "price", [E(v, u)], [], "Copper / Overseas, monthly, 2024-03")

s, u = ps(P, "Silver", "Silver", "Overseas", unit="K US$/t")
v, dt = in_month(s, "2024-01")
add("real", "price",
    "silver paste is a big cost for cell makers I own. what was the silver price in january 2024?", "price",
    [E(v, u)], [], "Silver / Overseas, monthly, 2024-01 (unit K US$/t)")

s, u = ps(P, "Aluminium", "Aluminium", "Overseas")
a, _ = in_month(s, "2020-01")
b, _ = in_month(s, "2025-01")
add("real", "price", "how much has aluminium moved from jan 2020 to jan 2025, in %?", "price",
    [E(pct(a, b), "%")], [], "Aluminium / Overseas monthly: (2025-01 - 2020-01)/2020-01 x100")

d0 = "2025-03-26"
cands = {}
for r in ["China", "EU", "US", "Overseas"]:
    s, u = ps(P, "Module", "p-type mono-Si PERC M10", r, only=[d0])
    cands[r] = on(s, d0)
r_min = min(cands, key=cands.get)
assert sorted(cands.values())[0] < sorted(cands.values())[1]
add("real", "price",
    "on 26 march 2025, where were p-type PERC M10 modules cheapest - china, EU, US or overseas?", "price",
    [E(cands[r_min], u)], [r_min], f"Module / p-type mono-Si PERC M10, four regions on {d0}, min")

s, u = ps(P, "Module", "n-type TOPCon", "China")
x = s[s.index.year == 2024]
add("real", "price", "I'm getting quotes for my roof and want a feel for wholesale costs. average price of TOPCon panels in china during 2024?", "price",
    [E(x.mean(), u)], [], f"Module / n-type TOPCon / China, mean of {len(x)} weekly observations dated 2024")

s, u = ps(P, "Cell", "p-type mono-Si PERC", "China")
a = on(s, "2023-01-04")
b, dt = latest(s)
add("real", "price",
    "how much have PERC cell prices in china dropped from 4 jan 2023 to the latest reading, in %?", "price",
    [E(pct(a, b), "%")], [], f"Cell / p-type mono-Si PERC / China: 2023-01-04 vs {dt.date()}")

s1, u1 = ps(P, "Module", "n-type TOPCon", "China")
s2, u2 = ps(P, "Module", "n-type HJT", "China")
(v1, d1), (v2, d2) = latest(s1), latest(s2)
assert d1 == d2
add("real", "price",
    "one of my stocks is betting on heterojunction. latest HJT vs TOPCon module price in china?", "price",
    [E(v2, u2), E(v1, u1)], [], f"Module / n-type HJT and n-type TOPCon / China, newest date {d1.date()}")

# ---- real price follow-up
s1, u1 = ps(P, "Copper", "Copper", "Overseas")
s2, u2 = ps(P, "Aluminium", "Aluminium", "Overseas")
v2, d2 = latest(s2)
add("real", "price", ["latest copper price?", "and aluminium?"], "follow_up",
    [E(v2, u2)], [], f"Aluminium / Overseas, newest monthly observation {d2.date()}")

# ================================================================= REAL: financials (sample file)
v, u = fv(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "Helios is my biggest solar position. what was Helios Modules' revenue for full year 2024?", "financial",
    [E(v, u)], [], "financials: Helios, FY2024, Revenue")

v, u = fv(SUN, "2024-Q4", "Net income")
add("real", "manufacturer_financial",
    "i own some SunForge. net income in Q4 2024? were they in the red?", "financial",
    [E(v, u)], [], "financials: SunForge, 2024-Q4, Net income")

rev = {c: fv(c, "FY2023", "Revenue")[0] for c in [HEL, SUN, AUR, NOR]}
top = max(rev, key=rev.get)
add("real", "manufacturer_financial", "which of the manufacturers had the highest revenue in FY2023?", "financial",
    [E(rev[top], "USD million")], [SHORT[top]], "financials: FY2023 Revenue, max across companies")

a, u = fv(AUR, "2023-Q1", "Gross margin")
b, _ = fv(AUR, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial",
    "aurora pv gross margin, Q1 2023 vs Q4 2024 - how bad was the squeeze?", "financial",
    [E(a, u), E(b, u)], [], "financials: Aurora gross margin 2023-Q1 and 2024-Q4")

v, u = fv(NOR, "FY2024", "Module shipments")
add("real", "manufacturer_financial", "how many GW of modules did Nordlicht ship in 2024 (full year)?", "financial",
    [E(v, u)], [], "financials: Nordlicht, FY2024, Module shipments")

# ================================================================= REAL: unanswerable
U = lambda agent, q, why, data="real": add(data, agent, q, "unanswerable", why=why, how="not in the data")
U("market", "how much wind power did germany install in 2024?", "wind is not in the data; PV only")
U("market", "whats the LCOE of utility-scale solar in spain these days?", "LCOE is not held; only capacity in MW")
U("market", "my inverter app shows my own output but I'm curious at country level. how many GWh did solar actually generate in italy in 2024?", "generation in GWh is not held; only capacity")
U("market", "i'm modelling french demand for fun. what will france's total installed base be in 2030 under the most probable forecast?",
  "forecast Cumulative values in the real CSV exclude the installed base, so forecast cumulative figures cannot be given")
U("market", "roughly how many people work in solar in the US?", "jobs / employment are not in the data")
U("market",
  "I'm looking at putting panels on my roof in bavaria - what feed-in tariff does germany pay for small home systems now?",
  "tariffs / feed-in rates are not held")
U("market", "a friend's company sells solar kits in Lagos. how much solar did nigeria install in 2024?", "Nigeria is not a territory in the market data")
U("market", "how much PV did germany install back in 1985?", "market data starts in 1992")
U("market", "how much home battery storage went in across australia in 2024?", "storage is not in the data; PV only")
U("market", "what was the spanish solar market worth in euros in 2023?", "market value in EUR is not held; only MW")
U("market", "what's a typical panel efficiency these days, like 22%?", "module efficiency is not held")
U("market", "going to israel next month and apparently every roof has a solar water heater. how much solar thermal capacity does Israel have?", "solar thermal is not in the data; PV only")
U("market", "poland's cumulative capacity at end of 2028, most probable forecast?",
  "forecast Cumulative values in the real CSV exclude the installed base, so forecast cumulative figures cannot be given")
U("price", "need a new inverter soon for my rooftop. what are string inverter prices doing lately?", "inverters are not a price item in the data")
U("price", "whats a TOPCon module going for in japan right now?", "Japan is not a price region in the data")
U("price", "what % of a module's price is the polysilicon these days?",
  "a share of a price is not held; items have different units (US$/kg vs US$/Wp)")
U("manufacturer_financial", "what was First Solar's revenue in 2024?", "First Solar is not in the financials file")

# ================================================================= SAMPLE: market
df = S
add("sample", "market", "poland keeps popping up in my news feed. how much did poland install in 2022?", "lookup",
    [E(mv(df, "Poland", 2022), MW)], [], "sample market: Poland, 2022, HP, Total, Annual")

add("sample", "market", "the dutch seem to put panels on everything. netherlands installed base at end of 2024 — whats the number?", "lookup",
    [E(mv(df, "Netherlands", 2024, "Cumulative"), MW)], [], "sample market: Netherlands, 2024, HP, Total, Cumulative")

names, vals = rank(df, 2023, n=3)
add("sample", "market", "top 3 countries for new installs in 2023?", "rank",
    [E(v, MW) for v in vals], names, "sample market: countries only (World excluded), 2023, HP, Total, Annual, top 3")

add("sample", "market", "germany matters a lot for my stocks. germany's share of worldwide installations in 2024, %?", "share",
    [E(mv(df, "Germany", 2024) / mv(df, "World", 2024) * 100, "%")], [], "Germany / World 2024 Annual Total HP x100")

add("sample", "market",
    "in italy what percent of 2023 installs were distributed systems (homes, businesses)?", "share",
    [E(mv(df, "Italy", 2023, conn="Distributed") / mv(df, "Italy", 2023) * 100, "%")], [],
    "Italy 2023 Annual HP Distributed / Total x100")

a, b = mv(df, "France", 2015), mv(df, "France", 2024)
add("sample", "market", "CAGR of france's annual installs 2015 to 2024?", "change",
    [E(cagr(a, b, 9), "%")], [], "France Annual Total HP (2024/2015)^(1/9)-1")

d = series(df, "Spain", first_hist(df, "Spain"), last_hist(df, "Spain"))
y, v = argext(d, max)
add("sample", "market",
    "just actuals, no forecasts: which was spain's best year for new solar?", "extreme",
    [E(v, MW)], [str(y)], "Spain Annual Total HP max over historical years")

d = series(df, "Germany", 2020, 2024)
add("sample", "market", "avg annual instalations in germany 2020-2024? in GW is fine", "average",
    [E(sum(d.values()) / len(d), MW)], [], "Germany Annual Total HP mean 2020..2024")

d = series(df, "Poland", 2015, 2024)
add("sample", "market", "sum of everything poland installed from 2015 through 2024?", "sum",
    [E(sum(d.values()), MW)], [], "Poland Annual Total HP sum 2015..2024")

add("sample", "market", "low scenario forecast for the netherlands in 2030 - how many MW of new PV?", "lookup",
    [E(mv(df, "Netherlands", 2030, scen=LOW), MW)], [], "Netherlands 2030 Forecast - Low, Total, Annual")

add("sample", "market",
    "long term holder here. what's the world's cumulative PV expected to be by 2030 in the most probable forecast?",
    "lookup", [E(mv(df, "World", 2030, "Cumulative", scen=MP), MW)], [],
    "sample market: World 2030 Forecast - Most probable, Total, Cumulative (sample forecast cumulative includes the base)")

it, sp = mv(df, "Italy", 2024), mv(df, "Spain", 2024)
add("sample", "market", "italy or spain, who added more solar in 2024? give me both numbers", "compare",
    [E(it, MW), E(sp, MW)], ["Italy" if it > sp else "Spain"], "Italy and Spain 2024 Annual Total HP")

fy = first_hist(df, "France")
add("sample", "market", "what's the first year of data for france and how much did they install then?", "first_latest",
    [E(mv(df, "France", fy), MW)], [str(fy)], "France first HP year, Annual Total")

# ---- sample follow-ups
add("sample", "market", ["how much solar went in in germany in 2023?", "and in 2024?"], "follow_up",
    [E(mv(df, "Germany", 2024), MW)], [], "Germany 2024 Annual Total HP")

names, vals = rank(df, 2024, "Cumulative", conn="Distributed", n=3)
add("sample", "market",
    ["which 3 countries have the most cumulative solar at end of 2024?", "same thing but distributed only"],
    "follow_up", [E(v, MW) for v in vals], names, "countries only, 2024 Cumulative Distributed HP, top 3")

add("sample", "market",
    ["thinking about buying into a spanish developer. spain most probable forecast for 2026 installs?", "and the low one?", "ok and the high?"], "follow_up",
    [E(mv(df, "Spain", 2026, scen=HIGH), MW)], [], "Spain 2026 Forecast - High, Total, Annual")

# ================================================================= SAMPLE: prices
P = SP
s, u = ps(P, "Module", "n-type TOPCon", "India")
v, dt = latest(s)
add("sample", "price", "one of my holdings just opened a factory in india. latest TOPCon module price in india?", "price", [E(v, u)], [],
    f"sample prices: Module / n-type TOPCon / India, newest {dt.date()}")

s, u = ps(P, "Module", "n-type HJT", "US")
v, dt = in_month(s, "2024-06")
add("sample", "price", "what were HJT modules going for in the US in june 2024?", "price", [E(v, u)], [],
    "sample prices: Module / n-type HJT / US, 2024-06")

cands = {}
for r in ["China", "EU", "India", "US"]:
    s, u = ps(P, "Module", "p-type mono-Si PERC M10", r)
    cands[r] = latest(s)
assert len({d for _, d in cands.values()}) == 1
vals_ = {r: v for r, (v, _) in cands.items()}
r_min = min(vals_, key=vals_.get)
assert sorted(vals_.values())[0] < sorted(vals_.values())[1]
add("sample", "price", "which region has the cheapest PERC M10 modules at the moment?", "price",
    [E(vals_[r_min], u)], [r_min], "sample prices: Module / p-type mono-Si PERC M10, latest in each region, min")

s, u = ps(P, "Polysilicon", "High purity - 9N/9N+", "China")
mx = s.max()
assert (s == mx).sum() == 1
dmx = s.idxmax()
add("sample", "price", "highest 9N polysilicon price in china in your data, and which month?", "price",
    [E(mx, u)], [dmx.strftime("%B"), str(dmx.year)], "sample prices: Polysilicon / 9N / China, max over series")

s1, u1 = ps(P, "PV glass", "Glass 3,2mm", "EU")
s2, u2 = ps(P, "PV glass", "Glass 3,2mm", "China")
(v1, d1), (v2, d2) = latest(s1), latest(s2)
assert d1 == d2
add("sample", "price", "glass makers are a little side bet of mine. 3.2mm solar glass - EU vs China, latest price?", "price", [E(v1, u1), E(v2, u2)], [],
    f"sample prices: PV glass / Glass 3,2mm, EU and China, {d1.date()}")

s, u = ps(P, "Wafer", "n-type mono-Si M10", "China")
a, _ = in_month(s, "2023-01")
b, _ = in_month(s, "2024-12")
add("sample", "price", "n-type M10 wafers in china: % change from jan 2023 to dec 2024?", "price",
    [E(pct(a, b), "%")], [], "sample prices: Wafer / n-type mono-Si M10 / China, (2024-12 - 2023-01)/2023-01 x100")

s, u = ps(P, "Cell", "n-type TOPCon M10", "EU")
x = s[s.index.year == 2024]
add("sample", "price", "average TOPCon M10 cell price in the EU over 2024?", "price", [E(x.mean(), u)], [],
    "sample prices: Cell / n-type TOPCon M10 / EU, mean of 12 monthly values of 2024")

s, u = ps(P, "Cell", "n-type TOPCon M10", "China")
mn = s.min()
assert (s == mn).sum() == 1
dmn = s.idxmin()
add("sample", "price", "lowest TOPCon M10 cell price in china so far, and when was that?", "price",
    [E(mn, u)], [dmn.strftime("%B"), str(dmn.year)], "sample prices: Cell / n-type TOPCon M10 / China, min over series")

s, u = ps(P, "Module", "n-type HJT", "India")
v, dt = latest(s)
add("sample", "price", ["latest HJT module price in the US?", "what about india?"], "follow_up",
    [E(v, u)], [], f"sample prices: Module / n-type HJT / India, newest {dt.date()}")

# ================================================================= SAMPLE: financials
v, u = fv(HEL, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "helios production capacity at the end of 2024 (Q4)?", "financial",
    [E(v, u)], [], "financials: Helios, 2024-Q4, Production capacity")

a, u = fv(SUN, "FY2023", "Revenue")
b, _ = fv(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial",
    "sunforge's stock has tanked on me. how much did their revenue fall FY2023 to FY2024 in %?", "financial",
    [E(pct(a, b), "%")], [], "financials: SunForge Revenue (FY2024-FY2023)/FY2023 x100")

tot = sum(fv(c, "FY2024", "Module shipments")[0] for c in [HEL, SUN, AUR, NOR])
add("sample", "manufacturer_financial",
    "total module shipments of all four manufacturers put together for FY2024?", "financial",
    [E(tot, "GW")], [], "financials: sum of FY2024 Module shipments over the 4 companies")

q = [fv(HEL, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial",
    "trying to work out if helios margins are bottoming. average quarterly gross margin for helios across the four quarters of 2024?", "financial",
    [E(sum(q) / 4, "%")], [], "financials: Helios Gross margin mean of 2024-Q1..Q4")

sh = {c: fv(c, "FY2024", "Module shipments")[0] for c in [HEL, SUN, AUR, NOR]}
order = sorted(sh, key=sh.get, reverse=True)
add("sample", "manufacturer_financial", "rank the companies by FY2024 module shipments pls, biggest first", "financial",
    [E(sh[c], "GW") for c in order], [SHORT[c] for c in order], "financials: FY2024 Module shipments sorted desc")

v, u = fv(SUN, "FY2024", "Net income")
add("sample", "manufacturer_financial",
    ["what was helios' net income for FY2024?", "and sunforge?"], "follow_up",
    [E(v, u)], [], "financials: SunForge, FY2024, Net income")

# ================================================================= SAMPLE: unanswerable
U("market", "my brother in law in leeds says the UK had a record year. how much solar did the UK install in 2023?", "the UK is not in the sample market data", "sample")
U("market", "germany installs in 2010?", "sample market data starts in 2015", "sample")
U("market", "how much wind did spain add in 2024?", "wind is not in the data", "sample")
U("market", "how much solar did the usa install in 2024, roughly?", "the USA is not in the sample market data", "sample")
U("market", "what's poland's forecast for 2035?", "forecasts end in 2030", "sample")
U("market",
  "we have a 6 kW system near madrid. how many kWh a year does solar typically generate in spain?",
  "generation (kWh/GWh) is not held", "sample")
U("price", "silver prices lately? heard they're hurting cell makers", "silver is not in the sample prices", "sample")
U("price", "what do panels cost in australia these days?", "Australia is not a price region in the sample", "sample")
U("price", "thinking of adding a battery to our 6 kW system. home battery prices per kWh these days?", "storage / batteries are not a price item", "sample")
U("price", "how much of a module's cost is the wafer, like what %?", "a share of a price is not held", "sample")
U("manufacturer_financial", "LONGi is on my watchlist. what's LONGi's revenue for 2024?", "LONGi is not in the financials file", "sample")
U("manufacturer_financial", "what's Helios' EBITDA for FY2024?", "EBITDA is not a metric in the financials", "sample")
U("manufacturer_financial", "I'm in it for income tbh. does sunforge pay a dividend? what's the yield?", "dividends / share data are not held", "sample")

# ================================================================= write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
n_fu = sum(it["kind"] == "follow_up" and len(it["turns"]) >= 2 for it in items)
assert n_fu >= 12, n_fu
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"]

print("items:", len(items), " unanswerable:", n_un, " follow-up chains:", n_fu)
print("by data:", dict(Counter(it["data"] for it in items)))
print("by agent:", dict(Counter(it["agent"] for it in items)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in items).items())))
print("kind x data:")
print(pd.crosstab(pd.Series([it["kind"] for it in items], name="kind"),
                  pd.Series([it["data"] for it in items], name="data")).to_string())
print("wrote", out)
