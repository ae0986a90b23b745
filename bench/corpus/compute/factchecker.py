"""Held-out questions for the solar-PV assistant, writer 'factchecker'.

Every expected figure is computed from the data files here; nothing is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints counts.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "factchecker"

# ---------------------------------------------------------------- data
REAL_MARKET = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_PRICES = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
S_MARKET = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
S_PRICES = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": REAL_MARKET, "sample": S_MARKET}
PRC = {"real": REAL_PRICES, "sample": S_PRICES}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}
SCEN = {
    None: None,
    "hist": "Historical Primary",
    "high": "Forecast - High",
    "low": "Forecast - Low",
    "mp": "Forecast - Most probable",
}


def countries(data):
    return sorted(t for t in MKT[data].Territory.unique() if t not in AGGREGATES)


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    df = MKT[data]
    last_hist = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max()
    return "Historical Primary" if year <= last_hist else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value (MW). Asserts exactly one row."""
    df = MKT[data]
    s = scen_for(data, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    v = float(r["Capacity(MW)"].iloc[0])
    assert v == v, ("NaN", data, terr, year)
    return v


def series(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def top(data, year, n, typ="Annual", conn="Total", scen=None, pool=None):
    """Top-n countries; asserts no tie at the boundary."""
    pool = pool or countries(data)
    vals = []
    for t in pool:
        try:
            vals.append((t, mv(data, t, year, typ, conn, scen)))
        except AssertionError:
            pass
    vals.sort(key=lambda x: -x[1])
    if len(vals) > n:
        assert vals[n - 1][1] > vals[n][1], "tie at boundary"
    return vals[:n], vals


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def share(part, whole):
    return part / whole * 100.0


def psr(data, item, desc, region, unit=None, since=None):
    """A clean price series: exact duplicates dropped, one observation per date asserted
    (over the window asked about, from `since` on, when given)."""
    p = PRC[data]
    x = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if since:
        x = x[x.date >= pd.Timestamp(since)]
    if unit:
        x = x[x.unit == unit]
    x = x.drop_duplicates(subset=["date", "base_price"]).sort_values("date")
    assert len(x) > 0, (item, desc, region)
    assert x.date.is_unique, ("several observations per date", item, desc, region)
    assert x.unit.nunique() == 1, ("mixed units", item, desc, region)
    return x


def p_latest(data, *a, **k):
    x = psr(data, *a, **k)
    return float(x.base_price.iloc[-1]), x.date.iloc[-1], x.unit.iloc[0]


def p_month(data, ym, *a, **k):
    x = psr(data, *a, **k)
    y = x[x.date.dt.strftime("%Y-%m") == ym]
    assert len(y) == 1, ("need exactly one obs in month", ym, a, len(y))
    return float(y.base_price.iloc[0]), x.unit.iloc[0]


def p_date(data, date, *a, **k):
    x = psr(data, *a, **k)
    y = x[x.date == pd.Timestamp(date)]
    assert len(y) == 1, (date, a)
    return float(y.base_price.iloc[0]), x.unit.iloc[0]


def p_ext(data, fn, *a, start=None, end=None, **k):
    x = psr(data, *a, **k)
    if start:
        x = x[x.date >= pd.Timestamp(start)]
    if end:
        x = x[x.date <= pd.Timestamp(end)]
    v = x.base_price.max() if fn == "max" else x.base_price.min()
    dates = x[x.base_price == v].date
    return float(v), dates, x.unit.iloc[0]


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


FIN_CO = sorted(FIN.company.unique())

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
        "answerable": answerable, "kind": kind,
        "expect": expect or [], "names": [str(n) for n in (names or [])], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


def U(data, agent, turns, why, how="not in the data"):
    add(data, agent, "unanswerable", turns, how=how, answerable=False, why=why)


R, S = "real", "sample"

# ======================================================= REAL: market
# --- lookups
v = mv(R, "Germany", 2024)
add(R, "market", "lookup",
    "Checking a line from a Bundestag speech: \"Germany installed more solar than ever last year.\" "
    "First step - how many MW did Germany install in 2024?",
    [E(v, "MW")], how="market CSV: Germany 2024 Historical Primary Total Annual")

v = mv(R, "Pakistan", 2024)
add(R, "market", "lookup",
    "A press release from Islamabad says Pakistan added close to 18 GW of solar in 2024. "
    "What's the 2024 installation figure for Pakistan in your data?",
    [E(v, "MW")], how="Pakistan 2024 Historical Primary Total Annual")

v = mv(R, "Spain", 2024, "Cumulative")
add(R, "market", "lookup",
    "Spain's energy ministry claims the country's PV fleet is now 'well over 40 GW'. "
    "What was Spain's cumulative installed capacity at the end of 2024?",
    [E(v, "MW")], how="Spain 2024 Historical Primary Total Cumulative")

v = mv(R, "Italy", 2023, conn="Distributed")
add(R, "market", "lookup",
    "how much distributed PV did Italy add in 2023",
    [E(v, "MW")], how="Italy 2023 Historical Primary Distributed Annual")

v = mv(R, "Poland", 2028, scen="mp")
add(R, "market", "lookup",
    "Warsaw is promising a steady rooftop and utility pipeline. What's the most probable forecast "
    "for Poland's annual PV additions in 2028?",
    [E(v, "MW")], how="Poland 2028 Forecast - Most probable Total Annual")

# --- rankings (countries only)
t5, _ = top(R, 2024, 5)
add(R, "market", "rank",
    "Claim from a Delhi press conference: \"India is now the world's third-largest solar market.\" "
    "Can you rank the top 5 countries by PV capacity added in 2024?",
    [E(v, "MW") for _, v in t5], [t for t, _ in t5],
    how="countries only (aggregates excluded), 2024 Historical Primary Total Annual, top 5")

t3, _ = top(R, 2024, 3, "Cumulative")
add(R, "market", "rank",
    "Which three countries had the largest cumulative installed PV capacity at the end of 2024?",
    [E(v, "MW") for _, v in t3], [t for t, _ in t3],
    how="countries only, 2024 Historical Primary Total Cumulative, top 3")

t3, _ = top(R, 2030, 3, scen="mp")
add(R, "market", "rank",
    "An Ankara official says Türkiye will be one of Europe's three biggest solar markets by 2030. "
    "Under the most probable scenario, which three countries are forecast to add the most PV in 2030?",
    [E(v, "MW") for _, v in t3], [t for t, _ in t3],
    how="countries with forecasts, 2030 Forecast - Most probable Total Annual, top 3")

# --- shares
c, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", "share",
    "The line we're checking: \"China builds more solar than the rest of the world combined.\" "
    "What share of global PV additions in 2024 was China's?",
    [E(share(c, w), "%")], how="China / World, 2024 Historical Primary Total Annual")

c, w = mv(R, "China", 2024, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "share",
    "what % of the world's cumulative instaled PV sat in China at end-2024?",
    [E(share(c, w), "%")], how="China / World, 2024 Historical Primary Total Cumulative")

d_, t_ = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, "market", "share",
    "Berlin's press office says rooftops drove most of last year's growth. What share of Germany's "
    "2024 additions was distributed capacity?",
    [E(share(d_, t_), "%")], how="Germany 2024 Distributed / Total, Annual, Historical Primary")

