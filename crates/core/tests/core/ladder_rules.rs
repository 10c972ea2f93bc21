//! Domain rules of career ladders: templates, editing, publishing, immutability, diffs, roles.

use guildbook_core::ladder::templates::Template;
use guildbook_core::ladder::{
    diff_versions, ChangeKind, EvidenceKind, EvidenceRequirement, LadderEdit, RolePatch,
    VersionStatus,
};
use guildbook_core::ErrorCode;

fn set_cell(level_key: &str, domain_key: &str, outcomes: &[&str]) -> LadderEdit {
    LadderEdit::SetCell {
        level_key: level_key.into(),
        domain_key: domain_key.into(),
        outcomes: outcomes.iter().map(|s| s.to_string()).collect(),
        evidence: vec![EvidenceRequirement {
            kind: EvidenceKind::CodeSample,
            count: 2,
            note: "with tests".into(),
        }],
    }
}

#[test]
fn templates_give_the_promised_shapes() {
    let (_d, mut ws) = crate::common::workspace();
    let tech = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let names =
        |l: &[guildbook_core::ladder::Level]| l.iter().map(|x| x.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&tech.content.domains),
        ["Core skill", "Autonomy", "Quality", "Business impact"]
    );
    assert_eq!(tech.content.levels.len(), 3);
    assert_eq!(
        tech.content.cells.len(),
        12,
        "every cell of the template is written"
    );
    let creative = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    assert_eq!(
        names(&creative.content.domains),
        ["Craft", "Client interaction", "Impact"]
    );
    assert_eq!(creative.content.levels.len(), 3);
    assert!(creative
        .content
        .cells
        .iter()
        .all(|c| !c.outcomes.is_empty() && !c.evidence.is_empty()));
    assert_eq!(creative.version.status, VersionStatus::Draft);
}

#[test]
fn a_published_version_never_changes_and_editing_starts_a_new_draft() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let id = ladder.role.id.clone();
    let v1 = ws.publish_ladder(&id).unwrap();
    assert_eq!(v1.version.number, Some(1));
    let v1_content = v1.content.clone();

    let lead = v1.content.levels[2].key.clone();
    let draft = ws
        .edit_ladder(
            &id,
            LadderEdit::RenameLevel {
                key: lead,
                name: "Staff".into(),
            },
        )
        .unwrap();
    assert_eq!(draft.version.status, VersionStatus::Draft);
    assert_eq!(draft.version.based_on, Some(1));
    assert_eq!(draft.content.levels[2].name, "Staff");
    assert_eq!(
        ws.ladder_version(&v1.version.id).unwrap().content,
        v1_content,
        "v1 is untouched"
    );

    // Even SQL behind the app's back can't change a published version.
    let err = ws
        .conn()
        .execute(
            "UPDATE ladder_level SET name = 'Hacked' WHERE version_id = ?1",
            [&v1.version.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    let err = ws
        .conn()
        .execute("DELETE FROM ladder_version WHERE id = ?1", [&v1.version.id])
        .unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");

    let v2 = ws.publish_ladder(&id).unwrap();
    assert_eq!(v2.version.number, Some(2));
    let versions = ws.ladder_versions(&id).unwrap();
    assert_eq!(
        versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        [Some(2), Some(1)]
    );
    let err = ws.publish_ladder(&id).unwrap_err();
    assert!(err.to_string().contains("no draft to publish"), "{err}");
}

#[test]
fn levels_and_domains_reorder_and_removing_one_removes_its_cells() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Designer", Some(Template::Creative));
    let id = ladder.role.id.clone();
    let [junior, designer, lead] = [0, 1, 2].map(|i| ladder.content.levels[i].key.clone());
    let moved = ws
        .edit_ladder(
            &id,
            LadderEdit::MoveLevel {
                key: lead.clone(),
                to: 0,
            },
        )
        .unwrap();
    let order: Vec<_> = moved.content.levels.iter().map(|l| l.key.clone()).collect();
    assert_eq!(order, [lead.clone(), junior.clone(), designer.clone()]);
    let far = ws
        .edit_ladder(
            &id,
            LadderEdit::MoveLevel {
                key: lead.clone(),
                to: 99,
            },
        )
        .unwrap();
    assert_eq!(
        far.content.levels.last().unwrap().key,
        lead,
        "moving past the end puts it last"
    );

    let craft = ladder.content.domains[0].key.clone();
    let moved = ws
        .edit_ladder(
            &id,
            LadderEdit::MoveDomain {
                key: craft.clone(),
                to: 2,
            },
        )
        .unwrap();
    assert_eq!(moved.content.domains[2].key, craft);

    let removed = ws
        .edit_ladder(
            &id,
            LadderEdit::RemoveLevel {
                key: designer.clone(),
            },
        )
        .unwrap();
    assert_eq!(removed.content.levels.len(), 2);
    assert!(removed
        .content
        .cells
        .iter()
        .all(|c| c.level_key != designer));
    assert_eq!(removed.content.cells.len(), 6);
}

