"""Held-out question set for writer `tradefin` (trade-finance officer persona).

Every expected figure is computed from the data files below; nothing is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "tradefin"

# ---------------------------------------------------------------- data
REAL_MKT = pd.read_csv("/work/shared/datasets/market-database-fy.csv")
REAL_MKT = REAL_MKT.drop_duplicates()  # 624 exact duplicates
# RoW has rows that repeat a key with identical capacity but different metadata; one per key
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
REAL_MKT = REAL_MKT.drop_duplicates(KEY)
REAL_PRC = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMP_MKT = pd.read_csv("/work/main/data/sample/market.csv")
SAMP_PRC = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": REAL_MKT, "sample": SAMP_MKT}
PRC = {"real": REAL_PRC, "sample": SAMP_PRC}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
    "South America", "South Asia", "South Europe", "Southeast Asia", "Southern Africa",
    "World",
}
SCEN = {
    None: None,
    "high": "Forecast - High",
    "low": "Forecast - Low",
    "mp": "Forecast - Most probable",
    "hist": "Historical Primary",
}


def last_hist(d, terr):
    df = MKT[d]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(d, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(d, terr) else "Forecast - Most probable"


def mv(d, terr, year, typ="Annual", conn="Total", scen=None):
    df = MKT[d]
    s = scen_for(d, terr, year, scen)
    if s.startswith("Forecast") and typ == "Cumulative" and d == "real":
        raise ValueError("forecast cumulative not usable in real CSV")
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]["Capacity(MW)"]
    assert len(r) == 1, (d, terr, year, typ, conn, s, len(r))
    return float(r.iloc[0])


def series(d, terr, typ="Annual", conn="Total", scen="hist", y0=None, y1=None):
    df = MKT[d]
    x = df[(df.Territory == terr) & (df.Scenario == SCEN[scen]) & (df.Connection == conn)
           & (df.Type == typ)]
    if y0 is not None:
        x = x[x.Year >= y0]
    if y1 is not None:
        x = x[x.Year <= y1]
    s = x.set_index("Year")["Capacity(MW)"].sort_index()
    assert s.index.is_unique
    return s


def ranking(d, year, typ="Annual", conn="Total", scen=None, n=3, ascending=False):
    df = MKT[d]
    if scen is None:
        s = "Historical Primary" if year <= 2024 else "Forecast - Most probable"
    else:
        s = SCEN[scen]
    x = df[(df.Year == year) & (df.Scenario == s) & (df.Connection == conn) & (df.Type == typ)
           & (~df.Territory.isin(AGGREGATES))]
    x = x.sort_values("Capacity(MW)", ascending=ascending)
    top = x.head(n + 1)
    # no tie at the cut-off
    assert len(top) <= n or top["Capacity(MW)"].iloc[n - 1] != top["Capacity(MW)"].iloc[n]
    top = top.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def pseries(d, item, desc, region, unit=None, start=None, end=None):
    df = PRC[d]
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    x = x.drop_duplicates(["date", "base_price"])
    assert x.date.is_unique, (item, desc, region)
    if start is not None:
        x = x[x.date >= pd.Timestamp(start)]
    if end is not None:
        x = x[x.date <= pd.Timestamp(end)]
    s = x.set_index("date")["base_price"].sort_index()
    return s, x.unit.iloc[0]


def pmonth(d, item, desc, region, ym, unit=None):
    s, u = pseries(d, item, desc, region, unit)
    m = s[s.index.strftime("%Y-%m") == ym]
    assert len(m) == 1, (item, desc, region, ym, len(m))
    return float(m.iloc[0]), u


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def uniq_argmax(s, how="max"):
    v = s.max() if how == "max" else s.min()
    hits = s[s == v]
    assert len(hits) == 1, ("tie", hits)
    return hits.index[0], float(v)


def E(v, u):
    return {"value": float(v), "unit": u}


ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": "unanswerable" if not answerable else kind,
        "expect": list(expect),
        "names": [str(n) for n in names],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


def unans(data, agent, turns, why, how="not in the loaded data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


MW = "MW"
PCT = "%"
USDM = "USD million"

# ================================================================ REAL — market
R = "real"

v = mv(R, "Poland", 2023)
add(R, "market", ["We are setting up a documentary credit line for a Warsaw-based module distributor. "
                  "For the file: how much PV capacity did Poland add in calendar 2023, in MW?"],
    "lookup", [E(v, MW)], [], "market CSV: Poland, 2023, Historical Primary, Total, Annual")

v = mv(R, "Germany", 2024, "Cumulative")
add(R, "market", ["The counterparty's investor deck states that Germany passed 100 GW of installed PV by end-2024. "
                  "Please confirm Germany's cumulative installed capacity at 31 Dec 2024 in MW so I can tick it off."],
    "lookup", [E(v, MW)], [], "market CSV: Germany, 2024, Historical Primary, Total, Cumulative")

v = mv(R, "Brazil", 2024, conn="Distributed")
add(R, "market", ["Brazilian distributed PV additions in 2024 — what's the MW figure?"],
    "lookup", [E(v, MW)], [], "market CSV: Brazil, 2024, Historical Primary, Distributed, Annual")

v = mv(R, "Italy", 2027, scen="low")
add(R, "market", ["For a stress case on an Italian importer's tenor extension I need the downside view: "
                  "what is the low-scenario forecast for Italy's annual PV installations in 2027 (MW)?"],
    "lookup", [E(v, MW)], [], "market CSV: Italy, 2027, Forecast - Low, Total, Annual")

v = mv(R, "Romania", 2024)
add(R, "market", ["Applicant claims the Romanian market added 1.7 GW in 2024. Does your database agree? "
                  "I need the exact MW number for the credit memo."],
    "lookup", [E(v, MW)], [], "market CSV: Romania, 2024, Historical Primary, Total, Annual")

names, vals = ranking(R, 2024, n=5)
add(R, "market", ["Top 5 countries by new PV installations in 2024, with the MW for each please."],
    "rank", [E(x, MW) for x in vals], names,
    "market CSV: 2024, Historical Primary, Total, Annual; countries only (aggregates excluded), top 5")

names, vals = ranking(R, 2024, typ="Cumulative", n=3)
add(R, "market", ["We're reviewing our country limits. Which three countries had the largest cumulative "
                  "installed PV base at end of 2024, and how large was each (MW)?"],
    "rank", [E(x, MW) for x in vals], names,
    "market CSV: 2024, Historical Primary, Total, Cumulative; countries only, top 3")

names, vals = ranking(R, 2022, n=2)
add(R, "market", ["which country was the 2nd largest PV market in 2022 by annual additions, and how many MW?"],
    "rank", [E(vals[1], MW)], [names[1]],
    "market CSV: 2022, Historical Primary, Total, Annual; countries only, rank 2")

names, vals = ranking(R, 2030, scen="mp", n=3)
add(R, "market", ["Looking at 2030 under the most probable scenario: rank the top 3 countries by forecast "
                  "annual PV installations (MW)."],
    "rank", [E(x, MW) for x in vals], names,
    "market CSV: 2030, Forecast - Most probable, Total, Annual; countries only, top 3")

a, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", ["Most of our module LCs are for Chinese-made product. What share of global PV additions in 2024 "
                  "did China itself account for, in %?"],
    "share", [E(a / w * 100, PCT)], [],
    "market CSV 2024 Annual Total Historical Primary: China / World x 100")

a, w = mv(R, "India", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", ["India's share of the worlds cumulative installed PV capacity at end-2024, in percent?"],
    "share", [E(a / w * 100, PCT)], [],
    "market CSV 2024 Cumulative Total Historical Primary: India / World x 100")

a, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, "market", ["Our German counterparty sells mainly into rooftop. What percentage of Germany's 2024 "
                  "PV additions was distributed?"],
    "share", [E(a / t * 100, PCT)], [],
    "market CSV Germany 2024 Annual Historical Primary: Distributed / Total x 100")

a, t = mv(R, "Spain", 2024, "Cumulative", "Centralised"), mv(R, "Spain", 2024, "Cumulative")
add(R, "market", ["Of Spain's installed PV base at the end of 2024, what proportion is centralised (%)?"],
    "share", [E(a / t * 100, PCT)], [],
    "market CSV Spain 2024 Cumulative Historical Primary: Centralised / Total x 100")

a, b = mv(R, "Pakistan", 2023), mv(R, "Pakistan", 2024)
add(R, "market", ["We've had a surge of LC applications for shipments to Karachi; one applicant quotes ~18,000 MW of "
                  "Pakistani demand in 2024. What was the year-on-year % change in annual PV installations from 2023 to 2024?"],
    "change", [E(pct(a, b), PCT)], [],
    "market CSV Pakistan Annual Total Historical Primary: (2024-2023)/2023 x 100")

a, b = mv(R, "World", 2019), mv(R, "World", 2024)
add(R, "market", ["What was the CAGR of world annual PV additions between 2019 and 2024?"],
    "change", [E(cagr(a, b, 5), PCT)], [],
    "market CSV World Annual Total Historical Primary: (2024/2019)^(1/5)-1")

a, b = mv(R, "Italy", 2020, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add(R, "market", ["Annual review of an Italian obligor, four-year look-back. By how many MW did Italy's cumulative PV "
                  "capacity increase between end-2020 and end-2024?"],
    "change", [E(b - a, MW)], [],
    "market CSV Italy Cumulative Total Historical Primary: 2024 - 2020")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", ["Dutch installations, 2023 vs 2024 — % change please. One of our obligors imports into "
                  "Rotterdam and says volumes are softening."],
    "change", [E(pct(a, b), PCT)], [],
    "market CSV Netherlands Annual Total Historical Primary: (2024-2023)/2023 x 100")

a, b = mv(R, "Spain", 2025, scen="high"), mv(R, "Spain", 2030, scen="high")
add(R, "market", ["Under the high scenario, what % growth is forecast for Spain's annual PV market between 2025 "
                  "and 2030?"],
    "change", [E(pct(a, b), PCT)], [],
    "market CSV Spain Annual Total Forecast - High: (2030-2025)/2025 x 100")

vals = [mv(R, c, 2024) for c in ["France", "Italy", "Spain"]]
add(R, "market", ["Please compare 2024 PV additions in France, Italy and Spain (MW each)."],
    "compare", [E(x, MW) for x in vals], ["France", "Italy", "Spain"],
    "market CSV 2024 Annual Total Historical Primary for France, Italy, Spain")

a, b = mv(R, "Brazil", 2024, "Cumulative"), mv(R, "Mexico", 2024, "Cumulative")
add(R, "market", ["Latin America exposure check: Brazil vs Mexico installed base at end-2024 — both figures "
                  "and the gap in MW."],
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Brazil"],
    "market CSV 2024 Cumulative Total Historical Primary: Brazil, Mexico, Brazil - Mexico")

a, b = mv(R, "Japan", 2024), mv(R, "Korea", 2024)
add(R, "market", ["Japan or Korea — which one added more PV in 2024, and by how many MW?"],
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Japan" if a > b else "Korea"],
    "market CSV 2024 Annual Total Historical Primary: Japan vs Korea, difference")

s = series(R, "Spain")
y, v = uniq_argmax(s)
add(R, "market", ["In which year did Spain record its highest annual PV installations, and how much was added that year?"],
    "extreme", [E(v, MW)], [y],
    "market CSV Spain Annual Total Historical Primary, all years: argmax")

s = series(R, "Vietnam")
y, v = uniq_argmax(s)
add(R, "market", ["A Hanoi-based EPC wants a 180-day usance LC. For context, what was the peak year of Vietnam's "
                  "PV market and the volume that year (MW)?"],
    "extreme", [E(v, MW)], [y],
    "market CSV Vietnam Annual Total Historical Primary, all years: argmax")

s = series(R, "Japan", y0=2012, y1=2024)
y, v = uniq_argmax(s, "min")
add(R, "market", ["Between 2012 and 2024, what was Japan's weakest year for new PV installations? Year and MW please."],
    "extreme", [E(v, MW)], [y],
    "market CSV Japan Annual Total Historical Primary 2012-2024: argmin")

s = series(R, "India", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", ["The Indian applicant's business plan assumes 16 GW a year of domestic demand. Average annual PV "
                  "additions in India over 2020–2024 inclusive, in MW?"],
    "average", [E(s.mean(), MW)], [],
    "market CSV India Annual Total Historical Primary 2020-2024: mean of 5 years")

s = series(R, "Germany", scen="mp", y0=2025, y1=2030)
assert len(s) == 6
add(R, "market", ["For covenant headroom modelling on a German wholesaler: Germany's average annual additions over "
                  "2025-2030 in the most probable scenario?"],
    "average", [E(s.mean(), MW)], [],
    "market CSV Germany Annual Total Forecast - Most probable 2025-2030: mean of 6 years")

s = series(R, "USA", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", ["Our US desk wants the five-year volume behind its limit request. Total US PV instalations 2020 through "
                  "2024 (inclusive), MW?"],
    "sum", [E(s.sum(), MW)], [],
    "market CSV USA Annual Total Historical Primary 2020-2024: sum")

vals = [mv(R, c, 2024) for c in ["Poland", "Romania", "Hungary"]]
add(R, "market", ["We cover a CEE distributor selling into Poland, Romania and Hungary. What were the combined "
                  "2024 additions of those three markets?"],
    "sum", [E(sum(vals), MW)], [],
    "market CSV 2024 Annual Total Historical Primary: Poland + Romania + Hungary")

s = series(R, "World", "Cumulative")
y = int(s[s > 1_000_000].index.min())
add(R, "market", ["First year in which world cumulative PV capacity exceeded 1 TW?"],
    "first_latest", [E(s[y], MW)], [y],
    "market CSV World Cumulative Total Historical Primary: first year > 1,000,000 MW")

s = series(R, "Chile")
y = int(s.index.min())
add(R, "market", ["What's the earliest year for which you hold installation data for Chile, and how much was added "
                  "that year?"],
    "first_latest", [E(s[y], MW)], [y],
    "market CSV Chile Annual Total Historical Primary: first year present")

s = series(R, "France", scen="low", y0=2025, y1=2030)
assert len(s) == 6
add(R, "market", ["Low scenario, for a French buyer's 6-year programme: total PV additions in France across "
                  "2025-2030 inclusive (sum of the annual figures), MW?"],
    "sum", [E(s.sum(), MW)], [], "market CSV France Annual Total Forecast - Low 2025-2030: sum of annual")

s = series(R, "Saudi Arabia")
y = int(s.index.max())
add(R, "market", ["Saudi EPC counterparty, first-time obligor. What is the latest year of historical installation "
                  "data you hold for Saudi Arabia, and the MW added that year?"],
    "first_latest", [E(s[y], MW)], [y], "market CSV Saudi Arabia Annual Total Historical Primary: latest year")

s = series(R, "Australia", y0=2015, y1=2024)
assert len(s) == 10
add(R, "market", ["avg yearly PV installations in Australia 2015–2024?"],
    "average", [E(s.mean(), MW)], [], "market CSV Australia Annual Total Historical Primary 2015-2024: mean of 10")

# ---- REAL follow-up chains (market)
v = mv(R, "Portugal", 2024)
add(R, "market", ["How much PV did Spain install in 2024?", "And Portugal?"],
    "follow_up", [E(v, MW)], [], "market CSV Portugal 2024 Annual Total Historical Primary")

v = mv(R, "Italy", 2024, "Cumulative")
add(R, "market", ["For an Italian obligor's annual review: Italy's cumulative installed capacity at end-2022?",
                  "what about end-2024?"],
    "follow_up", [E(v, MW)], [], "market CSV Italy 2024 Cumulative Total Historical Primary")

v = mv(R, "France", 2028, scen="high")
add(R, "market", ["Most probable forecast for France's annual PV additions in 2028, MW?",
                  "Same for the high scenario, please."],
    "follow_up", [E(v, MW)], [], "market CSV France 2028 Annual Total Forecast - High")

names, vals = ranking(R, 2021, n=3)
add(R, "market", ["Top 3 countries by PV capacity added in 2023?", "And for 2021?"],
    "follow_up", [E(x, MW) for x in vals], names,
    "market CSV 2021 Annual Total Historical Primary; countries only, top 3")

a, t = mv(R, "India", 2024, conn="Centralised"), mv(R, "India", 2024)
add(R, "market", ["India's distributed PV additions in 2024?", "And centralised?",
                  "What share of India's 2024 total is the centralised segment?"],
    "follow_up", [E(a / t * 100, PCT)], [],
    "market CSV India 2024 Annual Historical Primary: Centralised / Total x 100")

s = series(R, "Germany", y0=2015, y1=2024)
add(R, "market", ["Show me Germany's annual PV installations for 2015-2024.", "Plot that as a chart pls"],
    "follow_up", [E(s[2015], MW), E(s[2024], MW)], ["Germany"],
    "market CSV Germany Annual Total Historical Primary 2015-2024 (endpoints checked)")

a, b = mv(R, "Türkiye", 2023, "Cumulative"), mv(R, "Türkiye", 2024, "Cumulative")
add(R, "market", ["Turkish installed PV capacity at end of 2023?", "and the % growth to end-2024?"],
    "follow_up", [E(pct(a, b), PCT)], [],
    "market CSV Türkiye Cumulative Total Historical Primary: (2024-2023)/2023 x 100")

# ================================================================ REAL — prices
s, u = pseries(R, "Module", "n-type TOPCon", "US")
add(R, "price", ["Latest n-type TOPCon module price quoted for the US, in US$/Wp?"],
    "price", [E(s.iloc[-1], u)], [],
    f"prices parquet Module / n-type TOPCon / US: value at latest date {s.index[-1].date()}")

s1, u = pseries(R, "Module", "n-type TOPCon", "EU")
s2, _ = pseries(R, "Module", "n-type TOPCon", "US")
assert s1.index[-1] == s2.index[-1]
add(R, "price", ["An importer is pricing LCs for both EU and US deliveries. What's the latest n-type TOPCon module "
                 "price in the EU vs the US, and the spread in US$/Wp?"],
    "price", [E(s1.iloc[-1], u), E(s2.iloc[-1], u), E(s2.iloc[-1] - s1.iloc[-1], u)], [],
    f"prices parquet Module / n-type TOPCon EU and US at {s1.index[-1].date()}; US - EU")

v, u = pmonth(R, "Copper", "Copper", "Overseas", "2024-03")
add(R, "price", ["Checking a ribbon supplier's cost pass-through clause. Copper price for March 2024, US$/t?"],
    "price", [E(v, u)], [], "prices parquet Copper / Overseas monthly, 2024-03")

s, u = pseries(R, "Silver", "Silver", "Overseas", unit="K US$/t", start="2020-01-01", end="2024-12-31")
d, v = uniq_argmax(s)
add(R, "price", ["Silver paste is a big cost line for our cell-maker clients. What was the highest monthly silver "
                 "price between Jan 2020 and Dec 2024 (K US$/t), and in which month?"],
    "price", [E(v, u)], [d.strftime("%Y")],
    f"prices parquet Silver / Overseas, unit K US$/t, 2020-01..2024-12: max at {d.date()}")

s, u = pseries(R, "Aluminium", "Aluminium", "Overseas")
add(R, "price", ["Aluminium (frames): % change from January 2020 to the latest month in your data?"],
    "price", [E(pct(s.iloc[0], s.iloc[-1]), PCT)], [],
    f"prices parquet Aluminium / Overseas: {s.index[0].date()} -> {s.index[-1].date()}, % change")

s, u = pseries(R, "Module", "n-type HJT", "China")
add(R, "price", ["Lowest n-type HJT module price ever recorded for China in the file, US$/Wp?"],
    "price", [E(s.min(), u)], [], "prices parquet Module / n-type HJT / China: min over whole series")

s, u = pseries(R, "Cell", "p-type mono-Si PERC", "China", start="2024-01-01", end="2024-12-31")
add(R, "price", ["Average weekly price of p-type mono-Si PERC cells in China during calendar 2024 (US$/Wp)?"],
    "price", [E(s.mean(), u)], [],
    f"prices parquet Cell / p-type mono-Si PERC / China, 2024 ({len(s)} weekly obs): mean")

s, u = pseries(R, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", ["latest n-type mono-Si M10 wafer price, overseas, in US$/pce?"],
    "price", [E(s.iloc[-1], u)], [],
    f"prices parquet Wafer / n-type mono-Si M10 / Overseas: latest {s.index[-1].date()}")

a, u = pmonth(R, "EVA", "EVA", "Overseas", "2023-01")
b, _ = pmonth(R, "EVA", "EVA", "Overseas", "2025-01")
add(R, "price", ["For the encapsulant supplier file: EVA price change from January 2023 to January 2025, in %?"],
    "price", [E(pct(a, b), PCT)], [], "prices parquet EVA / Overseas monthly: (2025-01 - 2023-01)/2023-01 x 100")

s1, u = pseries(R, "Module", "n-type TOPCon", "China")
s2, _ = pseries(R, "Module", "n-type HJT", "China")
assert s1.index[-1] == s2.index[-1]
add(R, "price", ["Counterparty invoices HJT at a premium to TOPCon. On the latest China quotes, what are the n-type "
                 "TOPCon and n-type HJT module prices and the premium in US$/Wp?"],
    "price", [E(s1.iloc[-1], u), E(s2.iloc[-1], u), E(s2.iloc[-1] - s1.iloc[-1], u)], [],
    f"prices parquet Module China TOPCon and HJT at {s1.index[-1].date()}; HJT - TOPCon")

s, u = pseries(R, "Aluminium", "Aluminium", "Overseas")
add(R, "price", ["What's the latest copper price?", "And aluminium?"],
    "follow_up", [E(s.iloc[-1], u)], [],
    f"prices parquet Aluminium / Overseas latest {s.index[-1].date()}")

# ================================================================ REAL — financials (sample file)
H, S, A, N = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
              "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")

v, u = fin(H, "FY2024", "Revenue")
add(R, "manufacturer_financial", ["Helios Modules FY2024 revenue, USD million?"],
    "financial", [E(v, u)], [], "financials: Helios, FY2024, Revenue")

v, u = fin(S, "2024-Q3", "Net income")
add(R, "manufacturer_financial", ["We guarantee part of SunForge's supply contracts. What was SunForge Energy's "
                                  "net income in 2024-Q3?"],
    "financial", [E(v, u)], [], "financials: SunForge, 2024-Q3, Net income")

qs = [fin(H, f"2024-Q{i}", "Net income")[0] for i in range(1, 5)]
fy, u = fin(H, "FY2024", "Net income")
add(R, "manufacturer_financial", ["Helios's management accounts show FY2024 net income of USD 18.4m. Do the four "
                                  "2024 quarters actually add up to that? Give me the quarterly sum for the file."],
    "financial", [E(sum(qs), u), E(fy, u)], [],
    "financials: Helios net income 2024-Q1..Q4 summed, vs FY2024")

rev = {c: fin(c, "FY2024", "Revenue")[0] for c in [H, S, A, N]}
order = sorted(rev, key=rev.get, reverse=True)
add(R, "manufacturer_financial", ["Rank the four manufacturers you cover by FY2024 revenue."],
    "financial", [E(rev[c], USDM) for c in order], [c.split()[0] for c in order],
    "financials: FY2024 Revenue for all four companies, sorted desc")

a, _ = fin(A, "FY2023", "Gross margin")
b, _ = fin(A, "FY2024", "Gross margin")
add(R, "manufacturer_financial", ["Aurora PV Group gross margin: by how many percentage points did it move from "
                                  "FY2023 to FY2024?"],
    "financial", [E(b - a, PCT)], [], "financials: Aurora Gross margin FY2024 - FY2023 (percentage points)")

v, u = fin(S, "2024-Q2", "Revenue")
add(R, "manufacturer_financial", ["Helios revenue in 2024-Q2?", "and SunForge?"],
    "follow_up", [E(v, u)], [], "financials: SunForge, 2024-Q2, Revenue")

# ================================================================ REAL — unanswerable
unans(R, "market", ["For a German counterparty diversifying into wind: how much onshore wind capacity did "
                    "Germany add in 2024?"], "wind capacity is not in the PV market data")
unans(R, "market", ["How much battery storage (MWh) was installed in Australia in 2024?"],
      "energy storage is not in the data; only PV capacity in MW")
unans(R, "market", ["What was Spain's PV electricity generation in 2023, in GWh?"],
      "generation (GWh) is not held; only installed capacity")
unans(R, "market", ["Our Chilean borrower quotes a utility-scale LCOE of 25 US$/MWh. What LCOE does your data "
                    "show for Chile?"], "LCOE is not held")
unans(R, "market", ["For a 5-year tenor I need the end-state: Germany's cumulative installed PV base at end-2030 "
                    "under the most probable scenario, in MW?"],
      "forecast cumulative values in the real CSV exclude the installed base, so the 2030 fleet is not available")
unans(R, "market", ["How many MW of PV did Nigeria install in 2024?"], "Nigeria is not a territory in the data")
unans(R, "market", ["What is the forecast for Italy's annual PV market in 2035?"],
      "forecasts end in 2030")
unans(R, "market", ["Indian importer wants a 3-year facility. What's the most probable forecast for India's "
                    "PV installations in 2026?"],
      "the real data holds forecasts only for European territories (and World); none for India")
unans(R, "market", ["Size of the French residential PV market in 2024 in EUR, please — for the collateral valuation."],
      "market value in EUR is not held; only capacity in MW")
unans(R, "market", ["How many people were employed in the US solar industry in 2023?"], "jobs are not held")
unans(R, "market", ["What import duty currently applies to Chinese modules entering the EU? Need it for the "
                    "landed-cost check on an LC."], "tariffs / duties are not held")
unans(R, "price", ["What's the latest string inverter price in US$/W? One of our applicants ships inverters "
                   "alongside modules."], "inverter prices are not in the price data")
unans(R, "price", ["Latest n-type TOPCon module price in Brazil, US$/Wp?"],
      "no price series for Brazil")
unans(R, "price", ["What was the silver price in June 2018?"],
      "silver series starts in January 2020")
unans(R, "price", ["What share of a TOPCon module's price is accounted for by polysilicon, in %?"],
      "a cost-share breakdown of the module price is not held; prices of different units cannot be combined")
unans(R, "manufacturer_financial", ["LONGi's revenue for FY2024 in USD million?"],
      "LONGi is not among the companies in the financials file")
unans(R, "manufacturer_financial", ["Our covenant is net debt / EBITDA below 2.5x. What was Helios Modules' "
                                    "leverage ratio at FY2024?"],
      "net debt and EBITDA are not held in the financials")

# ================================================================ SAMPLE — market
SM = "sample"

v = mv(SM, "Netherlands", 2021)
add(SM, "market", ["Netherlands annual PV installations in 2021, MW?"],
    "lookup", [E(v, MW)], [], "sample market: Netherlands 2021 Annual Total Historical Primary")

v = mv(SM, "Italy", 2024, "Cumulative")
add(SM, "market", ["For the file on a Milan importer: Italy's total installed PV capacity at the end of 2024, in MW."],
    "lookup", [E(v, MW)], [], "sample market: Italy 2024 Cumulative Total Historical Primary")

v = mv(SM, "World", 2030, scen="high")
add(SM, "market", ["Global annual PV additions in 2030 under the high scenario?"],
    "lookup", [E(v, MW)], [], "sample market: World 2030 Annual Total Forecast - High")

v = mv(SM, "Germany", 2030, "Cumulative", scen="mp")
add(SM, "market", ["Germany's installed PV base by end-2030, most probable scenario (MW)?"],
    "lookup", [E(v, MW)], [], "sample market: Germany 2030 Cumulative Total Forecast - Most probable")

names, vals = ranking(SM, 2024, n=3)
add(SM, "market", ["We're allocating our European module-import limits. Which were the 3 largest country markets "
                   "by 2024 additions, with MW?"],
    "rank", [E(x, MW) for x in vals], names,
    "sample market: 2024 Annual Total Historical Primary; countries only, top 3")

names, vals = ranking(SM, 2019, typ="Cumulative", n=1, ascending=True)
add(SM, "market", ["Which country had the smallest installed PV base at end-2019, and how many MW?"],
    "rank", [E(vals[0], MW)], names,
    "sample market: 2019 Cumulative Total Historical Primary; countries only, smallest")

a, w = mv(SM, "Spain", 2023), mv(SM, "World", 2023)
add(SM, "market", ["Spain's share of global PV additions in 2023 (%)?"],
    "share", [E(a / w * 100, PCT)], [], "sample market 2023 Annual Total: Spain / World x 100")

a, t = mv(SM, "France", 2024, conn="Distributed"), mv(SM, "France", 2024)
add(SM, "market", ["A Lyon rooftop installer is applying for import financing. What share of France's 2024 PV "
                   "additions was distributed?"],
    "share", [E(a / t * 100, PCT)], [], "sample market France 2024 Annual: Distributed / Total x 100")

a, b = mv(SM, "Poland", 2018, "Cumulative"), mv(SM, "Poland", 2024, "Cumulative")
add(SM, "market", ["CAGR of Poland's cumulative installed PV capacity from end-2018 to end-2024?"],
    "change", [E(cagr(a, b, 6), PCT)], [], "sample market Poland Cumulative Total: (2024/2018)^(1/6)-1")

a, b = mv(SM, "Germany", 2022), mv(SM, "Germany", 2023)
add(SM, "market", ["Munich wholesaler reports sales doubling in 2023. German market growth 2022→2023, year on year in %?"],
    "change", [E(pct(a, b), PCT)], [], "sample market Germany Annual Total: (2023-2022)/2022 x 100")

a, b = mv(SM, "Spain", 2030, scen="mp"), mv(SM, "Italy", 2030, scen="mp")
add(SM, "market", ["Spain vs Italy: forecast annual PV additions in 2030 (most probable), which is larger and by "
                   "how many MW?"],
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Spain" if a > b else "Italy"],
    "sample market 2030 Annual Total Forecast - Most probable: Spain vs Italy")

vals = [mv(SM, c, 2024, "Cumulative") for c in ["France", "Netherlands", "Poland"]]
add(SM, "market", ["Compare the installed bases of France, the Netherlands and Poland at end-2024."],
    "compare", [E(x, MW) for x in vals], ["France", "Netherlands", "Poland"],
    "sample market 2024 Cumulative Total Historical Primary for the three")

s = series(SM, "Netherlands", y1=2024)
y, v = uniq_argmax(s)
add(SM, "market", ["Dutch obligor says the market peaked a couple of years ago. In which historical year (up to 2024) "
                   "did the Netherlands install the most PV, and how much?"],
    "extreme", [E(v, MW)], [y], "sample market Netherlands Annual Total Historical Primary: argmax")

s = series(SM, "Spain", y0=2015, y1=2024)
y, v = uniq_argmax(s, "min")
add(SM, "market", ["Spain's lowest year for PV additions over 2015-2024?"],
    "extreme", [E(v, MW)], [y], "sample market Spain Annual Total Historical Primary 2015-2024: argmin")

s = series(SM, "France", y0=2020, y1=2024)
assert len(s) == 5
add(SM, "market", ["Average annual PV installations in France 2020-2024, MW?"],
    "average", [E(s.mean(), MW)], [], "sample market France Annual Total Historical Primary 2020-2024: mean")

s = series(SM, "Poland", scen="low", y0=2025, y1=2030)
assert len(s) == 6
add(SM, "market", ["Downside case for a Polish distributor's facility: average yearly additions in Poland over "
                   "2025–2030 under the low scenario?"],
    "average", [E(s.mean(), MW)], [], "sample market Poland Annual Total Forecast - Low 2025-2030: mean")

s = series(SM, "Germany", y0=2021, y1=2024)
assert len(s) == 4
add(SM, "market", ["Sum of Germany's PV additions over 2021–2024?"],
    "sum", [E(s.sum(), MW)], [], "sample market Germany Annual Total Historical Primary 2021-2024: sum")

s = series(SM, "Germany")
y = int(s[s > 10_000].index.min())
add(SM, "market", ["First year in which Germany's annual additions exceeded 10 GW?"],
    "first_latest", [E(s[y], MW)], [y], "sample market Germany Annual Total Historical Primary: first year > 10,000 MW")

vals = [mv(SM, c, 2024) for c in ["Spain", "Italy"]]
add(SM, "market", ["Our Iberia/Italy desk shares one limit. Combined 2024 PV additions of Spain and Italy, in MW?"],
    "sum", [E(sum(vals), MW)], [], "sample market 2024 Annual Total Historical Primary: Spain + Italy")

s = series(SM, "Netherlands")
y = int(s.index.max())
add(SM, "market", ["What's the most recent year of actual (non-forecast) installation data for the Netherlands, "
                   "and the figure?"],
    "first_latest", [E(s[y], MW)], [y], "sample market Netherlands Annual Total Historical Primary: latest year")

# ---- SAMPLE follow-up chains
v = mv(SM, "Poland", 2024)
add(SM, "market", ["Germany's PV additions in 2024?", "and Poland?"],
    "follow_up", [E(v, MW)], [], "sample market Poland 2024 Annual Total Historical Primary")

v = mv(SM, "Spain", 2026, scen="low")
add(SM, "market", ["Spain's annual PV market in 2026 under the most probable scenario?", "And in the low scenario?"],
    "follow_up", [E(v, MW)], [], "sample market Spain 2026 Annual Total Forecast - Low")

names, vals = ranking(SM, 2020, typ="Cumulative", n=3)
add(SM, "market", ["Top 3 countries by installed base at end-2024?", "what about end-2020?"],
    "follow_up", [E(x, MW) for x in vals], names,
    "sample market 2020 Cumulative Total Historical Primary; countries only, top 3")

a, b = mv(SM, "France", 2019, "Cumulative"), mv(SM, "France", 2024, "Cumulative")
add(SM, "market", ["France's cumulative PV capacity at end of 2024?", "How much has that grown since end-2019, in %?"],
    "follow_up", [E(pct(a, b), PCT)], [], "sample market France Cumulative Total: (2024-2019)/2019 x 100")

# ================================================================ SAMPLE — prices
s, u = pseries(SM, "Module", "n-type TOPCon", "EU")
add(SM, "price", ["Latest n-type TOPCon module price in the EU (US$/Wp)?"],
    "price", [E(s.iloc[-1], u)], [], f"sample prices Module / n-type TOPCon / EU at {s.index[-1].date()}")

v, u = pmonth(SM, "Module", "n-type HJT", "India", "2024-03")
add(SM, "price", ["We're checking a pro-forma invoice dated March 2024 from an Indian buyer. What was the n-type HJT "
                  "module price in India that month?"],
    "price", [E(v, u)], [], "sample prices Module / n-type HJT / India, 2024-03")

s, u = pseries(SM, "Module", "n-type HJT", "US")
d, v = uniq_argmax(s, "min")
add(SM, "price", ["Lowest n-type HJT module price in the US over the whole series, and which month?"],
    "price", [E(v, u)], [d.strftime("%Y")], f"sample prices Module / n-type HJT / US: min at {d.date()}")

a, u = pmonth(SM, "Polysilicon", "High purity - 9N/9N+", "China", "2023-01")
b, _ = pmonth(SM, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(SM, "price", ["Inventory collateral on a wafer maker is marked to poly prices. Polysilicon (high purity 9N/9N+, China): "
                  "% change from Jan 2023 to Dec 2024?"],
    "price", [E(pct(a, b), PCT)], [], "sample prices Polysilicon 9N China: (2024-12 - 2023-01)/2023-01 x 100")

regs = {}
for r in ["China", "EU", "US", "India"]:
    regs[r], u = pmonth(SM, "Module", "n-type TOPCon", r, "2024-12")
cheap = min(regs, key=regs.get)
assert list(regs.values()).count(regs[cheap]) == 1
add(SM, "price", ["Which region had the cheapest n-type TOPCon modules in December 2024, and at what price?"],
    "price", [E(regs[cheap], u)], [cheap], "sample prices Module / n-type TOPCon, 2024-12, min over regions")

a, u = pmonth(SM, "Module", "p-type mono-Si PERC M10", "China", "2024-06")
b, _ = pmonth(SM, "Module", "n-type TOPCon", "China", "2024-06")
add(SM, "price", ["June 2024, China: p-type mono-Si PERC M10 modules vs n-type TOPCon modules — both prices and "
                  "the difference in US$/Wp."],
    "price", [E(a, u), E(b, u), E(abs(b - a), u)], [],
    "sample prices Module China 2024-06: PERC M10, TOPCon, |difference|")

s, u = pseries(SM, "PV glass", "Glass 3,2mm", "China", start="2024-01-01", end="2024-12-31")
assert len(s) == 12
add(SM, "price", ["Average price of 3.2mm PV glass in China across 2024 (US$/m²)?"],
    "price", [E(s.mean(), u)], [], "sample prices PV glass / Glass 3,2mm / China 2024: mean of 12 months")

s, u = pseries(SM, "Wafer", "n-type mono-Si M10", "China")
d, v = uniq_argmax(s)
add(SM, "price", ["Highest n-type mono-Si M10 wafer price in China in your data, and when was it?"],
    "price", [E(v, u)], [d.strftime("%Y")], f"sample prices Wafer / n-type mono-Si M10 / China: max at {d.date()}")

s1, u = pseries(SM, "Cell", "n-type TOPCon M10", "EU")
s2, _ = pseries(SM, "Cell", "n-type TOPCon M10", "China")
assert s1.index[-1] == s2.index[-1]
add(SM, "price", ["Latest n-type TOPCon M10 cell price: EU vs China?"],
    "price", [E(s1.iloc[-1], u), E(s2.iloc[-1], u)], ["EU", "China"],
    f"sample prices Cell / n-type TOPCon M10, EU and China at {s1.index[-1].date()}")

a, u = pmonth(SM, "Module", "n-type TOPCon", "EU", "2024-12")
b, _ = pmonth(SM, "Module", "n-type TOPCon", "US", "2024-12")
add(SM, "price", ["n-type TOPCon module price in the EU, December 2024?", "And in the US?",
                  "So what's the US premium over the EU, in US$/Wp?"],
    "follow_up", [E(b - a, u)], [], "sample prices Module / n-type TOPCon 2024-12: US - EU")

# ================================================================ SAMPLE — financials
neg = [p for p in ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
       if fin(N, p, "Gross margin")[0] < 0]
add(SM, "manufacturer_financial", ["Nordlicht Solar is on our watch list. In which quarters was its gross margin "
                                   "negative, and what was it each time?"],
    "financial", [E(fin(N, p, "Gross margin")[0], PCT) for p in neg], neg,
    "financials: Nordlicht Gross margin < 0 among 2023-Q1..2024-Q4")

qs = {p: fin(S, p, "Net income")[0] for p in FIN[FIN.period.str.contains("-Q")].period.unique()}
worst = min(qs, key=qs.get)
assert list(qs.values()).count(qs[worst]) == 1
add(SM, "manufacturer_financial", ["SunForge Energy's worst quarter by net income — which one and how much?"],
    "financial", [E(qs[worst], USDM)], [worst], "financials: SunForge Net income, min over quarters")

a, u = fin(H, "FY2023", "Module shipments")
b, _ = fin(H, "FY2024", "Module shipments")
add(SM, "manufacturer_financial", ["Helios module shipments, FY2023 → FY2024 growth in %? Counterparty says roughly "
                                   "+30%."],
    "financial", [E(pct(a, b), PCT)], [], "financials: Helios Module shipments (FY2024-FY2023)/FY2023 x 100")

gm = [fin(A, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(SM, "manufacturer_financial", ["Average of Aurora PV Group's four 2024 quarterly gross margins?"],
    "financial", [E(sum(gm) / 4, PCT)], [], "financials: Aurora Gross margin 2024-Q1..Q4, simple mean")

v, u = fin(H, "2024-Q4", "Production capacity")
add(SM, "manufacturer_financial", ["Helios is asking us to raise its limit on the back of new lines. What production capacity did Helios "
                  "Modules report for 2024-Q4 (GW)?"],
    "financial", [E(v, u)], [], "financials: Helios, 2024-Q4, Production capacity")

v, u = fin(S, "2023-Q4", "Gross margin")
add(SM, "manufacturer_financial", ["SunForge gross margin in 2024-Q4?", "and a year earlier?"],
    "follow_up", [E(v, u)], [], "financials: SunForge, 2023-Q4, Gross margin")

# ================================================================ SAMPLE — unanswerable
unans(SM, "market", ["Belgian PV installations in 2024, MW? We have a new Antwerp-based applicant."],
      "Belgium is not in the sample market data")
unans(SM, "market", ["Italy's PV additions in 2014?"], "sample market data starts in 2015")
unans(SM, "price", ["Latest silver price, for a cell maker's input-cost check?"],
      "the sample price data holds no raw materials (silver)")
unans(SM, "price", ["What's the current n-type TOPCon module price in Australia?"],
      "no Australia region in the sample prices")
unans(SM, "price", ["Forecast TOPCon module price for mid-2026? We're pricing a 24-month tenor."],
      "no price forecasts; sample prices end in December 2024")
unans(SM, "market", ["How much solar thermal collector area was installed in Spain in 2023?"],
      "solar thermal is not in the PV data")
unans(SM, "market", ["Offshore wind additions in the Netherlands 2024?"], "wind is not in the data")
unans(SM, "market", ["Polish PV generation in 2024 in GWh?"], "generation in GWh is not held")
unans(SM, "manufacturer_financial", ["JinkoSolar's gross margin in 2024-Q3?"],
      "JinkoSolar is not in the financials file")
unans(SM, "manufacturer_financial", ["Helios Modules revenue for FY2022, please — we need three years of history for "
                                     "the credit file."], "financials cover 2023 and 2024 only")
unans(SM, "manufacturer_financial", ["What was SunForge's cash position at end-2024? Our liquidity covenant is USD "
                                     "200m minimum."], "cash / balance-sheet items are not held")
unans(SM, "market", ["Average module efficiency of PV installed in Germany in 2024?"],
      "module efficiency is not held")

# ================================================================ write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = [it for it in ITEMS if len(it["turns"]) >= 2]
assert len(chains) >= 12, len(chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it["why"], it["id"]
fin_n = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print("items:", len(ITEMS), "| unanswerable:", n_un, "| follow-up chains:", len(chains),
      "| financial agent:", fin_n)
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind x data:")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data"), margins=True).to_string())
