use super::*;

fn tool(text: &str) -> Facts {
    let mut f = Facts::default();
    f.add_tool_output(text);
    f
}

fn printed(text: &str) -> Vec<String> {
    scan(text, true).into_iter().map(|f| f.printed).collect()
}

fn passes(facts: &Facts, text: &str) -> bool {
    unchecked(text, true, facts).is_empty()
}

const MARKET: &str = r#"{"source":"market.csv","sample_data":false,"unit":"MW (DC)","columns":["territory","year","scenario","connection","type","capacity_mw"],"rows":[["Italy",2024,"Historical Primary","Total","Annual",6682.123],["Italy",2023,"Historical Primary","Total","Cumulative",30338]],"groups":[{"connection":"Total","share":0.1234}]}"#;

#[test]
fn years_dates_names_ordinals_and_list_markers_are_not_figures() {
    assert_eq!(
        printed("In 2024 and 2023-24, Italy (Q1, FY2023, M10) was 3rd."),
        Vec::<String>::new()
    );
    assert_eq!(
        printed("1. Italy on 2024-03-15 and 15 March 2024"),
        Vec::<String>::new()
    );
    assert_eq!(printed("March 3, 2024: 6,682 MW"), ["6,682"]);
    assert_eq!(printed("12. Spain grew 3.5%"), ["3.5"]);
    assert_eq!(
        printed("Between 1990 and 2100: 2101 and 1989"),
        ["2101", "1989"]
    );
    assert_eq!(printed("2030 MW is a figure"), ["2030"]);
    assert_eq!(
        printed("about USD15, or EUR 14"),
        ["15", "14"],
        "a currency code is no name"
    );
}

#[test]
fn a_figure_passes_at_the_digits_printed() {
    let f = tool(MARKET);
    assert!(passes(&f, "Italy installed 6,682 MW in 2024."));
    assert!(passes(&f, "Italy installed 6682.1 MW."));
    assert!(
        passes(&f, "Italy installed 6,700 MW."),
        "trailing zeros are rounding"
    );
    assert!(passes(&f, "Italy installed about 6.7k MW."));
    assert!(!passes(&f, "Italy installed 6,683 MW."));
    assert!(!passes(&f, "Italy installed 137,850 MW."));
    assert!(!passes(&f, "Italy installed 6,600 MW."));
    assert!(
        !passes(&f, "Italy installed 7,000 MW."),
        "two significant digits are kept"
    );
    assert!(passes(&f, "Its base was 30,338 MW."));
}

