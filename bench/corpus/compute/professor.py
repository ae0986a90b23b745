"""Professor question set: computes every expected figure from the data files and writes questions.jsonl.

Persona: energy-economics professor preparing lecture slides and exam questions on the global PV market.
No expected number is typed by hand: all figures come from pandas computations below.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "professor"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe", "EU",
    "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa", "North America",
    "North Europe", "Oceania", "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}


def load_market(path):
    df = pd.read_csv(path).drop_duplicates()
    # after removing exact duplicates, remaining key duplicates (RoW) must carry the same capacity
    g = df.groupby(KEY)["Capacity(MW)"].nunique()
    assert (g == 1).all(), "conflicting capacities for one key"
    df = df.drop_duplicates(KEY)
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)


class Market:
    def __init__(self, df):
        self.df = df
        self.last_hist = df[df.Scenario == HP].groupby("Territory").Year.max().to_dict()
        self.countries = sorted(set(df.Territory) - AGGREGATES)

    def scen(self, t, y, scen=None):
        if scen is not None:
            return scen
        return HP if y <= self.last_hist[t] else MP

    def v(self, t, y, typ="Annual", conn="Total", scen=None):
        s = self.scen(t, y, scen)
        d = self.df
        r = d[(d.Territory == t) & (d.Year == y) & (d.Scenario == s) & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (t, y, typ, conn, s, len(r))
        return float(r["Capacity(MW)"].iloc[0])

    def series(self, t, y0, y1, typ="Annual", conn="Total", scen=None, skip_missing=False):
        out = {}
        for y in range(y0, y1 + 1):
            if skip_missing:
                d = self.df
                s = self.scen(t, y, scen)
                if not ((d.Territory == t) & (d.Year == y) & (d.Scenario == s) & (d.Connection == conn) & (d.Type == typ)).any():
                    continue
            out[y] = self.v(t, y, typ, conn, scen)
        return out

    def rank(self, y, n, typ="Annual", conn="Total", scen=None, among=None):
        d = self.df
        pool = among if among is not None else self.countries
        rows = []
        for t in pool:
            s = scen if scen is not None else (HP if t in self.last_hist and y <= self.last_hist[t] else MP)
            r = d[(d.Territory == t) & (d.Year == y) & (d.Scenario == s) & (d.Connection == conn) & (d.Type == typ)]
            if len(r) == 1:
                rows.append((t, float(r["Capacity(MW)"].iloc[0])))
        rows.sort(key=lambda x: -x[1])
        if among is None:
            assert len(rows) > n and rows[n - 1][1] > rows[n][1], "tie at ranking boundary"
        return rows[:n]

    def extreme(self, t, y0, y1, fn="max", typ="Annual", conn="Total"):
        s = self.series(t, y0, y1, typ, conn, skip_missing=True)
        vals = sorted(s.items(), key=lambda kv: kv[1], reverse=(fn == "max"))
        assert vals[0][1] != vals[1][1], "tie for extreme"
        return vals[0]


R = Market(RM)
S = Market(SM)


def years_with(mk, t, typ="Annual", conn="Total"):
    d = mk.df
    return sorted(d[(d.Territory == t) & (d.Scenario == HP) & (d.Type == typ) & (d.Connection == conn)].Year)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, n):
    return ((b / a) ** (1.0 / n) - 1.0) * 100.0


# ---------------------------------------------------------------- prices
def pseries(df, item, desc, region, unit=None):
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region)
    assert x.unit.nunique() == 1, "mixed units in series"
    # one value per date (a series with two sources quoting different values is not used)
    per_date = x.groupby("date").base_price.nunique()
    assert (per_date == 1).all(), ("several values on one date", item, desc, region)
    x = x.drop_duplicates("date").sort_values("date")
    return x.set_index("date").base_price


def p_latest(s):
    return s.index.max(), float(s.iloc[-1])


def p_on(s, date):
    date = pd.Timestamp(date)
    assert date in s.index, date
    return float(s.loc[date])


def p_month(s, ym):
    x = s[s.index.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.iloc[0])


def p_ext(s, fn="min", y0=None, y1=None):
    x = s
    if y0 is not None:
        x = x[(x.index >= pd.Timestamp(y0)) & (x.index <= pd.Timestamp(y1))]
    v = x.min() if fn == "min" else x.max()
    dates = x[x == v].index
    return float(v), dates


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
        "answerable": answerable, "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        assert not it["expect"]
    ITEMS.append(it)


MW = "MW"

# ================================================================ REAL: market
# --- lookups
add("real", "market",
    "I'm building a slide on the German feed-in-tariff boom. By 'installations' I mean annual additions, "
    "all segments combined. What were Germany's PV installations in 2012?",
    "lookup", [(R.v("Germany", 2012), MW)], how="real CSV: Germany, 2012, Historical Primary, Total, Annual")

add("real", "market",
    "Japan had a post-Fukushima FiT rush. What was Japan's cumulative installed PV capacity at the end of 2015, in MW?",
    "lookup", [(R.v("Japan", 2015, "Cumulative"), MW)], how="real CSV: Japan 2015 HP Total Cumulative")

add("real", "market",
    "For the intro slide: global PV installations in 2024, i.e. the World annual additions figure?",
    "lookup", [(R.v("World", 2024), MW)], how="real CSV: World 2024 HP Total Annual")

add("real", "market",
    "For an exam question I need Italy's forecast annual market for 2027, most probable scenario. What is it?",
    "lookup", [(R.v("Italy", 2027, scen=MP), MW)], how="real CSV: Italy 2027 Forecast - Most probable Total Annual")

# --- rankings
top = R.rank(2024, 5)
add("real", "market",
    "Top 5 countries by annual PV additions in 2024, with their MW. Countries only please, no regional aggregates like EU or Asia.",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 HP Total Annual, countries (aggregates excluded), top 5")

top = R.rank(2010, 3, "Cumulative")
add("real", "market",
    "Historical perspective for lecture 2: which three countries had the largest cumulative PV fleet at the end of 2010?",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="real CSV: 2010 HP Total Cumulative, countries, top 3")

top = R.rank(2023, 5, conn="Distributed")
add("real", "market",
    "By 'distributed' I mean the rooftop / behind-the-meter segment as your data defines it. Rank the top five countries for distributed PV additions in 2023.",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="real CSV: 2023 HP Distributed Annual, countries, top 5")

six = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
top = R.rank(2024, 6, among=six)
add("real", "market",
    "Among Germany, Spain, Italy, France, Poland and the Netherlands, rank them by 2024 installations (annual additions), highest first.",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 HP Total Annual for the six named countries, sorted desc")

top = R.rank(2030, 3, scen=MP)
add("real", "market",
    "Looking ahead to 2030: which three countries have the highest forecast annual additions in the most probable scenario?",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="real CSV: 2030 Forecast - Most probable Total Annual, countries only, top 3")

# --- shares
c, w = R.v("China", 2024), R.v("World", 2024)
add("real", "market",
    "What share of global annual additions did China account for in 2024? Please use the World total as denominator.",
    "share", [(c / w * 100, "%")], how="real CSV: China 2024 Annual Total / World 2024 Annual Total")

g10 = R.v("Germany", 2010, "Cumulative") / R.v("World", 2010, "Cumulative") * 100
g24 = R.v("Germany", 2024, "Cumulative") / R.v("World", 2024, "Cumulative") * 100
add("real", "market",
    "I want to show how Germany's weight in the global installed base shrank. Germany's share of world cumulative capacity in 2010, and in 2024?",
    "share", [(g10, "%"), (g24, "%")], how="real CSV: Germany Cumulative / World Cumulative, 2010 and 2024, HP Total")

add("real", "market",
    "In the US, what % of the 2024 annual additions were distributed?",
    "share", [(R.v("USA", 2024, conn="Distributed") / R.v("USA", 2024) * 100, "%")],
    how="real CSV: USA 2024 Distributed Annual / USA 2024 Total Annual")

add("real", "market",
    "Brazil's distributed generation boom is a nice case study. What share of Brazil's 2023 installations was distributed?",
    "share", [(R.v("Brazil", 2023, conn="Distributed") / R.v("Brazil", 2023) * 100, "%")],
    how="real CSV: Brazil 2023 Distributed Annual / Total Annual")

# --- change
add("real", "market",
    "I'm teaching compound growth with PV as the example. Compute the CAGR of world annual PV additions between 2010 and 2020.",
    "change", [(cagr(R.v("World", 2010), R.v("World", 2020), 10), "%")],
    how="real CSV: World Annual Total, (2020/2010)^(1/10)-1")

add("real", "market",
    "Germany's market collapse after the FiT cuts: what was the % change in annual additions from 2012 to 2014?",
    "change", [(pct(R.v("Germany", 2012), R.v("Germany", 2014)), "%")],
    how="real CSV: Germany Annual Total, (2014-2012)/2012*100")

add("real", "market",
    "India had a record 2024. Year-on-year growth of India's PV installations in 2024 vs 2023, in percent?",
    "change", [(pct(R.v("India", 2023), R.v("India", 2024)), "%")],
    how="real CSV: India Annual Total, (2024-2023)/2023*100")

add("real", "market",
    "Students love a big number. By what factor did the world's cumulative PV capacity grow between end-2000 and end-2024?",
    "change", [(R.v("World", 2024, "Cumulative") / R.v("World", 2000, "Cumulative"), "x")],
    how="real CSV: World Cumulative 2024 / World Cumulative 2000")

add("real", "market",
    "Growth path for France: CAGR of annual additions from 2024 (actual) to 2030 under the most probable forecast?",
    "change", [(cagr(R.v("France", 2024), R.v("France", 2030, scen=MP), 6), "%")],
    how="real CSV: France Annual Total 2024 HP and 2030 Forecast - Most probable, CAGR over 6 years")

# --- comparisons
u, i = R.v("USA", 2024, "Cumulative"), R.v("India", 2024, "Cumulative")
add("real", "market",
    "Compare the installed base of the USA and India at the end of 2024. How far apart are they in MW?",
    "compare", [(u, MW), (i, MW), (u - i, MW)], ["USA"],
    how="real CSV: USA and India 2024 HP Total Cumulative, difference")

vals = {t: R.v(t, 2024) for t in ["Spain", "Italy", "France"]}
big = max(vals, key=vals.get)
add("real", "market",
    "Spain vs Italy vs France - annual additions in 2024 for each, and which one was the largest market?",
    "compare", [(vals[t], MW) for t in ["Spain", "Italy", "France"]], [big],
    how="real CSV: 2024 HP Total Annual for Spain, Italy, France; max")

add("real", "market",
    "How many times larger was China's 2024 PV market than the American one?",
    "compare", [(R.v("China", 2024) / R.v("USA", 2024), "x")],
    how="real CSV: China 2024 Annual Total / USA 2024 Annual Total")

# --- extremes
yrs = years_with(R, "Germany")
y, v = R.extreme("Germany", yrs[0], yrs[-1], "max")
add("real", "market",
    "In which year did Germany record its highest annual PV additions over the whole series, and how much was it?",
    "extreme", [(v, MW)], [y], how=f"real CSV: Germany Annual Total HP {yrs[0]}-{yrs[-1]}, max")

yrs = years_with(R, "Italy")
y, v = R.extreme("Italy", yrs[0], yrs[-1], "max")
add("real", "market",
    "Italy's record year for new PV capacity (annual additions, all history in the data), and how many MW?",
    "extreme", [(v, MW)], [y], how=f"real CSV: Italy Annual Total HP {yrs[0]}-{yrs[-1]}, max")

y, v = R.extreme("Spain", 2010, 2024, "min")
add("real", "market",
    "Since 2010 (2010-2024 inclusive), what was Spain's weakest year for annual additions, and how low did it go?",
    "extreme", [(v, MW)], [y], how="real CSV: Spain Annual Total HP 2010-2024, min")

# --- averages / sums
add("real", "market",
    "I tell students China now dominates everything. Average annual additions in China over 2020-2024 inclusive?",
    "average", [(sum(R.series("China", 2020, 2024).values()) / 5, MW)],
    how="real CSV: mean of China Annual Total HP 2020..2024")

add("real", "market",
    "What was the average yearly global market in the five years 2015-2019? (World annual additions)",
    "average", [(sum(R.series("World", 2015, 2019).values()) / 5, MW)],
    how="real CSV: mean of World Annual Total HP 2015..2019")

add("real", "market",
    "By installations I mean annual additions, all segments. Sum of India's installations from 2020 through 2024, please.",
    "sum", [(sum(R.series("India", 2020, 2024).values()), MW)],
    how="real CSV: sum of India Annual Total HP 2020..2024")

add("real", "market",
    "If Germany follows the most probable forecast, how much new PV does it add in total over 2025-2030? Sum of the annual additions.",
    "sum", [(sum(R.series("Germany", 2025, 2030, scen=MP).values()), MW)],
    how="real CSV: sum of Germany Annual Total Forecast - Most probable 2025..2030")

w00 = sum(R.series("World", 2000, 2009).values())
w10 = sum(R.series("World", 2010, 2019).values())
add("real", "market",
    "For a slide comparing decades: how much PV was installed worldwide in the 2000s (2000-2009) versus the 2010s (2010-2019)? "
    "Give both sums of annual additions and the ratio between them.",
    "sum", [(w00, MW), (w10, MW), (w10 / w00, "x")],
    how="real CSV: sum of World Annual Total HP 2000..2009 and 2010..2019, ratio 2010s/2000s")

jp = R.series("Japan", 2010, 2019)
add("real", "market",
    "Japan's average annual instalations over the 2010s, i.e. 2010 to 2019 inclusive?",
    "average", [(sum(jp.values()) / len(jp), MW)], how="real CSV: mean of Japan Annual Total HP 2010..2019")

# --- first / latest
yrs = years_with(R, "China")
add("real", "market",
    "From which year does the database have historical annual installation figures for China?",
    "first_latest", [], [yrs[0]],
    how="real CSV: first Year with a China HP Total Annual row")

yrs = years_with(R, "Brazil")
add("real", "market",
    "What is the most recent year of historical (not forecast) data for Brazil, and how much was installed that year?",
    "first_latest", [(R.v("Brazil", yrs[-1]), MW)], [yrs[-1]],
    how="real CSV: last HP year for Brazil, Annual Total")

pl = R.series("Poland", years_with(R, "Poland")[0], 2024, skip_missing=True)
first_gw = min(y for y, v in pl.items() if v > 1000)
add("real", "market",
    "Poland is my example of a fast follower. In which year did Poland's annual PV additions first exceed 1 GW, and what was the figure that year?",
    "first_latest", [(pl[first_gw], MW)], [first_gw],
    how="real CSV: Poland Annual Total HP, first year > 1000 MW")

# --- scenarios
add("real", "market",
    "What does the high scenario show for Spain's annual additions in 2030?",
    "lookup", [(R.v("Spain", 2030, scen=HIGH), MW)], how="real CSV: Spain 2030 Forecast - High Total Annual")

# --- follow-up chains (real)
b22, b24 = R.v("Brazil", 2022), R.v("Brazil", 2024)
add("real", "market",
    ["How much PV did Brazil add in 2022?", "And in 2024?", "So what's the percentage growth between those two years?"],
    "follow_up", [(pct(b22, b24), "%")], how="real CSV: Brazil Annual Total HP, (2024-2022)/2022*100")

top = R.rank(2024, 5, "Cumulative")
share5 = sum(v for _, v in top) / R.v("World", 2024, "Cumulative") * 100
add("real", "market",
    ["Which 5 countries had the largest cumulative installed PV capacity at the end of 2024?",
     "Together, what share of the world's cumulative capacity do those five represent?"],
    "follow_up", [(share5, "%")], how="real CSV: sum of top-5 countries 2024 Cumulative / World 2024 Cumulative")

add("real", "market",
    ["What is France's most probable forecast for annual PV additions in 2030?", "Same for the high scenario."],
    "follow_up", [(R.v("France", 2030, scen=HIGH), MW)], how="real CSV: France 2030 Forecast - High Total Annual")

add("real", "market",
    ["What proportion of Italy's 2024 installations was distributed?", "and for Spain?"],
    "follow_up", [(R.v("Spain", 2024, conn="Distributed") / R.v("Spain", 2024) * 100, "%")],
    how="real CSV: Spain 2024 Distributed Annual / Total Annual")

yrs = years_with(R, "Australia")
ay, av = R.extreme("Australia", yrs[0], yrs[-1], "max")
add("real", "market",
    ["What was Australia's peak year for annual PV additions (over all the historical data)?",
     "How much of that year's total was distributed?"],
    "follow_up", [(R.v("Australia", ay, conn="Distributed"), MW)], [ay],
    how=f"real CSV: Australia peak Annual Total year {yrs[0]}-{yrs[-1]} -> Distributed Annual that year")

add("real", "market",
    ["Please compute the CAGR of India's annual installations from 2015 to 2024.", "And China's over the same period?"],
    "follow_up", [(cagr(R.v("China", 2015), R.v("China", 2024), 9), "%")],
    how="real CSV: China Annual Total HP, (2024/2015)^(1/9)-1")

nl = R.series("Netherlands", 2015, 2024, "Cumulative")
add("real", "market",
    ["What was the Netherlands' cumulative PV capacity at the end of 2024?",
     "Can you show that as a chart, year by year from 2015 to 2024?"],
    "follow_up", [(nl[2015], MW), (nl[2024], MW)],
    how="real CSV: Netherlands HP Total Cumulative 2015..2024 (chart; endpoints checked)")

t22 = R.rank(2022, 3)
t23 = R.rank(2023, 3)
add("real", "market",
    ["Top 3 countries by new PV capacity in 2022?", "what about 2023?"],
    "follow_up", [(v, MW) for _, v in t23], [t for t, _ in t23],
    how="real CSV: 2023 HP Total Annual, countries, top 3")

# ================================================================ REAL: prices
s = pseries(RP, "Module", "n-type TOPCon", "China")
d, v = p_latest(s)
add("real", "price",
    "Module prices are my last lecture of the term. What's the latest module price for n-type TOPCon in China, and which date is it from?",
    "price", [(v, "US$/Wp")], how=f"real parquet: Module n-type TOPCon China, latest date {d.date()}")

latest_date = None
regs = ["China", "EU", "US"]
ex = []
for r in regs:
    d, v = p_latest(pseries(RP, "Module", "n-type TOPCon", r))
    latest_date = d if latest_date is None else latest_date
    assert d == latest_date
    ex.append((v, "US$/Wp"))
cheapest = regs[min(range(3), key=lambda k: ex[k][0])]
add("real", "price",
    "For a slide on trade barriers: latest n-type TOPCon module prices in China, the EU and the US side by side. Which is cheapest?",
    "price", ex, [cheapest], how=f"real parquet: Module n-type TOPCon latest ({latest_date.date()}) for China, EU, US")

dh, h = p_latest(pseries(RP, "Module", "n-type HJT", "China"))
dt, t = p_latest(pseries(RP, "Module", "n-type TOPCon", "China"))
assert dh == dt
add("real", "price",
    "In China, on the latest date, how do n-type HJT modules compare with TOPCon modules? Give the HJT premium in US$/Wp and in %.",
    "price", [(h, "US$/Wp"), (t, "US$/Wp"), (h - t, "US$/Wp"), (pct(t, h), "%")],
    how=f"real parquet: Module China latest {dh.date()}: HJT, TOPCon, difference, (HJT-TOPCon)/TOPCon")

v, ds = p_ext(pseries(RP, "Polysilicon", "Very high purity - 11N/11N+", "China"), "max")
assert len(set(ds.strftime("%Y-%m"))) == 1  # peak held for consecutive weeks of one month
add("real", "price",
    "The 11N/11N+ very-high-purity polysilicon series for China: what was its peak price, and when?",
    "price", [(v, "US$/kg")], [ds[0].strftime("%Y")],
    how=f"real parquet: Polysilicon Very high purity - 11N/11N+ China, max (on {', '.join(str(d.date()) for d in ds)})")

cu = pseries(RP, "Copper", "Copper", "Overseas")
add("real", "price",
    "Copper is a growing cost item in PV. By how many % did the copper price change from January 2020 to January 2025?",
    "price", [(pct(p_month(cu, "2020-01"), p_month(cu, "2025-01")), "%")],
    how="real parquet: Copper Overseas monthly, (2025-01 - 2020-01)/2020-01*100")

ag = pseries(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
add("real", "price",
    "Silver paste matters for cell costs. What was the silver price in October 2024?",
    "price", [(p_month(ag, "2024-10"), "K US$/t")], how="real parquet: Silver Overseas K US$/t, 2024-10")

s = pseries(RP, "Module", "n-type TOPCon", "China")
s24 = s[(s.index >= "2024-01-01") & (s.index <= "2024-12-31")]
add("real", "price",
    "I want one representative 2024 price for a cost exercise. Average n-type TOPCon module price in China over calendar year 2024?",
    "price", [(float(s24.mean()), "US$/Wp")], how=f"real parquet: mean of {len(s24)} weekly obs, Module n-type TOPCon China, 2024")

day = "2025-02-05"
hj = {r: p_on(pseries(RP, "Module", "n-type HJT", r), day) for r in ["China", "EU", "Overseas", "US"]}
order = sorted(hj, key=hj.get)
assert len(set(hj.values())) == 4
add("real", "price",
    "On 5 February 2025, rank the regions by n-type HJT module price, cheapest first.",
    "price", [(hj[r], "US$/Wp") for r in order], order,
    how="real parquet: Module n-type HJT on 2025-02-05 for China, EU, Overseas, US; sorted asc")

eu = pseries(RP, "Module", "p-type mono-Si PERC M10", "EU")
us = pseries(RP, "Module", "p-type mono-Si PERC M10", "US")
de, ve = p_latest(eu)
du, vu = p_latest(us)
assert de == du
add("real", "price",
    ["What's the latest p-type mono-Si PERC M10 module price in the EU?", "And in the US?",
     "What's the US premium over the EU in %?"],
    "follow_up", [(pct(ve, vu), "%")], how=f"real parquet: Module PERC M10 latest ({de.date()}), (US-EU)/EU*100")

# ================================================================ REAL: financials (sample financials)
v, u = fin(HEL, "FY2024", "Revenue")
add("real", "manufacturer_financial",
    "Case study on a large integrated manufacturer for my MSc class. What revenue did Helios Modules report for FY2024?",
    "financial", [(v, u)], how="sample financials: Helios FY2024 Revenue")

ship = sorted(((fin(c, "FY2024", "Module shipments")[0], c) for c in COMPANIES), reverse=True)
add("real", "manufacturer_financial",
    "Rank the manufacturers in your data by FY2024 module shipments, largest first.",
    "financial", [(v, "GW") for v, _ in ship], [SHORT[c] for _, c in ship],
    how="sample financials: FY2024 Module shipments for 4 companies, sorted desc")

h23, s23 = fin(HEL, "FY2023", "Net income")[0], fin(SUN, "FY2023", "Net income")[0]
add("real", "manufacturer_financial",
    "Compare net income for FY2023: Helios vs SunForge. How much higher was Helios's?",
    "financial", [(h23, "USD million"), (s23, "USD million"), (h23 - s23, "USD million")],
    how="sample financials: FY2023 Net income Helios, SunForge, difference")

# ================================================================ REAL: unanswerable
UR = [
    ("market", "For a comparison with wind: how much wind capacity did Germany add in 2024?",
     "wind capacity is not in the data; PV only"),
    ("market", "What's the LCOE of utility-scale PV in India in 2024, in USD/MWh?",
     "LCOE is not held; the data has capacity only"),
    ("market", "How much electricity (GWh) did PV generate in Spain in 2023?",
     "generation in GWh is not held; capacities in MW only"),
    ("market", "What was the German feed-in tariff for small rooftop systems in 2004, in EUR cents/kWh?",
     "tariffs are not held"),
    ("market", "I'd like to add an African case: how much PV did Nigeria install in 2024?",
     "Nigeria is not a territory in the data"),
    ("market", "Global PV additions in 1985? I want to start my time series from the mid-80s.",
     "the market data starts in 1992"),
    ("market", "What will Germany's total cumulative installed PV capacity be at the end of 2030 in the most probable scenario, including the existing fleet?",
     "forecast cumulative values in the real CSV do not include the installed base"),
    ("market", "What is China's forecast for annual additions in 2027 under the most probable scenario?",
     "the real CSV has no forecasts for China (forecasts cover European countries and aggregates only)"),
    ("market", "How many GWh of battery storage were co-located with PV in Australia in 2023?",
     "storage is not in the data"),
    ("market", "What was the market value of Italy's 2023 PV installations in EUR?",
     "market value in EUR is not held"),
    ("market", "Solar thermal collector area installed in Austria in 2022?",
     "solar thermal is not in the data"),
    ("price", "What's the average conversion efficiency of TOPCon modules shipped in 2024?",
     "efficiency is not held; prices only"),
    ("price", "Latest module price for TOPCon modules in Japan?",
     "Japan is not a price region (China, EU, US, India, Australia, Overseas)"),
    ("price", "What are string inverter prices per Wac right now?",
     "inverters are not a price item"),
    ("price", "What share of the module price is accounted for by polysilicon today?",
     "a cost share of a price cannot be derived from the data"),
    ("price", "Module prices in 2015, for my 'learning curve' lecture: p-type multi-Si in China?",
     "price series start in 2019"),
    ("manufacturer_financial", "What was LONGi's revenue in FY2024?",
     "LONGi is not among the companies in the financials"),
]
for agent, q, why in UR:
    add("real", agent, q, "unanswerable", answerable=False, why=why)

# ================================================================ SAMPLE: market
add("sample", "market",
    "Quick one for a tutorial sheet: Poland's distributed PV additions in 2021, in MW?",
    "lookup", [(S.v("Poland", 2021, conn="Distributed"), MW)], how="sample market: Poland 2021 HP Distributed Annual")

add("sample", "market",
    "Including the existing fleet, what will Germany's cumulative installed capacity be at the end of 2030 in the most probable scenario?",
    "lookup", [(S.v("Germany", 2030, "Cumulative", scen=MP), MW)],
    how="sample market: Germany 2030 Forecast - Most probable Total Cumulative")

top = S.rank(2024, 3)
add("sample", "market",
    "Which three countries installed the most PV in 2024? Countries only, not the World line.",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top], how="sample market: 2024 HP Total Annual, countries, top 3")

add("sample", "market",
    "Spain is often cited as Europe's sunniest market. What was Spain's share of global annual additions in 2023?",
    "share", [(S.v("Spain", 2023) / S.v("World", 2023) * 100, "%")], how="sample market: Spain 2023 Annual / World 2023 Annual")

add("sample", "market",
    "Spain is very utility-scale heavy. What % of Spain's 2024 installations were centralised?",
    "share", [(S.v("Spain", 2024, conn="Centralised") / S.v("Spain", 2024) * 100, "%")],
    how="sample market: Spain 2024 Centralised Annual / Total Annual")

add("sample", "market",
    "CAGR of France's annual PV aditions between 2015 and 2024?",
    "change", [(cagr(S.v("France", 2015), S.v("France", 2024), 9), "%")], how="sample market: France Annual Total, (2024/2015)^(1/9)-1")

add("sample", "market",
    "The Dutch market seems to be cooling. What's the year-on-year change of Dutch installations in 2024 vs 2023, in %?",
    "change", [(pct(S.v("Netherlands", 2023), S.v("Netherlands", 2024)), "%")],
    how="sample market: Netherlands Annual Total, (2024-2023)/2023*100")

ge, it_ = S.v("Germany", 2024, "Cumulative"), S.v("Italy", 2024, "Cumulative")
add("sample", "market",
    "Germany's installed base vs Italy's at end-2024: what's the ratio?",
    "compare", [(ge / it_, "x")], how="sample market: Germany 2024 Cumulative / Italy 2024 Cumulative")

y, v = S.extreme("Netherlands", 2015, 2024, "max")
add("sample", "market",
    "Between 2015 and 2024, which was the peak year for the Netherlands' annual additions?",
    "extreme", [(v, MW)], [y], how="sample market: Netherlands Annual Total HP 2015-2024, max")

y, v = S.extreme("Spain", 2015, 2024, "min")
add("sample", "market",
    "Spain's market stalled after the retroactive cuts of the early 2010s. Spain's weakest year for installations over 2015-2024, and the figure?",
    "extreme", [(v, MW)], [y], how="sample market: Spain Annual Total HP 2015-2024, min")

add("sample", "market",
    "Poland went from almost nothing to a multi-GW market. Average annual additions in Poland for 2020-2024?",
    "average", [(sum(S.series("Poland", 2020, 2024).values()) / 5, MW)], how="sample market: mean Poland Annual Total HP 2020..2024")

add("sample", "market",
    "For the decade-in-review slide: total world PV installations summed over 2015-2024 (ten years, annual additions)?",
    "sum", [(sum(S.series("World", 2015, 2024).values()), MW)], how="sample market: sum World Annual Total HP 2015..2024")

yrs = years_with(S, "Italy")
add("sample", "market",
    "What's the latest year with actual (historical) data for Italy, and what was installed then?",
    "first_latest", [(S.v("Italy", yrs[-1]), MW)], [yrs[-1]], how="sample market: last HP year for Italy, Annual Total")

add("sample", "market",
    "For Poland in 2028, how far apart are the low and the most probable scenarios (annual additions), in MW?",
    "change", [(S.v("Poland", 2028, scen=MP) - S.v("Poland", 2028, scen=LOW), MW)],
    how="sample market: Poland 2028 Annual Total, Most probable minus Low")

add("sample", "market",
    "What share of the world's 2030 annual market does Germany represent in the most probable scenario?",
    "share", [(S.v("Germany", 2030, scen=MP) / S.v("World", 2030, scen=MP) * 100, "%")],
    how="sample market: Germany 2030 MP Annual / World 2030 MP Annual")

add("sample", "market",
    "By how many percent is Italy's cumulative capacity expected to grow from end-2024 to end-2030 (most probable)?",
    "change", [(pct(S.v("Italy", 2024, "Cumulative"), S.v("Italy", 2030, "Cumulative", scen=MP)), "%")],
    how="sample market: Italy Cumulative 2024 HP vs 2030 MP, % change")

vals = {t: S.v(t, 2024, "Cumulative") for t in ["France", "Spain", "Netherlands"]}
add("sample", "market",
    "Cumulative installed capacity end of 2024 for France, Spain and the Netherlands - which is biggest?",
    "compare", [(vals[t], MW) for t in vals], [max(vals, key=vals.get)],
    how="sample market: 2024 HP Total Cumulative for France, Spain, Netherlands")

top = S.rank(2030, 3, "Cumulative", scen=MP)
add("sample", "market",
    "Which three countries will have the largest cumulaitve PV fleets by end-2030 in the most probable scenario?",
    "rank", [(v, MW) for _, v in top], [t for t, _ in top],
    how="sample market: 2030 Forecast - Most probable Total Cumulative, countries, top 3")

# --- sample follow-ups
add("sample", "market",
    ["What was Italy's cumulative PV capacity at the end of 2024?", "and Spain's?"],
    "follow_up", [(S.v("Spain", 2024, "Cumulative"), MW)], how="sample market: Spain 2024 HP Total Cumulative")

t19 = S.rank(2019, 3)
add("sample", "market",
    ["Top 3 countries by annual installations in 2023?", "What about 2019?"],
    "follow_up", [(v, MW) for _, v in t19], [t for t, _ in t19], how="sample market: 2019 HP Total Annual, countries, top 3")

fm, fl = S.v("France", 2030, scen=MP), S.v("France", 2030, scen=LOW)
add("sample", "market",
    ["France's annual additions in 2030, most probable scenario?", "And in the low scenario?",
     "By how many percent is the low case below the most probable one?"],
    "follow_up", [(pct(fm, fl), "%")], how="sample market: France 2030 Annual, (Low-MP)/MP*100 (negative)")

add("sample", "market",
    ["CAGR of world annual additions between 2015 and 2024?", "and Germany's over the same period?"],
    "follow_up", [(cagr(S.v("Germany", 2015), S.v("Germany", 2024), 9), "%")],
    how="sample market: Germany Annual Total, (2024/2015)^(1/9)-1")

add("sample", "market",
    ["What share of Poland's 2024 installations was distributed?", "And the Netherlands'?"],
    "follow_up", [(S.v("Netherlands", 2024, conn="Distributed") / S.v("Netherlands", 2024) * 100, "%")],
    how="sample market: Netherlands 2024 Distributed Annual / Total Annual")

add("sample", "market",
    ["Chart Germany's annual additions from 2015 to 2024 please.", "What was the average over that period?"],
    "follow_up", [(sum(S.series("Germany", 2015, 2024).values()) / 10, MW)],
    how="sample market: mean Germany Annual Total HP 2015..2024")

# ================================================================ SAMPLE: prices
def sps(item, desc, region):
    return pseries(SP, item, desc, region)


d, v = p_latest(sps("Module", "n-type TOPCon", "India"))
add("sample", "price",
    "India has its ALMM list and import duties, so I expect a premium. Latest n-type TOPCon module price in India?",
    "price", [(v, "US$/Wp")], how=f"sample prices: Module n-type TOPCon India, latest ({d.date()})")

add("sample", "price",
    "Polysilicon (high purity 9N/9N+) price in China in March 2024?",
    "price", [(p_month(sps("Polysilicon", "High purity - 9N/9N+", "China"), "2024-03"), "US$/kg")],
    how="sample prices: Polysilicon 9N China, 2024-03")

v, ds = p_ext(sps("Module", "p-type mono-Si PERC M10", "EU"), "max")
assert len(ds) == 1
add("sample", "price",
    "Highest PERC M10 module price in the EU over the whole series, and which month was that?",
    "price", [(v, "US$/Wp")], [ds[0].strftime("%Y")], how=f"sample prices: Module PERC M10 EU max ({ds[0].date()})")

w = sps("Wafer", "n-type mono-Si M10", "China")
add("sample", "price",
    "n-type M10 wafers in China: % change from January 2023 to December 2024?",
    "price", [(pct(p_month(w, "2023-01"), p_month(w, "2024-12")), "%")],
    how="sample prices: Wafer n-type M10 China, (2024-12 - 2023-01)/2023-01*100")

hj = {r: p_month(sps("Module", "n-type HJT", r), "2024-12") for r in ["China", "EU", "India", "US"]}
order = sorted(hj, key=hj.get)
assert len(set(hj.values())) == 4
add("sample", "price",
    "December 2024 HJT module prices by region, cheapest first?",
    "price", [(hj[r], "US$/Wp") for r in order], order, how="sample prices: Module n-type HJT 2024-12 for 4 regions, sorted asc")

g = sps("PV glass", "Glass 3,2mm", "EU")
g24 = g[(g.index >= "2024-01-01") & (g.index <= "2024-12-31")]
assert len(g24) == 12
add("sample", "price",
    "Average price of 3.2 mm PV glass in the EU across 2024?",
    "price", [(float(g24.mean()), "US$/m²")], how="sample prices: mean of 12 monthly obs, Glass 3,2mm EU 2024")

v, ds = p_ext(sps("Wafer", "p-type mono-Si M10", "China"), "min")
assert len(set(ds.strftime("%Y"))) == 1  # the low may be held for several months of one year
add("sample", "price",
    "Lowest p-type M10 wafer price in China, and when was it?",
    "price", [(v, "US$/pce")], [ds[0].strftime("%Y")], how=f"sample prices: Wafer p-type M10 China min (on {', '.join(str(d.date()) for d in ds)})")

dc, vc = p_latest(sps("Module", "n-type TOPCon", "China"))
du, vu = p_latest(sps("Module", "n-type TOPCon", "US"))
assert dc == du
add("sample", "price",
    ["Latest TOPCon module price in China?", "and in the US?", "So what's the US premium over China, in %?"],
    "follow_up", [(pct(vc, vu), "%")], how=f"sample prices: Module n-type TOPCon latest ({dc.date()}), (US-China)/China*100")

# ================================================================ SAMPLE: financials
v, u = fin(SUN, "2024-Q4", "Gross margin")
add("sample", "manufacturer_financial",
    "Margins collapsed across the industry in 2024. SunForge's gross margin in 2024-Q4?",
    "financial", [(v, u)], how="sample financials: SunForge 2024-Q4 Gross margin")

v, u = fin(NOR, "FY2024", "Net income")
add("sample", "manufacturer_financial",
    "For a lecture on the European manufacturing squeeze: what net income did Nordlicht Solar report for FY2024?",
    "financial", [(v, u)], how="sample financials: Nordlicht FY2024 Net income")

a23, a24 = fin(AUR, "FY2023", "Revenue")[0], fin(AUR, "FY2024", "Revenue")[0]
add("sample", "manufacturer_financial",
    "Aurora PV Group: % change in revenue from FY2023 to FY2024?",
    "financial", [(pct(a23, a24), "%")], how="sample financials: Aurora Revenue FY2023->FY2024 % change")

c1, c4 = fin(HEL, "2023-Q1", "Production capacity")[0], fin(HEL, "2024-Q4", "Production capacity")[0]
add("sample", "manufacturer_financial",
    "How much production capacity did Helios add between 2023-Q1 and 2024-Q4, in GW?",
    "financial", [(c4 - c1, "GW")], how="sample financials: Helios Production capacity 2024-Q4 minus 2023-Q1")

gm = sorted(((fin(c, "2024-Q1", "Gross margin")[0], c) for c in COMPANIES), reverse=True)
assert gm[0][0] != gm[1][0]
add("sample", "manufacturer_financial",
    "Which manufacturer had the highest gross margin in 2024-Q1, and what was it?",
    "financial", [(gm[0][0], "%")], [SHORT[gm[0][1]]], how="sample financials: 2024-Q1 Gross margin, max over 4 companies")

tot = sum(fin(c, "FY2024", "Revenue")[0] for c in COMPANIES)
add("sample", "manufacturer_financial",
    "Combined FY2024 revenue of all four manufacturers in the dataset, in USD million?",
    "financial", [(tot, "USD million")], how="sample financials: sum of FY2024 Revenue, 4 companies")

add("sample", "manufacturer_financial",
    ["What was Helios's net income in 2024-Q3?", "And in Q4?"],
    "follow_up", [(fin(HEL, "2024-Q4", "Net income")[0], "USD million")], how="sample financials: Helios 2024-Q4 Net income")

# ================================================================ SAMPLE: unanswerable
US_ = [
    ("market", "How much PV did Belgium install in 2023?", "Belgium is not in the sample market data"),
    ("market", "China's annual PV additions in 2024?", "China is not in the sample market data"),
    ("market", "Germany's installations in 2012, at the height of the FiT boom?", "sample market data start in 2015"),
    ("market", "What's the most probable forecast for Spain's annual additions in 2035?", "forecasts end in 2030"),
    ("market", "For context, how much offshore wind did the Netherlands add in 2023?", "wind is not in the data"),
    ("market", "What's the average capacity factor of Spanish utility-scale PV?", "capacity factors are not held"),
    ("price", "What's the silver price right now?", "raw materials are not in the sample prices"),
    ("price", "Polysilicon price in China in mid-2021, during the price spike?", "sample prices cover 2023-2024 only"),
    ("price", "TOPCon module price in Brazil, latest?", "Brazil is not a price region in the sample"),
    ("price", "What is the share of the wafer in the total module price for TOPCon?", "a share of a price cannot be derived"),
    ("manufacturer_financial", "How much did Helios spend on R&D in FY2024?", "R&D spending is not a metric in the financials"),
    ("manufacturer_financial", "SunForge's revenue in FY2022?", "financials cover 2023-2024 only"),
]
for agent, q, why in US_:
    add("sample", agent, q, "unanswerable", answerable=False, why=why)

# ================================================================ write + self-check
for k, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{k:03d}"

with open(HERE / "questions.jsonl", "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"]
assert sum(it["agent"] == "manufacturer_financial" for it in ITEMS) in range(10, 16)

print("items:", len(ITEMS), " unanswerable:", n_un, " follow-up chains:", chains)
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data x kind:")
for (d, k), n in sorted(Counter((it["data"], it["kind"]) for it in ITEMS).items()):
    print(f"  {d:6s} {k:14s} {n}")
