//! The agent access decision (api-contract §4.5, decision F3; the free trial of decision L4):
//! one pure function, used by `chat/send`, `agent-access/check` and `agent-access/my-agents`.

use chrono::NaiveDateTime;

use super::plans::Plan;
use super::trial::{Step, Trial};

/// The `fastapi_agent_access` row of the agent.
#[derive(Clone, Debug)]
pub struct AgentConfig {
    pub required_plan: Option<String>,
    pub is_enabled: Option<bool>,
    pub required_plan_raised_at: Option<NaiveDateTime>,
}

impl AgentConfig {
    /// NULL `required_plan` reads as the default `free`.
    pub fn required_plan(&self) -> &str {
        self.required_plan.as_deref().unwrap_or("free")
    }
}

/// An active hire of the user for the agent.
#[derive(Clone, Debug)]
pub struct Hire {
    pub hired_at: Option<NaiveDateTime>,
    pub required_plan_at_hire: Option<String>,
}

/// An active whitelist grant of the user for the agent.
#[derive(Clone, Debug)]
pub struct Grant {
    pub expires_at: Option<NaiveDateTime>,
}

/// Everything the decision looks at, read from the database beforehand.
#[derive(Clone, Debug)]
pub struct AccessFacts<'a> {
    pub agent_type: &'a str,
    pub config: Option<&'a AgentConfig>,
    pub is_admin: bool,
    pub plan_type: Option<&'a str>,
    pub grants: &'a [Grant],
    pub hires: &'a [Hire],
    pub now: NaiveDateTime,
    /// The user's free trial ([`Trial::of`]): `None` when it does not apply.
    pub trial: Option<&'a Trial>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub can_access: bool,
    pub reason: Option<String>,
}

impl Decision {
    fn allow() -> Self {
        Decision {
            can_access: true,
            reason: None,
        }
    }
    fn deny(reason: String) -> Self {
        Decision {
            can_access: false,
            reason: Some(reason),
        }
    }
}

/// A grant counts while it has no expiry or its expiry is later than now: expiry needs no job.
pub fn is_whitelisted(grants: &[Grant], now: NaiveDateTime) -> bool {
    grants.iter().any(|g| g.expires_at.is_none_or(|e| e > now))
}

/// Grandfathering (F3): the requirement was raised after an active hire, and the user's plan
/// still meets the requirement that applied when they hired.
pub fn is_grandfathered(config: &AgentConfig, hires: &[Hire], plan_type: Option<&str>) -> bool {
    let Some(raised_at) = config.required_plan_raised_at else {
        return false;
    };
    hires.iter().any(|h| {
        matches!(h.hired_at, Some(at) if at < raised_at)
            && h.required_plan_at_hire
                .as_deref()
                .is_some_and(|p| Plan::stored(plan_type).meets(Plan::stored(Some(p))))
    })
}

