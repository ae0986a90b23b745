"""Held-out questions, writer `tvproducer` (business-TV producer persona).

Every expected figure is computed from the data files below; nothing is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

WRITER = "tvproducer"
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

CAP = "Capacity(MW)"
rm = pd.read_csv(REAL_MARKET).drop_duplicates()  # 624 exact duplicates counted once
sm = pd.read_csv(S_MARKET).drop_duplicates()
rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES, parse_dates=["date"]).drop_duplicates()
fin = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
assert AGGREGATES <= set(rm.Territory)


def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mk(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure under the brief's conventions."""
    if scen is None:
        scen = "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == scen)][CAP]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    return float(r.iloc[0])


def mseries(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mk(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries_year(df, year, typ="Annual", conn="Total", scen="Historical Primary"):
    r = df[(df.Year == year) & (df.Type == typ) & (df.Connection == conn)
           & (df.Scenario == scen) & (~df.Territory.isin(AGGREGATES))]
    s = r.groupby("Territory")[CAP].agg(["first", "nunique"])
    assert (s["nunique"] == 1).all()
    return s["first"].sort_values(ascending=False)


def amax(d):
    k = max(d, key=d.get)
    assert sum(v == d[k] for v in d.values()) == 1, "tie"
    return k


def amin(d):
    k = min(d, key=d.get)
    assert sum(v == d[k] for v in d.values()) == 1, "tie"
    return k


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pser(df, item, desc, region, unit):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region) & (df.unit == unit)]
    s = s.sort_values("date")
    assert len(s) > 0, (item, desc, region, unit)
    # the series used here have one value per date
    assert s.groupby("date").base_price.nunique().max() == 1, (item, desc, region, unit)
    return s.groupby("date").base_price.first()


def latest(s):
    return s.index.max(), float(s.iloc[-1])


def in_month(s, ym):
    x = s[s.index.to_period("M") == pd.Period(ym)]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
COMPANIES = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- items
items = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns if isinstance(turns, list) else [turns],
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    items.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


MW = "MW"
R, S = "real", "sample"

# ================================================================= REAL / market
v = mk(rm, "World", 2024)
add(R, "market", "need the global number for the lower third. how much solar did the world install in 2024?",
    "lookup", [E(v, MW)], how="market CSV: World, 2024, Historical Primary, Total, Annual")

v = mk(rm, "Germany", 2024)
add(R, "market", "germnay new pv 2024 - in GW pls", "lookup", [E(v, MW)],
    how="Germany, 2024, Historical Primary, Total, Annual")

v = mk(rm, "India", 2024, "Cumulative")
add(R, "market", "Graphic for the India segment. India's installed base at end of 2024?", "lookup", [E(v, MW)],
    how="India, 2024, Historical Primary, Total, Cumulative")

v = mk(rm, "USA", 2023, conn="Distributed")
add(R, "market", "Doing a rooftop segment tonight. US distributed solar added in 2023?", "lookup", [E(v, MW)],
    how="USA, 2023, Historical Primary, Distributed, Annual")


# rank: top 5 countries 2024 additions
top = countries_year(rm, 2024)
t5 = top.head(5)
add(R, "market", "Leaderboard graphic for the 6pm. top 5 countries for new solar in 2024, countries only, no regions",
    "rank", [E(x, MW) for x in t5.values], list(t5.index),
    how="2024 Annual Total Historical Primary, non-aggregate territories, sorted desc, top 5")

topc = countries_year(rm, 2024, "Cumulative")
t3 = topc.head(3)
add(R, "market", "For the opening graphic: which 3 countries have the biggest solar fleets, end of 2024?",
    "rank", [E(x, MW) for x in t3.values], list(t3.index),
    how="2024 Cumulative Total Historical Primary, non-aggregate territories, top 3")

sel = ["France", "Italy", "Spain", "Poland"]
vals = sorted(((mk(rm, c, 2023), c) for c in sel), reverse=True)
add(R, "market", "rank france, italy, spain, poland by installs in 2023, biggest first",
    "rank", [E(x, MW) for x, _ in vals], [c for _, c in vals],
    how="2023 Annual Total Historical Primary for the four, sorted desc")

t10 = top.index[9]
add(R, "market", "who came 10th for new pv in 2024 (countries, not regions)?", "rank",
    [E(top.iloc[9], MW)], [t10],
    how="2024 Annual Total Historical Primary, non-aggregate territories, 10th largest")

# shares
c, w = mk(rm, "China", 2024), mk(rm, "World", 2024)
add(R, "market", "Presenter wants one killer stat on China. china's share of global installs in 2024, %?", "share", [E(c / w * 100, "%")],
    how="China 2024 Annual Total / World 2024 Annual Total x100")

