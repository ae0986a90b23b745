#!/usr/bin/env python3
"""Writer `wire`: newswire data-desk fact-check questions.

Reads the data files, computes every expected figure, writes questions.jsonl
next to this script, and runs a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "wire"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}


# ---------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates and the RoW near-duplicates (same key, same value,
        # metadata columns blank) are counted once
        df = df.drop_duplicates(KEY + ["Capacity(MW)"])
        assert not df.duplicated(KEY).any(), "conflicting values for one key"
        self.df = df
        self.last_hist = (df[df.Scenario == HIST].groupby("Territory").Year.max().to_dict())

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
        return float(r["Capacity(MW)"].iloc[0])

    def series(self, terr, typ="Annual", conn="Total", y0=None, y1=None, scenario=None):
        """year -> value; Historical Primary only unless a scenario is named."""
        d = self.df
        d = d[(d.Territory == terr) & (d.Connection == conn) & (d.Type == typ)]
        d = d[d.Scenario == (scenario or HIST)]
        s = d.set_index("Year")["Capacity(MW)"].sort_index()
        if y0 is not None:
            s = s[s.index >= y0]
        if y1 is not None:
            s = s[s.index <= y1]
        return s

    def rank(self, year, typ="Annual", conn="Total", n=5, among=None, scenario=None):
        d = self.df
        d = d[(d.Year == year) & (d.Connection == conn) & (d.Type == typ)]
        d = d[~d.Territory.isin(AGGREGATES)]
        if among:
            d = d[d.Territory.isin(among)]
        d = d[d.Territory.map(lambda t: self.scen(t, year, scenario)) == d.Scenario]
        d = d.sort_values("Capacity(MW)", ascending=False)
        top = d.head(n)
        if len(d) > n:  # no tie at the cut
            assert d["Capacity(MW)"].iloc[n - 1] != d["Capacity(MW)"].iloc[n]
        return list(zip(top.Territory, top["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def peak(s, lowest=False):
    v = s.min() if lowest else s.max()
    yrs = list(s[s == v].index)
    assert len(yrs) == 1, ("tie", yrs)
    return int(yrs[0]), float(v)


def first_above(s, thr):
    above = s[s > thr]
    return int(above.index[0]), float(above.iloc[0])


# ---------------------------------------------------------------- prices
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit):
        d = self.df
        r = d[(d["item"] == item) & (d.description == desc) & (d.region == region) & (d.unit == unit)]
        assert len(r), (item, desc, region, unit)
        return r.sort_values("date")

    def latest(self, *k):
        r = self.s(*k)
        last = r[r.date == r.date.max()]
        assert len(last) == 1, ("several obs on latest date", k)
        return last.date.iloc[0].strftime("%Y-%m-%d"), float(last.base_price.iloc[0])

    def first(self, *k):
        r = self.s(*k)
        f = r[r.date == r.date.min()]
        assert len(f) == 1
        return f.date.iloc[0].strftime("%Y-%m-%d"), float(f.base_price.iloc[0])

    def month(self, ym, *k):
        r = self.s(*k)
        m = r[r.date.dt.strftime("%Y-%m") == ym]
        assert len(m) == 1, ("need exactly one obs in month", ym, k, len(m))
        return float(m.base_price.iloc[0])

    def ext(self, *k, lowest=False, start=None, end=None):
        r = self.s(*k)
        if start:
            r = r[r.date >= start]
        if end:
            r = r[r.date <= end]
        v = r.base_price.min() if lowest else r.base_price.max()
        dates = sorted(set(r[r.base_price == v].date.dt.strftime("%Y-%m-%d")))
        return float(v), dates

    def mean(self, *k, start=None, end=None):
        r = self.s(*k)
        assert not r.date.duplicated().any(), ("duplicate dates would bias a mean", k)
        if start:
            r = r[r.date >= start]
        if end:
            r = r[r.date <= end]
        return float(r.base_price.mean()), len(r)


# ---------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.df = pd.read_csv(path)
        assert not self.df.duplicated(["company", "period", "metric"]).any()

    def v(self, company, period, metric):
        d = self.df
        r = d[(d.company == company) & (d.period == period) & (d.metric == metric)]
        assert len(r) == 1, (company, period, metric)
        return float(r.value.iloc[0]), r.unit.iloc[0]


RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(SAMPLE_PRICES))
FN = Fin(FIN)

HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

ITEMS = []


def E(value, unit):
    return {"value": round(float(value), 6), "unit": unit}


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
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
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        assert not it["expect"]
    ITEMS.append(it)


def U(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why,
        how="not answerable from the loaded data")


MW = "MW"
# =====================================================================
# REAL instance: market
# =====================================================================
R = "real"

# ---- lookups
v = RM.v("Pakistan", 2024)
add(R, "market", "Wire copy says Pakistan installed close to 18 GW of solar in 2024. Confirm the exact figure for Pakistan's 2024 PV additions, in MW please.",
    "lookup", [E(v, MW)], how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = RM.v("Brazil", 2024, "Cumulative")
add(R, "market", "Need Brazil's installed PV base at end-2024 for a Latin America piece. What's the number?",
    "lookup", [E(v, MW)], how="real CSV: Brazil 2024 Historical Primary Total Cumulative")

v = RM.v("Italy", 2023, conn="Distributed")
add(R, "market", "how much distributed PV did Italy add in 2023? rooftop-type segment only, not the total",
    "lookup", [E(v, MW)], how="real CSV: Italy 2023 Historical Primary Distributed Annual")

v = RM.v("Germany", 2027, scenario=HIGH)
add(R, "market", "Checking a Berlin ministry claim against your outlook: under the high scenario, how much new PV is Germany forecast to add in 2027?",
    "lookup", [E(v, MW)], how="real CSV: Germany 2027 Forecast - High Total Annual")

# ---- rankings (countries only)
top = RM.rank(2024, n=5)
add(R, "market", "For a 'who's building the most solar' graphic: give me the top five countries by PV capacity added in 2024, with their figures. Countries only, no regional totals.",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

top = RM.rank(2024, typ="Cumulative", n=3)
add(R, "market", "Which three countries had the largest cumulative PV fleets at the end of 2024? Figures too.",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

top = RM.rank(2023, n=2)
add(R, "market", "We're writing that the US was the world's No. 2 solar market in 2023 after China. Is that right? Which country ranked second for new installations that year, and with how much?",
    "rank", [E(top[1][1], MW)], [top[1][0]],
    how="real CSV: 2023 Historical Primary Total Annual, countries only, 2nd place")

among = ["Spain", "Italy", "France", "Germany", "Poland"]
top = RM.rank(2024, n=5, among=among)
add(R, "market", "Building a table for an EU-markets wrap. Rank Spain, Italy, France, Germany and Poland by 2024 PV additions, largest first, with the MW for each.",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Annual for the five named countries, sorted desc")

# ---- shares
us, w = RM.v("USA", 2024, "Cumulative"), RM.v("World", 2024, "Cumulative")
add(R, "market", "Is it correct that the US holds roughly a tenth of the world's installed solar? What share of global cumulative PV capacity did the USA account for at end-2024?",
    "share", [E(us / w * 100, "%")], how="real CSV: USA / World, 2024 Historical Primary Total Cumulative")

d, t = RM.v("Germany", 2024, conn="Distributed"), RM.v("Germany", 2024)
add(R, "market", "Our Berlin bureau says rooftops drove most of Germany's 2024 boom. What percentage of Germany's 2024 additions was distributed?",
    "share", [E(d / t * 100, "%")], how="real CSV: Germany 2024 Annual Distributed / Total")

c, t = RM.v("Spain", 2024, "Cumulative", "Centralised"), RM.v("Spain", 2024, "Cumulative")
add(R, "market", "Spain's installed base at end of 2024 — what % of it is centralised (utility-scale)?",
    "share", [E(c / t * 100, "%")], how="real CSV: Spain 2024 Cumulative Centralised / Total")

# ---- changes
a, b = RM.v("World", 2023), RM.v("World", 2024)
add(R, "market", "By how much did global PV additions grow from 2023 to 2024? I need both the absolute increase and the percentage.",
    "change", [E(b - a, MW), E(pct(a, b), "%")], how="real CSV: World Total Annual 2024 minus 2023; % = (2024-2023)/2023*100")

a, b = RM.v("Pakistan", 2023), RM.v("Pakistan", 2024)
add(R, "market", "Pakistan's 2024 solar surge: how many times bigger was its 2024 market than its 2023 market?",
    "change", [E(b / a, "x")], how="real CSV: Pakistan Total Annual 2024 / 2023")

a, b = RM.v("India", 2015), RM.v("India", 2024)
add(R, "market", "New Delhi wants us to say its solar market has compounded at over 30% a year. What's the CAGR of India's annual PV installations between 2015 and 2024?",
    "change", [E(cagr(a, b, 9), "%")], how="real CSV: India Total Annual, (2024/2015)^(1/9)-1")

a, b = RM.v("Spain", 2025), RM.v("Spain", 2030)
add(R, "market", "In the most probable scenario, how much are Spain's annual additions expected to grow between 2025 and 2030, in %?",
    "change", [E(pct(a, b), "%")], how="real CSV: Spain Forecast - Most probable Total Annual, (2030-2025)/2025*100")

a, b = RM.v("Spain", 2023), RM.v("Spain", 2024)
add(R, "market", "Is it correct that the Spanish market contracted in 2024? Year-on-year change in Spain's PV additions, 2024 vs 2023, in MW and %.",
    "change", [E(b - a, MW), E(pct(a, b), "%")], how="real CSV: Spain Total Annual 2024 vs 2023")

# ---- comparisons
p, g = RM.v("Pakistan", 2024), RM.v("Germany", 2024)
add(R, "market", "Headline draft: 'Pakistan overtakes Germany in 2024 solar additions'. Which one actually added more in 2024, and by how many MW?",
    "compare", [E(p, MW), E(g, MW), E(p - g, MW)], ["Pakistan"],
    how="real CSV: 2024 Total Annual, Pakistan vs Germany, difference")

vals = {t: RM.v(t, 2024) for t in ["France", "Italy", "Spain"]}
big = max(vals, key=vals.get)
add(R, "market", "France, Italy, Spain — 2024 PV additions for each, and which of the three was largest?",
    "compare", [E(vals[t], MW) for t in ["France", "Italy", "Spain"]], [big],
    how="real CSV: 2024 Historical Primary Total Annual for the three countries")

b_, m_ = RM.v("Brazil", 2024, "Cumulative"), RM.v("Mexico", 2024, "Cumulative")
add(R, "market", "Latam rivals: how many times larger is Brazil's cumulative PV capacity than Mexico's, as of end-2024?",
    "compare", [E(b_ / m_, "x")], ["Brazil"], how="real CSV: 2024 Cumulative Total, Brazil / Mexico")

j, k = RM.v("Japan", 2024, "Cumulative"), RM.v("Germany", 2024, "Cumulative")
add(R, "market", "Did Germany's installed base overtake Japan's by end-2024? Give both cumulative figures.",
    "compare", [E(k, MW), E(j, MW)], ["Germany"], how="real CSV: 2024 Cumulative Total Germany vs Japan")

# ---- peaks / records
y, x = peak(RM.series("Italy"))
add(R, "market", "A Rome source calls 2024 Italy's record year for solar installations. Is that right? Looking only at actual (historical) installs, which year was Italy's biggest ever, and how many MW?",
    "extreme", [E(x, MW)], [y], how="real CSV: Italy Historical Primary Total Annual, max over all years")

y, x = peak(RM.series("UK"))
add(R, "market", "Fact-checking a line that Britain's solar peak came in the feed-in tariff days. In which year did the UK install the most PV, historically, and how much was it?",
    "extreme", [E(x, MW)], [y], how="real CSV: UK Historical Primary Total Annual, max over all years")

y, x = peak(RM.series("Japan"))
add(R, "market", "japans peak year for new PV capacity — which year and how many MW?",
    "extreme", [E(x, MW)], [y], how="real CSV: Japan Historical Primary Total Annual, max over all years")

y, x = peak(RM.series("Germany", y0=2014, y1=2024), lowest=True)
add(R, "market", "Between 2014 and 2024, which was Germany's weakest year for PV additions?",
    "extreme", [E(x, MW)], [y], how="real CSV: Germany Total Annual 2014-2024, min")

# ---- averages
s = RM.series("Poland", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", "Warsaw correspondent filing on Poland's solar boom. What were average annual PV additions in Poland over 2020-2024?",
    "average", [E(s.mean(), MW)], how="real CSV: Poland Total Annual 2020..2024, mean of 5 values")

s = RM.series("World", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", "For context in a global story: what were average yearly worldwide PV installations from 2020 through 2024?",
    "average", [E(s.mean(), MW)], how="real CSV: World Total Annual 2020..2024, mean of 5 values")

s = RM.series("Australia", y0=2018, y1=2024)
assert len(s) == 7
add(R, "market", "Australia has been stuck around 4-5 GW a year. What's its average annual install from 2018 to 2024 inclusive?",
    "average", [E(s.mean(), MW)], how="real CSV: Australia Total Annual 2018..2024, mean of 7 values")

# ---- sums
s = RM.series("Netherlands", y0=2020, y1=2024)
assert len(s) == 5
add(R, "market", "Total Dutch PV additions over the five years 2020-2024 combined, in MW?",
    "sum", [E(s.sum(), MW)], how="real CSV: Netherlands Total Annual 2020..2024, sum")

tot = sum(RM.v(t, 2024) for t in ["Spain", "Italy", "France"])
add(R, "market", "Combined 2024 installations of Spain, Italy and France — one number please.",
    "sum", [E(tot, MW)], how="real CSV: 2024 Total Annual Spain+Italy+France")

s = RM.series("Germany", y0=2025, y1=2030, scenario=MP)
assert len(s) == 6
add(R, "market", "If the most probable forecast holds, how much PV will Germany add in total across 2025 to 2030? (sum of the annual additions)",
    "sum", [E(s.sum(), MW)], how="real CSV: Germany Forecast - Most probable Total Annual 2025..2030, sum")

# ---- first / latest
y, x = first_above(RM.series("China"), 100000)
add(R, "market", "In what year did China first install more than 100 GW of PV in a single year?",
    "first_latest", [E(x, MW)], [y], how="real CSV: China Total Annual, first year > 100,000 MW")

y, x = first_above(RM.series("Poland"), 1000)
add(R, "market", "Which was the first year Poland's annual PV additions topped 1 GW?",
    "first_latest", [E(x, MW)], [y], how="real CSV: Poland Total Annual, first year > 1,000 MW")

ly = RM.last_hist["Vietnam"]
x = RM.v("Vietnam", ly)
add(R, "market", "What's the most recent actual (not forecast) year you have for Vietnam's PV additions, and the figure?",
    "first_latest", [E(x, MW)], [ly], how="real CSV: Vietnam last Historical Primary year, Total Annual")

# =====================================================================
# REAL instance: prices
# =====================================================================
TOP_US = ("Module", "n-type TOPCon", "US", "US$/Wp")
TOP_EU = ("Module", "n-type TOPCon", "EU", "US$/Wp")
TOP_CN = ("Module", "n-type TOPCon", "China", "US$/Wp")
HJT_US = ("Module", "n-type HJT", "US", "US$/Wp")
HJT_CN = ("Module", "n-type HJT", "China", "US$/Wp")
CU = ("Copper", "Copper", "Overseas", "US$/t")
AL = ("Aluminium", "Aluminium", "Overseas", "US$/t")
EVA = ("EVA", "EVA", "Overseas", "US$/t")
AG = ("Silver", "Silver", "Overseas", "K US$/t")
POLY_OS = ("Polysilicon", "High purity - 9N/9N+", "Overseas", "US$/kg")
GL32 = ("PV glass", "Glass 3,2mm", "China", "US$/m²")
WF_G12_CN = ("Wafer", "p-type mono-Si G12", "China", "US$/pce")
PERC_M10_US = ("Module", "p-type mono-Si PERC M10", "US", "US$/Wp")

d, x = RP.latest(*TOP_US)
add(R, "price", "Tariff story, need a price point: what's the latest US price for n-type TOPCon modules, and what date is it from?",
    "price", [E(x, "US$/Wp")], [d[:4]], how=f"real parquet: Module n-type TOPCon US, latest date {d}")

dcn, xcn = RP.latest(*TOP_CN)
deu, xeu = RP.latest(*TOP_EU)
dus, xus = RP.latest(*TOP_US)
assert dcn == deu == dus
vals = {"China": xcn, "EU": xeu, "US": xus}
cheap = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(R, "price", "Among China, the EU and the US, where were n-type TOPCon modules cheapest at the latest reading? Give all three prices.",
    "price", [E(xcn, "US$/Wp"), E(xeu, "US$/Wp"), E(xus, "US$/Wp")], [cheap],
    how=f"real parquet: Module n-type TOPCon China/EU/US on {dcn}, min")

x = RP.month("2024-03", *CU)
add(R, "price", "Copper price for March 2024, per tonne? Want to confirm a figure in a metals piece.",
    "price", [E(x, "US$/t")], how="real parquet: Copper Overseas US$/t, the 2024-03 observation (monthly)")

x, ds = RP.ext(*AG, end="2024-12-31")
add(R, "price", "Our commodities desk says silver hit a high in late 2024. Up to the end of 2024, what's the highest silver price in your data and in which month?",
    "price", [E(x, "K US$/t")], [ds[0][:7]] if len(ds) == 1 else [],
    how=f"real parquet: Silver Overseas K US$/t series, max over obs dated <= 2024-12 ({ds}); 2025 US$/t rows not mixed in")
assert len(ds) == 1

mx, mds = RP.ext(*POLY_OS)
dl, xl = RP.latest(*POLY_OS)
add(R, "price", "How far have overseas high-purity (9N) polysilicon prices fallen from their peak? Give the peak, the latest price and the % drop.",
    "price", [E(mx, "US$/kg"), E(xl, "US$/kg"), E(pct(mx, xl), "%")],
    how=f"real parquet: Polysilicon High purity 9N/9N+ Overseas max {mds} vs latest {dl}")

a, b = RP.month("2024-01", *AL), RP.month("2025-01", *AL)
add(R, "price", "Aluminium: % change in price from January 2024 to January 2025?",
    "price", [E(pct(a, b), "%")], how="real parquet: Aluminium Overseas US$/t, 2024-01 vs 2025-01 monthly obs")

x, ds = RP.ext(*EVA, lowest=True)
assert len(ds) == 1
add(R, "price", "Encapsulant costs angle. Lowest EVA price on record in your data — value and month?",
    "price", [E(x, "US$/t")], [ds[0][:7]], how="real parquet: EVA Overseas US$/t series min")

d0, a = RP.first(*HJT_CN)
d1, b = RP.latest(*HJT_CN)
add(R, "price", "Chinese HJT module prices: by how much have they changed from the first reading in your series to the latest? Give both prices and the %.",
    "price", [E(a, "US$/Wp"), E(b, "US$/Wp"), E(pct(a, b), "%")],
    how=f"real parquet: Module n-type HJT China first {d0} vs latest {d1}")

m, n = RP.mean(*PERC_M10_US, start="2024-01-01", end="2024-12-31")
add(R, "price", "Average US price for p-type mono PERC M10 modules across calendar 2024 (all 2024 readings)?",
    "price", [E(m, "US$/Wp")], how=f"real parquet: Module p-type mono-Si PERC M10 US, mean of {n} weekly obs dated 2024")

# =====================================================================
# REAL instance: follow-up chains
# =====================================================================
x = RM.v("Italy", 2024)
add(R, "market", ["How much PV did Spain add in 2024?", "and Italy?"],
    "follow_up", [E(x, MW)], how="real CSV: Italy 2024 Historical Primary Total Annual")

x = RM.v("Germany", 2030, scenario=LOW)
add(R, "market", ["What's Germany's forecast for new PV in 2030, most probable case?", "Same for the low scenario."],
    "follow_up", [E(x, MW)], how="real CSV: Germany 2030 Forecast - Low Total Annual")

top = RM.rank(2024, n=3)
add(R, "market", ["Top 3 countries by PV additions in 2023?", "what about 2024?"],
    "follow_up", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Annual, countries only, top 3")

c, w = RM.v("China", 2024), RM.v("World", 2024)
add(R, "market", ["China's share of global PV additions in 2023?", "And in 2024?"],
    "follow_up", [E(c / w * 100, "%")], how="real CSV: China / World 2024 Total Annual")

d, x = RP.latest(*AL)
add(R, "price", ["Latest copper price you have?", "and aluminium?"],
    "follow_up", [E(x, "US$/t")], how=f"real parquet: Aluminium Overseas US$/t latest {d}")

pl, nl = RM.v("Poland", 2024, "Cumulative"), RM.v("Netherlands", 2024, "Cumulative")
add(R, "market", ["Poland's installed PV base at the end of 2024?", "How does that compare with the Netherlands? Which is bigger and by how much?"],
    "follow_up", [E(nl, MW), E(nl - pl, MW)], ["Netherlands"],
    how="real CSV: 2024 Cumulative Total Netherlands vs Poland")

d, x = RP.latest(*HJT_US)
add(R, "price", ["What's the latest US price for TOPCon modules?", "And HJT modules in the US?"],
    "follow_up", [E(x, "US$/Wp")], [d[:4]], how=f"real parquet: Module n-type HJT US latest date {d}")

s = RM.series("India", y0=2015, y1=2024)
add(R, "market", ["India's PV additions in 2024?", "plot that from 2015 to 2024 as a chart"],
    "follow_up", [E(s.loc[2015], MW), E(s.loc[2024], MW)],
    how="real CSV: India Total Annual 2015..2024 (chart; endpoints checked)")

a, b = RM.v("Türkiye", 2025), RM.v("Türkiye", 2030)
add(R, "market", ["Turkish PV additions in 2024?", "And the outlook — most probable additions for 2030?", "So what growth rate per year (CAGR) does that imply from 2025 to 2030?"],
    "follow_up", [E(cagr(a, b, 5), "%")], how="real CSV: Türkiye Forecast - Most probable Total Annual, (2030/2025)^(1/5)-1")

# =====================================================================
# REAL instance: financials (sample financials are loaded there too)
# =====================================================================
x, u = FN.v(NOR, "FY2024", "Net income")
add(R, "manufacturer_financial", "We're reporting that Nordlicht Solar's losses deepened. How big was its net loss for full-year 2024?",
    "financial", [E(x, u)], how="financials: Nordlicht Solar AG, FY2024, Net income")

x, u = FN.v(AUR, "2024-Q4", "Net income")
add(R, "manufacturer_financial", "Is it correct that Aurora PV swung to a loss in Q4 2024? What was its net income that quarter?",
    "financial", [E(x, u)], how="financials: Aurora PV Group, 2024-Q4, Net income")

a, _ = FN.v(SUN, "FY2023", "Revenue")
b, _ = FN.v(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", "SunForge Energy revenue, FY2024 vs FY2023 — by how much did it fall, in %?",
    "financial", [E(pct(a, b), "%")], how="financials: SunForge FY2024 vs FY2023 Revenue, % change")

ship = {c: FN.v(c, "FY2024", "Module shipments")[0] for c in COMPANIES}
best = max(ship, key=ship.get)
add(R, "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [E(ship[best], "GW")], [best.split(" ")[0]], how="financials: FY2024 Module shipments, max over companies")

# =====================================================================
# REAL instance: unanswerable
# =====================================================================
U(R, "market", "How much onshore wind did Germany add in 2024? Need it next to the solar number.",
  "wind capacity is not in the data (PV only)")
U(R, "market", "Companion stat for our US solar story: how much battery storage was deployed in the US in 2024, in GWh?",
  "energy storage is not in the data")
U(R, "market", "Spain's concentrated solar power (CSP) fleet at end-2024 — how many MW?",
  "solar thermal/CSP is not in the data (PV only)")
U(R, "market", "Indian auction story. What's the LCOE of utility-scale solar in India right now?",
  "LCOE is not a measure held")
U(R, "market", "How many GWh did Italian PV plants generate in 2024? Want to compare with gas.",
  "electricity generation is not held, only capacity")
U(R, "market", "Number of people employed in the US solar industry in 2024?",
  "jobs/employment are not held")
U(R, "market", "Checking a claim: Nigeria installed over 1 GW of solar in 2024. What does your data say for Nigeria?",
  "Nigeria is not among the territories in the data")
U(R, "market", "East Africa piece: Kenya's cumulative PV capacity at end-2023?",
  "Kenya is not among the territories in the data")
U(R, "market", "Berlin's target runs to 2035. What do you forecast for Germany's PV additions in 2035, most probable case?",
  "forecasts stop at 2030")
U(R, "market", "Historical sidebar: how much PV did Japan intall in 1985?",
  "data start in 1992")
U(R, "market", "Is it correct that Germany will have more than 200 GW installed by 2030? What cumulative capacity does your most probable scenario give Germany for end-2030?",
  "forecast cumulative values in the real CSV exclude the installed base, so no valid forecast cumulative figure is held")
U(R, "market", "Spain's total installed PV capacity at end-2027 in the high scenario?",
  "forecast cumulative values in the real CSV exclude the installed base")
U(R, "market", "Analysts expect the US market to slow in 2026. What's your forecast for US PV additions in 2026?",
  "the real data holds no forecasts for the USA (forecasts only for European territories)")
U(R, "market", "What's the market value of Italy's 2024 PV installations in EUR?",
  "monetary market value is not held")
U(R, "price", "Latest string inverter price, per Wac?",
  "inverters are not a price item in the data")
U(R, "price", "India is building its own polysilicon supply. What's the latest polysilicon price in India?",
  "no polysilicon series for India (only China and Overseas)")
U(R, "price", "What share of a TOPCon module's price is the polysilicon cost?",
  "a share of a price cannot be derived; cost structure is not held")
U(R, "manufacturer_financial", "LONGi's revenue for FY2024 — confirm the number for me?",
  "LONGi is not among the companies in the financials")

# =====================================================================
# SAMPLE instance: market
# =====================================================================
S = "sample"

x = SM.v("Netherlands", 2022)
add(S, "market", "Dutch PV additions in 2022?", "lookup", [E(x, MW)],
    how="sample market: Netherlands 2022 Historical Primary Total Annual")

x = SM.v("Poland", 2024, conn="Distributed")
add(S, "market", "Poland, 2024, distributed segment: how many MW were added?", "lookup", [E(x, MW)],
    how="sample market: Poland 2024 Historical Primary Distributed Annual")

x = SM.v("France", 2030, "Cumulative", scenario=LOW)
add(S, "market", "We're stress-testing France's 2030 targets. Under the low scenario, what total installed PV capacity does France reach by end-2030?",
    "lookup", [E(x, MW)], how="sample market: France 2030 Forecast - Low Total Cumulative")

top = SM.rank(2024, n=6)
add(S, "market", "Rank the countries in your data by 2024 PV additions, biggest first (countries only, not the world total).",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="sample market: 2024 Historical Primary Total Annual, all countries (World excluded)")

top = SM.rank(2030, typ="Cumulative", n=3)
add(S, "market", "Which three countries will have the largest installed PV base at end-2030 in the most probable scenario?",
    "rank", [E(x, MW) for _, x in top], [t for t, _ in top],
    how="sample market: 2030 Forecast - Most probable Total Cumulative, countries, top 3")

g, w = SM.v("Germany", 2024), SM.v("World", 2024)
add(S, "market", "German industry group says the country is still a top-tier market. What share of global 2024 PV installations did Germany account for?",
    "share", [E(g / w * 100, "%")], how="sample market: Germany / World 2024 Total Annual")

d_, t_ = SM.v("Italy", 2024, conn="Distributed"), SM.v("Italy", 2024)
add(S, "market", "Distributed share of Italy's 2024 additions, in %?",
    "share", [E(d_ / t_ * 100, "%")], how="sample market: Italy 2024 Annual Distributed / Total")

a, b = SM.v("Spain", 2015, "Cumulative"), SM.v("Spain", 2024, "Cumulative")
add(S, "market", "CAGR of Spain's cumulative installed capacity, 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], how="sample market: Spain Total Cumulative (2024/2015)^(1/9)-1")

a, b = SM.v("World", 2025, scenario=HIGH), SM.v("World", 2030, scenario=HIGH)
add(S, "market", "In the high scenario, how much do world annual PV additions grow from 2025 to 2030, in %?",
    "change", [E(pct(a, b), "%")], how="sample market: World Forecast - High Total Annual (2030-2025)/2025")

a, b = SM.v("Netherlands", 2023), SM.v("Netherlands", 2024)
add(S, "market", "Claim in a Dutch trade paper: the Netherlands' market shrank in 2024. By how much, MW and %?",
    "change", [E(b - a, MW), E(pct(a, b), "%")], how="sample market: Netherlands Total Annual 2024 vs 2023")

sp, it = SM.v("Spain", 2024, "Cumulative"), SM.v("Italy", 2024, "Cumulative")
add(S, "market", "Which has the bigger installed base at end-2024, Spain or Italy — and what's the gap?",
    "compare", [E(sp, MW), E(it, MW), E(abs(sp - it), MW)], ["Spain" if sp > it else "Italy"],
    how="sample market: 2024 Cumulative Total Spain vs Italy")

vals = {t: SM.v(t, 2023) for t in ["Germany", "France", "Spain"]}
add(S, "market", "2023 additions in Germany, France and Spain - list them and tell me how many times bigger Germany was than France.",
    "compare", [E(vals["Germany"], MW), E(vals["France"], MW), E(vals["Spain"], MW), E(vals["Germany"] / vals["France"], "x")],
    how="sample market: 2023 Total Annual; ratio Germany/France")

y, x = peak(SM.series("Poland", y1=2024))
add(S, "market", "Poland's record year for PV additions so far (historical only), and the MW?",
    "extreme", [E(x, MW)], [y], how="sample market: Poland Historical Primary Total Annual 2015-2024, max")

y, x = peak(SM.series("France", y1=2024), lowest=True)
add(S, "market", "France's weakest year for new installations in the historical data, and how much went in?",
    "extreme", [E(x, MW)], [y], how="sample market: France Historical Primary Total Annual 2015-2024, min")

s = SM.series("Germany", y0=2025, y1=2030, scenario=MP)
add(S, "market", "Average annual PV additions Germany is expected to see over 2025-2030, most probable scenario?",
    "average", [E(s.mean(), MW)], how="sample market: Germany Forecast - Most probable Total Annual 2025..2030, mean")

tot = sum(SM.v(t, 2024) for t in ["Germany", "Italy", "Spain", "France", "Netherlands", "Poland"])
add(S, "market", "All six European countries in your dataset together: how much PV did they add in 2024?",
    "sum", [E(tot, MW)], how="sample market: 2024 Total Annual summed over the six countries")

y, x = first_above(SM.series("Germany", typ="Cumulative"), 50000)
add(S, "market", "A German minister said the country crossed 50 GW installed in 2019. Check that: in which year did Germany's cumulative PV capacity first exceed 50 GW?",
    "first_latest", [E(x, MW)], [y], how="sample market: Germany Total Cumulative, first year > 50,000 MW")

# ---- sample follow-ups
x = SM.v("France", 2024)
add(S, "market", ["Germany's 2024 PV additions?", "and France?"],
    "follow_up", [E(x, MW)], how="sample market: France 2024 Total Annual")

x = SM.v("World", 2030, scenario=LOW)
add(S, "market", ["World PV additions in 2030, most probable scenario?", "high scenario?", "and the low one?"],
    "follow_up", [E(x, MW)], how="sample market: World 2030 Forecast - Low Total Annual")

x = SM.v("Italy", 2030, "Cumulative")
add(S, "market", ["Italy's cumulative PV capacity at end-2024?", "what about 2030?"],
    "follow_up", [E(x, MW)], how="sample market: Italy 2030 Forecast - Most probable Total Cumulative")

p_, w_ = SM.v("Poland", 2024), SM.v("World", 2024)
add(S, "market", ["Spain's share of world PV additions in 2024?", "And Poland's?"],
    "follow_up", [E(p_ / w_ * 100, "%")], how="sample market: Poland / World 2024 Total Annual")

s = SM.series("Netherlands", y0=2015, y1=2024)
y, x = peak(SM.series("Germany", y1=2024))
add(S, "market", ["Dutch additions 2015-2024, year by year?", "show it as a bar chart", "ok. Which year was Germany's biggest in that period?"],
    "follow_up", [E(x, MW)], [y], how="sample market: Germany Total Annual 2015-2024 max")

# =====================================================================
# SAMPLE instance: prices
# =====================================================================
STOP_CN = ("Module", "n-type TOPCon", "China", "US$/Wp")
STOP_EU = ("Module", "n-type TOPCon", "EU", "US$/Wp")
STOP_US = ("Module", "n-type TOPCon", "US", "US$/Wp")
SPOLY_CN = ("Polysilicon", "High purity - 9N/9N+", "China", "US$/kg")
SPOLY_EU = ("Polysilicon", "High purity - 9N/9N+", "EU", "US$/kg")
SPERC_IN = ("Module", "p-type mono-Si PERC M10", "India", "US$/Wp")
SWF_N_CN = ("Wafer", "n-type mono-Si M10", "China", "US$/pce")
SGL_CN = ("PV glass", "Glass 3,2mm", "China", "US$/m²")
SGL_EU = ("PV glass", "Glass 3,2mm", "EU", "US$/m²")
SCELL_CN = ("Cell", "n-type TOPCon M10", "China", "US$/Wp")

x = SP.month("2024-03", *STOP_CN)
add(S, "price", "Chinese n-type TOPCon module price in March 2024?",
    "price", [E(x, "US$/Wp")], how="sample prices: Module n-type TOPCon China, 2024-03")

x, ds = SP.ext(*SPOLY_CN)
assert len(ds) == 1
add(S, "price", "When did Chinese 9N polysilicon peak in your series, and at what price?",
    "price", [E(x, "US$/kg")], [ds[0][:7]], how="sample prices: Polysilicon High purity China, max")

a, b = SP.month("2024-12", *SPOLY_CN), SP.month("2024-12", *SPOLY_EU)
add(S, "price", "December 2024: how many times more expensive was EU polysilicon than Chinese polysilicon?",
    "price", [E(a, "US$/kg"), E(b, "US$/kg"), E(b / a, "x")],
    how="sample prices: Polysilicon High purity EU / China, 2024-12")

m, n = SP.mean(*SPERC_IN, start="2024-01-01", end="2024-12-31")
assert n == 12
add(S, "price", "Indian import-duty story. Average 2024 price of p-type PERC M10 modules in India?",
    "price", [E(m, "US$/Wp")], how="sample prices: Module p-type mono-Si PERC M10 India, mean of 12 monthly obs 2024")

a, b = SP.month("2023-01", *SWF_N_CN), SP.month("2024-12", *SWF_N_CN)
add(S, "price", "Reporting that n-type wafer prices in China collapsed. Confirm the % change for n-type M10 wafers from January 2023 to December 2024.",
    "price", [E(a, "US$/pce"), E(b, "US$/pce"), E(pct(a, b), "%")],
    how="sample prices: Wafer n-type mono-Si M10 China 2023-01 vs 2024-12")

dc, gc = SP.latest(*SGL_CN)
de, ge = SP.latest(*SGL_EU)
add(S, "price", "3.2mm solar glass: latest price in the EU vs China, and the difference per m²?",
    "price", [E(ge, "US$/m²"), E(gc, "US$/m²"), E(ge - gc, "US$/m²")],
    how=f"sample prices: PV glass 3,2mm EU latest {de} minus China latest {dc}")

regs = ["China", "EU", "India", "US"]
hj = {r: SP.month("2024-12", "Module", "n-type HJT", r, "US$/Wp") for r in regs}
cheap = min(hj, key=hj.get)
assert sorted(hj.values())[0] != sorted(hj.values())[1]
add(S, "price", "Which region had the cheapest HJT modules in December 2024, and at what price?",
    "price", [E(hj[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type HJT, 2024-12, min over regions")

x, ds = SP.ext(*SCELL_CN, lowest=True)
assert len(ds) == 1
add(S, "price", "Cell prices bottoming out? Give me the lowest Chinese price for TOPCon M10 cells in the series, and the month it was hit.",
    "price", [E(x, "US$/Wp")], [ds[0][:7]], how="sample prices: Cell n-type TOPCon M10 China, min")

# ---- sample price follow-up
x = SP.month("2024-12", *STOP_EU)
add(S, "price", ["China TOPCon module price in December 2024?", "What about in the EU?"],
    "follow_up", [E(x, "US$/Wp")], how="sample prices: Module n-type TOPCon EU 2024-12")

x, ds = SP.ext("Wafer", "p-type mono-Si M10", "EU", "US$/pce", start="2024-01-01", end="2024-12-31")
assert len(ds) == 1
add(S, "price", ["Latest EU p-type M10 wafer price?", "what was the high for that same series during 2024?"],
    "follow_up", [E(x, "US$/pce")], [ds[0][:7]],
    how="sample prices: Wafer p-type mono-Si M10 EU, max within 2024")

# =====================================================================
# SAMPLE instance: financials
# =====================================================================
a, _ = FN.v(HEL, "2023-Q1", "Gross margin")
b, _ = FN.v(HEL, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "Margin squeeze story. Helios Modules' gross margin in Q1 2023 versus Q4 2024?",
    "financial", [E(a, "%"), E(b, "%")], how="financials: Helios Gross margin 2023-Q1 and 2024-Q4")

h, _ = FN.v(HEL, "2024-Q4", "Production capacity")
s_, _ = FN.v(SUN, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Production capacity at the end of 2024 (Q4): Helios vs SunForge — which is bigger, by how many GW?",
    "financial", [E(h, "GW"), E(s_, "GW"), E(h - s_, "GW")], ["Helios"],
    how="financials: 2024-Q4 Production capacity Helios minus SunForge")

qs = [FN.v(SUN, f"2024-Q{q}", "Net income")[0] for q in range(1, 5)]
add(S, "manufacturer_financial", "SunForge lost money in every quarter of 2024? Add up its quarterly net income for 2024.",
    "financial", [E(sum(qs), "USD million")], how="financials: SunForge 2024-Q1..Q4 Net income summed")

a, _ = FN.v(NOR, "2023-Q4", "Revenue")
b, _ = FN.v(NOR, "2024-Q4", "Revenue")
add(S, "manufacturer_financial", "Nordlicht Solar Q4 revenue, year on year (Q4 2024 vs Q4 2023): % change?",
    "financial", [E(pct(a, b), "%")], how="financials: Nordlicht Revenue 2024-Q4 vs 2023-Q4")

x, u = FN.v(HEL, "FY2024", "Net income")
add(S, "manufacturer_financial", ["Helios Modules revenue for FY2024?", "and net income?"],
    "follow_up", [E(x, u)], how="financials: Helios FY2024 Net income")

rev = {c: FN.v(c, "FY2023", "Revenue")[0] for c in COMPANIES}
rev24 = {c: FN.v(c, "FY2024", "Revenue")[0] for c in COMPANIES}
chg = {c: pct(rev[c], rev24[c]) for c in COMPANIES}
worst = min(chg, key=chg.get)
add(S, "manufacturer_financial", ["Rank the four manufacturers by FY2024 revenue.", "Which of them saw the steepest revenue decline versus FY2023, in %?"],
    "follow_up", [E(chg[worst], "%")], [worst.split(" ")[0]],
    how="financials: FY2024 vs FY2023 Revenue % change, min over companies")

# =====================================================================
# SAMPLE instance: unanswerable
# =====================================================================
U(S, "market", "How much PV did the USA install in 2024? Need it for a US-vs-Europe graphic.",
  "the sample market data holds only six European countries and World; no USA")
U(S, "market", "China's 2024 solar additions — confirm for me?",
  "China is not in the sample market data")
U(S, "market", "Spanish wind additions in 2024?", "wind is not in the data")
U(S, "market", "Germany's 2012 boom year — how much PV did Germnay add in 2012?", "the sample market data start in 2015")
U(S, "market", "How many people work in Poland's PV sector?", "employment is not held")
U(S, "market", "Portugal had a strong 2024 - how much distributed PV did the Portuguese add?",
  "Portugal is not in the sample market data (six countries and World only)")
U(S, "price", "Latest copper price per tonne?", "copper is not in the sample prices")
U(S, "price", "Australian rooftop piece: module price in Australia in December 2024?",
  "no Australia region in the sample prices (China, EU, India, US)")
U(S, "price", "Chinese polysilicon price in January 2022?", "the sample price series start in January 2023")
U(S, "manufacturer_financial", "First Solar's net income in 2024? Comparing it with the Chinese makers.",
  "First Solar is not in the financials")
U(S, "manufacturer_financial", "Helios Modules EBITDA for FY2024?", "EBITDA is not a metric in the financials")
U(S, "manufacturer_financial", "Did SunForge's revenue recover in 2025-Q1? What was it?", "periods stop at 2024-Q4 / FY2024")


# =====================================================================
# write + self-check
# =====================================================================
def self_check(items):
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(items) >= 110, f"only {len(items)} items"
    un = [i for i in items if not i["answerable"]]
    assert len(un) >= 28, f"only {len(un)} unanswerable"
    chains = [i for i in items if len(i["turns"]) >= 2]
    assert len(chains) >= 12, f"only {len(chains)} follow-up chains"
    for i in items:
        if i["answerable"]:
            assert i["expect"] or i["names"], i["id"]
            for e in i["expect"]:
                assert e["value"] == e["value"], ("NaN", i["id"])
        else:
            assert i.get("why"), i["id"]
        assert i["data"] in ("real", "sample")
        assert i["agent"] in ("market", "price", "manufacturer_financial")
        assert i["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average",
                             "sum", "first_latest", "price", "financial", "follow_up", "unanswerable"}
    fin = [i for i in items if i["agent"] == "manufacturer_financial" and i["answerable"]]
    print(f"items={len(items)} unanswerable={len(un)} chains={len(chains)} financial(answerable)={len(fin)}")
    print("by data:", dict(Counter(i["data"] for i in items)))
    print("by agent:", dict(Counter(i["agent"] for i in items)))
    print("by kind:", dict(sorted(Counter(i["kind"] for i in items).items())))
    tab = Counter((i["kind"], i["data"]) for i in items)
    print(f"{'kind':14s} {'real':>5s} {'sample':>7s}")
    for k in sorted({k for k, _ in tab}):
        print(f"{k:14s} {tab[(k, 'real')]:5d} {tab[(k, 'sample')]:7d}")


with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
self_check(ITEMS)
