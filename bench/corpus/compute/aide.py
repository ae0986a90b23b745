"""Writer `aide` (policy aide, EP industry committee). Computes every expected figure
from the data files and writes questions.jsonl next to this script."""
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

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    df = pd.read_csv(path)
    # exact duplicates (and copies differing only in the AC/DC metadata) are counted once
    df = df.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not df.duplicated(KEY).any(), path
    return df


MK = {"real": load_market(REAL_MARKET), "sample": load_market(S_MARKET)}

pr = pd.read_parquet(REAL_PRICES)
pr["date"] = pd.to_datetime(pr["date"])
ps = pd.read_csv(S_PRICES)
ps["date"] = pd.to_datetime(ps["date"])
PR = {"real": pr, "sample": ps}
FIN = pd.read_csv(S_FIN)

SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "mp": "Forecast - Most probable", "hist": "Historical Primary"}

EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]
EUROPE_NON_EU = ["Albania", "Belarus", "Bosnia Herzegovina", "Iceland", "Kosovo", "Montenegro",
                 "North Macedonia", "Norway", "Republic of Moldova", "Russia", "Serbia",
                 "Switzerland", "Türkiye", "UK", "Ukraine"]
EUROPE = EU27 + EUROPE_NON_EU
AGGREGATES = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
              "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
              "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
              "South America", "South Asia", "South Europe", "Southeast Asia",
              "Southern Africa", "World"}


def countries(data):
    return sorted(set(MK[data].Territory) - AGGREGATES)


