"""Held-out questions for the solar-PV market-intelligence assistant.

Writer: consultant (strategy consultant building a market-entry deck).
Every expected figure below is computed from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "consultant"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

MR = pd.read_csv(REAL_MARKET).drop_duplicates()  # 624 exact duplicate rows counted once
MS = pd.read_csv(SAMPLE_MARKET).drop_duplicates()
PR = pd.read_parquet(REAL_PRICES)
PS = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
FN = pd.read_csv(FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
EU27 = {
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden",
}
HIST = "Historical Primary"
SCEN = {"mp": "Forecast - Most probable", "high": "Forecast - High", "low": "Forecast - Low"}

DATA = {"real": MR, "sample": MS}


def r6(x):
    return round(float(x), 6)


def last_hist_year(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def val(d, terr, year, typ="Annual", conn="Total", scen=None):
    """One figure under the brief's conventions."""
    df = DATA[d]
    if scen is None:
        scenario = HIST if year <= last_hist_year(df, terr) else SCEN["mp"]
    else:
        scenario = SCEN[scen]
    if d == "real" and typ == "Cumulative" and scenario != HIST:
        raise ValueError("forecast cumulative figures of the real CSV are not usable")
    sel = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scenario)
             & (df.Connection == conn) & (df.Type == typ)]
    vals = sel["Capacity(MW)"].unique()
    assert len(vals) == 1, (d, terr, year, typ, conn, scenario, vals)
    return float(vals[0])


def hist_series(d, terr, typ="Annual", conn="Total", y0=None, y1=None):
    df = DATA[d]
    s = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Connection == conn) & (df.Type == typ)]
    s = s.groupby("Year")["Capacity(MW)"].first().sort_index()
    if y0 is not None:
        s = s[s.index >= y0]
    if y1 is not None:
        s = s[s.index <= y1]
    return s


def fc_series(d, terr, scen="mp", typ="Annual", conn="Total"):
    df = DATA[d]
    s = df[(df.Territory == terr) & (df.Scenario == SCEN[scen]) & (df.Connection == conn) & (df.Type == typ)]
    return s.groupby("Year")["Capacity(MW)"].first().sort_index()


def countries(d, year, typ="Annual", conn="Total", scen=None):
    df = DATA[d]
    terrs = sorted(t for t in df.Territory.unique() if t not in AGGREGATES)
    out = {}
    for t in terrs:
        try:
            out[t] = val(d, t, year, typ, conn, scen)
        except AssertionError:
            pass
    return pd.Series(out).sort_values(ascending=False)


def cagr(first, last, years):
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


def pct(first, last):
    return (last - first) / first * 100.0


# prices -----------------------------------------------------------------------------
PRICE = {"real": PR, "sample": PS}


def pseries(d, item, desc, region, unit):
    df = PRICE[d]
    s = df[(df["item"] == item) & (df.description == desc) & (df.region == region) & (df.unit == unit)]
    g = s.groupby("date").base_price.agg(["nunique", "first"])
    assert (g["nunique"] == 1).all(), (item, desc, region, "several values on one date")
    return g["first"].sort_index()


def p_latest(s):
    return s.index.max(), float(s.iloc[-1])


def p_month(s, ym):
    sel = s[s.index.strftime("%Y-%m") == ym]
    assert len(sel) == 1, (ym, len(sel))
    return float(sel.iloc[0])


def p_span(s, start=None, end=None):
    if start:
        s = s[s.index >= pd.Timestamp(start)]
    if end:
        s = s[s.index <= pd.Timestamp(end)]
    return s


# financials ---------------------------------------------------------------------------
def fin(company, period, metric):
    sel = FN[(FN.company.str.startswith(company)) & (FN.period == period) & (FN.metric == metric)]
    assert len(sel) == 1, (company, period, metric)
    return float(sel.value.iloc[0])


def fin_unit(metric):
    return FN[FN.metric == metric].unit.iloc[0]


# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns if isinstance(turns, list) else [turns],
        "answerable": answerable,
        "kind": kind if answerable else "unanswerable",
        "expect": [{"value": r6(v), "unit": u} for v, u in (expect or [])] if answerable else [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        item["why"] = why
    ITEMS.append(item)


MW = "MW"
PCT = "%"
X = "x"

# ============================================================ REAL: market, answerable
# --- lookups
v = val("real", "Brazil", 2024)
add("real", "market", "For slide 4 I need the Brazilian market size. How many MW did Brazil add in 2024?",
    "lookup", [(v, MW)], how="real CSV: Brazil, 2024, Historical Primary, Total, Annual")

v = val("real", "Japan", 2023, "Cumulative")
add("real", "market", "Working on the Japan page. japan installed base end of 2023? ballpark in GW is fine",
    "lookup", [(v, MW)], how="real CSV: Japan, 2023, Historical Primary, Total, Cumulative")

v = val("real", "Spain", 2024, conn="Centralised")
add("real", "market", "Client is a utility-scale EPC. How much centralised PV capacity did Spain add in 2024?",
    "lookup", [(v, MW)], how="real CSV: Spain, 2024, Historical Primary, Centralised, Annual")

# --- rankings (countries only)
top = countries("real", 2024).head(5)
add("real", "market",
    "Building the global overview slide: top 5 countries by new PV capacity in 2024? Countries only, no regions pls.",
    "rank", [(x, MW) for x in top.values], list(top.index),
    how="real CSV 2024 Annual Total Historical Primary, aggregates excluded, top 5")

eu = countries("real", 2024, "Cumulative")
eu = eu[eu.index.isin(EU27)].head(3)
add("real", "market", "For the EU entry shortlist: which 3 EU member states have the largest installed PV base as of end-2024, and how big is each?",
    "rank", [(x, MW) for x in eu.values], list(eu.index),
    how="real CSV 2024 Cumulative Total Historical Primary, EU-27 countries, top 3")

dtop = countries("real", 2024, conn="Distributed").head(3)
add("real", "market", "Rooftop angle: which three countries added the most distributed PV in 2024?",
    "rank", [(x, MW) for x in dtop.values], list(dtop.index),
    how="real CSV 2024 Annual Distributed Historical Primary, aggregates excluded, top 3")

latam = ["Chile", "Mexico", "Colombia", "Peru", "Argentina"]
s = pd.Series({c: val("real", c, 2024) for c in latam}).sort_values(ascending=False)
add("real", "market",
    "LatAm shortlist = Chile, Mexico, Colombia, Peru, Argentina. Rank them by 2024 additions, biggest first.",
    "rank", [(x, MW) for x in s.values], list(s.index),
    how="real CSV 2024 Annual Total Historical Primary for the five countries, sorted desc")

fc = countries("real", 2030, scen="mp")
fc = fc.head(3)
add("real", "market",
    "Europe growth slide. On the most probable scenario, which 3 countries are set to add the most PV in 2030? (countries, not regions)",
    "rank", [(x, MW) for x in fc.values], list(fc.index),
    how="real CSV 2030 Annual Total Forecast - Most probable, aggregates excluded (forecasts exist for European countries only), top 3")

# --- shares
a, w = val("real", "China", 2024), val("real", "World", 2024)
add("real", "market", "Need a headline stat for the exec summary. What share of global PV additions in 2024 did China account for?",
    "share", [(a / w * 100, PCT)], how="real CSV 2024 Annual Total: China / World * 100")

a, w = val("real", "India", 2024, "Cumulative"), val("real", "World", 2024, "Cumulative")
add("real", "market", "India's share of the world's cumulative PV fleet at end-2024, in %?",
    "share", [(a / w * 100, PCT)], how="real CSV 2024 Cumulative Total: India / World * 100")

a, t = val("real", "Australia", 2024, conn="Distributed"), val("real", "Australia", 2024)
add("real", "market", "Aussie market is very rooftop-heavy I'm told. What % of Australia's 2024 additions were distributed?",
    "share", [(a / t * 100, PCT)], how="real CSV Australia 2024 Annual: Distributed / Total * 100")

a, t = val("real", "India", 2024, "Cumulative", "Off-grid"), val("real", "India", 2024, "Cumulative")
add("real", "market", "Client sells solar home systems. How big is off-grid as a share of India's total installed PV base (end 2024)?",
    "share", [(a / t * 100, PCT)], how="real CSV India 2024 Cumulative: Off-grid / Total * 100")

# --- change
f, l = val("real", "India", 2019), val("real", "India", 2024)
add("real", "market", "What's the CAGR of India's annual PV additions between 2019 and 2024?",
    "change", [(cagr(f, l, 5), PCT)], how="real CSV India Annual Total: (2024/2019)^(1/5)-1")

f, l = val("real", "Pakistan", 2023), val("real", "Pakistan", 2024)
add("real", "market", "Pakistan looks like it exploded in 2024. By what % did its additions grow vs 2023?",
    "change", [(pct(f, l), PCT)], how="real CSV Pakistan Annual Total: (2024-2023)/2023*100")

f, l = val("real", "USA", 2023), val("real", "USA", 2024)
add("real", "market", "YoY change in US PV additions, 2024 vs 2023, in absolute MW?",
    "change", [(l - f, MW)], how="real CSV USA Annual Total: 2024 - 2023")

f, l = val("real", "Germany", 2014, "Cumulative"), val("real", "Germany", 2024, "Cumulative")
add("real", "market", "Germany is mature but still growing - want to show that. CAGR of the German installed base from end-2014 to end-2024?",
    "change", [(cagr(f, l, 10), PCT)], how="real CSV Germany Cumulative Total: (2024/2014)^(1/10)-1")

f, l = val("real", "Poland", 2025, scen="mp"), val("real", "Poland", 2030, scen="mp")
add("real", "market", "Polish annual additions, most probable case: % change from 2025 to 2030?",
    "change", [(pct(f, l), PCT)], how="real CSV Poland Annual Total Forecast - Most probable: (2030-2025)/2025*100")

# --- comparisons (incl. scenario spreads)
trio = ["Spain", "Italy", "France"]
vals = [val("real", c, 2024) for c in trio]
big = trio[vals.index(max(vals))]
add("real", "market", "Southern Europe slide: Spain vs Italy vs France, 2024 additions. Which is biggest?",
    "compare", [(x, MW) for x in vals], [big], how="real CSV 2024 Annual Total Historical Primary for each; max named")

c_, u_ = val("real", "China", 2024), val("real", "USA", 2024)
add("real", "market", "How many times bigger was China's 2024 PV market than the US one?",
    "compare", [(c_ / u_, X)], how="real CSV 2024 Annual Total: China / USA")

b, mx = val("real", "Brazil", 2024, "Cumulative"), val("real", "Mexico", 2024, "Cumulative")
add("real", "market", "Brazil vs Mexico installed base at end-2024 - what's the gap in MW?",
    "compare", [(b - mx, MW)], how="real CSV 2024 Cumulative Total: Brazil - Mexico")

h, lo = val("real", "Germany", 2030, scen="high"), val("real", "Germany", 2030, scen="low")
add("real", "market", "Scenario spread for Germany 2030 additions - high minus low?",
    "compare", [(h - lo, MW)], how="real CSV Germany 2030 Annual Total: Forecast - High minus Forecast - Low")

# --- extremes
s = hist_series("real", "Japan")
add("real", "market", "Japan had a FIT boom a while back. When did Japan have its biggest year for new PV installs, and how much went in?",
    "extreme", [(s.max(), MW)], [str(int(s.idxmax()))], how="real CSV Japan Annual Total Historical Primary: max over all years")

s = hist_series("real", "Spain")
add("real", "market", "Spain's record year for additions so far (historical data only)?",
    "extreme", [(s.max(), MW)], [str(int(s.idxmax()))], how="real CSV Spain Annual Total Historical Primary: max")

s = hist_series("real", "Italy", y0=2010)
add("real", "market", "Italy's market crashed after the Conto Energia ended. Since 2010, which was Italy's weakest year for PV additions?",
    "extreme", [(s.min(), MW)], [str(int(s.idxmin()))], how="real CSV Italy Annual Total Historical Primary 2010-2024: min")

s = hist_series("real", "Czech Republic")
add("real", "market", "Czech Republic - peak year of annual installations in the historical data, and the figure?",
    "extreme", [(s.max(), MW)], [str(int(s.idxmax()))], how="real CSV Czech Republic Annual Total Historical Primary: max")

# --- averages
s = hist_series("real", "Germany", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "Avg yearly PV additions in Germany over 2020-2024?",
    "average", [(s.mean(), MW)], how="real CSV Germany Annual Total Historical Primary 2020-2024: mean of 5 years")

s = fc_series("real", "France", "mp")
assert list(s.index) == list(range(2025, 2031))
add("real", "market",
    "For the France deep-dive: what's the average annual market expected 2025-2030 in the most probable scenario?",
    "average", [(s.mean(), MW)], how="real CSV France Annual Total Forecast - Most probable 2025-2030: mean")

s = hist_series("real", "Brazil", "Annual", "Distributed", 2020, 2024)
assert len(s) == 5
add("real", "market", "Brasil distributed generation: average annual DG additions 2020 to 2024?",
    "average", [(s.mean(), MW)], how="real CSV Brazil Annual Distributed Historical Primary 2020-2024: mean")

# --- sums
s = hist_series("real", "Netherlands", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "Netherlands is on the shortlist. Total Dutch additons 2020-2024 inclusive?",
    "sum", [(s.sum(), MW)], how="real CSV Netherlands Annual Total Historical Primary 2020-2024: sum")

s = fc_series("real", "Italy", "mp")
add("real", "market",
    "How much new PV will Italy add in total over 2025-2030 under the most probable scenario?",
    "sum", [(s.sum(), MW)], how="real CSV Italy Annual Total Forecast - Most probable 2025-2030: sum of annual additions")

iber = [val("real", c, 2024) for c in ["Spain", "Portugal", "Greece"]]
add("real", "market", "Thinking of an Iberia + Greece cluster. Combined 2024 market of Spain, Portugal and Greece?",
    "sum", [(sum(iber), MW)], how="real CSV 2024 Annual Total Historical Primary: Spain + Portugal + Greece")

# --- first / latest
s = hist_series("real", "Poland")
y = int(s[s > 1000].index.min())
add("real", "market", "In what year did Poland first add more than 1 GW of PV in a single year?",
    "first_latest", [(s[y], MW)], [str(y)], how="real CSV Poland Annual Total Historical Primary: first year > 1000 MW")

s = hist_series("real", "India")
y = int(s[s > 10000].index.min())
add("real", "market", "When did India first cross 10 GW of annual additions?",
    "first_latest", [(s[y], MW)], [str(y)], how="real CSV India Annual Total Historical Primary: first year > 10000 MW")

y = last_hist_year(MR, "Türkiye")
add("real", "market", "What's the latest year of actuals you have for Türkiye, and what did Turkey add that year?",
    "first_latest", [(val("real", "Türkiye", y), MW)], [str(y)],
    how="real CSV Türkiye: last Historical Primary year, Annual Total")

# ============================================================ REAL: price, answerable
s = pseries("real", "Module", "n-type TOPCon", "EU", "US$/Wp")
d_, v_ = p_latest(s)
add("real", "price", "Latest n-type TOPCon module price in the EU?",
    "price", [(v_, "US$/Wp")], how=f"real prices: Module / n-type TOPCon / EU, newest date {d_.date()}")

regs = ["China", "EU", "US"]
lat = {r: pseries("real", "Module", "n-type TOPCon", r, "US$/Wp") for r in regs}
dmax = {r: s_.index.max() for r, s_ in lat.items()}
assert len(set(dmax.values())) == 1
cur = pd.Series({r: float(s_.iloc[-1]) for r, s_ in lat.items()}).sort_values()
add("real", "price",
    "Pricing slide: where are TOPCon modules cheapest right now - China, EU or US? Give me the three latest prices.",
    "price", [(x, "US$/Wp") for x in cur.values], [cur.index[0]],
    how=f"real prices: Module / n-type TOPCon latest ({list(dmax.values())[0].date()}) for China, EU, US; min named")

s = pseries("real", "Copper", "Copper", "Overseas", "US$/t")
add("real", "price", "Raw materials backup slide - copper price in March 2024?",
    "price", [(p_month(s, "2024-03"), "US$/t")], how="real prices: Copper / Overseas / US$/t, observation dated 2024-03")

s = pseries("real", "Aluminium", "Aluminium", "Overseas", "US$/t")
add("real", "price", "What was the lowest aluminium price in the whole series, and when?",
    "price", [(s.min(), "US$/t")], [str(s.idxmin().year)], how="real prices: Aluminium / Overseas / US$/t: min over whole series")

s = pseries("real", "EVA", "EVA", "Overseas", "US$/t")
add("real", "price", "EVA encapsulant cost: % change from Jan 2021 to Jan 2025?",
    "price", [(pct(p_month(s, "2021-01"), p_month(s, "2025-01")), PCT)],
    how="real prices: EVA / Overseas / US$/t: (2025-01 - 2021-01)/2021-01*100")

s = pseries("real", "Polysilicon", "Very high purity - 11N/11N+", "China", "US$/kg")
add("real", "price", "Peak price of very high purity 11N/11N+ polysilicon in China in your data - how high did it go?",
    "price", [(s.max(), "US$/kg")], [str(s.idxmax().year)], how="real prices: Polysilicon / Very high purity - 11N/11N+ / China: max")

s = p_span(pseries("real", "Cell", "n-type TOPCon M10", "Overseas", "US$/Wp"), "2024-01-01", "2024-12-31")
add("real", "price", "We're modelling cell costs for an overseas fab. Average 2024 price of n-type TOPCon M10 cells (overseas)?",
    "price", [(s.mean(), "US$/Wp")], how=f"real prices: Cell / n-type TOPCon M10 / Overseas, mean of the {len(s)} weekly observations dated 2024")

s = pseries("real", "Silver", "Silver", "Overseas", "K US$/t")
add("real", "price", "Silver matters for cell cost. What was the silver price in June 2024?",
    "price", [(p_month(s, "2024-06"), "K US$/t")], how="real prices: Silver / Overseas / K US$/t, observation dated 2024-06")

us = pseries("real", "Module", "p-type mono-Si PERC M10", "US", "US$/Wp")
eu_ = pseries("real", "Module", "p-type mono-Si PERC M10", "EU", "US$/Wp")
assert us.index.max() == eu_.index.max()
add("real", "price", "PERC M10 modules: latest US price vs EU price - what's the premium in the US, in $/Wp?",
    "price", [(us.iloc[-1] - eu_.iloc[-1], "US$/Wp"), (us.iloc[-1], "US$/Wp"), (eu_.iloc[-1], "US$/Wp")],
    how=f"real prices: Module / p-type mono-Si PERC M10, US minus EU at {us.index.max().date()}")

# ============================================================ REAL: financials (sample financials file)
add("real", "manufacturer_financial", "Benchmarking the client against peers. What was Helios Modules' revenue in FY2024?",
    "financial", [(fin("Helios", "FY2024", "Revenue"), "USD million")], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

q4 = FN[(FN.period == "2024-Q4") & (FN.metric == "Gross margin")].set_index("company").value.sort_values(ascending=False)
add("real", "manufacturer_financial", "Of the manufacturers you track, who had the best gross margin in Q4 2024?",
    "financial", [(q4.iloc[0], PCT)], [q4.index[0].split()[0]], how="financials: 2024-Q4 Gross margin, max across companies")

f, l = fin("SunForge", "FY2023", "Net income"), fin("SunForge", "FY2024", "Net income")
add("real", "manufacturer_financial", "SunForge net income, FY23 vs FY24 - how big was the swing in USD m?",
    "financial", [(l - f, "USD million"), (f, "USD million"), (l, "USD million")],
    how="financials: SunForge Energy (sample) Net income FY2024 - FY2023")

sh = FN[(FN.period == "FY2024") & (FN.metric == "Module shipments")].set_index("company").value.sort_values(ascending=False)
add("real", "manufacturer_financial", "Who ships the most? Rank the manufacturers by FY2024 module shipments.",
    "financial", [(x, "GW") for x in sh.values], [c.split()[0] for c in sh.index],
    how="financials: FY2024 Module shipments, sorted desc")

# ============================================================ REAL: follow-up chains
add("real", "market", ["Prepping the southern Europe slide. How much PV did Spain install in 2024?", "and Italy?"],
    "follow_up", [(val("real", "Italy", 2024), MW)], how="real CSV Italy 2024 Annual Total Historical Primary")

add("real", "market", ["Germany's installed base end-2023?", "what about end of 2024?"],
    "follow_up", [(val("real", "Germany", 2024, "Cumulative"), MW)], how="real CSV Germany 2024 Cumulative Total Historical Primary")

t23 = countries("real", 2023).head(5)
add("real", "market", ["Top 5 countries by PV additions in 2024, excluding regional aggregates?", "same for 2023"],
    "follow_up", [(x, MW) for x in t23.values], list(t23.index), how="real CSV 2023 Annual Total Historical Primary, countries only, top 5")

add("real", "market", ["What's the most probable forecast for Poland's PV additions in 2027?", "same for the high scenario"],
    "follow_up", [(val("real", "Poland", 2027, scen="high"), MW)], how="real CSV Poland 2027 Annual Total Forecast - High")

a, t = val("real", "Germany", 2024, conn="Distributed"), val("real", "Germany", 2024)
add("real", "market", ["What share of France's 2024 additions was distributed?", "and for Germany?"],
    "follow_up", [(a / t * 100, PCT)], how="real CSV Germany 2024 Annual: Distributed / Total * 100")

f, l = val("real", "Brazil", 2019), val("real", "Brazil", 2024)
add("real", "market", ["CAGR of India's annual additions 2019-2024?", "And Brazil over the same period?"],
    "follow_up", [(cagr(f, l, 5), PCT)], how="real CSV Brazil Annual Total: (2024/2019)^(1/5)-1")

s = pseries("real", "Module", "n-type TOPCon", "US", "US$/Wp")
add("real", "price", ["Latest TOPCon module price in China?", "and in the US?"],
    "follow_up", [(s.iloc[-1], "US$/Wp")], how=f"real prices: Module / n-type TOPCon / US latest ({s.index.max().date()})")

add("real", "market", ["What did the EU install in 2024?", "ok and what's the most probable number for 2030?"],
    "follow_up", [(val("real", "EU", 2030, scen="mp"), MW)], how="real CSV EU 2030 Annual Total Forecast - Most probable")

# ============================================================ REAL: unanswerable
UN_REAL = [
    ("market", ["How much wind capacity did Germany add in 2024? Want to put it next to the PV number."],
     "only PV capacity is held; no wind data"),
    ("market", ["What's the LCOE of utility-scale solar in Spain right now?"],
     "no LCOE in the data (capacity and component prices only)"),
    ("market", ["How many people work in the Polish PV sector? Jobs number for the socio-economic slide."],
     "no employment data"),
    ("market", ["Ballpark market value in EUR of the Italian rooftop PV market in 2024?"],
     "capacity in MW only; no market value in currency"),
    ("price", ["What's the average cell efficiency of TOPCon modules these days?"],
     "prices only; no efficiency data"),
    ("market", ["Client also looks at West Africa. How many MW did Nigeria add in 2024?"],
     "Nigeria is not a territory in the market data"),
    ("market", ["SE Asia is plan B. What's the most probable forecast for Vietnam's PV additions in 2027?"],
     "forecasts exist only for European territories (and their aggregates); none for Vietnam"),
    ("market", ["For the 2030 outlook slide: Germany's cumulative installed PV base in 2030 under the most probable scenario?"],
     "forecast Cumulative values in the real CSV exclude the installed base; no usable forecast cumulative"),
    ("market", ["How much PV did Germany install back in 1985?"],
     "data start in 1992"),
    ("price", ["BOS cost slide next. What are string inverter prices per Wp at the moment?"],
     "inverters are not among the price items"),
    ("price", ["Latest n-type TOPCon module price in India?"],
     "TOPCon module prices exist only for China, EU, Overseas and US; no India series"),
    ("price", ["What share of the module price is polysilicon these days, in %?"],
     "prices are per item in different units (US$/kg vs US$/Wp); no cost breakdown or share"),
    ("market", ["How many MW were decommissioned in Germany in 2024?"],
     "all rows are installations; no decommissioning figures"),
    ("market", ["What's the off-grid forecast for Germany in 2028, most probable case?"],
     "real forecasts have no off-grid connection rows"),
    ("market", ["Yield assumption for the Spanish business case: what's the typical specific yield in kWh/kWp in Spain?"],
     "no yield / generation data"),
    ("manufacturer_financial", ["Peer benchmarking again - what was JinkoSolar's revenue in FY2024?"],
     "JinkoSolar is not in the financials (sample companies only)"),
    ("manufacturer_financial", ["Helios Modules' EBITDA for FY2024?"],
     "EBITDA is not a metric in the financials"),
    ("market", ["How much PV did Germany install in 2024?", "and how many GWh did the German fleet generate that year?"],
     "no electricity generation (GWh) data"),
]
for agent, turns, why in UN_REAL:
    add("real", agent, turns, "unanswerable", answerable=False, why=why, how="not in the data")

# ============================================================ SAMPLE: market, answerable
v = val("sample", "Poland", 2024)
add("sample", "market", "Poland sizing for slide 3 - how much PV was added in 2024?",
    "lookup", [(v, MW)], how="sample market: Poland 2024 Annual Total Historical Primary")

v = val("sample", "France", 2024, "Cumulative", "Distributed")
add("sample", "market", "Client is a rooftop installer looking at France. What's France's cumulative distributed PV capactiy at end 2024?",
    "lookup", [(v, MW)], how="sample market: France 2024 Cumulative Distributed Historical Primary")

v = val("sample", "Germany", 2030, "Cumulative")
add("sample", "market", "Where does Germany's installed base land in 2030, most probable scenario?",
    "lookup", [(v, MW)], how="sample market: Germany 2030 Cumulative Total Forecast - Most probable")

r = countries("sample", 2023).head(3)
add("sample", "market", "Quick one for the market map - top 3 countries by 2023 additions?",
    "rank", [(x, MW) for x in r.values], list(r.index), how="sample market: 2023 Annual Total, World excluded, top 3")

r = countries("sample", 2030, scen="mp").sort_values().head(2)
add("sample", "market", "Which two countries have the smallest 2030 market in the most probable case?",
    "rank", [(x, MW) for x in r.values], list(r.index), how="sample market: 2030 Annual Total Forecast - Most probable, World excluded, bottom 2")

a, w = val("sample", "Germany", 2024), val("sample", "World", 2024)
add("sample", "market", "Germany's share of global PV additions in 2024?",
    "share", [(a / w * 100, PCT)], how="sample market: Germany / World 2024 Annual Total * 100")

a, t = val("sample", "Spain", 2024, "Cumulative", "Off-grid"), val("sample", "Spain", 2024, "Cumulative")
add("sample", "market", "Off-grid share of Spain's installed base end-2024? Probably tiny but need it for the footnote",
    "share", [(a / t * 100, PCT)], how="sample market: Spain 2024 Cumulative Off-grid / Total * 100")

a, t = val("sample", "Italy", 2030, conn="Centralised", scen="high"), val("sample", "Italy", 2030, scen="high")
add("sample", "market", "In the high scenario, what % of Italy's 2030 additions would be centralised?",
    "share", [(a / t * 100, PCT)], how="sample market: Italy 2030 Annual Forecast - High, Centralised / Total * 100")

f, l = val("sample", "Netherlands", 2021), val("sample", "Netherlands", 2024)
add("sample", "market", "Dutch market seems to be cooling. % change in annual additions from 2021 to 2024?",
    "change", [(pct(f, l), PCT)], how="sample market: Netherlands Annual Total (2024-2021)/2021*100")

f, l = val("sample", "World", 2015), val("sample", "World", 2024)
add("sample", "market", "Need context for the intro slide. Global PV additions CAGR 2015-2024?",
    "change", [(cagr(f, l, 9), PCT)], how="sample market: World Annual Total (2024/2015)^(1/9)-1")

f, l = val("sample", "Spain", 2024, "Cumulative"), val("sample", "Spain", 2030, "Cumulative")
add("sample", "market",
    "Spain's installed base: what CAGR are we looking at from end-2024 to 2030 on the most probable path?",
    "change", [(cagr(f, l, 6), PCT)],
    how="sample market: Spain Cumulative Total, 2024 Historical Primary to 2030 Forecast - Most probable, (l/f)^(1/6)-1")

g_, fr = val("sample", "Germany", 2030, scen="high"), val("sample", "France", 2030, scen="high")
add("sample", "market", "High case 2030: Germany vs France annual additions, and the difference?",
    "compare", [(g_, MW), (fr, MW), (g_ - fr, MW)], ["Germany"],
    how="sample market: 2030 Annual Total Forecast - High, Germany, France, difference")

h, lo = val("sample", "World", 2030, scen="high"), val("sample", "World", 2030, scen="low")
add("sample", "market", "Global 2030 additions: spread between high and low scenarios?",
    "compare", [(h - lo, MW)], how="sample market: World 2030 Annual Total Forecast - High minus Forecast - Low")

s = hist_series("sample", "Netherlands")
add("sample", "market", "Peak year for Dutch PV additions in the historical data?",
    "extreme", [(s.max(), MW)], [str(int(s.idxmax()))], how="sample market: Netherlands Annual Total Historical Primary max")

s = fc_series("sample", "Poland", "mp")
add("sample", "market", "Over 2025-2030 (most probable), which year is the trough for Polish additions?",
    "extreme", [(s.min(), MW)], [str(int(s.idxmin()))], how="sample market: Poland Annual Total Forecast - Most probable 2025-2030 min")

s = hist_series("sample", "Poland", y0=2019, y1=2024)
add("sample", "market", "Poland is the wildcard in our CEE pitch. Poland's average annual additions 2019-2024?",
    "average", [(s.mean(), MW)], how="sample market: Poland Annual Total Historical Primary 2019-2024 mean (6 years)")

s = hist_series("sample", "Italy", "Annual", "Distributed", 2022, 2024)
add("sample", "market", "Italy's average yearly distributed additions 2022-2024, excl. off-grid and utility-scale?",
    "average", [(s.mean(), MW)], how="sample market: Italy Annual Distributed Historical Primary 2022-2024 mean")

three = [val("sample", c, 2024) for c in ["France", "Spain", "Italy"]]
add("sample", "market", "For the southern Europe cluster: France + Spain + Italy combined 2024 additions?",
    "sum", [(sum(three), MW)], how="sample market: 2024 Annual Total Historical Primary, sum of three")

s = fc_series("sample", "Germany", "high")
add("sample", "market", "Total German additions over 2025-30 in the high scenario?",
    "sum", [(s.sum(), MW)], how="sample market: Germany Annual Total Forecast - High 2025-2030 sum")

s = hist_series("sample", "Spain")
y = int(s[s > 1000].index.min())
add("sample", "market", "First year Spain's annual additions went above 1 GW?",
    "first_latest", [(s[y], MW)], [str(y)], how="sample market: Spain Annual Total Historical Primary, first year > 1000 MW")

# ============================================================ SAMPLE: price, answerable
s = pseries("sample", "Module", "n-type TOPCon", "EU", "US$/Wp")
add("sample", "price", "TOPCon module price in the EU in March 2024?",
    "price", [(p_month(s, "2024-03"), "US$/Wp")], how="sample prices: Module / n-type TOPCon / EU, 2024-03")

s = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "China", "US$/kg")
add("sample", "price", "Lowest Chinese polysilicon price (9N) across 2023-2024, and when?",
    "price", [(s.min(), "US$/kg")], [s.idxmin().strftime("%Y")], how="sample prices: Polysilicon / High purity - 9N/9N+ / China min over 2023-2024")

s = pseries("sample", "Wafer", "n-type mono-Si M10", "China", "US$/pce")
add("sample", "price", "Upstream costs have collapsed and the client wants the number. n-type M10 wafer price in China, % change Jan 2023 to Dec 2024?",
    "price", [(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), PCT)],
    how="sample prices: Wafer / n-type mono-Si M10 / China (2024-12 - 2023-01)/2023-01*100")