e_, w = mv(R, "EU", 2024), mv(R, "World", 2024)
add(R, "market", "share",
    "A Commission speech said the EU 'accounts for a tenth of the world's new solar'. What was the EU's "
    "share of global PV additions in 2024?",
    [E(share(e_, w), "%")], how="EU / World, 2024 Historical Primary Total Annual")

# --- change
a, b = mv(R, "Italy", 2022), mv(R, "Italy", 2023)
add(R, "market", "change",
    "Rome says Italian solar installations 'more than doubled' in 2023. What was the percentage change "
    "in Italy's annual additions from 2022 to 2023?",
    [E(pct(a, b), "%")], how="Italy Annual Total, (2023-2022)/2022")

a, b = mv(R, "World", 2014), mv(R, "World", 2024)
add(R, "market", "change",
    "What was the CAGR of global annual PV installations between 2014 and 2024?",
    [E(cagr(a, b, 10), "%")], how="World Annual Total, (2024/2014)^(1/10)-1")

a, b = mv(R, "India", 2023), mv(R, "India", 2024)
add(R, "market", "change",
    "By how many MW did India's annual installs change from 2023 to 2024?",
    [E(b - a, "MW")], how="India Annual Total 2024 - 2023")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", "change",
    "A Dutch industry release calls 2024 'another strong year'. How did the Netherlands' 2024 additions "
    "compare with 2023, in percent?",
    [E(pct(a, b), "%")], how="Netherlands Annual Total, (2024-2023)/2023")

a, b = mv(R, "Brazil", 2019, "Cumulative"), mv(R, "Brazil", 2024, "Cumulative")
add(R, "market", "change",
    "Brasília boasts the country's solar fleet is 'growing faster than anywhere'. What was the compound "
    "annual growth rate of Brazil's cumulative capacity from end-2019 to end-2024?",
    [E(cagr(a, b, 5), "%")], how="Brazil Cumulative Total, (2024/2019)^(1/5)-1")

# --- compare
c, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", "compare",
    "Let's test it directly: did China install more PV in 2024 than the rest of the world put together? "
    "Give me China's 2024 additions and the world total minus China.",
    [E(c, "MW"), E(w - c, "MW")], ["China"], how="China 2024 Annual; World 2024 Annual - China")

