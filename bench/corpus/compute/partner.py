#!/usr/bin/env python3
"""Writer 'partner': held-out questions in the voice of a consulting partner building a
steering-committee deck. Every expected figure is computed from the data files below."""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "partner"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {None: None, "base": "Forecast - Most probable", "high": "Forecast - High",
        "low": "Forecast - Low"}


# ---------------------------------------------------------------- market helpers
def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)


def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure under the brief's conventions."""
    if scen is None:
        scenario = ("Historical Primary" if year <= last_hist(df, terr)
                    else "Forecast - Most probable")
    else:
        scenario = SCEN[scen]
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scenario)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (terr, year, typ, conn, scenario, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in years}


def cagr(a, b, n):
    return ((b / a) ** (1.0 / n) - 1.0) * 100.0


def pct(a, b):
    return (b - a) / a * 100.0


def rank_countries(df, year, typ="Annual", conn="Total", scen=None, only=None, n=None):
    if scen is None:
        scenario = "Historical Primary"
    else:
        scenario = SCEN[scen]
    x = df[(df.Year == year) & (df.Scenario == scenario) & (df.Connection == conn)
           & (df.Type == typ) & (~df.Territory.isin(AGGREGATES))]
    if only is not None:
        x = x[x.Territory.isin(only)]
    assert not x.Territory.duplicated().any()
    x = x.sort_values("Capacity(MW)", ascending=False)
    vals = x["Capacity(MW)"].tolist()
    if n is not None:
        # no tie at the cut-off
        assert len(vals) > n and vals[n - 1] != vals[n], "tie at cut-off"
        x = x.head(n)
    return list(zip(x.Territory.tolist(), x["Capacity(MW)"].astype(float).tolist()))


def extreme_year(d, kind="max"):
    s = pd.Series(d)
    v = s.max() if kind == "max" else s.min()
    yrs = s[s == v].index.tolist()
    assert len(yrs) == 1, ("tie", yrs)
    return int(yrs[0]), float(v)


# ---------------------------------------------------------------- price helpers
RP = pd.read_parquet(REAL_PRICES).drop_duplicates()
SP = pd.read_csv(S_PRICES, parse_dates=["date"]).drop_duplicates()


def pser(df, item, desc, region, unit=None):
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    assert not x.date.duplicated().any(), ("duplicate dates", item, desc, region)
    assert len(x) > 0
    return x.sort_values("date").set_index("date")["base_price"].astype(float), x.unit.iloc[0]


def latest(s):
    return s.index[-1], float(s.iloc[-1])


def first(s):
    return s.index[0], float(s.iloc[0])


def in_month(s, ym):
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def span(s, start=None, end=None):
    x = s
    if start:
        x = x[x.index >= pd.Timestamp(start)]
    if end:
        x = x[x.index <= pd.Timestamp(end)]
    assert len(x) > 0
    return x


def ext_date(s, kind):
    v = s.max() if kind == "max" else s.min()
    d = s[s == v].index
    return float(v), list(d)


# ---------------------------------------------------------------- financial helpers
FIN = pd.read_csv(S_FIN).drop_duplicates()
H, SF, AU, NL = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                 "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")


def fv(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind,
          "expect": [] if not answerable else (expect or []),
          "names": [] if not answerable else (names or []), "how": how}
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


