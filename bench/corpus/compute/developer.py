"""Held-out questions, writer `developer` (BD manager at an IPP).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "developer"

# ----------------------------------------------------------------------------- data
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

_rm = pd.read_csv("/work/shared/datasets/market-database-fy.csv")
# 624 exact duplicate rows, plus copies differing only in the AC/DC / Estimated columns:
# keep one row per key (the capacity is identical across copies -> asserted).
assert (_rm.drop_duplicates(KEY + [CAP]).groupby(KEY)[CAP].nunique() == 1).all()
RM = _rm.drop_duplicates(KEY)[KEY + [CAP]].copy()

SM = pd.read_csv("/work/main/data/sample/market.csv")
assert not SM.duplicated(KEY).any()
SM = SM[KEY + [CAP]].copy()

RP = pd.read_parquet("/work/shared/datasets/component-prices.parquet").drop_duplicates()
SP = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MARKET = {"real": RM, "sample": SM}
PRICES = {"real": RP, "sample": SP}

AGGREGATES = {
    "World", "Asia", "East Asia", "Europe", "America", "EU", "South Asia", "North America",
    "Central Europe", "South Europe", "RoW", "South America", "East Europe", "ASEAN",
    "Southeast Asia", "North Europe", "Middle East", "Oceania", "Africa", "North Africa",
    "Southern Africa", "Central America", "Eurasia", "Central Asia",
}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def last_hist(df, terr):
    x = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(x.Year.max())


SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "most probable": "Forecast - Most probable"}


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions."""
    df = MARKET[data]
    if scen is None:
        s = "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"
    else:
        s = SCEN[scen]
    if typ == "Cumulative" and data == "real":
        assert s == "Historical Primary", "no forecast cumulative from the real CSV"
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(x) == 1, (data, terr, year, typ, conn, s, len(x))
    return float(x[CAP].iloc[0])


def series(data, terr, years, **kw):
    return {y: mv(data, terr, y, **kw) for y in years}


def ranking(data, year, typ="Annual", conn="Total", scen=None, pool=None, n=None):
    df = MARKET[data]
    pool = pool or countries(df)
    vals = {}
    for t in pool:
        try:
            vals[t] = mv(data, t, year, typ, conn, scen)
        except AssertionError:
            pass
    r = sorted(vals.items(), key=lambda kv: -kv[1])
    if n is not None:
        assert len(r) > n and r[n - 1][1] != r[n][1], "tie at the cut"
        r = r[:n]
    return r


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pseries(data, item, desc, region, unit=None):
    p = PRICES[data]
    x = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region)
    return x.sort_values("date")


def plast(data, item, desc, region, unit=None):
    x = pseries(data, item, desc, region, unit)
    last = x[x.date == x.date.max()]
    assert len(last) == 1, (item, desc, region, len(last))
    return float(last.base_price.iloc[0]), last.date.iloc[0]


def pmonth(data, item, desc, region, y, m, unit=None):
    x = pseries(data, item, desc, region, unit)
    x = x[(x.date.dt.year == y) & (x.date.dt.month == m)]
    assert len(x) == 1, (item, desc, region, y, m, len(x))
    return float(x.base_price.iloc[0])


def pdate(data, item, desc, region, d, unit=None):
    x = pseries(data, item, desc, region, unit)
    x = x[x.date == pd.Timestamp(d)]
    assert len(x) == 1
    return float(x.base_price.iloc[0])


def unit_of(data, item, desc, region):
    u = pseries(data, item, desc, region).unit.unique()
    assert len(u) == 1
    return u[0]


def fin(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
COMPANIES = [HEL, SUN, AUR, NOR]
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ----------------------------------------------------------------------------- items
ITEMS = []


def E(v, u):
    return {"value": float(v), "unit": u}


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data,
          "agent": agent, "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": list(expect), "names": [str(n) for n in names], "how": how}
    if why is not None:
        it["why"] = why
        it["expect"], it["names"] = [], []
    ITEMS.append(it)


MW = "MW"
R, S = "real", "sample"

# =============================================================== REAL market: lookups
v = mv(R, "Chile", 2024)
add(R, "market", "Prepping a board pack on our Chile pipeline - how much PV did Chile install in 2024?",
    "lookup", [E(v, MW)], [], "market CSV: Chile, 2024, Historical Primary, Total, Annual")

v = mv(R, "Brazil", 2023, "Cumulative")
add(R, "market", "whats Brazil's cumulative installed PV capacity at the end of 2023? need it for a slide",
    "lookup", [E(v, MW)], [], "market CSV: Brazil, 2023, Historical Primary, Total, Cumulative")

v = mv(R, "Spain", 2024, conn="Centralised")
add(R, "market", "We're bidding a 120 MW ground-mount project near Seville. How many MW of centralised PV did Spain add in 2024?",
    "lookup", [E(v, MW)], [], "market CSV: Spain, 2024, Historical Primary, Centralised, Annual")

