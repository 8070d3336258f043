use super::*;
use rstest::rstest;

const SEED: &str = include_str!("../../../seed/kubesphere-SIGs.md");

#[test]
fn the_seed_file_yields_nineteen_sigs_with_leads_and_links() {
    let parsed = parse(SEED).expect("seed parses");
    let sigs = &parsed.community.sigs;
    assert_eq!(sigs.len(), 19);

    let first = &sigs[0];
    assert_eq!(first.slug, "advocacy-and-outreach");
    assert_eq!(first.name, "Advocacy and Outreach");
    assert_eq!(
        first
            .leads
            .iter()
            .map(|l| (l.display_name.as_str(), l.github_handle.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            ("Pengfei Zhou", Some("FeynmanZhou")),
            ("Rick", Some("linuxSuRen"))
        ]
    );
    assert_eq!(
        first.chat_channel.as_ref().map(|c| c.label.as_str()),
        Some("#sig-advocacy-and-outreach")
    );
    assert!(first
        .meeting_notes_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://docs.google.com/")));
    assert!(first.description.starts_with("We discuss advocacy"));

    let slugs: Vec<&str> = sigs.iter().map(|s| s.slug.as_str()).collect();
    for expected in [
        "apps",
        "appstore",
        "edge",
        "microservice",
        "observability",
        "virtualization",
    ] {
        assert!(
            slugs.contains(&expected),
            "{expected} missing from {slugs:?}"
        );
    }
}

#[test]
fn the_seed_file_yields_channels_and_guidance_pages() {
    let parsed = parse(SEED).expect("seed parses");
    let channels = &parsed.community.channels;
    let general: Vec<&str> = channels
        .iter()
        .filter(|c| c.kind == ChannelKind::General)
        .map(|c| c.name.as_str())
        .collect();
    let local: Vec<(&str, &str)> = channels
        .iter()
        .filter(|c| c.kind == ChannelKind::Local)
        .map(|c| (c.purpose.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        general,
        vec!["#kubesphere-users", "#contributors", "#general"]
    );
    assert_eq!(
        local,
        vec![
            ("Chinese", "#community-china"),
            ("Turkish", "#turkiye-toplulugu-genel")
        ]
    );

    let titles: Vec<&str> = parsed
        .community
        .pages
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Why Special Interest Groups",
            "Run a SIG",
            "Be Open",
            "Make Decisions"
        ]
    );
    let run = &parsed.community.pages[1];
    assert_eq!(run.slug, "run-a-sig");
    assert!(run.markdown.contains("**Roadmap**"));
    assert!(
        !run.markdown.contains("Be Open"),
        "sub-sections are pages of their own"
    );
}

#[test]
fn the_mis_encoded_apostrophe_is_repaired_and_reported() {
    let parsed = parse(SEED).expect("seed parses");
    let be_open = parsed
        .community
        .pages
        .iter()
        .find(|p| p.slug == "be-open")
        .expect("Be Open page");
    assert!(be_open.markdown.contains("the SIG’s folder"));
    assert!(!be_open.markdown.contains("â€"));
    assert_eq!(parsed.repairs.len(), 1);
    assert_eq!(parsed.repairs[0].found, "â€™");
}

const HEADER: &str =
    "| Group | Lead | Slack Channel | Meeting Notes | Description |\n|---|---|---|---|---|\n";

#[rstest]
#[case::no_table("# SIGs\n\nJust text.\n", "no SIG table found")]
#[case::table_without_group("| Name | Lead |\n|---|---|\n| a | b |\n", "no SIG table found")]
#[case::missing_lead_column(
    "intro\n\n| Group | Description |\n|---|---|\n| [A](./sig-a) | x |\n",
    "line 3: the SIG table has no \"Lead\" column"
)]
#[case::row_without_name(
    "| Group | Lead | Slack Channel | Meeting Notes | Description |\n|---|---|---|---|---|\n| [A](./sig-a) | [x](https://github.com/x) | | | a |\n|  | [y](https://github.com/y) | | | b |\n",
    "line 4: the row has no group name"
)]
#[case::duplicate_slug(
    "| Group | Lead | Slack Channel | Meeting Notes | Description |\n|---|---|---|---|---|\n| [A](./sig-a) | x | | | a |\n| [Also A](./sig-a/) | y | | | b |\n",
    "line 4: the slug \"a\" is already used by \"A\""
)]
#[case::script_link(
    "| Group | Lead | Slack Channel | Meeting Notes | Description |\n|---|---|---|---|---|\n| [A](./sig-a) | x | [#a](javascript:alert(1)) | | a |\n",
    "line 3: the chat link \"javascript:alert(1)\" is not an http(s) address"
)]
fn bad_input_is_refused_with_the_line(#[case] source: &str, #[case] message: &str) {
    let error = parse(source).expect_err("must be refused").to_string();
    assert!(
        error.starts_with(message),
        "{error:?} should start with {message:?}"
    );
}

#[test]
fn groups_without_a_folder_link_get_a_slug_from_their_name() {
    let source = format!("{HEADER}| Edge Computing | Ma Dan | | | edge |\n");
    let parsed = parse(&source).expect("parses");
    let sig = &parsed.community.sigs[0];
    assert_eq!(sig.slug, "edge-computing");
    assert_eq!(sig.leads[0].display_name, "Ma Dan");
    assert_eq!(sig.leads[0].github_handle, None);
    assert_eq!(sig.chat_channel, None);
}

#[rstest]
#[case("Why Special Interest Groups", "why-special-interest-groups")]
#[case("  Run a SIG! ", "run-a-sig")]
#[case("Multi-cluster", "multi-cluster")]
#[case("社区", "")]
fn slugs_are_lower_case_words_joined_by_hyphens(#[case] text: &str, #[case] slug: &str) {
    assert_eq!(slugify(text), slug);
}
