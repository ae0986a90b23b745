"""Writer `quant`: computes every expected figure from the data files and writes questions.jsonl."""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    d = pd.read_csv(path)
    d = d.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not d.duplicated(KEY).any(), "conflicting duplicates"
    return d


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)

AGG = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
       "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
       "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
       "South Europe", "Southeast Asia", "Southern Africa", "World"}
EU27 = {"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"}

SCEN = {None: "Forecast - Most probable", "mp": "Forecast - Most probable",
        "high": "Forecast - High", "low": "Forecast - Low"}


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is None and year <= last_hist(df, terr):
        return "Historical Primary"
    return SCEN[scen]


def val(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: val(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def whole_hist(df, terr, typ="Annual", conn="Total"):
    r = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")
           & (df.Connection == conn) & (df.Type == typ)].sort_values("Year")
    return dict(zip(r.Year.astype(int), r["Capacity(MW)"].astype(float)))


def rank(df, year, n, typ="Annual", conn="Total", countries=None):
    r = df[(df.Year == year) & (df.Scenario == "Historical Primary") & (df.Connection == conn)
           & (df.Type == typ) & (~df.Territory.isin(AGG))]
    if countries is not None:
        r = r[r.Territory.isin(countries)]
    r = r.sort_values("Capacity(MW)", ascending=False)
    vals = r["Capacity(MW)"].tolist()
    assert vals[n - 1] != vals[n], "tie at cut"
    top = r.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def argext(d, fn):
    """d: {key: value}; returns (key, value), asserting uniqueness of the extreme."""
    v = fn(d.values())
    ks = [k for k, x in d.items() if x == v]
    assert len(ks) == 1, ("tie", ks)
    return ks[0], v


# ---------------------------------------------------------------- prices
def pser(P, item, desc, region, unit=None):
    r = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    r = r.drop_duplicates(["date", "base_price"]).sort_values("date")
    assert not r.date.duplicated().any(), ("multiple prices on one date", item, desc, region)
    return r.set_index("date")["base_price"].astype(float), r.unit.iloc[0]


def pmonth(s, ym):
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def pdate(s, d):
    x = s[s.index == pd.Timestamp(d)]
    assert len(x) == 1, d
    return float(x.iloc[0])


def pext(s, fn, start=None, end=None, first=False):
    x = s
    if start:
        x = x[x.index >= pd.Timestamp(start)]
    if end:
        x = x[x.index <= pd.Timestamp(end)]
    v = fn(x)
    ds = x[x == v].index
    assert first or len(ds) == 1, ("tie in extreme", list(ds))
    return float(v), ds[0].strftime("%Y-%m-%d")


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ---------------------------------------------------------------- items
ITEMS = []


def E(v, u):
    return {"value": float(v), "unit": u}


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
    it = {"id": f"quant-{len(ITEMS) + 1:03d}", "writer": "quant", "data": data, "agent": agent,
          "turns": list(turns), "answerable": answerable, "kind": kind,
          "expect": list(expect) if answerable else [], "names": list(names) if answerable else [],
          "how": how}
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


def un(data, agent, turns, why, how="n/a: data does not hold it"):
    add(data, agent, "unanswerable", turns, answerable=False, why=why, how=how)


MW = "MW"
CSV = "market CSV"
SCSV = "sample market.csv"

# ================================================================ REAL: market
# --- lookups
v = val(RM, "Brazil", 2024)
add("real", "market", "lookup", ["Building a LatAm demand factor. Brazil annual adds 2024, MW?"], [E(v, MW)],
    how=f"{CSV}: Brazil, 2024, Historical Primary, Total, Annual")

v = val(RM, "India", 2023, "Cumulative")
add("real", "market", "lookup",
    ["Calibrating the India installed-base factor. What was India's cumulative PV capacity at end-2023?"],
    [E(v, MW)], how=f"{CSV}: India, 2023, Historical Primary, Total, Cumulative")

v = val(RM, "Germany", 2024, conn="Distributed")
add("real", "market", "lookup", ["German distributed (rooftop) additons in 2024?"], [E(v, MW)],
    how=f"{CSV}: Germany, 2024, Historical Primary, Distributed, Annual")

v = val(RM, "Spain", 2027)
add("real", "market", "lookup", ["Modelling Iberian module demand out to 2027. spain new PV capacity 2027, base case (most probable) forecast?"],
    [E(v, MW)], how=f"{CSV}: Spain, 2027, Forecast - Most probable, Total, Annual")

v = val(RM, "Pakistan", 2024, conn="Centralised")
add("real", "market", "lookup",
    ["Pakistan looks like an outlier in my residuals. Centralised PV added there in 2024, in MW?"],
    [E(v, MW)], how=f"{CSV}: Pakistan, 2024, Historical Primary, Centralised, Annual")

# --- rankings
names, vals = rank(RM, 2024, 5)
add("real", "market", "rank", ["Top 5 countries by PV additions in 2024, with MW each."],
    [E(x, MW) for x in vals], names,
    how=f"{CSV}: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

names, vals = rank(RM, 2024, 3, "Cumulative")
add("real", "market", "rank",
    ["For the demand-side factor I need the three biggest national fleets. Top 3 countries by cumulative capacity end-2024?"],
    [E(x, MW) for x in vals], names,
    how=f"{CSV}: 2024 Historical Primary Total Cumulative, countries only, top 3")

names, vals = rank(RM, 2023, 3, countries=EU27)
add("real", "market", "rank", ["My EU basket is only 3 names. Which 3 EU member states added the most PV in 2023? MW pls"],
    [E(x, MW) for x in vals], names,
    how=f"{CSV}: 2023 Historical Primary Total Annual, EU-27 member countries, top 3")

names, vals = rank(RM, 2024, 3, conn="Distributed")
add("real", "market", "rank", ["Rooftop exposure matters for the inverter names I cover. Top 3 countries for distributed PV installs in 2024?"],
    [E(x, MW) for x in vals], names,
    how=f"{CSV}: 2024 Historical Primary Distributed Annual, countries only, top 3")

# --- shares
c, w = val(RM, "China", 2024), val(RM, "World", 2024)
add("real", "market", "share", ["China's share of global PV additions in 2024, %?"],
    [E(c / w * 100, "%")], how=f"{CSV}: China 2024 Annual Total / World 2024 Annual Total ×100")

c, w = val(RM, "USA", 2024, "Cumulative"), val(RM, "World", 2024, "Cumulative")
add("real", "market", "share",
    ["Weighting regions by installed base. What % of the world's cumulative PV at end-2024 sits in the USA?"],
    [E(c / w * 100, "%")], how=f"{CSV}: USA 2024 Cumulative Total / World 2024 Cumulative Total ×100")

c, t = val(RM, "India", 2024, conn="Centralised"), val(RM, "India", 2024)
add("real", "market", "share", ["Segment mix feeds the tracker-demand model. India 2024: utility-scale (centralised) as a share of total additions?"],
    [E(c / t * 100, "%")], how=f"{CSV}: India 2024 Annual Centralised / Total ×100")

names, vals = rank(RM, 2024, 5)
w = val(RM, "World", 2024)
add("real", "market", "share",
    ["Running a concentration check on demand. Combined share of the top-5 countries in world PV additions 2024?"],
    [E(sum(vals) / w * 100, "%")], names,
    how=f"{CSV}: sum of 2024 Annual Total of top-5 countries ({', '.join(names)}) / World 2024 ×100")

# --- change
a, b = val(RM, "China", 2023), val(RM, "China", 2024)
add("real", "market", "change", ["Chinese annual installs 2024 vs 2023: Δ in MW and in %?"],
    [E(b - a, MW), E(pct(a, b), "%")], how=f"{CSV}: China Annual Total 2024 - 2023; (2024-2023)/2023×100")

a, b = val(RM, "World", 2015), val(RM, "World", 2024)
add("real", "market", "change", ["CAGR 2015-24 of world PV additions?"], [E(cagr(a, b, 9), "%")],
    how=f"{CSV}: World Annual Total, (2024/2015)^(1/9)-1")

a, b = val(RM, "USA", 2014, "Cumulative"), val(RM, "USA", 2024, "Cumulative")
add("real", "market", "change",
    ["Fitting a growth prior on the US fleet. Cumulative capacity CAGR 2014 to 2024?"],
    [E(cagr(a, b, 10), "%")], how=f"{CSV}: USA Cumulative Total, (2024/2014)^(1/10)-1")

a, b = val(RM, "Germany", 2024), val(RM, "Germany", 2030)
add("real", "market", "change",
    ["Germany annual market: implied CAGR from 2024 actuals to the 2030 most-probable forecast?"],
    [E(cagr(a, b, 6), "%")], how=f"{CSV}: Germany Annual Total 2024 (Historical) and 2030 (Forecast - Most probable), 6 yrs")

# --- compare
a, b = val(RM, "China", 2024), val(RM, "USA", 2024)
add("real", "market", "compare", ["China vs USA 2024 additions — what multiple is China of the US?"],
    [E(a, MW), E(b, MW), E(a / b, "x")], ["China", "USA"],
    how=f"{CSV}: 2024 Annual Total China / USA")

a, b, c = val(RM, "Spain", 2024), val(RM, "Italy", 2024), val(RM, "France", 2024)
add("real", "market", "compare", ["Southern Europe pairs trade. Spain vs Italy vs France, PV installed in 2024?"],
    [E(a, MW), E(b, MW), E(c, MW)], ["Spain", "Italy", "France"],
    how=f"{CSV}: 2024 Annual Total for Spain, Italy, France")

a, b = val(RM, "India", 2024, "Cumulative"), val(RM, "Brazil", 2024, "Cumulative")
add("real", "market", "compare",
    ["Rebalancing the EM basket. India vs Brazil installed base end-2024, and the ratio India/Brazil"],
    [E(a, MW), E(b, MW), E(a / b, "x")], ["India", "Brazil"],
    how=f"{CSV}: 2024 Cumulative Total India, Brazil, ratio")

# --- extremes
y, v = argext(whole_hist(RM, "Spain"), max)
add("real", "market", "extreme", ["Spain's record year for annual PV additions (whole history)? value + year"],
    [E(v, MW)], [str(y)], how=f"{CSV}: max of Spain Annual Total over all Historical Primary years")

s = {k: x for k, x in whole_hist(RM, "Germany").items() if 2010 <= k <= 2024}
y, v = argext(s, min)
add("real", "market", "extreme", ["I want the trough of the German cycle. Germany: weakest year for new installs between 2010 and 2024? min + year"],
    [E(v, MW)], [str(y)], how=f"{CSV}: min of Germany Annual Total, 2010-2024")

y, v = argext(whole_hist(RM, "Italy"), max)
add("real", "market", "extreme",
    ["Checking for boom-bust regimes. Italy's max annual PV additions ever, and which year?"],
    [E(v, MW)], [str(y)], how=f"{CSV}: max of Italy Annual Total over all Historical Primary years")

w = series(RM, "World", 2011, 2024)
yoy = {yy: pct(w[yy - 1], w[yy]) for yy in range(2012, 2025)}
y, v = argext(yoy, max)
add("real", "market", "extreme",
    ["Global additions, 2012-2024: which year had the highest YoY growth in %, and what was it?"],
    [E(v, "%")], [str(y)], how=f"{CSV}: World Annual Total, YoY % for 2012..2024, max")

# --- averages
s = series(RM, "India", 2020, 2024)
add("real", "market", "average", ["Avg annual PV additions in India over 2020-2024?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{CSV}: mean of India Annual Total 2020..2024 (5 yrs)")

s = series(RM, "Poland", 2025, 2030)
add("real", "market", "average",
    ["Mean yearly Polish PV market 2025-2030 in the most probable scenario?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{CSV}: mean of Poland Annual Total, Forecast - Most probable 2025..2030")

s = series(RM, "Korea", 2015, 2024)
add("real", "market", "average",
    ["Korea has been flat in my nowcast. Mean annual PV additions in Korea over 2015–2024?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{CSV}: mean of Korea Annual Total 2015..2024 (10 yrs)")

v = val(RM, "Germany", 2024)
add("real", "market", "lookup",
    ["Consensus had Germany at ~17,000 MW for 2024. What does your data show for German additions that year?"],
    [E(v, MW)], how=f"{CSV}: Germany, 2024, Historical Primary, Total, Annual")

# --- sums
s = series(RM, "USA", 2020, 2024)
add("real", "market", "sum", ["Total US PV added 2020 through 2024 (sum of annual)?"],
    [E(sum(s.values()), MW)], how=f"{CSV}: sum of USA Annual Total 2020..2024")

s = series(RM, "Germany", 2025, 2030)
add("real", "market", "sum",
    ["Sum of Germany's forecast annual additions 2025-2030, most probable scenario — i.e. the pipeline I'm pricing in"],
    [E(sum(s.values()), MW)], how=f"{CSV}: sum of Germany Annual Total, Forecast - Most probable 2025..2030")

# --- first / latest
h = whole_hist(RM, "Chile")
y0 = min(h)
add("real", "market", "first_latest", ["Checking series length before I run the panel regression. First year you have Chile data for, and the MW added that year?"],
    [E(h[y0], MW)], [str(y0)], how=f"{CSV}: earliest Historical Primary year for Chile, Annual Total")

h = whole_hist(RM, "Iceland")
y1 = max(h)
add("real", "market", "first_latest",
    ["Iceland — what's the latest year in the series and the annual additions then?"],
    [E(h[y1], MW)], [str(y1)], how=f"{CSV}: latest Historical Primary year for Iceland, Annual Total")

h = whole_hist(RM, "Vietnam")
y0 = min(h)
add("real", "market", "first_latest", ["Vietnam: earliest year in the series and the MW installed that year?"],
    [E(h[y0], MW)], [str(y0)], how=f"{CSV}: earliest Historical Primary year for Vietnam, Annual Total")

# --- follow-ups (real market)
a = val(RM, "China", 2024)
b = val(RM, "USA", 2024)
add("real", "market", "follow_up", ["Pulling the two biggest markets for the demand nowcast. China PV additions 2024?", "and the US?"], [E(b, MW)],
    how=f"{CSV}: USA, 2024, Historical Primary, Total, Annual")

a = cagr(val(RM, "Germany", 2015), val(RM, "Germany", 2024), 9)
b = cagr(val(RM, "Spain", 2015), val(RM, "Spain", 2024), 9)
add("real", "market", "follow_up", ["CAGR 2015-24 German annual installs?", "same for Spain"],
    [E(b, "%")], how=f"{CSV}: Spain Annual Total (2024/2015)^(1/9)-1")

names, vals = rank(RM, 2020, 5)
add("real", "market", "follow_up",
    ["Top 5 countries by new PV in 2024", "what about 2020?"], [E(x, MW) for x in vals], names,
    how=f"{CSV}: 2020 Historical Primary Total Annual, countries only, top 5")

v = val(RM, "Italy", 2030, scen="low")
add("real", "market", "follow_up",
    ["Scenario spread on Italy for the 2030 terminal value. Italy annual PV 2030, most probable?", "same for the high scenario", "and low?"], [E(v, MW)],
    how=f"{CSV}: Italy, 2030, Forecast - Low, Total, Annual")

v = val(RM, "India", 2020) / val(RM, "World", 2020) * 100
add("real", "market", "follow_up", ["India's share of world additions 2024 in %", "what about 2020?"],
    [E(v, "%")], how=f"{CSV}: India 2020 Annual Total / World 2020 Annual Total ×100")

s = series(RM, "Poland", 2015, 2024, "Cumulative")
add("real", "market", "follow_up",
    ["Poland cumulative PV end-2024?", "plot it 2015-2024 as a chart",
     "what's the CAGR over that span?"],
    [E(cagr(s[2015], s[2024], 9), "%")], how=f"{CSV}: Poland Cumulative Total (2024/2015)^(1/9)-1")

# ================================================================ REAL: prices
s, u = pser(RP, "Module", "n-type TOPCon", "EU")
add("real", "price", "price", ["Latest EU TOPCon module price + date?"],
    [E(s.iloc[-1], u)], [s.index[-1].strftime("%Y-%m-%d")],
    how="prices parquet: Module / n-type TOPCon / EU, newest date")

s1, u = pser(RP, "Module", "n-type TOPCon", "US")
s2, _ = pser(RP, "Module", "n-type TOPCon", "EU")
assert s1.index[-1] == s2.index[-1]
add("real", "price", "price",
    ["I'm testing a trade-barrier factor. Latest US vs EU TOPCon module price spread (US minus EU)?"],
    [E(s1.iloc[-1], u), E(s2.iloc[-1], u), E(s1.iloc[-1] - s2.iloc[-1], u)],
    how="prices parquet: Module n-type TOPCon US latest - EU latest (same date)")

s, u = pser(RP, "Copper", "Copper", "Overseas")
add("real", "price", "price", ["Copper is an input to my BOS cost curve. Copper price March 2024?"], [E(pmonth(s, "2024-03"), u)],
    how="prices parquet: Copper / Overseas monthly, 2024-03")

s, u = pser(RP, "Aluminium", "Aluminium", "Overseas")
mx, dmx = pext(s, max)
mn, dmn = pext(s, min)
add("real", "price", "price", ["Running frame cost sensitivity. Aluminium: max and min over the full series, with dates"],
    [E(mx, u), E(mn, u)], [dmx[:7], dmn[:7]],
    how="prices parquet: Aluminium Overseas monthly US$/t, max and min over all dates")

s, u = pser(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
a, b = pmonth(s, "2020-01"), pmonth(s, "2025-01")
add("real", "price", "price",
    ["Silver paste is my cell-cost driver. % change in the silver price Jan 2020 → Jan 2025 (the K US$/t series)?"],
    [E(pct(a, b), "%")], how="prices parquet: Silver Overseas K US$/t, (2025-01 - 2020-01)/2020-01 ×100")

s, u = pser(RP, "Polysilicon", "Very high purity - 11N/11N+", "China")
mx, dmx = pext(s, max, first=True)
add("real", "price", "price",
    ["Peak of the 11N/11N+ polysilicon price in China — value, and the first week it printed at that level?"],
    [E(mx, u)], [dmx], how="prices parquet: Polysilicon / Very high purity - 11N/11N+ / China, max over series, earliest date at the max")

s, u = pser(RP, "Cell", "n-type TOPCon M10", "Overseas")
add("real", "price", "price",
    ["Overseas TOPCon M10 cells: first print vs latest print, % change?"],
    [E(s.iloc[0], u), E(s.iloc[-1], u), E(pct(s.iloc[0], s.iloc[-1]), "%")],
    [s.index[0].strftime("%Y-%m-%d"), s.index[-1].strftime("%Y-%m-%d")],
    how="prices parquet: Cell / n-type TOPCon M10 / Overseas, first and last date")

s, u = pser(RP, "EVA", "EVA", "Overseas")
x = s[s.index.year == 2024]
assert len(x) == 12
add("real", "price", "price", ["Encapsulant is a small line in my BOM but I want it right. Average EVA price over calendar 2024?"], [E(x.mean(), u)],
    how="prices parquet: EVA Overseas monthly, mean of the 12 observations of 2024")

s, u = pser(RP, "Wafer", "n-type mono-Si M10", "Overseas")
mn, dmn = pext(s, min, first=True)
add("real", "price", "price",
    ["Lowest overseas n-type M10 wafer price on record, and the first week it got there?"],
    [E(mn, u)], [dmn], how="prices parquet: Wafer / n-type mono-Si M10 / Overseas, min over series, earliest date at the min")

s, u = pser(RP, "Module", "n-type HJT", "China")
s2, _ = pser(RP, "Module", "n-type TOPCon", "China")
assert s.index[-1] == s2.index[-1]
add("real", "price", "price",
    ["I track a tech-spread factor. HJT premium over TOPCon for Chinese modules at the latest print, US$/Wp and %?"],
    [E(s.iloc[-1], u), E(s2.iloc[-1], u), E(s.iloc[-1] - s2.iloc[-1], u), E(pct(s2.iloc[-1], s.iloc[-1]), "%")],
    how="prices parquet: Module China, n-type HJT latest minus n-type TOPCon latest (same date); % = diff / TOPCon ×100")

# price follow-ups (real)
s, u = pser(RP, "Aluminium", "Aluminium", "Overseas")
add("real", "price", "follow_up", ["Copper price latest?", "and aluminium?"],
    [E(s.iloc[-1], u)], [s.index[-1].strftime("%Y-%m")],
    how="prices parquet: Aluminium Overseas monthly, newest date")

s, u = pser(RP, "Module", "n-type HJT", "EU")
add("real", "price", "follow_up",
    ["Latest EU module price for TOPCon?", "what about HJT in the EU?"],
    [E(s.iloc[-1], u)], [s.index[-1].strftime("%Y-%m-%d")],
    how="prices parquet: Module / n-type HJT / EU, newest date")

# ================================================================ FINANCIALS (sample file, both instances)
H, A, N, SF = ("Helios Modules Ltd (sample)", "Aurora PV Group (sample)",
               "Nordlicht Solar AG (sample)", "SunForge Energy (sample)")

v, u = fin(H, "2024-Q3", "Revenue")
add("real", "manufacturer_financial", "financial", ["Helios revenue 2024-Q3?"], [E(v, u)],
    how="financials.csv: Helios Modules Ltd, 2024-Q3, Revenue")

a, u = fin(SF, "FY2023", "Revenue")
b, _ = fin(SF, "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial",
    ["Updating my topline model for the manufacturers. SunForge FY24 revenue vs FY23 — % change?"], [E(b, u), E(pct(a, b), "%")],
    how="financials.csv: SunForge Energy Revenue FY2024 vs FY2023")

a, u = fin(A, "2024-Q3", "Revenue")
b, _ = fin(A, "2024-Q4", "Revenue")
add("real", "manufacturer_financial", "financial",
    ["Aurora PV QoQ revenue 2024-Q4 vs Q3: Δ USD m and %"], [E(b - a, u), E(pct(a, b), "%")],
    how="financials.csv: Aurora PV Group Revenue 2024-Q4 - 2024-Q3")

vals = {c: fin(c, "FY2024", "Module shipments")[0] for c in (H, A, N, SF)}
c, v = argext(vals, max)
add("real", "manufacturer_financial", "financial",
    ["Which manufacturer shipped the most modules in FY2024, and how many GW?"],
    [E(v, "GW")], [c.split(" ")[0]], how="financials.csv: Module shipments FY2024, max across companies")

a, u = fin(H, "2024-Q1", "Net income")
b, _ = fin(H, "2024-Q2", "Net income")
add("real", "manufacturer_financial", "follow_up",
    ["Tracking the earnings slide at Helios. Net income 2024-Q1?", "and Q2?"], [E(b, u)],
    how="financials.csv: Helios Modules Ltd, 2024-Q2, Net income")

# ================================================================ REAL: unanswerable
un("real", "market", ["Need terminal installed base for the DCF. Germany cumulative capacity 2030 under the most probable forecast?"],
   "forecast cumulative values in the real CSV exclude the installed base (running sums of forecast additions only)")
un("real", "market", ["Need the installed base path: Spain's cumulative PV in 2028, high scenario?"],
   "forecast cumulative values in the real CSV exclude the installed base")
un("real", "market", ["Spain's onshore wind additions 2023 for the cross-tech factor?"],
   "wind is not in the data (PV only)")
un("real", "market", ["For the PPA-spread factor I need a cost anchor. India utility-scale solar LCOE 2024, US$/MWh?"], "LCOE is not held")
un("real", "market", ["Italian PV generation in 2023, GWh?"], "generation (GWh) is not held, only capacity in MW")
un("real", "market", ["Nigerian PV additions 2024?"], "Nigeria is not a territory in the data")
un("real", "market", ["My horizon is 10 years. World PV additions 2035 — any long-range number?"], "years beyond 2030 are not in the data")
un("real", "market", ["China annual PV forecast 2027, most probable?"],
   "the real CSV holds no forecast scenarios for China (forecasts cover European territories only)")
un("real", "market", ["Attach rates matter for the resi names. Battery storage attached to US distributed PV in 2024, MWh?"], "storage is not in the data")
un("real", "market", ["CSP / solar thermal capacity in Spain end-2024?"], "solar thermal / CSP is not in the data")
un("real", "price", ["Latest module price in Brazil, TOPCon?"], "Brazil is not a price region in the data")
un("real", "price", ["Perovskite-silicon tandem module price, latest?"], "tandem/perovskite modules are not a price item")
un("real", "price", ["Inverters are the other half of my supply-chain model. String inverter price trend 2024, US$/W?"], "inverters are not a price item")
un("real", "price",
   ["Decomposing module cost. What share of the TOPCon module price is silver, %?"],
   "a share of a price (cost breakdown) is not held; items have different units")
un("real", "price", ["Latest polysilicon price in India, US$/kg?"], "polysilicon prices exist only for China and Overseas")
un("real", "manufacturer_financial", ["Comparing thin-film vs c-Si margins. First Solar revenue 2024-Q3?"], "First Solar is not in the financials")
un("real", "manufacturer_financial", ["Helios EBITDA margin FY2024?"], "EBITDA is not a metric in the financials")

# ================================================================ SAMPLE: market
v = val(SM, "Netherlands", 2022)
add("sample", "market", "lookup", ["Netherlands annual PV additions 2022, MW?"], [E(v, MW)],
    how=f"{SCSV}: Netherlands, 2022, Historical Primary, Total, Annual")

v = val(SM, "France", 2028, "Cumulative", scen="high")
add("sample", "market", "lookup",
    ["Running a stress case on France. French cumulative PV in 2028 under the high scenario?"], [E(v, MW)],
    how=f"{SCSV}: France, 2028, Forecast - High, Total, Cumulative")

v = val(SM, "Poland", 2023, conn="Distributed")
add("sample", "market", "lookup", ["polish distributed PV added in 2023?"], [E(v, MW)],
    how=f"{SCSV}: Poland, 2023, Historical Primary, Distributed, Annual")

names, vals = rank(SM, 2024, 3)
add("sample", "market", "rank", ["Rank the top 3 countries by 2024 additions"],
    [E(x, MW) for x in vals], names, how=f"{SCSV}: 2024 Historical Primary Total Annual, countries only (World excluded), top 3")

names, vals = rank(SM, 2024, 3, "Cumulative")
add("sample", "market", "rank",
    ["Largest installed bases at end-2024 — top 3 countries, MW"], [E(x, MW) for x in vals], names,
    how=f"{SCSV}: 2024 Historical Primary Total Cumulative, countries only, top 3")

a, w = val(SM, "Germany", 2024), val(SM, "World", 2024)
add("sample", "market", "share", ["Germany as % of world PV additions in 2024?"],
    [E(a / w * 100, "%")], how=f"{SCSV}: Germany 2024 Annual Total / World 2024 ×100")

a, t = val(SM, "Spain", 2024, conn="Centralised"), val(SM, "Spain", 2024)
add("sample", "market", "share",
    ["Spain skews utility-scale in my priors. Centralised share of 2024 annual adds?"], [E(a / t * 100, "%")],
    how=f"{SCSV}: Spain 2024 Annual Centralised / Total ×100")

a, b = val(SM, "Italy", 2015), val(SM, "Italy", 2024)
add("sample", "market", "change", ["Fitting a log-linear trend on the Italian market. Italy CAGR 2015-24, annual additions?"], [E(cagr(a, b, 9), "%")],
    how=f"{SCSV}: Italy Annual Total (2024/2015)^(1/9)-1")

a, b = val(SM, "World", 2024, "Cumulative"), val(SM, "World", 2030, "Cumulative")
add("sample", "market", "change",
    ["World installed base: implied CAGR end-2024 → 2030 on the most probable path?"],
    [E(cagr(a, b, 6), "%")], how=f"{SCSV}: World Cumulative Total 2024 Historical, 2030 Forecast - Most probable, 6 yrs")

a, b = val(SM, "Germany", 2023), val(SM, "Germany", 2024)
add("sample", "market", "change", ["German annual market YoY 2024, Δ MW + %"],
    [E(b - a, MW), E(pct(a, b), "%")], how=f"{SCSV}: Germany Annual Total 2024 vs 2023")

a, b = val(SM, "Spain", 2024), val(SM, "Spain", 2025)
add("sample", "market", "change",
    ["Checking for mean reversion in Spain. 2025 most-probable forecast vs 2024 actual annual adds, % change?"],
    [E(pct(a, b), "%")], how=f"{SCSV}: Spain Annual Total 2025 Forecast - Most probable vs 2024 Historical")

a, b = val(SM, "Germany", 2024), val(SM, "France", 2024)
add("sample", "market", "compare", ["Germany vs France 2024 adds, ratio?"],
    [E(a, MW), E(b, MW), E(a / b, "x")], ["Germany", "France"], how=f"{SCSV}: 2024 Annual Total Germany/France")

a, b, c = (val(SM, x, 2024, "Cumulative") for x in ("Netherlands", "Poland", "Spain"))
add("sample", "market", "compare",
    ["Netherlands, Poland, Spain — cumulative end-2024 side by side"],
    [E(a, MW), E(b, MW), E(c, MW)], ["Netherlands", "Poland", "Spain"],
    how=f"{SCSV}: 2024 Cumulative Total for the three")

y, v = argext(whole_hist(SM, "Netherlands"), max)
add("sample", "market", "extreme", ["Dutch market looks like it has rolled over. Dutch annual PV: peak year and MW?"], [E(v, MW)], [str(y)],
    how=f"{SCSV}: max of Netherlands Annual Total over Historical Primary years")

s = series(SM, "Poland", 2025, 2030, scen="high")
y, v = argext(s, max)
add("sample", "market", "extreme",
    ["Poland high-scenario annual additions 2025-2030: which year is the max, and how many MW?"], [E(v, MW)], [str(y)],
    how=f"{SCSV}: max of Poland Annual Total, Forecast - High 2025..2030")

s = series(SM, "France", 2015, 2024)
add("sample", "market", "average", ["Need a 10y base rate for France. Avg annual PV adds 2015-2024?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{SCSV}: mean France Annual Total 2015..2024 (10 yrs)")

s = series(SM, "Germany", 2019, 2024)
add("sample", "market", "sum", ["Germany cumulative additions 2019-2024 (sum of annual)?"],
    [E(sum(s.values()), MW)], how=f"{SCSV}: sum Germany Annual Total 2019..2024")

s = series(SM, "World", 2025, 2030, scen="low")
add("sample", "market", "sum",
    ["Building the bear case volume. Sum of world annual additions 2025-2030 in the low scenario?"],
    [E(sum(s.values()), MW)], how=f"{SCSV}: sum World Annual Total, Forecast - Low 2025..2030")

s = series(SM, "Spain", 2020, 2024)
add("sample", "market", "sum", ["Spanish PV added 2020-2024 in total, GW?"],
    [E(sum(s.values()), MW)], how=f"{SCSV}: sum Spain Annual Total 2020..2024")

s = series(SM, "World", 2025, 2030)
add("sample", "market", "average",
    ["I need a global demand run-rate for my polysilicon balance. Average world annual additions 2025-2030, most probable case?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{SCSV}: mean World Annual Total, Forecast - Most probable 2025..2030")

h = whole_hist(SM, "Poland")
y0 = min(h)
add("sample", "market", "first_latest", ["Poland: first year in the dataset and annual adds that year?"],
    [E(h[y0], MW)], [str(y0)], how=f"{SCSV}: earliest Historical Primary year of Poland, Annual Total")

h = whole_hist(SM, "World", "Cumulative")
y1 = max(h)
add("sample", "market", "first_latest", ["Latest actual (not forecast) world cumulative figure?"],
    [E(h[y1], MW)], [str(y1)], how=f"{SCSV}: latest Historical Primary year of World, Cumulative Total")

# sample market follow-ups
v = val(SM, "Spain", 2023)
add("sample", "market", "follow_up", ["Italy PV additions 2023?", "and Spain's?"], [E(v, MW)],
    how=f"{SCSV}: Spain, 2023, Historical Primary, Total, Annual")

v = val(SM, "Germany", 2030, scen="high")
add("sample", "market", "follow_up",
    ["Germany annual additions 2030, most probable?", "same for the high scenario"], [E(v, MW)],
    how=f"{SCSV}: Germany, 2030, Forecast - High, Total, Annual")

v = val(SM, "France", 2021, conn="Distributed") / val(SM, "France", 2021) * 100
add("sample", "market", "follow_up",
    ["France distributed share of annual adds 2024?", "what about 2021?"], [E(v, "%")],
    how=f"{SCSV}: France 2021 Annual Distributed / Total ×100")

s = series(SM, "Netherlands", 2020, 2024)
add("sample", "market", "follow_up",
    ["Want to eyeball the Dutch slowdown. Netherlands annual adds 2020-2024", "as a chart", "and the average over those years?"],
    [E(sum(s.values()) / len(s), MW)], how=f"{SCSV}: mean Netherlands Annual Total 2020..2024")

a, b = val(SM, "Poland", 2015), val(SM, "Poland", 2024)
add("sample", "market", "follow_up",
    ["CAGR 2015-24 for Dutch annual additions?", "and for Poland?"], [E(cagr(a, b, 9), "%")],
    how=f"{SCSV}: Poland Annual Total (2024/2015)^(1/9)-1")

# ================================================================ SAMPLE: prices
s, u = pser(SP, "Module", "p-type mono-Si PERC M10", "China")
add("sample", "price", "price", ["Marking my p-type exposure. PERC M10 module price in China, March 2024?"],
    [E(pmonth(s, "2024-03"), u)], how="sample prices.csv: Module / p-type mono-Si PERC M10 / China, 2024-03")

s1, u = pser(SP, "Module", "n-type TOPCon", "US")
s2, _ = pser(SP, "Module", "n-type TOPCon", "China")
a, b = pmonth(s1, "2024-12"), pmonth(s2, "2024-12")
add("sample", "price", "price",
    ["The US-China module gap drives my tariff-arb signal. TOPCon modules Dec-2024: US vs China spread in US$/Wp and as a multiple?"],
    [E(a - b, u), E(a / b, "x")], how="sample prices.csv: Module n-type TOPCon US 2024-12 minus/over China 2024-12")

s, u = pser(SP, "Polysilicon", "High purity - 9N/9N+", "China")
mn, dmn = pext(s, min)
add("sample", "price", "price", ["China 9N polysilicon: min price + month?"], [E(mn, u)], [dmn[:7]],
    how="sample prices.csv: Polysilicon / High purity - 9N/9N+ / China, min over series")

s, u = pser(SP, "Polysilicon", "High purity - 9N/9N+", "China")
add("sample", "price", "price",
    ["Poly is the upstream driver in my model. % change in China 9N polysilicon Jan-2023 → Dec-2024?"],
    [E(pct(pmonth(s, "2023-01"), pmonth(s, "2024-12")), "%")],
    how="sample prices.csv: Polysilicon 9N China (2024-12 - 2023-01)/2023-01 ×100")

s, u = pser(SP, "Wafer", "n-type mono-Si M10", "China")
x = s[s.index.year == 2024]
add("sample", "price", "price", ["avg n-type M10 wafer price China over 2024"], [E(x.mean(), u)],
    how="sample prices.csv: Wafer n-type mono-Si M10 China, mean of 2024 monthly obs")

lat = {r: pser(SP, "Module", "n-type HJT", r)[0].iloc[-1] for r in ("China", "EU", "India", "US")}
r, v = argext(lat, min)
add("sample", "price", "price", ["Sourcing-arb screen. Cheapest region for HJT modules at the latest print, and the price?"],
    [E(v, "US$/Wp")], [r], how="sample prices.csv: Module n-type HJT, latest obs by region, min")

jun = {r: pmonth(pser(SP, "Module", "n-type TOPCon", r)[0], "2024-06") for r in ("China", "EU", "India", "US")}
order = sorted(jun, key=jun.get, reverse=True)
assert len(set(jun.values())) == 4
add("sample", "price", "price", ["Rank regions by TOPCon module price in June 2024, priciest first"],
    [E(jun[r], "US$/Wp") for r in order], order,
    how="sample prices.csv: Module n-type TOPCon, 2024-06 by region, sorted desc")

# sample price follow-ups
s, u = pser(SP, "Module", "n-type TOPCon", "India")
add("sample", "price", "follow_up", ["TOPCon module price in the EU, latest?", "and India?"],
    [E(s.iloc[-1], u)], [s.index[-1].strftime("%Y-%m")], how="sample prices.csv: Module n-type TOPCon India, latest")

s, u = pser(SP, "Wafer", "p-type mono-Si M10", "EU")
a, b = pmonth(s, "2023-01"), pmonth(s, "2024-01")
add("sample", "price", "follow_up",
    ["n-type M10 wafer China Jan-24 vs Jan-23 % change?", "same for p-type M10 wafers in the EU"],
    [E(pct(a, b), "%")], how="sample prices.csv: Wafer p-type mono-Si M10 EU (2024-01 - 2023-01)/2023-01 ×100")

# ================================================================ SAMPLE: financials
a, u = fin(N, "2023-Q4", "Gross margin")
b, _ = fin(N, "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial", "financial",
    ["European manufacturers are bleeding. Nordlicht gross margin 2024-Q4 vs 2023-Q4, change in percentage points?"],
    [E(b, u), E(a, u), E(b - a, "%")], how="financials.csv: Nordlicht Solar AG Gross margin 2024-Q4 minus 2023-Q4 (pp)")

a, u = fin(H, "FY2023", "Net income")
b, _ = fin(H, "FY2024", "Net income")
add("sample", "manufacturer_financial", "financial",
    ["Earnings momentum screen. Helios net income FY24 vs FY23, Δ in USD m?"], [E(b, u), E(b - a, u)],
    how="financials.csv: Helios Modules Ltd Net income FY2024 - FY2023")

gm = {c: fin(c, "FY2024", "Gross margin")[0] for c in (H, A, N, SF)}
order = sorted(gm, key=gm.get, reverse=True)
assert len(set(gm.values())) == 4
add("sample", "manufacturer_financial", "financial",
    ["Rank the four manufacturers by FY2024 gross margin, high to low"],
    [E(gm[c], "%") for c in order], [c.split(" ")[0] for c in order],
    how="financials.csv: Gross margin FY2024 for all companies, sorted desc")

v, u = fin(SF, "FY2024", "Net income")
a, _ = fin(SF, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "follow_up",
    ["SunForge FY2024 revenue?", "and net income?"], [E(v, u)],
    how="financials.csv: SunForge Energy FY2024 Net income")

# ================================================================ SAMPLE: unanswerable
un("sample", "market", ["Adding Benelux to the model. Belgian PV additions 2023?"], "Belgium is not in the sample market data")
un("sample", "market", ["US annual PV installs 2024 for the comp set?"], "the sample market data has no USA")
un("sample", "market", ["Germany annual additions 2012?"], "the sample market data starts in 2015")
un("sample", "market", ["Cross-checking renewables capex in NL. Offshore wind pipeline in the Netherlands 2025-30?"], "wind is not in the data")
un("sample", "price", ["Latest polysilicon price in the US?"], "sample polysilicon prices cover China and EU only")
un("sample", "price", ["Silver price Dec-2024, US$/oz?"], "silver is not in the sample prices")
un("sample", "price", ["G12 n-type wafer price in China, latest?"], "sample wafers are M10 only")
un("sample", "price", ["Want a longer lookback for the vol estimate. TOPCon module price Jan-2022?"], "sample prices start in 2023-01")
un("sample", "price", ["Module efficiency of TOPCon vs HJT in the EU series?"], "module efficiency is not held")
un("sample", "manufacturer_financial", ["Helios revenue 2022-Q4?"], "financials start in 2023-Q1")
un("sample", "manufacturer_financial", ["Benchmarking the samples against the majors. LONGi module shipments FY2024?"], "LONGi is not in the financials")
un("sample", "manufacturer_financial", ["Capex/R&D intensity screen. SunForge R&D spend FY2024, USD m?"], "R&D spend is not a metric in the financials")


# ================================================================ write + self-check
def main():
    ids = [i["id"] for i in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    n = len(ITEMS)
    nun = sum(not i["answerable"] for i in ITEMS)
    nfu = sum(i["kind"] == "follow_up" and len(i["turns"]) >= 2 for i in ITEMS)
    for i in ITEMS:
        if i["answerable"]:
            assert i["expect"] or i["names"], i["id"]
            for e in i["expect"]:
                assert e["value"] == e["value"], i["id"]  # not NaN
        else:
            assert i["why"]
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i in ITEMS:
            f.write(json.dumps(i, ensure_ascii=False) + "\n")
    print(f"items={n} unanswerable={nun} follow_up_chains={nfu}")
    print("per kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
    print("per data:", dict(Counter(i["data"] for i in ITEMS)))
    print("per agent:", dict(Counter(i["agent"] for i in ITEMS)))
    print("per data×agent:", dict(Counter((i["data"], i["agent"]) for i in ITEMS)))
    assert n >= 110, n
    assert nun >= 28, nun
    assert nfu >= 12, nfu


if __name__ == "__main__":
    main()