v = mv(R, "Germany", 2027, scen="most probable")
add(R, "market", "Board meeting next week on a German agri-PV platform. German annual PV additions in 2027 under the most probable forecast?",
    "lookup", [E(v, MW)], [], "market CSV: Germany, 2027, Forecast - Most probable, Total, Annual")

v = mv(R, "Philippines", 2024, "Cumulative")
add(R, "market", "Philippines installed base at end of 2024, in MW pls",
    "lookup", [E(v, MW)], [], "market CSV: Philippines, 2024, Historical Primary, Total, Cumulative")

# =============================================================== REAL: rankings
r = ranking(R, 2024, "Cumulative", n=5)
add(R, "market", "Doing a country screen for next years origination budget. Which 5 countries had the biggest installed PV fleet at the end of 2024? Countries only, no regions.",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "market CSV: Cumulative 2024 Historical Primary Total, countries only (aggregates excluded), top 5")

pool = ["Brazil", "Chile", "Mexico", "Colombia", "Peru"]
r = ranking(R, 2024, pool=pool)
add(R, "market", "Rank Brazil, Chile, Mexico, Colombia and Peru by PV added in 2024, biggest first",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "market CSV: Annual 2024 Historical Primary Total for the 5 named countries, sorted desc")

pool = ["Vietnam", "Thailand", "Malaysia", "Indonesia", "Philippines"]
r = ranking(R, 2023, pool=pool, n=1)
add(R, "market", "Screening SE Asia for C&I. Among Vietnam, Thailand, Malaysia, Indonesia and the Philippines, which one added the most solar in 2023, and how much?",
    "rank", [E(r[0][1], MW)], [r[0][0]],
    "market CSV: Annual 2023 Historical Primary Total for the 5 named countries, max")

r = ranking(R, 2030, scen="most probable", n=3)
add(R, "market", "We want a second European market next to Spain. In the most probable forecast, which 3 countries add the most PV in 2030?",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r],
    "market CSV: Annual 2030 Forecast - Most probable Total, countries only (forecasts exist for European countries), top 3")

r = ranking(R, 2024, n=2)
assert r[0][0] == "China"
add(R, "market", "After China, which country installed the most PV in 2024 and how many MW?",
    "rank", [E(r[1][1], MW)], [r[1][0]],
    "market CSV: Annual 2024 Historical Primary Total, countries only, 2nd place")

vals = ranking(R, 2024)
over = [x for x in vals if x[1] > 15000]
assert all(abs(x[1] - 15000) > 100 for x in vals)
add(R, "market", "Quick filter for the origination team: which countries installed more than 15,000 MW in 2024?",
    "rank", [E(x[1], MW) for x in over], [x[0] for x in over],
    "market CSV: Annual 2024 Historical Primary Total, countries only, value > 15,000 MW")

# =============================================================== REAL: shares
v = mv(R, "China", 2023) / mv(R, "World", 2023) * 100
add(R, "market", "Our chinese module suppliers keep saying their home market is saturating. What share of global PV additions did China account for in 2023?",
    "share", [E(v, "%")], [], "China Annual 2023 Total / World Annual 2023 Total (Historical Primary) x100")

v = mv(R, "Brazil", 2024, "Cumulative") / mv(R, "World", 2024, "Cumulative") * 100
add(R, "market", "Brazil's share of the world's cumulative PV capacity at end-2024?",
    "share", [E(v, "%")], [], "Brazil Cumulative 2024 / World Cumulative 2024 (Historical Primary, Total) x100")

v = mv(R, "Spain", 2024, conn="Distributed") / mv(R, "Spain", 2024) * 100
add(R, "market", "Our C&I team says rooftop is shrinking in Spain. What % of Spain's 2024 installations were distributed?",
    "share", [E(v, "%")], [], "Spain Annual 2024 Distributed / Spain Annual 2024 Total x100")

v = mv(R, "Germany", 2024, "Cumulative", "Centralised") / mv(R, "Germany", 2024, "Cumulative") * 100
add(R, "market", "Board wants to know how utility-scale heavy Germany is: what percent of Germany's installed base at end of 2024 was centralised?",
    "share", [E(v, "%")], [], "Germany Cumulative 2024 Centralised / Germany Cumulative 2024 Total x100")

# =============================================================== REAL: change
a, b = mv(R, "USA", 2020), mv(R, "USA", 2024)
add(R, "market", "Considering a US JV partner for ~500 MW of utility scale. How much did US annual installs grow between 2020 and 2024, in %?",
    "change", [E(pct(a, b), "%")], [], "USA Annual Total: (2024-2020)/2020 x100")

a, b = mv(R, "India", 2015, "Cumulative"), mv(R, "India", 2024, "Cumulative")
add(R, "market", "India is on the shortlist for a 1 GW hybrid platform. CAGR of India's cumulative PV capacity from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], [], "India Cumulative Total: (2024/2015)^(1/9)-1")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", "Dutch market looks like its cooling. How much did Netherlands annual installs fall in 2024 vs 2023, in MW and %?",
    "change", [E(b - a, MW), E(pct(a, b), "%")], [], "Netherlands Annual Total 2024-2023 and % change")

