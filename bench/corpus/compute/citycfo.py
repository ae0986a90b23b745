"""Writer citycfo: computes every expected figure from the data files and writes questions.jsonl.

Persona: CFO of a mid-sized city utility (Stadtwerke-style) weighing a solar-park investment
and a module purchase.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "citycfo"

# ---------------------------------------------------------------- data
REAL_MKT = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_PRC = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMP_MKT = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
SAMP_PRC = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": REAL_MKT, "sample": SAMP_MKT}
PRC = {"real": REAL_PRC, "sample": SAMP_PRC}

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


# ---------------------------------------------------------------- market helpers
def last_hist(data, terr):
    df = MKT[data]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One capacity figure in MW under the brief's conventions."""
    df = MKT[data]
    if scen is None:
        scenario = "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"
    else:
        scenario = SCEN[scen]
    if data == "real" and typ == "Cumulative":
        assert scenario == "Historical Primary", "no forecast cumulative from the real CSV"
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scenario)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, scenario, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def rank(data, year, typ="Annual", conn="Total", scen=None, n=3, among=None):
    df = MKT[data]
    terrs = among or sorted(set(df.Territory) - AGGREGATES)
    vals = {}
    for t in terrs:
        try:
            vals[t] = mv(data, t, year, typ, conn, scen)
        except AssertionError:
            continue
    out = sorted(vals.items(), key=lambda kv: -kv[1])
    # guard against ties at the cut-off
    if n < len(out):
        assert out[n - 1][1] != out[n][1], "tie at ranking cut-off"
    return out[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def share(part, whole):
    return part / whole * 100.0


# ---------------------------------------------------------------- price helpers
def series(data, item, desc, region, unit=None):
    df = PRC[data]
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    assert len(s) > 0
    return s.sort_values("date")


def clean(s):
    """Series with exactly one observation per date (so averages / min-max are unambiguous)."""
    assert not s.date.duplicated().any(), "several observations on one date"
    return s


def latest(data, item, desc, region, unit=None):
    s = series(data, item, desc, region, unit)
    last = s[s.date == s.date.max()]
    assert len(last) == 1
    return float(last.base_price.iloc[0]), last.date.iloc[0], last.unit.iloc[0]


def first(data, item, desc, region, unit=None):
    s = series(data, item, desc, region, unit)
    f = s[s.date == s.date.min()]
    assert len(f) == 1
    return float(f.base_price.iloc[0]), f.date.iloc[0], f.unit.iloc[0]


def in_month(data, item, desc, region, ym, unit=None):
    s = series(data, item, desc, region, unit)
    m = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(m) == 1, (item, desc, region, ym, len(m))
    return float(m.base_price.iloc[0]), m.unit.iloc[0]


def price_unit(data, item, desc, region, unit=None):
    return series(data, item, desc, region, unit).unit.iloc[0]


# ---------------------------------------------------------------- financial helpers
COMP = {
    "Helios": "Helios Modules Ltd (sample)",
    "SunForge": "SunForge Energy (sample)",
    "Aurora": "Aurora PV Group (sample)",
    "Nordlicht": "Nordlicht Solar AG (sample)",
}


def fin(company, period, metric):
    r = FIN[(FIN.company == COMP[company]) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ---------------------------------------------------------------- question store
Q = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
        "answerable": answerable, "kind": kind, "expect": list(expect), "names": list(names),
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["expect"] = []
        item["names"] = []
    Q.append(item)


def U(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", how=how, answerable=False, why=why)


# ======================================================================
# REAL instance — market
# ======================================================================
D = "real"

# --- lookups
v = mv(D, "Germany", 2024)
add(D, "market", "We're benchmarking our home market before the board meeting. How much PV did Germany add in 2024?",
    "lookup", [E(v, "MW")], how="Germany 2024 Historical Primary Total Annual")

v = mv(D, "Spain", 2023, "Cumulative")
add(D, "market", "Our Spanish partner keeps quoting the size of the market. What was Spain's total installed PV capacity at the end of 2023?",
    "lookup", [E(v, "MW")], how="Spain 2023 Historical Primary Total Cumulative")

v = mv(D, "France", 2023, conn="Centralised")
add(D, "market", "utility-scale is what we'd be building. how many MW of centralised PV did France install in 2023?",
    "lookup", [E(v, "MW")], how="France 2023 Historical Primary Centralised Annual")

v = mv(D, "Austria", 2027, scen="mp")
add(D, "market", "Austria is one option for a second park. What's the most probable forecast for Austrian PV additions in 2027?",
    "lookup", [E(v, "MW")], how="Austria 2027 Forecast - Most probable Total Annual")

v = mv(D, "Poland", 2030, scen="low")
add(D, "market", "Downside case please: under the low scenario, how much PV would Poland add in 2030?",
    "lookup", [E(v, "MW")], how="Poland 2030 Forecast - Low Total Annual")

# --- rankings (countries only)
top = rank(D, 2024, n=5)
add(D, "market", "Which 5 countries installed the most new PV capacity in 2024? Give me the MW figures too.",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top],
    how="countries (aggregates excluded), 2024 Historical Primary Total Annual, top 5")

top = rank(D, 2024, "Cumulative", n=3)
add(D, "market", "Need a global picture for the supervisory board. Top 3 countries by installed base at the end of 2024, in GW?",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top],
    how="countries, 2024 Historical Primary Total Cumulative, top 3")

among = ["Germany", "Spain", "Italy", "France", "Netherlands", "Poland"]
top = rank(D, 2024, n=6, among=among)
add(D, "market", "For our peer review: rank Germany, Spain, Italy, France, the Netherlands and Poland by PV added in 2024.",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top],
    how="the six named countries, 2024 Historical Primary Total Annual, sorted desc")

