"""Held-out questions, writer `assetmgr` (asset manager, operating PV in ES/IT/US).
Every expected figure is computed from the data files below; nothing is typed by hand."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

W = "assetmgr"
OUT = Path(__file__).with_name("questions.jsonl")
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGG = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
       "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
       "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
       "South Europe", "Southeast Asia", "Southern Africa", "World"}


def load_market(path):
    m = pd.read_csv(path)
    m = m.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not m.duplicated(KEY).any(), "conflicting duplicates"
    return m


MK = {"real": load_market("/work/shared/datasets/market-database-fy.csv"),
      "sample": load_market("/work/main/data/sample/market.csv")}
PR = {"real": pd.read_parquet("/work/shared/datasets/component-prices.parquet"),
      "sample": pd.read_csv("/work/main/data/sample/prices.csv")}
for d in PR.values():
    d["date"] = pd.to_datetime(d["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

SCN = {None: None, "high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


def last_hist(data, terr):
    m = MK[data]
    return int(m[(m.Territory == terr) & (m.Scenario == "Historical Primary")].Year.max())


def v(data, terr, year, typ="Annual", conn="Total", scen=None):
    m = MK[data]
    if scen is None:
        s = "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"
    else:
        s = SCN[scen]
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    m = MK[data]
    r = m[(m.Territory == terr) & (m.Scenario == "Historical Primary") & (m.Connection == conn) & (m.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def ranking(data, year, typ="Annual", conn="Total", n=5):
    m = MK[data]
    r = m[(m.Year == year) & (m.Scenario == "Historical Primary") & (m.Connection == conn) & (m.Type == typ)
          & (~m.Territory.isin(AGG))]
    return r.sort_values("Capacity(MW)", ascending=False)[["Territory", "Capacity(MW)"]].head(n).values.tolist()


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, years):
    return ((b / a) ** (1 / years) - 1) * 100


def ps(data, item, desc, region):
    p = PR[data]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)].sort_values("date")
    assert s.unit.nunique() == 1, (item, desc, region)
    assert len(s) > 0
    return s


def unit(data, item, desc, region):
    return ps(data, item, desc, region).unit.iloc[0]


def latest(data, item, desc, region):
    s = ps(data, item, desc, region)
    r = s[s.date == s.date.max()]
    assert len(r) == 1, ("latest not unique", item, desc, region)
    return float(r.base_price.iloc[0]), r.date.iloc[0]


def month(data, item, desc, region, y, mth):
    s = ps(data, item, desc, region)
    r = s[(s.date.dt.year == y) & (s.date.dt.month == mth)]
    assert len(r) == 1, ("month not unique", item, desc, region, y, mth, len(r))
    return float(r.base_price.iloc[0])


def extreme(data, item, desc, region, fn="min", y0=None, y1=None):
    s = ps(data, item, desc, region)
    if y0:
        s = s[s.date.dt.year >= y0]
    if y1:
        s = s[s.date.dt.year <= y1]
    val = s.base_price.min() if fn == "min" else s.base_price.max()
    dates = s[s.base_price == val].date
    return float(val), dates


def f(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


CO = {"helios": "Helios Modules Ltd (sample)", "sunforge": "SunForge Energy (sample)",
      "aurora": "Aurora PV Group (sample)", "nord": "Nordlicht Solar AG (sample)"}

items = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    it = {"id": f"{W}-{len(items) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns) if isinstance(turns, (list, tuple)) else [turns],
          "answerable": why is None, "kind": kind,
          "expect": [{"value": float(x), "unit": u} for x, u in expect],
          "names": list(names), "how": how}
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
    items.append(it)


MW, P = "MW", "%"
R, S = "real", "sample"

# =====================================================================================
# REAL — market
# =====================================================================================
add(R, "market", "We own ~300 MW of ground-mount in Andalucia. How much PV did Spain install in 2024, in MW?",
    "lookup", [(v(R, "Spain", 2024), MW)], how="Spain 2024 Historical Primary Total Annual")
add(R, "market", "italy installed base at end of 2024?", "lookup",
    [(v(R, "Italy", 2024, "Cumulative"), MW)], how="Italy 2024 Historical Total Cumulative")
add(R, "market", "US centralised (utility-scale) PV added in 2024 — GW please.", "lookup",
    [(v(R, "USA", 2024, conn="Centralised"), MW)], how="USA 2024 Historical Centralised Annual")
add(R, "market", "Spain's centralised fleet at end-2023, how many MW?", "lookup",
    [(v(R, "Spain", 2023, "Cumulative", "Centralised"), MW)], how="Spain 2023 Centralised Cumulative")

top5 = ranking(R, 2024, n=5)
add(R, "market", "Top 5 countries by new PV capacity in 2024, with MW for each.", "rank",
    [(x[1], MW) for x in top5], [x[0] for x in top5], how="2024 Annual Total Historical, countries only, sorted desc")
top3c = ranking(R, 2023, "Cumulative", n=3)
add(R, "market", "Benchmarking our footprint against the biggest fleets: which three countries had the largest "
    "cumulative PV base at end-2023?", "rank", [(x[1], MW) for x in top3c], [x[0] for x in top3c],
    how="2023 Cumulative Total Historical, countries only, top 3")
allr = ranking(R, 2024, n=200)
above_es = [t for t, c in allr if c > v(R, "Spain", 2024)]
add(R, "market", "Which countries added more PV than Spain in 2024?", "rank", [],
    above_es, how="countries with 2024 Annual Total > Spain's 2024 Annual Total")
top3d = ranking(R, 2024, conn="Distributed", n=3)
add(R, "market", "Rooftop angle: top 3 countries for distributed PV additions in 2024?", "rank",
    [(x[1], MW) for x in top3d], [x[0] for x in top3d], how="2024 Annual Distributed Historical, countries only")

add(R, "market", "What share of global 2024 PV additions did Spain account for?", "share",
    [(v(R, "Spain", 2024) / v(R, "World", 2024) * 100, P)], how="Spain 2024 Annual / World 2024 Annual")
add(R, "market", "US share of the world's cumulative PV at end-2024, in %?", "share",
    [(v(R, "USA", 2024, "Cumulative") / v(R, "World", 2024, "Cumulative") * 100, P)],
    how="USA 2024 Cumulative / World 2024 Cumulative")
add(R, "market", "Italy's 2024 market: what % of additions was distributed?", "share",
    [(v(R, "Italy", 2024, conn="Distributed") / v(R, "Italy", 2024) * 100, P)],
    how="Italy 2024 Annual Distributed / Total")
add(R, "market", "Of Spain's installed base at end-2024, what share is centralised?", "share",
    [(v(R, "Spain", 2024, "Cumulative", "Centralised") / v(R, "Spain", 2024, "Cumulative") * 100, P)],
    how="Spain 2024 Cumulative Centralised / Total")
add(R, "market", "China's share of 2024 global installations?", "share",
    [(v(R, "China", 2024) / v(R, "World", 2024) * 100, P)], how="China 2024 Annual / World 2024 Annual")

add(R, "market", "Italian additions 2023 -> 2024, % yoy?", "change",
    [(pct(v(R, "Italy", 2023), v(R, "Italy", 2024)), P)], how="(Italy 2024 - 2023)/2023 Annual Total")
add(R, "market", "We're underwriting a US portfolio. What was the CAGR of the US cumulative fleet from 2019 to 2024?",
    "change", [(cagr(v(R, "USA", 2019, "Cumulative"), v(R, "USA", 2024, "Cumulative"), 5), P)],
    how="USA Cumulative Total 2019->2024, 5 years CAGR")
add(R, "market", "How many times larger is Spain's cumulative PV base at end-2024 than at end-2018?", "change",
    [(v(R, "Spain", 2024, "Cumulative") / v(R, "Spain", 2018, "Cumulative"), "x")],
    how="Spain Cumulative 2024 / 2018")
add(R, "market", "Absolute increase in world PV additions from 2023 to 2024, in GW?", "change",
    [(v(R, "World", 2024) - v(R, "World", 2023), MW)], how="World Annual 2024 - 2023")
add(R, "market", "Italy centralised additions jumped recently — what's the % change 2023 to 2024, and the MW in 2024?",
    "change", [(pct(v(R, "Italy", 2023, conn="Centralised"), v(R, "Italy", 2024, conn="Centralised")), P),
               (v(R, "Italy", 2024, conn="Centralised"), MW)], how="Italy Annual Centralised 2023, 2024")

es24, it24 = v(R, "Spain", 2024), v(R, "Italy", 2024)
add(R, "market", "Spain vs Italy, 2024 additions — both figures, and what's the gap in MW?", "compare",
    [(es24, MW), (it24, MW), (es24 - it24, MW)], how="Spain, Italy 2024 Annual Total; difference")
add(R, "market", "Installed base end-2024 for Spain, Italy and the US — our three markets.", "compare",
    [(v(R, t, 2024, "Cumulative"), MW) for t in ["Spain", "Italy", "USA"]],
    how="2024 Cumulative Total for Spain, Italy, USA")
add(R, "market", "US vs Germany 2024 additions: what multiple is the US of Germany?", "compare",
    [(v(R, "USA", 2024) / v(R, "Germany", 2024), "x")], how="USA 2024 Annual / Germany 2024 Annual")
add(R, "market", "In Italy in 2024, how did distributed compare with centralised additions — ratio of the former to the latter?",
    "compare", [(v(R, "Italy", 2024, conn="Distributed") / v(R, "Italy", 2024, conn="Centralised"), "x")],
    how="Italy 2024 Annual Distributed / Centralised")

s = series(R, "Spain")
add(R, "market", "What was Spain's record year for PV additions, and how much went in that year?", "extreme",
    [(s.max(), MW)], [str(s.idxmax())], how="max of Spain Annual Total Historical over all years")
s = series(R, "Italy")
add(R, "market", "Italy's peak installation year ever? MW too.", "extreme",
    [(s.max(), MW)], [str(s.idxmax())], how="max of Italy Annual Total Historical over all years")
s = series(R, "USA", conn="Centralised", y0=2015, y1=2024)
add(R, "market", "Between 2015 and 2024, which was the weakest year for US centralised additions?", "extreme",
    [(s.min(), MW)], [str(s.idxmin())], how="min USA Annual Centralised 2015-2024")
s = series(R, "USA", conn="Distributed")
add(R, "market", "In which year did the US add the most distributed PV?", "extreme",
    [(s.max(), MW)], [str(s.idxmax())], how="max USA Annual Distributed Historical")

s = series(R, "Spain", y0=2019, y1=2024)
add(R, "market", "Average annual PV additions in Spain over 2019-2024?", "average",
    [(s.mean(), MW)], how="mean Spain Annual Total 2019..2024 (6 years)")
s = series(R, "USA", y0=2020, y1=2024)
add(R, "market", "For our US pipeline model: mean yearly US installs 2020–2024, GW?", "average",
    [(s.mean(), MW)], how="mean USA Annual Total 2020..2024")

s = series(R, "Italy", y0=2022, y1=2024)
add(R, "market", "How much did Italy install in total over 2022, 2023 and 2024 combined?", "sum",
    [(s.sum(), MW)], how="sum Italy Annual Total 2022..2024")
add(R, "market", "Combined 2024 additions across Spain, Italy and the USA?", "sum",
    [(sum(v(R, t, 2024) for t in ["Spain", "Italy", "USA"]), MW)], how="sum of 2024 Annual Total ES+IT+USA")

s = series(R, "Spain")
fy = int(s[s > 5000].index.min())
add(R, "market", "First year Spain's annual additions went above 5 GW?", "first_latest",
    [(s[fy], MW)], [str(fy)], how="earliest year with Spain Annual Total > 5000 MW")
s = series(R, "USA")
fy = int(s[s > 10000].index.min())
add(R, "market", "When did the US first install more than 10 GW in a single year?", "first_latest",
    [(s[fy], MW)], [str(fy)], how="earliest year with USA Annual Total > 10000 MW")
ly = last_hist(R, "Italy")
add(R, "market", "What's the latest historical year you hold for Italy and the additions that year?", "first_latest",
    [(v(R, "Italy", ly), MW)], [str(ly)], how="Italy last Historical Primary year, Annual Total")

hi, lo = v(R, "Spain", 2030, scen="high"), v(R, "Spain", 2030, scen="low")
add(R, "market", "Spain 2030 additions: high vs low scenario, and what's the spread between them?", "compare",
    [(hi, MW), (lo, MW), (hi - lo, MW)], how="Spain 2030 Annual Forecast High, Low; difference")
add(R, "market", "Italy's 2027 additions in the high scenario?", "lookup",
    [(v(R, "Italy", 2027, scen="high"), MW)], how="Italy 2027 Annual Forecast - High")
add(R, "market", "Implied CAGR of Spain's annual additions from 2024 actual to 2030 most probable?", "change",
    [(cagr(v(R, "Spain", 2024), v(R, "Spain", 2030), 6), P)],
    how="Spain Annual 2024 Historical -> 2030 Forecast MP, 6 years")
add(R, "market", "Sum of Italy's forecast annual additions 2025-2030, most probable case?", "sum",
    [(sum(v(R, "Italy", y) for y in range(2025, 2031)), MW)], how="sum Italy Annual Forecast MP 2025..2030")

# follow-up chains, real market
add(R, "market", ["How much did Spain add in 2024?", "and Italy, same basis?"], "follow_up",
    [(v(R, "Italy", 2024), MW)], how="Italy 2024 Annual Total Historical")
add(R, "market", ["Italy's installed base at end-2024?", "what about the US?"], "follow_up",
    [(v(R, "USA", 2024, "Cumulative"), MW)], how="USA 2024 Cumulative Total")
add(R, "market", ["Spain's 2028 additions, most probable scenario?", "same for the high scenario"], "follow_up",
    [(v(R, "Spain", 2028, scen="high"), MW)], how="Spain 2028 Annual Forecast - High")
t22 = ranking(R, 2022, n=5)
add(R, "market", ["Top 5 countries by PV added in 2024?", "what about 2022?"], "follow_up",
    [(x[1], MW) for x in t22], [x[0] for x in t22], how="2022 Annual Total, countries only, top 5")
add(R, "market", ["What share of US 2024 additions was centralised?", "and for Spain, same year?"], "follow_up",
    [(v(R, "Spain", 2024, conn="Centralised") / v(R, "Spain", 2024) * 100, P)],
    how="Spain 2024 Annual Centralised / Total")
add(R, "market", ["CAGR of Italy's cumulative capacity 2019-2024?", "Same basis for Spain."], "follow_up",
    [(cagr(v(R, "Spain", 2019, "Cumulative"), v(R, "Spain", 2024, "Cumulative"), 5), P)],
    how="Spain Cumulative 2019->2024 CAGR")
add(R, "market", ["US additions in 2023?", "and 2024?", "so what's the growth between the two, in %?"], "follow_up",
    [(pct(v(R, "USA", 2023), v(R, "USA", 2024)), P)], how="USA Annual 2023->2024 % change")

# =====================================================================================
# REAL — prices
# =====================================================================================
def pr_add(data, turns, kind, expect, names=(), how=""):
    add(data, "price", turns, kind, expect, names, how)


x, dt = latest(R, "Module", "n-type TOPCon", "EU")
pr_add(R, "Latest n-type TOPCon module price in the EU?", "price",
       [(x, unit(R, "Module", "n-type TOPCon", "EU"))], how=f"Module n-type TOPCon EU, newest date {dt.date()}")
x, dt = latest(R, "Module", "n-type HJT", "US")
pr_add(R, "We're repowering a Texas site and pricing HJT. Latest n-type HJT module price in the US?", "price",
       [(x, "US$/Wp")], how=f"Module n-type HJT US newest {dt.date()}")
a, _ = latest(R, "Module", "n-type TOPCon", "US")
b, _ = latest(R, "Module", "n-type TOPCon", "China")
pr_add(R, "TOPCon modules: latest US price vs China, and the US premium in US$/Wp?", "price",
       [(a, "US$/Wp"), (b, "US$/Wp"), (a - b, "US$/Wp")], how="Module n-type TOPCon US, China latest; difference")
mn, dts = extreme(R, "Polysilicon", "High purity - 9N/9N+", "Overseas", "min")
mx, dtx = extreme(R, "Polysilicon", "High purity - 9N/9N+", "Overseas", "max")
pr_add(R, "High-purity 9N polysilicon outside China: lowest and highest price over the whole series?", "price",
       [(mn, "US$/kg"), (mx, "US$/kg")], how="Polysilicon High purity 9N/9N+ Overseas min and max over all dates")
x = month(R, "Copper", "Copper", "Overseas", 2024, 3)
pr_add(R, "Copper price in March 2024?", "price", [(x, "US$/t")], how="Copper Overseas monthly obs 2024-03")
a, b = month(R, "Aluminium", "Aluminium", "Overseas", 2024, 1), month(R, "Aluminium", "Aluminium", "Overseas", 2025, 1)
pr_add(R, "Aluminium for frames/racking — % change Jan 2024 to Jan 2025?", "price",
       [(pct(a, b), P)], how="Aluminium Overseas 2024-01 vs 2025-01")
x, dt = latest(R, "Cell", "n-type TOPCon M10", "Overseas")
pr_add(R, "most recent n-type TOPCon M10 cell price, overseas market", "price", [(x, "US$/Wp")],
       how=f"Cell n-type TOPCon M10 Overseas newest {dt.date()}")
mx, dts = extreme(R, "Module", "p-type mono-Si PERC M10", "EU", "max")
assert dts.dt.to_period("M").nunique() == 1
pr_add(R, "Peak p-type PERC M10 module price in the EU, and when?", "price", [(mx, "US$/Wp")],
       [dts.iloc[0].strftime("%B"), str(dts.iloc[0].year)],
       how="Module p-type mono-Si PERC M10 EU max over series; all max dates fall in one month")
x, dt = latest(R, "Wafer", "n-type mono-Si M10", "Overseas")
pr_add(R, "Latest n-type M10 wafer price (overseas)?", "price", [(x, "US$/pce")],
       how=f"Wafer n-type mono-Si M10 Overseas newest {dt.date()}")
regs = ["China", "EU", "US"]
lat = {r: latest(R, "Module", "n-type TOPCon", r)[0] for r in regs}
cheap = min(lat, key=lat.get)
pr_add(R, "Across China, the EU and the US, where is n-type TOPCon module cheapest on the latest print, and at what price?",
       "price", [(lat[cheap], "US$/Wp")], [cheap], how="Module n-type TOPCon latest in China/EU/US, min")
x, dt = latest(R, "EVA", "EVA", "Overseas")
pr_add(R, "EVA encapsulant — latest price you have?", "price", [(x, "US$/t")], how=f"EVA Overseas newest {dt.date()}")
s = ps(R, "Module", "n-type TOPCon", "China")
assert (s.date == s.date.min()).sum() == 1
first = float(s.iloc[0].base_price)
last, _ = latest(R, "Module", "n-type TOPCon", "China")
pr_add(R, "How far has the Chinese n-type TOPCon module price fallen from the first observation to the latest, in %?",
       "price", [(pct(first, last), P)], how="Module n-type TOPCon China first vs newest date")
s = ps(R, "Copper", "Copper", "Overseas")
s24 = s[s.date.dt.year == 2024]
assert len(s24) == 12
pr_add(R, "Average monthly copper price over 2024?", "price", [(s24.base_price.mean(), "US$/t")],
       how="mean of Copper Overseas monthly obs in 2024 (12)")
a, _ = latest(R, "Module", "n-type TOPCon", "EU")
b, _ = latest(R, "Module", "n-type TOPCon", "US")
pr_add(R, ["latest TOPCon module price in the EU?", "and the US?", "what's the spread between the two — US minus EU?"],
       "follow_up", [(b - a, "US$/Wp")], how="Module n-type TOPCon latest US - EU")
a, da = latest(R, "Module", "n-type HJT", "EU")
b, db = latest(R, "Module", "n-type HJT", "US")
assert da == db
pr_add(R, ["HJT module, EU, latest price?", "same basis for the US — and what premium does the latter carry over the former, in %?"],
       "follow_up", [(b, "US$/Wp"), (pct(a, b), P)], how="Module n-type HJT US vs EU latest (same date); (US-EU)/EU")

# =====================================================================================
# Financials (sample file; on real instance)
# =====================================================================================
def fin(data, turns, kind, expect, names=(), how=""):
    add(data, "manufacturer_financial", turns, kind, expect, names, how)


x, u = f(CO["helios"], "FY2024", "Revenue")
fin(R, "Helios Modules FY2024 revenue?", "financial", [(x, u)], how="Helios FY2024 Revenue")
a, _ = f(CO["helios"], "FY2023", "Net income")
b, _ = f(CO["helios"], "FY2024", "Net income")
fin(R, "One of our module suppliers is Helios. How much did their net income drop FY2023 to FY2024, in %?",
    "financial", [(pct(a, b), P)], how="Helios Net income FY2023 -> FY2024 % change")
gm = {k: f(c, "2024-Q4", "Gross margin")[0] for k, c in CO.items()}
best = max(gm, key=gm.get)
fin(R, "Which of the manufacturers had the highest gross margin in Q4 2024?", "financial",
    [(gm[best], P)], [CO[best].split(" (")[0].split()[0]], how="max Gross margin 2024-Q4 across companies")
a, _ = f(CO["aurora"], "2023-Q1", "Production capacity")
b, _ = f(CO["aurora"], "2024-Q4", "Production capacity")
fin(R, "Aurora PV's production capacity growth from Q1 2023 to Q4 2024, %?", "financial",
    [(pct(a, b), P)], how="Aurora Production capacity 2023-Q1 -> 2024-Q4 %")
x, u = f(CO["nord"], "FY2024", "Revenue")
fin(R, ["SunForge revenue for FY2024?", "and Nordlicht, same basis?"], "follow_up", [(x, u)],
    how="Nordlicht FY2024 Revenue")

# =====================================================================================
# REAL — unanswerable
# =====================================================================================
def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", why=why)


un(R, "market", "How much wind capacity did Spain add in 2024? We're looking at hybridising two sites.",
   "wind capacity not in the data (PV only)")
un(R, "market", "Italy's installed battery storage at end-2024, in MW/MWh?", "storage not in the data")
un(R, "market", "What's the LCOE of utility-scale PV in Spain these days, EUR/MWh?", "LCOE not held")
un(R, "market", "How many GWh did Italian PV generate in 2023?", "generation (GWh) not held")
un(R, "market", "Average capacity factor for Spanish solar farms in 2024?", "capacity factors not held")
un(R, "market", "US PV additions forecast for 2027, most probable case?",
   "no forecast scenarios for the USA in the data")
un(R, "market", "Spain's cumulative installed base in 2030 under the most probable scenario?",
   "forecast cumulative in the real CSV excludes the installed base; not a valid figure")
un(R, "market", "Italy total fleet at end-2028, high case — GW?",
   "forecast cumulative in the real CSV excludes the installed base")
un(R, "market", "How much PV was installed in Texas in 2024?", "sub-national (state) data not held")
un(R, "market", "Sicily's share of Italy's 2024 additions?", "regional (Sicily) data not held")
un(R, "market", "World PV additions forecast for 2035?", "years beyond 2030 not in the data")
un(R, "market", "PPA price levels for Spanish solar in 2024, EUR/MWh?", "PPA/electricity prices not held")
un(R, "market", "Curtailment rate for PV in Spain last year, %?", "curtailment not held")
un(R, "price", "Latest central inverter price, US$/W?", "inverter prices not in the price data")
un(R, "price", "Module prices in Brazil, latest TOPCon print?", "Brazil is not a price region")
un(R, "price", "What was the mono PERC module price in 2017?", "price series start in 2019")
un(R, "price", "What share of the TOPCon module price is polysilicon cost?", "a share of a price is not computable from the data")
un(R, "manufacturer_financial", "First Solar's FY2024 revenue?", "First Solar not in the financials")
un(R, "manufacturer_financial", "Helios EBITDA for FY2024?", "EBITDA not among the metrics")
un(R, "market", ["Spain installed how much in 2024?", "and the market value of that in EUR?"],
   "market value in EUR not held")

# =====================================================================================
# SAMPLE — market
# =====================================================================================
add(S, "market", "How much PV did Spain add in 2024?", "lookup", [(v(S, "Spain", 2024), MW)],
    how="sample Spain 2024 Annual Total")
add(S, "market", "Italian cumulative PV at end of 2024, GW?", "lookup",
    [(v(S, "Italy", 2024, "Cumulative"), MW)], how="sample Italy 2024 Cumulative Total")
add(S, "market", "Italy centralised additions in 2023?", "lookup",
    [(v(S, "Italy", 2023, conn="Centralised"), MW)], how="sample Italy 2023 Annual Centralised")
t3 = ranking(S, 2024, n=3)
add(S, "market", "Top 3 countries by 2024 installations?", "rank", [(x[1], MW) for x in t3], [x[0] for x in t3],
    how="sample 2024 Annual Total countries only, top 3")
add(S, "market", "Spain's share of world additions in 2024?", "share",
    [(v(S, "Spain", 2024) / v(S, "World", 2024) * 100, P)], how="sample Spain/World 2024 Annual")
add(S, "market", "What % of Italy's 2024 additions were distributed?", "share",
    [(v(S, "Italy", 2024, conn="Distributed") / v(S, "Italy", 2024) * 100, P)],
    how="sample Italy 2024 Annual Distributed/Total")
add(S, "market", "CAGR of Spain's installed base 2019-2024?", "change",
    [(cagr(v(S, "Spain", 2019, "Cumulative"), v(S, "Spain", 2024, "Cumulative"), 5), P)],
    how="sample Spain Cumulative 2019->2024 CAGR")
add(S, "market", "German additions 2022 to 2023: % change?", "change",
    [(pct(v(S, "Germany", 2022), v(S, "Germany", 2023)), P)], how="sample Germany Annual 2022->2023")
add(S, "market", "Spain vs Italy 2030 additions, most probable — and which is larger by how much?", "compare",
    [(v(S, "Spain", 2030), MW), (v(S, "Italy", 2030), MW), (v(S, "Spain", 2030) - v(S, "Italy", 2030), MW)],
    ["Spain" if v(S, "Spain", 2030) > v(S, "Italy", 2030) else "Italy"],
    how="sample 2030 Annual Forecast MP Spain, Italy; difference")
s = series(S, "Netherlands", y1=2024)
add(S, "market", "Dutch market peak year historically (up to 2024)?", "extreme", [(s.max(), MW)], [str(s.idxmax())],
    how="sample Netherlands Annual Total Historical max")
s = series(S, "Poland", y0=2020, y1=2024)
add(S, "market", "Poland: average annual additions 2020-24?", "average", [(s.mean(), MW)],
    how="sample Poland Annual Total mean 2020..2024")
add(S, "market", "Spain plus Italy, combined 2024 additions?", "sum",
    [(v(S, "Spain", 2024) + v(S, "Italy", 2024), MW)], how="sample Spain+Italy 2024 Annual")
s = series(S, "Poland")
fy = int(s[s > 2000].index.min())
add(S, "market", "First year Poland added over 2,000 MW?", "first_latest", [(s[fy], MW)], [str(fy)],
    how="sample earliest Poland Annual Total > 2000")
add(S, "market", "Spain's total installed capacity at the end of 2030, most probable scenario?", "lookup",
    [(v(S, "Spain", 2030, "Cumulative"), MW)], how="sample Spain 2030 Cumulative Forecast MP")
hi, lo = v(S, "Italy", 2030, scen="high"), v(S, "Italy", 2030, scen="low")
add(S, "market", "Italy 2030 additions — spread between high and low scenarios?", "compare",
    [(hi - lo, MW)], how="sample Italy 2030 Annual High - Low")
add(S, "market", "Germany's fleet grew how many times over from end-2015 to end-2024?", "change",
    [(v(S, "Germany", 2024, "Cumulative") / v(S, "Germany", 2015, "Cumulative"), "x")],
    how="sample Germany Cumulative 2024/2015")
s = series(S, "France", y0=2020, y1=2024)
add(S, "market", "Total French additions 2020 through 2024?", "sum", [(s.sum(), MW)],
    how="sample France Annual Total sum 2020..2024")
# sample follow-ups
add(S, "market", ["Spain additions in 2024?", "and France?"], "follow_up", [(v(S, "France", 2024), MW)],
    how="sample France 2024 Annual Total")
add(S, "market", ["Italy 2030 additions, most probable?", "same for the low scenario"], "follow_up",
    [(v(S, "Italy", 2030, scen="low"), MW)], how="sample Italy 2030 Annual Forecast Low")
add(S, "market", ["Germany's share of world installations in 2023?", "what about 2024?"], "follow_up",
    [(v(S, "Germany", 2024) / v(S, "World", 2024) * 100, P)], how="sample Germany/World 2024 Annual")
cs = sorted([(t, v(S, t, 2030, "Cumulative", scen="high")) for t in MK[S].Territory.unique() if t not in AGG],
            key=lambda z: -z[1])[:3]
add(S, "market", ["Rank the countries by cumulative capacity at end-2024, top 3.",
                  "and in 2030 under the high scenario?"], "follow_up",
    [(c, MW) for _, c in cs], [t for t, _ in cs], how="sample 2030 Cumulative Forecast High, countries, top 3")

# =====================================================================================
# SAMPLE — prices
# =====================================================================================
pr_add(S, "n-type TOPCon module price in the EU, December 2024?", "price",
       [(month(S, "Module", "n-type TOPCon", "EU", 2024, 12), "US$/Wp")], how="sample Module TOPCon EU 2024-12")
x, dt = latest(S, "Module", "n-type TOPCon", "China")
pr_add(S, "Latest TOPCon module price in China?", "price", [(x, "US$/Wp")], how=f"sample Module TOPCon China {dt.date()}")
lat = {r: latest(S, "Module", "n-type HJT", r)[0] for r in ["China", "EU", "India", "US"]}
cheap = min(lat, key=lat.get)
pr_add(S, "Which region has the cheapest HJT modules on the latest data point?", "price", [(lat[cheap], "US$/Wp")],
       [cheap], how="sample Module n-type HJT latest min across regions")
mn, dts = extreme(S, "Polysilicon", "High purity - 9N/9N+", "China", "min")
pr_add(S, "Polysilicon (9N, China): low point over the series, and which month?", "price", [(mn, "US$/kg")],
       [dts.iloc[0].strftime("%B"), str(dts.iloc[0].year)], how="sample Polysilicon China min, date")
a = month(S, "Wafer", "n-type mono-Si M10", "China", 2023, 1)
b = month(S, "Wafer", "n-type mono-Si M10", "China", 2024, 12)
pr_add(S, "n-type M10 wafers in China: % change from Jan 2023 to Dec 2024?", "price", [(pct(a, b), P)],
       how="sample Wafer n-type M10 China 2023-01 vs 2024-12")
s = ps(S, "PV glass", "Glass 3,2mm", "EU")
s = s[s.date.dt.year == 2024]
pr_add(S, "Average 3.2mm glass price in the EU across 2024?", "price", [(s.base_price.mean(), "US$/m²")],
       how="sample PV glass 3,2mm EU mean of 12 monthly obs 2024")
a, _ = latest(S, "Cell", "p-type mono-Si PERC M10", "EU")
b, _ = latest(S, "Cell", "p-type mono-Si PERC M10", "China")
pr_add(S, "PERC M10 cells: latest EU vs China price and the spread?", "price",
       [(a, "US$/Wp"), (b, "US$/Wp"), (a - b, "US$/Wp")], how="sample Cell PERC M10 EU, China latest; difference")
a, _ = latest(S, "Module", "n-type TOPCon", "US")
b, _ = latest(S, "Module", "p-type mono-Si PERC M10", "US")
pr_add(S, "In the US, TOPCon vs PERC M10 modules on the latest print — what premium does TOPCon carry, in %?", "price",
       [(pct(b, a), P)], how="sample Module US latest TOPCon vs PERC M10, (T-P)/P")
mx, dts = extreme(S, "Module", "n-type TOPCon", "India", "max")
pr_add(S, "Highest TOPCon module price seen in India in the data?", "price", [(mx, "US$/Wp")],
       how="sample Module TOPCon India max")
pr_add(S, "9N polysilicon in the EU, March 2024 price?", "price",
       [(month(S, "Polysilicon", "High purity - 9N/9N+", "EU", 2024, 3), "US$/kg")], how="sample Polysilicon EU 2024-03")
a = month(S, "Module", "p-type mono-Si PERC M10", "China", 2024, 6)
b = month(S, "Module", "p-type mono-Si PERC M10", "EU", 2024, 6)
pr_add(S, ["PERC M10 module price in China, June 2024?", "and the EU, same month?",
           "what's the EU premium over China in %?"], "follow_up", [(pct(a, b), P)],
       how="sample Module PERC M10 2024-06 EU vs China %")
x, _ = latest(S, "Cell", "n-type TOPCon M10", "EU")
pr_add(S, ["Latest TOPCon M10 cell price in China?", "same for the EU"], "follow_up", [(x, "US$/Wp")],
       how="sample Cell TOPCon M10 EU latest")

# =====================================================================================
# SAMPLE — financials
# =====================================================================================
x, u = f(CO["nord"], "FY2024", "Module shipments")
fin(S, "Nordlicht Solar FY2024 module shipments?", "financial", [(x, u)], how="Nordlicht FY2024 Module shipments")
tot = sum(f(c, "FY2024", "Module shipments")[0] for c in CO.values())
fin(S, "Combined FY2024 module shipments across all four manufacturers, GW?", "financial", [(tot, "GW")],
    how="sum FY2024 Module shipments, 4 companies")
x, u = f(CO["sunforge"], "2024-Q3", "Gross margin")
fin(S, "SunForge gross margin in Q3 2024?", "financial", [(x, u)], how="SunForge 2024-Q3 Gross margin")
r, _ = f(CO["helios"], "FY2024", "Revenue")
sh, _ = f(CO["helios"], "FY2024", "Module shipments")
fin(S, "Helios FY2024 revenue and shipments — and what does that imply in revenue per GW shipped?", "financial",
    [(r, "USD million"), (sh, "GW"), (r / sh, "USD million/GW")], how="Helios FY2024 Revenue / Module shipments")
q = [f(CO["aurora"], f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
fin(S, "Aurora PV's average quarterly revenue in 2024?", "financial", [(sum(q) / 4, "USD million")],
    how="mean Aurora Revenue 2024-Q1..Q4")
qs = {f"{y}-Q{i}": f(CO["helios"], f"{y}-Q{i}", "Net income")[0] for y in (2023, 2024) for i in range(1, 5)}
lo = min(qs, key=qs.get)
fin(S, "Helios' weakest quarter for net income?", "financial", [(qs[lo], "USD million")], [lo],
    how="min Helios quarterly Net income")
a, _ = f(CO["helios"], "FY2023", "Net income")
b, _ = f(CO["sunforge"], "FY2023", "Net income")
fin(S, "Helios vs SunForge FY2023 net income?", "financial", [(a, "USD million"), (b, "USD million")],
    how="FY2023 Net income Helios, SunForge")
x, u = f(CO["helios"], "FY2024", "Gross margin")
fin(S, ["Helios gross margin FY2023?", "and FY2024?"], "follow_up", [(x, u)], how="Helios FY2024 Gross margin")

# =====================================================================================
# SAMPLE — unanswerable
# =====================================================================================
un(S, "market", "How much PV did the US install in 2024?", "USA not in the sample market data")
un(S, "market", "Spain's PV additions in 2012?", "sample market data starts in 2015")
un(S, "market", "Italy's solar thermal (CSP) capacity?", "solar thermal not in the data")
un(S, "market", "How many jobs does Spain's PV sector employ?", "jobs not held")
un(S, "price", "Module price in Australia, latest?", "Australia is not a region in the sample prices")
un(S, "price", "Latest silver price? We're tracking paste costs.", "silver not in the sample prices")
un(S, "price", "Polysilicon price in India, Dec 2024?", "no India polysilicon series in the sample")
un(S, "price", "Average efficiency of TOPCon modules on the market today?", "efficiency not held")
un(S, "manufacturer_financial", "Helios revenue in FY2022?", "FY2022 not in the financials")
un(S, "manufacturer_financial", "SunForge's capex in 2024?", "capex not among the metrics")
un(S, "market", ["Germany's 2024 additions?", "and how much of that was paired with batteries?"],
   "storage pairing not held")
un(S, "price", "Feed-in tariff level for Italian rooftop PV?", "tariffs not held")

# =====================================================================================
# context sentences put in front of the first turn (persona voice; no expected figures)
# =====================================================================================
CTX = {
    4: "Our Spanish assets are all centralised, so I care about the ground-mount base.",
    5: "Quarterly LP letter, need the global picture.",
    7: "Checking where Spain sits in the league table.",
    9: "IC memo draft for a Spanish add-on acquisition.",
    10: "We have ~450 MWdc in the US.",
    11: "Thinking about whether to add C&I rooftop in Italy to the fund.",
    14: "Our Italian portfolio is in Puglia and Lazio.",
    17: "Writing the market section of our annual report.",
    19: "Two of our core markets.",
    21: "Curious how the US stacks up vs Europe's biggest market.",
    23: "Cannibalisation worries in Spain are all about the build-out pace.",
    24: "For context on the Conto Energia era assets we hold.",
    27: "Sizing a 2025 base case for Spanish new-build.",
    29: "We're seeing a lot more Italian competition for grid slots.",
    30: "Fund-level view across our three markets.",
    32: "Background for a US refinancing deck.",
    34: "Stress-testing merchant capture in Spain against the build-out.",
    35: "Our Italian pipeline is ~120 MW for 2027 COD.",
    36: "Building the merchant-tail case for our Spanish book.",
    37: "Forward look on Italian competition.",
    45: "Our capex model still uses 11 c/W for modules — checking how stale that is.",
    47: "Repowering budget: we're choosing between importing and domestic content.",
    48: "Looking at upstream exposure through our supply agreements.",
    50: "Racking and frames price pass-through clauses.",
    53: "Tracking the value chain from wafer up.",
    55: "Backsheet/encapsulant replacement budget for O&M.",
    56: "We bought modules at 26 c/W in 2022, ouch.",
    57: "O&M contract has a copper indexation clause.",
    60: "Counterparty review of our module suppliers.",
    63: "Supplier capacity check before a 200 MW order.",
    85: "Quick one on Spain, where we hold most of our MW.",
    88: "Benchmarking our European footprint.",
    91: "For the Spanish valuation deck.",
    93: "Trying to frame the 2030 pipeline across our two EU markets.",
    95: "Screening Poland as a new market for the fund.",
    98: "Long-term cannibalisation view.",
    100: "Growth-since-base-year slide for the LPs.",
    106: "Our EPC quote came in at 12 c/W for modules.",
    108: "Sourcing for a repowering in Italy.",
    110: "Checking upstream deflation for a warranty claim.",
    111: "Glass breakage replacements on one Spanish site.",
    113: "US repowering: tech choice.",
    118: "Due diligence on a smaller supplier.",
    121: "Supplier health check.",
    70: "Our US platform is raising for a 2027 build programme.",
    80: "Looking back at what we paid for our oldest Italian plants.",
    130: "Half our O&M spares are sourced via an Australian distributor.",
    123: "Credit check on Helios ahead of a framework agreement.",
}
for it in items:
    n = int(it["id"].split("-")[1])
    if n in CTX:
        t = it["turns"][0]
        it["turns"][0] = CTX[n] + " " + t[0].upper() + t[1:]

# =====================================================================================
# self-check
# =====================================================================================
ids = [i["id"] for i in items]
assert len(ids) == len(set(ids))
n_un = sum(not i["answerable"] for i in items)
n_chain = sum(len(i["turns"]) > 1 for i in items)
assert len(items) >= 110, len(items)
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
for i in items:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i["why"]
with OUT.open("w") as fh:
    for i in items:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")
print("total", len(items), "answerable", len(items) - n_un, "unanswerable", n_un, "multi-turn", n_chain)
print("by data", dict(Counter(i["data"] for i in items)))
print("by agent", dict(Counter(i["agent"] for i in items)))
print("by kind", dict(Counter(i["kind"] for i in items)))
print("by kind x data", dict(Counter((i["kind"], i["data"]) for i in items)))