#[test]
fn power_units_convert_only_from_a_unit_the_tool_names() {
    let f = tool(MARKET);
    assert!(passes(&f, "Italy installed 6.7 GW."));
    assert!(passes(&f, "Italy installed 6.68 GW."));
    assert!(passes(&f, "Italy installed 6,682,123 kW."));
    assert!(passes(&f, "That is 6.682 gigawatts."));
    assert!(!passes(&f, "Italy installed 6.6 GW."));
    assert!(!passes(&f, "Italy installed 6.7 MW."), "a wrong unit");
    assert!(!passes(&f, "Italy installed 6.7 TW."));
    // the tool names no power unit: only the number itself
    let bare = tool(r#"{"rows":[[6682]]}"#);
    assert!(!passes(&bare, "6.7 GW"));
    assert!(passes(&bare, "6,682 MW"));
}

#[test]
fn percentages_and_fractions_convert_both_ways() {
    let f = tool(MARKET);
    assert!(passes(&f, "a share of 12.3 %"));
    assert!(passes(&f, "a share of 12.34%"));
    assert!(passes(&f, "a share of 12 percent"));
    assert!(!passes(&f, "a share of 13.3 %"));
    let change = tool(r#"{"change_percent":-12.3}"#);
    assert!(passes(&change, "prices fell by 0.123"));
    assert!(passes(&change, "prices fell by 12.3 %"));
    assert!(passes(&change, "prices fell by -12.3%"));
    assert!(!passes(&change, "prices fell by 0.13"));
}

#[test]
fn prices_convert_between_dollars_and_cents() {
    let f = tool(
        r#"{"source":"prices.csv","series":[{"unit":"US$/Wp","latest":{"date":"2024-12-01","price":0.112}}]}"#,
    );
    assert!(passes(
        &f,
        "The latest module price is 0.112 US$/Wp (December 2024)."
    ));
    assert!(passes(&f, "The latest module price is $0.11/W."));
    assert!(passes(&f, "The latest module price is 11.2 US¢/W."));
    assert!(passes(&f, "That is 11 cents per watt."));
    assert!(!passes(&f, "The latest module price is 0.13 US$/Wp."));
    assert!(!passes(&f, "The latest module price is 13 US¢/W."));
}

#[test]
fn separators_and_suffixes() {
    let f =
        tool(r#"{"unit":"USD million","rows":[["Helios","FY2023","Revenue",1234.5],[12,345]]}"#);
    assert!(passes(&f, "Revenue was USD 1,234.5 million."));
    assert!(passes(&f, "Revenue was USD 1.2 billion."));
    assert!(passes(&f, "Revenue was 1.23 bn."));
    assert!(
        passes(&f, "12,345 of them"),
        "a compact JSON pair also reads as one number"
    );
    assert!(!passes(&f, "Revenue was USD 1.3 billion."));
    assert!(passes(&tool("[37020]"), "37,020 MW"));
    assert!(passes(&tool("[37020]"), "37\u{202F}020 MW"));
}

#[test]
fn a_low_precision_figure_does_not_pass_on_a_year_or_an_unnamed_magnitude() {
    // SmolLM2: "the Spaniards invested €2 billion into Spain's electricity grid in 2022"
    let mut f = Facts::default();
    f.add_given("How much did Spain install in 2022?");
    f.add_tool_output(r#"{"unit":"MW (DC)","rows":[["Spain",2022,8200.5],["Spain",2021,6.7]]}"#);
    assert!(!passes(&f, "Spain invested €2 billion in 2022."));
    assert!(!passes(&f, "Spain installed 2,000 MW in 2022."));
    assert!(
        !passes(&f, "Spain installed 6.7 GW in 2021."),
        "6.7 is a figure in MW"
    );
    assert!(passes(&f, "Spain installed 8.2 GW in 2022."));
}

#[test]
fn the_question_and_the_prompt_are_not_checked() {
    let mut f = Facts::default();
    f.add_given("Which countries installed more than 17,000 MW? The top 5 please.");
    f.add_given("a reply within 24-48 h");
    assert!(passes(
        &f,
        "None of the top 5 installed more than 17,000 MW; our experts reply within 24-48 h."
    ));
    assert!(!passes(&f, "Italy installed 137,850 MW."));
}

#[test]
fn the_source_is_read_from_the_tool_result() {
    let mut f = Facts::default();
    f.add_tool_output(&format!(
        "The chart \"Italy\" was shown to the user. Its data: {MARKET}"
    ));
    f.add_tool_output(r#"{"source":"sample_data","sample_data":true,"rows":[]}"#);
    f.add_tool_output("Tool error: invalid arguments: unknown territory");
    assert_eq!(
        f.sources(),
        [
            ("market.csv".to_string(), false),
            ("sample_data".to_string(), true)
        ]
    );
}

fn run(guard: &mut Guard, deltas: &[&str]) -> (Vec<String>, String) {
    let mut outs = Vec::new();
    for d in deltas {
        let o = guard.push(d);
        if !o.is_empty() {
            outs.push(o);
        }
    }
    let o = guard.end_round();
    if !o.is_empty() {
        outs.push(o);
    }
    let all = outs.concat();
    (outs, all)
}

#[test]
fn sentences_are_held_until_they_end_and_replaced_when_a_figure_fails() {
    let mut g = Guard::new("How much did Italy install in 2024?", "");
    g.facts.add_tool_output(MARKET);
    let (outs, all) = run(
        &mut g,
        &[
            "Italy ins",
            "talled 6,682 MW in 2024 (6.7 GW). ",
            "Spain installed 9,",
            "999 MW. So",
            " Italy led.\n",
            "- France: 1,234 MW\n",
            "| Italy | 6,682 | 4,321 |\n",
            "Done",
        ],
    );
    assert_eq!(
        outs,
        [
            "Italy installed 6,682 MW in 2024 (6.7 GW). ",
            &format!("{NOTICE} "),
            "So Italy led.\n",
            &format!("- {NOTICE}\n"),
            &format!("| Italy | 6,682 | {CELL_NOTICE} |\n"),
            "Done",
        ]
    );
    assert!(!all.contains("9,999") && !all.contains("1,234") && !all.contains("4,321"));
    assert_eq!(g.take_removed(), ["9,999", "1,234", "4,321"]);
    assert_eq!(g.citation(&all).as_deref(), Some("\n\nSource: market.csv."));
    assert_eq!(g.citation("from market.csv"), None);
}

#[test]
fn consecutive_failing_sentences_give_one_notice_and_no_tool_means_no_figure() {
    let mut g = Guard::new("How much did Italy install in 2024?", "");
    let (_, all) = run(
        &mut g,
        &[
            "The PV installation for Italy in 2024 is around 137,850 MW. It grew 12% on 2023. ",
            "It is a big market.",
        ],
    );
    assert_eq!(all, format!("{NOTICE} It is a big market."));
    assert_eq!(g.take_removed(), ["137,850", "12"]);
    assert_eq!(g.citation(&all), None, "no tool result, no source");
}

#[test]
fn code_blocks_are_dropped_and_inline_code_unwrapped() {
    let mut g = Guard::new("", "");
    let (_, all) = run(
        &mut g,
        &[
            "Use the `market` data.\n",
            "``",
            "`python\nprint(137850)\n",
            "```\n",
            "After.\n",
            "~~~\nx = 1\n",
        ],
    );
    assert_eq!(all, "Use the market data.\nAfter.\n");
    assert!(
        g.take_removed().is_empty(),
        "figures inside dropped code are not counted"
    );
    // a fence opened mid-stream is held until its line ends
    let mut g = Guard::default();
    assert_eq!(g.push("`"), "");
    assert_eq!(g.push("`` and more"), "");
    assert_eq!(g.end_round(), "");
}

#[test]
fn a_quote_of_the_question_stays_in_one_piece() {
    let asked = "We pitch next week. What did Italy install\nin 2023?";
    let mut g = Guard::new(asked, "");
    let (outs, _) = run(
        &mut g,
        &[
            "You asked: We pitch next",
            " week. What did Italy install\nin 2023? ",
            "Then. ",
            "More.",
        ],
    );
    assert_eq!(
        outs,
        [
            format!("You asked: {asked} "),
            "Then. ".into(),
            "More.".into()
        ]
    );
}

#[test]
fn list_markers_do_not_end_a_sentence() {
    let mut g = Guard::new("", "");
    g.facts.add_tool_output(MARKET);
    let (outs, _) = run(&mut g, &["1. Italy: 6,682 MW\n", "2. Spain: 5 MW\n"]);
    assert_eq!(outs, ["1. Italy: 6,682 MW\n", &format!("2. {NOTICE}\n")]);
}

#[test]
fn the_sample_notice_joins_the_citation() {
    let mut g = Guard::new("", "");
    g.facts
        .add_tool_output(r#"{"source":"sample_data","sample_data":true,"rows":[[6682]]}"#);
    let (_, all) = run(&mut g, &["Italy: 6,682 MW."]);
    let c = g.citation(&all).unwrap();
    assert!(
        c.starts_with("\n\nSource: sample_data.\n\n*Computed from the built-in synthetic sample"),
        "{c}"
    );
    assert!(
        !g.citation("6,682 MW, synthetic sample")
            .unwrap()
            .contains("synthetic sample data")
    );
}