top = rank(D, 2030, scen="high", n=1)
add(D, "market", "Looking at the outlook: which country has the largest high-scenario forecast for new installations in 2030?",
    "rank", [E(top[0][1], "MW")], [top[0][0]],
    how="countries with Forecast - High Total Annual 2030, max")

top = rank(D, 2024, conn="Distributed", n=3)
add(D, "market", "which three countries added the most distributed PV in 2024?",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top],
    how="countries, 2024 Historical Primary Distributed Annual, top 3")

# --- shares
c, w = mv(D, "China", 2024), mv(D, "World", 2024)
add(D, "market", "China dominates everything, apparently. What share of global PV additions in 2024 went to China?",
    "share", [E(share(c, w), "%")], how="China / World, 2024 Historical Primary Total Annual")

c, w = mv(D, "Germany", 2024, "Cumulative"), mv(D, "World", 2024, "Cumulative")
add(D, "market", "Germany's share of the world's installed PV base at end-2024, in %?",
    "share", [E(share(c, w), "%")], how="Germany / World, 2024 Historical Primary Total Cumulative")

c, t = mv(D, "Spain", 2024, conn="Centralised"), mv(D, "Spain", 2024)
add(D, "market", "We want to know how utility-heavy the Spanish market is. What percentage of Spain's 2024 additions was centralised?",
    "share", [E(share(c, t), "%")], how="Spain 2024 Centralised / Total, Annual, Historical Primary")

c, t = mv(D, "Netherlands", 2023, conn="Distributed"), mv(D, "Netherlands", 2023)
add(D, "market", "Share of distributed PV in Dutch installations in 2023?",
    "share", [E(share(c, t), "%")], how="Netherlands 2023 Distributed / Total, Annual, Historical Primary")

# --- change
a, b = mv(D, "USA", 2023), mv(D, "USA", 2024)
add(D, "market", "US numbers look strong in the press. By how many percent did US annual instalations grow from 2023 to 2024?",
    "change", [E(pct(a, b), "%")], how="USA Total Annual 2023 -> 2024, (b-a)/a")

a, b = mv(D, "Germany", 2019), mv(D, "Germany", 2024)
add(D, "market", "What's the CAGR of Germany's yearly PV additions between 2019 and 2024?",
    "change", [E(cagr(a, b, 5), "%")], how="Germany Total Annual 2019 and 2024, CAGR over 5 years")

a, b = mv(D, "Italy", 2020, "Cumulative"), mv(D, "Italy", 2024, "Cumulative")
add(D, "market", "How many MW did Italy's installed base grow between end-2020 and end-2024?",
    "change", [E(b - a, "MW")], how="Italy Total Cumulative 2024 - 2020")

a, b = mv(D, "Brazil", 2023), mv(D, "Brazil", 2024)
add(D, "market", "Brazilian market, year on year: how did 2024 additions compare to 2023, in MW and in %?",
    "change", [E(b - a, "MW"), E(pct(a, b), "%")], how="Brazil Total Annual 2024 vs 2023, abs and %")

a, b = mv(D, "Spain", 2025, scen="mp"), mv(D, "Spain", 2030, scen="mp")
add(D, "market", "In the most probable scenario, how much do Spain's annual additions change from 2025 to 2030 in %?",
    "change", [E(pct(a, b), "%")], how="Spain Forecast - Most probable Total Annual 2025 -> 2030")

# --- comparisons
a, b, c = (mv(D, t, 2024, "Cumulative") for t in ("France", "Germany", "Netherlands"))
add(D, "market", "Benchmarking the big three in our region. Compare the installed base of France, Germany and the Netherlands at the end of 2024.",
    "compare", [E(a, "MW"), E(b, "MW"), E(c, "MW")], how="France, Germany, Netherlands 2024 Total Cumulative")

a, b = mv(D, "China", 2024), mv(D, "USA", 2024)
add(D, "market", "How many times bigger was China's PV market than the US market in 2024?",
    "compare", [E(a / b, "x")], how="China / USA, 2024 Total Annual")

a, b = mv(D, "Austria", 2023), mv(D, "Switzerland", 2023)
add(D, "market", "Our neighbours: did Austria or Switzerland add more PV in 2023, and by how much?",
    "compare", [E(a, "MW"), E(b, "MW"), E(a - b, "MW")], ["Austria"] if a > b else ["Switzerland"],
    how="Austria, Switzerland 2023 Total Annual; difference")