a, b = mv(R, "Poland", 2025, scen="most probable"), mv(R, "Poland", 2030, scen="most probable")
add(R, "market", "What CAGR does the most probable scenario imply for Poland's annual PV market from 2025 to 2030?",
    "change", [E(cagr(a, b, 5), "%")], [], "Poland Annual Total Forecast - Most probable: (2030/2025)^(1/5)-1")

# =============================================================== REAL: compare
a, b = mv(R, "Spain", 2024), mv(R, "Italy", 2024)
add(R, "market", "Spain vs Italy - who added more PV in 2024 and by how many MW?",
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Spain" if a > b else "Italy"],
    "Annual 2024 Total Historical Primary for Spain and Italy, difference")

vals = {t: mv(R, t, 2024, "Cumulative") for t in ["Chile", "Colombia", "Peru"]}
add(R, "market", "For the LatAm strategy deck - compare the installed base of Chile, Colombia and Peru at end-2024",
    "compare", [E(x, MW) for x in vals.values()], list(vals),
    "Cumulative 2024 Total Historical Primary for the three countries")

a, b = mv(R, "China", 2024), mv(R, "USA", 2024)
add(R, "market", "How many times bigger was China's 2024 PV market than the US one?",
    "compare", [E(a / b, "x")], [], "China Annual 2024 Total / USA Annual 2024 Total")

a, b = mv(R, "Japan", 2024, "Cumulative"), mv(R, "Korea", 2024, "Cumulative")
add(R, "market", "we got an offer for a 40MW operating portfolio in Kyushu. japan vs korea, cumulative PV at the end of 2024?",
    "compare", [E(a, MW), E(b, MW)], [], "Cumulative 2024 Total Historical Primary, Japan and Korea")

# =============================================================== REAL: extremes
s = series(R, "Spain", range(2001, 2025))
y = max(s, key=s.get)
add(R, "market", "Up to 2024, what was Spain's best year ever for new PV and how many MW went in?",
    "extreme", [E(s[y], MW)], [y], "Spain Annual Total Historical Primary 2001-2024, argmax")

df = RM[(RM.Territory == "Vietnam") & (RM.Scenario == "Historical Primary") & (RM.Connection == "Total") & (RM.Type == "Annual")]
assert set(RM[RM.Territory == "Vietnam"].Scenario) == {"Historical Primary"}
row = df.loc[df[CAP].idxmax()]
add(R, "market", "Vietnam's record year for solar additions - which year and how much?",
    "extreme", [E(row[CAP], MW)], [int(row.Year)], "Vietnam Annual Total Historical Primary, all years, argmax")

s = series(R, "Japan", range(2013, 2025))
y = min(s, key=s.get)
add(R, "market", "From 2013 on, which was Japan's weakest year for new installs?",
    "extreme", [E(s[y], MW)], [y], "Japan Annual Total Historical Primary 2013-2024, argmin")

s = series(R, "Italy", range(2025, 2031), scen="high")
y = max(s, key=s.get)
add(R, "market", "In the high scenario, which year between 2025 and 2030 has Italy's biggest annual market?",
    "extreme", [E(s[y], MW)], [y], "Italy Annual Total Forecast - High 2025-2030, argmax")

# =============================================================== REAL: averages
s = series(R, "Brazil", range(2020, 2025))
add(R, "market", "A Brazilian DG platform is up for sale and we might bid. Average annual PV additions in Brazil over 2020-2024?",
    "average", [E(sum(s.values()) / len(s), MW)], [], "mean of Brazil Annual Total 2020..2024")

s = series(R, "Poland", range(2019, 2025))
add(R, "market", "avg yearly installs in Poland 2019 to 2024 inclusive?",
    "average", [E(sum(s.values()) / len(s), MW)], [], "mean of Poland Annual Total 2019..2024")

s = series(R, "France", range(2025, 2031), scen="most probable")
add(R, "market", "What's the average annual market France is expected to have over 2025-2030 in the most probable case?",
    "average", [E(sum(s.values()) / len(s), MW)], [], "mean of France Annual Total Forecast - Most probable 2025..2030")

# =============================================================== REAL: sums
s = series(R, "Spain", range(2019, 2025))
add(R, "market", "Total PV Spain instaled 2019-2024 combined?",
    "sum", [E(sum(s.values()), MW)], [], "sum of Spain Annual Total 2019..2024")

s = {t: mv(R, t, 2024) for t in ["Chile", "Colombia", "Peru"]}
add(R, "market", "We're thinking of an Andean platform. Combined 2024 additions of Chile, Colombia and Peru?",
    "sum", [E(sum(s.values()), MW)], [], "sum of Annual 2024 Total for Chile, Colombia, Peru")

s = {t: mv(R, t, 2024) for t in ["Denmark", "Finland", "Norway", "Sweden"]}
add(R, "market", "Nordics check: Denmark, Finland, Norway and Sweden together installed how much PV in 2024?",
    "sum", [E(sum(s.values()), MW)], [], "sum of Annual 2024 Total for the four Nordic countries")