#[test]
fn cells_hold_outcomes_and_evidence_and_bad_values_are_refused() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Backend engineer", None);
    let id = ladder.role.id.clone();
    let (l, d) = (
        ladder.content.levels[0].key.clone(),
        ladder.content.domains[0].key.clone(),
    );
    let edited = ws
        .edit_ladder(
            &id,
            set_cell(&l, &d, &["  Ships small changes  ", "", "Reads code"]),
        )
        .unwrap();
    let cell = edited.content.cell(&l, &d).unwrap();
    assert_eq!(
        cell.outcomes,
        ["Ships small changes", "Reads code"],
        "trimmed, blanks dropped"
    );
    assert_eq!(cell.evidence[0].count, 2);

    let before = crate::common::snapshot(&ws);
    let zero = LadderEdit::SetCell {
        level_key: l.clone(),
        domain_key: d.clone(),
        outcomes: vec![],
        evidence: vec![EvidenceRequirement {
            kind: EvidenceKind::Link,
            count: 0,
            note: String::new(),
        }],
    };
    let err = ws.edit_ladder(&id, zero).unwrap_err();
    assert!(err.to_string().contains("between 1 and 99"), "{err}");
    let err = ws
        .edit_ladder(&id, set_cell("no-such-level", &d, &["x"]))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let long = "x".repeat(5000);
    let err = ws.edit_ladder(&id, set_cell(&l, &d, &[&long])).unwrap_err();
    assert!(err.to_string().contains("too long"), "{err}");
    let err = ws
        .edit_ladder(
            &id,
            LadderEdit::AddLevel {
                name: "level 1".into(),
                at: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Duplicate,
        "level names are unique, ignoring case"
    );
    let err = ws
        .edit_ladder(
            &id,
            LadderEdit::RenameLevel {
                key: l.clone(),
                name: "   ".into(),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("can't be empty"), "{err}");
    assert_eq!(
        crate::common::snapshot(&ws),
        before,
        "refused edits change nothing"
    );
}

#[test]
fn role_names_are_unique_but_markup_is_just_text() {
    let (_d, mut ws) = crate::common::workspace();
    crate::common::role(&mut ws, "Backend engineer", None);
    let err = ws
        .create_role(guildbook_core::ladder::NewRole {
            name: "BACKEND ENGINEER".into(),
            kind: guildbook_core::ladder::RoleKind::Technical,
            description: String::new(),
            template: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(err.to_string().contains("already exists"), "{err}");
    let hostile = "<script>alert('x')</script> & <b>Lead</b>";
    let ladder = crate::common::role(&mut ws, hostile, None);
    assert_eq!(
        ws.find_role(&ladder.role.id).unwrap().name,
        hostile,
        "stored exactly as typed"
    );
    let err = ws
        .update_role(
            &ladder.role.id,
            RolePatch {
                name: Some("line\u{0}break".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
}

#[test]
fn duplicate_archive_restore_and_related_roles() {
    let (_d, mut ws) = crate::common::workspace();
    let a = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let copy = ws.duplicate_role(&a.role.id, "Platform engineer").unwrap();
    assert_eq!(copy.content.cells.len(), a.content.cells.len());
    assert_ne!(copy.version.id, a.version.id);

    let related = ws
        .set_related_roles(&a.role.id, std::slice::from_ref(&copy.role.id))
        .unwrap();
    assert_eq!(related[0].name, "Platform engineer");
    assert_eq!(
        ws.ladder(&copy.role.id).unwrap().related[0].name,
        "Backend engineer",
        "mutual"
    );
    assert!(ws
        .set_related_roles(&a.role.id, std::slice::from_ref(&a.role.id))
        .is_err());

    let archived = ws.set_role_archived(&copy.role.id, true).unwrap();
    assert!(archived.archived);
    assert_eq!(ws.list_roles(false).unwrap().len(), 1);
    assert_eq!(ws.list_roles(true).unwrap().len(), 2);
    let err = ws
        .edit_ladder(
            &copy.role.id,
            LadderEdit::AddLevel {
                name: "X".into(),
                at: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly);
    // Its name is free again while it is archived; restoring then needs a free name.
    crate::common::role(&mut ws, "Platform engineer", None);
    let err = ws.set_role_archived(&copy.role.id, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
}

#[test]
fn the_diff_between_versions_reads_cell_by_cell() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let id = ladder.role.id.clone();
    let v1 = ws.publish_ladder(&id).unwrap();
    let lvl = |i: usize| v1.content.levels[i].key.clone();
    let dom = |i: usize| v1.content.domains[i].key.clone();
    ws.edit_ladder(
        &id,
        LadderEdit::RenameLevel {
            key: lvl(2),
            name: "Technical lead".into(),
        },
    )
    .unwrap();
    ws.edit_ladder(&id, set_cell(&lvl(0), &dom(0), &["Ships small changes"]))
        .unwrap();
    ws.edit_ladder(&id, LadderEdit::RemoveDomain { key: dom(3) })
        .unwrap();
    let added = ws
        .edit_ladder(
            &id,
            LadderEdit::AddLevel {
                name: "Principal".into(),
                at: None,
            },
        )
        .unwrap();
    let v2 = ws.publish_ladder(&id).unwrap();
    assert_eq!(added.content.levels.len(), 4);

    let diff = diff_versions(&ws, &v1.version.id, &v2.version.id).unwrap();
    let renamed = diff.levels.iter().find(|h| h.key == lvl(2)).unwrap();
    assert!(renamed.renamed && renamed.kind == ChangeKind::Changed);
    assert_eq!(renamed.after.as_ref().unwrap().name, "Technical lead");
    assert!(diff
        .levels
        .iter()
        .any(|h| h.kind == ChangeKind::Added && h.after.as_ref().unwrap().name == "Principal"));
    assert!(diff
        .domains
        .iter()
        .any(|h| h.kind == ChangeKind::Removed && h.key == dom(3)));
    let changed = diff
        .cells
        .iter()
        .find(|c| c.level_key == lvl(0) && c.domain_key == dom(0))
        .unwrap();
    assert_eq!(changed.kind, ChangeKind::Changed);
    assert_eq!(changed.outcomes_added, ["Ships small changes"]);
    assert_eq!(changed.outcomes_removed.len(), 2);
    assert_eq!(changed.domain_name, "Core skill");
    let removed_cells = diff
        .cells
        .iter()
        .filter(|c| c.kind == ChangeKind::Removed)
        .count();
    assert_eq!(removed_cells, 3, "the three Business impact cells");
    assert_eq!(diff.cells.len(), 4, "unchanged cells are not listed");
}

#[test]
fn undo_restores_whole_content_and_discarding_a_draft_returns_to_published() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Designer", Some(Template::Creative));
    let id = ladder.role.id.clone();
    let before = ladder.content.clone();
    let after = ws
        .edit_ladder(
            &id,
            LadderEdit::RemoveLevel {
                key: before.levels[0].key.clone(),
            },
        )
        .unwrap();
    assert_eq!(after.content.levels.len(), 2);
    let undone = ws.set_ladder_content(&id, before.clone()).unwrap();
    assert_eq!(
        undone.content, before,
        "undo brings back the level and its cells, keys and all"
    );

    let err = ws.discard_draft(&id).unwrap_err();
    assert!(err.to_string().contains("never been published"), "{err}");
    let v1 = ws.publish_ladder(&id).unwrap();
    ws.edit_ladder(
        &id,
        LadderEdit::AddDomain {
            name: "Research".into(),
            at: Some(0),
        },
    )
    .unwrap();
    let back = ws.discard_draft(&id).unwrap();
    assert_eq!(back.version.id, v1.version.id);
    assert_eq!(back.content, v1.content);
}

#[test]
fn publishing_needs_a_level_and_a_domain() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Empty", None);
    let id = ladder.role.id.clone();
    ws.edit_ladder(
        &id,
        LadderEdit::RemoveDomain {
            key: ladder.content.domains[0].key.clone(),
        },
    )
    .unwrap();
    let err = ws.publish_ladder(&id).unwrap_err();
    assert!(
        err.to_string()
            .contains("at least one level and one domain"),
        "{err}"
    );
}
