"""Writer `vc` (climate-tech VC associate). Computes every expected figure from the data
files named in bench/corpus/BRIEF.md and writes questions.jsonl next to this script."""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

# ---------------------------------------------------------------- data
RM = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates(KEY)
SM = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates(KEY)
RP = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SP = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MK = {"real": RM, "sample": SM}
PR = {"real": RP, "sample": SP}

AGGREGATES = {
    "World", "Asia", "East Asia", "Europe", "America", "EU", "South Asia", "North America",
    "Central Europe", "South Europe", "RoW", "South America", "East Europe", "ASEAN",
    "Southeast Asia", "North Europe", "Middle East", "Oceania", "Africa", "Central America",
    "Central Asia", "Eurasia", "North Africa", "Southern Africa",
}
SCN = {None: "Forecast - Most probable", "mp": "Forecast - Most probable",
       "high": "Forecast - High", "low": "Forecast - Low"}


def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MK[data]
    sc = "Historical Primary" if year <= last_hist(df, terr) else SCN[scen]
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == sc)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, sc, len(r))
    v = float(r["Capacity(MW)"].iloc[0])
    assert v == v
    return v


def series(data, terr, y0, y1, **kw):
    return [mv(data, terr, y, **kw) for y in range(y0, y1 + 1)]


def ranking(data, year, typ="Annual", conn="Total", n=5):
    df = MK[data]
    r = df[(df.Year == year) & (df.Scenario == "Historical Primary") & (df.Connection == conn)
           & (df.Type == typ) & (~df.Territory.isin(AGGREGATES))]
    r = r.sort_values("Capacity(MW)", ascending=False).head(n)
    return list(r.Territory), [float(x) for x in r["Capacity(MW)"]]


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, years):
    return ((b / a) ** (1 / years) - 1) * 100


def ps(data, item, desc, region, unit=None):
    df = PR[data]
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit:
        s = s[s.unit == unit]
    s = s.sort_values("date")
    # only series with one price per date are used (duplicates, if any, must agree)
    assert s.groupby("date").base_price.nunique().max() == 1, (item, desc, region)
    s = s.drop_duplicates("date")
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    return s


def p_latest(data, item, desc, region, unit=None):
    s = ps(data, item, desc, region, unit)
    return float(s.base_price.iloc[-1]), s.date.iloc[-1], s.unit.iloc[0]


def p_month(data, item, desc, region, ym, unit=None):
    s = ps(data, item, desc, region, unit)
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (item, desc, region, ym, len(r))
    return float(r.base_price.iloc[0]), s.unit.iloc[0]


def p_window(data, item, desc, region, start=None, end=None, unit=None):
    s = ps(data, item, desc, region, unit)
    if start:
        s = s[s.date >= start]
    if end:
        s = s[s.date <= end]
    assert len(s) > 0
    return s


def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
COS = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- items
ITEMS = []


def E(v, u):
    return {"value": float(v), "unit": u}


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"vc-{len(ITEMS) + 1:03d}", "writer": "vc", "data": data, "agent": agent,
          "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": list(expect), "names": list(names), "how": how}
    if why is not None:
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
        it["why"] = why
    ITEMS.append(it)


def no(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", how=how, why=why)


MW = "MW"
PCT = "%"

# ================================================================ REAL — market
R = "real"
v = mv(R, "Brazil", 2024)
add(R, "market", "screening a tracker co w/ heavy LatAm exposure. Brazil annual adds 2024, MW?",
    "lookup", [E(v, MW)], how="Brazil 2024 Historical Primary Total Annual")

v = mv(R, "USA", 2024, "Cumulative")
add(R, "market", "Sizing O&M software TAM off the fleet. US installed base end-2024?", "lookup", [E(v, MW)],
    how="USA 2024 Historical Primary Total Cumulative")

v = mv(R, "Pakistan", 2024)
add(R, "market", "Hearing crazy things about Pakistan imports of chinese panels. how many MW did pakistan actually install in 2024?",
    "lookup", [E(v, MW)], how="Pakistan 2024 Historical Primary Total Annual")

v = mv(R, "India", 2024, conn="Centralised")
add(R, "market", "India utility-scale (centralised) adds in '24 — number pls", "lookup", [E(v, MW)],
    how="India 2024 Historical Primary Centralised Annual")

names, vals = ranking(R, 2024, n=5)
add(R, "market", "For the TAM slide: top 5 countries by new PV capacity added in 2024, with MW each. Countries only, no regions.",
    "rank", [E(x, MW) for x in vals], names, how="2024 Annual Total Historical, countries only, top 5")

names, vals = ranking(R, 2024, typ="Cumulative", n=10)
add(R, "market", "Recycler thesis = installed base today is waste tomorrow. top 10 countries by cumulative installed PV at end of 2024?", "rank",
    [E(x, MW) for x in vals], names, how="2024 Cumulative Total Historical, countries only, top 10")

names, vals = ranking(R, 2023, n=3)
add(R, "market", "Which country was #3 by annual installations in 2023 (countries, not regions)?", "rank",
    [E(vals[2], MW)], [names[2]], how="2023 Annual Total Historical, countries only, 3rd")

names, vals = ranking(R, 2024, conn="Distributed", n=3)
add(R, "market", "Installer-software thesis is all about rooftop. Top 3 countries by distributed PV additions 2024?",
    "rank", [E(x, MW) for x in vals], names, how="2024 Annual Distributed Historical, countries only, top 3")

c, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", "China's share of global annual installs in 2024, %?", "share", [E(c / w * 100, PCT)],
    how="China / World, 2024 Annual Total Historical")