u, w = mk(rm, "USA", 2024, "Cumulative"), mk(rm, "World", 2024, "Cumulative")
add(R, "market", "what % of the world's installed PV sits in the US, end of 2024?", "share",
    [E(u / w * 100, "%")], how="USA 2024 Cumulative Total / World 2024 Cumulative Total x100")

d, t = mk(rm, "Germany", 2024, conn="Distributed"), mk(rm, "Germany", 2024)
add(R, "market", "Presenter wants the rooftop angle. How much of Germany's 2024 market was distributed, as a %?",
    "share", [E(d / t * 100, "%")], how="Germany 2024 Annual Distributed / Total x100")


c_, t_ = mk(rm, "India", 2024, conn="Centralised"), mk(rm, "India", 2024)
add(R, "market", "indias centralised (utility-scale) share of its 2024 additions?", "share",
    [E(c_ / t_ * 100, "%")], how="India 2024 Annual Centralised / Total x100")

# change
a, b = mk(rm, "World", 2014), mk(rm, "World", 2024)
add(R, "market", "Headline idea: 'solar market X times bigger in a decade'. World installs 2024 vs 2014, how many times?",
    "change", [E(b / a, "x")], how="World Annual Total 2024 / 2014")

a, b = mk(rm, "World", 2014), mk(rm, "World", 2024)
add(R, "market", "Need a growth number for the script. global installs CAGR 2014-2024?", "change", [E(cagr(a, b, 10), "%")],
    how="World Annual Total, (2024/2014)^(1/10)-1")

a, b = mk(rm, "China", 2023), mk(rm, "China", 2024)
add(R, "market", "how many more GW did china add in 2024 than in 2023", "change", [E(b - a, MW)],
    how="China Annual Total 2024 - 2023 (Historical Primary)")

a, b = mk(rm, "Pakistan", 2023), mk(rm, "Pakistan", 2024)
add(R, "market", "Someone on the desk says Pakistan went crazy last year. How many times more solar did Pakistan add in 2024 than in 2023?",
    "change", [E(b / a, "x")], how="Pakistan Annual Total 2024 / 2023")

# compare
a, b = mk(rm, "USA", 2024), mk(rm, "India", 2024)
add(R, "market", "Split-screen graphic. US vs India new capacity 2024, side by side", "compare", [E(a, MW), E(b, MW)],
    ["USA", "India"], how="USA and India 2024 Annual Total Historical Primary")

vals = [mk(rm, c, 2024, "Cumulative") for c in ["Germany", "Spain", "Italy"]]
add(R, "market", "germany, spain, italy - cumulative pv end of 2024. need all three for a bar graphic",
    "compare", [E(x, MW) for x in vals], ["Germany", "Spain", "Italy"],
    how="2024 Cumulative Total Historical Primary for each")

j, au = mk(rm, "Japan", 2024), mk(rm, "Australia", 2024)
win = "Japan" if j > au else "Australia"
add(R, "market", "japan or australia, who added more solar in 2024 and by how much?", "compare",
    [E(abs(j - au), MW)], [win], how="Japan vs Australia 2024 Annual Total; difference")

# extremes
s = mseries(rm, "Italy", 1992, last_hist(rm, "Italy"))
py = amax(s)
add(R, "market", "Quick one before we go live. italy's record year for new installations?", "extreme", [E(s[py], MW)], [str(py)],
    how="Italy Annual Total Historical Primary, max over 1992-2024")

s = mseries(rm, "Spain", 2001, last_hist(rm, "Spain"))
py = amax(s)
add(R, "market", "Spain's biggest year ever for new PV. year + number", "extreme", [E(s[py], MW)], [str(py)],
    how="Spain Annual Total Historical Primary, max over 2001-2024")

s = mseries(rm, "Germany", 2010, 2024)
ly = amin(s)
add(R, "market", "worst year for german installs since 2010?", "extreme", [E(s[ly], MW)], [str(ly)],
    how="Germany Annual Total Historical Primary, min over 2010-2024")

# averages / sums
s = mseries(rm, "World", 2020, 2024)
add(R, "market", "averge annual world installs 2020-2024", "average", [E(sum(s.values()) / 5, MW)],
    how="mean of World Annual Total 2020..2024")

s = mseries(rm, "USA", 2015, 2024)
add(R, "market", "For a 'decade in numbers' piece: on average how much did the US add per year, 2015 to 2024?",
    "average", [E(sum(s.values()) / len(s), MW)], how="mean of USA Annual Total 2015..2024")

