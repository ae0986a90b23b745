#!/usr/bin/env python3
"""Writer `ministry`: computes every expected figure from the data files and writes questions.jsonl.

Persona: energy-ministry analyst (NECP annex, parliamentary questions).
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "ministry"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe", "EU",
    "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa", "North America",
    "North Europe", "Oceania", "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden",
]


# ----------------------------------------------------------------------------- market helpers
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        df = df.drop_duplicates()
        # rows identical on key + value but differing in metadata columns count once
        df = df.drop_duplicates(KEY + ["Capacity(MW)"])
        assert not df.duplicated(KEY).any(), "conflicting values for one key"
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
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == sc) & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, sc, len(r))
        return float(r["Capacity(MW)"].iloc[0])

    def series(self, terr, typ="Annual", conn="Total", scenario=HIST, y0=None, y1=None):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == scenario) & (d.Connection == conn) & (d.Type == typ)]
        s = r.set_index("Year")["Capacity(MW)"].sort_index()
        if y0 is not None:
            s = s[s.index >= y0]
        if y1 is not None:
            s = s[s.index <= y1]
        return s

    def ranking(self, year, typ="Annual", conn="Total", scenario=HIST, among=None):
        d = self.df
        r = d[(d.Year == year) & (d.Scenario == scenario) & (d.Connection == conn) & (d.Type == typ)]
        r = r[~r.Territory.isin(AGGREGATES)]
        if among is not None:
            r = r[r.Territory.isin(among)]
        return r.set_index("Territory")["Capacity(MW)"].sort_values(ascending=False)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- price helpers
class Prices:
    def __init__(self, path):
        if path.endswith(".parquet"):
            p = pd.read_parquet(path)
        else:
            p = pd.read_csv(path)
        p["date"] = pd.to_datetime(p["date"])
        self.p = p

    def s(self, item, desc, region, unit):
        p = self.p
        r = p[(p.item == item) & (p.description == desc) & (p.region == region) & (p.unit == unit)]
        assert len(r) > 0, (item, desc, region, unit)
        return r.sort_values("date")

    def latest(self, *k):
        r = self.s(*k)
        last = r.date.max()
        x = r[r.date == last]
        assert len(x) == 1, (k, "several observations on latest date")
        return float(x.base_price.iloc[0]), last

    def first(self, *k):
        r = self.s(*k)
        f = r.date.min()
        x = r[r.date == f]
        assert len(x) == 1, (k, "several observations on first date")
        return float(x.base_price.iloc[0]), f

    def month(self, ym, *k):
        r = self.s(*k)
        x = r[r.date.dt.strftime("%Y-%m") == ym]
        assert len(x) == 1, (k, ym, len(x))
        return float(x.base_price.iloc[0])

    def span(self, *k, start=None, end=None):
        r = self.s(*k)
        if start:
            r = r[r.date >= pd.Timestamp(start)]
        if end:
            r = r[r.date <= pd.Timestamp(end)]
        assert not r.date.duplicated().any(), (k, "duplicate dates in span")
        return r

    def extreme(self, *k, fn="min", start=None, end=None):
        r = self.span(*k, start=start, end=end)
        val = r.base_price.min() if fn == "min" else r.base_price.max()
        dates = r[r.base_price == val].date
        return float(val), list(dates)


# ----------------------------------------------------------------------------- item builder
items = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind if answerable else "unanswerable",
        "expect": [dict(value=float(v), unit=u) for v, u in expect] if answerable else [],
        "names": [str(n) for n in names] if answerable else [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
    items.append(it)


def mon(ts):
    return pd.Timestamp(ts).strftime("%B %Y")


MW = "MW"
PC = "%"

R = Market(REAL_MARKET)
S = Market(SAMPLE_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(SAMPLE_PRICES)
F = pd.read_csv(FINANCIALS)
assert all(c in R.last_hist for c in EU27)


def fin(company, period, metric):
    r = F[(F.company == company) & (F.period == period) & (F.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0])


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ============================================================================ REAL market
# --- lookups
v = R.v("Austria", 2024)
add("real", "market", "For the NECP annex I need the latest year figure: how much new PV capacity did Austria install in 2024?",
    "lookup", [(v, MW)], how="real CSV: Austria 2024 Historical Primary Total Annual")

v = R.v("Spain", 2024, "Cumulative")
add("real", "market", "What was Spain's cumulative installed PV base at the end of 2024, in MW?",
    "lookup", [(v, MW)], how="real CSV: Spain 2024 Historical Primary Total Cumulative")

v = R.v("Poland", 2023, conn="Distributed")
add("real", "market", "Parliamentary question on prosumers. How much distributed PV was added in Poland in 2023?",
    "lookup", [(v, MW)], how="real CSV: Poland 2023 Historical Primary Distributed Annual")

v = R.v("Germany", 2030, scenario=MP)
add("real", "market", "german 2030 outlook - what does the most probable scenario give for annual PV additions in Germany in 2030?",
    "lookup", [(v, MW)], how="real CSV: Germany 2030 Forecast - Most probable Total Annual")

# --- rankings (countries only)
rk = R.ranking(2024)
top5 = list(rk.index[:5])
add("real", "market", "Parliamentary question asks where we stand globally. Which five countries installed the most PV in 2024, and how much did each add?",
    "rank", [(rk[c], MW) for c in top5], top5, how="real CSV: 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

rk = R.ranking(2024, among=EU27)
top3 = list(rk.index[:3])
add("real", "market", "Quick one for the minister's briefing - top 3 EU member states by new PV capacity in 2024?",
    "rank", [(rk[c], MW) for c in top3], top3, how="real CSV: 2024 Annual Total, EU-27 member states, top 3")

rk = R.ranking(2024, conn="Distributed")
top3d = list(rk.index[:3])
add("real", "market", "For a note on rooftop/distributed solar: which 3 countries led the world in distributed PV additions in 2024?",
    "rank", [(rk[c], MW) for c in top3d], top3d, how="real CSV: 2024 Annual Distributed, countries only, top 3")

rk = R.ranking(2030, scenario=MP, among=EU27)
top3f = list(rk.index[:3])
add("real", "market", "In the most probable forecast, which three EU countries are expected to install the most PV in 2030?",
    "rank", [(rk[c], MW) for c in top3f], top3f, how="real CSV: 2030 Annual Total Forecast - Most probable, EU-27 members, top 3")

# --- shares
a, w = R.v("Germany", 2024), R.v("World", 2024)
add("real", "market", "Benchmarking against our neighbours for the annex. What share of global PV installations in 2024 did Germany account for?",
    "share", [(a / w * 100, PC)], how="real CSV: Germany 2024 Annual Total / World 2024 Annual Total")

a, w = R.v("EU", 2024), R.v("World", 2024)
add("real", "market", "MP asks whether the EU is losing ground. What was the EU's share of the world PV market in 2024?",
    "share", [(a / w * 100, PC)], how="real CSV: EU 2024 Annual Total / World 2024 Annual Total")

a, t = R.v("France", 2024, conn="Distributed"), R.v("France", 2024)
add("real", "market", "What percentage of France's 2024 PV additions were distributed (rooftop) systems?",
    "share", [(a / t * 100, PC)], how="real CSV: France 2024 Annual Distributed / Total")

a, t = R.v("Spain", 2024, "Cumulative", "Centralised"), R.v("Spain", 2024, "Cumulative")
add("real", "market", "How much of Spain's cumulative PV capacity at end-2024 is centralised (utility scale), as a %?",
    "share", [(a / t * 100, PC)], how="real CSV: Spain 2024 Cumulative Centralised / Total")

a, t = R.v("Austria", 2030, conn="Distributed", scenario=MP), R.v("Austria", 2030, scenario=MP)
add("real", "market", "In the most probable 2030 scenario, what share of Austria's annual PV additions would be distributed?",
    "share", [(a / t * 100, PC)], how="real CSV: Austria 2030 Forecast - Most probable Annual Distributed / Total")

# --- change
a, b = R.v("Poland", 2020), R.v("Poland", 2024)
add("real", "market", "By how much (in %) have Poland's annual PV installations changed between 2020 and 2024?",
    "change", [(pct(a, b), PC)], how="real CSV: Poland Annual Total 2020 -> 2024, (b-a)/a*100")

a, b = R.v("World", 2015), R.v("World", 2024)
add("real", "market", "I need the compound annual growth rate of the global PV market from 2015 to 2024.",
    "change", [(cagr(a, b, 9), PC)], how="real CSV: World Annual Total 2015 and 2024, CAGR over 9 years")

a, b = R.v("Italy", 2023), R.v("Italy", 2024)
add("real", "market", "Year-on-year growth of Italy's PV market in 2024 (vs 2023)?",
    "change", [(pct(a, b), PC)], how="real CSV: Italy Annual Total 2023 -> 2024 %")

a, b = R.v("EU", 2025, scenario=MP), R.v("EU", 2030, scenario=MP)
add("real", "market", "For the annex, the most probable scenario: what CAGR does that imply for annual EU PV additions between 2025 and 2030?",
    "change", [(cagr(a, b, 5), PC)], how="real CSV: EU Annual Total Forecast - Most probable 2025 and 2030, CAGR 5 years")

a, b = R.v("Pakistan", 2023), R.v("Pakistan", 2024)
add("real", "market", "Someone in the cabinet office mentioned Pakistan's solar boom. How much did Pakistani PV additions grow in 2024 compared with 2023, in %?",
    "change", [(pct(a, b), PC)], how="real CSV: Pakistan Annual Total 2023 -> 2024 %")

# --- comparisons
vals = [R.v(c, 2024) for c in ("Germany", "France", "Italy")]
add("real", "market", "Compare Germany, France and Italy on PV capacity aded in 2024.",
    "compare", [(x, MW) for x in vals], ["Germany"], how="real CSV: 2024 Annual Total for DE, FR, IT; Germany largest")

a, b = R.v("Austria", 2024, "Cumulative"), R.v("Switzerland", 2024, "Cumulative")
add("real", "market", "Austria vs Switzerland - which had the bigger installed PV fleet at end 2024 and by how much?",
    "compare", [(a, MW), (b, MW), (abs(a - b), MW)], ["Austria" if a > b else "Switzerland"],
    how="real CSV: Cumulative Total 2024 Austria and Switzerland, difference")

a, b = R.v("Spain", 2024), R.v("Portugal", 2024)
add("real", "market", "How many times larger was Spain's 2024 PV market than Portugal's?",
    "compare", [(a / b, "x")], how="real CSV: Spain 2024 Annual Total / Portugal 2024 Annual Total")

# --- extremes
s = R.series("Spain")
add("real", "market", "Was 2024 Spain's record year for PV additions? If not, which year was the peak and how much was installed?",
    "extreme", [(s.max(), MW)], [s.idxmax()], how="real CSV: Spain Annual Total Historical Primary, max over all years")

s = R.series("UK")
add("real", "market", "The committee wants a lesson from the UK subsidy cliff. In which year did the UK install the most solar PV, and how much?",
    "extreme", [(s.max(), MW)], [s.idxmax()], how="real CSV: UK Annual Total Historical Primary, max over all years")

s = R.series("Czech Republic")
add("real", "market", "Looking at the Czech series, which year shows the lowest annual PV additions, and what was the figure?",
    "extreme", [(s.min(), MW)], [s.idxmin()], how="real CSV: Czech Republic Annual Total Historical Primary, min over available years (negative value)")

# --- averages
s = R.series("Greece", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "What were Greece's average annual PV additions over 2020-2024?",
    "average", [(s.mean(), MW)], how="real CSV: Greece Annual Total 2020..2024 mean (5 years)")

s = R.series("EU", scenario=MP, y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "For the 2030 trajectory: average yearly PV additions in the EU from 2025 to 2030 under the most probable scenario?",
    "average", [(s.mean(), MW)], how="real CSV: EU Annual Total Forecast - Most probable 2025..2030 mean (6 years)")

s = R.series("Italy", conn="Distributed", y0=2022, y1=2024)
assert len(s) == 3
add("real", "market", "Average yearly distributed (rooftop) PV additions in Italy over 2022-2024?",
    "average", [(s.mean(), MW)], how="real CSV: Italy Annual Distributed 2022..2024 mean")

s = R.series("Poland")
add("real", "market", "Which has been Poland's strongest year so far for new PV, and what was installed?",
    "extreme", [(s.max(), MW)], [s.idxmax()], how="real CSV: Poland Annual Total Historical Primary max")

# --- sums
s = R.series("Netherlands", y0=2019, y1=2023)
assert len(s) == 5
add("real", "market", "We cite the Dutch net-metering case a lot. Total PV capacity added in the Netherlands over 2019 to 2023 inclusive?",
    "sum", [(s.sum(), MW)], how="real CSV: Netherlands Annual Total 2019..2023 sum")

s = R.series("Germany", scenario=LOW, y0=2025, y1=2030)
assert len(s) == 6
add("real", "market", "Worst case check: if Germany follows the low scenario, how much PV would it add in total from 2025 through 2030?",
    "sum", [(s.sum(), MW)], how="real CSV: Germany Annual Total Forecast - Low 2025..2030 sum")

vals = [R.v(c, 2024) for c in ("Estonia", "Latvia", "Lithuania")]
add("real", "market", "Baltic cooperation paper: combined 2024 PV additions of Estonia, Latvia and Lithuania?",
    "sum", [(sum(vals), MW)], how="real CSV: 2024 Annual Total EE + LV + LT")

# --- first / latest
s = R.series("Italy")
yr = int(s[s > 5000].index.min())
add("real", "market", "Historical context for the PQ answer: when did Italy first add more than 5 GW of PV in a single year?",
    "first_latest", [(s[yr], MW)], [yr], how="real CSV: Italy Annual Total, first year with value > 5000 MW")

s = R.series("Ireland")
add("real", "market", "What is the most recent historical figure you have for Irish annual PV installations?",
    "first_latest", [(s.iloc[-1], MW)], [int(s.index[-1])], how="real CSV: Ireland Annual Total Historical Primary, last year")

s = R.series("Germany")
yr = int(s[s > 10000].index.min())
add("real", "market", "In which year did Germnay's annual PV additions first exceed 10 GW?",
    "first_latest", [(s[yr], MW)], [yr], how="real CSV: Germany Annual Total, first year > 10000 MW")

# --- scenario spread
a, b = R.v("Spain", 2030, scenario=HIGH), R.v("Spain", 2030, scenario=LOW)
add("real", "market", "How wide is the gap between the high and low scenarios for Spain's 2030 annual additions?",
    "compare", [(a - b, MW)], how="real CSV: Spain 2030 Annual Total Forecast - High minus Forecast - Low")

# ============================================================================ REAL market follow-ups
b1, b2 = R.v("Belgium", 2024), R.v("Netherlands", 2024)
add("real", "market", ["How much PV did Belgium install in 2024?", "and the Netherlands?"],
    "follow_up", [(b2, MW)], how="real CSV: Netherlands 2024 Annual Total (follow-up)")

add("real", "market", ["Germany's cumulative PV capacity at the end of 2024?", "what about 2020?"],
    "follow_up", [(R.v("Germany", 2020, "Cumulative"), MW)], how="real CSV: Germany 2020 Cumulative Total")

add("real", "market", ["Drafting the France paragraph. Most probable forecast for French annual PV additions in 2030?",
                       "same for the high scenario"],
    "follow_up", [(R.v("France", 2030, scenario=HIGH), MW)], how="real CSV: France 2030 Annual Total Forecast - High")

rk23 = R.ranking(2023)
t5 = list(rk23.index[:5])
add("real", "market", ["Top 5 countries by PV installed in 2024?", "And in 2023?"],
    "follow_up", [(rk23[c], MW) for c in t5], t5, how="real CSV: 2023 Annual Total, countries only, top 5")

a, b = R.v("Italy", 2019), R.v("Italy", 2024)
add("real", "market", ["Whats the CAGR of Spain's annual PV instalations from 2019 to 2024?", "and Italy?"],
    "follow_up", [(cagr(a, b, 5), PC)], how="real CSV: Italy Annual Total 2019 and 2024, CAGR 5 years")

a, t = R.v("Poland", 2020, conn="Distributed"), R.v("Poland", 2020)
add("real", "market", ["Share of distributed PV in Poland's annual installations in 2024?", "what was it in 2020?"],
    "follow_up", [(a / t * 100, PC)], how="real CSV: Poland 2020 Annual Distributed / Total")

s = R.series("Denmark", y0=2020, y1=2024)
add("real", "market", ["Show me Denmark's annual PV additions 2020 to 2024", "can you put that in a chart"],
    "follow_up", [(x, MW) for x in s.values], how="real CSV: Denmark Annual Total 2020..2024 (chart)")

# ============================================================================ REAL prices
v, d = RP.latest("Module", "n-type TOPCon", "EU", "US$/Wp")
add("real", "price", "For the auction ceiling review: what is the latest n-type TOPCon module price in the EU?",
    "price", [(v, "US$/Wp")], how=f"real prices: Module n-type TOPCon EU latest ({d.date()})")

vals = {r: RP.latest("Module", "n-type TOPCon", r, "US$/Wp")[0] for r in ("EU", "US", "China")}
cheap = min(vals, key=vals.get)
add("real", "price", "Compare the latest TOPCon module prices in the EU, the US and China - which region is cheapest?",
    "price", [(vals[r], "US$/Wp") for r in ("EU", "US", "China")], [cheap],
    how="real prices: Module n-type TOPCon latest per region EU/US/China; min")

v = RP.month("2024-03", "Copper", "Copper", "Overseas", "US$/t")
add("real", "price", "Grid and cabling costs feed into our ceiling calc too - copper price in March 2024?",
    "price", [(v, "US$/t")], how="real prices: Copper Overseas US$/t, 2024-03 monthly observation")

v, ds = RP.extreme("Module", "n-type TOPCon", "China", "US$/Wp", fn="min")
add("real", "price", "Floor check for the tender: what is the lowest n-type TOPCon module price recorded for China in the whole series?",
    "price", [(v, "US$/Wp")], how=f"real prices: Module n-type TOPCon China min over whole series (reached on {len(ds)} dates)")

a, da = RP.first("Module", "n-type TOPCon", "EU", "US$/Wp")
b, db = RP.latest("Module", "n-type TOPCon", "EU", "US$/Wp")
add("real", "price", "Price trend for the tender: by what % have EU TOPCon module prices changed from the first observation in the series to the latest?",
    "price", [(a, "US$/Wp"), (b, "US$/Wp"), (pct(a, b), PC)], how=f"real prices: Module n-type TOPCon EU first ({da.date()}) vs latest ({db.date()})")

r = RP.span("Copper", "Copper", "Overseas", "US$/t", start="2024-01-01", end="2024-12-31")
assert len(r) == 12
add("real", "price", "average copper price over calendar year 2024?",
    "price", [(r.base_price.mean(), "US$/t")], how="real prices: Copper Overseas monthly 2024-01..2024-12 mean")

v, ds = RP.extreme("Aluminium", "Aluminium", "Overseas", "US$/t", fn="max")
add("real", "price", "Aluminium frames are a cost driver. What was the highest aluminium price in the dataset and in which month?",
    "price", [(v, "US$/t")], [mon(ds[0])], how="real prices: Aluminium Overseas max over whole series")

a = RP.latest("Module", "n-type HJT", "China", "US$/Wp")[0]
b = RP.latest("Module", "n-type TOPCon", "China", "US$/Wp")[0]
add("real", "price", "Chinese modules: HJT vs TOPCon, latest prices - what's the premium for HJT per Wp?",
    "price", [(a, "US$/Wp"), (b, "US$/Wp"), (a - b, "US$/Wp")], how="real prices: Module China latest n-type HJT and n-type TOPCon; difference")

v = RP.month("2024-01", "Silver", "Silver", "Overseas", "K US$/t")
add("real", "price", "Silver paste costs question - what was the silver price in January 2024?",
    "price", [(v, "K US$/t")], how="real prices: Silver Overseas K US$/t, 2024-01 monthly observation")

a, da = RP.first("Module", "n-type TOPCon", "US", "US$/Wp")
b, db = RP.latest("Module", "n-type TOPCon", "US", "US$/Wp")
add("real", "price", ["Latest TOPCon module price in the US?", "how has that changed since the start of the series, in %?"],
    "follow_up", [(pct(a, b), PC)], how=f"real prices: Module n-type TOPCon US first ({da.date()}) vs latest ({db.date()}) %")

# ============================================================================ REAL unanswerable
U = []


def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how="not in data")


un("real", "market", "How much onshore wind capacity did Germany add in 2024?", "wind is not in the data (PV only)")
un("real", "market", "Italy - how much battery storage (MWh) was installed alongside PV in 2023?", "storage not held")
un("real", "market", "For the auction design paper I need the LCOE of utility-scale PV in Spain in 2024.", "LCOE not held")
un("real", "market", "How many GWh did solar PV generate in France in 2023?", "generation (GWh) not held, only capacity")
un("real", "market", "What was the market value in EUR of the Austrian PV market in 2024?", "market value in EUR not held")
un("real", "market", "Development cooperation asked about West Africa. How much PV did Nigeria install in 2024?", "Nigeria not in the data")
un("real", "market", "What's the forecast for German PV installations in 2035?", "forecasts stop at 2030")
un("real", "market", "Germany's cumulative installed PV base in 2030 under the most probable scenario, for the NECP target check?",
   "forecast Cumulative values in the real CSV exclude the installed base; not a valid fleet figure")
un("real", "market", "What would the EU's total installed PV fleet be in 2028 in the high scenario?",
   "forecast Cumulative values in the real CSV exclude the installed base")
un("real", "market", "Do you have a forecast for US annual PV additions in 2027?", "no forecast for the USA in the data (forecasts cover Europe only)")
un("real", "market", "Austria: how much solar thermal collector area was installed in 2024?", "solar thermal not held")
un("real", "price", "What is the current price of string inverters in Europe per kW?", "inverter prices not held")
un("real", "price", "Latest TOPCon module price in India?", "no India region for n-type TOPCon modules in the price data")
un("real", "price", "What share of the module price is accounted for by polysilicon today?", "a share of a price cannot be derived from these series")
un("real", "price", "What were the clearing prices in the last German PV auction, in EUR/MWh?", "auction results / electricity prices not held")
# real-data unanswerable follow-up chain
un("real", "market", ["How much PV did Germany add in 2024?", "and how much offshore wind in the same year?"], "wind not held")

# ============================================================================ SAMPLE market
v = S.v("Germany", 2024)
add("sample", "market", "Neighbour benchmark for the annex: how much PV did Germany install in 2024?", "lookup", [(v, MW)],
    how="sample market: Germany 2024 Historical Primary Total Annual")

v = S.v("Italy", 2024, "Cumulative")
add("sample", "market", "Italy's installed PV base at the end of 2024, in GW?", "lookup", [(v, MW)],
    how="sample market: Italy 2024 Cumulative Total")

v = S.v("Spain", 2030, "Cumulative", scenario=MP)
add("sample", "market", "NECP check - what cumulative PV capacity is Spain expected to reach by 2030 in the most probable scenario?",
    "lookup", [(v, MW)], how="sample market: Spain 2030 Cumulative Total Forecast - Most probable")

v = S.v("Italy", 2030, "Cumulative", scenario=HIGH)
add("sample", "market", "Italian fleet in 2030 under the high scenario?", "lookup", [(v, MW)],
    how="sample market: Italy 2030 Cumulative Total Forecast - High")

rk = S.ranking(2024)
t3 = list(rk.index[:3])
add("sample", "market", "Rank the countries in the dataset by PV installed in 2024 - top 3 please.",
    "rank", [(rk[c], MW) for c in t3], t3, how="sample market: 2024 Annual Total, countries only, top 3")

rk = S.ranking(2030, "Cumulative", scenario=MP)
t3 = list(rk.index[:3])
add("sample", "market", "Which three countries will have the largest installed PV capacity in 2030 (most probable scenario)?",
    "rank", [(rk[c], MW) for c in t3], t3, how="sample market: 2030 Cumulative Total Forecast - Most probable, countries only, top 3")

a, w = S.v("Germany", 2024), S.v("World", 2024)
add("sample", "market", "Germany's share of world PV installations in 2024?", "share", [(a / w * 100, PC)],
    how="sample market: Germany 2024 Annual Total / World 2024 Annual Total")

a, t = S.v("Spain", 2024, conn="Distributed"), S.v("Spain", 2024)
add("sample", "market", "What % of Spanish PV additions in 2024 were distributed?", "share", [(a / t * 100, PC)],
    how="sample market: Spain 2024 Annual Distributed / Total")

a, b = S.v("France", 2015), S.v("France", 2024)
add("sample", "market", "Since 2015 the French market has grown a lot; what's the CAGR of France's annual PV market 2015-2024?", "change", [(cagr(a, b, 9), PC)],
    how="sample market: France Annual Total 2015 and 2024, CAGR 9 years")

a, b = S.v("Germany", 2024, "Cumulative"), S.v("Germany", 2030, "Cumulative", scenario=MP)
add("sample", "market", "For the annex table: implied CAGR of Germany's cumulative PV capacity from end-2024 to 2030 (most probable)?",
    "change", [(cagr(a, b, 6), PC)], how="sample market: Germany Cumulative Total 2024 (hist) -> 2030 (Most probable), CAGR 6 years")

a, b = S.v("Spain", 2024), S.v("Spain", 2025, scenario=MP)
add("sample", "market", "Is the Spanish market expected to shrink in 2025? Give me the % change from 2024 to 2025 (most probable).",
    "change", [(pct(a, b), PC)], how="sample market: Spain Annual Total 2024 hist -> 2025 Most probable %")

a, b = S.v("Netherlands", 2024, "Cumulative"), S.v("Poland", 2024, "Cumulative")
add("sample", "market", "Netherlands vs Poland: cumulative PV at end-2024, which is bigger?", "compare",
    [(a, MW), (b, MW)], ["Netherlands" if a > b else "Poland"], how="sample market: 2024 Cumulative Total NL vs PL")

s = S.series("Netherlands")
add("sample", "market", "In which year did the Netherlands have its biggest PV market (historical data)?", "extreme",
    [(s.max(), MW)], [s.idxmax()], how="sample market: Netherlands Annual Total Historical Primary max")

s = S.series("Poland", y0=2020, y1=2024)
add("sample", "market", "Poland is often quoted as the CEE success story. What were Poland's average annual PV additions 2020-2024?", "average", [(s.mean(), MW)],
    how="sample market: Poland Annual Total 2020..2024 mean")

s = S.series("World", scenario=MP, y0=2025, y1=2030)
assert len(s) == 6
add("sample", "market", "What average annual global PV additions does the most probable scenario imply for 2025-2030?",
    "average", [(s.mean(), MW)], how="sample market: World Annual Total Forecast - Most probable 2025..2030 mean")

s = S.series("France", "Cumulative")
add("sample", "market", "PQ from the energy committee: what is the most recent actual (historical) figure for France's installed PV capacity, and for which year?",
    "first_latest", [(s.iloc[-1], MW)], [int(s.index[-1])], how="sample market: France Cumulative Total Historical Primary, last year")

vals = [S.v(c, 2024) for c in ("Germany", "France", "Italy")]
add("sample", "market", "For the EU big-three comparison: combined 2024 PV additions of Germany, France and Italy?", "sum", [(sum(vals), MW)],
    how="sample market: 2024 Annual Total DE + FR + IT")

s = S.series("Italy", scenario=MP, y0=2025, y1=2030)
add("sample", "market", "How much would Italy add in total over 2025-2030 in the most probable scenario?", "sum", [(s.sum(), MW)],
    how="sample market: Italy Annual Total Forecast - Most probable 2025..2030 sum")

s = S.series("Poland")
yr = int(s[s > 1000].index.min())
add("sample", "market", "First year Poland installed more than 1 GW in a year?", "first_latest", [(s[yr], MW)], [yr],
    how="sample market: Poland Annual Total, first year > 1000 MW")

# sample follow-ups
add("sample", "market", ["France annual PV additions 2024?", "and Spain?"], "follow_up", [(S.v("Spain", 2024), MW)],
    how="sample market: Spain 2024 Annual Total")

add("sample", "market", ["Germany's cumulative capacity in 2030, most probable?", "same for the high scenario", "and low?"],
    "follow_up", [(S.v("Germany", 2030, "Cumulative", scenario=LOW), MW)], how="sample market: Germany 2030 Cumulative Forecast - Low")

s = S.series("Italy", y0=2020, y1=2024)
add("sample", "market", ["Italy's annual installs from 2020 to 2024", "as a chart please"], "follow_up",
    [(x, MW) for x in s.values], how="sample market: Italy Annual Total 2020..2024 (chart)")

a, t = S.v("Germany", 2024, conn="Centralised"), S.v("Germany", 2024)
add("sample", "market", ["What share of Germany's 2024 additions was distributed?", "and centralised?"], "follow_up",
    [(a / t * 100, PC)], how="sample market: Germany 2024 Annual Centralised / Total")

a, b = S.v("Poland", 2019), S.v("Poland", 2024)
add("sample", "market", ["Growth of Dutch annual installations since 2019, in %?", "what about Poland?"], "follow_up",
    [(pct(a, b), PC)], how="sample market: Poland Annual Total 2019 -> 2024 %")

# sample unanswerable
un("sample", "market", "Benelux comparison for the annex - how much PV did Belgium install in 2024?", "Belgium not in the sample data")
un("sample", "market", "Italy's PV installations in 2012, at the end of the Conto Energia?", "sample data start in 2015")
un("sample", "market", "A PQ on green jobs: how many jobs does the German PV industry support?", "jobs not held")
un("sample", "market", "What feed-in tariff applied to small rooftop systems in France in 2024?", "tariffs not held")
un("sample", "market", "Hydrogen electrolyser capacity planned in Spain for 2030?", "not PV; not held")

# ============================================================================ SAMPLE prices
v = SP.month("2024-03", "Module", "n-type TOPCon", "EU", "US$/Wp")
add("sample", "price", "Our March 2024 auction used an older price assumption. What was the TOPCon module price in the EU in March 2024?", "price", [(v, "US$/Wp")],
    how="sample prices: Module n-type TOPCon EU 2024-03")

v, d = SP.latest("Module", "n-type TOPCon", "India", "US$/Wp")
add("sample", "price", "Latest TOPCon module price in India?", "price", [(v, "US$/Wp")],
    how=f"sample prices: Module n-type TOPCon India latest ({d.date()})")

v, ds = SP.extreme("Module", "n-type HJT", "US", "US$/Wp", fn="min")
add("sample", "price", "Lowest HJT module price in the US over the whole series - value and month?", "price",
    [(v, "US$/Wp")], [mon(ds[0])] if len(ds) == 1 else [], how="sample prices: Module n-type HJT US min")

r = SP.span("Polysilicon", "High purity - 9N/9N+", "China", "US$/kg", start="2024-01-01", end="2024-12-31")
assert len(r) == 12
add("sample", "price", "Industrial policy note on upstream. Average Chinese polysilicon price (9N) in 2024?", "price", [(r.base_price.mean(), "US$/kg")],
    how="sample prices: Polysilicon High purity 9N China 2024 monthly mean")

a, da = SP.first("Module", "n-type TOPCon", "EU", "US$/Wp")
b, db = SP.latest("Module", "n-type TOPCon", "EU", "US$/Wp")
add("sample", "price", "Auction ceiling revision: how much have EU TOPCon module prices moved (in %) from January 2023 to the latest month?",
    "price", [(pct(a, b), PC)], how=f"sample prices: Module n-type TOPCon EU {da.date()} -> {db.date()} %")

a = SP.latest("Cell", "n-type TOPCon M10", "China", "US$/Wp")[0]
b = SP.latest("Cell", "n-type TOPCon M10", "EU", "US$/Wp")[0]
add("sample", "price", "Resilience question on cell manufacturing in Europe - TOPCon M10 cells, latest price China vs EU?", "price", [(a, "US$/Wp"), (b, "US$/Wp")],
    how="sample prices: Cell n-type TOPCon M10 latest China and EU")

vals = {r: SP.latest("Module", "p-type mono-Si PERC M10", r, "US$/Wp")[0] for r in ("China", "EU", "India", "US")}
cheap = min(vals, key=vals.get)
add("sample", "price", "Which region has the cheapest PERC M10 modules at the latest date?", "price",
    [(vals[cheap], "US$/Wp")], [cheap], how="sample prices: Module p-type mono-Si PERC M10 latest per region, min")

v, ds = SP.extreme("PV glass", "Glass 3,2mm", "EU", "US$/m²", fn="max")
add("sample", "price", "highest 3.2mm glass price in Europe in the data, and when?", "price", [(v, "US$/m²")],
    [mon(ds[0])] if len(ds) == 1 else [], how="sample prices: PV glass Glass 3,2mm EU max")

a = SP.month("2023-12", "Wafer", "n-type mono-Si M10", "China", "US$/pce")
b = SP.month("2024-12", "Wafer", "n-type mono-Si M10", "China", "US$/pce")
add("sample", "price", "Year-on-year change in Chinese n-type M10 wafer prices, December 2024 vs December 2023?", "price",
    [(pct(a, b), PC)], how="sample prices: Wafer n-type mono-Si M10 China 2023-12 -> 2024-12 %")

a = SP.latest("Module", "n-type TOPCon", "US", "US$/Wp")[0]
add("sample", "price", ["Latest TOPCon module price in the EU?", "and in the US?"], "follow_up", [(a, "US$/Wp")],
    how="sample prices: Module n-type TOPCon US latest")

# sample price unanswerable
un("sample", "price", "What's the current silver price?", "silver not in the sample price data")
un("sample", "price", "Module prices in Japan, latest?", "Japan not a price region in the sample")
un("sample", "price", "Chinese wafer prices in 2022?", "sample prices start in January 2023")
un("real", "price", "What is the conversion efficiency of the TOPCon modules in the price series?", "efficiency not held")

# ============================================================================ FINANCIALS (sample file; both instances)
v = fin(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Industrial policy note: Helios Modules' revenue for FY2024?", "financial",
    [(v, "USD million")], how="financials: Helios FY2024 Revenue")

v = fin(NOR, "FY2024", "Net income")
add("real", "manufacturer_financial", "Nordlicht Solar AG is the last sizeable European module maker we track - what was its net income in FY2024?",
    "financial", [(v, "USD million")], how="financials: Nordlicht FY2024 Net income")

gm = {c: fin(c, "FY2024", "Gross margin") for c in (HEL, SUN, AUR, NOR)}
best = max(gm, key=gm.get)
add("sample", "manufacturer_financial", "Which manufacturer had the highest gross margin in FY2024?", "financial",
    [(gm[best], "%")], [best.split(" ")[0]], how="financials: FY2024 Gross margin max across companies")

a, b = fin(SUN, "FY2023", "Revenue"), fin(SUN, "FY2024", "Revenue")
add("real", "manufacturer_financial", "SunForge Energy revenue change FY2023 to FY2024 in %?", "financial",
    [(pct(a, b), PC)], how="financials: SunForge Revenue FY2023 -> FY2024 %")

v = fin(AUR, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "Aurora PV Group's production capacity at 2024-Q4?", "financial", [(v, "GW")],
    how="financials: Aurora 2024-Q4 Production capacity")

tot = sum(fin(c, "FY2024", "Module shipments") for c in (HEL, SUN, AUR, NOR))
add("sample", "manufacturer_financial", "For the NZIA manufacturing note, total FY2024 module shipments across all four manufacturers in the dataset?", "financial",
    [(tot, "GW")], how="financials: sum of FY2024 Module shipments of the 4 companies")

gq = {c: fin(c, "2024-Q4", "Gross margin") for c in (HEL, SUN, AUR, NOR)}
worst = min(gq, key=gq.get)
add("real", "manufacturer_financial", "Which of the manufacturers had the weakest gross margin in 2024-Q4?", "financial",
    [(gq[worst], "%")], [worst.split(" ")[0]], how="financials: 2024-Q4 Gross margin min across companies")

a, b = fin(NOR, "2023-Q1", "Revenue"), fin(NOR, "2024-Q4", "Revenue")
add("sample", "manufacturer_financial", "By how much did Nordlicht's quarterly revenue fall between 2023-Q1 and 2024-Q4, in %?", "financial",
    [(pct(a, b), PC)], how="financials: Nordlicht Revenue 2023-Q1 -> 2024-Q4 %")

add("real", "manufacturer_financial", ["Helios net income in FY2023?", "and FY2024?"], "follow_up",
    [(fin(HEL, "FY2024", "Net income"), "USD million")], how="financials: Helios FY2024 Net income")

qs = [fin(SUN, f"2024-Q{i}", "Gross margin") for i in range(1, 5)]
add("sample", "manufacturer_financial", "Average of SunForge's four quarterly gross margins in 2024?", "financial",
    [(sum(qs) / 4, "%")], how="financials: SunForge 2024-Q1..Q4 Gross margin mean")

un("real", "manufacturer_financial", "Comparing with the Chinese majors - what was LONGi's revenue in 2024?", "LONGi not in the financials")
un("sample", "manufacturer_financial", "How much did Helios Modules spend on R&D in FY2024?", "R&D spending not held")
un("sample", "manufacturer_financial", "How many employees does Nordlicht Solar AG have in Germany?", "headcount not held")
un("real", "manufacturer_financial", "Helios Modules' results for 2025-Q1?", "period outside the data (ends 2024)")

# ============================================================================ write + self-check
out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not it["answerable"] for it in items)
n_chain = sum(len(it["turns"]) >= 2 for it in items)
assert len(items) >= 110, len(items)
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]

print(f"items: {len(items)}  unanswerable: {n_un}  follow-up chains (>=2 turns): {n_chain}")
print("per kind:", dict(sorted(Counter(it["kind"] for it in items).items())))
print("per data:", dict(Counter(it["data"] for it in items)))
print("per agent:", dict(Counter(it["agent"] for it in items)))
print("per data x agent:", dict(Counter((it["data"], it["agent"]) for it in items)))
