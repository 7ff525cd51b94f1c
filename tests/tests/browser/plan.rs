//! « Ma feuille de route » end to end: five modules taken from the
//! pathway's cards, a module page and the catalogue, one action of one's
//! own, statuts, porteurs and échéances; kept across a reload; exported as
//! JSON and as a spreadsheet; storage cleared and the file imported back;
//! printed, its QR code decoded and opened in a fresh profile; an earlier
//! export compared. By keyboard where a person would; axe-core on the way.

use fantoccini::key::Key;
use parcours_core::plan::{can_take, Status};
use parcours_e2e::browser::{downloaded, pdf_text, setup, until};
use parcours_e2e::plan::{qr_codes_in, read_spreadsheet, Row, PLAN_ROUTE};
use parcours_e2e::{catalogue, ids, scenario, scratch_dir, squash};

const SCENARIO: &str = "costly_brownfield_unshared_tax";

fn titles(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| r.cells[1].lines().next().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_plan_is_built_kept_exported_imported_printed_reopened_and_compared() {
    let cat = catalogue();
    let answers = scenario(SCENARIO);
    let pathway = parcours_e2e::pathway(&answers);
    let from_pathway: Vec<String> = pathway
        .steps
        .iter()
        .flat_map(|s| s.shown())
        .map(|m| m.id.clone())
        .filter(|id| can_take(cat.module(id).unwrap()))
        .take(3)
        .collect();
    assert_eq!(
        from_pathway.len(),
        3,
        "three modules to take from {SCENARIO}"
    );
    let outside: Vec<String> = cat
        .modules
        .iter()
        .filter(|m| can_take(m) && !from_pathway.contains(&m.id))
        .map(|m| m.id.clone())
        .take(2)
        .collect();
    let downloads = scratch_dir("downloads");
    let page = setup().downloads(&downloads).start().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.wait_for_modules(&ids(&pathway)).await;

    // Three from the pathway's cards (the public bundle), one from its
    // module page by keyboard, one from the catalogue's cards.
    for id in &from_pathway {
        page.add_to_plan(id).await;
    }
    page.assert_axe_clean("the pathway with modules taken")
        .await;
    page.set_hash(&format!("#/catalogue/{}", outside[0])).await;
    page.heading(&cat.module(&outside[0]).unwrap().title).await;
    page.tab_to("« Ajouter à ma feuille de route »", |_, text| {
        text.starts_with("Ajouter à ma feuille de route")
    })
    .await;
    page.press(Key::Enter.into()).await;
    page.wait_text(".parcours-add-plan", "Dans ma feuille de route")
        .await;
    page.set_hash("#/catalogue").await;
    page.heading("Catalogue").await;
    page.add_to_plan(&outside[1]).await;

    // The plan's page: its own bundle, the five modules in the order taken.
    page.open_plan_from_menu().await;
    page.wait_plan_rows(5).await;
    let taken: Vec<String> = from_pathway.iter().chain(&outside).cloned().collect();
    let mut rows = page.plan_rows().await;
    rows.sort_by_key(|r| r.cells[0].parse::<usize>().unwrap());
    assert_eq!(rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), taken);

    page.add_own_action(
        "Réunir les industriels de la zone nord",
        "Un petit-déjeuner par trimestre",
    )
    .await;
    page.type_in("#territoire-feuille", "Vallée de l'Arve")
        .await;
    let plan = [
        (
            taken[0].as_str(),
            Status::Fait,
            "Service développement économique",
            "2027-01",
        ),
        (
            taken[1].as_str(),
            Status::EnCours,
            "Mme Martin, vice-présidente",
            "2027-03",
        ),
        (taken[2].as_str(), Status::Ecarte, "DGS", "2027-06"),
        (
            taken[3].as_str(),
            Status::AEngager,
            "Chef de projet TI",
            "2027-09",
        ),
        (
            taken[4].as_str(),
            Status::EnCours,
            "Service emploi",
            "2028-01",
        ),
        ("propre-1", Status::AEngager, "Le président", "2027-02"),
    ];
    for (id, status, carrier, due) in plan {
        page.follow_action(id, status.id(), carrier, due).await;
    }
    page.give_reason(taken[2].as_str(), "hors calendrier cette année")
        .await;
    // The own action moves up one place, and keeps the keyboard's focus.
    page.move_up("propre-1").await;
    until("the own action moved up", async || {
        page.focused().await.0 == "monter-propre-1"
    })
    .await;
    page.assert_axe_clean("the plan, filled in").await;

    // By statut: the same actions, grouped under the four statuts.
    page.click_label("par-statut").await;
    page.wait_text("#tableau-feuille caption", "À engager")
        .await;
    let captions: Vec<String> = {
        let mut out = Vec::new();
        for c in page.elements("#tableau-feuille caption").await {
            out.push(c.text().await.unwrap());
        }
        out
    };
    assert_eq!(captions, ["À engager", "En cours", "Fait", "Écarté"]);
    let before = page.plan_rows().await;
    assert_eq!(before.len(), 6);

    // Reload: all kept.
    page.reload().await;
    page.heading("Ma feuille de route").await;
    page.wait_plan_rows(6).await;
    assert_eq!(page.plan_rows().await, before, "the plan after a reload");
    assert_eq!(page.value("#territoire-feuille").await, "Vallée de l'Arve");
    // The forms show what is kept, not their first option.
    for (id, status, _, due) in plan {
        assert_eq!(
            page.value(&format!("#statut-{id}")).await,
            status.id(),
            "{id}"
        );
        assert_eq!(page.value(&format!("#echeance-{id}")).await, due, "{id}");
    }

    // Exports: the file (answers and plan) and the spreadsheet.
    page.click("#exporter-feuille-json").await;
    let json = downloaded(&downloads, ".json").await;
    let earlier = scratch_dir("comite").join("comite-precedent.json");
    std::fs::copy(&json, &earlier).unwrap();
    page.click("#exporter-tableur").await;
    let sheet =
        read_spreadsheet(&std::fs::read_to_string(downloaded(&downloads, ".csv").await).unwrap());
    assert_eq!(sheet.len(), 7, "a header and six actions: {sheet:?}");
    for (id, status, carrier, due) in plan {
        let title = cat
            .module(id)
            .map_or("Réunir les industriels de la zone nord", |m| {
                m.title.as_str()
            });
        let row = sheet
            .iter()
            .find(|r| r[2].starts_with(title))
            .unwrap_or_else(|| panic!("{title} in {sheet:?}"));
        assert_eq!(
            (row[5].as_str(), row[7].as_str()),
            (status.label(), carrier)
        );
        assert_eq!(row[8], parcours_core::date::french_month(due));
    }

    // Storage cleared: an empty plan; the file brings the same one back.
    page.clear_storage().await;
    page.open_plan().await;
    page.wait_text("#feuille-vide", "Votre feuille de route est vide")
        .await;
    assert!(!page.plan_stored().await);
    page.import_plan(&json).await;
    page.click_label("par-statut").await;
    page.wait_plan_rows(6).await;
    assert_eq!(page.plan_rows().await, before, "the plan imported");

    // Paper: every title, statut and porteur, and a QR code whose link
    // reopens the same plan in a fresh profile.
    let pdf = page.printed_pdf_landscape().await;
    // A word broken at its hyphen across two lines reads whole again.
    let text = squash(&pdf_text(&pdf, true)).replace("- ", "-");
    for row in &before {
        for cell in [&row.cells[1], &row.cells[2], &row.cells[3]] {
            let first = squash(cell.lines().next().unwrap_or(""));
            assert!(text.contains(&first), "« {first} » not printed:\n{text}");
        }
    }
    assert!(
        text.contains("Feuille de route — Vallée de l'Arve"),
        "{text}"
    );
    assert!(text.contains(&format!("version {}", cat.version)), "{text}");
    let codes = qr_codes_in(&pdf);
    assert_eq!(codes.len(), 1, "one QR code on the first page: {codes:?}");
    let link = &codes[0];
    let route = link
        .strip_prefix(&page.url(""))
        .unwrap_or_else(|| panic!("{link} is not on {}", page.url("")));
    assert!(route.starts_with(&format!("{PLAN_ROUTE}?r=")), "{route}");
    let fresh = setup().start().await;
    fresh.open(route).await;
    fresh.heading("Ma feuille de route").await;
    fresh
        .wait_text(".parcours-notice", "désormais la vôtre")
        .await;
    fresh.click_label("par-statut").await;
    fresh.wait_plan_rows(6).await;
    let reopened = fresh.plan_rows().await;
    assert_eq!(titles(&reopened), titles(&before));
    for (a, b) in reopened.iter().zip(&before) {
        assert_eq!(
            a.cells[2..],
            b.cells[2..],
            "statut, porteur, échéance… of {}",
            b.id
        );
    }

    // « Depuis le dernier comité »: one done, one added, one taken out.
    page.follow_action(&taken[1], Status::Fait.id(), " (fini)", "2027-03")
        .await;
    page.set_hash("#/catalogue").await;
    let more = cat
        .modules
        .iter()
        .find(|m| can_take(m) && !taken.contains(&m.id))
        .unwrap();
    page.heading("Catalogue").await;
    page.add_to_plan(&more.id).await;
    page.open_plan_from_menu().await;
    page.wait_plan_rows(7).await;
    page.click(&format!("#retirer-{}", taken[3])).await;
    page.wait_plan_rows(6).await;
    let changes = page.compare_with(&earlier).await;
    let t = |id: &str| cat.module(id).unwrap().title.clone();
    for needle in [
        "Actions faites (1)".to_string(),
        format!("{} : En cours → Fait", t(&taken[1])),
        "Actions ajoutées (1)".to_string(),
        t(&more.id),
        "Actions retirées de la feuille de route (1)".to_string(),
        t(&taken[3]),
    ] {
        assert!(changes.contains(&needle), "« {needle} » not in:\n{changes}");
    }
    page.assert_axe_clean("the plan with the changes since the last committee")
        .await;
    // « Imprimer le bilan »: that section alone, on one page. (The button
    // sets this class around the print dialog, which WebDriver's print
    // does not open.)
    page.script(
        "document.body.classList.add('parcours-print-since');",
        vec![],
    )
    .await;
    let summary = pdf_text(&page.printed_pdf_landscape().await, true);
    page.script(
        "document.body.classList.remove('parcours-print-since');",
        vec![],
    )
    .await;
    let done = squash(&format!("{} : En cours → Fait", t(&taken[1])));
    assert!(squash(&summary).contains(&done), "{summary}");
    assert!(
        !summary.contains("Partenaires contactés"),
        "the table is not printed: {summary}"
    );
    let pages = summary.trim_end_matches('\u{c}').matches('\u{c}').count() + 1;
    assert_eq!(pages, 1, "one page: {summary}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_tampered_plan_link_or_a_broken_stored_plan_loses_nothing() {
    let page = setup().start().await;
    // A stored plan that cannot be read: put aside, not overwritten.
    page.visit("").await;
    page.heading("").await;
    page.script(
        "localStorage.setItem('parcours-ti:feuille-de-route', '{\"format\": 99}');",
        vec![],
    )
    .await;
    page.open_plan().await;
    page.wait_text(".parcours-notice", "mise de côté").await;
    let kept = page
        .script(
            "return localStorage.getItem('parcours-ti:feuille-de-route:illisible');",
            vec![],
        )
        .await;
    assert_eq!(kept.as_str(), Some("{\"format\": 99}"));
    // A well-formed link whose plan cannot be read: said so.
    let bad_plan = parcours_core::share::encode_with(
        &catalogue().version,
        &parcours_core::Answers::new(),
        Some("t,1;vte,,statut-inconnu,,,,,,,,,"),
    );
    page.open(&format!("{PLAN_ROUTE}?r={bad_plan}")).await;
    page.heading("Ma feuille de route").await;
    page.wait_text(".parcours-notice", "Ce lien ne peut pas être ouvert")
        .await;
    // A link altered in transit: said so, the page still works.
    page.open(&format!("{PLAN_ROUTE}?r=AZZZZZZZZ")).await;
    page.heading("Ma feuille de route").await;
    page.wait_text(".parcours-notice", "Ce lien ne peut pas être ouvert")
        .await;
    page.add_own_action("Une action", "").await;
}