# --- extremes (historical span unless limited)
def hist_series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    df = MKT[data]
    s = df[(df.Territory == terr) & (df.Scenario == "Historical Primary") & (df.Connection == conn)
           & (df.Type == typ)].set_index("Year")["Capacity(MW)"].sort_index()
    if y0 is not None:
        s = s[s.index >= y0]
    if y1 is not None:
        s = s[s.index <= y1]
    return s


def extreme(s, fn="max"):
    v = s.max() if fn == "max" else s.min()
    yrs = list(s[s == v].index)
    assert len(yrs) == 1, ("tie", yrs)
    lab = yrs[0]
    return (int(lab) if not isinstance(lab, str) else lab), float(v)


y, v = extreme(hist_series(D, "Spain"))
add(D, "market", "In the historical data, which was Spain's biggest year for new PV installations?",
    "extreme", [E(v, "MW")], [str(y)], how="Spain Historical Primary Total Annual, max over all years")

y, v = extreme(hist_series(D, "Italy"))
add(D, "market", "Italy had a boom years ago. What's Italy's record year for annual additions in the historical series, and how much?",
    "extreme", [E(v, "MW")], [str(y)], how="Italy Historical Primary Total Annual, max over all years")

y, v = extreme(hist_series(D, "Germany", y0=2010), "min")
add(D, "market", "I want to understand the downside risk. Since 2010, which year saw Germany's weakest PV additions?",
    "extreme", [E(v, "MW")], [str(y)], how="Germany Historical Primary Total Annual 2010-2024, min")

df = REAL_MKT
s = df[(df.Territory == "Greece") & (df.Scenario == SCEN["mp"]) & (df.Connection == "Total")
       & (df.Type == "Annual")].set_index("Year")["Capacity(MW)"]
y, v = extreme(s, "min")
add(D, "market", "Under the most probable scenario, which forecast year (2025-2030) is the weakest for Greek additions?",
    "extreme", [E(v, "MW")], [str(y)], how="Greece Forecast - Most probable Total Annual 2025-2030, min")

# --- averages
s = hist_series(D, "Germany", y0=2020, y1=2024)
assert len(s) == 5
add(D, "market", "For the 5-year plan I need a baseline. Average annual PV additions in Germany over 2020-2024?",
    "average", [E(s.mean(), "MW")], how="mean of Germany Total Annual 2020..2024")

s = hist_series(D, "Poland", y0=2021, y1=2024)
assert len(s) == 4
add(D, "market", "Poland is on our radar for a JV. What was its average yearly market between 2021 and 2024?",
    "average", [E(s.mean(), "MW")], how="mean of Poland Total Annual 2021..2024")

vals = [mv(D, "France", y, scen="mp") for y in range(2025, 2031)]
add(D, "market", "what does France average per year over 2025-2030 in the most probable forecast?",
    "average", [E(sum(vals) / len(vals), "MW")], how="mean of France Forecast - Most probable Total Annual 2025..2030")

# --- sums
vals = [mv(D, t, 2024) for t in ("Spain", "Italy", "Portugal")]
add(D, "market", "Iberia plus Italy is where the big developers are going. Combined 2024 additions of Spain, Italy and Portugal?",
    "sum", [E(sum(vals), "MW")], how="sum of Spain, Italy, Portugal 2024 Total Annual")

vals = [mv(D, "Germany", y, scen="mp") for y in range(2025, 2031)]
add(D, "market", "If the most probable forcast holds, how many GW will Germany add in total over 2025-2030?",
    "sum", [E(sum(vals), "MW")], how="sum of Germany Forecast - Most probable Total Annual 2025..2030")

s = hist_series(D, "Germany", conn="Distributed", y0=2021, y1=2024)
assert len(s) == 4
add(D, "market", "Rooftop matters for our customer business. Sum of Germany's distributed PV additions 2021-2024?",
    "sum", [E(s.sum(), "MW")], how="sum of Germany Distributed Annual 2021..2024")

# --- first / latest
s = hist_series(D, "Chile")
s = s[s > 0]
add(D, "market", "When does the database first show PV being installed in Chile, and how much was it?",
    "first_latest", [E(s.iloc[0], "MW")], [str(int(s.index[0]))], how="Chile Historical Primary Total Annual, first year with capacity > 0")

y = last_hist(D, "Austria")
v = mv(D, "Austria", y, "Cumulative")
add(D, "market", "What's the latest actual (not forecast) installed-base figure you have for Austria?",
    "first_latest", [E(v, "MW")], [str(y)], how="Austria last Historical Primary year, Total Cumulative")

# ======================================================================
# REAL instance — prices
# ======================================================================
v, d, u = latest(D, "Module", "n-type TOPCon", "EU")
add(D, "price", "We're about to tender modules for a 20 MW park. What's the latest n-type TOPCon module price in the EU?",
    "price", [E(v, u)], how=f"Module n-type TOPCon EU, latest date {d.date()}")

v, u = in_month(D, "Copper", "Copper", "Overseas", "2024-03")
add(D, "price", "Cabling is a big line in our capex. Copper price in March 2024?",
    "price", [E(v, u)], how="Copper Overseas monthly, 2024-03")