# =============================================================== REAL: first / latest
x = RM[(RM.Territory == "Brazil") & (RM.Scenario == "Historical Primary") & (RM.Connection == "Total") & (RM.Type == "Annual")]
y0 = int(x.Year.min())
add(R, "market", "When does Brazil's data start, and how much PV was installed in that first year?",
    "first_latest", [E(mv(R, "Brazil", y0), MW)], [y0], "Brazil Annual Total Historical Primary: earliest year and its value")

s = series(R, "India", range(last_hist(RM, "India") - 14, last_hist(RM, "India") + 1))
y = min(yy for yy, vv in s.items() if vv > 10000)
add(R, "market", "First year India added more than 10 GW in a single year?",
    "first_latest", [E(s[y], MW)], [y], "India Annual Total Historical Primary 2010-2024: first year > 10,000 MW")

y = last_hist(RM, "South Africa")
add(R, "market", "What's the latest installed base figure you have for South Africa, and for which year?",
    "first_latest", [E(mv(R, "South Africa", y, "Cumulative"), MW)], [y],
    "South Africa Cumulative Total Historical Primary: latest year and value")

# =============================================================== REAL: prices
v, d = plast(R, "Module", "n-type HJT", "EU")
add(R, "price", "Budgeting capex for a 200MWp plant in Andalucia - what's the latest n-type HJT module price in the EU?",
    "price", [E(v, unit_of(R, "Module", "n-type HJT", "EU"))], [],
    f"prices: Module / n-type HJT / EU, latest date {d.date()}")

vals = {reg: plast(R, "Module", "n-type TOPCon", reg) for reg in ["EU", "US", "China"]}
assert len({d for _, d in vals.values()}) == 1
cheap = min(vals, key=lambda k: vals[k][0])
add(R, "price", "Latest n-type TOPCon module prices in the EU, the US and China - which is cheapest?",
    "price", [E(vals[k][0], "US$/Wp") for k in vals], [cheap],
    "prices: Module / n-type TOPCon, latest (same date) for EU, US, China; min region")

x = pseries(R, "Module", "n-type TOPCon", "EU")
a, b = float(x.base_price.iloc[0]), float(x.base_price.iloc[-1])
assert x.date.iloc[0] == pd.Timestamp("2024-04-03")
add(R, "price", "How much has the EU TOPCon module price moved from the first quote in April 2024 to the latest one? c/W and %",
    "price", [E(b - a, "US$/Wp"), E(pct(a, b), "%")], [],
    "prices: Module / n-type TOPCon / EU, latest minus first (2024-04-03), and % change")

v = pmonth(R, "Copper", "Copper", "Overseas", 2025, 3)
add(R, "price", "Cabling is a big line in our BoS budget. What was the copper price in March 2025?",
    "price", [E(v, "US$/t")], [], "prices: Copper / Overseas, monthly obs dated 2025-03")