i, w = mv(R, "India", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "IC wants an India angle. What % of the world's cumulative PV fleet sits in India as of end 2024?", "share",
    [E(i / w * 100, PCT)], how="India / World, 2024 Cumulative Total Historical")

d, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, "market", "DE rooftop SaaS deck claims 'mostly resi/C&I'. What share of Germany's 2024 adds was distributed?",
    "share", [E(d / t * 100, PCT)], how="Germany 2024 Annual Distributed / Total")

d, t = mv(R, "USA", 2024, conn="Centralised"), mv(R, "USA", 2024)
add(R, "market", "utility-scale share of US 2024 new capacity? trackers only go on centralised so this is our SAM proxy",
    "share", [E(d / t * 100, PCT)], how="USA 2024 Annual Centralised / Total")

a, b = mv(R, "World", 2023), mv(R, "World", 2024)
add(R, "market", "need a market growth number for the memo. global annual adds, YoY growth 2024 vs 2023 in %?", "change", [E(pct(a, b), PCT)],
    how="World Annual Total 2023->2024 % change")

a, b = mv(R, "China", 2019), mv(R, "China", 2024)
add(R, "market", "China annual instals CAGR 2019–2024?", "change", [E(cagr(a, b, 5), PCT)],
    how="China Annual Total, CAGR 2019->2024 over 5 years")

a, b = mv(R, "USA", 2020, "Cumulative"), mv(R, "USA", 2024, "Cumulative")
add(R, "market", "IRA effect, roughly. How many MW did the US installed base grow by between end-2020 and end-2024, absolute?",
    "change", [E(b - a, MW)], how="USA Cumulative Total 2024 - 2020")

a, b = mv(R, "India", 2022), mv(R, "India", 2023)
add(R, "market", "India's annual market 2023 vs 2022 — % change? feels like there was a dip", "change",
    [E(pct(a, b), PCT)], how="India Annual Total 2022->2023 % change")

vs = [mv(R, t, 2024) for t in ("Spain", "Italy", "France")]
add(R, "market", "Southern EU comp for a recycler: Spain vs Italy vs France new installs 2024, MW each", "compare",
    [E(x, MW) for x in vs], ["Spain"], how="2024 Annual Total each; Spain largest")

g, j = mv(R, "Germany", 2024, "Cumulative"), mv(R, "Japan", 2024, "Cumulative")
add(R, "market", "Germany or Japan — which has the bigger installed base at end of 2024, and by how many MW?",
    "compare", [E(g, MW), E(j, MW), E(g - j, MW)], ["Germany"], how="Cumulative Total 2024, difference")

s = {y: mv(R, "Spain", y) for y in range(2001, last_hist(RM, "Spain") + 1)}
py = max(s, key=s.get)
add(R, "market", "Spain's record year for new installations, historical data only? and the MW", "extreme",
    [E(s[py], MW)], [str(py)], how="argmax Spain Annual Total over all historical years")

s = {y: mv(R, "Japan", y) for y in range(2015, 2025)}
ly = min(s, key=s.get)
add(R, "market", "Japanese installer SaaS co says market is stable. Japan's weakest year for annual adds since 2015 (2015-2024)?", "extreme", [E(s[ly], MW)], [str(ly)],
    how="argmin Japan Annual Total 2015-2024")

s = {y: mv(R, "USA", y) for y in range(2004, last_hist(RM, "USA") + 1)}
py = max(s, key=s.get)
add(R, "market", "peak year for US annual installs across the historical series?", "extreme", [E(s[py], MW)], [str(py)],
    how="argmax USA Annual Total over all historical years")

xs = series(R, "Australia", 2020, 2024)
add(R, "market", "Aussie rooftop marketplace in the pipeline. Avg annual adds in Australia 2020-2024 inclusive?", "average", [E(sum(xs) / len(xs), MW)],
    how="mean Australia Annual Total 2020..2024")

