"""Writer `ipp` (head of strategy, independent power producer).

Computes every expected figure from the data files and writes questions.jsonl.
No expected number is typed by hand: every `expect` value comes from pandas.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "ipp"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

HP = "Historical Primary"
MP = "Forecast - Most probable"
HI = "Forecast - High"
LO = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}

# ----------------------------------------------------------------- loading
RM = pd.read_csv(REAL_MARKET).drop_duplicates()
SM = pd.read_csv(SAMPLE_MARKET).drop_duplicates()
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FN = pd.read_csv(FIN)


# ----------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return scen
    return HP if year <= last_hist(df, terr) else MP


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    sc = scen_for(df, terr, year, scen)
    s = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == sc)]["Capacity(MW)"]
    assert len(s) == 1, (terr, year, typ, conn, sc, len(s))
    return float(s.iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, year, n, typ="Annual", conn="Total", scen=None, pool=None):
    pool = pool or countries(df)
    vals = {}
    for t in pool:
        sc = scen_for(df, t, year, scen)
        s = df[(df.Territory == t) & (df.Year == year) & (df.Type == typ)
               & (df.Connection == conn) & (df.Scenario == sc)]["Capacity(MW)"]
        if len(s) == 1:
            vals[t] = float(s.iloc[0])
        else:
            assert len(s) == 0, (t, year, len(s))
    order = sorted(vals.items(), key=lambda kv: -kv[1])
    assert order[n - 1][1] != order[n][1], "tie at rank cut-off"
    return order[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def peak(d, low=False):
    items = sorted(d.items(), key=lambda kv: kv[1], reverse=not low)
    assert items[0][1] != items[1][1], "tie in extreme"
    return items[0]


# ----------------------------------------------------------------- price helpers
def pser(df, item, desc, region, unit=None):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    return s.sort_values("date")


def p_latest(s):
    d = s.date.max()
    x = s[s.date == d]
    assert len(x) == 1, ("latest not unique", len(x))
    return float(x.base_price.iloc[0]), d


def p_on(s, date):
    x = s[s.date == pd.Timestamp(date)]
    assert len(x) == 1, ("date not unique", date, len(x))
    return float(x.base_price.iloc[0])


def p_month(s, y, m):
    x = s[(s.date.dt.year == y) & (s.date.dt.month == m)]
    assert len(x) == 1, ("month not unique", y, m, len(x))
    return float(x.base_price.iloc[0])


def p_span(s, start=None, end=None):
    x = s
    if start:
        x = x[x.date >= pd.Timestamp(start)]
    if end:
        x = x[x.date <= pd.Timestamp(end)]
    assert x.date.is_unique, "several observations on one date"
    return x


def p_extreme(s, low=False):
    v = s.base_price.min() if low else s.base_price.max()
    dates = s[s.base_price == v].date
    years = sorted(set(dates.dt.year))
    return float(v), dates, years


# ----------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    x = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ----------------------------------------------------------------- item builder
ITEMS = []


def E(v, unit):
    return {"value": float(v), "unit": unit}


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
        "expect": list(expect),
        "names": [str(n) for n in names],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def unans(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", [], [], how, answerable=False, why=why)


MW = "MW"
CSV = "market CSV (dedup)"

# =================================================================
# REAL instance — market
# =================================================================
D = "real"

v = mv(RM, "Spain", 2024)
add(D, "market", "Board paper on Iberia due tmrw. How much PV did Spain install in 2024?",
    "lookup", [E(v, MW)], [], f"{CSV}: Spain 2024 {HP} Total Annual")

v = mv(RM, "Germany", 2024, "Cumulative")
add(D, "market", "Updating the DE slide for the board. germany total installed base end of 2024, MW?",
    "lookup", [E(v, MW)], [], f"{CSV}: Germany 2024 {HP} Total Cumulative")

v = mv(RM, "Italy", 2024, conn="Centralised")
add(D, "market", "We bid on Italian utility-scale. What was Italy's centralised PV added in 2024?",
    "lookup", [E(v, MW)], [], f"{CSV}: Italy 2024 {HP} Centralised Annual")

v = mv(RM, "Poland", 2027)
add(D, "market", "Polish pipeline review - what's the most probable forecast for Poland's annual installs in 2027?",
    "lookup", [E(v, MW)], [], f"{CSV}: Poland 2027 {MP} Total Annual")

v = mv(RM, "Germany", 2030, scen=HI)
add(D, "market", "Stress-testing our German pipeline vs market upside. Germany annual market in 2030 in the high scenario?",
    "lookup", [E(v, MW)], [], f"{CSV}: Germany 2030 {HI} Total Annual")

top = rank(RM, 2024, 5)
add(D, "market", "Market screening for the IC: top 5 countries by new PV capacity in 2024, with MW pls",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    f"{CSV}: countries only (aggregates excluded), 2024 {HP} Total Annual, top 5")

top = rank(RM, 2023, 3, conn="Centralised")
add(D, "market", "We only do ground-mount. which 3 countries added the most utlity-scale (centralised) PV in 2023?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    f"{CSV}: countries only, 2023 {HP} Centralised Annual, top 3")

top = rank(RM, 2024, 3, conn="Distributed")
add(D, "market", "C&I rooftop spin-off idea on the table. Top three distributed-solar markets in 2024 by additions?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    f"{CSV}: countries only, 2024 {HP} Distributed Annual, top 3")

top = rank(RM, 2030, 3, scen=MP)
add(D, "market", "For the European growth strategy: in the most probable forecast, which 3 countries have the largest annual installs in 2030?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    f"{CSV}: countries only, 2030 {MP} Total Annual, top 3 (forecasts cover European countries only)")

a, w = mv(RM, "China", 2024), mv(RM, "World", 2024)
add(D, "market", "chinas share of global PV installations in 2024, in %?",
    "share", [E(a / w * 100, "%")], [], f"{CSV}: China / World, 2024 {HP} Total Annual")

a, t = mv(RM, "Spain", 2024, conn="Centralised"), mv(RM, "Spain", 2024)
add(D, "market", "What % of Spain's 2024 additions was centralised / utility scale?",
    "share", [E(a / t * 100, "%")], [], f"{CSV}: Spain 2024 Annual Centralised / Total")

a, w = mv(RM, "India", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(D, "market", "India's share of the world's cumulative PV fleet at end-2024?",
    "share", [E(a / w * 100, "%")], [], f"{CSV}: India / World, 2024 {HP} Total Cumulative")

a, t = mv(RM, "Germany", 2023, conn="Distributed"), mv(RM, "Germany", 2023)
add(D, "market", "how big was the distributed segment as a share of Germany's total market in 2023?",
    "share", [E(a / t * 100, "%")], [], f"{CSV}: Germany 2023 Annual Distributed / Total")

a, b = mv(RM, "USA", 2023), mv(RM, "USA", 2024)
add(D, "market", "IRA effect check for the US team: US annual installs 2024 vs 2023, yoy growth in %?",
    "change", [E(pct(a, b), "%")], [], f"{CSV}: USA Annual Total, (2024-2023)/2023")

a, b = mv(RM, "Brazil", 2019), mv(RM, "Brazil", 2024)
add(D, "market", "Considering a LatAm entry. Brazilian market CAGR 2019-2024 (annual additions)?",
    "change", [E(cagr(a, b, 5), "%")], [], f"{CSV}: Brazil Annual Total, (2024/2019)^(1/5)-1")

a, b = mv(RM, "Italy", 2023), mv(RM, "Italy", 2024)
add(D, "market", "By how many MW did Italy's annual installs go up from 2023 to 2024?",
    "change", [E(b - a, MW)], [], f"{CSV}: Italy Annual Total 2024 - 2023")

a, b = mv(RM, "Spain", 2025), mv(RM, "Spain", 2030)
add(D, "market", "Spain most probable case: CAGR of annual installations 2025→2030?",
    "change", [E(cagr(a, b, 5), "%")], [], f"{CSV}: Spain {MP} Annual Total, (2030/2025)^(1/5)-1")

vals = [(c, mv(RM, c, 2024)) for c in ["Spain", "Italy", "Germany"]]
add(D, "market", "Compare Spain, Italy and Germany on 2024 additions - which was biggest?",
    "compare", [E(x, MW) for _, x in vals], [max(vals, key=lambda kv: kv[1])[0]],
    f"{CSV}: 2024 {HP} Total Annual for each")

a, b = mv(RM, "France", 2024, "Cumulative"), mv(RM, "Netherlands", 2024, "Cumulative")
add(D, "market", "French vs Dutch installed base end-2024, which is larger and by how much?",
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["France" if a > b else "Netherlands"],
    f"{CSV}: 2024 {HP} Total Cumulative, France and Netherlands, difference")

a, b = mv(RM, "USA", 2024, conn="Centralised"), mv(RM, "India", 2024, conn="Centralised")
add(D, "market", "utility-scale 2024: US vs India centralised additions, how many MW apart?",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], [],
    f"{CSV}: 2024 {HP} Centralised Annual, USA - India")

d = series(RM, "Spain", 2001, last_hist(RM, "Spain"))
y, x = peak(d)
add(D, "market", "Spain's record year for annual PV installs so far (historical data only)?",
    "extreme", [E(x, MW)], [y], f"{CSV}: Spain {HP} Annual Total, max over 2001-2024")

d = series(RM, "Australia", 2015, 2024)
y, x = peak(d, low=True)
add(D, "market", "Australian market since 2015 - which year was weakest for new installs?",
    "extreme", [E(x, MW)], [y], f"{CSV}: Australia {HP} Annual Total, min over 2015-2024")

jp = RM[(RM.Territory == "Japan") & (RM.Type == "Annual") & (RM.Connection == "Total") & (RM.Scenario == HP)]
d = dict(zip(jp.Year, jp["Capacity(MW)"]))
y, x = peak(d)
add(D, "market", "Reviewing whether to exit Japan. When was Japan's peak year for annual PV additions?",
    "extreme", [E(x, MW)], [y], f"{CSV}: Japan {HP} Annual Total, max over all years (no forecast for Japan)")

d = series(RM, "Poland", 2020, 2024)
add(D, "market", "Avg annual installs in Poland over 2020-2024?",
    "average", [E(sum(d.values()) / len(d), MW)], [], f"{CSV}: Poland Annual Total mean 2020..2024")

d = series(RM, "World", 2020, 2024)
add(D, "market", "Whats the average global annual market 2020-2024, in GW?",
    "average", [E(sum(d.values()) / len(d), MW)], [], f"{CSV}: World {HP} Annual Total mean 2020..2024")

d = series(RM, "Netherlands", 2020, 2024)
add(D, "market", "Thinking of selling the Dutch portfolio. Sum of Dutch PV additions 2020 through 2024?",
    "sum", [E(sum(d.values()), MW)], [], f"{CSV}: Netherlands Annual Total sum 2020..2024")

d = series(RM, "Germany", 2025, 2030, scen=MP)
add(D, "market", "Germany - total new capacity 2025-2030 in the most probable forecast (sum of annual adds)?",
    "sum", [E(sum(d.values()), MW)], [], f"{CSV}: Germany {MP} Annual Total sum 2025..2030")

cl = RM[(RM.Territory == "Chile") & (RM.Type == "Annual") & (RM.Connection == "Total") & (RM.Scenario == HP)]
y0 = int(cl.Year.min())
add(D, "market", "Chile: what's the first year with annual installation data, and how much went in that year?",
    "first_latest", [E(mv(RM, "Chile", y0), MW)], [y0], f"{CSV}: Chile {HP} Annual Total, earliest year")

cn = RM[(RM.Territory == "China") & (RM.Type == "Annual") & (RM.Connection == "Total") & (RM.Scenario == HP)].sort_values("Year")
row = cn[cn["Capacity(MW)"] > 100000].iloc[0]
add(D, "market", "First year China added more than 100 GW in a single year?",
    "first_latest", [E(row["Capacity(MW)"], MW)], [int(row.Year)], f"{CSV}: China {HP} Annual Total, first year > 100,000 MW")

y = last_hist(RM, "Türkiye")
add(D, "market", "Latest actuals for Turkey - which year and how much was installed?",
    "first_latest", [E(mv(RM, "Türkiye", y), MW)], [y], f"{CSV}: Türkiye last {HP} year, Annual Total")

# ---- real market follow-ups
add(D, "market", ["Quick one for the Iberia paper: Greece's PV additions in 2024?", "and Portugal?"],
    "follow_up", [E(mv(RM, "Portugal", 2024), MW)], [], f"{CSV}: Portugal 2024 {HP} Total Annual")

add(D, "market", ["Germany 2030 annual market, most probable?", "same for the low scenario"],
    "follow_up", [E(mv(RM, "Germany", 2030, scen=LO), MW)], [], f"{CSV}: Germany 2030 {LO} Total Annual")

top = rank(RM, 2022, 3)
add(D, "market", ["top 3 countries by installations in 2024?", "what about 2022?"],
    "follow_up", [E(x, MW) for _, x in top], [t for t, _ in top], f"{CSV}: countries only, 2022 {HP} Total Annual, top 3")

c, t = mv(RM, "Italy", 2024, conn="Centralised"), mv(RM, "Italy", 2024)
add(D, "market", ["Italy distributed PV added in 2024?", "and centralised?", "so utility-scale was what share of Italy's total that year?"],
    "follow_up", [E(c / t * 100, "%")], [], f"{CSV}: Italy 2024 Annual Centralised / Total")

a, b = mv(RM, "France", 2023, "Cumulative"), mv(RM, "France", 2024, "Cumulative")
add(D, "market", ["France cumulative installed PV at end of 2024?", "yoy growth of that fleet vs end-2023, %?"],
    "follow_up", [E(pct(a, b), "%")], [], f"{CSV}: France Cumulative Total (2024-2023)/2023")

d = series(RM, "Brazil", 2018, 2024)
add(D, "market", ["Brazil annual installs 2018 to 2024?", "as a chart pls"],
    "follow_up", [E(d[2018], MW), E(d[2024], MW)], [], f"{CSV}: Brazil {HP} Annual Total 2018..2024 (chart; first and last points)")

a, b = mv(RM, "UK", 2019), mv(RM, "UK", 2024)
add(D, "market", ["UK new PV in 2024?", "cagr since 2019?"],
    "follow_up", [E(cagr(a, b, 5), "%")], [], f"{CSV}: UK Annual Total (2024/2019)^(1/5)-1")

# =================================================================
# REAL instance — prices
# =================================================================
PQ = "component-prices.parquet"

s = pser(RP, "Module", "n-type TOPCon", "EU")
v, d = p_latest(s)
add(D, "price", "Capex update for the EU pipeline: latest n-type TOPCon module price in the EU?",
    "price", [E(v, "US$/Wp")], [], f"{PQ}: Module n-type TOPCon EU, newest date {d.date()}")

s = pser(RP, "Copper", "Copper", "Overseas")
v = p_month(s, 2024, 3)
add(D, "price", "Cable costs are killing our BOS budget. copper price in March 2024?",
    "price", [E(v, "US$/t")], [], f"{PQ}: Copper Overseas monthly, 2024-03")

s = pser(RP, "Aluminium", "Aluminium", "Overseas")
v, dates, years = p_extreme(s, low=True)
add(D, "price", "Frames cost - lowest aluminium price in the whole series and when?",
    "price", [E(v, "US$/t")], years if len(years) == 1 else [], f"{PQ}: Aluminium Overseas monthly, min over series ({[str(x.date()) for x in dates]})")

s = pser(RP, "EVA", "EVA", "Overseas")
a, b = p_month(s, 2020, 1), p_month(s, 2025, 1)
add(D, "price", "How much has EVA moved from Jan 2020 to Jan 2025, in %?",
    "price", [E(pct(a, b), "%")], [], f"{PQ}: EVA Overseas monthly (2025-01 - 2020-01)/2020-01")

su = pser(RP, "Module", "p-type mono-Si PERC M10", "US")
se = pser(RP, "Module", "p-type mono-Si PERC M10", "EU")
vu, du = p_latest(su)
ve, de_ = p_latest(se)
assert du == de_
add(D, "price", "PERC M10 modules: US vs EU latest price, how many times more expensive is the US?",
    "price", [E(vu, "US$/Wp"), E(ve, "US$/Wp"), E(vu / ve, "x")], [],
    f"{PQ}: Module p-type mono-Si PERC M10, US and EU at newest date {du.date()}, ratio")

s = p_span(pser(RP, "Module", "CdTe", "Overseas"), "2022-01-01")
v, dates, years = p_extreme(s)
add(D, "price", "First Solar-type thin film: highest CdTe module price since Jan 2022?",
    "price", [E(v, "US$/Wp")], [], f"{PQ}: Module CdTe Overseas, max from 2022-01-01 ({[str(x.date()) for x in dates]})")

s = p_span(pser(RP, "Polysilicon", "High purity - 9N/9N+", "Overseas"), "2024-01-01", "2024-12-31")
v, dates, years = p_extreme(s, low=True)
add(D, "price", "Lowest high-purity (9N) polysilicon price outside China during 2024?",
    "price", [E(v, "US$/kg")], [], f"{PQ}: Polysilicon High purity - 9N/9N+ Overseas, min over 2024 ({[str(x.date()) for x in dates]})")

s = pser(RP, "Cell", "n-type TOPCon M10", "Overseas")
v, d = p_latest(s)
add(D, "price", "latest overseas TOPCon M10 cell price?",
    "price", [E(v, "US$/Wp")], [], f"{PQ}: Cell n-type TOPCon M10 Overseas, newest date {d.date()}")

s = pser(RP, "Wafer", "n-type mono-Si M10", "Overseas")
v, d = p_latest(s)
add(D, "price", "And n-type M10 wafers overseas, most recent price per piece?",
    "price", [E(v, "US$/pce")], [], f"{PQ}: Wafer n-type mono-Si M10 Overseas, newest date {d.date()}")

s = p_span(pser(RP, "Module", "n-type TOPCon", "EU"), "2024-01-01", "2024-12-31")
add(D, "price", "For the capex model: average EU TOPCon module price across 2024?",
    "average", [E(s.base_price.mean(), "US$/Wp")], [], f"{PQ}: Module n-type TOPCon EU, mean of 2024 weekly observations (n={len(s)})")

s = pser(RP, "Module", "n-type TOPCon", "US")
first = s.iloc[0]
v, d = p_latest(s)
add(D, "price", "US TOPCon module price: % change from the first observation to the latest?",
    "change", [E(pct(float(first.base_price), v), "%")], [],
    f"{PQ}: Module n-type TOPCon US, {first.date.date()} -> {d.date()}")

s = pser(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
v = p_month(s, 2025, 1)
add(D, "price", "Silver paste cost worry - silver price in January 2025?",
    "price", [E(v, "K US$/t")], [], f"{PQ}: Silver Overseas K US$/t, 2025-01")

# follow-ups
s = pser(RP, "Aluminium", "Aluminium", "Overseas")
v, d = p_latest(s)
add(D, "price", ["latest copper price?", "and aluminium?"],
    "follow_up", [E(v, "US$/t")], [], f"{PQ}: Aluminium Overseas, newest date {d.date()}")

su = pser(RP, "Module", "n-type TOPCon", "US")
se = pser(RP, "Module", "n-type TOPCon", "EU")
vu, du = p_latest(su)
ve, de_ = p_latest(se)
assert du == de_
add(D, "price", ["We're pricing a US bid. Latest TOPCon module price in the US?", "vs the EU - how much higher in %?"],
    "follow_up", [E(pct(ve, vu), "%")], [], f"{PQ}: Module n-type TOPCon US vs EU at {du.date()}, (US-EU)/EU")

# =================================================================
# REAL instance — financials (synthetic sample financials)
# =================================================================
FC = "financials.csv"

v, u = fv(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", "Supplier due diligence: Helios Modules FY2024 revenue?",
    "financial", [E(v, u)], [], f"{FC}: {HEL} FY2024 Revenue")

x = FN[(FN.period == "FY2024") & (FN.metric == "Module shipments")].sort_values("value", ascending=False)
assert x.value.is_unique
add(D, "manufacturer_financial", "rank our module suppliers by FY2024 shipments",
    "financial", [E(r.value, r.unit) for r in x.itertuples()], [SHORT[c] for c in x.company],
    f"{FC}: FY2024 Module shipments, all companies, descending")

q = FN[(FN.company == SUN) & (FN.metric == "Net income") & FN.period.str.contains("-Q")].sort_values("period")
r = q[q.value < 0].iloc[0]
add(D, "manufacturer_financial", "When did SunForge first post a quarterly net loss, and how big?",
    "financial", [E(r.value, r.unit)], r.period.split("-")[::-1], f"{FC}: {SUN} Net income, first quarter < 0")

a, _ = fv(AUR, "FY2023", "Revenue")
b, _ = fv(AUR, "FY2024", "Revenue")
add(D, "manufacturer_financial", "Aurora PV revenue yoy FY24 vs FY23?",
    "financial", [E(pct(a, b), "%")], [], f"{FC}: {AUR} Revenue (FY2024-FY2023)/FY2023")

v, u = fv(HEL, "2024-Q4", "Net income")
add(D, "manufacturer_financial", ["Helios net income in 2024-Q3?", "and Q4?"],
    "follow_up", [E(v, u)], [], f"{FC}: {HEL} 2024-Q4 Net income")

# =================================================================
# REAL instance — unanswerable
# =================================================================
unans(D, "market", "Spain board paper: how much wind did Spain add in 2024?",
      "The market data covers solar PV only, no wind capacity.")
unans(D, "market", "What's the LCOE for utility-scale PV in Chile?",
      "LCOE is not held; the data holds installed capacity in MW only.")
unans(D, "market", "Germany's total installed base at end of 2030 in the most probable case?",
      "Forecast cumulative values in the real CSV do not include the installed base, so the end-2030 fleet cannot be given.")
unans(D, "market", "For the board - most probable Indian annual installs in 2027?",
      "The real market file has forecasts only for European territories; there is no forecast for India.")
unans(D, "market", "West Africa screening. How much PV did Nigeria install in 2024?",
      "Nigeria is not among the territories in the data.")
unans(D, "market", "Italy annual market in 2035, most probable?",
      "Forecasts end in 2030; 2035 is outside the data.")
unans(D, "market", "how many GWh did the Spanish PV fleet generate in 2024?",
      "Electricity generation (GWh) is not held, only capacity in MW.")
unans(D, "price", "Latest module price in Brazil?",
      "No module price series for Brazil; regions are China, EU, US, India, Australia and Overseas.")
unans(D, "price", "String inverter prices per Wp, latest?",
      "Inverters are not among the price items (module, cell, wafer, polysilicon, glass, raw materials).")
unans(D, "price", "What share of a TOPCon module's price is polysilicon?",
      "A share of a price (cost breakdown) is not held; prices are separate series in different units.")
unans(D, "market", "How many people work in US solar? need it for an ESG section",
      "Employment/jobs data is not held.")
unans(D, "market", "What was the average awarded tariff in Germany's 2024 ground-mounted PV auctions?",
      "Tariffs and auction prices are not held.")
unans(D, "market", "Market value of the Italian PV market in 2024 in EUR?",
      "Market value in currency is not held; only capacity in MW.")
unans(D, "manufacturer_financial", "LONGi's revenue for FY2024?",
      "LONGi is not among the companies in the financials (only four sample manufacturers).")
unans(D, "market", "How much CSP / solar thermal does Morocco have installed?",
      "Only PV capacity is held; concentrated solar power / solar thermal is not.")
unans(D, "market", ["Spain installed how much PV in 2024?", "and how much battery storage was co-located with it?"],
      "Storage capacity is not held; the data covers PV only.")
unans(D, "price", "What's the average efficiency of TOPCon modules now vs PERC?",
      "Module efficiency is not held; only prices.")
unans(D, "market", "France installed base at end of 2027 in the high scenario?",
      "Forecast cumulative values in the real CSV exclude the installed base, so a forecast fleet size cannot be given.")
unans(D, "price", "polysilicon price back in 2017, 9N overseas?",
      "Price series start in 2019; 2017 is outside the data.")

# =================================================================
# SAMPLE instance — market
# =================================================================
D = "sample"
SMC = "sample market.csv"

v = mv(SM, "Netherlands", 2022)
add(D, "market", "Prepping the Benelux review. Dutch PV markt size in 2022 (new installs)?",
    "lookup", [E(v, MW)], [], f"{SMC}: Netherlands 2022 {HP} Total Annual")

v = mv(SM, "World", 2030, "Cumulative", scen=MP)
add(D, "market", "Long-range view for the strategy offsite. Global cumulative PV capacity by end 2030, most probable scenario?",
    "lookup", [E(v, MW)], [], f"{SMC}: World 2030 {MP} Total Cumulative")

top = rank(SM, 2024, 3)
add(D, "market", "Which three countries installed the most PV in 2024?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top], f"{SMC}: countries (World excluded) 2024 {HP} Total Annual, top 3")

a, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(D, "market", "Germany's share of global installations 2024?",
    "share", [E(a / w * 100, "%")], [], f"{SMC}: Germany / World 2024 Annual Total")

a, t = mv(SM, "Poland", 2024, conn="Distributed"), mv(SM, "Poland", 2024)
add(D, "market", "Poland is mostly rooftop right? distributed share of Polish installs in 2024?",
    "share", [E(a / t * 100, "%")], [], f"{SMC}: Poland 2024 Annual Distributed / Total")

a, t = mv(SM, "Spain", 2024, "Cumulative", "Centralised"), mv(SM, "Spain", 2024, "Cumulative")
add(D, "market", "Spain feels crowded in utility-scale. What share of Spain's cumulative capacity at end-2024 is centralised?",
    "share", [E(a / t * 100, "%")], [], f"{SMC}: Spain 2024 Cumulative Centralised / Total")

a, b = mv(SM, "World", 2024), mv(SM, "World", 2030, scen=MP)
add(D, "market", "World annual market CAGR 2024-2030, most probable scenario?",
    "change", [E(cagr(a, b, 6), "%")], [], f"{SMC}: World Annual Total, 2024 {HP} -> 2030 {MP}, 6 years")

a, b = mv(SM, "Netherlands", 2023), mv(SM, "Netherlands", 2024)
add(D, "market", "NL installs 2024 vs 2023 yoy %? hearing the market shrank",
    "change", [E(pct(a, b), "%")], [], f"{SMC}: Netherlands Annual Total (2024-2023)/2023")

a, b = mv(SM, "France", 2023), mv(SM, "Italy", 2023)
add(D, "market", "France vs Italy, 2023 additions - who was bigger?",
    "compare", [E(a, MW), E(b, MW)], ["France" if a > b else "Italy"], f"{SMC}: 2023 {HP} Annual Total, France and Italy")

d = series(SM, "Poland", 2015, 2024)
y, x = peak(d)
add(D, "market", "Poland's peak year for new PV (historicals only)?",
    "extreme", [E(x, MW)], [y], f"{SMC}: Poland {HP} Annual Total max 2015-2024")

d = series(SM, "France", 2025, 2030, scen=LO)
y, x = peak(d, low=True)
add(D, "market", "In the low case, which year between 2025 and 2030 is France's weakest annual market?",
    "extreme", [E(x, MW)], [y], f"{SMC}: France {LO} Annual Total min 2025-2030")

d = series(SM, "Germany", 2015, 2024)
add(D, "market", "Germany average annual instals 2015-2024?",
    "average", [E(sum(d.values()) / len(d), MW)], [], f"{SMC}: Germany {HP} Annual Total mean 2015..2024")

d = series(SM, "Spain", 2025, 2030, scen=LO)
add(D, "market", "Downside case for Spain: total additions 2025-2030 in the low scenario?",
    "sum", [E(sum(d.values()), MW)], [], f"{SMC}: Spain {LO} Annual Total sum 2025..2030")

d = series(SM, "Germany", 2015, 2024)
y = min(k for k, x in d.items() if x > 10000)
add(D, "market", "first year Germany installed more than 10 GW?",
    "first_latest", [E(d[y], MW)], [y], f"{SMC}: Germany {HP} Annual Total, first year > 10,000 MW")

top = rank(SM, 2024, 3, conn="Distributed")
add(D, "market", "Rooftop angle for the IC memo: top 3 countries by distributed PV added in 2024?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top], f"{SMC}: countries 2024 {HP} Distributed Annual, top 3")

vals = [(c, mv(SM, c, 2024, "Cumulative")) for c in ["Germany", "France", "Poland"]]
add(D, "market", "installed base end 2024: Germany vs France vs Poland?",
    "compare", [E(x, MW) for _, x in vals], [], f"{SMC}: 2024 {HP} Total Cumulative for each")

# sample market follow-ups
add(D, "market", ["netherlands new installations 2024?", "and in 2023?"],
    "follow_up", [E(mv(SM, "Netherlands", 2023), MW)], [], f"{SMC}: Netherlands 2023 {HP} Total Annual")

add(D, "market", ["World cumulative capacity end-2030, most probable?", "same for the low scenario"],
    "follow_up", [E(mv(SM, "World", 2030, "Cumulative", scen=LO), MW)], [], f"{SMC}: World 2030 {LO} Total Cumulative")

top = rank(SM, 2030, 3, scen=HI)
add(D, "market", ["top 3 countries by new PV in 2024?", "same for 2030 in the high scenario"],
    "follow_up", [E(x, MW) for _, x in top], [t for t, _ in top], f"{SMC}: countries 2030 {HI} Total Annual, top 3")

a, t = mv(SM, "Poland", 2024, "Cumulative", "Distributed"), mv(SM, "Poland", 2024, "Cumulative")
add(D, "market", ["Poland cumulative PV end of 2024?", "what % of that is distributed?"],
    "follow_up", [E(a / t * 100, "%")], [], f"{SMC}: Poland 2024 Cumulative Distributed / Total")

# =================================================================
# SAMPLE instance — prices
# =================================================================
SPC = "sample prices.csv"

s = pser(SP, "Module", "n-type TOPCon", "India")
v, d = p_latest(s)
add(D, "price", "Looking at an India JV. Indian TOPCon module price, latest?",
    "price", [E(v, "US$/Wp")], [], f"{SPC}: Module n-type TOPCon India, newest date {d.date()}")

s = pser(SP, "Module", "p-type mono-Si PERC M10", "China")
v = p_month(s, 2024, 3)
add(D, "price", "Chinese PERC M10 module price in March 2024?",
    "price", [E(v, "US$/Wp")], [], f"{SPC}: Module p-type mono-Si PERC M10 China, 2024-03")

se = pser(SP, "Polysilicon", "High purity - 9N/9N+", "EU")
sc = pser(SP, "Polysilicon", "High purity - 9N/9N+", "China")
ve, de_ = p_latest(se)
vc, dc = p_latest(sc)
assert de_ == dc
add(D, "price", "Non-Chinese supply chain premium: EU vs China 9N polysilicon, latest, ratio?",
    "price", [E(ve, "US$/kg"), E(vc, "US$/kg"), E(ve / vc, "x")], [], f"{SPC}: Polysilicon 9N EU / China at {dc.date()}")

s = pser(SP, "PV glass", "Glass 3,2mm", "EU")
v, dates, years = p_extreme(s, low=True)
add(D, "price", "Glass-glass bifacial capex check. lowest 3.2mm PV glass price in the EU over the whole series?",
    "price", [E(v, "US$/m²")], [], f"{SPC}: PV glass 3,2mm EU min over series ({[str(x.date()) for x in dates]})")

s = pser(SP, "Cell", "n-type TOPCon M10", "China")
a, b = p_month(s, 2023, 1), p_month(s, 2024, 12)
add(D, "price", "TOPCon M10 cells in China: % change Jan 2023 to Dec 2024?",
    "change", [E(pct(a, b), "%")], [], f"{SPC}: Cell n-type TOPCon M10 China (2024-12 - 2023-01)/2023-01")

s = pser(SP, "Module", "n-type HJT", "US")
v, dates, years = p_extreme(s)
add(D, "price", "Highest US HJT module price in the data, and when?",
    "price", [E(v, "US$/Wp")], years if len(years) == 1 else [], f"{SPC}: Module n-type HJT US max ({[str(x.date()) for x in dates]})")

s = p_span(pser(SP, "Wafer", "n-type mono-Si M10", "China"), "2024-01-01", "2024-12-31")
add(D, "price", "avg price of n-type M10 wafers in China during 2024?",
    "average", [E(s.base_price.mean(), "US$/pce")], [], f"{SPC}: Wafer n-type mono-Si M10 China mean of 2024 monthly")

hj = SP[(SP.item == "Module") & (SP.description == "n-type HJT")]
dl = hj.date.max()
x = hj[hj.date == dl].sort_values("base_price")
assert x.base_price.iloc[0] != x.base_price.iloc[1]
add(D, "price", ["Which region has the cheapest TOPCon modules at the latest date?", "and for HJT?"],
    "follow_up", [E(x.base_price.iloc[0], "US$/Wp")], [x.region.iloc[0]], f"{SPC}: Module n-type HJT, min across regions at {dl.date()}")

# =================================================================
# SAMPLE instance — financials
# =================================================================
v, u = fv(SUN, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", "Checking supplier health before we sign the frame agreement - SunForge gross margin in 2024-Q4?",
    "financial", [E(v, u)], [], f"{FC}: {SUN} 2024-Q4 Gross margin")

a, _ = fv(NOR, "FY2023", "Net income")
b, u = fv(NOR, "FY2024", "Net income")
add(D, "manufacturer_financial", "Nordlicht Solar is one of our EU-made suppliers. Its net income FY2024 vs FY2023, change in USD m?",
    "financial", [E(a, u), E(b, u), E(b - a, u)], [], f"{FC}: {NOR} Net income FY2024 - FY2023")

x = FN[(FN.period == "2024-Q4") & (FN.metric == "Gross margin")].sort_values("value")
assert x.value.iloc[0] != x.value.iloc[1]
add(D, "manufacturer_financial", "Counterparty risk review. Which of the manufacturers had the lowest gross margin in Q4 2024?",
    "financial", [E(x.value.iloc[0], "%")], [SHORT[x.company.iloc[0]]], f"{FC}: 2024-Q4 Gross margin min across companies")

q = FN[(FN.company == SUN) & (FN.metric == "Net income") & FN.period.str.startswith("2024-Q")]
assert len(q) == 4
add(D, "manufacturer_financial", "sum of SunForge's four 2024 quarterly net income figures?",
    "sum", [E(q.value.sum(), "USD million")], [], f"{FC}: {SUN} Net income sum 2024-Q1..Q4")

q = FN[(FN.company == AUR) & (FN.metric == "Gross margin") & FN.period.str.startswith("2024-Q")]
assert len(q) == 4
add(D, "manufacturer_financial", "Aurora PV: average of its quarterly gross margins in 2024?",
    "average", [E(q.value.mean(), "%")], [], f"{FC}: {AUR} Gross margin mean of 2024-Q1..Q4")

c, cu = fv(HEL, "2024-Q4", "Production capacity")
s_, su_ = fv(HEL, "FY2024", "Module shipments")
add(D, "manufacturer_financial", "Helios: production capacity at 2024-Q4 and FY2024 module shipments?",
    "financial", [E(c, cu), E(s_, su_)], [], f"{FC}: {HEL} 2024-Q4 Production capacity; FY2024 Module shipments")

a, _ = fv(HEL, "FY2023", "Revenue")
b, _ = fv(HEL, "FY2024", "Revenue")
add(D, "manufacturer_financial", ["Helios revenue FY2023?", "and FY2024?", "% change?"],
    "follow_up", [E(pct(a, b), "%")], [], f"{FC}: {HEL} Revenue (FY2024-FY2023)/FY2023")

# =================================================================
# SAMPLE instance — unanswerable
# =================================================================
unans(D, "price", "Australian tender next month. Latest TOPCon module price in Australia?",
      "The sample prices hold China, EU, India and US regions only; no Australia.")
unans(D, "price", "copper price latest? frames & cabling capex",
      "Copper is not among the sample price items.")
unans(D, "market", "UK CfD round coming up. How much PV did the UK install in 2024?",
      "The UK is not in the sample market data (France, Germany, Italy, Netherlands, Poland, Spain, World).")
unans(D, "market", "Germany's most probable annual installs in 2032?",
      "Forecasts end in 2030.")
unans(D, "manufacturer_financial", "Credit committee wants more on suppliers. Helios Modules EBITDA FY2024?",
      "EBITDA is not among the metrics (revenue, gross margin, net income, shipments, production capacity).")
unans(D, "manufacturer_financial", "Nordlicht is loss making - what's their net debt / leverage?",
      "Debt and leverage are not held in the financials.")
unans(D, "market", "Poland distributed split: residential vs C&I rooftop in 2024?",
      "Segments are only centralised, distributed and off-grid; no residential / C&I split.")
unans(D, "market", "Agri-PV bid in Puglia. How much agrivoltaic capacity does Italy have?",
      "Agrivoltaics is not a segment in the data.")
unans(D, "market", "Average solar PPA price in Spain 2024?",
      "PPA prices are not held; market data is capacity only and price data is components only.")
unans(D, "market", ["Germany new PV in 2024?", "and how many MWh of batteries went in alongside?"],
      "Battery storage is not held.")
unans(D, "price", "Silver price trend over 2024?",
      "Silver is not among the sample price items.")

# =================================================================
# self-check
# =================================================================
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
        assert not it["expect"] and it.get("why"), it["id"]

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

print("items:", len(ITEMS), "unanswerable:", n_un, "multi-turn chains:", n_chain)
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {n}")
