use super::*;
use crate::tools::names::{Names, Vocab};

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        territories: Names::new(
            Vocab::Territory,
            [
                "Italy",
                "Germany",
                "Spain",
                "France",
                "Netherlands",
                "Poland",
                "World",
            ]
            .map(String::from)
            .to_vec(),
        ),
        prices: crate::tools::prices::Vocabulary {
            items: Names::new(
                Vocab::Item,
                ["Module", "Cell", "Wafer", "Polysilicon", "PV glass"]
                    .map(String::from)
                    .to_vec(),
            ),
            regions: Names::new(
                Vocab::Region,
                ["China", "EU", "US", "India"].map(String::from).to_vec(),
            ),
            descriptions: ["n-type TOPCon", "p-type mono-Si PERC M10", "n-type HJT"]
                .map(String::from)
                .to_vec(),
        },
        financials: crate::tools::financials::Vocabulary {
            companies: Names::new(
                Vocab::Plain,
                ["Helios Modules Ltd", "Aurora Cells"]
                    .map(String::from)
                    .to_vec(),
            ),
            metrics: Names::new(
                Vocab::Plain,
                ["Revenue", "Gross margin", "Net income", "Module shipments"]
                    .map(String::from)
                    .to_vec(),
            ),
        },
        market_years: Some((2024, 2030)),
    }
}

fn read(text: &str) -> Question {
    understand(text, &Lexicon::new(&vocabulary()))
}

#[test]
fn every_word_of_a_plain_question_is_understood() {
    for q in [
        "What was the annual installed capacity of Italy in 2023?",
        "How much PV did Germany install in 2022?",
        "Which country installed the most in 2024?",
        "top 5 countries in 2024",
        "How much did Spain grow from 2022 to 2023?",
        "What share of Italy's installations was distributed in 2023?",
        "What was the price of n-type TOPCon modules in China in March 2024?",
        "What is the latest quarterly revenue of Helios?",
        "CAGR of France between 2015 and 2024",
        "Please, could you tell me the cumulative capacity of Poland in 2020? Thanks!",
    ] {
        let u = read(q);
        assert!(u.unknown().is_empty(), "{q}: {:?}", u.unknown());
        assert!(u.not_held().is_empty(), "{q}: {:?}", u.not_held());
    }
}

#[test]
fn concepts_the_data_does_not_hold_are_named() {
    let u = read("How much solar thermal capacity did Greece add in 2022?");
    let nh = u.not_held();
    assert!(nh.iter().any(|(w, _)| *w == "solar thermal"), "{nh:?}");
    assert!(
        nh.iter()
            .any(|(w, c)| *w == "greece" && c.contains("country")),
        "{nh:?}"
    );
    let u = read("What was Italy's electricity generation from PV in 2023?");
    assert!(u.not_held().iter().any(|(w, _)| *w == "electricity"));
    let u = read("What is the EBITDA of Helios?");
    assert_eq!(
        u.not_held(),
        [("ebitda", "a measure the data does not hold")]
    );
    let u = read("Annual installations in Atlantis in 2023");
    assert_eq!(u.unknown(), ["atlantis"]);
}

#[test]
fn names_typos_and_numbers() {
    let u = read("annual capacity of Itlay in 2023");
    assert_eq!(
        u.all(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        }),
        ["Italy"]
    );
    assert_eq!(u.read_as(), [("itlay", "italy")]);
    assert!(u.unknown().is_empty());
    let u = read("top 5 in 2024");
    assert_eq!(u.count(), Some(5));
    assert_eq!(u.year_span(), Some((Some(2024), Some(2024))));
    assert!(u.has_op(Op::Rank));
    assert_eq!(read("since 2018").year_span(), Some((Some(2018), None)));
    assert_eq!(
        read("from 2015 to 2020").year_span(),
        Some((Some(2015), Some(2020)))
    );
    let u = read("module price in 2024-03");
    assert!(u.has(|w| *w == Word::Month(3)) || u.has(|w| *w == Word::Count(3)));
    let u = read("Helios revenue in Q1 2024");
    assert!(u.has(|w| *w == Word::Quarter(1)));
    let u = read("Helios revenue FY2023");
    assert!(u.has(|w| *w == Word::FullYear) && u.years() == [2023]);
    // "news" is not the plural of "new"
    assert!(read("news about TOPCon").spans[0].is_unknown());
    // a country in the data is never "not held", nor a near spelling of another
    assert!(read("Spain").not_held().is_empty());
    assert_eq!(read("Iran in 2023").not_held().len(), 1);
}

