"""Held-out questions for writer `ppabuyer` (energy procurement manager, European supermarket chain).

Every expected figure is computed from the data files below; nothing numeric is typed by hand
except the parameters of the questions (years, countries, series names).
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "ppabuyer"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
VAL = "Capacity(MW)"

# Territories in the market files that are aggregates, not countries (never ranked as countries).
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# --------------------------------------------------------------------------- market helpers
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates (and duplicates differing only in metadata columns) counted once
        df = df.drop_duplicates(KEY + [VAL])
        assert not df.duplicated(KEY).any(), "conflicting values for one key"
        self.df = df
        hist = df[df.Scenario == "Historical Primary"]
        self.last_hist = hist.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scenario=None):
        if scenario is not None:
            return {"high": "Forecast - High", "low": "Forecast - Low",
                    "most probable": "Forecast - Most probable"}[scenario]
        if year <= self.last_hist[terr]:
            return "Historical Primary"
        return "Forecast - Most probable"

    def v(self, terr, year, typ="Annual", conn="Total", scenario=None):
        s = self.scen(terr, year, scenario)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r[VAL].iloc[0])

    def series(self, terr, years, typ="Annual", conn="Total", scenario=None):
        return {y: self.v(terr, y, typ, conn, scenario) for y in years}

    def countries_year(self, year, typ="Annual", conn="Total", scenario=None):
        d = self.df
        out = {}
        for terr in sorted(d.Territory.unique()):
            if terr in AGGREGATES:
                continue
            s = self.scen(terr, year, scenario) if terr in self.last_hist else None
            r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
                  & (d.Connection == conn) & (d.Type == typ)]
            if len(r) == 1:
                out[terr] = float(r[VAL].iloc[0])
        return out

    def hist_series(self, terr, typ="Annual", conn="Total"):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == "Historical Primary")
              & (d.Connection == conn) & (d.Type == typ)]
        return r.set_index("Year")[VAL].sort_index().astype(float)


def argmax_unique(s):
    assert (s == s.max()).sum() == 1, ("tie at max", s.name)
    return s.idxmax()


def argmin_unique(s):
    assert (s == s.min()).sum() == 1, ("tie at min", s.name)
    return s.idxmin()


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# --------------------------------------------------------------------------- price helpers
class Prices:
    def __init__(self, path):
        if path.endswith(".parquet"):
            df = pd.read_parquet(path)
        else:
            df = pd.read_csv(path)
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None, strict=True):
        d = self.df
        r = d[(d.item == item) & (d.description == desc) & (d.region == region)]
        if unit is not None:
            r = r[r.unit == unit]
        assert len(r) > 0, (item, desc, region)
        assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
        if strict:
            assert not r.date.duplicated().any(), ("several observations on one date", item, desc, region)
        return r.sort_values("date")

    def latest(self, *a, **k):
        r = self.s(*a, strict=False, **k)
        assert (r.date == r.date.max()).sum() == 1, ("several observations on newest date", a)
        row = r.iloc[-1]
        return float(row.base_price), row.date.strftime("%Y-%m-%d"), row.unit

    def month(self, ym, *a, **k):
        r = self.s(*a, **k)
        m = r[r.date.dt.strftime("%Y-%m") == ym]
        assert len(m) == 1, ("need exactly one observation in month", ym, a, len(m))
        return float(m.base_price.iloc[0]), m.unit.iloc[0]

    def span(self, *a, start=None, end=None, **k):
        r = self.s(*a, **k)
        if start:
            r = r[r.date >= pd.Timestamp(start)]
        if end:
            r = r[r.date <= pd.Timestamp(end)]
        assert len(r) > 0
        return r


# --------------------------------------------------------------------------- financial helpers
FIN = pd.read_csv(FINANCIALS)


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(SAMPLE_PRICES)

ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
        "answerable": answerable, "kind": kind, "expect": expect or [], "names": names or [],
        "how": how,
    }
    if not answerable:
        item["why"] = why
        item["kind"] = "unanswerable"
        item["expect"] = []
        item["names"] = []
    ITEMS.append(item)


def MW(x):
    return {"value": float(x), "unit": "MW"}


def P(x):
    return {"value": float(x), "unit": "%"}


def X(x):
    return {"value": float(x), "unit": "x"}


def U(x, unit):
    return {"value": float(x), "unit": unit}


HP = "Historical Primary"
MP = "Forecast - Most probable"

# =========================================================================== REAL: market
# ---- lookups
add("real", "market", "lookup",
    "Board paper next week needs a line on Spain. How much PV did Spain install in 2024?",
    [MW(RM.v("Spain", 2024))], how="real CSV: Spain 2024 Historical Primary Total Annual")

add("real", "market", "lookup",
    "roughly how big is Germany's installed solar base at the end of 2024? ballpark is fine",
    [MW(RM.v("Germany", 2024, "Cumulative"))],
    how="real CSV: Germany 2024 Historical Primary Total Cumulative")

add("real", "market", "lookup",
    "Our rooftop installer in Warsaw keeps quoting market size. What distributed capacity did Poland add in 2023?",
    [MW(RM.v("Poland", 2023, conn="Distributed"))],
    how="real CSV: Poland 2023 Historical Primary Distributed Annual")

add("real", "market", "lookup",
    "Our Italian rooftop rollout runs to 2027. whats the most probable forcast for new PV in Italy in 2027?",
    [MW(RM.v("Italy", 2027, scenario="most probable"))],
    how="real CSV: Italy 2027 Forecast - Most probable Total Annual")

add("real", "market", "lookup",
    "For our Portuguese stores: what's the low-scenario forecast for Portugal's installations in 2026?",
    [MW(RM.v("Portugal", 2026, scenario="low"))],
    how="real CSV: Portugal 2026 Forecast - Low Total Annual")

# ---- rankings (countries only)
c24 = RM.countries_year(2024)
top5 = sorted(c24.items(), key=lambda kv: -kv[1])[:5]
add("real", "market", "rank",
    "Top 5 countries for new solar capacity in 2024? Need it for a supplier meeting, ballpark GW per country",
    [MW(v) for _, v in top5], [n for n, _ in top5],
    how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

cc23 = RM.countries_year(2023, "Cumulative")
top3c = sorted(cc23.items(), key=lambda kv: -kv[1])[:3]
add("real", "market", "rank",
    "Prepping a slide on where the big solar markets are. Which three countries had the largest installed PV base at the end of 2023?",
    [MW(v) for _, v in top3c], [n for n, _ in top3c],
    how="real CSV: 2023 Historical Primary Total Cumulative, countries only, top 3")

six = ["Spain", "Italy", "France", "Germany", "Poland", "Netherlands"]
vals6 = {c: RM.v(c, 2024) for c in six}
low = min(vals6, key=vals6.get)
assert sorted(vals6.values())[0] < sorted(vals6.values())[1]
add("real", "market", "rank",
    "We operate in Spain, Italy, France, Germany, Poland and the Netherlands. Of those six, which one added the least PV in 2024?",
    [MW(vals6[low])], [low],
    how="real CSV: 2024 Historical Primary Total Annual for the six countries, minimum")

# ---- shares
add("real", "market", "share",
    "CFO asked how dependent the market is on China. What share of global PV installations in 2024 went to China?",
    [P(RM.v("China", 2024) / RM.v("World", 2024) * 100)],
    how="real CSV 2024 Annual Total: China / World x100")

add("real", "market", "share",
    "Rooftop is our thing. What % of Italy's 2024 additions were distributed?",
    [P(RM.v("Italy", 2024, conn="Distributed") / RM.v("Italy", 2024) * 100)],
    how="real CSV Italy 2024 Annual: Distributed / Total x100")

add("real", "market", "share",
    "germany's share of the world's cumulative installed PV at end-2024?",
    [P(RM.v("Germany", 2024, "Cumulative") / RM.v("World", 2024, "Cumulative") * 100)],
    how="real CSV 2024 Cumulative Total: Germany / World x100")

add("real", "market", "share",
    "Indian developers pitching us on utility-scale projects... what percentage of India's 2024 installs were centralised?",
    [P(RM.v("India", 2024, conn="Centralised") / RM.v("India", 2024) * 100)],
    how="real CSV India 2024 Annual: Centralised / Total x100")

# ---- change
g22, g23 = RM.v("Germany", 2022), RM.v("Germany", 2023)
add("real", "market", "change",
    "By how much in % did Germany's annual PV installations grow from 2022 to 2023?",
    [P(pct(g22, g23))], how="real CSV Germany Annual Total: (2023-2022)/2022 x100")

b19, b24 = RM.v("Brazil", 2019), RM.v("Brazil", 2024)
add("real", "market", "change",
    "Group strategy wants a CAGR for the Brazilian annual PV market, 2019 to 2024.",
    [P(cagr(b19, b24, 5))], how="real CSV Brazil Annual Total: (2024/2019)^(1/5)-1")

u23, u24 = RM.v("USA", 2023), RM.v("USA", 2024)
add("real", "market", "change",
    "how much more PV did the US add in 2024 than in 2023, in GW?",
    [MW(u24 - u23)], how="real CSV USA Annual Total: 2024 - 2023")

p20, p24 = RM.v("Poland", 2020, "Cumulative"), RM.v("Poland", 2024, "Cumulative")
add("real", "market", "change",
    "Poland's installed base, % increase from end of 2020 to end of 2024?",
    [P(pct(p20, p24))], how="real CSV Poland Cumulative Total: (2024-2020)/2020 x100")

nl23, nl24 = RM.v("Netherlands", 2023), RM.v("Netherlands", 2024)
add("real", "market", "change",
    "Heard the Dutch market slowed down. Year on year change in Netherlands PV additions 2024 vs 2023?",
    [P(pct(nl23, nl24)), MW(nl24 - nl23)],
    how="real CSV Netherlands Annual Total: 2024 vs 2023, % and absolute")

# ---- comparisons
add("real", "market", "compare",
    "We have PPA tenders open in all three. Spain vs Italy vs France - how much did each install in 2024?",
    [MW(RM.v("Spain", 2024)), MW(RM.v("Italy", 2024)), MW(RM.v("France", 2024))],
    ["Spain", "Italy", "France"], how="real CSV 2024 Annual Total for the three")

add("real", "market", "compare",
    "How many times bigger was China's 2024 solar market than the American one?",
    [X(RM.v("China", 2024) / RM.v("USA", 2024))], how="real CSV 2024 Annual Total: China / USA")

add("real", "market", "compare",
    "Two developers pitched us Greek and Portuguese PPAs on the same day. Compare Greece's and Portugal's installed PV capacity at the end of 2024.",
    [MW(RM.v("Greece", 2024, "Cumulative")), MW(RM.v("Portugal", 2024, "Cumulative"))],
    ["Greece", "Portugal"], how="real CSV 2024 Cumulative Total: Greece, Portugal")

# ---- extremes (whole historical span unless limited)
it = RM.hist_series("Italy")
add("real", "market", "extreme",
    "Which was Italy's biggest year ever for new solar installations?",
    [MW(it.max())], [str(int(argmax_unique(it)))],
    how="real CSV Italy Historical Primary Annual Total: max over all years")

es = RM.hist_series("Spain")
add("real", "market", "extreme",
    "Spanish record year for PV additions - which year and how many MW?",
    [MW(es.max())], [str(int(argmax_unique(es)))],
    how="real CSV Spain Historical Primary Annual Total: max over all years")

uk = RM.hist_series("UK").loc[2015:2024]
assert len(uk) == 10
add("real", "market", "extreme",
    "UK rooftop deals look thin. Since 2015 (2015-2024), what was the weakest year for UK installations?",
    [MW(uk.min())], [str(int(argmin_unique(uk)))],
    how="real CSV UK Historical Primary Annual Total 2015-2024: min")

vn = RM.hist_series("Vietnam")
add("real", "market", "extreme",
    "In which year did Vietnam peak for PV additions?",
    [MW(vn.max())], [str(int(argmax_unique(vn)))],
    how="real CSV Vietnam Historical Primary Annual Total: max over all years")

# ---- averages
fr = RM.series("France", range(2020, 2025))
add("real", "market", "average",
    "Our French rooftop framework is up for renewal. Average yearly PV additions in France over 2020-2024?",
    [MW(sum(fr.values()) / len(fr))], how="real CSV France Annual Total 2020..2024 mean")

be = RM.series("Belgium", range(2020, 2025), conn="Distributed")
add("real", "market", "average",
    "Belgian rooftop market: average distributed PV added per year 2020-2024?",
    [MW(sum(be.values()) / len(be))], how="real CSV Belgium Annual Distributed 2020..2024 mean")

# ---- sums
de = RM.series("Germany", range(2020, 2025))
add("real", "market", "sum",
    "For the sustainability report intro: total PV Germany added 2020 through 2024, all five years combined?",
    [MW(sum(de.values()))], how="real CSV Germany Annual Total 2020..2024 sum")

add("real", "market", "sum",
    "We treat Iberia as one region. Combined 2024 PV additions of Spain and Portugal?",
    [MW(RM.v("Spain", 2024) + RM.v("Portugal", 2024))], how="real CSV 2024 Annual Total Spain + Portugal")

plf = RM.series("Poland", range(2025, 2031), scenario="most probable")
add("real", "market", "sum",
    "Sum of Poland's most probable annual PV additions for 2025-2030?",
    [MW(sum(plf.values()))], how="real CSV Poland Forecast - Most probable Annual Total 2025..2030 sum")

# ---- first / latest
add("real", "market", "first_latest",
    "What's the latest year with actual (not forecast) figures for Spain, and how much was installed that year?",
    [MW(RM.v("Spain", RM.last_hist["Spain"]))], [str(RM.last_hist["Spain"])],
    how="real CSV Spain: last Historical Primary year, Annual Total")

ch = RM.hist_series("Chile")
add("real", "market", "first_latest",
    "Looking at a Chilean PPA for our sourcing arm. When does the Chile data start and how much was added in that first year?",
    [MW(ch.iloc[0])], [str(int(ch.index[0]))],
    how="real CSV Chile Historical Primary Annual Total: first year and value")


# ---- extra items: rank / average / first
c23 = RM.countries_year(2023)
o23 = [kv for kv in sorted(c23.items(), key=lambda kv: -kv[1]) if kv[0] != "China"]
assert o23[0][1] > o23[1][1]
add("real", "market", "rank",
    "Leaving China aside, which country installed the most PV in 2023?",
    [MW(o23[0][1])], [o23[0][0]], how="real CSV 2023 Historical Annual Total, countries only, excluding China, max")

gh = RM.hist_series("Germany")
add("real", "market", "first_latest",
    "How far back does your German data go? First year and what was added then",
    [MW(gh.iloc[0])], [str(int(gh.index[0]))], how="real CSV Germany Historical Primary Annual Total: first year and value")

gd = SM.series("Germany", range(2015, 2025), conn="Distributed")
add("sample", "market", "average",
    "We're benchmarking German rooftop volumes. Average distributed PV added per year in Germany 2015-2024?",
    [MW(sum(gd.values()) / 10)], how="sample market Germany Historical Distributed Annual 2015..2024 mean")

# =========================================================================== REAL: prices
v, d, u = RP.latest("Module", "n-type TOPCon", "EU")
add("real", "price", "price",
    "Supplier meeting tomorrow. What's the latest n-type TOPCon module price in the EU?",
    [U(v, u)], [], how=f"real parquet Module/n-type TOPCon/EU newest date {d}")

v, u = RP.month("2024-03", "Copper", "Copper", "Overseas")
add("real", "price", "price",
    "copper price in March 2024?",
    [U(v, u)], how="real parquet Copper/Copper/Overseas monthly, 2024-03")

lat = {r: RP.latest("Module", "n-type TOPCon", r) for r in ["China", "EU", "US"]}
cheap = min(lat, key=lambda r: lat[r][0])
assert sorted(x[0] for x in lat.values())[0] < sorted(x[0] for x in lat.values())[1]
add("real", "price", "price",
    "For TOPCon modules, where is it cheapest right now - China, the EU or the US? latest prices please",
    [U(lat[r][0], lat[r][2]) for r in ["China", "EU", "US"]], [cheap],
    how="real parquet Module/n-type TOPCon latest per region China, EU, US; min")

s = RP.s("Module", "n-type TOPCon", "EU")
assert s[s.base_price == s.base_price.max()].date.dt.year.nunique() == 1
add("real", "price", "price",
    "Want to show the board how far prices have come down. Highest EU TOPCon module price on record in your data, and when?",
    [U(s.base_price.max(), "US$/Wp")], [s.loc[s.base_price.idxmax(), "date"].strftime("%Y")],
    how="real parquet Module/n-type TOPCon/EU: max over whole series and its date")

s = RP.s("Module", "n-type TOPCon", "US")
add("real", "price", "price",
    "How much has the US TOPCon module price moved since the first data point, in %?",
    [P(pct(s.base_price.iloc[0], s.base_price.iloc[-1]))],
    how="real parquet Module/n-type TOPCon/US: (last-first)/first x100")

s = RP.span("Aluminium", "Aluminium", "Overseas", start="2023-01-01", end="2023-12-31")
assert len(s) == 12
add("real", "price", "price",
    "Our racking supplier blames aluminium. What was the lowest aluminium price during 2023?",
    [U(s.base_price.min(), "US$/t")], [],
    how="real parquet Aluminium monthly 2023: min")

s = RP.span("Copper", "Copper", "Overseas", start="2024-01-01", end="2024-12-31")
assert len(s) == 12
add("real", "price", "price",
    "Cable costs in our EPC quote look high. average copper price over 2024?",
    [U(s.base_price.mean(), "US$/t")], how="real parquet Copper monthly 2024: mean of 12")

hj = RP.latest("Module", "n-type HJT", "EU")
tc = RP.latest("Module", "n-type TOPCon", "EU")
add("real", "price", "price",
    "HJT vs TOPCon modules in Europe - latest price of each?",
    [U(hj[0], hj[2]), U(tc[0], tc[2])], ["HJT", "TOPCon"],
    how=f"real parquet Module EU latest: n-type HJT ({hj[1]}), n-type TOPCon ({tc[1]})")

v, u = RP.month("2023-06", "Silver", "Silver", "Overseas", unit="K US$/t")
add("real", "price", "price",
    "Silver paste is a big cost driver they say. What was the silver price in June 2023?",
    [U(v, u)], how="real parquet Silver/Overseas monthly 2023-06 (K US$/t)")

# =========================================================================== FINANCIALS (sample file, both instances)
v, u = fin(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial",
    "One of our module suppliers is Helios Modules. What was their revenue for FY2024?",
    [U(v, u)], how="financials: Helios FY2024 Revenue")

v, u = fin(NOR, "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "financial",
    "Nordlicht Solar gross margin in Q4 2024? Worried about their solvency",
    [U(v, u)], how="financials: Nordlicht 2024-Q4 Gross margin")

sh = {c: fin(c, "FY2024", "Module shipments")[0] for c in COMPANIES}
best = max(sh, key=sh.get)
assert sorted(sh.values())[-1] > sorted(sh.values())[-2]
add("real", "manufacturer_financial", "financial",
    "Which manufacturer shipped the most modules in FY2024?",
    [U(sh[best], "GW")], [best.split(" ")[0]], how="financials FY2024 Module shipments: max over companies")

a, _ = fin(AUR, "FY2023", "Revenue")
b, _ = fin(AUR, "FY2024", "Revenue")
add("real", "manufacturer_financial", "financial",
    "Aurora is bidding for our Nordic rooftops. By what % did Aurora PV Group's revenue change from FY2023 to FY2024?",
    [P(pct(a, b))], how="financials Aurora Revenue: (FY2024-FY2023)/FY2023 x100")

add("sample", "manufacturer_financial", "financial",
    "Total FY2024 module shipments across all the manufacturers you track?",
    [U(sum(fin(c, "FY2024", "Module shipments")[0] for c in COMPANIES), "GW")],
    how="financials FY2024 Module shipments summed over the 4 companies")

v, u = fin(HEL, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial", "financial",
    "Helios production capacity as of 2024-Q4?",
    [U(v, u)], how="financials Helios 2024-Q4 Production capacity")

gm = [fin(SUN, f"2024-Q{q}", "Gross margin")[0] for q in range(1, 5)]
add("sample", "manufacturer_financial", "financial",
    "SunForge - simple average of its four quarterly gross margins in 2024?",
    [P(sum(gm) / 4)], how="financials SunForge 2024-Q1..Q4 Gross margin mean")

q = {f"2023-Q{i}": fin(NOR, f"2023-Q{i}", "Revenue")[0] for i in range(1, 5)}
q.update({f"2024-Q{i}": fin(NOR, f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)})
lowq = min(q, key=q.get)
assert sorted(q.values())[0] < sorted(q.values())[1]
add("sample", "manufacturer_financial", "financial",
    "Which quarter was Nordlicht's weakest for revenue, across 2023 and 2024?",
    [U(q[lowq], "USD million")], [lowq.split("-")[1], lowq.split("-")[0]],
    how="financials Nordlicht quarterly Revenue 2023-Q1..2024-Q4: min")

rev = {c: fin(c, "FY2024", "Revenue")[0] for c in COMPANIES}
order = sorted(rev, key=lambda c: -rev[c])
add("sample", "manufacturer_financial", "financial",
    "Supplier due diligence pack: rank the module makers by FY2024 revenue please",
    [U(rev[c], "USD million") for c in order], [c.split(" ")[0] for c in order],
    how="financials FY2024 Revenue sorted descending")

# =========================================================================== SAMPLE: market
add("sample", "market", "lookup",
    "Board wants an upside case. Germany's PV additions in 2026 under the high scenario?",
    [MW(SM.v("Germany", 2026, scenario="high"))], how="sample market Germany 2026 Forecast - High Annual Total")

add("sample", "market", "lookup",
    "low case for Spanish centralised PV additions in 2030?",
    [MW(SM.v("Spain", 2030, conn="Centralised", scenario="low"))],
    how="sample market Spain 2030 Forecast - Low Centralised Annual")

add("sample", "market", "lookup",
    "How much off-grid PV did Italy add in 2023? probably tiny",
    [MW(SM.v("Italy", 2023, conn="Off-grid"))], how="sample market Italy 2023 Historical Off-grid Annual")

sc = SM.countries_year(2024)
o = sorted(sc.items(), key=lambda kv: -kv[1])[:3]
add("sample", "market", "rank",
    "Quick one for a board slide - top 3 countries by PV added in 2024?",
    [MW(v) for _, v in o], [n for n, _ in o], how="sample market 2024 Historical Annual Total, countries only, top 3")

sc30 = SM.countries_year(2030, scenario="most probable")
o = sorted(sc30.items(), key=lambda kv: -kv[1])
add("sample", "market", "rank",
    "Rank the countries by expected (most probable) PV additions in 2030, biggest first",
    [MW(v) for _, v in o], [n for n, _ in o], how="sample market 2030 Forecast - Most probable Annual Total, all countries sorted")

add("sample", "market", "share",
    "what share of world PV additions in 2024 was Germany?",
    [P(SM.v("Germany", 2024) / SM.v("World", 2024) * 100)], how="sample market 2024 Annual Total: Germany / World x100")

add("sample", "market", "share",
    "Utility-scale vs rooftop in Spain: what share of Spain's 2023 additions were centralised?",
    [P(SM.v("Spain", 2023, conn="Centralised") / SM.v("Spain", 2023) * 100)],
    how="sample market Spain 2023 Annual: Centralised / Total x100")

add("sample", "market", "share",
    "Distributed share of the Netherlands' 2024 installations?",
    [P(SM.v("Netherlands", 2024, conn="Distributed") / SM.v("Netherlands", 2024) * 100)],
    how="sample market Netherlands 2024 Annual: Distributed / Total x100")

i24 = SM.v("Italy", 2024)
i30 = SM.v("Italy", 2030, scenario="most probable")
add("sample", "market", "change",
    "Italy: CAGR of annual PV additions from 2024 (actual) to 2030 (most probable)?",
    [P(cagr(i24, i30, 6))], how="sample market Italy Annual Total 2024 hist -> 2030 most probable, 6 years")

f20, f24 = SM.v("France", 2020), SM.v("France", 2024)
add("sample", "market", "change",
    "French installs went from 2020 to 2024 by how much, in % terms?",
    [P(pct(f20, f24))], how="sample market France Annual Total (2024-2020)/2020 x100")

hi = SM.v("Germany", 2030, scenario="high")
lo = SM.v("Germany", 2030, scenario="low")
add("sample", "market", "change",
    "Board wants a range, not a point. How wide is the gap between the high and low scenarios for Germany's 2030 additions?",
    [MW(hi - lo)], how="sample market Germany 2030 Annual Total: High - Low")

add("sample", "market", "compare",
    "Germany vs France, high scenario, PV additions in 2030?",
    [MW(SM.v("Germany", 2030, scenario="high")), MW(SM.v("France", 2030, scenario="high"))],
    ["Germany", "France"], how="sample market 2030 Forecast - High Annual Total: Germany, France")

add("sample", "market", "compare",
    "Deciding where to pilot our next rooftop batch. Which is the bigger installed base at end-2024, the Netherlands or Poland, and by how much?",
    [MW(SM.v("Netherlands", 2024, "Cumulative")), MW(SM.v("Poland", 2024, "Cumulative")),
     MW(abs(SM.v("Netherlands", 2024, "Cumulative") - SM.v("Poland", 2024, "Cumulative")))],
    ["Netherlands" if SM.v("Netherlands", 2024, "Cumulative") > SM.v("Poland", 2024, "Cumulative") else "Poland"],
    how="sample market 2024 Cumulative Total: Netherlands vs Poland and difference")

nh = SM.hist_series("Netherlands")
add("sample", "market", "extreme",
    "Peak year for Dutch PV installs in the historical data?",
    [MW(nh.max())], [str(int(argmax_unique(nh)))], how="sample market Netherlands Historical Annual Total: max")

ph = SM.hist_series("Poland")
add("sample", "market", "extreme",
    "poland - lowest year for new PV in the historical numbers?",
    [MW(ph.min())], [str(int(argmin_unique(ph)))], how="sample market Poland Historical Annual Total: min")

sp = SM.series("Spain", range(2025, 2031), scenario="most probable")
add("sample", "market", "average",
    "On average, how much PV will Spain add per year over 2025-2030 (most probable)?",
    [MW(sum(sp.values()) / 6)], how="sample market Spain Forecast - Most probable Annual Total 2025..2030 mean")

pl = SM.series("Poland", range(2015, 2025))
add("sample", "market", "average",
    "Average Polish annual PV additions 2015-2024?",
    [MW(sum(pl.values()) / 10)], how="sample market Poland Historical Annual Total 2015..2024 mean")

w = SM.series("World", range(2025, 2031), scenario="low")
add("sample", "market", "sum",
    "Conservative view for the board: total global PV additions 2025-2030 in the low scenario?",
    [MW(sum(w.values()))], how="sample market World Forecast - Low Annual Total 2025..2030 sum")

six_s = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
add("sample", "market", "sum",
    "Combined 2024 PV additions of Italy, Germany, Spain, France, the Netherlands and Poland?",
    [MW(sum(SM.v(c, 2024) for c in six_s))], how="sample market 2024 Annual Total summed over the six countries")

add("sample", "market", "first_latest",
    "What's the last forecast year you have for Germany, and the most probable additions that year?",
    [MW(SM.v("Germany", 2030, scenario="most probable"))],
    [str(int(SM.df[SM.df.Territory == "Germany"].Year.max()))],
    how="sample market Germany max forecast year, Forecast - Most probable Annual Total")

ih = SM.hist_series("Italy")
add("sample", "market", "first_latest",
    "first year of Italian installation data in the database, and the figure?",
    [MW(ih.iloc[0])], [str(int(ih.index[0]))], how="sample market Italy Historical Annual Total first year")

# =========================================================================== SAMPLE: prices
v, u = SP.month("2024-12", "Module", "n-type TOPCon", "China")
add("sample", "price", "price",
    "A Chinese supplier quoted us this morning. TOPCon module price in China for December 2024?",
    [U(v, u)], how="sample prices Module/n-type TOPCon/China 2024-12")

c1, u = SP.month("2024-06", "Cell", "n-type TOPCon M10", "EU")
c2, _ = SP.month("2024-06", "Cell", "n-type TOPCon M10", "China")
add("sample", "price", "price",
    "June 2024, TOPCon M10 cells: EU price vs China price?",
    [U(c1, u), U(c2, u)], ["EU", "China"], how="sample prices Cell/n-type TOPCon M10 2024-06 EU and China")

s = SP.s("Polysilicon", "High purity - 9N/9N+", "China")
argmax_unique(s.base_price)
add("sample", "price", "price",
    "What was the peak Chinese polysilicon price (9N) over 2023-2024 and in which month?",
    [U(s.base_price.max(), "US$/kg")], [s.loc[s.base_price.idxmax(), "date"].strftime("%Y")],
    how="sample prices Polysilicon/High purity 9N/China: max over 2023-01..2024-12")

s = SP.span("Module", "n-type HJT", "India", start="2024-01-01", end="2024-12-31")
assert len(s) == 12
add("sample", "price", "price",
    "We might source from an Indian maker. Average HJT module price in India during 2024?",
    [U(s.base_price.mean(), "US$/Wp")], how="sample prices Module/n-type HJT/India 2024 mean of 12 months")

w1, _ = SP.month("2023-01", "Wafer", "n-type mono-Si M10", "China")
w2, _ = SP.month("2024-12", "Wafer", "n-type mono-Si M10", "China")
add("sample", "price", "price",
    "How much did n-type M10 wafer prices in China fall between Jan 2023 and Dec 2024, in %?",
    [P(pct(w1, w2))], how="sample prices Wafer/n-type mono-Si M10/China (2024-12 - 2023-01)/2023-01 x100")

perc = {r: SP.month("2024-12", "Module", "p-type mono-Si PERC M10", r)[0] for r in ["China", "EU", "India", "US"]}
cheapest = min(perc, key=perc.get)
assert sorted(perc.values())[0] < sorted(perc.values())[1]
add("sample", "price", "price",
    "Where was the cheapest PERC M10 module in December 2024, by region?",
    [U(perc[cheapest], "US$/Wp")], [cheapest], how="sample prices Module/p-type mono-Si PERC M10 2024-12: min over regions")

g1 = SP.latest("PV glass", "Glass 3,2mm", "EU")
g2 = SP.latest("PV glass", "Glass 3,2mm", "China")
add("sample", "price", "price",
    "EU glass makers claim they're competitive. Latest 3.2mm solar glass price, EU vs China?",
    [U(g1[0], g1[2]), U(g2[0], g2[2])], ["EU", "China"], how="sample prices PV glass/Glass 3,2mm latest EU and China")

# =========================================================================== FOLLOW-UPS
add("real", "market", "follow_up",
    ["Prepping the Iberia vs Italy PPA comparison. How much solar did Spain connect in 2024?", "and Italy?"],
    [MW(RM.v("Italy", 2024))], how="real CSV Italy 2024 Historical Annual Total")

add("real", "market", "follow_up",
    ["What was China's share of global PV installs in 2024?", "what about 2020?"],
    [P(RM.v("China", 2020) / RM.v("World", 2020) * 100)], how="real CSV 2020 Annual Total China / World x100")

add("real", "market", "follow_up",
    ["Board paper on German rooftop growth. Germany - most probable forecast for PV additions in 2026?", "same for the high scenario"],
    [MW(RM.v("Germany", 2026, scenario="high"))], how="real CSV Germany 2026 Forecast - High Annual Total")

v, d, u = RP.latest("Module", "n-type TOPCon", "US")
add("real", "price", "follow_up",
    ["Latest n-type TOPCon module price in the EU?", "and in the US?"],
    [U(v, u)], how=f"real parquet Module/n-type TOPCon/US newest date {d}")

v, u = RP.month("2025-03", "Copper", "Copper", "Overseas")
add("real", "price", "follow_up",
    ["Our cabling contract is indexed to metals. Copper price in March 2024?", "and a year later?"],
    [U(v, u)], how="real parquet Copper monthly 2025-03")

add("real", "market", "follow_up",
    ["Distributed share of France's 2024 PV additions?", "and for Germany?"],
    [P(RM.v("Germany", 2024, conn="Distributed") / RM.v("Germany", 2024) * 100)],
    how="real CSV Germany 2024 Annual Distributed / Total x100")

add("real", "market", "follow_up",
    ["India's growth in annual installations from 2023 to 2024, in %?", "and Brazil?"],
    [P(pct(RM.v("Brazil", 2023), RM.v("Brazil", 2024)))], how="real CSV Brazil Annual Total (2024-2023)/2023 x100")

pc = RM.series("Poland", range(2019, 2025), "Cumulative")
add("real", "market", "follow_up",
    ["What was Poland's installed PV base at the end of 2024?", "can you show it as a chart from 2019 to 2024?"],
    [MW(x) for x in pc.values()], how="real CSV Poland Historical Cumulative Total 2019..2024")

s19 = SM.countries_year(2019)
o = sorted(s19.items(), key=lambda kv: -kv[1])
add("sample", "market", "follow_up",
    ["Rank the countries by PV added in 2024.", "and in 2019?"],
    [MW(v) for _, v in o], [n for n, _ in o], how="sample market 2019 Historical Annual Total, countries sorted")

add("sample", "market", "follow_up",
    ["Spain's distributed PV additions in 2030, most probable?", "and in the low case?"],
    [MW(SM.v("Spain", 2030, conn="Distributed", scenario="low"))], how="sample market Spain 2030 Forecast - Low Distributed Annual")

pl5 = SM.series("Poland", range(2020, 2025))
add("sample", "market", "follow_up",
    ["Average annual PV additions in the Netherlands 2020-2024?", "same period for Poland?"],
    [MW(sum(pl5.values()) / 5)], how="sample market Poland Historical Annual Total 2020..2024 mean")

v, u = SP.month("2024-12", "Module", "n-type HJT", "China")
add("sample", "price", "follow_up",
    ["Comparing two quotes from Chinese suppliers. Chinese TOPCon module price in December 2024?", "and HJT?"],
    [U(v, u)], how="sample prices Module/n-type HJT/China 2024-12")

v, u = fin(SUN, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "follow_up",
    ["Helios Modules revenue FY2024?", "and SunForge's?"],
    [U(v, u)], how="financials SunForge FY2024 Revenue")

add("sample", "market", "follow_up",
    ["Germany's share of world PV additions in 2024?", "what about 2030 in the high scenario?"],
    [P(SM.v("Germany", 2030, scenario="high") / SM.v("World", 2030, scenario="high") * 100)],
    how="sample market 2030 Forecast - High Annual Total Germany / World x100")

# =========================================================================== UNANSWERABLE
def na(data, agent, turns, why):
    add(data, agent, "unanswerable", turns, answerable=False, why=why)


na("real", "market",
   "We're looking at a hybrid PPA. How much wind capacity did Germany add in 2024?",
   "wind is not in the data; PV only")
na("real", "market",
   "How many MWh of battery storage were installed alongside solar in Italy in 2024?",
   "storage is not in the data")
na("real", "market",
   "What's the LCOE of utility-scale solar in Spain right now?",
   "LCOE not held")
na("real", "price",
   "Typical solar PPA price in Spain in EUR/MWh? Want to benchmark an offer.",
   "PPA / electricity prices not held; price data is components only")
na("real", "market",
   "Our German PPA is pay-as-produced. How many GWh did Germany's PV fleet generate in 2024?",
   "generation (GWh) not held, only capacity")
na("real", "market",
   "how many people work in the Polish solar industry?",
   "jobs not held")
na("real", "market",
   "What feed-in tariff does France pay for a 100 kW supermarket rooftop?",
   "tariffs not held")
na("real", "price",
   "Supplier says TOPCon is worth the premium. average module efficiency TOPCon vs PERC?",
   "efficiency not held")
na("real", "market",
   "What was the French PV market worth in euros in 2024?",
   "market value in EUR not held")
na("real", "market",
   "We're expanding to West Africa. How much PV did Nigeria install in 2024?",
   "Nigeria not in the market data")
na("real", "market",
   "Our 2030 net-zero plan cites the German fleet. What will Germany's total installed PV base be at the end of 2030 (most probable)?",
   "forecast cumulative figures in the real CSV exclude the installed base; not usable")
na("real", "market",
   "Long-term view for a 15-year PPA: how much PV will Spain add in 2035?",
   "forecasts end in 2030")
na("real", "market",
   "How much solar did Italy instal in 1985?",
   "Italy data starts in 1992")
na("real", "price",
   "EPC quote for our Lyon distribution centre splits out the inverters. What's the latest string inverter price per Wp?",
   "inverter prices not held")
na("real", "price",
   "TOPCon module price in Japan, latest?",
   "Japan is not a price region (regions: China, EU, US, Australia, India, Overseas)")
na("real", "price",
   "Trying to understand a supplier's price-adjustment clause. What share of a module's price is the polysilicon?",
   "a share of a price (cost breakdown) cannot be computed from the price series")
na("real", "manufacturer_financial",
   "Shortlisting tier-1 suppliers. LONGi revenue for 2024?",
   "LONGi not in the financials (sample companies only)")
na("real", "manufacturer_financial",
   "What's Helios Modules' EBITDA for FY2024?",
   "EBITDA not a metric in the financials")
na("real", "market",
   "Solar thermal collectors installed in Austria in 2023?",
   "solar thermal not in the data; PV only")
na("sample", "market",
   "UK PV installations in 2024? We have stores there too",
   "UK not in the sample market data")
na("sample", "market",
   "How much PV did China add in 2024?",
   "China not in the sample market data")
na("sample", "price",
   "module prices in Brazil, latest?",
   "Brazil not a price region in the sample")
na("sample", "price",
   "Our cabling contract is indexed to copper. Copper price trend last year?",
   "raw materials not in the sample prices")
na("sample", "price",
   "TOPCon module price in China in mid-2022?",
   "sample prices start in January 2023")
na("sample", "manufacturer_financial",
   "First Solar is on our thin-film shortlist. First Solar module shipments in 2024?",
   "First Solar not in the financials")
na("sample", "market",
   "Energy committee meets Thursday. What are retail electricity prices for businesses in Germany?",
   "electricity prices not held")
na("sample", "market",
   "How much PV did Germany add in 2012?",
   "sample market data starts in 2015")
na("sample", "market",
   "A Dutch developer offered us a floating PV deal. How much of the Dutch PV capacity is floating solar?",
   "floating PV is not a segment; only centralised / distributed / off-grid")
na("sample", "manufacturer_financial",
   "Nordlicht Solar order backlog at end of 2024?",
   "order backlog not a metric in the financials")

# =========================================================================== write + self-check
for i, it_ in enumerate(ITEMS, 1):
    it_["id"] = f"{WRITER}-{i:03d}"

out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it_ in ITEMS:
        fh.write(json.dumps(it_, ensure_ascii=False) + "\n")

ids = [x["id"] for x in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(1 for x in ITEMS if not x["answerable"])
assert n_un >= 28, n_un
n_fu = sum(1 for x in ITEMS if x["kind"] == "follow_up" and len(x["turns"]) >= 2)
assert n_fu >= 12, n_fu
for x in ITEMS:
    if x["answerable"]:
        assert x["expect"] or x["names"], x["id"]
        for e in x["expect"]:
            assert e["value"] == e["value"], ("NaN", x["id"])
    else:
        assert x.get("why"), x["id"]
for x in ITEMS:
    if x["kind"] in ("rank",) and len(x["expect"]) > 1:
        vs = [e["value"] for e in x["expect"]]
        assert len(set(vs)) == len(vs), ("tie in ranking", x["id"])
n_ctx = sum(1 for x in ITEMS if any(t.count(".") + t.count("?") > 1 for t in x["turns"][:1]))

print("items:", len(ITEMS), "unanswerable:", n_un, "follow-up chains:", n_fu,
      "first turns with >1 sentence (context):", n_ctx)
print("by data:", dict(Counter(x["data"] for x in ITEMS)))
print("by agent:", dict(Counter(x["agent"] for x in ITEMS)))
print("by kind:", dict(Counter(x["kind"] for x in ITEMS)))
print("kind x data:")
print(pd.crosstab(pd.Series([x["kind"] for x in ITEMS], name="kind"),
                  pd.Series([x["data"] for x in ITEMS], name="data")).to_string())
print("wrote", out)
