"""Held-out questions, writer `trustee`.

Persona: a retired teacher, now a lay trustee of a pension fund, preparing for an
investment committee on renewables. Every expected figure below is computed from the
data files; none is typed by hand.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

WRITER = "trustee"
OUT = Path(__file__).resolve().parent / "questions.jsonl"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    df = pd.read_csv(path)
    # exact duplicates (and duplicates that differ only in metadata columns) counted once
    df = df.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not df.duplicated(KEY).any(), "conflicting duplicate keys"
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)

RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
    "South America", "South Asia", "South Europe", "Southeast Asia", "Southern Africa",
    "World",
}
EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]

HIST = "Historical Primary"
MP, HIGH, LOW = "Forecast - Most probable", "Forecast - High", "Forecast - Low"


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value, under the brief's conventions."""
    if scen is None:
        scen = HIST if year <= last_hist(df, terr) else MP
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def ranking(df, year, typ="Annual", conn="Total", scen=HIST, pool=None):
    d = df[(df.Year == year) & (df.Scenario == scen) & (df.Connection == conn) & (df.Type == typ)]
    pool = set(pool) if pool is not None else set(countries(df))
    d = d[d.Territory.isin(pool)].sort_values("Capacity(MW)", ascending=False)
    return list(zip(d.Territory, d["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def share(part, whole):
    return part / whole * 100.0


def price_series(df, item, desc, region, unit=None):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    s = s.sort_values("date")
    assert len(s), (item, desc, region)
    assert not s.date.duplicated().any(), ("several observations per date", item, desc, region)
    assert s.unit.nunique() == 1, ("mixed units", item, desc, region)
    return s


def price_on(df, item, desc, region, date, unit=None):
    s = price_series(df, item, desc, region, unit)
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (item, desc, region, date)
    return float(r.base_price.iloc[0]), r.unit.iloc[0]


def price_month(df, item, desc, region, ym, unit=None):
    s = price_series(df, item, desc, region, unit)
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (item, desc, region, ym, len(r))
    return float(r.base_price.iloc[0]), r.unit.iloc[0]


def price_latest(df, item, desc, region, unit=None):
    s = price_series(df, item, desc, region, unit)
    return float(s.base_price.iloc[-1]), s.unit.iloc[-1], s.date.iloc[-1]


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def E(value, unit):
    return {"value": float(value), "unit": unit}


ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind, "expect": expect or [],
          "names": [str(n) for n in (names or [])], "how": how}
    if not answerable:
        it["why"] = why
        assert not it["expect"]
    ITEMS.append(it)


def U(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


# ============================================================================ REAL market
R = "real"

# ---- lookups
add(R, "market",
    "Good afternoon. I am preparing for our pension fund's investment committee next week and "
    "should like to know how much solar capacity Italy added in 2024, if you would be so kind.",
    "lookup", [E(mv(RM, "Italy", 2024), "MW")],
    how="market CSV: Italy, 2024, Historical Primary, Total, Annual")


add(R, "market",
    "One of our fund managers keeps mentioning the Brazilian rooftop boom. How many MW of "
    "distributed PV did Brazil install in 2023?",
    "lookup", [E(mv(RM, "Brazil", 2023, conn="Distributed"), "MW")],
    how="market CSV: Brazil, 2023, Historical Primary, Distributed, Annual")

add(R, "market",
    "I believe Turkey has been growing rather quickly. What was its installed base of solar "
    "at the end of 2023?",
    "lookup", [E(mv(RM, "Türkiye", 2023, "Cumulative"), "MW")],
    how="market CSV: Türkiye, 2023, Historical Primary, Total, Cumulative")


add(R, "market",
    "Australia has a great many remote farms and stations. How much off-grid solar was "
    "installed there in 2024, please?",
    "lookup", [E(mv(RM, "Australia", 2024, conn="Off-grid"), "MW")],
    how="market CSV: Australia, 2024, Historical Primary, Off-grid, Annual")

add(R, "market",
    "How large was Taiwan's solar fleet at the end of 2024?",
    "lookup", [E(mv(RM, "Chinese Taipei", 2024, "Cumulative"), "MW")],
    how="market CSV: Chinese Taipei (Taiwan), 2024, Historical Primary, Total, Cumulative")

# ---- rankings (countries only)
top24 = ranking(RM, 2024)[:5]
add(R, "market",
    "Which five countries installed the most solar PV in 2024? I should be grateful if you "
    "would list them from the largest downwards, with the amount each one added.",
    "rank", [E(v, "MW") for _, v in top24], [t for t, _ in top24],
    how="market CSV: 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

fc_countries = sorted(set(RM[RM.Scenario == MP].Territory) - AGGREGATES)
top30 = ranking(RM, 2030, scen=MP, pool=fc_countries)[:2]
add(R, "market",
    "I am told your forecasts only go as far as 2030. Of the countries for which you hold "
    "forecasts, whcih is expected to install the most solar in 2030 under the most probable "
    "scenario, and which comes second?",
    "rank", [E(v, "MW") for _, v in top30], [t for t, _ in top30],
    how="market CSV: 2030 Annual Total Forecast - Most probable, countries with forecasts, top 2")

topc23 = ranking(RM, 2023, conn="Centralised")[:3]
add(R, "market",
    "For utility-scale, that is centralised, plants: which three countries added the most "
    "capacity in 2023, and how much did each add?",
    "rank", [E(v, "MW") for _, v in topc23], [t for t, _ in topc23],
    how="market CSV: 2023 Annual Centralised Historical Primary, countries only, top 3")

topeu = ranking(RM, 2024, pool=EU27)[:3]
add(R, "market",
    "Our committee is mostly interested in Europe. Which three EU member states added the most "
    "PV in 2024?",
    "rank", [E(v, "MW") for _, v in topeu], [t for t, _ in topeu],
    how="market CSV: 2024 Annual Total Historical Primary, EU-27 member states, top 3")

# ---- shares
add(R, "market",
    "I keep reading that China dominates the solar market. What share of the world's new "
    "solar installations in 2024 did China account for?",
    "share", [E(share(mv(RM, "China", 2024), mv(RM, "World", 2024)), "%")],
    how="China 2024 Annual Total / World 2024 Annual Total x 100")

add(R, "market",
    "What proportion of Germany's 2024 additions was distributed capacity, i.e. rooftops and "
    "the like, as opposed to large ground-mounted plants?",
    "share", [E(share(mv(RM, "Germany", 2024, conn="Distributed"), mv(RM, "Germany", 2024)), "%")],
    how="Germany 2024 Annual Distributed / Germany 2024 Annual Total x 100")

add(R, "market",
    "India is often described as the next China. Could you kindly work out India's share of "
    "the global installed PV base at the end of 2024?",
    "share", [E(share(mv(RM, "India", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")), "%")],
    how="India 2024 Cumulative Total / World 2024 Cumulative Total x 100")

add(R, "market",
    "Spain seems to build mostly big solar farms. What percentage of Spain's new capacity in "
    "2022 was centralised?",
    "share", [E(share(mv(RM, "Spain", 2022, conn="Centralised"), mv(RM, "Spain", 2022)), "%")],
    how="Spain 2022 Annual Centralised / Spain 2022 Annual Total x 100")

# ---- changes
p23, p24 = mv(RM, "Pakistan", 2023), mv(RM, "Pakistan", 2024)
add(R, "market",
    "A colleague told me Pakistan's solar market simply exploded last year. By what percentage "
    "did Pakistan's annual installations change between 2023 and 2024?",
    "change", [E(pct(p23, p24), "%")],
    how="Pakistan Annual Total Historical Primary: (2024 - 2023) / 2023 x 100")

i15, i24 = mv(RM, "India", 2015, "Cumulative"), mv(RM, "India", 2024, "Cumulative")
add(R, "market",
    "I should like to understand the pace of growth in India. What was the compound annual "
    "growth rate of India's cumulative installed capacity from 2015 to 2024?",
    "change", [E(cagr(i15, i24, 2024 - 2015), "%")],
    how="India Cumulative Total: (2024/2015)^(1/9) - 1")

add(R, "market",
    "The Americans have had the Inflation Reduction Act for a while now. How many more MW did "
    "the United States install in 2024 compared with 2023?",
    "change", [E(mv(RM, "USA", 2024) - mv(RM, "USA", 2023), "MW")],
    how="USA Annual Total: 2024 - 2023")

fr = series(RM, "France", 2020, 2024)
add(R, "market",
    "I am making a small table for the committee pack. Please could you give me the "
    "year-on-year percentage change in France's annual solar additions for each year from "
    "2021 to 2024?",
    "change", [E(pct(fr[y - 1], fr[y]), "%") for y in range(2021, 2025)],
    how="France Annual Total: (y - (y-1)) / (y-1) x 100 for y = 2021..2024")

# ---- comparisons
es24, it24 = mv(RM, "Spain", 2024), mv(RM, "Italy", 2024)
add(R, "market",
    "Spain and Italy are both sunny Mediterranean countries. Which of the two added more solar "
    "in 2024, and what was the difference in MW?",
    "compare", [E(es24, "MW"), E(it24, "MW"), E(es24 - it24, "MW")],
    ["Spain" if es24 > it24 else "Italy"],
    how="Spain vs Italy 2024 Annual Total; difference Spain - Italy")

latam = {c: mv(RM, c, 2024, "Cumulative") for c in ["Brazil", "Mexico", "Chile"]}
add(R, "market",
    "We are considering a Latin American fund. Could you compare the installed base at the "
    "end of 2024 of Brazil, Mexico and Chile?",
    "compare", [E(v, "MW") for v in latam.values()], [max(latam, key=latam.get)],
    how="2024 Cumulative Total Historical Primary for Brazil, Mexico, Chile")

fr30, uk30 = mv(RM, "France", 2030, scen=HIGH), mv(RM, "UK", 2030, scen=HIGH)
add(R, "market",
    "In the high scenario, how do the 2030 solar additions of France and Britain compare?",
    "compare", [E(fr30, "MW"), E(uk30, "MW")], ["France"],
    how="France and UK 2030 Annual Total Forecast - High")

# ---- extremes
def peak(df, terr, y0=None, y1=None, typ="Annual", conn="Total", low=False):
    d = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Type == typ) & (df.Connection == conn)]
    if y0 is not None:
        d = d[(d.Year >= y0) & (d.Year <= y1)]
    d = d.sort_values("Capacity(MW)", ascending=low)
    assert d["Capacity(MW)"].iloc[0] != d["Capacity(MW)"].iloc[1], "tie"
    return int(d.Year.iloc[0]), float(d["Capacity(MW)"].iloc[0])

y, v = peak(RM, "Italy")
add(R, "market",
    "I remember the Italian solar boom of some years ago. In which year did Italy install the "
    "most PV, over the whole record you hold, and how much was it?",
    "extreme", [E(v, "MW")], [y],
    how="Italy Annual Total Historical Primary: max over all years")

y, v = peak(RM, "Japan")
add(R, "market",
    "Japan was once a leader in solar, as I recall. What was its record year for new "
    "installations?",
    "extreme", [E(v, "MW")], [y],
    how="Japan Annual Total Historical Primary: max over all years")

y, v = peak(RM, "UK", 2015, 2024, low=True)
add(R, "market",
    "Looking only at 2015 to 2024, in which year did the United Kingdom add the least solar "
    "capacity?",
    "extreme", [E(v, "MW")], [y],
    how="UK Annual Total Historical Primary: min over 2015-2024")

# ---- averages
fr2 = series(RM, "France", 2020, 2024)
add(R, "market",
    "What was the average amount of solar France added per year over 2020-2024? A single "
    "figure in MW will do nicely.",
    "average", [E(sum(fr2.values()) / len(fr2), "MW")],
    how="mean of France Annual Total 2020..2024 (5 years)")

itf = series(RM, "Italy", 2025, 2030, scen=MP)
add(R, "market",
    "Looking ahead, what is the average yearly installation forecast for Italy between 2025 "
    "and 2030 in the most probable case?",
    "average", [E(sum(itf.values()) / len(itf), "MW")],
    how="mean of Italy Annual Total Forecast - Most probable 2025..2030 (6 years)")

# ---- sums
pl = series(RM, "Poland", 2020, 2024)
add(R, "market",
    "Poland's coal-heavy grid interests me. How much solar did Poland add in total from 2020 "
    "to 2024 inclusive?",
    "sum", [E(sum(pl.values()), "MW")],
    how="sum of Poland Annual Total 2020..2024")

ib = mv(RM, "Spain", 2024) + mv(RM, "Portugal", 2024)
add(R, "market",
    "We have an Iberian infrastructure fund on the table. What were Spain and Portugal's "
    "combined installations in 2024?",
    "sum", [E(ib, "MW")],
    how="Spain 2024 Annual Total + Portugal 2024 Annual Total")

def_ = series(RM, "Germany", 2025, 2030, scen=MP)
add(R, "market",
    "If the most probable forecasts prove right, how much new solar will Germany add in total "
    "over the six years 2025 to 2030?",
    "sum", [E(sum(def_.values()), "MW")],
    how="sum of Germany Annual Total Forecast - Most probable 2025..2030")

# ---- first / latest
def first_above(df, terr, thr, typ="Annual"):
    d = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Type == typ) & (df.Connection == "Total")]
    d = d[d["Capacity(MW)"] > thr].sort_values("Year")
    return int(d.Year.iloc[0]), float(d["Capacity(MW)"].iloc[0])

y, v = first_above(RM, "China", 100_000)
add(R, "market",
    "in what year did China first add more than 100 GW of solar in a single year",
    "first_latest", [E(v, "MW")], [y],
    how="first year with China Annual Total Historical Primary > 100000 MW")

y, v = first_above(RM, "India", 100_000, "Cumulative")
add(R, "market",
    "When did India's cumulative installed base first pass the 100 GW mark?",
    "first_latest", [E(v, "MW")], [y],
    how="first year with India Cumulative Total Historical Primary > 100000 MW")

yb = last_hist(RM, "Brazil")
add(R, "market",
    "What is the most recent year for which you have actual figures, not forecasts, for Brazil, "
    "and what was its installed base in that year?",
    "first_latest", [E(mv(RM, "Brazil", yb, "Cumulative"), "MW")], [yb],
    how="last Historical Primary year for Brazil; Cumulative Total that year")

y, v = first_above(RM, "USA", 10_000)
add(R, "market",
    "When did the United States first install more than 10,000 MW in one year?",
    "first_latest", [E(v, "MW")], [y],
    how="first year with USA Annual Total Historical Primary > 10000 MW")

# ============================================================================ REAL prices
v, u, d = price_latest(RP, "Module", "n-type TOPCon", "China")
add(R, "price",
    "Our manager says module prices have collapsed. What is the latest price you have for "
    "n-type TOPCon modules in China, please?",
    "price", [E(v, u)], [d.strftime("%Y")],
    how=f"prices parquet: Module / n-type TOPCon / China, newest date {d.date()}")

us, u, _ = price_latest(RP, "Module", "n-type TOPCon", "US")
eu, _, _ = price_latest(RP, "Module", "n-type TOPCon", "EU")
add(R, "price",
    "I was told that solar panels cost far more in America than in Europe. Comparing the "
    "latest TOPCon module prices in the US and the EU, how many times dearer is the US price?",
    "price", [E(us, u), E(eu, u), E(us / eu, "x")],
    how="latest Module n-type TOPCon US and EU (both 2025-03-26); ratio US/EU")

v, u = price_month(RP, "Copper", "Copper", "Overseas", "2024-03")
add(R, "price",
    "Copper goes into cabling for solar farms. What was the copper price in March 2024?",
    "price", [E(v, u)],
    how="prices parquet: Copper / Overseas, monthly observation dated 2024-03")

al = price_series(RP, "Aluminium", "Aluminium", "Overseas")
mx = al.loc[al.base_price.idxmax()]
assert (al.base_price == mx.base_price).sum() == 1, "tie"
add(R, "price",
    "What is the highest aluminium price in your records, and in which month did it occur?",
    "price", [E(mx.base_price, mx.unit)], [mx.date.strftime("%B"), mx.date.strftime("%Y")],
    how="max of Aluminium / Overseas monthly series, whole span")

cu = price_series(RP, "Copper", "Copper", "Overseas")
cu24 = cu[cu.date.dt.year == 2024]
assert len(cu24) == 12
add(R, "price",
    "Could you kindly tell me the average copper price over the calender year 2024?",
    "price", [E(cu24.base_price.mean(), cu24.unit.iloc[0])],
    how="mean of the 12 monthly Copper / Overseas observations in 2024")

tc = price_series(RP, "Module", "n-type TOPCon", "China")
f0, f1 = float(tc.base_price.iloc[0]), float(tc.base_price.iloc[-1])
add(R, "price",
    "How much has the price of Chinese TOPCon modules fallen since your series for them "
    "began? I should like both the change in dollars per watt and in per cent.",
    "price", [E(f1 - f0, "US$/Wp"), E(pct(f0, f1), "%")],
    how=f"Module n-type TOPCon China: last ({tc.date.iloc[-1].date()}) - first ({tc.date.iloc[0].date()}); % change")

hjt = {r: price_on(RP, "Module", "n-type HJT", r, "2025-02-05")[0] for r in ["China", "EU", "Overseas", "US"]}
cheap = min(hjt, key=hjt.get)
assert sorted(hjt.values())[0] < sorted(hjt.values())[1], "tie"
add(R, "price",
    "On 5 February 2025, in which region were heterojunction (HJT) modules cheapest, and at "
    "what price?",
    "price", [E(hjt[cheap], "US$/Wp")], [cheap],
    how="Module n-type HJT on 2025-02-05 across China, EU, Overseas, US; minimum")


v, u = price_month(RP, "Silver", "Silver", "Overseas", "2024-06", unit="K US$/t")
add(R, "price",
    "Silver paste is apparently a big cost in cells. What was the silver price in June 2024?",
    "price", [E(v, u)],
    how="Silver / Overseas monthly observation dated 2024-06 (unit K US$/t)")


tp, _ = price_on(RP, "Module", "n-type TOPCon", "China", "2025-03-26")
hp, _ = price_on(RP, "Module", "n-type HJT", "China", "2025-03-26")
add(R, "price",
    "I am trying to understand the newer panel technologies. For Chinese modules on 26 March "
    "2025, which was cheaper, TOPCon or HJT, and by how much per watt?",
    "price", [E(tp, "US$/Wp"), E(hp, "US$/Wp"), E(abs(hp - tp), "US$/Wp")],
    ["TOPCon" if tp < hp else "HJT"],
    how="Module China 2025-03-26: n-type TOPCon vs n-type HJT; absolute difference")

# ============================================================================ REAL follow-ups
add(R, "market",
    ["How much solar did Spain install in 2023?",
     "And Portugal, in the same year?"],
    "follow_up", [E(mv(RM, "Portugal", 2023), "MW")],
    how="Portugal 2023 Annual Total Historical Primary")

top23 = ranking(RM, 2023)[:5]
add(R, "market",
    ["Which five countries added the most solar capacity in 2024?",
     "What about in 2023?"],
    "follow_up", [E(v, "MW") for _, v in top23], [t for t, _ in top23],
    how="2023 Annual Total Historical Primary, countries only, top 5")

add(R, "market",
    ["What is the most probable forecast for Poland's solar additions in 2028?",
     "Same for the high scenario, please."],
    "follow_up", [E(mv(RM, "Poland", 2028, scen=HIGH), "MW")],
    how="Poland 2028 Annual Total Forecast - High")

add(R, "market",
    ["What share of Italy's new solar capacity in 2024 was distributed?",
     "And what was that share back in 2020?"],
    "follow_up", [E(share(mv(RM, "Italy", 2020, conn="Distributed"), mv(RM, "Italy", 2020)), "%")],
    how="Italy 2020 Annual Distributed / Italy 2020 Annual Total x 100")

v, u, d = price_latest(RP, "Module", "n-type TOPCon", "US")
add(R, "price",
    ["Could you tell me the latest price of n-type TOPCon modules in China?",
     "and in the US?"],
    "follow_up", [E(v, u)],
    how=f"latest Module n-type TOPCon US ({d.date()})")

b15, b24 = mv(RM, "Brazil", 2015, "Cumulative"), mv(RM, "Brazil", 2024, "Cumulative")
add(R, "market",
    ["What was the compound annual growth rate of India's cumulative solar capacity from 2015 "
     "to 2024?",
     "And Brazil's, over the same period?"],
    "follow_up", [E(cagr(b15, b24, 9), "%")],
    how="Brazil Cumulative Total: (2024/2015)^(1/9) - 1")

y, v = peak(RM, "Korea")
add(R, "market",
    ["In which year did Japan install the most solar?",
     "And South Korea? I should be interested to know its best year as well."],
    "follow_up", [E(v, "MW")], [y],
    how="Korea Annual Total Historical Primary: max over all years")


de = series(RM, "Germany", 2019, 2024)
add(R, "market",
    ["Please list Germany's annual solar additions for each year from 2019 to 2024.",
     "Thank you. Could you show those as a chart? I find pictures easier for the committee."],
    "follow_up", [E(v, "MW") for v in de.values()],
    how="Germany Annual Total Historical Primary 2019..2024 as chart")

# ============================================================================ REAL unanswerable
U(R, "market",
  "Our fund also holds wind assets. How much wind capacity did Germany install in 2023?",
  "the market data covers solar PV only, not wind")
U(R, "market",
  "Could you kindly tell me how much battery storage was installed in Australia in 2024?",
  "no storage data; PV capacity only")
U(R, "market",
  "What is the levelised cost of electricity, the LCOE, for large solar farms in Spain?",
  "LCOE is not held; only installed capacity")
U(R, "market",
  "How many gigawatt-hours of electricity did Italy's solar panels generate in 2023?",
  "generation (GWh) is not held; capacity in MW only")
U(R, "market",
  "What is the current feed-in tariff for small rooftop systems in France?",
  "tariffs/support schemes are not in the data")
U(R, "market",
  "In euros, what was the German solar market worth in 2024?",
  "market value in EUR is not held; capacity in MW only")
U(R, "market",
  "My nephew works in Nairobi. How much solar has Kenya installed to date?",
  "Kenya is not a territory in the market data")
U(R, "market",
  "How much solar was installed in Germany back in 1985?",
  "market data starts in 1992")
U(R, "market",
  "What will Germany's total installed solar base be at the end of 2030 in the most "
  "probable scenario?",
  "forecast cumulative values in the real CSV exclude the installed base, so the "
  "installed base in 2030 cannot be given")
U(R, "market",
  "India is a very large market. What is the forecast for India's solar additions in 2027?",
  "forecasts exist only for European territories (and World); none for India")
U(R, "market",
  "What is the forecast for off-grid solar installations in Germany in 2028?",
  "forecasts cover Centralised, Distributed and Total only, not Off-grid")
U(R, "price",
  "What is the latest price for n-type TOPCon modules in India?",
  "no n-type TOPCon module series for India (India only for older p-type modules)")
U(R, "price",
  "Where do you expect module prices to be in 2026?",
  "prices are historical only; no price forecasts")
U(R, "price",
  "Roughly what share of a module's price is accounted for by the polysilicon in it?",
  "a share of a price (cost breakdown) cannot be derived from item prices in different units")
U(R, "price",
  "Could you give me the current TOPCon module price in China in euro cents per watt?",
  "prices are in US dollars only; no exchange rates held")
U(R, "manufacturer_financial",
  "What was LONGi's revenue in 2024?",
  "LONGi is not among the companies in the financials sample")
U(R, "market",
  ["How much solar capacity did Germany add in 2023?",
   "And how much wind did they add that year?"],
  "the market data covers solar PV only, not wind")

# ============================================================================ REAL financial (sample file)
v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(R, "manufacturer_financial",
    "Before the committee I want to look at one or two manufacturers. What was the revenue of "
    "Helios Module Limited for the full year 2024?",
    "financial", [E(v, u)],
    how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fin("SunForge Energy (sample)", "2024-Q4", "Gross margin")
add(R, "manufacturer_financial",
    "Could you tell me Sun Forge Energy's gross margin in the fourth quarter of 2024?",
    "financial", [E(v, u)],
    how="financials: SunForge Energy (sample), 2024-Q4, Gross margin")

rev23 = FIN[(FIN.period == "FY2023") & (FIN.metric == "Revenue")].sort_values("value", ascending=False)
assert rev23.value.iloc[0] > rev23.value.iloc[1]
add(R, "manufacturer_financial",
    "Among the manufacturers you cover, which one had the highest revenue in 2023, taking the "
    "full year?",
    "financial", [E(rev23.value.iloc[0], "USD million")], [rev23.company.iloc[0].split()[0]],
    how="financials: FY2023 Revenue, max across companies")

# ============================================================================ SAMPLE market
S = "sample"

add(S, "market",
    "Netherlands 2022 - how much solar was installed?",
    "lookup", [E(mv(SM, "Netherlands", 2022), "MW")],
    how="sample market: Netherlands 2022 Historical Primary Total Annual")

add(S, "market",
    "I am trying to get a feel for the French market. What was France's total installed "
    "capacity at the end of 2021?",
    "lookup", [E(mv(SM, "France", 2021, "Cumulative"), "MW")],
    how="sample market: France 2021 Historical Primary Total Cumulative")

add(S, "market",
    "Under the most probable scenario, what is Italy's installed solar base expected to be at "
    "the end of 2030?",
    "lookup", [E(mv(SM, "Italy", 2030, "Cumulative", scen=MP), "MW")],
    how="sample market: Italy 2030 Forecast - Most probable Total Cumulative")

st = ranking(SM, 2024)[:3]
add(S, "market",
    "Leaving out the world total, which three countries added the most solar in 2024? Please "
    "give me the figures too.",
    "rank", [E(v, "MW") for _, v in st], [t for t, _ in st],
    how="sample market: 2024 Annual Total Historical Primary, countries only (World excluded), top 3")

sl = ranking(SM, 2030, "Cumulative", scen=LOW)[:2]
add(S, "market",
    "Even in the low scenario, which two countries would have the biggest installed base by "
    "2030?",
    "rank", [E(v, "MW") for _, v in sl], [t for t, _ in sl],
    how="sample market: 2030 Cumulative Total Forecast - Low, countries only, top 2")

add(S, "market",
    "Germany is our largest European exposure. What share of global solar additions in 2023 "
    "came from Germany?",
    "share", [E(share(mv(SM, "Germany", 2023), mv(SM, "World", 2023)), "%")],
    how="sample: Germany 2023 Annual Total / World 2023 Annual Total x 100")

add(S, "market",
    "Of Poland's new PV in 2024, what percentage was distributed (rooftop) capacity?",
    "share", [E(share(mv(SM, "Poland", 2024, conn="Distributed"), mv(SM, "Poland", 2024)), "%")],
    how="sample: Poland 2024 Annual Distributed / Poland 2024 Annual Total x 100")

w15, w24 = mv(SM, "World", 2015, "Cumulative"), mv(SM, "World", 2024, "Cumulative")
add(S, "market",
    "For my notes: what was the compound annual growth rate of the world's cumulative solar "
    "capacity between 2015 and 2024?",
    "change", [E(cagr(w15, w24, 9), "%")],
    how="sample: World Cumulative Total (2024/2015)^(1/9) - 1")

add(S, "market",
    "Spain's figures jumped enormously at one point. By what percentage did Spanish annual "
    "installations change from 2018 to 2019?",
    "change", [E(pct(mv(SM, "Spain", 2018), mv(SM, "Spain", 2019)), "%")],
    how="sample: Spain Annual Total (2019 - 2018) / 2018 x 100")

fr20, nl20 = mv(SM, "France", 2020), mv(SM, "Netherlands", 2020)
add(S, "market",
    "Could you compare what France and the Netherlands each installed in 2020? I suspect "
    "the smaller country did more.",
    "compare", [E(fr20, "MW"), E(nl20, "MW")], ["Netherlands" if nl20 > fr20 else "France"],
    how="sample: France and Netherlands 2020 Annual Total")

wh, wl = mv(SM, "World", 2030, scen=HIGH), mv(SM, "World", 2030, scen=LOW)
add(S, "market",
    "The gap between optimistic and pessimistic forecasts worries me. For world additions in "
    "2030, what is the difference between the high and the low scenario?",
    "compare", [E(wh, "MW"), E(wl, "MW"), E(wh - wl, "MW")],
    how="sample: World 2030 Annual Total Forecast - High minus Forecast - Low")

y, v = peak(SM, "Poland")
add(S, "market",
    "In which year did Poland install the most solar, so far as the actual figures go?",
    "extreme", [E(v, "MW")], [y],
    how="sample: Poland Annual Total Historical Primary, max over all years")

y, v = peak(SM, "Italy", low=True)
add(S, "market",
    "What was Italy's weakest year for new solar installations in your records?",
    "extreme", [E(v, "MW")], [y],
    how="sample: Italy Annual Total Historical Primary, min over all years")

es = series(SM, "Spain", 2020, 2024)
add(S, "market",
    "Spain's figures seem to jump about. What is the average annual amount of solar Spain "
    "installed between 2020 and 2024?",
    "average", [E(sum(es.values()) / 5, "MW")],
    how="sample: mean of Spain Annual Total 2020..2024")

six = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"]
add(S, "market",
    "If I add together Germany, France, Italy, Spain, the Netherlands and Poland, how much "
    "solar did those six install in 2024?",
    "sum", [E(sum(mv(SM, c, 2024) for c in six), "MW")],
    how="sample: sum of 2024 Annual Total for the six countries")

y, v = first_above(SM, "Germany", 10_000)
add(S, "market",
    "In which year did Germany's yearly additions first go above 10 GW?",
    "first_latest", [E(v, "MW")], [y],
    how="sample: first year Germany Annual Total Historical Primary > 10000 MW")

nl = series(SM, "Netherlands", 2015, 2024)
add(S, "market",
    "The Dutch seem to put panels on every roof. Over the ten years 2015 to 2024, what did "
    "the Netherlands install on average each year?",
    "average", [E(sum(nl.values()) / len(nl), "MW")],
    how="sample: mean of Netherlands Annual Total 2015..2024 (10 years)")

dmp = series(SM, "Germany", 2025, 2030, scen=MP)
add(S, "market",
    "Taking the most probable forecasts, what is Germany's mean annual addition expected to be "
    "over 2025-2030?",
    "average", [E(sum(dmp.values()) / len(dmp), "MW")],
    how="sample: mean of Germany Annual Total Forecast - Most probable 2025..2030")

ww = series(SM, "World", 2020, 2024)
add(S, "market",
    "How much PV was instaled worldwide altogether in the five years 2020 to 2024?",
    "sum", [E(sum(ww.values()), "MW")],
    how="sample: sum of World Annual Total 2020..2024")

y, v = first_above(SM, "Spain", 20_000, "Cumulative")
add(S, "market",
    "When did Spain's cumulative solar capacity first exceed 20 GW?",
    "first_latest", [E(v, "MW")], [y],
    how="sample: first year Spain Cumulative Total Historical Primary > 20000 MW")

# ============================================================================ SAMPLE prices
v, u = price_month(SP, "Module", "n-type TOPCon", "India", "2024-12")
add(S, "price",
    "India is building its own factories, so I hear. What was the price of n-type TOPCon "
    "modules in India in December 2024?",
    "price", [E(v, u)],
    how="sample prices: Module n-type TOPCon India, 2024-12")

pc = price_series(SP, "Polysilicon", "High purity - 9N/9N+", "China")
mn = pc.loc[pc.base_price.idxmin()]
assert (pc.base_price == mn.base_price).sum() == 1, "tie"
add(S, "price",
    "Polysilicon prices have been very volatile, I'm told. What was the lowest Chinese "
    "polysilicon price (the 9N grade) in your data, and when?",
    "price", [E(mn.base_price, mn.unit)], [mn.date.strftime("%B"), mn.date.strftime("%Y")],
    how="sample prices: Polysilicon High purity 9N China, min over whole series")

perc = {r: price_month(SP, "Module", "p-type mono-Si PERC M10", r, "2024-12")[0]
        for r in ["China", "EU", "US", "India"]}
cr = min(perc, key=perc.get)
assert sorted(perc.values())[0] < sorted(perc.values())[1], "tie"
add(S, "price",
    "In December 2024, which region had the cheapest PERC M10 modules, and at what price?",
    "price", [E(perc[cr], "US$/Wp")], [cr],
    how="sample prices: Module p-type mono-Si PERC M10, 2024-12, min across regions")

g = price_series(SP, "PV glass", "Glass 3,2mm", "EU")
g24 = g[g.date.dt.year == 2024]
add(S, "price",
    "What was the average price of 3.2 mm solar glass in the EU during 2024?",
    "price", [E(g24.base_price.mean(), g24.unit.iloc[0])],
    how="sample prices: PV glass 3,2mm EU, mean of 12 monthly values in 2024")

w0, _ = price_month(SP, "Wafer", "n-type mono-Si M10", "China", "2023-01")
w1, _ = price_month(SP, "Wafer", "n-type mono-Si M10", "China", "2024-12")
add(S, "price",
    "By how much, in percentage terms, did Chinese n-type M10 wafer prices change between "
    "January 2023 and December 2024?",
    "price", [E(pct(w0, w1), "%")],
    how="sample prices: Wafer n-type mono-Si M10 China (2024-12 - 2023-01)/2023-01 x 100")

t, _ = price_month(SP, "Module", "n-type TOPCon", "EU", "2024-06")
hh, _ = price_month(SP, "Module", "n-type HJT", "EU", "2024-06")
add(S, "price",
    "How did TopCon and HJT module prices in the EU compare in June 2024?",
    "price", [E(t, "US$/Wp"), E(hh, "US$/Wp")], ["TOPCon" if t < hh else "HJT"],
    how="sample prices: Module EU 2024-06, n-type TOPCon vs n-type HJT")

# ============================================================================ SAMPLE financial
v, u = fin("Nordlicht Solar AG (sample)", "FY2024", "Net income")
add(S, "manufacturer_financial",
    "I noticed Nordlich Solar in one of the papers. What was its net income for the full "
    "year 2024?",
    "financial", [E(v, u)],
    how="financials: Nordlicht Solar AG (sample), FY2024, Net income")

v, u = fin("Aurora PV Group (sample)", "2024-Q3", "Module shipments")
add(S, "manufacturer_financial",
    "How many GW of modules did Aurora Solar Group ship in Q3 2024?",
    "financial", [E(v, u)],
    how="financials: Aurora PV Group (sample), 2024-Q3, Module shipments")

a, _ = fin("Helios Modules Ltd (sample)", "FY2023", "Revenue")
b, _ = fin("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(S, "manufacturer_financial",
    "By what percentage did Helios Modules' annual revenue change from 2023 to 2024?",
    "financial", [E(pct(a, b), "%")],
    how="financials: Helios FY2024 vs FY2023 Revenue, % change")

hg, _ = fin("Helios Modules Ltd (sample)", "FY2024", "Gross margin")
sg, _ = fin("SunForge Energy (sample)", "FY2024", "Gross margin")
add(S, "manufacturer_financial",
    "Comparing Helios and SunForge, which had the better gross margin for the full year 2024?",
    "financial", [E(hg, "%"), E(sg, "%")], ["Helios" if hg > sg else "SunForge"],
    how="financials: FY2024 Gross margin Helios vs SunForge")

nq = FIN[(FIN.company == "Nordlicht Solar AG (sample)") & (FIN.metric == "Revenue")
         & FIN.period.str.startswith("2024-Q")]
assert len(nq) == 4
add(S, "manufacturer_financial",
    "Nordlicht Solar appears to be shrinking. What was its average quarterly revenue in 2024?",
    "financial", [E(nq.value.mean(), "USD million")],
    how="financials: mean of Nordlicht 2024-Q1..Q4 Revenue")

# ============================================================================ SAMPLE follow-ups
v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Net income")
add(S, "manufacturer_financial",
    ["What was Helios Modules' revenue for the full year 2024?",
     "And its net income?"],
    "follow_up", [E(v, u)],
    how="financials: Helios FY2024 Net income")

add(S, "market",
    ["What did France install in 2024?",
     "What is the most probable forecast for 2026?",
     "And in the low scenario?"],
    "follow_up", [E(mv(SM, "France", 2026, scen=LOW), "MW")],
    how="sample: France 2026 Annual Total Forecast - Low")

v, u = price_month(SP, "Module", "n-type TOPCon", "EU", "2023-12")
add(S, "price",
    ["What was the price of TOPCon modules in the EU in December 2024?",
     "And a year earlier?"],
    "follow_up", [E(v, u)],
    how="sample prices: Module n-type TOPCon EU, 2023-12")

add(S, "market",
    ["How large was Germany's installed solar base at the end of 2024?",
     "And how big is it expected to be by 2030 under the high scenario?"],
    "follow_up", [E(mv(SM, "Germany", 2030, "Cumulative", scen=HIGH), "MW")],
    how="sample: Germany 2030 Cumulative Total Forecast - High")

n23, n24 = mv(SM, "Netherlands", 2023), mv(SM, "Netherlands", 2024)
add(S, "market",
    ["How much solar did the Netherlands add in 2024?",
     "How does that compare with 2023, in percent?"],
    "follow_up", [E(pct(n23, n24), "%")],
    how="sample: Netherlands Annual Total (2024 - 2023)/2023 x 100")

# ============================================================================ SAMPLE unanswerable
U(S, "market",
  "We have a small holding in a Japanese utility. How much solar did Japan install in 2023?",
  "Japan is not in the sample market data")
U(S, "market",
  "How much solar did Germany add back in 2010, when the feed-in tariffs were generous?",
  "sample market data start in 2015")
U(S, "price",
  "What was the price of silver in December 2024?",
  "silver is not among the sample price items")
U(S, "price",
  "What do PERC modules cost in Australia at present?",
  "Australia is not a region in the sample prices")
U(S, "market",
  "How much concentrated solar power, the mirror sort, has Spain built?",
  "solar thermal / CSP is not in the data; PV only")
U(S, "market",
  "How many households in the Netherlands now have solar panels on their roofs?",
  "number of installations/households is not held; capacity in MW only")
U(S, "manufacturer_financial",
  ["What was SunForge Energy's revenue for the full year 2024?",
   "And what is their share price today?"],
  "share prices are not in the financials")
U(S, "manufacturer_financial",
  "Has Nordlicht Solar published its results for the first quarter of 2025 yet? What was "
  "its revenue?",
  "financials end at 2024-Q4 / FY2024")
U(S, "price",
  "How much are tracker systems per watt in the EU?",
  "trackers are not among the price items")
U(S, "price",
  "Someone at the conference said heterojunction panels are more efficient. What is the "
  "conversion efficiency of HJT modules compared with TOPCon?",
  "module efficiency is not held; prices only")
U(S, "market",
  "My late husband was Belgian, so I take an interest. How much solar did Belgium install "
  "in 2023?",
  "Belgium is not in the sample market data")
U(S, "market",
  "What are Italy's expected solar additions in 2035 under the most probable scenario?",
  "forecasts end in 2030")

# ============================================================================ ids + checks
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

with OUT.open("w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = [it for it in ITEMS if len(it["turns"]) > 1]
assert len(chains) >= 12, len(chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], ("NaN", it["id"])
    else:
        assert it["why"], it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
assert 10 <= n_fin <= 15, n_fin

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {len(chains)}  "
      f"financial: {n_fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
ctx = sum(len(it["turns"][0].split(". ")) > 1 or "?" in it["turns"][0][:-1] for it in ITEMS)
print("items whose first turn has more than one sentence:", ctx)