regs = ["China", "EU", "India", "US"]
cur = pd.Series({r: p_month(pseries("sample", "Module", "p-type mono-Si PERC M10", r, "US$/Wp"), "2024-12") for r in regs}).sort_values()
add("sample", "price", "PERC M10 module prices Dec 2024 across China, EU, India and US - which region is cheapest?",
    "price", [(x, "US$/Wp") for x in cur.values], [cur.index[0]],
    how="sample prices: Module / p-type mono-Si PERC M10, 2024-12 for four regions; min named")

s = p_span(pseries("sample", "PV glass", "Glass 3,2mm", "EU", "US$/m²"), "2024-01-01", "2024-12-31")
add("sample", "price", "Glass is a big BOM line for bifacial. Average 3.2mm PV glass price in the EU during 2024?",
    "price", [(s.mean(), "US$/m²")], how="sample prices: PV glass / Glass 3,2mm / EU, mean of 12 monthly values 2024")

s = pseries("sample", "Module", "n-type HJT", "US", "US$/Wp")
add("sample", "price", "Most recent HJT module price for the US market?",
    "price", [(s.iloc[-1], "US$/Wp")], how=f"sample prices: Module / n-type HJT / US latest ({s.index.max().date()})")

tc = p_month(pseries("sample", "Cell", "n-type TOPCon M10", "China", "US$/Wp"), "2024-06")
pc = p_month(pseries("sample", "Cell", "p-type mono-Si PERC M10", "China", "US$/Wp"), "2024-06")
add("sample", "price", "In June 2024, how much more did a TOPCon M10 cell cost vs a PERC M10 cell in China (per Wp)?",
    "price", [(tc - pc, "US$/Wp"), (tc, "US$/Wp"), (pc, "US$/Wp")],
    how="sample prices: Cell China 2024-06, n-type TOPCon M10 minus p-type mono-Si PERC M10")

