//! `guildbook need`, `match` and `offer`: staffing from the credentialed pool. Lists are
//! tab-separated, or JSON with --json.

use std::io::Write;

use clap::{Args, Subcommand};
use guildbook_core::roster::{parse_amount, RateUnit};
use guildbook_core::staffing::{MatchQuery, MatchResult, Need, NeedInput, OfferInput};
use guildbook_core::{CoreError, Workspace};

use crate::print;

/// The work a need or an ad-hoc match asks for.
#[derive(Args)]
pub struct WorkArgs {
    /// The role's id or name.
    #[arg(long)]
    role: Option<String>,
    /// The minimum level, by name or key.
    #[arg(long)]
    level: Option<String>,
    /// A work area (id or name) the person must be cleared for over the whole need.
    #[arg(long)]
    area: Option<String>,
    /// A credential (id or name) required besides the area's; repeat for more.
    #[arg(long)]
    credential: Vec<String>,
    #[arg(long)]
    from: Option<String>,
    /// The last day of the work.
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 40)]
    hours: u32,
    /// The most the work pays, e.g. 90.00 (in --currency per --unit).
    #[arg(long)]
    ceiling: Option<String>,
    #[arg(long, default_value = "EUR")]
    currency: String,
    /// hour, day, month or fixed.
    #[arg(long, default_value = "hour")]
    unit: String,
    /// A preferred place or time zone (ranks, never filters).
    #[arg(long, default_value = "")]
    location: String,
}

#[derive(Subcommand)]
pub enum NeedCommand {
    /// Add a staffing need; prints its id and title.
    Add {
        #[arg(long)]
        title: String,
        #[command(flatten)]
        work: Box<WorkArgs>,
        #[arg(long, default_value = "")]
        client: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Needs: id, title, role, minimum level, dates, status, open offers (tab-separated).
    List {
        #[arg(long)]
        json: bool,
    },
}

/// `guildbook match NEED` or `guildbook match --role R --level L --from D --to D …`.
#[derive(Args)]
pub struct MatchArgs {
    /// A need's id; without it, the work is given by the options.
    need: Option<String>,
    #[command(flatten)]
    work: WorkArgs,
    /// Also list the people filtered out, with why.
    #[arg(long)]
    all: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum OfferCommand {
    /// Offer a need's work to a candidate; prints the offer's id.
    Send {
        need: String,
        contractor: String,
        /// The rate offered, e.g. 85.00, in the need's currency and unit.
        #[arg(long)]
        rate: String,
        #[arg(long)]
        by: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// The contractor accepted: makes the engagement; prints its id.
    Accept { offer: String },
    /// The contractor declined, and why (kept on record).
    Decline {
        offer: String,
        #[arg(long)]
        reason: String,
    },
    /// A need's offers: id, person, status, rate, sent, reason (tab-separated).
    List { need: String },
}

fn required(value: Option<String>, flag: &str) -> Result<String, CoreError> {
    value.ok_or_else(|| CoreError::Invalid(format!("{flag} is required without a need")))
}

impl WorkArgs {
    fn query(self, ws: &Workspace) -> Result<MatchQuery, CoreError> {
        let role = ws.find_role(&required(self.role, "--role")?)?;
        let ladder = ws.published_ladder(&role.id)?;
        let level = required(self.level, "--level")?;
        let level_key = ladder
            .content
            .levels
            .iter()
            .find(|l| l.key == level || l.name.eq_ignore_ascii_case(level.trim()))
            .map(|l| l.key.clone())
            .ok_or_else(|| {
                CoreError::Invalid(format!("{} has no level named '{level}'", role.name))
            })?;
        let currency = guildbook_core::roster::clean_currency(&self.currency)?;
        Ok(MatchQuery {
            role_id: role.id,
            min_level_key: level_key,
            work_area_id: match self.area {
                Some(a) => Some(ws.work_area(&a)?.id),
                None => None,
            },
            credential_ids: self
                .credential
                .iter()
                .map(|c| ws.credential(c).map(|c| c.id))
                .collect::<Result<_, _>>()?,
            start_on: required(self.from, "--from")?,
            end_on: required(self.to, "--to")?,
            hours_per_week: self.hours,
            rate_ceiling_minor: self
                .ceiling
                .map(|c| parse_amount("--ceiling", &c, &currency))
                .transpose()?,
            rate_unit: RateUnit::parse(&self.unit).ok_or_else(|| {
                CoreError::Invalid(format!(
                    "--unit must be hour, day, month or fixed (got '{}')",
                    self.unit
                ))
            })?,
            currency,
            location: self.location,
            need_id: None,
        })
    }
}

fn json(out: &mut dyn Write, value: serde_json::Result<String>) -> Result<(), CoreError> {
    let text = value.map_err(|e| CoreError::Invalid(format!("could not write JSON: {e}")))?;
    print(out, text)
}

fn need_line(n: &Need) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{} to {}\t{}\t{}",
        n.id,
        n.title,
        n.role_name,
        n.min_level_name,
        n.start_on,
        n.end_on,
        guildbook_core::store::enum_text(n.status),
        n.open_offers
    )
}

pub fn run_need(
    ws: &mut Workspace,
    command: NeedCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        NeedCommand::Add {
            title,
            work,
            client,
            note,
        } => {
            let q = work.query(ws)?;
            let need = ws.add_need(&NeedInput {
                title,
                role_id: q.role_id,
                min_level_key: q.min_level_key,
                work_area_id: q.work_area_id,
                credential_ids: q.credential_ids,
                start_on: q.start_on,
                end_on: q.end_on,
                hours_per_week: q.hours_per_week,
                rate_ceiling_minor: q.rate_ceiling_minor,
                currency: q.currency,
                rate_unit: q.rate_unit,
                location: q.location,
                client,
                note,
            })?;
            print(out, format!("{}\t{}", need.id, need.title))
        }
        NeedCommand::List { json: as_json } => {
            let needs = ws.needs()?;
            if as_json {
                return json(out, serde_json::to_string_pretty(&needs));
            }
            needs.iter().try_for_each(|n| print(out, need_line(n)))
        }
    }
}