u, i = mv(R, "USA", 2024), mv(R, "India", 2024)
add(R, "market", "compare",
    "USA vs India in 2024 installations - which was bigger, and by how many MW?",
    [E(u, "MW"), E(i, "MW"), E(u - i, "MW")], ["USA"], how="USA and India 2024 Annual Total, difference")

vals = [(t, mv(R, t, 2024, "Cumulative")) for t in ["France", "Italy", "Spain"]]
add(R, "market", "compare",
    "For a piece on southern Europe: compare the cumulative PV capacity of France, Italy and Spain at the end of 2024.",
    [E(v, "MW") for _, v in vals], [t for t, _ in vals], how="Cumulative Total 2024, Historical Primary, three countries")

b_, g_ = mv(R, "Brazil", 2023), mv(R, "Germany", 2023)
add(R, "market", "compare",
    "A Brazilian minister said Brazil 'out-installed Germany' in 2023. Which of the two added more PV that year?",
    [E(b_, "MW"), E(g_, "MW")], [("Brazil" if b_ > g_ else "Germany")],
    how="Brazil vs Germany 2023 Annual Total")

# --- extremes
s = series(R, "Germany", range(1992, 2025))
y = max(s, key=s.get)
add(R, "market", "extreme",
    "\"More solar than ever\" - over the whole history in the data, which year saw Germany's highest annual PV "
    "additions, and how much was it?",
    [E(s[y], "MW")], [y], how="Germany Annual Total Historical Primary 1992-2024, argmax")

s = series(R, "Italy", range(1992, 2025))
y = max(s, key=s.get)
add(R, "market", "extreme",
    "In which year did Italy install the most PV?",
    [E(s[y], "MW")], [y], how="Italy Annual Total Historical Primary 1992-2024, argmax")

s = series(R, "Germany", range(2010, 2025))
y = min(s, key=s.get)
add(R, "market", "extreme",
    "An opposition MP says German solar 'collapsed' under the previous government. What was Germany's weakest year "
    "for additions between 2010 and 2024?",
    [E(s[y], "MW")], [y], how="Germany Annual Total 2010-2024, argmin")

# --- averages
s = series(R, "India", range(2020, 2025))
add(R, "market", "average",
    "average anual PV additions in India over 2020-2024 (inclusive)?",
    [E(sum(s.values()) / len(s), "MW")], how="mean of India Annual Total 2020..2024")

s = series(R, "Australia", range(2018, 2025))
add(R, "market", "average",
    "Canberra says Australia has been adding 'around 5 GW a year' since 2018. What's the average annual "
    "addition for 2018 through 2024?",
    [E(sum(s.values()) / len(s), "MW")], how="mean of Australia Annual Total 2018..2024")

# --- sums
s = series(R, "China", range(2020, 2025))
add(R, "market", "sum",
    "How much PV did China install in total over 2020-2024 (sum of the annual additions)?",
    [E(sum(s.values()), "MW")], how="sum China Annual Total 2020..2024")

s = series(R, "USA", range(2022, 2025))
add(R, "market", "sum",
    "A White House fact sheet talks about US solar added 'in the last three years'. Sum of USA annual "
    "installations 2022, 2023 and 2024?",
    [E(sum(s.values()), "MW")], how="sum USA Annual Total 2022..2024")

# --- first / latest
s = series(R, "Poland", [y for y in range(2000, 2025) if y != 2011])  # 2011 is absent in the CSV
y = min(k for k, v in s.items() if v > 1000)
add(R, "market", "first_latest",
    "When did Poland first install more than 1 GW of PV in a single year?",
    [E(s[y], "MW")], [y], how="Poland Annual Total, first year > 1000 MW")

s = series(R, "World", range(1992, 2025), "Cumulative")
y = min(k for k, v in s.items() if v >= 1_000_000)
add(R, "market", "first_latest",
    "A UN speech said the world 'crossed the terawatt mark' of solar. In which year did global cumulative PV "
    "capacity first reach 1 TW (1,000,000 MW)?",
    [E(s[y], "MW")], [y], how="World Cumulative Total, first year >= 1,000,000 MW")

df = REAL_MARKET
ly = df[(df.Territory == "Türkiye") & (df.Scenario == "Historical Primary")].Year.max()
v = mv(R, "Türkiye", ly)
add(R, "market", "first_latest",
    "What's the most recent actual (historical, not forecast) figure you have for Türkiye's annual installations, "
    "and for which year?",
    [E(v, "MW")], [ly], how="Türkiye last Historical Primary year, Annual Total")

# ======================================================= REAL: prices
v, dte, u = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "price",
    "An MEP said module prices in Europe 'have halved'. What's the latest price for n-type TOPCon modules in the EU?",
    [E(v, u)], how=f"prices parquet: Module n-type TOPCon EU, newest date {dte.date()}")