xs = series(R, "India", 2020, 2024)
add(R, "market", "Total MW India added 2020 thru 2024 (sum of the five years)?", "sum", [E(sum(xs), MW)],
    how="sum India Annual Total 2020..2024")

xs = series(R, "Brazil", 2020, 2024, conn="Distributed")
add(R, "market", "Brazilian DG — sum of distributed additions 2020–2024?", "sum", [E(sum(xs), MW)],
    how="sum Brazil Annual Distributed 2020..2024")

xs = series(R, "Brazil", 2021, 2024)
add(R, "market", "Brazil's average annual new capacity over 2021-2024?", "average", [E(sum(xs) / len(xs), MW)],
    how="mean Brazil Annual Total 2021..2024")

h = RM[(RM.Territory == "Chile") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual") & (RM.Connection == "Total")]
fy = int(h.Year.min())
add(R, "market", "when does Chile's annual series start in your data, and what was installed that first year?",
    "first_latest", [E(mv(R, "Chile", fy), MW)], [str(fy)], how="first historical year of Chile Annual Total and its value")

ly = last_hist(RM, "Türkiye")
add(R, "market", "Latest historical datapoint for Türkiye's annual market — which year & how much?", "first_latest",
    [E(mv(R, "Türkiye", ly), MW)], [str(ly)], how="last Historical Primary year of Türkiye Annual Total")

v = mv(R, "Germany", 2030, scen="high")
add(R, "market", "Founder's model assumes DE grows a lot. DE 2030 annual adds under the high scenario?", "lookup", [E(v, MW)],
    how="Germany 2030 Forecast - High Total Annual")

v = mv(R, "Italy", 2027)
add(R, "market", "what's the base-case forecast for Italy's annual installs in 2027?", "lookup", [E(v, MW)],
    how="Italy 2027 Forecast - Most probable Total Annual")

a, b = mv(R, "Poland", 2024), mv(R, "Poland", 2030, scen="low")
add(R, "market", "Bear case check on Poland: CAGR of annual adds from 2024 actual to 2030 in the low scenario?",
    "change", [E(cagr(a, b, 6), PCT)], how="Poland Annual Total 2024 hist -> 2030 Forecast - Low, CAGR 6y")

xs = series(R, "Spain", 2025, 2030)
add(R, "market", "sum of Spain's forecast annual additions 2025–2030, most-probable case — i.e. 6yr pipeline for a module recycler's future feedstock",
    "sum", [E(sum(xs), MW)], how="sum Spain Annual Total Forecast - Most probable 2025..2030")

d, t = mv(R, "Australia", 2024, conn="Off-grid"), mv(R, "Australia", 2024)
add(R, "market", "Off-grid share of Australia's 2024 new installs? (screening an off-grid kit startup)", "share",
    [E(d / t * 100, PCT)], how="Australia 2024 Annual Off-grid / Total")

# ---- real follow-up chains
a, b = mv(R, "Saudi Arabia", 2024), mv(R, "UAE", 2024)
add(R, "market", ["MENA tracker demand. Saudi Arabia PV adds 2024?", "and the UAE?"], "follow_up", [E(b, MW)],
    how="UAE 2024 Annual Total Historical")

names22, vals22 = ranking(R, 2022, n=5)
add(R, "market", ["top 5 countries by annual installs 2024 pls", "same for 2022"], "follow_up",
    [E(x, MW) for x in vals22], names22, how="2022 Annual Total Historical, countries only, top 5")

v = mv(R, "Germany", 2028, scen="low")
add(R, "market", ["Germany annual additions 2028, most probable?", "high case?", "and low?"], "follow_up",
    [E(v, MW)], how="Germany 2028 Forecast - Low Total Annual")

c, w = mv(R, "China", 2020), mv(R, "World", 2020)
add(R, "market", ["China % of world annual adds 2024?", "what about 2020?"], "follow_up", [E(c / w * 100, PCT)],
    how="China / World 2020 Annual Total Historical")

a, b = mv(R, "Türkiye", 2019), mv(R, "Türkiye", 2024)
add(R, "market", ["Turkish annual installs 2019-2024 as a chart", "CAGR over that window?"], "follow_up",
    [E(cagr(a, b, 5), PCT)], how="Türkiye Annual Total CAGR 2019->2024")

d, t = mv(R, "Belgium", 2023, conn="Distributed"), mv(R, "Belgium", 2023)
add(R, "market", ["Netherlands: distributed share of 2023 annual adds?", "and Belgium?"], "follow_up",
    [E(d / t * 100, PCT)], how="Belgium 2023 Annual Distributed / Total")

a, b = mv(R, "France", 2023), mv(R, "France", 2024)
add(R, "market", ["France new capacity 2024?", "YoY vs 2023 in %?"], "follow_up", [E(pct(a, b), PCT)],
    how="France Annual Total 2023->2024 % change")

# ================================================================ REAL — prices
p, dt, u = p_latest(R, "Module", "n-type TOPCon", "China")
add(R, "price", "Latest n-type TOPCon module ASP in China?", "price", [E(p, u)], how=f"Module n-type TOPCon China latest ({dt:%Y-%m-%d})")

p, dt, u = p_latest(R, "Module", "n-type HJT", "EU")
add(R, "price", "HJT module price in the EU, most recent print?", "price", [E(p, u)], how=f"Module n-type HJT EU latest ({dt:%Y-%m-%d})")

us, _, u = p_latest(R, "Module", "n-type TOPCon", "US")
eu, _, _ = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "US vs EU TOPCon module price, latest — what's the spread in $/W?", "price",
    [E(us, u), E(eu, u), E(us - eu, u)], how="Module n-type TOPCon US and EU latest, difference")

