//! Progress of an ingestion: a bar on a terminal (indicatif: rows or files, rate, ETA, then each
//! phase after reading so the bar never sits at 100 % while work goes on), a log line every few
//! seconds without one, or nothing (the sample load, tests).

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the log line is written without a terminal.
const LOG_EVERY: Duration = Duration::from_secs(5);

enum Mode {
    Hidden,
    Bar(ProgressBar),
    Log {
        every: Duration,
        last: Instant,
        /// Tests read the lines here; otherwise they go to the log.
        lines: Option<Arc<Mutex<Vec<String>>>>,
    },
}

pub struct Progress {
    mode: Mode,
    what: String,
    unit: &'static str,
    total: Option<u64>,
    done: u64,
    started: Instant,
}

impl Progress {
    /// A bar when standard error is a terminal, log lines otherwise; nothing when `show` is
    /// false.
    pub fn new(show: bool) -> Progress {
        let mode = if !show {
            Mode::Hidden
        } else if std::io::stderr().is_terminal() {
            Mode::Bar(ProgressBar::with_draw_target(
                None,
                ProgressDrawTarget::stderr_with_hz(10),
            ))
        } else {
            Mode::Log {
                every: LOG_EVERY,
                last: Instant::now(),
                lines: None,
            }
        };
        Progress::with_mode(mode)
    }

    pub fn hidden() -> Progress {
        Progress::with_mode(Mode::Hidden)
    }

    /// Log-line progress into `lines`, a line at most every `every` (tests).
    pub fn into_lines(lines: Arc<Mutex<Vec<String>>>, every: Duration) -> Progress {
        Progress::with_mode(Mode::Log {
            every,
            last: Instant::now(),
            lines: Some(lines),
        })
    }

    fn with_mode(mode: Mode) -> Progress {
        Progress {
            mode,
            what: String::new(),
            unit: "rows",
            total: None,
            done: 0,
            started: Instant::now(),
        }
    }

    /// Whether anything is shown (an estimate of the total is worth computing).
    pub fn is_shown(&self) -> bool {
        !matches!(self.mode, Mode::Hidden)
    }

    /// Start reading `what`, counting `unit`, `total` of them if known (or estimated).
    pub fn start(&mut self, what: &str, unit: &'static str, total: Option<u64>) {
        self.what = what.to_string();
        self.unit = unit;
        self.total = total;
        self.done = 0;
        self.started = Instant::now();
        match &mut self.mode {
            Mode::Hidden => {}
            Mode::Bar(bar) => {
                let style = match total {
                    Some(_) => ProgressStyle::with_template(&format!(
                        "{{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{rate}}, ETA {{eta}})"
                    )),
                    None => ProgressStyle::with_template(&format!(
                        "{{spinner}} {{msg}} {{pos}} {unit} ({{rate}})"
                    )),
                }
                .expect("static template")
                .with_key(
                    "rate",
                    move |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0} {unit}/s", st.per_sec());
                    },
                )
                .progress_chars("#>-");
                bar.set_style(style);
                if let Some(t) = total {
                    bar.set_length(t);
                }
                bar.set_position(0);
                bar.set_message(format!("reading {what}"));
            }
            Mode::Log { .. } => {
                let line = match total {
                    Some(t) => format!("reading {what}: about {t} {unit}"),
                    None => format!("reading {what}"),
                };
                self.log(line);
            }
        }
    }

    pub fn add(&mut self, n: u64) {
        self.done += n;
        if let Some(t) = self.total
            && self.done > t
        {
            // The estimate was short (quoted line breaks, a count from the file's metadata).
            self.total = Some(self.done);
            if let Mode::Bar(bar) = &self.mode {
                bar.set_length(self.done);
            }
        }
        match &mut self.mode {
            Mode::Hidden => {}
            Mode::Bar(bar) => bar.set_position(self.done),
            Mode::Log { every, last, .. } => {
                if last.elapsed() >= *every {
                    *last = Instant::now();
                    let line = self.reading_line();
                    self.log(line);
                }
            }
        }
    }

    fn reading_line(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = self.done as f64 / secs;
        let mut line = format!(
            "{}: {} {} read, {:.0} {}/s",
            self.what, self.done, self.unit, rate, self.unit
        );
        if let Some(t) = self.total.filter(|t| *t > 0) {
            let pct = (self.done as f64 / t as f64 * 100.0).min(100.0);
            let eta = (t.saturating_sub(self.done)) as f64 / rate.max(1e-9);
            line.push_str(&format!(", {pct:.0} %, about {eta:.0} s left"));
        }
        line
    }

    /// The work after reading: the bar becomes a spinner naming the phase.
    pub fn phase(&mut self, phase: &str) {
        match &mut self.mode {
            Mode::Hidden => {}
            Mode::Bar(bar) => {
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                        .expect("static template"),
                );
                bar.set_message(format!(
                    "{}: {} {} read; {phase}",
                    self.what, self.done, self.unit
                ));
                bar.enable_steady_tick(Duration::from_millis(100));
            }
            Mode::Log { .. } => {
                let line = format!("{}: {} {} read; {phase}", self.what, self.done, self.unit);
                self.log(line);
            }
        }
    }

    /// Done: the bar is cleared (the command prints its report), the log says how long it took.
    pub fn finish(&mut self) {
        let secs = self.started.elapsed().as_secs_f64();
        match &mut self.mode {
            Mode::Hidden => {}
            Mode::Bar(bar) => bar.finish_and_clear(),
            Mode::Log { .. } => {
                let line = format!(
                    "{}: done, {} {} in {secs:.1} s",
                    self.what, self.done, self.unit
                );
                self.log(line);
            }
        }
    }

    fn log(&mut self, line: String) {
        if let Mode::Log { lines, .. } = &mut self.mode {
            match lines {
                Some(l) => l.lock().expect("progress lines").push(line),
                None => tracing::info!(target: "solarintel::ingest", "{line}"),
            }
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // An error mid-way: the bar must not stay drawn over the error message.
        if let Mode::Bar(bar) = &self.mode
            && !bar.is_finished()
        {
            bar.finish_and_clear();
        }
    }
}