#[test]
fn technologies_written_together_are_one() {
    assert_eq!(
        read("PERC M10 module price in China").technologies(),
        ["perc m10"]
    );
    assert_eq!(
        read("compare TOPCon and HJT module prices").technologies(),
        ["topcon", "hjt"]
    );
    assert_eq!(
        read("n-type TOPCon price").technologies(),
        ["n-type TOPCon"]
    );
    assert_eq!(read("p-type wafer price").technologies(), ["p type"]);
    // a region named in a description stays a region
    let mut v = vocabulary();
    v.prices
        .descriptions
        .push("Very high purity (12N/12N+, in China)".into());
    let u = understand("module prices in China", &Lexicon::new(&v));
    assert!(u.technologies().is_empty(), "{:?}", u.technologies());
}

#[test]
fn sentences_end_at_stops_but_not_at_abbreviations() {
    let s = sentences("Prepping the IC memo. How many MW did Spain add in 2024?");
    assert_eq!(s.len(), 2);
    assert!(!s[0].1 && s[1].1);
    let s = sentences("U.S. prices, i.e. the US series, vs. EU: latest? 3.2mm glass");
    let texts: Vec<&str> = s.iter().map(|(t, _)| t.trim()).collect();
    assert_eq!(
        texts,
        [
            "U.S. prices, i.e. the US series, vs. EU:",
            "latest?",
            "3.2mm glass"
        ]
    );
    assert_eq!(sentences("Italy's record — which year?").len(), 2);
    assert_eq!(sentences("2020-2024 additions").len(), 1);
    // A long text of short sentences is still read up to MAX_WORDS words, and declined.
    let long = "Italy 2022. ".repeat(MAX_WORDS);
    assert!(read(&long).unread > 0);
}

#[test]
fn a_question_takes_from_its_context_only_what_it_does_not_say() {
    let territories = |q: &Question| {
        q.all(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        })
    };
    // The story around the question is read past.
    let q =
        read("Our Italian distributor says the market doubled. Italy added how much PV in 2024?");
    assert!(q.unknown().is_empty(), "{:?}", q.unknown());
    assert_eq!(territories(&q), ["Italy"]);
    // A place named only in the context is the question's.
    let q = read("Spain is our core market. What did it add in 2023?");
    assert_eq!(territories(&q), ["Spain"]);
    assert_eq!(q.years(), [2023]);
    // A place the question names itself wins: the context's is read past.
    let q =
        read("Spain is the EU's second-largest fleet. What was Italy's installed base in 2023?");
    assert_eq!(territories(&q), ["Italy"]);
    assert!(
        !q.has_op(Op::Top),
        "the context's operation is not the question's"
    );
    // A change from one year takes the context's year too.
    let q = read("Spain exploded in 2024. By what % did it grow vs 2023?");
    assert_eq!(q.years(), [2024, 2023]);
    // A topic before a colon or a dash lends its operation to a question that asks none.
    let q = read("Italy's all-time record for annual installs — which year and how many MW?");
    assert!(q.has_op(Op::Max) && q.unknown().is_empty(), "{:?}", q.spans);
}

#[test]
fn instructions_after_the_question_and_after_without_a_period() {
    // An instruction after the question lends its operation.
    let q = read("How much of Germany's 2024 market was distributed? Give it as a % of the total.");
    assert!(q.has_op(Op::Share), "{:?}", q.spans);
    // An instruction is part of the question, its years too.
    let q = read("Is Spain expected to shrink in 2025? Give me the % change from 2024 to 2025.");
    assert!(
        q.has_op(Op::Change) && q.years().contains(&2024),
        "{:?}",
        q.spans
    );
    // A remark after it does not.
    let q = read("What did Spain add in 2024? It was the biggest year.");
    assert!(!q.has_op(Op::Top), "{:?}", q.spans);
    // "after" starts a span only before a period.
    assert_eq!(
        read("Italy's additions after 2020").unknown(),
        Vec::<&str>::new()
    );
    assert_eq!(
        read("After Italy, which country installed the most in 2024?").unknown(),
        ["after"]
    );
}