s = mseries(rm, "China", 2020, 2024)
add(R, "market", "total china added 2020 thru 2024 combined", "sum", [E(sum(s.values()), MW)],
    how="sum of China Annual Total 2020..2024")

vals = [mk(rm, c, 2024) for c in ["Brazil", "Chile", "Mexico"]]
add(R, "market", "Latam segment. brazil + chile + mexico installs 2024 combined?", "sum",
    [E(sum(vals), MW)], how="sum of Brazil, Chile, Mexico 2024 Annual Total")

# first / latest
s = mseries(rm, "World", 1992, 2024)
fy = min(y for y, x in s.items() if x > 100000)
add(R, "market", "Timeline graphic. first year world annual installs topped 100 GW?", "first_latest", [E(s[fy], MW)], [str(fy)],
    how="World Annual Total, first year > 100,000 MW")

s = mseries(rm, "India", 2010, 2024)
fy = min(y for y, x in s.items() if x > 10000)
add(R, "market", "when did India first add more than 10 GW in a single year?", "first_latest",
    [E(s[fy], MW)], [str(fy)], how="India Annual Total, first year > 10,000 MW")

# forecasts (annual only in the real CSV)
v = mk(rm, "Germany", 2030)
add(R, "market", "germany 2030 outlook - new installs that year?", "lookup", [E(v, MW)],
    how="Germany 2030 Annual Total Forecast - Most probable")

s = mseries(rm, "EU", 2025, 2030)
add(R, "market", "Big-picture graphic on Europe's pipeline. how much will the EU add in total 2025-2030, most probable case?",
    "sum", [E(sum(s.values()), MW)], how="sum of EU Annual Total Forecast - Most probable 2025..2030")

v = mk(rm, "Italy", 2030, scen="Forecast - High")
add(R, "market", "italy installs in 2030, high scenario", "lookup", [E(v, MW)],
    how="Italy 2030 Annual Total Forecast - High")

hi, lo = mk(rm, "France", 2030, scen="Forecast - High"), mk(rm, "France", 2030, scen="Forecast - Low")
add(R, "market", "Script says forecasts are uncertain. gap between high and low case for france's 2030 installs?", "compare",
    [E(hi, MW), E(lo, MW), E(hi - lo, MW)], how="France 2030 Annual Total, Forecast High and Low, difference")

# ------------------------------------------------------------- REAL follow-ups (market)
v = mk(rm, "Germany", 2024)
add(R, "market", ["how much pv did spain add in 2024?", "and germany?"], "follow_up", [E(v, MW)],
    how="Germany 2024 Annual Total Historical Primary")

c, w = mk(rm, "China", 2020), mk(rm, "World", 2020)
add(R, "market", ["china's share of world installs 2024?", "now 2020"], "follow_up", [E(c / w * 100, "%")],
    how="China 2020 Annual Total / World 2020 Annual Total x100")

add(R, "market", ["Prepping the market segment. top 5 solar markets 2024, countries only", "as a chart pls"],
    "follow_up", [E(x, MW) for x in t5.values], list(t5.index),
    how="chart of top 5 non-aggregate territories by 2024 Annual Total")

v = mk(rm, "Germany", 2030, scen="Forecast - Low")
add(R, "market", ["germany new installs forecast for 2030?", "same for the high scenario", "and low?"],
    "follow_up", [E(v, MW)], how="Germany 2030 Annual Total Forecast - Low")

v = mk(rm, "USA", 2024)
add(R, "market", ["us installs 2023", "what about 2024?"], "follow_up", [E(v, MW)],
    how="USA 2024 Annual Total Historical Primary")

a, b = mk(rm, "World", 2014, "Cumulative"), mk(rm, "World", 2024, "Cumulative")
add(R, "market", ["world installed base end of 2024?", "how many times bigger than in 2014?"], "follow_up",
    [E(b / a, "x")], how="World Cumulative Total 2024 / 2014")

a, b = mk(rm, "Pakistan", 2023), mk(rm, "Pakistan", 2024)
add(R, "market", ["india yoy growth in installs 2024, %", "and pakistan?"], "follow_up",
    [E(pct(a, b), "%")], how="Pakistan Annual Total (2024-2023)/2023 x100")

d, t = mk(rm, "Brazil", 2022, conn="Distributed"), mk(rm, "Brazil", 2022)
add(R, "market", ["what share of brazil's 2024 installs was distributed?", "and 2022?"], "follow_up",
    [E(d / t * 100, "%")], how="Brazil 2022 Annual Distributed / Total x100")

s = mseries(rm, "Italy", 2010, 2024)
py = amax(s)
add(R, "market", ["italy record year for installs?", "chart it, 2010 to 2024"], "follow_up",
    [E(s[py], MW), E(s[2024], MW)], [str(py)],
    how="Italy Annual Total Historical Primary 2010..2024 series; peak and last point")

