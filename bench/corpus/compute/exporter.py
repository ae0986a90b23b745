#!/usr/bin/env python3
"""Writer 'exporter': European sales manager of a Chinese module exporter.

Reads the data files with pandas, computes every expected figure and writes
questions.jsonl next to this script. No expected number is typed by hand.
"""
import json
import os
import re
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "exporter"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
SCEN = {
    None: None,
    "hist": "Historical Primary",
    "mp": "Forecast - Most probable",
    "high": "Forecast - High",
    "low": "Forecast - Low",
}
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic",
    "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary",
    "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta",
    "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden",
]


# ---------------------------------------------------------------- loading
def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # RoW has key-duplicates that differ only in AC/DC metadata: same value.
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    df = df.drop_duplicates(KEY)
    return df


RM = load_market(REAL_MARKET)
SM = load_market(SAMPLE_MARKET)
RP = pd.read_parquet(REAL_PRICES).drop_duplicates()
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"]).drop_duplicates()
FIN = pd.read_csv(FINANCIALS)
assert set(EU27) <= set(RM.Territory)


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(df, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, s, conn, typ, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(df, terr, typ="Annual", conn="Total", y0=None, y1=None):
    r = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")
           & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return dict(zip(r.Year.astype(int), r["Capacity(MW)"].astype(float)))


def ranking(df, year, typ="Annual", conn="Total", scen=None, within=None, n=5):
    s = SCEN[scen] if scen else "Historical Primary"
    r = df[(df.Year == year) & (df.Scenario == s) & (df.Connection == conn)
           & (df.Type == typ) & ~df.Territory.isin(AGGREGATES)]
    if within is not None:
        r = r[r.Territory.isin(within)]
    r = r.sort_values("Capacity(MW)", ascending=False)
    vals = r["Capacity(MW)"].tolist()
    # unambiguous cut: no tie at the boundary of the top n
    if len(vals) > n:
        assert vals[n - 1] != vals[n], "tie at rank boundary"
    top = r.head(n)
    return list(zip(top.Territory, top["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def argmax(d):
    m = max(d.values())
    ks = [k for k, v in d.items() if v == m]
    assert len(ks) == 1
    return ks[0], m


def argmin(d):
    m = min(d.values())
    ks = [k for k, v in d.items() if v == m]
    assert len(ks) == 1
    return ks[0], m


# ---------------------------------------------------------------- price helpers
def ps(df, item, desc, region, unit=None):
    r = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert len(r) > 0, (item, desc, region, unit)
    assert r.unit.nunique() == 1, r.unit.unique()
    assert not r.date.duplicated().any(), "series has duplicate dates"
    s = r.set_index("date")["base_price"].sort_index().astype(float)
    return s, r.unit.iloc[0]


def p_on(s, date):
    d = pd.Timestamp(date)
    assert d in s.index, date
    return float(s.loc[d])


def p_month(s, year, month):
    m = s[(s.index.year == year) & (s.index.month == month)]
    assert len(m) == 1, (year, month, len(m))
    return float(m.iloc[0])


def p_year(s, year):
    return s[s.index.year == year]


# ---------------------------------------------------------------- financial helpers
def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SUN = "SunForge Energy (sample)"
COMPANIES = [HEL, AUR, NOR, SUN]


def short(c):
    return c.split(" ")[0]


# ---------------------------------------------------------------- item builder
ITEMS = []


def E(value, unit):
    return {"value": float(value), "unit": unit}


def Q(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": why is None,
        "kind": kind,
        "expect": list(expect),
        "names": [str(n) for n in names],
        "how": how,
    }
    if why is not None:
        item["why"] = why
        item["how"] = how or ("not answerable from the loaded data: " + why)
        item["kind"] = "unanswerable"
        item["expect"] = []
        item["names"] = []
    ITEMS.append(item)


MW = "MW"
R, S = "real", "sample"
MK, PR, FN = "market", "price", "manufacturer_financial"

# =================================================================
# REAL instance — market
# =================================================================
# --- lookups
v = mv(RM, "Germany", 2024)
Q(R, MK, "We plan Q3 shipments for Germany now. How many MW Germany has installed in 2024?",
  "lookup", [E(v, MW)], [], "real CSV: Germany, 2024, Historical Primary, Total, Annual")

v = mv(RM, "Poland", 2024, "Cumulative")
Q(R, MK, "what is Poland installed base at end of 2024, in GW pls", "lookup", [E(v, MW)], [],
  "real CSV: Poland, 2024, Historical Primary, Total, Cumulative")

v = mv(RM, "Greece", 2024, conn="Distributed")
Q(R, MK, "Greek rooftop segment look interesting for our distributors. How much distributed PV was added in Greece in 2024?",
  "lookup", [E(v, MW)], [], "real CSV: Greece, 2024, Historical Primary, Distributed, Annual")

v = mv(RM, "Spain", 2026)
Q(R, MK, "Spain is our second market in Europe. What is the most probable forecast of new installations there in 2026?", "lookup",
  [E(v, MW)], [], "real CSV: Spain, 2026, Forecast - Most probable, Total, Annual")

# --- rankings (countries only)
top = ranking(RM, 2024, n=5)
Q(R, MK, "Management ask me for the global picture. Which are top 5 countries in the world for new PV installed in 2024? Give MW for each one.",
  "rank", [E(x[1], MW) for x in top], [x[0] for x in top],
  "real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

top = ranking(RM, 2023, n=4)
Q(R, MK, "Who was the number 4 market of the world in 2023 by added capacity? China and US we know already",
  "rank", [E(top[3][1], MW)], [top[3][0]],
  "real CSV: 2023 Historical Primary Total Annual, countries only, 4th place")

top = ranking(RM, 2024, typ="Cumulative", within=EU27, n=3)
Q(R, MK, "We want to open warehouse in the biggest EU markets. Rank EU countries by cumulative PV capacity end of 2024, only top 3 please.", "rank",
  [E(x[1], MW) for x in top], [x[0] for x in top],
  "real CSV: 2024 Historical Primary Total Cumulative, EU-27 member states, top 3")

top = ranking(RM, 2027, scen="mp", n=5)
Q(R, MK, "Next years planning: in most probable scenario, which 5 European countries will add the most PV in 2027?",
  "rank", [E(x[1], MW) for x in top], [x[0] for x in top],
  "real CSV: 2027 Forecast - Most probable Total Annual, countries only (forecasts exist for European countries), top 5")

# --- shares
eu, w = mv(RM, "EU", 2024), mv(RM, "World", 2024)
Q(R, MK, "My boss ask how important is EU compared to global. What share of the global new PV capacity in 2024 was installed in the EU?", "share",
  [E(eu / w * 100, "%")], [], "real CSV 2024 Annual Total Historical Primary: EU / World * 100")

d, t = mv(RM, "Germany", 2024, conn="Distributed"), mv(RM, "Germany", 2024)
Q(R, MK, "Germany 2024: how big is distributed (rooftop) part of the new installations, in %?", "share",
  [E(d / t * 100, "%")], [], "real CSV Germany 2024 Annual Historical Primary: Distributed / Total * 100")

c, t = mv(RM, "Spain", 2024, conn="Centralised"), mv(RM, "Spain", 2024)
Q(R, MK, "Our utility-scale customers are mostly in Spain. Which percent of Spain's 2024 additions was centralised?",
  "share", [E(c / t * 100, "%")], [], "real CSV Spain 2024 Annual Historical Primary: Centralised / Total * 100")

d, t = mv(RM, "France", 2030, conn="Distributed"), mv(RM, "France", 2030)
Q(R, MK, "French market was mostly ground-mount before, but rooftop is growing. In the most probable forecast for 2030, what share of French annual installations is distributed?",
  "share", [E(d / t * 100, "%")], [], "real CSV France 2030 Forecast - Most probable Annual: Distributed / Total * 100")

# --- change
a, b = mv(RM, "Italy", 2023), mv(RM, "Italy", 2024)
Q(R, MK, "italy yoy growth of new instalations 2023 to 2024 in %?", "change", [E(pct(a, b), "%")], [],
  "real CSV Italy Annual Total Historical Primary: (2024-2023)/2023*100")

a, b = mv(RM, "Netherlands", 2023), mv(RM, "Netherlands", 2024)
Q(R, MK, "Our Dutch distributor says market is falling. By how many MW did Netherlands installations change 2023 to 2024, and how much % is it?",
  "change", [E(b - a, MW), E(pct(a, b), "%")], [],
  "real CSV Netherlands Annual Total Historical Primary: 2024-2023 and % change")

a, b = mv(RM, "EU", 2019), mv(RM, "EU", 2024)
Q(R, MK, "What was CAGR of EU annual PV installations from 2019 to 2024?", "change", [E(cagr(a, b, 5), "%")], [],
  "real CSV EU Annual Total Historical Primary: (2024/2019)^(1/5)-1")

a, b = mv(RM, "Germany", 2024), mv(RM, "Germany", 2030)
Q(R, MK, "We make a 5-year plan for German sales. If we take Germany 2024 actual and most probable 2030, what is the CAGR of annual new capacity?",
  "change", [E(cagr(a, b, 6), "%")], [],
  "real CSV Germany Annual Total: 2024 Historical Primary, 2030 Forecast - Most probable, CAGR over 6 years")

# --- compare
a, b = mv(RM, "Italy", 2024), mv(RM, "France", 2024)
Q(R, MK, "Italy or France, who added more PV in 2024 and how big is difference?", "compare",
  [E(a, MW), E(b, MW), E(a - b, MW)], ["Italy"], "real CSV 2024 Annual Total Historical Primary: Italy, France, difference")

vals = [(t_, mv(RM, t_, 2024, "Cumulative")) for t_ in ["Germany", "Spain", "Poland"]]
Q(R, MK, "For container allocation I need size of each market. Compare installed base end 2024 for Germany, Spain and Poland", "compare",
  [E(x[1], MW) for x in vals], [], "real CSV 2024 Cumulative Total Historical Primary for the three")

a, b = mv(RM, "Türkiye", 2030), mv(RM, "Spain", 2030)
Q(R, MK, "Turkish market grows fast. In 2030 most probable, Türkiye vs Spain annual additions – which one bigger?",
  "compare", [E(a, MW), E(b, MW)], ["Spain"], "real CSV 2030 Forecast - Most probable Total Annual: Türkiye and Spain")

# --- extreme
yr, val = argmax(hist_series(RM, "Spain"))
Q(R, MK, "Which was Spain's record year for new PV, looking only historical data?", "extreme",
  [E(val, MW)], [yr], "real CSV Spain Annual Total Historical Primary, max over all historical years")

yr, val = argmax(hist_series(RM, "Germany", y1=2019))
Q(R, MK, "Before the recent boom – what was Germany's best year for installations up to 2019, and how many MW?",
  "extreme", [E(val, MW)], [yr], "real CSV Germany Annual Total Historical Primary, max over 1992-2019")

yr, val = argmin(mseries(RM, "Denmark", 2025, 2030, scen="mp"))
Q(R, MK, "Danish partner is asking about volumes. In Denmark most probable forecast 2025-2030, which year is lowest for new installations?", "extreme",
  [E(val, MW)], [yr], "real CSV Denmark Annual Total Forecast - Most probable 2025-2030, min")

# --- average
s_ = mseries(RM, "Poland", 2020, 2024)
Q(R, MK, "Polish market slow down a bit recently. Average annual installations in Poland for 2020–2024?", "average",
  [E(sum(s_.values()) / len(s_), MW)], [], "real CSV Poland Annual Total Historical Primary, mean of 2020..2024")

s_ = mseries(RM, "France", 2025, 2030, scen="mp")
Q(R, MK, "We negotiate 6-year frame contract with French EPC. For France, most probable case, how much per year on average they install 2025 to 2030?", "average",
  [E(sum(s_.values()) / len(s_), MW)], [], "real CSV France Annual Total Forecast - Most probable, mean of 2025..2030")

s_ = mseries(RM, "Greece", 2022, 2024)
Q(R, MK, "greece avrage yearly additions 2022-2024?", "average",
  [E(sum(s_.values()) / len(s_), MW)], [], "real CSV Greece Annual Total Historical Primary, mean of 2022..2024")

# --- sum
a, b = mv(RM, "Spain", 2024), mv(RM, "Portugal", 2024)
Q(R, MK, "We treat Iberia as one sales region. Spain plus Portugal new capacity in 2024 together?", "sum",
  [E(a + b, MW)], [], "real CSV 2024 Annual Total Historical Primary: Spain + Portugal")

nord = ["Denmark", "Sweden", "Finland", "Norway"]
tot = sum(mv(RM, t_, 2024) for t_ in nord)
Q(R, MK, "We think about a Nordic office. Denmark, Sweden, Finland and Norway – how many MW installed in total 2024?", "sum",
  [E(tot, MW)], [], "real CSV 2024 Annual Total Historical Primary, sum of the four")

# --- first / latest
s_ = hist_series(RM, "Poland")
yr = min(y for y, v_ in s_.items() if v_ > 1000)
Q(R, MK, "When was the first year Poland's annual installations went above 1 GW?", "first_latest",
  [E(s_[yr], MW)], [yr], "real CSV Poland Annual Total Historical Primary: first year > 1000 MW")

s_ = hist_series(RM, "Germany", typ="Cumulative")
yr = min(y for y, v_ in s_.items() if v_ > 50000)
Q(R, MK, "In which year Germany's cumulative PV passed 50 GW for first time?", "first_latest",
  [E(s_[yr], MW)], [yr], "real CSV Germany Cumulative Total Historical Primary: first year > 50000 MW")

ly = last_hist(RM, "Ukraine")
Q(R, MK, "Ukraine reconstruction could be big for us. What is latest year with actual data (not forecast) for Ukraine and how much was installed that year?",
  "first_latest", [E(mv(RM, "Ukraine", ly), MW)], [ly], "real CSV Ukraine: max Historical Primary year, Annual Total")

# =================================================================
# REAL instance — prices
# =================================================================
s_eu, u = ps(RP, "Module", "n-type TOPCon", "EU")
Q(R, PR, "What is latest price for TOPCon module in EU?", "price", [E(s_eu.iloc[-1], u)], [],
  f"real prices: Module / n-type TOPCon / EU, newest date {s_eu.index[-1].date()}")

s_cn, u = ps(RP, "Module", "n-type TOPCon", "China")
assert s_cn.index[-1] == s_eu.index[-1]
cheaper = "EU" if s_eu.iloc[-1] < s_cn.iloc[-1] else "China"
Q(R, PR, "Customers in Germany tell me price in Europe is lower than our home market. Latest TOPCon module price China vs EU, which one is cheaper?",
  "price", [E(s_cn.iloc[-1], u), E(s_eu.iloc[-1], u)], [cheaper],
  f"real prices: Module n-type TOPCon, China and EU, latest ({s_eu.index[-1].date()})")

s_, u = ps(RP, "Module", "p-type mono-Si PERC M10", "EU")
Q(R, PR, "PERC is going out but we still have stock in Rotterdam. For PERC M10 modules in EU, what were the highest and lowest price in the whole series you have?",
  "price", [E(s_.max(), u), E(s_.min(), u)], [],
  "real prices: Module / p-type mono-Si PERC M10 / EU, max and min over whole series")

y24 = p_year(s_eu, 2024)
Q(R, PR, "I need a reference for renegotiating 2024 contracts. Average of the weekly EU TOPCon module prices in 2024?", "price", [E(y24.mean(), u)], [],
  f"real prices: Module / n-type TOPCon / EU, mean of {len(y24)} weekly observations dated 2024")

s_us, u = ps(RP, "Module", "n-type TOPCon", "US")
assert s_us.index[-1] == s_eu.index[-1]
Q(R, PR, "Our US colleagues say price there is much higher. How much more expensive is TOPCon module in US compared to EU, latest price, in %?", "price",
  [E(s_us.iloc[-1], u), E(s_eu.iloc[-1], u), E(pct(s_eu.iloc[-1], s_us.iloc[-1]), "%")], [],
  "real prices: Module n-type TOPCon latest US and EU; (US-EU)/EU*100")

s_cu, u = ps(RP, "Copper", "Copper", "Overseas")
Q(R, PR, "copper price june 2024?", "price", [E(p_month(s_cu, 2024, 6), u)], [],
  "real prices: Copper monthly, observation dated 2024-06")

s_al, u = ps(RP, "Aluminium", "Aluminium", "Overseas")
al24 = p_year(s_al, 2024)
Q(R, PR, "Frames cost is important for us. What was the highest aluminium price in 2024 and in which month?",
  "price", [E(al24.max(), u)], [al24.idxmax().strftime("%B")],
  "real prices: Aluminium monthly, max over 2024 observations")

s_eva, u = ps(RP, "EVA", "EVA", "Overseas")
a, b = p_month(s_eva, 2024, 1), p_month(s_eva, 2024, 12)
Q(R, PR, "EVA film contract renew next month. EVA price change from January 2024 to December 2024, in percent?", "price", [E(pct(a, b), "%")], [],
  "real prices: EVA monthly, (Dec 2024 - Jan 2024)/Jan 2024*100")

s_ag, u = ps(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
Q(R, PR, "Silver paste is big cost for cells. What was silver price in October 2024?", "price",
  [E(p_month(s_ag, 2024, 10), u)], [], "real prices: Silver monthly (K US$/t series), observation dated 2024-10")

s_, u = ps(RP, "Cell", "n-type TOPCon M10", "Overseas")
Q(R, PR, "We buy some cells outside China because of tariffs. Latest price of n-type TOPCon M10 cells overseas?", "price",
  [E(s_.iloc[-1], u)], [], f"real prices: Cell / n-type TOPCon M10 / Overseas, newest date {s_.index[-1].date()}")

s_hjt, u = ps(RP, "Module", "n-type HJT", "China")
s_tcn, _ = ps(RP, "Module", "n-type TOPCon", "China")
assert s_hjt.index[-1] == s_tcn.index[-1]
Q(R, PR, "Some customers ask HJT instead of TOPCon. In China, latest HJT module price vs latest TOPCon module price?", "price",
  [E(s_hjt.iloc[-1], u), E(s_tcn.iloc[-1], u)], [],
  f"real prices: Module n-type HJT China and n-type TOPCon China, newest date {s_hjt.index[-1].date()}")

# =================================================================
# REAL instance — financials (sample financials loaded)
# =================================================================
v, u = fv(HEL, "2024-Q4", "Revenue")
Q(R, FN, "Helios is our main competitor in Europe. Their revenue in Q4 2024?", "financial", [E(v, u)], [],
  "financials: Helios Modules Ltd (sample), 2024-Q4, Revenue")

a, _ = fv(SUN, "FY2023", "Gross margin")
b, u = fv(SUN, "FY2024", "Gross margin")
Q(R, FN, "SunForge is pushing low prices in Europe. How their gross margin changed from FY2023 to FY2024, in percentage points?",
  "financial", [E(a, u), E(b, u), E(b - a, u)], [],
  "financials: SunForge Energy (sample) Gross margin FY2023, FY2024 and difference in points")

rev = sorted(((c_, fv(c_, "FY2024", "Revenue")[0]) for c_ in COMPANIES), key=lambda x: -x[1])
Q(R, FN, "Rank the competitors by full-year 2024 revenue please", "financial",
  [E(x[1], "USD million") for x in rev], [short(x[0]) for x in rev],
  "financials: FY2024 Revenue for all four companies, sorted descending")

a, _ = fv(AUR, "FY2023", "Module shipments")
b, u = fv(AUR, "FY2024", "Module shipments")
Q(R, FN, "Aurora took some of our Italian customers last year. Aurora PV module shipments FY2024, and growth vs FY2023 in %?", "financial",
  [E(b, u), E(pct(a, b), "%")], [], "financials: Aurora PV Group (sample) Module shipments FY2024 and % change vs FY2023")

q = {p_: fv(HEL, p_, "Gross margin")[0] for p_ in FIN.period.unique() if "-Q" in p_}
pk, pv = argmax(q)
Q(R, FN, "Which quarter Helios had its best gross margin, and how much?", "financial",
  [E(pv, "%")], [pk.split("-")[1], pk.split("-")[0]],
  "financials: Helios Modules Ltd (sample) Gross margin over quarterly periods only, max")

# =================================================================
# REAL instance — follow-ups
# =================================================================
Q(R, MK, ["How much PV did Italy add in 2024?", "and Spain?"], "follow_up",
  [E(mv(RM, "Spain", 2024), MW)], [], "real CSV Spain 2024 Annual Total Historical Primary")

Q(R, MK, ["Germany most probable forecast of new installations in 2028?", "same for high scenario",
          "and low one?"], "follow_up",
  [E(mv(RM, "Germany", 2028, scen="low"), MW)], [], "real CSV Germany 2028 Forecast - Low Total Annual")

top = ranking(RM, 2024, within=EU27, n=3)
Q(R, MK, ["Top 3 EU markets in 2023 by new capacity?", "what about 2024?"], "follow_up",
  [E(x[1], MW) for x in top], [x[0] for x in top],
  "real CSV 2024 Annual Total Historical Primary, EU-27 member states, top 3")

Q(R, PR, ["Latest TOPCon module price in EU?", "and in US?"], "follow_up",
  [E(s_us.iloc[-1], "US$/Wp")], [], f"real prices: Module n-type TOPCon US newest ({s_us.index[-1].date()})")

c24, w24 = mv(RM, "China", 2024), mv(RM, "World", 2024)
Q(R, MK, ["What share of world new installations China had in 2023?", "and 2024?"], "follow_up",
  [E(c24 / w24 * 100, "%")], [], "real CSV 2024 Annual Total Historical Primary: China / World * 100")

s_ = mseries(RM, "Spain", 2015, 2024, "Cumulative")
Q(R, MK, ["Give me Spain installed base every year from 2015 to 2024", "can you show it as a chart?"],
  "follow_up", [E(s_[2015], MW), E(s_[2024], MW)], [],
  "real CSV Spain Cumulative Total Historical Primary 2015..2024 (first and last points)")

Q(R, PR, ["Copper price January 2025?", "and aluminium, same month?"], "follow_up",
  [E(p_month(s_al, 2025, 1), "US$/t")], [], "real prices: Aluminium monthly, observation dated 2025-01")

v, u = fv(SUN, "2024-Q3", "Net income")
Q(R, FN, ["Helios net income in 2024-Q3?", "and SunForge?"], "follow_up", [E(v, u)], [],
  "financials: SunForge Energy (sample) 2024-Q3 Net income")

# =================================================================
# REAL instance — unanswerable
# =================================================================
Q(R, MK, "Some customers do hybrid projects. How much wind capacity Germany added in 2024?", "unanswerable",
  why="wind power is not in the data (PV only)")
Q(R, MK, "How many MWh of battery storage was installed in Italy in 2024?", "unanswerable",
  why="energy storage is not held; only PV capacity")
Q(R, MK, "What is LCOE of utility scale PV in Spain now, EUR/MWh?", "unanswerable",
  why="LCOE is not a measure in the data")
Q(R, MK, "How many GWh electricity PV generated in France 2023?", "unanswerable",
  why="generation in GWh is not held; only installed capacity in MW")
Q(R, PR, "What is the EU anti-dumping duty rate on Chinese modules now?", "unanswerable",
  why="tariffs / trade duties are not in the data")
Q(R, MK, "What was the German PV market worth in 2024 in EUR?", "unanswerable",
  why="market value in EUR is not held; only MW")
Q(R, MK, "We start to look at Africa. How much PV was installed in Nigeria 2024?", "unanswerable",
  why="Nigeria is not a territory in the market data")
Q(R, MK, "What is the forecast for Germany new installations in 2035?", "unanswerable",
  why="forecasts end in 2030")
Q(R, MK, "Spain total installed capacity end of 2027 in the most probable scenario?", "unanswerable",
  why="forecast cumulative values in the real CSV exclude the installed base, so the figure is not available")
Q(R, MK, "Italian fleet at end of 2030, high scenario, in GW?", "unanswerable",
  why="forecast cumulative values in the real CSV exclude the installed base, so the figure is not available")
Q(R, MK, "What is India's most probable forecast of new PV for 2026?", "unanswerable",
  why="the real CSV has forecasts only for European countries (and aggregates); none for India")
Q(R, PR, "Latest string inverter price in Europe, per Wac?", "unanswerable",
  why="inverter prices are not in the price data")
Q(R, PR, "What is TOPCon module price in Brazil today?", "unanswerable",
  why="Brazil is not a price region (regions: China, EU, US, Overseas, Australia, India)")
Q(R, PR, "What percent of the TOPCon module price is the cell cost?", "unanswerable",
  why="a cost share of a price is not held; prices are per item only")
Q(R, FN, "LONGi revenue in 2024?", "unanswerable",
  why="LONGi is not among the companies in the financials")
Q(R, FN, "How much Helios spent on R&D in FY2024?", "unanswerable",
  why="R&D spending is not a metric in the financials")
Q(R, PR, "Can you give latest EU TOPCon module price in EUR per Wp?", "unanswerable",
  why="prices are held in US$ only; no exchange rate in the data")

# =================================================================
# SAMPLE instance — market
# =================================================================
v = mv(SM, "Spain", 2023)
Q(S, MK, "Spanish distributor wants to discuss volume. How many MW Spain installed in 2023?", "lookup", [E(v, MW)], [],
  "sample market: Spain, 2023, Historical Primary, Total, Annual")

v = mv(SM, "Netherlands", 2024, "Cumulative")
Q(S, MK, "Dutch installed base end of 2024 – how much?", "lookup", [E(v, MW)], [],
  "sample market: Netherlands, 2024, Historical Primary, Total, Cumulative")

top = ranking(SM, 2024, n=6)
Q(S, MK, "We must decide where send more containers next quarter. Please rank Germany, Spain, Italy, France, Poland and Netherlands by new capacity 2024.", "rank",
  [E(x[1], MW) for x in top], [x[0] for x in top], "sample market: 2024 Annual Total Historical Primary, six countries sorted")

top = ranking(SM, 2030, scen="high", n=3)
Q(S, MK, "In high scenario, which 3 countries will install most in 2030?", "rank",
  [E(x[1], MW) for x in top], [x[0] for x in top], "sample market: 2030 Forecast - High Annual Total, countries only, top 3")

a, w = mv(SM, "Spain", 2030), mv(SM, "World", 2030)
Q(S, MK, "Spain share of global new installations in 2030, most probable case?", "share", [E(a / w * 100, "%")], [],
  "sample market: 2030 Annual Total Forecast - Most probable, Spain / World * 100")

c, t = mv(SM, "Poland", 2024, conn="Centralised"), mv(SM, "Poland", 2024)
Q(S, MK, "Polish solar farms are growing fast. For Poland, how many % of 2024 new capacity was centralised?", "share", [E(c / t * 100, "%")], [],
  "sample market: Poland 2024 Annual Historical Primary, Centralised / Total * 100")

a, b = mv(SM, "Italy", 2020), mv(SM, "Italy", 2024)
Q(S, MK, "Italy annual installations CAGR 2020–2024?", "change", [E(cagr(a, b, 4), "%")], [],
  "sample market: Italy Annual Total Historical Primary, (2024/2020)^(1/4)-1")

a, b = mv(SM, "Germany", 2024, "Cumulative"), mv(SM, "Germany", 2030, "Cumulative")
Q(S, MK, "Long term we want fixed share of German fleet. By how many MW German installed base grows from end 2024 to end 2030 in most probable case?", "change",
  [E(b - a, MW)], [], "sample market: Germany Cumulative Total, 2030 Forecast - Most probable minus 2024 Historical Primary")

a, b = mv(SM, "France", 2024), mv(SM, "Italy", 2024)
Q(S, MK, "France vs Italy: new PV in 2024, which is bigger market for us?", "compare",
  [E(a, MW), E(b, MW)], ["Italy" if b > a else "France"], "sample market: 2024 Annual Total Historical Primary, France and Italy")

a, b = mv(SM, "Spain", 2030, scen="low"), mv(SM, "Germany", 2030, scen="low")
Q(S, MK, "Pessimistic case: compare Spain and Germany annual additions in 2030 low scenario.", "compare",
  [E(a, MW), E(b, MW)], [], "sample market: 2030 Forecast - Low Annual Total, Spain and Germany")

yr, val = argmax(mseries(SM, "Netherlands", 2015, 2024))
Q(S, MK, "Which year the Netherlands had peak of new installations, between 2015 and 2024?", "extreme",
  [E(val, MW)], [yr], "sample market: Netherlands Annual Total Historical Primary 2015..2024, max")

yr, val = argmin(mseries(SM, "Poland", 2025, 2030, scen="mp"))
Q(S, MK, "Poland forecast (most probable) 2025 to 2030 – which year is the weakest?", "extreme",
  [E(val, MW)], [yr], "sample market: Poland Annual Total Forecast - Most probable 2025..2030, min")

s_ = mseries(SM, "France", 2015, 2024)
Q(S, MK, "French market was small before 2021. Average yearly installation in France 2015-2024?", "average", [E(sum(s_.values()) / len(s_), MW)], [],
  "sample market: France Annual Total Historical Primary, mean of 2015..2024")

six = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
tot = sum(mv(SM, t_, 2024) for t_ in six)
Q(S, MK, "Total new PV of Germany, Spain, Italy, France, Poland and Netherlands together in 2024?", "sum",
  [E(tot, MW)], [], "sample market: 2024 Annual Total Historical Primary, sum of six countries")

s_ = mseries(SM, "Poland", 2025, 2030, scen="mp")
Q(S, MK, "Sum of Polish new installations 2025-2030, most probable forcast?", "sum", [E(sum(s_.values()), MW)], [],
  "sample market: Poland Annual Total Forecast - Most probable, sum 2025..2030")

s_ = hist_series(SM, "Italy")
yr = min(y for y, v_ in s_.items() if v_ > 5000)
Q(S, MK, "Italy is a hot market for us now. First year Italy installed more than 5 GW in a year?", "first_latest", [E(s_[yr], MW)], [yr],
  "sample market: Italy Annual Total Historical Primary, first year > 5000 MW")

# =================================================================
# SAMPLE instance — prices
# =================================================================
s_, u = ps(SP, "Module", "n-type TOPCon", "EU")
Q(S, PR, "Customer in Munich says our offer is too expensive compared to last spring. What was TOPCon module price in EU in March 2024?", "price", [E(p_month(s_, 2024, 3), u)], [],
  "sample prices: Module / n-type TOPCon / EU, observation dated 2024-03")

regs = ["China", "EU", "US", "India"]
vals = {r_: p_month(ps(SP, "Module", "n-type TOPCon", r_)[0], 2024, 12) for r_ in regs}
cheapest = min(vals, key=vals.get)
Q(S, PR, "Compare TOPCon module prices December 2024 in China, EU, US and India. Where is cheapest?", "price",
  [E(vals[r_], "US$/Wp") for r_ in regs], [cheapest],
  "sample prices: Module n-type TOPCon, 2024-12 observation for each of the four regions")

s_, u = ps(SP, "Module", "p-type mono-Si PERC M10", "China")
Q(S, PR, "Lowest PERC M10 module price in China over 2023-2024 and which month?", "price",
  [E(s_.min(), u)], [s_.idxmin().strftime("%B"), s_.idxmin().year],
  "sample prices: Module / p-type mono-Si PERC M10 / China, min over 2023-01..2024-12")

s_, u = ps(SP, "Module", "n-type HJT", "EU")
a, b = p_month(s_, 2023, 1), p_month(s_, 2024, 12)
Q(S, PR, "HJT price fell a lot I think. How much % HJT module price in EU changed from Jan 2023 to Dec 2024?", "price", [E(pct(a, b), "%")], [],
  "sample prices: Module n-type HJT EU, (2024-12 - 2023-01)/2023-01*100")

s_, u = ps(SP, "Polysilicon", "High purity - 9N/9N+", "China")
Q(S, PR, "Polysilicon is main driver of our cost. Average polysilicon (9N) price in China during 2024?", "price", [E(p_year(s_, 2024).mean(), u)], [],
  "sample prices: Polysilicon / High purity - 9N/9N+ / China, mean of the 12 monthly 2024 observations")

s_cn, u = ps(SP, "Cell", "n-type TOPCon M10", "China")
s_e, _ = ps(SP, "Cell", "n-type TOPCon M10", "EU")
Q(S, PR, "Latest TOPCon M10 cell price EU vs China, what is the gap?", "price",
  [E(s_e.iloc[-1], u), E(s_cn.iloc[-1], u), E(s_e.iloc[-1] - s_cn.iloc[-1], u)], [],
  f"sample prices: Cell n-type TOPCon M10, newest ({s_cn.index[-1].date()}) EU and China, EU minus China")

s_, u = ps(SP, "Wafer", "n-type mono-Si M10", "China")
Q(S, PR, "When n-type M10 wafer in China was most expensive, and what price?", "price",
  [E(s_.max(), u)], [s_.idxmax().strftime("%B"), s_.idxmax().year],
  "sample prices: Wafer / n-type mono-Si M10 / China, max over the series")

# =================================================================
# SAMPLE instance — financials
# =================================================================
v, u = fv(NOR, "2024-Q4", "Production capacity")
Q(S, FN, "Nordlicht is small German maker, I want to know their size. Production capacity at Q4 2024?", "financial", [E(v, u)], [],
  "financials: Nordlicht Solar AG (sample) 2024-Q4 Production capacity")

qs = [fv(AUR, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
Q(S, FN, "Aurora PV: the average of its four quarterly gross margins in 2024?", "financial",
  [E(sum(qs) / 4, "%")], [], "financials: Aurora PV Group (sample) Gross margin 2024-Q1..Q4, simple mean")

a, _ = fv(NOR, "2023-Q4", "Revenue")
b, u = fv(NOR, "2024-Q4", "Revenue")
Q(S, FN, "Nordlicht revenue Q4 2024 vs Q4 2023, change in %?", "financial", [E(pct(a, b), "%")], [],
  "financials: Nordlicht Solar AG (sample) Revenue, (2024-Q4 - 2023-Q4)/2023-Q4*100")

gm = {c_: fv(c_, "2024-Q4", "Gross margin")[0] for c_ in COMPANIES}
best, bv = argmax(gm)
Q(S, FN, "Everybody is losing money now. Which competitor had the highest gross margin in Q4 2024?", "financial", [E(bv, "%")], [short(best)],
  "financials: Gross margin 2024-Q4 across four companies, max")

# =================================================================
# SAMPLE instance — follow-ups
# =================================================================
Q(S, MK, ["France new installations 2024?", "and Netherlands?"], "follow_up",
  [E(mv(SM, "Netherlands", 2024), MW)], [], "sample market: Netherlands 2024 Annual Total Historical Primary")

Q(S, MK, ["German annual additions in 2030, most probable?", "And in the high case?"], "follow_up",
  [E(mv(SM, "Germany", 2030, scen="high"), MW)], [], "sample market: Germany 2030 Forecast - High Annual Total")

a = p_month(ps(SP, "Module", "n-type TOPCon", "China")[0], 2024, 12)
b = p_month(ps(SP, "Module", "n-type TOPCon", "EU")[0], 2024, 12)
Q(S, PR, ["TOPCon module price in China, December 2024?", "EU same month?", "so what is the difference between them?"],
  "follow_up", [E(b - a, "US$/Wp")], [], "sample prices: Module n-type TOPCon 2024-12, EU minus China")

a, b = mv(SM, "Italy", 2019), mv(SM, "Italy", 2024)
Q(S, MK, ["Poland CAGR of annual installations 2019–2024?", "what about Italy?"], "follow_up",
  [E(cagr(a, b, 5), "%")], [], "sample market: Italy Annual Total Historical Primary, (2024/2019)^(1/5)-1")

g, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
Q(S, MK, ["World new installations 2024?", "Germany share of that?"], "follow_up",
  [E(g / w * 100, "%")], [], "sample market: 2024 Annual Total Historical Primary, Germany / World * 100")

v, u = fv(AUR, "FY2024", "Revenue")
Q(S, FN, ["Helios revenue FY2024?", "and Aurora?"], "follow_up", [E(v, u)], [],
  "financials: Aurora PV Group (sample) FY2024 Revenue")

# =================================================================
# SAMPLE instance — unanswerable
# =================================================================
Q(S, MK, "How much PV Belgium installed in 2023?", "unanswerable",
  why="Belgium is not in the sample market data (Germany, Spain, Italy, France, Netherlands, Poland, World)")
Q(S, MK, "UK cumulative capacity end of 2024?", "unanswerable",
  why="the UK is not in the sample market data")
Q(S, MK, "Italy new PV in 2012, during the feed-in boom?", "unanswerable",
  why="sample market data start in 2015")
Q(S, PR, "TOPCon module price in EU for February 2025?", "unanswerable",
  why="sample prices end in December 2024")
Q(S, PR, "What is PERC module price in Australia?", "unanswerable",
  why="Australia is not a region in the sample prices (China, EU, US, India)")
Q(S, PR, "silver price last month?", "unanswerable",
  why="silver is not an item in the sample prices")
Q(S, PR, "TOPCon cell price in US, December 2024?", "unanswerable",
  why="sample cell prices exist only for China and EU")
Q(S, PR, "What is the price of junction boxes in EU?", "unanswerable",
  why="junction boxes are not a price item in the data")
Q(S, FN, "How many GW Helios shipped to Europe in 2024?", "unanswerable",
  why="financials hold total module shipments only, no split by destination")
Q(S, MK, "Our 10-year plan needs Spain too. How much PV will Spain install in 2033?", "unanswerable",
  why="sample market data end in 2030")
Q(S, FN, "What was JA Solar gross margin in 2024?", "unanswerable",
  why="JA Solar is not among the companies in the financials")
Q(S, MK, "How many jobs are in PV installation sector in Poland?", "unanswerable",
  why="employment is not a measure in the data")
Q(S, PR, "Average efficiency of TOPCon modules sold in EU in 2024?", "unanswerable",
  why="module efficiency is not held; only prices")


# =================================================================
# write + self-check
# =================================================================
def main():
    out = os.path.join(HERE, "questions.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for it in ITEMS:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")

    ids = [it["id"] for it in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    n = len(ITEMS)
    n_un = sum(not it["answerable"] for it in ITEMS)
    n_fu = sum(it["kind"] == "follow_up" and len(it["turns"]) >= 2 for it in ITEMS)
    n_fin = sum(it["agent"] == FN for it in ITEMS)
    for it in ITEMS:
        if it["answerable"]:
            assert it["expect"] or it["names"], it["id"]
            assert "why" not in it
        else:
            assert it["why"] and not it["expect"] and not it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    assert n >= 110, n
    assert n_un >= 28, n_un
    assert n_fu >= 12, n_fu
    print(f"wrote {out}: {n} items, {n_un} unanswerable, {n_fu} follow-up chains, {n_fin} financial")
    print("by data:", dict(Counter(it["data"] for it in ITEMS)))
    print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
    print("by kind x data:")
    c = Counter((it["kind"], it["data"]) for it in ITEMS)
    for k in sorted({k for k, _ in c}):
        print(f"  {k:14s} real={c[(k, 'real')]:3d} sample={c[(k, 'sample')]:3d}")
    ctx = sum(len(re.split(r"(?<=[.?!:])\s+", it["turns"][0].strip())) >= 2 for it in ITEMS)
    print("items whose first turn has a sentence of context first:", ctx)
    assert ctx * 3 >= n, ctx


if __name__ == "__main__":
    main()
