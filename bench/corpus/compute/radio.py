"""Question set of writer `radio` (regional radio host, energy & household budget).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
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
WRITER = "radio"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
FC = {"most probable": "Forecast - Most probable", "high": "Forecast - High", "low": "Forecast - Low"}


# ----------------------------------------------------------------------------- market
def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()  # exact duplicate rows counted once
    # a few rows repeat with only metadata columns differing (same capacity): count once
    df = df.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not df.duplicated(KEY).any(), "conflicting duplicate market rows"
    return df


class Market:
    AGGREGATES = {
        "World", "RoW", "Europe", "Africa", "America", "Oceania", "Asia", "South Europe",
        "North Africa", "South America", "Central Europe", "South Asia", "East Europe",
        "North America", "East Asia", "North Europe", "Central America", "Southeast Asia",
        "Middle East", "Central Asia", "Eurasia", "Southern Africa", "EU", "ASEAN",
    }

    def __init__(self, path):
        self.df = load_market(path)
        h = self.df[self.df.Scenario == HIST]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()
        self.countries = sorted(set(self.df.Territory) - self.AGGREGATES)

    def scen_for(self, terr, year, scen=None):
        if scen:
            return FC[scen]
        return HIST if year <= self.last_hist[terr] else FC["most probable"]

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        r = self.df[(self.df.Territory == terr) & (self.df.Year == year) & (self.df.Scenario == s)
                    & (self.df.Connection == conn) & (self.df.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r["Capacity(MW)"].iloc[0])

    def series(self, terr, typ="Annual", conn="Total", y0=None, y1=None, hist_only=True):
        d = self.df[(self.df.Territory == terr) & (self.df.Connection == conn) & (self.df.Type == typ)
                    & (self.df.Scenario == HIST)]
        if y0 is not None:
            d = d[d.Year >= y0]
        if y1 is not None:
            d = d[d.Year <= y1]
        return d.set_index("Year")["Capacity(MW)"].sort_index()

    def rank(self, year, typ="Annual", conn="Total", n=5, scen=None, pool=None, ascending=False):
        pool = pool or self.countries
        rows = []
        for c in pool:
            try:
                rows.append((c, self.v(c, year, typ, conn, scen)))
            except AssertionError:
                pass
        rows.sort(key=lambda x: x[1], reverse=not ascending)
        assert rows[n - 1][1] != rows[n][1], "tie at rank cut"
        return rows[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def extreme(s, kind="max"):
    val = s.max() if kind == "max" else s.min()
    yrs = list(s[s == val].index)
    assert len(yrs) == 1, ("tie", yrs)
    return int(yrs[0]), float(val)


# ----------------------------------------------------------------------------- prices
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None):
        d = self.df[(self.df.item == item) & (self.df.description == desc) & (self.df.region == region)]
        if unit:
            d = d[d.unit == unit]
        assert d.unit.nunique() == 1, (item, desc, region, d.unit.unique())
        assert not d.date.duplicated().any(), ("several observations on one date", item, desc, region)
        return d.sort_values("date").set_index("date")["base_price"], d.unit.iloc[0]

    def latest(self, *a, **k):
        s, u = self.s(*a, **k)
        return s.index[-1], float(s.iloc[-1]), u

    def first(self, *a, **k):
        s, u = self.s(*a, **k)
        return s.index[0], float(s.iloc[0]), u

    def month(self, item, desc, region, ym, unit=None):
        s, u = self.s(item, desc, region, unit)
        m = s[s.index.strftime("%Y-%m") == ym]
        assert len(m) == 1, (item, desc, region, ym, len(m))
        return float(m.iloc[0]), u

    def ext(self, item, desc, region, kind="max", start=None, end=None, unit=None, need_unique=True):
        s, u = self.s(item, desc, region, unit)
        if start:
            s = s[s.index >= start]
        if end:
            s = s[s.index <= end]
        val = s.max() if kind == "max" else s.min()
        dates = list(s[s == val].index)
        if need_unique:
            assert len(dates) == 1, (item, desc, region, kind, dates)
        return dates, float(val), u

    def mean(self, item, desc, region, start=None, end=None, unit=None):
        s, u = self.s(item, desc, region, unit)
        if start:
            s = s[s.index >= start]
        if end:
            s = s[s.index <= end]
        return float(s.mean()), u, len(s)


def ym_name(ts):
    return ts.strftime("%B %Y")


# ----------------------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.df = pd.read_csv(path)
        assert not self.df.duplicated(["company", "period", "metric"]).any()

    def v(self, company, period, metric):
        r = self.df[(self.df.company == company) & (self.df.period == period) & (self.df.metric == metric)]
        assert len(r) == 1
        return float(r.value.iloc[0]), r.unit.iloc[0]


# ----------------------------------------------------------------------------- build
RM = Market(REAL_MARKET)
SM = Market(S_MARKET)
RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(S_PRICES))
F = Fin(S_FIN)

HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

items = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind if answerable else "unanswerable",
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        assert not it["expect"]
    items.append(it)


def MW(x):
    return {"value": float(x), "unit": "MW"}


def P(x):
    return {"value": float(x), "unit": "%"}


def X(x):
    return {"value": float(x), "unit": "x"}


def U(x, unit):
    return {"value": float(x), "unit": unit}


# ============================================================ REAL: market
R = "real"
m = RM

# --- lookups
add(R, "market", "lookup",
    "How much solar does Spain have now? I mean the total installed base at the end of 2024, all segments together.",
    [MW(m.v("Spain", 2024, "Cumulative"))], how="real CSV: Spain 2024 Historical Primary Total Cumulative")
add(R, "market", "lookup",
    "Maria from Valencia asks: how many MW of new solar did Spain add in 2024?",
    [MW(m.v("Spain", 2024))], how="real CSV: Spain 2024 Historical Primary Total Annual")
add(R, "market", "lookup",
    "Quick one for tomorrow's show - Italy's new PV installations in 2023, in MW please",
    [MW(m.v("Italy", 2023))], how="real CSV: Italy 2023 Historical Primary Total Annual")
add(R, "market", "lookup",
    "In the optimistic case - the high scenario - how many MW would France add in 2030?",
    [MW(m.v("France", 2030, scen="high"))], how="real CSV: France 2030 Forecast - High Total Annual")
add(R, "market", "lookup",
    "how much solar did Pakistan install in 2024? someone on air said it exploded",
    [MW(m.v("Pakistan", 2024))], how="real CSV: Pakistan 2024 Historical Primary Total Annual")

# --- change
a, b = m.v("Italy", 2023), m.v("Italy", 2024)
add(R, "market", "change",
    "Did Italy put up more panels in 2024 than in 2023? Give me the difference in MW and in %.",
    [MW(b - a), P(pct(a, b))], how="real CSV: Italy Annual Total 2024 - 2023, and % change")
a, b = m.v("World", 2020), m.v("World", 2024)
add(R, "market", "change",
    "How fast has the world's yearly solar build-out grown? I need the compound annual growth rate (CAGR) of global new installations from 2020 to 2024.",
    [P(cagr(a, b, 4))], how="real CSV: World Annual Total, CAGR 2020->2024 over 4 years")
a, b = m.v("Spain", 2019, "Cumulative"), m.v("Spain", 2024, "Cumulative")
a, b = m.v("India", 2023), m.v("India", 2024)
add(R, "market", "change",
    "India had a big 2024, I'm told. India's annual installations, 2024 vs 2023 - year-on-year change in %?",
    [P(pct(a, b))], how="real CSV: India Annual Total, (2024-2023)/2023")
a, b = m.v("Germany", 2023), m.v("Germany", 2024)
a, b = m.v("Brazil", 2019, "Cumulative"), m.v("Brazil", 2024, "Cumulative")
add(R, "market", "change",
    "Brazil keeps coming up in the news. What's the CAGR of Brazil's cumulative installed PV from 2019 to 2024?",
    [P(cagr(a, b, 5))], how="real CSV: Brazil Cumulative Total, CAGR 2019->2024 over 5 years")
a, b = m.v("Netherlands", 2023), m.v("Netherlands", 2024)

# --- rank
top = m.rank(2024, "Annual", n=5)
add(R, "market", "rank",
    "Which five countries installed the most new solar in 2024? Countries only, not regions.",
    [MW(v) for _, v in top], [c for c, _ in top], how="real CSV: countries (aggregates and RoW excluded), 2024 Annual Total, top 5")
top = m.rank(2024, "Cumulative", n=3)
add(R, "market", "rank",
    "For the intro I want the big picture. Who are the top 3 countries by total installed solar capacity at the end of 2024?",
    [MW(v) for _, v in top], [c for c, _ in top], how="real CSV: countries, 2024 Cumulative Total, top 3")
top = m.rank(2024, "Annual", conn="Distributed", n=3)
add(R, "market", "rank",
    "For our rooftop special: the top three countries for distributed PV additions in 2024?",
    [MW(v) for _, v in top], [c for c, _ in top], how="real CSV: countries, 2024 Annual Distributed, top 3")
top = m.rank(2023, "Annual", n=5)
top = m.rank(2030, "Annual", n=3, pool=[c for c in m.countries if c in set(m.df[m.df.Scenario == FC["most probable"]].Territory)])
add(R, "market", "rank",
    "Looking ahead: which 3 countries are forecast to add the most PV in 2030 in the most probable scenario?",
    [MW(v) for _, v in top], [c for c, _ in top], how="real CSV: countries with forecasts, 2030 Forecast - Most probable Annual Total, top 3")

# --- share
a, w = m.v("China", 2024), m.v("World", 2024)
add(R, "market", "share",
    "Everyone says China dominates. What share of the world's new solar installations in 2024 was in China?",
    [P(a / w * 100)], how="real CSV: China / World, 2024 Annual Total, Historical Primary")
a, w = m.v("Germany", 2024, "Cumulative"), m.v("World", 2024, "Cumulative")
add(R, "market", "share",
    "Germany was the pioneer. What percentage of the world's installed solar fleet (end of 2024) is in Germany?",
    [P(a / w * 100)], how="real CSV: Germany / World, 2024 Cumulative Total")
a, t = m.v("Spain", 2024, conn="Centralised"), m.v("Spain", 2024)
add(R, "market", "share",
    "Of what Spain installed in 2024, what share was big ground-mounted (centralised) plants?",
    [P(a / t * 100)], how="real CSV: Spain 2024 Annual Centralised / Total")
a, t = m.v("Italy", 2024, "Cumulative", conn="Distributed"), m.v("Italy", 2024, "Cumulative")
add(R, "market", "share",
    "How much of Italy's instaled base at end-2024 is distributed (rooftop-type) solar, as a % of Italy's total?",
    [P(a / t * 100)], how="real CSV: Italy 2024 Cumulative Distributed / Total")
a, w = m.v("USA", 2023), m.v("World", 2023)

# --- compare
vals = {c: m.v(c, 2024) for c in ["Spain", "Italy", "Germany"]}
big = max(vals, key=vals.get)
add(R, "market", "compare",
    "Spain vs Italy vs Germany: how much new solar did each add in 2024, and which added the most?",
    [MW(vals[c]) for c in vals], [big], how="real CSV: 2024 Annual Total for the three; max")
a, b = m.v("Germany", 2024, "Cumulative"), m.v("France", 2024, "Cumulative")
add(R, "market", "compare",
    "How many times bigger is Germany's installed solar base than France's, end of 2024?",
    [X(a / b)], how="real CSV: Germany / France, 2024 Cumulative Total")
a, b = m.v("India", 2024), m.v("USA", 2024)
add(R, "market", "compare",
    "India or the USA - who added more PV in 2024, and by how many MW?",
    [MW(abs(a - b))], ["USA" if b > a else "India"], how="real CSV: 2024 Annual Total USA vs India, difference")
vals = {c: m.v(c, 2024, "Cumulative") for c in ["Spain", "Italy"]}

# --- extreme
y, v = extreme(m.series("Spain"))
add(R, "market", "extreme",
    "What was Spain's record year for new solar installations, and how much went in that year?",
    [MW(v)], [str(y)], how="real CSV: Spain Annual Total Historical, max over all years")
y, v = extreme(m.series("Germany", y1=2020))
add(R, "market", "extreme",
    "Before 2021, which was Germany's biggest year for new solar, and how many MW?",
    [MW(v)], [str(y)], how="real CSV: Germany Annual Total Historical up to 2020, max")
y, v = extreme(m.series("Italy", y0=2015, y1=2024), "min")
add(R, "market", "extreme",
    "Between 2015 and 2024, in which year did Italy install the least new PV, and how much?",
    [MW(v)], [str(y)], how="real CSV: Italy Annual Total 2015-2024, min")
y, v = extreme(m.series("Netherlands"))
y, v = extreme(m.series("Greece"))
add(R, "market", "extreme",
    "Nikos, a Greek listener, asks: which was Greece's biggest year ever for new panels?",
    [MW(v)], [str(y)], how="real CSV: Greece Annual Total Historical, max")

# --- average
s = m.series("Spain", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", "average",
    "On avergae, how much solar has Spain added per year from 2020 to 2024?",
    [MW(s.mean())], how="real CSV: mean of Spain Annual Total 2020..2024")
s = m.series("Poland", y0=2019, y1=2024)
assert len(s) == 6
vals = [m.v("Germany", y, scen="most probable") for y in range(2025, 2031)]
add(R, "market", "average",
    "In the most probable forecast, how much would Germany add per year on average between 2025 and 2030?",
    [MW(sum(vals) / len(vals))], how="real CSV: mean of Germany Forecast - Most probable Annual Total 2025..2030")

# --- sum
s = m.series("Italy", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", "sum",
    "Add it up for me: how much new solar did Italy install in total over 2020-2024?",
    [MW(s.sum())], how="real CSV: sum of Italy Annual Total 2020..2024")
vals = [m.v("France", y, scen="most probable") for y in range(2025, 2031)]
a, b = m.v("Spain", 2024, "Cumulative"), m.v("Portugal", 2024, "Cumulative")
add(R, "market", "sum",
    "Spain and Portugal together - combined installed solar capacity at the end of 2024?",
    [MW(a + b)], how="real CSV: Spain + Portugal 2024 Cumulative Total")

# --- first / latest
s = m.series("Spain")
add(R, "market", "first_latest",
    "What's the earliest year you have Spanish solar installation figures for, and how much was added that year?",
    [MW(s.iloc[0])], [str(int(s.index[0]))], how="real CSV: Spain Annual Total Historical, first year")
s = m.series("China")
yr = int(s[s > 100000].index[0])
add(R, "market", "first_latest",
    "A caller claimed China now builds over 100 GW a year. In which year did China first add more than 100 GW (100,000 MW) of solar in a single year?",
    [MW(s[yr])], [str(yr)], how="real CSV: China Annual Total Historical, first year > 100,000 MW")
s = m.series("Spain", "Cumulative")
yr = int(s[s > 10000].index[0])
add(R, "market", "first_latest",
    "Spain's boom started late. When did Spain's installed base first go above 10 GW?",
    [MW(s[yr])], [str(yr)], how="real CSV: Spain Cumulative Total Historical, first year > 10,000 MW")
s = m.series("India")

# --- follow-ups (real market)
add(R, "market", "follow_up",
    ["How much solar did Poland add in 2024?", "and Romania?"],
    [MW(m.v("Romania", 2024))], how="real CSV: Romania 2024 Annual Total")
add(R, "market", "follow_up",
    ["What was Italy's total installed PV at the end of 2022?", "what about 2024?"],
    [MW(m.v("Italy", 2024, "Cumulative"))], how="real CSV: Italy 2024 Cumulative Total")
add(R, "market", "follow_up",
    ["How much new PV is Spain expected to add in 2028?", "same for the low scenario"],
    [MW(m.v("Spain", 2028, scen="low"))], how="real CSV: Spain 2028 Forecast - Low Annual Total")
top = m.rank(2022, "Annual", n=3)
add(R, "market", "follow_up",
    ["Which 3 countries added the most solar in 2024?", "and back in 2022?"],
    [MW(v) for _, v in top], [c for c, _ in top], how="real CSV: countries, 2022 Annual Total, top 3")
add(R, "market", "follow_up",
    ["What share of the world's new solar in 2024 went up in China?", "And India?"],
    [P(m.v("India", 2024) / m.v("World", 2024) * 100)], how="real CSV: India / World 2024 Annual Total")
add(R, "market", "follow_up",
    ["How much centralised (utility-scale) solar did Germany install in 2024?", "and how much was distributed?"],
    [MW(m.v("Germany", 2024, conn="Distributed"))], how="real CSV: Germany 2024 Annual Distributed")
s = m.series("Greece", y0=2020, y1=2024)
add(R, "market", "follow_up",
    ["Greece's new solar installations each year from 2020 to 2024, please", "can you show that as a chart?"],
    [MW(x) for x in s.values], how="real CSV: Greece Annual Total 2020..2024 (chart of the same values)")

# --- unanswerable (real)
add(R, "market", "unanswerable", "How much wind power capacity did Spain install in 2024?",
    answerable=False, why="wind is not in the data: PV only", how="-")
add(R, "market", "unanswerable",
    "A lot of people are adding home batteries. How many MWh of battery storage went into German homes in 2024?",
    answerable=False, why="storage not in the data", how="-")
add(R, "market", "unanswerable",
    "Greece is famous for rooftop solar water heaters - how many of those are installed there?",
    answerable=False, why="solar thermal is not covered, PV capacity only", how="-")
add(R, "market", "unanswerable",
    "How many GWh of electricity did Italian solar panels generate in 2024?",
    answerable=False, why="generation (GWh) is not held, only capacity in MW", how="-")
add(R, "market", "unanswerable",
    "Carmen in Seville asks: how many people work in the solar industry in Spain?",
    answerable=False, why="jobs/employment are not in the data", how="-")
add(R, "market", "unanswerable",
    "How much solar is installed in the Valencia region specifically?",
    answerable=False, why="sub-national regions are not in the data (country level only)", how="-")
add(R, "market", "unanswerable",
    "What's Nigeria's installed solar capacity at the end of 2024?",
    answerable=False, why="Nigeria is not a territory in the data", how="-")
add(R, "market", "unanswerable",
    "How much solar will Spain have in total, installed base including what's already there, by 2030?",
    answerable=False,
    why="forecast cumulative values in the real CSV exclude the installed base; the total 2030 fleet is not held",
    how="-")
add(R, "market", "unanswerable",
    "How much new PV is China forecast to install in 2027?",
    answerable=False, why="the real data has no forecasts for China (historical only up to 2024)", how="-")
add(R, "market", "unanswerable",
    "What's the cost of solar electricity per kWh in Spain these days - the LCOE?",
    answerable=False, why="LCOE is not held", how="-")
add(R, "market", "unanswerable",
    "How big was the German solar market in euros in 2024 - total sales value?",
    answerable=False, why="market value in EUR is not held, only MW", how="-")

# ============================================================ REAL: prices
p = RP
d, v, u = p.latest("Module", "n-type TOPCon", "China")
add(R, "price", "price",
    "What do the panels cost these days? Give me the latest price for n-type TOPCon modules in China.",
    [U(v, u)], [d.strftime("%Y")], how=f"real prices: Module n-type TOPCon China, latest date {d.date()}")
d0, v0, u = p.first("Module", "n-type TOPCon", "China")
d1, v1, _ = p.latest("Module", "n-type TOPCon", "China")
add(R, "price", "price",
    "Compared to a couple of years back: how much has the price of n-type TOPCon modules in China changed, in %, from the first price you have to the latest one?",
    [P(pct(v0, v1))], how=f"real prices: Module n-type TOPCon China, {d0.date()} -> {d1.date()}")
lat = {r: p.latest("Module", "n-type TOPCon", r) for r in ["China", "EU", "US"]}
cheap = min(lat, key=lambda r: lat[r][1])
add(R, "price", "price",
    "Are panels cheaper in China, Europe or the US right now? Latest n-type TOPCon module price in each of China, the EU and the US.",
    [U(lat[r][1], lat[r][2]) for r in lat], [cheap], how="real prices: Module n-type TOPCon latest for China, EU, US; cheapest")
dates, v, u = p.ext("Module", "n-type HJT", "China", "max", need_unique=False)
assert len({x.year for x in dates}) == 1
add(R, "price", "price",
    "Highest price on record in your data for n-type HJT modules in China - and in which year was that?",
    [U(v, u)], [str(dates[0].year)], how="real prices: Module n-type HJT China, max over series (several weeks, one year)")
v, u = p.month("Copper", "Copper", "Overseas", "2024-03")
add(R, "price", "price",
    "Copper goes into the cables. What was the copper price in March 2024?",
    [U(v, u)], how="real prices: Copper Overseas monthly, 2024-03")
dates, v, u = p.ext("Copper", "Copper", "Overseas", "max")
a, _ = p.month("Aluminium", "Aluminium", "Overseas", "2020-01")
b, _ = p.month("Aluminium", "Aluminium", "Overseas", "2025-01")
add(R, "price", "price",
    "Aluminium frames: % change in the aluminium price from January 2020 to January 2025?",
    [P(pct(a, b))], how="real prices: Aluminium Overseas, 2020-01 -> 2025-01")
v, u, n = p.mean("EVA", "EVA", "Overseas", "2024-01-01", "2024-12-31")
assert n == 12
add(R, "price", "average",
    "EVA is the plastic film in the panels, right? What was its average price over the 12 months of 2024?",
    [U(v, u)], how="real prices: EVA Overseas monthly, mean of 2024-01..2024-12")
dates, v, u = p.ext("Silver", "Silver", "Overseas", "max", "2020-01-01", "2024-12-31", unit="K US$/t")
add(R, "price", "extreme",
    "Silver paste is a big cost for cell makers. What was the highest monthly silver price between January 2020 and December 2024, and in which month?",
    [U(v, u)], [ym_name(dates[0])], how="real prices: Silver Overseas (K US$/t), max over 2020-01..2024-12")
a = p.latest("Module", "n-type TOPCon", "China")
b = p.latest("Module", "n-type HJT", "China")
add(R, "price", "compare",
    "HJT vs TOPCon panels in China - latest price of each, and how much more expensive is HJT per watt?",
    [U(a[1], a[2]), U(b[1], b[2]), U(b[1] - a[1], a[2])], how="real prices: Module China latest n-type HJT vs n-type TOPCon, difference")
d, v, u = p.latest("Wafer", "n-type mono-Si M10", "Overseas")
dates, v, u = p.ext("Polysilicon", "Very high purity - 11N/11N+", "China", "max", need_unique=False)
assert len({x.year for x in dates}) == 1
add(R, "price", "price",
    "During the polysilicon crunch, how high did the price of very high purity (11N/11N+) polysilicon in China get?",
    [U(v, u)], [dates[0].strftime("%Y")], how="real prices: Polysilicon Very high purity 11N/11N+ China, max")
d, v, u = p.latest("Copper", "Copper", "Overseas")
add(R, "price", "first_latest",
    "What's the most recent copper price you have, and for which month?",
    [U(v, u)], [ym_name(d)], how=f"real prices: Copper Overseas, latest date {d.date()}")
# follow-up chain on prices
a = p.latest("Module", "n-type TOPCon", "US")
add(R, "price", "follow_up",
    ["What's the latest n-type TOPCon module price in the EU?", "and in the US?"],
    [U(a[1], a[2])], how=f"real prices: Module n-type TOPCon US latest {a[0].date()}")
# unanswerable prices
add(R, "price", "unanswerable",
    "Jorge from Alicante wants to know: how much do inverters cost now per watt?",
    answerable=False, why="inverter prices are not in the price data", how="-")
add(R, "price", "unanswerable",
    "What's the latest module price in Japan for TOPCon panels?",
    answerable=False, why="Japan is not a price region (China, EU, US, India, Australia, Overseas)", how="-")
add(R, "price", "unanswerable",
    "What share of a solar panel's price is the silver inside it?",
    answerable=False, why="a share of a price / cost breakdown is not held; units differ (US$/Wp vs K US$/t)", how="-")
add(R, "price", "unanswerable",
    "How much does a complete 5 kW rooftop system cost a family in Spain, installed?",
    answerable=False, why="installed system prices for households are not held, only components", how="-")

# ============================================================ financials (same sample file on both instances)
f = F
v, u = f.v(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "financial",
    "How are the panel makers doing? What was Helios Modules' revenue for full year 2024?",
    [U(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")
v, u = f.v(SUN, "FY2024", "Net income")
add(R, "manufacturer_financial", "financial",
    "Did SunForge Energy make money in FY2024? What was its net income?",
    [U(v, u)], how="financials: SunForge Energy (sample), FY2024, Net income")
a, _ = f.v(HEL, "FY2023", "Revenue")
b, _ = f.v(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "financial",
    "Helios revenue, FY2023 vs FY2024 - what's the % change?",
    [P(pct(a, b))], how="financials: Helios Revenue FY2023 -> FY2024 % change")
rev = {c: f.v(c, "FY2024", "Revenue")[0] for c in COMPANIES}
best = max(rev, key=rev.get)
add(R, "manufacturer_financial", "financial",
    "Of the manufacturers you track, which one had the biggest revenue in FY2024, and how much?",
    [U(rev[best], "USD million")], [best.replace(" (sample)", "").split()[0]],
    how="financials: FY2024 Revenue across the four companies, max")
add(R, "manufacturer_financial", "unanswerable",
    "How did LONGi do last year - revenue for 2024?",
    answerable=False, why="LONGi is not among the companies in the financials file", how="-")

# ============================================================ SAMPLE: market
S = "sample"
m = SM
add(S, "market", "lookup",
    "Joost, a Dutch listener, asks how much new solar the Netherlands put in during 2024 - in MW please.",
    [MW(m.v("Netherlands", 2024))], how="sample market: Netherlands 2024 Historical Primary Total Annual")
add(S, "market", "lookup",
    "A French listener wonders how big France's solar fleet will be by 2030. What's the installed base forecast for end-2030 (most probable)?",
    [MW(m.v("France", 2030, "Cumulative"))], how="sample market: France 2030 Forecast - Most probable Total Cumulative")
top = m.rank(2024, "Annual", n=3)
add(S, "market", "rank",
    "Which three countries added the most solar in 2024? Just countries please, not the world total.",
    [MW(v) for _, v in top], [c for c, _ in top], how="sample market: countries (World excluded), 2024 Annual Total, top 3")
top = m.rank(2030, "Cumulative", n=3)
add(S, "market", "rank",
    "Ranking for 2030: the three countries with the largest installed PV base, most probable forecast?",
    [MW(v) for _, v in top], [c for c, _ in top], how="sample market: countries, 2030 Forecast - Most probable Cumulative Total, top 3")
add(S, "market", "share",
    "whats germanys share of global new solar installs in 2024?",
    [P(m.v("Germany", 2024) / m.v("World", 2024) * 100)], how="sample market: Germany / World 2024 Annual Total")
a, b = m.v("Poland", 2015), m.v("Poland", 2024)
add(S, "market", "change",
    "Poland went from almost nothing to a real market. What's the CAGR of Polish annual installations between 2015 and 2024?",
    [P(cagr(a, b, 9))], how="sample market: Poland Annual Total, CAGR 2015->2024 over 9 years")
a, b = m.v("Netherlands", 2023), m.v("Netherlands", 2024)
a, b = m.v("World", 2024, "Cumulative"), m.v("World", 2030, "Cumulative")
add(S, "market", "change",
    "How fast is the world's solar fleet expected to grow? CAGR of global cumulative capacity from end-2024 to end-2030, most probable forecast.",
    [P(cagr(a, b, 6))], how="sample market: World Cumulative Total 2024 (historical) -> 2030 (most probable), CAGR over 6 years")
vals = {c: m.v(c, 2024, "Cumulative") for c in ["Italy", "Spain"]}
add(S, "market", "compare",
    "Italy vs Spain: installed solar at the end of 2024, and which one is ahead?",
    [MW(vals["Italy"]), MW(vals["Spain"])], [max(vals, key=vals.get)], how="sample market: 2024 Cumulative Total Italy, Spain")
h, l = m.v("Spain", 2030, scen="high"), m.v("Spain", 2030, scen="low")
add(S, "market", "compare",
    "How wide is the gap between the high and the low forecast for Spain's new installations in 2030, in MW?",
    [MW(h - l)], how="sample market: Spain 2030 Annual Total, Forecast - High minus Forecast - Low")
y, v = extreme(m.series("Netherlands"))
add(S, "market", "extreme",
    "What was the best year so far for new solar in the Netherlands?",
    [MW(v)], [str(y)], how="sample market: Netherlands Annual Total Historical, max")
y, v = extreme(m.series("Poland"))
s = m.series("France", y0=2015, y1=2024)
assert len(s) == 10
add(S, "market", "average",
    "On average how many MW did France add per year between 2015 and 2024?",
    [MW(s.mean())], how="sample market: mean of France Annual Total 2015..2024")
vals = [m.v("Germany", y, scen="high") for y in range(2025, 2031)]
add(S, "market", "sum",
    "Best case (high scenario): how much would Germany add in total from 2025 to 2030?",
    [MW(sum(vals))], how="sample market: sum of Germany Forecast - High Annual Total 2025..2030")
s = m.series("Poland", "Cumulative")
yr = int(s[s > 10000].index[0])
add(S, "market", "first_latest",
    "Poland is the surprise story of the decade. When did Poland's installed solar base first top 10,000 MW?",
    [MW(s[yr])], [str(yr)], how="sample market: Poland Cumulative Total Historical, first year > 10,000 MW")
add(S, "market", "share",
    "Italy again: of everything Italy installed in 2024, what percentage was distributed (rooftops and small systems)?",
    [P(m.v("Italy", 2024, conn="Distributed") / m.v("Italy", 2024) * 100)],
    how="sample market: Italy 2024 Annual Distributed / Total")
s = m.series("Germany")
yr = int(s[s > 10000].index[0])
add(S, "market", "first_latest",
    "First year Germany added more than 10 GW (10,000 MW) of PV in a single year?",
    [MW(s[yr])], [str(yr)], how="sample market: Germany Annual Total Historical, first year > 10,000 MW")
s = m.series("France")
add(S, "market", "first_latest",
    "What's the latest year you have real (not forecast) numbers for France, and how much was added that year?",
    [MW(s.iloc[-1])], [str(int(s.index[-1]))], how="sample market: France Annual Total Historical, last year")
add(S, "market", "lookup",
    "Polish utility-scale solar - how many MW of centralised PV went in during 2024?",
    [MW(m.v("Poland", 2024, conn="Centralised"))], how="sample market: Poland 2024 Historical Primary Centralised Annual")
vals = [m.v(c, 2024) for c in ["Spain", "Italy", "France"]]
add(S, "market", "sum",
    "Tonight's show is about our neighbours. Spain, Italy and France combined - how much new solar did the three countries add in 2024?",
    [MW(sum(vals))], how="sample market: sum of 2024 Annual Total for Spain, Italy, France")
# follow-ups (sample market)
add(S, "market", "follow_up",
    ["How much solar did Germany add in 2023?", "And France?"],
    [MW(m.v("France", 2023))], how="sample market: France 2023 Annual Total")
add(S, "market", "follow_up",
    ["What's Spain's total installed base at end of 2024?", "what about at the end of 2027?"],
    [MW(m.v("Spain", 2027, "Cumulative"))], how="sample market: Spain 2027 Forecast - Most probable Cumulative Total")
add(S, "market", "follow_up",
    ["Italy's new installations in 2026, low scenario?", "same for the high scenario"],
    [MW(m.v("Italy", 2026, scen="high"))], how="sample market: Italy 2026 Forecast - High Annual Total")
top = m.rank(2023, "Annual", n=3)
add(S, "market", "follow_up",
    ["Top 3 countries by new solar in 2020?", "and in 2023?"],
    [MW(v) for _, v in top], [c for c, _ in top], how="sample market: countries, 2023 Annual Total, top 3")
add(S, "market", "follow_up",
    ["What was Poland's share of the world's new PV in 2024?", "and the Netherlands'?"],
    [P(m.v("Netherlands", 2024) / m.v("World", 2024) * 100)], how="sample market: Netherlands / World 2024 Annual Total")
a, b = m.v("France", 2023), m.v("France", 2024)
# unanswerable (sample market)
add(S, "market", "unanswerable", "How much solar did Belgium add in 2024?",
    answerable=False, why="Belgium is not in the sample data (only IT, DE, ES, FR, NL, PL, World)", how="-")
add(S, "market", "unanswerable", "What's the USA's installed solar base at the end of 2024?",
    answerable=False, why="USA is not in the sample data", how="-")
add(S, "market", "unanswerable", "How much PV did Italy install in 2012, during the old feed-in boom?",
    answerable=False, why="sample data starts in 2015", how="-")
add(S, "market", "unanswerable", "What's Germany's forecast for 2032 new installations?",
    answerable=False, why="forecasts end in 2030", how="-")
add(S, "market", "unanswerable", "how much onshore wind did poland build in 2023",
    answerable=False, why="wind is not in the data", how="-")
add(S, "market", "unanswerable",
    "How much do Dutch households save on their electricity bills thanks to rooftop solar?",
    answerable=False, why="household savings / bills are not held", how="-")

# ============================================================ SAMPLE: prices
p = SP
d, v, u = p.latest("Module", "n-type TOPCon", "China")
v, u = p.month("Module", "n-type TOPCon", "EU", "2024-03")
add(S, "price", "price",
    "For a listener who bought panels last spring: what was the n-type TOPCon module price in the EU in March 2024?",
    [U(v, u)], how="sample prices: Module n-type TOPCon EU, 2024-03")
a, _ = p.month("Polysilicon", "High purity - 9N/9N+", "China", "2023-01")
b, _ = p.month("Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(S, "price", "price",
    "How much did high-purity (9N/9N+) polysilicon in China fall between January 2023 and December 2024, in %?",
    [P(pct(a, b))], how="sample prices: Polysilicon High purity 9N/9N+ China 2023-01 -> 2024-12")
lat = {r: p.latest("Module", "n-type TOPCon", r) for r in ["China", "EU", "India", "US"]}
cheap = min(lat, key=lambda r: lat[r][1])
dear = max(lat, key=lambda r: lat[r][1])
add(S, "price", "rank",
    "Where are TOPCon panels cheapest and where are they most expensive right now? Compare the latest n-type TOPCon module price across the regions you have.",
    [U(lat[cheap][1], lat[cheap][2]), U(lat[dear][1], lat[dear][2])], [cheap, dear],
    how="sample prices: Module n-type TOPCon latest for China, EU, India, US; min and max")
v, u, n = p.mean("Module", "n-type HJT", "US", "2024-01-01", "2024-12-31")
assert n == 12
add(S, "price", "average",
    "Americans pay more for panels, I hear. Average price of n-type HJT modules in the US during 2024?",
    [U(v, u)], how="sample prices: Module n-type HJT US mean 2024-01..2024-12")
a = p.latest("PV glass", "Glass 3,2mm", "EU")
b = p.latest("PV glass", "Glass 3,2mm", "China")
add(S, "price", "compare",
    "Solar glass, 3.2 mm: how much more does it cost in the EU than in China, latest prices?",
    [U(a[1] - b[1], a[2])], how="sample prices: PV glass 3,2mm latest EU minus China")
dates, v, u = p.ext("Wafer", "n-type mono-Si M10", "China", "max")
add(S, "price", "extreme",
    "When were n-type M10 wafers in China at their most expensive, and what was the price?",
    [U(v, u)], [ym_name(dates[0])], how="sample prices: Wafer n-type mono-Si M10 China, max over series")
a, _ = p.month("Cell", "p-type mono-Si PERC M10", "China", "2024-01")
b, _ = p.month("Cell", "p-type mono-Si PERC M10", "China", "2024-12")
a, u = p.month("Module", "p-type mono-Si PERC M10", "China", "2024-12")
b, _ = p.month("Module", "n-type TOPCon", "China", "2024-12")
add(S, "price", "compare",
    "Old PERC versus new TOPCon: module prices in China in December 2024 - both numbers and the gap per watt?",
    [U(a, u), U(b, u), U(abs(b - a), u)], how="sample prices: Module China 2024-12, p-type PERC M10 vs n-type TOPCon")
dates, v, u = p.ext("Module", "n-type HJT", "India", "min")
jun = {r: p.month("Module", "n-type HJT", r, "2024-06") for r in ["China", "EU", "India", "US"]}
order = sorted(jun, key=lambda r: jun[r][0])
add(S, "price", "rank",
    "Listener Ana wonders where HJT panels are cheapest. Rank the regions from cheapest to most expensive for n-type HJT modules in June 2024.",
    [U(jun[r][0], jun[r][1]) for r in order], order, how="sample prices: Module n-type HJT 2024-06 by region, ascending")
v, u = p.month("Module", "n-type TOPCon", "India", "2023-12")
add(S, "price", "follow_up",
    ["What's the latest TOPCon panel price in India?", "and a year earlier, in December 2023?"],
    [U(v, u)], how="sample prices: Module n-type TOPCon India 2023-12")
v, u = p.month("Cell", "n-type TOPCon M10", "EU", "2024-06")
# unanswerable (sample prices)
add(S, "price", "unanswerable", "What's the silver price now? Silver is a big part of cell cost.",
    answerable=False, why="the sample prices hold no raw materials (silver)", how="-")
add(S, "price", "unanswerable", "What did high-purity polysilicon cost in China in mid-2022?",
    answerable=False, why="sample prices start in January 2023", how="-")
add(S, "price", "unanswerable", "TOPCon cell price in India in 2024?",
    answerable=False, why="cells are only priced for China and the EU in the sample", how="-")
add(S, "price", "unanswerable", "How much does a home battery cost per kWh these days?",
    answerable=False, why="battery/storage prices are not in the data", how="-")
add(S, "price", "unanswerable", "Which panel technology is more efficient, TOPCon or HJT? By how many % points?",
    answerable=False, why="module efficiency is not held, only prices", how="-")

# ============================================================ SAMPLE: financials
f = F
v, u = f.v(AUR, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "Margins are being squeezed everywhere. Aurora PV Group - what was its gross margin in Q4 2024?",
    [U(v, u)], how="financials: Aurora PV Group, 2024-Q4, Gross margin")
v, u = f.v(NOR, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "Nordlicht Solar AG - how many GW of modules did it ship in FY2024?",
    [U(v, u)], how="financials: Nordlicht Solar AG, FY2024, Module shipments")
v, u = f.v(HEL, "2024-Q4", "Production capacity")
qs = [f.v(SUN, f"2024-Q{i}", "Net income")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "sum",
    "Add up SunForge Energy's quarterly net income for the four quarters of 2024 - what's the total?",
    [U(sum(qs), "USD million")], how="financials: SunForge Net income 2024-Q1..Q4 summed")
qs = [f.v(AUR, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "average",
    "Average of Aurora PV's quarterly gross margins across the four quarters of 2024?",
    [P(sum(qs) / 4)], how="financials: Aurora Gross margin 2024-Q1..Q4, simple mean")
gm = {c: f.v(c, "FY2024", "Gross margin")[0] for c in COMPANIES}
low = min(gm, key=gm.get)
add(S, "manufacturer_financial", "extreme",
    "Which manufacturer had the weakest gross margin for full-year 2024, and what was it?",
    [P(gm[low])], [low.replace(" (sample)", "").split()[0]], how="financials: FY2024 Gross margin across companies, min")
v, u = f.v(SUN, "FY2024", "Revenue")
add(S, "manufacturer_financial", "follow_up",
    ["What was SunForge's revenue in FY2023?", "and in FY2024?"],
    [U(v, u)], how="financials: SunForge Energy, FY2024, Revenue")
v, u = f.v(HEL, "2024-Q3", "Net income")
add(S, "manufacturer_financial", "unanswerable",
    "What's SunForge's share price doing this year?",
    answerable=False, why="share prices are not in the financials", how="-")
add(S, "manufacturer_financial", "unanswerable",
    "How much did Aurora PV spend on R&D in 2024?",
    answerable=False, why="R&D spending is not a metric in the financials", how="-")

# ============================================================ write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
chains = sum(1 for it in items if len(it["turns"]) >= 2)
assert chains >= 12, chains
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]

print(f"items: {len(items)}  unanswerable: {n_un}  follow-up chains: {chains}")
print("per data:", dict(Counter(it["data"] for it in items)))
print("per agent:", dict(Counter(it["agent"] for it in items)))
print("per kind:", dict(sorted(Counter(it["kind"] for it in items).items())))
print("kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in items).items()):
    print(f"  {k:14s} {d:7s} {n}")