# ============================================================ SAMPLE: financials
add("sample", "manufacturer_financial", "Nordlicht Solar gross margin in Q2 2024?",
    "financial", [(fin("Nordlicht", "2024-Q2", "Gross margin"), PCT)], how="financials: Nordlicht Solar AG (sample) 2024-Q2 Gross margin")

qs = [fin("Helios", f"2024-Q{i}", "Revenue") for i in range(1, 5)]
add("sample", "manufacturer_financial", "Helios run-rate: average quarterly revenue across the four quarters of 2024?",
    "financial", [(sum(qs) / 4, "USD million")], how="financials: Helios 2024-Q1..Q4 Revenue mean")

qs = [fin("SunForge", f"2024-Q{i}", "Net income") for i in range(1, 5)]
add("sample", "manufacturer_financial", "Add up SunForge's quarterly net income for Q1-Q4 2024 - what's the total?",
    "financial", [(sum(qs), "USD million")], how="financials: SunForge 2024-Q1..Q4 Net income sum")

a, b = fin("Helios", "FY2023", "Revenue"), fin("SunForge", "FY2023", "Revenue")
add("sample", "manufacturer_financial", "Scale check: Helios' FY2023 revenue was how many times SunForge's?",
    "financial", [(a / b, X)], how="financials: FY2023 Revenue Helios / SunForge")

