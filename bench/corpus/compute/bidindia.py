"""Held-out questions, writer 'bidindia' (bid manager at an Indian EPC contractor).

Every expected figure is computed here from the data files; nothing numeric is typed by hand
except years, thresholds and names used to *select* data.
"""
import json
import os

import pandas as pd

WRITER = "bidindia"
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()
    # the remaining key duplicates (RoW) differ only in metadata columns, same capacity
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    df = df.drop_duplicates(subset=KEY)
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES)
SP["date"] = pd.to_datetime(SP["date"])
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}

SCEN = {
    None: None,
    "hist": "Historical Primary",
    "most": "Forecast - Most probable",
    "high": "Forecast - High",
    "low": "Forecast - Low",
}


def mdf(data):
    return RM if data == "real" else SM


def last_hist(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = mdf(data)
    if SCEN[scen] is None:
        sc = "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"
    else:
        sc = SCEN[scen]
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == sc)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, sc, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, typ="Annual", conn="Total", scen="hist"):
    df = mdf(data)
    r = df[(df.Territory == terr) & (df.Scenario == SCEN[scen]) & (df.Connection == conn)
           & (df.Type == typ)]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def countries(data):
    return sorted(set(mdf(data).Territory) - AGGREGATES)


def rank_countries(data, year, typ="Annual", conn="Total", scen=None, n=5, among=None,
                   exclude=(), ascending=False):
    df = mdf(data)
    terrs = among if among is not None else countries(data)
    vals = {}
    for t in terrs:
        if t in exclude:
            continue
        try:
            vals[t] = mv(data, t, year, typ, conn, scen)
        except AssertionError:
            pass
    s = pd.Series(vals).sort_values(ascending=ascending)
    # no tie at the cut-off
    if len(s) > n:
        assert s.iloc[n - 1] != s.iloc[n]
    return s.iloc[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pdf(data):
    return RP if data == "real" else SP


def pseries(data, item, desc, region, unit=None):
    df = pdf(data)
    r = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    assert len(r) > 0
    return r.sort_values("date")


def p_latest(data, item, desc, region, unit=None):
    r = pseries(data, item, desc, region, unit)
    d = r.date.max()
    v = r[r.date == d].base_price.unique()
    assert len(v) == 1, (item, desc, region, d, v)
    return float(v[0]), d, r.unit.iloc[0]


def p_first(data, item, desc, region, unit=None):
    r = pseries(data, item, desc, region, unit)
    d = r.date.min()
    v = r[r.date == d].base_price.unique()
    assert len(v) == 1
    return float(v[0]), d, r.unit.iloc[0]


def p_month(data, item, desc, region, year, month, unit=None):
    r = pseries(data, item, desc, region, unit)
    x = r[(r.date.dt.year == year) & (r.date.dt.month == month)]
    assert len(x) == 1, (item, desc, region, year, month, len(x))
    return float(x.base_price.iloc[0]), r.unit.iloc[0]


def p_month_avg(data, item, desc, region, year, month, unit=None):
    r = pseries(data, item, desc, region, unit)
    x = r[(r.date.dt.year == year) & (r.date.dt.month == month)]
    assert len(x) >= 1
    return float(x.base_price.mean()), r.unit.iloc[0]


def p_ext(data, item, desc, region, how="max", start=None, end=None, unit=None):
    r = pseries(data, item, desc, region, unit)
    if start is not None:
        r = r[r.date >= pd.Timestamp(start)]
    if end is not None:
        r = r[r.date <= pd.Timestamp(end)]
    v = r.base_price.max() if how == "max" else r.base_price.min()
    dates = r[r.base_price == v].date
    return float(v), dates, r.unit.iloc[0]


def p_avg(data, item, desc, region, start, end, unit=None):
    r = pseries(data, item, desc, region, unit)
    r = r[(r.date >= pd.Timestamp(start)) & (r.date <= pd.Timestamp(end))]
    return float(r.base_price.mean()), r.unit.iloc[0]


def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names],
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["expect"] = []
    ITEMS.append(item)


def names_of(s):
    return list(s.index)


MW = "MW"

# ============================================================ REAL: market
R = "real"

# ---- lookups
add(R, "market", "lookup",
    "Hi, kindly share India's total solar PV additions for calendar year 2024 in MW. Bid "
    "is due tomorrow so kindly do the needful.",
    [(mv(R, "India", 2024), MW)],
    how="market CSV: India, 2024, Historical Primary, Total, Annual")

add(R, "market", "lookup",
    "We are evaluating Saudi for utility scale EPC bids. What is the quantum of centralised PV "
    "that Saudi Arabia installed during 2023?",
    [(mv(R, "Saudi Arabia", 2023, conn="Centralised"), MW)],
    how="Saudi Arabia, 2023, Historical Primary, Centralised, Annual")

add(R, "market", "lookup",
    "what is the installed base of solar in Egypt as on end of 2024",
    [(mv(R, "Egypt", 2024, typ="Cumulative"), MW)],
    how="Egypt, 2024, Historical Primary, Total, Cumulative")

add(R, "market", "lookup",
    "Our rooftop vertical is looking at South Africa. Kindly share the cumulative distributed PV "
    "capacity in South Africa at end-2024.",
    [(mv(R, "South Africa", 2024, typ="Cumulative", conn="Distributed"), MW)],
    how="South Africa, 2024, Historical Primary, Distributed, Cumulative")