def last_hist(data, terr):
    d = MK[data]
    return int(d[(d.Territory == terr) & (d.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def v(data, terr, year, typ="Annual", conn="Total", scen=None):
    d = MK[data]
    s = scen_for(data, terr, year, scen)
    if data == "real" and typ == "Cumulative":
        assert s == "Historical Primary", "no forecast cumulative from the real CSV"
    r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
          & (d.Connection == conn) & (d.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: v(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    d = MK[data]
    r = d[(d.Territory == terr) & (d.Scenario == "Historical Primary") & (d.Connection == conn)
          & (d.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return dict(zip(r.Year.astype(int), r["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def argmax(dct):
    m = max(dct.values())
    ks = [k for k, x in dct.items() if x == m]
    assert len(ks) == 1, ("tie", ks)
    return ks[0], m


def argmin(dct):
    m = min(dct.values())
    ks = [k for k, x in dct.items() if x == m]
    assert len(ks) == 1, ("tie", ks)
    return ks[0], m


def rank(data, terrs, year, n, typ="Annual", conn="Total", scen=None, reverse=True):
    d = MK[data]
    vals = {}
    for t in terrs:
        s = scen_for(data, t, year, scen) if t in set(d.Territory) else None
        r = d[(d.Territory == t) & (d.Year == year) & (d.Scenario == s) & (d.Connection == conn)
              & (d.Type == typ)]
        if len(r) == 1:
            vals[t] = float(r["Capacity(MW)"].iloc[0])
    order = sorted(vals.items(), key=lambda kv: kv[1], reverse=reverse)
    # the N-th and (N+1)-th must differ, or the ranking is ambiguous
    assert order[n - 1][1] != order[n][1]
    return order[:n]


# ---------------- prices ----------------
def pser(data, item, desc, region, unit=None):
    d = PR[data]
    r = d[(d.item == item) & (d.description == desc) & (d.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    assert len(r) > 0
    return r.sort_values("date")


def p_latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, ("several obs on latest date", len(r))
    return float(r.base_price.iloc[0]), d


def p_first(s):
    d = s.date.min()
    r = s[s.date == d]
    assert len(r) == 1
    return float(r.base_price.iloc[0]), d


def p_on(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (date, len(r))
    return float(r.base_price.iloc[0])


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_between(s, a, b):
    return s[(s.date >= pd.Timestamp(a)) & (s.date <= pd.Timestamp(b))]


def p_ext(s, which):
    m = s.base_price.max() if which == "max" else s.base_price.min()
    r = s[s.base_price == m]
    return float(m), list(r.date)


def single_per_date(s):
    return not s.duplicated("date").any()


# ---------------- financials ----------------
def fin(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0])


# ---------------- items ----------------
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"aide-{len(ITEMS) + 1:03d}", "writer": "aide", "data": data, "agent": agent,
          "turns": turns, "answerable": answerable, "kind": kind,
          "expect": expect or [], "names": names or [], "how": how}
    if not answerable:
        it["why"] = why
        assert not it["expect"]
    ITEMS.append(it)


def MW(x):
    return {"value": x, "unit": "MW"}


def PC(x):
    return {"value": x, "unit": "%"}


def X(x):
    return {"value": x, "unit": "x"}


def U(x, unit):
    return {"value": x, "unit": unit}


# =====================================================================
# REAL market: lookups
# =====================================================================
R = "real"
add(R, "market", "For the rapporteur's note on the Polish market, how much PV capacity did Poland install in 2024?",
    "lookup", [MW(v(R, "Poland", 2024))], how="Poland 2024 Historical Primary Total Annual")
add(R, "market", "Ahead of Thursday's committee vote, could you confirm Germany's total installed PV base at the end of 2024?",
    "lookup", [MW(v(R, "Germany", 2024, "Cumulative"))], how="Germany 2024 Historical Primary Total Cumulative")
add(R, "market", "We are reviewing national rooftop support schemes. How much distributed PV did France add in 2024?",
    "lookup", [MW(v(R, "France", 2024, conn="Distributed"))], how="France 2024 Historical Primary Distributed Annual")
add(R, "market", "For the NZIA deployment annex: in the high scenario, how much is Italy expected to install in 2030?",
    "lookup", [MW(v(R, "Italy", 2030, scen="high"))], how="Italy 2030 Forecast - High Total Annual")
add(R, "market", "The German minister's office says 2024 additions exceeded 17,000 MW. Is that right? Please give the exact figure.",
    "lookup", [MW(v(R, "Germany", 2024))], how="Germany 2024 Historical Primary Total Annual")

# rankings ------------------------------------------------------------
top_eu24 = rank(R, EU27, 2024, 3)
assert [t for t, _ in rank(R, EUROPE, 2024, 3)] == [t for t, _ in top_eu24]
add(R, "market", "Which three EU member states added the most PV capacity in 2024, and how much did each add?",
    "rank", [MW(x) for _, x in top_eu24], [t for t, _ in top_eu24],
    how="rank EU27 countries, 2024 Historical Primary Total Annual, top 3 (same among all European countries)")
top_w24 = rank(R, countries(R), 2024, 5)
add(R, "market", "For the global context section of the report, please list the top five countries worldwide by new PV installations in 2024.",
    "rank", [MW(x) for _, x in top_w24], [t for t, _ in top_w24],
    how="rank all non-aggregate territories, 2024 Historical Primary Total Annual, top 5")
top_cum23 = rank(R, EUROPE, 2023, 5, "Cumulative")
assert [t for t, _ in rank(R, EU27, 2023, 5, "Cumulative")] == [t for t, _ in top_cum23]
add(R, "market", "For a slide on Europe's installed base, rank the five European countries with the largest cumulative PV capacity at the end of 2023.",
    "rank", [MW(x) for _, x in top_cum23], [t for t, _ in top_cum23],
    how="rank European countries, 2023 Historical Primary Total Cumulative, top 5 (same for EU27)")
top_eu30 = rank(R, EU27, 2030, 3, scen="mp")
add(R, "market", "Looking ahead to the end of the NZIA horizon: under the most probable scenario, which will be the three largest EU markets in 2030?",
    "rank", [MW(x) for _, x in top_eu30], [t for t, _ in top_eu30],
    how="rank EU27 countries, 2030 Forecast - Most probable Total Annual, top 3")

# shares ----------------------------------------------------------------
add(R, "market", "What share of global PV installations did Germany account for in 2024?",
    "share", [PC(v(R, "Germany", 2024) / v(R, "World", 2024) * 100)],
    how="Germany 2024 Annual Total / World 2024 Annual Total (Historical Primary)")
add(R, "market", "For the competitiveness chapter: what was the EU's share of the world's new PV capacity in 2023?",
    "share", [PC(v(R, "EU", 2023) / v(R, "World", 2023) * 100)],
    how="EU 2023 Annual Total / World 2023 Annual Total (Historical Primary)")
add(R, "market", "How large is China's share of the global installed PV base at the end of 2024?",
    "share", [PC(v(R, "China", 2024, "Cumulative") / v(R, "World", 2024, "Cumulative") * 100)],
    how="China 2024 Cumulative Total / World 2024 Cumulative Total")
add(R, "market", "The Italian MEPs keep stressing self-consumption. What proportion of Italy's 2024 additions came from distributed systems?",
    "share", [PC(v(R, "Italy", 2024, conn="Distributed") / v(R, "Italy", 2024) * 100)],
    how="Italy 2024 Distributed Annual / Italy 2024 Total Annual")

# change ----------------------------------------------------------------
add(R, "market", "By what percentage did German annual installations grow between 2022 and 2023?",
    "change", [PC(pct(v(R, "Germany", 2022), v(R, "Germany", 2023)))],
    how="(Germany 2023 - 2022)/2022*100, Annual Total")
add(R, "market", "There are reports of a slowdown in the Netherlands after the net-metering debate. By how many MW did the Dutch market shrink from 2023 to 2024?",
    "change", [MW(v(R, "Netherlands", 2024) - v(R, "Netherlands", 2023))],
    how="Netherlands Annual Total 2024 - 2023 (negative = decline)")
add(R, "market", "For the explanatory statement, what was the compound annual growth rate of the EU's annual installations between 2019 and 2024?",
    "change", [PC(cagr(v(R, "EU", 2019), v(R, "EU", 2024), 5))],
    how="CAGR EU Annual Total 2019->2024, 5 years")
add(R, "market", "Under the most probable scenario, what CAGR does the forecast imply for France's annual additions from 2025 to 2030?",
    "change", [PC(cagr(v(R, "France", 2025, scen="mp"), v(R, "France", 2030, scen="mp"), 5))],
    how="CAGR France Forecast - Most probable Annual Total 2025->2030")

# compare ---------------------------------------------------------------
add(R, "market", "For the briefing table, please compare 2024 additions in Germany, France and Italy.",
    "compare", [MW(v(R, c, 2024)) for c in ["Germany", "France", "Italy"]], ["Germany", "France", "Italy"],
    how="2024 Annual Total for each of the three")
add(R, "market", "The rapporteur wants one striking number for the plenary speech. How many times larger was China's 2024 market than the EU's?",
    "compare", [X(v(R, "China", 2024) / v(R, "EU", 2024))],
    how="China 2024 Annual Total / EU 2024 Annual Total")
add(R, "market", "A colleague claims the US now installs more solar than the EU. Which of the two added more PV in 2024, and by how much?",
    "compare", [MW(abs(v(R, "EU", 2024) - v(R, "USA", 2024)))],
    ["EU" if v(R, "EU", 2024) > v(R, "USA", 2024) else "USA"],
    how="|EU 2024 - USA 2024| Annual Total; name the larger")

# extremes ----------------------------------------------------------------
y, m = argmax(hist_series(R, "Italy"))
add(R, "market", "Historically, what was Italy's record year for PV installations, and how much was installed that year?",
    "extreme", [MW(m)], [str(y)], how="max of Italy Historical Primary Annual Total over all historical years")
y, m = argmax(hist_series(R, "Spain"))
add(R, "market", "In which year did the Spanish market peak, looking only at historical data up to 2024?",
    "extreme", [MW(m)], [str(y)], how="max of Spain Historical Primary Annual Total")
y, m = argmin(hist_series(R, "Germany", y0=2010))
add(R, "market", "To illustrate the policy-driven slump after the feed-in tariff cuts: since 2010, in which year did Germany install the least PV?",
    "extreme", [MW(m)], [str(y)], how="min of Germany Historical Primary Annual Total, 2010-2024")

# averages & sums ---------------------------------------------------------
s = series(R, "Poland", 2020, 2024)
add(R, "market", "What were Polands average annual installations over 2020-2024?",
    "average", [MW(sum(s.values()) / len(s))], how="mean Poland Annual Total 2020..2024")
s = series(R, "EU", 2020, 2024)
add(R, "market", "To put the NZIA benchmark in perspective: what has the EU's average annual market been over 2020 to 2024?",
    "average", [MW(sum(s.values()) / len(s))], how="mean EU Annual Total 2020..2024")
s = series(R, "Germany", 2025, 2030, scen="high")
add(R, "market", "What average yearly additions does the high scenario foresee for Germany over 2025-2030?",
    "average", [MW(sum(s.values()) / len(s))], how="mean Germany Forecast - High Annual Total 2025..2030")
s = series(R, "Spain", 2019, 2024)
add(R, "market", "How much PV did Spain add in total from 2019 to 2024 inclusive?",
    "sum", [MW(sum(s.values()))], how="sum Spain Annual Total 2019..2024")
s = series(R, "Germany", 2025, 2030, scen="mp")
add(R, "market", "Berlin's targets are often quoted as a six-year pipeline. Summing the most probable forecast, how much new capacity would Germany add over 2025–2030?",
    "sum", [MW(sum(s.values()))], how="sum Germany Forecast - Most probable Annual Total 2025..2030")
add(R, "market", "What did France, Germany and Italy add together in 2023?",
    "sum", [MW(sum(v(R, c, 2023) for c in ["France", "Germany", "Italy"]))],
    how="sum of 2023 Annual Total for France, Germany, Italy")

# first / latest ------------------------------------------------------------
hs = hist_series(R, "Poland")
fy = min(y for y, x in hs.items() if x > 1000)
add(R, "market", "When did Poland's annual installations first exceed 1 GW?",
    "first_latest", [MW(hs[fy])], [str(fy)], how="first year Poland Annual Total > 1000 MW")
hs = hist_series(R, "Germany", "Cumulative")
fy = min(y for y, x in hs.items() if x > 50000)
add(R, "market", "In which year did Germany's installed base first pass 50 GW?",
    "first_latest", [MW(hs[fy])], [str(fy)], how="first year Germany Cumulative Total > 50000 MW")
ly = last_hist(R, "Ireland")
add(R, "market", "The Irish member asked about her country. What is the most recent historical year available for Ireland, and how much was installed in that year?",
    "first_latest", [MW(v(R, "Ireland", ly))], [str(ly)], how="last Historical Primary year for Ireland, Annual Total")

# =====================================================================
# REAL prices
# =====================================================================
eu_topcon = pser(R, "Module", "n-type TOPCon", "EU")
cn_topcon = pser(R, "Module", "n-type TOPCon", "China")
us_topcon = pser(R, "Module", "n-type TOPCon", "US")
for s_ in (eu_topcon, cn_topcon, us_topcon):
    assert single_per_date(s_)
val, d = p_latest(eu_topcon)
add(R, "price", "What is the latest price for n-type TOPCon modules in the EU?",
    "price", [U(val, "US$/Wp")], [], how=f"Module n-type TOPCon EU, newest date {d.date()}")
vals = {"EU": p_latest(eu_topcon)[0], "China": p_latest(cn_topcon)[0], "US": p_latest(us_topcon)[0]}
add(R, "price", "For the debate on the NZIA resilience criteria: how do the latest TOPCon module prices compare across the EU, China and the US?",
    "price", [U(vals["EU"], "US$/Wp"), U(vals["China"], "US$/Wp"), U(vals["US"], "US$/Wp")],
    ["EU", "China", "US"], how="latest Module n-type TOPCon in EU, China, US (each series' newest date)")
f_val, f_d = p_first(eu_topcon)
l_val, l_d = p_latest(eu_topcon)
add(R, "price", "By how much, in percent, has the EU TOPCon module price changed since the series began?",
    "price", [PC(pct(f_val, l_val))], how=f"Module n-type TOPCon EU, first {f_d.date()} -> latest {l_d.date()}")
eu_perc = pser(R, "Module", "p-type mono-Si PERC M10", "EU")
assert single_per_date(eu_perc)
s24 = p_between(eu_perc, "2024-01-01", "2024-12-31")
mn, dates = p_ext(s24, "min")
add(R, "price", "European installers tell us PERC stock was being dumped last year. What was the lowest EU price for p-type mono PERC M10 modules during 2024?",
    "price", [U(mn, "US$/Wp")], how="min of Module p-type mono-Si PERC M10 EU over 2024 dates")
s24 = p_between(eu_topcon, "2024-01-01", "2024-12-31")
add(R, "price", "What was the average EU price for n-type TOPCon modules across the 2024 observations?",
    "price", [U(float(s24.base_price.mean()), "US$/Wp")], how="mean of weekly Module n-type TOPCon EU obs dated 2024")
poly = pser(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
val, d = p_latest(poly)
add(R, "price", "Where does high-purity (9N/9N+) polysilicon stand outside China at the latest reading?",
    "price", [U(val, "US$/kg")], how=f"Polysilicon High purity - 9N/9N+ Overseas, newest date {d.date()}")
cu = pser(R, "Copper", "Copper", "Overseas")
add(R, "price", "For the raw-materials annex, what was the copper price in March 2024?",
    "price", [U(p_month(cu, "2024-03"), "US$/t")], how="Copper monthly, 2024-03")
eva = pser(R, "EVA", "EVA", "Overseas")
mx, dates = p_ext(eva, "max")
assert len(dates) == 1
add(R, "price", "When did the EVA encapsulant price peak, and at what level?",
    "price", [U(mx, "US$/t")], [dates[0].strftime("%Y")], how="max of EVA monthly series; month " + dates[0].strftime("%Y-%m"))
ag = pser(R, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "Silver paste is a big cost driver for cell makers. What was the silver price in June 2024?",
    "price", [U(p_month(ag, "2024-06"), "K US$/t")], how="Silver monthly (K US$/t series), 2024-06")
add(R, "price", "What was the EU spot price for TOPCon modules in the week of 3 April 2024?",
    "price", [U(p_on(eu_topcon, "2024-04-03"), "US$/Wp")], how="Module n-type TOPCon EU dated 2024-04-03")

# =====================================================================
# REAL follow-up chains
# =====================================================================
add(R, "market", ["How much PV did Germany install in 2024?", "And France?"],
    "follow_up", [MW(v(R, "France", 2024))], how="France 2024 Annual Total")
add(R, "market", ["What does the most probable scenario forecast for Italian additions in 2028?",
                  "Same for the high scenario, please."],
    "follow_up", [MW(v(R, "Italy", 2028, scen="high"))], how="Italy 2028 Forecast - High Annual Total")
s = series(R, "Poland", 2019, 2024)
add(R, "market", ["Please show me Poland's annual installations from 2019 to 2024.", "Could you show that as a chart?"],
    "follow_up", [MW(x) for x in s.values()], how="Poland Annual Total 2019..2024, charted")
add(R, "market", ["What share of global installations did China account for in 2024?", "And the EU?"],
    "follow_up", [PC(v(R, "EU", 2024) / v(R, "World", 2024) * 100)], how="EU 2024 Annual / World 2024 Annual")
y, m = argmax(hist_series(R, "Belgium"))
add(R, "market", ["Historically, which was the Dutch market's record year?", "And Belgium's?"],
    "follow_up", [MW(m)], [str(y)], how="max Belgium Historical Primary Annual Total")
add(R, "market", ["How much centralised capacity did Germany add in 2024?", "And distributed?",
                  "What share of Germany's total 2024 additions is that?"],
    "follow_up", [PC(v(R, "Germany", 2024, conn="Distributed") / v(R, "Germany", 2024) * 100)],
    how="Germany 2024 Distributed Annual / Total Annual")
add(R, "price", ["What's the latest US price for n-type TOPCon modules?", "How does that compare with the EU?"],
    "follow_up", [U(p_latest(us_topcon)[0], "US$/Wp"), U(p_latest(eu_topcon)[0], "US$/Wp")],
    how="latest Module n-type TOPCon US and EU")
add(R, "market", ["Ahead of the trilogue I need a few Nordic figures. How much did Sweden install in 2023?",
                  "And in 2024?", "So what was the percentage change?"],
    "follow_up", [PC(pct(v(R, "Sweden", 2023), v(R, "Sweden", 2024)))],
    how="(Sweden 2024 - 2023)/2023*100, Annual Total")

# =====================================================================
# REAL unanswerable
# =====================================================================
def na(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why)


na(R, "market", "For the 2030 target discussion, what will Germany's cumulative installed PV capacity be at the end of 2030 under the most probable scenario?",
   "forecast cumulative values in the real CSV exclude the installed base, so the installed base in 2030 cannot be read from it")
na(R, "market", "What total installed base does the most probable scenario give the EU by the end of 2027?",
   "forecast cumulative figures in the real CSV do not include the installed base")
na(R, "market", "To compare with Beijing's plans, what is the most probable forecast for Chinese installations in 2027?",
   "forecasts exist only for European territories; none for China")
na(R, "market", "Under the low scenario, how much is Ukraine expected to add in 2026?",
   "Ukraine has high and most probable forecasts only, no low scenario")
na(R, "market", "What does the most probable scenario say about German additions in 2035?",
   "forecasts end in 2030")
na(R, "market", "How much onshore wind capacity did Germany add in 2024?",
   "wind is not in the data; PV only")
na(R, "market", "Italy is pushing behind-the-meter storage. How much battery storage capacity was installed in Italy in 2023?",
   "storage is not in the data")
na(R, "market", "How much electricity did Spanish PV plants generate in 2024, in TWh?",
   "generation (energy) is not held, only capacity in MW")
na(R, "market", "What is the current LCOE of utility-scale PV in France?",
   "LCOE is not held")
na(R, "market", "What was the Polish PV market worth in euros in 2024?",
   "market value in EUR is not held; only capacity")
na(R, "market", "How much PV capacity did Liechtenstein install in 2023?",
   "Liechtenstein is not among the territories")
na(R, "market", "How much solar did Germany install in March 2024 alone?",
   "data are annual; no monthly installations")
na(R, "market", "Of France's distributed additions in 2024, how much was residential and how much commercial rooftop?",
   "the data split only centralised / distributed / off-grid, not residential vs commercial")
na(R, "market", "For the Net-Zero Industry Act file: what is the EU's current domestic module manufacturing capacity compared with the 40% benchmark?",
   "manufacturing capacity of the EU is not held (only a few sample companies' capacities)")
na(R, "price", "What anti-dumping duty currently applies to Chinese modules imported into the EU?",
   "tariffs and duties are not held")
na(R, "price", "What is the current price of string inverters in Europe?",
   "inverters are not among the price items")
na(R, "price", "What is the latest TOPCon module price in Japan?",
   "no Japan region in the price data")
na(R, "price", "What does high-purity polysilicon cost in the EU at the moment?",
   "polysilicon prices are given only for China and Overseas, not the EU")
na(R, "price", "For a historical comparison, what were EU module prices in 2017?",
   "price series start in 2019")
na(R, "price", "What share of the final module price is accounted for by polysilicon?",
   "a share of a price (cost breakdown) is not held")
na(R, "manufacturer_financial", "Meyer Burger's situation comes up in every hearing. What revenue did Meyer Burger report for FY2024?",
   "Meyer Burger is not in the financials; only four sample companies")

# =====================================================================
# REAL financials (sample financials are loaded on the real instance too)
# =====================================================================
add(R, "manufacturer_financial", "What was Helios Modules' revenue in FY2024?",
    "financial", [U(fin("Helios", "FY2024", "Revenue"), "USD million")], how="Helios FY2024 Revenue")
add(R, "manufacturer_financial", "Summing its four quarters, what was SunForge Energy's net income in 2024?",
    "financial", [U(sum(fin("SunForge", f"2024-Q{q}", "Net income") for q in range(1, 5)), "USD million")],
    how="sum SunForge Net income 2024-Q1..Q4")

# =====================================================================
# SAMPLE market
# =====================================================================
S = "sample"
add(S, "market", "How much PV did Germnay install in 2024?",
    "lookup", [MW(v(S, "Germany", 2024))], how="sample: Germany 2024 Historical Primary Total Annual")
add(S, "market", "What does the high scenario foresee for Spanish additions in 2030?",
    "lookup", [MW(v(S, "Spain", 2030, scen="high"))], how="sample: Spain 2030 Forecast - High Annual Total")
add(S, "market", "The Commission's impact assessment uses installed-base figures. In the most probable scenario, what will Germany's installed base be at the end of 2030?",
    "lookup", [MW(v(S, "Germany", 2030, "Cumulative", scen="mp"))],
    how="sample: Germany 2030 Forecast - Most probable Cumulative Total (sample forecast cumulative includes the base)")
top = rank(S, countries(S), 2024, 3)
add(S, "market", "Which three countries installed the most PV in 2024?",
    "rank", [MW(x) for _, x in top], [t for t, _ in top], how="sample: rank countries 2024 Annual Total, top 3")
six = ["Germany", "France", "Italy", "Spain", "Poland", "Netherlands"]
low = rank(S, six, 2030, 1, scen="low", reverse=False)
add(S, "market", "Among Germany, France, Italy, Spain, Poland and the Netherlands, which has the smallest annual market in 2030 under the low scenario?",
    "rank", [MW(low[0][1])], [low[0][0]], how="sample: min of the six, 2030 Forecast - Low Annual Total")
add(S, "market", "What was Germany's share of world installations in 2024?",
    "share", [PC(v(S, "Germany", 2024) / v(S, "World", 2024) * 100)], how="sample: Germany / World 2024 Annual Total")
add(S, "market", "Under the most probable scenario, what share of global additions would Germany represent in 2030?",
    "share", [PC(v(S, "Germany", 2030, scen="mp") / v(S, "World", 2030, scen="mp") * 100)],
    how="sample: Germany / World 2030 Forecast - Most probable Annual Total")
add(S, "market", "For the Polish chapter: what was the CAGR of Poland's cumulative capacity between 2019 and 2024?",
    "change", [PC(cagr(v(S, "Poland", 2019, "Cumulative"), v(S, "Poland", 2024, "Cumulative"), 5))],
    how="sample: CAGR Poland Cumulative Total 2019->2024")
add(S, "market", "In the most probable scenario, how much are global annual additions expected to grow from 2025 to 2030, in %?",
    "change", [PC(pct(v(S, "World", 2025, scen="mp"), v(S, "World", 2030, scen="mp")))],
    how="sample: World Forecast - Most probable Annual Total 2025->2030 %")
add(S, "market", "The Franco-Dutch comparison came up in yesterday's ITRE hearing. Could you compare French and Dutch installations in 2024?",
    "compare", [MW(v(S, "France", 2024)), MW(v(S, "Netherlands", 2024))], ["France", "Netherlands"],
    how="sample: 2024 Annual Total France and Netherlands")
add(S, "market", "How many times bigger was the German installed base than the Polish one at the end of 2024?",
    "compare", [X(v(S, "Germany", 2024, "Cumulative") / v(S, "Poland", 2024, "Cumulative"))],
    how="sample: Germany / Poland 2024 Cumulative Total")
y, m = argmax(hist_series(S, "Poland"))
add(S, "market", "Which was Poland's best year for installations so far?",
    "extreme", [MW(m)], [str(y)], how="sample: max Poland Historical Primary Annual Total")
y, m = argmin(hist_series(S, "France"))
add(S, "market", "The French rapporteur argues the market was stagnant for years. In which historical year did France install the least?",
    "extreme", [MW(m)], [str(y)], how="sample: min France Historical Primary Annual Total")
s = series(S, "Germany", 2020, 2024)
add(S, "market", "For the German chapter of the briefing, what were Germany's average annual additions between 2020 and 2024?",
    "average", [MW(sum(s.values()) / len(s))], how="sample: mean Germany Annual Total 2020..2024")
s = series(S, "Italy", 2021, 2024)
add(S, "market", "How much did Italy instal in total over 2021-2024?",
    "sum", [MW(sum(s.values()))], how="sample: sum Italy Annual Total 2021..2024")
hs = hist_series(S, "Spain")
fy = min(y for y, x in hs.items() if x > 5000)
add(S, "market", "In which year did Spain's annual market first go above 5 GW?",
    "first_latest", [MW(hs[fy])], [str(fy)], how="sample: first year Spain Annual Total > 5000 MW")

# SAMPLE follow-ups
add(S, "market", ["How much did Italy install in 2023?", "And Spain?"],
    "follow_up", [MW(v(S, "Spain", 2023))], how="sample: Spain 2023 Annual Total")
add(S, "market", ["What is the most probable forecast for German additions in 2026?", "And in the low scenario?"],
    "follow_up", [MW(v(S, "Germany", 2026, scen="low"))], how="sample: Germany 2026 Forecast - Low Annual Total")
s = series(S, "France", 2015, 2024, "Cumulative")
add(S, "market", ["What was France's cumulative capacity at the end of 2024?",
                  "Could you chart how it built up from 2015 to 2024?"],
    "follow_up", [MW(x) for x in s.values()], how="sample: France Cumulative Total 2015..2024, charted")

# =====================================================================
# SAMPLE prices
# =====================================================================
s_eu_top = pser(S, "Module", "n-type TOPCon", "EU")
s_cn_top = pser(S, "Module", "n-type TOPCon", "China")
val, d = p_latest(s_eu_top)
add(S, "price", "What is the latest EU price for n-type TOPCon modules?",
    "price", [U(val, "US$/Wp")], how=f"sample: Module n-type TOPCon EU newest {d.date()}")
s_cn_perc = pser(S, "Module", "p-type mono-Si PERC M10", "China")
add(S, "price", "What did PERC M10 modules cost in China in March 2024?",
    "price", [U(p_month(s_cn_perc, "2024-03"), "US$/Wp")], how="sample: Module p-type mono-Si PERC M10 China 2024-03")
eu6, cn6 = p_month(s_eu_top, "2024-06"), p_month(s_cn_top, "2024-06")
add(S, "price", "For the debate on the NZIA non-price criteria: in June 2024, how much more expensive were TOPCon modules in the EU than in China, in percent?",
    "price", [U(eu6, "US$/Wp"), U(cn6, "US$/Wp"), PC((eu6 - cn6) / cn6 * 100)],
    how="sample: Module n-type TOPCon EU vs China 2024-06; premium (EU-CN)/CN*100")
s_poly_cn = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
mn, dates = p_ext(s_poly_cn, "min")
assert len(dates) == 1
add(S, "price", "Upstream, the Chinese price collapse is the real story. What was the lowest Chinese polysilicon price (9N/9N+) in the series, and when?",
    "price", [U(mn, "US$/kg")], [dates[0].strftime("%Y")], how="sample: min Polysilicon 9N China; month " + dates[0].strftime("%Y-%m"))
s_eu_hjt = pser(S, "Module", "n-type HJT", "EU")
add(S, "price", "How much did the EU HJT module price change from January 2023 to December 2024, in percent?",
    "price", [PC(pct(p_month(s_eu_hjt, "2023-01"), p_month(s_eu_hjt, "2024-12")))],
    how="sample: Module n-type HJT EU 2023-01 -> 2024-12 %")
s_us_top = pser(S, "Module", "n-type TOPCon", "US")
add(S, "price", "Our US counterparts at Congress quote their module prices a lot. What was the average US TOPCon module price over 2024?",
    "price", [U(float(p_between(s_us_top, "2024-01-01", "2024-12-31").base_price.mean()), "US$/Wp")],
    how="sample: mean of monthly Module n-type TOPCon US, 2024-01..2024-12")
dec = {r: p_month(pser(S, "Module", "n-type TOPCon", r), "2024-12") for r in ["China", "EU", "US", "India"]}
cheap = min(dec, key=dec.get)
assert sorted(dec.values())[0] != sorted(dec.values())[1]
add(S, "price", "Which region had the cheapest TOPCon modules in December 2024?",
    "price", [U(dec[cheap], "US$/Wp")], [cheap], how="sample: min over regions of Module n-type TOPCon 2024-12")
a, b = p_latest(s_eu_top)[0], p_latest(s_eu_hjt)[0]
add(S, "price", "In the EU, how do the latest TOPCon and HJT module prices compare?",
    "price", [U(a, "US$/Wp"), U(b, "US$/Wp")], ["TOPCon", "HJT"], how="sample: latest Module n-type TOPCon EU and n-type HJT EU")
add(S, "price", ["What's the latest EU price for n-type TOPCon modules?", "And in China?"],
    "follow_up", [U(p_latest(s_cn_top)[0], "US$/Wp")], how="sample: latest Module n-type TOPCon China")
poly_eu = pser(S, "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", ["What did polysilicon (9N/9N+) cost in the EU in January 2024?", "And at the end of the year, in December 2024?",
                 "What is the change in percent?"],
    "follow_up", [PC(pct(p_month(poly_eu, "2024-01"), p_month(poly_eu, "2024-12")))],
    how="sample: Polysilicon 9N EU 2024-01 -> 2024-12 %")

# =====================================================================
# SAMPLE financials
# =====================================================================
add(S, "manufacturer_financial", "What gross margin did Nordlicht Solar AG report for 2024-Q4?",
    "financial", [U(fin("Nordlicht", "2024-Q4", "Gross margin"), "%")], how="Nordlicht 2024-Q4 Gross margin")
add(S, "manufacturer_financial", "Nordlicht is the only European manufacturer in our set. By how much did its revenue fall from FY2023 to FY2024, in percent?",
    "financial", [PC(pct(fin("Nordlicht", "FY2023", "Revenue"), fin("Nordlicht", "FY2024", "Revenue")))],
    how="Nordlicht Revenue FY2023 -> FY2024 %")
ship = {c: fin(c, "FY2024", "Module shipments") for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
order = sorted(ship, key=ship.get, reverse=True)
full = {c: FIN[FIN.company.str.startswith(c)].company.iloc[0].replace(" (sample)", "") for c in ship}
add(S, "manufacturer_financial", "Please rank the manufacturers by module shipments in FY2024.",
    "financial", [U(ship[c], "GW") for c in order], [full[c].split()[0] for c in order],
    how="FY2024 Module shipments, all four companies, descending")
gm = {c: fin(c, "2024-Q4", "Gross margin") for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
lowc = min(gm, key=gm.get)
add(S, "manufacturer_financial", "Margins across the industry are under pressure. Which company had the weakest gross margin in 2024-Q4?",
    "financial", [U(gm[lowc], "%")], [full[lowc].split()[0]], how="min 2024-Q4 Gross margin over the four companies")
q = [fin("Helios", f"2024-Q{i}", "Gross margin") for i in range(1, 5)]
add(S, "manufacturer_financial", "What was Helios Modules' average quarterly gross margin across 2024?",
    "financial", [PC(sum(q) / 4)], how="mean Helios Gross margin 2024-Q1..Q4")
add(S, "manufacturer_financial", "Quarter on quarter, how did Aurora PV Group's module shipments change from 2024-Q3 to 2024-Q4, in %?",
    "financial", [PC(pct(fin("Aurora", "2024-Q3", "Module shipments"), fin("Aurora", "2024-Q4", "Module shipments")))],
    how="Aurora Module shipments 2024-Q3 -> 2024-Q4 %")
add(S, "manufacturer_financial", ["What was Helios Modules' revenue in FY2024?", "And SunForge Energy's?"],
    "follow_up", [U(fin("SunForge", "FY2024", "Revenue"), "USD million")], how="SunForge FY2024 Revenue")

# =====================================================================
# SAMPLE unanswerable
# =====================================================================
na(S, "market", "For the Benelux comparison, how much PV did Belgium install in 2023?",
   "the sample covers only Germany, France, Italy, Spain, Poland, the Netherlands and World")
na(S, "market", "What were German installations in 2010?",
   "the sample starts in 2015")
na(S, "market", "How much offshore wind did the Netherlands add in 2024?",
   "wind is not in the data")
na(S, "market", "What share of Poland's electricity generation comes from PV?",
   "generation / power-mix share is not held")
na(S, "price", "What will EU TOPCon module prices be in March 2025?",
   "sample prices end in December 2024; no price forecasts")
na(S, "price", "What did n-type M10 wafers cost in the US in 2024?",
   "wafer prices in the sample are only for China and the EU")
na(S, "price", "What are current PPA prices for solar in Spain?",
   "PPA prices are not held")
na(S, "manufacturer_financial", "What was LONGi's revenue in 2024?",
   "LONGi is not among the sample companies")
na(S, "manufacturer_financial", "How much did Helios Modules spend on R&D in FY2024?",
   "R&D spending is not a metric in the financials")
na(S, "manufacturer_financial", "What was Nordlicht Solar's EBITDA in 2023?",
   "EBITDA is not a metric in the financials")


# =====================================================================
# self-check
# =====================================================================
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
assert n_un >= 28, n_un
n_fu = sum(len(i["turns"]) >= 2 for i in ITEMS)
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert isinstance(e["value"], float) and e["value"] == e["value"], i
    assert i["how"] or not i["answerable"]
    assert i["data"] in ("real", "sample")
    assert i["agent"] in ("market", "price", "manufacturer_financial")

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print("items", len(ITEMS), "unanswerable", n_un, "follow-up chains", n_fu)
print("by data", dict(Counter(i["data"] for i in ITEMS)))
print("by agent", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind", dict(Counter(i["kind"] for i in ITEMS)))
print("kind x data", dict(Counter((i["kind"], i["data"]) for i in ITEMS)))