# ============================================================ SAMPLE: follow-up chains
add("sample", "market", ["What did Italy add in 2024?", "can you chart Italy's annual additions 2020-2024?"],
    "follow_up", [(val("sample", "Italy", y), MW) for y in (2020, 2024)],
    how="sample market: Italy Annual Total Historical Primary 2020..2024 (chart); first and last values checked")

h, lo = val("sample", "Spain", 2030, scen="high"), val("sample", "Spain", 2030, scen="low")
add("sample", "market",
    ["Building the Spain scenario chart. Spain 2030 additions, most probable case?", "and the low case?", "so what's the high minus low spread?"],
    "follow_up", [(h - lo, MW)], how="sample market: Spain 2030 Annual Total, Forecast - High minus Forecast - Low")

s = pseries("sample", "Module", "n-type TOPCon", "India", "US$/Wp")
add("sample", "price", ["EU TOPCon module price in Dec 2024?", "and in India?"],
    "follow_up", [(p_month(s, "2024-12"), "US$/Wp")], how="sample prices: Module / n-type TOPCon / India, 2024-12")

add("sample", "manufacturer_financial", ["Helios revenue FY2024?", "and SunForge's?"],
    "follow_up", [(fin("SunForge", "FY2024", "Revenue"), "USD million")], how="financials: SunForge Energy FY2024 Revenue")