s = clean(series(D, "Aluminium", "Aluminium", "Overseas"))
y, v = extreme(s.set_index(s.date.dt.strftime("%Y %B"))["base_price"])
add(D, "price", "Aluminium for the mounting structures: what's the highest monthly price in the data, and when was it?",
    "price", [E(v, s.unit.iloc[0])], y.split(), how=f"Aluminium Overseas monthly, max over series ({y})")

vals = {r: latest(D, "Module", "n-type TOPCon", r) for r in ("China", "EU", "US")}
assert len({x[1] for x in vals.values()}) == 1
add(D, "price", "Compare latest n-type TOPCon module prices in China, the EU and the US.",
    "price", [E(vals[r][0], vals[r][2]) for r in ("China", "EU", "US")],
    how="Module n-type TOPCon latest (same date) for China, EU, US")

a, da, u = first(D, "Module", "n-type TOPCon", "China")
b, db, _ = latest(D, "Module", "n-type TOPCon", "China")
add(D, "price", "Our last module order was two years ago. What's the % change in Chinese n-type TOPCon module prices from the first observation in the series to the latest?",
    "price", [E(pct(a, b), "%")], how=f"Module n-type TOPCon China {da.date()} -> {db.date()}")

s = clean(series(D, "Module", "n-type TOPCon", "EU"))
s24 = s[s.date.dt.year == 2024]
add(D, "price", "Budget assumption check: what was the average weekly n-type TOPCon module price in the EU over 2024?",
    "price", [E(s24.base_price.mean(), s.unit.iloc[0])], how="mean of Module n-type TOPCon EU weekly obs dated 2024")

v, u = in_month(D, "EVA", "EVA", "Overseas", "2025-01")
add(D, "price", "encapsulant is on the cost list too. EVA price in January 2025?",
    "price", [E(v, u)], how="EVA Overseas monthly, 2025-01")

s = clean(series(D, "Module", "n-type HJT", "China"))
add(D, "price", "HJT is on our shortlist. Lowest price on record for HJT modules in China?",
    "price", [E(s.base_price.min(), s.unit.iloc[0])], how="Module n-type HJT China, min over whole series")

v, u = in_month(D, "Silver", "Silver", "Overseas", "2024-01", unit="K US$/t")
add(D, "price", "Silver drives cell costs. What was the silver price in January 2024?",
    "price", [E(v, u)], how="Silver Overseas monthly, 2024-01 (unit K US$/t)")

v, d, u = latest(D, "Cell", "n-type TOPCon M10", "Overseas")
add(D, "price", "latest overseas price for n-type TOPCon M10 cells?",
    "price", [E(v, u)], how=f"Cell n-type TOPCon M10 Overseas, latest date {d.date()}")

s = clean(series(D, "Module", "n-type TOPCon", "US"))
add(D, "price", "For comparison with our EU quotes: US n-type TOPCon module prices, max and min over the whole series?",
    "price", [E(s.base_price.max(), s.unit.iloc[0]), E(s.base_price.min(), s.unit.iloc[0])],
    how="Module n-type TOPCon US, max and min over whole series")

# ======================================================================
# REAL instance — financials (synthetic sample financials)
# ======================================================================
vals = {c: fin(c, "FY2024", "Module shipments") for c in COMP}
best = max(vals, key=lambda c: vals[c][0])
add(D, "manufacturer_financial",
    "Supplier due diligence. Of Helios Modules, SunForge, Aurora PV and Nordlicht Solar, who shipped the most modules in FY2024?",
    "financial", [E(vals[best][0], vals[best][1])], [best], how="max FY2024 Module shipments across the four companies")

a, u = fin("SunForge", "FY2023", "Net income")
b, _ = fin("SunForge", "FY2024", "Net income")
add(D, "manufacturer_financial", "SunForge Energy net income FY2023 vs FY2024 — what are the two figures and the change in USD million?",
    "financial", [E(a, u), E(b, u), E(b - a, u)], how="SunForge Net income FY2023, FY2024, difference")

