#!/usr/bin/env python3
"""slackjunior question set: every expected figure is computed here from the data files."""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "slackjunior"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


# ---------------------------------------------------------------- market
def load_market(path):
    df = pd.read_csv(path)
    # duplicates (exact, and RoW pairs differing only in the AC/DC flags) carry equal capacities
    assert (df.groupby(KEY)[CAP].nunique() <= 1).all()
    df = df.drop_duplicates(subset=KEY)
    return df


R = load_market(REAL_MARKET)
S = load_market(S_MARKET)


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == SCEN["hist"])].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return SCEN["hist"] if year <= last_hist(df, terr) else SCEN["mp"]


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    sc = scen_for(df, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == sc)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (terr, year, sc, conn, typ, len(x))
    return float(x[CAP].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(df, terr, typ="Annual", conn="Total"):
    x = df[(df.Territory == terr) & (df.Scenario == SCEN["hist"]) & (df.Connection == conn)
           & (df.Type == typ)]
    return dict(zip(x.Year.astype(int), x[CAP].astype(float)))


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, year, n, typ="Annual", conn="Total", scen=None):
    rows = []
    for t in countries(df):
        sc = scen_for(df, t, year, scen)
        x = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == sc)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(x) == 1 and pd.notna(x[CAP].iloc[0]):
            rows.append((t, float(x[CAP].iloc[0])))
    rows.sort(key=lambda r: -r[1])
    assert len(rows) > n and rows[n - 1][1] != rows[n][1], "tie at cut-off"
    return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- prices
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])


def pser(P, item, desc, region, unit=None):
    x = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    x = x.drop_duplicates(subset=["date", "base_price"]).sort_values("date")
    assert x.date.is_unique, ("several prices per date", item, desc, region)
    return x.set_index("date")["base_price"].astype(float), x.unit.iloc[0]


def p_at(s, date):
    return float(s.loc[pd.Timestamp(date)])


def p_month(s, ym):
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def p_year(s, year):
    return s[s.index.year == year]


# ---------------------------------------------------------------- financials
F = pd.read_csv(S_FIN)