# ================================================================= REAL / price
d0, v = latest(pser(rp, "Module", "n-type TOPCon", "China", "US$/Wp"))
add(R, "price", "latest chinese topcon module price?", "price", [E(v, "US$/Wp")],
    how=f"Module n-type TOPCon China US$/Wp, value at newest date {d0.date()}")

us = latest(pser(rp, "Module", "n-type TOPCon", "US", "US$/Wp"))
eu = latest(pser(rp, "Module", "n-type TOPCon", "EU", "US$/Wp"))
add(R, "price", "Tariff story tonight. TOPCon module price, US vs EU, latest?", "price",
    [E(us[1], "US$/Wp"), E(eu[1], "US$/Wp")], ["US", "EU"],
    how=f"Module n-type TOPCon US and EU, newest values ({us[0].date()}, {eu[0].date()})")

s = pser(rp, "Copper", "Copper", "Overseas", "US$/t")
assert (s == s.max()).sum() == 1
add(R, "price", "Commodities strip. copper - record high in your data? when?", "price", [E(s.max(), "US$/t")],
    [s.idxmax().strftime("%B %Y").split()[0], s.idxmax().strftime("%Y")],
    how="Copper Overseas US$/t monthly series, max and its month")

s = pser(rp, "Silver", "Silver", "Overseas", "K US$/t")
add(R, "price", "silver price jan 2024?", "price", [E(in_month(s, "2024-01"), "K US$/t")],
    how="Silver Overseas K US$/t, observation dated 2024-01")

s = pser(rp, "Module", "p-type mono-Si PERC M10", "EU", "US$/Wp")
add(R, "price", "Price-collapse package. how far has the PERC M10 module price in the EU fallen since your series starts? %",
    "price", [E(pct(s.iloc[0], s.iloc[-1]), "%")],
    how=f"Module p-type mono-Si PERC M10 EU, (last {s.index[-1].date()} - first {s.index[0].date()})/first x100")

s = pser(rp, "Module", "CdTe", "Overseas", "US$/Wp")
add(R, "price", "lowest price ever for CdTe modules?", "price", [E(s.min(), "US$/Wp")],
    how="Module CdTe Overseas US$/Wp, min over whole series")

s = pser(rp, "Copper", "Copper", "Overseas", "US$/t")
y = s[s.index.year == 2024]
assert len(y) == 12
add(R, "price", "average copper price over 2024", "price", [E(y.mean(), "US$/t")],
    how="Copper Overseas US$/t, mean of the 12 monthly values of 2024")

hjt = latest(pser(rp, "Module", "n-type HJT", "China", "US$/Wp"))
top_ = latest(pser(rp, "Module", "n-type TOPCon", "China", "US$/Wp"))
add(R, "price", "HJT vs TOPCon modules in china, latest prices", "price",
    [E(hjt[1], "US$/Wp"), E(top_[1], "US$/Wp")], ["HJT", "TOPCon"],
    how=f"Module n-type HJT China vs n-type TOPCon China, newest values ({hjt[0].date()})")

s = pser(rp, "Aluminium", "Aluminium", "Overseas", "US$/t")
add(R, "price", "Need it for a metals graphic: aluminium price in march 2024", "price", [E(in_month(s, "2024-03"), "US$/t")],
    how="Aluminium Overseas US$/t, observation dated 2024-03")

s = pser(rp, "EVA", "EVA", "Overseas", "US$/t")
add(R, "price", "EVA price: change from Jan 2020 to the latest reading, %?", "price",
    [E(pct(in_month(s, "2020-01"), s.iloc[-1]), "%")],
    how=f"EVA Overseas US$/t, (latest {s.index[-1].date()} - 2020-01)/2020-01 x100")

d0, v = latest(pser(rp, "Wafer", "p-type mono-Si M10", "China", "US$/pce"))
add(R, "price", "p-type m10 wafer price in china, latest", "price", [E(v, "US$/pce")],
    how=f"Wafer p-type mono-Si M10 China US$/pce, newest value {d0.date()}")

d0, v = latest(pser(rp, "Module", "n-type TOPCon", "China", "US$/Wp"))
add(R, "price", ["latest us topcon module price", "and china?"], "follow_up", [E(v, "US$/Wp")],
    how=f"Module n-type TOPCon China, newest value {d0.date()}")

# ================================================================= REAL / financials (sample financials)
v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Earnings ticker. helios modules revenue FY2024?", "financial", [E(v, u)],
    how="financials: Helios, FY2024, Revenue")

