#!/usr/bin/env python3
"""Held-out questions, writer 'shipbroker'.

Persona: container-shipping broker's market analyst tracking solar module flows
Asia -> Europe / Americas; wants market sizes and prices to estimate cargo volumes.
Every expected figure below is computed from the data files; none is typed by hand.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "shipbroker"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

# aggregates in the real CSV (never counted as countries)
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}

SCEN = {
    None: None,
    "mp": "Forecast - Most probable",
    "high": "Forecast - High",
    "low": "Forecast - Low",
}


# ----------------------------------------------------------------- market
class Market:
    def __init__(self, path, last_hist=None):
        df = pd.read_csv(path)
        # exact duplicates, and duplicates that differ only in metadata columns
        df = df.drop_duplicates().drop_duplicates(KEY + [CAP])
        assert not df.duplicated(KEY).any(), "conflicting duplicate keys"
        self.df = df
        hist = df[df.Scenario == "Historical Primary"]
        self.last_hist = hist.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scen=None):
        if scen is not None:
            return SCEN[scen]
        if year <= self.last_hist[terr]:
            return "Historical Primary"
        return SCEN["mp"]

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen(terr, year, scen)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r[CAP].iloc[0])

    def has(self, terr, year, typ="Annual", conn="Total", scen=None):
        try:
            self.v(terr, year, typ, conn, scen)
            return True
        except (AssertionError, KeyError):
            return False

    def series(self, terr, typ="Annual", conn="Total", scen="Historical Primary",
               y0=None, y1=None):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == scen) & (d.Connection == conn)
              & (d.Type == typ)]
        if y0 is not None:
            r = r[r.Year >= y0]
        if y1 is not None:
            r = r[r.Year <= y1]
        return r.set_index("Year")[CAP].sort_index()

    def rank(self, year, n, typ="Annual", conn="Total", scen=None,
             countries_only=True, exclude=("World",)):
        d = self.df
        s = scen or "Historical Primary"
        r = d[(d.Year == year) & (d.Scenario == s) & (d.Connection == conn)
              & (d.Type == typ)]
        if countries_only:
            r = r[~r.Territory.isin(AGGREGATES)]
        r = r[~r.Territory.isin(exclude)]
        r = r.sort_values(CAP, ascending=False).head(n)
        return list(r.Territory), [float(x) for x in r[CAP]]


# ----------------------------------------------------------------- prices
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None):
        d = self.df
        r = d[(d["item"] == item) & (d.description == desc) & (d.region == region)]
        if unit is not None:
            r = r[r.unit == unit]
        assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
        assert len(r) > 0
        return r.sort_values("date")

    def latest(self, *a, **k):
        r = self.s(*a, **k)
        last = r[r.date == r.date.max()]
        assert len(last) == 1, (a, len(last))
        return float(last.base_price.iloc[0]), last.date.iloc[0], last.unit.iloc[0]

    def at_month(self, ym, *a, **k):
        r = self.s(*a, **k)
        per = pd.Period(ym, "M")
        x = r[r.date.dt.to_period("M") == per]
        assert len(x) == 1, (ym, a, len(x))
        return float(x.base_price.iloc[0]), x.unit.iloc[0]

    def at_date(self, day, *a, **k):
        r = self.s(*a, **k)
        x = r[r.date == pd.Timestamp(day)]
        assert len(x) == 1, (day, a, len(x))
        return float(x.base_price.iloc[0])

    def span(self, *a, d0=None, d1=None, **k):
        r = self.s(*a, **k)
        if d0:
            r = r[r.date >= pd.Timestamp(d0)]
        if d1:
            r = r[r.date <= pd.Timestamp(d1)]
        return r

    def first(self, *a, **k):
        r = self.s(*a, **k)
        f = r[r.date == r.date.min()]
        assert len(f) == 1
        return float(f.base_price.iloc[0]), f.date.iloc[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def mw(v):
    return {"value": float(v), "unit": "MW"}


def unit(v, u):
    return {"value": float(v), "unit": u}


def pc(v):
    return {"value": float(v), "unit": "%"}


# ----------------------------------------------------------------- load
RM = Market(REAL_MARKET)
SM = Market(S_MARKET)
RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(S_PRICES))
FIN = pd.read_csv(S_FIN)


def fin(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period)
            & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True,
        why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": [str(n) for n in (names or [])],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    ITEMS.append(it)


HP = "Historical Primary"

# =====================================================================
# REAL instance -- market
# =====================================================================
R = "real"

# ---- lookups
add(R, "market",
    "Sizing NEUR inbound for next season. Germany's 2024 adds, total MW?",
    "lookup", [mw(RM.v("Germany", 2024))],
    how="market CSV: Germany, 2024, Historical Primary, Total, Annual")



add(R, "market",
    "Karachi boxes went crazy last year. Is that visible in the numbers? How much did Pakistan install in 2024?",
    "lookup", [mw(RM.v("Pakistan", 2024))],
    how="market CSV: Pakistan, 2024, Historical Primary, Total, Annual")

add(R, "market",
    "Rotterdam terminal wants a view on Dutch domestic demand. Netherlands, most probable scenario - new PV capacity expected in 2026? and 2027?",
    "lookup", [mw(RM.v("Netherlands", 2026, scen="mp")), mw(RM.v("Netherlands", 2027, scen="mp"))],
    how="market CSV: Netherlands, 2026 and 2027, Forecast - Most probable, Total, Annual")


add(R, "market",
    "china 2023 new installs, MW? need it for the transpacific vs FE-NEUR split",
    "lookup", [mw(RM.v("China", 2023))],
    how="market CSV: China, 2023, Historical Primary (not Secondary), Total, Annual")

# ---- rankings (countries only)
n5, v5 = RM.rank(2024, 5)
add(R, "market",
    "Building a lane-by-lane demand deck. top 5 countries by PV added in 2024, with MW each",
    "rank", [mw(x) for x in v5], n5,
    how="market CSV: 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

n10, v10 = RM.rank(2024, 10, typ="Cumulative")
add(R, "market",
    "Need a fleet-size view for replacement/repowering cargo. Which 10 countries had the biggest installed PV fleet at end-2024? Just the list in order.",
    "rank", [], n10,
    how="market CSV: 2024 Cumulative Total Historical Primary, countries only, top 10 names")

n3d, v3d = RM.rank(2023, 3, conn="Distributed")
add(R, "market",
    "Rooftop kits move in smaller lots, so I track DG separately. Top 3 countries for distributed PV added in 2023?",
    "rank", [mw(x) for x in v3d], n3d,
    how="market CSV: 2023 Annual Distributed Historical Primary, countries only, top 3")

n30, v30 = RM.rank(2030, 3, scen=SCEN["mp"])
add(R, "market",
    "Looking out to 2030 (most probable case): which 3 countries add the most PV that year?",
    "rank", [mw(x) for x in v30], n30,
    how="market CSV: 2030 Annual Total Forecast - Most probable, countries only (forecasts exist only for European countries/Türkiye/Ukraine), top 3")

# ---- shares
add(R, "market",
    "Trying to gauge how much module output stays home vs gets boxed for export. China's share of global PV additions in 2024, %?",
    "share", [pc(RM.v("China", 2024) / RM.v("World", 2024) * 100)],
    how="China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

add(R, "market",
    "Germany 2024: what % of the newly added capacity was distributed (rooftop)?",
    "share", [pc(RM.v("Germany", 2024, conn="Distributed") / RM.v("Germany", 2024) * 100)],
    how="Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

add(R, "market",
    "US fleet as share of the world's cumulative PV at end-2024?",
    "share", [pc(RM.v("USA", 2024, typ="Cumulative") / RM.v("World", 2024, typ="Cumulative") * 100)],
    how="USA 2024 Cumulative Total / World 2024 Cumulative Total x100")

add(R, "market",
    "Spanish market is mostly utility-scale I think - what share of Spain's 2024 adds was centralised?",
    "share", [pc(RM.v("Spain", 2024, conn="Centralised") / RM.v("Spain", 2024) * 100)],
    how="Spain 2024 Annual Centralised / Spain 2024 Annual Total x100")


# ---- change
add(R, "market",
    "Nhava Sheva inbound looked strong last year. India y/y 2024 vs 2023 on new capacity - % change?",
    "change", [pc(pct(RM.v("India", 2023), RM.v("India", 2024)))],
    how="(India 2024 - India 2023)/India 2023 x100, Annual Total")

add(R, "market",
    "Asia-Europe panel volumes roughly tracked global demand pre-Red Sea. Global annual PV additions CAGR 2019-2024?",
    "change", [pc(cagr(RM.v("World", 2019), RM.v("World", 2024), 5))],
    how="(World 2024 / World 2019)^(1/5)-1, Annual Total Historical Primary")


add(R, "market",
    "Our Santos/Itajai calls are flat. Brazil 2024 installs vs 2023, % y/y?",
    "change", [pc(pct(RM.v("Brazil", 2023), RM.v("Brazil", 2024)))],
    how="(Brazil 2024 - 2023)/2023 x100, Annual Total")

add(R, "market",
    "Spain annual additions, most probable case: CAGR from 2025 to 2030? need it for a 5y Valencia/Algeciras volume curve",
    "change", [pc(cagr(RM.v("Spain", 2025, scen="mp"), RM.v("Spain", 2030, scen="mp"), 5))],
    how="(Spain 2030 MP / Spain 2025 MP)^(1/5)-1, Annual Total Forecast - Most probable")


# ---- compare
us24, in24 = RM.v("USA", 2024), RM.v("India", 2024)
add(R, "market",
    "US vs India 2024 adds - which is bigger and by how many MW?",
    "compare", [mw(us24), mw(in24), mw(us24 - in24)], ["USA"],
    how="USA and India 2024 Annual Total; difference USA - India")

add(R, "market",
    "Med lane check: Spain, Italy, France new PV in 2023, side by side",
    "compare", [mw(RM.v(c, 2023)) for c in ["Spain", "Italy", "France"]],
    how="Spain, Italy, France 2023 Annual Total Historical Primary")


add(R, "market",
    "For Germany 2030, spread between high and low scenario additions in MW?",
    "compare", [mw(RM.v("Germany", 2030, scen="high")), mw(RM.v("Germany", 2030, scen="low")),
                mw(RM.v("Germany", 2030, scen="high") - RM.v("Germany", 2030, scen="low"))],
    how="Germany 2030 Annual Total Forecast - High minus Forecast - Low")

add(R, "market",
    "Intra-Asia side now. japan vs korea 2024 installes - how many times bigger is Japan?",
    "compare", [mw(RM.v("Japan", 2024)), mw(RM.v("Korea", 2024)),
                unit(RM.v("Japan", 2024) / RM.v("Korea", 2024), "x")],
    how="Japan 2024 Annual Total / Korea 2024 Annual Total")

# ---- extremes
s = RM.series("Germany")
add(R, "market",
    "Hamburg/Bremerhaven say they had a record year for panels. Germany's record year for new PV, whole history - which year and how much?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    how="max of Germany Annual Total Historical Primary over all years")

s = RM.series("Spain")
add(R, "market",
    "peak year for spanish installs?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    how="max of Spain Annual Total Historical Primary over all years")

s = RM.series("Italy", y0=2010, y1=2024)
add(R, "market",
    "Italy went quiet after the Conto Energia boom. Lowest year for Italian adds between 2010 and 2024?",
    "extreme", [mw(s.min())], [int(s.idxmin())],
    how="min of Italy Annual Total Historical Primary 2010-2024")

# ---- averages
s = RM.series("USA", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market",
    "LA/LB + Houston project cargo baseline. Avg annual US additions 2020-2024 incl.?",
    "average", [mw(s.mean())],
    how="mean of USA Annual Total Historical Primary 2020..2024")

s = RM.series("Poland", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market",
    "Gdansk DCT volumes - trying a baseline. Average yearly PV adds in Poland over 2020-24?",
    "average", [mw(s.mean())],
    how="mean of Poland Annual Total Historical Primary 2020..2024")

# ---- sums
s = RM.series("India", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market",
    "Mundra/Nhava Sheva 5-yr view. Total PV India added 2020 through 2024, summed?",
    "sum", [mw(s.sum())],
    how="sum of India Annual Total Historical Primary 2020..2024")


add(R, "market",
    "Iberia combined: Spain + Portugal adds in 2024?",
    "sum", [mw(RM.v("Spain", 2024) + RM.v("Portugal", 2024))],
    how="Spain 2024 + Portugal 2024 Annual Total")

nafta = ["USA", "Mexico", "Canada"]
add(R, "market",
    "USMCA lane: US+Mexico+Canada new PV 2024 all together?",
    "sum", [mw(sum(RM.v(c, 2024) for c in nafta))],
    how="USA + Mexico + Canada 2024 Annual Total")

# ---- first / latest
s = RM.series("Pakistan")
yr = int(s[s > 1000].index.min())
add(R, "market",
    "First year Pakistan cleared 1,000 MW of annual adds?",
    "first_latest", [mw(s[yr])], [yr],
    how="earliest year with Pakistan Annual Total Historical Primary > 1000 MW")

wl = RM.last_hist["World"]
add(R, "market",
    "what's the latest year of actuals you have, and global adds that year?",
    "first_latest", [mw(RM.v("World", wl))], [wl],
    how="last Historical Primary year for World, World Annual Total that year")

s = RM.series("India")
yr = int(s[s > 10000].index.min())
add(R, "market",
    "When did India first go above 10 GW added in a year?",
    "first_latest", [mw(s[yr])], [yr],
    how="earliest year with India Annual Total Historical Primary > 10000 MW")

# =====================================================================
# REAL instance -- prices
# =====================================================================
v, d, u = RP.latest("Module", "n-type TOPCon", "China")
add(R, "price",
    "Need a cargo value per box estimate for insurance. Latest n-type TOPCon module price, China?",
    "price", [unit(v, u)], [d.strftime("%Y")],
    how=f"prices parquet: Module / n-type TOPCon / China, newest date {d.date()}")

vus, dus, u = RP.latest("Module", "n-type TOPCon", "US")
veu, deu, _ = RP.latest("Module", "n-type TOPCon", "EU")
add(R, "price",
    "TOPCon modules landed US vs EU, latest prices - what's the gap in US$/Wp?",
    "price", [unit(vus, u), unit(veu, u), unit(vus - veu, u)],
    how=f"Module n-type TOPCon US latest ({dus.date()}) minus EU latest ({deu.date()})")

v, u = RP.at_month("2024-03", "Copper", "Copper", "Overseas")
add(R, "price",
    "Cabling/copper cargo is booked by a sister desk. copper price March 2024?",
    "price", [unit(v, u)],
    how="prices parquet: Copper / Copper / Overseas, monthly observation dated 2024-03")

r = RP.s("Polysilicon", "High purity - 9N/9N+", "Overseas")
add(R, "price",
    "polysilcon high purity 9N/9N+ overseas - highest price on record?",
    "price", [unit(r.base_price.max(), r.unit.iloc[0])], [str(r.loc[r.base_price.idxmax(), "date"].year)],
    how="max base_price of Polysilicon / High purity - 9N/9N+ / Overseas over the whole series")

f0, fd = RP.first("Module", "n-type TOPCon", "EU")
vl, dl, u = RP.latest("Module", "n-type TOPCon", "EU")
add(R, "price",
    "EU TOPCon module price - % change from the first reading you have to the latest?",
    "price", [unit(f0, u), unit(vl, u), pc(pct(f0, vl))],
    how=f"Module n-type TOPCon EU: first ({fd.date()}) vs latest ({dl.date()}), % change")

r = RP.s("Module", "n-type TOPCon", "US")
add(R, "price",
    "Lowest US TOPCon module price in the series?",
    "price", [unit(r.base_price.min(), r.unit.iloc[0])],
    how="min base_price of Module / n-type TOPCon / US over the whole series")

r = RP.span("Aluminium", "Aluminium", "Overseas", d0="2024-01-01", d1="2024-12-31")
assert len(r) == 12
add(R, "price",
    "Frames are mostly aluminium - average aluminium price over calendar 2024?",
    "price", [unit(r.base_price.mean(), r.unit.iloc[0])],
    how="mean of 12 monthly Aluminium Overseas observations dated in 2024")

lat = {reg: RP.latest("Module", "n-type TOPCon", reg) for reg in ["China", "EU", "US"]}
cheap = min(lat, key=lambda k: lat[k][0])
add(R, "price",
    "Of China, EU and US - where are n-type TOPCon modules cheapest right now (latest), and at what price?",
    "price", [unit(lat[cheap][0], lat[cheap][2])], [cheap],
    how="latest Module n-type TOPCon price per region China/EU/US; minimum")

vh, dh, u = RP.latest("Module", "n-type HJT", "China")
vt, dt, _ = RP.latest("Module", "n-type TOPCon", "China")
add(R, "price",
    "A couple of shippers are switching lines to HJT. HJT vs TOPCon modules in China, latest - what's the premium for HJT in US$/Wp?",
    "price", [unit(vh, u), unit(vt, u), unit(vh - vt, u)],
    how=f"latest Module n-type HJT China ({dh.date()}) minus latest n-type TOPCon China ({dt.date()})")

# =====================================================================
# SAMPLE instance -- market
# =====================================================================
S = "sample"
add(S, "market",
    "Genoa/La Spezia desk is asking. Italy 2024 new PV capacity, MW?",
    "lookup", [mw(SM.v("Italy", 2024))],
    how="sample market: Italy 2024 Historical Primary Total Annual")

add(S, "market",
    "Polish fleet at end of 2022 - cumulative?",
    "lookup", [mw(SM.v("Poland", 2022, typ="Cumulative"))],
    how="sample market: Poland 2022 Historical Primary Total Cumulative")

add(S, "market",
    "We're bidding a 3-year COA into Valencia. Spain's expected adds in 2027, most probable?",
    "lookup", [mw(SM.v("Spain", 2027, scen="mp"))],
    how="sample market: Spain 2027 Forecast - Most probable Total Annual")

add(S, "market",
    "france rooftop/distributed adds 2023? and centralised?",
    "lookup", [mw(SM.v("France", 2023, conn="Distributed")), mw(SM.v("France", 2023, conn="Centralised"))],
    how="sample market: France 2023 Historical Primary Annual, Distributed and Centralised")

sc = [t for t in SM.df.Territory.unique() if t != "World"]
r24 = sorted(sc, key=lambda c: -SM.v(c, 2024))[:3]
add(S, "market",
    "Splitting the North Europe / Med allocation. Top 3 country markets in 2024 by new capacity?",
    "rank", [mw(SM.v(c, 2024)) for c in r24], r24,
    how="sample market: 2024 Annual Total Historical Primary, countries (World excluded), top 3")

rc = sorted(sc, key=lambda c: -SM.v(c, 2024, typ="Cumulative"))
add(S, "market",
    "rank the countries you have by installed base end-2024, largest to smallest",
    "rank", [mw(SM.v(c, 2024, typ="Cumulative")) for c in rc], rc,
    how="sample market: 2024 Cumulative Total Historical Primary, all countries, sorted desc")

rh = sorted(sc, key=lambda c: -SM.v(c, 2030, scen="high"))[:2]
add(S, "market",
    "high scenario 2030 - which two countries add most?",
    "rank", [mw(SM.v(c, 2030, scen="high")) for c in rh], rh,
    how="sample market: 2030 Annual Total Forecast - High, countries, top 2")

add(S, "market",
    "Germany's share of world PV adds in 2024?",
    "share", [pc(SM.v("Germany", 2024) / SM.v("World", 2024) * 100)],
    how="sample market: Germany 2024 Annual Total / World 2024 Annual Total x100")

add(S, "market",
    "NL 2024: distributed as % of total new capacity?",
    "share", [pc(SM.v("Netherlands", 2024, conn="Distributed") / SM.v("Netherlands", 2024) * 100)],
    how="sample market: Netherlands 2024 Annual Distributed / Total x100")


add(S, "market",
    "Spain went from almost nothing to a top market. Spanish annual installs CAGR 2015-2024?",
    "change", [pc(cagr(SM.v("Spain", 2015), SM.v("Spain", 2024), 9))],
    how="sample market: (Spain 2024 / Spain 2015)^(1/9)-1, Annual Total")

add(S, "market",
    "Polish rooftop boom seemed to stall. Poland y/y 2023, % change in adds vs 2022?",
    "change", [pc(pct(SM.v("Poland", 2022), SM.v("Poland", 2023)))],
    how="sample market: (Poland 2023 - 2022)/2022 x100, Annual Total")

add(S, "market",
    "Global adds most probable 2025 to 2030 - CAGR?",
    "change", [pc(cagr(SM.v("World", 2025, scen="mp"), SM.v("World", 2030, scen="mp"), 5))],
    how="sample market: (World 2030 MP / World 2025 MP)^(1/5)-1, Annual Total")

add(S, "market",
    "Weighing Hamburg vs Le Havre/Fos demand. Germany vs France, 2030 adds under the high case?",
    "compare", [mw(SM.v("Germany", 2030, scen="high")), mw(SM.v("France", 2030, scen="high"))],
    how="sample market: Germany and France 2030 Annual Total Forecast - High")

add(S, "market",
    "Italy vs Spain vs Netherlands - installed base end-2023?",
    "compare", [mw(SM.v(c, 2023, typ="Cumulative")) for c in ["Italy", "Spain", "Netherlands"]],
    how="sample market: 2023 Cumulative Total Historical Primary for IT, ES, NL")

s = SM.series("Netherlands")
add(S, "market",
    "Dutch market - peak year for annual adds?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    how="sample market: max Netherlands Annual Total Historical Primary")

s = SM.series("Poland")
add(S, "market",
    "Poland's strongest year on record for installs, MW?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    how="sample market: max Poland Annual Total Historical Primary")

s = SM.series("World", y0=2020, y1=2024)
assert len(s) == 5
add(S, "market",
    "Need a global demand baseline for the model. avg global PV additions per year, 2020-2024?",
    "average", [mw(s.mean())],
    how="sample market: mean World Annual Total Historical Primary 2020..2024")

s = SM.series("France", scen=SCEN["low"], y0=2025, y1=2030)
assert len(s) == 6
add(S, "market",
    "Worst case planning: France low scenario, average yearly adds 2025-30?",
    "average", [mw(s.mean())],
    how="sample market: mean France Annual Total Forecast - Low 2025..2030")

add(S, "market",
    "Need one EU demand number for the tender. sum of 2024 adds across all six countries you cover (excl. world)?",
    "sum", [mw(sum(SM.v(c, 2024) for c in sc))],
    how="sample market: sum of 2024 Annual Total over FR, DE, IT, NL, PL, ES")

s = SM.series("World", y0=2022, y1=2024)
assert len(s) == 3
add(S, "market",
    "Back-of-envelope on 3 yrs of cargo: global PV added 2022+2023+2024 combined, MW?",
    "sum", [mw(s.sum())],
    how="sample market: sum World Annual Total Historical Primary 2022..2024")

s = SM.series("Poland")
yr = int(s[s > 1000].index.min())
add(S, "market",
    "First year Poland topped 1 GW of new PV?",
    "first_latest", [mw(s[yr])], [yr],
    how="sample market: earliest year with Poland Annual Total Historical Primary > 1000 MW")

ly = SM.last_hist["Spain"]
add(S, "market",
    "Latest actual (non-forecast) year for Spain and the adds that year?",
    "first_latest", [mw(SM.v("Spain", ly))], [ly],
    how="sample market: last Historical Primary year for Spain, Annual Total")

add(S, "market",
    "Long-range repowering question. Germany installed base by 2030, most probable scenario?",
    "lookup", [mw(SM.v("Germany", 2030, typ="Cumulative", scen="mp"))],
    how="sample market: Germany 2030 Forecast - Most probable Total Cumulative (sample cumulative includes the installed base)")

# =====================================================================
# SAMPLE instance -- prices
# =====================================================================
v, d, u = SP.latest("Module", "n-type TOPCon", "EU")
add(S, "price",
    "Customer is quoting CIF Rotterdam. latest TOPCon module price delivered EU?",
    "price", [unit(v, u)],
    how=f"sample prices: Module / n-type TOPCon / EU, newest date {d.date()}")

v, u = SP.at_month("2024-03", "Module", "n-type TOPCon", "China")
add(S, "price",
    "China TOPCon module price in March 2024?",
    "price", [unit(v, u)],
    how="sample prices: Module / n-type TOPCon / China, 2024-03")

r = SP.s("Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price",
    "Low point for Chinese polysilicon (9N/9N+) in the series - price and when?",
    "price", [unit(r.base_price.min(), r.unit.iloc[0])],
    [r.loc[r.base_price.idxmin(), "date"].strftime("%Y")],
    how="sample prices: min of Polysilicon / High purity - 9N/9N+ / China")

a, _ = SP.at_month("2023-01", "Module", "n-type HJT", "US")
b, _ = SP.at_month("2024-12", "Module", "n-type HJT", "US")
add(S, "price",
    "US HJT module price, % change Jan-23 to Dec-24?",
    "price", [pc(pct(a, b))],
    how="sample prices: Module n-type HJT US, (2024-12 - 2023-01)/2023-01 x100")

t, u = SP.at_month("2024-12", "Module", "n-type TOPCon", "China")
pp, _ = SP.at_month("2024-12", "Module", "p-type mono-Si PERC M10", "China")
add(S, "price",
    "TOPCon vs PERC M10 module in China, Dec 2024 - premium for TOPCon?",
    "price", [unit(t, u), unit(pp, u), unit(t - pp, u)],
    how="sample prices: Module China 2024-12, n-type TOPCon minus p-type mono-Si PERC M10")

regs = ["China", "EU", "India", "US"]
dec = {reg: SP.at_month("2024-12", "Module", "n-type TOPCon", reg)[0] for reg in regs}
cheap = min(dec, key=dec.get)
dear = max(dec, key=dec.get)
add(S, "price",
    "Dec 2024 TOPCon module prices across regions - cheapest and most expensive?",
    "price", [unit(dec[cheap], "US$/Wp"), unit(dec[dear], "US$/Wp")], [cheap, dear],
    how="sample prices: Module n-type TOPCon 2024-12 per region; min and max")

r = SP.span("PV glass", "Glass 3,2mm", "EU", d0="2024-01-01", d1="2024-12-31")
assert len(r) == 12
add(S, "price",
    "3.2mm glass in the EU - average price across 2024?",
    "price", [unit(r.base_price.mean(), r.unit.iloc[0])],
    how="sample prices: mean of 12 monthly PV glass / Glass 3,2mm / EU observations in 2024")

# =====================================================================
# financials (sample financials, loaded on both instances)
# =====================================================================
v, u = fin("Helios", "FY2024", "Revenue")
add(R, "manufacturer_financial",
    "Helios is one of our bigger BCO accounts. Helios Modules FY2024 revenue?",
    "financial", [unit(v, u)],
    how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fin("SunForge", "2024-Q4", "Gross margin")
add(S, "manufacturer_financial",
    "Heard SunForge is squeezing freight budgets. sunforge gross margin Q4 2024?",
    "financial", [unit(v, "%")],
    how="financials: SunForge Energy (sample), 2024-Q4, Gross margin")

a, u = fin("Aurora", "FY2023", "Module shipments")
b, _ = fin("Aurora", "FY2024", "Module shipments")
add(R, "manufacturer_financial",
    "Shipments drive our bookings. Aurora PV module shipments FY24 vs FY23, % growth?",
    "financial", [unit(a, u), unit(b, u), pc(pct(a, b))],
    how="financials: Aurora PV Group (sample) Module shipments FY2023 and FY2024, % change")

fy = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")]
top = fy.loc[fy.value.idxmax()]
add(S, "manufacturer_financial",
    "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [unit(top.value, top.unit)], [top.company.split(" (")[0].split()[0]],
    how="financials: FY2024 Module shipments, max over companies")

v, u = fin("Helios", "2024-Q4", "Production capacity")
add(S, "manufacturer_financial",
    "helios production capacity at Q4-24, GW?",
    "financial", [unit(v, u)],
    how="financials: Helios Modules Ltd (sample), 2024-Q4, Production capacity")

tot = fy.value.sum()
add(R, "manufacturer_financial",
    "Rough proxy for export boxes: total FY2024 module shipments of all manufacturers you track, summed?",
    "financial", [unit(tot, fy.unit.iloc[0])],
    how="financials: sum of FY2024 Module shipments over the four companies")

a, u = fin("SunForge", "FY2023", "Revenue")
b, _ = fin("SunForge", "FY2024", "Revenue")
add(S, "manufacturer_financial",
    "SunForge revenue y/y FY24 vs FY23?",
    "financial", [pc(pct(a, b))],
    how="financials: SunForge Energy (sample) Revenue, (FY2024 - FY2023)/FY2023 x100")

q = FIN[(FIN.company.str.startswith("Aurora")) & (FIN.metric == "Gross margin")
        & (FIN.period.str.contains("-Q"))]
lo = q.loc[q.value.idxmin()]
add(R, "manufacturer_financial",
    "Aurora PV - weakest quarter for gross margin over 2023-24?",
    "financial", [unit(lo.value, "%")], [lo.period.split("-")[1], lo.period.split("-")[0]],
    how="financials: Aurora PV Group (sample) quarterly Gross margin, min")

a, u = fin("Helios", "FY2024", "Net income")
b, _ = fin("SunForge", "FY2024", "Net income")
add(S, "manufacturer_financial",
    "Two shippers on the same lane, checking credit risk. Helios vs SunForge net income FY2024?",
    "financial", [unit(a, u), unit(b, u)],
    how="financials: FY2024 Net income for Helios Modules Ltd and SunForge Energy")


# =====================================================================
# follow-up chains
# =====================================================================
add(R, "market",
    ["Santos/San Antonio lane review. Brazil 2024 adds?", "and chile?"],
    "follow_up", [mw(RM.v("Chile", 2024))],
    how="market CSV: Chile 2024 Annual Total Historical Primary")

n5b, v5b = RM.rank(2023, 5)
add(R, "market",
    ["top 5 countries by new PV in 2024", "same for 2023"],
    "follow_up", [mw(x) for x in v5b], n5b,
    how="market CSV: 2023 Annual Total Historical Primary, countries only, top 5")

add(R, "market",
    ["Germany most probable 2027 additions?", "same for the high scenario"],
    "follow_up", [mw(RM.v("Germany", 2027, scen="high"))],
    how="market CSV: Germany 2027 Forecast - High Total Annual")

v, d, u = RP.latest("Module", "n-type TOPCon", "US")
veu, deu, _ = RP.latest("Module", "n-type TOPCon", "EU")
add(R, "price",
    ["Latest TOPCon module price in the US?", "and EU?"],
    "follow_up", [unit(veu, u)],
    how=f"prices parquet: Module / n-type TOPCon / EU latest ({deu.date()})")

add(R, "market",
    ["India adds 2022, 2023, 2024?", "y/y % for 2024 vs 2023?"],
    "follow_up", [pc(pct(RM.v("India", 2023), RM.v("India", 2024)))],
    how="market CSV: (India 2024 - 2023)/2023 x100 Annual Total")

add(R, "market",
    ["Spain installs 2024, MW?", "what share of that was distributed?"],
    "follow_up", [pc(RM.v("Spain", 2024, conn="Distributed") / RM.v("Spain", 2024) * 100)],
    how="market CSV: Spain 2024 Annual Distributed / Total x100")



a, u = RP.at_month("2025-01", "Copper", "Copper", "Overseas")
b, _ = RP.at_month("2025-04", "Copper", "Copper", "Overseas")
add(R, "price",
    ["copper Jan 2025?", "and April 2025 - % change since Jan?"],
    "follow_up", [unit(b, u), pc(pct(a, b))],
    how="prices parquet: Copper Overseas monthly 2025-04 and (2025-04 - 2025-01)/2025-01 x100")

it24, es24 = SM.v("Italy", 2024), SM.v("Spain", 2024)
add(S, "market",
    ["Italy 2024 adds?", "and Spain?", "so which is bigger, by how many MW?"],
    "follow_up", [mw(es24 - it24 if es24 > it24 else it24 - es24)],
    ["Spain" if es24 > it24 else "Italy"],
    how="sample market: |Spain 2024 - Italy 2024| Annual Total, larger named")

v, u = SP.at_month("2024-12", "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price",
    ["Polysilicon 9N/9N+ China, Dec 2024?", "EU same month?"],
    "follow_up", [unit(v, u)],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / EU, 2024-12")

s = SM.series("Germany", y0=2019, y1=2024)
add(S, "market",
    ["Germany annual adds 2019 to 2024?", "chart that pls"],
    "follow_up", [mw(x) for x in s.values],
    how="sample market: Germany Annual Total Historical Primary 2019..2024 (charted)")

a, u = fin("Helios", "2024-Q4", "Revenue")
add(S, "manufacturer_financial",
    ["Helios revenue Q3 2024?", "and Q4?"],
    "follow_up", [unit(a, u)],
    how="financials: Helios Modules Ltd (sample), 2024-Q4, Revenue")

add(S, "market",
    ["World adds 2030 most probable?", "low case?"],
    "follow_up", [mw(SM.v("World", 2030, scen="low"))],
    how="sample market: World 2030 Forecast - Low Annual Total")

add(S, "market",
    ["Netherlands installed base end-2024?", "Poland?"],
    "follow_up", [mw(SM.v("Poland", 2024, typ="Cumulative"))],
    how="sample market: Poland 2024 Cumulative Total Historical Primary")

# =====================================================================
# unanswerable
# =====================================================================
def no(data, agent, turns, why, how="not in the loaded data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


no(R, "market",
   "Building a TEU model bottom-up. How many TEU of solar modules moved Shanghai-Rotterdam in 2024?",
   "No trade/shipping flows or container volumes; data holds installed PV capacity only.")
no(R, "market",
   "EU module imports from China in 2024, GW? and what share came via Rotterdam vs Antwerp?",
   "No import/trade-flow or port data; only installations by territory.")
no(R, "price",
   "What's the current FEU spot rate Far East-North Europe for module cargo?",
   "Freight rates are not a price item in the data (only PV components and raw materials).")
no(R, "market",
   "Germany onshore wind additions 2024? want to compare with PV for the breakbulk side",
   "Wind capacity is not held; data covers PV only.")
no(R, "market",
   "Batteries go as DG cargo so it's a separate desk. US battery storage installs 2024 in MWh?",
   "Storage/BESS installations are not held; PV only.")
no(R, "market",
   "Utility-scale PV LCOE in Spain 2024, EUR/MWh?",
   "LCOE is not a measure in the data.")
no(R, "market",
   "Italy PV generation 2023 in GWh?",
   "Electricity generation (GWh) is not held; only capacity in MW.")
no(R, "market",
   "market value of German PV installs in 2024 in EUR bn?",
   "Market value in currency is not held; only capacity.")
no(R, "market",
   "HCMC exports aside, want Vietnamese domestic demand. Vietnam most probable forecast for 2027 - adds in MW?",
   "No forecast scenarios exist for Vietnam in the data (forecasts only for European countries, Türkiye, Ukraine and aggregates).")
no(R, "market",
   "US adds forecast for 2026, most probable case?",
   "No forecast exists for the USA in the loaded market CSV.")
no(R, "market",
   "Germany installed base end-2028 under most probable?",
   "Forecast cumulative values in the real CSV exclude the installed base; not a valid fleet figure.")
no(R, "market",
   "Nigeria PV installs 2024? lots of gensets being swapped for solar on the West Africa lane",
   "Nigeria is not a territory in the data.")
no(R, "market",
   "Spain 2035 additions, most probable?",
   "Forecasts stop at 2030.")
no(R, "price",
   "Module prices delivered Brazil, TOPCon, latest?",
   "No Brazil price region; module regions are China, EU, US, Overseas, Australia, India.")
no(R, "price",
   "string inverter prices - latest US$/W?",
   "Inverters are not a price item in the data.")
no(R, "price",
   "What % of a TOPCon module's price is the polysilicon cost?",
   "A share/cost breakdown of a price is not held; prices are separate series.")
no(R, "market",
   "Solar thermal collector installs in Greece 2023?",
   "Solar thermal is not covered; data is PV only.")
no(R, "price",
   "avg efficiency of TOPCon modules shipped in 2024?",
   "Module efficiency is not held.")
no(R, "market",
   "US AD/CVD tariff rate on Vietnamese modules currently?",
   "Tariffs/trade duties are not held.")
no(R, "manufacturer_financial",
   "LONGi is the big name on our Ningbo loadings. LONGi revenue Q3 2024?",
   "LONGi is not in the financials (only four sample companies).")
no(S, "manufacturer_financial",
   "Helios EBITDA FY2024?",
   "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity only).")
no(S, "manufacturer_financial",
   "SunForge revenue 2022?",
   "Financials cover 2023 and 2024 only.")
no(S, "market",
   "India desk wants the same view as Europe. India new PV 2024 in MW?",
   "India is not in the sample market data (France, Germany, Italy, Netherlands, Poland, Spain, World).")
no(S, "market",
   "US installed base end-2024?",
   "USA is not in the sample market data.")
no(S, "price",
   "TOPCon module price Overseas (FOB China) Dec 2024?",
   "No Overseas region in the sample prices (China, EU, India, US).")
no(S, "price",
   "Looking back at the 2022 spike. polysilicon China Q1 2022 price?",
   "Sample prices cover Jan 2023 - Dec 2024 only.")
no(S, "price",
   "Silver price latest? paste consumption is a big cost driver",
   "Silver is not in the sample prices.")
no(R, "market",
   "Quick one - how many 40'HC boxes does 1 GW of modules fill?",
   "Container loading / module weight and dimensions are not held.")
no(S, "market",
   "Germany ytd 2025 installs through Q2?",
   "Only annual figures; 2025 is forecast, no quarterly or year-to-date actuals.")
no(R, "price",
   "PV glass 3.2mm price in the EU, latest?",
   "PV glass prices are held for China only.")


# =====================================================================
# self-check
# =====================================================================
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
n_fu = sum(len(i["turns"]) >= 2 for i in ITEMS)
assert n >= 110, n
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert not i["expect"] and i.get("why"), i["id"]
    assert i["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme",
                         "average", "sum", "first_latest", "price", "financial",
                         "follow_up", "unanswerable"}, i["id"]
    assert i["data"] in {"real", "sample"}

with open(HERE / "questions.jsonl", "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print(f"items: {n}  unanswerable: {n_un}  follow-up chains: {n_fu}")
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
print("kind x data:")
for k, c in sorted(Counter((i["kind"], i["data"]) for i in ITEMS).items()):
    print(f"  {k[0]:<14} {k[1]:<7} {c}")
