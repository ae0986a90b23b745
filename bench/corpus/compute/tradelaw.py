#!/usr/bin/env python3
"""Writer "tradelaw": held-out questions for the solar-PV assistant.

Every expected figure below is computed from the data files; none is typed by hand.
Run:  python3 compute.py   (writes questions.jsonl next to this file)
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "tradelaw"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
SAMPLE_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

# Aggregates in the real market CSV (never counted as countries).
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}


def r6(x):
    return round(float(x), 6)


# ----------------------------------------------------------------------------
# Market helpers
# ----------------------------------------------------------------------------
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates (and RoW rows that differ only in metadata columns) counted once
        df = df.drop_duplicates(subset=KEY + ["Capacity(MW)"])
        assert not df.duplicated(subset=KEY).any(), "conflicting values for one key"
        self.df = df
        h = df[df.Scenario == HIST]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scenario=None):
        if scenario is not None:
            return scenario
        return HIST if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scenario=None):
        sc = self.scen(terr, year, scenario)
        d = self.df
        x = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == sc)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(x) == 1, (terr, year, sc, conn, typ, len(x))
        return float(x["Capacity(MW)"].iloc[0])

    def series(self, terr, y0, y1, typ="Annual", conn="Total", scenario=None):
        return {y: self.v(terr, y, typ, conn, scenario) for y in range(y0, y1 + 1)}

    def hist_series(self, terr, typ="Annual", conn="Total"):
        d = self.df
        x = d[(d.Territory == terr) & (d.Scenario == HIST) & (d.Connection == conn) & (d.Type == typ)]
        return x.set_index("Year")["Capacity(MW)"].sort_index()

    def rank(self, year, typ="Annual", conn="Total", n=5, countries=None):
        d = self.df
        assert all(year <= y for y in self.last_hist.values()), "rankings only for historical years"
        x = d[(d.Year == year) & (d.Scenario == HIST) & (d.Connection == conn) & (d.Type == typ)]
        x = x[~x.Territory.isin(AGGREGATES)]
        if countries is not None:
            x = x[x.Territory.isin(countries)]
        x = x.sort_values("Capacity(MW)", ascending=False)
        return list(zip(x.Territory, x["Capacity(MW)"]))[:n] if n else list(zip(x.Territory, x["Capacity(MW)"]))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1) * 100.0


# ----------------------------------------------------------------------------
# Price helpers
# ----------------------------------------------------------------------------
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None):
        d = self.df
        x = d[(d.item == item) & (d.description == desc) & (d.region == region)]
        if unit is not None:
            x = x[x.unit == unit]
        assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
        assert len(x) > 0
        return x.sort_values("date")

    @staticmethod
    def unit(s):
        return s.unit.iloc[0]

    @staticmethod
    def latest(s):
        dmax = s.date.max()
        x = s[s.date == dmax]
        assert len(x) == 1, ("ambiguous latest", len(x))
        return dmax, float(x.base_price.iloc[0])

    @staticmethod
    def first(s):
        dmin = s.date.min()
        x = s[s.date == dmin]
        assert len(x) == 1, ("ambiguous first", len(x))
        return dmin, float(x.base_price.iloc[0])

    @staticmethod
    def on(s, date):
        x = s[s.date == pd.Timestamp(date)]
        assert len(x) == 1, ("ambiguous on date", date, len(x))
        return float(x.base_price.iloc[0])

    @staticmethod
    def month(s, y, m):
        x = s[(s.date.dt.year == y) & (s.date.dt.month == m)]
        assert len(x) == 1, ("not exactly one obs in month", y, m, len(x))
        return float(x.base_price.iloc[0])

    @staticmethod
    def span(s, d0=None, d1=None):
        x = s
        if d0 is not None:
            x = x[x.date >= pd.Timestamp(d0)]
        if d1 is not None:
            x = x[x.date <= pd.Timestamp(d1)]
        assert len(x) > 0
        return x

    @classmethod
    def mean(cls, s, d0=None, d1=None):
        x = cls.span(s, d0, d1)
        assert not x.date.duplicated().any(), "duplicate dates: mean ambiguous"
        return float(x.base_price.mean()), len(x)

    @classmethod
    def mx(cls, s, d0=None, d1=None):
        x = cls.span(s, d0, d1)
        v = x.base_price.max()
        return float(v), sorted(x[x.base_price == v].date)

    @classmethod
    def mn(cls, s, d0=None, d1=None):
        x = cls.span(s, d0, d1)
        v = x.base_price.min()
        return float(v), sorted(x[x.base_price == v].date)


# ----------------------------------------------------------------------------
# Load
# ----------------------------------------------------------------------------
RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(SAMPLE_PRICES))
FIN = pd.read_csv(SAMPLE_FIN)


def fin(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# ----------------------------------------------------------------------------
# Question builder
# ----------------------------------------------------------------------------
ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": None,
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": r6(v), "unit": u} for v, u in (expect or [])],
        "names": list(names or []),
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["expect"] = []
        item["names"] = []
    ITEMS.append(item)


MW = "MW"
P = "%"

# ============================================================================
# REAL DATA — market
# ============================================================================
# --- lookups ---------------------------------------------------------------
v = RM.v("Germany", 2023)
add("real", "market", "lookup",
    "For the injury section of a safeguard submission I need the Union-level reference points. "
    "First: what PV capacity was added in Germany in calendar year 2023 (all connection segments)?",
    [(v, MW)], [], "real CSV: Germany, 2023, Historical Primary, Total, Annual")

v = RM.v("India", 2024, "Cumulative")
add("real", "market", "lookup",
    "We act for the complainants in a proceeding in which India is a third-country comparator. What was India's installed PV base (cumulative capacity) as at 31 December 2024?",
    [(v, MW)], [], "real CSV: India, 2024, Historical Primary, Total, Cumulative")

v = RM.v("Spain", 2027, scenario=LOW)
add("real", "market", "lookup",
    "Our Union-interest submission must address projected demand. Under the low forecast scenario, what annual PV installations are projected for Spain in 2027?",
    [(v, MW)], [], "real CSV: Spain, 2027, Forecast - Low, Total, Annual")

v = RM.v("USA", 2024)
add("real", "market", "lookup",
    "how big was the US PV market in 2024, i.e. new capacity instaled that year?",
    [(v, MW)], [], "real CSV: USA, 2024, Historical Primary, Total, Annual")

# --- rankings (countries only) --------------------------------------------
top = RM.rank(2024, n=5)
add("real", "market", "rank",
    "Identify the five countries with the largest PV additions in calendar year 2024, in descending order, "
    "with the capacity added by each. (Regional aggregates such as 'World' or 'EU' are to be excluded.)",
    [(c, MW) for _, c in top], [t for t, _ in top],
    "real CSV: 2024, Historical Primary, Total, Annual; countries only (aggregates excluded); top 5")

top = RM.rank(2024, "Cumulative", n=3)
add("real", "market", "rank",
    "The authority will want the global context for the like product. Which three countries held the largest cumulative installed PV capacity at end-2024?",
    [(c, MW) for _, c in top], [t for t, _ in top],
    "real CSV: 2024, Historical Primary, Total, Cumulative; countries only; top 3")

top = RM.rank(2023, conn="Distributed", n=3)
add("real", "market", "rank",
    "We are characterising the rooftop segment. For 2023, which were the top three countries by "
    "distributed PV additions, and how much did each add?",
    [(c, MW) for _, c in top], [t for t, _ in top],
    "real CSV: 2023, Historical Primary, Distributed, Annual; countries only; top 3")

top = RM.rank(2024, n=4)
fourth = top[3]
add("real", "market", "rank",
    "Excluding regional aggregates, which country ranked fourth worldwide for new PV installations in 2024, "
    "and what capacity did it install?",
    [(fourth[1], MW)], [fourth[0]],
    "real CSV: 2024, Historical Primary, Total, Annual; countries only; 4th largest")

# --- shares -----------------------------------------------------------------
a, w = RM.v("China", 2024), RM.v("World", 2024)
add("real", "market", "share",
    "For purposes of establishing the relative weight of the exporting country's domestic market: "
    "what share of global PV additions in 2024 was installed in China?",
    [(a / w * 100, P)], [], "real CSV: China / World, 2024, Historical Primary, Total, Annual")

d, t = RM.v("Germany", 2024, conn="Distributed"), RM.v("Germany", 2024)
add("real", "market", "share",
    "We need to segment the German market for the injury analysis. What proportion of Germany's 2024 PV additions fell in the distributed segment?",
    [(d / t * 100, P)], [], "real CSV: Germany 2024 Annual Distributed / Total")

a, w = RM.v("EU", 2024, "Cumulative"), RM.v("World", 2024, "Cumulative")
add("real", "market", "share",
    "For the Union-interest test I must size the Union market against global demand. The EU's cumulative PV fleet at end-2024 represented what percentage of the world installed base?",
    [(a / w * 100, P)], [], "real CSV: EU / World, 2024, Historical Primary, Total, Cumulative")

c, t = RM.v("Spain", 2024, conn="Centralised"), RM.v("Spain", 2024)
add("real", "market", "share",
    "In Spain's case the investigation concerns mainly utility-scale projects. What share of the Spanish "
    "market in 2024 was centralised capacity?",
    [(c / t * 100, P)], [], "real CSV: Spain 2024 Annual Centralised / Total")

# --- change -----------------------------------------------------------------
a, b = RM.v("China", 2023), RM.v("China", 2024)
add("real", "market", "change",
    "Growth in Chinese domestic demand is relevant to our capacity-overhang argument. By what percentage did China's annual PV installations change from 2023 to 2024?",
    [(pct(a, b), P)], [], "real CSV: China Annual Total 2023 -> 2024, % change")

a, b = RM.v("World", 2019, "Cumulative"), RM.v("World", 2024, "Cumulative")
add("real", "market", "change",
    "For the 'Period Considered' of 2019 to 2024 inclusive, what was the compound annual growth rate of the "
    "world's cumulative installed PV capacity (end-2019 to end-2024)?",
    [(cagr(a, b, 5), P)], [], "real CSV: World Cumulative Total 2019 -> 2024, CAGR over 5 years")

a, b = RM.v("USA", 2022), RM.v("USA", 2023)
add("real", "market", "change",
    "The US anti-circumvention inquiry turns partly on demand growth. What was the absolute increase, in MW, in US annual PV additions between 2022 and 2023?",
    [(b - a, MW)], [], "real CSV: USA Annual Total 2023 minus 2022")

a, b = RM.v("Germany", 2024), RM.v("Germany", 2030)
add("real", "market", "change",
    "Comparing Germany's actual 2024 additions with the most probable forecast for 2030, what is the "
    "percentage change in annual installations?",
    [(pct(a, b), P)], [], "real CSV: Germany Annual Total 2024 (Historical) -> 2030 (Forecast - Most probable), % change")

# --- comparisons --------------------------------------------------------------
a, b = RM.v("Spain", 2024), RM.v("Italy", 2024)
add("real", "market", "compare",
    "Spain and Italy are two of the principal Union markets for the product concerned. How much PV did each install in 2024, and which was larger?",
    [(a, MW), (b, MW)], ["Spain"], "real CSV: Spain and Italy 2024 Annual Total")

vals = [(c, RM.v(c, 2024, "Cumulative")) for c in ["China", "USA", "India"]]
add("real", "market", "compare",
    "For the three jurisdictions relevant to our circumvention analysis - China, the United States and India - "
    "state the cumulative installed PV capacity at end-2024 for each.",
    [(x, MW) for _, x in vals], [], "real CSV: China, USA, India 2024 Cumulative Total")

a, b = RM.v("Japan", 2024), RM.v("Korea", 2024)
add("real", "market", "compare",
    "How did Japan's 2024 PV installations compare with Korea's? Please give both values and the ratio of Japan to Korea.",
    [(a, MW), (b, MW), (a / b, "x")], [], "real CSV: Japan and Korea 2024 Annual Total; ratio Japan/Korea")

a, b = RM.v("Poland", 2023), RM.v("Netherlands", 2023)
add("real", "market", "compare",
    "Poland or the Netherlands - which installed more PV in 2023, and by how many MW?",
    [(a - b, MW)], ["Poland"], "real CSV: Poland minus Netherlands, 2023 Annual Total")
assert a > b

# --- extremes -----------------------------------------------------------------
s = RM.hist_series("Spain")
add("real", "market", "extreme",
    "To situate the injury period against the historical high: in which year did Spain record its highest annual PV installations, and what was the figure?",
    [(s.max(), MW)], [str(int(s.idxmax()))], "real CSV: Spain Annual Total Historical Primary, max over all years")
s = RM.hist_series("Japan")
add("real", "market", "extreme",
    "What was the record year for the Japanese PV market (new installations), over the full data history?",
    [(s.max(), MW)], [str(int(s.idxmax()))], "real CSV: Japan Annual Total Historical Primary, max over all years")
s = RM.hist_series("Italy").loc[2010:2024]
add("real", "market", "extreme",
    "Over the period 2010-2024 inclusive, in which year were Italy's annual PV additions at their lowest?",
    [(s.min(), MW)], [str(int(s.idxmin()))], "real CSV: Italy Annual Total Historical Primary 2010-2024, min")
s = RM.hist_series("Vietnam")
add("real", "market", "extreme",
    "Vietnam's peak installation year - which year and how many MW?",
    [(s.max(), MW)], [str(int(s.idxmax()))], "real CSV: Vietnam Annual Total Historical Primary, max over available years")

# --- averages -----------------------------------------------------------------
s = RM.series("France", 2020, 2024)
add("real", "market", "average",
    "France is a key Member State in the complaint (the 'French Market'). What were France's average annual PV additions over 2020-2024 (five calendar years, 2020 and 2024 both included)?",
    [(sum(s.values()) / len(s), MW)], [], "real CSV: France Annual Total 2020..2024 mean")
s = RM.series("World", 2015, 2024)
add("real", "market", "average",
    "Average yearly global PV installations across the ten years 2015 to 2024?",
    [(sum(s.values()) / len(s), MW)], [], "real CSV: World Annual Total 2015..2024 mean")
s = RM.series("Germany", 2025, 2030)
add("real", "market", "average",
    "On the most probable forecast, what average annual installation level is projected for Germany over 2025-2030?",
    [(sum(s.values()) / len(s), MW)], [], "real CSV: Germany Annual Total Forecast - Most probable 2025..2030 mean")

# --- sums ---------------------------------------------------------------------
s = RM.series("China", 2020, 2024)
add("real", "market", "sum",
    "The exporting producers argue that Chinese domestic demand absorbed their output. What total PV capacity did China add over the five years 2020 to 2024, summed?",
    [(sum(s.values()), MW)], [], "real CSV: China Annual Total sum 2020..2024")
s = RM.series("Spain", 2025, 2030, scenario=HIGH)
add("real", "market", "sum",
    "Under the high scenario, how much PV capacity in total is Spain forecast to add across 2025-2030?",
    [(sum(s.values()), MW)], [], "real CSV: Spain Annual Total Forecast - High sum 2025..2030")
tot = sum(RM.v(c, 2024) for c in ["Germany", "France", "Italy"])
add("real", "market", "sum",
    "Combined 2024 installations of Germany, France and Italy, please (a single total).",
    [(tot, MW)], [], "real CSV: Germany + France + Italy 2024 Annual Total")

# --- first / latest -----------------------------------------------------------
s = RM.hist_series("India")
add("real", "market", "first_latest",
    "From what year does the database hold PV installation figures for India, and what was installed in that first year?",
    [(s.iloc[0], MW)], [str(int(s.index[0]))], "real CSV: India Annual Total Historical Primary, earliest year")
s = RM.hist_series("Poland")
yr = int(s[s > 1000].index[0])
add("real", "market", "first_latest",
    "For the chronology section of our submission: in which year did Polish annual PV installations first exceed 1 GW?",
    [(s.loc[yr], MW)], [str(yr)], "real CSV: Poland Annual Total Historical Primary, first year > 1000 MW")
s = RM.hist_series("China")
yr = int(s[s > 100000].index[0])
add("real", "market", "first_latest",
    "When did China's annual PV additions first exceed 100 GW in a single year?",
    [(s.loc[yr], MW)], [str(yr)], "real CSV: China Annual Total Historical Primary, first year > 100000 MW")

# ============================================================================
# REAL DATA — prices
# ============================================================================
s = RP.s("Module", "n-type TOPCon", "EU")
d, x = RP.latest(s)
add("real", "price", "price",
    "What is the latest available price for n-type TOPCon modules in the EU, and as at what date?",
    [(x, RP.unit(s))], [d.strftime("%Y")], f"real parquet: Module / n-type TOPCon / EU, latest date {d.date()}")

s = RP.s("Module", "n-type TOPCon", "US")
sc = RP.s("Module", "n-type TOPCon", "China")
du, xu = RP.latest(s)
dc, xc = RP.latest(sc)
assert du == dc
add("real", "price", "price",
    "For the price-undercutting analysis: at the latest available date, what are the n-type TOPCon module prices "
    "in the US and in China, and by what factor does the US price exceed the Chinese one?",
    [(xu, "US$/Wp"), (xc, "US$/Wp"), (xu / xc, "x")], [],
    f"real parquet: Module / n-type TOPCon, US and China, latest ({du.date()}); ratio US/China")

a = RP.on(sc, "2023-04-19")
dl, b = RP.latest(sc)
add("real", "price", "price",
    "Define the 'Reference Period' as 19 April 2023 to 26 March 2025. What was the percentage change in the "
    "Chinese n-type TOPCon module price over the Reference Period (first to last weekly observation)?",
    [(pct(a, b), P)], [], "real parquet: Module / n-type TOPCon / China, 2023-04-19 -> 2025-03-26, % change")
assert dl == pd.Timestamp("2025-03-26")

s = RP.s("Polysilicon", "High purity - 9N/9N+", "Overseas")
v, ds = RP.mx(s)
add("real", "price", "price",
    "Polysilicon is the principal raw material in the cost build-up. What was the peak price recorded for high-purity (9N/9N+) polysilicon in the Overseas region over the whole series, and in which year did it occur?",
    [(v, "US$/kg")], sorted({str(x.year) for x in ds}),
    "real parquet: Polysilicon / High purity - 9N/9N+ / Overseas, max over all dates")

s = RP.s("Copper", "Copper", "Overseas")
v = RP.month(s, 2024, 3)
add("real", "price", "price",
    "Copper input cost - what was the copper price in March 2024?",
    [(v, RP.unit(s))], [], "real parquet: Copper / Overseas, monthly, 2024-03")

s = RP.s("Wafer", "n-type mono-Si M10", "Overseas")
d, x = RP.latest(s)
add("real", "price", "price",
    "Latest price of n-type mono-Si M10 wafers outside China (the 'Overseas' series), please.",
    [(x, RP.unit(s))], [], f"real parquet: Wafer / n-type mono-Si M10 / Overseas, latest ({d.date()})")

s = RP.s("Cell", "n-type TOPCon M10", "Overseas")
d0, a = RP.first(s)
d1, b = RP.latest(s)
add("real", "price", "price",
    "Cell pricing goes to the downstream-assembly argument (cells finished into modules in third countries). How much did the Overseas price of n-type TOPCon M10 cells change, in percent, from the first observation in the "
    "series to the most recent one?",
    [(pct(a, b), P)], [], f"real parquet: Cell / n-type TOPCon M10 / Overseas, {d0.date()} -> {d1.date()}, % change")

se = RP.s("Module", "p-type mono-Si PERC M10", "EU")
su = RP.s("Module", "p-type mono-Si PERC M10", "US")
a, b = RP.on(se, "2024-01-03"), RP.on(su, "2024-01-03")
add("real", "price", "price",
    "Please give the p-type mono-Si PERC M10 module price in the EU and in the US for the week dated 3 January 2024.",
    [(a, "US$/Wp"), (b, "US$/Wp")], [], "real parquet: Module / p-type mono-Si PERC M10 / EU and US, 2024-01-03")

vals = {r: RP.on(RP.s("Module", "n-type TOPCon", r), "2025-03-26") for r in ["China", "EU", "US"]}
lo = min(vals, key=vals.get)
add("real", "price", "price",
    "As between China, the EU and the US, which region showed the lowest n-type TOPCon module price on 26 March 2025, and at what level?",
    [(vals[lo], "US$/Wp")], [lo], "real parquet: Module / n-type TOPCon, 2025-03-26, min over China/EU/US")

v, n = RP.mean(sc, "2023-04-01", "2024-03-31")
add("real", "price", "price",
    "The Union industry's complaint defines the Investigation Period ('IP') as 1 April 2023 - 31 March 2024. "
    "What was the average Chinese n-type TOPCon module price over the IP (simple mean of the weekly observations)?",
    [(v, "US$/Wp")], [], f"real parquet: Module / n-type TOPCon / China, mean of {n} weekly values 2023-04-01..2024-03-31")

sh = RP.s("Module", "n-type HJT", "China")
dh, xh = RP.latest(sh)
dt, xt = RP.latest(sc)
assert dh == dt
add("real", "price", "price",
    "For the product-scope discussion (whether HJT ought to be excluded), compare the latest Chinese module prices for n-type HJT versus n-type TOPCon technology.",
    [(xh, "US$/Wp"), (xt, "US$/Wp")], [], f"real parquet: Module / n-type HJT and n-type TOPCon / China, latest ({dh.date()})")


# ============================================================================
# SAMPLE DATA — market
# ============================================================================
v = SM.v("Italy", 2022)
add("sample", "market", "lookup",
    "Starting with the Italian market for our Union-level table. How much PV capacity was installed in Italy in 2022?",
    [(v, MW)], [], "sample market: Italy 2022 Historical Primary Total Annual")

v = SM.v("Netherlands", 2030, "Cumulative")
add("sample", "market", "lookup",
    "What cumulative PV capacity is the Netherlands expected to reach by end-2030 (most probable scenario)?",
    [(v, MW)], [], "sample market: Netherlands 2030 Forecast - Most probable Total Cumulative")

v = SM.v("Italy", 2024, conn="Distributed", typ="Cumulative")
assert v > 0
add("sample", "market", "lookup",
    "Italy - cumulative distributed (rooftop) PV capacity at end of 2024?",
    [(v, MW)], [], "sample market: Italy 2024 Historical Primary Distributed Cumulative")

top = SM.rank(2024, n=None)
add("sample", "market", "rank",
    "We need a simple ranking table for the annex. Rank the countries in the database by PV installed in 2024, from largest to smallest (the World total excluded).",
    [(c, MW) for _, c in top], [t for t, _ in top],
    "sample market: 2024 Historical Primary Total Annual, all non-World territories sorted")

top = SM.rank(2024, "Cumulative", n=2)
add("sample", "market", "rank",
    "Which two countries had the largest installed PV base at the end of 2024?",
    [(c, MW) for _, c in top], [t for t, _ in top],
    "sample market: 2024 Historical Primary Total Cumulative, countries only, top 2")

a, w = SM.v("Germany", 2024), SM.v("World", 2024)
add("sample", "market", "share",
    "Germany's share of the global PV market in 2024 - what %?",
    [(a / w * 100, P)], [], "sample market: Germany / World 2024 Annual Total")

d, t = SM.v("Poland", 2023, conn="Distributed"), SM.v("Poland", 2023)
add("sample", "market", "share",
    "What share of Poland's 2023 installations was distributed (rooftop) capacity?",
    [(d / t * 100, P)], [], "sample market: Poland 2023 Annual Distributed / Total")

a, b = SM.v("Spain", 2019), SM.v("Spain", 2024)
add("sample", "market", "change",
    "The Spanish market is the focus of the safeguard request. Calculate the compound annual growth rate of Spanish annual PV installations between 2019 and 2024.",
    [(cagr(a, b, 5), P)], [], "sample market: Spain Annual Total 2019 -> 2024, CAGR 5 years")

a, b = SM.v("France", 2023), SM.v("France", 2024)
add("sample", "market", "change",
    "France: % change in annual installations, 2023 vs 2024?",
    [(pct(a, b), P)], [], "sample market: France Annual Total 2023 -> 2024, % change")

a, b = SM.v("Italy", 2024, "Cumulative"), SM.v("Spain", 2024, "Cumulative")
add("sample", "market", "compare",
    "State the cumulative installed PV capacity of Italy and of Spain at end-2024, and which was the larger.",
    [(a, MW), (b, MW)], ["Spain" if b > a else "Italy"], "sample market: Italy and Spain 2024 Cumulative Total")

s = SM.hist_series("Netherlands")
fc = SM.series("Netherlands", 2025, 2030)
full = dict(s.items()); full.update(fc)
yr = max(full, key=full.get)
add("sample", "market", "extreme",
    "Over the entire span of the data (actuals and the most probable forecast), in which year do Dutch PV additions peak?",
    [(full[yr], MW)], [str(yr)], "sample market: Netherlands Annual Total, Historical 2015-2024 + Most probable 2025-2030, max")

s = SM.hist_series("Italy")
add("sample", "market", "extreme",
    "Which year had the lowest Italian PV installations in the historical record?",
    [(s.min(), MW)], [str(int(s.idxmin()))], "sample market: Italy Annual Total Historical Primary, min")

s = SM.series("Germany", 2025, 2030)
add("sample", "market", "average",
    "For the threat-of-injury analysis (imminence of increased demand), what is the average annual PV market projected for Germany over 2025 to 2030 (most probable case)?",
    [(sum(s.values()) / len(s), MW)], [], "sample market: Germany Annual Total Forecast - Most probable 2025..2030 mean")

s = SM.series("Poland", 2020, 2024)
add("sample", "market", "sum",
    "Total Polish PV additons over 2020-2024 inclusive?",
    [(sum(s.values()), MW)], [], "sample market: Poland Annual Total sum 2020..2024")

s = SM.hist_series("France")
add("sample", "market", "first_latest",
    "What is the latest year for which actual (historical) installation data exist for France, and the figure for that year?",
    [(s.iloc[-1], MW)], [str(int(s.index[-1]))], "sample market: France Annual Total Historical Primary, latest year")

# ============================================================================
# SAMPLE DATA — prices
# ============================================================================
s = SP.s("Module", "n-type TOPCon", "EU")
v = SP.month(s, 2024, 12)
add("sample", "price", "price",
    "We require an EU price reference for the end of the period. What was the n-type TOPCon module price in the EU in December 2024?",
    [(v, "US$/Wp")], [], "sample prices: Module / n-type TOPCon / EU, 2024-12")

s = SP.s("Module", "p-type mono-Si PERC M10", "China")
v, ds = SP.mn(s)
add("sample", "price", "price",
    "What was the lowest price recorded for Chinese p-type mono-Si PERC M10 modules, and in which month?",
    [(v, "US$/Wp")], [ds[0].strftime("%Y")] if len(ds) == 1 else [],
    "sample prices: Module / p-type mono-Si PERC M10 / China, min over series")
assert len(ds) == 1

s = SP.s("Polysilicon", "High purity - 9N/9N+", "China")
a, b = SP.month(s, 2023, 1), SP.month(s, 2024, 12)
add("sample", "price", "price",
    "The upstream price collapse is central to the dumping allegation. Polysilicon (9N/9N+) in China: percentage change in price from January 2023 to December 2024?",
    [(pct(a, b), P)], [], "sample prices: Polysilicon / High purity - 9N/9N+ / China, 2023-01 -> 2024-12, % change")

vals = {r: SP.month(SP.s("Module", "n-type TOPCon", r), 2024, 6) for r in ["China", "EU", "India", "US"]}
lo, hi = min(vals, key=vals.get), max(vals, key=vals.get)
add("sample", "price", "price",
    "For June 2024, which region had the cheapest and which the most expensive n-type TOPCon modules?",
    [(vals[lo], "US$/Wp"), (vals[hi], "US$/Wp")], [lo, hi],
    "sample prices: Module / n-type TOPCon, 2024-06, min and max across China/EU/India/US")

s = SP.s("Wafer", "n-type mono-Si M10", "China")
v, n = SP.mean(s, "2024-01-01", "2024-12-31")
add("sample", "price", "price",
    "Average 2024 price of n-type M10 wafers in China (monthly series)?",
    [(v, "US$/pce")], [], "sample prices: Wafer / n-type mono-Si M10 / China, mean of 12 months 2024")

a = SP.month(SP.s("PV glass", "Glass 3,2mm", "EU"), 2024, 12)
b = SP.month(SP.s("PV glass", "Glass 3,2mm", "China"), 2024, 12)
add("sample", "price", "price",
    "3.2 mm PV glass - EU vs China price in December 2024?",
    [(a, "US$/m²"), (b, "US$/m²")], [], "sample prices: PV glass / Glass 3,2mm / EU and China, 2024-12")

s = SP.s("Cell", "n-type TOPCon M10", "EU")
v, ds = SP.mx(s)
assert len(ds) == 1
add("sample", "price", "price",
    "Highest price reached by n-type TOPCon M10 cells in the EU, and when?",
    [(v, "US$/Wp")], [ds[0].strftime("%Y")], "sample prices: Cell / n-type TOPCon M10 / EU, max over series")

s = SP.s("Module", "n-type HJT", "India")
d, x = SP.latest(s)
add("sample", "price", "price",
    "latest HJT module price in India?",
    [(x, "US$/Wp")], [], f"sample prices: Module / n-type HJT / India, latest ({d.date()})")

# ============================================================================
# FINANCIALS (sample financials; loaded on both instances)
# ============================================================================
v, u = fin(HEL, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "financial",
    "In assessing the financial situation of the industry: what gross margin did Helios Modules report for Q4 2024?",
    [(v, u)], [], "sample financials: Helios, 2024-Q4, Gross margin")

v, u = fin(SUN, "FY2024", "Net income")
add("sample", "manufacturer_financial", "financial",
    "For the financial indicators of the sampled producers: SunForge Energy's net income for full-year 2024?",
    [(v, u)], [], "sample financials: SunForge, FY2024, Net income")

a, u = fin(NOR, "FY2023", "Revenue")
b, _ = fin(NOR, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "financial",
    "By what percentage did Nordlicht Solar AG's revenue change from FY2023 to FY2024? (This goes to the injury "
    "indicator on sales value.)",
    [(pct(a, b), P)], [], "sample financials: Nordlicht Revenue FY2023 -> FY2024, % change")

gm = {c: fin(c, "FY2024", "Gross margin")[0] for c in COMPANIES}
best = max(gm, key=gm.get)
add("real", "manufacturer_financial", "financial",
    "Which manufacturer posted the highest full-year gross margin in FY2024, and what was it?",
    [(gm[best], P)], [best.split(" ")[0]], "sample financials: FY2024 Gross margin, max across the 4 companies")

v, u = fin(HEL, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "financial",
    "Capacity expansion is relevant to our overcapacity argument. What production capacity did Helios report at 2024-Q4?",
    [(v, u)], [], "sample financials: Helios, 2024-Q4, Production capacity")

a, _ = fin(SUN, "2023-Q1", "Gross margin")
b, _ = fin(SUN, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "financial",
    "Please set out SunForge Energy's gross margin in 2023-Q1 and in 2024-Q4, so the deterioration over the period can be shown.",
    [(a, P), (b, P)], [], "sample financials: SunForge Gross margin 2023-Q1 and 2024-Q4")

tot = sum(fin(c, "FY2024", "Net income")[0] for c in COMPANIES)
add("sample", "manufacturer_financial", "financial",
    "To illustrate industry-wide losses: what was the combined FY2024 net income of all the manufacturers in the dataset?",
    [(tot, "USD million")], [], "sample financials: sum of FY2024 Net income over the 4 companies")

q = [fin(AUR, f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial", "financial",
    "Average quarterly revenue of Aurora PV Group across the four quarters of 2024?",
    [(sum(q) / 4, "USD million")], [], "sample financials: Aurora Revenue mean of 2024-Q1..Q4")

neg = [p for p in FIN.period.unique() if p.startswith("20") and "-Q" in p
       and fin(NOR, p, "Gross margin")[0] < 0]
add("sample", "manufacturer_financial", "financial",
    "In which quarters did Nordlicht Solar AG record a negative gross margin? Please list the periods as labelled (e.g. 2023-Q1).",
    [], neg, "sample financials: Nordlicht quarterly Gross margin < 0")

# ============================================================================
# FOLLOW-UP CHAINS
# ============================================================================
a = RM.v("Netherlands", 2023)
add("real", "market", "follow_up",
    ["What did Italy install in 2023, in MW?", "And the Netherlands?"],
    [(a, MW)], [], "real CSV: Netherlands 2023 Historical Primary Total Annual")

a, w = RM.v("China", 2022), RM.v("World", 2022)
add("real", "market", "follow_up",
    ["What share of world PV additions in 2023 was accounted for by China?", "what about 2022?"],
    [(a / w * 100, P)], [], "real CSV: China / World 2022 Annual Total")

v = RM.v("Germany", 2030, scenario=HIGH)
add("real", "market", "follow_up",
    ["What annual PV installations are forecast for Germany in 2030 (most probable)?",
     "Same for the high scenario."],
    [(v, MW)], [], "real CSV: Germany 2030 Forecast - High Total Annual")

top = RM.rank(2024, "Cumulative", n=5)
add("real", "market", "follow_up",
    ["Top five countries by cumulative PV capacity at end-2024?", "Show that as a bar chart."],
    [(c, MW) for _, c in top], [t for t, _ in top], "real CSV: 2024 Cumulative Total, countries only, top 5, chart")

a, b = RM.v("India", 2023), RM.v("India", 2024)
add("real", "market", "follow_up",
    ["How much PV did India add in 2024?", "How does that compare with 2023, in percentage terms?"],
    [(pct(a, b), P)], [], "real CSV: India Annual Total 2023 -> 2024, % change")

s = RP.s("Module", "n-type HJT", "US")
d, x = RP.latest(s)
add("real", "price", "follow_up",
    ["What's the latest n-type HJT module price in China?", "and in the US?"],
    [(x, "US$/Wp")], [], f"real parquet: Module / n-type HJT / US, latest of that series ({d.date()})")

s = RP.s("Polysilicon", "High purity - 9N/9N+", "China")
v, _ = RP.mx(s, "2024-01-01", "2024-12-31")
add("real", "price", "follow_up",
    ["Lowest 9N/9N+ polysilicon price in China during 2024?", "And the highest over the same period?"],
    [(v, "US$/kg")], [], "real parquet: Polysilicon / High purity - 9N/9N+ / China, max over 2024 (all sources)")

b, u = fin(AUR, "2023-Q3", "Gross margin")
add("real", "manufacturer_financial", "follow_up",
    ["What was Aurora PV Group's gross margin in 2024-Q3?", "And in the same quarter of 2023?"],
    [(b, u)], [], "sample financials: Aurora 2023-Q3 Gross margin")

v = SM.v("Netherlands", 2024, "Cumulative")
add("sample", "market", "follow_up",
    ["France's cumulative PV capacity at end-2024?", "And the Netherlands?"],
    [(v, MW)], [], "sample market: Netherlands 2024 Historical Primary Total Cumulative")

v = SM.v("Spain", 2030, scenario=LOW)
add("sample", "market", "follow_up",
    ["Most probable forecast of Spain's annual installations for 2030?", "and under the low case?"],
    [(v, MW)], [], "sample market: Spain 2030 Forecast - Low Total Annual")

s = SP.s("Module", "n-type TOPCon", "US")
v = SP.month(s, 2024, 1)
add("sample", "price", "follow_up",
    ["EU price of n-type TOPCon modules in January 2024?", "And in the US, same month?"],
    [(v, "US$/Wp")], [], "sample prices: Module / n-type TOPCon / US, 2024-01")

a = SP.month(SP.s("Polysilicon", "High purity - 9N/9N+", "China"), 2024, 12)
b = SP.month(SP.s("Polysilicon", "High purity - 9N/9N+", "EU"), 2024, 12)
add("sample", "price", "follow_up",
    ["What was the 9N/9N+ polysilicon price in China in December 2024?",
     "Compare that with the EU price for the same month."],
    [(a, "US$/kg"), (b, "US$/kg")], [], "sample prices: Polysilicon / High purity - 9N/9N+ / China and EU, 2024-12")

v, u = fin(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "follow_up",
    ["Helios Modules revenue for FY2024?", "and SunForge's?"],
    [(v, u)], [], "sample financials: SunForge FY2024 Revenue")

a = SM.v("Germany", 2024)
b = SM.v("Germany", 2023)
add("sample", "market", "follow_up",
    ["Germany's 2023 PV installations?", "And 2024? Give me the year-on-year change in MW as well."],
    [(a, MW), (a - b, MW)], [], "sample market: Germany Annual Total 2024; 2024 minus 2023")

# ============================================================================
# UNANSWERABLE
# ============================================================================
U = []


def un(data, agent, turns, why):
    add(data, agent, "unanswerable", turns, answerable=False, why=why)


un("real", "market",
   "For context in the injury section we also need the wider renewables picture: how much onshore wind capacity did Germany install in 2023?",
   "wind capacity is not in the data; only PV installations are held")
un("sample", "market",
   "What volume of PV modules (in GW) was imported into the EU from China in 2023?",
   "trade flows / import volumes by origin are not held; the market data only has installed capacity")
un("sample", "price",
   "What anti-dumping and countervailing duty rates currently apply to Chinese crystalline-silicon modules entering the US?",
   "duty rates / tariffs are not held")
un("real", "market",
   "Union-interest arguments will touch on the cost of electricity to users. What is the LCOE of utility-scale PV in Spain for 2024 (EUR/MWh)?",
   "LCOE is not a measure held in the data")
un("real", "market",
   "How many people were employed in PV manufacturing in Germany in 2023?",
   "jobs / employment are not held")
un("real", "price",
   "India is proposed as the analogue country. Latest n-type TOPCon module price in India?",
   "no n-type TOPCon module series for the India region in the price data (India only has older p-type series ending in 2022-2023)")
un("real", "market",
   "We need the forecast installed base for the threat analysis. What cumulative PV capacity is Italy forecast to reach by the end of 2030 under the most probable scenario?",
   "forecast cumulative values in the real CSV do not include the installed base, so cumulative forecasts cannot be given")
un("real", "market",
   "What annual PV installations are projected for France in 2035?",
   "forecasts end in 2030")
un("real", "market",
   "What was the value of the French PV market in 2024, in EUR?",
   "market value in currency is not held; only capacity in MW")
un("real", "market",
   "The exporters allege diversion of shipments to West Africa. How much PV did Nigeria install in 2023?",
   "Nigeria is not among the territories in the data")
un("real", "price",
   "For the cost adjustment we need an undistorted polysilicon benchmark. What is the current US domestic price of 9N polysilicon (i.e. for the US region)?",
   "polysilicon prices exist only for China and Overseas regions; no US region")
un("real", "price",
   "Average conversion efficiency of n-type TOPCon modules versus PERC in 2024?",
   "module efficiency is not held; only prices")
un("real", "price",
   "To test the exporters' cost allocation: what share of the n-type TOPCon module price in China is accounted for by polysilicon?",
   "a cost share of a price cannot be derived: items have different units (US$/kg vs US$/Wp) and no cost breakdown is held")
un("real", "market",
   "Annual PV electricity generation in Spain in 2024, in GWh?",
   "generation is not held; only capacity")
un("real", "manufacturer_financial",
   "As a comparator for a non-Chinese producer's profitability: what was First Solar's gross margin in FY2024?",
   "First Solar is not among the companies in the financials (sample companies only)")
un("real", "market",
   "The safeguard request relies on a sharp and recent surge. Germany's PV installations in March 2024 alone (monthly figure)?",
   "the market data are annual only; no monthly installations")
un("real", "market",
   "Installed concentrated solar power (CSP/solar thermal) capacity in Spain at end-2024?",
   "solar thermal / CSP is not in the data")
un("real", "market",
   "What proportion of modules installed in the EU in 2024 were of Chinese origin?",
   "country of origin of installed modules is not held")
un("sample", "market",
   "How much PV did the USA install in 2024?",
   "the sample market data cover only Italy, Germany, Spain, France, Netherlands, Poland and World")
un("sample", "manufacturer_financial",
   "Helios Modules' EBITDA for FY2024?",
   "EBITDA is not among the metrics (Revenue, Gross margin, Net income, Module shipments, Production capacity)")
un("sample", "price",
   "For the regional comparison: latest p-type PERC M10 module price in Australia?",
   "Australia is not a region in the sample price data")
un("sample", "price",
   "We need a pre-IP baseline. What was the Chinese 9N polysilicon price in June 2022?",
   "the sample price series start in January 2023")
un("sample", "market",
   "Japan's cumulative PV capacity end-2024?",
   "Japan is not in the sample market data")
un("sample", "price",
   "Silver price in December 2024?",
   "silver is not an item in the sample price data")
un("sample", "manufacturer_financial",
   "To construct normal value we need cost of production: what was SunForge Energy's unit manufacturing cost per watt in 2024?",
   "cost of production per watt is not held in the financials")
un("sample", "market",
   "Onshore and offshore wind additions in Spain, 2024?",
   "wind is not in the data")
un("sample", "manufacturer_financial",
   "LONGi's module shipments in 2024?",
   "LONGi is not among the (sample) companies in the financials")
un("sample", "market",
   "Our period considered begins in 2012. What were Poland's PV installations in 2012?",
   "the sample market data start in 2015")
un("sample", "price",
   "Average inverter price in the EU during 2024?",
   "inverters are not in the sample price data")

# ============================================================================
# Finalise: ids, self-check, write
# ============================================================================
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

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
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_fu}  financial-agent items: {n_fin}")
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by data x agent:", dict(Counter((it["data"], it["agent"]) for it in ITEMS)))
