"""Question set for writer `pmanager` (portfolio manager, European infrastructure fund).
Every expected figure is computed from the data files below; nothing is typed by hand."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

W = "pmanager"
OUT = Path(__file__).with_name("questions.jsonl")
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
SCEN = {"mp": "Forecast - Most probable", "high": "Forecast - High", "low": "Forecast - Low"}
AGG = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
       "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
       "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
       "South Europe", "Southeast Asia", "Southern Africa", "World"}

# ---------------------------------------------------------------- data
REAL_M = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
# RoW has rows repeated with blank AC/DC columns; keep one value per key
REAL_M = REAL_M.drop_duplicates(KEY)
SAMP_M = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates(KEY)
REAL_P = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMP_P = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": REAL_M, "sample": SAMP_M}
PRC = {"real": REAL_P, "sample": SAMP_P}


def last_hist(d, terr):
    m = MKT[d]
    return int(m[(m.Territory == terr) & (m.Scenario == HIST)].Year.max())


def scen_for(d, terr, year, scen=None):
    if scen:
        return SCEN[scen]
    return HIST if year <= last_hist(d, terr) else SCEN["mp"]


def v(d, terr, year, typ="Annual", conn="Total", scen=None):
    m = MKT[d]
    s = scen_for(d, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (d, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(d, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: v(d, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(d, terr, typ="Annual", conn="Total", y0=None, y1=None):
    m = MKT[d]
    r = m[(m.Territory == terr) & (m.Scenario == HIST) & (m.Connection == conn) & (m.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def countries(d):
    return sorted(set(MKT[d].Territory) - AGG)


def rank(d, year, typ="Annual", conn="Total", pool=None, n=5, scen=None, asc=False):
    pool = pool or countries(d)
    vals = {c: v(d, c, year, typ, conn, scen) for c in pool
            if not MKT[d][(MKT[d].Territory == c) & (MKT[d].Year == year) & (MKT[d].Scenario == scen_for(d, c, year, scen))
                          & (MKT[d].Connection == conn) & (MKT[d].Type == typ)].empty}
    return sorted(vals.items(), key=lambda kv: kv[1], reverse=not asc)[:n]


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, yrs):
    return ((b / a) ** (1 / yrs) - 1) * 100


def ps(d, item, desc, region, unit=None):
    p = PRC[d]
    r = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        r = r[r.unit == unit]
    assert r.date.is_unique and len(r) > 0, (item, desc, region)
    assert r.unit.nunique() == 1, (item, desc, region)
    return r.sort_values("date")


def p_on(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, ym
    return float(r.base_price.iloc[0])


def p_date(s, day):
    r = s[s.date == pd.Timestamp(day)]
    assert len(r) == 1, day
    return float(r.base_price.iloc[0])


def fin(co, period, metric):
    r = FIN[(FIN.company == co) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{W}-{len(ITEMS) + 1:03d}", "writer": W, "data": data, "agent": agent, "turns": list(turns),
          "answerable": answerable, "kind": kind,
          "expect": [{"value": float(x), "unit": u} for x, u in expect], "names": [str(n) for n in names],
          "how": how}
    if not answerable:
        it["why"] = why
        it["expect"], it["names"] = [], []
    ITEMS.append(it)


def na(data, agent, turns, why, kind="unanswerable"):
    add(data, agent, turns, kind, how="not in data", answerable=False, why=why)


MINE_R = ["Spain", "Italy", "Germany", "France", "Poland", "Netherlands", "Greece", "Portugal"]
MW = "MW"

# ======================= REAL market ======================================
R = "real"
x = v(R, "Spain", 2024)
add(R, "market", "We hold three utility parks in Extremadura. How much PV did Spain add in 2024?", "lookup",
    [(x, MW)], how="Spain 2024 Historical Primary Total Annual")
x = v(R, "Italy", 2024, "Cumulative")
add(R, "market", "What was Italy's installed PV base at the end of 2024?", "lookup", [(x, MW)],
    how="Italy 2024 Historical Primary Total Cumulative")
x = v(R, "Germany", 2023, conn="Distributed")
add(R, "market", "How many MW of distributed solar went in across Germany in 2023?", "lookup", [(x, MW)],
    how="Germany 2023 HP Distributed Annual")
x = v(R, "Greece", 2024, conn="Centralised")
add(R, "market", "Greek utility-scale (centralised) additions in 2024, please.", "lookup", [(x, MW)],
    how="Greece 2024 HP Centralised Annual")
x = v(R, "Poland", 2027)
add(R, "market", "We're looking at a Polish pipeline. What's the forecast for Poland's new PV capacity in 2027?",
    "lookup", [(x, MW)], how="Poland 2027 Forecast - Most probable Total Annual")
x = v(R, "France", 2030, scen="high")
add(R, "market", "In the high scenario, how much PV does France install in 2030?", "lookup", [(x, MW)],
    how="France 2030 Forecast - High Total Annual")
x = v(R, "Portugal", 2022, "Cumulative")
add(R, "market", "portugal's cumulative PV fleet at end of 2022?", "lookup", [(x, MW)],
    how="Portugal 2022 HP Total Cumulative")

# rankings
top = rank(R, 2024, n=5)
add(R, "market", "Which five countries added the most solar worldwide in 2024?", "rank",
    [(top[0][1], MW)], [c for c, _ in top], how="countries only, 2024 HP Total Annual, top 5")
top = rank(R, 2024, "Cumulative", pool=MINE_R, n=8)
add(R, "market", "Rank my eight markets (Spain, Italy, Germany, France, Poland, the Netherlands, Greece, Portugal) by installed base at end-2024.",
    "rank", [(top[0][1], MW), (top[-1][1], MW)], [c for c, _ in top], how="8 countries, 2024 HP Total Cumulative, descending")
low = rank(R, 2024, pool=MINE_R, n=1, asc=True)
add(R, "market", "Of Spain, Italy, Germany, France, Poland, the Netherlands, Greece and Portugal, which one added the least PV in 2024?",
    "rank", [(low[0][1], MW)], [low[0][0]], how="min of 8 countries 2024 HP Total Annual")
top = rank(R, 2024, conn="Centralised", pool=MINE_R, n=3)
add(R, "market", "Top 3 of my countries (ES, IT, DE, FR, PL, NL, GR, PT) for centralised additions in 2024?", "rank",
    [(a, MW) for _, a in top], [c for c, _ in top], how="8 countries 2024 HP Centralised Annual top 3")
top = rank(R, 2030, pool=MINE_R, n=3)
add(R, "market", "Looking ahead, which three of Spain, Italy, Germany, France, Poland, Netherlands, Greece and Portugal are forecast to add the most PV in 2030?",
    "rank", [(a, MW) for _, a in top], [c for c, _ in top], how="8 countries 2030 Forecast - Most probable Total Annual top 3")

# shares
a, w = v(R, "Spain", 2024), v(R, "World", 2024)
add(R, "market", "What share of global PV additions in 2024 did Spain account for?", "share", [(a / w * 100, "%")],
    how="Spain / World, 2024 HP Total Annual")
a, e = v(R, "Germany", 2024), v(R, "Europe", 2024)
add(R, "market", "Germany's share of Europe's 2024 installations?", "share", [(a / e * 100, "%")],
    how="Germany / Europe, 2024 HP Total Annual")
a, t = v(R, "Italy", 2024, conn="Distributed"), v(R, "Italy", 2024)
add(R, "market", "How much of Italy's 2024 market was distributed, as a percentage?", "share", [(a / t * 100, "%")],
    how="Italy Distributed / Total, 2024 HP Annual")
a, t = v(R, "Spain", 2024, "Cumulative", "Centralised"), v(R, "Spain", 2024, "Cumulative")
add(R, "market", "Our thesis is utility-scale heavy. What percentage of Spain's installed base at end-2024 is centralised?",
    "share", [(a / t * 100, "%")], how="Spain Centralised / Total, 2024 HP Cumulative")
a, w = v(R, "Europe", 2024), v(R, "World", 2024)
add(R, "market", "Europe's share of the world's new solar capacity in 2024?", "share", [(a / w * 100, "%")],
    how="Europe / World 2024 HP Total Annual")
a, w = v(R, "Germany", 2024, "Cumulative"), v(R, "World", 2024, "Cumulative")
add(R, "market", "What percent of the global installed PV base sat in Germany at the end of 2024?", "share",
    [(a / w * 100, "%")], how="Germany / World 2024 HP Total Cumulative")

# change
a, b = v(R, "Spain", 2023), v(R, "Spain", 2024)
add(R, "market", "By how much, in %, did Spain's annual additions change from 2023 to 2024?", "change",
    [(pct(a, b), "%")], how="(2024-2023)/2023 Spain HP Total Annual")
a, b = v(R, "Italy", 2020), v(R, "Italy", 2024)
add(R, "market", "What's the CAGR of Italian annual PV additions between 2020 and 2024?", "change",
    [(cagr(a, b, 4), "%")], how="Italy HP Total Annual 2020->2024, 4 years")
a, b = v(R, "Germany", 2020, "Cumulative"), v(R, "Germany", 2024, "Cumulative")
add(R, "market", "How many MW did Germany's installed base grow between end-2020 and end-2024?", "change",
    [(b - a, MW)], how="Germany Cumulative 2024 - 2020 HP Total")
a, b = v(R, "Netherlands", 2023), v(R, "Netherlands", 2024)
add(R, "market", "Dutch additions 2024 vs 2023, year on year change in percent?", "change", [(pct(a, b), "%")],
    how="Netherlands HP Total Annual yoy 2024")
a, b = v(R, "Spain", 2025), v(R, "Spain", 2030)
add(R, "market", "Under the most probable forecast, what's the CAGR of Spain's annual additions from 2025 to 2030?", "change",
    [(cagr(a, b, 5), "%")], how="Spain Forecast MP Annual 2025->2030, 5 yrs")
a, b = v(R, "Greece", 2020, "Cumulative"), v(R, "Greece", 2024, "Cumulative")
add(R, "market", "Greece's installed base: CAGR from 2020 to 2024?", "change", [(cagr(a, b, 4), "%")],
    how="Greece HP Total Cumulative 2020->2024")

# compare
a, b = v(R, "Spain", 2024), v(R, "Italy", 2024)
add(R, "market", "Compare Spain and Italy on PV added in 2024.", "compare", [(a, MW), (b, MW)], ["Spain"],
    how="Spain vs Italy 2024 HP Total Annual; Spain larger")
vals = {c: v(R, c, 2024, "Cumulative") for c in ["France", "Germany", "Netherlands"]}
add(R, "market", "Installed base end of 2024 for France, Germany and the Netherlands side by side?", "compare",
    [(x, MW) for x in vals.values()], how="2024 HP Total Cumulative for FR, DE, NL")
a, b = v(R, "Germany", 2030, scen="high"), v(R, "Germany", 2030, scen="low")
add(R, "market", "For Germany in 2030, how far apart are the high and low scenarios for annual additions?", "compare",
    [(a, MW), (b, MW), (a - b, MW)], how="Germany 2030 Forecast High vs Low Annual Total, difference")
a, b = v(R, "Poland", 2024, conn="Distributed"), v(R, "Poland", 2024, conn="Centralised")
add(R, "market", "In Poland last year (2024), was more PV added distributed or centralised? Give both figures.", "compare",
    [(a, MW), (b, MW)], ["Distributed" if a > b else "Centralised"], how="Poland 2024 HP Annual Distributed vs Centralised")

# extremes
s = hist_series(R, "Spain")
add(R, "market", "What was Spain's record year for new PV installations, historically?", "extreme",
    [(s.max(), MW)], [int(s.idxmax())], how="argmax Spain HP Total Annual, whole span")
s = hist_series(R, "Germany", y0=2010)
add(R, "market", "Since 2010, in which year did Germany install the least PV?", "extreme", [(s.min(), MW)], [int(s.idxmin())],
    how="argmin Germany HP Total Annual 2010-2024")
s = hist_series(R, "Italy")
add(R, "market", "Italy's peak year for annual PV additions, and how much?", "extreme", [(s.max(), MW)], [int(s.idxmax())],
    how="argmax Italy HP Total Annual whole span")
s = hist_series(R, "Greece", y0=2012, y1=2024)
add(R, "market", "Between 2012 and 2024, what was the weakest year for Greek PV additions?", "extreme", [(s.min(), MW)],
    [int(s.idxmin())], how="argmin Greece HP Total Annual 2012-2024")

# averages & sums
s = series(R, "Portugal", 2020, 2024)
add(R, "market", "Average annual PV additions in Portugal over 2020-2024?", "average", [(sum(s.values()) / len(s), MW)],
    how="mean Portugal HP Total Annual 2020..2024")
s = series(R, "Netherlands", 2019, 2024)
add(R, "market", "Our Dutch holding period was 2019 to 2024. What did the Netherlands add per year on average in that time?",
    "average", [(sum(s.values()) / len(s), MW)], how="mean NL HP Total Annual 2019..2024")
s = series(R, "Spain", 2025, 2030, scen="high")
add(R, "market", "Mean yearly additions for Spain 2025-2030 in the high scenario?", "average", [(sum(s.values()) / len(s), MW)],
    how="mean Spain Forecast High Annual 2025..2030")
s = series(R, "Italy", 2021, 2024)
add(R, "market", "Total PV Italy added from 2021 through 2024, summed?", "sum", [(sum(s.values()), MW)],
    how="sum Italy HP Total Annual 2021..2024")
s = series(R, "Poland", 2025, 2030)
add(R, "market", "How much new capacity is Poland forecast to add in total over 2025-2030?", "sum", [(sum(s.values()), MW)],
    how="sum Poland Forecast MP Annual 2025..2030")
s = series(R, "Germany", 2022, 2024, conn="Centralised")
add(R, "market", "Sum of German centralised additions 2022-2024?", "sum", [(sum(s.values()), MW)],
    how="sum Germany HP Centralised Annual 2022..2024")

# first / latest
s = hist_series(R, "Poland")
fy = int(s[s > 1000].index.min())
add(R, "market", "In which year did Poland first add more than 1 GW of PV in a single year?", "first_latest",
    [(s[fy], MW)], [fy], how="first HP year with Poland Total Annual > 1000 MW")
ly = last_hist(R, "Portugal")
add(R, "market", "What's the latest year of actuals you have for Portugal, and the installed base that year?", "first_latest",
    [(v(R, "Portugal", ly, "Cumulative"), MW)], [ly], how="last HP year Portugal, Total Cumulative")
s = hist_series(R, "Greece")
fy = int(s[s >= 1000].index.min())
add(R, "market", "First year Greece installed at least 1,000 MW?", "first_latest", [(s[fy], MW)], [fy],
    how="first HP year Greece Total Annual >= 1000")

# follow-ups (real)
add(R, "market", ["How much PV did Spain install in 2024?", "and Portugal?"], "follow_up",
    [(v(R, "Portugal", 2024), MW)], how="Portugal 2024 HP Total Annual")
add(R, "market", ["What was Italy's installed base at end-2023?", "what about 2024?"], "follow_up",
    [(v(R, "Italy", 2024, "Cumulative"), MW)], how="Italy 2024 HP Total Cumulative")
add(R, "market", ["Germany additions forecast for 2028?", "same in the low case"], "follow_up",
    [(v(R, "Germany", 2028, scen="low"), MW)], how="Germany 2028 Forecast - Low Annual Total")
top23 = rank(R, 2023, n=5)
add(R, "market", ["Top 5 countries by new PV capacity in 2024?", "and in 2023?"], "follow_up",
    [(top23[0][1], MW)], [c for c, _ in top23], how="countries 2023 HP Total Annual top 5")
add(R, "market", ["CAGR of Greek annual additions 2019-2024?", "And for Portugal?"], "follow_up",
    [(cagr(v(R, "Portugal", 2019), v(R, "Portugal", 2024), 5), "%")], how="Portugal HP Annual 2019->2024, 5 yrs")
s = series(R, "France", 2015, 2024)
add(R, "market", ["France's annual PV additions from 2015 to 2024?", "chart it"], "follow_up",
    [(s[2015], MW), (s[2024], MW)], how="France HP Total Annual 2015..2024 as chart")
add(R, "market", ["Netherlands distributed additions in 2024?", "and the centralised part?"], "follow_up",
    [(v(R, "Netherlands", 2024, conn="Centralised"), MW)], how="NL 2024 HP Centralised Annual")
a, w = v(R, "Poland", 2024), v(R, "World", 2024)
add(R, "market", ["Poland's 2024 additions?", "What share of the world is that?"], "follow_up",
    [(a / w * 100, "%")], how="Poland / World 2024 HP Total Annual")

# ======================= REAL prices ======================================
s = ps(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "Repowering budget check: what's the latest n-type TOPCon module price in the EU?", "price",
    [(s.base_price.iloc[-1], "US$/Wp")], [s.date.iloc[-1].strftime("%Y")], how="latest date of Module n-type TOPCon EU")
eu = s
us = ps(R, "Module", "n-type TOPCon", "US")
add(R, "price", "Latest TOPCon module prices, EU versus US?", "price",
    [(eu.base_price.iloc[-1], "US$/Wp"), (us.base_price.iloc[-1], "US$/Wp")],
    ["EU" if eu.base_price.iloc[-1] < us.base_price.iloc[-1] else "US"], how="latest Module n-type TOPCon EU and US")
add(R, "price", "Lowest n-type TOPCon module price recorded for the EU in the data?", "price",
    [(eu.base_price.min(), "US$/Wp")], how="min Module n-type TOPCon EU whole series")
s = ps(R, "Module", "p-type mono-Si PERC M10", "EU")
add(R, "price", f"How much did the EU PERC M10 module price move from the first quote ({s.date.iloc[0]:%d %B %Y}) to the latest, in %?",
    "price", [(pct(s.base_price.iloc[0], s.base_price.iloc[-1]), "%")], how="Module p-type mono-Si PERC M10 EU first vs latest")
s = ps(R, "Copper", "Copper", "Overseas")
add(R, "price", "Copper price in March 2025?", "price", [(p_on(s, "2025-03"), "US$/t")], how="Copper monthly 2025-03")
add(R, "price", "What did copper do between January 2024 and January 2025, in percent?", "price",
    [(pct(p_on(s, "2024-01"), p_on(s, "2025-01")), "%")], how="Copper 2024-01 -> 2025-01")
s = ps(R, "Silver", "Silver", "Overseas", "K US$/t")
add(R, "price", "Silver matters for our cell suppliers' costs. Silver price in January 2024?", "price",
    [(p_on(s, "2024-01"), "K US$/t")], how="Silver K US$/t 2024-01")
s = ps(R, "Aluminium", "Aluminium", "Overseas")
mx = s.loc[s.base_price.idxmax()]
add(R, "price", "Aluminium: what was the highest monthly price in the data and when?", "price",
    [(mx.base_price, "US$/t")], [mx.date.strftime("%Y")], how="max Aluminium whole series")
s = ps(R, "EVA", "EVA", "Overseas")
y = s[s.date.dt.year == 2024]
add(R, "price", "Average EVA price over 2024?", "price", [(y.base_price.mean(), "US$/t")], how="mean EVA 2024 monthly (12 obs)")
h = ps(R, "Module", "n-type HJT", "EU")
add(R, "price", ["Latest EU TOPCon module price?", "and for HJT?"], "follow_up",
    [(h.base_price.iloc[-1], "US$/Wp")], how="latest Module n-type HJT EU")
s = ps(R, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "Latest overseas n-type M10 wafer price?", "price", [(s.base_price.iloc[-1], "US$/pce")],
    how="latest Wafer n-type mono-Si M10 Overseas")
s = ps(R, "Module", "p-type mono-Si PERC M10", "US")
add(R, "price", "Highest US PERC M10 module price in the series?", "price", [(s.base_price.max(), "US$/Wp")],
    how="max Module PERC M10 US whole series")

# ======================= REAL unanswerable =================================
na(R, "market", "We're adding co-located wind to one Spanish site. How much wind capacity did Spain install in 2024?",
   "wind capacity not held; PV only")
na(R, "market", "How much battery storage was deployed in Germany in 2024?", "storage not held")
na(R, "market", "What's the LCOE for utility-scale PV in Italy?", "LCOE not held")
na(R, "market", "How many GWh did Spanish PV generate in 2024?", "generation in GWh not held, only capacity MW")
na(R, "market", "What's the size of the French solar market in EUR in 2024?", "market value in EUR not held")
na(R, "market", "How much PV was installed in Andalusia in 2024?", "sub-national regions not in data")
na(R, "market", "Kenya's PV additions in 2023?", "Kenya not in the data")
na(R, "market", "What's the 2035 forecast for Polish PV additions?", "forecasts end in 2030")
na(R, "market", "What will Spain's cumulative installed base be at the end of 2030 in the most probable scenario?",
   "forecast cumulative in the real CSV excludes the installed base; not a usable figure")
na(R, "market", "How many people work in the Greek solar sector?", "jobs not held")
na(R, "market", "What feed-in tariff does France pay for rooftop PV?", "tariffs not held")
na(R, "price", "What's the current string inverter price in Europe?", "inverter prices not in the data")
na(R, "price", "Module price in Germany specifically, latest?", "no Germany price region in data")
na(R, "price", "What share of a TOPCon module's price is polysilicon?", "share of a price not computable / not held")
na(R, "market", "How much solar thermal capacity does Greece have?", "solar thermal not held")
na(R, "market", "What's the average capacity factor of Portuguese utility-scale PV?", "capacity factor not held")
na(R, "price", "What's the average efficiency of TOPCon modules in the price data?", "efficiency not held")

# ======================= financials (sample file, on both instances) =====
H, SF, AU, NL = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)", "Aurora PV Group (sample)",
                 "Nordlicht Solar AG (sample)")
val, u = fin(H, "FY2023", "Revenue")
add(R, "manufacturer_financial", "Helios Modules' full-year 2023 revenue?", "financial", [(val, u)], how="Helios FY2023 Revenue")
val, u = fin(NL, "2024-Q2", "Gross margin")
add(R, "manufacturer_financial", "Nordlicht Solar's gross margin in Q2 2024?", "financial", [(val, u)], how="Nordlicht 2024-Q2 Gross margin")
a, _ = fin(SF, "FY2023", "Revenue"); b, _ = fin(SF, "FY2024", "Revenue")
add(R, "manufacturer_financial", "One of our EPCs buys from SunForge. How much did SunForge's revenue change from FY2023 to FY2024, in %?",
    "financial", [(pct(a, b), "%")], how="SunForge Revenue FY2023 -> FY2024")
r = FIN[(FIN.period == "FY2024") & (FIN.metric == "Revenue")].sort_values("value", ascending=False)
add(R, "manufacturer_financial", "Which manufacturer had the highest revenue in FY2024?", "financial",
    [(r.value.iloc[0], "USD million")], [r.company.iloc[0].replace(" (sample)", "")], how="max FY2024 Revenue across companies")
val, u = fin(AU, "2024-Q4", "Net income")
add(R, "manufacturer_financial", ["Aurora PV Group net income in Q3 2024?", "and in Q4?"], "follow_up", [(val, u)],
    how="Aurora 2024-Q4 Net income")
na(R, "manufacturer_financial", "What was First Solar's revenue in 2024?", "First Solar not in the financials")
na(R, "manufacturer_financial", "Helios Modules' EBITDA for FY2024?", "EBITDA not a metric in the financials")

# ======================= SAMPLE market ====================================
S = "sample"
MINE_S = ["Spain", "Italy", "Germany", "France", "Poland", "Netherlands"]
x = v(S, "Spain", 2024)
add(S, "market", "How much solar did Spain add in 2024?", "lookup", [(x, MW)], how="sample Spain 2024 HP Total Annual")
x = v(S, "Germany", 2023, "Cumulative")
add(S, "market", "Germany's installed PV base at end of 2023?", "lookup", [(x, MW)], how="sample Germany 2023 HP Cumulative Total")
x = v(S, "France", 2022, conn="Centralised")
add(S, "market", "French centralised additions in 2022?", "lookup", [(x, MW)], how="sample France 2022 HP Centralised Annual")
x = v(S, "Italy", 2028, scen="low")
add(S, "market", "Italy's 2028 additions in the low scenario?", "lookup", [(x, MW)], how="sample Italy 2028 Forecast - Low Annual")
x = v(S, "Netherlands", 2026)
add(S, "market", "What's expected for Dutch PV additions in 2026?", "lookup", [(x, MW)], how="sample NL 2026 Forecast MP Annual")
top = rank(S, 2024, n=3)
add(S, "market", "Top 3 countries by PV added in 2024?", "rank", [(a, MW) for _, a in top], [c for c, _ in top],
    how="sample countries (excl. World) 2024 HP Total Annual top 3")
top = rank(S, 2024, "Cumulative", n=6)
add(S, "market", "Rank the countries you cover by installed base at end-2024.", "rank", [(top[0][1], MW)], [c for c, _ in top],
    how="sample 6 countries 2024 HP Cumulative desc")
top = rank(S, 2030, n=1, scen="high")
add(S, "market", "Which country adds the most PV in 2030 under the high scenario?", "rank", [(top[0][1], MW)], [top[0][0]],
    how="sample countries 2030 Forecast High Annual max")
a, w = v(S, "Italy", 2024), v(S, "World", 2024)
add(S, "market", "Italy's share of world PV additions in 2024?", "share", [(a / w * 100, "%")], how="sample Italy/World 2024 Annual")
a, t = v(S, "Poland", 2024, conn="Distributed"), v(S, "Poland", 2024)
add(S, "market", "What percentage of Poland's 2024 additions was distributed?", "share", [(a / t * 100, "%")],
    how="sample Poland Distributed/Total 2024 Annual")
a, t = v(S, "Spain", 2024, "Cumulative", "Centralised"), v(S, "Spain", 2024, "Cumulative")
add(S, "market", "Spain: centralised share of the installed base at end 2024?", "share", [(a / t * 100, "%")],
    how="sample Spain Centralised/Total 2024 Cumulative")
a, b = v(S, "France", 2020), v(S, "France", 2024)
add(S, "market", "CAGR of France's annual additions 2020-2024?", "change", [(cagr(a, b, 4), "%")], how="sample France Annual 2020->2024")
a, b = v(S, "Germany", 2023), v(S, "Germany", 2024)
add(S, "market", "German additions: % change 2023 to 2024?", "change", [(pct(a, b), "%")], how="sample Germany Annual yoy 2024")
a, b = v(S, "Spain", 2015, "Cumulative"), v(S, "Spain", 2024, "Cumulative")
add(S, "market", "By how many MW did Spain's installed base grow from end-2015 to end-2024?", "change", [(b - a, MW)],
    how="sample Spain Cumulative 2024-2015")
vals = [v(S, c, 2024) for c in ["Spain", "Germany", "Poland"]]
add(S, "market", "I own parks in Spain, Germany and Poland. Compare their 2024 additions.", "compare",
    [(x, MW) for x in vals], how="sample ES/DE/PL 2024 HP Annual")
a, b = v(S, "Italy", 2027, scen="high"), v(S, "Italy", 2027, scen="low")
add(S, "market", "Italy 2027: high vs low scenario additions, and the gap?", "compare", [(a, MW), (b, MW), (a - b, MW)],
    how="sample Italy 2027 Forecast High vs Low")
s = hist_series(S, "Netherlands")
add(S, "market", "Record year for Dutch PV additions?", "extreme", [(s.max(), MW)], [int(s.idxmax())],
    how="sample NL argmax HP Annual 2015-2024")
s = hist_series(S, "Poland")
add(S, "market", "Poland's weakest year for new installs in the data (actuals)?", "extreme", [(s.min(), MW)], [int(s.idxmin())],
    how="sample Poland argmin HP Annual")
s = series(S, "Italy", 2020, 2024)
add(S, "market", "Average Italian additions per year 2020-2024?", "average", [(sum(s.values()) / 5, MW)], how="sample mean Italy Annual 2020..2024")
s = series(S, "Germany", 2025, 2030)
add(S, "market", "Average yearly additions in Germany 2025-2030 under the most probable forecast?", "average",
    [(sum(s.values()) / 6, MW)], how="sample mean Germany Forecast MP Annual 2025..2030")
s = series(S, "Spain", 2019, 2024)
add(S, "market", "Total Spanish PV added 2019-2024?", "sum", [(sum(s.values()), MW)], how="sample sum Spain HP Annual 2019..2024")
s = series(S, "France", 2025, 2030, scen="low")
add(S, "market", "Sum of French additions 2025 to 2030, low case?", "sum", [(sum(s.values()), MW)], how="sample sum France Forecast Low 2025..2030")
s = hist_series(S, "Poland")
fy = int(s[s > 2000].index.min())
add(S, "market", "First year Poland added more than 2,000 MW?", "first_latest", [(s[fy], MW)], [fy],
    how="sample first HP year Poland Annual > 2000")
ly = last_hist(S, "France")
add(S, "market", "Latest actual year for France and the additions that year?", "first_latest",
    [(v(S, "France", ly), MW)], [ly], how="sample last HP year France, Annual Total")
# sample follow-ups
add(S, "market", ["Spain's 2024 additions?", "and Italy?"], "follow_up", [(v(S, "Italy", 2024), MW)], how="sample Italy 2024 Annual")
add(S, "market", ["Poland's forecast additions for 2027?", "same for the high scenario"], "follow_up",
    [(v(S, "Poland", 2027, scen="high"), MW)], how="sample Poland 2027 Forecast High")
add(S, "market", ["Germany's installed base at end-2022?", "what about 2024?"], "follow_up",
    [(v(S, "Germany", 2024, "Cumulative"), MW)], how="sample Germany 2024 Cumulative")
s = series(S, "Netherlands", 2015, 2024)
add(S, "market", ["Netherlands annual additions 2015-2024?", "as a chart"], "follow_up",
    [(s[2015], MW), (s[2024], MW)], how="sample NL Annual 2015..2024 chart")
na(S, "market", ["Spain's 2024 additions?", "and Portugal?"], "Portugal not in the sample market data", kind="follow_up")
na(S, "market", ["How much did France add in 2023?", "and Greece?"], "Greece not in the sample market data", kind="follow_up")
# sample unanswerable
na(S, "market", "How much PV did Portugal install in 2024?", "Portugal not in sample data")
na(S, "market", "Spain's additions in 2012?", "sample data starts in 2015")
na(S, "market", "Wind additions in Germany 2024?", "wind not held")
na(S, "market", "What's the LCOE of French utility-scale PV?", "LCOE not held")
na(S, "market", "How much PV generation in TWh did Italy have in 2024?", "generation not held")
na(S, "market", "Greek installed base at end-2024?", "Greece not in sample data")
na(S, "market", "Poland's forecast for 2032?", "forecasts end 2030")

# ======================= SAMPLE prices =====================================
s = ps(S, "Module", "n-type TOPCon", "EU")
add(S, "price", "Latest EU n-type TOPCon module price?", "price", [(s.base_price.iloc[-1], "US$/Wp")], how="sample latest Module TOPCon EU")
add(S, "price", "EU TOPCon module price in March 2024?", "price", [(p_on(s, "2024-03"), "US$/Wp")], how="sample Module TOPCon EU 2024-03")
add(S, "price", "For a repowering budget: how much did EU TOPCon module prices change from January 2023 to December 2024, in %?",
    "price", [(pct(p_on(s, "2023-01"), p_on(s, "2024-12")), "%")], how="sample Module TOPCon EU 2023-01 -> 2024-12")
mn = s.loc[s.base_price.idxmin()]
add(S, "price", "Lowest EU TOPCon module price in the series, and when?", "price", [(mn.base_price, "US$/Wp")],
    [mn.date.strftime("%Y")], how="sample min Module TOPCon EU")
reg = {r: ps(S, "Module", "n-type HJT", r).base_price.iloc[-1] for r in ["China", "EU", "India", "US"]}
cheap = min(reg, key=reg.get)
add(S, "price", "Which region has the cheapest HJT modules at the latest date?", "price", [(reg[cheap], "US$/Wp")], [cheap],
    how="sample latest Module n-type HJT across regions, min")
a = p_on(ps(S, "Module", "n-type TOPCon", "EU"), "2024-06"); b = p_on(ps(S, "Module", "p-type mono-Si PERC M10", "EU"), "2024-06")
add(S, "price", "TOPCon vs PERC M10 module prices in the EU in June 2024?", "price", [(a, "US$/Wp"), (b, "US$/Wp")],
    how="sample Module EU 2024-06 TOPCon and PERC M10")
s = ps(S, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "Average Chinese polysilicon price over 2024?", "price", [(s[s.date.dt.year == 2024].base_price.mean(), "US$/kg")],
    how="sample mean Polysilicon China 2024")
s = ps(S, "PV glass", "Glass 3,2mm", "EU")
add(S, "price", "Highest EU 3.2 mm PV glass price in the data?", "price", [(s.base_price.max(), "US$/m²")], how="sample max Glass 3,2mm EU")
s = ps(S, "Module", "p-type mono-Si PERC M10", "US")
add(S, "price", ["US PERC M10 module price in January 2024?", "and December 2024?"], "follow_up",
    [(p_on(s, "2024-12"), "US$/Wp")], how="sample Module PERC M10 US 2024-12")
s = ps(S, "Module", "n-type TOPCon", "India")
add(S, "price", ["Latest TOPCon module price in China?", "and India?"], "follow_up", [(s.base_price.iloc[-1], "US$/Wp")],
    how="sample latest Module TOPCon India")
na(S, "price", "Latest TOPCon module price in Australia?", "Australia not a region in sample prices")
na(S, "price", "Silver price in 2024?", "silver not in sample prices")
na(S, "price", "EU TOPCon module price in March 2022?", "sample prices start 2023-01")
na(S, "price", "What are battery cell prices in China right now?", "battery/storage prices not held")

# sample financials
val, u = fin(AU, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "Aurora PV Group module shipments FY2024?", "financial", [(val, u)], how="Aurora FY2024 Module shipments")
val, u = fin(H, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Helios production capacity at the end of 2024 (Q4)?", "financial", [(val, u)],
    how="Helios 2024-Q4 Production capacity")
r = FIN[(FIN.period == "FY2024") & (FIN.metric == "Net income")].sort_values("value")
neg = [c.replace(" (sample)", "") for c in r[r.value < 0].company]
add(S, "manufacturer_financial", "Which manufacturers made a net loss in FY2024?", "financial",
    [(x, "USD million") for x in r[r.value < 0].value], neg, how="FY2024 Net income < 0")
a, _ = fin(NL, "FY2023", "Gross margin"); b, _ = fin(NL, "FY2024", "Gross margin")
add(S, "manufacturer_financial", "Nordlicht's gross margin FY2023 vs FY2024?", "financial", [(a, "%"), (b, "%")],
    how="Nordlicht Gross margin FY2023, FY2024")
val, u = fin(SF, "2024-Q1", "Net income")
add(S, "manufacturer_financial", ["SunForge revenue in Q1 2024?", "and net income in that quarter?"], "follow_up", [(val, u)],
    how="SunForge 2024-Q1 Net income")
na(S, "manufacturer_financial", "What's Nordlicht Solar's headcount?", "employees not in financials")
na(S, "manufacturer_financial", "LONGi's module shipments in 2024?", "LONGi not in financials")

# ---------------------------------------------------------------- write + self-check
with OUT.open("w") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
n_na = sum(not i["answerable"] for i in ITEMS)
assert n_na >= 28, n_na
n_chain = sum(len(i["turns"]) >= 2 for i in ITEMS)
assert n_chain >= 12, n_chain
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        assert all(pd.notna(e["value"]) for e in i["expect"]), i["id"]
print("items", len(ITEMS), "unanswerable", n_na, "chains", n_chain)
print("by kind:", dict(Counter(i["kind"] for i in ITEMS)))
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by data x agent:", dict(Counter((i["data"], i["agent"]) for i in ITEMS)))