#[test]
fn context_that_may_narrow_the_question_is_not_read_past() {
    // A negation, another technology, a segment: the question is read whole and declines.
    let text = "We only look at residential. How much did Spain add in 2024?";
    assert!(!read(text).unknown().is_empty(), "{text}");
    // "as a bar, Spain vs Italy": a chart, nothing left out.
    let q = read("as a bar, Spain vs Italy in 2024");
    assert!(!q.has(|w| matches!(w, Word::Except(_))), "{q:?}");
    // A place left out in a sentence of its own is left out of the question.
    for text in [
        "Not counting Italy. Which country added the most in 2024?",
        "Excluding Italy. Which country added the most in 2024?",
    ] {
        let q = read(text);
        assert!(
            q.has(|w| *w == Word::Except("Italy".into())),
            "{text}: {q:?}"
        );
    }
    let q = read("We also cover storage. How much did Spain add in 2024?");
    assert!(!q.not_held().is_empty());
    // A connection named only in a story before the question describes the asker: read
    // past (the answer says "total connection"); named after the question, it is asked for.
    let q = read("Base case for a French rooftop platform. France's additions in 2024?");
    assert!(q.not_held().is_empty(), "{:?}", q.not_held());
    assert!(!q.has(|w| matches!(w, Word::Connection(_))));
    let q = read("France's additions in 2024? For our rooftop platform.");
    assert!(
        q.not_held()
            .iter()
            .any(|(_, c)| *c == words::CONTEXT_CONNECTION),
        "{:?}",
        q.not_held()
    );
}

#[test]
fn distance_counts_edits() {
    assert_eq!(distance("itlay", "italy"), 1);
    assert_eq!(distance("germnay", "germany"), 1);
    assert_eq!(distance("spain", "spain"), 0);
    assert_eq!(distance("cagr", "cigar"), 2);
}

#[test]
fn an_ordinal_place_is_the_ranking_up_to_it() {
    assert_eq!(
        ordinals("Which was the third largest market in 2023?"),
        "Which was the top 3 largest market in 2023?"
    );
    assert_eq!(
        ordinals("the 2nd-biggest market?"),
        "the top 2 biggest market?"
    );
    assert_eq!(
        ordinals("#3 by additions, countries only"),
        "top 3 by additions, countries only"
    );
    assert_eq!(ordinals("the fifth smallest?"), "the bottom 5 smallest?");
    // Other ordinals stay.
    for q in [
        "Helios revenue in the second half of 2024?",
        "Q3 is the third quarter",
        "the 4th of July",
        "What was Spain's rank?",
    ] {
        assert_eq!(ordinals(q), q);
    }
    let q = read("Which country was the third biggest market in 2023?");
    assert_eq!(q.count(), Some(3), "{q:?}");
    assert!(q.unknown().is_empty() && q.not_held().is_empty(), "{q:?}");
}

#[test]
fn a_year_counted_from_the_previous_question_is_read_as_such() {
    for (text, d) in [
        ("and the year before?", -1),
        ("and a year later?", 1),
        ("what about the previous year", -1),
        ("same two years earlier", -2),
    ] {
        let q = read(text);
        assert!(q.has(|w| *w == Word::Shift(d)), "{text}: {q:?}");
        assert!(q.years().is_empty(), "{text}: {q:?}");
    }
    // "FY23→FY24": from one year to the other.
    let q = read("Helios shipments FY23→FY24 in %?");
    assert_eq!(q.years(), vec![2023, 2024], "{q:?}");
    assert!(q.unknown().is_empty(), "{q:?}");
}