qs = [fin("Helios", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", "Average of Helios Modules' quarterly gross margins across 2024?",
    "financial", [E(sum(qs) / 4, "%")], how="mean of Helios Gross margin 2024-Q1..Q4")

vals = {c: fin(c, "FY2024", "Gross margin")[0] for c in COMP}
order = sorted(vals, key=lambda c: -vals[c])
assert len(set(vals.values())) == 4
add(D, "manufacturer_financial", "Margins tell me who survives the price war. Rank the four manufacturers by FY2024 gross margin, best first.",
    "financial", [E(vals[c], "%") for c in order], order, how="FY2024 Gross margin of the four companies, sorted desc")

# ======================================================================
# REAL instance — follow-up chains
# ======================================================================
v = mv(D, "Belgium", 2023)
add(D, "market", ["How much PV did the Netherlands add in 2023?", "and Belgium?"],
    "follow_up", [E(v, "MW")], how="Belgium 2023 Total Annual")

v = mv(D, "Germany", 2026, scen="high")
add(D, "market", ["What's the most probable forecast for German additions in 2026?", "same for teh high scenario"],
    "follow_up", [E(v, "MW")], how="Germany 2026 Forecast - High Total Annual")

top = rank(D, 2022, n=3)
add(D, "market", ["Top 3 countries for PV installations in 2023?", "And in 2022?"],
    "follow_up", [E(x[1], "MW") for x in top], [x[0] for x in top], how="countries, 2022 Total Annual, top 3")

v, d, u = latest(D, "Module", "n-type TOPCon", "EU")
add(D, "price", ["Latest n-type TOPCon module price in the US?", "and in the EU?"],
    "follow_up", [E(v, u)], how=f"Module n-type TOPCon EU latest {d.date()}")

c, w = mv(D, "India", 2023), mv(D, "World", 2023)
add(D, "market", ["What was China's share of global additions in 2023?", "And India's?"],
    "follow_up", [E(share(c, w), "%")], how="India / World 2023 Total Annual")

s = hist_series(D, "France", y0=2020, y1=2024)
assert len(s) == 5
add(D, "market", ["Italy's average annual installations 2020-2024?", "Now the same for France."],
    "follow_up", [E(s.mean(), "MW")], how="mean of France Total Annual 2020..2024")

y, _ = extreme(hist_series(D, "Italy"))
v = mv(D, "Italy", y, "Cumulative")
add(D, "market", ["Which year was Italy's peak for new installations?", "And what was Italy's installed base at the end of that year?"],
    "follow_up", [E(v, "MW")], [str(y)], how=f"Italy peak Annual year ({y}), Total Cumulative that year")

# ======================================================================
# REAL instance — unanswerable
# ======================================================================
U(D, "market", "What's the LCOE of a utility-scale solar park in Germany in 2024?",
  "LCOE is not held; the data has capacities in MW and component prices only")
U(D, "market", "How much electricity did Spanish PV generate in 2023, in GWh?",
  "generation (GWh) is not held, only installed capacity in MW")
U(D, "market", "We're also looking at a wind farm. How much onshore wind did Germany add in 2024?",
  "wind is not in the data; PV only")
U(D, "market", "Battery storage installations in Italy in 2024, in MW?",
  "storage is not in the data; PV only")
U(D, "market", "The council asks where Germany will stand in 2030. What will Germany's total installed PV base be at the end of 2030 in the most probable scenario?",
  "forecast cumulative values in the real CSV do not include the installed base, so cannot be used")
U(D, "market", "Current feed-in tariff for rooftop PV in France?",
  "tariffs / support levels are not held")
U(D, "market", "The mayor wants a jobs angle for the press release. How many people work in Germany's solar industry?",
  "employment / jobs are not held")
U(D, "market", "Our pension fund also looks at an Africa impact fund. How much PV did Nigeria install in 2024?",
  "Nigeria is not a territory in the data")
U(D, "market", "Just for context on the global outlook. What's the forecast for US PV additions in 2027?",
  "no forecast scenarios exist for the USA; forecasts cover European territories only")
U(D, "price", "Our EPC quote bundles the inverters. What do string inverters cost per Wp right now?",
  "inverters are not a price item in the data")
U(D, "price", "Latest n-type TOPCon module price in India?",
  "no n-type TOPCon module series for India (India only has older p-type series)")
U(D, "price", "What share of a module's price is the polysilicon cost?",
  "a share of a price / cost breakdown is not held; units differ (US$/kg vs US$/Wp)")
U(D, "market", "For the annual report I want a euro figure. What was the market value in EUR of Germany's 2024 PV installations?",
  "market value in money is not held, only MW")
U(D, "price", "Average conversion efficiency of TOPCon modules vs HJT?",
  "efficiency is not held")
U(D, "manufacturer_financial", "We also have a quote from a LONGi distributor. What was LONGi's revenue in 2024?",
  "LONGi is not in the financials; only four synthetic sample companies")
U(D, "manufacturer_financial", "Helios Modules' EBITDA for FY2024?",
  "EBITDA is not a metric in the financials")
U(D, "market", "The grid operator says the queue is long. How many MW of PV are waiting for a grid connection in the Netherlands?",
  "grid-connection queues / pipeline are not held")
U(D, "market", "How much solar thermal collector area was installed in Austria in 2023?",
  "solar thermal is not in the data; PV only")
U(D, "price", "Where will TOPCon module prices be in mid-2026? need it for the business case",
  "prices have no forecasts; the series end in 2025")

# ======================================================================
# SAMPLE instance — market
# ======================================================================
D = "sample"

v = mv(D, "Netherlands", 2022)
add(D, "market", "How much PV did the Netherlands instal in 2022?",
    "lookup", [E(v, "MW")], how="sample: Netherlands 2022 Historical Primary Total Annual")

v = mv(D, "Italy", 2030, "Cumulative", scen="mp")
add(D, "market", "Long-term view for the Italian project. Italy's installed base in 2030 under the most probable scenario?",
    "lookup", [E(v, "MW")], how="sample: Italy 2030 Forecast - Most probable Total Cumulative")

v = mv(D, "Poland", 2024, conn="Centralised")
assert v > 0
add(D, "market", "Polish utility-scale (centralised) additions in 2024 — how many MW?",
    "lookup", [E(v, "MW")], how="sample: Poland 2024 Centralised Annual")

top = rank(D, 2024, n=3)
add(D, "market", "Which three countries added the most PV in 2024?",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top], how="sample: countries (not World) 2024 Total Annual, top 3")