x = psr(R, "Module", "n-type TOPCon", "EU")
a, b = float(x.base_price.iloc[0]), float(x.base_price.iloc[-1])
add(R, "price", "price",
    "Over the full series you hold, by what % has the EU price of n-type TOPCon modules changed from the first "
    "reading to the latest?",
    [E(pct(a, b), "%")],
    how=f"Module n-type TOPCon EU, first {x.date.iloc[0].date()} -> latest {x.date.iloc[-1].date()}")

x = psr(R, "Module", "p-type mono-Si PERC M10", "EU")
x23 = x[x.date.dt.year == 2023]
a, b = float(x23.base_price.iloc[0]), float(x.base_price.iloc[-1])
add(R, "price", "price",
    "Testing 'module prices halved since 2023': for p-type mono PERC M10 modules in the EU, what's the % change "
    "from the first reading of 2023 to the latest reading?",
    [E(a, "US$/Wp"), E(b, "US$/Wp"), E(pct(a, b), "%")],
    how=f"Module p-type mono-Si PERC M10 EU, {x23.date.iloc[0].date()} -> {x.date.iloc[-1].date()}")

v, dates, u = p_ext(R, "max", "Module", "p-type mono-Si PERC M10", "US")
add(R, "price", "price",
    "Highest price recorded for p-type mono-Si PERC M10 modules in the US, and when was it first reached?",
    [E(v, u)], [dates.min().year],
    how=f"max of Module p-type mono-Si PERC M10 US over the whole series; dates {[str(d.date()) for d in dates]}")

eu, _, u = p_latest(R, "Module", "n-type TOPCon", "EU")
us, dus, _ = p_latest(R, "Module", "n-type TOPCon", "US")
add(R, "price", "price",
    "A US trade association says American buyers pay 'nearly three times' what Europeans pay for modules. "
    "Compare the latest n-type TOPCon module price in the US and the EU - what's the ratio?",
    [E(us, u), E(eu, u), E(us / eu, "x")], how=f"latest (both {dus.date()}) Module n-type TOPCon US / EU")

vals = [(r, p_date(R, "2025-03-26", "Module", "n-type TOPCon", r)[0]) for r in ["China", "EU", "US"]]
vals.sort(key=lambda z: z[1])
add(R, "price", "price",
    "On 26 March 2025, where were n-type TOPCon modules cheapest: China, the EU or the US?",
    [E(v, "US$/Wp") for _, v in vals], [vals[0][0]],
    how="Module n-type TOPCon, 2025-03-26, regions China/EU/US, min")

v, u = p_month(R, "2024-05", "Copper", "Copper", "Overseas")
add(R, "price", "price",
    "copper price in May 2024?",
    [E(v, u)], how="Copper Overseas monthly, 2024-05")

v, u = p_month(R, "2024-03", "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "price",
    "Silver price in March 2024, please (in the unit your data uses).",
    [E(v, u)], how="Silver Overseas K US$/t, 2024-03")

x = psr(R, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "Overseas", since="2024-01-01")
x24 = x[x.date.dt.year == 2024]
a, b = float(x24.base_price.iloc[0]), float(x24.base_price.iloc[-1])
assert x24.source.nunique() == 1
add(R, "price", "price",
    "For very-high-purity polysilicon (12N, made outside China), overseas price: how much did it change in % "
    "between the first and last readings of 2024?",
    [E(pct(a, b), "%")], how=f"Polysilicon 12N outside China, Overseas, {x24.date.iloc[0].date()} -> {x24.date.iloc[-1].date()}")

cd, dcd, u = p_latest(R, "Module", "CdTe", "Overseas")
pe, dpe, _ = p_latest(R, "Module", "p-type mono-Si PERC M10", "Overseas")
assert dcd == dpe
add(R, "price", "price",
    "First Solar's marketing says thin-film is 'price-competitive with silicon'. Compare the latest overseas "
    "price of CdTe modules with p-type mono PERC M10 modules.",
    [E(cd, u), E(pe, u)], how=f"latest ({dcd.date()}) Module CdTe Overseas vs Module p-type mono-Si PERC M10 Overseas")

# ======================================================= REAL: follow-up chains
a, b = mv(R, "Germany", 2023), mv(R, "Germany", 2024)
add(R, "market", "follow_up",
    ["How much PV did Germany add in 2023?", "and in 2024?", "so what's the year-on-year growth in %?"],
    [E(pct(a, b), "%")], how="Germany Annual Total (2024-2023)/2023")

c, w = mv(R, "China", 2022), mv(R, "World", 2022)
add(R, "market", "follow_up",
    ["China's share of world PV additions in 2023?", "same for 2022?"],
    [E(share(c, w), "%")], how="China / World 2022 Annual Total")

t5, _ = top(R, 2022, 5)
add(R, "market", "follow_up",
    ["Top 5 countries by solar additions in 2024?", "and for 2022?"],
    [E(v, "MW") for _, v in t5], [t for t, _ in t5], how="countries only, 2022 Annual Total, top 5")