/// The decision, rules in order, first match wins: configured, enabled, admin, whitelisted,
/// hired, the free trial (decision L4: a free user's hired agents are open during it, only the
/// fallback agent after it), grandfathered (F3), plan level. (Grandfathering needs a hire, so
/// it has always come after the hire check in effect; the trial's end also closes an agent
/// kept by grandfathering.)
pub fn decide(f: &AccessFacts<'_>) -> Decision {
    let t = f.agent_type;
    let Some(config) = f.config else {
        return Decision::deny(format!("Agent '{t}' is not configured"));
    };
    if !config.is_enabled.unwrap_or(false) {
        return Decision::deny(format!("Agent '{t}' is currently unavailable"));
    }
    if f.is_admin || is_whitelisted(f.grants, f.now) {
        return Decision::allow();
    }
    if f.hires.is_empty() {
        return Decision::deny("You must hire this agent from the Agents page first".into());
    }
    if let Some(trial) = f.trial {
        match trial.step(t) {
            Step::Open => return Decision::allow(),
            Step::Closed => return Decision::deny(trial.access_ended_message()),
            Step::Fallback => {}
        }
    }
    if is_grandfathered(config, f.hires, f.plan_type) {
        return Decision::allow();
    }
    let required = config.required_plan();
    if Plan::stored(f.plan_type).meets(Plan::stored(Some(required))) {
        Decision::allow()
    } else {
        Decision::deny(format!(
            "This agent requires a '{required}' plan or higher. Please upgrade your plan."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn cfg(plan: &str, enabled: Option<bool>, raised: Option<&str>) -> AgentConfig {
        AgentConfig {
            required_plan: Some(plan.into()),
            is_enabled: enabled,
            required_plan_raised_at: raised.map(dt),
        }
    }

    fn hire(at: &str, plan: Option<&str>) -> Hire {
        Hire {
            hired_at: Some(dt(at)),
            required_plan_at_hire: plan.map(str::to_string),
        }
    }

    const NOW: &str = "2026-06-01 12:00:00";

    fn run(
        config: Option<&AgentConfig>,
        admin: bool,
        plan: &str,
        grants: &[Grant],
        hires: &[Hire],
    ) -> Decision {
        decide(&AccessFacts {
            agent_type: "news",
            config,
            is_admin: admin,
            plan_type: Some(plan),
            grants,
            hires,
            now: dt(NOW),
            trial: None,
        })
    }

    #[test]
    fn every_branch_in_order() {
        let free = cfg("free", Some(true), None);
        let premium = cfg("premium", Some(true), None);
        let admin_only = cfg("admin", Some(true), None);
        let disabled = cfg("free", Some(false), None);
        let null_enabled = cfg("free", None, None);
        let raised = cfg("premium", Some(true), Some("2026-05-01 00:00:00"));
        let live = [Grant { expires_at: None }];
        let future = [Grant {
            expires_at: Some(dt("2026-06-01 12:00:01")),
        }];
        let expired = [Grant {
            expires_at: Some(dt(NOW)),
        }];
        let old_hire = [hire("2026-04-01 00:00:00", Some("free"))];
        let new_hire = [hire("2026-05-02 00:00:00", Some("premium"))];
        let untracked_hire = [hire("2026-04-01 00:00:00", None)];
        let premium_hire_before = [hire("2026-04-01 00:00:00", Some("premium"))];
        let deny = |r: &str| Decision {
            can_access: false,
            reason: Some(r.to_string()),
        };
        let allow = Decision {
            can_access: true,
            reason: None,
        };
        let need_hire = deny("You must hire this agent from the Agents page first");
        let need_premium =
            deny("This agent requires a 'premium' plan or higher. Please upgrade your plan.");

        let cases: Vec<(&str, Decision, Decision)> = vec![
            (
                "1 not configured",
                run(None, true, "max", &live, &old_hire),
                deny("Agent 'news' is not configured"),
            ),
            (
                "2 disabled, even for admins",
                run(Some(&disabled), true, "max", &live, &old_hire),
                deny("Agent 'news' is currently unavailable"),
            ),
            (
                "2 NULL enabled",
                run(Some(&null_enabled), false, "free", &[], &old_hire),
                deny("Agent 'news' is currently unavailable"),
            ),
            (
                "3 admin without hire",
                run(Some(&admin_only), true, "free", &[], &[]),
                allow.clone(),
            ),
            (
                "4 whitelisted without hire or plan",
                run(Some(&admin_only), false, "free", &live, &[]),
                allow.clone(),
            ),
            (
                "4 grant expiring later",
                run(Some(&premium), false, "free", &future, &[]),
                allow.clone(),
            ),
            (
                "4 expired grant does not count",
                run(Some(&premium), false, "free", &expired, &[]),
                need_hire.clone(),
            ),
            (
                "5 grandfathered",
                run(Some(&raised), false, "free", &[], &old_hire),
                allow.clone(),
            ),
            (
                "5 hired after the raise",
                run(Some(&raised), false, "free", &[], &new_hire),
                need_premium.clone(),
            ),
            (
                "5 no requirement recorded never grandfathers",
                run(Some(&raised), false, "free", &[], &untracked_hire),
                need_premium.clone(),
            ),
            (
                "5 did not qualify when hiring",
                run(Some(&raised), false, "free", &[], &premium_hire_before),
                need_premium.clone(),
            ),
            (
                "5 downgraded below the old requirement",
                run(
                    Some(&cfg("max", Some(true), Some("2026-05-01 00:00:00"))),
                    false,
                    "free",
                    &[],
                    &premium_hire_before,
                ),
                deny("This agent requires a 'max' plan or higher. Please upgrade your plan."),
            ),
            (
                "6 no hire",
                run(Some(&free), false, "max", &[], &[]),
                need_hire.clone(),
            ),
            (
                "7 plan enough",
                run(Some(&premium), false, "max", &[], &new_hire),
                allow.clone(),
            ),
            (
                "7 plan too low",
                run(Some(&premium), false, "free", &[], &new_hire),
                need_premium,
            ),
            (
                "7 unknown plan is level 0",
                run(Some(&free), false, "gold", &[], &new_hire),
                allow,
            ),
        ];
        for (name, got, want) in cases {
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn the_free_trial_comes_after_the_hire_and_before_the_plan() {
        use crate::domain::agents::AgentType;
        let sam = AgentType::Seamless.agent();
        let open = Trial {
            fallback: sam,
            ended: false,
        };
        let ended = Trial {
            fallback: sam,
            ended: true,
        };
        let strategist = cfg("strategist", Some(true), None);
        let free = cfg("free", Some(true), None);
        let raised = cfg("premium", Some(true), Some("2026-05-01 00:00:00"));
        let disabled = cfg("free", Some(false), None);
        let hired = [hire("2026-04-01 00:00:00", Some("free"))];
        let live = [Grant { expires_at: None }];
        let allow = Decision {
            can_access: true,
            reason: None,
        };
        let deny = |r: &str| Decision {
            can_access: false,
            reason: Some(r.to_string()),
        };
        let closed = deny(
            "Your trial has ended. Only Sam is available in the free tier. Please upgrade to continue using this agent.",
        );
        let run = |agent_type: &str,
                   config: &AgentConfig,
                   grants: &[Grant],
                   hires: &[Hire],
                   trial: Option<&Trial>| {
            decide(&AccessFacts {
                agent_type,
                config: Some(config),
                is_admin: false,
                plan_type: Some("free"),
                grants,
                hires,
                now: dt(NOW),
                trial,
            })
        };
        let cases: Vec<(&str, Decision, Decision)> = vec![
            (
                "in the trial a hired agent is open whatever its plan",
                run("bipv_design", &strategist, &[], &hired, Some(&open)),
                allow.clone(),
            ),
            (
                "without the trial the plan decides",
                run("bipv_design", &strategist, &[], &hired, None),
                deny(
                    "This agent requires a 'strategist' plan or higher. Please upgrade your plan.",
                ),
            ),
            (
                "the trial does not replace the hire",
                run("bipv_design", &strategist, &[], &[], Some(&open)),
                deny("You must hire this agent from the Agents page first"),
            ),
            (
                "nor the enabled flag",
                run("market", &disabled, &[], &hired, Some(&open)),
                deny("Agent 'market' is currently unavailable"),
            ),
            (
                "after the trial another agent is closed, even a free one",
                run("market", &free, &[], &hired, Some(&ended)),
                closed.clone(),
            ),
            (
                "and one kept by grandfathering",
                run("news", &raised, &[], &hired, Some(&ended)),
                closed,
            ),
            (
                "a whitelisted agent stays open after the trial",
                run("bipv_design", &strategist, &live, &[], Some(&ended)),
                allow.clone(),
            ),
            (
                "the fallback agent stays open after the trial",
                run("seamless", &free, &[], &hired, Some(&ended)),
                allow,
            ),
            (
                "the fallback agent still follows its plan",
                run("seamless", &strategist, &[], &hired, Some(&ended)),
                deny(
                    "This agent requires a 'strategist' plan or higher. Please upgrade your plan.",
                ),
            ),
        ];
        for (name, got, want) in cases {
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn whitelist_expiry_is_exclusive_of_now() {
        let now = dt(NOW);
        assert!(is_whitelisted(&[Grant { expires_at: None }], now));
        assert!(!is_whitelisted(
            &[Grant {
                expires_at: Some(now)
            }],
            now
        ));
        assert!(is_whitelisted(
            &[
                Grant {
                    expires_at: Some(now)
                },
                Grant { expires_at: None }
            ],
            now
        ));
        assert!(!is_whitelisted(&[], now));
    }
}
