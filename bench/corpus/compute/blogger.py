"""Held-out questions for the solar PV assistant, writer "blogger".

Persona: marketing manager at a residential solar installer, writing blog and social posts.
Every expected figure is computed here from the data files; nothing numeric is typed by hand
except the question wording (years, thresholds, scenario names).
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "blogger"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

# Aggregates: never counted as countries in rankings.
AGG = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()
    # RoW has near-duplicates (same key and value, differing only in metadata columns).
    g = df.groupby(KEY)[CAP].nunique()
    assert (g <= 1).all(), "conflicting market values for one key"
    return df.drop_duplicates(subset=KEY)


real_m = load_market(REAL_MARKET)
samp_m = load_market(SAMPLE_MARKET)
real_p = pd.read_parquet(REAL_PRICES)
samp_p = pd.read_csv(SAMPLE_PRICES, parse_dates=["date"])
fin = pd.read_csv(FIN)

MK = {"real": real_m, "sample": samp_m}
PR = {"real": real_p, "sample": samp_p}


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def mv(src, terr, year, typ="Annual", conn="Total", scen=None):
    df = MK[src]
    if scen is None:
        scen = HP if year <= last_hist(df, terr) else MP
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == scen)][CAP]
    assert len(x) == 1, (src, terr, year, typ, conn, scen, len(x))
    return float(x.iloc[0])


def series(src, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(src, terr, y, typ, conn, scen) for y in years}


def hist_series(src, terr, typ="Annual", conn="Total"):
    df = MK[src]
    x = df[(df.Territory == terr) & (df.Type == typ) & (df.Connection == conn)
           & (df.Scenario == HP)]
    return x.set_index("Year")[CAP].sort_index()


def countries_year(src, year, typ="Annual", conn="Total", scen=None):
    df = MK[src]
    out = {}
    for t in sorted(set(df.Territory) - AGG):
        s = scen
        if s is None:
            if t not in set(df[df.Scenario == HP].Territory):
                continue
            s = HP if year <= last_hist(df, t) else MP
        x = df[(df.Territory == t) & (df.Year == year) & (df.Type == typ)
               & (df.Connection == conn) & (df.Scenario == s)][CAP]
        if len(x) == 1 and pd.notna(x.iloc[0]):
            out[t] = float(x.iloc[0])
    return pd.Series(out).sort_values(ascending=False)


def pser(src, item, desc, region, unit=None):
    df = PR[src]
    x = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    g = x.groupby("date").base_price
    assert (g.nunique() == 1).all(), ("conflicting prices", item, desc, region)
    s = g.first().sort_index()
    assert len(s) > 0
    return s, x.unit.iloc[0]


def month_val(s, y, m):
    x = s[(s.index.year == y) & (s.index.month == m)]
    assert len(x) == 1, (y, m, len(x))
    return float(x.iloc[0])


def fv(company, period, metric):
    x = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, n):
    return ((b / a) ** (1.0 / n) - 1.0) * 100.0


Q = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(Q) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect] if answerable else [],
        "names": [str(n) for n in names] if answerable else [],
    }
    if not answerable:
        assert why
        item["why"] = why
    item["how"] = how
    Q.append(item)


def E(v, u="MW"):
    return (v, u)


# =====================================================================================
# REAL instance: market
# =====================================================================================
R = "real"

# --- lookups
v = mv(R, "USA", 2024)
add(R, "market", "Working on a post about the US solar boom! How much PV did the USA install in 2024?",
    "lookup", [E(v)], how="market CSV: USA, 2024, Historical Primary, Total, Annual")

v = mv(R, "Brazil", 2024, "Cumulative")
add(R, "market", "Brazil keeps popping up in our news feed. what's brazil's total installed solar capacity at the end of 2024?",
    "lookup", [E(v)], how="market CSV: Brazil, 2024, Historical Primary, Total, Cumulative")

v = mv(R, "Australia", 2023, conn="Distributed")
add(R, "market", "Aussie rooftops always make a great story. How many MW of distributed solar did Australia add in 2023?",
    "lookup", [E(v)], how="market CSV: Australia, 2023, Historical Primary, Distributed, Annual")

v = mv(R, "Italy", 2023, "Cumulative")
add(R, "market", "How big was Italy's solar fleet at the end of 2023, in GW?",
    "lookup", [E(v)], how="market CSV: Italy, 2023, Historical Primary, Total, Cumulative (MW; GW = /1000)")

# --- rankings (countries only)
s = countries_year(R, 2024)
top = s.head(5)
add(R, "market", "I'm making an infographic of the top 5 solar countries for new installs in 2024 - who are they and how much did each one add?",
    "rank", [E(x) for x in top.values], list(top.index),
    how="market CSV 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

s = countries_year(R, 2023)
europe = ["Albania", "Austria", "Belarus", "Belgium", "Bosnia Herzegovina", "Bulgaria", "Croatia",
          "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece",
          "Hungary", "Iceland", "Ireland", "Italy", "Kosovo", "Latvia", "Lithuania", "Luxembourg",
          "Malta", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal",
          "Republic of Moldova", "Romania", "Russia", "Serbia", "Slovakia", "Slovenia", "Spain",
          "Sweden", "Switzerland", "Türkiye", "UK", "Ukraine"]
se = s[s.index.isin(europe)].head(3)
add(R, "market", "Which three European countries installed the most solar in 2023?",
    "rank", [E(x) for x in se.values], list(se.index),
    how="market CSV 2023 Annual Total Historical Primary, European countries (incl. Türkiye/UK/Ukraine), top 3")

s = countries_year(R, 2024, "Cumulative")
top = s.head(5)
add(R, "market", "Need a 'giants of solar' graphic. top 5 countries by total installed PV capacity at the end of 2024 pls",
    "rank", [E(x) for x in top.values], list(top.index),
    how="market CSV 2024 Cumulative Total Historical Primary, countries only, top 5")

s = countries_year(R, 2024)
rank_es = int(list(s.index).index("Spain") + 1)
add(R, "market", "Where did Spain rank worldwide for new PV capacity in 2024? Countries only, not regions.",
    "rank", [E(rank_es, "rank"), E(s["Spain"])], [],
    how="market CSV 2024 Annual Total, countries only sorted desc; position of Spain")

s = countries_year(R, 2024)
big = s[s > 10000]
add(R, "market", "Thinking of a '10 GW club' post. Which countries added more than 10,000 MW of solar in 2024?",
    "rank", [E(x) for x in big.values], list(big.index),
    how="market CSV 2024 Annual Total HP, countries only, > 10000 MW")

# --- shares
c, w = mv(R, "China", 2024), mv(R, "World", 2024)
add(R, "market", "Everyone says China dominates solar. What % of all the solar the world added in 2024 went into China?",
    "share", [E(c / w * 100, "%")], how="China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

d, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, "market", "Germany is supposed to be a rooftop nation, right? What share of Germany's 2024 installations was distributed?",
    "share", [E(d / t * 100, "%")], how="Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

cz, t = mv(R, "Spain", 2024, "Cumulative", "Centralised"), mv(R, "Spain", 2024, "Cumulative")
add(R, "market", "Spain's fleet at end-2024: what percentage of it is centralised (utility-scale)?",
    "share", [E(cz / t * 100, "%")], how="Spain 2024 Cumulative Centralised / Spain 2024 Cumulative Total x100")

tri = mv(R, "China", 2024) + mv(R, "USA", 2024) + mv(R, "India", 2024)
add(R, "market", "For a headline: what share of global new installs in 2024 did China, the USA and India make up together?",
    "share", [E(tri / mv(R, "World", 2024) * 100, "%")],
    how="(China+USA+India 2024 Annual Total) / World 2024 Annual Total x100")

# --- change
a, b = mv(R, "China", 2022), mv(R, "China", 2023)
add(R, "market", "China's installs went absolutely crazy in 2023. By what % did China's annual additions grow from 2022 to 2023?",
    "change", [E(pct(a, b), "%")], how="China Annual Total HP: (2023-2022)/2022 x100")

a, b = mv(R, "World", 2014), mv(R, "World", 2024)
add(R, "market", "I want a 'solar keeps growing' stat for our homepage. What's the CAGR of global annual PV installations between 2014 and 2024?",
    "change", [E(cagr(a, b, 10), "%")], how="World Annual Total HP: (2024/2014)^(1/10)-1")

a, b = mv(R, "World", 2010), mv(R, "World", 2024)
add(R, "market", "how many times more solar did the world install in 2024 than in 2010?",
    "change", [E(b / a, "x")], how="World Annual Total HP 2024 / 2010")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, "market", "The Dutch market seems to have cooled off. How many MW less did the Netherlands install in 2024 than in 2023?",
    "change", [E(a - b)], how="Netherlands Annual Total HP: 2023 - 2024")

a, b = mv(R, "Germany", 2024), mv(R, "Germany", 2030, scen=MP)
add(R, "market", "Germany, most probable forecast: by how much % is the 2030 annual market bigger than what Germany actually installed in 2024?",
    "change", [E(pct(a, b), "%")], how="Germany Annual Total: 2024 HP vs 2030 Forecast - Most probable, % change")

# --- compare
p_, g_ = mv(R, "Pakistan", 2024), mv(R, "Germany", 2024)
add(R, "market", "Saw a post claiming Pakistan installed more solar than Germany in 2024. True? Give me both numbers!",
    "compare", [E(p_), E(g_)], ["Pakistan"], how="Pakistan vs Germany 2024 Annual Total HP")

vals = {t: mv(R, t, 2024, "Cumulative") for t in ["Spain", "Italy", "France"]}
best = max(vals, key=vals.get)
add(R, "market", "Spain vs Italy vs France - who had the biggest installed base at the end of 2024? numbers please",
    "compare", [E(x) for x in vals.values()], [best], how="Cumulative Total HP 2024 for Spain, Italy, France; largest named")

a, b = mv(R, "China", 2024, "Cumulative"), mv(R, "USA", 2024, "Cumulative")
add(R, "market", "Big-number post incoming! How many times bigger is China's solar fleet than America's, as of end 2024?",
    "compare", [E(a / b, "x")], how="China / USA Cumulative Total HP 2024")

# --- extremes
def peak(src, terr, typ="Annual", lo=None, hi=None, fn="max"):
    s = hist_series(src, terr, typ)
    if lo is not None:
        s = s[s.index >= lo]
    if hi is not None:
        s = s[s.index <= hi]
    s = s.dropna()
    y = int(s.idxmax() if fn == "max" else s.idxmin())
    assert (s == s[y]).sum() == 1
    return y, float(s[y])

y, v = peak(R, "Italy")
add(R, "market", "Italy had a massive boom years ago. What was Italy's record year for new solar installations so far?",
    "extreme", [E(v)], [y], how="Italy Annual Total Historical Primary, max over all historical years")

y, v = peak(R, "Spain")
add(R, "market", "Spanish solar is on fire lately - was last year its best ever? What's Spain's best year on record for new installs in the historical data?",
    "extreme", [E(v)], [y], how="Spain Annual Total Historical Primary, max over all historical years")

y, v = peak(R, "Germany", lo=2010, hi=2024, fn="min")
add(R, "market", "Germany's worst year for new solar since 2010 (2010-2024)?",
    "extreme", [E(v)], [y], how="Germany Annual Total HP, min over 2010-2024")

ws = hist_series(R, "World").dropna()
jump = ws.diff().dropna()
yj = int(jump.idxmax())
add(R, "market", "Which year saw the biggest jump in global annual installs compared with the year before, in MW?",
    "extreme", [E(float(jump[yj]))], [yj], how="World Annual Total HP, year-on-year difference, max")

# --- averages
s = series(R, "India", range(2020, 2025))
add(R, "market", "India's market looks like a rollercoaster. What's India's average annual install over 2020-2024?",
    "average", [E(sum(s.values()) / len(s))], how="mean of India Annual Total HP 2020..2024")

s = series(R, "Germany", range(2015, 2025))
add(R, "market", "On average, how much PV did Germnay add per year from 2015 to 2024?",
    "average", [E(sum(s.values()) / len(s))], how="mean of Germany Annual Total HP 2015..2024")

s = series(R, "France", range(2025, 2031), scen=MP)
add(R, "market", "Looking at France's most probable forecast - what's the average annual market over 2025-2030?",
    "average", [E(sum(s.values()) / len(s))], how="mean of France Annual Total Forecast - Most probable 2025..2030")

# --- sums
s = series(R, "Brazil", range(2020, 2025))
add(R, "market", "Brazil has been booming. How much solar did it install in total over 2020 to 2024 combined?",
    "sum", [E(sum(s.values()))], how="sum of Brazil Annual Total HP 2020..2024")

s = series(R, "EU", range(2022, 2025))
add(R, "market", "Planning an EU-wide post. How much PV did the EU add altogether from 2022 to 2024?",
    "sum", [E(sum(s.values()))], how="sum of EU Annual Total HP 2022..2024")

s = series(R, "Italy", range(2025, 2031), scen=HIGH)
add(R, "market", "Italy, high scenario: total new capacity expected from 2025 thru 2030?",
    "sum", [E(sum(s.values()))], how="sum of Italy Annual Total Forecast - High 2025..2030")

# --- first / latest
us = hist_series(R, "USA").dropna()
add(R, "market", "When does your data for the USA start, and how much did the US install in that first year?",
    "first_latest", [E(float(us.iloc[0]))], [int(us.index[0])], how="USA Annual Total HP, first year with data")

ic = hist_series(R, "Iceland").dropna()
add(R, "market", "random one for a Nordic post: what's the most recent year you have for Iceland's new PV installations, and the figure?",
    "first_latest", [E(float(ic.iloc[-1]))], [int(ic.index[-1])], how="Iceland Annual Total HP, last year with data")

pl = hist_series(R, "Poland").dropna()
yp = int(pl[pl > 1000].index[0])
add(R, "market", "In which year did Poland first install more than 1 GW in a single year?",
    "first_latest", [E(float(pl[yp]))], [yp], how="Poland Annual Total HP, first year > 1000 MW")

# --- follow-up chains (real market)
v = mv(R, "Spain", 2024)
add(R, "market", ["Doing a Europe roundup post. How much PV did France install in 2024?", "and Spain?"],
    "follow_up", [E(v)], how="Spain 2024 Annual Total HP")

s = countries_year(R, 2022).head(5)
add(R, "market", ["Top 5 countries for new solar in 2023?", "what about 2022?"],
    "follow_up", [E(x) for x in s.values], list(s.index), how="countries only, 2022 Annual Total HP, top 5")

v = mv(R, "Germany", 2030, scen=HIGH)
add(R, "market", ["What's the most probable forecast for Germany's annual installs in 2030?", "same for the high scenario"],
    "follow_up", [E(v)], how="Germany 2030 Annual Total Forecast - High")

s = series(R, "World", range(2020, 2025))
add(R, "market", ["Show me global annual PV installations for 2020 to 2024", "can you make that a chart for my LinkedIn post?"],
    "follow_up", [E(x) for x in s.values()], how="World Annual Total HP 2020..2024, as chart")

y, v = peak(R, "Germany")
add(R, "market", ["Italy's record year for new installs so far?", "and Germany's?"],
    "follow_up", [E(v)], [y], how="Germany Annual Total HP, max over historical years")

v = mv(R, "India", 2020) / mv(R, "World", 2020) * 100
add(R, "market", ["What share of global new installs did India have in 2024?", "and in 2020?"],
    "follow_up", [E(v, "%")], how="India 2020 Annual Total / World 2020 Annual Total x100")

s = series(R, "Poland", range(2019, 2025))
yb = max(s, key=s.get)
add(R, "market", ["Give me Poland's annual installs 2019-2024", "which of those years was the biggest?"],
    "follow_up", [E(s[yb])], [yb], how="Poland Annual Total HP 2019..2024, max")

# =====================================================================================
# REAL instance: prices
# =====================================================================================
s, u = pser(R, "Module", "n-type TOPCon", "China")
add(R, "price", "Customers keep asking if panel prices will keep dropping. what's the latest price for n-type TOPCon modules in China?",
    "price", [E(float(s.iloc[-1]), u)], how=f"prices parquet: Module / n-type TOPCon / China, newest date {s.index[-1].date()}")

s, u = pser(R, "Aluminium", "Aluminium", "Overseas")
add(R, "price", "Writing about mounting-system costs. What was aluminium trading at in June 2024?",
    "price", [E(month_val(s, 2024, 6), u)], how="Aluminium / Overseas monthly, 2024-06")

mx = s.idxmax()
assert (s == s.max()).sum() == 1
add(R, "price", "When was aluminium at its highest in your data, and what was the price?",
    "price", [E(float(s.max()), u)], [mx.strftime("%B %Y")], how="Aluminium / Overseas monthly, max over whole series")

s, u = pser(R, "Module", "p-type mono-Si PERC M10", "EU")
add(R, "price", "Great angle for 'solar has never been cheaper': how much have p-type PERC M10 module prices in the EU fallen from the first reading you have to the latest, in %?",
    "price", [E(pct(float(s.iloc[0]), float(s.iloc[-1])), "%")],
    how=f"Module / p-type mono-Si PERC M10 / EU: first {s.index[0].date()} to latest {s.index[-1].date()}, % change")

h, u1 = pser(R, "Module", "n-type HJT", "China")
t, u2 = pser(R, "Module", "n-type TOPCon", "China")
assert h.index[-1] == t.index[-1]
cheaper = "TOPCon" if t.iloc[-1] < h.iloc[-1] else "HJT"
add(R, "price", "Latest HJT vs TOPCon module price in China - which one's cheaper?",
    "price", [E(float(h.iloc[-1]), u1), E(float(t.iloc[-1]), u2)], [cheaper],
    how="Module n-type HJT / China vs Module n-type TOPCon / China, newest dates")

s, u = pser(R, "EVA", "EVA", "Overseas")
add(R, "price", "For our explainer on what's inside a panel (EVA is the encapsulant!). How much did the EVA price change from January 2020 to January 2025, in %?",
    "price", [E(pct(month_val(s, 2020, 1), month_val(s, 2025, 1)), "%")], how="EVA / Overseas monthly, 2020-01 vs 2025-01")

s, u = pser(R, "Cell", "p-type mono-Si PERC", "China")
s24 = s[s.index.year == 2024]
add(R, "price", "Average price of p-type mono PERC cells in China across 2024?",
    "price", [E(float(s24.mean()), u)], how="Cell / p-type mono-Si PERC / China, mean of all 2024 weekly observations")

s, u = pser(R, "Cell", "n-type TOPCon M10", "Overseas")
s24 = s[s.index.year == 2024]
add(R, "price", "Doing a supply-chain explainer. What were the lowest and highest prices for n-type TOPCon M10 cells (Overseas) in 2024?",
    "price", [E(float(s24.min()), u), E(float(s24.max()), u)], how="Cell / n-type TOPCon M10 / Overseas, 2024 min and max")

s, u = pser(R, "Module", "CdTe", "Overseas")
add(R, "price", "latest price for thin-film CdTe modules?",
    "price", [E(float(s.iloc[-1]), u)], how=f"Module / CdTe / Overseas, newest date {s.index[-1].date()}")

s, u = pser(R, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "Silver paste costs are a hot topic for cell makers. What was the silver price in July 2024?",
    "price", [E(month_val(s, 2024, 7), u)], how="Silver / Overseas monthly (K US$/t), 2024-07")

lat = {}
for r in ["China", "EU", "US"]:
    s, u = pser(R, "Module", "n-type TOPCon", r)
    lat[r] = (float(s.iloc[-1]), u, s.index[-1])
assert len({x[2] for x in lat.values()}) == 1
cheap = min(lat, key=lambda r: lat[r][0])
add(R, "price", "Headline hunting again :) Which region has the cheapest TOPCon modules right now - China, the EU or the US?",
    "price", [E(lat[cheap][0], lat[cheap][1])], [cheap], how="Module n-type TOPCon latest in China/EU/US (same date), min")

lat_us = pser(R, "Module", "n-type TOPCon", "US")[0]
lat_eu = pser(R, "Module", "n-type TOPCon", "EU")[0]
add(R, "price", ["latest price for n-type TOPCon modules in the US?", "and in the EU?", "so how many times more expensive is the US one?"],
    "follow_up", [E(float(lat_us.iloc[-1] / lat_eu.iloc[-1]), "x")], how="Module n-type TOPCon latest US / latest EU")

s, u = pser(R, "Copper", "Copper", "Overseas")
add(R, "price", ["Copper price in March 2024? doing a piece on cabling costs", "what about March 2025?"],
    "follow_up", [E(month_val(s, 2025, 3), u)], how="Copper / Overseas monthly, 2025-03")

# =====================================================================================
# REAL instance: financials (synthetic sample file is loaded on both instances)
# =====================================================================================
fy = fin[(fin.period == "FY2024") & (fin.metric == "Net income")].set_index("company").value
worst = fy.idxmin()
add(R, "manufacturer_financial", "Which manufacturer had the biggest net loss in FY2024, and how big was it?",
    "financial", [E(float(fy[worst]), "USD million")], [worst.replace(" (sample)", "")],
    how="financials: Net income FY2024, min across companies")

v, u = fv("SunForge Energy (sample)", "2023-Q3", "Revenue")
add(R, "manufacturer_financial", ["Helios Modules revenue in 2023-Q3?", "and SunForge's?"],
    "follow_up", [E(v, u)], how="financials: SunForge Energy, 2023-Q3, Revenue")

v, u = fv("Nordlicht Solar AG (sample)", "2024-Q4", "Production capacity")
add(R, "manufacturer_financial", "What was Nordlicht Solar's production capacity in Q4 2024?",
    "financial", [E(v, u)], how="financials: Nordlicht Solar AG, 2024-Q4, Production capacity")

# =====================================================================================
# REAL instance: unanswerable
# =====================================================================================
def U(src, agent, turns, why, how="n/a"):
    add(src, agent, turns, "unanswerable", answerable=False, why=why, how=how)

U(R, "market", "Want to do a solar vs wind post - how much wind power did Germany install in 2024?",
  "wind capacity is not in the data; only PV installations")
U(R, "market", "How many GWh did Spain's solar panels generate in 2024? I want a 'powered X homes' stat",
  "electricity generation (GWh) is not held; only installed capacity in MW")
U(R, "market", "What's the LCOE for residential solar in Italy these days?",
  "LCOE is not in the data")
U(R, "market", "How much home battery storage was installed in Australia in 2024?",
  "battery storage is not in the data")
U(R, "price", "What's the average installed price per kW for a residential rooftop system in the US?",
  "installed system prices are not in the data; only component prices (modules, cells, wafers, polysilicon, glass, raw materials)")
U(R, "market", "How many people work in the US solar industry?",
  "jobs / employment are not in the data")
U(R, "market", "What feed-in tariff does Germany pay for small rooftop solar right now?",
  "tariffs / policy support levels are not in the data")
U(R, "market", "How much solar did Nigeria install in 2024?",
  "Nigeria is not a territory in the market data")
U(R, "market", "Our customers love California stats - how many MW were installed in California in 2024?",
  "sub-national (state) data is not held; only countries and regions")
U(R, "market", "What's the forecast for US solar installations in 2027?",
  "the real market data has no forecast for the USA (forecasts only for European countries and aggregates)")
U(R, "market", "What will Germany's total installed base be in 2030 under the most probable scenario?",
  "forecast cumulative values in the real CSV do not include the installed base")
U(R, "price", "What's the latest string inverter price?",
  "inverter prices are not in the price data")
U(R, "price", "What do TOPCon modules cost in Japan right now?",
  "Japan is not a region in the price data")
U(R, "price", "What share of a module's price is down to the polysilicon?",
  "a cost share of a price is not held; prices are per item in different units")
U(R, "market", "How much solar did the world install back in 1985?",
  "the market data starts in 1992")
U(R, "manufacturer_financial", "What was Jinko Solar's revenue in 2024?",
  "Jinko Solar is not among the companies in the financial data")
U(R, "market", ["How much solar did Spain install in 2024?", "nice! and how much wind?"],
  "wind capacity is not in the data; only PV")

# =====================================================================================
# SAMPLE instance: market
# =====================================================================================
S = "sample"

v = mv(S, "Poland", 2024)
add(S, "market", "Poland is such a big growth story. How much solar did Poland instal in 2024?", "lookup", [E(v)],
    how="sample market: Poland 2024 Annual Total HP")

v = mv(S, "Netherlands", 2024, "Cumulative")
add(S, "market", "The Dutch have loads of panels per person. What was the Netherlands' total installed PV at the end of 2024?",
    "lookup", [E(v)], how="sample market: Netherlands 2024 Cumulative Total HP")

v = mv(S, "Germany", 2030, "Cumulative", scen=MP)
add(S, "market", "What'll Germany's installed base be by 2030 in the most probable scenario?",
    "lookup", [E(v)], how="sample market: Germany 2030 Cumulative Total Forecast - Most probable")

s = countries_year(S, 2024).head(3)
add(S, "market", "For a 'Europe's solar leaders' carousel on Instagram: which 3 countries installed the most solar in 2024?",
    "rank", [E(x) for x in s.values], list(s.index), how="sample market 2024 Annual Total HP, countries (World excluded), top 3")

s = countries_year(S, 2027, scen=MP)
add(S, "market", "Which country is set to add the most solar in 2027 in the most probable forecast?",
    "rank", [E(float(s.iloc[0]))], [s.index[0]], how="sample market 2027 Annual Total Forecast - Most probable, countries, max")

v = mv(S, "Germany", 2024) / mv(S, "World", 2024) * 100
add(S, "market", "What was Germany's share of global new solar installations in 2024?",
    "share", [E(v, "%")], how="sample: Germany 2024 Annual Total / World 2024 Annual Total x100")

v = mv(S, "Spain", 2024, conn="Centralised") / mv(S, "Spain", 2024) * 100
add(S, "market", "Spain is all about big solar farms, right? What share of Spain's 2024 additions were centralised?",
    "share", [E(v, "%")], how="sample: Spain 2024 Annual Centralised / Total x100")

a, b = mv(S, "World", 2015), mv(S, "World", 2024)
add(S, "market", "need one growth number for a year-in-review post - what's the CAGR of world annual installs from 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], how="sample: World Annual Total HP (2024/2015)^(1/9)-1")

a, b = mv(S, "Poland", 2018), mv(S, "Poland", 2024)
add(S, "market", "Poland's growth story: how many times more did Poland install in 2024 than in 2018?",
    "change", [E(b / a, "x")], how="sample: Poland Annual Total HP 2024 / 2018")

a, b = mv(S, "France", 2023), mv(S, "Italy", 2023)
add(S, "market", "France vs Italy - who installed more in 2023? How much did each add?",
    "compare", [E(a), E(b)], ["Italy" if b > a else "France"], how="sample: France and Italy 2023 Annual Total HP")

y, v = peak(S, "Netherlands")
add(S, "market", "What's the Netherlands' record year for new solar installations so far?",
    "extreme", [E(v)], [y], how="sample: Netherlands Annual Total HP, max")

y, v = peak(S, "Spain", fn="min")
add(S, "market", "What was Spain's slowest year for new installs in the historical data?",
    "extreme", [E(v)], [y], how="sample: Spain Annual Total HP, min")

s = series(S, "Italy", range(2020, 2025))
add(S, "market", "Comparing Italy's recent years to its old boom. Italy's average annual installs 2020-2024?",
    "average", [E(sum(s.values()) / len(s))], how="sample: mean of Italy Annual Total HP 2020..2024")

s = series(S, "Spain", range(2025, 2031), scen=MP)
add(S, "market", "Adding up the most probable forecast, how much new solar will Spain install in total from 2025 to 2030?",
    "sum", [E(sum(s.values()))], how="sample: sum of Spain Annual Total Forecast - Most probable 2025..2030")

s = series(S, "World", range(2025, 2031), scen=HIGH)
add(S, "market", "Optimistic post for the new year: under the high scenario, what's the average global annual market over 2025-2030?",
    "average", [E(sum(s.values()) / len(s))], how="sample: mean of World Annual Total Forecast - High 2025..2030")

vals = {t: mv(S, t, 2030, "Cumulative", scen=HIGH) for t in ["Germany", "Spain", "Netherlands"]}
add(S, "market", "Germany vs Spain vs the Netherlands: how big will each installed base be in 2030 in the high scenario?",
    "compare", [E(x) for x in vals.values()], [max(vals, key=vals.get)],
    how="sample: 2030 Cumulative Total Forecast - High for Germany, Spain, Netherlands")

es = hist_series(S, "Spain")
ye = int(es[es > 5000].index[0])
add(S, "market", "First year Spain added more than 5 GW?",
    "first_latest", [E(float(es[ye]))], [ye], how="sample: Spain Annual Total HP, first year > 5000 MW")

# --- sample follow-ups
a, b = mv(S, "Italy", 2022), mv(S, "Italy", 2023)
add(S, "market", ["How much solar did Italy add in 2022?", "and in 2023?", "what's that as a % change?"],
    "follow_up", [E(pct(a, b), "%")], how="sample: Italy Annual Total HP, (2023-2022)/2022 x100")

s = countries_year(S, 2030, "Cumulative", scen=LOW).head(3)
add(S, "market", ["Top 3 countries by installed base in 2024?", "same for 2030 in the low scenario"],
    "follow_up", [E(x) for x in s.values], list(s.index), how="sample: 2030 Cumulative Total Forecast - Low, countries, top 3")

s = series(S, "Germany", range(2015, 2025))
add(S, "market", ["Germany's annual installs 2015-2024?", "put that in a chart please! it's for our blog"],
    "follow_up", [E(x) for x in s.values()], how="sample: Germany Annual Total HP 2015..2024, as chart")

v = mv(S, "Spain", 2030, scen=LOW)
add(S, "market", ["Spain's 2030 forecast for new installs, most probable?", "and the low scenario?"],
    "follow_up", [E(v)], how="sample: Spain 2030 Annual Total Forecast - Low")

# =====================================================================================
# SAMPLE instance: prices
# =====================================================================================
s, u = pser(S, "Module", "n-type TOPCon", "India")
add(S, "price", "We keep hearing about India's new module factories. Latest n-type TOPCon module price in India?",
    "price", [E(float(s.iloc[-1]), u)], how=f"sample prices: Module / n-type TOPCon / India, newest {s.index[-1].date()}")

s, u = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "What did high purity 9N polysilicon cost in China in June 2024?",
    "price", [E(month_val(s, 2024, 6), u)], how="sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-06")

dec = {}
for r in ["China", "EU", "India", "US"]:
    s, u = pser(S, "Module", "n-type HJT", r)
    dec[r] = (month_val(s, 2024, 12), u)
cheap = min(dec, key=lambda r: dec[r][0])
add(S, "price", "Which region had the cheapest HJT modules in December 2024?",
    "price", [E(dec[cheap][0], dec[cheap][1])], [cheap], how="sample prices: Module n-type HJT, 2024-12, min across regions")

s, u = pser(S, "Wafer", "p-type mono-Si M10", "China")
add(S, "price", "How much did p-type M10 wafer prices in China change between January 2023 and December 2024, in %?",
    "price", [E(pct(month_val(s, 2023, 1), month_val(s, 2024, 12)), "%")],
    how="sample prices: Wafer / p-type mono-Si M10 / China, 2023-01 vs 2024-12")

ge, u1 = pser(S, "PV glass", "Glass 3,2mm", "EU")
gc, u2 = pser(S, "PV glass", "Glass 3,2mm", "China")
add(S, "price", "3.2mm PV glass - latest price in the EU vs China?",
    "price", [E(float(ge.iloc[-1]), u1), E(float(gc.iloc[-1]), u2)], how="sample prices: PV glass Glass 3,2mm EU and China, newest")

s, u = pser(S, "Cell", "p-type mono-Si PERC M10", "China")
s23 = s[s.index.year == 2023]
assert (s23 == s23.max()).sum() == 1
add(S, "price", "highest price for PERC M10 cells in China during 2023, and which month?",
    "price", [E(float(s23.max()), u)], [s23.idxmax().strftime("%B")], how="sample prices: Cell p-type mono-Si PERC M10 China, 2023 max")

hu, _ = pser(S, "Module", "n-type HJT", "US")
hc, _ = pser(S, "Module", "n-type HJT", "China")
add(S, "price", "Headline idea: 'US pays X times more for panels'. How many times more expensive were HJT modules in the US than in China in December 2024?",
    "price", [E(month_val(hu, 2024, 12) / month_val(hc, 2024, 12), "x")], how="sample prices: Module n-type HJT US / China, 2024-12")

s, u = pser(S, "Module", "n-type TOPCon", "China")
add(S, "price", ["TOPCon module price in the EU in January 2024?", "and in China?"],
    "follow_up", [E(month_val(s, 2024, 1), u)], how="sample prices: Module n-type TOPCon China, 2024-01")

# =====================================================================================
# SAMPLE instance: financials
# =====================================================================================
v, u = fv("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(S, "manufacturer_financial", "Writing a short piece on how tough it is for panel makers right now. What was Helios Modules' revenue for FY2024?",
    "financial", [E(v, u)], how="financials: Helios Modules Ltd, FY2024, Revenue")

q = fin[(fin.period == "2024-Q1") & (fin.metric == "Gross margin")].set_index("company").value
bestc = q.idxmax()
add(S, "manufacturer_financial", "Which of the module makers had the highest gross margin in 2024-Q1?",
    "financial", [E(float(q[bestc]), "%")], [bestc.replace(" (sample)", "")], how="financials: Gross margin 2024-Q1, max")

a, _ = fv("Aurora PV Group (sample)", "FY2023", "Module shipments")
b, _ = fv("Aurora PV Group (sample)", "FY2024", "Module shipments")
add(S, "manufacturer_financial", "By what % did Aurora PV Group's module shipments change from FY2023 to FY2024?",
    "financial", [E(pct(a, b), "%")], how="financials: Aurora PV Group Module shipments FY2023 -> FY2024, % change")

v, u = fv("SunForge Energy (sample)", "2024-Q4", "Net income")
add(S, "manufacturer_financial", "Did SunForge lose money in Q4 2024? what was their net income?",
    "financial", [E(v, u)], how="financials: SunForge Energy, 2024-Q4, Net income")

sh = fin[(fin.period == "FY2024") & (fin.metric == "Module shipments")]
assert len(sh) == 4
add(S, "manufacturer_financial", "Trying to show how many panels are out there. Total module shipments of all four manufacturers together in FY2024?",
    "financial", [E(float(sh.value.sum()), "GW")], how="financials: sum of Module shipments FY2024 over 4 companies")

rv = fin[(fin.period == "FY2024") & (fin.metric == "Revenue")].set_index("company").value.sort_values(ascending=False)
add(S, "manufacturer_financial", "Rank the manufacturers by FY2024 revenue, biggest first",
    "financial", [E(float(x), "USD million") for x in rv.values], [c.replace(" (sample)", "") for c in rv.index],
    how="financials: Revenue FY2024 sorted desc")

gm = [fv("Helios Modules Ltd (sample)", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "What was Helios' average gross margin across the four quarters of 2024?",
    "financial", [E(sum(gm) / 4, "%")], how="financials: mean of Helios Gross margin 2024-Q1..Q4")

v, u = fv("Nordlicht Solar AG (sample)", "2023-Q4", "Gross margin")
add(S, "manufacturer_financial", ["Nordlicht Solar's gross margin in 2024-Q4?", "and a year earlier?"],
    "follow_up", [E(v, u)], how="financials: Nordlicht Solar AG, 2023-Q4, Gross margin")

# =====================================================================================
# SAMPLE instance: unanswerable
# =====================================================================================
U(S, "market", "Our US partner wants a quick stat. How much solar did the USA add in 2024?",
  "the sample market data only covers France, Germany, Italy, Netherlands, Poland, Spain and World")
U(S, "price", "What's the latest silver price? Silver paste is a big cost for cells",
  "silver is not in the sample price data")
U(S, "market", "Throwback post: how much PV did Germany install in 2012?",
  "the sample market data starts in 2015")
U(S, "price", "What's the current price of CdTe thin-film modules?",
  "CdTe modules are not in the sample price data")
U(S, "manufacturer_financial", "What was Helios Modules' revenue in FY2022?",
  "the financial data covers 2023 and 2024 only")
U(S, "market", "I want a 'solar powers France' stat. How many TWh of solar electricity did France generate in 2024?",
  "electricity generation is not held; only installed capacity")
U(S, "market", "How many homes in the Netherlands have rooftop solar?",
  "number of systems / households is not held; only capacity in MW")
U(S, "manufacturer_financial", "Doing a jobs angle on manufacturers. How many employees does SunForge Energy have?",
  "headcount is not among the financial metrics")
U(S, "price", "What do TOPCon panels cost in Australia?",
  "Australia is not a region in the sample price data")
U(S, "market", "What's the forecast for Italy's new installs in 2035?",
  "forecasts end in 2030")
U(S, "market", "What share of Germany's new rooftop systems in 2024 came with a battery?",
  "storage attachment is not in the data")
U(S, "market", ["How much did Poland install in 2024?", "cool, and how many heat pumps?"],
  "heat pumps are not in the data")

# =====================================================================================
# Write + self-check
# =====================================================================================
out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")

ids = [q["id"] for q in Q]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(Q) >= 110, len(Q)
n_un = sum(not q["answerable"] for q in Q)
assert n_un >= 28, n_un
chains = sum(len(q["turns"]) >= 2 for q in Q)
assert chains >= 12, chains
for q in Q:
    if q["answerable"]:
        assert q["expect"] or q["names"], q["id"]
        for e in q["expect"]:
            assert pd.notna(e["value"]), q["id"]
    else:
        assert q["why"] and not q["expect"] and not q["names"]
n_fin = sum(q["agent"] == "manufacturer_financial" for q in Q)
import re
ctx = sum(len(re.findall(r"[.!?:)](\s|$)", q["turns"][0])) >= 2 or " - " in q["turns"][0] for q in Q)

print(f"items: {len(Q)}  unanswerable: {n_un}  chains (>=2 turns): {chains}  financial: {n_fin}")
print(f"first turns with a context sentence (heuristic): {ctx}")
print("per data:", dict(Counter(q["data"] for q in Q)))
print("per agent:", dict(Counter(q["agent"] for q in Q)))
print("per kind:", dict(sorted(Counter(q["kind"] for q in Q).items())))
print("per kind x data:")
for (k, d), n in sorted(Counter((q["kind"], q["data"]) for q in Q).items()):
    print(f"  {k:13s} {d:6s} {n}")
print(f"wrote {out}")
