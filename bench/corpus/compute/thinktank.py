"""Compute expected figures for the `thinktank` question set and write questions.jsonl.

Persona: energy think-tank analyst writing a policy briefing on solar deployment and
supply-chain dependence. Every expected number below is computed from the data files.
"""
import json
import os
from collections import Counter

import pandas as pd

WRITER = "thinktank"
HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------- data
RM = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
RP = pd.read_parquet("/work/shared/datasets/component-prices.parquet").drop_duplicates()
SM = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
SP = pd.read_csv("/work/main/data/sample/prices.csv").drop_duplicates()
SP["date"] = pd.to_datetime(SP["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

MKT = {"real": RM, "sample": SM}
PRC = {"real": RP, "sample": SP}

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
HIST = "Historical Primary"
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


def last_hist(data, terr):
    m = MKT[data]
    return int(m[(m.Territory == terr) & (m.Scenario == HIST)].Year.max())


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions; asserts a unique row."""
    m = MKT[data]
    if scen is None:
        scen_name = HIST if year <= last_hist(data, terr) else SCEN["mp"]
    else:
        scen_name = SCEN[scen]
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Type == typ)
          & (m.Connection == conn) & (m.Scenario == scen_name)]
    assert len(r) == 1, (data, terr, year, typ, conn, scen_name, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries_year(data, year, typ="Annual", conn="Total"):
    m = MKT[data]
    r = m[(m.Year == year) & (m.Type == typ) & (m.Connection == conn) & (m.Scenario == HIST)
          & (~m.Territory.isin(AGGREGATES))]
    assert not r.Territory.duplicated().any()
    return r.set_index("Territory")["Capacity(MW)"].sort_values(ascending=False)


def topn(data, year, n, typ="Annual", conn="Total"):
    s = countries_year(data, year, typ, conn)
    assert s.iloc[n - 1] != s.iloc[n], "tie at cut-off"
    top = s.iloc[:n]
    assert "Chinese Taipei" not in top.index
    return top


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pseries(data, item, desc, region, unit=None):
    p = PRC[data]
    s = p[(p["item"] == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, s.unit.unique()
    return s.sort_values("date")


def p_latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, (len(r), d)
    return float(r.base_price.iloc[0]), d


def p_first(s):
    d = s.date.min()
    r = s[s.date == d]
    assert len(r) == 1
    return float(r.base_price.iloc[0]), d


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_ext(s, fn):
    v = s.base_price.max() if fn == "max" else s.base_price.min()
    yrs = {str(d.year) for d in s[s.base_price == v].date}
    assert len(yrs) == 1, yrs
    return float(v), yrs.pop()


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data, "agent": agent,
        "turns": list(turns), "answerable": answerable, "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": list(names), "how": how,
    }
    if not answerable:
        it["why"] = why
    ITEMS.append(it)


def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why,
        how="not answerable from the loaded data")


R, S = "real", "sample"

# ============================================================ REAL - market
# lookups
add(R, "market", "For the baseline section of our briefing: how much PV capacity did China add in 2024, all segments combined?",
    "lookup", [(mv(R, "China", 2024), "MW")], how="market CSV: China, 2024, Historical Primary, Total, Annual")
add(R, "market", "We're tracking how fast cheap imported modules are spreading into emerging markets, and Pakistan keeps coming up. How many MW did Pakistan install in 2024?",
    "lookup", [(mv(R, "Pakistan", 2024), "MW")], how="market CSV: Pakistan, 2024, Historical Primary, Total, Annual")
add(R, "market", "brazil distributed PV additions 2023 - MW please",
    "lookup", [(mv(R, "Brazil", 2023, conn="Distributed"), "MW")], how="market CSV: Brazil, 2023, Historical Primary, Distributed, Annual")
add(R, "market", "Assuming the most probable scenario holds, how much new PV is Germany expected to install in 2027?",
    "lookup", [(mv(R, "Germany", 2027, scen="mp"), "MW")], how="market CSV: Germany, 2027, Forecast - Most probable, Total, Annual")

# rankings (countries only)
t = topn(R, 2024, 5)
add(R, "market", "Leaving aside regional aggregates like the EU or Asia, which five countries added the most PV in 2024? Please give the MW for each.",
    "rank", [(v, "MW") for v in t.values], list(t.index), how="market CSV: 2024 Annual Total Historical Primary, countries only, top 5")
t = topn(R, 2015, 3, "Cumulative")
add(R, "market", "Looking back a decade: which three countries had the largest cumulative PV fleets at the end of 2015? Countries only, not regions.",
    "rank", [(v, "MW") for v in t.values], list(t.index), how="market CSV: 2015 Cumulative Total Historical Primary, countries only, top 3")
six = ["Germany", "Italy", "Spain", "France", "Poland", "Netherlands"]
s = pd.Series({c: mv(R, c, 2024) for c in six}).sort_values(ascending=False)
add(R, "market", "For the European chapter, can you rank Germany, Italy, Spain, France, Poland and the Netherlands by PV installed in 2024, highest first?",
    "rank", [(v, "MW") for v in s.values], list(s.index), how="market CSV: 2024 Annual Total Historical Primary for the six named countries, sorted")
t = topn(R, 2023, 3, conn="Distributed")
add(R, "market", "Rooftop/distributed PV is where import dependence is most diffuse. Which 3 countries added the most distributed capacity in 2023?",
    "rank", [(v, "MW") for v in t.values], list(t.index), how="market CSV: 2023 Annual Distributed Historical Primary, countries only, top 3")

# shares
w, c = mv(R, "World", 2024), mv(R, "China", 2024)
add(R, "market", "Demand is arguably as concentrated as manufacturing. What share of global PV additions in 2024 was installed in China?",
    "share", [(c / w * 100, "%")], how="China / World, 2024 Annual Total Historical Primary")
w, c = mv(R, "World", 2024, "Cumulative"), mv(R, "USA", 2024, "Cumulative")
add(R, "market", "The IRA was meant to build a domestic market big enough to anchor US manufacturing. What percentage of the world's cumulative installed PV sat in the USA at end-2024?",
    "share", [(c / w * 100, "%")], how="USA / World, 2024 Cumulative Total Historical Primary")
add(R, "market", "What share of Germany's 2024 installations was distributed (rooftop etc.) rather than centralised?",
    "share", [(mv(R, "Germany", 2024, conn="Distributed") / mv(R, "Germany", 2024) * 100, "%")],
    how="Germany 2024 Annual Distributed / Total, Historical Primary")
add(R, "market", "India's build-out is mostly utility-scale, I believe. How much of India's 2024 additions were centralised, as a % of its total?",
    "share", [(mv(R, "India", 2024, conn="Centralised") / mv(R, "India", 2024) * 100, "%")],
    how="India 2024 Annual Centralised / Total, Historical Primary")
e10 = mv(R, "Europe", 2010) / mv(R, "World", 2010) * 100
e24 = mv(R, "Europe", 2024) / mv(R, "World", 2024) * 100
add(R, "market", "To illustrate how the market's centre of gravity shifted: what was Europe's share of world annual installations in 2010, and what was it in 2024?",
    "share", [(e10, "%"), (e24, "%")], how="Europe / World Annual Total Historical Primary, 2010 and 2024")

# change
add(R, "market", "2023 was the year module prices collapsed, and demand seems to have responded. By what percentage did world annual PV additions grow between 2022 and 2023?",
    "change", [(pct(mv(R, "World", 2022), mv(R, "World", 2023)), "%")], how="World Annual Total: (2023-2022)/2022*100")
add(R, "market", "What was the CAGR of China's cumulative PV capacity from 2014 to 2024?",
    "change", [(cagr(mv(R, "China", 2014, "Cumulative"), mv(R, "China", 2024, "Cumulative"), 10), "%")],
    how="China Cumulative Total Historical Primary, (2024/2014)^(1/10)-1")

# compare
vals = [mv(R, c, 2024) for c in ["Japan", "Korea", "Chinese Taipei"]]
add(R, "market", "The East Asian economies outside China are big manufacturers but modest markets. Compare 2024 additions in Japan, Korea and Chinese Taipei.",
    "compare", [(v, "MW") for v in vals], ["Japan", "Korea", "Chinese Taipei"], how="2024 Annual Total Historical Primary for each of the three")
es, it_ = mv(R, "Spain", 2024, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add(R, "market", "Spain vs Italy: whose installed base was bigger at end-2024, and by how many MW?",
    "compare", [(es, "MW"), (it_, "MW"), (abs(es - it_), "MW")], ["Spain" if es > it_ else "Italy"],
    how="Spain and Italy 2024 Cumulative Total; difference")
add(R, "market", "How many times larger was India's 2024 market than the USA's? Or was it smaller? A ratio please.",
    "compare", [(mv(R, "India", 2024) / mv(R, "USA", 2024), "x")], how="India 2024 Annual Total / USA 2024 Annual Total")
hi, lo = mv(R, "France", 2030, scen="high"), mv(R, "France", 2030, scen="low")
add(R, "market", "How wide is the uncertainty band for France? I'd like the high and low scenario annual additions for 2030 and the spread between them.",
    "compare", [(hi, "MW"), (lo, "MW"), (hi - lo, "MW")], how="France 2030 Annual Total, Forecast - High and Forecast - Low; difference")

# extreme
s = pd.Series(mseries(R, "Germany", 1992, last_hist(R, "Germany")))
add(R, "market", "Looking at the historical series only (up to 2024), in which year did Germany install the most PV, and how much?",
    "extreme", [(s.max(), "MW")], [str(s.idxmax())], how="Germany Annual Total Historical Primary 1992-2024, max")
s = pd.Series(mseries(R, "Spain", 2001, 2014))
add(R, "market", "Spain had a famous boom-and-bust under its old feed-in tariff. Between 2001 and 2014, which was the record year for Spanish additions and what was installed?",
    "extreme", [(s.max(), "MW")], [str(s.idxmax())], how="Spain Annual Total Historical Primary 2001-2014, max")
s = pd.Series(mseries(R, "Italy", 2010, 2024))
s = pd.Series(mseries(R, "Japan", 1992, last_hist(R, "Japan")))

# average
s = mseries(R, "India", 2020, 2024)
add(R, "market", "India's year-to-year numbers are lumpy (ALMM, safeguard duties, etc.), so I'd rather quote an average. What were India's average annual additions over 2020-2024?",
    "average", [(sum(s.values()) / len(s), "MW")], how="mean of India Annual Total 2020..2024")
s = mseries(R, "World", 2019, 2023)
s = mseries(R, "Türkiye", 2025, 2030, scen="mp")
add(R, "market", "Turkish additions under the most probable scenario, 2025 to 2030: what's the yearly average?",
    "average", [(sum(s.values()) / len(s), "MW")], how="mean of Türkiye Annual Total Forecast - Most probable 2025..2030")

# sum
s = mseries(R, "Poland", 2019, 2024)
add(R, "market", "How much PV did Poland put in over 2019 through 2024, summing the annual additions?",
    "sum", [(sum(s.values()), "MW")], how="sum of Poland Annual Total 2019..2024")
s = mseries(R, "China", 2021, 2024)
nordic = ["Denmark", "Sweden", "Norway", "Finland"]
add(R, "market", "Combined 2024 installations of the Nordic four — Denmark, Sweden, Norway and Finland?",
    "sum", [(sum(mv(R, c, 2024) for c in nordic), "MW")], how="sum of 2024 Annual Total for DK, SE, NO, FI")

# first / latest
v = RM[(RM.Territory == "Vietnam") & (RM.Scenario == HIST) & (RM.Type == "Annual") & (RM.Connection == "Total")]
fy = int(v.Year.min())
add(R, "market", "Vietnam's FiT-driven surge in 2019-20 is a useful case study. What's the first year with data for Vietnam, and how much was instaled that year?",
    "first_latest", [(mv(R, "Vietnam", fy), "MW")], [str(fy)], how="Vietnam earliest Annual Total Historical Primary row")
ly = last_hist(R, "Saudi Arabia")
add(R, "market", "What's the most recent year you have for Saudi Arabia, and its cumulative capacity at that point?",
    "first_latest", [(mv(R, "Saudi Arabia", ly, "Cumulative"), "MW")], [str(ly)], how="Saudi Arabia latest Historical Primary year, Cumulative Total")
s = pd.Series(mseries(R, "China", 2000, 2024))
fy = int(s[s > 10000].index.min())
add(R, "market", "In which year did China first add more than 10 GW in a single year?",
    "first_latest", [(s[fy], "MW")], [str(fy)], how="first year China Annual Total Historical Primary > 10000 MW")
s = pd.Series(mseries(R, "Spain", 2001, 2024, "Cumulative"))
fy = int(s[s > 20000].index.min())

baltic = ["Estonia", "Latvia", "Lithuania"]
add(R, "market", "The Baltic states are small but growing fast since they decoupled from the Russian grid. What was their combined installed base (Estonia, Latvia and Lithuania) at the end of 2024?",
    "sum", [(sum(mv(R, c, 2024, "Cumulative") for c in baltic), "MW")], how="sum of 2024 Cumulative Total for EE, LV, LT")
s = pd.Series(mseries(R, "India", 2010, 2024, "Cumulative"))
fy = int(s[s > 100000].index.min())
add(R, "market", "In which year did India's cumulative PV fleet first pass 100 GW, and what was it that year?",
    "first_latest", [(s[fy], "MW")], [str(fy)], how="first year India Cumulative Total Historical Primary > 100000 MW")

# follow-ups (real, market)
g20, g24 = mv(R, "Germany", 2020, "Cumulative"), mv(R, "Germany", 2024, "Cumulative")
add(R, "market", ["What was Germany's cumulative capacity at the end of 2020?",
                  "And end of 2024? what's the % increase over those four years"],
    "follow_up", [(g24, "MW"), (pct(g20, g24), "%")], how="Germany Cumulative Total 2020 and 2024; % change")
add(R, "market", ["Italy's projected additions for 2028 under the most probable scenario?", "same for the high scenario"],
    "follow_up", [(mv(R, "Italy", 2028, scen="high"), "MW")], how="Italy 2028 Annual Total Forecast - High")
t = topn(R, 2019, 5)
add(R, "market", ["Top 5 countries by PV additions in 2023?", "what about 2019?"],
    "follow_up", [(v, "MW") for v in t.values], list(t.index), how="2019 Annual Total Historical Primary, countries only, top 5")
add(R, "market", ["What share of Australia's 2024 additions was distributed?", "and for Japan?"],
    "follow_up", [(mv(R, "Japan", 2024, conn="Distributed") / mv(R, "Japan", 2024) * 100, "%")],
    how="Japan 2024 Annual Distributed / Total")
s = pd.Series(mseries(R, "China", 2015, 2024))
d = s.diff().dropna()
add(R, "market", ["Can you chart China's annual additions from 2015 to 2024?",
                  "Which year in that range saw the biggest year-on-year jump in MW, and how big was it?"],
    "follow_up", [(d.max(), "MW")], [str(int(d.idxmax()))], how="China Annual Total 2015-2024, max of year-on-year difference")
add(R, "market", ["What did the Netherlands install in 2024?", "How does that compare to 2023 in % terms?"],
    "follow_up", [(pct(mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)), "%")],
    how="Netherlands Annual Total (2024-2023)/2023*100")

# ============================================================ REAL - prices
s = pseries(R, "Module", "n-type TOPCon", "China")
v, d = p_latest(s)
add(R, "price", "Supply-chain section: what's the latest price for n-type TOPCon modules in China, and what date is it from?",
    "price", [(v, "US$/Wp")], how=f"prices parquet: Module / n-type TOPCon / China, latest date {d.date()}")
s = pseries(R, "Copper", "Copper", "Overseas")
add(R, "price", "We're building a raw-materials annex. What was the copper price in March 2024?",
    "price", [(p_month(s, "2024-03"), "US$/t")], how="prices parquet: Copper monthly series, 2024-03")
s = pseries(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
v, y = p_ext(s, "max")
add(R, "price", "The 2021-22 polysilicon squeeze is a key part of our dependence narrative. How high did the overseas high-purity (9N/9N+) polysilicon price go at its peak in the series, and in which year?",
    "price", [(v, "US$/kg")], [y], how="prices parquet: Polysilicon / High purity - 9N/9N+ / Overseas, max over all rows")
s = pseries(R, "Module", "n-type TOPCon", "China")
(v0, d0), (v1, d1) = p_first(s), p_latest(s)
add(R, "price", "By how much, in %, has the Chinese n-type TOPCon module price moved between the first and the most recent observation?",
    "price", [(pct(v0, v1), "%")], how=f"Module / n-type TOPCon / China: ({d1.date()} - {d0.date()})/first*100")
vals = [p_latest(pseries(R, "Module", "n-type TOPCon", r))[0] for r in ["EU", "US", "China"]]
add(R, "price", "How do the latest TOPCon module prices compare across the EU, the US and China? This is for a chart on regional price premia.",
    "price", [(v, "US$/Wp") for v in vals], ["EU", "US", "China"], how="Module / n-type TOPCon latest per region EU, US, China")
vt = p_latest(pseries(R, "Module", "n-type TOPCon", "China"))[0]
vh = p_latest(pseries(R, "Module", "n-type HJT", "China"))[0]
s = pseries(R, "Module", "n-type TOPCon", "China")
s24 = s[s.date.dt.year == 2024]
add(R, "price", "What was the average China TOPCon module price over calendar year 2024?",
    "average", [(s24.base_price.mean(), "US$/Wp")], how=f"mean of {len(s24)} weekly Module / n-type TOPCon / China obs dated 2024")
s = pseries(R, "Aluminium", "Aluminium", "Overseas")
s = pseries(R, "EVA", "EVA", "Overseas")
add(R, "price", "Encapsulants are a less-discussed dependency, mostly sourced from Asia. How did EVA prices change between January 2020 and January 2025, in percent?",
    "change", [(pct(p_month(s, "2020-01"), p_month(s, "2025-01")), "%")], how="EVA monthly: (2025-01 - 2020-01)/2020-01*100")
s = pseries(R, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "Silver paste is a growing cost for n-type cells. What was the silver price in June 2024?",
    "price", [(p_month(s, "2024-06"), "K US$/t")], how="Silver monthly (K US$/t), 2024-06")
s = pseries(R, "Wafer", "n-type mono-Si M10", "Overseas")
s = pseries(R, "Cell", "p-type mono-Si PERC", "China")
v, y = p_ext(s, "max")
add(R, "price", "Cell costs spiked with polysilicon. Whats the highest price ever recorded for p-type mono PERC cells in China (the plain 'p-type mono-Si PERC' series), and in which year?",
    "extreme", [(v, "US$/Wp")], [y], how="Cell / p-type mono-Si PERC / China, max over all rows")
vc = p_latest(pseries(R, "Module", "CdTe", "Overseas"))[0]
vp = p_latest(pseries(R, "Module", "p-type mono-Si PERC M10", "Overseas"))[0]
add(R, "price", "Thin film is the main non-Chinese-supply-chain option. How does the latest overseas CdTe module price compare with overseas p-type mono PERC M10 modules?",
    "price", [(vc, "US$/Wp"), (vp, "US$/Wp")], how="Module Overseas latest: CdTe and p-type mono-Si PERC M10")
s = pseries(R, "PV glass", "Glass 3,2mm", "China")
desc12 = "Very high purity  (12N/12N+, outside of China)"
vc = p_latest(pseries(R, "Polysilicon", desc12, "China"))[0]
vo = p_latest(pseries(R, "Polysilicon", desc12, "Overseas"))[0]
add(R, "price", "For the very-high-purity 12N/12N+ polysilicon grade (the 'outside of China' quote), what are the latest China-region and overseas-region prices? I want to show the gap.",
    "price", [(vc, "US$/kg"), (vo, "US$/kg"), (abs(vo - vc), "US$/kg")],
    how="Polysilicon / Very high purity (12N/12N+, outside of China) latest, China and Overseas; difference")
add(R, "price", ["What's the latest copper price you have?", "and aluminium?"],
    "follow_up", [(p_latest(pseries(R, "Aluminium", "Aluminium", "Overseas"))[0], "US$/t")], how="Aluminium monthly, latest")

# ============================================================ REAL - financials (sample financials)
H, SF, A, N = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
               "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
v, u = fin(H, "FY2024", "Revenue")
add(R, "manufacturer_financial", "What revenue did Helios Modules report for FY2024?", "financial", [(v, u)],
    how="financials: Helios Modules Ltd (sample), FY2024, Revenue")
vals = {c: fin(c, "2024-Q4", "Gross margin")[0] for c in [H, SF, A, N]}
add(R, "manufacturer_financial", "Margin squeeze across manufacturers: compare the gross margins of Helios, SunForge, Aurora and Nordlicht in 2024-Q4.",
    "financial", [(v, "%") for v in vals.values()], ["Helios", "SunForge", "Aurora", "Nordlicht"],
    how="financials: Gross margin, 2024-Q4, all four companies")
a, b = fin(SF, "FY2023", "Net income")[0], fin(SF, "FY2024", "Net income")[0]
add(R, "manufacturer_financial", "Profitability is collapsing across the chain, which matters for supply security. How much did SunForge's net income change from FY2023 to FY2024, in absolute terms?", "financial",
    [(b - a, "USD million")], how="financials: SunForge Net income FY2024 - FY2023")
sh = {c: fin(c, "FY2024", "Module shipments")[0] for c in [H, SF, A, N]}
top = max(sh, key=sh.get)
add(R, "manufacturer_financial", "Which of the manufacturers shipped the most modules in FY2024, and how many GW?", "financial",
    [(sh[top], "GW")], [top.split()[0]], how="financials: Module shipments FY2024, max across companies")
q = [fin(N, p, "Gross margin")[0] for p in ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
qs = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
assert q.count(min(q)) == 1
add(R, "manufacturer_financial", "The European manufacturer Nordlicht looks under real pressure. What was its lowest quarterly gross margin in 2023-2024, and in which quarter?",
    "financial", [(min(q), "%")], [qs[q.index(min(q))]], how="financials: Nordlicht Gross margin, min over the 8 quarters")

# ============================================================ REAL - unanswerable
un(R, "market", "We want a like-for-like with wind. How much onshore wind did Germany add in 2024?",
   "the market data holds solar PV only, no wind")
un(R, "market", "Spain is often cited as having the cheapest solar power in Europe. What was the LCOE of utility-scale PV in Spain in 2024?", "LCOE is not held; only installed capacity in MW")
un(R, "market", "How many GWh did Italian PV systems generate in 2023?", "electricity generation (GWh) is not held, only capacity")
un(R, "market", "For the 2030 outlook table: what will France's cumulative installed capacity be in 2030 under the most probable scenario?",
   "forecast cumulative values in the real CSV exclude the installed base, so forecast cumulative capacity cannot be given")
un(R, "market", "How much battery storage was co-deployed with PV in Australia in 2024?", "storage is not in the data")
un(R, "market", "Nigeria is often cited as a big off-grid solar market — how much PV did Nigeria install in 2023?",
   "Nigeria is not a territory in the market data")
un(R, "market", "India is a key test of whether demand can diversify away from Chinese supply. What are India's projected PV additions for 2027 in the most probable scenario?",
   "the real market data has no forecast scenarios for India (forecasts cover European territories only)")
un(R, "market", "How much PV did Germany install in 1985? We want the very start of the series.",
   "the market data starts in 1992")
un(R, "market", "Jobs are a big part of the reshoring argument in Washington. How many people were employed in the US solar industry in 2024?", "employment/jobs are not held")
un(R, "market", "What was the European PV market worth in EUR in 2024?", "market value in currency is not held, only MW")
un(R, "price", "What import tariff rate currently applies to Chinese modules entering the US?", "tariffs/trade measures are not held")
un(R, "price", "TOPCon took over from PERC very quickly. What's the average conversion efficiency of TOPCon modules sold in 2024?", "module efficiency is not held; only prices")
un(R, "price", "Roughly what share of the module price is polysilicon nowadays?",
   "a share of a price is not computed/held; component prices are separate series with different units")
un(R, "price", "Do you have prices for perovskite-silicon tandem modules?", "no perovskite/tandem price series in the data")
un(R, "price", "What's the latest price for n-type TOPCon modules in India? Trying to size the premium from India's domestic-content rules.",
   "n-type TOPCon module prices exist for China, EU, US and Overseas only, not India")
un(R, "price", "What did high-purity polysilicon cost in 2017, before the 2018 price collapse?",
   "price series start in 2019")
un(R, "market", "How much solar thermal (collector) capacity did China add in 2023?", "solar thermal is not in the data; PV only")
un(R, "manufacturer_financial", "What was First Solar's revenue in 2024?", "First Solar is not among the companies in the financials")

# ============================================================ SAMPLE - market
add(S, "market", "France has been criticised for missing its PPE targets. How much PV did France add in 2024?", "lookup", [(mv(S, "France", 2024), "MW")],
    how="sample market: France 2024 Historical Primary Total Annual")
add(S, "market", "Under the high scenario, what does Germany's cumulative installed base reach in 2030?", "lookup",
    [(mv(S, "Germany", 2030, "Cumulative", scen="high"), "MW")], how="sample market: Germany 2030 Forecast - High Total Cumulative")
cs = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
s = pd.Series({c: mv(S, c, 2024) for c in cs}).sort_values(ascending=False)
add(S, "market", "Rank the six European countries you have (Germany, Spain, Italy, France, Poland, NL) by 2024 additions, biggest first.",
    "rank", [(v, "MW") for v in s.values], list(s.index), how="sample market: 2024 Annual Total for the six countries, sorted")
t = topn(S, 2024, 3, "Cumulative")
add(S, "market", "Which three countries have the largest installed base at end-2024? Countries, not World.",
    "rank", [(v, "MW") for v in t.values], list(t.index), how="sample market: 2024 Cumulative Total, countries only, top 3")
add(S, "market", "What share of global 2024 installations did Spain account for?", "share",
    [(mv(S, "Spain", 2024) / mv(S, "World", 2024) * 100, "%")], how="sample: Spain / World 2024 Annual Total")
add(S, "market", "The Dutch market is famously rooftop-heavy. What % of the Netherlands' 2024 additions were distributed?", "share",
    [(mv(S, "Netherlands", 2024, conn="Distributed") / mv(S, "Netherlands", 2024) * 100, "%")],
    how="sample: Netherlands 2024 Annual Distributed / Total")
add(S, "market", "Poland went from almost nothing to a sizable fleet. What was the CAGR of Polish cumulative capacity between 2015 and 2024?",
    "change", [(cagr(mv(S, "Poland", 2015, "Cumulative"), mv(S, "Poland", 2024, "Cumulative"), 9), "%")],
    how="sample: Poland Cumulative Total (2024/2015)^(1/9)-1")
fr, itv = mv(S, "France", 2030, scen="mp"), mv(S, "Italy", 2030, scen="mp")
add(S, "market", "Looking to 2030 (most probable case), who is projected to add more that year, France or Italy, and by how much?",
    "compare", [(fr, "MW"), (itv, "MW"), (abs(fr - itv), "MW")], ["Italy" if itv > fr else "France"],
    how="sample: France and Italy 2030 Annual Total Forecast - Most probable; difference")
s = {y: mv(S, "Netherlands", y, scen=sc) for y in range(2015, 2031) for sc in [None]}
s = pd.Series(s)
add(S, "market", "Over the whole series, including the forecast years, in which year does the Netherlands see its biggest annual additions?",
    "extreme", [(s.max(), "MW")], [str(s.idxmax())], how="sample: Netherlands Annual Total 2015-2024 historical + 2025-2030 most probable, max")
s = pd.Series(mseries(S, "Spain", 2015, 2024))
add(S, "market", "Spain's weakest year for new installations between 2015 and 2024?", "extreme",
    [(s.min(), "MW")], [str(s.idxmin())], how="sample: Spain Annual Total 2015-2024, min")
s = mseries(S, "World", 2025, 2030, scen="mp")
add(S, "market", "Growth has clearly slowed after the 2023 spike, at least in projections. What's the average annual global market expected over 2025–2030 in the most probable scenario?", "average",
    [(sum(s.values()) / 6, "MW")], how="sample: mean of World Annual Total Forecast - Most probable 2025..2030")
s = mseries(S, "Germany", 2025, 2030, scen="low")
add(S, "market", "The German 215 GW target for 2030 assumes a steep ramp. If Germnay only hits the low scenario, how much would it add in total over 2025-2030?", "sum",
    [(sum(s.values()), "MW")], how="sample: sum of Germany Annual Total Forecast - Low 2025..2030")
s = pd.Series(mseries(S, "Poland", 2015, 2024))
fy = int(s[s > 1000].index.min())
add(S, "market", "First year Poland's annual additions went above 1 GW?", "first_latest",
    [(s[fy], "MW")], [str(fy)], how="sample: first year Poland Annual Total > 1000 MW")
tot = sum(mv(S, c, 2024) for c in cs)
w24, w30 = mv(S, "World", 2024), mv(S, "World", 2030, scen="mp")
add(S, "market", "How much bigger is the global annual market expected to be in 2030 (most probable) than in 2024? Both MW and %.",
    "change", [(w30 - w24, "MW"), (pct(w24, w30), "%")], how="sample: World Annual Total 2030 most probable vs 2024 historical")
add(S, "market", "Italy 2024: centralised vs distributed additions?", "compare",
    [(mv(S, "Italy", 2024, conn="Centralised"), "MW"), (mv(S, "Italy", 2024, conn="Distributed"), "MW")],
    how="sample: Italy 2024 Annual Centralised and Distributed")
s = mseries(S, "Italy", 2015, 2024)
add(S, "market", "What's the combined installed base of Spain, Italy and France at end-2024?", "sum",
    [(sum(mv(S, c, 2024, "Cumulative") for c in ["Spain", "Italy", "France"]), "MW")],
    how="sample: sum of 2024 Cumulative Total for Spain, Italy, France")
add(S, "market", "Poland's centralised (utility-scale) installed capacity at the end of 2024?", "lookup",
    [(mv(S, "Poland", 2024, "Cumulative", conn="Centralised"), "MW")], how="sample: Poland 2024 Cumulative Centralised")
ly = last_hist(S, "Germany")

fy = int(SM[(SM.Territory == "France") & (SM.Scenario == HIST)].Year.min())
add(S, "market", "How far back does the French series go? Give me the earliest year and France's cumulative capacity in that year.",
    "first_latest", [(mv(S, "France", fy, "Cumulative"), "MW")], [str(fy)], how="sample: France earliest Historical Primary year, Cumulative Total")

# sample follow-ups
s23, s24 = mv(S, "Spain", 2023), mv(S, "Spain", 2024)
add(S, "market", ["How much did Spain add in 2023?", "and in 2024?", "so what's that growth in %?"], "follow_up",
    [(pct(s23, s24), "%")], how="sample: Spain Annual Total (2024-2023)/2023*100")
add(S, "market", ["World annual installations 2015-2024 as a chart please", "What was the CAGR over that period?"], "follow_up",
    [(cagr(mv(S, "World", 2015), mv(S, "World", 2024), 9), "%")], how="sample: World Annual Total (2024/2015)^(1/9)-1")
add(S, "market", ["What share of France's 2024 additions was distributed?", "And Spain?"], "follow_up",
    [(mv(S, "Spain", 2024, conn="Distributed") / mv(S, "Spain", 2024) * 100, "%")],
    how="sample: Spain 2024 Annual Distributed / Total")
t = topn(S, 2022, 3)
add(S, "market", ["Top 3 countries by additions in 2020?", "what about 2022?"], "follow_up",
    [(v, "MW") for v in t.values], list(t.index), how="sample: 2022 Annual Total, countries only, top 3")
add(S, "market", ["What's Italy's installed base at end-2024?", "And where does it get to by 2030 under the low scenario?"], "follow_up",
    [(mv(S, "Italy", 2030, "Cumulative", scen="low"), "MW")], how="sample: Italy 2030 Cumulative Total Forecast - Low")

# ============================================================ SAMPLE - prices
s = pseries(S, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "Latest China price for high-purity polysilcon (9N/9N+)?", "price", [(p_latest(s)[0], "US$/kg")],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, latest")
s = pseries(S, "PV glass", "Glass 3,2mm", "EU")
add(S, "price", "Glass is one of the few components Europe still makes in volume. What did 3.2 mm PV glass cost in the EU in June 2023?", "price", [(p_month(s, "2023-06"), "US$/m²")],
    how="sample prices: PV glass / Glass 3,2mm / EU, 2023-06")
s = pseries(S, "Module", "p-type mono-Si PERC M10", "China")
s = pseries(S, "Module", "n-type TOPCon", "China")
add(S, "price", "How much did Chinese TOPCon module prices fall from January 2023 to December 2024, in %?", "change",
    [(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), "%")], how="sample: Module / n-type TOPCon / China (2024-12 - 2023-01)/2023-01*100")
regs = ["China", "EU", "US", "India"]
vals = {r: p_latest(pseries(S, "Module", "n-type HJT", r))[0] for r in regs}
cheap = min(vals, key=vals.get)
add(S, "price", "Latest HJT module prices in China, the EU, the US and India — which region is cheapest?", "price",
    [(vals[r], "US$/Wp") for r in regs], [cheap], how="sample: Module / n-type HJT latest for each region; min")
add(S, "price", "EU cell prices in December 2024: TOPCon M10 vs p-type PERC M10?", "price",
    [(p_month(pseries(S, "Cell", "n-type TOPCon M10", "EU"), "2024-12"), "US$/Wp"),
     (p_month(pseries(S, "Cell", "p-type mono-Si PERC M10", "EU"), "2024-12"), "US$/Wp")],
    how="sample: Cell EU 2024-12, n-type TOPCon M10 and p-type mono-Si PERC M10")
s = pseries(S, "Wafer", "p-type mono-Si M10", "China")
add(S, "price", "What was the average price of p-type M10 wafers in China across 2024?", "average",
    [(s[s.date.dt.year == 2024].base_price.mean(), "US$/pce")], how="sample: mean of 12 monthly Wafer / p-type mono-Si M10 / China obs in 2024")
pe = p_latest(pseries(S, "Polysilicon", "High purity - 9N/9N+", "EU"))[0]
pc = p_latest(pseries(S, "Polysilicon", "High purity - 9N/9N+", "China"))[0]
add(S, "price", "Non-Chinese polysilicon carries a premium. Using the latest prices, how many times the Chinese 9N/9N+ polysilicon price is the EU one?", "price",
    [(pe / pc, "x")], how="sample: Polysilicon 9N/9N+ latest EU / latest China")
s = pseries(S, "Wafer", "n-type mono-Si M10", "China")
v, y = p_ext(s, "max")
add(S, "price", "When were Chinese n-type M10 wafers most expensive in the series, and at what price?", "extreme",
    [(v, "US$/pce")], [y], how="sample: Wafer / n-type mono-Si M10 / China, max")
te = p_latest(pseries(S, "Module", "n-type TOPCon", "EU"))[0]
tc = p_latest(pseries(S, "Module", "n-type TOPCon", "China"))[0]
add(S, "price", ["Latest EU price for n-type TOPCon modules?", "and China's?",
                 "How much more expensive is the EU module than the Chinese one, in %?"], "follow_up",
    [(pct(tc, te), "%")], how="sample: Module n-type TOPCon latest (EU - China)/China*100")
vals = {r: p_latest(pseries(S, "Module", "n-type TOPCon", r))[0] for r in regs}
s = pd.Series(vals).sort_values()
add(S, "price", "Rank China, EU, US and India by the latest TOPCon module price, cheapest first.", "price",
    [(v, "US$/Wp") for v in s.values], list(s.index), how="sample: Module / n-type TOPCon latest per region, ascending")

# ============================================================ SAMPLE - financials
a0, a1 = fin(A, "2023-Q1", "Revenue")[0], fin(A, "2024-Q4", "Revenue")[0]
add(S, "manufacturer_financial", "Aurora PV Group's quarterly revenue: % change from 2023-Q1 to 2024-Q4?", "financial",
    [(pct(a0, a1), "%")], how="financials: Aurora Revenue (2024-Q4 - 2023-Q1)/2023-Q1*100")
q = [fin(H, p, "Net income")[0] for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
add(S, "manufacturer_financial", "Add up Helios Modules' net income over the four quarters of 2024 — what do you get?", "financial",
    [(sum(q), "USD million")], how="financials: Helios Net income sum of 2024-Q1..Q4")
q = [fin(SF, p, "Gross margin")[0] for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
add(S, "manufacturer_financial", "Quarterly margins are noisy, so a yearly average is fairer. SunForge's average gross margin across the four quarters of 2024?", "financial",
    [(sum(q) / 4, "%")], how="financials: mean of SunForge Gross margin 2024-Q1..Q4")
rv = pd.Series({c: fin(c, "FY2024", "Revenue")[0] for c in [H, SF, A, N]}).sort_values(ascending=False)
add(S, "manufacturer_financial", "Rank the four manufacturers by FY2024 revenue.", "financial",
    [(v, "USD million") for v in rv.values], [c.split()[0] for c in rv.index], how="financials: Revenue FY2024 sorted desc")
add(S, "manufacturer_financial", ["Helios net income FY2023?", "And SunForge?"], "follow_up",
    [(fin(SF, "FY2023", "Net income")[0], "USD million")], how="financials: SunForge Net income FY2023")

# ============================================================ SAMPLE - unanswerable
un(S, "market", "Iberia is a hotspot for merchant solar. How much PV did Portugal install in 2024?", "Portugal is not in the sample market data")
un(S, "market", "For comparison with Europe, how much did China add in 2023?", "the sample market data holds only six European countries and World; China is absent")
un(S, "market", "What did Germany install in 2012, back at the peak of the FiT era?", "the sample market data starts in 2015")
un(S, "price", "What's the latest module price in Japan?", "the sample prices have no Japan region")
un(S, "price", "Latest silver price? Silver is a big input for TOPCon/HJT cells.", "silver is not among the sample price items")
un(S, "price", "India is trying to build an ingot-wafer segment under its PLI scheme. What's the latest wafer price in India?", "sample wafer prices exist only for China and the EU")
un(S, "price", "CdTe thin film is the one technology that avoids the polysilicon chain altogether. What's the latest CdTe module price?", "no CdTe series in the sample prices")
un(S, "manufacturer_financial", "What was Helios Modules' EBITDA in FY2024?", "EBITDA is not a metric in the financials")
un(S, "manufacturer_financial", "How many GW did LONGi ship in 2024?", "LONGi is not among the companies in the financials")
un(S, "market", "How much offshore wind is Germany expected to add in 2025?", "wind is not in the data; PV only")
un(S, "price", "What are Chinese TOPCon module prices doing in 2025 so far?", "the sample price series end in December 2024")
un(S, "market", "For the generation chapter we need yields as well as capacity. What's the average capacity factor of French PV?", "capacity factors / generation are not held")

# ============================================================ write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
assert n_un >= 28, n_un
chains = [i for i in ITEMS if len(i["turns"]) >= 2]
assert len(chains) >= 12, len(chains)
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        assert all(pd.notna(e["value"]) for e in i["expect"]), i["id"]
    else:
        assert i["why"] and not i["expect"], i["id"]

print("items:", len(ITEMS), "unanswerable:", n_un, "multi-turn chains:", len(chains))
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
print("kind x data:")
print(pd.crosstab(pd.Series([i["kind"] for i in ITEMS], name="kind"), pd.Series([i["data"] for i in ITEMS], name="data")))
with_context = sum(1 for i in ITEMS if any(". " in t or "? " in t.rstrip("?") or "— " in t for t in i["turns"][:1]))
print("items whose first turn has framing before the question (approx):", with_context)