/// Lines of a text file, counted fast, as an estimate of its rows for the bar (quoted line
/// breaks make it high, which the bar corrects at the end).
pub fn estimate_lines(path: &std::path::Path) -> Option<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).ok()?;
        if k == 0 {
            break;
        }
        n += buf[..k].iter().filter(|b| **b == b'\n').count() as u64;
    }
    Some(n.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_terminal_progress_is_log_lines_with_rate_eta_and_phases() {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let mut p = Progress::into_lines(lines.clone(), Duration::ZERO);
        p.start("market.csv", "rows", Some(4));
        p.add(1);
        p.add(1);
        p.phase("checking conflicts");
        p.phase("committing");
        p.finish();
        let got = lines.lock().unwrap().clone();
        assert_eq!(got[0], "reading market.csv: about 4 rows");
        assert!(got[1].starts_with("market.csv: 1 rows read, "), "{got:?}");
        assert!(
            got[2].contains("2 rows read") && got[2].contains("50 %"),
            "{got:?}"
        );
        assert!(got[2].contains("s left"), "{got:?}");
        assert_eq!(got[3], "market.csv: 2 rows read; checking conflicts");
        assert_eq!(got[4], "market.csv: 2 rows read; committing");
        assert!(
            got[5].starts_with("market.csv: done, 2 rows in "),
            "{got:?}"
        );

        // Lines are spaced: with a long interval only the start, phases and end are written.
        let lines = Arc::new(Mutex::new(Vec::new()));
        let mut p = Progress::into_lines(lines.clone(), Duration::from_secs(3600));
        p.start("big.csv", "rows", None);
        for _ in 0..10_000 {
            p.add(1);
        }
        p.finish();
        let got = lines.lock().unwrap().clone();
        assert_eq!(got.len(), 2, "{got:?}");
        // A total that was short grows with the rows.
        let mut p = Progress::into_lines(Arc::default(), Duration::ZERO);
        p.start("x", "rows", Some(1));
        p.add(3);
        assert_eq!(p.total, Some(3));
    }

    #[test]
    fn a_csv_estimate_counts_lines_without_the_header() {
        let dir = std::env::temp_dir().join(format!("si-progress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.csv");
        std::fs::write(&f, "h1,h2\n1,2\n3,4\n").unwrap();
        assert_eq!(estimate_lines(&f), Some(2));
        std::fs::remove_dir_all(&dir).ok();
    }
}