#[test]
fn country_codes_and_traders_short_forms_are_read() {
    assert_eq!(
        country_codes("rank DE, ES, IT, FR and PL by 2024 additions"),
        "rank Germany, Spain, Italy, France and Poland by 2024 additions"
    );
    assert_eq!(
        country_codes("For NL, BE and LU added together?"),
        "For Netherlands, Belgium and Luxembourg added together?"
    );
    assert_eq!(country_codes("TOP 5 IN 2024 VS US"), "TOP 5 IN 2024 VS US");
    assert_eq!(
        country_groups("the Benelux as a whole, vs Iberia? (DACH later)"),
        "the Netherlands, Belgium and Luxembourg as a whole, vs Spain and Portugal? \
         (Germany, Austria and Switzerland later)"
    );
    assert_eq!(
        country_groups("the Benelux (Netherlands, Belgium and Luxembourg) together"),
        "the  (Netherlands, Belgium and Luxembourg) together"
    );
    assert_eq!(
        country_groups(&country_codes(
            "Combined capacity of Visegrad countries (PL, CZ, SK, HU) at end of 2024?"
        )),
        "Combined capacity of  (Poland, Czech Republic, Slovakia, Hungary) at end of 2024?"
    );
    assert_eq!(
        country_groups("the Visegrad group vs Iberia"),
        "the Poland, Czech Republic, Slovakia and Hungary vs Spain and Portugal"
    );
    // A label beside its own countries stays.
    let q = "Benelux check: is the Dutch or the Belgian base bigger?";
    assert_eq!(country_groups(q), q);
    // Only whole words: "dachshund", "Iberian" stay.
    assert_eq!(
        country_groups("an Iberian dachshund"),
        "an Iberian dachshund"
    );
    // "it" alone, or "IT" with no other code, stays.
    for q in ["Is IT right?", "DE 2024, is it up?"] {
        assert_eq!(country_codes(q), q);
    }
    let q = read("DE vs ES vs IT 2030 additions in the high scenario?");
    assert_eq!(
        q.all(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        }),
        vec!["Germany".to_string(), "Spain".into(), "Italy".into()],
        "{q:?}"
    );
    let q = read("SunForge shipments q/q Q3->Q4 2024?");
    assert!(q.has(|w| *w == Word::Op(Op::Change)), "{q:?}");
    assert!(
        q.has(|w| *w == Word::Quarter(3)) && q.has(|w| *w == Word::Quarter(4)),
        "{q:?}"
    );
}

#[test]
fn a_decade_and_a_level_in_terawatts_are_read() {
    let q = read("avg annual additions in Germany over the 2010s?");
    assert_eq!(q.years(), vec![2010, 2019], "{q:?}");
    assert!(q.unknown().is_empty(), "{q:?}");
    let q = read("When did the global installed PV base first pass 1 TW?");
    assert!(q.has(|w| *w == Word::Level(1_000_000.0)), "{q:?}");
}