p, u = p_month(R, "Aluminium", "Aluminium", "Overseas", "2024-03")
add(R, "price", "tracker BOM is mostly steel+alu. aluminium price March 2024?", "price", [E(p, u)],
    how="Aluminium Overseas monthly 2024-03")

s = p_window(R, "Copper", "Copper", "Overseas")
r = s.loc[s.base_price.idxmin()]
add(R, "price", "cabling cost sensitivity for a tracker BOM. Copper: lowest monthly price in the whole series, and when?", "price", [E(r.base_price, r.unit)],
    [str(r.date.year)], how=f"min Copper Overseas all dates ({r.date:%Y-%m})")

a, _ = p_month(R, "EVA", "EVA", "Overseas", "2020-01")
b, _ = p_month(R, "EVA", "EVA", "Overseas", "2025-01")
add(R, "price", "EVA encapsulant price change Jan 2020 -> Jan 2025, %?", "price", [E(pct(a, b), PCT)],
    how="EVA Overseas 2020-01 -> 2025-01 % change")

s = p_window(R, "Cell", "n-type TOPCon M10", "Overseas")
a, b = float(s.base_price.iloc[0]), float(s.base_price.iloc[-1])
add(R, "price", "Cell-tech startup pitch assumes TOPCon cell prices keep falling. TOPCon M10 cell (overseas): % decline from first datapoint to latest?",
    "price", [E(pct(a, b), PCT)], how="Cell n-type TOPCon M10 Overseas first -> latest % change")

p, dt, u = p_latest(R, "Module", "CdTe", "Overseas")
add(R, "price", "Thin-film startup claims cost parity. CdTe module price latest?", "price", [E(p, u)], how=f"Module CdTe Overseas latest ({dt:%Y-%m-%d})")

s = p_window(R, "Module", "p-type mono-Si PERC M10", "EU", "2024-01-01", "2024-12-31")
add(R, "price", "PERC M10 modules in Europe: min and max weekly price during calendar 2024?", "price",
    [E(s.base_price.min(), s.unit.iloc[0]), E(s.base_price.max(), s.unit.iloc[0])],
    how="Module p-type mono-Si PERC M10 EU, 2024 min and max")

p, dt, u = p_latest(R, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "wafer-level unit economics for a cell-tech co. n-type M10 wafer price, overseas, latest ($/pc)?", "price", [E(p, u)],
    how=f"Wafer n-type mono-Si M10 Overseas latest ({dt:%Y-%m-%d})")

p, u = p_month(R, "Silver", "Silver", "Overseas", "2025-01", unit="K US$/t")
add(R, "price", "silver paste is the big cell cost lever — silver price Jan 2025?", "price", [E(p, u)],
    how="Silver Overseas monthly 2025-01 (K US$/t)")

t, _, u = p_latest(R, "Module", "n-type TOPCon", "EU")
pe, _, _ = p_latest(R, "Module", "p-type mono-Si PERC M10", "EU")
add(R, "price", "n-type premium check: latest EU TOPCon module vs PERC M10 module price, and the gap", "price",
    [E(t, u), E(pe, u), E(t - pe, u)], how="Module EU latest TOPCon and PERC M10, difference")

