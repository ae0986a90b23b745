//! The free trial and the fallback agent (decision L4, `latest-app.md` §1.3, §1.4): on only when
//! the setting `FALLBACK_AGENT` names an agent. A `free` user may use every agent they hired,
//! whatever its plan, while their monthly count is under their limit (5 + the survey bonuses);
//! after that only the fallback agent, which then answers up to [`DAILY_FALLBACK_QUERIES`] a
//! calendar day (UTC) counted apart from the monthly count.
//!
//! [`Trial::step`] is the one rule: the access decision (`check`, `my-agents`, `chat/send`),
//! `agent-access/hire` and `trial-status` all read it.

use super::agents::Agent;
use super::plans::Plan;

/// Queries a day the fallback agent answers once the trial has ended.
pub const DAILY_FALLBACK_QUERIES: i64 = 10;

/// A user's free trial: present only for a `free`, non-admin user while the setting is on.
#[derive(Clone, Copy, Debug)]
pub struct Trial {
    /// The agent of `FALLBACK_AGENT`.
    pub fallback: &'static Agent,
    /// The monthly count has reached the limit (5 + survey bonuses).
    pub ended: bool,
}

/// What the trial says about one of the user's agents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// In the trial: usable (and hireable) whatever its plan.
    Open,
    /// The trial has ended and this is not the fallback agent: refused.
    Closed,
    /// The trial has ended and this is the fallback agent: its plan decides, as for anyone.
    Fallback,
}

impl Trial {
    /// Whether a user has a trial: the setting is on (`fallback` is `Some`), the plan is `free`
    /// (an unknown plan string is not) and the user is not an admin (never limited).
    pub fn applies(fallback: Option<&Agent>, plan: Plan, is_admin: bool) -> bool {
        fallback.is_some() && plan == Plan::Free && !is_admin
    }

    /// The trial of a user whose monthly count and limit are given, or `None` when it does not
    /// apply ([`Trial::applies`]).
    pub fn of(
        fallback: Option<&'static Agent>,
        plan: Plan,
        is_admin: bool,
        monthly_count: i64,
        limit: i64,
    ) -> Option<Trial> {
        let fallback = fallback.filter(|_| Trial::applies(fallback, plan, is_admin))?;
        Some(Trial {
            fallback,
            ended: monthly_count >= limit,
        })
    }

    /// The rule for `agent_type` (normalised).
    pub fn step(&self, agent_type: &str) -> Step {
        if !self.ended {
            Step::Open
        } else if agent_type == self.fallback.id {
            Step::Fallback
        } else {
            Step::Closed
        }
    }

    /// The access decision's refusal once the trial has ended.
    pub fn access_ended_message(&self) -> String {
        format!(
            "Your trial has ended. Only {} is available in the free tier. Please upgrade to continue using this agent.",
            self.fallback.name()
        )
    }

    /// `agent-access/hire`'s refusal once the trial has ended.
    pub fn hire_ended_message(&self) -> String {
        format!(
            "Your trial has ended. Only {} is available in the free tier. Upgrade to hire more agents!",
            self.fallback.name()
        )
    }

    /// `trial-status`'s message once the trial has ended (no agent is released: defect D6).
    pub fn status_message(&self) -> String {
        format!(
            "Your trial has ended. Only {} is available in the free tier. Please upgrade to continue using other agents.",
            self.fallback.name()
        )
    }

    /// The chat 429 when the fallback agent's queries of the day are used up.
    pub fn daily_limit_message(&self) -> String {
        format!(
            "Daily query limit reached. {} is available with {DAILY_FALLBACK_QUERIES} queries per day.",
            self.fallback.name()
        )
    }

    /// The chat 429 when another agent (one the user may still reach, e.g. through a grant
    /// without unlimited queries) is asked after the trial.
    pub fn quota_ended_message(&self) -> String {
        format!(
            "Trial ended. Only {} is available with {DAILY_FALLBACK_QUERIES} queries/day.",
            self.fallback.name()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agents::{AgentType, agent};

    #[test]
    fn the_trial_applies_to_free_users_while_the_setting_is_on() {
        let sam = Some(AgentType::Seamless.agent());
        // (fallback, plan, admin, count, limit) -> None / Some(ended)
        type Case = (
            Option<&'static Agent>,
            Option<&'static str>,
            bool,
            i64,
            i64,
            Option<bool>,
        );
        let cases: &[Case] = &[
            (sam, Some("free"), false, 4, 5, Some(false)),
            (sam, Some("free"), false, 5, 5, Some(true)),
            (sam, None, false, 9, 10, Some(false)),
            (sam, Some("free"), false, 10, 10, Some(true)),
            (None, Some("free"), false, 50, 5, None),
            (sam, Some("free"), true, 50, 5, None),
            (sam, Some("analyst"), false, 50, 5, None),
            (sam, Some("premium"), false, 5000, 1000, None),
            (sam, Some("gold"), false, 50, 5, None),
        ];
        for (fallback, plan, admin, count, limit, want) in cases {
            let got = Trial::of(*fallback, Plan::stored(*plan), *admin, *count, *limit);
            assert_eq!(
                got.map(|t| t.ended),
                *want,
                "{plan:?} {admin} {count}/{limit}"
            );
        }
    }

    #[test]
    fn steps_and_messages() {
        let sam = AgentType::Seamless.agent();
        let open = Trial {
            fallback: sam,
            ended: false,
        };
        let ended = Trial {
            fallback: sam,
            ended: true,
        };
        let cases: &[(&Trial, &str, Step)] = &[
            (&open, "bipv_design", Step::Open),
            (&open, "seamless", Step::Open),
            (&ended, "bipv_design", Step::Closed),
            (&ended, "market", Step::Closed),
            (&ended, "seamless", Step::Fallback),
        ];
        for (trial, agent_type, want) in cases {
            assert_eq!(
                trial.step(agent_type),
                *want,
                "{} {agent_type}",
                trial.ended
            );
        }
        // The old service's texts, word for word, when the fallback agent is Sam.
        assert_eq!(
            ended.access_ended_message(),
            "Your trial has ended. Only Sam is available in the free tier. Please upgrade to continue using this agent."
        );
        assert_eq!(
            ended.hire_ended_message(),
            "Your trial has ended. Only Sam is available in the free tier. Upgrade to hire more agents!"
        );
        assert_eq!(
            ended.status_message(),
            "Your trial has ended. Only Sam is available in the free tier. Please upgrade to continue using other agents."
        );
        assert_eq!(
            ended.daily_limit_message(),
            "Daily query limit reached. Sam is available with 10 queries per day."
        );
        assert_eq!(
            ended.quota_ended_message(),
            "Trial ended. Only Sam is available with 10 queries/day."
        );
        // Another fallback agent is named by its persona, one without by its display name.
        let alex = Trial {
            fallback: agent("market").unwrap(),
            ended: true,
        };
        assert!(
            alex.access_ended_message()
                .contains("Only Alex is available")
        );
        let weaviate = Trial {
            fallback: agent("weaviate").unwrap(),
            ended: true,
        };
        assert!(
            weaviate
                .quota_ended_message()
                .contains("Only Database Query Agent is available")
        );
    }
}