#[test]
fn slips_politeness_and_glosses_are_read_past() {
    // Each of these declined on the word named, in a question otherwise understood.
    for (q, word) in [
        (
            "Of the countries, whcih installed the most in 2024?",
            "whcih",
        ),
        (
            "Looking only at 2015 to 2024, in which year did Italy add the least?",
            "only",
        ),
        (
            "When did Germany's cumulative installed base first pass the 50 GW mark?",
            "mark",
        ),
        (
            "If I add together Germany, France and Italy, how much did those three install in 2024?",
            "if",
        ),
        (
            "I should like to know how much Italy added in 2024, if you would be so kind.",
            "should",
        ),
        (
            "For our investment committee next week: Italy's additions in 2024?",
            "investment",
        ),
    ] {
        let u = read(q);
        assert!(u.unknown().is_empty(), "{q}: {:?}", u.unknown());
        assert!(u.not_held().is_empty(), "{q}: {:?}", u.not_held());
        assert!(
            !u.spans
                .iter()
                .any(|s| s.text == word && !s.read_past && s.meanings != vec![Word::Filler]),
            "{q}"
        );
    }
    for q in [
        "How much ground-mount PV went in across Spain in 2023?",
        "For the debate on the NZIA non-price criteria: June 2024 TOPCon modules, EU vs China?",
        "What was the EU price for TOPCon modules in the week of 3 April 2024?",
        "Germany's installed base at the end of 2024, the whole fleet i mean",
    ] {
        let u = read(q);
        assert!(
            u.unknown().is_empty() && u.not_held().is_empty(),
            "{q}: {:?}",
            u.spans
        );
        // ("i mean" is no average.)
        assert!(!u.has(|w| *w == Word::Op(Op::Average)), "{q}");
    }
    assert!(
        read("How much ground-mount PV went in across Spain in 2023?")
            .has(|w| *w == Word::Connection("Centralised"))
    );
    assert!(read("Italy 2024 vs 2023: Δ in MW and in %?").has(|w| *w == Word::Op(Op::Change)));
    // "non-solar", "non-residential" and "non-module" still change the question.
    for q in [
        "How much non-solar capacity did Italy add in 2024?",
        "Italy's non-residential additions in 2024?",
        "Non-module prices in China in 2024?",
    ] {
        assert!(
            read(q)
                .spans
                .iter()
                .any(|s| s.text == "non" && s.is_unknown()),
            "{q}"
        );
    }
    // "non-China" still changes the question.
    let u = read("Non-China poly premium: EU vs China polysilicon in Dec 2024?");
    assert!(u.spans.iter().any(|s| s.text == "non" && s.is_unknown()));
    // "the number 4 market": the fourth place of a ranking; "number 4" of anything else stays.
    assert!(
        ordinals(&numbered_places(
            "Who was the number 4 market of the world in 2023?"
        ))
        .contains("top 4")
    );
    assert_eq!(
        numbered_places("the number 4 is odd"),
        "the number 4 is odd"
    );
    // "only top 3 please", "if you rank ... instead": a request; "instead" without an operation
    // of its own still changes the question.
    for q in [
        "Rank EU countries by cumulative capacity end of 2024, only top 3 please.",
        "And if you rank by installed base at end-2024 instead?",
        "For our 2030 net-zero roadmap: Germany's cumulative capacity in 2030, most probable?",
    ] {
        let u = read(q);
        assert!(u.unknown().is_empty(), "{q}: {:?}", u.unknown());
    }
    let u = read("ok, back to Spain but for 2024 annual additions instead");
    assert!(u.unknown().contains(&"instead"), "{:?}", u.spans);
    assert!(read("high case instead").unknown().is_empty());
    // Shorthand and the asker's labels.
    for q in [
        "Quick check: Italy PV installations in CY2024, in MW?",
        "For an infographic and an Instagram carousel: top 5 countries for new installs in 2024?",
        "Avg. annual PV installations in Italy over 2020-2024? approx. figure ok",
        "Total PV added in Italy 2018-2020 incl.? pls give in MW",
        "Off-grid share of France's 2023 additions? prob. very small",
        "Italy's FIT ended in 2013 if I remember correctly. In which year did Italy install the most?",
        "For our low-priority list: which two countries added the least PV in 2022?",
        "Mid-term outlook: which 3 countries have the biggest forecast additions in 2030?",
    ] {
        let u = read(q);
        assert!(
            u.unknown().is_empty() && u.not_held().is_empty(),
            "{q}: {:?}",
            u.spans
        );
    }
    assert!(read("Italy PV installations in CY2024?").years() == vec![2024]);
    assert!(
        read("What was Spain's slowest year for new installs?").has(|w| *w == Word::Op(Op::Min))
    );
    assert!(
        read("How many MW less did Italy install in 2024 than in 2023?")
            .has(|w| *w == Word::Op(Op::Compare))
    );
    // A system's size is not a capacity the data holds.
    assert!(
        !read("Average size of a German home PV system in kW?")
            .not_held()
            .is_empty()
    );
    // ...but the size of a market is its installations; "Avg." starts no sentence; "incl.
    // forecast" joins the forecast to the history.
    let u = read("What was the average size of the Italian PV market per year over 2015-2024?");
    assert!(
        u.not_held().is_empty() && u.has(|w| *w == Word::Op(Op::Average)),
        "{:?}",
        u.spans
    );
    let u = read("Avg. annual PV installations in Italy over 2020-2024? approx. figure ok");
    assert!(
        u.has(|w| *w == Word::Op(Op::Average)) && u.years() == vec![2020, 2024],
        "{:?}",
        u.spans
    );
    let u = read("NL annual additions — peak year over the full series incl. forecast?");
    assert!(
        u.has(|w| matches!(w, Word::Scenario(s) if *s == crate::agents::builtin::market::JOINED)),
        "{:?}",
        u.spans
    );
    // A statistician's precision: "MW DC", "annual, not cumulative", "not the stock", "Q4'24",
    // "all segments together"; "now" first is no latest figure.
    for q in [
        "Germany, distributed segment, capacity added in 2024? Annual, not cumulative.",
        "How much off-grid PV did Italy install in 2024? Annual figure, not the stock.",
        "For the bulletin I need Poland's new PV capacity in 2024: the annual addition, all segments together, in MW DC.",
        "Poland is on our radar for a JV. What was its average yearly market between 2021 and 2024?",
    ] {
        let u = read(q);
        assert!(
            u.unknown().is_empty() && !u.has(|w| *w == Word::Kind("Cumulative")),
            "{q}: {:?}",
            u.spans
        );
        assert!(!u.has(|w| *w == Word::Op(Op::Sum)), "{q}");
    }
    assert!(read("Helios gross margin in Q4'24?").has(|w| *w == Word::Quarter(4)));
    assert!(read("Helios gross margin in Q4'24?").years() == vec![2024]);
    assert!(!read("Now the same for France.").has(|w| *w == Word::Op(Op::Latest)));
    // "not" before anything else still changes the question.
    assert!(
        read("Italy's additions in 2024, not counting rooftops?")
            .spans
            .iter()
            .any(|s| s.text == "not" || s.has(|w| matches!(w, Word::NotHeld(_))))
    );
    // "If I add together": the places are added up.
    let u = read(
        "If I add together Germany, France and Italy, how much did those three install in 2024?",
    );
    assert!(u.has(|w| *w == Word::Op(Op::Sum)));
    // A condition is still one ("if prices fall").
    let u = read("If Italy adds 10 GW in 2025, what is its share?");
    assert!(
        u.spans
            .iter()
            .any(|s| s.text == "if" && s.is_unknown() && !s.read_past),
        "{:?}",
        u.spans
    );
    // "that is centralised" glosses a segment before a colon: the connection is asked, not read
    // past as the asker's story.
    let u = read(
        "For utility-scale, that is centralised, plants: which three countries added the most in 2023?",
    );
    assert!(
        u.has(|w| *w == Word::Connection("Centralised")),
        "{:?}",
        u.spans
    );
    // ...but a statement before a colon is still context.
    let u =
        read("Our client is a rooftop installer: which three countries added the most in 2023?");
    assert!(
        !u.has(|w| matches!(w, Word::Connection(_))),
        "{:?}",
        u.spans
    );
    // "the multiple" compares; "the drawdown" is a change.
    assert!(read("US vs China modules, and the multiple?").has(|w| *w == Word::Op(Op::Compare)));
    assert!(
        read("China TOPCon module record high vs latest, and the % drawdown?")
            .has(|w| *w == Word::Op(Op::Change))
    );
}

