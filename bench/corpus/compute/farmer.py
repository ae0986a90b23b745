#!/usr/bin/env python3
"""Writer `farmer`: computes every expected figure from the data files and writes questions.jsonl.

Persona: a farmer / landowner (south-west France, near the Spanish border) weighing agrivoltaics
and a land lease to a solar developer. Plain, loose wording.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
W = "farmer"

# ---------------------------------------------------------------- data
REAL_MKT = "/work/shared/datasets/market-database-fy.csv"
REAL_PRC = "/work/shared/datasets/component-prices.parquet"
SMP_MKT = "/work/main/data/sample/market.csv"
SMP_PRC = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    m = pd.read_csv(path).drop_duplicates()
    # key duplicates left only differ in AC/DC / Estimated flags (same capacity): count once
    assert (m.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    m = m.drop_duplicates(KEY)
    return m.rename(columns={"Capacity(MW)": "MW"})


MK = {"real": load_market(REAL_MKT), "sample": load_market(SMP_MKT)}
PR = {"real": pd.read_parquet(REAL_PRC), "sample": pd.read_csv(SMP_PRC, parse_dates=["date"])}
FN = pd.read_csv(FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
HIST = "Historical Primary"
SCN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


def last_hist(d, terr):
    m = MK[d]
    return int(m[(m.Territory == terr) & (m.Scenario == HIST)].Year.max())


def scen_for(d, terr, year, scen=None):
    if scen:
        return SCN[scen]
    return HIST if year <= last_hist(d, terr) else SCN["mp"]


def mw(d, terr, year, typ="Annual", conn="Total", scen=None):
    m = MK[d]
    s = scen_for(d, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)]
    assert len(r) == 1, (d, terr, year, typ, conn, s, len(r))
    return float(r.MW.iloc[0])


def series(d, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mw(d, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_rows(d, terr, typ="Annual", conn="Total"):
    m = MK[d]
    h = m[(m.Territory == terr) & (m.Scenario == HIST) & (m.Type == typ) & (m.Connection == conn)]
    return {int(y): float(v) for y, v in sorted(zip(h.Year, h.MW))}


def countries(d, year, typ="Annual", conn="Total", scen=None):
    m = MK[d]
    out = {}
    for t in sorted(set(m.Territory) - AGGREGATES):
        s = scen_for(d, t, year, scen)
        r = m[(m.Territory == t) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn) & (m.Type == typ)]
        if len(r) == 1:
            out[t] = float(r.MW.iloc[0])
    return out


def topn(d, year, n, typ="Annual", conn="Total", scen=None, among=None):
    c = countries(d, year, typ, conn, scen)
    if among:
        c = {k: v for k, v in c.items() if k in among}
    return sorted(c.items(), key=lambda kv: -kv[1])[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1) * 100.0


def pseries(d, item, desc, region, unit=None):
    p = PR[d]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    # one value per date (clean series only)
    assert (s.groupby("date").base_price.nunique() == 1).all(), (item, desc, region)
    s = s.drop_duplicates("date").sort_values("date")
    return s[["date", "base_price", "unit"]].reset_index(drop=True)


def p_latest(s):
    r = s.iloc[-1]
    return r.date, float(r.base_price)


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_span(s, a=None, b=None):
    if a:
        s = s[s.date >= pd.Timestamp(a)]
    if b:
        s = s[s.date <= pd.Timestamp(b)]
    return s


def fin(company, period, metric):
    r = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
COMPANIES = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    it = {"id": f"{W}-{len(ITEMS) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in expect],
          "names": [str(n) for n in names], "how": how}
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def U(data, agent, turns, why, how="not in the data"):
    add(data, agent, turns, "unanswerable", why=why, how=how)


R, S = "real", "sample"
MKT, PRC, FIN_A = "market", "price", "manufacturer_financial"

# ======================= REAL: market =======================
# lookups
add(R, MKT, ["A developer knocked on my door last week about putting a ground-mounted array on my "
             "back fields. Just to get a feel, how much solar did France install in 2024?"],
    "lookup", [(mw(R, "France", 2024), "MW")], how="real CSV: France 2024 Historical Primary Total Annual")
add(R, MKT, ["my neighbour says Spain is miles ahead of us. whats spains total installed solar base at end of 2023"],
    "lookup", [(mw(R, "Spain", 2023, "Cumulative"), "MW")], how="Spain 2023 HP Total Cumulative")
add(R, MKT, ["How much centralised PV (the big utility-scale ground-mounted farms) did Germany add in 2023?"],
    "lookup", [(mw(R, "Germany", 2023, conn="Centralised"), "MW")], how="Germany 2023 HP Centralised Annual")
add(R, MKT, ["Italian neighbours of my cousin all have panels on the barn roofs now. How much distributed "
             "solar did Italy put in in 2024?"],
    "lookup", [(mw(R, "Italy", 2024, conn="Distributed"), "MW")], how="Italy 2024 HP Distributed Annual")
add(R, MKT, ["The developer says the french market will keep going. How many MW is France expected to "
             "install in 2027?"],
    "lookup", [(mw(R, "France", 2027), "MW")], how="France 2027 Forecast - Most probable Total Annual")
add(R, MKT, ["The developer is German so I'm curious about their home market. In the high scenario, how much new PV would Germany add in 2030?"],
    "lookup", [(mw(R, "Germany", 2030, scen="high"), "MW")], how="Germany 2030 Forecast - High Total Annual")

# rankings (countries only)
t5 = topn(R, 2024, 5)
add(R, MKT, ["Trying to understand the big picture before I sign anything. Which 5 countries put in the most new solar in 2024?"],
    "rank", [(v, "MW") for _, v in t5], [k for k, _ in t5], how="countries only (aggregates excluded), 2024 HP Total Annual, top 5")
among = ["France", "Spain", "Italy", "Germany", "Poland"]
r5 = topn(R, 2024, 5, among=among)
add(R, MKT, ["Rank France, Spain, Italy, Germany and Poland by how much PV each added in 2024, biggest first."],
    "rank", [(v, "MW") for _, v in r5], [k for k, _ in r5], how="2024 HP Total Annual for the five, sorted desc")
t3c = topn(R, 2024, 3, typ="Cumulative")
add(R, MKT, ["top 3 countries by total installed solar capacity at the end of 2024?"],
    "rank", [(v, "MW") for _, v in t3c], [k for k, _ in t3c], how="countries only, 2024 HP Total Cumulative, top 3")
t1f = topn(R, 2030, 1)
add(R, MKT, ["Looking ahead, of the countries you have forecasts for, which one is expected to add the most solar in 2030 (most probable case)?"],
    "rank", [(t1f[0][1], "MW")], [t1f[0][0]], how="countries with 2030 Forecast - Most probable Total Annual, max (aggregates excluded)")

# shares
add(R, MKT, ["Everyone says the panels all come from China and go to China. What share of the world's new solar in 2024 was installed in China?"],
    "share", [(mw(R, "China", 2024) / mw(R, "World", 2024) * 100, "%")], how="China / World, 2024 HP Total Annual")
add(R, MKT, ["Of what France put in in 2024, what percentage was centralised, i.e. ground-mounted parks rather than rooftops?"],
    "share", [(mw(R, "France", 2024, conn="Centralised") / mw(R, "France", 2024) * 100, "%")],
    how="France 2024 Centralised / Total, Annual HP")
add(R, MKT, ["how much of Spain's 2023 installations were distributed (rooftop) as a percent of its total"],
    "share", [(mw(R, "Spain", 2023, conn="Distributed") / mw(R, "Spain", 2023) * 100, "%")],
    how="Spain 2023 Distributed / Total, Annual HP")

# changes
add(R, MKT, ["Italy seems to have taken off lately. How much did Italy's installations grow from 2022 to 2023, in percent?"],
    "change", [(pct(mw(R, "Italy", 2022), mw(R, "Italy", 2023)), "%")], how="(Italy 2023 - 2022)/2022 Annual HP Total")
add(R, MKT, ["I'd like to know if the french market is really growing. What's the CAGR of France's yearly "
             "installations from 2019 to 2024?"],
    "change", [(cagr(mw(R, "France", 2019), mw(R, "France", 2024), 5), "%")], how="CAGR France Annual HP Total 2019->2024, 5 years")
add(R, MKT, ["Poland 2024 vs 2023 new installs - how many MW up or down year on year?"],
    "change", [(mw(R, "Poland", 2024) - mw(R, "Poland", 2023), "MW")], how="Poland Annual HP Total 2024 minus 2023")
add(R, MKT, ["The developer told me the Dutch market has cooled off. By what % did Netherlands "
             "annual installs change 2023 to 2024?"],
    "change", [(pct(mw(R, "Netherlands", 2023), mw(R, "Netherlands", 2024)), "%")],
    how="(NL 2024 - 2023)/2023 Annual HP Total")

# comparisons
fr24, es24 = mw(R, "France", 2024), mw(R, "Spain", 2024)
add(R, MKT, ["We're right on the border so I keep hearing about Spain. Who installed more in 2024, France or Spain, and by how much?"],
    "compare", [(fr24, "MW"), (es24, "MW"), (abs(es24 - fr24), "MW")], ["Spain" if es24 > fr24 else "France"],
    how="France vs Spain 2024 Annual HP Total, difference")
add(R, MKT, ["We sell potatoes up north to Belgium and the Netherlands. Compare the installed base at end of 2024 for Belgium, the Netherlands and Germany"],
    "compare", [(mw(R, t, 2024, "Cumulative"), "MW") for t in ["Belgium", "Netherlands", "Germany"]],
    how="2024 HP Total Cumulative for each")
add(R, MKT, ["My brother-in-law farms in Ireland. How many times more solar did the UK add than Ireland in 2024?"],
    "compare", [(mw(R, "UK", 2024) / mw(R, "Ireland", 2024), "x")], how="UK / Ireland 2024 Annual HP Total")

# extremes (historical span only)
def peak(d, terr, typ="Annual", conn="Total", lo=None, hi=None, fn=max):
    m = MK[d]
    h = m[(m.Territory == terr) & (m.Scenario == HIST) & (m.Type == typ) & (m.Connection == conn)]
    if lo:
        h = h[h.Year >= lo]
    if hi:
        h = h[h.Year <= hi]
    v = fn(h.MW)
    yrs = h[h.MW == v].Year.tolist()
    assert len(yrs) == 1
    return int(yrs[0]), float(v)


y, v = peak(R, "Spain")
add(R, MKT, ["What was Spain's best year ever for new solar so far (historical data)?"],
    "extreme", [(v, "MW")], [y], how="max of Spain HP Total Annual over all historical years")
y, v = peak(R, "UK", lo=2010, fn=min)
add(R, MKT, ["since 2010 which year was the weakest for UK installations, and how low did it go?"],
    "extreme", [(v, "MW")], [y], how="min of UK HP Total Annual 2010-2024")
y, v = peak(R, "Germany")
add(R, MKT, ["Germany was the big one years ago I remember. In which year did Germany install the most PV, looking at actuals only?"],
    "extreme", [(v, "MW")], [y], how="max of Germany HP Total Annual over all historical years")

# averages
add(R, MKT, ["I want a normal year figure, not a one-off. On average how much did France add per year over 2020-2024?"],
    "average", [(sum(series(R, "France", 2020, 2024).values()) / 5, "MW")], how="mean France HP Total Annual 2020..2024")
fc = series(R, "Portugal", 2025, 2030)
add(R, MKT, ["Portugal - what's the average annual install expected over 2025-2030 in the most probable scenario?"],
    "average", [(sum(fc.values()) / len(fc), "MW")], how="mean Portugal Forecast - Most probable Total Annual 2025..2030")

# sums
add(R, MKT, ["Add up everything Italy installed from 2021 through 2024, what do you get?"],
    "sum", [(sum(series(R, "Italy", 2021, 2024).values()), "MW")], how="sum Italy HP Total Annual 2021..2024")
add(R, MKT, ["If the forecasts hold (most probable), how much will France install in total over 2025-2030?"],
    "sum", [(sum(series(R, "France", 2025, 2030).values()), "MW")], how="sum France Forecast - Most probable Total Annual 2025..2030")

# first / latest
ly = last_hist(R, "Ireland")
add(R, MKT, ["What's the most recent year you've got actual figures for Ireland, and how much went in that year?"],
    "first_latest", [(mw(R, "Ireland", ly), "MW")], [ly], how="last HP year for Ireland, Total Annual")
pl = hist_rows(R, "Poland")
fy = min(y for y, v in pl.items() if v >= 1000)
add(R, MKT, ["A Polish lad works for us at harvest, says every farm back home has panels now. When did Poland first install more than 1 GW in a single year?"],
    "first_latest", [(pl[fy], "MW")], [fy], how="first year Poland HP Total Annual >= 1000 MW")
gr = hist_rows(R, "Greece", typ="Cumulative")
fgr = min(y for y, v in gr.items() if v >= 5000)
add(R, MKT, ["In what year did Greece's installed base first go over 5,000 MW?"],
    "first_latest", [(gr[fgr], "MW")], [fgr], how="first year Greece HP Total Cumulative >= 5000 MW")

# ======================= REAL: prices =======================
s = pseries(R, "Module", "n-type TOPCon", "EU")
d, v = p_latest(s)
add(R, PRC, ["What's a TOPCon module going for in Europe right now, latest price?"],
    "price", [(v, "US$/Wp")], how=f"Module n-type TOPCon EU, latest date {d.date()}")
s_eu, s_us = pseries(R, "Module", "n-type HJT", "EU"), pseries(R, "Module", "n-type HJT", "US")
(de, ve), (du, vu) = p_latest(s_eu), p_latest(s_us)
add(R, PRC, ["HJT panels: latest price in the US versus the EU?"],
    "price", [(vu, "US$/Wp"), (ve, "US$/Wp")], how=f"Module n-type HJT latest: US {du.date()}, EU {de.date()}")
cu = pseries(R, "Copper", "Copper", "Overseas")
add(R, PRC, ["the cabling guy said copper went crazy. What was copper's price in March 2024?"],
    "price", [(p_month(cu, "2024-03"), "US$/t")], how="Copper Overseas monthly, 2024-03")
al = pseries(R, "Aluminium", "Aluminium", "Overseas")
i = al.base_price.idxmax()
assert (al.base_price == al.base_price[i]).sum() == 1
add(R, PRC, ["Aluminium for the mounting frames - when was it at its most expensive in your data and at what price?"],
    "price", [(al.base_price[i], "US$/t")], [al.date[i].strftime("%Y")], how=f"max Aluminium Overseas over whole series ({al.date[i].date()})")
tc = pseries(R, "Module", "n-type TOPCon", "China")
(d0, v0), (d1, v1) = (tc.date.iloc[0], float(tc.base_price.iloc[0])), p_latest(tc)
add(R, PRC, ["How much cheaper are TOPCon modules in China now compared with when your series starts? in %"],
    "price", [(pct(v0, v1), "%")], how=f"Module n-type TOPCon China, first {d0.date()} {v0} vs latest {d1.date()} {v1}")
pe = pseries(R, "Module", "p-type mono-Si PERC M10", "EU")
i = pe.base_price.idxmin()
add(R, PRC, ["Thinking of doing the cowshed roof myself too. Lowest price you have for PERC M10 modules in the EU?"],
    "price", [(pe.base_price[i], "US$/Wp")], how=f"min Module p-type mono-Si PERC M10 EU whole series ({pe.date[i].date()})")
reg = {r: p_latest(pseries(R, "Module", "n-type TOPCon", r)) for r in ["China", "EU", "US"]}
cheap = min(reg, key=lambda r: reg[r][1])
add(R, PRC, ["For TOPCon modules, which is cheapest at the latest date: China, the EU or the US?"],
    "price", [(reg[cheap][1], "US$/Wp")], [cheap],
    how="latest Module n-type TOPCon in China/EU/US (all " + ",".join(str(reg[r][0].date()) for r in reg) + "), min")
pu = pseries(R, "Module", "p-type mono-Si PERC M10", "US")
(a0, b0), (a1, b1) = (pu.date.iloc[0], float(pu.base_price.iloc[0])), p_latest(pu)
add(R, PRC, ["PERC M10 panels in the US: first price you have vs the latest one, what's the change in %?"],
    "price", [(b0, "US$/Wp"), (b1, "US$/Wp"), (pct(b0, b1), "%")], how=f"Module PERC M10 US first {a0.date()} vs latest {a1.date()}")

# ======================= REAL: follow-ups =======================
add(R, MKT, ["Comparing the Iberian side of the border. How much solar did Spain add in 2023?", "and Portugal?"],
    "follow_up", [(mw(R, "Portugal", 2023), "MW")], how="Portugal 2023 HP Total Annual")
add(R, MKT, ["What's Germany's installed base at the end of 2024?", "what about 2020?"],
    "follow_up", [(mw(R, "Germany", 2020, "Cumulative"), "MW")], how="Germany 2020 HP Total Cumulative")
add(R, MKT, ["How much is Italy expected to add in 2028?", "same for the high scenario"],
    "follow_up", [(mw(R, "Italy", 2028, scen="high"), "MW")], how="Italy 2028 Forecast - High Total Annual")
t3_22 = topn(R, 2022, 3)
add(R, MKT, ["Top 3 countries for solar installs in 2023?", "and in 2022?"],
    "follow_up", [(v, "MW") for _, v in t3_22], [k for k, _ in t3_22], how="countries only, 2022 HP Total Annual top 3")
add(R, PRC, ["Copper price in January 2024?", "and a year later?"],
    "follow_up", [(p_month(cu, "2025-01"), "US$/t")], how="Copper Overseas monthly 2025-01")
add(R, MKT, ["How much distributed PV did France put in in 2024?", "and centralised?",
             "so what % of France's 2024 total was the centralised bit"],
    "follow_up", [(mw(R, "France", 2024, conn="Centralised") / mw(R, "France", 2024) * 100, "%")],
    how="France 2024 Centralised / Total Annual HP")
nl = series(R, "Netherlands", 2020, 2024)
add(R, MKT, ["The Dutch are short on land so they do a lot of it on roofs and water. How much did the Netherlands install each year from 2020 to 2024?", "can you show that as a chart"],
    "follow_up", [(v, "MW") for v in nl.values()], how="NL HP Total Annual 2020..2024")
add(R, MKT, ["Belgium new installs 2024?", "hmm, and what was it the year before?", "so how much did it drop in %"],
    "follow_up", [(pct(mw(R, "Belgium", 2023), mw(R, "Belgium", 2024)), "%")], how="(BE 2024-2023)/2023 HP Total Annual")

# ======================= REAL: unanswerable =======================
U(R, MKT, ["Besides solar the same company does wind. How much wind power did France install in 2023?"],
  "wind capacity is not in the data (PV only)")
U(R, MKT, ["What's the LCOE of a utility-scale solar farm in Spain these days?"], "LCOE is not held")
U(R, MKT, ["How many GWh did German solar panels actually generate in 2024?"], "generation in GWh is not held, only capacity")
U(R, MKT, ["What will France's total installed PV be at the end of 2030, most probable case?"],
  "forecast cumulative figures in the real CSV exclude the installed base, so they cannot give the total fleet")
U(R, MKT, ["They want to add batteries too. How much battery storage was installed in Italy in 2024?"], "storage is not in the data")
U(R, MKT, ["What feed-in tariff does Ireland pay for small rooftop panels?"], "tariffs are not held")
U(R, MKT, ["How much agrivoltaic capacity (panels over crops or grazing) went in in France in 2024?"],
  "agrivoltaics is not a segment; only centralised / distributed / off-grid / total")
U(R, MKT, ["How much solar did France install back in 1985?"], "France data starts in 1992; 1985 is outside the data")
U(R, MKT, ["What's the forecast for German installations in 2035?"], "forecasts end in 2030")
U(R, MKT, ["How much solar went into the Occitanie region last year? thats where my farm is"],
  "sub-national regions are not in the data")
U(R, PRC, ["What are inverters costing per kW right now?"], "inverter prices are not in the price data")
U(R, PRC, ["What do TOPCon modules cost in Brazil at the moment?"], "Brazil is not a price region (China, EU, US, Overseas, India, Australia only)")
U(R, MKT, ["What's a typical land lease rent per hectare for solar farms in France? want to check the offer I got"],
  "land lease rents are not held")
U(R, PRC, ["What share of a module's price is the polysilicon?"], "a share of a price is not something the price data gives")
U(R, MKT, ["How big is the french solar market in euros, in value terms?"], "market value in EUR is not held, only MW")

# ======================= financials (sample file, loaded in both instances) =======================
v, u = fin(HEL, "FY2024", "Revenue")
add(R, FIN_A, ["The developer said they buy modules from Helios. What was Helios Modules' revenue for FY2024?"],
    "financial", [(v, u)], how="financials: Helios FY2024 Revenue")
v, u = fin(SUN, "FY2024", "Net income")
add(R, FIN_A, ["Did SunForge Energy make money in FY2024? whats the net income"],
    "financial", [(v, u)], how="financials: SunForge FY2024 Net income")
gm = {c: fin(c, "2024-Q4", "Gross margin")[0] for c in COMPANIES}
best = max(gm, key=gm.get)
add(S, FIN_A, ["Which of the panel makers had the best gross margin in 2024-Q4?"],
    "financial", [(gm[best], "%")], [best.replace(" (sample)", "")], how="max Gross margin 2024-Q4 across companies")
a, b = fin(NOR, "FY2023", "Revenue")[0], fin(NOR, "FY2024", "Revenue")[0]
add(R, FIN_A, ["Nordlicht Solar's revenue, how much did it change from FY2023 to FY2024 in %?"],
    "financial", [(pct(a, b), "%")], how="Nordlicht Revenue FY2023->FY2024 % change")
v, u = fin(AUR, "2024-Q3", "Module shipments")
add(R, FIN_A, ["How many modules did Aurora PV ship in Q3 2024?"],
    "financial", [(v, u)], how="Aurora 2024-Q3 Module shipments")
a, b = fin(HEL, "2023-Q1", "Production capacity")[0], fin(HEL, "2024-Q4", "Production capacity")[0]
add(S, FIN_A, ["Helios production capacity, how much did it grow between 2023-Q1 and 2024-Q4?"],
    "financial", [(b - a, "GW"), (pct(a, b), "%")], how="Helios Production capacity 2024-Q4 minus 2023-Q1, and %")
tot = sum(fin(c, "FY2024", "Module shipments")[0] for c in COMPANIES)
add(S, FIN_A, ["All the manufacturers you track together, how many GW of modules did they ship in FY2024?"],
    "financial", [(tot, "GW")], how="sum FY2024 Module shipments over 4 companies")
a, b = fin(HEL, "FY2023", "Net income")[0], fin(SUN, "FY2023", "Net income")[0]
add(R, FIN_A, ["Compare Helios and SunForge net income for FY2023"],
    "financial", [(a, "USD million"), (b, "USD million")], how="Helios vs SunForge FY2023 Net income")
add(S, FIN_A, ["What was Helios revenue in 2024-Q4?", "and SunForge's?"],
    "follow_up", [(fin(SUN, "2024-Q4", "Revenue")[0], "USD million")], how="SunForge 2024-Q4 Revenue")
U(S, FIN_A, ["How much profit did First Solar make last year?"], "First Solar is not among the companies in the financials")
U(R, FIN_A, ["How much debt does Helios Modules carry?"], "debt is not a metric in the financials")
U(S, FIN_A, ["What was Aurora PV's revenue in 2021?"], "financials cover 2023 and 2024 only")

# ======================= SAMPLE: market =======================
add(S, MKT, ["Our co-op meeting is next week and I need a couple of numbers. How much PV did France install in 2022?"],
    "lookup", [(mw(S, "France", 2022), "MW")], how="sample: France 2022 HP Total Annual")
add(S, MKT, ["netherlands total installed capacity end of 2024?"],
    "lookup", [(mw(S, "Netherlands", 2024, "Cumulative"), "MW")], how="sample: NL 2024 HP Total Cumulative")
add(S, MKT, ["Where is Spain's installed base expected to be at the end of 2030, most probable forecast?"],
    "lookup", [(mw(S, "Spain", 2030, "Cumulative"), "MW")], how="sample: Spain 2030 Forecast - Most probable Total Cumulative")
add(S, MKT, ["low scenario: how much would Germany add in 2026?"],
    "lookup", [(mw(S, "Germany", 2026, scen="low"), "MW")], how="sample: Germany 2026 Forecast - Low Total Annual")

t1 = topn(S, 2020, 1)
add(S, MKT, ["Covid year, I bet everything stopped. Which country installed the most solar in 2020?"],
    "rank", [(t1[0][1], "MW")], [t1[0][0]], how="sample countries (World excluded), 2020 HP Total Annual, max")
t3 = topn(S, 2030, 3, typ="Cumulative", scen="high")
add(S, MKT, ["In the high scenario, which 3 countries would have the biggest installed base by 2030?"],
    "rank", [(v, "MW") for _, v in t3], [k for k, _ in t3], how="sample countries, 2030 Forecast - High Total Cumulative top 3")
all6 = topn(S, 2024, 10)
add(S, MKT, ["Rank all the countries you have by 2024 installations please"],
    "rank", [(v, "MW") for _, v in all6], [k for k, _ in all6], how="sample countries (World excluded), 2024 HP Total Annual, sorted")

add(S, MKT, ["What share of the world's 2023 installations was Italian?"],
    "share", [(mw(S, "Italy", 2023) / mw(S, "World", 2023) * 100, "%")], how="sample: Italy / World 2023 HP Total Annual")
add(S, MKT, ["Poland 2024: what % of new capacity was distributed (rooftops)?"],
    "share", [(mw(S, "Poland", 2024, conn="Distributed") / mw(S, "Poland", 2024) * 100, "%")],
    how="sample: Poland 2024 Distributed / Total Annual")

g = series(S, "Germany", 2015, 2024, typ="Cumulative")
add(S, MKT, ["German installed base, what was the compound annual growth rate from 2015 to 2024?"],
    "change", [(cagr(g[2015], g[2024], 9), "%")], how="sample: CAGR Germany HP Total Cumulative 2015->2024, 9 years")
add(S, MKT, ["spain's new installs 2022 to 2023, year on year change in %?"],
    "change", [(pct(mw(S, "Spain", 2022), mw(S, "Spain", 2023)), "%")], how="sample: Spain HP Total Annual 2022->2023")
add(S, MKT, ["Is the French market expected to keep growing? % change in annual installs from 2025 to 2030 in the most probable forecast"],
    "change", [(pct(mw(S, "France", 2025), mw(S, "France", 2030)), "%")],
    how="sample: France Forecast - Most probable Total Annual 2025->2030")

add(S, MKT, ["France vs Germany installed base end of 2024, how far behind are we?"],
    "compare", [(mw(S, "France", 2024, "Cumulative"), "MW"), (mw(S, "Germany", 2024, "Cumulative"), "MW"),
                (mw(S, "Germany", 2024, "Cumulative") - mw(S, "France", 2024, "Cumulative"), "MW")],
    how="sample: France and Germany 2024 HP Total Cumulative, difference")
add(S, MKT, ["Compare Italy, Spain and the Netherlands for new capacity in 2021"],
    "compare", [(mw(S, t, 2021), "MW") for t in ["Italy", "Spain", "Netherlands"]], how="sample: 2021 HP Total Annual each")

y, v = peak(S, "Netherlands")
add(S, MKT, ["Which was the Netherlands' biggest year for new installs so far?"],
    "extreme", [(v, "MW")], [y], how="sample: max NL HP Total Annual 2015-2024")
y, v = peak(S, "Italy", conn="Distributed")
add(S, MKT, ["record year for Italian rooftop (distributed) installs in the historical data?"],
    "extreme", [(v, "MW")], [y], how="sample: max Italy HP Distributed Annual")

it = series(S, "Italy", 2015, 2024)
add(S, MKT, ["My wife's family are in Puglia, lots of panels on the farmland there. Average annual installations in Italy 2015-2024?"],
    "average", [(sum(it.values()) / len(it), "MW")], how="sample: mean Italy HP Total Annual 2015..2024")
wf = series(S, "World", 2025, 2030)
add(S, MKT, ["On average how much is the world expected to add each year 2025-2030, most probable?"],
    "average", [(sum(wf.values()) / len(wf), "MW")], how="sample: mean World Forecast - Most probable Total Annual 2025..2030")

add(S, MKT, ["Just to get a sense of scale. Total German additions 2020 through 2024 combined?"],
    "sum", [(sum(series(S, "Germany", 2020, 2024).values()), "MW")], how="sample: sum Germany HP Total Annual 2020..2024")
add(S, MKT, ["How much distributed PV did Spain add in total over 2021-2024?"],
    "sum", [(sum(series(S, "Spain", 2021, 2024, conn="Distributed").values()), "MW")],
    how="sample: sum Spain HP Distributed Annual 2021..2024")

spn = series(S, "Spain", 2015, 2024)
fy = min(y for y, v in spn.items() if v > 5000)
add(S, MKT, ["First year Spain put in more than 5 GW?"],
    "first_latest", [(spn[fy], "MW")], [fy], how="sample: first year Spain HP Total Annual > 5000 MW")
ly = last_hist(S, "Poland")
add(S, MKT, ["Latest actual (not forecast) figure for Polish installations?"],
    "first_latest", [(mw(S, "Poland", ly), "MW")], [ly], how="sample: last HP year Poland Total Annual")

# ======================= SAMPLE: prices =======================
s = pseries(S, "Module", "n-type TOPCon", "India")
d, v = p_latest(s)
add(S, PRC, ["A fellow on a farming forum imports panels from India. Latest TOPCon module price in India?"], "price", [(v, "US$/Wp")], how=f"sample: Module n-type TOPCon India latest {d.date()}")
s = pseries(S, "Module", "n-type HJT", "EU")
add(S, PRC, ["What did HJT modules cost in the EU in March 2024?"], "price", [(p_month(s, "2024-03"), "US$/Wp")],
    how="sample: Module n-type HJT EU 2024-03")
s = pseries(S, "Module", "p-type mono-Si PERC M10", "US")
i = s.base_price.idxmin()
assert (s.base_price == s.base_price[i]).sum() == 1
add(S, PRC, ["When were PERC M10 modules cheapest in the US and what was the price?"], "price",
    [(s.base_price[i], "US$/Wp")], [s.date[i].strftime("%Y")], how=f"sample: min Module PERC M10 US ({s.date[i].date()})")
reg = {r: p_month(pseries(S, "Module", "n-type TOPCon", r), "2024-12") for r in ["China", "EU", "US"]}
order = sorted(reg, key=reg.get)
add(S, PRC, ["TOPCon panels in December 2024 - compare China, EU and US, which was cheapest?"], "price",
    [(reg[r], "US$/Wp") for r in ["China", "EU", "US"]], [order[0]], how="sample: Module n-type TOPCon 2024-12 by region")
s = pseries(S, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, PRC, ["polysilicon in China, how much did the price change from Jan 2023 to Dec 2024 in percent"], "price",
    [(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), "%")], how="sample: Polysilicon 9N China 2023-01 -> 2024-12")
s = p_span(pseries(S, "PV glass", "Glass 3,2mm", "EU"), "2024-01-01", "2024-12-31")
add(S, PRC, ["average 3.2mm PV glass price in the EU during 2024?"], "price", [(s.base_price.mean(), "US$/m²")],
    how="sample: mean Glass 3,2mm EU monthly 2024")
a = p_month(pseries(S, "Cell", "n-type TOPCon M10", "EU"), "2024-06")
b = p_month(pseries(S, "Cell", "n-type TOPCon M10", "China"), "2024-06")
add(S, PRC, ["TOPCon M10 cells, June 2024: EU price vs China price, what's the gap?"], "price",
    [(a, "US$/Wp"), (b, "US$/Wp"), (a - b, "US$/Wp")], how="sample: Cell n-type TOPCon M10 2024-06 EU, China, difference")

# ======================= SAMPLE: follow-ups =======================
add(S, MKT, ["How much did Poland add in 2023?", "and Germany?"],
    "follow_up", [(mw(S, "Germany", 2023), "MW")], how="sample: Germany 2023 HP Total Annual")
add(S, MKT, ["World installations in 2024?", "what about the low scenario for 2030?"],
    "follow_up", [(mw(S, "World", 2030, scen="low"), "MW")], how="sample: World 2030 Forecast - Low Total Annual")
add(S, PRC, ["PERC M10 module price in India in December 2024?", "and in China?"],
    "follow_up", [(p_month(pseries(S, "Module", "p-type mono-Si PERC M10", "China"), "2024-12"), "US$/Wp")],
    how="sample: Module PERC M10 China 2024-12")
add(S, MKT, ["Spain's fleet at end of 2024?", "and where is it expected in 2030, most probable?", "and in the high case?"],
    "follow_up", [(mw(S, "Spain", 2030, "Cumulative", scen="high"), "MW")], how="sample: Spain 2030 Forecast - High Total Cumulative")
ic = series(S, "Italy", 2015, 2024, conn="Centralised")
add(S, MKT, ["Italy centralised additions in 2024?", "show me 2015 to 2024 for that as a chart"],
    "follow_up", [(v, "MW") for v in ic.values()], how="sample: Italy HP Centralised Annual 2015..2024")
t3_19 = topn(S, 2019, 3)
add(S, MKT, ["Top 3 countries for 2024 additions?", "same for 2019"],
    "follow_up", [(v, "MW") for _, v in t3_19], [k for k, _ in t3_19], how="sample countries, 2019 HP Total Annual top 3")

# ======================= SAMPLE: unanswerable =======================
U(S, MKT, ["How much solar did the UK install in 2024?"], "the sample market data has no UK (France, Germany, Italy, Netherlands, Poland, Spain, World)")
U(S, MKT, ["How much did France install in 2012?"], "the sample market data starts in 2015")
U(S, PRC, ["What were module prices back in 2021?"], "the sample prices start in January 2023")
U(S, PRC, ["What's copper doing at the moment, price per tonne?"], "copper is not in the sample price data")
U(S, PRC, ["TOPCon module price in Australia?"], "Australia is not a region in the sample prices")
U(S, MKT, ["How much electricity did Germany's rooftop panels produce last year, in GWh?"], "generation is not held")
U(S, MKT, ["What share of Spain's solar farms use single-axis trackers vs fixed tilt?"], "mounting type is not held")
U(S, PRC, ["What does a complete 100 kW system on a barn roof cost per kW in France, installed?"], "installed system prices are not held")
U(S, PRC, ["what share of the panel price is the glass?"], "a share of a price is not something the price data gives")
U(S, MKT, ["How much agrivoltaic capacity is forecast for Italy in 2030?"], "agrivoltaics is not a segment in the data")
U(S, MKT, ["Sheep grazing under panels - how many hectares of solar parks in France are grazed?"], "land use / grazing is not held")

# ---------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not it["answerable"] for it in ITEMS)
n_fu = sum(len(it["turns"]) > 1 for it in ITEMS)
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]

print("total", len(ITEMS), "answerable", len(ITEMS) - n_un, "unanswerable", n_un, "multi-turn", n_fu)
print("by kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by data x kind:", dict(Counter((it["data"], it["kind"]) for it in ITEMS)))