a, t = val("sample", "Netherlands", 2020, conn="Distributed"), val("sample", "Netherlands", 2020)
add("sample", "market",
    ["What share of Dutch 2024 additions was distributed?", "what about 2020?"],
    "follow_up", [(a / t * 100, PCT)], how="sample market: Netherlands 2020 Annual Distributed / Total * 100")

a, w = val("sample", "Germany", 2024, "Cumulative"), val("sample", "World", 2024, "Cumulative")
add("sample", "market",
    ["Germany's share of world PV additions in 2024?", "same but for the installed base"],
    "follow_up", [(a / w * 100, PCT)], how="sample market: Germany / World 2024 Cumulative Total * 100")

# ============================================================ SAMPLE: unanswerable
UN_SAMPLE = [
    ("market", ["Client is thinking PV+storage. How much battery storage was installed in Italy in 2023?"], "no storage data, PV only"),
    ("market", ["Total solar generation in France in 2024, in TWh?"], "no generation data, capacity only"),
    ("market", ["German rooftop business case: what's the current feed-in tariff for small rooftop systems?"], "no tariff / policy data"),
    ("market", ["Comparing with the US for the board. How much PV did the USA instal in 2023?"], "sample market holds only France, Germany, Italy, Netherlands, Poland, Spain and World"),
    ("market", ["What's the most probable forecast for Spain's annual additions in 2035?"], "forecasts end in 2030"),
    ("price", ["Latest silver price?"], "the sample prices hold no raw materials such as silver"),
    ("price", ["TOPCon module price in Japan, Dec 2024?"], "sample prices cover China, EU, India and US only"),
    ("manufacturer_financial", ["Helios Modules revenue in FY2022?"], "financials cover 2023 and 2024 only"),
    ("market", ["How much solar thermal collector capacity does Spain have?"], "PV only; no solar thermal"),
    ("market", ["Split the Netherlands' 2024 distributed additions into residential vs commercial & industrial?"],
     "distributed is not split into residential / C&I"),
    ("price", ["What was the Chinese M10 n-type wafer price in mid-2022?"], "sample prices start in January 2023"),
    ("market", ["Agri-PV is a niche the client likes. How much agrivoltaic capacity does France have?"],
     "no agrivoltaics segment; connection split is centralised/distributed/off-grid"),
]
for agent, turns, why in UN_SAMPLE:
    add("sample", agent, turns, "unanswerable", answerable=False, why=why, how="not in the data")

# ============================================================ self-check & write
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(i["turns"]) >= 2 for i in ITEMS)
n_fu = sum(i["kind"] == "follow_up" for i in ITEMS)
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i["why"] and not i["expect"], i["id"]

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains (kind): {n_fu}  multi-turn items: {n_chain}")
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
print("kind x data:")
print(pd.crosstab(pd.Series([i["kind"] for i in ITEMS], name="kind"), pd.Series([i["data"] for i in ITEMS], name="data")))