#[test]
fn asides_on_units_forecasts_and_the_record_are_read_past() {
    // A unit not wanted, the forecast not asked beside the history asked, "for the record",
    // "fwiw" and the asker's "target markets": nothing is left unmatched.
    for q in [
        "Please in GW, the MEP does not like MW.",
        "What is the latest year of actual (not forecasted) data for Hungary?",
        "For the record I need the compound annual growth rate of Poland's installed PV base between 2019 and 2024.",
        "Copper price in March 2024, fwiw?",
        "Rough TAM for our six target markets: sum of 2024 distributed additions across Germany and Spain?",
    ] {
        let u = read(q);
        assert!(
            u.spans.iter().all(|s| !s.is_unknown()),
            "{q}: {:?}",
            u.spans
        );
        assert!(
            !u.has(|w| matches!(w, Word::Op(Op::Max | Op::Forecast))),
            "{q}: {:?}",
            u.spans
        );
    }
    // A forecast denied without the history asked still says "not" (a negation of the question).
    assert!(
        read("Not forecasted, what did Hungary add in 2030?")
            .spans
            .iter()
            .any(|s| s.is_unknown())
    );
    // "not World or regions like Asia" beside a ranking of countries says what it does anyway;
    // "not Asia" alone may leave out Asia's countries, and stays unmatched.
    let q = read(
        "Which are the top 5 countries for new PV in 2024? Only countries please, not World or regions like Asia",
    );
    assert!(
        !q.has(|w| matches!(w, Word::Territory(_))) && q.spans.iter().all(|s| !s.is_unknown()),
        "{:?}",
        q.spans
    );
    assert!(
        read("Top 5 countries in 2024, not Asia")
            .spans
            .iter()
            .any(|s| s.is_unknown())
    );
    // "the distributed part" is the segment, not a share; "the four years" are the span's.
    let q = read(
        "Only the distributed part: how many MW did Italy add from 2021 to 2024, summing the four years?",
    );
    assert!(
        !q.has(|w| matches!(w, Word::Op(Op::Share) | Word::Count(_))),
        "{:?}",
        q.spans
    );
    assert!(
        read("What part of Italy's 2024 additions was distributed?")
            .has(|w| *w == Word::Op(Op::Share))
    );
    // Two quarters joined by a hyphen are the range; listed, they stay two.
    assert_eq!(
        quarter_ranges("net income Q1-Q4 2024?"),
        "net income Q1 to Q4 2024?"
    );
    assert_eq!(quarter_ranges("Q2–Q3, please"), "Q2 to Q3, please");
    assert_eq!(quarter_ranges("Q1, Q3 2024"), "Q1, Q3 2024");
    assert_eq!(quarter_ranges("the 2021-2023 span"), "the 2021-2023 span");
}