def fin(company, period, metric):
    x = F[(F.company.str.startswith(company)) & (F.period == period) & (F.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


# ---------------------------------------------------------------- items
items = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind,
          "expect": expect or [], "names": names or [], "how": how}
    if not answerable:
        it["why"] = why
        it["expect"] = []
    items.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


MW = "MW"

# ================================================================ REAL: market
# --- lookups
v = mv(R, "Germany", 2023)
add("real", "market", "hi! first week here so bear w me. how much solar did germany add in 2023? MW pls",
    "lookup", [E(v, MW)], how="real CSV: Germany 2023 Historical Primary Total Annual")

v = mv(R, "France", 2024, "Cumulative")
add("real", "market", "pulling numbers for a france market note. whats the installed base there at end of 2024", "lookup", [E(v, MW)],
    how="real CSV: France 2024 Historical Primary Total Cumulative")

v = mv(R, "Italy", 2024, conn="Distributed")
add("real", "market",
    "doing a slide on italian rooftop. what was italys distributed segment installs in 2024",
    "lookup", [E(v, MW)], how="real CSV: Italy 2024 Historical Primary Distributed Annual")

v = mv(R, "Pakistan", 2024)
add("real", "market", "someone on the team said pakistan went crazy last yr.. how many MW did pakistan install in 2024??",
    "lookup", [E(v, MW)], how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = mv(R, "Poland", 2027, scen="mp")
add("real", "market", "polands annual installs forcast for 2027, most probable case?", "lookup",
    [E(v, MW)], how="real CSV: Poland 2027 Forecast - Most probable Total Annual")

# --- rankings (countries only)
r = rank(R, 2024, 5)
add("real", "market", "need a quick league table for tmrw. top 5 countries by new pv installs in 2024? countries only, no regions/world",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Total Annual, countries only, sorted desc, top 5")

r = rank(R, 2023, 3, "Cumulative")
add("real", "market", "which 3 countries had the largest cumulative pv capcity at end of 2023", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 2023 Historical Primary Total Cumulative, countries only, top 3")

r = rank(R, 2024, 5, conn="Centralised")
add("real", "market",
    "for a utility-scale deck - rank the top 5 countries by centralised additions in 2024", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 2024 Historical Primary Centralised Annual, countries only, top 5")

r = rank(R, 2030, 3, scen="high")
add("real", "market", "looking at the forecasts for the first time lol. in the high scenario which 3 countries are expected to install the most in 2030?",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 2030 Forecast - High Total Annual, countries only (forecasts exist for European countries), top 3")

# --- shares
c, w = mv(R, "China", 2024), mv(R, "World", 2024)
add("real", "market", "what % of global installs was china in 2024, is it really over half??", "share", [E(c / w * 100, "%")],
    how="real CSV: China / World, 2024 Historical Primary Total Annual")

a, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add("real", "market",
    "my manager keeps saying germany is a rooftop market. what % of germany's 2024 additions were distributed?",
    "share", [E(a / t * 100, "%")],
    how="real CSV: Germany 2024 Distributed Annual / Total Annual, Historical Primary")

a, t = mv(R, "Spain", 2023, conn="Centralised"), mv(R, "Spain", 2023)
add("real", "market", "spain 2023 - what share of the new capacity was centralised? feels like its mostly big plants there", "share",
    [E(a / t * 100, "%")], how="real CSV: Spain 2023 Centralised Annual / Total Annual, Historical Primary")

# --- change
a, b = mv(R, "USA", 2023), mv(R, "USA", 2024)
add("real", "market", "reading up on the IRA effect. us installs yoy 2023 -> 2024 in %?", "change", [E(pct(a, b), "%")],
    how="real CSV: USA Total Annual 2023 vs 2024, (b-a)/a*100")

a, b = mv(R, "World", 2019), mv(R, "World", 2024)
add("real", "market", "boss wants a growth stat for the intro slide. whats the cagr of global annual installs 2019 to 2024", "change",
    [E(cagr(a, b, 5), "%")], how="real CSV: World Total Annual 2019 and 2024, CAGR over 5 years")

a, b = mv(R, "Italy", 2020, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add("real", "market", "by how many MW did itlay's cumulative capacity grow from end 2020 to end 2024", "change",
    [E(b - a, MW)], how="real CSV: Italy Total Cumulative 2024 minus 2020")

a, b = mv(R, "India", 2022), mv(R, "India", 2023)
add("real", "market", "india's installs dropped in 2023 vs 2022 right? by how much, MW and %", "change",
    [E(b - a, MW), E(pct(a, b), "%")], how="real CSV: India Total Annual 2023 minus 2022, and % change")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add("real", "market",
    "heard the dutch market is slowing. netherlands 2024 vs 2023 new installs, % change?",
    "change", [E(pct(a, b), "%")], how="real CSV: Netherlands Total Annual 2023 vs 2024 % change")

# --- comparisons
vals = {t: mv(R, t, 2024) for t in ["France", "Spain", "Italy"]}
top = max(vals, key=vals.get)
add("real", "market", "comparing the big southern/western markets. france vs spain vs italy 2024 installs - who was biggest?", "compare",
    [E(vals[t], MW) for t in vals], [top],
    how="real CSV: 2024 Historical Primary Total Annual for France, Spain, Italy; largest named")

p_, n_ = mv(R, "Poland", 2023), mv(R, "Netherlands", 2023)
add("real", "market", "who added more pv in 2023, poland or the netherlands? and by how much",
    "compare", [E(p_, MW), E(n_, MW), E(abs(p_ - n_), MW)], ["Poland" if p_ > n_ else "Netherlands"],
    how="real CSV: Poland and Netherlands 2023 Total Annual, difference")

j, k = mv(R, "Japan", 2024, "Cumulative"), mv(R, "Korea", 2024, "Cumulative")
add("real", "market", "doing an east asia ex-china page. japan vs korea cumulative capacity end 2024?", "compare", [E(j, MW), E(k, MW)],
    how="real CSV: Japan and Korea 2024 Historical Primary Total Cumulative")

# --- extremes
s = hist_series(R, "Japan")
y = max(s, key=s.get)
add("real", "market", "whats japan's record year for new installs, and how much was it? i thought it was early 2010s", "extreme",
    [E(s[y], MW)], [str(y)], how="real CSV: Japan Total Annual, max over all years (no forecasts for Japan)")

s = hist_series(R, "India")
y = max(s, key=s.get)
add("real", "market", "when did india peak on annual installs, whats the number", "extreme", [E(s[y], MW)], [str(y)],
    how="real CSV: India Total Annual, max over all years")

s = {yy: vv for yy, vv in hist_series(R, "Spain").items() if 2010 <= yy <= 2024}
y = min(s, key=s.get)
add("real", "market", "spain's weakest year for installs between 2010 and 2024? which yr + MW", "extreme",
    [E(s[y], MW)], [str(y)], how="real CSV: Spain Total Annual Historical Primary 2010-2024, min")

# --- averages
s = series(R, "Brazil", 2020, 2024)
add("real", "market", "latam section of the report: avg annual installs in brazil 2020-2024?", "average", [E(sum(s.values()) / 5, MW)],
    how="real CSV: mean of Brazil Total Annual 2020..2024")

s = series(R, "Germany", 2025, 2030, scen="mp")
add("real", "market", "germnay avg yearly additions 2025-2030, most probable scenario", "average",
    [E(sum(s.values()) / len(s), MW)], how="real CSV: mean of Germany Forecast - Most probable Total Annual 2025..2030")

# --- sums
s = series(R, "France", 2019, 2023)
add("real", "market", "total france installed 2019 thru 2023 combined (annual adds summed)", "sum",
    [E(sum(s.values()), MW)], how="real CSV: sum France Total Annual 2019..2023")

s = {t: mv(R, t, 2024) for t in ["Italy", "Spain", "Greece"]}
add("real", "market", "for a med-markets box: italy + spain + greece 2024 additions added together?", "sum",
    [E(sum(s.values()), MW)], how="real CSV: sum of 2024 Total Annual for Italy, Spain, Greece")

s = series(R, "Poland", 2025, 2030, scen="low")
add("real", "market",
    "bear case for poland. if i add up its yearly installs 2025-2030 in the low scenario what do i get", "sum",
    [E(sum(s.values()), MW)], how="real CSV: sum Poland Forecast - Low Total Annual 2025..2030")

# --- first / latest
s = hist_series(R, "Germany")
y = min(yy for yy, vv in s.items() if vv > 10000)
add("real", "market", "first year germany installed more than 10 GW in a single year? ppl keep saying 2010 but idk", "first_latest",
    [E(s[y], MW)], [str(y)], how="real CSV: Germany Total Annual, first year with value > 10,000 MW")

y = last_hist(R, "Chile")
add("real", "market",
    "whats the most recent year of actual (not forecast) data for chile and what did they install that yr",
    "first_latest", [E(mv(R, "Chile", y), MW)], [str(y)],
    how="real CSV: Chile last Historical Primary year, Total Annual")

s = hist_series(R, "China", "Cumulative")
y = min(yy for yy, vv in s.items() if vv > 100000)
add("real", "market", "fun fact hunting for a blog post. when did china's cumulative capacity first pass 100 GW", "first_latest",
    [E(s[y], MW)], [str(y)], how="real CSV: China Total Cumulative, first year > 100,000 MW")

# ================================================================ REAL: prices
s, u = pser(RP, "Module", "n-type TOPCon", "EU")
add("real", "price", "new to the price side, sorry. latest n-type topcon module price in the EU?", "price", [E(s.iloc[-1], u)],
    how=f"parquet: Module n-type TOPCon EU, newest date {s.index[-1].date()}")

s1, u = pser(RP, "Module", "n-type TOPCon", "US")
s2, _ = pser(RP, "Module", "n-type TOPCon", "EU")
assert s1.index[-1] == s2.index[-1]
add("real", "price",
    "client asked why US modules are so pricey. latest topcon module price US vs EU and the gap?",
    "price", [E(s1.iloc[-1], u), E(s2.iloc[-1], u), E(s1.iloc[-1] - s2.iloc[-1], u)],
    how=f"parquet: Module n-type TOPCon US and EU at {s1.index[-1].date()}, difference")

s, u = pser(RP, "Polysilicon", "Very high purity - 11N/11N+", "China")
add("real", "price", "max price for the 11N/11N+ polysilicon series in china, and when was it", "price",
    [E(s.max(), u)], [str(s.idxmax().year)],
    how="parquet: Polysilicon Very high purity - 11N/11N+ China, max over series (30.0 on 2021-06-09 and 2021-06-16)")

s, u = pser(RP, "Copper", "Copper", "Overseas")
add("real", "price", "doing a bom sensitivity thing. copper price march 2024?", "price", [E(p_month(s, "2024-03"), u)],
    how="parquet: Copper Overseas monthly, 2024-03 observation")

s, u = pser(RP, "Aluminium", "Aluminium", "Overseas")
add("real", "price", "aluminium - lowest and highest price in the whole dataset? frames guy is asking", "price",
    [E(s.min(), u), E(s.max(), u)], how="parquet: Aluminium Overseas monthly, min and max of whole series")

s, u = pser(RP, "Module", "CdTe", "Overseas")
add("real", "price", "avg cdte module price over 2024 (first solar type modules)", "price", [E(p_year(s, 2024).mean(), u)],
    how="parquet: Module CdTe Overseas, mean of weekly obs dated 2024")

s, u = pser(RP, "Cell", "p-type mono-Si PERC M10", "China")
a = p_year(s, 2024)
add("real", "price",
    "perc m10 cells in china - % change from the first 2024 reading to the latest one?", "price",
    [E(pct(a.iloc[0], s.iloc[-1]), "%")],
    how=f"parquet: Cell p-type mono-Si PERC M10 China, {a.index[0].date()} to {s.index[-1].date()}")

d0 = "2025-02-05"
hj = {}
for reg in ["EU", "US", "Overseas", "China"]:
    ss, u = pser(RP, "Module", "n-type HJT", reg)
    hj[reg] = p_at(ss, d0)
cheap = min(hj, key=hj.get)
assert sorted(hj.values())[0] != sorted(hj.values())[1]
add("real", "price",
    "HJT modules on 5 feb 2025 - which region was cheapest, EU, US, overseas or china?", "price",
    [E(hj[cheap], u)], [cheap], how="parquet: Module n-type HJT per region on 2025-02-05, min")

s, u = pser(RP, "Wafer", "p-type mono-Si M10", "China")
a = s[s.index.strftime("%Y-%m") == "2024-06"]
add("real", "price", "avg p-type m10 wafer price in china durign june 2024?", "price",
    [E(a.mean(), u)], how=f"parquet: Wafer p-type mono-Si M10 China, mean of {len(a)} weekly obs in 2024-06")

s, u = pser(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
add("real", "price", "paste cost question from the cell team - silver price jan 2025?", "price", [E(p_month(s, "2025-01"), u)],
    how="parquet: Silver Overseas monthly (K US$/t), 2025-01")

# ================================================================ REAL instance: financials (sample file)
v, u = fin("Helios", "FY2024", "Revenue")
v0, _ = fin("Helios", "FY2023", "Revenue")
add("real", "manufacturer_financial", "helios modules revenue FY2024? and is that up or down vs FY2023", "financial",
    [E(v, u), E(v0, u)], how="financials.csv: Helios Modules Ltd Revenue FY2024 and FY2023")

gm = {c: fin(c.split()[0], "2024-Q4", "Gross margin")[0] for c in F.company.unique()}
best = max(gm, key=gm.get)
add("real", "manufacturer_financial", "margins look ugly everywhere. which manufacturer had the best gross margin in 2024-Q4?", "financial",
    [E(gm[best], "%")], [best.split()[0]], how="financials.csv: Gross margin 2024-Q4, max over companies")

a, u = fin("SunForge", "FY2023", "Net income")
b, _ = fin("SunForge", "FY2024", "Net income")
add("real", "manufacturer_financial", "sunforge net income fy23 vs fy24? did they swing to a loss",
    "financial", [E(a, u), E(b, u)], how="financials.csv: SunForge Energy Net income FY2023 and FY2024")

# ================================================================ REAL: follow-up chains
a = mv(R, "France", 2024)
add("real", "market", ["need a couple of quick numbers for a slide. how much did germany install in 2024", "ok and france?"], "follow_up", [E(a, MW)],
    how="real CSV: France 2024 Historical Primary Total Annual")

r = rank(R, 2021, 5)
add("real", "market", ["building a ranking chart over time. top 5 countries by installs in 2023?", "wait what about 2021"], "follow_up",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="real CSV: 2021 Historical Primary Total Annual, countries only, top 5")

v = mv(R, "Spain", 2028, scen="high")
add("real", "market", ["spain 2028 annual installs, most probable?", "same for the high scenario"], "follow_up",
    [E(v, MW)], how="real CSV: Spain 2028 Forecast - High Total Annual")

c, w = mv(R, "India", 2024), mv(R, "World", 2024)
add("real", "market", ["china share of world installs 2024?", "and india?"], "follow_up",
    [E(c / w * 100, "%")], how="real CSV: India / World 2024 Historical Primary Total Annual")

s, u = pser(RP, "Module", "n-type TOPCon", "US")
add("real", "price", ["latest topcon module price in the EU pls", "and in the US?"], "follow_up",
    [E(s.iloc[-1], u)], how=f"parquet: Module n-type TOPCon US newest {s.index[-1].date()}")

a, b = mv(R, "Brazil", 2023), mv(R, "Brazil", 2024)
add("real", "market", ["americas slide. usa yoy growth in installs 2024 vs 2023", "what about brazil"], "follow_up",
    [E(pct(a, b), "%")], how="real CSV: Brazil Total Annual 2023 vs 2024 % change")

v = mv(R, "Poland", 2021, "Cumulative")
add("real", "market", ["poland installed base end of 2024?", "wait what about 2021"], "follow_up",
    [E(v, MW)], how="real CSV: Poland 2021 Historical Primary Total Cumulative")

s = hist_series(R, "Australia")
y = max(s, key=s.get)
add("real", "market",
    ["chart australia's annual installs over time pls", "ok so which yr was the peak and how much"],
    "follow_up", [E(s[y], MW)], [str(y)], how="real CSV: Australia Total Annual, max over all years")

# ================================================================ REAL: unanswerable
UNR = [
    ("market", ["how much wind did germany add in 2023?"], "wind capacity is not in the data, only solar PV"),
    ("market", ["client is doing solar+storage. need us battery storage installs for 2024 in MWh"], "energy storage is not in the data"),
    ("market", ["working on a PPA benchmark. whats the LCOE for utility scale solar in spain rn"], "LCOE is not held"),
    ("market", ["italy solar generation in 2023, in GWh?"], "electricity generation (GWh) is not held, only capacity"),
    ("market", ["how many ppl work in solar in india? jobs number"], "employment is not held"),
    ("market", ["germany's feed in tariff for small rooftop systems currently?"], "tariffs / policy support levels are not held"),
    ("price", ["what's the avg efficiency of topcon modules these days, like 22%? 23%?"], "module efficiency is not held, only prices"),
    ("market", ["how big is the french pv market in EUR for 2024? market value"], "market value in EUR is not held, only MW"),
    ("market", ["got an africa lead. nigeria pv installs 2024?"], "Nigeria is not a territory in the data"),
    ("market", ["random q, how much pv did the world install in 1985"], "data starts in 1992"),
    ("price", ["latest string inverter prices? $/W"], "inverter prices are not in the price data"),
    ("price", ["indian developer client asking. india topcon module price latest?"], "no n-type TOPCon module series for India in the price data"),
    ("manufacturer_financial", ["peer benchmarking. longi revenue 2024?"], "LONGi is not in the financials (only four sample companies)"),
    ("price", ["what share of the module price is polysilicon? like % of cost"], "a share of a price cannot be derived; no cost breakdown held"),
    ("market", ["germany cumulative capacity in 2030, most probable scenario?"],
     "forecast cumulative values in the real CSV exclude the installed base, so no valid forecast cumulative figure"),
    ("market", ["how much solar thermal / CSP does spain have?"], "solar thermal / CSP is not in the data, only PV"),
    ("market", ["doing a 5yr outlook for the us. usa installs forecast for 2026?"], "the real data holds forecasts only for European countries; none for the USA"),
    ("market", ["china question - how much pv did jiangsu province install in 2024"], "Chinese provinces are not in the data"),
    ("market", ["how much germany installed in 2024?", "ok and how much wind did they add?"], "wind capacity is not in the data"),
]
for ag, turns, why in UNR:
    add("real", ag, turns, "unanswerable", answerable=False, why=why, how="not in data")

# ================================================================ SAMPLE: market
v = mv(S, "Netherlands", 2019)
add("sample", "market", "how much did the netherlads install in 2019", "lookup", [E(v, MW)],
    how="sample market: Netherlands 2019 Historical Primary Total Annual")

v = mv(S, "Poland", 2024, "Cumulative")
add("sample", "market", "prepping a CEE overview. poland cumulative capacity end of 2024?", "lookup", [E(v, MW)],
    how="sample market: Poland 2024 Historical Primary Total Cumulative")

v = mv(S, "Italy", 2022, conn="Off-grid")
add("sample", "market", "tiny one - italy off-grid additions in 2022?", "lookup", [E(v, MW)],
    how="sample market: Italy 2022 Historical Primary Off-grid Annual")

v = mv(S, "Germany", 2030, "Cumulative", scen="mp")
add("sample", "market", "client wants the 2030 picture. germany total installed capacity by end of 2030 in the most probable case", "lookup",
    [E(v, MW)], how="sample market: Germany 2030 Forecast - Most probable Total Cumulative")

r = rank(S, 2024, 3)
add("sample", "market", "top 3 countries for installs in 2024? (not world)", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="sample market: 2024 Historical Primary Total Annual, countries only, top 3")

r = rank(S, 2030, 3, "Cumulative", scen="high")
add("sample", "market", "rank top 3 countries by installed base in 2030, high scenario", "rank",
    [E(x[1], MW) for x in r], [x[0] for x in r],
    how="sample market: 2030 Forecast - High Total Cumulative, countries only, top 3")

g, w = mv(S, "Germany", 2023), mv(S, "World", 2023)
add("sample", "market", "germany's share of global installs 2023 in %, feels tiny vs china", "share", [E(g / w * 100, "%")],
    how="sample market: Germany / World 2023 Historical Primary Total Annual")

a, t = mv(S, "Netherlands", 2024, conn="Distributed"), mv(S, "Netherlands", 2024)
add("sample", "market", "dutch market 2024: how much of the additions were distributed, as a share?",
    "share", [E(a / t * 100, "%")], how="sample market: Netherlands 2024 Distributed / Total Annual")

a, b = mv(S, "Spain", 2015), mv(S, "Spain", 2024)
add("sample", "market", "spain installs cagr 2015-2024? the growth looks insane on the chart", "change", [E(cagr(a, b, 9), "%")],
    how="sample market: Spain Total Annual 2015 and 2024, CAGR over 9 years")

a, b = mv(S, "France", 2020, "Cumulative"), mv(S, "France", 2024, "Cumulative")
add("sample", "market", "how much did france's installed base grow 2020 to 2024 in %", "change",
    [E(pct(a, b), "%")], how="sample market: France Total Cumulative 2020 vs 2024 % change")

g, f = mv(S, "Germany", 2022), mv(S, "France", 2022)
add("sample", "market", "germany vs france installs 2022, whos ahead and by how much", "compare",
    [E(g, MW), E(f, MW), E(abs(g - f), MW)], ["Germany" if g > f else "France"],
    how="sample market: Germany and France 2022 Total Annual, difference")

i_, s_ = mv(S, "Italy", 2030, scen="low"), mv(S, "Spain", 2030, scen="low")
add("sample", "market", "low scenario 2030 - italy or spain installs more? numbers pls", "compare",
    [E(i_, MW), E(s_, MW)], ["Italy" if i_ > s_ else "Spain"],
    how="sample market: Italy and Spain 2030 Forecast - Low Total Annual")

s = {yy: vv for yy, vv in series(S, "France", 2015, 2024).items()}
y = min(s, key=s.get)
add("sample", "market", "lowest year for french installs between 2015 and 2024? which yr", "extreme", [E(s[y], MW)],
    [str(y)], how="sample market: France Total Annual 2015-2024 Historical Primary, min")

s = series(S, "Poland", 2015, 2024)
y = max(s, key=s.get)
add("sample", "market", "poland's peak year for installs, historical only (no forecasts)", "extreme",
    [E(s[y], MW)], [str(y)], how="sample market: Poland Total Annual Historical Primary 2015-2024, max")

s = series(S, "Italy", 2020, 2024)
add("sample", "market", "avg annual installs italy 2020-2024, need it for a footnote", "average", [E(sum(s.values()) / 5, MW)],
    how="sample market: mean Italy Total Annual 2020..2024")

s = series(S, "World", 2025, 2030, scen="mp")
add("sample", "market", "sanity check on the outlook. whats the average global install per year 2025-2030 in the most probable forecast",
    "average", [E(sum(s.values()) / 6, MW)], how="sample market: mean World Forecast - Most probable Total Annual 2025..2030")

cs = countries(S)
tot = sum(mv(S, t, 2024) for t in cs)
add("sample", "market",
    "add up 2024 installs for germany, spain, italy, france, netherlands and poland - whats the total", "sum",
    [E(tot, MW)], how="sample market: sum of 2024 Total Annual over the six countries")

s = series(S, "Poland", 2015, 2024)
y = min(yy for yy, vv in s.items() if vv > 2000)
add("sample", "market", "first yr poland installed more than 2 GW? and how much was it", "first_latest", [E(s[y], MW)], [str(y)],
    how="sample market: Poland Total Annual, first year > 2,000 MW")

y = last_hist(S, "Italy")
add("sample", "market", "latest year with actual historical data for italy, and the installs that year",
    "first_latest", [E(mv(S, "Italy", y), MW)], [str(y)],
    how="sample market: Italy last Historical Primary year, Total Annual")

# ================================================================ SAMPLE: prices
s, u = pser(SP, "Module", "n-type TOPCon", "China")
add("sample", "price", "updating the price tracker sheet. topcon module price in china dec 2024?", "price", [E(p_month(s, "2024-12"), u)],
    how="sample prices: Module n-type TOPCon China 2024-12")

e_, _ = pser(SP, "Module", "n-type TOPCon", "EU")
us_, _ = pser(SP, "Module", "n-type TOPCon", "US")
add("sample", "price", "tariff discussion in the team. eu vs us topcon module prices in june 2024", "price",
    [E(p_month(e_, "2024-06"), u), E(p_month(us_, "2024-06"), u)],
    how="sample prices: Module n-type TOPCon EU and US, 2024-06")

s, u = pser(SP, "Polysilicon", "High purity - 9N/9N+", "China")
add("sample", "price", "polysilicon china - lowest price in the data and when? trying to see the bottom of the cycle", "price", [E(s.min(), u)],
    [s.idxmin().strftime("%Y")], how="sample prices: Polysilicon High purity 9N China, min over series")

ind = {}
for dsc in ["n-type HJT", "n-type TOPCon", "p-type mono-Si PERC M10"]:
    ss, u = pser(SP, "Module", dsc, "India")
    ind[dsc] = p_month(ss, "2024-10")
ch = min(ind, key=ind.get)
assert sorted(ind.values())[0] != sorted(ind.values())[1]
add("sample", "price",
    "india module prices oct 2024 - HJT vs TOPCon vs PERC M10, which is cheapest?", "price",
    [E(ind[k], u) for k in ind], [ch.split()[-1] if "PERC" not in ch else "PERC"],
    how="sample prices: Module India 2024-10 for n-type HJT, n-type TOPCon, p-type mono-Si PERC M10")

s, u = pser(SP, "PV glass", "Glass 3,2mm", "China")
add("sample", "price", "3.2mm glass china, % change jan 2023 to dec 2024? glass supplier says prices went up lol", "price",
    [E(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), "%")],
    how="sample prices: PV glass Glass 3,2mm China 2023-01 vs 2024-12")

c_, u = pser(SP, "Cell", "p-type mono-Si PERC M10", "China")
e_, _ = pser(SP, "Cell", "p-type mono-Si PERC M10", "EU")
add("sample", "price", "perc m10 cell price china vs eu, march 2024", "price",
    [E(p_month(c_, "2024-03"), u), E(p_month(e_, "2024-03"), u)],
    how="sample prices: Cell p-type mono-Si PERC M10 China and EU, 2024-03")

# ================================================================ SAMPLE: financials
v, u = fin("Helios", "2024-Q3", "Gross margin")
add("sample", "manufacturer_financial", "first time looking at the manufacturer data. helios gross margin in 2024-Q3?", "financial", [E(v, u)],
    how="financials.csv: Helios 2024-Q3 Gross margin")

sh = {c: fin(c.split()[0], "FY2024", "Module shipments")[0] for c in F.company.unique()}
best = max(sh, key=sh.get)
add("sample", "manufacturer_financial", "who shipped the most modules in FY2024? GW", "financial",
    [E(sh[best], "GW")], [best.split()[0]], how="financials.csv: FY2024 Module shipments, max over companies")

a, u = fin("Aurora", "FY2023", "Revenue")
b, _ = fin("Aurora", "FY2024", "Revenue")
add("sample", "manufacturer_financial", "aurora pv revenue yoy FY23 to FY24, %?", "financial",
    [E(pct(a, b), "%")], how="financials.csv: Aurora PV Group Revenue FY2023 vs FY2024 % change")

q = [fin("Nordlicht", f"2024-Q{i}", "Net income")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "nordlicht looks like its bleeding cash. net income summed over the four 2024 quarters?", "financial",
    [E(sum(q), "USD million")], how="financials.csv: Nordlicht Net income 2024-Q1..Q4 summed")

q = [fin("SunForge", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial",
    "sunforge - simple avg of its four 2024 quarterly gross margins (not the FY figure)", "financial",
    [E(sum(q) / 4, "%")], how="financials.csv: mean of SunForge Gross margin 2024-Q1..Q4")

a, u = fin("Helios", "2023-Q1", "Production capacity")
b, _ = fin("Helios", "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "capex story for helios - how much did they grow production capacity from 2023-Q1 to 2024-Q4, in GW",
    "financial", [E(b - a, u)], how="financials.csv: Helios Production capacity 2024-Q4 minus 2023-Q1")

# ================================================================ SAMPLE: follow-ups
v = mv(S, "Italy", 2030, "Cumulative", scen="mp")
add("sample", "market", ["itlay cumulative end 2024?", "and the most probable for 2030?"], "follow_up",
    [E(v, MW)], how="sample market: Italy 2030 Forecast - Most probable Total Cumulative")

s, u = pser(SP, "Module", "p-type mono-Si PERC M10", "India")
add("sample", "price", ["perc m10 module price china dec 2024", "and india?"], "follow_up",
    [E(p_month(s, "2024-12"), u)], how="sample prices: Module p-type mono-Si PERC M10 India 2024-12")

v, u = fin("SunForge", "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["helios revenue FY2024", "and sunforge?"], "follow_up", [E(v, u)],
    how="financials.csv: SunForge Energy FY2024 Revenue")

s = series(S, "Germany", 2015, 2024)
y = max(s, key=s.get)
add("sample", "market", ["can u chart germany installs 2015-2024", "ok which year was highest in that range"], "follow_up",
    [E(s[y], MW)], [str(y)], how="sample market: Germany Total Annual 2015-2024, max")

a, t = mv(S, "Poland", 2024, conn="Distributed"), mv(S, "Poland", 2024)
add("sample", "market", ["netherlands distributed share of 2024 installs?", "and poland?"], "follow_up",
    [E(a / t * 100, "%")], how="sample market: Poland 2024 Distributed / Total Annual")

v = mv(S, "Spain", 2027, scen="low")
add("sample", "market", ["spain forecast installs 2027", "same for the low scenario"], "follow_up",
    [E(v, MW)], how="sample market: Spain 2027 Forecast - Low Total Annual")

# ================================================================ SAMPLE: unanswerable
UNS = [
    ("market", ["usa installs 2024? and whats the yoy"], "the sample market data has no USA (only six European countries and World)"),
    ("price", ["topcon module price china in 2022?"], "sample prices start in January 2023"),
    ("price", ["whats copper doing lately, price trend?"], "copper is not in the sample price data"),
    ("manufacturer_financial", ["comparing w a listed peer. first solar gross margin FY2024?"], "First Solar is not in the financials"),
    ("manufacturer_financial", ["helios EBITDA for FY2024?"], "EBITDA is not a metric in the financials"),
    ("market", ["germany installs back in 2012?"], "the sample market data starts in 2015"),
    ("market", ["italy forecast 2035?"], "forecasts end in 2030"),
    ("market", ["other team asked me lol - spain heat pump installs last year?"], "heat pumps are not in the data"),
    ("price", ["module prices in australia, latest?"], "Australia is not a region in the sample prices"),
    ("market", ["how much did france install in 2024?", "ok and how much storage went in alongside?"],
     "storage is not in the data"),
]
for ag, turns, why in UNS:
    add("sample", ag, turns, "unanswerable", answerable=False, why=why, how="not in data")

# ---------------------------------------------------------------- ids, write, self-check
for i, it in enumerate(items, 1):
    it["id"] = f"{WRITER}-{i:03d}"
with open(os.path.join(HERE, "questions.jsonl"), "w") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
n_unans = sum(not it["answerable"] for it in items)
n_chains = sum(len(it["turns"]) >= 2 for it in items)
assert len(items) >= 110, len(items)
assert n_unans >= 28, n_unans
assert n_chains >= 12, n_chains
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert pd.notna(e["value"]), it["id"]
    else:
        assert it["why"] and not it["expect"], it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in items)
print("items", len(items), "unanswerable", n_unans, "multi-turn chains", n_chains, "financial agent", n_fin)
print("per data:", dict(Counter(it["data"] for it in items)))
print("per agent:", dict(Counter(it["agent"] for it in items)))
print("per kind x data:")
ct = Counter((it["kind"], it["data"]) for it in items)
for k in sorted({k for k, _ in ct}):
    print(f"  {k:13s} real={ct[(k, 'real')]:3d} sample={ct[(k, 'sample')]:3d}")