top = rank(D, 2030, "Cumulative", scen="low", n=2)
add(D, "market", "In the low scenario, which two countries will have the largest installed base in 2030?",
    "rank", [E(x[1], "MW") for x in top], [x[0] for x in top], how="sample: countries Forecast - Low Total Cumulative 2030, top 2")

c, w = mv(D, "Spain", 2023), mv(D, "World", 2023)
add(D, "market", "Spain's share of world PV additions in 2023?",
    "share", [E(share(c, w), "%")], how="sample: Spain / World 2023 Total Annual")

c, t = mv(D, "Poland", 2024, conn="Distributed"), mv(D, "Poland", 2024)
add(D, "market", "What percentage of Poland's 2024 installations was distributed?",
    "share", [E(share(c, t), "%")], how="sample: Poland 2024 Distributed / Total Annual")

c, t = mv(D, "Germany", 2027, conn="Centralised", scen="mp"), mv(D, "Germany", 2027, scen="mp")
add(D, "market", "For the solar-park case: what share of Germany's 2027 additions is centralised in the most probable forecast?",
    "share", [E(share(c, t), "%")], how="sample: Germany 2027 Forecast - Most probable Centralised / Total Annual")

a, b = mv(D, "France", 2015), mv(D, "France", 2024)
add(D, "market", "France is said to be slow but steady. What's France's CAGR in annual installations from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], how="sample: France Total Annual 2015 and 2024, CAGR over 9 years")

a, b = mv(D, "Germany", 2022), mv(D, "Germany", 2023)
add(D, "market", "German additions roughly doubled in 2023, I'm told. What was the actual % change vs 2022?",
    "change", [E(pct(a, b), "%")], how="sample: Germany Total Annual 2022 -> 2023")

a, b = mv(D, "Netherlands", 2024, "Cumulative"), mv(D, "Netherlands", 2030, "Cumulative", scen="mp")
add(D, "market", "How many MW will the Dutch installed base grow between end-2024 and 2030, most probable case?",
    "change", [E(b - a, "MW")], how="sample: Netherlands Cumulative 2030 (MP) - 2024 (historical)")

a, b = mv(D, "Italy", 2030, scen="high"), mv(D, "Spain", 2030, scen="high")
add(D, "market", "Two southern candidates for the park. Italy vs Spain, 2030 additions in the high scenario?",
    "compare", [E(a, "MW"), E(b, "MW")], how="sample: Italy, Spain Forecast - High Total Annual 2030")

a, b, c = (mv(D, t, 2024) for t in ("France", "Netherlands", "Poland"))
add(D, "market", "Quick comparison of 2024 installations: France, Netherlands, Poland.",
    "compare", [E(a, "MW"), E(b, "MW"), E(c, "MW")], how="sample: 2024 Total Annual for the three")

s = hist_series(D, "Netherlands")
y, v = extreme(s)
add(D, "market", "Historically, which year was the Dutch market's peak for new installations?",
    "extreme", [E(v, "MW")], [str(y)], how="sample: Netherlands Historical Primary Total Annual max")

df = SAMP_MKT
s = df[(df.Territory == "Italy") & (df.Scenario == SCEN["low"]) & (df.Connection == "Total")
       & (df.Type == "Annual")].set_index("Year")["Capacity(MW)"]
y, v = extreme(s, "min")
add(D, "market", "Low case for Italy: in which forecast year are additions at their lowest?",
    "extreme", [E(v, "MW")], [str(y)], how="sample: Italy Forecast - Low Total Annual 2025-2030 min")

s = hist_series(D, "Spain", y0=2020, y1=2024)
assert len(s) == 5
add(D, "market", "average annual installations in spain 2020-2024?",
    "average", [E(s.mean(), "MW")], how="sample: mean Spain Total Annual 2020..2024")

vals = [mv(D, "Poland", y, scen="high") for y in range(2025, 2031)]
add(D, "market", "Back to Poland. What are Poland's average yearly additions over 2025-2030 in the high scenario?",
    "average", [E(sum(vals) / 6, "MW")], how="sample: mean Poland Forecast - High Total Annual 2025..2030")

vals = [mv(D, t, 2024) for t in ("Germany", "France", "Italy", "Spain", "Netherlands", "Poland")]
add(D, "market", "What did the six European markets in the data add together in 2024?",
    "sum", [E(sum(vals), "MW")], how="sample: sum of the six countries' 2024 Total Annual")

s = hist_series(D, "Italy", conn="Centralised", y0=2022, y1=2024)
assert len(s) == 3
add(D, "market", "Total centralised capacity Italy added 2022-2024?",
    "sum", [E(s.sum(), "MW")], how="sample: sum of Italy Centralised Annual 2022..2024")

y = last_hist(D, "Poland")
v = mv(D, "Poland", y, "Cumulative")
add(D, "market", "What's the most recent historical year for Poland in the data, and the installed base then?",
    "first_latest", [E(v, "MW")], [str(y)], how="sample: Poland last Historical Primary year, Total Cumulative")

s = hist_series(D, "Spain")
add(D, "market", "What's the first year you have data for Spain, and how much was installed that year?",
    "first_latest", [E(s.iloc[0], "MW")], [str(int(s.index[0]))], how="sample: Spain first Historical Primary year, Total Annual")

# ======================================================================
# SAMPLE instance — prices
# ======================================================================
v, u = in_month(D, "Module", "n-type TOPCon", "EU", "2024-03")
add(D, "price", "Tender benchmark needed. n-type TOPCon module price in the EU in March 2024?",
    "price", [E(v, u)], how="sample: Module n-type TOPCon EU 2024-03")

s = clean(series(D, "Polysilicon", "High purity - 9N/9N+", "China"))
y, v = extreme(s.set_index(s.date.dt.strftime("%Y %B"))["base_price"])
add(D, "price", "Highest Chinese polysilicon price (9N) over the series, and which month?",
    "price", [E(v, s.unit.iloc[0])], y.split(), how=f"sample: Polysilicon 9N China max ({y})")

vals = {r: in_month(D, "Module", "p-type mono-Si PERC M10", r, "2024-12") for r in ("China", "EU", "India", "US")}
cheapest = min(vals, key=lambda r: vals[r][0])
dearest = max(vals, key=lambda r: vals[r][0])
add(D, "price", "PERC M10 modules, December 2024: which region was cheapest and which most expensive?",
    "price", [E(vals[cheapest][0], "US$/Wp"), E(vals[dearest][0], "US$/Wp")], [cheapest, dearest],
    how="sample: Module PERC M10 2024-12 across China, EU, India, US; min and max")

a, _ = in_month(D, "Module", "n-type HJT", "EU", "2023-01")
b, _ = in_month(D, "Module", "n-type HJT", "EU", "2024-12")
add(D, "price", "HJT modules in the EU: % change from January 2023 to December 2024?",
    "price", [E(pct(a, b), "%")], how="sample: Module n-type HJT EU 2023-01 -> 2024-12")

s = clean(series(D, "PV glass", "Glass 3,2mm", "EU"))
s24 = s[s.date.dt.year == 2024]
assert len(s24) == 12
add(D, "price", "Glass is a chunky part of module cost. Average 3.2mm PV glass price in the EU over 2024?",
    "price", [E(s24.base_price.mean(), s.unit.iloc[0])], how="sample: mean of Glass 3,2mm EU monthly 2024")

v, d, u = latest(D, "Cell", "n-type TOPCon M10", "China")
add(D, "price", "Latest TOPCon M10 cell price in China?",
    "price", [E(v, u)], how=f"sample: Cell n-type TOPCon M10 China latest {d.date()}")

a, u = in_month(D, "Wafer", "n-type mono-Si M10", "EU", "2024-06")
b, _ = in_month(D, "Wafer", "n-type mono-Si M10", "China", "2024-06")
add(D, "price", "n-type M10 wafers in June 2024: EU vs China, and what's the gap?",
    "price", [E(a, u), E(b, u), E(a - b, u)], how="sample: Wafer n-type M10 EU and China 2024-06, difference")

a, u = in_month(D, "Module", "n-type TOPCon", "US", "2024-12")
b, _ = in_month(D, "Module", "n-type TOPCon", "China", "2024-12")
add(D, "price", "The US market looks pricey. How many times the Chinese price were US TOPCon modules in December 2024?",
    "price", [E(a / b, "x")], how="sample: Module n-type TOPCon US / China 2024-12")

# ======================================================================
# SAMPLE instance — financials
# ======================================================================
v, u = fin("Helios", "FY2024", "Revenue")
add(D, "manufacturer_financial", "Before we shortlist suppliers: what was Helios Modules' revenue in FY2024?",
    "financial", [E(v, u)], how="Helios Revenue FY2024")

v, u = fin("Nordlicht", "2024-Q3", "Gross margin")
add(D, "manufacturer_financial", "Nordlicht Solar is the only European name on our list. What was its gross margin in Q3 2024?",
    "financial", [E(v, u)], how="Nordlicht Gross margin 2024-Q3")

a, u = fin("Aurora", "FY2024", "Production capacity")
b, _ = fin("Helios", "FY2024", "Production capacity")
add(D, "manufacturer_financial", "Compare Aurora PV's and Helios Modules' production capacity for FY2024.",
    "financial", [E(a, u), E(b, u)], how="Aurora, Helios Production capacity FY2024")

qs = {f"2023-Q{i}": fin("Aurora", f"2023-Q{i}", "Net income")[0] for i in range(1, 5)}
qs.update({f"2024-Q{i}": fin("Aurora", f"2024-Q{i}", "Net income")[0] for i in range(1, 5)})
worst = min(qs, key=qs.get)
assert list(qs.values()).count(qs[worst]) == 1
add(D, "manufacturer_financial", "Aurora PV looks like it's weakening. Which was Aurora's weakest quarter for net income across 2023-2024?",
    "financial", [E(qs[worst], "USD million")], [worst[-2:], worst[:4]], how=f"Aurora Net income, min over the 8 quarters ({worst})")

v, u = fin("Aurora", "FY2023", "Revenue")
add(D, "manufacturer_financial", ["SunForge Energy's revenue in FY2023?", "And Aurora's?"],
    "follow_up", [E(v, u)], how="Aurora Revenue FY2023")

# ======================================================================
# SAMPLE instance — follow-up chains
# ======================================================================
s = hist_series(D, "Germany", y0=2015, y1=2024)
y, v = extreme(s)
add(D, "market", ["German annual PV additions 2015-2024?", "as a chart please", "Which year in that chart was the highest?"],
    "follow_up", [E(v, "MW")], [str(y)], how="sample: Germany Total Annual 2015..2024 max")

a, b = mv(D, "Spain", 2015), mv(D, "Spain", 2024)
add(D, "market", ["Poland's CAGR for annual additions 2015-2024?", "and Spain?"],
    "follow_up", [E(cagr(a, b, 9), "%")], how="sample: Spain Total Annual 2015 -> 2024 CAGR, 9 years")

v, u = in_month(D, "Module", "n-type HJT", "India", "2023-12")
add(D, "price", ["HJT module price in India in December 2024?", "and a year earlier?"],
    "follow_up", [E(v, u)], how="sample: Module n-type HJT India 2023-12")

v, u = fin("Nordlicht", "FY2023", "Revenue")
add(D, "manufacturer_financial", ["Helios Modules revenue FY2023?", "And Nordlicht Solar?"],
    "follow_up", [E(v, u)], how="Nordlicht Revenue FY2023")

c, w = mv(D, "France", 2024), mv(D, "World", 2024)
add(D, "market", ["How much did France install in 2024?", "What share of the world market is that?"],
    "follow_up", [E(share(c, w), "%")], how="sample: France / World 2024 Total Annual")

# ======================================================================
# SAMPLE instance — unanswerable
# ======================================================================
U(D, "market", "We would also consider Austria. How much PV did Austria add in 2024?",
  "Austria is not in the sample market data (only DE, FR, IT, NL, PL, ES and World)")
U(D, "market", "Germany's PV additions in 2012?",
  "the sample market data starts in 2015")
U(D, "price", "Polysilicon price in the US, latest?",
  "the sample polysilicon series cover China and EU only")
U(D, "price", "Copper prices in 2024 — average?",
  "copper is not a price item in the sample")
U(D, "price", "Our tender closes in January. What's the n-type TOPCon module price in the EU for January 2025?",
  "the sample price series end in December 2024")
U(D, "manufacturer_financial", "Nordlicht Solar's order backlog at the end of 2024?",
  "order backlog is not a metric in the financials")
U(D, "manufacturer_financial", "Meyer Burger is the one European-made option we're looking at. What was its gross margin in Q2 2024?",
  "Meyer Burger is not in the financials")
U(D, "manufacturer_financial", "Helios Modules revenue in Q4 2022?",
  "the financials start in 2023-Q1")
U(D, "market", ["How much did Italy install in 2024?", "and how many GWh a year will that capacity generate?"],
  "generation in GWh is not held")
U(D, "market", "What's the average household electricity tariff in Germany in ct/kWh?",
  "electricity tariffs are not held")
U(D, "price", "Our EPC wants a turnkey price. What does a complete 10 MW ground-mounted system cost per kWp in Germany?",
  "system / EPC prices are not held, only component prices")


# ======================================================================
# finalise: ids, self-check, write
# ======================================================================
for i, q in enumerate(Q, 1):
    q["id"] = f"{WRITER}-{i:03d}"

ids = [q["id"] for q in Q]
assert len(ids) == len(set(ids)), "ids not unique"
n_unans = sum(not q["answerable"] for q in Q)
n_chains = sum(len(q["turns"]) >= 2 for q in Q)
assert len(Q) >= 110, len(Q)
assert n_unans >= 28, n_unans
assert n_chains >= 12, n_chains
for q in Q:
    if q["answerable"]:
        assert q["expect"] or q["names"], q["id"]
        for e in q["expect"]:
            assert e["value"] == e["value"], q["id"]  # not NaN
    else:
        assert q["why"], q["id"]
    assert q["data"] in ("real", "sample")
    assert q["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                         "first_latest", "price", "financial", "follow_up", "unanswerable"}

with open(HERE / "questions.jsonl", "w", encoding="utf-8") as fh:
    for q in Q:
        fh.write(json.dumps(q, ensure_ascii=False) + "\n")

print("items:", len(Q), " unanswerable:", n_unans, " follow-up chains:", n_chains)
print("per data:", dict(Counter(q["data"] for q in Q)))
print("per agent:", dict(Counter(q["agent"] for q in Q)))
print("per kind:", dict(sorted(Counter(q["kind"] for q in Q).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((q["kind"], q["data"]) for q in Q).items()):
    print(f"  {k:14s} {d:7s} {n}")
import re
ctx = [q for q in Q if re.match(r"^[^?]*?[.:!] +\S", q["turns"][-1])]
print("context-first items (a statement before the question):", len(ctx), "of", len(Q))