pub fn run_match(ws: &Workspace, args: MatchArgs, out: &mut dyn Write) -> Result<(), CoreError> {
    let query = match &args.need {
        Some(need) => ws.need(need)?.query(),
        None => args.work.query(ws)?,
    };
    let MatchResult {
        candidates,
        filtered_out,
    } = ws.match_candidates(&query)?;
    if args.json {
        let value = serde_json::json!({ "candidates": candidates, "filteredOut": filtered_out });
        return json(out, serde_json::to_string_pretty(&value));
    }
    for c in &candidates {
        print(
            out,
            format!(
                "{}\t{}\t{}\t{}",
                c.contractor_id,
                c.name,
                c.score,
                c.reasons.join("; ")
            ),
        )?;
    }
    if args.all {
        for f in &filtered_out {
            print(
                out,
                format!("{}\t{}\tout\t{}", f.contractor_id, f.name, f.why.join("; ")),
            )?;
        }
    }
    Ok(())
}

pub fn run_offer(
    ws: &mut Workspace,
    command: OfferCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        OfferCommand::Send {
            need,
            contractor,
            rate,
            by,
            note,
        } => {
            let currency = ws.need(&need)?.currency;
            let offer = ws.send_offer(&OfferInput {
                need_id: need,
                contractor_id: contractor,
                rate_minor: parse_amount("--rate", &rate, &currency)?,
                note,
                sent_by: by,
            })?;
            print(out, offer.id)
        }
        OfferCommand::Accept { offer } => {
            let (_, engagement) = ws.accept_offer(&offer)?;
            print(out, engagement.id)
        }
        OfferCommand::Decline { offer, reason } => {
            ws.decline_offer(&offer, &reason)?;
            Ok(())
        }
        OfferCommand::List { need } => {
            for o in ws.need_offers(&need)? {
                print(
                    out,
                    format!(
                        "{}\t{}\t{}\t{} {}/{}\t{}\t{}",
                        o.id,
                        o.contractor_name,
                        guildbook_core::store::enum_text(o.status),
                        o.rate.currency,
                        guildbook_core::roster::amount(o.rate.minor, &o.rate.currency),
                        o.rate_unit.as_str(),
                        o.sent_at,
                        o.decline_reason.unwrap_or_default()
                    ),
                )?;
            }
            Ok(())
        }
    }
}