q4 = fin[(fin.period == "2024-Q4") & (fin.metric == "Gross margin")].sort_values("value", ascending=False)
add(R, "manufacturer_financial", "which of the manufacturers had the best gross margin in Q4 2024?",
    "financial", [E(q4.value.iloc[0], "%")], [q4.company.iloc[0].split()[0]],
    how="financials: Gross margin 2024-Q4, max across companies")

v, u = fv(SUN, "FY2024", "Net income")
add(R, "manufacturer_financial", "Running a 'manufacturers in the red' piece. SunForge net income for FY2024?",
    "financial", [E(v, u)], how="financials: SunForge, FY2024, Net income")

a, _ = fv(NOR, "FY2023", "Revenue")
b, _ = fv(NOR, "FY2024", "Revenue")
add(R, "manufacturer_financial", "German manufacturer story. nordlicht solar revenue drop FY23 to FY24, in %", "financial",
    [E(pct(a, b), "%")], how="financials: Nordlicht Revenue (FY2024-FY2023)/FY2023 x100")

tot = sum(fv(c, "FY2024", "Module shipments")[0] for c in COMPANIES)
add(R, "manufacturer_financial", "all four makers combined - module shipments FY2024, GW?", "financial",
    [E(tot, "GW")], how="financials: sum of Module shipments FY2024 over the 4 companies")

# ================================================================= REAL / unanswerable
U = dict(answerable=False, kind="unanswerable")
add(R, "market", "Renewables round-up tonight. germany wind installs 2024?", why="wind is not in the data, PV only", **U,
    how="no wind data")
add(R, "market", "Energy transition special. How much battery storage did the US add last year?",
    why="storage capacity is not held; only PV installations", **U, how="no storage data")
add(R, "market", "LCOE for utility solar in spain rn?", why="LCOE is not a measure held in the data", **U,
    how="no LCOE")
add(R, "market", "how many GWh did chinese solar generate in 2024", why="generation (GWh) is not held, only capacity in MW",
    **U, how="no generation data")
add(R, "market", "solar jobs in india, how many?", why="employment is not in the data", **U, how="no jobs data")
assert "Nigeria" not in set(rm.Territory)
add(R, "market", "Africa piece. Nigeria pv installs 2024?", why="Nigeria is not a territory in the market data",
    **U, how="territory absent")
add(R, "market", "US segment, presenter is from Houston. texas solar installs 2024", why="no sub-national (state) data; USA only at country level",
    **U, how="state-level data absent")
add(R, "market", "Looking ahead graphic. germany's total installed pv at end of 2030, most probable case?",
    why="forecast cumulative values in the loaded CSV exclude the installed base, so they cannot be used",
    **U, how="forecast Cumulative in real CSV not usable")
assert rm.Year.max() < 2035
add(R, "market", "world installs forecast for 2035?", why="forecasts stop at 2030", **U,
    how="years outside data (max 2030)")
assert rm.Year.min() > 1985
add(R, "market", "for a history montage: global solar installs in 1985?", why="the data start in 1992", **U,
    how="years outside data (min 1992)")
assert not rp.item.str.contains("nverter").any()
add(R, "price", "latest string inverter prices?", why="inverters are not among the price items", **U,
    how="item absent")
assert "Japan" not in set(rp.region)
add(R, "price", "Asia desk wants it. module price in japan right now?", why="Japan is not a price region (China, EU, US, India, Australia, Overseas)",
    **U, how="region absent")
add(R, "price", "what share of a module's price is polysilicon?",
    why="a cost share of a price is not held; price items carry different units (US$/kg vs US$/Wp)",
    **U, how="share of a price not computable")
assert not fin.company.str.contains("LONGi", case=False).any()
add(R, "manufacturer_financial", "Chinese giants piece. LONGi revenue 2024?", why="LONGi is not among the companies in the financials",
    **U, how="company absent")
add(R, "market", "spain's CSP / solar thermal capacity?", why="solar thermal / CSP is not in the data (PV only)",
    **U, how="other technology")
add(R, "market", "what's germany's feed-in tariff right now", why="tariffs / policy levels are not held", **U,
    how="no tariff data")

# ================================================================= SAMPLE / market
v = mk(sm, "Italy", 2024)
add(S, "market", "italy instals 2024", "lookup", [E(v, MW)],
    how="sample market: Italy 2024 Annual Total Historical Primary")

sm_c = ["Germany", "Spain", "Italy", "France", "Netherlands", "Poland"]
vals = sorted(((mk(sm, c, 2024), c) for c in sm_c), reverse=True)[:3]
add(S, "market", "Biggest markets in Europe 2024 out of germany, spain, italy, france, netherlands and poland - top 3 pls",
    "rank", [E(x, MW) for x, _ in vals], [c for _, c in vals],
    how="sample: 2024 Annual Total for the six, top 3")

