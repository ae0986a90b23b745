"""Held-out questions, writer 'ratingagency' (credit-rating analyst: utilities and PV manufacturers).

Every expected figure is computed from the data files below; nothing numeric is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "ratingagency"

# ---------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

rm = pd.read_csv(REAL_MARKET).drop_duplicates()
# exact duplicates are dropped; a few more rows repeat a key with identical capacity
# (only AC/DC / Estimated flags blank) -> keep one per key, after asserting no conflicts
assert (rm.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
rm = rm.drop_duplicates(KEY)

sm = pd.read_csv(S_MARKET).drop_duplicates()
assert (sm.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()

rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES).drop_duplicates()
sp["date"] = pd.to_datetime(sp["date"])
fin = pd.read_csv(S_FIN)

AGGREGATES = {
    "World", "EU", "Europe", "Asia", "Africa", "America", "ASEAN", "Central America", "Central Asia",
    "Central Europe", "East Asia", "East Europe", "Eurasia", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa",
}
assert AGGREGATES <= set(rm.Territory)
assert AGGREGATES & set(sm.Territory) == {"World"}

SCN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
       "hist": "Historical Primary"}


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen:
        return SCN[scen]
    return "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure (MW)."""
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(df, terr, typ="Annual", conn="Total", scen="hist", y0=None, y1=None):
    r = df[(df.Territory == terr) & (df.Scenario == SCN[scen]) & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    s = r.set_index("Year")["Capacity(MW)"].sort_index()
    if y0 is not None and y1 is not None:
        assert list(s.index) == list(range(y0, y1 + 1)), (terr, list(s.index))
    return s


def countries_rank(df, year, typ="Annual", conn="Total", scen=None, n=3, ascending=False):
    s_name = SCN[scen] if scen else None
    r = df[(df.Year == year) & (df.Connection == conn) & (df.Type == typ) & (~df.Territory.isin(AGGREGATES))]
    if s_name is None:
        s_name = "Historical Primary"
    r = r[r.Scenario == s_name].sort_values("Capacity(MW)", ascending=ascending)
    vals = list(r["Capacity(MW)"])
    assert len(vals) > n and vals[n - 1] != vals[n], "tie at rank boundary"
    top = r.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def share(part, whole):
    return part / whole * 100.0


def pseries(df, item, desc, region, unit=None):
    r = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    assert r.date.is_unique, ("several observations on one date", item, desc, region)
    return r.sort_values("date").set_index("date")["base_price"], r.unit.iloc[0]


def p_at(s, date):
    return float(s.loc[pd.Timestamp(date)])


def p_month(s, ym):
    m = s[s.index.to_period("M") == pd.Period(ym)]
    assert len(m) == 1, (ym, len(m))
    return float(m.iloc[0])


def unique_extreme(s, kind):
    v = s.min() if kind == "min" else s.max()
    d = s[s == v]
    return float(v), d.index


def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")

# ---------------------------------------------------------------- items
items = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns if isinstance(turns, list) else [turns],
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        assert not it["expect"]
    items.append(it)


def MW(v):
    return {"value": v, "unit": "MW"}


def P(v):
    return {"value": v, "unit": "%"}


def X(v):
    return {"value": v, "unit": "x"}


def U(v, u):
    return {"value": v, "unit": u}


R, S = "real", "sample"

# ====================================================================== REAL: market
# --- lookups
add(R, "market", "lookup",
    "I'm updating the Iberian utilities file ahead of committee. What was Spain's annual PV installation figure for 2024, as reported (DC, all connection segments)?",
    [MW(mv(rm, "Spain", 2024))], how="real CSV: Spain 2024 Historical Primary Total Annual")
add(R, "market", "lookup",
    "We rate two Japanese regional utilities with sizeable solar offtake. Japan's cumulative installed PV base at end-2024, total connection, please.",
    [MW(mv(rm, "Japan", 2024, "Cumulative"))], how="real CSV: Japan 2024 Historical Primary Total Cumulative")
add(R, "market", "lookup",
    "We are reviewing a Brazilian distributed-generation developer. How much distributed PV did Brazil add in FY2023, as reported?",
    [MW(mv(rm, "Brazil", 2023, conn="Distributed"))], how="real CSV: Brazil 2023 Historical Primary Distributed Annual")
add(R, "market", "lookup",
    "Our downside case for a Polish distribution utility leans on the bearish market view. Under the low scenario, what annual PV additions does the database carry for Poland in 2026?",
    [MW(mv(rm, "Poland", 2026, scen="low"))], how="real CSV: Poland 2026 Forecast - Low Total Annual")

# --- rankings (countries only)
names, vals = countries_rank(rm, 2024, n=5)
add(R, "market", "rank",
    "Excluding aggregates (World, EU, regional totals), which five countries added the most PV capacity in 2024? MW for each, please.",
    [MW(v) for v in vals], names, how="real CSV: 2024 Historical Primary Total Annual, countries only, top 5")
names, vals = countries_rank(rm, 2024, conn="Distributed", n=3)
add(R, "market", "rank",
    "On distributed (rooftop) additions only, which were the top three countries in 2024, excluding regional aggregates?",
    [MW(v) for v in vals], names, how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 3")
names, vals = countries_rank(rm, 2030, scen="mp", n=3)
add(R, "market", "rank",
    "We're stress-testing European demand assumptions for module makers we cover. On the most probable forecast, which three individual countries are expected to install the most PV in 2030? Exclude the EU, Europe, World and sub-regional aggregates.",
    [MW(v) for v in vals], names, how="real CSV: 2030 Forecast - Most probable Total Annual, countries only, top 3")

# --- shares
add(R, "market", "share",
    "Concentration risk is a recurring theme in our PV manufacturer reports. What was China's share of global annual PV additions in 2024, as reported?",
    [P(share(mv(rm, "China", 2024), mv(rm, "World", 2024)))],
    how="real CSV: China / World, 2024 Historical Primary Total Annual")
add(R, "market", "share",
    "For our German utility peer group: what porportion of Germany's 2024 additions was distributed rather than centralised?",
    [P(share(mv(rm, "Germany", 2024, conn="Distributed"), mv(rm, "Germany", 2024)))],
    how="real CSV: Germany 2024 Annual Distributed / Total")
add(R, "market", "share",
    "Utility-scale exposure check: centralised capacity as a share of Spain's total installed base at end-2024?",
    [P(share(mv(rm, "Spain", 2024, "Cumulative", "Centralised"), mv(rm, "Spain", 2024, "Cumulative")))],
    how="real CSV: Spain 2024 Cumulative Centralised / Total")

# --- change
a, b = mv(rm, "Brazil", 2023), mv(rm, "Brazil", 2024)
add(R, "market", "change",
    "Brazilian DG growth underpins one of our LatAm issuers' business plans. Brazil's annual installations, FY2024 versus FY2023: percentage change?",
    [P(pct(a, b))], how="real CSV: Brazil Annual Total 2023 -> 2024, % change")
a, b = mv(rm, "India", 2019, "Cumulative"), mv(rm, "India", 2024, "Cumulative")
add(R, "market", "change",
    "An Indian renewables platform is seeking an inaugural rating. What is the CAGR of India's cumulative PV capacity between end-2019 and end-2024?",
    [P(cagr(a, b, 5))], how="real CSV: India Cumulative Total 2019 -> 2024, CAGR over 5 years")
a, b = mv(rm, "Germany", 2022), mv(rm, "Germany", 2024)
add(R, "market", "change",
    "German volumes look to have roughly doubled post-EEG 2023. By how many MW did Germany's annual additions rise between 2022 and 2024?",
    [MW(b - a)], how="real CSV: Germany Annual Total 2024 - 2022")
a, b = mv(rm, "Italy", 2025, scen="mp"), mv(rm, "Italy", 2030, scen="mp")
add(R, "market", "change",
    "On the most probable scenario, what CAGR does the database imply for Italy's annual additions from 2025 to 2030?",
    [P(cagr(a, b, 5))], how="real CSV: Italy Forecast - Most probable Annual Total 2025 -> 2030, CAGR 5 years")

# --- comparisons
add(R, "market", "compare",
    "Southern European peer comparison for the utilities team: compare 2024 annual additions for Spain, Italy and France, as reported, all segments.",
    [MW(mv(rm, "Spain", 2024)), MW(mv(rm, "Italy", 2024)), MW(mv(rm, "France", 2024))],
    ["Spain"], how="real CSV: 2024 Historical Primary Total Annual for the three; Spain largest")
us, ind = mv(rm, "USA", 2024, "Cumulative"), mv(rm, "India", 2024, "Cumulative")
add(R, "market", "compare",
    "There is a view internally that India has overtaken the US in installed base. India vs the US at end-2024: which is larger, and by how many MW?",
    [MW(us), MW(ind), MW(us - ind)], [], how="real CSV: 2024 Cumulative Total USA and India, difference")
add(R, "market", "compare",
    "Chile and Mexico are often bracketed together in our LatAm coverage. How did their 2024 additions compare?",
    [MW(mv(rm, "Chile", 2024)), MW(mv(rm, "Mexico", 2024))], ["Chile"],
    how="real CSV: 2024 Annual Total Chile vs Mexico; Chile larger")

# --- extremes
s = mseries(rm, "Italy")
add(R, "market", "extreme",
    "Italy's Conto Energia boom is a reference point in our tariff-risk methodology. Historical data only, excluding forecasts: what was Italy's record year for annual PV additions, and the figure?",
    [MW(float(s.max()))], [str(int(s.idxmax()))], how="real CSV: Italy Historical Primary Annual Total, max over all years")
s = mseries(rm, "Japan")
add(R, "market", "extreme",
    "In which year did Japanese annual installations peak over the full historical series, and at how many MW?",
    [MW(float(s.max()))], [str(int(s.idxmax()))], how="real CSV: Japan Historical Primary Annual Total, max")
s = mseries(rm, "Spain", y0=2010, y1=2024)
assert (s == s.min()).sum() == 1
add(R, "market", "extreme",
    "Spain's trough: since 2010, which year had the lowest annual additions (historical), and how low?",
    [MW(float(s.min()))], [str(int(s.idxmin()))], how="real CSV: Spain Historical Primary Annual Total 2010-2024, min")
s = mseries(rm, "Netherlands", scen="mp", y0=2025, y1=2030)
assert (s == s.max()).sum() == 1
add(R, "market", "extreme",
    "Dutch forecast, most probable case, 2025-2030: in which year are annual additions highest?",
    [MW(float(s.max()))], [str(int(s.idxmax()))], how="real CSV: Netherlands Forecast - Most probable Annual Total 2025-2030, max")

# --- averages
s = mseries(rm, "USA", y0=2020, y1=2024)
add(R, "market", "average",
    "US demand normalisation is central to our view on a domestic module maker. On a trailing five-year basis (2020-2024 inclusive), what were average annual US PV additions?",
    [MW(float(s.mean()))], how="real CSV: USA Annual Total 2020-2024 mean")
s = mseries(rm, "Germany", scen="mp", y0=2025, y1=2030)
add(R, "market", "average",
    "Our German grid operator model needs a forward run-rate. Average annual additions the most probable forecast assumes for Germany over 2025-2030?",
    [MW(float(s.mean()))], how="real CSV: Germany Forecast - Most probable Annual Total 2025-2030 mean")

# --- sums
s = mseries(rm, "Poland", y0=2020, y1=2024)
add(R, "market", "sum",
    "Total PV Poland added over 2020-2024, summing the annual figures (i.e. the 5-yr aggregate)?",
    [MW(float(s.sum()))], how="real CSV: Poland Annual Total 2020-2024 sum")
s = mseries(rm, "Spain", scen="mp", y0=2025, y1=2030)
add(R, "market", "sum",
    "For the Spanish TSO capex review we need forward volumes. How much new PV does the most probable scenario have Spain adding in aggregate over 2025-2030?",
    [MW(float(s.sum()))], how="real CSV: Spain Forecast - Most probable Annual Total 2025-2030 sum")
nord = ["Denmark", "Sweden", "Norway", "Finland"]
add(R, "market", "sum",
    "We cover a Nordic utility group operating across four markets. Combined installed base of Denmark, Sweden, Norway and Finland at end-2024?",
    [MW(sum(mv(rm, t, 2024, "Cumulative") for t in nord))], how="real CSV: 2024 Cumulative Total, sum of 4 Nordic countries")

# --- first / latest
s = mseries(rm, "Poland")
yr = int(s[s > 1000].index.min())
add(R, "market", "first_latest",
    "Poland's prosumer boom changed the load profile for the utilities we rate there. In which year did Poland's annual additions first exceed 1 GW?",
    [MW(float(s.loc[yr]))], [str(yr)], how="real CSV: Poland Historical Annual Total, first year > 1000 MW")
s = mseries(rm, "China", "Cumulative")
yr = int(s[s > 100000].index.min())
add(R, "market", "first_latest",
    "When did China's cumulative PV capacity first pass 100 GW, and what was the end-year figure?",
    [MW(float(s.loc[yr]))], [str(yr)], how="real CSV: China Historical Cumulative Total, first year > 100000 MW")
s = mseries(rm, "Vietnam", "Cumulative")
add(R, "market", "first_latest",
    "Latest reported Vietnamese installed base: which year, and how many MW?",
    [MW(float(s.iloc[-1]))], [str(int(s.index[-1]))], how="real CSV: Vietnam Historical Cumulative Total, last year")

# ====================================================================== REAL: prices
s, u = pseries(rp, "Module", "CdTe", "Overseas")
add(R, "price", "price",
    "Thin-film pricing is relevant to a US-listed manufacturer we rate. Latest CdTe module price in the Overseas series?",
    [U(float(s.iloc[-1]), u)], how="real parquet: Module / CdTe / Overseas, newest date")
s, u = pseries(rp, "Copper", "Copper", "Overseas")
add(R, "price", "price",
    "Copper input cost check: monthly copper price for January 2025?",
    [U(p_month(s, "2025-01"), u)], how="real parquet: Copper / Overseas, 2025-01 observation")
s, u = pseries(rp, "Aluminium", "Aluminium", "Overseas")
add(R, "price", "price",
    "Frame costs matter for module margins. Over the whole aluminium series, what were the minimum and maximum monthly prices?",
    [U(float(s.min()), u), U(float(s.max()), u)], how="real parquet: Aluminium / Overseas, min and max over all dates")
s, u = pseries(rp, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "China")
v, dd = unique_extreme(s, "max")
assert len({d.year for d in dd}) == 1  # plateau of several weeks, all in one year
add(R, "price", "price",
    "Polysilicon, very high purity (12N/12N+, outside of China) series, China region: what was the peak price, and in which year?",
    [U(v, u)], [str(dd[0].year)], how="real parquet: Polysilicon / Very high purity (12N/12N+, outside of China) / China, max")
s, u = pseries(rp, "Wafer", "p-type mono-Si M10", "China")
add(R, "price", "price",
    "Wafer deflation hit our covered names' inventory valuations last year. Average p-type mono-Si M10 wafer price in China across calendar 2024 (all weekly observations)?",
    [U(float(s[s.index.year == 2024].mean()), u)], how="real parquet: Wafer / p-type mono-Si M10 / China, mean of 2024 observations")
s, u = pseries(rp, "Cell", "p-type mono-Si PERC", "China")
s24 = s[s.index.year == 2024]
d0, d1 = s24.index[0], s24.index[-1]
add(R, "price", "price",
    f"p-type mono-Si PERC cells, China: % change between the first 2024 print ({d0:%d %B %Y}) and the last ({d1:%d %B %Y})?",
    [P(pct(float(s24.iloc[0]), float(s24.iloc[-1])))], how="real parquet: Cell / p-type mono-Si PERC / China, first vs last 2024 observation")
s1, u = pseries(rp, "Module", "n-type TOPCon", "China")
s2, _ = pseries(rp, "Module", "n-type HJT", "China")
assert s1.index[-1] == s2.index[-1]
add(R, "price", "price",
    "Technology spread in China: latest n-type TOPCon vs n-type HJT module prices?",
    [U(float(s1.iloc[-1]), u), U(float(s2.iloc[-1]), u)], [],
    how="real parquet: Module n-type TOPCon / China and n-type HJT / China, newest common date; HJT higher")
regs = ["EU", "US", "Overseas"]
last = {}
for r_ in regs:
    s, u = pseries(rp, "Module", "p-type mono-Si PERC M10", r_)
    last[r_] = (s.index[-1], float(s.iloc[-1]))
assert len({d for d, _ in last.values()}) == 1
cheapest = min(last, key=lambda k: last[k][1])
assert sorted(v for _, v in last.values())[0] < sorted(v for _, v in last.values())[1]
add(R, "price", "price",
    "For p-type mono-Si PERC M10 modules, across the EU, US and Overseas series, which region was cheapest on the latest date, and at what price?",
    [U(last[cheapest][1], "US$/Wp")], [cheapest], how="real parquet: Module PERC M10 EU/US/Overseas, newest date, min")
s, u = pseries(rp, "EVA", "EVA", "Overseas")
add(R, "price", "price",
    "Encapsulant is a small but volatile line in module BOM. EVA: year-on-year % change, January 2024 to January 2025?",
    [P(pct(p_month(s, "2024-01"), p_month(s, "2025-01")))], how="real parquet: EVA / Overseas, 2024-01 vs 2025-01, % change")
s, u = pseries(rp, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "price",
    "Silver paste exposure: what was the silver price in December 2024, in the series' own unit?",
    [U(p_month(s, "2024-12"), u)], how="real parquet: Silver / Overseas (K US$/t), 2024-12 observation")

# ====================================================================== financials (either instance)
v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "financial",
    "Annual review of Helios Modules is due next week. FY2024 revenue, as reported?",
    [U(v, u)], how="financials: Helios FY2024 Revenue")
ttm = sum(fv(AUR, p_, "Revenue")[0] for p_ in ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"])
add(R, "manufacturer_financial", "financial",
    "Our leverage metrics are calculated on LTM figures. Aurora PV Group, revenue on a trailing twelve-month basis as at 2024-Q3 (i.e. 2023-Q4 through 2024-Q3)?",
    [U(ttm, "USD million")], how="financials: Aurora Revenue sum of 2023-Q4, 2024-Q1, 2024-Q2, 2024-Q3")
sh = {c: fv(c, "FY2024", "Module shipments")[0] for c in [HEL, SUN, AUR, NOR]}
top = max(sh, key=sh.get)
add(R, "manufacturer_financial", "financial",
    "Scale is a key rating factor for us. Of the manufacturers in the financials set, which shipped the most modules in FY2024, and how many GW?",
    [U(sh[top], "GW")], [top.split(" ")[0]], how="financials: FY2024 Module shipments, max across companies")

# ====================================================================== REAL: follow-ups
add(R, "market", "follow_up",
    ["Quick one for the German-Spanish utility comparison. What did Germany install in 2024, all segments, as reported?", "And Spain?"],
    [MW(mv(rm, "Spain", 2024))], how="real CSV: Spain 2024 Historical Primary Total Annual")
add(R, "market", "follow_up",
    ["Italy's 2028 annual additions under the most probable scenario?", "Same for the high scenario."],
    [MW(mv(rm, "Italy", 2028, scen="high"))], how="real CSV: Italy 2028 Forecast - High Total Annual")
add(R, "market", "follow_up",
    ["China's share of world annual additions in 2024?", "What about 2023?"],
    [P(share(mv(rm, "China", 2023), mv(rm, "World", 2023)))],
    how="real CSV: China / World, 2023 Historical Primary Total Annual")
add(R, "market", "follow_up",
    ["Germany's cumulative installed base at end-2024, please.",
     "Cross-check: end-2023 base plus 2024 additions, what does that sum to?"],
    [MW(mv(rm, "Germany", 2023, "Cumulative") + mv(rm, "Germany", 2024))],
    how="real CSV: Germany Cumulative 2023 + Annual 2024 (Total)")
s, u = pseries(rp, "Module", "CdTe", "Overseas")
v, dd = unique_extreme(s, "max")
assert len({d.year for d in dd}) == 1  # the high is held for a few consecutive weeks, all in one year
add(R, "price", "follow_up",
    ["Latest CdTe module price, Overseas?", "And the series high: what level, and in which year was it reached?"],
    [U(v, u)], [str(dd[0].year)], how="real parquet: Module / CdTe / Overseas, max over series (held several weeks in one year)")
a, b = mv(rm, "USA", 2019, "Cumulative"), mv(rm, "USA", 2024, "Cumulative")
add(R, "market", "follow_up",
    ["I want to reconcile our US fleet growth assumption with the database. US cumulative PV capacity at end-2019?", "And end-2024? Give me the CAGR over that period as well."],
    [MW(b), P(cagr(a, b, 5))], how="real CSV: USA Cumulative Total 2024, CAGR 2019->2024")
names, vals = countries_rank(rm, 2024, n=5)
add(R, "market", "follow_up",
    ["Top five countries by 2024 annual additions, excluding aggregates?", "Show that as a bar chart."],
    [MW(v) for v in vals], names, how="real CSV: 2024 Annual Total, countries only, top 5 (chart)")
s, u = pseries(rp, "Aluminium", "Aluminium", "Overseas")
add(R, "price", "follow_up",
    ["Copper price for January 2025?", "And aluminium for the same month?"],
    [U(p_month(s, "2025-01"), u)], how="real parquet: Aluminium / Overseas, 2025-01")
add(R, "market", "follow_up",
    ["France's 2024 annual additions?", "What share of that was distributed?", "and for Italy?"],
    [P(share(mv(rm, "Italy", 2024, conn="Distributed"), mv(rm, "Italy", 2024)))],
    how="real CSV: Italy 2024 Annual Distributed / Total")

# ====================================================================== REAL: unanswerable
UN = []


def unans(data, agent, turns, why):
    add(data, agent, "unanswerable", turns, answerable=False, why=why, how="not in data")


unans(R, "market", "How much onshore wind did Germany add in 2024? Need it next to the PV figure for an RWE-type peer.",
      "wind capacity is not held; PV only")
unans(R, "market", "Italian MACSE auctions will shape storage revenues for a utility we rate. What battery storage capacity (MWh) was commissioned in Italy in 2024?",
      "storage is not held")
unans(R, "market", "For our Spanish utility-scale PPA model: what is the LCOE of ground-mounted PV in Spain in 2024?",
      "LCOE is not held")
unans(R, "market", "How many GWh did French PV generate in FY2023?",
      "generation in GWh is not held; only capacity in MW")
unans(R, "market", "We have a first-time sub-Saharan issuer in the pipeline. Nigeria's cumulative PV capacity at end-2024?",
      "Nigeria is not a territory in the market data")
unans(R, "market", "The India issuer's business plan assumes 40 GW a year. What does the most probable forecast show for Indian annual additions in 2027?",
      "the real CSV has forecasts only for European countries and aggregates; India has none")
unans(R, "market", "Long-dated Spanish merchant-price risk depends on fleet size. Spain's installed base at end-2030 under the most probable scenario?",
      "forecast cumulative values in the real CSV exclude the installed base; not a valid fleet figure")
unans(R, "market", "Germany's expected PV fleet at end-2027 in the high case, please.",
      "forecast cumulative values in the real CSV exclude the installed base")
unans(R, "price", "Balance-of-system costs feed our developer cash-flow cases. Latest string inverter price per Wac, China?",
      "inverters are not a price item in the data")
unans(R, "price", "What's the current n-type TOPCon module price in Japan?",
      "Japan is not a price region")
unans(R, "price", "What share of the latest TOPCon module price in China is accounted for by polysilicon cost?",
      "a share of a price (cost breakdown) is not held; units differ (US$/kg vs US$/Wp)")
unans(R, "manufacturer_financial", "LONGi's FY2024 revenue and gross margin, please, as reported.",
      "LONGi is not in the financials sample")
unans(R, "manufacturer_financial", "Helios Modules: net debt / EBITDA at FY2024?",
      "EBITDA and net debt are not held in the financials")
unans(R, "market", "How much solar thermal (CSP) capacity does Spain have installed?",
      "solar thermal / CSP is not held; PV only")
unans(R, "market", "Repowering is becoming a theme for German early-2010s assets. How much PV capacity was decommissioned in Germany in 2023?",
      "decommissioning volumes are not held (all rows are installations)")
unans(R, "market", "Regulatory support is a scored factor in our methodology. What feed-in tariff applies to small German rooftop systems commissioned in 2024?",
      "tariffs are not held")
unans(R, "price", "Where do you see TOPCon module prices in China at end-2026?",
      "no price forecasts; price data are historical only")
unans(R, "market", ["Italy's 2024 annual additions?", "What was that market worth in EUR?"],
      "market value in EUR is not held")

# ====================================================================== SAMPLE: market
add(S, "market", "lookup",
    "Revisiting an Italian utility's 2022 rating action. Italy's cumulative installed base at end-2022, as reported?",
    [MW(mv(sm, "Italy", 2022, "Cumulative"))], how="sample market: Italy 2022 Historical Primary Cumulative Total")
add(S, "market", "lookup",
    "Our Dutch DSO downside case uses the bearish view. Netherlands: annual additions in 2027 in the low scenario?",
    [MW(mv(sm, "Netherlands", 2027, scen="low"))], how="sample market: Netherlands 2027 Forecast - Low Annual Total")
add(S, "market", "lookup",
    "The French IPP we cover is mostly ground-mount. How much centralised (utility-scale) PV did France add in 2023?",
    [MW(mv(sm, "France", 2023, conn="Centralised"))], how="sample market: France 2023 Historical Annual Centralised")

names, vals = countries_rank(sm, 2024, n=3)
add(S, "market", "rank",
    "Excluding the World aggregate, rank the top three countries by 2024 annual additions.",
    [MW(v) for v in vals], names, how="sample market: 2024 Annual Total, countries only, top 3")
names, vals = countries_rank(sm, 2030, "Cumulative", scen="mp", n=3)
add(S, "market", "rank",
    "On the most probable case, which three countries will have the largest installed bases at end-2030?",
    [MW(v) for v in vals], names, how="sample market: 2030 Forecast - Most probable Cumulative Total, top 3 countries")
names, vals = countries_rank(sm, 2024, n=1, ascending=True)
add(S, "market", "rank",
    "Which country had the smallest 2024 PV market among those covered (ignore World)? Figure in MW please.",
    [MW(vals[0])], names, how="sample market: 2024 Annual Total, countries only, min")

add(S, "market", "share",
    "We argue European demand is now marginal for global pricing. Germany's share of world annual additions in 2024?",
    [P(share(mv(sm, "Germany", 2024), mv(sm, "World", 2024)))], how="sample market: Germany / World 2024 Annual Total")
add(S, "market", "share",
    "Spanish utility-scale weighting: centralised share of Spain's 2024 additions?",
    [P(share(mv(sm, "Spain", 2024, conn="Centralised"), mv(sm, "Spain", 2024)))],
    how="sample market: Spain 2024 Annual Centralised / Total")
add(S, "market", "share",
    "Most probable case: what share of the Netherlands' end-2030 installed base is distributed?",
    [P(share(mv(sm, "Netherlands", 2030, "Cumulative", "Distributed"), mv(sm, "Netherlands", 2030, "Cumulative")))],
    how="sample market: Netherlands 2030 Forecast - Most probable Cumulative Distributed / Total")

a, b = mv(sm, "Poland", 2018, "Cumulative"), mv(sm, "Poland", 2024, "Cumulative")
add(S, "market", "change",
    "Polish installed base CAGR, end-2018 to end-2024, on cumulative MW?",
    [P(cagr(a, b, 6))], how="sample market: Poland Cumulative Total 2018 -> 2024, CAGR 6 years")
a, b = mv(sm, "Germany", 2023), mv(sm, "Germany", 2024)
add(S, "market", "change",
    f"Germany added roughly {mv(sm, 'Germany', 2023):,.0f} MW in 2023 on our notes; need the momentum. Germny's annual additions, y/y % change in 2024?",
    [P(pct(a, b))], how="sample market: Germany Annual Total 2023 -> 2024 % change")
a, b = mv(sm, "Spain", 2025, scen="high"), mv(sm, "Spain", 2030, scen="high")
add(S, "market", "change",
    "Management at a Spanish IPP quotes the upside case. In the high scenario, by how many MW do Spain's annual additions increase from 2025 to 2030?",
    [MW(b - a)], how="sample market: Spain Forecast - High Annual Total 2030 - 2025")

fr, nl = mv(sm, "France", 2024, "Cumulative"), mv(sm, "Netherlands", 2024, "Cumulative")
add(S, "market", "compare",
    "Two Benelux/French utilities sit side by side in our peer table. France vs the Netherlands: installed base at end-2024, which is larger?",
    [MW(fr), MW(nl)], ["Netherlands" if nl > fr else "France"], how="sample market: 2024 Cumulative Total France vs Netherlands")
add(S, "market", "compare",
    "Compare the 2030 most probable annual additions for Germany, Spain and Italy.",
    [MW(mv(sm, t, 2030, scen="mp")) for t in ["Germany", "Spain", "Italy"]],
    how="sample market: 2030 Forecast - Most probable Annual Total for the three")

s = mseries(sm, "Netherlands")
assert (s == s.max()).sum() == 1
add(S, "market", "extreme",
    "Dutch net-metering reform is weighing on rooftop demand. Historical series only: when did Dutch annual additions peak, and at what level?",
    [MW(float(s.max()))], [str(int(s.idxmax()))], how="sample market: Netherlands Historical Annual Total max")
s = mseries(sm, "Spain", y0=2015, y1=2024)
assert (s == s.min()).sum() == 1
add(S, "market", "extreme",
    "Spain's weakest year for new installations between 2015 and 2024?",
    [MW(float(s.min()))], [str(int(s.idxmin()))], how="sample market: Spain Historical Annual Total 2015-2024 min")
s = mseries(sm, "Germany", scen="low", y0=2025, y1=2030)
assert (s == s.min()).sum() == 1
add(S, "market", "extreme",
    "Low scenario, Germany, 2025-2030: in which year do annual additions bottom out?",
    [MW(float(s.min()))], [str(int(s.idxmin()))], how="sample market: Germany Forecast - Low Annual Total 2025-2030 min")

s = mseries(sm, "France", y0=2020, y1=2024)
add(S, "market", "average",
    "French annual additions, average over 2020-2024?",
    [MW(float(s.mean()))], how="sample market: France Annual Total 2020-2024 mean")
s = mseries(sm, "World", scen="mp", y0=2025, y1=2030)
add(S, "market", "average",
    "What's the average annual global PV market implied by the most probable forecast for 2025 to 2030, in MW?",
    [MW(float(s.mean()))], how="sample market: World Forecast - Most probable Annual Total 2025-2030 mean")

s = mseries(sm, "Italy", y0=2019, y1=2024)
add(S, "market", "sum",
    "Sum of Italy's annual additions 2019-2024 inclusive?",
    [MW(float(s.sum()))], how="sample market: Italy Annual Total 2019-2024 sum")
cs = sorted(set(sm.Territory) - AGGREGATES)
add(S, "market", "sum",
    "Combined 2024 additions of all the individual countries in the dataset, excluding World?",
    [MW(sum(mv(sm, t, 2024) for t in cs))], how="sample market: 2024 Annual Total summed over the 6 countries")

s = mseries(sm, "Poland")
yr = int(s[s > 1000].index.min())
add(S, "market", "first_latest",
    "First year Polish annual installations exceeded 1,000 MW?",
    [MW(float(s.loc[yr]))], [str(yr)], how="sample market: Poland Historical Annual Total first year > 1000")
s = mseries(sm, "Spain", "Cumulative")
add(S, "market", "first_latest",
    "What is the latest historical (non-forecast) year for Spain, and the installed base at that point?",
    [MW(float(s.iloc[-1]))], [str(int(s.index[-1]))], how="sample market: Spain Historical Cumulative Total, last year")

# ====================================================================== SAMPLE: prices
s, u = pseries(sp, "Module", "n-type TOPCon", "China")
add(S, "price", "price",
    "Chinese ASPs are the swing factor for our manufacturer ratings. Latest n-type TOPCon module price in China?",
    [U(float(s.iloc[-1]), u)], how="sample prices: Module / n-type TOPCon / China, newest date")
s, u = pseries(sp, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "price",
    "High-purity (9N/9N+) polysilicon in China, March 2024 price?",
    [U(p_month(s, "2024-03"), u)], how="sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-03")
s, u = pseries(sp, "Module", "n-type HJT", "India")
add(S, "price", "price",
    "Indian n-type HJT module prices: the minimum and maximum over the whole series?",
    [U(float(s.min()), u), U(float(s.max()), u)], how="sample prices: Module / n-type HJT / India, min and max")
s, u = pseries(sp, "Wafer", "p-type mono-Si M10", "China")
add(S, "price", "price",
    "p-type mono-Si M10 wafers in China: % change from January 2023 to December 2024?",
    [P(pct(p_month(s, "2023-01"), p_month(s, "2024-12")))], how="sample prices: Wafer / p-type mono-Si M10 / China, 2023-01 -> 2024-12 % change")
su, u = pseries(sp, "Module", "n-type TOPCon", "US")
se, _ = pseries(sp, "Module", "n-type TOPCon", "EU")
a, b = p_month(su, "2024-06"), p_month(se, "2024-06")
add(S, "price", "price",
    "US vs EU n-type TOPCon module prices in June 2024, and the US price as a multiple of the EU price?",
    [U(a, u), U(b, u), X(a / b)], how="sample prices: Module n-type TOPCon US and EU, 2024-06, ratio US/EU")
s, u = pseries(sp, "PV glass", "Glass 3,2mm", "EU")
add(S, "price", "price",
    "A glass supplier is seeking a rating. Average 3.2mm PV glass price in the EU over 2024 (monthly average)?",
    [U(float(s[s.index.year == 2024].mean()), u)], how="sample prices: PV glass / Glass 3,2mm / EU, mean of 2024 months")
c, u = pseries(sp, "Cell", "n-type TOPCon M10", "China")
e, _ = pseries(sp, "Cell", "n-type TOPCon M10", "EU")
vc, ve = p_month(c, "2024-12"), p_month(e, "2024-12")
add(S, "price", "price",
    "Cheapest region for n-type TOPCon M10 cells in December 2024, and the price?",
    [U(min(vc, ve), u)], ["China" if vc < ve else "EU"], how="sample prices: Cell n-type TOPCon M10 China vs EU, 2024-12, min")

# ====================================================================== SAMPLE: financials
v, u = fv(HEL, "2024-Q3", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "Margin compression is the main driver of the Helios outlook revision. Gross margin in 2024-Q3?",
    [U(v, u)], how="financials: Helios 2024-Q3 Gross margin")
a, u = fv(SUN, "FY2023", "Net income")
b, _ = fv(SUN, "FY2024", "Net income")
add(S, "manufacturer_financial", "financial",
    "SunForge is on negative watch. Net income FY2024 vs FY2023, as reported?",
    [U(b, u), U(a, u)], how="financials: SunForge Net income FY2024 and FY2023")
a, _ = fv(AUR, "FY2023", "Module shipments")
b, _ = fv(AUR, "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "Aurora claims volume growth offsets price declines. Module shipments grew by what percentage in FY2024 over FY2023?",
    [P(pct(a, b))], how="financials: Aurora Module shipments FY2023 -> FY2024 % change")
h1 = fv(NOR, "2024-Q1", "Revenue")[0] + fv(NOR, "2024-Q2", "Revenue")[0]
add(S, "manufacturer_financial", "financial",
    "Nordlicht Solar AG, H1 2024 revenue (Q1 plus Q2)?",
    [U(h1, "USD million")], how="financials: Nordlicht Revenue 2024-Q1 + 2024-Q2")
gm = {c: fv(c, "FY2024", "Gross margin")[0] for c in [HEL, SUN, AUR, NOR]}
lo = min(gm, key=gm.get)
add(S, "manufacturer_financial", "financial",
    "Which of the covered manufacturers posted the weakest FY2024 gross margin, and what was it?",
    [P(gm[lo])], [lo.split(" ")[0]], how="financials: FY2024 Gross margin min across companies")
ni, _ = fv(HEL, "FY2024", "Net income")
rv, _ = fv(HEL, "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "Helios FY2024 net margin, i.e. net income over revenue, in %?",
    [P(ni / rv * 100)], how="financials: Helios FY2024 Net income / Revenue")

# ====================================================================== SAMPLE: follow-ups
names, vals = countries_rank(sm, 2024, "Cumulative", n=3)
add(S, "market", "follow_up",
    ["Top three countries by 2024 annual additions, World excluded?", "Now rank them by installed base at end-2024 instead."],
    [MW(v) for v in vals], names, how="sample market: 2024 Cumulative Total, countries only, top 3")
add(S, "market", "follow_up",
    ["Germany's 2025 annual additions in the most probable scenario?", "And the low case?", "and the high?"],
    [MW(mv(sm, "Germany", 2025, scen="high"))], how="sample market: Germany 2025 Forecast - High Annual Total")
s, u = pseries(sp, "Module", "n-type TOPCon", "US")
add(S, "price", "follow_up",
    ["EU n-type TOPCon module price in December 2024?", "And in the US?"],
    [U(p_month(s, "2024-12"), u)], how="sample prices: Module / n-type TOPCon / US, 2024-12")
v, u = fv(HEL, "FY2024", "Net income")
add(S, "manufacturer_financial", "follow_up",
    ["Helios Modules FY2024 revenue?", "And net income for the same fiscal year?"],
    [U(v, u)], how="financials: Helios FY2024 Net income")
add(S, "market", "follow_up",
    ["Rooftop penetration differs a lot across our European utilities. Distributed share of Spain's 2024 additions?", "What about Poland?"],
    [P(share(mv(sm, "Poland", 2024, conn="Distributed"), mv(sm, "Poland", 2024)))],
    how="sample market: Poland 2024 Annual Distributed / Total")

# ====================================================================== SAMPLE: unanswerable
unans(S, "market", "Switching to our North American coverage. US annual PV additions in 2024?", "the USA is not in the sample market data")
unans(S, "market", "What did Germany install in 2012? We're reconstructing the post-FiT-cut trough.",
      "sample market data start in 2015")
unans(S, "price", "Latest silver price, please: paste cost sensitivity for our cell-maker coverage.",
      "silver is not a price item in the sample")
unans(S, "price", "n-type TOPCon module price in Australia, December 2024?",
      "Australia is not a price region in the sample")
unans(S, "market", "A Dutch utility we rate is diversifying. Offshore wind capacity added in the Netherlands in 2024?", "wind is not held")
unans(S, "manufacturer_financial", "First Solar's FY2024 gross margin, for comparison with the sample names?",
      "First Solar is not in the financials sample")
unans(S, "manufacturer_financial", "SunForge Energy free cash flow for FY2024?",
      "free cash flow is not held in the financials")
unans(S, "manufacturer_financial", "Our methodology needs three years of history. Helios Modules' 2022 revenue?",
      "financials cover 2023 and 2024 only")
unans(S, "market", "Italian PV electricity generation in 2024, in TWh?", "generation is not held")
unans(S, "price", "What were Chinese n-type TOPCon module prices in June 2022?",
      "sample prices start in January 2023")
unans(S, "market", ["Social licence is part of our ESG overlay for Polish utilities. Poland's 2024 annual additions?", "How many jobs does that installation volume support?"],
      "employment is not held")

# ---------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(items) >= 110, len(items)
n_un = sum(not it["answerable"] for it in items)
assert n_un >= 28, n_un
chains = sum(len(it["turns"]) >= 2 for it in items)
assert chains >= 12, chains
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert isinstance(e["value"], float) and e["value"] == e["value"], it["id"]
    else:
        assert it.get("why"), it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
n_fin = sum(it["agent"] == "manufacturer_financial" for it in items)

print("items:", len(items), "| unanswerable:", n_un, "| multi-turn chains:", chains, "| financial agent:", n_fin)
print("by data:", dict(Counter(it["data"] for it in items)))
print("by agent:", dict(Counter(it["agent"] for it in items)))
print("by kind x data:")
kc = Counter((it["kind"], it["data"]) for it in items)
for k in sorted({k for k, _ in kc}):
    print(f"  {k:13s} real={kc[(k, 'real')]:3d} sample={kc[(k, 'sample')]:3d}")
