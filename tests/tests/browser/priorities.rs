//! « Vos priorités » in the core's order on screen, on paper and in the
//! Markdown and CSV exports; the fold of long steps, by keyboard, with its
//! disclosure semantics; axe-core on the pathway with a fold open.

use fantoccini::key::Key;
use parcours_core::priorities::{fold_heading, fold_label, PRIORITIES_HEADING};
use parcours_e2e::browser::{browser, downloaded, setup, until};
use parcours_e2e::{ids, scenario, scratch_dir, squash};

/// A pathway with priorities and no fold.
const SCENARIO: &str = "costly_brownfield_unshared_tax";
/// The one scenario whose steps hold more than the fold shows.
const SCENARIO_FOLD: &str = "every_difficulty";

/// Whether each of `needles` occurs in `text` after the previous one,
/// from `start`.
fn in_order(text: &str, start: usize, needles: &[String]) -> Result<(), String> {
    let mut at = start;
    for n in needles {
        match text[at..].find(n.as_str()) {
            Some(k) => at += k + n.len(),
            None => return Err(format!("« {n} » not found after byte {at}")),
        }
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn priorities_keep_the_core_order_on_screen_in_print_and_in_the_exports() {
    let answers = scenario(SCENARIO);
    let want = parcours_e2e::pathway(&answers);
    let list = want.priority_list();
    assert!(list.len() >= 2, "a scenario with several priorities");
    let titles: Vec<String> = list.iter().map(|p| p.module.title.clone()).collect();
    let downloads = scratch_dir("downloads");
    let page = setup().downloads(&downloads).start().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.wait_for_modules(&ids(&want)).await;

    // Screen: one item a priority, in order, with the core's reason.
    let mut shown = Vec::new();
    for li in page.elements("#parcours-priorites li").await {
        shown.push(li.text().await.unwrap());
    }
    assert_eq!(shown.len(), list.len(), "{shown:?}");
    for (line, p) in shown.iter().zip(&list) {
        assert!(line.contains(&p.module.title), "{line}");
        assert!(line.contains(&p.why.text()), "{line}");
    }

    // Paper: the heading, then the titles in that order (before the cards).
    let text = squash(&page.printed_text().await);
    let start = text
        .find(PRIORITIES_HEADING)
        .unwrap_or_else(|| panic!("« {PRIORITIES_HEADING} » not printed:\n{text}"));
    let squashed: Vec<String> = titles.iter().map(|t| squash(t)).collect();
    if let Err(e) = in_order(&text, start, &squashed) {
        panic!("printed priorities: {e}\n{text}");
    }

    // Markdown: « 1. Titre », « 2. … » under the heading.
    page.click("#export-md").await;
    let md = std::fs::read_to_string(downloaded(&downloads, ".md").await).unwrap();
    let md_plain = md.replace('\\', "");
    let start = md_plain
        .find(&format!("## {PRIORITIES_HEADING}"))
        .unwrap_or_else(|| panic!("no « {PRIORITIES_HEADING} » in:\n{md}"));
    let numbered: Vec<String> = list
        .iter()
        .map(|p| format!("{}. {}", p.rank, p.module.title))
        .collect();
    if let Err(e) = in_order(&md_plain, start, &numbered) {
        panic!("Markdown priorities: {e}\n{md}");
    }

    // CSV: the column « priorité » gives each priority its rank.
    page.click("#export-csv").await;
    let csv = std::fs::read_to_string(downloaded(&downloads, ".csv").await).unwrap();
    for p in &list {
        let row = csv
            .lines()
            .find(|l| l.split(',').nth(1) == Some(p.rank.to_string().as_str()))
            .unwrap_or_else(|| panic!("no row of priority {}:\n{csv}", p.rank));
        assert!(row.contains(&p.module.title), "{row}");
    }
    let ranked = csv
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1).is_some_and(|r| !r.is_empty()))
        .count();
    assert_eq!(ranked, list.len(), "only the priorities are ranked:\n{csv}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_long_step_unfolds_by_keyboard_and_prints_whole() {
    let answers = scenario(SCENARIO_FOLD);
    let want = parcours_e2e::pathway(&answers);
    let step = want
        .steps
        .iter()
        .find(|s| !s.folded().is_empty())
        .expect("a step that folds");
    let n = step.folded().len();
    let label = fold_label(n).unwrap();
    let body = format!("etape-{}-suite", step.id);
    let button = format!("#{body}-bouton");
    let hidden_card = format!("#{body} #module-{}", step.folded()[0].id);
    let page = browser().await;
    page.open_with_answers(&answers, "#/parcours").await;
    // Every module is in the page, the folded ones too, in the core's order.
    page.wait_for_modules(&ids(&want)).await;

    assert_eq!(page.text(&button).await, label);
    assert_eq!(
        page.attr(&button, "aria-expanded").await.as_deref(),
        Some("false")
    );
    assert_eq!(
        page.attr(&button, "aria-controls").await.as_deref(),
        Some(body.as_str())
    );
    assert!(!page.shown(&hidden_card).await, "folded until asked");
    let shown_card = format!("#module-{}", step.shown()[0].id);
    assert!(page.shown(&shown_card).await);

    // Keyboard only: Tab to the button, Enter unfolds, Enter folds back.
    page.tab_to(&label, |_, text| text == label).await;
    page.press(Key::Enter.into()).await;
    until("the step unfolds", async || page.shown(&hidden_card).await).await;
    assert_eq!(
        page.attr(&button, "aria-expanded").await.as_deref(),
        Some("true")
    );
    page.assert_axe_clean("a pathway with a step unfolded")
        .await;
    page.press(Key::Enter.into()).await;
    until("the step folds back", async || {
        !page.shown(&hidden_card).await
    })
    .await;
    assert_eq!(
        page.attr(&button, "aria-expanded").await.as_deref(),
        Some("false")
    );
    page.assert_axe_clean("a pathway with its steps folded")
        .await;

    // Paper cannot unfold: the folded modules are printed under a heading.
    let text = squash(&page.printed_text().await);
    let heading = squash(&fold_heading(n).unwrap());
    assert!(
        text.contains(&heading),
        "« {heading} » not printed:\n{text}"
    );
    let title = squash(&step.folded()[0].title);
    assert!(text.contains(&title), "« {title} » not printed:\n{text}");
}