g, w = mk(sm, "Germany", 2024), mk(sm, "World", 2024)
add(S, "market", "Germany explainer. germany's share of world installs 2024 %", "share", [E(g / w * 100, "%")],
    how="sample: Germany / World 2024 Annual Total x100")

a, b = mk(sm, "Poland", 2015, "Cumulative"), mk(sm, "Poland", 2024, "Cumulative")
add(S, "market", "Poland feature. its installed base grew how many times between 2015 and 2024?", "change",
    [E(b / a, "x")], how="sample: Poland Cumulative Total 2024 / 2015")

a, b = mk(sm, "Spain", 2030, "Cumulative"), mk(sm, "Italy", 2030, "Cumulative")
add(S, "market", "spain vs italy - installed base 2030, most probable", "compare", [E(a, MW), E(b, MW)],
    ["Spain", "Italy"], how="sample: Cumulative Total 2030 Forecast - Most probable, Spain and Italy")

s = mseries(sm, "Poland", 2015, 2024)
py = amax(s)
add(S, "market", "poland's record year for new installs so far (historical only)?", "extreme",
    [E(s[py], MW)], [str(py)], how="sample: Poland Annual Total Historical Primary, max 2015-2024")

s = mseries(sm, "France", 2015, 2024)
add(S, "market", "france average annual installs 2015-2024", "average", [E(sum(s.values()) / len(s), MW)],
    how="sample: mean of France Annual Total 2015..2024")

s = mseries(sm, "Germany", 2025, 2030)
add(S, "market", "For the outlook package: germany's total additions 2025-2030, most probable?", "sum",
    [E(sum(s.values()), MW)], how="sample: sum of Germany Annual Total Forecast - Most probable 2025..2030")

s = mseries(sm, "Spain", 2015, 2024)
fy = min(y for y, x in s.items() if x > 4000)
add(S, "market", "first year spain topped 4 GW of installs?", "first_latest", [E(s[fy], MW)], [str(fy)],
    how="sample: Spain Annual Total, first year > 4,000 MW")

v = mk(sm, "World", 2030, scen="Forecast - Low")
add(S, "market", "Bear case for the script. world market 2030 low case", "lookup", [E(v, MW)],
    how="sample: World 2030 Annual Total Forecast - Low")

d, t = mk(sm, "Italy", 2024, conn="Distributed"), mk(sm, "Italy", 2024)
add(S, "market", "Italian rooftop story. what % of italy's 2024 installs was distributed?", "share",
    [E(d / t * 100, "%")], how="sample: Italy 2024 Annual Distributed / Total x100")

a, b = mk(sm, "Germany", 2024), mk(sm, "Germany", 2030)
add(S, "market", "how much more will germany install in 2030 than in 2024? most probable", "change",
    [E(b - a, MW)], how="sample: Germany Annual Total 2030 (Most probable) - 2024 (Historical)")

a, b = mk(sm, "Netherlands", 2019), mk(sm, "Netherlands", 2024)
add(S, "market", "Netherlands slowdown story. dutch market 2019 to 2024 - cagr?", "change", [E(cagr(a, b, 5), "%")],
    how="sample: Netherlands Annual Total, (2024/2019)^(1/5)-1")

s = mseries(sm, "Netherlands", 2015, 2024)
ly = amin(s)
add(S, "market", "Dutch market graphic. weakest year for netherlands installs, 2015-2024?", "extreme",
    [E(s[ly], MW)], [str(ly)], how="sample: Netherlands Annual Total Historical Primary, min 2015-2024")

s = mseries(sm, "Poland", 2020, 2024)
add(S, "market", "poland avg annual installs 2020-2024?", "average", [E(sum(s.values()) / len(s), MW)],
    how="sample: mean of Poland Annual Total 2020..2024")

s = mseries(sm, "Germany", 2015, 2024)
fy = min(y for y, x in s.items() if x > 10000)
add(S, "market", "Germany comeback story. first year german installs went over 10 GW?", "first_latest",
    [E(s[fy], MW)], [str(fy)], how="sample: Germany Annual Total, first year > 10,000 MW (2015-2024)")

# ------------------------------------------------------------- SAMPLE follow-ups
v = mk(sm, "France", 2020)
add(S, "market", ["france installs 2024?", "now 2020"], "follow_up", [E(v, MW)],
    how="sample: France 2020 Annual Total Historical Primary")

s = mseries(sm, "Germany", 2015, 2024, "Cumulative")
add(S, "market", ["germany installed base end of 2024", "chart 2015-2024 pls"], "follow_up",
    [E(s[2015], MW), E(s[2024], MW)], how="sample: Germany Cumulative Total 2015..2024 series; first and last points")