def unanswerable(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


# ================================================================ REAL — market
R = RM
es, it_ = mv(R, "Spain", 2024), mv(R, "Italy", 2024)
add("real", "market", "Slide 4 is the Southern Europe page. Spain vs Italy 2024 — who's bigger, by how much?", "compare",
    [E(es, "MW"), E(it_, "MW"), E(es - it_, "MW")], ["Spain"],
    "market CSV: Spain and Italy, 2024, Historical Primary, Total, Annual; difference Spain - Italy")

add("real", "market", "SteerCo prep. Germany's installed base end-2024, in GW?", "lookup",
    [E(mv(R, "Germany", 2024, "Cumulative"), "MW")], [],
    "market CSV: Germany, 2024, Historical Primary, Total, Cumulative")

add("real", "market", "Client is a US developer, so start with the home market. US new-build 2023 — GW number pls", "lookup",
    [E(mv(R, "USA", 2023), "MW")], [],
    "market CSV: USA, 2023, Historical Primary, Total, Annual")

top5 = rank_countries(R, 2024, n=5)
add("real", "market",
    "Opening slide needs the league table. Top-5 countries by new PV installs 2024, with GW each?",
    "rank", [E(v, "MW") for _, v in top5], [t for t, _ in top5],
    "market CSV: 2024, Historical Primary, Total, Annual, countries only (aggregates excluded), top 5")

ch, w = mv(R, "China", 2024), mv(R, "World", 2024)
add("real", "market", "Need a one-liner for the exec summary. China's share of global adds 2024?", "share",
    [E(ch / w * 100, "%")], [],
    "market CSV: China / World, 2024, Historical Primary, Total, Annual, x100")

add("real", "market", "Client sells rooftop inverters in DACH. Germany 2024 — what % of the year's adds was distributed?", "share",
    [E(mv(R, "Germany", 2024, conn="Distributed") / mv(R, "Germany", 2024) * 100, "%")], [],
    "market CSV: Germany 2024 Annual Historical Primary, Distributed / Total x100")

a, b = mv(R, "India", 2023), mv(R, "India", 2024)
add("real", "market", "India keeps coming up in the interviews. Indian annual market, YoY 2024 vs 2023 in %?", "change",
    [E(pct(a, b), "%")], [],
    "market CSV: India Annual Total Historical Primary, (2024-2023)/2023 x100")

a, b = mv(R, "World", 2019), mv(R, "World", 2024)
add("real", "market", "Headline for the market-momentum slide: global annual market CAGR 2019–2024?", "change",
    [E(cagr(a, b, 5), "%")], [],
    "market CSV: World Annual Total Historical Primary, (2024/2019)^(1/5)-1")

yr, v = extreme_year(series(R, "Spain", range(2001, last_hist(R, "Spain") + 1)), "max")
add("real", "market", "Spain — record year for new installs, actuals only (no forecasts)?", "extreme",
    [E(v, "MW")], [str(yr)],
    "market CSV: Spain Annual Total Historical Primary, max over all historical years")

jp = series(R, "Japan", range(1992, last_hist(R, "Japan") + 1))
yr, v = extreme_year(jp, "max")
add("real", "market",
    "Japan looks like it's been shrinking for a while. Which year was its peak for annual installs, and how big?",
    "extreme", [E(v, "MW")], [str(yr)],
    "market CSV: Japan Annual Total Historical Primary (no forecast rows exist), max over 1992-2024")

d = series(R, "Italy", range(2020, 2025))
add("real", "market", "Board wants a run-rate for Italy. Avg annual adds 2020–24?", "average",
    [E(sum(d.values()) / len(d), "MW")], [],
    "market CSV: Italy Annual Total Historical Primary, mean of 2020..2024")

d = series(R, "Poland", range(2020, 2025))
add("real", "market", "We're testing whether Poland is a real market or a blip. How many MW did Poland add in total over 2020-2024 (sum of the five years)?", "sum",
    [E(sum(d.values()), "MW")], [],
    "market CSV: Poland Annual Total Historical Primary, sum 2020..2024")

br = R[(R.Territory == "Brazil") & (R.Scenario == "Historical Primary") & (R.Type == "Annual")
       & (R.Connection == "Total")]
fy = int(br.Year.min())
add("real", "market", "LatAm section. Brazil — first year it shows up in the numbers, and how much was added that year?",
    "first_latest", [E(mv(R, "Brazil", fy), "MW")], [str(fy)],
    "market CSV: Brazil Annual Total Historical Primary, earliest year and its value")

trio = {t: mv(R, t, 2024, "Cumulative") for t in ["France", "Germany", "Netherlands"]}
add("real", "market",
    "France, Germany, Netherlands — installed base end-2024 side by side. Who leads?", "compare",
    [E(v, "MW") for v in trio.values()], [max(trio, key=trio.get)],
    "market CSV: each country 2024 Cumulative Total Historical Primary")

ch, us = mv(R, "China", 2024), mv(R, "USA", 2024)
add("real", "market", "For the 'China dominance' chart: China vs US 2024 additions — what multiple?", "compare",
    [E(ch / us, "x")], [],
    "market CSV: China / USA, 2024 Annual Total Historical Primary")

a, b = mv(R, "EU", 2024), mv(R, "EU", 2030)
add("real", "market",
    "For the outlook slide: EU annual market CAGR 2024→2030, base case?", "change",
    [E(cagr(a, b, 6), "%")], [],
    "market CSV: EU Annual Total, 2024 Historical Primary -> 2030 Forecast - Most probable, 6 years")

add("real", "market", "Client's CEO is Spanish and will ask. Spain's share of EU additions in 2030, base case?", "share",
    [E(mv(R, "Spain", 2030) / mv(R, "EU", 2030) * 100, "%")], [],
    "market CSV: Spain / EU, 2030, Forecast - Most probable, Annual Total, x100")

hi, lo = mv(R, "Italy", 2030, scen="high"), mv(R, "Italy", 2030, scen="low")
add("real", "market", "Sensitivity page. Italy 2030 — bull vs bear spread in GW?", "compare",
    [E(hi, "MW"), E(lo, "MW"), E(hi - lo, "MW")], [],
    "market CSV: Italy 2030 Annual Total, Forecast - High minus Forecast - Low")

d = series(R, "France", range(2025, 2031), scen="base")
add("real", "market", "Ticket-size math for the French entry case. France: total new capacity 2025-2030 in the base case, summed over the six years?",
    "sum", [E(sum(d.values()), "MW")], [],
    "market CSV: France Annual Total Forecast - Most probable, sum 2025..2030")

nord = rank_countries(R, 2024, only=["Sweden", "Denmark", "Finland", "Norway"])
add("real", "market", "Nordic page is thin. Nordics 2024: rank Sweden, Denmark, Finland, Norway by new instals", "rank",
    [E(v, "MW") for _, v in nord], [t for t, _ in nord],
    "market CSV: 2024 Annual Total Historical Primary for the four countries, sorted desc")

yr, v = extreme_year(series(R, "China", range(2016, 2025)), "min")
add("real", "market", "China — weakest year for adds between 2016 and 2024?", "extreme",
    [E(v, "MW")], [str(yr)],
    "market CSV: China Annual Total Historical Primary, min over 2016..2024")

add("real", "market", "Odd one, but the client does off-grid kits. Australia off-grid adds 2024?", "lookup",
    [E(mv(R, "Australia", 2024, conn="Off-grid"), "MW")], [],
    "market CSV: Australia 2024 Annual Off-grid Historical Primary")

us, ind = mv(R, "USA", 2024, "Cumulative"), mv(R, "India", 2024, "Cumulative")
add("real", "market", "USA vs India installed base end-2024 — gap in GW?", "compare",
    [E(us, "MW"), E(ind, "MW"), E(us - ind, "MW")], ["USA"],
    "market CSV: USA and India 2024 Cumulative Total Historical Primary; difference")

d = series(R, "World", range(2020, 2025))
add("real", "market", "Avg global aditions per year, 2020-24?", "average",
    [E(sum(d.values()) / len(d), "MW")], [],
    "market CSV: World Annual Total Historical Primary, mean 2020..2024")

top5c = rank_countries(R, 2024, typ="Cumulative", n=5)
add("real", "market", "Top-5 countries by installed base end-2024 (countries only, no regions)", "rank",
    [E(v, "MW") for _, v in top5c], [t for t, _ in top5c],
    "market CSV: 2024 Cumulative Total Historical Primary, countries only, top 5")

yr, v = extreme_year(series(R, "Greece", range(2025, 2031), scen="base"), "min")
add("real", "market",
    "Greek client worried about a post-2025 cliff. Greece base case 2025-2030: which year is the trough for annual adds?", "extreme",
    [E(v, "MW")], [str(yr)],
    "market CSV: Greece Annual Total Forecast - Most probable, min over 2025..2030")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add("real", "market", "Netherlands looks like it rolled over. Dutch market 2024 — how big, and how much down YoY in %?", "change",
    [E(b, "MW"), E(pct(a, b), "%")], [],
    "market CSV: Netherlands Annual Total Historical Primary 2024, and (2024-2023)/2023 x100")

ly = last_hist(R, "Saudi Arabia")
add("real", "market", "Saudi — latest year of actuals you have, and the number?", "first_latest",
    [E(mv(R, "Saudi Arabia", ly), "MW")], [str(ly)],
    "market CSV: Saudi Arabia last Historical Primary year, Annual Total")

add("real", "market", "Utility-scale thesis for Poland. Poland's installed base end-2024 — centralised share?", "share",
    [E(mv(R, "Poland", 2024, "Cumulative", "Centralised") / mv(R, "Poland", 2024, "Cumulative") * 100, "%")],
    [], "market CSV: Poland 2024 Cumulative Historical Primary, Centralised / Total x100")

# ---- real market follow-up chains
base, hi, lo = (mv(R, "Germany", 2030, scen=s) for s in ("base", "high", "low"))
add("real", "market", ["Germany 2030 base case adds?", "bull case?",
                       "and bear — how far below bull, in GW?"], "follow_up",
    [E(lo, "MW"), E(hi - lo, "MW")], [],
    "market CSV: Germany 2030 Annual Total, Forecast - Low, and High minus Low")

EU_MEMBERS = {"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
              "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
              "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
              "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"}
top3_low = rank_countries(R, 2030, scen="low", only=EU_MEMBERS, n=3)
top3_base = rank_countries(R, 2030, scen="base", only=EU_MEMBERS, n=3)
assert [t for t, _ in top3_base] != [t for t, _ in top3_low]
add("real", "market", ["Top-3 EU markets 2030 base case?", "same for the bear case"], "follow_up",
    [E(v, "MW") for _, v in top3_low], [t for t, _ in top3_low],
    "market CSV: 2030 Annual Total Forecast - Low, EU member states only, top 3")

add("real", "market", ["India adds 2024?", "what about 2022?"], "follow_up",
    [E(mv(R, "India", 2022), "MW")], [],
    "market CSV: India 2022 Annual Total Historical Primary")

add("real", "market",
    ["Rooftop angle for Italy: distributed share of 2024 adds?", "and Spain?"], "follow_up",
    [E(mv(R, "Spain", 2024, conn="Distributed") / mv(R, "Spain", 2024) * 100, "%")], [],
    "market CSV: Spain 2024 Annual Historical Primary, Distributed / Total x100")

add("real", "market", ["USA installed base end-2024?", "as % of world?"], "follow_up",
    [E(mv(R, "USA", 2024, "Cumulative") / mv(R, "World", 2024, "Cumulative") * 100, "%")], [],
    "market CSV: USA / World, 2024 Cumulative Total Historical Primary x100")

a, b = mv(R, "Pakistan", 2023), mv(R, "Pakistan", 2024)
add("real", "market", ["Pakistan came out of nowhere. 2024 adds?", "YoY growth vs 2023?"],
    "follow_up", [E(pct(a, b), "%")], [],
    "market CSV: Pakistan Annual Total Historical Primary, (2024-2023)/2023 x100")

# ================================================================ REAL — prices
P = RP
eu, _u = pser(P, "Module", "n-type TOPCon", "EU")
us_, _ = pser(P, "Module", "n-type TOPCon", "US")
(deu, veu), (dus, vus) = latest(eu), latest(us_)
add("real", "price", "Pricing slide, transatlantic gap. TOPCon module price, latest: EU vs US — what's the US premium as a multiple?",
    "price", [E(veu, _u), E(vus, _u), E(vus / veu, "x")], [],
    f"prices parquet: Module n-type TOPCon, EU (latest {deu.date()}) and US (latest {dus.date()}); US/EU")

cu, cu_u = pser(P, "Copper", "Copper", "Overseas")
add("real", "price", "Procurement team wants commodity context. Copper, June 2024 print?", "price",
    [E(in_month(cu, "2024-06"), cu_u)], [],
    "prices parquet: Copper Overseas monthly, observation dated 2024-06")

cdte, cd_u = pser(P, "Module", "CdTe", "Overseas")
v, dates = ext_date(cdte, "min")
add("real", "price", "First Solar came up with the client. CdTe modules — lowest price in the series, and when did it first hit that level?", "price",
    [E(v, cd_u)], [str(min(dates).year)],
    f"prices parquet: Module CdTe Overseas, min over whole series, first reached {min(dates).date()} "
    f"(held on {len(dates)} weekly prints through {max(dates).date()})")

al, al_u = pser(P, "Aluminium", "Aluminium", "Overseas")
a, b = in_month(al, "2024-01"), in_month(al, "2025-01")
add("real", "price", "Aluminium YoY, Jan-24 to Jan-25, %?", "price",
    [E(pct(a, b), "%")], [],
    "prices parquet: Aluminium Overseas monthly, (2025-01 - 2024-01)/2024-01 x100")

perc_us, pu = pser(P, "Module", "p-type mono-Si PERC M10", "US")
(dt1, vt), (dp1, vp) = latest(us_), latest(perc_us)
add("real", "price",
    "US module prices, latest prints: TOPCon vs PERC M10 — how much dearer is TOPCon per Wp?",
    "price", [E(vt, pu), E(vp, pu), E(vt - vp, pu)], [],
    f"prices parquet: Module US, n-type TOPCon (latest {dt1.date()}) minus p-type mono-Si PERC M10 (latest {dp1.date()})")

eva, eva_u = pser(P, "EVA", "EVA", "Overseas")
e24 = eva[eva.index.year == 2024]
assert len(e24) == 12
add("real", "price", "Encapsulant supplier on the call tomorrow. EVA — average price across 2024?", "price",
    [E(e24.mean(), eva_u)], [],
    "prices parquet: EVA Overseas monthly, mean of the 12 observations of 2024")

p11, p11u = pser(P, "Polysilicon", "Very high purity - 11N/11N+", "China")
v, dates = ext_date(p11, "max")
add("real", "price", "Polysilicon 11N/11N+ in China — peak price in the data?", "price",
    [E(v, p11u)], [str(dates[0].year)] if len({d.year for d in dates}) == 1 else [],
    f"prices parquet: Polysilicon Very high purity - 11N/11N+ China, max over series (dates {[str(d.date()) for d in dates]})")

wf, wfu = pser(P, "Wafer", "p-type mono-Si M10", "China")
dw, vw = latest(wf)
add("real", "price", "p-type M10 wafer, China — latest $/pc?", "price",
    [E(vw, wfu)], [],
    f"prices parquet: Wafer p-type mono-Si M10 China, latest ({dw.date()})")

cell, cellu = pser(P, "Cell", "p-type mono-Si PERC M10", "China")
c24 = span(cell, "2024-01-01", "2024-12-31")
add("real", "price", "Slide on the cell makers' squeeze. PERC M10 cells in China — 2024 high and low?", "price",
    [E(c24.max(), cellu), E(c24.min(), cellu)], [],
    "prices parquet: Cell p-type mono-Si PERC M10 China, max and min over 2024 dates")

ag, agu = pser(P, "Silver", "Silver", "Overseas", unit="K US$/t")
add("real", "price", "Silver — Oct 2024 level?", "price",
    [E(in_month(ag, "2024-10"), agu)], [],
    "prices parquet: Silver Overseas monthly (unit K US$/t), observation dated 2024-10")

(d0, v0), (d1, v1) = first(eu), latest(eu)
add("real", "price",
    "TOPCon module, EU: % move from the first print in the series to the latest?", "price",
    [E(v0, _u), E(v1, _u), E(pct(v0, v1), "%")], [],
    f"prices parquet: Module n-type TOPCon EU, first ({d0.date()}) to latest ({d1.date()})")

regs = {}
for r in ["EU", "US", "Overseas"]:
    s, u_ = pser(P, "Module", "p-type mono-Si PERC M10", r)
    regs[r] = latest(s)
cheap = min(regs, key=lambda r: regs[r][1])
assert sorted(v for _, v in regs.values())[0] != sorted(v for _, v in regs.values())[1]
add("real", "price", "PERC M10 modules — EU, US or Overseas: which is cheapest on the latest print?",
    "price", [E(regs[cheap][1], "US$/Wp")], [cheap],
    "prices parquet: Module p-type mono-Si PERC M10 latest per region: "
    + ", ".join(f"{r} {d.date()} {v}" for r, (d, v) in regs.items()))

# ---- real price follow-up chains
a, b = in_month(cu, "2024-01"), in_month(cu, "2025-01")
add("real", "price", ["Copper Jan 2025?", "vs Jan 2024 — % YoY?"], "follow_up",
    [E(pct(a, b), "%")], [],
    "prices parquet: Copper Overseas monthly, (2025-01 - 2024-01)/2024-01 x100")

v, dates = ext_date(cdte, "max")
add("real", "price", ["Latest CdTe module price?", "and its peak over the whole series?"],
    "follow_up", [E(v, cd_u)], [],
    f"prices parquet: Module CdTe Overseas, max over series (dates {[str(d.date()) for d in dates]})")

# ================================================================ REAL — financials (sample file)
a, _ = fv(SF, "FY2023", "Net income")
b, fu = fv(SF, "FY2024", "Net income")
add("real", "manufacturer_financial", "Distress screen on the manufacturers. SunForge net income FY23 vs FY24 — how big was the swing?",
    "financial", [E(a, fu), E(b, fu), E(b - a, fu)], [],
    "financials: SunForge Energy (sample) Net income FY2024 minus FY2023")

v, u_ = fv(AU, "FY2024", "Gross margin")
add("real", "manufacturer_financial", "Aurora PV gross margin FY2024?", "financial",
    [E(v, u_)], [], "financials: Aurora PV Group (sample), FY2024, Gross margin")

a, _ = fv(NL, "2023-Q4", "Revenue")
b, _ = fv(NL, "2024-Q4", "Revenue")
add("real", "manufacturer_financial", "Nordlicht Q4 revenue YoY (Q4-24 vs Q4-23), %?", "financial",
    [E(pct(a, b), "%")], [], "financials: Nordlicht Solar AG (sample) Revenue, (2024-Q4 - 2023-Q4)/2023-Q4 x100")

# ================================================================ REAL — unanswerable
U = "real"
unanswerable(U, "market", "Outlook slide wants the fleet, not the flow. Germany fleet by 2030, base case — total GW installed?",
             "forecast Cumulative values in the real CSV are running sums of forecast additions "
             "and exclude the installed base, so no 2030 installed-base figure is held")
unanswerable(U, "market", "Spain installed base end-2027 in the bull case?",
             "forecast Cumulative values in the real CSV exclude the installed base; no forecast fleet figure")
unanswerable(U, "market", "Germany onshore wind adds 2024 — need it next to the PV number",
             "wind is not in the data; PV only")
unanswerable(U, "market", "Battery storage: how many GWh of BESS did Italy install in 2024?",
             "storage is not in the data")
unanswerable(U, "market", "IC will ask about economics. Utility-scale LCOE in Spain 2024, €/MWh?",
             "LCOE is not a measure held")
unanswerable(U, "market", "How many TWh did the Italian PV fleet generate in 2023?",
             "generation (energy, GWh/TWh) is not held; only capacity in MW")
unanswerable(U, "market", "Jobs angle — how many people work in German solar?",
             "employment is not in the data")
unanswerable(U, "market", "Need a € number for the sizing slide. French PV market 2024 in EUR bn?",
             "market value in currency is not held; only capacity in MW")
unanswerable(U, "market", "Client is looking at West Africa. Nigeria 2024 adds?", "Nigeria is not among the territories")
unanswerable(U, "market", "China 2030 base case adds? need it for the global outlook slide",
             "forecasts are held only for European countries and aggregates; China has no forecast rows")
unanswerable(U, "market", "Building the 2027 bridge for North America. US market 2027, most probable case?",
             "no forecast rows for the USA")
unanswerable(U, "market", "Downside page for CEE. Ukraine 2030 bear case?",
             "Ukraine has High and Most probable forecasts only; no Low scenario")
unanswerable(U, "price", "BoS cost slide. String inverter prices — latest $/W?",
             "inverters are not among the price items")
unanswerable(U, "price", "Module prices in Brazil, latest?",
             "no Brazil region in the price data")
unanswerable(U, "price", "What share of a TOPCon module's price is the cell, latest?",
             "a share of a price is not a quantity the data holds (different items/series, no cost breakdown)")
unanswerable(U, "price", "Storage arm of the client asked. Lithium carbonate price trend 2024?",
             "lithium carbonate is not among the price items")
unanswerable(U, "market", "US Section 201 / AD-CVD tariff rate on Chinese modules right now?",
             "tariffs are not in the data")
unanswerable(U, "market", "Global adds 2032, base case?",
             "forecasts end in 2030")
unanswerable(U, "manufacturer_financial", "Peer benchmarking page. LONGi H1 2024 revenue?",
             "LONGi is not among the companies in the financials")
add(U, "market", ["Spain 2024 new installs?", "ok and onshore wind same year?"], "unanswerable",
    answerable=False, why="wind is not in the data; PV only", how="not in the data")

# ================================================================ SAMPLE — market
S = SM
add("sample", "market", "Dutch adds 2022?", "lookup",
    [E(mv(S, "Netherlands", 2022), "MW")], [],
    "sample market: Netherlands 2022 Annual Total Historical Primary")

add("sample", "market", "Italy's installed base end-2024?", "lookup",
    [E(mv(S, "Italy", 2024, "Cumulative"), "MW")], [],
    "sample market: Italy 2024 Cumulative Total Historical Primary")

t3 = rank_countries(S, 2024, n=3)
add("sample", "market", "Top-3 countries by 2024 adds?", "rank",
    [E(v, "MW") for _, v in t3], [t for t, _ in t3],
    "sample market: 2024 Annual Total Historical Primary, countries only, top 3")

add("sample", "market", "Germany's share of world adds 2024, %?", "share",
    [E(mv(S, "Germany", 2024) / mv(S, "World", 2024) * 100, "%")], [],
    "sample market: Germany / World 2024 Annual Total Historical Primary x100")

a, b = mv(S, "Poland", 2018), mv(S, "Poland", 2024)
add("sample", "market", "Poland looks like the growth story. Polish annual market CAGR 2018–2024?", "change",
    [E(cagr(a, b, 6), "%")], [],
    "sample market: Poland Annual Total Historical Primary, (2024/2018)^(1/6)-1")

yr, v = extreme_year(series(S, "Poland", range(2015, last_hist(S, "Poland") + 1)), "max")
add("sample", "market", "Poland: best year so far for new installs (actuals only)?", "extreme",
    [E(v, "MW")], [str(yr)],
    "sample market: Poland Annual Total Historical Primary, max over 2015..2024")

d = series(S, "France", range(2015, 2025))
add("sample", "market", "France avg annual adds 2015–2024?", "average",
    [E(sum(d.values()) / len(d), "MW")], [],
    "sample market: France Annual Total Historical Primary, mean 2015..2024")

d = series(S, "Italy", range(2025, 2031), scen="high")
add("sample", "market", "Italy, bull case: cumulative additions 2025-30 (sum of annual adds)?", "sum",
    [E(sum(d.values()), "MW")], [],
    "sample market: Italy Annual Total Forecast - High, sum 2025..2030")

g, f = mv(S, "Germany", 2030, scen="high"), mv(S, "France", 2030, scen="high")
add("sample", "market", "Germany vs France 2030 in the high scenario — ratio?", "compare",
    [E(g / f, "x")], [],
    "sample market: Germany / France 2030 Annual Total Forecast - High")

add("sample", "market", "Germany's total installed capacity end-2030, base case?", "lookup",
    [E(mv(S, "Germany", 2030, "Cumulative", scen="base"), "MW")], [],
    "sample market: Germany 2030 Cumulative Total Forecast - Most probable")

add("sample", "market", "Spain 2024 — centralised as % of the year's adds?", "share",
    [E(mv(S, "Spain", 2024, conn="Centralised") / mv(S, "Spain", 2024) * 100, "%")], [],
    "sample market: Spain 2024 Annual Historical Primary, Centralised / Total x100")

a, b = mv(S, "Spain", 2019), mv(S, "Spain", 2020)
add("sample", "market", "Spain had a wobble after the 2019 boom. Spain 2020 vs 2019 — YoY change in the annual market?", "change",
    [E(pct(a, b), "%")], [],
    "sample market: Spain Annual Total Historical Primary, (2020-2019)/2019 x100")

ly = last_hist(S, "Italy")
add("sample", "market", "Italy — latest year of actuals, and the number?", "first_latest",
    [E(mv(S, "Italy", ly), "MW")], [str(ly)],
    "sample market: Italy last Historical Primary year, Annual Total")

t3b = rank_countries(S, 2030, scen="base", n=3)
add("sample", "market", "Where do we play in 2030? Top-3 markets 2030 base case, countries only?", "rank",
    [E(v, "MW") for _, v in t3b], [t for t, _ in t3b],
    "sample market: 2030 Annual Total Forecast - Most probable, countries only, top 3")

d = series(S, "Spain", range(2025, 2031), scen="base")
add("sample", "market", "Spain — average yearly adds over 2025-2030, base case?", "average",
    [E(sum(d.values()) / len(d), "MW")], [],
    "sample market: Spain Annual Total Forecast - Most probable, mean 2025..2030")

yr, v = extreme_year(series(S, "Netherlands", range(2025, 2031), scen="base"), "min")
add("sample", "market", "Netherlands base case 2025-2030: weakest year?", "extreme",
    [E(v, "MW")], [str(yr)],
    "sample market: Netherlands Annual Total Forecast - Most probable, min over 2025..2030")

tri = {t: mv(S, t, 2024, "Cumulative") for t in ["Spain", "Italy", "France"]}
add("sample", "market", "Spain, Itlay, France — fleet end-2024, side by side, biggest first", "compare",
    [E(v, "MW") for v in tri.values()], sorted(tri, key=tri.get, reverse=True),
    "sample market: 2024 Cumulative Total Historical Primary for each")

# ---- sample market follow-up chains
pl, nl, w = mv(S, "Poland", 2024), mv(S, "Netherlands", 2024), mv(S, "World", 2024)
add("sample", "market", ["Poland 2024 adds?", "and Netherlands?", "the two combined — % of World?"],
    "follow_up", [E((pl + nl) / w * 100, "%")], [],
    "sample market: (Poland + Netherlands) / World, 2024 Annual Total Historical Primary x100")

add("sample", "market", ["France 2026 base case adds?", "same for the high scenario"], "follow_up",
    [E(mv(S, "France", 2026, scen="high"), "MW")], [],
    "sample market: France 2026 Annual Total Forecast - High")

d = series(S, "Germany", range(2020, 2025))
add("sample", "market", ["German annual adds 2020–2024, year by year?", "as a chart"], "follow_up",
    [E(v, "MW") for v in d.values()], [],
    "sample market: Germany Annual Total Historical Primary 2020..2024")

add("sample", "market", ["Spain fleet end-2030, base case?", "and the low case?"], "follow_up",
    [E(mv(S, "Spain", 2030, "Cumulative", scen="low"), "MW")], [],
    "sample market: Spain 2030 Cumulative Total Forecast - Low")

# ================================================================ SAMPLE — prices
Q = SP
tc, tcu = pser(Q, "Module", "n-type TOPCon", "China")
dd, vv = latest(tc)
add("sample", "price", "TOPCon module China — latest?", "price",
    [E(vv, tcu)], [], f"sample prices: Module n-type TOPCon China latest ({dd.date()})")

he, heu = pser(Q, "Module", "n-type HJT", "EU")
add("sample", "price", "HJT modules in Europe, Mar-24 price?", "price",
    [E(in_month(he, "2024-03"), heu)], [],
    "sample prices: Module n-type HJT EU, observation dated 2024-03")

po, pou = pser(Q, "Polysilicon", "High purity - 9N/9N+", "China")
add("sample", "price", "Upstream squeeze slide. Poly 9N China — high and low over 2023-24?", "price",
    [E(po.max(), pou), E(po.min(), pou)], [],
    "sample prices: Polysilicon High purity - 9N/9N+ China, max and min over 2023-01..2024-12")

pc, pcu = pser(Q, "Module", "p-type mono-Si PERC M10", "China")
a, b = in_month(pc, "2023-01"), in_month(pc, "2024-12")
add("sample", "price", "Need the 'price collapse' stat. PERC M10 module China, Jan-23 → Dec-24: % change?", "price",
    [E(pct(a, b), "%")], [],
    "sample prices: Module p-type mono-Si PERC M10 China, (2024-12 - 2023-01)/2023-01 x100")

hj = {}
for r in ["China", "EU", "India", "US"]:
    s, _ = pser(Q, "Module", "n-type HJT", r)
    hj[r] = in_month(s, "2024-12")
cheapest = min(hj, key=hj.get)
add("sample", "price", "Sourcing question from the client. Cheapest region for HJT modules, Dec 2024?", "price",
    [E(hj[cheapest], "US$/Wp")], [cheapest],
    "sample prices: Module n-type HJT, 2024-12 value per region, min")

gl, glu = pser(Q, "PV glass", "Glass 3,2mm", "EU")
add("sample", "price", "3.2mm glass EU — 2024 average?", "price",
    [E(gl[gl.index.year == 2024].mean(), glu)], [],
    "sample prices: PV glass Glass 3,2mm EU, mean of 2024 monthly observations")

wn, wnu = pser(Q, "Wafer", "n-type mono-Si M10", "EU")
add("sample", "price", "n-type M10 wafer EU, June 2024?", "price",
    [E(in_month(wn, "2024-06"), wnu)], [],
    "sample prices: Wafer n-type mono-Si M10 EU, observation dated 2024-06")

ct, ctu = pser(Q, "Cell", "n-type TOPCon M10", "China")
cp, _ = pser(Q, "Cell", "p-type mono-Si PERC M10", "China")
a, b = in_month(ct, "2024-12"), in_month(cp, "2024-12")
add("sample", "price", "Cells China Dec-24: TOPCon M10 vs PERC M10 — ratio?", "price",
    [E(a, ctu), E(b, ctu), E(a / b, "x")], [],
    "sample prices: Cell China 2024-12, n-type TOPCon M10 / p-type mono-Si PERC M10")

tu, _ = pser(Q, "Module", "n-type TOPCon", "US")
ti, _ = pser(Q, "Module", "n-type TOPCon", "India")
(d1, v1), (d2, v2) = latest(tu), latest(ti)
add("sample", "price", "Trade-barrier story. TOPCon modules: US vs India on the latest print — multiple?", "price",
    [E(v1 / v2, "x")], [],
    f"sample prices: Module n-type TOPCon US ({d1.date()}) / India ({d2.date()})")

te, _ = pser(Q, "Module", "n-type TOPCon", "EU")
a, b = in_month(tc, "2024-12"), in_month(te, "2024-12")
add("sample", "price", ["TOPCon module China Dec-24?", "and EU — premium over China in %?"],
    "follow_up", [E(b, tcu), E(pct(a, b), "%")], [],
    "sample prices: Module n-type TOPCon 2024-12, EU vs China, (EU-China)/China x100")

# ================================================================ SAMPLE — financials
a, _ = fv(H, "FY2023", "Revenue")
b, ru = fv(H, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["Helios FY24 revenue?", "YoY?"], "follow_up",
    [E(pct(a, b), "%")], [], "financials: Helios Modules Ltd (sample) Revenue, (FY2024-FY2023)/FY2023 x100")

a, gu = fv(H, "2024-Q4", "Gross margin")
b, _ = fv(SF, "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial", "GM Q4-24: Helios vs SunForge — who's ahead, by how many pts?",
    "financial", [E(a, gu), E(b, gu), E(a - b, "%")], ["Helios" if a > b else "SunForge"],
    "financials: Gross margin 2024-Q4, Helios minus SunForge (percentage points)")

v, u_ = fv(NL, "FY2024", "Net income")
add("sample", "manufacturer_financial", "Nordlicht FY24 net income?", "financial",
    [E(v, u_)], [], "financials: Nordlicht Solar AG (sample) FY2024 Net income")

a, _ = fv(AU, "2024-Q2", "Module shipments")
b, su = fv(AU, "2024-Q3", "Module shipments")
add("sample", "manufacturer_financial", "Aurora shipments Q3-24 QoQ, %?", "financial",
    [E(pct(a, b), "%")], [], "financials: Aurora PV Group (sample) Module shipments, (2024-Q3 - 2024-Q2)/2024-Q2 x100")

rev = {c: fv(c, "FY2024", "Revenue")[0] for c in [H, SF, AU, NL]}
order = sorted(rev, key=rev.get, reverse=True)
add("sample", "manufacturer_financial", "Peer set slide. Rank the four manufacturers by FY2024 revenue", "financial",
    [E(rev[c], "USD million") for c in order], [c.split()[0] for c in order],
    "financials: FY2024 Revenue per company, sorted desc")

q = FIN[(FIN.company == SF) & (FIN.metric == "Gross margin") & FIN.period.str.contains("-Q")]
mx = q.value.max()
assert (q.value == mx).sum() == 1
per = q[q.value == mx].period.iloc[0]
add("sample", "manufacturer_financial",
    "SunForge — best quarterly gross margin across the 8 quarters, and which quarter?", "financial",
    [E(mx, "%")], [per.split("-")[0], per.split("-")[1]],
    f"financials: SunForge Energy (sample) Gross margin, max over quarters ({per})")

a, ru = fv(H, "2024-Q1", "Revenue")
b, _ = fv(H, "2024-Q2", "Revenue")
add("sample", "manufacturer_financial", "H1 view for the board. Helios H1 2024 revenue (Q1 + Q2)?", "sum",
    [E(a + b, ru)], [], "financials: Helios Modules Ltd (sample) Revenue 2024-Q1 + 2024-Q2")

a, _ = fv(H, "FY2023", "Production capacity")
b, cu_ = fv(H, "FY2024", "Production capacity")
add("sample", "manufacturer_financial", "Helios nameplate capacity: FY23 → FY24, how many GW added?",
    "financial", [E(b - a, cu_)], [],
    "financials: Helios Modules Ltd (sample) Production capacity FY2024 minus FY2023")

# ================================================================ SAMPLE — unanswerable
U = "sample"
unanswerable(U, "market", "Global context box on the slide. Chinese adds 2024?", "China is not in the sample market data")
unanswerable(U, "market", "US installed base end-2024?", "the USA is not in the sample market data")
unanswerable(U, "market", "Germany 2014 adds — need the 10-yr lookback",
             "the sample market data starts in 2015")
unanswerable(U, "price", "Metallisation cost is a hot topic. Silver price, latest?", "silver is not in the sample prices")
unanswerable(U, "price", "Polysilicon 9N in the US — latest?",
             "no US region for polysilicon in the sample prices (China and EU only)")
unanswerable(U, "price", "2mm glass in China, Dec 2024?",
             "only Glass 3,2mm is in the sample prices")
unanswerable(U, "manufacturer_financial", "JinkoSolar Q3-24 gross margin?",
             "JinkoSolar is not among the companies in the financials")
unanswerable(U, "manufacturer_financial", "Lenders want leverage metrics. Helios EBITDA FY2024?",
             "EBITDA is not a metric held (revenue, gross margin, net income, shipments, capacity only)")
unanswerable(U, "market", "France 2032 base case?", "forecasts end in 2030")
unanswerable(U, "market", "Client also does heat. Italy solar thermal additions 2024, MWth?",
             "solar thermal is not in the data; PV only")

# ================================================================ write + self-check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"] and not it["names"], it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
    assert it["data"] in {"real", "sample"}

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {chains}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:13s} {d:6s} {n}")