v = mv(R, "Brazil", 2024)
add(R, "market", "follow_up",
    ["How much did India install in 2024?", "what about Brazil?"],
    [E(v, "MW")], how="Brazil 2024 Annual Total")

v = mv(R, "France", 2030, scen="high")
add(R, "market", "follow_up",
    ["Most probable forecast for France's PV additions in 2030?", "same for the high scenario"],
    [E(v, "MW")], how="France 2030 Forecast - High Total Annual")

v, dte, u = p_latest(R, "Module", "n-type TOPCon", "US")
add(R, "price", "follow_up",
    ["Latest EU price for n-type TOPCon modules?", "And in the US?"],
    [E(v, u)], how=f"Module n-type TOPCon US latest {dte.date()}")

sp, it_ = mv(R, "Spain", 2024, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add(R, "market", "follow_up",
    ["Spain's cumulative PV capacity at end-2024?", "and Italy's?", "how far apart are the two, in MW?"],
    [E(abs(sp - it_), "MW")], how="|Spain - Italy| 2024 Cumulative Total")

# ======================================================= REAL: financials (sample file loaded on both)
v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(R, "manufacturer_financial", "financial",
    "What revenue did Helios Modules Ltd report for FY2024?",
    [E(v, u)], how="financials: Helios FY2024 Revenue")

vals = sorted(((c, fin(c, "2024-Q4", "Gross margin")[0]) for c in FIN_CO), key=lambda z: -z[1])
add(R, "manufacturer_financial", "financial",
    "Which of the manufacturers you cover had the highest gross margin in 2024-Q4, and what was it?",
    [E(vals[0][1], "%")], [vals[0][0].replace(" (sample)", "")], how="max Gross margin 2024-Q4 across companies")

a, _ = fin("SunForge Energy (sample)", "FY2023", "Net income")
b, u = fin("SunForge Energy (sample)", "FY2024", "Net income")
add(R, "manufacturer_financial", "financial",
    "SunForge Energy's CEO told shareholders 2024 was 'a year of resilience'. How did its net income move from "
    "FY2023 to FY2024 (absolute change)?",
    [E(a, u), E(b, u), E(b - a, u)], how="SunForge Net income FY2024 - FY2023")

# ======================================================= REAL: unanswerable
U(R, "market", "A minister claims Germany installed record wind capacity alongside solar in 2024. How many MW of wind were added?",
  "wind capacity is not in the data; only PV")
U(R, "market", "What share of Germany's electricity generation came from solar in 2024?",
  "generation / electricity mix is not held; only installed capacity in MW")
U(R, "market", "A senator said solar now employs over 250,000 Americans. How many solar jobs does the US have?",
  "employment / jobs not in the data")
U(R, "market", "What's the LCOE of utility-scale solar in India right now?",
  "LCOE is not a measure held")
U(R, "market", "How much home battery storage did Australia install in 2024?",
  "storage not in the data; only PV")
U(R, "market", "Lagos press release: 'Nigeria installed 1 GW of solar in 2024.' What does your data say for Nigeria?",
  "Nigeria is not a territory in the market data")
U(R, "market", "How much PV did Germany install in 1985?",
  "market data starts in 1992")
U(R, "market", "What is the world's cumulative PV capacity forecast for 2030 in the most probable scenario?",
  "forecast cumulative figures in the real CSV exclude the installed base; not a valid figure to give")
U(R, "market", "Madrid's target is 76 GW by 2030. What cumulative capacity does the forecast show for Spain at end-2028?",
  "forecast cumulative figures in the real CSV exclude the installed base")
U(R, "market", "What's the most probable forecast for US PV installations in 2030?",
  "no forecast rows for the USA in the data (forecasts cover European countries)")
U(R, "market", "A candidate said Chinese panels are now '25% efficient'. What's the average module efficiency in China?",
  "module efficiency not held")
U(R, "market", "What is France's current feed-in tariff for small rooftop systems?",
  "tariffs / policy support levels not held")
U(R, "price", "What's the current polysilicon price in India?",
  "polysilicon prices are only for China and Overseas")
U(R, "price", "How much have string inverter prices fallen since 2022?",
  "inverters are not a price item in the data")
U(R, "price", "What share of the module price is the polysilicon cost today?",
  "a share of a price (cost breakdown) is not held; units differ (US$/kg vs US$/Wp)")
U(R, "market", "A trade body says the German solar market was worth EUR 15 billion in 2024. What was its market value in euros?",
  "market value in EUR not held")
U(R, "price", "What did a mono PERC module cost in Europe back in 2017?",
  "price series start in 2019 (EU module series later still)")
U(R, "market", "How many GW of modules did China export in 2024?",
  "trade / export flows not held")
U(R, "manufacturer_financial", "What net income did LONGi report for FY2024?",
  "LONGi is not among the companies in the financials")

# ======================================================= SAMPLE: market
v = mv(S, "France", 2024)
add(S, "market", "lookup",
    "Paris says France hit a new record in 2024. How many MW did France install that year?",
    [E(v, "MW")], how="sample market: France 2024 Historical Primary Total Annual")

v = mv(S, "Spain", 2027, scen="low")
add(S, "market", "lookup",
    "Low-scenario forecast of Spain's PV additions in 2027?",
    [E(v, "MW")], how="Spain 2027 Forecast - Low Total Annual")

v = mv(S, "Germany", 2030, "Cumulative", scen="mp")
add(S, "market", "lookup",
    "Berlin's target is 215 GW by 2030. Under the most probable scenario, what cumulative capacity does Germany "
    "reach by end-2030?",
    [E(v, "MW")], how="sample: Germany 2030 Forecast - Most probable Total Cumulative (sample forecast cumulative includes base)")

t3, _ = top(S, 2024, 3)
add(S, "market", "rank",
    "Top 3 countries by PV added in 2024?",
    [E(v, "MW") for _, v in t3], [t for t, _ in t3], how="sample countries (World excluded), 2024 Annual Total, top 3")

_, allv = top(S, 2024, 1, "Cumulative")
lo = allv[-1]
add(S, "market", "rank",
    "Which country in your data had the smallest installed base at the end of 2024?",
    [E(lo[1], "MW")], [lo[0]], how="sample countries, 2024 Cumulative Total, min")

g, w = mv(S, "Germany", 2024), mv(S, "World", 2024)
add(S, "market", "share",
    "Germany's share of global PV additions in 2024?",
    [E(share(g, w), "%")], how="Germany / World 2024 Annual Total")

d_, t_ = mv(S, "Italy", 2023, conn="Distributed"), mv(S, "Italy", 2023)
add(S, "market", "share",
    "An Italian rooftop association says 'two out of three new panels go on roofs'. What share of Italy's 2023 "
    "additions was distributed?",
    [E(share(d_, t_), "%")], how="Italy 2023 Distributed / Total Annual")

a, b = mv(S, "Germany", 2015, "Cumulative"), mv(S, "Germany", 2024, "Cumulative")
add(S, "market", "change",
    "CAGR of Germany's cumulative PV capacity, end-2015 to end-2024?",
    [E(cagr(a, b, 9), "%")], how="Germany Cumulative Total (2024/2015)^(1/9)-1")

a, b = mv(S, "Poland", 2022), mv(S, "Poland", 2023)
add(S, "market", "change",
    "Polish annual additions, 2023 vs 2022: year-on-year change in %?",
    [E(pct(a, b), "%")], how="Poland Annual Total (2023-2022)/2022")

sp, it_ = mv(S, "Spain", 2024, "Cumulative"), mv(S, "Italy", 2024, "Cumulative")
add(S, "market", "compare",
    "Claim in a Spanish op-ed: 'Spain has overtaken Italy's solar fleet.' Compare the two countries' cumulative capacity "
    "at end-2024 - who's ahead and by how much?",
    [E(sp, "MW"), E(it_, "MW"), E(abs(sp - it_), "MW")], ["Spain" if sp > it_ else "Italy"],
    how="Spain vs Italy 2024 Cumulative Total")

vals = [(t, mv(S, t, 2024)) for t in ["France", "Netherlands", "Poland"]]
add(S, "market", "compare",
    "Compare 2024 installations in France, the Netherlands and Poland.",
    [E(v, "MW") for _, v in vals], [t for t, _ in vals], how="2024 Annual Total for three countries")

s = series(S, "Netherlands", range(2015, 2025))
y = max(s, key=s.get)
add(S, "market", "extreme",
    "Peak year for dutch PV additions between 2015 and 2024?",
    [E(s[y], "MW")], [y], how="Netherlands Annual Total 2015-2024 argmax")

s = series(S, "Spain", range(2015, 2025))
y = min(s, key=s.get)
add(S, "market", "extreme",
    "In which year from 2015 to 2024 did Spain add the least PV?",
    [E(s[y], "MW")], [y], how="Spain Annual Total 2015-2024 argmin")

s = series(S, "France", range(2020, 2025))
add(S, "market", "average",
    "France's average annual installations 2020-2024?",
    [E(sum(s.values()) / len(s), "MW")], how="mean France Annual Total 2020..2024")

s = series(S, "World", range(2025, 2031), scen="mp")
add(S, "market", "average",
    "Average yearly global PV additions forecast for 2025-2030, most probable scenario?",
    [E(sum(s.values()) / len(s), "MW")], how="mean World Annual Total Forecast - Most probable 2025..2030")

s = series(S, "Germany", range(2025, 2031), scen="mp")
add(S, "market", "sum",
    "A coalition paper promises 'over 90 GW of new solar this decade'. How much does the most probable forecast add "
    "in Germany over 2025-2030 in total?",
    [E(sum(s.values()), "MW")], how="sum Germany Annual Total Forecast - Most probable 2025..2030")

tot = sum(mv(S, t, 2024) for t in countries(S))
add(S, "market", "sum",
    "Sum of 2024 additons across all the countries in your dataset (not the World row)?",
    [E(tot, "MW")], how="sum of 2024 Annual Total over the six sample countries")

s = series(S, "Spain", range(2015, 2025), "Cumulative")
y = min(k for k, v in s.items() if v > 10000)
add(S, "market", "first_latest",
    "When did Spain's cumulative capacity first go above 10 GW?",
    [E(s[y], "MW")], [y], how="Spain Cumulative Total, first year > 10,000 MW")

# ======================================================= SAMPLE: prices
v, dte, u = p_latest(S, "Module", "n-type TOPCon", "China")
add(S, "price", "price",
    "Latest Chinese price for n-type TOPCon modules?",
    [E(v, u)], how=f"sample prices: Module n-type TOPCon China newest {dte.date()}")

v, u = p_month(S, "2024-03", "Module", "n-type HJT", "EU")
add(S, "price", "price",
    "What did HJT modules cost in the EU in March 2024?",
    [E(v, u)], how="Module n-type HJT EU 2024-03")

mx, dmx, u = p_ext(S, "max", "Polysilicon", "High purity - 9N/9N+", "China")
mn, dmn, _ = p_ext(S, "min", "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "price",
    "A Beijing official says polysilicon prices 'collapsed by 80%'. Give me the highest and lowest Chinese high-purity "
    "polysilicon prices in your series.",
    [E(mx, u), E(mn, u)], how=f"Polysilicon 9N China max ({dmx.iloc[0].date()}) and min ({dmn.iloc[0].date()})")

a, _ = p_month(S, "2023-01", "Module", "p-type mono-Si PERC M10", "India")
b, _ = p_month(S, "2024-12", "Module", "p-type mono-Si PERC M10", "India")
add(S, "price", "price",
    "Testing 'module prices in India halved': % change in Indian PERC M10 module prices from January 2023 to December 2024?",
    [E(pct(a, b), "%")], how="Module p-type mono-Si PERC M10 India, 2023-01 -> 2024-12")

t_, _ = p_month(S, "2024-12", "Module", "n-type TOPCon", "China")
h_, _ = p_month(S, "2024-12", "Module", "n-type HJT", "China")
add(S, "price", "price",
    "TOPCon vs HJT modules in China, December 2024 - which was cheaper and by how much?",
    [E(t_, "US$/Wp"), E(h_, "US$/Wp"), E(abs(h_ - t_), "US$/Wp")], ["TOPCon" if t_ < h_ else "HJT"],
    how="Module n-type TOPCon vs n-type HJT China, 2024-12")

vals = sorted(((r, p_month(S, "2024-12", "Module", "n-type TOPCon", r)[0]) for r in ["China", "EU", "India", "US"]),
              key=lambda z: z[1])
add(S, "price", "price",
    "Rank the regions from cheapest to dearest for TOPCon modules in Dec 2024.",
    [E(v, "US$/Wp") for _, v in vals], [r for r, _ in vals], how="Module n-type TOPCon 2024-12 by region, ascending")

x = psr(S, "Wafer", "n-type mono-Si M10", "China")
x24 = x[x.date.dt.year == 2024]
add(S, "price", "price",
    "Average price of n-type M10 wafers in China during 2024?",
    [E(x24.base_price.mean(), x.unit.iloc[0])], how="mean of 12 monthly Wafer n-type mono-Si M10 China obs in 2024")

eu, u = p_month(S, "2024-12", "PV glass", "Glass 3,2mm", "EU")
cn, _ = p_month(S, "2024-12", "PV glass", "Glass 3,2mm", "China")
add(S, "price", "price",
    "European glassmakers say they can't compete with China. 3.2 mm PV glass price, EU vs China, December 2024?",
    [E(eu, u), E(cn, u)], how="PV glass Glass 3,2mm EU and China 2024-12")

# ======================================================= SAMPLE: financials
v, u = fin("Aurora PV Group (sample)", "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "How many GW of modules did Aurora PV Group ship in FY2024?",
    [E(v, u)], how="Aurora FY2024 Module shipments")

v, u = fin("Helios Modules Ltd (sample)", "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "financial",
    "Helios claims it now has 'nearly 100 GW' of capacity. What production capacity did Helios Modules report for 2024-Q4?",
    [E(v, u)], how="Helios 2024-Q4 Production capacity")

a, _ = fin("Helios Modules Ltd (sample)", "FY2023", "Revenue")
b, u = fin("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "% change in Helios Modules revenue from FY2023 to FY2024?",
    [E(pct(a, b), "%")], how="Helios Revenue (FY2024-FY2023)/FY2023")

q = [fin("Helios Modules Ltd (sample)", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "financial",
    "Average quarterly gross margin at Helios Modules across the four quarters of 2024?",
    [E(sum(q) / 4, "%")], how="mean Helios Gross margin 2024-Q1..Q4")

vals = sorted(((c, fin(c, "FY2023", "Module shipments")[0]) for c in FIN_CO), key=lambda z: -z[1])
add(S, "manufacturer_financial", "financial",
    "Which manufacturer shipped the most modules in FY2023?",
    [E(vals[0][1], "GW")], [vals[0][0].replace(" (sample)", "")], how="max Module shipments FY2023 across companies")

# ======================================================= SAMPLE: follow-ups
v = mv(S, "Germany", 2030, scen="low")
add(S, "market", "follow_up",
    ["How much PV did Germany add in 2024?", "what about the low scenario for 2030?"],
    [E(v, "MW")], how="Germany 2030 Forecast - Low Total Annual")

d_, t_ = mv(S, "France", 2024, conn="Distributed"), mv(S, "France", 2024)
add(S, "market", "follow_up",
    ["Distributed share of Italy's 2024 additions?", "and France?"],
    [E(share(d_, t_), "%")], how="France 2024 Distributed / Total Annual")

v, u = p_month(S, "2024-12", "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", "follow_up",
    ["High-purity polysilicon price in China in December 2024?", "and in the EU?"],
    [E(v, u)], how="Polysilicon 9N EU 2024-12")

v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Net income")
add(S, "manufacturer_financial", "follow_up",
    ["Helios Modules revenue for FY2024?", "and net income?"],
    [E(v, u)], how="Helios FY2024 Net income")

v, u = fin("SunForge Energy (sample)", "2023-Q4", "Gross margin")
add(S, "manufacturer_financial", "follow_up",
    ["SunForge Energy gross margin in 2024-Q4?", "and a year earlier?"],
    [E(v, u)], how="SunForge 2023-Q4 Gross margin")

t3, _ = top(S, 2024, 3, "Cumulative")
add(S, "market", "follow_up",
    ["Top 3 countries by cumulative PV capacity at the end of 2024?", "can you show that as a chart"],
    [E(v, "MW") for _, v in t3], [t for t, _ in t3], how="sample countries 2024 Cumulative Total top 3, charted")

a, b = mv(S, "Netherlands", 2022), mv(S, "Netherlands", 2024)
add(S, "market", "follow_up",
    ["Netherlands annual installations in 2022?", "how about 2024?", "percent change between the two?"],
    [E(pct(a, b), "%")], how="Netherlands Annual Total (2024-2022)/2022")

# ======================================================= SAMPLE: unanswerable
U(S, "market", "How much solar did Japan install in 2024?",
  "Japan is not in the sample market data")
U(S, "market", "Germany's solar boom of 2012 - how many MW were installed that year?",
  "sample market data starts in 2015")
U(S, "price", "What's the latest silver price?",
  "silver is not in the sample prices")
U(S, "price", "Canberra says module prices in Australia are the lowest ever. Latest TOPCon module price in Australia?",
  "Australia is not a region in the sample prices")
U(S, "price", "n-type TOPCon module price in China for March 2025?",
  "sample prices end in December 2024")
U(S, "manufacturer_financial", "How much did Helios Modules spend on R&D in FY2024?",
  "R&D spending is not a metric in the financials")
U(S, "manufacturer_financial", "What was Helios Modules' revenue in 2022?",
  "financials cover 2023 and 2024 only")
U(S, "market", "How many square metres of solar thermal collectors did Germany install in 2024?",
  "solar thermal is not in the data; only PV")
U(S, "market", "What did the EU as a whole install in 2024?",
  "no EU aggregate in the sample market data (only six countries and World)")
U(S, "price", "Polysilicon prices in the US - latest figure?",
  "sample polysilicon prices only for China and EU")
U(S, "market", "A Dutch minister claims one in three homes now has solar panels. How many households in the Netherlands have rooftop PV?",
  "number of systems / households not held; only MW")
U(S, "market", "What's the average system price per kWp for residential PV in Germany?",
  "installed system prices (EUR/kWp) not held; price data covers components only")

# ---------------------------------------------------------------- ids, write, self-check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"], it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}

print("items:", len(ITEMS), "unanswerable:", n_un, "follow-up chains:", n_chain)
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
for (k, d), n in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:14s} {d:7s} {n}")
fin_n = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
print("manufacturer_financial items:", fin_n)
print("with context sentence (>1 sentence in last turn):",
      sum(any(ch in it["turns"][-1][:-1] for ch in ".:") for it in ITEMS))