s = p_window(R, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
add(R, "price", "avg aluminium price over 2024 (Jan–Dec monthly)?", "price", [E(s.base_price.mean(), s.unit.iloc[0])],
    how="mean Aluminium Overseas 2024-01..2024-12")

lat = {rg: p_latest(R, "Module", "n-type TOPCon", rg) for rg in ("China", "EU", "US")}
order = sorted(lat, key=lambda k: lat[k][0])
add(R, "price", "Rank China, EU and US by latest TOPCon module price, cheapest first", "price",
    [E(lat[k][0], lat[k][2]) for k in order], order, how="Module n-type TOPCon latest in China, EU, US, ascending")

s = p_window(R, "Module", "n-type TOPCon", "China")
a, b = float(s.base_price.iloc[0]), float(s.base_price.iloc[-1])
add(R, "price", "How much has China TOPCon module price fallen since the series began — % from first to latest?",
    "price", [E(pct(a, b), PCT)], how="Module n-type TOPCon China first (2023-04) -> latest % change")

s = p_window(R, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "China")
r = s.loc[s.base_price.idxmax()]
add(R, "price", "Poly: the 'Very high purity (12N/12N+, outside of China)' series, region China — peak price and when?",
    "price", [E(r.base_price, r.unit)], [str(r.date.year)], how=f"max Polysilicon 12N/12N+ outside of China, China ({r.date:%Y-%m-%d})")

# real price follow-ups
a, _ = p_month(R, "Copper", "Copper", "Overseas", "2020-01")
b, dt, u = p_latest(R, "Copper", "Copper", "Overseas")
add(R, "price", ["copper price latest?", "% change vs Jan 2020?"], "follow_up", [E(pct(a, b), PCT)],
    how="Copper Overseas 2020-01 -> latest % change")

p, dt, u = p_latest(R, "Module", "n-type HJT", "China")
add(R, "price", ["latest TOPCon module price, China", "and HJT?"], "follow_up", [E(p, u)],
    how=f"Module n-type HJT China latest ({dt:%Y-%m-%d})")

# real financials (sample financials on real instance)
v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Comps for a module maker deck. Helios Modules FY2024 revenue?", "financial", [E(v, u)], how="Helios FY2024 Revenue")

a, _ = fv(SUN, "FY2023", "Net income")
b, u = fv(SUN, "FY2024", "Net income")
add(R, "manufacturer_financial", "SunForge net income FY23 vs FY24 — swing in USD mn?", "financial",
    [E(a, u), E(b, u), E(b - a, u)], how="SunForge Net income FY2023, FY2024, difference")

vals = {c: fv(c, "2024-Q4", "Gross margin")[0] for c in COS}
best = max(vals, key=vals.get)
add(R, "manufacturer_financial", "Margin compression everywhere. Which manufacturer had the highest gross margin in 2024-Q4 and what was it?",
    "financial", [E(vals[best], PCT)], [best.split()[0]], how="max Gross margin 2024-Q4 across companies")

# real unanswerable
no(R, "market", "Germany wind additions 2024? want to compare vs solar", "wind capacity is not in the data (PV only)")
no(R, "market", "Merchant PPA risk in Iberia is the question. What's the LCOE for utility-scale PV in Spain right now?", "LCOE is not a measure held")
no(R, "market", "US solar generation in 2024, TWh?", "electricity generation (GWh/TWh) is not held, only capacity in MW")
no(R, "market", "how much battery storage (GWh) did Australia deploy in 2024? storage attach is the thesis", "storage is not in the data")
no(R, "market", "Nigeria PV installs 2024? off-grid solar startup in Lagos pitching us", "Nigeria is not a territory in the data")
no(R, "market", "Germany annual adds forecast for 2035?", "forecasts end in 2030")
no(R, "market", "US annual installs forecast 2027, most probable case?", "the real CSV has no forecast rows for the USA (forecasts cover European territories only)")
no(R, "market", "Germany's cumulative installed base in 2030 under most-probable?", "forecast cumulative values in the real CSV exclude the installed base; not a valid figure")
no(R, "price", "TOPCon module price in India, latest?", "no n-type TOPCon module series for India in the price data")
no(R, "price", "string inverter $/W trend over 2024?", "inverter prices are not a price item in the data")
no(R, "manufacturer_financial", "Tier-1 margin comps. LONGi gross margin 2024-Q3?", "LONGi is not among the companies in the financials file")
no(R, "market", "Single-axis tracker market share by vendor in the US, 2024?", "tracker vendor shares are not held")
no(R, "market", "how many solar installer jobs in Spain? sizing the workforce software TAM", "employment is not held")
no(R, "market", "What's Germany's current feed-in tariff for <10 kW rooftop?", "tariffs are not held")
no(R, "price", "avg cell efficiency of TOPCon vs HJT right now?", "efficiency is not held; only prices")
no(R, "market", "Italian PV market value in EUR for 2024?", "market value in EUR is not held, only MW")
no(R, "price", "what share of the module ASP is polysilicon cost today, %?", "a share of a price (cost breakdown) cannot be derived from the price series")
no(R, "market", "tonnes of end-of-life PV modules in the EU in 2024? recycler diligence", "waste / decommissioned volumes are not held")
no(R, "market", "Germany annual installs in 1985?", "the data starts in 1992")
no(R, "market", "Chile CSP / solar thermal capacity added 2024?", "solar thermal (CSP) is not in the data")
no(R, "market", "Texas annual PV adds 2024? ERCOT is where all the trackers go", "sub-national data (US states) are not held")
no(R, "price", "perovskite-Si tandem cell price, latest?", "no perovskite/tandem price series")

# ================================================================ SAMPLE — market
S = "sample"
v = mv(S, "Italy", 2024)
add(S, "market", "Italian installer CRM, seed round. Italy annual adds 2024 MW?", "lookup", [E(v, MW)], how="sample Italy 2024 Historical Total Annual")

v = mv(S, "Germany", 2024, "Cumulative")
add(S, "market", "German installed base end of 2024?", "lookup", [E(v, MW)], how="sample Germany 2024 Cumulative Total")

names, vals = ranking(S, 2024, n=6)
add(S, "market", "rank the countries you have by 2024 new installs, high to low", "rank",
    [E(x, MW) for x in vals], names, how="sample 2024 Annual Total, countries (not World), descending")

names, vals = ranking(S, 2023, typ="Cumulative", n=3)
add(S, "market", "Top 3 countries by cumulaitve capacity end-2023?", "rank", [E(x, MW) for x in vals], names,
    how="sample 2023 Cumulative Total, countries, top 3")

a, w = mv(S, "Spain", 2024), mv(S, "World", 2024)
add(S, "market", "Spain's share of world annual adds in 2024, %?", "share", [E(a / w * 100, PCT)],
    how="sample Spain / World 2024 Annual Total")

a, t = mv(S, "Spain", 2024, conn="Centralised"), mv(S, "Spain", 2024)
add(S, "market", "Spanish utility-scale share of 2024 adds? tracker TAM proxy", "share", [E(a / t * 100, PCT)],
    how="sample Spain 2024 Annual Centralised / Total")

a, b = mv(S, "Netherlands", 2023), mv(S, "Netherlands", 2024)
add(S, "market", "NL annual market YoY 2024, %? think it's shrinking", "change", [E(pct(a, b), PCT)],
    how="sample Netherlands Annual Total 2023->2024 %")

a, b = mv(S, "Poland", 2015), mv(S, "Poland", 2024)
add(S, "market", "CEE installer platform pitching us. Poland installs CAGR 2015-2024", "change", [E(cagr(a, b, 9), PCT)],
    how="sample Poland Annual Total CAGR 2015->2024 (9y)")

f, n = mv(S, "France", 2023), mv(S, "Netherlands", 2023)
add(S, "market", "France vs Netherlnads, 2023 new capacity — who's bigger?", "compare", [E(f, MW), E(n, MW)],
    ["Netherlands" if n > f else "France"], how="sample 2023 Annual Total France and Netherlands")

vs = [mv(S, t, 2024, "Cumulative") for t in ("Germany", "Spain", "Italy")]
add(S, "market", "installed base end-2024 for DE, ES and IT — comparing recycler feedstock pools", "compare",
    [E(x, MW) for x in vs], ["Germany", "Spain", "Italy"], how="sample 2024 Cumulative Total Germany, Spain, Italy")

s = {y: mv(S, "Netherlands", y) for y in range(2015, 2025)}
py = max(s, key=s.get)
add(S, "market", "Dutch market peak year (historicals)?", "extreme", [E(s[py], MW)], [str(py)],
    how="sample argmax Netherlands Annual Total 2015-2024")

xs = series(S, "Germany", 2020, 2024)
add(S, "market", "avg yearly German adds 2020–24? for a 5y run-rate", "average", [E(sum(xs) / 5, MW)], how="sample mean Germany Annual Total 2020..2024")

xs = series(S, "Spain", 2020, 2024)
add(S, "market", "Cumulative sum of Spain's annual installs 2020-2024 (sum the 5 yrs)", "sum", [E(sum(xs), MW)],
    how="sample sum Spain Annual Total 2020..2024")

v = mv(S, "Germany", 2030)
add(S, "market", "Need the exit-year market for a DE heat-pump+PV installer model. Germany 2030 annual adds, base case", "lookup", [E(v, MW)], how="sample Germany 2030 Forecast - Most probable Annual Total")

v = mv(S, "World", 2025, scen="high")
add(S, "market", "Global annual installs 2025 high scenario?", "lookup", [E(v, MW)], how="sample World 2025 Forecast - High Annual Total")

d, t = mv(S, "France", 2024, conn="Distributed"), mv(S, "France", 2024)
add(S, "market", "Share of France's 2024 adds that were distributed (rooftop)?", "share", [E(d / t * 100, PCT)],
    how="sample France 2024 Annual Distributed / Total")

s = {y: mv(S, "Italy", y) for y in range(2015, 2025)}
ly = min(s, key=s.get)
add(S, "market", "Italy's lowest annual install year in the historical data?", "extreme", [E(s[ly], MW)], [str(ly)],
    how="sample argmin Italy Annual Total 2015-2024")

h = SM[(SM.Territory == "Poland") & (SM.Scenario == "Historical Primary")]
fy = int(h.Year.min())
add(S, "market", "first year you have for Poland, and the adds that year?", "first_latest",
    [E(mv(S, "Poland", fy), MW)], [str(fy)], how="sample first historical year Poland Annual Total")

# sample follow-ups
a, b = mv(S, "Italy", 2023), mv(S, "Italy", 2024)
add(S, "market", ["Italian new installs 2024?", "% change vs 2023?"], "follow_up", [E(pct(a, b), PCT)],
    how="sample Italy Annual Total 2023->2024 %")

v = mv(S, "Poland", 2030, scen="low")
add(S, "market", ["Poland 2030 annual adds, high scenario", "low?"], "follow_up", [E(v, MW)],
    how="sample Poland 2030 Forecast - Low Annual Total")

a, w = mv(S, "Spain", 2024, "Cumulative"), mv(S, "World", 2024, "Cumulative")
add(S, "market", ["Spain cumulative end-2024?", "as % of world cumulative?"], "follow_up", [E(a / w * 100, PCT)],
    how="sample Spain / World 2024 Cumulative Total")

xs = series(S, "Germany", 2025, 2030, scen="high")
add(S, "market", ["chart Germany annual adds 2025-2030, high case", "sum of those 6 years?"], "follow_up",
    [E(sum(xs), MW)], how="sample sum Germany Annual Total Forecast - High 2025..2030")

# ================================================================ SAMPLE — prices
p, dt, u = p_latest(S, "Module", "n-type TOPCon", "China")
add(S, "price", "China TOPCon module price, latest", "price", [E(p, u)], how=f"sample Module n-type TOPCon China latest ({dt:%Y-%m})")

p, u = p_month(S, "Module", "n-type HJT", "India", "2024-03")
add(S, "price", "HJT module price India, March 2024?", "price", [E(p, u)], how="sample Module n-type HJT India 2024-03")

s = p_window(S, "Polysilicon", "High purity - 9N/9N+", "China")
r = s.loc[s.base_price.idxmin()]
add(S, "price", "Poly glut is killing upstream margins. polysilicon (9N) China — trough price in the series?", "price", [E(r.base_price, r.unit)],
    how=f"sample min Polysilicon 9N China ({r.date:%Y-%m})")

p, u = p_month(S, "Wafer", "n-type mono-Si M10", "EU", "2024-06")
add(S, "price", "n-type M10 wafer, EU, June 2024 price?", "price", [E(p, u)], how="sample Wafer n-type M10 EU 2024-06")

e, _, u = p_latest(S, "PV glass", "Glass 3,2mm", "EU")
c, _, _ = p_latest(S, "PV glass", "Glass 3,2mm", "China")
add(S, "price", "3.2mm PV glass: EU vs China latest $/m², and the gap?", "price", [E(e, u), E(c, u), E(e - c, u)],
    how="sample PV glass 3,2mm EU and China latest, difference")

a, _ = p_month(S, "Cell", "n-type TOPCon M10", "China", "2023-01")
b, _ = p_month(S, "Cell", "n-type TOPCon M10", "China", "2024-12")
add(S, "price", "TOPCon M10 cell price in China, % change Jan 2023 to Dec 2024?", "price", [E(pct(a, b), PCT)],
    how="sample Cell n-type TOPCon M10 China 2023-01 -> 2024-12 %")

s = p_window(S, "Module", "p-type mono-Si PERC M10", "US", "2024-01-01", "2024-12-31")
add(S, "price", "avg US PERC M10 module price across 2024?", "price", [E(s.base_price.mean(), s.unit.iloc[0])],
    how="sample mean Module PERC M10 US 2024-01..2024-12")

dec = {rg: p_month(S, "Module", "n-type TOPCon", rg, "2024-12") for rg in ("China", "EU", "India", "US")}
cheap = min(dec, key=lambda k: dec[k][0])
add(S, "price", "Procurement SaaS pitch is about regional arbitrage. Which region had the cheapest TOPCon modules in Dec 2024?", "price", [E(dec[cheap][0], dec[cheap][1])],
    [cheap], how="sample Module n-type TOPCon 2024-12 min across regions")

s = p_window(S, "Module", "n-type TOPCon", "EU")
r = s.loc[s.base_price.idxmax()]
p, _, _ = p_latest(S, "Module", "n-type TOPCon", "EU")
add(S, "price", ["EU TOPCon module price — highest in the series?", "and how far below that peak is the latest, in %?"],
    "follow_up", [E(pct(r.base_price, p), PCT)], how="sample Module n-type TOPCon EU max -> latest % change")

t, u = p_month(S, "Module", "n-type TOPCon", "EU", "2024-06")
pe, _ = p_month(S, "Module", "p-type mono-Si PERC M10", "EU", "2024-06")
add(S, "price", ["n-type vs p-type premium: EU TOPCon module price in June 2024?", "and PERC M10 same month — what's the premium in $/W?"],
    "follow_up", [E(pe, u), E(t - pe, u)], how="sample EU Module PERC M10 2024-06 and TOPCon minus PERC")

# ================================================================ SAMPLE — financials
v, u = fv(AUR, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "Checking how bad the cycle got for mid-tier makers. Aurora PV gross margin Q4 2024?", "financial", [E(v, u)], how="Aurora 2024-Q4 Gross margin")

a, _ = fv(HEL, "FY2023", "Revenue")
b, u = fv(HEL, "FY2024", "Revenue")
add(S, "manufacturer_financial", "Helios revenue growth FY24 vs FY23 %", "financial", [E(pct(a, b), PCT)],
    how="Helios Revenue FY2023->FY2024 %")

sh = {c: fv(c, "FY2024", "Module shipments")[0] for c in COS}
order = sorted(sh, key=sh.get, reverse=True)
add(S, "manufacturer_financial", "rank the manufacturers by FY2024 module shipments (GW)", "financial",
    [E(sh[c], "GW") for c in order], [c.split()[0] for c in order], how="FY2024 Module shipments, descending")

v, u = fv(NOR, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "European reshoring angle. Nordlicht Solar nameplate production capacity at 2024-Q4?", "financial", [E(v, u)],
    how="Nordlicht 2024-Q4 Production capacity")

xs = [fv(HEL, f"2024-Q{q}", "Net income")[0] for q in range(1, 5)]
add(S, "manufacturer_financial", "Helios: add up net income over the four 2024 quarters", "financial", [E(sum(xs), "USD million")],
    how="sum Helios Net income 2024-Q1..Q4")

xs = [fv(SUN, f"2024-Q{q}", "Gross margin")[0] for q in range(1, 5)]
add(S, "manufacturer_financial", "SunForge avg quarterly gross margin across 2024 (simple mean of Q1-Q4)?", "financial",
    [E(sum(xs) / 4, PCT)], how="mean SunForge Gross margin 2024-Q1..Q4")


a, _ = fv(HEL, "FY2023", "Module shipments")
b, u = fv(HEL, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "Helios shipment growth FY23→FY24, %? volume up while rev down = ASP collapse", "financial",
    [E(pct(a, b), PCT)], how="Helios Module shipments FY2023->FY2024 %")

v, u = fv(SUN, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", ["Helios gross margin 2024-Q4?", "and SunForge?"], "follow_up", [E(v, u)],
    how="SunForge 2024-Q4 Gross margin")

a, _ = fv(AUR, "2024-Q3", "Net income")
b, u = fv(AUR, "2024-Q4", "Net income")
add(S, "manufacturer_financial", ["Aurora PV net income Q3 2024", "Q4?", "QoQ change in USD mn?"], "follow_up",
    [E(b - a, u)], how="Aurora Net income 2024-Q4 minus 2024-Q3")

# ================================================================ SAMPLE — unanswerable
no(S, "market", "Belgium annual adds 2024?", "Belgium is not in the sample market data")
no(S, "market", "US tracker co in the pipe. US new installs 2024 MW?", "the USA is not in the sample market data")
no(S, "price", "silver price latest? paste cost driver", "silver is not a price item in the sample prices")
no(S, "manufacturer_financial", "Need EV/EBITDA comps. Helios EBITDA FY2024?", "EBITDA is not a metric in the financials")
no(S, "manufacturer_financial", "SunForge FY2022 revenue?", "financials start in 2023")
no(S, "market", "Want the post-Conto Energia trough. Italy 2014 annual installs?", "sample market data start in 2015")
no(S, "market", "Italian resi storage attach rate 2024?", "storage is not in the data")
no(S, "price", "TOPCon module price Australia latest?", "Australia is not a region in the sample prices")
no(S, "market", "Spain annual adds 2035 high case?", "forecasts end in 2030")
no(S, "market", ["France annual adds 2024?", "and how much onshore wind did they add?"], "wind is not in the data (PV only)")

# ---------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not it["answerable"] for it in ITEMS)
chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]
    else:
        assert it["why"], it["id"]
print("total", len(ITEMS), "answerable", len(ITEMS) - n_un, "unanswerable", n_un, "multi-turn", chains)
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("by kind x data:", dict(Counter((it["kind"], it["data"]) for it in ITEMS)))