#[test]
fn slips_reported_figures_and_listed_aggregates_are_read_past() {
    // Two neighbouring letters swapped in an ordinary word, "as reported", aggregates listed
    // after "excluding aggregates" (up to the question), the full year not asked beside quarters,
    // and "in that range": nothing is left unmatched, and nothing is read as a place.
    for q in [
        "avg p-type m10 wafer price in china durign june 2024?",
        "What was Spain's annual PV installation figure for 2024, as reported?",
        "Excluding aggregates (World, EU, regional totals), which five countries added the most PV capacity in 2024?",
        "simple avg of its four 2024 quarterly gross margins (not the FY figure)",
        "ok which year was highest in that range",
    ] {
        let u = read(q);
        assert!(
            u.spans.iter().all(|s| !s.is_unknown()),
            "{q}: {:?}",
            u.spans
        );
        assert!(
            !u.has(|w| matches!(w, Word::Except(_) | Word::FullYear)),
            "{q}: {:?}",
            u.spans
        );
    }
    let q = read(
        "Excluding aggregates (World, EU, regional totals), which five countries added the most in 2024?",
    );
    assert!(!q.has(|w| matches!(w, Word::Territory(_))), "{:?}", q.spans);
    // A slip of a word of the data is read as that word, and said; a slip into a word that
    // changes the question is not read past ("nto": a short word is not guessed either).
    let q = read("the lowset price");
    assert!(q.has(|w| *w == Word::Op(Op::Bottom)), "{:?}", q.spans);
    assert!(read("nto cumulative").spans.iter().any(|s| s.is_unknown()));
    assert!(
        read("excpet Germany")
            .spans
            .iter()
            .all(|s| s.text != "excpet" || !s.read_past)
    );
    // "in aggregate" adds up; "how low" asks the lowest.
    assert!(read("Spain adding in aggregate over 2025-2030").has(|w| *w == Word::Op(Op::Sum)));
    assert!(read("which year, and how low?").has(|w| *w == Word::Op(Op::Min)));
}

#[test]
fn years_said_in_words_are_written_as_digits() {
    for (said, written) in [
        ("Spain in twenty twenty-four", "Spain in 2024"),
        ("from twenty ten to twenty fifteen", "from 2010 to 2015"),
        ("two thousand and five", "2005"),
        // (The comment of `spelled_years` promised this one; tens stopped at fifty.)
        ("back in nineteen ninety-nine", "back in 1999"),
    ] {
        assert_eq!(super::text::spelled_years(said), written, "{said}");
    }
    // Not years: "twenty ninety" (beyond 2059) stays as said.
    assert_eq!(super::text::spelled_years("twenty ninety"), "twenty ninety");
}
