//! The market data's closed vocabularies: scenario, connection and type of a row, parsed once
//! (when a file is ingested, when a row is read back, and from a tool's arguments) and written
//! as the data's own names.

use std::fmt;

/// Define a closed vocabulary: each variant with the data's name for it, and the spellings
/// (squashed: lower case, letters and digits only) read as it.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal [$($alias:literal),*]),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every value, in the data's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The data's name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// A name of either market layout, any case and punctuation.
            pub fn parse(s: &str) -> Option<$name> {
                let squashed = squash(s);
                $(
                    if squashed == squash($text) $(|| squashed == $alias)* {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// The data's names, for messages: "A, B or C".
            pub fn names() -> String {
                let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                all.join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<$name, String> {
                $name::parse(&s).ok_or_else(|| {
                    format!("unknown {} {s:?} (one of: {})", stringify!($name), $name::names())
                })
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

vocabulary! {
    /// A row's scenario: history (primary or secondary source) or one of three forecasts. The
    /// wide layout's `Historical`, `High`, `Most Probable`, `Low` read as the long layout's names.
    Scenario {
        HistoricalPrimary = "Historical Primary" ["historical"],
        HistoricalSecondary = "Historical Secondary" [],
        ForecastHigh = "Forecast - High" ["high"],
        ForecastMostProbable = "Forecast - Most probable" ["mostprobable", "forecast", "forecastmedium", "medium"],
        ForecastLow = "Forecast - Low" ["low"],
    }
}

vocabulary! {
    /// A row's connection: the total, or one of its three segments.
    Connection {
        Total = "Total" ["all"],
        Centralised = "Centralised" ["centralized", "utilityscale", "utility", "groundmounted"],
        Distributed = "Distributed" ["rooftop"],
        OffGrid = "Off-grid" [],
    }
}

vocabulary! {
    /// A row's type: the capacity added in the year, or installed by its end.
    Kind {
        Annual = "Annual" ["annualmarket"],
        Cumulative = "Cumulative" ["cumulativemarket"],
    }
}

impl Scenario {
    /// What the data holds as fact, before the forecasts: the primary source, then the
    /// secondary, then the most probable forecast (the default series).
    pub const AUTO: [Scenario; 3] = [
        Scenario::HistoricalPrimary,
        Scenario::HistoricalSecondary,
        Scenario::ForecastMostProbable,
    ];

    pub fn is_forecast(self) -> bool {
        matches!(
            self,
            Scenario::ForecastHigh | Scenario::ForecastMostProbable | Scenario::ForecastLow
        )
    }

    pub fn is_historical(self) -> bool {
        !self.is_forecast()
    }

    /// The three forecasts, high to low.
    pub const FORECASTS: [Scenario; 3] = [
        Scenario::ForecastHigh,
        Scenario::ForecastMostProbable,
        Scenario::ForecastLow,
    ];
}

impl Connection {
    /// The segments that add up to the total.
    pub const SEGMENTS: [Connection; 3] = [
        Connection::Centralised,
        Connection::Distributed,
        Connection::OffGrid,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_both_layouts_parse_and_print_as_the_data_does() {
        assert_eq!(
            Scenario::parse("Most Probable"),
            Some(Scenario::ForecastMostProbable)
        );
        assert_eq!(
            Scenario::parse("Forecast - High"),
            Some(Scenario::ForecastHigh)
        );
        assert_eq!(
            Scenario::parse("Historical"),
            Some(Scenario::HistoricalPrimary)
        );
        assert_eq!(Scenario::parse("Guess"), None);
        assert_eq!(Connection::parse("Off grid"), Some(Connection::OffGrid));
        assert_eq!(
            Connection::parse("Centralized"),
            Some(Connection::Centralised)
        );
        assert_eq!(Kind::parse("CUMULATIVE"), Some(Kind::Cumulative));
        assert_eq!(Kind::parse("Annual Market"), Some(Kind::Annual));
        for s in Scenario::ALL {
            assert_eq!(Scenario::parse(s.as_str()), Some(*s));
        }
        for c in Connection::ALL {
            assert_eq!(Connection::parse(c.as_ref()), Some(*c));
        }
        assert_eq!(Connection::OffGrid.as_str(), "Off-grid");
        assert!(Kind::try_from("yearly".to_string()).is_err());
        assert!(
            Scenario::ForecastLow.is_forecast() && Scenario::HistoricalSecondary.is_historical()
        );
    }
}