x = pseries(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
x = x[x.date.dt.year == 2024]
assert x.date.is_unique
add(R, "price", "Updating our module cost model. Lowest and highest overseas 9N polysilicon price during 2024?",
    "price", [E(x.base_price.min(), "US$/kg"), E(x.base_price.max(), "US$/kg")], [],
    "prices: Polysilicon / High purity - 9N/9N+ / Overseas, min and max over 2024 weekly obs")

x = pseries(R, "Module", "n-type TOPCon", "US")
x = x[(x.date.dt.year == 2024) & (x.date.dt.month == 6)]
assert x.date.is_unique and len(x) >= 4
add(R, "price", "average of the weekly US TOPCon module quotes in June 2024?",
    "price", [E(x.base_price.mean(), "US$/Wp")], [],
    f"prices: Module / n-type TOPCon / US, mean of the {len(x)} weekly obs in 2024-06")

v, d = plast(R, "Wafer", "p-type mono-Si M10", "China")
add(R, "price", "latest p-type M10 wafer price in China?",
    "price", [E(v, "US$/pce")], [], f"prices: Wafer / p-type mono-Si M10 / China, latest {d.date()}")

x = pseries(R, "Aluminium", "Aluminium", "Overseas")
row = x.loc[x.base_price.idxmax()]
assert (x.base_price == row.base_price).sum() == 1
add(R, "price", "For our mounting-structure budget: what's the highest monthly aluminium price in the data and which month was it?",
    "price", [E(row.base_price, "US$/t")], [row.date.strftime("%Y")],
    f"prices: Aluminium / Overseas, max over series, dated {row.date.date()}")

# =============================================================== financials on the real instance
v, u = fin(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Checking a supplier before we sign a module frame agreement - Helios Modules revenue for FY2024?",
    "financial", [E(v, u)], [], "financials: Helios, FY2024, Revenue")

v, u = fin(SUN, "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "SunForge Energy gross margin in Q4 2024?",
    "financial", [E(v, u)], [], "financials: SunForge, 2024-Q4, Gross margin")

vals = {c: fin(c, "FY2023", "Net income")[0] for c in COMPANIES}
c = max(vals, key=vals.get)
add(R, "manufacturer_financial", "Which of the module manufaturers made the most net income in FY2023?",
    "financial", [E(vals[c], "USD million")], [SHORT[c]], "financials: FY2023 Net income, max over the 4 companies")

vals = sorted(((c, fin(c, "FY2024", "Module shipments")[0]) for c in COMPANIES), key=lambda kv: -kv[1])
add(R, "manufacturer_financial", "Shortlisting suppliers for 2026 deliveries. Rank the manufacturers by FY2024 module shipments",
    "financial", [E(v, "GW") for _, v in vals], [SHORT[c] for c, _ in vals],
    "financials: FY2024 Module shipments, all 4 companies sorted desc")

a, b = fin(NOR, "FY2023", "Revenue")[0], fin(NOR, "FY2024", "Revenue")[0]
add(R, "manufacturer_financial", "How much did Nordlicht Solar's revenue drop from FY2023 to FY2024, in %?",
    "financial", [E(pct(a, b), "%")], [], "financials: Nordlicht Revenue (FY2024-FY2023)/FY2023 x100")


# =============================================================== REAL follow-ups
v = mv(R, "Mexico", 2024)
add(R, "market", ["Need a quick LatAm number - how much solar did Brazil add in 2024?", "and Mexico?"],
    "follow_up", [E(v, MW)], [], "Mexico Annual 2024 Total Historical Primary")

v = mv(R, "Germany", 2026, scen="high")
add(R, "market", ["Germany's 2026 PV additions in the most probable forecast?", "same for the high scenario"],
    "follow_up", [E(v, MW)], [], "Germany Annual 2026 Total Forecast - High")

v = mv(R, "Chile", 2024, "Cumulative")
add(R, "market", ["Chile installed base at end of 2022?", "what about 2024?"],
    "follow_up", [E(v, MW)], [], "Chile Cumulative 2024 Total Historical Primary")

v = mv(R, "Pakistan", 2024) / mv(R, "World", 2024) * 100
add(R, "market", ["The Pakistan rooftop boom is all over LinkedIn. What share of world PV additions did India take in 2024?", "and Pakistan's?"],
    "follow_up", [E(v, "%")], [], "Pakistan Annual 2024 Total / World Annual 2024 Total x100")

v, d = plast(R, "Module", "n-type TOPCon", "US")
add(R, "price", ["latest n-type TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [E(v, "US$/Wp")], [], f"prices: Module / n-type TOPCon / US latest {d.date()}")

a, b = mv(R, "Vietnam", 2020), mv(R, "Vietnam", 2024)
add(R, "market", ["How much PV did Vietnam install in 2020?", "how does 2024 compare, in % terms?"],
    "follow_up", [E(pct(a, b), "%")], [], "Vietnam Annual Total (2024-2020)/2020 x100")

r24 = ranking(R, 2024, n=3)
v = sum(x[1] for x in r24) / mv(R, "World", 2024) * 100
add(R, "market", ["Top 3 countries by PV additions in 2023?", "and in 2024?",
                  "ok, what's the combined share of world additions for those three in 2024?"],
    "follow_up", [E(v, "%")], [x[0] for x in r24],
    "top-3 countries by Annual 2024 Total; their sum / World Annual 2024 x100")

s = series(R, "Italy", range(2020, 2025))
add(R, "market", ["Italy annual installs 2020-2024?", "can you show that as a chart"],
    "follow_up", [E(x, MW) for x in s.values()], [], "Italy Annual Total Historical Primary 2020..2024")

# =============================================================== REAL unanswerable
U = [
    ("market", "We're pitching a PPA to an offtaker in Madrid - what's the current LCOE for utility-scale solar in Spain?",
     "LCOE is not held; the data has installed capacity and component prices only"),
    ("market", "How much onshore wind did Brazil add in 2024?", "wind is not covered; PV only"),
    ("market", "Our Chilean hybrid bid needs context: how many MWh of battery storage were installed in Chile in 2024?",
     "storage is not covered; PV capacity only"),
    ("market", "What will Germany's cumulative PV capacity be at end 2030 in the most probable scenario?",
     "forecast cumulative values in the real CSV exclude the installed base (running sums of forecast additions only)"),
    ("market", "What's Italy's installed base going to be at the end of 2028, most probable case?",
     "forecast cumulative values in the real CSV exclude the installed base"),
    ("market", "Board asked about curtailment risk in Sonora. How many GWh did Mexico's solar fleet generate in 2023?", "generation (GWh) is not held, only capacity in MW"),
    ("market", "Looking at a site outside Abuja - how much PV did Nigeria install in 2024?", "Nigeria is not in the data"),
    ("market", "Uzbekistan PV additions in 2024? Hearing a lot about their auctions", "Uzbekistan is not in the data"),
    ("market", "What's the forecast for Brazil's annual PV market in 2027?", "forecasts exist only for European territories and World; no Brazil forecast"),
    ("market", "How much PV did Spain install in 1988?", "data starts in 1992 (Spain in 2001)"),
    ("market", "Average solar PPA price signed in Chile last year?", "PPA prices are not held"),
    ("price", "latest TOPCon module price in India?", "no n-type TOPCon module series for India (India has only PERC M6 to 2023 and multi Al-BSF to 2022)"),
    ("price", "What are string inverter prices doing lately, in $/W?", "inverters are not a price item in the data"),
    ("price", "What share of the module price is polysilicon these days?", "a share of a price cannot be derived: items have different units and there is no cost breakdown"),
    ("market", "Yield model needs an update. Average module efficiency of TOPCon vs PERC panels shipped in 2024?", "efficiency is not held"),
    ("market", "How many people work in Brazil's solar sector?", "jobs are not held"),
    ("market", "Whats the current feed-in tariff for rooftop solar in Vietnam?", "tariffs are not held"),
    ("market", "What was the Italian PV market worth in EUR in 2024?", "market value in EUR is not held, only MW"),
    ("manufacturer_financial", "First Solar revenue for 2024? thinking about their CdTe modules for a US bid",
     "First Solar is not in the financials (only four sample companies)"),
]
for agent, q, why in U:
    add(R, agent, q, "unanswerable", why=why)

# =============================================================== SAMPLE market
v = mv(S, "Italy", 2023, conn="Distributed")
add(S, "market", "Italian C&I rooftop is on our list - how much distributed PV did Italy add in 2023?",
    "lookup", [E(v, MW)], [], "sample market: Italy 2023 Historical Primary Distributed Annual")

v = mv(S, "Netherlands", 2024, "Cumulative")
add(S, "market", "Netherlands cumulitive PV at end of 2024?",
    "lookup", [E(v, MW)], [], "sample market: Netherlands 2024 Historical Primary Total Cumulative")

v = mv(S, "Poland", 2029, scen="high")
add(S, "market", "Warsaw team is very bullish. Poland annual additions in 2029 in the high scenario?",
    "lookup", [E(v, MW)], [], "sample market: Poland 2029 Forecast - High Total Annual")

r = ranking(S, 2024)
add(S, "market", "Rank the countries you have by PV added in 2024 (countries only, not World)",
    "rank", [E(x[1], MW) for x in r], [x[0] for x in r], "sample market: Annual 2024 Total, all countries, sorted desc")

r = ranking(S, 2030, scen="low", n=1)
add(S, "market", "Which country has the biggest annual market in 2030 under the low scenario, and how big?",
    "rank", [E(r[0][1], MW)], [r[0][0]], "sample market: Annual 2030 Forecast - Low Total, countries, max")

v = mv(S, "Germany", 2024) / mv(S, "World", 2024) * 100
add(S, "market", "Germany's share of global PV installations in 2024?",
    "share", [E(v, "%")], [], "sample market: Germany Annual 2024 / World Annual 2024 x100")

v = mv(S, "France", 2024, conn="Distributed") / mv(S, "France", 2024) * 100
add(S, "market", "What percentage of France's 2024 new PV was distributed?",
    "share", [E(v, "%")], [], "sample market: France Annual 2024 Distributed / Total x100")

a, b = mv(S, "Spain", 2015, "Cumulative"), mv(S, "Spain", 2024, "Cumulative")
add(S, "market", "Writing the IM for a Spanish operating portfolio - CAGR of Spain's installed base 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], [], "sample market: Spain Cumulative Total (2024/2015)^(1/9)-1")

a, b = mv(S, "World", 2025, scen="most probable"), mv(S, "World", 2030, scen="most probable")
add(S, "market", "For the strategy offsite: by how much % does the global annual market grow from 2025 to 2030 in the most probable forecast?",
    "change", [E(pct(a, b), "%")], [], "sample market: World Annual Forecast - Most probable (2030-2025)/2025 x100")

a, b = mv(S, "France", 2024, "Cumulative"), mv(S, "Netherlands", 2024, "Cumulative")
add(S, "market", "France vs the Netherlands - installed base end of 2024?",
    "compare", [E(a, MW), E(b, MW)], [], "sample market: Cumulative 2024 Total for France and Netherlands")

vals = {t: mv(S, t, 2023) for t in ["Spain", "Italy", "Poland"]}
add(S, "market", "Compare 2023 additions in Spain, Italy and Poland",
    "compare", [E(x, MW) for x in vals.values()], list(vals), "sample market: Annual 2023 Total for the 3 countries")

s = series(S, "Netherlands", range(2015, 2025))
y = max(s, key=s.get)
add(S, "market", "What was the peak year for Dutch PV additions between 2015 and 2024?",
    "extreme", [E(s[y], MW)], [y], "sample market: Netherlands Annual Total 2015-2024, argmax")

s = series(S, "Poland", range(2025, 2031), scen="low")
y = min(s, key=s.get)
add(S, "market", "In the low case, which year 2025-2030 is Poland's weakest for new PV?",
    "extreme", [E(s[y], MW)], [y], "sample market: Poland Annual Total Forecast - Low 2025-2030, argmin")

s = series(S, "Germany", range(2020, 2025))
add(S, "market", "Average anual PV additions in Germany 2020-2024?",
    "average", [E(sum(s.values()) / len(s), MW)], [], "sample market: mean Germany Annual Total 2020..2024")

s = series(S, "Spain", range(2025, 2031), scen="high")
add(S, "market", "Average yearly Spanish market 2025-2030 if the high scenario plays out?",
    "average", [E(sum(s.values()) / len(s), MW)], [], "sample market: mean Spain Annual Forecast - High 2025..2030")

s = series(S, "Poland", range(2019, 2025))
add(S, "market", "We have 3 projects in Pomerania. Total PV Poland installed over 2019-2024?",
    "sum", [E(sum(s.values()), MW)], [], "sample market: sum Poland Annual Total 2019..2024")

cs = countries(SM)
v = sum(mv(S, t, 2024) for t in cs)
add(S, "market", "What did all the countries in your dataset add together in 2024 (excluding the World line)?",
    "sum", [E(v, MW)], [], "sample market: sum of Annual 2024 Total over the 6 countries")

s = series(S, "Italy", range(2015, 2025))
y = min(yy for yy, vv in s.items() if vv > 2000)
add(S, "market", "When did Italy first add more than 2 GW in a year?",
    "first_latest", [E(s[y], MW)], [y], "sample market: Italy Annual Total, first year > 2,000 MW")

y = last_hist(SM, "Spain")
add(S, "market", "Which is the latest year of actual (not forecast) data for Spain, and what did it install?",
    "first_latest", [E(mv(S, "Spain", y), MW)], [y], "sample market: Spain latest Historical Primary year, Annual Total")

# =============================================================== SAMPLE prices
v, d = plast(S, "Module", "n-type TOPCon", "India")
add(S, "price", "Got a 300 MW tender in Rajasthan. Latest TOPCon module price in India?",
    "price", [E(v, "US$/Wp")], [], f"sample prices: Module / n-type TOPCon / India, latest {d.date()}")

x = pseries(S, "Polysilicon", "High purity - 9N/9N+", "China")
row = x.loc[x.base_price.idxmin()]
assert (x.base_price == row.base_price).sum() == 1
add(S, "price", "What was the lowest Chinese 9N polysilicon price over the whole series, and in which month?",
    "price", [E(row.base_price, "US$/kg")], [row.date.strftime("%Y")],
    f"sample prices: Polysilicon / High purity - 9N/9N+ / China, min dated {row.date.date()}")

a = pmonth(S, "PV glass", "Glass 3,2mm", "EU", 2024, 12)
b = pmonth(S, "PV glass", "Glass 3,2mm", "China", 2024, 12)
add(S, "price", "3.2mm PV glass, EU vs China in December 2024?",
    "price", [E(a, "US$/m²"), E(b, "US$/m²")], [], "sample prices: PV glass / Glass 3,2mm, EU and China, 2024-12")

a = pmonth(S, "Module", "p-type mono-Si PERC M10", "US", 2023, 1)
b = pmonth(S, "Module", "p-type mono-Si PERC M10", "US", 2024, 12)
add(S, "price", "Our US procurement guy says prices barely moved. How much did US PERC M10 module prices change from Jan 2023 to Dec 2024, in %?",
    "price", [E(pct(a, b), "%")], [], "sample prices: Module / p-type mono-Si PERC M10 / US, (2024-12 - 2023-01)/2023-01 x100")

v = pmonth(S, "Cell", "n-type TOPCon M10", "China", 2024, 6)
add(S, "price", "TOPCon M10 cell price in China, June 2024?",
    "price", [E(v, "US$/Wp")], [], "sample prices: Cell / n-type TOPCon M10 / China, 2024-06")

vals = {reg: pmonth(S, "Module", "n-type TOPCon", reg, 2024, 12) for reg in ["China", "EU", "India", "US"]}
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(S, "price", "We source for projects on three continents. Which region had the cheapest TOPCon modules in Dec 2024 and at what price?",
    "price", [E(vals[cheap], "US$/Wp")], [cheap], "sample prices: Module / n-type TOPCon, 2024-12, min over regions")

# =============================================================== financials on the sample instance
q = [fin(SUN, f"2024-Q{i}", "Net income")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Sum of SunForge's quarterly net income across the four 2024 quarters?",
    "financial", [E(sum(q), "USD million")], [], "financials: SunForge Net income 2024-Q1..Q4 summed")

a, b = fin(HEL, "FY2024", "Gross margin")[0], fin(SUN, "FY2024", "Gross margin")[0]
add(S, "manufacturer_financial", "Helios vs SunForge - gross margin FY2024?",
    "financial", [E(a, "%"), E(b, "%")], [], "financials: FY2024 Gross margin, Helios and SunForge")

vals = {f"{y}-Q{i}": fin(AUR, f"{y}-Q{i}", "Gross margin")[0] for y in (2023, 2024) for i in range(1, 5)}
p = min(vals, key=vals.get)
add(S, "manufacturer_financial", "Which quarter had Aurora PV's lowest gross margin?",
    "financial", [E(vals[p], "%")], [p], "financials: Aurora Gross margin over 8 quarters, argmin")

q = [fin(HEL, f"2023-Q{i}", "Revenue")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Average quarterly revenue of Helios Modules in 2023?",
    "financial", [E(sum(q) / 4, "USD million")], [], "financials: Helios Revenue mean of 2023-Q1..Q4")

neg = [(c, fin(c, "FY2024", "Net income")[0]) for c in COMPANIES if fin(c, "FY2024", "Net income")[0] < 0]
add(S, "manufacturer_financial", "Which of the manufacturers were loss-making in FY2024 (net income)?",
    "financial", [E(v, "USD million") for _, v in neg], [SHORT[c] for c, _ in neg],
    "financials: FY2024 Net income < 0")

v, u = fin(HEL, "2024-Q3", "Module shipments")
add(S, "manufacturer_financial", "helios module shipments in Q3 2024?",
    "financial", [E(v, u)], [], "financials: Helios 2024-Q3 Module shipments")

# =============================================================== SAMPLE follow-ups
v = mv(S, "Italy", 2023)
add(S, "market", ["Spain annual additions in 2023?", "and Italy?"],
    "follow_up", [E(v, MW)], [], "sample market: Italy Annual 2023 Total")

v = mv(S, "Poland", 2024, conn="Centralised")
add(S, "market", ["Poland distributed additions in 2024?", "and centralised?"],
    "follow_up", [E(v, MW)], [], "sample market: Poland Annual 2024 Centralised")

v = mv(S, "France", 2030, "Cumulative", scen="low")
add(S, "market", ["France cumulative PV end of 2024?", "what about 2030 under the low scenario?"],
    "follow_up", [E(v, MW)], [], "sample market: France Cumulative 2030 Forecast - Low Total (sample forecast cumulative includes the base)")

v, d = plast(S, "Module", "n-type HJT", "India")
add(S, "price", ["latest n-type HJT module price in China?", "and India?"],
    "follow_up", [E(v, "US$/Wp")], [], f"sample prices: Module / n-type HJT / India latest {d.date()}")

v, u = fin(SUN, "FY2024", "Revenue")
add(S, "manufacturer_financial", ["Helios FY2024 revenue?", "and SunForge's?"],
    "follow_up", [E(v, u)], [], "financials: SunForge FY2024 Revenue")

a, b = mv(S, "Netherlands", 2019), mv(S, "Netherlands", 2022)
add(S, "market", ["Netherlands additions in 2022?", "what about 2019?", "% change from 2019 to 2022?"],
    "follow_up", [E(pct(a, b), "%")], [], "sample market: Netherlands Annual Total (2022-2019)/2019 x100")

v = mv(S, "World", 2030, scen="low")
add(S, "market", ["World annual PV market in 2030, most probable?", "same for the low scenario"],
    "follow_up", [E(v, MW)], [], "sample market: World Annual 2030 Forecast - Low Total")

# =============================================================== SAMPLE unanswerable
U = [
    ("manufacturer_financial", "Helios Modules EBITDA for FY2024?", "EBITDA is not a metric in the financials"),
    ("market", "Portugal PV additions in 2024? we have a site in Alentejo", "Portugal is not in the sample data"),
    ("market", "How much PV did Chile install in 2024?", "Chile is not in the sample data"),
    ("market", "Looking at a repowering play on old German parks. How much PV did Germany add in 2012?", "sample market data starts in 2015"),
    ("market", "What's the forecast for Germany's annual PV market in 2035?", "forecasts end in 2030"),
    ("market", "A colleague thinks we should look at hybrids. How much CSP / solar thermal capacity does Spain have?", "solar thermal / CSP is not covered, PV only"),
    ("price", "latest copper price? our cable supplier keeps pushing indexation", "copper is not in the sample prices"),
    ("price", "TOPCon module price in Australia Dec 2024?", "Australia is not a region in the sample prices"),
    ("price", "What was the PERC module price in China in January 2022?", "sample prices start in January 2023"),
    ("manufacturer_financial", "LONGi module shipments 2024?", "LONGi is not in the financials"),
    ("market", "How many home batteries were installed in Germany in 2024?", "storage is not covered"),
    ("market", "Financing bank wants a P50 sanity check. Average capacity factor for Italian utility PV?", "capacity factor / yield is not held"),
    ("price", "What share of total system capex is the module in Poland right now?", "system capex / cost breakdown is not held"),
]
for agent, q, why in U:
    add(S, agent, q, "unanswerable", why=why)

# ----------------------------------------------------------------------------- write + self-check
for it in ITEMS:
    for e in it["expect"]:
        e["value"] = float(e["value"])
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
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
        assert all(pd.notna(e["value"]) for e in it["expect"]), it["id"]
    else:
        assert it["why"] and not it["expect"] and not it["names"], it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_fu}  financial-agent items: {n_fin}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
kinds = Counter((it["kind"], it["data"]) for it in ITEMS)
print(f"{'kind':14s} {'real':>5s} {'sample':>7s} {'total':>6s}")
for k in ["lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
          "first_latest", "price", "financial", "follow_up", "unanswerable"]:
    print(f"{k:14s} {kinds[(k, 'real')]:5d} {kinds[(k, 'sample')]:7d} {kinds[(k, 'real')] + kinds[(k, 'sample')]:6d}")
