"""Writer `equity`: sell-side equity research analyst persona.

Reads the data files, computes every expected figure, writes questions.jsonl, runs a self-check.
No expected number is typed by hand: each comes from a helper applied to the data frames.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "equity"

# --------------------------------------------------------------------------- data
KEYS = ["Territory", "Year", "Scenario", "Connection", "Type"]
real_mkt = pd.read_csv("/work/shared/datasets/market-database-fy.csv")
real_mkt = real_mkt.drop_duplicates()            # 624 exact duplicates
real_mkt = real_mkt.drop_duplicates(KEYS)         # RoW rows repeated with AC/DC blank, same value
samp_mkt = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()

real_px = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
samp_px = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
fin = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": real_mkt, "sample": samp_mkt}
PX = {"real": real_px, "sample": samp_px}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"hist": "Historical Primary", "mp": "Forecast - Most probable",
        "high": "Forecast - High", "low": "Forecast - Low"}


# --------------------------------------------------------------------------- market helpers
def last_hist(data, terr):
    df = MKT[data]
    x = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])]
    return int(x.Year.max())


def scen_for(data, terr, year, scen=None):
    if scen:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist(data, terr) else SCEN["mp"]


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MKT[data]
    s = scen_for(data, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (data, terr, year, typ, conn, s, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    df = MKT[data]
    x = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"]) & (df.Connection == conn)
           & (df.Type == typ)]
    if y0 is not None:
        x = x[x.Year >= y0]
    if y1 is not None:
        x = x[x.Year <= y1]
    return dict(zip(x.Year.astype(int), x["Capacity(MW)"].astype(float)))


def rank(data, year, n, typ="Annual", conn="Total", scen=None, among=None):
    df = MKT[data]
    rows = []
    for terr in sorted(df.Territory.unique()):
        if terr in AGGREGATES:
            continue
        if among is not None and terr not in among:
            continue
        try:
            rows.append((terr, mv(data, terr, year, typ, conn, scen)))
        except AssertionError:
            continue
    rows.sort(key=lambda r: -r[1])
    assert rows[n - 1][1] > rows[n][1] if len(rows) > n else True, "tie at cutoff"
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def peak(d, fn=max):
    y = fn(d, key=lambda k: d[k])
    vals = list(d.values())
    assert vals.count(d[y]) == 1
    return y, d[y]


# --------------------------------------------------------------------------- price helpers
def ps(data, item, desc, region, unit=None):
    df = PX[data]
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    return x.sort_values("date")


def unit_of(s):
    return s.unit.iloc[0]


def at_date(s, date):
    x = s[s.date == pd.Timestamp(date)]
    assert len(x) >= 1 and x.base_price.nunique() == 1, (date, x.base_price.tolist())
    return float(x.base_price.iloc[0])


def latest(s):
    d = s.date.max()
    return d, at_date(s, d)


def first(s):
    d = s.date.min()
    return d, at_date(s, d)


def in_month(s, y, m):
    x = s[(s.date.dt.year == y) & (s.date.dt.month == m)]
    assert len(x) == 1, (y, m, len(x))
    return float(x.base_price.iloc[0])


def window(s, d0=None, d1=None):
    x = s
    if d0:
        x = x[x.date >= pd.Timestamp(d0)]
    if d1:
        x = x[x.date <= pd.Timestamp(d1)]
    return x


def px_max(s):
    v = s.base_price.max()
    ds = s[s.base_price == v].date.unique()
    return float(v), [pd.Timestamp(d) for d in ds]


def px_min(s):
    v = s.base_price.min()
    ds = s[s.base_price == v].date.unique()
    return float(v), [pd.Timestamp(d) for d in ds]


def ym(d):
    return pd.Timestamp(d).strftime("%Y-%m")


# --------------------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    x = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# --------------------------------------------------------------------------- item builder
ITEMS = []


def E(v, u="MW"):
    return {"value": float(v), "unit": u}


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": why is None,
        "kind": kind,
        "expect": list(expect),
        "names": [str(n) for n in names],
    }
    if why is not None:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def U(data, agent, turns, why, how="n/a: not in the loaded data"):
    add(data, agent, turns, "unanswerable", why=why, how=how)


# =========================================================================== REAL: market
R = "real"

# ---- lookups
v = mv(R, "USA", 2024)
add(R, "market", "Updating the US resi/utility installer model. What did the US install in 2024, MW?",
    "lookup", [E(v)], how="real CSV: USA 2024 Historical Primary Total Annual")

v = mv(R, "India", 2024, "Cumulative")
add(R, "market", "Building the India module-demand bridge. India installed base at end-2024?", "lookup", [E(v)],
    how="real CSV: India 2024 Historical Primary Total Cumulative")

v = mv(R, "Pakistan", 2024)
add(R, "market", "A client on this morning's call kept bringing up Pakistan. How much PV did Pakistan add in 2024?",
    "lookup", [E(v)], how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = mv(R, "Brazil", 2023, conn="Distributed")
add(R, "market", "Brazilian distributed-gen additions in 2023 - number in MW pls", "lookup", [E(v)],
    how="real CSV: Brazil 2023 Historical Primary Distributed Annual")

v = mv(R, "Italy", 2026, scen="high")
add(R, "market", "Bull case check for our Italian names: Italy's 2026 additions under the high scenario?",
    "lookup", [E(v)], how="real CSV: Italy 2026 Forecast - High Total Annual")

# ---- rankings (countries only)
r = rank(R, 2024, 5)
add(R, "market", "Need a table for tomorrow's client note. Top 5 countries by 2024 installs, with MW", "rank",
    [E(x[1]) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

r = rank(R, 2024, 3, "Cumulative")
add(R, "market", "For the sector primer: which 3 countries have the largest installed PV base as of end-2024?",
    "rank", [E(x[1]) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

EU27 = {"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
        "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
        "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
        "Spain", "Sweden"}
r = rank(R, 2024, 5, among=EU27)
add(R, "market", "Ranking EU member states by 2024 additions - who are the top five?", "rank",
    [E(x[1]) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Total Annual, EU-27 member states only, top 5")

r = rank(R, 2024, 3, conn="Distributed")
add(R, "market", "Rooftop/DG angle: top 3 countries for distributed PV additions in 2024?", "rank",
    [E(x[1]) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 3")

# ---- shares
a, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", "Demand-side sanity check for the poly names. China's share of global PV additions in 2024, %?", "share",
    [E(a / w * 100, "%")], how="real CSV: China 2024 Annual Total / World 2024 Annual Total x100")

a, w = mv(R, "USA", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "What share of the world's cumulative installed PV sat in the US at end-2024?", "share",
    [E(a / w * 100, "%")], how="real CSV: USA 2024 Cumulative Total / World 2024 Cumulative Total x100")

a, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, "market", "How much of Germany's 2024 market was distributed? Give it as a % of the total.", "share",
    [E(a / t * 100, "%")], how="real CSV: Germany 2024 Annual Distributed / Total x100")

a, t = mv(R, "India", 2024, conn="Centralised"), mv(R, "India", 2024)
add(R, "market", "Indian utility-scale names are rallying. Centralised share of India's 2024 installs?", "share",
    [E(a / t * 100, "%")], how="real CSV: India 2024 Annual Centralised / Total x100")

# ---- change
a, b = mv(R, "Brazil", 2019), mv(R, "Brazil", 2024)
add(R, "market", "Brazil DG story for the LatAm piece - annual installs CAGR 2019-2024?", "change", [E(cagr(a, b, 5), "%")],
    how="real CSV: Brazil Annual Total 2019 and 2024, CAGR over 5 years")

a, b = mv(R, "USA", 2023), mv(R, "USA", 2024)
add(R, "market", "Prepping for 4Q earnings season. US market growth YoY in 2024 (vs 2023), in %?", "change", [E(pct(a, b), "%")],
    how="real CSV: USA Annual Total, (2024-2023)/2023 x100")

a, b = mv(R, "India", 2023), mv(R, "India", 2024)
add(R, "market", "By how many MW did India's annual additions grow from 2023 to 2024?", "change",
    [E(b - a)], how="real CSV: India Annual Total 2024 minus 2023")

a, b = mv(R, "World", 2019, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "Sector primer, slide 3: global installed base CAGR 2019-24?", "change", [E(cagr(a, b, 5), "%")],
    how="real CSV: World Cumulative Total 2019 and 2024 (Historical Primary), CAGR over 5 years")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", "The Dutch market looked soft on the last print. % change in Netherlands installs 2024 vs 2023?",
    "change", [E(pct(a, b), "%")], how="real CSV: Netherlands Annual Total, (2024-2023)/2023 x100")

a, b = mv(R, "Germany", 2024), mv(R, "Germany", 2030)
add(R, "market", "Implied CAGR for Germany's annual market from 2024 actuals to 2030 on the most probable forecast?",
    "change", [E(cagr(a, b, 6), "%")],
    how="real CSV: Germany Annual Total 2024 Historical Primary and 2030 Forecast - Most probable, CAGR over 6 years")

# ---- comparisons
vals = [(c, mv(R, c, 2024)) for c in ["Spain", "Italy", "France"]]
add(R, "market", "Spain vs Italy vs France - 2024 additions side by side?", "compare",
    [E(v) for _, v in vals], ["Spain"],
    how="real CSV: 2024 Annual Total for Spain, Italy, France; Spain largest")

j, g = mv(R, "Japan", 2024, "Cumulative"), mv(R, "Germany", 2024, "Cumulative")
add(R, "market", "Which is bigger by cumulative installed capacity at end-2024, Japan or Germany, and by how much?",
    "compare", [E(j), E(g), E(abs(g - j))], ["Germany" if g > j else "Japan"],
    how="real CSV: 2024 Cumulative Total Japan and Germany; difference")

u, i = mv(R, "USA", 2024), mv(R, "India", 2024)
add(R, "market", "US 2024 installs were how many times India's?", "compare", [E(u / i, "x")],
    how="real CSV: 2024 Annual Total USA / India")

# ---- extremes
y, v = peak(hist_series(R, "Spain"))
add(R, "market", "Historically, what was Spain's record year for new PV capacity, and how much went in?", "extreme",
    [E(v)], [y], how="real CSV: Spain Historical Primary Total Annual, max over all historical years")

y, v = peak(hist_series(R, "Japan"))
add(R, "market", "PM question on Japan: what was the peak year for annual installs there?", "extreme", [E(v)], [y],
    how="real CSV: Japan Historical Primary Total Annual, max over 1992-2024")

y, v = peak(hist_series(R, "India", y0=2017), min)
add(R, "market", "Weakest year for Indian installs over 2017-2024?", "extreme", [E(v)], [y],
    how="real CSV: India Historical Primary Total Annual 2017-2024, min")

y, v = peak(hist_series(R, "Vietnam"))
add(R, "market", "When did Vietnam's solar boom peak in terms of annual additions?", "extreme", [E(v)], [y],
    how="real CSV: Vietnam Historical Primary Total Annual, max")

# ---- averages
s = series(R, "Poland", 2020, 2024)
add(R, "market", "We're initiating on a Polish EPC. Avg annual Polish installs over 2020-2024?", "average", [E(sum(s.values()) / len(s))],
    how="real CSV: Poland Annual Total 2020..2024 mean")

s = series(R, "France", 2025, 2030, scen="mp")
add(R, "market", "What's the average yearly French market on the most probable forecast, 2025 through 2030?",
    "average", [E(sum(s.values()) / len(s))],
    how="real CSV: France Annual Total Forecast - Most probable 2025..2030 mean")

s = series(R, "China", 2020, 2024)
add(R, "market", "Mean annual Chinese additons 2020-24, MW", "average", [E(sum(s.values()) / len(s))],
    how="real CSV: China Annual Total Historical Primary 2020..2024 mean")

# ---- sums
s = series(R, "USA", 2020, 2024)
add(R, "market", "For the IRA retrospective: total US additions over 2020-2024, i.e. the sum of the five years?", "sum",
    [E(sum(s.values()))], how="real CSV: USA Annual Total 2020..2024 summed")

vals = [mv(R, c, 2024) for c in ["Germany", "France", "Italy"]]
add(R, "market", "Combined 2024 installs of Germany, France and Italy?", "sum", [E(sum(vals))],
    how="real CSV: 2024 Annual Total Germany + France + Italy")

# ---- first / latest
d = hist_series(R, "China")
y = min(k for k, v in d.items() if v > 100000)
add(R, "market", "Quick one for a client: first year China added more than 100 GW?", "first_latest", [E(d[y])], [y],
    how="real CSV: China Historical Primary Total Annual, first year with value > 100,000 MW")

d = hist_series(R, "India")
y = min(k for k, v in d.items() if v > 10000)
add(R, "market", "When did India first clear 10 GW of annual installs?", "first_latest", [E(d[y])], [y],
    how="real CSV: India Historical Primary Total Annual, first year > 10,000 MW")

d = hist_series(R, "Sudan")
y = max(d)
add(R, "market", "Whats the most recent year you have annual additions for Sudan, and how much was added that year?", "first_latest",
    [E(d[y])], [y], how="real CSV: Sudan Historical Primary Total Annual, latest year")

# ---- follow-ups (real market)
v = mv(R, "Romania", 2024)
add(R, "market", ["Poland's 2024 installs?", "and Romania?"], "follow_up", [E(v)],
    how="real CSV: Romania 2024 Historical Primary Total Annual")

r = rank(R, 2022, 3)
add(R, "market", ["Top 3 countries by 2024 additions?", "same for 2022"], "follow_up",
    [E(x[1]) for x in r], [x[0] for x in r], how="real CSV: 2022 Annual Total, countries only, top 3")

v = mv(R, "Spain", 2030, scen="low")
add(R, "market", ["Spain 2030 annual market, most probable case?", "same for the low scenario"], "follow_up",
    [E(v)], how="real CSV: Spain 2030 Forecast - Low Total Annual")

a, t = mv(R, "Italy", 2022, conn="Distributed"), mv(R, "Italy", 2022)
add(R, "market", ["What % of Italy's 2024 additions were distributed?", "what about 2022?"], "follow_up",
    [E(a / t * 100, "%")], how="real CSV: Italy 2022 Annual Distributed / Total x100")

a, b = mv(R, "Germany", 2020, "Cumulative"), mv(R, "Germany", 2024, "Cumulative")
add(R, "market", ["German installed base at end-2020?",
                  "and at end-2024? whats the CAGR between the two"], "follow_up",
    [E(b), E(cagr(a, b, 4), "%")],
    how="real CSV: Germany Cumulative Total 2020 and 2024; CAGR over 4 years")

s = series(R, "Brazil", 2021, 2024)
add(R, "market", ["Brazil annual additions 2021 to 2024?", "can you chart that"], "follow_up",
    [E(v) for v in s.values()], how="real CSV: Brazil Annual Total 2021..2024 (chart of same)")

a, w = mv(R, "India", 2024), mv(R, "World", 2024)
add(R, "market", ["China's share of world additions in 2024?", "and India's?"], "follow_up",
    [E(a / w * 100, "%")], how="real CSV: India 2024 Annual Total / World 2024 Annual Total x100")

# =========================================================================== REAL: prices
s = ps(R, "Module", "n-type TOPCon", "China")
d, v = latest(s)
add(R, "price", "Marking our ASP deck to market. Latest n-type TOPCon module price in China?", "price", [E(v, unit_of(s))], [],
    how=f"real parquet: Module / n-type TOPCon / China, latest date {d.date()}")

vals = {}
for reg in ["China", "EU", "US"]:
    s = ps(R, "Module", "n-type TOPCon", reg)
    vals[reg] = latest(s)
dates = {d for d, _ in vals.values()}
assert len(dates) == 1
cheap = min(vals, key=lambda k: vals[k][1])
add(R, "price", "Client asked about the US/EU premium. Latest TOPCon module quotes: China vs EU vs US?", "price",
    [E(vals[k][1], "US$/Wp") for k in ["China", "EU", "US"]], [cheap],
    how=f"real parquet: Module / n-type TOPCon latest ({dates.pop().date()}) for China, EU, US")

s = ps(R, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "China")
v, ds = px_max(s)
assert len({d.year for d in ds}) == 1
add(R, "price", "Peak of the polysilicon squeeze: what was the highest price for very high purity poly (12N/12N+, outside of China) in the China series, and in what year?",
    "price", [E(v, unit_of(s))], [ds[0].year],
    how="real parquet: Polysilicon / Very high purity  (12N/12N+, outside of China) / China, max over whole series; date year")

s = ps(R, "Silver", "Silver", "Overseas", "K US$/t")
v = in_month(s, 2024, 3)
add(R, "price", "Silver paste is the biggest non-Si cell cost. Silver price in March 2024 (monthly series)?", "price", [E(v, unit_of(s))],
    how="real parquet: Silver / Silver / Overseas, K US$/t, observation dated 2024-03")

s = ps(R, "Copper", "Copper", "Overseas")
a, b = in_month(s, 2024, 1), in_month(s, 2025, 1)
add(R, "price", "Copper is a BOS headwind for the tracker/inverter names - % move Jan-24 to Jan-25?", "price", [E(pct(a, b), "%")],
    how="real parquet: Copper / Overseas monthly, (2025-01 - 2024-01)/2024-01 x100")

s = ps(R, "Aluminium", "Aluminium", "Overseas")
v, ds = px_max(s)
assert len(ds) == 1
add(R, "price", "Aluminium frame cost input: highest monthly aluminium price in the dataset, and when?", "price",
    [E(v, unit_of(s))], [ym(ds[0])[:4]],
    how="real parquet: Aluminium / Overseas monthly, max over whole series")

s = window(ps(R, "EVA", "EVA", "Overseas"), "2024-01-01", "2024-12-31")
assert len(s) == 12
add(R, "price", "Encapsulant line in the module BOM model: average EVA price across 2024 (Jan-Dec monthly)?", "price", [E(s.base_price.mean(), unit_of(s))],
    how="real parquet: EVA / Overseas, mean of 12 monthly observations of 2024")

s = ps(R, "Module", "CdTe", "Overseas")
d0, a = first(s)
d1, b = latest(s)
add(R, "price", "FSLR-type question: how has the CdTe module price moved from the first to the latest print, in %?",
    "price", [E(a, unit_of(s)), E(b, unit_of(s)), E(pct(a, b), "%")],
    how=f"real parquet: Module / CdTe / Overseas, first ({d0.date()}) vs latest ({d1.date()}), % change")

vals = {}
for desc in ["n-type HJT", "n-type TOPCon"]:
    s = ps(R, "Module", desc, "US")
    vals[desc] = latest(s)
add(R, "price", "HJT vs TOPCon modules in the US - latest quotes for each?", "price",
    [E(vals["n-type HJT"][1], "US$/Wp"), E(vals["n-type TOPCon"][1], "US$/Wp")], [],
    how=f"real parquet: Module / US, latest of n-type HJT ({vals['n-type HJT'][0].date()}) and n-type TOPCon ({vals['n-type TOPCon'][0].date()})")

regs = ["China", "EU", "Overseas", "US"]
vals = {}
for reg in regs:
    s = ps(R, "Module", "p-type mono-Si PERC M10", reg)
    vals[reg] = at_date(s, "2025-03-26")
cheap = min(vals, key=vals.get)
add(R, "price", "Which region had the cheapest PERC M10 modules on 2025-03-26, and at what price?", "price",
    [E(vals[cheap], "US$/Wp")], [cheap],
    how="real parquet: Module / p-type mono-Si PERC M10, 2025-03-26 quote for China, EU, Overseas, US; min")

# follow-ups on prices (real)
s = ps(R, "Module", "n-type TOPCon", "EU")
d, v = latest(s)
add(R, "price", ["Latest TOPCon module price in China?", "and in the EU?"], "follow_up", [E(v, unit_of(s))],
    how=f"real parquet: Module / n-type TOPCon / EU latest {d.date()}")

s = ps(R, "Copper", "Copper", "Overseas")
v = in_month(s, 2024, 6)
add(R, "price", ["Aluminium price in June 2024?", "same for copper"], "follow_up", [E(v, unit_of(s))],
    how="real parquet: Copper / Overseas monthly, 2024-06")

# =========================================================================== REAL: unanswerable
U(R, "market", "What's Germany's installed onshore wind capacity at end-2024? Doing a cross-renewables comp.",
  "wind capacity is not in the data; it holds PV only")
U(R, "market", "How much battery storage (MWh) did the US add in 2024?",
  "energy storage is not in the data")
U(R, "market", "What's the LCOE for utility-scale PV in Spain right now?", "LCOE is not a measure held")
U(R, "market", "For a utilities crossover note: Italy PV generation in 2023, GWh?", "electricity generation (GWh) is not held, only capacity")
U(R, "market", "Germany's cumulative installed base in 2030 under the most probable forecast?",
  "forecast cumulative figures in the real CSV do not include the installed base, so they are not a valid installed-base figure")
U(R, "market", "Client is looking at West African exposure. Nigeria's 2024 PV additions?", "Nigeria is not a territory in the data")
U(R, "market", "US installs forecast for 2026, most probable case?",
  "the real data has no forecast scenarios for the USA (forecasts exist only for European countries and aggregates)")
U(R, "market", "Terminal-value assumption: Spain's 2035 annual market on the high scenario?", "forecasts run only to 2030")
U(R, "market", "What was the German PV market worth in EUR in 2024?", "market value in EUR is not held; only capacity in MW")
U(R, "price", "Japanese resi installer comp - latest module price in Japan?", "Japan is not a price region in the data")
U(R, "price", "A PM asked about next-gen tech. Latest perovskite tandem module price?", "perovskite/tandem modules are not a price item")
U(R, "price", "What share of the TOPCon module price is the silver cost?", "a share of a price / bill-of-materials split is not in the data")
U(R, "price", "Current US AD/CVD tariff rate on SE Asian modules?", "tariffs are not in the data")
U(R, "price", "Client wants the tech-roadmap angle: average cell efficiency for TOPCon vs HJT?", "efficiency is not a field in the data")
U(R, "market", ["Germany 2024 additions?", "and what's the wind number for the same year?"],
  "wind capacity is not in the data")

# =========================================================================== REAL instance: financials (sample file)
v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Helios Modules FY2024 revenue? Need it for the EV/sales comp.", "financial", [E(v, u)],
    how="financials.csv: Helios Modules Ltd (sample), FY2024, Revenue")

vals = {c: fv(c, "FY2024", "Module shipments")[0] for c in [HEL, SUN, AUR, NOR]}
order = sorted(vals, key=lambda c: -vals[c])
add(R, "manufacturer_financial", "Updating the comps sheet. Rank the four manufacturers by FY24 module shipments (GW).", "financial",
    [E(vals[c], "GW") for c in order], [c.split()[0] for c in order],
    how="financials.csv: FY2024 Module shipments for all four companies, sorted desc")

a, _ = fv(AUR, "FY2023", "Revenue")
b, _ = fv(AUR, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Aurora PV revenue YoY FY24 vs FY23, %?", "financial", [E(pct(a, b), "%")],
    how="financials.csv: Aurora PV Group (sample) Revenue FY2023, FY2024; % change")

a, _ = fv(SUN, "2024-Q1", "Revenue")
b, _ = fv(SUN, "2024-Q2", "Revenue")
add(R, "manufacturer_financial", "SunForge 1H24 revenue, i.e. 2024-Q1 + 2024-Q2?", "financial",
    [E(a + b, "USD million")], how="financials.csv: SunForge Energy (sample) Revenue 2024-Q1 + 2024-Q2")

U(R, "manufacturer_financial", "First Solar FY2024 revenue?", "First Solar is not among the companies in the financials")
U(R, "manufacturer_financial", "Helios EBITDA margin in FY2024?", "EBITDA is not a metric in the financials")

v, u = fv(HEL, "FY2024", "Net income")
add(R, "manufacturer_financial", ["Helios FY24 revenue?", "and net income?"], "follow_up", [E(v, u)],
    how="financials.csv: Helios Modules Ltd (sample), FY2024, Net income")

# =========================================================================== SAMPLE: market
S = "sample"
v = mv(S, "Netherlands", 2023, "Cumulative")
add(S, "market", "Covering a Dutch rooftop installer. Netherlands installed base end-2023?", "lookup", [E(v)],
    how="sample market.csv: Netherlands 2023 Historical Primary Total Cumulative")

v = mv(S, "Poland", 2026, scen="low")
add(S, "market", "Bear case for Poland: 2026 additions in the low scenario?", "lookup", [E(v)],
    how="sample market.csv: Poland 2026 Forecast - Low Total Annual")

v = mv(S, "Spain", 2030, "Cumulative", scen="mp")
add(S, "market", "Long-dated DCF input: Spain's cumulative PV capacity in 2030, most probable forecast?", "lookup", [E(v)],
    how="sample market.csv: Spain 2030 Forecast - Most probable Total Cumulative")

countries6 = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"]
r = rank(S, 2024, 6)
add(S, "market", "Rank all the countries you have by 2024 installs, biggest first.", "rank",
    [E(x[1]) for x in r], [x[0] for x in r], how="sample market.csv: 2024 Annual Total, six countries sorted desc")

r = rank(S, 2030, 3, "Cumulative", scen="high")
add(S, "market", "Top 3 countries by installed base in 2030 under the high scenario?", "rank",
    [E(x[1]) for x in r], [x[0] for x in r], how="sample market.csv: 2030 Forecast - High Cumulative Total, top 3 countries")

a, w = mv(S, "Germany", 2024), mv(S, "World", 2024)
add(S, "market", "Germany's share of global 2024 additions?", "share", [E(a / w * 100, "%")],
    how="sample market.csv: Germany 2024 Annual Total / World 2024 Annual Total x100")

a, t = mv(S, "Italy", 2024, conn="Distributed"), mv(S, "Italy", 2024)
add(S, "market", "Italian resi/C&I exposure: distributed as a % of Italy's 2024 installs?", "share",
    [E(a / t * 100, "%")], how="sample market.csv: Italy 2024 Annual Distributed / Total x100")

a, t = mv(S, "Spain", 2030, conn="Centralised", scen="mp"), mv(S, "Spain", 2030, scen="mp")
add(S, "market", "Centralised share of Spain's 2030 annual market in the most probable scenario?", "share",
    [E(a / t * 100, "%")], how="sample market.csv: Spain 2030 Forecast - Most probable Annual Centralised / Total x100")

a, b = mv(S, "France", 2015, "Cumulative"), mv(S, "France", 2024, "Cumulative")
add(S, "market", "French installer initiation, need the backdrop: France installed base CAGR 2015-2024?", "change", [E(cagr(a, b, 9), "%")],
    how="sample market.csv: France Cumulative Total 2015 and 2024, CAGR over 9 years")

a, b = mv(S, "World", 2023), mv(S, "World", 2024)
add(S, "market", "Global instals YoY growth in 2024?", "change", [E(pct(a, b), "%")],
    how="sample market.csv: World Annual Total (2024-2023)/2023 x100")

a, b = mv(S, "Germany", 2024), mv(S, "Germany", 2030, scen="low")
add(S, "market", "If the low case plays out, how much does Germany's annual market change from 2024 to 2030, in MW and %?",
    "change", [E(b - a), E(pct(a, b), "%")],
    how="sample market.csv: Germany Annual Total 2024 Historical vs 2030 Forecast - Low; difference and % change")

s_, g_ = mv(S, "Spain", 2023), mv(S, "Germany", 2023)
add(S, "market", "Spain vs Germny, 2023 additions?", "compare", [E(s_), E(g_)], ["Germany"],
    how="sample market.csv: 2023 Annual Total Spain and Germany; Germany larger")

vals = [mv(S, c, 2027, scen="mp") for c in ["France", "Italy", "Netherlands"]]
add(S, "market", "For our Euro installer coverage: 2027 most probable additions in France, Italy and the Netherlands?",
    "compare", [E(v) for v in vals], [], how="sample market.csv: 2027 Forecast - Most probable Annual Total, three countries")

y, v = peak(hist_series(S, "Netherlands"))
add(S, "market", "Net-metering debate is weighing on the Dutch names. Netherlands: peak historical year for additions?", "extreme", [E(v)], [y],
    how="sample market.csv: Netherlands Historical Primary Annual Total, max over 2015-2024")

s = series(S, "Poland", 2025, 2030, scen="mp")
add(S, "market", "Avg annual Polish market 2025-30, base case (most probable)?", "average",
    [E(sum(s.values()) / len(s))], how="sample market.csv: Poland Forecast - Most probable Annual Total 2025..2030 mean")

s = series(S, "Germany", 2025, 2030, scen="mp")
add(S, "market", "Total German additions 2025 through 2030 on the most probable path - sum in GW?", "sum",
    [E(sum(s.values()))], how="sample market.csv: Germany Forecast - Most probable Annual Total 2025..2030 summed")

d = hist_series(S, "Spain")
y = min(k for k, v in d.items() if v > 5000)
add(S, "market", "What year did Spain first add over 5 GW in a single year?", "first_latest", [E(d[y])], [y],
    how="sample market.csv: Spain Historical Primary Annual Total, first year > 5,000 MW")

s = series(S, "Spain", 2019, 2024)
add(S, "market", "Spain averaged how much new PV a year over 2019-2024?", "average",
    [E(sum(s.values()) / len(s))], how="sample market.csv: Spain Historical Primary Annual Total 2019..2024 mean")

# sample follow-ups
v = mv(S, "Spain", 2024, "Cumulative")
add(S, "market", ["Italy's installed base end-2024?", "and Spain?"], "follow_up", [E(v)],
    how="sample market.csv: Spain 2024 Historical Primary Cumulative Total")

v = mv(S, "France", 2028, scen="high")
add(S, "market", ["France 2028 annual additions, most probable?", "same for the high scenario"], "follow_up",
    [E(v)], how="sample market.csv: France 2028 Forecast - High Annual Total")

a, w = mv(S, "Poland", 2021), mv(S, "World", 2021)
add(S, "market", ["Poland's share of world installs in 2024?", "what about 2021?"], "follow_up",
    [E(a / w * 100, "%")], how="sample market.csv: Poland 2021 Annual Total / World 2021 Annual Total x100")

s = series(S, "Italy", 2025, 2030, scen="mp")
add(S, "market", ["Italy most probable additions 2025-2030?", "put it in a chart"], "follow_up",
    [E(v) for v in s.values()], how="sample market.csv: Italy Forecast - Most probable Annual Total 2025..2030")

# =========================================================================== SAMPLE: prices
s = ps(S, "Polysilicon", "High purity - 9N/9N+", "China")
v = in_month(s, 2024, 6)
add(S, "price", "Poly names reported 2Q24 last week. China poly (9N/9N+) price in June 2024?", "price", [E(v, unit_of(s))],
    how="sample prices.csv: Polysilicon / High purity - 9N/9N+ / China, 2024-06")

s = window(ps(S, "Module", "p-type mono-Si PERC M10", "EU"), "2024-01-01", "2024-12-31")
lo, _ = px_min(s)
hi, _ = px_max(s)
add(S, "price", "EU PERC M10 module price - 2024 high and low?", "price", [E(hi, unit_of(s)), E(lo, unit_of(s))],
    how="sample prices.csv: Module / p-type mono-Si PERC M10 / EU, max and min over 2024 months")

s = ps(S, "Module", "n-type TOPCon", "China")
a, b = in_month(s, 2023, 1), in_month(s, 2024, 12)
add(S, "price", "The module deflation slide needs refreshing. How much did Chinese TOPCon module prices fall from Jan-23 to Dec-24, %?", "price",
    [E(pct(a, b), "%")], how="sample prices.csv: Module / n-type TOPCon / China, (2024-12 - 2023-01)/2023-01 x100")

vals = {reg: in_month(ps(S, "Module", "n-type TOPCon", reg), 2024, 12) for reg in ["China", "EU", "India", "US"]}
hi_reg = max(vals, key=vals.get)
lo_reg = min(vals, key=vals.get)
add(S, "price", "Dec 2024 TOPCon module price by region - where was it most expensive and where cheapest?", "price",
    [E(vals[hi_reg], "US$/Wp"), E(vals[lo_reg], "US$/Wp")], [hi_reg, lo_reg],
    how="sample prices.csv: Module / n-type TOPCon, 2024-12 for China, EU, India, US; max and min")

h = latest(ps(S, "Module", "n-type HJT", "China"))[1]
t = latest(ps(S, "Module", "n-type TOPCon", "China"))[1]
add(S, "price", "HJT premium over TOPCon in China on the latest print, US$/Wp?", "price",
    [E(h, "US$/Wp"), E(t, "US$/Wp"), E(h - t, "US$/Wp")],
    how="sample prices.csv: Module / China latest, n-type HJT minus n-type TOPCon")

s = window(ps(S, "PV glass", "Glass 3,2mm", "EU"), "2024-01-01", "2024-12-31")
add(S, "price", "Average 3.2mm PV glass price in the EU over 2024?", "price", [E(s.base_price.mean(), unit_of(s))],
    how="sample prices.csv: PV glass / Glass 3,2mm / EU mean of 2024 monthly values")

s = ps(S, "Wafer", "n-type mono-Si M10", "China")
v, ds = px_max(s)
assert len(ds) == 1
add(S, "price", "n-type M10 wafer, China - max price over the whole series and which month?", "price",
    [E(v, unit_of(s))], [pd.Timestamp(ds[0]).strftime("%Y")],
    how="sample prices.csv: Wafer / n-type mono-Si M10 / China, max over series")

s = ps(S, "Cell", "p-type mono-Si PERC M10", "EU")
v = in_month(s, 2024, 12)
add(S, "price", ["China PERC M10 cell price Dec 2024?", "and the EU equivalent?"], "follow_up",
    [E(v, unit_of(s))], how="sample prices.csv: Cell / p-type mono-Si PERC M10 / EU, 2024-12")

# =========================================================================== SAMPLE: financials
v, u = fv(SUN, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "Writing the post-print note on SunForge - what was its 4Q24 gross margin?", "financial", [E(v, u)],
    how="financials.csv: SunForge Energy (sample), 2024-Q4, Gross margin")

a, _ = fv(HEL, "FY2023", "Gross margin")
b, _ = fv(HEL, "FY2024", "Gross margin")
add(S, "manufacturer_financial", "How much GM compression did Helios see FY23 to FY24? give both margins", "financial",
    [E(a, "%"), E(b, "%")], how="financials.csv: Helios Modules Ltd (sample) Gross margin FY2023 and FY2024")

n, _ = fv(HEL, "FY2024", "Net income")
r_, _ = fv(HEL, "FY2024", "Revenue")
add(S, "manufacturer_financial", "Bottom line is barely positive at Helios. FY24 net margin (net income / revenue)?", "financial", [E(n / r_ * 100, "%")],
    how="financials.csv: Helios Modules Ltd (sample) FY2024 Net income / Revenue x100")

v, u = fv(SUN, "FY2024", "Net income")
add(S, "manufacturer_financial", ["SunForge FY23 net income?", "and FY24?"], "follow_up", [E(v, u)],
    how="financials.csv: SunForge Energy (sample), FY2024, Net income")

U(S, "manufacturer_financial", "Comping our names vs the Chinese majors. LONGi 1H24 revenue?", "LONGi is not among the companies in the financials")
U(S, "manufacturer_financial", "Helios 1Q25 revenue - has it been reported?", "the financials end at 2024-Q4 / FY2024")
U(S, "manufacturer_financial", "What's SunForge's net debt / leverage at FY24?", "balance-sheet items such as net debt are not in the financials")

# =========================================================================== SAMPLE: unanswerable
U(S, "market", "Japan 2024 PV additions?", "the sample market data holds only France, Germany, Italy, Netherlands, Poland, Spain and World")
U(S, "market", "UK installed base at end-2024?", "the UK is not in the sample market data")
U(S, "market", "Spain's most probable market in 2032?", "forecasts end in 2030")
U(S, "market", "Italian PV output in TWh for 2024?", "generation is not held, only capacity")
U(S, "price", "Looking at the pre-UFLPA baseline: module price in the US back in mid-2022?", "the sample prices start in January 2023")
U(S, "price", "Thin-film comp for the US names: latest CdTe module price?", "CdTe is not a price item in the sample prices")
U(S, "price", "What % of the module price does the wafer account for in China?", "a share of a price (cost breakdown) is not held")
U(S, "price", "Latest silver price? Silver paste is killing cell margins.", "silver is not in the sample prices")
U(S, "market", ["Netherlands 2024 installs?", "and how many residential heat pumps went in?"],
  "heat pumps are not in the data")

# =========================================================================== write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_fu = sum(it["kind"] == "follow_up" and len(it["turns"]) >= 2 for it in ITEMS)
assert n_fu >= 12, n_fu
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        assert it["kind"] != "unanswerable"
    else:
        assert it["why"] and not it["expect"], it["id"]
    if it["kind"] == "follow_up":
        assert len(it["turns"]) >= 2, it["id"]
    for e in it["expect"]:
        assert e["value"] == e["value"], it["id"]  # not NaN

print(f"wrote {len(ITEMS)} items to {out}")
print("unanswerable:", n_un, " follow-up chains:", n_fu,
      " multi-turn items:", sum(len(it['turns']) > 1 for it in ITEMS))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind x data:")
kd = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kd}):
    print(f"  {k:14s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
