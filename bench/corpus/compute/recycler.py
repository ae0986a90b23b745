"""Writer "recycler": strategy lead at a European PV-module recycling start-up.

Reads the data files with pandas, computes every expected figure and writes
questions.jsonl next to this script. No expected number is typed by hand.
Run with: python3 compute.py (needs pandas and pyarrow)
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "recycler"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP, HI, LO = "Forecast - Most probable", "Forecast - High", "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}


# ----------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path).drop_duplicates()
        # after exact duplicates, some keys repeat with different metadata
        # (AC/DC, Estimated/Confirmed) but never with a different capacity
        assert (df.groupby(KEY, dropna=False)["Capacity(MW)"].nunique(dropna=False) <= 1).all()
        df = df.drop_duplicates(KEY)
        self.df = df
        h = df[df.Scenario == HIST]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scenario=None):
        if scenario:
            return scenario
        return HIST if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scenario=None):
        s = self.scen(terr, year, scenario)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        val = float(r["Capacity(MW)"].iloc[0])
        assert val == val, ("NaN", terr, year)
        return val

    def series(self, terr, typ="Annual", conn="Total", scenario=HIST, y0=None, y1=None):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == scenario) & (d.Connection == conn)
              & (d.Type == typ)].dropna(subset=["Capacity(MW)"])
        if y0 is not None:
            r = r[r.Year >= y0]
        if y1 is not None:
            r = r[r.Year <= y1]
        return r.set_index("Year")["Capacity(MW)"].sort_index()

    def rank(self, year, typ="Annual", conn="Total", n=5, scenario=None, countries=None):
        d = self.df
        s = scenario or (HIST if year <= max(self.last_hist.values()) else MP)
        r = d[(d.Year == year) & (d.Scenario == s) & (d.Connection == conn) & (d.Type == typ)
              & (~d.Territory.isin(AGGREGATES))].dropna(subset=["Capacity(MW)"])
        if countries is not None:
            r = r[r.Territory.isin(countries)]
        r = r.sort_values("Capacity(MW)", ascending=False).head(n)
        # no tie at the cut
        return list(zip(r.Territory, r["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def mw(x):
    return {"value": float(x), "unit": "MW"}


def pc(x):
    return {"value": float(x), "unit": "%"}


# ----------------------------------------------------------------- prices
class Prices:
    def __init__(self, path):
        if path.endswith(".parquet"):
            df = pd.read_parquet(path)
        else:
            df = pd.read_csv(path)
        df = df.drop_duplicates()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit):
        d = self.df
        r = d[(d["item"] == item) & (d.description == desc) & (d.region == region) & (d.unit == unit)]
        assert len(r), (item, desc, region, unit)
        return r.sort_values("date")

    def at(self, item, desc, region, unit, date):
        r = self.s(item, desc, region, unit)
        r = r[r.date == pd.Timestamp(date)]
        assert len(r) == 1, (item, desc, region, date, len(r))
        return float(r.base_price.iloc[0])

    def month(self, item, desc, region, unit, ym):
        r = self.s(item, desc, region, unit)
        r = r[r.date.dt.strftime("%Y-%m") == ym]
        assert len(r) == 1, (item, desc, region, ym, len(r))
        return float(r.base_price.iloc[0])

    def latest(self, item, desc, region, unit):
        r = self.s(item, desc, region, unit)
        last = r.date.max()
        r = r[r.date == last]
        assert len(r) == 1, (item, desc, region, "latest", len(r))
        return float(r.base_price.iloc[0]), last

    def first(self, item, desc, region, unit):
        r = self.s(item, desc, region, unit)
        d0 = r.date.min()
        r = r[r.date == d0]
        assert len(r) == 1
        return float(r.base_price.iloc[0]), d0

    def ext(self, item, desc, region, unit, kind="max", d0=None, d1=None):
        r = self.s(item, desc, region, unit)
        if d0:
            r = r[r.date >= pd.Timestamp(d0)]
        if d1:
            r = r[r.date <= pd.Timestamp(d1)]
        v = r.base_price.max() if kind == "max" else r.base_price.min()
        hits = r[r.base_price == v]
        return float(v), hits.date.tolist()

    def mean(self, item, desc, region, unit, d0, d1):
        r = self.s(item, desc, region, unit)
        r = r[(r.date >= pd.Timestamp(d0)) & (r.date <= pd.Timestamp(d1))]
        assert r.date.is_unique
        return float(r.base_price.mean()), len(r)


def money(x, unit):
    return {"value": float(x), "unit": unit}


def mname(ts):
    return pd.Timestamp(ts).strftime("%B %Y")


# ----------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.df = pd.read_csv(path)

    def v(self, company, period, metric):
        d = self.df
        r = d[(d.company == company) & (d.period == period) & (d.metric == metric)]
        assert len(r) == 1, (company, period, metric)
        return float(r.value.iloc[0]), r.unit.iloc[0]


# ----------------------------------------------------------------- build
RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(SAMPLE_PRICES)
F = Fin(FIN)

HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

items = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
        "answerable": answerable, "kind": kind, "expect": list(expect) if answerable else [],
        "names": [str(n) for n in names] if answerable else [], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
    items.append(it)


# ================================================================ REAL: market
# --- lookups
v = RM.v("Germany", 2005, "Cumulative")
add("real", "market",
    "Our first feedstock wave will be the early German rooftops. What was Germany's cumulative PV capacity at the end of 2005?",
    "lookup", [mw(v)], [], "market CSV: Germany, 2005, Historical Primary, Total, Cumulative")

v = RM.v("Italy", 2011)
add("real", "market", "Italy's 2011 vintage is a big chunk of our 2035+ pipeline. How much PV did Italy install in 2011?",
    "lookup", [mw(v)], [], "market CSV: Italy, 2011, Historical Primary, Total, Annual")

v = RM.v("Spain", 2024, "Cumulative", "Distributed")
add("real", "market",
    "Rooftop modules come back in small lots, so I need the distributed fleet separately. Spain's distributed installed base at end of 2024?",
    "lookup", [mw(v)], [], "market CSV: Spain, 2024, Historical Primary, Distributed, Cumulative")

v = RM.v("Poland", 2027, scenario=MP)
add("real", "market", "poland - most probable forecast for new PV capacity in 2027, in MW?",
    "lookup", [mw(v)], [], "market CSV: Poland, 2027, Forecast - Most probable, Total, Annual")


# --- rankings (countries only)
r = RM.rank(2010, "Cumulative", n=5)
add("real", "market",
    "Modules from 2010 and earlier hit end of life first. Which 5 countries had the largest installed base at end-2010?",
    "rank", [mw(x) for _, x in r], [t for t, _ in r],
    "market CSV: Cumulative, Total, Historical Primary, 2010, countries only (aggregates excluded), top 5")

r = RM.rank(2024, "Annual", n=3)
add("real", "market", "Looking at where the next wave of manufacturing scrap and installation breakage will come from. Top 3 countries by new PV installations in 2024?",
    "rank", [mw(x) for _, x in r], [t for t, _ in r],
    "market CSV: Annual, Total, Historical Primary, 2024, countries only, top 3")

r = RM.rank(2011, "Annual", n=5)
add("real", "market",
    "2011 was the big feed-in-tariff year. Rank the top five countries by capacity installed that year.",
    "rank", [mw(x) for _, x in r], [t for t, _ in r],
    "market CSV: Annual, Total, Historical Primary, 2011, countries only, top 5")

r = RM.rank(2024, "Cumulative", conn="Distributed", n=3)
add("real", "market", "Which three countries have the biggest distributed (rooftop) PV fleet at the end of 2024?",
    "rank", [mw(x) for _, x in r], [t for t, _ in r],
    "market CSV: Cumulative, Distributed, Historical Primary, 2024, countries only, top 3")

# --- shares
a, w = RM.v("Germany", 2010, "Cumulative"), RM.v("World", 2010, "Cumulative")
add("real", "market", "Germany dominated the early fleet, I want to quantify it. What share of the global installed base was in Germany at the end of 2010?",
    "share", [pc(a / w * 100)], [],
    "Germany / World, Cumulative, Total, Historical Primary, 2010, x100")

a, t = RM.v("Italy", 2024, "Annual", "Distributed"), RM.v("Italy", 2024)
add("real", "market",
    "Trying to split Italian volumes between rooftop and utility-scale. What % of Italy's 2024 additions was distributed?",
    "share", [pc(a / t * 100)], [],
    "Italy 2024 Annual: Distributed / Total x100, Historical Primary")

a, w = RM.v("China", 2024), RM.v("World", 2024)
add("real", "market", "china's share of world PV additions in 2024?",
    "share", [pc(a / w * 100)], [],
    "China / World, Annual, Total, Historical Primary, 2024, x100")


# --- change
a, b = RM.v("Spain", 2018, "Cumulative"), RM.v("Spain", 2024, "Cumulative")
add("real", "market", "Spanish utility plants are our likely first big repowering contracts. By what % did Spain's cumulative capacity grow between 2018 and 2024?",
    "change", [pc(pct(a, b))], [],
    "Spain Cumulative Total Historical Primary: (2024-2018)/2018 x100")

a, b = RM.v("World", 2010, "Cumulative"), RM.v("World", 2024, "Cumulative")
add("real", "market",
    "For the long-range waste model I need the growth rate of the global fleet. CAGR of world cumulative PV capacity 2010-2024?",
    "change", [pc(cagr(a, b, 14))], [],
    "World Cumulative Total Historical Primary: (2024/2010)^(1/14)-1")

a, b = RM.v("Germany", 2023), RM.v("Germany", 2024)
add("real", "market", "Germany's new installations in 2024 vs 2023: change in MW and in %?",
    "change", [mw(b - a), pc(pct(a, b))], [],
    "Germany Annual Total Historical Primary: 2024-2023, and /2023 x100")

a, b = RM.v("France", 2020, "Cumulative"), RM.v("France", 2024, "Cumulative")
add("real", "market", "How many MW did France's instaled fleet grow by from end-2020 to end-2024?",
    "change", [mw(b - a)], [],
    "France Cumulative Total Historical Primary: 2024 - 2020")

# --- comparisons
vals = [(c, RM.v(c, 2012, "Cumulative")) for c in ["Germany", "Italy", "Spain"]]
add("real", "market",
    "Comparing the three legacy markets for 2040s decommissioning: installed base of Germany, Italy and Spain at end of 2012?",
    "compare", [mw(x) for _, x in vals], [c for c, _ in vals],
    "Cumulative Total Historical Primary 2012 for Germany, Italy, Spain")

a, b = RM.v("Netherlands", 2023), RM.v("Belgium", 2023)
win = "Netherlands" if a > b else "Belgium"
add("real", "market", "Benelux question: did the Netherlands or Belgium add more PV in 2023, and how much each?",
    "compare", [mw(a), mw(b)], [win],
    "Annual Total Historical Primary 2023, Netherlands vs Belgium")


# --- extremes (limited to history so forecasts cannot win)
s = RM.series("Italy", y1=2024)
add("real", "market", "In which year did Italy install the most PV, looking at history up to 2024, and how much?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    "Italy Annual Total Historical Primary, max over all historical years")

s = RM.series("Czech Republic", y1=2024)
add("real", "market", "Record year for Czech PV additions (historical data through 2024)?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    "Czech Republic Annual Total Historical Primary, max over all historical years")

s = RM.series("Germany", y0=2010, y1=2024)
add("real", "market", "Lowest year for German new installs between 2010 and 2024? Need it for the trough in our intake curve.",
    "extreme", [mw(s.min())], [int(s.idxmin())],
    "Germany Annual Total Historical Primary 2010-2024, min")

s = RM.series("Spain", y1=2024)
add("real", "market",
    "Spain had a rush in 2008 and another one recently. Which year was Spain's historical peak for annual additions?",
    "extreme", [mw(s.max())], [int(s.idxmax())],
    "Spain Annual Total Historical Primary, max over all historical years")

# --- averages
s = RM.series("Germany", y0=2009, y1=2012)
add("real", "market", "The 2009-2012 German boom used a lot of lower-quality modules, expect early failures. Average annual PV installations in Germany over 2009-2012?",
    "average", [mw(s.mean())], [],
    "mean of Germany Annual Total Historical Primary 2009..2012 (4 years)")

s = RM.series("France", y0=2020, y1=2024)
add("real", "market", "what did france add on average per year in 2020–2024?",
    "average", [mw(s.mean())], [],
    "mean of France Annual Total Historical Primary 2020..2024 (5 years)")

# --- sums
s = RM.series("Italy", y0=2008, y1=2011)
add("real", "market",
    "The Conto Energia vintage (2008-2011) is the first big Italian wave we can expect back. Total MW Italy installed over 2008-2011?",
    "sum", [mw(s.sum())], [],
    "sum of Italy Annual Total Historical Primary 2008..2011")

cs = ["Germany", "Italy", "Spain", "France"]
tot = sum(RM.v(c, 2024, "Cumulative") for c in cs)
add("real", "market", "Our addressable market is the big four EU fleets. Combined installed base of Germany, Italy, Spain and France at end of 2024?",
    "sum", [mw(tot)], [],
    "sum of Cumulative Total Historical Primary 2024 over the four countries")

# --- first / latest
s = RM.series("Poland", y1=2024)
y = int(s[s > 1000].index.min())
add("real", "market", "Poland is young but fast. When did Poland first install more than 1 GW of PV in a single year?",
    "first_latest", [mw(s[y])], [y],
    "Poland Annual Total Historical Primary: first year with value > 1000 MW")

y = RM.last_hist["Germany"]
v = RM.v("Germany", y, "Cumulative")
add("real", "market", "What's the latest historical figure you have for Germany's installed base, and which year is it?",
    "first_latest", [mw(v)], [y],
    "Germany Cumulative Total Historical Primary at its last historical year")

s = RM.series("Türkiye", "Cumulative", y1=2024)
y = int(s[s > 10000].index.min())
add("real", "market", "First year Türkiye's cumulative PV capacity went above 10 GW?",
    "first_latest", [mw(s[y])], [y],
    "Türkiye Cumulative Total Historical Primary: first year > 10000 MW")

# ================================================================ REAL: prices
u = "K US$/t"
v = RP.month("Silver", "Silver", "Overseas", u, "2024-10")
add("real", "price",
    "Silver recovery is most of our revenue per module. What was the silver price in October 2024?",
    "price", [money(v, u)], [], "Silver/Silver/Overseas/K US$/t, observation dated 2024-10")

v, ds = RP.ext("Aluminium", "Aluminium", "Overseas", "US$/t", "max")
add("real", "price", "Frames are our easiest revenue. Highest monthly alumnium price in your data, and when was it?",
    "price", [money(v, "US$/t")], [mname(d) for d in ds],
    "Aluminium/Overseas/US$/t monthly series, max over whole series")

a = RP.month("Copper", "Copper", "Overseas", "US$/t", "2020-01")
b = RP.month("Copper", "Copper", "Overseas", "US$/t", "2025-01")
add("real", "price", "Copper from ribbons and cables matters too. % change in the copper price from January 2020 to January 2025?",
    "price", [pc(pct(a, b))], [], "Copper/Overseas/US$/t: (2025-01 - 2020-01)/2020-01 x100")

v, d = RP.latest("PV glass", "Glass 3,2mm", "China", "US$/m²")
add("real", "price", "Latest price for 3.2 mm PV glass in China (US$/m2)?",
    "price", [money(v, "US$/m²")], [], f"PV glass/Glass 3,2mm/China, newest date {d.date()}")

a, d = RP.latest("PV glass", "Glass 3,2mm", "China", "US$/m²")
b, d2 = RP.latest("PV glass", "Glass 2mm", "China", "US$/m²")
assert d == d2
add("real", "price",
    "Glass is ~70% of module weight so the cullet value tracks new glass. Compare the latest Chinese price of 2mm vs 3.2mm PV glass.",
    "price", [money(b, "US$/m²"), money(a, "US$/m²")], [], f"PV glass China, 2mm and 3,2mm at newest date {d.date()}")

a, d = RP.latest("Module", "n-type TOPCon", "EU", "US$/Wp")
b, d2 = RP.latest("Module", "n-type TOPCon", "US", "US$/Wp")
assert d == d2
add("real", "price", "Refurbished modules have to undercut new ones to sell. TOPCon module prices: latest EU vs US, in US$/Wp?",
    "price", [money(a, "US$/Wp"), money(b, "US$/Wp")], [],
    f"Module/n-type TOPCon, EU and US, newest date {d.date()}")

a, d0 = RP.first("Module", "CdTe", "Overseas", "US$/Wp")
b, d1 = RP.latest("Module", "CdTe", "Overseas", "US$/Wp")
add("real", "price",
    "CdTe is a separate recycling stream for us. How much has the CdTe module price changed since the series started, in %?",
    "price", [pc(pct(a, b))], [], f"Module/CdTe/Overseas: first obs {d0.date()} to newest {d1.date()}, % change")

v, ds = RP.ext("Polysilicon", "High purity - 9N/9N+", "Overseas", "US$/kg", "min")
add("real", "price",
    "Recovered silicon gets benchmarked against virgin poly. Lowest price for high-purity 9N/9N+ polysilicon in the overseas (non-China) series, over the whole series?",
    "price", [money(v, "US$/kg")], [],
    "Polysilicon/High purity - 9N/9N+/Overseas/US$/kg, min over whole series")


v, d = RP.latest("EVA", "EVA", "Overseas", "US$/t")
add("real", "price", "latest EVA price? (encapsulant is what makes delamination expensive for us)",
    "price", [money(v, "US$/t")], [], f"EVA/Overseas/US$/t newest date {d.date()}")

v, n = RP.mean("Silver", "Silver", "Overseas", u, "2024-01-01", "2024-12-31")
add("real", "price", "We budget on an annual average. Average silver price over calendar 2024?",
    "average", [money(v, u)], [], f"mean of {n} monthly Silver/Overseas/K US$/t observations in 2024")

v, d = RP.latest("Wafer", "n-type mono-Si M10", "Overseas", "US$/pce")
add("real", "price", "What's the newest price for n-type M10 wafers outside China?",
    "price", [money(v, "US$/pce")], [], f"Wafer/n-type mono-Si M10/Overseas newest date {d.date()}")

hi, dh = RP.ext("Module", "p-type mono-Si PERC M10", "EU", "US$/Wp", "max")
lo, dl = RP.ext("Module", "p-type mono-Si PERC M10", "EU", "US$/Wp", "min")
add("real", "price",
    "Second-life resale of PERC panels competes with new ones. Range of the EU price for p-type mono PERC M10 modules: min and max over the whole series?",
    "price", [money(lo, "US$/Wp"), money(hi, "US$/Wp")], [],
    "Module/p-type mono-Si PERC M10/EU/US$/Wp, min and max over whole series")


# ================================================================ REAL: financials (sample financials file)
v, unit = F.v(NOR, "FY2024", "Net income")
add("real", "manufacturer_financial",
    "We take back modules under producer schemes, so a producer going bust is a risk. Nordlicht Solar's net income for FY2024?",
    "financial", [money(v, unit)], [], "financials: Nordlicht Solar AG (sample), FY2024, Net income")


a, unit = F.v(SUN, "FY2023", "Revenue")
b, _ = F.v(SUN, "FY2024", "Revenue")
add("real", "manufacturer_financial", "SunForge is one of our take-back scheme members. How much did SunForge Energy's revenue fall from FY2023 to FY2024, in %?",
    "financial", [pc(pct(a, b))], [], "financials: SunForge Energy (sample) Revenue FY2023 -> FY2024, % change")

fy = F.df[(F.df.period == "FY2024") & (F.df.metric == "Gross margin")].sort_values("value")
add("real", "manufacturer_financial", "Screening producers for insolvency risk. Which manufacturer had the weakest gross margin for full-year 2024?",
    "financial", [money(fy.value.iloc[0], "%")], [fy.company.iloc[0].replace(" (sample)", "")],
    "financials: FY2024 Gross margin, min across companies")


q = F.df[(F.df.company == HEL) & (F.df.metric == "Revenue") & (F.df.period.str.contains("-Q"))]
q = q.sort_values("value", ascending=False)
add("real", "manufacturer_financial", "Helios' best quarter by revenue in the data - which quarter and how much?",
    "financial", [money(q.value.iloc[0], "USD million")], [q.period.iloc[0]],
    "financials: Helios Modules Ltd (sample) quarterly Revenue, max")

# ================================================================ REAL: follow-ups
add("real", "market",
    ["What was Germany's installed PV base at the end of 2009?", "and Italy?"],
    "follow_up", [mw(RM.v("Italy", 2009, "Cumulative"))], [],
    "Italy Cumulative Total Historical Primary 2009")

r = RM.rank(2016, "Annual", n=3)
add("real", "market",
    ["Top 3 countries for new PV in 2011?", "same for 2016"],
    "follow_up", [mw(x) for _, x in r], [t for t, _ in r],
    "Annual Total Historical Primary 2016, countries only, top 3")

add("real", "market",
    ["How much is France expected to add in 2026?", "same for the high scenario"],
    "follow_up", [mw(RM.v("France", 2026, scenario=HI))], [],
    "France Annual Total Forecast - High 2026")


v, d = RP.latest("Module", "n-type TOPCon", "China", "US$/Wp")
add("real", "price",
    ["Latest n-type TOPCon module price in the EU?", "and in China?"],
    "follow_up", [money(v, "US$/Wp")], [], f"Module/n-type TOPCon/China newest date {d.date()}")

a = RP.month("Silver", "Silver", "Overseas", u, "2024-01")
b = RP.month("Silver", "Silver", "Overseas", u, "2025-01")
add("real", "price",
    ["Silver price in January 2024?", "and January 2025?", "so what's the % change between the two?"],
    "follow_up", [pc(pct(a, b))], [], "Silver/Overseas/K US$/t: (2025-01 - 2024-01)/2024-01 x100")

a, t = RM.v("Germany", 2024, "Annual", "Distributed"), RM.v("Germany", 2024)
add("real", "market",
    ["What share of Spain's 2024 additions was distributed?", "And Germany?"],
    "follow_up", [pc(a / t * 100)], [], "Germany 2024 Annual Distributed / Total x100")

s = RM.series("Italy", y0=2008, y1=2012)
add("real", "market",
    ["Show me Italy's annual installations 2008 to 2012", "add those up for me"],
    "follow_up", [mw(s.sum())], [], "sum of Italy Annual Total Historical Primary 2008..2012")

# ================================================================ REAL: unanswerable
U = []
add("real", "market", "Repowering is already happening on old parks. How many MW of PV were decommissioned in Germany in 2024?",
    "unanswerable", answerable=False,
    why="the market data only holds installed capacity (every row is 'Installed'); no decommissioning figures")
add("real", "market",
    "Need the 2030 stock for our plant siting. What will Germany's cumulative installed capacity be in 2030 under the most probable scenario?",
    "unanswerable", answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base, so forecast cumulative figures cannot be given")
add("real", "market", "How many tonnes of end-of-life PV modules will Europe generate in 2030?",
    "unanswerable", answerable=False, why="no waste volumes or tonnages in the data, only MW of capacity")
add("real", "market", "An investor asked about Africa. What is Nigeria's cumulative PV capacity?",
    "unanswerable", answerable=False, why="Nigeria is not a territory in the market data")
add("real", "market", "How much PV did Germany install in 1990 under the 1000-roofs programme?",
    "unanswerable", answerable=False, why="the market data starts in 1992")
add("real", "market", "What are Spain's forecast PV installations for 2035?",
    "unanswerable", answerable=False, why="forecasts stop at 2030")
add("real", "market", "How many GWh did Italian PV plants generate in 2023?",
    "unanswerable", answerable=False, why="generation (GWh) is not held; only capacity in MW")
add("real", "market",
    "Lot of our take-back contracts include batteries now. How much battery storage was installed in Germany in 2024?",
    "unanswerable", answerable=False, why="storage is not in the data; PV only")
add("real", "market", "How many MW of wind turbines did Spain add in 2024? (blade recycling is a sister business)",
    "unanswerable", answerable=False, why="wind is not in the data; PV only")
add("real", "price", "What's the current tellurium price? Matters for CdTe recovery.",
    "unanswerable", answerable=False, why="tellurium is not a price item in the data")
add("real", "price", "Latest 3.2mm PV glass price in Europe?",
    "unanswerable", answerable=False, why="PV glass prices are only held for China, not Europe")
add("real", "price", "What's the going price for recycled silicon scrap per kg?",
    "unanswerable", answerable=False, why="no price for recycled/scrap silicon; only virgin polysilicon grades")
add("real", "price", "What percentage of a TOPCon module's price is the silver paste?",
    "unanswerable", answerable=False, why="a cost share of a price is not held; silver is a raw-material price per tonne, not a module cost breakdown")
add("real", "market", "Efficiency tells us the cell generation we'll be shredding. Average module efficiency of the systems installed in Germany in 2010?",
    "unanswerable", answerable=False, why="efficiency is not held in the data")
add("real", "market", "What was the French PV market worth in EUR in 2024?",
    "unanswerable", answerable=False, why="market value in EUR is not held; only capacity in MW")
add("real", "manufacturer_financial", "First Solar's net income in 2024?",
    "unanswerable", answerable=False, why="First Solar is not among the companies in the financials")
add("real", "manufacturer_financial",
    "For counterparty risk I want leverage. What is Helios Modules' net debt at end of 2024?",
    "unanswerable", answerable=False, why="net debt is not a metric in the financials (only revenue, gross margin, net income, shipments, capacity)")
add("real", "price", "Latest inverter price in US$/W?",
    "unanswerable", answerable=False, why="inverters are not a price item in the data")

# ================================================================ SAMPLE: market
add("sample", "market", "What was the Netherlands' cumulitive PV capacity at the end of 2019?",
    "lookup", [mw(SM.v("Netherlands", 2019, "Cumulative"))], [],
    "sample market: Netherlands, 2019, Historical Primary, Total, Cumulative")
add("sample", "market", "Off-grid systems are a niche stream for us - how much off-grid PV did Spain add in 2024?",
    "lookup", [mw(SM.v("Spain", 2024, "Annual", "Off-grid"))], [],
    "sample market: Spain, 2024, Historical Primary, Off-grid, Annual")
add("sample", "market", "France's new PV installations in 2028 in the high scenario?",
    "lookup", [mw(SM.v("France", 2028, scenario=HI))], [],
    "sample market: France, 2028, Forecast - High, Total, Annual")

r = SM.rank(2024, "Annual", n=3)
add("sample", "market", "We want a collection hub near the fastest-growing markets. Top 3 countries by capacity added in 2024?",
    "rank", [mw(x) for _, x in r], [t for t, _ in r], "sample market: Annual Total Historical Primary 2024, countries only, top 3")
r = SM.rank(2030, "Cumulative", n=3, scenario=MP)
add("sample", "market",
    "Planning a second plant around 2030. Which 3 countries will have the largest installed base in 2030, most probable case?",
    "rank", [mw(x) for _, x in r], [t for t, _ in r],
    "sample market: Cumulative Total Forecast - Most probable 2030, countries only, top 3")

a, w = SM.v("Germany", 2024), SM.v("World", 2024)
add("sample", "market", "Germany's share of global PV additions in 2024, %?",
    "share", [pc(a / w * 100)], [], "sample market: Germany / World, Annual Total Historical Primary 2024 x100")
a, t = SM.v("Spain", 2024, "Annual", "Centralised"), SM.v("Spain", 2024)
add("sample", "market", "utility-scale share of spain's 2024 installs? (centralised / total)",
    "share", [pc(a / t * 100)], [], "sample market: Spain 2024 Annual Centralised / Total x100")

a, b = SM.v("Italy", 2015), SM.v("Italy", 2024)
add("sample", "market", "Italian volumes picked up a lot after 2021. CAGR of Italy's annual PV installations from 2015 to 2024?",
    "change", [pc(cagr(a, b, 9))], [], "sample market: Italy Annual Total Historical Primary (2024/2015)^(1/9)-1")
a, b = SM.v("Poland", 2022), SM.v("Poland", 2023)
add("sample", "market", "The Polish market seems to be cooling. Year-on-year change in Poland's additions, 2023 vs 2022, in %?",
    "change", [pc(pct(a, b))], [], "sample market: Poland Annual Total Historical Primary (2023-2022)/2022 x100")
a, b = SM.v("World", 2024, "Cumulative"), SM.v("World", 2030, "Cumulative", scenario=MP)
add("sample", "market",
    "How much will the global installed base grow between end-2024 and 2030 (most probable), in MW and %?",
    "change", [mw(b - a), pc(pct(a, b))], [],
    "sample market: World Cumulative Total, 2024 Historical Primary vs 2030 Forecast - Most probable")

vals = [(c, SM.v(c, 2024, "Cumulative")) for c in ["France", "Italy"]]
win = max(vals, key=lambda x: x[1])[0]
add("sample", "market", "Deciding between Lyon and Milan for a second line. France or Italy: which has the larger PV fleet at end of 2024?",
    "compare", [mw(x) for _, x in vals], [win], "sample market: Cumulative Total Historical Primary 2024, France vs Italy")
a, b = SM.v("Germany", 2030, scenario=HI), SM.v("Germany", 2030, scenario=LO)
add("sample", "market", "Germany 2030 additions: high vs low scenario, and the gap between them in MW?",
    "compare", [mw(a), mw(b), mw(a - b)], [], "sample market: Germany Annual Total 2030, Forecast - High and Forecast - Low, difference")

vals = [(c, SM.v(c, 2023)) for c in ["Netherlands", "Poland", "France"]]
add("sample", "market",
    "Three mid-sized markets we might serve from one plant. Compare 2023 PV additions in the Netherlands, Poland and France.",
    "compare", [mw(x) for _, x in vals], [c for c, _ in vals],
    "sample market: Annual Total Historical Primary 2023 for Netherlands, Poland, France")

s = SM.series("Poland", y1=2024)
add("sample", "market", "Poland's peak year for annual installs up to 2024?",
    "extreme", [mw(s.max())], [int(s.idxmax())], "sample market: Poland Annual Total Historical Primary, max")
s = SM.series("Spain", y0=2015, y1=2024)
add("sample", "market", "Weakest year for Spanish new capacity between 2015 and 2024?",
    "extreme", [mw(s.min())], [int(s.idxmin())], "sample market: Spain Annual Total Historical Primary 2015-2024, min")

s = SM.series("Spain", y0=2020, y1=2024)
add("sample", "market", "Using a 5-yr average as our base case for Iberia. Average annual installations in Spain 2020-2024?",
    "average", [mw(s.mean())], [], "sample market: mean Spain Annual Total Historical Primary 2020..2024")
s = SM.series("France", scenario=MP, y0=2025, y1=2030)
add("sample", "market", "What's France expected to add per year on average over 2025-2030 (most probable)?",
    "average", [mw(s.mean())], [], "sample market: mean France Annual Total Forecast - Most probable 2025..2030")

s = SM.series("Germany", scenario=MP, y0=2025, y1=2030)
add("sample", "market",
    "Those will be the modules coming back in the 2050s. Total new PV in Germany across 2025-2030, most probable?",
    "sum", [mw(s.sum())], [], "sample market: sum Germany Annual Total Forecast - Most probable 2025..2030")
tot = SM.v("Italy", 2024, "Cumulative") + SM.v("Spain", 2024, "Cumulative")
add("sample", "market", "Italy + Spain combined installed base end of 2024?",
    "sum", [mw(tot)], [], "sample market: Italy + Spain Cumulative Total Historical Primary 2024")

s = SM.series("Germany", y1=2024)
y = int(s[s > 10000].index.min())
add("sample", "market", "First year Germany added more than 10 GW in a year?",
    "first_latest", [mw(s[y])], [y], "sample market: Germany Annual Total Historical Primary, first year > 10000 MW")
y = SM.last_hist["Poland"]
add("sample", "market", "Most recent actual (non-forecast) number for Poland's yearly installations - year and MW?",
    "first_latest", [mw(SM.v("Poland", y))], [y], "sample market: Poland Annual Total Historical Primary at last historical year")

# ================================================================ SAMPLE: prices
v = SP.month("Module", "n-type TOPCon", "China", "US$/Wp", "2024-12")
add("sample", "price", "Benchmarking our refurbished-module price. n-type TOPCon module price in China, December 2024?",
    "price", [money(v, "US$/Wp")], [], "sample prices: Module/n-type TOPCon/China 2024-12")
a = SP.month("Module", "p-type mono-Si PERC M10", "EU", "US$/Wp", "2024-06")
b = SP.month("Module", "p-type mono-Si PERC M10", "US", "US$/Wp", "2024-06")
add("sample", "price", "PERC M10 modules in June 2024: EU vs US price?",
    "price", [money(a, "US$/Wp"), money(b, "US$/Wp")], [], "sample prices: Module/p-type mono-Si PERC M10, EU and US, 2024-06")
hi, dh = SP.ext("PV glass", "Glass 3,2mm", "EU", "US$/m²", "max")
add("sample", "price", "Highest 3.2mm PV glass price in the EU over the data, and which month?",
    "price", [money(hi, "US$/m²")], [mname(d) for d in dh], "sample prices: PV glass/Glass 3,2mm/EU max over series")
a = SP.month("Polysilicon", "High purity - 9N/9N+", "China", "US$/kg", "2023-01")
b = SP.month("Polysilicon", "High purity - 9N/9N+", "China", "US$/kg", "2024-12")
add("sample", "price", "Recovered Si value has collapsed with poly. How much did Chinese 9N polysilicon fall from Jan 2023 to Dec 2024, in %?",
    "price", [pc(pct(a, b))], [], "sample prices: Polysilicon/High purity - 9N/9N+/China, (2024-12 - 2023-01)/2023-01 x100")
a, d = SP.latest("Module", "n-type HJT", "India", "US$/Wp")
b, d2 = SP.latest("Module", "n-type TOPCon", "India", "US$/Wp")
assert d == d2
add("sample", "price", "HJT vs TOPCon module prices in India, latest?",
    "price", [money(a, "US$/Wp"), money(b, "US$/Wp")], [], f"sample prices: Module n-type HJT and n-type TOPCon, India, newest date {d.date()}")
v, n = SP.mean("Wafer", "n-type mono-Si M10", "China", "US$/pce", "2024-01-01", "2024-12-31")
add("sample", "price", "avg n-type M10 wafer price in China during 2024?",
    "average", [money(v, "US$/pce")], [], f"sample prices: mean of {n} monthly Wafer/n-type mono-Si M10/China obs in 2024")
lat = {}
for reg in ["China", "EU", "India", "US"]:
    lat[reg] = SP.latest("Module", "n-type TOPCon", reg, "US$/Wp")[0]
cheap = min(lat, key=lat.get)
assert sorted(lat.values())[0] < sorted(lat.values())[1]
add("sample", "price", "Where are TOPCon modules cheapest right now, by region?",
    "price", [money(lat[cheap], "US$/Wp")], [cheap], "sample prices: Module/n-type TOPCon latest per region, min")

# ================================================================ SAMPLE: financials
a, unit = F.v(HEL, "2024-Q3", "Net income")
b, _ = F.v(SUN, "2024-Q3", "Net income")
add("sample", "manufacturer_financial", "Two of our biggest take-back clients. Net income in Q3 2024: Helios Modules vs SunForge Energy?",
    "financial", [money(a, unit), money(b, unit)], [], "financials: Net income 2024-Q3, Helios and SunForge")
a, unit = F.v(NOR, "2023-Q1", "Revenue")
b, _ = F.v(NOR, "2024-Q4", "Revenue")
add("sample", "manufacturer_financial",
    "Nordlicht looks like it's shrinking fast. % change in its quarterly revenue from Q1 2023 to Q4 2024?",
    "financial", [pc(pct(a, b))], [], "financials: Nordlicht Solar AG (sample) Revenue 2023-Q1 -> 2024-Q4 % change")
q = F.df[(F.df.company == AUR) & (F.df.metric == "Net income") & (F.df.period.str.contains("-Q"))].sort_values("period")
fl = q[q.value < 0].iloc[0]
add("sample", "manufacturer_financial", "Aurora's margins keep sliding. First quarter in which Aurora PV Group posted a net loss?",
    "financial", [money(fl.value, "USD million")], [fl.period], "financials: Aurora PV Group (sample) quarterly Net income, first period < 0")
fy = F.df[(F.df.period == "FY2024") & (F.df.metric == "Module shipments")]
add("sample", "manufacturer_financial", "Shipments today are our feedstock in 25 years. Total module shipments of all the manufacturers you track, FY2024?",
    "financial", [money(fy.value.sum(), "GW")], [], "financials: sum of FY2024 Module shipments over the 4 companies")
a, _ = F.v(SUN, "FY2023", "Gross margin")
b, _ = F.v(SUN, "FY2024", "Gross margin")
add("sample", "manufacturer_financial", "SunForge gross margin FY2023 vs FY2024 - how many points did it lose?",
    "financial", [pc(a), pc(b), pc(a - b)], [], "financials: SunForge Energy (sample) Gross margin FY2023, FY2024 and points lost (FY2023 - FY2024)")

# ================================================================ SAMPLE: follow-ups
add("sample", "market", ["How much PV did Germany add in 2024?", "and Poland?"],
    "follow_up", [mw(SM.v("Poland", 2024))], [], "sample market: Poland Annual Total Historical Primary 2024")
add("sample", "market",
    ["World installed PV base in 2030, most probable scenario?", "and in the low scenario?"],
    "follow_up", [mw(SM.v("World", 2030, "Cumulative", scenario=LO))], [],
    "sample market: World Cumulative Total Forecast - Low 2030")
add("sample", "price", ["TOPCon module price in China in December 2024?", "and in the EU?"],
    "follow_up", [money(SP.month("Module", "n-type TOPCon", "EU", "US$/Wp", "2024-12"), "US$/Wp")], [],
    "sample prices: Module/n-type TOPCon/EU 2024-12")
v, unit = F.v(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial", ["Helios Modules revenue for FY2024?", "and SunForge?"],
    "follow_up", [money(v, unit)], [], "financials: SunForge Energy (sample) FY2024 Revenue")
a, b = SM.v("France", 2015), SM.v("France", 2024)
add("sample", "market", ["CAGR of Spain's annual installations 2015-2024?", "same for France"],
    "follow_up", [pc(cagr(a, b, 9))], [], "sample market: France Annual Total Historical Primary (2024/2015)^(1/9)-1")
r = SM.rank(2019, "Annual", n=1)
add("sample", "market",
    ["Which country installed the most PV in 2023?", "and in 2019?"],
    "follow_up", [mw(r[0][1])], [r[0][0]], "sample market: Annual Total Historical Primary 2019, countries only, top 1")
a = SP.month("PV glass", "Glass 3,2mm", "China", "US$/m²", "2024-06")
b = SP.month("PV glass", "Glass 3,2mm", "EU", "US$/m²", "2024-06")
add("sample", "price",
    ["3.2mm glass price in China, June 2024?", "EU?", "what's the gap between the two?"],
    "follow_up", [money(b - a, "US$/m²")], [], "sample prices: PV glass/Glass 3,2mm 2024-06, EU minus China")

# ================================================================ SAMPLE: unanswerable
add("sample", "market", "We're looking at a Flemish partner. How much PV did Belgium install in 2024?",
    "unanswerable", answerable=False, why="Belgium is not a territory in the sample market data")
add("sample", "price", "Silver price trend over 2024? It drives our recovery revenue.",
    "unanswerable", answerable=False, why="the sample prices hold no silver (no raw materials)")
add("sample", "price", "What's the latest aluminium price per tonne?",
    "unanswerable", answerable=False, why="the sample prices hold no aluminium")
add("sample", "market", "Germany's PV additions in 2010? Those modules are due back first.",
    "unanswerable", answerable=False, why="the sample market data starts in 2015")
add("sample", "price", "A US buyer asked about our silicon. High-purity polysilicon price in the US?",
    "unanswerable", answerable=False, why="sample polysilicon prices cover only China and the EU")
add("sample", "price", "Checking the 2022 price spike. TOPCon module price in China in June 2022?",
    "unanswerable", answerable=False, why="sample prices start in January 2023")
add("sample", "market", "How many individual PV systems are installed in the Netherlands?",
    "unanswerable", answerable=False, why="system counts are not held; only MW")
add("sample", "market",
    "We're pricing compliance. What is the WEEE take-back fee per kg for PV modules in France?",
    "unanswerable", answerable=False, why="EPR/WEEE compliance fees are not in the data")
add("sample", "manufacturer_financial", "Nordlicht Solar's EBITDA for FY2024?",
    "unanswerable", answerable=False, why="EBITDA is not a metric in the financials")
add("sample", "manufacturer_financial", "Aurora PV Group revenue in 2022?",
    "unanswerable", answerable=False, why="the financials cover 2023 and 2024 only")
add("sample", "price", "What share of the module price is the wafer cost for PERC M10 in China?",
    "unanswerable", answerable=False, why="a share of a price (cost breakdown) is not held")

# ================================================================ write + self-check
for i, it in enumerate(items, 1):
    it["id"] = f"{WRITER}-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
chains = [it for it in items if len(it["turns"]) >= 2]
assert len(chains) >= 12, len(chains)
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"], it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}

print("items:", len(items), "unanswerable:", n_un, "follow-up chains:", len(chains))
tab = pd.crosstab(pd.Series([it["kind"] for it in items], name="kind"),
                  pd.Series([it["data"] for it in items], name="data"), margins=True)
print(tab.to_string())
print("by agent:", dict(Counter(it["agent"] for it in items)))
print("items with a context sentence before the question:",
      sum(1 for it in items if any(". " in t for t in it["turns"])))