v = mk(sm, "World", 2030, scen="Forecast - Low")
add(S, "market", ["world installs 2030?", "high scenario?", "low?"], "follow_up", [E(v, MW)],
    how="sample: World 2030 Annual Total Forecast - Low")

n, w = mk(sm, "Netherlands", 2023), mk(sm, "World", 2023)
add(S, "market", ["poland's share of world installs 2023, %", "and the netherlands?"], "follow_up",
    [E(n / w * 100, "%")], how="sample: Netherlands / World 2023 Annual Total x100")

# ================================================================= SAMPLE / price
d0, v = latest(pser(sp, "Module", "p-type mono-Si PERC M10", "China", "US$/Wp"))
add(S, "price", "Ticker update. latest chinese PERC M10 module price", "price", [E(v, "US$/Wp")],
    how=f"sample prices: Module p-type mono-Si PERC M10 China, newest {d0.date()}")

s = pser(sp, "Wafer", "n-type mono-Si M10", "China", "US$/pce")
add(S, "price", "n-type M10 wafer, china, march 2024?", "price", [E(in_month(s, "2024-03"), "US$/pce")],
    how="sample prices: Wafer n-type mono-Si M10 China, 2024-03")

s = pser(sp, "Polysilicon", "High purity - 9N/9N+", "China", "US$/kg")
assert (s == s.min()).sum() == 1
add(S, "price", "Polysilicon crash graphic. lowest poly price in china in your data, and when?", "price",
    [E(s.min(), "US$/kg")], [s.idxmin().strftime("%B %Y").split()[0], s.idxmin().strftime("%Y")],
    how="sample prices: Polysilicon High purity 9N China, min and its month")

s = pser(sp, "PV glass", "Glass 3,2mm", "EU", "US$/m²")
add(S, "price", "peak EU price for 3.2mm glass?", "price", [E(s.max(), "US$/m²")],
    how="sample prices: PV glass Glass 3,2mm EU, max")

s = pser(sp, "Module", "n-type TOPCon", "China", "US$/Wp")
add(S, "price", "topcon module price china, jan 2023 to dec 2024 - change in %", "price",
    [E(pct(in_month(s, "2023-01"), in_month(s, "2024-12")), "%")],
    how="sample prices: Module n-type TOPCon China, (2024-12 - 2023-01)/2023-01 x100")

us = latest(pser(sp, "Module", "n-type HJT", "US", "US$/Wp"))
ind = latest(pser(sp, "Module", "n-type HJT", "India", "US$/Wp"))
add(S, "price", "Trade-war angle. HJT module price US vs India, latest", "price", [E(us[1], "US$/Wp"), E(ind[1], "US$/Wp")],
    ["US", "India"], how=f"sample prices: Module n-type HJT US and India, newest ({us[0].date()})")

s = pser(sp, "Cell", "n-type TOPCon M10", "EU", "US$/Wp")
y = s[s.index.year == 2024]
assert len(y) == 12
add(S, "price", "average 2024 EU topcon cell price", "price", [E(y.mean(), "US$/Wp")],
    how="sample prices: Cell n-type TOPCon M10 EU, mean of 2024 monthly values")

lat = {r: latest(pser(sp, "Module", "n-type TOPCon", r, "US$/Wp"))[1] for r in ["China", "EU", "India", "US"]}
cheap = amin(lat)
add(S, "price", "We want a 'cheapest place to buy panels' graphic. cheapest region for TOPCon modules right now?",
    "price", [E(lat[cheap], "US$/Wp")], [cheap],
    how="sample prices: Module n-type TOPCon, newest value per region, min")

pe = latest(pser(sp, "Cell", "p-type mono-Si PERC M10", "China", "US$/Wp"))
tc = latest(pser(sp, "Cell", "n-type TOPCon M10", "China", "US$/Wp"))
add(S, "price", "perc vs topcon cell price china, latest", "price", [E(pe[1], "US$/Wp"), E(tc[1], "US$/Wp")],
    ["PERC", "TOPCon"], how=f"sample prices: Cell p-type PERC M10 vs n-type TOPCon M10 China, newest ({pe[0].date()})")

d0, v = latest(pser(sp, "Module", "n-type TOPCon", "China", "US$/Wp"))
add(S, "price", ["latest EU topcon module price", "vs china?"], "follow_up", [E(v, "US$/Wp")], ["China"],
    how=f"sample prices: Module n-type TOPCon China newest {d0.date()} (EU from turn 1 may also be stated)")