# ---- rankings (countries only)
r = rank_countries(R, 2024, n=5)
add(R, "market", "rank",
    "Kindly share the top 5 countries by new PV installations in 2024 with their MW figures.",
    [(v, MW) for v in r.values], names_of(r),
    how="countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

r = rank_countries(R, 2024, typ="Cumulative", n=3, exclude=("China",))
add(R, "market", "rank",
    "Leaving China aside, which 3 countries have the biggest cumulative solar fleet as on end "
    "2024?",
    [(v, MW) for v in r.values], names_of(r),
    how="countries except China, 2024, Historical Primary, Total, Cumulative, top 3")

MEA = ["Saudi Arabia", "UAE", "Egypt", "Morocco", "South Africa", "Qatar"]
r = rank_countries(R, 2024, n=6, among=MEA)
add(R, "market", "rank",
    "We bid across Middle East and Africa. Pls rank Saudi Arabia, UAE, Egypt, Morocco, South "
    "Africa and Qatar by PV added in 2024, highest first.",
    [(v, MW) for v in r.values], names_of(r),
    how="the six named countries, 2024, Historical Primary, Total, Annual, sorted desc")

r = rank_countries(R, 2024, n=4)
add(R, "market", "rank",
    "Which country was no. 4 globally in terms of PV installations in 2024? Someone in our "
    "team said it is Germany, I doubt that.",
    [(r.iloc[3], MW)], [r.index[3]],
    how="countries only, 2024, Historical Primary, Total, Annual, 4th largest")

SEA = ["Vietnam", "Thailand", "Malaysia", "Philippines", "Indonesia", "Singapore"]
r = rank_countries(R, 2023, n=3, among=SEA)
add(R, "market", "rank",
    "Among Vietnam, Thailand, Malaysia, Philippines, Indonesia and Singapore, which were the "
    "top 3 markets by installations in 2023?",
    [(v, MW) for v in r.values], names_of(r),
    how="the six named countries, 2023, Historical Primary, Total, Annual, top 3")

r = rank_countries(R, 2030, n=3, scen="most")
add(R, "market", "rank",
    "For our 5 year export plan - which 3 countries have the largest forecast PV additions in "
    "2030 under the most probable scenario?",
    [(v, MW) for v in r.values], names_of(r),
    how="countries only, 2030, Forecast - Most probable, Total, Annual, top 3")

# ---- shares
add(R, "market", "share",
    "Management wants one number for the board note: India's share of global PV additions in "
    "2024, in %.",
    [(mv(R, "India", 2024) / mv(R, "World", 2024) * 100, "%")],
    how="India / World, 2024, Historical Primary, Total, Annual")

add(R, "market", "share",
    "What percentage of India's 2024 PV additions was distributed (rooftop etc.)?",
    [(mv(R, "India", 2024, conn="Distributed") / mv(R, "India", 2024) * 100, "%")],
    how="India 2024 Annual: Distributed / Total")

add(R, "market", "share",
    "china share of world cumulatve PV capacity end 2024?",
    [(mv(R, "China", 2024, typ="Cumulative") / mv(R, "World", 2024, typ="Cumulative") * 100,
      "%")],
    how="China / World, 2024, Historical Primary, Total, Cumulative")

add(R, "market", "share",
    "Pakistan's import-driven boom is eating into our module sourcing. What share of worldwide "
    "installations in 2024 did Pakistan account for?",
    [(mv(R, "Pakistan", 2024) / mv(R, "World", 2024) * 100, "%")],
    how="Pakistan / World, 2024, Historical Primary, Total, Annual")

add(R, "market", "share",
    "Of the USA's total installed base at end 2024, how much % is centralised (utility-scale)?",
    [(mv(R, "USA", 2024, typ="Cumulative", conn="Centralised")
      / mv(R, "USA", 2024, typ="Cumulative") * 100, "%")],
    how="USA 2024 Cumulative: Centralised / Total")

# ---- change
add(R, "market", "change",
    "What is the YoY growth in India's solar additions in 2024 vs 2023, in %?",
    [(pct(mv(R, "India", 2023), mv(R, "India", 2024)), "%")],
    how="India Annual Total: (2024-2023)/2023*100")

add(R, "market", "change",
    "Kindly share the CAGR of India's cumulative installed PV capacity from 2019 to 2024.",
    [(cagr(mv(R, "India", 2019, typ="Cumulative"), mv(R, "India", 2024, typ="Cumulative"), 5),
      "%")],
    how="India Cumulative Total 2019->2024, CAGR over 5 years")

add(R, "market", "change",
    "Vietnam had a big FiT rush. What was the % fall in Vietnam's additions from 2020 to 2021?",
    [(pct(mv(R, "Vietnam", 2020), mv(R, "Vietnam", 2021)), "%")],
    how="Vietnam Annual Total: (2021-2020)/2020*100 (negative)")

add(R, "market", "change",
    "Spain is a key EPC export market for us. Under the most probable forecast how much % do "
    "Spain's annual additions grow from 2025 to 2030?",
    [(pct(mv(R, "Spain", 2025, scen="most"), mv(R, "Spain", 2030, scen="most")), "%")],
    how="Spain Annual Total, Forecast - Most probable: (2030-2025)/2025*100")

# ---- compare
add(R, "market", "compare",
    "Pls compare 2024 PV additions of India, China and USA side by side.",
    [(mv(R, "India", 2024), MW), (mv(R, "China", 2024), MW), (mv(R, "USA", 2024), MW)],
    ["India", "China", "USA"],
    how="2024 Annual Total for India, China, USA")

add(R, "market", "compare",
    "How many times bigger is India's cumulative PV base than Brazil's, as on end 2024?",
    [(mv(R, "India", 2024, typ="Cumulative") / mv(R, "Brazil", 2024, typ="Cumulative"), "x")],
    how="India / Brazil, 2024 Cumulative Total")

add(R, "market", "compare",
    "Neighbourhood check - Bangladesh vs Pakistan, how much PV did each install in 2024?",
    [(mv(R, "Bangladesh", 2024), MW), (mv(R, "Pakistan", 2024), MW)],
    ["Bangladesh", "Pakistan"],
    how="2024 Annual Total for Bangladesh and Pakistan")

add(R, "market", "compare",
    "In the high scenario, which is bigger in 2028 - Italy or Spain's annual PV market, and by "
    "how much MW?",
    [(mv(R, "Spain", 2028, scen="high") - mv(R, "Italy", 2028, scen="high"), MW)],
    ["Spain"],
    how="Forecast - High 2028 Annual Total: Spain minus Italy")

# ---- extremes
s = mseries(R, "Vietnam")
add(R, "market", "extreme",
    "In which year did Vietnam record its highest ever PV additions and what was the number?",
    [(s.max(), MW)], [s.idxmax()],
    how="Vietnam Annual Total, Historical Primary, max over all years")

s = mseries(R, "India").loc[2017:]
add(R, "market", "extreme",
    "Since 2017, which was India's weakest year for solar installations?",
    [(s.min(), MW)], [s.idxmin()],
    how="India Annual Total, Historical Primary, min over 2017-2024")

s = mseries(R, "Italy")
add(R, "market", "extreme",
    "Italy's record year for PV installs, historically (actuals only)? And the MW.",
    [(s.max(), MW)], [s.idxmax()],
    how="Italy Annual Total, Historical Primary, max over all historical years")

s = mseries(R, "Finland", scen="most")
add(R, "market", "extreme",
    "For Finland, which forecast year between 2025 and 2030 shows the highest additions in "
    "the most probable case?",
    [(s.max(), MW)], [s.idxmax()],
    how="Finland Annual Total, Forecast - Most probable 2025-2030, max")

# ---- averages
s = mseries(R, "India").loc[2020:2024]
add(R, "market", "average",
    "What is India's average annual PV addition over 2020-2024 (5 years)?",
    [(s.mean(), MW)],
    how="mean of India Annual Total 2020..2024")

s = mseries(R, "World").loc[2015:2024]
add(R, "market", "average",
    "Average yearly global PV installations for the decade 2015 to 2024?",
    [(s.mean(), MW)],
    how="mean of World Annual Total 2015..2024")

# ---- sums
s = mseries(R, "India").loc[2020:2024]
add(R, "market", "sum",
    "Total quantum of solar India added in the five years 2020 to 2024 put together?",
    [(s.sum(), MW)],
    how="sum of India Annual Total 2020..2024")

add(R, "market", "sum",
    "Combined 2024 PV additons of Saudi Arabia, UAE and Qatar - one figure pls.",
    [(mv(R, "Saudi Arabia", 2024) + mv(R, "UAE", 2024) + mv(R, "Qatar", 2024), MW)],
    how="sum of 2024 Annual Total for Saudi Arabia, UAE, Qatar")

# ---- first / latest
s = mseries(R, "India")
add(R, "market", "first_latest",
    "From which year does your database have India's PV installation data, and what was "
    "installed in that first year?",
    [(s.iloc[0], MW)], [s.index[0]],
    how="India Annual Total, Historical Primary, earliest year")

s = mseries(R, "Türkiye", typ="Cumulative")
add(R, "market", "first_latest",
    "What is the latest actual (not forecast) installed base figure for Turkey and for which "
    "year?",
    [(s.iloc[-1], MW)], [s.index[-1]],
    how="Türkiye Cumulative Total, Historical Primary, latest year")

s = mseries(R, "India")
yr = int(s[s > 10000].index.min())
add(R, "market", "first_latest",
    "In which year did India's annual PV additions first cross 10 GW?",
    [(s.loc[yr], MW)], [yr],
    how="India Annual Total, Historical Primary: first year with > 10,000 MW")

s = mseries(R, "India", typ="Cumulative")
yr = int(s[s > 100000].index.min())
add(R, "market", "first_latest",
    "Our MD keeps saying India crossed 1 lakh MW of solar. In which year did India's "
    "cumulative PV capacity first go above 1 lakh MW, and what was the figure that year?",
    [(s.loc[yr], MW)], [yr],
    how="India Cumulative Total, Historical Primary: first year with > 100,000 MW (1 lakh)")

# ============================================================ REAL: prices
v, d, u = p_latest(R, "Module", "n-type TOPCon", "China")
add(R, "price", "price",
    "what is the latest n-type TOPCon module price in China?",
    [(v, u)], [d.strftime("%Y")],
    how=f"prices: Module / n-type TOPCon / China, newest date {d.date()}")

vu, du, uu = p_latest(R, "Module", "n-type TOPCon", "US")
ve, de, ue = p_latest(R, "Module", "n-type TOPCon", "EU")
assert du == de
add(R, "price", "price",
    "For US and Europe bids - compare latest TOPCon module prices in the US vs the EU. Which "
    "is costlier?",
    [(vu, uu), (ve, ue)], ["US"],
    how=f"Module / n-type TOPCon, US and EU, newest date {du.date()}")

v, d, u = p_latest(R, "Module", "p-type mono-Si PERC M6", "India")
add(R, "price", "price",
    "Kindly share the latest mono PERC M6 module price you have for India, with the date.",
    [(v, u)], [d.strftime("%Y")],
    how=f"Module / p-type mono-Si PERC M6 / India, newest date {d.date()}")

vmin, dmin, u = p_ext(R, "Module", "p-type multi-Si Al-BSF", "India", "min")
vmax, dmax, _ = p_ext(R, "Module", "p-type multi-Si Al-BSF", "India", "max")
add(R, "price", "price",
    "For multi-Si Al-BSF modules in India, what were the lowest and highest prices in the "
    "whole series?",
    [(vmin, u), (vmax, u)],
    how="Module / p-type multi-Si Al-BSF / India, min and max over all dates")

a, u = p_month(R, "Copper", "Copper", "Overseas", 2024, 1)
b, _ = p_month(R, "Copper", "Copper", "Overseas", 2025, 1)
add(R, "price", "price",
    "Cable costs are hurting our BOQ. By how much % did copper price change from Jan 2024 to "
    "Jan 2025?",
    [(pct(a, b), "%")],
    how="Copper / Overseas monthly: (2025-01 - 2024-01)/2024-01*100")

v, dates, u = p_ext(R, "Aluminium", "Aluminium", "Overseas", "max")
assert len(dates) == 1
add(R, "price", "price",
    "When did aluminium price peak in your data and at what level? Need it for structure "
    "escalation clause.",
    [(v, u)], [dates.iloc[0].strftime("%Y")],
    how="Aluminium / Overseas monthly, max over the whole series")

v, u = p_month(R, "Silver", "Silver", "Overseas", 2025, 1, unit="K US$/t")
add(R, "price", "price",
    "What was the silver price in January 2025?",
    [(v, u)],
    how="Silver / Overseas monthly, 2025-01 (unit K US$/t)")

vmin, dmin, u = p_ext(R, "Cell", "p-type mono-Si PERC", "China", "min", "2024-01-01",
                      "2024-12-31")
vmax, dmax, _ = p_ext(R, "Cell", "p-type mono-Si PERC", "China", "max", "2024-01-01",
                      "2024-12-31")
add(R, "price", "price",
    "What was the range (min and max) of mono PERC cell prices in China during 2024?",
    [(vmin, u), (vmax, u)],
    how="Cell / p-type mono-Si PERC / China, min and max over 2024 dates")

a, u = p_month_avg(R, "Module", "n-type TOPCon", "US", 2025, 1)
add(R, "price", "price",
    "Kindly share the average TOPCon module price in the US for the month of January 2025.",
    [(a, u)],
    how="Module / n-type TOPCon / US, mean of the weekly observations dated 2025-01")

# ============================================================ REAL: follow-up chains
add(R, "market", "follow_up",
    ["How much solar did India add in 2024?", "and Pakistan?"],
    [(mv(R, "Pakistan", 2024), MW)],
    how="Pakistan, 2024, Historical Primary, Total, Annual")

r = rank_countries(R, 2022, n=5)
add(R, "market", "follow_up",
    ["Top 5 countries by PV additions in 2024?", "what about 2022?"],
    [(v, MW) for v in r.values], names_of(r),
    how="countries only, 2022, Historical Primary, Total, Annual, top 5")

add(R, "market", "follow_up",
    ["What is India's cumulative installed PV capacity as on end 2024?",
     "What % of the world total is that?"],
    [(mv(R, "India", 2024, typ="Cumulative") / mv(R, "World", 2024, typ="Cumulative") * 100,
      "%")],
    how="India / World, 2024 Cumulative Total")

add(R, "market", "follow_up",
    ["What are Spain's expected PV additions in 2027, most probable case?",
     "same for the high scenario"],
    [(mv(R, "Spain", 2027, scen="high"), MW)],
    how="Spain, 2027, Forecast - High, Total, Annual")

add(R, "market", "follow_up",
    ["Germany's 2030 PV additions in the low scenario kindly", "and Italy?"],
    [(mv(R, "Italy", 2030, scen="low"), MW)],
    how="Italy, 2030, Forecast - Low, Total, Annual")

vc, _, u = p_latest(R, "Module", "n-type TOPCon", "China")
vu, _, _ = p_latest(R, "Module", "n-type TOPCon", "US")
add(R, "price", "follow_up",
    ["Latest TOPCon module price in China?", "And in the US?",
     "So what is the gap between US and China per Wp?"],
    [(vu - vc, u)],
    how="Module / n-type TOPCon latest: US minus China")

s = mseries(R, "UAE")
add(R, "market", "follow_up",
    ["Show UAE annual PV installations 2016 to 2024 as a chart",
     "which year was the highest?"],
    [(s.max(), MW)], [s.idxmax()],
    how="UAE Annual Total, Historical Primary, max over 2016-2024")

add(R, "market", "follow_up",
    ["Saudi Arabia PV additions 2024?", "YoY growth kindly?"],
    [(pct(mv(R, "Saudi Arabia", 2023), mv(R, "Saudi Arabia", 2024)), "%")],
    how="Saudi Arabia Annual Total: (2024-2023)/2023*100")

add(R, "market", "follow_up",
    ["India centralised PV additions in 2024?", "and distributed?",
     "ratio of centralised to distributed then?"],
    [(mv(R, "India", 2024, conn="Centralised") / mv(R, "India", 2024, conn="Distributed"), "x")],
    how="India 2024 Annual: Centralised / Distributed")

v, u = fv(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", "follow_up",
    ["What was Helios Modules' revenue for FY2024?", "and SunForge?"],
    [(v, u)],
    how="financials: SunForge Energy (sample), FY2024, Revenue")

a = mv(R, "Brazil", 2023)
b = mv(R, "Brazil", 2024)
add(R, "market", "follow_up",
    ["Brazil PV additions in 2023?",
     "ok and same for 2024 also what is the YoY % pls"],
    [(b, MW), (pct(a, b), "%")],
    how="Brazil Annual Total 2024, and (2024-2023)/2023*100")

# ============================================================ REAL: unanswerable
add(R, "market", "unanswerable",
    "What is the forecast for India's solar additions in 2027? Need it for our 3 year order "
    "book planning.",
    answerable=False,
    why="real market data has forecasts only for European countries (and a Europe-only World "
        "line); no India forecast",
    how="no India rows with a Forecast scenario")

add(R, "market", "unanswerable",
    ["India's cumulative installed base end of 2024?",
     "and what will it be by 2030 as per your forecast?"],
    answerable=False,
    why="no forecast for India in the real data; forecast cumulative figures in the CSV "
        "exclude the installed base anyway",
    how="no India forecast rows")

add(R, "market", "unanswerable",
    "What will be Germany's total installed PV base at end 2028 in the most probable scenario?",
    answerable=False,
    why="forecast Cumulative values in the real CSV are running sums of forecast additions "
        "from 2025 and do not include the installed base",
    how="forecast cumulative excluded by the brief")

add(R, "market", "unanswerable",
    "Kindly share Sri Lanka's rooftop solar additions in 2024, we have a bid coming up in "
    "Colombo.",
    answerable=False, why="Sri Lanka is not a territory in the market data",
    how="Sri Lanka absent")

add(R, "market", "unanswerable",
    "Oman's PV installations last year (2024)? Few IPPs there are floating EPC tenders.",
    answerable=False, why="Oman is not a territory in the market data",
    how="Oman absent")

add(R, "market", "unanswerable",
    "We also do hybrid projects - what was India's wind capacity addition in 2024?",
    answerable=False, why="wind is not covered; data is solar PV only",
    how="other technology")

add(R, "market", "unanswerable",
    "How much battery energy storage (MWh) got commissioned in Saudi Arabia in 2024?",
    answerable=False, why="battery storage is not in the data",
    how="other technology")

add(R, "market", "unanswerable",
    "Kindly share India's solar power generation in GWh for 2023.",
    answerable=False, why="generation (GWh) is not held, only installed capacity in MW",
    how="measure not held")

add(R, "market", "unanswerable",
    "What was the lowest solar tariff discovered in SECI auctions in 2024, in Rs/kWh?",
    answerable=False, why="auction tariffs are not in the data",
    how="measure not held")

add(R, "market", "unanswerable",
    "What is the LCOE of utility scale solar in India as on date?",
    answerable=False, why="LCOE is not held", how="measure not held")

add(R, "market", "unanswerable",
    "Rajasthan and Gujarat - how much PV capacity did each state install in 2024?",
    answerable=False, why="no sub-national (state-level) data; India is one territory",
    how="places not in data")

add(R, "market", "unanswerable",
    "How much floating solar capacity is installed in India?",
    answerable=False,
    why="floating PV is not a segment; connection is only centralised/distributed/off-grid",
    how="segment not held")

add(R, "market", "unanswerable",
    "USA is our main module export market. What is the 2026 forecast for US installations?",
    answerable=False, why="no forecasts for the USA in the real data (Europe only)",
    how="no USA forecast rows")

add(R, "price", "unanswerable",
    "Kindly share the latest string inverter price per Wp, we need it for the BOQ.",
    answerable=False, why="inverters are not among the price items", how="item not held")

add(R, "price", "unanswerable",
    "What is the latest n-type TOPCon module price for the India region?",
    answerable=False,
    why="real price data has India only for p-type PERC M6 and multi-Si Al-BSF modules, "
        "not TOPCon",
    how="item/region combination not held")

add(R, "price", "unanswerable",
    "What share of the module price is the cell cost these days, in %?",
    answerable=False, why="a share of a price (cost breakdown) is not held",
    how="share of a price")

add(R, "price", "unanswerable",
    "What will TOPCon module prices be in China in Q4 2026? Need it for a bid with 2026 "
    "delivery.",
    answerable=False, why="no price forecasts; series end in 2025",
    how="dates outside data")

add(R, "manufacturer_financial", "unanswerable",
    "What was Waaree Energies' revenue in FY24?",
    answerable=False, why="Waaree is not among the companies in the financials",
    how="company not held")

add(R, "manufacturer_financial", "unanswerable",
    "Kindly share Helios Modules' EBITDA margin for FY2024.",
    answerable=False, why="EBITDA is not a metric in the financials (only revenue, gross "
                          "margin, net income, shipments, capacity)",
    how="metric not held")

add(R, "market", "unanswerable",
    "For costing - what is the typical EPC capex per MW for utility solar in India, in Rs "
    "crore?",
    answerable=False, why="capex / EPC cost per MW is not held", how="measure not held")

add(R, "market", "unanswerable",
    "Kindly share India's total module manufacturing capacity (ALMM listed) in GW as on date.",
    answerable=False,
    why="national manufacturing capacity is not held; market data is installations only and "
        "the financials cover only four sample companies",
    how="measure not held")

# ============================================================ REAL-tagged financials
v, u = fv(HEL, "2024-Q4", "Net income")
add(R, "manufacturer_financial", "financial",
    "Helios Modules net income for 2024-Q4?",
    [(v, u)], how="financials: Helios, 2024-Q4, Net income")

s = {c: fv(c, "FY2024", "Production capacity")[0] for c in (HEL, SUN, AUR, NOR)}
top = max(s, key=s.get)
add(R, "manufacturer_financial", "financial",
    "Which of the manufacturers has the largest production capacity as of FY2024 and how many "
    "GW?",
    [(s[top], "GW")], [top.split(" ")[0]],
    how="financials: FY2024 Production capacity, max over companies")

a, u = fv(SUN, "2023-Q4", "Revenue")
b, _ = fv(SUN, "2024-Q4", "Revenue")
add(R, "manufacturer_financial", "financial",
    "SunForge Energy revenue Q4 2024 vs Q4 2023 - what is the YoY change in %?",
    [(pct(a, b), "%")], how="financials: SunForge Revenue (2024-Q4 - 2023-Q4)/2023-Q4*100")

# ============================================================ SAMPLE: market
S = "sample"

add(S, "market", "lookup",
    "We are pre-qualifying for a Spanish utility tender. Kindly share how much centralised PV "
    "Spain added in 2024.",
    [(mv(S, "Spain", 2024, conn="Centralised"), MW)],
    how="sample market: Spain, 2024, Historical Primary, Centralised, Annual")

add(S, "market", "lookup",
    "What is the installed base Germany is expected to reach at end 2030 in the most probable "
    "case?",
    [(mv(S, "Germany", 2030, typ="Cumulative", scen="most"), MW)],
    how="sample market: Germany, 2030, Forecast - Most probable, Total, Cumulative "
        "(sample forecast cumulative includes the base)")

r = rank_countries(S, 2023, n=3)
add(S, "market", "rank",
    "Rank the countries by PV added in 2023 - top 3 only pls.",
    [(v, MW) for v in r.values], names_of(r),
    how="sample countries (World excluded), 2023, Historical Primary, Total, Annual, top 3")

r = rank_countries(S, 2024, typ="Cumulative", n=1, ascending=True)
add(S, "market", "rank",
    "Which country has the smallest cumulative PV fleet at end of 2024 in your dataset?",
    [(r.iloc[0], MW)], names_of(r),
    how="sample countries, 2024, Cumulative Total, minimum")

add(S, "market", "share",
    "Germany's share of global PV additions in 2024?",
    [(mv(S, "Germany", 2024) / mv(S, "World", 2024) * 100, "%")],
    how="sample: Germany / World, 2024 Annual Total")

add(S, "market", "share",
    "Italian market - what % of the 2024 additions were distributed?",
    [(mv(S, "Italy", 2024, conn="Distributed") / mv(S, "Italy", 2024) * 100, "%")],
    how="sample: Italy 2024 Annual Distributed / Total")

add(S, "market", "share",
    "We're targeting ground-mount in France. What share of France's cumulative capacity end "
    "2024 is centralised?",
    [(mv(S, "France", 2024, typ="Cumulative", conn="Centralised")
      / mv(S, "France", 2024, typ="Cumulative") * 100, "%")],
    how="sample: France 2024 Cumulative Centralised / Total")

add(S, "market", "change",
    "Dutch market seems to be slowing. % change in Netherlands additions 2023 to 2024?",
    [(pct(mv(S, "Netherlands", 2023), mv(S, "Netherlands", 2024)), "%")],
    how="sample: Netherlands Annual Total (2024-2023)/2023*100")

add(S, "market", "change",
    "CAGR of Poland's cumulative PV capacity 2018-2024?",
    [(cagr(mv(S, "Poland", 2018, typ="Cumulative"), mv(S, "Poland", 2024, typ="Cumulative"),
           6), "%")],
    how="sample: Poland Cumulative Total 2018->2024 CAGR, 6 years")

add(S, "market", "compare",
    "Compare Italy, Spain and France 2025 annual additions in the high scenario.",
    [(mv(S, "Italy", 2025, scen="high"), MW), (mv(S, "Spain", 2025, scen="high"), MW),
     (mv(S, "France", 2025, scen="high"), MW)],
    ["Italy", "Spain", "France"],
    how="sample: Forecast - High 2025 Annual Total for Italy, Spain, France")

add(S, "market", "compare",
    "Between Spain and Poland, whose distributed PV additions were higher in 2024 and by how "
    "much?",
    [(abs(mv(S, "Spain", 2024, conn="Distributed") - mv(S, "Poland", 2024, conn="Distributed")),
      MW)],
    ["Spain" if mv(S, "Spain", 2024, conn="Distributed") > mv(S, "Poland", 2024,
                                                                 conn="Distributed")
     else "Poland"],
    how="sample: 2024 Annual Distributed, Spain vs Poland, absolute difference")

s = mseries(S, "Netherlands")
add(S, "market", "extreme",
    "Netherlands - peak year of PV additions in the actuals, and how many MW?",
    [(s.max(), MW)], [s.idxmax()],
    how="sample: Netherlands Annual Total, Historical Primary, max")

s = mseries(S, "World", scen="low")
add(S, "market", "extreme",
    "In the low scenario, which year between 2025 and 2030 has the lowest global PV additions?",
    [(s.min(), MW)], [s.idxmin()],
    how="sample: World Annual Total, Forecast - Low, min over 2025-2030")

s = mseries(S, "Spain").loc[2020:2024]
add(S, "market", "average",
    "Spain's average yearly PV installations 2020-2024?",
    [(s.mean(), MW)],
    how="sample: mean of Spain Annual Total 2020..2024")

s = mseries(S, "Italy", scen="most").loc[2025:2030]
add(S, "market", "average",
    "What's the average annual addition expected in Italy over 2025 to 2030, most probable?",
    [(s.mean(), MW)],
    how="sample: mean of Italy Annual Total, Forecast - Most probable 2025..2030")

s = mseries(S, "Germany", scen="most").loc[2025:2030]
add(S, "market", "sum",
    "Total German PV additions 2025 through 2030 in the most probable case - kindly sum it up.",
    [(s.sum(), MW)],
    how="sample: sum of Germany Annual Total, Forecast - Most probable 2025..2030")

s = mseries(S, "Poland")
add(S, "market", "first_latest",
    "What is the latest year of actual data you have for Poland, and what was added that year?",
    [(s.iloc[-1], MW)], [s.index[-1]],
    how="sample: Poland Annual Total, Historical Primary, latest year")

s = mseries(S, "Germany", typ="Cumulative", scen="high")
yr = int(s[s > 200000].index.min())
add(S, "market", "first_latest",
    "In the high scenario, by which year does Germany's installed base cross 2 lakh MW "
    "(200 GW)?",
    [(s.loc[yr], MW)], [yr],
    how="sample: Germany Cumulative Total, Forecast - High: first year > 200,000 MW "
        "(sample forecast cumulative includes the base)")

# ---- sample follow-ups
add(S, "market", "follow_up",
    ["Italy PV additions 2024?", "what portion of that was utility scale i.e. centralised?"],
    [(mv(S, "Italy", 2024, conn="Centralised") / mv(S, "Italy", 2024) * 100, "%")],
    how="sample: Italy 2024 Annual Centralised / Total")

add(S, "market", "follow_up",
    ["Poland cumulative capacity end 2024?", "and 2020?", "so what's the CAGR between the two?"],
    [(cagr(mv(S, "Poland", 2020, typ="Cumulative"), mv(S, "Poland", 2024, typ="Cumulative"),
           4), "%")],
    how="sample: Poland Cumulative Total 2020->2024 CAGR, 4 years")

add(S, "market", "follow_up",
    ["Global PV additions in 2030, most probable forecast?", "same in the low scenario"],
    [(mv(S, "World", 2030, scen="low"), MW)],
    how="sample: World 2030 Forecast - Low Annual Total")

a, u = p_month(S, "Module", "n-type TOPCon", "India", 2024, 12)
b, _ = p_month(S, "Module", "n-type TOPCon", "China", 2024, 12)
add(S, "price", "follow_up",
    ["TOPCon module price in India, December 2024?", "China same month?",
     "So India premium over China in %?"],
    [(pct(b, a), "%")],
    how="sample prices: Module n-type TOPCon 2024-12, (India - China)/China*100")

# ============================================================ SAMPLE: prices
v, u = p_month(S, "Module", "n-type TOPCon", "India", 2024, 12)
add(S, "price", "price",
    "Domestic module pricing check - n-type TOPCon module price in India for Dec 2024?",
    [(v, u)], how="sample prices: Module / n-type TOPCon / India, 2024-12")

df = SP[(SP.item == "Module") & (SP.description == "n-type HJT") & (SP.date == "2024-12-01")]
row = df.loc[df.base_price.idxmin()]
assert (df.base_price == row.base_price).sum() == 1
add(S, "price", "price",
    "Which region had the cheapest HJT modules in December 2024 and at what price?",
    [(row.base_price, row.unit)], [row.region],
    how="sample prices: Module / n-type HJT, 2024-12, min over regions")

a, u = p_month(S, "Module", "p-type mono-Si PERC M10", "India", 2023, 1)
b, _ = p_month(S, "Module", "p-type mono-Si PERC M10", "India", 2024, 12)
add(S, "price", "price",
    "How much % did PERC M10 module prices in India change between Jan 2023 and Dec 2024?",
    [(pct(a, b), "%")],
    how="sample prices: Module / p-type mono-Si PERC M10 / India, 2023-01 to 2024-12")

v, dates, u = p_ext(S, "Polysilicon", "High purity - 9N/9N+", "China", "max")
assert len(dates) == 1
add(S, "price", "price",
    "Highest polysilicon (9N) price in China in your data and which month?",
    [(v, u)], [dates.iloc[0].strftime("%Y")],
    how="sample prices: Polysilicon / High purity 9N / China, max over series")

v, u = p_avg(S, "Wafer", "n-type mono-Si M10", "China", "2024-01-01", "2024-12-31")
add(S, "price", "price",
    "average n-type M10 wafer price in China over 2024?",
    [(v, u)], how="sample prices: Wafer / n-type mono-Si M10 / China, mean of 2024 months")

a, u = p_month(S, "Module", "n-type TOPCon", "US", 2024, 6)
b, _ = p_month(S, "Module", "n-type TOPCon", "India", 2024, 6)
add(S, "price", "price",
    "For an export quote I need US vs India TOPCon module prices for June 2024 - kindly share "
    "both.",
    [(a, u), (b, u)], ["US", "India"],
    how="sample prices: Module / n-type TOPCon, US and India, 2024-06")

# ============================================================ SAMPLE: financials
v, u = fv(HEL, "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "Helios Modules FY2024 revenue?",
    [(v, u)], how="financials: Helios, FY2024, Revenue")

a, u = fv(AUR, "FY2023", "Revenue")
b, _ = fv(AUR, "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "By how much % did Aurora PV Group's revenue fall from FY2023 to FY2024?",
    [(pct(a, b), "%")], how="financials: Aurora Revenue (FY2024-FY2023)/FY2023*100")

q = [fv(HEL, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "financial",
    "Add up Helios's quarterly module shipments for 2024 - total GW?",
    [(sum(q), "GW")], how="financials: sum of Helios Module shipments 2024-Q1..Q4")

a, u = fv(HEL, "FY2024", "Module shipments")
b, _ = fv(SUN, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "Compare FY2024 module shipments of Helios and SunForge.",
    [(a, u), (b, u)], ["Helios", "SunForge"],
    how="financials: FY2024 Module shipments, Helios and SunForge")

vals = {p: fv(HEL, p, "Net income")[0] for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
worst = min(vals, key=vals.get)
add(S, "manufacturer_financial", "financial",
    "Which quarter of 2024 was worst for Helios in terms of net income?",
    [(vals[worst], "USD million")], [worst.split("-")[1]],
    how="financials: Helios Net income, min over 2024 quarters")

q = [fv(AUR, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "financial",
    "Simple average of Aurora PV's four quarterly gross margins in 2024?",
    [(sum(q) / 4, "%")], how="financials: mean of Aurora Gross margin 2024-Q1..Q4")

# ============================================================ SAMPLE: unanswerable
add(S, "market", "unanswerable",
    "How much PV did India install in 2024?",
    answerable=False, why="the sample market data holds only six European countries and World",
    how="India absent from sample")

add(S, "market", "unanswerable",
    "Germany forecast for 2035 pls, we are planning long-term.",
    answerable=False, why="forecasts end in 2030", how="year outside data")

add(S, "price", "unanswerable",
    "What is the polysilicon price in India region?",
    answerable=False, why="sample polysilicon prices exist only for China and EU",
    how="region not held for the item")

add(S, "price", "unanswerable",
    "TOPCon module price in China in January 2022?",
    answerable=False, why="sample prices cover 2023-01 to 2024-12 only",
    how="date outside data")

add(S, "manufacturer_financial", "unanswerable",
    "Helios Modules revenue for FY2022?",
    answerable=False, why="financials cover 2023 and 2024 only", how="period outside data")

add(S, "market", "unanswerable",
    "How much solar thermal / CSP capacity does Spain have?",
    answerable=False, why="solar thermal/CSP is not covered; PV only", how="other technology")

add(S, "market", "unanswerable",
    "What was the value of the Italian PV market in 2024 in EUR?",
    answerable=False, why="market value in currency is not held, only MW",
    how="measure not held")

add(S, "price", "unanswerable",
    "Average conversion efficiency of HJT modules currently?",
    answerable=False, why="efficiency is not held", how="measure not held")

add(S, "market", "unanswerable",
    ["Spain's PV additions 2024?",
     "and how much onshore wind did Spain add the same year?"],
    answerable=False, why="wind is not covered", how="other technology")

add(S, "market", "unanswerable",
    "How much PV did Germany install in Q3 2024 alone? Need the quarterly run-rate.",
    answerable=False, why="market data is annual only, no quarterly installations",
    how="granularity not held")

# ---------------------------------------------------------------- self-check & write
ids = [q["id"] for q in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
unans = [q for q in ITEMS if not q["answerable"]]
assert len(unans) >= 28, len(unans)
chains = [q for q in ITEMS if len(q["turns"]) >= 2]
fu = [q for q in ITEMS if q["kind"] == "follow_up"]
assert len(fu) >= 12, len(fu)
for q in ITEMS:
    if q["answerable"]:
        assert q["expect"] or q["names"], q["id"]
        for e in q["expect"]:
            assert e["value"] == e["value"], q["id"]  # not NaN
    else:
        assert q["why"] and not q["expect"], q["id"]
    assert q["data"] in ("real", "sample")
    assert q["agent"] in ("market", "price", "manufacturer_financial")
# unanswerable sanity: places named as absent really are absent
for place in ["Sri Lanka", "Nigeria", "Oman", "Rajasthan", "Gujarat"]:
    assert place not in set(RM.Territory)
assert "India" not in set(SM.Territory)
assert RM[(RM.Territory == "India") & RM.Scenario.str.startswith("Forecast")].empty
assert RM[(RM.Territory == "USA") & RM.Scenario.str.startswith("Forecast")].empty
assert SP[(SP.item == "Polysilicon") & (SP.region == "India")].empty
assert RP[(RP.item == "Module") & (RP.description == "n-type TOPCon") & (RP.region == "India")].empty
assert SP.date.min() >= pd.Timestamp("2023-01-01")
assert RM.Year.min() > 1990 and SM.Year.max() < 2035
assert "FY2022" not in set(FIN.period)
assert not any("Waaree" in c for c in FIN.company.unique())

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for q in ITEMS:
        fh.write(json.dumps(q, ensure_ascii=False) + "\n")

df = pd.DataFrame(ITEMS)
print("items:", len(ITEMS), "| unanswerable:", len(unans), "| multi-turn chains:", len(chains),
      "| kind follow_up:", len(fu))
print(df.groupby(["kind", "data"]).size().unstack(fill_value=0).to_string())
print(df.groupby(["agent", "data"]).size().unstack(fill_value=0).to_string())
print(df.data.value_counts().to_string())