# ================================================================= SAMPLE / financials
v, u = fv(AUR, "2024-Q3", "Module shipments")
add(S, "manufacturer_financial", "aurora pv shipments in 2024-Q3?", "financial", [E(v, u)],
    how="financials: Aurora, 2024-Q3, Module shipments")

v, u = fv(HEL, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Capacity race segment. Helios production capacity at Q4 2024?", "financial",
    [E(v, u)], how="financials: Helios, 2024-Q4, Production capacity")

sh = {c: fv(c, "FY2023", "Module shipments")[0] for c in COMPANIES}
best = amax(sh)
add(S, "manufacturer_financial", "Manufacturer leaderboard. who shipped the most modules in FY2023?", "financial", [E(sh[best], "GW")],
    [best.split()[0]], how="financials: Module shipments FY2023, max across companies")

qs = {p: fv(SUN, p, "Gross margin")[0] for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
lq = amin(qs)
add(S, "manufacturer_financial", "sunforge gross margin - weakest quarter of 2024?", "financial",
    [E(qs[lq], "%")], [lq.split("-")[1]], how="financials: SunForge Gross margin 2024-Q1..Q4, min")

a, _ = fv(AUR, "2023-Q4", "Revenue")
b, _ = fv(AUR, "2024-Q4", "Revenue")
add(S, "manufacturer_financial", "Aurora revenue Q4 2024 vs Q4 2023, % change?", "financial",
    [E(pct(a, b), "%")], how="financials: Aurora Revenue (2024-Q4 - 2023-Q4)/2023-Q4 x100")

v, u = fv(SUN, "FY2024", "Revenue")
add(S, "manufacturer_financial", ["helios revenue FY2024", "and sunforge?"], "follow_up", [E(v, u)],
    how="financials: SunForge, FY2024, Revenue")


# ================================================================= SAMPLE / unanswerable
terr_s = set(sm.Territory)
assert "China" not in terr_s and "USA" not in terr_s
add(S, "market", "Need China for the lead story. china installs 2024?", why="China is not a territory in the loaded (sample) market data",
    **U, how="territory absent in sample")
add(S, "market", "US installed base end of 2024", why="USA is not in the loaded (sample) market data",
    **U, how="territory absent in sample")
assert "Silver" not in set(sp.item)
add(S, "price", "silver price, latest? for the commodities strip", why="silver is not a price item in the sample",
    **U, how="item absent in sample")
assert "Australia" not in set(sp.region)
add(S, "price", "module prices in australia?", why="Australia is not a price region in the sample", **U,
    how="region absent in sample")
assert "EBITDA" not in set(fin.metric)
add(S, "manufacturer_financial", "Earnings wrap. helios EBITDA FY2024?", why="EBITDA is not a metric in the financials", **U,
    how="metric absent")
assert not fin.company.str.contains("First Solar", case=False).any()
add(S, "manufacturer_financial", "First Solar shipments 2024?", why="First Solar is not among the companies",
    **U, how="company absent")
add(S, "market", "Value angle: what's the italian solar market worth in euros, 2024?",
    why="market value in EUR is not held; only capacity in MW", **U, how="measure absent")
add(S, "price", "average topcon module efficiency these days?", why="module efficiency is not held", **U,
    how="measure absent")
assert sm.Year.min() > 2014
add(S, "market", "Ten-years-on graphic. germany installs 2014", why="the loaded sample market data start in 2015", **U,
    how="year outside data (sample from 2015)")
add(S, "market", "netherlands offshore wind capacity?", why="wind is not in the data", **U, how="other technology")
assert sp.date.min().year > 2022
add(S, "price", "n-type wafer price china in june 2022?", why="the sample price series start in January 2023",
    **U, how="date outside sample series")
add(S, "market", "How many homes does spain's solar fleet power?",
    why="households supplied / generation are not held", **U, how="measure absent")
add(S, "market", "heat pump installs germany 2024", why="heat pumps are not in the data (PV only)", **U,
    how="other technology")

# ---------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
n_chain = sum(len(it["turns"]) >= 2 for it in items)
assert n_chain >= 12, n_chain
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in items)
ctx = sum(len(it["turns"][0].split(". ")) > 1 or ":" in it["turns"][0] for it in items)

print(f"items {len(items)}  unanswerable {n_un}  follow-up chains {n_chain}  financial {n_fin}")
print("data:", dict(Counter(it["data"] for it in items)))
print("agent:", dict(Counter(it["agent"] for it in items)))
print("kind:", dict(sorted(Counter(it["kind"] for it in items).items())))
print("kind x data:")
for k, n in sorted(Counter((it["kind"], it["data"]) for it in items).items()):
    print(f"  {k[0]:<14}{k[1]:<8}{n}")
